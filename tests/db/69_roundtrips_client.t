#!/usr/bin/env bash
# tests/db/69_roundtrips_client.t: round trips of the real client (issue
# 16; docs/design/roundtrips.md). The client runs headless
# (eduaid --headless) as demo_clerk, demo_officer and demo_supervisor with
# EDUAID_TRACE_ROUNDTRIPS pointing at the file its screen dumps go to, so
# each round trip (a line "rt ...") falls between the dumps of the steps
# of a key script; the number in each step is asserted, exactly where
# the step always sends the same statements, else as an upper bound, so
# that a statement added to a common action fails make check. The clerk
# saves and submits a draft household of the demo (a letter added to its
# address), the officer verifies one record and opens one twice, the
# supervisor approves four (three of them marked, in one statement).
# Cost: about 4 to 8 seconds.
#
# Run by tests/db/run-db-tests.sh through prove, which exports PGHOST,
# PGPORT, PGDATABASE, EDUAID_SUPERUSER and top_srcdir; `make check` also
# exports top_builddir, where the binary is built (else top_srcdir).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$top_srcdir/tests/db/lib.sh"
bin=${top_builddir:-$top_srcdir}/eduaid

if [[ ! -x $bin ]]; then
	tap_plan 1
	tap_fail "eduaid is built ($bin)" "build it first: make check, or make eduaid"
	exit 1
fi
tap_plan 23
tmp=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-rt.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT

# run USER KEYS: the client headless as USER; its dumps and its trace of
# round trips in $tmp/USER.out
run() {
	printf '%s' "$2" >"$tmp/$1.keys"
	rm -f -- "$tmp/$1.out"
	(cd "$tmp" && env HOME="$tmp" LC_ALL=C.UTF-8 TZ=Asia/Shanghai \
		EDUAID_FORMS_DIR="$top_srcdir/forms" \
		EDUAID_TRACE_ROUNDTRIPS="$tmp/$1.out" \
		"$bin" -c "$top_srcdir/conf/eduaid.conf" -U "$1" \
		--headless=80x24 --keys="$1.keys" >>"$tmp/$1.out" 2>"$tmp/$1.err" </dev/null)
}

# trips USER STEP: the round trips before the dump named STEP, after the
# dump before it
trips() {
	awk -v step="$2" '
		/^rt / { n++ }
		/^=== .* ===$/ { if ($2 == step) { print n + 0; exit } n = 0 }
	' "$tmp/$1.out"
}

# is USER STEP WANT DESC / atmost USER STEP MAX DESC
is() {
	tap_is "$(trips "$1" "$2")" "$3" "$1: $4 in $3 round trip(s)"
}
atmost() {
	local got
	got=$(trips "$1" "$2")
	if [[ -n $got ]] && ((got <= $3)); then
		tap_pass "$1: $4 in at most $3 round trips ($got)"
	else
		tap_fail "$1: $4 in at most $3 round trips" "got: '$got'"
		sed -n '/^\(rt\|async\|===\) /p' "$tmp/$1.out" | sed 's/^/#   /'
	fi
}

# ---- the clerk: menu, list, page, a draft opened, saved, submitted ----------
hno=$(db_psql_as demo_clerk -c "select household_no from eduaid.household
	where status = 'draft' order by id limit 1" 2>&1)
run demo_clerk "<dump start>
<Enter><dump list>
<PgDn><dump page>
<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><dump page_next>
/$hno<Enter><dump search>
<Enter><dump open>
<Tab><Tab>X<F2><dump save>
<F10><dump submit_ask>
<Enter><dump submit>
<Esc><dump list_again>
<Esc><dump menu>
"
tap_is "$?:$(cat "$tmp/demo_clerk.err")" "0:" "demo_clerk: the client ran the key script"
is demo_clerk start 3 "start-up to the menu after connecting"
is demo_clerk list 1 "the household list"
is demo_clerk page 0 "page-down within the rows read"
is demo_clerk page_next 1 "paging past the 100 rows read"
is demo_clerk search 2 "a search of the list (the columns it may read, the rows)"
atmost demo_clerk open 3 "a household opened (the column rights; one pipeline: snapshot, record, members; one: labels, approved values)"
is demo_clerk save 2 "a household saved (one pipeline: BEGIN, four-eyes foresight, UPDATE; COMMIT)"
is demo_clerk submit 1 "submitted"
is demo_clerk menu 1 "back to the main menu (its numbers in one statement)"
grep -q "submitted" <(sed -n '/^=== submit ===$/,/^=== /p' "$tmp/demo_clerk.out")
submitted_rc=$?
tap_is "$submitted_rc" 0 "demo_clerk: the household is submitted"

# ---- the officer: starts in the queue, verifies one, opens one ----------------
run demo_officer "<dump start>
<F7><dump pass_ask>
<Enter><dump pass>
<Enter><dump open>
<Esc><dump back>
<Enter><dump open_again>
<Esc><dump back_again>
<Esc><dump menu>
"
tap_is "$?:$(cat "$tmp/demo_officer.err")" "0:" "demo_officer: the client ran the key script"
is demo_officer start 3 "start-up to the review queue after connecting"
is demo_officer pass 2 "one record verified from the queue (the step, the queue again)"
atmost demo_officer open 3 "a record opened from the queue"
is demo_officer open_again 2 "the record opened again (the column rights kept: two pipelines)"
is demo_officer menu 1 "back to the main menu"

# ---- the supervisor: starts in the queue, approves one, then three marked -----
run demo_supervisor "<dump start>
<F7><dump pass_ask>
<Enter><dump pass>
<Space><Space><Space><dump marked>
<F7><dump bulk_ask>
<Enter><dump bulk>
<Enter><dump result>
<Esc><dump menu>
"
tap_is "$?:$(cat "$tmp/demo_supervisor.err")" "0:" "demo_supervisor: the client ran the key script"
is demo_supervisor start 3 "start-up to the review queue after connecting"
is demo_supervisor pass 2 "one record approved from the queue"
is demo_supervisor bulk 2 "three marked records approved (one statement, the queue again)"
grep -q "3 approved, 0 not" <(sed -n '/^=== bulk ===$/,/^=== /p' "$tmp/demo_supervisor.out")
tap_is "$?" 0 "demo_supervisor: all three approved, as the result says"
is demo_supervisor menu 1 "back to the main menu"
tap_done
