#!/usr/bin/env bash
# tests/db/40_import.t: the real `eduaid import roster` and `eduaid
# reconcile` against the suite's cluster, as real logins. A good roster
# with Chinese headers in any order, an unknown column, codes and names,
# a household without members and a quoted field holding line breaks,
# commas and quotes -- in UTF-8, in GB18030 (made with iconv) and with
# CRLF line ends, each giving the same staging rows; a bad row reported as
# FILE:LINE:COLUMN by the client and, with --no-client-checks, by the
# server (its COPY line mapped back to the file line), leaving nothing
# imported; a refusal of roster_finish with its line; an unfinished import
# that cannot commit; and the round trip: 城关镇 dumped by psql in the
# roster format (English headers), imported, reconciled with no
# difference, then one value changed and exactly that difference found
# (and exported as CSV). What Excel writes (issue 13 item 6; the files in
# tests/data/roster): blank rows of commas and blanks skipped with a
# warning, Unicode blanks trimmed from header names and values, a value
# beyond the header refused with its line and column, an unknown column
# told when it explains a missing one, '?' in names told, rows of another
# township told at import and at reconcile, and one meaning of COLUMN --
# the field's number, with the header's name -- for the reader's errors
# and the checks', in English and Chinese. Run by
# tests/db/run-db-tests.sh through prove.
#
# Imports stay in the database (the staging tables are append-only); they
# belong to this run's file names and hold no records.
set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$top_srcdir/tests/db/lib.sh"

EDUAID=${top_builddir:-$top_srcdir}/eduaid
export EDUAID_CONF=/dev/null LC_ALL=C.UTF-8 LANGUAGE=en
work=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-t40.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
cd "$work" || exit 1

tap_plan 48

su() { db_psql_super -c "$1"; }
# run_import USER FILE [OPTIONS...]: stdout to out, stderr to err; status in rc
run_import() {
	local user=$1 file=$2
	shift 2
	"$EDUAID" -U "$user" import roster "$@" "$file" >out 2>err
	rc=$?
}
# staging FILE: file_line:household_no:stage:relation:member of each row of
# the newest import of FILE
staging() {
	su "SELECT string_agg(concat_ws(':', r.file_line, r.household_no, r.township_id, r.village_id,
	                                r.head_name, r.stage, r.relation, r.member_name), ' '
	                      ORDER BY r.file_line)
	      FROM eduaid.roster_row r
	     WHERE r.import_id = (SELECT max(id) FROM eduaid.roster_import WHERE file_name = '$1')"
}
idno() { su "SELECT '$1' || eduaid.id_check_digit('$1')"; }

H1=$(idno 42032519870907001)
H2=$(idno 42032519840921001)
H3=$(idno 42032519811006001)
M1=$(idno 42032520151105300)
M2=$(idno 42032520200607300)
M3=$(idno 42032520090301302)

# ---- a good roster, three ways ------------------------------------------------
cat >good.csv <<EOF
学段, 户主姓名 ,户编号,乡镇,村,户主身份证号,家庭人口,学生姓名,学生身份证号,与户主关系,备注
小学,张三,T40-HH0001,城关镇,小西关社区居民委员会,$H1,4,张小三,$M1,子女,"多行
备注, 含逗号和""引号"""
初中,张三,T40-HH0001,城关镇,小西关社区居民委员会,$H1,4,张小四,$M2,child,
,李四,T40-HH0002,420325100,420325100002,$H2,3,,,,
高中,王五,T40-HH0003,军店镇,军店街社区居民委员会,$H3,2,王小五,$M3,孙子女,
EOF
want_rows="2:T40-HH0001:420325100:420325100001:张三:primary:child:张小三 4:T40-HH0001:420325100:420325100001:张三:junior:child:张小四 5:T40-HH0002:420325100:420325100002:李四 6:T40-HH0003:420325101:420325101001:王五:senior_high:grandchild:王小五"

run_import demo_clerk good.csv
tap_is "$rc" 0 "a good UTF-8 roster imports (exit 0)"
tap_is "$(head -1 out)" "good.csv: 4 rows, 3 households, 3 members, encoding UTF-8" \
	"the summary counts rows, households and members and names the encoding"
tap_is "$(sed -n 2p out)" "import $(su "SELECT max(id) FROM eduaid.roster_import WHERE file_name = 'good.csv'")" \
	"and prints the import id"
tap_is "$(cat err)" 'good.csv:1:11: warning: unknown column "备注" ignored' \
	"an unknown column is a warning naming its place"
tap_is "$(staging good.csv)" "$want_rows" \
	"the staging rows: physical start lines, codes resolved, stage and relation as codes"

iconv -f UTF-8 -t GB18030 good.csv >gb.csv
run_import demo_clerk gb.csv
tap_is "$rc:$(head -1 out)" "0:gb.csv: 4 rows, 3 households, 3 members, encoding GB18030" \
	"the same roster in GB18030 is detected and imported"
tap_is "$(staging gb.csv)" "$want_rows" "with the same rows"
run_import demo_clerk gb.csv --encoding gb18030
tap_is "$rc" 0 "--encoding gb18030 names it"
run_import demo_clerk gb.csv --encoding utf-8
tap_is "$rc:$(grep -c '^gb.csv:1:[0-9]*: byte sequence not valid in UTF-8$' err)" "1:1" \
	"read as UTF-8 it is refused at the first byte sequence that is not UTF-8"

sed 's/$/\r/' good.csv >crlf.csv
run_import demo_clerk crlf.csv
tap_is "$rc:$(staging crlf.csv)" "0:$want_rows" "CRLF line ends give the same rows"

# ---- bad rows: nothing imported ----------------------------------------------
before=$(su "SELECT count(*) FROM eduaid.roster_row")
imports_before=$(su "SELECT count(*) FROM eduaid.roster_import")
cat >bad.csv <<EOF
household_no,township,village,head_name,head_id_number,member_name,member_id_number,notes
T40-BAD001,城关镇,小西关社区居民委员会,张三,$H1,,,"first line
second, with a comma
and ""quotes"""
T40-BAD002,420325100,小西关社区居民委员会,李四,$H2,,,
T40-BAD003,城关镇,小西关社区居民委员会,王五,${H3%?}Y,,,
EOF
# the last ID number ends in Y: wrong characters, whatever its check digit
run_import demo_clerk bad.csv
tap_is "$rc" 1 "a roster with a bad row is refused (exit 1)"
tap_is "$(grep -v ': warning: ' err | head -1)" "bad.csv:6:5: head_id_number: invalid ID number: must be 17 digits followed by a digit or X" \
	"the client names FILE:LINE:COLUMN, LINE being the physical line the record starts on"
