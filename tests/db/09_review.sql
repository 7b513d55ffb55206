-- tests/db/09_review.sql: the review queue and a record's history
-- (docs/review-contract.md, sql/010_review.sql), as each role, under RLS.
--
-- The queue: an officer gets exactly the submitted records of his township
-- but none he created, edited or submitted; a supervisor the verified ones
-- of the county but none she edited; clerks, the admin and the auditor may
-- not call it (permission denied, 42501). Oldest first by (waiting_since,
-- kind, id); keyset pages continue each other without overlap, across
-- kinds at equal times; the filters; queue_counts() agrees with the queue.
-- returned_to_me(): a clerk's rejected records with the reason. The
-- history: every step of a record's life with the fields it changed,
-- members included, masked for supervisors, nothing for a record the
-- caller cannot see; last_approved() before and after a reopen.
--
-- The demo records are in the database too: expectations are computed by
-- the superuser from the tables (public.fx_q) and compared with what each
-- role gets through the functions.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(85);

-- ==== who may call what ====================================================
SELECT results_eq(
    $$SELECT p.proname::text COLLATE "default", p.prosecdef,
             'search_path=pg_catalog, pg_temp' = ANY (p.proconfig),
             has_function_privilege('public', p.oid, 'EXECUTE'),
             array(SELECT g FROM unnest(ARRAY['eduaid_admin', 'eduaid_auditor', 'eduaid_clerk',
                                              'eduaid_officer', 'eduaid_supervisor']) AS g
                    WHERE has_function_privilege(g, p.oid, 'EXECUTE'))
        FROM pg_proc p
       WHERE p.pronamespace = 'eduaid'::regnamespace
         AND p.proname IN ('review_queue', 'queue_counts', 'returned_to_me', 'record_history',
                           'last_approved')
       ORDER BY 1$$,
    $$VALUES ('last_approved', false, true, false,
              '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'::text[]),
             ('queue_counts', false, true, false, '{eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('record_history', false, true, false,
              '{eduaid_auditor,eduaid_clerk,eduaid_officer,eduaid_supervisor}'),
             ('returned_to_me', false, true, false, '{eduaid_clerk,eduaid_officer}'),
             ('review_queue', false, true, false, '{eduaid_officer,eduaid_supervisor}')$$,
    'the five functions are SECURITY INVOKER, pinned search_path, not PUBLIC, granted as the contract says');

-- ==== fixtures ===============================================================
-- 城关镇 (420325100): demo_clerk's records, submitted; one demo_officer
-- made (rq_own), one he submitted (rq_sub), one he edited (rq_edit).
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('rq_a', 420325100), fx_household('rq_b', 420325100),
       fx_training('rq_tr', 'rq_a'), fx_special_ed('rq_se', 'rq_a'),
       fx_teacher('rq_t', 420325100), fx_fund('rq_f', 'rq_t'),
       fx_household('rq_edit', 420325100), fx_household('rq_sub', 420325100),
       fx_household('rq_ver', 420325100), fx_household('rq_sedit', 420325100),
       fx_household('rq_rej', 420325100) \gset
