#!/usr/bin/env bash
# tests/tui/58_keybar.t: issue 12 item 8, in Chinese at 80x24. On the main
# menu Esc, q and ^Q all ask the same question (确定退出 eduaid 吗？), and
# n keeps the menu; the menu's key bar says Esc/q quits. An untouched new
# household -- opened, fields passed with Tab, nothing typed -- killed by
# the terminal going away (tmux kills the session: SIGHUP) leaves no
# journal, nor does one given a member row and then none (F6, Esc: the
# form was marked changed), and the next start does not offer 1 条记录的
# 修改尚未保存. In English Esc asks Quit eduaid? too.
# Runs on a copy of the demo cluster of its own (tests/tui/run.sh). About
# 20 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup

ASK='确定退出 eduaid 吗？'
MENU='记录类型'
JDIR=$TUI_TMP/home/.local/state/eduaid/demo_clerk

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

# ==== the menu: three keys, one question =====================================
tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "$MENU"
tui_ok $? "demo_clerk is on the main menu"
tui_screen | tail -n 2 | grep -qF 'Esc/q 退出'
tui_ok $? "the menu's key bar says Esc/q 退出 (not 返回)"

for key in q Escape C-q; do
	tui_keys "$key"
	tui_wait "$ASK"
	tui_ok $? "$key on the menu asks $ASK"
	tui_keys n
	tui_wait_gone "$ASK" && tui_wait "$MENU" && [ ! -s "$TUI_TMP/exit" ]
	tui_ok $? "... n keeps the menu, the client still runs"
done
tui_keys q && tui_wait "$ASK" && tui_keys y
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "q then y leaves cleanly, nothing on stderr"
tmux_ kill-session -t e2e 2>/dev/null

# ==== an untouched new form is not journaled =================================
rm -f "$TUI_TMP/exit"
tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "$MENU" && tui_menu "建档立卡户核查" "$MENU" && tui_wait "户主" && tui_keys C-n
tui_wait "状态：新记录"
tui_ok $? "a new household form is open"
tui_keys Tab Tab Tab BTab F6
tui_wait "将此行保留在记录中" && tui_keys Escape && tui_wait_gone "将此行保留在记录中"
tui_ok $? "F6 opens a member row, Esc drops it untouched"
tmux_ kill-session -t e2e
sleep 1
! ls "$JDIR"/household-new-*.journal >/dev/null 2>&1
tui_ok $? "killed with nothing typed: no journal"

tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "$MENU"
sleep 0.5
! tui_screen | grep -qF '尚未保存'
tui_ok $? "the next start offers nothing (no 尚未保存)"
tui_keys q && tui_wait "$ASK" && tui_keys y
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "demo_clerk leaves cleanly"

# ==== in English: Esc asks too ==============================================
tui_start demo_clerk 80 24 C.UTF-8
tui_wait "Main menu" && tui_screen | tail -n 2 | grep -qF 'Esc/q Quit'
tui_ok $? "in English the menu's bar says Esc/q Quit"
tui_keys Escape
tui_wait "Quit eduaid?" && tui_keys y
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "Esc asks Quit eduaid?, y leaves cleanly"

tui_done
