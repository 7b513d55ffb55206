#!/usr/bin/env bash
# tests/tui/run.sh: run one tmux suite (tests/tui/NN_*.t) on a throwaway
# cluster of its own, a copy of the demo template (tests/db/democluster.sh):
# every suite starts from the same demo data, whatever the others did.
#
# Usage: tests/tui/run.sh tests/tui/NN_name.t
#   (make check runs each file of TESTS_TUI this way: T_LOG_COMPILER)
#
# The suite's TAP goes to stdout as it is. It gets what the database
# suite's *.t files get (tests/db/run-db-tests.sh): PGHOST, PGPORT,
# PGDATABASE (eduaid_test), EDUAID_SUPERUSER, top_srcdir and top_builddir
# exported, PGUSER unset, the PostgreSQL 15 binaries first on PATH, a
# scratch working directory, and EDUAID_DBTEST_TIMEOUT seconds (default 300)
# before it is stopped; TZ is Asia/Shanghai. A cluster that cannot be had is one failed test.
set -uo pipefail

FILE_TIMEOUT=${EDUAID_DBTEST_TIMEOUT:-300}
if [[ $# -ne 1 ]]; then
	printf 'usage: %s tests/tui/NN_name.t\n' "$0" >&2
	exit 2
fi
file=$1
if [[ -f $file ]]; then
	file=$(cd "$(dirname "$file")" && pwd)/${file##*/}
fi
if [[ -z ${top_srcdir:-} ]]; then
	top_srcdir=$(dirname "${BASH_SOURCE[0]}")/../..
fi
top_srcdir=$(cd "$top_srcdir" && pwd)
top_builddir=${top_builddir:-$top_srcdir}
export top_srcdir top_builddir
# The county's time zone, the server's too: the client's "today" (a
# ledger's default date), `date` in a suite and the server's current_date
# are the same day at any hour (from 16:00 UTC on, UTC is a day behind).
export TZ=Asia/Shanghai

# not_ok DESC [DIAG...]: the suite could not run; one failure.
not_ok() {
	printf '1..1\nnot ok 1 - %s: %s\n' "${file##*/}" "$1"
	shift
	(($#)) && printf '%s\n' "$@" | sed 's/^/# /'
	exit 1
}

# shellcheck source-path=SCRIPTDIR source=../db/lib.sh
. "$top_srcdir/tests/db/lib.sh" || not_ok "tests/db/lib.sh loads (PostgreSQL 15 installed?)"
# shellcheck source-path=SCRIPTDIR source=../db/democluster.sh
. "$top_srcdir/tests/db/democluster.sh"
[[ -f $file ]] || not_ok "test file exists ($file)"

democluster_scratch tui || not_ok "mktemp -d in ${TMPDIR:-/tmp}"
t0=$(date +%s%3N)
if ! democluster_up "$work" demo 2>"$work/up.log"; then
	not_ok "a throwaway cluster with the demo data" "$(tail -n 30 "$work/up.log")"
fi
printf '# cluster %s ready in %d ms\n' "$work/pg" $(($(date +%s%3N) - t0))

mkdir -p -- "$work/cwd"
cd "$work/cwd" || not_ok "cd to a scratch directory"
timeout -k 10 "$FILE_TIMEOUT" bash "$file" </dev/null
rc=$?
if ((rc == 124 || rc == 137)); then
	printf '# %s: stopped after %ss\n' "${file##*/}" "$FILE_TIMEOUT"
fi
exit "$rc"
