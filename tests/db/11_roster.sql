-- tests/db/11_roster.sql: roster imports and their reconciliation
-- (sql/011_roster.sql), as each role.
--
-- Privileges: staging rows are INSERT-only (COPY cannot load a table with
-- RLS), read through the view roster_rows, which keeps each person to their
-- own imports and supervisors to masked ID numbers. The staging CHECK
-- constraints, each named for its column; rows only into one's own
-- unfinished import; an import must be finished to commit; roster_finish's
-- own refusals with the file line. Reconciliation on a crafted roster
-- holding each kind of difference, with the exact rows expected: for the
-- clerk, for the officer of 城关镇 (a 土城镇 row of the roster does not reach
-- him), masked for a supervisor (who is matched by masks only, 019). Drafts for a missing household go through
-- the INSERT path under RLS and land as drafts; what may not be created is
-- refused.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(57);

-- ==== structure and privileges =============================================
SELECT has_table('eduaid', 'roster_import', 'roster_import exists');
SELECT has_table('eduaid', 'roster_row', 'roster_row exists');
SELECT has_view('eduaid', 'roster_rows', 'roster_rows exists');
SELECT results_eq(
    $$SELECT p.proname::text COLLATE "default", p.prosecdef,
             'search_path=pg_catalog, pg_temp' = ANY (p.proconfig),
             has_function_privilege('public', p.oid, 'EXECUTE')
        FROM pg_proc p
       WHERE p.pronamespace = 'eduaid'::regnamespace
         AND p.proname IN ('roster_finish', 'roster_diff', 'roster_differences',
                           'roster_differences_masked', 'roster_counts', 'roster_create_drafts')
       ORDER BY 1$$,
    $$VALUES ('roster_counts', false, true, false),
             ('roster_create_drafts', false, true, false),
             ('roster_diff', false, true, false),
             ('roster_differences', false, true, false),
             ('roster_differences_masked', true, true, false),
             ('roster_finish', true, true, false)$$,
    'reconciliation and drafts are SECURITY INVOKER; finish and the supervisor''s masked door are definers; none is PUBLIC');
SELECT results_eq(
    $$SELECT g, has_table_privilege(g, 'eduaid.roster_row', 'SELECT'),
             has_any_column_privilege(g, 'eduaid.roster_row', 'INSERT'),
             has_table_privilege(g, 'eduaid.roster_row', 'UPDATE'),
             has_table_privilege(g, 'eduaid.roster_row', 'DELETE'),
             has_column_privilege(g, 'eduaid.roster_rows', 'head_id_number', 'SELECT'),
             has_column_privilege(g, 'eduaid.roster_rows', 'member_id_number', 'SELECT'),
             has_column_privilege(g, 'eduaid.roster_rows', 'head_id_number_masked', 'SELECT')
        FROM unnest(ARRAY['eduaid_admin', 'eduaid_auditor', 'eduaid_clerk', 'eduaid_officer',
                          'eduaid_supervisor']) AS g ORDER BY 1$$,
    $$VALUES ('eduaid_admin', false, false, false, false, false, false, false),
             ('eduaid_auditor', false, false, false, false, true, true, true),
             ('eduaid_clerk', false, true, false, false, true, true, true),
             ('eduaid_officer', false, true, false, false, true, true, true),
             ('eduaid_supervisor', false, true, false, false, false, false, true)$$,
    'staging rows: INSERT only; read through roster_rows, full ID numbers not for supervisors, nothing for the admin');
SELECT results_eq(
    $$SELECT tablename::text COLLATE "default", policyname::text COLLATE "default", cmd,
             roles::text[] COLLATE "default", coalesce(qual, with_check) COLLATE "default"
        FROM pg_policies WHERE schemaname = 'eduaid' AND tablename = 'roster_import' ORDER BY 2$$,
    $$VALUES ('roster_import', 'roster_import_auditor', 'SELECT', '{eduaid_auditor}'::text[], 'true'),
             ('roster_import', 'roster_import_insert', 'INSERT',
              '{eduaid_clerk,eduaid_officer,eduaid_supervisor}',
              '((imported_by = SESSION_USER) AND (eduaid.my_role() = ANY (ARRAY[''clerk''::text, ''officer''::text, ''supervisor''::text])))'),
             ('roster_import', 'roster_import_own', 'SELECT',
              '{eduaid_clerk,eduaid_officer,eduaid_supervisor}', '(imported_by = SESSION_USER)'),
             ('roster_import', 'roster_import_owner', 'ALL', '{eduaid_owner}', 'true')$$,
    'roster_import is scoped by person: own imports, all for auditors, the owner''s for the definers');
