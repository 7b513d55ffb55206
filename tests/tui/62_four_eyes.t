#!/usr/bin/env bash
# tests/tui/62_four_eyes.t: issue 12 item 4, four-eyes foresight, in
# Chinese at 80x24 (and once in English). demo_officer opens a submitted
# household from his queue and fixes its family size; F2 warns BEFORE
# saving that he could then no longer verify it (the server's
# save_blocks_own_step), offering 退回 / 仍然保存 / 继续编辑. Esc: not
# saved, the edit still in the form. F2, r: the return reason is offered
# naming the correction; Enter returns the record -- rejected, with that
# reason, the family size as the clerk left it, demo_officer not among its
# editors. In English, "save anyway" saves: he is then an editor and the
# queue's F7 is refused as foreseen. About 20 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

T=$(printf %06d $$)
HA="FE$T" HB="FF$T"
BIRTH=$(su "select to_char(date '1932-01-01' + ($T % 20000), 'YYYYMMDD')")
BOX='┐'
col() { su "select $2 from eduaid.household where household_no = '$1'"; }

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

su "SET SESSION AUTHORIZATION demo_clerk;
    INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
                                  head_id_number, registered_year, family_size)
    SELECT 420325100, x.no, (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325100),
           '四眼户', x.p || eduaid.id_check_digit(x.p), 2016, 4
      FROM (VALUES ('$HA', '659003${BIRTH}151'), ('$HB', '659003${BIRTH}153')) AS x(no, p);
    SELECT eduaid.submit('household', id) FROM eduaid.household WHERE household_no IN ('$HA', '$HB')" >/dev/null
[ "$(col "$HA" status)" = submitted ] && [ "$(col "$HB" status)" = submitted ]
tui_ok $? "demo_clerk submits $HA and $HB (family size 4)"

tui_start demo_officer 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "提交人" && tui_search "$HA" && tui_wait "$HA" &&
	tui_keys Enter && tui_wait "家庭人口"
tui_ok $? "demo_officer opens $HA from his queue"
tui_keys Tab Tab Tab Tab C-u && tui_type 5 && tui_keys F2
tui_wait "四眼原则" && tui_wait "保存后您将不能审核此记录（四眼原则：须由另一人审核）" && tui_wait "退回 (r)" &&
	tui_wait "仍然保存 (s)" && tui_wait "继续编辑 (Esc)"
tui_ok $? "he fixes the family size (5); F2 warns before saving: 保存后您将不能审核此记录, 退回 / 仍然保存 / 继续编辑"
tui_screen | sed 's/^/#   /'
[ "$(col "$HA" "family_size || ':' || version")" = 4:2 ]
tui_ok $? "nothing is saved while he decides"

tui_keys Escape
tui_wait "未保存：您的修改仍在表单中" && [ "$(col "$HA" "family_size || ':' || version")" = 4:2 ]
tui_ok $? "Esc: back to editing, not saved, the edit still in the form"

tui_keys F2 && tui_wait "四眼原则" && tui_keys r
tui_wait "理由（必填，录入人可见）" && tui_wait "请更正：家庭人口 4 -> 5"
tui_ok $? "r: the return's reason is offered, naming his correction (家庭人口 4 -> 5)"
tui_keys Enter
tui_wait "已退回给录入人，理由中写明了您的更正"
tui_ok $? "Enter returns it; the status line says his edit was not saved"
[ "$(col "$HA" "status || '|' || reason || '|' || family_size || '|' || array_to_string(editors, ',')")" = "rejected|请更正：家庭人口 4 -> 5|4|demo_clerk" ]
tui_ok $? "the database: rejected, the reason names the correction, family size 4, demo_officer not an editor"
tui_keys Escape && tui_wait "提交人" && tui_keys q && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "demo_officer leaves cleanly, nothing on stderr"

# ==== in English: save anyway ================================================
tui_start demo_officer 80 24 en_US.UTF-8
tui_wait "Review queue" && tui_wait "Submitted by" && tui_search "$HB" && tui_wait "$HB" &&
	tui_keys Enter && tui_wait "Family size"
tui_keys Tab Tab Tab Tab C-u && tui_type 6 && tui_keys F2
tui_wait "Four-eyes" && tui_wait "you can no longer verify this record"
tui_ok $? "in English: F2 warns he could no longer verify the record"
tui_keys s
tui_wait "it left your queue" && [ "$(col "$HB" "family_size || '|' || status || '|' || array_to_string(editors, ',')")" = "6|submitted|demo_clerk,demo_officer" ]
tui_ok $? "s saves anyway and says the record has left his queue: family size 6, still submitted, demo_officer now an editor"
tui_keys F7
tui_wait "Verify this record?" && tui_keys y
tui_wait "Four-eyes rule" && [ "$(col "$HB" status)" = submitted ]
tui_ok $? "and F7 is refused as foreseen (four-eyes)"
tui_keys Escape && tui_wait "Submitted by" && tui_keys q && tui_wait "Main menu" && tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "and leaves cleanly"
tui_done
