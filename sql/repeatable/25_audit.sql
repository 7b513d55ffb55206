-- repeatable/25_audit.sql: the audit trail (007_audit.sql has the table).
-- Every INSERT, UPDATE and DELETE of a record or member row, and every
-- workflow transition, writes one row of eduaid.audit_log in the same
-- transaction (so it commits or rolls back with the change): who
-- (session_user), when (clock_timestamp), the transaction, the kind and
-- record, the action, the old and new row as jsonb, and the reason of a
-- rejection or reopening. So do the admin's changes to users (kind 'user',
-- keyed by login) and to schools, courses and fund programs (kind
-- 'reference'); those rows carry no township and only auditors read them.
-- The triggers that call audit_row name the kind: 37_triggers.sql.
--
-- The log belongs to eduaid_audit_owner. Only its functions write it
-- (audit_row, 22_workflow_steps.sql, and export_log for the export functions of 35_export.sql);
-- nobody may INSERT directly, and UPDATE, DELETE and TRUNCATE raise even
-- for its owner. Clerks, officers and supervisors read the history of
-- their townships' rows; supervisors see personal data masked (old_masked,
-- new_masked); auditors read everything (38_policies.sql).
RESET ROLE;
GRANT CREATE ON SCHEMA eduaid TO eduaid_audit_owner;
SET ROLE eduaid_audit_owner;

CREATE OR REPLACE FUNCTION eduaid.audit_log_immutable() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'EA006',
        MESSAGE = format('the audit log cannot be changed (%s refused) (审计日志不可修改)', TG_OP);
END
$$;

-- The audit row of one export; callable only by eduaid_exporter (the
-- export functions, 35_export.sql), every argument already validated by
-- them.
CREATE OR REPLACE FUNCTION eduaid.export_log(p_kind text, p_table text, p_status text, p_township int,
                                  p_rows bigint, p_unmasked boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO eduaid.audit_log (kind, table_name, township_id, action, new_row)
    VALUES (p_kind, p_table, p_township, 'export',
            jsonb_strip_nulls(jsonb_build_object(
                'filters', jsonb_build_object('status', p_status, 'township_id', p_township),
                'rows', p_rows, 'unmasked', p_unmasked, 'role', eduaid.my_role())));
END
$$;
REVOKE ALL ON FUNCTION eduaid.export_log(text, text, text, int, bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.export_log(text, text, text, int, bigint, boolean)
    TO eduaid_exporter;

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_audit_owner;
SET ROLE eduaid_owner;
