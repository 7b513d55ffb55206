-- tests/db/17_registry.sql: one person, one household, one township, county
-- wide (sql/017_registry.sql). 张晓梅 (demo_clerk, 城关镇 and 军店镇) and
-- 李建国 (demo_clerk2, 土城镇) register people; a person may appear in
-- several rows of their own household, never in two households or two
-- townships, a child never in two active plans; the refusal is EA008 and
-- names the township only; nobody can read the registry. Runs in about a
-- second. The race of two clerks registering the same person at once is
-- tests/db/17_registry_race.t (two real sessions).
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(44);

-- A member, trainee or plan with a given ID number, as the current user.
CREATE FUNCTION public.fx_member(hh_key text, idno text) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date,
                                relation)
    SELECT h.township_id, h.id, '登记测试', idno, eduaid.id_sex(idno), eduaid.id_birth_date(idno),
           'other'
      FROM eduaid.household h WHERE h.id = public.fx(hh_key)
    RETURNING id
$$;
CREATE FUNCTION public.fx_trainee(hh_key text, idno text, batch text DEFAULT '2026-1') RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    INSERT INTO eduaid.training_enrollment (township_id, household_id, trainee_name,
        trainee_id_number, trainee_sex, trainee_birth_date, trainee_type, course_id,
        provider_school_id, batch, start_date)
    SELECT h.township_id, h.id, '登记学员', idno, eduaid.id_sex(idno), eduaid.id_birth_date(idno),
           'poor_labor', (SELECT c.id FROM eduaid.training_course c WHERE c.name = '电子商务'),
           (SELECT s.id FROM eduaid.school s WHERE s.kind = 'vocational' ORDER BY s.id LIMIT 1),
           batch, date '2026-03-01'
      FROM eduaid.household h WHERE h.id = public.fx(hh_key)
    RETURNING id
$$;
CREATE FUNCTION public.fx_plan(hh_key text, idno text) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    INSERT INTO eduaid.special_ed_plan (township_id, household_id, child_name,
        child_id_number, child_sex, child_birth_date, disability_type, disability_grade,
        placement, school_id, placed_on)
    SELECT h.township_id, h.id, '登记儿童', idno, eduaid.id_sex(idno), eduaid.id_birth_date(idno),
           'hearing', 2, 'regular_class',
           (SELECT min(s.id) FROM eduaid.school s
             WHERE s.township_id = h.township_id AND s.kind = 'primary'),
           date '2025-09-01'
      FROM eduaid.household h WHERE h.id = public.fx(hh_key)
    RETURNING id
$$;
CREATE FUNCTION public.fx_idno_of(key text) RETURNS text
LANGUAGE sql STABLE
RETURN current_setting('eduaid_test.idno_' || key);
CREATE FUNCTION public.fx_keep_idno(key text, idno text) RETURNS text
LANGUAGE sql VOLATILE
RETURN set_config('eduaid_test.idno_' || key, idno, false);

-- ==== two townships =========================================================
-- 李建国 registers a 土城镇 household; 张晓梅 cannot see it.
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('rg_tc', 420325103) \gset
SELECT fx_keep_idno('tc_head', (SELECT head_id_number FROM eduaid.household WHERE id = fx('rg_tc'))) \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('rg_cg', 420325100) \gset
SELECT fx_household('rg_cg2', 420325100) \gset
SELECT fx_household('rg_jd', 420325101) \gset
SELECT fx_keep_idno('cg_head', (SELECT head_id_number FROM eduaid.household WHERE id = fx('rg_cg'))) \gset

SELECT results_eq(
    $$SELECT state, detail, tbl, col FROM fx_refusal('SELECT fx_member(''rg_cg'', fx_idno_of(''tc_head''))')$$,
    $$VALUES ('EA008', '土城镇', 'student', 'id_number')$$,
    'a 土城镇 household head is refused as a member of a 城关镇 household: EA008, DETAIL 土城镇, on student.id_number');
