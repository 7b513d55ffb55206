-- tests/db/58_refdata.sql: the admin's reference data (issue 14, the
-- reference-data screen src/screens/refdata.c over src/db/refdata.c):
-- schools (per township), training courses, teacher fund programs and
-- the standard amounts, as each role meets them on the server.
--   * demo_clerk, demo_officer, demo_supervisor and demo_auditor read
--     them and write none of them (INSERT, UPDATE: 42501), nor may they
--     ask eduaid.rate_in_effect.
--   * demo_admin adds, changes and retires (active false) and brings back
--     a school, a course and a program -- never a key (township, id, a
--     program's code: 42501), nor an id of its choosing when adding
--     (45_refdata.sql: INSERT by column), never a DELETE, TRUNCATE or ALTER (no
--     trigger switched off); constraints refuse by name.
--   * A standard amount in effect for approved records (rate_guard,
--     repeatable/29_refdata.sql) is changed by no UPDATE, upsert or
--     eduaid.delete_subsidy_rate (EA185, with its message); one that no
--     approved record was granted under still changes; the same amount
--     again is no change.
--   * demo_auditor finds every change in the audit log, kind
--     'reference', actor demo_admin, old and new values.
-- Cost: about a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(48);

-- The constraint or SQLSTATE a statement (as the current user) is
-- refused with, or 'taken'.
CREATE FUNCTION public.rd_refused(stmt text) RETURNS text
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

-- What the non-admin roles try, each one (all must be 42501).
CREATE TEMP TABLE rd_try (what text, stmt text);
GRANT SELECT ON rd_try TO PUBLIC;
INSERT INTO rd_try VALUES
    ('add a school', $$INSERT INTO eduaid.school (township_id, name, kind) VALUES (420325100, '测试小学', 'primary')$$),
    ('rename a school', $$UPDATE eduaid.school SET name = name || '二' WHERE id = (SELECT min(id) FROM eduaid.school)$$),
    ('retire a school', $$UPDATE eduaid.school SET active = false WHERE id = (SELECT min(id) FROM eduaid.school)$$),
    ('add a course', $$INSERT INTO eduaid.training_course (name, category, hours) VALUES ('测试课程', 'service', 40)$$),
    ('change a course', $$UPDATE eduaid.training_course SET hours = 1 WHERE id = 1$$),
    ('add a program', $$INSERT INTO eduaid.fund_program (code, name, max_amount) VALUES ('test_fund', '测试项目', 100)$$),
    ('change a program', $$UPDATE eduaid.fund_program SET max_amount = 1 WHERE id = 1$$),
    ('add a rate', $$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2027, 'preschool', false, 1)$$),
    ('change a rate', $$UPDATE eduaid.subsidy_rate SET amount = 1 WHERE school_year = 2026 AND program = 'preschool_aid' AND boarding$$),
    ('delete a rate', $$SELECT eduaid.delete_subsidy_rate('preschool_aid', 2026, 'preschool', true)$$),
    ('ask rate_in_effect', $$SELECT eduaid.rate_in_effect('preschool_aid', 2026, 'preschool', false)$$),
    ('delete a school', $$DELETE FROM eduaid.school WHERE id = (SELECT min(id) FROM eduaid.school)$$);

SET SESSION AUTHORIZATION demo_clerk;
SELECT ok((SELECT count(*) FROM eduaid.school) > 0, 'demo_clerk reads the schools');
SELECT is_empty($$SELECT what, rd_refused(stmt) FROM rd_try WHERE rd_refused(stmt) <> '42501'$$,
    'demo_clerk changes no reference data and cannot ask rate_in_effect (42501 each)');
SET SESSION AUTHORIZATION demo_officer;
SELECT is_empty($$SELECT what, rd_refused(stmt) FROM rd_try WHERE rd_refused(stmt) <> '42501'$$,
    'demo_officer changes no reference data (42501 each)');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is_empty($$SELECT what, rd_refused(stmt) FROM rd_try WHERE rd_refused(stmt) <> '42501'$$,
    'demo_supervisor changes no reference data (42501 each)');
SET SESSION AUTHORIZATION demo_auditor;
SELECT is_empty($$SELECT what, rd_refused(stmt) FROM rd_try WHERE rd_refused(stmt) <> '42501'$$,
    'demo_auditor changes no reference data (42501 each)');

-- ==== the admin: schools ===================================================
SET SESSION AUTHORIZATION demo_admin;
SELECT is(rd_refused($$INSERT INTO eduaid.school (township_id, name, kind) VALUES (420325100, '城关镇测试小学', 'primary')$$),
    'taken', 'demo_admin adds a school in 城关镇');
SELECT ok(fx_set('rd_school', (SELECT id FROM eduaid.school WHERE name = '城关镇测试小学')) > 0,
    '... and finds it');
SELECT is(rd_refused($$INSERT INTO eduaid.school (township_id, name, kind) VALUES (420325100, '城关镇测试小学', 'junior')$$),
    'school_name_key', 'a second school of that name in that township: school_name_key');
