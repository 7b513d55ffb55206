#!/usr/bin/env bash
# tests/db/43_report.t: `eduaid report` end to end, as real logins on the
# database suite's cluster (PGHOST, PGDATABASE, EDUAID_SUPERUSER set by
# run-db-tests.sh): --list; the CSV of a report -- byte order mark, header,
# CRLF, one row per township the login may see and the Total row, numbers
# equal to what the SQL function gives the same login; demo_officer's
# report holds 城关镇 only, demo_supervisor's every township; GB18030 with
# --encoding; -o FILE; the masked missing-subsidy list, also over more
# than one page of the export (a fixture township of 5,400 lines, loaded
# as the superuser and taken away again on exit); usage errors.
set -u
export PATH=/usr/lib/postgresql/15/bin:$PATH
export LC_ALL=C.UTF-8 LANGUAGE=
BIN=${top_builddir:-$top_srcdir}/eduaid
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

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
as() { psql -X -q -A -t -v ON_ERROR_STOP=1 -U "$1" -c "$2"; }
BOM=$'\xef\xbb\xbf'
CR=$'\r'

# ---- --list ------------------------------------------------------------------
list=$("$BIN" report --list)
is "$(printf '%s\n' "$list" | awk '{print $1}' | paste -sd,)" \
	subsidy,nutrition,schooling,special_ed,training,teacher_fund,pair_coverage,pair_activity,pair_monthly,pair_rectifications,pair_scores,preschool,preschool_central,care,subsidy_migrant,admission,teacher_training,teacher_guopei,teacher_scarce,teacher_exchange,canteen,subsidy_missing \
	'report --list names every report'
# issue 13 item 1: with no report name it said "which report?" and then
# died of SIGSEGV (strcmp on NULL); now a usage error, exit 2
"$BIN" report >/dev/null 2>"$work/err"
is "$?" 2 'report with no name: a usage error (exit 2), not a crash'
is "$(cat "$work/err")" 'eduaid report: which report? (--list)' '... saying which is missing'

# ---- the officer's subsidy report ----------------------------------------------
"$BIN" -U demo_officer report subsidy --year 2026 >"$work/off.csv" 2>"$work/err"
is "$?" 0 'demo_officer: report subsidy succeeds'
is "$(head -c 3 "$work/off.csv")" "$BOM" 'the CSV begins with the UTF-8 byte order mark'
is "$(head -n 1 "$work/off.csv")" "${BOM}Township code,Township,Program,Entitled,Granted,Missing,Coverage %$CR" \
	'the header names the columns; records end in CRLF'
is "$(tail -n +2 "$work/off.csv" | cut -d, -f1 | sort -u | paste -sd,)" ",420325100" \
	'demo_officer: only 城关镇 rows and the total rows'
want=$(as demo_officer "SELECT concat_ws(',', entitled, granted, missing, coverage) FROM eduaid.report_subsidy(2026) WHERE township_id IS NULL AND item IS NULL")
got=$(grep -a "^,Total,(all)," "$work/off.csv" | tr -d '\r' | cut -d, -f4-)
is "$got" "$want" 'the Total row holds what eduaid.report_subsidy gives the officer'
got=$(grep -a "^420325100,城关镇,(all)," "$work/off.csv" | tr -d '\r' | cut -d, -f4-)
is "$got" "$want" 'the officer''s total is his township''s row'
is "$(grep -c -a ',Compulsory waiver,' "$work/off.csv")" 2 'program codes are shown by name (township and total)'

# ---- the supervisor's schooling report -------------------------------------------
"$BIN" -U demo_supervisor report schooling --year 2026 -o "$work/sup.csv" 2>"$work/err"
is "$?" 0 'demo_supervisor: report schooling -o FILE succeeds'
ntw=$(as demo_supervisor "SELECT count(*) FROM eduaid.township WHERE county_id = 420325")
is "$(tail -n +2 "$work/sup.csv" | grep -c -a '^4203')" "$ntw" 'demo_supervisor: a row for every township of the county'
want=$(as demo_supervisor "SELECT concat_ws(',', members, enrolled, dropped_out, suspended, not_enrolled, enrolled_pct, school_age, suspected, confirmed, returned) FROM eduaid.report_schooling(2026) WHERE township_id IS NULL")
got=$(grep -a "^,Total," "$work/sup.csv" | tr -d '\r' | cut -d, -f3-)
is "$got" "$want" 'the county total row holds what eduaid.report_schooling gives'
sum=$(tail -n +2 "$work/sup.csv" | grep -a '^4203' | awk -F, '{ s += $3 } END { print s }')
is "$sum" "${want%%,*}" 'the townships add up to the total'

