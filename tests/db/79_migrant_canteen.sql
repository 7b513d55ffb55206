-- tests/db/79_migrant_canteen.sql: 随迁子女 and the canteens of the
-- nutrition meal plan (issue 17 H3; sql/060_migrant_canteen.sql,
-- sql/repeatable/36_m_canteen.sql).
--   * The year of arrival, as demo_clerk writes members: required exactly
--     when migrant, 1990 on, not before the birth year, not after this
--     year (the guard), each refused by its constraint's name.
--   * The canteen: demo_admin sets it (and its first year) on a school;
--     clerk, officer, supervisor and auditor cannot (42501).
--   * report_canteen on the demo (sql/data/demo_canteen.sql): demo_officer
--     sees 城关镇 and its total only, demo_clerk his two townships,
--     demo_supervisor the county (45 pilot schools, 38 serving in 2026,
--     39 in 2027), figures worked out by hand from the demo's schools.
--   * report_subsidy_migrant on the demo: the two items add up to
--     report_subsidy per township; the officer's 城关镇 rows are the
--     supervisor's; another township's id gives the officer nothing.
--   * Both reports on a fixture township of their own (测试镇, 420325298,
--     made with triggers off as tests/db/14_reports.sql does), every
--     figure a literal worked out by hand (below).
-- Cost: about a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(32);

-- The constraint or SQLSTATE a statement (as the current user) is
-- refused with, or 'taken'.
CREATE FUNCTION public.mc_refused(stmt text) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    c text;
    st text;
BEGIN
    EXECUTE stmt;
    RETURN 'taken';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS c = CONSTRAINT_NAME, st = RETURNED_SQLSTATE;
    RETURN coalesce(nullif(c, ''), st);
END
$$;
-- A member of household fx(hh) born on born, migrant or not, with a
-- year of arrival (NULL: none), as the current user.
CREATE FUNCTION public.mc_member(hh text, migrant boolean, arrival int,
                                 born date DEFAULT '2016-03-01') RETURNS text
LANGUAGE sql VOLATILE
RETURN public.mc_refused(format(
    $q$INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date,
                                  migrant, arrival_year)
       SELECT h.township_id, h.id, '随迁测试', %L, 'F', %L, %L, %L
         FROM eduaid.household h WHERE h.id = %s$q$,
    public.fx_new_idno(born, 'F'), born, migrant, arrival, public.fx(hh)));

-- ==== the year of arrival, as demo_clerk ===================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT public.fx_household('mc_hh', 420325100) \g /dev/null
SELECT is(public.mc_member('mc_hh', true, NULL), 'student_arrival_year_migrant_check',
          'a migrant child needs his year of arrival');
SELECT is(public.mc_member('mc_hh', false, 2022), 'student_arrival_year_migrant_check',
          'a member who is not a migrant child has none');
SELECT is(public.mc_member('mc_hh', true, 2015), 'student_arrival_year_birth_check',
          'the year of arrival is not before the year of birth');
SELECT is(public.mc_member('mc_hh', true, 1989, '1985-01-01'), 'student_arrival_year_check',
          'the year of arrival is 1990 or later');
SELECT is(public.mc_member('mc_hh', true, extract(year FROM current_date)::int + 1),
          'student_arrival_year_check', 'the year of arrival is not in the future (the guard)');
SELECT is(public.mc_member('mc_hh', true, 2016), 'taken',
          'the year of birth itself is a year of arrival');
SELECT is(public.mc_member('mc_hh', false, NULL), 'taken', 'a local member has no year');
SELECT is(public.mc_refused($$UPDATE eduaid.student SET migrant = true
                               WHERE household_id = fx('mc_hh') AND NOT migrant$$),
          'student_arrival_year_migrant_check',
          'marking a member migrant asks for the year too');
SELECT is(public.mc_refused($$UPDATE eduaid.student SET arrival_year = 2021
                               WHERE household_id = fx('mc_hh') AND migrant$$),
          'taken', 'the clerk corrects the year of arrival');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*) FROM eduaid.message
            WHERE key IN ('student_arrival_year_check', 'student_arrival_year_birth_check',
                          'student_arrival_year_migrant_check', 'school_canteen_check',
                          'school_canteen_since_check')
              AND zh <> '' AND en <> ''), 5::bigint,
          'each refusal has its zh/en words');

