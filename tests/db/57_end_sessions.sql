-- tests/db/57_end_sessions.sql: a disabled user's open sessions end
-- (issue 13; eduaid.end_sessions, repeatable/27_users.sql). Attack first,
-- as the hostile logins: a clerk, an officer, a supervisor and an auditor
-- may not call it; an admin may not use it on an account that is still
-- enabled (his own included), on a superuser or other non-eduaid role, or
-- on an account of another county; only a disabled account of his county
-- is ended. The real termination of a live session is 67_failover.t's
-- (tests/tui), with the client saying so.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(17);

INSERT INTO eduaid.county (id, name) VALUES (429021, '神农架林区');
SELECT eduaid.create_user('t57_far_admin', '外县管理员', 'admin', 429021);

-- ==== who may call it at all ===============================================
SELECT ok(NOT has_function_privilege('public', 'eduaid.end_sessions(text)', 'EXECUTE'),
    'PUBLIC may not run end_sessions');
SELECT ok(has_function_privilege('eduaid_admin', 'eduaid.end_sessions(text)', 'EXECUTE'),
    'the admins may');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT eduaid.end_sessions('demo_clerk2')$$, '42501', NULL,
    'demo_clerk may not end demo_clerk2''s sessions');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT eduaid.end_sessions('demo_clerk')$$, '42501', NULL,
    'demo_officer may not end his clerk''s sessions');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT eduaid.end_sessions('demo_admin')$$, '42501', NULL,
    'demo_supervisor may not end the admin''s sessions');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$SELECT eduaid.end_sessions('demo_clerk')$$, '42501', NULL,
    'demo_auditor may not either');
RESET SESSION AUTHORIZATION;

-- ==== an admin: only a disabled account of his county =======================
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT eduaid.end_sessions('demo_clerk2')$$, 'EA165', NULL,
    'demo_admin may not end an enabled clerk''s sessions');
SELECT throws_ok($$SELECT eduaid.end_sessions('demo_admin')$$, 'EA165', NULL,
    'nor his own');
SELECT throws_ok($$SELECT eduaid.end_sessions('eduaid_usermgr')$$, 'EA005', NULL,
    'nor a role that is no eduaid user (eduaid_usermgr)');
SELECT throws_ok($$SELECT eduaid.end_sessions('postgres')$$, 'EA005', NULL,
    'nor the superuser''s (no eduaid user)');
SELECT throws_ok($$SELECT eduaid.end_sessions('t57_far_admin')$$, 'EA004', NULL,
    'nor another county''s admin''s');
SELECT eduaid.disable_user('demo_clerk2');
SELECT is(eduaid.end_sessions('demo_clerk2'), 0,
    'demo_clerk2 disabled: demo_admin ends his sessions (none open here)');
RESET SESSION AUTHORIZATION;

-- an account made inactive while its role can still log in (not disabled
-- by disable_user): not ended
UPDATE eduaid.app_user SET active = false WHERE login = 'demo_officer';
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT eduaid.end_sessions('demo_officer')$$, 'EA165', NULL,
    'an inactive account whose role still logs in is not ended');
RESET SESSION AUTHORIZATION;

-- another county's admin, on demo_clerk2 (disabled): not his county
SET SESSION AUTHORIZATION t57_far_admin;
SELECT throws_ok($$SELECT eduaid.end_sessions('demo_clerk2')$$, 'EA004', NULL,
    'another county''s admin may not end demo_clerk2''s sessions');
RESET SESSION AUTHORIZATION;

-- ==== the right to signal stays with the function's owner ==================
SELECT ok(pg_has_role('eduaid_usermgr', 'pg_signal_backend', 'MEMBER'),
    'eduaid_usermgr (NOLOGIN) is a member of pg_signal_backend');
SELECT is((SELECT count(*)::int FROM pg_roles r
            WHERE r.rolcanlogin AND NOT r.rolsuper
              AND (pg_has_role(r.oid, 'pg_signal_backend', 'MEMBER')
                   OR pg_has_role(r.oid, 'eduaid_usermgr', 'MEMBER'))), 0,
    'no login (but a superuser) may signal backends or act as eduaid_usermgr');
SELECT ok(EXISTS (SELECT FROM eduaid.message WHERE key = 'EA165' AND zh <> '' AND en <> ''),
    'EA165 has words in zh and en');

SELECT * FROM finish();
ROLLBACK;
