-- repeatable/29_logins.sql: the log of logins (issue 14, "each failed
-- login visible to the auditor"; the table: 043_login_events.sql).
--
-- PostgreSQL 15 has no login event trigger. The server writes every
-- connection authorized (log_connections = on) and every authentication
-- failure to its log; with log_destination = 'csvlog' that log is CSV of
-- fixed columns. eduaid.login_collect(), run by the database superuser
-- (`eduaid-admin logins collect`, from cron or a systemd timer), reads the
-- csvlog files of the log directory with COPY and adds one row of
-- eduaid.login_event per login and per failed login; a line already taken
-- is known by its hash, so collecting is idempotent.
--
-- Why not a definer function the auditor calls (docs/threat-model.md,
-- "The log of logins"): reading the server's files needs superuser or
-- pg_read_server_files, which reads ANY file the server can; a function
-- owned by such a role and callable by an auditor login is one bug away
-- from arbitrary file read. Here nothing the auditor can run reads a file:
-- the collecting functions are the superuser's alone (EXECUTE revoked from
-- PUBLIC, and EA176 for a caller who is not a superuser), and the auditor
-- reads only the classified rows.
--
-- What a row keeps: never the log's message text (it may quote what was
-- typed); the reason class from the SQLSTATE and the message's fixed
-- wording (lc_messages must be C or English: `eduaid-admin check` says
-- so); names as typed, cleaned (control characters and bytes that are not
-- UTF-8 become '?', at most 63 characters). The file is read as LATIN1,
-- one character per byte, so that no byte sequence a hostile client put
-- in its startup packet can make the whole file unreadable (a COPY in
-- UTF8 would refuse the file, and hide every failure in it).

-- The log of logins is never changed nor emptied (37_triggers.sql).
CREATE OR REPLACE FUNCTION eduaid.login_event_immutable() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'EA175',
        MESSAGE = format('the log of logins cannot be changed (%s refused) (登录日志不可修改)', TG_OP);
END
$$;
REVOKE ALL ON FUNCTION eduaid.login_event_immutable() FROM PUBLIC;

-- A field of a csvlog line as COPY read it (LATIN1: one character per
-- byte) back to text: the bytes when they are UTF-8, else every
-- character outside printable ASCII a '?'; control characters '?'; at
-- most p_max characters; '' for NULL.
CREATE OR REPLACE FUNCTION eduaid.login_clean(p_raw text, p_max int) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t text;
BEGIN
    IF p_raw IS NULL THEN
        RETURN '';
    END IF;
    BEGIN
        t := convert_from(convert_to(p_raw, 'LATIN1'), 'UTF8');
    EXCEPTION WHEN character_not_in_repertoire OR untranslatable_character
                   OR invalid_parameter_value THEN
        t := regexp_replace(p_raw, '[^\x20-\x7e]', '?', 'g');
    END;
    RETURN left(regexp_replace(t, '[[:cntrl:]]', '?', 'g'), p_max);
END
$$;
REVOKE ALL ON FUNCTION eduaid.login_clean(text, int) FROM PUBLIC;

