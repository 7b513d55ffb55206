#!/usr/bin/env bash
# tests/package/ssh.sh: SSH deployment end to end (issue 14, "Done when"),
# the steps of README.md's "Deploying at a county office" run as written:
#
#   a throwaway PostgreSQL 15 cluster (tools/lib/cluster.sh) whose
#   pg_hba.conf/pg_ident.conf are the README's (peer over the local socket,
#   with ident maps; no trust); `eduaid-admin -U postgres migrate`,
#   `townships load 房县`, `user add` of a clerk of 城关镇 as root (the
#   Linux account, its group eduaid, ~/eduaid 0700); a real sshd on
#   127.0.0.1 at a random port with a throwaway host key and a config of its
#   own that includes the drop-in admin/sshd-eduaid.conf as shipped; a
#   throwaway client key in the clerk's authorized_keys. Then, as the
#   clerk: refusals (a shell, eduaid import, a $ in a command, legacy scp);
#   sftp uploads a roster into ~/eduaid (and scp, which speaks sftp); a
#   ~/.bashrc and a ~/.ssh/rc uploaded by sftp run nothing before the
#   ForceCommand (the account's shell is /bin/sh; PermitUserRC no);
#   `ssh county` in tmux (zh_CN.UTF-8, 80x24) lands in eduaid's menu, connected
#   by peer authentication as the clerk; the import screen reads the roster
#   by its bare name from ~/eduaid, says the row of 化龙堰镇 is not the
#   clerk's, and creates the drafts of 城关镇; the export screen offers
#   ~/eduaid and writes its file there (0600); quitting closes the SSH
#   session and leaves no backend of the clerk; `ssh host 'eduaid export
#   ...'` and `'eduaid report subsidy --pdf ...'` write into ~/eduaid, sftp
#   downloads them, and they hold 城关镇 only (pdftotext); the office's
#   admin, officer and supervisor (no SSH) take the clerk's imported
#   household through submit, verify and approve and open 城关镇's 公示, which
#   the clerk prints with `ssh host 'eduaid notice print N --pdf ...'` and
#   downloads (pdftotext: the line, the total, the page); `eduaid-admin
#   user disable` ends the SSH logins too.
#
# Usage: tests/package/ssh.sh [--installed]
#   --installed  the installed package's paths (/usr/bin/eduaid,
#                /usr/lib/eduaid/eduaid-ssh, /usr/sbin/eduaid-admin, the
#                drop-in in /usr/share/doc/eduaid/examples, and
#                /etc/eduaid/eduaid.conf edited as the README says, put back
#                afterwards): tests/package/deb.sh runs it so while the .deb
#                is installed. Without it: the build tree (top_builddir),
#                the dispatcher and the client found by sshd's SetEnv.
#
# Root only: it makes Linux users and runs sshd. As anyone else the plan
# says it did not run (1..0 # SKIP) and the exit status is 77. Everything
# it made is removed at the end (sshd stopped, userdel -r, the group if it
# made it, the cluster). A TAP stream, then `ssh: N passed, N failed`.
# Cost: about 25 s wall time on a quiet machine (most of it the
# migration), 60-70 s on a busy one.
set -uo pipefail
top=${top_srcdir:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)}
build=${top_builddir:-$top}
installed=0
[ "${1:-}" = --installed ] && installed=1

if [ "$(id -u)" != 0 ]; then
	echo "1..0 # SKIP not run: needs root (it makes Linux users and runs sshd); CI runs it as root"
	echo "ssh: 0 passed, 0 failed (not run)"
	exit 77
fi

TAP_NAME=ssh TAP_PLAN_LAST=1
# shellcheck source=tap.sh
. "$top/tests/package/tap.sh"

for tool in /usr/sbin/sshd ssh sftp scp ssh-keygen tmux pdftotext runuser usermod userdel; do
	command -v "$tool" >/dev/null || bail "$tool is missing (tools/deps installs openssh-server, openssh-client, tmux, poppler-utils)"
done
[ -x /usr/lib/openssh/sftp-server ] || bail "/usr/lib/openssh/sftp-server is missing (openssh-sftp-server)"