-- ==== the canteen: the admin's, nobody else's ==============================
CREATE TEMP TABLE mc_try (stmt text);
GRANT SELECT ON mc_try TO PUBLIC;
INSERT INTO mc_try VALUES
    ($$UPDATE eduaid.school SET canteen = true WHERE name = '上龛乡中心小学'$$),
    ($$UPDATE eduaid.school SET canteen_since = 2020 WHERE name = '城关镇中心小学'$$);
SET SESSION AUTHORIZATION demo_clerk;
SELECT is_empty($$SELECT stmt FROM mc_try WHERE mc_refused(stmt) <> '42501'$$,
                'demo_clerk cannot set a canteen (42501)');
SET SESSION AUTHORIZATION demo_officer;
SELECT is_empty($$SELECT stmt FROM mc_try WHERE mc_refused(stmt) <> '42501'$$,
                'demo_officer cannot set a canteen (42501)');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is_empty($$SELECT stmt FROM mc_try WHERE mc_refused(stmt) <> '42501'$$,
                'demo_supervisor cannot set a canteen (42501)');
SET SESSION AUTHORIZATION demo_auditor;
SELECT is_empty($$SELECT stmt FROM mc_try WHERE mc_refused(stmt) <> '42501'$$,
                'demo_auditor cannot set a canteen (42501)');

-- ==== report_canteen on the demo ===========================================
-- Pilot schools: every township's 中心小学 and 初级中学, 城关镇第二小学 and
-- four teaching points (城关镇, 军店镇, 九道乡, 上龛乡): 20 * 2 + 1 + 4 = 45.
-- Without a canteen in 2026: the four teaching points, 上龛乡中心小学,
-- 中坝乡中心小学, 回龙乡初级中学 (from 2027): 7; serving 38, 84.4%.
SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq(
    $$SELECT township_id, item, pilot_schools, with_canteen, without_canteen, supply_rate
        FROM eduaid.report_canteen(2026)$$,
    $$VALUES (420325100, NULL::text, 4::bigint, 3::bigint, 1::bigint, 75.0),
             (420325100, '城关镇温泉村教学点', 1, 0, 1, 0.0),
             (NULL, NULL, 4, 3, 1, 75.0),
             (NULL, '城关镇温泉村教学点（城关镇）', 1, 0, 1, 0.0)$$,
    'demo_officer: 城关镇 alone, 3 of 4 pilot schools serve the meal, the teaching point not');
SELECT is((SELECT meal_coverage FROM eduaid.report_canteen(2026) WHERE township_id IS NULL
            AND item IS NULL),
          (SELECT coverage FROM eduaid.report_nutrition(2026) WHERE township_id IS NULL),
          'beside it, the nutrition coverage of the same townships');
SELECT is_empty($$SELECT * FROM eduaid.report_canteen(2026, 420325101)$$,
                'another township''s id gives the officer nothing');
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT township_id, pilot_schools, with_canteen, supply_rate
        FROM eduaid.report_canteen(2026) WHERE item IS NULL$$,
    $$VALUES (420325100, 4::bigint, 3::bigint, 75.0), (420325101, 3, 2, 66.7),
             (NULL, 7, 5, 71.4)$$,
    'demo_clerk: his two townships and their total');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq(
    $$SELECT pilot_schools, with_canteen, without_canteen, supply_rate
        FROM eduaid.report_canteen(2026) WHERE township_id IS NULL AND item IS NULL$$,
    $$VALUES (45::bigint, 38::bigint, 7::bigint, 84.4)$$,
    'demo_supervisor: the county, 38 of 45 pilot schools serve the meal in 2026');
SELECT results_eq(
    $$SELECT with_canteen, supply_rate FROM eduaid.report_canteen(2027)
       WHERE township_id IS NULL AND item IS NULL$$,
    $$VALUES (39::bigint, 86.7)$$,
    '... and 39 in 2027, when 回龙乡初级中学''s canteen opens');
SELECT results_eq(
    $$SELECT township, pilot_schools, with_canteen, supply_rate FROM eduaid.report_canteen(2026)
       WHERE item IS NULL AND township IN ('上龛乡', '中坝乡')$$,
    $$VALUES ('上龛乡', 3::bigint, 1::bigint, 33.3), ('中坝乡', 2, 1, 50.0)$$,
    'the townships that miss the target, by hand');

-- ==== report_subsidy_migrant on the demo ===================================
SELECT is_empty(
    $$SELECT township_id FROM eduaid.report_subsidy_migrant(2026) m
       WHERE item IS NULL
         AND NOT EXISTS (SELECT FROM eduaid.report_subsidy(2026) s
                          WHERE s.township_id IS NOT DISTINCT FROM m.township_id
                            AND s.item IS NULL
                            AND (s.entitled, s.granted) = (m.entitled, m.granted))$$,
    'demo_supervisor: migrant and local children add up to the subsidy report, per township');
