-- 007_audit.sql: the audit trail. Every INSERT, UPDATE and DELETE of a
-- record or member row, and every workflow transition, writes one row of
-- eduaid.audit_log in the same transaction (so it commits or rolls back
-- with the change): who (session_user), when (clock_timestamp), the
-- transaction, the kind and record, the action, the old and new row as
-- jsonb, and the reason of a rejection or reopening. So do the admin's
-- changes to users (kind 'user', keyed by login) and to schools, courses
-- and fund programs (kind 'reference'); those rows carry no township and
-- only auditors read them.
--
-- The log belongs to eduaid_audit_owner. Only its trigger function writes
-- it; nobody may INSERT directly, and UPDATE, DELETE and TRUNCATE raise
-- even for its owner. Clerks, officers and supervisors read the history of
-- their townships' rows; supervisors see personal data masked (old_masked,
-- new_masked); auditors read everything. The functions, triggers,
-- policies and privileges that say so live in repeatable/ (25_audit.sql,
-- 37_triggers.sql, 38_policies.sql, 39_privileges.sql).
GRANT CREATE ON SCHEMA eduaid TO eduaid_audit_owner;
SET ROLE eduaid_audit_owner;

CREATE TABLE eduaid.audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text NOT NULL DEFAULT session_user,
    txid        bigint NOT NULL DEFAULT txid_current(),
    kind        text NOT NULL,
    table_name  text NOT NULL,
    record_id   bigint,           -- the record: household id for members
    row_id      bigint,           -- the row changed
    record_key  text,             -- users: the login
    township_id int,              -- NULL for users and reference data
    action      text NOT NULL,
    reason      text,
    old_row     jsonb,
    new_row     jsonb,
    old_masked  jsonb GENERATED ALWAYS AS (eduaid.mask_row(old_row)) STORED,
    new_masked  jsonb GENERATED ALWAYS AS (eduaid.mask_row(new_row)) STORED,
    CONSTRAINT audit_log_action_check CHECK (action IN ('insert', 'update', 'delete',
        'submit', 'verify', 'approve', 'reject', 'reopen'))
);
CREATE INDEX audit_log_record_idx ON eduaid.audit_log (township_id, kind, record_id, id);
CREATE INDEX audit_log_actor_idx ON eduaid.audit_log (actor, at);

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_audit_owner;
