#!/usr/bin/env bash
# tests/db/46_record_facts_tui.t: the facts a record copies from the
# teacher register (sql/021_record_facts.sql) as its reviewer sees them --
# in Chinese (zh_CN.UTF-8) at 80x24, against the database suite's cluster
# and its demo data. demo_officer opens a teacher fund application and
# finds its section "教师信息（报审时）" with the teacher's name, ID number,
# school, title and years; demo_supervisor sees the same section with the
# ID number masked; demo_clerk opens a home-delivery plan and finds the
# home teacher's copied name and ID number. Every pane line fits 80 cells.
# Reads only.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -U "$EDUAID_SUPERUSER" -c "$1"; }

ZH=zh_CN.UTF-8
HDR="记录类型"

narrow() {
	tui_screen | python3 -c '
import sys, unicodedata
def cells(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
bad = [l for l in sys.stdin.read().split("\n") if cells(l) > 80]
for l in bad:
    print("# %d cells: %s" % (cells(l), l))
sys.exit(1 if bad else 0)'
}

# Down until TEXT shows (at most 30 times).
down_to() { # TEXT
	local i
	for i in $(seq 1 30); do
		tui_screen | grep -qF -- "$1" && return 0
		tui_keys Down
		sleep 0.1
	done
	tui_wait "$1"
}

# Open the list of LABEL from the main menu, search it for TERM, open the
# first row found.
open_record() { # LABEL TERM
	tui_menu "$1" "$HDR" || return 1
	tui_wait "状态" || return 1
	tui_keys /
	sleep 0.3
	tui_type "$2"
	tui_keys Enter
	sleep 0.5
	tui_keys Enter
}

to_menu() {
	local i
	for i in 1 2 3 4; do
		tui_screen | grep -qF "请选择要处理的工作" && return 0
		tui_keys Escape
		sleep 0.3
	done
	tui_wait "请选择要处理的工作"
}

# A fund application of 城关镇 (submitted if any) and its copy; a
# home-delivery plan.
read -r FUND TNAME TIDNO TYEARS < <(su "SELECT a.id, a.teacher_name, a.teacher_id_number, a.teacher_rural_years
	FROM eduaid.teacher_fund_application a WHERE a.township_id = 420325100
	AND a.teacher_name IS NOT NULL ORDER BY a.status = 'submitted' DESC, a.id LIMIT 1" | tr '|' ' ')
read -r PLAN HTNAME CHILD < <(su "SELECT p.id, p.home_teacher_name, p.child_name FROM eduaid.special_ed_plan p
	WHERE p.township_id = 420325100 AND p.placement = 'home_delivery'
	AND p.home_teacher_name IS NOT NULL ORDER BY p.id LIMIT 1" | tr '|' ' ')
[ -n "${FUND:-}" ] && [ -n "${PLAN:-}" ]
tui_ok $? "the demo data has a fund application ($FUND) and a home-delivery plan ($PLAN) with their copies"

tui_start demo_officer 80 24 $ZH
to_menu
open_record "教师帮扶资金" "$TNAME"
down_to "乡村任教年限"
tui_ok $? "demo_officer: the application shows the teacher as submitted"
tui_screen | grep -qF "教师信息（报审时）"
tui_ok $? "... under the heading 教师信息（报审时）"
tui_screen | grep -qF "$TIDNO"
tui_ok $? "... with the teacher's ID number in full for an officer"
narrow
tui_ok $? "... and no line wider than 80 cells"

tui_start demo_supervisor 80 24 $ZH
to_menu
open_record "教师帮扶资金" "$TNAME"
down_to "乡村任教年限"
tui_ok $? "demo_supervisor: the application shows the teacher as submitted"
tui_screen | grep -qF "${TIDNO:0:6}********${TIDNO:14:4}" && ! tui_screen | grep -qF "$TIDNO"
tui_ok $? "... the ID number masked"
narrow
tui_ok $? "... and no line wider than 80 cells"

tui_start demo_clerk 80 24 $ZH
to_menu
open_record "特殊教育一人一案" "$CHILD"
down_to "送教教师身份证"
tui_ok $? "demo_clerk: the plan shows the home teacher as submitted"
tui_screen | grep -qF "$HTNAME"
tui_ok $? "... by name"
narrow
tui_ok $? "... and no line wider than 80 cells"

tui_done
