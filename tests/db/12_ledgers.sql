-- tests/db/12_ledgers.sql: the ledgers of sql/012_ledgers.sql as each role.
--
-- 控辍保学: clerks and officers of the child's township open, visit,
-- confirm and close cases through the functions; another township's clerk
-- is refused; supervisors and auditors read (ID numbers masked, no birth
-- dates) and may not write; states only move forward; a child leaves the
-- ledgers only with a return date and a school; visits are never in the
-- future nor before the case; nothing is deleted; every change is audited.
-- ledger_counts() is checked against a hand-made fixture (the demo records
-- are there too: the fixture's children must add exactly what was counted
-- by hand to what each role saw before), and an officer's counts cover
-- his township only. 送教上门: visits to approved active home-delivery plans
-- only, by a teacher of the township, and the visits due drop. 培训台账:
-- attendance within the course and the ledger per course and batch.
--
-- Dates are relative to today: the school year is the one today lies in,
-- and the fixture's children have rows of that year (issue 11: a ledger of
-- a school year reads that year's rows).
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(101);

-- The school year and its September 1; counts of a role before the fixture.
SELECT fx_set('y', eduaid.school_year_of(current_date)) \gset
CREATE FUNCTION public.fx_sep1() RETURNS date LANGUAGE sql STABLE
RETURN make_date(fx('y')::int, 9, 1);
CREATE TABLE public.fx_base (who text, township_id int, school_age bigint, suspected bigint,
                             confirmed bigint, returned bigint);
GRANT SELECT, INSERT ON public.fx_base TO PUBLIC;
-- What the current user's ledger_counts() says now minus what it said at
-- the baseline, per township.
CREATE FUNCTION public.fx_delta() RETURNS TABLE (township_id int, school_age bigint,
    suspected bigint, confirmed bigint, returned bigint)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT c.township_id, c.school_age - b.school_age, c.suspected - b.suspected,
           c.confirmed - b.confirmed, c.returned - b.returned
      FROM eduaid.ledger_counts(fx('y')::int) c
      JOIN public.fx_base b ON b.who = session_user AND b.township_id = c.township_id
     ORDER BY 1;
END;
CREATE VIEW public.fx_batch WITH (security_invoker = true) AS
SELECT e.* FROM eduaid.training_enrollment e JOIN eduaid.training_course c ON c.id = e.course_id
 WHERE c.name = '电子商务' AND e.batch = '2026-1' AND e.township_id = 420325100;
GRANT SELECT ON public.fx_batch TO PUBLIC;
CREATE FUNCTION public.fx_on(ledger text, student_key text) RETURNS boolean
LANGUAGE sql STABLE
RETURN EXISTS (SELECT FROM eduaid.dropout_ledger(fx('y')::int, ledger) l
                WHERE l.student_id = fx(student_key));

CREATE FUNCTION public.fx_hv(visit date, teacher bigint DEFAULT NULL) RETURNS text
LANGUAGE sql VOLATILE
RETURN format('INSERT INTO eduaid.home_visit (township_id, plan_id, visit_date, teacher_id, hours, content) '
              'VALUES (420325100, %s, %L, %s, 2, %L)', fx('hd_plan'), visit,
              coalesce(teacher, fx('lg_t')), '生活自理训练');
CREATE FUNCTION public.fx_att(key text, day date, hours numeric, present boolean DEFAULT true)
RETURNS text LANGUAGE sql VOLATILE
RETURN format('INSERT INTO eduaid.training_attendance (township_id, enrollment_id, session_date, hours, present) '
              'VALUES (420325100, %s, %L, %s, %L)', fx(key), day, hours, present);

SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO public.fx_base SELECT session_user, c.* FROM eduaid.ledger_counts(fx('y')::int) c;
SET SESSION AUTHORIZATION demo_officer;
INSERT INTO public.fx_base SELECT session_user, c.* FROM eduaid.ledger_counts(fx('y')::int) c;
SET SESSION AUTHORIZATION officer_103;
INSERT INTO public.fx_base SELECT session_user, c.* FROM eduaid.ledger_counts(fx('y')::int) c;
RESET SESSION AUTHORIZATION;

