-- 007_audit.sql: the audit trail. Every INSERT, UPDATE and DELETE of a
-- record or member row, and every workflow transition, writes one row of
-- eduaid.audit_log in the same transaction (so it commits or rolls back
-- with the change): who (session_user), when (clock_timestamp), the
-- transaction, the kind and record, the action, the old and new row as
-- jsonb, and the reason of a rejection or reopening. So do the admin's
-- changes to users (kind 'user', keyed by login) and to schools, courses
-- and fund programs (kind 'reference'); those rows carry no township and
-- only auditors read them.
--
-- The log belongs to eduaid_audit_owner. Only its trigger function writes
-- it; nobody may INSERT directly, and UPDATE, DELETE and TRUNCATE raise
-- even for its owner. Clerks, officers and supervisors read the history of
-- their townships' rows; supervisors see personal data masked (old_masked,
-- new_masked); auditors read everything.
GRANT CREATE ON SCHEMA eduaid TO eduaid_audit_owner;
SET ROLE eduaid_audit_owner;

CREATE TABLE eduaid.audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text NOT NULL DEFAULT session_user,
    txid        bigint NOT NULL DEFAULT txid_current(),
    kind        text NOT NULL,
    table_name  text NOT NULL,
    record_id   bigint,           -- the record: household id for members
    row_id      bigint,           -- the row changed
    record_key  text,             -- users: the login
    township_id int,              -- NULL for users and reference data
    action      text NOT NULL,
    reason      text,
    old_row     jsonb,
    new_row     jsonb,
    old_masked  jsonb GENERATED ALWAYS AS (eduaid.mask_row(old_row)) STORED,
    new_masked  jsonb GENERATED ALWAYS AS (eduaid.mask_row(new_row)) STORED,
    CONSTRAINT audit_log_action_check CHECK (action IN ('insert', 'update', 'delete',
        'submit', 'verify', 'approve', 'reject', 'reopen'))
);
CREATE INDEX audit_log_record_idx ON eduaid.audit_log (township_id, kind, record_id, id);
CREATE INDEX audit_log_actor_idx ON eduaid.audit_log (actor, at);

-- Row changes that touch only bookkeeping (a member's change bumping its
-- household's version) are not news: the member's own row says it.
CREATE FUNCTION eduaid.audit_row() RETURNS trigger
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
        END;
    END IF;
    INSERT INTO eduaid.audit_log (kind, table_name, record_id, row_id, record_key,
                                  township_id, action, reason, old_row, new_row)
    VALUES (TG_ARGV[0], TG_TABLE_NAME,
            CASE WHEN TG_TABLE_NAME IN ('student', 'student_subsidy')
                 THEN r ->> 'household_id' ELSE r ->> 'id' END::bigint,
            (r ->> 'id')::bigint, r ->> 'login',
            CASE WHEN TG_ARGV[0] NOT IN ('user', 'reference') THEN (r ->> 'township_id')::int END,
            action,
            CASE WHEN action IN ('reject', 'reopen') THEN new_j ->> 'reason' END,
            old_j, new_j);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION eduaid.audit_row() FROM PUBLIC;

CREATE FUNCTION eduaid.audit_log_immutable() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'EA006',
        MESSAGE = format('the audit log cannot be changed (%s refused) (审计日志不可修改)', TG_OP);
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON eduaid.audit_log
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_log_immutable();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON eduaid.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.audit_log_immutable();

ALTER TABLE eduaid.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE eduaid.audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_write ON eduaid.audit_log FOR INSERT TO eduaid_audit_owner
    WITH CHECK (actor = session_user);
CREATE POLICY audit_log_read ON eduaid.audit_log FOR SELECT
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor
    USING (township_id = ANY ((SELECT eduaid.my_townships())::int[]));
CREATE POLICY audit_log_auditor ON eduaid.audit_log FOR SELECT TO eduaid_auditor
    USING (true);

GRANT SELECT ON eduaid.audit_log TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT (id, at, actor, txid, kind, table_name, record_id, row_id, record_key,
              township_id, action, reason, old_masked, new_masked)
    ON eduaid.audit_log TO eduaid_supervisor;
GRANT EXECUTE ON FUNCTION eduaid.audit_row() TO eduaid_owner;

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_audit_owner;
SET ROLE eduaid_owner;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('household', 'household'), ('student', 'household'),
            ('student_subsidy', 'household'), ('training_enrollment', 'training'),
            ('special_ed_plan', 'special_ed'), ('teacher', 'teacher'),
            ('teacher_fund_application', 'teacher_fund'), ('app_user', 'user'),
            ('app_user_township', 'user'), ('school', 'reference'),
            ('training_course', 'reference'), ('fund_program', 'reference')) AS v(tbl, kind)
    LOOP
        EXECUTE format('CREATE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.%I '
                       'FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row(%L)', t.tbl, t.kind);
    END LOOP;
END
$$;
