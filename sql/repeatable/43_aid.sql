-- repeatable/43_aid.sql: granting a child's aid of a school year (issue 11,
-- "Aid"). A year's grants (student_subsidy) are members of the household's
-- record of that year (household_year, 026_school_years.sql): they are
-- written as any edit of that record and reviewed with it. What a child's
-- year row is offered is its entitlement, eduaid.entitled_programs
-- (01_shared_rules.sql): that year's stage's programs while in school that
-- year, none once he left school or is not enrolled; the reports count
-- the same entitlements (34_reports.sql), so the working list below and
-- the subsidy report's 应享未享 never disagree.
--
--   eduaid.aid_proposal(household_year_id)
--       per child's year row of the record and program offered: the
--       standard amount of the record's school year (40_rates.sql; NULL
--       when there is none) and whether it is granted already
--   eduaid.grant_standard(household_year_ids[], student_ids[], programs[])
--       grants each element at its standard amount (granted_on NULL: the
--       day of payment is filled when paid), each in its own
--       subtransaction, one result row per element: 'granted', 'already'
--       or 'refused' with the SQLSTATE and constraint of the refusal
--   eduaid.grant_record_standard(household_year_id)
--       grant_standard of every program of the record's proposal that has
--       a standard amount and is not yet granted (the form's F7)
--   eduaid.aid_missing(school_year, township, after..., limit, status)
--       the 应享未享 working list: each program offered and not granted in
--       every household_year record of that school year the caller may
--       see, whatever its state (paged by keyset)
--   eduaid.last_approved_members(kind, id)
--       a record's member rows (for household_year: the children's year
--       rows and grants) added, removed or changed since its last approval
--
-- Every function is SECURITY INVOKER: row-level security, the column
-- grants and the record guard (20_workflow.sql, 22_workflow_steps.sql)
-- decide what a caller sees and may write. A record the caller may not see
-- and a record that does not exist give the same answer (EA005), and so
-- does a child who has no row in the record named, whichever township he
-- is of: nothing here tells one from the other.
--
-- SQLSTATEs of this file:
--   EA140 there is no standard amount for the program, school year, stage
--         and boarding (an applied-for program, or a year the admin has
--         not set)
--   EA141 the child's year row is not offered the program (another
--         stage's, not boarding, left school or not in school)
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The form's offer for one year record.
CREATE OR REPLACE FUNCTION eduaid.aid_proposal(p_household_year_id bigint)
RETURNS TABLE (student_id bigint, program text, amount numeric, granted boolean)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    SELECT sy.student_id, p.program,
           eduaid.standard_amount(p.program, hy.school_year, sy.stage, sy.boarding),
           EXISTS (SELECT FROM eduaid.student_subsidy s
                    WHERE s.township_id = sy.township_id AND s.household_year_id = hy.id
                      AND s.student_id = sy.student_id AND s.program = p.program)
      FROM eduaid.household_year hy
      JOIN eduaid.student_year sy
        ON sy.township_id = hy.township_id AND sy.household_year_id = hy.id
     CROSS JOIN LATERAL unnest(eduaid.entitled_programs(sy.stage, sy.boarding,
                               sy.schooling_status, sy.left_school))
           WITH ORDINALITY AS p (program, ord)
     WHERE hy.id = p_household_year_id
       AND hy.township_id = ANY ((SELECT eduaid.my_townships())::int[])
     ORDER BY sy.student_id, p.ord;
END;
COMMENT ON FUNCTION eduaid.aid_proposal(bigint) IS
    'eduaid: per child and program offered in a year record, the standard amount and whether granted';

