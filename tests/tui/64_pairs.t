#!/usr/bin/env bash
# tests/tui/64_pairs.t: 结对帮扶 (issue 15) walked in Chinese at 80x24 by
# the people who do it. A pair is made as demo_clerk would make it
# (城关镇中心幼儿园 helping 军店镇中心幼儿园, at home in 军店镇; the screen
# of making one has its dumps in tests/screens) and an inspector (纪检督导)
# is made by the superuser as the DBA would. demo_clerk opens 结对帮扶 →
# 结对名单, finds the pair (/), opens its page and adds an activity and a
# monthly report; the inspector, whose menu is the pairing area alone,
# records an inspection and a rectification notice on it; 军店镇's officer
# (the helped, home township) sees the notice and records the response;
# 城关镇's officer (the helping side) sees it answered and may not answer
# for them. Runs on a copy of the demo cluster of its own
# (tests/tui/run.sh). About 40 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
as() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "SET SESSION AUTHORIZATION $1; $2"; }

T=$(printf %06d $$)
TITLE="幼儿园结对$T"
INSP=t_inspector
HELPER="(SELECT id FROM eduaid.school WHERE name = '城关镇中心幼儿园')"
HELPED="(SELECT id FROM eduaid.school WHERE name = '军店镇中心幼儿园')"
PAIR="(SELECT id FROM eduaid.pair WHERE title = '$TITLE')"

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

# ==== the pair and the inspector =============================================
as demo_clerk "INSERT INTO eduaid.pair (township_id, helping_township_id, helping_school_id, title,
                                     form, help_kind, cycle_start, helping_lead, helped_lead)
               VALUES (420325101, 420325100, $HELPER, '$TITLE', 'one_to_one', 'town_village',
                       '2025-09-01', '周园长', '吴园长');
               INSERT INTO eduaid.pair_member (township_id, pair_id, school_id)
               VALUES (420325101, $PAIR, $HELPED)" >/dev/null
[ "$(su "select count(*) from eduaid.pair_member where pair_id = $PAIR")" = 1 ]
tui_ok $? "demo_clerk's pair $TITLE helps 军店镇中心幼儿园"
su "SELECT eduaid.create_user('$INSP', '纪检督导员', 'inspector', 420325)" >/dev/null
tui_ok $? "the DBA makes an inspector, $INSP"

# open_pair HEADER: from the main menu (whose heading row reads HEADER),
# 结对帮扶 → 结对名单, / finds the pair, Enter opens its page.
open_pair() {
	tui_menu "结对帮扶" "$1" && tui_wait "结对名单" && tui_keys Enter &&
		tui_wait "个结对" && tui_keys / && tui_wait "┐" && tui_type "$TITLE" &&
		tui_keys Enter && tui_wait "搜索：$TITLE" && tui_wait "受援学校：军店镇中心幼儿园" &&
		tui_keys Enter && tui_wait "方案目标" && tui_wait "$TITLE"
}

# ==== the clerk: an activity and a monthly report ==============================
tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "学年资助核查" && open_pair "记录类型"
tui_ok $? "demo_clerk opens 结对帮扶 → 结对名单, finds the pair and opens its page"
tui_wait "城关镇中心幼儿园（城关镇）帮扶 军店镇中心幼儿园" && tui_wait "周期 2025-09-01 至 2028-09-01"
tui_ok $? "the header names both sides and the three-year cycle"
tui_keys Tab && tui_wait "活动内容" && tui_keys F3 && tui_wait "新增活动" &&
	tui_keys Down Down Enter && tui_wait "┐" && tui_type "军店镇中心幼儿园" && tui_keys Enter &&
	tui_keys Down Enter && tui_wait "┐" && tui_type "城关幼儿园教师 3 人" && tui_keys Enter &&
	tui_keys Down Enter && tui_wait "┐" && tui_type "送教：大班科学活动示范" && tui_keys Enter &&
	tui_wait "送教：大班科学活动示范" && tui_keys F2 && tui_wait "已保存"
tui_ok $? "Tab to 活动, F3, the activity's place, people and content, F2: saved"
tui_db_wait "select count(*) from eduaid.pair_activity where pair_id = $PAIR
              and place = '军店镇中心幼儿园' and created_by = 'demo_clerk'" 1
tui_ok $? "the activity is in the database, by demo_clerk"
tui_wait "送教：大班科学活动示范"
tui_ok $? "and on the page"
tui_keys Tab && tui_wait "报告内容" && tui_keys F3 && tui_wait "新增月报告" &&
	tui_keys Down Enter && tui_wait "┐" && tui_type "本月完成送教一次" && tui_keys Enter &&
	tui_keys F2 && tui_wait "已保存" && tui_wait "本月完成送教一次"
