-- A release whose last migration fails after an earlier statement succeeded (ReplicaUpgradeTest).
ALTER TABLE insured_person ADD COLUMN upgrade_probe INT;
UPDATE no_such_table SET x = 1;
