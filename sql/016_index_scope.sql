-- 016_index_scope.sql: no index scan and no statistic reaches another
-- township's rows ahead of row-level security (issue 9, items 1 and 10).
--
-- The attack: comparison operators on text, numbers and dates are
-- LEAKPROOF, so the planner may drive an index with a user's own predicate
-- and apply the RLS township filter afterwards. As demo_clerk,
--   EXPLAIN (ANALYZE, BUFFERS) SELECT 1 FROM eduaid.student
--    WHERE id_number >= '4203252017' AND id_number < '4203252018'
-- then printed "Rows Removed by Filter: 2" (or a bitmap scan's row count,
-- or a buffer count) for rows of other townships, and a prefix walk digit
-- by digit listed every ID number of the county. With only indexes that
-- lead with township_id, the RLS qual township_id = ANY (my_townships())
-- is an index condition of every index scan (btree takes all matching
-- clauses; a ScalarArrayOp on the first column always), so no other
-- township's entry is touched, whatever the planner settings.
--
-- So every index of a table with a township_id column under row-level
-- security leads with township_id (tests/db/16_index_scope.sql checks the
-- catalog). This file drops or rebuilds the ones that did not:
--   <record>_id_idx (id), 004           dropped: every lookup by id also
--                                       names the township (the primary
--                                       key (township_id, id) serves it)
--   <record>_verified_at_idx, 010       dropped: the supervisor's county
--                                       queue reads one township at a
--                                       time (review_queue, below)
--   special_ed_plan_child_idx, 014      (township_id, child_id_number);
--                                       special_ed_counts() joins by the
--                                       township too (restated below)
--   student_subsidy_report_idx, 014     (township_id, school_year, ...)
--   notice_item_record_hash_key         UNIQUE (township_id, record_hash):
--                                       the hashed text names the
--                                       township, so two equal hashes of
--                                       two townships are a SHA-256
--                                       collision; nothing is lost
--   notice_item_record_key              UNIQUE (township_id, notice_id,
--                                       kind, record_id): a record has one
--                                       township, so the same rule
--   notice_item_line_no_key             line numbers run across the
--                                       townships of a county-wide notice:
--                                       their uniqueness moves to
--                                       eduaid.notice_line, which no login
--                                       can read (a trigger fills it); an
--                                       index (township_id, notice_id,
--                                       line_no) serves the lists
--   notice_objection_pending_idx        (township_id, notice_id)
--   dropout_case_student_open_key       UNIQUE (township_id, student_id)
--                                       WHERE open: a child has one
--                                       township, so the same rule (the
--                                       name stays: the client maps it)
--   audit_log_pkey (id)                 UNIQUE NULLS NOT DISTINCT
--                                       (township_id, id): ids are
--                                       GENERATED ALWAYS; rows of users
--                                       and reference data (no township)
--                                       are one group
--   audit_log_actor_idx (actor, at)     (township_id, actor, at)
-- Not here: the county-wide unique keys on ID numbers and household
-- numbers (household_household_no_key, household_head_id_number_key,
-- student_id_number_key, teacher_id_number_key,
-- special_ed_plan_child_id_number_key) move to a registry no login can
-- read in 017. eduaid.notice keeps its primary key (id): county-wide
-- notices have no township and the notice lines reference it; a notice
-- header is a public posting (docs/threat-model.md says what that leaves).
--
-- Statistics. Under RLS PostgreSQL hides pg_stats rows from the caller,
-- but the planner still uses a column's histogram and most-common values
-- with leakproof operators, and prints its estimates: the row estimate of
-- EXPLAIN SELECT 1 FROM eduaid.student WHERE id_number >= '...' steps at
-- each histogram bound -- a county-wide sample of real ID numbers, names
-- and birth dates -- and a range beyond the histogram makes the planner
-- read the real minimum or maximum from an index. So every personal or
-- free-text column of these tables (names, ID numbers and their masks,
-- birth dates, household numbers, phones, addresses, bank accounts,
-- certificate numbers, audit rows, notes, reasons) gets STATISTICS 0 and
-- its collected statistics are deleted (ANALYZE does not delete them).
-- Estimates on these columns fall back to the planner's defaults, the
-- same for every value. Columns the plans need (township_id, status, ids,
-- times, stages, programs) keep theirs.
--
-- The policies' InitPlan. Even with no index at all, the township
-- condition of the policies ran after a caller's cheaper predicate, so its
-- InitPlan ran only when some row of the county matched (below, "The
-- township condition first"): every policy comparing township_id with
-- my_townships() is altered to compare with the new eduaid.my_scope(), and
-- pg_catalog.int48eq gets COST 0.01 (also in 000_bootstrap.sql).
--
-- Replaced here (CREATE OR REPLACE, restated whole): eduaid.review_queue
-- (010: the supervisor's whole county without verified_at_idx) and
-- eduaid.special_ed_counts (014: the plan found within the child's
-- township). Altered: the USING and WITH CHECK of every policy of schema
-- eduaid that named my_townships() as integer[] (005, 007, 012, 013, 014).
-- Measured in tests/bench/queue.sh (README, "Speed").
--
-- SQLSTATEs: none new (EA040-EA049 reserved for this part).
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The record tables.
DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'training_enrollment', 'special_ed_plan',
                               'teacher_fund_application']
    LOOP
        EXECUTE format('DROP INDEX eduaid.%I', tbl || '_id_idx');
        EXECUTE format('DROP INDEX eduaid.%I', tbl || '_verified_at_idx');
    END LOOP;
END
$$;

DROP INDEX eduaid.special_ed_plan_child_idx;
CREATE INDEX special_ed_plan_child_idx ON eduaid.special_ed_plan (township_id, child_id_number);

DROP INDEX eduaid.student_subsidy_report_idx;
CREATE INDEX student_subsidy_report_idx ON eduaid.student_subsidy
    (township_id, school_year, household_id, student_id) INCLUDE (program);

------------------------------------------------------------------------
-- Ledgers.
DROP INDEX eduaid.dropout_case_student_open_key;
CREATE UNIQUE INDEX dropout_case_student_open_key
    ON eduaid.dropout_case (township_id, student_id) WHERE state <> 'returned';

------------------------------------------------------------------------
-- Notices.
ALTER TABLE eduaid.notice_item
    DROP CONSTRAINT notice_item_record_hash_key,
    DROP CONSTRAINT notice_item_line_no_key,
    DROP CONSTRAINT notice_item_record_key,
    ADD CONSTRAINT notice_item_record_hash_key UNIQUE (township_id, record_hash),
    ADD CONSTRAINT notice_item_record_key UNIQUE (township_id, notice_id, kind, record_id);
CREATE INDEX notice_item_line_idx ON eduaid.notice_item (township_id, notice_id, line_no);

-- One line number once per notice, across its townships: readable by no
-- login (only its owner), filled as each line is inserted.
CREATE TABLE eduaid.notice_line (
    notice_id bigint NOT NULL,
    line_no   int NOT NULL,
    CONSTRAINT notice_item_line_no_key PRIMARY KEY (notice_id, line_no)
);
REVOKE ALL ON eduaid.notice_line FROM PUBLIC;
INSERT INTO eduaid.notice_line (notice_id, line_no)
SELECT i.notice_id, i.line_no FROM eduaid.notice_item i;

-- (runs as the writer of the line: the owner, through open_notice())
CREATE FUNCTION eduaid.notice_line_key() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO eduaid.notice_line (notice_id, line_no) VALUES (NEW.notice_id, NEW.line_no);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION eduaid.notice_line_key() FROM PUBLIC;
-- (lines never change or go: notice_item_guard refuses it but to a
-- superuser, who then keeps notice_line in step himself)
CREATE TRIGGER a_notice_line_key AFTER INSERT ON eduaid.notice_item
    FOR EACH ROW EXECUTE FUNCTION eduaid.notice_line_key();

DROP INDEX eduaid.notice_objection_pending_idx;
CREATE INDEX notice_objection_pending_idx ON eduaid.notice_objection (township_id, notice_id)
    WHERE decision = 'pending';

------------------------------------------------------------------------
-- The audit log (as the superuser: its owner may no longer create in the
-- schema; an index belongs to its table's owner anyway).
RESET ROLE;
ALTER TABLE eduaid.audit_log
    DROP CONSTRAINT audit_log_pkey,
    ADD CONSTRAINT audit_log_township_id_key UNIQUE NULLS NOT DISTINCT (township_id, id);
DROP INDEX eduaid.audit_log_actor_idx;
CREATE INDEX audit_log_actor_idx ON eduaid.audit_log (township_id, actor, at);

------------------------------------------------------------------------
-- The township condition first. In a Filter the planner evaluates quals
-- cheapest first, and a caller's leakproof predicate (col >= 'A', one
-- operator) was cheaper than the policy's
--   township_id = ANY ((SELECT eduaid.my_townships())::integer[])
-- (ten guessed array elements). Its InitPlan then ran only when some row
-- of the county passed the caller's predicate: EXPLAIN (ANALYZE, BUFFERS)
-- printed "InitPlan 1 ... (never executed)" and three buffers fewer when no
-- row of any township matched -- a one-bit oracle, enough for the digit
-- walk, on every table and with no index at all. The policies now compare
-- with eduaid.my_scope() (the same townships as bigint[]: no array
-- coercion) through int4 = int8, whose function is made the cheapest
-- comparison there is (COST 0.01; btree's integer_ops still index it), so
-- the policy's condition is evaluated first, for every row, whatever the
-- caller writes. Only bare boolean columns (cost 0) still go ahead of it:
-- whether any row of the county has, say, boarding set.
SET ROLE eduaid_owner;
CREATE FUNCTION eduaid.my_scope() RETURNS bigint[]
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN eduaid.my_townships()::bigint[];
END
$$;
COMMENT ON FUNCTION eduaid.my_scope() IS
    'eduaid: my_townships() as bigint[], the form the row-level security policies compare with';
REVOKE ALL ON FUNCTION eduaid.my_scope() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.my_scope() TO eduaid_clerk, eduaid_officer, eduaid_supervisor,
    eduaid_admin, eduaid_auditor, eduaid_audit_owner;
RESET ROLE;

-- (000_bootstrap.sql sets it again on every run of migrate.sh: a dump
-- does not carry a catalog function's cost)
ALTER FUNCTION pg_catalog.int48eq(int4, int8) COST 0.01;

-- Every policy of the schema that compares township_id with
-- my_townships() this way, rewritten (its roles and command stay).
DO $$
DECLARE
    r     record;
    old   constant text := '= ANY (( SELECT eduaid.my_townships() AS my_townships)::integer[])';
    new   constant text := '= ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])';
    stmt  text;
BEGIN
    FOR r IN
        SELECT p.polname, c.relname, pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS qual,
               pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS chk
          FROM pg_catalog.pg_policy p
          JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'eduaid'
         ORDER BY c.relname, p.polname
    LOOP
        IF strpos(coalesce(r.qual, ''), old) = 0 AND strpos(coalesce(r.chk, ''), old) = 0 THEN
            CONTINUE;
        END IF;
        stmt := format('ALTER POLICY %I ON eduaid.%I', r.polname, r.relname);
        IF r.qual IS NOT NULL THEN
            stmt := stmt || format(' USING (%s)', replace(r.qual, old, new));
        END IF;
        IF r.chk IS NOT NULL THEN
            stmt := stmt || format(' WITH CHECK (%s)', replace(r.chk, old, new));
        END IF;
        EXECUTE stmt;
    END LOOP;
END
$$;

------------------------------------------------------------------------
-- Statistics. eduaid.private_statistics_off() keeps none on the columns
-- that say something about a person or what was written about them, in
-- every township-scoped table, and deletes what was collected (ANALYZE
-- does not). It belongs to the superuser who migrates (it writes
-- pg_statistic) and nobody else may run it; sql/migrate.sh calls it after
-- every run, so a column a later migration adds is covered without that
-- migration having to remember.
CREATE FUNCTION eduaid.private_statistics_off() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.oid, c.relname, a.attnum, a.attname
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
                                         AND NOT a.attisdropped
         WHERE n.nspname = 'eduaid' AND c.relkind IN ('r', 'p') AND c.relrowsecurity
           AND EXISTS (SELECT FROM pg_catalog.pg_attribute t
                        WHERE t.attrelid = c.oid AND t.attname = 'township_id'
                          AND NOT t.attisdropped)
           AND a.attname ~ ('(^|_)name$|id_number|birth_date|^household_no$|^phone$|^address$'
                            '|^bank_account|certificate_no|^masked_id$|^canonical$|^record_hash$'
                            '|^objector$|^record_key$|^(old|new)_(row|masked)$|^notes$|^reason$'
                            '|^reason_text$|^content$|^decision_note$|^individual_plan$'
                            '|^assessment$|^needs_survey$|^employment_outcome$|^end_reason$'
                            '|^outcome$|^visitor$|^contact$|^title$')
           AND a.attname <> 'table_name'
         ORDER BY c.relname, a.attnum
    LOOP
        EXECUTE format('ALTER TABLE eduaid.%I ALTER COLUMN %I SET STATISTICS 0',
                       r.relname, r.attname);
        DELETE FROM pg_catalog.pg_statistic s WHERE s.starelid = r.oid AND s.staattnum = r.attnum;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION eduaid.private_statistics_off() FROM PUBLIC;
SELECT eduaid.private_statistics_off();

------------------------------------------------------------------------
-- 一人一案 (014): a child's plans are found within the child's township
-- (special_ed_plan_child_idx leads with it now). Otherwise as in 014.
SET ROLE eduaid_owner;
CREATE OR REPLACE FUNCTION eduaid.special_ed_counts(p_year int, p_township int)
RETURNS TABLE (tid int, children bigint, planned bigint, special_school bigint,
               regular_class bigint, special_class bigint, home_delivery bigint)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH kids AS (
        SELECT st.township_id AS tid, pl.placement
          FROM eduaid.household h
          JOIN eduaid.student st ON st.township_id = h.township_id AND st.household_id = h.id
          LEFT JOIN LATERAL (
              SELECT p.placement FROM eduaid.special_ed_plan p
               WHERE p.township_id = st.township_id AND p.child_id_number = st.id_number
                 AND p.status IN ('approved', 'in_notice', 'final')
                 AND p.placed_on < make_date(p_year + 1, 9, 1)
                 AND (p.ended_on IS NULL OR p.ended_on >= make_date(p_year, 9, 1))
               ORDER BY p.placed_on DESC, p.id DESC LIMIT 1) AS pl ON true
         WHERE h.status IN ('approved', 'in_notice', 'final')
           AND h.township_id = ANY ((SELECT eduaid.my_townships())::int[])
           AND (p_township IS NULL OR h.township_id = p_township)
           AND st.disability_type IS NOT NULL
           AND st.birth_date > make_date(p_year - 16, 9, 1)
           AND st.birth_date <= make_date(p_year - 6, 9, 1))
    SELECT k.tid, count(*), count(k.placement),
           count(*) FILTER (WHERE k.placement = 'special_school'),
           count(*) FILTER (WHERE k.placement = 'regular_class'),
           count(*) FILTER (WHERE k.placement = 'special_class'),
           count(*) FILTER (WHERE k.placement = 'home_delivery')
      FROM kids k GROUP BY k.tid;
END;

------------------------------------------------------------------------
-- The review queue (010), restated: the same five statements plus one.
-- A supervisor's whole county was read in the order of
-- <table>_verified_at_idx (verified_at, id), across townships; now each
-- kind takes the first page of every township of the county from
-- <table>_verified_idx (township_id, verified_at, id) -- a LATERAL top-N
-- per township, index only -- keeps the first page of those and reads
-- just those rows. A search (which reads the whole queue) keeps the
-- statement without a township.
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
-- Generated by sql/016_index_scope.sql from the template of sql/010_review.sql:
-- read the comments there.
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
RESET ROLE;
