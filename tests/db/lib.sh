# shellcheck shell=bash
# tests/db/lib.sh: shared bits of the database tests, sourced (bash) by
# tests/db/run-db-tests.sh and, if they like, by the TAP shell tests
# tests/db/*.t:
#
#   . "$top_srcdir/tests/db/lib.sh"
#
# It sources tools/lib/cluster.sh (the cluster functions), sets DB_PGBIN to
# the PostgreSQL 15 bin dir and puts it first on PATH, so `psql`, `pg_dump`
# and pg_prove's psql are the real binaries, not Debian's Perl wrappers.
#
# For *.t tests, run-db-tests.sh exports PGHOST, PGPORT, PGDATABASE (the test
# database), EDUAID_SUPERUSER and top_srcdir, and unsets PGUSER: say who you
# are with -U (db_psql_as does). Helpers:
#   db_psql_as ROLE [PSQL ARGS...]   psql -X -q -A -t, ON_ERROR_STOP, as ROLE
#   db_psql_super [PSQL ARGS...]     the same as the cluster superuser
#   tap_plan N                       print the plan first (or call tap_done)
#   tap_is GOT WANT DESC             ok when the strings are equal
#   tap_run DESC CMD [ARGS...]       ok when CMD exits 0
#   tap_fails DESC CMD [ARGS...]     ok when CMD exits non-zero
#   tap_pass DESC                    a passing result of your own making
#   tap_fail DESC [DIAG...]          a failing one, with diagnostic lines
#   tap_diag MESSAGE...              a "# " diagnostic line (stdout)
#   tap_done                         print the plan if none was printed;
#                                    returns 1 when any test failed
# Files in tests/db whose names begin with "_" or "lib" are helpers, not
# tests: run-db-tests.sh does not run them (pgTAP files can `\ir` them).

if [[ -z ${top_srcdir:-} ]]; then
	top_srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fi
# shellcheck source-path=SCRIPTDIR source=../../tools/lib/cluster.sh
. "$top_srcdir/tools/lib/cluster.sh"

DB_PGBIN=$(cluster_pgbin) || return 1
case ":$PATH:" in
*":$DB_PGBIN:"*) ;;
*) PATH="$DB_PGBIN:$PATH" ;;
esac
export PATH

db_psql_as() {
	local role=$1
	shift
	psql -X -q -A -t -v ON_ERROR_STOP=1 -U "$role" "$@"
}

db_psql_super() {
	db_psql_as "${EDUAID_SUPERUSER:-$(cluster_superuser)}" "$@"
}

TAP_N=0
TAP_PASSED=0
TAP_FAILED=0
TAP_PLANNED=0

tap_plan() {
	TAP_PLANNED=1
	printf '1..%s\n' "$1"
}

# tap_result ok|not-ok DESC: print one numbered result and count it.
tap_result() {
	TAP_N=$((TAP_N + 1))
	if [[ $1 == ok ]]; then
		TAP_PASSED=$((TAP_PASSED + 1))
		printf 'ok %d - %s\n' "$TAP_N" "$2"
	else
		TAP_FAILED=$((TAP_FAILED + 1))
		printf 'not ok %d - %s\n' "$TAP_N" "$2"
	fi
}

tap_pass() {
	tap_result ok "$1"
}

tap_fail() {
	tap_result not-ok "$1"
	shift
	if (($#)); then
		tap_diag "$@"
	fi
}

tap_diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

tap_is() {
	if [[ $1 == "$2" ]]; then
		tap_pass "$3"
	else
		tap_fail "$3"
		tap_diag "     got: '$1'" "expected: '$2'"
	fi
}

tap_run() {
	local desc=$1
	shift
	if "$@"; then
		tap_pass "$desc"
	else
		tap_fail "$desc"
	fi
}

tap_fails() {
	local desc=$1
	shift
	if "$@"; then
		tap_fail "$desc"
		tap_diag "expected a failure, but it succeeded: $*"
	else
		tap_pass "$desc"
	fi
}

tap_done() {
	if ((!TAP_PLANNED)); then
		printf '1..%d\n' "$TAP_N"
	fi
	((TAP_FAILED == 0))
}
