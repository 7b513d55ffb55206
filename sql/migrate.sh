#!/bin/sh
# sql/migrate.sh: apply eduaid's migrations to the database that the libpq
# environment (PGHOST, PGPORT, PGDATABASE, PGUSER) names, as a superuser.
#
# 000_bootstrap.sql is idempotent and always runs; every other NNN_*.sql
# runs once, in order, in its own transaction together with the row that
# records it in eduaid.schema_version, holding LOCK TABLE eduaid.schema_version
# IN EXCLUSIVE MODE so that two concurrent runs cannot interleave. No login
# holds any privilege on schema_version (020_locks.sql checks it), so no
# login can take or hold that lock (a public advisory lock any login could).
# A migration waits at most 10 s for any lock (PGOPTIONS may say otherwise):
# a session that holds a table (even idly reading it) makes the migration
# fail, with nothing applied, instead of queueing every user behind the
# migration's ACCESS EXCLUSIVE request; run it again when the holder is
# gone. The idle-in-transaction default of 020 does not apply to it.
# Running it again changes nothing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
psql_cmd=${PSQL:-psql}

run_psql() {
    PGOPTIONS="-c lock_timeout=10s -c idle_in_transaction_session_timeout=0 ${PGOPTIONS:-} -c client_min_messages=warning" \
        "$psql_cmd" -X -q -v ON_ERROR_STOP=1 "$@"
}

run_psql -f "$here/000_bootstrap.sql"

applied=0
for file in "$here"/[0-9][0-9][0-9]_*.sql; do
    name=${file##*/}
    version=${name%%_*}
    [ "$version" = 000 ] && continue
    done_already=$(run_psql -At -v v="$version" <<'SQL'
SELECT count(*) FROM eduaid.schema_version WHERE version = :'v'::int;
SQL
)
    [ "$done_already" = 0 ] || continue
    run_psql -v v="$version" -v name="$name" <<SQL
BEGIN;
\\o /dev/null
LOCK TABLE eduaid.schema_version IN EXCLUSIVE MODE;
SELECT 1 / (count(*) = 0)::int FROM eduaid.schema_version WHERE version = :'v'::int;
\\ir '$file'
RESET ROLE;
INSERT INTO eduaid.schema_version (version, name) VALUES (:'v'::int, :'name');
\\o
COMMIT;
SQL
    applied=$((applied + 1))
    echo "migrate: applied $name" >&2
done
# Rules that hold for every column, whichever migration added it
# (016_index_scope.sql): no planner statistics on personal columns.
if [ "$applied" -gt 0 ]; then
    run_psql -c 'SELECT eduaid.private_statistics_off()' >/dev/null
fi
echo "migrate: $applied migration(s) applied" >&2
