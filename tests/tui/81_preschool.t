#!/usr/bin/env bash
# tests/tui/81_preschool.t: 学前教育 (issue 17 H1) in Chinese at 80x24.
# demo_supervisor opens 计划措施 → 学前教育: the county's rate (94.4%) and
# one batch awaiting review, 城关镇's population batch (卫健, 136
# children) first in the list. F11 with no reason is refused in words
# (EA239's), nothing changes; F7 and y accept it: the database says
# accepted by demo_supervisor, and 城关镇's row of the report now counts
# 136 children (the newer accepted batch replaces the demo's 130).
# demo_officer's list shows only 城关镇 and offers no review key. About
# 15 s (and the demo template: about 4 minutes when it is made).
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
pending() { su "select state || ':' || coalesce(reviewed_by, '-') from eduaid.preschool_batch where township_id = 420325100 and source = '卫健'"; }

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"
[ "$(pending)" = "imported:-" ]
tui_ok $? "the demo's 城关镇 population batch (卫健) awaits review"

tui_start demo_supervisor 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_keys Escape && tui_menu "计划措施" "记录类型" &&
	tui_wait "毛入园率 94.4%（在园 2994 / 3-5岁 3170）· 待审核 1"
tui_ok $? "计划措施: 学前教育's line gives the county's rate and the batch awaiting review"
tui_keys Enter && tui_wait "学前教育导入批次" && tui_wait "F7 接受，F11 退回" &&
	tui_wait "文件：学前人口_卫健_1110.csv"
tui_ok $? "the batches: 城关镇's awaiting review first, with its importer and file"
tui_keys F11 && tui_wait "理由" && tui_keys Enter &&
	tui_wait "退回须填写理由" && [ "$(pending)" = "imported:-" ]
tui_ok $? "F11 without a reason: refused in words, the batch still awaits review"
tui_keys F7 && tui_wait "接受这个 1 行的批次" && tui_keys y && tui_wait "批次已接受。"
tui_ok $? "F7, y: the batch is accepted"
[ "$(pending)" = "accepted:demo_supervisor" ] &&
	[ "$(su "set session authorization demo_supervisor;
	         select population from eduaid.report_preschool(2026, 420325100) where township_id is not null" | tail -n 1)" = 136 ]
tui_ok $? "the database: accepted by demo_supervisor; 城关镇 now counts 136 children (45+44+47)"
tui_screen | sed 's/^/#   /'
tui_keys Escape Escape && tui_wait "主菜单" && tui_quit

tui_start demo_officer 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_keys Escape && tui_menu "计划措施" "记录类型" &&
	tui_keys Enter && tui_wait "学前教育导入批次" && tui_wait "县教育局审核人接受后计入统计" &&
	! tui_screen | grep -q -e "军店镇" -e "F7"
tui_ok $? "demo_officer: 城关镇's batches only, no key to review"
tui_keys Escape Escape && tui_wait "主菜单" && tui_quit
tui_done
