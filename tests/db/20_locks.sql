-- tests/db/20_locks.sql: nobody freezes the county, and export audit rows
-- come only from the server (issue 9, items 5, 8 and the foreign-key part
-- of 10; sql/020_locks.sql).
--
-- The story: the catalog shows no login holding a table-level privilege
-- that allows a lock stronger than ROW EXCLUSIVE; demo_clerk tries LOCK
-- TABLE on the record, member, ledger, notice, roster and reference
-- tables and is refused, and so is every other demo role; demo_clerk
-- deletes a draft and a member row through the server's functions, cannot
-- delete another township's or a submitted one; after officer_100 deletes
-- a member of a household he is its editor and four-eyes stops him from
-- verifying it; log_export is gone; an export writes exactly one audit row
-- counted by the server; a 10 MB filter never reaches the log; demo_admin
-- gets the same answer deleting a used and an unused school, and
-- deactivates instead; migrate.sh's lock cannot be taken by a login; the
-- database has idle-transaction and lock timeouts.
--
-- People: demo_clerk and clerk_100 (城关镇 420325100), officer_100 (城关镇),
-- demo_clerk2 (土城镇 420325103), demo_supervisor, demo_admin, demo_auditor.
-- Cost: about a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(57);

-- ==== the catalog: no strong lock for anyone who logs in ===================
SELECT is_empty(
    $$SELECT r.rolname, c.relname, p.priv
        FROM pg_class c
        CROSS JOIN pg_roles r
        CROSS JOIN unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) AS p(priv)
       WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
         AND (r.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                            'eduaid_admin', 'eduaid_auditor')
              OR (r.rolcanlogin AND NOT r.rolsuper))
         AND has_table_privilege(r.oid, c.oid, p.priv)$$,
    'no eduaid login group and no login holds table-level UPDATE, DELETE or TRUNCATE on any relation of schema eduaid');
SELECT is_empty(
    $$SELECT r.rolname, o.rolname FROM pg_roles r CROSS JOIN pg_roles o
       WHERE r.rolcanlogin AND NOT r.rolsuper
         AND o.rolname IN ('eduaid_owner', 'eduaid_audit_owner', 'eduaid_usermgr',
                           'eduaid_remover', 'eduaid_exporter')
         AND pg_has_role(r.oid, o.oid, 'MEMBER')$$,
    'no login is a member of a role that owns tables or runs definer functions');
