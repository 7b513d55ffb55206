-- repeatable/30_review.sql: the review queue and a record's history, the
-- database side of docs/review-contract.md (issue 4).
--
--   eduaid.review_queue(kind, township, min_wait, search, after..., limit)
--                                 records waiting for my verification
--                                 (officers) or approval (supervisors)
--   eduaid.queue_counts()         how many of each kind wait for me
--   eduaid.returned_to_me(limit)  rejected records I created or submitted
--   eduaid.record_history(kind, id)  every audit entry of a record, with the
--                                 fields each one changed
--   eduaid.last_approved(kind, id)   the record's row as last approved
-- (The names they show come from eduaid.user_directory, 10_scope.sql.)
--
-- Every function is SECURITY INVOKER: row-level security and the column
-- grants decide what it finds, exactly as for a query typed into psql.
-- The queue is written for speed under RLS (FIELD-NOTES): an officer's
-- township is looked up once and compared with "=", each kind is read in
-- the order of a partial index that holds only that queue, the four kinds
-- are merged (Merge Append) and cut at the page size, and names come from
-- one small map per call. Paging is by keyset (waiting_since, kind, id),
-- never OFFSET. Measured in tests/bench/queue.sh (README, "Speed").
--
-- The indexes, on each record table (partial: each holds one queue;
-- 010_review.sql):
--   <table>_submitted_idx   (township_id, submitted_at, id) WHERE submitted:
--                           an officer's queue (one township)
--   <table>_verified_idx    (township_id, verified_at, id) WHERE verified:
--                           a supervisor's queue, township by township
-- Both carry the four-eyes columns (INCLUDE created_by, the reviewer,
-- editors), so that queue_counts() is an index-only scan.
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- Small pure helpers.

