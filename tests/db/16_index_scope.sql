-- tests/db/16_index_scope.sql: no index scan, buffer count or statistic
-- tells a login anything of a township it cannot see (issue 9, item 1 and
-- the statistics of item 10; sql/016_index_scope.sql).
--
-- The story. demo_clerk (城关镇 420325100 and 420325101) and demo_officer
-- (城关镇) run EXPLAIN (ANALYZE, BUFFERS) over ranges of every personal
-- column they may read -- names, ID numbers, birth dates, household
-- numbers, in every township-scoped table -- once for a range that holds
-- rows only of other townships and once for an empty range, with the
-- planner settings a login may choose; the two outputs must be the same,
-- line for line (literals aside), and so must the planner's estimates.
-- demo_supervisor and demo_auditor see the whole county; for them
-- 五台乡 (420325212) is moved into a second county for the test, so
-- that they too have a township they cannot see; supervisors must not be
-- able to name the ID numbers and birth dates they see masked at all.
-- Then demo_clerk, given an empty township, walks student.id_number and
-- special_ed_plan's child_id_number digit by digit from '420325', as the
-- issue did, and finds no ID number of another township. The catalog: every index of a
-- township-scoped table leads with township_id, and no personal column
-- keeps statistics.
--
-- Until migration 017 (the person registry) is merged, the county-wide
-- unique keys on ID numbers and household numbers still exist: the
-- catalog test lists exactly those five, and the attacks find exactly
-- their columns (the other assertions pass).
--
-- Cost: about 2 s (some 2,000 EXPLAINs over the demo data).
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(20);

-- ==== the catalog ===========================================================
-- Township-scoped: a table with a township_id column under row-level
-- security that some login (not a superuser, not BYPASSRLS) may read.
CREATE VIEW public.ix_scoped AS
SELECT c.oid, n.nspname, c.relname
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND c.relrowsecurity
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND EXISTS (SELECT FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attname = 'township_id' AND NOT a.attisdropped)
   AND EXISTS (SELECT FROM pg_roles r
                WHERE r.rolcanlogin AND NOT r.rolsuper AND NOT r.rolbypassrls
                  AND has_any_column_privilege(r.oid, c.oid, 'SELECT'));

-- Every index that does not lead with township_id (an expression first
-- counts as not). eduaid.notice is the one exception: county-wide notices
-- have no township, and the notice lines reference its id (its headers are
-- public postings; docs/threat-model.md).
CREATE VIEW public.ix_offenders AS
SELECT s.nspname || '.' || s.relname AS tbl, i.relname::text AS idx,
       pg_get_indexdef(i.oid) AS def
  FROM public.ix_scoped s
  JOIN pg_index x ON x.indrelid = s.oid
  JOIN pg_class i ON i.oid = x.indexrelid
 WHERE s.oid <> 'eduaid.notice'::regclass
   AND (x.indkey[0] = 0
        OR x.indkey[0] <> (SELECT a.attnum FROM pg_attribute a
                            WHERE a.attrelid = s.oid AND a.attname = 'township_id'));

SELECT set_eq(
    $$SELECT relname::text FROM public.ix_scoped WHERE nspname = 'eduaid'$$,
    ARRAY['admission', 'admission_outcome', -- issue 17 H4
          'audit_log', 'care_activity', 'care_attendance', 'care_counselling', 'care_record', -- issue 17 H2
          'change_channel', 'dropout_case', 'dropout_visit', 'home_visit', 'household',
          'household_year', 'member_tally', 'notice', 'notice_item', 'notice_objection',
          'pair', 'pair_activity', 'pair_agreement', 'pair_award', 'pair_evaluation',
          'pair_evaluation_score', 'pair_inspection', 'pair_member', 'pair_monthly_report',
          'pair_quarterly', 'pair_rectification', 'pair_rectification_response', 'pair_target',
          'preschool_batch', 'preschool_enrollment', 'preschool_population', -- issue 17 H1
          'report_snapshot' /* issue 17 H6 */, 'school_age_tally', 'special_ed_plan', 'student', 'student_subsidy', 'student_year', 'subsidy_tally',
          'teacher', 'teacher_fund_application', 'training_attendance', 'training_enrollment',
          -- issue 17 H5
          'teacher_exchange', 'teacher_exchange_in', 'teacher_training'],
    'the township-scoped tables are the records, members, ledgers, notices, pairing rows, tallies, the audit log and the change channels');