SELECT is_empty(
    $$SELECT r.rolname FROM pg_roles r
       WHERE r.rolcanlogin AND NOT r.rolsuper
         AND has_table_privilege(r.oid, 'eduaid.schema_version',
                                 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')$$,
    'no login holds any privilege on eduaid.schema_version (the migration lock)');

-- ==== LOCK TABLE, as each demo role ========================================
CREATE FUNCTION pg_temp.lock_refused(tbl text, mode text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('LOCK TABLE eduaid.%I IN %s MODE NOWAIT', tbl, mode);
    RETURN false;
EXCEPTION WHEN insufficient_privilege THEN
    RETURN true;
END
$$;
GRANT EXECUTE ON FUNCTION pg_temp.lock_refused(text, text) TO PUBLIC;
CREATE TEMP TABLE t_locks AS
SELECT t.tbl, m.mode
  FROM unnest(ARRAY['household', 'student', 'student_subsidy', 'training_enrollment',
                    'special_ed_plan', 'teacher', 'teacher_fund_application',
                    'dropout_case', 'home_visit', 'training_attendance',
                    'notice', 'notice_item', 'roster_import', 'roster_row',
                    'school', 'training_course', 'fund_program', 'subsidy_rate', 'township',
                    'audit_log', 'app_user', 'schema_version']) AS t(tbl)
 CROSS JOIN unnest(ARRAY['ACCESS EXCLUSIVE', 'EXCLUSIVE', 'SHARE ROW EXCLUSIVE',
                         'SHARE', 'SHARE UPDATE EXCLUSIVE']) AS m(mode)
 WHERE to_regclass('eduaid.' || t.tbl) IS NOT NULL;
GRANT SELECT ON t_locks TO PUBLIC;

SET SESSION AUTHORIZATION demo_clerk;
SELECT is_empty($$SELECT tbl, mode FROM t_locks WHERE NOT pg_temp.lock_refused(tbl, mode)$$,
    'demo_clerk: LOCK TABLE in any mode above ROW EXCLUSIVE is refused on every shared table');
SELECT ok(pg_temp.lock_refused('household', 'ROW EXCLUSIVE'),
    'demo_clerk: even ROW EXCLUSIVE is refused on household (column grants only)');
SET SESSION AUTHORIZATION officer_100;
SELECT is_empty($$SELECT tbl, mode FROM t_locks WHERE NOT pg_temp.lock_refused(tbl, mode)$$,
    'officer_100: LOCK TABLE above ROW EXCLUSIVE is refused everywhere');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is_empty($$SELECT tbl, mode FROM t_locks WHERE NOT pg_temp.lock_refused(tbl, mode)$$,
    'demo_supervisor: LOCK TABLE above ROW EXCLUSIVE is refused everywhere');
SET SESSION AUTHORIZATION demo_admin;
SELECT is_empty($$SELECT tbl, mode FROM t_locks WHERE NOT pg_temp.lock_refused(tbl, mode)$$,
    'demo_admin: LOCK TABLE above ROW EXCLUSIVE is refused everywhere (schools included)');
SET SESSION AUTHORIZATION demo_auditor;
SELECT is_empty($$SELECT tbl, mode FROM t_locks WHERE NOT pg_temp.lock_refused(tbl, mode)$$,
    'demo_auditor: LOCK TABLE above ROW EXCLUSIVE is refused everywhere');
RESET SESSION AUTHORIZATION;

-- ==== deleting drafts and members through the server =======================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_d', 420325100), fx_student('st_d1', 'hh_d'),
       fx_student('st_d2', 'hh_d'), fx_subsidy('sub_d', 'st_d2') \gset
SELECT fx_household('hh_s', 420325100), fx_student('st_s', 'hh_s') \gset
SELECT fx_training('tr_d', 'hh_s') \gset
SELECT eduaid.submit('household', fx('hh_s')) \gset
SELECT throws_ok($$DELETE FROM eduaid.household WHERE id = fx('hh_d')$$, '42501', NULL,
    'demo_clerk: a plain DELETE of a household is refused (no DELETE privilege)');
SELECT throws_ok($$DELETE FROM eduaid.student WHERE id = fx('st_d1')$$, '42501', NULL,
    'demo_clerk: a plain DELETE of a member is refused');
SELECT throws_ok($$TRUNCATE eduaid.student$$, '42501', NULL,
    'demo_clerk: TRUNCATE is refused');

SELECT is((SELECT version FROM eduaid.household WHERE id = fx('hh_d')), 3,
    'hh_d is at version 3 (created, two members: one touch per statement)');
SELECT is((SELECT version FROM eduaid.household_year WHERE id = fx('st_d2_y')), 3,
    'its 2026 record is at version 3 (created, the children''s rows, a subsidy)');
SELECT ok(eduaid.delete_member('student_subsidy', fx('st_d2_y'), fx('sub_d')),
    'demo_clerk deletes a subsidy row of the year record through delete_member');
SELECT is(eduaid.delete_member('student_subsidy', fx('hh_d'), fx('sub_d')), false,
    'a subsidy is named with its year record, not the household: false');
SELECT ok(eduaid.delete_member('student', fx('hh_d'), fx('st_d1')),
    'demo_clerk deletes a member through delete_member');
SELECT results_eq(
    $$SELECT version, editors::text[], updated_by::text FROM eduaid.household WHERE id = fx('hh_d')
      UNION ALL
      SELECT version, editors::text[], updated_by::text FROM eduaid.household_year WHERE id = fx('st_d2_y')$$,
    $$VALUES (4, ARRAY['demo_clerk'], 'demo_clerk'), (5, ARRAY['demo_clerk'], 'demo_clerk')$$,
    'each member delete is an edit of its record by demo_clerk (the household: the member; the year: the subsidy and the member''s year row going with the member)');
SELECT is((SELECT count(*)::int FROM eduaid.student WHERE household_id = fx('hh_d')), 1,
    'one member is left');
SELECT is(eduaid.delete_member('student', fx('hh_d'), fx('st_d1')), false,
    'deleting it again: false (nothing found)');
SELECT is(eduaid.delete_member('student', fx('hh_s'), fx('st_d2')), false,
    'a member named with another household: false, nothing deleted');
SELECT throws_ok($$SELECT eduaid.delete_member('household', fx('hh_d'), fx('hh_d'))$$, '22023', NULL,
    'delete_member deletes members only (22023)');
SELECT throws_ok($$SELECT eduaid.delete_member('student', fx('hh_s'), fx('st_s'))$$, 'EA004', NULL,
    'a member of a submitted household cannot be deleted by a clerk (EA004, as an edit)');
SELECT throws_ok($$SELECT eduaid.delete_draft('household', fx('hh_s'),
                       (SELECT version FROM eduaid.household WHERE id = fx('hh_s')))$$,
    'EA006', NULL, 'a submitted record cannot be deleted (EA006)');
SELECT throws_ok($$SELECT eduaid.delete_draft('training', fx('tr_d'), 99)$$, 'EA007', NULL,
    'delete_draft with a stale version is EA007');
SELECT throws_ok($$SELECT eduaid.delete_draft('nope', 1, 1)$$, 'EA010', NULL,
    'delete_draft of an unknown kind is EA010');

SET SESSION AUTHORIZATION demo_clerk2;
SELECT is(eduaid.delete_member('student', fx('hh_d'), fx('st_d2')), false,
    'demo_clerk2 (土城镇) cannot delete a 城关镇 member: false, like a row that does not exist');
SELECT throws_ok($$SELECT eduaid.delete_draft('training', fx('tr_d'), 1)$$, 'EA080', NULL,
    'demo_clerk2 cannot delete a 城关镇 draft: EA080 "not found in your townships"');
SELECT throws_ok($$SELECT eduaid.delete_draft('training', -1, 1)$$, 'EA080', NULL,
    '... the same EA080 as for a record that does not exist');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT eduaid.delete_draft('training', fx('tr_d'), 1)$$, '42501', NULL,
    'a supervisor may not delete (42501: no EXECUTE)');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*)::int FROM eduaid.student WHERE id = fx('st_d2')), 1,
    'the 城关镇 member is still there');

