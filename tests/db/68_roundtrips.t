#!/usr/bin/env bash
# tests/db/68_roundtrips.t: the round trips of the db layer (issue 16;
# docs/design/roundtrips.md) against the test database, through the Check
# runner tests/dbclient/check_roundtrips, which logs in as the demo users
# over libpq: the counter and EDUAID_TRACE_ROUNDTRIPS's file, a pipeline of
# prefetched statements in one round trip and its answers served after it,
# application_name set without waiting, and the main menu's numbers in one
# statement, the same as the statements it replaced, for a clerk, an
# officer and a supervisor (tests/dbclient/check_roundtrips.c says it
# all). It changes nothing. Cost: 1 to 5 seconds.
#
# Run by tests/db/run-db-tests.sh through prove, which exports PGHOST,
# PGPORT, PGDATABASE, EDUAID_SUPERUSER and top_srcdir; `make check` also
# exports top_builddir, where the binary is built (else top_srcdir). Check
# writes the TAP itself. A missing binary is a failure, never a skip.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
bin=${top_builddir:-$top_srcdir}/tests/dbclient/check_roundtrips

if [[ ! -x $bin ]]; then
	printf '1..1\n'
	printf 'not ok 1 - tests/dbclient/check_roundtrips is built (%s)\n' "$bin"
	printf '# build it first: make check, or make tests/dbclient/check_roundtrips\n'
	exit 1
fi

# Every test, whatever the caller's Check filters say; TAP on stdout.
unset CK_RUN_SUITE CK_RUN_CASE CK_INCLUDE_TAGS CK_EXCLUDE_TAGS EDUAID_TRACE_ROUNDTRIPS
CK_TAP_LOG_FILE_NAME=- CK_VERBOSITY=silent "$bin"