work=$(mktemp -d /tmp/eduaid-ssh.XXXXXX) || bail "no temp dir"
chmod 755 "$work"
clerk=edussh$$
group=eduaid
made_group=0
getent group "$group" >/dev/null || made_group=1
sshd_pid=
conf_backup=
# shellcheck disable=SC2034 # read by tests/tui/lib.sh (tui_start_shell)
TUI_TMP=$work
# shellcheck source=../tui/lib.sh
. "$top/tests/tui/lib.sh"
# shellcheck source=../../tools/lib/cluster.sh
. "$top/tools/lib/cluster.sh"
cleanup() {
	tmux_ kill-server 2>/dev/null
	[ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null && wait "$sshd_pid" 2>/dev/null
	pkill -KILL -u "$clerk" 2>/dev/null
	getent passwd "$clerk" >/dev/null && userdel -r "$clerk" >/dev/null 2>&1
	[ "$made_group" = 1 ] && getent group "$group" >/dev/null && groupdel "$group" 2>/dev/null
	[ -n "$conf_backup" ] && cp -p "$conf_backup" /etc/eduaid/eduaid.conf
	[ -d "$work/pg" ] && cluster_destroy "$work/pg" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT

if [ "$installed" = 1 ]; then
	admin=/usr/sbin/eduaid-admin
	dispatcher=/usr/lib/eduaid/eduaid-ssh
	dropin=/usr/share/doc/eduaid/examples/sshd-eduaid.conf
	eduaid_conf=/etc/eduaid/eduaid.conf
	conf_backup=$work/eduaid.conf.orig
	cp -p "$eduaid_conf" "$conf_backup" || bail "cannot keep a copy of $eduaid_conf"
	setenv=
	echo "# the installed package: $dispatcher, $admin, $dropin"
else
	admin=$build/admin/eduaid-admin
	dispatcher=$build/admin/eduaid-ssh
	export EDUAID_SQLDIR=$top/sql EDUAID_DIVISIONS=$top/admin/divisions EDUAID=$build/eduaid
	export EDUAID_ADMIN_CONF=$work/eduaid-admin.conf
	: >"$EDUAID_ADMIN_CONF"
	# the drop-in as built, but naming the build tree's dispatcher
	sed "s|ForceCommand .*|ForceCommand $dispatcher|" "$build/admin/sshd-eduaid.conf" >"$work/sshd-eduaid.conf"
	dropin=$work/sshd-eduaid.conf
	eduaid_conf=$work/eduaid.conf
	cp "$top/conf/eduaid.conf" "$eduaid_conf"
	mkdir -p "$work/locale/zh_CN/LC_MESSAGES"
	cp "$build/po/zh_CN.gmo" "$work/locale/zh_CN/LC_MESSAGES/eduaid.mo" 2>/dev/null ||
		cp "$top/po/zh_CN.gmo" "$work/locale/zh_CN/LC_MESSAGES/eduaid.mo" ||
		bail "no po/zh_CN.gmo: build first"
	setenv="EDUAID_SSH_EDUAID=$build/eduaid EDUAID_CONF=$eduaid_conf EDUAID_FORMS_DIR=$top/forms EDUAID_LOCALEDIR=$work/locale"
	chmod 644 "$eduaid_conf"
	echo "# the build tree: $dispatcher, $admin, $build/eduaid"
fi
for f in "$admin" "$dispatcher" "$dropin"; do
	[ -e "$f" ] || bail "$f is missing (make first)"
done

# ---- the database: README's pg_hba.conf and pg_ident.conf ------------------
mkdir -p "$work/pg" && chown postgres: "$work/pg"
cluster_init "$work/pg" --fast >"$work/cluster.log" 2>&1 || bail "no throwaway cluster" "$work/cluster.log"
# README: the server slows failed logins and logs every login for the auditor
cat >>"$work/pg/data/postgresql.conf" <<'EOF'
shared_preload_libraries = 'auth_delay'
auth_delay.milliseconds = 1000
logging_collector = on
log_destination = 'stderr,csvlog'
log_connections = on
lc_messages = 'C'
log_filename = 'postgresql-%a.log'
log_truncate_on_rotation = on
EOF
cluster_start "$work/pg" >>"$work/cluster.log" 2>&1 || bail "the throwaway cluster does not start" "$work/cluster.log"
cat >"$work/pg/data/pg_hba.conf" <<'EOF'
local   all      postgres                     peer map=superuser
local   eduaid   +eduaid_clerk,+eduaid_officer,+eduaid_supervisor,+eduaid_admin,+eduaid_auditor   peer map=eduaid
local   all      all                          reject
EOF
cat >"$work/pg/data/pg_ident.conf" <<'EOF'
superuser  postgres               postgres
superuser  root                   postgres
eduaid     /^([a-z][a-z0-9_]*)$   \1
EOF
chown postgres: "$work/pg/data/pg_hba.conf" "$work/pg/data/pg_ident.conf"
cluster_psql "$work/pg" -q -c 'SELECT pg_reload_conf()' >>"$work/cluster.log" 2>&1 ||
	bail "the cluster did not reload pg_hba.conf" "$work/cluster.log"
sock=$(cluster_sockdir "$work/pg")
# the clerk reaches the socket as any local user would /var/run/postgresql
chmod 755 "$sock"
export PGHOST=$sock PGPORT=$CLUSTER_PORT
unset PGUSER PGDATABASE

psql -U postgres -d postgres -c 'CREATE DATABASE eduaid' >"$work/admin.log" 2>&1 </dev/null
ok $? "psql -U postgres -d postgres -c 'CREATE DATABASE eduaid' (root, peer, map superuser)" "$work/admin.log"

"$admin" -U postgres migrate >>"$work/admin.log" 2>&1 </dev/null
ok $? "eduaid-admin -U postgres migrate" "$work/admin.log"
"$admin" -U postgres townships load 房县 >>"$work/admin.log" 2>&1 </dev/null
ok $? "eduaid-admin -U postgres townships load 房县" "$work/admin.log"
"$admin" -U postgres user add "$clerk" --name 测试文员 --role clerk --county 420325 \
	--township 城关镇 >>"$work/admin.log" 2>&1 </dev/null
ok $? "eduaid-admin -U postgres user add $clerk --role clerk --township 城关镇, as root" "$work/admin.log"
id -nG "$clerk" 2>/dev/null | tr ' ' '\n' | grep -qxF "$group"
ok $? "  the Linux account $clerk is made, in group $group"
home=$(getent passwd "$clerk" | cut -d: -f6)
[ "$(stat -c '%a %U' "$home/eduaid" 2>/dev/null)" = "700 $clerk" ]
ok $? "  with ~/eduaid, 0700, the clerk's"
[ "$(getent passwd "$clerk" | cut -d: -f7)" = /bin/sh ]
ok $? "  and /bin/sh as its shell (reads no ~/.bashrc for the ForceCommand)"
"$admin" -U postgres check >"$work/check.log" 2>&1 </dev/null &&
	grep -q 'ok: pg_hba.conf: no trust for eduaid logins' "$work/check.log"
ok $? "eduaid-admin -U postgres check passes, no trust for eduaid logins among it" "$work/check.log"

# README: the client's database
sed -i '0,/conninfo = ""/s//conninfo = "dbname=eduaid"/' "$eduaid_conf"
grep -q 'conninfo = "dbname=eduaid"' "$eduaid_conf"
ok $? "eduaid.conf: database.conninfo = \"dbname=eduaid\""

# ---- sshd on 127.0.0.1 ------------------------------------------------------
ssh-keygen -q -t ed25519 -N '' -C eduaid-test-host -f "$work/host_key" >/dev/null &&
	ssh-keygen -q -t ed25519 -N '' -C eduaid-test-client -f "$work/client_key" >/dev/null ||
	bail "ssh-keygen failed"
install -d -m 700 -o "$clerk" -g "$clerk" "$home/.ssh" &&
	install -m 600 -o "$clerk" -g "$clerk" "$work/client_key.pub" "$home/.ssh/authorized_keys" ||
	bail "cannot install the clerk's key"
mkdir -p /run/sshd && chmod 755 /run/sshd
start_sshd() {
	local port=$1
	cat >"$work/sshd_config" <<EOF
# tests/package/ssh.sh: a throwaway sshd
Port $port
ListenAddress 127.0.0.1
HostKey $work/host_key
PidFile $work/sshd.pid
AuthorizedKeysFile .ssh/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin no
UsePAM yes
AcceptEnv LANG LC_*
Subsystem sftp /usr/lib/openssh/sftp-server
# the cluster's socket is not the default /var/run/postgresql
SetEnv PGHOST=$sock PGPORT=$CLUSTER_PORT $setenv
Include $dropin
EOF
	/usr/sbin/sshd -t -f "$work/sshd_config" >"$work/sshd.log" 2>&1 || return 2
	/usr/sbin/sshd -D -e -f "$work/sshd_config" >>"$work/sshd.log" 2>&1 &
	sshd_pid=$!
	for _ in $(seq 1 50); do
		timeout 1 bash -c ": </dev/tcp/127.0.0.1/$port" 2>/dev/null && return 0
		kill -0 "$sshd_pid" 2>/dev/null || break
		sleep 0.1
	done
	kill "$sshd_pid" 2>/dev/null
	sshd_pid=
	return 1
}
port=
for _ in 1 2 3 4 5; do
	p=$((2222 + RANDOM % 20000))
	start_sshd "$p" && { port=$p; break; }
	[ $? = 2 ] && bail "sshd -t refuses the config (the drop-in included)" "$work/sshd.log"
done
[ -n "$port" ] || bail "sshd did not start" "$work/sshd.log"
ok 0 "sshd -t accepts the drop-in; sshd listens on 127.0.0.1:$port"
printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$work/host_key.pub")" >"$work/known_hosts"
cat >"$work/ssh_config" <<EOF
Host county
	HostName 127.0.0.1
	Port $port
	User $clerk
	IdentityFile $work/client_key
	IdentitiesOnly yes
	UserKnownHostsFile $work/known_hosts
	StrictHostKeyChecking yes
	BatchMode yes
	LogLevel ERROR
	SendEnv LANG LC_*
EOF
S=(-F "$work/ssh_config")

# ---- what the dispatcher refuses ---------------------------------------------
ssh "${S[@]}" county 'bash -i' </dev/null >"$work/out" 2>"$work/err"
rc=$?
[ "$rc" = 126 ] && grep -q "not offered over SSH" "$work/err"
ok $? "ssh county 'bash -i': refused (exit $rc), saying what is offered" "$work/err"
ssh "${S[@]}" county 'eduaid import roster.csv' </dev/null >"$work/out" 2>"$work/err"
rc=$?
[ "$rc" = 126 ] && grep -q "eduaid import is not offered over SSH" "$work/err"
ok $? "ssh county 'eduaid import ...': refused (exit $rc)" "$work/err"
ssh "${S[@]}" county 'eduaid export household $(id).csv' </dev/null >"$work/out" 2>"$work/err"
rc=$?
[ "$rc" = 126 ] && grep -q "'\\$' is not allowed" "$work/err" && [ ! -s "$work/out" ]
ok $? "ssh county 'eduaid export household \$(id).csv': refused, no shell (exit $rc)" "$work/err"

# ---- files in: sftp and scp ---------------------------------------------------
T=$(printf %06d $$)
BIRTH=$(date -d "1950-01-01 + $((10#$T % 15000)) days" +%Y%m%d)
idno() { # PREFIX17: with its check digit (GB 11643)
	local w=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) s=0 i
	for i in $(seq 0 16); do s=$((s + ${1:i:1} * w[i])); done
	printf '%s%s' "$1" "$(echo 1 0 X 9 8 7 6 5 4 3 2 | cut -d' ' -f$((s % 11 + 1)))"
}
H1=SSH${T}A H2=SSH${T}B H3=SSH${T}C
mkdir -p "$work/up" "$work/down"
cat >"$work/up/roster.csv" <<EOF
户编号,乡镇,村,户主姓名,户主身份证号
$H1,城关镇,小西关社区居民委员会,张甲,$(idno "420325${BIRTH}001")
$H2,城关镇,小西关社区居民委员会,李乙,$(idno "420325${BIRTH}003")
$H3,化龙堰镇,化龙村民委员会,王丙,$(idno "420325${BIRTH}005")
EOF
cp "$work/up/roster.csv" "$work/up/roster-scp.csv"
sftp "${S[@]}" -b - county >"$work/sftp.log" 2>&1 <<EOF
pwd
put $work/up/roster.csv
EOF
ok $? "sftp: put roster.csv" "$work/sftp.log"
grep -q "Remote working directory: $home/eduaid" "$work/sftp.log"
ok $? "  sftp starts in ~/eduaid" "$work/sftp.log"
[ "$(stat -c %U "$home/eduaid/roster.csv" 2>/dev/null)" = "$clerk" ] &&
	cmp -s "$work/up/roster.csv" "$home/eduaid/roster.csv"
ok $? "  the roster is there, the clerk's"
scp "${S[@]}" "$work/up/roster-scp.csv" county: >"$work/scp.log" 2>&1 &&
	cmp -s "$work/up/roster-scp.csv" "$home/eduaid/roster-scp.csv"
ok $? "scp (OpenSSH 9: the sftp protocol) puts into ~/eduaid too" "$work/scp.log"
scp -O "${S[@]}" "$work/up/roster-scp.csv" county:legacy.csv >"$work/scp.log" 2>&1
rc=$?
[ "$rc" != 0 ] && grep -q "use scp without -O" "$work/scp.log" && [ ! -e "$home/eduaid/legacy.csv" ]
ok $? "scp -O (legacy protocol) is refused, saying use scp without -O" "$work/scp.log"

# the ways around a ForceCommand that sftp opens: a ~/.bashrc (Debian's bash
# reads it when sshd starts it) and a ~/.ssh/rc, uploaded by the clerk
printf 'echo PWNED-bashrc\n' >"$work/up/bashrc"
printf 'echo PWNED-sshrc\n' >"$work/up/sshrc"
sftp "${S[@]}" -b - county >"$work/sftp.log" 2>&1 <<EOF
cd ..
put $work/up/bashrc .bashrc
put $work/up/sshrc .ssh/rc
EOF
grep -q PWNED-bashrc "$home/.bashrc" && grep -q PWNED-sshrc "$home/.ssh/rc"
ok $? "sftp reaches the home directory (bounded by the account): ~/.bashrc, ~/.ssh/rc put" "$work/sftp.log"
ssh "${S[@]}" county 'eduaid report --list' </dev/null >"$work/out" 2>&1
rc=$?
[ "$rc" = 0 ] && grep -q '^subsidy' "$work/out" && ! grep -q PWNED "$work/out"
ok $? "  neither runs before a command (login shell /bin/sh, PermitUserRC no; exit $rc)" "$work/out"
rm -f "$home/.bashrc" "$home/.ssh/rc"

# ---- the interactive login, in tmux -----------------------------------------
tui_start_shell 80 24 "env TERM=xterm-256color LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 \
	ssh -F '$work/ssh_config' county 2>'$work/ssh.err'; echo \$? >'$work/exit'; sleep 600" ||
	bail "no tmux session"
tui_wait "您可查看的记录"
ok $? "ssh county lands in eduaid's menu (zh_CN, 80x24)" "$work/ssh.err"
tui_screen | head -n 1 | grep -qF "$clerk@clerk"
ok $? "  logged in as $clerk, a clerk"
[ "$(cluster_psql "$work/pg" -At -c "SELECT count(*) FROM pg_stat_activity WHERE usename = '$clerk' AND application_name LIKE 'eduaid%'")" -ge 1 ]
ok $? "  connected as the role $clerk, by peer authentication over the socket"
tui_menu 名册导入 记录类型
tui_wait "CSV 文件（UTF-8 或 GB18030）："
ok $? "the import screen asks for a file"
tui_type roster.csv
tui_keys Enter
tui_wait "化龙堰镇（420325102）不是您负责的乡镇"
ok $? "roster.csv, a bare name, is read from ~/eduaid; the row of 化龙堰镇 is not the clerk's"
tui_keys Enter
tui_wait "导入"
tui_wait "3 行，3 户"
ok $? "  the import's summary: 3 rows, 3 households"
tui_wait "未比对：化龙堰镇（非您负责），1 行"
ok $? "  the reconciliation leaves 化龙堰镇 out"
tui_screen | grep -F "城关镇" | grep -Eq " 2 +0 +2 "
ok $? "  and counts 城关镇: 2 households, both missing from eduaid"
tui_keys Enter
tui_wait "系统缺少的户"
tui_keys '*'
tui_wait "已标记：2"
ok $? "Enter lists 城关镇's differences; * marks the 2 missing households"
tui_keys F3
tui_wait "为 2 个系统缺少的户及其学生创建草稿"
tui_keys y
tui_wait "已创建 2 个，被拒绝 0 个"
ok $? "F3 creates their drafts"
tui_keys Enter
[ "$(cluster_psql "$work/pg" -d eduaid -At -c "SELECT string_agg(household_no || ':' || created_by, ',' ORDER BY household_no) FROM eduaid.household")" = "$H1:$clerk,$H2:$clerk" ]
ok $? "  the clerk's drafts of 城关镇 are in the database, nothing of 化龙堰镇"
tui_keys Escape
tui_keys Escape
tui_wait "您可查看的记录"
tui_menu 导出 记录类型
tui_wait "导出文件夹：~/eduaid"
ok $? "the export screen's folder is ~/eduaid (paths.files_dir's default when it exists)"
tui_keys F2
f=
for _ in $(seq 1 100); do
	f=$(ls "$home"/eduaid/household-*.csv 2>/dev/null | head -n 1)
	[ -n "$f" ] && break
	sleep 0.1
done
[ -n "$f" ] && [ "$(stat -c '%a %U' "$f")" = "600 $clerk" ] && grep -qF "$H1" "$f"
ok $? "  F2 writes the export there, 0600, the clerk's: ${f##*/}"
tui_keys Escape
tui_wait "您可查看的记录"
tui_quit
for _ in $(seq 1 100); do
	[ -s "$work/exit" ] && break
	sleep 0.1
done
[ "$(cat "$work/exit" 2>/dev/null)" = 0 ]
ok $? "quitting eduaid closes the SSH session (ssh exit $(cat "$work/exit" 2>/dev/null))" "$work/ssh.err"
n=1
for _ in $(seq 1 50); do
	n=$(cluster_psql "$work/pg" -At -c "SELECT count(*) FROM pg_stat_activity WHERE usename = '$clerk'")
	[ "$n" = 0 ] && break
	sleep 0.1
done
[ "$n" = 0 ]
ok $? "  and no backend of $clerk is left ($n)"

# README: the log of logins, collected by root's cron line as postgres
"$admin" -U postgres logins collect >"$work/admin.log" 2>&1 </dev/null &&
	[ "$(psql -U postgres -d eduaid -X -At -c "SELECT count(*) > 0 FROM eduaid.login_event
	                                          WHERE login = '$clerk' AND outcome = 'ok'")" = t ]
ok $? "eduaid-admin -U postgres logins collect: the clerk's SSH session is in the auditor's log of logins" "$work/admin.log"

# ---- the 公示 of 城关镇's subsidy list, through the workflow ----------------------
# The office's other people (no SSH: --no-linux-account) and a school of
# 城关镇 added by the admin; the clerk completes the imported household H1
# (a pupil, the year's record and its grant) and submits it, the officer
# verifies, the supervisor approves and opens the notice -- each as
# themselves (SET SESSION AUTHORIZATION: the four-eyes rules see session_user).
for who in "${clerk}a --name 测试管理员 --role admin" "${clerk}o --name 测试专干 --role officer --township 城关镇" \
	"${clerk}s --name 测试审核 --role supervisor"; do
	# shellcheck disable=SC2086 # the words of $who are the arguments
	"$admin" -U postgres user add $who --county 420325 --no-linux-account >>"$work/admin.log" 2>&1 </dev/null ||
		bail "eduaid-admin user add $who" "$work/admin.log"
done
YEAR=$(date +%Y)
PUPIL=$(idno "420325$((YEAR - 9))0901${T: -3}")
# the import made the household's record of this school year (a draft)
YID=$(psql -U postgres -d eduaid -X -At -c "SELECT y.id FROM eduaid.household_year y
    JOIN eduaid.household h ON h.id = y.household_id WHERE h.household_no = '$H1' AND y.school_year = $YEAR")
NOTICE=$(psql -U postgres -d eduaid -X -q -At -1 -v ON_ERROR_STOP=1 >"$work/notice.log" 2>&1 <<EOF && tail -n 1 "$work/notice.log"
SET SESSION AUTHORIZATION ${clerk}a;
INSERT INTO eduaid.school (township_id, name, kind) VALUES (420325100, '城关镇测试小学', 'primary');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION $clerk;
INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
  SELECT township_id, id, '张小明', '$PUPIL', eduaid.id_sex('$PUPIL'), eduaid.id_birth_date('$PUPIL')
    FROM eduaid.household WHERE household_no = '$H1';
INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage, school_id, grade)
  SELECT y.township_id, y.id, s.id, 'primary',
         (SELECT id FROM eduaid.school WHERE name = '城关镇测试小学'), 3
    FROM eduaid.household_year y JOIN eduaid.student s USING (household_id) WHERE y.id = ${YID:-0};
INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id, program, amount)
  SELECT y.township_id, y.id, s.id, 'compulsory_waiver', 500
    FROM eduaid.household_year y JOIN eduaid.student s USING (household_id) WHERE y.id = ${YID:-0};
SELECT eduaid.submit('household_year', ${YID:-0});
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION ${clerk}o;
SELECT eduaid.verify('household_year', ${YID:-0});
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION ${clerk}s;
SELECT eduaid.approve('household_year', ${YID:-0});
SELECT eduaid.open_notice('household_year', 420325100, $YEAR);
EOF
)
[[ $NOTICE =~ ^[0-9]+$ ]]
ok $? "the admin adds a school; the clerk's household of the roster passes submit, verify, approve; notice $NOTICE opened" "$work/notice.log"

