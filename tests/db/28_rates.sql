-- tests/db/28_rates.sql: the standard amounts of issue 11
-- (sql/027_subsidy_rates.sql, sql/repeatable/40_rates.sql) as each role
-- meets them. demo_clerk, demo_officer, demo_supervisor and demo_auditor
-- read the rates and eduaid.standard_amount's answers and can write
-- nothing (INSERT, UPDATE, DELETE, delete_subsidy_rate: 42501); demo_admin
-- inserts, changes the amount (not a key), upserts and deletes through
-- eduaid.delete_subsidy_rate, and demo_auditor finds each change in the
-- audit log (kind 'reference', actor demo_admin). Every constraint refuses
-- what it is for, by its name, and that name has its message row in both
-- languages. The seed covers every entitlement of stage_programs but the
-- student loan in 2024-2026, and the demo's grants of 2026 are the
-- standard amounts. Cost: about a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(42);

-- The constraint a statement (as the current user) is refused by, or its
-- SQLSTATE when no constraint is named, or 'taken'.
CREATE FUNCTION public.fx_refused_by(stmt text) RETURNS text
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

-- What each constraint of subsidy_rate is for (tried as demo_admin below).
-- CHECKs come before foreign keys, and a program or stage that is not in
-- the choice lists is never an entitlement: the entitlement check refuses
-- those first (the client names the lists' values before it asks).
CREATE TEMP TABLE t_refusal (what text, stmt text, expect text);
GRANT SELECT ON t_refusal TO PUBLIC;
INSERT INTO t_refusal VALUES
    ('a rate that exists', $$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2026, 'preschool', false, 1)$$,
     'subsidy_rate_pkey'),
    ('an unknown program', $$INSERT INTO eduaid.subsidy_rate VALUES ('phd_grant', 2026, 'college', false, 1)$$,
     'subsidy_rate_entitled_check'),
    ('an unknown stage', $$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2026, 'phd', false, 1)$$,
     'subsidy_rate_entitled_check'),
    ('a year after 2035', $$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2036, 'preschool', false, 1)$$,
     'subsidy_rate_school_year_check'),
    ('a year before 2014', $$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2013, 'preschool', false, 1)$$,
     'subsidy_rate_school_year_check'),
    ('a negative amount', $$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2030, 'preschool', false, -1)$$,
     'subsidy_rate_amount_check'),
    ('a third decimal', $$UPDATE eduaid.subsidy_rate SET amount = 1000.005 WHERE school_year = 2026 AND program = 'preschool_aid'$$,
     'subsidy_rate_amount_check'),
    ('no amount', $$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2030, 'preschool', false, NULL)$$,
     '23502'),
    ('a student loan', $$INSERT INTO eduaid.subsidy_rate VALUES ('student_loan', 2030, 'college', false, 8000)$$,
     'subsidy_rate_applied_check'),
    ('zihui', $$INSERT INTO eduaid.subsidy_rate VALUES ('zihui', 2030, 'senior_high', false, 3000)$$,
     'subsidy_rate_applied_check'),
    ('a day pupil''s boarding subsidy', $$INSERT INTO eduaid.subsidy_rate VALUES ('boarding_subsidy', 2030, 'junior', false, 625)$$,
     'subsidy_rate_entitled_check'),
    ('another stage''s program', $$INSERT INTO eduaid.subsidy_rate VALUES ('high_school_grant', 2030, 'junior', true, 2000)$$,
     'subsidy_rate_entitled_check');

-- ==== the table and who may do what ========================================
SELECT is_empty(
    $$SELECT g.rolname FROM pg_roles g
       WHERE g.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                           'eduaid_admin', 'eduaid_auditor')
         AND NOT (has_table_privilege(g.oid, 'eduaid.subsidy_rate', 'SELECT')
                  AND has_table_privilege(g.oid, 'eduaid.choice_program', 'SELECT')
                  AND has_function_privilege(g.oid,
                          'eduaid.standard_amount(text, int, text, boolean)', 'EXECUTE'))$$,
    'every group role reads the rates and the programs and asks standard_amount');