SELECT ok(eduaid.id_number_ok(NULL) IS NULL, 'id_number_ok(NULL) is NULL, as id_number_valid');

-- id_number_ok and id_number_valid (rewritten in 011) are the rule of
-- 002_rules.sql to the letter, written there with id_birth_date and
-- id_check_digit (kept here as the reference): the vectors and 20,000
-- numbers around every rule (dates, lengths, check characters).
CREATE FUNCTION public.rc_reference(n text) RETURNS boolean
LANGUAGE sql STABLE STRICT
RETURN n ~ '^[1-8][0-9]{16}[0-9X]$'
   AND coalesce(eduaid.id_birth_date(n) <= current_date, false)
   AND right(n, 1) = eduaid.id_check_digit(left(n, 17));
CREATE TABLE public.rc_vector (id_number text, valid boolean, reason text);
\copy public.rc_vector FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/tests/data/id_vectors.csv" ]; then cat "$d/tests/data/id_vectors.csv"; exit 0; fi; done; echo id_number,valid,reason' CSV HEADER
SELECT is_empty(
    $$SELECT id_number FROM public.rc_vector
       WHERE eduaid.id_number_ok(id_number) IS DISTINCT FROM public.rc_reference(id_number)
         OR eduaid.id_number_valid(id_number) IS DISTINCT FROM public.rc_reference(id_number)
      UNION ALL
      SELECT n FROM (SELECT CASE i % 5
                 WHEN 0 THEN public.fx_idno(lpad((i * 7919 % 900000 + 100000)::text, 6, '0')
                             || to_char(DATE '1890-01-01' + (i * 37 % 60000), 'YYYYMMDD')
                             || lpad((i % 1000)::text, 3, '0'))
                 WHEN 1 THEN lpad((i::bigint * 104729)::text, 17, '0') || substr('0123456789X', i % 11 + 1, 1)
                 WHEN 2 THEN '4203252' || lpad((i % 1000)::text, 3, '0') || lpad((i % 9999)::text, 4, '0')
                             || lpad((i % 1000)::text, 3, '0') || 'x'
                 WHEN 3 THEN '42032520' || lpad((i % 100)::text, 2, '0') || '0229' || '123'
                             || substr('0123456789X', i % 11 + 1, 1)
                 ELSE left(public.fx_idno('420325' || to_char(DATE '2000-01-01' + i % 10000, 'YYYYMMDD') || '123'),
                           17 + i % 3) END AS n
              FROM generate_series(1, 20000) AS i) x
       WHERE eduaid.id_number_ok(n) IS DISTINCT FROM public.rc_reference(n)
          OR eduaid.id_number_valid(n) IS DISTINCT FROM public.rc_reference(n)$$,
    'id_number_ok and id_number_valid follow the reference rule on the vectors and 20,000 generated numbers');

-- ==== staging constraints ===================================================
SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO eduaid.roster_import (file_name, encoding) VALUES ('bad.csv', 'UTF-8')
    RETURNING public.fx_set('imp_bad', id) AS imp_bad \gset
RESET SESSION AUTHORIZATION;
CREATE FUNCTION public.rc_row(hno text, head_id text, fam text, mname text, mid text, rel text,
                              stage text) RETURNS text
LANGUAGE sql RETURN format(
    'INSERT INTO eduaid.roster_row (import_id, file_line, household_no, township, village, '
    'township_id, village_id, head_name, head_id_number, family_size, member_name, '
    'member_id_number, relation, stage) VALUES (%s, %s, %L, %L, %L, 420325100, 420325100001, '
    '%L, %L, %s, %L, %L, %L, %L)', public.fx('imp_bad'), nextval('public.fx_seq') + 1, hno, '城关镇', '小西关社区居民委员会',
    '张三', head_id, coalesce(fam, 'NULL'), mname, mid, rel, stage);
