-- tests/db/15_export.sql: the server's side of `eduaid export`
-- (sql/015_export.sql), as each role.
--
-- eduaid.log_export: who may call it (clerks, officers, supervisors,
-- auditors; not the admin, not PUBLIC); what it writes (one audit_log row,
-- action 'export', actor the session user, the kind's table, the filters,
-- the row count, masked or not, the role; the township of a township
-- filter, so that the township's officer reads it and other clerks do
-- not); that it cannot forge another actor (no actor parameter, SET ROLE
-- changes nothing, a direct INSERT is refused) nor claim an unmasked
-- export by a role that could not read the personal columns; its
-- refusals (EA004, EA010, 22023). eduaid.record_statuses: the words of the
-- status CHECK constraint. The audit log accepts the action 'export' and
-- still refuses other words.
\set ON_ERROR_STOP on
BEGIN;
SELECT plan(26);

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
         AND p.proname IN ('log_export', 'record_statuses')
       ORDER BY 1$$,
    $$VALUES ('log_export', true, 'eduaid_audit_owner', true, false,
              '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'::text[]),
             ('record_statuses', false, 'eduaid_owner', true, false,
              '{eduaid_admin,eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}')$$,
    'log_export: SECURITY DEFINER of the log''s owner, pinned search_path, not PUBLIC, '
    'not the admin; record_statuses for every role');

SELECT is(eduaid.record_statuses('household'),
          '{approved,draft,final,in_notice,rejected,submitted,verified}'::text[],
          'record_statuses: the words of household''s status CHECK');
SELECT ok(eduaid.record_statuses('teacher_fund') @> '{draft,submitted,verified,approved,rejected}',
          'record_statuses: teacher_fund accepts at least the five workflow words');
SELECT is(eduaid.record_statuses('nope'), NULL, 'record_statuses: NULL for an unknown kind');

-- ==== what it writes ========================================================
CREATE TEMP TABLE t_ids (name text PRIMARY KEY, id bigint);
GRANT ALL ON t_ids TO PUBLIC;

SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO t_ids SELECT 'clerk_all', eduaid.log_export('household', '{"status": "approved"}', 271, false);
INSERT INTO t_ids SELECT 'clerk_town', eduaid.log_export('training', '{"township_id": 420325100}', 12, true);
-- SET ROLE changes nothing: the actor is the person logged in
SET ROLE eduaid_clerk;
INSERT INTO t_ids SELECT 'clerk_role', eduaid.log_export('special_ed', NULL, 0, false);
RESET ROLE;
SET SESSION AUTHORIZATION demo_supervisor;
INSERT INTO t_ids SELECT 'sup', eduaid.log_export('teacher_fund', '{"township_id": 420325101}', 3, false);
SET SESSION AUTHORIZATION demo_auditor;
INSERT INTO t_ids SELECT 'auditor', eduaid.log_export('teacher_fund', '{}', 40, true);
RESET SESSION AUTHORIZATION;

SELECT results_eq(
    $$SELECT t.name, a.actor, a.kind, a.table_name, a.township_id, a.action, a.record_id,
             a.new_row, a.txid = txid_current()
        FROM t_ids t JOIN eduaid.audit_log a ON a.id = t.id ORDER BY a.id$$,
    $$VALUES ('clerk_all', 'demo_clerk', 'household', 'household', NULL::int, 'export', NULL::bigint,
              '{"filters": {"status": "approved"}, "rows": 271, "unmasked": false, "role": "clerk"}'::jsonb, true),
             ('clerk_town', 'demo_clerk', 'training', 'training_enrollment', 420325100, 'export', NULL,
              '{"filters": {"township_id": 420325100}, "rows": 12, "unmasked": true, "role": "clerk"}', true),
             ('clerk_role', 'demo_clerk', 'special_ed', 'special_ed_plan', NULL, 'export', NULL,
              '{"filters": {}, "rows": 0, "unmasked": false, "role": "clerk"}', true),
             ('sup', 'demo_supervisor', 'teacher_fund', 'teacher_fund_application', 420325101, 'export', NULL,
              '{"filters": {"township_id": 420325101}, "rows": 3, "unmasked": false, "role": "supervisor"}', true),
             ('auditor', 'demo_auditor', 'teacher_fund', 'teacher_fund_application', NULL, 'export', NULL,
              '{"filters": {}, "rows": 40, "unmasked": true, "role": "auditor"}', true)$$,
    'log_export writes one row each: the session user, kind, table, township, filters, count, '
    'masking, role, in the caller''s transaction');

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
SELECT throws_ok($$SELECT eduaid.log_export('household', '{}', 10, true)$$, 'EA004', NULL,
    'a supervisor cannot record an unmasked export (no privilege on the personal columns)');
SELECT throws_ok($$SELECT eduaid.log_export('teacher_fund', '{}', 1, true)$$, 'EA004', NULL,
    '... of any kind (bank accounts)');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT throws_ok($$SELECT eduaid.log_export('household', '{"township_id": 420325100}', 1, false)$$,
    'EA004', NULL, 'demo_clerk2 cannot record an export of 城关镇, not his township');
SELECT throws_ok($$SELECT eduaid.log_export('household', '{"township_id": "x"}', 1, false)$$,
    '22P02', NULL, 'a township that is no number is refused');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT eduaid.log_export('household', '{}', 1, false)$$, '42501', NULL,
    'the admin may not call log_export');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT eduaid.log_export('nope', '{}', 1, false)$$, 'EA010', NULL,
    'an unknown kind is EA010');
SELECT throws_ok($$SELECT eduaid.log_export('household', '{}', -1, false)$$, '22023', NULL,
    'a negative row count is refused');
SELECT throws_ok($$SELECT eduaid.log_export('household', '[1]', 1, false)$$, '22023', NULL,
    'filters that are not an object are refused');
SELECT throws_ok($$SELECT eduaid.log_export('household', '{}', NULL, false)$$, '22023', NULL,
    'a missing row count is refused');
SELECT throws_ok($$SELECT eduaid.log_export('household', '{}', 1, NULL)$$, '22023', NULL,
    'a missing masked/unmasked flag is refused');

-- no forging: the log is written only through log_export and as oneself
SELECT throws_ok($$INSERT INTO eduaid.audit_log (actor, kind, table_name, action)
                   VALUES ('demo_officer', 'household', 'household', 'export')$$,
    '42501', NULL, 'a clerk cannot write an export entry directly');
INSERT INTO t_ids SELECT 'forged', eduaid.log_export('household', '{"actor": "demo_officer"}', 1, false);
RESET SESSION AUTHORIZATION;
SELECT is((SELECT a.actor FROM eduaid.audit_log a JOIN t_ids t ON t.id = a.id WHERE t.name = 'forged'),
          'demo_clerk', 'an "actor" in the filters is only data: the entry is still demo_clerk''s');

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
