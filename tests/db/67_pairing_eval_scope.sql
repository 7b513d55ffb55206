-- tests/db/67_pairing_eval_scope.sql: an evaluation of a pair (评价报告,
-- the annual 考核) and its scores are the county's until a second
-- supervisor approves them (issue 15 H7; 38_policies.sql, the pairing
-- block; docs/design/pairing.md). Supervisors and the auditor read every
-- evaluation; clerks, officers (of every side of the pair) and the
-- inspector read an evaluation and its scores only once approved: never
-- the running scores, neither in the tables, nor in the audit trail, nor
-- through the annual sheet. Attacked as the hostile login: keys, the
-- approval function, EXPLAIN ANALYZE.
--
-- People (the demo's, as in tests/db/60_pairing.sql): demo_clerk (clerk
-- of 城关镇 420325100 and 军店镇 420325101), demo_officer (城关镇: the
-- helping side), officer_101 (军店镇: the home township), officer_104
-- (大木厂镇: no side), demo_supervisor and demo_supervisor2, demo_auditor,
-- and t_inspector, made here by the superuser as the DBA would.
--
-- The story: P1 (城关二小—军店镇) has its 2026 annual evaluation E1,
-- scored 18 of 20 and approved, and a quarterly evaluation E2 for 2026 Q1,
-- scored 7 of 10 and not approved yet; P2 (军店镇 too) has none.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(37);

CREATE FUNCTION public.pr_explain(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    out  text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
        out := out || regexp_replace(line, '[0-9]+', '?', 'g') || E'\n';
    END LOOP;
    RETURN out;
END
$$;

-- ==== the policies ===========================================================
SELECT results_eq(
    $$SELECT tablename::text COLLATE "default", policyname::text COLLATE "default",
             (SELECT array_agg(r::text COLLATE "default" ORDER BY r::text COLLATE "default")
                FROM unnest(roles) r)
        FROM pg_policies
       WHERE schemaname = 'eduaid' AND tablename IN ('pair_evaluation', 'pair_evaluation_score')
         AND cmd = 'SELECT'
       ORDER BY 1, 2$$,
    $$VALUES ('pair_evaluation', 'pair_evaluation_read', '{eduaid_auditor,eduaid_supervisor}'::text[]),
             ('pair_evaluation', 'pair_evaluation_read_approved',
              '{eduaid_clerk,eduaid_inspector,eduaid_officer}'),
             ('pair_evaluation_score', 'pair_evaluation_score_read', '{eduaid_auditor,eduaid_supervisor}'),
             ('pair_evaluation_score', 'pair_evaluation_score_read_approved',
              '{eduaid_clerk,eduaid_inspector,eduaid_officer}')$$,
    'evaluations: supervisors and the auditor read all; clerks, officers and the inspector the approved');
-- No key of an evaluation can be probed by a login that does not read it:
-- only supervisors (who read every one) insert or update evaluations and
-- scores, so pair_evaluation_period_key and the scores' key answer no
-- clerk, officer, inspector or auditor.
SELECT is_empty(
    $$SELECT t, r, p FROM unnest('{pair_evaluation,pair_evaluation_score}'::text[]) t
        CROSS JOIN unnest('{eduaid_clerk,eduaid_officer,eduaid_inspector,eduaid_auditor}'::text[]) r
        CROSS JOIN unnest('{INSERT,UPDATE,DELETE}'::text[]) p
       WHERE has_table_privilege(r, 'eduaid.' || t, p)$$,
    'no clerk, officer, inspector or auditor may insert, update or delete an evaluation or a score');
SELECT is_empty(
    $$SELECT r FROM unnest('{eduaid_clerk,eduaid_officer,eduaid_inspector,eduaid_auditor}'::text[]) r
       WHERE has_function_privilege(r, 'eduaid.pair_evaluation_approve(bigint)', 'EXECUTE')$$,
    '... nor run the approval');

-- ==== the pairs and the evaluations ==========================================
SELECT eduaid.create_user('t_inspector', '周督查', 'inspector', 420325);
SELECT (SELECT id FROM eduaid.school WHERE name = '城关镇第二小学') AS helper,
       (SELECT id FROM eduaid.school WHERE name = '房县第一中学') AS helper2 \gset
SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO eduaid.pair (township_id, helping_township_id, helping_school_id, title, form,
                         help_kind, cycle_start, helping_lead, helped_lead)
VALUES (420325101, 420325100, :helper, '城关二小—军店镇', 'one_to_one', 'town_village',
        '2025-09-01', '刘校长', '陈校长'),
       (420325101, 420325100, :helper2, '一中—军店镇', 'one_to_one', 'town_village',
        '2025-09-01', '吴校长', '王校长');
SELECT fx_set('p1', (SELECT id FROM eduaid.pair WHERE title = '城关二小—军店镇')) AS p1,
       fx_set('p2', (SELECT id FROM eduaid.pair WHERE title = '一中—军店镇')) AS p2 \gset

SET SESSION AUTHORIZATION demo_supervisor;
INSERT INTO eduaid.pair_criterion (year, use, name, max_score)
VALUES (2026, 'annual', '帮扶成效', 20), (2026, 'quarterly', '活动开展', 10);
INSERT INTO eduaid.pair_evaluation (township_id, pair_id, kind, year, quarter, evaluated_on, report)
VALUES (420325101, :p1, 'annual', 2026, NULL, '2026-12-20', '年度考核：基本完成。'),
       (420325101, :p1, 'quarterly', 2026, 1, '2026-04-02', '一季度评价：活动偏少。');
SELECT fx_set('e1', (SELECT id FROM eduaid.pair_evaluation WHERE pair_id = :p1 AND kind = 'annual')) AS e1,
       fx_set('e2', (SELECT id FROM eduaid.pair_evaluation WHERE pair_id = :p1 AND kind = 'quarterly')) AS e2
\gset
INSERT INTO eduaid.pair_evaluation_score (township_id, pair_id, evaluation_id, criterion_id, score)
SELECT 420325101, :p1, e.id, c.id, CASE c.use WHEN 'annual' THEN 18 ELSE 7 END
  FROM eduaid.pair_evaluation e
  JOIN eduaid.pair_criterion c ON c.year = 2026 AND c.use = e.kind
                               AND c.name IN ('帮扶成效', '活动开展')
 WHERE e.pair_id = :p1;
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT ok(eduaid.pair_evaluation_approve(:e1) > 1, 'demo_supervisor2 approves E1; E2 stays unapproved');

-- ==== who reads what =========================================================
-- The county: all of it.
SELECT is((SELECT count(*)::int FROM eduaid.pair_evaluation WHERE pair_id = :p1), 2,
    'demo_supervisor2 reads both evaluations of P1');
SELECT is((SELECT sum(score) FROM eduaid.pair_evaluation_score WHERE evaluation_id = :e2), 7.0,
    '... and E2''s running score');
SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.pair_evaluation WHERE pair_id = :p1), 2,
    'the auditor reads both (he checks the process, approved or not)');
