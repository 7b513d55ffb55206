-- tests/db/81_admission.sql: 定向招生专项计划 (issue 17 H4;
-- sql/061_admission.sql, repeatable/36_m_admission.sql) as the people who
-- take its steps and the ones who should not: the application of a
-- registered poor student at high school (what the database checks on
-- the register), the qualification review (submitted -> verified by an
-- officer of the student's township -> approved by a supervisor) with
-- four-eyes, the duplicate, the outcome only after approval and only by
-- an officer, the review queue and the audit, the report's figures
-- worked out by hand and the list of qualified students (公示), and a
-- hostile login of another township probing it all.
--
-- People: demo_clerk (clerk of 城关镇 420325100 and 军店镇 420325101),
-- demo_officer (城关镇), officer_101 (军店镇), clerk_104 and officer_104
-- (大木厂镇 420325104, the hostile township), demo_supervisor,
-- demo_supervisor2, demo_auditor. The fixtures' 高考 year is 2027, which
-- the demo data (2026) does not use, so the report counts only them.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(53);

-- ==== the kind ===============================================================
SELECT is(eduaid.record_table('admission'), 'admission', 'kind admission is the table admission');
SELECT is(eduaid.record_statuses('admission'), '{approved,draft,rejected,submitted,verified}'::text[],
    'an application has the five states of the workflow and no notice states');
SELECT has_trigger('eduaid', 'admission', 'b_record_guard', 'the record guard keeps the application');

-- ==== fixtures: registered households with students at high school ==========
-- A household of the township, made by its clerk, with one member (born
-- 2009) and its record of school year 2026 (the year the 高考 of 2027
-- ends) saying he is in grade 12 at 房县第一中学 (or in grade 5 of a
-- primary school), of poverty status p_status, taken through the
-- register's check (approved) unless p_approve is false.
CREATE FUNCTION public.t_household(p_key text, p_township int, p_clerk text, p_officer text,
                                   p_stage text DEFAULT 'senior_high', p_approve boolean DEFAULT true,
                                   p_status text DEFAULT 'poor')
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v_school int := (SELECT id FROM eduaid.school
                      WHERE name = CASE p_stage WHEN 'primary' THEN '城关镇第二小学'
                                                ELSE '房县第一中学' END);
BEGIN
    EXECUTE format('SET SESSION AUTHORIZATION %I', p_clerk);
    PERFORM public.fx_household(p_key, p_township);
    PERFORM public.fx_student(p_key || '_s', p_key, '2009-05-01', 'M');
    PERFORM public.fx_year(p_key || '_y', p_key, 2026);
    UPDATE eduaid.household_year SET poverty_status = p_status WHERE id = public.fx(p_key || '_y');
    UPDATE eduaid.student_year SET stage = p_stage, school_id = v_school,
                                   grade = CASE p_stage WHEN 'primary' THEN 5 ELSE 12 END
     WHERE household_year_id = public.fx(p_key || '_y');
    IF p_approve THEN
        PERFORM eduaid.submit('household_year', public.fx(p_key || '_y'));
        EXECUTE format('SET SESSION AUTHORIZATION %I', p_officer);
        PERFORM eduaid.verify('household_year', public.fx(p_key || '_y'));
        SET SESSION AUTHORIZATION demo_supervisor2;
        PERFORM eduaid.approve('household_year', public.fx(p_key || '_y'));
    END IF;
    RESET SESSION AUTHORIZATION;
    RETURN public.fx(p_key);
END
$$;
SELECT public.t_household('a1', 420325100, 'demo_clerk', 'demo_officer'),
       public.t_household('a2', 420325100, 'demo_clerk', 'demo_officer'),
       public.t_household('a3', 420325100, 'demo_clerk', 'demo_officer', 'senior_high', true, 'monitored'),
       public.t_household('a4', 420325101, 'demo_clerk', 'officer_101'),
       public.t_household('x1', 420325104, 'clerk_104', 'officer_104'),
       public.t_household('np', 420325100, 'demo_clerk', 'demo_officer', 'senior_high', false),
       public.t_household('pr', 420325100, 'demo_clerk', 'demo_officer', 'primary') \gset
SELECT (SELECT id FROM eduaid.school WHERE name = '房县第一中学') AS sh1,
       (SELECT id FROM eduaid.school WHERE name = '城关镇第二小学') AS ps \gset

-- EXPLAIN (ANALYZE) of a query as the current user, its numbers made alike
-- (as tests/db/60_pairing.sql).
CREATE FUNCTION public.t_explain(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    out  text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
        out := out || regexp_replace(line, '[0-9]+', '?', 'g') || E'\n';
    END LOOP;
    RETURN out;
END
$$;

-- ==== the application: what the register says =================================
CREATE FUNCTION public.t_apply(p_key text, p_township int, p_student text, p_plan text,
                                p_school int, p_school_years int DEFAULT 3)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v bigint;
BEGIN
    INSERT INTO eduaid.admission (township_id, student_id, exam_year, plan, school_id,
                                  hukou_years, school_years)
    VALUES (p_township, public.fx(p_student), 2027, p_plan, p_school, 17, p_school_years)
    RETURNING id INTO v;
    RETURN public.fx_set(p_key, v);
END
$$;
SET SESSION AUTHORIZATION demo_clerk;
SELECT public.t_apply('ap1', 420325100, 'a1_s', 'national', :sh1) \gset
SELECT is((SELECT (household_id, poverty_status, status)::text FROM eduaid.admission WHERE id = fx('ap1')),
    format('(%s,poor,draft)', fx('a1')),
    'demo_clerk''s application: the household and its status filled in from the register, a draft');
SELECT throws_ok(format($$SELECT public.t_apply('dup', 420325100, 'a1_s', 'national', %s)$$, :sh1),
    '23505', NULL, 'the same student, year and plan twice is refused (admission_plan_key)');
SELECT is((SELECT message LIKE '%admission_plan_key%' FROM fx_refusal(format(
    $$SELECT public.t_apply('dup', 420325100, 'a1_s', 'national', %s)$$, :sh1))), true,
    '... by the named key, which has its words');
SELECT lives_ok(format($$SELECT public.t_apply('ap1b', 420325100, 'a1_s', 'college_special', %s)$$, :sh1),
    '... another plan the same year is a second application');
SELECT throws_ok(format($$SELECT public.t_apply('e1', 420325100, 'np_s', 'national', %s)$$, :sh1),
    '23514', NULL, 'a student whose household''s record of the school year is not approved cannot apply');
SELECT throws_ok(format($$SELECT public.t_apply('e2', 420325100, 'pr_s', 'national', %s)$$, :sh1),
    '23514', NULL, 'a primary-school pupil cannot apply (admission_student_stage_check)');
SELECT throws_ok(format($$SELECT public.t_apply('e3', 420325100, 'a2_s', 'national', %s)$$, :ps),
    '23514', NULL, 'the high school must be a senior high or vocational school');
SELECT throws_ok(format($$SELECT public.t_apply('e4', 420325100, 'a3_s', 'provincial_poverty', %s)$$, :sh1),
    '23514', NULL, 'a 监测户''s child is not taken by the provincial poverty plan');
-- a student of another township: as if there were none, whichever township is named
SELECT throws_ok(format($$SELECT public.t_apply('e5', 420325100, 'x1_s', 'national', %s)$$, :sh1),
    '23503', NULL, 'demo_clerk cannot apply for a student of 大木厂镇 in his township');
SELECT throws_ok(format($$SELECT public.t_apply('e6', 420325104, 'x1_s', 'national', %s)$$, :sh1),
    '23503', NULL, '... nor in 大木厂镇 itself');
SELECT is((SELECT message FROM fx_refusal(format(
    $$SELECT public.t_apply('e6', 420325104, 'x1_s', 'national', %s)$$, :sh1))),
          (SELECT message FROM fx_refusal(format(
    $$INSERT INTO eduaid.admission (township_id, student_id, exam_year, plan, school_id, hukou_years,
      school_years) VALUES (420325100, 999999999, 2027, 'national', %s, 3, 3)$$, :sh1))),
    '... and the refusal reads as for a student who does not exist');
SELECT public.t_apply('ap2', 420325100, 'a2_s', 'national', :sh1) \gset
SELECT public.t_apply('ap3', 420325100, 'a3_s', 'college_special', :sh1, 2) \gset
SELECT public.t_apply('ap4', 420325101, 'a4_s', 'provincial_poverty', :sh1) \gset
SELECT throws_ok(format($$SELECT eduaid.submit('admission', %s)$$, fx('ap3')), '23514', NULL,
    'fewer than 3 years at the high school: the draft cannot be submitted');
SELECT throws_ok(format($$UPDATE eduaid.admission SET status = 'approved' WHERE id = %s$$, fx('ap1')),
    '42501', NULL, 'the status moves only through the workflow (no column grant)');
SELECT throws_ok(format($$UPDATE eduaid.admission SET student_id = %s WHERE id = %s$$, fx('a2_s'), fx('ap1')),
    '42501', NULL, 'the student of an application is never changed (no column grant)');
SELECT lives_ok(format($$SELECT eduaid.submit('admission', %s)$$, fx('ap1')), 'demo_clerk submits');
SELECT lives_ok(format($$SELECT eduaid.submit('admission', %s)$$, fx('ap4')), '... and 军店镇''s');
SELECT eduaid.submit('admission', fx('ap2')) \gset
RESET SESSION AUTHORIZATION;

-- ==== the qualification review: four eyes ====================================
-- an officer who made and submitted an application does not verify it
SET SESSION AUTHORIZATION demo_officer;
SELECT public.t_apply('ap5', 420325100, 'a2_s', 'college_special', :sh1) \gset
SELECT eduaid.submit('admission', fx('ap5')) \gset
SELECT throws_ok(format($$SELECT eduaid.verify('admission', %s)$$, fx('ap5')), 'EA002', NULL,
    'four eyes: demo_officer, who submitted it, cannot verify his own application');
SELECT is((SELECT array_agg(id ORDER BY id) FROM eduaid.review_queue('admission')
            WHERE id IN (fx('ap1'), fx('ap2'), fx('ap4'), fx('ap5'))),
          ARRAY[fx('ap1'), fx('ap2')],
    'demo_officer''s queue holds the two applications of others of his township (not his own)');
SELECT lives_ok(format($$SELECT eduaid.verify('admission', %s)$$, fx('ap1')),
    'demo_officer verifies demo_clerk''s application');
SELECT lives_ok(format($$SELECT eduaid.verify('admission', %s)$$, fx('ap2')), '... and the second one');
SELECT throws_ok(format($$SELECT eduaid.approve('admission', %s)$$, fx('ap1')), 'EA004', NULL,
    'the verifier cannot approve (an officer does not approve)');
SELECT throws_ok(format($$SELECT eduaid.verify('admission', %s)$$, fx('ap4')), 'EA005', NULL,
    'demo_officer cannot verify 军店镇''s application (not his township)');
SELECT throws_ok(format($$INSERT INTO eduaid.admission_outcome (township_id, admission_id, admitted, college)
    VALUES (420325100, %s, true, '武汉大学')$$, fx('ap1')), 'EA243', NULL,
    'no outcome before the application is approved');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION officer_101;
SELECT eduaid.verify('admission', fx('ap4')) \gset
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT count(*) FROM eduaid.review_queue('admission')
            WHERE id IN (fx('ap1'), fx('ap2'), fx('ap4'), fx('ap5'))), 3::bigint,
    'demo_supervisor''s queue holds the three verified applications');
