#!/usr/bin/env bash
# tests/db/20_record_layer.t: the client's database layer (src/db/db.c and
# src/db/record.c) against the test database, through the Check runner
# tests/dbclient/check_record, which logs in as the demo users themselves
# (demo_clerk, demo_clerk2, demo_officer, demo_supervisor) over libpq:
# connecting and its failures, list pages by keyset with filters and
# search, saving and loading households with their members (UTF-8 outside
# the BMP), version conflicts, replays by client UUID, server errors mapped
# to fields, the workflow, lookups and the start-up catalog check.
#
# Run by tests/db/run-db-tests.sh through prove, which exports PGHOST,
# PGPORT, PGDATABASE, EDUAID_SUPERUSER and top_srcdir; `make check` also
# exports top_builddir, where the binary is built (else top_srcdir, for
# in-tree builds). Check writes the TAP itself (CK_TAP_LOG_FILE_NAME=-).
# A missing binary is a failure, never a skip.
#
# The runner deletes its drafts as demo_clerk; households it moved on
# through the workflow (household_no TREC-*) are removed by the EXIT trap
# as the superuser. Their audit rows stay (the log is append-only).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
bin=${top_builddir:-$top_srcdir}/tests/dbclient/check_record

# shellcheck source=lib.sh
if ! . "$top_srcdir/tests/db/lib.sh"; then
	printf '1..1\nnot ok 1 - tests/db/lib.sh loads\n'
	exit 1
fi

cleanup() {
	db_psql_super -c "DELETE FROM eduaid.household WHERE household_no LIKE 'TREC-%'" \
		>/dev/null 2>&1 || true
}
trap cleanup EXIT

if [[ ! -x $bin ]]; then
	printf '1..1\n'
	printf 'not ok 1 - tests/dbclient/check_record is built (%s)\n' "$bin"
	printf '# build it first: make check, or make tests/dbclient/check_record\n'
	exit 1
fi

# Every test, whatever the caller's Check filters say; TAP on stdout.
unset CK_RUN_SUITE CK_RUN_CASE CK_INCLUDE_TAGS CK_EXCLUDE_TAGS
CK_TAP_LOG_FILE_NAME=- CK_VERBOSITY=silent "$bin"