-- Two keys on ids alone (026_school_years.sql): a household's past school
-- years stay in the township that had them when the family moves, and
-- refer to it by id. Ids come from one identity sequence per table for the
-- whole county: the ids of a login's own rows already tell how many rows
-- other townships made between them, and an index of ids holds nothing
-- else (no personal column: the probes below try every personal column).
SELECT is_empty(
    $$SELECT tbl, idx, def FROM public.ix_offenders
       WHERE idx NOT IN ('household_id_key', 'student_member_key') ORDER BY 1, 2$$,
    'every index of a township-scoped table leads with township_id (but the two keys of ids alone)');
SELECT is_empty(
    $$SELECT tbl, idx, def FROM public.ix_offenders
       WHERE idx NOT IN ('household_id_key', 'student_member_key',
                         'household_household_no_key', 'household_head_id_number_key',
                         'student_id_number_key', 'teacher_id_number_key',
                         'special_ed_plan_child_id_number_key')
       ORDER BY 1, 2$$,
    'no index but the five county-wide keys the person registry (017) replaces leads with anything else');
SELECT is_empty(
    $$SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'eduaid' AND c.relname = 'notice_line'
         AND EXISTS (SELECT FROM pg_roles r WHERE r.rolcanlogin AND NOT r.rolsuper
                        AND has_any_column_privilege(r.oid, c.oid, 'SELECT'))$$,
    'eduaid.notice_line (line numbers unique per notice across townships) is readable by no login');

-- Personal columns: names, ID numbers, birth dates, household numbers (and
-- their masks), as the issue lists them.
CREATE VIEW public.ix_personal AS
SELECT s.oid, s.relname::text AS tbl, a.attname::text AS col, a.attnum,
       format_type(a.atttypid, NULL) AS typ, a.attstattarget
  FROM public.ix_scoped s
  JOIN pg_attribute a ON a.attrelid = s.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE s.nspname = 'eduaid'
   AND a.attname ~ '(^|_)name$|id_number|birth_date|^household_no$|^masked_id$|^objector$'
   AND a.attname NOT IN ('bank_name', 'table_name');

ANALYZE eduaid.household, eduaid.student, eduaid.teacher, eduaid.special_ed_plan,
    eduaid.training_enrollment, eduaid.notice_item, eduaid.notice_objection;
SELECT is_empty(
    $$SELECT p.tbl, p.col, p.attstattarget FROM public.ix_personal p
       WHERE p.attstattarget <> 0
          OR EXISTS (SELECT FROM pg_statistic st
                      WHERE st.starelid = p.oid AND st.staattnum = p.attnum)$$,
    'no personal column keeps statistics, even right after ANALYZE');
SELECT ok((SELECT count(*) FROM public.ix_personal) >= 20,
    'the personal columns are found (names, ID numbers, birth dates, household numbers)');

-- ==== the attackers and what they cannot see ================================
-- 五台乡 goes to a second county: the supervisor's and auditor's other
-- township.
-- (its code no longer names its county: the check goes for the test)
INSERT INTO eduaid.county (id, name) VALUES (420399, '测试县');
ALTER TABLE eduaid.township DROP CONSTRAINT township_id_check;
UPDATE eduaid.township SET county_id = 420399 WHERE id = 420325212;

CREATE TABLE public.ix_scope (login text PRIMARY KEY, towns int[]);
GRANT SELECT, INSERT ON public.ix_scope TO PUBLIC;
SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO public.ix_scope VALUES (session_user, eduaid.my_townships());
SET SESSION AUTHORIZATION demo_officer;
INSERT INTO public.ix_scope VALUES (session_user, eduaid.my_townships());
SET SESSION AUTHORIZATION demo_supervisor;
INSERT INTO public.ix_scope VALUES (session_user, eduaid.my_townships());
SET SESSION AUTHORIZATION demo_auditor;
INSERT INTO public.ix_scope VALUES (session_user, eduaid.my_townships());
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT login, cardinality(towns), 420325212 = ANY (towns) FROM public.ix_scope ORDER BY 1$$,
    $$VALUES ('demo_auditor', 19, false), ('demo_clerk', 2, false), ('demo_officer', 1, false),
             ('demo_supervisor', 19, false)$$,
    'each attacker has townships of the county he cannot see');

