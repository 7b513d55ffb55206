-- sql/data/users.sql: the demo users. The superuser (the DBA bootstrapping
-- a county) makes the first admin and the first supervisor directly; every
-- other user is requested by demo_admin and approved by demo_supervisor,
-- as 018_accounts.sql requires of everyone but a superuser. The six demo_*
-- logins are the ones README and tests name; every township also gets a
-- clerk and an officer of its own (clerk_NNN, officer_NNN after the
-- township code's last three digits) so that generated records have
-- plausible authors and reviewers. Nobody gets a password here: the demo
-- and test clusters trust local logins.
\set ON_ERROR_STOP on
BEGIN;
SELECT eduaid.create_user('demo_admin', '系统管理员', 'admin', 420325);
SELECT eduaid.create_user('demo_supervisor', '赵丽华', 'supervisor', 420325);
SET SESSION AUTHORIZATION demo_admin;
SELECT eduaid.request_create('demo_clerk', '张晓梅', 'clerk', '{420325100,420325101}');
SELECT eduaid.request_create('demo_clerk2', '李建国', 'clerk', '{420325103}');
SELECT eduaid.request_create('demo_officer', '王德明', 'officer', '{420325100}');
SELECT eduaid.request_create('demo_supervisor2', '孙志强', 'supervisor');
SELECT eduaid.request_create('demo_auditor', '钱正清', 'auditor');
SELECT eduaid.request_create('clerk_' || right(t.id::text, 3), t.name || '录入员', 'clerk', ARRAY[t.id]),
       eduaid.request_create('officer_' || right(t.id::text, 3), t.name || '专干', 'officer', ARRAY[t.id])
  FROM eduaid.township t WHERE t.county_id = 420325 ORDER BY t.id;
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve_request(r.id)
  FROM eduaid.account_request r WHERE r.status = 'pending' ORDER BY r.id;
RESET SESSION AUTHORIZATION;
COMMIT;