SELECT is_empty(
    $$SELECT g.rolname, p FROM pg_roles g
       CROSS JOIN unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p
       WHERE g.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                           'eduaid_admin', 'eduaid_auditor')
         AND (has_table_privilege(g.oid, 'eduaid.subsidy_rate', p)
              OR p IN ('INSERT', 'UPDATE')
                 AND has_any_column_privilege(g.oid, 'eduaid.subsidy_rate', p))
         AND NOT (g.rolname = 'eduaid_admin' AND p IN ('INSERT', 'UPDATE'))$$,
    'only the admin inserts and updates rates; nobody holds DELETE or TRUNCATE');
SELECT is(
    (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
      WHERE a.attrelid = 'eduaid.subsidy_rate'::regclass AND a.attnum > 0
        AND has_column_privilege('eduaid_admin', a.attrelid, a.attnum, 'UPDATE')),
    ARRAY['amount'],
    'the admin may update the amount only, never a key');
SELECT is(
    (SELECT array_agg(value ORDER BY position) FROM eduaid.choice_program),
    ARRAY['preschool_aid', 'compulsory_waiver', 'boarding_subsidy', 'high_school_grant',
          'high_school_waiver', 'vocational_waiver', 'vocational_grant',
          'college_freshman_aid', 'student_loan', 'zihui'],
    'choice_program holds the ten programs of student_subsidy_program_check, in report order');
SELECT is_empty(
    $$SELECT unnest(eduaid.subsidy_programs()) EXCEPT SELECT value FROM eduaid.choice_program$$,
    'every program of subsidy_programs is a choice of choice_program');

-- ==== the seed ==============================================================
SELECT is(
    (SELECT array_agg(DISTINCT school_year ORDER BY school_year) FROM eduaid.subsidy_rate),
    ARRAY[2024, 2025, 2026], 'rates are seeded for 2024, 2025 and 2026');
SELECT is_empty(
    $$SELECT y, c.value, b.boarding, p
        FROM generate_series(2024, 2026) AS y
       CROSS JOIN eduaid.choice_stage c CROSS JOIN (VALUES (false), (true)) AS b (boarding)
       CROSS JOIN LATERAL unnest(eduaid.stage_programs(c.value, b.boarding)) AS p
       WHERE p <> 'student_loan'
         AND eduaid.standard_amount(p, y, c.value, b.boarding) IS NULL$$,
    'every entitlement but the student loan has a standard amount in 2024-2026');
SELECT results_eq(
    $$SELECT program, stage, boarding, amount FROM eduaid.subsidy_rate
       WHERE school_year = 2026 AND (stage, boarding) IN (('junior', true), ('primary', true),
                                                           ('senior_high', false), ('college', false))
       ORDER BY 1, 2, 3$$,
    $$VALUES ('boarding_subsidy', 'junior', true, 1250::numeric),
             ('boarding_subsidy', 'primary', true, 1000),
             ('college_freshman_aid', 'college', false, 1000),
             ('compulsory_waiver', 'junior', true, 0),
             ('compulsory_waiver', 'primary', true, 0),
             ('high_school_grant', 'senior_high', false, 2000),
             ('high_school_waiver', 'senior_high', false, 800)$$,
    'the 2026 rates of boarders in compulsory school, senior high and college');
SELECT is_empty(
    $$SELECT s.program, s.amount, st.stage, st.boarding FROM eduaid.student_subsidy s
        JOIN eduaid.student_year st ON st.township_id = s.township_id
         AND st.household_year_id = s.household_year_id AND st.student_id = s.student_id
       WHERE s.school_year = 2026
         AND s.amount IS DISTINCT FROM
             coalesce(eduaid.standard_amount(s.program, 2026, st.stage, st.boarding),
                      CASE s.program WHEN 'student_loan' THEN 8000 END)$$,
    'the demo''s grants of 2026 are the standard amounts (a loan: 8000)');

-- ==== readers ===============================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT is((SELECT count(*)::int FROM eduaid.subsidy_rate), 54,
    'demo_clerk reads the 54 seeded rates');
SELECT is(eduaid.standard_amount('boarding_subsidy', 2026, 'junior', true), 1250::numeric,
    'demo_clerk: a junior boarder''s living subsidy in 2026 is 1250');
