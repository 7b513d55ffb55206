-- 018_accounts.sql: four-eyes for accounts (issue 9, item 4: an admin
-- could become anyone). No single person may give themselves or a
-- confederate read access, so every change that can grant access takes
-- effect only when a second person approves it: an admin requests, a
-- county supervisor of the request's county who is neither its requester
-- nor its subject approves or refuses (repeatable/27_users.sql).
--
-- Here: the requests (eduaid.account_request, readable by the admins,
-- supervisors and auditors of its county), the SCRAM-SHA-256 verifier of a
-- pending create or password request (eduaid.account_request_secret, which
-- no login can read and which is not audited; the row is deleted when the
-- request is decided), and the trace of a password change in app_user
-- (password_set_at / password_set_by, never the verifier).

ALTER TABLE eduaid.app_user
    ADD COLUMN password_set_at timestamptz,
    ADD COLUMN password_set_by text;

GRANT CREATE ON SCHEMA eduaid TO eduaid_usermgr;
SET ROLE eduaid_usermgr;

CREATE TABLE eduaid.account_request (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action       text NOT NULL,
    login        text NOT NULL,
    county_id    int NOT NULL,
    full_name    text,
    role         text,
    townships    int[],
    with_password boolean NOT NULL DEFAULT false,
    status       text NOT NULL DEFAULT 'pending',
    reason       text,
    requested_by text NOT NULL DEFAULT session_user,
    requested_at timestamptz NOT NULL DEFAULT now(),
    decided_by   text,
    decided_at   timestamptz,
    CONSTRAINT account_request_action_check CHECK (action IN ('create', 'password', 'townships', 'enable')),
    CONSTRAINT account_request_status_check CHECK (status IN ('pending', 'approved', 'rejected')),
    CONSTRAINT account_request_reason_check CHECK (status <> 'rejected' OR NOT eduaid.is_blank(reason))
);
CREATE INDEX account_request_pending_idx ON eduaid.account_request (county_id, status, id);

-- The verifier of a pending create or password request. No grants: only
-- the account functions (owned by eduaid_usermgr) read it.
CREATE TABLE eduaid.account_request_secret (
    request_id bigint PRIMARY KEY
               CONSTRAINT account_request_secret_request_fk REFERENCES eduaid.account_request (id),
    verifier   text NOT NULL
);

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_usermgr;
