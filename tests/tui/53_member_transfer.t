#!/usr/bin/env bash
# tests/tui/53_member_transfer.t: a member moving alone to a household of
# another township (issue 11, 033_member_transfers.sql), walked in Chinese
# at 80x24. clerk_100 opens FX1000294's form (城关镇), goes down to its
# last member and asks with ^Y (成员迁出) to move her to 军店镇, with a
# reason; officer_101 of 军店镇 finds the request in 迁入迁出 marked as a
# member's, takes her in with Y into FX1010015 (picked by number); her row
# in FX1000294 stays, moved out, with its past years; a new row in
# FX1010015 has her ID number, which the registry holds there; FX1000294's
# form shows her 迁出日期 and no ^Y on her row. Runs on a copy of the demo
# cluster of its own (tests/tui/run.sh). About 20 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

BOX='┐'
FROM=FX1000294
TO=FX1010015

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

FROMID=$(su "select id from eduaid.household where household_no = '$FROM'")
TOID=$(su "select id from eduaid.household where household_no = '$TO'")
# the last member of the form (the grid is ordered by id)
KID=$(su "select max(id) from eduaid.student where household_id = $FROMID")
NAME=$(su "select name from eduaid.student where id = $KID")
IDNO=$(su "select id_number from eduaid.student where id = $KID")
YEARS=$(su "select count(*) from eduaid.student_year where student_id = $KID and household_id = $FROMID")
[ -n "$KID" ] && [ -n "$TOID" ] && [ "$YEARS" -gt 0 ]
tui_ok $? "$FROM's last member $NAME has $YEARS year rows; $TO is 军店镇's"

# ==== the sending clerk ======================================================
tui_start clerk_100 80 24 zh_CN.UTF-8
tui_wait "建档立卡户核查" && tui_keys Enter && tui_wait "户主姓名" &&
	tui_keys / && tui_wait "$BOX" && tui_type "$FROM" && tui_keys Enter && tui_wait_gone "$BOX" &&
	tui_keys Enter && tui_wait "家庭成员"
tui_ok $? "clerk_100 opens $FROM's form"
for i in $(seq 1 25); do tui_keys Down; done
tui_wait "^Y 成员迁出"
tui_ok $? "on its last member the key bar offers ^Y 成员迁出"
tui_keys C-y && tui_wait "军店镇" && tui_type "军店" && tui_keys Enter && tui_wait "迁移原因" &&
	tui_type "随母亲到军店镇生活" && tui_keys Enter && tui_wait "已申请迁出"
tui_ok $? "^Y, 军店镇 and a reason: the member's move is requested"
[ "$(su "select count(*) from eduaid.transfer_request where student_id = $KID
          and state = 'pending' and requested_by = 'clerk_100' and to_township_id = 420325101")" = 1 ]
tui_ok $? "the request names $NAME and 军店镇, by clerk_100"
tui_keys Escape Escape && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "... and leaves cleanly"

# ==== the receiving officer ==================================================
tui_start officer_101 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "已等待" && tui_keys Escape && tui_wait "主菜单" &&
	tui_menu "迁入迁出" "记录类型" && tui_wait "$NAME（成员）" && tui_wait "选择本乡镇的一户"
tui_ok $? "officer_101 sees $NAME coming as a member, and what Y does"
tui_keys Y && tui_wait "选择迁入户" && tui_type "$TO" && tui_wait "$TO" && tui_keys Enter &&
	tui_wait_gone "选择迁入户"
tui_ok $? "Y, and $TO picked by its number"
tui_db_wait "select count(*) from eduaid.student where household_id = $TOID and moved_from_id = $KID" 1
tui_ok $? "$NAME is a member of $TO now"
[ "$(su "select moved_out_on is not null from eduaid.student where id = $KID")" = t ] &&
	[ "$(su "select count(*) from eduaid.student_year where student_id = $KID
              and household_id = $FROMID")" = "$YEARS" ] &&
	[ "$(su "select g.holder from eduaid.registry g where g.kind = 'person' and g.key = '$IDNO'")" = "$TOID" ]
tui_ok $? "her row in $FROM is moved out with its $YEARS year rows; the registry holds her in $TO"
tui_keys Escape && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the officer leaves cleanly, nothing on stderr"

# ==== the sending household's form, after ===================================
tui_start clerk_100 80 24 zh_CN.UTF-8
tui_wait "建档立卡户核查" && tui_keys Enter && tui_wait "户主姓名" &&
	tui_keys / && tui_wait "$BOX" && tui_type "$FROM" && tui_keys Enter && tui_wait_gone "$BOX" &&
	tui_keys Enter && tui_wait "迁出日期"
tui_ok $? "$FROM's member grid has the 迁出日期 column"
for i in $(seq 1 25); do tui_keys Down; done
sleep 0.5
! tui_screen | grep -q "成员迁出"
tui_ok $? "on her row, moved out, no ^Y"
tui_keys Escape Escape && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "clerk_100 leaves cleanly"

tui_done
