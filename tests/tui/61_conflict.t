#!/usr/bin/env bash
# tests/tui/61_conflict.t: issue 12 item 3, an edit conflict resolved
# without retyping, in Chinese at 80x24 (and once in English).
# demo_clerk opens a draft household and changes its address and notes;
# meanwhile clerk_100 (psql under the client) changes its address and
# phone, and the name of its member. F2: the conflict screen says one
# field changed on both sides,
# shows the address as typed, as the database holds it and as it was
# read; one field taken from the database (phone), one kept (notes). Esc
# goes back to the form as typed, its edits journaled (only the fields
# changed); F2 again, 1 keeps mine, F2 saves: address and notes as typed,
# phone and the member row (which he did not touch) as clerk_100 left
# them, nothing retyped. In English the notes
# changed on both sides, 2 keeps the database's. About 20 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

T=$(printf %06d $$)
HC="CF$T"
BIRTH=$(su "select to_char(date '1932-01-01' + ($T % 20000), 'YYYYMMDD')")
JDIR=$TUI_TMP/home/.local/state/eduaid/demo_clerk
BOX='┐'
col() { su "select $1 from eduaid.household where household_no = '$HC'"; }

# field N: from the first field (where the form opens), Tab N times (the
# household form's order: 0 乡镇 .. 7 联系电话, 8 家庭住址, 9 备注), then
# clear it.
field() {
	local n=$1
	tui_keys Home
	while [ "$n" -gt 0 ]; do tui_keys Tab; n=$((n - 1)); done
	tui_keys C-u
}
# open: from the main menu, the household HC's form.
open_hc() {
	tui_wait "建档立卡户核查" && tui_menu "建档立卡户核查" "记录类型" && tui_wait "户主" &&
		tui_search "$HC" && tui_wait "$HC" && tui_keys Enter && tui_wait "家庭住址"
}

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

su "SET SESSION AUTHORIZATION demo_clerk;
    INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
                                  head_id_number, registered_year, family_size, phone,
                                  address, notes)
    SELECT 420325100, '$HC', (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325100),
           '冲突户', x.p || eduaid.id_check_digit(x.p), 2016, 4, '13800000001',
           '城关镇幸福路1号', '原来的备注'
      FROM (VALUES ('659003${BIRTH}131')) AS x(p);
    INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
    SELECT h.township_id, h.id, '甲', x.p || eduaid.id_check_digit(x.p), 'F', '2014-09-01'
      FROM eduaid.household h, (VALUES ('65900420140901132')) AS x(p)
     WHERE h.household_no = '$HC'" >/dev/null
V0=$(col version)
[ "$V0" = 2 ]
tui_ok $? "a draft household $HC of demo_clerk's with a member 甲, version 2"

tui_start demo_clerk 80 24 zh_CN.UTF-8
open_hc
tui_ok $? "demo_clerk opens $HC"
field 8 && tui_type "城关镇幸福路5号" && tui_keys Tab C-u && tui_type "我的备注" && tui_keys Up
tui_wait "城关镇幸福路5号" && tui_wait "我的备注"
tui_ok $? "he changes its address and its notes (not saved yet)"

su "SET SESSION AUTHORIZATION clerk_100;
    UPDATE eduaid.household SET address = '城关镇幸福路6号', phone = '13900000002'
     WHERE household_no = '$HC';
    UPDATE eduaid.student SET name = '甲改'
     WHERE household_id = (SELECT id FROM eduaid.household WHERE household_no = '$HC')" >/dev/null
V1=$(col version)
[ "$V1" = 4 ]
tui_ok $? "meanwhile clerk_100 changes its address and phone, and the member's name (甲改): version 4"

tui_keys F2
tui_wait "修改冲突" && tui_wait "版本 $V0 -> $V1" && tui_wait "两边都改了的 1 项请选定一方"
tui_ok $? "F2: the conflict screen, version $V0 -> $V1, one field changed on both sides"
s=$(tui_screen)
printf '%s\n' "$s" | grep -F "家庭住址" >/dev/null &&
	printf '%s\n' "$s" | grep -F "1 用我的" | grep -qF "城关镇幸福路5号" &&
	printf '%s\n' "$s" | grep -F "2 用数据库的" | grep -qF "城关镇幸福路6号" &&
	printf '%s\n' "$s" | grep -F "原值" | grep -qF "城关镇幸福路1号"