SELECT ok((SELECT sum(migrants) FROM eduaid.report_subsidy_migrant(2026)
            WHERE item = 'migrant' AND township_id IS NOT NULL) > 0,
          'the demo has migrant children with entitlements');
RESET SESSION AUTHORIZATION;
CREATE TEMP TABLE mc_sup AS SELECT * FROM eduaid.report_subsidy_migrant(2026) WITH NO DATA;
GRANT SELECT, INSERT ON mc_sup TO PUBLIC;
SET SESSION AUTHORIZATION demo_supervisor;
INSERT INTO mc_sup
    SELECT * FROM eduaid.report_subsidy_migrant(2026) WHERE township_id = 420325100;
SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq(
    $$SELECT * FROM eduaid.report_subsidy_migrant(2026) WHERE township_id IS NOT NULL$$,
    $$SELECT * FROM mc_sup$$,
    'demo_officer: 城关镇 only, the same rows as the supervisor''s');
SELECT is_empty($$SELECT * FROM eduaid.report_subsidy_migrant(2026, 420325101)$$,
                'another township''s id gives the officer nothing');
RESET SESSION AUTHORIZATION;

-- ==== the fixture: 测试镇 ===================================================
-- Schools: 9911 primary, pilot, county town, canteen since 2015; 9912
-- junior, pilot, rural, no canteen; 9914 primary, pilot, canteen from
-- 2027; 9913 kindergarten, not a pilot.
-- H1 (approved 2026): M1 migrant (2022), primary at 9911, meal, has the
--   waiver: entitled 1, granted 1; M2 migrant (2020), junior boarding at
--   9912, no meal, has the waiver only: entitled 2 (waiver, boarding),
--   granted 1.
-- H2 (approved 2026): L1 local, primary at 9911, meal, waiver: 1 of 1;
--   L2 local, junior boarding at 9912, meal, nothing: 0 of 2.
-- H3 (draft 2026): M3 migrant at 9911 with the waiver: counts nowhere.
-- Migrant: 2 children, 1 at a county-town school, 2 of 3 granted, 66.7;
-- local: 1 of 3, 33.3; the township: 3 of 6, 50.0.
-- Canteens 2026: 3 pilot schools, 1 serving (9911), 33.3; 2027: 2, 66.7.
-- Nutrition 2026: pilot students M1, M2, L1, L2 (4), with the meal 3: 75.0.
SET session_replication_role = replica;
INSERT INTO eduaid.township (id, county_id, name) VALUES (420325298, 420325, '测试镇');
INSERT INTO eduaid.village (id, township_id, name) VALUES (420325298001, 420325298, '测试村');
INSERT INTO eduaid.school (id, township_id, name, kind, nutrition_pilot, urban_rural, canteen,
                           canteen_since) OVERRIDING SYSTEM VALUE
VALUES (9911, 420325298, '测试镇小学', 'primary', true, 'town', true, 2015),
       (9912, 420325298, '测试镇初中', 'junior', true, 'rural', false, NULL),
       (9913, 420325298, '测试镇幼儿园', 'kindergarten', false, 'town', false, NULL),
       (9914, 420325298, '测试镇二小', 'primary', true, 'town', true, 2027);
INSERT INTO eduaid.household (id, township_id, status, household_no, village_id, head_name,
                              head_id_number, registered_year, family_size)
OVERRIDING SYSTEM VALUE
SELECT id, 420325298, 'draft', 'TEST-M' || id, 420325298001, '测试户主',
       public.fx_new_idno(date '1980-01-01' + (id % 1000)::int, 'M'), 2016, 4
  FROM unnest('{990201,990202,990203}'::bigint[]) AS id;
INSERT INTO eduaid.household_year (id, township_id, status, household_id, school_year)
OVERRIDING SYSTEM VALUE
VALUES (992601, 420325298, 'approved', 990201, 2026),
       (992602, 420325298, 'approved', 990202, 2026),
       (992603, 420325298, 'draft', 990203, 2026);
INSERT INTO eduaid.student (id, township_id, household_id, name, id_number, sex, birth_date,
                            migrant, arrival_year)