SELECT lives_ok(format($$SELECT eduaid.approve('admission', %s)$$, fx('ap1')),
    'demo_supervisor approves (qualifies) the first');
SELECT lives_ok(format($$SELECT eduaid.approve('admission', %s)$$, fx('ap2')), '... the second');
SELECT lives_ok(format($$SELECT eduaid.approve('admission', %s)$$, fx('ap4')), '... and 军店镇''s');
SELECT throws_ok(format($$INSERT INTO eduaid.admission_outcome (township_id, admission_id, admitted, college)
    VALUES (420325100, %s, true, '武汉大学')$$, fx('ap1')), '42501', NULL,
    'a supervisor does not record the outcome');
RESET SESSION AUTHORIZATION;

-- ==== the outcome ==============================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok(format($$INSERT INTO eduaid.admission_outcome (township_id, admission_id, admitted, college)
    VALUES (420325100, %s, true, '武汉大学')$$, fx('ap1')), '42501', NULL,
    'a clerk does not record the outcome');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok(format($$INSERT INTO eduaid.admission_outcome (township_id, admission_id, admitted)
    VALUES (420325100, %s, true)$$, fx('ap1')), '23514', NULL,
    'admitted without a college is refused (admission_outcome_college_check)');
SELECT lives_ok(format($$INSERT INTO eduaid.admission_outcome (township_id, admission_id, admitted, college)
    VALUES (420325100, %s, true, ' 武汉大学 ')$$, fx('ap1')),
    'demo_officer records that the qualified student was admitted');
