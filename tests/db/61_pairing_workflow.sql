-- tests/db/61_pairing_workflow.sql: the pair agreement (帮扶协议书 +
-- 目标任务书) as the workflow record kind 'pairing' (issue 15 H1;
-- 047_pairing_workflow.sql), as the people who take its steps and the ones
-- who should not: draft -> submitted -> verified (an officer of the pair's
-- HOME township) -> approved (a supervisor); returned with a reason;
-- four-eyes; the review queue; the audit; drafts deleted; the early end
-- that waits for the approval.
--
-- People (tests/db/60_pairing.sql's): demo_clerk (clerk of 城关镇 420325100
-- and 军店镇 420325101), demo_officer (城关镇: the helping school's side),
-- officer_101 (军店镇: the home township), officer_103 (土城镇: another
-- side of the 大学区), officer_104 (大木厂镇: a third township),
-- demo_supervisor and demo_supervisor2 (county), and t_inspector, made
-- here by the superuser as the DBA would.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(65);

-- ==== the kind ===============================================================
SELECT is(eduaid.record_table('pairing'), 'pair_agreement', 'kind pairing is the pair agreement');
SELECT is(eduaid.record_statuses('pairing'), '{approved,draft,rejected,submitted,verified}'::text[],
    'an agreement has the five states of the workflow and no notice states');
SELECT results_eq(
    $$SELECT p.proname::text COLLATE "default",
             array_agg(g.rolname::text COLLATE "default" ORDER BY g.rolname)
               FILTER (WHERE has_function_privilege(g.oid, p.oid, 'EXECUTE'))
        FROM pg_proc p CROSS JOIN pg_roles g
       WHERE p.pronamespace = 'eduaid'::regnamespace
         AND p.proname IN ('submit', 'verify', 'approve', 'reject', 'reopen', 'delete_draft')
         AND g.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor', 'eduaid_admin',
                           'eduaid_auditor', 'eduaid_inspector')
       GROUP BY p.proname ORDER BY 1$$,
    $$VALUES ('approve', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'::text[]),
             ('delete_draft', '{eduaid_clerk,eduaid_officer}'),
             ('reject', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('reopen', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('submit', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('verify', '{eduaid_clerk,eduaid_officer,eduaid_supervisor}')$$,
    'the workflow functions: no step for the inspector (nor the auditor or the admin)');
SELECT has_trigger('eduaid', 'pair_agreement', 'b_record_guard', 'the record guard keeps the agreement');

-- ==== the people, the schools, the pairs =====================================
SELECT eduaid.create_user('t_inspector', '周督查', 'inspector', 420325);
SELECT (SELECT id FROM eduaid.school WHERE name = '城关镇第二小学') AS helper,
       (SELECT id FROM eduaid.school WHERE name = '房县第一中学') AS helper2,
       (SELECT id FROM eduaid.school WHERE name = '军店镇中心小学') AS jd,
       (SELECT id FROM eduaid.school WHERE name = '土城镇中心小学') AS tc \gset
SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO eduaid.pair (township_id, helping_township_id, helping_school_id, title, form,
                         help_kind, cycle_start, helping_lead, helped_lead)
VALUES (420325101, 420325100, :helper, '城关二小—军店镇大学区', 'district', 'town_village',
        '2025-09-01', '刘校长', '陈校长');
SELECT id AS p1 FROM eduaid.pair WHERE title = '城关二小—军店镇大学区' \gset
INSERT INTO eduaid.pair_member (township_id, pair_id, school_id) VALUES (420325101, :p1, :jd);
RESET SESSION AUTHORIZATION;
INSERT INTO eduaid.pair_member (township_id, pair_id, school_id) VALUES (420325103, :p1, :tc);
SET SESSION AUTHORIZATION officer_101;
INSERT INTO eduaid.pair (township_id, helping_township_id, helping_school_id, title, form,
                         help_kind, cycle_start, helping_lead, helped_lead)
VALUES (420325101, 420325100, :helper2, '房县一中—军店镇', 'one_to_one', 'city_county',
        '2025-09-01', '李校长', '张校长');
SELECT id AS p2 FROM eduaid.pair WHERE title = '房县一中—军店镇' \gset

-- ==== drafting ===============================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok(
    format($$INSERT INTO eduaid.pair_agreement (township_id, pair_id, signed_on, helping_signatory,
                                                helped_signatory, goals, status)
             VALUES (420325101, %s, '2025-09-01', '刘校长', '陈校长', '目标', 'approved')$$, :p1),
    '42501', NULL, 'demo_clerk cannot write an agreement approved (no privilege on the status)');
SELECT lives_ok(
    format($$INSERT INTO eduaid.pair_agreement (township_id, pair_id, signed_on, helping_signatory,
                                                helped_signatory, goals)
             VALUES (420325101, %s, '2025-09-01', '刘校长', '陈校长', '三年内教学质量进入全县中游。')$$,
           :p1),
    'demo_clerk drafts the agreement of the pair at home in 军店镇');
SELECT results_eq(
    format('SELECT id, status, created_by, editors FROM eduaid.pair_agreement WHERE pair_id = %s', :p1),
    format($$VALUES (%s::bigint, 'draft'::text, 'demo_clerk'::text, '{demo_clerk}'::text[])$$, :p1),
    'it is a draft of demo_clerk, and its id is its pair''s');
SELECT is(fx_rowcount(format($$UPDATE eduaid.pair_agreement SET goals = goals || '每学期送教两次。'
                               WHERE id = %s$$, :p1)), 1,
    'demo_clerk edits his draft');
SELECT throws_ok(format($$UPDATE eduaid.pair_agreement SET status = 'submitted' WHERE id = %s$$, :p1),
    '42501', NULL, '... but not its status');
SELECT throws_ok(
    format($$INSERT INTO eduaid.pair_agreement (township_id, pair_id, signed_on, helping_signatory,
                                                helped_signatory, goals)
             VALUES (420325100, %s, '2025-09-01', '刘校长', '陈校长', '目标')$$, :p1),
    '23503', NULL, 'an agreement is filed in its pair''s home township only');

SET SESSION AUTHORIZATION officer_104;
SELECT is(fx_finds('SELECT FROM eduaid.pair_agreement'), false,
    'officer_104 (a third township) sees no agreement');
SELECT throws_ok(format($$SELECT eduaid.submit('pairing', %s)$$, :p1), 'EA005', NULL,
    '... and cannot submit it: not found');
SELECT throws_ok(format($$SELECT eduaid.delete_draft('pairing', %s, 2)$$, :p1), 'EA080', NULL,
    '... nor delete it');

-- ==== submitted ==============================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(eduaid.submit('pairing', :p1, 2), 3, 'demo_clerk submits it (version 3)');
SELECT throws_ok(format($$UPDATE eduaid.pair_agreement SET goals = '改' WHERE id = %s$$, :p1),
    'EA004', NULL, 'a clerk no longer edits it once submitted');
SELECT throws_ok(format($$SELECT eduaid.verify('pairing', %s)$$, :p1), 'EA004', NULL,
    'a clerk does not verify');
SELECT throws_ok(format($$SELECT eduaid.delete_draft('pairing', %s, 3)$$, :p1), 'EA006', NULL,
    'a submitted agreement is not deleted');
SELECT is((SELECT waiting FROM eduaid.queue_counts() WHERE kind = 'pairing'), 0::bigint,
    'a clerk has no queue (the count of agreements is 0)');

-- The other sides of the pair read it, and do not verify it.
SET SESSION AUTHORIZATION demo_officer;
SELECT is((SELECT status FROM eduaid.pair_agreement WHERE pair_id = :p1), 'submitted',
    'demo_officer (城关镇, the helping side) reads the submitted agreement');
SELECT throws_ok(format($$SELECT eduaid.verify('pairing', %s)$$, :p1), 'EA005', NULL,
    '... and cannot verify it (not his township''s record)');
SELECT is((SELECT count(*)::int FROM eduaid.review_queue(p_kind => 'pairing')), 0,
    '... nor does it wait in his queue');
SELECT is((SELECT waiting FROM eduaid.queue_counts() WHERE kind = 'pairing'), 0::bigint,
    '... nor in his counts');
SET SESSION AUTHORIZATION officer_103;
SELECT is((SELECT count(*)::int FROM eduaid.pair_agreement WHERE pair_id = :p1), 1,
    'officer_103 (土城镇, another side of the 大学区) reads it');
SELECT throws_ok(format($$SELECT eduaid.verify('pairing', %s)$$, :p1), 'EA005', NULL,
    '... and cannot verify it');
SELECT throws_ok(format($$SELECT eduaid.reject('pairing', %s, '不同意')$$, :p1), 'EA005', NULL,
    '... nor return it');
SELECT is((SELECT count(*)::int FROM eduaid.review_queue(p_kind => 'pairing')), 0,
    '... nor does it wait in his queue');
SELECT is((SELECT waiting FROM eduaid.queue_counts() WHERE kind = 'pairing'), 0::bigint,
    '... nor in his counts');
SET SESSION AUTHORIZATION officer_104;
SELECT throws_ok(format($$SELECT eduaid.verify('pairing', %s)$$, :p1), 'EA005', NULL,
    'officer_104 (a third township) cannot verify it');
SELECT is((SELECT count(*)::int FROM eduaid.review_queue(p_kind => 'pairing')), 0,
    '... and has no agreement in his queue');
SET SESSION AUTHORIZATION t_inspector;
SELECT throws_ok(format($$SELECT eduaid.verify('pairing', %s)$$, :p1), '42501', NULL,
    't_inspector takes no step: not verify');
SELECT throws_ok(format($$SELECT eduaid.approve('pairing', %s)$$, :p1), '42501', NULL,
    '... nor approve');
SELECT throws_ok(format($$SELECT eduaid.reject('pairing', %s, '不行')$$, :p1), '42501', NULL,
    '... nor return');

-- ==== returned with a reason, and again ======================================
SET SESSION AUTHORIZATION officer_101;
SELECT results_eq(
    $$SELECT kind, id, status, township_id, summary, submitted_by FROM eduaid.review_queue(p_kind => 'pairing')$$,
    format($$VALUES ('pairing'::text, %s::bigint, 'submitted'::text, 420325101,
                     '城关二小—军店镇大学区 2025-09-01'::text, 'demo_clerk'::text)$$, :p1),
    'officer_101 (军店镇, the home township) finds it in his queue, summed up by pair and date');
SELECT is((SELECT waiting FROM eduaid.queue_counts() WHERE kind = 'pairing'), 1::bigint,
    '... and in his counts');
SELECT throws_ok(format($$SELECT eduaid.reject('pairing', %s, '  ')$$, :p1), 'EA003', NULL,
    'returning it needs a reason');
SELECT is(eduaid.reject('pairing', :p1, '目标须定量。'), 4, 'officer_101 returns it with a reason');
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT kind, id, reason, rejected_by FROM eduaid.returned_to_me() WHERE kind = 'pairing'$$,
    format($$VALUES ('pairing'::text, %s::bigint, '目标须定量。'::text, 'officer_101'::text)$$, :p1),
    'demo_clerk finds it returned to him, with the reason');
SELECT is(fx_rowcount(format($$UPDATE eduaid.pair_agreement SET goals = '三年内进入全县中游；每学期送教两次。'
                               WHERE id = %s$$, :p1)), 1,
    '... corrects it');
SELECT is(eduaid.submit('pairing', :p1), 6, '... and submits it again');

-- ==== four-eyes ==============================================================
SET SESSION AUTHORIZATION officer_101;
SELECT lives_ok(
    format($$INSERT INTO eduaid.pair_agreement (township_id, pair_id, signed_on, helping_signatory,
                                                helped_signatory, goals)
             VALUES (420325101, %s, '2025-09-05', '李校长', '张校长', '共建课堂。')$$, :p2),
    'officer_101 drafts the agreement of his second pair');
SELECT lives_ok(format($$SELECT eduaid.delete_draft('pairing', %s, 1)$$, :p2),
    '... deletes the draft');
SELECT is(fx_finds(format('SELECT FROM eduaid.pair_agreement WHERE pair_id = %s', :p2)), false,
    '... and it is gone');
INSERT INTO eduaid.pair_agreement (township_id, pair_id, signed_on, helping_signatory,
                                   helped_signatory, goals)
VALUES (420325101, :p2, '2025-09-05', '李校长', '张校长', '共建课堂，每学期两次示范课。');
SELECT is(eduaid.submit('pairing', :p2), 2, '... writes it again, with its pair''s id, and submits it');
SELECT throws_ok(format($$SELECT eduaid.verify('pairing', %s)$$, :p2), 'EA002', NULL,
    'the officer who submitted an agreement does not verify it (four-eyes)');
SELECT is((SELECT count(*)::int FROM eduaid.review_queue(p_kind => 'pairing') WHERE id = :p2), 0,
    '... nor does it wait in his queue');
SELECT is(eduaid.verify('pairing', :p1, 6), 7, 'officer_101 verifies demo_clerk''s agreement');
SELECT throws_ok(format($$SELECT eduaid.approve('pairing', %s)$$, :p1), 'EA004', NULL,
    'an officer does not approve');

SELECT throws_ok(format($$SELECT eduaid.pair_end_request(%s, '2026-06-30', '合并学校')$$, :p1),
    'EA209', NULL, 'the pair cannot end early while its agreement is only verified');
SET SESSION AUTHORIZATION demo_supervisor;
-- (the demo's own verified agreement waits there too: counted apart)
SELECT results_eq(
    format($$SELECT kind, id, status FROM eduaid.review_queue(p_kind => 'pairing') WHERE id = %s$$, :p1),
    format($$VALUES ('pairing'::text, %s::bigint, 'verified'::text)$$, :p1),
    'demo_supervisor finds the verified agreement in his queue');
SELECT results_eq(
    format($$SELECT kind, id FROM eduaid.review_queue(p_limit => 1000) WHERE kind = 'pairing' AND id = %s$$, :p1),
    format($$VALUES ('pairing'::text, %s::bigint)$$, :p1),
    '... among all kinds, read through the county one township at a time');
SELECT is((SELECT waiting FROM eduaid.queue_counts() WHERE kind = 'pairing'),
          (SELECT count(*) FROM eduaid.pair_agreement WHERE status = 'verified'),
    '... and in his counts, with every other verified agreement');
SELECT is(eduaid.reject('pairing', :p1, '请附目标任务书。'), 8, 'demo_supervisor returns it with a reason');
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(eduaid.submit('pairing', :p1), 9, 'demo_clerk submits it again');
SET SESSION AUTHORIZATION officer_101;
SELECT is(eduaid.verify('pairing', :p1), 10, 'officer_101 verifies it');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT is(eduaid.approve('pairing', :p1, 10), 11, 'demo_supervisor2 approves it');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    format($$SELECT status, submitted_by, verified_by, approved_by, editors
               FROM eduaid.pair_agreement WHERE id = %s$$, :p1),
    $$VALUES ('approved'::text, 'demo_clerk'::text, 'officer_101'::text, 'demo_supervisor2'::text,
              '{demo_clerk}'::text[])$$,
    'the approved agreement says who submitted, verified and approved it');

-- ==== approved: read-only, audited, and the pair may end early ===============
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok(format($$UPDATE eduaid.pair_agreement SET goals = '改' WHERE id = %s$$, :p1),
    'EA006', NULL, 'the approved agreement is read-only');
SET SESSION AUTHORIZATION officer_101;
SELECT throws_ok(format($$SELECT eduaid.delete_draft('pairing', %s, 11)$$, :p1), 'EA006', NULL,
    '... and not deleted');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    format($$SELECT action, actor, reason FROM eduaid.audit_log
              WHERE kind = 'pairing' AND table_name = 'pair_agreement' AND record_id = %s
              ORDER BY id$$, :p1),
    $$VALUES ('insert'::text, 'demo_clerk'::text, NULL::text), ('update', 'demo_clerk', NULL),
             ('submit', 'demo_clerk', NULL), ('reject', 'officer_101', '目标须定量。'),
             ('update', 'demo_clerk', NULL), ('submit', 'demo_clerk', NULL),
             ('verify', 'officer_101', NULL), ('reject', 'demo_supervisor', '请附目标任务书。'),
             ('submit', 'demo_clerk', NULL), ('verify', 'officer_101', NULL),
             ('approve', 'demo_supervisor2', NULL)$$,
    'every step is in the audit log, filed under the pair, with who and the reasons');
SET SESSION AUTHORIZATION officer_101;
SELECT is(
    (SELECT count(*)::int FROM eduaid.record_history('pairing', :p1)
      WHERE table_name = 'pair_agreement' AND action IN ('submit', 'verify', 'approve', 'reject')),
    8, 'officer_101 reads the agreement''s history');
SELECT is(eduaid.last_approved('pairing', :p1) ->> 'approved_by', 'demo_supervisor2',
    '... and the agreement as it was approved');
SELECT ok(eduaid.pair_end_request(:p1, '2026-06-30', '受援学校并入九年一贯制学校') > 1,
    'once its agreement is approved, the home township may ask to end the pair early');

-- ==== reopened; a draft deleted ==============================================
SET SESSION AUTHORIZATION officer_101;
SELECT throws_ok(format($$SELECT eduaid.reopen('pairing', %s, '')$$, :p1), 'EA003', NULL,
    'reopening the approved agreement needs a reason');
SELECT is(eduaid.reopen('pairing', :p1, '补签目标任务书'), 12, '... given one, it is a draft again');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok(format($$SELECT eduaid.delete_draft('pairing', %s, 12)$$, :p1), 'EA006', NULL,
    'a draft that was approved once is not deleted');

SELECT * FROM finish();
ROLLBACK;
