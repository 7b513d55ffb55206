#!/usr/bin/env bash
# tests/tui/79_live_queue.t: the review queue and the menu's counts follow
# the server without a key (issue 16: LISTEN/NOTIFY on the change channels
# of the user's townships, src/db/notify.c). demo_supervisor sits in his
# review queue, searched for household A of 城关镇 (submitted, not yet
# his): demo_officer verifies A in psql and the queue shows it. On the
# main menu, "Review queue (N)" becomes N+1 when the officer verifies B.
# The server restarts (as for an update): the client reconnects by
# itself while idle and listens again, so C verified after the restart
# shows in the count too, still without a key. English at 80x24. About
# 30 s (10 s of it the client's pause before it reconnects).
set -u
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/db/lib.sh"
tui_setup
BOX='┐'
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
PG=$(dirname "$(su 'SHOW data_directory')")
restart() { cluster_stop "$PG" fast && cluster_start "$PG"; }

# submitted households of 城关镇 by demo_clerk: A, B and C
mapfile -t H < <(su "select household_no from eduaid.household where township_id = 420325100
                       and status = 'submitted' and submitted_by = 'demo_clerk' order by id limit 3")
[ "${#H[@]}" = 3 ]
tui_ok $? "three submitted households: ${H[*]}"
# verify NO: demo_officer verifies household NO in psql (another session)
verify() {
	su "set session authorization demo_officer;
	    select eduaid.verify('household', id) from eduaid.household
	     where township_id = 420325100 and household_no = '$1'" >/dev/null
}
# queue_count: N of the menu's "Review queue (N)"
queue_count() { tui_screen | grep -oE 'Review queue \([0-9]+\)' | grep -oE '[0-9]+' | head -1; }
# wait_count N: the menu says N, within 10 s, no key pressed
wait_count() {
	local i
	for i in $(seq 1 100); do
		[ "$(queue_count)" = "$1" ] && return 0
		sleep 0.1
	done
	echo "# the menu says $(queue_count), wanted $1"
	return 1
}

# hh_row NO: the queue shows household NO's verification (not only its
# aid of the school year, whose summary starts with the number too)
hh_row() { tui_screen | grep -F "$1" | grep -qF "Household verification"; }
wait_row() {
	local i
	for i in $(seq 1 100); do
		hh_row "$1" && return 0
		sleep 0.1
	done
	return 1
}

tui_start demo_supervisor 80 24 C.UTF-8
tui_wait "Submitted by" && tui_search "${H[0]}" && tui_wait "Search: ${H[0]}" && ! hh_row "${H[0]}"
tui_ok $? "demo_supervisor's queue searched for ${H[0]}: not its verification (only submitted)"
verify "${H[0]}"
tui_ok $? "demo_officer verifies ${H[0]} in psql"
wait_row "${H[0]}"
tui_ok $? "the queue shows ${H[0]}'s verification without a key"

tui_keys Escape
tui_wait "Record kind" && N=$(queue_count) && [ -n "$N" ]
tui_ok $? "the main menu: Review queue ($N)"
verify "${H[1]}"
wait_count $((N + 1))
tui_ok $? "demo_officer verifies ${H[1]}: the menu says $((N + 1)) without a key"

restart
tui_ok $? "the server restarts"
# the client finds the connection gone (the socket said so) and tries
# again after a pause (10 s, src/db/notify.c): wait until its session is
# back
for i in $(seq 1 200); do
	[ "$(su "select count(*) from pg_stat_activity where usename = 'demo_supervisor'")" = 1 ] && break
	sleep 0.1
done
[ "$(su "select count(*) from pg_stat_activity where usename = 'demo_supervisor'")" = 1 ]
tui_ok $? "the client has reconnected by itself, no key pressed"
verify "${H[2]}"
wait_count $((N + 2))
tui_ok $? "demo_officer verifies ${H[2]} after the restart: the menu says $((N + 2)) (listening again)"

tui_done
