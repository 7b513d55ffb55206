-- repeatable/34_reports.sql: the plan's indicators as reports (issue 5);
-- their indexes and tally tables are 014_reports.sql's.
--
-- One function each, per township and for the whole of what the caller
-- may see, for a school year (2026 means 2026-27: Sep 1 2026 to Aug 31
-- 2027; ages are taken on Sep 1 of the school year).
--
--   eduaid.report_subsidy(year, township)    应享尽享: entitlements against grants
--   eduaid.report_subsidy_missing(year, township, after..., limit)
--                                            each entitled, not granted (paged)
--   eduaid.report_nutrition(year, township)  营养改善计划 coverage in pilot schools
--   eduaid.report_schooling(year, township)  schooling status, 控辍保学 ledger counts
--   eduaid.report_special_ed(year, township) 一人一案 coverage, by placement
--   eduaid.report_training(year, township)   person-times by course and outcome
--   eduaid.report_teacher_fund(year, township) applications and amounts by program
--
-- Every report returns the same leading columns:
--   township_id, township   NULL, NULL on the total row of everything the
--                           caller may see (the county for a supervisor,
--                           their townships for an officer or clerk)
--   item                    the breakdown (a subsidy program code, a course
--                           or fund program name), NULL on a township's
--                           (or the total's) row over all items
-- Rows come from GROUPING SETS in this order: townships by code, each with
-- its items, then the total and its items. Every township the caller may see
-- (eduaid.my_townships(), or only p_township) has its rows, zeros included;
-- when the caller may see none of them there are no rows at all.
--
-- What counts (the plan's "registered"): a record whose status is
-- 'approved', 'in_notice' or 'final' (the last two arrive with the notice
-- period). The subsidy, nutrition, schooling and special-education reports
-- for school year Y count the year rows of Y (026_school_years.sql): a
-- registered student of Y is a student_year row of a counted
-- household_year record of Y, with that year's stage, school, boarding,
-- schooling status and meal; a grant of Y counts when it is in that
-- record. Who is entitled to what is eduaid.entitled_programs
-- (01_shared_rules.sql): that year's stage's programs while the child is
-- in school that year (enrolled, not left_school), the very rule of the
-- clerk's 应享未享 working list (eduaid.aid_missing, 43_aid.sql), so the
-- report's missing count of a township and year is the length of that
-- list over the counted records (tests/db/34_entitlement.sql). Approving this year's record never touches last year's, so last
-- year's figures stay as they were approved. Year rows and grants have no
-- workflow of their own: they count with their household_year record (the
-- register entry's own state, household.status, does not matter here).
--
-- The reports are SECURITY INVOKER: row-level security and the column
-- grants (39_privileges.sql) apply, so an officer's report covers their
-- township only. One exception, report_special_ed: finding a child's age on Sep 1
-- and the plan that names the child's ID number needs the birth date and
-- ID number, which supervisors may not read. Its counting is done by
-- eduaid.special_ed_counts, SECURITY DEFINER, which returns counts only
-- and restricts itself to
-- township_id = ANY ((SELECT eduaid.my_townships())::int[]), the very
-- condition of every policy (tests/db/14_reports.sql checks both).
-- The missing-subsidy list shows ID numbers masked for every role: it is a
-- list to follow up, printed and passed around.
--
-- Speed (tests/bench/reports.sh, README "Reports"): each report over
-- 2,000,000 students in under a second. Joining two million members with
-- two and a half million subsidies takes seconds on this machine however
-- it is written, so three reports read tallies instead:
-- eduaid.subsidy_tally holds, per township, school year and program, how
-- many registered students of that year are entitled and how many of
-- those entitlements were granted; eduaid.member_tally counts the
-- student_year rows of counted records by township, school year, stage,
-- school, schooling status and nutrition meal (the nutrition and
-- schooling reports join the schools at report time, so a school joining
-- the pilot counts at once). A household_year record's members and grants
-- cannot change while it counts (the workflow's guards, 20_workflow.sql,
-- make a counted record read-only, members included), so the tallies
-- change only when a record enters or leaves the counted states (or, while
-- counted, moves to another township): a trigger on household_year adds
-- or takes away that record's share. A child's schooling status or
-- left_school, which decide his entitlement, change the same way: the
-- record is reopened (its share taken away), corrected, and approved again
-- (its share, as it now stands, added). Data loaded with triggers off is
-- tallied again with eduaid.report_tally_rebuild() (superuser);
-- tests/db/14_reports.sql
-- checks the tallies against a count from scratch. The tallies are derived
-- data and have no audit trigger: every change to them follows an audited
-- change of a household_year record's status. The special-education,
-- training and teacher-fund reports and the missing list run on the
-- records directly, helped by the indexes of 014_reports.sql,
-- 029_year_tallies.sql and 056_report_scale.sql (issue 16: each under
-- 300 ms for a county of 2,000,000 students, docs/scale.md); the
-- schooling report's ledger counts read eduaid.school_age_tally
-- (32_ledgers.sql).
SET ROLE eduaid_owner;

-- The programs eduaid.stage_programs can name, in report order.
CREATE OR REPLACE FUNCTION eduaid.subsidy_programs() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY['preschool_aid', 'compulsory_waiver', 'boarding_subsidy', 'high_school_grant',
             'high_school_waiver', 'vocational_waiver', 'vocational_grant',
             'college_freshman_aid', 'student_loan'];

-- The townships a report covers: those the caller may see, or just one.
CREATE OR REPLACE FUNCTION eduaid.report_townships(p_township int)
RETURNS TABLE (id int, name text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT t.id, t.name FROM eduaid.township t
     WHERE t.id = ANY ((SELECT eduaid.my_townships())::int[])
       AND (p_township IS NULL OR t.id = p_township)
     ORDER BY t.id;
END;

-- A percentage with one decimal; NULL when there is nothing to cover.
CREATE OR REPLACE FUNCTION eduaid.report_pct(part numeric, whole numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN round(100 * part / NULLIF(whole, 0), 1);

REVOKE ALL ON FUNCTION eduaid.subsidy_programs(), eduaid.report_townships(int),
    eduaid.report_pct(numeric, numeric) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.subsidy_programs(), eduaid.report_townships(int),
    eduaid.report_pct(numeric, numeric)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

------------------------------------------------------------------------
-- The tallies (see the head of this file), per school year, from the year
-- rows of the counted household_year records.

-- (the functions of the tallies before they were kept per school year)
DROP FUNCTION IF EXISTS eduaid.report_tally_add(int, bigint, int);
DROP FUNCTION IF EXISTS eduaid.subsidy_share(int, bigint);
DROP FUNCTION IF EXISTS eduaid.member_share(int, bigint);

-- The members of one household_year record, as they stand now (its rows
-- are in the record's township: one of p_townships, which holds the
-- township before and after a move; every index leads with township_id,
-- 016_index_scope.sql).
CREATE OR REPLACE FUNCTION eduaid.tally_member_share(p_townships int[], p_household_year bigint)
RETURNS TABLE (school_year int, stage text, school_id int, schooling_status text,
               nutrition_meal boolean, n bigint)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT sy.school_year, sy.stage, coalesce(sy.school_id, 0), sy.schooling_status,
           sy.nutrition_meal, count(*)
      FROM eduaid.student_year sy
     WHERE sy.township_id = ANY (p_townships) AND sy.household_year_id = p_household_year
     GROUP BY 1, 2, 3, 4, 5;
END;

-- The entitlements of the members of one household_year record by their
-- facts of that year (eduaid.entitled_programs: stage and boarding while
-- in school), and how many of them were granted (a grant of the program
-- in the same record).
CREATE OR REPLACE FUNCTION eduaid.tally_subsidy_share(p_townships int[], p_household_year bigint)
RETURNS TABLE (school_year int, program text, entitled bigint, granted bigint)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT sy.school_year, p.program, count(*), count(s.id)
      FROM eduaid.student_year sy
     CROSS JOIN LATERAL unnest(eduaid.entitled_programs(sy.stage, sy.boarding,
                               sy.schooling_status, sy.left_school)) AS p (program)
      LEFT JOIN eduaid.student_subsidy s ON s.township_id = sy.township_id
       AND s.student_id = sy.student_id AND s.school_year = sy.school_year
       AND s.program = p.program AND s.household_year_id = sy.household_year_id
     WHERE sy.township_id = ANY (p_townships) AND sy.household_year_id = p_household_year
     GROUP BY 1, 2;
END;

-- Add (sign 1) or take away (-1) the share of one household_year record
-- (its rows in one of p_rows_in) in both tallies, as township p_township's.
CREATE OR REPLACE FUNCTION eduaid.report_tally_year(p_township int, p_household_year bigint,
                                                    sign int, p_rows_in int[])
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    INSERT INTO eduaid.subsidy_tally AS t (township_id, school_year, program, entitled, granted)
    SELECT p_township, x.school_year, x.program, x.entitled, x.granted
      FROM eduaid.tally_subsidy_share(p_rows_in, p_household_year) AS x
     WHERE sign > 0
    ON CONFLICT (township_id, school_year, program)
    DO UPDATE SET entitled = t.entitled + EXCLUDED.entitled, granted = t.granted + EXCLUDED.granted;
    UPDATE eduaid.subsidy_tally AS t SET entitled = t.entitled - x.entitled,
                                         granted = t.granted - x.granted
      FROM eduaid.tally_subsidy_share(p_rows_in, p_household_year) AS x
     WHERE sign < 0 AND t.township_id = p_township
       AND t.school_year = x.school_year AND t.program = x.program;
    INSERT INTO eduaid.member_tally AS t (township_id, school_year, stage, school_id,
                                          schooling_status, nutrition_meal, n)
    SELECT p_township, x.school_year, x.stage, x.school_id, x.schooling_status,
           x.nutrition_meal, x.n
      FROM eduaid.tally_member_share(p_rows_in, p_household_year) AS x
     WHERE sign > 0
    ON CONFLICT (township_id, school_year, stage, school_id, schooling_status, nutrition_meal)
    DO UPDATE SET n = t.n + EXCLUDED.n;
    UPDATE eduaid.member_tally AS t SET n = t.n - x.n
      FROM eduaid.tally_member_share(p_rows_in, p_household_year) AS x
     WHERE sign < 0 AND t.township_id = p_township AND t.school_year = x.school_year
       AND t.stage = x.stage AND t.school_id = x.school_id
       AND t.schooling_status = x.schooling_status AND t.nutrition_meal = x.nutrition_meal;
END;

-- The trigger on household_year: a record entering the counted states adds
-- its share, one leaving them (or deleted while counted: before its
-- members go) takes it away; a counted record whose township changes
-- moves its share along. Runs as the owner: the tally is nobody's to
-- write. (The members of a counted record cannot change: the workflow's
-- guards lock them with it, 20_workflow.sql.)
CREATE OR REPLACE FUNCTION eduaid.report_tally_trigger() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    was   boolean := TG_OP <> 'INSERT' AND OLD.status IN ('approved', 'in_notice', 'final');
    now_  boolean := TG_OP <> 'DELETE' AND NEW.status IN ('approved', 'in_notice', 'final');
    moved boolean := TG_OP = 'UPDATE' AND OLD.township_id IS DISTINCT FROM NEW.township_id;
    -- (its rows: in the township before or after a move, whichever they
    -- are in at this moment)
    rows_in int[] := CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW.township_id]
                                WHEN 'DELETE' THEN ARRAY[OLD.township_id]
                                ELSE ARRAY[OLD.township_id, NEW.township_id] END;
BEGIN
    IF was AND (NOT now_ OR moved) THEN
        PERFORM eduaid.report_tally_year(OLD.township_id, OLD.id, -1, rows_in);
    END IF;
    IF now_ AND (NOT was OR moved) THEN
        PERFORM eduaid.report_tally_year(NEW.township_id, NEW.id, 1, rows_in);
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

-- Count everything again from the records (after a load with triggers off);
-- returns the rows of the subsidy tally.
CREATE OR REPLACE FUNCTION eduaid.report_tally_rebuild() RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    rows bigint;
BEGIN
    DELETE FROM eduaid.subsidy_tally;
    INSERT INTO eduaid.subsidy_tally (township_id, school_year, program, entitled, granted)
    SELECT hy.township_id, hy.school_year, p.program, count(*), count(s.id)
      FROM eduaid.household_year hy
      JOIN eduaid.student_year sy ON sy.township_id = hy.township_id
       AND sy.household_year_id = hy.id
     CROSS JOIN LATERAL unnest(eduaid.entitled_programs(sy.stage, sy.boarding,
                               sy.schooling_status, sy.left_school)) AS p (program)
      LEFT JOIN eduaid.student_subsidy s ON s.township_id = sy.township_id
       AND s.household_year_id = sy.household_year_id AND s.student_id = sy.student_id
       AND s.program = p.program
     WHERE hy.status IN ('approved', 'in_notice', 'final')
     GROUP BY 1, 2, 3;
    GET DIAGNOSTICS rows = ROW_COUNT;
    DELETE FROM eduaid.member_tally;
    INSERT INTO eduaid.member_tally (township_id, school_year, stage, school_id,
                                     schooling_status, nutrition_meal, n)
    SELECT hy.township_id, hy.school_year, sy.stage, coalesce(sy.school_id, 0),
           sy.schooling_status, sy.nutrition_meal, count(*)
      FROM eduaid.household_year hy
      JOIN eduaid.student_year sy ON sy.township_id = hy.township_id
       AND sy.household_year_id = hy.id
     WHERE hy.status IN ('approved', 'in_notice', 'final')
     GROUP BY 1, 2, 3, 4, 5, 6;
    PERFORM eduaid.school_age_tally_rebuild();
    RETURN rows;
END
$$;

REVOKE ALL ON FUNCTION eduaid.tally_subsidy_share(int[], bigint),
    eduaid.tally_member_share(int[], bigint), eduaid.report_tally_year(int, bigint, int, int[]),
    eduaid.report_tally_trigger(), eduaid.report_tally_rebuild() FROM PUBLIC;

-- Empty tallies while records count (029_year_tallies.sql emptied the
-- tallies of their old shape): count them from the records. Otherwise
-- nothing: the trigger keeps them.
SELECT eduaid.report_tally_rebuild()
 WHERE NOT EXISTS (SELECT FROM eduaid.subsidy_tally)
   AND NOT EXISTS (SELECT FROM eduaid.member_tally)
   AND EXISTS (SELECT FROM eduaid.household_year hy
                WHERE hy.status IN ('approved', 'in_notice', 'final'));

------------------------------------------------------------------------
-- 应享尽享: each registered student of the school year in school that year
-- is entitled to the programs of that year's stage
-- (eduaid.entitled_programs); an entitlement is granted when a subsidy row
-- of that program is in the same year record. A grant to a child not
-- entitled (one who left school that year, say) is no entitlement granted
-- and is not counted; neither is 滋蕙计划, selective, not an entitlement.
-- Read from eduaid.subsidy_tally, under its row-level security.
CREATE OR REPLACE FUNCTION eduaid.report_subsidy(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, entitled bigint,
               granted bigint, missing bigint, coverage numeric)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    WITH ent AS (
        SELECT t.township_id AS tid, t.program, sum(t.entitled) AS entitled,
               sum(t.granted) AS granted
          FROM eduaid.subsidy_tally t
         WHERE t.school_year = p_year
           AND (p_township IS NULL OR t.township_id = p_township)
         GROUP BY 1, 2),
    grid AS (
        SELECT t.id, t.name, p.program, p.ord,
               coalesce(e.entitled, 0) AS entitled, coalesce(e.granted, 0) AS granted
          FROM eduaid.report_townships(p_township) AS t
         CROSS JOIN unnest(eduaid.subsidy_programs()) WITH ORDINALITY AS p (program, ord)
          LEFT JOIN ent e ON e.tid = t.id AND e.program = p.program)
    SELECT g.id, g.name, g.program, sum(g.entitled)::bigint, sum(g.granted)::bigint,
           sum(g.entitled - g.granted)::bigint, eduaid.report_pct(sum(g.granted), sum(g.entitled))
      FROM grid g
     GROUP BY GROUPING SETS ((g.id, g.name, g.program, g.ord), (g.id, g.name), (g.program, g.ord), ())
    HAVING count(*) > 0
     ORDER BY g.id NULLS LAST, g.ord NULLS FIRST;
END;

-- Each entitlement of a registered student not granted in the school year:
-- who, where, which program, and the household_year record to open to
-- grant it (the client opens it at that member). The student_year rows of
-- the counted household_year records of year p_year, entitled by that
-- year's facts (eduaid.entitled_programs); a grant of the program in the
-- same record is the entitlement granted. ID numbers masked for every
-- role. In the
-- order (township_id, household_no, student_id, program), a page at a time
-- (keyset paging): the lines after the one whose key is p_after_township,
-- p_after_household_no, p_after_student, p_after_program (all NULL: from
-- the first line), at most p_limit of them (NULL: all). A screen asks for
-- the first page, then for the lines after the last it holds; the export
-- walks the pages. township_id is the year record's (a family that moved
-- leaves its past years where they were counted).
-- (household_no is unique and student ids are, so the key is a total order.)
DO $$
BEGIN
    -- the list before it named the household_year record: its result changed
    IF NOT EXISTS (
        SELECT FROM pg_proc p
         WHERE p.oid = to_regprocedure(
                   'eduaid.report_subsidy_missing(int, int, int, text, bigint, text, int)')
           AND 'household_year_id' = ANY (p.proargnames)) THEN
        DROP FUNCTION IF EXISTS
            eduaid.report_subsidy_missing(int, int, int, text, bigint, text, int);
    END IF;
END
$$;
CREATE OR REPLACE FUNCTION eduaid.report_subsidy_missing(p_year int, p_township int DEFAULT NULL,
    p_after_township int DEFAULT NULL, p_after_household_no text DEFAULT NULL,
    p_after_student bigint DEFAULT NULL, p_after_program text DEFAULT NULL,
    p_limit int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, household_no text, student_id bigint,
               name text, id_number_masked text, stage text, school text, program text,
               household_year_id bigint)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    SELECT hy.township_id, t.name, h.household_no, st.id, st.name, st.id_number_masked,
           sy.stage, sc.name, p.program, hy.id
      FROM eduaid.household_year hy
      JOIN eduaid.household h ON h.id = hy.household_id
      JOIN eduaid.township t ON t.id = hy.township_id
      -- each record's rows by its key (kept apart by OFFSET 0: with stale
      -- statistics the planner once ran the records inside the rows, all
      -- of a township's records for every row -- 17 s for 5,400 lines)
     CROSS JOIN LATERAL (
           SELECT x.* FROM eduaid.student_year x
            WHERE x.township_id = hy.township_id AND x.household_year_id = hy.id
           OFFSET 0) sy
      JOIN eduaid.student st ON st.household_id = sy.household_id AND st.id = sy.student_id
      LEFT JOIN eduaid.school sc ON sc.id = sy.school_id
     CROSS JOIN LATERAL unnest(eduaid.entitled_programs(sy.stage, sy.boarding,
                               sy.schooling_status, sy.left_school)) AS p (program)
     WHERE hy.school_year = p_year
       AND hy.status IN ('approved', 'in_notice', 'final')
       AND hy.township_id = ANY ((SELECT eduaid.my_townships())::int[])
       AND (p_township IS NULL OR hy.township_id = p_township)
       -- township ids are positive: (0, '', 0, '') is before every line
       AND (hy.township_id, h.household_no)
           >= (coalesce(p_after_township, 0), coalesce(p_after_household_no, ''))
       AND (hy.township_id, h.household_no, st.id, p.program)
           > (coalesce(p_after_township, 0), coalesce(p_after_household_no, ''),
              coalesce(p_after_student, 0), coalesce(p_after_program, ''))
       AND NOT EXISTS (SELECT FROM eduaid.student_subsidy s
                        WHERE s.township_id = sy.township_id AND s.student_id = sy.student_id
                          AND s.school_year = p_year AND s.program = p.program
                          AND s.household_year_id = sy.household_year_id)
     ORDER BY hy.township_id, h.household_no, st.id, p.program
     LIMIT p_limit;
END;

------------------------------------------------------------------------
-- 营养改善计划: registered students in primary and junior stages at a
-- school of the nutrition pilot, and how many of them take the meal (from
-- eduaid.member_tally).
CREATE OR REPLACE FUNCTION eduaid.report_nutrition(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, pilot_students bigint,
               covered bigint, missing bigint, coverage numeric)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    WITH n AS (
        SELECT m.township_id AS tid, sum(m.n) AS pilot,
               sum(m.n) FILTER (WHERE m.nutrition_meal) AS covered
          FROM eduaid.member_tally m
          JOIN eduaid.school sc ON sc.id = m.school_id AND sc.nutrition_pilot
         WHERE m.school_year = p_year AND m.stage IN ('primary', 'junior')
           AND (p_township IS NULL OR m.township_id = p_township)
         GROUP BY 1)
    SELECT t.id, t.name, NULL::text, sum(coalesce(n.pilot, 0))::bigint,
           sum(coalesce(n.covered, 0))::bigint,
           sum(coalesce(n.pilot, 0) - coalesce(n.covered, 0))::bigint,
           eduaid.report_pct(sum(n.covered), sum(n.pilot))
      FROM eduaid.report_townships(p_township) AS t
      LEFT JOIN n ON n.tid = t.id
     GROUP BY GROUPING SETS ((t.id, t.name), ())
    HAVING count(*) > 0
     ORDER BY t.id NULLS LAST;
END;
-- The meal flag and the school are those of year p_year's rows; whether
-- the school is in the pilot is the school's today.

------------------------------------------------------------------------
-- 控辍保学: the schooling status of the members of counted households (all
-- members: a child not in school has stage 'none'; from
-- eduaid.member_tally), and the counts of the
-- three ledgers from eduaid.ledger_counts (32_ledgers.sql: children
-- of school age, suspected and confirmed dropouts, and those who returned
-- to school during the year) -- the ledgers' own definitions, taken as
-- they are.
CREATE OR REPLACE FUNCTION eduaid.report_schooling(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, members bigint,
               enrolled bigint, dropped_out bigint, suspended bigint,
               not_enrolled bigint, enrolled_pct numeric, school_age bigint,
               suspected bigint, confirmed bigint, returned bigint)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    WITH s AS (
        SELECT m.township_id AS tid, sum(m.n) AS members,
               sum(m.n) FILTER (WHERE m.schooling_status = 'enrolled') AS enrolled,
               sum(m.n) FILTER (WHERE m.schooling_status = 'dropped_out') AS dropped_out,
               sum(m.n) FILTER (WHERE m.schooling_status = 'suspended') AS suspended,
               sum(m.n) FILTER (WHERE m.schooling_status = 'not_enrolled') AS not_enrolled
          FROM eduaid.member_tally m
         WHERE m.school_year = p_year AND (p_township IS NULL OR m.township_id = p_township)
         GROUP BY 1),
    l AS MATERIALIZED (SELECT * FROM eduaid.ledger_counts(p_year))
    SELECT t.id, t.name, NULL::text, sum(coalesce(s.members, 0))::bigint,
           sum(coalesce(s.enrolled, 0))::bigint, sum(coalesce(s.dropped_out, 0))::bigint,
           sum(coalesce(s.suspended, 0))::bigint, sum(coalesce(s.not_enrolled, 0))::bigint,
           eduaid.report_pct(sum(s.enrolled), sum(s.members)),
           sum(coalesce(l.school_age, 0))::bigint, sum(coalesce(l.suspected, 0))::bigint,
           sum(coalesce(l.confirmed, 0))::bigint, sum(coalesce(l.returned, 0))::bigint
      FROM eduaid.report_townships(p_township) AS t
      LEFT JOIN s ON s.tid = t.id
      LEFT JOIN l ON l.township_id = t.id
     GROUP BY GROUPING SETS ((t.id, t.name), ())
    HAVING count(*) > 0
     ORDER BY t.id NULLS LAST;
END;

------------------------------------------------------------------------
-- 一人一案: disabled members (disability_type set) of counted households
-- aged 6 to 15 on Sep 1 of the school year, and those among them with a
-- plan in force during the year (a counted plan naming their ID number,
-- placed before the year ends and not ended before it began); the
-- placement is that of their latest such plan.
CREATE OR REPLACE FUNCTION eduaid.special_ed_counts(p_year int, p_township int)
RETURNS TABLE (tid int, children bigint, planned bigint, special_school bigint,
               regular_class bigint, special_class bigint, home_delivery bigint)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    -- (from the disabled children, one in a hundred: each one's counted
    -- record of the year and his row in it, index only, 056_report_scale.sql)
    WITH kids AS (
        SELECT st.township_id AS tid, pl.placement
          FROM eduaid.student st
          JOIN eduaid.household_year hy ON hy.township_id = st.township_id
           AND hy.household_id = st.household_id AND hy.school_year = p_year
           AND hy.status IN ('approved', 'in_notice', 'final')
          LEFT JOIN LATERAL (
              SELECT p.placement FROM eduaid.special_ed_plan p
               WHERE p.township_id = hy.township_id AND p.child_id_number = st.id_number
                 AND p.status IN ('approved', 'in_notice', 'final')
                 AND p.placed_on < make_date(p_year + 1, 9, 1)
                 AND (p.ended_on IS NULL OR p.ended_on >= make_date(p_year, 9, 1))
               ORDER BY p.placed_on DESC, p.id DESC LIMIT 1) AS pl ON true
         WHERE st.disability_type IS NOT NULL
           AND st.township_id = ANY ((SELECT eduaid.my_townships())::int[])
           AND (p_township IS NULL OR st.township_id = p_township)
           AND st.birth_date > make_date(p_year - 16, 9, 1)
           AND st.birth_date <= make_date(p_year - 6, 9, 1)
           AND EXISTS (SELECT FROM eduaid.student_year sy
                        WHERE sy.township_id = hy.township_id AND sy.household_year_id = hy.id
                          AND sy.student_id = st.id))
    SELECT k.tid, count(*), count(k.placement),
           count(*) FILTER (WHERE k.placement = 'special_school'),
           count(*) FILTER (WHERE k.placement = 'regular_class'),
           count(*) FILTER (WHERE k.placement = 'special_class'),
           count(*) FILTER (WHERE k.placement = 'home_delivery')
      FROM kids k GROUP BY k.tid;
END;

CREATE OR REPLACE FUNCTION eduaid.report_special_ed(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, children bigint,
               planned bigint, unplanned bigint, coverage numeric,
               special_school bigint, regular_class bigint, special_class bigint,
               home_delivery bigint)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    SELECT t.id, t.name, NULL::text, sum(coalesce(c.children, 0))::bigint,
           sum(coalesce(c.planned, 0))::bigint,
           sum(coalesce(c.children, 0) - coalesce(c.planned, 0))::bigint,
           eduaid.report_pct(sum(c.planned), sum(c.children)),
           sum(coalesce(c.special_school, 0))::bigint, sum(coalesce(c.regular_class, 0))::bigint,
           sum(coalesce(c.special_class, 0))::bigint, sum(coalesce(c.home_delivery, 0))::bigint
      FROM eduaid.report_townships(p_township) AS t
      LEFT JOIN eduaid.special_ed_counts(p_year, p_township) AS c ON c.tid = t.id
     GROUP BY GROUPING SETS ((t.id, t.name), ())
    HAVING count(*) > 0
     ORDER BY t.id NULLS LAST;
END;

------------------------------------------------------------------------
-- 技能培训: counted enrollments starting in the school year, by course,
-- with the employment outcome of each (the plan: 1000 person-times a year).
CREATE OR REPLACE FUNCTION eduaid.report_training(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, person_times bigint,
               completed bigint, certified bigint, employed bigint, self_employed bigint,
               entrepreneur bigint, further_study bigint, unemployed bigint, pending bigint)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    WITH e AS (
        SELECT e.township_id AS tid, e.course_id, count(*) AS n,
               count(*) FILTER (WHERE e.completed) AS completed,
               count(e.certificate_no) AS certified,
               count(*) FILTER (WHERE e.employment_outcome = 'employed') AS employed,
               count(*) FILTER (WHERE e.employment_outcome = 'self_employed') AS self_employed,
               count(*) FILTER (WHERE e.employment_outcome = 'entrepreneur') AS entrepreneur,
               count(*) FILTER (WHERE e.employment_outcome = 'further_study') AS further_study,
               count(*) FILTER (WHERE e.employment_outcome = 'unemployed') AS unemployed,
               count(*) FILTER (WHERE e.employment_outcome = 'pending') AS pending
          FROM eduaid.training_enrollment e
         WHERE e.status IN ('approved', 'in_notice', 'final')
           AND e.start_date >= make_date(p_year, 9, 1)
           AND e.start_date < make_date(p_year + 1, 9, 1)
           AND (p_township IS NULL OR e.township_id = p_township)
         GROUP BY 1, 2),
    grid AS (
        SELECT t.id, t.name, c.id AS cid, c.name AS course, e.*
          FROM eduaid.report_townships(p_township) AS t
         CROSS JOIN eduaid.training_course c
          LEFT JOIN e ON e.tid = t.id AND e.course_id = c.id
         WHERE c.active OR e.n IS NOT NULL)
    SELECT g.id, g.name, g.course, sum(coalesce(g.n, 0))::bigint,
           sum(coalesce(g.completed, 0))::bigint, sum(coalesce(g.certified, 0))::bigint,
           sum(coalesce(g.employed, 0))::bigint, sum(coalesce(g.self_employed, 0))::bigint,
           sum(coalesce(g.entrepreneur, 0))::bigint, sum(coalesce(g.further_study, 0))::bigint,
           sum(coalesce(g.unemployed, 0))::bigint, sum(coalesce(g.pending, 0))::bigint
      FROM grid g
     GROUP BY GROUPING SETS ((g.id, g.name, g.cid, g.course), (g.id, g.name), (g.cid, g.course), ())
    HAVING count(*) > 0
     ORDER BY g.id NULLS LAST, g.cid NULLS FIRST;
END;

------------------------------------------------------------------------
-- 教师帮扶资金: applications of the school year by program. Applications
-- are all those submitted (every status but draft); approved ones are the
-- counted ones, with the amounts approved.
CREATE OR REPLACE FUNCTION eduaid.report_teacher_fund(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, applications bigint,
               requested numeric, approved bigint, approved_amount numeric)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    WITH a AS (
        SELECT a.township_id AS tid, a.program_id, count(*) AS n,
               sum(a.amount_requested) AS requested,
               count(*) FILTER (WHERE a.status IN ('approved', 'in_notice', 'final')) AS approved,
               sum(a.amount_approved) FILTER (WHERE a.status IN ('approved', 'in_notice', 'final'))
                   AS approved_amount
          FROM eduaid.teacher_fund_application a
         WHERE a.status <> 'draft' AND a.school_year = p_year
           AND (p_township IS NULL OR a.township_id = p_township)
         GROUP BY 1, 2),
    grid AS (
        SELECT t.id, t.name, p.id AS pid, p.name AS program, a.*
          FROM eduaid.report_townships(p_township) AS t
         CROSS JOIN eduaid.fund_program p
          LEFT JOIN a ON a.tid = t.id AND a.program_id = p.id
         WHERE p.active OR a.n IS NOT NULL)
    SELECT g.id, g.name, g.program, sum(coalesce(g.n, 0))::bigint,
           sum(coalesce(g.requested, 0)), sum(coalesce(g.approved, 0))::bigint,
           sum(coalesce(g.approved_amount, 0))
      FROM grid g
     GROUP BY GROUPING SETS ((g.id, g.name, g.pid, g.program), (g.id, g.name), (g.pid, g.program), ())
    HAVING count(*) > 0
     ORDER BY g.id NULLS LAST, g.pid NULLS FIRST;
END;

REVOKE ALL ON FUNCTION eduaid.report_subsidy(int, int),
    eduaid.report_subsidy_missing(int, int, int, text, bigint, text, int),
    eduaid.report_nutrition(int, int), eduaid.report_schooling(int, int),
    eduaid.special_ed_counts(int, int), eduaid.report_special_ed(int, int),
    eduaid.report_training(int, int), eduaid.report_teacher_fund(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.report_subsidy(int, int),
    eduaid.report_subsidy_missing(int, int, int, text, bigint, text, int),
    eduaid.report_nutrition(int, int), eduaid.report_schooling(int, int),
    eduaid.special_ed_counts(int, int), eduaid.report_special_ed(int, int),
    eduaid.report_training(int, int), eduaid.report_teacher_fund(int, int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
