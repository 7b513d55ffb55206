-- tests/db/21_record_facts.sql: the facts a record depends on that live in
-- another row (the teacher behind a fund application, the home teacher of
-- a special-education plan) are copied into the record by the server, so
-- reviewers approve what they saw (issue 9, item 6; sql/021_record_facts.sql).
--
-- The story: the two attacks of the issue, as written -- demo_officer
-- changes the teacher behind a submitted application and then tries to
-- verify it; demo_clerk renames and re-identifies the home teacher of an
-- approved plan -- then what submitting copies, what a change of the
-- register does to a record under review (submitted: the clerk's change is
-- not refused; verified: the supervisor sees it, masked; the changer is an
-- editor), what it does not do (drafts, approved records), reopening, and
-- that nobody writes the copies.
--
-- People: demo_clerk (clerk of 城关镇 420325100), demo_officer and
-- officer_100 (officers of 城关镇), demo_supervisor, demo_admin,
-- demo_auditor. Cost: well under a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(45);

-- Two schools of 城关镇 to move teachers between.
SELECT fx_set('school_a', (SELECT min(s.id) FROM eduaid.school s
                            WHERE s.township_id = 420325100 AND s.kind = 'primary')),
       fx_set('school_b', (SELECT min(s.id) FROM eduaid.school s
                            WHERE s.township_id = 420325100 AND s.kind = 'junior')) \gset

-- ==== attack 1: the officer changes the teacher, then verifies ============
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_teacher('t_a', 420325100), fx_fund('f_a', 't_a') \gset
UPDATE eduaid.teacher SET title = '二级教师' WHERE id = fx('t_a');
SELECT is(eduaid.submit('teacher_fund', fx('f_a')), 2, 'demo_clerk submits f_a: version 2');
SELECT results_eq(
    $$SELECT teacher_name, teacher_id_number, teacher_school_id::bigint, teacher_title,
             teacher_rural_years
        FROM eduaid.teacher_fund_application WHERE id = fx('f_a')$$,
    $$SELECT name, id_number, school_id::bigint, title, rural_years
        FROM eduaid.teacher WHERE id = fx('t_a')$$,
    'submitting copies the teacher''s name, ID number, school, title and years into the application');

SET SESSION AUTHORIZATION demo_officer;
SELECT lives_ok(
    $$UPDATE eduaid.teacher SET rural_years = 25, title = '一级教师', school_id = fx('school_b')::int
       WHERE id = fx('t_a')$$,
    'demo_officer changes the years, title and school of the teacher behind f_a');
SELECT throws_ok($$SELECT eduaid.verify('teacher_fund', fx('f_a'))$$, 'EA002', NULL,
    'then verifying f_a is refused by four-eyes (EA002): he edited it');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT status, version, 'demo_officer' = ANY (editors), updated_by,
             teacher_rural_years, teacher_title, teacher_school_id::bigint
        FROM eduaid.teacher_fund_application WHERE id = fx('f_a')$$,
    $$VALUES ('submitted', 3, true, 'demo_officer', 25, '一级教师', fx('school_b'))$$,
    'f_a is still submitted, at version 3, demo_officer among its editors, the new facts in it');
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT actor, action, changes
        FROM eduaid.record_history('teacher_fund', fx('f_a')) ORDER BY at DESC LIMIT 1$$,
    $$VALUES ('demo_officer', 'update',
              jsonb_build_object('teacher_rural_years', jsonb_build_array(10, 25),
                                 'teacher_title', jsonb_build_array('二级教师', '一级教师'),
                                 'teacher_school_id', jsonb_build_array(fx('school_a'), fx('school_b'))))$$,
    'f_a''s history shows the change, by demo_officer, field by field');
SET SESSION AUTHORIZATION officer_100;
SELECT is(eduaid.verify('teacher_fund', fx('f_a'), 3), 4,
    'officer_100, who changed nothing, verifies f_a at the version he read');
RESET SESSION AUTHORIZATION;

-- ==== attack 2: the clerk re-identifies the home teacher of an approved plan
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_b', 420325100), fx_special_ed('se_b', 'hh_b'),
       fx_teacher('t_b', 420325100) \gset
