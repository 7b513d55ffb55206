-- tests/db/06_users.sql: user administration. Since 018_accounts.sql an
-- admin requests (request_create, request_townships, request_password,
-- request_enable) and a county supervisor approves (approve_request); the
-- direct create_user, set_user_townships, set_user_password and enable_user
-- are the superuser's; disable_user stays the admin's, at once. Only an
-- active eduaid admin (or a superuser) manages users; each user is a
-- LOGIN role in exactly one group with the townships its role allows;
-- disabling takes the login and the scope away at once; nothing but eduaid
-- users can be touched; the admin has no other way to make or change roles.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(96);

SELECT session_user AS su, md5(coalesce(rolpassword, '')) AS su_pw
  FROM pg_authid WHERE rolname = session_user \gset
INSERT INTO eduaid.county (id, name) VALUES (429021, '神农架林区');
INSERT INTO eduaid.township (id, county_id, name) VALUES (429021100, 429021, '松柏镇');
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_cg', 420325100) \gset
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('hh_tc', 420325103) \gset
RESET SESSION AUTHORIZATION;

-- A SCRAM verifier of 'Secret-1', as a client would compute it (here: the
-- server hashing a throwaway role's password, inside this transaction).
SET LOCAL password_encryption = 'scram-sha-256';
CREATE ROLE t_pw_tmp PASSWORD 'Secret-1';
SELECT rolpassword AS verifier FROM pg_authid WHERE rolname = 't_pw_tmp' \gset
DROP ROLE t_pw_tmp;

-- Approve every pending account request, as demo_supervisor.
CREATE FUNCTION public.fx_approve_all() RETURNS int
LANGUAGE plpgsql AS $f$
DECLARE
    n int := 0;
    r record;
BEGIN
    FOR r IN SELECT id FROM eduaid.account_request WHERE status = 'pending' ORDER BY id LOOP
        PERFORM eduaid.approve_request(r.id);
        n := n + 1;
    END LOOP;
    RETURN n;
END
$f$;
GRANT EXECUTE ON FUNCTION public.fx_approve_all() TO PUBLIC;

-- The groups of a role, as text.
CREATE FUNCTION public.fx_groups(login text) RETURNS text[]
LANGUAGE sql STABLE
RETURN (SELECT coalesce(array_agg(g.rolname::text ORDER BY g.rolname), '{}')
          FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
         WHERE m.member = (SELECT r.oid FROM pg_roles r WHERE r.rolname = login));

-- ==== creating users ========================================================
SET SESSION AUTHORIZATION demo_admin;
SELECT lives_ok(format($$SELECT eduaid.request_create('t_clerk', '测试录入员', 'clerk', '{420325103}', %L)$$, :'verifier'),
    'demo_admin requests a clerk of 土城镇 with a password (a verifier)');
SELECT lives_ok($$SELECT eduaid.request_create('t_officer', '测试专干', 'officer', '{420325100}')$$,
    'demo_admin requests an officer of 城关镇');
SELECT lives_ok($$SELECT eduaid.request_create('t_super', '测试审核员', 'supervisor')$$,
    'demo_admin requests a supervisor (no townships: the whole county)');
SELECT lives_ok($$SELECT eduaid.request_create('t_auditor', '测试督导', 'auditor')$$,
    'demo_admin requests an auditor');
SELECT lives_ok($$SELECT eduaid.request_create('t_admin', '测试管理员', 'admin')$$,
    'demo_admin requests another admin');
SELECT lives_ok($$SELECT eduaid.request_create('t_clerk_multi', '测试录入员二', 'clerk',
                                            '{420325100,420325101,420325102}')$$,
    'a clerk may work in several townships');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(fx_approve_all(), 6, 'demo_supervisor approves the six requests');
RESET SESSION AUTHORIZATION;
SELECT lives_ok($$SELECT eduaid.create_user('t_by_super', '超级用户建', 'clerk', 420325, '{420325100}')$$,
    'the superuser can create users too');

SELECT results_eq(
    $$SELECT r.rolname::text COLLATE "default", r.rolcanlogin, r.rolsuper, r.rolcreaterole, r.rolcreatedb,
             r.rolbypassrls, r.rolinherit, fx_groups(r.rolname) COLLATE "default"
        FROM pg_roles r WHERE r.rolname LIKE 't\_%' ORDER BY r.rolname$$,
    $$VALUES ('t_admin', true, false, false, false, false, true, '{eduaid_admin}'::text[]),
             ('t_auditor', true, false, false, false, false, true, '{eduaid_auditor}'),
             ('t_by_super', true, false, false, false, false, true, '{eduaid_clerk}'),
             ('t_clerk', true, false, false, false, false, true, '{eduaid_clerk}'),
             ('t_clerk_multi', true, false, false, false, false, true, '{eduaid_clerk}'),
             ('t_officer', true, false, false, false, false, true, '{eduaid_officer}'),
             ('t_super', true, false, false, false, false, true, '{eduaid_supervisor}')$$,
    'each new user is a plain LOGIN role in exactly the one group of its role');
SELECT results_eq(
    $$SELECT u.login, u.role, u.county_id, u.active, u.created_by,
             (SELECT array_agg(a.township_id ORDER BY a.township_id) FROM eduaid.app_user_township a
               WHERE a.login = u.login)
        FROM eduaid.app_user u WHERE u.login LIKE 't\_%' ORDER BY u.login$$,
    format($$VALUES ('t_admin', 'admin', 420325, true, 'demo_admin', NULL::int[]),
             ('t_auditor', 'auditor', 420325, true, 'demo_admin', NULL),
             ('t_by_super', 'clerk', 420325, true, %L, '{420325100}'),
             ('t_clerk', 'clerk', 420325, true, 'demo_admin', '{420325103}'),
             ('t_clerk_multi', 'clerk', 420325, true, 'demo_admin', '{420325100,420325101,420325102}'),
             ('t_officer', 'officer', 420325, true, 'demo_admin', '{420325100}'),
             ('t_super', 'supervisor', 420325, true, 'demo_admin', NULL)$$, :'su'),
    'app_user and app_user_township record role, county, creator and exactly the townships given');
SELECT matches((SELECT rolpassword FROM pg_authid WHERE rolname = 't_clerk'), '^SCRAM-SHA-256\$',
    'the password is stored as a SCRAM verifier, not in clear');
SELECT is((SELECT rolpassword FROM pg_authid WHERE rolname = 't_officer'), NULL,
    'a user created without a password has none');

-- The new clerk works in 土城镇 only.
SET SESSION AUTHORIZATION t_clerk;
SELECT is(eduaid.my_role(), 'clerk', 't_clerk''s role is clerk');
SELECT is(eduaid.my_townships(), '{420325103}'::int[], 't_clerk''s townships are 土城镇');
SELECT results_eq($$SELECT id FROM eduaid.household WHERE id IN (fx('hh_cg'), fx('hh_tc'))$$,
    $$VALUES (fx('hh_tc'))$$, 't_clerk sees the 土城镇 household and not the 城关镇 one');
SELECT is_empty($$SELECT id FROM eduaid.household WHERE township_id <> 420325103$$,
    't_clerk sees no row of another township');
SELECT throws_ok($$SELECT fx_household('hh_x1', 420325100)$$, '42501',
    'new row violates row-level security policy for table "household"',
    't_clerk cannot write into 城关镇');
SELECT throws_ok($$SET ROLE eduaid_supervisor$$, '42501', 'permission denied to set role "eduaid_supervisor"',
    't_clerk cannot SET ROLE to another group');
SET SESSION AUTHORIZATION t_officer;
SELECT is(eduaid.my_townships(), '{420325100}'::int[], 't_officer''s township is 城关镇');
SET SESSION AUTHORIZATION t_super;
SELECT is(cardinality(eduaid.my_townships()),
    (SELECT count(*)::int FROM eduaid.township WHERE county_id = 420325),
    't_super covers every township of the county');
SET SESSION AUTHORIZATION t_admin;
SELECT throws_ok($$SELECT count(*) FROM eduaid.household$$, '42501', 'permission denied for table household',
    't_admin reads no records');

-- ==== refused user data (EA011) =============================================
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT eduaid.request_create('t_bad1', '坏', 'officer', '{420325100,420325101}')$$,
    'EA011', NULL, 'an officer with two townships is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad2', '坏', 'officer')$$,
    'EA011', NULL, 'an officer with no township is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad3', '坏', 'clerk')$$,
    'EA011', NULL, 'a clerk with no township is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad4', '坏', 'clerk', NULL)$$,
    'EA011', NULL, 'a clerk with NULL townships is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad5', '坏', 'supervisor', '{420325100}')$$,
    'EA011', NULL, 'a supervisor with a township is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad6', '坏', 'auditor', '{420325100}')$$,
    'EA011', NULL, 'an auditor with a township is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad7', '坏', 'admin', '{420325100}')$$,
    'EA011', NULL, 'an admin with a township is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad8', '坏', 'clerk', '{420325999}')$$,
    'EA011', NULL, 'a township that does not exist is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad9', '坏', 'clerk', '{420325100,429021100}')$$,
    'EA011', NULL, 'a township of another county is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad10', '坏', 'root')$$,
    'EA011', NULL, 'an unknown role is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad11', '坏', 'owner')$$,
    'EA011', NULL, 'role "owner" (to land in eduaid_owner) is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad12', '坏', NULL)$$,
    'EA011', NULL, 'a NULL role is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('T_Bad', '坏', 'clerk', '{420325100}')$$,
    'EA011', NULL, 'a login with capitals is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('x', '坏', 'clerk', '{420325100}')$$,
    'EA011', NULL, 'a one-letter login is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('t_bad"; DROP ROLE demo_clerk; --', '坏', 'clerk', '{420325100}')$$,
    'EA011', NULL, 'a login with quotes and semicolons is EA011');
