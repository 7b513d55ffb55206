#!/usr/bin/env bash
# tests/db/46_reconnect.t: the db layer survives a lost connection (issue
# 12), through the Check runner tests/dbclient/check_reconnect, which logs
# in twice as demo_clerk and ends its own backend from the second session
# (pg_terminate_backend: a restart of the server in small): a read is
# answered after one reconnect, a write or a statement of a transaction is
# reported and not repeated, BEGIN is repeated.
#
# Run by tests/db/run-db-tests.sh through prove (PGHOST, PGPORT,
# PGDATABASE, top_srcdir exported; `make check` also exports top_builddir).
# Check writes the TAP itself. A missing binary is a failure, never a skip.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
export top_srcdir
bin=${top_builddir:-$top_srcdir}/tests/dbclient/check_reconnect

if [[ ! -x $bin ]]; then
	printf '1..1\n'
	printf 'not ok 1 - tests/dbclient/check_reconnect is built (%s)\n' "$bin"
	printf '# build it first: make check, or make tests/dbclient/check_reconnect\n'
	exit 1
fi

unset CK_RUN_SUITE CK_RUN_CASE CK_INCLUDE_TAGS CK_EXCLUDE_TAGS
CK_TAP_LOG_FILE_NAME=- CK_VERBOSITY=silent "$bin"
