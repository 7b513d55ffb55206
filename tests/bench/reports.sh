#!/usr/bin/env bash
# tests/bench/reports.sh: is each report fast enough at a province's scale?
#
# Usage: tests/bench/reports.sh [--keep]
#   --keep   leave the cluster running afterwards (it prints how to reach
#            and remove it); by default it is destroyed on exit
# Environment: RUNS (measured runs per case, default 7), WARMUP (runs
# before measuring, default 2), TMPDIR.
#
# Steps: a throwaway cluster (tools/lib/cluster.sh, --fast: fsync and JIT
# off); sql/migrate.sh; sql/data/reference.sql and users.sql (not the demo
# records); then, across the 20 townships of 房县: 700,000 households,
# 2,000,000 students (1% disabled), each household's record of school year
# 2026 (household_year, in the workflow's states as the other records) with
# a year row per student (student_year: stages, boarding, schooling status,
# meals and leavers spread by a hash), their grants in those records
# (student_subsidy: every entitlement of eduaid.entitled_programs granted
# but one in ten), 20,000 special-education plans (for 80% of the
# disabled children), 200,000 training enrollments starting in 2026-27,
# 25,000 teachers with 50,000 fund applications -- INSERT ... SELECT
# generate_series as the superuser with session_replication_role = replica
# (no triggers), in parallel chunks, deterministic; ID numbers valid and
# unique (check character computed in SQL); 56% of the records approved;
# then the subsidy tally counted from scratch (eduaid.report_tally_rebuild,
# timed) and VACUUM ANALYZE.
#
# Cases: every report of sql/014_reports.sql for 2026, as demo_supervisor
# (the county, 20 townships) and demo_officer (城关镇, 1/20 of the rows);
# the missing-subsidy list as the screen asks for it, in keyset pages of 200
# lines: the first page, the next one (after line 200), one from the middle
# (after half the list), and the supervisor's list of 城关镇 alone (the
# officer column: his page 2 of it); beside it, the clerk's 应享未享 working
# list (eduaid.aid_missing: the same entitlements over the records of every
# state) in the same pages, the county's as the supervisor. Time is the
# server's: EXPLAIN
# (ANALYZE, FORMAT JSON) "Execution Time", the median of RUNS runs in one
# session after WARMUP runs. Target: under 1000 ms each. Then, without a
# target (an export of every line, not a screen): the whole list in one
# query (server time, median of 3 after 1), the whole working list
# likewise, and `eduaid report
# subsidy_missing -o FILE` (wall clock, median of 3; only when the client is
# built in the source tree or $top_builddir). Exit status 1 when a target
# is missed, 2 when the benchmark could not run.
set -euo pipefail

RUNS=${RUNS:-7}
WARMUP=${WARMUP:-2}
keep=0
for arg in "$@"; do
	case $arg in
	--keep) keep=1 ;;
	-h | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	*)
		printf 'reports.sh: unknown argument %s (try --help)\n' "$arg" >&2
		exit 2
		;;
	esac
done
top_srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$top_srcdir/tests/bench/lib.sh"
bench_start reports.sh
t0=$(date +%s)
# ---- 2,000,000 students ----------------------------------------------------
say "reports.sh: generating 2,000,000 students and their records ($(nproc) at a time)"
sql -f "$top_srcdir/tests/bench/generate.sql"
sql <<'SQL'
SET client_min_messages = warning;

-- Loading is faster without the secondary indexes: keep their definitions,
-- drop them, make them again once the rows are in (unique indexes stay).
CREATE TABLE bench.idx AS
SELECT c.relname::text AS name, pg_get_indexdef(i.indexrelid) AS def
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid IN ('eduaid.household'::regclass, 'eduaid.student'::regclass,
                      'eduaid.household_year'::regclass, 'eduaid.student_year'::regclass,
                      'eduaid.student_subsidy'::regclass, 'eduaid.training_enrollment'::regclass,
                      'eduaid.special_ed_plan'::regclass, 'eduaid.teacher'::regclass,
                      'eduaid.teacher_fund_application'::regclass)
   AND NOT i.indisunique;
DO $$
DECLARE
    n text;
BEGIN
    FOR n IN SELECT name FROM bench.idx LOOP
        EXECUTE format('DROP INDEX eduaid.%I', n);
    END LOOP;
