#!/usr/bin/env bash
# tests/tui/68_gb18030.t: a GB18030 terminal (issue 13, Terminals). The
# client runs under LANG=LC_ALL=zh_CN.GB18030 behind tests/tui/gbterm.py,
# which is a GB18030 terminal inside tmux: it shows what the client writes
# decoded as GB18030 (UTF-8 written there shows garbled, as on a real one)
# and sends what is typed as GB18030; '·' and the other characters such a
# terminal draws two cells wide get their two cells. PGCLIENTENCODING=auto
# (libpq: the locale's encoding) is in the environment: the client's text
# is UTF-8 and it asks the server for UTF-8 whatever it says.
#   1. The household list and a form are drawn as in zh_CN.UTF-8, cell for
#      cell, the title's '·' two cells wide.
#   2. 黄𠮷龘 (𠮷: four bytes of GB18030, no GBK) typed into the head's
#      name is saved: the database holds its UTF-8; the form shows it, and
#      the message "已保存" (gettext) reads right.
#   3. Typed at the / prompt (readline, in the locale's encoding), 黄𠮷
#      finds the household.
#   4. The command line's messages (--help, an unknown option: gettext,
#      UTF-8 inside) come out in GB18030 on the terminal, on standard
#      output and standard error (before: UTF-8, garbled there); so does
#      the database's text printed by `eduaid notice list`.
# Runs on a copy of the demo cluster of its own (tests/tui/run.sh). About
# 25 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/db/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

KIND="建档立卡户核查"
NAME="黄𠮷龘"
GBTERM="python3 $top_srcdir/tests/tui/gbterm.py gb18030"
NO=$(su "select household_no from eduaid.household
	where status = 'draft' and created_by = 'demo_clerk'
	order by household_no limit 1")

# lines 2..23 of the screen: all but the title (its '·') and the status
body() { tui_screen | sed -n 2,23p; }
open_list() {
	tui_menu "$KIND" "记录类型" && tui_wait "户主姓名" && tui_wait "F1/?"
}

locale -a | grep -qix 'zh_CN.gb18030' && command -v python3 >/dev/null &&
	[ -x "$TUI_BIN" ] && [ -n "$NO" ]
tui_ok $? "the zh_CN.GB18030 locale, python3, the client and a draft ($NO)"

# ==== the UTF-8 screens to compare with =======================================
tui_start demo_clerk 80 24 zh_CN.UTF-8
open_list
REF_TITLE=$(tui_screen | sed -n 1p)
REF_LIST=$(body)
tui_open_household "$NO"
REF_FORM=$(body)
tui_leave
tui_ok $? "zh_CN.UTF-8: the list and the form of $NO"

# ==== 1. GB18030: the same screens ============================================
TUI_WRAP="env PGCLIENTENCODING=auto $GBTERM" tui_start demo_clerk 80 24 zh_CN.GB18030
open_list
tui_ok $? "zh_CN.GB18030: the menu and the household list, in Chinese"
list=$(body)
[ "$list" = "$REF_LIST" ]
tui_ok $? "... the list is drawn cell for cell as in zh_CN.UTF-8"
[ "$list" = "$REF_LIST" ] ||
	diff <(printf '%s\n' "$REF_LIST") <(printf '%s\n' "$list") | sed 's/^/# /'
[ "$(tui_screen | sed -n 1p)" = "${REF_TITLE//· /·  }" ]
tui_ok $? "... the title too, its '·' two cells wide as a GB18030 terminal draws it"
tui_open_household "$NO"
tui_ok $? "... / $NO, Enter opens its form"
form=$(body)
[ "$form" = "$REF_FORM" ]
tui_ok $? "... the form is drawn cell for cell as in zh_CN.UTF-8"
[ "$form" = "$REF_FORM" ] ||
	diff <(printf '%s\n' "$REF_FORM") <(printf '%s\n' "$form") | sed 's/^/# /'

# ==== 2. typing Chinese ======================================================
# 0 乡镇 ... 5 户主姓名
tui_keys Tab Tab Tab Tab Tab End C-u && tui_type "$NAME" &&
	tui_wait "*户主姓名  $NAME" && tui_keys F2 && tui_wait "已保存（版本"
tui_ok $? "$NAME typed into the head's name; F2 says 已保存 (gettext, in GB18030)"
tui_db_wait "select head_name || ' ' || encode(convert_to(head_name, 'UTF8'), 'hex')
	from eduaid.household where household_no = '$NO'" "$NAME e9bb84f0a0aeb7e9be98"
tui_ok $? "the database holds $NAME, in UTF-8"

# ==== 3. the / prompt ========================================================
tui_keys Escape && tui_wait_gone "*户主姓名" && tui_keys / && tui_wait "搜索" &&
	tui_keys C-u && tui_type "黄𠮷" && tui_wait "黄𠮷" && tui_keys Enter &&
	tui_wait_gone "Esc 取消" && tui_wait "搜索：黄𠮷"
tui_ok $? "黄𠮷 typed at the / prompt (a search by the name's start) is the list's search"
[ "$(tui_screen | grep -cE 'FX[0-9]+')" = 1 ] && tui_screen | grep -F "$NO" | grep -qF "$NAME"
tui_ok $? "... which finds $NO, $NAME, and nothing else"
tui_leave
tui_ok $? "q, y leaves the client (exit 0)"

# ==== 4. the command line ====================================================
tui_start_shell 80 24 "env LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030 \
	EDUAID_LOCALEDIR='$TUI_TMP/locale' HOME='$TUI_TMP/home' \
	PGHOST='$PGHOST' PGPORT='${PGPORT:-5432}' PGDATABASE='$PGDATABASE' $GBTERM sh -c \
	\"'$TUI_BIN' check-id --help; '$TUI_BIN' --bogus 2>&1 >/dev/null | head -1; \
	  '$TUI_BIN' -U demo_supervisor notice list\" \
	; sleep 600"
tui_wait "用法：eduaid check-id [身份证号...]" && tui_wait "号码两侧的空白和空行忽略不计。"
tui_ok $? "eduaid check-id --help on the terminal: gettext's text in GB18030"
# (“ and ” are two cells wide on a GB18030 terminal)
tui_wait "eduaid：未知选项“ --bogus”"
tui_ok $? "an unknown option, on standard error (into a pipe): in GB18030 too"
# (its first word: the line is wrapped at the 80th cell)
title=$(su "select split_part(title, ' ', 1) from eduaid.notice order by id limit 1")
[ -n "$title" ] && tui_wait "$title"
tui_ok $? "eduaid notice list: the database's text ($title) in GB18030"

tui_done