tui_ok $? "Tab to 月报, F3, the report (last month, as offered), F2: saved and shown"
tui_db_wait "select count(*) from eduaid.pair_monthly_report where pair_id = $PAIR
              and month = date_trunc('month', current_date - interval '1 month')" 1
tui_ok $? "one report, for last month"
tui_keys F3 && tui_wait "新增月报告" && tui_keys Down Enter && tui_wait "┐" &&
	tui_type "重复" && tui_keys Enter && tui_keys F2 && tui_wait "本月已有月报告"
tui_ok $? "a second report for that month is refused in the words of eduaid.message"
tui_keys Escape && tui_wait "(y)" && tui_keys y && tui_wait "切换栏目" &&
	tui_keys Escape Escape Escape && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "demo_clerk leaves"

# ==== the inspector: an inspection and a rectification notice =================
DEADLINE=$(su "select to_char(current_date + 30, 'YYYY-MM-DD')")
tui_start "$INSP" 80 24 zh_CN.UTF-8
tui_wait "工作区" && tui_wait "结对帮扶" && ! tui_screen | grep -qE "迁入迁出|导出|台账"
tui_ok $? "the inspector's menu is the pairing area alone"
open_pair "工作区"
tui_ok $? "$INSP opens the pair's page"
tui_keys BTab && tui_wait "督查发现" && tui_wait "F3/^N 新增督查"
tui_ok $? "Shift-Tab to 督查整改: F3 records an inspection"
tui_keys F3 && tui_wait "新增督查" &&
	tui_keys Down Enter && tui_wait "┐" && tui_type "督导组 王、李" && tui_keys Enter &&
	tui_keys Down Enter && tui_wait "┐" && tui_type "月报不全，送教次数不足" && tui_keys Enter &&
	tui_keys Down Enter && tui_wait "滞后" && tui_keys Down Down Enter &&
	tui_keys F2 && tui_wait "已保存" && tui_wait "月报不全，送教次数不足"
tui_ok $? "the inspection (inspectors, findings, verdict 滞后) is saved and shown"
tui_keys F6 && tui_wait "新增整改通知书" &&
	tui_keys Down Down Enter && tui_wait "┐" && tui_type "$DEADLINE" && tui_keys Enter &&
	tui_keys Down Enter && tui_wait "┐" && tui_type "补齐月报，每学期送教不少于一次" && tui_keys Enter &&
	tui_keys F2 && tui_wait "已保存" && tui_wait "$DEADLINE" && tui_wait "未回复"
tui_ok $? "F6: a rectification notice with its deadline; shown with no response yet"
tui_db_wait "select count(*) from eduaid.pair_rectification r join eduaid.pair_inspection i
              on i.id = r.inspection_id where r.pair_id = $PAIR and i.verdict = 'lagging'
              and r.deadline = '$DEADLINE' and r.created_by = '$INSP'" 1
tui_ok $? "the inspection and its notice are in the database, by $INSP"
tui_keys Escape Escape Escape && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "$INSP leaves"

# ==== the helped township's officer answers ======================================
tui_start officer_101 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "已等待" && tui_keys Escape && tui_wait "主菜单" && open_pair "记录类型"
tui_ok $? "officer_101 (军店镇) opens the pair's page"
tui_keys BTab && tui_wait "补齐月报，每学期送教不少于" && tui_wait "F3/^N 回复"
tui_ok $? "he sees the notice, and F3 answers it"
tui_keys F3 && tui_wait "回复整改通知书" && tui_keys Down Down Enter && tui_wait "┐" &&
	tui_type "已补报月报，下月安排送教" && tui_keys Enter && tui_keys F2 && tui_wait "已保存" &&
	tui_wait "回复：已补报月报，下月安排送教"
tui_ok $? "the response is saved and shown under the notice"
tui_db_wait "select count(*) from eduaid.pair_rectification_response where pair_id = $PAIR
              and created_by = 'officer_101'" 1
tui_ok $? "the response is in the database, by officer_101"
tui_screen | grep -q "F3/^N 回复"
[ $? -ne 0 ]
tui_ok $? "a notice answered is not offered for another answer"
tui_keys Escape Escape Escape && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "officer_101 leaves"

# ==== the helping side reads it, and may not write it ==============================
[ "$(as demo_officer "select count(*) from eduaid.pair_rectification_response where pair_id = $PAIR")" = 1 ]
tui_ok $? "demo_officer (城关镇, the helping side) sees the response"
out=$(as demo_officer "INSERT INTO eduaid.pair_activity (township_id, pair_id, kind, held_on, place,
                          people, content) VALUES (420325101, $PAIR, 'other', current_date, 'x', 'x', 'x')" 2>&1)
case $out in *42501* | *row-level* | *行级*) true ;; *) false ;; esac
tui_ok $? "... and may not add to the pair's work (the home township writes it)"

tui_done