END
$$;
SQL

# One INSERT per kind, over rows :lo .. :hi (psql variables).
cat >"$work/household.sql" <<'SQL'
-- household n is in township n % 20: 35,000 a township
INSERT INTO eduaid.household (id, township_id, status, created_by, editors, created_at,
    updated_by, updated_at, submitted_by, submitted_at, verified_by, verified_at,
    approved_by, approved_at, rejected_by, rejected_at, reason,
    household_no, village_id, head_name, head_id_number, registered_year, family_size)
OVERRIDING SYSTEM VALUE
SELECT n, tw.id, w.status, w.created_by, w.editors, w.created_at, w.created_by, w.updated_at,
       w.submitted_by, w.submitted_at, w.verified_by, w.verified_at, w.approved_by,
       w.approved_at, w.rejected_by, w.rejected_at, w.reason,
       'BH' || lpad(n::text, 8, '0'), tw.villages[1 + n % cardinality(tw.villages)],
       bench.pname(n), i.idno, 2016, 1 + n % 8
  FROM generate_series(:lo, :hi) AS n
  JOIN bench.tw ON tw.k = n % 20
 CROSS JOIN LATERAL bench.idno('1950-01-01', n) AS i
 CROSS JOIN LATERAL bench.wf(10, n, tw.clerk, tw.officer) AS w;
SQL
cat >"$work/student.sql" <<'SQL'
-- student m is a member of household (m - 1) % 700000 + 1 (three members in
-- the first 600,000 households, two in the rest), born 2010-2015
INSERT INTO eduaid.student (id, township_id, household_id, name, id_number, sex, birth_date,
    disability_type, disability_grade, created_by, updated_by)
OVERRIDING SYSTEM VALUE
SELECT m, tw.id, x.h, bench.pname(m + 11), i.idno, i.sex, i.birth,
       CASE WHEN m % 100 = 0 THEN 'hearing' END, CASE WHEN m % 100 = 0 THEN 2 END,
       tw.clerk, tw.clerk
  FROM generate_series(:lo, :hi) AS m
 CROSS JOIN LATERAL (SELECT (m - 1) % 700000 + 1 AS h) AS x
  JOIN bench.tw ON tw.k = x.h % 20
 CROSS JOIN LATERAL bench.idno('2010-01-01', m) AS i;
SQL
cat >"$work/household_year.sql" <<'SQL'
-- household n's record of 2026 (id n), in a workflow state of its own
INSERT INTO eduaid.household_year (id, township_id, status, created_by, editors, created_at,
    updated_by, updated_at, submitted_by, submitted_at, verified_by, verified_at,
    approved_by, approved_at, rejected_by, rejected_at, reason,
    household_id, school_year, poverty_status)
OVERRIDING SYSTEM VALUE
SELECT n, tw.id, w.status, w.created_by, w.editors, w.created_at, w.created_by, w.updated_at,
       w.submitted_by, w.submitted_at, w.verified_by, w.verified_at, w.approved_by,
       w.approved_at, w.rejected_by, w.rejected_at, w.reason,
       n, 2026, CASE WHEN n % 10 < 7 THEN 'poor' ELSE 'lifted' END
  FROM generate_series(:lo, :hi) AS n
  JOIN bench.tw ON tw.k = n % 20
 CROSS JOIN LATERAL bench.wf(15, n, tw.clerk, tw.officer) AS w;
SQL
cat >"$work/student_year.sql" <<'SQL'
-- student m's row of 2026 in his household's record: stage, boarding (30%
-- of primary and junior), schooling status (94% enrolled), meal (90%),
-- left school during the year (1%)
INSERT INTO eduaid.student_year (township_id, household_year_id, household_id, school_year,
    student_id, stage, school_id, grade, boarding, schooling_status, nutrition_meal,
    left_school, created_by, updated_by)
