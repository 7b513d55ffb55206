-- tests/db/58_audit_partitions.sql: the audit log partitioned by month
-- (issue 14; sql/044_audit_partitions.sql, repeatable/45_audit_partitions.sql).
--
-- The log is partitioned by range of its time column, with a partition
-- for this month and the next three and a default one; every partition is
-- owned by the log's owner, granted to nobody, in a schema nobody may use,
-- under forced RLS without a policy, with its own TRUNCATE and row
-- triggers besides the row trigger cloned from the log. A row no month's
-- partition takes lands in the default partition and moves, unchanged, to
-- its month's partition when audit_prepare makes it. Attacked as every
-- group role, a login of each, and the log's owner: no partition can be
-- read, explained, changed, emptied or written by its name; through the
-- log a clerk reads his townships' rows of every month and no other's,
-- the auditor all. Only the superuser prepares and archives: the
-- retention is at least 6 months (EA181), a younger month is refused
-- (EA180), a month with no partition too (EA182); a detached month is
-- dropped only when the dump's row count is its own (EA184); the
-- archived months are recorded append-only and read by the auditor.
-- Cost: 6 s (15 s on a loaded machine): the attacks run 13 roles x 7
-- statements x every partition.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(44);

-- The partitions of the log, by name, and the statements tried on each.
CREATE VIEW public.fx_parts AS
    SELECT c.oid, c.relname::text AS name, format('eduaid_audit.%I', c.relname) AS qname
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'eduaid.audit_log'::regclass;
GRANT SELECT ON public.fx_parts TO PUBLIC;

