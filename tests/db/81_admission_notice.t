#!/usr/bin/env bash
# tests/db/81_admission_notice.t: 定向招生专项计划 (issue 17 H4) from the
# command line -- the real binary, as real logins, against the database
# suite's cluster and its demo data (sql/data/demo_admission.sql, 高考
# 2026): the 公示 of the qualified students as a PDF (`eduaid admission
# notice`, src/db/admnotice.c) and the report as CSV (`eduaid report
# admission`).
#
#   * demo_supervisor's notice lists every approved application of the
#     county (as many lines as the superuser counts), each student's ID
#     number masked and never in full; A4, 0600, vectors only.
#   * officer_104's (大木厂镇) lists his township's only: the same count as
#     the superuser's for 大木厂镇, no line of another township; asking for
#     城关镇 gives the empty notice, in words.
#   * the report's CSV as demo_officer: 城关镇 and the total only, the
#     total equal to 城关镇's row; as demo_supervisor the county's total
#     equals the superuser's counts.
#   * a bad year or no --pdf: exit 2, no file.
#   * `eduaid admission outcome`: demo_officer records an approved
#     application's outcome and corrects it; a verified one is refused in
#     words (EA243); officer_104 is told of 城关镇's application what he is
#     told of one that does not exist; a clerk may not (the row written is
#     taken away again on exit).
# Cost: about 10 s on two busy cores (the PDFs).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
bin=${top_builddir:-$top_srcdir}/eduaid

# shellcheck source=lib.sh
if ! . "$top_srcdir/tests/db/lib.sh"; then
	printf '1..1\nnot ok 1 - tests/db/lib.sh loads\n'
	exit 1
fi
for tool in pdfinfo pdftotext pdfimages; do
	if ! command -v $tool >/dev/null; then
		printf '1..1\nnot ok 1 - %s is installed (poppler-utils)\n' $tool
		exit 1
	fi
done

