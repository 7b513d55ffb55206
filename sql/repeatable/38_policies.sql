-- repeatable/38_policies.sql: row-level security -- which tables have it,
-- and every policy of schema eduaid, table by table.
--
-- The township condition. Every township-scoped row is visible and
-- writable only in the townships of the person logged in:
--   township_id = ANY ((SELECT eduaid.my_scope())::bigint[])
-- an init plan run once per query (10_scope.sql), so the condition can use
-- the indexes, all of which lead with township_id (016_index_scope.sql).
-- It compares int4 with int8 through pg_catalog.int48eq, made the cheapest
-- comparison there is (000_bootstrap.sql), so the planner evaluates it
-- before any condition of the caller's: no other township's row reaches a
-- caller's predicate, not even as a count in EXPLAIN ANALYZE.
--
-- Every table under RLS is also FORCEd (its owner obeys the policies too),
-- but account_request, which its owner eduaid_usermgr writes through the
-- account functions (27_users.sql). The owners' own policies (<t>_owner,
-- USING (true)) are for the workflow and ledger functions, which run as
-- eduaid_owner and check the township themselves. eduaid_remover and
-- eduaid_exporter, the owners of the delete and export functions
-- (21_delete.sql, 35_export.sql), see the caller's townships only.
--
-- Run as the superuser who migrates (tables of several owners). A policy
-- is made again only when its text changed, and ALTER TABLE ... ROW LEVEL
-- SECURITY runs only when the table is not yet as this says: a run with
-- nothing to change takes no ACCESS EXCLUSIVE lock here.
-- tests/db/01_schema.sql checks the outcome from the catalog.

-- pg_temp.policy(table, name, rest): policy name ON eduaid.table; rest is
-- what follows "CREATE POLICY name ON table".
--
-- A policy made from the same text as the one in place is left alone:
-- DROP/CREATE POLICY take ACCESS EXCLUSIVE on the table, so replaying them
-- on every migrate let any login idly reading a table (a transaction left
-- open) keep a run with nothing to change from going through. The text's
-- MD5 is kept as the policy's comment.
CREATE OR REPLACE FUNCTION pg_temp.policy(p_table text, p_name text, p_rest text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    stamp constant text := 'eduaid policy ' || md5(p_rest);
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_policy p
                WHERE p.polrelid = format('eduaid.%I', p_table)::regclass
                  AND p.polname = p_name
                  AND pg_catalog.obj_description(p.oid, 'pg_policy') = stamp) THEN
        RETURN;
    END IF;
    EXECUTE format('DROP POLICY IF EXISTS %I ON eduaid.%I', p_name, p_table);
    EXECUTE format('CREATE POLICY %I ON eduaid.%I %s', p_name, p_table, p_rest);
    EXECUTE format('COMMENT ON POLICY %I ON eduaid.%I IS %L', p_name, p_table, stamp);
END
$$;

