#!/usr/bin/env bash
# tests/tui/48_ledgers.t: the ledgers through the terminal client, in tmux,
# against its own copy of the demo cluster (en_US.UTF-8,
# 80x24). demo_clerk opens Ledgers from the main menu, then the dropout
# ledgers: a child of a test household (dropped out) is on the suspected
# ledger, / finds it; v records a visit (date, who, outcome, notes), C confirms the
# dropout -- the counts move from suspected to confirmed -- l switches to
# the confirmed ledger, B closes the case as back in school with a date
# and a school, and the counts say so. In the home-delivery log a test
# plan owes 8 visits this month; v logs one and the due count drops to 7.
# The training ledger shows its totals. Test records carry a household
# number made from this process's id.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
as_user() { su "SET SESSION AUTHORIZATION $1; $2" >/dev/null; }

BOX='┐'
T=$(printf %06d $$)
HH="LG$T"
YEAR=$(su "select eduaid.school_year_of(current_date)")
BIRTH=$(su "select to_char(make_date($YEAR - 12, 9, 1), 'YYYYMMDD')")
SEQ=$(printf %02d $((10#$T % 100)))

# counts FIELD: demo_clerk's ledger_counts summed over his townships.
counts() {
	su "SET SESSION AUTHORIZATION demo_clerk; SELECT sum($1) FROM eduaid.ledger_counts($YEAR)" | tail -n 1
}
# row TEXT1 TEXT2: wait for a line of the screen showing both.
row() {
	local i
	for i in $(seq 1 100); do
		tui_screen | grep -F -- "$1" | grep -qF -- "$2" && return 0
		sleep 0.1
	done
	return 1
}

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

# A household of 城关镇 with a dropped-out child of 12 (so says its row of
# this school year); an approved
# home-delivery plan (8 visits a month) for a disabled child of it.
as_user demo_clerk "
    INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
                                  head_id_number, registered_year, family_size)
    VALUES (420325100, '$HH', (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325100),
            '测试户主', '65900319700101$SEQ' || '1' || eduaid.id_check_digit('65900319700101${SEQ}1'), 2016, 4);
    INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
    SELECT 420325100, h.id, 'Dropout Kid', '659003$BIRTH$SEQ' || '2' || eduaid.id_check_digit('659003$BIRTH${SEQ}2'),
           'F', DATE '$BIRTH'
      FROM eduaid.household h WHERE h.household_no = '$HH';
    -- (the ledgers read the child's row of the school year: issue 11)
    INSERT INTO eduaid.household_year (township_id, household_id, school_year)
    SELECT 420325100, h.id, $YEAR FROM eduaid.household h WHERE h.household_no = '$HH';
    INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage,
                                     schooling_status)
    SELECT 420325100, y.id, s.id, 'none', 'dropped_out'
      FROM eduaid.household h
      JOIN eduaid.household_year y ON y.household_id = h.id AND y.school_year = $YEAR
      JOIN eduaid.student s ON s.household_id = h.id AND s.name = 'Dropout Kid'
     WHERE h.household_no = '$HH';
    INSERT INTO eduaid.special_ed_plan (township_id, household_id, child_name, child_id_number,
        child_sex, child_birth_date, disability_type, disability_grade, placement, school_id,
        home_teacher_id, visits_per_month, placed_on)
    SELECT 420325100, h.id, 'Home Kid', '659003$BIRTH$SEQ' || '3' || eduaid.id_check_digit('659003$BIRTH${SEQ}3'),
           'M', DATE '$BIRTH', 'physical', 1, 'home_delivery',
           (SELECT min(s.id) FROM eduaid.school s WHERE s.township_id = 420325100 AND s.kind = 'primary'),
           (SELECT min(t.id) FROM eduaid.teacher t WHERE t.township_id = 420325100 AND t.active),
           8, DATE '$BIRTH' + interval '7 years'
      FROM eduaid.household h WHERE h.household_no = '$HH';
    SELECT eduaid.submit('special_ed', p.id) FROM eduaid.special_ed_plan p WHERE p.child_name = 'Home Kid'
       AND p.household_id = (SELECT id FROM eduaid.household WHERE household_no = '$HH');"
as_user demo_officer "SELECT eduaid.verify('special_ed', p.id) FROM eduaid.special_ed_plan p
    JOIN eduaid.household h ON h.id = p.household_id WHERE h.household_no = '$HH'"
as_user demo_supervisor "SELECT eduaid.approve('special_ed', p.id) FROM eduaid.special_ed_plan p
    JOIN eduaid.household h ON h.id = p.household_id WHERE h.household_no = '$HH'"
[ "$(su "select p.status from eduaid.special_ed_plan p join eduaid.household h on h.id = p.household_id where h.household_no = '$HH'")" = approved ]
tui_ok $? "a test household with a dropped-out child and an approved home-delivery plan"
KID="select s.id from eduaid.student s join eduaid.household h on h.id = s.household_id where h.household_no = '$HH'"
S0=$(counts suspected) C0=$(counts confirmed) R0=$(counts returned)
# What the pick lists offer first: a school of the clerk's townships, the plan's teacher.
SCHOOL1=$(su "SET SESSION AUTHORIZATION demo_clerk; SELECT s.name FROM eduaid.school s WHERE s.active
    AND s.kind IN ('primary', 'junior', 'nine_year', 'special', 'senior_high', 'vocational')
    ORDER BY (s.township_id = ANY (eduaid.my_townships())) DESC, s.name LIMIT 1" | tail -n 1)
TEACHER1=$(su "select t.name from eduaid.teacher t join eduaid.special_ed_plan p on p.home_teacher_id = t.id
    join eduaid.household h on h.id = p.household_id where h.household_no = '$HH'")

# ==== the dropout ledgers ====================================================
tui_start demo_clerk 80 24 en_US.UTF-8
tui_menu "Ledgers" && tui_wait "Dropout control" &&
	tui_wait "suspected $S0"
tui_ok $? "Ledgers on the main menu: the dropout line counts $S0 suspected"
tui_keys Enter
tui_wait "Suspected dropouts" && row "$HH" "Dropout Kid" && row "$HH" "dropped out"
tui_ok $? "the suspected ledger lists the dropped-out child"
tui_keys /
tui_wait "Household number or name" && tui_type "$HH" && tui_keys Enter &&
	tui_wait_gone "Household number or name"
tui_ok $? "/ finds the child's household in the ledger"

tui_keys v
tui_wait "Visit date" && tui_keys Enter && tui_wait "Who visited" && tui_type "Teacher Wang" &&
	tui_keys Enter && tui_wait "Outcome of the visit" && tui_wait "promised to return" &&
	tui_keys Enter && tui_wait "Notes" && tui_type "parents agree" && tui_keys Enter
tui_wait "Visit recorded."
tui_ok $? "v records a visit: date, who, outcome, notes"
[ "$(su "select v.visitor || '/' || v.outcome || '/' || v.notes from eduaid.dropout_visit v join eduaid.dropout_case d on d.id = v.case_id where d.student_id = ($KID)")" = "Teacher Wang/will_return/parents agree" ]
tui_ok $? "the visit is in the database as typed"

tui_keys Enter
tui_wait "Visits to: Dropout Kid" && row "Teacher Wang" "promised to return"
tui_ok $? "Enter shows the child's visits"
tui_keys v
tui_wait "Visit date" && tui_keys C-u && tui_type "2999-01-01" && tui_keys Enter &&
	tui_wait "Who visited" && tui_type "X" && tui_keys Enter && tui_wait "Outcome of the visit" &&
	tui_keys Enter && tui_wait "Notes" && tui_keys Enter
tui_wait "The visit date cannot be in the future"
tui_ok $? "a visit dated in the future is refused by the server, in words"
tui_keys Escape

tui_wait "Suspected dropouts" && tui_keys C
tui_wait "Confirmed on" && tui_keys Enter
tui_wait "Dropout confirmed." && tui_wait "suspected $((S0 - 1))" && tui_wait "confirmed $((C0 + 1))"
tui_ok $? "C confirms the dropout: suspected $((S0 - 1)), confirmed $((C0 + 1))"
tui_db_wait "select state from eduaid.dropout_case where student_id = ($KID)" confirmed
tui_ok $? "the case is confirmed in the database"

tui_keys l
tui_wait "Confirmed dropouts" && row "$HH" "confirmed"
tui_ok $? "l switches to the confirmed ledger, the child on it"
tui_keys /
tui_wait "Household number or name" && tui_type "$HH" && tui_keys Enter &&
	tui_wait_gone "Household number or name"
tui_keys B
tui_wait "Back in school on" && tui_keys Enter && tui_wait "The school the child is back in" &&
	tui_wait "$SCHOOL1" && tui_keys Enter
tui_wait "Case closed: back in school." && tui_wait "confirmed $C0" && tui_wait "back in school $((R0 + 1))"
tui_ok $? "B closes the case with a date and a school: back in school $((R0 + 1))"
[ "$(su "select state || ':' || (returned_on = current_date) || ':' || (returned_school_id is not null) from eduaid.dropout_case where student_id = ($KID)")" = "returned:true:true" ]
tui_ok $? "the case is returned today, with the school"
! tui_screen | grep -qF "$HH"
tui_ok $? "and the child has left the confirmed ledger"

# ==== home delivery ==========================================================
tui_keys Escape
tui_wait "Home delivery" && tui_keys Down Enter
tui_wait "Home-delivery visits" && row "Home Kid" " 8 " && tui_wait "Latest visits to Home Kid"
tui_ok $? "the home-delivery log lists the test plan first with 8 visits due"
DUE0=$(tui_screen | sed -n 's/.*visits still due this month: \([0-9]*\).*/\1/p' | head -n 1)
tui_keys v
tui_wait "Visit date" && tui_keys Enter && tui_wait "Teacher who visited" && tui_wait "$TEACHER1" && tui_keys Enter &&
	tui_wait "Hours" && tui_keys Enter && tui_wait "What was taught" && tui_type "reading" && tui_keys Enter
tui_wait "Home visit logged." && row "Home Kid" " 7 " && tui_wait "visits still due this month: $((DUE0 - 1))"
tui_ok $? "v logs a home visit: 7 due for the plan, $((DUE0 - 1)) in all"
row "$(su "SELECT current_date")" "reading"  # the server's day, not the shell's
tui_ok $? "the visit shows in the plan's log"

tui_keys Escape
tui_wait "Training ledger" && tui_keys Down Down Enter && tui_wait "Person-times"
tui_ok $? "the training ledger shows its totals"

# ==== a batch's attendance ===================================================
# Batch 2099-1 (the newest, so the first row) of a course: trainees 甲 and
# 乙 in 城关镇 and 军店镇 (demo_clerk's), 丙 in 土城镇 (not hers). The list is
# in name order: 乙 (U+4E59) comes first.
att() { su "SELECT count(*) || ':' || coalesce(sum(hours), 0) FROM eduaid.training_attendance a
            JOIN eduaid.training_enrollment e ON e.township_id = a.township_id AND e.id = a.enrollment_id
           WHERE e.batch = '2099-1' AND e.trainee_name = '$1'"; }
enroll() { # TOWNSHIP NAME SEQ
	local hh idno
	hh=$(su "SELECT min(id) FROM eduaid.household WHERE township_id = $1")
	idno=$(tui_idno "11010119900101$3")
	su "INSERT INTO eduaid.training_enrollment (township_id, household_id, trainee_name,
	      trainee_id_number, trainee_sex, trainee_birth_date, trainee_type, course_id,
	      provider_school_id, batch, start_date)
	    SELECT $1, $hh, '$2', '$idno', eduaid.id_sex('$idno'), eduaid.id_birth_date('$idno'),
	           'poor_labor', (SELECT min(id) FROM eduaid.training_course),
	           (SELECT min(id) FROM eduaid.school WHERE kind = 'vocational'), '2099-1',
	           current_date - 30" >/dev/null
}
enroll 420325100 学员甲 $(printf %03d $(( $$ % 500 * 2 + 1 )))
enroll 420325101 学员乙 $(printf %03d $(( $$ % 500 * 2 + 3 )))
enroll 420325103 学员丙 $(printf %03d $(( $$ % 500 * 2 + 5 )))
tui_keys C-r && tui_wait "2099-1" && tui_keys Home Enter && tui_wait "学员乙"
tui_ok $? "Enter opens the batch: its trainees"
tui_screen | grep -qF "学员丙"
[ $? -ne 0 ]
tui_ok $? "... only those of the clerk's townships"
row "学员甲" "draft"
tui_ok $? "... each with the enrollment's status"
tui_keys Home a && tui_wait "Session date" && tui_keys Enter && tui_wait "Hours attended" &&
	tui_keys BSpace && tui_type "3.5" && tui_keys Enter && tui_wait "Attendance recorded."
tui_ok $? "a records the selected trainee's attendance"
[ "$(att 学员乙)" = "1:3.5" ]
tui_ok $? "... one row of 3.5 hours in the database ($(att 学员乙))"
row "学员乙" "3.5"
tui_ok $? "... and the hours show on the trainee's line"
tui_keys A && tui_wait "Session date" && tui_keys Enter && tui_wait "Hours attended" && tui_keys Enter &&
	tui_wait "Attendance recorded for 1 trainees."
tui_ok $? "A records the whole class, but for the one already recorded that day"
[ "$(att 学员甲):$(att 学员乙):$(att 学员丙)" = "1:4:1:3.5:0:0" ]
tui_ok $? "... 甲 gets 4 hours, 乙 keeps hers, 丙 of another township none ($(att 学员甲):$(att 学员乙):$(att 学员丙))"
tui_keys Home a && tui_wait "Session date" && tui_keys Enter && tui_wait "Hours attended" && tui_keys Enter &&
	tui_wait "Attendance is already recorded for that day."
tui_ok $? "a second entry for the same day is refused by the server, in words"
tui_keys Home a && tui_wait "Session date" && tui_keys C-u && tui_type "2099-01-01" && tui_keys Enter &&
	tui_wait "Hours attended" && tui_keys Enter &&
	tui_wait "The session date must lie within the course and not in the future."
tui_ok $? "a day in the future is refused by the server, in words"
tui_keys Escape && tui_wait "Person-times"
tui_keys Escape && tui_wait "Dropout control" && tui_keys Escape && tui_wait "Main menu" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the clerk leaves cleanly, nothing on stderr"

tui_done
