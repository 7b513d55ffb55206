-- 010_review.sql: the review queue and a record's history, the database
-- side of docs/review-contract.md (issue 4).
--
--   eduaid.review_queue(kind, township, min_wait, search, after..., limit)
--                                 records waiting for my verification
--                                 (officers) or approval (supervisors)
--   eduaid.queue_counts()         how many of each kind wait for me
--   eduaid.returned_to_me(limit)  rejected records I created or submitted
--   eduaid.record_history(kind, id)  every audit entry of a record, with the
--                                 fields each one changed
--   eduaid.last_approved(kind, id)   the record's row as last approved
--   eduaid.user_directory         login, full name (and county) of the
--                                 users of my county: the names shown
--
-- Every function is SECURITY INVOKER: row-level security and the column
-- grants of 005_rls.sql decide what it finds, exactly as for a query typed
-- into psql. The queue is written for speed under RLS (FIELD-NOTES): an
-- officer's township is looked up once and compared with "=", each kind is
-- read in the order of a partial index that holds only that queue, the
-- four kinds are merged (Merge Append) and cut at the page size, and names
-- come from one small map per call. Paging is by keyset (waiting_since,
-- kind, id), never OFFSET. This file also rewrites my_role() and
-- my_townships() of 005_rls.sql in PL/pgSQL (same results): every policy
-- calls the latter, and as SQL it cost more than the queue page itself.
-- Measured in tests/bench/queue.sh (README, "Speed").
--
-- The indexes, on each record table (partial: each holds one queue):
--   <table>_submitted_idx   (township_id, submitted_at, id) WHERE submitted:
--                           an officer's queue (one township)
--   <table>_verified_idx    (township_id, verified_at, id) WHERE verified:
--                           a supervisor's queue of one township
--   <table>_verified_at_idx (verified_at, id) WHERE verified: a
--                           supervisor's whole county in order (RLS keeps it
--                           to the county; a database of several counties
--                           reads past the other counties' rows)
-- The first two carry the four-eyes columns (INCLUDE created_by, the
-- reviewer, editors), so that queue_counts() is an index-only scan.
SET ROLE eduaid_owner;

DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'training_enrollment', 'special_ed_plan',
                               'teacher_fund_application']
    LOOP
        EXECUTE format('CREATE INDEX %I ON eduaid.%I (township_id, submitted_at, id) '
                       'INCLUDE (created_by, submitted_by, editors) WHERE status = %L',
                       tbl || '_submitted_idx', tbl, 'submitted');
        EXECUTE format('CREATE INDEX %I ON eduaid.%I (township_id, verified_at, id) '
                       'INCLUDE (created_by, verified_by, editors) WHERE status = %L',
                       tbl || '_verified_idx', tbl, 'verified');
        EXECUTE format('CREATE INDEX %I ON eduaid.%I (verified_at, id) '
                       'WHERE status = %L', tbl || '_verified_at_idx', tbl, 'verified');
    END LOOP;
END
$$;

------------------------------------------------------------------------
-- The scope functions of 005_rls.sql, same results, in PL/pgSQL. Every
-- policy calls my_townships() once per table of a query (an init plan); a
-- SECURITY DEFINER SQL function is never inlined and plans its body again
-- at every such call -- 0.1 ms each, five of them in a queue page, more
-- than the page itself. PL/pgSQL keeps its plans for the session: ~0.008 ms.
-- CREATE OR REPLACE keeps owner, grants and the policies that name them.
CREATE OR REPLACE FUNCTION eduaid.my_role() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT u.role FROM eduaid.app_user u
             WHERE u.login = session_user AND u.active);
END
$$;

CREATE OR REPLACE FUNCTION eduaid.my_townships() RETURNS int[]
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_role   text;
    v_county int;
BEGIN
    SELECT u.role, u.county_id INTO v_role, v_county
      FROM eduaid.app_user u
     WHERE u.login = session_user AND u.active;
    IF v_role IN ('supervisor', 'auditor') THEN
        RETURN (SELECT array_agg(t.id ORDER BY t.id) FROM eduaid.township t
                 WHERE t.county_id = v_county);
    ELSIF v_role IN ('clerk', 'officer') THEN
        RETURN (SELECT array_agg(a.township_id ORDER BY a.township_id)
                  FROM eduaid.app_user_township a WHERE a.login = session_user);
    END IF;
    RETURN NULL;
