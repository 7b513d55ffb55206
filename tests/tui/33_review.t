#!/usr/bin/env bash
# tests/tui/33_review.t: the review workflow through the terminal client, in
# tmux, against its own copy of the demo cluster (zh_CN.UTF-8,
# 80x24). A clerk fixes and submits a draft (F2, F10); demo_officer starts
# in the review queue, finds it (/) and verifies it (F7); demo_supervisor
# approves it from the queue; its history (F12) shows every step with who
# did it and the field change old -> new. An officer returns a record with
# a reason (F11); the clerk finds it under "returned to me" with the
# reason, fixes it and submits it again. Supervisors do not edit: the
# verified record opens read-only for them and the key bar offers no
# saving. A supervisor listed among a record's editors (from an earlier
# role) is refused its approval with the four-eyes message. demo_supervisor2
# marks 50 records (Space, then * for all) and approves them at once: 50
# pass. Test records carry household numbers made from this process's id.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

BOX='┐'
T=$(printf %06d $$)
HA="QA$T" HB="QB$T" HC="QC$T" HD="QD$T-"
# ID numbers from a region code no demo record uses, a birth date of this run
BIRTH=$(su "select to_char(date '1931-01-01' + ($T % 20000), 'YYYYMMDD')")

# make_households PREFIX N FIRST: N drafts of demo_clerk in 城关镇, numbered
# PREFIX01.. (one: PREFIX alone), head 张三, valid ID numbers whose
# sequence numbers start at FIRST.
make_households() {
	su "SET SESSION AUTHORIZATION demo_clerk;
	    INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
	                                  head_id_number, registered_year, family_size)
	    SELECT 420325100, '$1' || CASE WHEN $2 > 1 THEN lpad(i::text, 2, '0') ELSE '' END,
	           (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325100),
	           '张三', p || eduaid.id_check_digit(p), 2016, 4
	      FROM generate_series(1, $2) AS i,
	           LATERAL (SELECT '659002$BIRTH' || lpad(($3 + i)::text, 3, '0') AS p) AS x" >/dev/null
}

# as_user USER SQL: run SQL as USER (session authorization), quietly.
as_user() {
	su "SET SESSION AUTHORIZATION $1; $2" >/dev/null
}

status_of() { echo "select status from eduaid.household where household_no = '$1'"; }

# row TEXT1 TEXT2: wait for a line of the screen showing both.
row() {
	local i
	for i in $(seq 1 100); do
		tui_screen | grep -F -- "$1" | grep -qF -- "$2" && return 0
		sleep 0.1
	done
	return 1
}

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

make_households "$HA" 1 100
make_households "$HB" 1 110
make_households "$HC" 1 120
make_households "$HD" 50 200
[ "$(su "select count(*) from eduaid.household where household_no like 'Q_$T%'")" = 53 ]
tui_ok $? "53 test households made as demo_clerk"

# ==== clerk submits, officer verifies, supervisor approves ==================
tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "建档立卡户核查" && tui_keys Enter && tui_wait "户主姓名" && tui_search "$HA" &&
	tui_wait "$HA" && tui_keys Enter && tui_wait "户籍信息"
tui_ok $? "demo_clerk finds the draft $HA and opens it"
# Fields: township, village, number, year, size, head's name.
tui_keys Tab Tab Tab Tab Tab C-u
tui_type "张三丰"
tui_keys C-s
tui_db_wait "select head_name from eduaid.household where household_no = '$HA'" "张三丰"
tui_ok $? "F2 saves the changed head's name"
tui_keys F10
tui_wait "$BOX" && tui_keys y
tui_db_wait "$(status_of "$HA")" submitted
tui_ok $? "F10 submits it"
tui_keys Escape && tui_wait "户主姓名" && tui_keys Escape && tui_wait "技能培训" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the clerk leaves cleanly, nothing on stderr"

tui_start demo_officer 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "提交人"
tui_ok $? "demo_officer starts in the review queue"
tui_search "$HA" && row "$HA" "张三丰" && row "$HA" "张晓梅"
tui_ok $? "/ finds $HA in the queue, with who submitted it"
tui_keys F7
tui_wait "确认审核通过" && tui_keys y
tui_db_wait "$(status_of "$HA")" verified
tui_ok $? "F7 verifies it"
[ "$(su "select verified_by from eduaid.household where household_no = '$HA'")" = demo_officer ]
tui_ok $? "verified by demo_officer"
tui_wait "已审核通过" && tui_wait "没有等待您审核的记录"
tui_ok $? "the queue says so, and the record has left it"

# ==== the officer returns a record with a reason =============================
as_user demo_clerk "SELECT eduaid.submit('household', id) FROM eduaid.household WHERE household_no = '$HB'"
REASON="缺少学籍证明$T"
tui_keys C-r
tui_search "$HB" && row "$HB" "张三"
tui_ok $? "the officer finds $HB, submitted meanwhile"
tui_keys F11
tui_wait "理由（必填）" && tui_type "$REASON" && tui_keys Enter
tui_db_wait "select status || ':' || reason from eduaid.household where household_no = '$HB'" "rejected:$REASON"
tui_ok $? "F11 with a reason returns it: rejected, with that reason"
tui_keys q
tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "the officer leaves: q from the queue, q from the menu"

tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "退回给我的记录" && tui_keys End Enter
row "$HB" "$REASON" && row "$HB" "王德明"
tui_ok $? "the clerk sees $HB under 'returned to me' with the reason and who returned it"
tui_keys Enter
tui_wait "退回原因" && tui_wait "户籍信息"
tui_ok $? "Enter opens it, editable, the reason on top"
tui_keys Tab Tab Tab Tab Tab C-u
tui_type "李四"
tui_keys C-s
tui_db_wait "select head_name from eduaid.household where household_no = '$HB'" "李四"
tui_ok $? "the clerk fixes a field and F2 saves it"
tui_keys F10
tui_wait "$BOX" && tui_keys y
tui_db_wait "$(status_of "$HB")" submitted
tui_ok $? "F10 submits it again"
tui_keys Escape
tui_wait "按 Enter 打开并修改" && ! tui_screen | grep -q "$HB"
tui_ok $? "and it has left the returned list"
tui_keys q && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the clerk leaves cleanly, nothing on stderr"

# ==== the supervisor approves; the history shows every step =================
tui_start demo_supervisor 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "提交人" && tui_search "$HA" && row "$HA" "张三丰"
tui_ok $? "demo_supervisor finds the verified $HA in the queue"
tui_keys F7
tui_wait "确认审批通过" && tui_keys y
tui_db_wait "$(status_of "$HA")" approved
tui_ok $? "F7 approves it: the database says approved"

# ==== four-eyes: a supervisor among the editors cannot approve it ==========
as_user demo_clerk "SELECT eduaid.submit('household', id) FROM eduaid.household WHERE household_no = '$HC'"
as_user demo_officer "SELECT eduaid.verify('household', id) FROM eduaid.household WHERE household_no = '$HC'"
su "UPDATE eduaid.household SET editors = editors || 'demo_supervisor'::text WHERE household_no = '$HC'" >/dev/null
tui_keys q
tui_wait "主菜单" && tui_keys Home Enter && tui_wait "搜索：-" && tui_search "$HC" &&
	tui_wait "搜索：$HC" && row "$HC" "张三" && tui_keys Enter && tui_wait "户籍信息"
tui_ok $? "the supervisor opens $HC, which lists them among its editors, from the list"
screen=$(tui_screen)
echo "$screen" | grep -q "您的角色只能查看" && ! echo "$screen" | grep -q "保存"
tui_ok $? "the verified $HC opens read-only for the supervisor, no saving on the key bar"
tui_keys F7
tui_wait "确认审批通过" && tui_keys y
tui_wait "四眼原则"
tui_ok $? "F7 is refused with the four-eyes message"
[ "$(su "$(status_of "$HC")")" = verified ]
tui_ok $? "and the database still says verified"
tui_keys Escape
tui_wait "搜索：$HC" && tui_search "$HA" && tui_wait "搜索：$HA" && row "$HA" "张三丰" && tui_keys F12
tui_wait "历史记录：" && tui_wait "新建"
tui_ok $? "F12 on $HA in the list shows its history"
screen=$(tui_screen)
tui_keys End
tui_wait "已批准  赵丽华"
screen="$screen
$(tui_screen)"
echo "$screen" | grep -q "新建  张晓梅 (demo_clerk)"
tui_ok $? "history: created by 张晓梅 (demo_clerk)"
echo "$screen" | grep -q "修改  张晓梅 (demo_clerk)" && echo "$screen" | grep -q "户主姓名：张三 → 张三丰"
tui_ok $? "history: changed by the clerk, head's name 张三 → 张三丰"
echo "$screen" | grep -q "已提交  张晓梅 (demo_clerk)"
tui_ok $? "history: submitted by the clerk"
echo "$screen" | grep -q "已审核  王德明 (demo_officer)"
tui_ok $? "history: verified by 王德明 (demo_officer)"
echo "$screen" | grep -q "已批准  赵丽华 (demo_supervisor)"
tui_ok $? "history: approved by 赵丽华 (demo_supervisor)"
tui_keys Escape && tui_wait "搜索：$HA" && tui_keys Escape && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the supervisor leaves cleanly, nothing on stderr"

# ==== bulk: 50 marked records approved at once ===============================
as_user demo_clerk "SELECT count(eduaid.submit('household', id)) FROM eduaid.household WHERE household_no LIKE '$HD%'"
as_user demo_officer "SELECT count(eduaid.verify('household', id)) FROM eduaid.household WHERE household_no LIKE '$HD%'"
[ "$(su "select count(*) from eduaid.household where household_no like '$HD%' and status = 'verified'")" = 50 ]
tui_ok $? "50 records verified by demo_officer wait for a supervisor"

tui_start demo_supervisor2 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "提交人" && tui_search "$HD" && tui_wait "搜索：$HD" &&
	tui_wait "${HD}01" && tui_wait "${HD}19"
listed=$?
tui_ok $listed "demo_supervisor2 lists them in the queue (/ $HD)"
# (only the test's records may be marked: nothing more unless they were listed)
[ $listed = 0 ] && tui_keys Space && tui_wait "已标记：1"
tui_ok $? "Space marks one"
[ $listed = 0 ] && tui_keys '*' && tui_wait "已标记：50"
tui_ok $? "* marks all 50"
[ $listed = 0 ] && tui_keys F7 && tui_wait "确认审批通过 50 条记录"
tui_ok $? "F7 asks to confirm, naming the count"
[ $listed = 0 ] && tui_keys y && tui_wait "审批通过 50 条，未通过 0 条"
tui_ok $? "the result says 50 approved, none failed"
[ "$(su "select count(*) from eduaid.household where household_no like '$HD%' and status = 'approved' and approved_by = 'demo_supervisor2'")" = 50 ]
tui_ok $? "the database shows 50 approved by demo_supervisor2"
tui_keys Enter
tui_wait_gone "${HD}01"
tui_ok $? "they have left the queue"
tui_keys q && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the supervisor leaves cleanly, nothing on stderr"

tui_done
