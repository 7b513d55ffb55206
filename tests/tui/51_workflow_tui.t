#!/usr/bin/env bash
# tests/tui/51_workflow_tui.t: a workflow state added on the server is one
# INSERT and no change to the client. The superuser adds a county second
# check (已复核 / "checked", between verified and approved: its word, its
# look, a supervisor's verify into it and approve out of it), exactly as a
# migration would; demo_supervisor checks two households; the client, as
# built, then offers demo_supervisor2 the households in the review queue,
# opens them with the new word, in Chinese and in English, and F7 takes
# the approve step out of it; the menu counts records in it. The state
# and its steps are removed again on exit (the households end approved).
# About 15 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

BOX='┐'
T=$(printf %06d $$)
HA="WFA$T" HB="WFB$T"
BIRTH=$(su "select to_char(date '1932-01-01' + ($T % 20000), 'YYYYMMDD')")
status_of() { su "select string_agg(status, ',' ORDER BY household_no) from eduaid.household where household_no IN ('$HA', '$HB')"; }

cleanup_state() {
	su "UPDATE eduaid.household SET status = 'approved' WHERE status = 'checked';
	    DELETE FROM eduaid.workflow_step WHERE 'checked' IN (from_status, to_status);
	    DELETE FROM eduaid.record_status WHERE code = 'checked'" >/dev/null
}
trap 'cleanup_state; tmux_ kill-server 2>/dev/null; rm -rf "$TUI_TMP"' EXIT

# row TEXT1 TEXT2: wait for a line of the screen showing both.
row() {
	local i
	for i in $(seq 1 100); do
		tui_screen | grep -F -- "$1" | grep -qF -- "$2" && return 0
		sleep 0.1
	done
	tui_screen | sed 's/^/# /'
	return 1
}

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

su "SET SESSION AUTHORIZATION demo_clerk;
    INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
                                  head_id_number, registered_year, family_size)
    SELECT 420325100, x.no, (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325100),
           '王五', x.p || eduaid.id_check_digit(x.p), 2016, 4
      FROM (VALUES ('$HA', '659003${BIRTH}101'), ('$HB', '659003${BIRTH}103')) AS x(no, p);
    SELECT eduaid.submit('household', id) FROM eduaid.household WHERE household_no IN ('$HA', '$HB');
    SET SESSION AUTHORIZATION demo_officer;
    SELECT eduaid.verify('household', id) FROM eduaid.household WHERE household_no IN ('$HA', '$HB')" >/dev/null
[ "$(status_of)" = verified,verified ]
tui_ok $? "two test households $HA and $HB, submitted by demo_clerk and verified by demo_officer"

# ==== the new state: rows, as a migration would add them ===================
su "BEGIN;
    INSERT INTO eduaid.record_status (code, word_zh, word_en, colour, sort_order, stamp)
    VALUES ('checked', '已复核', 'checked', 'verified', 35, 'verified');
    INSERT INTO eduaid.workflow_step (action, role, from_status, to_status, four_eyes)
    VALUES ('verify', 'supervisor', 'verified', 'checked', 'verified'),
           ('approve', 'supervisor', 'checked', 'approved', 'verified');
    COMMIT" >/dev/null
tui_ok $? "the superuser adds the state 已复核 and two steps into and out of it"
su "SET SESSION AUTHORIZATION demo_supervisor;
    SELECT eduaid.verify('household', id) FROM eduaid.household WHERE household_no IN ('$HA', '$HB')" >/dev/null
[ "$(status_of)" = checked,checked ]
tui_ok $? "demo_supervisor checks both (verify): the database says checked"

# ==== the client, unchanged, speaks of it ==================================
tui_start demo_supervisor2 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "提交人" && tui_search "$HA" && row "$HA" "王五"
tui_ok $? "demo_supervisor2's queue holds $HA"
tui_keys Enter
tui_wait "状态：已复核"
tui_ok $? "Enter opens it: its status reads 已复核"
tui_keys F7
tui_wait "确认审批通过" && tui_keys y
tui_db_wait "select status || ':' || approved_by from eduaid.household where household_no = '$HA'" \
	"approved:demo_supervisor2"
tui_ok $? "F7 takes the approve step out of it: approved by demo_supervisor2"
# (a record opened from the queue closes once passed)
tui_wait "提交人" && tui_keys q && tui_wait "主菜单" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the supervisor leaves cleanly, nothing on stderr"

# English: the word of the table, not of the message catalogue.
tui_start demo_supervisor2 80 24 zh_CN.UTF-8
tui_wait "审核队列" && tui_wait "提交人" && tui_keys q && tui_wait "主菜单" &&
	row "建档立卡户核查" "已复核 1"
tui_ok $? "the main menu counts one household 已复核"
tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "... and quits"

tui_start demo_supervisor2 80 24 en_US.UTF-8
tui_wait "Review queue" && tui_wait "Submitted by" && tui_search "$HB" && row "$HB" "王五" &&
	tui_keys Enter && tui_wait "Status: checked"
tui_ok $? "in English $HB opens from the queue as checked"
tui_keys Escape && tui_wait "Submitted by" && tui_keys q && tui_wait "Main menu" && tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "and leaves cleanly"
tui_done
