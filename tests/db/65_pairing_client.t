#!/usr/bin/env bash
# tests/db/65_pairing_client.t: the pairing module of the client
# (src/db/pairing.c, issue 15) against the test database, through the
# Check runner tests/dbclient/check_pairing, which logs in as the demo
# users (and an inspector the superuser makes) over libpq: the columns
# pairing.h promises, the pick lists, a pair made with its lead helped
# school and the rows of its page, who sees it and who may write what
# (tests/dbclient/check_pairing.c says it all); issue 15 H6: rows changed
# with their version checked, the early end four eyes (ask, turn down,
# ask again, approve). It leaves its pair (a 2014 cycle, ended) in the
# database. Cost: about 4 seconds.
#
# Run by tests/db/run-db-tests.sh through prove, which exports PGHOST,
# PGPORT, PGDATABASE, EDUAID_SUPERUSER and top_srcdir; `make check` also
# exports top_builddir, where the binary is built (else top_srcdir). Check
# writes the TAP itself. A missing binary is a failure, never a skip.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
bin=${top_builddir:-$top_srcdir}/tests/dbclient/check_pairing

if [[ ! -x $bin ]]; then
	printf '1..1\n'
	printf 'not ok 1 - tests/dbclient/check_pairing is built (%s)\n' "$bin"
	printf '# build it first: make check, or make tests/dbclient/check_pairing\n'
	exit 1
fi

# Every test, whatever the caller's Check filters say; TAP on stdout.
unset CK_RUN_SUITE CK_RUN_CASE CK_INCLUDE_TAGS CK_EXCLUDE_TAGS
CK_TAP_LOG_FILE_NAME=- CK_VERBOSITY=silent "$bin"