CREATE FUNCTION public.rc_finish_error(imp bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    st text; d text; c text; m text;
BEGIN
    PERFORM eduaid.roster_finish(imp);
    RETURN 'finished';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, d = PG_EXCEPTION_DETAIL, c = COLUMN_NAME,
        m = MESSAGE_TEXT;
    RETURN st || ' line ' || d || ' ' || c;
END
$$;
CREATE FUNCTION public.rc_import(rows text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    imp bigint;
BEGIN
    INSERT INTO eduaid.roster_import (file_name, encoding) VALUES ('t.csv', 'UTF-8')
        RETURNING id INTO imp;
    EXECUTE 'INSERT INTO eduaid.roster_row (import_id, file_line, household_no, township, village, '
            'township_id, village_id, head_name, head_id_number, member_name, member_id_number) '
            'SELECT $1, l, h, t, v, tid, vid, hn, hid, mn, mid FROM (VALUES ' || rows
            || ') AS x(l, h, t, v, tid, vid, hn, hid, mn, mid)' USING imp;
    RETURN imp;
END
$$;
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok(public.rc_row('fx-1', '420325198709070013', NULL, NULL, NULL, NULL, NULL),
    '23514', 'new row for relation "roster_row" violates check constraint "roster_row_household_no_check"',
    'a household number outside ^[0-9A-Z-]{6,30}$ is refused');
SELECT throws_ok(public.rc_row('FX1000001', '420325198709070014', NULL, NULL, NULL, NULL, NULL),
    '23514', 'new row for relation "roster_row" violates check constraint "roster_row_head_id_number_check"',
    'a head ID number with a wrong check character is refused');
SELECT throws_ok(public.rc_row('FX1000001', '420325198709070013', '0', NULL, NULL, NULL, NULL),
    '23514', 'new row for relation "roster_row" violates check constraint "roster_row_family_size_check"',
    'a family size of 0 is refused');
SELECT throws_ok(public.rc_row('FX1000001', '420325198709070013', NULL, '李四', NULL, NULL, NULL),
    '23514', 'new row for relation "roster_row" violates check constraint "roster_row_member_id_number_required"',
    'a member without an ID number is refused');
SELECT throws_ok(public.rc_row('FX1000001', '420325198709070013', NULL, NULL, '420325201511053001', NULL, NULL),
    '23514', 'new row for relation "roster_row" violates check constraint "roster_row_member_name_required"',
    'a member ID number without a name is refused');
SELECT throws_ok(public.rc_row('FX1000001', '420325198709070013', NULL, '李四', '420325201511053001', NULL, 'kindergarten'),
    '23514', 'new row for relation "roster_row" violates check constraint "roster_row_stage_check"',
    'an unknown stage is refused');
SELECT throws_ok(public.rc_row('FX1000001', '420325198709070013', NULL, '李四', '420325201511053000', NULL, NULL),
    '23514', 'new row for relation "roster_row" violates check constraint "roster_row_member_id_number_check"',
    'a member ID number with a wrong check character is refused');
SELECT lives_ok(public.rc_row('FX1000001', '420325198709070013', '4', '李四', '420325201511053001', 'child', 'primary'),
    'a good row goes in');
SELECT throws_ok('UPDATE eduaid.roster_row SET head_name = ''x''', '42501', NULL,
    'staging rows cannot be updated');
SELECT throws_ok('DELETE FROM eduaid.roster_row', '42501', NULL, 'staging rows cannot be deleted');
SELECT throws_ok('SET CONSTRAINTS eduaid.roster_import_finished IMMEDIATE', 'EA020', NULL,
    'an import that was not finished cannot commit');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT throws_ok(public.rc_row('FX1000002', '420325198709070013', NULL, NULL, NULL, NULL, NULL),
    'EA006', NULL, 'rows cannot go into another person''s import');
SELECT throws_ok(format('SELECT eduaid.roster_finish(%s)', :imp_bad), 'EA005', NULL,
    'another person''s import cannot be finished');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$INSERT INTO eduaid.roster_import (file_name, encoding) VALUES ('x.csv', 'UTF-8')$$,
    '42501', NULL, 'the admin may not import');

-- roster_finish: places must agree with the text, households with
-- themselves, nobody twice; refusals name the line (DETAIL) and column.
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(public.rc_finish_error(public.rc_import(
    $$(2, 'FX1000001', '城关镇', '小西关社区居民委员会', 420325100, 420325100001, '张三', '420325198709070013', NULL, NULL),
      (3, 'FX1000002', '军店镇', '小西关社区居民委员会', 420325100, 420325100001, '李四', '420325198409210010', NULL, NULL)$$)),
    'EA020 line 3 township', 'a township text that is not the resolved township is refused at its line');
SELECT is(public.rc_finish_error(public.rc_import(
    $$(2, 'FX1000001', '420325100', '老城社区居民委员会', 420325100, 420325100001, '张三', '420325198709070013', NULL, NULL)$$)),
    'EA020 line 2 village', 'a village text that is not the resolved village is refused');
SELECT is(public.rc_finish_error(public.rc_import(
    $$(2, 'FX1000001', '城关镇', '420325100001', 420325100, 420325100001, '张三', '420325198709070013', '甲', '420325201511053001'),
      (5, 'FX1000001', '城关镇', '420325100001', 420325100, 420325100001, '张四', '420325198709070013', '乙', '420325202006073006')$$)),
    'EA020 line 5 household_no', 'a household whose columns differ between its rows is refused at the second');
SELECT is(public.rc_finish_error(public.rc_import(
    $$(2, 'FX1000001', '城关镇', '420325100001', 420325100, 420325100001, '张三', '420325198709070013', '甲', '420325201511053001'),
      (3, 'FX1000002', '城关镇', '420325100001', 420325100, 420325100001, '李四', '420325198409210010', '甲', '420325201511053001')$$)),
    'EA020 line 3 member_id_number', 'a member listed twice is refused at the second');
SELECT is(public.rc_finish_error(public.rc_import(
    $$(2, 'FX1000001', '城关镇', '420325100001', 420325100, 420325100001, '张三', '420325198709070013', NULL, NULL),
      (4, 'FX1000002', '城关镇', '420325100001', 420325100, 420325100001, '张三', '420325198709070013', NULL, NULL)$$)),
    'EA020 line 4 head_id_number', 'one head for two households is refused');

-- ==== the crafted roster =====================================================
-- eduaid side, as demo_clerk (城关镇 and 军店镇): households that will be the
-- same, renamed, re-numbered, moved village, moved township (军店镇 in
-- eduaid, 城关镇 in the roster), left out of the roster; members the same,
-- renamed, left out, moved to another household.
SELECT fx_household('rc_same', 420325100) IS NOT NULL AS a, fx_household('rc_head', 420325100) IS NOT NULL AS b,
       fx_household('rc_headid', 420325100) IS NOT NULL AS c, fx_household('rc_vill', 420325100) IS NOT NULL AS d,
       fx_household('rc_town', 420325101) IS NOT NULL AS e, fx_household('rc_extra', 420325100) IS NOT NULL AS f,
       fx_household('rc_mem', 420325100) IS NOT NULL AS g \gset
SELECT fx_student('s_keep', 'rc_mem') IS NOT NULL AS a, fx_student('s_name', 'rc_mem') IS NOT NULL AS b,
       fx_student('s_gone', 'rc_mem') IS NOT NULL AS c, fx_student('s_moved', 'rc_head') IS NOT NULL AS d,
       fx_student('s_same', 'rc_same') IS NOT NULL AS e \gset
RESET SESSION AUTHORIZATION;
SELECT set_config('eduaid_test.new_head_id', public.fx_new_idno('1971-05-05'), false) AS a,
       set_config('eduaid_test.new_member_id', public.fx_new_idno('2016-02-03', 'F'), false) AS b,
       set_config('eduaid_test.new_hh_head', public.fx_new_idno('1980-06-07'), false) AS c,
       set_config('eduaid_test.new_hh_member', public.fx_new_idno('2015-03-01', 'F'), false) AS d,
       set_config('eduaid_test.tc_head', public.fx_new_idno('1981-06-07'), false) AS e,
       set_config('eduaid_test.town_head',
                  (SELECT head_id_number FROM eduaid.household WHERE id = fx('rc_town')), false) AS f \gset

-- The roster: everything eduaid holds for 城关镇 (the demo records too) and
-- rc_town, with the differences made on purpose, plus a new household.
CREATE TABLE public.rc_roster AS
WITH hh AS (
    SELECT h.id, h.household_no,
           CASE WHEN h.household_no = 'TEST-RC-TOWN' THEN 420325100 ELSE h.township_id END AS township_id,
           CASE h.household_no
               WHEN 'TEST-RC-TOWN' THEN (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325100)
               WHEN 'TEST-RC-VILL' THEN (SELECT max(v.id) FROM eduaid.village v WHERE v.township_id = 420325100)
               ELSE h.village_id END AS village_id,
           CASE WHEN h.household_no = 'TEST-RC-HEAD' THEN '改名户主' ELSE h.head_name END AS head_name,
           CASE WHEN h.household_no = 'TEST-RC-HEADID' THEN current_setting('eduaid_test.new_head_id')
                ELSE h.head_id_number END AS head_id_number,
           h.family_size
      FROM eduaid.household h
     WHERE (h.township_id = 420325100 OR h.household_no = 'TEST-RC-TOWN')
       AND h.household_no <> 'TEST-RC-EXTRA'
), mm AS (
    SELECT CASE WHEN s.id = fx('s_moved') THEN fx('rc_mem') ELSE s.household_id END AS hid,
           CASE WHEN s.id = fx('s_name') THEN '改名学生' ELSE s.name END AS name,
           s.id_number, s.relation,
           (SELECT sy.stage FROM eduaid.student_year sy  -- the stage of this school year
             WHERE sy.student_id = s.id AND sy.school_year = eduaid.school_year_of(current_date)) AS stage,
           s.id
      FROM eduaid.student s WHERE s.id <> fx('s_gone')
       AND s.moved_out_on IS NULL  -- (the demo's member who moved away: 033)
    UNION ALL
    SELECT fx('rc_mem'), '新学生', current_setting('eduaid_test.new_member_id'), 'child', 'primary', 0
), r AS (
    SELECT hh.household_no, t.name AS township, v.name AS village, hh.township_id, hh.village_id,
           hh.head_name, hh.head_id_number, hh.family_size, mm.name AS member_name,
           mm.id_number AS member_id_number, mm.relation, mm.stage, mm.id AS mid
      FROM hh JOIN eduaid.township t ON t.id = hh.township_id
      JOIN eduaid.village v ON v.id = hh.village_id
      LEFT JOIN mm ON mm.hid = hh.id
    UNION ALL
    SELECT 'TEST-RC-NEW', '城关镇', '420325100001', 420325100, 420325100001, '新户主',
           current_setting('eduaid_test.new_hh_head'), 3, '新户学生',
           current_setting('eduaid_test.new_hh_member'), '子女'::text, 'junior', 0
)
SELECT (row_number() OVER (ORDER BY household_no, mid) + 1)::int AS file_line, household_no, township,
       village, township_id, village_id, head_name, head_id_number, family_size, member_name,
       member_id_number, CASE WHEN relation = '子女' THEN 'child' ELSE relation END AS relation, stage
  FROM r;
GRANT SELECT ON public.rc_roster TO PUBLIC;

-- What every role should be told (ID numbers in full).
CREATE VIEW public.rc_expected AS
SELECT 420325100 AS township_id, '城关镇'::text AS township_name, e.* FROM (VALUES
    ('extra_household', 'TEST-RC-EXTRA', '测试户主',
     (SELECT head_id_number FROM eduaid.household WHERE id = fx('rc_extra')), NULL, NULL, NULL),
    ('household_differs', 'TEST-RC-HEAD', '改名户主',
     (SELECT head_id_number FROM eduaid.household WHERE id = fx('rc_head')), 'head_name', '改名户主', '测试户主'),
    ('household_differs', 'TEST-RC-HEADID', '测试户主', current_setting('eduaid_test.new_head_id'),
     'head_id_number', current_setting('eduaid_test.new_head_id'),
     (SELECT head_id_number FROM eduaid.household WHERE id = fx('rc_headid'))),
    ('extra_member', 'TEST-RC-MEM', '测试学生',
     (SELECT id_number FROM eduaid.student WHERE id = fx('s_gone')), NULL, NULL, NULL),
    ('member_differs', 'TEST-RC-MEM', '测试学生',
     (SELECT id_number FROM eduaid.student WHERE id = fx('s_moved')), 'household_no', 'TEST-RC-MEM', 'TEST-RC-HEAD'),
    ('member_differs', 'TEST-RC-MEM', '改名学生',
     (SELECT id_number FROM eduaid.student WHERE id = fx('s_name')), 'name', '改名学生', '测试学生'),
    ('missing_member', 'TEST-RC-MEM', '新学生', current_setting('eduaid_test.new_member_id'), NULL, NULL, NULL),
    ('missing_household', 'TEST-RC-NEW', '新户主', current_setting('eduaid_test.new_hh_head'), NULL, NULL, NULL),
    ('household_differs', 'TEST-RC-TOWN', '测试户主',
     (SELECT head_id_number FROM eduaid.household WHERE id = fx('rc_town')), 'township', '城关镇', '军店镇'),
    ('household_differs', 'TEST-RC-TOWN', '测试户主',
     (SELECT head_id_number FROM eduaid.household WHERE id = fx('rc_town')), 'village',
     (SELECT v.name FROM eduaid.village v WHERE v.id = (SELECT min(id) FROM eduaid.village WHERE township_id = 420325100)),
     (SELECT v.name FROM eduaid.village v WHERE v.id = (SELECT min(id) FROM eduaid.village WHERE township_id = 420325101))),
    ('household_differs', 'TEST-RC-VILL', '测试户主',
     (SELECT head_id_number FROM eduaid.household WHERE id = fx('rc_vill')), 'village',
     (SELECT v.name FROM eduaid.village v WHERE v.id = (SELECT max(id) FROM eduaid.village WHERE township_id = 420325100)),
     (SELECT v.name FROM eduaid.village v WHERE v.id = (SELECT min(id) FROM eduaid.village WHERE township_id = 420325100)))
) AS e(diff_kind, household_no, person_name, id_number, field, roster_value, eduaid_value);
GRANT SELECT ON public.rc_expected TO PUBLIC;

CREATE FUNCTION public.rc_load(extra_tucheng boolean) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    imp bigint;
BEGIN
    INSERT INTO eduaid.roster_import (file_name, encoding) VALUES ('roster.csv', 'GB18030')
        RETURNING id INTO imp;
    INSERT INTO eduaid.roster_row (import_id, file_line, household_no, township, village,
        township_id, village_id, head_name, head_id_number, family_size, member_name,
        member_id_number, relation, stage)
    SELECT imp, r.file_line, r.household_no, r.township, r.village, r.township_id, r.village_id,
           r.head_name, r.head_id_number, r.family_size, r.member_name, r.member_id_number,
           r.relation, r.stage
      FROM public.rc_roster r
    UNION ALL
    SELECT imp, 100000, 'TEST-RC-TC', '土城镇', v.name, 420325103, v.id, '土城户主',
           current_setting('eduaid_test.tc_head'), 1, NULL, NULL, NULL, NULL
      FROM eduaid.village v
     WHERE extra_tucheng AND v.id = (SELECT min(id) FROM eduaid.village WHERE township_id = 420325103);
    PERFORM eduaid.roster_finish(imp);
    RETURN imp;
END
$$;
GRANT EXECUTE ON FUNCTION public.rc_load(boolean) TO PUBLIC;

-- ==== reconciliation ========================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT public.fx_set('imp_clerk', public.rc_load(false)) AS imp_clerk \gset
SELECT results_eq(
    $$SELECT * FROM eduaid.roster_differences(fx('imp_clerk')) ORDER BY 1, 4, 3, 6, 7$$,
    $$SELECT * FROM public.rc_expected ORDER BY 1, 4, 3, 6, 7$$,
    'the clerk gets exactly the differences made, each of its kind, and nothing else');
SELECT results_eq(
    $$SELECT township_id, township_name, missing_households, extra_households, differing_households,
             missing_members, extra_members, differing_members
        FROM eduaid.roster_counts(fx('imp_clerk'))$$,
    $$VALUES (420325100, '城关镇', 1::bigint, 1::bigint, 4::bigint, 1::bigint, 1::bigint, 2::bigint)$$,
    'the counts per township agree');
SELECT is((SELECT roster_households FROM eduaid.roster_counts(fx('imp_clerk'))),
    (SELECT count(DISTINCT household_no) FROM public.rc_roster WHERE township_id = 420325100),
    'roster_households counts the roster''s households of the township');
SELECT is((SELECT count(*)::int FROM eduaid.roster_rows WHERE import_id = fx('imp_clerk')),
    (SELECT count(*)::int FROM public.rc_roster), 'the clerk reads the rows of her import');

SET SESSION AUTHORIZATION demo_clerk2;
SELECT is((SELECT count(*)::int FROM eduaid.roster_rows WHERE import_id = fx('imp_clerk')), 0,
    'another clerk reads none of its rows');
SELECT is((SELECT count(*)::int FROM eduaid.roster_import WHERE id = fx('imp_clerk')), 0,
    'nor the import');
SELECT is_empty($$SELECT * FROM eduaid.roster_differences(fx('imp_clerk'))$$,
    'nor its differences');

SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.roster_rows WHERE import_id = fx('imp_clerk')),
    (SELECT count(*)::int FROM public.rc_roster), 'the auditor reads every import');
