#!/usr/bin/env bash
# tests/db/47_pdf.t: printed documents (issue 14) -- the real binary,
# logged in as the demo users, against the database suite's cluster.
#
# A notice of 45 lines (fixture households of 大木厂镇 420325104 with
# approved records of school year 2034, one whose head has a name long
# enough to wrap in its cell): `eduaid notice print N --pdf FILE` writes an A4 PDF
# (pdfinfo: A4, several pages), 0600, with no bitmap in it (pdfimages:
# the QR code and everything else are vectors); on every page
# (pdftotext, page by page) the office's heading from print.office, the
# table's header, "第 P 页 共 M 页" and the QR code's text; every line's
# name and masked ID; signature and seal blocks on the last page. The QR
# payload is the one the README documents, its digest recomputed here
# with sha256sum from the record hashes; `notice verify CODE` says
# sheet-ok (exit 0) for it and SHEET-ALTERED (exit 1) for a digest or a
# line count changed by one digit; a malformed code is a usage error.
# Each report of `report --list` (but the missing list) as a PDF in
# Chinese: its title, page numbers, the chart's caption, no bitmap.
#
# Run by tests/db/run-db-tests.sh through prove. Fixtures stay behind on
# notice (as in 42_notice.t); their numbers carry the PID.
# Cost: about 15 s (two cores shared; 2.3 s for the notice, under 1 s a report).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
bin=${top_builddir:-$top_srcdir}/eduaid

# shellcheck source=lib.sh
if ! . "$top_srcdir/tests/db/lib.sh"; then
	printf '1..1\nnot ok 1 - tests/db/lib.sh loads\n'
	exit 1
fi
for tool in pdfinfo pdftotext pdfimages sha256sum; do
	if ! command -v $tool >/dev/null; then
		printf '1..1\nnot ok 1 - %s is installed (poppler-utils)\n' $tool
		exit 1
	fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work EDUAID_CONF= EDUAID_FORMS_DIR=$top_srcdir/forms
unset LANGUAGE
cd "$work" || exit 1
printf 'print: { office = "测试县教育局学生资助管理中心"; };\n' >office.conf
for gmo in "${top_builddir:-$top_srcdir}/po/zh_CN.gmo" "$top_srcdir/po/zh_CN.gmo"; do
	[[ -f $gmo ]] && break
done
mkdir -p locale/zh_CN/LC_MESSAGES && cp "$gmo" locale/zh_CN/LC_MESSAGES/eduaid.mo

# eduaid as a login, in Chinese with the build's catalogue: run USER ARGS...
run() { # USER ARGS...
	local user=$1
	shift
	LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN EDUAID_LOCALEDIR="$work/locale" \
		"$bin" -c "$work/office.conf" -U "$user" "$@"
}

tag=$(printf '%05d' $(($$ % 100000)))
N=45
long=欧阳明远志向高洁品学兼优之少年英才

# ---- fixtures: N approved household_year records of 2034 ----------------------
db_psql_as clerk_104 >/dev/null 2>"$work/err" <<SQL
DO \$\$
DECLARE
    hid bigint; sid bigint; yid bigint; s17 text; h17 text;
    born date := date '1972-01-01' + ($tag % 300);
    school int := (SELECT min(s.id) FROM eduaid.school s
                    WHERE s.township_id = 420325104 AND s.kind = 'primary');
BEGIN
    FOR g IN 1..$N LOOP
        h17 := '659001' || to_char(born, 'YYYYMMDD') || lpad(g::text, 3, '0');
        s17 := '659001' || to_char(born + 365 * 46, 'YYYYMMDD') || lpad(g::text, 3, '0');
        INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
                head_id_number, registered_year, family_size)
        VALUES (420325104, 'TPDF-$tag-' || g,
                (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325104),
                CASE g WHEN 7 THEN '$long' ELSE '户主' || g END,
                h17 || eduaid.id_check_digit(h17), 2016, 3)
        RETURNING id INTO hid;
        INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
        VALUES (420325104, hid, '学生' || g,
                s17 || eduaid.id_check_digit(s17),
                eduaid.id_sex(s17 || eduaid.id_check_digit(s17)),
                eduaid.id_birth_date(s17 || eduaid.id_check_digit(s17)))
        RETURNING id INTO sid;
        INSERT INTO eduaid.household_year (township_id, household_id, school_year)
        VALUES (420325104, hid, 2034) RETURNING id INTO yid;
        INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage,
                school_id, grade, boarding)
        VALUES (420325104, yid, sid, 'primary', school, 3, true);
        INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id,
                program, amount)
        VALUES (420325104, yid, sid, 'boarding_subsidy', 1000 + g);
        PERFORM eduaid.submit('household_year', yid);
    END LOOP;
