-- tests/db/31_aid.sql: granting a child's aid of a school year
-- (repeatable/43_aid.sql), as the people who do it and those who may not:
-- the form's offer (aid_proposal), granting in bulk (grant_standard: each
-- element granted, already granted or refused on its own, a submitted or
-- approved record refused by the record guard, another township's ids
-- answered exactly as ids that do not exist), grants as edits of their
-- year record (version, editors, history), the form's F7
-- (grant_record_standard), supervisors and auditors refused, and the
-- 应享未享 working list (aid_missing) against hand-built records, paged
-- without gap or overlap.
--
-- People: demo_clerk (clerk of 城关镇 420325100), demo_officer (officer of
-- 城关镇), demo_clerk2 (土城镇 420325103), demo_supervisor (county),
-- demo_auditor. Fixtures are in school year 2026, whose rates are seeded
-- (027_subsidy_rates.sql): compulsory_waiver 0, boarding_subsidy junior
-- 1250, college_freshman_aid 1000, student_loan none.
-- Cost: about a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(38);

-- ==== fixtures ==============================================================
-- The list walked a page at a time, as the screen walks it (made here, as
-- the superuser; run as whoever calls it).
CREATE FUNCTION public.fx_walk(yr int, tw int, page int)
RETURNS TABLE (township_id int, household_no text, student_id bigint, program text)
LANGUAGE plpgsql AS $$
DECLARE
    a_t int; a_h text; a_s bigint; a_p text;
    got int;
BEGIN
    LOOP
        got := 0;
        FOR township_id, household_no, student_id, program IN
            SELECT m.township_id, m.household_no, m.student_id, m.program
              FROM eduaid.aid_missing(yr, tw, a_t, a_h, a_s, a_p, page) m
        LOOP
            got := got + 1;
            a_t := township_id; a_h := household_no; a_s := student_id; a_p := program;
            RETURN NEXT;
        END LOOP;
        EXIT WHEN got < page;
    END LOOP;
END
$$;
-- TEST-AID-A (draft): s1 primary, s2 junior boarder, s3 left school, s7 college
-- TEST-AID-B (submitted): s4 primary;  TEST-AID-C (approved): s5 primary
-- TEST-AID-D in 土城镇 (demo_clerk2): s6 primary
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('aid_a', 420325100), fx_student('s1', 'aid_a'), fx_student('s2', 'aid_a'),
       fx_student('s3', 'aid_a'), fx_student('s7', 'aid_a', '2007-03-01') \gset
SELECT fx_year('ya', 'aid_a') \gset
UPDATE eduaid.student_year SET stage = 'junior', grade = 8, boarding = true
 WHERE household_year_id = fx('ya') AND student_id = fx('s2');
UPDATE eduaid.student_year SET left_school = true
 WHERE household_year_id = fx('ya') AND student_id = fx('s3');
UPDATE eduaid.student_year SET stage = 'college', grade = NULL
 WHERE household_year_id = fx('ya') AND student_id = fx('s7');
SELECT fx_household('aid_b', 420325100), fx_student('s4', 'aid_b'), fx_year('yb', 'aid_b') \gset
SELECT fx_household('aid_c', 420325100), fx_student('s5', 'aid_c'), fx_year('yc', 'aid_c') \gset
SELECT eduaid.submit('household_year', fx('yb')), eduaid.submit('household_year', fx('yc')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household_year', fx('yc')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household_year', fx('yc')) \gset
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('aid_d', 420325103), fx_student('s6', 'aid_d'), fx_year('yd', 'aid_d') \gset

-- ==== the offer =============================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT student_id, program, amount, granted FROM eduaid.aid_proposal(fx('ya'))$$,
    $$VALUES (fx('s1'), 'compulsory_waiver', 0::numeric, false),
             (fx('s2'), 'compulsory_waiver', 0::numeric, false),
             (fx('s2'), 'boarding_subsidy', 1250::numeric, false),
             (fx('s7'), 'college_freshman_aid', 1000::numeric, false),
             (fx('s7'), 'student_loan', NULL::numeric, false)$$,
    'demo_clerk is offered each child''s programs of that year at the standard amounts (none for the leaver, no amount for the loan)');
SELECT is_empty($$SELECT * FROM eduaid.aid_proposal(fx('yd'))$$,
    'another township''s record offers nothing');
SELECT is_empty($$SELECT * FROM eduaid.aid_proposal(-1)$$,
    '... exactly as a record that does not exist');