-- The placement of a special-education plan, as the summary line says it.
CREATE OR REPLACE FUNCTION eduaid.placement_label(placement text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE placement
    WHEN 'special_school' THEN '特殊教育学校'
    WHEN 'regular_class' THEN '随班就读'
    WHEN 'special_class' THEN '特教班'
    WHEN 'home_delivery' THEN '送教上门'
    ELSE placement
END;

-- Keyset paging over (waiting_since, kind, id): the id after which the
-- rows of this_kind continue when the previous page ended at (since,
-- after_kind, after_id). Rows of this kind at that very time come after
-- it when this kind sorts after after_kind (all of them: the smallest
-- bigint), before it when it sorts before (none: the largest), and by id
-- when it is the same kind. Each kind's scan then starts at
-- (waiting_since, id) > (since, that id): one index range. Kinds compare
-- in "C" order, as review_queue sorts them.
CREATE OR REPLACE FUNCTION eduaid.queue_after_id(this_kind text, after_kind text, after_id bigint)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN after_kind IS NULL OR this_kind COLLATE "C" > after_kind COLLATE "C"
        THEN -9223372036854775808
    WHEN this_kind = after_kind THEN coalesce(after_id, -9223372036854775808)
    ELSE 9223372036854775807
END;

REVOKE ALL ON FUNCTION eduaid.placement_label(text), eduaid.queue_after_id(text, text, bigint)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.placement_label(text), eduaid.queue_after_id(text, text, bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;

------------------------------------------------------------------------
-- The queue.
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
-- starts with it or whose id it is (surrounding blanks ignored); a
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
-- the first page of those and reads just those rows. A search (which
-- reads the whole queue) keeps the statement without a township.
DO $do$
DECLARE
    -- kind, table, joins, summary, keyset variable, the columns the
    -- summary reads
    kinds constant text[][] := ARRAY[
        ARRAY['household', 'household', '',
              $$concat_ws(' ', x.household_no, x.head_name)$$, 'v_after_household',
              'y.household_no, y.head_name'],
        ARRAY['training', 'training_enrollment',
              ' LEFT JOIN eduaid.training_course c ON c.id = x.course_id',
              $$concat_ws(' ', x.trainee_name, c.name)$$, 'v_after_training',
              'y.trainee_name, y.course_id'],
        ARRAY['special_ed', 'special_ed_plan', '',
              $$concat_ws(' ', x.child_name, eduaid.placement_label(x.placement))$$,
              'v_after_special_ed', 'y.child_name, y.placement'],
        ARRAY['teacher_fund', 'teacher_fund_application',
              ' LEFT JOIN eduaid.teacher te ON te.township_id = x.township_id AND te.id = x.teacher_id'
              ' LEFT JOIN eduaid.fund_program fp ON fp.id = x.program_id',
              $$concat_ws(' ', te.name, fp.name, x.amount_requested)$$, 'v_after_teacher_fund',
              'y.teacher_id, y.program_id, y.amount_requested']];
    -- status, since column, reviewer column, township condition, the
    -- townships whose names the page may need
    mine constant text := 't.county_id = (SELECT d.county_id FROM eduaid.user_directory d '
                          'WHERE d.login = session_user)';
    modes constant text[][] := ARRAY[
        ARRAY['submitted', 'submitted_at', 'submitted_by', ' AND x.township_id = v_town', 't.id = v_town'],
        ARRAY['submitted', 'submitted_at', 'submitted_by', '', mine],
        ARRAY['verified', 'verified_at', 'verified_by', ' AND x.township_id = v_town', 't.id = v_town'],
        ARRAY['verified', 'verified_at', 'verified_by', '', mine],
        ARRAY['verified', 'verified_at', 'verified_by', '', mine]];
    stmt text[] := '{}';
    branches text[];
BEGIN
    FOR m IN 1 .. 5 LOOP
        branches := '{}';
        FOR k IN 1 .. 4 LOOP
            IF m = 5 THEN
                -- one township at a time: the first v_limit of each from
                -- <table>_verified_idx, up to a bound (the v_limit-th of
                -- the first v_per_town of each township: index only, it
                -- carries the four-eyes columns), the first v_limit of
                -- those
                branches := branches || format($$
                    (SELECT %1$L::text AS kind, x.id, x.version, x.status, x.township_id,
                            %4$s AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM (SELECT w.*
                               FROM unnest(v_towns) AS tw(id)
                              CROSS JOIN LATERAL (
                                    SELECT y.id, y.version, y.status, y.township_id, y.submitted_by,
                                           y.verified_at, %6$s
                                      FROM eduaid.%2$I y
                                     WHERE (p_kind IS NULL OR p_kind = %1$L)
                                       AND y.status = 'verified' AND y.township_id = tw.id
                                       AND (y.verified_at, y.id) > (v_since, %5$s)
                                       AND y.verified_at <= (SELECT coalesce((
                                           SELECT b.verified_at
                                             FROM unnest(v_towns) AS bt(id)
                                            CROSS JOIN LATERAL (
                                                  SELECT z.verified_at, z.id FROM eduaid.%2$I z
                                                   WHERE z.status = 'verified' AND z.township_id = bt.id
                                                     AND (z.verified_at, z.id) > (v_since, %5$s)
                                                     AND z.verified_at <= v_until
                                                     AND z.created_by <> v_me
                                                     AND z.verified_by IS DISTINCT FROM v_me
                                                     AND NOT v_me = ANY (z.editors)
                                                   ORDER BY z.verified_at, z.id LIMIT v_per_town) AS b
                                            ORDER BY b.verified_at, b.id OFFSET v_limit - 1 LIMIT 1),
                                           v_until))
                                       AND y.created_by <> v_me AND y.verified_by IS DISTINCT FROM v_me
                                       AND NOT v_me = ANY (y.editors)
                                     ORDER BY y.verified_at, y.id LIMIT v_limit) AS w
                              ORDER BY w.verified_at, w.id LIMIT v_limit) AS x%3$s
                      ORDER BY x.verified_at, x.id LIMIT v_limit)$$,
                    kinds[k][1], kinds[k][2], kinds[k][3], kinds[k][4], kinds[k][5], kinds[k][6]);
                CONTINUE;
            END IF;
            branches := branches || format($$
                    (SELECT %1$L::text AS kind, x.id, x.version, x.status, x.township_id,
                            %4$s AS summary, x.submitted_by AS actor, x.%7$I AS since
                       FROM eduaid.%2$I x%3$s
                      WHERE (p_kind IS NULL OR p_kind = %1$L)
                        AND x.status = %6$L%9$s
                        AND (x.%7$I, x.id) > (v_since, %5$s) AND x.%7$I <= v_until
                        AND x.created_by <> v_me AND x.%8$I IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(%4$s, v_search))
                      ORDER BY x.%7$I, x.id LIMIT v_limit)$$,
                kinds[k][1], kinds[k][2], kinds[k][3], kinds[k][4], kinds[k][5],
                modes[m][1], modes[m][2], modes[m][3], modes[m][4]);
        END LOOP;
        stmt := stmt || format($$
        RETURN QUERY
        SELECT p.kind, p.id, p.version, p.status, p.township_id,
               m.names ->> p.township_id::text, p.summary, p.actor,
               coalesce(m.names ->> p.actor, ''), p.since
          FROM (SELECT u.*
                  FROM (%s
                    UNION ALL%s
                    UNION ALL%s
                    UNION ALL%s) AS u
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
            branches[1], branches[2], branches[3], branches[4], modes[m][5]);
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
-- Generated by sql/repeatable/30_review.sql: read the comments there.
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
    v_after_training     constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('training', p_after_kind, p_after_id) END;
    v_after_special_ed   constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('special_ed', p_after_kind, p_after_id) END;
    v_after_teacher_fund constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('teacher_fund', p_after_kind, p_after_id) END;
    v_until   constant timestamptz := coalesce(now() - p_min_wait, 'infinity');
    v_search  constant text := nullif(eduaid.tidy(p_search), '');
    v_id      constant bigint := CASE WHEN eduaid.tidy(p_search) ~ '^[0-9]{1,18}$'
                                      THEN eduaid.tidy(p_search)::bigint END;
BEGIN
    IF p_kind IS NOT NULL AND eduaid.record_table(p_kind) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
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
        IF v_town IS NOT NULL THEN%s
        ELSE%s
        END IF;
    ELSE
        -- a supervisor: the county is what RLS lets me see, read one
        -- township at a time (no index runs across townships: 016); a
        -- search reads the whole queue anyway
        IF v_town IS NOT NULL THEN%s
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
$create$, stmt[1], stmt[2], stmt[3], stmt[4], stmt[5]);
END
$do$;
COMMENT ON FUNCTION eduaid.review_queue(text, int, interval, text, timestamptz, text, bigint, int) IS
    'eduaid: records waiting for my verification or approval, oldest first (docs/review-contract.md)';

REVOKE ALL ON FUNCTION eduaid.review_queue(text, int, interval, text, timestamptz, text, bigint, int)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    eduaid.review_queue(text, int, interval, text, timestamptz, text, bigint, int)
    TO eduaid_officer, eduaid_supervisor;

------------------------------------------------------------------------
-- How many records wait for me, per kind: the counts review_queue() would
-- page through without filters (all four kinds, 0 included, in the order
-- household, training, special_ed, teacher_fund). Clerks have no queue:
-- zeros.
DO $do$
DECLARE
    modes constant text[][] := ARRAY[
        ARRAY['submitted', 'submitted_by'],
        ARRAY['verified', 'verified_by']];
    stmt text[] := '{}';
BEGIN
    FOR m IN 1 .. 2 LOOP
        stmt := stmt || format($$
        RETURN QUERY
        SELECT k.kind, coalesce(c.n, 0)
          FROM unnest(ARRAY['household', 'training', 'special_ed', 'teacher_fund'])
               WITH ORDINALITY AS k(kind, ord)
          LEFT JOIN (
                SELECT 'household'::text AS kind, count(*) AS n FROM eduaid.household x
                 WHERE x.status = %1$L AND x.created_by <> v_me
                   AND x.%2$I IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)
                UNION ALL
                SELECT 'training', count(*) FROM eduaid.training_enrollment x
                 WHERE x.status = %1$L AND x.created_by <> v_me
                   AND x.%2$I IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)
                UNION ALL
                SELECT 'special_ed', count(*) FROM eduaid.special_ed_plan x
                 WHERE x.status = %1$L AND x.created_by <> v_me
                   AND x.%2$I IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)
                UNION ALL
                SELECT 'teacher_fund', count(*) FROM eduaid.teacher_fund_application x
                 WHERE x.status = %1$L AND x.created_by <> v_me
                   AND x.%2$I IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)) AS c
            ON c.kind = k.kind
         ORDER BY k.ord;$$, modes[m][1], modes[m][2]);
    END LOOP;

    EXECUTE format($create$
CREATE OR REPLACE FUNCTION eduaid.queue_counts()
RETURNS TABLE (kind text, waiting bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $body$
-- Generated by sql/repeatable/30_review.sql: read the comments there.
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
          FROM unnest(ARRAY['household', 'training', 'special_ed', 'teacher_fund']) AS k(kind);
    END IF;
END
$body$
$create$, stmt[1], stmt[2]);
END
$do$;
COMMENT ON FUNCTION eduaid.queue_counts() IS
    'eduaid: how many records of each kind wait for my review (docs/review-contract.md)';

REVOKE ALL ON FUNCTION eduaid.queue_counts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.queue_counts() TO eduaid_clerk, eduaid_officer, eduaid_supervisor;

------------------------------------------------------------------------
-- A clerk's (or officer's) returned work: the rejected records the caller
-- created or submitted, with the reason and who returned them, newest
-- rejection first (ties by kind, id). RLS keeps it to my townships.
CREATE OR REPLACE FUNCTION eduaid.returned_to_me(p_limit int DEFAULT 200)
RETURNS TABLE (kind text, id bigint, version int, township text, summary text,
               reason text, rejected_by text, rejected_by_name text, rejected_at timestamptz)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_me    constant text := session_user;
    v_limit constant int := least(greatest(coalesce(p_limit, 200), 0), 1000);
    v_names jsonb;
