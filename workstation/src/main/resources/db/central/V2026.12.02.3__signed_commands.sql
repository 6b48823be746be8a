-- The signature central verified, kept with the answer: who signed a decision stays provable.
ALTER TABLE applied_command ADD COLUMN signed_by ${uuid};
ALTER TABLE applied_command ADD COLUMN signature VARCHAR(200);