SELECT is((SELECT college FROM eduaid.admission_outcome WHERE admission_id = fx('ap1')), '武汉大学',
    '... the college trimmed');
SELECT lives_ok(format($$INSERT INTO eduaid.admission_outcome (township_id, admission_id, admitted)
    VALUES (420325100, %s, false)$$, fx('ap2')), '... and that the second was not admitted');
SELECT throws_ok(format($$INSERT INTO eduaid.admission_outcome (township_id, admission_id, admitted)
    VALUES (420325100, %s, false)$$, fx('ap2')), '23505', NULL, 'one outcome an application');
SELECT throws_ok(format($$UPDATE eduaid.admission SET notes = '改' WHERE id = %s$$, fx('ap1')),
    'EA006', NULL, 'a qualified application is read-only');
RESET SESSION AUTHORIZATION;

-- the audit files the outcome under its application
SELECT is((SELECT array_agg(a.action || ':' || a.table_name ORDER BY a.id) FROM eduaid.audit_log a
            WHERE a.kind = 'admission' AND a.record_id = fx('ap1')),
    '{insert:admission,submit:admission,verify:admission,approve:admission,insert:admission_outcome}'::text[],
    'the audit holds the application''s steps and its outcome, filed under the application');

-- ==== a hostile login of another township =====================================
SET SESSION AUTHORIZATION officer_104;
SELECT is((SELECT count(*) FROM eduaid.admission WHERE exam_year = 2027), 0::bigint,
    'officer_104 sees no application of 城关镇 or 军店镇');