SELECT throws_ok($$SELECT eduaid.request_create(NULL, '坏', 'clerk', '{420325100}')$$,
    'EA011', NULL, 'a NULL login is EA011');
SELECT throws_ok($$SELECT eduaid.request_create('demo_clerk', '重名', 'clerk', '{420325100}')$$,
    'EA011', NULL, 'a login that already exists (demo_clerk) is EA011');
SELECT throws_ok(format($$SELECT eduaid.request_create(%L, '重名', 'admin')$$, :'su'),
    'EA011', NULL, 'the superuser''s login is taken (EA011)');
SELECT throws_ok($$SELECT eduaid.request_create('eduaid_owner', '重名', 'admin')$$,
    'EA011', NULL, 'eduaid_owner is taken (EA011)');
SELECT throws_ok($$SELECT eduaid.request_create('pg_monitor', '重名', 'auditor')$$,
    'EA011', NULL, 'pg_monitor is taken (EA011)');
RESET SESSION AUTHORIZATION;
SELECT is_empty(
    $$SELECT rolname FROM pg_roles WHERE rolname LIKE 't\_bad%' OR rolname = 'x'
      UNION ALL SELECT login FROM eduaid.app_user WHERE login LIKE 't\_bad%' OR login = 'x'$$,
    'the refused calls left no role and no app_user row behind');