SELECT is((SELECT count(*)::int FROM eduaid.roster_differences(fx('imp_clerk'))),
    (SELECT count(*)::int FROM public.rc_expected), 'and reconciles it');
SELECT throws_ok($$INSERT INTO eduaid.roster_import (file_name, encoding) VALUES ('x.csv', 'UTF-8')$$,
    '42501', NULL, 'the auditor may not import');

-- The officer of 城关镇: a roster that also holds a 土城镇 household.
SET SESSION AUTHORIZATION demo_officer;
SELECT public.fx_set('imp_officer', public.rc_load(true)) AS imp_officer \gset
SELECT results_eq(
    $$SELECT * FROM eduaid.roster_differences(fx('imp_officer')) ORDER BY 1, 4, 3, 6, 7$$,
    $$SELECT * FROM public.rc_expected WHERE household_no <> 'TEST-RC-TOWN'
      UNION ALL
      SELECT 420325100, '城关镇', 'missing_household', 'TEST-RC-TOWN', '测试户主',
             current_setting('eduaid_test.town_head'), NULL, NULL, NULL
      ORDER BY 1, 4, 3, 6, 7$$,
    'the officer: his township only (the 土城镇 row not at all), and rc_town of 军店镇, which he cannot see, is missing');
SELECT results_eq(
    $$SELECT township_id FROM eduaid.roster_counts(fx('imp_officer'))$$,
    $$VALUES (420325100)$$, 'his counts cover 城关镇 only');

