-- sql/data/demo_years.sql: the two school years before the demo's current
-- one (2024 and 2025; the demo's records of 2026 come from
-- demo_records.sql), so that a household's record, its children and their
-- aid can be followed year by year (issue 11). Included by demo.sql after
-- demo_workflow.sql.
--
-- Each household of the demo gets a record of 2025 and of 2024, approved
-- (entered, checked and approved back then: the clerk, officer and a
-- supervisor of the township are named with dates of that October), in
-- the household's poverty status (2024: not yet lifted). Each child's row
-- of a past year is worked back from 2026: one grade lower each year, the
-- stage that grade belongs to (7-9 junior high, 10-12 senior high or
-- vocational as in 2026), preschool below grade 1 from the age of three,
-- none before. A child at college in 2026 finished senior high 12 in 2025;
-- one out of school in 2026 (18 or older) left after senior high 12 in
-- 2025 (his row of 2026 says so: left_school, as the rollover marks a
-- leaver). Aid of those years: what the stage entitled them to,
-- at that year's standard amount, for about 96 in 100 entitlements -- the
-- rest is aid missed, which the reports of those years show.
--
-- Written by the superuser (a trusted writer: the workflow's stamps are
-- set, not stepped through); every row is in the audit trail as inserted.

-- The grade of 2026 on the 1..12 scale.
CREATE FUNCTION eduaid_demo.grade12(stage text, grade int) RETURNS int
LANGUAGE sql IMMUTABLE
RETURN CASE stage
    WHEN 'primary' THEN grade
    WHEN 'junior' THEN CASE WHEN grade <= 3 THEN grade + 6 ELSE grade END
    WHEN 'senior_high' THEN CASE WHEN grade <= 3 THEN grade + 9 ELSE grade END
    WHEN 'secondary_vocational' THEN CASE WHEN grade <= 3 THEN grade + 9 ELSE grade END
END;

DO $$
DECLARE
    s      record;
    y      int;
    kg     int;  pri int;  jun int;
    county record;
BEGIN
    SELECT (SELECT id FROM eduaid.school WHERE name = '房县第一中学') AS sh1,
           (SELECT id FROM eduaid.school WHERE name = '房县职业技术学校') AS voc
      INTO county;
    FOR s IN SELECT * FROM eduaid_demo.staff ORDER BY township_id LOOP
        SELECT min(id) FILTER (WHERE kind = 'kindergarten'), min(id) FILTER (WHERE kind = 'primary'),
               min(id) FILTER (WHERE kind = 'junior')
          INTO kg, pri, jun FROM eduaid.school WHERE township_id = s.township_id;
        FOREACH y IN ARRAY ARRAY[2025, 2024] LOOP
            INSERT INTO eduaid.household_year
                   (township_id, household_id, school_year, poverty_status, status, editors,
                    created_by, created_at, submitted_by, submitted_at, verified_by, verified_at,
                    approved_by, approved_at)
            SELECT h.township_id, h.household_id, y,
                   CASE WHEN y = 2024 AND h.poverty_status = 'lifted' THEN 'poor'
                        ELSE h.poverty_status END,  -- h: the record of 2026
                   'approved', ARRAY[s.clerk], s.clerk, make_timestamptz(y, 10, 8, 9, 0, 0),
                   s.clerk, make_timestamptz(y, 10, 9, 9, 0, 0),
                   s.officer, make_timestamptz(y, 10, 12, 10, 0, 0),
                   'demo_supervisor', make_timestamptz(y, 10, 20, 15, 0, 0)
              FROM eduaid.household_year h
             WHERE h.township_id = s.township_id AND h.school_year = 2026
             ORDER BY h.household_id;

            INSERT INTO eduaid.student_year
                   (township_id, household_year_id, student_id, stage, school_id, grade,
                    boarding, schooling_status, nutrition_meal, left_school,
                    created_by, created_at)
            SELECT p.township_id, p.yid, p.student_id, p.stage,
                   CASE p.stage WHEN 'preschool' THEN kg WHEN 'primary' THEN pri
                                WHEN 'junior' THEN jun
                                WHEN 'senior_high' THEN coalesce(p.school26, county.sh1)
                                WHEN 'secondary_vocational' THEN county.voc END,
                   p.grade, p.boarding AND p.stage <> 'preschool', 'enrolled',
                   p.stage IN ('primary', 'junior'), false,
                   s.clerk, make_timestamptz(y, 10, 8, 9, 0, 0)
              FROM (SELECT sy.township_id, hy.id AS yid, sy.student_id, sy.boarding,
                           CASE WHEN sy.stage IN ('senior_high', 'secondary_vocational')
                                THEN sy.school_id END AS school26,
                           g.stage, CASE WHEN g.stage IN ('preschool', 'none') THEN NULL
                                         ELSE g.grade END AS grade
                      FROM eduaid.student_year sy
                      JOIN eduaid.student st ON st.township_id = sy.township_id
                                            AND st.id = sy.student_id
                      JOIN eduaid.household_year hy
                        ON hy.township_id = sy.township_id AND hy.household_id = sy.household_id
                       AND hy.school_year = y
                     CROSS JOIN LATERAL (
                           SELECT CASE WHEN sy.stage IN ('college', 'none')
                                       THEN 12 - (2025 - y)
                                       ELSE eduaid_demo.grade12(sy.stage, sy.grade) - (2026 - y)
                                  END AS grade) AS g0
                     CROSS JOIN LATERAL (
                           SELECT g0.grade,
                                  CASE WHEN sy.stage = 'preschool' OR g0.grade IS NULL OR g0.grade < 1
                                       THEN CASE WHEN extract(year FROM age(make_date(y, 9, 1), st.birth_date)) >= 3
                                                 THEN 'preschool' ELSE 'none' END
                                       WHEN g0.grade <= 6 THEN 'primary'
                                       WHEN g0.grade <= 9 THEN 'junior'
                                       WHEN sy.stage = 'secondary_vocational' THEN 'secondary_vocational'
                                       ELSE 'senior_high' END AS stage) AS g
                     WHERE sy.township_id = s.township_id AND sy.school_year = 2026) AS p
             WHERE p.stage <> 'none'
             ORDER BY p.student_id;

            INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id,
                   program, amount, granted_on, created_by, created_at)
            SELECT sy.township_id, sy.household_year_id, sy.student_id, p,
                   eduaid_demo.amount(p, y, sy.stage, sy.boarding),
                   make_date(y, 9, 15) + eduaid_demo.pick(sy.student_id || p || y, 40),
                   s.clerk, make_timestamptz(y, 10, 8, 9, 0, 0)
              FROM eduaid.student_year sy
             CROSS JOIN LATERAL unnest(eduaid.entitled_programs(sy.stage, sy.boarding,
                                                                sy.schooling_status,
                                                                sy.left_school)) AS p
             WHERE sy.township_id = s.township_id AND sy.school_year = y
               AND eduaid_demo.pick(sy.student_id || p || y, 100) < 96
             ORDER BY sy.student_id, p;
        END LOOP;
    END LOOP;
END
$$;

-- The past years' records were written approved, their rows after them:
-- count them again (the tallies follow status changes, which these rows
-- did not make).
SELECT eduaid.report_tally_rebuild();
