-- Failed logins and lockouts are this window's own business and never replicate: kept beside the staff row, which
-- is central's (a local failure raising the staff row's version made the pull skip central's disable of that user).
CREATE TABLE staff_lockout (
    staff_id ${uuid} NOT NULL,
    failed_attempts INTEGER NOT NULL,
    locked_until ${timestamp},
    CONSTRAINT pk_staff_lockout PRIMARY KEY (staff_id)
);
INSERT INTO staff_lockout (staff_id, failed_attempts, locked_until)
    SELECT id, failed_attempts, locked_until FROM staff_user WHERE failed_attempts > 0 OR locked_until IS NOT NULL;