work=$(mktemp -d)
ap=''
cleanup() {
	[[ -n $ap ]] && db_psql_super -c "DELETE FROM eduaid.admission_outcome WHERE admission_id = $ap" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work EDUAID_CONF= EDUAID_FORMS_DIR=$top_srcdir/forms EDUAID_TODAY=2026-11-16
unset LANGUAGE
cd "$work" || exit 1
printf 'print: { office = "房县教育局"; };\n' >office.conf

run() { # USER ARGS...
	local user=$1
	shift
	LC_ALL=C.UTF-8 LANGUAGE= "$bin" -c "$work/office.conf" -U "$user" "$@"
}
text() { pdftotext -layout "$1" - 2>/dev/null | tr -d ' '; }
a4_vector() { # FILE: A4, 0600, no bitmap
	pdfinfo "$1" 2>/dev/null | grep -qE '^Page size: +595\.2[0-9]* x 841\.8[0-9]* pts \(A4\)' &&
		[[ $(stat -c %a "$1") == 600 && $(pdfimages -list "$1" | tail -n +3 | wc -l) -eq 0 ]]
}
sql() { db_psql_super -c "$1"; }
# the lines of a notice's table: a number, a township, a name, a masked ID
lines() { text "$1" | grep -cE '^[0-9]+[^0-9]+420325\*{8}[0-9]{3}[0-9X]'; }

tap_plan 19

all=$(sql "SELECT count(*) FROM eduaid.admission WHERE exam_year = 2026 AND status = 'approved'")
dmc=$(sql "SELECT count(*) FROM eduaid.admission WHERE exam_year = 2026 AND status = 'approved'
            AND township_id = 420325104")
tap_run "the demo has qualified students of 2026 in 大木厂镇 and elsewhere" test "$dmc" -gt 0 -a "$all" -gt "$dmc"

run demo_supervisor admission notice --year 2026 --pdf sup.pdf 2>"$work/err"
tap_is "$?" 0 "demo_supervisor: admission notice --year 2026 --pdf: exit 0"
tap_run "the notice is A4, 0600, vectors only" a4_vector sup.pdf
t=$(text sup.pdf)
[[ $t == *房县教育局* && $t == *2026年定向招生专项计划资格审查合格考生公示* &&
	$t == *"下列${all}名建档立卡贫困家庭考生"* ]]
tap_run "its heading, title and count (the superuser's: $all)" test $? -eq 0
tap_is "$(lines sup.pdf)" "$all" "one line per qualified student, each with a masked ID number"
full=$(sql "SELECT s.id_number FROM eduaid.admission a JOIN eduaid.student s
             ON s.township_id = a.township_id AND s.id = a.student_id
            WHERE a.exam_year = 2026 AND a.status = 'approved' ORDER BY a.id LIMIT 1")
[[ -n $full && $t != *"$full"* ]]
tap_run "no ID number in full" test $? -eq 0

run officer_104 admission notice --year 2026 --pdf off.pdf 2>"$work/err"
tap_is "$?" 0 "officer_104: his notice prints"
t=$(text off.pdf)
[[ $(lines off.pdf) == "$dmc" && $t == *大木厂镇* && $t != *城关镇* && $t != *军店镇* ]]
tap_run "officer_104's notice: 大木厂镇's $dmc lines, no other township" test $? -eq 0
run officer_104 admission notice --year 2026 --township 420325100 --pdf probe.pdf 2>"$work/err"
t=$(text probe.pdf)
[[ $t == *本年度暂无资格审查合格的考生* && $t != *城关镇* ]]
tap_run "asking for 城关镇 he gets the empty notice" test $? -eq 0

csv() { run "$1" report admission --year 2026 --encoding utf-8-nobom "${@:2}" 2>"$work/err" | tr -d '\r'; }
off=$(csv demo_officer | tail -n +2)
[[ $(cut -d, -f1 <<<"$off" | sort -u | tr '\n' ' ') == " 420325100 " &&
	$(grep '^420325100,城关镇,(all),' <<<"$off" | cut -d, -f4-) == $(grep '^,Total,(all),' <<<"$off" | cut -d, -f4-) ]]
tap_run "demo_officer's report: 城关镇 and its total only, the total his township's" test $? -eq 0
want=$(sql "SELECT count(*) FILTER (WHERE status <> 'draft') || ',' || count(*) FILTER (WHERE status = 'approved')
             || ',' || count(*) FILTER (WHERE status = 'approved' AND EXISTS (SELECT FROM eduaid.admission_outcome o
                 WHERE o.township_id = a.township_id AND o.admission_id = a.id AND o.admitted))
              FROM eduaid.admission a WHERE exam_year = 2026")
tap_is "$(csv demo_supervisor | grep '^,Total,(all),' | cut -d, -f4-6)" "$want" \
	"demo_supervisor's total: the county's applicants, qualified, admitted"

run demo_supervisor admission notice --year 1999 --pdf bad.pdf 2>"$work/err"
tap_is "$?/$([[ -e bad.pdf ]] && echo file)" "2/" "a year out of range: exit 2, no file"
run demo_supervisor admission notice --year 2026 2>"$work/err"
tap_is "$?" 2 "no --pdf: exit 2"

# ---- the outcome ---------------------------------------------------------------
ap=$(sql "SELECT a.id FROM eduaid.admission a WHERE a.township_id = 420325100 AND a.status = 'approved'
           AND NOT EXISTS (SELECT FROM eduaid.admission_outcome o WHERE o.admission_id = a.id)
         ORDER BY a.id LIMIT 1")
nv=$(sql "SELECT id FROM eduaid.admission WHERE township_id = 420325100 AND status = 'verified' ORDER BY id LIMIT 1")
run demo_officer admission outcome "$ap" --admitted 华中师范大学 2>"$work/err"
tap_is "$?/$(sql "SELECT admitted || ',' || college FROM eduaid.admission_outcome WHERE admission_id = $ap")" \
	"0/true,华中师范大学" "demo_officer records that a qualified student of 城关镇 was admitted, and where"
run demo_officer admission outcome "$ap" --not-admitted 2>"$work/err"
tap_is "$?/$(sql "SELECT admitted || ',' || coalesce(college, '-') FROM eduaid.admission_outcome
                   WHERE admission_id = $ap")" "0/false,-" "... and corrects it: not admitted, no college"
run demo_officer admission outcome "$nv" --not-admitted 2>"$work/err"
tap_is "$?/$(head -1 "$work/err")" \
	"1/eduaid: admission outcome: An outcome is recorded only for an application that passed the qualification review (approved)." \
	"a verified application has no outcome yet: refused in words (EA243)"
run officer_104 admission outcome "$ap" --not-admitted 2>"$work/err"
e1=$(sed "s/$ap/N/" "$work/err")
run officer_104 admission outcome 999999999 --not-admitted 2>"$work/err"
tap_is "$?/$e1" "1/$(sed 's/999999999/N/' "$work/err")" \
	"officer_104 is told of 城关镇's application what he is told of one that does not exist"
run demo_clerk admission outcome "$ap" --admitted 武汉大学 2>"$work/err"
tap_is "$?" 1 "a clerk records no outcome"
tap_is "$(sql "SELECT admitted FROM eduaid.admission_outcome WHERE admission_id = $ap")" f \
	"... and the outcome is as the officer left it"
tap_done