-- A supervisor: the same, ID numbers masked.
SET SESSION AUTHORIZATION demo_supervisor;
SELECT public.fx_set('imp_sup', public.rc_load(false)) AS imp_sup \gset
SELECT results_eq(
    $$SELECT * FROM eduaid.roster_differences(fx('imp_sup')) ORDER BY 1, 4, 3, 6, 7$$,
    $$SELECT township_id, township_name, diff_kind, household_no, person_name,
             eduaid.mask_id_number(id_number), field,
             CASE WHEN field = 'head_id_number' THEN eduaid.mask_id_number(roster_value) ELSE roster_value END,
             CASE WHEN field = 'head_id_number' THEN eduaid.mask_id_number(eduaid_value) ELSE eduaid_value END
        FROM public.rc_expected
       WHERE NOT (diff_kind = 'member_differs' AND field = 'household_no')
      UNION ALL
      SELECT 420325100, '城关镇', k, h, '测试学生',
             (SELECT id_number_masked FROM eduaid.student WHERE id = fx('s_moved')), NULL, NULL, NULL
        FROM (VALUES ('missing_member', 'TEST-RC-MEM'), ('extra_member', 'TEST-RC-HEAD')) AS m(k, h)
       ORDER BY 1, 4, 3, 6, 7$$,
    'a supervisor gets the same differences with every ID number masked, members matched by household and mask (the moved member: missing here, extra there)');