SELECT is(rd_refused($$INSERT INTO eduaid.school (township_id, name, kind) VALUES (420325101, '城关镇测试小学', 'primary')$$),
    'taken', '... the same name in another township is another school');
SELECT is(rd_refused($$INSERT INTO eduaid.school (township_id, name, kind) VALUES (420325100, '测试大学', 'university')$$),
    'school_kind_check', 'a kind that is not a school kind: school_kind_check');
SELECT is(rd_refused($$INSERT INTO eduaid.school (township_id, name, kind) VALUES (999999999, '测试学校', 'primary')$$),
    'school_township_fk', 'a township that does not exist: school_township_fk');
SELECT is(rd_refused(format($$UPDATE eduaid.school SET name = '城关镇测试完全小学', nutrition_pilot = true WHERE id = %s$$, fx('rd_school'))),
    'taken', 'demo_admin renames it and makes it a nutrition pilot');
SELECT is(rd_refused(format($$UPDATE eduaid.school SET active = false WHERE id = %s$$, fx('rd_school'))),
    'taken', 'demo_admin retires it');
SELECT is((SELECT active FROM eduaid.school WHERE id = fx('rd_school')), false, '... it is retired');
SELECT is(rd_refused(format($$UPDATE eduaid.school SET active = true WHERE id = %s$$, fx('rd_school'))),
    'taken', 'demo_admin brings it back');
SELECT is(rd_refused(format($$UPDATE eduaid.school SET township_id = 420325101 WHERE id = %s$$, fx('rd_school'))),
    '42501', 'demo_admin cannot move a school to another township (a key)');
SELECT is(rd_refused($$INSERT INTO eduaid.school (id, township_id, name, kind) VALUES (2147483000, 420325100, '城关镇自选编号小学', 'primary')$$),
    '42501', 'demo_admin cannot choose a new school''s id (the ids to come would collide)');
SELECT is(rd_refused($$INSERT INTO eduaid.fund_program (id, code, name) VALUES (99, 'own_id', '自选编号项目')$$),
    '42501', '... nor a program''s');
SELECT is(rd_refused(format($$UPDATE eduaid.school SET id = id + 100000 WHERE id = %s$$, fx('rd_school'))),
    '42501', 'demo_admin cannot change a school''s id');
SELECT is(rd_refused(format($$DELETE FROM eduaid.school WHERE id = %s$$, fx('rd_school'))),
    '42501', 'demo_admin cannot delete a school (retire it instead)');
SELECT is(rd_refused($$TRUNCATE eduaid.school$$), '42501', 'demo_admin cannot TRUNCATE schools');
SELECT is(rd_refused($$ALTER TABLE eduaid.school DISABLE TRIGGER z_audit$$), '42501',
    'demo_admin cannot switch the audit trigger off');
SELECT is(rd_refused($$ALTER TABLE eduaid.subsidy_rate DISABLE TRIGGER b_rate_guard$$), '42501',
    'demo_admin cannot switch the rate guard off');

-- ==== the admin: courses and fund programs =================================
SELECT is(rd_refused($$INSERT INTO eduaid.training_course (name, category, hours) VALUES ('测试育婴员', 'service', 80)$$),
    'taken', 'demo_admin adds a course');
SELECT is(rd_refused($$INSERT INTO eduaid.training_course (name, category, hours) VALUES ('测试育婴员', 'service', 90)$$),
    'training_course_name_key', 'a second course of that name: training_course_name_key');
SELECT is(rd_refused($$UPDATE eduaid.training_course SET hours = 2001 WHERE name = '测试育婴员'$$),
    'training_course_hours_check', 'more than 2000 hours: training_course_hours_check');
SELECT is(rd_refused($$UPDATE eduaid.training_course SET hours = 96, category = 'commerce', active = false WHERE name = '测试育婴员'$$),
    'taken', 'demo_admin changes its hours and category and retires it');
SELECT is(rd_refused($$UPDATE eduaid.training_course SET id = 9999 WHERE name = '测试育婴员'$$),
    '42501', 'demo_admin cannot change a course''s id');
SELECT is(rd_refused($$INSERT INTO eduaid.fund_program (code, name, max_amount) VALUES ('test_fund', '测试基金', 3000)$$),
    'taken', 'demo_admin adds a fund program');
SELECT is(rd_refused($$INSERT INTO eduaid.fund_program (code, name, max_amount) VALUES ('Test Fund', '测试基金二', 3000)$$),
    'fund_program_code_check', 'a code that is not a-z0-9_: fund_program_code_check');
SELECT is(rd_refused($$UPDATE eduaid.fund_program SET max_amount = 3500.5, active = false WHERE code = 'test_fund'$$),
    'taken', 'demo_admin changes its maximum and retires it');
SELECT is(rd_refused($$UPDATE eduaid.fund_program SET code = 'other_fund' WHERE code = 'test_fund'$$),
    '42501', 'demo_admin cannot change a program''s code (a key)');
