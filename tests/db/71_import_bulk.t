#!/usr/bin/env bash
# tests/db/71_import_bulk.t: the roster import's bulk checks (issue 16).
# The server checks an import's rows all at once (roster_finish_counted:
# hashed groupings, the exact sorted checks only to name the line), so
# here, with and without the client's checks: a household whose columns
# differ on a later row (a family size given once and left out once
# included), a head's ID number heading two households, a member listed
# twice and an impossible ID number are each refused with their file line
# and column, and leave nothing; rows of another township are imported,
# told and left out of the reconciliation, and no draft is made of them; a
# household eduaid already holds differs in the reconciliation and is no
# new draft. A hostile login (demo_clerk2, another township) cannot add
# rows to someone else's import, finish it, read it, nor pass rows whose
# township code and name disagree. The rules the COPY runs per row are
# inlined (no SQL function call per row) and keep their NULL answers. And
# the CLI's progress: rows, MB and rows a second on a terminal's stderr
# (a pty made by script), one line rewritten with \r, the last kept;
# nothing of it when stderr is a file. Run by tests/db/run-db-tests.sh
# through prove.
set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$top_srcdir/tests/db/lib.sh"

EDUAID=${top_builddir:-$top_srcdir}/eduaid
export EDUAID_CONF=/dev/null LC_ALL=C.UTF-8 LANGUAGE=en
work=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-t71.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
cd "$work" || exit 1

tap_plan 22

su() { db_psql_super -c "$1"; }
# run_import USER FILE [OPTIONS...]: stdout to out, stderr to err; status in rc
run_import() {
	local user=$1 file=$2
	shift 2
	"$EDUAID" -U "$user" import roster "$@" "$file" >out 2>err
	rc=$?
}
# as USER SQL...: psql as USER, errors with their SQLSTATE, all on stdout
as() {
	local user=$1
	shift
	db_psql_as "$user" -v VERBOSITY=verbose "$@" 2>&1
}
idno() { su "SELECT '$1' || eduaid.id_check_digit('$1')"; }
first_error() { grep -v ': warning: ' err | head -1; }

H1=$(idno 42032519700101071)
H2=$(idno 42032519710202071)
H3=$(idno 42032519720303071)
M1=$(idno 42032520150101071)
M2=$(idno 42032520160202071)
M3=$(idno 42032520170303071)
HDR=household_no,township,village,head_name,head_id_number,family_size,member_name,member_id_number,relation,stage
V100=小西关社区居民委员会

# ---- bad rows, each with its line, nothing kept -------------------------------
rows_before=$(su "SELECT count(*) FROM eduaid.roster_row")
imports_before=$(su "SELECT count(*) FROM eduaid.roster_import")

cat >differs.csv <<EOF
$HDR
T71-D0001,城关镇,$V100,张三,$H1,4,张小三,$M1,child,primary
T71-D0002,城关镇,$V100,李四,$H2,3,李小四,$M2,child,primary
T71-D0001,城关镇,$V100,张三丰,$H1,4,张小五,$M3,child,junior
EOF
run_import demo_clerk differs.csv
tap_is "$rc:$(first_error)" \
	"1:differs.csv:4:1: household_no: household T71-D0001 has different household columns on another row (同一户的户信息前后不一致)" \
	"a household's columns differing on a later row: refused at that line"
run_import demo_clerk differs.csv --no-client-checks
tap_is "$rc:$(first_error)" \
	"1:differs.csv:4:1: household_no: household T71-D0001 has different household columns on another row (同一户的户信息前后不一致)" \
	"the same without the client's checks"

sed '4s/,张三丰,\([^,]*\),4,/,张三,\1,,/' differs.csv >size.csv
run_import demo_clerk size.csv
tap_is "$rc:$(first_error)" \
	"1:size.csv:4:1: household_no: household T71-D0001 has different household columns on another row (同一户的户信息前后不一致)" \
	"a family size given on one row and left out on another differs too"

