-- The centre's rules for this window (idle lock, lockout, guardrail), as central last sent them; kept so that they
-- hold offline and across restarts. One row at most; none until the first sync, and then the built-in defaults apply.
CREATE TABLE centre_policy (
    id                    INT       NOT NULL PRIMARY KEY,
    idle_lock_max_minutes INT       NOT NULL,
    lockout_failures      INT       NOT NULL,
    lockout_minutes       INT       NOT NULL,
    max_days_offline      INT       NOT NULL,
    max_pending_commands  INT       NOT NULL,
    received_at           TIMESTAMP NOT NULL,
    CONSTRAINT centre_policy_single_row CHECK (id = 1)
);
