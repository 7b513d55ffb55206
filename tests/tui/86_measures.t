#!/usr/bin/env bash
# tests/tui/86_measures.t: the area 计划措施 (issue 17) walked in tmux, in
# Chinese at 80x24, as the township officer (demo_officer, 城关镇) and the
# county supervisor (demo_supervisor): from the main menu each of the six
# measures opens with Enter on its line and Esc comes back to the area --
# 学前教育's batches, 留守儿童关爱's children, 随迁子女's and 学校食堂's
# reports, 定向招生's applications, 乡村教师's register; the officer's
# canteen report names no other township, the reports end with their 合计
# line (End: below the supervisor's twenty townships). The screens'
# contents are the dumps' (tests/screens/keys/*_officer.keys,
# *_supervisor.keys); this proves the walk over a real terminal. About
# 20 s (and the demo template).
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

# open LINE TITLE: Enter on the area's line LINE (counted from the top),
# wait for TITLE in the title bar
open_measure() {
	local i
	tui_keys Home
	for ((i = 0; i < $1; i++)); do tui_keys Down; done
	tui_keys Enter && tui_wait "eduaid · $2"
}
back_to_area() { tui_keys Escape && tui_wait "行动计划的其他措施："; }

walk() { # USER
	local who=$1
	tui_start "$who" 80 24 zh_CN.UTF-8
	tui_wait "审核队列" && tui_keys Escape && tui_menu "计划措施" "记录类型" &&
		tui_wait "行动计划的其他措施："
	tui_ok $? "$who: 计划措施 opens from the main menu"
	tui_screen | grep -q "学前教育" && tui_screen | grep -q "留守儿童关爱" &&
		tui_screen | grep -q "随迁子女" && tui_screen | grep -q "定向招生" &&
		tui_screen | grep -q "乡村教师" && tui_screen | grep -q "学校食堂"
	tui_ok $? "$who: the six measures are listed"
	open_measure 0 "学前教育导入批次" && back_to_area
	tui_ok $? "$who: 学前教育 opens its batches, Esc comes back"
	open_measure 1 "留守儿童关爱" && back_to_area
	tui_ok $? "$who: 留守儿童关爱 opens the children, Esc comes back"
	open_measure 2 "统计报表" && tui_wait "随迁子女资助覆盖" && tui_keys End && tui_wait "合计" &&
		back_to_area
	tui_ok $? "$who: 随迁子女 opens its report with the total line"
	open_measure 3 "定向招生专项计划" && back_to_area
	tui_ok $? "$who: 定向招生 opens the applications"
	open_measure 4 "乡村教师" && back_to_area
	tui_ok $? "$who: 乡村教师 opens the register"
	open_measure 5 "统计报表" && tui_wait "营养改善计划学校食堂" && tui_keys End &&
		tui_wait "合计"
	tui_ok $? "$who: 学校食堂 opens its report with the total line"
	if [ "$who" = demo_officer ]; then
		! tui_screen | grep -q -e "军店镇" -e "土城镇" -e "九道乡"
		tui_ok $? "demo_officer: the canteen report names 城关镇 only"
	else
		tui_keys Home && tui_wait "城关镇" && tui_screen | grep -q "军店镇"
		tui_ok $? "demo_supervisor: the canteen report has the county's townships"
	fi
	back_to_area && tui_keys Escape && tui_wait "主菜单" && tui_quit
}
walk demo_officer
walk demo_supervisor
tui_done
