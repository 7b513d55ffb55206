-- tests/db/02_rls.sql: township isolation, as each demo role, with real
-- queries: who sees, inserts, updates and deletes which rows of the seven
-- township-scoped tables.
--
-- Fixtures (all drafts): demo_clerk makes one row of every table in 城关镇
-- (420325100, keys *_cg) and a household in 军店镇 (420325101, hh_jd);
-- demo_clerk2 makes one row of every table in 土城镇 (420325103, *_tc);
-- the superuser adds a second county (429021 神农架林区) with a household
-- (hh_other) that nobody of 房县 may see.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(72);

-- ---- fixtures --------------------------------------------------------------
INSERT INTO eduaid.county (id, name) VALUES (429021, '神农架林区');
INSERT INTO eduaid.township (id, county_id, name) VALUES (429021100, 429021, '松柏镇');
INSERT INTO eduaid.village (id, township_id, name) VALUES (429021100001, 429021100, '松柏村');
SELECT fx_household('hh_other', 429021100) \gset

SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_cg', 420325100), fx_household('hh_jd', 420325101),
       fx_student('st_cg', 'hh_cg'), fx_subsidy('sub_cg', 'st_cg'),
       fx_teacher('t_cg', 420325100), fx_fund('f_cg', 't_cg'),
       fx_training('tr_cg', 'hh_cg'), fx_special_ed('se_cg', 'hh_cg') \gset
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('hh_tc', 420325103),
       fx_student('st_tc', 'hh_tc'), fx_subsidy('sub_tc', 'st_tc'),
       fx_teacher('t_tc', 420325103), fx_fund('f_tc', 't_tc'),
       fx_training('tr_tc', 'hh_tc'), fx_special_ed('se_tc', 'hh_tc') \gset
RESET SESSION AUTHORIZATION;

-- Every row of the seven tables, read with the privileges and policies of
-- whoever queries (security_invoker), and the fixtures by name.
CREATE VIEW public.fx_all_rows WITH (security_invoker = true) AS
          SELECT 'household' AS tbl, township_id, id FROM eduaid.household
UNION ALL SELECT 'student', township_id, id FROM eduaid.student
UNION ALL SELECT 'student_subsidy', township_id, id FROM eduaid.student_subsidy
UNION ALL SELECT 'teacher', township_id, id FROM eduaid.teacher
UNION ALL SELECT 'teacher_fund_application', township_id, id FROM eduaid.teacher_fund_application
UNION ALL SELECT 'training_enrollment', township_id, id FROM eduaid.training_enrollment
UNION ALL SELECT 'special_ed_plan', township_id, id FROM eduaid.special_ed_plan;
CREATE TABLE public.fx_key (tbl text, key text);
INSERT INTO public.fx_key VALUES
    ('household', 'hh_cg'), ('household', 'hh_jd'), ('household', 'hh_tc'),
    ('household', 'hh_other'),
    ('student', 'st_cg'), ('student', 'st_tc'),
    ('student_subsidy', 'sub_cg'), ('student_subsidy', 'sub_tc'),
    ('teacher', 't_cg'), ('teacher', 't_tc'),
    ('teacher_fund_application', 'f_cg'), ('teacher_fund_application', 'f_tc'),
    ('training_enrollment', 'tr_cg'), ('training_enrollment', 'tr_tc'),
    ('special_ed_plan', 'se_cg'), ('special_ed_plan', 'se_tc');
CREATE VIEW public.fx_seen WITH (security_invoker = true) AS
SELECT k.key FROM public.fx_key k
  JOIN public.fx_all_rows r ON r.tbl = k.tbl AND r.id = public.fx(k.key);
GRANT SELECT ON public.fx_all_rows, public.fx_key, public.fx_seen TO PUBLIC;

SELECT is((SELECT count(*)::int FROM public.fx_seen), 16,
    'the superuser sees all 16 fixtures (they were all made)');

-- ---- my_townships(), per role ----------------------------------------------
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(eduaid.my_townships(), '{420325100,420325101}'::int[],
    'demo_clerk works in 城关镇 and 军店镇');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is(eduaid.my_townships(), '{420325103}'::int[], 'demo_clerk2 works in 土城镇');
