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
#   * Rows holding control characters (ESC, BEL, CR LF, TAB, U+009B,
#     U+202E) and Unicode blanks, written into that old database (an
#     approved household with a member, a village, a school), do not stop
#     the upgrade: 041_clean_text.sql cleans them (a multi-line note keeps
#     its line, as LF), leaves the record approved at its version, and
#     its clean constraints are all validated (issue 13).
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

tap_plan 22

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

# Text no one could type any more (041_clean_text.sql), as the old server
# stored it: an approved household (triggers off to approve it at once).
if db_psql_super -d "$upgraded" >"$work/dirty.log" 2>&1 <<'SQL'; then
UPDATE eduaid.village SET name = name || E'\u202e' WHERE id = (SELECT min(id) FROM eduaid.village);
UPDATE eduaid.school SET name = E'\u001b]0;pwned\u0007' || name WHERE id = (SELECT min(id) FROM eduaid.school);
INSERT INTO eduaid.household (township_id, household_no, village_id, head_name, head_id_number,
                              registered_year, family_size, address, notes)
SELECT v.township_id, 'UP-000001', v.id, E'李\u001b[2J四\u3000', '11010519491231002X', 2020, 3,
       E'十堰\t房县\u00a0', E'一行\r\n二行\u009b'
  FROM eduaid.village v ORDER BY v.id LIMIT 1;
INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date, relation, stage)
SELECT township_id, id, E'王五\r\n', '11010520150101001' || eduaid.id_check_digit('11010520150101001'),
       'M', '2015-01-01', 'child', 'none'
  FROM eduaid.household WHERE household_no = 'UP-000001';
SET session_replication_role = replica;
UPDATE eduaid.household SET status = 'approved', reason = E'核实\u0007无误', version = 7
 WHERE household_no = 'UP-000001';
SQL
	tap_pass "the old database takes rows with control characters"
else
	tap_fail "the old database takes rows with control characters" "$(tail -n 5 "$work/dirty.log")"
fi

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

# 041: the dirty rows came through clean.
tap_is "$(db_psql_super -d "$upgraded" -c "SELECT head_name || '|' || address || '|' || reason || '|'
	       || status || '|' || version FROM eduaid.household WHERE household_no = 'UP-000001'")" \
	'李[2J四|十堰 房县|核实无误|approved|7' \
	"041: a head's name lost its ESC and U+3000, TAB became a space, BEL went; still approved, version 7"
tap_is "$(db_psql_super -d "$upgraded" -c "SELECT notes = E'一行\\n二行' FROM eduaid.household
	       WHERE household_no = 'UP-000001'")" t \
	"041: a note's CR LF became LF, U+009B went"
tap_is "$(db_psql_super -d "$upgraded" -c "SELECT name FROM eduaid.student WHERE id_number LIKE '11010520150101001_'")" \
	'王五' "041: a member's trailing CR LF was trimmed"
tap_is "$(db_psql_super -d "$upgraded" -c "SELECT eduaid.is_clean(v.name) AND eduaid.is_clean(s.name)
	       FROM (SELECT name FROM eduaid.village ORDER BY id LIMIT 1) v,
	            (SELECT name FROM eduaid.school ORDER BY id LIMIT 1) s")" t \
	"041: the village's U+202E and the school's OSC sequence went"
tap_is "$(db_psql_super -d "$upgraded" -c "SELECT count(*) FILTER (WHERE convalidated) || '/' || count(*)
	       FROM pg_constraint WHERE connamespace = 'eduaid'::regnamespace AND conname LIKE '%\\_clean'
	        AND conname NOT LIKE 'pair\\_%' AND conname NOT LIKE 'care\\_%'
	        AND conname NOT LIKE 'preschool\\_%' AND conname NOT LIKE 'admission\\_%'
	        AND conname !~ '^teacher_(training|exchange)_'")" \
	'51/51' "041: every clean constraint is there and validated (046's, of the pairing tables, and issue 17's: 058's, of the preschool tables, 059's, of the care ledger, 061's, of the admissions, and 062's, of the teachers', apart)"
tap_is "$(db_psql_super -d "$upgraded" -c "SELECT count(*) FROM eduaid.message WHERE key LIKE '%\\_clean'
	       AND key NOT LIKE 'pair\\_%' AND key NOT LIKE 'care\\_%' AND key NOT LIKE 'preschool\\_%'
	       AND key NOT LIKE 'admission\\_%' AND key !~ '^teacher_(training|exchange)_'")" \
	51 "041: each has its words"

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
