#!/usr/bin/env bash
# tests/tui/71_audit_export_tui.t: issue 14's export screen and the
# auditor's logs, in Chinese at 80x24 in tmux, on a copy of the demo
# cluster of its own (tests/tui/run.sh).
# demo_clerk opens 导出 from the main menu, picks 教师帮扶资金 and GB18030,
# types a bare file name and exports (F2): the status line names the file
# under ~/.local/share/eduaid/exports, which is mode 0600, GB18030, and
# holds a header and exactly the applications psql counts for him; the
# audit log has the export's row (actor, kind, rows). demo_auditor's menu
# offers 审计日志 and 导出记录: the export log lists that export first and
# Enter shows it in full; the audit log filtered by user (/) shows only
# demo_clerk's entries. About 25 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
as() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$1" -c "$2"; }

BOX='┐'
NAME="tf-$$.csv"
FILE="$TUI_TMP/home/.local/share/eduaid/exports/$NAME"
status() { tui_screen | tail -1; }
audit0=$(su "select coalesce(max(id), 0) from eduaid.audit_log")
want=$(as demo_clerk "select count(*) from eduaid.teacher_fund_application")

# ==== demo_clerk exports ======================================================
tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_menu 导出 记录类型 && tui_wait "F2 导出"
tui_ok $? "demo_clerk: 导出 on the main menu opens the export screen, F2 导出 on its key bar"
tui_screen | grep -q "Enter 修改" && tui_screen | grep -q "导出文件夹：~/.local/share/eduaid/exports"
tui_ok $? "... Enter 修改 on the bar, the exports folder named"

# the kind: the first row
tui_keys Home Enter && tui_wait "$BOX" && tui_type 教师 && sleep 0.5 && tui_keys Enter &&
	tui_wait_gone "$BOX" && tui_screen | grep -q "记录类型 *教师帮扶资金"
tui_ok $? "... the kind picked: 教师帮扶资金"
# the encoding: the fourth row
tui_keys Home Down Down Down Enter && tui_wait "$BOX" && tui_type GB18030 && sleep 0.5 &&
	tui_keys Enter && tui_wait_gone "$BOX" && tui_screen | grep -q "编码 *GB18030"
tui_ok $? "... the encoding picked: GB18030"
# the file: the last row
tui_keys End Enter && tui_wait "文件名" && tui_keys C-u && tui_type "$NAME" && tui_keys Enter &&
	tui_wait_gone "文件名（" && tui_screen | grep -qF "文件           $NAME"
tui_ok $? "... a bare file name typed: $NAME"
tui_keys F2 && tui_wait "已导出"
tui_ok $? "F2 exports: $(status)"
status | grep -qF "已导出 $want 行到 $TUI_TMP/home/.local/share/eduaid/exports/$NAME" ||
	status | grep -qF "已导出 $want 行到"
tui_ok $? "... the status line says $want rows and where"

[ -f "$FILE" ] && [ "$(stat -c %a "$FILE")" = 600 ]
tui_ok $? "the file is in the exports folder, mode 0600 ($(stat -c %a "$FILE" 2>/dev/null))"
lines=$(iconv -f GB18030 -t UTF-8 "$FILE" | python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(sys.stdin)))')
[ "$lines" = $((want + 1)) ]
tui_ok $? "... GB18030, a header and the $want applications psql counts for demo_clerk ($lines lines)"
iconv -f GB18030 -t UTF-8 "$FILE" | head -1 | grep -q "状态"
tui_ok $? "... Chinese headers"
got=$(su "select actor || ' ' || kind || ' ' || (new_row ->> 'rows') || ' ' || (new_row ->> 'unmasked')
            from eduaid.audit_log where action = 'export' and id > $audit0")
[ "$got" = "demo_clerk teacher_fund $want false" ]
tui_ok $? "the audit log has the export: $got"
tui_keys Escape && tui_wait 您可查看的记录 && tui_quit
tui_ok $? "back to the menu, quit"

# ==== demo_auditor reads the logs =============================================
tui_start demo_auditor 80 24 zh_CN.UTF-8
tui_menu 导出记录 记录类型 && tui_wait "操作：导出"
tui_ok $? "demo_auditor: 导出记录 on the main menu opens the audit log at the exports"
tui_screen | sed -n 4p | grep -q "demo_clerk\|张晓梅.*教师帮扶资金 *导出"
tui_ok $? "... demo_clerk's export first: $(tui_screen | sed -n 4p)"
tui_keys Home Enter && tui_wait "审计条目" && tui_screen | grep -q "\"rows\": $want"
tui_ok $? "... Enter shows the entry in full, with its $want rows"
tui_keys Escape && tui_wait_gone "审计条目" && tui_keys Escape && tui_wait 您可查看的记录
tui_ok $? "... back to the menu"
tui_menu 审计日志 记录类型 && tui_wait "操作：全部"
tui_ok $? "审计日志 opens the whole log"
tui_keys / && tui_wait "$BOX" && tui_keys C-u && tui_type demo_clerk && tui_keys Enter &&
	tui_wait "用户：demo_clerk"
tui_ok $? "/ demo_clerk filters by user"
n=$(tui_screen | sed -n '4,22p' | grep -c '张晓梅')
rows=$(tui_screen | sed -n '4,22p' | grep -c '^[0-9][0-9]-[0-9][0-9] ')
[ "$rows" -gt 0 ] && [ "$n" = "$rows" ]
tui_ok $? "... only demo_clerk's (张晓梅) entries: $n of $rows"
tui_keys Escape && tui_wait 您可查看的记录 && tui_quit
tui_ok $? "back to the menu, quit"
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the client exits 0 with nothing on stderr"
tui_done