# ---- files out: a script's export and PDFs, downloaded by sftp --------------
ssh "${S[@]}" county "eduaid export household households.csv" </dev/null >"$work/out" 2>"$work/err"
ok $? "ssh county 'eduaid export household households.csv'" "$work/err"
LC_ALL=zh_CN.UTF-8 ssh "${S[@]}" county "eduaid report subsidy --pdf subsidy.pdf" </dev/null >"$work/out" 2>"$work/err"
ok $? "ssh county 'eduaid report subsidy --pdf subsidy.pdf'" "$work/err"
LC_ALL=zh_CN.UTF-8 ssh "${S[@]}" county "eduaid notice print ${NOTICE:-0} --pdf notice.pdf" </dev/null >"$work/out" 2>"$work/err"
ok $? "ssh county 'eduaid notice print $NOTICE --pdf notice.pdf'" "$work/err"
sftp "${S[@]}" -b - county >"$work/sftp.log" 2>&1 <<EOF
lcd $work/down
get households.csv
get subsidy.pdf
get notice.pdf
EOF
ok $? "sftp: get households.csv subsidy.pdf notice.pdf" "$work/sftp.log"
pdftotext -layout "$work/down/notice.pdf" "$work/down/notice.txt" 2>"$work/err" &&
	grep -Eq '城关镇 +张甲 +两免 +500\.00' "$work/down/notice.txt" &&
	tr -d ' \t' <"$work/down/notice.txt" | grep -qF '合计：1条，金额500.00元' &&
	grep -qF '审核人' "$work/down/notice.txt" && tr -d ' \t' <"$work/down/notice.txt" | grep -qF '第1页共1页'