------------------------------------------------------------------------
-- One grant at the standard amount. Answers in outcome/state/cons; raises
-- only what the insert raises (the caller's subtransaction catches it).
CREATE OR REPLACE FUNCTION eduaid.grant_one_standard(p_household_year_id bigint,
    p_student_id bigint, p_program text,
    OUT outcome text, OUT state text, OUT cons text, OUT amount numeric)
LANGUAGE plpgsql VOLATILE SECURITY INVOKER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    hy record;
    sy record;
    seen boolean := false;
BEGIN
    SELECT y.township_id, y.school_year INTO hy
      FROM eduaid.household_year y
     WHERE y.id = p_household_year_id
       AND y.township_id = ANY ((SELECT eduaid.my_townships())::int[]);
    IF FOUND THEN
        SELECT s.stage, s.boarding, s.schooling_status, s.left_school INTO sy
          FROM eduaid.student_year s
         WHERE s.township_id = hy.township_id AND s.household_year_id = p_household_year_id
           AND s.student_id = p_student_id;
        seen := FOUND;
    END IF;
    IF NOT seen THEN
        -- not visible, not there, or not a child of the record: one answer
        outcome := 'refused';
        state := 'EA005';
        RETURN;
    END IF;
    IF EXISTS (SELECT FROM eduaid.student_subsidy s
                WHERE s.township_id = hy.township_id AND s.household_year_id = p_household_year_id
                  AND s.student_id = p_student_id AND s.program = p_program) THEN
        outcome := 'already';
        RETURN;
    END IF;
    IF p_program IS NULL
       OR NOT p_program = ANY (eduaid.entitled_programs(sy.stage, sy.boarding,
                                                        sy.schooling_status, sy.left_school)) THEN
        outcome := 'refused';
        state := 'EA141';
        RETURN;
    END IF;
    amount := eduaid.standard_amount(p_program, hy.school_year, sy.stage, sy.boarding);
    IF amount IS NULL THEN
        outcome := 'refused';
        state := 'EA140';
        RETURN;
    END IF;
    INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id, program, amount)
    VALUES (hy.township_id, p_household_year_id, p_student_id, p_program, amount);
    outcome := 'granted';
END
$$;
COMMENT ON FUNCTION eduaid.grant_one_standard(bigint, bigint, text) IS
    'eduaid: grant_standard''s step for one element (raises what the insert raises)';

CREATE OR REPLACE FUNCTION eduaid.grant_standard(p_household_year_ids bigint[],
                                                 p_student_ids bigint[], p_programs text[])
RETURNS TABLE (household_year_id bigint, student_id bigint, program text, outcome text,
               sql_state text, constraint_name text, amount numeric)
LANGUAGE plpgsql VOLATILE SECURITY INVOKER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n constant int := coalesce(cardinality(p_household_year_ids), 0);
    r record;
BEGIN
    IF n <> coalesce(cardinality(p_student_ids), 0) OR n <> coalesce(cardinality(p_programs), 0) THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'grant_standard: the three arrays have one element each per grant';
    END IF;
    FOR i IN 1 .. n LOOP
        household_year_id := p_household_year_ids[i];
        student_id := p_student_ids[i];
        program := p_programs[i];
        sql_state := NULL;
        constraint_name := NULL;
        amount := NULL;
        BEGIN
            r := eduaid.grant_one_standard(p_household_year_ids[i], p_student_ids[i], p_programs[i]);
            outcome := r.outcome;
            sql_state := r.state;
            amount := r.amount;
        EXCEPTION
            WHEN unique_violation THEN
                outcome := 'already';
            WHEN OTHERS THEN
                outcome := 'refused';
                GET STACKED DIAGNOSTICS sql_state = RETURNED_SQLSTATE,
                                        constraint_name = CONSTRAINT_NAME;
                constraint_name := nullif(constraint_name, '');
                amount := NULL;
        END;
        RETURN NEXT;
    END LOOP;
END
$$;
COMMENT ON FUNCTION eduaid.grant_standard(bigint[], bigint[], text[]) IS
    'eduaid: grant each (year record, child, program) at its standard amount; one result per element';

CREATE OR REPLACE FUNCTION eduaid.grant_record_standard(p_household_year_id bigint)
RETURNS TABLE (household_year_id bigint, student_id bigint, program text, outcome text,
               sql_state text, constraint_name text, amount numeric)
LANGUAGE sql VOLATILE SECURITY INVOKER
BEGIN ATOMIC
    SELECT g.household_year_id, g.student_id, g.program, g.outcome, g.sql_state,
           g.constraint_name, g.amount
      FROM (SELECT coalesce(array_agg(p_household_year_id), '{}') AS y,
                   coalesce(array_agg(p.student_id ORDER BY p.student_id, p.program), '{}') AS s,
                   coalesce(array_agg(p.program ORDER BY p.student_id, p.program), '{}') AS pr
              FROM eduaid.aid_proposal(p_household_year_id) AS p
             WHERE NOT p.granted AND p.amount IS NOT NULL) AS a
     CROSS JOIN LATERAL eduaid.grant_standard(a.y, a.s, a.pr) AS g;
