-- tests/db/74_search_scale.sql: the list screens' `/` search under
-- row-level security (issue 16; sql/055_search_indexes.sql,
-- src/db/record.c record_list_page): what each role finds, what it can
-- never find, and that a clerk's search reads only his townships' index
-- entries.
--
-- The story, on small data. demo_clerk (城关镇, 军店镇) makes household A
-- in 城关镇, head 搜索测甲 with member 搜索测乙; demo_clerk2 (土城镇) makes
-- household B, head 搜索测丙 with member 搜索测丁. The search statement is
-- the household form's as the client builds it (names by a "C"-order
-- range, ID and household numbers by =, members through
-- `r.id = ANY (ARRAY(SELECT ...))`; for a supervisor the *_masked twins
-- compared with eduaid.search_masked_id). demo_clerk finds A by the
-- prefix 搜索测, by A's head's and member's full ID numbers, never B (by
-- name, ID number or household number); EXPLAIN (ANALYZE, BUFFERS) of a
-- prefix only B holds reads exactly like a prefix nobody holds; the plans
-- use the indexes that lead with township_id (household_head_name_idx,
-- household_head_id_number_idx, student_name_idx, student_id_number_idx),
-- the township condition inside their Index Cond. demo_supervisor finds A
-- and B by name and household number and by the visible digits of a
-- masked ID number, never by the full number: he cannot name the column
-- (42501), and the masked search refuses a full number (NULL).
-- (Sequential scans are switched off for the plan assertions: on a few
-- hundred rows the planner would rightly scan the table; what is asserted
-- is that the index can serve the search under RLS at all.)
--
-- Cost: well under a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(16);

