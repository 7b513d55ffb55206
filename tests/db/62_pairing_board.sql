-- tests/db/62_pairing_board.sql: the compliance board (帮扶达标看板) and the
-- annual scoring sheet of school pairing (issue 15, part H3;
-- sql/repeatable/36_pairing_board.sql, eduaid.pair_annual_sheet() of
-- 36_pairing.sql), as the people who read them.
--
-- Fixtures (cycles from 2032, years no demo pair reaches, so the demo data
-- never changes a count here), made by the people who write them:
--   甲 A  城关二小 helps 军店镇中心小学 (home 军店镇), from 2032-09-01: does
--         everything (activities 2032-10-15 and 2033-03-20, every monthly
--         report 2032-09..2033-04, summaries of 2032 Q4 and 2033 Q1, a
--         notice answered in time and one answered late: deadline
--         2033-03-20, answered 2033-04-15).
--   乙 B  化龙堰镇初级中学 helps 土城镇中心小学 (home 土城镇), from
--         2032-09-01: one activity (2032-09-20), reports of 2032-09, 10
--         and 2033-02 only, no summary but 2033 Q2's, two notices never
--         answered (deadlines 2033-02-10 and 2033-03-31).
--   丙 C  城关二小 helps 军店镇初级中学 (home 军店镇), from 2033-03-01:
--         nothing yet.
--   丁 D  化龙堰镇初级中学 helps 化龙堰镇中心小学 (home 化龙堰镇), from
--         2032-09-01: nothing (it is here for the sheet).
-- Who sees what: demo_officer (城关镇) A and C (his school helps);
-- officer_103 (土城镇) B; officer_104 (大木厂镇) none; supervisors, the
-- auditor and the inspector all four.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(34);

SELECT eduaid.create_user('t_inspector', '周督查', 'inspector', 420325);
SELECT (SELECT id FROM eduaid.school WHERE name = '城关镇第二小学') AS cg2,
       (SELECT id FROM eduaid.school WHERE name = '化龙堰镇初级中学') AS hly,
       (SELECT id FROM eduaid.school WHERE name = '化龙堰镇中心小学') AS hlyx,
       (SELECT id FROM eduaid.school WHERE name = '军店镇中心小学') AS jd,
       (SELECT id FROM eduaid.school WHERE name = '军店镇初级中学') AS jd2,
       (SELECT id FROM eduaid.school WHERE name = '土城镇中心小学') AS tc \gset

-- ==== the pairs ==============================================================
SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO eduaid.pair (township_id, helping_township_id, helping_school_id, title, form,
                         help_kind, cycle_start, helping_lead, helped_lead)
VALUES (420325101, 420325100, :cg2, '甲 城关二小—军店中心小学', 'one_to_one', 'town_village',
        '2032-09-01', '刘校长', '陈校长'),
       (420325101, 420325100, :cg2, '丙 城关二小—军店初中', 'one_to_one', 'town_village',
        '2033-03-01', '刘校长', '王校长');
SELECT fx_set('a', (SELECT id FROM eduaid.pair WHERE title ~ '^甲')) AS a,
       fx_set('c', (SELECT id FROM eduaid.pair WHERE title ~ '^丙')) AS c \gset
INSERT INTO eduaid.pair_member (township_id, pair_id, school_id)
VALUES (420325101, :a, :jd), (420325101, :c, :jd2);
SET SESSION AUTHORIZATION demo_clerk2;
INSERT INTO eduaid.pair (township_id, helping_township_id, helping_school_id, title, form,
                         help_kind, cycle_start, helping_lead, helped_lead)
VALUES (420325103, 420325102, :hly, '乙 化龙堰初中—土城中心小学', 'one_to_one', 'town_village',
        '2032-09-01', '孙校长', '赵校长');
SELECT fx_set('b', (SELECT id FROM eduaid.pair WHERE title ~ '^乙')) AS b \gset
INSERT INTO eduaid.pair_member (township_id, pair_id, school_id) VALUES (420325103, :b, :tc);
SET SESSION AUTHORIZATION officer_102;
INSERT INTO eduaid.pair (township_id, helping_township_id, helping_school_id, title, form,
                         help_kind, cycle_start, helping_lead, helped_lead)
