-- tests/db/18_accounts.sql: four-eyes for accounts (018_accounts.sql,
-- issue 9 item 4). Attack first: demo_admin tried to become anyone -- make
-- an auditor, reset a supervisor's password, widen a clerk's townships --
-- and each took effect at once. Now demo_admin only requests; demo_supervisor
-- (same county, neither requester nor subject) approves or refuses with a
-- reason; every request and decision is audited, never the verifier; the
-- server takes passwords only as SCRAM-SHA-256 verifiers.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(69);

-- Verifiers, as a client computes them (here: the server hashing throwaway
-- roles' passwords inside this transaction).
SET LOCAL password_encryption = 'scram-sha-256';
CREATE ROLE t18_pw1 PASSWORD 'First-密码-1';
CREATE ROLE t18_pw2 PASSWORD 'Second-密码-2';
SELECT (SELECT rolpassword FROM pg_authid WHERE rolname = 't18_pw1') AS v1,
       (SELECT rolpassword FROM pg_authid WHERE rolname = 't18_pw2') AS v2 \gset
DROP ROLE t18_pw1;
DROP ROLE t18_pw2;
SELECT (SELECT coalesce(rolpassword, '') FROM pg_authid WHERE rolname = 'demo_supervisor2') AS sup2_pw_before \gset
INSERT INTO eduaid.county (id, name) VALUES (429021, '神农架林区');
INSERT INTO eduaid.township (id, county_id, name) VALUES (429021100, 429021, '松柏镇');
SELECT eduaid.create_user('t18_far_super', '外县审核员', 'supervisor', 429021) \gset
SELECT max(id) AS audit_before FROM eduaid.audit_log \gset

-- ==== the old doors are shut ===============================================
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT eduaid.create_user('t18_aud', '内鬼', 'auditor', 420325)$$,
    '42501', NULL, 'demo_admin can no longer create an auditor directly');
SELECT throws_ok(format($$SELECT eduaid.set_user_password('demo_supervisor2', %L)$$, :'v1'),
    '42501', NULL, 'nor set a supervisor''s password directly');
SELECT throws_ok($$SELECT eduaid.set_user_townships('demo_clerk2', '{420325100,420325103}')$$,
    '42501', NULL, 'nor widen a clerk''s townships directly');
SELECT throws_ok($$SELECT eduaid.enable_user('demo_clerk2')$$,
    '42501', NULL, 'nor enable an account directly');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT coalesce(rolpassword, '') FROM pg_authid WHERE rolname = 'demo_supervisor2'), :'sup2_pw_before',
    'demo_supervisor2''s password is untouched');

-- ==== a request alone grants nothing ======================================
SET SESSION AUTHORIZATION demo_admin;
SELECT eduaid.request_create('t18_aud', '新督导', 'auditor') AS rq_aud \gset
SELECT eduaid.request_create('t18_clerk', '新录入员', 'clerk', '{420325100}', :'v1') AS rq_clerk \gset
SELECT eduaid.request_password('demo_supervisor2', :'v2') AS rq_pw \gset
SELECT eduaid.request_townships('demo_clerk2', '{420325100,420325103}') AS rq_tw \gset
SELECT results_eq(
    $$SELECT action, login, status, requested_by, with_password FROM eduaid.account_request
       WHERE status = 'pending' ORDER BY id$$,
    $$VALUES ('create', 't18_aud', 'pending', 'demo_admin', false),
             ('create', 't18_clerk', 'pending', 'demo_admin', true),
             ('password', 'demo_supervisor2', 'pending', 'demo_admin', true),
             ('townships', 'demo_clerk2', 'pending', 'demo_admin', false)$$,
    'demo_admin sees his four requests pending');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*)::int FROM pg_roles WHERE rolname IN ('t18_aud', 't18_clerk')), 0,
    'no role exists for the requested accounts yet');
SELECT is((SELECT coalesce(rolpassword, '') FROM pg_authid WHERE rolname = 'demo_supervisor2'), :'sup2_pw_before',
    'the requested password is not in force yet');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is(eduaid.my_townships(), '{420325103}'::int[], 'demo_clerk2 still works in 土城镇 only');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok(format($$SELECT eduaid.request_password('demo_supervisor2', %L)$$, :'v1'), 'EA065', NULL,
    'a second password request for the same login while one is pending is EA065');

-- ==== who may not decide ====================================================
SELECT throws_ok(format('SELECT eduaid.approve_request(%s)', :rq_aud), '42501', NULL,
    'the requester (demo_admin) cannot approve his own request');