SELECT tw.id, x.h, x.h, 2026, m, x.stage, CASE WHEN x.stage <> 'none' THEN tw.school END, NULL,
       x.stage IN ('primary', 'junior') AND x.g % 10 < 3,
       CASE WHEN x.g % 100 < 94 THEN 'enrolled' WHEN x.g % 100 < 96 THEN 'dropped_out'
            WHEN x.g % 100 < 97 THEN 'suspended' ELSE 'not_enrolled' END,
       x.g % 10 <> 0, bench.g(52, m) % 100 = 0, tw.clerk, tw.clerk
  FROM generate_series(:lo, :hi) AS m
 CROSS JOIN LATERAL (
       SELECT (m - 1) % 700000 + 1 AS h, bench.g(50, m) AS g,
              CASE WHEN bench.g(51, m) % 100 < 10 THEN 'preschool'
                   WHEN bench.g(51, m) % 100 < 50 THEN 'primary'
                   WHEN bench.g(51, m) % 100 < 75 THEN 'junior'
                   WHEN bench.g(51, m) % 100 < 87 THEN 'senior_high'
                   WHEN bench.g(51, m) % 100 < 93 THEN 'secondary_vocational'
                   WHEN bench.g(51, m) % 100 < 98 THEN 'college'
                   ELSE 'none' END AS stage) AS x
  JOIN bench.tw ON tw.k = x.h % 20;
SQL
cat >"$work/subsidy.sql" <<'SQL'
-- every entitlement of the year rows of students :lo .. :hi granted in
-- their record of 2026, but one in ten
INSERT INTO eduaid.student_subsidy (township_id, household_year_id, household_id, student_id,
                                    school_year, program, amount, created_by, updated_by)
SELECT sy.township_id, sy.household_year_id, sy.household_id, sy.student_id, 2026, p.program,
       500, 'demo_clerk', 'demo_clerk'
  FROM eduaid.student_year sy
 CROSS JOIN LATERAL unnest(eduaid.entitled_programs(sy.stage, sy.boarding, sy.schooling_status,
                                                    sy.left_school)) WITH ORDINALITY AS p (program, k)
 WHERE sy.student_id BETWEEN :lo AND :hi AND sy.school_year = 2026
   AND bench.g(60 + p.k::int, sy.student_id::int) % 10 <> 0;
SQL
cat >"$work/special_ed.sql" <<'SQL'
-- a plan for 80% of the disabled students (student 100n), placed at 7
INSERT INTO eduaid.special_ed_plan (id, township_id, status, created_by, editors, created_at,
    updated_by, updated_at, submitted_by, submitted_at, verified_by, verified_at,
    approved_by, approved_at, rejected_by, rejected_at, reason,
    household_id, child_name, child_id_number, child_sex, child_birth_date,
    disability_type, disability_grade, placement, school_id, placed_on)
OVERRIDING SYSTEM VALUE
SELECT n, st.township_id, w.status, w.created_by, w.editors, w.created_at, w.created_by,
       w.updated_at, w.submitted_by, w.submitted_at, w.verified_by, w.verified_at,
       w.approved_by, w.approved_at, w.rejected_by, w.rejected_at, w.reason,
       st.household_id, st.name, st.id_number, st.sex, st.birth_date, 'hearing', 2,
       (ARRAY['special_school', 'regular_class', 'special_class'])[1 + n % 3], tw.school,
       (st.birth_date + interval '7 years')::date
  FROM generate_series(:lo, :hi) AS n
  JOIN eduaid.student st ON st.id = 100 * n
  JOIN bench.tw ON tw.id = st.township_id
 CROSS JOIN LATERAL bench.wf(30, n, tw.clerk, tw.officer) AS w
 WHERE n % 5 <> 0;
SQL
cat >"$work/training.sql" <<'SQL'
-- enrollment n is of household 3n, starting in October 2026
INSERT INTO eduaid.training_enrollment (id, township_id, status, created_by, editors, created_at,
    updated_by, updated_at, submitted_by, submitted_at, verified_by, verified_at,
    approved_by, approved_at, rejected_by, rejected_at, reason,
    household_id, trainee_name, trainee_id_number, trainee_sex, trainee_birth_date,
    trainee_type, course_id, provider_school_id, batch, start_date, completed,
    employment_outcome)
