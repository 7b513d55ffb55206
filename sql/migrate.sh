#!/bin/sh
# sql/migrate.sh: apply eduaid's migrations to the database that the libpq
# environment (PGHOST, PGPORT, PGDATABASE, PGUSER) names, as a superuser.
#
# Two kinds of files (README, "Using an existing PostgreSQL server"):
#   NNN_name.sql          migrations: what cannot be replayed -- roles,
#                         tables, columns, constraints, indexes, types, data
#                         moves, one-off DROPs. Each runs once, in order.
#   repeatable/NN_name.sql  functions, views, triggers, row-level security
#                         and its policies, privileges: each holds the one
#                         definition of what it creates and is replayed on
#                         every run, in name order; replaying them on a
#                         database that has them changes nothing.
#
# A run, in this order:
#   1. 000_bootstrap.sql (idempotent: the owner role, schema eduaid and the
#      eduaid.schema_version ledger).
#   2. The checks below; on any refusal nothing is applied.
#   3. When migrations are pending: repeatable/00_*..09_*, the part that
#      runs BEFORE them (pure functions the tables' CHECK constraints,
#      generated columns and index expressions call), in one transaction,
#      with check_function_bodies off as pg_dump restores. Those files
#      reference no table and grant nothing to a role a migration creates
#      (on an empty database only eduaid_owner exists yet).
#   4. Each pending NNN_*.sql in its own transaction together with the row
#      that records it (its SHA-256 with it).
#   5. Every file of repeatable/ (00 to 99, the first ones again), in one
#      transaction, with the checksums recorded for rows that had none or
#      an old one (below), and the database's own rules that pg_dump does
#      not carry (REVOKE TEMPORARY, the timeouts: database_rules below).
# So a migration runs, on a fresh install, before any function (but those
# of 00..09), view, trigger or policy exists, and on an upgrade with all of
# them in place: a data move relies on neither (it writes whole rows, or
# turns the triggers off around itself as 021 does). A migration grants
# and revokes only on the database and the schemas themselves (001: what
# PUBLIC may not; USAGE of schema eduaid for a role it creates; CREATE for
# an owner while it makes its tables).
#
# The order of repeatable/ (a function with an SQL body -- BEGIN ATOMIC or
# RETURN -- and a view are parsed when made, so they come after what they
# name; PL/pgSQL bodies are not):
#   00..09  before pending migrations: what the tables call (00_rules;
#           01_shared_rules: school year, phone, money, blank text)
#   10..19  who is logged in: scope, names, the schema's level (10_scope)
#   20..29  records: workflow and guards (20), deleting (21), the steps
#           read from the workflow tables (22), the audit trail (25),
#           the county registry (26), accounts (27)
#   30..36  one file per domain: review (30), roster (31), ledgers (32),
#           notice (33), reports (34), export (35), the review queue
#           generated from the workflow tables (36)
#   37..39  where the functions run and who may do what: every trigger
#           (37), row-level security and every policy (38), every
#           privilege on tables and views, and the checks on them (39);
#           a function's EXECUTE privilege is granted with the function
#   40..89  the same kinds, for later parts (50 the error table, 51 the
#           server's answers about fields)
#   90..99  rules over every column, whichever migration added it (90
#           statistics): last
# Each file starts as the superuser who migrates (RESET ROLE after each)
# and sets the role that is to own what it creates. Replaying makes a
# policy again only when its text changed (38_policies.sql), so a run
# with nothing to change takes no ACCESS EXCLUSIVE lock on a table and an
# idle reader cannot hold it up (tests/db/20_locks.t); one that changes a
# policy waits 10 s at most for a session that holds its table.
#
# Every transaction holds LOCK TABLE eduaid.schema_version IN EXCLUSIVE
# MODE so that two concurrent runs cannot interleave. No login holds any
# privilege on schema_version (repeatable/39_privileges.sql checks it), so
# no login can take or hold that lock (a public advisory lock any login
# could). A statement waits at most 10 s for any lock (PGOPTIONS may say
# otherwise): a session that holds a table (even idly reading it) makes
# the run fail, with nothing of that transaction applied, instead of
# queueing every user behind its ACCESS EXCLUSIVE request; run it again
# when the holder is gone. The idle-in-transaction default of 020 does not
# apply to it. Running it again changes nothing.
#
# Each migration's SHA-256 is recorded with it, and migrate refuses (exit
# 1, nothing applied) a file changed after it was applied, a new file
# numbered below one already applied, and a database newer than its newest
# file. One exception: the re-layout of eduaid 0.1 rewrote 001..022 (their
# functions, views, policies and grants moved to repeatable/) without
# changing what they leave behind. relayout.sha256 lists the checksums of
# the files before it; a row recorded with that checksum for its version
# is accepted, and gets the checksum of the file as it is now once
# repeatable/ has been replayed (said on stderr). The old files' levels
# below 21 did not leave what the new files expect (022 only added a
# function): a database they made, with old checksums or none, is migrated
# only from level 21 on; bring it there with the migrate.sh of its time.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
psql_cmd=${PSQL:-psql}

