-- tests/db/19_reviewers.sql: what a reviewer can write, and so learn
-- (sql/019_reviewers.sql; issue 9, items 2, 3, 9 and 10 in part).
--
-- Supervisors hold no write privilege on any table but their own roster
-- staging, and may_edit() is false for them in every state: the birth-date
-- oracle through special_ed_plan's assessment_date CHECK answers 42501
-- whatever the date. A supervisor who imports a household with candidate
-- member ID numbers (one mask, birth dates filled in) gets the same
-- reconciliation for every candidate. Four-eyes for objections: a
-- supervisor who approved a record cannot rule on an objection to it. A
-- clerk probing another person's import gets the same EA006 whether the
-- line exists or not, and EXPLAIN ANALYZE on roster_rows counts none of
-- that import's rows.
--
-- People: demo_clerk (城关镇), demo_clerk2 (土城镇), demo_officer and
-- officer_100 (城关镇), demo_supervisor and demo_supervisor2 (county).
-- Cost: about a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(17);
-- The pairing assessment is the county's (issue 15): supervisors of the
-- 教育扶贫办 publish the criteria, enter evaluations and scores, award.
-- None of these tables holds a person's ID number or birth date, so a
-- supervisor's write there is no oracle on what is masked from him.

-- ==== supervisors do not edit ===============================================
SELECT is_empty(
    $$SELECT c.relname, p.privilege_type FROM pg_class c, aclexplode(c.relacl) p
       WHERE c.relnamespace = 'eduaid'::regnamespace
         AND c.relname NOT IN ('pair_criterion', 'pair_evaluation', 'pair_evaluation_score', 'pair_award',
                               'report_snapshot' /* issue 17 H6: what to freeze */)
         AND p.grantee = 'eduaid_supervisor'::regrole
         AND p.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
      UNION ALL
      SELECT c.relname || '.' || a.attname, p.privilege_type
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0,
             aclexplode(a.attacl) p
       WHERE c.relnamespace = 'eduaid'::regnamespace
         AND c.relname NOT IN ('roster_import', 'roster_row')
         AND c.relname NOT IN ('pair_criterion', 'pair_evaluation', 'pair_evaluation_score', 'pair_award',
                               'report_snapshot' /* issue 17 H6: what to freeze */)
         AND p.grantee = 'eduaid_supervisor'::regrole
         AND p.privilege_type IN ('INSERT', 'UPDATE')$$,
    'supervisors hold no INSERT, UPDATE, DELETE or TRUNCATE on any table of eduaid, nor on a column (but their own roster staging, the county''s pairing assessment and the reports they freeze)');
SELECT is_empty(
    $$SELECT policyname FROM pg_policies
       WHERE schemaname = 'eduaid' AND cmd IN ('UPDATE', 'INSERT', 'DELETE', 'ALL')
         AND 'eduaid_supervisor' = ANY (roles) AND tablename <> 'roster_import'
         AND tablename NOT IN ('pair_criterion', 'pair_evaluation', 'pair_evaluation_score', 'pair_award',
                               'report_snapshot' /* issue 17 H6: what to freeze */)$$,
    'no write policy names supervisors (but their own roster imports, the pairing assessment and the reports they freeze)');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT bool_or(eduaid.may_edit(s)) FROM unnest(ARRAY['draft', 'submitted', 'verified',
            'approved', 'rejected', 'in_notice', 'final']) AS s), false,
    'may_edit() is false for a supervisor in every state');