SET SESSION AUTHORIZATION demo_officer;
SELECT is(eduaid.my_townships(), '{420325100}'::int[], 'demo_officer works in 城关镇');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(eduaid.my_townships(),
    (SELECT array_agg(id ORDER BY id) FROM eduaid.township WHERE county_id = 420325),
    'demo_supervisor covers every township of 房县 (and no other county)');
SET SESSION AUTHORIZATION demo_auditor;
SELECT is(eduaid.my_townships(),
    (SELECT array_agg(id ORDER BY id) FROM eduaid.township WHERE county_id = 420325),
    'demo_auditor covers every township of 房县');
SET SESSION AUTHORIZATION demo_admin;
SELECT is(eduaid.my_townships(), NULL::int[], 'demo_admin has no township scope');
RESET SESSION AUTHORIZATION;

-- ---- SELECT ----------------------------------------------------------------
SET SESSION AUTHORIZATION demo_clerk2;
SELECT results_eq($$SELECT key FROM public.fx_seen ORDER BY 1$$,
    $$VALUES ('f_tc'), ('hh_tc'), ('se_tc'), ('st_tc'), ('sub_tc'), ('t_tc'), ('tr_tc')$$,
    'demo_clerk2 sees his 土城镇 fixtures in all seven tables and none of 城关镇''s');
SELECT is_empty($$SELECT tbl, township_id FROM public.fx_all_rows WHERE township_id <> 420325103$$,
    'demo_clerk2 sees no row of any township but 土城镇, in any table');
SELECT is((SELECT count(*)::int FROM eduaid.household WHERE township_id = 420325100), 0,
    'demo_clerk2: SELECT ... WHERE township_id = 城关镇 returns nothing');
SELECT is((SELECT count(*)::int FROM eduaid.student WHERE household_id = fx('hh_cg')), 0,
    'demo_clerk2 cannot see the members of a 城关镇 household by its id');

SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq($$SELECT key FROM public.fx_seen ORDER BY 1$$,
    $$VALUES ('f_cg'), ('hh_cg'), ('hh_jd'), ('se_cg'), ('st_cg'), ('sub_cg'), ('t_cg'), ('tr_cg')$$,
    'demo_clerk sees the fixtures of both his townships and none of 土城镇''s');
SELECT is_empty($$SELECT tbl, township_id FROM public.fx_all_rows
                   WHERE township_id NOT IN (420325100, 420325101)$$,
    'demo_clerk sees no row outside 城关镇 and 军店镇');

SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq($$SELECT key FROM public.fx_seen ORDER BY 1$$,
    $$VALUES ('f_cg'), ('hh_cg'), ('se_cg'), ('st_cg'), ('sub_cg'), ('t_cg'), ('tr_cg')$$,
    'demo_officer sees 城关镇 only (not 军店镇, not 土城镇)');
SELECT is_empty($$SELECT tbl, township_id FROM public.fx_all_rows WHERE township_id <> 420325100$$,
    'demo_officer sees no row outside 城关镇');

SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq($$SELECT key FROM public.fx_seen ORDER BY 1$$,
    $$VALUES ('f_cg'), ('f_tc'), ('hh_cg'), ('hh_jd'), ('hh_tc'), ('se_cg'), ('se_tc'),
             ('st_cg'), ('st_tc'), ('sub_cg'), ('sub_tc'), ('t_cg'), ('t_tc'), ('tr_cg'), ('tr_tc')$$,
    'demo_supervisor reads every township of the county (but not the other county)');
SELECT is_empty($$SELECT tbl, township_id FROM public.fx_all_rows
                   WHERE township_id / 1000 <> 420325$$,
    'demo_supervisor sees no row of another county');
SELECT matches((SELECT head_id_number_masked FROM eduaid.household WHERE id = fx('hh_tc')),
    '^659001\*{8}[0-9]{3}[0-9X]$', 'demo_supervisor reads the masked head ID number (659001********NNNN)');
SELECT throws_ok($$SELECT head_id_number FROM eduaid.household WHERE id = fx('hh_tc')$$,
    '42501', 'permission denied for table household',
    'demo_supervisor cannot read a full head ID number');
