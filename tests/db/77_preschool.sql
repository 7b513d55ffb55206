-- tests/db/77_preschool.sql: preschool coverage (学前教育, issue 17 H1;
-- 058_preschool.sql, repeatable/36_m_preschool.sql), as the people who use
-- it and the ones who should not.
--
-- People: demo_clerk (clerk of 城关镇 420325100 and 军店镇 420325101),
-- demo_officer (城关镇), demo_supervisor (county), demo_auditor.
--
-- The demo's figures (sql/data/demo_preschool.sql), worked out by hand:
-- township i (1..20 by code) has 40+i, 42+i, 45+i children aged 3, 4, 5
-- (127+3i) and 6 fewer on its kindergarten's roll, 20 fewer for i = 5, 9,
-- 13, 17; 城关镇 one more (a 军店镇 child on both rolls). County: 20*127 +
-- 3*210 = 3170 children; 3170 - 16*6 - 4*20 = 2994 distinct children
-- enrolled (2995 on the rolls); 2994/3170 = 94.4%. 大木厂镇 (i=5): 142,
-- 122, 85.9%, short ceil(142*0.92) - 122 = 131 - 122 = 9. Not counted: 城关镇's
-- population batch awaiting review (45+44+47 = 136), 军店镇's rejected
-- roll (10 rows), 土城镇's older accepted population (90).
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(55);

CREATE FUNCTION public.ps_explain(q text) RETURNS text
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
GRANT EXECUTE ON FUNCTION public.ps_explain(text) TO PUBLIC;

-- ==== the catalogue ==========================================================
SELECT is_empty(
    $$SELECT c.relname FROM pg_class c
       WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind = 'r'
         AND c.relname ~ '^preschool_' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)$$,
    'the three preschool tables are under forced RLS');
SELECT is_empty(
    $$SELECT c.relname, r.rolname FROM pg_class c
       CROSS JOIN pg_roles r
       WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relname ~ '^preschool_'
         AND r.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor', 'eduaid_auditor')
         AND has_table_privilege(r.oid, c.oid, 'UPDATE, DELETE, TRUNCATE')$$,
    'no role updates or deletes a batch or its rows');
SELECT results_eq(
    $$SELECT tablename::text COLLATE "default", policyname::text COLLATE "default", cmd,
             roles::text[] COLLATE "default", coalesce(qual, with_check) COLLATE "default"
        FROM pg_policies
       WHERE schemaname = 'eduaid' AND tablename ~ '^preschool_' ORDER BY 1, 2$$,
    $$SELECT t, t || p, c, r::text[], w
        FROM unnest(ARRAY['preschool_batch', 'preschool_enrollment', 'preschool_population']) AS t
       CROSS JOIN (VALUES
           ('_insert', 'INSERT', '{eduaid_clerk,eduaid_officer}',
            '(township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))'),
           ('_owner', 'ALL', '{eduaid_owner}', 'true'),
           ('_read', 'SELECT', '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}',
            '(township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))')) AS v(p, c, r, w)
       ORDER BY 1, 2$$,
    'each preschool table: a township read for every role, a township insert for clerks and officers, the owner''s; no update or delete');
SELECT ok(NOT has_column_privilege('eduaid_supervisor', 'eduaid.preschool_enrollment',
                                   'child_id_number', 'SELECT')
          AND NOT has_column_privilege('eduaid_supervisor', 'eduaid.preschool_enrollment',
                                       'child_birth_date', 'SELECT')
          AND has_column_privilege('eduaid_supervisor', 'eduaid.preschool_enrollment',
                                   'child_id_number_masked', 'SELECT'),
    'supervisors read the masked ID number and birth date of a child, not the full ones');
SELECT ok(NOT has_table_privilege('eduaid_supervisor', 'eduaid.preschool_batch', 'INSERT')
          AND NOT has_table_privilege('eduaid_auditor', 'eduaid.preschool_enrollment', 'INSERT'),
    'supervisors and auditors import nothing');

-- ==== the demo's figures, as the supervisor =================================
SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq(
    $$SELECT population, enrolled, short, rate FROM eduaid.report_preschool(2026)
       WHERE township_id IS NULL$$,
    $$VALUES (3170::bigint, 2994::bigint, 0::bigint, 94.4::numeric)$$,
    'supervisor: the county total (a child on two rolls counted once)');
SELECT is((SELECT sum(enrolled)::int FROM eduaid.report_preschool(2026) WHERE township_id IS NOT NULL),
    2995, '... while the townships'' rows add up to the rolls, 2995');
SELECT is((SELECT count(*)::int FROM eduaid.report_preschool(2026)), 21,
    '... twenty townships and the total');