SELECT eduaid.submit('household', fx('rq_a')), eduaid.submit('household', fx('rq_b')),
       eduaid.submit('training', fx('rq_tr')), eduaid.submit('special_ed', fx('rq_se')),
       eduaid.submit('teacher_fund', fx('rq_f')), eduaid.submit('household', fx('rq_edit')),
       eduaid.submit('household', fx('rq_ver')), eduaid.submit('household', fx('rq_sedit')),
       eduaid.submit('household', fx('rq_rej')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT fx_household('rq_own', 420325100) \gset
SELECT eduaid.submit('household', fx('rq_own')), eduaid.submit('household', fx('rq_sub')) \gset
SELECT fx_rowcount($$UPDATE eduaid.household SET head_name = '专干改名' WHERE id = fx('rq_edit')$$) \gset
-- 土城镇 (420325103)
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('rq_tc', 420325103) \gset
SELECT eduaid.submit('household', fx('rq_tc')) \gset
-- verified: two in 城关镇, one in 土城镇; one returned with a reason
SET SESSION AUTHORIZATION officer_100;
SELECT eduaid.verify('household', fx('rq_ver')), eduaid.verify('household', fx('rq_sedit')),
       eduaid.reject('household', fx('rq_rej'), '缺少户籍证明') \gset
SET SESSION AUTHORIZATION officer_103;
SELECT eduaid.verify('household', fx('rq_tc')) \gset
-- demo_supervisor is among the editors of a verified record (supervisors
-- do not edit, 019_reviewers.sql; she edited it in an earlier role): it
-- leaves her queue
RESET SESSION AUTHORIZATION;
UPDATE eduaid.household SET editors = editors || 'demo_supervisor'::text WHERE id = fx('rq_sedit');

-- What each queue must hold, read from the tables by the superuser, in
-- queue order (n).
CREATE TABLE public.fx_q AS
WITH r AS (
    SELECT 'household' AS kind, id, township_id, status, created_by, submitted_by, submitted_at,
           verified_by, verified_at, editors, household_no || ' ' || head_name AS summary
      FROM eduaid.household
    UNION ALL
    SELECT 'household_year', id, township_id, status, created_by, submitted_by, submitted_at,
           verified_by, verified_at, editors, NULL FROM eduaid.household_year
    UNION ALL
    SELECT 'training', id, township_id, status, created_by, submitted_by, submitted_at,
           verified_by, verified_at, editors, NULL FROM eduaid.training_enrollment
    UNION ALL
    SELECT 'special_ed', id, township_id, status, created_by, submitted_by, submitted_at,
           verified_by, verified_at, editors, NULL FROM eduaid.special_ed_plan
    UNION ALL
    SELECT 'teacher_fund', id, township_id, status, created_by, submitted_by, submitted_at,
           verified_by, verified_at, editors, NULL FROM eduaid.teacher_fund_application
    UNION ALL
    SELECT 'pairing', id, township_id, status, created_by, submitted_by, submitted_at,
           verified_by, verified_at, editors, NULL FROM eduaid.pair_agreement
    UNION ALL -- issue 17 H4
    SELECT 'admission', id, township_id, status, created_by, submitted_by, submitted_at,
           verified_by, verified_at, editors, NULL FROM eduaid.admission),
q AS (
    SELECT u.login AS who, r.kind, r.id, r.township_id, r.summary,
           CASE WHEN u.login LIKE '%officer%' THEN r.submitted_at ELSE r.verified_at END AS since
      FROM r CROSS JOIN (VALUES ('demo_officer'), ('officer_100'), ('demo_supervisor'),
                                ('demo_supervisor2')) AS u(login)
     WHERE CASE WHEN u.login LIKE '%officer%'
                THEN r.status = 'submitted' AND r.township_id = 420325100
                     AND r.submitted_by IS DISTINCT FROM u.login
                ELSE r.status = 'verified' AND r.verified_by IS DISTINCT FROM u.login END
       AND r.created_by <> u.login AND NOT u.login = ANY (r.editors))
SELECT q.*, row_number() OVER (PARTITION BY q.who ORDER BY q.since, q.kind COLLATE "C", q.id) AS n
  FROM q;
GRANT SELECT ON public.fx_q TO PUBLIC;

-- Every page of a queue, fetched by keyset with pages of `page` rows, in
-- order: what a client paging through it would see.
CREATE FUNCTION public.fx_pages(page int, township int DEFAULT NULL, kind_filter text DEFAULT NULL)
RETURNS TABLE (kind text, id bigint)
LANGUAGE plpgsql AS $$
DECLARE
    s timestamptz;
    k text;
    i bigint;
    n int;
    r record;
    pages int := 0;
BEGIN
    LOOP
        pages := pages + 1;
        IF pages > 2000 THEN
            RAISE EXCEPTION 'fx_pages: the keyset does not advance (2000 pages)';
        END IF;
        n := 0;
        FOR r IN SELECT * FROM eduaid.review_queue(p_kind => kind_filter, p_township => township,
                                                   p_after_since => s, p_after_kind => k,
                                                   p_after_id => i, p_limit => page) LOOP
            kind := r.kind;
            id := r.id;
            RETURN NEXT;
            s := r.waiting_since;
            k := r.kind;
            i := r.id;
            n := n + 1;
        END LOOP;
        EXIT WHEN n < page;
    END LOOP;
END
$$;

-- Is fixture `key` of `kind` in the current user's queue? (pgTAP's set_has
-- needs temporary tables, which eduaid users may not create.)
CREATE FUNCTION public.fx_queued(kind text, key text) RETURNS boolean
LANGUAGE sql AS $$
    SELECT EXISTS (SELECT FROM eduaid.review_queue(p_limit => 1000) AS q
                    WHERE q.kind = fx_queued.kind AND q.id = public.fx(key))
$$;