OVERRIDING SYSTEM VALUE
SELECT n, tw.id, w.status, w.created_by, w.editors, w.created_at, w.created_by, w.updated_at,
       w.submitted_by, w.submitted_at, w.verified_by, w.verified_at, w.approved_by,
       w.approved_at, w.rejected_by, w.rejected_at, w.reason,
       3 * n, bench.pname(n + 3), i.idno, i.sex, i.birth, 'poor_labor',
       (SELECT min(c.id) FROM eduaid.training_course c) + n % 9,
       (SELECT min(s.id) FROM eduaid.school s WHERE s.kind = 'vocational'),
       '2026-2', date '2026-10-01', n % 2 = 0,
       (ARRAY['pending', 'employed', 'self_employed', 'entrepreneur', 'further_study', 'unemployed'])[1 + n % 6]
  FROM generate_series(:lo, :hi) AS n
  JOIN bench.tw ON tw.k = (3 * n) % 20
 CROSS JOIN LATERAL bench.idno('1990-01-01', n) AS i
 CROSS JOIN LATERAL bench.wf(20, n, tw.clerk, tw.officer) AS w;
SQL
cat >"$work/teacher.sql" <<'SQL'
-- teacher n is in township n % 20, at its central primary school
INSERT INTO eduaid.teacher (id, township_id, school_id, name, id_number, sex, birth_date,
                            rural_years, created_by, updated_by)
OVERRIDING SYSTEM VALUE
SELECT n, tw.id, tw.school, bench.pname(n + 7), i.idno, i.sex, i.birth, 10, tw.clerk, tw.clerk
  FROM generate_series(:lo, :hi) AS n
  JOIN bench.tw ON tw.k = n % 20
 CROSS JOIN LATERAL bench.idno('1975-01-01', n) AS i;
SQL
cat >"$work/teacher_fund.sql" <<'SQL'
-- two applications a teacher: 励耕计划 (n <= 25,000) and 润雨计划
INSERT INTO eduaid.teacher_fund_application (id, township_id, status, created_by, editors,
    created_at, updated_by, updated_at, submitted_by, submitted_at, verified_by, verified_at,
    approved_by, approved_at, rejected_by, rejected_at, reason,
    teacher_id, program_id, school_year, reason_category, reason_text, amount_requested,
    amount_approved, bank_name, bank_account)
OVERRIDING SYSTEM VALUE
SELECT n, tw.id, w.status, w.created_by, w.editors, w.created_at, w.created_by, w.updated_at,
       w.submitted_by, w.submitted_at, w.verified_by, w.verified_at, w.approved_by,
       w.approved_at, w.rejected_by, w.rejected_at, w.reason,
       t.t, CASE WHEN n <= 25000 THEN p.ligeng ELSE p.runyu END,
       2026, 'family_hardship', '家庭困难', 3000 + (n % 50) * 100,
       CASE WHEN w.status = 'approved' THEN 3000 END,
       '中国农业银行', '62284800' || lpad(n::text, 11, '0')
  FROM generate_series(:lo, :hi) AS n
 CROSS JOIN LATERAL (SELECT (n - 1) % 25000 + 1 AS t) AS t
  JOIN bench.tw ON tw.k = t.t % 20
 CROSS JOIN (SELECT (SELECT f.id FROM eduaid.fund_program f WHERE f.code = 'ligeng') AS ligeng,
                    (SELECT f.id FROM eduaid.fund_program f WHERE f.code = 'runyu') AS runyu) AS p
 CROSS JOIN LATERAL bench.wf(40, n, tw.clerk, tw.officer) AS w;
SQL

# run_jobs: each line of stdin "kind lo hi", nproc at a time.
run_jobs() {
	# shellcheck disable=SC2016
	xargs -P "$(nproc)" -L 1 bash -c \
		'psql -X -q -v ON_ERROR_STOP=1 -U "$su" -v lo="$1" -v hi="$2" \
		      -c "SET session_replication_role = replica" -f "$work/$0.sql"'
}
export work su
# households and teachers first (the others point at them), then students,
# then what points at students
if ! {
	for ((lo = 1; lo <= 700000; lo += 100000)); do
		echo "household $lo $((lo + 99999))"
	done
	echo "teacher 1 25000"
} | run_jobs; then
	say "reports.sh: generating households failed"
	exit 2
fi
if ! {
	for ((lo = 1; lo <= 2000000; lo += 200000)); do
		echo "student $lo $((lo + 199999))"
	done
	for ((lo = 1; lo <= 700000; lo += 100000)); do
		echo "household_year $lo $((lo + 99999))"
	done
} | run_jobs; then
	say "reports.sh: generating students and year records failed"
	exit 2
fi
if ! for ((lo = 1; lo <= 2000000; lo += 200000)); do
	echo "student_year $lo $((lo + 199999))"
