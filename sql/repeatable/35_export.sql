-- repeatable/35_export.sql: the server's side of `eduaid export` (issue 5;
-- issue 9 item 8). An export reads its record rows through
--   eduaid.export_household(status, township, unmasked)
--   eduaid.export_household_year(...) (a household's record of a school
--       year: that year's facts, issue 11), export_training(...),
--       export_special_ed(...), export_teacher_fund(...)
-- set-returning SECURITY DEFINER functions owned by eduaid_exporter (a
-- NOLOGIN role whose row policies are the caller's townships,
-- 38_policies.sql). Each validates its arguments (the caller's role, the
-- status word against the kind's CHECK, the township against
-- my_townships(), unmasked against the caller's column privileges),
-- returns the kind's rows with every personal column NULL unless unmasked,
-- counts them itself and, before the first row reaches the client, writes
-- one audit row (action 'export', eduaid.export_log of 25_audit.sql) built
-- only from those validated values: {"status", "township_id", "rows",
-- "unmasked", "role"}. A CHECK bounds export audit rows to 1 kB
-- (020_locks.sql). What a person may export is exactly what they may read:
-- reading the full ID numbers, birth dates, bank accounts and certificate
-- numbers (unmasked) is refused to supervisors, who have no column
-- privilege on them. A reader who rolls back after reading rolls the audit
-- row back too; see docs/threat-model.md: the same person could have read
-- the same rows with a plain SELECT, so the log records exports, not every
-- read.
RESET ROLE;
GRANT CREATE ON SCHEMA eduaid TO eduaid_exporter;
SET ROLE eduaid_exporter;

-- The SELECT of an export of kind: every column of its table, personal
-- columns NULL unless p_unmasked; $1 status, $2 township (NULL: any);
-- in no particular order.
-- Validates every argument (see the header) and raises as log_export did:
-- EA004 (not a reader, not your township, unmasked without the column
-- privileges), EA010 (unknown kind), 22023 (unknown status, NULL unmasked).
CREATE OR REPLACE FUNCTION eduaid.export_query(p_kind text, p_status text, p_township int,
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
            HINT = 'kind is household, household_year, training, special_ed or teacher_fund';
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
    FOREACH k IN ARRAY ARRAY['household', 'household_year', 'training', 'special_ed',
                             'teacher_fund'] LOOP
        EXECUTE format($create$
CREATE OR REPLACE FUNCTION eduaid.%1$I(p_status text, p_township int, p_unmasked boolean)
RETURNS SETOF eduaid.%2$I
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$
-- Generated by sql/repeatable/35_export.sql: read the comments there.
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
COMMENT ON FUNCTION eduaid.export_household(text, int, boolean) IS
    'eduaid: the household rows of an export (status, township, unmasked), logged by the server';
COMMENT ON FUNCTION eduaid.export_household_year(text, int, boolean) IS
    'eduaid: the household_year rows of an export (status, township, unmasked), logged by the server';
COMMENT ON FUNCTION eduaid.export_training(text, int, boolean) IS
    'eduaid: the training rows of an export (status, township, unmasked), logged by the server';
COMMENT ON FUNCTION eduaid.export_special_ed(text, int, boolean) IS
    'eduaid: the special-education rows of an export (status, township, unmasked), logged by the server';
COMMENT ON FUNCTION eduaid.export_teacher_fund(text, int, boolean) IS
    'eduaid: the teacher-fund rows of an export (status, township, unmasked), logged by the server';
REVOKE ALL ON FUNCTION eduaid.export_query(text, text, int, boolean),
    eduaid.export_household(text, int, boolean), eduaid.export_household_year(text, int, boolean),
    eduaid.export_training(text, int, boolean),
    eduaid.export_special_ed(text, int, boolean), eduaid.export_teacher_fund(text, int, boolean)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.export_household(text, int, boolean),
    eduaid.export_household_year(text, int, boolean),
    eduaid.export_training(text, int, boolean), eduaid.export_special_ed(text, int, boolean),
    eduaid.export_teacher_fund(text, int, boolean)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_exporter;
