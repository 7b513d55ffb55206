-- 044_audit_partitions.sql: the audit log partitioned by month (issue 14,
-- "the audit log is kept at least six months and can be archived by month
-- without losing its immutability").
--
-- eduaid.audit_log becomes a table partitioned by range of its time
-- column, one partition per month of China Standard Time (Asia/Shanghai),
-- and a default partition so that no insert ever fails. The partitions
-- live in schema eduaid_audit, where no role but the superuser has any
-- privilege (not even USAGE): a partition cannot be read, or written,
-- by its name -- a partition read directly would skip the parent's
-- row-level security. Everything reads and writes eduaid.audit_log, whose
-- policies, grants and triggers apply to every row of every partition.
-- The functions that make the coming months' partitions, secure each
-- partition (its own TRUNCATE trigger, forced RLS, no grants) and archive
-- a month are in repeatable/45_audit_partitions.sql; migrate calls them.
--
-- Archived months: a partition detached by `eduaid-admin audit archive`
-- is moved to schema eduaid_archive, dumped, checked and dropped; the
-- month is recorded in eduaid.audit_archive, which the auditor reads. A
-- month restored for an inspection (`eduaid-admin audit restore`) lands
-- in eduaid_archive, read-only to the auditor.
--
-- The rows move as they are: id, time, actor, transaction, old and new
-- row. The masked columns are generated again from them by today's
-- eduaid.mask_row (they are derived, never written by anyone).

CREATE SCHEMA eduaid_audit;
CREATE SCHEMA eduaid_archive;
COMMENT ON SCHEMA eduaid_audit IS 'eduaid: the monthly partitions of eduaid.audit_log (no role may use it: read the log through eduaid.audit_log)';
COMMENT ON SCHEMA eduaid_archive IS 'eduaid: archived months of the audit log restored for an inspection (read-only to auditors)';
GRANT USAGE ON SCHEMA eduaid_archive TO eduaid_auditor;

-- The old table out of the way, with the names of its constraint,
-- indexes and sequence (index names are unique in a schema).
ALTER TABLE eduaid.audit_log RENAME TO audit_log_unpartitioned;
ALTER TABLE eduaid.audit_log_unpartitioned
    RENAME CONSTRAINT audit_log_township_id_key TO audit_log_unpartitioned_key;
ALTER INDEX eduaid.audit_log_record_idx RENAME TO audit_log_unpartitioned_record_idx;
ALTER INDEX eduaid.audit_log_actor_idx RENAME TO audit_log_unpartitioned_actor_idx;
ALTER SEQUENCE eduaid.audit_log_id_seq RENAME TO audit_log_unpartitioned_id_seq;

GRANT CREATE ON SCHEMA eduaid TO eduaid_audit_owner;
SET ROLE eduaid_audit_owner;

-- The key carries the partition key (a unique constraint of a partitioned
-- table must); the id alone stays unique by its identity.
CREATE TABLE eduaid.audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text NOT NULL DEFAULT session_user,
    txid        bigint NOT NULL DEFAULT txid_current(),
    kind        text NOT NULL,
    table_name  text NOT NULL,
    record_id   bigint,
    row_id      bigint,
    record_key  text,
    township_id int,
    action      text NOT NULL,
    reason      text,
    old_row     jsonb,
    new_row     jsonb,
    old_masked  jsonb GENERATED ALWAYS AS (eduaid.mask_row(old_row)) STORED,
    new_masked  jsonb GENERATED ALWAYS AS (eduaid.mask_row(new_row)) STORED,
    CONSTRAINT audit_log_action_check CHECK (action IN ('insert', 'update', 'delete',
        'submit', 'verify', 'approve', 'reject', 'reopen', 'notice', 'finalize', 'export')),
    CONSTRAINT audit_log_township_id_key UNIQUE NULLS NOT DISTINCT (township_id, id, at)
) PARTITION BY RANGE (at);
CREATE INDEX audit_log_record_idx ON eduaid.audit_log (township_id, kind, record_id, id);
CREATE INDEX audit_log_actor_idx ON eduaid.audit_log (township_id, actor, at);

