#!/usr/bin/env bash
# tests/db/58_tls.t: production authentication (issue 14) on a throwaway
# cluster of its own -- a copy of the demo template (tests/db/democluster.sh)
# restarted with what the README's "Production authentication" says:
# ssl = on with a certificate for 'localhost' signed by a throwaway CA
# (openssl), pg_hba.conf with hostssl scram-sha-256 and host ... reject,
# auth_delay (200 ms), csvlog with log_connections, on a free loopback port.
#
# TCP only over TLS: the client (`eduaid report`) connects with
# sslmode=verify-full and the CA, and the session is TLS (pg_stat_ssl); a
# connection without TLS (sslmode=disable) is refused; verify-full against
# a host name the certificate is not for (127.0.0.1) fails, and the client
# says so in Chinese words before libpq's text (a command and the login
# screen). `eduaid-admin check` passes
# on this cluster (auth_delay, the log of logins, no host line) and fails
# on a `host ... scram-sha-256` line for eduaid logins.
# Failed logins slowed: a wrong password takes at least the delay (a
# behaviour, not a benchmark: without auth_delay it takes a few ms).
# Each failed login visible: after `eduaid-admin logins collect` (twice:
# nothing added twice) the auditor, over TLS, reads the wrong
# password, the role that does not exist (by the name typed), the
# connection refused without TLS, and the successful login; and the
# auditor's screen (eduaid --headless, the log of logins) shows them.
# Cost: about 10 s wall, 5 s CPU once the demo template of the day exists
# (shared with tests/tui; making it takes minutes): a copy, two restarts,
# openssl EC keys, a dozen connections.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
bin=${top_builddir:-$top_srcdir}/eduaid
admin=${top_builddir:-$top_srcdir}/admin/eduaid-admin

if ! . "$top_srcdir/tests/db/lib.sh"; then
	printf '1..1\nnot ok 1 - tests/db/lib.sh loads\n'
	exit 1
fi
# shellcheck source=democluster.sh
. "$top_srcdir/tests/db/democluster.sh"
if ! command -v openssl >/dev/null; then
	printf '1..0 # SKIP no openssl (tools/deps installs it)\n'
	exit 0
fi
export EDUAID_SQLDIR=$top_srcdir/sql EDUAID_FORMS_DIR=$top_srcdir/forms \
	EDUAID_ADMIN_CONF=/dev/null LC_ALL=C.UTF-8 LANGUAGE=en

democluster_scratch tls || exit 1
if ! democluster_up "$work" demo 2>"$work/up.log"; then
	printf '1..1\nnot ok 1 - a copy of the demo cluster starts\n'
	sed 's/^/# /' "$work/up.log"
	exit 1
fi
pg=$work/pg
data=$pg/data
SU=$EDUAID_SUPERUSER
cd "$work" || exit 1

# ---- a CA and a certificate for localhost ----------------------------------------
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
{
	openssl req -x509 "${ec[@]}" -days 2 -subj /CN=eduaid-test-ca -keyout ca.key -out ca.crt &&
		openssl req "${ec[@]}" -subj /CN=localhost -keyout server.key -out server.csr &&
		printf 'subjectAltName = DNS:localhost\n' >san.ext &&
		openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
			-extfile san.ext -out server.crt
} >openssl.log 2>&1 || {
	printf '1..1\nnot ok 1 - openssl makes a CA and a server certificate\n'
	sed 's/^/# /' openssl.log
	exit 1
}
cp server.crt server.key "$data/" && chmod 600 "$data/server.key"
_cluster_is_root && chown postgres: "$data/server.crt" "$data/server.key"

# ---- the production configuration -------------------------------------------------
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cluster_stop "$pg" fast
cat >>"$data/cluster.conf" <<-CONF
	# tests/db/58_tls.t: as README "Production authentication"
	port = $port
	listen_addresses = '127.0.0.1'
	ssl = on
	ssl_cert_file = 'server.crt'
	ssl_key_file = 'server.key'
	password_encryption = 'scram-sha-256'
	shared_preload_libraries = 'auth_delay'
	auth_delay.milliseconds = 200
	logging_collector = on
	log_destination = 'stderr,csvlog'
	log_directory = 'log'
	log_connections = on
	lc_messages = 'C'