-- ==== the objects ==========================================================
SELECT results_eq(
    $$SELECT p.proname::text COLLATE "default", p.prosecdef,
             'search_path=pg_catalog, pg_temp' = ANY (p.proconfig),
             has_function_privilege('public', p.oid, 'EXECUTE')
        FROM pg_proc p
       WHERE p.pronamespace = 'eduaid'::regnamespace
         AND p.proname IN ('dropout_open', 'dropout_visit', 'dropout_confirm', 'dropout_return',
                           'ledger_counts', 'dropout_ledger', 'dropout_visits',
                           'home_delivery_due', 'training_ledger')
       ORDER BY 1$$,
    $$VALUES ('dropout_confirm', true, true, false), ('dropout_ledger', false, true, false),
             ('dropout_open', true, true, false), ('dropout_return', true, true, false),
             ('dropout_visit', true, true, false), ('dropout_visits', false, true, false),
             ('home_delivery_due', false, true, false), ('ledger_counts', false, true, false),
             ('training_ledger', false, true, false)$$,
    'writers are SECURITY DEFINER, readers INVOKER, all with a pinned search_path, none PUBLIC');
SELECT is(pg_get_function_result('eduaid.ledger_counts(int)'::regprocedure),
          'TABLE(township_id integer, school_age bigint, suspected bigint, confirmed bigint, returned bigint)',
          'ledger_counts has the signature the reports depend on');
SELECT results_eq(
    $$SELECT c.relname::text COLLATE "default", c.relrowsecurity, c.relforcerowsecurity
        FROM pg_class c
       WHERE c.relnamespace = 'eduaid'::regnamespace
         AND c.relname IN ('dropout_case', 'dropout_visit', 'home_visit', 'training_attendance')
       ORDER BY 1$$,
    $$VALUES ('dropout_case', true, true), ('dropout_visit', true, true),
             ('home_visit', true, true), ('training_attendance', true, true)$$,
    'the four ledger tables have row-level security, forced');
SELECT results_eq(
    $$SELECT t.tgrelid::regclass::text COLLATE "default", count(*)
        FROM pg_trigger t
       WHERE t.tgname = 'z_audit'
         AND t.tgrelid IN ('eduaid.dropout_case'::regclass, 'eduaid.dropout_visit'::regclass,
                           'eduaid.home_visit'::regclass, 'eduaid.training_attendance'::regclass)
       GROUP BY 1 ORDER BY 1$$,
    $$VALUES ('eduaid.dropout_case', 1::bigint), ('eduaid.dropout_visit', 1),
             ('eduaid.home_visit', 1), ('eduaid.training_attendance', 1)$$,
    'every ledger table is audited');
SELECT ok(NOT has_column_privilege('eduaid_supervisor', 'eduaid.student', 'birth_date', 'SELECT')
          AND NOT EXISTS (SELECT FROM pg_attribute a
                           WHERE a.attrelid = 'eduaid.student_school_age'::regclass
                             AND a.attname ~ 'birth|id_number'),
          'supervisors still cannot read birth dates; the school-age view carries none');

-- ==== the hand-made fixture (城关镇 420325100, demo_clerk) ===================
-- Ages on September 1 of this school year: ok12 12, ok15 15 (dropped
-- out), old16 16 (dropped out: not school age), young5 5, ok6 6, ok10 10.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('lg_a', 420325100) \gset
SELECT fx_student('ok12', 'lg_a', (fx_sep1() - interval '12 years')::date),
       fx_student('ok15', 'lg_a', (fx_sep1() - interval '16 years' + interval '1 day')::date),
       fx_student('old16', 'lg_a', (fx_sep1() - interval '16 years')::date),
       fx_student('young5', 'lg_a', (fx_sep1() - interval '6 years' + interval '1 day')::date),
       fx_student('ok6', 'lg_a', (fx_sep1() - interval '6 years')::date, 'M'),
       fx_student('ok10', 'lg_a', (fx_sep1() - interval '10 years')::date, 'M') \gset
