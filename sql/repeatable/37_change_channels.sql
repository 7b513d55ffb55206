-- repeatable/37_change_channels.sql: the change channels (issue 16,
-- 053_change_channels.sql). A record of a township changes: the channel
-- of that township hears an empty notification when the transaction
-- commits; a client that listens on it reloads its review queue and the
-- menu's counts. No payload: the listener learns only that something
-- changed in a township it may read (docs/threat-model.md, "Change
-- channels").
--   eduaid.change_channel   read under row-level security: a township's
--                           token by its users (my_scope(), as every
--                           township-scoped table), the county's by
--                           supervisors and auditors; nobody writes it
--   my_channels()           the tokens the caller may listen on
--   listen_my_channels()    LISTEN on each of them (the client, at login
--                           and after a reconnect: src/db/notify.c)
--   notify_change()         the statement-level trigger of the record
--                           tables: one pg_notify per township touched
--   township_channel_add()  a new township's token
-- After 10_scope.sql (my_scope) and before 38_policies.sql, which does
-- not name this table. Run as the superuser who migrates (the triggers
-- belong to tables of eduaid_owner; the functions to eduaid_owner).

SET ROLE eduaid_owner;

-- The tokens the person logged in may listen on: those of the townships
-- whose rows they read (invoker: the table's row-level security decides).
CREATE OR REPLACE FUNCTION eduaid.my_channels() RETURNS SETOF text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT c.token FROM eduaid.change_channel c ORDER BY c.township_id
$$;
COMMENT ON FUNCTION eduaid.my_channels() IS
    'eduaid: the LISTEN channels of the townships the caller reads (issue 16)';
REVOKE ALL ON FUNCTION eduaid.my_channels() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.my_channels()
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

-- LISTEN on every channel of my_channels() (and on nothing else: UNLISTEN
-- * first), in one statement; the number of channels. Outside a
-- transaction block the LISTENs take effect at once.
CREATE OR REPLACE FUNCTION eduaid.listen_my_channels() RETURNS int
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_token text;
    v_n     int := 0;
BEGIN
    UNLISTEN *;
    FOR v_token IN SELECT eduaid.my_channels() LOOP
        EXECUTE format('LISTEN %I', v_token);
        v_n := v_n + 1;
    END LOOP;
    RETURN v_n;
END
$$;
COMMENT ON FUNCTION eduaid.listen_my_channels() IS
    'eduaid: LISTEN on the caller''s change channels, and only on them (issue 16)';
REVOKE ALL ON FUNCTION eduaid.listen_my_channels() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.listen_my_channels()
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

-- AFTER ... FOR EACH STATEMENT with transition tables new_rows and/or
-- old_rows (a trigger per event: PostgreSQL allows transition tables only
-- on single-event triggers): one empty notification per township the
-- statement touched, before or after the change (a transfer tells both).
-- The arguments name the township columns (default township_id). As the
-- owner, who reads every token; notifications go out at commit, and none
-- for a statement that changed no row.
CREATE OR REPLACE FUNCTION eduaid.notify_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_cols   text[] := CASE WHEN TG_NARGS > 0 THEN TG_ARGV ELSE ARRAY['township_id'] END;
    v_tables text[] := CASE TG_OP WHEN 'INSERT' THEN ARRAY['new_rows']
                                  WHEN 'DELETE' THEN ARRAY['old_rows']
                                  ELSE ARRAY['old_rows', 'new_rows'] END;
    v_from   text[] := '{}';
    v_col    text;
    v_tab    text;
    v_token  text;
BEGIN
    FOREACH v_col IN ARRAY v_cols LOOP
        FOREACH v_tab IN ARRAY v_tables LOOP
            v_from := v_from || format('SELECT r.%I FROM %I r', v_col, v_tab);
        END LOOP;
    END LOOP;
    FOR v_token IN EXECUTE format(
        'SELECT c.token FROM eduaid.change_channel c WHERE c.township_id IN (%s)',
        array_to_string(v_from, ' UNION '))
    LOOP
        PERFORM pg_notify(v_token, '');
    END LOOP;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION eduaid.notify_change() IS
    'eduaid: notify the change channels of the townships a statement touched (issue 16)';
REVOKE ALL ON FUNCTION eduaid.notify_change() FROM PUBLIC;

-- A new township's token (the divisions are loaded by the superuser).
CREATE OR REPLACE FUNCTION eduaid.township_channel_add() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO eduaid.change_channel (township_id) VALUES (NEW.id)
        ON CONFLICT (township_id) DO NOTHING;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION eduaid.township_channel_add() FROM PUBLIC;

RESET ROLE;

-- Who reads the tokens: the township's users, the county's supervisors
-- and auditors (my_scope()); the owner for the trigger functions.
-- tests/db/70_change_channels.sql.
DO $$
DECLARE
    c pg_catalog.pg_class;
BEGIN
    SELECT * INTO STRICT c FROM pg_catalog.pg_class
     WHERE oid = 'eduaid.change_channel'::regclass;
    IF NOT c.relrowsecurity THEN
        ALTER TABLE eduaid.change_channel ENABLE ROW LEVEL SECURITY;
    END IF;
    IF NOT c.relforcerowsecurity THEN
        ALTER TABLE eduaid.change_channel FORCE ROW LEVEL SECURITY;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_policy p
                    WHERE p.polrelid = 'eduaid.change_channel'::regclass
                      AND p.polname = 'change_channel_read') THEN
        CREATE POLICY change_channel_read ON eduaid.change_channel FOR SELECT
            TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor
            USING (township_id = ANY ((SELECT eduaid.my_scope())::bigint[]));
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_policy p
                    WHERE p.polrelid = 'eduaid.change_channel'::regclass
                      AND p.polname = 'change_channel_owner') THEN
        CREATE POLICY change_channel_owner ON eduaid.change_channel
            TO eduaid_owner USING (true) WITH CHECK (true);
    END IF;
END
$$;
REVOKE ALL ON eduaid.change_channel FROM PUBLIC;
GRANT SELECT ON eduaid.change_channel
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

-- Where they run. z_: after every row trigger of the statement.
CREATE OR REPLACE TRIGGER a_change_channel AFTER INSERT ON eduaid.township
    FOR EACH ROW EXECUTE FUNCTION eduaid.township_channel_add();
DO $$
DECLARE
    tbl  text;
    args text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'household_year', 'training_enrollment',
                               'special_ed_plan', 'teacher_fund_application',
                               'transfer_request']
    LOOP
        -- a transfer concerns the sending and the receiving township
        args := CASE tbl WHEN 'transfer_request' THEN '''township_id'', ''to_township_id'''
                         ELSE '' END;
        EXECUTE format('CREATE OR REPLACE TRIGGER z_notify_insert AFTER INSERT ON eduaid.%I '
                       'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
                       'EXECUTE FUNCTION eduaid.notify_change(%s)', tbl, args);
        EXECUTE format('CREATE OR REPLACE TRIGGER z_notify_update AFTER UPDATE ON eduaid.%I '
                       'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION eduaid.notify_change(%s)', tbl, args);
        EXECUTE format('CREATE OR REPLACE TRIGGER z_notify_delete AFTER DELETE ON eduaid.%I '
                       'REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT '
                       'EXECUTE FUNCTION eduaid.notify_change(%s)', tbl, args);
    END LOOP;
END
$$;