SELECT results_eq(
    $$SELECT population, enrolled, short, rate FROM eduaid.report_preschool(2026)
       WHERE township_id = 420325104$$,
    $$VALUES (142::bigint, 122::bigint, 9::bigint, 85.9::numeric)$$,
    '大木厂镇 is below 92%: 9 children short');
SELECT results_eq(
    $$SELECT township_id FROM eduaid.report_preschool(2026) WHERE rate < 92 ORDER BY 1$$,
    $$VALUES (420325104), (420325108), (420325203), (420325209)$$,
    'four townships below 92%');
SELECT results_eq(
    $$SELECT population, enrolled FROM eduaid.report_preschool(2026)
       WHERE township_id IN (420325100, 420325101, 420325103) ORDER BY township_id$$,
    $$VALUES (130::bigint, 125::bigint), (133, 127), (139, 133)$$,
    'a batch awaiting review (城关镇 136) and a rejected one (军店镇 +10) do not count; 土城镇''s newer accepted batch replaces the older (90)');
SELECT results_eq(
    $$SELECT item, townships, with_central, coverage FROM eduaid.report_preschool_central(2026)
       WHERE township_id IS NULL$$,
    $$VALUES (NULL::text, 20::bigint, 18::bigint, 90.0::numeric),
             ('上龛乡', 1, 0, 0.0), ('九道乡', 1, 0, 0.0)$$,
    'central kindergartens: 18 of 20 townships, the two without listed under the total');
SELECT results_eq(
    $$SELECT with_central, coverage FROM eduaid.report_preschool_central(2026, 420325208)$$,
    $$VALUES (0::bigint, 0.0::numeric), (0, 0.0), (0, 0.0)$$,
    '上龛乡 alone: its row, the total and itself as the item');
SELECT throws_ok($$SELECT child_id_number FROM eduaid.preschool_enrollment LIMIT 1$$,
    '42501', NULL, 'supervisor: the full ID numbers are refused');
SELECT ok((SELECT bool_and(child_id_number_masked ~ '^420325\*+[0-9X]{4}$')
             FROM eduaid.preschool_enrollment),
    '... he reads them masked');
SELECT is((SELECT count(DISTINCT township_id)::int FROM eduaid.preschool_batch), 20,
    '... the batches of the whole county');

-- ==== the officer: his township only ========================================
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq(
    $$SELECT township_id, population, enrolled, rate FROM eduaid.report_preschool(2026)$$,
    $$VALUES (420325100, 130::bigint, 125::bigint, 96.2::numeric),
             (NULL, 130, 125, 96.2)$$,
    'officer: the report covers 城关镇 and its total only');
SELECT is_empty($$SELECT * FROM eduaid.report_preschool(2026, 420325101)$$,
    'officer: another township''s id gives nothing');
SELECT results_eq(
    $$SELECT township_id, with_central FROM eduaid.report_preschool_central(2026)$$,
    $$VALUES (420325100, 1::bigint), (NULL, 1)$$,
    'officer: the central kindergartens of 城关镇 and its total');
SELECT is(eduaid.preschool_enrolled_distinct(2026, 420325101), 0::bigint,
    'officer: the definer count of another township''s children is 0');
SELECT is((SELECT array_agg(DISTINCT township_id) FROM eduaid.preschool_batch), '{420325100}'::int[],
    'officer: the batches of 城关镇 only');
SELECT is((SELECT array_agg(DISTINCT township_id) FROM eduaid.preschool_enrollment), '{420325100}'::int[],
    '... and their rows');
SELECT ok((SELECT bool_and(eduaid.id_number_valid(child_id_number)) FROM eduaid.preschool_enrollment),
    '... with the full ID numbers of his township''s children');
SET enable_seqscan = off;
SELECT is(ps_explain('SELECT 1 FROM eduaid.preschool_enrollment WHERE township_id = 420325101'),
          ps_explain('SELECT 1 FROM eduaid.preschool_enrollment WHERE township_id = 420325999'),
    'officer: EXPLAIN ANALYZE reads alike for a township with hidden rows and one without');
RESET enable_seqscan;
SELECT throws_ok($$SELECT eduaid.preschool_batch_review(420325100,
                     (SELECT max(id) FROM eduaid.preschool_batch WHERE state = 'imported'), true)$$,
    '42501', NULL, 'officer: reviewing a batch is refused');

-- ==== the clerk imports ======================================================
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO eduaid.preschool_batch (township_id, kind, school_year, source, as_of, file_name)
VALUES (420325100, 'population', 2026, '卫健', '2026-11-20', 't77_pop.csv') RETURNING id AS pop \gset
INSERT INTO eduaid.preschool_batch (township_id, kind, school_year, source, as_of, file_name)
VALUES (420325100, 'enrollment', 2026, '教育事业统计', '2026-11-20', 't77_enr.csv') RETURNING id AS enr \gset
SELECT is((SELECT state || '/' || coalesce(row_count::text, 'open') || '/' || created_by
             FROM eduaid.preschool_batch WHERE id = :pop),
    'imported/open/demo_clerk', 'clerk: a batch is opened as imported, loading, his');
