#!/usr/bin/env bash
# tests/db/77_preschool_import.t: `eduaid import preschool-population` and
# `preschool-enrollment` (issue 17 H1) end to end against the suite's
# cluster (the demo loaded), as real logins, and `eduaid report preschool`
# on what they imported, with figures worked out by hand:
#
#   tests/data/preschool/population.csv (and its GB18030 twin): 城关镇 two
#   villages, 12+14+15 + 20+18+22 = 101 children; 军店镇 as a whole,
#   31+30+29 = 90. enrollment.csv: two children on each township's roll.
#   Accepted (as of 2026-11-01, newer than the demo's accepted batches),
#   they replace the demo's: 城关镇 101 and 2 (2.0%), 军店镇 90 and 2 (2.2%).
#   County: 3170 - 130 - 133 + 101 + 90 = 3098 children; enrolled, the
#   demo's 2994 distinct children less 城关镇's 124 own and 军店镇's 127
#   (the child on both rolls among them), plus the 4: 2747; 88.7%.
#
# Also: a bad file refused whole with FILE:LINE:COLUMN in Chinese, a
# duplicate child refused by the server with its line, the supervisor
# cannot import, the importer cannot accept, a row added to an open batch
# in a later transaction is refused. Run by tests/db/run-db-tests.sh.
set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$top_srcdir/tests/db/lib.sh"

