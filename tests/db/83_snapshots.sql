-- tests/db/83_snapshots.sql: reports as submitted (报送版本, issue 17 H6;
-- 063_report_snapshots.sql, repeatable/36_m_snapshots.sql), as the people
-- who use them and the ones who should not.
--
-- People: demo_officer (officer of 城关镇 420325100), officer_101 (军店镇),
-- demo_clerk (clerk of 城关镇 and 军店镇), demo_supervisor (county),
-- demo_auditor, and t_h6_owner, a login made here into eduaid_owner (as
-- no real login is: 39_privileges.sql) to show the owner cannot change a
-- snapshot either. The demo has four snapshots (demo_snapshots.sql): 城关镇's
-- subsidy report (demo_officer), the county's subsidy and schooling
-- reports (demo_supervisor), 军店镇's nutrition report (officer_101).
--
-- The story: who may freeze what (an officer his township only, never the
-- county; a supervisor the county or a township; clerks and auditors
-- nothing); what is stored is what the report function gives that person
-- that day, whatever an INSERT names; who reads which snapshots; names that
-- are not reports (injection, other functions of eduaid, the missing list);
-- EXPLAIN over other townships' snapshots; nobody changes or deletes a
-- snapshot, the owner included, but a migration (the superuser's session),
-- and then the hash no longer verifies. The canonical text is checked
-- against one written out by hand.
-- Cost: about 1 s.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(61);

-- an EXPLAIN's text, numbers and literals taken out, as the current user
CREATE FUNCTION public.h6_explain(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    out  text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS) ' || q LOOP
        out := out || regexp_replace(regexp_replace(line, '''[^'']*''', 'L', 'g'),
                                     '[0-9]+', 'N', 'g') || E'\n';
    END LOOP;
    RETURN out;
END
$$;
-- the rows of report p_report for p_year, p_township as the current user,
-- in the form a snapshot stores them
CREATE FUNCTION public.h6_rows(p_report text, p_year int, p_township int) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    cols text;
    r    jsonb;
BEGIN
    SELECT string_agg(format('s.%I::text', a.n), ', ' ORDER BY a.i) INTO cols
      FROM pg_proc p, unnest(p.proargnames, p.proargmodes) WITH ORDINALITY AS a(n, m, i)
     WHERE p.oid = format('eduaid.report_%s(int, int)', p_report)::regprocedure
       AND a.m = 't';
    EXECUTE format('SELECT jsonb_agg(jsonb_build_array(%s) ORDER BY s.ordinality)'
                   ' FROM eduaid.%I($1, $2) WITH ORDINALITY AS s', cols, 'report_' || p_report)
       INTO r USING p_year, p_township;
    RETURN r;
END
$$;
GRANT EXECUTE ON FUNCTION public.h6_explain(text), public.h6_rows(text, int, int) TO PUBLIC;

-- ==== the catalogue ==========================================================
SELECT ok((SELECT relrowsecurity AND relforcerowsecurity FROM pg_class
            WHERE oid = 'eduaid.report_snapshot'::regclass),
    'report_snapshot is under forced row-level security');
SELECT is_empty(
    $$SELECT r.rolname FROM pg_roles r
       WHERE (r.rolcanlogin AND NOT r.rolsuper OR r.rolname ~ '^eduaid_(clerk|officer|supervisor|auditor|admin)$')
         AND has_table_privilege(r.oid, 'eduaid.report_snapshot', 'UPDATE, DELETE, TRUNCATE')$$,
    'no login and no eduaid group may UPDATE, DELETE or TRUNCATE a snapshot');
SELECT is_empty(
    $$SELECT g.g, c.c FROM unnest(ARRAY['eduaid_officer', 'eduaid_supervisor']) AS g(g),
             unnest(ARRAY['rows', 'columns', 'sha256', 'frozen_at', 'frozen_by', 'county_id']) AS c(c)
       WHERE has_column_privilege(g.g, 'eduaid.report_snapshot', c.c, 'INSERT')$$,
    'nobody may INSERT the rows, columns, hash, who, when or county: the server writes them');
SELECT is(
    (SELECT string_agg(g, ',' ORDER BY g) FROM unnest(ARRAY['eduaid_clerk', 'eduaid_officer',
            'eduaid_supervisor', 'eduaid_auditor', 'eduaid_admin']) AS g
      WHERE has_function_privilege(g, 'eduaid.report_freeze(text, int, int, text, date)', 'EXECUTE')),
    'eduaid_officer,eduaid_supervisor', 'officers and supervisors may run report_freeze');
SELECT ok((SELECT NOT prosecdef FROM pg_proc WHERE oid = 'eduaid.report_snapshot_fill()'::regprocedure)
          AND (SELECT NOT prosecdef FROM pg_proc
                WHERE oid = 'eduaid.report_freeze(text, int, int, text, date)'::regprocedure),
    'the freezing trigger and report_freeze run as the caller (not SECURITY DEFINER)');

-- ==== the canonical text, by hand ==============================================
SELECT is(eduaid.report_snapshot_canonical('x', 2026, NULL, '{township_id,township,item,a}',
                                           '[["1", "a\tb", null, "2\\n"]]'),
    E'eduaid-report-snapshot/1\nx\n2026\ncounty\ntownship_id\ttownship\titem\ta\n1\ta\\tb\t\\N\t2\\\\n\n',
    'the canonical text: four head lines, the columns, a row; tab, backslash and NULL escaped as COPY does');
SELECT is(eduaid.report_snapshot_hash('x', 2026, 420325100, '{township_id,township,item}', '[]'),
    encode(sha256(convert_to(E'eduaid-report-snapshot/1\nx\n2026\n420325100\ntownship_id\ttownship\titem\n', 'UTF8')), 'hex'),
    'the hash is the SHA-256 of the canonical text (a township''s, no rows)');

-- ==== the demo's snapshots ========================================================
SELECT is((SELECT count(*)::int FROM eduaid.report_snapshot WHERE eduaid.report_snapshot_verify(id)), 4,
    'the four demo snapshots verify');

-- ==== demo_officer (城关镇) ========================================================
SET SESSION AUTHORIZATION demo_officer;
SELECT is((SELECT string_agg(id::text, ',' ORDER BY id) FROM eduaid.report_snapshot), '1',
    'demo_officer reads 城关镇''s snapshot only (not the county''s, not 军店镇''s)');
SELECT is(eduaid.report_snapshot_verify(2), NULL, '... and cannot even verify the county''s');
SELECT is((SELECT rows FROM eduaid.report_snapshot WHERE id = 1),
          public.h6_rows('subsidy', eduaid.school_year_of(current_date), 420325100),
    'the demo snapshot holds what report_subsidy gives him (nothing changed since)');
SELECT lives_ok($$SELECT public.fx_set('s_off', (SELECT id FROM eduaid.report_freeze('subsidy', 2026, 420325100, '报县资助中心')))$$,
    'demo_officer freezes 城关镇''s subsidy report');
SELECT is((SELECT rows FROM eduaid.report_snapshot WHERE id = fx('s_off')),
          public.h6_rows('subsidy', 2026, 420325100),
    'its rows are what eduaid.report_subsidy(2026, 城关镇) gives him, in order');
SELECT is((SELECT columns FROM eduaid.report_snapshot WHERE id = fx('s_off')),
    '{township_id,township,item,entitled,granted,missing,coverage}', '... under the function''s column names');
SELECT is((SELECT jsonb_array_length(rows) FROM eduaid.report_snapshot WHERE id = fx('s_off')),
    (SELECT count(*)::int FROM eduaid.report_subsidy(2026, 420325100)), '... every row');
SELECT is((SELECT row(township_id, county_id, report, year, frozen_by, note, submitted_on = current_date)::text
             FROM eduaid.report_snapshot WHERE id = fx('s_off')),
    '(420325100,420325,subsidy,2026,demo_officer,报县资助中心,t)', '... frozen by him, today, with the note');
SELECT ok((SELECT eduaid.report_snapshot_verify(fx('s_off'))), '... and its hash verifies');
SELECT throws_ok($$SELECT eduaid.report_freeze('subsidy', 2026)$$, 'EA249', NULL,
    'demo_officer cannot freeze the county''s report (it holds other townships'' figures)');
SELECT throws_ok($$SELECT eduaid.report_freeze('subsidy', 2026, 420325101)$$, 'EA249', NULL,
    'demo_officer cannot freeze 军店镇''s report');
SELECT throws_ok($$SELECT eduaid.report_freeze('subsidy', 2026, 420325100, NULL, current_date - 30)$$,
    '23514', NULL, 'a report is not frozen as submitted a month ago (its figures are today''s)');
SELECT is((SELECT state || ' ' || message FROM fx_refusal(
              $$INSERT INTO eduaid.report_snapshot (report, year, township_id, rows, sha256)
                VALUES ('subsidy', 2026, 420325100, '[["420325100", "城关镇", null, "1"]]', repeat('0', 64))$$)),
    '42501 permission denied for table report_snapshot',
    'an INSERT naming made-up rows and hash is refused');
SELECT lives_ok($$INSERT INTO eduaid.report_snapshot (report, year, township_id)
                  VALUES ('subsidy', 2026, 420325100)$$,
    'an INSERT naming only what to freeze is the same as report_freeze');
SELECT is((SELECT count(DISTINCT sha256)::int FROM eduaid.report_snapshot
            WHERE report = 'subsidy' AND year = 2026 AND township_id = 420325100 AND frozen_at = now()),
    1, '... the server computed the same rows, so the same hash');
-- names that are not reports
SELECT throws_ok(format($$SELECT eduaid.report_freeze(%L, 2026, 420325100)$$, n), 'EA248', NULL,
    format('not a report: %s', n))
  FROM unnest(ARRAY['subsidy_missing', 'pct', 'townships', 'tally_rebuild', 'freeze', 'snapshot_verify',
                    'SUBSIDY', 'subsidy(2026, NULL); DROP TABLE eduaid.household; --',
                    'subsidy"(2026,null)--', '', 'no_such']) AS n;
SELECT throws_ok($$SELECT eduaid.report_freeze(NULL, 2026, 420325100)$$, 'EA248', NULL, 'not a report: NULL');
-- writes
SELECT is((SELECT state FROM fx_refusal($$UPDATE eduaid.report_snapshot SET note = 'x' WHERE id = 1$$)),
    '42501', 'demo_officer cannot UPDATE his snapshot');
SELECT is((SELECT state FROM fx_refusal($$DELETE FROM eduaid.report_snapshot WHERE id = 1$$)),
    '42501', '... nor DELETE it');
-- EXPLAIN over the snapshots he cannot see: the county's and 军店镇's
SELECT is(public.h6_explain($$SELECT * FROM eduaid.report_snapshot WHERE township_id = 420325101$$),
          public.h6_explain($$SELECT * FROM eduaid.report_snapshot WHERE township_id = 420325199$$),
    'EXPLAIN ANALYZE of 军店镇''s snapshots tells nothing an empty township does not');
SELECT is(public.h6_explain($$SELECT * FROM eduaid.report_snapshot WHERE township_id IS NULL AND report = 'subsidy'$$),
          public.h6_explain($$SELECT * FROM eduaid.report_snapshot WHERE township_id IS NULL AND report = 'nosuch'$$),
    'EXPLAIN ANALYZE of the county''s snapshots tells nothing a report never frozen does not');
RESET SESSION AUTHORIZATION;

-- ==== officer_101 (军店镇) ===========================================================
SET SESSION AUTHORIZATION officer_101;
SELECT is((SELECT string_agg(id::text, ',' ORDER BY id) FROM eduaid.report_snapshot), '4',
    'officer_101 reads 军店镇''s snapshot only');
SELECT is((SELECT count(*)::int FROM eduaid.report_snapshot WHERE id = fx('s_off')), 0,
    '... not the one demo_officer just froze');
RESET SESSION AUTHORIZATION;

-- ==== demo_clerk (城关镇, 军店镇) ====================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT is((SELECT count(*)::int FROM eduaid.report_snapshot WHERE township_id IS NULL), 0,
    'demo_clerk reads no county snapshot');
SELECT ok((SELECT bool_and(township_id IN (420325100, 420325101)) AND count(*) = 4
             FROM eduaid.report_snapshot),
    '... and those of his two townships (1, 4 and demo_officer''s two)');
SELECT is((SELECT state FROM fx_refusal($$SELECT eduaid.report_freeze('subsidy', 2026, 420325100)$$)),
    '42501', 'demo_clerk may not freeze a report');
SELECT is((SELECT state FROM fx_refusal($$INSERT INTO eduaid.report_snapshot (report, year, township_id)
                                            VALUES ('subsidy', 2026, 420325100)$$)),
    '42501', '... not by an INSERT either');
RESET SESSION AUTHORIZATION;

-- ==== demo_supervisor (county) ======================================================
SET SESSION AUTHORIZATION demo_supervisor;
SELECT lives_ok($$SELECT public.fx_set('s_sup', (SELECT id FROM eduaid.report_freeze('nutrition', 2026, NULL, '报市教育局')))$$,
    'demo_supervisor freezes the county''s nutrition report');
SELECT is((SELECT rows FROM eduaid.report_snapshot WHERE id = fx('s_sup')),
          public.h6_rows('nutrition', 2026, NULL),
    '... every township and the total, as report_nutrition gives him');
SELECT is((SELECT row(township_id, county_id)::text FROM eduaid.report_snapshot WHERE id = fx('s_sup')),
    '(,420325)', '... a county snapshot (no township) of 房县');
SELECT lives_ok($$SELECT eduaid.report_freeze('schooling', 2026, 420325103)$$,
    'demo_supervisor freezes 土城镇''s schooling report');
SELECT is((SELECT count(*)::int FROM eduaid.report_snapshot), 8,
    'demo_supervisor reads every snapshot of the county (the demo''s four and the four above)');
SELECT is((SELECT count(*)::int FROM eduaid.report_snapshot WHERE id IN (1, 2, 3, 4)), 4,
    '... the townships'' and the county''s');
SELECT is((SELECT state FROM fx_refusal($$UPDATE eduaid.report_snapshot SET note = 'x' WHERE id = 2$$)),
    '42501', 'demo_supervisor cannot UPDATE the county''s snapshot');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*)::int FROM eduaid.report_snapshot WHERE frozen_by = 'demo_supervisor'), 4,
    '(the superuser counts demo_supervisor''s: the demo''s two and his two)');