SELECT throws_ok($$INSERT INTO eduaid.preschool_batch (township_id, kind, school_year, source, as_of,
                                                      file_name, state)
                   VALUES (420325100, 'population', 2026, 'x', '2026-11-20', 'x.csv', 'accepted')$$,
    '42501', NULL, 'clerk: a batch cannot be inserted accepted');
SELECT throws_ok($$INSERT INTO eduaid.preschool_batch (township_id, kind, school_year, source, as_of, file_name)
                   VALUES (420325103, 'population', 2026, 'x', '2026-11-20', 'x.csv')$$,
    '42501', NULL, 'clerk: a batch of 土城镇 (not his) is refused');
INSERT INTO eduaid.preschool_population (township_id, batch_id, file_line, village_id, age3, age4, age5)
VALUES (420325100, :pop, 2, NULL, 50, 50, 50), (420325100, :pop, 3, 420325100001, 10, 10, 10);
SELECT is((SELECT count(*)::int FROM eduaid.preschool_population WHERE batch_id = :pop), 2,
    'clerk: population rows of the township and of a village');
SELECT throws_ok(format($$INSERT INTO eduaid.preschool_population (township_id, batch_id, file_line, age3, age4, age5)
                          VALUES (420325100, %s, 4, 1, 1, 1)$$, :pop),
    '23505', NULL, 'the township as a whole appears once in a batch');
SELECT throws_ok(format($$INSERT INTO eduaid.preschool_population (township_id, batch_id, file_line, age3, age4, age5)
                          VALUES (420325100, %s, 4, -1, 1, 1)$$, :pop),
    '23514', NULL, 'a negative number of children is refused');
SELECT throws_ok(format($$INSERT INTO eduaid.preschool_population (township_id, batch_id, file_line, village_id, age3, age4, age5)
                          VALUES (420325100, %s, 4, 420325101001, 1, 1, 1)$$, :pop),
    '23503', NULL, 'a village of another township is refused');
SELECT throws_ok(format($$INSERT INTO eduaid.preschool_population (township_id, batch_id, file_line, age3, age4, age5)
                          VALUES (420325100, %s, 4, 1, 1, 1)$$, :enr),
    'EA238', NULL, 'population rows into a roll''s batch are refused');
SELECT (SELECT id FROM eduaid.school WHERE name = '城关镇中心幼儿园') AS kg,
       (SELECT id FROM eduaid.school WHERE name = '城关镇中心小学') AS primary_school,
       (SELECT id FROM eduaid.school WHERE name = '土城镇中心幼儿园') AS kg_tc,
       fx_idno('42032520210315002') AS id1, fx_idno('42032520220601011') AS id2,
       (SELECT child_id_number FROM eduaid.preschool_enrollment e
         JOIN eduaid.preschool_batch b ON b.township_id = e.township_id AND b.id = e.batch_id
        WHERE b.township_id = 420325101 AND b.state = 'accepted' LIMIT 1) AS jd_child \gset
SELECT lives_ok(format($$INSERT INTO eduaid.preschool_enrollment (township_id, batch_id, file_line,
        kindergarten_id, child_name, child_id_number, child_birth_date)
        VALUES (420325100, %s, 2, %s, '王梓涵', %L, '2021-03-15'),
               (420325100, %s, 3, %s, '李欣怡', %L, '2022-06-01')$$, :enr, :kg, :'id1', :enr, :kg, :'id2'),
    'clerk: two children on 城关镇''s roll');
SELECT throws_ok(format($$INSERT INTO eduaid.preschool_enrollment (township_id, batch_id, file_line,
        kindergarten_id, child_name, child_id_number, child_birth_date)
        VALUES (420325100, %s, 4, %s, '王梓涵', %L, '2021-03-15')$$, :enr, :kg, :'id1'),
    '23505', NULL, 'a child is on a township''s batch once');
SELECT throws_ok(format($$INSERT INTO eduaid.preschool_enrollment (township_id, batch_id, file_line,
        kindergarten_id, child_name, child_id_number, child_birth_date)
        VALUES (420325100, %s, 4, %s, '张三', '420325202103150027', '2021-03-15')$$, :enr, :kg),
    '23514', NULL, 'an invalid ID number is refused');
SELECT matches((SELECT message FROM fx_refusal(format($$INSERT INTO eduaid.preschool_enrollment (township_id, batch_id, file_line,
        kindergarten_id, child_name, child_id_number, child_birth_date)
        VALUES (420325100, %s, 4, %s, '张三', %L, '2021-03-16')$$, :enr, :kg, fx_idno('42032520210315004')))),
    'preschool_enrollment_child_birth_date_check', 'a birth date other than the ID number''s is refused');