SELECT ok((SELECT position('土城镇' IN message) > 0 AND position(fx_idno_of('tc_head') IN message) = 0
                  AND position('TEST-' IN message) = 0 AND position('测试户主' IN message) = 0
             FROM fx_refusal('SELECT fx_member(''rg_cg'', fx_idno_of(''tc_head''))')),
          'the message names 土城镇 and neither the ID number, the household number nor the name');
SELECT results_eq(
    $$SELECT state, detail, tbl, col FROM fx_refusal('SELECT fx_trainee(''rg_cg'', fx_idno_of(''tc_head''))')$$,
    $$VALUES ('EA008', '土城镇', 'training_enrollment', 'trainee_id_number')$$,
    'nor as a trainee of a 城关镇 household');
SELECT results_eq(
    $$SELECT state, detail, tbl, col FROM fx_refusal(
        'UPDATE eduaid.household SET head_id_number = fx_idno_of(''tc_head'') WHERE id = fx(''rg_cg2'')')$$,
    $$VALUES ('EA008', '土城镇', 'household', 'head_id_number')$$,
    'nor as the new head of a 城关镇 household');
SELECT results_eq(
    $$SELECT state, detail, tbl, col FROM fx_refusal(
        'UPDATE eduaid.household SET household_no = (SELECT household_no FROM eduaid.household WHERE id = fx(''rg_cg''))
          WHERE id = fx(''rg_jd'')')$$,
    $$VALUES ('EA008', '城关镇', 'household', 'household_no')$$,
    'a household number belongs to one household (EA008 on household_no)');
SELECT throws_like(
    $$UPDATE eduaid.household SET household_no = (SELECT household_no FROM eduaid.household WHERE id = fx('rg_cg'))
       WHERE id = fx('rg_jd')$$,
    '%household number is already registered in 城关镇%', 'and says so of the household number');

-- A row of a township the clerk cannot write is refused by row-level
-- security first (42501), before the registry is asked: it tells nothing.
SELECT results_eq(
    $$SELECT state FROM fx_refusal(format(
        'INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
         VALUES (420325103, %s, %L, %L, %L, %L)', fx('rg_tc'), '越权', fx_idno_of('cg_head'),
         eduaid.id_sex(fx_idno_of('cg_head')), eduaid.id_birth_date(fx_idno_of('cg_head'))))$$,
    $$VALUES ('42501')$$,
    'a member inserted into 土城镇 by a 城关镇 clerk is refused by RLS (42501), not by the registry');

-- ==== one household, many rows ==============================================
SELECT lives_ok($$SELECT fx_member('rg_cg', fx_idno_of('cg_head'))$$,
    'the head of a household is accepted as a member of the same household');
SELECT lives_ok($$SELECT fx_trainee('rg_cg', fx_idno_of('cg_head'))$$,
    'and as a trainee of the same household');
SELECT fx_keep_idno('cg_member', fx_new_idno('2004-03-01', 'M')) \gset
SELECT fx_set('rg_m', fx_member('rg_cg', fx_idno_of('cg_member'))) \gset
SELECT fx_set('rg_m_train', fx_trainee('rg_cg', fx_idno_of('cg_member'))) \gset
SELECT ok(fx('rg_m_train') > 0, 'a member is accepted as a trainee of the same household');
SELECT results_eq(
    $$SELECT state, detail, col FROM fx_refusal('SELECT fx_trainee(''rg_cg2'', fx_idno_of(''cg_member''), ''2026-2'')')$$,
    $$VALUES ('EA008', '城关镇', 'trainee_id_number')$$,
    'a member as the trainee of another household of the same township is refused (EA008 城关镇)');
SELECT results_eq(
    $$SELECT state, detail FROM fx_refusal('SELECT fx_member(''rg_jd'', fx_idno_of(''cg_member''))')$$,
    $$VALUES ('EA008', '城关镇')$$,
    'a member as a member of a household of another township the clerk also works in is refused');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT results_eq(
    $$SELECT state, detail, tbl, col FROM fx_refusal('SELECT fx_trainee(''rg_tc'', fx_idno_of(''cg_member''))')$$,
    $$VALUES ('EA008', '城关镇', 'training_enrollment', 'trainee_id_number')$$,
    '土城镇: a 城关镇 member as the trainee of a 土城镇 household is refused, naming 城关镇');

-- ==== special-education plans ===============================================
-- The attack: 李建国 files a draft plan under a 城关镇 child's ID number.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_keep_idno('child', fx_new_idno('2015-04-01', 'F')) \gset
SELECT fx_set('rg_child', fx_member('rg_cg', fx_idno_of('child'))) \gset
SET SESSION AUTHORIZATION demo_clerk2;
SELECT results_eq(
    $$SELECT state, detail, tbl, col FROM fx_refusal('SELECT fx_plan(''rg_tc'', fx_idno_of(''child''))')$$,
    $$VALUES ('EA008', '城关镇', 'special_ed_plan', 'child_id_number')$$,
    '土城镇: a draft plan under a 城关镇 child''s ID number is refused (EA008 naming 城关镇)');
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_set('rg_plan1', fx_plan('rg_cg', fx_idno_of('child'))) \gset
SELECT ok(fx('rg_plan1') > 0, 'so the child''s real plan is filed by 城关镇');
SELECT results_eq(
    $$SELECT state, detail, tbl, col FROM fx_refusal('SELECT fx_plan(''rg_cg'', fx_idno_of(''child''))')$$,
    $$VALUES ('EA008', '城关镇', 'special_ed_plan', 'child_id_number')$$,
    'a second active plan for the child, in the same household, is refused (EA008)');
SELECT ok((SELECT message !~* 'plan|方案|一人一案|特殊教育'
             FROM fx_refusal('SELECT fx_plan(''rg_cg'', fx_idno_of(''child''))')),
          'and the refusal says nothing of a plan');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT results_eq(
    $$SELECT state, detail FROM fx_refusal('SELECT fx_plan(''rg_tc'', fx_idno_of(''child''))')$$,
    $$VALUES ('EA008', '城关镇')$$,
    'a second plan from another township is refused the same way (EA008 naming 城关镇)');
SELECT ok((SELECT message !~* 'plan|方案|一人一案|特殊教育'
             FROM fx_refusal('SELECT fx_plan(''rg_tc'', fx_idno_of(''child''))')),
          'also saying nothing of a plan');
-- A child nobody registered, with a plan: the plan registers the child.
SELECT fx_keep_idno('child2', fx_new_idno('2016-05-01', 'M')) \gset
SELECT lives_ok($$SELECT fx_plan('rg_tc', fx_idno_of('child2'))$$,
    '土城镇: a plan for a child of no household yet registers the child');
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT state, detail FROM fx_refusal('SELECT fx_member(''rg_cg'', fx_idno_of(''child2''))')$$,
    $$VALUES ('EA008', '土城镇')$$,
    '城关镇: that child is then refused as a member of a 城关镇 household (EA008 naming 土城镇)');
