#!/usr/bin/env bash
# tests/db/20_locks.t: the lock attack of issue 9 (item 5) and the export
# log (item 8) as real logins (psql -U ROLE over the test cluster's socket):
#   * every demo role's BEGIN; LOCK TABLE eduaid.household (and school,
#     student, audit_log) IN ACCESS EXCLUSIVE / EXCLUSIVE / SHARE MODE is
#     refused with 42501;
#   * migrate.sh's lock: demo_clerk cannot take LOCK TABLE
#     eduaid.schema_version IN EXCLUSIVE MODE, and while he holds the old
#     public advisory lock 4242 in an idle transaction, a migration still
#     runs (a copy of sql/ with one extra no-op migration, 999); and a
#     migration that needs a table an idle reader holds fails on its lock
#     timeout instead of queueing everyone behind it;
#   * the database's defaults reach a login: idle_in_transaction_session_
#     timeout 5min and lock_timeout 30s; an idle transaction is ended;
#   * log_export is gone for every login; a clerk's export through the
#     server writes one audit row, counted by the server.
# Emits TAP; run by tests/db/run-db-tests.sh through prove. Cleans up as
# the superuser in an EXIT trap (the schema_version row of the no-op
# migration; the background session). Cost: about 20 seconds (10 of them the migration's lock timeout).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
# shellcheck source=lib.sh
if ! . "$top_srcdir/tests/db/lib.sh"; then
	echo "1..0 # SKIP tests/db/lib.sh does not load"
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-t20.XXXXXX") || exit 1
bg_pid=
cleanup() {
	if [[ -n $bg_pid ]]; then
		kill "$bg_pid" 2>/dev/null
		wait "$bg_pid" 2>/dev/null
	fi
	db_psql_super -c "DELETE FROM eduaid.schema_version WHERE version IN (998, 999)" >/dev/null 2>&1
	rm -rf -- "$tmp"
}
trap cleanup EXIT

# sqlstate ROLE SQL...: the SQLSTATE of the first error, or "ok".
sqlstate() {
	local role=$1 out
	shift
	out=$(printf '%s\n' '\set VERBOSITY sqlstate' "$@" |
		psql -X -q -A -t -v ON_ERROR_STOP=1 -U "$role" 2>&1 >/dev/null)
	if [[ -z $out ]]; then
		echo ok
	else
		sed -n 's/^ERROR:  *//p' <<<"$out" | head -n 1
	fi
}

tap_plan 18

# ---- LOCK TABLE, as every demo role ------------------------------------------
# one session per role, each LOCK in its own transaction: 12 refusals
for role in demo_clerk demo_officer demo_supervisor demo_admin demo_auditor; do
	script='\set VERBOSITY sqlstate'
	for tbl in household student school audit_log; do
		for mode in 'ACCESS EXCLUSIVE' EXCLUSIVE SHARE; do
			script+=$'\n'"BEGIN; LOCK TABLE eduaid.$tbl IN $mode MODE NOWAIT; ROLLBACK;"
		done
	done
	got=$(psql -X -q -A -t -U "$role" <<<"$script" 2>&1 | sort | uniq -c | sed 's/^ *//' | tr '\n' ' ')
	tap_is "$got" "12 ERROR:  42501 " \
		"$role: LOCK TABLE household, student, school, audit_log IN ACCESS EXCLUSIVE / EXCLUSIVE / SHARE MODE is refused"
done

# ---- the migration lock ------------------------------------------------------
tap_is "$(sqlstate demo_clerk 'BEGIN;' 'LOCK TABLE eduaid.schema_version IN EXCLUSIVE MODE NOWAIT;' 'ROLLBACK;')" \
	42501 "demo_clerk cannot take migrate.sh's lock (LOCK TABLE eduaid.schema_version IN EXCLUSIVE MODE)"
tap_is "$(grep -c 'pg_advisory' "$top_srcdir/sql/migrate.sh")" 0 \
	"sql/migrate.sh takes no advisory lock"

# demo_clerk holds the old advisory lock 4242 in an idle transaction ...
fifo=$tmp/clerk.in
mkfifo "$fifo"
psql -X -q -A -t -U demo_clerk <"$fifo" >"$tmp/clerk.out" 2>&1 &
bg_pid=$!
exec 7>"$fifo"
printf '%s\n' 'BEGIN;' 'SELECT pg_advisory_xact_lock(4242);' "SELECT 'held';" >&7
for _ in $(seq 50); do
	grep -q held "$tmp/clerk.out" 2>/dev/null && break
	sleep 0.1
