#!/usr/bin/env bash
# tests/tui/52_school_year.t: issue 11's "done when", walked in Chinese at
# 80x24 as the people who do it. The admin has set the standard amounts of
# the new school year (2027, copied from 2026's, as `eduaid rates set`
# would); demo_clerk opens 新学年 and proposes 城关镇's 2027 records, then
# grants the new year's aid from the 应享未享 list (marks every line, one
# key), then marks every draft in 新学年 and submits them; demo_officer
# verifies and demo_supervisor approves them (through the workflow
# functions, as their clients would: the queue screens have walks of their
# own); the subsidy report of 2026 is what it was before, and 2027's shows
# the grants; a transfer of a household of 城关镇 to 军店镇 is requested by
# demo_clerk and accepted by 军店镇's officer. Runs on a copy of the demo
# cluster of its own (tests/tui/run.sh). About 40 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
as() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "SET SESSION AUTHORIZATION $1; $2"; }

TOWN=420325100 # 城关镇
BOX='┐'

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

# ==== before: 2026's figures, 2027's rates ==================================
REPORT26="select string_agg(concat_ws(':', item, entitled, granted), ',' ORDER BY item)
            from eduaid.report_subsidy(2026, $TOWN) where township_id = $TOWN and item is not null"
before26=$(as demo_supervisor "$REPORT26")
[ -n "$before26" ]
tui_ok $? "2026's subsidy report of 城关镇 has figures ($before26)"

as demo_admin "INSERT INTO eduaid.subsidy_rate (program, school_year, stage, boarding, amount)
               SELECT program, 2027, stage, boarding, amount FROM eduaid.subsidy_rate
                WHERE school_year = 2026" >/dev/null
[ "$(su "select count(*) from eduaid.subsidy_rate where school_year = 2027")" -gt 0 ]
tui_ok $? "demo_admin set 2027's standard amounts (2026's)"