-- Does queue_counts() give, per kind, the number of rows review_queue() has?
CREATE FUNCTION public.fx_counts_agree() RETURNS boolean
LANGUAGE sql AS $$
    SELECT array_agg(c.kind || '=' || c.waiting ORDER BY c.kind)
         = (SELECT array_agg(k || '=' || (SELECT count(*) FROM eduaid.review_queue(p_limit => 1000) q
                                           WHERE q.kind = k) ORDER BY k)
              FROM unnest(ARRAY['household', 'household_year', 'training', 'special_ed',
                                'teacher_fund', 'pairing', 'admission']) AS k)
      FROM eduaid.queue_counts() AS c
$$;

-- True when the rows of a queue call come in (waiting_since, kind, id) order.
CREATE FUNCTION public.fx_ordered(call text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    ok boolean;
BEGIN
    EXECUTE format('SELECT coalesce(bool_and((p.since, p.kind COLLATE "C", p.id) < (n.since, n.kind COLLATE "C", n.id)), true)
                      FROM (SELECT row_number() OVER () AS i, q.waiting_since AS since, q.kind, q.id
                              FROM (%s) AS q) AS p
                      JOIN (SELECT row_number() OVER () AS i, q.waiting_since AS since, q.kind, q.id
                              FROM (%s) AS q) AS n ON n.i = p.i + 1', call, call) INTO ok;
    RETURN ok;
END
$$;

-- ==== the officer's queue ====================================================
SET SESSION AUTHORIZATION demo_officer;
SELECT cmp_ok((SELECT count(*)::int FROM public.fx_q WHERE who = 'demo_officer'), '>=', 8,
    'demo_officer has a queue to page through (demo records and fixtures)');
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.review_queue(p_limit => 1000)$$,
    $$SELECT kind, id FROM public.fx_q WHERE who = 'demo_officer' ORDER BY n$$,
    'demo_officer gets exactly the submitted records of 城关镇 minus his own, oldest first');
SELECT is((SELECT array_agg(DISTINCT status || '/' || township || '/' || township_id)
             FROM eduaid.review_queue(p_limit => 1000)),
          ARRAY['submitted/城关镇/420325100'], 'every row is submitted and of 城关镇');
SELECT ok(public.fx_ordered('SELECT * FROM eduaid.review_queue(p_limit => 1000)'),
    'rows come in (waiting_since, kind, id) order');
SELECT ok((SELECT bool_and(q.waiting_since = f.since) FROM eduaid.review_queue(p_limit => 1000) q
             JOIN public.fx_q f ON f.who = 'demo_officer' AND f.kind = q.kind AND f.id = q.id),
    'waiting_since is submitted_at');
SELECT ok(public.fx_queued('household', 'rq_a')
          AND public.fx_queued('household', 'rq_b')
          AND public.fx_queued('training', 'rq_tr')
          AND public.fx_queued('special_ed', 'rq_se')
          AND public.fx_queued('teacher_fund', 'rq_f'),
    'the clerk''s new submissions of all four kinds are there');
SELECT ok(NOT public.fx_queued('household', 'rq_own'),
    'four-eyes: not the record he created');
SELECT ok(NOT public.fx_queued('household', 'rq_edit'),
    'four-eyes: not the record he edited');
SELECT ok(NOT public.fx_queued('household', 'rq_sub'),
    'four-eyes: not the record he submitted');
SELECT ok(NOT public.fx_queued('household', 'rq_tc')
          AND NOT public.fx_queued('household', 'rq_ver')
          AND NOT public.fx_queued('household', 'rq_rej'),
    'nothing of 土城镇, nothing verified or rejected');
SELECT results_eq(
    $$SELECT kind, summary, submitted_by, submitted_by_name, version FROM eduaid.review_queue(p_limit => 1000)
       WHERE (kind, id) IN (('household', fx('rq_a')), ('training', fx('rq_tr')),
                            ('special_ed', fx('rq_se')), ('teacher_fund', fx('rq_f')))
       ORDER BY kind$$,
    $$VALUES ('household', 'TEST-RQ-A 测试户主', 'demo_clerk', '张晓梅', 2),
             ('special_ed', '测试儿童 随班就读', 'demo_clerk', '张晓梅', 2),
             ('teacher_fund', '测试教师 励耕计划 5000', 'demo_clerk', '张晓梅', 2),
             ('training', '测试学员 电子商务', 'demo_clerk', '张晓梅', 2)$$,
    'summary lines, submitter, submitter''s name and version of each kind');
SET SESSION AUTHORIZATION officer_100;
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.review_queue(p_limit => 1000)$$,
    $$SELECT kind, id FROM public.fx_q WHERE who = 'officer_100' ORDER BY n$$,
    'another officer of 城关镇 gets his own exact queue');
