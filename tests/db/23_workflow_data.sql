-- tests/db/23_workflow_data.sql: the workflow is data (023_workflow_data.sql,
-- sql/repeatable/22_workflow_steps.sql, 36_review_queue.sql). The two tables hold exactly the
-- workflow as it was; every login reads them and none writes them; the
-- status columns are foreign keys to them. Then, as the superuser would
-- in a migration: a new state (a county second check, 已复核, between
-- verified and approved) is one row of record_status and two of
-- workflow_step using existing actions, and the people concerned drive a
-- household through it with the workflow functions -- the guard, the
-- four-eyes rule, the audit log, the record's history and the review
-- queue all follow; a step alone (supervisors may reopen) is one row.
-- Everything is rolled back.
--
-- People: demo_clerk (clerk of 城关镇 420325100), demo_officer (its
-- officer), demo_supervisor and demo_supervisor2 (county), demo_admin,
-- demo_auditor. Cost: about a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(46);

-- ==== the tables hold the workflow as it was ================================
SELECT results_eq(
    $$SELECT code, word_zh, word_en, colour, sort_order, kinds, stamp, edit_roles, locked, initial
        FROM eduaid.record_status ORDER BY sort_order$$,
    $$VALUES ('draft', '草稿', 'draft', 'draft', 10, NULL::text[], NULL, '{clerk,officer}'::text[], false, true),
             ('submitted', '已提交', 'submitted', 'submitted', 20, NULL, 'submitted', '{officer}', false, false),
             ('verified', '已审核', 'verified', 'verified', 30, NULL, 'verified', '{}', false, false),
             ('approved', '已批准', 'approved', 'approved', 40, NULL, 'approved', '{}', true, false),
             ('rejected', '已退回', 'rejected', 'rejected', 50, NULL, 'rejected', '{clerk,officer}', false, false),
             ('in_notice', '公示中', 'on notice', 'submitted', 60, '{household,teacher_fund,household_year}', NULL, '{}', true, false),
             ('final', '已生效', 'final', 'approved', 70, '{household,teacher_fund,household_year}', NULL, '{}', true, false)$$,
    'record_status: the seven states, their words, looks and rules');
SELECT results_eq(
    $$SELECT action, role, from_status, to_status, kinds, reason_required, four_eyes, by_notice
        FROM eduaid.workflow_step ORDER BY by_notice, action, role, from_status$$,
    $$VALUES ('approve', 'supervisor', 'verified', 'approved', NULL::text[], false, 'verified', false),
             ('reject', 'officer', 'submitted', 'rejected', NULL, true, 'submitted', false),
             ('reject', 'supervisor', 'verified', 'rejected', NULL, true, 'verified', false),
             ('reopen', 'clerk', 'approved', 'draft', NULL, true, NULL, false),
             ('reopen', 'clerk', 'final', 'draft', NULL, true, NULL, false),
             ('reopen', 'officer', 'approved', 'draft', NULL, true, NULL, false),
             ('reopen', 'officer', 'final', 'draft', NULL, true, NULL, false),
             ('submit', 'clerk', 'draft', 'submitted', NULL, false, NULL, false),
             ('submit', 'clerk', 'rejected', 'submitted', NULL, false, NULL, false),
             ('submit', 'officer', 'draft', 'submitted', NULL, false, NULL, false),
             ('submit', 'officer', 'rejected', 'submitted', NULL, false, NULL, false),
             ('verify', 'officer', 'submitted', 'verified', NULL, false, 'submitted', false),
             ('finalize', 'supervisor', 'in_notice', 'final', '{household,teacher_fund,household_year}', false, NULL, true),
             ('notice', 'supervisor', 'approved', 'in_notice', '{household,teacher_fund,household_year}', false, NULL, true),
             ('reject', 'supervisor', 'in_notice', 'rejected', '{household,teacher_fund,household_year}', false, NULL, true)$$,
    'workflow_step: the fifteen steps of 006 and 013');
SELECT is((SELECT count(*)::int FROM (SELECT DISTINCT from_status, to_status, action
                                        FROM eduaid.workflow_step) AS p),
          (SELECT count(*)::int FROM (SELECT DISTINCT from_status, to_status
                                        FROM eduaid.workflow_step) AS p),
          'each move from one state to another has one action (the audit names it)');