-- fx_attacks(role): each statement on each partition (by its name) and on
-- the log itself, run as role (SET ROLE: privileges are the role's), with
-- the SQLSTATE it ended with ('ok' when it ran).
CREATE FUNCTION public.fx_attacks(p_role text) RETURNS TABLE (target text, stmt text, state text)
LANGUAGE plpgsql AS $$
DECLARE
    s text;
BEGIN
    FOR target IN SELECT qname FROM public.fx_parts UNION ALL SELECT 'eduaid.audit_log' LOOP
        FOREACH s IN ARRAY ARRAY['SELECT count(*) FROM %s', 'EXPLAIN SELECT * FROM %s',
                                 'SELECT id FROM %s WHERE township_id = 420325103 LIMIT 1',
                                 'UPDATE %s SET reason = ''x''', 'DELETE FROM %s', 'TRUNCATE %s',
                                 'INSERT INTO %s (kind, table_name, action, actor) VALUES (''user'', ''x'', ''insert'', session_user)'] LOOP
            stmt := split_part(s, ' ', 1);
            EXECUTE format('SET ROLE %I', p_role);
            state := (public.fx_refusal(format(s, target))).state;
            RESET ROLE;
            RETURN NEXT;
        END LOOP;
    END LOOP;
END
$$;

-- ==== the layout ============================================================
SELECT is((SELECT c.relkind::text || ':' || pg_get_partkeydef(c.oid) FROM pg_class c
            WHERE c.oid = 'eduaid.audit_log'::regclass),
          'p:RANGE (at)', 'eduaid.audit_log is partitioned by range of its time');
SELECT is_empty(
    $$SELECT eduaid.audit_partition_name(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')
                                         + make_interval(months => g))
        FROM generate_series(0, 3) g
      EXCEPT SELECT name FROM public.fx_parts$$,
    'a partition for this month and each of the next three');
SELECT is((SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c
            WHERE c.oid = 'eduaid_audit.audit_log_default'::regclass),
          'DEFAULT', 'a default partition takes any other row');
SELECT is_empty(
    $$SELECT name FROM public.fx_parts p JOIN pg_class c ON c.oid = p.oid,
             regexp_match(pg_get_expr(c.relpartbound, c.oid), $r$FROM \('([^']+)'\) TO \('([^']+)'\)$r$) m
       WHERE (m[1]::timestamptz AT TIME ZONE 'Asia/Shanghai')::text <> replace(substr(name, 11), '_', '-') || '-01 00:00:00'
          OR m[2]::timestamptz AT TIME ZONE 'Asia/Shanghai' <> (m[1]::timestamptz AT TIME ZONE 'Asia/Shanghai') + interval '1 month'$$,
    'each month''s partition takes the month of its name in China Standard Time, midnight to midnight');
SELECT is(eduaid.audit_partition_name('2026-11-30 16:30+00'), 'audit_log_2026_12',
          'a time is in the month of its date in Asia/Shanghai');
SELECT is_empty(
    $$SELECT name FROM public.fx_parts p JOIN pg_class c ON c.oid = p.oid
       WHERE c.relowner <> 'eduaid_audit_owner'::regrole
          OR NOT (c.relrowsecurity AND c.relforcerowsecurity)
          OR EXISTS (SELECT FROM aclexplode(c.relacl) a WHERE a.grantee <> c.relowner)
          OR EXISTS (SELECT FROM pg_policy y WHERE y.polrelid = c.oid)$$,
    'every partition: the log''s owner''s, granted to nobody, RLS forced with no policy');
SELECT is_empty(
    $$SELECT name, t FROM public.fx_parts p
       CROSS JOIN unnest(ARRAY['audit_log_no_update', 'audit_partition_no_change',
                               'audit_partition_no_truncate']) t
       WHERE NOT EXISTS (SELECT FROM pg_trigger g WHERE g.tgrelid = p.oid AND g.tgname = t AND g.tgenabled = 'O')$$,
    'every partition: the row trigger cloned from the log, and its own row and TRUNCATE triggers');
SELECT is_empty(
    $$SELECT r.rolname FROM pg_roles r
       WHERE (r.rolname LIKE 'eduaid\_%' OR r.rolname IN (SELECT login FROM eduaid.app_user))
         AND has_schema_privilege(r.oid, 'eduaid_audit', 'USAGE, CREATE')$$,
    'no eduaid role or login may use schema eduaid_audit (the log''s owner neither)');
SELECT is((SELECT array_agg(r.rolname::text ORDER BY r.rolname) FROM pg_roles r
            WHERE r.rolname LIKE 'eduaid\_%' AND has_schema_privilege(r.oid, 'eduaid_archive', 'USAGE')),
          '{eduaid_auditor}', 'schema eduaid_archive: the auditors'' only');
SELECT is_empty(
    $$SELECT c.relname FROM pg_class c
       WHERE c.relnamespace = 'eduaid_archive'::regnamespace$$,
    'no month is restored in eduaid_archive (the demo)');

-- ==== a row of an old month: the default partition, then its own =========
INSERT INTO eduaid.audit_log (at, kind, table_name, township_id, action, actor, new_row)
VALUES (now() - interval '8 months', 'household', 'household', 420325100, 'insert', 'demo_clerk', '{"n": 1}'),
       (now() - interval '8 months' + interval '1 second', 'household', 'household', 420325103, 'insert', 'demo_clerk2', '{"n": 2}');
SELECT fx_set('old_a', (SELECT max(id) - 1 FROM eduaid.audit_log)),
       fx_set('old_b', (SELECT max(id) FROM eduaid.audit_log)),
       set_config('fx.old_part', eduaid.audit_partition_name(now() - interval '8 months'), true),
       set_config('fx.old_month', date_trunc('month', (now() - interval '8 months') AT TIME ZONE 'Asia/Shanghai')::date::text, true),
       set_config('fx.su', session_user, true) \gset
CREATE TEMP TABLE fx_before AS SELECT * FROM eduaid.audit_log WHERE id IN (fx('old_a'), fx('old_b'));
-- The month's rows: these two and any the demo's history has there (a
-- year of school pairing, sql/data/demo_pairing.sql).
SELECT set_config('fx.old_rows', (SELECT count(*) FROM eduaid.audit_log
                                   WHERE eduaid.audit_partition_name(at) = current_setting('fx.old_part'))::text,
                  true) \gset

SELECT is((SELECT array_agg(DISTINCT tableoid::regclass::text) FROM eduaid.audit_log WHERE id IN (fx('old_a'), fx('old_b'))),
          '{eduaid_audit.audit_log_default}'::text[], 'a row of a month without its partition lands in the default one');
SELECT throws_ok(format($$CREATE TABLE eduaid_audit.fx_p PARTITION OF eduaid.audit_log FOR VALUES FROM (%L) TO (%L)$$,
                        current_setting('fx.old_month')::timestamptz, current_setting('fx.old_month')::timestamptz + interval '1 month'),
                 '23514', NULL, 'PostgreSQL refuses that month''s partition while the default one holds its rows ...');
-- (The demo, loaded after migrate, left rows of its earlier months there too.)
SELECT set_config('fx.default_months', (SELECT count(DISTINCT eduaid.audit_partition_name(d.at))
                                          FROM eduaid_audit.audit_log_default d)::text, true) \gset
SELECT cmp_ok(current_setting('fx.default_months')::int, '>=', 1, 'the default partition holds rows of one month or more');
SELECT is(eduaid.audit_prepare(3), current_setting('fx.default_months')::int,
          '... audit_prepare makes a partition for each of those months');
SELECT is((SELECT array_agg(DISTINCT tableoid::regclass::text) FROM eduaid.audit_log WHERE id IN (fx('old_a'), fx('old_b'))),
          ARRAY['eduaid_audit.' || current_setting('fx.old_part')], '... and the rows moved to it');
SELECT results_eq(
    $$SELECT id, at, actor, txid, township_id, new_row, new_masked FROM eduaid.audit_log WHERE id IN (fx('old_a'), fx('old_b')) ORDER BY id$$,
    $$SELECT id, at, actor, txid, township_id, new_row, new_masked FROM fx_before ORDER BY id$$,
    '... unchanged: id, time, actor, transaction, township, rows');
SELECT is((SELECT count(*)::int FROM eduaid_audit.audit_log_default), 0, '... out of the default partition');
SELECT is_empty(
    $$SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('eduaid_audit.%I', current_setting('fx.old_part'))::regclass
      HAVING count(*) <> 3$$,
    'the new partition is secured as the others (its three triggers)');
SELECT is(eduaid.audit_prepare(3), 0, 'audit_prepare again: nothing to make');

-- ==== attacked by name, as each role ========================================
SELECT is_empty(
    $$SELECT r, a.target, a.stmt, a.state
        FROM unnest(ARRAY['eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor', 'eduaid_admin', 'eduaid_auditor',
                          'demo_clerk', 'demo_officer', 'demo_supervisor', 'demo_admin', 'demo_auditor',
                          'eduaid_audit_owner', 'eduaid_owner', 'eduaid_exporter']) r,
             public.fx_attacks(r) a
       WHERE a.target <> 'eduaid.audit_log' AND a.state <> '42501'$$,
    'no partition can be read, explained, probed, updated, deleted, emptied or written by its name: '
    'every group, a login of each, the log''s owner and the export owner get 42501');
SELECT is_empty(
    $$SELECT r, a.stmt, a.state
        FROM unnest(ARRAY['eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor', 'eduaid_admin', 'eduaid_auditor',
                          'demo_clerk', 'demo_auditor']) r,
             public.fx_attacks(r) a
       WHERE a.target = 'eduaid.audit_log' AND a.stmt IN ('UPDATE', 'DELETE', 'TRUNCATE', 'INSERT')
         AND a.state <> '42501'$$,
    'through the log, no group or login may update, delete, empty or write it');
SELECT results_eq(
    $$SELECT a.stmt, a.state FROM public.fx_attacks('eduaid_audit_owner') a
       WHERE a.target = 'eduaid.audit_log' AND a.stmt IN ('TRUNCATE', 'INSERT') ORDER BY 1$$,
    $$VALUES ('INSERT', 'ok'), ('TRUNCATE', 'EA006')$$,
    'the log''s owner: TRUNCATE of the log raises EA006; it inserts as the person logged in (its trigger function)');
SET ROLE eduaid_audit_owner;
SELECT is(fx_rowcount($$UPDATE eduaid.audit_log SET reason = 'x'$$) + fx_rowcount($$DELETE FROM eduaid.audit_log$$), 0,
          'the log''s owner updates and deletes no row of any month (no policy lets it)');
RESET ROLE;
-- The superuser is outside the threat model (it can drop a trigger); that
-- the triggers are on every partition shows as it.
-- (Run apart: TRUNCATE refuses a table the running query itself holds.)
CREATE TEMP TABLE fx_su AS SELECT * FROM public.fx_attacks(current_user);
SELECT is_empty(
    $$SELECT a.target, a.stmt, a.state FROM fx_su a
       WHERE a.stmt IN ('UPDATE', 'DELETE', 'TRUNCATE') AND a.state <> 'EA006'
         AND NOT (a.stmt <> 'TRUNCATE'
                  AND NOT EXISTS (SELECT FROM eduaid.audit_log l
                                   WHERE a.target IN ('eduaid.audit_log', l.tableoid::regclass::text)))$$,
    'even as the superuser every non-empty partition and the log refuse UPDATE and DELETE, every one TRUNCATE (EA006)');

-- ==== row-level security through the partitions ==============================
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq($$SELECT id FROM eduaid.audit_log WHERE id IN (fx('old_a'), fx('old_b'))$$,
                  $$VALUES (fx('old_a'))$$,
                  'a clerk reads the old month''s row of his township through the log, not the other''s');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log WHERE township_id <> ALL (ARRAY[420325100, 420325101])), 0,
          'a clerk reads no other township''s row of any month');
