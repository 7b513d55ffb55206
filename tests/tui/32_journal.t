#!/usr/bin/env bash
# tests/tui/32_journal.t: nothing typed is lost. The terminal goes away
# (tmux kills the session: SIGHUP) while a clerk is typing a new household
# and a member; the values still in the fields are journaled (0600, under
# the person's own directory), the next start offers them back, and once
# the record is saved the journal is gone.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -U "$EDUAID_SUPERUSER" -c "$1"; }
BOX='┐'
pick() {
	tui_wait "$BOX" || return 1
	[ -n "$1" ] && tui_type "$1"
	sleep 0.3
	tui_wait "$1" && tui_keys Enter && tui_wait_gone "$BOX"
}
JDIR=$TUI_TMP/home/.local/state/eduaid/demo_clerk
HNO=$(printf "JRN%06d" $$)
HEAD=$(tui_idno 42032519790303991)

tui_start demo_clerk 80 24 C.UTF-8
tui_wait "Main menu" && tui_keys Enter && tui_wait "Township:" && tui_keys C-n
tui_wait "Household" && tui_keys Enter && pick "城关镇" && tui_keys Tab Enter && pick "" && tui_keys Tab
tui_type "$HNO"
tui_keys Tab
tui_type 2018
tui_keys Tab
tui_type 5
tui_keys Tab
tui_type "王𠮷"
tui_wait "王𠮷"
tui_ok $? "a new household is being typed (the head's name not yet left)"

tmux_ kill-session -t e2e
for i in $(seq 1 50); do
	ls "$JDIR"/household-new-*.journal >/dev/null 2>&1 && grep -q "王𠮷" "$JDIR"/household-new-*.journal && break
	sleep 0.1
done
grep -q "f head_name 王𠮷" "$JDIR"/household-new-*.journal
tui_ok $? "the hang-up journals every field, the one being typed too"
[ "$(stat -c %a "$JDIR"/household-new-*.journal)" = 600 ] && [ "$(stat -c %a "$JDIR")" = 700 ]
tui_ok $? "the journal is private (file 0600, directory 0700)"

tui_start demo_clerk 80 24 C.UTF-8
tui_wait "unsaved changes from an earlier session"
tui_ok $? "the next start offers to open the unsaved record"
tui_keys y
tui_wait "王𠮷" && tui_screen | grep -q "$HNO"
tui_ok $? "the form comes back with what was typed"

# Finish it: the head's ID number (the 7th field), a member half-typed,
# another hang-up.
tui_keys Tab Tab Tab Tab Tab Tab
tui_type "$HEAD"
tui_keys Tab
tui_keys C-a
tui_wait "Date of birth" && tui_type "䶮"
tmux_ kill-session -t e2e
for i in $(seq 1 50); do
	grep -q "c name 䶮" "$JDIR"/household-new-*.journal 2>/dev/null && break
	sleep 0.1
done
grep -q "c name 䶮" "$JDIR"/household-new-*.journal && grep -q "f head_id_number $HEAD" "$JDIR"/household-new-*.journal
tui_ok $? "a member row being typed at the hang-up is journaled with the record"

tui_start demo_clerk 80 24 C.UTF-8
tui_wait "unsaved changes from an earlier session" && tui_keys y
tui_wait "䶮"
tui_ok $? "the restored form shows the member row"
tui_keys C-s
tui_wait "Members 1: ID number: This field is required."
tui_ok $? "saving checks the half-typed member row and says what it lacks"
# The half-typed member goes (F8 on it: the 11th item), then the save.
tui_keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab C-d
tui_wait "$BOX" && tui_keys y && tui_wait_gone "$BOX"
tui_keys C-s
for i in $(seq 1 50); do
	[ "$(su "select head_name from eduaid.household where household_no = '$HNO'")" = "王𠮷" ] && break
	sleep 0.1
done
[ "$(su "select head_name || ':' || head_id_number from eduaid.household where household_no = '$HNO'")" = "王𠮷:$HEAD" ]
tui_ok $? "F2 saves the restored household"
for i in $(seq 1 50); do
	ls "$JDIR"/*.journal >/dev/null 2>&1 || break
	sleep 0.1
done
! ls "$JDIR"/*.journal >/dev/null 2>&1
tui_ok $? "a saved record leaves no journal behind"
[ "$(su "select count(*) from eduaid.household where household_no = '$HNO'")" = 1 ]
tui_ok $? "the record exists once"

tui_done
