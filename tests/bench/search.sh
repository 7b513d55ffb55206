#!/usr/bin/env bash
# tests/bench/search.sh: the `/` search of the record lists, the review
# queue's search and every report, under row-level security, at a
# province's scale (1,000,000 households, 2,000,000 students).
#
# Usage: tests/bench/search.sh [--keep] [--reuse DIR] [--plans]
#   --keep       leave the cluster (and its data) running afterwards; it
#                prints the work directory to pass to --reuse
#   --reuse DIR  a work directory kept by --keep: start its cluster, run
#                sql/migrate.sh again (so new migrations apply to the data
#                already there) and measure, without generating anything
#   --plans      print EXPLAIN (ANALYZE, BUFFERS) of every case over its
#                target (and of every search as demo_clerk)
# Environment: SCALE (default 1: 1,000,000 households, 2,000,000 students;
# 0.05 for a quick run), RUNS (measured runs per case, default 11), WARMUP
# (default 3), CASES (an extended regular expression: only the cases whose
# names match it), CASE_TIMEOUT (seconds a statement may run, default 120;
# a case that times out is a miss, reported as "timeout"), TMPDIR.
#
# Data (as tests/bench/reports.sh, scaled): households 1..H in township
# n % 20 of 房县, two students each, each household's record of school year
# 2026 with a year row per student, their grants (all but one in ten), a
# special-education plan for 80% of the disabled children, H/5 training
# enrollments, 25,000*SCALE teachers with two fund applications each.
# Names come from a hash of the row number (20 surnames, 23 x 19 given
# names), so every township holds every surname. INSERT ... SELECT
# generate_series as the superuser with session_replication_role =
# replica, nproc jobs at a time; secondary indexes dropped while loading
# and made again; the tallies and the registry rebuilt; VACUUM ANALYZE. The
# time it took is printed (about 6 minutes at SCALE=1 on 2 vCPUs).
#
# Cases (the SQL the client sends, src/db/record.c record_list_page, for
# the household form: head_name, household_no, head_id_number, village,
# student.name, student.id_number):
#   id <role>            / with a full ID number (a student's), as
#                        demo_clerk (城关镇 and 军店镇) and demo_officer
#                        (城关镇); target < 2 ms
#   name2 <role>         / with the first two characters of a name (王建:
#                        about 1/460 of heads and students); every role;
#                        target < 10 ms
#   name1 <role>         / with one character (a surname: 1/20); reported
#   household_no super   / with a household number, demo_supervisor
#   masked super         / with a masked ID number as the supervisor sees
#                        it (visible digits: 420325********1234)
#   queue search <role>  eduaid.review_queue(p_search => '王建')
#   report_* <role>      every report of 2026 as demo_supervisor (the
#                        county) and demo_officer; target < 300 ms
# Reference (the third column): the same statement as the superuser (no
# row-level security) with the caller's townships as a literal list -- the
# table owner's ideal path; for the queue and the reports the same call as
# the superuser bypassing RLS is not the same statement (a superuser has no
# queue, sees every county), so their reference is "-".
#
# Output: a table on stdout, and for each figure a machine-readable line
#   name<TAB>eduaid_ms<TAB>reference_ms
# prefixed "FIGURE\t" (grep '^FIGURE' | cut -f2-). With BENCH_TSV set
# (tests/bench/table.sh, `make bench`) each figure's runs are appended
# there too (tests/bench/lib.sh: bench_pairs, bench_runs), measured again
# for the table. Exit status 1 when a
# target is missed, 2 when the benchmark could not run.
set -euo pipefail

RUNS=${RUNS:-11}
WARMUP=${WARMUP:-3}
SCALE=${SCALE:-1}
CASES=${CASES:-.}
CASE_TIMEOUT=${CASE_TIMEOUT:-120}
keep=0
plans=0
reuse=
while (($#)); do
	case $1 in
	--keep) keep=1 ;;
	--plans) plans=1 ;;
	--reuse)
		reuse=${2:?--reuse needs a directory}
		shift
		;;
	-h | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	*)
		printf 'search.sh: unknown argument %s (try --help)\n' "$1" >&2
		exit 2
		;;
	esac
	shift
done
top_srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$top_srcdir/tests/bench/lib.sh"