SET SESSION AUTHORIZATION demo_clerk;
SELECT lives_ok($$SELECT eduaid.delete_draft('training', fx('tr_d'),
                      (SELECT version FROM eduaid.training_enrollment WHERE id = fx('tr_d')))$$,
    'demo_clerk deletes his training draft with the version he read');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*)::int FROM eduaid.training_enrollment WHERE id = fx('tr_d')), 0,
    '... and it is gone');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE table_name = 'training_enrollment' AND row_id = fx('tr_d')
              AND action = 'delete' AND actor = 'demo_clerk'), 1,
    '... with a delete row in the audit log by demo_clerk');

-- four-eyes after a member delete through the function
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_f', 420325100), fx_student('st_f1', 'hh_f'), fx_student('st_f2', 'hh_f') \gset
SET SESSION AUTHORIZATION officer_100;
SELECT ok(eduaid.delete_member('student', fx('hh_f'), fx('st_f2')),
    'officer_100 deletes a member of demo_clerk''s draft');
SELECT is((SELECT editors::text[] FROM eduaid.household WHERE id = fx('hh_f')),
    ARRAY['demo_clerk', 'officer_100'], '... and is one of the household''s editors');
SET SESSION AUTHORIZATION demo_clerk;
SELECT eduaid.submit('household', fx('hh_f')) \gset
SET SESSION AUTHORIZATION officer_100;
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_f'))$$, 'EA002', NULL,
    'four-eyes: officer_100 edited hh_f by deleting a member, so he cannot verify it (EA002)');
SET SESSION AUTHORIZATION demo_officer;
SELECT lives_ok($$SELECT eduaid.verify('household', fx('hh_f'))$$,
    'demo_officer, who did not touch it, verifies it');
RESET SESSION AUTHORIZATION;

-- a household draft with members goes whole
SET SESSION AUTHORIZATION demo_clerk;
SELECT lives_ok($$SELECT eduaid.delete_draft('household', fx('hh_d'),
                      (SELECT version FROM eduaid.household WHERE id = fx('hh_d')))$$,
    'demo_clerk deletes the household draft hh_d');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*)::int FROM eduaid.student WHERE household_id = fx('hh_d')), 0,
    '... its members went with it');

-- ==== exports: logged by the server, bounded ================================
SELECT ok(to_regprocedure('eduaid.log_export(text, jsonb, bigint, boolean)') IS NULL,
    'eduaid.log_export is gone');
SELECT is_empty(
    $$SELECT p.oid::regprocedure, r.rolname FROM pg_proc p CROSS JOIN pg_roles r
       WHERE p.pronamespace = 'eduaid'::regnamespace
         AND p.proname IN ('export_log', 'export_query')
         AND r.rolcanlogin AND NOT r.rolsuper
         AND has_function_privilege(r.oid, p.oid, 'EXECUTE')$$,
    'no login may call export_log or export_query (only the export functions do)');