SELECT throws_ok(format('SELECT eduaid.refuse_request(%s, %L)', :rq_aud, 'x'), '42501', NULL,
    'nor refuse it');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok(format('SELECT eduaid.approve_request(%s)', :rq_aud), '42501', NULL,
    'a clerk cannot approve');
SELECT throws_ok('SELECT * FROM eduaid.account_request', '42501', NULL,
    'a clerk cannot read the requests');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok(format('SELECT eduaid.approve_request(%s)', :rq_aud), '42501', NULL,
    'an officer cannot approve');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok(format('SELECT eduaid.approve_request(%s)', :rq_aud), '42501', NULL,
    'an auditor cannot approve (read-only)');
SELECT is((SELECT count(*)::int FROM eduaid.account_request WHERE status = 'pending'), 4,
    'the auditor reads the pending requests');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT throws_ok(format('SELECT eduaid.approve_request(%s)', :rq_pw), 'EA062', NULL,
    'demo_supervisor2 cannot approve the password request about himself (EA062)');
SELECT throws_ok(format('SELECT eduaid.refuse_request(%s, %L)', :rq_pw, '不要'), 'EA062', NULL,
    'nor refuse it (EA062)');
SET SESSION AUTHORIZATION t18_far_super;
SELECT throws_ok(format('SELECT eduaid.approve_request(%s)', :rq_aud), 'EA061', NULL,
    'a supervisor of another county cannot approve (EA061)');
SELECT is((SELECT count(*)::int FROM eduaid.account_request), 0,
    'and sees no request of 房县');

SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT * FROM eduaid.account_request_secret$$, '42501', NULL,
    'the admin cannot read the pending verifiers');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT * FROM eduaid.account_request_secret$$, '42501', NULL,
    'nor can a supervisor');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$SELECT * FROM eduaid.account_request_secret$$, '42501', NULL,
    'nor the auditor');

-- ==== demo_supervisor decides ================================================
SET SESSION AUTHORIZATION demo_supervisor;
SELECT lives_ok(format('SELECT eduaid.approve_request(%s)', :rq_aud),
    'demo_supervisor approves the auditor');
SELECT lives_ok(format('SELECT eduaid.approve_request(%s)', :rq_clerk),
    'and the clerk of 城关镇 with a password');
SELECT lives_ok(format('SELECT eduaid.approve_request(%s)', :rq_pw),
    'and demo_supervisor2''s new password');
SELECT throws_ok(format('SELECT eduaid.refuse_request(%s, %L)', :rq_tw, '  '), 'EA064', NULL,
    'a refusal without a reason is EA064');
SELECT lives_ok(format('SELECT eduaid.refuse_request(%s, %L)', :rq_tw, '李建国只负责土城镇'),
    'demo_supervisor refuses the wider townships, with a reason');
SELECT throws_ok(format('SELECT eduaid.approve_request(%s)', :rq_tw), 'EA063', NULL,
    'a refused request cannot be approved afterwards (EA063)');
SELECT throws_ok(format('SELECT eduaid.approve_request(%s)', :rq_aud), 'EA063', NULL,
    'nor an approved one approved twice (EA063)');
RESET SESSION AUTHORIZATION;

SELECT results_eq(
    $$SELECT r.rolname::text COLLATE "default", r.rolcanlogin, g.rolname::text COLLATE "default", u.created_by
        FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid
        JOIN eduaid.app_user u ON u.login = r.rolname
       WHERE r.rolname IN ('t18_aud', 't18_clerk') ORDER BY 1$$,
    $$VALUES ('t18_aud', true, 'eduaid_auditor', 'demo_admin'), ('t18_clerk', true, 'eduaid_clerk', 'demo_admin')$$,
    'the approved accounts exist, each in its one group, created by the requester');
SELECT is((SELECT rolpassword FROM pg_authid WHERE rolname = 't18_clerk'), :'v1',
    't18_clerk''s password is the requested verifier');
SELECT is((SELECT rolpassword FROM pg_authid WHERE rolname = 'demo_supervisor2'), :'v2',
    'demo_supervisor2''s password is the requested verifier');
SELECT results_eq(
    format($$SELECT status, decided_by, reason FROM eduaid.account_request WHERE id IN (%s, %s, %s) ORDER BY id$$,
           :rq_aud, :rq_pw, :rq_tw),
    $$VALUES ('approved', 'demo_supervisor', NULL), ('approved', 'demo_supervisor', NULL),
             ('rejected', 'demo_supervisor', '李建国只负责土城镇')$$,
    'each request records its decision, decider and reason');
