#!/usr/bin/env bash
# tests/tui/34_accounts_cli.t: `eduaid user` end to end, as real logins on
# its own copy of the demo cluster (PGHOST, PGDATABASE, EDUAID_SUPERUSER set
# by tests/tui/run.sh), with password authentication for the new account (a
# pg_hba.conf line, as in 31_login.t) and every statement logged
# (log_statement = all, parameters included). demo_admin requests an
# account with a password read from standard input; neither he nor a clerk
# can approve it; demo_supervisor approves; the new user logs in with that
# password. A new password is requested, not in force until approved, then
# is. The server log shows SCRAM-SHA-256 verifiers and never the
# passwords; a plaintext sent by psql is refused (EA060). Requests,
# approvals and refusals are in the audit log without the verifier.
# At a terminal the password is asked twice, without echo. Everything is
# undone on exit (user, hba, logging). Costs ~8 s.
set -u
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$top_srcdir/tests/db/lib.sh" || exit 1
export LC_ALL=C.UTF-8 LANGUAGE=
BIN=${top_builddir:-$top_srcdir}/eduaid
su=${EDUAID_SUPERUSER:-postgres}
work=$(mktemp -d)
tag=$(($$ % 100000))
login="t18c_$tag"
pw1="CliFirst-$tag-密码"
pw2="CliSecond-$tag-密码"
as() { db_psql_as "$1" -c "$2"; }
sqlstate() {
	local out code
	if out=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -U "$1" -c "$2" 2>&1); then
		echo ok
	else
		code=$(sed -n 's/^.*ERROR:  \([0-9A-Z]\{5\}\): .*$/\1/p' <<<"$out" | head -n 1)
		echo "${code:-$(head -n 1 <<<"$out")}"
	fi
}
# eduaid as USER with the rest of the arguments; stdout to $work/out,
# stderr to $work/err; the exit status is eduaid's.
ed() {
	local user=$1
	shift
	"$BIN" -U "$user" "$@" >"$work/out" 2>"$work/err"
}
# Can LOGIN log in over the socket with PASSWORD?
can_login() {
	PGPASSWORD=$2 psql -X -q -A -t -U "$1" -c 'select 1' >/dev/null 2>&1
}

