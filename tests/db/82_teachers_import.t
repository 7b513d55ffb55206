#!/usr/bin/env bash
# tests/db/82_teachers_import.t: `eduaid teachers import FILE` (issue 17
# H5, src/cli/cmd_teachers.c): a county's training list as CSV, through
# the CSV reader, as 城关镇's officer. Every line or none; a teacher of
# another township is named as no teacher of his (nothing about it said);
# each record keeps its source, and who and when; the refusal of a
# duplicate is in words, not the constraint's name.
set -u

. "$top_srcdir/tests/db/lib.sh"

EDUAID=${top_builddir:-$top_srcdir}/eduaid
export EDUAID_CONF=/dev/null LC_ALL=C.UTF-8 LANGUAGE=en
work=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-t82.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
cd "$work" || exit 1

tap_plan 9

su() { db_psql_super -c "$1"; }
run() {
	"$EDUAID" -U demo_officer teachers import "$@" >out 2>err
	rc=$?
}
count() { su "SELECT count(*) FROM eduaid.teacher_training WHERE source = 'import:$1'"; }

mine1=$(su "SELECT id_number FROM eduaid.teacher WHERE township_id = 420325100 AND active ORDER BY id LIMIT 1")
mine2=$(su "SELECT id_number FROM eduaid.teacher WHERE township_id = 420325100 AND active ORDER BY id OFFSET 1 LIMIT 1")
other=$(su "SELECT id_number FROM eduaid.teacher WHERE township_id = 420325101 AND active ORDER BY id LIMIT 1")
head='身份证号,培训项目,级别,学时,开始日期,结束日期'

{
	echo "$head"
	echo "$mine1,国培计划（2026）—送教下乡,国培,32,2026-11-02,2026-11-05"
	echo "$mine2,湖北省骨干教师培训,provincial,40,2026-10-12,2026-10-16"
} >list.csv
run list.csv
tap_is "$rc" 0 "two lines of his township's teachers are imported"
tap_is "$(count list.csv)" 2 "... as two training records with their source"
tap_is "$(su "SELECT string_agg(DISTINCT created_by || ' ' || level, ',' ORDER BY created_by || ' ' || level)
              FROM eduaid.teacher_training WHERE source = 'import:list.csv'")" \
	"demo_officer national,demo_officer provincial" "... made by him, the level's word read as its code"
tap_is "$(su "SELECT count(*) FROM eduaid.audit_log
              WHERE kind = 'teacher_training' AND actor = 'demo_officer' AND action = 'insert'
                AND new_row ->> 'source' = 'import:list.csv'")" 2 "... each with its audit row"

{
	echo "$head"
	echo "$mine2,县培,县培,24,2026-07-13,2026-07-15"
	echo "$other,县培,县培,24,2026-07-13,2026-07-15"
} >other.csv
run other.csv
tap_is "$rc" 1 "a line of another township's teacher fails the import"
tap_is "$(count other.csv)" 0 "... and nothing of it is kept"
if grep -q "no active teacher of your townships has ID number $other" err; then
	tap_pass "... the line named as no teacher of his"
else
	tap_fail "... the line named as no teacher of his" "$(cat err)"
fi

run list.csv
tap_is "$rc" 1 "the same list again is refused"
if grep -q "recorded already" err; then
	tap_pass "... in words (the programme from that day is recorded already)"
else
	tap_fail "... in words (the programme from that day is recorded already)" "$(cat err)"
fi

tap_done