SELECT throws_ok($$SELECT bank_account FROM eduaid.teacher_fund_application WHERE id = fx('f_tc')$$,
    '42501', 'permission denied for table teacher_fund_application',
    'demo_supervisor cannot read a full bank account');

SET SESSION AUTHORIZATION demo_supervisor2;
SELECT is((SELECT count(*)::int FROM public.fx_seen), 15,
    'demo_supervisor2 reads the same 15 county fixtures');

SET SESSION AUTHORIZATION demo_auditor;
SELECT results_eq($$SELECT key FROM public.fx_seen ORDER BY 1$$,
    $$VALUES ('f_cg'), ('f_tc'), ('hh_cg'), ('hh_jd'), ('hh_tc'), ('se_cg'), ('se_tc'),
             ('st_cg'), ('st_tc'), ('sub_cg'), ('sub_tc'), ('t_cg'), ('t_tc'), ('tr_cg'), ('tr_tc')$$,
    'demo_auditor reads every township of the county');
SELECT matches((SELECT head_id_number FROM eduaid.household WHERE id = fx('hh_cg')),
    '^659001[0-9]{11}[0-9X]$', 'demo_auditor reads full ID numbers');

-- The admin manages users and reference data and reads no records.
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT count(*) FROM eduaid.household$$, '42501',
    'permission denied for table household', 'demo_admin cannot read household');
SELECT throws_ok($$SELECT count(*) FROM eduaid.student$$, '42501',
    'permission denied for table student', 'demo_admin cannot read student');
SELECT throws_ok($$SELECT count(*) FROM eduaid.student_subsidy$$, '42501',
    'permission denied for table student_subsidy', 'demo_admin cannot read student_subsidy');
SELECT throws_ok($$SELECT count(*) FROM eduaid.teacher$$, '42501',
    'permission denied for table teacher', 'demo_admin cannot read teacher');
SELECT throws_ok($$SELECT count(*) FROM eduaid.teacher_fund_application$$, '42501',
    'permission denied for table teacher_fund_application',
    'demo_admin cannot read teacher_fund_application');
SELECT throws_ok($$SELECT count(*) FROM eduaid.training_enrollment$$, '42501',
    'permission denied for table training_enrollment', 'demo_admin cannot read training_enrollment');
SELECT throws_ok($$SELECT count(*) FROM eduaid.special_ed_plan$$, '42501',
    'permission denied for table special_ed_plan', 'demo_admin cannot read special_ed_plan');
SELECT throws_ok($$SELECT count(*) FROM eduaid.audit_log$$, '42501',
    'permission denied for table audit_log', 'demo_admin cannot read the audit log');
SELECT isnt_empty($$SELECT id FROM eduaid.township WHERE county_id = 420325$$,
    'demo_admin reads townships');
SELECT isnt_empty($$SELECT id FROM eduaid.village$$, 'demo_admin reads villages');
SELECT isnt_empty($$SELECT id FROM eduaid.school$$, 'demo_admin reads schools');
SELECT isnt_empty($$SELECT id FROM eduaid.training_course$$, 'demo_admin reads the course catalogue');
SELECT isnt_empty($$SELECT id FROM eduaid.fund_program$$, 'demo_admin reads the fund programs');
SELECT results_eq(
    $$SELECT role FROM eduaid.app_user WHERE login IN ('demo_clerk', 'demo_supervisor') ORDER BY login$$,
    $$VALUES ('clerk'), ('supervisor')$$, 'demo_admin reads app_user');
SELECT isnt_empty($$SELECT 1 FROM eduaid.app_user_township WHERE login = 'demo_clerk2'$$,
    'demo_admin reads app_user_township');

-- ---- user-defined predicates run only on rows RLS lets through -----------
RESET SESSION AUTHORIZATION;
CREATE TABLE public.fx_peeked (township_id int, idno text);
GRANT INSERT ON public.fx_peeked TO PUBLIC;
CREATE FUNCTION public.fx_peek(t int, idno text) RETURNS boolean
LANGUAGE plpgsql VOLATILE COST 0.0001 AS $$
BEGIN
    INSERT INTO public.fx_peeked VALUES (t, idno);
    RETURN true;