SELECT ok(public.fx_queued('household', 'rq_own')
          AND public.fx_queued('household', 'rq_edit')
          AND public.fx_queued('household', 'rq_sub'),
    '... with the three records demo_officer may not review');
SET SESSION AUTHORIZATION officer_103;
SELECT is_empty(
    $$SELECT 1 FROM eduaid.review_queue(p_limit => 1000) WHERE township_id <> 420325103$$,
    'the officer of 土城镇 sees only 土城镇');

-- ==== paging ================================================================
SET SESSION AUTHORIZATION demo_officer;
-- The fixtures were submitted in one transaction: equal waiting_since
-- across kinds, so page boundaries fall between kinds at the same time.
SELECT cmp_ok((SELECT count(DISTINCT kind)::int FROM public.fx_q
                WHERE who = 'demo_officer' AND since = (SELECT max(since) FROM public.fx_q WHERE who = 'demo_officer')),
              '=', 4, 'the newest rows share one waiting_since across all four kinds');
SELECT results_eq(
    $$SELECT kind, id FROM public.fx_pages(1)$$,
    $$SELECT kind, id FROM eduaid.review_queue(p_limit => 1000)$$,
    'pages of one row, each after the last, give the whole queue: no gap, no overlap');
SELECT results_eq(
    $$SELECT kind, id FROM public.fx_pages(3)$$,
    $$SELECT kind, id FROM eduaid.review_queue(p_limit => 1000)$$,
    'pages of three rows give the whole queue');
SELECT results_eq(
    $$(SELECT kind, id FROM eduaid.review_queue(p_limit => 5))
      UNION ALL
      (SELECT q.kind, q.id FROM (SELECT * FROM eduaid.review_queue(p_limit => 5) OFFSET 4) AS l
         CROSS JOIN LATERAL eduaid.review_queue(p_after_since => l.waiting_since, p_after_kind => l.kind,
                                                p_after_id => l.id, p_limit => 5) AS q)$$,
    $$SELECT kind, id FROM eduaid.review_queue(p_limit => 10)$$,
    'page 2 continues page 1 (first ten rows)');
SELECT is((SELECT count(*)::int FROM eduaid.review_queue(p_limit => 0)), 0, 'p_limit 0: no rows');
SELECT is((SELECT count(*)::int FROM eduaid.review_queue()),
          least(50, (SELECT count(*)::int FROM public.fx_q WHERE who = 'demo_officer')),
          'the default page holds 50 rows (or the whole queue)');

-- ==== filters ===============================================================
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.review_queue(p_kind => 'training', p_limit => 1000)$$,
    $$SELECT kind, id FROM public.fx_q WHERE who = 'demo_officer' AND kind = 'training' ORDER BY n$$,
    'p_kind: only that kind');
SELECT results_eq(
    $$SELECT kind, id FROM public.fx_pages(2, kind_filter => 'household')$$,
    $$SELECT kind, id FROM public.fx_q WHERE who = 'demo_officer' AND kind = 'household' ORDER BY n$$,
    'p_kind with keyset pages');
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.review_queue(p_township => 420325100, p_limit => 1000)$$,
    $$SELECT kind, id FROM eduaid.review_queue(p_limit => 1000)$$,
    'p_township: his own township is his whole queue');
SELECT is_empty($$SELECT 1 FROM eduaid.review_queue(p_township => 420325103)$$,
    'p_township: a township he does not see gives no rows');
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.review_queue(p_min_wait => '1 day', p_limit => 1000)$$,
    $$SELECT kind, id FROM public.fx_q WHERE who = 'demo_officer' AND since <= now() - interval '1 day' ORDER BY n$$,
    'p_min_wait: those that waited at least a day');
SELECT is_empty(
    $$SELECT 1 FROM eduaid.review_queue(p_min_wait => '1 day', p_limit => 1000)
       WHERE kind = 'household' AND id = fx('rq_a')$$,
    'p_min_wait: not what was submitted just now');
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.review_queue(p_search => 'TEST-RQ-A')$$,
    $$VALUES ('household', fx('rq_a'))$$,
    'p_search: a prefix of the summary (household number)');
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.review_queue(p_search => '  测试学员 电子')$$,
    $$VALUES ('training', fx('rq_tr'))$$,
    'p_search: a prefix of the summary (trainee and course), blanks around ignored');
