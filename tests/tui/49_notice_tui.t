#!/usr/bin/env bash
# tests/tui/49_notice_tui.t: the Public notice screens through the terminal
# client, in tmux (en_US.UTF-8, 100x30), against its own copy of
# the demo cluster. Fixture: two households of 青峰镇 (420325105) with
# approved records of school year 2034 (kind household_year, nothing else
# uses the year) and their grants, put on notice by demo_supervisor; officer_105 records an objection against line 1.
# demo_supervisor2 goes from the main menu to "Public notice", sees the
# notice open with 1 undecided objection, opens its lines (masked ID
# numbers, "on notice"), upholds the objection (F7) -- the database shows
# the record rejected with the objection as reason --, records another
# objection against line 2 (F3), and is refused closing the notice before
# its end date (F7 in the list), in words, while nothing changes. F12
# shows the record's history with the notice and the return.
# Household numbers carry this process's id.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
as() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$1" -c "$2"; }

T=$(printf %06d $$)
SEQ=${T:4:2}

# make_household N NAME: a household of 青峰镇 with one member and an
# approved record of 2034 with a grant; prints the record's id.
make_household() {
	local head="65900119720101${SEQ}$1" kid="65900120160901${SEQ}$1" hid yid
	hid=$(as clerk_105 "INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
	                                  head_id_number, registered_year, family_size)
	    VALUES (420325105, 'NTUI-$T-$1',
	            (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325105),
	            '$2', '$head' || eduaid.id_check_digit('$head'), 2016, 3)
	    RETURNING id")
	as clerk_105 "INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex,
	                                    birth_date)
	        SELECT 420325105, $hid, '学生', k, eduaid.id_sex(k), eduaid.id_birth_date(k)
	          FROM (SELECT '$kid' || eduaid.id_check_digit('$kid') AS k) AS x" >/dev/null
	yid=$(as clerk_105 "INSERT INTO eduaid.household_year (township_id, household_id, school_year)
	    VALUES (420325105, $hid, 2034) RETURNING id")
	as clerk_105 "INSERT INTO eduaid.student_year (township_id, household_year_id, student_id,
	                                      stage, school_id, grade)
	    SELECT 420325105, $yid, s.id, 'primary', (SELECT min(c.id) FROM eduaid.school c
	                            WHERE c.township_id = 420325105 AND c.kind = 'primary'), 3
	      FROM eduaid.student s WHERE s.township_id = 420325105 AND s.household_id = $hid" >/dev/null
	as clerk_105 "INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id,
	                                         program, amount)
	    SELECT 420325105, $yid, s.id, 'compulsory_waiver', 500
	      FROM eduaid.student s WHERE s.township_id = 420325105 AND s.household_id = $hid" >/dev/null
	as clerk_105 "SELECT eduaid.submit('household_year', $yid)" >/dev/null
	as officer_105 "SELECT eduaid.verify('household_year', $yid)" >/dev/null
	as demo_supervisor "SELECT eduaid.approve('household_year', $yid)" >/dev/null
	echo "$yid"
}

H1=$(make_household 1 孙大伟)
H2=$(make_household 2 钱小红)
NOTICE=$(as demo_supervisor "SELECT eduaid.open_notice('household_year', 420325105, 2034)")
ITEM1=$(su "SELECT id FROM eduaid.notice_item WHERE notice_id = $NOTICE AND line_no = 1")
as officer_105 "SELECT eduaid.record_objection($ITEM1, '该户子女已在外地就读', '村民')" >/dev/null
[ -n "$H2" ] && [ "$(su "SELECT string_agg(status, ',' ORDER BY id) FROM eduaid.household_year
                          WHERE id IN ($H1, $H2)")" = "in_notice,in_notice" ]
tui_ok $? "fixture: notice $NOTICE of two households' records of 2034 on notice, one objection"

# row TEXT1 TEXT2: wait for a line of the screen showing both.
row() {
	local i
	for i in $(seq 1 100); do
		tui_screen | grep -F -- "$1" | grep -qF -- "$2" && return 0
		sleep 0.1
	done
	return 1
}