tap_is "$(tail -1 err)" "bad.csv: nothing imported" "and says that nothing was imported"

if [[ ${H3: -1} == 0 ]]; then H3BAD=${H3%?}1; else H3BAD=${H3%?}0; fi
sed "s/${H3%?}Y/$H3BAD/" bad.csv >bad2.csv
run_import demo_clerk bad2.csv --no-client-checks
tap_is "$rc" 1 "without the client's checks the server refuses the same row"
tap_is "$(grep -v ': warning: ' err | head -1)" \
	'bad2.csv:6:5: head_id_number: new row for relation "roster_row" violates check constraint "roster_row_head_id_number_check"' \
	"its COPY line is mapped back to the file line, its constraint to the column"

cat >dup.csv <<EOF
household_no,township,village,head_name,head_id_number,member_name,member_id_number
T40-DUP001,城关镇,小西关社区居民委员会,张三,$H1,张小三,$M1
T40-DUP002,城关镇,小西关社区居民委员会,李四,$H2,张小三,$M1
EOF
run_import demo_clerk dup.csv
tap_is "$rc:$(head -1 err)" \
	"1:dup.csv:3:7: member_id_number: this member's ID number is listed twice in the roster (学生身份证号在名册中重复)" \
	"roster_finish's refusal names the line and column of the second listing"

cat >nocol.csv <<EOF
户编号,乡镇,村,户主姓名
T40-NOC001,城关镇,小西关社区居民委员会,张三
EOF
run_import demo_clerk nocol.csv
tap_is "$rc:$(head -1 err)" "1:nocol.csv:1: required column head_id_number (户主身份证号) is missing" \
	"a missing required column is named (no column: FILE:LINE, not FILE:LINE:0)"

tap_is "$(su "SELECT count(*) FROM eduaid.roster_row"):$(su "SELECT count(*) FROM eduaid.roster_import")" \
	"$before:$imports_before" "none of the refused files left an import or a staging row"

out=$(db_psql_as demo_clerk -c "BEGIN" \
	-c "INSERT INTO eduaid.roster_import (file_name, encoding) VALUES ('unfinished.csv', 'UTF-8')" \
	-c "COMMIT" 2>&1)
tap_is "$(grep -c 'was not finished' <<<"$out"):$(su "SELECT count(*) FROM eduaid.roster_import WHERE file_name = 'unfinished.csv'")" \
	"1:0" "an import not finished by roster_finish cannot commit"

