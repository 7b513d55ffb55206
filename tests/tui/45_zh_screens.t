#!/usr/bin/env bash
# tests/tui/45_zh_screens.t: the issue-5 screens as a county clerk sees them
# -- in Chinese (zh_CN.UTF-8) at 80x24, against its own copy
# of the demo cluster. Every screen is opened from the main menu and
# checked for its Chinese title and headings, and for no line of the pane
# wider than 80 cells (display width: east Asian wide characters count
# two). demo_clerk: roster import (a roster he writes, then a nonexistent
# file, a directory and a binary file, each refused in Chinese; Esc in the
# prompt), the reconciliation (township column, the Chinese field name, a
# key bar in words), the ledgers (dropouts, a child's visits, the visit
# dialog, home delivery, training, a batch and its attendance dialog), a
# resize to 100x30 and back, the six reports and the notice list;
# demo_supervisor: the lines of a notice (the name column kept);
# demo_officer under TERM=vt100: the menu, a report and the notices.
# Reads only, except the two roster imports (staging tables).
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH

ZH=zh_CN.UTF-8
HDR="记录类型" # the menu's first heading in Chinese

# Every line of the pane at most $1 (default 80) cells wide; the widest
# line is printed as a diagnostic otherwise.
narrow() { # [COLS]
	tui_screen | python3 -c '
import sys, unicodedata
cols = int(sys.argv[1])
def cells(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
bad = [l for l in sys.stdin.read().split("\n") if cells(l) > cols]
for l in bad:
    print("# %d cells: %s" % (cells(l), l))
sys.exit(1 if bad else 0)' "${1:-80}"
}

# check TEXT DESC: TEXT appears and the pane fits 80 columns.
check() {
	tui_wait "$1"
	tui_ok $? "$2: shows \"$1\""
	narrow
	tui_ok $? "$2: no line wider than 80 cells"
}

# Back to the main menu from any depth. The first row label a menu line
# holds is taken by tui_menu: labels are passed with the blanks around them
# ("  公示 "), since the record counts may read "公示中".
to_menu() {
	local i
	for i in 1 2 3 4; do
		tui_screen | grep -qF "您可查看的记录" && return 0
		tui_keys Escape
		sleep 0.3
	done
	tui_wait "您可查看的记录"
}

# a roster of two demo households, the first head renamed: one difference
printf '%s\n' '户编号,乡镇,村,户主姓名,户主身份证号,家庭人口,学生姓名,学生身份证号,与户主关系,学段' \
	'FX1000001,城关镇,北关社区居民委员会,彭福,420325198709070013,4,彭磊珍,420325201511053001,子女,小学' \
	'FX1000003,420325100,420325100201,詹轩,420325198110060011,3,,,,' >"$TUI_TMP/roster.csv"
head -c 256 /dev/urandom | tr -d '\n' >"$TUI_TMP/binary.csv"
printf '\377\376\000\001' >>"$TUI_TMP/binary.csv"

tui_start demo_clerk 80 24 $ZH
check "$HDR" "main menu"
for label in 名册导入 台账 统计报表 公示; do
	tui_screen | grep -qF "$label"
	tui_ok $? "the main menu has $label"
done

# ---- roster import and reconciliation ------------------------------------
tui_menu 名册导入 "$HDR"
check "CSV 文件（UTF-8 或 GB18030）" "import prompt"
tui_type "$TUI_TMP/roster.csv"
tui_keys Enter
check "2 行，2 户，1 名学生" "import summary"
tui_screen | grep -F "城关镇" | grep -qE "^城关镇 +2 +1 "
tui_ok $? "the counts keep the township column at 80 columns"
tui_screen | grep -qF "学生不一致"
tui_ok $? "every count heading is shown whole"
tui_screen | tail -2 | grep -F "导出 CSV" | grep -qF "导入文件"
tui_ok $? "the key bar says what F2 and F5 do here"
ID=$(tui_screen | sed -n 's/^导入 \([0-9]*\)：.*/\1/p' | head -1)
before=$(psql -X -At -U demo_clerk -c "SELECT count(*) FROM eduaid.roster_differences(${ID:-0})
                                       WHERE township_id = 420325100 AND household_no < 'FX1000001'")
tui_keys Enter
check "户信息不一致" "differences of 城关镇"
tui_screen | tail -2 | grep -F "标记缺少的户" | grep -qF "创建草稿"
tui_ok $? "on a township the key bar offers * and F3 in words"
tui_keys Home
for _ in $(seq 1 "${before:-0}"); do tui_keys Down; done
tui_wait "户主姓名：名册为 彭福，系统为 彭福博"
tui_ok $? "the selected difference names the field in Chinese"
tui_keys Escape
tui_wait "学生不一致"
for bad in "/nonexistent-$$.csv" "$TUI_TMP" "$TUI_TMP/binary.csv"; do
	tui_keys F5
	tui_wait "导入名册"
	tui_type "$bad"
	tui_keys Enter
	check "名册被拒绝" "refusing $bad"
	tui_screen | grep -qF "未导入任何数据"
	tui_ok $? "$bad: nothing imported"
	! tui_screen | grep -qE "could not be read|neither UTF-8|No such file"
	tui_ok $? "$bad: the reason is in Chinese"
	tui_keys Enter
	tui_wait_gone "名册被拒绝"
done
tui_keys F5
tui_wait "导入名册"
tui_keys Escape
tui_wait_gone "导入名册"
tui_ok $? "Esc closes the file prompt"
to_menu

# ---- ledgers -------------------------------------------------------------
tui_menu "  台账 " "$HDR"
check "控辍保学" "the ledgers"
tui_keys Home Enter
check "疑似辍学台账" "the dropout ledger"
tui_screen | tail -2 | grep -qE "Esc/q ?返回"
tui_ok $? "the key bar keeps Esc/q 返回 whole at 80 columns (with its twin q)"
tmux_ resize-window -t e2e -x 100 -y 30
tui_wait "疑似辍学台账"
narrow 100
tui_ok $? "resized to 100x30: no line wider than 100 cells"
tmux_ resize-window -t e2e -x 80 -y 24
sleep 0.5
check "疑似辍学台账" "resized back to 80x24"
tui_keys l
check "确认辍学台账" "l: the confirmed dropouts"
tui_keys Enter
check "走访记录：" "a child's visits"
tui_keys Escape
tui_wait "确认辍学台账"
tui_keys v
check "登记走访：" "the visit dialog"
tui_keys Escape
tui_wait_gone "登记走访："
tui_ok $? "Esc closes the visit dialog"
tui_keys Escape
tui_wait "送教上门"
tui_keys Home Down Enter
check "最近的送教：" "home delivery"
tui_keys Escape
tui_wait "培训台账"
tui_keys Home Down Down Enter
check "课程" "the training ledger"
tui_keys Home Enter
check "学员" "a training batch"
tui_keys a
check "登记出勤：" "the attendance dialog"
tui_keys Escape
tui_wait_gone "登记出勤："
tui_ok $? "Esc closes the attendance dialog"
to_menu

# ---- reports -------------------------------------------------------------
tui_menu 统计报表 "$HDR"
check "资助应享尽享" "report 1"
for n in 2 3 4 5 6; do
	tui_keys "$n"
	check "$n/21 " "report $n"
done
tui_keys s
check "排序：" "report 6 sorted"
tui_keys g
check "项目" "report 6 by program"
tui_keys 1
tui_wait "1/21 "
tui_keys Enter
tui_wait "应享未享"
tui_ok $? "Enter on report 1 lists the students not granted"
tui_screen | grep -qE "(学前|小学|初中|普通高中|中职|高校)" &&
	! tui_screen | grep -qE " (preschool|primary|junior|senior_|secondary_|college)"
tui_ok $? "... with the stage in Chinese"
narrow
tui_ok $? "... and no line wider than 80 cells"
to_menu

# ---- public notice --------------------------------------------------------
tui_menu "  公示 " "$HDR"
check "公示期" "the notices"
tui_screen | grep -qE "公示中，剩 [0-9]+ 天"
tui_ok $? "a notice open, days left in Chinese"
tui_keys Escape
tui_wait "$HDR"

tui_start demo_supervisor 80 24 $ZH
tui_wait "已等待"
to_menu
tui_menu "  公示 " "$HDR"
tui_wait "公示期"
tui_screen | tail -2 | grep -F "开启公示" | grep -qF "结束公示"
tui_ok $? "the notices' key bar says F3 opens and F7 closes a notice"
tui_keys Enter
check "校验码" "the lines of a notice"
tui_screen | tail -2 | grep -F "登记异议" | grep -qF "处理异议"
tui_ok $? "the lines' key bar says F3 records and F7 decides an objection"
tui_screen | grep -qF "姓名"
tui_ok $? "the name column is kept at 80 columns"

# ---- TERM=vt100: no colour -------------------------------------------------
tui_start_shell 80 24 \
	"env HOME='$TUI_TMP/home' LANG=$ZH LC_ALL=$ZH TERM=vt100 \
	 EDUAID_FORMS_DIR='$top_srcdir/forms' EDUAID_LOCALEDIR='$TUI_TMP/locale' \
	 PGHOST='$PGHOST' PGPORT='${PGPORT:-5432}' PGDATABASE='$PGDATABASE' \
	 '$TUI_BIN' -U demo_officer 2>'$TUI_TMP/stderr'; echo \$? > '$TUI_TMP/exit'; sleep 600"
tui_wait "已等待"
to_menu
check "$HDR" "vt100: main menu"
tmux_ capture-pane -e -p -t e2e | grep -q $'\033\\[7m'
tui_ok $? "vt100: the selection is in reverse video"
tui_menu 统计报表 "$HDR"
check "资助应享尽享" "vt100: report 1"
to_menu
tui_menu "  公示 " "$HDR"
check "公示期" "vt100: the notices"
to_menu
tui_quit
tui_done