tui_start demo_supervisor2 100 30 en_US.UTF-8
tui_wait "Waiting:"
tui_ok $? "demo_supervisor2 starts in the review queue"
tui_keys Escape
tui_wait "Records you can see"
tui_ok $? "Esc: the main menu ..."
row "Public notice" "open"
tui_ok $? "... has a Public notice row"
row "Public notice" "undecided objections"
tui_ok $? "... with the open notices and undecided objections"
tui_menu "Public notice"
tui_wait "F3 opens a notice"
tui_ok $? "Enter opens the list of notices (a supervisor is told F3 opens one)"
row "青峰镇 2034-2035学年" "open, 7 days left"
tui_ok $? "the fixture notice is open, 7 days left"
row "青峰镇 2034-2035学年" "        1"
tui_ok $? "... with 1 undecided objection"

tui_keys Home Enter
tui_wait "F3 records an objection"
tui_ok $? "Enter shows its lines"
row "孙大伟" "1 undecided"
tui_ok $? "line 1: 孙大伟 with 1 undecided objection"
row "钱小红" "on notice"
tui_ok $? "line 2: 钱小红, on notice"
row "钱小红" "659001********"
tui_ok $? "ID numbers are masked"
tui_wait "objection: 该户子女已在外地就读"
tui_ok $? "the objection of the selected line is shown below the list"

tui_keys F7
tui_wait "Upheld"
tui_ok $? "F7: the decision pick list"
tui_keys Down Enter
tui_wait "Why (the note goes on record)?"
tui_ok $? "Upheld asks for the note"
tui_type "经核实属实"
tui_keys Enter
tui_wait "Objection upheld: the record went back to its author."
tui_ok $? "the objection is upheld"
[ "$(su "SELECT status || '|' || rejected_by || '|' || (reason LIKE '%该户子女已在外地就读%经核实属实%')
          FROM eduaid.household_year WHERE id = $H1")" = "rejected|demo_supervisor2|true" ]
tui_ok $? "the database: 孙大伟's record of 2034 is rejected by demo_supervisor2 with the objection as reason"
row "孙大伟" "upheld"
tui_ok $? "the line says upheld, the record rejected"
tui_keys F12
tui_wait "History:" && tui_keys End
tui_wait "put on notice"
tui_ok $? "F12: the record's history shows it put on notice ..."
tui_wait "returned"
tui_ok $? "... and returned"
tui_keys Escape
tui_wait "F3 records an objection"

tui_keys Down F3
tui_wait "What does the objection say?"
tui_ok $? "F3 on line 2 asks for the objection"
tui_type "补助金额与名册不符"
tui_keys Enter
tui_wait "Who raised it (empty: anonymous)?"
tui_ok $? "... and who raised it"
tui_keys Enter
tui_wait "Objection recorded against line 2."
tui_ok $? "the objection is recorded"
[ "$(su "SELECT o.received_by || '|' || coalesce(o.objector, 'anonymous') || '|' || o.decision
          FROM eduaid.notice_objection o JOIN eduaid.notice_item i ON i.id = o.item_id
         WHERE i.notice_id = $NOTICE AND i.line_no = 2")" = "demo_supervisor2|anonymous|pending" ]
tui_ok $? "the database: an anonymous objection on line 2, received by demo_supervisor2, pending"

tui_keys Escape
tui_wait "F3 opens a notice"
tui_keys Home F7
tui_wait "Close this notice?"
tui_ok $? "F7 in the list asks before closing"
tui_keys y
tui_wait "it can be closed from the day after."
tui_ok $? "closing before the end date is refused in words"
[ "$(su "SELECT closed_at IS NULL FROM eduaid.notice WHERE id = $NOTICE")" = t ] &&
	[ "$(su "SELECT status FROM eduaid.household_year WHERE id = $H2")" = in_notice ]
tui_ok $? "the database: the notice is still open, line 2 still on notice"

tui_done