cat >heads.csv <<EOF
$HDR
T71-E0001,城关镇,$V100,张三,$H1,4,张小三,$M1,child,primary
T71-E0002,城关镇,$V100,张三,$H1,3,李小四,$M2,child,primary
EOF
run_import demo_clerk heads.csv --no-client-checks
tap_is "$rc:$(first_error)" \
	"1:heads.csv:3:5: head_id_number: this head's ID number heads another household of the roster (户主身份证号在名册中重复)" \
	"a head's ID number heading two households: refused at the second"

cat >members.csv <<EOF
$HDR
T71-F0001,城关镇,$V100,张三,$H1,4,张小三,$M1,child,primary
T71-F0002,城关镇,$V100,李四,$H2,3,李小四,$M2,child,primary
T71-F0002,城关镇,$V100,李四,$H2,3,李小五,$M1,child,junior
EOF
run_import demo_clerk members.csv --no-client-checks
tap_is "$rc:$(first_error)" \
	"1:members.csv:4:8: member_id_number: this member's ID number is listed twice in the roster (学生身份证号在名册中重复)" \
	"a member listed twice in the file: refused at the second listing"

# 30 February, its check digit right: only the date is wrong
feb=$(idno 42032520150230071)
sed "3s/$M2/$feb/" members.csv | sed '4d' >date.csv
run_import demo_clerk date.csv --no-client-checks
tap_is "$rc:$(first_error)" \
	'1:date.csv:3:8: member_id_number: new row for relation "roster_row" violates check constraint "roster_row_member_id_number_check"' \
	"an ID number of 30 February is refused by the server's rule, at its line"

tap_is "$(su "SELECT count(*) FROM eduaid.roster_row"):$(su "SELECT count(*) FROM eduaid.roster_import")" \
	"$rows_before:$imports_before" "none of the refused files left an import or a row"

# ---- a good file with another township's household --------------------------
cat >good.csv <<EOF
$HDR
T71-G0001,城关镇,$V100,张三,$H1,4,张小三,$M1,child,primary
T71-G0001,城关镇,$V100,张三,$H1,4,张小四,$M2,child,junior
T71-G0002,土城镇,土城村民委员会,王五,$H3,2,王小五,$M3,child,primary
EOF
run_import demo_clerk good.csv
imp=$(sed -n 's/^import //p' out)
tap_is "$rc:$(head -1 out)" "0:good.csv: 3 rows, 2 households, 3 members, encoding UTF-8" \
	"a good roster imports, counted by the server's one pass"
tap_is "$(grep -c '土城镇 (420325103) is not one of your townships: its rows (1, the first on line 4)' err)" 1 \
	"the row of another township is imported and told"
tap_is "$(as demo_clerk -c "SELECT string_agg(township_id || ':' || roster_households, ' ') FROM eduaid.roster_counts($imp)")" \
	"420325100:1" "the reconciliation counts only the importer's township"
tap_is "$(as demo_clerk -c "SELECT * FROM eduaid.roster_create_drafts($imp, ARRAY['T71-G0002'])" | grep -o 'EA004')" \
	"EA004" "no draft of the other township's household"