-- ==== granting in bulk ======================================================
SELECT version AS ya_v0 FROM eduaid.household_year WHERE id = fx('ya') \gset
SELECT results_eq(
    $$SELECT household_year_id, student_id, program, outcome, sql_state, amount
        FROM eduaid.grant_standard(
          ARRAY[fx('ya'), fx('ya'), fx('ya'), fx('ya'), fx('ya'), fx('yb'), fx('yc'),
                fx('yd'), -1, fx('ya')],
          ARRAY[fx('s1'), fx('s1'), fx('s2'), fx('s7'), fx('s3'), fx('s4'), fx('s5'),
                fx('s6'), fx('s1'), fx('s6')],
          ARRAY['compulsory_waiver', 'compulsory_waiver', 'boarding_subsidy', 'student_loan',
                'compulsory_waiver', 'compulsory_waiver', 'compulsory_waiver',
                'compulsory_waiver', 'compulsory_waiver', 'compulsory_waiver'])$$,
    $$VALUES (fx('ya'), fx('s1'), 'compulsory_waiver', 'granted', NULL, 0::numeric),
             (fx('ya'), fx('s1'), 'compulsory_waiver', 'already', NULL, NULL),
             (fx('ya'), fx('s2'), 'boarding_subsidy', 'granted', NULL, 1250::numeric),
             (fx('ya'), fx('s7'), 'student_loan', 'refused', 'EA140', NULL),
             (fx('ya'), fx('s3'), 'compulsory_waiver', 'refused', 'EA141', NULL),
             (fx('yb'), fx('s4'), 'compulsory_waiver', 'refused', 'EA004', NULL),
             (fx('yc'), fx('s5'), 'compulsory_waiver', 'refused', 'EA006', NULL),
             (fx('yd'), fx('s6'), 'compulsory_waiver', 'refused', 'EA005', NULL),
             (-1::bigint, fx('s1'), 'compulsory_waiver', 'refused', 'EA005', NULL),
             (fx('ya'), fx('s6'), 'compulsory_waiver', 'refused', 'EA005', NULL)$$,
    'one batch: granted, already granted, no standard amount (EA140), not offered (EA141), a submitted record refused by the guard (a clerk does not edit it: EA004), an approved one (EA006), another township''s record, a missing record and another township''s child all EA005');
SELECT results_eq(
    $$SELECT student_id, program, amount, granted_on, school_year FROM eduaid.student_subsidy
       WHERE household_year_id = fx('ya') ORDER BY student_id, program$$,
    $$VALUES (fx('s1'), 'compulsory_waiver', 0::numeric, NULL::date, 2026),
             (fx('s2'), 'boarding_subsidy', 1250::numeric, NULL::date, 2026)$$,
    'the two grants are in the draft at the standard amounts, no date of payment yet');
SELECT is((SELECT version FROM eduaid.household_year WHERE id = fx('ya')), :ya_v0 + 2,
    'each grant touched the year record (version up by two)');
SELECT is_empty($$SELECT FROM eduaid.student_subsidy WHERE household_year_id IN (fx('yb'), fx('yc'))$$,
    'nothing was granted in the submitted or the approved record');
SELECT is((SELECT count(*)::int FROM eduaid.record_history('household_year', fx('ya'))
            WHERE table_name = 'student_subsidy' AND action = 'insert' AND actor = 'demo_clerk'), 2,
    'both grants are in the year record''s history, by demo_clerk');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is((SELECT count(*)::int FROM eduaid.student_subsidy WHERE household_year_id = fx('yd')), 0,
    'demo_clerk2''s record got nothing from demo_clerk');
SELECT results_eq(
    $$SELECT outcome, sql_state FROM eduaid.grant_standard(ARRAY[fx('ya'), -1],
          ARRAY[fx('s1'), fx('s1')], ARRAY['boarding_subsidy', 'boarding_subsidy'])$$,
    $$VALUES ('refused', 'EA005'), ('refused', 'EA005')$$,
    'demo_clerk2 on 城关镇''s record gets the very answer of a record that does not exist');

-- The officer grants too, and is an editor then.
SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq(
    $$SELECT outcome FROM eduaid.grant_standard(ARRAY[fx('ya')], ARRAY[fx('s2')],
                                                ARRAY['compulsory_waiver'])$$,
    $$VALUES ('granted')$$, 'demo_officer grants in his township''s draft');