BEGIN
    IF v_limit = 0 THEN
        RETURN;
    END IF;
    v_names := (SELECT jsonb_object_agg(d.login, d.full_name) FROM eduaid.user_directory d);
    RETURN QUERY
    SELECT p.kind, p.id, p.version, tw.name, p.summary, p.reason, p.rejected_by,
           coalesce(v_names ->> p.rejected_by, ''), p.rejected_at
      FROM (SELECT u.*
              FROM ((SELECT 'household'::text AS kind, x.id, x.version, x.township_id,
                            concat_ws(' ', x.household_no, x.head_name) AS summary,
                            x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.household x
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'training', x.id, x.version, x.township_id,
                            concat_ws(' ', x.trainee_name, c.name), x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.training_enrollment x
                       LEFT JOIN eduaid.training_course c ON c.id = x.course_id
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'special_ed', x.id, x.version, x.township_id,
                            concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)),
                            x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.special_ed_plan x
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'teacher_fund', x.id, x.version, x.township_id,
                            concat_ws(' ', te.name, fp.name, x.amount_requested),
                            x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.teacher_fund_application x
                       LEFT JOIN eduaid.teacher te ON te.township_id = x.township_id AND te.id = x.teacher_id
                       LEFT JOIN eduaid.fund_program fp ON fp.id = x.program_id
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)) AS u
             ORDER BY u.rejected_at DESC, u.kind COLLATE "C", u.id
             LIMIT v_limit) AS p
      JOIN eduaid.township tw ON tw.id = p.township_id
     ORDER BY p.rejected_at DESC, p.kind COLLATE "C", p.id;
