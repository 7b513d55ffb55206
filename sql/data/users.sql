-- sql/data/users.sql: the demo users, made through eduaid.create_user as
-- the admin would. The six demo_* logins are the ones README and tests
-- name; every township also gets a clerk and an officer of its own
-- (clerk_NNN, officer_NNN after the township code's last three digits) so
-- that generated records have plausible authors and reviewers.
\set ON_ERROR_STOP on
BEGIN;
SELECT eduaid.create_user('demo_admin', '系统管理员', 'admin', 420325);
SET SESSION AUTHORIZATION demo_admin;
SELECT eduaid.create_user('demo_clerk', '张晓梅', 'clerk', 420325, '{420325100,420325101}');
SELECT eduaid.create_user('demo_clerk2', '李建国', 'clerk', 420325, '{420325103}');
SELECT eduaid.create_user('demo_officer', '王德明', 'officer', 420325, '{420325100}');
SELECT eduaid.create_user('demo_supervisor', '赵丽华', 'supervisor', 420325);
SELECT eduaid.create_user('demo_supervisor2', '孙志强', 'supervisor', 420325);
SELECT eduaid.create_user('demo_auditor', '钱正清', 'auditor', 420325);
SELECT eduaid.create_user('clerk_' || right(t.id::text, 3), t.name || '录入员', 'clerk',
                          420325, ARRAY[t.id]),
       eduaid.create_user('officer_' || right(t.id::text, 3), t.name || '专干', 'officer',
                          420325, ARRAY[t.id])
  FROM eduaid.township t WHERE t.county_id = 420325 ORDER BY t.id;
RESET SESSION AUTHORIZATION;
COMMIT;