SELECT throws_ok(format('EXPLAIN SELECT * FROM eduaid_audit.%I', current_setting('fx.old_part')), '42501', NULL,
                 'a clerk cannot even EXPLAIN a partition');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT new_row FROM eduaid.audit_log WHERE id = fx('old_a')$$, '42501', NULL,
                 'a supervisor reads no unmasked row of any month');
SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.audit_log WHERE id IN (fx('old_a'), fx('old_b'))), 2,
          'the auditor reads every township''s rows of the old month');
SELECT throws_ok($$SELECT eduaid.audit_prepare(3)$$, '42501', NULL, 'the auditor may not prepare partitions');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok(format($$SELECT eduaid.audit_archive_detach(%L, 6)$$, current_setting('fx.old_month')), '42501', NULL,
                 'the admin may not archive a month');
RESET SESSION AUTHORIZATION;
SET ROLE eduaid_audit_owner;
SELECT throws_ok($$SELECT eduaid.audit_prepare(3)$$, 'EA183', NULL,
                 'the functions check the superuser themselves (the owner of the functions is refused: EA183)');
RESET ROLE;

-- ==== archiving ===============================================================
SELECT throws_ok(format($$SELECT eduaid.audit_archive_detach(%L, 5)$$, current_setting('fx.old_month')), 'EA181', NULL,
                 'a retention under 6 months is refused (EA181)');
