#!/usr/bin/env bash
# tests/db/run-db-tests.sh: the database test suite, on a throwaway cluster.
#
# Usage: tests/db/run-db-tests.sh [TEST-FILE...]
#   (no arguments: every tests/db/*.sql and tests/db/*.t, except helpers
#   whose names begin with "_" or "lib")
#
# Steps: start a private cluster in a mktemp -d directory (never the demo's;
# a trap stops it and deletes the directory on exit, error or signal);
# create database eduaid_test; run sql/migrate.sh twice and check that the
# second run changed nothing (schema dump, roles and schema_version count);
# load sql/data/load-demo.sh; CREATE EXTENSION pgtap; run pg_prove on the
# *.sql files (as the superuser) and prove on the *.t files (which connect
# as real login roles: PGHOST, PGPORT, PGDATABASE, EDUAID_SUPERUSER and
# top_srcdir are exported for them, PGUSER is not).
#
# Output is one TAP stream: every pgTAP/prove assertion is renumbered and
# prefixed with its file name, everything else the harnesses print becomes
# a "# " comment. A file that dies, misses its plan or cannot be run counts
# as one more failure. The last line is `db: N passed, N failed`
# (tools/test sums it); the exit status is 1 when anything failed. Missing
# pg_prove or pgtap, or no test files at all, is a failure, never a pass.
#
# Environment: top_srcdir (absolute; `make check` exports it, else found
# from this script's path), TMPDIR, EDUAID_DBTEST_TIMEOUT (seconds per test
# file, default 300).
set -uo pipefail # no -e: every step reports its own result

DB_NAME=eduaid_test
FILE_TIMEOUT=${EDUAID_DBTEST_TIMEOUT:-300}

if [[ -z ${top_srcdir:-} ]]; then
	top_srcdir=$(dirname "${BASH_SOURCE[0]}")/../..
fi
if ! top_srcdir=$(cd "$top_srcdir" && pwd); then
	printf 'not ok 1 - top_srcdir is a directory\n1..1\ndb: 0 passed, 1 failed\n'
	exit 1
fi
export top_srcdir
# shellcheck source-path=SCRIPTDIR source=lib.sh
if ! . "$top_srcdir/tests/db/lib.sh"; then
	printf 'not ok 1 - tests/db/lib.sh loads (PostgreSQL 15 installed?)\n1..1\ndb: 0 passed, 1 failed\n'
	exit 1
fi

summary() {
	printf '1..%d\n' "$TAP_N"
	printf 'db: %d passed, %d failed\n' "$TAP_PASSED" "$TAP_FAILED"
}

# bail DESC [DIAG...]: one failure, the summary, exit 1.
bail() {
	tap_fail "$1"
	shift
	if (($#)); then
		tap_diag "$@"
	fi
	summary
	exit 1
}

# diag_file FILE [LINES [head|tail]]: the last (or first) LINES (default 40)
# lines of FILE as comments.
diag_file() {
	"${3:-tail}" -n "${2:-40}" -- "$1" 2>/dev/null | sed 's/^/#   /'
}

now_ms() {
	date +%s%3N
}

# ---- what to run -----------------------------------------------------------
testdir=$top_srcdir/tests/db
sql_tests=()
t_tests=()
if (($#)); then
	for f in "$@"; do
		# absolute: the harnesses run in other directories
		if [[ -f $f ]]; then
			f=$(cd "$(dirname "$f")" && pwd)/${f##*/}
		fi
		case $f in
		*.sql) sql_tests+=("$f") ;;
		*) t_tests+=("$f") ;;
		esac
	done
else
	shopt -s nullglob
	for f in "$testdir"/*.sql "$testdir"/*.t; do
		b=${f##*/}
		if [[ $b == _* || $b == lib* ]]; then
			continue
		fi
		case $b in
		*.sql) sql_tests+=("$f") ;;
		*) t_tests+=("$f") ;;
		esac
	done
	shopt -u nullglob
fi

