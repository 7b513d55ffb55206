#!/usr/bin/env bash
# tests/tui/50_report_tui.t: the report screen end to end, in tmux, against
# its own copy of the demo cluster (en_US.UTF-8, 100x30).
# demo_clerk opens Reports from the main menu (below the record kinds and
# the ledgers): the subsidy report of
# school year 2026 shows his two townships and the Total row, with the
# numbers eduaid.report_subsidy gives him and a bar of block characters;
# s sorts by a column (the rows come in that order), r reverses it; g shows
# programs instead of townships; Enter lists the students not granted,
# masked; 3 picks the schooling report; y/Y change the year. Then, as
# demo_supervisor, the list of a fixture township of 5,400 lines
# (tests/db/_missing_pages.sql, loaded as the superuser and taken away
# again) arrives a page at a time and reads the same across a page
# boundary inside a household.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
as() { psql -X -At -v ON_ERROR_STOP=1 -U "$1" -c "$2"; }

# the year shown first is the current school year: move to 2026 from it
now=$(as "$EDUAID_SUPERUSER" "SELECT extract(year FROM current_date)")
month=$(as "$EDUAID_SUPERUSER" "SELECT extract(month FROM current_date)")
cur=$((month >= 9 ? now : now - 1))

tui_start demo_clerk 100 30 en_US.UTF-8
tui_wait "Reports"
tui_ok $? "the main menu offers Reports"
tui_menu "Reports"
tui_wait "Subsidy coverage"
tui_ok $? "Enter opens the subsidy report"
to_2026() { # from the current school year to 2026-27 with y/Y
	local c=$cur
	while ((c > 2026)); do
		tui_keys y
		c=$((c - 1))
	done
	while ((c < 2026)); do
		tui_keys Y
		c=$((c + 1))
	done
}
to_2026
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
tui_keys q && tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "q leaves cleanly"

# ---- the missing list in pages: 分页乡 (tests/db/_missing_pages.sql) --------
# 5,400 lines, three to a household, 200 to a page of the screen.
fixture() { psql -X -q -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" "$@" -f "$top_srcdir/tests/db/_missing_pages.sql"; }
trap 'tmux_ kill-server 2>/dev/null; rm -rf "$TUI_TMP"; fixture -v drop=1 >/dev/null 2>&1' EXIT
fixture
tui_ok $? "the fixture of 5,400 missing lines loads"
tui_start demo_supervisor 100 30 en_US.UTF-8
tui_wait "Waiting:" # a supervisor starts in the review queue
tui_keys Escape
tui_wait "Records you can see"
tui_menu "Reports"
tui_wait "Subsidy coverage"
to_2026
tui_wait "school year 2026-27"
tui_wait "分页乡"
tui_keys End Up Enter
tui_wait "school year 2026-27: 5400"
tui_ok $? "Enter on 分页乡 lists its 5,400 lines (the count of the whole list)"
tui_wait "TEST-P990101"
tui_ok $? "the first page begins with its first household"
# End: the cursor on line 200, the last of the first page; the next page
# arrives. Down: line 201, the third member of household 67, whose first two
# ended the first page.
tui_keys End
tui_wait "分页200"
tui_keys Down
tui_wait "分页201"
tui_ok $? "the line after the first page's last is the next page's first"
for k in 199 200 201; do
	[ "$(tui_screen | grep -c "分页$k ")" = 1 ]
	tui_ok $? "line $k is shown once, in household TEST-P990167"
done
[ "$(tui_screen | grep -c "TEST-P990167")" = 3 ]
tui_ok $? "household TEST-P990167 across the page boundary has its three lines"
# 26 more pages to the end: 27 of 200, then an empty one says there is no more
tui_keys $(printf 'End %.0s' $(seq 1 26))
tui_wait "分页5400"
tui_ok $? "End page by page reaches the last line (TEST-P991900)"
tui_screen | grep -F "分页5400" | grep -q "TEST-P991900"
tui_ok $? "... of the last household"
tui_keys q q && tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "q leaves cleanly"
fixture -v drop=1
tui_ok $? "the fixture is taken away again"
tui_done
