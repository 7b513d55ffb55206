-- 000_bootstrap.sql: what every later migration stands on -- the owner
-- role, schema eduaid and the eduaid.schema_version ledger. Written to be
-- applied any number of times; sql/migrate.sh runs it before the numbered
-- files and records those in schema_version.
\set ON_ERROR_STOP on

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'eduaid_owner') THEN
        CREATE ROLE eduaid_owner NOLOGIN;
    END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS eduaid AUTHORIZATION eduaid_owner;
COMMENT ON SCHEMA eduaid IS 'eduaid: education poverty-alleviation records';

CREATE TABLE IF NOT EXISTS eduaid.schema_version (
    version    int PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT session_user
);
ALTER TABLE eduaid.schema_version OWNER TO eduaid_owner;

-- Row-level security's township condition must be the cheapest qual of a
-- scan, so that it runs first (sql/016_index_scope.sql). A catalog
-- function's cost is not in a dump: set on every run.
ALTER FUNCTION pg_catalog.int48eq(int4, int8) COST 0.01;

-- The SHA-256 of each migration file as it was applied (sql/migrate.sh
-- refuses a file changed since); NULL for rows from before it was kept.
ALTER TABLE eduaid.schema_version ADD COLUMN IF NOT EXISTS checksum text;