SELECT results_eq(
    $$SELECT role, fx_groups('demo_clerk') FROM eduaid.app_user WHERE login = 'demo_clerk'$$,
    $$VALUES ('clerk', '{eduaid_clerk}'::text[])$$,
    'demo_clerk is unchanged by the attempt to re-create him');

-- ==== who may manage users ==================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT eduaid.create_user('t_bad20', '坏', 'supervisor', 420325)$$,
    '42501', 'permission denied for function create_user',
    'a clerk cannot create users (not even executable; EA004 would be the next wall)');
SELECT throws_ok($$SELECT eduaid.disable_user('demo_officer')$$,
    '42501', 'permission denied for function disable_user', 'a clerk cannot disable users');
SELECT throws_ok($$SELECT eduaid.set_user_townships('demo_clerk', '{420325100,420325101,420325103}')$$,
    '42501', 'permission denied for function set_user_townships',
    'a clerk cannot widen his own townships');
SELECT throws_ok($$SELECT * FROM eduaid.app_user$$, '42501', 'permission denied for table app_user',
    'a clerk cannot read app_user');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT eduaid.create_user('t_bad21', '坏', 'clerk', 420325, '{420325100}')$$,
    '42501', 'permission denied for function create_user', 'an officer cannot create users');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT eduaid.create_user('t_bad22', '坏', 'supervisor', 420325)$$,
    '42501', 'permission denied for function create_user', 'a supervisor cannot create users');
SELECT throws_ok($$SELECT eduaid.set_user_password('demo_supervisor2', 'x')$$,
    '42501', 'permission denied for function set_user_password',
    'a supervisor cannot set another user''s password');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$SELECT eduaid.enable_user('demo_clerk')$$,
    '42501', 'permission denied for function enable_user', 'an auditor cannot manage users');

-- A disabled admin keeps the group's EXECUTE grant but is no admin: EA004.
SET SESSION AUTHORIZATION demo_admin;
SELECT lives_ok($$SELECT eduaid.disable_user('t_admin')$$, 'demo_admin disables t_admin');
SET SESSION AUTHORIZATION t_admin;
SELECT throws_ok($$SELECT eduaid.request_create('t_bad23', '坏', 'supervisor')$$,
    'EA004', NULL, 'a disabled admin (still in eduaid_admin) cannot request users: EA004');
SELECT throws_ok($$SELECT eduaid.request_enable('t_admin')$$,
    'EA004', NULL, 'nor re-enable himself: EA004');

