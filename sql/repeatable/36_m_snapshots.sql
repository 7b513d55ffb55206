-- repeatable/36_m_snapshots.sql: reports as submitted (报送版本, issue 17
-- H6; the table is 063_report_snapshots.sql's).
--
--   eduaid.report_freeze(report, year, township, note, submitted_on)
--        freeze report `report` (eduaid.report_<report>) of `year` for
--        `township` (NULL: the county): id, date submitted, when, by whom
--        and the SHA-256 of what was stored
--   eduaid.report_snapshot_verify(id)   the stored hash is the hash of the
--        stored content (NULL: no such snapshot the caller may read)
--   eduaid.report_snapshot_canonical(report, year, township, columns, rows)
--        the text the hash is of (below); eduaid.report_snapshot_hash(...)
--        its SHA-256 in hex
--
-- Who freezes what: an officer his township's report (a township of his,
-- never the county's: NULL is refused); a supervisor the county's (NULL)
-- or a township's of his county. Clerks, auditors, admins: nobody's
-- (EA249). The report is run AS THE CALLER by the BEFORE INSERT trigger
-- report_snapshot_fill, which is not SECURITY DEFINER: his row-level
-- security and column grants decide what is in it, exactly as for
-- `eduaid report` that day. The name is checked before anything runs: a
-- word of [a-z0-9_], and eduaid.report_<word> must be a set-returning
-- function of exactly (int, int), owned by eduaid_owner, not SECURITY
-- DEFINER, whose output columns begin township_id, township, item, and
-- which the caller may execute; else EA248 (so not the missing-subsidy
-- list, whose lines are names, nor any other function). The function's
-- name is quoted (format %I) and year and township are parameters.
-- A client cannot store figures of its own: the table's INSERT grant has
-- only report, year, township_id, submitted_on and note, and the trigger
-- writes every other column whatever was given. The search_path,
-- DateStyle and IntervalStyle are the function's own while it runs, so a
-- session's settings (a temporary table named like one of eduaid's, a
-- date style) change nothing in what is stored.
--
-- The canonical text (eduaid-report-snapshot/1), UTF-8, lines ending "\n":
--   eduaid-report-snapshot/1
--   <report>
--   <year>
--   <township code, or "county">
--   <column names, tab-separated>
--   <one line per row, in order: its values tab-separated>
-- every value (and column name) escaped as COPY's text format does:
-- backslash as \\, tab \t, newline \n, carriage return \r; NULL as \N.
-- So `psql -c "COPY (...) TO STDOUT"` of the same rows, with the four
-- head lines, gives the same text and `sha256sum` the same hash.
--
-- Reads (38_policies.sql): the township's own clerks and officers its
-- snapshots; supervisors and auditors every snapshot of their county,
-- the county's included. An officer never reads a county snapshot: it
-- holds other townships' figures.
SET ROLE eduaid_owner;