-- The household form's search statement for text t (record_list_page):
-- masked: as a supervisor (the ID numbers' masked twins).
CREATE FUNCTION public.s74_search(t text, masked boolean DEFAULT false) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
SELECT format($q$SELECT r.id FROM eduaid.household r JOIN eduaid.township tw ON tw.id = r.township_id
 WHERE true AND ((r.head_name::text COLLATE "C" >= %1$L AND r.head_name::text COLLATE "C" < %1$L || chr(1114111))
    OR r.household_no = upper(%1$L)
    OR %2$s
    OR r.village_id = ANY (ARRAY(SELECT lk.id FROM eduaid.village lk
                                 WHERE (lk.name::text COLLATE "C" >= %1$L AND lk.name::text COLLATE "C" < %1$L || chr(1114111))))
    OR r.id = ANY (ARRAY(SELECT g.household_id FROM eduaid.student g
                          WHERE (g.name::text COLLATE "C" >= %1$L AND g.name::text COLLATE "C" < %1$L || chr(1114111))))
    OR r.id = ANY (ARRAY(SELECT g.household_id FROM eduaid.student g WHERE %3$s)))
 ORDER BY r.updated_at DESC, r.id DESC LIMIT 50$q$, t,
    CASE WHEN masked THEN format('r.head_id_number_masked = eduaid.search_masked_id(%L)', t)
         ELSE format('r.head_id_number = upper(%L)', t) END,
    CASE WHEN masked THEN format('g.id_number_masked = eduaid.search_masked_id(%L)', t)
         ELSE format('g.id_number = upper(%L)', t) END)
$$;
-- The ids the search finds, as the current user.
CREATE FUNCTION public.s74_ids(t text, masked boolean DEFAULT false) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    EXECUTE format('SELECT coalesce(array_agg(x.id ORDER BY x.id), ''{}'') FROM (%s) AS x',
                   public.s74_search(t, masked)) INTO ids;
    RETURN ids;
END
$$;
-- EXPLAIN of the search as the current user, one text; with_analyze: with
-- ANALYZE and BUFFERS, timings off and the search text blanked out, so
-- that two searches can be compared line by line.
CREATE FUNCTION public.s74_plan(t text, with_analyze boolean DEFAULT false,
                                masked boolean DEFAULT false) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    out text := '';
BEGIN
    FOR line IN EXECUTE format('EXPLAIN (COSTS OFF%s) %s',
                               CASE WHEN with_analyze THEN ', ANALYZE, BUFFERS, TIMING OFF, SUMMARY OFF' END,
                               public.s74_search(t, masked)) LOOP
        out := out || regexp_replace(line, '''[^'']*''', '''?''', 'g') || E'\n';
    END LOOP;
    RETURN out;
END
$$;
GRANT EXECUTE ON FUNCTION public.s74_search(text, boolean), public.s74_ids(text, boolean),
    public.s74_plan(text, boolean, boolean) TO PUBLIC;

-- ==== the fixtures ==========================================================
\o /dev/null
SET SESSION AUTHORIZATION demo_clerk;
SELECT public.fx_household('s74_a', 420325100);
SELECT public.fx_student('s74_a1', 's74_a');
UPDATE eduaid.household SET head_name = '搜索测甲' WHERE id = public.fx('s74_a');
UPDATE eduaid.student SET name = '搜索测乙' WHERE id = public.fx('s74_a1');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_clerk2;
SELECT public.fx_household('s74_b', 420325103);
SELECT public.fx_student('s74_b1', 's74_b');
UPDATE eduaid.household SET head_name = '搜索测丙' WHERE id = public.fx('s74_b');
UPDATE eduaid.student SET name = '搜索测丁' WHERE id = public.fx('s74_b1');
RESET SESSION AUTHORIZATION;
CREATE TEMP TABLE s74 AS
SELECT (SELECT head_id_number FROM eduaid.household WHERE id = public.fx('s74_a')) AS a_head,
       (SELECT id_number FROM eduaid.student WHERE id = public.fx('s74_a1')) AS a_member,
       (SELECT head_id_number FROM eduaid.household WHERE id = public.fx('s74_b')) AS b_head,
       (SELECT id_number FROM eduaid.student WHERE id = public.fx('s74_b1')) AS b_member,
       (SELECT household_no FROM eduaid.household WHERE id = public.fx('s74_b')) AS b_no;
GRANT SELECT ON s74 TO PUBLIC;
\o

-- ==== a clerk ===============================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(public.s74_ids('搜索测'), ARRAY[public.fx('s74_a')]::bigint[],
          'demo_clerk: / 搜索测 finds his household (head 搜索测甲, member 搜索测乙), not 土城镇''s');
SELECT is(public.s74_ids('搜索测乙'), ARRAY[public.fx('s74_a')]::bigint[],
          'demo_clerk: / by a member''s name');
SELECT is(public.s74_ids((SELECT lower(a_head) FROM s74)), ARRAY[public.fx('s74_a')]::bigint[],
          'demo_clerk: / by the head''s full ID number (upper-cased)');
SELECT is(public.s74_ids((SELECT a_member FROM s74)), ARRAY[public.fx('s74_a')]::bigint[],
          'demo_clerk: / by a member''s full ID number');
SELECT is(public.s74_ids('搜索测丙') || public.s74_ids((SELECT b_head FROM s74))
          || public.s74_ids((SELECT b_member FROM s74)) || public.s74_ids((SELECT b_no FROM s74)),
          '{}'::bigint[],
          'demo_clerk: another township''s household is found by nothing (name, head''s or member''s ID number, household number)');
SELECT is(public.s74_plan('搜索测丙', true), public.s74_plan('搜索测无', true),
          'demo_clerk: EXPLAIN (ANALYZE, BUFFERS) of a prefix only 土城镇 holds reads like one nobody holds');
SELECT is(public.s74_plan((SELECT b_member FROM s74), true), public.s74_plan('420325209901010000', true),
          'demo_clerk: ... and of another township''s member''s ID number like an ID number nobody has');
SET LOCAL enable_seqscan = off;
SELECT matches(public.s74_plan('搜索测'),
               'Index Cond: \(\(township_id = ANY .*head_name.*>=',
               'demo_clerk: a name prefix is an index condition after the township''s (household_head_name_idx)');
SELECT ok(public.s74_plan('搜索测') ~ 'household_head_name_idx' AND public.s74_plan('搜索测') ~ 'student_name_idx',
          'demo_clerk: the name search reads household_head_name_idx and student_name_idx');
SELECT ok(public.s74_plan((SELECT a_head FROM s74)) ~ 'household_head_id_number_idx'
          AND public.s74_plan((SELECT a_head FROM s74)) ~ 'student_id_number_idx',
          'demo_clerk: the ID number search reads household_head_id_number_idx and student_id_number_idx');
SELECT ok(public.s74_plan('搜索测') !~ '(?n)Filter:.*(head_name|id_number)',
          'demo_clerk: no name or ID number condition is left as a filter over the rows');
RESET enable_seqscan;
RESET SESSION AUTHORIZATION;

-- ==== a supervisor ==========================================================
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(public.s74_ids('搜索测', true), ARRAY[public.fx('s74_a'), public.fx('s74_b')]::bigint[],
          'demo_supervisor: / 搜索测 finds both townships'' households by name');
SELECT is(public.s74_ids((SELECT b_no FROM s74), true), ARRAY[public.fx('s74_b')]::bigint[],
          'demo_supervisor: / by a household number');
SELECT is(public.s74_ids((SELECT left(a_member, 6) || '********' || right(a_member, 4) FROM s74), true)
          || public.s74_ids((SELECT left(a_head, 6) || '*' || right(a_head, 4) FROM s74), true),
          ARRAY[public.fx('s74_a'), public.fx('s74_a')]::bigint[],
          'demo_supervisor: / by the visible digits of a masked ID number (as shown, or 6*4)');
SELECT is(public.s74_ids((SELECT a_member FROM s74), true) || public.s74_ids((SELECT a_head FROM s74), true)
          || ARRAY[(SELECT count(*) FROM s74 WHERE eduaid.search_masked_id(a_head) IS NOT NULL)],
          '{0}'::bigint[],
          'demo_supervisor: a full ID number finds nothing (search_masked_id refuses it: it would unmask it)');
SELECT results_eq(
    $$SELECT (public.fx_refusal(format('SELECT 1 FROM eduaid.household WHERE head_id_number = %L', a_head))).state,
             (public.fx_refusal(format('EXPLAIN SELECT 1 FROM eduaid.student WHERE id_number = %L', a_member))).state
        FROM s74$$,
    $$VALUES ('42501'::text, '42501'::text)$$,
    'demo_supervisor: an exact search by the hidden column itself is refused (42501), EXPLAIN included');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