SELECT is((SELECT count(*) FROM eduaid.admission_outcome WHERE admission_id IN (fx('ap1'), fx('ap2'))),
    0::bigint, '... nor an outcome of theirs');
SELECT throws_ok(format($$SELECT eduaid.reject('admission', %s, '试探')$$, fx('ap5')), 'EA005', NULL,
    '... cannot return one (as if there were none)');
SELECT is((SELECT state FROM fx_refusal(format($$INSERT INTO eduaid.admission_outcome
    (township_id, admission_id, admitted) VALUES (420325100, %s, false)$$, fx('ap2')))), 'EA243',
    '... an outcome for another township''s qualified application is refused as for an unqualified one');
SELECT is((SELECT replace(message, fx('ap2')::text, '?') FROM fx_refusal(format($$INSERT INTO
    eduaid.admission_outcome (township_id, admission_id, admitted) VALUES (420325104, %s, false)$$,
    fx('ap2')))),
          (SELECT replace(message, (fx('ap2') + 100000000)::text, '?') FROM fx_refusal(format($$INSERT INTO
    eduaid.admission_outcome (township_id, admission_id, admitted) VALUES (420325104, %s, false)$$,
    fx('ap2') + 100000000))),
    '... with the same words as for an application that does not exist (no oracle)');
SELECT is((SELECT count(*) FROM eduaid.report_admission(2027, 420325100)), 0::bigint,
    '... asking the report for 城关镇 gives no rows');
SELECT is((SELECT count(*) FROM eduaid.admission_notice(2027)), 0::bigint,
    '... and the notice lists nobody for him');
