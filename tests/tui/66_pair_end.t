#!/usr/bin/env bash
# tests/tui/66_pair_end.t: a pair's early end, four eyes, and a row of its
# page changed (issue 15 H6), in Chinese at 80x24. A pair at home in
# 军店镇 is made by psql as demo_clerk would make it, with an activity,
# and its agreement taken through the review by the right people
# (demo_clerk submits, officer_101 verifies, demo_supervisor approves).
# Then on the pair's page: officer_101 changes the activity (Enter, the
# editor filled in, F2), and a second change whose row demo_clerk changed
# meanwhile is refused in words (EA007) with what he typed kept; he asks
# to end the pair early (F10: a day out of the cycle is refused in the
# words of eduaid.message, then a day and a reason); demo_supervisor sees
# the request and turns it down with a reason (F11); officer_101 reads
# the reason and asks again; demo_supervisor approves (F7: the asker is an
# officer, four eyes hold) and the page shows the end. Last, on a 大学区's
# page officer_101 adds a second helped school (F6). Runs on a copy of the
# demo cluster of its own (tests/tui/run.sh). About 60 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
as() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "SET SESSION AUTHORIZATION $1; $2"; }

T=$(printf %06d $$)
TITLE="提前终止结对$T"
HELPER="(SELECT id FROM eduaid.school WHERE name = '城关镇中心幼儿园')"
HELPED="(SELECT id FROM eduaid.school WHERE name = '军店镇中心幼儿园')"
PAIR="(SELECT id FROM eduaid.pair WHERE title = '$TITLE')"

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

# ==== the pair, its activity and its approved agreement =========================
as demo_clerk "INSERT INTO eduaid.pair (township_id, helping_township_id, helping_school_id, title,
                                     form, help_kind, cycle_start, helping_lead, helped_lead)
               VALUES (420325101, 420325100, $HELPER, '$TITLE', 'one_to_one', 'town_village',
                       '2025-09-01', '周园长', '吴园长');
               INSERT INTO eduaid.pair_member (township_id, pair_id, school_id)
               VALUES (420325101, $PAIR, $HELPED);
               INSERT INTO eduaid.pair_activity (township_id, pair_id, kind, held_on, place,
                                                 people, content)
               VALUES (420325101, $PAIR, 'teaching_visit', '2025-10-15', '军店镇中心幼儿园',
                       '城关幼儿园教师 3 人', '送教：中班语言活动');
               INSERT INTO eduaid.pair_agreement (township_id, pair_id, signed_on,
                                                  helping_signatory, helped_signatory, goals)
               VALUES (420325101, $PAIR, '2025-09-01', '周园长', '吴园长', '三年内开齐五大领域活动。');
               SELECT eduaid.submit('pairing', $PAIR)" >/dev/null &&
	as officer_101 "SELECT eduaid.verify('pairing', $PAIR)" >/dev/null &&
	as demo_supervisor "SELECT eduaid.approve('pairing', $PAIR)" >/dev/null
[ "$(su "select status from eduaid.pair_agreement where pair_id = $PAIR")" = approved ]
tui_ok $? "the pair $TITLE and its agreement, approved through the review"

# open_pair [TITLE [HELPED]]: from the main menu, 结对帮扶 → 结对名单, /
# finds the pair, Enter opens its page.
open_pair() {
	local title=${1:-$TITLE}
	tui_menu "结对帮扶" "记录类型" && tui_wait "结对名单" && tui_keys Enter &&
		tui_wait "个结对" && tui_keys / && tui_wait "┐" && tui_type "$title" &&
		tui_keys Enter && tui_wait "搜索：$title" && tui_wait "受援学校：${2:-军店镇中心幼儿园}" &&
		tui_keys Enter && tui_wait "方案目标" && tui_wait "$title"
}
# start USER: log in at 80x24 in Chinese, past the review queue.
start() {
	tui_start "$1" 80 24 zh_CN.UTF-8
	tui_wait "审核队列" && tui_wait "已等待" && tui_keys Escape && tui_wait "主菜单"
}
leave() {
	tui_keys Escape Escape Escape && tui_wait "主菜单" && tui_quit && sleep 0.3
	[ "$(tui_exit_status)" = 0 ]
}
# content NEW: in the activity's editor, the content (fifth field) to NEW.
content() {
	tui_keys Down Down Down Down Enter && tui_wait "┐" && tui_keys C-u &&
		tui_type "$1" && tui_keys Enter && tui_wait "$1"
}