SELECT ok((SELECT bool_and(q.id = fx('rq_se') OR starts_with(q.summary, fx('rq_se')::text))
                  AND bool_or(q.kind = 'special_ed' AND q.id = fx('rq_se'))
             FROM eduaid.review_queue(p_search => fx('rq_se')::text, p_limit => 1000) AS q),
    'p_search: an exact record number finds that record (and summaries starting with it)');
SELECT is_empty($$SELECT 1 FROM eduaid.review_queue(p_search => 'TEST-RQ-OWN')$$,
    'p_search does not reach past four-eyes');
SELECT throws_ok($$SELECT * FROM eduaid.review_queue(p_kind => 'house')$$, 'EA010', NULL,
    'an unknown kind is EA010');

-- ==== the supervisor's queue =================================================
SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.review_queue(p_limit => 1000)$$,
    $$SELECT kind, id FROM public.fx_q WHERE who = 'demo_supervisor' ORDER BY n$$,
    'demo_supervisor gets exactly the verified records of the county minus four-eyes, oldest first');
SELECT ok((SELECT count(DISTINCT township_id) > 1 AND bool_and(status = 'verified')
             FROM eduaid.review_queue(p_limit => 1000)),
    'verified rows of several townships');
SELECT ok(public.fx_queued('household', 'rq_ver')
          AND public.fx_queued('household', 'rq_tc'),
    'the newly verified records of 城关镇 and 土城镇 are there');
SELECT ok(NOT public.fx_queued('household', 'rq_sedit')
          AND NOT public.fx_queued('household', 'rq_a'),
    'four-eyes: not the record she edited; nothing merely submitted');
SELECT ok((SELECT bool_and(q.waiting_since = f.since) FROM eduaid.review_queue(p_limit => 1000) q
             JOIN public.fx_q f ON f.who = 'demo_supervisor' AND f.kind = q.kind AND f.id = q.id),
    'waiting_since is verified_at');
SELECT results_eq(
    $$SELECT summary, submitted_by, submitted_by_name, township FROM eduaid.review_queue(p_limit => 1000)
       WHERE kind = 'household' AND id IN (fx('rq_ver'), fx('rq_tc')) ORDER BY id$$,
    $$VALUES ('TEST-RQ-VER 测试户主', 'demo_clerk', '张晓梅', '城关镇'),
             ('TEST-RQ-TC 测试户主', 'demo_clerk2', '李建国', '土城镇')$$,
    'the supervisor''s rows carry summary, submitter and township names');
SELECT results_eq(
    $$SELECT kind, id FROM public.fx_pages(7)$$,
    $$SELECT kind, id FROM eduaid.review_queue(p_limit => 1000)$$,
    'the county queue in keyset pages of seven: no gap, no overlap');
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.review_queue(p_township => 420325103, p_limit => 1000)$$,
    $$SELECT kind, id FROM public.fx_q WHERE who = 'demo_supervisor' AND township_id = 420325103 ORDER BY n$$,
    'p_township: the supervisor''s queue of one township');
SELECT results_eq(
    $$SELECT kind, id FROM public.fx_pages(2, 420325100)$$,
    $$SELECT kind, id FROM public.fx_q WHERE who = 'demo_supervisor' AND township_id = 420325100 ORDER BY n$$,
    '... in keyset pages too');
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.review_queue(p_kind => 'special_ed', p_min_wait => '30 days', p_limit => 1000)$$,
    $$SELECT kind, id FROM public.fx_q WHERE who = 'demo_supervisor' AND kind = 'special_ed'
         AND since <= now() - interval '30 days' ORDER BY n$$,
    'p_kind and p_min_wait together');
SELECT ok(public.fx_ordered('SELECT * FROM eduaid.review_queue(p_limit => 1000)'),
    'the county queue comes in (waiting_since, kind, id) order');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.review_queue(p_limit => 1000)$$,
    $$SELECT kind, id FROM public.fx_q WHERE who = 'demo_supervisor2' ORDER BY n$$,
    'demo_supervisor2 gets her exact queue ...');
SELECT ok(public.fx_queued('household', 'rq_sedit'),
    '... with the record demo_supervisor edited');

-- ==== nobody else has a queue ================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT * FROM eduaid.review_queue()$$, '42501', NULL,
    'a clerk may not call review_queue (permission denied)');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT * FROM eduaid.review_queue()$$, '42501', NULL,
    'nor the admin');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$SELECT * FROM eduaid.review_queue()$$, '42501', NULL,
    'nor the auditor');
RESET SESSION AUTHORIZATION;
SELECT is_empty($$SELECT 1 FROM eduaid.review_queue()$$,
    'the superuser (no eduaid user) has no queue');
