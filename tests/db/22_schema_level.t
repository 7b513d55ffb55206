#!/usr/bin/env bash
# tests/db/22_schema_level.t: a client and a schema of different levels
# refuse each other in words (src/db/schema.c, sql/022_schema_level.sql),
# and sql/migrate.sh refuses what would leave the schema unknown: a
# migration changed after it was applied, a new one numbered below those
# applied, a database newer than its files -- each time applying nothing.
# Emits TAP; run by tests/db/run-db-tests.sh. Costs about 3 s. Every change
# to the test database is undone on exit.
set -u
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$top_srcdir/tests/db/lib.sh" || exit 1
export LC_ALL=C.UTF-8 LANGUAGE=
BIN=${top_builddir:-$top_srcdir}/eduaid
su=${EDUAID_SUPERUSER:-postgres}
work=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-t22.XXXXXX") || exit 1

cleanup() {
	db_psql_super >/dev/null 2>&1 <<-'SQL'
		DELETE FROM eduaid.schema_version WHERE version = 999;
		DO $$ BEGIN
		    IF to_regprocedure('eduaid.schema_level_hidden()') IS NOT NULL THEN
		        ALTER FUNCTION eduaid.schema_level_hidden() RENAME TO schema_level;
		    END IF;
		END $$;
	SQL
	rm -rf -- "$work"
}
trap cleanup EXIT

newest=$(cd "$top_srcdir/sql" && ls [0-9][0-9][0-9]_*.sql | tail -n 1)
newest=$((10#${newest%%_*}))
built=$(sed -n 's/^#define EDUAID_SCHEMA_LEVEL \([0-9]*\)$/\1/p' "$top_srcdir/src/db/schema.h")
tap_is "$built" "$newest" "the client is built for the level of the newest migration in sql/"
tap_is "$(db_psql_as demo_clerk -c 'SELECT eduaid.schema_level()')" "$newest" \
	"a login reads the server's level"
tap_fails "... but not schema_version itself" \
	db_psql_as demo_clerk -c 'SELECT 1 FROM eduaid.schema_version LIMIT 1'

# client RUN...: the eduaid command as demo_clerk; stderr in $work/err
client() {
	"$BIN" -U demo_clerk "$@" </dev/null >"$work/out" 2>"$work/err"
}
tap_run "at the same level the command works" client notice list

db_psql_super -c "INSERT INTO eduaid.schema_version (version, name) VALUES (999, '999_future.sql')" >/dev/null
if client notice list; then
	tap_fail "a command refuses a newer schema"
else
	tap_pass "a command refuses a newer schema"
fi
tap_run "... saying so in words" grep -q "newer than this eduaid (level $newest)" "$work/err"
tap_diag "$(cat "$work/err")"
TERM=xterm EDUAID_FORMS_DIR=$top_srcdir/forms "$BIN" -U demo_clerk </dev/null >"$work/out" 2>"$work/err"
tap_is "$?" 2 "the full-screen client refuses it before taking the terminal (exit 2)"
tap_run "... in words" grep -q "newer than this eduaid" "$work/err"
tap_diag "$(cat "$work/err")"

migrate() { # DIR: migrate.sh of DIR against the test database
	PGUSER=$su sh "$1/migrate.sh" >"$work/mout" 2>&1
}
count() {
	db_psql_super -c 'SELECT count(*) || max(version)::text FROM eduaid.schema_version WHERE version < 999'
}
before=$(count)
tap_fails "migrate.sh refuses a database newer than its files" migrate "$top_srcdir/sql"
tap_run "... in words" grep -q "newer than these migrations" "$work/mout"
db_psql_super -c 'DELETE FROM eduaid.schema_version WHERE version = 999' >/dev/null

cp -R "$top_srcdir/sql" "$work/changed"
printf '\n-- edited after it was applied\n' >>"$work/changed/$(cd "$work/changed" && ls 0[0-9][0-9]_*.sql | sed -n 3p)"
tap_fails "migrate.sh refuses a migration changed after it was applied" migrate "$work/changed"
tap_run "... naming it" grep -q "changed after it was applied" "$work/mout"

cp -R "$top_srcdir/sql" "$work/late"
printf 'SELECT 1;\n' >"$work/late/005_late.sql"
tap_fails "migrate.sh refuses a new migration numbered like one already applied" migrate "$work/late"
tap_run "... saying which" grep -q "005_late.sql: version 005 was applied as 005_rls.sql" "$work/mout"
tap_is "$(count)" "$before" "none of the refusals applied anything"
tap_run "and the files as they are still migrate (nothing to do)" migrate "$top_srcdir/sql"

# A database migrated before checksums were kept gets them on the next run.
db_psql_super -c "UPDATE eduaid.schema_version SET checksum = NULL WHERE version IN (3, 21)" >/dev/null
tap_run "migrate.sh runs on a database whose rows have no checksum yet" migrate "$top_srcdir/sql"
tap_diag "$(cat "$work/mout")"
tap_is "$(db_psql_super -c "SELECT count(*) FROM eduaid.schema_version WHERE checksum IS NULL")" 0 \
	"... and records the checksums"
tap_is "$(db_psql_super -c "SELECT checksum FROM eduaid.schema_version WHERE version = 21")" \
	"$(sha256sum "$top_srcdir/sql/021_record_facts.sql" | cut -d' ' -f1)" \
	"... of the files as they are"

db_psql_super -c 'ALTER FUNCTION eduaid.schema_level() RENAME TO schema_level_hidden' >/dev/null
if client notice list; then
	tap_fail "a command refuses a schema older than level 22 (no schema_level())"
else
	tap_pass "a command refuses a schema older than level 22 (no schema_level())"
fi
tap_run "... saying it is older" grep -q "is older than this eduaid (level $newest)" "$work/err"
tap_done