# ---- the round trip -----------------------------------------------------------
dump() {
	db_psql_as demo_officer -c "COPY (
	    SELECT h.household_no, t.name AS township, v.name AS village, h.head_name,
	           h.head_id_number, h.family_size, s.name AS member_name,
	           s.id_number AS member_id_number, s.relation, sy.stage
	      FROM eduaid.household h
	      JOIN eduaid.township t ON t.id = h.township_id
	      JOIN eduaid.village v ON v.id = h.village_id
	      LEFT JOIN eduaid.student s ON s.township_id = h.township_id AND s.household_id = h.id
	                                AND s.moved_out_on IS NULL
	      LEFT JOIN eduaid.student_year sy  -- the stage of this school year
	        ON sy.student_id = s.id AND sy.school_year = eduaid.school_year_of(current_date)
	     WHERE h.township_id = 420325100
	     ORDER BY h.household_no, s.id) TO STDOUT WITH CSV HEADER"
}
dump >rt.csv
rows=$(($(wc -l <rt.csv) - 1))
run_import demo_officer rt.csv
tap_is "$rc" 0 "城关镇 dumped by psql in the roster format imports"
imp=$(sed -n 's/^import //p' out)
"$EDUAID" -U demo_officer reconcile "$imp" --csv same.csv >rec 2>&1
rc=$?
tap_is "$rc:$(su "SELECT row_count FROM eduaid.roster_import WHERE id = $imp")" "0:$rows" \
	"reconciled: nothing differs (exit 0), every row imported"
tap_is "$(grep '^420325100 ' rec | awk '{print $5 $6 $7 $8 $9 $10 $11 $12 $13 $14}' | tr -d '|')" \
	"000000" "the counts of 城关镇 are all zero"
tap_is "$(tail -n +2 same.csv | wc -l)" 0 "and the CSV holds the header only"

hh=$(sed -n 2p rt.csv | cut -d, -f1)
old=$(sed -n 2p rt.csv | cut -d, -f4)
head_id=$(sed -n 2p rt.csv | cut -d, -f5)
awk -F, -v OFS=, -v hh="$hh" 'NR > 1 && $1 == hh { $4 = "改了名" } { print }' rt.csv >rt2.csv
run_import demo_officer rt2.csv
imp2=$(sed -n 's/^import //p' out)
"$EDUAID" -U demo_officer reconcile "$imp2" --csv diff.csv >rec2 2>&1
rc=$?
tap_is "$rc" 1 "with one head's name changed, reconcile finds a difference (exit 1)"
tap_is "$(tail -n +2 diff.csv | tr -d '\r')" \
	"420325100,城关镇,household_differs,$hh,改了名,$head_id,head_name,改了名,$old" \
	"exactly that one, in the CSV export"
tap_is "$(head -c 3 diff.csv | od -An -tx1 | tr -d ' ')" "efbbbf" \
	"the export is UTF-8 with a byte order mark, for Excel"

# ---- what Excel writes (issue 13 item 6) ------------------------------------
fx() { cp "$top_srcdir/tests/data/roster/$1" .; }
# zh CMD...: CMD in Chinese, with the build's catalogue
for gmo in "${top_builddir:-$top_srcdir}/po/zh_CN.gmo" "$top_srcdir/po/zh_CN.gmo"; do
	[[ -f $gmo ]] && break
done
mkdir -p locale/zh_CN/LC_MESSAGES && cp "$gmo" locale/zh_CN/LC_MESSAGES/eduaid.mo
zh() { LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN EDUAID_LOCALEDIR="$work/locale" "$@"; }
for f in excel-blank-rows.csv excel-unicode-blanks.csv excel-extra-field.csv \
	excel-header-typo.csv excel-gbk-question.csv excel-column.csv scope.csv; do
	fx "$f"
done
before=$(su "SELECT count(*) FROM eduaid.roster_row")

run_import demo_clerk excel-blank-rows.csv
tap_is "$rc:$(head -1 out)" "0:excel-blank-rows.csv: 2 rows, 2 households, 1 members, encoding UTF-8" \
	"rows of only commas and blanks do not fail the file (was 3:1: this field is required)"
tap_is "$(cat err)" "excel-blank-rows.csv:3: warning: a blank row (only commas and blanks) skipped
excel-blank-rows.csv:5: warning: 3 blank rows (only commas and blanks, lines 5-7) skipped" \
	"they are skipped with a warning naming their lines, one between rows too"

run_import demo_clerk excel-unicode-blanks.csv
tap_is "$rc:$(cat err)" "0:" \
	"header names and values ending in U+3000 or U+00A0 are trimmed: nothing to tell"
tap_is "$(staging excel-unicode-blanks.csv):$(su "SELECT head_id_number FROM eduaid.roster_row
	     WHERE import_id = (SELECT max(id) FROM eduaid.roster_import WHERE file_name = 'excel-unicode-blanks.csv')")" \
	"2:T40-XU0001:420325100:420325100001:李四:junior:child:王小五:420325198409210010" \
	"and the values are stored without them"

run_import demo_clerk excel-extra-field.csv
tap_is "$rc:$(cat err)" "1:excel-extra-field.csv:3:11: a value beyond the header's 10 columns (name its column in the header, or delete the value)
excel-extra-field.csv: nothing imported" \
	"an 11th value under a 10-column header is refused naming line and column (was dropped)"