-- Their facts of this school year (issue 11: the ledgers read the year
-- rows): a draft record of the year, ok15 and old16 dropped out, the
-- others in primary school.
INSERT INTO eduaid.household_year (township_id, household_id, school_year)
VALUES (420325100, fx('lg_a'), fx('y'));
INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage, school_id,
                                 schooling_status)
SELECT 420325100, hy.id, fx(k), CASE WHEN k IN ('ok15', 'old16') THEN 'none' ELSE 'primary' END,
       CASE WHEN k NOT IN ('ok15', 'old16')
            THEN (SELECT min(sc.id) FROM eduaid.school sc
                   WHERE sc.township_id = 420325100 AND sc.kind = 'primary') END,
       CASE WHEN k IN ('ok15', 'old16') THEN 'dropped_out' ELSE 'enrolled' END
  FROM eduaid.household_year hy
 CROSS JOIN unnest(ARRAY['ok12', 'ok15', 'old16', 'young5', 'ok6', 'ok10']) AS k
 WHERE hy.household_id = fx('lg_a') AND hy.school_year = fx('y');

SELECT results_eq($$SELECT * FROM fx_delta()$$,
    $$VALUES (420325100, 4::bigint, 1::bigint, 0::bigint, 0::bigint),
             (420325101, 0, 0, 0, 0)$$,
    'clerk: four more school-age children (not the 16- or 5-year-old), one suspected by status');
SELECT ok(fx_on('suspected', 'ok15') AND NOT fx_on('suspected', 'old16')
          AND fx_on('school_age', 'ok6') AND NOT fx_on('school_age', 'young5'),
          'the suspected ledger lists the dropped-out 15-year-old, not the 16-year-old');
SELECT is((SELECT count(*) FROM eduaid.dropout_ledger(fx('y')::int - 1, 'school_age') l
            WHERE l.student_id IN (fx('ok12'), fx('ok15'), fx('ok6'), fx('ok10'))), 0::bigint,
          'last school year''s ledger knows nothing of them: they have no row of that year');

-- ==== 控辍保学 as the clerk ===================================================
SELECT lives_ok($$SELECT fx_set('case12', eduaid.dropout_open(fx('ok12'), current_date, '邻居反映长期不在校'))$$,
                'clerk: opens a case by hand for an enrolled child');
SELECT ok(fx_on('suspected', 'ok12'), 'the child opened by hand is on the suspected ledger');
SELECT throws_ok($$SELECT eduaid.dropout_open(fx('ok12'), current_date)$$, 'EA021', NULL,
                 'one open case per child');
SELECT throws_ok($$SELECT eduaid.dropout_open(fx('old16'), current_date)$$, '23514', NULL,
                 'no case for a child above compulsory school age on the opening date');
SELECT throws_ok($$SELECT eduaid.dropout_open(fx('ok10'), current_date + 1)$$, '23514', NULL,
                 'a case is not opened on a future date');
SELECT throws_ok($$SELECT eduaid.dropout_visit(fx('ok12'), current_date + 1, '王老师', 'will_return')$$,
                 '23514', NULL, 'a visit is not in the future');
SELECT throws_ok($$SELECT eduaid.dropout_visit(fx('ok12'), current_date - 1, '王老师', 'will_return')$$,
                 '23514', NULL, 'a visit is not before its case was opened');
SELECT throws_ok($$SELECT eduaid.dropout_visit(fx('ok12'), current_date, '王老师', 'maybe')$$,
                 '23514', NULL, 'a visit''s outcome is one of the list');
SELECT throws_ok($$SELECT eduaid.dropout_visit(fx('ok12'), current_date, '　', 'will_return')$$,
                 '23514', NULL, 'a visit says who visited');
SELECT lives_ok($$SELECT eduaid.dropout_visit(fx('ok12'), current_date, '王老师、村主任', 'will_return', '家长答应下周送回')$$,
                'clerk: records a visit');
-- A visit to a child with no open case opens one dated on the visit.
SELECT lives_ok($$SELECT eduaid.dropout_visit(fx('ok6'), current_date, '李老师', 'refused')$$,
                'clerk: a visit to a child without a case opens one');