SELECT is((SELECT sum(score) FROM eduaid.pair_evaluation_score WHERE evaluation_id = :e2), 7.0,
    '... and E2''s running score');

-- Every side of the pair, and the inspector: the approved only.
SET SESSION AUTHORIZATION demo_clerk;
SELECT is((SELECT array_agg(id) FROM eduaid.pair_evaluation WHERE pair_id = :p1), ARRAY[:e1]::bigint[],
    'demo_clerk (home township) reads the approved E1, not E2');
SELECT is((SELECT sum(score) FROM eduaid.pair_evaluation_score WHERE pair_id = :p1), 18.0,
    '... and E1''s score only');
SELECT is((SELECT count(*)::int FROM eduaid.pair_evaluation_score WHERE evaluation_id = :e2), 0,
    '... none of E2''s, even named');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE table_name IN ('pair_evaluation', 'pair_evaluation_score')), 0,
    '... nor its entries in the audit trail (they carry the running scores)');
SELECT is((SELECT count(*)::int FROM eduaid.record_history('pairing', :p1)
            WHERE table_name IN ('pair_evaluation', 'pair_evaluation_score')), 0,
    '... nor through the pair''s history');
SELECT isnt((SELECT count(*)::int FROM eduaid.record_history('pairing', :p1)), 0,
    '... which still shows the pair''s own entries');
SELECT results_eq(
    format('SELECT evaluation_id, total, rank FROM eduaid.pair_annual_sheet(2026) WHERE pair_id = %s', :p1),
    format('VALUES (%s::bigint, 18.0::numeric, 1)', :e1),
    '... the annual sheet gives him P1''s approved total and rank');
SELECT throws_ok(
    format($$INSERT INTO eduaid.pair_evaluation (township_id, pair_id, kind, year, quarter, evaluated_on,
                                                 report)
             VALUES (420325101, %s, 'quarterly', 2026, 1, '2026-04-03', '探')$$, :p1),
    '42501', NULL,
    '... cannot insert an evaluation at all: E2''s period key (pair_evaluation_period_key) answers him nothing');
SELECT throws_ok(
    format($$INSERT INTO eduaid.pair_evaluation_score (township_id, pair_id, evaluation_id, criterion_id,
                                                       score)
             SELECT 420325101, %s, %s, id, 1 FROM eduaid.pair_criterion
              WHERE year = 2026 AND name = '活动开展'$$,
           :p1, :e2),
    '42501', NULL, '... nor a score of E2 (the scores'' key, the foreign key to E2)');

SET SESSION AUTHORIZATION officer_101;
SELECT is((SELECT array_agg(id) FROM eduaid.pair_evaluation WHERE pair_id = :p1), ARRAY[:e1]::bigint[],
    'officer_101 (军店镇, home township) reads E1, not E2');