run_psql() {
    PGOPTIONS="-c lock_timeout=10s -c idle_in_transaction_session_timeout=0 -c statement_timeout=0 ${PGOPTIONS:-} -c client_min_messages=warning" \
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

# relaid_sum NNN: the checksum of migration NNN before the re-layout, or
# nothing.
relaid_sum() {
    [ -f "$here/relayout.sha256" ] || return 0
    sed -n "s/^$1 \([0-9a-f]\{64\}\)\$/\1/p" "$here/relayout.sha256"
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

# The checks, for every file before anything is applied: pending lists the
# files to apply, record the checksums to record at the end (SQL), relaid
# the versions applied by the files before the re-layout.
pending=''
record=''
relaid=''
old_files=0
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
    if [ -z "$recorded" ]; then
        [ "$(num "$version")" -gt "$have" ] ||
            refuse '%s is older than migrations already applied (up to %s): renumber it after them' \
                "$name" "$have"
        pending="$pending $version"
        continue
    fi
    [ "${recorded%%|*}" = "$name" ] ||
        refuse '%s: version %s was applied as %s' "$name" "$version" "${recorded%%|*}"
    case ${recorded#*|} in
    "$sum") ;;
    '') # applied before checksums were kept (the files before the
        # re-layout): this is what it is now
        old_files=1
        record="${record}UPDATE eduaid.schema_version SET checksum = '$sum' WHERE version = $(num "$version") AND checksum IS NULL;
"
        ;;
    "$(relaid_sum "$version")")
        old_files=1
        relaid="$relaid $version"
        record="${record}UPDATE eduaid.schema_version SET checksum = '$sum' WHERE version = $(num "$version") AND checksum = '${recorded#*|}';
"
        ;;
    *) refuse '%s changed after it was applied (SHA-256 %s, now %s): a migration is never edited; add a new one' \
            "$name" "${recorded#*|}" "$sum" ;;
    esac
done
[ "$old_files" = 0 ] || [ "$have" -ge 21 ] ||
    refuse 'the database was made by the migrations before the re-layout of eduaid 0.1 and is at level %s: bring it to level 21 or 22 with the migrate.sh of its eduaid first' \
        "$have"

# repeatable_files FIRST LAST: the files repeatable/FIRST*.sql ..
# LAST*.sql (one digit each), one a line, in byte order whatever the
# locale: a shell that collates by it (bash in zh_CN or en_US ignores the
# punctuation) would put 36_pairing_board.sql before 36_pairing.sql.
repeatable_files() {
    (
        LC_ALL=C
        export LC_ALL
        for file in "$here"/repeatable/["$1"-"$2"][0-9]_*.sql; do
            [ -e "$file" ] && printf '%s\n' "$file"
        done
    )
}

# replay FIRST LAST [SQL]: the files repeatable_files names, with SQL after
# them, in one transaction under the migration lock; sets replayed to how
# many.
replay() {
    replayed=$(repeatable_files "$1" "$2" | wc -l)
    replayed=$((replayed + 0))
    {
        printf 'BEGIN;\n\\o /dev/null\nLOCK TABLE eduaid.schema_version IN EXCLUSIVE MODE;\n'
        [ "$1" = 0 ] && [ "$2" = 0 ] && printf 'SET LOCAL check_function_bodies = off;\n'
        repeatable_files "$1" "$2" | while IFS= read -r file; do
            printf '%sir '"'%s'"'\nRESET ROLE;\n' "\\" "$file"
        done
        printf '%s\\o\nCOMMIT;\n' "${3:-}"
    } | run_psql ||
        refuse 'a file of repeatable/ failed (above); none of them was applied'
}

# Before the pending migrations: what their tables call.
if [ -n "$pending" ]; then
    replay 0 0
fi

applied=0
for version in $pending; do
    for file in "$here/$version"_*.sql; do :; done
    name=${file##*/}
    version=${name%%_*}
    sum=$(sha256sum "$file")
    sum=${sum%% *}
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
    echo "migrate: applied $name" >&2
done

# What pg_dump does not carry (issue 14): the database's own privileges
# and settings live in pg_database and pg_db_role_setting, not in the
# schema, so a pg_restore -d into a pre-created database leaves PUBLIC its
# default TEMPORARY privilege and no server-side timeouts; 001 and 020 ran
# once, long ago. Every run asserts them again: TEMPORARY revoked from
# PUBLIC (001); CONNECT revoked from PUBLIC and granted to the six groups
# of eduaid logins only, so another application's login on a shared
# server cannot even open a session here; the idle-in-transaction and lock timeouts of 020 and a
# statement timeout (10min) where the database sets none -- a value the
# DBA set is kept. `eduaid-admin check` reports their absence.
database_rules="DO \$\$
DECLARE
    want text[][] := ARRAY[['idle_in_transaction_session_timeout', '5min'],
                           ['lock_timeout', '30s'], ['statement_timeout', '10min']];
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO eduaid_clerk, eduaid_officer, '
                   'eduaid_supervisor, eduaid_admin, eduaid_auditor, eduaid_inspector', current_database());
    FOR i IN 1 .. array_length(want, 1) LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_db_role_setting s, unnest(s.setconfig) AS c
                        WHERE s.setrole = 0 AND c LIKE want[i][1] || '=%'
                          AND s.setdatabase = (SELECT d.oid FROM pg_catalog.pg_database d
                                                WHERE d.datname = current_database())) THEN
            EXECUTE format('ALTER DATABASE %I SET %s = %L', current_database(), want[i][1], want[i][2]);
        END IF;
    END LOOP;
END
\$\$;
"

# Then every file of repeatable/, the checksums and the database's rules.
replay 0 9 "$record$database_rules"
if [ -n "$relaid" ]; then
    echo "migrate: migrations$relaid were applied by the files before the re-layout of eduaid 0.1 (sql/relayout.sha256): recorded the checksums of the files as they are now" >&2
fi
echo "migrate: $applied migration(s) applied, $replayed repeatable file(s) replayed" >&2