SELECT ok((SELECT editors @> '{demo_clerk,demo_officer}' FROM eduaid.household_year
            WHERE id = fx('ya')),
    'the year record names both as its editors (four-eyes will keep them from reviewing it)');

-- Supervisors and auditors do not grant.
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT * FROM eduaid.grant_standard(ARRAY[fx('ya')], ARRAY[fx('s7')],
                                                       ARRAY['college_freshman_aid'])$$,
    '42501', NULL, 'demo_supervisor cannot grant');
SELECT throws_ok($$SELECT * FROM eduaid.grant_record_standard(fx('ya'))$$,
    '42501', NULL, '... nor fill in a record''s standard aid');
SELECT throws_ok($$SELECT * FROM eduaid.grant_one_standard(fx('ya'), fx('s7'), 'college_freshman_aid')$$,
    '42501', NULL, '... nor call the step');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$SELECT * FROM eduaid.grant_standard(ARRAY[fx('ya')], ARRAY[fx('s7')],
                                                       ARRAY['college_freshman_aid'])$$,
    '42501', NULL, 'demo_auditor cannot grant');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*)::int FROM eduaid.student_subsidy WHERE household_year_id = fx('ya')), 3,
    'the record still has three grants');
SELECT throws_ok($$SELECT * FROM eduaid.grant_standard(ARRAY[1::bigint], '{}', '{}')$$,
    '22023', NULL, 'arrays of different lengths are refused as a whole');

-- ==== the 应享未享 working list ===============================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT household_year_id, status, township, household_no, head_name, student_id,
             student_name, stage, program, amount
        FROM eduaid.aid_missing(2026, 420325100) WHERE household_no LIKE 'TEST-AID-%'$$,
    $$VALUES (fx('ya'), 'draft', '城关镇', 'TEST-AID-A', '测试户主', fx('s7'), '测试学生', 'college',
              'college_freshman_aid', 1000::numeric),
             (fx('ya'), 'draft', '城关镇', 'TEST-AID-A', '测试户主', fx('s7'), '测试学生', 'college',
              'student_loan', NULL),
             (fx('yb'), 'submitted', '城关镇', 'TEST-AID-B', '测试户主', fx('s4'), '测试学生', 'primary',
              'compulsory_waiver', 0::numeric),
             (fx('yc'), 'approved', '城关镇', 'TEST-AID-C', '测试户主', fx('s5'), '测试学生', 'primary',
              'compulsory_waiver', 0::numeric)$$,
    'demo_clerk''s list: every program offered and not granted, in records of any state, at the standard amounts');
SELECT is_empty($$SELECT * FROM eduaid.aid_missing(2026) WHERE household_no = 'TEST-AID-D'$$,
    '土城镇''s record is not in demo_clerk''s list');
SELECT is_empty($$SELECT * FROM eduaid.aid_missing(2025) WHERE household_no LIKE 'TEST-AID-%'$$,
    'nor is any of them in 2025''s');
SELECT is((SELECT count(*)::int FROM eduaid.aid_missing(2026, 420325103)), 0,
    'asking for another township gives nothing');
SELECT results_eq(
    $$SELECT household_no, program FROM eduaid.aid_missing(2026, 420325100, p_status => 'submitted')
       WHERE household_no LIKE 'TEST-AID-%'$$,
    $$VALUES ('TEST-AID-B', 'compulsory_waiver')$$,
    'asked for one state, the list has the records in that state only');

-- Paging: the list walked seven lines at a time is the list (fx_walk).
SELECT cmp_ok((SELECT count(*)::int FROM eduaid.aid_missing(2026, 420325100)), '>', 7,
    'the list of 城关镇 is longer than a page');
SELECT results_eq(
    $$SELECT * FROM public.fx_walk(2026, 420325100, 7)$$,
    $$SELECT township_id, household_no, student_id, program FROM eduaid.aid_missing(2026, 420325100)$$,
    'walked seven lines at a time it is the whole list, in order, without gap or overlap');
SELECT results_eq(
    $$SELECT * FROM public.fx_walk(2026, NULL, 50)$$,
    $$SELECT township_id, household_no, student_id, program FROM eduaid.aid_missing(2026)$$,
    '... and so for all of demo_clerk''s townships, fifty at a time');

