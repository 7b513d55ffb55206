-- tests/db/14_reports.sql: the reports of sql/014_reports.sql against
-- numbers worked out by hand, and their township scope; per school year
-- (issue 11): each report for year Y reads year Y's rows only.
--
-- The fixture is a township of its own, 测试乡 (420325299, no demo data),
-- made by the superuser inside this test's transaction with triggers off
-- (session_replication_role = replica) so that records can be given any
-- status directly. Its rows and what each report must make of them are
-- listed below, for two school years (2025 and 2026, each household's
-- children with other facts in each); every expectation is a literal,
-- computed by hand. The
-- scope tests run on the demo data: demo_officer (城关镇) sees 城关镇 and
-- the total only, demo_supervisor every township of the county.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(55);

-- ==== the subsidy tally ====================================================
-- What the trigger kept while the demo data went through the workflow is
-- what a count from scratch gives.
CREATE TEMP TABLE tally_kept AS SELECT * FROM eduaid.subsidy_tally;
CREATE TEMP TABLE members_kept AS SELECT * FROM eduaid.member_tally WHERE n > 0;
SELECT eduaid.report_tally_rebuild() \g /dev/null
SELECT set_eq($$SELECT * FROM tally_kept WHERE entitled > 0$$, $$SELECT * FROM eduaid.subsidy_tally$$,
              'the subsidy tally kept by the trigger equals a count from scratch');
SELECT set_eq($$SELECT * FROM members_kept$$, $$SELECT * FROM eduaid.member_tally$$,
              'the member tally kept by the trigger equals a count from scratch');

-- A household's records of two school years through the workflow in
-- 军店镇: approving 2026 adds its member's entitlement and grant to 2026
-- and leaves 2025 as it was approved; reopening 2026 takes them away again.
CREATE FUNCTION public.h4_year(key text, hh_key text, year int) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO eduaid.household_year (township_id, household_id, school_year)
    SELECT h.township_id, h.id, year FROM eduaid.household h WHERE h.id = public.fx(hh_key)
    RETURNING id INTO new_id;
    RETURN public.fx_set(key, new_id);
END
$$;
CREATE FUNCTION public.h4_member(hy_key text, st_key text, stage text, grade int)
RETURNS void LANGUAGE sql VOLATILE
BEGIN ATOMIC
    INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage,
                                     school_id, grade)
    SELECT hy.township_id, hy.id, public.fx(st_key), stage,
           (SELECT min(s.id) FROM eduaid.school s
             WHERE s.township_id = hy.township_id AND s.kind = 'primary'), grade
      FROM eduaid.household_year hy WHERE hy.id = public.fx(hy_key);
END;
CREATE FUNCTION public.h4_grant(hy_key text, st_key text, program text) RETURNS void
LANGUAGE sql VOLATILE
BEGIN ATOMIC
    INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id, program,
                                        amount)
    SELECT hy.township_id, hy.id, public.fx(st_key), program, 500
      FROM eduaid.household_year hy WHERE hy.id = public.fx(hy_key);
END;
-- (entitled/granted of compulsory_waiver in 军店镇, and its members)
CREATE FUNCTION public.h4_cw(year int) RETURNS text LANGUAGE sql STABLE
RETURN (SELECT entitled || '/' || granted || '/' ||
               (SELECT members FROM eduaid.report_schooling(year, 420325101)
                 WHERE township_id IS NOT NULL)
          FROM eduaid.report_subsidy(year, 420325101)
         WHERE township_id IS NOT NULL AND item = 'compulsory_waiver');

SET SESSION AUTHORIZATION demo_supervisor;
SELECT public.h4_cw(2025) AS y25, public.h4_cw(2026) AS y26 \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_w', 420325101), fx_student('st_w', 'hh_w') \g /dev/null
SELECT public.h4_year('hy_w25', 'hh_w', 2025), public.h4_year('hy_w26', 'hh_w', 2026) \g /dev/null
SELECT public.h4_member('hy_w25', 'st_w', 'primary', 2), public.h4_member('hy_w26', 'st_w', 'primary', 3),
       public.h4_grant('hy_w25', 'st_w', 'compulsory_waiver'),
       public.h4_grant('hy_w26', 'st_w', 'compulsory_waiver') \g /dev/null
