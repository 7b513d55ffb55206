-- sql/repeatable/42_rollover.sql: the September rollover (issue 11,
-- docs/design/school-years.md "September rollover"). Each new school year
-- a clerk or officer proposes, for every household of a township counted
-- in the year before, that household's record of the new year as a draft
-- (eduaid.household_year) with one row per child still in school
-- (eduaid.student_year): a grade up, the stage changing at its boundaries,
-- graduates and leavers marked. The clerk corrects the drafts (the generic
-- form of kind household_year) and submits them; they are reviewed like
-- any record. The old year's rows are only read.
--
--   eduaid.rollover_stage(stage, grade, schooling_status, birth_date,
--                         new_year, college_years)
--                         -> (stage, grade, left_school): the pure rule of
--                         a child's next year (no row when stage is NULL)
--   eduaid.rollover_school(township, old_school, old_stage, new_stage)
--                         -> (school_id, candidates): the school proposed
--                         at a stage boundary, and how many would fit
--   eduaid.school_fits(kind, stage)  may a school of this kind teach this
--                         stage
--   eduaid.rollover(township, from_year)
--                         -> (households, pupils, leavers, already)
--   eduaid.rollover_status(township, year)
--                         the counts a screen shows for rolling into year
--   eduaid.rollover_list(township, year)
--                         the year's household records of the township,
--                         with their children and what changed
--
-- All SECURITY INVOKER: row-level security, the column grants and the
-- guards (record_guard, year_guard, member_touch, audit) see the clerk
-- himself. rollover() refuses anyone but a clerk or officer (EA004) and a
-- township not theirs (EA080, the answer for one that does not exist);
-- the status and the list of another township are empty (RLS): a clerk
-- of 军店镇 learns nothing of 城关镇.
--
-- The rule, decided here (tests/db/29_rollover.sql holds it as a table of
-- cases):
--   * Counted in the old year: status approved, in_notice or final (what
--     the reports count, 34_reports.sql). A household that has a row for
--     the new year already (a draft of an earlier run, one entered by hand,
--     or a transfer's) is left alone: a second run adds nothing. One that
--     moved to another township since (a transfer) is left to its new
--     township (whose rollover does not see the old year's record: the
--     family's first year there is entered by hand).
--   * The new record: a draft, the old year's poverty status.
--   * A child gets a row when the old year's row is in a stage (not
--     'none') and not left_school. In school (enrolled):
--       preschool            -> primary 1 from the school year in which the
--                               child is six on 1 September
--                               (eduaid.school_entry_year, the rule the
--                               dropout ledger uses), else preschool again
--       primary 1-5          -> grade + 1; primary 6 -> junior 7
--       junior 7-8           -> grade + 1; junior 9 -> senior_high 10
--                               (proposed: most go on to high school; the
--                               clerk changes it to secondary_vocational --
--                               the stage changed, so the list flags it)
--       senior_high, secondary_vocational 10-11 -> grade + 1; 12 ->
--                               graduated: stage none, left_school, not
--                               enrolled (the clerk makes a freshman
--                               'college' where one went on)
--       college              -> college (no grade) while the child has been
--                               in college fewer than four school years
--                               (counted from the rows the clerk can see),
--                               then left as a graduate
--     A grade the row does not have (NULL) stays NULL within a stage.
--     Grades are 1 to 12 (1-6 primary, 7-9 junior, 10-12 senior high or
--     vocational: the design's scale); a junior or high-school grade
--     written per stage (1-3, as the demo data and older rows have it) is
--     read as 7-9 or 10-12, and the proposal is on the scale of 1 to 12.
--   * Not in school (dropped_out, suspended, not_enrolled): the same
--     stage, grade and school again -- the 控辍保学 case stays open until
--     the clerk says otherwise.
--   * The school: kept within a stage. At a boundary: the old school if it
--     teaches the new stage too (a nine-year school, a special school);
--     else the lowest-numbered active school of a fitting kind in the
--     household's township, else in its county (the high schools, the
--     vocational school and the college are at the county seat). When
--     none fits at all, the old school is kept: student_year_school_id_
--     check wants one, and the list shows the school as not fitting.
--     Whether there was a choice is reported by rollover_list (the row's
--     stage changed; its school does not fit) rather than stored: 026 has
--     no column for it.
--   * Boarding is kept within a stage and proposed off at a boundary (a
--     new school); the nutrition meal likewise, at a boundary on when the
--     new school is in the pilot and the stage is compulsory.
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- May a school of this kind teach this stage?
CREATE OR REPLACE FUNCTION eduaid.school_fits(kind text, stage text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE stage
    WHEN 'preschool' THEN kind IN ('kindergarten', 'special')
    WHEN 'primary' THEN kind IN ('primary', 'nine_year', 'special')
    WHEN 'junior' THEN kind IN ('junior', 'nine_year', 'special')
    WHEN 'senior_high' THEN kind IN ('senior_high', 'special')
    WHEN 'secondary_vocational' THEN kind IN ('vocational', 'special')
    WHEN 'college' THEN kind = 'college'
    WHEN 'none' THEN true
    ELSE false
END;
REVOKE ALL ON FUNCTION eduaid.school_fits(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.school_fits(text, text) TO eduaid_clerk, eduaid_officer;

------------------------------------------------------------------------
-- A child's next school year, from this year's stage, grade and schooling
-- status, birth date and how many school years (this one included) the
-- child has been in college. stage NULL: no row next year.
CREATE OR REPLACE FUNCTION eduaid.rollover_stage(
    p_stage text, p_grade int, p_schooling_status text, p_birth date, p_new_year int,
    p_college_years int, OUT stage text, OUT grade int, OUT left_school boolean)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    g int;  -- the grade on the scale of 1 to 12
BEGIN
    left_school := false;
    IF p_stage IS NULL OR p_stage = 'none' THEN
        RETURN;                                   -- no row
    END IF;
    stage := p_stage;
    grade := p_grade;
    IF p_schooling_status IS DISTINCT FROM 'enrolled' THEN
        RETURN;                                   -- the same year again
    END IF;
    CASE p_stage
    WHEN 'preschool' THEN
        IF eduaid.school_entry_year(p_birth) <= p_new_year THEN
            stage := 'primary';
            grade := 1;
        END IF;
    WHEN 'primary' THEN
        IF p_grade >= 6 THEN
            stage := 'junior';
            grade := 7;
        ELSE
            grade := p_grade + 1;
        END IF;
    WHEN 'junior' THEN
        g := CASE WHEN p_grade < 7 THEN p_grade + 6 ELSE p_grade END;
        IF g >= 9 THEN
            stage := 'senior_high';
            grade := 10;
        ELSE
            grade := g + 1;
        END IF;
    WHEN 'senior_high', 'secondary_vocational' THEN
        g := CASE WHEN p_grade < 10 THEN p_grade + 9 ELSE p_grade END;
        IF g >= 12 THEN
            stage := 'none';
            grade := NULL;
            left_school := true;
        ELSE
            grade := g + 1;
        END IF;
    WHEN 'college' THEN
        grade := NULL;
        IF coalesce(p_college_years, 1) >= 4 THEN
            stage := 'none';
            left_school := true;
        END IF;
    ELSE
        NULL;                                     -- a stage of tomorrow: as it is
    END CASE;
END
$$;
REVOKE ALL ON FUNCTION eduaid.rollover_stage(text, int, text, date, int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.rollover_stage(text, int, text, date, int, int)
    TO eduaid_clerk, eduaid_officer;

------------------------------------------------------------------------
-- The school proposed for a child of p_township moving from p_old_stage
-- at p_old_school to p_new_stage, and how many schools would fit (1: no
-- choice was made; 0 or more than 1: the clerk should look).
CREATE OR REPLACE FUNCTION eduaid.rollover_school(
    p_township int, p_old_school int, p_old_stage text, p_new_stage text,
    OUT school_id int, OUT candidates int)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_kind text;
BEGIN
    IF p_new_stage = 'none' THEN
        school_id := NULL;
        candidates := 1;
        RETURN;
    END IF;
    SELECT sc.kind INTO v_kind FROM eduaid.school sc WHERE sc.id = p_old_school;
    IF p_new_stage IS NOT DISTINCT FROM p_old_stage OR eduaid.school_fits(v_kind, p_new_stage) THEN
        school_id := p_old_school;
        candidates := 1;
        RETURN;
    END IF;
    -- the township's own schools of the new stage, else the county's
    SELECT min(sc.id), count(*) INTO school_id, candidates
      FROM eduaid.school sc
     WHERE sc.township_id = p_township AND sc.active
       AND eduaid.school_fits(sc.kind, p_new_stage) AND sc.kind <> 'special';
    IF candidates = 0 THEN
        SELECT min(sc.id), count(*) INTO school_id, candidates
          FROM eduaid.school sc
          JOIN eduaid.township t ON t.id = sc.township_id
         WHERE t.county_id = (SELECT t2.county_id FROM eduaid.township t2 WHERE t2.id = p_township)
           AND sc.active AND eduaid.school_fits(sc.kind, p_new_stage) AND sc.kind <> 'special';
    END IF;
    IF school_id IS NULL THEN
        school_id := p_old_school;                -- nothing fits: kept, and shown as not fitting
    END IF;
END
$$;
REVOKE ALL ON FUNCTION eduaid.rollover_school(int, int, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.rollover_school(int, int, text, text)
    TO eduaid_clerk, eduaid_officer;

------------------------------------------------------------------------
-- A member's transfer (issue 11, 033_member_transfers.sql): the members
-- of township p_township who moved in from a household of another
-- township, with the year row p_year of the row they moved from (and how
-- many school years up to p_year they were in college there). The
-- rollover proposes them in their new household from it: a member moved
-- out is no longer proposed where it was (rollover(): moved_out_on), and
-- one moved in is, from the next rollover on. The old row is in another
-- township, so this reads as the owner, for the caller's own townships
-- only (another township's is empty), and only the year facts of people
-- who are the caller's members now.
CREATE OR REPLACE FUNCTION eduaid.rollover_moved_in(p_township int, p_year int)
RETURNS TABLE (household_id bigint, student_id bigint, stage text, school_id int, grade int,
               boarding boolean, schooling_status text, nutrition_meal boolean,
               left_school boolean, college_years int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
SELECT st.household_id, st.id, y.stage, y.school_id, y.grade, y.boarding, y.schooling_status,
       y.nutrition_meal, y.left_school,
       (SELECT count(DISTINCT c.school_year)::int FROM eduaid.student_year c
         WHERE c.household_id = y.household_id AND c.student_id = y.student_id
           AND c.stage = 'college' AND c.school_year <= p_year)
  FROM eduaid.student st
  JOIN eduaid.student_year y
    ON y.household_id = st.moved_from_household_id AND y.student_id = st.moved_from_id
   AND y.school_year = p_year
 WHERE st.township_id = p_township
   AND p_township = ANY (coalesce(eduaid.my_townships(), '{}'::int[]))
   AND st.moved_from_id IS NOT NULL AND st.moved_out_on IS NULL
   AND NOT EXISTS (SELECT FROM eduaid.student_year z
                    WHERE z.township_id = st.township_id AND z.household_id = st.household_id
                      AND z.student_id = st.id AND z.school_year = p_year);
END;
REVOKE ALL ON FUNCTION eduaid.rollover_moved_in(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.rollover_moved_in(int, int) TO eduaid_clerk, eduaid_officer;

------------------------------------------------------------------------
-- Roll township p_township over from school year p_from_year into the
-- next: see the top of this file. Returns how many households got a
-- draft, how many children in school it holds, how many were marked as
-- graduated or left, and how many counted households had a record of the
-- new year already.
CREATE OR REPLACE FUNCTION eduaid.rollover(p_township int, p_from_year int)
RETURNS TABLE (households int, pupils int, leavers int, already int)
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_new  bigint[];
    v_year constant int := p_from_year + 1;
BEGIN
    IF coalesce(eduaid.my_role(), '') NOT IN ('clerk', 'officer') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not roll a township over to a new school year (无权进行学年转换)',
                             session_user);
    END IF;
    IF p_township IS NULL OR NOT p_township = ANY (coalesce(eduaid.my_townships(), '{}'::int[])) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA080',
            MESSAGE = 'no such township in your townships (在您负责的乡镇中找不到该乡镇)';
    END IF;
    IF p_from_year IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22004', MESSAGE = 'rollover: no school year given';
    END IF;

    SELECT count(*) INTO already
      FROM eduaid.household_year o
     WHERE o.township_id = p_township AND o.school_year = p_from_year
       AND o.status IN ('approved', 'in_notice', 'final')
       AND EXISTS (SELECT FROM eduaid.household_year n
                    WHERE n.township_id = o.township_id AND n.household_id = o.household_id
                      AND n.school_year = v_year);

    WITH fresh AS (
        INSERT INTO eduaid.household_year (township_id, household_id, school_year, poverty_status)
        SELECT o.township_id, o.household_id, v_year, o.poverty_status
          FROM eduaid.household_year o
         WHERE o.township_id = p_township AND o.school_year = p_from_year
           AND o.status IN ('approved', 'in_notice', 'final')
           AND NOT EXISTS (SELECT FROM eduaid.household_year n
                            WHERE n.township_id = o.township_id
                              AND n.household_id = o.household_id AND n.school_year = v_year)
           -- a household that moved away since (a transfer) is proposed by
           -- its new township, not here
           AND EXISTS (SELECT FROM eduaid.household h
                        WHERE h.township_id = o.township_id AND h.id = o.household_id)
         ORDER BY o.household_id
        ON CONFLICT DO NOTHING
        RETURNING id)
    SELECT coalesce(array_agg(f.id), '{}') INTO v_new FROM fresh f;
    households := cardinality(v_new);

    WITH made AS (
        INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage,
               school_id, grade, boarding, schooling_status, nutrition_meal, left_school)
        SELECT n.township_id, n.id, s.student_id, nx.stage,
               CASE WHEN nx.stage = s.stage THEN s.school_id ELSE sch.school_id END,
               nx.grade,
               nx.stage = s.stage AND s.boarding,
               CASE WHEN nx.left_school THEN 'not_enrolled' ELSE s.schooling_status END,
               CASE WHEN nx.stage = s.stage THEN s.nutrition_meal
                    ELSE nx.stage IN ('primary', 'junior')
                         AND coalesce((SELECT sc.nutrition_pilot FROM eduaid.school sc
                                        WHERE sc.id = sch.school_id), false) END,
               nx.left_school
          FROM eduaid.household_year n
          JOIN eduaid.household_year o
            ON o.township_id = n.township_id AND o.household_id = n.household_id
           AND o.school_year = p_from_year
          CROSS JOIN LATERAL (
                SELECT s.household_id, s.student_id, s.stage, s.school_id, s.grade,
                       s.boarding, s.schooling_status, s.nutrition_meal, s.left_school,
                       (SELECT count(DISTINCT c.school_year)::int FROM eduaid.student_year c
                         WHERE c.township_id = s.township_id AND c.student_id = s.student_id
                           AND c.stage = 'college' AND c.school_year <= p_from_year)
                           AS college_years
                  FROM eduaid.student_year s
                 WHERE s.township_id = o.township_id AND s.household_year_id = o.id
                UNION ALL
                SELECT m.household_id, m.student_id, m.stage, m.school_id, m.grade,
                       m.boarding, m.schooling_status, m.nutrition_meal, m.left_school,
                       m.college_years
                  FROM eduaid.rollover_moved_in(p_township, p_from_year) m
                 WHERE m.household_id = o.household_id) AS s
          JOIN eduaid.student st
            ON st.township_id = n.township_id AND st.household_id = s.household_id
           AND st.id = s.student_id AND st.moved_out_on IS NULL
          CROSS JOIN LATERAL eduaid.rollover_stage(
                   s.stage, s.grade, s.schooling_status, st.birth_date, v_year,
                   s.college_years) AS nx
          CROSS JOIN LATERAL eduaid.rollover_school(n.township_id, s.school_id, s.stage,
                                                    nx.stage) AS sch
         WHERE n.township_id = p_township AND n.id = ANY (v_new)
           AND s.stage <> 'none' AND NOT s.left_school
         ORDER BY n.id, s.student_id
        RETURNING stage, left_school)
    SELECT count(*) FILTER (WHERE r.stage <> 'none'), count(*) FILTER (WHERE r.left_school)
      INTO pupils, leavers FROM made r;
    RETURN NEXT;
END
$$;
COMMENT ON FUNCTION eduaid.rollover(int, int) IS
    'eduaid: propose the next school year''s records (drafts) of a township''s counted households';
REVOKE ALL ON FUNCTION eduaid.rollover(int, int) FROM PUBLIC;
-- supervisors may call it to be told no (EA004), as the workflow tells them
GRANT EXECUTE ON FUNCTION eduaid.rollover(int, int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor;

------------------------------------------------------------------------
-- Rolling township p_township into school year p_year, in numbers: the
-- households counted in the year before, how many of those have no record
-- of p_year yet (what a rollover would propose), and p_year's records by
-- state. Under row-level security: another township's are all zero.
CREATE OR REPLACE FUNCTION eduaid.rollover_status(p_township int, p_year int)
RETURNS TABLE (school_year int, counted_before int, to_propose int, records int,
               drafts int, submitted int, verified int, approved int, rejected int)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
SELECT p_year,
       (SELECT count(*)::int FROM eduaid.household_year o
         WHERE o.township_id = p_township AND o.school_year = p_year - 1
           AND o.status IN ('approved', 'in_notice', 'final')),
       (SELECT count(*)::int FROM eduaid.household_year o
         WHERE o.township_id = p_township AND o.school_year = p_year - 1
           AND o.status IN ('approved', 'in_notice', 'final')
           AND NOT EXISTS (SELECT FROM eduaid.household_year n
                            WHERE n.township_id = o.township_id
                              AND n.household_id = o.household_id AND n.school_year = p_year)
           AND EXISTS (SELECT FROM eduaid.household h
                        WHERE h.township_id = o.township_id AND h.id = o.household_id)),
       count(*)::int,
       (count(*) FILTER (WHERE y.status = 'draft'))::int,
       (count(*) FILTER (WHERE y.status = 'submitted'))::int,
       (count(*) FILTER (WHERE y.status = 'verified'))::int,
       (count(*) FILTER (WHERE y.status IN ('approved', 'in_notice', 'final')))::int,
       (count(*) FILTER (WHERE y.status = 'rejected'))::int
  FROM eduaid.household_year y
 WHERE y.township_id = p_township AND y.school_year = p_year;
END;
COMMENT ON FUNCTION eduaid.rollover_status(int, int) IS
    'eduaid: a township''s rollover into a school year in numbers (the caller''s townships only)';
REVOKE ALL ON FUNCTION eduaid.rollover_status(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.rollover_status(int, int) TO eduaid_clerk, eduaid_officer;

------------------------------------------------------------------------
-- The records of school year p_year of township p_township, for the
-- rollover screen: household number and head, state and version, the
-- children in school, how many children's stage differs from their row
-- of the year before (a child without one -- added by hand, or the first
-- year recorded -- is not counted), how many were marked as left, and how
-- many rows want a look (stage changed, or a school that does not teach
-- the stage). Under row-level security.
CREATE OR REPLACE FUNCTION eduaid.rollover_list(p_township int, p_year int)
RETURNS TABLE (id bigint, version int, status text, household_id bigint, household_no text,
               head_name text, poverty_status text, pupils int, changed int, leavers int,
               to_check int)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
SELECT y.id, y.version, y.status, y.household_id, h.household_no, h.head_name,
       y.poverty_status,
       coalesce(m.pupils, 0), coalesce(m.changed, 0), coalesce(m.leavers, 0),
       coalesce(m.to_check, 0)
  FROM eduaid.household_year y
  JOIN eduaid.household h ON h.id = y.household_id AND h.township_id = y.township_id
  LEFT JOIN LATERAL (
        SELECT (count(*) FILTER (WHERE s.stage <> 'none'))::int AS pupils,
               (count(*) FILTER (WHERE p.stage <> s.stage))::int AS changed,
               (count(*) FILTER (WHERE s.left_school))::int AS leavers,
               (count(*) FILTER (WHERE p.stage <> s.stage
                                    OR NOT coalesce(eduaid.school_fits(sc.kind, s.stage),
                                                    s.stage = 'none')))::int AS to_check
          FROM eduaid.student_year s
          LEFT JOIN eduaid.school sc ON sc.id = s.school_id
          LEFT JOIN eduaid.student_year p
            ON p.township_id = s.township_id AND p.student_id = s.student_id
           AND p.school_year = s.school_year - 1
         WHERE s.township_id = y.township_id AND s.household_year_id = y.id) AS m ON true
 WHERE y.township_id = p_township AND y.school_year = p_year
 ORDER BY h.household_no, y.id;
END;
COMMENT ON FUNCTION eduaid.rollover_list(int, int) IS
    'eduaid: a township''s records of a school year with their children and what changed (the caller''s townships only)';
REVOKE ALL ON FUNCTION eduaid.rollover_list(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.rollover_list(int, int) TO eduaid_clerk, eduaid_officer;

RESET ROLE;
