#!/usr/bin/env bash
# tests/db/24_messages.t: the client's side of the error table and of the
# start-up check of the forms' limits (src/db/messages.c,
# src/db/fieldcheck.c), through the Check runner
# tests/dbclient/check_messages, which logs in as demo_clerk and
# demo_auditor over libpq: the table read at login, real refusals in its
# words, the fallbacks, every shipped form passing the check, and a form
# whose choice, range or length the server refuses failing it at file:line.
# (The table itself: tests/db/24_messages.sql.)
#
# Run by tests/db/run-db-tests.sh through prove (PGHOST, PGPORT,
# PGDATABASE, top_srcdir exported; `make check` also exports top_builddir).
# Check writes the TAP itself. A missing binary is a failure, never a skip.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
export top_srcdir
bin=${top_builddir:-$top_srcdir}/tests/dbclient/check_messages

if [[ ! -x $bin ]]; then
	printf '1..1\n'
	printf 'not ok 1 - tests/dbclient/check_messages is built (%s)\n' "$bin"
	printf '# build it first: make check, or make tests/dbclient/check_messages\n'
	exit 1
fi

unset CK_RUN_SUITE CK_RUN_CASE CK_INCLUDE_TAGS CK_EXCLUDE_TAGS
CK_TAP_LOG_FILE_NAME=- CK_VERBOSITY=silent "$bin"