SELECT eduaid.submit('household_year', fx('hy_w25')), eduaid.submit('household_year', fx('hy_w26')) \g /dev/null
SET SESSION AUTHORIZATION officer_101;
SELECT eduaid.verify('household_year', fx('hy_w25')), eduaid.verify('household_year', fx('hy_w26')) \g /dev/null
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(public.h4_cw(2026), :'y26', 'a verified record does not count yet');
SELECT eduaid.approve('household_year', fx('hy_w25')) \g /dev/null
SELECT is(public.h4_cw(2025),
          (split_part(:'y25', '/', 1)::int + 1) || '/' || (split_part(:'y25', '/', 2)::int + 1)
          || '/' || (split_part(:'y25', '/', 3)::int + 1),
          'approving 2025''s record adds its member''s entitlement, grant and member to 2025');
SELECT public.h4_cw(2025) AS y25a \gset
SELECT is(public.h4_cw(2026), :'y26', '... and nothing to 2026');
SELECT eduaid.approve('household_year', fx('hy_w26')) \g /dev/null
SELECT is(public.h4_cw(2026),
          (split_part(:'y26', '/', 1)::int + 1) || '/' || (split_part(:'y26', '/', 2)::int + 1)
          || '/' || (split_part(:'y26', '/', 3)::int + 1),
          'approving 2026''s record adds its member''s entitlement, grant and member to 2026');
SELECT is(public.h4_cw(2025), :'y25a', 'approving 2026 leaves 2025''s report unchanged');
SET SESSION AUTHORIZATION demo_clerk;
SELECT eduaid.reopen('household_year', fx('hy_w26'), '更正') \g /dev/null
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(public.h4_cw(2026), :'y26', 'reopening 2026''s record takes them away again');
SELECT is(public.h4_cw(2025), :'y25a', '... and leaves 2025 as approved');
RESET SESSION AUTHORIZATION;
-- The household's own record (the register entry) does not count: its
-- state changes no report.
SELECT is((SELECT status FROM eduaid.household WHERE id = fx('hh_w')), 'draft',
          'the register entry itself stayed a draft throughout');
CREATE TEMP TABLE tally_after AS SELECT * FROM eduaid.subsidy_tally;
SELECT eduaid.report_tally_rebuild() \g /dev/null
SELECT set_eq($$SELECT * FROM tally_after WHERE entitled > 0$$, $$SELECT * FROM eduaid.subsidy_tally$$,
              'the tally kept through approvals of two years equals a count from scratch');

-- ==== the fixture ==========================================================
SET session_replication_role = replica;
INSERT INTO eduaid.township (id, county_id, name) VALUES (420325299, 420325, '测试乡');
INSERT INTO eduaid.village (id, township_id, name) VALUES (420325299001, 420325299, '测试村');
INSERT INTO eduaid.school (id, township_id, name, kind, nutrition_pilot) OVERRIDING SYSTEM VALUE
VALUES (9901, 420325299, '测试小学', 'primary', true),      -- P: pilot
       (9902, 420325299, '测试初中', 'junior', false);      -- J: not a pilot

CREATE FUNCTION pg_temp.hh(id bigint, status text) RETURNS void LANGUAGE sql AS $$
INSERT INTO eduaid.household (id, township_id, status, household_no, village_id, head_name,
                              head_id_number, registered_year, family_size)
OVERRIDING SYSTEM VALUE
VALUES (id, 420325299, status, 'TEST-R' || id, 420325299001, '测试户主',
        public.fx_new_idno(date '1980-01-01' + (id % 1000)::int, 'M'), 2016, 4)
$$;
CREATE FUNCTION pg_temp.st(id bigint, hh bigint, birth date, disability text)
RETURNS void LANGUAGE sql AS $$
INSERT INTO eduaid.student (id, township_id, household_id, name, id_number, sex, birth_date,
                            disability_type)
OVERRIDING SYSTEM VALUE
SELECT id, 420325299, hh, '学生' || id, n, 'F', birth, disability
  FROM public.fx_new_idno(birth, 'F') AS n
$$;
-- A household's record of a school year (id: 99YYNN, NN its household's)
CREATE FUNCTION pg_temp.hy(hh bigint, year int, status text) RETURNS void LANGUAGE sql AS $$
INSERT INTO eduaid.household_year (id, township_id, status, household_id, school_year)
OVERRIDING SYSTEM VALUE
VALUES (990000 + (year % 100) * 100 + hh % 100, 420325299, status, hh, year)
$$;
-- A child's facts in a school year
CREATE FUNCTION pg_temp.sy(p_st bigint, p_year int, p_stage text, p_school int,
                           p_boarding boolean, p_status text, p_meal boolean)
RETURNS void LANGUAGE sql AS $$
INSERT INTO eduaid.student_year (township_id, household_year_id, household_id, school_year,
                                 student_id, stage, school_id, boarding, schooling_status,
                                 nutrition_meal)