SELECT results_eq($$SELECT d.state, d.opened_on FROM eduaid.dropout_case d WHERE d.student_id = fx('ok6')$$,
                  $$VALUES ('suspected'::text, current_date)$$,
                  'that case is suspected, opened on the visit''s date');
SELECT lives_ok($$SELECT eduaid.dropout_confirm(fx('ok6'), current_date)$$, 'clerk: confirms a dropout');
SELECT ok(fx_on('confirmed', 'ok6') AND NOT fx_on('suspected', 'ok6'),
          'the confirmed child moves from the suspected ledger to the confirmed one');
SELECT throws_ok($$SELECT eduaid.dropout_confirm(fx('ok6'), current_date)$$, 'EA021', NULL,
                 'a confirmed case is not confirmed again');
SELECT throws_ok($$SELECT eduaid.dropout_return(fx('ok6'), NULL, 1)$$, '23514', NULL,
                 'no return without a date');
SELECT throws_ok($$SELECT eduaid.dropout_return(fx('ok6'), current_date, NULL)$$, '23514', NULL,
                 'no return without a school');
SELECT throws_ok($$SELECT eduaid.dropout_return(fx('ok6'), current_date + 1,
                     (SELECT min(id) FROM eduaid.school WHERE township_id = 420325100))$$,
                 '23514', NULL, 'no return in the future');
SELECT throws_ok($$SELECT eduaid.dropout_return(fx('ok6'), current_date - 1,
                     (SELECT min(id) FROM eduaid.school WHERE township_id = 420325100))$$,
                 '23514', NULL, 'no return before the case was confirmed');
SELECT ok(fx_on('confirmed', 'ok6'), 'after the refused returns the child is still on the confirmed ledger');
SELECT throws_ok($$SELECT eduaid.dropout_return(fx('ok10'), current_date, 1)$$, 'EA021', NULL,
                 'no return for a child without an open case');

-- ok10: opened and closed as back in school today; ok15: back in school
-- too (the year row still says dropped out, but the return is newer).
SELECT lives_ok($$SELECT eduaid.dropout_open(fx('ok10'), fx_sep1())$$, 'clerk: opens a case dated September 1');
SELECT lives_ok($$SELECT eduaid.dropout_return(fx('ok10'), current_date,
                     (SELECT min(id) FROM eduaid.school WHERE township_id = 420325100 AND kind = 'primary'))$$,
                'clerk: closes it as back in school, with the date and the school');
SELECT ok(NOT fx_on('suspected', 'ok10') AND NOT fx_on('confirmed', 'ok10') AND fx_on('returned', 'ok10'),
          'the returned child is on neither ledger, but in this year''s returns');
SELECT results_eq($$SELECT l.returned_on, l.returned_school IS NOT NULL
                      FROM eduaid.dropout_ledger(fx('y')::int, 'returned') l WHERE l.student_id = fx('ok10')$$,
                  $$VALUES (current_date, true)$$, 'the return shows its date and school');
SELECT lives_ok($$SELECT eduaid.dropout_visit(fx('ok10'), current_date, '李老师', 'returned')$$,
                'after a return, a new visit opens a new case');
SELECT ok(fx_on('suspected', 'ok10'), 'so the child is suspected again');

-- Direct writes are refused: no grant, and the guards behind it.
SELECT throws_ok($$UPDATE eduaid.dropout_case SET state = 'returned' WHERE id = fx('case12')$$,
                 '42501', NULL, 'clerk: no direct UPDATE of a case');
SELECT throws_ok($$DELETE FROM eduaid.dropout_case WHERE id = fx('case12')$$, '42501', NULL,
                 'clerk: no DELETE of a case');
SELECT throws_ok($$INSERT INTO eduaid.dropout_visit (township_id, case_id, visit_date, visitor, outcome)
                   VALUES (420325100, fx('case12'), current_date, 'x', 'other')$$,
                 '42501', NULL, 'clerk: no direct INSERT of a visit');
