#!/usr/bin/env bash
# tests/tui/73_refdata_tui.t: issue 14's reference-data screen, in Chinese
# at 80x24 in tmux, on a copy of the demo cluster of its own
# (tests/tui/run.sh). demo_admin opens 基础数据, turns to the courses (l),
# adds 育婴员 (F3: name, category picked, hours; F2): the database has it,
# and the audit log an insert by demo_admin; retires it (F8, y): inactive,
# audited, shown 已停用. On the standard amounts he adds the junior
# boarders' subsidy of 2027 (F3: year, program and stage picked, boarding
# turned over, amount; F2) and deletes it again (F8, y); F8 on a rate
# approved records were granted under is refused on the status line and
# deletes nothing. About 20 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

status() { tui_screen | tail -1; }
bar() { tui_screen | sed -n 23p; } # the key bar, above the status line
audit() { # TABLE KEY-JSON-FIELD VALUE: the actions on that row, in order
	su "select string_agg(action || ':' || actor, ',' order by id) from eduaid.audit_log
	     where kind = 'reference' and table_name = '$1'
	       and coalesce(new_row, old_row) ->> '$2' = '$3'"
}

tui_start demo_admin 80 24 zh_CN.UTF-8
tui_menu 基础数据 管理项目 && tui_wait "l换类"
tui_ok $? "demo_admin: 基础数据 on the main menu opens the reference data (schools first)"
tui_keys l && tui_wait "培训课程（第2类"
tui_ok $? "l turns to the training courses"

tui_keys F3 && tui_wait "新增培训课程" && tui_keys Enter && tui_wait "课程名称" &&
	tui_keys C-u && tui_type 育婴员 && tui_keys Enter && tui_wait "育婴员" &&
	tui_keys Down Enter && tui_wait "服务业" && tui_type 服务 && tui_keys Enter &&
	tui_keys Down Enter && tui_wait "课时" && tui_keys C-u && tui_type 96 && tui_keys Enter &&
	tui_keys F2 && tui_wait "已新增"
tui_ok $? "F3: 育婴员, 服务业, 96 hours; F2: $(status)"
[ "$(su "select category || ' ' || hours || ' ' || active from eduaid.training_course where name = '育婴员'")" = "service 96 true" ]
tui_ok $? "... the database has the course"
[ "$(audit training_course name 育婴员)" = "insert:demo_admin" ]
tui_ok $? "... and the audit log its insert by demo_admin ($(audit training_course name 育婴员))"

tui_keys / && tui_wait "名称或代码的开头" && tui_keys C-u && tui_type 育婴 && tui_keys Enter &&
	tui_wait "查找：育婴" && tui_screen | sed -n 4p | grep -q "育婴员 .*服务业 .*96 *使用中"
tui_ok $? "/ 育婴 finds it: $(tui_screen | sed -n 4p)"
tui_keys F8 && tui_wait "停用育婴员" && tui_keys y && tui_wait "育婴员已停用"
tui_ok $? "F8, y: $(status)"
[ "$(su "select active from eduaid.training_course where name = '育婴员'")" = f ] &&
	[ "$(audit training_course name 育婴员)" = "insert:demo_admin,update:demo_admin" ]
tui_ok $? "... inactive in the database, the update audited"
tui_screen | sed -n 4p | grep -q "已停用" && bar | grep -q "F8/^D *启用"
tui_ok $? "... the row says 已停用 and F8 offers 启用: $(bar)"

tui_keys / && tui_wait "名称或代码的开头" && tui_keys C-u Enter && tui_keys l l &&
	tui_wait "资助标准（第4类"
tui_ok $? "l l: the standard amounts"
tui_keys F8 && tui_wait "已有批准的记录按此标准发放，不能删除"
tui_ok $? "F8 on a rate of 2026 approved records were granted under: $(status)"
[ "$(su "select count(*) from eduaid.subsidy_rate where school_year = 2026")" = 18 ]
tui_ok $? "... nothing deleted"

tui_keys F3 && tui_wait "新增资助标准" && tui_keys Enter && tui_wait "学年" && tui_keys C-u &&
	tui_type 2027 && tui_keys Enter && tui_keys Down Enter && tui_wait "寄宿生生活补助" &&
	tui_type 寄宿 && tui_keys Enter && tui_keys Down Enter && tui_wait "初中" && tui_type 初中 &&
	tui_keys Enter && tui_keys Down Enter && tui_keys Down Enter && tui_wait "标准金额" &&
	tui_keys C-u && tui_type 1300 && tui_keys Enter && tui_keys F2 && tui_wait "已新增"
tui_ok $? "F3: 2027, 寄宿生生活补助, 初中, a boarder, 1300; F2: $(status)"
[ "$(su "select amount from eduaid.subsidy_rate where (program, school_year, stage, boarding) = ('boarding_subsidy', 2027, 'junior', true)")" = 1300 ]
tui_ok $? "... the database has the rate"
tui_screen | sed -n 4p | grep -q "2027-2028 寄宿生生活补助 *初中 *寄宿 *1300.00 可修改"
tui_ok $? "... first in the list, one that can change: $(tui_screen | sed -n 4p)"
tui_keys F8 && tui_wait "删除寄宿生生活补助 2027-2028" && tui_keys y && tui_wait "已删除"
tui_ok $? "F8, y: $(status)"
[ "$(su "select count(*) from eduaid.subsidy_rate where school_year = 2027")" = 0 ] &&
	[ "$(su "select string_agg(action, ',' order by id) from eduaid.audit_log
	          where kind = 'reference' and table_name = 'subsidy_rate' and actor = 'demo_admin'
	            and coalesce(new_row, old_row) ->> 'school_year' = '2027'")" = "insert,delete" ]
tui_ok $? "... gone from the database; its insert and delete audited"

tui_keys Escape && tui_wait 管理项目 && tui_quit
tui_ok $? "back to the menu, quit"
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the client exits 0 with nothing on stderr"
tui_done