# ==== officer_101: a row changed, then one changed by someone else meanwhile =====
start officer_101 && open_pair
tui_ok $? "officer_101 (军店镇, the home township) opens the pair's page"
tui_wait "F10/^X 提前终止" && ! tui_screen | grep -qE "提前终止.*待批准"
tui_ok $? "no early end stands; F10 asks for one (the agreement is approved)"
# (the key bar is full: its gaps close up, "Enter修改")
tui_keys Tab && tui_wait "送教：中班语言活动" && tui_screen | grep -qE "Enter ?修改" &&
	tui_keys Enter && tui_wait "修改活动" && tui_wait "城关幼儿园教师 3 人"
tui_ok $? "Tab to 活动: Enter opens the activity in the editor, filled in"
content "送教：中班语言活动，评课一次" && tui_keys F2 && tui_wait "已保存" &&
	tui_wait_gone "修改活动"
tui_ok $? "the content changed, F2: saved"
tui_db_wait "select count(*) from eduaid.pair_activity where pair_id = $PAIR
              and content = '送教：中班语言活动，评课一次' and version = 2" 1
tui_ok $? "the activity is changed in the database (version 2)"
tui_keys Enter && tui_wait "修改活动"
as demo_clerk "UPDATE eduaid.pair_activity SET people = '城关幼儿园教师 4 人' WHERE pair_id = $PAIR" >/dev/null
content "被他人抢先修改的内容" && tui_keys F2 && tui_wait "记录已被他人修改，请重新载入。"
tui_ok $? "demo_clerk changes it meanwhile: F2 is refused in the words of eduaid.message"
tui_wait "修改活动" && tui_wait "被他人抢先修改的内容"
tui_ok $? "... and the editor stays open with what was typed"
[ "$(su "select people || '/' || content from eduaid.pair_activity where pair_id = $PAIR")" = \
	"城关幼儿园教师 4 人/送教：中班语言活动，评课一次" ]
tui_ok $? "the database keeps demo_clerk's change, nothing of the stale one"
tui_keys Escape && tui_wait "(y)" && tui_keys y && tui_wait "城关幼儿园教师 4 人" &&
	tui_keys BTab && tui_wait "方案目标"
tui_ok $? "Esc, y: dropped; the page shows demo_clerk's change"

# ==== officer_101 asks to end it early ============================================
tui_keys F10 && tui_wait "申请提前终止" && tui_wait "终止日期" && tui_type "2025-08-01" &&
	tui_keys Enter && tui_wait "理由" && tui_type "并校" && tui_keys Enter &&
	tui_wait "提前终止需填写周期内的日期和理由。"
tui_ok $? "a day before the cycle is refused in the words of eduaid.message (EA204)"
tui_keys F10 && tui_wait "终止日期" && tui_type "2027-01-31" && tui_keys Enter &&
	tui_wait "理由" && tui_type "军店幼并入军店镇九年一贯制学校" && tui_keys Enter &&
	tui_wait "已申请，由审核人决定。" &&
	tui_wait "申请 2027-01-31 提前终止（officer_101，待批准）：军店幼并入"
tui_ok $? "F10, a day and a reason: asked; the header shows the day, who asked and why"
tui_screen | grep -q "F10/^X"
[ $? -ne 0 ]
tui_ok $? "the key bar no longer offers F10"
[ "$(su "select end_requested_on || '/' || end_requested_by from eduaid.pair where id = $PAIR")" = \
	"2027-01-31/officer_101" ]
tui_ok $? "the request is in the database, by officer_101"
leave
tui_ok $? "officer_101 leaves"

# ==== demo_supervisor turns it down ===============================================
start demo_supervisor && open_pair
tui_ok $? "demo_supervisor opens the pair's page"
tui_wait "待批准" && tui_wait "F7/^P 批准终止" && tui_wait "不同意"
tui_ok $? "he sees the request; F7 approves, F11 turns it down"
tui_keys F11 && tui_wait "不同意提前终止" && tui_type "请附县教育局并校批复" &&
	tui_keys Enter && tui_wait "已不同意。" &&
	tui_wait "提前终止未获同意（demo_supervisor）：请附县教育局并校批复"