run_import demo_clerk excel-extra-field.csv --no-client-checks
tap_is "$rc:$(head -1 err)" "1:excel-extra-field.csv:3:11: a value beyond the header's 10 columns (name its column in the header, or delete the value)" \
	"also without the client's checks: the server never sees the value"

run_import demo_clerk excel-header-typo.csv
tap_is "$rc:$(cat err)" '1:excel-header-typo.csv:1:5: warning: unknown column "户主身份证号码" ignored
excel-header-typo.csv:1: required column head_id_number (户主身份证号) is missing
excel-header-typo.csv: nothing imported' \
	"户主身份证号码: the unknown-column warning comes with, and before, the missing column"

run_import demo_clerk excel-gbk-question.csv
tap_is "$rc:$(head -1 out)" "0:excel-gbk-question.csv: 3 rows, 2 households, 2 members, encoding GB18030" \
	"a '?' in a name (Excel's GBK for 𠮷) does not refuse the roster"
tap_is "$(sed -n 's/^excel-gbk-question.csv:\([0-9]*:[0-9]*\): warning: \([^:]*\): "\([^"]*\)" holds a .?., most likely a character the file could not hold.*/\1 \2 \3/p' err | paste -sd' ')" \
	"2:4 户主姓名 ?大成 2:7 学生姓名 ?小红 4:7 学生姓名 ?小军" \
	"each '?' is told with its line, column and the header's name (a head once per household)"

run_import demo_clerk excel-column.csv
tap_is "$rc:$(head -1 err)" "1:excel-column.csv:3:4: 户主姓名: quote inside an unquoted field" \
	"a reading error's column is the field's number, with its name (was 28, counted in characters)"
zh run_import demo_clerk excel-column.csv
tap_is "$rc:$(cat err)" "1:excel-column.csv:3:4: 户主姓名：未加引号的字段中出现引号
excel-column.csv：未导入任何数据" \
	"in Chinese the same place, the same column"
zh run_import demo_clerk bad.csv
tap_is "$(grep -v "警告" err | head -1 | sed "s/身份证号无效：.*/身份证号无效：/")" "bad.csv:6:5: head_id_number：身份证号无效：" \
	"and a check's error says line and column the same way"
zh run_import demo_clerk excel-blank-rows.csv
tap_is "$rc:$(head -1 err)" "0:excel-blank-rows.csv:3: 警告：跳过一个空行（只有逗号和空白）" \
	"the warnings in Chinese"

tap_is "$(su "SELECT count(*) FROM eduaid.roster_row")" "$((before + 2 + 1 + 3 + 2))" \
	"only the accepted files left staging rows"

run_import demo_officer scope.csv
tap_is "$rc:$(cat err)" "0:scope.csv: warning: 军店镇 (420325101) is not one of your townships: its rows (2, the first on line 3) are imported, but your reconciliation leaves them out" \
	"an officer of 城关镇 importing 军店镇's rows is told how many and where"
imp3=$(sed -n 's/^import //p' out)
"$EDUAID" -U demo_officer reconcile "$imp3" >rec4 2>rec4.err
rc=$?
tap_is "$rc:$(cat rec4.err)" "1:eduaid: warning: 军店镇 (420325101) is not one of your townships: the roster's 2 rows there (2 households, the first on line 3) are not compared" \
	"reconcile counts and names them too (they vanished without a word)"
tap_is "$(grep -c '^420325101 ' rec4):$(grep -c '^420325100 ' rec4)" "0:1" \
	"and compares 城关镇 only"
"$EDUAID" -U demo_clerk reconcile "$(sed -n 's/^import //p' out)" >/dev/null 2>rec5.err
tap_is "$?:$(cat rec5.err)" "2:eduaid: no roster import $imp3 of yours" \
	"(the import is the officer's)"
run_import demo_clerk scope.csv
imp4=$(sed -n 's/^import //p' out)
"$EDUAID" -U demo_clerk reconcile "$imp4" >/dev/null 2>rec6.err
tap_is "$rc:$(cat err):$(cat rec6.err)" "0::" \
	"a clerk of both townships is told nothing at import or reconcile"

run_import demo_clerk no-such-file.csv
tap_is "$rc:$(cat err)" "2:no-such-file.csv: No such file or directory" \
	"a file that is not there is a usage error (exit 2), said before connecting"
mkdir -p adir
run_import demo_clerk adir
tap_is "$rc:$(cat err)" "2:adir: Is a directory" "so is a directory"

"$EDUAID" -U demo_clerk2 reconcile "$imp2" >rec3 2>&1
tap_is "$?:$(cat rec3)" "2:eduaid: no roster import $imp2 of yours" \
	"another clerk cannot reconcile the officer's import"

tap_done