SELECT is((SELECT sum(waiting)::int FROM eduaid.queue_counts()), 0,
    '... and counts nothing waiting');

-- ==== queue_counts ============================================================
SET SESSION AUTHORIZATION demo_officer;
SELECT ok(public.fx_counts_agree(), 'queue_counts agrees with review_queue for demo_officer');
SELECT is((SELECT array_agg(kind) FROM eduaid.queue_counts()),
          ARRAY['household', 'household_year', 'training', 'special_ed', 'teacher_fund', 'pairing',
                'admission'],
          'all seven kinds, in the contract''s order');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT ok(public.fx_counts_agree(), 'queue_counts agrees with review_queue for demo_supervisor');
SET SESSION AUTHORIZATION officer_103;
SELECT ok(public.fx_counts_agree(), 'and for the officer of 土城镇');
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq($$SELECT kind, waiting FROM eduaid.queue_counts()$$,
    $$VALUES ('household', 0::bigint), ('household_year', 0), ('training', 0), ('special_ed', 0),
             ('teacher_fund', 0), ('pairing', 0), ('admission', 0)$$,
    'a clerk has no queue: seven zeros');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$SELECT * FROM eduaid.queue_counts()$$, '42501', NULL,
    'the auditor may not call queue_counts');

-- ==== returned_to_me ===========================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT kind, township, summary, reason, rejected_by, rejected_by_name, version
        FROM eduaid.returned_to_me() WHERE kind = 'household' AND id = fx('rq_rej')$$,
    $$VALUES ('household', '城关镇', 'TEST-RQ-REJ 测试户主', '缺少户籍证明', 'officer_100', '城关镇专干', 3)$$,
    'a clerk''s returned record: township, summary, the reason, who returned it');
RESET SESSION AUTHORIZATION;
CREATE TABLE public.fx_returned AS
SELECT r.kind, r.id, r.rejected_at FROM (
    SELECT 'household' AS kind, id, status, created_by, submitted_by, rejected_at FROM eduaid.household
    UNION ALL SELECT 'household_year', id, status, created_by, submitted_by, rejected_at FROM eduaid.household_year
    UNION ALL SELECT 'training', id, status, created_by, submitted_by, rejected_at FROM eduaid.training_enrollment
    UNION ALL SELECT 'special_ed', id, status, created_by, submitted_by, rejected_at FROM eduaid.special_ed_plan
    UNION ALL SELECT 'teacher_fund', id, status, created_by, submitted_by, rejected_at FROM eduaid.teacher_fund_application) AS r
 WHERE r.status = 'rejected' AND 'demo_clerk' IN (r.created_by, r.submitted_by);
GRANT SELECT ON public.fx_returned TO PUBLIC;
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT kind, id FROM eduaid.returned_to_me(1000)$$,
    $$SELECT kind, id FROM public.fx_returned ORDER BY rejected_at DESC, kind COLLATE "C", id$$,
    'exactly the rejected records demo_clerk created or submitted, newest rejection first');
SELECT is((SELECT count(*)::int FROM eduaid.returned_to_me(2)), 2, 'p_limit caps the list');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is_empty($$SELECT 1 FROM eduaid.returned_to_me() WHERE id = fx('rq_rej') AND kind = 'household'$$,
    'another clerk does not get it');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT * FROM eduaid.returned_to_me()$$, '42501', NULL,
    'supervisors may not call returned_to_me');

