#!/usr/bin/env bash
# tests/db/25_upgrade.t: the SQL layout (sql/migrate.sh's header) and the
# upgrade from the schema before it.
#   * No migration 001+ creates a function, procedure, view, policy, rule
#     or trigger: those live in sql/repeatable/, where each function name
#     is defined once in all of sql/ (a file of another branch redefining
#     one shows here), always with CREATE OR REPLACE.
#   * tests/data/upgrade/pre-0.1.sql, the schema of main before the
#     re-layout (level 22, with its schema_version rows and checksums),
#     migrated by sql/migrate.sh, ends identical to a fresh install:
#     pg_dump --schema-only of both, lines sorted, equal; schema_version the
#     same. So a function, view, trigger, policy or grant of the old schema
#     that repeatable/ lost -- or one it defines differently -- fails here.
#   * migrate.sh refuses a database of the old files below level 21.
# Emits TAP; run by tests/db/run-db-tests.sh (in databases of its own,
# dropped on exit). Costs about 20 s (a restore, two migrations, two
# dumps; 40 s on a busy machine).
set -u
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$top_srcdir/tests/db/lib.sh" || exit 1
su=${EDUAID_SUPERUSER:-postgres}
sql=$top_srcdir/sql
fixture=$top_srcdir/tests/data/upgrade/pre-0.1.sql
work=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-t25.XXXXXX") || exit 1
upgraded=eduaid_t25_upgraded
fresh=eduaid_t25_fresh
below=eduaid_t25_below

cleanup() {
	for db in "$upgraded" "$fresh" "$below"; do
		db_psql_super -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
	done
	rm -rf -- "$work"
}
trap cleanup EXIT

tap_plan 15