SELECT is((SELECT count(*)::int FROM eduaid.pair_evaluation_score WHERE evaluation_id = :e2), 0,
    '... nor E2''s scores');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE table_name IN ('pair_evaluation', 'pair_evaluation_score')), 0,
    '... nor their audit entries');
SELECT throws_ok(format('SELECT eduaid.pair_evaluation_approve(%s)', :e2), '42501', NULL,
    '... and cannot approve E2 (fed its id: no EXECUTE, before any lookup)');
SELECT throws_ok(format('SELECT eduaid.pair_evaluation_approve(%s)', -1), '42501', NULL,
    '... as for an id that does not exist');
SELECT throws_ok(format($$UPDATE eduaid.pair_evaluation SET report = '改' WHERE id = %s$$, :e2),
    '42501', NULL, '... nor change it');
SELECT is((SELECT count(*)::int FROM eduaid.pair_evaluation
            WHERE pair_id = :p1 AND kind = 'quarterly' AND year = 2026 AND quarter = 1), 0,
    '... and finds no Q1 evaluation when he asks for its period');

SET SESSION AUTHORIZATION demo_officer;
SELECT is((SELECT array_agg(id) FROM eduaid.pair_evaluation WHERE pair_id = :p1), ARRAY[:e1]::bigint[],
    'demo_officer (城关镇, the helping side) reads E1, not E2');
SELECT is((SELECT sum(score) FROM eduaid.pair_evaluation_score WHERE pair_id = :p1), 18.0,
    '... and E1''s score only');

SET SESSION AUTHORIZATION t_inspector;
SELECT is((SELECT array_agg(id) FROM eduaid.pair_evaluation WHERE pair_id = :p1), ARRAY[:e1]::bigint[],
    't_inspector (纪检督导) reads the approved E1, not E2 (the 教育扶贫办''s work in progress)');
SELECT is((SELECT sum(score) FROM eduaid.pair_evaluation_score WHERE pair_id = :p1), 18.0,
    '... and E1''s score only');
SELECT results_eq(
    format('SELECT evaluation_id, total FROM eduaid.pair_annual_sheet(2026) WHERE pair_id = %s', :p1),
    format('VALUES (%s::bigint, 18.0::numeric)', :e1),
    '... and the annual sheet''s approved total');

-- A third township: nothing of P1 at all.
SET SESSION AUTHORIZATION officer_104;
SELECT is((SELECT count(*)::int FROM eduaid.pair_evaluation), 0, 'officer_104 (no side) reads no evaluation');
SELECT is((SELECT count(*)::int FROM eduaid.pair_evaluation_score), 0, '... and no score');

-- ==== EXPLAIN ANALYZE ========================================================
-- A township where the caller reads no pair is never read (the policies'
-- township condition is an index condition): officer_104 cannot tell
-- 军店镇, which has evaluations, from 土城镇, which has none.
SET enable_seqscan = off;
SELECT is(pr_explain('SELECT 1 FROM eduaid.pair_evaluation WHERE township_id = 420325101'),
          pr_explain('SELECT 1 FROM eduaid.pair_evaluation WHERE township_id = 420325103'),
    'officer_104: EXPLAIN ANALYZE of evaluations reads alike for 军店镇 (evaluated) and 土城镇 (not)');
SELECT is(pr_explain('SELECT 1 FROM eduaid.pair_evaluation_score WHERE township_id = 420325101'),
          pr_explain('SELECT 1 FROM eduaid.pair_evaluation_score WHERE township_id = 420325103'),
    '... and of scores');
-- Within a pair he reads, a side's officer reads the rows of its
-- evaluations, and the policy's "approved" is a filter (no index has it):
-- EXPLAIN ANALYZE counts a row removed for E2, so officer_101 can tell that
-- P1 has an evaluation in progress and P2 none. Accepted (docs/threat-
-- model.md, "School pairing"; docs/design/pairing.md): what leaks is that
-- the county is evaluating his own pair, which the 教育扶贫办 announces
-- anyway, and how many scores it has entered; never a score, a report or
-- who entered it (asserted above and below). Closing it would take the
-- approval on every score row and an index that leads with it.
SET SESSION AUTHORIZATION officer_101;
SELECT is((SELECT count(*)::int FROM eduaid.pair_evaluation WHERE pair_id = :p1 AND approved_at IS NULL), 0,
    'officer_101: the bound: no column of the evaluation in progress reads');
RESET enable_seqscan;

-- ==== approved, it is everyone's =============================================
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT ok(eduaid.pair_evaluation_approve(:e2) > 1, 'demo_supervisor2 approves E2');
SET SESSION AUTHORIZATION demo_clerk;
SELECT is((SELECT sum(score) FROM eduaid.pair_evaluation_score WHERE evaluation_id = :e2), 7.0,
    'demo_clerk now reads E2''s score');
SET SESSION AUTHORIZATION t_inspector;
SELECT is((SELECT count(*)::int FROM eduaid.pair_evaluation WHERE pair_id = :p1), 2,
    't_inspector now reads both evaluations');

SELECT * FROM finish();
ROLLBACK;
