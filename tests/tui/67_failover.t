#!/usr/bin/env bash
# tests/tui/67_failover.t: issue 13's failover to a real standby, in
# Chinese at 80x24. The suite's cluster becomes a primary listening on
# 127.0.0.1 (a free port of its own); pg_basebackup -R makes a streaming
# standby of it (its own directory and port, torn down at the end). The
# client connects with a two-host conninfo and target_session_attrs=
# read-write. demo_clerk opens a household and types a new address; the
# primary is stopped (immediate) and the standby promoted (pg_ctl
# promote); F2 saves the open form on the new primary, nothing retyped.
# Around it: a township officer sees only his townships through the
# standby (RLS on a replica: the same catalog); `eduaid report` with
# reports.conninfo answers from the standby (its log shows the officer's
# login there; the totals are his), and so does the report screen (its
# title says so); both fall back to the main connection with a note when
# the reports server is gone. demo_admin disables demo_clerk2
# while his form is open: the client says so by itself and ends, the
# typed change journaled. Runs on a copy of the demo cluster of its own
# (tests/tui/run.sh). About 45 s (a fresh standby,
# a promotion, six clients).
set -u
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/db/lib.sh"
tui_setup
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

PGBIN=$(cluster_pgbin)
PG=$(dirname "$(su 'SHOW data_directory')")
SB=$(mktemp -d /tmp/eduaid-sb.XXXXXX)
chmod 755 "$SB"
trap 'tmux_ kill-server 2>/dev/null; cluster_destroy "$SB"; rm -rf "$TUI_TMP"' EXIT

# free_port: a TCP port nobody listens on (from a range of its own).
free_port() {
	local p
	for p in $(shuf -i 20000-29999 -n 50); do
		[ "$p" = "${1:-}" ] && continue
		(exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo "$p"; return 0; }
	done
	return 1
}
P1=$(free_port)
P2=$(free_port "$P1")
[ -f "$PG/data/PG_VERSION" ] && [ -n "$P1" ] && [ -n "$P2" ]
tui_ok $? "the suite's cluster is found ($PG), ports $P1 and $P2 are free"

# ==== a primary on 127.0.0.1 and a streaming standby ==========================
# Loopback only, trusted: a throwaway pair on the test machine (the socket
# directory stays the suite's way in for psql).
as_owner() { _cluster_as_owner "$@"; }
hba_loopback() { # DATADIR
	as_owner sh -c "{ printf 'host all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n'; cat '$1/pg_hba.conf'; } > '$1/pg_hba.new' && mv '$1/pg_hba.new' '$1/pg_hba.conf'"
}
cluster_stop "$PG" fast &&
	as_owner sh -c "printf \"listen_addresses = '127.0.0.1'\nport = $P1\nwal_keep_size = '64MB'\n\" >> '$PG/data/cluster.conf'" &&
	hba_loopback "$PG/data" && cluster_start "$PG"
tui_ok $? "the primary listens on 127.0.0.1:$P1"
export PGPORT=$P1 # psql's way in: the socket of the new port

mkdir -p "$SB/data" "$SB/log" "$SB/sock" && chmod 700 "$SB/data" "$SB/sock" &&
	{ [ "$(id -u)" != 0 ] || chown -R postgres: "$SB"; } &&
	as_owner "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$P1" -U "$EDUAID_SUPERUSER" \
		-D "$SB/data" -R -X stream -c fast >"$SB/log/basebackup.log" 2>&1 &&
	as_owner sh -c "printf \"port = $P2\nunix_socket_directories = '$SB/sock'\nlog_connections = on\n\" >> '$SB/data/cluster.conf'" &&
	cluster_start "$SB"
tui_ok $? "pg_basebackup -R makes a standby, started on 127.0.0.1:$P2" ||
	sed 's/^/# /' "$SB/log/basebackup.log" "$SB/log/postgresql.log" 2>/dev/null | tail -20