VALUES (420325102, 420325102, :hly, '丁 化龙堰初中—化龙堰中心小学', 'one_to_one', 'town_village',
        '2032-09-01', '孙校长', '钱校长');
SELECT fx_set('d', (SELECT id FROM eduaid.pair WHERE title ~ '^丁')) AS d \gset
INSERT INTO eduaid.pair_member (township_id, pair_id, school_id) VALUES (420325102, :d, :hlyx);

-- ==== what they did ==========================================================
SET SESSION AUTHORIZATION officer_101;
INSERT INTO eduaid.pair_activity (township_id, pair_id, kind, held_on, place, people, content)
VALUES (420325101, :a, 'teaching_visit', '2032-10-15', '军店镇中心小学', '刘校长等五人', '送教下乡。'),
       (420325101, :a, 'demo_lesson', '2033-03-20', '城关镇第二小学', '陈校长等三人', '示范课。');
INSERT INTO eduaid.pair_monthly_report (township_id, pair_id, month, content)
SELECT 420325101, :a, m::date, '按计划完成。'
  FROM generate_series('2032-09-01'::date, '2033-04-01', interval '1 month') AS m;
INSERT INTO eduaid.pair_quarterly (township_id, pair_id, year, quarter, kind, held_on, content)
VALUES (420325101, :a, 2032, 4, 'summary', '2033-01-08', '第四季度总结。'),
       (420325101, :a, 2033, 1, 'summary', '2033-04-06', '第一季度总结。'),
       (420325101, :a, 2033, 2, 'liaison', '2033-05-02', '联系会议（不是总结）。');
SET SESSION AUTHORIZATION demo_clerk2;
INSERT INTO eduaid.pair_activity (township_id, pair_id, kind, held_on, place, people, content)
VALUES (420325103, :b, 'shadowing', '2032-09-20', '化龙堰镇初级中学', '两名教师', '跟岗学习。');
INSERT INTO eduaid.pair_monthly_report (township_id, pair_id, month, content)
VALUES (420325103, :b, '2032-09-01', '九月。'), (420325103, :b, '2032-10-01', '十月。'),
       (420325103, :b, '2033-02-01', '二月。');
INSERT INTO eduaid.pair_quarterly (township_id, pair_id, year, quarter, kind, held_on, content)
VALUES (420325103, :b, 2033, 2, 'summary', '2033-05-03', '第二季度总结（提前）。');

SET SESSION AUTHORIZATION t_inspector;
INSERT INTO eduaid.pair_inspection (township_id, pair_id, inspected_on, inspectors, findings, verdict)
VALUES (420325101, :a, '2033-01-08', '周督查', '档案不全。', 'ok'),
       (420325103, :b, '2033-01-08', '周督查', '活动不足。', 'lagging');
INSERT INTO eduaid.pair_rectification (township_id, pair_id, inspection_id, issued_on, deadline, demands)
SELECT i.township_id, i.pair_id, i.id, v.issued, v.deadline, v.demands
  FROM eduaid.pair_inspection i
  JOIN (VALUES (:a, '2033-01-10'::date, '2033-02-10'::date, '补齐档案。'),
               (:a, '2033-03-01', '2033-03-20', '补交计划。'),
               (:b, '2033-01-10', '2033-02-10', '补足活动。'),
               (:b, '2033-03-01', '2033-03-31', '补交月报。'))
       AS v (pair, issued, deadline, demands) ON v.pair = i.pair_id;
SET SESSION AUTHORIZATION officer_101;
INSERT INTO eduaid.pair_rectification_response (township_id, pair_id, rectification_id,
                                                 responded_on, response)
SELECT n.township_id, n.pair_id, n.id, v.responded, '已整改。'
  FROM eduaid.pair_rectification n
  JOIN (VALUES ('2033-02-10'::date, '2033-02-08'::date), ('2033-03-20', '2033-04-15'))
       AS v (deadline, responded) ON v.deadline = n.deadline
 WHERE n.pair_id = :a;