-- The reason class of a csvlog line, NULL when it is no login event:
-- 'authorized' for a connection authorized (LOG, log_connections);
-- for a FATAL at connection time by SQLSTATE: 28P01 'password' (or
-- 'no_role', 'expired' by the log-only detail), 28000 'no_role',
-- 'not_permitted' (NOLOGIN: a disabled account), 'rejected' (pg_hba.conf),
-- 'peer' (peer or ident), 'other'; 3D000 'no_database'; 53300 'too_many'.
CREATE OR REPLACE FUNCTION eduaid.login_reason(p_severity text, p_state text,
                                               p_message text, p_detail text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
SELECT CASE
    WHEN p_severity = 'LOG' THEN
        CASE WHEN p_message LIKE 'connection authorized: %'
                  OR p_message LIKE 'replication connection authorized: %'
             THEN 'authorized' END
    WHEN p_severity IS DISTINCT FROM 'FATAL' THEN NULL
    WHEN p_state = '28P01' THEN
        CASE WHEN p_detail LIKE 'Role "%" does not exist.%' THEN 'no_role'
             WHEN p_detail LIKE 'User "%" has an expired password.%' THEN 'expired'
             ELSE 'password' END
    WHEN p_state = '28000' THEN
        CASE WHEN p_message LIKE 'role "%" does not exist' THEN 'no_role'
             WHEN p_message LIKE 'role "%" is not permitted to log in' THEN 'not_permitted'
             WHEN p_message LIKE 'no pg\_hba.conf entry %'
                  OR p_message LIKE 'pg\_hba.conf rejects %' THEN 'rejected'
             WHEN p_message LIKE 'Peer authentication failed %'
                  OR p_message LIKE 'Ident authentication failed %' THEN 'peer'
             ELSE 'other' END
    WHEN p_state = '3D000' THEN 'no_database'
    WHEN p_state = '53300' THEN 'too_many'
    WHEN p_state LIKE '28%' THEN 'other'
END
$$;
REVOKE ALL ON FUNCTION eduaid.login_reason(text, text, text, text) FROM PUBLIC;

-- One csvlog file (a path the server reads; relative: to the data
-- directory) into eduaid.login_event; the number of rows added. The
-- superuser's only. log_time is read in the server's log_timezone (its
-- abbreviation, such as Asia/Shanghai's CST, is ambiguous and dropped).
CREATE OR REPLACE FUNCTION eduaid.login_collect_file(p_path text) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    IF NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                      WHERE r.rolname = current_user), false) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA176',
            MESSAGE = 'only the database superuser collects the log of logins (只有超级用户可以收集登录日志)';
    END IF;
    IF to_regclass('pg_temp.login_csvlog') IS NULL THEN
        CREATE TEMP TABLE login_csvlog (
            log_time text, user_name text, database_name text, process_id text,
            connection_from text, session_id text, session_line_num text,
            command_tag text, session_start_time text, virtual_transaction_id text,
            transaction_id text, error_severity text, sql_state_code text,
            message text, detail text, hint text, internal_query text,
            internal_query_pos text, context text, query text, query_pos text,
            location text, application_name text, backend_type text,
            leader_pid text, query_id text);
    END IF;
    TRUNCATE pg_temp.login_csvlog;
    EXECUTE format('COPY pg_temp.login_csvlog FROM %L WITH (FORMAT csv, ENCODING %L)',
                   p_path, 'LATIN1');
    INSERT INTO eduaid.login_event (at, login, database, client, outcome, reason, source_hash)
    SELECT regexp_replace(l.log_time, ' [^ ]*$', '')::timestamp
               AT TIME ZONE current_setting('log_timezone'),
           eduaid.login_clean(l.user_name, 63),
           eduaid.login_clean(l.database_name, 63),
           eduaid.login_clean(regexp_replace(l.connection_from, ':[0-9]+$', ''), 64),
           CASE WHEN x.reason = 'authorized' THEN 'ok' ELSE 'failed' END,
           x.reason,
           sha256(convert_to(l::text, 'LATIN1'))
      FROM pg_temp.login_csvlog l,
           LATERAL (SELECT eduaid.login_reason(l.error_severity, l.sql_state_code,
                                               l.message, l.detail) AS reason) x
     WHERE x.reason IS NOT NULL
    ON CONFLICT ON CONSTRAINT login_event_source_key DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION eduaid.login_collect_file(text) FROM PUBLIC;

-- Every csvlog file of the server's log directory, oldest first: how many
-- files were read, how many rows added, how many files were skipped (one
-- being written with its last line not yet whole, or rotated away: the
-- next run takes it, as nothing is added twice). The superuser's only.
CREATE OR REPLACE FUNCTION eduaid.login_collect(OUT files int, OUT added bigint,
                                                OUT skipped int)
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    f record;
BEGIN
    files := 0;
    added := 0;
    skipped := 0;
    IF NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                      WHERE r.rolname = current_user), false) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA176',
            MESSAGE = 'only the database superuser collects the log of logins (只有超级用户可以收集登录日志)';
    END IF;
    FOR f IN SELECT d.name FROM pg_catalog.pg_ls_logdir() d
              WHERE d.name LIKE '%.csv' ORDER BY d.modification, d.name LOOP
        BEGIN
            added := added + eduaid.login_collect_file(
                current_setting('log_directory') || '/' || f.name);
            files := files + 1;
        EXCEPTION WHEN bad_copy_file_format OR undefined_file THEN
            skipped := skipped + 1;
            RAISE WARNING 'login_collect: % skipped (%), taken next time', f.name, SQLERRM;
        END;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION eduaid.login_collect() FROM PUBLIC;
