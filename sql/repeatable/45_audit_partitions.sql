-- repeatable/45_audit_partitions.sql: the monthly partitions of the audit
-- log and their archiving (issue 14: the audit log is kept at least six
-- months and archived by month without losing its immutability;
-- 044_audit_partitions.sql has the tables).
--
-- eduaid.audit_log is partitioned by month of its time column (months of
-- China Standard Time, Asia/Shanghai, whatever the session's TimeZone):
-- eduaid_audit.audit_log_YYYY_MM, and eduaid_audit.audit_log_default for
-- any row no month's partition takes, so that no insert ever fails.
--
-- What holds on every partition, made here by audit_partition_secure and
-- re-asserted on every migrate:
--   * the parent's row triggers (37_triggers.sql: UPDATE and DELETE raise
--     EA006) are cloned by PostgreSQL onto every partition, those made
--     later too; a TRUNCATE trigger is not: each partition gets its own
--     (audit_partition_no_truncate), and its own row trigger
--     (audit_partition_no_change), which stays with it once detached, in
--     its dump and in a copy restored from it;
--   * no privilege for any role but its owner, eduaid_audit_owner (NOLOGIN,
--     no members), and schema eduaid_audit usable by nobody: a partition
--     read by its name would skip the parent's policies (38_policies.sql);
--   * row-level security enabled and forced, with no policy: even its
--     owner reads and writes nothing through the partition itself.
--
-- Only the database superuser runs these functions (EA183; as postgres on
-- the server, through eduaid-admin): migrate calls audit_prepare(3) below,
-- cron `eduaid-admin audit prepare` monthly, and `eduaid-admin audit
-- archive YYYY-MM` calls audit_archive_detach, dumps the detached month,
-- checks the dump and calls audit_archive_finish (or audit_archive_undo
-- when the dump failed). A month is archived only when all its rows are
-- older than the retention (at least 6 months: EA181, EA180).
RESET ROLE;
GRANT CREATE ON SCHEMA eduaid TO eduaid_audit_owner;
SET ROLE eduaid_audit_owner;

-- Refuses anyone but a superuser (the functions below are not definers:
-- they run as the superuser who calls them).
CREATE OR REPLACE FUNCTION eduaid.audit_superuser_only() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user), false) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA183',
            MESSAGE = 'only the database superuser manages the partitions of the audit log (只有数据库超级用户可以管理审计日志分区)';
    END IF;
END
$$;

-- The partition of the month that starts at p_month (a time in the first
-- day of it, any zone): its name in schema eduaid_audit.
CREATE OR REPLACE FUNCTION eduaid.audit_partition_name(p_month timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp
RETURN 'audit_log_' || to_char(p_month AT TIME ZONE 'Asia/Shanghai', 'YYYY_MM');

-- The rules of one partition (above); changes only what is not yet so,
-- so that a migrate with nothing to change takes no lock on the log.
CREATE OR REPLACE FUNCTION eduaid.audit_partition_secure(p_part regclass) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c pg_catalog.pg_class;
    g record;
BEGIN
    PERFORM eduaid.audit_superuser_only();
    SELECT * INTO STRICT c FROM pg_catalog.pg_class WHERE oid = p_part;
    IF c.relowner <> 'eduaid_audit_owner'::regrole THEN
        EXECUTE format('ALTER TABLE %s OWNER TO eduaid_audit_owner', p_part);
    END IF;
    FOR g IN SELECT DISTINCT p.grantee FROM pg_catalog.pg_class k, pg_catalog.aclexplode(k.relacl) p
              WHERE k.oid = p_part AND p.grantee <> k.relowner LOOP
        EXECUTE format('REVOKE ALL ON %s FROM %s', p_part,
                       CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(g.grantee::regrole::text) END);
    END LOOP;
    IF NOT (c.relrowsecurity AND c.relforcerowsecurity) THEN
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', p_part);
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_trigger t
                    WHERE t.tgrelid = p_part AND t.tgname = 'audit_partition_no_truncate') THEN
        EXECUTE format('CREATE TRIGGER audit_partition_no_truncate BEFORE TRUNCATE ON %s '
                       'FOR EACH STATEMENT EXECUTE FUNCTION eduaid.audit_log_immutable()', p_part);
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_trigger t
                    WHERE t.tgrelid = p_part AND t.tgname = 'audit_partition_no_change') THEN
        EXECUTE format('CREATE TRIGGER audit_partition_no_change BEFORE UPDATE OR DELETE ON %s '
                       'FOR EACH ROW EXECUTE FUNCTION eduaid.audit_log_immutable()', p_part);
    END IF;
END
$$;

