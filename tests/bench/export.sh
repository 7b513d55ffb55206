#!/usr/bin/env bash
# tests/bench/export.sh: does `eduaid export` read a county in constant
# memory, and how fast, against psql's \copy of the same rows?
#
# Usage: tests/bench/export.sh [HOUSEHOLDS]   (default 300000)
# Environment: TMPDIR; top_builddir (where eduaid is built, default the
# source tree).
#
# Steps: a throwaway cluster (tools/lib/cluster.sh, --fast); sql/migrate.sh;
# sql/data/reference.sql and users.sql; HOUSEHOLDS households spread over
# the 20 townships of 房县, each with one member (valid, unique ID numbers),
# inserted by the superuser with session_replication_role = replica (no
# triggers: no audit of the generation itself); VACUUM ANALYZE.
#
# Cases, each timed once after a warm-up run, as demo_supervisor (the whole
# county, under RLS, masked) and demo_officer (城关镇):
#   eduaid export household FILE            (UTF-8 with BOM)
#   eduaid export household --encoding gb18030 FILE
#   psql \copy (the same household-member join, masked) TO FILE CSV,
#   as the same login: the baseline
# Reported: wall time, rows, and the client's peak memory (max RSS from
# /usr/bin/time). Target: eduaid's peak memory under 32 MB whatever the
# row count (a cursor page is 1,000 rows), checked by also exporting a
# tenth of the rows (one township); exit 1 when it is missed, 2 when the
# benchmark could not run.
set -euo pipefail

N=${1:-300000}
top_srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=${top_builddir:-$top_srcdir}/eduaid
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$top_srcdir/tests/bench/lib.sh"
[[ -x $bin ]] || {
	echo "export.sh: build eduaid first ($bin)" >&2
	exit 2
}
[[ -x /usr/bin/time ]] || {
	echo "export.sh: /usr/bin/time is needed (apt-get install time)" >&2
	exit 2
}

bench_start export.sh
say "export.sh: loading $N households with a member each"
sql -v n="$N" <<'SQL'
SET client_min_messages = warning;
SET session_replication_role = replica;
CREATE SCHEMA bench;
CREATE TABLE bench.tw AS
SELECT (row_number() OVER (ORDER BY t.id) - 1)::int AS k, t.id,
       (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = t.id) AS village,
       (SELECT min(s.id) FROM eduaid.school s WHERE s.township_id = t.id AND s.kind = 'primary') AS school
  FROM eduaid.township t WHERE t.county_id = 420325;
-- ID number i of the people born from first on (1,000 a day): 420325,
-- the birth date, a sequence 000-999, the check character
CREATE FUNCTION bench.full_id(first date, i int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT p || eduaid.id_check_digit(p)
  FROM (SELECT '420325' || to_char(first + i / 1000, 'YYYYMMDD') || lpad((i % 1000)::text, 3, '0')) AS x(p)
$$;
INSERT INTO eduaid.household (id, township_id, status, household_no, village_id, head_name,
                              head_id_number, registered_year, family_size, address)
OVERRIDING SYSTEM VALUE
SELECT n, tw.id, 'approved', 'BE' || lpad(n::text, 8, '0'), tw.village, '王建' || n % 97,
       bench.full_id('1950-01-01', n), 2016, 1 + n % 8, '某村,' || n % 13 || '组'
  FROM generate_series(1, :n) AS n JOIN bench.tw ON tw.k = n % 20;
INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date,
                            relation)
SELECT h.township_id, h.id, '王小' || h.id % 89, i.idno,
       CASE WHEN substr(i.idno, 17, 1)::int % 2 = 1 THEN 'M' ELSE 'F' END,
       to_date(substr(i.idno, 7, 8), 'YYYYMMDD'), 'child'
  FROM eduaid.household h JOIN bench.tw ON tw.id = h.township_id
 CROSS JOIN LATERAL (SELECT bench.full_id('2012-01-01', h.id::int) AS idno) AS i;
SELECT setval(pg_get_serial_sequence('eduaid.household', 'id'), 10000000) \g /dev/null
-- this school year's facts (a member's stage: 026_school_years.sql)
INSERT INTO eduaid.household_year (township_id, status, household_id, school_year)
SELECT h.township_id, 'approved', h.id, eduaid.school_year_of(current_date) FROM eduaid.household h;
INSERT INTO eduaid.student_year (township_id, household_year_id, household_id, school_year,
                                 student_id, stage, school_id, grade)
