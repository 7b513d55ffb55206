#!/usr/bin/env bash
# tests/tui/56_rule_words.t: issue 12 item 2, "every server rule has
# words", walked as demo_clerk in Chinese at 80x24 (and once in English).
# The four refusals the issue saw as constraint names: a training batch
# written 2026年第1期, a bank account typed with blanks, a preschool pupil
# of a school year without a school (a row of the year's grid: the rule
# student_year_school_id_check, which holds only while the stage is not
# "not in school", so the field is not marked required), and a special-
# education placement of a child aged 4. For each: entering the field shows
# its rule in words (the hint, from eduaid.message), the save is refused
# with the same sentence, no constraint or column name is on the screen,
# and what was typed is still in the form; F9's details begin with the
# Chinese sentence, the server's English below as the technical part.
# Runs on a copy of the demo cluster of its own (tests/tui/run.sh). About
# 40 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
as() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "SET SESSION AUTHORIZATION $1; $2"; }

# An identifier of the schema on the screen: a constraint's or a column's
# name, snake_case (the words never hold one: tests/db/24_messages.sql).
NAMES='[a-z]+_[a-z][a-z0-9_]*'
no_names() { ! tui_screen | tail -n +2 | grep -qE -- "$NAMES"; } # below the title (its user is demo_clerk)

# next_to TEXT: press Down (at most 40 times) until TEXT is on the screen
# -- the hint of the field the cursor entered.
next_to() {
	local i
	for i in $(seq 1 40); do
		tui_screen | grep -qF -- "$1" && return 0
		tui_keys Down
		sleep 0.15
	done
	tui_screen | grep -qF -- "$1"
}

# open_found KIND SEARCH: from the main menu, open record kind KIND, search
# SEARCH, open the first record found.
open_found() {
	tui_menu "$1" "记录类型" && tui_wait "搜索：" && tui_keys / && tui_wait "┐" &&
		tui_type "$2" && tui_keys Enter && tui_wait "搜索：$2" && tui_keys Enter &&
		tui_wait_gone "搜索："
}

# leave: back to the main menu, dropping the changes.
leave() {
	tui_keys Escape && tui_wait "离开并放弃" && tui_keys y && tui_wait "搜索：" &&
		tui_keys Escape && tui_wait "主菜单"
}

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "主菜单"
tui_ok $? "demo_clerk is on the main menu"

# ==== 1. a training batch written as people say it ===========================
open_found "技能培训" "赵桂" && tui_wait "*培训批次" && next_to "培训批次写作“年份-期数”，如2026-1。"
tui_ok $? "training: entering 培训批次 shows its rule (年份-期数, 2026-1) before anything is refused"
for i in $(seq 1 10); do tui_keys BSpace; done
tui_type "2026年第1期" && tui_wait "最多 7 个字，超出的部分未录入。"
tui_ok $? "... typed past the field's 7 characters, 期 is not taken and the field says so (never dropped silently)"
tui_keys F2 && tui_wait "（F9：详情）"
tui_ok $? "... 2026年第1 is refused on F2"
tui_screen | tail -1 | grep -qF "培训批次写作“年份-期数”，如2026-1。" && no_names
tui_ok $? "... the status line says the rule in Chinese; no constraint name on the screen"
tui_screen | grep -F "*培训批次" | grep -qF "年第1"
tui_ok $? "... what was typed is still in the field"
tui_keys F9 && tui_wait "错误详情" &&
	tui_screen | grep -qF "说明：培训批次写作“年份-期数”" && tui_screen | grep -qF "技术详情："
tui_ok $? "... F9: the Chinese sentence first, the server's text below as technical details"
tui_keys Enter && tui_wait_gone "错误详情" && leave
tui_ok $? "... and back to the menu"

# ==== 2. a bank account typed with blanks ====================================
open_found "教师帮扶资金" "邓志博" && next_to "银行账号为12到19位数字。"
tui_ok $? "teacher fund: entering 银行账号 shows its rule (12 to 19 digits)"
for i in $(seq 1 25); do tui_keys BSpace; done
tui_type "6228 4800 0006 8190 183" && tui_wait "6228480000068190183"
tui_ok $? "... an account copied from the card in groups of four: the blanks are left out, all 19 digits taken"
for i in $(seq 1 25); do tui_keys BSpace; done
tui_type "6228-4800-0006" && tui_keys F2 && tui_wait "（F9：详情）"
tui_ok $? "... an account with dashes is refused on F2"
tui_screen | tail -1 | grep -qF "银行账号为12到19位数字。" && no_names &&
	tui_screen | grep -F "*银行账号" | grep -qF "6228-4800-0006"
tui_ok $? "... in words, no constraint name, and the account typed is still there"
leave
tui_ok $? "... and back to the menu"

