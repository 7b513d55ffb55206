-- tests/db/34_entitlement.sql: one entitlement rule for the reports and the
-- clerk's working list (issue 11; eduaid.entitled_programs,
-- repeatable/01_shared_rules.sql). A child is entitled in school year Y to
-- the programs of that year's stage (and boarding) while in school that
-- year: enrolled and not left_school.
--
--   * the rule itself, on a table of cases (the vectors of the C twin are
--     26_rule_vectors.sql's);
--   * cases worked out by hand, through the workflow in 城关镇 (demo_clerk,
--     demo_officer, demo_supervisor): a child who left school in 2026
--     without grants is missing in neither the report nor the working
--     list; a boarding child enrolled without the boarding subsidy is
--     missing in both; the report's tally follows a change of schooling
--     status and of left_school (made the only way a counted record
--     changes: reopened, corrected, approved again), and equals a count
--     from scratch after it;
--   * a generated set (three townships of their own, two school years,
--     records in every state, children in every stage and schooling
--     status, leavers, grants to children entitled and not): for every
--     township and year the report's missing count, per program and in
--     all, is the number of lines of the working list (aid_missing) over
--     the counted records, and the number of lines of the report's own
--     missing list -- the two can never disagree again.
--
-- Cost: about a second (some 150 year rows generated).
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(19);

-- ==== the rule ==============================================================
SELECT is_empty(
    $$SELECT * FROM (VALUES
        ('junior', true, 'enrolled', false, '{compulsory_waiver,boarding_subsidy}'::text[]),
        ('junior', true, 'enrolled', NULL, '{compulsory_waiver,boarding_subsidy}'),
        ('junior', true, 'enrolled', true, '{}'),
        ('junior', true, 'dropped_out', false, '{}'),
        ('junior', true, 'suspended', false, '{}'),
        ('junior', true, 'not_enrolled', false, '{}'),
        ('junior', true, NULL, false, '{}'),
        ('college', false, 'enrolled', false, '{college_freshman_aid,student_loan}'),
        ('college', false, 'enrolled', true, '{}'),
        ('none', false, 'enrolled', false, '{}'))
        AS c (stage, boarding, status, left_school, want)
       WHERE eduaid.entitled_programs(stage, boarding, status, left_school) IS DISTINCT FROM want$$,
    'entitled_programs: the stage''s programs while enrolled and not left, none otherwise');
SELECT is_empty(
    $$SELECT FROM eduaid.choice_stage c CROSS JOIN (VALUES (true), (false)) AS b (boarding)
       WHERE eduaid.entitled_programs(c.value, b.boarding, 'enrolled', false)
             IS DISTINCT FROM eduaid.stage_programs(c.value, b.boarding)$$,
    '... in school, exactly stage_programs, for every stage, boarding or not');
SELECT ok(to_regprocedure('eduaid.aid_offered(text, boolean, text, boolean)') IS NULL,
    'the working list''s rule of its own (aid_offered) is gone');

-- A report's figures (item=entitled/granted/missing ...) plus the given
-- differences per item (jsonb: item -> [entitled, granted, missing]),
-- keeping only those items.
CREATE FUNCTION public.fx_ent_plus(before text, d jsonb) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN (SELECT string_agg(i || '=' || (split_part(f, '/', 1)::int + (d -> i ->> 0)::int) || '/'
                              || (split_part(f, '/', 2)::int + (d -> i ->> 1)::int) || '/'
                              || (split_part(f, '/', 3)::int + (d -> i ->> 2)::int),
                          ' ' ORDER BY k)
          FROM unnest(string_to_array(before, ' ')) WITH ORDINALITY AS u (x, k),
               LATERAL (SELECT split_part(x, '=', 1) AS i, split_part(x, '=', 2) AS f) AS p
         WHERE d ? i);

-- ==== by hand, through the workflow =========================================
-- 2026 in 城关镇 (420325100). TEST-ENT-A: L primary, left school during
-- the year, no grant; B junior, boarding, enrolled, the compulsory waiver
-- granted but not the boarding subsidy.
CREATE FUNCTION public.fx_ent_report(tw int) RETURNS text LANGUAGE sql STABLE
RETURN (SELECT string_agg(coalesce(item, 'all') || '=' || entitled || '/' || granted || '/'
                          || missing, ' ' ORDER BY item NULLS FIRST)
          FROM eduaid.report_subsidy(2026, tw)
         WHERE township_id = tw AND (item IS NULL OR item IN ('compulsory_waiver', 'boarding_subsidy')));
SET SESSION AUTHORIZATION demo_supervisor;
SELECT public.fx_ent_report(420325100) AS before \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('ent_a', 420325100), fx_student('ent_l', 'ent_a', '2015-03-01'),
       fx_student('ent_b', 'ent_a', '2012-03-01') \g /dev/null
SELECT fx_year('ent_y', 'ent_a') \g /dev/null
UPDATE eduaid.student_year SET stage = 'primary', grade = 5, left_school = true
 WHERE household_year_id = fx('ent_y') AND student_id = fx('ent_l');
UPDATE eduaid.student_year
   SET stage = 'junior', grade = 8, boarding = true, schooling_status = 'enrolled'
 WHERE household_year_id = fx('ent_y') AND student_id = fx('ent_b');
SELECT outcome FROM eduaid.grant_standard(ARRAY[fx('ent_y')], ARRAY[fx('ent_b')],
                                          ARRAY['compulsory_waiver']) \g /dev/null
SELECT results_eq(
    $$SELECT student_id, program FROM eduaid.aid_missing(2026, 420325100)
       WHERE household_year_id = fx('ent_y')$$,
    $$VALUES (fx('ent_b'), 'boarding_subsidy')$$,
    'the working list (a draft): the boarder''s boarding subsidy; nothing of the leaver');
SELECT eduaid.submit('household_year', fx('ent_y')) \g /dev/null
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household_year', fx('ent_y')) \g /dev/null
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household_year', fx('ent_y')) \g /dev/null
-- (the before figures plus B: compulsory waiver 1 entitled, 1 granted;
-- boarding 1 entitled, 0 granted, 1 missing; L nothing)
SELECT is(public.fx_ent_report(420325100),
    public.fx_ent_plus(:'before', '{"all": [2, 1, 1], "boarding_subsidy": [1, 0, 1],
                                    "compulsory_waiver": [1, 1, 0]}'),
    'approved: the report counts the boarder''s two entitlements, one granted, one missing, and nothing of the leaver');
SELECT results_eq(
    $$SELECT student_id, program FROM eduaid.report_subsidy_missing(2026, 420325100)
       WHERE household_year_id = fx('ent_y')$$,
    $$VALUES (fx('ent_b'), 'boarding_subsidy')$$,
    'the report''s missing list: the boarder''s boarding subsidy, not the leaver');
SELECT results_eq(
    $$SELECT student_id, program, status FROM eduaid.aid_missing(2026, 420325100)
       WHERE household_year_id = fx('ent_y')$$,
    $$VALUES (fx('ent_b'), 'boarding_subsidy', 'approved')$$,
    '... and the working list the same line');

-- The year's facts change the only way a counted record's do: reopened,
-- corrected, approved again. B is suspended after all; L never left.
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok(
    $$UPDATE eduaid.student_year SET schooling_status = 'suspended'
       WHERE household_year_id = fx('ent_y') AND student_id = fx('ent_b')$$,
    'EA006', NULL, 'an approved record''s year rows are read-only (the tally can trust them)');
SELECT eduaid.reopen('household_year', fx('ent_y'), '更正就学状态') \g /dev/null
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(public.fx_ent_report(420325100), :'before',
    'reopened: the record''s share left the report');
SET SESSION AUTHORIZATION demo_clerk;
UPDATE eduaid.student_year SET schooling_status = 'suspended'
 WHERE household_year_id = fx('ent_y') AND student_id = fx('ent_b');
UPDATE eduaid.student_year SET left_school = false
 WHERE household_year_id = fx('ent_y') AND student_id = fx('ent_l');
SELECT results_eq(
    $$SELECT student_id, program FROM eduaid.aid_missing(2026, 420325100)
       WHERE household_year_id = fx('ent_y')$$,
    $$VALUES (fx('ent_l'), 'compulsory_waiver')$$,
    'corrected (a draft again): the working list offers the child in school, not the suspended one');
SELECT eduaid.submit('household_year', fx('ent_y')) \g /dev/null
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household_year', fx('ent_y')) \g /dev/null
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household_year', fx('ent_y')) \g /dev/null
-- (now L: compulsory waiver 1 entitled, 0 granted, 1 missing; B's grant
-- of the waiver is no entitlement granted)
SELECT is(public.fx_ent_report(420325100),
    public.fx_ent_plus(:'before', '{"all": [1, 0, 1], "boarding_subsidy": [0, 0, 0],
                                    "compulsory_waiver": [1, 0, 1]}'),
    'approved again: the tally counts the corrected facts (the suspended boarder nothing, the child back in school his waiver, missing)');
SELECT results_eq(
    $$SELECT student_id, program FROM eduaid.report_subsidy_missing(2026, 420325100)
       WHERE household_year_id = fx('ent_y')
      UNION ALL
      SELECT student_id, program FROM eduaid.aid_missing(2026, 420325100)
       WHERE household_year_id = fx('ent_y')$$,
    $$VALUES (fx('ent_l'), 'compulsory_waiver'), (fx('ent_l'), 'compulsory_waiver')$$,
    '... and both lists name that one line');
RESET SESSION AUTHORIZATION;
CREATE TEMP TABLE ent_kept AS SELECT * FROM eduaid.subsidy_tally WHERE entitled > 0;
SELECT eduaid.report_tally_rebuild() \g /dev/null
SELECT set_eq($$SELECT * FROM ent_kept$$,
              $$SELECT * FROM eduaid.subsidy_tally WHERE entitled > 0$$,
              'the tally the trigger kept through the correction equals a count from scratch');

-- ==== a generated set =======================================================
-- Three townships of their own (420325291-3), eight households each, three
-- children per household; records of 2025 and 2026 in every state; each
-- child's year row of a stage, boarding, schooling status and left_school
-- taken from its number, and a grant of each program of its stage (the
-- entitled's and the not entitled's alike) for every other one.
SET session_replication_role = replica;
INSERT INTO eduaid.township (id, county_id, name)
SELECT 420325290 + k, 420325, '生成乡' || k FROM generate_series(1, 3) AS k;
INSERT INTO eduaid.village (id, township_id, name)
SELECT (420325290 + k)::bigint * 1000 + 1, 420325290 + k, '生成村' || k FROM generate_series(1, 3) AS k;
INSERT INTO eduaid.school (id, township_id, name, kind)
OVERRIDING SYSTEM VALUE
SELECT 9910 + k, 420325290 + k, '生成学校' || k, 'primary' FROM generate_series(1, 3) AS k;
SELECT fx_household('gen_' || t || '_' || h, 420325290 + t)
  FROM generate_series(1, 3) AS t, generate_series(1, 8) AS h \g /dev/null
SELECT fx_student('gen_' || t || '_' || h || '_' || c, 'gen_' || t || '_' || h,
                  date '2005-01-01' + (t * 100 + h * 10 + c) * 7)
  FROM generate_series(1, 3) AS t, generate_series(1, 8) AS h, generate_series(1, 3) AS c
  \g /dev/null
INSERT INTO eduaid.household_year (township_id, status, household_id, school_year)
SELECT 420325290 + t,
       (ARRAY['draft', 'submitted', 'verified', 'approved', 'in_notice', 'final', 'approved',
              'rejected'])[1 + (h + y) % 8],
       fx('gen_' || t || '_' || h), y
  FROM generate_series(1, 3) AS t, generate_series(1, 8) AS h, generate_series(2025, 2026) AS y;
INSERT INTO eduaid.student_year (township_id, household_year_id, household_id, school_year,
                                 student_id, stage, school_id, boarding, schooling_status,
                                 left_school)
SELECT hy.township_id, hy.id, hy.household_id, hy.school_year, st.id, g.stage,
       CASE WHEN g.stage <> 'none' THEN 9910 + t END,
       g.stage <> 'none' AND n % 2 = 0,
       (ARRAY['enrolled', 'enrolled', 'dropped_out', 'enrolled', 'suspended', 'not_enrolled',
              'enrolled'])[1 + n % 7],
       n % 5 = 2
  FROM generate_series(1, 3) AS t CROSS JOIN generate_series(1, 8) AS h
 CROSS JOIN generate_series(1, 3) AS c CROSS JOIN generate_series(2025, 2026) AS y
 CROSS JOIN LATERAL (SELECT t * 97 + h * 31 + c * 7 + y * 3 AS n) AS nn
  JOIN eduaid.household_year hy ON hy.household_id = fx('gen_' || t || '_' || h)
   AND hy.school_year = y
  JOIN eduaid.student st ON st.id = fx('gen_' || t || '_' || h || '_' || c)
 CROSS JOIN LATERAL (SELECT (ARRAY['preschool', 'primary', 'junior', 'senior_high',
                                   'secondary_vocational', 'college', 'none'])[1 + (n / 3) % 7]
                            AS stage) AS g;
INSERT INTO eduaid.student_subsidy (township_id, household_year_id, household_id, student_id,
                                    school_year, program, amount)
SELECT sy.township_id, sy.household_year_id, sy.household_id, sy.student_id, sy.school_year,
       p.program, 500
  FROM eduaid.student_year sy
 CROSS JOIN LATERAL unnest(eduaid.stage_programs(sy.stage, sy.boarding)) WITH ORDINALITY AS p (program, k)
 WHERE sy.township_id BETWEEN 420325291 AND 420325293
   AND (sy.student_id + k) % 2 = 0;
SET session_replication_role = origin;
SELECT eduaid.report_tally_rebuild() \g /dev/null

-- The set is one the old rules told apart: counted records with children
-- out of school or left, some of them granted, and entitlements missed.
SELECT ok((SELECT count(*) FILTER (WHERE sy.left_school) > 0
              AND count(*) FILTER (WHERE sy.schooling_status <> 'enrolled' AND sy.stage <> 'none') > 0
              AND count(*) FILTER (WHERE cardinality(eduaid.stage_programs(sy.stage, sy.boarding))
                                         > cardinality(eduaid.entitled_programs(sy.stage,
                                               sy.boarding, sy.schooling_status, sy.left_school))
                                     AND EXISTS (SELECT FROM eduaid.student_subsidy s
                                                  WHERE s.household_year_id = sy.household_year_id
                                                    AND s.student_id = sy.student_id)) > 0
             FROM eduaid.student_year sy
             JOIN eduaid.household_year hy ON hy.id = sy.household_year_id
            WHERE sy.township_id BETWEEN 420325291 AND 420325293
              AND hy.status IN ('approved', 'in_notice', 'final')),
    'the generated set holds counted leavers and children out of school, some of them granted');

-- (per township, year and program -- NULL: all -- the report's missing
-- count, the working list's lines over counted records and the report's
-- own list's lines; run as the caller)
CREATE FUNCTION public.fx_ent_compare()
RETURNS TABLE (tw int, yr int, item text, missing bigint, working bigint, listed bigint)
LANGUAGE sql STABLE AS $$
SELECT t.tw, y.yr, r.item, r.missing,
       (SELECT count(*) FROM eduaid.aid_missing(y.yr, t.tw) m
         WHERE m.status IN ('approved', 'in_notice', 'final')
           AND (r.item IS NULL OR m.program = r.item)) AS working,
       (SELECT count(*) FROM eduaid.report_subsidy_missing(y.yr, t.tw) m
         WHERE r.item IS NULL OR m.program = r.item) AS listed
  FROM generate_series(420325291, 420325293) AS t (tw)
 CROSS JOIN generate_series(2025, 2026) AS y (yr)
 CROSS JOIN LATERAL eduaid.report_subsidy(y.yr, t.tw) AS r
 WHERE r.township_id = t.tw
$$;
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT count(*) FROM public.fx_ent_compare() WHERE item IS NULL), 6::bigint,
          'every township and year of the set has its report');
