#!/bin/bash
# tests/unit/cli_matrix.sh: every subcommand of `eduaid --help`, with no
# arguments, with each kind of bad argument (an unknown option, an option
# without its value, a bad value, a missing or extra operand) and with
# --help: the exit status is the documented one (0 for help, 2 for a
# usage error, found before connecting) and nothing crashes -- no signal,
# no sanitizer report (issue 13). No server: the connection string points
# at a socket that is not there, so a case that got past its argument
# checks fails to connect (exit 1 or 2, naming the socket), never hangs. Cases whose status comes from the server are
# the db suites' (tests/db/4*.t).
#
# Under tools/test's sanitizer pass the binary is built with
# -fsanitize=address,undefined: a report is written to a log file (not the
# terminal) and fails the case that made it. A TAP stream, one assertion
# per case and language (English and Chinese). Then psql's option letters
# (issue 14): -h HOST and -p PORT reach libpq (the socket they name is
# the one it tries), over the configuration's conninfo, with -d a plain
# database name or a whole connection string. Cost: 266 runs of eduaid,
# 10-25 s on 2 busy cores, about twice that under ASan.
set -f # the cases hold -? : no file name expansion
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${top_builddir:-$top}
bin=$build/eduaid
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
nodb="host=$work/no-server connect_timeout=2"

# STATUS ARGS...: one case per line; arguments have no blanks.
cases='
0 --help
0 -?
2 -h
2 -p
0 help
0 -V
0 --version
2 --frob
2 -c
2 -d
2 -U
2 --headless=abc
2 --headless=0x0
2 frob
2 help --frob
2 -c /nonexistent/eduaid.conf rates list
0 check-id --help
0 check-id -?
0 check-id
2 check-id --frob
1 check-id 123
1 check-id 11010519491231002x
0 check-id 11010519491231002X
0 export --help
0 export -?
2 export
2 export household
2 export --frob
2 export household f.csv --frob
2 export household f.csv --status
2 export household f.csv --township
2 export household f.csv --encoding
2 export household f.csv --encoding latin1
2 export household f.csv extra
2 export -h
0 import --help
0 import -?
2 import
2 import --frob
2 import roster
2 import frob x.csv
2 import roster --encoding
2 import roster --encoding latin1 x.csv
2 import roster a.csv b.csv
2 import roster /nonexistent/roster.csv
0 rates --help
0 rates -?
2 rates
2 rates --frob
2 rates frob
2 rates list --year
2 rates list --year abc
2 rates list --frob
2 rates set
2 rates set a b c d
2 rates set preschool_aid 2025 junior maybe 1
2 rates delete
2 rates delete a b c
0 reconcile --help
0 reconcile -?
2 reconcile
2 reconcile --frob
2 reconcile abc
2 reconcile -5
2 reconcile 1 2
2 reconcile 1 --township
2 reconcile 1 --csv
2 reconcile 1 --csv f.csv --encoding
2 reconcile 1 --csv f.csv --encoding latin1
2 reconcile 1 --encoding gb18030
0 notice --help
0 notice -?
2 notice
2 notice --frob
2 notice frob
2 notice list x
2 notice print
2 notice open
2 notice open household_year
2 notice open household_year T 2025 --ends
2 notice open teacher_fund P 2025 --title
2 notice close
2 notice close 1 2
2 notice verify
0 admission --help
0 admission -?
2 admission
2 admission --frob
2 admission frob
2 admission notice
2 admission notice --year abc
2 admission outcome
2 admission outcome x --admitted
2 admission outcome 1 --admitted
0 report --help
0 report -?
0 report --list
2 report --list x
2 report x --list
2 report
2 report --frob
2 report frob
2 report a b
2 report township_summary --year
2 report township_summary --year abc
2 report township_summary --township
2 report township_summary --encoding
2 report township_summary --encoding latin1
2 report township_summary -o
2 report --freeze
2 report --reprint
2 report --reprint x
2 report --frozen a b
0 teachers --help
0 teachers -?
2 teachers
2 teachers --frob
2 teachers frob
2 teachers import
2 teachers import a b
2 teachers import f --encoding latin1
0 user --help
0 user -?
2 user
2 user --frob
2 user frob
2 user request-create
2 user request-create bob
2 user request-create bob --name
2 user request-create bob --name N --role
2 user request-create bob --name N --role clerk --township
2 user request-password
2 user request-townships
2 user request-townships bob
2 user request-enable
2 user pending x
2 user approve
2 user approve abc
2 user refuse 1
2 user refuse 1 --reason
2 user disable
0 pairing --help
0 pairing -?
0 pairing print --help
2 pairing
2 pairing frob
2 pairing print
2 pairing print frob
2 pairing print bulletin
2 pairing print bulletin --pdf
2 pairing print bulletin --quarter 5 --pdf f.pdf
2 pairing print bulletin --year abc --pdf f.pdf
2 pairing print notice --pdf f.pdf
2 pairing print notice x --pdf f.pdf
2 pairing print notice 1 2 --pdf f.pdf
2 pairing print scores --year
'