SELECT is(fx_refused_by($$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2027, 'preschool', false, 1000)$$),
    '42501', 'demo_clerk cannot add a rate');
SELECT is(fx_refused_by($$UPDATE eduaid.subsidy_rate SET amount = 1 WHERE school_year = 2026$$),
    '42501', 'demo_clerk cannot change a rate');
SELECT is(fx_refused_by($$SELECT eduaid.delete_subsidy_rate('preschool_aid', 2026, 'preschool', false)$$),
    '42501', 'demo_clerk cannot delete a rate');

SET SESSION AUTHORIZATION demo_officer;
SELECT is(eduaid.standard_amount('high_school_grant', 2025, 'senior_high', true), 2000::numeric,
    'demo_officer: the high-school grant of 2025 is 2000');
SELECT is(fx_refused_by($$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2027, 'preschool', false, 1000)$$),
    '42501', 'demo_officer cannot add a rate');
SELECT is(fx_refused_by($$DELETE FROM eduaid.subsidy_rate WHERE school_year = 2024$$),
    '42501', 'demo_officer cannot delete rates');

SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(eduaid.standard_amount('vocational_waiver', 2024, 'secondary_vocational', false),
    2000::numeric, 'demo_supervisor: the vocational fee waiver of 2024 is 2000');
SELECT is(fx_refused_by($$UPDATE eduaid.subsidy_rate SET amount = 1 WHERE school_year = 2026$$),
    '42501', 'demo_supervisor cannot change a rate');

SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.subsidy_rate), 54, 'demo_auditor reads the rates');
SELECT is(fx_refused_by($$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2027, 'preschool', false, 1000)$$),
    '42501', 'demo_auditor cannot add a rate');

-- standard_amount: NULL where there is no rate.
SELECT is_empty(
    $$SELECT * FROM (VALUES ('student_loan', 2026, 'college', false),
                            ('zihui', 2026, 'senior_high', false),
                            ('boarding_subsidy', 2026, 'junior', false),
                            ('preschool_aid', 2026, 'primary', false),
                            ('preschool_aid', 2023, 'preschool', false),
                            ('no_such', 2026, 'preschool', false),
                            ('preschool_aid', 2026, NULL, false)) AS v (p, y, s, b)
       WHERE eduaid.standard_amount(p, y, s, b) IS NOT NULL$$,
    'standard_amount is NULL for a loan, zihui, a day pupil''s boarding subsidy, another stage''s program, an unset year, an unknown program, no stage');

-- ==== the admin =============================================================
SET SESSION AUTHORIZATION demo_admin;
SELECT is(fx_refused_by($$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2027, 'preschool', false, 1100)$$),
    'taken', 'demo_admin adds the preschool aid of 2027');
SELECT is(eduaid.standard_amount('preschool_aid', 2027, 'preschool', false), 1100::numeric,
    'demo_admin: standard_amount answers the new rate');
SELECT is(fx_refused_by($$UPDATE eduaid.subsidy_rate SET amount = 1200
                            WHERE program = 'preschool_aid' AND school_year = 2027
                              AND stage = 'preschool' AND NOT boarding$$),
    'taken', 'demo_admin changes its amount');
SELECT is(fx_refused_by($$UPDATE eduaid.subsidy_rate SET school_year = 2028
                            WHERE program = 'preschool_aid' AND school_year = 2027$$),
    '42501', 'demo_admin cannot change a rate''s key');
SELECT is(fx_refused_by($$INSERT INTO eduaid.subsidy_rate VALUES ('preschool_aid', 2027, 'preschool', false, 1300)
                           ON CONFLICT (program, school_year, stage, boarding)
                           DO UPDATE SET amount = EXCLUDED.amount$$),
    'taken', 'demo_admin sets a rate that exists (insert or update)');
SELECT is(eduaid.standard_amount('preschool_aid', 2027, 'preschool', false), 1300::numeric,
    'demo_admin: standard_amount answers the amount set');
SELECT is(fx_refused_by($$DELETE FROM eduaid.subsidy_rate WHERE school_year = 2027$$),
    '42501', 'demo_admin cannot DELETE directly (no login holds DELETE)');