ok $? "  the PDF notice (pdftotext): 城关镇's 公示, its one line (张甲, 两免, 500.00), the total, signatures, page 1 of 1" \
	"$work/down/notice.txt"
code=$(grep -Eo 'eduaid-notice/1:[0-9]+:[0-9]+:[0-9a-f]{64}' "$work/down/notice.txt" | head -n 1)
ssh "${S[@]}" county "eduaid notice verify $code" </dev/null >"$work/out" 2>"$work/err" &&
	grep -q "^sheet-ok	${NOTICE:-x}	1	1" "$work/out"
ok $? "  its QR code's text, checked over ssh: eduaid notice verify says the sheet is the database's" "$work/err"
grep -qF "$H1" "$work/down/households.csv" && grep -qF "$H2" "$work/down/households.csv" &&
	! grep -qF "$H3" "$work/down/households.csv"
ok $? "  the export holds the clerk's two households of 城关镇, not 化龙堰镇's" "$work/down/households.csv"
pdftotext -layout "$work/down/subsidy.pdf" "$work/down/subsidy.txt" 2>"$work/err" &&
	grep -qF 城关镇 "$work/down/subsidy.txt" && ! grep -qF 化龙堰镇 "$work/down/subsidy.txt"
ok $? "  the PDF report (pdftotext) lists 城关镇 and no other township" "$work/down/subsidy.txt"

# ---- disabled: no more SSH logins --------------------------------------------
"$admin" -U postgres user disable "$clerk" >"$work/admin.log" 2>&1 </dev/null
ok $? "eduaid-admin -U postgres user disable $clerk" "$work/admin.log"
ssh "${S[@]}" county 'eduaid report --list' </dev/null >"$work/out" 2>"$work/err"
rc=$?
[ "$rc" = 255 ]
ok $? "  and sshd refuses the clerk's key (the Linux account expired; exit $rc)" "$work/err"
"$admin" -U postgres user enable "$clerk" >"$work/admin.log" 2>&1 </dev/null &&
	ssh "${S[@]}" county 'eduaid report --list' </dev/null >"$work/out" 2>"$work/err"
ok $? "eduaid-admin user enable: the clerk logs in again" "$work/err"

summary
[ "$nfail" = 0 ]
