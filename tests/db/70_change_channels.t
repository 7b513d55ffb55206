#!/usr/bin/env bash
# tests/db/70_change_channels.t: what a change delivers on the change
# channels (issue 16; repeatable/37_change_channels.sql). One psql
# session, as the superuser switching to the demo logins: demo_clerk
# listens on his channels (townships 100 and 101) with
# listen_my_channels(), the superuser also on 103's. A submit in 100 is
# heard once on 100's channel, with an empty payload, and not on 101's
# or 103's; a statement that changes no row, and a change rolled back,
# are not heard; a submit in 103 (demo_clerk2) is heard on 103's only;
# the session's channels are exactly my_channels()'s. (Who may read
# which token: tests/db/70_change_channels.sql.) A second or so.
#
# Run by tests/db/run-db-tests.sh through prove (PGHOST, PGPORT,
# PGDATABASE, EDUAID_SUPERUSER exported).
set -u
n=0
failed=0
ok() { # STATUS DESCRIPTION
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
token() { su "select token from eduaid.change_channel where township_id = $1"; }
draft() { # TOWNSHIP CLERK [SKIP]: a draft household of that clerk there
	su "select id from eduaid.household where township_id = $1 and status = 'draft'
	      and created_by = '$2' order by id offset ${3:-0} limit 1"
}

A=$(token 420325100)
A2=$(token 420325101)
B=$(token 420325103)
HA=$(draft 420325100 demo_clerk)
HR=$(draft 420325100 demo_clerk 1)
HB=$(draft 420325103 demo_clerk2)
[ -n "$A" ] && [ -n "$A2" ] && [ -n "$B" ] && [ -n "$HA" ] && [ -n "$HR" ] && [ -n "$HB" ]
ok $? "the tokens of 100, 101 and 103 and drafts in 100 and in 103 are found"

out=$(psql -X -q -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" 2>&1 <<SQL
SET SESSION AUTHORIZATION demo_clerk;
SELECT 'listening on ' || eduaid.listen_my_channels();
SELECT 'mine ' || string_agg(c, ',' ORDER BY c) FROM pg_listening_channels() c;
RESET SESSION AUTHORIZATION;
LISTEN $B;
\echo STEP submit-100
SET SESSION AUTHORIZATION demo_clerk;
SELECT 'submitted ' || eduaid.submit('household', $HA);
\echo STEP nothing
UPDATE eduaid.household SET notes = notes WHERE false;
\echo STEP rollback
BEGIN;
SELECT 'rolled back ' || eduaid.submit('household', $HR);
ROLLBACK;
\echo STEP submit-103
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_clerk2;
SELECT 'submitted ' || eduaid.submit('household', $HB);
\echo STEP end
SQL
)
echo "$out" | sed 's/^/# /'
# heard STEP CHANNEL: the notifications on CHANNEL (""; any) printed in STEP
heard() {
	echo "$out" | awk -v s="STEP $1" -v c="$2" '
		/^STEP / { in_step = ($0 == s) }
		in_step && index($0, c == "" ? "notification " : "notification \"" c "\"") { print }'
}
mine=$(echo "$out" | sed -n 's/^mine //p')
want=$(printf '%s\n' "$A" "$A2" | sort | paste -sd,)
[ "$mine" = "$want" ]
ok $? "listen_my_channels listens on 100's and 101's channels, and only them"
[ "$(heard submit-100 "$A" | wc -l)" = 1 ]
ok $? "a submit in 100 is heard once on 100's channel"
heard submit-100 "$A" | grep -q 'received from server process with PID [0-9]*\.$'
ok $? "...with no payload"
[ -z "$(heard submit-100 "$A2")" ] && [ -z "$(heard submit-100 "$B")" ]
ok $? "...and not on 101's or 103's"
[ -z "$(heard nothing "")" ]
ok $? "a statement that changes no row is not heard"
echo "$out" | grep -q '^rolled back' && [ -z "$(heard rollback "")" ]
ok $? "a change rolled back is not heard"
[ "$(heard submit-103 "$B" | wc -l)" = 1 ] && [ -z "$(heard submit-103 "$A")" ]
ok $? "a submit in 103 is heard on 103's channel, not on 100's"

echo "1..$n"
[ "$failed" -eq 0 ]
