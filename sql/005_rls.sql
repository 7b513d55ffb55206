-- 005_rls.sql: who sees and writes which rows and columns.
--
-- eduaid.app_user maps each login role to its group and county, and
-- app_user_township to the townships it works in. eduaid.my_townships()
-- turns that into the array every policy compares township_id with:
-- clerks and officers get their assigned townships, supervisors and
-- auditors every township of their county, anyone else NULL (no rows).
-- Policies call it as (SELECT eduaid.my_townships())::int[], an init plan run
-- once per query, so township_id = ANY(...) can use the indexes.
--
-- Column privileges keep the workflow and bookkeeping columns out of
-- INSERT and UPDATE for everyone, and keep full ID numbers and bank
-- accounts from supervisors, who read the *_masked columns instead.
SET ROLE eduaid_owner;

CREATE TABLE eduaid.app_user (
    login      text PRIMARY KEY,
    full_name  text NOT NULL,
    role       text NOT NULL,
    county_id  int NOT NULL CONSTRAINT app_user_county_fk REFERENCES eduaid.county (id),
    active     boolean NOT NULL DEFAULT true,
    created_by text NOT NULL DEFAULT session_user,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_login_check CHECK (login ~ '^[a-z][a-z0-9_]{1,62}$'),
    CONSTRAINT app_user_full_name_check CHECK (NOT eduaid.is_blank(full_name) AND char_length(full_name) <= 50),
    CONSTRAINT app_user_role_check CHECK (role IN
        ('clerk', 'officer', 'supervisor', 'admin', 'auditor'))
);

CREATE TABLE eduaid.app_user_township (
    login       text NOT NULL CONSTRAINT app_user_township_login_fk
                REFERENCES eduaid.app_user (login) ON DELETE CASCADE,
    township_id int NOT NULL CONSTRAINT app_user_township_township_fk
                REFERENCES eduaid.township (id),
    PRIMARY KEY (login, township_id)
);

-- The eduaid role of the person logged in ('clerk', 'officer', ...), or
-- NULL when they are not an active eduaid user. session_user, not
-- current_user: SET ROLE must not change who someone is.
CREATE FUNCTION eduaid.my_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT u.role FROM eduaid.app_user u
     WHERE u.login = session_user AND u.active;
END;

-- The townships whose rows the person logged in may see (see above).
CREATE FUNCTION eduaid.my_townships() RETURNS int[]
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT CASE
        WHEN u.role IN ('supervisor', 'auditor') THEN
            (SELECT array_agg(t.id ORDER BY t.id) FROM eduaid.township t
              WHERE t.county_id = u.county_id)
        WHEN u.role IN ('clerk', 'officer') THEN
            (SELECT array_agg(a.township_id ORDER BY a.township_id)
               FROM eduaid.app_user_township a WHERE a.login = u.login)
        END
      FROM eduaid.app_user u
     WHERE u.login = session_user AND u.active;
END;

REVOKE ALL ON FUNCTION eduaid.my_role(), eduaid.my_townships() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.my_role(), eduaid.my_townships() TO
    eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;

-- Reference data: everyone reads; the admin keeps schools, courses and
-- fund programs. Divisions are official and loaded, not edited.
GRANT SELECT ON eduaid.county, eduaid.township, eduaid.village, eduaid.school,
    eduaid.training_course, eduaid.fund_program
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
GRANT INSERT, UPDATE, DELETE ON eduaid.school, eduaid.training_course, eduaid.fund_program
    TO eduaid_admin;
GRANT SELECT ON eduaid.app_user, eduaid.app_user_township TO eduaid_admin, eduaid_auditor;
REVOKE ALL ON eduaid.row_template, eduaid.record_template FROM PUBLIC;