-- Ending the plan frees the active-plan slot.
SELECT is(fx_rowcount($$UPDATE eduaid.special_ed_plan SET ended_on = '2026-07-01', end_reason = '转入特教学校'
                         WHERE id = fx('rg_plan1')$$), 1, 'the first plan ends');
SELECT lives_ok($$SELECT fx_plan('rg_cg', fx_idno_of('child'))$$,
    'after it ended, a new plan for the child is accepted');
SELECT results_eq(
    $$SELECT state FROM fx_refusal('UPDATE eduaid.special_ed_plan SET ended_on = NULL, end_reason = NULL
                                     WHERE id = fx(''rg_plan1'')')$$,
    $$VALUES ('EA008')$$,
    'the ended plan cannot become active again beside the new one');

-- ==== references ============================================================
-- The member trains (two references). Deleting the enrollment keeps him
-- registered; deleting him too frees his number. Deletes are made as the
-- superuser: the registry follows every delete, whoever makes it.
RESET SESSION AUTHORIZATION;
DELETE FROM eduaid.training_enrollment WHERE id = fx('rg_m_train');
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT state, detail FROM fx_refusal('SELECT fx_member(''rg_cg2'', fx_idno_of(''cg_member''))')$$,
    $$VALUES ('EA008', '城关镇')$$,
    'deleting one of a person''s two rows keeps the person registered');