SELECT throws_ok($$SELECT * FROM eduaid.roster_diff(fx('imp_sup'), false)$$, '42501', NULL,
    'a supervisor cannot ask for the unmasked computation');
SELECT throws_ok($$SELECT head_id_number FROM eduaid.roster_rows$$, '42501', NULL,
    'a supervisor cannot read the full ID numbers of a roster');
SELECT is((SELECT count(*)::int FROM eduaid.roster_rows WHERE import_id = fx('imp_sup')
            AND head_id_number_masked ~ '^[0-9]{6}\*{8}[0-9]{3}[0-9X]$'),
    (SELECT count(*)::int FROM public.rc_roster), 'but reads the masked ones of his own import');
SELECT is_empty($$SELECT * FROM eduaid.roster_differences(fx('imp_clerk'))$$,
    'a supervisor does not reconcile another person''s import');
SELECT throws_ok($$SELECT * FROM eduaid.roster_create_drafts(fx('imp_sup'), '{TEST-RC-NEW}')$$,
    '42501', 'permission denied for function roster_create_drafts', 'a supervisor creates no drafts');

-- ==== drafts for missing households ========================================
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT * FROM eduaid.roster_create_drafts(fx('imp_officer'), '{TEST-RC-TC}')$$,
    'EA004', NULL, 'the officer of 城关镇 may not create a household of 土城镇');
