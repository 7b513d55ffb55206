-- tests/db/58_logins.sql: the log of logins (issue 14; sql/043_login_events.sql,
-- sql/repeatable/29_logins.sql). A csvlog file written here in the
-- server's own CSV form (as raw bytes: LATIN1 out, one byte per
-- character) is collected by the superuser: one row per connection
-- authorized and per failed login, classified by SQLSTATE and wording,
-- never the message text; a role that does not exist is there by the name
-- as typed; a hostile name (escape sequence, bytes that are not UTF-8,
-- too long) is cleaned and cut; a multi-line statement and other lines
-- are no login events; collecting again adds nothing; the time is read in
-- the server's log_timezone (Asia/Shanghai's "CST" is not US Central).
-- The auditor reads every row, no other group any; nobody changes or
-- removes a row, the superuser neither (EA175); no login can run the
-- collecting functions (42501), and one granted them anyway is refused
-- (EA176); a half-written last line refuses the file (22P04: the next run
-- takes it). The real server log end to end: tests/db/58_tls.t.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(22);

-- csvlog's 26 columns (PostgreSQL 15), the ones a test sets named.
CREATE FUNCTION public.fx_b(t text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT convert_from(convert_to(t, 'UTF8'), 'LATIN1') $$;
CREATE TABLE public.fx_csvlog (n int, log_time text, user_name text, database_name text,
    process_id text DEFAULT '4242', connection_from text, session_id text DEFAULT '6570a1b2.1092',
    session_line_num text, command_tag text DEFAULT 'authentication',
    session_start_time text DEFAULT '2026-11-16 09:30:00 CST', virtual_transaction_id text,
    transaction_id text DEFAULT '0', error_severity text, sql_state_code text, message text,
    detail text, hint text, internal_query text, internal_query_pos text, context text,
    query text, query_pos text, location text, application_name text DEFAULT '',
    backend_type text DEFAULT 'client backend', leader_pid text, query_id text DEFAULT '0');
INSERT INTO public.fx_csvlog (n, user_name, database_name, connection_from, error_severity,
                              sql_state_code, message, detail) VALUES
 (1, 'demo_clerk', 'eduaid_test', '[local]', 'LOG', '00000',
  'connection authorized: user=demo_clerk database=eduaid_test application_name=eduaid/queue', NULL),
 (2, 'demo_clerk', 'eduaid_test', '127.0.0.1:50312', 'FATAL', '28P01',
  'password authentication failed for user "demo_clerk"', 'Connection matched pg_hba.conf line 3: "hostssl all all 127.0.0.1/32 scram-sha-256"'),
 (3, 'no_such', 'eduaid_test', '127.0.0.1:50313', 'FATAL', '28P01',
  'password authentication failed for user "no_such"', 'Role "no_such" does not exist.
Connection matched pg_hba.conf line 3: "hostssl all all 127.0.0.1/32 scram-sha-256"'),
 (4, 'ghost', 'eduaid_test', '[local]', 'FATAL', '28000', 'role "ghost" does not exist', NULL),
 (5, 'demo_clerk2', 'eduaid_test', '[local]', 'FATAL', '28000',
  'role "demo_clerk2" is not permitted to log in', NULL),
 (6, 'demo_clerk', 'eduaid', '10.0.0.9:41000', 'FATAL', '28000',
  'no pg_hba.conf entry for host "10.0.0.9", user "demo_clerk", database "eduaid", no encryption', NULL),
 (7, 'demo_officer', 'eduaid_test', '::1:50999', 'FATAL', '28P01',
  'password authentication failed for user "demo_officer"', 'User "demo_officer" has an expired password.'),
 (8, 'evil' || chr(27) || '[2J' || convert_from('\xff'::bytea, 'LATIN1') || repeat('x', 80),
  'eduaid_test', '127.0.0.1:50400', 'FATAL', '28P01', 'password authentication failed for user "evil"', NULL),
 (9, fx_b('张三'), 'eduaid_test', '127.0.0.1:50401', 'FATAL', '28P01',
  fx_b('password authentication failed for user "张三"'), NULL),
 (10, 'demo_clerk', 'eduaid_test', '[local]', 'ERROR', '42501', 'permission denied for table household', NULL),
 (11, '', '', '127.0.0.1:50402', 'LOG', '00000', 'connection received: host=127.0.0.1 port=50402', NULL),
 (12, 'demo_clerk', 'eduaid_test', '[local]', 'LOG', '00000', 'statement: SELECT 1,
 "quoted", 2', NULL),
 (13, 'nobody', 'nowhere', '[local]', 'FATAL', '3D000', 'database "nowhere" does not exist', NULL);
UPDATE public.fx_csvlog SET log_time = format('2026-11-16 09:30:%s.000 CST', lpad(n::text, 2, '0')),
                            session_line_num = n::text;
SELECT current_setting('data_directory') || '/fx_58_login.csv' AS fx_file,
       current_setting('data_directory') || '/fx_58_partial.csv' AS fx_partial \gset
SELECT format('COPY (SELECT log_time, user_name, database_name, process_id, connection_from, session_id, '
              'session_line_num, command_tag, session_start_time, virtual_transaction_id, transaction_id, '
              'error_severity, sql_state_code, message, detail, hint, internal_query, internal_query_pos, '
              'context, query, query_pos, location, application_name, backend_type, leader_pid, query_id '
              'FROM public.fx_csvlog ORDER BY n) TO %L WITH (FORMAT csv, ENCODING %L)', :'fx_file', 'LATIN1') AS fx_copy \gset
:fx_copy ;

-- ---- collecting -------------------------------------------------------------
SELECT has_table('eduaid', 'login_event', 'eduaid.login_event exists');
SELECT results_eq(
    $$SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = 'eduaid.login_event'::regclass$$,
    $$VALUES (true, true)$$, 'the log of logins is under forced row-level security');
SELECT results_eq(
    $$SELECT policyname::text COLLATE "default", cmd COLLATE "default",
             roles::text[] COLLATE "default" FROM pg_policies
       WHERE schemaname = 'eduaid' AND tablename = 'login_event'$$,
    $$VALUES ('login_event_auditor', 'SELECT', '{eduaid_auditor}'::text[])$$,
    'its one policy: the auditor reads (nobody else, no write policy)');
SELECT is(eduaid.login_collect_file(:'fx_file'), 10::bigint,
    'the superuser collects the file: ten login events of thirteen lines');
SELECT is(eduaid.login_collect_file(:'fx_file'), 0::bigint,
    'collecting the same file again adds nothing (each line known by its hash)');
SELECT results_eq(
    $$SELECT to_char(at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI:SS'), login, database, client, outcome, reason
        FROM eduaid.login_event WHERE at >= '2026-11-16 09:30:00+08' AND at < '2026-11-16 09:31:00+08'
       ORDER BY at$$,
    $$VALUES ('09:30:01', 'demo_clerk', 'eduaid_test', '[local]', 'ok', 'authorized'),
             ('09:30:02', 'demo_clerk', 'eduaid_test', '127.0.0.1', 'failed', 'password'),
             ('09:30:03', 'no_such', 'eduaid_test', '127.0.0.1', 'failed', 'no_role'),
             ('09:30:04', 'ghost', 'eduaid_test', '[local]', 'failed', 'no_role'),
             ('09:30:05', 'demo_clerk2', 'eduaid_test', '[local]', 'failed', 'not_permitted'),
             ('09:30:06', 'demo_clerk', 'eduaid', '10.0.0.9', 'failed', 'rejected'),
             ('09:30:07', 'demo_officer', 'eduaid_test', '::1', 'failed', 'expired'),
             ('09:30:08', 'evil?[2J?' || repeat('x', 54), 'eduaid_test', '127.0.0.1', 'failed', 'password'),
             ('09:30:09', '张三', 'eduaid_test', '127.0.0.1', 'failed', 'password'),
             ('09:30:13', 'nobody', 'nowhere', '[local]', 'failed', 'no_database')$$,
    'each login and failed login: when (in log_timezone), the name as typed (cleaned, at most 63), database, client, outcome, reason');
SELECT is_empty(
    $$SELECT column_name FROM information_schema.columns
       WHERE table_schema = 'eduaid' AND table_name = 'login_event'
         AND column_name NOT IN ('id', 'at', 'login', 'database', 'client', 'outcome', 'reason',
                                 'source_hash', 'collected_at')$$,
    'no column keeps the log''s message or detail text');

-- ---- who reads it ---------------------------------------------------------------
SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.login_event
            WHERE at >= '2026-11-16 09:30:00+08' AND at < '2026-11-16 09:31:00+08'), 10,
    'the auditor reads every login event');
SELECT throws_ok($$INSERT INTO eduaid.login_event (at, login, outcome, reason, source_hash)
                   VALUES (now(), 'forged', 'ok', 'authorized', '\x00')$$, '42501', NULL,
    'the auditor cannot forge a login event');
SELECT throws_ok($$DELETE FROM eduaid.login_event$$, '42501', NULL,
    'the auditor cannot delete login events');
SELECT throws_ok($$SELECT eduaid.login_collect_file('/etc/passwd')$$, '42501', NULL,
    'the auditor cannot run the collecting function on a file of her choosing');
SELECT throws_ok($$SELECT eduaid.login_collect()$$, '42501', NULL,
    'nor collect the server''s log');
SELECT throws_ok($$SELECT pg_read_file('postgresql.conf')$$, '42501', NULL,
    'nor read a file of the server');
RESET SESSION AUTHORIZATION;
SELECT is_empty(
    $$SELECT r.rolname FROM pg_roles r
       WHERE r.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor', 'eduaid_admin',
                           'demo_clerk', 'demo_officer', 'demo_supervisor', 'demo_admin')
         AND (has_table_privilege(r.oid, 'eduaid.login_event', 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE')
              OR has_function_privilege(r.oid, 'eduaid.login_collect_file(text)', 'EXECUTE')
              OR has_function_privilege(r.oid, 'eduaid.login_collect()', 'EXECUTE'))$$,
    'no other group or login holds anything on the log of logins or its collecting functions');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT count(*) FROM eduaid.login_event$$, '42501', NULL,
    'a clerk cannot read the log of logins');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT count(*) FROM eduaid.login_event$$, '42501', NULL,
    'the admin cannot read the log of logins');