SELECT cmp_ok((SELECT min(missing) FROM public.fx_ent_compare() WHERE item IS NULL), '>', 0::bigint,
              'each of them misses something');
SELECT is_empty($$SELECT * FROM public.fx_ent_compare() WHERE missing <> working OR missing <> listed$$,
    'for every township, year and program of the set the report''s missing count is the length of the working list (counted records) and of the report''s own list');
SELECT is((SELECT count(*) FROM eduaid.aid_missing(2026) m
            WHERE m.status IN ('approved', 'in_notice', 'final')),
          (SELECT missing FROM eduaid.report_subsidy(2026) WHERE township_id IS NULL AND item IS NULL),
          'the county, as the supervisor: the working list over counted records is as long as the report''s missing total');
-- (the set's entitlement count from scratch, the rule applied by hand)
SELECT is((SELECT sum(entitled) FROM eduaid.report_subsidy(2026)
            WHERE township_id BETWEEN 420325291 AND 420325293 AND item IS NULL)::bigint,
          (SELECT count(*) FROM eduaid.student_year sy
             JOIN eduaid.household_year hy ON hy.id = sy.household_year_id
            CROSS JOIN LATERAL unnest(eduaid.stage_programs(sy.stage, sy.boarding)) AS p
            WHERE sy.township_id BETWEEN 420325291 AND 420325293 AND sy.school_year = 2026
              AND hy.status IN ('approved', 'in_notice', 'final')
              AND sy.schooling_status = 'enrolled' AND NOT sy.left_school),
          'the set''s entitlements of 2026: the stage''s programs of the enrolled who did not leave');

SELECT * FROM finish();
ROLLBACK;
