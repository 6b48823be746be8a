-- Replica only: progress of the initial load, so a crash or a cut connection resumes instead of restarting.
CREATE TABLE initial_load (
    id INTEGER NOT NULL,
    snapshot_sequence BIGINT,
    completed BOOLEAN NOT NULL,
    CONSTRAINT pk_initial_load PRIMARY KEY (id)
);
INSERT INTO initial_load (id, snapshot_sequence, completed) VALUES (1, NULL, FALSE);

CREATE TABLE initial_load_table (
    table_name VARCHAR(40) NOT NULL,
    last_id ${uuid},
    copied BIGINT NOT NULL,
    done BOOLEAN NOT NULL,
    CONSTRAINT pk_initial_load_table PRIMARY KEY (table_name)
);