-- The supervisor reads the list (every township), the auditor too; the
-- other township's clerk does not see 城关镇's lines.
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT count(*)::int FROM eduaid.aid_missing(2026) WHERE household_no LIKE 'TEST-AID-%'),
    5, 'demo_supervisor''s list has the four lines of 城关镇 and the one of 土城镇');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT results_eq(
    $$SELECT household_no, program FROM eduaid.aid_missing(2026) WHERE household_no LIKE 'TEST-AID-%'$$,
    $$VALUES ('TEST-AID-D', 'compulsory_waiver')$$,
    'demo_clerk2''s list is his own record only');

-- ==== the form's F7 =========================================================
SELECT results_eq(
    $$SELECT student_id, program, outcome FROM eduaid.grant_record_standard(fx('yd'))$$,
    $$VALUES (fx('s6'), 'compulsory_waiver', 'granted')$$,
    'demo_clerk2 fills in his record''s standard aid');
SELECT is_empty($$SELECT * FROM eduaid.grant_record_standard(fx('yd'))$$,
    'a second time there is nothing left to grant');
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT student_id, program, outcome FROM eduaid.grant_record_standard(fx('ya'))$$,
    $$VALUES (fx('s7'), 'college_freshman_aid', 'granted')$$,
    'demo_clerk fills in the draft: the freshman aid, not the loan (no standard amount)');
SELECT is_empty($$SELECT * FROM eduaid.grant_record_standard(fx('yd'))$$,
    'another township''s record: nothing is granted, nothing is said');

-- ==== the approved-value diff of members (last_approved_members) =============
-- TEST-AID-E: s8 a junior boarder, both grants filled in, approved; then
-- reopened, the boarding grant removed, the waiver's amount changed, a
-- 滋蕙 grant added and s8's grade corrected.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('aid_e', 420325100), fx_student('s8', 'aid_e'), fx_year('ye', 'aid_e') \gset
UPDATE eduaid.student_year SET stage = 'junior', grade = 7, boarding = true
 WHERE household_year_id = fx('ye') AND student_id = fx('s8');
SELECT count(*) FROM eduaid.grant_record_standard(fx('ye')) \gset
SELECT eduaid.submit('household_year', fx('ye')) \gset
SELECT is_empty($$SELECT * FROM eduaid.last_approved_members('household_year', fx('ye'))$$,
    'a record never approved has no member diff');
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household_year', fx('ye')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household_year', fx('ye')) \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT eduaid.reopen('household_year', fx('ye'), '更正年级和资助') \gset
SELECT is_empty($$SELECT * FROM eduaid.last_approved_members('household_year', fx('ye'))$$,
    'reopened and not yet changed: nothing differs from the approval');
SELECT eduaid.delete_member('student_subsidy', fx('ye'),
    (SELECT id FROM eduaid.student_subsidy WHERE household_year_id = fx('ye')
        AND program = 'boarding_subsidy')) \gset
UPDATE eduaid.student_subsidy SET amount = 100
 WHERE household_year_id = fx('ye') AND program = 'compulsory_waiver';
INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id, program, amount)
VALUES (420325100, fx('ye'), fx('s8'), 'zihui', 1500);
UPDATE eduaid.student_year SET grade = 8 WHERE household_year_id = fx('ye');
SELECT eduaid.submit('household_year', fx('ye')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq(
    $$SELECT table_name, change, student_id, program, fields,
             approved ->> 'amount', now ->> 'amount'
        FROM eduaid.last_approved_members('household_year', fx('ye'))$$,
    $$VALUES ('student_year', 'changed', fx('s8'), NULL, '{grade}'::text[], NULL, NULL),
             ('student_subsidy', 'removed', fx('s8'), 'boarding_subsidy', '{}', '1250', NULL),
             ('student_subsidy', 'changed', fx('s8'), 'compulsory_waiver', '{amount}', '0', '100'),
             ('student_subsidy', 'added', fx('s8'), 'zihui', '{}', NULL, '1500')$$,
    'demo_officer sees what changed since the approval: the grade, a grant removed, an amount changed, a grant added');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT count(*)::int FROM eduaid.last_approved_members('household_year', fx('ye'))), 4,
    'so does the supervisor');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is_empty($$SELECT * FROM eduaid.last_approved_members('household_year', fx('ye'))$$,
    'another township''s clerk sees nothing of it');
SELECT throws_ok($$SELECT * FROM eduaid.last_approved_members('nonsense', 1)$$, 'EA010', NULL,
    'an unknown kind is refused (EA010)');

SELECT * FROM finish();
ROLLBACK;