RESET SESSION AUTHORIZATION;

-- ---- nobody changes it --------------------------------------------------------
SELECT throws_ok($$UPDATE eduaid.login_event SET outcome = 'ok', reason = 'authorized' WHERE outcome = 'failed'$$,
    'EA175', NULL, 'the superuser cannot change a login event');
SELECT throws_ok($$DELETE FROM eduaid.login_event WHERE login = 'ghost'$$, 'EA175', NULL,
    'the superuser cannot delete a login event');
SELECT throws_ok($$TRUNCATE eduaid.login_event$$, 'EA175', NULL,
    'the superuser cannot empty the log of logins');

-- A login granted the function anyway (a mistake) is refused by it.
GRANT EXECUTE ON FUNCTION eduaid.login_collect_file(text) TO demo_auditor;
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok(format('SELECT eduaid.login_collect_file(%L)', :'fx_file'), 'EA176', NULL,
    'a login that is not a superuser is refused by the collecting function itself (EA176)');
RESET SESSION AUTHORIZATION;

-- A file whose last line is still being written: refused whole, as
-- eduaid.login_collect() expects (it skips the file, taken next time).
SELECT format('COPY (SELECT %L) TO %L', '2026-11-16 09:31:00.000 CST,"demo_clerk","eduaid_test",4243,"[local]",x,1,"authentication",2026-11-16 09:31:00 CST,,0,FATAL,28P01,"password authentication', :'fx_partial') AS fx_copy2 \gset
:fx_copy2 ;
SELECT throws_ok(format('SELECT eduaid.login_collect_file(%L)', :'fx_partial'), '22P04', NULL,
    'a half-written last line refuses the file (bad_copy_file_format, skipped by login_collect)');
SELECT is(eduaid.login_clean(NULL, 63), '', 'a missing name is empty');

SELECT * FROM finish();
ROLLBACK;