-- The probes, chosen by the superuser: for each attacker and personal
-- column, the smallest value held by a township the attacker cannot see
-- and by none he can; the range [lo, hi) holds exactly that value.
CREATE TABLE public.ix_probe (login text, tbl text, col text, typ text, lo text, hi text,
                               readable boolean);
GRANT SELECT ON public.ix_probe TO PUBLIC;
DO $$
DECLARE
    p record;
    s record;
    v text;
BEGIN
    FOR s IN SELECT * FROM public.ix_scope LOOP
        FOR p IN SELECT * FROM public.ix_personal ORDER BY tbl, col LOOP
            EXECUTE format('SELECT min(x.%1$I)::text FROM eduaid.%2$I x
                             WHERE x.%1$I IS NOT NULL AND NOT x.township_id = ANY ($1)
                               AND NOT EXISTS (SELECT FROM eduaid.%2$I y
                                                WHERE y.%1$I = x.%1$I AND y.township_id = ANY ($1))',
                           p.col, p.tbl)
               INTO v USING s.towns;
            IF v IS NOT NULL THEN
                INSERT INTO public.ix_probe VALUES (s.login, p.tbl, p.col, p.typ, v,
                    CASE p.typ WHEN 'date' THEN (v::date + 1)::text ELSE v || chr(1) END,
                    has_column_privilege(s.login, format('eduaid.%I', p.tbl), p.col, 'SELECT'));
            END IF;
        END LOOP;
    END LOOP;
END
$$;

-- (as the superuser) every probe's range holds rows, none of them in a
-- township of its attacker
CREATE FUNCTION public.ix_probe_rows(p public.ix_probe, mine boolean) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM eduaid.%I x WHERE x.%I >= $1::%s AND x.%I < $2::%s '
                   'AND (x.township_id = ANY ($3)) = $4', p.tbl, p.col, p.typ, p.col, p.typ)
       INTO n USING p.lo, p.hi, (SELECT s.towns FROM public.ix_scope s WHERE s.login = p.login),
                    mine;
    RETURN n;
END
$$;
SELECT is_empty(
    $$SELECT p.login, p.tbl, p.col FROM public.ix_probe p
       WHERE public.ix_probe_rows(p, false) = 0 OR public.ix_probe_rows(p, true) > 0$$,
    'every probe range holds rows of other townships and none of the attacker''s');
SELECT ok((SELECT count(*) FROM public.ix_probe WHERE login = 'demo_clerk' AND readable) >= 15,
    'demo_clerk has a probe for each personal column he may read');

