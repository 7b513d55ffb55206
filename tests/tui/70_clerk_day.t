#!/usr/bin/env bash
# tests/tui/70_clerk_day.t: issue 12's "done when", walked in Chinese at
# 80x24 with nothing but the screen to go by. demo_clerk, who has never
# seen eduaid, records a household with two children from an empty form
# (F3): entering the head's ID number the status line tells its rule
# before anything is typed; each child's ID number fills sex and birth
# date; F2 saves it at the first try. The server restarts while the list
# is open: ^R brings the rows back, no quitting. Meanwhile clerk_100
# changes the same household's address and notes: demo_clerk's F2 on his
# own change of the address shows the conflict, 1 keeps his address, F2
# saves the merge -- nothing retyped, clerk_100's notes kept; F10 submits.
# demo_officer finds it in his queue and verifies it (F7). Runs on a copy
# of the demo cluster of its own (tests/tui/run.sh). About 40 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/db/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

BOX='┐'
T=$(printf %06d $$)
HNO="DAY$T"
SEQ=$(printf %03d $((10#$T % 1000)))
# valid ID numbers of a region no demo record uses, born on fixed days
idno() { su "select p || eduaid.id_check_digit(p) from (values ('$1')) x(p)"; }
HEAD_ID=$(idno "65900519800315${SEQ}")
# (the sequence's last digit: odd a boy, even a girl)
KID1_ID=$(idno "65900520140901${SEQ:1:2}1")
KID2_ID=$(idno "65900520180302${SEQ:1:2}2")
col() { su "select $1 from eduaid.household where household_no = '$HNO'"; }
PG=$(dirname "$(su 'SHOW data_directory')")

# status: the last line of the screen
status() { tui_screen | tail -1; }

[ -x "$TUI_BIN" ] && [ -n "$HEAD_ID" ] && [ -n "$KID1_ID" ] && [ -n "$KID2_ID" ]
tui_ok $? "the client is built, and three ID numbers are made ($HEAD_ID $KID1_ID $KID2_ID)"

# ==== a new household, two children ==========================================
tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "建档立卡户核查" && tui_menu "建档立卡户核查" "记录类型" && tui_wait "户主" &&
	tui_keys F3 && tui_wait "新记录"
tui_ok $? "demo_clerk opens 建档立卡户核查 and F3 gives an empty form"
# 0 乡镇, 1 行政村, 2 户编号, 3 登记年份, 4 家庭人口, 5 户主姓名,
# 6 户主身份证号, 7 联系电话, 8 家庭住址; a pick list by typing on it
tui_type "城关" && tui_wait "$BOX" && tui_wait "找到 1 项" && tui_keys Enter &&
	tui_wait_gone "$BOX" && tui_wait "城关镇" &&
	tui_keys Tab F5 && tui_wait "$BOX" && tui_keys Enter && tui_wait_gone "$BOX" &&
	tui_keys Tab && tui_type "$HNO" && tui_keys Tab && tui_type 2016 &&
	tui_keys Tab && tui_type 4 && tui_keys Tab && tui_type "王大山" && tui_keys Tab &&
	tui_wait "身份证号须为18位"
tui_ok $? "entering the head's ID number, the status line tells its rule before anything is typed"
! status | grep -qF "无效"
tui_ok $? "... as a rule, not as 无效"
tui_type "$HEAD_ID" && tui_keys Tab && tui_type 13800001234 && tui_keys Tab &&
	tui_type "城关镇光明路1号" && tui_wait "城关镇光明路1号"
tui_ok $? "the head, his ID number, a phone and an address are typed"

# add_child NAME ID: F6, the name, the ID number (sex and birth date follow
# from it), the relation from its list, F2 keeps the row.
add_child() {
	tui_keys F6 && tui_wait "姓名" && tui_type "$1" && tui_keys Tab && tui_type "$2" &&
		tui_keys Tab && tui_wait "${2:6:4}-${2:10:2}-${2:12:2}" &&
		tui_keys Tab Tab F5 && tui_wait "子女" && tui_keys Enter &&
		tui_wait_gone "孙子女" && tui_keys F2 && tui_wait_gone "出生日期"
}
add_child "王小明" "$KID1_ID"
tui_ok $? "F6: the first child, 王小明; his birth date came from the ID number"
add_child "王小丽" "$KID2_ID"
tui_ok $? "F6: the second child, 王小丽"
tui_wait "王小明" && tui_wait "王小丽"
tui_ok $? "both are rows of the form"
tui_keys F2
tui_wait "已保存"
tui_ok $? "F2 saves it at the first try"
[ "$(col "status || '|' || head_name || '|' || family_size")" = "draft|王大山|4" ] &&
	[ "$(su "select string_agg(name || ':' || sex || ':' || birth_date, ',' order by name)
	          from eduaid.student where household_id = (select id from eduaid.household
	                                                    where household_no = '$HNO')")" = \
		"王小丽:F:2018-03-02,王小明:M:2014-09-01" ]
tui_ok $? "the database: a draft of 王大山 with 王小明 (M, 2014-09-01) and 王小丽 (F, 2018-03-02)"
tui_keys Escape && tui_wait "户主" && tui_search "$HNO" && tui_wait "王大山"
tui_ok $? "back on the list, / finds it"

# ==== the server restarts under the list =====================================
cluster_stop "$PG" fast && cluster_start "$PG"
tui_ok $? "the server restarts"
tui_keys C-r
tui_wait "与服务器的连接已恢复" && tui_wait "$HNO" && ! tui_screen | grep -qF "没有记录"
tui_ok $? "^R: the list is back with $HNO, the status line says the connection was restored"

# ==== a conflict, resolved without retyping ==================================
tui_keys Enter && tui_wait "家庭住址" && tui_keys Home &&
	for i in 1 2 3 4 5 6 7 8; do tui_keys Tab; done && tui_keys C-u &&
	tui_type "城关镇光明路8号" && tui_keys Up && tui_wait "城关镇光明路8号"
tui_ok $? "he opens it again and changes the address"
su "SET SESSION AUTHORIZATION clerk_100;
    UPDATE eduaid.household SET address = '城关镇光明路9号', notes = '村委会核实：4口人'
     WHERE household_no = '$HNO'" >/dev/null
tui_ok $? "meanwhile clerk_100 changes its address and notes"
tui_keys F2
tui_wait "修改冲突" && tui_screen | grep -F "1 用我的" | grep -qF "城关镇光明路8号" &&
	tui_screen | grep -F "2 用数据库的" | grep -qF "城关镇光明路9号"
tui_ok $? "F2: the conflict screen shows his address and clerk_100's"
tui_keys 1 && tui_wait "(*) 1 用我的" && tui_keys F2
tui_wait "已保存，并保留了他人的修改"
tui_ok $? "1 keeps his, F2 saves the merge"
[ "$(col "address || '|' || notes")" = "城关镇光明路8号|村委会核实：4口人" ]
tui_ok $? "the database: his address, clerk_100's notes -- nothing retyped"
tui_keys F10 && tui_wait "$BOX" && tui_keys y
tui_db_wait "select status from eduaid.household where household_no = '$HNO'" submitted
tui_ok $? "F10 submits it"
tui_keys Escape && tui_wait "户主" && tui_keys Escape && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "demo_clerk leaves (q asks, y), nothing on stderr"

# ==== the officer verifies it ================================================
tui_start demo_officer 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "提交人" && tui_search "$HNO" && tui_wait "王大山"
tui_ok $? "demo_officer finds it in his review queue (/)"
tui_keys F7 && tui_wait "确认审核通过" && tui_keys y
tui_db_wait "select status || '|' || verified_by from eduaid.household where household_no = '$HNO'" \
	"verified|demo_officer"
tui_ok $? "F7 verifies it: four-eyes holds (the clerk saved it, the officer verifies)"

tui_done