END
$$;
SET SESSION AUTHORIZATION demo_clerk2;
SELECT count(*) FROM eduaid.household WHERE public.fx_peek(township_id, head_id_number) \gset
SELECT count(*) FROM eduaid.student WHERE public.fx_peek(township_id, id_number) \gset
RESET SESSION AUTHORIZATION;
SELECT is_empty($$SELECT * FROM public.fx_peeked WHERE township_id <> 420325103$$,
    'a cheap non-leakproof function in demo_clerk2''s WHERE never sees another township''s ID numbers');

-- ---- INSERT ----------------------------------------------------------------
SET SESSION AUTHORIZATION demo_clerk2;
SELECT throws_ok($$SELECT fx_household('hh_x1', 420325100)$$, '42501',
    'new row violates row-level security policy for table "household"',
    'demo_clerk2 cannot INSERT a household into 城关镇');
SELECT throws_ok(
    $$INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
      VALUES (420325100, fx('hh_cg'), '越权', fx_new_idno('2016-05-05', 'F'), 'F', '2016-05-05')$$,
    '42501', 'new row violates row-level security policy for table "student"',
    'demo_clerk2 cannot INSERT a member into a 城关镇 household');
SELECT throws_ok($$SELECT fx_teacher('t_x1', 420325100)$$, '42501',
    'new row violates row-level security policy for table "teacher"',
    'demo_clerk2 cannot INSERT a teacher into 城关镇');
SELECT throws_ok($$SELECT fx_household('hh_x2', 429021100)$$, '42501',
    'new row violates row-level security policy for table "household"',
    'demo_clerk2 cannot INSERT into another county');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT fx_household('hh_x3', 420325101)$$, '42501',
    'new row violates row-level security policy for table "household"',
    'demo_officer (城关镇) cannot INSERT into 军店镇');
SELECT lives_ok($$SELECT fx_household('hh_off', 420325100)$$,
    'demo_officer can INSERT into his own township');
SET SESSION AUTHORIZATION demo_clerk;
SELECT lives_ok($$SELECT fx_household('hh_jd2', 420325101)$$,
    'demo_clerk can INSERT into his second township');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT fx_household('hh_x4', 420325100)$$, '42501',
    'permission denied for table household', 'demo_supervisor cannot INSERT records');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$SELECT fx_household('hh_x5', 420325100)$$, '42501',
    'permission denied for table household', 'demo_auditor cannot INSERT records');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT fx_household('hh_x6', 420325100)$$, '42501',
    'permission denied for table household', 'demo_admin cannot INSERT records');

-- ---- UPDATE and DELETE of rows one cannot see ------------------------------
RESET SESSION AUTHORIZATION;
SELECT fx_set('hh_cg_version', version) FROM eduaid.household WHERE id = fx('hh_cg') \gset
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is(fx_rowcount($$UPDATE eduaid.household SET head_name = '篡改' WHERE id = fx('hh_cg')$$), 0,
    'demo_clerk2: UPDATE of a 城关镇 household affects 0 rows');
SELECT is(fx_rowcount($$UPDATE eduaid.household SET head_name = '篡改' WHERE township_id = 420325100$$), 0,
    'demo_clerk2: UPDATE ... WHERE township_id = 城关镇 affects 0 rows');
SELECT is(fx_rowcount($$UPDATE eduaid.student SET name = '篡改' WHERE id = fx('st_cg')$$), 0,
    'demo_clerk2: UPDATE of a 城关镇 member affects 0 rows');
SELECT is(fx_rowcount($$UPDATE eduaid.teacher_fund_application SET amount_requested = 9999
                         WHERE id = fx('f_cg')$$), 0,
    'demo_clerk2: UPDATE of a 城关镇 fund application affects 0 rows');
SELECT is(fx_rowcount($$UPDATE eduaid.teacher SET name = '篡改' WHERE id = fx('t_cg')$$), 0,
    'demo_clerk2: UPDATE of a 城关镇 teacher affects 0 rows');
-- (deletes go through eduaid.delete_draft/delete_member since 020_locks.sql)
SELECT throws_ok($$SELECT eduaid.delete_draft('household', fx('hh_cg'), fx('hh_cg_version')::int)$$,
    'EA080', NULL, 'demo_clerk2: deleting a 城关镇 household is EA080 (not found in his townships)');