RESET SESSION AUTHORIZATION;
-- The board's row of pair P on day D as the current user, in few columns.
CREATE FUNCTION public.pb(p bigint, d date) RETURNS text
LANGUAGE sql AS $$
    SELECT format('act %s/%s rep %s %s/%s miss %s sum %s-%s %s cur %s rect %s %s behind %s %s',
                  c.activities, c.no_activity, c.report_month, c.reports_missing, c.reports_due,
                  c.report_missing, c.summary_year, c.summary_quarter, c.summary_missing,
                  c.summary_current, c.rect_overdue, c.rect_earliest, c.behind, c.reasons)
      FROM eduaid.pair_compliance(d) c WHERE c.pair_id = p
$$;
-- The fixtures' titles on the board of day D as the current user.
CREATE FUNCTION public.pb_titles(d date) RETURNS text
LANGUAGE sql AS $$
    SELECT coalesce(string_agg(left(c.title, 1), ',' ORDER BY c.title), '')
      FROM eduaid.pair_compliance(d) c
     WHERE c.pair_id IN (fx('a'), fx('b'), fx('c'), fx('d'))
$$;
GRANT EXECUTE ON FUNCTION public.pb(bigint, date), public.pb_titles(date) TO PUBLIC;

-- ==== the board, as a supervisor =============================================
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(pb_titles('2033-02-28'), '丁,乙,甲',
    '28 Feb 2033: the pairs active that day (丙 begins on 1 March)');
SELECT is(pb_titles('2033-03-01'), '丁,丙,乙,甲', '1 March: 丙 is on the board from its first day');
SELECT is(pb_titles('2035-09-01'), '丙', 'a cycle ends after three years: 甲, 乙 and 丁 are gone on 1 Sept 2035');

-- 28 Feb 2033: last day of the autumn semester; January's report was due
-- on 5 Feb; the last completed quarter is 2032 Q4.
SELECT is(pb(:a, '2033-02-28'),
    'act 1/f rep 2033-01-01 0/5 miss f sum 2032-4 f cur t rect 0  behind f {}',
    '甲 on 28 Feb: nothing behind (its notice was answered before the deadline)');
SELECT is(pb(:b, '2033-02-28'),
    'act 1/f rep 2033-01-01 3/5 miss t sum 2032-4 t cur f rect 1 2033-02-10 behind t {report,summary,rectification}',
    '乙 on 28 Feb: January''s report missing (and Nov, Dec), no Q4 summary, a notice past its deadline');
-- 5 March: a new semester, nothing in it yet; February's report is due
-- that day, so the month looked at is still January.
SELECT is(pb(:a, '2033-03-05'),
    'act 0/t rep 2033-01-01 0/5 miss f sum 2032-4 f cur t rect 0  behind t {activity}',
    '甲 on 5 March: no activity yet in the spring semester, the rest in order');
SELECT is(pb(:b, '2033-03-05'),
    'act 0/t rep 2033-01-01 3/5 miss t sum 2032-4 t cur f rect 1 2033-02-10 behind t {activity,report,summary,rectification}',
    '乙 on 5 March: behind on all four; the notice of deadline 31 March is not overdue');
SELECT is(pb(:c, '2033-03-05'),
    'act 0/t rep  0/0 miss f sum - f cur f rect 0  behind t {activity}',
    '丙 on 5 March: no month nor quarter of its cycle is due yet, only the activity');
-- 6 March: February's due day has passed.
SELECT is(pb(:a, '2033-03-06'),
    'act 0/t rep 2033-02-01 0/6 miss f sum 2032-4 f cur t rect 0  behind t {activity}',
    '甲 on 6 March: the month looked at is February');
SELECT is(pb(:b, '2033-03-06'),
    'act 0/t rep 2033-02-01 3/6 miss f sum 2032-4 t cur f rect 1 2033-02-10 behind t {activity,summary,rectification}',
    '乙 on 6 March: February was reported, three months still missing since the cycle began');
-- a deadline day is still in time
SELECT is(pb(:b, '2033-02-10'),
    'act 1/f rep 2033-01-01 3/5 miss t sum 2032-4 t cur f rect 0  behind t {report,summary}',
    '乙 on 10 Feb: the notice''s deadline is that day: not overdue yet');