-- The admin has no way around the functions.
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$CREATE ROLE t_bad24 LOGIN$$, '42501', 'permission denied to create role',
    'the admin cannot CREATE ROLE directly');
SELECT throws_ok($$GRANT eduaid_supervisor TO demo_admin$$, '42501',
    'must have admin option on role "eduaid_supervisor"',
    'the admin cannot grant himself the supervisor group');
SELECT throws_ok($$GRANT eduaid_clerk TO demo_officer$$, '42501',
    'must have admin option on role "eduaid_clerk"',
    'the admin cannot add a second group to a user');
SELECT throws_ok($$ALTER ROLE demo_clerk NOLOGIN$$, '42501', 'permission denied',
    'the admin cannot ALTER a user''s role directly');
SELECT throws_ok($$INSERT INTO eduaid.app_user (login, full_name, role, county_id)
                   VALUES ('demo_admin2', '伪造', 'supervisor', 420325)$$,
    '42501', 'permission denied for table app_user', 'the admin cannot INSERT into app_user');
SELECT throws_ok($$UPDATE eduaid.app_user SET role = 'supervisor' WHERE login = 'demo_admin'$$,
    '42501', 'permission denied for table app_user',
    'the admin cannot make himself a supervisor through app_user');
SELECT throws_ok($$INSERT INTO eduaid.app_user_township VALUES ('demo_clerk2', 420325100)$$,
    '42501', 'permission denied for table app_user_township',
    'the admin cannot assign townships except through set_user_townships');
SELECT throws_ok($$SET ROLE eduaid_usermgr$$, '42501', 'permission denied to set role "eduaid_usermgr"',
    'the admin cannot SET ROLE eduaid_usermgr');

-- ==== disabling and enabling ================================================
SELECT lives_ok($$SELECT eduaid.disable_user('t_clerk')$$, 'demo_admin disables t_clerk');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT r.rolcanlogin, u.active FROM pg_roles r JOIN eduaid.app_user u ON u.login = r.rolname
       WHERE r.rolname = 't_clerk'$$,
    $$VALUES (false, false)$$,
    'the disabled user''s role is NOLOGIN and its app_user row inactive');
SET SESSION AUTHORIZATION t_clerk;
SELECT is(eduaid.my_townships(), NULL::int[], 'a disabled user has no townships (my_townships() is NULL)');
SELECT is(eduaid.my_role(), NULL, 'and no role (my_role() is NULL)');
SELECT is((SELECT count(*)::int FROM eduaid.household), 0,
    'a session of the disabled user sees 0 households at once');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log), 0, 'and 0 audit rows');
SELECT throws_ok($$SELECT fx_household('hh_x2', 420325103)$$, '42501',
    'new row violates row-level security policy for table "household"',
    'and cannot write into its former township');
SELECT throws_ok($$SELECT eduaid.submit('household', fx('hh_tc'))$$, 'EA005', NULL,
    'and cannot act on its former township''s records (EA005: it sees none)');
SET SESSION AUTHORIZATION demo_admin;
SELECT lives_ok($$SELECT eduaid.request_enable('t_clerk')$$, 'demo_admin requests t_clerk enabled again');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(fx_approve_all(), 1, 'demo_supervisor approves it');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT rolcanlogin FROM pg_roles WHERE rolname = 't_clerk'), true, 'the role can log in again');
SET SESSION AUTHORIZATION t_clerk;
SELECT is(eduaid.my_townships(), '{420325103}'::int[], 'and works in 土城镇 again');

-- ==== changing townships ====================================================
SET SESSION AUTHORIZATION demo_admin;
SELECT lives_ok($$SELECT eduaid.request_townships('t_clerk', '{420325100}')$$,
    'demo_admin requests t_clerk moved to 城关镇');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(fx_approve_all(), 1, 'demo_supervisor approves the move');
SET SESSION AUTHORIZATION t_clerk;
SELECT results_eq($$SELECT id FROM eduaid.household WHERE id IN (fx('hh_cg'), fx('hh_tc'))$$,
    $$VALUES (fx('hh_cg'))$$, 't_clerk now sees the 城关镇 household and no longer the 土城镇 one');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT eduaid.request_townships('t_officer', '{420325100,420325101}')$$,
    'EA011', NULL, 'an officer cannot be given two townships (EA011)');
SELECT throws_ok($$SELECT eduaid.request_townships('t_clerk', '{}')$$,
    'EA011', NULL, 'a clerk cannot be left with none (EA011)');
SELECT throws_ok($$SELECT eduaid.request_townships('t_super', '{420325100}')$$,
    'EA011', NULL, 'a supervisor cannot be narrowed to a township (EA011)');