SELECT throws_ok(format($$SELECT eduaid.audit_archive_detach(%L, 6)$$,
                        date_trunc('month', (now() - interval '5 months') AT TIME ZONE 'Asia/Shanghai')::date),
                 'EA180', NULL, 'a month younger than the retention is refused (EA180)');
SELECT throws_ok(format($$SELECT eduaid.audit_archive_detach(%L, 8)$$, current_setting('fx.old_month')), 'EA180', NULL,
                 '... the retention the caller asks for counts (8 months: the old month is too young)');
SELECT throws_ok($$SELECT eduaid.audit_archive_detach('2001-01-01', 6)$$, 'EA182', NULL,
                 'a month without a partition is refused (EA182)');
SELECT is(eduaid.audit_archive_detach(current_setting('fx.old_month')::date, 6),
          current_setting('fx.old_rows')::bigint,
          'the old month is detached: its rows (the two and the demo''s of that month)');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log WHERE id IN (fx('old_a'), fx('old_b'))), 0,
          '... out of the log');
SELECT throws_ok(format($$SELECT eduaid.audit_archive_finish(%L, %s, repeat('a', 64), '/x.dump')$$, current_setting('fx.old_month'),
                        current_setting('fx.old_rows')::int + 1),
                 'EA184', NULL, 'a dump whose row count is not the month''s: the month is not dropped (EA184)');
SELECT lives_ok(format($$SELECT eduaid.audit_archive_finish(%L, %s, repeat('a', 64), '/x.dump')$$, current_setting('fx.old_month'),
                       current_setting('fx.old_rows')),
                'the dump''s count is the month''s: dropped and recorded');
SELECT is((SELECT to_regclass('eduaid_archive.' || current_setting('fx.old_part'))), NULL, '... the table is gone');
SET SESSION AUTHORIZATION demo_auditor;
SELECT results_eq($$SELECT month, rows, archived_by FROM eduaid.audit_archive WHERE month = current_setting('fx.old_month')::date$$,
                  $$VALUES (current_setting('fx.old_month')::date, current_setting('fx.old_rows')::bigint,
                           current_setting('fx.su'))$$,
                  'the auditor reads the archived month, its rows and who archived it');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT * FROM eduaid.audit_archive$$, '42501', NULL, 'a clerk does not read the archive record');
RESET SESSION AUTHORIZATION;
SELECT throws_ok($$DELETE FROM eduaid.audit_archive$$, 'EA006', NULL,
                 'the archive record is append-only (even the superuser''s DELETE raises)');

SELECT * FROM finish();
ROLLBACK;