SELECT 420325299, hy.id, hy.household_id, p_year, s.id, p_stage, p_school, p_boarding, p_status,
       p_meal
  FROM eduaid.student s
  JOIN eduaid.household_year hy ON hy.household_id = s.household_id AND hy.school_year = p_year
 WHERE s.id = p_st
$$;
CREATE FUNCTION pg_temp.sub(st bigint, year int, program text) RETURNS void LANGUAGE sql AS $$
INSERT INTO eduaid.student_subsidy (township_id, household_id, student_id, school_year, program,
                                    amount, household_year_id)
SELECT 420325299, s.household_id, s.id, year, program, 500, hy.id
  FROM eduaid.student s
  JOIN eduaid.household_year hy ON hy.household_id = s.household_id AND hy.school_year = year
 WHERE s.id = st
$$;

-- H1, H2, H3: the register entries, all drafts (their own state counts
-- for nothing: the year records do). 2026: H1 and H2 approved, H3 a
-- draft (nothing of it counts). 2025: H1 final, H2 approved (in_notice
-- and final count as approved does), no record of H3.
SELECT pg_temp.hh(990001, 'draft'), pg_temp.hh(990002, 'draft'), pg_temp.hh(990003, 'draft');
SELECT pg_temp.hy(990001, 2026, 'approved'), pg_temp.hy(990002, 2026, 'approved'),
       pg_temp.hy(990003, 2026, 'draft'),
       pg_temp.hy(990001, 2025, 'final'), pg_temp.hy(990002, 2025, 'approved');
-- The persons (their stage and the rest: facts of each school year, below)
--            id      hh      born          disability
SELECT pg_temp.st(990011, 990001, '2018-05-01', NULL),
       pg_temp.st(990012, 990001, '2013-05-01', NULL),
       pg_temp.st(990013, 990001, '2016-03-01', 'intellectual'),
       pg_temp.st(990014, 990002, '2010-03-01', NULL),
       pg_temp.st(990015, 990002, '2017-03-01', NULL),
       pg_temp.st(990016, 990002, '2010-09-01', 'hearing'),
       pg_temp.st(990017, 990002, '2020-09-01', 'physical'),
       pg_temp.st(990018, 990003, '2015-03-01', 'visual');
-- Their facts in 2026:
--            id      year  stage          school boards status         meal
SELECT pg_temp.sy(990011, 2026, 'primary',     9901, true,  'enrolled',     true),
       pg_temp.sy(990012, 2026, 'junior',      9902, false, 'dropped_out',  false),
       pg_temp.sy(990013, 2026, 'none',        NULL, false, 'not_enrolled', false),
       pg_temp.sy(990014, 2026, 'senior_high', 9901, false, 'enrolled',     false),
       pg_temp.sy(990015, 2026, 'primary',     9901, false, 'suspended',    false),
       pg_temp.sy(990016, 2026, 'senior_high', 9901, false, 'enrolled',     false),
       pg_temp.sy(990017, 2026, 'preschool',   9901, false, 'enrolled',     false),
       pg_temp.sy(990018, 2026, 'primary',     9901, false, 'enrolled',     true);
-- ... and in 2025, a year younger (S12 still in primary school, S14 and
-- S16 in junior high, S14 boarding, S17 in kindergarten; S18's household
-- has no record of 2025):
SELECT pg_temp.sy(990011, 2025, 'primary',     9901, true,  'enrolled',     true),
       pg_temp.sy(990012, 2025, 'primary',     9901, false, 'enrolled',     true),
       pg_temp.sy(990013, 2025, 'none',        NULL, false, 'not_enrolled', false),
       pg_temp.sy(990014, 2025, 'junior',      9902, true,  'enrolled',     false),
       pg_temp.sy(990015, 2025, 'primary',     9901, false, 'enrolled',     false),
       pg_temp.sy(990016, 2025, 'junior',      9902, false, 'enrolled',     false),
       pg_temp.sy(990017, 2025, 'preschool',   9901, false, 'enrolled',     false);
-- 2026: S11 has its compulsory waiver, its boarding subsidy only for 2025; S12
-- its waiver; S14 the high-school grant and 滋蕙 (not an entitlement) but
-- not the waiver; S15 nothing; S16 both; S17 preschool aid; S18 (draft
-- household) its waiver.
SELECT pg_temp.sub(990011, 2026, 'compulsory_waiver'), pg_temp.sub(990011, 2025, 'boarding_subsidy'),
       pg_temp.sub(990012, 2026, 'compulsory_waiver'),
       pg_temp.sub(990014, 2026, 'high_school_grant'), pg_temp.sub(990014, 2026, 'zihui'),
       pg_temp.sub(990016, 2026, 'high_school_grant'), pg_temp.sub(990016, 2026, 'high_school_waiver'),
       pg_temp.sub(990017, 2026, 'preschool_aid'), pg_temp.sub(990018, 2026, 'compulsory_waiver');