-- The township-scoped tables: grants and policies, the same for each.
DO $$
DECLARE
    tbl       text;
    -- set by the server and the workflow functions, never by a person
    bookkeeping constant text[] := ARRAY['id', 'version', 'created_by',
        'created_at', 'updated_by', 'updated_at', 'status', 'reason',
        'editors', 'submitted_by', 'submitted_at', 'verified_by',
        'verified_at', 'approved_by', 'approved_at', 'rejected_by',
        'rejected_at'];
    -- fixed once a row exists
    keys      constant text[] := ARRAY['township_id', 'client_uuid',
        'household_id', 'student_id'];
    scope     constant text := 'township_id = ANY ((SELECT eduaid.my_townships())::int[])';
    ins_cols  text;
    upd_cols  text;
    sup_sel   text;
    sup_upd   text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'student', 'student_subsidy',
        'training_enrollment', 'special_ed_plan', 'teacher',
        'teacher_fund_application']
    LOOP
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                   FILTER (WHERE a.attgenerated = '' AND a.attname <> ALL (bookkeeping)),
               string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                   FILTER (WHERE a.attgenerated = '' AND a.attname <> ALL (bookkeeping)
                             AND a.attname <> ALL (keys)),
               string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                   FILTER (WHERE NOT eduaid.is_personal_column(a.attname)),
               string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                   FILTER (WHERE a.attgenerated = '' AND a.attname <> ALL (bookkeeping)
                             AND a.attname <> ALL (keys)
                             AND NOT eduaid.is_personal_column(a.attname))
          INTO ins_cols, upd_cols, sup_sel, sup_upd
          FROM pg_catalog.pg_attribute a
         WHERE a.attrelid = format('eduaid.%I', tbl)::regclass
           AND a.attnum > 0 AND NOT a.attisdropped;

        EXECUTE format('GRANT SELECT, DELETE ON eduaid.%I TO eduaid_clerk, eduaid_officer', tbl);
        EXECUTE format('GRANT INSERT (%s) ON eduaid.%I TO eduaid_clerk, eduaid_officer', ins_cols, tbl);
        EXECUTE format('GRANT UPDATE (%s) ON eduaid.%I TO eduaid_clerk, eduaid_officer', upd_cols, tbl);
        EXECUTE format('GRANT SELECT (%s) ON eduaid.%I TO eduaid_supervisor', sup_sel, tbl);
        -- Supervisors edit records they are about to approve, not the
        -- teacher register.
        IF tbl <> 'teacher' THEN
            EXECUTE format('GRANT UPDATE (%s) ON eduaid.%I TO eduaid_supervisor', sup_upd, tbl);
        END IF;
        EXECUTE format('GRANT SELECT ON eduaid.%I TO eduaid_auditor', tbl);

        EXECUTE format('ALTER TABLE eduaid.%I ENABLE ROW LEVEL SECURITY', tbl);
        EXECUTE format('ALTER TABLE eduaid.%I FORCE ROW LEVEL SECURITY', tbl);
        EXECUTE format('CREATE POLICY %I ON eduaid.%I FOR SELECT TO eduaid_clerk, '
                       'eduaid_officer, eduaid_supervisor, eduaid_auditor USING (%s)',
                       tbl || '_read', tbl, scope);
        EXECUTE format('CREATE POLICY %I ON eduaid.%I FOR INSERT TO eduaid_clerk, '
                       'eduaid_officer WITH CHECK (%s)', tbl || '_insert', tbl, scope);
        EXECUTE format('CREATE POLICY %I ON eduaid.%I FOR UPDATE TO eduaid_clerk, '
                       'eduaid_officer, eduaid_supervisor USING (%s) WITH CHECK (%s)',
                       tbl || '_update', tbl, scope, scope);
        EXECUTE format('CREATE POLICY %I ON eduaid.%I FOR DELETE TO eduaid_clerk, '
                       'eduaid_officer USING (%s)', tbl || '_delete', tbl, scope);
        -- The workflow functions run as the owner and check the township
        -- themselves (006_workflow.sql).
        EXECUTE format('CREATE POLICY %I ON eduaid.%I TO eduaid_owner USING (true) '
                       'WITH CHECK (true)', tbl || '_owner', tbl);
    END LOOP;
END
$$;