COUNTED=$(su "select count(*) from eduaid.household_year where township_id = $TOWN
               and school_year = 2026 and status in ('approved', 'in_notice', 'final')")

# ==== the clerk rolls 城关镇 over ============================================
tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "学年资助核查" && tui_menu "新学年" "记录类型"
tui_wait "2026->2027"
tui_ok $? "demo_clerk opens 新学年: 2026 -> 2027 is offered"
tui_keys F3 && tui_wait "继续吗" && tui_keys Enter && tui_wait "已生成"
tui_ok $? "F3 and yes: the drafts are proposed, and the screen says how many"
tui_db_wait "select count(*) from eduaid.household_year where township_id = $TOWN
          and school_year = 2027 and status = 'draft'" "$COUNTED"
tui_ok $? "one 2027 draft for each of the $COUNTED households counted in 2026"

# ==== the clerk grants 2027's aid from the 应享未享 list =====================
MISSING27="select count(*) from eduaid.aid_missing(2027, $TOWN, p_limit => 1000) where amount is not null"
GRANTED27="select count(*) from eduaid.student_subsidy where township_id = $TOWN and school_year = 2027"
before_missing=$(as demo_clerk "$MISSING27")
[ "$before_missing" -gt 0 ] && [ "$(su "$GRANTED27")" = 0 ]
tui_ok $? "the new drafts are entitled to $before_missing grants at a standard amount, none granted yet"
tui_keys Escape && tui_wait "主菜单" && tui_menu "应享未享资助" "记录类型" && tui_wait "2026-27学年" &&
	tui_keys F4 && tui_wait "筛选" && tui_type "2027-28" && tui_keys Enter && tui_wait "2027-28学年"
tui_ok $? "demo_clerk opens 应享未享资助 and picks 2027-28 (F4)"
tui_keys '*' && tui_keys F7 && tui_wait "[ 是 (y) ]" && tui_keys Enter && tui_wait "未能发放"
tui_ok $? "* marks every line, F7 grants them at the standard amounts in one step, and says how it went"
tui_db_wait "$MISSING27" 0 && [ "$(su "$GRANTED27")" = "$before_missing" ]
tui_ok $? "all $before_missing are granted; nothing with a standard amount is missing in 2027"
tui_keys Enter Escape && tui_wait "主菜单" && tui_menu "新学年" "记录类型" && tui_wait "2026->2027"
tui_ok $? "back in 新学年"

# ==== the clerk submits every draft =========================================
tui_keys '*' && tui_keys F10 && tui_wait "提交" && tui_keys Enter && tui_wait "处理结果"
tui_ok $? "* marks every draft, F10 and yes submit them: the result is shown"
tui_db_wait "select count(*) from eduaid.household_year where township_id = $TOWN
          and school_year = 2027 and status = 'submitted'" "$COUNTED"
tui_ok $? "all $COUNTED are submitted"
tui_keys Enter Escape && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the clerk leaves cleanly, nothing on stderr"

# ==== the officer verifies, the supervisor approves ==========================
as demo_officer "SELECT count(eduaid.verify('household_year', id)) FROM eduaid.household_year
                  WHERE township_id = $TOWN AND school_year = 2027 AND status = 'submitted'" >/dev/null
as demo_supervisor "SELECT count(eduaid.approve('household_year', id)) FROM eduaid.household_year
                     WHERE township_id = $TOWN AND school_year = 2027 AND status = 'verified'" >/dev/null
[ "$(su "select count(*) from eduaid.household_year where township_id = $TOWN
          and school_year = 2027 and status = 'approved'")" = "$COUNTED" ]
tui_ok $? "demo_officer verifies and demo_supervisor approves them: four-eyes holds, all approved"

# ==== the reports ============================================================
after26=$(as demo_supervisor "$REPORT26")
[ "$after26" = "$before26" ]
tui_ok $? "2026's subsidy report of 城关镇 is unchanged"
[ "$(as demo_supervisor "select sum(granted) from eduaid.report_subsidy(2027, $TOWN)
                          where township_id = $TOWN and item is not null")" = "$before_missing" ]
tui_ok $? "2027's shows the $before_missing grants"

# ==== a transfer to 军店镇 ===================================================
HH=FX1000011
HHID=$(su "select id from eduaid.household where household_no = '$HH'")
PAST=$(su "select count(*) from eduaid.household_year where household_id = $HHID and school_year < 2026")
tui_start clerk_100 80 24 zh_CN.UTF-8
tui_wait "建档立卡户核查" && tui_keys Enter && tui_wait "户主姓名" &&
	tui_keys / && tui_wait "$BOX" && tui_type "$HH" && tui_keys Enter && tui_wait_gone "$BOX" &&
	tui_keys Enter && tui_wait "户主姓名" && tui_keys C-g && tui_wait "军店镇" &&
	tui_type "军店" && tui_keys Enter && tui_wait "迁移原因" &&
	tui_type "随子女迁居军店镇" && tui_keys Enter && tui_wait "已申请迁出"
tui_ok $? "clerk_100 asks on $HH's form (^G) to move it to 军店镇, with a reason"
tui_keys Escape Escape && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "... and leaves cleanly"
tui_start officer_101 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "已等待" && tui_keys Escape && tui_wait "主菜单" &&
	tui_menu "迁入迁出" "记录类型" && tui_wait "$HH" &&
	tui_keys Y && tui_wait "选择行政村" && tui_keys Enter && tui_wait_gone "选择行政村"
tui_ok $? "officer_101 of 军店镇 takes it in (Y, a village of his)"
tui_db_wait "select township_id from eduaid.household where id = $HHID" 420325101
tui_ok $? "$HH is a household of 军店镇 now"
[ "$(su "select count(*) from eduaid.household_year where household_id = $HHID
          and school_year < 2026 and township_id = $TOWN")" = "$PAST" ] &&
	[ "$(su "select count(*) from eduaid.household_year where household_id = $HHID
              and school_year >= 2026 and township_id <> 420325101")" = 0 ]
tui_ok $? "its $PAST past years stay with 城关镇, this year and the next went with it"
tui_keys Escape && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the officer leaves cleanly, nothing on stderr"

tui_done