SELECT throws_ok($$SELECT * FROM eduaid.roster_create_drafts(fx('imp_clerk'), '{TEST-RC-NEW}')$$,
    'EA005', NULL, 'nor from another person''s import');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT * FROM eduaid.roster_create_drafts(fx('imp_clerk'), '{TEST-RC-HEAD}')$$,
    'EA022', NULL, 'a household already in eduaid is not created again');
SELECT throws_ok($$SELECT * FROM eduaid.roster_create_drafts(fx('imp_clerk'), '{TEST-RC-NOPE}')$$,
    'EA005', NULL, 'a household the roster does not hold is refused');
SELECT results_eq(
    $$SELECT household_no, members FROM eduaid.roster_create_drafts(fx('imp_clerk'), '{TEST-RC-NEW}')$$,
    $$VALUES ('TEST-RC-NEW', 1)$$, 'the clerk creates the missing household with its member');
SELECT results_eq(
    $$SELECT h.status, h.created_by, h.township_id, h.village_id, h.head_name, h.head_id_number,
             h.family_size, s.name, s.id_number, s.sex, s.relation
        FROM eduaid.household h JOIN eduaid.student s ON s.household_id = h.id
       WHERE h.household_no = 'TEST-RC-NEW'$$,
    $$VALUES ('draft', 'demo_clerk', 420325100, 420325100001::bigint, '新户主',
              current_setting('eduaid_test.new_hh_head'), 3, '新户学生',
              current_setting('eduaid_test.new_hh_member'), 'F', 'child')$$,
    'it is a draft of hers in the roster''s township and village, with its member');