UPDATE eduaid.special_ed_plan
   SET placement = 'home_delivery', home_teacher_id = fx('t_b'), visits_per_month = 2
 WHERE id = fx('se_b');
SELECT is(eduaid.submit('special_ed', fx('se_b')), 3, 'demo_clerk submits the home-delivery plan se_b');
SET SESSION AUTHORIZATION demo_officer;
SELECT is(eduaid.verify('special_ed', fx('se_b')), 4, 'demo_officer verifies it');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(eduaid.approve('special_ed', fx('se_b')), 5, 'demo_supervisor approves it');
RESET SESSION AUTHORIZATION;
SELECT set_config('eduaid_test.t_b_old',
    (SELECT id_number FROM eduaid.teacher WHERE id = fx('t_b')), false) \gset
SELECT results_eq(
    $$SELECT home_teacher_name, home_teacher_id_number FROM eduaid.special_ed_plan
       WHERE id = fx('se_b')$$,
    $$VALUES ('测试教师', current_setting('eduaid_test.t_b_old'))$$,
    'the approved plan holds the home teacher''s name and ID number it was approved with');

SET SESSION AUTHORIZATION demo_clerk;
SELECT lives_ok(
    $$UPDATE eduaid.teacher SET name = '冒名教师', id_number = fx_idno('65900119880808091'),
                                birth_date = '1988-08-08'
       WHERE id = fx('t_b')$$,
    'demo_clerk renames and re-identifies the home teacher (the register stays editable)');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT status, version, home_teacher_name, home_teacher_id_number, editors
        FROM eduaid.special_ed_plan WHERE id = fx('se_b')$$,
    $$VALUES ('approved', 5, '测试教师', current_setting('eduaid_test.t_b_old'), '{demo_clerk}'::text[])$$,
    'the approved plan is untouched: same version, same copied name and ID number, same editors');
SELECT results_eq(
    $$SELECT name, id_number FROM eduaid.teacher WHERE id = fx('t_b')$$,
    $$VALUES ('冒名教师', fx_idno('65900119880808091'))$$,
    'the teacher row itself did change');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE kind = 'special_ed' AND record_id = fx('se_b') AND action = 'update'
              AND id > (SELECT max(a.id) FROM eduaid.audit_log a
                         WHERE a.kind = 'special_ed' AND a.record_id = fx('se_b')
                           AND a.action = 'approve')),
    0, 'and the plan''s history has no entry for it');

-- Reopening and submitting again takes a fresh copy.
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(eduaid.reopen('special_ed', fx('se_b'), '送教教师变更'), 6, 'demo_clerk reopens se_b');
SELECT is(eduaid.submit('special_ed', fx('se_b')), 7, 'and submits it again');
SELECT results_eq(
    $$SELECT home_teacher_name, home_teacher_id_number FROM eduaid.special_ed_plan
       WHERE id = fx('se_b')$$,
    $$VALUES ('冒名教师', fx_idno('65900119880808091'))$$,
    'the resubmitted plan carries the teacher as the register has him now');
RESET SESSION AUTHORIZATION;

-- ==== drafts and the clerk's change under review ===========================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_teacher('t_c', 420325100), fx_fund('f_c', 't_c') \gset
SELECT is(fx_rowcount($$UPDATE eduaid.teacher SET rural_years = 11 WHERE id = fx('t_c')$$), 1,
    'demo_clerk changes the teacher of a draft application');
SELECT is((SELECT version FROM eduaid.teacher_fund_application WHERE id = fx('f_c')), 1,
    'a draft is not under review: its version does not move');
SELECT is(eduaid.submit('teacher_fund', fx('f_c')), 2, 'demo_clerk submits f_c');
SELECT is((SELECT teacher_rural_years FROM eduaid.teacher_fund_application WHERE id = fx('f_c')), 11,
    'the submit copied the register as it is at submission');
SELECT lives_ok($$UPDATE eduaid.teacher SET rural_years = 12 WHERE id = fx('t_c')$$,
    'demo_clerk changes the teacher of his submitted application: not refused, though clerks do not edit submitted records');
