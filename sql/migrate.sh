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
#
# Each file's SHA-256 is recorded with it, and migrate refuses (exit 1,
# nothing applied) a file changed after it was applied, a new file numbered
# below one already applied, and a database newer than its newest file.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
psql_cmd=${PSQL:-psql}

run_psql() {
    PGOPTIONS="-c lock_timeout=10s -c idle_in_transaction_session_timeout=0 ${PGOPTIONS:-} -c client_min_messages=warning" \
        "$psql_cmd" -X -q -v ON_ERROR_STOP=1 "$@"
}

run_psql -f "$here/000_bootstrap.sql"

# refuse FMT ARGS...: say why nothing more is applied, and stop.
refuse() {
    fmt=$1
    shift
    # shellcheck disable=SC2059 # FMT is ours
    printf "migrate: $fmt\n" "$@" >&2
    exit 1
}

# num NNN: the version as a number (no leading zeros: not octal).
num() {
    echo "$1" | sed 's/^0*\([0-9]\)/\1/'
}

# The newest file here, and the newest migration the database has.
newest=0
for file in "$here"/[0-9][0-9][0-9]_*.sql; do
    name=${file##*/}
    newest=$(num "${name%%_*}")
done
have=$(run_psql -At -c 'SELECT coalesce(max(version), 0) FROM eduaid.schema_version')
[ "$have" -le "$newest" ] ||
    refuse 'the database is at schema level %s, newer than these migrations (%s): run the migrate.sh of the eduaid that made it' \
        "$have" "$newest"

applied=0
for file in "$here"/[0-9][0-9][0-9]_*.sql; do
    name=${file##*/}
    version=${name%%_*}
    [ "$version" = 000 ] && continue
    sum=$(sha256sum "$file")
    sum=${sum%% *}
    # "name|checksum" of the row recording this version, or nothing
    recorded=$(run_psql -At -v v="$version" <<'SQL'
SELECT name || '|' || coalesce(checksum, '') FROM eduaid.schema_version WHERE version = :'v'::int;
SQL
)
    if [ -n "$recorded" ]; then
        [ "${recorded%%|*}" = "$name" ] ||
            refuse '%s: version %s was applied as %s' "$name" "$version" "${recorded%%|*}"
        case ${recorded#*|} in
        "$sum") ;;
        '') # applied before checksums were kept: this is what it is now
            run_psql -v v="$version" -v sum="$sum" <<'SQL'
UPDATE eduaid.schema_version SET checksum = :'sum' WHERE version = :'v'::int AND checksum IS NULL;
SQL
            ;;
        *) refuse '%s changed after it was applied (SHA-256 %s, now %s): a migration is never edited; add a new one' \
                "$name" "${recorded#*|}" "$sum" ;;
        esac
        continue
    fi
    [ "$(num "$version")" -gt "$have" ] ||
        refuse '%s is older than migrations already applied (up to %s): renumber it after them' \
            "$name" "$have"
    run_psql -v v="$version" -v name="$name" -v sum="$sum" <<SQL
BEGIN;
\\o /dev/null
LOCK TABLE eduaid.schema_version IN EXCLUSIVE MODE;
SELECT 1 / (count(*) = 0)::int FROM eduaid.schema_version WHERE version = :'v'::int;
\\ir '$file'
RESET ROLE;
INSERT INTO eduaid.schema_version (version, name, checksum) VALUES (:'v'::int, :'name', :'sum');
\\o
COMMIT;
SQL
    applied=$((applied + 1))
    have=$(num "$version")
    echo "migrate: applied $name" >&2
done
# Then every file of repeatable/ (functions, views, policies, grants: what
# can be replayed), in name order, in one transaction under the same lock:
# each runs on every migrate, so it holds the one and only definition of
# what it creates and must leave the database as it found it when nothing
# changed.
repeatable=0
if [ -d "$here/repeatable" ]; then
    {
        printf 'BEGIN;\n\\o /dev/null\nLOCK TABLE eduaid.schema_version IN EXCLUSIVE MODE;\n'
        for file in "$here"/repeatable/[0-9][0-9]_*.sql; do
            [ -e "$file" ] || continue
            printf "\\ir '%s'\nRESET ROLE;\n" "$file"
            repeatable=$((repeatable + 1))
        done
        printf '\\o\nCOMMIT;\n'
    } | run_psql ||
        refuse 'a file of repeatable/ failed (above); none of them was applied'
fi
echo "migrate: $applied migration(s) applied, $repeatable repeatable file(s) replayed" >&2