-- The partitions of this month and the next p_ahead months, and of every
-- month that has rows in the default partition; returns how many were
-- made. Rows of such a month move out of the default partition (a
-- partition cannot be made while the default one holds rows of its
-- range): the default partition is detached, the months' partitions and a
-- new default one are made, its rows are inserted again through the log
-- (id, time, actor and rows as they were) and the old one is dropped --
-- nothing is updated or deleted. Then every partition is secured.
CREATE OR REPLACE FUNCTION eduaid.audit_prepare(p_ahead int DEFAULT 3) RETURNS int
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET TimeZone = 'Asia/Shanghai' AS $$
DECLARE
    v_months timestamptz[];
    v_moving boolean;
    m timestamptz;
    p regclass;
BEGIN
    PERFORM eduaid.audit_superuser_only();
    IF p_ahead IS NULL OR p_ahead NOT BETWEEN 0 AND 24 THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('audit_prepare: months ahead must be 0..24, not %s', p_ahead);
    END IF;
    SELECT array_agg(w.mm ORDER BY w.mm) INTO v_months
      FROM (SELECT date_trunc('month', d.at) AS mm FROM eduaid_audit.audit_log_default d
            UNION
            SELECT date_trunc('month', now()) + make_interval(months => g)
              FROM generate_series(0, p_ahead) g) w
     WHERE to_regclass('eduaid_audit.' || quote_ident(eduaid.audit_partition_name(w.mm))) IS NULL;
    IF v_months IS NOT NULL THEN
        v_moving := EXISTS (SELECT FROM eduaid_audit.audit_log_default);
        IF v_moving THEN
            ALTER TABLE eduaid.audit_log DETACH PARTITION eduaid_audit.audit_log_default;
            ALTER TABLE eduaid_audit.audit_log_default RENAME TO audit_log_default_moving;
        END IF;
        FOREACH m IN ARRAY v_months LOOP
            EXECUTE format('CREATE TABLE eduaid_audit.%I PARTITION OF eduaid.audit_log FOR VALUES FROM (%L) TO (%L)',
                           eduaid.audit_partition_name(m), m, m + interval '1 month');
        END LOOP;
        IF v_moving THEN
            CREATE TABLE eduaid_audit.audit_log_default PARTITION OF eduaid.audit_log DEFAULT;
            INSERT INTO eduaid.audit_log (id, at, actor, txid, kind, table_name, record_id, row_id,
                                          record_key, township_id, action, reason, old_row, new_row)
            OVERRIDING SYSTEM VALUE
            SELECT id, at, actor, txid, kind, table_name, record_id, row_id,
                   record_key, township_id, action, reason, old_row, new_row
              FROM eduaid_audit.audit_log_default_moving ORDER BY id;
            DROP TABLE eduaid_audit.audit_log_default_moving;
        END IF;
    END IF;
    FOR p IN SELECT i.inhrelid::regclass FROM pg_catalog.pg_inherits i
              WHERE i.inhparent = 'eduaid.audit_log'::regclass LOOP
        PERFORM eduaid.audit_partition_secure(p);
    END LOOP;
    RETURN coalesce(cardinality(v_months), 0);
END
$$;

-- The first step of archiving the month p_month (its first day): refused
-- for a retention under 6 months (EA181) and for a month whose rows are
-- not all older than the retention (EA180); the month's rows still in the
-- default partition move to its own; the partition is detached and moved
-- to schema eduaid_archive (where nobody is granted it) for pg_dump.
-- Returns its number of rows. No month's partition: EA182.
CREATE OR REPLACE FUNCTION eduaid.audit_archive_detach(p_month date, p_retention int DEFAULT 6) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET TimeZone = 'Asia/Shanghai' AS $$
DECLARE
    v_start timestamptz;
    v_part text;
    v_rows bigint;
BEGIN
    PERFORM eduaid.audit_superuser_only();
    IF p_retention IS NULL OR p_retention < 6 THEN
        RAISE EXCEPTION USING ERRCODE = 'EA181',
            MESSAGE = format('the audit log is kept at least 6 months: a retention of %s months is refused (审计日志至少保存6个月)',
                             p_retention);
    END IF;
    IF p_month IS NULL OR p_month <> date_trunc('month', p_month)::date THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('not the first day of a month: %s', p_month);
    END IF;
    v_start := p_month::timestamptz;
    IF v_start + make_interval(months => 1 + p_retention) > now() THEN
        RAISE EXCEPTION USING ERRCODE = 'EA180',
            MESSAGE = format('the audit log of %s is kept until %s (retention %s months): not archived (未超过保存期限)',
                             to_char(v_start, 'YYYY-MM'),
                             to_char(v_start + make_interval(months => 1 + p_retention), 'YYYY-MM-DD'), p_retention);
    END IF;
    PERFORM eduaid.audit_prepare(0);
    v_part := eduaid.audit_partition_name(v_start);
    IF to_regclass('eduaid_audit.' || quote_ident(v_part)) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA182',
            MESSAGE = format('the audit log has no partition for %s (archived already?) (该月没有审计日志分区)',
                             to_char(v_start, 'YYYY-MM'));
    END IF;
    IF to_regclass('eduaid_archive.' || quote_ident(v_part)) IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA182',
            MESSAGE = format('eduaid_archive.%s exists (a copy restored for an inspection): drop it first', v_part);
    END IF;
    EXECUTE format('ALTER TABLE eduaid.audit_log DETACH PARTITION eduaid_audit.%I', v_part);
    EXECUTE format('ALTER TABLE eduaid_audit.%I SET SCHEMA eduaid_archive', v_part);
    EXECUTE format('SELECT count(*) FROM eduaid_archive.%I', v_part) INTO v_rows;
    RETURN v_rows;
