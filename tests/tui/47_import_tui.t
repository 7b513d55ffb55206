#!/usr/bin/env bash
# tests/tui/47_import_tui.t: the roster import screen in tmux (en_US.UTF-8,
# 100x30), against its own copy of the demo cluster. demo_clerk opens "Roster
# import and reconciliation" from the main menu; a roster with a bad row is
# refused with FILE:LINE:COLUMN and nothing imported; F5 imports a good one
# (a household of 城关镇 that eduaid lacks, another that eduaid holds under
# a different head name); the counts of 城关镇 show them; Enter lists the
# township's differences; * marks the missing household and F3, after a
# confirmation naming the count, creates its draft (with its member),
# which lands in the database as demo_clerk's draft; F2 exports the
# differences as CSV; a row of another township is told at import and in
# the reconciliation. Test households carry numbers made from the PID.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

T=$(printf %06d $$)
NEW="TN$T" OLD=$(su "SELECT household_no FROM eduaid.household WHERE township_id = 420325100 ORDER BY household_no LIMIT 1")
BIRTH=$(su "select to_char(date '1932-01-01' + ($T % 20000), 'YYYYMMDD')")
HEAD=$(tui_idno "659003${BIRTH}001")
KBIRTH=$(su "select to_char(date '2012-01-01' + ($T % 3000), 'YYYYMMDD')")
KID=$(tui_idno "659003${KBIRTH}002")
OLD_HEAD=$(su "SELECT head_id_number FROM eduaid.household WHERE household_no = '$OLD'")
OLD_VILLAGE=$(su "SELECT v.name FROM eduaid.household h JOIN eduaid.village v ON v.id = h.village_id WHERE h.household_no = '$OLD'")
dir=$TUI_TMP/files
mkdir -p "$dir"
cat >"$dir/bad.csv" <<EOF
户编号,乡镇,村,户主姓名,户主身份证号
$NEW,城关镇,小西关社区居民委员会,张新,$HEAD
$NEW-2,城关镇,小西关社区居民委员会,李新,${HEAD%?}Y
EOF
cat >"$dir/good.csv" <<EOF
户编号,乡镇,村,户主姓名,户主身份证号,学生姓名,学生身份证号,学段
$NEW,城关镇,小西关社区居民委员会,张新,$HEAD,张小新,$KID,小学
$OLD,城关镇,$OLD_VILLAGE,改名户主,$OLD_HEAD,,,
EOF

tui_start demo_clerk 100 30 en_US.UTF-8
tui_wait "Roster import"
tui_ok $? "the main menu offers roster import and reconciliation"
tui_menu "Roster import"
tui_wait "CSV file (UTF-8 or GB18030):"
tui_ok $? "the screen asks for a file"
tui_type "$dir/bad.csv"
tui_keys Enter
tui_wait "bad.csv:3:5: 户主身份证号: invalid ID"
tui_ok $? "a bad row is shown as FILE:LINE:COLUMN: NAME (the header's name of the column)"
tui_wait "Nothing was imported."
tui_ok $? "and nothing is imported"
tui_keys Enter
tui_wait "No roster imported yet."
tui_ok $? "back on the screen, still nothing imported"

tui_keys F5
tui_wait "CSV file (UTF-8 or GB18030):"
tui_type "$dir/good.csv"
tui_keys Enter
tui_wait "2 rows, 2 households, 1 members, UTF-8"
tui_ok $? "F5 imports a good roster, with its summary"
OLD_KIDS=$(su "SELECT count(*) FROM eduaid.student s JOIN eduaid.household h ON h.id = s.household_id WHERE h.household_no = '$OLD'")
tui_screen | grep -F "城关镇" | grep -Eq " 2 +1 +1 +[0-9]+ +1 +0 +$OLD_KIDS +0"
tui_ok $? "the counts of 城关镇: 2 households, 1 member; 1 missing, 1 differing, $OLD_KIDS member(s) not in the roster"
tui_keys Enter
tui_wait "Space marks"
tui_ok $? "Enter lists the township's differences"
tui_screen | grep -F "$OLD" | grep -Fq "改名户主"
tui_ok $? "the household whose head's name differs is listed"
# the differences of $OLD: its members as extra ones, then the head's name
for _ in $(seq 1 "$OLD_KIDS"); do
	tui_keys Down
done
tui_wait "Head's name: 改名户主 -> "
tui_ok $? "the selected difference is shown in full below the list"
tui_keys End
tui_wait "missing household"
tui_ok $? "and, at the end, the missing household"
tui_keys '*'
tui_wait "Marked: 1"
tui_ok $? "* marks the missing household"
tui_keys F3
tui_wait "Create drafts for 1 missing household(s)"
tui_ok $? "F3 asks first, naming the count"
tui_keys y
tui_wait "1 created, 0 refused"
tui_ok $? "the draft is created"
tui_keys Enter
[ "$(su "SELECT h.status || ':' || h.created_by || ':' || count(s.id) FROM eduaid.household h
          LEFT JOIN eduaid.student s ON s.household_id = h.id
         WHERE h.household_no = '$NEW' GROUP BY h.status, h.created_by")" = "draft:demo_clerk:1" ]
tui_ok $? "it is demo_clerk's draft in the database, with its member"

tui_keys F2
tui_wait "CSV file to write:"
tui_keys C-u
tui_type "$dir/out.csv"
tui_keys Enter
tui_wait "written to $dir/out.csv"
tui_ok $? "F2 exports the differences"
head -1 "$dir/out.csv" | grep -q "township_id,township_name,diff_kind"
tui_ok $? "as CSV with a header"
[ "$(stat -c %a "$dir/out.csv")" = 600 ]
tui_ok $? "only its owner may read it: it holds full ID numbers (issue 12 item 11: it was 0644)"
# The file offered is in the exports directory, not wherever the client
# was started, and the status line names it in full.
tui_keys F2
tui_wait "CSV file to write:"
tui_keys Enter
tui_wait "written to $TUI_TMP/home/.local/share/eduaid/exports/reconcile-"
tui_ok $? "Enter on the offered name writes into ~/.local/share/eduaid/exports, named in full"
[ "$(stat -c %a "$TUI_TMP/home/.local/share/eduaid/exports")" = 700 ]
tui_ok $? "the exports directory is made 0700"
# A roster holding a row of 化龙堰镇, not demo_clerk's: imported, told in
# the import's messages, and the reconciliation says it left the row out.
cat >"$dir/scope.csv" <<EOF
户编号,乡镇,村,户主姓名,户主身份证号
$NEW-S,城关镇,小西关社区居民委员会,张新,$HEAD
$NEW-J,化龙堰镇,化龙村民委员会,李新,$(tui_idno "659003${BIRTH}005")
EOF
tui_keys Escape
tui_wait "Enter: differences of a township" && tui_keys F5 &&
	tui_wait "CSV file (UTF-8 or GB18030):" && tui_type "$dir/scope.csv" && tui_keys Enter
tui_wait "is not one of your townships"
tui_ok $? "a row of another township: the import says so"
tui_keys Enter
tui_wait "Not compared: 化龙堰镇 (not yours), rows: 1"
tui_ok $? "... and the reconciliation's summary says the row is not compared"
tui_keys Escape
tui_wait "Records you can see"
tui_ok $? "Esc goes back to the menu"

su "DELETE FROM eduaid.household WHERE household_no = '$NEW'" >/dev/null
tui_done