EDUAID=${top_builddir:-$top_srcdir}/eduaid
export EDUAID_CONF=/dev/null LC_ALL=C.UTF-8 LANGUAGE=en
work=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-t77.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
cd "$work" || exit 1
cp "$top_srcdir"/tests/data/preschool/*.csv .

tap_plan 17

as() { db_psql_as "$1" -c "$2"; }
run() {
	"$EDUAID" -U "$@" >out 2>err
	rc=$?
}
for gmo in "${top_builddir:-$top_srcdir}/po/zh_CN.gmo" "$top_srcdir/po/zh_CN.gmo"; do
	[[ -f $gmo ]] && break
done
mkdir -p locale/zh_CN/LC_MESSAGES && cp "$gmo" locale/zh_CN/LC_MESSAGES/eduaid.mo
zh() { LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN EDUAID_LOCALEDIR="$work/locale" "$@"; }
meta=(--source 公安户籍 --as-of 2026-11-01 --year 2026)

# ---- a bad file: nothing imported, every problem with its place ---------------
before=$(as demo_supervisor "SELECT count(*) FROM eduaid.preschool_batch")
zh run demo_clerk import preschool-enrollment enrollment_bad.csv "${meta[@]}"
tap_is "$rc" 1 "a bad roll is refused (exit 1)"
tap_is "$(cat err)" "enrollment_bad.csv:2:4: 身份证号: 身份证号校验位不符，请检查是否输错。
enrollment_bad.csv:3:1: 乡镇: “土城镇”不是您负责的乡镇
enrollment_bad.csv:4:2: 幼儿园: 本乡镇没有幼儿园“城关镇中心小学”
enrollment_bad.csv:4:5: 出生日期: 出生日期与身份证号不符。
enrollment_bad.csv：未导入任何数据" \
	"... each problem as FILE:LINE:COLUMN: NAME: reason, in Chinese"
run demo_clerk import preschool-enrollment enrollment_dup.csv "${meta[@]}"
tap_is "$rc:$(cat err)" "1:enrollment_dup.csv:3:4: id_number: This child appears twice in the township's file.
enrollment_dup.csv: nothing imported" \
	"a child twice in a township's file: the server's refusal mapped to its line and column"
tap_is "$(as demo_supervisor "SELECT count(*) FROM eduaid.preschool_batch")" "$before" \
	"... and no batch is left behind"
run demo_supervisor import preschool-population population.csv "${meta[@]}"
tap_is "$rc" 1 "a supervisor imports nothing"
run demo_clerk import preschool-population population.csv --source 公安户籍 --year 2026
tap_is "$rc" 2 "without --as-of: a usage error (exit 2)"

# ---- the good files -------------------------------------------------------------
run demo_clerk import preschool-population population_gb18030.csv "${meta[@]}"
tap_is "$rc:$(head -1 out)" "0:population_gb18030.csv: 3 rows, encoding GB18030" \
	"the population file in GB18030 is imported"
tap_is "$(tail -n +2 out | sed 's/[0-9][0-9]*:/N:/')" "batch N: 城关镇, 2 rows, awaiting review
batch N: 军店镇, 1 rows, awaiting review" "... one batch per township, awaiting review"
run demo_clerk import preschool-enrollment enrollment.csv --source 教育事业统计 --as-of 2026-11-01 --year 2026
tap_is "$rc:$(head -1 out)" "0:enrollment.csv: 4 rows, encoding UTF-8" "the rolls are imported"
tap_is "$(as demo_supervisor "SELECT string_agg(concat_ws(':', b.kind, b.source, b.as_of, b.file_name, b.row_count, b.state, b.created_by), ' ' ORDER BY b.id) FROM eduaid.preschool_batch b WHERE b.as_of = '2026-11-01'")" \
	"population:公安户籍:2026-11-01:population_gb18030.csv:2:imported:demo_clerk population:公安户籍:2026-11-01:population_gb18030.csv:1:imported:demo_clerk enrollment:教育事业统计:2026-11-01:enrollment.csv:2:imported:demo_clerk enrollment:教育事业统计:2026-11-01:enrollment.csv:2:imported:demo_clerk" \
	"each batch records kind, source, as-of date, file, rows, state and importer"
tap_is "$(as demo_supervisor "SELECT concat_ws(',', population, enrolled) FROM eduaid.report_preschool(2026, 420325100) WHERE township_id IS NOT NULL")" \
	"130,125" "not yet accepted: the figures are the demo's"

# ---- review ----------------------------------------------------------------------
ids=$(as demo_supervisor "SELECT string_agg(township_id || ':' || id, ' ' ORDER BY id) FROM eduaid.preschool_batch WHERE as_of = '2026-11-01'")
first=${ids%% *}
tap_fails "the importer cannot accept his batch" \
	as demo_clerk "SELECT eduaid.preschool_batch_review(${first%%:*}, ${first##*:}, true)" 2>/dev/null
for b in $ids; do
	as demo_supervisor "SELECT eduaid.preschool_batch_review(${b%%:*}, ${b##*:}, true)" >/dev/null
done
tap_is "$(as demo_supervisor "SELECT count(*) FROM eduaid.preschool_batch WHERE as_of = '2026-11-01' AND state = 'accepted' AND reviewed_by = 'demo_supervisor'")" \
	4 "demo_supervisor accepts the four batches"

# ---- the reports, by hand -----------------------------------------------------------
"$EDUAID" -U demo_supervisor report preschool --year 2026 >sup.csv 2>err
tap_is "$(grep -a -e '^420325100,' -e '^420325101,' -e '^,' sup.csv | tr -d '\r' | cut -d, -f1,3-)" \
	"420325100,101,2,91,2.0
420325101,90,2,81,2.2
,3098,2747,104,88.7" \
	"supervisor: 城关镇 101/2, 军店镇 90/2, the county 3098/2747 = 88.7% (short: 93-2, 83-2, 2851-2747)"
"$EDUAID" -U demo_officer report preschool --year 2026 >off.csv 2>err
tap_is "$(tail -n +2 off.csv | tr -d '\r' | cut -d, -f1,3-)" "420325100,101,2,91,2.0
,101,2,91,2.0" "officer: 城关镇 and its total only"
"$EDUAID" -U demo_officer report preschool_central --year 2026 >cen.csv 2>err
tap_is "$(tail -n +2 cen.csv | tr -d '\r' | cut -d, -f1,4-)" "420325100,1,1,1,1,100.0
,1,1,1,1,100.0" "officer: 城关镇 has its central kindergarten"

# ---- a batch left open is closed to a later transaction ---------------------------
open=$(as demo_clerk "INSERT INTO eduaid.preschool_batch (township_id, kind, school_year, source, as_of, file_name) VALUES (420325100, 'population', 2026, 'x', '2026-11-02', 'open.csv') RETURNING id")
tap_fails "a row added to an open batch in a later transaction is refused" \
	as demo_clerk "INSERT INTO eduaid.preschool_population (township_id, batch_id, file_line, age3, age4, age5) VALUES (420325100, $open, 2, 1, 1, 1)" 2>/dev/null

tap_done
