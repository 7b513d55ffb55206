-- 001_roles.sql: the group roles of DESIGN.md, the NOLOGIN roles that own
-- the schema, the audit trail and user management, and the database-wide
-- privileges every session starts from.
--
-- A person logs in as their own LOGIN role, a member of exactly one group;
-- eduaid.create_user (008_users.sql) is the only way such roles are made.

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['eduaid_audit_owner', 'eduaid_usermgr',
                             'eduaid_clerk', 'eduaid_officer',
                             'eduaid_supervisor', 'eduaid_admin',
                             'eduaid_auditor']
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END
$$;

-- The user manager owns only the functions that create and alter login
-- roles; nobody can log in as it.
ALTER ROLE eduaid_usermgr NOLOGIN CREATEROLE;

COMMENT ON ROLE eduaid_owner IS 'eduaid: owns schema eduaid and the workflow functions';
COMMENT ON ROLE eduaid_audit_owner IS 'eduaid: owns eduaid.audit_log and its writer';
COMMENT ON ROLE eduaid_usermgr IS 'eduaid: owns the user administration functions';
COMMENT ON ROLE eduaid_clerk IS 'eduaid: data-entry clerk (assigned townships)';
COMMENT ON ROLE eduaid_officer IS 'eduaid: township officer (one township)';
COMMENT ON ROLE eduaid_supervisor IS 'eduaid: county reviewer, approves';
COMMENT ON ROLE eduaid_admin IS 'eduaid: users and reference data';
COMMENT ON ROLE eduaid_auditor IS 'eduaid: reads everything, changes nothing';

-- Temporary tables let a session shadow names a careless function resolves
-- through search_path; nobody here needs them.
DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC',
                   current_database());
END
$$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

GRANT USAGE ON SCHEMA eduaid TO eduaid_audit_owner, eduaid_usermgr,
    eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin,
    eduaid_auditor;
