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
-- Replaces: eduaid.log_export (015, dropped). No earlier function is
-- restated.

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
GRANT EXECUTE ON FUNCTION eduaid.my_role(), eduaid.my_townships(), eduaid.my_scope()
    TO eduaid_remover, eduaid_exporter;

------------------------------------------------------------------------
-- Deleting records and members: through eduaid_remover only.
REVOKE DELETE ON eduaid.household, eduaid.student, eduaid.student_subsidy,
    eduaid.training_enrollment, eduaid.special_ed_plan, eduaid.teacher,
    eduaid.teacher_fund_application
    FROM eduaid_clerk, eduaid_officer;

-- The clerks' and officers' DELETE policies go too: a DELETE granted by
-- mistake later would then still delete nothing.
DO $$
DECLARE
    tbl   text;
    scope constant text := 'township_id = ANY ((SELECT eduaid.my_scope())::bigint[])';
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'student', 'student_subsidy',
        'training_enrollment', 'special_ed_plan', 'teacher', 'teacher_fund_application']
    LOOP
        EXECUTE format('DROP POLICY IF EXISTS %I ON eduaid.%I', tbl || '_delete', tbl);
    END LOOP;
    FOREACH tbl IN ARRAY ARRAY['household', 'student', 'student_subsidy',
        'training_enrollment', 'special_ed_plan', 'teacher_fund_application']
    LOOP
        EXECUTE format('GRANT SELECT, DELETE ON eduaid.%I TO eduaid_remover', tbl);
        EXECUTE format('CREATE POLICY %I ON eduaid.%I FOR SELECT TO eduaid_remover USING (%s)',
                       tbl || '_remover_read', tbl, scope);
        EXECUTE format('CREATE POLICY %I ON eduaid.%I FOR DELETE TO eduaid_remover USING (%s)',
                       tbl || '_remover_delete', tbl, scope);
    END LOOP;
END
$$;
-- member_touch (006) touches the household as the person deleting a member.
GRANT UPDATE (household_no) ON eduaid.household TO eduaid_remover;
CREATE POLICY household_remover_touch ON eduaid.household FOR UPDATE TO eduaid_remover
    USING (township_id = ANY ((SELECT eduaid.my_scope())::bigint[]))
    WITH CHECK (township_id = ANY ((SELECT eduaid.my_scope())::bigint[]));

GRANT CREATE ON SCHEMA eduaid TO eduaid_remover;
SET ROLE eduaid_remover;