# ---- the layout ----------------------------------------------------------------
# code FILE...: the files without their -- comments, as "file:line:text"
code() {
	awk '{ sub(/--.*/, ""); if ($0 ~ /[^ \t]/) print FILENAME ":" FNR ":" $0 }' "$@"
}
migrations=()
for f in "$sql"/[0-9][0-9][0-9]_*.sql; do
	[[ ${f##*/} == 000_* ]] || migrations+=("${f##*/}")
done
found=$(cd "$sql" && code "${migrations[@]}" |
	grep -iE 'CREATE[[:space:]]+(OR[[:space:]]+REPLACE[[:space:]]+)?(CONSTRAINT[[:space:]]+)?(FUNCTION|PROCEDURE|VIEW|POLICY|RULE|TRIGGER)')
if [[ -z $found ]]; then
	tap_pass "no migration 001+ creates a function, procedure, view, policy, rule or trigger"
else
	tap_fail "no migration 001+ creates a function, procedure, view, policy, rule or trigger" \
		"they belong in sql/repeatable/:" "$found"
fi

# definitions: "name file:line" of every CREATE FUNCTION eduaid.name in sql/
definitions=$(cd "$sql" && code ./*.sql repeatable/*.sql |
	grep -ioE '^[^:]*:[0-9]+:.*CREATE[[:space:]]+(OR[[:space:]]+REPLACE[[:space:]]+)?FUNCTION[[:space:]]+eduaid\.[a-z0-9_]+' |
	sed -E 's/^([^:]*:[0-9]+):.*FUNCTION[[:space:]]+eduaid\.([a-z0-9_]+)$/\2 \1/I')
tap_run "sql/ defines functions (found $(wc -l <<<"$definitions"))" test "$(wc -l <<<"$definitions")" -gt 100
twice=$(awk '{ n[$1]++; at[$1] = at[$1] " " $2 } END { for (f in n) if (n[f] > 1) print f ":" at[f] }' \
	<<<"$definitions" | sort)
if [[ -z $twice ]]; then
	tap_pass "each SQL function is defined once in sql/"
else
	tap_fail "each SQL function is defined once in sql/" "defined more than once:" "$twice"
fi
plain=$(cd "$sql" && code repeatable/*.sql | grep -iE 'CREATE[[:space:]]+FUNCTION')
if [[ -z $plain ]]; then
	tap_pass "sql/repeatable/ creates functions with CREATE OR REPLACE (replayed on every run)"
else
	tap_fail "sql/repeatable/ creates functions with CREATE OR REPLACE (replayed on every run)" "$plain"
fi

# ---- the upgrade ---------------------------------------------------------------
# migrate DB LOG: sql/migrate.sh on database DB
migrate() {
	PGUSER=$su PGDATABASE=$1 sh "$sql/migrate.sh" >"$2" 2>&1
}
# dump DB: its schema, normalized: lines sorted, blank lines, pg_dump's comments and
# \restrict lines (a random key) left out
dump() {
	pg_dump --schema-only -U "$su" -d "$1" | grep -vE '^\\(un)?restrict |^--|^$' | LC_ALL=C sort
}
# versions DB: the rows of eduaid.schema_version, as "version name checksum"
versions() {
	db_psql_super -d "$1" -F ' ' -c 'SELECT version, name, checksum FROM eduaid.schema_version ORDER BY version'
}

for db in "$upgraded" "$fresh" "$below"; do
	db_psql_super -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
done
# (its one function owned by a superuser goes to this cluster's)
if sed "s/OWNER TO postgres;\$/OWNER TO \"$su\";/" "$fixture" |
	db_psql_super -d "$upgraded" -o /dev/null >"$work/restore.log" 2>&1; then
	tap_pass "the schema before the re-layout (tests/data/upgrade/pre-0.1.sql) restores"
else
	tap_fail "the schema before the re-layout (tests/data/upgrade/pre-0.1.sql) restores" \
		"$(tail -n 5 "$work/restore.log")"
fi
tap_is "$(db_psql_super -d "$upgraded" -c 'SELECT max(version) FROM eduaid.schema_version')" 22 \
	"... at level 22"
# a copy of it for the refusal below
db_psql_super -d postgres -c "DROP DATABASE $below" -c "CREATE DATABASE $below TEMPLATE $upgraded" >/dev/null

if migrate "$upgraded" "$work/upgrade.log"; then
	tap_pass "sql/migrate.sh migrates it"
else
	tap_fail "sql/migrate.sh migrates it" "$(tail -n 20 "$work/upgrade.log")"
fi
tap_run "... saying that it records the checksums of the re-laid-out files" \
	grep -q 'before the re-layout of eduaid 0.1 (sql/relayout.sha256): recorded the checksums' \
	"$work/upgrade.log"
tap_diag "$(grep -v '^migrate: applied' "$work/upgrade.log")"
if migrate "$fresh" "$work/fresh.log"; then
	tap_pass "sql/migrate.sh installs an empty database"
else
	tap_fail "sql/migrate.sh installs an empty database" "$(tail -n 20 "$work/fresh.log")"
fi

dump "$upgraded" >"$work/upgraded.sql"
dump "$fresh" >"$work/fresh.sql"
if [[ ! -s $work/fresh.sql ]]; then
	tap_fail "the upgraded schema is the fresh one (pg_dump --schema-only, lines sorted)" "empty dump"
elif diff "$work/upgraded.sql" "$work/fresh.sql" >"$work/schema.diff"; then
	tap_pass "the upgraded schema is the fresh one (pg_dump --schema-only, lines sorted: $(wc -l <"$work/fresh.sql"))"
else
	tap_fail "the upgraded schema is the fresh one (pg_dump --schema-only, lines sorted)" \
		"< upgraded, > fresh:" "$(grep '^[<>]' "$work/schema.diff" | head -n 40)"
fi
tap_is "$(versions "$upgraded")" "$(versions "$fresh")" \
	"schema_version has the same versions, names and checksums"
tap_is "$(db_psql_super -d "$upgraded" -c 'SELECT count(*) FROM eduaid.village')" 305 \
	"the reference data came through"

# An old-layout database below level 21 is refused, nothing applied.
db_psql_super -d "$below" -c 'DELETE FROM eduaid.schema_version WHERE version >= 21' >/dev/null
before=$(versions "$below")
if migrate "$below" "$work/below.log"; then
	tap_fail "sql/migrate.sh refuses a database of the old files at level 20"
else
	tap_pass "sql/migrate.sh refuses a database of the old files at level 20"
fi
tap_run "... saying why" grep -q 'made by the migrations before the re-layout of eduaid 0.1 and is at level 20' \
	"$work/below.log"
tap_is "$(versions "$below")" "$before" "... and applies nothing"
tap_done
