-- 005_rls.sql: the eduaid users. eduaid.app_user maps each login role to
-- its group and county, and app_user_township to the townships it works
-- in; who sees and writes which rows and columns follows from them:
-- eduaid.my_townships() (repeatable/10_scope.sql), the row-level security
-- policies (repeatable/38_policies.sql) and the privileges
-- (repeatable/39_privileges.sql), which this file defined before the
-- re-layout of eduaid 0.1.
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