END
$$;
COMMENT ON FUNCTION eduaid.returned_to_me(int) IS
    'eduaid: rejected records I created or submitted, newest rejection first (docs/review-contract.md)';

------------------------------------------------------------------------
-- A record's history: every audit entry of the record and, for a
-- household, of its members (student, student_subsidy), oldest first,
-- with the fields each entry changed (eduaid.audit_changes). Who may not
-- read full personal data (supervisors: no SELECT on audit_log.new_row)
-- gets the masked rows; the audit log's RLS keeps it to my townships, so
-- a record I cannot see has no history. Deleted records keep theirs.
CREATE OR REPLACE FUNCTION eduaid.record_history(p_kind text, p_id bigint)
RETURNS TABLE (at timestamptz, actor text, actor_name text, action text, reason text,
               table_name text, row_id bigint, changes jsonb)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_names jsonb;
BEGIN
    IF eduaid.record_table(p_kind) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
    END IF;
    v_names := (SELECT jsonb_object_agg(d.login, d.full_name) FROM eduaid.user_directory d);
    -- The township list makes the lookup one probe of audit_log_record_idx
    -- per township (auditors' policy alone would not narrow it).
    IF has_column_privilege('eduaid.audit_log', 'new_row', 'SELECT') THEN
        RETURN QUERY
        SELECT a.at, a.actor, coalesce(v_names ->> a.actor, ''), a.action, a.reason,
               a.table_name, a.row_id, eduaid.audit_changes(a.action, a.old_row, a.new_row)
          FROM eduaid.audit_log a
         WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
           AND a.kind = p_kind AND a.record_id = p_id
         ORDER BY a.at, a.id;
    ELSE
        RETURN QUERY
        SELECT a.at, a.actor, coalesce(v_names ->> a.actor, ''), a.action, a.reason,
               a.table_name, a.row_id, eduaid.audit_changes(a.action, a.old_masked, a.new_masked)
          FROM eduaid.audit_log a
         WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
           AND a.kind = p_kind AND a.record_id = p_id
         ORDER BY a.at, a.id;
    END IF;
END
$$;
COMMENT ON FUNCTION eduaid.record_history(text, bigint) IS
    'eduaid: every audit entry of a record and its members, with the fields changed (docs/review-contract.md)';

-- The record's row as it was when last approved (the new row of its last
-- approve entry), masked for those who read masked rows; NULL when it was
-- never approved or I cannot see it.
CREATE OR REPLACE FUNCTION eduaid.last_approved(p_kind text, p_id bigint) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_table constant text := eduaid.record_table(p_kind);
BEGIN
    IF v_table IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
    END IF;
    IF has_column_privilege('eduaid.audit_log', 'new_row', 'SELECT') THEN
        RETURN (SELECT a.new_row FROM eduaid.audit_log a
                 WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
                   AND a.kind = p_kind AND a.record_id = p_id
                   AND a.table_name = v_table AND a.action = 'approve'
                 ORDER BY a.id DESC LIMIT 1);
    END IF;
    RETURN (SELECT a.new_masked FROM eduaid.audit_log a
             WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
               AND a.kind = p_kind AND a.record_id = p_id
               AND a.table_name = v_table AND a.action = 'approve'
             ORDER BY a.id DESC LIMIT 1);
END
$$;
COMMENT ON FUNCTION eduaid.last_approved(text, bigint) IS
    'eduaid: a record''s row as last approved, or NULL (docs/review-contract.md)';

REVOKE ALL ON FUNCTION eduaid.returned_to_me(int), eduaid.record_history(text, bigint),
    eduaid.last_approved(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.returned_to_me(int) TO eduaid_clerk, eduaid_officer;
GRANT EXECUTE ON FUNCTION eduaid.record_history(text, bigint), eduaid.last_approved(text, bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
