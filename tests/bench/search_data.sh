# shellcheck shell=bash
# tests/bench/search_data.sh: the data of tests/bench/search.sh, sourced
# after bench_start (tests/bench/lib.sh). search_generate H makes H
# households (township n % 20 of 房县), 2H students, their records of school
# year 2026 and everything the reports count, as tests/bench/reports.sh
# does for 700,000, with names from a hash of the row number (so every
# township holds every surname; 1% of the students disabled, by a hash,
# so every township has its share), then rebuilds the tallies and the
# registry and runs VACUUM ANALYZE. Prints how long it took on stderr.

search_generate() { # H
	: "${top_srcdir:?}" "${work:?}"
	local H=$1 S=$(($1 * 2)) T=$(($1 / 40)) t0 lo step
	t0=$(date +%s)
	((T > 0)) || T=1
	say "search.sh: generating $H households and $S students ($(nproc) at a time)"
	sql -f "$top_srcdir/tests/bench/generate.sql"
	sql <<'SQL'
SET client_min_messages = warning;
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
	cat >"$work/household.sql" <<'SQL'
INSERT INTO eduaid.household (id, township_id, status, created_by, editors, created_at,
    updated_by, updated_at, submitted_by, submitted_at, verified_by, verified_at,
    approved_by, approved_at, rejected_by, rejected_at, reason,
    household_no, village_id, head_name, head_id_number, registered_year, family_size)
OVERRIDING SYSTEM VALUE
SELECT n, tw.id, w.status, w.created_by, w.editors, w.created_at, w.created_by, w.updated_at,
       w.submitted_by, w.submitted_at, w.verified_by, w.verified_at, w.approved_by,
       w.approved_at, w.rejected_by, w.rejected_at, w.reason,
       'BH' || lpad(n::text, 8, '0'), tw.villages[1 + n % cardinality(tw.villages)],
       bench.pname(bench.g(70, n)), i.idno, 2016, 1 + n % 8
  FROM generate_series(:lo, :hi) AS n
  JOIN bench.tw ON tw.k = n % 20
 CROSS JOIN LATERAL bench.idno('1950-01-01', n) AS i
 CROSS JOIN LATERAL bench.wf(10, n, tw.clerk, tw.officer) AS w;
SQL
	cat >"$work/student.sql" <<'SQL'
INSERT INTO eduaid.student (id, township_id, household_id, name, id_number, sex, birth_date,
    disability_type, disability_grade, created_by, updated_by)
OVERRIDING SYSTEM VALUE
SELECT m, tw.id, x.h, bench.pname(bench.g(71, m)), i.idno, i.sex, i.birth,
       CASE WHEN bench.g(74, m) % 100 = 0 THEN 'hearing' END,
       CASE WHEN bench.g(74, m) % 100 = 0 THEN 2 END,
       tw.clerk, tw.clerk
  FROM generate_series(:lo, :hi) AS m
 CROSS JOIN LATERAL (SELECT (m - 1) % :H + 1 AS h) AS x
  JOIN bench.tw ON tw.k = x.h % 20
 CROSS JOIN LATERAL bench.idno('2010-01-01', m) AS i;
SQL
	cat >"$work/household_year.sql" <<'SQL'
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
       SELECT (m - 1) % :H + 1 AS h, bench.g(50, m) AS g,
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
  JOIN eduaid.student st ON st.id = n AND st.disability_type IS NOT NULL
  JOIN bench.tw ON tw.id = st.township_id
 CROSS JOIN LATERAL bench.wf(30, n, tw.clerk, tw.officer) AS w
 WHERE n % 5 <> 0;
SQL
	cat >"$work/training.sql" <<'SQL'
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
       3 * n, bench.pname(bench.g(72, n)), i.idno, i.sex, i.birth, 'poor_labor',
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
INSERT INTO eduaid.teacher (id, township_id, school_id, name, id_number, sex, birth_date,
                            rural_years, created_by, updated_by)
OVERRIDING SYSTEM VALUE
SELECT n, tw.id, tw.school, bench.pname(bench.g(73, n)), i.idno, i.sex, i.birth, 10, tw.clerk, tw.clerk
  FROM generate_series(:lo, :hi) AS n
  JOIN bench.tw ON tw.k = n % 20
 CROSS JOIN LATERAL bench.idno('1975-01-01', n) AS i;
SQL
	cat >"$work/teacher_fund.sql" <<'SQL'
INSERT INTO eduaid.teacher_fund_application (id, township_id, status, created_by, editors,
    created_at, updated_by, updated_at, submitted_by, submitted_at, verified_by, verified_at,
    approved_by, approved_at, rejected_by, rejected_at, reason,
    teacher_id, program_id, school_year, reason_category, reason_text, amount_requested,
    amount_approved, bank_name, bank_account)
OVERRIDING SYSTEM VALUE
SELECT n, tw.id, w.status, w.created_by, w.editors, w.created_at, w.created_by, w.updated_at,
       w.submitted_by, w.submitted_at, w.verified_by, w.verified_at, w.approved_by,
       w.approved_at, w.rejected_by, w.rejected_at, w.reason,
       t.t, CASE WHEN n <= :T THEN p.ligeng ELSE p.runyu END,
       2026, 'family_hardship', '家庭困难', 3000 + (n % 50) * 100,
       CASE WHEN w.status = 'approved' THEN 3000 END,
       '中国农业银行', '62284800' || lpad(n::text, 11, '0')
  FROM generate_series(:lo, :hi) AS n
 CROSS JOIN LATERAL (SELECT (n - 1) % :T + 1 AS t) AS t
  JOIN bench.tw ON tw.k = t.t % 20
 CROSS JOIN (SELECT (SELECT f.id FROM eduaid.fund_program f WHERE f.code = 'ligeng') AS ligeng,
                    (SELECT f.id FROM eduaid.fund_program f WHERE f.code = 'runyu') AS runyu) AS p
 CROSS JOIN LATERAL bench.wf(40, n, tw.clerk, tw.officer) AS w;
SQL
	export work su H T
	# chunks: "kind lo hi" lines, nproc at a time
	chunks() { # KIND N PARTS
		local n=$2 parts=$3 step lo
		step=$(((n + parts - 1) / parts))
		((step > 0)) || step=1
		for ((lo = 1; lo <= n; lo += step)); do
			echo "$1 $lo $((lo + step - 1 < n ? lo + step - 1 : n))"
		done
	}
	run_jobs() {
		# shellcheck disable=SC2016
		xargs -P "$(nproc)" -L 1 bash -c \
			'psql -X -q -v ON_ERROR_STOP=1 -U "$su" -v lo="$1" -v hi="$2" -v H="$H" -v T="$T" \
			      -c "SET session_replication_role = replica" -f "$work/$0.sql"'
	}
	{ chunks household "$H" 10; chunks teacher "$T" 1; } | run_jobs || {
		say "search.sh: generating households failed"
		exit 2
	}
	{ chunks student "$S" 10; chunks household_year "$H" 10; } | run_jobs || {
		say "search.sh: generating students failed"
		exit 2
	}
	chunks student_year "$S" 10 | run_jobs || {
		say "search.sh: generating year rows failed"
		exit 2
	}
	{
		chunks subsidy "$S" 8
		chunks special_ed "$S" 1
		chunks training $((H / 5)) 2
		chunks teacher_fund $((2 * T)) 1
	} | run_jobs || {
		say "search.sh: generating the records of students failed"
		exit 2
	}
	say "search.sh: rows in after $(($(date +%s) - t0)) s; indexes, tallies, registry, VACUUM ANALYZE"
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
SELECT eduaid.report_tally_rebuild() \g /dev/null
SELECT eduaid.registry_rebuild() \g /dev/null
VACUUM ANALYZE;
SQL
	say "search.sh: data ready in $(($(date +%s) - t0)) s"
}