tui_ok $? "F11 with a reason: turned down, the reason on the page"
tui_screen | grep -q "批准终止"
[ $? -ne 0 ]
tui_ok $? "nothing is left to approve"
[ "$(su "select coalesce(end_requested_on::text, '-') || '/' || end_refusal from eduaid.pair where id = $PAIR")" = \
	"-/请附县教育局并校批复" ]
tui_ok $? "the database: no request, the refusal's reason"
leave
tui_ok $? "demo_supervisor leaves"

# ==== officer_101 reads why, and asks again =======================================
start officer_101 && open_pair &&
	tui_wait "提前终止未获同意（demo_supervisor）：请附县教育局并校批复"
tui_ok $? "officer_101 reads the reason it was turned down"
tui_keys F10 && tui_wait "终止日期" && tui_type "2027-01-31" && tui_keys Enter &&
	tui_wait "理由" && tui_type "并校，附房教〔2026〕12号批复" && tui_keys Enter &&
	tui_wait "已申请，由审核人决定。" && tui_wait "待批准）：并校，附房教"
tui_ok $? "F10 again, with the reply named: asked"
leave
tui_ok $? "officer_101 leaves"

# ==== demo_supervisor approves ====================================================
start demo_supervisor && open_pair
tui_ok $? "demo_supervisor opens the page again"
tui_keys F7 && tui_wait "批准提前终止" && tui_keys y && tui_wait "已批准：结对已终止。" &&
	tui_wait "已于 2027-01-31 提前终止，demo_supervisor 批准：并校，附房教"
tui_ok $? "F7, yes: approved; the page shows the end, its day, reason and approver"
[ "$(su "select ended_on || '/' || end_approved_by from eduaid.pair where id = $PAIR")" = \
	"2027-01-31/demo_supervisor" ]
tui_ok $? "the pair has ended in the database, approved by demo_supervisor"
tui_screen | grep -qE "批准终止|F11"
[ $? -ne 0 ]
tui_ok $? "no key is left for the early end"
leave
tui_ok $? "demo_supervisor leaves"

# ==== the helping side reads, and is offered nothing to write ======================
start demo_officer && open_pair && tui_keys Tab && tui_wait "送教：中班语言活动" &&
	tui_wait "Esc/q 返回" && ! tui_screen | grep -qE "F3/|F10/|F6/|Enter ?修改|F7/|F11/"
tui_ok $? "demo_officer (城关镇, the helping side) reads the page; its key bar offers no write"
leave
tui_ok $? "demo_officer leaves"

# ==== a 大学区: another helped school from the pair's page ==========================
DIST="大学区$T"
as demo_clerk "INSERT INTO eduaid.pair (township_id, helping_township_id, helping_school_id, title,
                                     form, help_kind, cycle_start, helping_lead, helped_lead)
               VALUES (420325101, 420325100,
                       (SELECT id FROM eduaid.school WHERE name = '城关镇第二小学'), '$DIST',
                       'district', 'town_village', '2025-09-01', '刘校长', '陈校长');
               INSERT INTO eduaid.pair_member (township_id, pair_id, school_id)
               VALUES (420325101, (SELECT id FROM eduaid.pair WHERE title = '$DIST'),
                       (SELECT id FROM eduaid.school WHERE name = '军店镇中心小学'))" >/dev/null
start officer_101 && open_pair "$DIST" "军店镇中心小学" && tui_wait "F6/^A" &&
	tui_keys F6 && tui_wait "添加受援学校" && tui_type "军店镇初级中学" && tui_wait "找到 1 项" &&
	tui_keys Enter && sleep 0.5 && tui_keys Escape &&
	tui_wait "军店镇中心小学、军店镇初级中学"
tui_ok $? "officer_101 adds 军店镇初级中学 to the 大学区 from its page (F6); the header names both"
[ "$(su "select count(*) from eduaid.pair_member where pair_id = (SELECT id FROM eduaid.pair WHERE title = '$DIST')")" = 2 ]
tui_ok $? "the 大学区 has two helped schools in the database"
leave
tui_ok $? "officer_101 leaves"

tui_done