SELECT throws_ok($$DELETE FROM eduaid.dropout_visit$$, '42501', NULL, 'clerk: no DELETE of visits');

-- A member with a dropout case stays: the ledger's history needs the child.
SELECT throws_ok($$SELECT eduaid.delete_member('student',
                       (SELECT household_id FROM eduaid.student WHERE id = fx('ok12')), fx('ok12'))$$, '23503', NULL,
                 'clerk: a member with a dropout case cannot be removed from the household');

-- ==== the expected counts ===================================================
-- school_age +4 (ok12, ok15, ok6, ok10); suspected +2 (ok12 by hand, ok15
-- by status), +1 ok10 again = 3; confirmed +1 (ok6); returned +1 (ok10).
SELECT results_eq($$SELECT * FROM fx_delta()$$,
    $$VALUES (420325100, 4::bigint, 3::bigint, 1::bigint, 1::bigint), (420325101, 0, 0, 0, 0)$$,
    'clerk: ledger_counts adds exactly the hand-counted fixture');
SELECT lives_ok($$SELECT eduaid.dropout_open(fx('ok15'), current_date)$$, 'clerk: opens a case for ok15');
SELECT lives_ok($$SELECT eduaid.dropout_return(fx('ok15'), current_date,
                     (SELECT min(id) FROM eduaid.school WHERE township_id = 420325100))$$,
                'and closes it as back in school');
SELECT ok(NOT fx_on('suspected', 'ok15'),
          'a return newer than the member record takes the child off the suspected ledger');

SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq($$SELECT * FROM fx_delta()$$,
    $$VALUES (420325100, 4::bigint, 2::bigint, 1::bigint, 2::bigint)$$,
    'officer: one row, his township, with the fixture counted');
SELECT lives_ok($$SELECT eduaid.dropout_confirm(fx('ok12'), current_date)$$,
                'officer of the township: confirms a case');
SELECT results_eq($$SELECT * FROM fx_delta()$$,
    $$VALUES (420325100, 4::bigint, 1::bigint, 2::bigint, 2::bigint)$$,
    'officer: the confirmation moves one count from suspected to confirmed');
SELECT results_eq($$SELECT v.visitor, v.outcome, v.recorded_by, v.recorded_by_name
                      FROM eduaid.dropout_visits(fx('ok12')) v$$,
                  $$VALUES ('王老师、村主任'::text, 'will_return'::text, 'demo_clerk'::text, '张晓梅'::text)$$,
                  'officer: reads the child''s visits with who recorded them');

SET SESSION AUTHORIZATION officer_103;
SELECT results_eq($$SELECT * FROM fx_delta()$$,
    $$VALUES (420325103, 0::bigint, 0::bigint, 0::bigint, 0::bigint)$$,
    'another township''s officer: his own township only, unchanged');
SELECT is((SELECT count(*) FROM eduaid.dropout_case WHERE student_id = fx('ok12')), 0::bigint,
          'another township''s officer sees none of the cases');

SET SESSION AUTHORIZATION demo_clerk2;
SELECT throws_ok($$SELECT eduaid.dropout_visit(fx('ok12'), current_date, '张三', 'other')$$,
                 'EA005', NULL, 'another township''s clerk: cannot record a visit');
SELECT throws_ok($$SELECT eduaid.dropout_confirm(fx('ok10'), current_date)$$,
                 'EA005', NULL, 'another township''s clerk: cannot confirm');
SELECT is((SELECT count(*) FROM eduaid.dropout_visits(fx('ok12'))), 0::bigint,
          'another township''s clerk: reads no visits');

SET SESSION AUTHORIZATION demo_supervisor;
SELECT ok((SELECT count(*) FROM eduaid.ledger_counts(fx('y')::int))
          = (SELECT count(*) FROM eduaid.township WHERE county_id = 420325),
          'supervisor: a row for every township of the county');
SELECT results_eq($$SELECT l.id_number_masked ~ '^[0-9]{6}\*{8}[0-9X]{4}$', l.age
                      FROM eduaid.dropout_ledger(fx('y')::int, 'confirmed') l WHERE l.student_id = fx('ok6')$$,
                  $$VALUES (true, 6)$$, 'supervisor: reads the ledger, ID number masked');