tui_ok $? "the address: what he typed (5号), what the database holds (6号), what he started from (1号)"
printf '%s\n' "$s" | grep -qF "已采用数据库的新值 1 项（您未改）；保留您的修改 1 项（他人未改）"
tui_ok $? "the phone is taken from the database, the notes kept as typed: it says so, with counts"
printf '%s\n' "$s" | grep -qF "表格：您改过的 0 行保留您的修改，其余行采用数据库中的"
tui_ok $? "the member rows he did not touch are the database's: it says so"
printf '%s\n' "$s" | sed -n 23p | grep -F "1 用我的" | grep -F "2 用数据库的" | grep -F "保存合并" | grep -qF "返回表单"
tui_ok $? "the key bar: 1 用我的, 2 用数据库的, F2 保存合并, Esc 返回表单"
printf '%s\n' "$s" | sed 's/^/#   /'

tui_keys Escape
tui_wait "未保存：表单保留您输入的内容" && tui_wait "城关镇幸福路5号" && tui_wait "我的备注"
tui_ok $? "Esc: back to the form as he typed it, not saved"
j=$(ls "$JDIR"/household-*.journal 2>/dev/null | head -1)
[ -n "$j" ] && grep -qF "f address 城关镇幸福路5号" "$j" && grep -qF "f notes 我的备注" "$j" &&
	! grep -q "^f phone" "$j"
tui_ok $? "his edits are in the journal (only the fields he changed: a restore keeps the phone)"
tui_keys Escape
tui_wait "修改会保留，下次启动时可恢复" && tui_keys n
tui_ok $? "Esc on the form: leaving would keep the edits, not drop them (he stays)"

tui_keys F2
tui_wait "修改冲突" && tui_keys 1 && tui_wait "(*) 1 用我的" && tui_keys F2
tui_wait "已保存，并保留了他人的修改"
tui_ok $? "F2 again, 1 keeps his address, F2 saves the merge"
[ "$(col "address || '|' || notes || '|' || phone || '|' || version")" = "城关镇幸福路5号|我的备注|13900000002|$((V1 + 1))" ] &&
	[ "$(su "select name from eduaid.student where household_id = (select id from eduaid.household where household_no = '$HC')")" = 甲改 ]
tui_ok $? "the database: his address and notes, clerk_100's phone and member name 甲改 -- nothing retyped"
tui_wait "甲改"
tui_ok $? "the form shows the member as clerk_100 left it"
! ls "$JDIR"/household-*.journal >/dev/null 2>&1
tui_ok $? "saved: the journal is gone"
tui_keys Escape && tui_wait "户主" && tui_keys q && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "demo_clerk leaves cleanly, nothing on stderr"

# ==== in English: 2 keeps the database's ====================================
tui_start demo_clerk 80 24 en_US.UTF-8
tui_wait "Household verification" && tui_menu "Household verification" && tui_wait "Head" && tui_search "$HC" &&
	tui_wait "$HC" && tui_keys Enter && tui_wait "Address"
field 9 && tui_type "typed notes" && tui_keys Tab && tui_wait "typed notes"
tui_ok $? "in English demo_clerk changes the notes"
su "SET SESSION AUTHORIZATION clerk_100;
    UPDATE eduaid.household SET notes = 'their notes' WHERE household_no = '$HC'" >/dev/null
tui_keys F2
tui_wait "Edit conflict" && tui_wait "1 field(s) changed by both" && tui_wait "their notes"
tui_ok $? "F2: Edit conflict, 1 field(s) changed by both, their notes shown"
tui_keys 2 && tui_wait "(*) 2 Database's" && tui_keys F2 && tui_wait "Saved with the other person's changes" &&
	[ "$(col "notes || '|' || version")" = "their notes|$((V1 + 3))" ]
tui_ok $? "2 keeps the database's notes; saved"
tui_keys Escape && tui_wait "Head" && tui_keys q && tui_wait "Main menu" && tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "and leaves cleanly"
tui_done
