#!/usr/bin/env bash
# tests/tui/61_layout.t: issue 12 item 6, layout, in tmux -- demo_clerk in
# Chinese and in English at 80x24, and in Chinese at 132x40. At 80
# columns: the menu's counts are never cut (on main `已批准 260 · 已 ~`,
# English `approved 1~`): a line that does not fit goes on in a second
# line; the training list shows its batches (2026-2) whole, not `202~`;
# report 3, wider than the screen, says '>' and scrolls right with Right
# ('<' then) down to its last column 已劝返; a new member's ID number being
# typed is shown whole, all 18 digits (on main the first digit scrolled
# off: `20325201509010029_`). At 132 columns the wider screen is used:
# the counts on one line, the returned records with their school year,
# the report with every column and nothing hidden. Runs on a copy of the
# demo cluster of its own (tests/tui/run.sh). About 45 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

ID=$(tui_idno 42032520150901002)
[ ${#ID} -eq 18 ]
tui_ok $? "a valid ID number to type: $ID"

# The screen's lines above the key bar and status line.
body() { tui_screen | head -n $(($(tui_screen | wc -l) - 2)); }

# A fresh home for each session: no journal of the form left open before
# (the client journals it when its terminal goes away, so that first).
start() { # USER COLS ROWS LANG_
	tmux_ kill-server 2>/dev/null
	sleep 1
	rm -rf "$TUI_TMP/home" && mkdir -p "$TUI_TMP/home" && tui_start "$@"
}

# On a list, ^N a new household, ^A a member: type a name and the ID
# number, and stay in the ID field. MEMBER_FIELD is the row editor's label
# of the birth date (the editor is open when it shows).
type_member_id() { # NEW_FORM_TEXT BIRTH_LABEL NAME
	tui_keys C-n && tui_wait "$1" && tui_keys C-a && tui_wait "$2" &&
		tui_type "$3" && tui_keys Tab && tui_type "$ID" && sleep 0.5
}

# ==== Chinese, 80x24 ==========================================================
start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "记录类型" && tui_wait "学年资助核查"
tui_ok $? "zh 80x24: the main menu"
! body | grep -qE '[0-9]~|已 ~|已~'
tui_ok $? "zh 80x24: no count on the menu is cut (no '1~', no '已 ~')"
body | grep -A1 -F "学年资助核查" | grep -qE '已退回 [0-9]+'
tui_ok $? "zh 80x24: 学年资助核查's counts go on to 已退回 N on the next line"

tui_menu "技能培训" "记录类型" && tui_wait "学员姓名"
tui_ok $? "zh 80x24: the training list opens"
body | grep -qE ' 20[0-9]{2}-[0-9]+ *$' && ! body | grep -qE '20[0-9]?~'
tui_ok $? "zh 80x24: the batches are whole (2026-2), never 202~"

tui_keys q && tui_wait "记录类型" && tui_menu "统计报表" "记录类型" &&
	tui_wait "报表" && tui_keys 3 && tui_wait "就学状况"
tui_ok $? "zh 80x24: report 3 opens"
header() { tui_screen | grep -E '^乡镇' | head -1; }
header | grep -qE '>$' && ! header | grep -qF '<' && ! header | grep -qF '已劝返'
tui_ok $? "zh 80x24: report 3 says '>' -- columns lie to the right"
tui_wait "左右翻列"
tui_ok $? "zh 80x24: the report names its keys: ←/→ 左右翻列"
tui_keys Right && sleep 0.3
header | grep -qE '^乡镇 +<'
tui_ok $? "zh 80x24: Right scrolls: '<' after the first column, which stays"
tui_keys Right Right Right Right Right Right Right Right && sleep 0.3
header | grep -qF '已劝返' && ! header | grep -qE '>$'
tui_ok $? "zh 80x24: scrolled to the last column 已劝返, no '>' any more"
tui_keys Left Left Left Left Left Left Left Left Left Left && sleep 0.3
! header | grep -qF '<'
tui_ok $? "zh 80x24: Left scrolls back to the start"

tui_keys q && tui_wait "记录类型" && tui_menu "建档立卡户核查" "记录类型" &&
	tui_wait "户主" && type_member_id "户籍信息" "出生日期" "王小红"
tui_ok $? "zh 80x24: a new member's ID number is typed"
tui_screen | grep -qF "$ID"
tui_ok $? "zh 80x24: the ID number being edited is whole: $ID"

# ==== English, 80x24 ==========================================================
start demo_clerk 80 24 C.UTF-8
tui_wait "Record kind" && tui_wait "Aid by school year"
tui_ok $? "en 80x24: the main menu"
! body | grep -qE '[0-9]~'
tui_ok $? "en 80x24: no count on the menu is cut (no 'approved 1~')"
body | grep -A1 -F "Aid by school year" | grep -qE 'approved [0-9]{3,}'
tui_ok $? "en 80x24: Aid by school year's approved count is whole"
tui_menu "Reports" && tui_wait "report" && tui_keys 3 && tui_wait "dropout"
tui_ok $? "en 80x24: report 3 opens"
eheader() { tui_screen | grep -E '^Township' | head -1; }
eheader | grep -qE '>$' && tui_wait "Left/Right columns"
tui_ok $? "en 80x24: '>' and the Left/Right hint"
tui_keys Right && sleep 0.3
eheader | grep -qE '^Township +<'
tui_ok $? "en 80x24: Right scrolls, '<' shown"
tui_keys q && tui_wait "Record kind" && tui_menu "Household verification" &&
	tui_wait "Head" && type_member_id "Household" "Date of birth" "Wang"
tui_ok $? "en 80x24: a new member's ID number is typed"
tui_screen | grep -qF "$ID"
tui_ok $? "en 80x24: the ID number being edited is whole: $ID"

# ==== Chinese, 132x40 =========================================================
start demo_clerk 132 40 zh_CN.UTF-8
tui_wait "记录类型" && tui_wait "学年资助核查"
tui_ok $? "zh 132x40: the main menu"
body | grep -F "学年资助核查" | grep -qE '已批准 [0-9]+ · 已退回 [0-9]+'
tui_ok $? "zh 132x40: 学年资助核查's counts whole on its one line"
tui_menu "退回给我的记录" "记录类型" && tui_wait "理由"
tui_ok $? "zh 132x40: the returned records"
body | grep -qE 'FX[0-9]+ [^ ]+ 20[0-9]{2} ' && ! body | grep -qF '~'
tui_ok $? "zh 132x40: the returned records show their school year, nothing cut"
tui_keys q && tui_wait "记录类型" && tui_menu "统计报表" "记录类型" &&
	tui_wait "报表" && tui_keys 3 && tui_wait "就学状况"
tui_ok $? "zh 132x40: report 3 opens"
header | grep -qF '已劝返' && ! header | grep -qE '[<>]'
tui_ok $? "zh 132x40: report 3 shows every column, nothing hidden"
tui_keys q && tui_wait "记录类型" && tui_menu "建档立卡户核查" "记录类型" &&
	tui_wait "户主" && type_member_id "户籍信息" "出生日期" "王小红"
tui_screen | grep -qF "$ID"
tui_ok $? "zh 132x40: the ID number being edited is whole: $ID"

tui_done