RESET SESSION AUTHORIZATION;
DELETE FROM eduaid.student WHERE id = fx('rg_m');
SET SESSION AUTHORIZATION demo_clerk;
SELECT lives_ok($$SELECT fx_member('rg_cg2', fx_idno_of('cg_member'))$$,
    'deleting the last row frees the number: another household may register the person');
-- A household deleted with its members frees its head and its number.
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('rg_gone', 420325101) \gset
SELECT fx_keep_idno('gone_head', (SELECT head_id_number FROM eduaid.household WHERE id = fx('rg_gone'))) \gset
SELECT fx_member('rg_gone', fx_idno_of('gone_head')) IS NOT NULL AS member_too \gset
RESET SESSION AUTHORIZATION;
DELETE FROM eduaid.household WHERE id = fx('rg_gone');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT lives_ok($$SELECT fx_member('rg_tc', fx_idno_of('gone_head'))$$,
    'a household deleted with its members frees its head (now a 土城镇 member)');

-- Changing an ID number moves the registration.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_keep_idno('old', fx_new_idno('2012-06-01', 'F')) \gset
SELECT fx_keep_idno('new', fx_new_idno('2012-06-02', 'F')) \gset
SELECT fx_set('rg_ch', fx_member('rg_cg', fx_idno_of('old'))) \gset
SELECT is(fx_rowcount($$UPDATE eduaid.student SET id_number = fx_idno_of('new'), birth_date = '2012-06-02'
                         WHERE id = fx('rg_ch')$$), 1, 'a member''s ID number is corrected');
SELECT lives_ok($$SELECT fx_member('rg_cg2', fx_idno_of('old'))$$,
    'the old number is free for another household');
SELECT results_eq(
    $$SELECT state, detail FROM fx_refusal('SELECT fx_member(''rg_cg2'', fx_idno_of(''new''))')$$,
    $$VALUES ('EA008', '城关镇')$$,
    'the new number is held');
