-- sql/repeatable/36_review_queue.sql: the review queue and its counts,
-- generated from the workflow tables (eduaid.record_status,
-- eduaid.workflow_step, 023_workflow_data.sql; the rules they encode:
-- 22_workflow_steps.sql) by eduaid.review_queue_build(), here and again
-- whenever either table changes (trigger z_review_queue). Re-applied on
-- every migrate; the one definition of review_queue_build(),
-- review_queue(), queue_counts() and workflow_changed(). After
-- 30_review.sql and 33_notice.sql (placement_label, queue_after_id).
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The review queue (docs/review-contract.md; the indexes: 010_review.sql
-- and 016_index_scope.sql) and its counts, generated from the workflow
-- tables.
--
-- The design, as it was when the queue was written by hand (the generated
-- statements keep it):
--
-- Waiting for my action: for an officer the submitted records of his
-- township, for a supervisor the verified records of the county; nobody
-- else has a queue (no rows). Four-eyes as in eduaid.transition(): an
-- officer never sees what he created, edited or submitted, a supervisor
-- what she created, edited or verified. waiting_since is submitted_at
-- (officers) or verified_at (supervisors). Rows come oldest first, ordered
-- by (waiting_since, kind, id) with kinds in "C" order; the next page
-- starts after the last row of this one (p_after_since, p_after_kind,
-- p_after_id; p_after_since NULL: the first page). p_min_wait keeps rows
-- that have waited at least that long; p_search keeps rows whose summary
-- starts with it or whose id it is, and households whose head's name
-- starts with it (surrounding blanks ignored); a
-- p_township I do not see gives no rows; an unknown p_kind is EA010.
-- Pages hold at most 1000 rows.
--
-- The body is one statement per way of reading the indexes, generated
-- below from one template so that the four stay alike:
--   officer,    one township    <table>_submitted_idx, township_id = v_town
--   officer,    several         (officers have one; if not: sorted, slower)
--   supervisor, one township    <table>_verified_idx, township_id = v_town
--   supervisor, whole county    <table>_verified_idx, one township at a time
--                               (below), or with a search: RLS keeps the county
-- In each, every kind is a branch "ORDER BY <since>, id LIMIT page" over its
-- index, with all conditions but four-eyes and search in the index scan;
-- the planner merges the branches in order (Merge Append), sorts equal
-- times by kind (Incremental Sort) and stops after a page. The plans are
-- generic (plan_cache_mode: planned once a session, not at every call);
-- their row estimates are poor (RLS's township condition comes on top of
-- ours), and without enable_sort = off a branch may be read whole and
-- sorted instead of read in index order (1 ms, not 0.2). The branch of
-- households for an officer's township reads (v_*: the function's
-- variables):
--
--   (SELECT 'household'::text AS kind, x.id, x.version, x.status, x.township_id,
--           concat_ws(' ', x.household_no, x.head_name) AS summary,
--           x.submitted_by AS actor, x.submitted_at AS since
--      FROM eduaid.household x
--     WHERE (p_kind IS NULL OR p_kind = 'household')
--       AND x.status = 'submitted' AND x.township_id = v_town
--       AND (x.submitted_at, x.id) > (v_since, v_after_household)
--       AND x.submitted_at <= v_until
--       AND x.created_by <> v_me AND x.submitted_by IS DISTINCT FROM v_me
--       AND NOT v_me = ANY (x.editors)
--       AND (v_search IS NULL OR x.id = v_id
--            OR starts_with(concat_ws(' ', x.household_no, x.head_name), v_search))
--     ORDER BY x.submitted_at, x.id LIMIT v_limit)
--
-- Township and user names come from one map (jsonb: login -> full name,
-- township id -> name) of the county's users and the townships the page
-- can hold, built once per call: cheaper than a join per row of the page.
-- Officer or supervisor is the login's group (pg_has_role: no query); only
-- an officer's township is looked up (my_townships()).
--
-- A supervisor's whole county, the fifth statement: no index runs across
-- townships (016_index_scope.sql), so each kind takes the first page of
-- every township of the county from <table>_verified_idx (township_id,
-- verified_at, id) -- a LATERAL top-N per township, index only -- keeps
-- the first page of those and reads just those rows.
--
-- A search (issue 16: 3.7 s for a supervisor's county of 1,000,000
-- households, when starts_with(summary), not leakproof, was a filter over
-- the whole queue read in order) has statements of its own, the sixth to
-- eighth and the fourth (officer one township, officer several,
-- supervisor one township, supervisor county): each kind's branch first
-- finds the candidates in a subquery of its own (OFFSET 0) through
-- leakproof comparisons on indexes that lead with township_id -- the id,
-- and the first word of the search text as a "C"-order prefix range of
-- the summary's first part (the household number, a household's number
-- through household, the trainee's or child's name, the teacher's name
-- through teacher: a summary starting with the text has a first part
-- starting with its first word), for a household also its head's name by
-- the whole text (057_queue_search.sql) -- then keeps those in the queue
-- whose summary starts with the text (or whose head's name does), in
-- queue order.
--
-- A role's queue holds, for each state a four-eyes step of that role
-- leaves (not by_notice; officers and supervisors: clerks have no
-- queue), the records of each kind those steps apply to; waiting since
-- the state's <stamp>_at (updated_at without a stamp); leaving out what
-- I created or edited and, for each four_eyes of those steps, what I am
-- the <four_eyes>_by of. Today: officers, submitted since submitted_at,
-- not submitted by me; supervisors, verified since verified_at, not
-- verified by me -- the partial indexes of 010 hold exactly those.
--
-- The statements, per role: an officer's township (1) or all of his
-- townships (2); a supervisor's one township (3), a search through the
-- county (4), the county read one township at a time (5: a LATERAL top-N
-- per township from <table>_<state>_idx, index only, cut at the page).
-- Each is a UNION ALL of one branch per (state, kind), ordered by
-- (since, kind, id) and cut at the page: keyset paging as before.
CREATE OR REPLACE FUNCTION eduaid.review_queue_build() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $build$
DECLARE
    -- kind, table, joins, summary, keyset variable, the columns the
    -- summary reads, a condition of its own (@ for the table alias), and
    -- a search's candidates (@ for the table alias): what can match,
    -- found through indexes (below, "A search")
    kindsql constant text[][] := ARRAY[
        ARRAY['household', 'household', '',
              $$concat_ws(' ', x.household_no, x.head_name)$$, 'v_after_household',
              'y.household_no, y.head_name', '',
              $$@.id = v_id
                OR (@.household_no COLLATE "C" >= v_search1
                    AND @.household_no COLLATE "C" < v_search1 || chr(1114111))
                OR (@.head_name COLLATE "C" >= v_search
                    AND @.head_name COLLATE "C" < v_search || chr(1114111))$$],
        ARRAY['household_year', 'household_year',
              ' LEFT JOIN eduaid.household h ON h.id = x.household_id',
              $$concat_ws(' ', h.household_no, h.head_name, x.school_year)$$,
              'v_after_household_year', 'y.household_id, y.school_year', '',
              $$@.id = v_id
                OR @.household_id = ANY (ARRAY(
                       SELECT hs.id FROM eduaid.household hs
                        WHERE hs.household_no COLLATE "C" >= v_search1
                          AND hs.household_no COLLATE "C" < v_search1 || chr(1114111)))$$],
        ARRAY['training', 'training_enrollment',
              ' LEFT JOIN eduaid.training_course c ON c.id = x.course_id',
              $$concat_ws(' ', x.trainee_name, c.name)$$, 'v_after_training',
              'y.trainee_name, y.course_id', '',
              $$@.id = v_id
                OR (@.trainee_name COLLATE "C" >= v_search1
                    AND @.trainee_name COLLATE "C" < v_search1 || chr(1114111))$$],
        ARRAY['special_ed', 'special_ed_plan', '',
              $$concat_ws(' ', x.child_name, eduaid.placement_label(x.placement))$$,
              'v_after_special_ed', 'y.child_name, y.placement', '',
              $$@.id = v_id
                OR (@.child_name COLLATE "C" >= v_search1
                    AND @.child_name COLLATE "C" < v_search1 || chr(1114111))$$],
        ARRAY['teacher_fund', 'teacher_fund_application',
              ' LEFT JOIN eduaid.teacher te ON te.township_id = x.township_id AND te.id = x.teacher_id'
              ' LEFT JOIN eduaid.fund_program fp ON fp.id = x.program_id',
              $$concat_ws(' ', te.name, fp.name, x.amount_requested)$$, 'v_after_teacher_fund',
              'y.teacher_id, y.program_id, y.amount_requested', '',
              $$@.id = v_id
                OR @.teacher_id = ANY (ARRAY(
                       SELECT ts.id FROM eduaid.teacher ts
                        WHERE ts.name COLLATE "C" >= v_search1
                          AND ts.name COLLATE "C" < v_search1 || chr(1114111)))$$],
        -- issue 15 H1: the pair agreement, summed up by its pair's title
        -- and the day it was signed. The other sides of a pair read its
        -- agreement (38_policies.sql) but only its home township's
        -- officers verify it (transition() finds records in
        -- my_townships()): the queue and its counts keep to those.
        ARRAY['pairing', 'pair_agreement',
              ' LEFT JOIN eduaid.pair pr ON pr.township_id = x.township_id AND pr.id = x.pair_id',
              $$concat_ws(' ', pr.title, x.signed_on)$$, 'v_after_pairing',
              'y.pair_id, y.signed_on',
              ' AND @.township_id = ANY ((SELECT eduaid.my_townships())::int[])',
              'true'],
        -- issue 17 H4: 定向招生 applications (061_admission.sql), summed
        -- up by the student's name, the plan and the 高考 year; a search
        -- finds them by id or by the summary (every application a
        -- candidate: a township holds few)
        ARRAY['admission', 'admission',
              ' LEFT JOIN eduaid.student st ON st.township_id = x.township_id AND st.id = x.student_id',
              $$concat_ws(' ', st.name, eduaid.admission_plan_label(x.plan), x.exam_year)$$,
              'v_after_admission', 'y.student_id, y.plan, y.exam_year', '', 'true']];
    mine constant text := 't.county_id = (SELECT d.county_id FROM eduaid.user_directory d '
                          'WHERE d.login = session_user)';
    -- statement: role, township condition, the townships whose names the
    -- page may need, per-township top-N
    -- top-N, a search
    modes constant text[][] := ARRAY[
        ARRAY['officer', ' AND x.township_id = v_town', 't.id = v_town', 'f', 'f'],
        ARRAY['officer', '', mine, 'f', 'f'],
        ARRAY['supervisor', ' AND x.township_id = v_town', 't.id = v_town', 'f', 'f'],
        ARRAY['supervisor', '', mine, 'f', 't'],
        ARRAY['supervisor', '', mine, 't', 'f'],
        ARRAY['officer', ' AND x.township_id = v_town', 't.id = v_town', 'f', 't'],
        ARRAY['officer', '', mine, 'f', 't'],
        ARRAY['supervisor', ' AND x.township_id = v_town', 't.id = v_town', 'f', 't']];
    q       record;
    eyes_tpl text;     -- the four-eyes conditions, @ for the table alias
    since   text;
    stmt    text[] := '{}';
    branches text[];
    counts  text[] := '{}';
BEGIN
    FOR m IN 1 .. 8 LOOP
        branches := '{}';
        FOR q IN
            SELECT w.from_status AS status, s.stamp, s.sort_order,
                   array_agg(DISTINCT w.four_eyes ORDER BY w.four_eyes)
                       FILTER (WHERE w.four_eyes <> 'created') AS eyes
              FROM eduaid.workflow_step w
              JOIN eduaid.record_status s ON s.code = w.from_status
             WHERE w.role = modes[m][1] AND w.four_eyes IS NOT NULL AND NOT w.by_notice
             GROUP BY w.from_status, s.stamp, s.sort_order
             ORDER BY s.sort_order
        LOOP
            since := coalesce(q.stamp, 'updated') || '_at';
            eyes_tpl := '@.created_by <> v_me'
                || coalesce((SELECT string_agg(format(' AND @.%I IS DISTINCT FROM v_me', e || '_by'), ''
                                               ORDER BY e)
                               FROM unnest(q.eyes) AS e), '')
                || ' AND NOT v_me = ANY (@.editors)';
            FOR k IN 1 .. array_length(kindsql, 1) LOOP
                CONTINUE WHEN NOT EXISTS (
                    SELECT FROM eduaid.workflow_step w
                     WHERE w.role = modes[m][1] AND w.from_status = q.status
                       AND w.four_eyes IS NOT NULL AND NOT w.by_notice
                       AND (w.kinds IS NULL OR kindsql[k][1] = ANY (w.kinds)));
                IF modes[m][4] = 't' THEN
                    -- one township at a time: the first v_limit of each,
                    -- up to a bound (the v_limit-th of the first
                    -- v_per_town of each township: index only, the index
                    -- carries the four-eyes columns), the first v_limit of
                    -- those
                    branches := branches || format($$
                    (SELECT %1$L::text AS kind, x.id, x.version, x.status, x.township_id,
                            %4$s AS summary, x.submitted_by AS actor, x.%8$I AS since
                       FROM (SELECT w.*
                               FROM unnest(v_towns) AS tw(id)
                              CROSS JOIN LATERAL (
                                    SELECT y.id, y.version, y.status, y.township_id, y.submitted_by,
                                           y.%8$I, %6$s
                                      FROM eduaid.%2$I y
                                     WHERE (p_kind IS NULL OR p_kind = %1$L)
                                       AND y.status = %7$L AND y.township_id = tw.id
                                       AND (y.%8$I, y.id) > (v_since, %5$s)
                                       AND y.%8$I <= (SELECT coalesce((
                                           SELECT b.%8$I
                                             FROM unnest(v_towns) AS bt(id)
                                            CROSS JOIN LATERAL (
                                                  SELECT z.%8$I, z.id FROM eduaid.%2$I z
                                                   WHERE z.status = %7$L AND z.township_id = bt.id
                                                     AND (z.%8$I, z.id) > (v_since, %5$s)
                                                     AND z.%8$I <= v_until
                                                     AND %9$s%11$s
                                                   ORDER BY z.%8$I, z.id LIMIT v_per_town) AS b
                                            ORDER BY b.%8$I, b.id OFFSET v_limit - 1 LIMIT 1),
                                           v_until))
                                       AND %10$s%12$s
                                     ORDER BY y.%8$I, y.id LIMIT v_limit) AS w
                              ORDER BY w.%8$I, w.id LIMIT v_limit) AS x%3$s
                      ORDER BY x.%8$I, x.id LIMIT v_limit)$$,
                        kindsql[k][1], kindsql[k][2], kindsql[k][3], kindsql[k][4], kindsql[k][5],
                        kindsql[k][6], q.status, since, replace(eyes_tpl, '@.', 'z.'),
                        replace(eyes_tpl, '@.', 'y.'), replace(kindsql[k][7], '@.', 'z.'),
                        replace(kindsql[k][7], '@.', 'y.'));
                ELSIF modes[m][5] = 't' THEN
                    -- a search: the candidates from their indexes (a
                    -- subquery of its own, so that the planner reads them
                    -- there, not the whole queue in order), then the
                    -- queue's conditions and the summary's prefix
                    branches := branches || format($$
                    (SELECT %1$L::text AS kind, x.id, x.version, x.status, x.township_id,
                            %4$s AS summary, x.submitted_by AS actor, x.%7$I AS since
                       FROM (SELECT %13$s, %14$s FROM eduaid.%2$I y WHERE %11$s OFFSET 0) AS x%3$s
                      WHERE (p_kind IS NULL OR p_kind = %1$L)
                        AND x.status = %6$L%8$s
                        AND (x.%7$I, x.id) > (v_since, %5$s) AND x.%7$I <= v_until
                        AND %9$s%10$s
                        AND (x.id = v_id OR starts_with(%4$s, v_search)%12$s)
                      ORDER BY x.%7$I, x.id LIMIT v_limit)$$,
                        kindsql[k][1], kindsql[k][2], kindsql[k][3], kindsql[k][4], kindsql[k][5],
                        q.status, since, modes[m][2], replace(eyes_tpl, '@.', 'x.'),
                        replace(kindsql[k][7], '@.', 'x.'), replace(kindsql[k][8], '@.', 'y.'),
                        CASE kindsql[k][1] WHEN 'household' THEN ' OR starts_with(x.head_name, v_search)'
                                           ELSE '' END,
                        -- (only columns the caller may read: no ID numbers)
                        (SELECT string_agg(format('y.%I', c), ', ' ORDER BY c)
                           FROM (SELECT DISTINCT unnest(ARRAY['id', 'version', 'status', 'township_id',
                                                              'submitted_by', 'created_by', 'editors', since]
                                                        || coalesce((SELECT array_agg(e || '_by')
                                                                       FROM unnest(q.eyes) AS e), '{}'))) AS a (c)),
                        kindsql[k][6]);
                ELSE
                    branches := branches || format($$
                    (SELECT %1$L::text AS kind, x.id, x.version, x.status, x.township_id,
                            %4$s AS summary, x.submitted_by AS actor, x.%7$I AS since
                       FROM eduaid.%2$I x%3$s
                      WHERE (p_kind IS NULL OR p_kind = %1$L)
                        AND x.status = %6$L%8$s
                        AND (x.%7$I, x.id) > (v_since, %5$s) AND x.%7$I <= v_until
                        AND %9$s%10$s
                      ORDER BY x.%7$I, x.id LIMIT v_limit)$$,
                        kindsql[k][1], kindsql[k][2], kindsql[k][3], kindsql[k][4], kindsql[k][5],
                        q.status, since, modes[m][2], replace(eyes_tpl, '@.', 'x.'),
                        replace(kindsql[k][7], '@.', 'x.'));
                END IF;
                -- the counts: once per role (the statements of a role
                -- read the same records)
                IF m IN (2, 4) THEN
                    counts[m / 2] := coalesce(counts[m / 2] || $$
                UNION ALL$$, '') || format($$
                SELECT %1$L::text AS kind, count(*) AS n FROM eduaid.%2$I x
                 WHERE x.status = %3$L AND %4$s%5$s$$,
                        kindsql[k][1], kindsql[k][2], q.status, replace(eyes_tpl, '@.', 'x.'),
                        replace(kindsql[k][7], '@.', 'x.'));
                END IF;
            END LOOP;
        END LOOP;
        IF cardinality(branches) = 0 THEN
            stmt := stmt || $$
        RETURN;$$::text;
            CONTINUE;
        END IF;
        stmt := stmt || format($$
        RETURN QUERY
        SELECT p.kind, p.id, p.version, p.status, p.township_id,
               m.names ->> p.township_id::text, p.summary, p.actor,
               coalesce(m.names ->> p.actor, ''), p.since
          FROM (SELECT u.*
                  FROM (%s) AS u
                 ORDER BY u.since, u.kind COLLATE "C", u.id
                 LIMIT v_limit) AS p
         CROSS JOIN (SELECT (SELECT jsonb_object_agg(n.k, n.v)
                               FROM (SELECT d.login AS k, d.full_name AS v
                                       FROM eduaid.user_directory d
                                     UNION ALL
                                     SELECT t.id::text, t.name FROM eduaid.township t
                                      WHERE %s) AS n) AS names
                     OFFSET 0) AS m
         ORDER BY p.since, p.kind COLLATE "C", p.id;$$,
            array_to_string(branches, $$
                    UNION ALL$$), modes[m][3]);
    END LOOP;

    EXECUTE format($create$
CREATE OR REPLACE FUNCTION eduaid.review_queue(
    p_kind        text        DEFAULT NULL,
    p_township    int         DEFAULT NULL,
    p_min_wait    interval    DEFAULT NULL,
    p_search      text        DEFAULT NULL,
    p_after_since timestamptz DEFAULT NULL,
    p_after_kind  text        DEFAULT NULL,
    p_after_id    bigint      DEFAULT NULL,
    p_limit       int         DEFAULT 50)
RETURNS TABLE (kind text, id bigint, version int, status text,
               township_id int, township text, summary text,
               submitted_by text, submitted_by_name text, waiting_since timestamptz)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
SET enable_sort = off
AS $body$
-- Generated by eduaid.review_queue_build() (above)
-- from the workflow tables: read the comments there.
DECLARE
    -- the group of the login (each login is in exactly one; 01_schema.sql)
    v_officer constant boolean := pg_has_role(session_user, 'eduaid_officer', 'MEMBER');
    v_supervisor constant boolean := pg_has_role(session_user, 'eduaid_supervisor', 'MEMBER');
    v_towns   int[];
    v_per_town int;
    v_town    int := p_township;
    v_me      constant text := session_user;
    v_limit   constant int := least(greatest(coalesce(p_limit, 50), 0), 1000);
    v_since   constant timestamptz := coalesce(p_after_since, '-infinity');
    v_after_household    constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('household', p_after_kind, p_after_id) END;
    v_after_household_year constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('household_year', p_after_kind, p_after_id) END;
    v_after_training     constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('training', p_after_kind, p_after_id) END;
    v_after_special_ed   constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('special_ed', p_after_kind, p_after_id) END;
    v_after_teacher_fund constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('teacher_fund', p_after_kind, p_after_id) END;
    v_after_pairing      constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('pairing', p_after_kind, p_after_id) END;
    v_after_admission    constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('admission', p_after_kind, p_after_id) END;
    v_until   constant timestamptz := coalesce(now() - p_min_wait, 'infinity');
    v_search  constant text := nullif(eduaid.tidy(p_search), '');
    -- (its first word: what the first part of a summary starts with)
    v_search1 constant text := split_part(nullif(eduaid.tidy(p_search), ''), ' ', 1);
    v_id      constant bigint := CASE WHEN eduaid.tidy(p_search) ~ '^[0-9]{1,18}$'
                                      THEN eduaid.tidy(p_search)::bigint END;
BEGIN
    IF p_kind IS NOT NULL AND eduaid.record_table(p_kind) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, household_year, training, special_ed, teacher_fund or pairing';
    END IF;
    -- neither (or both: a superuser is a "member" of every role): no queue
    IF v_limit = 0 OR v_officer = v_supervisor THEN
        RETURN;
    END IF;
    IF v_officer THEN
        v_towns := eduaid.my_townships();
        IF v_towns IS NULL OR p_township <> ALL (v_towns) THEN
            RETURN;
        END IF;
        IF v_town IS NULL AND cardinality(v_towns) = 1 THEN
            v_town := v_towns[1];
        END IF;
        IF v_search IS NOT NULL THEN
            IF v_town IS NOT NULL THEN%s
            ELSE%s
            END IF;
        ELSIF v_town IS NOT NULL THEN%s
        ELSE%s
        END IF;
    ELSE
        -- a supervisor: the county is what RLS lets me see, read one
        -- township at a time (no index runs across townships: 016); a
        -- search reads the whole queue anyway
        IF v_town IS NOT NULL AND v_search IS NOT NULL THEN%s
        ELSIF v_town IS NOT NULL THEN%s
        ELSIF v_search IS NOT NULL THEN%s
        ELSE
            v_towns := eduaid.my_townships();
            IF v_towns IS NULL THEN
                RETURN;
            END IF;
            v_per_town := v_limit / cardinality(v_towns) + 1;%s
        END IF;
    END IF;
END
$body$
$create$, stmt[6], stmt[7], stmt[1], stmt[2], stmt[8], stmt[3], stmt[4], stmt[5]);

    -- How many records wait for me, per kind: the counts review_queue()
    -- would page through without filters (every kind, 0 included, in
    -- the order household, household_year, training, special_ed,
    -- teacher_fund, pairing, admission). Clerks
    -- have no queue: zeros.
    FOR m IN 1 .. 2 LOOP
        counts[m] := CASE WHEN counts[m] IS NULL THEN $$
        RETURN QUERY
        SELECT k.kind, 0::bigint
          FROM unnest(ARRAY['household', 'household_year', 'training', 'special_ed', 'teacher_fund', 'pairing', 'admission']) AS k(kind);$$
        ELSE format($$
        RETURN QUERY
        SELECT k.kind, coalesce(c.n, 0)
          FROM unnest(ARRAY['household', 'household_year', 'training', 'special_ed', 'teacher_fund', 'pairing', 'admission'])
               WITH ORDINALITY AS k(kind, ord)
          LEFT JOIN (SELECT u.kind, sum(u.n)::bigint AS n FROM (%s) AS u GROUP BY u.kind) AS c
            ON c.kind = k.kind
         ORDER BY k.ord;$$, counts[m]) END;
    END LOOP;
    EXECUTE format($create$
CREATE OR REPLACE FUNCTION eduaid.queue_counts()
RETURNS TABLE (kind text, waiting bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $body$
-- Generated by eduaid.review_queue_build() (above)
-- from the workflow tables: read the comments there.
DECLARE
    v_me         constant text := session_user;
    v_officer    constant boolean := pg_has_role(session_user, 'eduaid_officer', 'MEMBER');
    v_supervisor constant boolean := pg_has_role(session_user, 'eduaid_supervisor', 'MEMBER');
BEGIN
    -- the login's group decides, as in review_queue(); RLS the townships
    IF v_officer AND NOT v_supervisor THEN%s
    ELSIF v_supervisor AND NOT v_officer THEN%s
    ELSE
        RETURN QUERY
        SELECT k.kind, 0::bigint
          FROM unnest(ARRAY['household', 'household_year', 'training', 'special_ed', 'teacher_fund', 'pairing', 'admission']) AS k(kind);
    END IF;
END
$body$
$create$, counts[1], counts[2]);
END
$build$;
REVOKE ALL ON FUNCTION eduaid.review_queue_build() FROM PUBLIC;

SELECT eduaid.review_queue_build();
COMMENT ON FUNCTION eduaid.review_queue(text, int, interval, text, timestamptz, text, bigint, int) IS
    'eduaid: records waiting for my verification or approval, oldest first (docs/review-contract.md)';
COMMENT ON FUNCTION eduaid.queue_counts() IS
    'eduaid: how many records of each kind wait for my review (docs/review-contract.md)';
REVOKE ALL ON FUNCTION eduaid.review_queue(text, int, interval, text, timestamptz, text, bigint, int),
    eduaid.queue_counts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    eduaid.review_queue(text, int, interval, text, timestamptz, text, bigint, int)
    TO eduaid_officer, eduaid_supervisor;
GRANT EXECUTE ON FUNCTION eduaid.queue_counts() TO eduaid_clerk, eduaid_officer, eduaid_supervisor;

-- A change of either table is a change of the queue: generate it again,
-- in the same transaction (the writer is the owner, in a migration, or a
-- superuser).
CREATE OR REPLACE FUNCTION eduaid.workflow_changed() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM eduaid.review_queue_build();
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION eduaid.workflow_changed() FROM PUBLIC;
CREATE OR REPLACE TRIGGER z_review_queue
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON eduaid.record_status
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.workflow_changed();
CREATE OR REPLACE TRIGGER z_review_queue
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON eduaid.workflow_step
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.workflow_changed();