# ---- against what eduaid holds ------------------------------------------------
IFS='|' read -r hno vname hid hname < <(su "SELECT h.household_no, v.name, h.head_id_number, h.head_name
                                                FROM eduaid.household h JOIN eduaid.village v ON v.id = h.village_id
                                               WHERE h.township_id = 420325100 ORDER BY h.id LIMIT 1")
cat >held.csv <<EOF
$HDR
$hno,城关镇,$vname,${hname}改,$hid,,,,,
EOF
run_import demo_clerk held.csv
imp_held=$(sed -n 's/^import //p' out)
tap_is "$rc:$(as demo_clerk -c "SELECT diff_kind || ':' || field FROM eduaid.roster_differences($imp_held)
                                      WHERE household_no = '$hno' AND diff_kind = 'household_differs'")" \
	"0:household_differs:head_name" "a household eduaid holds, its head renamed: a difference, not a second household"
tap_is "$(as demo_clerk -c "SELECT * FROM eduaid.roster_create_drafts($imp_held, ARRAY['$hno'])" | grep -o 'EA022')" \
	"EA022" "and no new draft of it"

# ---- a hostile login ----------------------------------------------------------
row="$imp, 99, 'T71-X0001', '土城镇', '土城村民委员会', 420325103, 420325103200, '坏人', '$H2'"
cols="import_id, file_line, household_no, township, village, township_id, village_id, head_name, head_id_number"
tap_is "$(as demo_clerk2 -c "INSERT INTO eduaid.roster_row ($cols) VALUES ($row)" | grep -o 'EA006')" \
	"EA006" "another township's clerk cannot add rows to someone else's import"
tap_is "$(as demo_clerk2 -c "SELECT * FROM eduaid.roster_finish_counted($imp)" | grep -o 'EA005')" \
	"EA005" "nor finish it (the definer checks the caller itself)"
tap_is "$(as demo_clerk2 -c "SELECT count(*) FROM eduaid.roster_rows WHERE import_id = $imp")" \
	"0" "nor read its rows"
out=$(as demo_clerk2 -f - <<SQL
BEGIN;
INSERT INTO eduaid.roster_import (file_name, encoding) VALUES ('forged.csv', 'UTF-8')
RETURNING id AS forged \gset
INSERT INTO eduaid.roster_row ($cols)
VALUES (:forged, 2, 'T71-X0002', '土城镇', '小西关社区居民委员会', 420325103, 420325100001, '坏人', '$H2');
SELECT * FROM eduaid.roster_finish_counted(:forged);
COMMIT;
SQL
)
tap_is "$(grep -o 'EA020' <<<"$out" | head -1):$(grep -c 'DETAIL:  2$' <<<"$out")" "EA020:1" \
	"rows whose village code is another township's are refused at their line"
tap_is "$(su "SELECT count(*) FROM eduaid.roster_import WHERE file_name = 'forged.csv'")" 0 \
	"and nothing of them commits"

# ---- the rules the COPY runs, per row -----------------------------------------
plan=$(su "EXPLAIN (VERBOSE, COSTS OFF)
           SELECT eduaid.is_clean(head_name), eduaid.mask_id_number(head_id_number),
                  eduaid.id_number_ok(head_id_number)
             FROM eduaid.roster_row")
tap_is "$(grep -c -e is_clean -e mask_id_number -e id_number_ok -e id_number_valid <<<"$plan")" 0 \
	"is_clean, mask_id_number and id_number_ok are inlined (no SQL function called per row)"
tap_is "$(su "SELECT concat_ws(',', eduaid.is_clean(NULL) IS NULL, eduaid.is_clean('a', NULL) IS NULL,
                                    eduaid.mask_id_number(NULL) IS NULL, eduaid.is_clean(E'a\\tb'),
                                    eduaid.is_clean(E'a\\nb', true), eduaid.mask_id_number('$H1'))")" \
	"t,t,t,f,t,${H1:0:6}********${H1: -4}" "and give what they gave (NULL for NULL)"

# ---- progress on a terminal ----------------------------------------------------
sed 's/T71-G/T71-P/g' good.csv >progress.csv
script -q -e -c "'$EDUAID' -U demo_clerk import roster progress.csv" typescript >/dev/null 2>&1
shown=$(tr '\r' '\n' <typescript | grep -a -E '^3 rows, 0\.0 MB, [0-9]+ rows/s' | tail -1)
tap_is "$(grep -a -c $'\r3 rows, 0.0 MB, [0-9]* rows/s\033\\[K' typescript):${shown:+shown}" "1:shown" \
	"on a terminal, stderr shows rows, MB and rows a second, rewritten with \\r and kept"
sed 's/T71-G/T71-Q/g' good.csv >quiet.csv
run_import demo_clerk quiet.csv
tap_is "$rc:$(grep -c 'rows/s' err)" "0:0" "stderr not a terminal: no progress"
