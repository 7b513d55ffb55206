#!/usr/bin/env bash
# tests/tui/72_users_tui.t: issue 14's users screen, in Chinese at 80x24
# in tmux, on a copy of the demo cluster of its own (tests/tui/run.sh).
# demo_admin opens 用户管理, finds clerk_105 (/), disables it (F8, y): the
# database has it inactive at once; the key bar then offers F7 启用 and no
# F8; F7 asks to enable it, F6 asks for a new password (typed twice, never
# on the screen) and F5 for other townships: each a pending request of
# eduaid.account_request for a supervisor, the password only as a SCRAM
# verifier. A password typed differently twice is refused on the status
# line and requests nothing. About 20 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

BOX='┐'
status() { tui_screen | tail -1; }
bar() { tui_screen | sed -n 23p; } # the key bar, above the status line
pending() { su "select string_agg(action, ',' order by id) from eduaid.account_request
                 where login = 'clerk_105' and status = 'pending'"; }

tui_start demo_admin 80 24 zh_CN.UTF-8
tui_menu 用户管理 管理项目 && tui_wait "F3/^N"
tui_ok $? "demo_admin: 用户管理 on the main menu opens the users screen"
tui_keys / && tui_wait "$BOX" && tui_keys C-u && tui_type clerk_105 && tui_keys Enter &&
	tui_wait "查找：clerk_105" && tui_screen | sed -n 4p | grep -q "^clerk_105 .*青峰镇"
tui_ok $? "/ clerk_105 finds it: $(tui_screen | sed -n 4p)"
bar | grep -q "F8/^D *停用" && ! bar | grep -q "启用"
tui_ok $? "... an active account: F8 停用 on the bar, no 启用: $(bar)"

tui_keys F8 && tui_wait "现在停用 clerk_105 吗" && tui_keys y && tui_wait "已停用；结束了"
tui_ok $? "F8, y: $(status)"
[ "$(su "select active from eduaid.app_user where login = 'clerk_105'")" = f ]
tui_ok $? "... the database has clerk_105 inactive"
tui_screen | sed -n 4p | grep -q "已停用" && bar | grep -q "F7/^P *启用" && ! bar | grep -q "F8"
tui_ok $? "... the row says 已停用, the bar offers F7 启用 and no F8: $(bar)"

tui_keys F7 && tui_wait "等待县级审核员批准"
tui_ok $? "F7 asks to enable it: $(status)"
[ "$(pending)" = enable ]
tui_ok $? "... a pending enable request ($(pending))"

tui_keys F6 && tui_wait "clerk_105 的新密码" && tui_type 'Longer-Pass-1' && tui_keys Enter &&
	tui_wait "再输入一次" && tui_type 'Longer-Pass-2' && tui_keys Enter && tui_wait "两次输入的密码不一致"
tui_ok $? "F6 with two different passwords: refused on the status line"
[ "$(pending)" = enable ]
tui_ok $? "... nothing requested"
tui_keys F6 && tui_wait "clerk_105 的新密码" && tui_type 'Longer-Pass-1' &&
	! tui_screen | grep -q "Longer-Pass" && tui_keys Enter && tui_wait "再输入一次" &&
	tui_type 'Longer-Pass-1' && tui_keys Enter && tui_wait "等待县级审核员批准"
tui_ok $? "F6, the same password twice, never on the screen: $(status)"
[ "$(pending)" = enable,password ] &&
	[ "$(su "select left(s.verifier, 14) from eduaid.account_request r
	          join eduaid.account_request_secret s on s.request_id = r.id
	          where r.login = 'clerk_105' and r.action = 'password' and r.status = 'pending'")" = 'SCRAM-SHA-256$' ]
tui_ok $? "... a pending password request holding a SCRAM verifier ($(pending))"

tui_keys F5 && tui_wait "乡镇（代码或名称" && tui_keys C-u && tui_type "青峰镇 沙河乡" && tui_keys Enter &&
	tui_wait "等待县级审核员批准"
tui_ok $? "F5, two townships: $(status)"
[ "$(pending)" = enable,password,townships ]
tui_ok $? "... a pending townships request ($(pending))"

tui_keys Escape && tui_wait 管理项目 && tui_quit
tui_ok $? "back to the menu, quit"
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the client exits 0 with nothing on stderr"
tui_done
