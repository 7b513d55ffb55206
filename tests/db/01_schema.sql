-- tests/db/01_schema.sql: the shape of the security model, read from the
-- catalog: every migration recorded, row-level security enabled and forced
-- on every township-scoped table with the policies we agreed on, definer
-- functions with a pinned search_path and no EXECUTE for PUBLIC, the
-- grants of each group role, the triggers that enforce the workflow and
-- the audit trail, and no way for a person to create objects.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(47);

-- ---- migrations ------------------------------------------------------------
-- The numbered files in sql/ (000_bootstrap.sql is not recorded), read from
-- the source tree on the client side: $top_srcdir when the runner sets it,
-- else the working directory or one of its parents.
CREATE TABLE public.fx_sql_file (name text);
\copy public.fx_sql_file FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/sql/migrate.sh" ]; then ls "$d/sql"; exit 0; fi; done'

SELECT cmp_ok((SELECT count(*)::int FROM public.fx_sql_file
                WHERE name ~ '^[0-9]{3}_.*[.]sql$' AND name !~ '^000_'),
              '>=', 8, 'sql/ holds the numbered migrations 001..008 (at least)');
SELECT results_eq(
    $$SELECT version, name FROM eduaid.schema_version ORDER BY version$$,
    $$SELECT left(name, 3)::int, name FROM public.fx_sql_file
       WHERE name ~ '^[0-9]{3}_.*[.]sql$' AND name !~ '^000_' ORDER BY name$$,
    'schema_version has exactly one row per numbered migration file, with its name');

-- ---- row-level security ----------------------------------------------------
SELECT results_eq(
    $$SELECT c.relname::text COLLATE "default", c.relrowsecurity, c.relforcerowsecurity
        FROM pg_class c
       WHERE c.relnamespace = 'eduaid'::regnamespace
         AND c.relname IN ('household', 'student', 'student_subsidy', 'training_enrollment',
                           'special_ed_plan', 'teacher', 'teacher_fund_application', 'audit_log')
       ORDER BY 1$$,
    $$VALUES ('audit_log', true, true), ('household', true, true),
             ('special_ed_plan', true, true), ('student', true, true),
             ('student_subsidy', true, true), ('teacher', true, true),
             ('teacher_fund_application', true, true), ('training_enrollment', true, true)$$,
    'RLS is enabled and forced on the seven township-scoped tables and the audit log');

-- Any table that carries township_id and is not reference data (or an empty
-- template nobody is granted) must be under forced RLS: catches new tables.
-- roster_row (011_roster.sql) is loaded by COPY, which refuses RLS tables:
-- no group may read it; its rows are read through the view roster_rows
-- (tests/db/11_roster.sql).
SELECT is_empty(
    $$SELECT c.relname FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'township_id' AND NOT a.attisdropped
       WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind IN ('r', 'p')
         AND c.relname NOT IN ('village', 'school', 'app_user_township',
                               'row_template', 'record_template', 'roster_row')
         AND NOT (c.relrowsecurity AND c.relforcerowsecurity)$$,
    'every other eduaid table with a township_id is under forced RLS too');

SELECT is_empty(
    $$SELECT c.relname, r.rolname FROM pg_class c
       CROSS JOIN pg_roles r
       WHERE c.oid IN ('eduaid.row_template'::regclass, 'eduaid.record_template'::regclass)
         AND r.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                           'eduaid_admin', 'eduaid_auditor')
         AND has_table_privilege(r.oid, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE')$$,
    'the row templates (no RLS) are granted to no group role');