END
$$;

-- The detached month back in the log (the dump failed).
CREATE OR REPLACE FUNCTION eduaid.audit_archive_undo(p_month date) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET TimeZone = 'Asia/Shanghai' AS $$
DECLARE
    v_start constant timestamptz := p_month::timestamptz;
    v_part constant text := eduaid.audit_partition_name(p_month::timestamptz);
BEGIN
    PERFORM eduaid.audit_superuser_only();
    IF to_regclass('eduaid_archive.' || quote_ident(v_part)) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA182',
            MESSAGE = format('no detached partition eduaid_archive.%s', v_part);
    END IF;
    EXECUTE format('ALTER TABLE eduaid_archive.%I SET SCHEMA eduaid_audit', v_part);
    EXECUTE format('ALTER TABLE eduaid.audit_log ATTACH PARTITION eduaid_audit.%I FOR VALUES FROM (%L) TO (%L)',
                   v_part, v_start, v_start + interval '1 month');
    PERFORM eduaid.audit_partition_secure(format('eduaid_audit.%I', v_part)::regclass);
END
$$;

-- The last step: the dump of the detached month holds p_rows rows (the
-- caller counted them in it) as the table does (else EA184); the table is
-- dropped and the month recorded in eduaid.audit_archive.
CREATE OR REPLACE FUNCTION eduaid.audit_archive_finish(p_month date, p_rows bigint, p_sha256 text, p_file text)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET TimeZone = 'Asia/Shanghai' AS $$
DECLARE
    v_part constant text := eduaid.audit_partition_name(p_month::timestamptz);
    v_rows bigint;
BEGIN
    PERFORM eduaid.audit_superuser_only();
    IF to_regclass('eduaid_archive.' || quote_ident(v_part)) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA182',
            MESSAGE = format('no detached partition eduaid_archive.%s', v_part);
    END IF;
    EXECUTE format('SELECT count(*) FROM eduaid_archive.%I', v_part) INTO v_rows;
    IF v_rows IS DISTINCT FROM p_rows THEN
        RAISE EXCEPTION USING ERRCODE = 'EA184',
            MESSAGE = format('the archive of %s holds %s rows, the partition %s: not dropped', p_month, p_rows, v_rows);
    END IF;
    EXECUTE format('DROP TABLE eduaid_archive.%I', v_part);
    INSERT INTO eduaid.audit_archive (month, rows, sha256, file_name) VALUES (p_month, p_rows, p_sha256, p_file);
END
$$;

-- A month restored for an inspection (pg_restore of its archive made
-- eduaid_archive.p_table, with its owner, triggers and forced RLS):
-- readable by auditors only, and only that (no RLS: no policy is needed
-- for a table only auditors, who read the whole log, may read).
CREATE OR REPLACE FUNCTION eduaid.audit_archive_open(p_table text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_rel regclass;
BEGIN
    PERFORM eduaid.audit_superuser_only();
    IF p_table !~ '^audit_log_[0-9]{4}_[0-9]{2}$' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('not an archived month: %s', p_table);
    END IF;
    v_rel := to_regclass('eduaid_archive.' || quote_ident(p_table));
    IF v_rel IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA182', MESSAGE = format('no table eduaid_archive.%s', p_table);
    END IF;
    EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY', v_rel);
    EXECUTE format('REVOKE ALL ON %s FROM PUBLIC', v_rel);
    EXECUTE format('GRANT SELECT ON %s TO eduaid_auditor', v_rel);
END
$$;

REVOKE ALL ON FUNCTION eduaid.audit_superuser_only(), eduaid.audit_partition_name(timestamptz),
    eduaid.audit_partition_secure(regclass), eduaid.audit_prepare(int),
    eduaid.audit_archive_detach(date, int), eduaid.audit_archive_undo(date),
    eduaid.audit_archive_finish(date, bigint, text, text), eduaid.audit_archive_open(text) FROM PUBLIC;

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_audit_owner;

-- On every migrate: this month's partition and the next three, the
-- default partition emptied, every partition secured.
SELECT eduaid.audit_prepare(3);