CREATE TEMP TABLE t_before AS SELECT coalesce(max(id), 0) AS id FROM eduaid.audit_log;
CREATE TEMP TABLE t_got (n int);
GRANT SELECT ON t_before TO PUBLIC;
GRANT SELECT, INSERT ON t_got TO PUBLIC;
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$INSERT INTO eduaid.audit_log (kind, table_name, action, new_row)
                   VALUES ('household', 'household', 'export', '{}')$$, '42501', NULL,
    'demo_clerk cannot write an audit row himself');
INSERT INTO t_got SELECT count(*) FROM eduaid.export_household('draft', 420325100, false);
SELECT results_eq(
    $$SELECT a.actor::text, a.kind, a.township_id, a.new_row
        FROM eduaid.audit_log a WHERE a.action = 'export' AND a.id > (SELECT id FROM t_before)$$,
    $$SELECT 'demo_clerk', 'household', 420325100,
             jsonb_build_object('filters', jsonb_build_object('status', 'draft', 'township_id', 420325100),
                                'rows', (SELECT n FROM t_got), 'unmasked', false, 'role', 'clerk')$$,
    'one export writes exactly one audit row, with the rows the server counted');
SELECT is((SELECT count(*)::int FROM eduaid.export_household(NULL, NULL, false)
            WHERE head_id_number IS NOT NULL), 0,
    'a masked export carries no ID number');
SELECT throws_ok($$SELECT count(*) FROM eduaid.export_household(repeat('x', 10 * 1024 * 1024), NULL, false)$$,
    '22023', NULL, 'a 10 MB status is refused before anything is logged (22023)');
SELECT throws_ok($$SELECT count(*) FROM eduaid.export_household(NULL, 420325103, false)$$,
    'EA004', NULL, 'another township''s export is refused (EA004)');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT count(*) FROM eduaid.export_special_ed(NULL, NULL, true)$$,
    'EA004', NULL, 'a supervisor''s unmasked export is refused (EA004)');
SELECT is((SELECT count(*)::int FROM eduaid.export_special_ed(NULL, NULL, false)
            WHERE child_id_number IS NOT NULL OR child_birth_date IS NOT NULL), 0,
    'a supervisor''s masked export carries no hidden column');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT count(*) FROM eduaid.export_household(NULL, NULL, false)$$,
    '42501', NULL, 'the admin may not export');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a WHERE a.action = 'export'
            AND a.id > (SELECT id FROM t_before)), 3,
    'the refused exports wrote nothing: three export rows in all (the three that ran)');
SELECT throws_ok($$INSERT INTO eduaid.audit_log (actor, kind, table_name, action, new_row)
                   VALUES (session_user, 'household', 'household', 'export',
                           jsonb_build_object('x', repeat('x', 2000)))$$, '23514', NULL,
    'an export audit row over 1 kB violates its CHECK, whoever writes it');

-- ==== reference data: deactivate, never delete (item 10) ===================
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$DELETE FROM eduaid.school
                    WHERE id = (SELECT min(school_id) FROM eduaid.teacher)$$, '42501', NULL,
    'demo_admin deleting a school some record uses: 42501');
INSERT INTO eduaid.school (township_id, name, kind) VALUES (420325100, '测试空校', 'primary');
SELECT throws_ok($$DELETE FROM eduaid.school WHERE name = '测试空校'$$, '42501', NULL,
    '... and the very same 42501 for a school nothing uses');
SELECT throws_ok($$UPDATE eduaid.school SET id = id WHERE name = '测试空校'$$, '42501', NULL,
    'no key of a school can be changed either (that would be the same oracle)');
SELECT is(fx_rowcount($$UPDATE eduaid.school SET active = false WHERE name = '测试空校'$$), 1,
    'demo_admin deactivates a school instead');
RESET SESSION AUTHORIZATION;

-- ==== server-side defaults ==================================================
SELECT is((SELECT count(*)::int FROM pg_db_role_setting s
            WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND s.setrole = 0
              AND s.setconfig @> ARRAY['idle_in_transaction_session_timeout=5min', 'lock_timeout=30s']), 1,
    'the database sets idle_in_transaction_session_timeout and lock_timeout for every session');

SELECT * FROM finish();
ROLLBACK;