CONF
cat >"$data/pg_hba.conf" <<-HBA
	local   all  $SU  trust
	local   all  all  scram-sha-256
	hostssl all  all  127.0.0.1/32  scram-sha-256
	host    all  all  127.0.0.1/32  reject
	host    all  all  ::1/128       reject
HBA
CLUSTER_PORT=$port
export PGPORT=$port
if ! cluster_start "$pg" 2>start.err; then
	printf '1..1\nnot ok 1 - the cluster starts with ssl, auth_delay and csvlog\n'
	sed 's/^/# /' start.err
	exit 1
fi
PW='Tls-test-2026!'
db_psql_super -c "ALTER ROLE demo_clerk PASSWORD '$PW' VALID UNTIL 'infinity'" \
	-c "ALTER ROLE demo_auditor PASSWORD '$PW' VALID UNTIL 'infinity'" >/dev/null

tls="host=localhost hostaddr=127.0.0.1 port=$port dbname=$PGDATABASE sslmode=verify-full sslrootcert=$work/ca.crt"
report=$("$bin" report --list | awk 'NR == 1 { print $1 }')
for gmo in "${top_builddir:-$top_srcdir}/po/zh_CN.gmo" "$top_srcdir/po/zh_CN.gmo"; do
	[[ -f $gmo ]] && break
done
mkdir -p locale/zh_CN/LC_MESSAGES && cp "$gmo" locale/zh_CN/LC_MESSAGES/eduaid.mo
zh() { LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN EDUAID_LOCALEDIR="$work/locale" "$@"; }
has() {
	if grep -qF -- "$2" "$1"; then
		tap_pass "$3"
	else
		tap_fail "$3" "wanted: $2" "$(sed 's/^/  /' "$1" | head -20)"
	fi
}

# ---- eduaid-admin check ---------------------------------------------------------------
"$admin" -U "$SU" check >out 2>err
tap_is "$?" 0 "check passes on the production configuration"
has out "auth_delay 200 ms" "  it saw auth_delay (200 ms) preloaded"
has out "TCP for eduaid logins only over TLS" "  and that TCP is TLS only"
cp "$data/pg_hba.conf" hba.saved
printf 'host eduaid_test +eduaid_clerk 10.0.0.0/8 scram-sha-256\n' >>"$data/pg_hba.conf"
"$admin" -U "$SU" check >out 2>err
tap_is "$?" 1 "check fails on a host (non-TLS) line for eduaid logins"
has err "lets eduaid logins in over TCP without TLS: line 6 (host eduaid_test +eduaid_clerk" "  naming the line"
cp hba.saved "$data/pg_hba.conf"

# ---- TCP only over TLS ---------------------------------------------------------------
PGPASSWORD=$PW "$bin" -U demo_clerk -d "$tls" report "$report" >report.csv 2>err
tap_is "$?" 0 "eduaid report connects with sslmode=verify-full and the CA"
tap_is "$(($(wc -l <report.csv) > 1))" 1 "  and prints the report"
tap_is "$(PGPASSWORD=$PW psql -X -A -t -d "$tls user=demo_clerk" \
	-c 'SELECT ssl, version IS NOT NULL FROM pg_stat_ssl WHERE pid = pg_backend_pid()')" "t|t" \
	"the session of such a connection is TLS"
PGPASSWORD=$PW "$bin" -U demo_clerk -d "host=127.0.0.1 port=$port dbname=$PGDATABASE sslmode=disable" \
	report "$report" >out 2>err
tap_is "$(($? != 0))" 1 "a connection without TLS (sslmode=disable) is refused"
has err "no encryption" "  by pg_hba.conf (host ... reject)"
PGPASSWORD=$PW zh "$bin" -U demo_clerk -d "host=127.0.0.1 port=$port dbname=$PGDATABASE sslmode=disable" \
	report "$report" >out 2>err
has err "服务器拒绝此连接" "  and the client says so in Chinese"
PGPASSWORD=$PW zh "$bin" -U demo_clerk \
	-d "host=127.0.0.1 port=$port dbname=$PGDATABASE sslmode=verify-full sslrootcert=$work/ca.crt" \
	report "$report" >out 2>err