SELECT is(eduaid.delete_member('student', fx('hh_cg'), fx('st_cg')), false,
    'demo_clerk2: deleting a 城关镇 member finds nothing');
SELECT throws_ok($$SELECT eduaid.delete_draft('special_ed', fx('se_cg'), 1)$$, 'EA080', NULL,
    'demo_clerk2: deleting a 城关镇 special-ed plan is EA080');
SET SESSION AUTHORIZATION demo_officer;
SELECT is(fx_rowcount($$UPDATE eduaid.household SET head_name = '篡改' WHERE id = fx('hh_jd')$$), 0,
    'demo_officer: UPDATE of a 军店镇 household affects 0 rows');
SELECT throws_ok($$SELECT eduaid.delete_draft('household', fx('hh_jd'), 1)$$, 'EA080', NULL,
    'demo_officer: deleting a 军店镇 household is EA080');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT head_name, version FROM eduaid.household WHERE id = fx('hh_cg')$$,
    $$VALUES ('测试户主', fx('hh_cg_version')::int)$$,
    'the 城关镇 household is unchanged afterwards (name and version), checked as superuser');
SELECT results_eq(
    $$SELECT (SELECT name FROM eduaid.student WHERE id = fx('st_cg')),
             (SELECT name FROM eduaid.teacher WHERE id = fx('t_cg')),
             (SELECT amount_requested FROM eduaid.teacher_fund_application WHERE id = fx('f_cg')),
             (SELECT count(*)::int FROM eduaid.special_ed_plan WHERE id = fx('se_cg')),
             (SELECT count(*)::int FROM eduaid.household WHERE id = fx('hh_jd'))$$,
    $$VALUES ('测试学生', '测试教师', 5000::numeric, 1, 1)$$,
    'the member, teacher, fund application, plan and 军店镇 household are unchanged and still there');

-- ---- the roles that may not write at all -----------------------------------
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$UPDATE eduaid.household SET head_name = 'x' WHERE id = fx('hh_cg')$$, '42501',
    'permission denied for table household', 'demo_auditor cannot UPDATE records');
SELECT throws_ok($$DELETE FROM eduaid.household WHERE id = fx('hh_cg')$$, '42501',
    'permission denied for table household', 'demo_auditor cannot DELETE records');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$DELETE FROM eduaid.household WHERE id = fx('hh_cg')$$, '42501',
    'permission denied for table household', 'demo_supervisor cannot DELETE records');
SELECT throws_ok($$DELETE FROM eduaid.student WHERE id = fx('st_cg')$$, '42501',
    'permission denied for table student', 'demo_supervisor cannot DELETE members');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$UPDATE eduaid.household SET head_name = 'x' WHERE id = fx('hh_cg')$$, '42501',
    'permission denied for table household', 'demo_admin cannot UPDATE records');

-- ---- moving a row to another township -------------------------------------
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$UPDATE eduaid.household SET township_id = 420325101 WHERE id = fx('hh_cg')$$,
    '42501', 'permission denied for table household',
    'demo_clerk cannot move a household to his other township');
SELECT throws_ok($$UPDATE eduaid.student SET township_id = 420325101 WHERE id = fx('st_cg')$$,
    '42501', 'permission denied for table student',
    'demo_clerk cannot move a member to another township');
SELECT throws_ok($$UPDATE eduaid.teacher SET township_id = 420325101 WHERE id = fx('t_cg')$$,
    '42501', 'permission denied for table teacher',
    'demo_clerk cannot move a teacher to another township');
SELECT throws_ok($$UPDATE eduaid.student SET household_id = fx('hh_jd') WHERE id = fx('st_cg')$$,
    '42501', 'permission denied for table student',
    'demo_clerk cannot move a member to another household');
RESET SESSION AUTHORIZATION;
SELECT throws_ok($$UPDATE eduaid.household SET township_id = 420325101 WHERE id = fx('hh_cg')$$,
    'EA006', NULL,
    'even the superuser cannot change a row''s township (bookkeeping trigger backstop, EA006)');
SELECT is((SELECT township_id FROM eduaid.household WHERE id = fx('hh_cg')), 420325100,
    'the household is still in 城关镇');

SELECT * FROM finish();
ROLLBACK;
