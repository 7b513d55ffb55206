-- 020_locks.sql: no login can freeze the county, and audit rows of
-- exports come only from the server (issue 9, items 5 and 8, and the
-- foreign-key part of item 10).
--
-- Locks (item 5). LOCK TABLE in any mode stronger than ROW EXCLUSIVE
-- needs table-level UPDATE, DELETE or TRUNCATE; a clerk holding ACCESS
-- EXCLUSIVE on eduaid.household and staying idle blocked every user. So:
--   * no eduaid group role (and so no login) holds table-level UPDATE,
--     DELETE or TRUNCATE on any relation of schema eduaid: clerks and
--     officers lose DELETE on the record and member tables, the admin
--     loses table-level UPDATE and DELETE on school, training_course and
--     fund_program and gets column UPDATE on the columns nothing refers to
--     (never id, township_id or code); a final sweep revokes whatever
--     table-level UPDATE, DELETE or TRUNCATE any group or PUBLIC still holds
--     and fails the migration if a login could still take such a lock;
--   * deleting goes through definer functions owned by eduaid_remover,
--     a NOLOGIN role that is NOT a trusted writer (trusted_writer() is
--     current_user = eduaid_owner or a superuser), so record_guard,
--     member_touch and row_bookkeeping run exactly as for the caller:
--     session_user is the person (editors, four-eyes, audit actor),
--     my_role() and my_townships() are theirs, and the remover's own row
--     policies scope it by the caller's townships:
--       eduaid.delete_draft(kind, id, expected_version)
--       eduaid.delete_member(table, household_id, id) -> boolean
--   * reference data is never deleted: an admin deactivates a school,
--     course or program (active = false). Deleting is refused with 42501
--     whether or not any record uses the row (item 10: the foreign-key
--     error no longer tells an admin whether any student uses a school);
--   * server-side defaults for this database (ALTER DATABASE reaches every
--     login, ALTER ROLE on a group does not): idle_in_transaction_session_
--     timeout 5min, lock_timeout 30s. They are defaults, not defences (a
--     login may SET them); what no login can do is take a strong lock.
--   * sql/migrate.sh takes LOCK TABLE eduaid.schema_version IN EXCLUSIVE
--     MODE instead of the public advisory lock 4242: no login holds any
--     privilege on schema_version (asserted below), so no login can hold
--     that lock.
--
-- Exports (item 8). eduaid.log_export(kind, filters jsonb, rows, unmasked)
-- took any jsonb of any size from a clerk and logged only if the client
-- chose to. It is dropped. An export now reads its record rows through
--   eduaid.export_household(status, township, unmasked)
--   eduaid.export_training(...), export_special_ed(...), export_teacher_fund(...)
-- set-returning SECURITY DEFINER functions owned by eduaid_exporter (a
-- NOLOGIN role whose row policies are the caller's townships). Each
-- validates its arguments (the caller's role, the status word against the
-- kind's CHECK, the township against my_townships(), unmasked against the
-- caller's column privileges), returns the kind's rows with every personal
-- column NULL unless unmasked, counts them itself and, before the first
-- row reaches the client, writes one audit row (action 'export') built
-- only from those validated values: {"status", "township_id", "rows",
-- "unmasked", "role"}. A CHECK bounds export audit rows to 1 kB.
-- A reader who rolls back after reading rolls the audit row back too;
-- see docs/threat-model.md: the same person could have read the same rows
-- with a plain SELECT, so the log records exports, not every read.
--
-- Since the re-layout of eduaid 0.1 this file keeps what cannot be
-- replayed: the two roles, the size of export audit rows, the database's
-- defaults. The delete functions live in repeatable/21_delete.sql, the
-- export functions in 35_export.sql (and export_log in 25_audit.sql), the
-- remover's and exporter's policies in 38_policies.sql, every privilege in
-- 39_privileges.sql, which also checks, on every migrate, that no login
-- can take a strong lock. eduaid.log_export (015) was dropped here.

------------------------------------------------------------------------
-- The two NOLOGIN roles our definer functions run as.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'eduaid_remover') THEN
        CREATE ROLE eduaid_remover NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'eduaid_exporter') THEN
        CREATE ROLE eduaid_exporter NOLOGIN;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA eduaid TO eduaid_remover, eduaid_exporter;

------------------------------------------------------------------------
-- Export audit rows are small by construction; the CHECK says so to
-- anything that writes one later. (NOT VALID: rows written by 015's
-- log_export before this migration are history and stay as they were.)
SET ROLE eduaid_audit_owner;
ALTER TABLE eduaid.audit_log ADD CONSTRAINT audit_log_export_size_check
    CHECK (action <> 'export' OR octet_length(new_row::text) <= 1024) NOT VALID;
RESET ROLE;

------------------------------------------------------------------------
-- Server-side defaults for every session of this database.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L',
                   current_database(), '5min');
    EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '30s');
END
$$;