SELECT ok(eduaid.delete_subsidy_rate('preschool_aid', 2027, 'preschool', false),
    'demo_admin deletes the rate through delete_subsidy_rate');
SELECT ok(NOT eduaid.delete_subsidy_rate('preschool_aid', 2027, 'preschool', false),
    'demo_admin: deleting it again finds nothing');
SELECT is(eduaid.standard_amount('preschool_aid', 2027, 'preschool', false), NULL::numeric,
    'demo_admin: once deleted there is no standard amount');

SELECT is_empty(
    $$SELECT what, expect, fx_refused_by(stmt) FROM t_refusal
       WHERE fx_refused_by(stmt) IS DISTINCT FROM expect$$,
    'demo_admin: each constraint of subsidy_rate refuses what it is for, by its name');
RESET SESSION AUTHORIZATION;
SELECT is_empty(
    $$SELECT c.conname FROM pg_constraint c
       WHERE c.conrelid = 'eduaid.subsidy_rate'::regclass AND c.contype <> 'f'
      EXCEPT SELECT expect FROM t_refusal$$,
    'every constraint of subsidy_rate but the foreign keys is tried above');
SELECT is(
    (SELECT array_agg(c.conname || ' ' || c.confrelid::regclass::text ORDER BY c.conname)
       FROM pg_constraint c
      WHERE c.conrelid = 'eduaid.subsidy_rate'::regclass AND c.contype = 'f'),
    ARRAY['subsidy_rate_program_fk eduaid.choice_program',
          'subsidy_rate_stage_fk eduaid.choice_stage'],
    'a rate''s program and stage are values of the choice lists (foreign keys)');
SELECT is(fx_refused_by($$DELETE FROM eduaid.choice_program WHERE value = 'preschool_aid'$$),
    'subsidy_rate_program_fk', 'a program that has rates stays in the list (subsidy_rate_program_fk)');
SELECT is_empty(
    $$SELECT r.expect FROM (SELECT expect FROM t_refusal
                             UNION SELECT 'subsidy_rate_program_fk'
                             UNION SELECT 'subsidy_rate_stage_fk') r
       WHERE NOT EXISTS (SELECT FROM eduaid.message m
                          WHERE m.key = r.expect AND m.zh ~ '[\u4e00-\u9fff]' AND m.en <> '')$$,
    'every refusal above has its message row, in Chinese and English');
SELECT is((SELECT zh FROM eduaid.message WHERE key = 'subsidy_rate_entitled_check'),
    '该学段（寄宿情况）不享受这个资助项目。',
    'the entitlement refusal tells the admin in Chinese');
SELECT is(fx_refused_by($$SELECT eduaid.delete_subsidy_rate('preschool_aid', 2026, 'preschool', false)$$),
    'EA004', 'delete_subsidy_rate refuses anyone but an admin (EA004), the superuser too');

-- ==== the audit trail =======================================================
SET SESSION AUTHORIZATION demo_auditor;
SELECT results_eq(
    $$SELECT action, actor, kind, township_id, coalesce(new_row, old_row) ->> 'amount'
        FROM eduaid.audit_log
       WHERE table_name = 'subsidy_rate' AND txid = txid_current() ORDER BY id$$,
    $$VALUES ('insert', 'demo_admin', 'reference', NULL::int, '1100'),
             ('update', 'demo_admin', 'reference', NULL, '1200'),
             ('update', 'demo_admin', 'reference', NULL, '1300'),
             ('delete', 'demo_admin', 'reference', NULL, '1300')$$,
    'demo_auditor finds each of the admin''s changes in the audit log (kind reference)');
SELECT is((SELECT old_row ->> 'amount' FROM eduaid.audit_log
            WHERE table_name = 'subsidy_rate' AND action = 'update' AND txid = txid_current()
            ORDER BY id LIMIT 1),
    '1100', 'demo_auditor: an update keeps the old amount');
SET SESSION AUTHORIZATION demo_clerk;
SELECT is_empty($$SELECT id FROM eduaid.audit_log WHERE table_name = 'subsidy_rate'$$,
    'demo_clerk does not see the reference entries of the audit log');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