SELECT throws_ok($$SELECT eduaid.request_townships('t_clerk', '{429021100}')$$,
    'EA011', NULL, 'nor a clerk moved to another county (EA011)');
SELECT throws_ok($$SELECT eduaid.disable_user('demo_admin')$$,
    'EA011', NULL, 'an admin cannot disable himself (EA011)');
SELECT throws_ok($$SELECT eduaid.request_password('t_clerk', 'it''s "quoted"; --')$$,
    'EA060', NULL, 'a plaintext password (with quotes) is refused: verifiers only (EA060)');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT (SELECT array_agg(township_id) FROM eduaid.app_user_township WHERE login = 't_clerk'),
             (SELECT array_agg(township_id) FROM eduaid.app_user_township WHERE login = 't_officer'),
             (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'demo_admin'),
             (SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 't_clerk'),
             (SELECT count(*)::int FROM pg_roles WHERE rolname IN ('demo_clerk', 'demo_officer'))$$,
    $$VALUES ('{420325100}'::int[], '{420325100}'::int[], true, true, 2)$$,
    'the refused changes changed nothing; the password stayed the verifier; demo_clerk survived the quoted login');

-- ==== an admin manages the users of his own county ========================
-- (One server may hold a whole province: DESIGN.md, Scale.) The superuser
-- makes a clerk of 神农架林区 (county 429021); 房县's admin should neither
-- create users there nor manage that county's users.
RESET SESSION AUTHORIZATION;
SELECT eduaid.create_user('t_other_clerk', '外县录入员', 'clerk', 429021, '{429021100}') \gset
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT eduaid.request_create('t_other_super', '外县审核员', 'supervisor', county_id => 429021)$$,
    NULL, NULL, 'demo_admin (房县) cannot create a supervisor of another county');
SELECT throws_ok($$SELECT eduaid.request_townships('t_other_clerk', '{429021100}')$$, NULL, NULL,
    'demo_admin cannot reassign a user of another county');
SELECT throws_ok($$SELECT eduaid.disable_user('t_other_clerk')$$, NULL, NULL,
    'demo_admin cannot disable a user of another county');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT (SELECT count(*)::int FROM pg_roles WHERE rolname = 't_other_super'),
             (SELECT rolcanlogin FROM pg_roles WHERE rolname = 't_other_clerk')$$,
    $$VALUES (0, true)$$,
    'no supervisor was made in the other county and its clerk can still log in');

-- ==== only eduaid users can be touched (EA005) ==============================
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok(format($$SELECT eduaid.disable_user(%L)$$, :'su'), 'EA005', NULL,
    'the admin cannot disable the superuser (EA005: no such eduaid user)');
SELECT throws_ok(format($$SELECT eduaid.request_password(%L, %L)$$, :'su', :'verifier'), 'EA005', NULL,
    'the admin cannot set the superuser''s password (EA005)');
SELECT throws_ok(format($$SELECT eduaid.request_townships(%L, '{420325100}')$$, :'su'), 'EA005', NULL,
    'the admin cannot give the superuser townships (EA005)');
SELECT throws_ok($$SELECT eduaid.request_enable('eduaid_owner')$$, 'EA005', NULL,
    'the admin cannot enable login for eduaid_owner (EA005)');
SELECT throws_ok($$SELECT eduaid.request_enable('eduaid_usermgr')$$, 'EA005', NULL,
    'nor for eduaid_usermgr (EA005)');
SELECT throws_ok(format($$SELECT eduaid.request_password('eduaid_audit_owner', %L)$$, :'verifier'), 'EA005', NULL,
    'nor set a password for eduaid_audit_owner (EA005)');
SELECT throws_ok($$SELECT eduaid.disable_user('no_such_user')$$, 'EA005', NULL,
    'a user that does not exist is EA005');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT r.rolname::text COLLATE "default", r.rolcanlogin, md5(coalesce(a.rolpassword, '')) COLLATE "default"
        FROM pg_roles r JOIN pg_authid a ON a.oid = r.oid
       WHERE r.rolname IN (session_user, 'eduaid_owner', 'eduaid_usermgr', 'eduaid_audit_owner')
       ORDER BY 1$$,
    format($$SELECT * FROM (VALUES ('eduaid_audit_owner', false, md5('')), ('eduaid_owner', false, md5('')),
                                   ('eduaid_usermgr', false, md5('')), (%L, true, %L)) AS v
              ORDER BY 1$$, :'su', :'su_pw'),
    'the superuser and the owner roles are untouched (login and password as before)');

SELECT * FROM finish();
ROLLBACK;
