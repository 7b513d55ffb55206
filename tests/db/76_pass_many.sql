-- tests/db/76_pass_many.sql: many review steps in one statement (issue
-- 16; sql/repeatable/23_pass_many.sql). As a supervisor: a batch of
-- approvals in which the four-eyes rule still refuses the record he
-- verified himself (EA002), a record of another county -- one he cannot
-- see -- is refused as not found (EA005), a version that moved is refused
-- (EA007), and the others are approved; one row per id, in the order
-- given, each refusal in the words one step would give. The arrays must
-- be as many (22023); a step with a reason is not taken in bulk (22023);
-- a clerk's batch is refused row by row (EA004); approve_many(kind, ids)
-- is the same for one kind.
-- People: demo_clerk (城关镇), demo_officer and officer_100 (officers of
-- 城关镇; officer_100 becomes a supervisor for the batch, as in
-- 03_workflow.sql), demo_supervisor.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(17);

INSERT INTO eduaid.county (id, name) VALUES (429021, '神农架林区');
INSERT INTO eduaid.township (id, county_id, name) VALUES (429021100, 429021, '松柏镇');
INSERT INTO eduaid.village (id, township_id, name) VALUES (429021100001, 429021100, '松柏村');
SELECT fx_household('hh_other', 429021100) \gset
CREATE TABLE public.batch (ord int, id bigint, ok boolean, version int, sqlstate text,
    message text, detail text, hint text, constraint_name text, table_name text, column_name text);
GRANT ALL ON public.batch TO PUBLIC;

SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_a', 420325100), fx_household('hh_b', 420325100),
       fx_household('hh_own', 420325100), fx_household('hh_v', 420325100),
       fx_household('hh_c', 420325100) \gset
SELECT count(eduaid.submit('household', fx(k))) AS n_submitted
  FROM unnest('{hh_a,hh_b,hh_own,hh_v,hh_c}'::text[]) k \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT count(eduaid.verify('household', fx(k))) AS n_verified
  FROM unnest('{hh_a,hh_b,hh_v,hh_c}'::text[]) k \gset
SET SESSION AUTHORIZATION officer_100;
SELECT is(eduaid.verify('household', fx('hh_own')), 3, 'officer_100 verifies hh_own');
RESET SESSION AUTHORIZATION;
UPDATE eduaid.app_user SET role = 'supervisor' WHERE login = 'officer_100';

-- ---- the batch ------------------------------------------------------------------
SET SESSION AUTHORIZATION officer_100;
SELECT is(eduaid.my_role(), 'supervisor', 'officer_100 is now a supervisor');
INSERT INTO public.batch
SELECT * FROM eduaid.pass_many('{approve,approve,approve,approve,approve}',
                               '{household,household,household,household,household}',
                               ARRAY[fx('hh_a'), fx('hh_own'), fx('hh_other'), fx('hh_v'), fx('hh_b')],
                               ARRAY[3, 3, 1, 2, NULL]);
SELECT results_eq(
    $$SELECT ord, id, ok, version, sqlstate FROM public.batch ORDER BY ord$$,
    $$VALUES (1, fx('hh_a'), true, 4, NULL::text),
             (2, fx('hh_own'), false, NULL::int, 'EA002'),
             (3, fx('hh_other'), false, NULL, 'EA005'),
             (4, fx('hh_v'), false, NULL, 'EA007'),
             (5, fx('hh_b'), true, 4, NULL)$$,
    'one row per id, in order: approved, four-eyes (his own verification), not visible (another county), version moved, approved');
SELECT matches((SELECT message FROM public.batch WHERE ord = 2), '^four-eyes rule: you created, edited or verified household record',
    'the four-eyes refusal in the words of approve() itself');
SELECT is((SELECT message FROM public.batch WHERE ord = 3),
    format('household record %s not found (记录不存在或无权查看)', fx('hh_other')),
    'the record of another county: not found, exactly as for one step (nothing leaks)');
SELECT is((SELECT count(*)::int FROM public.batch WHERE NOT ok AND message IS NULL), 0,
    'every refusal has its message');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT fx_status('household', k) FROM unnest('{hh_a,hh_own,hh_v,hh_b,hh_other}'::text[]) k$$,
    $$VALUES ('approved'::text), ('verified'), ('verified'), ('approved'), ('draft')$$,
    'the approved ones are approved; the refused ones are as they were');
SELECT is((SELECT approved_by FROM eduaid.household WHERE id = fx('hh_a')), 'officer_100',
    'approved by the person logged in (the steps ran as him)');

-- ---- what the arrays may be ----------------------------------------------------
SET SESSION AUTHORIZATION officer_100;
SELECT throws_ok($$SELECT * FROM eduaid.pass_many('{approve}', '{household,household}', ARRAY[fx('hh_c')])$$,
    '22023', NULL, 'arrays of different lengths are refused (22023)');
SELECT throws_ok($$SELECT * FROM eduaid.pass_many('{approve}', '{household}', ARRAY[fx('hh_c')], '{1,2}')$$,
    '22023', NULL, 'and so are versions of another length (22023)');
SELECT results_eq(
    $$SELECT ok, sqlstate FROM eduaid.pass_many('{reject}', '{household}', ARRAY[fx('hh_c')])$$,
    $$VALUES (false, '22023'::text)$$,
    'a step with a reason is not taken in bulk (22023), row by row');
SELECT is(fx_status('household', 'hh_c'), 'verified', 'hh_c was not returned');
SELECT is_empty($$SELECT * FROM eduaid.pass_many('{}', '{}', '{}')$$, 'an empty batch: no rows');
RESET SESSION AUTHORIZATION;
UPDATE eduaid.app_user SET role = 'officer' WHERE login = 'officer_100';

-- ---- a clerk, and approve_many ---------------------------------------------------
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT ok, sqlstate FROM eduaid.pass_many('{approve}', '{household}', ARRAY[fx('hh_c')])$$,
    $$VALUES (false, 'EA004'::text)$$,
    'a clerk''s batch is refused as approve() refuses a clerk (EA004)');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq(
    $$SELECT id, ok, sqlstate FROM eduaid.approve_many('household', ARRAY[fx('hh_own'), -1, fx('hh_c')])$$,
    $$VALUES (fx('hh_own'), true, NULL::text), (-1::bigint, false, 'EA005'), (fx('hh_c'), true, NULL)$$,
    'approve_many: demo_supervisor, who verified neither, approves hh_own and hh_c; no record -1 (EA005)');
RESET SESSION AUTHORIZATION;
SELECT is(fx_status('household', 'hh_own'), 'approved', 'hh_own is approved (by another supervisor)');
SELECT is((SELECT approved_by FROM eduaid.household WHERE id = fx('hh_own')), 'demo_supervisor',
    'by demo_supervisor');

SELECT * FROM finish();
ROLLBACK;
