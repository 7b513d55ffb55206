-- tests/db/70_change_channels.sql: the change channels (issue 16,
-- 053_change_channels.sql, repeatable/37_change_channels.sql), as the
-- roles they restrict. A township's token is read by its users only (a
-- clerk of 100 and 101 reads those two, not 103's); the county's roles
-- read their county's, not another county's; the admin and the inspector
-- none; the hostile login learns no other token by a predicate that
-- fails, a function or the catalog. The triggers: one statement-level
-- trigger per event on each record table, and a new township gets a
-- token. What a change delivers (an empty notification on the township's
-- channel, none on another's) is tests/db/70_change_channels.t's: a
-- notification goes out at commit, which a pgTAP file rolled back never
-- reaches.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(24);

CREATE FUNCTION public.t70_token(town int) RETURNS text
LANGUAGE sql STABLE RETURN (SELECT c.token FROM eduaid.change_channel c WHERE c.township_id = town);

-- ==== every township has one, a random one ===================================
SELECT is_empty($$SELECT t.id FROM eduaid.township t
                   WHERE NOT EXISTS (SELECT FROM eduaid.change_channel c WHERE c.township_id = t.id)$$,
    'every township has a change channel');
SELECT ok((SELECT bool_and(c.token ~ '^ea_[0-9a-f]{32}$') FROM eduaid.change_channel c),
    'every token is ea_ and 32 hex digits (an identifier LISTEN takes unquoted)');
SELECT is((SELECT count(DISTINCT c.token) FROM eduaid.change_channel c),
          (SELECT count(*) FROM eduaid.change_channel c), 'no two townships share a token');
INSERT INTO eduaid.county (id, name) VALUES (429021, '神农架林区');
INSERT INTO eduaid.township (id, county_id, name) VALUES (429021100, 429021, '松柏镇');
SELECT isnt(public.t70_token(429021100), NULL, 'a new township gets its token at once');
ANALYZE eduaid.change_channel;
SELECT is_empty($$SELECT FROM pg_statistic s WHERE s.starelid = 'eduaid.change_channel'::regclass
                   AND s.staattnum = 2$$,
    'the tokens keep no statistics, even right after ANALYZE');
SELECT eduaid.create_user('t70_far_super', '外县督导', 'supervisor', 429021);

SELECT ok(NOT has_function_privilege('public', 'eduaid.notify_change()', 'EXECUTE'),
    'PUBLIC may not run the trigger function');
SELECT ok((SELECT p.prosecdef AND p.proconfig @> '{"search_path=pg_catalog, pg_temp"}'
             FROM pg_proc p WHERE p.oid = 'eduaid.notify_change()'::regprocedure),
    'notify_change is SECURITY DEFINER with its search_path pinned');
SELECT is((SELECT array_agg(DISTINCT c.relname::text || ':' || t.tgname ORDER BY c.relname::text || ':' || t.tgname)
             FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE t.tgfoid = 'eduaid.notify_change()'::regprocedure
              AND (t.tgtype & 1) = 0 AND (t.tgtype & 2) = 0),
    ARRAY['household:z_notify_delete', 'household:z_notify_insert', 'household:z_notify_update',
          'household_year:z_notify_delete', 'household_year:z_notify_insert', 'household_year:z_notify_update',
          'special_ed_plan:z_notify_delete', 'special_ed_plan:z_notify_insert', 'special_ed_plan:z_notify_update',
          'teacher_fund_application:z_notify_delete', 'teacher_fund_application:z_notify_insert',
          'teacher_fund_application:z_notify_update',
          'training_enrollment:z_notify_delete', 'training_enrollment:z_notify_insert',
          'training_enrollment:z_notify_update',
          'transfer_request:z_notify_delete', 'transfer_request:z_notify_insert',
          'transfer_request:z_notify_update'],
    'every record table (and transfers) notifies, AFTER, once per statement, per event');

-- ==== who reads which token =================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT is((SELECT array_agg(t ORDER BY t) FROM eduaid.my_channels() t),
          (SELECT array_agg(t ORDER BY t) FROM unnest(ARRAY[public.t70_token(420325100),
                                                            public.t70_token(420325101)]) t),
    'demo_clerk (townships 100 and 101) may listen on their two channels');
RESET SESSION AUTHORIZATION;
SELECT FROM set_config('t70.b', public.t70_token(420325103), false);
SELECT FROM set_config('t70.far', public.t70_token(429021100), false);
SET SESSION AUTHORIZATION demo_clerk;
SELECT is((SELECT count(*)::int FROM eduaid.change_channel), 2,
    'demo_clerk reads two rows of change_channel');
SELECT is_empty($$SELECT c.token FROM eduaid.change_channel c WHERE c.township_id = 420325103$$,
    'demo_clerk does not read township 103''s token');
-- the hostile login: a predicate that fails only on a hidden row never
-- meets one (the township condition comes first)
SELECT lives_ok($$SELECT c.token FROM eduaid.change_channel c
                   WHERE 1 / (CASE WHEN c.token = current_setting('t70.b') THEN 0 ELSE 1 END) = 1$$,
    'a division by zero on 103''s token does not fire: demo_clerk''s query never meets the row');
SELECT lives_ok($$SELECT c.token FROM eduaid.change_channel c
                   WHERE 1 / (CASE WHEN c.token LIKE 'ea_%' AND c.township_id = 420325103
                                   THEN 0 ELSE 1 END) = 1$$,
    'nor one guessing its first characters');
SELECT is_empty($$SELECT s.attname FROM pg_stats s
                   WHERE s.schemaname = 'eduaid' AND s.tablename = 'change_channel'$$,
    'pg_stats tells demo_clerk nothing of the tokens (even after ANALYZE)');
SELECT throws_ok($$UPDATE eduaid.change_channel SET token = token$$, '42501', NULL,
    'demo_clerk may not write a token');
SELECT throws_ok($$INSERT INTO eduaid.change_channel (township_id) VALUES (420325102)$$, '42501', NULL,
    'nor add one');
SELECT throws_ok($$SELECT eduaid.notify_change()$$, NULL, NULL,
    'the trigger function cannot be called');
SELECT is(eduaid.listen_my_channels(), 2,
    'listen_my_channels listens on those two (what it hears: 70_change_channels.t)');
RESET SESSION AUTHORIZATION;
UNLISTEN *;

SET SESSION AUTHORIZATION demo_clerk2;
SELECT is((SELECT array_agg(t) FROM eduaid.my_channels() t), ARRAY[current_setting('t70.b')],
    'demo_clerk2 (township 103) reads 103''s token, and only it');
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT count(*)::int FROM eduaid.my_channels()),
          (SELECT count(*)::int FROM eduaid.township t WHERE t.county_id = 420325),
    'demo_supervisor reads the token of every township of the county');
SELECT ok(current_setting('t70.far') NOT IN (SELECT eduaid.my_channels()),
    '...and not another county''s');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION t70_far_super;
SELECT is((SELECT array_agg(t) FROM eduaid.my_channels() t), ARRAY[current_setting('t70.far')],
    'the other county''s supervisor reads his county''s only');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_auditor;
SELECT cmp_ok((SELECT count(*)::int FROM eduaid.my_channels()), '>', 2,
    'demo_auditor reads the county''s tokens');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT count(*) FROM eduaid.change_channel$$, '42501', NULL,
    'the admin reads no token');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
