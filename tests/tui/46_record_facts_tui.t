#!/usr/bin/env bash
# tests/tui/46_record_facts_tui.t: the facts a record copies from the
# teacher register (sql/021_record_facts.sql) as its reviewers see them --
# in Chinese (zh_CN.UTF-8) at 80x24, against its own copy of the demo
# cluster. A fund application of 城关镇 is made and submitted
# (psql, as demo_clerk); demo_officer opens it from his review queue and
# finds the section "教师信息（报审时）" with the teacher's name, ID number,
# school, title and years. officer_100 verifies it (psql); demo_supervisor
# opens it from her queue and sees the same section with the ID number
# masked. demo_clerk opens a home-delivery plan and finds the home
# teacher's copied name and ID number. Every pane line fits 80 cells. The
# application is deleted again on exit (its audit rows stay).
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
as_user() { su "SET SESSION AUTHORIZATION $1; $2" | tail -1; }

ZH=zh_CN.UTF-8
HDR="记录类型"
BOX='┐'

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

# An application for school year 2035 of a teacher of 城关镇 who has none.
FUND=$(as_user demo_clerk "INSERT INTO eduaid.teacher_fund_application (township_id, teacher_id,
	program_id, school_year, reason_category, reason_text, amount_requested, bank_name, bank_account)
	SELECT 420325100, t.id, (SELECT min(p.id) FROM eduaid.fund_program p), 2035, 'illness',
	       '界面测试', 100, '测试银行', '6228480012345678901'
	  FROM eduaid.teacher t
	 WHERE t.township_id = 420325100 AND NOT EXISTS (SELECT FROM eduaid.teacher_fund_application a
	       WHERE a.teacher_id = t.id AND a.school_year = 2035)
	 ORDER BY t.id LIMIT 1 RETURNING id")
trap 'su "DELETE FROM eduaid.teacher_fund_application WHERE id = ${FUND:-0}" >/dev/null 2>&1' EXIT
as_user demo_clerk "SELECT eduaid.submit('teacher_fund', $FUND)" >/dev/null
IFS='|' read -r TNAME TIDNO TYEARS < <(su "SELECT teacher_name, teacher_id_number, teacher_rural_years
	FROM eduaid.teacher_fund_application WHERE id = ${FUND:-0} AND status = 'submitted'")
IFS='|' read -r PLAN HTNAME CHILD < <(su "SELECT p.id, p.home_teacher_name, p.child_name
	FROM eduaid.special_ed_plan p WHERE p.township_id = 420325100
	AND p.placement = 'home_delivery' AND p.home_teacher_name IS NOT NULL ORDER BY p.id LIMIT 1")
[ -n "${TNAME:-}" ] && [ -n "${TIDNO:-}" ] && [ -n "${PLAN:-}" ]
tui_ok $? "a submitted fund application ($FUND, teacher $TNAME) and a home-delivery plan ($PLAN) with their copies"

tui_start demo_officer 80 24 $ZH
tui_wait "审核队列" && tui_wait "提交人" && tui_search "$TNAME" && tui_wait "搜索：$TNAME" &&
	tui_wait "$TNAME" && tui_keys Enter && down_to "乡村任教年限"
tui_ok $? "demo_officer opens the application from his queue: the teacher as submitted"
tui_screen | grep -qF "教师信息（报审时）"
tui_ok $? "... under the heading 教师信息（报审时）"
tui_screen | grep -qF "$TIDNO" && tui_screen | grep -E "乡村任教年限 +$TYEARS\$" >/dev/null
tui_ok $? "... the ID number in full for an officer, the years of rural service"
# he may edit a submitted record, but not the copies: drawn as text, not
# as inputs (no underline on their lines)
tmux_ capture-pane -ep -t e2e | grep -F "乡村任教年限" | grep -qv $'\e\\[4m' &&
	tmux_ capture-pane -ep -t e2e | grep -F "具体情况" | grep -q $'\e\\[4m'
tui_ok $? "... the copies shown as text, the fields he may edit as inputs"
narrow
tui_ok $? "... and no line wider than 80 cells"

as_user officer_100 "SELECT eduaid.verify('teacher_fund', $FUND)" >/dev/null
tui_start demo_supervisor 80 24 $ZH
tui_wait "审核队列" && tui_wait "提交人" && tui_search "$TNAME" && tui_wait "搜索：$TNAME" &&
	tui_wait "$TNAME" && tui_keys Enter && down_to "乡村任教年限"
tui_ok $? "demo_supervisor opens it from her queue: the teacher as submitted"
tui_screen | grep -qF "${TIDNO:0:6}********${TIDNO:14:4}" && ! tui_screen | grep -qF "$TIDNO"
tui_ok $? "... the ID number masked"
narrow
tui_ok $? "... and no line wider than 80 cells"

tui_start demo_clerk 80 24 $ZH
tui_wait "您可查看的记录" && tui_menu "特殊教育一人一案" "$HDR" && tui_wait "状态" &&
	tui_search "$CHILD" && tui_wait "$CHILD" && tui_keys Enter && down_to "送教教师身份证"
tui_ok $? "demo_clerk opens a home-delivery plan: the home teacher as submitted"
tui_screen | grep -qF "$HTNAME"
tui_ok $? "... by name"
narrow
tui_ok $? "... and no line wider than 80 cells"

tui_done