SELECT throws_ok($$UPDATE eduaid.teacher_fund_application SET months = 6 WHERE id = fx('f_c')$$,
    'EA004', NULL, 'while editing the submitted application himself still is (EA004)');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT status, version, editors, updated_by, teacher_rural_years
        FROM eduaid.teacher_fund_application WHERE id = fx('f_c')$$,
    $$VALUES ('submitted', 3, '{demo_clerk}'::text[], 'demo_clerk', 12)$$,
    'the server refreshed f_c on his behalf: version 3, editor and updater demo_clerk (session_user, not the owner)');
SET SESSION AUTHORIZATION demo_officer;
SELECT lives_ok($$UPDATE eduaid.teacher SET phone = '13800001111' WHERE id = fx('t_c')$$,
    'demo_officer changes the teacher''s phone, a fact no record copies');
SELECT is((SELECT version FROM eduaid.teacher_fund_application WHERE id = fx('f_c')), 3,
    'f_c does not move for it');
SELECT is(eduaid.verify('teacher_fund', fx('f_c'), 3), 4, 'and demo_officer may still verify f_c');
RESET SESSION AUTHORIZATION;

-- ==== a change while verified: the supervisor sees it, masked ==============
SET SESSION AUTHORIZATION officer_100;
SELECT lives_ok(
    $$UPDATE eduaid.teacher SET name = '改名教师', id_number = fx_idno('65900119850505041'),
                                birth_date = '1985-05-05'
       WHERE id = fx('t_c')$$,
    'officer_100 re-identifies the teacher of the verified application f_c');
SELECT throws_ok($$SELECT eduaid.approve('teacher_fund', fx('f_c'))$$, 'EA004', NULL,
    'the changer cannot approve it');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq(
    $$SELECT status, version, 'officer_100' = ANY (editors), teacher_name, teacher_id_number_masked
        FROM eduaid.teacher_fund_application WHERE id = fx('f_c')$$,
    $$VALUES ('verified', 5, true, '改名教师', '659001********' || right(fx_idno('65900119850505041'), 4))$$,
    'demo_supervisor sees f_c changed while verified: version 5, officer_100 an editor, the new name and masked number');
SELECT throws_ok(
    $$SELECT teacher_id_number FROM eduaid.teacher_fund_application WHERE id = fx('f_c')$$,
    '42501', NULL, 'demo_supervisor cannot read the copied ID number in full');
SELECT results_eq(
    $$SELECT actor, changes -> 'teacher_id_number' -> 1, changes ? 'teacher_name'
        FROM eduaid.record_history('teacher_fund', fx('f_c')) ORDER BY at DESC LIMIT 1$$,
    $$VALUES ('officer_100', to_jsonb('659001********' || right(fx_idno('65900119850505041'), 4)), true)$$,
    'f_c''s history shows demo_supervisor the change by officer_100, the ID number masked');
SELECT throws_ok($$SELECT eduaid.approve('teacher_fund', fx('f_c'), 4)$$, 'EA007', NULL,
    'approving at the version verified (4) is refused: it changed since (EA007)');
SELECT is(eduaid.approve('teacher_fund', fx('f_c'), 5), 6,
    'demo_supervisor approves what he now sees, version 5');
SET SESSION AUTHORIZATION demo_clerk;
UPDATE eduaid.teacher SET title = '高级教师', rural_years = 30 WHERE id = fx('t_c');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT status, version, teacher_name, teacher_title, teacher_rural_years
        FROM eduaid.teacher_fund_application WHERE id = fx('f_c')$$,
    $$VALUES ('approved', 6, '改名教师', NULL::text, 12)$$,
    'a later change of the teacher leaves the approved f_c as it was approved');
-- The public notice publishes what was approved, not the register of today.
SET SESSION AUTHORIZATION demo_clerk;
UPDATE eduaid.teacher SET name = '第三个名字', id_number = fx_idno('65900119830303031'),
                          birth_date = '1983-03-03'
 WHERE id = fx('t_c');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT fx_set('notice_c', eduaid.open_notice('teacher_fund',
    (SELECT p.id FROM eduaid.fund_program p WHERE p.code = 'ligeng'), 2026)) \gset
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT name, masked_id FROM eduaid.notice_item
       WHERE notice_id = fx('notice_c') AND kind = 'teacher_fund' AND record_id = fx('f_c')$$,
    $$VALUES ('改名教师', '659001********' || right(fx_idno('65900119850505041'), 4))$$,
    'the public notice names the teacher of f_c as approved, not as renamed since');