SELECT alike((SELECT notes FROM eduaid.household WHERE household_no = 'TEST-RC-NEW'),
    '%新户学生: junior%', 'the notes keep the stage the roster gave');
SELECT results_eq(
    $$SELECT y.status, y.created_by, y.school_year, y.poverty_status, s.stage, st.name
        FROM eduaid.household h
        JOIN eduaid.household_year y ON y.household_id = h.id
        JOIN eduaid.student_year s ON s.household_year_id = y.id
        JOIN eduaid.student st ON st.id = s.student_id
       WHERE h.household_no = 'TEST-RC-NEW'$$,
    $$VALUES ('draft', 'demo_clerk', eduaid.school_year_of(current_date), 'poor', 'none', '新户学生')$$,
    'with its record of this school year (a draft of hers, poor) and the member''s row there, at stage none');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a JOIN eduaid.household h
             ON a.township_id = h.township_id AND a.record_id = h.id
            WHERE h.household_no = 'TEST-RC-NEW' AND a.kind = 'household' AND a.action = 'insert'
              AND a.actor = 'demo_clerk'), 2,
    'the household and its member are in the audit log as her inserts');
SELECT is_empty($$SELECT * FROM eduaid.roster_differences(fx('imp_clerk'))
                   WHERE household_no = 'TEST-RC-NEW'$$,
    'the household is no longer missing');
SELECT lives_ok($$SELECT eduaid.submit('household',
                    (SELECT id FROM eduaid.household WHERE household_no = 'TEST-RC-NEW'))$$,
    'the draft goes on through the normal workflow');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*)::int FROM eduaid.audit_log WHERE kind = 'roster' AND action = 'insert'
            AND txid = txid_current()
            AND record_id IN (fx('imp_clerk'), fx('imp_officer'), fx('imp_sup'))), 3,
    'each import is in the audit log');

SELECT * FROM finish();
ROLLBACK;