END;
COMMENT ON FUNCTION eduaid.grant_record_standard(bigint) IS
    'eduaid: grant every program of a year record''s proposal with a standard amount not yet granted';

------------------------------------------------------------------------
-- 应享未享, the working list: every program offered and not granted in the
-- year records of p_school_year the caller may see (any state: a rolled
-- over draft too), in the order (township_id, household_no, student_id,
-- program), the lines after the key p_after_* (all NULL: from the first),
-- at most p_limit (NULL: all); only records in state p_status when it is
-- given. The child's name, never the ID number.
CREATE OR REPLACE FUNCTION eduaid.aid_missing(p_school_year int, p_township int DEFAULT NULL,
    p_after_township int DEFAULT NULL, p_after_household_no text DEFAULT NULL,
    p_after_student bigint DEFAULT NULL, p_after_program text DEFAULT NULL,
    p_limit int DEFAULT NULL, p_status text DEFAULT NULL)
RETURNS TABLE (household_year_id bigint, status text, township_id int, township text,
               household_no text, head_name text, student_id bigint, student_name text,
               stage text, school text, program text, amount numeric)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    SELECT hy.id, hy.status, hy.township_id, t.name, h.household_no, h.head_name,
           st.id, st.name, sy.stage, sc.name, p.program,
           eduaid.standard_amount(p.program, hy.school_year, sy.stage, sy.boarding)
      FROM eduaid.household_year hy
      JOIN eduaid.household h ON h.id = hy.household_id
      JOIN eduaid.township t ON t.id = hy.township_id
      JOIN eduaid.student_year sy
        ON sy.township_id = hy.township_id AND sy.household_year_id = hy.id
      JOIN eduaid.student st ON st.household_id = sy.household_id AND st.id = sy.student_id
      LEFT JOIN eduaid.school sc ON sc.id = sy.school_id
     CROSS JOIN LATERAL unnest(eduaid.entitled_programs(sy.stage, sy.boarding,
                               sy.schooling_status, sy.left_school)) AS p (program)
     WHERE hy.school_year = p_school_year
       AND hy.township_id = ANY ((SELECT eduaid.my_townships())::int[])
       AND (p_township IS NULL OR hy.township_id = p_township)
       AND (p_status IS NULL OR hy.status = p_status)
       -- township ids are positive: (0, '', 0, '') is before every line
       AND (hy.township_id, h.household_no)
           >= (coalesce(p_after_township, 0), coalesce(p_after_household_no, ''))
       AND (hy.township_id, h.household_no, st.id, p.program)
           > (coalesce(p_after_township, 0), coalesce(p_after_household_no, ''),
              coalesce(p_after_student, 0), coalesce(p_after_program, ''))
       AND NOT EXISTS (SELECT FROM eduaid.student_subsidy s
                        WHERE s.township_id = sy.township_id AND s.household_year_id = hy.id
                          AND s.student_id = sy.student_id AND s.program = p.program)
     ORDER BY hy.township_id, h.household_no, st.id, p.program
     LIMIT p_limit;
END;
COMMENT ON FUNCTION eduaid.aid_missing(int, int, int, text, bigint, text, int, text) IS
    'eduaid: 应享未享 working list of a school year over the year records the caller may see (paged)';

-- (the offer had a rule of its own, aid_offered, before the reports and
-- the working list shared eduaid.entitled_programs; the functions above no
-- longer name it)
DROP FUNCTION IF EXISTS eduaid.aid_offered(text, boolean, text, boolean);

