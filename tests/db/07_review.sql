-- tests/db/07_review.sql: rules added after the first review of the schema
-- -- the officer who submitted a record does not verify it; the admin's
-- changes to users and reference data are audited and only auditors read
-- them; a program's maximum caps an application.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(10);

-- ==== an officer who submitted does not verify =============================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('rv_a', 420325100) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.submit('household', fx('rv_a')) \gset
SELECT throws_ok($$SELECT eduaid.verify('household', fx('rv_a'))$$, 'EA002', NULL,
    'the officer who submitted a record cannot verify it (EA002)');
SELECT throws_ok($$SELECT eduaid.reject('household', fx('rv_a'), '退回')$$, 'EA002', NULL,
    'nor return it in place of verifying (EA002)');
SET SESSION AUTHORIZATION officer_100;
SELECT lives_ok($$SELECT eduaid.verify('household', fx('rv_a'))$$,
    'another officer of the township verifies it');
RESET SESSION AUTHORIZATION;

-- ==== the admin's work is audited ==========================================
-- (018_accounts.sql: the admin requests, a supervisor approves; both are
-- audited, the change itself with the approver as actor.)
SET SESSION AUTHORIZATION demo_admin;
SELECT eduaid.request_create('rv_clerk', '审计测试', 'clerk', '{420325103}') AS rq \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve_request(:rq) \gset
SET SESSION AUTHORIZATION demo_admin;
SELECT eduaid.request_townships('rv_clerk', '{420325104}') AS rq \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve_request(:rq) \gset
SET SESSION AUTHORIZATION demo_admin;
SELECT eduaid.disable_user('rv_clerk') \gset
UPDATE eduaid.school SET nutrition_pilot = NOT nutrition_pilot
 WHERE name = '土城镇中心小学';
RESET SESSION AUTHORIZATION;
SELECT is((SELECT array_agg(actor || ':' || table_name || ':' || action ORDER BY id) FROM eduaid.audit_log
            WHERE kind = 'user' AND record_key = 'rv_clerk'),
          ARRAY['demo_admin:account_request:insert',
                'demo_supervisor:app_user:insert', 'demo_supervisor:app_user_township:insert',
                'demo_supervisor:account_request:approve',
                'demo_admin:account_request:insert',
                'demo_supervisor:app_user_township:delete', 'demo_supervisor:app_user_township:insert',
                'demo_supervisor:account_request:approve',
                'demo_admin:app_user:update'],
          'requesting, approving (creating, reassigning) and disabling a user are audited, each with its actor');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE kind = 'reference' AND table_name = 'school' AND actor = 'demo_admin'
              AND action = 'update' AND new_row ->> 'name' = '土城镇中心小学'
              AND at >= now()),  -- this test's (the demo's admin set its canteen)
          1, 'a change to a school is audited');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE kind IN ('user', 'reference') AND township_id IS NOT NULL),
          0, 'user and reference audit rows carry no township');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is((SELECT count(*)::int FROM eduaid.audit_log WHERE kind IN ('user', 'reference')),
          0, 'a clerk of the township reads none of them');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT count(*)::int FROM eduaid.audit_log WHERE kind IN ('user', 'reference')),
          0, 'nor does a supervisor');
SET SESSION AUTHORIZATION demo_auditor;
SELECT ok((SELECT count(*) FROM eduaid.audit_log WHERE record_key = 'rv_clerk') = 9,
          'the auditor reads them');
RESET SESSION AUTHORIZATION;

-- ==== personal columns ======================================================
SELECT is(
    (SELECT array_agg(a.attrelid::regclass::text || '.' || a.attname ORDER BY 1)
       FROM pg_catalog.pg_attribute a
       JOIN pg_catalog.pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
      WHERE a.attrelid::regclass::text LIKE 'eduaid.%' AND a.attnum > 0
        AND NOT a.attisdropped AND eduaid.is_personal_column(a.attname)
        AND a.attrelid::regclass::text NOT IN ('eduaid.audit_log')
        AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute m
                         WHERE m.attrelid = a.attrelid AND m.attname = a.attname || '_masked')),
    NULL,
    'every personal column of every table has a *_masked twin');

SELECT * FROM finish();
ROLLBACK;
