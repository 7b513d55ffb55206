#!/usr/bin/env bash
# tests/db/59_audit_archive.t: `eduaid-admin audit` (issue 14: the audit
# log kept at least six months, archived by month) -- the built script,
# in a database of its own on the suite's cluster (migrated empty, so
# that the archived months and the restored copy touch no other test).
#
# Rows written 9, 8 and 2 months ago land in the default partition;
# `audit prepare` makes their months' partitions. `audit archive` is
# refused for a retention setting under 6 months (and writes nothing),
# for a month younger than the retention, for a login that is not the
# superuser, and for a malformed month; when pg_dump fails the month is
# attached again and no file is left. Archiving the 8-month-old month
# writes the dump (mode 0600) and its .sha256 (sha256sum -c passes),
# pg_restore --list shows its data, the month leaves the log and
# eduaid.audit_archive records it (rows, checksum, file) for the auditor;
# a second time there is no partition. `audit restore` refuses a file
# whose checksum is not recorded (one byte changed), restores the month
# into eduaid_archive where the auditor reads its rows and changes none
# and a clerk reads nothing, and refuses to restore it twice.
# Cost: 11 s wall (32 s on a loaded machine): a migrate of an empty
# database, a dump, a restore.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
admin=${top_builddir:-$top_srcdir}/admin/eduaid-admin

# shellcheck source=lib.sh
if ! . "$top_srcdir/tests/db/lib.sh"; then
	printf '1..1\nnot ok 1 - tests/db/lib.sh loads\n'
	exit 1
fi
SU=${EDUAID_SUPERUSER:-$(cluster_superuser)}
T=$(printf %05d $(($$ % 100000)))
DBA=eduaid_t59_$T
tmp=$(mktemp -d)
export EDUAID_SQLDIR=$top_srcdir/sql EDUAID_ADMIN_CONF=$tmp/admin.conf LC_ALL=C.UTF-8 LANGUAGE=en
export PGDATABASE=$DBA

cleanup() {
	db_psql_super -d postgres -c "DROP DATABASE IF EXISTS \"$DBA\"" >/dev/null 2>&1
	rm -rf -- "$tmp"
}
trap cleanup EXIT
cd "$tmp" || exit 1
mkdir arch other

tap_plan 37

run() {
	local who=$1
	shift
	"$admin" -U "$who" "$@" >out 2>err
	rc=$?
}
has() {
	if grep -qF -- "$2" "$1"; then
		tap_pass "$3"
	else
		tap_fail "$3" "wanted: $2" "$(sed 's/^/  /' "$1" | head -20)"
	fi
}
sq() { db_psql_super -d "$DBA" -c "$1"; }
# month N: the month N months ago, YYYY-MM, in China Standard Time
month() { sq "SELECT to_char((now() - interval '$1 months') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')"; }

db_psql_super -d postgres -c "CREATE DATABASE \"$DBA\"" >/dev/null
if "$admin" -U "$SU" migrate >migrate.log 2>&1; then
	tap_pass "an empty database migrated"
else
	tap_fail "an empty database migrated" "$(tail -n 5 migrate.log)"
fi
M9=$(month 9) M8=$(month 8) M2=$(month 2)
sq "INSERT INTO eduaid.audit_log (at, kind, table_name, township_id, action, new_row)
    SELECT now() - interval '9 months', 'user', 'app_user', NULL, 'insert', '{\"n\": 9}'
    UNION ALL SELECT now() - interval '8 months' + g * interval '1 minute', 'household', 'household', 420325100,
                     'update', jsonb_build_object('n', g, 'notes', E'一行\\n二行\\t', 'head_id_number', '11010519491231002X')
                FROM generate_series(1, 3) g
    UNION ALL SELECT now() - interval '2 months', 'user', 'app_user', NULL, 'insert', '{\"n\": 2}'" >/dev/null
tap_is "$(sq "SELECT count(*) FROM eduaid_audit.audit_log_default")" 5 \
	"rows of months without a partition land in the default partition"

run "$SU" audit prepare
tap_is "$rc" 0 "audit prepare"
has err "3 partition(s) of the audit log made" "  makes the three months' partitions"
tap_is "$(sq "SELECT count(*) FROM eduaid_audit.audit_log_default")" 0 "  and empties the default partition"
run "$SU" audit list
has out "$M8 3" "audit list: the 8-month-old month and its rows"

