-- tests/db/28_school_years.sql: a household's record of a school year
-- (kind household_year, 026_school_years.sql), as the people who keep it:
-- each year reviewed on its own (draft -> submitted -> verified ->
-- approved, four-eyes), approving or reopening one year leaves the others
-- as they were; a child's year row and a grant are members of their year's
-- record (locked with it, touching it, in its history); a year row is
-- written only for a household of the writer's townships, and a hostile
-- login of another township learns nothing from trying.
--
-- People: demo_clerk (clerk of 城关镇 420325100), demo_officer (officer of
-- 城关镇), demo_clerk2 (土城镇 420325103), demo_supervisor (county).
-- Cost: well under a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(36);

-- ==== two school years of one household =====================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('yh', 420325100), fx_student('ys', 'yh') \gset
SELECT fx_year('y25', 'yh', 2025), fx_year('y26', 'yh', 2026) \gset
SELECT results_eq(
    $$SELECT school_year, status, version, household_id FROM eduaid.household_year
       WHERE household_id = fx('yh') ORDER BY school_year$$,
    $$VALUES (2025, 'draft', 2, fx('yh')), (2026, 'draft', 2, fx('yh'))$$,
    'demo_clerk makes the household''s records of 2025 and 2026: drafts, each touched once by its children''s rows');
SELECT results_eq(
    $$SELECT school_year, household_id, student_id FROM eduaid.student_year
       WHERE student_id = fx('ys') ORDER BY school_year$$,
    $$VALUES (2025, fx('yh'), fx('ys')), (2026, fx('yh'), fx('ys'))$$,
    'each year has the child''s row, its household and year taken from the record');
SELECT throws_ok($$INSERT INTO eduaid.household_year (township_id, household_id, school_year)
                   VALUES (420325100, fx('yh'), 2025)$$,
    '23505', NULL, 'a second record of the same year is refused (household_year_school_year_key)');

-- A grant of 2025 goes to 2025's record, whatever household and year the
-- writer names.
INSERT INTO eduaid.student_subsidy (township_id, household_year_id, household_id, student_id,
                                    school_year, program, amount)
VALUES (420325100, fx('y25'), 1, fx('ys'), 2031, 'compulsory_waiver', 500);
SELECT results_eq(
    $$SELECT household_id, school_year, amount FROM eduaid.student_subsidy WHERE student_id = fx('ys')$$,
    $$VALUES (fx('yh'), 2025, 500::numeric)$$,
    'a grant takes its household and school year from its year record');
SELECT is((SELECT version FROM eduaid.household_year WHERE id = fx('y25')), 3,
    'the grant touched 2025''s record (version 3) ...');
SELECT is((SELECT version FROM eduaid.household_year WHERE id = fx('y26')), 2,
    '... and not 2026''s');

-- ==== each year through the workflow =======================================
SELECT is(eduaid.submit('household_year', fx('y25')), 4, 'demo_clerk submits 2025');
SELECT is(eduaid.submit('household_year', fx('y26')), 3, 'demo_clerk submits 2026');
SELECT throws_ok($$SELECT eduaid.verify('household_year', fx('y25'))$$, 'EA004', NULL,
    'a clerk cannot verify (EA004)');
SET SESSION AUTHORIZATION demo_officer;
SELECT is(eduaid.verify('household_year', fx('y25')), 5, 'demo_officer verifies 2025');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(eduaid.approve('household_year', fx('y25')), 6, 'demo_supervisor approves 2025');
SELECT is(fx_status('household_year', 'y26'), 'submitted', '2026 is still submitted');

-- ==== an approved year is locked, members and grants included ===============
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$UPDATE eduaid.household_year SET poverty_status = 'lifted' WHERE id = fx('y25')$$,
    'EA006', NULL, 'clerk: changing an approved year is EA006');
SELECT throws_ok($$UPDATE eduaid.student_year SET grade = 9 WHERE household_year_id = fx('y25')$$,
    'EA006', NULL, 'clerk: changing a child''s row of an approved year is EA006');
SELECT throws_ok($$UPDATE eduaid.student_subsidy SET amount = 900 WHERE household_year_id = fx('y25')$$,
    'EA006', NULL, 'clerk: changing a grant of an approved year is EA006');
SELECT throws_ok($$INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id, program, amount)
                   VALUES (420325100, fx('y25'), fx('ys'), 'boarding_subsidy', 1000)$$,
    'EA006', NULL, 'clerk: adding a grant to an approved year is EA006');
SELECT throws_ok($$SELECT eduaid.delete_member('student_subsidy', fx('y25'),
                       (SELECT id FROM eduaid.student_subsidy WHERE household_year_id = fx('y25')))$$,
    'EA006', NULL, 'clerk: deleting a grant of an approved year is EA006');