# bench_reuse DIR: the kept cluster of an earlier run, migrated again.
bench_reuse() {
	bench_name=search.sh
	work=$1
	keep=1
	unset PGHOSTADDR PGSERVICE PGOPTIONS PGUSER PGPASSWORD PGDATABASE PGTZ PGAPPNAME
	export PGCLIENTENCODING=UTF8
	cluster_start "$work/pg" >/dev/null || exit 2
	su=$(cluster_superuser)
	export PGHOST PGPORT=$CLUSTER_PORT PGDATABASE=eduaid
	PGHOST=$(cluster_sockdir "$work/pg")
	say "search.sh: reusing $work; migrating"
	PGUSER=$su "$top_srcdir/sql/migrate.sh" >"$work/migrate.log" 2>&1 || {
		cat "$work/migrate.log" >&2
		exit 2
	}
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

H=$(awk -v s="$SCALE" 'BEGIN { printf "%d", 1000000 * s }')
if [[ -n $reuse ]]; then
	bench_reuse "$reuse"
	H=$(sql -A -t -c 'SELECT max(id) FROM eduaid.household WHERE id < 10000000')
else
	bench_start search.sh
	# shellcheck source-path=SCRIPTDIR source=search_data.sh
	. "$top_srcdir/tests/bench/search_data.sh"
	search_generate "$H"
fi
sql -c "SELECT (SELECT count(*) FROM eduaid.household) AS households,
               (SELECT count(*) FROM eduaid.student) AS students,
               (SELECT count(*) FROM eduaid.student_year) AS year_rows,
               (SELECT count(*) FROM eduaid.student_subsidy) AS subsidies,
               pg_size_pretty(pg_database_size('eduaid')) AS database" >&2

# ---- the cases -------------------------------------------------------------
# household_search TEXT [TOWNSHIPS [MASKED]]: the statement record_list_page
# sends for the household form's `/` TEXT (first page, 50 rows), as a
# reader of ID numbers, or (MASKED=1) as a supervisor (no ID number
# columns; the masked twins searched with the visible digits); TOWNSHIPS:
# a literal list for the reference (the superuser).
# shellcheck disable=SC2016 # (the quotes are SQL's, inside double quotes)
household_search() {
	local t=$1 towns=${2:-} masked=${3:-0} q idterm
	t=${t//\'/\'\'}
	if ((masked)); then
		idterm="r.head_id_number_masked = eduaid.search_masked_id('$t')
		     OR r.id = ANY (ARRAY(SELECT g.household_id FROM eduaid.student g
		                           WHERE g.id_number_masked = eduaid.search_masked_id('$t')))"
	else
		idterm="r.head_id_number = upper('$t')
		     OR r.id = ANY (ARRAY(SELECT g.household_id FROM eduaid.student g
		                           WHERE g.id_number = upper('$t')${towns:+ AND g.township_id = ANY ('$towns')}))"
	fi
	q="SELECT r.id, r.version, r.status, t.name AS township,
	       to_char(r.updated_at, 'YYYY-MM-DD HH24:MI:SS.USOF') AS updated_at,
	       r.household_no, r.head_name, r.head_id_number_masked, l0.name AS village_id
	  FROM eduaid.household r JOIN eduaid.township t ON t.id = r.township_id
	  LEFT JOIN eduaid.village l0 ON l0.id = r.village_id
	 WHERE true${towns:+ AND r.township_id = ANY ('$towns')} AND (
	       (r.head_name COLLATE \"C\" >= '$t' AND r.head_name COLLATE \"C\" < '$t' || chr(1114111))
	    OR r.household_no = upper('$t')
	    OR $idterm
	    OR r.village_id = ANY (ARRAY(SELECT l.id FROM eduaid.village l
	                                  WHERE l.name COLLATE \"C\" >= '$t' AND l.name COLLATE \"C\" < '$t' || chr(1114111)))
	    OR r.id = ANY (ARRAY(SELECT g.household_id FROM eduaid.student g
	                          WHERE g.name COLLATE \"C\" >= '$t' AND g.name COLLATE \"C\" < '$t' || chr(1114111)${towns:+ AND g.township_id = ANY ('$towns')})))
	 ORDER BY r.updated_at DESC, r.id DESC LIMIT 50"
	printf '%s' "$q"
}
# towns_of WHO: the townships of WHO as an array literal
towns_of() {
	sql -A -t -c "SELECT coalesce((SELECT array_agg(a.township_id ORDER BY 1) FROM eduaid.app_user_township a
	        WHERE a.login = u.login AND u.role IN ('clerk', 'officer')),
	        (SELECT array_agg(t.id ORDER BY 1) FROM eduaid.township t WHERE t.county_id = 420325))
	        FROM eduaid.app_user u WHERE u.login = '$1'"
}

status=0
figures=()
lines=()
# measure NAME TARGET WHO SQL [REF_SQL]: one figure; REF_SQL run as the
# superuser (omitted: no reference); a miss of TARGET (ms, 0: none) marked
measure() {
	local name=$1 target=$2 who=$3 q=$4 ref=${5:-} e r='-' verdict=''
	[[ $name =~ $CASES ]] || return 0
	say "search.sh: $name"
	if ! e=$(PGOPTIONS="-c statement_timeout=${CASE_TIMEOUT}s" median_ms "$who" "$q" 2>/dev/null); then
		e=timeout
		lines+=("$(printf '%-28s %10s %10s  %s' "$name" "$e" "$r" "MISSED (over ${CASE_TIMEOUT} s)")")
		figures+=("$(printf 'FIGURE\t%s\t%s\t%s' "$name" "$e" "$r")")
		status=1
		return 0
	fi
	if [[ -n $ref ]]; then
		r=$(median_ms "$su" "$ref") || exit 2
	fi
	if [[ $target != 0 ]] && awk -v a="$e" -v t="$target" 'BEGIN { exit !(a >= t) }'; then
		verdict="MISSED (< $target ms)"
		status=1
		say "---- $name: over its target; the plan as $who"
		PGOPTIONS="-c statement_timeout=${CASE_TIMEOUT}s" \
			sql_as "$who" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $q" >&2 || true
	elif [[ $target != 0 ]]; then
		verdict="ok (< $target ms)"
	fi
	lines+=("$(printf '%-28s %10s %10s  %s' "$name" "$e" "$r" "$verdict")")
	say "${lines[-1]}"
	figures+=("$(printf 'FIGURE\t%s\t%s\t%s' "$name" "$e" "$r")")
	emit_runs "$name" "$target" "$who" "$q" "$ref"
}
# emit_runs NAME TARGET WHO SQL [REF_SQL]: the runs of one figure for `make
# bench`'s table (tests/bench/table.sh; nothing without BENCH_TSV): SQL as
# WHO paired run by run with REF_SQL as the superuser, or alone
emit_runs() {
	local fig="$1, $H households" target=$2
	[[ $target == 0 ]] && target=''
	if [[ -n ${5:-} ]]; then
		PGOPTIONS="-c statement_timeout=${CASE_TIMEOUT}s" bench_pairs "$fig" \
			"same statement, superuser, no RLS" "$3" "$4" "$su" "$5" "$target" || true
	else
		PGOPTIONS="-c statement_timeout=${CASE_TIMEOUT}s" bench_runs "$fig" "$3" "$4" "$target" || true
	fi
}

# a student's ID number and a household number of 城关镇 (township k = 0)
idno=$(sql -A -t -c "SELECT s.id_number FROM eduaid.student s WHERE s.township_id = 420325100 ORDER BY s.id LIMIT 1 OFFSET 77")
hno=$(sql -A -t -c "SELECT h.household_no FROM eduaid.household h WHERE h.township_id = 420325100 ORDER BY h.id LIMIT 1 OFFSET 77")
mask=$(sql -A -t -c "SELECT eduaid.mask_id_number('$idno')")
for who in demo_clerk demo_officer; do
	towns=$(towns_of "$who")
	if ((plans)); then
		for t in "$idno" 王建; do
			say "---- $who: / $t"
			sql_as "$who" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $(household_search "$t")" >&2
		done
	fi
	measure "search id ${who#demo_}" 2 "$who" "$(household_search "$idno")" "$(household_search "$idno" "$towns")"
	measure "search name2 ${who#demo_}" 10 "$who" "$(household_search 王建)" "$(household_search 王建 "$towns")"
	measure "search name1 ${who#demo_}" 0 "$who" "$(household_search 王)" "$(household_search 王 "$towns")"
done
who=demo_supervisor
towns=$(towns_of "$who")
measure "search name2 supervisor" 10 "$who" "$(household_search 王建 '' 1)" "$(household_search 王建 "$towns" 1)"
measure "search name1 supervisor" 0 "$who" "$(household_search 王 '' 1)" "$(household_search 王 "$towns" 1)"
measure "search household_no super" 10 "$who" "$(household_search "$hno" '' 1)" "$(household_search "$hno" "$towns" 1)"
measure "search masked supervisor" 10 "$who" "$(household_search "$mask" '' 1)" "$(household_search "$mask" "$towns" 1)"
for who in demo_officer demo_supervisor; do
	measure "queue search ${who#demo_}" 10 "$who" "SELECT * FROM eduaid.review_queue(p_search => '王建', p_limit => 50)"
done
for r in subsidy nutrition schooling special_ed training teacher_fund; do
	for who in demo_supervisor demo_officer; do
		measure "report_$r ${who#demo_}" 300 "$who" "SELECT * FROM eduaid.report_$r(2026)"
	done
done

printf '\nsearch and reports at %s households: server time, median of %d runs after %d\n' "$H" "$RUNS" "$WARMUP"
printf 'reference: the superuser (no RLS) naming the same townships literally\n'
printf '%-28s %10s %10s\n' case 'eduaid ms' 'ref ms'
printf '%s\n' "${lines[@]}"
printf '%s\n' "${figures[@]}"
exit "$status"
