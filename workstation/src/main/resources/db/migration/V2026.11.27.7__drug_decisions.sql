-- Offline double decisions: a second supervisor deciding the same way is recorded as concurring; the reason
-- code of a rejection comes from the maintained list, the free text stays in decision_reason.
ALTER TABLE special_drug_application ADD COLUMN concurred_by ${uuid};
ALTER TABLE special_drug_application ADD COLUMN rejection_code VARCHAR(30);