-- Teachers: one row per ID number, county-wide.
SELECT fx_teacher('rg_t', 420325100) \gset
SELECT fx_keep_idno('teacher', (SELECT id_number FROM eduaid.teacher WHERE id = fx('rg_t'))) \gset
SET SESSION AUTHORIZATION demo_clerk2;
SELECT results_eq(
    $$SELECT state, detail, tbl, col FROM fx_refusal(
        'INSERT INTO eduaid.teacher (township_id, school_id, name, id_number, sex, birth_date)
         SELECT 420325103, (SELECT min(id) FROM eduaid.school WHERE township_id = 420325103 AND kind = ''primary''),
                ''重复教师'', x.idn, eduaid.id_sex(x.idn), eduaid.id_birth_date(x.idn)
           FROM (SELECT fx_idno_of(''teacher'') AS idn) x')$$,
    $$VALUES ('EA008', '城关镇', 'teacher', 'id_number')$$,
    '土城镇: a teacher registered in 城关镇 is refused as a 土城镇 teacher (EA008 naming 城关镇)');
RESET SESSION AUTHORIZATION;

-- The registry agrees with a count from scratch (the trigger and
-- registry_rebuild() state the same rules).
CREATE TEMPORARY TABLE rg_before AS SELECT * FROM eduaid.registry;
SELECT ok(eduaid.registry_rebuild() > 0, 'registry_rebuild() runs (superuser)');
SELECT is_empty($$(SELECT * FROM eduaid.registry EXCEPT SELECT * FROM rg_before)
                  UNION ALL (SELECT * FROM rg_before EXCEPT SELECT * FROM eduaid.registry)$$,
    'the registry the triggers kept equals the one rebuilt from the records');

-- ==== nobody reads it =======================================================
CREATE FUNCTION pg_temp.refusals_as(login text) RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
    out text[] := '{}';
    stmt text;
    st text;
BEGIN
    FOREACH stmt IN ARRAY ARRAY[
        'SELECT count(*) FROM eduaid.registry',
        'EXPLAIN SELECT 1 FROM eduaid.registry WHERE key >= ''4203'' AND key < ''4204''',
        'EXPLAIN (ANALYZE) SELECT 1 FROM eduaid.registry WHERE key >= ''4203''',
        'SELECT eduaid.registry_rebuild()',
        'SELECT eduaid.registry_release(''person'', ''x'', 1, 1)',
        'SELECT eduaid.registry_take(''person'', ''x'', 1, 1, ''student'', ''id_number'')'] LOOP
        BEGIN
            EXECUTE format('SET SESSION AUTHORIZATION %I', login);
            EXECUTE stmt;
            st := 'ok';
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
        END;
        out := out || st;
    END LOOP;
    RESET SESSION AUTHORIZATION;
    RETURN out;
END
$$;
SELECT is(pg_temp.refusals_as(r), ARRAY['42501', '42501', '42501', '42501', '42501', '42501'],
          r || ': SELECT, EXPLAIN, EXPLAIN ANALYZE on the registry and its functions are refused (42501)')
  FROM unnest(ARRAY['demo_clerk', 'demo_officer', 'demo_supervisor', 'demo_admin', 'demo_auditor']) AS r;
SELECT is_empty(
    $$SELECT a.grantee::regrole FROM pg_class c,
             aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
       WHERE c.oid = 'eduaid.registry'::regclass AND a.grantee <> c.relowner
      UNION ALL
      SELECT a.grantee::regrole FROM pg_attribute t,
             aclexplode(t.attacl) a WHERE t.attrelid = 'eduaid.registry'::regclass$$,
    'no role but its NOLOGIN owner holds any privilege on the registry, table or column');
SELECT is((SELECT rolcanlogin FROM pg_roles r JOIN pg_class c ON c.relowner = r.oid
            WHERE c.oid = 'eduaid.registry'::regclass), false, 'the registry''s owner cannot log in');

-- ==== the side channel is gone ==============================================
SELECT is_empty(
    $$SELECT i.indexrelid::regclass FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        JOIN pg_attribute f ON f.attrelid = i.indrelid AND f.attnum = i.indkey[0]
       WHERE i.indrelid IN ('eduaid.household'::regclass, 'eduaid.student'::regclass,
                            'eduaid.teacher'::regclass, 'eduaid.special_ed_plan'::regclass,
                            'eduaid.training_enrollment'::regclass)
         AND i.indisunique AND f.attname <> 'township_id'
         AND a.attname IN ('household_no', 'head_id_number', 'id_number', 'child_id_number',
                           'trainee_id_number')$$,
    'no unique index on an ID number or household number that does not lead with township_id remains');
SELECT is_empty(
    $$SELECT c.conname FROM pg_constraint c
       WHERE c.conname IN ('household_household_no_key', 'household_head_id_number_key',
                           'teacher_id_number_key')
      UNION ALL SELECT relname FROM pg_class WHERE relname = 'special_ed_plan_child_id_number_key'$$,
    'the county-wide unique keys on household numbers, heads, teachers and active plans are gone');
SELECT is((SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
            WHERE c.conrelid = 'eduaid.student'::regclass AND c.conname = 'student_id_number_key'),
          'UNIQUE (township_id, household_id, id_number)',
          'student_id_number_key is per household now, leading with township_id');

-- ... and one member row per person still.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_keep_idno('twice', fx_new_idno('2013-02-01', 'M')) \gset
SELECT fx_member('rg_cg2', fx_idno_of('twice')) IS NOT NULL AS once \gset
SELECT results_eq(
    $$SELECT state, tbl FROM fx_refusal('SELECT fx_member(''rg_cg2'', fx_idno_of(''twice''))')$$,
    $$VALUES ('23505', 'student')$$,
    'the same person twice as a member of one household is refused (student_id_number_key)');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