END
$$;

------------------------------------------------------------------------
-- Names. Clerks, officers and supervisors may not read eduaid.app_user
-- (it holds roles and townships); this view is their one door to the
-- names of the people of their own county. It runs with its owner's
-- rights on purpose; security_barrier keeps a caller's conditions from
-- being evaluated on other counties' rows first.
CREATE VIEW eduaid.user_directory WITH (security_barrier = true) AS
SELECT u.login, u.full_name, u.county_id
  FROM eduaid.app_user u
 WHERE u.county_id = (SELECT me.county_id FROM eduaid.app_user me
                       WHERE me.login = session_user AND me.active);
COMMENT ON VIEW eduaid.user_directory IS
    'eduaid: login, full name and county of every user of the caller''s county';
REVOKE ALL ON eduaid.user_directory FROM PUBLIC;
GRANT SELECT ON eduaid.user_directory TO eduaid_clerk, eduaid_officer, eduaid_supervisor,
    eduaid_admin, eduaid_auditor;

------------------------------------------------------------------------
-- Small pure helpers.

-- The placement of a special-education plan, as the summary line says it.
CREATE FUNCTION eduaid.placement_label(placement text) RETURNS text
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
CREATE FUNCTION eduaid.queue_after_id(this_kind text, after_kind text, after_id bigint)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN after_kind IS NULL OR this_kind COLLATE "C" > after_kind COLLATE "C"
        THEN -9223372036854775808
    WHEN this_kind = after_kind THEN coalesce(after_id, -9223372036854775808)
    ELSE 9223372036854775807
END;

