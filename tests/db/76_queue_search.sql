-- tests/db/76_queue_search.sql: the review queue's search as it finds its
-- candidates through indexes (issue 16; repeatable/36_review_queue.sql,
-- "A search"; 057_queue_search.sql), as the roles it restricts.
--
-- demo_clerk (城关镇) submits household Q (head 队列搜甲, number
-- TEST-Q76-A) and a training enrollment of it; demo_clerk2 (土城镇) submits
-- household R (head 队列搜乙, number TEST-Q76-B). demo_officer (城关镇)
-- finds Q by its head's name (new: the summary begins with the household
-- number), by a prefix of its number, by its number and name as the
-- summary reads, by its id; never R, whatever he types; officer_103
-- (土城镇) finds R and not Q. Four-eyes holds through the search: the
-- officer who verified Q does not find it in a supervisor's place, and a
-- supervisor who edited a record does not find it. After verification the
-- supervisor finds both in the county by name and number, and one
-- township's only with p_township; paging after the first row of a search
-- gives the second. A clerk has no queue to search (42501).
-- Every search's rows are exactly the unfiltered queue's rows that match
-- (id, summary prefix or head's name), in the same order.
--
-- Cost: about a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(16);

-- What the unfiltered queue says a search for t must find, as the
-- current user: its rows whose id is t, whose summary starts with t, or
-- (households) whose head's name does, in queue order.
CREATE FUNCTION public.q76_expected(t text, p_township int DEFAULT NULL)
RETURNS TABLE (kind text, id bigint)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT q.kind, q.id
      FROM eduaid.review_queue(p_township => p_township, p_limit => 1000) AS q
     WHERE q.id::text = t OR starts_with(q.summary, t)
        OR (q.kind = 'household'
            AND EXISTS (SELECT FROM eduaid.household h WHERE h.id = q.id AND starts_with(h.head_name, t)))
     ORDER BY q.waiting_since, q.kind COLLATE "C", q.id;
END;
GRANT EXECUTE ON FUNCTION public.q76_expected(text, int) TO PUBLIC;
CREATE FUNCTION public.q76_found(t text, p_township int DEFAULT NULL)
RETURNS TABLE (kind text, id bigint)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT q.kind, q.id
      FROM eduaid.review_queue(p_township => p_township, p_search => t, p_limit => 1000) AS q;
END;
GRANT EXECUTE ON FUNCTION public.q76_found(text, int) TO PUBLIC;

SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('q76', 420325100), fx_training('q76_tr', 'q76') \gset
UPDATE eduaid.household SET head_name = '队列搜甲', household_no = 'TEST-Q76-A'
 WHERE township_id = 420325100 AND id = fx('q76');
SELECT eduaid.submit('household', fx('q76')), eduaid.submit('training', fx('q76_tr')) \gset
SELECT throws_ok($$SELECT * FROM public.q76_found('队列搜')$$, '42501', NULL,
    'clerk: no queue to search (the function is not his)');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('r76', 420325103) \gset
UPDATE eduaid.household SET head_name = '队列搜乙', household_no = 'TEST-Q76-B'
 WHERE township_id = 420325103 AND id = fx('r76');
SELECT eduaid.submit('household', fx('r76')) \gset

-- ==== the officers ==========================================================
SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq($$SELECT * FROM public.q76_found('队列搜')$$,
    $$VALUES ('household'::text, fx('q76'))$$,
    'officer: finds his township''s household by its head''s name, not 土城镇''s');
SELECT results_eq($$SELECT * FROM public.q76_found('TEST-Q76')$$,
    $$VALUES ('household'::text, fx('q76'))$$,
    'officer: by a prefix of the household number, not 土城镇''s');
SELECT results_eq($$SELECT * FROM public.q76_found('TEST-Q76-A 队列')$$,
    $$VALUES ('household'::text, fx('q76'))$$,
    'officer: by the summary''s number and name');
SELECT results_eq($$SELECT * FROM public.q76_found(fx('r76')::text)$$,
    $$SELECT * FROM public.q76_expected(fx('r76')::text)$$,
    'officer: 土城镇''s household''s id finds only what his queue holds');
SELECT ok(NOT EXISTS (SELECT FROM public.q76_found('TEST-Q76-B') f),
    'officer: never 土城镇''s household, by its number');
SELECT results_eq($$SELECT * FROM public.q76_found('测试')$$,
    $$SELECT * FROM public.q76_expected('测试')$$,
    'officer: a trainee''s name: exactly the queue''s rows that match, in order');
SELECT results_eq($$SELECT * FROM public.q76_found(fx('q76_tr')::text)$$,
    $$SELECT * FROM public.q76_expected(fx('q76_tr')::text)$$,
    'officer: a record''s id: exactly the queue''s rows that match');
SET SESSION AUTHORIZATION officer_103;
SELECT results_eq($$SELECT * FROM public.q76_found('队列搜')$$,
    $$VALUES ('household'::text, fx('r76'))$$,
    'officer_103: finds 土城镇''s household, not 城关镇''s');

-- ==== the supervisor =========================================================
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household', fx('q76')) \gset
SET SESSION AUTHORIZATION officer_103;
SELECT eduaid.verify('household', fx('r76')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq($$SELECT * FROM public.q76_found('队列搜')$$,
    $$VALUES ('household'::text, fx('q76')), ('household', fx('r76'))$$,
    'supervisor: finds both townships'' households by name, in queue order');
SELECT results_eq($$SELECT * FROM public.q76_found('TEST-Q76')$$,
    $$VALUES ('household'::text, fx('q76')), ('household', fx('r76'))$$,
    'supervisor: and by the household number''s prefix');
SELECT results_eq($$SELECT * FROM public.q76_found('队列搜', 420325103)$$,
    $$VALUES ('household'::text, fx('r76'))$$,
    'supervisor: one township''s with p_township');
SELECT results_eq(
    $$SELECT q.kind, q.id FROM eduaid.review_queue(p_search => '队列搜',
          p_after_since => (SELECT f.waiting_since FROM eduaid.review_queue(p_search => '队列搜') f LIMIT 1),
          p_after_kind => 'household', p_after_id => fx('q76')) AS q$$,
    $$VALUES ('household'::text, fx('r76'))$$,
    'supervisor: the next page of a search starts after its first row');
SELECT results_eq($$SELECT * FROM public.q76_found('测试')$$,
    $$SELECT * FROM public.q76_expected('测试')$$,
    'supervisor: a common prefix: exactly the county queue''s rows that match, in order');
SET SESSION AUTHORIZATION demo_officer;
SELECT is_empty($$SELECT 1 FROM public.q76_found('队列搜') WHERE id = fx('q76')$$,
    'four-eyes: the officer who verified it does not find it any more (not his to act on)');
RESET SESSION AUTHORIZATION;
-- a supervisor who edited the record (the editors) does not find it
UPDATE eduaid.household SET editors = editors || 'demo_supervisor'::text
 WHERE township_id = 420325103 AND id = fx('r76');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq($$SELECT * FROM public.q76_found('队列搜')$$,
    $$VALUES ('household'::text, fx('q76'))$$,
    'four-eyes: a supervisor does not find what she edited');

SELECT * FROM finish();
ROLLBACK;