SELECT is(eduaid.record_statuses('training'), '{approved,draft,rejected,submitted,verified}',
          'record_statuses: training has the five states without the notice');

-- ==== who reads and writes them =============================================
SELECT is_empty(
    $$SELECT t.t, g.g, p.p FROM unnest(ARRAY['eduaid.record_status', 'eduaid.workflow_step']) AS t(t)
       CROSS JOIN unnest(ARRAY['eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                               'eduaid_admin', 'eduaid_auditor']) AS g(g)
       CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',
                               'REFERENCES', 'TRIGGER']) AS p(p)
       WHERE has_table_privilege(g.g, t.t, p.p) <> (p.p = 'SELECT')$$,
    'every login group reads both tables and holds no other privilege on them');
SELECT is_empty(
    $$SELECT r.rolname FROM pg_roles r
       WHERE r.rolcanlogin AND NOT r.rolsuper
         AND (has_table_privilege(r.oid, 'eduaid.record_status', 'INSERT, UPDATE, DELETE, TRUNCATE')
              OR has_table_privilege(r.oid, 'eduaid.workflow_step', 'INSERT, UPDATE, DELETE, TRUNCATE'))$$,
    'no login may write either table');
SET SESSION AUTHORIZATION demo_clerk;
SELECT is((SELECT count(*)::int FROM eduaid.record_status) + (SELECT count(*)::int FROM eduaid.workflow_step),
          22, 'demo_clerk reads both tables (the client loads them at login)');
SELECT throws_ok($$INSERT INTO eduaid.record_status (code, word_zh, word_en, colour, sort_order)
                   VALUES ('skipped', '跳过', 'skipped', 'approved', 99)$$,
    '42501', NULL, 'demo_clerk cannot add a state');
SELECT throws_ok($$UPDATE eduaid.workflow_step SET role = 'clerk' WHERE action = 'approve'$$,
    '42501', NULL, '... nor give himself a step');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$DELETE FROM eduaid.workflow_step WHERE four_eyes IS NOT NULL$$,
    '42501', NULL, 'demo_supervisor cannot remove the four-eyes steps');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$UPDATE eduaid.record_status SET edit_roles = '{clerk,officer}' WHERE code = 'approved'$$,
    '42501', NULL, 'demo_admin cannot unlock approved records');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$TRUNCATE eduaid.workflow_step$$, '42501', NULL, 'demo_auditor cannot empty the steps');
RESET SESSION AUTHORIZATION;

-- ==== the status columns are foreign keys ===================================
SELECT results_eq(
    $$SELECT c.conrelid::regclass::text COLLATE "default", c.conname::text COLLATE "default",
             c.confrelid::regclass::text COLLATE "default"
        FROM pg_constraint c
       WHERE c.conrelid IN ('eduaid.household'::regclass, 'eduaid.training_enrollment'::regclass,
                            'eduaid.special_ed_plan'::regclass,
                            'eduaid.teacher_fund_application'::regclass,
                            'eduaid.record_template'::regclass)
         AND (c.conname ~ 'status' AND c.conname !~ 'poverty')
       ORDER BY 1$$,
    $$VALUES ('eduaid.household', 'household_status_fk', 'eduaid.record_status'),
             ('eduaid.special_ed_plan', 'special_ed_plan_status_fk', 'eduaid.record_status'),
             ('eduaid.teacher_fund_application', 'teacher_fund_application_status_fk', 'eduaid.record_status'),
             ('eduaid.training_enrollment', 'training_enrollment_status_fk', 'eduaid.record_status')$$,
    'each record table''s status is a foreign key to record_status; no status CHECK is left');
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('wd_a', 420325100), fx_household('wd_b', 420325100),
       fx_household('wd_c', 420325100), fx_training('wd_tr', 'wd_a') \gset
RESET SESSION AUTHORIZATION;
SELECT throws_ok($$INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
                       head_id_number, registered_year, family_size, status)
                   SELECT township_id, 'TEST-WD-X', village_id, head_name,
                          fx_new_idno('1980-01-01'), registered_year, family_size, 'archived'
                     FROM eduaid.household WHERE id = fx('wd_a')$$,
    '23503', NULL, 'a state record_status does not list is refused, even for the superuser');