SELECT is((SELECT count(*)::int FROM eduaid.account_request_secret), 0,
    'a decided request keeps no verifier (none is pending now)');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is(eduaid.my_townships(), '{420325103}'::int[], 'the refused townships never took effect');
SET SESSION AUTHORIZATION t18_clerk;
SELECT is(eduaid.my_townships(), '{420325100}'::int[], 't18_clerk works in 城关镇 after approval');

-- ==== the audit trail: every request and decision, never the verifier =======
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    format($$SELECT actor, table_name, action, record_key, reason FROM eduaid.audit_log
              WHERE id > %s AND kind = 'user' AND table_name = 'account_request' ORDER BY id$$, :audit_before),
    $$VALUES ('demo_admin', 'account_request', 'insert', 't18_aud', NULL::text),
             ('demo_admin', 'account_request', 'insert', 't18_clerk', NULL),
             ('demo_admin', 'account_request', 'insert', 'demo_supervisor2', NULL),
             ('demo_admin', 'account_request', 'insert', 'demo_clerk2', NULL),
             ('demo_supervisor', 'account_request', 'approve', 't18_aud', NULL),
             ('demo_supervisor', 'account_request', 'approve', 't18_clerk', NULL),
             ('demo_supervisor', 'account_request', 'approve', 'demo_supervisor2', NULL),
             ('demo_supervisor', 'account_request', 'reject', 'demo_clerk2', '李建国只负责土城镇')$$,
    'every request, approval and refusal is an audit row of kind user, with its actor and reason');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE id > :audit_before AND kind = 'user' AND table_name = 'app_user' AND action = 'update'
              AND record_key IN ('demo_supervisor2', 't18_clerk')
              AND new_row ->> 'password_set_by' = 'demo_supervisor'), 2,
    'each password that took effect is audited on app_user (password_set_at, password_set_by)');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE id > :audit_before
              AND (coalesce(old_row::text, '') || coalesce(new_row::text, '')) ~ '(SCRAM-SHA-256|First-|Second-)'), 0,
    'no audit row holds a verifier or a password');
SELECT is((SELECT count(*)::int FROM information_schema.columns
            WHERE table_schema = 'eduaid' AND table_name = 'account_request'
              AND column_name ~ 'verifier|password' AND column_name <> 'with_password'), 0,
    'the audited request table has no column for the verifier');

-- ==== verifiers only (EA060): a plaintext never reaches ALTER ROLE ===========
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT eduaid.request_password('demo_clerk', 'Plain-Secret-1')$$, 'EA060', NULL,
    'a plaintext password is refused (EA060)');
SELECT throws_ok($$SELECT eduaid.request_create('t18_x', '明文', 'clerk', '{420325100}', 'Plain-Secret-1')$$,
    'EA060', NULL, 'also when creating (EA060)');
SELECT throws_ok($$SELECT eduaid.request_password('demo_clerk', 'md5' || md5('Plain-Secret-1demo_clerk'))$$,
    'EA060', NULL, 'an md5 hash is refused (EA060)');
SELECT throws_ok(format($$SELECT eduaid.request_password('demo_clerk', %L)$$, left(:'v1', -1)),
    'EA060', NULL, 'a truncated verifier is refused (EA060)');
SELECT throws_ok(format($$SELECT eduaid.request_password('demo_clerk', %L)$$,
                        regexp_replace(:'v1', '^SCRAM-SHA-256\$[0-9]+:', 'SCRAM-SHA-256$1:')),
    'EA060', NULL, 'a verifier of one iteration is refused (EA060)');
SELECT throws_ok($$SELECT eduaid.request_password('demo_clerk', 'SCRAM-SHA-256$4096:c2FsdA==$x:y')$$,
    'EA060', NULL, 'a verifier-shaped string with bad keys is refused (EA060)');
SELECT throws_ok($$SELECT eduaid.request_password('demo_clerk', NULL)$$, 'EA060', NULL,
    'a NULL password is refused (EA060)');
RESET SESSION AUTHORIZATION;
SELECT throws_ok($$SELECT eduaid.request_password('demo_clerk', 'Plain-Secret-1')$$, 'EA060', NULL,
    'the refusal does not depend on who asks: the superuser too (EA060)');
SELECT throws_ok($$SELECT eduaid.set_user_password('demo_clerk', 'Plain-Secret-1')$$, 'EA060', NULL,
    'the superuser''s direct path takes verifiers only (EA060)');
SELECT throws_ok($$SELECT eduaid.create_user('t18_y', '明文', 'clerk', 420325, '{420325100}', 'Plain-Secret-1')$$,
    'EA060', NULL, 'also when creating directly (EA060)');
