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
-- (audit_row, and export_log for the export functions of 35_export.sql);
-- nobody may INSERT directly, and UPDATE, DELETE and TRUNCATE raise even
-- for its owner. Clerks, officers and supervisors read the history of
-- their townships' rows; supervisors see personal data masked (old_masked,
-- new_masked); auditors read everything (38_policies.sql).
RESET ROLE;
GRANT CREATE ON SCHEMA eduaid TO eduaid_audit_owner;
SET ROLE eduaid_audit_owner;

-- One audit row per row changed. Row changes that touch only bookkeeping
-- (a member's change bumping its household's version) are not news: the
-- member's own row says it. The notice states have actions of their own
-- ('notice' for approved -> in_notice, 'finalize' for in_notice -> final),
-- and an objection is filed under the record it is about (so the record's
-- history shows it).
CREATE OR REPLACE FUNCTION eduaid.audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    old_j  jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_j  jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    r      jsonb := coalesce(new_j, old_j);
    noise  constant text[] := ARRAY['version', 'updated_by', 'updated_at', 'editors'];
    action text := lower(TG_OP);
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (old_j - noise) = (new_j - noise) THEN
            RETURN NULL;
        END IF;
        action := CASE
            WHEN old_j ->> 'status' IS NOT DISTINCT FROM new_j ->> 'status' THEN 'update'
            WHEN new_j ->> 'status' = 'submitted' THEN 'submit'
            WHEN new_j ->> 'status' = 'verified' THEN 'verify'
            WHEN new_j ->> 'status' = 'approved' THEN 'approve'
            WHEN new_j ->> 'status' = 'rejected' THEN 'reject'
            WHEN new_j ->> 'status' = 'draft' THEN 'reopen'
            WHEN new_j ->> 'status' = 'in_notice' THEN 'notice'
            WHEN new_j ->> 'status' = 'final' THEN 'finalize'
        END;
    END IF;
    INSERT INTO eduaid.audit_log (kind, table_name, record_id, row_id, record_key,
                                  township_id, action, reason, old_row, new_row)
    VALUES (CASE WHEN TG_TABLE_NAME = 'notice_objection' THEN r ->> 'kind' ELSE TG_ARGV[0] END,
            TG_TABLE_NAME,
            CASE WHEN TG_TABLE_NAME IN ('student', 'student_subsidy') THEN r ->> 'household_id'
                 WHEN TG_TABLE_NAME = 'notice_objection' THEN r ->> 'record_id'
                 ELSE r ->> 'id' END::bigint,
            (r ->> 'id')::bigint, r ->> 'login',
            CASE WHEN TG_ARGV[0] NOT IN ('user', 'reference') THEN (r ->> 'township_id')::int END,
            action,
            CASE WHEN action IN ('reject', 'reopen') THEN new_j ->> 'reason' END,
            old_j, new_j);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION eduaid.audit_row() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.audit_row() TO eduaid_owner;

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

-- What changed between two versions of an audited row: {"field": [old,
-- new]} with the values as the row holds them in JSON (strings, numbers,
-- booleans; null for SQL NULL); fields whose value did not change are left
-- out, and so are bookkeeping (version, updated_by/at, editors), the
-- generated *_masked columns, and on workflow transitions (the notice's
-- included) the workflow columns (the entry's action, actor, time and
-- reason say it).
CREATE OR REPLACE FUNCTION eduaid.audit_changes(action text, old_row jsonb, new_row jsonb)
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce((
    SELECT jsonb_object_agg(k.key, jsonb_build_array(old_row -> k.key, new_row -> k.key)
                            ORDER BY k.key)
      FROM (SELECT jsonb_object_keys(coalesce(old_row, '{}'::jsonb)) AS key
            UNION
            SELECT jsonb_object_keys(coalesce(new_row, '{}'::jsonb))) AS k
     WHERE k.key NOT IN ('version', 'updated_by', 'updated_at', 'editors')
       AND k.key !~ '_masked$'
       AND NOT (action IN ('submit', 'verify', 'approve', 'reject', 'reopen', 'notice', 'finalize')
                AND k.key IN ('status', 'reason', 'submitted_by', 'submitted_at',
                              'verified_by', 'verified_at', 'approved_by', 'approved_at',
                              'rejected_by', 'rejected_at'))
       AND coalesce(old_row -> k.key, 'null'::jsonb) <> coalesce(new_row -> k.key, 'null'::jsonb)),
    '{}'::jsonb);
REVOKE ALL ON FUNCTION eduaid.audit_changes(text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.audit_changes(text, jsonb, jsonb)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
