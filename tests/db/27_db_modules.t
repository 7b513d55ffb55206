#!/usr/bin/env bash
# tests/db/27_db_modules.t: the domain modules of src/db (review, notice,
# ledger, homevisit, transfer, training, roster, history, record's status counts,
# report's cursor, export's kind check) against the test database, through
# the Check runner tests/dbclient/check_modules, which logs in as the demo
# users themselves over libpq: every column a module's header promises is
# there by that name (screens and commands read them so), the notice
# list's orders and limit, the review queue's keyset pages, the outcome
# filter, township lookups by code and name, and a report cursor that
# leaves no transaction open. It changes nothing. Cost: about 2 seconds.
#
# Run by tests/db/run-db-tests.sh through prove, which exports PGHOST,
# PGPORT, PGDATABASE, EDUAID_SUPERUSER and top_srcdir; `make check` also
# exports top_builddir, where the binary is built (else top_srcdir). Check
# writes the TAP itself. A missing binary is a failure, never a skip.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
bin=${top_builddir:-$top_srcdir}/tests/dbclient/check_modules

if [[ ! -x $bin ]]; then
	printf '1..1\n'
	printf 'not ok 1 - tests/dbclient/check_modules is built (%s)\n' "$bin"
	printf '# build it first: make check, or make tests/dbclient/check_modules\n'
	exit 1
fi

# Every test, whatever the caller's Check filters say; TAP on stdout.
unset CK_RUN_SUITE CK_RUN_CASE CK_INCLUDE_TAGS CK_EXCLUDE_TAGS
CK_TAP_LOG_FILE_NAME=- CK_VERBOSITY=silent "$bin"