hba=$(as "$su" 'show hba_file')
datadir=$(as "$su" 'show data_directory')
log="$datadir/../log/postgresql.log"
cp "$hba" "$work/hba.orig"
cleanup() {
	cp "$work/hba.orig" "$hba"
	psql -X -q -A -t -U "$su" >/dev/null 2>&1 <<-SQL
		ALTER SYSTEM RESET log_statement;
		SELECT pg_reload_conf();
		DELETE FROM eduaid.app_user_township WHERE login = '$login';
		DELETE FROM eduaid.app_user WHERE login = '$login';
		DROP ROLE IF EXISTS $login;
	SQL
	[[ -n ${TS:-} ]] && tmux -L "$TS" kill-server 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
{ echo "local all $login scram-sha-256"; cat "$work/hba.orig"; } >"$hba"
as "$su" "ALTER SYSTEM SET log_statement = 'all'" >/dev/null
as "$su" 'SELECT pg_reload_conf()' >/dev/null
sleep 0.3
if [[ -r $log ]]; then
	log_start=$(wc -c <"$log")
else
	log_start=
fi

# ---- demo_admin requests an account with a password -------------------------
printf '%s\n' "$pw1" >"$work/pw1"
ed demo_admin user request-create "$login" --name 命令行测试 --role clerk --township 城关镇 --password <"$work/pw1"
rc=$?
rq=$(cat "$work/out")
[[ $rc == 0 && $rq =~ ^[0-9]+$ ]] && tap_pass "demo_admin requests $login (a clerk of 城关镇, password from stdin): request $rq" ||
	tap_fail "demo_admin requests $login" "rc=$rc out=$rq" "$(cat "$work/err")"
tap_is "$(as "$su" "SELECT count(*) FROM pg_roles WHERE rolname = '$login'")" 0 \
	"the account does not exist before approval"
ed demo_supervisor user pending
tap_is "$(grep -P "^$rq\tcreate\t$login\tclerk\t420325100\tpassword\t" "$work/out" | wc -l)" 1 \
	"demo_supervisor sees it pending, with a password waiting"

ed demo_admin user approve "$rq"
rc=$?
[[ $rc == 1 ]] && grep -q "permission denied" "$work/err" && tap_pass "the requester cannot approve (exit 1, permission denied)" ||
	tap_fail "the requester cannot approve" "rc=$rc $(cat "$work/err")"
ed demo_clerk user approve "$rq"
tap_is "$?" 1 "a clerk cannot approve (exit 1)"
ed demo_auditor user approve "$rq"
tap_is "$?" 1 "an auditor cannot approve (exit 1)"
ed demo_supervisor user approve "$rq"
rc=$?
tap_is "$rc" 0 "demo_supervisor approves it (exit 0)"
[[ $rc == 0 ]] || tail -3 "$work/err" | sed 's/^/#   /'

# ---- the new user logs in with the password -----------------------------------
can_login "$login" "$pw1" && tap_pass "$login logs in with the password given at the request" ||
	tap_fail "$login logs in with the password given at the request"
can_login "$login" "wrong-$pw1" && tap_fail "a wrong password is refused" || tap_pass "a wrong password is refused"
tap_is "$(as "$su" "SELECT rolpassword ~ '^SCRAM-SHA-256\\\$4096:' FROM pg_authid WHERE rolname = '$login'")" t \
	"the stored password is the client's SCRAM verifier"

# ---- a new password: requested, in force only when approved ---------------------
printf '%s\n' "$pw2" >"$work/pw2"
ed demo_admin user request-password "$login" <"$work/pw2"
rc=$?
rq2=$(cat "$work/out")
[[ $rc == 0 && $rq2 =~ ^[0-9]+$ ]] && tap_pass "demo_admin requests a new password for $login: request $rq2" ||
	tap_fail "demo_admin requests a new password" "rc=$rc out=$rq2" "$(cat "$work/err")"
can_login "$login" "$pw2" && tap_fail "the new password does not work before approval" ||
	tap_pass "the new password does not work before approval"
can_login "$login" "$pw1" && tap_pass "the old one still does" || tap_fail "the old one still does"
PGPASSWORD=$pw1 ed "$login" user approve "$rq2"
tap_is "$?" 1 "$login (a clerk, and the subject) cannot approve his own password request"
ed demo_supervisor user approve "$rq2"
tap_is "$?" 0 "demo_supervisor approves the new password"
can_login "$login" "$pw2" && tap_pass "$login logs in with the new password" || tap_fail "$login logs in with the new password"
can_login "$login" "$pw1" && tap_fail "the old password no longer works" || tap_pass "the old password no longer works"

# ---- townships: refused with a reason --------------------------------------------
ed demo_admin user request-townships "$login" 420325100 土城镇
rq3=$(cat "$work/out")
[[ $rq3 =~ ^[0-9]+$ ]] && tap_pass "demo_admin requests 城关镇 and 土城镇 for $login (codes or names)" ||
	tap_fail "demo_admin requests townships" "$(cat "$work/err")"
ed demo_supervisor user refuse "$rq3"
tap_is "$?" 2 "refuse without --reason is a usage error (exit 2)"
ed demo_supervisor user refuse "$rq3" --reason "只需城关镇"
tap_is "$?" 0 "demo_supervisor refuses it with a reason"
tap_is "$(as "$su" "SELECT array_agg(township_id ORDER BY township_id) FROM eduaid.app_user_township WHERE login = '$login'")" \
	"{420325100}" "the refused townships never took effect"
ed demo_admin user request-townships "$login" 不存在镇
rc=$?
[[ $rc == 1 ]] && grep -q "不存在镇" "$work/err" && tap_pass "an unknown township is named in the refusal (exit 1)" ||
	tap_fail "an unknown township is refused" "rc=$rc $(cat "$work/err")"

# ---- what reached the server, and the log ---------------------------------------
tap_is "$(sqlstate demo_admin "SELECT eduaid.request_password('$login', 'PlainPsql-$tag')")" EA060 \
	"a plaintext sent with psql is refused (EA060): no password is ever set from it"
if [[ -n $log_start ]]; then
	sleep 0.3
	tail -c +"$((log_start + 1))" "$log" >"$work/log"
	grep -q 'SCRAM-SHA-256\$4096:' "$work/log" && tap_pass "the server log shows what was sent: SCRAM-SHA-256 verifiers" ||
		tap_fail "the server log shows SCRAM-SHA-256 verifiers" "$(tail -5 "$work/log")"
	grep -q -e "CliFirst-$tag" -e "CliSecond-$tag" "$work/log" &&
		tap_fail "neither password given to the CLI is in the server log (log_statement = all)" ||
		tap_pass "neither password given to the CLI is in the server log (log_statement = all)"
else
	tap_fail "the server log is readable at $log"
	tap_fail "(no log to search)"
fi
tap_is "$(as demo_auditor "SELECT string_agg(actor || ':' || action, ',' ORDER BY id) FROM eduaid.audit_log
      WHERE table_name = 'account_request' AND record_key = '$login'")" \
	"demo_admin:insert,demo_supervisor:approve,demo_admin:insert,demo_supervisor:approve,demo_admin:insert,demo_supervisor:reject" \
	"the auditor reads every request, approval and refusal in the audit log"
tap_is "$(as demo_auditor "SELECT count(*) FROM eduaid.audit_log WHERE record_key = '$login'
      AND (coalesce(old_row::text, '') || coalesce(new_row::text, '')) ~ '(SCRAM|CliFirst|CliSecond)'")" 0 \
	"no audit row holds a verifier or a password"

# ---- at a terminal: asked twice, never echoed ----------------------------------------
pw3="TtyThird-$tag-密码"
TS="h3accounts-$$"
tmux_() { tmux -L "$TS" "$@"; }
screen_() { tmux_ capture-pane -p -t t 2>/dev/null; }
wait_for() { # TEXT: up to 10 s
	local i
	for i in $(seq 1 100); do
		screen_ | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	return 1
}
tty_runs=0
tty_run() { # the CLI in a tmux pane of a new server, stdout to $work/tty_out
	# (a fresh socket each time: a new server on the socket of one still
	# shutting down after kill-server can lose it)
	tmux_ kill-server 2>/dev/null
	tty_runs=$((tty_runs + 1))
	TS="h3accounts-$$-$tty_runs"
	tmux_ new-session -d -s t -x 100 -y 20 \
		"env LC_ALL=C.UTF-8 LANGUAGE= PGHOST='$PGHOST' PGPORT='${PGPORT:-5432}' PGDATABASE='$PGDATABASE' \
		 '$BIN' -U demo_admin user request-password '$login' >'$work/tty_out'; echo rc=\$?; sleep 30"
}
if command -v tmux >/dev/null; then
	tty_run
	wait_for "New password for $login:" && tap_pass "at a terminal, request-password asks for the new password" ||
		tap_fail "at a terminal, request-password asks for the new password" "$(screen_)"
	tmux_ send-keys -t t -l -- "$pw3"
	tmux_ send-keys -t t Enter
	wait_for "Again:" && tap_pass "and asks again" || tap_fail "and asks again" "$(screen_)"
	tmux_ send-keys -t t -l -- "$pw3-typo"
	tmux_ send-keys -t t Enter
	wait_for "rc=" && screen_ | grep -q "the two passwords differ" && screen_ | grep -q "rc=2" &&
		tap_pass "two different passwords: nothing is sent (exit 2)" || tap_fail "two different passwords: nothing is sent" "$(screen_)"
	tty_run
	wait_for "New password for $login:"
	tmux_ send-keys -t t -l -- "$pw3"
	tmux_ send-keys -t t Enter
	wait_for "Again:"
	tmux_ send-keys -t t -l -- "$pw3"
	tmux_ send-keys -t t Enter
	wait_for "rc="
	rq4=$(cat "$work/tty_out" 2>/dev/null)
	[[ $rq4 =~ ^[0-9]+$ ]] && screen_ | grep -q "rc=0" && tap_pass "the same password twice: request $rq4" ||
		tap_fail "the same password twice makes a request" "$(screen_)"
	screen_ | grep -q "TtyThird" && tap_fail "the typed password never shows on the terminal" "$(screen_)" ||
		tap_pass "the typed password never shows on the terminal"
	tmux_ kill-server 2>/dev/null
	ed demo_supervisor user approve "${rq4:-0}"
	tap_is "$?" 0 "demo_supervisor approves it"
	can_login "$login" "$pw3" && tap_pass "$login logs in with the password typed at the terminal" ||
		tap_fail "$login logs in with the password typed at the terminal"
else
	for d in "asks" "asks again" "different passwords" "same password" "never shows" "approves" "logs in"; do
		tap_pass "# SKIP no tmux: terminal $d"
	done
fi

# ---- disabling is immediate --------------------------------------------------------
ed demo_admin user disable "$login"
tap_is "$?" 0 "demo_admin disables $login at once"
can_login "$login" "$pw2" && tap_fail "the disabled user cannot log in" || tap_pass "the disabled user cannot log in"
can_login "$login" "$pw3" && tap_fail "not with any password" || tap_pass "not with any password"

if [[ -n $log_start ]]; then
	sleep 0.3
	tail -c +"$((log_start + 1))" "$log" | grep -q -e "TtyThird-$tag" -e "CliFirst-$tag" -e "CliSecond-$tag" &&
		tap_fail "no password typed at the terminal or given on stdin is in the server log" ||
		tap_pass "no password typed at the terminal or given on stdin is in the server log"
fi

# ---- usage ---------------------------------------------------------------------------
PGHOST=/nonexistent ed demo_admin user approve abc
rc=$?
[[ $rc == 2 ]] && grep -q "approve needs a request ID" "$work/err" &&
	tap_pass "approve with a bad id is a usage error (exit 2), said before connecting" ||
	tap_fail "approve with a bad id is a usage error before connecting" "rc=$rc $(cat "$work/err")"
printf 'short\n' | PGHOST=/nonexistent "$BIN" -U demo_admin user request-password demo_clerk >/dev/null 2>"$work/err"
rc=$?
[[ $rc == 2 ]] && grep -q "at least 8" "$work/err" && tap_pass "a short password is refused before anything is sent (exit 2)" ||
	tap_fail "a short password is refused" "rc=$rc $(cat "$work/err")"
"$BIN" user --help | grep -q 'request-password LOGIN' && tap_pass "eduaid user --help lists the actions" ||
	tap_fail "eduaid user --help lists the actions"

tap_done