SELECT s.township_id, y.id, y.household_id, y.school_year, s.id, 'primary', tw.school, 3
  FROM eduaid.student s JOIN bench.tw ON tw.id = s.township_id
  JOIN eduaid.household_year y ON y.household_id = s.household_id;
-- loaded with triggers off: the county registry (sql/017_registry.sql)
SELECT eduaid.registry_rebuild() \g /dev/null
DROP SCHEMA bench CASCADE;
VACUUM ANALYZE;
SQL

masked_copy="SELECT h.household_no, t.name, v.name, h.head_name, h.head_id_number_masked,
    h.family_size, s.name, s.id_number_masked, s.relation, gy.stage
  FROM eduaid.household h JOIN eduaid.township t ON t.id = h.township_id
  LEFT JOIN eduaid.village v ON v.id = h.village_id
  LEFT JOIN eduaid.student s ON s.township_id = h.township_id AND s.household_id = h.id
  LEFT JOIN eduaid.student_year gy ON gy.student_id = s.id
   AND gy.school_year = eduaid.school_year_of(current_date)
 ORDER BY h.township_id, h.id, s.id"

# run NAME CMD...: time CMD once after a warm-up; print a table line; sets
# RSS_KB.
run() {
	local name=$1 out
	shift
	"$@" >/dev/null 2>&1 || {
		echo "export.sh: $name failed:" >&2
		"$@" >&2 || true
		exit 2
	}
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
		echo "export.sh: $name failed the second time:" >&2
		cat "$work/stderr" "$work/time" >&2
		exit 2
	}
	read -r secs RSS_KB <"$work/time"
	out=$(ls -t "$work"/out-* | head -n 1)
	printf '| %-44s | %9s | %6s s | %6.1f MB |\n' "$name" \
		"$(($(wc -l <"$out") - 1))" "$secs" "$(echo "$RSS_KB / 1024" | bc -l)"
}
# eduaid as a login (a command, not a function: /usr/bin/time runs it)
ex=(env "EDUAID_FORMS_DIR=$top_srcdir/forms" "$bin" -U)

printf '| %-44s | %9s | %8s | %9s |\n|---|---|---|---|\n' case lines time "peak RSS"
fail=0
run "eduaid export, supervisor (county)" "${ex[@]}" demo_supervisor export household "$work/out-1.csv"
big=$RSS_KB
run "eduaid export --encoding gb18030, supervisor" "${ex[@]}" demo_supervisor export household --encoding gb18030 "$work/out-2.csv"
run "psql \\copy, supervisor (baseline)" psql -X -q -U demo_supervisor -c "\\copy ($masked_copy) TO '$work/out-3.csv' CSV HEADER"
run "eduaid export, officer (城关镇)" "${ex[@]}" demo_officer export household "$work/out-4.csv"
small=$RSS_KB
run "psql \\copy, officer (baseline)" psql -X -q -U demo_officer -c "\\copy ($masked_copy) TO '$work/out-5.csv' CSV HEADER"
# for tests/bench/table.sh: RUNS pairs, eduaid's export then psql's \copy
if [[ -n ${BENCH_TSV:-} ]]; then
	for ((i = 0; i < ${RUNS:-5}; i++)); do
		t0=$(date +%s%N)
		"${ex[@]}" demo_supervisor export household "$work/out-6.csv" >/dev/null 2>&1
		t1=$(date +%s%N)
		psql -X -q -U demo_supervisor -c "\\copy ($masked_copy) TO '$work/out-7.csv' CSV HEADER"
		t2=$(date +%s%N)
		bench_emit "export households, county, $N rows" "psql \\copy (same join)" \
			"$(((t1 - t0) / 1000000))" "$(((t2 - t1) / 1000000))"
	done
fi
echo "eduaid's peak memory: county $((big / 1024)) MB, one township $((small / 1024)) MB (target: under 32 MB)" >&2
if ((big > 32 * 1024)); then
	echo "export.sh: TARGET MISSED: the county export took $((big / 1024)) MB" >&2
	fail=1
fi
exit "$fail"
