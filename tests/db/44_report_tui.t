#!/usr/bin/env bash
# tests/db/44_report_tui.t: the report screen end to end, in tmux, against
# the database suite's cluster and its demo data (en_US.UTF-8, 100x30).
# demo_clerk opens Reports from the main menu (below the record kinds and
# the ledgers): the subsidy report of
# school year 2026 shows his two townships and the Total row, with the
# numbers eduaid.report_subsidy gives him and a bar of block characters;
# s sorts by a column (the rows come in that order), r reverses it; g shows
# programs instead of townships; Enter lists the students not granted,
# masked; 3 picks the schooling report; y/Y change the year. Reads only.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
as() { psql -X -At -v ON_ERROR_STOP=1 -U "$1" -c "$2"; }

# the year shown first is the current school year: move to 2026 from it
now=$(date +%Y)
month=$(date +%-m)
cur=$((month >= 9 ? now : now - 1))

tui_start demo_clerk 100 30 en_US.UTF-8
tui_wait "Reports"
tui_ok $? "the main menu offers Reports"
tui_menu "Reports"
tui_wait "Subsidy coverage"
tui_ok $? "Enter opens the subsidy report"
while ((cur > 2026)); do
	tui_keys y
	cur=$((cur - 1))
done
while ((cur < 2026)); do
	tui_keys Y
	cur=$((cur + 1))
done
tui_wait "school year 2026-27"
tui_ok $? "y/Y move to school year 2026-27"

row() { # NAME: the numbers of that row on the screen, comma separated
	tui_screen | grep -F -- "$1 " | head -1 | awk '{ for (i = NF - 3; i <= NF; i++) printf "%s%s", $i, (i < NF ? "," : "\n") }'
}
for tw in 420325100:城关镇 420325101:军店镇; do
	want=$(as demo_clerk "SELECT concat_ws(',', entitled, granted, missing, coverage) FROM eduaid.report_subsidy(2026) WHERE township_id = ${tw%%:*} AND item IS NULL")
	tui_wait "${tw#*:}"
	got=$(row "${tw#*:}")
	[ "$got" = "$want" ]
	tui_ok $? "${tw#*:}: $got as eduaid.report_subsidy gives it ($want)"
done
want=$(as demo_clerk "SELECT concat_ws(',', entitled, granted, missing, coverage) FROM eduaid.report_subsidy(2026) WHERE township_id IS NULL AND item IS NULL")
[ "$(row Total)" = "$want" ]
tui_ok $? "the Total row ($want)"
! tui_screen | grep -q "土城镇"
tui_ok $? "a township demo_clerk does not work in is not shown"
tui_screen | grep -F "城关镇" | grep -q "█"
tui_ok $? "the bar is drawn with block characters"

# sort by Missing (the third column) descending, then ascending
tui_keys s s s
tui_wait "sorted by Missing"
tui_ok $? "s cycles the sort column to Missing"
order() { tui_screen | grep -E "城关镇|军店镇" | awk '{print $1}' | paste -sd,; }
m100=$(as demo_clerk "SELECT missing FROM eduaid.report_subsidy(2026) WHERE township_id = 420325100 AND item IS NULL")
m101=$(as demo_clerk "SELECT missing FROM eduaid.report_subsidy(2026) WHERE township_id = 420325101 AND item IS NULL")
if ((m100 <= m101)); then asc="城关镇,军店镇" desc="军店镇,城关镇"; else asc="军店镇,城关镇" desc="城关镇,军店镇"; fi
[ "$(order)" = "$asc" ]
tui_ok $? "ascending by Missing: $(order)"
tui_keys r
sleep 0.3
tui_wait "Missing v"
[ "$(order)" = "$desc" ]
tui_ok $? "r reverses: $(order)"

tui_keys g
tui_wait "Compulsory waiver"
tui_ok $? "g shows the programs over all townships"
tui_keys g
tui_wait "城关镇"

tui_keys Home Enter
tui_wait "Entitled but not granted"
tui_ok $? "Enter lists the students entitled but not granted"
n=$(as demo_clerk "SELECT count(*) FROM eduaid.report_subsidy_missing(2026, 420325100)")
tui_wait "school year 2026-27: $n"
tui_ok $? "... of the selected township ($n)"
tui_screen | grep -q '[0-9]\{6\}\*\{8\}[0-9]\{3\}[0-9X]'
tui_ok $? "ID numbers in the list are masked"
tui_keys q
tui_wait "Subsidy coverage"

tui_keys 3
tui_wait "Schooling and dropout ledgers"
tui_ok $? "3 picks the schooling report"
tui_wait "Enrolled %"
tui_ok $? "its columns are shown"
tui_keys q q
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "q leaves cleanly"
tui_done
