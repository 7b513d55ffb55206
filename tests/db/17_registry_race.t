#!/usr/bin/env bash
# tests/db/17_registry_race.t: two clerks register the same person at the
# same moment (sql/017_registry.sql), as real logins in two sessions.
# 张晓梅 (demo_clerk, 城关镇) inserts a member and holds her transaction
# open; 李建国 (demo_clerk2, 土城镇) inserts the same ID number into his
# household: his INSERT waits on her uncommitted registry row (the
# registry's primary key), and when she commits he is refused with EA008
# naming 城关镇; when she rolls back instead, his insert goes through. Emits
# TAP; run by tests/db/run-db-tests.sh through prove. Costs about 5 s (two
# held transactions of about 2 s).
#
# Every connection commits, so the file cleans up after itself: an EXIT
# trap deletes the two fixture households (and so their members) as the
# superuser. Their audit rows stay (the log is append-only).
set -u

su=${EDUAID_SUPERUSER:-postgres}
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "${top_srcdir:-$(dirname "$0")/../..}/tests/db/lib.sh" || exit 1

tag=$(($$ % 100000))
hh_a="TEST-T17A-$tag"
hh_b="TEST-T17B-$tag"
seq3=$(printf '%03d' $(($$ % 1000)))
work=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-t17.XXXXXX") || exit 1
as() {
	db_psql_as "$1" -c "$2"
}
# the SQLSTATE of the first error in psql output FILE, or "ok"
state_of() {
	local code
	code=$(sed -n 's/^.*ERROR:  \([0-9A-Z]\{5\}\): .*$/\1/p' "$1" | head -n 1)
	echo "${code:-ok}"
}

cleanup() {
	psql -X -q -A -t -U "$su" >/dev/null 2>&1 <<-SQL
		DELETE FROM eduaid.household WHERE household_no IN ('$hh_a', '$hh_b');
	SQL
	rm -rf -- "$work"
}
trap cleanup EXIT

if ! as "$su" 'select 1' >/dev/null 2>&1; then
	tap_fail "connect as the superuser $su (PGHOST=${PGHOST:-unset}, PGDATABASE=${PGDATABASE:-unset})"
	tap_done
	exit 1
fi

# household TOWNSHIP NO HEAD17 as LOGIN: a draft household; prints its id
household() {
	as "$4" "INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
            head_id_number, registered_year, family_size)
        SELECT $1, '$2', min(v.id), '并发测试户', '$3' || eduaid.id_check_digit('$3'), 2016, 4
          FROM eduaid.village v WHERE v.township_id = $1
        RETURNING id" 2>&1
}
ha=$(household 420325100 "$hh_a" "65900119610101${seq3}" demo_clerk)
hb=$(household 420325103 "$hh_b" "65900119610102${seq3}" demo_clerk2)
if [[ $ha =~ ^[0-9]+$ && $hb =~ ^[0-9]+$ ]]; then
	tap_pass "a draft household in 城关镇 (demo_clerk) and one in 土城镇 (demo_clerk2)"
else
	tap_fail "a draft household in 城关镇 (demo_clerk) and one in 土城镇 (demo_clerk2)" "$ha" "$hb"
	tap_done
	exit 1
fi

member_sql() { # member_sql HOUSEHOLD TOWNSHIP IDNUMBER17
	printf "INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
        SELECT %s, %s, '并发学生', x.idn, eduaid.id_sex(x.idn), eduaid.id_birth_date(x.idn)
          FROM (SELECT '%s' || eduaid.id_check_digit('%s') AS idn) x;" "$1" "$2" "$3" "$3"
}
# wait_for SQL: poll (as the superuser) until SQL returns t; 20 s at most
wait_for() {
	local i
	for ((i = 0; i < 200; i++)); do
		[[ $(as "$su" "$1" 2>/dev/null) == t ]] && return 0
		sleep 0.1
	done
	return 1
}

# race IDNUMBER17 END: demo_clerk inserts a member in an open transaction
# (her psql reads from a FIFO), demo_clerk2 inserts the same person; once
# the superuser sees his INSERT waiting on a lock, she ENDs (COMMIT or
# ROLLBACK). Sets waited=t when he was seen waiting.
race() {
	local idn17=$1 end=$2 apid bpid
	rm -f "$work/a.fifo"
	mkfifo "$work/a.fifo"
	psql -X -q -A -t -v VERBOSITY=verbose -U demo_clerk -f "$work/a.fifo" >"$work/a.out" 2>&1 &
	apid=$!
	exec 7>"$work/a.fifo"
	{
		printf 'BEGIN;\n'
		member_sql 420325100 "$ha" "$idn17"
		printf "\nSELECT 'a-inserted';\n"
	} >&7
	wait_for "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE usename = 'demo_clerk'
	                           AND state = 'idle in transaction')" || true
	member_sql 420325103 "$hb" "$idn17" >"$work/b.sql"
	psql -X -q -A -t -v VERBOSITY=verbose -U demo_clerk2 -f "$work/b.sql" >"$work/b.out" 2>&1 &
	bpid=$!
	waited=f
	if wait_for "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE usename = 'demo_clerk2'
	                              AND wait_event_type = 'Lock')"; then
		waited=t
	fi
	printf '%s;\n' "$end" >&7
	exec 7>&-
	wait "$apid"
	wait "$bpid"
}

# ---- she commits: he is refused --------------------------------------------
idn1="65900120150301${seq3}"
race "$idn1" COMMIT
tap_is "$(state_of "$work/a.out")" ok "demo_clerk inserts the member and commits"
tap_is "$waited" t "demo_clerk2's insert of the same person waits on her uncommitted registration"
tap_is "$(state_of "$work/b.out")" EA008 \
	"when she commits, his insert is refused (EA008)"
if grep -q 'already registered in 城关镇' "$work/b.out"; then
	tap_pass "the refusal names 城关镇"
else
	tap_fail "the refusal names 城关镇" "$(cat "$work/b.out")"
fi
tap_is "$(as "$su" "SELECT string_agg(household_id::text, ',') FROM eduaid.student
                 WHERE id_number = '$idn1' || eduaid.id_check_digit('$idn1')")" "$ha" \
	"the person is a member of the 城关镇 household only"

# ---- she rolls back: he registers the person -------------------------------
idn2="65900120150302${seq3}"
race "$idn2" ROLLBACK
tap_is "$waited" t "again his insert waits on hers"
tap_is "$(state_of "$work/b.out")" ok \
	"when demo_clerk rolls back, demo_clerk2's waiting insert of the person goes through"
tap_is "$(as "$su" "SELECT string_agg(household_id::text, ',') FROM eduaid.student
                 WHERE id_number = '$idn2' || eduaid.id_check_digit('$idn2')")" "$hb" \
	"the person is a member of the 土城镇 household only"
tap_is "$(as "$su" "SELECT count(*) FROM eduaid.registry
                 WHERE kind = 'person' AND key IN ('$idn1' || eduaid.id_check_digit('$idn1'),
                                                   '$idn2' || eduaid.id_check_digit('$idn2'))")" 2 \
	"the registry holds each person once"

tap_done