-- pg_temp.row_security(table, force): row-level security enabled (and
-- forced, or not) on eduaid.table.
CREATE OR REPLACE FUNCTION pg_temp.row_security(p_table text, p_force boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c pg_catalog.pg_class;
BEGIN
    SELECT * INTO STRICT c FROM pg_catalog.pg_class
     WHERE oid = format('eduaid.%I', p_table)::regclass;
    IF NOT c.relrowsecurity THEN
        EXECUTE format('ALTER TABLE eduaid.%I ENABLE ROW LEVEL SECURITY', p_table);
    END IF;
    IF c.relforcerowsecurity IS DISTINCT FROM p_force THEN
        EXECUTE format('ALTER TABLE eduaid.%I %s ROW LEVEL SECURITY', p_table,
                       CASE WHEN p_force THEN 'FORCE' ELSE 'NO FORCE' END);
    END IF;
END
$$;

DO $$
DECLARE
    tbl   text;
    scope constant text := 'township_id = ANY ((SELECT eduaid.my_scope())::bigint[])';
    readers constant text := 'eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor';
BEGIN
    --------------------------------------------------------------------
    -- The record and member tables: everyone reads their townships;
    -- clerks and officers insert and update there (the column grants,
    -- 39_privileges.sql, and the workflow's guards say what); supervisors
    -- read, never write (019_reviewers.sql); nobody deletes but through
    -- eduaid_remover.
    FOREACH tbl IN ARRAY ARRAY['household', 'student', 'household_year', 'student_year',
        'student_subsidy', 'training_enrollment', 'special_ed_plan', 'teacher',
        'teacher_fund_application']
    LOOP
        PERFORM pg_temp.row_security(tbl, true);
        PERFORM pg_temp.policy(tbl, tbl || '_read',
            format('FOR SELECT TO %s USING (%s)', readers, scope));
        PERFORM pg_temp.policy(tbl, tbl || '_insert',
            format('FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK (%s)', scope));
        PERFORM pg_temp.policy(tbl, tbl || '_update',
            format('FOR UPDATE TO eduaid_clerk, eduaid_officer USING (%s) WITH CHECK (%s)',
                   scope, scope));
        PERFORM pg_temp.policy(tbl, tbl || '_owner',
            'TO eduaid_owner USING (true) WITH CHECK (true)');
    END LOOP;
    -- Deleting: eduaid.delete_draft and delete_member (21_delete.sql).
    -- The teacher register is never deleted from.
    FOREACH tbl IN ARRAY ARRAY['household', 'student', 'household_year', 'student_year',
        'student_subsidy', 'training_enrollment', 'special_ed_plan', 'teacher_fund_application']
    LOOP
        PERFORM pg_temp.policy(tbl, tbl || '_remover_read',
            format('FOR SELECT TO eduaid_remover USING (%s)', scope));
        PERFORM pg_temp.policy(tbl, tbl || '_remover_delete',
            format('FOR DELETE TO eduaid_remover USING (%s)', scope));
    END LOOP;
    -- member_touch touches the record as the person deleting a member.
    PERFORM pg_temp.policy('household', 'household_remover_touch',
        format('FOR UPDATE TO eduaid_remover USING (%s) WITH CHECK (%s)', scope, scope));
    PERFORM pg_temp.policy('household_year', 'household_year_remover_touch',
        format('FOR UPDATE TO eduaid_remover USING (%s) WITH CHECK (%s)', scope, scope));
    -- Exporting: eduaid.export_<kind> (35_export.sql).
    FOREACH tbl IN ARRAY ARRAY['household', 'training_enrollment', 'special_ed_plan',
        'teacher_fund_application']
    LOOP
        PERFORM pg_temp.policy(tbl, tbl || '_exporter_read',
            format('FOR SELECT TO eduaid_exporter USING (%s)', scope));
    END LOOP;
    -- (issue 11 part 4: the export of household_year records)
    PERFORM pg_temp.policy('household_year', 'household_year_exporter_read',
        format('FOR SELECT TO eduaid_exporter USING (%s)', scope));

    --------------------------------------------------------------------
    -- The ledgers: everyone reads their townships; clerks and officers
    -- insert home visits and attendance (and correct the hours and
    -- presence of attendance); cases and visits only through the ledger
    -- functions (32_ledgers.sql).
    FOREACH tbl IN ARRAY ARRAY['dropout_case', 'dropout_visit', 'home_visit',
                               'training_attendance']
    LOOP
        PERFORM pg_temp.row_security(tbl, true);
        PERFORM pg_temp.policy(tbl, tbl || '_read',
            format('FOR SELECT TO %s USING (%s)', readers, scope));
        PERFORM pg_temp.policy(tbl, tbl || '_insert',
            format('FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK (%s)', scope));
        PERFORM pg_temp.policy(tbl, tbl || '_update',
            format('FOR UPDATE TO eduaid_clerk, eduaid_officer USING (%s) WITH CHECK (%s)',
                   scope, scope));
        PERFORM pg_temp.policy(tbl, tbl || '_owner',
            'TO eduaid_owner USING (true) WITH CHECK (true)');
    END LOOP;

    --------------------------------------------------------------------
    -- The report tallies (34_reports.sql): read in one's townships, written
    -- by the owner's trigger only.
    FOREACH tbl IN ARRAY ARRAY['subsidy_tally', 'member_tally', 'school_age_tally'] LOOP
        PERFORM pg_temp.row_security(tbl, true);
        PERFORM pg_temp.policy(tbl, tbl || '_read',
            format('FOR SELECT TO %s USING (%s)', readers, scope));
        PERFORM pg_temp.policy(tbl, tbl || '_owner',
            'TO eduaid_owner USING (true) WITH CHECK (true)');
    END LOOP;

    --------------------------------------------------------------------
    -- 公示: a notice is public within its county (a household notice to
    -- the township's people); its lines and objections follow the township
    -- of their record. Nobody writes them but the notice functions.
    PERFORM pg_temp.row_security('notice', true);
    PERFORM pg_temp.policy('notice', 'notice_read',
        format('FOR SELECT TO %s USING (%s OR (township_id IS NULL AND county_id = '
               '(SELECT t.county_id FROM eduaid.township t '
               'WHERE t.id = ((SELECT eduaid.my_townships()))[1])))', readers, scope));
    PERFORM pg_temp.policy('notice', 'notice_owner',
        'TO eduaid_owner USING (true) WITH CHECK (true)');
    FOREACH tbl IN ARRAY ARRAY['notice_item', 'notice_objection'] LOOP
        PERFORM pg_temp.row_security(tbl, true);
        PERFORM pg_temp.policy(tbl, tbl || '_read',
            format('FOR SELECT TO %s USING (%s)', readers, scope));
        PERFORM pg_temp.policy(tbl, tbl || '_owner',
            'TO eduaid_owner USING (true) WITH CHECK (true)');
    END LOOP;
END
$$;

------------------------------------------------------------------------
-- Transfers between townships (issue 11, 028_transfers.sql,
-- 41_transfer.sql). Only eduaid_transferer, the owner of the transfer
-- functions, reads or writes transfer_request (no login has a grant on
-- it; they read it through eduaid.transfers()): a request is the sending
-- township's (township_id) and the receiving one's (to_township_id), and
-- the transferer sees it when either is one of the caller's townships.
-- The rows of a household the transferer reads in the caller's townships,
-- and in the households coming to them (eduaid.transfer_incoming(): a
-- pending request to one of the caller's townships); it updates only the
-- latter, and only into the caller's townships (WITH CHECK): a receiving
-- officer's acceptance moves the household to him, nothing moves anywhere
-- else. The functions check the roles and the sides.
DO $$
DECLARE
    tbl   text;
    scope constant text := 'township_id = ANY ((SELECT eduaid.my_scope())::bigint[])';
    incoming constant text := '%I = ANY ((SELECT eduaid.transfer_incoming())::bigint[])';
BEGIN
    PERFORM pg_temp.row_security('transfer_request', true);
    PERFORM pg_temp.policy('transfer_request', 'transfer_request_transferer',
        'TO eduaid_transferer USING (township_id = ANY ((SELECT eduaid.my_scope())::bigint[]) '
        'OR to_township_id = ANY ((SELECT eduaid.my_scope())::bigint[])) '
        'WITH CHECK (township_id = ANY ((SELECT eduaid.my_scope())::bigint[]) '
        'OR to_township_id = ANY ((SELECT eduaid.my_scope())::bigint[]))');
    PERFORM pg_temp.policy('transfer_request', 'transfer_request_owner',
        'TO eduaid_owner USING (true) WITH CHECK (true)');
    -- (a member's transfer, 033: the household a member comes from is read
    -- too -- transfer_incoming_from() -- to check what keeps it from moving)
    FOREACH tbl IN ARRAY ARRAY['household', 'student', 'household_year', 'student_year',
        'student_subsidy', 'training_enrollment', 'special_ed_plan', 'dropout_case',
        'admission', 'care_record']  -- issue 17 (064)
    LOOP
        PERFORM pg_temp.policy(tbl, tbl || '_transferer_read',
            format('FOR SELECT TO eduaid_transferer USING (%s OR %s)', scope,
                   format('%I = ANY ((SELECT eduaid.transfer_incoming_from())::bigint[])',
                          CASE tbl WHEN 'household' THEN 'id' ELSE 'household_id' END)));
    END LOOP;
    -- A member's transfer (issue 11, 033_member_transfers.sql): the
    -- transferer marks the incoming member's row moved out (that row only,
    -- where it is: 39_privileges.sql grants the column) and makes its new
    -- row in a household of the caller's townships.
    PERFORM pg_temp.policy('student', 'student_transferer_moved_out',
        'FOR UPDATE TO eduaid_transferer '
        'USING (id = ANY ((SELECT eduaid.transfer_incoming_members())::bigint[])) '
        'WITH CHECK (id = ANY ((SELECT eduaid.transfer_incoming_members())::bigint[]))');
    PERFORM pg_temp.policy('student', 'student_transferer_moved_in',
        format('FOR INSERT TO eduaid_transferer WITH CHECK (%s)', scope));
    FOREACH tbl IN ARRAY ARRAY['household', 'student', 'household_year', 'student_year',
        'student_subsidy']
    LOOP
        PERFORM pg_temp.policy(tbl, tbl || '_transferer_move',
            format('FOR UPDATE TO eduaid_transferer USING (%s) WITH CHECK (%s)',
                   format(incoming, CASE tbl WHEN 'household' THEN 'id' ELSE 'household_id' END),
                   scope));
    END LOOP;
END
$$;

------------------------------------------------------------------------
-- The audit log: written by its owner's trigger function only, as the
-- person logged in; clerks, officers and supervisors read the history of
-- their townships' rows, auditors everything; the owner's definer
-- functions read the latest entry of a record for the notice lines
-- (latest_audit_id) and the actors of a record for four-eyes on
-- objections (notice_objection_guard).
SELECT pg_temp.row_security('audit_log', true);
SELECT pg_temp.policy('audit_log', 'audit_log_write',
    'FOR INSERT TO eduaid_audit_owner WITH CHECK (actor = session_user)');
SELECT pg_temp.policy('audit_log', 'audit_log_read',
    'FOR SELECT TO eduaid_supervisor '
    'USING (township_id = ANY ((SELECT eduaid.my_scope())::bigint[]))');
-- issue 15 H7: clerks and officers read their townships' history but for
-- the evaluations of pairs and their scores, the county's until approved
-- (the pairing block below): those entries carry the running scores.
SELECT pg_temp.policy('audit_log', 'audit_log_read_township',
    'FOR SELECT TO eduaid_clerk, eduaid_officer '
    'USING (township_id = ANY ((SELECT eduaid.my_scope())::bigint[]) '
    'AND table_name NOT IN (''pair_evaluation'', ''pair_evaluation_score''))');
SELECT pg_temp.policy('audit_log', 'audit_log_auditor',
    'FOR SELECT TO eduaid_auditor USING (true)');
SELECT pg_temp.policy('audit_log', 'audit_log_owner_read',
    'FOR SELECT TO eduaid_owner USING (true)');

------------------------------------------------------------------------
-- Issue 14, the log of logins (043_login_events.sql): the auditor reads
-- every row; nobody else reads or writes it (the superuser's
-- eduaid.login_collect() adds the rows, 29_logins.sql).
SELECT pg_temp.row_security('login_event', true);
SELECT pg_temp.policy('login_event', 'login_event_auditor',
    'FOR SELECT TO eduaid_auditor USING (true)');

------------------------------------------------------------------------
-- Roster imports: each person sees their own, auditors every import; an
-- import is inserted as oneself by a clerk, officer or supervisor. (The
-- staging rows, roster_row, have no RLS: COPY FROM refuses it. Nobody may
-- read them but through the view eduaid.roster_rows, 31_roster.sql.)
SELECT pg_temp.row_security('roster_import', true);
SELECT pg_temp.policy('roster_import', 'roster_import_own',
    'FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor '
    'USING (imported_by = session_user)');
SELECT pg_temp.policy('roster_import', 'roster_import_insert',
    'FOR INSERT TO eduaid_clerk, eduaid_officer, eduaid_supervisor '
    'WITH CHECK (imported_by = session_user '
    'AND eduaid.my_role() IN (''clerk'', ''officer'', ''supervisor''))');
SELECT pg_temp.policy('roster_import', 'roster_import_auditor',
    'FOR SELECT TO eduaid_auditor USING (true)');
SELECT pg_temp.policy('roster_import', 'roster_import_owner',
    'TO eduaid_owner USING (true) WITH CHECK (true)');

------------------------------------------------------------------------
-- Account requests: read by the admins, supervisors and auditors of the
-- request's county. Not forced: their owner writes them (27_users.sql).
SELECT pg_temp.row_security('account_request', false);
SELECT pg_temp.policy('account_request', 'account_request_read',
    'FOR SELECT TO eduaid_admin, eduaid_supervisor, eduaid_auditor '
    'USING (county_id = (SELECT eduaid.my_account_county()))');

------------------------------------------------------------------------
-- The registry (26_registry.sql): no login is granted anything, and RLS
-- too, so that a grant made by mistake still shows nothing.
SELECT pg_temp.row_security('registry', true);
SELECT pg_temp.policy('registry', 'registry_owner',
    'TO eduaid_registry_owner USING (true) WITH CHECK (true)');

------------------------------------------------------------------------
-- School pairing (issue 15; docs/design/pairing.md). A pair is seen by
-- the townships of its helping school and of every helped school, and by
-- the county's supervisors, auditors and inspectors: every row of it
-- compares its pair with eduaid.my_pairs() (36_pairing.sql), an init plan
-- run once per query, after its township with my_pair_townships() (the
-- townships those pairs' rows are filed under), which an index leading
-- with township_id can use: no row of a township where the caller sees
-- no pair is read, not even for EXPLAIN ANALYZE to count. Rows are written in one's own townships only (the
-- home township's, or a helped school's own for pair_member), of a pair
-- one sees, by the roles whose they are: clerks and officers the pair and
-- its work, the inspector inspections and notices, supervisors the
-- evaluations, scores and awards. So a third township can neither read a
-- pair nor touch a key of one (a helped school must be of one's own
-- townships: the overlap rule only ever compares it with a pair that
-- holds a school of one's own, which one sees).
DO $$
DECLARE
    tbl     text;
    scope   constant text := 'township_id = ANY ((SELECT eduaid.my_scope())::bigint[])';
    seen    constant text := 'pair_id = ANY ((SELECT eduaid.my_pairs())::bigint[])';
    filed   constant text := 'township_id = ANY ((SELECT eduaid.my_pair_townships())::bigint[])';
    readers constant text := 'eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor, '
                             'eduaid_inspector';
    writers text;
BEGIN
    -- The overlap rule's claims (046): their owner's alone.
    PERFORM pg_temp.row_security('pair_claim', true);
    PERFORM pg_temp.policy('pair_claim', 'pair_claim_owner',
        'TO eduaid_owner USING (true) WITH CHECK (true)');
    PERFORM pg_temp.row_security('pair', true);
    PERFORM pg_temp.policy('pair', 'pair_read',
        format('FOR SELECT TO %s USING (%s AND id = ANY ((SELECT eduaid.my_pairs())::bigint[]))',
               readers, filed));
    PERFORM pg_temp.policy('pair', 'pair_insert',
        format('FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK (%s)', scope));
    PERFORM pg_temp.policy('pair', 'pair_update',
        format('FOR UPDATE TO eduaid_clerk, eduaid_officer USING (%s) WITH CHECK (%s)',
               scope, scope));
    PERFORM pg_temp.policy('pair', 'pair_owner', 'TO eduaid_owner USING (true) WITH CHECK (true)');

    FOREACH tbl IN ARRAY ARRAY['pair_member', 'pair_agreement', 'pair_target', 'pair_activity',
                               'pair_monthly_report', 'pair_quarterly', 'pair_inspection',
                               'pair_rectification', 'pair_rectification_response',
                               'pair_evaluation', 'pair_evaluation_score', 'pair_award']
    LOOP
        writers := CASE
            WHEN tbl IN ('pair_inspection', 'pair_rectification') THEN 'eduaid_inspector'
            WHEN tbl IN ('pair_evaluation', 'pair_evaluation_score', 'pair_award')
                THEN 'eduaid_supervisor'
            ELSE 'eduaid_clerk, eduaid_officer' END;
        PERFORM pg_temp.row_security(tbl, true);
        IF tbl IN ('pair_evaluation', 'pair_evaluation_score') THEN
            -- issue 15 H7: an evaluation is the county's until a second
            -- supervisor approves it. Supervisors (who enter and approve)
            -- and auditors (who check the process) read every one; clerks,
            -- officers and inspectors read an evaluation and its scores
            -- only once approved, never the running scores. A score asks
            -- its evaluation (under that table's policies, as the caller).
            PERFORM pg_temp.policy(tbl, tbl || '_read',
                format('FOR SELECT TO eduaid_supervisor, eduaid_auditor USING (%s AND %s)',
                       filed, seen));
            PERFORM pg_temp.policy(tbl, tbl || '_read_approved',
                format('FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_inspector '
                       'USING (%s AND %s AND %s)', filed, seen,
                       CASE tbl WHEN 'pair_evaluation' THEN 'approved_at IS NOT NULL'
                       ELSE 'EXISTS (SELECT FROM eduaid.pair_evaluation e'
                            ' WHERE e.township_id = pair_evaluation_score.township_id'
                            ' AND e.pair_id = pair_evaluation_score.pair_id'
                            ' AND e.id = pair_evaluation_score.evaluation_id'
                            ' AND e.approved_at IS NOT NULL)' END));
        ELSE
            PERFORM pg_temp.policy(tbl, tbl || '_read',
                format('FOR SELECT TO %s USING (%s AND %s)', readers, filed, seen));
        END IF;
        PERFORM pg_temp.policy(tbl, tbl || '_insert',
            format('FOR INSERT TO %s WITH CHECK (%s AND %s)', writers, scope, seen));
        IF tbl IN ('pair_target', 'pair_activity', 'pair_monthly_report', 'pair_quarterly',
                   'pair_rectification_response', 'pair_evaluation', 'pair_evaluation_score') THEN
            PERFORM pg_temp.policy(tbl, tbl || '_update',
                format('FOR UPDATE TO %s USING (%s AND %s) WITH CHECK (%s AND %s)',
                       writers, scope, seen, scope, seen));
        END IF;
        PERFORM pg_temp.policy(tbl, tbl || '_owner',
            'TO eduaid_owner USING (true) WITH CHECK (true)');
    END LOOP;
END
$$;

-- issue 15 H1: the pair agreement is a record (kind 'pairing',
-- 047_pairing_workflow.sql). Clerks and officers of its home township
-- edit it while the workflow lets them (record_guard); deleting a draft
-- goes through eduaid.delete_draft (21_delete.sql), run as eduaid_remover
-- for the caller: his townships, a pair he sees.
DO $$
DECLARE
    scope constant text := 'township_id = ANY ((SELECT eduaid.my_scope())::bigint[])';
    seen  constant text := 'pair_id = ANY ((SELECT eduaid.my_pairs())::bigint[])';
BEGIN
    PERFORM pg_temp.policy('pair_agreement', 'pair_agreement_update',
        format('FOR UPDATE TO eduaid_clerk, eduaid_officer USING (%s AND %s) WITH CHECK (%s AND %s)',
               scope, seen, scope, seen));
    PERFORM pg_temp.policy('pair_agreement', 'pair_agreement_remover_read',
        format('FOR SELECT TO eduaid_remover USING (%s AND %s)', scope, seen));
    PERFORM pg_temp.policy('pair_agreement', 'pair_agreement_remover_delete',
        format('FOR DELETE TO eduaid_remover USING (%s AND %s)', scope, seen));
END
$$;

-- issue 17 H4: 定向招生专项计划 (061_admission.sql). The application is a
-- record as every kind: everyone reads his townships' (supervisors and
-- auditors the county); clerks and officers write there while the
-- workflow lets them (record_guard); a draft is deleted through
-- eduaid.delete_draft (as eduaid_remover, the caller's townships). The
-- outcome: everyone reads his townships'; only officers write it (an
-- approved application of theirs: admission_outcome_guard).
DO $$
DECLARE
    scope constant text := 'township_id = ANY ((SELECT eduaid.my_scope())::bigint[])';
    readers constant text := 'eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor';
BEGIN
    PERFORM pg_temp.row_security('admission', true);
    PERFORM pg_temp.policy('admission', 'admission_read',
        format('FOR SELECT TO %s USING (%s)', readers, scope));
    PERFORM pg_temp.policy('admission', 'admission_insert',
        format('FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK (%s)', scope));
    PERFORM pg_temp.policy('admission', 'admission_update',
        format('FOR UPDATE TO eduaid_clerk, eduaid_officer USING (%s) WITH CHECK (%s)', scope, scope));
    PERFORM pg_temp.policy('admission', 'admission_owner',
        'TO eduaid_owner USING (true) WITH CHECK (true)');
    PERFORM pg_temp.policy('admission', 'admission_remover_read',
        format('FOR SELECT TO eduaid_remover USING (%s)', scope));
    PERFORM pg_temp.policy('admission', 'admission_remover_delete',
        format('FOR DELETE TO eduaid_remover USING (%s)', scope));

    PERFORM pg_temp.row_security('admission_outcome', true);
    PERFORM pg_temp.policy('admission_outcome', 'admission_outcome_read',
        format('FOR SELECT TO %s USING (%s)', readers, scope));
    PERFORM pg_temp.policy('admission_outcome', 'admission_outcome_insert',
        format('FOR INSERT TO eduaid_officer WITH CHECK (%s)', scope));
    PERFORM pg_temp.policy('admission_outcome', 'admission_outcome_update',
        format('FOR UPDATE TO eduaid_officer USING (%s) WITH CHECK (%s)', scope, scope));
    PERFORM pg_temp.policy('admission_outcome', 'admission_outcome_owner',
        'TO eduaid_owner USING (true) WITH CHECK (true)');
END
$$;

------------------------------------------------------------------------
-- issue 17 H1 (preschool; 058_preschool.sql, 36_m_preschool.sql). The
-- import batches and their rows are read by the roles of their township
-- (clerks and officers their own, supervisors and the auditor the
-- county's: supervisors without the full ID numbers, 39_privileges.sql)
-- and inserted by clerks and officers in their own townships only (the
-- rows into an open batch of their own: preschool_row_guard). Nothing is
-- updated or deleted by a login: a batch's review and row count are the
-- owner's definer functions'.
DO $$
DECLARE
    scope constant text := 'township_id = ANY ((SELECT eduaid.my_scope())::bigint[])';
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['preschool_batch', 'preschool_population', 'preschool_enrollment']
    LOOP
        PERFORM pg_temp.row_security(tbl, true);
        PERFORM pg_temp.policy(tbl, tbl || '_read',
            format('FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor '
                   'USING (%s)', scope));
        PERFORM pg_temp.policy(tbl, tbl || '_insert',
            format('FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK (%s)', scope));
        PERFORM pg_temp.policy(tbl, tbl || '_owner',
            'TO eduaid_owner USING (true) WITH CHECK (true)');
    END LOOP;
END
$$;
-- end issue 17 H1

-- issue 17 H5 (rural teachers, 062_teachers.sql, 36_m_teachers.sql):
-- training records and exchanges are the teacher's township's, as the
-- register is: everyone reads their townships, clerks and officers insert
-- and correct them there, nobody deletes. An exchange into another
-- township is read there through its copy, teacher_exchange_in, which
-- the server keeps (eduaid.teacher_exchange_copy) and no login writes.
DO $$
DECLARE
    scope   constant text := 'township_id = ANY ((SELECT eduaid.my_scope())::bigint[])';
    readers constant text := 'eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor';
    tbl     text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['teacher_training', 'teacher_exchange', 'teacher_exchange_in']
    LOOP
        PERFORM pg_temp.row_security(tbl, true);
        PERFORM pg_temp.policy(tbl, tbl || '_read',
            format('FOR SELECT TO %s USING (%s)', readers, scope));
        IF tbl <> 'teacher_exchange_in' THEN
            PERFORM pg_temp.policy(tbl, tbl || '_insert',
                format('FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK (%s)', scope));
            PERFORM pg_temp.policy(tbl, tbl || '_update',
                format('FOR UPDATE TO eduaid_clerk, eduaid_officer USING (%s) WITH CHECK (%s)',
                       scope, scope));
        END IF;
        PERFORM pg_temp.policy(tbl, tbl || '_owner',
            'TO eduaid_owner USING (true) WITH CHECK (true)');
    END LOOP;
END
$$;
-- end issue 17 H5

-- issue 17 H2 (left-behind care, 059_care.sql, 36_m_care.sql): clerks,
-- officers, supervisors and auditors read the care ledger of their
-- townships (the county for supervisors and auditors; supervisors only
-- the columns 39_privileges.sql gives them: phones and counselling notes
-- masked); clerks and officers write it for their townships' schools.
DO $$
DECLARE
    scope constant text := 'township_id = ANY ((SELECT eduaid.my_scope())::bigint[])';
    readers constant text := 'eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor';
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['care_record', 'care_counselling', 'care_activity',
                               'care_attendance']
    LOOP
        PERFORM pg_temp.row_security(tbl, true);
        PERFORM pg_temp.policy(tbl, tbl || '_read',
            format('FOR SELECT TO %s USING (%s)', readers, scope));
        PERFORM pg_temp.policy(tbl, tbl || '_insert',
            format('FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK (%s)', scope));
        IF tbl <> 'care_counselling' THEN
            PERFORM pg_temp.policy(tbl, tbl || '_update',
                format('FOR UPDATE TO eduaid_clerk, eduaid_officer USING (%s) WITH CHECK (%s)',
                       scope, scope));
        END IF;
        PERFORM pg_temp.policy(tbl, tbl || '_owner',
            'TO eduaid_owner USING (true) WITH CHECK (true)');
    END LOOP;
END
$$;
-- end issue 17 H2

-- issue 17 H6 (reports as submitted, 063_report_snapshots.sql,
-- 36_m_snapshots.sql): a township's snapshots are read by its own clerks
-- and officers; supervisors and auditors read every snapshot of their
-- county, the county's (township_id NULL) included -- an officer never
-- reads those, they hold other townships' figures. Officers insert their
-- townships' (the trigger runs the report as them), supervisors the
-- county's or a township's of their county. No UPDATE or DELETE policy:
-- a snapshot is never changed (report_snapshot_keep).
DO $$
DECLARE
    scope  constant text := 'township_id = ANY ((SELECT eduaid.my_scope())::bigint[])';
    county constant text := '(township_id IS NULL AND county_id = (SELECT eduaid.snapshot_county()))';
BEGIN
    PERFORM pg_temp.row_security('report_snapshot', true);
    PERFORM pg_temp.policy('report_snapshot', 'report_snapshot_read',
        format('FOR SELECT TO eduaid_clerk, eduaid_officer USING (%s)', scope));
    PERFORM pg_temp.policy('report_snapshot', 'report_snapshot_read_county',
        format('FOR SELECT TO eduaid_supervisor, eduaid_auditor USING (%s OR %s)', scope, county));
    PERFORM pg_temp.policy('report_snapshot', 'report_snapshot_insert',
        format('FOR INSERT TO eduaid_officer WITH CHECK (%s)', scope));
    PERFORM pg_temp.policy('report_snapshot', 'report_snapshot_insert_county',
        format('FOR INSERT TO eduaid_supervisor WITH CHECK (%s OR %s)', scope, county));
    PERFORM pg_temp.policy('report_snapshot', 'report_snapshot_owner',
        'TO eduaid_owner USING (true) WITH CHECK (true)');
END
$$;
-- end issue 17 H6