# sb SQL: psql as the superuser on the standby (127.0.0.1:P2).
sb() { psql -X -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$P2" -U "$EDUAID_SUPERUSER" -c "$1"; }
# sb_wait SQL WANT: wait up to 20 s for SQL on the standby to answer WANT.
sb_wait() {
	local i got
	for i in $(seq 1 200); do
		got=$(sb "$1" 2>/dev/null)
		[ "$got" = "$2" ] && return 0
		sleep 0.1
	done
	echo "# standby: $1 -> $got (wanted $2)"
	return 1
}
# caught_up: the standby has replayed all the primary has written so far.
caught_up() {
	local lsn
	lsn=$(su "select pg_current_wal_lsn()")
	sb_wait "select pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn" t
}
sb_wait "select pg_is_in_recovery()" t && caught_up &&
	[ "$(su "select state from pg_stat_replication")" = streaming ]
tui_ok $? "the standby is in recovery, streaming, caught up"

BOX='┐'
# a draft of demo_clerk's, which he may change
HNO=$(su "SET SESSION AUTHORIZATION demo_clerk;
          SELECT household_no FROM eduaid.household WHERE status = 'draft'
           ORDER BY household_no LIMIT 1" | tail -1)
CONN="host=127.0.0.1,127.0.0.1 port=$P1,$P2 dbname=$PGDATABASE target_session_attrs=read-write"

# ==== reports on the standby ==================================================
# RLS on a replica: the same catalog, the same policies. demo_officer,
# logged in on the standby as himself, sees his one township's households
# and exactly what he sees on the primary.
off_sb=$(psql -X -At -h 127.0.0.1 -p "$P2" -U demo_officer -c \
	"select count(*) || '/' || count(distinct township_id) from eduaid.household")
off_pr=$(psql -X -At -U demo_officer -c \
	"select count(*) || '/' || count(distinct township_id) from eduaid.household")
all=$(su "select count(*) from eduaid.household")
printf '# demo_officer: standby %s, primary %s, all %s\n' "$off_sb" "$off_pr" "$all"
[ -n "$off_sb" ] && [ "$off_sb" = "$off_pr" ] && [ "${off_sb#*/}" = 1 ] && [ "${off_sb%/*}" -lt "$all" ]
tui_ok $? "through the standby demo_officer sees his township's households only, as on the primary"

# conf REPORTS_CONNINFO: an eduaid.conf of the two-host conninfo and a
# reports server
conf() {
	printf 'database: { conninfo = "%s"; };\nreports: { conninfo = "%s"; };\n' "$CONN" "$1" \
		>"$TUI_TMP/reports.conf"
}
# report: eduaid report subsidy as demo_officer, the CSV on stdout
report() {
	env HOME="$TUI_TMP/home" LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 EDUAID_LOCALEDIR="$TUI_TMP/locale" \
		PGHOST= PGPORT= PGDATABASE= "$TUI_BIN" -c "$TUI_TMP/reports.conf" -U demo_officer \
		report subsidy --year 2026 --encoding utf-8-nobom 2>"$TUI_TMP/report.err"
}
WANT=$(psql -X -At -F, -U demo_officer -c \
	"SELECT entitled, granted, missing FROM eduaid.report_subsidy(2026) WHERE township_id IS NULL AND item IS NULL")
# the Total row's (all programs) entitled, granted, missing
total() { tr -d '\r' | grep -F ',合计,（全部）,' | head -1 | cut -d, -f4-6; }
conf "host=127.0.0.1 port=$P2 dbname=$PGDATABASE"
before=$(grep -c 'connection authorized: user=demo_officer' "$SB/log/postgresql.log")
got=$(report | total)
after=$(grep -c 'connection authorized: user=demo_officer' "$SB/log/postgresql.log")
printf '# report: %s (want %s), standby logins %s -> %s\n' "$got" "$WANT" "$before" "$after"
sed 's/^/# stderr: /' "$TUI_TMP/report.err"
[ -n "$WANT" ] && [ "$got" = "$WANT" ] && [ "$after" -gt "$before" ] && [ ! -s "$TUI_TMP/report.err" ]
tui_ok $? "eduaid report with reports.conninfo runs on the standby (a login there), the officer's totals"

# the report screen: its title says where the tables come from
tui_start_shell 80 24 \
	"env HOME='$TUI_TMP/home' LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 TERM=xterm-256color \
	 EDUAID_FORMS_DIR='$top_srcdir/forms' EDUAID_LOCALEDIR='$TUI_TMP/locale' \
	 PGHOST= PGPORT= PGDATABASE= '$TUI_BIN' -c '$TUI_TMP/reports.conf' -U demo_clerk \
	 2>'$TUI_TMP/stderr'; echo \$? > '$TUI_TMP/exit'; sleep 600"
tui_wait "统计报表" && tui_menu "统计报表" "记录类型" && tui_wait "统计报表（备用服务器）" &&
	tui_wait "资助应享尽享"
tui_ok $? "the report screen, with reports.conninfo: 统计报表（备用服务器）"
tui_keys Escape && tui_wait "记录类型" && tui_quit && [ "$(tui_exit_status)" = 0 ]
tui_ok $? "demo_clerk leaves the report screen and the client"
caught_up
tui_ok $? "the standby is caught up"

# ==== the failover mid-form ===================================================
ADDR="城关镇新街$$号"
tui_start_shell 80 24 \
	"env HOME='$TUI_TMP/home' LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 TERM=xterm-256color \
	 EDUAID_FORMS_DIR='$top_srcdir/forms' EDUAID_LOCALEDIR='$TUI_TMP/locale' \
	 PGHOST= PGPORT= PGDATABASE= '$TUI_BIN' -d '$CONN' -U demo_clerk \
	 2>'$TUI_TMP/stderr'; echo \$? > '$TUI_TMP/exit'; sleep 600"
tui_wait "建档立卡户核查" && tui_menu "建档立卡户核查" "记录类型" && tui_wait "户主" &&
	tui_keys / && tui_wait "$BOX" && tui_type "$HNO" && tui_keys Enter && tui_wait_gone "$BOX" &&
	tui_wait "$HNO"
tui_ok $? "demo_clerk logs in with the two-host conninfo, the household list finds his draft $HNO"

tui_keys Enter && tui_wait "家庭住址" && tui_wait "草稿" && tui_keys Home &&
	for i in 1 2 3 4 5 6 7 8; do tui_keys Tab; done && tui_keys C-u &&
	tui_type "$ADDR" && tui_keys Up && tui_wait "$ADDR"
tui_ok $? "he opens $HNO and types a new address, $ADDR"

# whatever opening the form wrote is on the standby before the primary dies
caught_up &&
	cluster_stop "$PG" immediate &&
	as_owner "$PGBIN/pg_ctl" -D "$SB/data" -w -t 30 promote >/dev/null &&
	sb_wait "select pg_is_in_recovery()" f
tui_ok $? "the primary stops (immediate), the standby is promoted"

tui_keys F2
tui_wait "已保存"
tui_ok $? "F2 saves the open form: the client found the new primary"
[ "$(sb "select address from eduaid.household where household_no = '$HNO'")" = "$ADDR" ]
tui_ok $? "the row is on the new primary: $HNO's address is $ADDR"

tui_keys Escape && tui_wait "户主" && tui_keys q && tui_wait "记录类型" && tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "demo_clerk leaves cleanly, nothing on stderr"

# ==== the reports server is gone ==============================================
# reports.conninfo names the old primary, now down: the report runs on the
# central server (the new primary, through the two-host conninfo), with a note.
conf "host=127.0.0.1 port=$P1 dbname=$PGDATABASE"
got=$(report | total)
printf '# report: %s (want %s)\n' "$got" "$WANT"
sed 's/^/# stderr: /' "$TUI_TMP/report.err"
[ "$got" = "$WANT" ] && grep -qF "无法连接报表服务器（reports.conninfo），报表改在中心服务器上生成" "$TUI_TMP/report.err"
tui_ok $? "reports server down: eduaid report runs on the central server, and says so"
tui_start_shell 80 24 \
	"env HOME='$TUI_TMP/home' LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 TERM=xterm-256color \
	 EDUAID_FORMS_DIR='$top_srcdir/forms' EDUAID_LOCALEDIR='$TUI_TMP/locale' \
	 PGHOST= PGPORT= PGDATABASE= '$TUI_BIN' -c '$TUI_TMP/reports.conf' -U demo_clerk \
	 2>'$TUI_TMP/stderr'; echo \$? > '$TUI_TMP/exit'; sleep 600"
tui_wait "统计报表" && tui_menu "统计报表" "记录类型" && tui_wait "资助应享尽享" &&
	tui_wait "无法连接报表服务器，报表改从中心服务器读取" && ! tui_screen | grep -qF "备用服务器"
tui_ok $? "... and the report screen shows the central server's tables, with the note"
tui_keys Escape && tui_wait "记录类型" && tui_quit && [ "$(tui_exit_status)" = 0 ]
tui_ok $? "demo_clerk leaves cleanly"

# ==== a disabled user's open session is told and ends =========================
# demo_clerk2 has a form open with a change typed, on the new primary (the
# same two-host conninfo); demo_admin disables him with `eduaid user
# disable`, which ends his sessions: the client, refused on reconnecting,
# says his account is disabled and ends, the typed change journaled.
HNO2=$(sb "SET SESSION AUTHORIZATION demo_clerk2;
           SELECT household_no FROM eduaid.household WHERE status = 'draft'
            ORDER BY household_no LIMIT 1" | tail -1)
ADDR2="城关镇停用路$$号"
JDIR=$TUI_TMP/home/.local/state/eduaid/demo_clerk2
tui_start_shell 80 24 \
	"env HOME='$TUI_TMP/home' LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 TERM=xterm-256color \
	 EDUAID_FORMS_DIR='$top_srcdir/forms' EDUAID_LOCALEDIR='$TUI_TMP/locale' \
	 PGHOST= PGPORT= PGDATABASE= '$TUI_BIN' -d '$CONN' -U demo_clerk2 \
	 2>'$TUI_TMP/stderr'; echo \$? > '$TUI_TMP/exit'; sleep 600"
[ -n "$HNO2" ] && tui_wait "建档立卡户核查" && tui_menu "建档立卡户核查" "记录类型" &&
	tui_wait "户主" && tui_keys / && tui_wait "$BOX" && tui_type "$HNO2" && tui_keys Enter &&
	tui_wait_gone "$BOX" && tui_wait "$HNO2" && tui_keys Enter && tui_wait "家庭住址" &&
	tui_wait "草稿" && tui_keys Home && for i in 1 2 3 4 5 6 7 8; do tui_keys Tab; done &&
	tui_keys C-u && tui_type "$ADDR2" && tui_keys Up && tui_wait "$ADDR2"
tui_ok $? "demo_clerk2 opens his draft $HNO2 and types $ADDR2, unsaved"

env HOME="$TUI_TMP/home" LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 EDUAID_LOCALEDIR="$TUI_TMP/locale" \
	PGHOST= PGPORT= PGDATABASE= "$TUI_BIN" -d "$CONN" -U demo_admin user disable demo_clerk2 \
	>"$TUI_TMP/disable.out" 2>"$TUI_TMP/disable.err"
rc=$?
sed 's/^/# disable: /' "$TUI_TMP/disable.err"
[ "$rc" = 0 ] && grep -qF "已结束 demo_clerk2 打开的会话 1 个" "$TUI_TMP/disable.err"
tui_ok $? "demo_admin disables demo_clerk2: eduaid user disable says it ended his 1 open session"

st=$(tui_exit_status); echo "# exit: $st"; [ "$st" = 1 ]
tui_ok $? "demo_clerk2's client ends by itself (exit status 1), no key pressed"
sed 's/^/# stderr: /' "$TUI_TMP/stderr"
grep -qF "您的账号已停用，或登录被服务器拒绝" "$TUI_TMP/stderr" &&
	[ "$(grep -c . "$TUI_TMP/stderr")" = 1 ]
tui_ok $? "... and says, in Chinese, that his account is disabled or its login refused"
grep -rqF "$ADDR2" "$JDIR" 2>/dev/null
tui_ok $? "the typed address $ADDR2 is kept in his journal"
[ "$(sb "select address from eduaid.household where household_no = '$HNO2'")" != "$ADDR2" ] &&
	[ "$(sb "select count(*) from pg_stat_activity where usename = 'demo_clerk2'")" = 0 ]
tui_ok $? "nothing was saved, and demo_clerk2 has no session left"

# and now: refused at the start, in words (not "cannot be reached")
env HOME="$TUI_TMP/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE= PGHOST= PGPORT= PGDATABASE= \
	"$TUI_BIN" -d "$CONN" -U demo_clerk2 report subsidy >/dev/null 2>"$TUI_TMP/en.err"
rc_en=$?
env HOME="$TUI_TMP/home" LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 EDUAID_LOCALEDIR="$TUI_TMP/locale" \
	PGHOST= PGPORT= PGDATABASE= "$TUI_BIN" -d "$CONN" -U demo_clerk2 report subsidy >/dev/null 2>"$TUI_TMP/zh.err"
rc_zh=$?
sed 's/^/# en: /' "$TUI_TMP/en.err"
sed 's/^/# zh: /' "$TUI_TMP/zh.err"
[ "$rc_en" != 0 ] && [ "$rc_zh" != 0 ] &&
	grep -qF "your account is disabled or its login was refused" "$TUI_TMP/en.err" &&
	grep -qF "您的账号已停用，或登录被服务器拒绝" "$TUI_TMP/zh.err"
tui_ok $? "eduaid report as demo_clerk2 now: refused, saying his account is disabled (en and zh)"
tui_start_shell 80 24 \
	"env HOME='$TUI_TMP/home' LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 TERM=xterm-256color \
	 EDUAID_FORMS_DIR='$top_srcdir/forms' EDUAID_LOCALEDIR='$TUI_TMP/locale' \
	 PGHOST= PGPORT= PGDATABASE= '$TUI_BIN' -d '$CONN' -U demo_clerk2 \
	 2>'$TUI_TMP/stderr'; echo \$? > '$TUI_TMP/exit'; sleep 600"
tui_wait "您的账号已停用，或登录被服务器拒绝"
tui_ok $? "the client's login screen says the same to demo_clerk2"

tui_done