SELECT ok(NOT EXISTS (SELECT FROM pg_authid WHERE rolname = 'demo_clerk' AND rolpassword IS NOT NULL),
    'demo_clerk still has no password');
CREATE FUNCTION pg_temp.err_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    m text;
    h text;
    d text;
BEGIN
    EXECUTE q;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, h = PG_EXCEPTION_HINT, d = PG_EXCEPTION_DETAIL;
    RETURN m || ' ' || h || ' ' || d;
END
$$;
SELECT doesnt_match(pg_temp.err_of($$SELECT eduaid.request_password('demo_clerk', 'Plain-Secret-1')$$),
    'Plain-Secret', 'the refusal never repeats the value it refused');

-- ==== the superuser's path, and approval re-checks ==========================
SELECT lives_ok(format($$SELECT eduaid.set_user_password('demo_clerk2', %L)$$, :'v2'),
    'the superuser (DBA) may still set a verifier directly');
SELECT is((SELECT actor || ':' || action FROM eduaid.audit_log
            WHERE kind = 'user' AND table_name = 'app_user' AND record_key = 'demo_clerk2'
            ORDER BY id DESC LIMIT 1), session_user || ':update',
    'and that is audited too, with the superuser as actor');
SET SESSION AUTHORIZATION demo_admin;
SELECT eduaid.request_create('t18_late', '迟到', 'clerk', '{420325103}') AS rq_late \gset
RESET SESSION AUTHORIZATION;
SELECT eduaid.create_user('t18_late', '抢先', 'clerk', 420325, '{420325100}') \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok(format('SELECT eduaid.approve_request(%s)', :rq_late), 'EA011', NULL,
    'approval re-checks the request: a login taken meanwhile is EA011');
SELECT is((SELECT status FROM eduaid.account_request WHERE id = :rq_late), 'pending',
    'and the request stays pending, to be refused');

-- ==== disabling stays immediate; enabling needs the second person ===========
SET SESSION AUTHORIZATION demo_admin;
SELECT lives_ok($$SELECT eduaid.disable_user('t18_clerk')$$, 'demo_admin disables t18_clerk at once');
SET SESSION AUTHORIZATION t18_clerk;
SELECT is(eduaid.my_townships(), NULL::int[], 'the disabled clerk sees nothing at once');
SET SESSION AUTHORIZATION demo_admin;
SELECT eduaid.request_enable('t18_clerk') AS rq_en \gset
RESET SESSION AUTHORIZATION;
SELECT is((SELECT rolcanlogin FROM pg_roles WHERE rolname = 't18_clerk'), false,
    'a request to enable does not enable');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT lives_ok(format('SELECT eduaid.approve_request(%s)', :rq_en), 'demo_supervisor approves it');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT rolcanlogin FROM pg_roles WHERE rolname = 't18_clerk'), true, 'then the clerk can log in');

-- ==== a disabled admin's pending requests die with him ========================
RESET SESSION AUTHORIZATION;
SELECT eduaid.create_user('t18_admin2', '第二管理员', 'admin', 420325) \gset
SET SESSION AUTHORIZATION t18_admin2;
SELECT eduaid.request_create('t18_by_admin2', '待定', 'auditor') AS rq_a2 \gset
SELECT throws_ok($$SELECT eduaid.request_create('t18_noname', '  ', 'auditor')$$, 'EA011', NULL,
    'a request without a name is EA011 at once, not a constraint error at approval');
SET SESSION AUTHORIZATION demo_admin;
SELECT lives_ok($$SELECT eduaid.disable_user('t18_admin2')$$, 'demo_admin disables t18_admin2');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok(format('SELECT eduaid.approve_request(%s)', :rq_a2), 'EA067', NULL,
    'a request of an admin disabled since cannot be approved (EA067)');
SELECT lives_ok(format('SELECT eduaid.refuse_request(%s, %L)', :rq_a2, '申请人已停用'),
    'it can be refused');

-- ==== a disabled supervisor decides nothing ==================================
SET SESSION AUTHORIZATION demo_admin;
SELECT eduaid.request_townships('demo_clerk2', '{420325104}') AS rq_tw2 \gset
SELECT lives_ok($$SELECT eduaid.disable_user('demo_supervisor2')$$, 'demo_admin disables demo_supervisor2');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT throws_ok(format('SELECT eduaid.approve_request(%s)', :rq_tw2), 'EA061', NULL,
    'a disabled supervisor cannot approve (EA061)');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