END
\$\$;
SQL
ours="FROM eduaid.household_year y JOIN eduaid.household h ON h.id = y.household_id
      WHERE h.household_no LIKE 'TPDF-$tag-%'"
db_psql_as officer_104 -c "SELECT count(eduaid.verify('household_year', y.id)) $ours" \
	>/dev/null 2>>"$work/err" &&
	db_psql_as demo_supervisor2 -c "SELECT count(eduaid.approve('household_year', y.id)) $ours" \
		>/dev/null 2>>"$work/err"
tap_is "$(db_psql_super -c "SELECT count(*) $ours AND y.status = 'approved'")" "$N" \
	"$N approved fixture records of 2034 of 大木厂镇"
[[ -s $work/err ]] && tap_diag "$(cat "$work/err")"

notice=$(run demo_supervisor notice open household_year 420325104 2034 2>"$work/err")
if [[ $notice =~ ^[0-9]+$ ]]; then
	tap_pass "the supervisor opens a notice of $N lines: notice $notice"
else
	tap_fail "the supervisor opens a notice of $N lines"
	tap_diag "$notice" "$(cat "$work/err")"
	notice=0
fi

# ---- the notice as PDF --------------------------------------------------------
start=$(date +%s%N)
run demo_supervisor notice print "$notice" --pdf sheet.pdf 2>"$work/err"
tap_is "$?" 0 "notice print --pdf exits 0"
tap_diag "notice print --pdf: $((($(date +%s%N) - start) / 1000000)) ms"
grep -qF "$work/sheet.pdf" "$work/err"
tap_run "it says where the file went" test $? -eq 0
tap_is "$(stat -c %a sheet.pdf 2>/dev/null)" 600 "the PDF is 0600 (safefile)"
pages=$(pdfinfo sheet.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
tap_run "a notice of $N lines takes several pages (pdfinfo: ${pages:-none})" \
	test "${pages:-0}" -ge 2
pdfinfo sheet.pdf 2>/dev/null | grep -qE '^Page size: +595\.2[0-9]* x 841\.8[0-9]* pts \(A4\)'
tap_run "its pages are A4" test $? -eq 0
tap_is "$(pdfimages -list sheet.pdf 2>/dev/null | tail -n +3 | wc -l)" 0 \
	"no bitmap in it: the QR code is drawn as vectors"

# the QR payload, computed here from the record hashes as documented
IFS='|' read -r title starts ends < <(db_psql_super -F '|' -c "SELECT title, starts_on, ends_on
    FROM eduaid.notice WHERE id = $notice")
hashes=$(db_psql_super -c "SELECT string_agg(record_hash, ',' ORDER BY line_no)
    FROM eduaid.notice_item WHERE notice_id = $notice")
digest=$(printf 'eduaid-notice-sheet/1|%s|%s|%s|%s|%s' "$notice" "$title" "$starts" \
	"$ends" "$hashes" | sha256sum | cut -c1-64)
code="eduaid-notice/1:$notice:$N:$digest"

# pdftotext keeps or drops the blanks between CJK glyphs as they fall (the
# QR code's text is set in a proportional font and its digest changes the
# layout pdftotext infers), so words are looked for with the blanks taken
# out: page$p.txt as extracted, page$p.flat without blanks. A page that
# misses one is shown in full.
ok_pages=0 head_pages=0 code_pages=0
for ((p = 1; p <= ${pages:-0}; p++)); do
	pdftotext -layout -f $p -l $p sheet.pdf page$p.txt 2>/dev/null
	tr -d ' \t' <page$p.txt >page$p.flat
	grep -qF "第${p}页共${pages}页" page$p.flat && ok_pages=$((ok_pages + 1))
	if grep -qF "测试县教育局学生资助管理中心" page$p.flat && grep -qF '序号乡镇姓名' page$p.flat; then
		head_pages=$((head_pages + 1))
	else
		tap_diag "page $p of $pages without the heading or the table's header:" "$(cat page$p.txt)"
	fi
	grep -qF "$code" page$p.flat && code_pages=$((code_pages + 1))
done
tap_is "$ok_pages" "${pages:-0}" "every page says 第 P 页 共 M 页"
tap_is "$head_pages" "${pages:-0}" "every page has the office's heading and the table's header"
tap_is "$code_pages" "${pages:-0}" "every page carries the QR code's text, as documented"
pdftotext -layout sheet.pdf all.txt 2>/dev/null
grep -qF "大木厂镇 2034-2035学年学生资助名单公示" all.txt
tap_run "the title" test $? -eq 0
names=0
for ((g = 1; g <= N; g++)); do
	[[ $g -eq 7 ]] && continue
	grep -qE "户主$g([^0-9]|$)" all.txt && names=$((names + 1))
done
tap_is "$names" $((N - 1)) "every line's name is on the sheet"
# wrapped: its start on one line, its end on a later one, never all on one
grep -A8 "${long:0:4}" all.txt | tail -n +2 | grep -qF "${long: -2}"
tap_run "the long name wraps in its cell and is all there" \
	test $? -eq 0 -a "$(grep -c "$long" all.txt)" -eq 0
tap_is "$(grep -cE '659001\*{8}[0-9]{3}[0-9X]' all.txt)" "$N" "every line's masked ID number"
grep -qE '[0-9]{17}[0-9X]' all.txt
tap_run "no full ID number anywhere" test $? -ne 0
for w in 经办人 审核人 单位盖章 日期 "合计：$N 条"; do
	if grep -qF "${w// /}" page${pages:-1}.flat; then
		tap_pass "the last page has $w"
	else
		tap_fail "the last page has $w" "the last page (page ${pages:-1}):" "$(cat page${pages:-1}.txt)"
	fi
done

# ---- verify ---------------------------------------------------------------------
out=$(run demo_auditor notice verify "$code" 2>"$work/err")
tap_is "$?" 0 "notice verify accepts the sheet's code (exit 0)"
tap_is "$out" "sheet-ok	$notice	$N	$N" "and says sheet-ok"
last=${digest: -1}
[[ $last == 0 ]] && other=1 || other=0
out=$(run demo_auditor notice verify "${code%?}$other" 2>"$work/err")
tap_is "$?/${out%%	*}" "1/SHEET-ALTERED" "a digest altered by one digit: SHEET-ALTERED, exit 1"
out=$(run demo_auditor notice verify "eduaid-notice/1:$notice:$((N - 1)):$digest" 2>"$work/err")
tap_is "$?/${out%%	*}" "1/SHEET-ALTERED" "a line count altered: SHEET-ALTERED, exit 1"
run demo_auditor notice verify "eduaid-notice/1:$notice:$N:${digest:0:63}" >/dev/null 2>"$work/err"
tap_is "$?" 2 "a malformed code is a usage error (exit 2)"
run demo_auditor notice print "$notice" --pdf >/dev/null 2>&1
tap_is "$?" 2 "--pdf without a file is a usage error"

# ---- the reports as PDF ---------------------------------------------------------
mapfile -t reports < <(run demo_supervisor report --list | awk '$1 != "subsidy_missing" {print $1}')
tap_run "report --list names reports (${#reports[@]})" test "${#reports[@]}" -ge 1
for name in "${reports[@]}"; do
	start=$(date +%s%N)
	run demo_supervisor report "$name" --year 2024 --pdf "$name.pdf" 2>"$work/err"
	rc=$?
	tap_diag "report $name --pdf: $((($(date +%s%N) - start) / 1000000)) ms"
	np=$(pdfinfo "$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	pdftotext -layout "$name.pdf" "$name.txt" 2>/dev/null
	title=$(run demo_supervisor report --list | awk -v n="$name" '$1 == n {print $2}')
	if [[ $rc -eq 0 && ${np:-0} -ge 1 ]] && grep -qE "第 *1 *页 *共 *$np *页" "$name.txt" &&
		grep -qF "$title" "$name.txt" && grep -qF "测试县教育局" "$name.txt" &&
		grep -qF "图表：" "$name.txt" && grep -qF "合计" "$name.txt" &&
		[[ $(pdfimages -list "$name.pdf" | tail -n +3 | wc -l) -eq 0 &&
			$(stat -c %a "$name.pdf") == 600 ]]; then
		tap_pass "report $name as PDF: $np page(s), its title, heading, chart, total, no bitmap"
	else
		tap_fail "report $name as PDF"
		tap_diag "rc $rc pages ${np:-none} title $title" "$(cat "$work/err")" \
			"$(head -n 30 "$name.txt" 2>/dev/null)"
	fi
done
run demo_supervisor report subsidy_missing --pdf x.pdf >/dev/null 2>&1
tap_is "$?" 2 "the missing list has no PDF (a usage error)"
tap_done
