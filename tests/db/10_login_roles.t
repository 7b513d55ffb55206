#!/usr/bin/env bash
# tests/db/10_login_roles.t: the demo roles as real logins (psql -U ROLE over
# the test cluster's socket), not SET SESSION AUTHORIZATION: township
# isolation, no way to approve or to become another role, masked reads for
# supervisors, no record reads for the admin, and a disabled user who
# cannot log in at all. Emits TAP; run by tests/db/run-db-tests.sh through
# prove, which exports PGHOST, PGPORT, PGDATABASE and EDUAID_SUPERUSER.
#
# Every connection commits, so the file cleans up after itself: the fixture
# household (a draft) is deleted by its clerk at the end, and an EXIT trap
# removes whatever is left -- the household and the temporary user -- as
# the superuser. The audit rows of the fixture stay (the log is append-only).
set -u

su=${EDUAID_SUPERUSER:-postgres}
PSQL=psql
for d in "${EDUAID_PGBIN:-}" /usr/lib/postgresql/15/bin; do
	if [[ -n $d && -x $d/psql ]]; then
		PSQL=$d/psql
		break
	fi
done

tag=$(( $$ % 100000 ))
hh_no="TEST-T10-$tag"
temp_user="t10_user_$tag"
first17=$(printf '65900119600101%03d' $(( $$ % 1000 )))