SELECT is(pb(:b, '2033-02-11'),
    'act 1/f rep 2033-01-01 3/5 miss t sum 2032-4 t cur f rect 1 2033-02-10 behind t {report,summary,rectification}',
    '乙 on 11 Feb: overdue');
-- 1 April: 甲's second notice (deadline 20 March) was answered on 15 April
SELECT is(pb(:a, '2033-04-01'),
    'act 1/f rep 2033-02-01 0/6 miss f sum 2033-1 f cur f rect 1 2033-03-20 behind t {rectification}',
    '甲 on 1 April: a notice answered later is overdue until the answer (Q1''s summary counts, though entered on 6 April)');
-- 10 May: Q2 current, Q1 the last completed; April's report was due 5 May
SELECT is(pb(:a, '2033-05-10'),
    'act 1/f rep 2033-04-01 0/8 miss f sum 2033-1 f cur f rect 0  behind f {}',
    '甲 on 10 May: all done (a liaison meeting is not a summary: Q2 has none yet)');
SELECT is(pb(:b, '2033-05-10'),
    'act 0/t rep 2033-04-01 5/8 miss t sum 2033-1 t cur t rect 2 2033-02-10 behind t {activity,report,summary,rectification}',
    '乙 on 10 May: Q2''s summary is in (early) but Q1''s is not; two notices overdue');
SELECT is(pb(:c, '2033-05-10'),
    'act 0/t rep 2033-04-01 2/2 miss t sum - f cur f rect 0  behind t {activity,report}',
    '丙 on 10 May: March and April missing; Q1 began before its cycle, not asked for');
SELECT is(pb(:a, '2032-09-05'),
    'act 0/t rep  0/0 miss f sum - f cur f rect 0  behind t {activity}',
    '甲 on its fifth day: only "no activity yet"');
SELECT is((SELECT townships || ' ' || helping_school || ' ' || township_ids::text
             FROM eduaid.pair_compliance('2033-03-05') WHERE pair_id = :b),
    '土城镇 化龙堰镇初级中学 {420325102,420325103}',
    'a row names the helped township, the helping school and every side''s township');

-- ==== the board, as each role ================================================
SET SESSION AUTHORIZATION demo_officer;
SELECT is(pb_titles('2033-05-10'), '丙,甲', 'demo_officer (城关镇) sees the pairs his school helps');
SELECT is(pb(:a, '2033-05-10'),
    'act 1/f rep 2033-04-01 0/8 miss f sum 2033-1 f cur f rect 0  behind f {}',
    '... with the same flags as the county (he reads the rows filed in 军店镇 for them)');
SET SESSION AUTHORIZATION officer_103;
SELECT is(pb_titles('2033-05-10'), '乙', 'officer_103 (土城镇) sees his helped school''s pair');
SELECT is(pb(:b, '2033-05-10'),
    'act 0/t rep 2033-04-01 5/8 miss t sum 2033-1 t cur t rect 2 2033-02-10 behind t {activity,report,summary,rectification}',
    '... and why it is behind');
SET SESSION AUTHORIZATION officer_104;
SELECT is(pb_titles('2033-05-10'), '', 'officer_104 (大木厂镇: no side) sees none of them');
SELECT is(pb(:b, '2033-05-10'), NULL, '... not even when he names one');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is(pb_titles('2033-05-10'), '乙', 'demo_clerk2 (土城镇) sees 乙');
SET SESSION AUTHORIZATION demo_auditor;
SELECT is(pb_titles('2033-05-10'), '丁,丙,乙,甲', 'the auditor sees the county''s');
SET SESSION AUTHORIZATION t_inspector;
SELECT is(pb_titles('2033-05-10'), '丁,丙,乙,甲', 'the inspector sees the county''s');
RESET SESSION AUTHORIZATION;
SELECT is_empty(
    $$SELECT g.rolname FROM pg_roles g
       WHERE g.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                           'eduaid_auditor', 'eduaid_inspector')
         AND NOT has_function_privilege(g.oid, 'eduaid.pair_compliance(date)', 'EXECUTE')
      UNION ALL
      SELECT 'PUBLIC or admin' WHERE has_function_privilege('eduaid_admin',
                                       'eduaid.pair_compliance(date)', 'EXECUTE')$$,
    'the pairing roles run the board; the admin (and PUBLIC) do not');