-- One value of the canonical text, escaped as COPY's text format.
CREATE OR REPLACE FUNCTION eduaid.report_snapshot_field(p text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN p IS NULL THEN '\N'
            ELSE replace(replace(replace(replace(p, '\', '\\'), E'\t', '\t'),
                                 E'\n', '\n'), E'\r', '\r') END;

CREATE OR REPLACE FUNCTION eduaid.report_snapshot_canonical(p_report text, p_year int,
    p_township int, p_columns text[], p_rows jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT 'eduaid-report-snapshot/1' || E'\n' || p_report || E'\n' || p_year::text || E'\n'
        || coalesce(p_township::text, 'county') || E'\n'
        || coalesce((SELECT string_agg(eduaid.report_snapshot_field(u.c), E'\t' ORDER BY u.i)
                       FROM unnest(p_columns) WITH ORDINALITY AS u(c, i)), '') || E'\n'
        || coalesce((SELECT string_agg(
                         coalesce((SELECT string_agg(eduaid.report_snapshot_field(v.x #>> '{}'),
                                                     E'\t' ORDER BY v.k)
                                     FROM jsonb_array_elements(e.r) WITH ORDINALITY AS v(x, k)), '')
                         || E'\n', '' ORDER BY e.n)
                       FROM jsonb_array_elements(p_rows) WITH ORDINALITY AS e(r, n)), '');
END;

CREATE OR REPLACE FUNCTION eduaid.report_snapshot_hash(p_report text, p_year int,
    p_township int, p_columns text[], p_rows jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN encode(sha256(convert_to(
           eduaid.report_snapshot_canonical(p_report, p_year, p_township, p_columns, p_rows),
           'UTF8')), 'hex');

-- The county of the person logged in (the county snapshots' readers).
CREATE OR REPLACE FUNCTION eduaid.snapshot_county() RETURNS int
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT u.county_id FROM eduaid.app_user u
             WHERE u.login = session_user AND u.active);
END
$$;

-- BEFORE INSERT on report_snapshot, as the caller (see the head).
CREATE OR REPLACE FUNCTION eduaid.report_snapshot_fill() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET DateStyle = 'ISO, YMD'
SET IntervalStyle = 'postgres'
SET extra_float_digits = 1
AS $$
DECLARE
    v_role  text := eduaid.my_role();
    v_mine  int[] := eduaid.my_townships();
    v_fn    oid;
    v_cols  text[];
    v_list  text;
BEGIN
    IF NEW.report IS NULL OR NEW.report !~ '^[a-z][a-z0-9_]{0,40}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA248',
            MESSAGE = format('no report named %L (没有这个报表)', left(NEW.report, 48));
    END IF;
    SELECT p.oid,
           ARRAY(SELECT a.n FROM unnest(p.proargnames, p.proargmodes) WITH ORDINALITY AS a(n, m, i)
                  WHERE a.m IN ('o', 't', 'b') ORDER BY a.i)
      INTO v_fn, v_cols
      FROM pg_catalog.pg_proc p
     WHERE p.pronamespace = 'eduaid'::regnamespace
       AND p.proname = 'report_' || NEW.report
       AND p.prokind = 'f' AND p.proretset AND NOT p.prosecdef
       AND p.pronargs = 2 AND p.proargtypes[0] = 'int4'::regtype AND p.proargtypes[1] = 'int4'::regtype
       AND p.proowner = 'eduaid_owner'::regrole;
    IF v_fn IS NULL OR cardinality(v_cols) < 3
       OR v_cols[1:3] IS DISTINCT FROM ARRAY['township_id', 'township', 'item']
       OR NOT has_function_privilege(v_fn, 'EXECUTE') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA248',
            MESSAGE = format('no report named %L (没有这个报表)', NEW.report);
    END IF;
    IF NOT coalesce(v_role = 'officer' AND NEW.township_id = ANY (v_mine)
                    OR v_role = 'supervisor' AND (NEW.township_id IS NULL
                                                  OR NEW.township_id = ANY (v_mine)), false) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA249',
            MESSAGE = format('report %s of %s: not yours to freeze (不能冻结这个范围的报表)',
                             NEW.report, coalesce(NEW.township_id::text, 'the county'));
    END IF;
    NEW.submitted_on := coalesce(NEW.submitted_on, current_date);
    IF NEW.submitted_on NOT BETWEEN current_date - 7 AND current_date THEN
        RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = 'report_snapshot_submitted_on_check',
            TABLE = 'report_snapshot', SCHEMA = 'eduaid',
            MESSAGE = format('submitted on %s: today or within the last seven days', NEW.submitted_on);
    END IF;
    SELECT string_agg(format('s.%I::text', u.c), ', ' ORDER BY u.i) INTO v_list
      FROM unnest(v_cols) WITH ORDINALITY AS u(c, i);
    EXECUTE format('SELECT coalesce(jsonb_agg(jsonb_build_array(%s) ORDER BY s.ordinality), ''[]'')'
                   ' FROM eduaid.%I($1, $2) WITH ORDINALITY AS s', v_list, 'report_' || NEW.report)
       INTO NEW.rows USING NEW.year, NEW.township_id;
    NEW.columns := v_cols;
    NEW.county_id := (SELECT t.county_id FROM eduaid.township t
                       WHERE t.id = coalesce(NEW.township_id, v_mine[1]));
    NEW.frozen_at := now();
    NEW.frozen_by := session_user;
    NEW.sha256 := eduaid.report_snapshot_hash(NEW.report, NEW.year, NEW.township_id,
                                              NEW.columns, NEW.rows);
    RETURN NEW;
END
$$;

-- BEFORE UPDATE OR DELETE (each row) and TRUNCATE: never, for anyone
-- but a migration (a superuser's session: sql/migrate.sh; the owner
-- included).
CREATE OR REPLACE FUNCTION eduaid.report_snapshot_keep() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                      WHERE r.rolname = session_user), false) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA249', CONSTRAINT = 'report_snapshot_kept_check',
            TABLE = 'report_snapshot', SCHEMA = 'eduaid',
            MESSAGE = format('report snapshot: never %s (报送版本不能修改或删除)',
                             CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END);
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD WHEN 'UPDATE' THEN NEW END;
END
$$;

CREATE OR REPLACE TRIGGER report_snapshot_fill BEFORE INSERT ON eduaid.report_snapshot
    FOR EACH ROW EXECUTE FUNCTION eduaid.report_snapshot_fill();
CREATE OR REPLACE TRIGGER report_snapshot_keep BEFORE UPDATE OR DELETE ON eduaid.report_snapshot
    FOR EACH ROW EXECUTE FUNCTION eduaid.report_snapshot_keep();
CREATE OR REPLACE TRIGGER report_snapshot_keep_all BEFORE TRUNCATE ON eduaid.report_snapshot
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.report_snapshot_keep();

-- Freeze a report (see the head): the INSERT the trigger fills.
CREATE OR REPLACE FUNCTION eduaid.report_freeze(p_report text, p_year int,
    p_township int DEFAULT NULL, p_note text DEFAULT NULL, p_submitted_on date DEFAULT NULL)
RETURNS TABLE (id bigint, submitted_on date, frozen_at timestamptz, frozen_by text, sha256 text)
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
    INSERT INTO eduaid.report_snapshot AS s (report, year, township_id, note, submitted_on)
    VALUES (p_report, p_year, p_township, p_note, p_submitted_on)
    RETURNING s.id, s.submitted_on, s.frozen_at, s.frozen_by, s.sha256;
$$;

-- Whether snapshot p_id's hash is that of its content now.
CREATE OR REPLACE FUNCTION eduaid.report_snapshot_verify(p_id bigint) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.sha256 = eduaid.report_snapshot_hash(s.report, s.year, s.township_id, s.columns, s.rows)
      FROM eduaid.report_snapshot s WHERE s.id = p_id;
$$;

REVOKE ALL ON FUNCTION eduaid.report_snapshot_field(text),
    eduaid.report_snapshot_canonical(text, int, int, text[], jsonb),
    eduaid.report_snapshot_hash(text, int, int, text[], jsonb), eduaid.snapshot_county(),
    eduaid.report_snapshot_fill(), eduaid.report_snapshot_keep(),
    eduaid.report_freeze(text, int, int, text, date), eduaid.report_snapshot_verify(bigint)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.report_snapshot_field(text),
    eduaid.report_snapshot_canonical(text, int, int, text[], jsonb),
    eduaid.report_snapshot_hash(text, int, int, text[], jsonb), eduaid.snapshot_county(),
    eduaid.report_snapshot_verify(bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT EXECUTE ON FUNCTION eduaid.report_freeze(text, int, int, text, date)
    TO eduaid_officer, eduaid_supervisor;

RESET ROLE;