-- What changed between two versions of an audited row: {"field": [old,
-- new]} with the values as the row holds them in JSON (strings, numbers,
-- booleans; null for SQL NULL); fields whose value did not change are left
-- out, and so are bookkeeping (version, updated_by/at, editors), the
-- generated *_masked columns, and on workflow transitions the workflow
-- columns (the entry's action, actor, time and reason say it).
CREATE FUNCTION eduaid.audit_changes(action text, old_row jsonb, new_row jsonb)
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce((
    SELECT jsonb_object_agg(k.key, jsonb_build_array(old_row -> k.key, new_row -> k.key)
                            ORDER BY k.key)
      FROM (SELECT jsonb_object_keys(coalesce(old_row, '{}'::jsonb)) AS key
            UNION
            SELECT jsonb_object_keys(coalesce(new_row, '{}'::jsonb))) AS k
     WHERE k.key NOT IN ('version', 'updated_by', 'updated_at', 'editors')
       AND k.key !~ '_masked$'
       AND NOT (action IN ('submit', 'verify', 'approve', 'reject', 'reopen')
                AND k.key IN ('status', 'reason', 'submitted_by', 'submitted_at',
                              'verified_by', 'verified_at', 'approved_by', 'approved_at',
                              'rejected_by', 'rejected_at'))
       AND coalesce(old_row -> k.key, 'null'::jsonb) <> coalesce(new_row -> k.key, 'null'::jsonb)),
    '{}'::jsonb);

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
--   supervisor, whole county    <table>_verified_at_idx, RLS keeps the county
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
DO $do$
DECLARE
    -- kind, table, joins, summary, keyset variable
    kinds constant text[][] := ARRAY[
        ARRAY['household', 'household', '',
              $$concat_ws(' ', x.household_no, x.head_name)$$, 'v_after_household'],
        ARRAY['training', 'training_enrollment',
              ' LEFT JOIN eduaid.training_course c ON c.id = x.course_id',
              $$concat_ws(' ', x.trainee_name, c.name)$$, 'v_after_training'],
        ARRAY['special_ed', 'special_ed_plan', '',
              $$concat_ws(' ', x.child_name, eduaid.placement_label(x.placement))$$,
              'v_after_special_ed'],
        ARRAY['teacher_fund', 'teacher_fund_application',
              ' LEFT JOIN eduaid.teacher te ON te.township_id = x.township_id AND te.id = x.teacher_id'
              ' LEFT JOIN eduaid.fund_program fp ON fp.id = x.program_id',
              $$concat_ws(' ', te.name, fp.name, x.amount_requested)$$, 'v_after_teacher_fund']];
    -- status, since column, reviewer column, township condition, the
    -- townships whose names the page may need
    mine constant text := 't.county_id = (SELECT d.county_id FROM eduaid.user_directory d '
                          'WHERE d.login = session_user)';
    modes constant text[][] := ARRAY[
        ARRAY['submitted', 'submitted_at', 'submitted_by', ' AND x.township_id = v_town', 't.id = v_town'],
        ARRAY['submitted', 'submitted_at', 'submitted_by', '', mine],
        ARRAY['verified', 'verified_at', 'verified_by', ' AND x.township_id = v_town', 't.id = v_town'],
        ARRAY['verified', 'verified_at', 'verified_by', '', mine]];
    stmt text[] := '{}';
    branches text[];
BEGIN
    FOR m IN 1 .. 4 LOOP
        branches := '{}';
        FOR k IN 1 .. 4 LOOP
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
CREATE FUNCTION eduaid.review_queue(
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
-- Generated by sql/010_review.sql: read the comments there.
DECLARE
    -- the group of the login (each login is in exactly one; 01_schema.sql)
    v_officer constant boolean := pg_has_role(session_user, 'eduaid_officer', 'MEMBER');
    v_supervisor constant boolean := pg_has_role(session_user, 'eduaid_supervisor', 'MEMBER');
    v_towns   int[];
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
        -- a supervisor: the county is what RLS lets me see
        IF v_town IS NOT NULL THEN%s
        ELSE%s
        END IF;
    END IF;
END
$body$
$create$, stmt[1], stmt[2], stmt[3], stmt[4]);
END
$do$;
COMMENT ON FUNCTION eduaid.review_queue(text, int, interval, text, timestamptz, text, bigint, int) IS
    'eduaid: records waiting for my verification or approval, oldest first (docs/review-contract.md)';

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
CREATE FUNCTION eduaid.queue_counts()
RETURNS TABLE (kind text, waiting bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $body$
-- Generated by sql/010_review.sql: read the comments there.
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

------------------------------------------------------------------------
-- A clerk's (or officer's) returned work: the rejected records the caller
-- created or submitted, with the reason and who returned them, newest
-- rejection first (ties by kind, id). RLS keeps it to my townships.
CREATE FUNCTION eduaid.returned_to_me(p_limit int DEFAULT 200)
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
CREATE FUNCTION eduaid.record_history(p_kind text, p_id bigint)
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
CREATE FUNCTION eduaid.last_approved(p_kind text, p_id bigint) RETURNS jsonb
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

------------------------------------------------------------------------
-- Who runs what (new functions are EXECUTE-able by PUBLIC until revoked).
REVOKE ALL ON FUNCTION eduaid.placement_label(text), eduaid.queue_after_id(text, text, bigint),
    eduaid.audit_changes(text, jsonb, jsonb),
    eduaid.review_queue(text, int, interval, text, timestamptz, text, bigint, int),
    eduaid.queue_counts(), eduaid.returned_to_me(int),
    eduaid.record_history(text, bigint), eduaid.last_approved(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.placement_label(text), eduaid.queue_after_id(text, text, bigint),
    eduaid.audit_changes(text, jsonb, jsonb)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
GRANT EXECUTE ON FUNCTION
    eduaid.review_queue(text, int, interval, text, timestamptz, text, bigint, int)
    TO eduaid_officer, eduaid_supervisor;
GRANT EXECUTE ON FUNCTION eduaid.queue_counts() TO eduaid_clerk, eduaid_officer, eduaid_supervisor;
GRANT EXECUTE ON FUNCTION eduaid.returned_to_me(int) TO eduaid_clerk, eduaid_officer;
GRANT EXECUTE ON FUNCTION eduaid.record_history(text, bigint), eduaid.last_approved(text, bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