tap_is "$(($? != 0))" 1 "verify-full against a host name the certificate is not for (127.0.0.1) fails"
has err "无法验证服务器证书" "  and the client says in Chinese that the certificate is not for this host"
has err 'does not match host name "127.0.0.1"' "  then libpq's words"
printf '<dump login_tls>\n' >login.keys
mkdir -p home
HOME=$work/home PGPASSWORD=$PW TZ=Asia/Shanghai zh timeout -k 5 60 "$bin" \
	-c "$top_srcdir/conf/eduaid.conf" -U demo_clerk \
	-d "host=127.0.0.1 port=$port dbname=$PGDATABASE sslmode=verify-full sslrootcert=$work/ca.crt" \
	--headless=80x24 --keys=login.keys >login.out 2>login.err </dev/null
has login.out "无法验证服务器证书" "  and so does the login screen"

# ---- failed logins slowed --------------------------------------------------------------
t0=$(date +%s%N)
PGPASSWORD=wrong-password psql -X -A -t -d "$tls user=demo_clerk" -c 'SELECT 1' >/dev/null 2>err
rc=$?
ms=$((($(date +%s%N) - t0) / 1000000))
tap_is "$rc" 2 "a wrong password is refused"
tap_is "$((ms >= 200))" 1 "  after the auth_delay of 200 ms at least (took $ms ms)"
PGPASSWORD=wrong-password psql -X -A -t -d "$tls user=no_such_t58" -c 'SELECT 1' >/dev/null 2>&1
tap_is "$?" 2 "a role that does not exist is refused"

# ---- each failed login visible to the auditor -------------------------------------------
sleep 0.3 # the logging collector writes asynchronously
"$admin" -U "$SU" logins collect >out 2>err
tap_is "$?" 0 "eduaid-admin logins collect"
has out "login event(s) added" "  says what it added"
"$admin" -U "$SU" logins collect >out 2>err
tap_is "$?" 0 "collecting again"
tap_is "$(db_psql_super -c "SELECT count(*) FROM eduaid.login_event WHERE login = 'no_such_t58'")" 1 \
	"  adds nothing twice (only the connections made since, its own among them)"
PGPASSWORD=$PW "$admin" -U demo_auditor -d "$tls" logins collect >out 2>err
tap_is "$?" 1 "the auditor cannot collect"
aud() { PGPASSWORD=$PW psql -X -A -t -F ' ' -d "$tls user=demo_auditor" -c "$1"; }
tap_is "$(aud "SELECT outcome, reason FROM eduaid.login_event WHERE login = 'demo_clerk'
               AND reason = 'password' ORDER BY at DESC LIMIT 1")" "failed password" \
	"the auditor (over TLS) reads the wrong password of demo_clerk"
tap_is "$(aud "SELECT outcome, reason, client FROM eduaid.login_event WHERE login = 'no_such_t58'")" \
	"failed no_role 127.0.0.1" "  the role that does not exist, by the name typed"
tap_is "$(aud "SELECT count(*) > 0 FROM eduaid.login_event WHERE login = 'demo_clerk'
               AND reason = 'rejected'")" "t" "  the connection refused without TLS"
tap_is "$(aud "SELECT count(*) > 0 FROM eduaid.login_event WHERE login = 'demo_clerk'
               AND outcome = 'ok' AND database = '$PGDATABASE'")" "t" "  and demo_clerk's logins"

# The auditor's screen, over TLS: the log of logins, failures first.
mkdir -p home
printf '<End><Enter><dump logins>\n' >logins.keys
HOME=$work/home PGPASSWORD=$PW TZ=Asia/Shanghai zh timeout -k 5 60 "$bin" \
	-c "$top_srcdir/conf/eduaid.conf" -U demo_auditor -d "$tls" --headless=80x24 \
	--keys=logins.keys >screen.out 2>screen.err </dev/null
tap_is "$?" 0 "the auditor's screen runs over TLS"
has screen.out "no_such_t58" "  its log of logins shows the role that does not exist"
has screen.out "用户不存在" "  and why, in Chinese"

tap_done