# Every command `eduaid --help` lists must have cases here.
commands=$(LANG=C "$bin" --help 2>/dev/null | awk '/^Commands:/ { on = 1; next }
	on && /^  [a-z]/ { print $1 }')
ncases=$(printf '%s\n' "$cases" | grep -c .)
printf '1..%d\n' $((1 + 2 * ncases + 5))
missing=
for c in $commands; do
	printf '%s\n' "$cases" | grep -qE "^[0-9] $c( |\$)" || missing="$missing $c"
done
if [ -n "$commands" ] && [ -z "$missing" ]; then
	printf 'ok 1 - every command of eduaid --help has cases (%s)\n' "$(paste -sd' ' <<<"$commands")"
else
	printf 'not ok 1 - every command of eduaid --help has cases\n#   missing:%s\n' "${missing:- (eduaid --help lists none)}"
fi

# Sanitizer reports go to files in $work/san, whatever the caller's
# options say about the rest.
san=$work/san
mkdir -p "$san"
asan_opts="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$san/asan"
ubsan_opts="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$san/ubsan"

n=1
run_case() { # LANG STATUS ARGS...
	local lang=$1 want=$2 rc reports
	shift 2
	n=$((n + 1))
	env -C "$work" -u LC_ALL -u LANGUAGE LANG="$lang" HOME="$work" \
		EDUAID_CONF= ASAN_OPTIONS="$asan_opts" UBSAN_OPTIONS="$ubsan_opts" \
		timeout 20 "$bin" -d "$nodb" "$@" </dev/null >"$work/out" 2>&1
	rc=$?
	reports=
	for f in "$san"/*; do
		[ -e "$f" ] && reports="$reports $f"
	done
	# a usage error is found before connecting: the socket is never named
	if [ "$rc" = "$want" ] && [ -z "$reports" ] &&
		! { [ "$want" = 2 ] && grep -q "$work/no-server" "$work/out"; }; then
		printf 'ok %d - %s: eduaid %s exits %s\n' "$n" "$lang" "$*" "$want"
		return
	fi
	printf 'not ok %d - %s: eduaid %s exits %s\n' "$n" "$lang" "$*" "$want"
	if grep -q "$work/no-server" "$work/out"; then
		printf '#   a usage error said after connecting (or trying to)\n'
	fi
	if [ "$rc" -ge 124 ]; then
		printf '#   exit %d: killed by a signal or timed out\n' "$rc"
	else
		printf '#   exit %d\n' "$rc"
	fi
	head -n 5 "$work/out" | sed 's/^/#   /'
	for f in $reports; do
		printf '#   sanitizer report %s:\n' "${f##*/}"
		head -n 30 "$f" | sed 's/^/#   /'
		rm -f "$f"
	done
}

for lang in C zh_CN.UTF-8; do
	while read -r want args; do
		[ -n "$want" ] || continue
		# shellcheck disable=SC2086 # the arguments are words
		run_case "$lang" "$want" $args
	done <<<"$cases"
done

# psql's letters: which socket libpq tried shows where -h, -p and -d went.
# The configuration names one socket; the command line overrides it.
conf=$work/conn.conf
printf 'database: { conninfo = "host=%s/conf-dir port=5111 dbname=x connect_timeout=2"; };\n' \
	"$work" >"$conf"
conn_case() { # WHAT EXPECTED-SOCKET ARGS...
	local what=$1 sock=$2
	shift 2
	n=$((n + 1))
	env -C "$work" -u LC_ALL -u LANGUAGE -u PGHOST -u PGPORT -u PGDATABASE \
		LANG=C HOME="$work" EDUAID_CONF="$conf" ASAN_OPTIONS="$asan_opts" \
		UBSAN_OPTIONS="$ubsan_opts" timeout 20 "$bin" "$@" rates list \
		</dev/null >"$work/out" 2>&1
	rc=$?
	if { [ "$rc" = 1 ] || [ "$rc" = 2 ]; } && grep -qF "$sock" "$work/out"; then
		printf 'ok %d - %s\n' "$n" "$what"
	else
		printf 'not ok %d - %s\n#   exit %d, wanted a try at %s\n' "$n" "$what" "$rc" "$sock"
		head -n 5 "$work/out" | sed 's/^/#   /'
	fi
}
conn_case "the configured host and port" "$work/conf-dir/.s.PGSQL.5111"
conn_case "-h HOST overrides the configured host" "$work/h-dir/.s.PGSQL.5111" \
	-h "$work/h-dir"
conn_case "-p PORT overrides the configured port" "$work/conf-dir/.s.PGSQL.5222" \
	-p 5222
conn_case "-d DBNAME keeps the configured host; -h and -p over it" \
	"$work/h-dir/.s.PGSQL.5333" -d other -h "$work/h-dir" -p 5333
conn_case "-d URI replaces the configuration; -h over a URI" \
	"$work/u-dir/.s.PGSQL.5444" -d "postgresql:///x?port=5444&connect_timeout=2" \
	-h "$work/u-dir"