-- ==== demo_auditor ===================================================================
SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.report_snapshot), 8,
    'demo_auditor reads every snapshot (the demo''s four and the four above)');
SELECT is((SELECT count(*)::int FROM eduaid.report_snapshot WHERE eduaid.report_snapshot_verify(id)), 8,
    '... and verifies them all');
SELECT is((SELECT state FROM fx_refusal($$SELECT eduaid.report_freeze('subsidy', 2026)$$)),
    '42501', 'demo_auditor may not freeze a report');
RESET SESSION AUTHORIZATION;

-- ==== the owner, and a migration =====================================================
CREATE ROLE t_h6_owner LOGIN IN ROLE eduaid_owner;
SET SESSION AUTHORIZATION t_h6_owner;
SET ROLE eduaid_owner;
SELECT is((SELECT state || ' ' || message FROM fx_refusal($$UPDATE eduaid.report_snapshot SET rows = '[]' WHERE id = 1$$)),
    'EA249 report snapshot: never changed (报送版本不能修改或删除)', 'the owner cannot change a snapshot');
SELECT is((SELECT state FROM fx_refusal($$DELETE FROM eduaid.report_snapshot WHERE id = 1$$)),
    'EA249', '... nor delete one');
SELECT is((SELECT state FROM fx_refusal($$TRUNCATE eduaid.report_snapshot$$)),
    'EA249', '... nor truncate the table');
RESET ROLE;
RESET SESSION AUTHORIZATION;
SELECT lives_ok($$UPDATE eduaid.report_snapshot SET rows = jsonb_set(rows, '{0,3}', '"999999"') WHERE id = 1$$,
    'a migration (the superuser''s session) may change one');
SELECT is(eduaid.report_snapshot_verify(1), false, '... and then its hash no longer verifies');

SELECT * FROM finish();
ROLLBACK;
