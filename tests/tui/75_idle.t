#!/usr/bin/env bash
# tests/tui/75_idle.t: issue 14's configuration, log, application_name and
# idle timeout, in Chinese at 80x24. The user's own file (under
# $XDG_CONFIG_HOME) sets only ui.idle_timeout = 5 seconds; the state goes
# under $XDG_STATE_HOME. demo_clerk's session is named after its screen
# in pg_stat_activity (eduaid/menu, eduaid/list, eduaid/form); saving a
# household is refused with a unique key's 23505 whose DETAIL quotes the
# head's ID number (raised by a trigger of this test: the registry, 017,
# refuses a real duplicate earlier with EA008 naming only the township),
# logged in eduaid.log (0600) with its SQLSTATE and constraint but not the
# ID number; then no key for 5 s: the session
# ends with a message, the form is journaled, and the next login offers it
# back. A command blocked on a lock is seen as eduaid/export. About 35 s
# (5 s of it the idle wait, 4 s the lock).
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
BOX='┐'
pick() {
	tui_wait "$BOX" || return 1
	[ -n "$1" ] && tui_type "$1"
	sleep 0.3
	tui_wait "$1" && tui_keys Enter && tui_wait_gone "$BOX"
}
# appname: demo_clerk's client session's application_name, waited for
# (the client sets it within a tick, 250 ms, of the screen change)
appname() { # WANT
	local i got
	for i in $(seq 1 40); do
		got=$(su "select string_agg(application_name, ',') from pg_stat_activity where usename = 'demo_clerk'")
		[ "$got" = "$1" ] && return 0
		sleep 0.1
	done
	echo "# application_name: '$got', wanted '$1'"
	return 1
}

export XDG_CONFIG_HOME=$TUI_TMP/config XDG_STATE_HOME=$TUI_TMP/state
mkdir -p "$XDG_CONFIG_HOME/eduaid"
printf 'ui: { idle_timeout = 5; };\n' >"$XDG_CONFIG_HOME/eduaid/eduaid.conf"
JDIR=$XDG_STATE_HOME/eduaid/demo_clerk
LOG=$XDG_STATE_HOME/eduaid/eduaid.log
HNO=$(printf "IDL%06d" $$)
# a valid ID number of a region no demo record uses
TAKEN=$(tui_idno "65900519800315$(printf %03d $(($$ % 1000)))")
[ ${#TAKEN} = 18 ]
tui_ok $? "an ID number is made: $TAKEN"

tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "主菜单" && appname eduaid/menu
tui_ok $? "the main menu's session is eduaid/menu in pg_stat_activity"
tui_keys Enter && tui_wait "乡镇：" && appname eduaid/list
tui_ok $? "the household list's is eduaid/list"
tui_keys C-n
tui_wait "户编号" && tui_keys Enter && pick "城关镇" && tui_keys Tab Enter && pick "" && tui_keys Tab
tui_type "$HNO"
tui_keys Tab
tui_type 2018
tui_keys Tab
tui_type 5
tui_keys Tab
tui_type "王𠮷"
tui_keys Tab
tui_type "$TAKEN"
tui_keys Tab
tui_wait "王𠮷" && appname eduaid/form
tui_ok $? "a new household is typed; the form's session is eduaid/form"

# A refusal whose DETAIL quotes the ID number, as a unique key's does
# ("Key (head_id_number)=(...) already exists."): a trigger of this test
# raises it for this household number.
su "create function eduaid.t75_refuse() returns trigger language plpgsql as \$\$
begin
  if new.household_no = '$HNO' then
    raise unique_violation using message = 'duplicate key value violates unique constraint \"household_head_id_number_key\"',
      detail = format('Key (head_id_number)=(%s) already exists.', new.head_id_number),
      constraint = 'household_head_id_number_key', table = 'household', schema = 'eduaid';
  end if;
  return new;
end \$\$;
create trigger zz_t75_refuse before insert on eduaid.household for each row execute function eduaid.t75_refuse();" >/dev/null
tui_ok $? "a trigger refuses household $HNO with a DETAIL quoting its ID number"
tui_keys C-s
for i in $(seq 1 50); do
	grep -q "sqlstate=23505" "$LOG" 2>/dev/null && break
	sleep 0.1
done
grep -q "where=form sqlstate=23505 constraint=household_head_id_number_key" "$LOG"
tui_ok $? "the unique key's refusal is logged: screen, SQLSTATE, constraint"
! grep -qF "$TAKEN" "$LOG" && ! grep -qF "王𠮷" "$LOG" && ! grep -qF "$HNO" "$LOG"
tui_ok $? "the log holds no ID number, name or household number"
[ "$(stat -c %a "$LOG")" = 600 ]
tui_ok $? "the log is private (0600)"
[ "$(su "select count(*) from eduaid.household where household_no = '$HNO'")" = 0 ]
tui_ok $? "the household was not saved"

# Now nobody types: after 5 s the session ends.
for i in $(seq 1 100); do
	[ -s "$TUI_TMP/exit" ] && break
	sleep 0.1
done
[ "$(tui_exit_status)" = 1 ] && grep -q "已有 5 秒未按任何键，会话已结束" "$TUI_TMP/stderr"
tui_ok $? "no key for 5 s: the client ends, saying why in Chinese"
appname ""
tui_ok $? "the database session has ended with it"
ls "$JDIR"/household-new-*.journal >/dev/null 2>&1 && grep -q "f head_name 王𠮷" "$JDIR"/household-new-*.journal
tui_ok $? "the open form is journaled under \$XDG_STATE_HOME/eduaid"

tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "上次会话有 1 条记录的修改尚未保存"
tui_ok $? "the next login offers the form back"
tui_keys y
tui_wait "王𠮷" && tui_screen | grep -q "$HNO"
tui_ok $? "the form comes back with what was typed"

# A command: application_name eduaid/export, seen while a lock on the
# table its schema check reads holds it.
psql -X -q -U "$EDUAID_SUPERUSER" -c "begin; lock table eduaid.schema_version in access exclusive mode; select pg_sleep(8); commit;" >/dev/null 2>"$TUI_TMP/lock.err" &
LOCKER=$!
for i in $(seq 1 50); do
	[ "$(su "select count(*) from pg_locks where relation = 'eduaid.schema_version'::regclass and mode = 'AccessExclusiveLock' and granted")" = 1 ] && break
	sleep 0.1
done
(cd "$TUI_TMP" && printf 'ui: { language = "en"; };\n' >en.conf &&
	EDUAID_FORMS_DIR="$top_srcdir/forms" exec "$TUI_BIN" -c en.conf -U demo_clerk export household out.csv >/dev/null 2>"$TUI_TMP/export.err") &
EXPORTER=$!
for i in $(seq 1 50); do
	[ "$(su "select count(*) from pg_stat_activity where application_name = 'eduaid/export' and usename = 'demo_clerk'")" = 1 ] && break
	sleep 0.1
done
[ "$(su "select count(*) from pg_stat_activity where application_name = 'eduaid/export' and usename = 'demo_clerk' and wait_event_type = 'Lock'")" = 1 ]
tui_ok $? "eduaid export's session is eduaid/export (seen waiting for the lock)"
wait "$LOCKER" "$EXPORTER"
grep -q "rows written" "$TUI_TMP/export.err"
tui_ok $? "the export ends once the lock is gone"

tui_done