REVOKE ALL ON FUNCTION eduaid.aid_proposal(bigint), eduaid.grant_one_standard(bigint, bigint, text),
    eduaid.grant_standard(bigint[], bigint[], text[]), eduaid.grant_record_standard(bigint),
    eduaid.aid_missing(int, int, int, text, bigint, text, int, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.aid_proposal(bigint), eduaid.aid_missing(int, int, int, text, bigint, text, int, text)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
-- granting writes grants: clerks and officers only
GRANT EXECUTE ON FUNCTION eduaid.grant_one_standard(bigint, bigint, text),
    eduaid.grant_standard(bigint[], bigint[], text[]), eduaid.grant_record_standard(bigint)
    TO eduaid_clerk, eduaid_officer;

------------------------------------------------------------------------
-- The approved-value diff of a record's members: each member row (a
-- child's year row, a grant) added, removed or changed since the record's
-- last approval, read from the audit log as last_approved (30_review.sql)
-- reads the record's own row: the row as it stood at the last approve
-- entry (its last entry up to then) against its last entry since. A
-- change of bookkeeping alone (version, updated_by/at: a touch) is no
-- change. fields: the columns that differ; approved, now: the rows (NULL
-- for a row added, removed). Masked rows for those who read masked rows;
-- no rows when the record was never approved or I cannot see it now (a
-- household moved to another township leaves its entries in the old
-- township's log: its old clerks see none of its diff; issue 11, h3).
CREATE OR REPLACE FUNCTION eduaid.last_approved_members(p_kind text, p_id bigint)
RETURNS TABLE (table_name text, row_id bigint, change text, student_id bigint, program text,
               fields text[], approved jsonb, now jsonb)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_table constant text := eduaid.record_table(p_kind);
    v_full constant boolean := has_column_privilege('eduaid.audit_log', 'new_row', 'SELECT');
    v_seen boolean;
BEGIN
    IF v_table IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, household_year, training, special_ed, teacher_fund or pairing';
    END IF;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM eduaid.%I r WHERE r.id = $1)', v_table)
       INTO v_seen USING p_id;
    IF NOT v_seen THEN
        RETURN;
    END IF;
    -- new_row or new_masked by name: a supervisor may not even mention
    -- new_row in a query
    RETURN QUERY EXECUTE format($q$
    WITH entries AS (
        SELECT e.id, e.table_name AS tbl, e.row_id AS rid, e.action, e.%I AS row
          FROM eduaid.audit_log e
         WHERE e.township_id = ANY ((SELECT eduaid.my_townships())::int[])
           AND e.kind = $1 AND e.record_id = $2),
    appr AS (
        SELECT max(e.id) AS id FROM entries e WHERE e.tbl = $3 AND e.action = 'approve'),
    touched AS (
        SELECT DISTINCT e.tbl, e.rid FROM entries e, appr
         WHERE e.tbl <> $3 AND e.id > appr.id),
    states AS (
        SELECT t.tbl, t.rid,
               (SELECT e.row - '{version,updated_by,updated_at}'::text[] FROM entries e
                 WHERE e.tbl = t.tbl AND e.rid = t.rid AND e.id <= appr.id
                 ORDER BY e.id DESC LIMIT 1) AS before,
               (SELECT e.row - '{version,updated_by,updated_at}'::text[] FROM entries e
                 WHERE e.tbl = t.tbl AND e.rid = t.rid
                 ORDER BY e.id DESC LIMIT 1) AS after
          FROM touched t, appr)
    SELECT s.tbl::text, s.rid,
           CASE WHEN s.before IS NULL THEN 'added'
                WHEN s.after IS NULL THEN 'removed' ELSE 'changed' END,
           (coalesce(s.after, s.before) ->> 'student_id')::bigint,
           coalesce(s.after, s.before) ->> 'program',
           ARRAY(SELECT k.key FROM jsonb_each(coalesce(s.after, s.before)) AS k
                  WHERE s.before IS NOT NULL AND s.after IS NOT NULL
                    AND k.value IS DISTINCT FROM s.before -> k.key
                  ORDER BY k.key),
           s.before, s.after
      FROM states s
     WHERE s.before IS DISTINCT FROM s.after
     ORDER BY s.tbl DESC, 4, 5, s.rid
    $q$, CASE WHEN v_full THEN 'new_row' ELSE 'new_masked' END)
    USING p_kind, p_id, v_table;
END
$$;
COMMENT ON FUNCTION eduaid.last_approved_members(text, bigint) IS
    'eduaid: a record''s member rows added, removed or changed since its last approval';
REVOKE ALL ON FUNCTION eduaid.last_approved_members(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.last_approved_members(text, bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
