-- One live online account per citizen, held by the database itself (PostgreSQL only: Derby, the demo's central, has
-- no partial indexes). The handler already serialises issuing per citizen by locking the citizen's row; this index
-- is the backstop, and a violation of it is answered as a conflict, never as an error that wedges a queue.
CREATE UNIQUE INDEX uq_online_account_live ON online_account (person_id) WHERE status IN ('PENDING', 'ACTIVE', 'LOCKED');