done | run_jobs; then
	say "reports.sh: generating the students' year rows failed"
	exit 2
fi
if ! {
	for ((lo = 1; lo <= 2000000; lo += 250000)); do
		echo "subsidy $lo $((lo + 249999))"
	done
	echo "special_ed 1 20000"
	echo "training 1 100000"
	echo "training 100001 200000"
	echo "teacher_fund 1 50000"
} | run_jobs; then
	say "reports.sh: generating the records of students failed"
	exit 2
fi
sql <<'SQL'
SET client_min_messages = warning;
SELECT setval(pg_get_serial_sequence('eduaid.' || t, 'id'), 10000000)
  FROM unnest('{household,student,household_year,teacher,training_enrollment,special_ed_plan,teacher_fund_application}'::text[]) AS t
\g /dev/null
SET maintenance_work_mem = '256MB';
DO $$
DECLARE
    d text;
BEGIN
    FOR d IN SELECT def FROM bench.idx LOOP
        EXECUTE d;
    END LOOP;
END
$$;
DROP SCHEMA bench CASCADE;
-- loaded with triggers off: the subsidy tally (sql/014_reports.sql) counted
-- from scratch, timed
\timing on
SELECT eduaid.report_tally_rebuild() AS tally_rows;
-- and the county registry of ID numbers and household numbers
-- (sql/017_registry.sql)
SELECT eduaid.registry_rebuild() AS registry_rows;
\timing off
VACUUM ANALYZE;
SQL
say "reports.sh: data ready in $(($(date +%s) - t0)) s"
sql -c "SELECT (SELECT count(*) FROM eduaid.household) AS households,
               (SELECT count(*) FROM eduaid.student) AS students,
               (SELECT count(*) FROM eduaid.household_year) AS year_records,
               (SELECT count(*) FROM eduaid.student_year) AS year_rows,
               (SELECT count(*) FROM eduaid.student_subsidy) AS subsidies,
               (SELECT count(*) FROM eduaid.special_ed_plan) AS plans,
               (SELECT count(*) FROM eduaid.training_enrollment) AS training,
               (SELECT count(*) FROM eduaid.teacher_fund_application) AS funds" >&2

# ---- the cases -------------------------------------------------------------