-- ==== record_history ===========================================================
-- One household's life: insert, edit, a member, submit, returned with a
-- reason, edits of the household and the member, submit, verify, approve,
-- reopen with a reason, an edit after the reopen.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('rq_h', 420325100) \gset
SELECT fx_rowcount($$UPDATE eduaid.household SET head_name = '改名户主' WHERE id = fx('rq_h')$$) \gset
SELECT fx_student('rq_hs', 'rq_h') \gset
SELECT eduaid.submit('household', fx('rq_h')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.reject('household', fx('rq_h'), '缺少学籍证明') \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_rowcount($$UPDATE eduaid.household SET family_size = 5 WHERE id = fx('rq_h')$$),
       fx_rowcount($$UPDATE eduaid.student SET disability_type = 'visual', disability_grade = 2, left_behind = true WHERE id = fx('rq_hs')$$) \gset
SELECT is(eduaid.last_approved('household', fx('rq_h')), NULL::jsonb,
    'last_approved is NULL before any approval');
SELECT eduaid.submit('household', fx('rq_h')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household', fx('rq_h')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household', fx('rq_h')) \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT eduaid.reopen('household', fx('rq_h'), '户主姓名有误') \gset
SELECT fx_rowcount($$UPDATE eduaid.household SET head_name = '再改户主' WHERE id = fx('rq_h')$$) \gset
RESET SESSION AUTHORIZATION;
CREATE TABLE public.fx_ids AS
SELECT h.head_id_number AS head, s.id_number AS member, h.head_id_number_masked AS head_masked,
       s.id_number_masked AS member_masked
  FROM eduaid.household h JOIN eduaid.student s ON s.household_id = h.id
 WHERE h.id = fx('rq_h');
GRANT SELECT ON public.fx_ids TO PUBLIC;

SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq(
    $$SELECT table_name, action, actor, actor_name, reason FROM eduaid.record_history('household', fx('rq_h'))$$,
    $$VALUES ('household', 'insert', 'demo_clerk', '张晓梅', NULL::text),
             ('household', 'update', 'demo_clerk', '张晓梅', NULL),
             ('student', 'insert', 'demo_clerk', '张晓梅', NULL),
             ('household', 'submit', 'demo_clerk', '张晓梅', NULL),
             ('household', 'reject', 'demo_officer', '王德明', '缺少学籍证明'),
             ('household', 'update', 'demo_clerk', '张晓梅', NULL),
             ('student', 'update', 'demo_clerk', '张晓梅', NULL),
             ('household', 'submit', 'demo_clerk', '张晓梅', NULL),
             ('household', 'verify', 'demo_officer', '王德明', NULL),
             ('household', 'approve', 'demo_supervisor', '赵丽华', NULL),
             ('household', 'reopen', 'demo_clerk', '张晓梅', '户主姓名有误'),
             ('household', 'update', 'demo_clerk', '张晓梅', NULL)$$,
    'every step of the household''s life, its member''s included, with who and the reasons');
SELECT ok((SELECT bool_and(h.at <= h.next_at)
             FROM (SELECT r.at, lead(r.at) OVER () AS next_at
                     FROM eduaid.record_history('household', fx('rq_h')) AS r) AS h
            WHERE h.next_at IS NOT NULL),
    'entries in time order');
SELECT results_eq(
    $$SELECT changes FROM eduaid.record_history('household', fx('rq_h')) WHERE action = 'update' AND table_name = 'household'$$,
    $$VALUES ('{"head_name": ["测试户主", "改名户主"]}'::jsonb), ('{"family_size": [4, 5]}'),
             ('{"head_name": ["改名户主", "再改户主"]}')$$,
    'each edit shows exactly the fields it changed, old and new');
SELECT results_eq(
    $$SELECT changes FROM eduaid.record_history('household', fx('rq_h')) WHERE table_name = 'student' AND action = 'update'$$,
    $$VALUES ('{"disability_type": [null, "visual"], "disability_grade": [null, 2], "left_behind": [false, true]}'::jsonb)$$,
    'the member''s edit, in the household''s history, values typed as in the row');
SELECT is_empty(
    $$SELECT action FROM eduaid.record_history('household', fx('rq_h'))
       WHERE action IN ('submit', 'reject', 'verify', 'approve', 'reopen') AND changes <> '{}'$$,
    'transitions list no changed fields (the workflow columns are left out)');
SELECT ok((SELECT changes -> 'head_name' = '[null, "测试户主"]' AND changes -> 'household_no' = '[null, "TEST-RQ-H"]'
                  AND changes -> 'head_id_number' = jsonb_build_array(NULL, (SELECT head FROM public.fx_ids))
                  AND changes -> 'status' = '[null, "draft"]'
                  AND NOT changes ?| ARRAY['version', 'updated_at', 'updated_by', 'editors', 'head_id_number_masked']
                  AND NOT changes ? 'notes'
             FROM eduaid.record_history('household', fx('rq_h')) WHERE action = 'insert' AND table_name = 'household'),
    'the insert lists the values entered (old null), no bookkeeping, no empty fields');
SELECT ok((SELECT changes -> 'id_number' ->> 1 = (SELECT member FROM public.fx_ids)
             FROM eduaid.record_history('household', fx('rq_h')) WHERE action = 'insert' AND table_name = 'student'),
    'a clerk reads the member''s full ID number in the history');

SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT count(*)::int FROM eduaid.record_history('household', fx('rq_h'))), 12,
    'a supervisor gets the whole history too ...');