SELECT is(rd_refused($$DELETE FROM eduaid.fund_program WHERE code = 'test_fund'$$),
    '42501', 'demo_admin cannot delete a program');

-- ==== the admin: standard amounts in effect ================================
SELECT ok(eduaid.rate_in_effect('boarding_subsidy', 2026, 'junior', true),
    'demo_admin: the junior boarders'' subsidy of 2026 is in effect for approved records');
RESET SESSION AUTHORIZATION;
SELECT is(
    (SELECT count(*)::int FROM eduaid.subsidy_rate r
      WHERE eduaid.rate_in_effect(r.program, r.school_year, r.stage, r.boarding)
            IS DISTINCT FROM EXISTS (
                SELECT FROM eduaid.student_subsidy g
                  JOIN eduaid.student_year sy USING (township_id, household_year_id, student_id)
                  JOIN eduaid.household_year hy ON hy.id = g.household_year_id
                 WHERE g.program = r.program AND g.school_year = r.school_year
                   AND sy.stage = r.stage AND sy.boarding = r.boarding
                   AND hy.status IN ('approved', 'in_notice', 'final'))),
    0, 'rate_in_effect agrees with the grants of approved, noticed and final records, whatever the township');
SET SESSION AUTHORIZATION demo_admin;
SELECT is(rd_refused($$UPDATE eduaid.subsidy_rate SET amount = 1300
                        WHERE (program, school_year, stage, boarding) = ('boarding_subsidy', 2026, 'junior', true)$$),
    'EA185', 'demo_admin cannot change a rate in effect for approved records (EA185)');
SELECT is(rd_refused($$INSERT INTO eduaid.subsidy_rate VALUES ('boarding_subsidy', 2026, 'junior', true, 1300)
                        ON CONFLICT (program, school_year, stage, boarding) DO UPDATE SET amount = EXCLUDED.amount$$),
    'EA185', '... nor through an upsert');
SELECT is(rd_refused($$SELECT eduaid.delete_subsidy_rate('boarding_subsidy', 2026, 'junior', true)$$),
    'EA185', '... nor delete it through delete_subsidy_rate');
SELECT is(rd_refused($$UPDATE eduaid.subsidy_rate SET amount = 1250
                        WHERE (program, school_year, stage, boarding) = ('boarding_subsidy', 2026, 'junior', true)$$),
    'taken', 'the same amount again is no change, and goes');
SELECT is(eduaid.standard_amount('boarding_subsidy', 2026, 'junior', true), 1250::numeric,
    'the rate in effect is as it was');
SELECT ok(NOT eduaid.rate_in_effect('preschool_aid', 2026, 'preschool', true),
    'no approved record was granted the preschool aid of a boarder in 2026');
SELECT is(rd_refused($$UPDATE eduaid.subsidy_rate SET amount = 1100
                        WHERE (program, school_year, stage, boarding) = ('preschool_aid', 2026, 'preschool', true)$$),
    'taken', '... so that rate still changes');
SELECT is(rd_refused($$INSERT INTO eduaid.subsidy_rate VALUES ('boarding_subsidy', 2027, 'junior', true, 1300)$$),
    'taken', 'a new standard is the rate of a new school year');
SELECT ok(eduaid.delete_subsidy_rate('boarding_subsidy', 2027, 'junior', true),
    '... which, in effect for nothing yet, can still be deleted');

-- ==== the audit trail ======================================================
SET SESSION AUTHORIZATION demo_auditor;
SELECT is(
    (SELECT array_agg(DISTINCT table_name ORDER BY table_name) FROM eduaid.audit_log
      WHERE kind = 'reference' AND actor = 'demo_admin'
        AND txid = txid_current()),
    ARRAY['fund_program', 'school', 'subsidy_rate', 'training_course'],
    'demo_auditor finds the admin''s changes of all four kinds in the audit log');
SELECT is(
    (SELECT array_agg(action || ':' || coalesce(old_row ->> 'active', '') || '>' || coalesce(new_row ->> 'active', '') ORDER BY id)
       FROM eduaid.audit_log
      WHERE kind = 'reference' AND table_name = 'school' AND row_id = fx('rd_school')),
    ARRAY['insert:>true', 'update:true>true', 'update:true>false', 'update:false>true'],
    '... the school''s insert, rename, retirement and return, with old and new values');
SELECT is(
    (SELECT count(*)::int FROM eduaid.audit_log
      WHERE kind = 'reference' AND table_name = 'subsidy_rate' AND txid = txid_current()
        AND new_row ->> 'program' = 'boarding_subsidy' AND new_row ->> 'school_year' = '2026'),
    0, '... and nothing of the rate that was refused (nor of the same amount again)');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT zh FROM eduaid.message WHERE key = 'EA185'),
    '已有批准的记录按此标准发放，不能再修改或删除；请设新学年的标准。',
    'EA185 has its words in Chinese (and English)');

SELECT * FROM finish();
ROLLBACK;