SELECT is((SELECT count(*) FROM eduaid.dropout_case WHERE student_id IN (fx('ok6'), fx('ok12'))),
          2::bigint, 'supervisor: reads the cases');
SELECT throws_ok($$SELECT birth_date FROM eduaid.student WHERE id = fx('ok6')$$, '42501', NULL,
                 'supervisor: still no birth dates');
SELECT throws_ok($$SELECT eduaid.dropout_visit(fx('ok12'), current_date, '赵', 'other')$$, 'EA004',
                 NULL, 'supervisor: records no visit');
SELECT throws_ok($$SELECT eduaid.dropout_return(fx('ok12'), current_date, 1)$$, 'EA004', NULL,
                 'supervisor: closes no case');
SELECT ok(EXISTS (SELECT FROM eduaid.audit_log a WHERE a.kind = 'dropout' AND a.table_name = 'dropout_case'
                   AND a.row_id = fx('case12') AND a.action = 'update' AND a.actor = 'demo_officer'),
          'supervisor: the confirmation is in the audit log, by the officer');

SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT * FROM eduaid.ledger_counts(fx('y')::int)$$, '42501', NULL,
                 'admin: no ledgers (users and reference data only)');

SET SESSION AUTHORIZATION demo_auditor;
SELECT results_eq($$SELECT count(*), sum(confirmed) >= 2 FROM eduaid.ledger_counts(fx('y')::int)$$,
                  $$SELECT count(*), true FROM eduaid.township WHERE county_id = 420325$$,
                  'auditor: reads the counts of the whole county');
SELECT throws_ok($$SELECT eduaid.dropout_open(fx('ok10'), current_date)$$, 'EA004', NULL,
                 'auditor: changes nothing');
SELECT ok((SELECT count(*) FROM eduaid.audit_log a WHERE a.kind = 'dropout'
            AND a.township_id = 420325100 AND a.actor IN ('demo_clerk', 'demo_officer')) >= 10,
          'auditor: every case and visit change is audited');

-- The guards hold for the owner too (a definer function gone wrong).
RESET SESSION AUTHORIZATION;
SET ROLE eduaid_owner;
SELECT throws_ok($$UPDATE eduaid.dropout_case SET state = 'suspected', confirmed_on = NULL
                    WHERE id = fx('case12')$$, 'EA021', NULL, 'owner: a state never moves back');
SELECT throws_ok($$UPDATE eduaid.dropout_case SET opened_on = opened_on - 1 WHERE id = fx('case12')$$,
                 'EA006', NULL, 'owner: the opening date never changes');
SELECT throws_ok($$DELETE FROM eduaid.dropout_case WHERE id = fx('case12')$$, 'EA006', NULL,
                 'owner: a case is never deleted');
SELECT throws_ok($$UPDATE eduaid.dropout_visit SET outcome = 'returned'
                    WHERE case_id = fx('case12')$$, 'EA006', NULL, 'owner: a visit is never changed');
SELECT throws_ok($$UPDATE eduaid.dropout_case SET returned_on = current_date
                    WHERE student_id = fx('ok15') AND state = 'returned'$$, 'EA021', NULL,
                 'owner: a returned case is final');
RESET ROLE;

-- ==== 送教上门 ================================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_teacher('lg_t', 420325100) \gset
WITH ins AS (
    INSERT INTO eduaid.special_ed_plan (township_id, household_id, child_name,
        child_id_number, child_sex, child_birth_date, disability_type, disability_grade,
        placement, school_id, home_teacher_id, visits_per_month, placed_on)
    VALUES (420325100, fx('lg_a'), '送教儿童', fx_idno('65900120150301551'), 'M', DATE '2015-03-01',
            'physical', 1, 'home_delivery',
            (SELECT min(s.id) FROM eduaid.school s WHERE s.township_id = 420325100 AND s.kind = 'primary'),
            fx('lg_t'), 2, DATE '2022-03-01')
    RETURNING id)