SELECT is((SELECT prosecdef FROM pg_proc WHERE oid = 'eduaid.pair_compliance(date)'::regprocedure),
    false, 'the board runs with the caller''s rights (row-level security decides)');

-- ==== the annual sheet =======================================================
SET SESSION AUTHORIZATION demo_supervisor;
INSERT INTO eduaid.pair_criterion (year, use, name, max_score)
VALUES (2033, 'annual', '活动开展', 60), (2033, 'annual', '帮扶成效', 40);
INSERT INTO eduaid.pair_evaluation (township_id, pair_id, kind, year, evaluated_on, report)
VALUES (420325101, :a, 'annual', 2033, '2033-12-20', '年度评价。'),
       (420325103, :b, 'annual', 2033, '2033-12-20', '年度评价。'),
       (420325101, :c, 'annual', 2033, '2033-12-20', '年度评价。'),
       (420325102, :d, 'annual', 2033, '2033-12-20', '年度评价。');
INSERT INTO eduaid.pair_evaluation_score (township_id, pair_id, evaluation_id, criterion_id, score)
SELECT e.township_id, e.pair_id, e.id, c.id,
       CASE WHEN c.name = '活动开展' THEN v.s1 ELSE v.s2 END
  FROM eduaid.pair_evaluation e
  JOIN (VALUES (:a, 50.0, 30.0), (:b, 45.5, 34.5), (:c, 60, 40), (:d, 55, 10))
       AS v (pair, s1, s2) ON v.pair = e.pair_id
  JOIN eduaid.pair_criterion c ON c.year = 2033 AND c.use = 'annual'
 WHERE e.kind = 'annual' AND e.year = 2033;
SELECT throws_ok(
    format($$UPDATE eduaid.pair_evaluation_score SET score = 40.5
              WHERE pair_id = %s AND criterion_id = (SELECT id FROM eduaid.pair_criterion
                                                      WHERE year = 2033 AND name = '帮扶成效')$$, :a),
    '23514', NULL, 'a score above the criterion''s maximum (40) is refused');
SELECT throws_ok(
    format('SELECT eduaid.pair_evaluation_approve(id) FROM eduaid.pair_evaluation WHERE pair_id = %s', :a),
    'EA206', NULL, 'demo_supervisor cannot approve what he entered (four eyes)');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT eduaid.pair_evaluation_approve(id) FROM eduaid.pair_evaluation
 WHERE year = 2033 AND kind = 'annual' AND pair_id IN (:a, :b, :d);
SELECT results_eq(
    format($$SELECT left(title, 1), total, max_total, rank FROM eduaid.pair_annual_sheet(2033)
              WHERE pair_id IN (%s, %s, %s, %s)$$, :a, :b, :c, :d),
    $$VALUES ('乙', 80.0::numeric, 100.0::numeric, 1), ('甲', 80.0, 100.0, 1), ('丁', 65.0, 100.0, 3),
             ('丙', NULL, 100.0, NULL)$$,
    '2033: 甲 and 乙 tie at 80 (both first), 丁 third at 65; 丙''s evaluation (100) is not approved: unranked');
SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq(
    format($$SELECT left(title, 1), total, rank FROM eduaid.pair_annual_sheet(2033)
              WHERE pair_id IN (%s, %s, %s, %s)$$, :a, :b, :c, :d),
    $$VALUES ('甲', 80.0::numeric, 1), ('丙', NULL, NULL)$$,
    'demo_officer reads his pairs'' lines of the sheet (ranks are among the pairs he reads)');
SELECT throws_ok(
    format($$UPDATE eduaid.pair_evaluation_score SET score = 1 WHERE pair_id = %s$$, :c),
    '42501', NULL, '... and changes no score');

SELECT * FROM finish();
ROLLBACK;