SELECT throws_ok($$UPDATE eduaid.student_year SET household_year_id = fx('y26') WHERE household_year_id = fx('y25')$$,
    '42501', NULL, 'a child''s row never moves to another year (no column privilege)');
SELECT throws_ok($$UPDATE eduaid.household_year SET school_year = 2027 WHERE id = fx('y26')$$,
    '42501', NULL, 'a record''s school year never changes (no column privilege)');

-- ==== approving or reopening one year leaves the other ======================
SET SESSION AUTHORIZATION demo_officer;
SELECT is(eduaid.verify('household_year', fx('y26')), 4, 'demo_officer verifies 2026');
SET SESSION AUTHORIZATION demo_supervisor;
RESET SESSION AUTHORIZATION;
CREATE TABLE public.fx_y25 AS
SELECT to_jsonb(y) AS r FROM eduaid.household_year y WHERE y.id = fx('y25');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(eduaid.approve('household_year', fx('y26')), 5, 'demo_supervisor approves 2026');
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(eduaid.reopen('household_year', fx('y26'), '转学，更正学校'), 6, 'demo_clerk reopens 2026');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT to_jsonb(y) FROM eduaid.household_year y WHERE y.id = fx('y25')),
          (SELECT r FROM public.fx_y25),
    'approving and reopening 2026 left 2025''s record exactly as it was approved');
SET SESSION AUTHORIZATION demo_officer;
SELECT is(eduaid.last_approved('household_year', fx('y25')) ->> 'status', 'approved',
    'last_approved gives 2025''s approved row');
SELECT ok((SELECT array_agg(DISTINCT table_name ORDER BY table_name)
             FROM eduaid.record_history('household_year', fx('y25')))
          @> ARRAY['household_year', 'student_subsidy', 'student_year'],
    'the year''s history holds the record, its children''s rows and its grants');
SELECT is((SELECT count(*)::int FROM eduaid.record_history('household', fx('yh'))
            WHERE table_name IN ('student_year', 'student_subsidy', 'household_year')), 0,
    'the household''s own history holds none of them');
SELECT throws_ok($$SELECT eduaid.verify('household_year', fx('y26'))$$, 'EA001', NULL,
    'a reopened draft is not verified (EA001)');

-- ==== the hostile login of another township =================================
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is((SELECT count(*)::int FROM eduaid.household_year WHERE household_id = fx('yh'))
          + (SELECT count(*)::int FROM eduaid.student_year WHERE student_id = fx('ys'))
          + (SELECT count(*)::int FROM eduaid.student_subsidy WHERE student_id = fx('ys')), 0,
    'demo_clerk2 (土城镇) sees no year row, child''s row or grant of 城关镇');
SELECT throws_ok($$INSERT INTO eduaid.household_year (township_id, household_id, school_year)
                   VALUES (420325103, fx('yh'), 2027)$$,
    'EA080', 'household_year: no such household in your townships (在您负责的乡镇中找不到该户)',
    'a year record in his township for a household of 城关镇: EA080 ...');
SELECT throws_ok($$INSERT INTO eduaid.household_year (township_id, household_id, school_year)
                   VALUES (420325103, 9000000000, 2027)$$,
    'EA080', 'household_year: no such household in your townships (在您负责的乡镇中找不到该户)',
    '... the very answer for a household that does not exist');
SELECT throws_ok($$INSERT INTO eduaid.household_year (township_id, household_id, school_year)
                   VALUES (420325100, fx('yh'), 2027)$$,
    'EA080', NULL, 'a year record placed in 城关镇 itself: EA080 too (the guard runs before row-level security''s check)');
SELECT throws_ok($$INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage)
                   VALUES (420325103, fx('y26'), fx('ys'), 'none')$$,
    'EA080', NULL, 'a child''s row naming 城关镇''s year record from 土城镇: EA080');
SELECT is(eduaid.delete_member('student_year', fx('y26'),
                               (SELECT min(id) FROM eduaid.student_year)), false,
    'delete_member finds nothing of 城关镇 (false, as for a row that does not exist)');
SELECT throws_ok($$SELECT eduaid.submit('household_year', fx('y26'))$$, 'EA005', NULL,
    'submitting 城关镇''s year record: EA005, as for one that does not exist');

-- ==== who may write year records ============================================
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$INSERT INTO eduaid.household_year (township_id, household_id, school_year)
                   VALUES (420325100, fx('yh'), 2027)$$,
    '42501', NULL, 'supervisors do not write year records');
SELECT is((SELECT count(*)::int FROM eduaid.student_year WHERE student_id = fx('ys')), 2,
    'supervisors read the children''s year rows of the county');

SELECT * FROM finish();
ROLLBACK;
