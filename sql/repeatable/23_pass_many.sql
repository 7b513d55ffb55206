-- sql/repeatable/23_pass_many.sql: many review steps in one statement
-- (issue 16: bulk approve 50 in one round trip, not 50). Re-applied on
-- every migrate; the one definition of:
--
--   eduaid.pass_many(actions, kinds, ids [, versions])
--       per element i, eduaid.verify or eduaid.approve (actions[i]) of
--       record ids[i] of kinds[i] with expected version versions[i]
--       (NULL: no check), each in its own subtransaction, so that one
--       refusal refuses no other; one row per element, in the order
--       given (ord = i): ok and the new version, or the refusal as the
--       step refused it (SQLSTATE, message, detail, hint, constraint,
--       table, column: what the client shows in words, as for one step).
--       22023 (invalid_parameter_value: the client never sends either,
--       so no words of the error table) when the arrays differ in length,
--       and, as a row's refusal, for an action that is not verify or
--       approve (a step with a reason is taken one by one). What passed
--       commits together, with the caller's transaction.
--   eduaid.approve_many(kind, ids)
--       approve each of ids of one kind: (id, ok, sqlstate, message).
--
-- SECURITY INVOKER: each step is eduaid.verify/approve called as the
-- person logged in, so row-level security, the four-eyes rule, the
-- version check and every refusal are exactly those of one step; the
-- functions need the EXECUTE privilege on them, and are granted to the
-- roles that have it. After 22_workflow_steps.sql (verify, approve).
SET ROLE eduaid_owner;

CREATE OR REPLACE FUNCTION eduaid.pass_many(actions text[], kinds text[], ids bigint[],
                                            versions int[] DEFAULT NULL)
RETURNS TABLE (ord int, id bigint, ok boolean, version int, sqlstate text, message text,
               detail text, hint text, constraint_name text, table_name text,
               column_name text)
LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n int := coalesce(cardinality(ids), 0);
    v_state text;
    v_message text;
    v_detail text;
    v_hint text;
    v_constraint text;
    v_table text;
    v_column text;
BEGIN
    IF coalesce(cardinality(actions), 0) <> n OR coalesce(cardinality(kinds), 0) <> n
       OR (versions IS NOT NULL AND cardinality(versions) <> n) THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'pass_many: actions, kinds, ids (and versions) must be as many (数组长度不一致)';
    END IF;
    FOR i IN 1 .. n LOOP
        pass_many.ord := i;
        pass_many.id := ids[i];
        pass_many.ok := false;
        pass_many.version := NULL;
        v_state := NULL; v_message := NULL; v_detail := NULL; v_hint := NULL;
        v_constraint := NULL; v_table := NULL; v_column := NULL;
        BEGIN
            IF actions[i] = 'verify' THEN
                pass_many.version := eduaid.verify(kinds[i], ids[i], versions[i]);
            ELSIF actions[i] = 'approve' THEN
                pass_many.version := eduaid.approve(kinds[i], ids[i], versions[i]);
            ELSE
                RAISE EXCEPTION USING ERRCODE = '22023',
                    MESSAGE = format('"%s" is not taken many at a time: only verify and approve (不能批量执行此操作)',
                                     actions[i]);
            END IF;
            pass_many.ok := true;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_message = MESSAGE_TEXT,
                v_detail = PG_EXCEPTION_DETAIL, v_hint = PG_EXCEPTION_HINT,
                v_constraint = CONSTRAINT_NAME, v_table = TABLE_NAME, v_column = COLUMN_NAME;
        END;
        pass_many.sqlstate := v_state;
        pass_many.message := v_message;
        pass_many.detail := nullif(v_detail, '');
        pass_many.hint := nullif(v_hint, '');
        pass_many.constraint_name := nullif(v_constraint, '');
        pass_many.table_name := nullif(v_table, '');
        pass_many.column_name := nullif(v_column, '');
        RETURN NEXT;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.approve_many(kind text, ids bigint[])
RETURNS TABLE (id bigint, ok boolean, sqlstate text, message text)
LANGUAGE sql VOLATILE SECURITY INVOKER SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT p.id, p.ok, p.sqlstate, p.message
      FROM eduaid.pass_many(array_fill('approve'::text, ARRAY[coalesce(cardinality(ids), 0)]),
                            array_fill(kind, ARRAY[coalesce(cardinality(ids), 0)]), ids) p
     ORDER BY p.ord;
END;

REVOKE ALL ON FUNCTION eduaid.pass_many(text[], text[], bigint[], int[]),
    eduaid.approve_many(text, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.pass_many(text[], text[], bigint[], int[]),
    eduaid.approve_many(text, bigint[])
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor;

RESET ROLE;