n=0
failed=0
ok() { # ok DESC / not_ok DESC [DIAG...]
	n=$((n + 1))
	printf 'ok %d - %s\n' "$n" "$1"
}
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	printf 'not ok %d - %s\n' "$n" "$1"
	shift
	if (($#)); then
		printf '%s\n' "$@" | sed 's/^/#   /'
	fi
}
is() { # is GOT WANT DESC
	if [[ $1 == "$2" ]]; then
		ok "$3"
	else
		not_ok "$3" "     got: '$1'" "expected: '$2'"
	fi
}

# as ROLE SQL: run SQL as a real login; print the result (unaligned, tuples
# only); the exit status is psql's.
as() {
	"$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 -U "$1" -c "$2"
}
# sqlstate ROLE SQL: run SQL as ROLE; print "ok" if it succeeds, else the
# SQLSTATE of its error (or the first line psql printed, when there is none).
sqlstate() {
	local out
	if out=$("$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
		-U "$1" -c "$2" 2>&1); then
		echo ok
	else
		local code
		code=$(sed -n 's/^.*ERROR:  \([0-9A-Z]\{5\}\): .*$/\1/p' <<<"$out" | head -n 1)
		echo "${code:-$(head -n 1 <<<"$out")}"
	fi
}

cleanup() {
	"$PSQL" -X -q -A -t -U "$su" >/dev/null 2>&1 <<-SQL
		DELETE FROM eduaid.household WHERE household_no = '$hh_no';
		DELETE FROM eduaid.app_user WHERE login = '$temp_user';
		DROP ROLE IF EXISTS $temp_user;
	SQL
}
trap cleanup EXIT

# ---- the fixture: a draft household of 城关镇, made by demo_clerk ---------
if ! as "$su" 'select 1' >/dev/null 2>&1; then
	not_ok "connect as the superuser $su (PGHOST=${PGHOST:-unset}, PGDATABASE=${PGDATABASE:-unset})"
	printf '1..%d\n' "$n"
	exit 1
fi
hh=$(as demo_clerk "INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
        head_id_number, registered_year, family_size)
    VALUES (420325100, '$hh_no', 420325100001, '登录测试户', '$first17' || eduaid.id_check_digit('$first17'),
            2016, 4)
    RETURNING id" 2>&1)
if [[ $hh =~ ^[0-9]+$ ]]; then
	ok "psql -U demo_clerk creates a draft household in 城关镇"
else
	not_ok "psql -U demo_clerk creates a draft household in 城关镇" "$hh"
	hh=0
fi
head_id=$(as "$su" "SELECT head_id_number FROM eduaid.household WHERE id = $hh")

is "$(as demo_clerk "SELECT session_user || '/' || current_user || '/' || eduaid.my_role()")" \
	"demo_clerk/demo_clerk/clerk" "demo_clerk is logged in as himself, a clerk"
is "$(as demo_clerk "SELECT count(*) FROM eduaid.household WHERE id = $hh")" 1 \
	"demo_clerk sees his household"

# ---- demo_clerk2 (土城镇) ----------------------------------------------------
is "$(as demo_clerk2 "SELECT count(*) FROM eduaid.household WHERE township_id = 420325100")" 0 \
	"psql -U demo_clerk2 sees no household of 城关镇"
is "$(as demo_clerk2 "SELECT count(*) FROM eduaid.household WHERE id = $hh")" 0 \
	"demo_clerk2 cannot see the fixture by its id"
is "$(as demo_clerk2 "SELECT count(*) FROM eduaid.audit_log WHERE township_id = 420325100")" 0 \
	"demo_clerk2 reads no audit row of 城关镇"
is "$(as demo_clerk2 "SELECT count(*) FROM eduaid.household WHERE township_id <> 420325103")" 0 \
	"demo_clerk2 sees no household outside 土城镇 at all"
is "$(sqlstate demo_clerk2 "SELECT eduaid.approve('household', $hh)")" EA005 \
	"demo_clerk2 cannot approve the 城关镇 household (EA005, not found)"
is "$(sqlstate demo_clerk2 "UPDATE eduaid.household SET head_name = '篡改' WHERE id = $hh RETURNING id")" ok \
	"demo_clerk2's UPDATE of it runs ..."
is "$(as "$su" "SELECT head_name FROM eduaid.household WHERE id = $hh")" "登录测试户" \
	"... and changes nothing"
is "$(sqlstate demo_clerk2 "SET ROLE eduaid_supervisor")" 42501 \
	"demo_clerk2 cannot SET ROLE eduaid_supervisor"
is "$(sqlstate demo_clerk2 "CREATE TEMP TABLE household (id int)")" 42501 \
	"demo_clerk2 cannot create a temporary table to shadow a name"

# ---- demo_clerk cannot approve or become someone else ----------------------
is "$(sqlstate demo_clerk "SELECT eduaid.approve('household', $hh)")" EA004 \
	"demo_clerk cannot approve his own household (EA004)"
is "$(sqlstate demo_clerk "SELECT eduaid.verify('household', $hh)")" EA004 \
	"demo_clerk cannot verify it (EA004)"
is "$(sqlstate demo_clerk "UPDATE eduaid.household SET status = 'approved' WHERE id = $hh")" 42501 \
	"demo_clerk cannot UPDATE its status"
is "$(sqlstate demo_clerk "SELECT eduaid.transition('approve', 'household', $hh, NULL, NULL)")" 42501 \
	"demo_clerk cannot call eduaid.transition"
is "$(sqlstate demo_clerk "SET ROLE eduaid_owner")" 42501 \
	"demo_clerk cannot SET ROLE eduaid_owner"
is "$(sqlstate demo_clerk "SET ROLE eduaid_officer")" 42501 \
	"demo_clerk cannot SET ROLE eduaid_officer"
is "$(sqlstate demo_clerk "SET SESSION AUTHORIZATION demo_supervisor")" 42501 \
	"demo_clerk cannot SET SESSION AUTHORIZATION demo_supervisor"
is "$(as "$su" "SELECT status FROM eduaid.household WHERE id = $hh")" draft \
	"the household is still a draft"

# ---- supervisor, admin, auditor --------------------------------------------
masked=$(as demo_supervisor "SELECT head_id_number_masked FROM eduaid.household WHERE id = $hh" 2>&1)
is "$masked" "${head_id:0:6}********${head_id:14:4}" \
	"psql -U demo_supervisor sees the household with the ID number masked"
is "$(sqlstate demo_supervisor "SELECT head_id_number FROM eduaid.household WHERE id = $hh")" 42501 \
	"demo_supervisor cannot read the full ID number"
is "$(sqlstate demo_supervisor "SELECT new_row FROM eduaid.audit_log WHERE record_id = $hh")" 42501 \
	"demo_supervisor cannot read unmasked audit rows"
is "$(sqlstate demo_admin "SELECT count(*) FROM eduaid.household")" 42501 \
	"psql -U demo_admin gets permission denied reading eduaid.household"
is "$(sqlstate demo_admin "SELECT eduaid.approve('household', $hh)")" 42501 \
	"demo_admin cannot call eduaid.approve"
is "$(as demo_auditor "SELECT head_id_number FROM eduaid.household WHERE id = $hh" 2>&1)" "$head_id" \
	"psql -U demo_auditor reads the full ID number"
is "$(sqlstate demo_auditor "DELETE FROM eduaid.household WHERE id = $hh")" 42501 \
	"demo_auditor cannot delete it"

# ---- a user made by the admin, then disabled -------------------------------
is "$(sqlstate demo_admin "SELECT eduaid.create_user('$temp_user', '临时录入员', 'clerk', 420325, '{420325103}')")" 42501 \
	"demo_admin cannot create a clerk directly (018_accounts.sql: four-eyes)"
rq=$(as demo_admin "SELECT eduaid.request_create('$temp_user', '临时录入员', 'clerk', '{420325103}')" 2>&1)
[[ $rq =~ ^[0-9]+$ ]] && ok "demo_admin requests a clerk of 土城镇 ($temp_user)" ||
	not_ok "demo_admin requests a clerk of 土城镇 ($temp_user)" "$rq"
is "$(sqlstate demo_supervisor "SELECT eduaid.approve_request(${rq:-0})")" ok \
	"psql -U demo_supervisor approves the request"
is "$(as "$temp_user" "SELECT current_user || ' ' || eduaid.my_townships()::text" 2>&1)" \
	"$temp_user {420325103}" "the new user logs in and works in 土城镇"
is "$(as "$temp_user" "SELECT count(*) FROM eduaid.household WHERE township_id <> 420325103 OR id = $hh" 2>&1)" 0 \
	"the new user reads nothing of other townships"
is "$(sqlstate "$temp_user" "SET ROLE eduaid_admin")" 42501 \
	"the new user cannot SET ROLE eduaid_admin"
is "$(sqlstate demo_admin "SELECT eduaid.disable_user('$temp_user')")" ok \
	"demo_admin disables the new user"
if out=$(as "$temp_user" "SELECT 1" 2>&1); then
	not_ok "the disabled user cannot log in at all" "connected and got: $out"
elif [[ $out == *"is not permitted to log in"* ]]; then
	ok "the disabled user cannot log in at all"
else
	not_ok "the disabled user cannot log in at all (refused for the right reason)" "$out"
fi

# ---- clean up through the front door ---------------------------------------
is "$(as demo_clerk "SELECT eduaid.delete_draft('household', $hh, (SELECT version FROM eduaid.household WHERE id = $hh))" 2>&1)" "" \
	"demo_clerk deletes his draft household (eduaid.delete_draft)"
is "$(as "$su" "SELECT count(*) FROM eduaid.household WHERE household_no = '$hh_no'")" 0 \
	"the fixture is gone"
is "$(as "$su" "SELECT count(*) FROM eduaid.audit_log WHERE kind = 'household' AND record_id = $hh AND actor = 'demo_clerk'")" 2 \
	"its insert and delete by demo_clerk are in the audit log"

printf '1..%d\n' "$n"
((failed == 0))