-- 2025: S11 the boarding subsidy (above) but not the waiver; S12 the
-- waiver; S14 the waiver and the boarding subsidy; S16 the waiver; S15
-- and S17 nothing.
SELECT pg_temp.sub(990012, 2025, 'compulsory_waiver'),
       pg_temp.sub(990014, 2025, 'compulsory_waiver'), pg_temp.sub(990014, 2025, 'boarding_subsidy'),
       pg_temp.sub(990016, 2025, 'compulsory_waiver');

-- Plans: S13 (10 on Sep 1 2026) an approved special class; S17 (just 6)
-- only a submitted one; S16 (just 16: too old) and S18 (draft household)
-- approved ones that must not count.
INSERT INTO eduaid.special_ed_plan (township_id, status, household_id, child_name, child_id_number,
    child_sex, child_birth_date, disability_type, disability_grade, placement, school_id, placed_on)
SELECT 420325299, p.status, s.household_id, s.name, s.id_number, s.sex, s.birth_date,
       'hearing', 2, p.placement, 9901, p.placed_on
  FROM (VALUES (990013, 'approved', 'special_class', date '2024-09-01'),
               (990017, 'submitted', 'regular_class', date '2026-09-01'),
               (990016, 'approved', 'regular_class', date '2020-09-01'),
               (990018, 'approved', 'special_school', date '2023-09-01'))
       AS p (student, status, placement, placed_on)
  JOIN eduaid.student s ON s.id = p.student;

-- Training of households H1/H2: E1, E2, E5 count (approved, starting in
-- 2026-27); E3 started the year before, E4 is only submitted.
INSERT INTO eduaid.training_enrollment (township_id, status, household_id, trainee_name,
    trainee_id_number, trainee_sex, trainee_birth_date, trainee_type, course_id,
    provider_school_id, batch, start_date, completed, certificate_no, employment_outcome)
SELECT 420325299, e.status, 990001, '学员', n, 'M', eduaid.id_birth_date(n), 'poor_labor',
       (SELECT c.id FROM eduaid.training_course c WHERE c.name = e.course), 9901, e.batch,
       e.start_date, e.completed, e.cert, e.outcome
  FROM (VALUES ('approved', '电子商务', '2026-1', date '2026-10-01', true, 'C-1', 'employed'),
               ('approved', '电子商务', '2026-2', date '2027-08-31', false, NULL, 'pending'),
               ('approved', '电子商务', '2025-1', date '2026-08-31', true, 'C-3', 'employed'),
               ('submitted', '电子商务', '2026-3', date '2026-10-01', true, 'C-4', 'employed'),
               ('approved', '厨嫂', '2026-1', date '2027-03-01', true, NULL, 'self_employed'))
       AS e (status, course, batch, start_date, completed, cert, outcome)
 CROSS JOIN LATERAL public.fx_new_idno(e.start_date - 11000, 'M') AS n;

-- Teacher funds: F1 approved 励耕 5000/4000, F2 a draft, F3 a rejected
-- 润雨 2000, F4 励耕 of 2025.
INSERT INTO eduaid.teacher (id, township_id, school_id, name, id_number, sex, birth_date)
OVERRIDING SYSTEM VALUE
SELECT 990000 + k, 420325299, 9901, '教师', n, 'M', eduaid.id_birth_date(n)
  FROM generate_series(1, 2) AS k
 CROSS JOIN LATERAL public.fx_new_idno(date '1985-01-01' + k, 'M') AS n;
INSERT INTO eduaid.teacher_fund_application (township_id, status, teacher_id, program_id,
    school_year, reason_category, reason_text, amount_requested, amount_approved,
    bank_name, bank_account)
SELECT 420325299, f.status, f.teacher, (SELECT p.id FROM eduaid.fund_program p WHERE p.code = f.code),
       f.year, 'family_hardship', '家庭困难', f.requested, f.approved, '中国农业银行',
       '6228480012345678901'
  FROM (VALUES ('approved', 990001, 'ligeng', 2026, 5000, 4000),
               ('draft', 990001, 'runyu', 2026, 3000, NULL),
               ('rejected', 990002, 'runyu', 2026, 2000, NULL),
               ('approved', 990001, 'ligeng', 2025, 5000, 5000))
       AS f (status, teacher, code, year, requested, approved);
SET session_replication_role = origin;
-- loaded with triggers off: tally again
SELECT eduaid.report_tally_rebuild() \g /dev/null