SELECT throws_ok(format($$INSERT INTO eduaid.preschool_enrollment (township_id, batch_id, file_line,
        kindergarten_id, child_name, child_id_number, child_birth_date)
        VALUES (420325100, %s, 4, %s, '张三', %L, '2021-03-15')$$, :enr, :primary_school, fx_idno('42032520210315004')),
    '23503', NULL, 'a primary school is no kindergarten');
SELECT throws_ok(format($$INSERT INTO eduaid.preschool_enrollment (township_id, batch_id, file_line,
        kindergarten_id, child_name, child_id_number, child_birth_date)
        VALUES (420325100, %s, 4, %s, '张三', %L, '2021-03-15')$$, :enr, :kg_tc, fx_idno('42032520210315004')),
    '23503', NULL, 'a kindergarten of another township is refused');
SELECT lives_ok(format($$INSERT INTO eduaid.preschool_enrollment (township_id, batch_id, file_line,
        kindergarten_id, child_name, child_id_number, child_birth_date)
        VALUES (420325100, %s, 4, %s, '某某', %L, eduaid.id_birth_date(%L))$$, :enr, :kg, :'jd_child', :'jd_child'),
    'a child on 军店镇''s roll may be on 城关镇''s too: no oracle across townships');
SELECT is(eduaid.preschool_batch_close(420325100, :pop), 2, 'clerk: closing a batch counts its rows');
SELECT is(eduaid.preschool_batch_close(420325100, :enr), 3, '... of both kinds');
SELECT throws_ok(format($$INSERT INTO eduaid.preschool_population (township_id, batch_id, file_line, age3, age4, age5)
                          VALUES (420325100, %s, 9, 1, 1, 1)$$, :pop),
    'EA238', NULL, 'no row is added to a closed batch');
SELECT throws_ok(format('SELECT eduaid.preschool_batch_close(420325100, %s)', :pop),
    'EA238', NULL, 'a batch is closed once');
SELECT throws_ok(format('UPDATE eduaid.preschool_population SET age3 = 0 WHERE batch_id = %s', :pop),
    '42501', NULL, 'clerk: a batch''s rows are never changed');
SELECT throws_ok(format('DELETE FROM eduaid.preschool_enrollment WHERE batch_id = %s', :enr),
    '42501', NULL, '... nor deleted');

-- ==== the supervisor reviews ==================================================
RESET SESSION AUTHORIZATION;
-- a batch demo_supervisor imported (when he was an officer, say)
INSERT INTO eduaid.preschool_batch (township_id, kind, school_year, source, as_of, file_name,
                                    row_count, created_by)
VALUES (420325101, 'population', 2026, '公安户籍', '2026-11-21', 't77_own.csv', 0, 'demo_supervisor')
RETURNING id AS own \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok(format('SELECT eduaid.preschool_batch_review(420325101, %s, true)', :own),
    'EA239', NULL, 'supervisor: the importer does not accept his own batch (four eyes)');
SELECT throws_ok(format($$SELECT eduaid.preschool_batch_review(420325100, %s, false, '  ')$$, :pop),
    'EA239', NULL, 'supervisor: a rejection needs a reason');
SELECT throws_ok(format('SELECT eduaid.preschool_batch_review(420325101, %s, true)', :pop),
    'EA238', NULL, 'supervisor: a batch named with another township is not found');
SELECT lives_ok(format('SELECT eduaid.preschool_batch_review(420325100, %s, true)', :pop),
    'supervisor: accepts the clerk''s population batch');
SELECT results_eq(
    $$SELECT population, enrolled FROM eduaid.report_preschool(2026, 420325100)
       WHERE township_id IS NOT NULL$$,
    $$VALUES (180::bigint, 125::bigint)$$,
    '... which now replaces the older (50*3 + 10*3 = 180); the unaccepted roll does not count');
SELECT lives_ok(format($$SELECT eduaid.preschool_batch_review(420325100, %s, false, '名单不全')$$, :enr),
    'supervisor: rejects the roll with a reason');
SELECT throws_ok(format('SELECT eduaid.preschool_batch_review(420325100, %s, true)', :enr),
    'EA238', NULL, '... once: a rejected batch is not accepted after');
SELECT is((SELECT enrolled FROM eduaid.report_preschool(2026, 420325100) WHERE township_id IS NOT NULL),
    125::bigint, 'the rejected roll does not count');

-- ==== the auditor ============================================================
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(DISTINCT township_id)::int FROM eduaid.preschool_enrollment), 20,
    'auditor: reads the rolls of the county');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