SELECT is_empty(
    $$SELECT 1 FROM eduaid.record_history('household', fx('rq_h')) h, public.fx_ids i
       WHERE h.changes::text LIKE '%' || i.head || '%' OR h.changes::text LIKE '%' || i.member || '%'
          OR h.changes::text LIKE '%' || left(i.member, 14) || '%'$$,
    '... with no full ID number anywhere in it');
SELECT ok((SELECT changes -> 'id_number' ->> 1 = (SELECT member_masked FROM public.fx_ids)
                  AND changes -> 'birth_date' ->> 1 = '2014-**-**'
             FROM eduaid.record_history('household', fx('rq_h')) WHERE action = 'insert' AND table_name = 'student'),
    '... but their masks (and birth years only)');
SELECT results_eq(
    $$SELECT changes FROM eduaid.record_history('household', fx('rq_h')) WHERE action = 'update' AND table_name = 'household'$$,
    $$VALUES ('{"head_name": ["测试户主", "改名户主"]}'::jsonb), ('{"family_size": [4, 5]}'),
             ('{"head_name": ["改名户主", "再改户主"]}')$$,
    '... and the same changes of fields that are not personal');

SET SESSION AUTHORIZATION demo_auditor;
SELECT ok((SELECT count(*) = 12 AND bool_or(changes -> 'head_id_number' ->> 1 = (SELECT head FROM public.fx_ids))
             FROM eduaid.record_history('household', fx('rq_h'))),
    'the auditor reads the whole history, unmasked');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is_empty($$SELECT 1 FROM eduaid.record_history('household', fx('rq_h'))$$,
    'a clerk of another township gets no history of a record she cannot see');
SET SESSION AUTHORIZATION demo_officer;
SELECT is((SELECT count(*)::int FROM eduaid.record_history('training', fx('rq_tr'))), 2,
    'another kind: the training enrollment''s insert and submit');
SELECT throws_ok($$SELECT * FROM eduaid.record_history('house', 1)$$, 'EA010', NULL,
    'record_history: an unknown kind is EA010');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT * FROM eduaid.record_history('household', fx('rq_h'))$$, '42501', NULL,
    'the admin may not read histories');

-- ==== last_approved ============================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT ok((SELECT eduaid.last_approved('household', fx('rq_h')) ->> 'head_name' = '改名户主'
                  AND eduaid.last_approved('household', fx('rq_h')) ->> 'status' = 'approved'
                  AND eduaid.last_approved('household', fx('rq_h')) ->> 'family_size' = '5'
                  AND h.head_name = '再改户主' AND h.status = 'draft'
             FROM eduaid.household h WHERE h.id = fx('rq_h')),
    'after a reopen and an edit, last_approved holds the values as approved');
SELECT is(eduaid.last_approved('household', fx('rq_a')), NULL::jsonb,
    'a record never approved: NULL');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT ok((SELECT eduaid.last_approved('household', fx('rq_h')) ->> 'head_id_number' = head_masked
                  AND eduaid.last_approved('household', fx('rq_h')) ->> 'head_name' = '改名户主'
             FROM public.fx_ids),
    'a supervisor gets it masked');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is(eduaid.last_approved('household', fx('rq_h')), NULL::jsonb,
    'a record the caller cannot see: NULL');
-- approved a second time: the newer approval counts
SET SESSION AUTHORIZATION demo_clerk;
SELECT eduaid.submit('household', fx('rq_h')) \gset
SET SESSION AUTHORIZATION officer_100;
SELECT eduaid.verify('household', fx('rq_h')) \gset
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT eduaid.approve('household', fx('rq_h')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT is(eduaid.last_approved('household', fx('rq_h')) ->> 'head_name', '再改户主',
    'approved again: last_approved follows the latest approval');

-- ==== names: the user directory scopes by county ================================
RESET SESSION AUTHORIZATION;
INSERT INTO eduaid.county (id, name) VALUES (429999, '测试县');
INSERT INTO eduaid.township (id, county_id, name) VALUES (429999100, 429999, '测试镇');
SELECT eduaid.create_user('rq_far', '远方录入员', 'clerk', 429999, '{429999100}') \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT ok((SELECT count(*) FILTER (WHERE login = 'rq_far') = 0
                  AND count(*) FILTER (WHERE login = 'demo_officer' AND full_name = '王德明') = 1
             FROM eduaid.user_directory),
    'user_directory: the names of my county, none of another');
SET SESSION AUTHORIZATION rq_far;
SELECT is((SELECT array_agg(login) FROM eduaid.user_directory), ARRAY['rq_far'],
    'user_directory: a user of the other county sees only that county');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