# ---- encodings, --township, the missing list --------------------------------------
"$BIN" -U demo_supervisor report nutrition --year 2026 --township 420325101 --encoding gb18030 >"$work/gb.csv"
is "$?" 0 'report nutrition --township --encoding gb18030 succeeds'
is "$(head -c 3 "$work/gb.csv" | od -An -tx1 | tr -d ' ')" "546f77" 'GB18030 has no byte order mark'
is "$(iconv -f GB18030 -t UTF-8 "$work/gb.csv" | tr -d '\r' | tail -n +2 | cut -d, -f1,2 | paste -sd'|')" \
	"420325101,军店镇|,Total" 'GB18030 decodes to the one township asked for and its total'
"$BIN" -U demo_supervisor report subsidy_missing --year 2026 >"$work/miss.csv"
is "$?" 0 'demo_supervisor: the missing-subsidy list'
want=$(as demo_supervisor "SELECT count(*) FROM eduaid.report_subsidy_missing(2026)")
is "$(($(wc -l <"$work/miss.csv") - 1))" "$want" 'one line per entitlement not granted'
is "$(tail -n +2 "$work/miss.csv" | cut -d, -f6 | grep -c -v '^[0-9]\{6\}\*\{8\}[0-9]\{3\}[0-9X]$')" 0 \
	'every ID number in the list is masked'

# ---- the missing list over more than one page of the export -----------------------
# 分页乡 (tests/db/_missing_pages.sql): 5,400 lines, the export fetches 5,000
# at a time; taken away again on exit.
fixture() { psql -X -q -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" "$@" -f "$top_srcdir/tests/db/_missing_pages.sql"; }
trap 'fixture -v drop=1 >/dev/null 2>&1; rm -rf "$work"' EXIT
fixture
is "$?" 0 'the fixture of 5,400 missing lines loads'
"$BIN" -U demo_supervisor report subsidy_missing --year 2026 --township 420325298 -o "$work/pages.csv"
is "$?" 0 'demo_supervisor: the missing list of 分页乡 (two pages of the export)'
want=$(as demo_supervisor "SELECT string_agg(concat_ws(',', township_id, household_no, student_id), '|') FROM eduaid.report_subsidy_missing(2026, 420325298)")
got=$(tail -n +2 "$work/pages.csv" | tr -d '\r' | cut -d, -f1,3,4 | paste -sd'|')
is "$(tail -n +2 "$work/pages.csv" | wc -l)" 5400 'all 5,400 lines are written'
is "$got" "$want" 'line for line what eduaid.report_subsidy_missing gives, in its order'
"$BIN" -U demo_officer report subsidy_missing --year 2026 -o "$work/offmiss.csv"
is "$(tail -n +2 "$work/offmiss.csv" | cut -d, -f1 | sort -u | paste -sd,)" 420325100 \
	'demo_officer: his list holds 城关镇 only'
is "$(($(wc -l <"$work/offmiss.csv") - 1))" "$(as demo_officer "SELECT count(*) FROM eduaid.report_subsidy_missing(2026)")" \
	'demo_officer: every line of his list'
fixture -v drop=1
is "$(as demo_supervisor "SELECT count(*) FROM eduaid.report_subsidy_missing(2026, 420325298)")/$(as demo_supervisor "SELECT count(*) FROM eduaid.township WHERE id = 420325298")" \
	0/0 'the fixture is taken away again'

# ---- usage errors ------------------------------------------------------------------
"$BIN" report nosuch >/dev/null 2>&1
is "$?" 2 'an unknown report: exit 2'
"$BIN" report subsidy --year 1999 >/dev/null 2>&1
is "$?" 2 'a year out of range: exit 2'
"$BIN" -U demo_officer report subsidy -o "$work/nodir/x.csv" >/dev/null 2>&1
is "$?" 2 'an output file that cannot be made: exit 2'

printf '1..%d\n' "$n"
((failed == 0))
