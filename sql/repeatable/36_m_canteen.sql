-- repeatable/36_m_canteen.sql: 随迁子女 and the canteens of the nutrition
-- meal plan (issue 17 H3; the columns are 060_migrant_canteen.sql's).
--
--   eduaid.student_arrival_guard()   BEFORE INSERT OR UPDATE OF arrival_year
--       on eduaid.student: the year of arrival is not after this year
--       (a CHECK cannot read the clock); refused as
--       student_arrival_year_check, whose words say so.
--   eduaid.report_subsidy_migrant(year, township)
--       应享尽享 split by migrant status: per township (and the total of
--       what the caller may see) the subsidy entitlements of the school
--       year, granted, missing and the coverage, for the migrant children
--       (item 'migrant') and for the others ('local'), the township's row
--       over both; beside them, migrants: the migrant children registered
--       that year, in_town: those of them at a county-town school that
--       year (school.urban_rural = 'town'; the report shows it, no rule
--       asks it: 060's head says why). NULL on the 'local' rows.
--       The same entitlements as eduaid.report_subsidy (entitled_programs
--       of the year rows of counted household_year records, a grant in
--       the same record): the migrant children's are counted from their
--       rows (few: eduaid.student_migrant_idx), the others' are the
--       tally's (eduaid.subsidy_tally) less those, so the two items add
--       up to report_subsidy's figures exactly.
--   eduaid.report_canteen(year, township)
--       学校食堂供餐率: the active nutrition-pilot schools of each township,
--       those whose canteen serves the meal in the school year (canteen,
--       and canteen_since not after the year), those without, the supply
--       rate against 100, and beside it report_nutrition's coverage of the
--       pilot students (meal_coverage) so the two read together. The
--       items of a township are its pilot schools without a canteen.
--
-- Both reports are SECURITY INVOKER: row-level security and the column
-- grants decide, so an officer's covers his township and a supervisor's
-- the county with its total. A migrant child of a family that moved since
-- counts, in a past year's report of the old township, as migrant only
-- for those who can read the member's register row (the new township's
-- users and supervisors); others see him among the local children.
SET ROLE eduaid_owner;

CREATE OR REPLACE FUNCTION eduaid.student_arrival_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NEW.arrival_year > extract(year FROM current_date) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            CONSTRAINT = 'student_arrival_year_check',
            MESSAGE = 'the year of arrival cannot be in the future (随迁年份不能晚于今年)';
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION eduaid.student_arrival_guard() FROM PUBLIC;

DROP TRIGGER IF EXISTS student_arrival_guard ON eduaid.student;
CREATE TRIGGER student_arrival_guard
    BEFORE INSERT OR UPDATE OF arrival_year ON eduaid.student
    FOR EACH ROW EXECUTE FUNCTION eduaid.student_arrival_guard();

------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION eduaid.report_subsidy_migrant(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, entitled bigint, granted bigint,
               missing bigint, coverage numeric, migrants bigint, in_town bigint)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    WITH tal AS (
        SELECT t.township_id AS tid, sum(t.entitled) AS entitled, sum(t.granted) AS granted
          FROM eduaid.subsidy_tally t
         WHERE t.school_year = p_year
           AND (p_township IS NULL OR t.township_id = p_township)
         GROUP BY 1),
    -- the migrant children's year rows of p_year in counted records
    yr AS (
        SELECT sy.township_id AS tid, sy.household_year_id, sy.student_id, sy.stage,
               sy.boarding, sy.schooling_status, sy.left_school,
               coalesce(sc.urban_rural = 'town', false) AS town
          FROM eduaid.student st
          JOIN eduaid.student_year sy
            ON sy.township_id = ANY ((SELECT eduaid.my_townships())::int[])
           AND sy.student_id = st.id AND sy.household_id = st.household_id
           AND sy.school_year = p_year
          JOIN eduaid.household_year hy
            ON hy.township_id = sy.township_id AND hy.id = sy.household_year_id
          LEFT JOIN eduaid.school sc ON sc.id = sy.school_id
         WHERE st.migrant
           AND hy.status IN ('approved', 'in_notice', 'final')
           AND (p_township IS NULL OR sy.township_id = p_township)),
    kids AS (
        SELECT y.tid, count(*) AS migrants, count(*) FILTER (WHERE y.town) AS in_town
          FROM yr y GROUP BY 1),
    ent AS (
        SELECT y.tid, count(*) AS entitled, count(g.id) AS granted
          FROM yr y
         CROSS JOIN LATERAL unnest(eduaid.entitled_programs(y.stage, y.boarding,
                                   y.schooling_status, y.left_school)) AS p (program)
          LEFT JOIN eduaid.student_subsidy g
            ON g.township_id = y.tid AND g.household_year_id = y.household_year_id
           AND g.student_id = y.student_id AND g.program = p.program
         GROUP BY 1),
    grid AS (
        SELECT t.id, t.name, i.item, i.ord,
               CASE i.item WHEN 'migrant' THEN coalesce(e.entitled, 0)
                    ELSE coalesce(a.entitled, 0) - coalesce(e.entitled, 0) END AS entitled,
               CASE i.item WHEN 'migrant' THEN coalesce(e.granted, 0)
                    ELSE coalesce(a.granted, 0) - coalesce(e.granted, 0) END AS granted,
               CASE i.item WHEN 'migrant' THEN coalesce(k.migrants, 0) END AS migrants,
               CASE i.item WHEN 'migrant' THEN coalesce(k.in_town, 0) END AS in_town
          FROM eduaid.report_townships(p_township) AS t
         CROSS JOIN (VALUES ('migrant', 1), ('local', 2)) AS i (item, ord)
          LEFT JOIN tal a ON a.tid = t.id
          LEFT JOIN ent e ON e.tid = t.id
          LEFT JOIN kids k ON k.tid = t.id)
    SELECT g.id, g.name, g.item, sum(g.entitled)::bigint, sum(g.granted)::bigint,
           sum(g.entitled - g.granted)::bigint,
           eduaid.report_pct(sum(g.granted), sum(g.entitled)),
           sum(g.migrants)::bigint, sum(g.in_town)::bigint
      FROM grid g
     GROUP BY GROUPING SETS ((g.id, g.name, g.item, g.ord), (g.id, g.name), (g.item, g.ord), ())
    HAVING count(*) > 0
     ORDER BY g.id NULLS LAST, g.ord NULLS FIRST;
END;

------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION eduaid.report_canteen(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, pilot_schools bigint,
               with_canteen bigint, without_canteen bigint, supply_rate numeric,
               meal_coverage numeric)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    WITH s AS (
        SELECT t.id AS tid, t.name AS tname, sc.id AS sid, sc.name AS sname,
               sc.canteen AND coalesce(sc.canteen_since <= p_year, true) AS serves
          FROM eduaid.report_townships(p_township) AS t
          JOIN eduaid.school sc ON sc.township_id = t.id AND sc.nutrition_pilot AND sc.active),
    n AS (
        SELECT r.township_id AS tid, r.coverage
          FROM eduaid.report_nutrition(p_year, p_township) AS r
         WHERE r.item IS NULL),
    rows_ AS (
        -- each township, then its pilot schools without a canteen
        SELECT t.id AS tid, t.name AS tname, NULL::text AS item, 0 AS ord, NULL::text AS skey,
               count(s.sid) AS pilot, count(s.sid) FILTER (WHERE s.serves) AS serving
          FROM eduaid.report_townships(p_township) AS t
          LEFT JOIN s ON s.tid = t.id
         GROUP BY t.id, t.name
        UNION ALL
        SELECT s.tid, s.tname, s.sname, 1, s.sname || '#' || s.sid, 1, 0
          FROM s WHERE NOT s.serves
        -- the total, then every pilot school without a canteen
        UNION ALL
        SELECT NULL, NULL, NULL, 2, NULL, count(s.sid), count(s.sid) FILTER (WHERE s.serves)
          FROM s
        HAVING EXISTS (SELECT FROM eduaid.report_townships(p_township))
        UNION ALL
        SELECT NULL, NULL, s.sname || '（' || s.tname || '）', 3,
               lpad(s.tid::text, 12, '0') || s.sname || '#' || s.sid, 1, 0
          FROM s WHERE NOT s.serves)
    SELECT r.tid, r.tname, r.item, r.pilot::bigint, r.serving::bigint,
           (r.pilot - r.serving)::bigint, eduaid.report_pct(r.serving, r.pilot),
           CASE WHEN r.item IS NULL THEN n.coverage END
      FROM rows_ r
      LEFT JOIN n ON n.tid IS NOT DISTINCT FROM r.tid
     ORDER BY r.tid NULLS LAST, r.ord, r.skey;
END;

REVOKE ALL ON FUNCTION eduaid.report_subsidy_migrant(int, int),
    eduaid.report_canteen(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.report_subsidy_migrant(int, int),
    eduaid.report_canteen(int, int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