SELECT throws_ok($$DELETE FROM eduaid.record_status WHERE code = 'draft'$$,
    '23503', NULL, 'a state records are in cannot be removed');
SELECT fx_rowcount($$UPDATE eduaid.training_enrollment SET status = 'submitted' WHERE id = fx('wd_tr')$$),
       fx_rowcount($$UPDATE eduaid.training_enrollment SET status = 'verified' WHERE id = fx('wd_tr')$$),
       fx_rowcount($$UPDATE eduaid.training_enrollment SET status = 'approved' WHERE id = fx('wd_tr')$$) \gset
SELECT throws_ok($$UPDATE eduaid.training_enrollment SET status = 'in_notice' WHERE id = fx('wd_tr')$$,
    'EA001', NULL, 'the notice''s steps are for households and fund applications: not for a training enrollment');

-- ==== a new state: one row, and two steps that use existing actions =========
SET SESSION AUTHORIZATION demo_clerk;
SELECT eduaid.submit('household', fx('wd_a')), eduaid.submit('household', fx('wd_b')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household', fx('wd_a')), eduaid.verify('household', fx('wd_b')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT waiting AS before_hh FROM eduaid.queue_counts() WHERE kind = 'household' \gset
SELECT throws_ok($$SELECT eduaid.verify('household', fx('wd_a'))$$, 'EA004', NULL,
    'before the new state: a supervisor has no verify step');
RESET SESSION AUTHORIZATION;

INSERT INTO eduaid.record_status (code, word_zh, word_en, colour, sort_order, stamp)
VALUES ('checked', '已复核', 'checked', 'verified', 35, 'verified');
INSERT INTO eduaid.workflow_step (action, role, from_status, to_status, four_eyes)
VALUES ('verify', 'supervisor', 'verified', 'checked', 'verified'),
       ('approve', 'supervisor', 'checked', 'approved', 'verified');

SELECT ok('checked' = ANY (eduaid.record_statuses('household')),
          'record_statuses: households now have the state');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(eduaid.verify('household', fx('wd_a')), 4, 'demo_supervisor checks wd_a with verify: version 4');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT status, verified_by, verified_at IS NOT NULL, approved_by FROM eduaid.household
       WHERE id = fx('wd_a')$$,
    $$VALUES ('checked', 'demo_supervisor', true, NULL::text)$$,
    'wd_a is checked; the state''s stamp names demo_supervisor as its verifier');
SELECT results_eq(
    $$SELECT actor, action, old_row ->> 'status', new_row ->> 'status' FROM eduaid.audit_log
       WHERE kind = 'household' AND record_id = fx('wd_a') AND table_name = 'household'
       ORDER BY id DESC LIMIT 1$$,
    $$VALUES ('demo_supervisor', 'verify', 'verified', 'checked')$$,
    'the audit log files the step under its action, verify');

-- The review queue and its counts follow the tables.
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is_empty($$SELECT 1 FROM eduaid.review_queue(p_search => fx('wd_a')::text)$$,
    'demo_supervisor checked wd_a: it is not in his queue (four-eyes)');
SELECT is((SELECT waiting FROM eduaid.queue_counts() WHERE kind = 'household'), (:before_hh - 1)::bigint,
    '... and his count of households waiting is one less');
SELECT throws_ok($$SELECT eduaid.approve('household', fx('wd_a'))$$, 'EA002', NULL,
    '... nor may he approve it');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT results_eq(
    $$SELECT kind, id, status, submitted_by,
             waiting_since = (SELECT h.verified_at FROM eduaid.household h WHERE h.id = fx('wd_a'))
        FROM eduaid.review_queue(p_search => fx('wd_a')::text)$$,
    $$VALUES ('household', fx('wd_a'), 'checked', 'demo_clerk', true)$$,
    'demo_supervisor2''s queue holds wd_a, checked, waiting since it was checked');
SELECT results_eq(
    $$SELECT kind, id, status FROM eduaid.review_queue(p_kind => 'household', p_limit => 1000)
       WHERE id IN (fx('wd_a'), fx('wd_b')) ORDER BY id$$,
    $$VALUES ('household', fx('wd_a'), 'checked'), ('household', fx('wd_b'), 'verified')$$,
    '... beside wd_b, still verified, in the county''s first page');