# ==== 3. a preschool pupil of a school year without a school =================
# A child born into 林林磊's household after the year's rows were made:
# the clerk adds her to the 2026 draft.
HY=$(su "select hy.id from eduaid.household_year hy join eduaid.household h on h.id = hy.household_id
          where h.head_name = '林林磊' and hy.school_year = 2026 and hy.status = 'draft'")
ID=$(tui_idno 42032520220301002)
as demo_clerk "INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date, relation)
               SELECT township_id, household_id, '林小米', '$ID', 'F', '2022-03-01', 'child'
                 FROM eduaid.household_year WHERE id = $HY" >/dev/null
[ -n "$HY" ]
tui_ok $? "林林磊's 2026 draft ($HY) has a new member without a row of the year"
tui_menu "学年资助核查" "记录类型" && tui_wait "搜索：" && tui_keys / && tui_wait "┐" &&
	tui_type "林林磊" && tui_keys Enter && tui_wait "草稿" && tui_keys Down Down Enter &&
	tui_wait_gone "搜索：" && tui_wait "状态：草稿" && tui_wait "学生学年信息"
tui_ok $? "school year: demo_clerk opens the 2026 draft of 林林磊"
tui_keys Down Down Down Down Down F6 && tui_wait "按 F2 将此行保留" &&
	tui_keys F5 && tui_wait "筛选" && tui_type "林小米" && tui_wait "420325" && tui_keys Enter &&
	tui_wait "林小米" && tui_keys Down F5 && tui_wait "未入学或已离校" && tui_keys Enter &&
	tui_wait "学前" && tui_keys Down Down Down Down F5 && tui_wait "辍学" && tui_keys Enter &&
	tui_wait "在校"
tui_ok $? "... adds a row: 林小米, 学前, 在校, no school"
tui_screen | grep -F "就读学校" | grep -qvF "*就读学校"
tui_ok $? "... 就读学校 is not marked required (the rule holds only for a pupil in school)"
tui_keys Up Up Up && tui_wait "在校学生须填写就读学校。"
tui_ok $? "... entering 就读学校 shows the condition in words"
tui_keys F2 && tui_wait_gone "按 F2 将此行保留" && tui_wait "林小米" && tui_keys F2 &&
	tui_wait "（F9：详情）"
tui_ok $? "... the row is kept, and F2 on the record is refused"
tui_screen | tail -1 | grep -qF "在校学生须填写就读学校。" &&
	tui_screen | grep -qF "学生学年信息: 就读学校: 在校学生须填写就读学校。" && no_names
tui_ok $? "... the status line and the grid's line say the rule, the grid and the field in words; no column name"
tui_screen | grep -F "林小米" | grep -qF "学前"
tui_ok $? "... and the row typed is still in the form"
leave
tui_ok $? "... and back to the menu"

# ==== 4. a special-education placement of a child aged 4 =====================
open_found "特殊教育一人一案" "彭磊珍" && next_to "安置时儿童须年满6岁且未满16岁。"
tui_ok $? "special education: entering 安置日期 shows its rule (6 to 16 years old)"
for i in $(seq 1 12); do tui_keys BSpace; done
tui_type "2019-12-01" && tui_keys F2 && tui_wait "（F9：详情）"
tui_ok $? "... a placement at 4 (born 2015-11-05, placed 2019-12-01) is refused on F2"
tui_screen | tail -1 | grep -qF "安置时儿童须年满6岁且未满16岁。" && no_names &&
	tui_screen | grep -F "*安置日期" | grep -qF "019-12-01"
tui_ok $? "... in words, no constraint name, the date typed still there"
tui_keys F9 && tui_wait "错误详情" && tui_screen | grep -qF "说明：安置时儿童须年满6岁且未满16岁。" &&
	tui_screen | grep -qF "技术详情："
tui_ok $? "... F9's details begin with the Chinese sentence (the English server text is the technical part)"
tui_keys Enter && tui_wait_gone "错误详情" && leave && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "demo_clerk leaves cleanly, nothing on stderr"

# ==== in English: the training batch =========================================
tui_start demo_clerk 80 24 C.UTF-8
tui_wait "Main menu" && tui_menu "Vocational training" && tui_wait "Search:" && tui_keys / &&
	tui_wait "┐" && tui_type "赵桂" && tui_keys Enter && tui_wait "Search: 赵桂" && tui_keys Enter &&
	tui_wait_gone "Search:" && next_to "A batch is year-number, such as 2026-1."
tui_ok $? "English: entering Batch shows its rule"
for i in $(seq 1 10); do tui_keys BSpace; done
tui_type "2026/1st" && tui_keys F2 && tui_wait "(F9: details)" &&
	tui_screen | tail -1 | grep -qF "A batch is year-number, such as 2026-1." && no_names
tui_ok $? "... the refusal says it in English, no constraint name on the screen"

tui_done
