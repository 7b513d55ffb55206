#!/usr/bin/env bash
# tests/tui/79_idle_wakeups.t: no wake-ups while nothing happens (issue
# 16). The client sleeps in ppoll() on the terminal and its connection's
# socket with no timeout (src/ui/app.c): demo_officer's review queue and
# demo_clerk's menu, left alone, are not woken once in 2 s (the kernel's
# count of their context switches, /proc/PID/status, stays put; before,
# a 250 ms timer woke the client eight times), and the process is seen
# asleep in ppoll with no deadline but the idle timeout's, 900 s
# (/proc/PID/syscall and the timespec it points to, on x86_64). What must still
# wake it does, without a key: a resize (SIGWINCH), and a change in the
# officer's township (a notification: the queue's count line changes,
# tests/tui/79_live_queue.t has the rest). Esc (ncurses' ESCDELAY) and the
# arrows (escape sequences) still work. About 15 s.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
BOX='┐'
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

# client_pid: the client's process id (the pane's shell runs it as a child)
client_pid() {
	local shell
	shell=$(tmux_ display-message -p -t e2e '#{pane_pid}')
	ps -o pid= --ppid "$shell" | tr -d ' ' | head -n 1
}
# switches PID: voluntary + involuntary context switches so far
switches() {
	awk '/^(non)?voluntary_ctxt_switches:/ { n += $2 } END { print n + 0 }' "/proc/$1/status"
}
# settled PID: wait (at most 5 s) until two looks 0.3 s apart agree: the
# start-up and the last paint are over
settled() {
	local i a b
	a=$(switches "$1")
	for i in $(seq 1 16); do
		sleep 0.3
		b=$(switches "$1")
		[ "$a" = "$b" ] && return 0
		a=$b
	done
	return 1
}
# idle PID SECONDS: no context switch in SECONDS (the measured interval)
idle() {
	local a b
	a=$(switches "$1")
	sleep "$2"
	b=$(switches "$1")
	echo "# $((b - a)) context switches in $2 s"
	[ "$a" = "$b" ]
}
# ppoll_wait PID: asleep in ppoll (x86_64: 271), printing the seconds of
# its timeout ("none" for NULL), read from the process's memory
ppoll_wait() {
	local s
	s=$(cat "/proc/$1/syscall" 2>/dev/null) || return 1
	echo "# /proc/$1/syscall: $s" >&2
	set -- "$1" $s
	[ "$2" = 271 ] || return 1
	[ "$5" = 0x0 ] && { echo none; return 0; }
	python3 -c 'import struct, sys
with open("/proc/%s/mem" % sys.argv[1], "rb") as m:
    m.seek(int(sys.argv[2], 16))
    print(struct.unpack("qq", m.read(16))[0])' "$1" "$5"
}
# asleep_until_idle_timeout PID: in ppoll, and no timeout but the idle
# timeout's (900 s by default: more than 890 s left)
asleep_until_idle_timeout() {
	local t
	[ "$(uname -m)" = x86_64 ] && [ -r "/proc/$1/syscall" ] || return 0 # cannot tell here
	t=$(ppoll_wait "$1") || return 1
	echo "# ppoll's timeout: $t s"
	[ "$t" = none ] || [ "$t" -gt 890 ]
}

tui_start demo_officer 80 24 C.UTF-8
tui_wait "Submitted by" && tui_wait "Kind:"
PID=$(client_pid)
[ -n "$PID" ] && [ -r "/proc/$PID/status" ] && settled "$PID"
tui_ok $? "demo_officer's review queue is up and quiet (pid $PID)"
idle "$PID" 2
tui_ok $? "left alone for 2 s in the review queue: not woken once"
asleep_until_idle_timeout "$PID"
tui_ok $? "asleep in ppoll, with no deadline but the idle timeout (15 min)"

tmux_ resize-window -t e2e -x 60 -y 20
tui_wait "Window too small"
tui_ok $? "a resize is seen without a key (SIGWINCH wakes it)"
tmux_ resize-window -t e2e -x 80 -y 24
tui_wait "Submitted by" && settled "$PID"
tui_ok $? "back to 80x24: the queue again, quiet"

# a household of 100 submitted by its clerk: searched for in the officer's
# queue first (nothing), then there without a key
HNO=$(su "select household_no from eduaid.household where township_id = 420325100 and status = 'draft' and created_by = 'demo_clerk' order by id limit 1")
tui_search "$HNO" && tui_wait "Nothing is waiting for you" && settled "$PID"
tui_ok $? "the queue searched for $HNO, a draft: nothing"
su "set session authorization demo_clerk; select eduaid.submit('household', id) from eduaid.household where township_id = 420325100 and household_no = '$HNO'" >/dev/null
tui_ok $? "demo_clerk submits $HNO in psql"
tui_wait "$HNO"
tui_ok $? "the queue shows $HNO without a key (woken by the notification)"
settled "$PID" && idle "$PID" 1
tui_ok $? "and then sleeps again"

tui_keys Escape
tui_wait "Record kind" && tui_wait_gone "Submitted by"
tui_ok $? "Esc alone (ESCDELAY) leaves the queue for the menu"
tui_keys Down Down Up
sleep 0.3
tui_screen | grep -q "Record kind"
tui_ok $? "the arrows (escape sequences) move in the menu, read as keys"
settled "$PID" && idle "$PID" 2
tui_ok $? "the menu left alone for 2 s: not woken once"

tui_start demo_admin 80 24 C.UTF-8
tui_wait "Users"
PID=$(client_pid)
settled "$PID" && idle "$PID" 2
tui_ok $? "demo_admin's menu (no channels: only the terminal): not woken once in 2 s"

tui_done