SELECT fx_set('hd_plan', id) FROM ins \gset
SELECT throws_ok(fx_hv(current_date), 'EA021', NULL,
                 'clerk: no home visit to a plan not yet approved');
SELECT ok(NOT EXISTS (SELECT FROM eduaid.home_delivery_due() d WHERE d.plan_id = fx('hd_plan')),
          'a plan not yet approved owes no visits');
SELECT eduaid.submit('special_ed', fx('hd_plan')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('special_ed', fx('hd_plan')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('special_ed', fx('hd_plan')) \gset
SELECT results_eq($$SELECT d.visits_per_month, d.visits_logged, d.due FROM eduaid.home_delivery_due() d
                     WHERE d.plan_id = fx('hd_plan')$$,
                  $$VALUES (2, 0::bigint, 2)$$, 'supervisor: the approved plan owes two visits this month');
SELECT throws_ok(fx_hv(current_date), '42501', NULL, 'supervisor: logs no home visit');
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(fx_rowcount(fx_hv(current_date)), 1, 'clerk: logs a home visit today');
SELECT results_eq($$SELECT d.visits_logged, d.due, d.last_visit FROM eduaid.home_delivery_due() d
                     WHERE d.plan_id = fx('hd_plan')$$,
                  $$VALUES (1::bigint, 1, current_date)$$, 'one visit still due this month');
SELECT is((SELECT d.due FROM eduaid.home_delivery_due((current_date - interval '1 month')::date) d
            WHERE d.plan_id = fx('hd_plan')), 2, 'the visit counts only in its own month');
SELECT throws_ok(fx_hv(current_date), '23505', NULL, 'one visit per plan and day');
SELECT throws_ok(fx_hv(current_date + 1), '23514', NULL, 'no home visit in the future');
SELECT throws_ok(fx_hv(DATE '2022-02-28'), '23514', NULL, 'no home visit before the placement');
SELECT throws_ok($$INSERT INTO eduaid.home_visit (township_id, plan_id, visit_date, teacher_id, hours, content)
                   VALUES (420325100, fx('hd_plan'), current_date - 1, fx('lg_t'), 9, 'x')$$,
                 '23514', NULL, 'a home visit lasts at most 8 hours');
SELECT throws_ok($$UPDATE eduaid.home_visit SET hours = 3 WHERE plan_id = fx('hd_plan')$$, '42501', NULL,
                 'clerk: a home visit is not changed');
SELECT throws_ok($$DELETE FROM eduaid.home_visit WHERE plan_id = fx('hd_plan')$$, '42501', NULL,
                 'clerk: a home visit is not deleted');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_teacher('lg_t103', 420325103) \gset
SELECT throws_ok(fx_hv(current_date - 1, fx('lg_t103')), 'EA005', NULL,
                 'another township''s clerk: cannot log a visit to the plan');
SELECT is((SELECT count(*) FROM eduaid.home_visit WHERE plan_id = fx('hd_plan')), 0::bigint,
          'another township''s clerk: sees none of its visits');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok(fx_hv(current_date - 1, fx('lg_t103')), 'EA005', NULL,
                 'officer: the teacher must be of the plan''s township');
SELECT is(fx_rowcount(fx_hv(current_date - 1)), 1, 'officer of the township: logs a visit');
SELECT ok((SELECT d.due FROM eduaid.home_delivery_due() d WHERE d.plan_id = fx('hd_plan'))
          = CASE WHEN extract(day FROM current_date) = 1 THEN 1 ELSE 0 END,
          'both visits this month: nothing due (unless yesterday was last month)');
RESET SESSION AUTHORIZATION;
SET ROLE eduaid_owner;
SELECT throws_ok($$DELETE FROM eduaid.home_visit WHERE plan_id = fx('hd_plan')$$, 'EA006', NULL,
                 'owner: a home visit is never deleted');
RESET ROLE;

-- ==== 培训台账 ================================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_training('lg_tr', 'lg_a'), fx_training('lg_tr2', 'lg_a') \gset
SELECT is(fx_rowcount(fx_att('lg_tr', DATE '2026-03-02', 4)) + fx_rowcount(fx_att('lg_tr', DATE '2026-03-03', 3.5))
          + fx_rowcount(fx_att('lg_tr2', DATE '2026-03-02', 0, false)), 3,
          'clerk: records attendance, present and absent');
SELECT throws_ok(fx_att('lg_tr', DATE '2026-02-28', 4), '23514', NULL,
                 'no session before the course started');
SELECT throws_ok(fx_att('lg_tr', current_date + 1, 4), '23514', NULL, 'no session in the future');
SELECT throws_ok(fx_att('lg_tr2', DATE '2026-03-03', 3, false), '23514', NULL,
                 'an absence carries no hours');
SELECT throws_ok(fx_att('lg_tr', DATE '2026-03-02', 2), '23505', NULL, 'one row per trainee and day');
SELECT is(fx_rowcount($$UPDATE eduaid.training_attendance SET hours = 4 WHERE enrollment_id = fx('lg_tr')
                        AND session_date = DATE '2026-03-03'$$), 1, 'clerk: corrects the hours of a session');
SELECT throws_ok($$UPDATE eduaid.training_attendance SET session_date = DATE '2026-03-04'
                    WHERE enrollment_id = fx('lg_tr')$$, '42501', NULL, 'the day of a session stays');
SELECT throws_ok($$DELETE FROM eduaid.training_attendance$$, '42501', NULL, 'attendance is not deleted');
UPDATE eduaid.training_enrollment SET completed = true, certificate_no = 'CERT-1', employment_outcome = 'employed',
       hours_attended = 8
 WHERE id = fx('lg_tr');
SET SESSION AUTHORIZATION demo_officer;
-- The batch 2026-1 of 电子商务 holds demo enrollments (and attendance) too:
-- compare with the tables as the officer reads them, the fixture's two
-- sessions (4 + 4 hours present) among them.
SELECT ok((SELECT count(*) = 2 AND sum(hours) = 8 FROM eduaid.training_attendance
            WHERE enrollment_id IN (fx('lg_tr'), fx('lg_tr2')) AND present),
          'officer: reads the fixture''s attendance, two sessions, eight hours');
SELECT results_eq(
    $$SELECT l.enrolled, l.sessions, l.hours_present, l.completed, l.certified, l.employed
        FROM eduaid.training_ledger(2026) l
       WHERE l.course_name = '电子商务' AND l.batch = '2026-1'$$,
    $$SELECT count(*),
             (SELECT count(*) FROM eduaid.training_attendance a
               WHERE a.enrollment_id IN (SELECT id FROM fx_batch) AND a.present),
             (SELECT coalesce(sum(a.hours), 0) FROM eduaid.training_attendance a
               WHERE a.enrollment_id IN (SELECT id FROM fx_batch) AND a.present),
             count(*) FILTER (WHERE e.completed),
             count(*) FILTER (WHERE e.certificate_no IS NOT NULL),
             count(*) FILTER (WHERE e.employment_outcome IN ('employed', 'self_employed', 'entrepreneur'))
        FROM fx_batch e$$,
    'officer: the training ledger per course and batch counts his township, with attendance');
SELECT ok(NOT EXISTS (SELECT FROM eduaid.training_ledger(2025) l WHERE l.batch NOT LIKE '2025-%'),
          'the ledger of a year holds only that year''s batches');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT ok((SELECT sum(l.enrolled) FROM eduaid.training_ledger(NULL) l)
          = (SELECT count(*) FROM eduaid.training_enrollment),
          'supervisor: the ledger covers the whole county');
SELECT ok(EXISTS (SELECT FROM eduaid.audit_log a WHERE a.kind = 'training_attendance' AND a.action = 'update')
          AND EXISTS (SELECT FROM eduaid.audit_log a WHERE a.kind = 'home_visit' AND a.actor = 'demo_officer'),
          'attendance and home visits are audited');

RESET SESSION AUTHORIZATION;
SELECT * FROM finish();
ROLLBACK;