OVERRIDING SYSTEM VALUE
SELECT s.id, 420325298, s.hh, '学生' || s.id, public.fx_new_idno(s.born, 'F'), 'F', s.born,
       s.arrival IS NOT NULL, s.arrival
  FROM (VALUES (990211, 990201, date '2016-03-01', 2022),
               (990212, 990201, date '2013-05-01', 2020),
               (990213, 990202, date '2015-03-01', NULL),
               (990214, 990202, date '2012-09-01', NULL),
               (990215, 990203, date '2016-06-01', 2024)) AS s (id, hh, born, arrival);
INSERT INTO eduaid.student_year (township_id, household_year_id, household_id, school_year,
                                 student_id, stage, school_id, boarding, nutrition_meal)
SELECT 420325298, y.hy, y.hh, 2026, y.st, y.stage, y.school, y.boards, y.meal
  FROM (VALUES (992601, 990201, 990211, 'primary', 9911, false, true),
               (992601, 990201, 990212, 'junior', 9912, true, false),
               (992602, 990202, 990213, 'primary', 9911, false, true),
               (992602, 990202, 990214, 'junior', 9912, true, true),
               (992603, 990203, 990215, 'primary', 9911, false, true))
       AS y (hy, hh, st, stage, school, boards, meal);
INSERT INTO eduaid.student_subsidy (township_id, household_id, student_id, school_year, program,
                                    amount, household_year_id)
VALUES (420325298, 990201, 990211, 2026, 'compulsory_waiver', 500, 992601),
       (420325298, 990201, 990212, 2026, 'compulsory_waiver', 500, 992601),
       (420325298, 990202, 990213, 2026, 'compulsory_waiver', 500, 992602),
       (420325298, 990203, 990215, 2026, 'compulsory_waiver', 500, 992603);
SET session_replication_role = origin;
SELECT eduaid.report_tally_rebuild() \g /dev/null

SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq(
    $$SELECT township_id, item, entitled, granted, missing, coverage, migrants, in_town
        FROM eduaid.report_subsidy_migrant(2026, 420325298)$$,
    $$VALUES (420325298, NULL::text, 6::bigint, 3::bigint, 3::bigint, 50.0, 2::bigint, 1::bigint),
             (420325298, 'migrant', 3, 2, 1, 66.7, 2, 1),
             (420325298, 'local', 3, 1, 2, 33.3, NULL, NULL),
             (NULL, NULL, 6, 3, 3, 50.0, 2, 1),
             (NULL, 'migrant', 3, 2, 1, 66.7, 2, 1),
             (NULL, 'local', 3, 1, 2, 33.3, NULL, NULL)$$,
    '测试镇: migrant 2 of 3, local 1 of 3, the draft household''s child nowhere');
SELECT results_eq(
    $$SELECT township_id, pilot_schools, with_canteen, without_canteen, supply_rate, meal_coverage
        FROM eduaid.report_canteen(2026, 420325298) WHERE item IS NULL$$,
    $$VALUES (420325298, 3::bigint, 1::bigint, 2::bigint, 33.3, 75.0),
             (NULL, 3, 1, 2, 33.3, 75.0)$$,
    '测试镇 2026: 1 of 3 pilot schools serves the meal; 3 of 4 pilot students have it');
SELECT results_eq(
    $$SELECT item FROM eduaid.report_canteen(2026, 420325298)
       WHERE township_id IS NOT NULL AND item IS NOT NULL ORDER BY item COLLATE "C"$$,
    $$VALUES ('测试镇二小'), ('测试镇初中')$$,
    '... its items: the two pilot schools without a canteen that year');
SELECT results_eq(
    $$SELECT with_canteen, supply_rate FROM eduaid.report_canteen(2027, 420325298)
       WHERE township_id IS NOT NULL AND item IS NULL$$,
    $$VALUES (2::bigint, 66.7)$$,
    '测试镇 2027: the canteen opened in 2027 serves');
SET SESSION AUTHORIZATION demo_admin;
SELECT is(public.mc_refused($$UPDATE eduaid.school SET canteen = true, canteen_since = 2026
                               WHERE id = 9912$$), 'taken',
          'demo_admin records the junior school''s new canteen');
SELECT is(public.mc_refused($$UPDATE eduaid.school SET canteen_since = 2020 WHERE id = 9913$$),
          'school_canteen_check', '... a first year needs a canteen');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq(
    $$SELECT with_canteen, supply_rate FROM eduaid.report_canteen(2026, 420325298)
       WHERE township_id IS NOT NULL AND item IS NULL$$,
    $$VALUES (2::bigint, 66.7)$$,
    '... and the report counts it at once');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
