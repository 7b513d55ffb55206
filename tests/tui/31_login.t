#!/usr/bin/env bash
# tests/tui/31_login.t: logging in and starting up. A user whose server
# wants a password gets the login screen: a wrong password is a message and
# another try, the right one opens the menu. Before the terminal is taken,
# a broken configuration file or a form naming a column that does not exist
# stops the client with file:line on stderr and exit status 2.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -U "$EDUAID_SUPERUSER" "$@"; }

# ---- start-up failures, no terminal needed --------------------------------
printf 'ui:\n{\n  language = "zh_CN";\n  colour = ;\n};\n' > "$TUI_TMP/bad.conf"
EDUAID_FORMS_DIR="$top_srcdir/forms" "$TUI_BIN" -c "$TUI_TMP/bad.conf" </dev/null >"$TUI_TMP/out" 2>&1
rc=$?
[ $rc = 2 ] && grep -q "bad.conf:4" "$TUI_TMP/out"
tui_ok $? "a configuration syntax error is reported as file:line with exit 2 (got $rc: $(head -c 200 "$TUI_TMP/out"))"

printf 'keys:\n{\n  save = [ "F2", "F13" ];\n};\n' > "$TUI_TMP/badkeys.conf"
EDUAID_FORMS_DIR="$top_srcdir/forms" PGHOST=/nonexistent "$TUI_BIN" -c "$TUI_TMP/badkeys.conf" </dev/null >"$TUI_TMP/out" 2>&1
rc=$?
[ $rc = 2 ] && grep -q 'badkeys.conf:3: .*F13' "$TUI_TMP/out"
tui_ok $? "an unknown key name in the bindings is file:line with exit 2, before any connection (got $rc: $(head -c 200 "$TUI_TMP/out"))"

cp -r "$top_srcdir/forms" "$TUI_TMP/forms"
line=$(grep -n 'name = "address"' "$TUI_TMP/forms/household.conf" | cut -d: -f1)
sed -i 's/name = "address"/name = "adress"/' "$TUI_TMP/forms/household.conf"
EDUAID_FORMS_DIR="$TUI_TMP/forms" "$TUI_BIN" -U demo_clerk </dev/null >"$TUI_TMP/out" 2>&1
rc=$?
[ $rc = 2 ] && grep -q "household.conf:$line:.*adress" "$TUI_TMP/out"
tui_ok $? "a form field naming no column stops the client with household.conf:$line and the name, exit 2 (got $rc: $(head -c 200 "$TUI_TMP/out"))"

"$TUI_BIN" --version </dev/null | grep -q '^eduaid '
tui_ok $? "eduaid --version works without a server"
PGHOST=/nonexistent "$TUI_BIN" --help </dev/null >"$TUI_TMP/help"
grep -q -- '-d DBNAME' "$TUI_TMP/help" && grep -q -- '-h HOST' "$TUI_TMP/help" &&
	grep -q -- '-?, --help' "$TUI_TMP/help"
tui_ok $? "eduaid --help works without a server (psql's letters: -d -h, -? help)"

# ---- the login screen ------------------------------------------------------
# (018_accounts.sql: the server takes only verifiers, so the DBA computes
# one the way psql's \password does -- here by letting the server hash the
# password of the role it just made.)
su -c "SELECT eduaid.create_user('pw_clerk', '密码测试', 'clerk', 420325, '{420325100}')" >/dev/null
su -c "SET password_encryption = 'scram-sha-256'; ALTER ROLE pw_clerk PASSWORD 'right-密码1'" >/dev/null
hba=$(su -c 'show hba_file')
cp "$hba" "$TUI_TMP/hba.orig"
{ echo "local all pw_clerk scram-sha-256"; cat "$TUI_TMP/hba.orig"; } > "$hba"
restore_hba() { cp "$TUI_TMP/hba.orig" "$hba"; su -c 'select pg_reload_conf()' >/dev/null; }
su -c 'select pg_reload_conf()' >/dev/null
for i in $(seq 1 50); do
	PGPASSWORD=wrong psql -X -U pw_clerk -c 'select 1' >/dev/null 2>&1 || break
	sleep 0.1
done

tui_start pw_clerk 80 24 C.UTF-8
tui_wait "The server asks for a password."
tui_ok $? "a server that wants a password brings up the login screen"
tui_type "wrong"
tui_keys Enter
tui_wait "Wrong user name or password."
tui_ok $? "a wrong password is a clear message and another try"
tui_type "right-密码1"
tui_keys Enter
tui_wait "Main menu"
tui_ok $? "the right password (with Chinese in it) opens the menu"
tui_screen | grep -q "right-"
[ $? -ne 0 ]
tui_ok $? "the password never shows on the screen"
tui_quit
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "q leaves cleanly"

tui_start pw_clerk 80 24 C.UTF-8
tui_wait "The server asks for a password." && tui_keys Escape
[ "$(tui_exit_status)" = 0 ]
tui_ok $? "Esc on the login screen leaves without a hang"

# ---- a subcommand asks for the password at the terminal, without echo -----
tui_start_shell 80 24 \
	"env HOME='$TUI_TMP/home' LANG=C.UTF-8 LC_ALL=C.UTF-8 EDUAID_FORMS_DIR='$top_srcdir/forms' \
	 PGHOST='$PGHOST' PGPORT='${PGPORT:-5432}' PGDATABASE='$PGDATABASE' \
	 '$TUI_BIN' -U pw_clerk reconcile 999999999; echo \"rc=\$?\"; sleep 600"
tui_wait "Password for pw_clerk:"
tui_ok $? "a subcommand at a terminal asks for the password"
tui_type "wrong"
tui_keys Enter
tui_wait_count() { [ "$(tui_screen | grep -c "Password for pw_clerk:")" -ge "$1" ]; }
for i in $(seq 1 100); do tui_wait_count 2 && break; sleep 0.1; done
tui_wait_count 2
tui_ok $? "a wrong password asks again"
tui_type "right-密码1"
tui_keys Enter
tui_wait "rc="
tui_screen | grep -q "right-\|wrong"
[ $? -ne 0 ]
tui_ok $? "the typed passwords never show"
tui_screen | grep -q "password authentication failed"
[ $? -ne 0 ]
tui_ok $? "the right password connects (the command then runs: $(tui_screen | grep -v '^$' | tail -2 | tr '\n' ' '))"
setsid -w env PGHOST="$PGHOST" PGDATABASE="$PGDATABASE" LANG=C.UTF-8 \
	"$TUI_BIN" -U pw_clerk reconcile 999999999 </dev/null >"$TUI_TMP/out" 2>&1
rc=$?
[ $rc != 0 ] && grep -q "PGPASSWORD" "$TUI_TMP/out"
tui_ok $? "without a terminal it says to use PGPASSWORD or ~/.pgpass (got $rc: $(head -c 200 "$TUI_TMP/out"))"

restore_hba
tui_done
