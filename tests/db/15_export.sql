-- tests/db/15_export.sql: the server's side of `eduaid export`
-- (sql/015_export.sql, and since 020_locks.sql the export functions), as
-- each role.
--
-- eduaid.export_household/training/special_ed/teacher_fund(status,
-- township, unmasked): who may call them (clerks, officers, supervisors,
-- auditors; not the admin, not PUBLIC); what they write (one audit_log row
-- per call, action 'export', actor the session user, the kind's table, the
-- filters, the row count the server made, masked or not, the role; the
-- township of a township filter, so that the township's officer reads it
-- and other clerks do not); that nobody can forge an entry (no actor
-- parameter, SET ROLE changes nothing, a direct INSERT is refused,
-- log_export is gone) nor claim an unmasked export by a role that could
-- not read the personal columns; their refusals (EA004, EA010, 22023).
-- eduaid.record_statuses: the words of the status CHECK constraint. The
-- audit log accepts the action 'export' and still refuses other words.
\set ON_ERROR_STOP on
BEGIN;
SELECT plan(24);

-- ==== the functions =========================================================
SELECT results_eq(
    $$SELECT p.proname::text COLLATE "default", p.prosecdef, pg_get_userbyid(p.proowner)::text COLLATE "default",
             'search_path=pg_catalog, pg_temp' = ANY (p.proconfig),
             has_function_privilege('public', p.oid, 'EXECUTE'),
             array(SELECT g FROM unnest(ARRAY['eduaid_admin', 'eduaid_auditor', 'eduaid_clerk',
                                              'eduaid_officer', 'eduaid_supervisor']) AS g
                    WHERE has_function_privilege(g, p.oid, 'EXECUTE'))
        FROM pg_proc p
       WHERE p.pronamespace = 'eduaid'::regnamespace
         AND p.proname IN ('export_household', 'export_log', 'record_statuses')
       ORDER BY 1$$,
    $$VALUES ('export_household', true, 'eduaid_exporter', true, false,
              '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'::text[]),
             ('export_log', true, 'eduaid_audit_owner', true, false, '{}'),
             ('record_statuses', false, 'eduaid_owner', true, false,
              '{eduaid_admin,eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}')$$,
    'export_household: SECURITY DEFINER, pinned search_path, not PUBLIC, not the admin; '
    'export_log for no group; record_statuses for every role');
SELECT ok(to_regproc('eduaid.log_export') IS NULL, 'log_export is gone (020_locks.sql)');

SELECT is(eduaid.record_statuses('household'),
          '{approved,draft,final,in_notice,rejected,submitted,verified}'::text[],
          'record_statuses: the words of household''s status CHECK');
SELECT ok(eduaid.record_statuses('teacher_fund') @> '{draft,submitted,verified,approved,rejected}',
          'record_statuses: teacher_fund accepts at least the five workflow words');
SELECT is(eduaid.record_statuses('nope'), NULL, 'record_statuses: NULL for an unknown kind');

-- ==== what it writes ========================================================
-- t_ids: the name of each export, the rows its caller got, then (as the
-- superuser) the id of the audit row it wrote.
CREATE TEMP TABLE t_ids (name text PRIMARY KEY, n bigint, id bigint);
GRANT ALL ON t_ids TO PUBLIC;
CREATE FUNCTION pg_temp.logged(p_name text) RETURNS void
LANGUAGE sql AS $$
    UPDATE t_ids SET id = (SELECT max(a.id) FROM eduaid.audit_log a WHERE a.action = 'export')
     WHERE name = p_name
$$;

SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO t_ids (name, n) SELECT 'clerk_all', count(*) FROM eduaid.export_household('approved', NULL, false);
RESET SESSION AUTHORIZATION;
SELECT pg_temp.logged('clerk_all') \gset
SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO t_ids (name, n) SELECT 'clerk_town', count(*) FROM eduaid.export_training(NULL, 420325100, true);
RESET SESSION AUTHORIZATION;
SELECT pg_temp.logged('clerk_town') \gset
-- SET ROLE changes nothing: the actor is the person logged in
SET SESSION AUTHORIZATION demo_clerk;
SET ROLE eduaid_clerk;
INSERT INTO t_ids (name, n) SELECT 'clerk_role', count(*) FROM eduaid.export_special_ed(NULL, NULL, false);
RESET ROLE;
RESET SESSION AUTHORIZATION;
SELECT pg_temp.logged('clerk_role') \gset
SET SESSION AUTHORIZATION demo_supervisor;
INSERT INTO t_ids (name, n) SELECT 'sup', count(*) FROM eduaid.export_teacher_fund(NULL, 420325101, false);
RESET SESSION AUTHORIZATION;
SELECT pg_temp.logged('sup') \gset
SET SESSION AUTHORIZATION demo_auditor;
INSERT INTO t_ids (name, n) SELECT 'auditor', count(*) FROM eduaid.export_teacher_fund(NULL, NULL, true);
RESET SESSION AUTHORIZATION;
SELECT pg_temp.logged('auditor') \gset