-- The ledgers' counts (sql/012_ledgers.sql) take every child with a row of
-- the year aged 6-15 on Sep 1: in 2026 S11, S12, S13, S15, S17 and S18
-- (their own rule, the record's status aside); S12, S13 and S15 are not
-- enrolled: suspected dropouts. In 2025 S11 to S16 (S17 is five); only
-- S13 is not enrolled.

-- ==== each report, as demo_supervisor, for 测试乡 ==========================
SET SESSION AUTHORIZATION demo_supervisor;

SELECT results_eq(
    $$SELECT township_id, township, item, entitled, granted, missing, coverage
        FROM eduaid.report_subsidy(2026, 420325299) WHERE township_id IS NOT NULL$$,
    $$VALUES (420325299, '测试乡', NULL, 7::bigint, 5::bigint, 2::bigint, 71.4),
             (420325299, '测试乡', 'preschool_aid', 1, 1, 0, 100.0),
             (420325299, '测试乡', 'compulsory_waiver', 1, 1, 0, 100.0),
             (420325299, '测试乡', 'boarding_subsidy', 1, 0, 1, 0.0),
             (420325299, '测试乡', 'high_school_grant', 2, 2, 0, 100.0),
             (420325299, '测试乡', 'high_school_waiver', 2, 1, 1, 50.0),
             (420325299, '测试乡', 'vocational_waiver', 0, 0, 0, NULL),
             (420325299, '测试乡', 'vocational_grant', 0, 0, 0, NULL),
             (420325299, '测试乡', 'college_freshman_aid', 0, 0, 0, NULL),
             (420325299, '测试乡', 'student_loan', 0, 0, 0, NULL)$$,
    'subsidy: entitlements and grants of 测试乡, by program, as worked out by hand (S12 dropped out and S15 suspended: in school neither, entitled to nothing; S12''s waiver is no entitlement granted)');
SELECT results_eq(
    $$SELECT township_id, township, item, entitled, granted, missing, coverage
        FROM eduaid.report_subsidy(2026, 420325299) WHERE township_id IS NULL LIMIT 3$$,
    $$VALUES (NULL::int, NULL::text, NULL::text, 7::bigint, 5::bigint, 2::bigint, 71.4),
             (NULL, NULL, 'preschool_aid', 1, 1, 0, 100.0),
             (NULL, NULL, 'compulsory_waiver', 1, 1, 0, 100.0)$$,
    'subsidy: the total rows follow the townships');
SELECT results_eq(
    $$SELECT township_id, household_no, student_id, stage, school, program, id_number_masked ~ '^[0-9]{6}\*{8}[0-9]{3}[0-9X]$'
        FROM eduaid.report_subsidy_missing(2026, 420325299)$$,
    $$VALUES (420325299, 'TEST-R990001', 990011::bigint, 'primary', '测试小学', 'boarding_subsidy', true),
             (420325299, 'TEST-R990002', 990014::bigint, 'senior_high', '测试小学', 'high_school_waiver', true)$$,
    'subsidy: the students entitled but not granted, ID numbers masked (not the suspended S15)');
-- Keyset pages: (township_id, household_no, student_id, program) of the
-- last line held, the lines after it, at most p_limit of them.
SELECT results_eq(
    $$SELECT household_no, student_id, program
        FROM eduaid.report_subsidy_missing(2026, 420325299, NULL, NULL, NULL, NULL, 2)$$,
    $$VALUES ('TEST-R990001', 990011::bigint, 'boarding_subsidy'),
             ('TEST-R990002', 990014::bigint, 'high_school_waiver')$$,
    'missing list paged: the first page holds p_limit lines');
SELECT results_eq(
    $$SELECT household_no, student_id, program
        FROM eduaid.report_subsidy_missing(2025, 420325299, 420325299, 'TEST-R990002', 990015,
                                           'compulsory_waiver', 2)$$,
    $$VALUES ('TEST-R990002', 990017::bigint, 'preschool_aid')$$,
    'missing list paged: a page ending inside a household goes on with its next member');
SELECT results_eq(
    $$SELECT student_id, program
        FROM eduaid.report_subsidy_missing(2026, 420325299, 420325299, 'TEST-R990001', 990011, 'a', 1)
      UNION ALL
      SELECT student_id, program
        FROM eduaid.report_subsidy_missing(2026, 420325299, 420325299, 'TEST-R990001', 990011,
                                           'boarding_subsidy', 1)$$,
    $$VALUES (990011::bigint, 'boarding_subsidy'), (990014, 'high_school_waiver')$$,
    'missing list paged: the program is the last part of the key');
SELECT results_eq(
    $$SELECT township_id, township, item, pilot_students, covered, missing, coverage
        FROM eduaid.report_nutrition(2026, 420325299)$$,
    $$VALUES (420325299, '测试乡', NULL::text, 2::bigint, 1::bigint, 1::bigint, 50.0),
             (NULL, NULL, NULL, 2, 1, 1, 50.0)$$,
    'nutrition: primary and junior members at pilot schools, and who takes the meal');
SELECT results_eq(
    $$SELECT township_id, item, members, enrolled, dropped_out, suspended, not_enrolled, enrolled_pct,
             school_age, suspected, confirmed, returned
        FROM eduaid.report_schooling(2026, 420325299)$$,
    $$VALUES (420325299, NULL::text, 7::bigint, 4::bigint, 1::bigint, 1::bigint, 1::bigint, 57.1,
              6::bigint, 3::bigint, 0::bigint, 0::bigint),
             (NULL, NULL, 7, 4, 1, 1, 1, 57.1, 6, 3, 0, 0)$$,
    'schooling: the status of every member of a counted household; the ledgers'' counts');
SELECT results_eq(
    $$SELECT township_id, item, children, planned, unplanned, coverage, special_school,
             regular_class, special_class, home_delivery
        FROM eduaid.report_special_ed(2026, 420325299)$$,
    $$VALUES (420325299, NULL::text, 2::bigint, 1::bigint, 1::bigint, 50.0, 0::bigint, 0::bigint, 1::bigint, 0::bigint),
             (NULL, NULL, 2, 1, 1, 50.0, 0, 0, 1, 0)$$,
    'special education: disabled children aged 6-15 on Sep 1, those with a plan, by placement');
SELECT results_eq(
    $$SELECT item, person_times, completed, certified, employed, self_employed, entrepreneur,
             further_study, unemployed, pending
        FROM eduaid.report_training(2026, 420325299)
       WHERE township_id IS NOT NULL AND (item IS NULL OR person_times > 0)$$,
    $$VALUES (NULL::text, 3::bigint, 2::bigint, 1::bigint, 1::bigint, 1::bigint, 0::bigint, 0::bigint, 0::bigint, 1::bigint),
             ('电子商务', 2, 1, 1, 1, 0, 0, 0, 0, 1),
             ('厨嫂', 1, 1, 0, 0, 1, 0, 0, 0, 0)$$,
    'training: person-times of the school year by course and outcome');
SELECT is((SELECT count(*) FROM eduaid.report_training(2026, 420325299) WHERE item IS NOT NULL),
          18::bigint, 'training: every course of the catalogue has its row, in the township and the total');
SELECT results_eq(
    $$SELECT township_id, item, applications, requested, approved, approved_amount
        FROM eduaid.report_teacher_fund(2026, 420325299)
       WHERE item IS NULL OR item IN ('励耕计划', '润雨计划')$$,
    $$VALUES (420325299, NULL::text, 2::bigint, 7000::numeric, 1::bigint, 4000::numeric),
             (420325299, '励耕计划', 1, 5000, 1, 4000),
             (420325299, '润雨计划', 1, 2000, 0, 0),
             (NULL, NULL, 2, 7000, 1, 4000),
             (NULL, '励耕计划', 1, 5000, 1, 4000),
             (NULL, '润雨计划', 1, 2000, 0, 0)$$,
    'teacher funds: applications (not drafts) and approved amounts of the year by program');
SELECT is((SELECT count(*) FROM eduaid.report_subsidy(2027, 420325299) WHERE entitled + granted > 0),
          0::bigint, 'subsidy: a school year without records finds nothing at all');
SELECT is(array(SELECT household_year_id FROM eduaid.report_subsidy_missing(2026, 420325299)),
          ARRAY[992601, 992602]::bigint[],
          'subsidy: each missing line names the household_year record to open (2026''s)');

-- ==== 2025: the same township a year earlier ===============================
SELECT results_eq(
    $$SELECT item, entitled, granted, missing, coverage
        FROM eduaid.report_subsidy(2025, 420325299) WHERE township_id IS NOT NULL$$,
    $$VALUES (NULL::text, 8::bigint, 5::bigint, 3::bigint, 62.5),
             ('preschool_aid', 1, 0, 1, 0.0),
             ('compulsory_waiver', 5, 3, 2, 60.0),
             ('boarding_subsidy', 2, 2, 0, 100.0),
             ('high_school_grant', 0, 0, 0, NULL),
             ('high_school_waiver', 0, 0, 0, NULL),
             ('vocational_waiver', 0, 0, 0, NULL),
             ('vocational_grant', 0, 0, 0, NULL),
             ('college_freshman_aid', 0, 0, 0, NULL),
             ('student_loan', 0, 0, 0, NULL)$$,
    '2025 subsidy: that year''s stages and boarding against that year''s grants, by hand');
SELECT results_eq(
    $$SELECT household_no, student_id, stage, school, program, household_year_id
        FROM eduaid.report_subsidy_missing(2025, 420325299)$$,
    $$VALUES ('TEST-R990001', 990011::bigint, 'primary', '测试小学', 'compulsory_waiver', 992501::bigint),
             ('TEST-R990002', 990015::bigint, 'primary', '测试小学', 'compulsory_waiver', 992502::bigint),
             ('TEST-R990002', 990017::bigint, 'preschool', '测试小学', 'preschool_aid', 992502::bigint)$$,
    '2025 missing list: that year''s stages, schools and records');
SELECT results_eq(
    $$SELECT township_id, pilot_students, covered, missing, coverage
        FROM eduaid.report_nutrition(2025, 420325299)$$,
    $$VALUES (420325299, 3::bigint, 2::bigint, 1::bigint, 66.7), (NULL, 3, 2, 1, 66.7)$$,
    '2025 nutrition: that year''s schools and meals');
SELECT results_eq(
    $$SELECT township_id, members, enrolled, dropped_out, suspended, not_enrolled, enrolled_pct,
             school_age, suspected, confirmed, returned
        FROM eduaid.report_schooling(2025, 420325299)$$,
    $$VALUES (420325299, 7::bigint, 6::bigint, 0::bigint, 0::bigint, 1::bigint, 85.7,
              6::bigint, 1::bigint, 0::bigint, 0::bigint),
             (NULL, 7, 6, 0, 0, 1, 85.7, 6, 1, 0, 0)$$,
    '2025 schooling: that year''s statuses; the ledgers'' counts of 2025');
SELECT results_eq(
    $$SELECT township_id, children, planned, unplanned, coverage, special_school,
             regular_class, special_class, home_delivery
        FROM eduaid.report_special_ed(2025, 420325299)$$,
    $$VALUES (420325299, 2::bigint, 2::bigint, 0::bigint, 100.0, 0::bigint, 1::bigint, 1::bigint, 0::bigint),
             (NULL, 2, 2, 0, 100.0, 0, 1, 1, 0)$$,
    '2025 special education: the disabled children with a row of 2025, aged 6-15 then');

-- ==== scope ================================================================
SELECT is((SELECT count(DISTINCT township_id) FROM eduaid.report_subsidy(2026)),
          (SELECT count(*) FROM eduaid.township WHERE county_id = 420325),
          'the supervisor''s report has a row for every township of the county');
SELECT is((SELECT entitled FROM eduaid.report_subsidy(2026) WHERE township_id IS NULL AND item IS NULL),
          (SELECT sum(entitled)::bigint FROM eduaid.report_subsidy(2026)
            WHERE township_id IS NOT NULL AND item IS NULL),
          'the total row adds up the townships');
SELECT is((SELECT children FROM eduaid.report_special_ed(2026) WHERE township_id = 420325299),
          2::bigint, 'the supervisor''s special-education counts include 测试乡');
SELECT lives_ok($$SELECT * FROM eduaid.report_subsidy_missing(2026)$$,
                'the supervisor may list missing subsidies (masked columns only)');
SELECT cmp_ok((SELECT count(*) FROM eduaid.report_subsidy_missing(2026)), '>', 21::bigint,
              'the county''s missing list spans several pages of 7');
SELECT results_eq(
    $$WITH RECURSIVE walk AS (
          SELECT 1 AS page, r.* FROM eduaid.report_subsidy_missing(2026, NULL, NULL, NULL, NULL, NULL, 7)
                                     WITH ORDINALITY AS r
          UNION ALL
          SELECT w.page + 1, r.*
            FROM walk w
           CROSS JOIN LATERAL eduaid.report_subsidy_missing(2026, NULL, w.township_id, w.household_no,
                                                            w.student_id, w.program, 7)
                 WITH ORDINALITY AS r
           WHERE w.ordinality = 7)
      SELECT township_id, household_no, student_id, program FROM walk ORDER BY page, ordinality$$,
    $$SELECT township_id, household_no, student_id, program FROM eduaid.report_subsidy_missing(2026)$$,
    'the county''s list walked in pages of 7 is the unpaged list, line for line');
SELECT results_eq(
    $$SELECT township_id, household_no, student_id, program FROM eduaid.report_subsidy_missing(2026)$$,
    $$SELECT township_id, household_no, student_id, program FROM eduaid.report_subsidy_missing(2026)
       ORDER BY township_id, household_no, student_id, program$$,
    'the unpaged list is in key order');
SELECT is((SELECT count(*) FROM eduaid.report_subsidy_missing(2026)),
          (SELECT missing FROM eduaid.report_subsidy(2026) WHERE township_id IS NULL AND item IS NULL),
          'the list has as many lines as the subsidy report''s Missing total (the screen''s count)');
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION demo_officer;
SELECT is(array(SELECT DISTINCT township_id FROM eduaid.report_subsidy(2026) ORDER BY 1),
          ARRAY[420325100, NULL]::int[], 'officer: subsidy covers 城关镇 and its total only');
SELECT is(array(SELECT DISTINCT township_id FROM eduaid.report_subsidy_missing(2026) ORDER BY 1),
          ARRAY[420325100]::int[], 'officer: the missing list holds 城关镇 only');
SELECT results_eq(
    $$WITH RECURSIVE walk AS (
          SELECT 1 AS page, r.* FROM eduaid.report_subsidy_missing(2026, NULL, NULL, NULL, NULL, NULL, 3)
                                     WITH ORDINALITY AS r
          UNION ALL
          SELECT w.page + 1, r.*
            FROM walk w
           CROSS JOIN LATERAL eduaid.report_subsidy_missing(2026, NULL, w.township_id, w.household_no,
                                                            w.student_id, w.program, 3)
                 WITH ORDINALITY AS r
           WHERE w.ordinality = 3)
      SELECT township_id, household_no, student_id, program FROM walk ORDER BY page, ordinality$$,
    $$SELECT township_id, household_no, student_id, program FROM eduaid.report_subsidy_missing(2026)$$,
    'officer: his list walked in pages of 3 is his unpaged list');
SELECT is(array(SELECT DISTINCT township_id
                  FROM eduaid.report_subsidy_missing(2026, NULL, 420325099, 'A', 0, '', 1000)),
          ARRAY[420325100]::int[], 'officer: pages after a key before his township stay in it');
SELECT is((SELECT count(*) FROM eduaid.report_subsidy_missing(2026, 420325299, 420325299, 'A', 0, '', 1000)),
          0::bigint, 'officer: a page of another township is empty');
SELECT is((SELECT count(*) FROM eduaid.report_subsidy_missing(2026)),
          (SELECT missing FROM eduaid.report_subsidy(2026) WHERE township_id IS NULL AND item IS NULL),
          'officer: his list has as many lines as his Missing total');
SELECT is(array(SELECT DISTINCT township_id FROM eduaid.report_nutrition(2026) ORDER BY 1),
          ARRAY[420325100, NULL]::int[], 'officer: nutrition covers 城关镇 only');
SELECT is(array(SELECT DISTINCT township_id FROM eduaid.report_schooling(2026) ORDER BY 1),
          ARRAY[420325100, NULL]::int[], 'officer: schooling covers 城关镇 only');
SELECT is(array(SELECT DISTINCT township_id FROM eduaid.report_special_ed(2026) ORDER BY 1),
          ARRAY[420325100, NULL]::int[], 'officer: special education covers 城关镇 only');
SELECT is(array(SELECT DISTINCT township_id FROM eduaid.report_training(2026) ORDER BY 1),
          ARRAY[420325100, NULL]::int[], 'officer: training covers 城关镇 only');
SELECT is(array(SELECT DISTINCT township_id FROM eduaid.report_teacher_fund(2026) ORDER BY 1),
          ARRAY[420325100, NULL]::int[], 'officer: teacher funds cover 城关镇 only');
SELECT is((SELECT row(children, planned)::text FROM eduaid.report_special_ed(2026) WHERE township_id IS NULL),
          (SELECT row(children, planned)::text FROM eduaid.report_special_ed(2026) WHERE township_id = 420325100),
          'officer: the special-education total is his township''s (the definer counts keep to it)');
SELECT is(array(SELECT DISTINCT township_id FROM eduaid.subsidy_tally ORDER BY 1),
          ARRAY[420325100], 'officer: the subsidy tally shows his township''s rows only');
SELECT is(array(SELECT DISTINCT township_id FROM eduaid.member_tally ORDER BY 1),
          ARRAY[420325100], 'officer: the member tally shows his township''s rows only');
SELECT throws_ok($$INSERT INTO eduaid.subsidy_tally VALUES (420325100, 2026, 'zihui', 1)$$,
                 '42501', NULL, 'officer: the tally is not his to write');
SELECT is((SELECT count(*) FROM eduaid.report_special_ed(2026, 420325299)), 0::bigint,
          'officer: asking for another township gives nothing, not even a total');
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION demo_clerk2;
SELECT is(array(SELECT DISTINCT township_id FROM eduaid.report_schooling(2026) ORDER BY 1),
          ARRAY[420325103, NULL]::int[], 'a clerk''s report covers his townships');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