-- The attack: a verified special-education plan, its child's birth date
-- hidden from supervisors, probed through the assessment_date CHECK.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('rv_se', 420325100), fx_special_ed('rv_plan', 'rv_se') \gset
SELECT eduaid.submit('special_ed', fx('rv_plan')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('special_ed', fx('rv_plan')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$UPDATE eduaid.special_ed_plan SET assessment_date = '1990-01-01' WHERE id = fx('rv_plan')$$,
    '42501', 'permission denied for table special_ed_plan',
    'a supervisor''s assessment date before the hidden birth date: permission denied');
SELECT throws_ok($$UPDATE eduaid.special_ed_plan SET assessment_date = '2025-01-01' WHERE id = fx('rv_plan')$$,
    '42501', 'permission denied for table special_ed_plan',
    '... and after it: the same answer, so the CHECK tells nothing');
SELECT throws_ok($$UPDATE eduaid.special_ed_plan SET review_date = '2027-01-01' WHERE id = fx('rv_plan')$$,
    '42501', NULL, 'nor any other column of the verified plan');
SELECT lives_ok($$SELECT eduaid.reject('special_ed', fx('rv_plan'), '评估日期待核实')$$,
    'what a supervisor does instead: return it with a reason');

-- ==== reconciliation by masks only ===========================================
-- A household of 城关镇 with one member; two more ID numbers with the same
-- mask (the same area, sequence and check character, other birth dates).
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('rv_hh', 420325100), fx_student('rv_kid', 'rv_hh', '2014-05-06') \gset
RESET SESSION AUTHORIZATION;
CREATE TABLE public.rv_cand AS
WITH real AS (SELECT s.id_number AS n FROM eduaid.student s WHERE s.id = fx('rv_kid'))
SELECT 0 AS k, n FROM real
UNION ALL
SELECT row_number() OVER (ORDER BY c) AS k, c
  FROM (SELECT left(real.n, 6) || to_char(d, 'YYYYMMDD') || substr(real.n, 15, 3) AS f17, real.n
          FROM real, generate_series(date '2012-01-01', date '2016-12-31', interval '1 day') AS d) x,
       LATERAL (SELECT x.f17 || eduaid.id_check_digit(x.f17) AS c) y
 WHERE right(y.c, 1) = right(x.n, 1) AND y.c <> x.n
 ORDER BY 1 LIMIT 3;
GRANT SELECT ON public.rv_cand TO PUBLIC;
CREATE TABLE public.rv_house AS
SELECT h.household_no, t.name AS township, v.name AS village, h.township_id, h.village_id,
       h.head_name, h.head_id_number, h.family_size
  FROM eduaid.household h JOIN eduaid.township t ON t.id = h.township_id
  JOIN eduaid.village v ON v.id = h.village_id WHERE h.id = fx('rv_hh');
GRANT SELECT ON public.rv_house TO PUBLIC;
-- One import of the household per candidate, as the current user.
CREATE FUNCTION public.rv_import(k int) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    imp bigint;
BEGIN
    INSERT INTO eduaid.roster_import (file_name, encoding) VALUES ('cand.csv', 'UTF-8')
        RETURNING id INTO imp;
    INSERT INTO eduaid.roster_row (import_id, file_line, household_no, township, village,
        township_id, village_id, head_name, head_id_number, family_size, member_name,
        member_id_number, relation, stage)
    SELECT imp, 2, h.household_no, h.township, h.village, h.township_id, h.village_id,
           h.head_name, h.head_id_number, h.family_size, '测试学生', c.n, 'child', 'primary'
      FROM public.rv_house h, public.rv_cand c WHERE c.k = rv_import.k;
    PERFORM eduaid.roster_finish(imp);
    RETURN imp;
END
$$;
GRANT EXECUTE ON FUNCTION public.rv_import(int) TO PUBLIC;
SELECT is((SELECT count(DISTINCT eduaid.mask_id_number(n))::int * 10 + count(*)::int FROM public.rv_cand), 13,
    'three candidate numbers (the true one first), one mask');

SET SESSION AUTHORIZATION demo_supervisor;
SELECT fx_set('rv_imp0', public.rv_import(0)), fx_set('rv_imp1', public.rv_import(1)),
       fx_set('rv_imp2', public.rv_import(2)) \gset
SELECT results_eq(
    $$SELECT * FROM eduaid.roster_differences(fx('rv_imp1')) WHERE household_no = (SELECT household_no FROM public.rv_house)$$,
    $$SELECT * FROM eduaid.roster_differences(fx('rv_imp0')) WHERE household_no = (SELECT household_no FROM public.rv_house)$$,
    'a supervisor: a wrong candidate gets exactly the true one''s answer');
SELECT results_eq(
    $$SELECT * FROM eduaid.roster_differences(fx('rv_imp2')) WHERE household_no = (SELECT household_no FROM public.rv_house)$$,
    $$SELECT * FROM eduaid.roster_differences(fx('rv_imp0')) WHERE household_no = (SELECT household_no FROM public.rv_house)$$,
    'and so does the other');
SELECT results_eq(
    $$SELECT township_id, roster_households, roster_members, missing_members, extra_members, differing_members
        FROM eduaid.roster_counts(fx('rv_imp2'))$$,
    $$SELECT township_id, roster_households, roster_members, missing_members, extra_members, differing_members
        FROM eduaid.roster_counts(fx('rv_imp0'))$$,
    'the counts too');
-- The clerk, who reads the numbers, is still told which is which.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_set('rv_impc', public.rv_import(1)) \gset
SELECT results_eq(
    $$SELECT diff_kind, id_number FROM eduaid.roster_differences(fx('rv_impc'))
       WHERE household_no = (SELECT household_no FROM public.rv_house) ORDER BY 1$$,
    $$SELECT 'extra_member', (SELECT n FROM public.rv_cand WHERE k = 0)
      UNION ALL SELECT 'missing_member', (SELECT n FROM public.rv_cand WHERE k = 1)$$,
    'the clerk: the wrong candidate is missing, the true member extra (she may read both)');

-- ==== four-eyes for objections ==============================================
-- (the full story is in 13_notice.sql; here the rule on its own)
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('rv_nh', 420325100), fx_student('rv_nk', 'rv_nh') \gset
SELECT fx_subsidy('rv_ns', 'rv_nk') \gset
SELECT eduaid.submit('household', fx('rv_nh')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household', fx('rv_nh')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household', fx('rv_nh')) \gset
SELECT fx_set('rv_notice', eduaid.open_notice('household', 420325100, 2026)) \gset
SET SESSION AUTHORIZATION officer_100;
SELECT fx_set('rv_obj', eduaid.record_objection(
    (SELECT i.id FROM eduaid.notice_item i WHERE i.notice_id = fx('rv_notice')
        AND i.kind = 'household' AND i.record_id = fx('rv_nh')), '不属实')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT eduaid.decide_objection(fx('rv_obj'), 'dismissed', '经核实无误')$$,
    'EA002', NULL, 'the supervisor who approved the record cannot dismiss an objection to it (EA002)');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT lives_ok($$SELECT eduaid.decide_objection(fx('rv_obj'), 'dismissed', '经核实无误')$$,
    'another supervisor can');

-- ==== roster_row: nothing about another person's import ====================
SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO eduaid.roster_import (file_name, encoding) VALUES ('mine.csv', 'UTF-8')
    RETURNING public.fx_set('rv_mine', id) AS rv_mine \gset
INSERT INTO eduaid.roster_row (import_id, file_line, household_no, township, village, township_id,
    village_id, head_name, head_id_number)
SELECT :rv_mine, g, 'RV' || lpad(g::text, 6, '0'), '城关镇', '420325100001', 420325100,
       420325100001, '张三', public.fx_new_idno(date '1960-01-01' + g)
  FROM generate_series(2, 300) g;
SELECT eduaid.roster_finish(:rv_mine) \gset
RESET SESSION AUTHORIZATION;
CREATE FUNCTION public.rv_explain(q text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q;
END
$$;
CREATE FUNCTION public.rv_probe(line int, conflict boolean) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    st text; m text;
BEGIN
    EXECUTE format('INSERT INTO eduaid.roster_row (import_id, file_line, household_no, township, '
                   'village, township_id, village_id, head_name, head_id_number) VALUES '
                   '(%s, %s, %L, %L, %L, 420325100, 420325100001, %L, %L)%s',
                   public.fx('rv_mine'), line, 'RV000005', '城关镇', '420325100001', '张三',
                   '420325198709070013', CASE WHEN conflict THEN ' ON CONFLICT DO NOTHING' ELSE '' END);
    RETURN 'inserted';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, m = MESSAGE_TEXT;
    RETURN st || ': ' || m;
END
$$;
SET SESSION AUTHORIZATION demo_clerk2;
SELECT results_eq(
    $$VALUES (public.rv_probe(5, true)), (public.rv_probe(5, false)),
             (public.rv_probe(5000, true)), (public.rv_probe(5000, false))$$,
    $$SELECT format('EA006: roster import %s is not an unfinished import of yours (只能向自己未完成的导入添加行)',
                    fx('rv_mine')) FROM generate_series(1, 4)$$,
    'another clerk''s INSERT (ON CONFLICT DO NOTHING or not) into demo_clerk''s import: the same EA006 whether line 5 exists or line 5000 does not');
SET enable_seqscan = off;
SELECT is_empty(
    format($$SELECT * FROM public.rv_explain(%L) AS l WHERE l ~ 'actual rows=[1-9]|Buffers: .*hit=[0-9]{2,}'$$,
           format($q$SELECT 1 FROM eduaid.roster_rows WHERE import_id = %s
                       AND household_no >= 'RV0001' AND household_no < 'RV0002'$q$, :rv_mine)),
    'EXPLAIN ANALYZE of a household-number range in demo_clerk''s import, as demo_clerk2: no row of it is counted');
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT is_empty(
    format($$SELECT * FROM public.rv_explain(%L) AS l WHERE l ~ 'actual rows=[1-9]'$$,
           $q$SELECT 1 FROM eduaid.roster_rows WHERE head_id_number >= '659001' AND head_id_number < '659002'$q$),
    'nor an ID-number range over every import, scanned sequentially');
RESET enable_indexscan;
RESET enable_bitmapscan;

SELECT * FROM finish();
ROLLBACK;