SELECT results_eq(
    $$SELECT t.name, a.actor::text, a.kind, a.table_name, a.township_id, a.action, a.record_id,
             a.new_row, a.txid = txid_current()
        FROM t_ids t JOIN eduaid.audit_log a ON a.id = t.id ORDER BY a.id$$,
    $$SELECT v.name, v.actor, v.kind, v.tbl, v.township, 'export', NULL::bigint,
             v.new_row || jsonb_build_object('rows', (SELECT n FROM t_ids WHERE name = v.name)), true
        FROM (VALUES
             ('clerk_all', 'demo_clerk', 'household', 'household', NULL::int,
              '{"filters": {"status": "approved"}, "unmasked": false, "role": "clerk"}'::jsonb),
             ('clerk_town', 'demo_clerk', 'training', 'training_enrollment', 420325100,
              '{"filters": {"township_id": 420325100}, "unmasked": true, "role": "clerk"}'),
             ('clerk_role', 'demo_clerk', 'special_ed', 'special_ed_plan', NULL,
              '{"filters": {}, "unmasked": false, "role": "clerk"}'),
             ('sup', 'demo_supervisor', 'teacher_fund', 'teacher_fund_application', 420325101,
              '{"filters": {"township_id": 420325101}, "unmasked": false, "role": "supervisor"}'),
             ('auditor', 'demo_auditor', 'teacher_fund', 'teacher_fund_application', NULL,
              '{"filters": {}, "unmasked": true, "role": "auditor"}')) AS v(name, actor, kind, tbl, township, new_row)
       ORDER BY (SELECT id FROM t_ids WHERE name = v.name)$$,
    'each export writes one row: the session user, kind, table, township, filters, the rows the '
    'caller got, masking, role, in the caller''s transaction');
SELECT is((SELECT n FROM t_ids WHERE name = 'clerk_all'),
          (SELECT count(*) FROM eduaid.household
            WHERE status = 'approved' AND township_id IN (420325100, 420325101)),
          'the count is the server''s: every approved household of demo_clerk''s two townships');

SELECT is((SELECT count(*)::int FROM eduaid.audit_log a JOIN t_ids t ON t.id = a.id
            WHERE a.at <= clock_timestamp() AND a.at >= now()), 5,
          'each entry carries the time of the export');

-- who reads the entries
SET SESSION AUTHORIZATION demo_officer;
SELECT is(array(SELECT t.name FROM eduaid.audit_log a JOIN t_ids t ON t.id = a.id ORDER BY a.id),
          '{clerk_town}'::text[],
          'the officer of 城关镇 reads the export of his township, not county-wide ones');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a JOIN t_ids t ON t.id = a.id), 0,
          'demo_clerk2 (土城镇) reads none of them');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a JOIN t_ids t ON t.id = a.id), 2,
          'a supervisor reads those with a township (masked columns only)');
SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a JOIN t_ids t ON t.id = a.id), 5,
          'the auditor reads every one');
RESET SESSION AUTHORIZATION;

-- ==== refusals ===============================================================
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT count(*) FROM eduaid.export_household(NULL, NULL, true)$$, 'EA004', NULL,
    'a supervisor cannot export unmasked (no privilege on the personal columns)');
SELECT throws_ok($$SELECT count(*) FROM eduaid.export_teacher_fund(NULL, NULL, true)$$, 'EA004', NULL,
    '... of any kind (bank accounts)');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT throws_ok($$SELECT count(*) FROM eduaid.export_household(NULL, 420325100, false)$$,
    'EA004', NULL, 'demo_clerk2 cannot export 城关镇, not his township');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT count(*) FROM eduaid.export_household(NULL, NULL, false)$$, '42501', NULL,
    'the admin may not export');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT count(*) FROM eduaid.export_household('nope', NULL, false)$$, '22023', NULL,
    'an unknown status is refused (22023)');
SELECT throws_ok($$SELECT count(*) FROM eduaid.export_household(NULL, NULL, NULL)$$, '22023', NULL,
    'a missing masked/unmasked flag is refused');

-- no forging: the log is written only by the server and as oneself
SELECT throws_ok($$INSERT INTO eduaid.audit_log (actor, kind, table_name, action)
                   VALUES ('demo_officer', 'household', 'household', 'export')$$,
    '42501', NULL, 'a clerk cannot write an export entry directly');
SELECT throws_ok($$SELECT eduaid.export_log('household', 'household', NULL, NULL, 1, false)$$,
    '42501', NULL, 'nor through the function the exports use');
RESET SESSION AUTHORIZATION;

SELECT throws_ok($$UPDATE eduaid.audit_log SET actor = 'demo_officer'
                    WHERE id = (SELECT id FROM t_ids WHERE name = 'clerk_all')$$,
    'EA006', NULL, 'an export entry cannot be changed, not even by the superuser');
SELECT throws_ok($$DELETE FROM eduaid.audit_log WHERE id = (SELECT id FROM t_ids WHERE name = 'clerk_all')$$,
    'EA006', NULL, '... nor deleted');

-- ==== the action word ======================================================
SELECT ok(pg_get_constraintdef(c.oid) ~ 'insert.*update.*delete.*submit.*verify.*approve.*reject.*reopen.*export',
          'audit_log_action_check keeps the earlier words and adds export')
  FROM pg_constraint c
 WHERE c.conrelid = 'eduaid.audit_log'::regclass AND c.conname = 'audit_log_action_check';
SET LOCAL ROLE eduaid_audit_owner;
SELECT throws_ok($$INSERT INTO eduaid.audit_log (kind, table_name, action) VALUES ('household', 'household', 'exported')$$,
    '23514', NULL, 'the log still refuses a word it does not know');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