# ---- refusals -------------------------------------------------------------------
printf 'audit_retention_months = 5\n' >"$EDUAID_ADMIN_CONF"
run "$SU" audit archive "$M8" arch
tap_is "$rc" 1 "a retention of 5 months is refused"
has err "audit_retention_months in $EDUAID_ADMIN_CONF is 5: the audit log is kept at least 6 months" "  saying why"
printf 'audit_retention_months = 6\n' >"$EDUAID_ADMIN_CONF"
run "$SU" audit archive "$M2" arch
tap_is "$rc" 1 "a month 2 months old is refused"
has err "(retention 6 months): not archived" "  saying until when it is kept"
printf 'audit_retention_months = 12\n' >"$EDUAID_ADMIN_CONF"
run "$SU" audit archive "$M8" arch
tap_is "$rc" 1 "with a retention of 12 months, the 8-month-old month is refused too"
printf 'audit_retention_months = 6\n' >"$EDUAID_ADMIN_CONF"
run demo_admin audit archive "$M8" arch
tap_is "$rc" 1 "an admin login may not archive"
has err "needs the database superuser" "  saying it needs the superuser"
run "$SU" audit archive 2026-13 arch
tap_is "$rc" 2 "a malformed month is a usage error"
tap_is "$(ls arch)" "" "no refusal wrote a file"

# a pg_dump that fails: the month goes back into the log
mkdir fakebin
printf '#!/bin/sh\nexit 1\n' >fakebin/pg_dump
chmod +x fakebin/pg_dump
PATH=$tmp/fakebin:$PATH run "$SU" audit archive "$M9" arch
tap_is "$rc" 1 "a failed pg_dump fails the archive"
has err "pg_dump failed: the audit log of $M9 is not archived (the month is back in the log)" "  saying so"
tap_is "$(sq "SELECT count(*) FROM eduaid.audit_log WHERE new_row ->> 'n' = '9'")" 1 "  the month's row is in the log again"
tap_is "$(sq "SELECT count(*) FROM eduaid_audit.\"audit_log_${M9/-/_}\" a, pg_trigger t
              WHERE t.tgrelid = 'eduaid_audit.\"audit_log_${M9/-/_}\"'::regclass AND t.tgname LIKE 'audit_%'")" 3 \
	"  in its partition, with its three triggers"
tap_is "$(ls arch)" "" "  and no file is left"

# ---- archive ---------------------------------------------------------------------
run "$SU" audit archive "$M8" arch
tap_is "$rc" 0 "the 8-month-old month is archived"
[[ $rc == 0 ]] || tap_diag "$(cat err)"
f=arch/eduaid-audit-$M8.dump
has err "the audit log of $M8 (3 rows) archived to $tmp/$f" "  saying where"
tap_is "$(stat -c %a "$f" 2>/dev/null)" 600 "  the dump is readable by its owner only"
tap_run "  its .sha256 checks (sha256sum -c)" sh -c "cd arch && sha256sum -c --quiet eduaid-audit-$M8.dump.sha256"
tap_run "  pg_restore --list shows the month's data" sh -c "pg_restore --list '$f' | grep -q 'TABLE DATA eduaid_archive audit_log_${M8/-/_} '"
tap_is "$(sq "SELECT count(*) FROM eduaid.audit_log WHERE township_id = 420325100")" 0 "  its rows left the log"
tap_is "$(sq "SELECT rows || ' ' || sha256 || ' ' || file_name FROM eduaid.audit_archive")" \
	"3 $(cut -d' ' -f1 "$f.sha256") $tmp/$f" "  eduaid.audit_archive records its rows, checksum and file"
tap_is "$(db_psql_as demo_auditor -d "$DBA" -c "SELECT to_char(month, 'YYYY-MM') FROM eduaid.audit_archive")" "$M8" \
	"  the auditor reads it"
run "$SU" audit archive "$M8" other
tap_is "$rc" 1 "archiving it again is refused (no partition)"
run "$SU" audit list
has out "$M8 3 archived $tmp/$f" "audit list shows the archived month"

# ---- restore -----------------------------------------------------------------------
cp "$f" bad.dump
printf 'x' >>bad.dump
run "$SU" audit restore bad.dump
tap_is "$rc" 1 "a file whose checksum is not recorded is refused"
has err "is not an archive of this database's audit log" "  saying why"
run "$SU" audit restore "$f"
tap_is "$rc" 0 "the archived month is restored"
[[ $rc == 0 ]] || tap_diag "$(cat err)"
tap_is "$(db_psql_as demo_auditor -d "$DBA" -c "SELECT count(*) || ' ' || min(new_row ->> 'notes') FROM eduaid_archive.\"audit_log_${M8/-/_}\"")" \
	"3 一行
二行	" "the auditor reads its rows, as they were"
tap_fails "  and changes none of them" db_psql_as demo_auditor -d "$DBA" -c "DELETE FROM eduaid_archive.\"audit_log_${M8/-/_}\"" 2>/dev/null
tap_fails "a clerk reads nothing of it" db_psql_as demo_clerk -d "$DBA" -c "SELECT count(*) FROM eduaid_archive.\"audit_log_${M8/-/_}\"" 2>/dev/null
run "$SU" audit restore "$f"
tap_is "$rc" 1 "restoring it twice is refused"

tap_done