-- The archived months: what was dumped, where, its checksum, by whom.
CREATE TABLE eduaid.audit_archive (
    month     date PRIMARY KEY,
    rows      bigint NOT NULL,
    sha256    text NOT NULL,
    file_name text NOT NULL,
    archived_by text NOT NULL DEFAULT session_user,
    archived_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT audit_archive_month_check CHECK (month = date_trunc('month', month)::date AND rows >= 0),
    CONSTRAINT audit_archive_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$')
);

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_audit_owner;

-- A partition for every month that holds rows, and the default one; each
-- owned by the log's owner. (The coming months: repeatable/45.)
DO $$
DECLARE
    m timestamptz;
    part text;
BEGIN
    SET LOCAL TimeZone = 'Asia/Shanghai';
    FOR m IN SELECT DISTINCT date_trunc('month', a.at) FROM eduaid.audit_log_unpartitioned a ORDER BY 1 LOOP
        part := 'audit_log_' || to_char(m, 'YYYY_MM');
        EXECUTE format('CREATE TABLE eduaid_audit.%I PARTITION OF eduaid.audit_log FOR VALUES FROM (%L) TO (%L)',
                       part, m, m + interval '1 month');
        EXECUTE format('ALTER TABLE eduaid_audit.%I OWNER TO eduaid_audit_owner', part);
    END LOOP;
END
$$;
CREATE TABLE eduaid_audit.audit_log_default PARTITION OF eduaid.audit_log DEFAULT;
ALTER TABLE eduaid_audit.audit_log_default OWNER TO eduaid_audit_owner;

INSERT INTO eduaid.audit_log (id, at, actor, txid, kind, table_name, record_id, row_id,
                              record_key, township_id, action, reason, old_row, new_row)
OVERRIDING SYSTEM VALUE
SELECT id, at, actor, txid, kind, table_name, record_id, row_id,
       record_key, township_id, action, reason, old_row, new_row
  FROM eduaid.audit_log_unpartitioned ORDER BY id;
SELECT setval(pg_get_serial_sequence('eduaid.audit_log', 'id'),
              coalesce((SELECT max(id) FROM eduaid.audit_log_unpartitioned), 0) + 1, false);

-- As 020_locks.sql: rows written before 020 are history and stay as they
-- were (NOT VALID); every new row is checked.
ALTER TABLE eduaid.audit_log ADD CONSTRAINT audit_log_export_size_check
    CHECK (action <> 'export' OR octet_length(new_row::text) <= 1024) NOT VALID;
-- ... and validated on every month it holds for (on a fresh install and
-- every month written since 020, so that a partition's constraint is the
-- same whether this made it or repeatable/45 did).
DO $$
DECLARE
    p regclass;
BEGIN
    FOR p IN SELECT i.inhrelid::regclass FROM pg_inherits i WHERE i.inhparent = 'eduaid.audit_log'::regclass LOOP
        BEGIN
            EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT audit_log_export_size_check', p);
        EXCEPTION WHEN check_violation THEN
            NULL;
        END;
    END LOOP;
END
$$;

-- A function with an SQL body names the old table (on an upgrade);
-- repeatable/33_notice.sql
-- makes it again on the new one, with its privileges.
DROP FUNCTION IF EXISTS eduaid.latest_audit_id(text, int, bigint);
DROP TABLE eduaid.audit_log_unpartitioned;

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA180', '_record', '该月的审计日志尚未超过保存期限，不能归档。', 'This month of the audit log is within its retention period and cannot be archived.'),
('EA181', '_record', '审计日志的保存期限不能少于6个月。', 'The audit log must be kept at least 6 months.'),
('EA182', '_record', '该月没有可归档的审计日志分区。', 'There is no partition of the audit log for this month.'),
('EA183', '_record', '只有数据库超级用户可以管理审计日志分区。', 'Only the database superuser manages the partitions of the audit log.'),
('EA184', '_record', '归档文件与审计日志分区不一致。', 'The archive does not match the partition of the audit log.'),
('audit_archive_pkey', 'month', '该月的审计日志已归档。', 'This month of the audit log is archived already.'),
('audit_archive_month_check', 'month', '归档月份不对。', 'Not a month of the audit log archive.'),
('audit_archive_sha256_check', 'sha256', '归档文件的校验值不对。', 'Not a SHA-256 checksum.');
