#!/usr/bin/env bash
# tests/tui/30_tui.t: the terminal client end to end, in tmux, against its own
# copy of the demo cluster (PGHOST, PGDATABASE, EDUAID_SUPERUSER set by
# tests/tui/run.sh). As demo_clerk in zh_CN.UTF-8 at 80x24: create a
# household in 城关镇 with members 𠮷 and 䶮, save and submit it; the
# database holds the exact UTF-8. demo_clerk2 cannot find it. A server
# refusal (an ID number held in another township) lands on its field.
# Resizing to 100x40 and back keeps what was typed; below 80x24 the client
# says so. q leaves cleanly.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -U "$EDUAID_SUPERUSER" -c "$1"; }

BOX='┐'
# Pick in the open pick list the row showing TEXT (typed as the filter).
pick() { # FILTER
	tui_wait "$BOX" || return 1
	[ -n "$1" ] && tui_type "$1"
	sleep 0.3
	tui_wait "$1" && tui_keys Enter && tui_wait_gone "$BOX"
}

HNO=$(printf "E2E%06d" $$)
HEAD=$(tui_idno 42032519800101991)
M1=$(tui_idno 42032520180101991)
M2=$(tui_idno 42032520170202993)
su "delete from eduaid.student where id_number in ('$M1','$M2')" >/dev/null

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"
tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "建档立卡户核查"
tui_ok $? "demo_clerk logs in and the menu shows the record kinds in Chinese"

tui_keys Enter
tui_wait "户主姓名"
tui_ok $? "Enter opens the household list"

# A new household: township, village, number, year, size, head.
tui_keys C-n
tui_wait "户籍信息" && tui_keys Enter && pick "城关镇" &&
	tui_keys Tab Enter && pick "" && tui_keys Tab
tui_ok $? "township and village are picked from lists"
tui_type "$HNO"
tui_keys Tab
tui_type 2016
tui_keys Tab
tui_type 4
tui_keys Tab
tui_type "张三"
tui_keys Tab
tui_type "$HEAD"
tui_keys Tab
tui_wait "$HEAD"
tui_ok $? "the head's fields take what is typed"

# Two members, 𠮷 and 䶮, in the row editor.
add_member() { # NAME ID BIRTH
	tui_keys C-a
	tui_wait "出生日期" || return 1
	tui_type "$1"
	tui_keys Tab
	tui_type "$2"
	tui_keys Tab Enter
	pick "男" || return 1
	# the birth date came from the ID number (issue 12): not typed again
	# (seen before its field is entered: a field being edited is scrolled)
	tui_wait "$3" || return 1
	tui_keys Tab Tab Enter
	pick "子女" || return 1
	tui_keys C-s
	tui_wait_gone "出生日期"
}
add_member "𠮷" "$M1" 2018-01-01
tui_ok $? "member 𠮷 is added"
add_member "䶮" "$M2" 2017-02-02
tui_ok $? "member 䶮 is added"
tui_wait "䶮" && tui_screen | grep -q "𠮷"
tui_ok $? "both members show in the grid, aligned by cells"

# Resize while the form holds unsaved text: nothing is lost.
tmux_ resize-window -t e2e -x 100 -y 40
tui_wait "$HEAD"
tui_ok $? "at 100x40 the form still holds the typed ID number"
tmux_ resize-window -t e2e -x 60 -y 20
sleep 0.3
tui_screen | grep -q "$HEAD"
[ $? -ne 0 ] && tui_screen | grep -qE "80.?x.?24"
tui_ok $? "below 80x24 only a notice about the size shows"
tmux_ resize-window -t e2e -x 80 -y 24
tui_wait "$HEAD" && tui_screen | grep -q "张三"
tui_ok $? "back at 80x24 every typed value is there"

tui_keys C-s
for i in $(seq 1 50); do
	[ "$(su "select count(*) from eduaid.student s join eduaid.household h on h.id = s.household_id where h.household_no = '$HNO'")" = 2 ] && break
	sleep 0.1
done
[ "$(su "select status || ':' || head_name from eduaid.household where household_no = '$HNO'")" = "draft:张三" ]
tui_ok $? "F2 saves the household as a draft"
tui_keys C-x
tui_wait "$BOX" && tui_keys y
for i in $(seq 1 50); do
	[ "$(su "select status from eduaid.household where household_no = '$HNO'")" = submitted ] && break
	sleep 0.1
done
[ "$(su "select status from eduaid.household where household_no = '$HNO'")" = submitted ]
tui_ok $? "Ctrl-X submits it"
names=$(su "select string_agg(encode(convert_to(s.name, 'UTF8'), 'hex'), ',' order by s.id) from eduaid.student s join eduaid.household h on h.id = s.household_id where h.household_no = '$HNO'")
[ "$names" = "f0a0aeb7,e4b6ae" ]
tui_ok $? "the database holds 𠮷 (f0a0aeb7) and 䶮 (e4b6ae) exactly (got $names)"

tui_keys Escape
tui_wait "户主姓名" && tui_keys Escape && tui_wait "技能培训" && tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "q leaves the client cleanly (exit 0)"
[ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "nothing was written to stderr"

# demo_clerk2 (土城镇) cannot find it.
tui_start demo_clerk2 80 24 zh_CN.UTF-8
tui_wait "建档立卡户核查" && tui_keys Enter && tui_wait "户主姓名" && tui_keys /
tui_wait "$BOX" && tui_type "$HNO" && tui_keys Enter && tui_wait_gone "$BOX"
sleep 0.5
[ "$(tui_screen | grep -c "$HNO")" = 1 ] && ! tui_screen | grep -q "张三"
tui_ok $? "demo_clerk2 searching for $HNO finds nothing (only the search line shows it)"

# A server refusal lands on its field: an ID number held in 土城镇.
HELD=$(su "select head_id_number from eduaid.household where township_id = 420325103 order by id limit 1")
tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "建档立卡户核查" && tui_keys Enter && tui_wait "户主姓名" && tui_keys C-n
tui_wait "户籍信息" && tui_keys Enter && pick "城关镇" && tui_keys Tab Enter && pick "" && tui_keys Tab
tui_type "${HNO}B"
tui_keys Tab
tui_type 2016
tui_keys Tab
tui_type 3
tui_keys Tab
tui_type "李四"
tui_keys Tab
tui_type "$HELD"
tui_keys C-s
tui_wait "土城镇"
tui_screen | grep "户主身份证号" | grep -q "土城镇"
tui_ok $? "the server's refusal (ID number held in 土城镇) shows on the ID number's line"
tui_screen | grep -q "李四"
tui_ok $? "and everything typed is still there"

tui_done
