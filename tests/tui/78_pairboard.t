#!/usr/bin/env bash
# tests/tui/78_pairboard.t: issue 15's compliance board (帮扶达标看板, part
# H3) in Chinese at 80x24 in tmux, on a copy of the demo cluster of its own
# (tests/tui/run.sh). Two pairs are made here by the superuser, relative to
# today (the cluster's clock runs): A看板测试甲 (home 军店镇) did everything
# (an activity today, every monthly report, the last quarter's summary);
# A看板测试乙 (home 土城镇) began thirteen months ago and did nothing. The
# titles begin with A so that they sort before the demo's pairs.
# demo_supervisor opens 结对帮扶 > 帮扶达标看板: the counts line; F4 土城
# filters to 土城镇 (甲 gone, 乙 落后 with its marks); s cycles the order
# (落后最多, 乡镇, 名称); Enter on 乙 says why in full, in words. About 15 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

row() { tui_screen | grep -F -- "$1"; } # the lines holding TEXT
status() { tui_screen | tail -1; }

# A school of township T free for a town_village pair from START for three
# years (the demo's pairs may hold some: the overlap rule).
free_school() { # T START
	su "select s.id from eduaid.school s
	     where s.township_id = $1 and not exists (
	           select from eduaid.pair_claim c
	            where c.township_id = s.township_id and c.school_id = s.id
	              and c.help_kind = 'town_village'
	              and c.during && daterange('$2'::date, ('$2'::date + interval '3 years')::date))
	     order by s.id limit 1"
}
start=$(su "select (date_trunc('month', current_date) - interval '13 months')::date")
jd=$(free_school 420325101 "$start")
tc=$(free_school 420325103 "$start")
[ -n "$jd" ] && [ -n "$tc" ]
tui_ok $? "a free school in 军店镇 ($jd) and in 土城镇 ($tc) from $start"
su "
insert into eduaid.pair (township_id, helping_township_id, helping_school_id, title, form,
                         help_kind, cycle_start, helping_lead, helped_lead)
select 420325101, s.township_id, s.id, 'A看板测试甲', 'one_to_one', 'town_village', '$start'::date,
       '刘校长', '陈校长' from eduaid.school s where s.name = '城关镇第二小学'
union all
select 420325103, s.township_id, s.id, 'A看板测试乙', 'one_to_one', 'town_village', '$start'::date,
       '孙校长', '赵校长' from eduaid.school s where s.name = '化龙堰镇初级中学';
insert into eduaid.pair_member (township_id, pair_id, school_id)
select 420325101, id, $jd from eduaid.pair where title = 'A看板测试甲'
union all
select 420325103, id, $tc from eduaid.pair where title = 'A看板测试乙';
insert into eduaid.pair_activity (township_id, pair_id, kind, held_on, place, people, content)
select 420325101, id, 'teaching_visit', current_date, '军店镇', '五人', '送教下乡。'
  from eduaid.pair where title = 'A看板测试甲';
insert into eduaid.pair_monthly_report (township_id, pair_id, month, content)
select 420325101, p.id, m::date, '按计划完成。'
  from eduaid.pair p, generate_series('$start'::date, date_trunc('month', current_date), interval '1 month') m
 where p.title = 'A看板测试甲';
insert into eduaid.pair_quarterly (township_id, pair_id, year, quarter, kind, held_on, content)
select 420325101, p.id, extract(year from q)::int, extract(quarter from q)::int, 'summary',
       current_date, '季度总结。'
  from eduaid.pair p, (select date_trunc('quarter', current_date) - interval '3 months') AS x (q)
 where p.title = 'A看板测试甲';" >/dev/null
[ "$(su "set session authorization demo_supervisor; select string_agg(title || ':' || behind || ':' || array_to_string(reasons, ','), ' ' order by title)
           from eduaid.pair_compliance() where title like 'A看板测试%'" | tail -1)" = \
	"A看板测试乙:true:activity,report,summary A看板测试甲:false:" ]
tui_ok $? "the server: 甲 in order; 乙 behind on activity, report and summary"

tui_start demo_supervisor 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "已等待" && tui_keys Escape && tui_wait "主菜单" &&
	tui_menu 结对帮扶 记录类型 && tui_wait "帮扶达标看板" &&
	tui_menu 帮扶达标看板 功能 && tui_wait "排序：名称"
tui_ok $? "demo_supervisor: 结对帮扶 > 帮扶达标看板 opens the board, sorted by name"
tui_screen | sed -n 2p | grep -qE '^结对[0-9]+  落后[0-9]+：缺月报[0-9]+  缺季报[0-9]+  无活动[0-9]+  整改逾期[0-9]+份'
tui_ok $? "... the counts above the list: $(tui_screen | sed -n 2p)"
row A看板测试甲 | grep -q "^达标 " && row A看板测试乙 | grep -qE "^落后 +A看板测试乙 +土城镇 +缺 +缺[0-9]+ +缺( |$)"
tui_ok $? "... 甲 达标, 乙 落后 with its marks: $(row A看板测试乙)"

tui_keys F4 && tui_wait "筛选" && tui_type 土城 && sleep 0.5 && tui_keys Enter &&
	tui_wait "乡镇：土城镇" && ! row A看板测试甲 >/dev/null && row A看板测试乙 >/dev/null
tui_ok $? "F4 土城: only 土城镇's pairs (甲 gone, 乙 there)"
! tui_screen | sed -n '5,20p' | grep -v "土城镇" | grep -qE '^(落后|达标) '
tui_ok $? "... every row shown is of 土城镇"

tui_keys s && tui_wait "排序：落后最多"
tui_ok $? "s: sorted by the most behind"
tui_keys s && tui_wait "排序：乡镇"
tui_ok $? "s: by township"
tui_keys s && tui_wait "排序：名称" && tui_screen | sed -n 5p | grep -q "A看板测试乙"
tui_ok $? "s: by name again, 乙 first: $(tui_screen | sed -n 5p)"

tui_keys Enter && tui_wait "尚无帮扶活动" && tui_wait "月报告未交" && tui_wait "没有季度总结交流" &&
	tui_screen | grep -q "─ A看板测试乙 ─"
tui_ok $? "Enter: 乙's reasons in full, in words"
tui_keys Escape && tui_wait_gone "月报告未交" && tui_wait "排序：名称"
tui_ok $? "Esc closes them"

tui_keys Escape && tui_wait "帮扶达标看板" && tui_keys Escape && tui_wait 记录类型 && tui_quit
tui_ok $? "back to the menu, quit"
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the client exits 0 with nothing on stderr"
tui_done