-- ==== nobody writes the copies =============================================
SELECT is_empty(
    $$SELECT r.rolname, c.col, p.priv
        FROM pg_roles r,
             (VALUES ('teacher_fund_application', 'teacher_name'),
                     ('teacher_fund_application', 'teacher_id_number'),
                     ('teacher_fund_application', 'teacher_school_id'),
                     ('teacher_fund_application', 'teacher_title'),
                     ('teacher_fund_application', 'teacher_rural_years'),
                     ('special_ed_plan', 'home_teacher_name'),
                     ('special_ed_plan', 'home_teacher_id_number')) AS c(tbl, col),
             (VALUES ('INSERT'), ('UPDATE')) AS p(priv)
       WHERE (r.rolname LIKE 'eduaid\_%' AND r.rolname NOT IN ('eduaid_owner', 'eduaid_audit_owner')
              OR r.rolname LIKE 'demo\_%')
         AND has_column_privilege(r.oid, ('eduaid.' || c.tbl)::regclass, c.col, p.priv)$$,
    'no eduaid role and no demo login may INSERT or UPDATE a copied column');
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_teacher('t_d', 420325100), fx_fund('f_d', 't_d') \gset
SELECT throws_ok(
    $$UPDATE eduaid.teacher_fund_application SET teacher_rural_years = 60 WHERE id = fx('f_d')$$,
    '42501', NULL, 'demo_clerk cannot write a copied column of his draft');
SELECT throws_ok(
    $$INSERT INTO eduaid.special_ed_plan (township_id, household_id, child_name, child_id_number,
          child_sex, child_birth_date, disability_type, disability_grade, placement, school_id,
          placed_on, home_teacher_name)
      VALUES (420325100, fx('hh_b'), '儿童', fx_new_idno('2016-03-03', 'F'), 'F', '2016-03-03',
              'hearing', 2, 'regular_class', fx('school_a'), '2025-09-01', '假教师')$$,
    '42501', NULL, 'nor put one into a new plan');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok(
    $$UPDATE eduaid.special_ed_plan SET home_teacher_id_number = NULL WHERE id = fx('se_b')$$,
    '42501', NULL, 'demo_officer cannot write a copied column');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok(
    $$UPDATE eduaid.teacher_fund_application SET teacher_title = '特级教师' WHERE id = fx('f_a')$$,
    '42501', NULL, 'demo_supervisor cannot write a copied column');
RESET SESSION AUTHORIZATION;
-- Even a trusted writer (the owner's functions) cannot put its own value
-- there: the trigger takes the copy from the register.
SET ROLE eduaid_owner;
UPDATE eduaid.teacher_fund_application SET teacher_title = '特级教师' WHERE id = fx('f_d');
RESET ROLE;
SELECT is((SELECT teacher_title FROM eduaid.teacher_fund_application WHERE id = fx('f_d')),
          NULL::text,
    'a value written into the copy by the owner is replaced by the register''s (no title)');

-- ==== personal columns ====================================================
SELECT ok(eduaid.is_personal_column('teacher_id_number')
          AND eduaid.is_personal_column('home_teacher_id_number'),
    'the copied ID numbers are personal columns (masked twins, audit masking, grants)');
SELECT is_empty(
    $$SELECT c.col FROM (VALUES ('teacher_fund_application', 'teacher_id_number'),
                                ('special_ed_plan', 'home_teacher_id_number')) AS c(tbl, col)
       WHERE has_column_privilege('eduaid_supervisor', ('eduaid.' || c.tbl)::regclass, c.col, 'SELECT')
          OR NOT has_column_privilege('eduaid_supervisor', ('eduaid.' || c.tbl)::regclass,
                                      c.col || '_masked', 'SELECT')
          OR NOT has_column_privilege('eduaid_auditor', ('eduaid.' || c.tbl)::regclass, c.col, 'SELECT')
          OR NOT has_column_privilege('eduaid_clerk', ('eduaid.' || c.tbl)::regclass, c.col, 'SELECT')$$,
    'supervisors read only the masked twins of the copied ID numbers; clerks and auditors read them');

SELECT * FROM finish();
ROLLBACK;