SELECT is(public.t_explain('SELECT 1 FROM eduaid.admission WHERE township_id = 420325100 AND exam_year = 2027'),
          public.t_explain('SELECT 1 FROM eduaid.admission WHERE township_id = 420325102 AND exam_year = 2027'),
    '... and EXPLAIN ANALYZE reads alike for a township with applications and one without');
RESET SESSION AUTHORIZATION;

-- ==== the report, worked out by hand (2027) ===================================
-- 城关镇: national ap1 (qualified, admitted), ap2 (qualified, not
-- admitted); college_special ap5 (submitted), ap1b and ap3 drafts (not
-- counted). 军店镇: provincial ap4 (qualified, no outcome yet).
SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq(
    $$SELECT township_id, item, applicants, qualified, admitted, admitted_pct
        FROM eduaid.report_admission(2027)$$,
    $$VALUES (420325100, NULL, 3::bigint, 2::bigint, 1::bigint, 50.0::numeric),
             (420325100, '国家专项计划', 2, 2, 1, 50.0),
             (420325100, '省精准扶贫专项计划', 0, 0, 0, NULL),
             (420325100, '高校专项计划', 1, 0, 0, NULL),
             (NULL, NULL, 3, 2, 1, 50.0),
             (NULL, '国家专项计划', 2, 2, 1, 50.0),
             (NULL, '省精准扶贫专项计划', 0, 0, 0, NULL),
             (NULL, '高校专项计划', 1, 0, 0, NULL)$$,
    'demo_officer''s report: his township only, its total his township''s');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq(
    $$SELECT township_id, item, applicants, qualified, admitted, admitted_pct
        FROM eduaid.report_admission(2027)
       WHERE township_id IN (420325100, 420325101) OR township_id IS NULL$$,
    $$VALUES (420325100, NULL, 3::bigint, 2::bigint, 1::bigint, 50.0::numeric),
             (420325100, '国家专项计划', 2, 2, 1, 50.0),
             (420325100, '省精准扶贫专项计划', 0, 0, 0, NULL),
             (420325100, '高校专项计划', 1, 0, 0, NULL),
             (420325101, NULL, 1, 1, 0, 0.0),
             (420325101, '国家专项计划', 0, 0, 0, NULL),
             (420325101, '省精准扶贫专项计划', 1, 1, 0, 0.0),
             (420325101, '高校专项计划', 0, 0, 0, NULL),
             (NULL, NULL, 4, 3, 1, 33.3),
             (NULL, '国家专项计划', 2, 2, 1, 50.0),
             (NULL, '省精准扶贫专项计划', 1, 1, 0, 0.0),
             (NULL, '高校专项计划', 1, 0, 0, NULL)$$,
    'demo_supervisor''s report: the county with its total');
SELECT is((SELECT count(DISTINCT township_id) FROM eduaid.report_admission(2027)),
          (SELECT count(*) FROM eduaid.township WHERE county_id = 420325),
    '... every township of the county has its rows, zeros included');

-- ==== the notice (公示) of the qualified =======================================
SELECT results_eq(
    $$SELECT line_no, township, name, masked_id, school, plan FROM eduaid.admission_notice(2027)$$,
    format($$VALUES (1::bigint, '城关镇', '测试学生', %L, '房县第一中学', '国家专项计划'),
                    (2, '城关镇', '测试学生', %L, '房县第一中学', '国家专项计划'),
                    (3, '军店镇', '测试学生', %L, '房县第一中学', '省精准扶贫专项计划')$$,
           (SELECT id_number_masked FROM eduaid.student WHERE id = fx('a1_s')),
           (SELECT id_number_masked FROM eduaid.student WHERE id = fx('a2_s')),
           (SELECT id_number_masked FROM eduaid.student WHERE id = fx('a4_s'))),
    'the notice lists the qualified students with their ID numbers masked, for the supervisor');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*) FROM eduaid.admission_notice(2027, 420325101)), 1::bigint,
    'the auditor reads the notice of one township');
SELECT throws_ok($$INSERT INTO eduaid.admission (township_id, student_id, exam_year, plan, school_id,
    hukou_years, school_years) VALUES (420325100, 1, 2027, 'national', 1, 3, 3)$$, '42501', NULL,
    'the auditor writes no application');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
