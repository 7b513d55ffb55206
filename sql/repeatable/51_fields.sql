-- sql/repeatable/51_fields.sql: what the server takes in a column, asked
-- by the client's start-up check (src/db/fieldcheck.c) for every field of
-- forms/*.conf, so that a form never offers what the server refuses.
--
--   eduaid.field_refusals(tables, columns, vals)
--       for each i, whether eduaid.<tables[i]>.<columns[i]> takes vals[i]
--       by the rules of that column alone: the CHECK constraints on that
--       column only (evaluated with the value in its place, NULL counting
--       as passed, as a CHECK does), and a foreign key to a choice list
--       (eduaid.choice_*, sql/024_messages.sql). Returns a row (i, the
--       refusing constraint's name) for each value refused, or (i, 'no
--       such column') / (i, 'not a value of type T'); nothing when all
--       pass. Rules across columns (a school unless the stage is none) and
--       references to records are not this question's.
--   eduaid.field_lengths()
--       every column of schema eduaid that has a length limit -- a
--       varchar(n) or char(n) type, or a CHECK on that column alone of the
--       form char_length(column) <= n -- with the smallest such n.
--
-- Both read only the catalog and the choice lists, which every login may
-- read anyway; field_refusals runs as the schema's owner so that every
-- role gets the same answer whatever functions a CHECK calls. The value
-- is a parameter; identifiers, types and expressions come from the
-- catalog, quoted.
SET ROLE eduaid_owner;

CREATE OR REPLACE FUNCTION eduaid.field_refusals(p_tables text[], p_columns text[],
                                                 p_values text[])
RETURNS TABLE (n int, refused_by text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    i   int;
    rel oid;
    att smallint;
    col name;
    typ text;
    c   record;
    ok  boolean;
BEGIN
    IF coalesce(array_length(p_tables, 1), 0) <> coalesce(array_length(p_values, 1), 0)
       OR coalesce(array_length(p_columns, 1), 0) <> coalesce(array_length(p_values, 1), 0) THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'field_refusals: tables, columns and values must be of one length';
    END IF;
    FOR i IN 1 .. coalesce(array_length(p_values, 1), 0) LOOP
        rel := NULL;
        SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)
          INTO rel, att, col, typ
          FROM pg_catalog.pg_class t
          JOIN pg_catalog.pg_attribute a
            ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE t.relnamespace = 'eduaid'::regnamespace AND t.relkind IN ('r', 'p')
           AND t.relname = p_tables[i] AND a.attname = p_columns[i];
        IF rel IS NULL THEN
            n := i;
            refused_by := 'no such column';
            RETURN NEXT;
            CONTINUE;
        END IF;
        CONTINUE WHEN p_values[i] IS NULL;
        BEGIN
            EXECUTE format('SELECT $1::%s', typ) USING p_values[i];
        EXCEPTION WHEN data_exception THEN
            n := i;
            refused_by := 'not a value of type ' || typ;
            RETURN NEXT;
            CONTINUE;
        END;
        FOR c IN
            SELECT k.conname, k.contype, pg_catalog.pg_get_expr(k.conbin, k.conrelid) AS expr,
                   r.relname AS reftable, ra.attname AS refcol
              FROM pg_catalog.pg_constraint k
              LEFT JOIN pg_catalog.pg_class r
                ON r.oid = k.confrelid AND r.relnamespace = 'eduaid'::regnamespace
              LEFT JOIN pg_catalog.pg_attribute ra
                ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
             WHERE k.conrelid = rel AND k.conkey = ARRAY[att] AND k.contype IN ('c', 'f')
             ORDER BY k.conname
        LOOP
            IF c.contype = 'c' THEN
                EXECUTE format('SELECT (%s) IS NOT FALSE FROM (SELECT $1::%s AS %I) AS v',
                               c.expr, typ, col)
                   INTO ok USING p_values[i];
            ELSIF c.reftable LIKE 'choice\_%' THEN
                EXECUTE format('SELECT EXISTS (SELECT FROM eduaid.%I WHERE %I = $1::%s)',
                               c.reftable, c.refcol, typ)
                   INTO ok USING p_values[i];
            ELSE
                ok := true; -- a reference to a record or a division: a lookup
            END IF;
            IF NOT ok THEN
                n := i;
                refused_by := c.conname;
                RETURN NEXT;
                EXIT;
            END IF;
        END LOOP;
    END LOOP;
END
$$;
COMMENT ON FUNCTION eduaid.field_refusals(text[], text[], text[]) IS
    'eduaid: which values the named columns refuse by their own rules (CHECKs on the column alone, choice lists)';
REVOKE ALL ON FUNCTION eduaid.field_refusals(text[], text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.field_refusals(text[], text[], text[])
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
-- The inspector (issue 15) starts the client too: its start-up check asks
-- both functions (the catalog and choice lists only).
GRANT EXECUTE ON FUNCTION eduaid.field_refusals(text[], text[], text[]) TO eduaid_inspector;

CREATE OR REPLACE FUNCTION eduaid.field_lengths()
RETURNS TABLE (table_name text, column_name text, max_chars int)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT l.table_name, l.column_name, min(l.n)
      FROM (SELECT t.relname::text AS table_name, a.attname::text AS column_name,
                   CASE WHEN a.atttypid IN ('pg_catalog.varchar'::regtype, 'pg_catalog.bpchar'::regtype)
                         AND a.atttypmod > 4 THEN a.atttypmod - 4 END AS n
              FROM pg_catalog.pg_class t
              JOIN pg_catalog.pg_attribute a
                ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
             WHERE t.relnamespace = 'eduaid'::regnamespace AND t.relkind IN ('r', 'p')
            UNION ALL
            SELECT t.relname::text, a.attname::text, m.g[2]::int
              FROM pg_catalog.pg_constraint k
              JOIN pg_catalog.pg_class t ON t.oid = k.conrelid
              JOIN pg_catalog.pg_attribute a
                ON a.attrelid = k.conrelid AND k.conkey = ARRAY[a.attnum]
              CROSS JOIN LATERAL regexp_matches(pg_catalog.pg_get_expr(k.conbin, k.conrelid),
                                                'char_length\(([a-z_][a-z0-9_]*)\) <= ([0-9]+)',
                                                'g') AS m(g)
             WHERE t.relnamespace = 'eduaid'::regnamespace AND k.contype = 'c'
               AND m.g[1] = a.attname::text) AS l
     WHERE l.n IS NOT NULL
     GROUP BY l.table_name, l.column_name;
END;
COMMENT ON FUNCTION eduaid.field_lengths() IS
    'eduaid: the most characters each length-limited column of schema eduaid takes';
REVOKE ALL ON FUNCTION eduaid.field_lengths() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.field_lengths()
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
GRANT EXECUTE ON FUNCTION eduaid.field_lengths() TO eduaid_inspector;
