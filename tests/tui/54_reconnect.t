#!/usr/bin/env bash
# tests/tui/54_reconnect.t: issue 12's server restart, in Chinese at 80x24.
# demo_clerk has the household list open when the server restarts (pg_ctl
# stop and start of the suite's own cluster, as its owner): ^R shows the
# rows again and the status line says the connection was restored; with
# the server stopped the list says the connection is lost and that ^R
# retries (never 没有记录), and once it is back ^R brings the rows back;
# the main menu's counts survive a restart (no `?`); demo_officer's queue
# too. Runs on a copy of the demo cluster of its own (tests/tui/run.sh).
# About 30 s (three restarts).
set -u
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/db/lib.sh"
tui_setup
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

LOST='与服务器的连接已断开，按 ^R 重试'
BACK='与服务器的连接已恢复'
PG=$(dirname "$(su 'SHOW data_directory')")
[ -f "$PG/data/PG_VERSION" ]
tui_ok $? "the suite's cluster is found ($PG)"

# restart: stop and start the server (pg_ctl -w: it answers when back).
restart() { cluster_stop "$PG" fast && cluster_start "$PG"; }

# The first household number on the list (FX and digits).
first_hno() { tui_screen | grep -oE 'FX[0-9]{5,}' | head -1; }

# The main menu's line of LABEL.
menu_line() { tui_screen | grep -F -- "$1" | head -1; }

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

# ==== the household list =====================================================
tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "建档立卡户核查" && tui_menu "建档立卡户核查" "记录类型" && tui_wait "户主"
HNO=$(first_hno)
[ -n "$HNO" ]
tui_ok $? "demo_clerk opens the household list: $HNO is on it"

restart
tui_ok $? "the server restarts"
tui_keys C-r
tui_wait "$BACK" && tui_wait "$HNO"
tui_ok $? "^R: the rows are there again, and the status line says $BACK"
! tui_screen | grep -qF "没有记录"
tui_ok $? "... and never 没有记录"

cluster_stop "$PG" fast
tui_ok $? "the server stops"
tui_keys C-r
tui_wait "$LOST"
tui_ok $? "^R with the server down: the list says $LOST"
! tui_screen | grep -qF "没有记录"
tui_ok $? "... not 没有记录"

cluster_start "$PG"
tui_ok $? "the server starts again"
tui_keys C-r
tui_wait "$BACK" && tui_wait "$HNO" && tui_wait_gone "$LOST"
tui_ok $? "^R: the rows are back, $BACK"

# ==== the main menu's counts =================================================
tui_keys q && tui_wait "记录类型" && tui_wait "草稿"
before=$(menu_line "建档立卡户核查")
printf '# before: %s\n' "$before"
restart
tui_keys C-r
tui_wait "$BACK"
after=$(menu_line "建档立卡户核查")
printf '# after: %s\n' "$after"
# (the menu's lines: above the key bar, whose F1/? is no count)
[ -n "$before" ] && [ "$before" = "$after" ] && ! tui_screen | head -n 22 | grep -qF '?'
tui_ok $? "the menu's counts after a restart and ^R: as before, no ?"
tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "demo_clerk leaves cleanly, nothing on stderr"

# ==== the officer's queue ====================================================
tui_start demo_officer 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "提交人"
ROW=$(tui_screen | grep -oE 'FX[0-9]{5,}' | head -1)
[ -n "$ROW" ]
tui_ok $? "demo_officer's queue holds $ROW"
restart
tui_keys C-r
tui_wait "$BACK" && tui_wait "$ROW"
tui_ok $? "^R after a restart: the queue holds $ROW again, $BACK"
! tui_screen | grep -qF "没有等待您审核的记录"
tui_ok $? "... not 没有等待您审核的记录"
tui_keys q && tui_wait "记录类型" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "demo_officer leaves cleanly, nothing on stderr"

tui_done