-- Delete the record of kind with id p_id at version p_version, as the
-- person logged in: a clerk or officer (EA004 otherwise), in one of their
-- townships (EA080 "no such record" otherwise: the same answer whether
-- the record is in another township or does not exist), not changed since
-- (EA007), and only a draft that was never approved (record_guard, EA006).
CREATE FUNCTION eduaid.delete_draft(p_kind text, p_id bigint, p_version int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_table   constant text := eduaid.record_table(p_kind);
    v_version int;
BEGIN
    IF coalesce(eduaid.my_role(), '') NOT IN ('clerk', 'officer') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not delete records (无权删除记录)', session_user);
    END IF;
    IF v_table IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
    END IF;
    EXECUTE format('SELECT r.version FROM eduaid.%I r WHERE r.id = $1', v_table)
       INTO v_version USING p_id;
    IF v_version IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA080',
            MESSAGE = format('%s record %s not found in your townships (在您负责的乡镇中找不到该记录)',
                             p_kind, p_id);
    END IF;
    IF p_version IS NULL OR v_version <> p_version THEN
        RAISE EXCEPTION USING ERRCODE = 'EA007',
            MESSAGE = format('%s record %s was changed by someone else (you have version %s); reload it (记录已被他人修改，请重新载入)',
                             p_kind, p_id, p_version);
    END IF;
    EXECUTE format('DELETE FROM eduaid.%I r WHERE r.id = $1 AND r.version = $2', v_table)
      USING p_id, p_version;
END
$$;
COMMENT ON FUNCTION eduaid.delete_draft(text, bigint, int) IS
    'eduaid: delete a never-approved draft of the caller''s townships (record_guard applies as the caller)';

-- Delete member row p_id (of p_table: student or student_subsidy) of
-- household p_household_id, as the person logged in: a clerk or officer
-- (EA004 otherwise), in one of their townships. True when deleted, false
-- when there is no such row in the caller's townships (gone already, or
-- another township's: the same answer). Deleting a member is an edit of
-- its household: member_touch bumps the household's version and adds the
-- caller to its editors, or refuses (EA004/EA006) as an edit would.
CREATE FUNCTION eduaid.delete_member(p_table text, p_household_id bigint, p_id bigint)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    IF coalesce(eduaid.my_role(), '') NOT IN ('clerk', 'officer') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not delete records (无权删除记录)', session_user);
    END IF;
    IF p_table IS NULL OR p_table NOT IN ('student', 'student_subsidy') THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('"%s" is not a member table (不是成员表)', p_table),
            HINT = 'student or student_subsidy';
    END IF;
    EXECUTE format('DELETE FROM eduaid.%I m WHERE m.id = $1 AND m.household_id = $2', p_table)
      USING p_id, p_household_id;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n > 0;
END
$$;
COMMENT ON FUNCTION eduaid.delete_member(text, bigint, bigint) IS
    'eduaid: delete a member row of a household of the caller''s townships (an edit of the household)';

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_remover;
REVOKE ALL ON FUNCTION eduaid.delete_draft(text, bigint, int),
    eduaid.delete_member(text, bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.delete_draft(text, bigint, int),
    eduaid.delete_member(text, bigint, bigint) TO eduaid_clerk, eduaid_officer;

------------------------------------------------------------------------
-- Reference data: insert and change, never delete (deactivate instead).
-- Keys others refer to (id, school.township_id, fund_program.code) do not
-- change either: a refused key change would be the same oracle.
REVOKE UPDATE, DELETE, TRUNCATE ON eduaid.school, eduaid.training_course, eduaid.fund_program
    FROM eduaid_admin;
GRANT UPDATE (name, kind, nutrition_pilot, active) ON eduaid.school TO eduaid_admin;
GRANT UPDATE (name, category, hours, active) ON eduaid.training_course TO eduaid_admin;
GRANT UPDATE (name, max_amount, active) ON eduaid.fund_program TO eduaid_admin;

------------------------------------------------------------------------
-- Exports: read through functions that log themselves.
REVOKE ALL ON FUNCTION eduaid.log_export(text, jsonb, bigint, boolean) FROM PUBLIC,
    eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
DROP FUNCTION eduaid.log_export(text, jsonb, bigint, boolean);

-- Export audit rows are small by construction; the CHECK says so to
-- anything that writes one later. (NOT VALID: rows written by 015's
-- log_export before this migration are history and stay as they were.)
SET ROLE eduaid_audit_owner;
ALTER TABLE eduaid.audit_log ADD CONSTRAINT audit_log_export_size_check
    CHECK (action <> 'export' OR octet_length(new_row::text) <= 1024) NOT VALID;
RESET ROLE;

GRANT CREATE ON SCHEMA eduaid TO eduaid_audit_owner;
GRANT EXECUTE ON FUNCTION eduaid.my_role() TO eduaid_audit_owner;
SET ROLE eduaid_audit_owner;

-- The audit row of one export; callable only by eduaid_exporter (the
-- export functions), every argument already validated by them.
CREATE FUNCTION eduaid.export_log(p_kind text, p_table text, p_status text, p_township int,
                                  p_rows bigint, p_unmasked boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO eduaid.audit_log (kind, table_name, township_id, action, new_row)
    VALUES (p_kind, p_table, p_township, 'export',
            jsonb_strip_nulls(jsonb_build_object(
                'filters', jsonb_build_object('status', p_status, 'township_id', p_township),
                'rows', p_rows, 'unmasked', p_unmasked, 'role', eduaid.my_role())));
END
$$;
RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_audit_owner;
REVOKE ALL ON FUNCTION eduaid.export_log(text, text, text, int, bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.export_log(text, text, text, int, bigint, boolean)
    TO eduaid_exporter;

DO $$
DECLARE
    tbl   text;
    scope constant text := 'township_id = ANY ((SELECT eduaid.my_scope())::bigint[])';
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'training_enrollment', 'special_ed_plan',
        'teacher_fund_application']
    LOOP
        EXECUTE format('GRANT SELECT ON eduaid.%I TO eduaid_exporter', tbl);
        EXECUTE format('CREATE POLICY %I ON eduaid.%I FOR SELECT TO eduaid_exporter USING (%s)',
                       tbl || '_exporter_read', tbl, scope);
    END LOOP;
END
$$;
GRANT EXECUTE ON FUNCTION eduaid.record_statuses(text) TO eduaid_exporter;

GRANT CREATE ON SCHEMA eduaid TO eduaid_exporter;
SET ROLE eduaid_exporter;

-- The SELECT of an export of kind: every column of its table, personal
-- columns NULL unless p_unmasked; $1 status, $2 township (NULL: any);
-- in no particular order.
-- Validates every argument (see the header) and raises as log_export did:
-- EA004 (not a reader, not your township, unmasked without the column
-- privileges), EA010 (unknown kind), 22023 (unknown status, NULL unmasked).
CREATE FUNCTION eduaid.export_query(p_kind text, p_status text, p_township int,
                                    p_unmasked boolean) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_role   constant text := eduaid.my_role();
    v_table  constant text := eduaid.record_table(p_kind);
    v_hidden text;
    v_cols   text;
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('clerk', 'officer', 'supervisor', 'auditor') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not export records (无权导出记录)', session_user);
    END IF;
    IF v_table IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
    END IF;
    IF p_unmasked IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'unmasked must be true or false (导出参数无效)';
    END IF;
    IF p_status IS NOT NULL AND NOT p_status = ANY (eduaid.record_statuses(p_kind)) THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('unknown status "%s" (未知状态)', left(p_status, 40)),
            DETAIL = array_to_string(eduaid.record_statuses(p_kind), ', ');
    END IF;
    IF p_township IS NOT NULL AND NOT p_township = ANY (eduaid.my_townships()) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('township %s is not one of yours (不是您负责的乡镇)', p_township);
    END IF;
    IF p_unmasked THEN
        SELECT string_agg(format('%s.%s', c.relname, a.attname), ', ') INTO v_hidden
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
         WHERE n.nspname = 'eduaid'
           AND c.relname = ANY (CASE WHEN v_table = 'household'
                                     THEN ARRAY[v_table, 'student'] ELSE ARRAY[v_table] END)
           AND a.attnum > 0 AND NOT a.attisdropped
           AND eduaid.is_personal_column(a.attname)
           AND NOT pg_catalog.has_column_privilege(session_user, c.oid, a.attnum, 'SELECT');
        IF v_hidden IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'EA004',
                MESSAGE = format('%s may not export unmasked personal data (无权导出未脱敏的个人信息)',
                                 session_user),
                DETAIL = format('no SELECT privilege on %s', v_hidden);
        END IF;
    END IF;
    -- Every column the caller may not read is NULL too (a supervisor's
    -- masked export carries the *_masked twins, never the values).
    SELECT string_agg(CASE WHEN (eduaid.is_personal_column(a.attname) AND NOT p_unmasked)
                                OR NOT pg_catalog.has_column_privilege(session_user, a.attrelid,
                                                                       a.attnum, 'SELECT')
                           THEN format('NULL::%s', pg_catalog.format_type(a.atttypid, a.atttypmod))
                           ELSE format('r.%I', a.attname) END,
                      ', ' ORDER BY a.attnum)
      INTO v_cols
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = format('eduaid.%I', v_table)::regclass
       AND a.attnum > 0 AND NOT a.attisdropped;
    -- (no ORDER BY: the caller orders; a set-returning function's rows
    -- are stored before they are read, so sorting here is wasted work)
    RETURN format('SELECT %s FROM eduaid.%I r WHERE ($1::text IS NULL OR r.status = $1) '
                  'AND ($2::int IS NULL OR r.township_id = $2)',
                  v_cols, v_table);
END
$$;

-- One function per kind, eduaid.export_<kind>, returning its table's row
-- type. The audit row is written after the rows are counted and before
-- the first of them reaches the caller: a plpgsql set-returning function
-- hands its result over only when it returns.
DO $do$
DECLARE
    k text;
BEGIN
    FOREACH k IN ARRAY ARRAY['household', 'training', 'special_ed', 'teacher_fund'] LOOP
        EXECUTE format($create$
CREATE FUNCTION eduaid.%1$I(p_status text, p_township int, p_unmasked boolean)
RETURNS SETOF eduaid.%2$I
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$
-- Generated by sql/020_locks.sql: read the comments there.
DECLARE
    n bigint;
BEGIN
    RETURN QUERY EXECUTE eduaid.export_query(%3$L, p_status, p_township, p_unmasked)
        USING p_status, p_township;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM eduaid.export_log(%3$L, %2$L, p_status, p_township, n, p_unmasked);
END
$body$$create$, 'export_' || k, eduaid.record_table(k), k);
    END LOOP;
END
$do$;
RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_exporter;

REVOKE ALL ON FUNCTION eduaid.export_query(text, text, int, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION eduaid.export_household(text, int, boolean),
    eduaid.export_training(text, int, boolean), eduaid.export_special_ed(text, int, boolean),
    eduaid.export_teacher_fund(text, int, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.export_household(text, int, boolean),
    eduaid.export_training(text, int, boolean), eduaid.export_special_ed(text, int, boolean),
    eduaid.export_teacher_fund(text, int, boolean)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
COMMENT ON FUNCTION eduaid.export_household(text, int, boolean) IS
    'eduaid: the household rows of an export (status, township, unmasked), logged by the server';
COMMENT ON FUNCTION eduaid.export_training(text, int, boolean) IS
    'eduaid: the training rows of an export (status, township, unmasked), logged by the server';
COMMENT ON FUNCTION eduaid.export_special_ed(text, int, boolean) IS
    'eduaid: the special-education rows of an export (status, township, unmasked), logged by the server';
COMMENT ON FUNCTION eduaid.export_teacher_fund(text, int, boolean) IS
    'eduaid: the teacher-fund rows of an export (status, township, unmasked), logged by the server';

------------------------------------------------------------------------
-- The sweep: no group role of ours and not PUBLIC holds table-level
-- UPDATE, DELETE or TRUNCATE on anything in schema eduaid (column grants
-- are untouched: REVOKE on the table would take them too, so columns of a
-- table-level UPDATE found here are granted back column by column first).
-- The owners (eduaid_owner, eduaid_audit_owner, eduaid_usermgr, ours
-- above) are NOLOGIN and no login is a member of them: checked at the end.
DO $$
DECLARE
    g record;
BEGIN
    FOR g IN
        SELECT c.oid, c.relname, r.rolname, p.priv
          FROM pg_catalog.pg_class c
          CROSS JOIN (SELECT rolname FROM pg_catalog.pg_roles
                       WHERE rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                                         'eduaid_admin', 'eduaid_auditor')) r
          CROSS JOIN unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) AS p(priv)
         WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
           AND pg_catalog.has_table_privilege(r.rolname, c.oid, p.priv)
    LOOP
        EXECUTE format('REVOKE %s ON eduaid.%I FROM PUBLIC, %I', g.priv, g.relname, g.rolname);
        IF g.priv = 'UPDATE' THEN
            EXECUTE (SELECT format('GRANT UPDATE (%s) ON eduaid.%I TO %I',
                                   string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
                                   g.relname, g.rolname)
                       FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = g.oid AND a.attnum > 0 AND NOT a.attisdropped
                        AND a.attgenerated = '' AND a.attname <> 'id');
        END IF;
        RAISE NOTICE 'revoked table-level % on eduaid.% from %', g.priv, g.relname, g.rolname;
    END LOOP;
    IF EXISTS (SELECT FROM pg_catalog.pg_class c CROSS JOIN pg_catalog.pg_roles r
                WHERE c.relnamespace = 'eduaid'::regnamespace
                  AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND r.rolcanlogin AND NOT r.rolsuper
                  AND pg_catalog.has_table_privilege(r.oid, c.oid, 'UPDATE, DELETE, TRUNCATE')) THEN
        RAISE EXCEPTION 'a login still holds table-level UPDATE, DELETE or TRUNCATE in schema eduaid';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles r
                WHERE r.rolcanlogin AND NOT r.rolsuper
                  AND (pg_catalog.has_table_privilege(r.oid, 'eduaid.schema_version', 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
                       OR pg_catalog.pg_has_role(r.oid, 'eduaid_owner', 'MEMBER'))) THEN
        RAISE EXCEPTION 'a login holds a privilege on eduaid.schema_version (the migration lock)';
    END IF;
END
$$;

------------------------------------------------------------------------
-- Server-side defaults for every session of this database.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L',
                   current_database(), '5min');
    EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '30s');
END
$$;
