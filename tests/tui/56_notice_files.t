#!/usr/bin/env bash
# tests/tui/56_notice_files.t: opening a public notice in Chinese at 80x24
# (issue 12 item 10). demo_supervisor opens the subsidy-list notice of 城关镇
# for this school year from the notice screen (F3): the confirmation names
# the township, the year and how many households -- the count
# eduaid.notice_preview gives, before anything is opened --, and once
# confirmed the status line says the notice is open with as many lines as
# the database holds for it (it said 共 0 条: the client counted in the
# snapshot from before the lines were inserted). Cost: about 20 seconds.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
as() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$1" -c "$2"; }

# the school year the client offers (core/date.c): from September on, this
# calendar year's
m=$(date +%m)
YEAR=$(date +%Y)
[ $((10#$m)) -ge 9 ] || YEAR=$((YEAR - 1))
N=$(as demo_supervisor "SELECT lines FROM eduaid.notice_preview('household_year', 420325100, $YEAR)")
[ "${N:-0}" -gt 0 ]
tui_ok $? "fixture: 城关镇 has $N approved records of $YEAR with grants to put on notice"

tui_start demo_supervisor 80 24 zh_CN.UTF-8
tui_wait "等待"
tui_keys Escape
tui_menu "公示" "记录类型"
tui_wait "F3"
tui_ok $? "the notice screen"
tui_keys F3
tui_wait "学生资助名单"
tui_keys Enter
tui_wait "城关镇"
tui_type "城关"
tui_keys Enter
tui_wait "2026 即 2026-2027"
tui_keys Enter
tui_wait "将为 城关镇 开启 $YEAR 年公示"
tui_ok $? "the confirmation names the township and the year"
tui_screen | tr -d ' \n' | grep -qF "共${N}户，确定吗"
tui_ok $? "... and the count from the server, $N households, before opening"
[ "$(su "SELECT count(*) FROM eduaid.notice WHERE township_id = 420325100 AND school_year = $YEAR")" = 0 ]
tui_ok $? "nothing is opened while the question is asked"
tui_keys y
tui_wait "已开启，共 $N 条"
tui_ok $? "once confirmed: the notice is open with its $N lines (not 0)"
ID=$(su "SELECT max(id) FROM eduaid.notice WHERE township_id = 420325100 AND school_year = $YEAR")
[ "$(su "SELECT count(*) FROM eduaid.notice_item WHERE notice_id = ${ID:-0}")" = "$N" ]
tui_ok $? "... as the database holds them"
tui_done
