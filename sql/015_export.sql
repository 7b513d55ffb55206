-- 015_export.sql: the server's side of `eduaid export` (issue 5).
--
--   eduaid.record_statuses(kind)   the status words a kind's table accepts,
--                                  read from its CHECK constraint on
--                                  status: what --status may name
--   eduaid.log_export(kind, filters, row_count, unmasked)
--                                  one audit_log row (action 'export') for
--                                  an export, written in the transaction
--                                  that read the rows; returns its id
--
-- The export itself is a plain SELECT under row-level security and the
-- column grants of 005_rls.sql: what a person may export is exactly what
-- they may read. Reading the full ID numbers, birth dates, bank accounts
-- and certificate numbers (--unmasked) is refused by the server to
-- supervisors (42501, they have no column privilege on them), and
-- log_export refuses to record an unmasked export by anyone who could not
-- have read those columns, so the log never claims what did not happen.
--
-- audit_log_action_check gains 'export'. The constraint is rebuilt from
-- its current list of words, so other migrations that extend it compose
-- with this one in any order.

------------------------------------------------------------------------
-- The audit log accepts action 'export'.
SET ROLE eduaid_audit_owner;

DO $$
DECLARE
    def   text;
    words text[];
BEGIN
    SELECT pg_catalog.pg_get_constraintdef(c.oid) INTO def
      FROM pg_catalog.pg_constraint c
     WHERE c.conrelid = 'eduaid.audit_log'::regclass
       AND c.conname = 'audit_log_action_check';
    SELECT array_agg(m.w[1] ORDER BY m.n) INTO words
      FROM regexp_matches(def, '''([^'']*)''', 'g') WITH ORDINALITY AS m(w, n);
    IF words IS NULL THEN
        RAISE EXCEPTION 'audit_log_action_check not found or not a list: %', def;
    END IF;
    IF NOT 'export' = ANY (words) THEN
        words := words || 'export'::text;
    END IF;
    EXECUTE format('ALTER TABLE eduaid.audit_log DROP CONSTRAINT audit_log_action_check, '
                   'ADD CONSTRAINT audit_log_action_check CHECK (action IN (%s))',
                   (SELECT string_agg(quote_literal(w), ', ' ORDER BY n)
                      FROM unnest(words) WITH ORDINALITY AS u(w, n)));
END
$$;

RESET ROLE;
-- What log_export calls, running as the log's owner.
GRANT EXECUTE ON FUNCTION eduaid.my_role(), eduaid.my_townships()
    TO eduaid_audit_owner;
GRANT CREATE ON SCHEMA eduaid TO eduaid_audit_owner;
SET ROLE eduaid_audit_owner;

-- Record an export by the person logged in (session_user: nobody can
-- write another actor; the log's policy checks it too). kind names the
-- record kind; filters is a JSON object of what the rows were chosen by
-- ({"status": "approved", "township_id": 420325100, ...}); a township_id
-- in it must be one of the caller's and goes into the row's township_id,
-- so that township's clerks and officers read the entry too (a county-wide
-- export has none: auditors read it). Refused: a caller who reads no
-- records (EA004: admins, non-users), an unknown kind (EA010), a negative
-- count or filters that are not an object (22023), a township not the
-- caller's (EA004), and unmasked = true from a caller without SELECT on
-- every personal column of the kind's tables (EA004).
CREATE FUNCTION eduaid.log_export(p_kind text, p_filters jsonb, p_row_count bigint,
                                  p_unmasked boolean) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_role     constant text := eduaid.my_role();
    v_table    constant text := eduaid.record_table(p_kind);
    v_filters  constant jsonb := coalesce(p_filters, '{}'::jsonb);
    v_township int;
    v_hidden   text;
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('clerk', 'officer', 'supervisor', 'auditor') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not export records (无权导出记录)', session_user);
    END IF;
    IF v_table IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
    END IF;
    IF p_row_count IS NULL OR p_row_count < 0 OR p_unmasked IS NULL
       OR jsonb_typeof(v_filters) <> 'object' THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'log_export needs a row count >= 0, unmasked true or false '
                      'and the filters as a JSON object (导出记录参数无效)';
    END IF;
    IF v_filters ? 'township_id' THEN
        v_township := (v_filters ->> 'township_id')::int;
        IF v_township IS NULL OR NOT v_township = ANY (eduaid.my_townships()) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA004',
                MESSAGE = format('township %s is not one of yours (不是您负责的乡镇)',
                                 v_filters ->> 'township_id');
        END IF;
    END IF;
    IF p_unmasked THEN
        SELECT string_agg(format('%s.%s', c.relname, a.attname), ', ') INTO v_hidden
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
         WHERE n.nspname = 'eduaid'
           AND c.relname = ANY (CASE WHEN v_table = 'household'
                                     THEN ARRAY[v_table, 'student'] ELSE ARRAY[v_table] END)
           AND a.attnum > 0 AND NOT a.attisdropped
           AND eduaid.is_personal_column(a.attname)
           AND NOT pg_catalog.has_column_privilege(session_user, c.oid, a.attnum, 'SELECT');
        IF v_hidden IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'EA004',
                MESSAGE = format('%s may not export unmasked personal data (无权导出未脱敏的个人信息)',
                                 session_user),
                DETAIL = format('no SELECT privilege on %s', v_hidden);
        END IF;
    END IF;
    INSERT INTO eduaid.audit_log (kind, table_name, township_id, action, new_row)
    VALUES (p_kind, v_table, v_township, 'export',
            jsonb_build_object('filters', v_filters, 'rows', p_row_count,
                               'unmasked', p_unmasked, 'role', v_role));
    -- (no RETURNING: the owner has no read policy on the log)
    RETURN currval(pg_get_serial_sequence('eduaid.audit_log', 'id'));
END
$$;
COMMENT ON FUNCTION eduaid.log_export(text, jsonb, bigint, boolean) IS
    'eduaid: record an export by session_user in the audit log (action export)';

REVOKE ALL ON FUNCTION eduaid.log_export(text, jsonb, bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.log_export(text, jsonb, bigint, boolean)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_audit_owner;
SET ROLE eduaid_owner;

-- The status words the table of kind accepts: the quoted words of the
-- CHECK constraints on its status column alone (record_status_check, and
-- whatever later migrations put in its place), sorted. NULL for
-- an unknown kind. Readable by everyone who reads records; the catalog is
-- public anyway.
CREATE FUNCTION eduaid.record_statuses(p_kind text) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT array_agg(DISTINCT m.w[1])
      FROM pg_catalog.pg_constraint c
      JOIN pg_catalog.pg_attribute a
        ON a.attrelid = c.conrelid AND a.attname = 'status'
      CROSS JOIN LATERAL regexp_matches(pg_catalog.pg_get_constraintdef(c.oid),
                                        '''([^'']*)''', 'g') AS m(w)
     WHERE c.conrelid = ('eduaid.' || eduaid.record_table(p_kind))::regclass
       AND c.contype = 'c'
       AND c.conkey = ARRAY[a.attnum];
END;
COMMENT ON FUNCTION eduaid.record_statuses(text) IS
    'eduaid: the status words a record kind''s table accepts (from its CHECK constraint)';

REVOKE ALL ON FUNCTION eduaid.record_statuses(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.record_statuses(text)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
