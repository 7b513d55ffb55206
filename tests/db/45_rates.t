#!/usr/bin/env bash
# tests/db/45_rates.t: `eduaid rates` end to end, as real logins on the
# database suite's cluster (PGHOST, PGDATABASE, EDUAID_SUPERUSER set by
# run-db-tests.sh): demo_clerk lists the rates of a year (the table the
# server holds) and is refused a change, in eduaid.message's words;
# demo_admin sets a rate, changes it, is refused one the stage is not
# entitled to and an unknown program, deletes it (and is told when there
# is none), each change in the audit log as his; usage errors are caught
# before any server is asked. The rows of school year 2027 it makes are
# taken away again on exit. Cost: about a second.
set -u
export PATH=/usr/lib/postgresql/15/bin:$PATH
export LC_ALL=C.UTF-8 LANGUAGE=
BIN=${top_builddir:-$top_srcdir}/eduaid
work=$(mktemp -d)
su() { psql -X -q -A -t -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
trap 'su "DELETE FROM eduaid.subsidy_rate WHERE school_year = 2027" >/dev/null 2>&1; rm -rf "$work"' EXIT

n=0
failed=0
ok() {
	n=$((n + 1))
	printf 'ok %d - %s\n' "$n" "$1"
}
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	printf 'not ok %d - %s\n' "$n" "$1"
	shift
	if (($#)); then
		printf '%s\n' "$@" | sed 's/^/#   /'
	fi
}
is() { # is GOT WANT DESC
	if [[ $1 == "$2" ]]; then
		ok "$3"
	else
		not_ok "$3" "     got: '$1'" "expected: '$2'"
	fi
}

# ---- demo_clerk lists, and may not change ------------------------------------
"$BIN" -U demo_clerk rates list --year 2026 >"$work/list" 2>"$work/err"
is "$?" 0 'demo_clerk: rates list --year 2026 succeeds'
is "$(tail -n +2 "$work/list" | wc -l)" "$(su "SELECT count(*) FROM eduaid.subsidy_rate WHERE school_year = 2026")" \
	'a line for every rate of 2026'
is "$(grep -c '^2026  boarding_subsidy  *junior  *yes  *1250.00  Boarding subsidy / Junior high$' "$work/list")" 1 \
	'a line holds year, program, stage, boarding, amount and their words'
is "$(tail -n +2 "$work/list" | awk '{print $1}' | sort -u)" 2026 'only 2026'
"$BIN" -U demo_clerk rates set preschool_aid 2027 preschool no 1100 >"$work/out" 2>"$work/err"
is "$?" 1 'demo_clerk: rates set is refused (exit 1)'
is "$(head -1 "$work/err")" 'eduaid: rates set: Permission denied.' 'in the words of eduaid.message'
is "$(sed -n 2p "$work/err" | cut -c1-28)" 'eduaid: (the server said: pe' '... then what the server said, for the record'
LANG=zh_CN.UTF-8 LC_ALL= "$BIN" -U demo_clerk rates set preschool_aid 2027 preschool no 1100 >"$work/out" 2>"$work/err"
is "$(head -1 "$work/err")" 'eduaid: rates set: 权限不足。' '... in Chinese under zh_CN (issue 12: the CLI in the user'"'"'s language)'

# ---- demo_admin keeps them ---------------------------------------------------
"$BIN" -U demo_admin rates set preschool_aid 2027 preschool no 1100 2>"$work/err"
is "$?" 0 'demo_admin: rates set adds a rate'
"$BIN" -U demo_admin rates set preschool_aid 2027 preschool no 1200.5 2>"$work/err"
is "$?" 0 'demo_admin: rates set changes it'
"$BIN" -U demo_admin rates list --year 2027 >"$work/list" 2>"$work/err"
is "$(tail -n +2 "$work/list" | awk '{print $2, $3, $4, $5}')" 'preschool_aid preschool no 1200.50' \
	'rates list --year 2027 shows the amount set'
is "$(su "SELECT eduaid.standard_amount('preschool_aid', 2027, 'preschool', false)")" 1200.5 \
	'eduaid.standard_amount answers it'
"$BIN" -U demo_admin rates set boarding_subsidy 2027 junior no 625 >"$work/out" 2>"$work/err"
is "$?" 1 'demo_admin: a boarding subsidy for day pupils is refused (exit 1)'
is "$(head -1 "$work/err")" 'eduaid: rates set: This stage (boarding or not) is not entitled to this program.' \
	'... in the words of its constraint'
"$BIN" -U demo_admin rates set phd_grant 2027 junior no 1 >"$work/out" 2>"$work/err"
is "$?" 1 'demo_admin: an unknown program is refused (exit 1)'
is "$(cat "$work/err")" "eduaid: rates set: no subsidy program 'phd_grant'" '... by its name'
"$BIN" -U demo_admin rates delete preschool_aid 2027 preschool no 2>"$work/err"
is "$?" 0 'demo_admin: rates delete deletes it'
"$BIN" -U demo_admin rates delete preschool_aid 2027 preschool no 2>"$work/err"
is "$?" 1 'demo_admin: deleting it again: exit 1'
is "$(cat "$work/err")" 'eduaid rates: no such rate' '... no such rate'
is "$(su "SELECT string_agg(action || ' ' || actor || ' ' || kind, ',' ORDER BY id) FROM eduaid.audit_log
          WHERE table_name = 'subsidy_rate' AND coalesce(new_row, old_row) ->> 'school_year' = '2027'")" \
	'insert demo_admin reference,update demo_admin reference,delete demo_admin reference' \
	'the audit log holds the admin''s insert, update and delete'

# ---- usage errors: no server asked -------------------------------------------
for args in "set preschool_aid 2027 preschool maybe 1" "set preschool_aid 2040 preschool no 1" \
	"set preschool_aid 2027 preschool no 1.005" "set preschool_aid 2027 preschool no" \
	"frob" "list --year 1999"; do
	# shellcheck disable=SC2086 # words on purpose
	PGHOST=/nonexistent "$BIN" -U demo_admin rates $args >/dev/null 2>"$work/err"
	is "$?" 2 "rates $args: exit 2"
done
is "$(grep -c 'Try' "$work/err")" 1 'a usage error points to --help'

printf '1..%d\n' "$n"
((failed == 0))
