-- A migration only a newer release knows (ReplicaUpgradeTest: an older release must refuse the replica).
CREATE TABLE future_feature (id INT NOT NULL PRIMARY KEY);