SELECT is((SELECT waiting FROM eduaid.queue_counts() WHERE kind = 'household'),
          (SELECT count(*) FROM eduaid.review_queue(p_kind => 'household', p_limit => 1000)),
          '... and counted: queue_counts() agrees with the queue');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT eduaid.approve('household', fx('wd_a'))$$, 'EA004', NULL,
    'an officer has no approve step');
SELECT is_empty($$SELECT 1 FROM eduaid.review_queue(p_search => fx('wd_a')::text)$$,
    '... and no checked record in his queue');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$UPDATE eduaid.household SET family_size = 9 WHERE id = fx('wd_a')$$,
    'EA004', NULL, 'nobody edits a checked record (edit_roles is empty)');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT is(eduaid.approve('household', fx('wd_a')), 5, 'demo_supervisor2 approves wd_a: version 5');
SELECT is(fx_status('household', 'wd_a'), 'approved', 'wd_a is approved');
SELECT results_eq(
    $$SELECT action, actor FROM eduaid.record_history('household', fx('wd_a'))
       WHERE table_name = 'household' ORDER BY at DESC LIMIT 2$$,
    $$VALUES ('approve', 'demo_supervisor2'), ('verify', 'demo_supervisor')$$,
    'its history: checked (verify) by demo_supervisor, approved by demo_supervisor2');
SELECT is((SELECT changes FROM eduaid.record_history('household', fx('wd_a'))
            WHERE action = 'verify' AND actor = 'demo_supervisor'),
          '{}'::jsonb, '... the check, like every workflow entry, changed no data field');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(eduaid.approve('household', fx('wd_b')), 4,
          'wd_b, verified, is still approved the way it was');
RESET SESSION AUTHORIZATION;

-- The guard follows the steps whoever writes.
SET SESSION AUTHORIZATION demo_clerk;
SELECT eduaid.submit('household', fx('wd_c')) \gset
RESET SESSION AUTHORIZATION;
SELECT throws_ok($$UPDATE eduaid.household SET status = 'checked' WHERE id = fx('wd_c')$$,
    'EA001', NULL, 'no step leads from submitted to checked: refused, even for the superuser');
SELECT lives_ok($$UPDATE eduaid.household SET status = 'verified' WHERE id = fx('wd_c')$$,
    'the superuser may repair along a step');
SELECT lives_ok($$UPDATE eduaid.household SET status = 'checked' WHERE id = fx('wd_c')$$,
    '... and the new ones');
SELECT throws_ok($$DELETE FROM eduaid.record_status WHERE code = 'checked'$$, '23503', NULL,
    'the new state cannot be removed while a step or a record uses it');

-- The queue was generated again from the tables, and names the state.
SELECT ok((SELECT prosrc FROM pg_proc WHERE oid = 'eduaid.queue_counts'::regproc) ~ '''checked''',
          'queue_counts() was generated again with the new state');

-- ==== a step alone: one row =================================================
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT throws_ok($$SELECT eduaid.reopen('household', fx('wd_b'), '复查')$$, 'EA004', NULL,
    'supervisors may not reopen a record');
RESET SESSION AUTHORIZATION;
INSERT INTO eduaid.workflow_step (action, role, from_status, to_status, reason_required)
VALUES ('reopen', 'supervisor', 'approved', 'draft', true);
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT throws_ok($$SELECT eduaid.reopen('household', fx('wd_b'), ' ')$$, 'EA003', NULL,
    'with the step, a supervisor reopens only with a reason');
SELECT is(eduaid.reopen('household', fx('wd_b'), '复查'), 5, '... and with one, reopens wd_b');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT status, reason FROM eduaid.household WHERE id = fx('wd_b')$$,
    $$VALUES ('draft', '复查')$$, 'wd_b is a draft again, with the reason');
SELECT results_eq(
    $$SELECT actor, action, reason FROM eduaid.audit_log
       WHERE kind = 'household' AND record_id = fx('wd_b') AND table_name = 'household'
       ORDER BY id DESC LIMIT 1$$,
    $$VALUES ('demo_supervisor2', 'reopen', '复查')$$,
    'the audit log has the reopening and its reason');
SET SESSION AUTHORIZATION demo_clerk;
SELECT lives_ok($$UPDATE eduaid.household SET family_size = 5 WHERE id = fx('wd_b')$$,
    'its author edits it again');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
