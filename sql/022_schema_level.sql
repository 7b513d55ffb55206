-- 022_schema_level.sql: the schema tells its level, so that a client
-- refuses a server it was not built for (src/db/schema.c) instead of
-- failing later on a missing relation.
--
--   eduaid.schema_level()   the newest migration applied (schema_version)
--
-- schema_version itself stays unreadable by every login (020_locks.sql:
-- no login may lock it); the function reads it as its owner. sql/migrate.sh
-- also records each file's SHA-256 there (the checksum column, added by
-- 000_bootstrap.sql) and refuses a migration changed after it was applied,
-- one older than the newest applied, and a database newer than its files.
SET ROLE eduaid_owner;

CREATE FUNCTION eduaid.schema_level() RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT max(v.version) FROM eduaid.schema_version v;
END;
COMMENT ON FUNCTION eduaid.schema_level() IS
    'eduaid: the level of the schema (its newest migration), for the client''s check';
REVOKE ALL ON FUNCTION eduaid.schema_level() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.schema_level() TO eduaid_clerk, eduaid_officer,
    eduaid_supervisor, eduaid_admin, eduaid_auditor;