-- ==== the attack ============================================================
-- EXPLAIN output of a query as the current user, literals replaced by "?"
-- (the two ranges differ in their literals only) and shared buffers hit
-- and read added up.
CREATE FUNCTION public.ix_explain(q text, opts text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    m    text[];
    out  text := '';
BEGIN
    FOR line IN EXECUTE format('EXPLAIN (%s) %s', opts, q) LOOP
        line := regexp_replace(line, '''([^'']|'''')*''', '?', 'g');
        -- what is in shared buffers and what is read in is the cache's
        -- state, not the query's: one total
        m := regexp_match(line, 'shared( hit=(\d+))?( read=(\d+))?');
        IF m IS NOT NULL AND (m[1] IS NOT NULL OR m[3] IS NOT NULL) THEN
            line := regexp_replace(line, 'shared( hit=\d+)?( read=\d+)?',
                                   'shared=' || (coalesce(m[2]::int, 0) + coalesce(m[4]::int, 0)));
        END IF;
        out := out || line || E'\n';
    END LOOP;
    RETURN out;
END
$$;

-- The planner settings a login may choose (SET LOCAL, one set at a time).
CREATE FUNCTION public.ix_settings() RETURNS TABLE (label text, names text[], vals text[])
LANGUAGE sql IMMUTABLE AS $$ VALUES
    ('default', '{}'::text[], '{}'::text[]),
    ('no seqscan', '{enable_seqscan}', '{off}'),
    ('index scans only', '{enable_seqscan,enable_bitmapscan}', '{off,off}'),
    ('bitmap scans only', '{enable_seqscan,enable_indexscan,enable_indexonlyscan}', '{off,off,off}'),
    ('cheap random pages', '{random_page_cost,seq_page_cost,cpu_index_tuple_cost}', '{0.01,100,0}')
$$;

-- For the current user: every readable probe of his, under every setting,
-- EXPLAIN (ANALYZE, BUFFERS) of the range with rows of others and of an
-- empty range next to it, after a warm-up; and the planner's estimates
-- (COSTS ON) of both. Returns what differed: "table.col (setting)".
CREATE FUNCTION public.ix_attack() RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
    p     record;
    s     record;
    q_hit text;
    q_nil text;
    a     text;
    b     text;
    bad   text[] := '{}';
    aopts constant text := 'ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF';
BEGIN
    FOR p IN SELECT * FROM public.ix_probe x WHERE x.login = session_user AND x.readable
              ORDER BY x.tbl, x.col LOOP
        q_hit := format('SELECT 1 FROM eduaid.%I WHERE %I >= %L::%s AND %I < %L::%s',
                        p.tbl, p.col, p.lo, p.typ, p.col, p.hi, p.typ);
        -- the empty range: just after lo for text (lo || chr(1) starts no
        -- value), [lo, lo) for dates
        IF p.typ = 'date' THEN
            q_nil := format('SELECT 1 FROM eduaid.%I WHERE %I >= %L::%s AND %I < %L::%s',
                            p.tbl, p.col, p.lo, p.typ, p.col, p.lo, p.typ);
        ELSE
            q_nil := format('SELECT 1 FROM eduaid.%I WHERE %I >= %L::%s AND %I < %L::%s',
                            p.tbl, p.col, p.lo || chr(1), p.typ, p.col, p.lo || chr(2), p.typ);
        END IF;
        FOR s IN SELECT * FROM public.ix_settings() LOOP
            FOR i IN 1 .. coalesce(cardinality(s.names), 0) LOOP
                PERFORM set_config(s.names[i], s.vals[i], true);
            END LOOP;
            PERFORM public.ix_explain(q_nil, aopts);
            a := public.ix_explain(q_hit, aopts);
            b := public.ix_explain(q_nil, aopts);
            IF a <> b THEN
                bad := bad || format('%s.%s (%s)', p.tbl, p.col, s.label);
                RAISE NOTICE E'%.% (%): rows of others\n%empty\n%', p.tbl, p.col, s.label, a, b;
            END IF;
            IF public.ix_explain(q_hit, 'COSTS ON') <> public.ix_explain(q_nil, 'COSTS ON') THEN
                bad := bad || format('%s.%s (%s, estimates)', p.tbl, p.col, s.label);
            END IF;
            FOR i IN 1 .. coalesce(cardinality(s.names), 0) LOOP
                EXECUTE format('RESET %I', s.names[i]);
            END LOOP;
        END LOOP;
    END LOOP;
    RETURN bad;
END
$$;

SET SESSION AUTHORIZATION demo_clerk;
SELECT is(public.ix_attack(), '{}'::text[],
    'demo_clerk: EXPLAIN (ANALYZE, BUFFERS) and the estimates over other townships'' names, ID numbers, birth dates and household numbers read as over nothing, under any planner settings');
SET SESSION AUTHORIZATION demo_officer;
SELECT is(public.ix_attack(), '{}'::text[],
    'demo_officer: the same, nothing of other townships');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(public.ix_attack(), '{}'::text[],
    'demo_supervisor: the same for the names and household numbers of another county');
SET SESSION AUTHORIZATION demo_auditor;
SELECT is(public.ix_attack(), '{}'::text[],
    'demo_auditor: the same for every personal column of another county');
RESET SESSION AUTHORIZATION;
SELECT ok((SELECT count(*) FROM public.ix_probe WHERE login = 'demo_supervisor' AND readable) >= 5
          AND (SELECT count(*) FROM public.ix_probe WHERE login = 'demo_auditor' AND readable) >= 15,
    'the supervisor and the auditor had probes to run');

-- Supervisors see ID numbers and birth dates masked: they cannot name
-- those columns at all, not even in EXPLAIN.
CREATE FUNCTION public.ix_refused() RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
    p   record;
    bad text[] := '{}';
BEGIN
    FOR p IN SELECT * FROM public.ix_probe x WHERE x.login = session_user AND NOT x.readable LOOP
        BEGIN
            PERFORM public.ix_explain(format('SELECT 1 FROM eduaid.%I WHERE %I >= %L::%s',
                                             p.tbl, p.col, p.lo, p.typ), 'COSTS ON');
            bad := bad || format('%s.%s', p.tbl, p.col);
        EXCEPTION WHEN insufficient_privilege THEN
            NULL;
        END;
    END LOOP;
    RETURN bad;
END
$$;
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(public.ix_refused(), '{}'::text[],
    'demo_supervisor cannot name an ID number or birth date column, not even to EXPLAIN');
RESET SESSION AUTHORIZATION;
SELECT ok((SELECT count(*) FROM public.ix_probe WHERE login = 'demo_supervisor' AND NOT readable) >= 5,
    'the supervisor had masked columns to try');

-- ==== the prefix walk of the issue ==========================================
-- demo_clerk, moved for the walk to a new township of the county that
-- holds no record (so that nothing he finds is his own), walks an ID number
-- column digit by digit from '420325' as the issue did: a prefix is
-- followed when EXPLAIN (ANALYZE, BUFFERS) of its range reads differently
-- from the empty range right after the prefix (prefix || chr(1) ...).
-- Indexes are forced (no seq scans, no bitmaps), then not. Returns the
-- first full ID number so found, or NULL.
CREATE FUNCTION public.ix_walk(tbl text, col text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    stack  text[];
    p      text;
    c      text;
    q      text;
    nil    text;
    opts constant text := 'ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF';
    steps  int;
BEGIN
    q := format('SELECT 1 FROM eduaid.%I WHERE %I >= $1 AND %I < $2', tbl, col, col);
    FOR forced IN 0 .. 1 LOOP
        PERFORM set_config('enable_seqscan', CASE forced WHEN 1 THEN 'off' ELSE 'on' END, true);
        PERFORM set_config('enable_bitmapscan', CASE forced WHEN 1 THEN 'off' ELSE 'on' END, true);
        stack := ARRAY['420325'];
        steps := 0;
        WHILE cardinality(stack) > 0 AND steps < 1000 LOOP
            p := stack[cardinality(stack)];
            stack := stack[1:cardinality(stack) - 1];
            IF length(p) = 18 THEN
                RETURN p;
            END IF;
            FOREACH c IN ARRAY CASE WHEN length(p) = 17 THEN '{0,1,2,3,4,5,6,7,8,9,X}'::text[]
                                    ELSE '{0,1,2,3,4,5,6,7,8,9}'::text[] END LOOP
                steps := steps + 1;
                nil := public.ix_explain(replace(replace(q, '$1', quote_literal(p || c || chr(1))),
                                                 '$2', quote_literal(p || c || chr(2))), opts);
                IF public.ix_explain(replace(replace(q, '$1', quote_literal(p || c)),
                                             '$2', quote_literal(p || chr(ascii(c) + 1))), opts)
                   <> nil THEN
                    stack := stack || (p || c);
                END IF;
            END LOOP;
        END LOOP;
    END LOOP;
    RETURN NULL;
END
$$;

INSERT INTO eduaid.township (id, county_id, name) VALUES (420325299, 420325, '测试乡');
DELETE FROM eduaid.app_user_township WHERE login = 'demo_clerk';
INSERT INTO eduaid.app_user_township (login, township_id) VALUES ('demo_clerk', 420325299);
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq($$SELECT (SELECT count(*) FROM eduaid.student), (SELECT count(*) FROM eduaid.special_ed_plan)$$,
    $$VALUES (0::bigint, 0::bigint)$$,
    'demo_clerk, now of an empty township, sees no student and no plan');
SELECT is(public.ix_walk('student', 'id_number'), NULL,
    'demo_clerk walks student.id_number digit by digit from 420325: no ID number of another township');
SELECT is(public.ix_walk('special_ed_plan', 'child_id_number'), NULL,
    'demo_clerk walks special_ed_plan.child_id_number: no disabled child of another township');
RESET SESSION AUTHORIZATION;
SELECT ok((SELECT count(*) FROM eduaid.student) > 4000
          AND (SELECT count(*) FROM eduaid.special_ed_plan) > 50,
    'there were thousands of students and dozens of plans to find');

SELECT * FROM finish();
ROLLBACK;