done
tap_is "$(grep -v "^$" "$tmp/clerk.out")" held "demo_clerk holds advisory lock 4242 in an idle transaction"
# ... and a migration still runs: a copy of sql/ with a no-op 999
mkdir -p "$tmp/sql"
cp -R "$top_srcdir"/sql/*.sql "$top_srcdir/sql/migrate.sh" "$top_srcdir/sql/relayout.sha256" \
	"$top_srcdir/sql/repeatable" "$tmp/sql/"
printf '%s\n' '-- 999_noop.sql: tests/db/20_locks.t' 'SELECT 1;' >"$tmp/sql/999_noop.sql"
if PGUSER=$EDUAID_SUPERUSER timeout 120 sh "$tmp/sql/migrate.sh" >"$tmp/migrate.log" 2>&1; then
	tap_pass "a migration runs while demo_clerk holds advisory lock 4242"
else
	tap_fail "a migration runs while demo_clerk holds advisory lock 4242"
	tap_diag "$(cat "$tmp/migrate.log")"
fi
exec 7>&-
wait "$bg_pid" 2>/dev/null
bg_pid=

# A migration that cannot get its lock gives up (10 s) instead of queueing
# every user behind it: demo_clerk idly holds household (ACCESS SHARE);
# a migration that needs ACCESS EXCLUSIVE on it fails, nothing applied.
rm -f "$tmp/sql/999_noop.sql"
# (and from the database: migrate.sh refuses a database newer than its files)
db_psql_super -c "DELETE FROM eduaid.schema_version WHERE version = 999" >/dev/null
printf '%s\n' '-- 998_lock.sql: tests/db/20_locks.t' 'LOCK TABLE eduaid.household IN ACCESS EXCLUSIVE MODE;' \
	>"$tmp/sql/998_lock.sql"
rm -f "$fifo" "$tmp/clerk.out"
mkfifo "$fifo"
psql -X -q -A -t -U demo_clerk <"$fifo" >"$tmp/clerk.out" 2>&1 &
bg_pid=$!
exec 7>"$fifo"
printf '%s\n' 'BEGIN;' 'SELECT count(*) FROM (SELECT 1 FROM eduaid.household LIMIT 1) x;' "SELECT 'held';" >&7
for _ in $(seq 50); do
	grep -q held "$tmp/clerk.out" 2>/dev/null && break
	sleep 0.1
done
# (the guard is generous: the repeatable files take long on a loaded
# machine; what matters is that migrate.sh gives up by itself)
PGUSER=$EDUAID_SUPERUSER timeout 120 sh "$tmp/sql/migrate.sh" >"$tmp/migrate2.log" 2>&1
rc=$?
tap_is "$rc:$(grep -c 'lock timeout' "$tmp/migrate2.log"):$(db_psql_super -c 'SELECT count(*) FROM eduaid.schema_version WHERE version = 998')" \
	"3:1:0" "a migration blocked by an idle reader fails on its lock timeout, nothing applied"
tap_is "$(grep -c -- '-c lock_timeout=10s' "$top_srcdir/sql/migrate.sh")" 1 \
	"... after 10 s of waiting (migrate.sh sets lock_timeout), so users do not queue behind it for long"
# ... but a migrate with nothing to apply does not need it: a reader idly
# holding household cannot keep a run (a security update's repeatable
# files) from going through -- unchanged policies are left alone.
rm -f "$tmp/sql/998_lock.sql"
if PGUSER=$EDUAID_SUPERUSER timeout 120 sh "$tmp/sql/migrate.sh" >"$tmp/migrate3.log" 2>&1; then
	tap_pass "a migrate with nothing pending runs while demo_clerk idly holds household"
else
	tap_fail "a migrate with nothing pending runs while demo_clerk idly holds household"
	tap_diag "$(cat "$tmp/migrate3.log")"
fi
exec 7>&-
wait "$bg_pid" 2>/dev/null
bg_pid=

# ---- server-side defaults ----------------------------------------------------
tap_is "$(db_psql_as demo_clerk -c 'SHOW idle_in_transaction_session_timeout' -c 'SHOW lock_timeout' | tr '\n' ' ')" \
	"5min 30s " "a login starts with idle_in_transaction_session_timeout 5min and lock_timeout 30s (database defaults)"
tap_is "$(printf '%s\n' "SET idle_in_transaction_session_timeout = '200ms';" 'BEGIN;' 'SELECT 1;' \
	'\! sleep 1' 'SELECT 2;' | psql -X -q -A -t -U demo_clerk 2>&1 | grep -c 'terminating connection due to idle-in-transaction timeout')" 1 \
	"the server ends a session idle in a transaction past its timeout"

# ---- exports -----------------------------------------------------------------
for role in demo_clerk demo_supervisor demo_auditor; do
	tap_is "$(sqlstate "$role" "SELECT eduaid.log_export('household', '{}', 1, false);")" 42883 \
		"$role: eduaid.log_export does not exist (42883)"
done
before=$(db_psql_super -c "SELECT coalesce(max(id), 0) FROM eduaid.audit_log")
n=$(db_psql_as demo_clerk -c "SELECT count(*) FROM eduaid.export_training(NULL, 420325100, false)")
tap_is "$(db_psql_super -c "SELECT actor || ' ' || kind || ' ' || (new_row ->> 'rows') FROM eduaid.audit_log
         WHERE action = 'export' AND id > $before")" "demo_clerk training $n" \
	"demo_clerk's export of $n training rows wrote one audit row with the count the server made"

tap_done