status=0
# row LABEL SUPERVISOR-SQL OFFICER-SQL: one line of the table, a miss marked
row() {
	local label=$1 who q ms line
	line=$(printf '%-26s' "$label")
	shift
	for who in demo_supervisor demo_officer; do
		q=$1
		shift
		if ! ms=$(median_ms "$who" "$q"); then
			say "reports.sh: $label as $who failed"
			exit 2
		fi
		line+=$(printf ' %12s' "$ms")
		bench_runs "report $label, ${who#demo_}" "$who" "$q" 300
		if awk -v a="$ms" 'BEGIN { exit !(a >= 1000) }'; then
			line+=' MISSED'
			status=1
		fi
	done
	printf '%s\n' "$line"
}
# key WHO N [TOWNSHIP [LIST]]: the key of line N of WHO's missing list (of
# TOWNSHIP, or all WHO may see), as the arguments p_after_township ..
# p_after_program of eduaid.report_subsidy_missing (LIST aid_missing: of
# the working list, the same arguments)
key() {
	local k
	k=$(sql_as "$1" -A -t -c "SELECT format('%s, %L, %s, %L', township_id, household_no, student_id, program)
	      FROM eduaid.${4:-report_subsidy_missing}(2026, ${3:-NULL}, NULL, NULL, NULL, NULL, $2) OFFSET $2 - 1") &&
		[[ -n $k ]] || {
		say "reports.sh: no line $2 in the missing list of $1"
		exit 2
	}
	printf '%s' "$k"
}
# half WHO: half the lines of WHO's missing list (the subsidy report's
# Missing total: the tally)
half() {
	sql_as "$1" -A -t -c "SELECT missing / 2 FROM eduaid.report_subsidy(2026) WHERE township_id IS NULL AND item IS NULL"
}
mid_sup=$(half demo_supervisor)
mid_off=$(half demo_officer)
m='eduaid.report_subsidy_missing(2026'
printf '%-26s %12s %12s\n' report 'county ms' 'officer ms'
for r in subsidy nutrition schooling special_ed training teacher_fund; do
	row "$r" "SELECT * FROM eduaid.report_$r(2026)" "SELECT * FROM eduaid.report_$r(2026)"
done
# The missing list as the screen asks for it: pages of 200 lines, the first,
# the one after it, one from the middle of the list (after line half);
# "township" is the supervisor's list of one township (Enter on 城关镇).
row 'subsidy_missing page 1' \
	"SELECT * FROM $m, NULL, NULL, NULL, NULL, NULL, 200)" \
	"SELECT * FROM $m, NULL, NULL, NULL, NULL, NULL, 200)"
row 'subsidy_missing page 2' \
	"SELECT * FROM $m, NULL, $(key demo_supervisor 200), 200)" \
	"SELECT * FROM $m, NULL, $(key demo_officer 200), 200)"
row 'subsidy_missing mid page' \
	"SELECT * FROM $m, NULL, $(key demo_supervisor "$mid_sup"), 200)" \
	"SELECT * FROM $m, NULL, $(key demo_officer "$mid_off"), 200)"
row 'subsidy_missing township' \
	"SELECT * FROM $m, 420325100, NULL, NULL, NULL, NULL, 200)" \
	"SELECT * FROM $m, 420325100, $(key demo_officer 200 420325100), 200)"
# The 应享未享 working list (the records of every state) in the same pages:
# the county's as the supervisor (a county role), 城关镇's.
a='eduaid.aid_missing(2026'
row 'aid_missing page 1' \
	"SELECT * FROM $a, NULL, NULL, NULL, NULL, NULL, 200)" \
	"SELECT * FROM $a, NULL, NULL, NULL, NULL, NULL, 200)"
row 'aid_missing page 2' \
	"SELECT * FROM $a, NULL, $(key demo_supervisor 200 NULL aid_missing), 200)" \
	"SELECT * FROM $a, NULL, $(key demo_officer 200 NULL aid_missing), 200)"
row 'aid_missing township' \
	"SELECT * FROM $a, 420325100, NULL, NULL, NULL, NULL, 200)" \
	"SELECT * FROM $a, 420325100, $(key demo_officer 200 420325100 aid_missing), 200)"
say "reports.sh: $RUNS runs each after $WARMUP, median of the server's execution time; target < 1000 ms"

# The whole list as an export (a file of every line, not a screen: no
# target): the server's time for the unpaged function, and the wall-clock
# time of `eduaid report subsidy_missing -o FILE` (a cursor over the whole
# list, fetched 5,000 lines at a time) when the client is built, median of 3.
printf '\n%-26s %12s %12s\n' 'export (no target)' 'county ms' 'officer ms'
for q in "$m" "$a"; do
	line=$(printf '%-26s' "whole ${q#eduaid.}), server")
	for who in demo_supervisor demo_officer; do
		ms=$(RUNS=3 WARMUP=1 median_ms "$who" "SELECT * FROM $q)") || exit 2
		line+=$(printf ' %12s' "$ms")
	done
	printf '%s\n' "$line"
done
say "reports.sh: the lists hold $(sql_as demo_supervisor -A -t -c "SELECT (SELECT count(*) FROM $m)) || ' lines (report, county) and ' || (SELECT count(*) FROM $a)) || ' (working list, county)'")"
bin=${top_builddir:-$top_srcdir}/eduaid
if [[ -x $bin ]]; then
	line=$(printf '%-26s' 'eduaid report, wall')
	for who in demo_supervisor demo_officer; do
		: >"$work/wall"
		for i in 1 2 3; do
			t=$(date +%s%N)
			if ! "$bin" -U "$who" report subsidy_missing --year 2026 -o "$work/missing-$who.csv"; then
				say "reports.sh: eduaid report subsidy_missing as $who failed"
				exit 2
			fi
			echo $((($(date +%s%N) - t) / 1000000)) >>"$work/wall"
		done
		line+=$(printf ' %12s' "$(sort -n "$work/wall" | sed -n 2p)")
	done
	printf '%s\n' "$line"
	say "reports.sh: the exported lists hold $(($(wc -l <"$work/missing-demo_supervisor.csv") - 1)) lines (county)" \
		"and $(($(wc -l <"$work/missing-demo_officer.csv") - 1)) (城关镇)"
else
	say "reports.sh: $bin not built: the export through the client is not timed"
fi
exit "$status"