-- The policies of each township-scoped table: one per command and group,
-- the owner's (for the workflow functions), nothing else.
SELECT results_eq(
    $$SELECT tablename::text COLLATE "default", policyname::text COLLATE "default", cmd, roles::text[] COLLATE "default", permissive
        FROM pg_policies
       WHERE schemaname = 'eduaid' AND tablename NOT IN ('audit_log', 'roster_import', 'account_request',
                                                       'login_event')
         AND tablename !~ '^pair' -- school pairing: tests/db/60_pairing.sql
         AND tablename !~ '^preschool_' -- issue 17 H1: tests/db/77_preschool.sql
       ORDER BY 1, 2$$,
    $$SELECT t, t || p, c, r::text[], 'PERMISSIVE'
        FROM unnest(ARRAY['household', 'household_year', 'special_ed_plan', 'student',
                          'student_subsidy', 'student_year', 'teacher',
                          'teacher_fund_application', 'training_enrollment']) AS t
       CROSS JOIN (VALUES
           ('_insert', 'INSERT', '{eduaid_clerk,eduaid_officer}'),
           ('_owner', 'ALL', '{eduaid_owner}'),
           ('_read', 'SELECT', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
           ('_update', 'UPDATE', '{eduaid_clerk,eduaid_officer}')) AS v(p, c, r)
      UNION ALL -- deletes go through eduaid.delete_draft/delete_member (020_locks.sql)
      SELECT t, t || p, c, r::text[], 'PERMISSIVE'
        FROM unnest(ARRAY['household', 'household_year', 'special_ed_plan', 'student',
                          'student_subsidy', 'student_year', 'teacher_fund_application',
                          'training_enrollment']) AS t
       CROSS JOIN (VALUES
           ('_remover_delete', 'DELETE', '{eduaid_remover}'),
           ('_remover_read', 'SELECT', '{eduaid_remover}')) AS v(p, c, r)
      UNION ALL
      SELECT 'household', 'household_remover_touch', 'UPDATE', '{eduaid_remover}', 'PERMISSIVE'
      UNION ALL
      SELECT 'household_year', 'household_year_remover_touch', 'UPDATE', '{eduaid_remover}',
             'PERMISSIVE'
      UNION ALL -- exports go through eduaid.export_<kind> (020_locks.sql)
      SELECT t, t || '_exporter_read', 'SELECT', '{eduaid_exporter}', 'PERMISSIVE'
        FROM unnest(ARRAY['household', 'household_year', 'special_ed_plan',
                          'teacher_fund_application', 'training_enrollment']) AS t
      UNION ALL -- the ledgers (012_ledgers.sql): nothing is deleted, supervisors only read
      SELECT t, t || p, c, r::text[], 'PERMISSIVE'
        FROM unnest(ARRAY['dropout_case', 'dropout_visit', 'home_visit', 'training_attendance']) AS t
       CROSS JOIN (VALUES
           ('_insert', 'INSERT', '{eduaid_clerk,eduaid_officer}'),
           ('_owner', 'ALL', '{eduaid_owner}'),
           ('_read', 'SELECT', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
           ('_update', 'UPDATE', '{eduaid_clerk,eduaid_officer}')) AS v(p, c, r)
      UNION ALL -- issue 17 H2, the care ledger (059_care.sql): sessions never updated
      SELECT t, t || p, c, r::text[], 'PERMISSIVE'
        FROM unnest(ARRAY['care_activity', 'care_attendance', 'care_counselling',
                          'care_record']) AS t
       CROSS JOIN (VALUES
           ('_insert', 'INSERT', '{eduaid_clerk,eduaid_officer}'),
           ('_owner', 'ALL', '{eduaid_owner}'),
           ('_read', 'SELECT', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
           ('_update', 'UPDATE', '{eduaid_clerk,eduaid_officer}')) AS v(p, c, r)
       WHERE (t, p) <> ('care_counselling', '_update')
      UNION ALL -- issue 17 H5: rural teachers' trainings and exchanges (062_teachers.sql),
                -- never deleted; an exchange's copy for the receiving township kept by the server
      SELECT t, t || p, c, r::text[], 'PERMISSIVE'
        FROM unnest(ARRAY['teacher_exchange', 'teacher_training']) AS t
       CROSS JOIN (VALUES
           ('_insert', 'INSERT', '{eduaid_clerk,eduaid_officer}'),
           ('_owner', 'ALL', '{eduaid_owner}'),
           ('_read', 'SELECT', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
           ('_update', 'UPDATE', '{eduaid_clerk,eduaid_officer}')) AS v(p, c, r)
      UNION ALL
      VALUES ('teacher_exchange_in', 'teacher_exchange_in_owner', 'ALL', '{eduaid_owner}'::text[],
              'PERMISSIVE'),
             ('teacher_exchange_in', 'teacher_exchange_in_read', 'SELECT',
              '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}', 'PERMISSIVE')
      UNION ALL -- the public notice (013_notice.sql): written only by its functions
      SELECT t, t || p, c, r::text[], 'PERMISSIVE'
        FROM unnest(ARRAY['notice', 'notice_item', 'notice_objection']) AS t
       CROSS JOIN (VALUES
           ('_owner', 'ALL', '{eduaid_owner}'),
           ('_read', 'SELECT', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'))
           AS v(p, c, r)
      UNION ALL -- the tallies (014_reports.sql): read, written by their trigger only
      SELECT t, t || p, c, r::text[], 'PERMISSIVE'
        FROM unnest(ARRAY['member_tally', 'school_age_tally', 'subsidy_tally']) AS t
       CROSS JOIN (VALUES
           ('_owner', 'ALL', '{eduaid_owner}'),
           ('_read', 'SELECT', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}')) AS v(p, c, r)
      UNION ALL -- the change channels (053_change_channels.sql): read by township, written by nobody
      VALUES ('change_channel', 'change_channel_owner', 'ALL', '{eduaid_owner}'::text[], 'PERMISSIVE'),
             ('change_channel', 'change_channel_read', 'SELECT',
              '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}', 'PERMISSIVE')
      UNION ALL -- the registry (017_registry.sql): its owner only, nobody reads it
      VALUES ('registry', 'registry_owner', 'ALL', '{eduaid_registry_owner}'::text[], 'PERMISSIVE')
      UNION ALL -- transfers (028_transfers.sql): the transferer reads what it checks and
                -- moves households coming to the caller, only into the caller's townships
      SELECT t, t || '_transferer_read', 'SELECT', '{eduaid_transferer}', 'PERMISSIVE'
        FROM unnest(ARRAY['household', 'student', 'household_year', 'student_year',
                          'student_subsidy', 'training_enrollment', 'special_ed_plan',
                          'dropout_case', 'admission', 'care_record']) AS t -- 064 (issue 17)
      UNION ALL
      SELECT t, t || '_transferer_move', 'UPDATE', '{eduaid_transferer}', 'PERMISSIVE'
        FROM unnest(ARRAY['household', 'student', 'household_year', 'student_year',
                          'student_subsidy']) AS t
      UNION ALL -- a member's transfer (033_member_transfers.sql): the transferer marks the
                -- incoming member's row moved out, and makes its new row in the caller's townships
      VALUES ('student', 'student_transferer_moved_in', 'INSERT', '{eduaid_transferer}'::text[], 'PERMISSIVE'),
             ('student', 'student_transferer_moved_out', 'UPDATE', '{eduaid_transferer}', 'PERMISSIVE')
      UNION ALL
      VALUES ('transfer_request', 'transfer_request_owner', 'ALL', '{eduaid_owner}'::text[], 'PERMISSIVE'),
             ('transfer_request', 'transfer_request_transferer', 'ALL', '{eduaid_transferer}', 'PERMISSIVE')
      UNION ALL -- issue 17 H6: reports as submitted (063_report_snapshots.sql): inserted by
                -- officers and supervisors (the server fills the row), never changed
      VALUES ('report_snapshot', 'report_snapshot_insert', 'INSERT', '{eduaid_officer}'::text[], 'PERMISSIVE'),
             ('report_snapshot', 'report_snapshot_insert_county', 'INSERT', '{eduaid_supervisor}', 'PERMISSIVE'),
             ('report_snapshot', 'report_snapshot_owner', 'ALL', '{eduaid_owner}', 'PERMISSIVE'),
             ('report_snapshot', 'report_snapshot_read', 'SELECT', '{eduaid_clerk,eduaid_officer}', 'PERMISSIVE'),
             ('report_snapshot', 'report_snapshot_read_county', 'SELECT', '{eduaid_auditor,eduaid_supervisor}', 'PERMISSIVE')
      UNION ALL -- issue 17 H4: 定向招生 (061_admission.sql): the application a record, its
                -- outcome written by officers only
      SELECT 'admission', 'admission' || p, c, r::text[], 'PERMISSIVE'
        FROM (VALUES
           ('_insert', 'INSERT', '{eduaid_clerk,eduaid_officer}'),
           ('_owner', 'ALL', '{eduaid_owner}'),
           ('_read', 'SELECT', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
           ('_remover_delete', 'DELETE', '{eduaid_remover}'),
           ('_remover_read', 'SELECT', '{eduaid_remover}'),
           ('_update', 'UPDATE', '{eduaid_clerk,eduaid_officer}')) AS v(p, c, r)
      UNION ALL
      SELECT 'admission_outcome', 'admission_outcome' || p, c, r::text[], 'PERMISSIVE'
        FROM (VALUES
           ('_insert', 'INSERT', '{eduaid_officer}'),
           ('_owner', 'ALL', '{eduaid_owner}'),
           ('_read', 'SELECT', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
           ('_update', 'UPDATE', '{eduaid_officer}')) AS v(p, c, r)
       ORDER BY 1, 2$$,
    'each township-scoped table has exactly the delete/insert/owner/read/update policies');

SELECT policies_are('eduaid', 'household',
    ARRAY['household_read', 'household_insert', 'household_update', 'household_owner',
          'household_remover_read', 'household_remover_delete', 'household_remover_touch',
          'household_exporter_read', 'household_transferer_read', 'household_transferer_move'],
    'household has exactly its ten policies (no DELETE for any login: 020_locks.sql)');
SELECT policy_cmd_is('eduaid', 'household', 'household_read', 'SELECT',
    'household_read is a SELECT policy');
SELECT policy_cmd_is('eduaid', 'household', 'household_insert', 'INSERT',
    'household_insert is an INSERT policy');
SELECT policy_cmd_is('eduaid', 'household', 'household_update', 'UPDATE',
    'household_update is an UPDATE policy');
SELECT policy_cmd_is('eduaid', 'household', 'household_remover_delete', 'DELETE',
    'household_remover_delete is a DELETE policy (for eduaid.delete_draft only)');
SELECT policy_roles_are('eduaid', 'household', 'household_update',
    ARRAY['eduaid_clerk', 'eduaid_officer'],
    'household_update applies to clerks and officers only (supervisors do not edit)');

-- Every non-owner policy scopes by township through my_scope() (016: the
-- townships of my_townships() as bigint[], compared first); the UPDATE
-- ones check the new row too (a row cannot move out of scope).
-- roster_import is scoped by person, not township (tests/db/11_roster.sql);
-- account_request by county (018_accounts.sql, tests/db/18_accounts.sql).
-- student_transferer_moved_out (033_member_transfers.sql) is scoped by the
-- member of a pending request to the caller's townships
-- (transfer_incoming_members()): the row stays in the sending township,
-- and only its moved_out_on is granted (tests/db/32_member_transfer.sql).
-- A pair (issue 15) is read by the townships of all its sides: its rows'
-- read policies compare the pair with my_pairs(), which compares those
-- townships with my_scope() (tests/db/60_pairing.sql); they write by
-- township.
SELECT is_empty(
    $$SELECT tablename, policyname FROM pg_policies
       WHERE schemaname = 'eduaid' AND tablename NOT IN ('audit_log', 'roster_import', 'account_request',
                                                       'login_event')
         AND policyname !~ '_owner$' AND policyname <> 'student_transferer_moved_out'
         AND NOT (tablename ~ '^pair' AND cmd = 'SELECT' AND qual ~ 'my_pairs\(\)')
         AND NOT (coalesce(qual, '') ~ 'township_id = ANY .*my_scope\(\)'
                  OR coalesce(with_check, '') ~ 'township_id = ANY .*my_scope\(\)')$$,
    'every non-owner policy of a township-scoped table compares township_id with my_scope()');
SELECT is_empty(
    $$SELECT tablename, policyname FROM pg_policies
       WHERE schemaname = 'eduaid' AND cmd IN ('INSERT', 'UPDATE')
         AND policyname !~ '_owner$' AND tablename NOT IN ('audit_log', 'roster_import')
         AND policyname <> 'student_transferer_moved_out'
         AND coalesce(with_check, '') !~ 'township_id = ANY .*my_scope\(\)'$$,
    'every INSERT and UPDATE policy has a township WITH CHECK');

SELECT results_eq(
    $$SELECT policyname::text COLLATE "default", cmd, roles::text[] COLLATE "default" FROM pg_policies
       WHERE schemaname = 'eduaid' AND tablename = 'audit_log' ORDER BY 1$$,
    $$VALUES ('audit_log_auditor', 'SELECT', '{eduaid_auditor}'::text[]),
             ('audit_log_owner_read', 'SELECT', '{eduaid_owner}'),
             ('audit_log_read', 'SELECT', '{eduaid_supervisor}'),
             ('audit_log_read_township', 'SELECT', '{eduaid_clerk,eduaid_officer}'),
             ('audit_log_write', 'INSERT', '{eduaid_audit_owner}')$$,
    'audit_log policies: township read for clerks/officers (not the pairs'' evaluations: 67) and supervisors, all for auditors, insert only for its owner');

-- ---- definer functions -----------------------------------------------------
SELECT isnt_empty(
    $$SELECT 1 FROM pg_proc WHERE pronamespace = 'eduaid'::regnamespace AND prosecdef$$,
    'there are SECURITY DEFINER functions to check');

-- Pinned: pg_catalog first, pg_temp explicitly last (else it is searched
-- first), and never public or $user.
SELECT is_empty(
    $$SELECT p.oid::regprocedure::text FROM pg_proc p
       WHERE p.pronamespace = 'eduaid'::regnamespace AND p.prosecdef
         AND NOT EXISTS (SELECT FROM unnest(p.proconfig) AS c(setting)
                          WHERE c.setting ~ '^search_path=pg_catalog(, [a-z_]+)*, pg_temp$'
                            AND c.setting !~ '(public|\$user)')$$,
    'no SECURITY DEFINER function lacks a pinned search_path (pg_catalog, ..., pg_temp)');

SELECT is_empty(
    $$SELECT p.oid::regprocedure::text FROM pg_proc p
       CROSS JOIN LATERAL aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) AS a
       WHERE p.pronamespace = 'eduaid'::regnamespace AND p.prosecdef
         AND a.grantee = 0 AND a.privilege_type = 'EXECUTE'$$,
    'EXECUTE on SECURITY DEFINER functions is not granted to PUBLIC');

SELECT is_empty(
    $$SELECT p.oid::regprocedure::text, r.rolname FROM pg_proc p
        JOIN pg_roles r ON r.oid = p.proowner
       WHERE p.pronamespace = 'eduaid'::regnamespace AND p.prosecdef
         AND (r.rolsuper OR r.rolcanlogin OR r.rolbypassrls
              OR r.rolname NOT IN ('eduaid_owner', 'eduaid_audit_owner', 'eduaid_usermgr',
                                   'eduaid_registry_owner', 'eduaid_remover', 'eduaid_exporter',
                                   'eduaid_transferer'))$$,
    'definer functions belong to the NOLOGIN owner roles, never to a superuser or a login');

-- Who may run which definer function, by group role.
SELECT results_eq(
    $$SELECT p.proname::text COLLATE "default",
             coalesce(array_agg(g.rolname::text COLLATE "default" ORDER BY g.rolname)
                      FILTER (WHERE has_function_privilege(g.oid, p.oid, 'EXECUTE')), '{}')
        FROM pg_proc p
       CROSS JOIN pg_roles g
       WHERE p.pronamespace = 'eduaid'::regnamespace AND p.prosecdef
         AND g.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                           'eduaid_admin', 'eduaid_auditor')
       GROUP BY p.oid, p.proname ORDER BY 1$$,
    $$VALUES ('approve', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'::text[]),
             ('approve_request', '{eduaid_supervisor}'),
             ('audit_row', '{}'),
             ('close_notice', '{eduaid_supervisor}'),
             ('create_user', '{}'),
             ('decide_objection', '{eduaid_supervisor}'),
             ('delete_draft', '{eduaid_clerk,eduaid_officer}'),
             ('delete_member', '{eduaid_clerk,eduaid_officer}'),
             ('delete_subsidy_rate', '{eduaid_admin}'),
             ('disable_user', '{eduaid_admin}'),
             ('dropout_confirm', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('dropout_open', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('dropout_return', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('dropout_visit', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('enable_user', '{}'),
             ('end_sessions', '{eduaid_admin}'),
             ('export_household', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('export_household_year', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('export_log', '{}'),
             ('export_special_ed', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('export_teacher_fund', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('export_training', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('field_refusals', '{eduaid_admin,eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('member_year_once', '{}'),
             ('my_account_county', '{eduaid_admin,eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('my_pair_townships', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('my_pairs', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('my_role', '{eduaid_admin,eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('my_scope', '{eduaid_admin,eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('my_townships', '{eduaid_admin,eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('notice_preview', '{eduaid_supervisor}'),
             ('notify_change', '{}'),
             ('open_notice', '{eduaid_supervisor}'),
             ('pair_end_approve', '{eduaid_supervisor}'),
             ('pair_end_refuse', '{eduaid_supervisor}'),
             ('pair_end_request', '{eduaid_clerk,eduaid_officer}'),
             ('pair_evaluation_approve', '{eduaid_supervisor}'),
             ('pair_for_end', '{}'),
             ('pair_member_claim', '{}'),
             ('pair_pending_end', '{}'),
             -- issue 17 H1
             ('preschool_batch_close', '{eduaid_clerk,eduaid_officer}'),
             ('preschool_batch_review', '{eduaid_supervisor}'),
             ('preschool_enrolled_distinct', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('preschool_row_guard', '{}'),
             -- end issue 17 H1
             ('rate_guard', '{}'),
             ('rate_in_effect', '{eduaid_admin}'),
             ('record_facts', '{}'),
             ('record_objection', '{eduaid_officer,eduaid_supervisor}'),
             ('refuse_request', '{eduaid_supervisor}'),
             ('registry_sync', '{}'),
             ('reject', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('reopen', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('report_tally_trigger', '{}'),
             ('request_create', '{eduaid_admin}'),
             ('request_enable', '{eduaid_admin}'),
             ('request_password', '{eduaid_admin}'),
             ('request_townships', '{eduaid_admin}'),
             ('rollover_moved_in', '{eduaid_clerk,eduaid_officer}'),
             ('roster_differences_masked', '{eduaid_supervisor}'),
             ('roster_finish', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('roster_finish_counted', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('roster_import_finished', '{}'),
             ('roster_rows_guard', '{}'),
             ('save_blocks_own_step', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('schema_level', '{eduaid_admin,eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('school_age_tally_rows', '{}'),
             ('school_age_tally_student', '{}'),
             ('set_user_password', '{}'),
             ('set_user_townships', '{}'),
             ('snapshot_county', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'), -- issue 17 H6
             ('special_ed_counts', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('submit', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('teacher_exchange_copy', '{}'), -- issue 17 H5
             ('teacher_facts_changed', '{}'),
             ('township_channel_add', '{}'),
             ('transfer_accept', '{eduaid_clerk,eduaid_officer}'),
             ('transfer_accept_member', '{eduaid_clerk,eduaid_officer}'),
             ('transfer_refuse', '{eduaid_clerk,eduaid_officer}'),
             ('transfer_request', '{eduaid_clerk,eduaid_officer}'),
             ('transfer_request_member', '{eduaid_clerk,eduaid_officer}'),
             ('transfer_withdraw', '{eduaid_clerk,eduaid_officer}'),
             ('transfers', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('transition', '{}'),
             ('verify', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}')$$,
    'each definer function is executable by exactly the intended group roles');

-- ---- roles -----------------------------------------------------------------
SELECT is_empty(
    $$SELECT rolname FROM pg_roles
       WHERE rolname IN ('eduaid_owner', 'eduaid_audit_owner', 'eduaid_usermgr',
                         'eduaid_registry_owner', 'eduaid_remover', 'eduaid_exporter',
                         'eduaid_transferer', 'eduaid_clerk',
                         'eduaid_officer', 'eduaid_supervisor', 'eduaid_admin', 'eduaid_auditor',
                         'eduaid_inspector')
         AND (rolcanlogin OR rolsuper OR rolbypassrls OR rolcreatedb)$$,
    'the owner and group roles cannot log in and are neither superuser, BYPASSRLS nor CREATEDB');
SELECT is(
    (SELECT array_agg(rolname::text ORDER BY rolname) FROM pg_roles WHERE rolcreaterole
        AND NOT rolsuper AND rolname ~ '^(eduaid_|demo_|clerk_|officer_)'),
    ARRAY['eduaid_usermgr'],
    'only eduaid_usermgr (NOLOGIN) holds CREATEROLE');
SELECT is_empty(
    $$SELECT u.login, u.role,
             (SELECT array_agg(g.rolname ORDER BY g.rolname) FROM pg_auth_members m
                JOIN pg_roles g ON g.oid = m.roleid
               WHERE m.member = r.oid) AS groups
        FROM eduaid.app_user u JOIN pg_roles r ON r.rolname = u.login
       WHERE (SELECT array_agg(g.rolname::text ORDER BY g.rolname) FROM pg_auth_members m
                JOIN pg_roles g ON g.oid = m.roleid
               WHERE m.member = r.oid) IS DISTINCT FROM ARRAY['eduaid_' || u.role]
          OR r.rolsuper OR r.rolbypassrls OR r.rolcreaterole$$,
    'every eduaid user is a plain login in exactly the one group its app_user row names');
SELECT is_empty(
    $$SELECT u.login FROM eduaid.app_user u LEFT JOIN pg_roles r ON r.rolname = u.login
       WHERE r.oid IS NULL OR r.rolcanlogin <> u.active$$,
    'every app_user row has its role, and it can log in exactly when the user is active');
SELECT is_empty(
    $$SELECT m.member::regrole::text FROM pg_auth_members m
       WHERE m.roleid IN ('eduaid_owner'::regrole, 'eduaid_audit_owner'::regrole,
                          'eduaid_usermgr'::regrole, 'eduaid_registry_owner'::regrole,
                          'eduaid_remover'::regrole, 'eduaid_exporter'::regrole,
                          'eduaid_transferer'::regrole)$$,
    'nobody is a member of the owner roles (SET ROLE to them is impossible)');
SELECT is_empty(
    $$SELECT m.member::regrole::text, m.roleid::regrole::text FROM pg_auth_members m
       WHERE m.admin_option AND m.roleid::regrole::text ~ '^eduaid_'$$,
    'nobody holds ADMIN OPTION on an eduaid group');

-- ---- object creation -------------------------------------------------------
SELECT is_empty(
    $$SELECT r.rolname FROM pg_roles r
       WHERE (r.rolname ~ '^eduaid_(clerk|officer|supervisor|admin|auditor|inspector)$'
              OR r.rolname IN (SELECT login FROM eduaid.app_user))
         AND has_database_privilege(r.oid, current_database(), 'TEMPORARY')$$,
    'no group role or user may create temporary tables (no shadowing through pg_temp)');
SELECT is_empty(
    $$SELECT r.rolname, n.nspname FROM pg_roles r CROSS JOIN pg_namespace n
       WHERE (r.rolname ~ '^eduaid_(clerk|officer|supervisor|admin|auditor|inspector|audit_owner|usermgr)$'
              OR r.rolname IN (SELECT login FROM eduaid.app_user))
         AND n.nspname IN ('public', 'eduaid')
         AND has_schema_privilege(r.oid, n.oid, 'CREATE')$$,
    'no group role, user or helper owner may CREATE in schemas public or eduaid');
SELECT is_empty(
    $$SELECT r.rolname FROM pg_roles r
       WHERE (r.rolname ~ '^eduaid_(clerk|officer|supervisor|admin|auditor|inspector)$'
              OR r.rolname IN (SELECT login FROM eduaid.app_user))
         AND has_database_privilege(r.oid, current_database(), 'CREATE')$$,
    'no group role or user may create schemas');

-- ---- table and column privileges -------------------------------------------
SELECT is_empty(
    $$SELECT c.relname FROM pg_class c
       WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind = 'r'
         AND c.relrowsecurity AND c.relname <> 'account_request' -- the admin's own requests
         AND has_table_privilege('eduaid_admin', c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE')$$,
    'the admin holds no privilege on any record, member or audit table');
SELECT is_empty(
    $$SELECT c.relname, g.rolname FROM pg_class c CROSS JOIN pg_roles g
       WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
         AND g.rolname IN ('eduaid_supervisor', 'eduaid_auditor')
         AND has_table_privilege(g.oid, c.oid, 'INSERT, DELETE, TRUNCATE')$$,
    'supervisors and auditors can neither insert nor delete records');
SELECT is_empty(
    $$SELECT c.relname, a.attname FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
         AND has_column_privilege('eduaid_auditor', c.oid, a.attnum, 'UPDATE, INSERT')$$,
    'the auditor can change no column of any record table');

-- Workflow and bookkeeping columns are written only by the server.
SELECT is_empty(
    $$SELECT c.relname, a.attname, g.rolname FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       CROSS JOIN pg_roles g
       WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
         AND a.attname IN ('id', 'version', 'created_by', 'created_at', 'updated_by',
             'updated_at', 'status', 'reason', 'editors', 'submitted_by', 'submitted_at',
             'verified_by', 'verified_at', 'approved_by', 'approved_at', 'rejected_by',
             'rejected_at')
         AND g.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                           'eduaid_admin', 'eduaid_auditor')
         AND has_column_privilege(g.oid, c.oid, a.attnum, 'INSERT, UPDATE')$$,
    'no group role may INSERT or UPDATE a workflow or bookkeeping column');
SELECT is_empty(
    $$SELECT c.relname, a.attname, g.rolname FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       CROSS JOIN pg_roles g
       WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
         AND a.attname IN ('township_id', 'client_uuid', 'household_id', 'student_id')
         AND g.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor')
         AND has_column_privilege(g.oid, c.oid, a.attnum, 'UPDATE')$$,
    'no group role may UPDATE a key column (township, client uuid, household, student)');
SELECT is_empty(
    $$SELECT c.relname, a.attname FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind = 'r'
         AND c.relname <> 'audit_log'
         AND eduaid.is_personal_column(a.attname)
         AND has_column_privilege('eduaid_supervisor', c.oid, a.attnum, 'SELECT, UPDATE')$$,
    'supervisors can neither read nor write a full ID number or bank account column');
SELECT isnt_empty(
    $$SELECT 1 FROM pg_attribute
       WHERE attrelid = 'eduaid.household'::regclass AND attname = 'head_id_number_masked'
         AND has_column_privilege('eduaid_supervisor', attrelid, attnum, 'SELECT')$$,
    'supervisors read the masked ID number column instead');
SELECT is(
    (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
      WHERE a.attrelid = 'eduaid.audit_log'::regclass AND a.attnum > 0
        AND has_column_privilege('eduaid_supervisor', a.attrelid, a.attnum, 'SELECT')
        AND a.attname IN ('old_row', 'new_row', 'old_masked', 'new_masked')),
    ARRAY['new_masked', 'old_masked'],
    'supervisors read only the masked old/new rows of the audit log');
SELECT is_empty(
    $$SELECT r.rolname, p.privilege FROM pg_roles r
       CROSS JOIN unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
       WHERE r.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                           'eduaid_admin', 'eduaid_auditor', 'eduaid_owner', 'eduaid_usermgr')
         AND has_table_privilege(r.oid, 'eduaid.audit_log', p.privilege)$$,
    'no role but the audit owner holds any write privilege on the audit log');
SELECT is(
    (SELECT array_agg(p ORDER BY p) FROM unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p
      WHERE has_table_privilege('eduaid_audit_owner', 'eduaid.audit_log', p)),
    ARRAY['DELETE', 'INSERT', 'TRUNCATE', 'UPDATE'],
    'the audit owner holds its table''s privileges (so the triggers, not grants, must stop it)');
SELECT is_empty(
    $$SELECT c.relname, g.rolname FROM pg_class c CROSS JOIN pg_roles g
       WHERE c.relnamespace = 'eduaid'::regnamespace
         AND c.relname IN ('county', 'township', 'village', 'school', 'training_course', 'fund_program')
         AND g.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor', 'eduaid_admin', 'eduaid_auditor')
         AND NOT has_table_privilege(g.oid, c.oid, 'SELECT')$$,
    'every group role reads the reference tables');
SELECT is_empty(
    $$SELECT c.relname, g.rolname FROM pg_class c CROSS JOIN pg_roles g
       WHERE c.relnamespace = 'eduaid'::regnamespace
         AND g.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                           'eduaid_admin', 'eduaid_auditor')
         AND ((c.relname IN ('school', 'training_course', 'fund_program')
               AND g.rolname <> 'eduaid_admin')
              OR c.relname IN ('county', 'township', 'village', 'app_user',
                               'app_user_township', 'schema_version'))
         AND has_table_privilege(g.oid, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')$$,
    'only the admin changes schools, courses and programs; nobody writes divisions, users or schema_version directly');

-- ---- triggers --------------------------------------------------------------
-- (Required triggers; more may exist, e.g. the statement-level member touch.)
SELECT is_empty(
    $$SELECT v.tbl, v.trigger_name FROM (VALUES
           ('audit_log', 'audit_log_no_update'), ('audit_log', 'audit_log_no_truncate'),
           ('household', 'a_bookkeeping'), ('household', 'b_record_guard'), ('household', 'z_audit'),
           ('training_enrollment', 'a_bookkeeping'), ('training_enrollment', 'b_record_guard'),
           ('training_enrollment', 'z_audit'),
           ('special_ed_plan', 'a_bookkeeping'), ('special_ed_plan', 'b_record_guard'),
           ('special_ed_plan', 'z_audit'),
           ('teacher_fund_application', 'a_bookkeeping'), ('teacher_fund_application', 'b_record_guard'),
           ('teacher_fund_application', 'z_audit'),
           ('student', 'a_bookkeeping'), ('student', 'b_member_guard'), ('student', 'z_audit'),
           ('student_subsidy', 'a_bookkeeping'), ('student_subsidy', 'b_member_guard'),
           ('student_subsidy', 'z_audit'), ('student_subsidy', 'b_year_guard'),
           ('household_year', 'a_bookkeeping'), ('household_year', 'b_record_guard'),
           ('household_year', 'b_year_guard'), ('household_year', 'z_audit'),
           ('student_year', 'a_bookkeeping'), ('student_year', 'b_member_guard'),
           ('student_year', 'b_year_guard'), ('student_year', 'z_audit'),
           ('teacher', 'a_bookkeeping'), ('teacher', 'z_audit')) AS v(tbl, trigger_name)
       WHERE NOT EXISTS (SELECT FROM pg_trigger t
                          WHERE t.tgrelid = format('eduaid.%I', v.tbl)::regclass
                            AND t.tgname = v.trigger_name AND NOT t.tgisinternal)$$,
    'bookkeeping, guard and audit triggers on every record and member table; immutability on the log');
SELECT is_empty(
    $$SELECT c.relname, e.event FROM pg_class c
       CROSS JOIN (VALUES ('INSERT', 4), ('DELETE', 8), ('UPDATE', 16)) AS e(event, bit)
       WHERE c.oid IN ('eduaid.student'::regclass, 'eduaid.student_subsidy'::regclass,
                       'eduaid.student_year'::regclass)
         AND NOT EXISTS (SELECT FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                          WHERE t.tgrelid = c.oid AND NOT t.tgisinternal
                            AND p.proname ~ '^member_' AND (t.tgtype & e.bit) <> 0)$$,
    'member tables hand every INSERT, UPDATE and DELETE to a member_* trigger (the household''s guard)');
SELECT is_empty(
    $$SELECT t.tgrelid::regclass::text, t.tgname FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid
       WHERE c.relnamespace = 'eduaid'::regnamespace AND NOT t.tgisinternal
         AND t.tgenabled <> 'O'$$,
    'no eduaid trigger is disabled or set to replica/always mode');
SELECT is_empty(
    $$SELECT t.tgrelid::regclass::text, t.tgname FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid
       WHERE c.relnamespace = 'eduaid'::regnamespace AND NOT t.tgisinternal
         AND t.tgname = 'z_audit'
         AND (t.tgfoid <> 'eduaid.audit_row()'::regprocedure
              OR (t.tgtype & 1) <> 1          -- FOR EACH ROW
              OR (t.tgtype & 2) <> 0          -- AFTER
              OR (t.tgtype & 28) <> 28)$$,    -- INSERT, DELETE, UPDATE
    'every z_audit trigger is AFTER INSERT OR UPDATE OR DELETE FOR EACH ROW calling audit_row()');

-- ---- scope functions -------------------------------------------------------
SELECT is(
    (SELECT array_agg(u.login ORDER BY u.login) FROM eduaid.app_user u
      WHERE u.login IN ('demo_admin', 'demo_clerk', 'demo_clerk2', 'demo_officer',
                        'demo_supervisor', 'demo_supervisor2', 'demo_auditor') AND u.active),
    ARRAY['demo_admin', 'demo_auditor', 'demo_clerk', 'demo_clerk2', 'demo_officer',
          'demo_supervisor', 'demo_supervisor2'],
    'the seven demo users exist and are active');
SELECT is((SELECT eduaid.my_townships()), NULL::int[],
    'the superuser (not an eduaid user) has no townships: my_townships() is NULL');

SELECT * FROM finish();
ROLLBACK;