# ---- preflight: fail loudly rather than pass by running nothing ------------
if ((${#sql_tests[@]} + ${#t_tests[@]} == 0)); then
	bail "test files exist" "no tests/db/*.sql or tests/db/*.t in $testdir"
fi
if ! command -v pg_prove >/dev/null 2>&1; then
	bail "pg_prove is installed" "install libtap-parser-sourcehandler-pgtap-perl (tools/deps)"
fi
pgtap_control=$("$DB_PGBIN/pg_config" --sharedir 2>/dev/null)/extension/pgtap.control
if [[ ! -f $pgtap_control ]]; then
	bail "pgTAP is installed" "no $pgtap_control: install postgresql-15-pgtap (tools/deps)"
fi
if ((${#t_tests[@]})) && ! command -v prove >/dev/null 2>&1; then
	bail "prove is installed" "prove (perl) is needed for tests/db/*.t"
fi
migrate=$top_srcdir/sql/migrate.sh
load_demo=$top_srcdir/sql/data/load-demo.sh
if [[ ! -f $migrate ]]; then
	bail "sql/migrate.sh exists" "not found: $migrate"
fi

# ---- the throwaway cluster -------------------------------------------------
# libpq settings of the caller must not leak into the tests.
unset PGHOSTADDR PGSERVICE PGSERVICEFILE PGOPTIONS PGUSER PGPASSWORD \
	PGPASSFILE PGSSLMODE PGREQUIRESSL PGTARGETSESSIONATTRS PGTZ PGDATESTYLE \
	PGCONNECT_TIMEOUT PGAPPNAME
export PGCLIENTENCODING=UTF8

workdir=''
cleanup() {
	if [[ -n $workdir && -d $workdir ]]; then
		cluster_destroy "$workdir/pg" >/dev/null 2>&1 || true
		rm -rf -- "$workdir"
	fi
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

workdir=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-dbtest.XXXXXX") ||
	bail "create a temporary directory" "mktemp -d in ${TMPDIR:-/tmp} failed"
if [[ $(id -u) -eq 0 ]]; then
	chown postgres: -- "$workdir" || bail "chown the temporary directory to postgres"
fi
pg=$workdir/pg
out=$workdir/out
mkdir -p -- "$out"

if ! msg=$(cluster_init "$pg" --fast 2>&1); then
	bail "initialise a throwaway cluster" "$msg"
fi
if ! msg=$(cluster_start "$pg" 2>&1); then
	bail "start the throwaway cluster" "$msg"
fi
su=$(cluster_superuser)
if ! msg=$(cluster_psql "$pg" -q -c "CREATE DATABASE $DB_NAME" 2>&1); then
	bail "create database $DB_NAME" "$msg"
fi
PGHOST=$(cluster_sockdir "$pg")
export PGHOST PGPORT=$CLUSTER_PORT PGDATABASE=$DB_NAME EDUAID_SUPERUSER=$su
tap_diag "cluster $pg, socket $PGHOST, superuser $su," \
	"$(psql -X -A -t -U "$su" -c 'select version()' 2>&1)"

# ---- migrations, twice -----------------------------------------------------
# run_script SCRIPT LOG: run a set-up script as the superuser.
run_script() {
	if [[ -x $1 ]]; then
		PGUSER=$su "$1" >"$2" 2>&1 </dev/null
	else
		PGUSER=$su bash "$1" >"$2" 2>&1 </dev/null
	fi
}

# snapshot FILE: everything a migration could change that a second run must
# leave alone: the whole schema, the roles and their memberships, database
# privileges and the count of applied migrations.
snapshot() {
	{
		# (\restrict lines carry a random key per dump: drop them)
		pg_dump --schema-only -U "$su" -d "$DB_NAME" >"$1.dump" &&
			grep -vE '^\\(un)?restrict ' "$1.dump" &&
			psql -X -A -t -v ON_ERROR_STOP=1 -U "$su" -c "
				select 'role', rolname, rolsuper, rolinherit, rolcreaterole,
				       rolcreatedb, rolcanlogin, rolreplication, rolbypassrls,
				       rolconnlimit, rolconfig
				  from pg_roles order by rolname;
				select 'member', r.rolname, m.rolname, a.admin_option
				  from pg_auth_members a
				  join pg_roles r on r.oid = a.roleid
				  join pg_roles m on m.oid = a.member
				 order by 2, 3;
				select 'database acl', datacl from pg_database
				 where datname = current_database();
				select 'schema_version rows', count(*) from eduaid.schema_version;"
	} >"$1" 2>&1
}

if run_script "$migrate" "$out/migrate1.log"; then
	tap_pass "sql/migrate.sh migrates an empty database"
else
	tap_fail "sql/migrate.sh migrates an empty database"
	diag_file "$out/migrate1.log"
fi
if snapshot "$out/schema1"; then
	if run_script "$migrate" "$out/migrate2.log"; then
		tap_pass "sql/migrate.sh runs a second time"
		if ! snapshot "$out/schema2"; then
			tap_fail "second sql/migrate.sh run changes nothing"
			diag_file "$out/schema2"
		elif diff -u "$out/schema1" "$out/schema2" >"$out/schema.diff"; then
			tap_pass "second sql/migrate.sh run changes nothing"
		else
			tap_fail "second sql/migrate.sh run changes nothing"
			diag_file "$out/schema.diff" 80 head
		fi
	else
		tap_fail "sql/migrate.sh runs a second time"
		diag_file "$out/migrate2.log"
	fi
else
	tap_fail "schema and eduaid.schema_version readable after sql/migrate.sh"
	diag_file "$out/schema1"
fi

# ---- demo data, pgTAP ------------------------------------------------------
if [[ ! -f $load_demo ]]; then
	tap_fail "sql/data/load-demo.sh loads the demo data"
	tap_diag "not found: $load_demo"
elif run_script "$load_demo" "$out/load-demo.log"; then
	tap_pass "sql/data/load-demo.sh loads the demo data"
else
	tap_fail "sql/data/load-demo.sh loads the demo data"
	diag_file "$out/load-demo.log"
fi

pgtap_ok=1
if ! msg=$(psql -X -q -v ON_ERROR_STOP=1 -U "$su" \
	-c 'CREATE EXTENSION IF NOT EXISTS pgtap SCHEMA public' 2>&1); then
	pgtap_ok=0
	tap_fail "CREATE EXTENSION pgtap"
	tap_diag "$msg"
fi

# ---- the test files --------------------------------------------------------
# harness FILE DIR CMD...: run one test file under a TAP harness (verbose) in
# directory DIR, turn its output into renumbered results and comments, and
# count them; a file that dies, misses its plan or times out is one failure.
harness() {
	local file=$1 name=${1##*/} dir=$2 rc t0 p f n
	shift 2
	if [[ ! -f $file ]]; then
		tap_fail "$name: test file exists ($file)"
		return
	fi
	t0=$(now_ms)
	(cd "$dir" && exec timeout -k 10 "$FILE_TIMEOUT" "$@") >"$out/harness.out" 2>&1 </dev/null
	rc=$?
	awk -v n="$TAP_N" -v name="$name" -v counts="$out/counts" '
		/^(not )?ok [0-9]+/ {
			notok = ($0 ~ /^not ok/)
			rest = $0
			sub(/^(not )?ok [0-9]+[ \t]*/, "", rest)
			sub(/^-[ \t]*/, "", rest)
			todo = (tolower(rest) ~ /(^|[^\\])#[ \t]*todo/)
			n++
			line = (notok ? "not ok " : "ok ") n " - " name
			if (rest != "")
				line = line (rest ~ /^#/ ? " " : ": ") rest
			print line
			if (notok && !todo) f++; else p++
			next
		}
		/^#/ { print; next }
		/^[ \t]*$/ { next }
		{ print "# " $0 }
		END { print p + 0, f + 0, n > counts }
	' "$out/harness.out"
	read -r p f n <"$out/counts"
	TAP_N=$n
	TAP_PASSED=$((TAP_PASSED + p))
	TAP_FAILED=$((TAP_FAILED + f))
	if ((rc == 124 || rc == 137)); then
		tap_fail "$name: finished within ${FILE_TIMEOUT}s"
	elif ((rc != 0 && f == 0)) ||
		grep -qE '^(Dubious|No subtests run)|Parse errors:' "$out/harness.out"; then
		tap_fail "$name: ran to completion with a good plan (see above)"
	fi
	tap_diag "$name: $((p + f)) assertions, exit $rc, $(($(now_ms) - t0)) ms"
}

if ((${#sql_tests[@]})); then
	if ((pgtap_ok)); then
		for f in "${sql_tests[@]}"; do
			# From tests/db, so that a plain \i of a helper works as well as \ir.
			harness "$f" "$testdir" pg_prove --verbose --merge --nocolor \
				--psql-bin "$DB_PGBIN/psql" -h "$PGHOST" -p "$PGPORT" \
				-d "$DB_NAME" -U "$su" "$f"
		done
	else
		tap_fail "pgTAP files not run: no pgtap extension (${#sql_tests[@]} files)"
	fi
fi

if ((${#t_tests[@]})); then
	mkdir -p -- "$out/t"
	for f in "${t_tests[@]}"; do
		# A scratch cwd: the source tree may be read-only (make distcheck).
		harness "$f" "$out/t" prove --verbose --merge --nocolor "$f"
	done
fi

summary
((TAP_FAILED == 0))
