# shellcheck shell=bash
# tests/bench/lib.sh: how every benchmark begins, and what they share.
# Source it from a benchmark after setting top_srcdir (and keep=1 to keep
# the cluster at exit):
#
#   bench_start NAME     a throwaway cluster of its own (tools/lib/cluster.sh,
#                        --fast: never for real data), database eduaid with
#                        the schema (sql/migrate.sh), 房县's divisions and the
#                        demo users (sql/data/reference.sql, users.sql). Sets
#                        work (a scratch directory), su (the superuser), and
#                        exports PGHOST, PGPORT, PGDATABASE; an EXIT trap
#                        removes both unless keep=1 (then it says how to reach
#                        and remove them). Exits 2 when any of it fails.
#   say TEXT...          a line on stderr
#   sql ARGS...          psql as the superuser (ON_ERROR_STOP, no ~/.psqlrc)
#   sql_as USER ARGS...  psql as USER
#   median_ms USER SQL [DECIMALS]
#                        the median "Execution Time" of RUNS EXPLAIN ANALYZE
#                        runs of SQL in one session as USER, after WARMUP runs

: "${top_srcdir:?set top_srcdir before sourcing tests/bench/lib.sh}"
# shellcheck source-path=SCRIPTDIR source=../../tools/lib/cluster.sh
. "$top_srcdir/tools/lib/cluster.sh"
pgbin=$(cluster_pgbin) || exit 2
PATH=$pgbin:$PATH

say() {
	printf '%s\n' "$*" >&2
}

sql() {
	psql -X -q -v ON_ERROR_STOP=1 -U "$su" "$@"
}

sql_as() {
	local who=$1
	shift
	psql -X -q -v ON_ERROR_STOP=1 -U "$who" "$@"
}

# shellcheck disable=SC2317 # (called by the trap)
bench_cleanup() {
	if ((${keep:-0})); then
		say "$bench_name: cluster kept in $work/pg:"
		say "  psql -h $(cluster_sockdir "$work/pg" 2>/dev/null) -U $(cluster_superuser) eduaid"
		say "  remove it: bash -c '. $top_srcdir/tools/lib/cluster.sh; cluster_destroy $work/pg; rm -rf $work'"
	else
		cluster_destroy "$work/pg" >/dev/null 2>&1 || true
		rm -rf -- "$work"
	fi
}

bench_start() { # NAME
	bench_name=$1
	unset PGHOSTADDR PGSERVICE PGOPTIONS PGUSER PGPASSWORD PGDATABASE PGTZ PGAPPNAME
	export PGCLIENTENCODING=UTF8
	work=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-bench.XXXXXX") || exit 2
	trap bench_cleanup EXIT
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 143' TERM
	if [[ $(id -u) -eq 0 ]]; then
		chown postgres: -- "$work"
	fi
	cluster_init "$work/pg" --fast >/dev/null || exit 2
	cluster_start "$work/pg" >/dev/null || exit 2
	su=$(cluster_superuser)
	export PGHOST PGPORT=$CLUSTER_PORT PGDATABASE=eduaid
	PGHOST=$(cluster_sockdir "$work/pg")
	cluster_psql "$work/pg" -q -c 'CREATE DATABASE eduaid' || exit 2
	say "$bench_name: migrating and loading 房县's divisions and users"
	PGUSER=$su "$top_srcdir/sql/migrate.sh" >"$work/migrate.log" 2>&1 || {
		cat "$work/migrate.log" >&2
		exit 2
	}
	(cd "$top_srcdir/sql/data" && for f in reference.sql users.sql; do
		sql -o /dev/null -f "$f" || exit 2
	done) || exit 2
}

median_ms() { # USER SQL [DECIMALS]
	local who=$1 query=$2 decimals=${3:-3} i
	for ((i = 0; i < WARMUP + RUNS; i++)); do
		printf 'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) %s;\n' "$query"
	done | psql -X -q -A -t -v ON_ERROR_STOP=1 -U "$who" -f - |
		grep -o '"Execution Time": [0-9.]*' |
		awk -v w="$WARMUP" '++n > w { print $3 }' | sort -g |
		awk -v d="$decimals" '{ a[NR] = $1 } END { if (NR == 0) exit 1
		      f = "%." d "f\n"
		      if (NR % 2) printf f, a[(NR + 1) / 2]
		      else printf f, (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# Machine-readable figures for tests/bench/table.sh (tests/bench/format.sh
# reads them). When BENCH_TSV names a file, each benchmark appends one line
# per measured run:
#   FIGURE <TAB> REFERENCE <TAB> EDUAID_MS <TAB> REFERENCE_MS [<TAB> TARGET_MS]
# REFERENCE names what EDUAID_MS is held against (REFERENCE_MS "-" when
# there is none); the two were measured one after the other (A B A B ...),
# so their ratio is taken run by run. TARGET_MS, when given, is the most
# eduaid's median may take. Without BENCH_TSV nothing is written.
#
#   bench_emit FIGURE REFERENCE EDUAID_MS REFERENCE_MS [TARGET_MS]
#   bench_pairs FIGURE REFERENCE USER_A SQL_A USER_B SQL_B [TARGET_MS]
#                        RUNS pairs (after WARMUP) of the server's execution
#                        time of SQL_A as USER_A then SQL_B as USER_B,
#                        interleaved in one session of the superuser (SET
#                        SESSION AUTHORIZATION: row-level security applies
#                        as when USER logs in), each pair emitted
#   bench_runs FIGURE USER SQL [TARGET_MS]
#                        RUNS runs (after WARMUP) of SQL as USER, no
#                        reference (server time against a target only)
bench_emit() {
	[[ -n ${BENCH_TSV:-} ]] || return 0
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5:-}" >>"$BENCH_TSV"
}

bench_pairs() { # FIGURE REFERENCE USER_A SQL_A USER_B SQL_B [TARGET_MS]
	[[ -n ${BENCH_TSV:-} ]] || return 0
	local fig=$1 ref=$2 ua=$3 qa=$4 ub=$5 qb=$6 target=${7:-} i
	for ((i = 0; i < ${WARMUP:-2} + ${RUNS:-7}; i++)); do
		printf 'SET SESSION AUTHORIZATION %s;\nEXPLAIN (ANALYZE, FORMAT JSON) %s;\nRESET SESSION AUTHORIZATION;\n' "$ua" "$qa"
		printf 'SET SESSION AUTHORIZATION %s;\nEXPLAIN (ANALYZE, FORMAT JSON) %s;\nRESET SESSION AUTHORIZATION;\n' "$ub" "$qb"
	done | sql -A -t -f - | grep -o '"Execution Time": [0-9.]*' | awk '{ print $3 }' |
		paste - - | awk -v w="${WARMUP:-2}" -v f="$fig" -v r="$ref" -v t="$target" \
		'++n > w { printf "%s\t%s\t%s\t%s\t%s\n", f, r, $1, $2, t }' >>"$BENCH_TSV"
}

bench_runs() { # FIGURE USER SQL [TARGET_MS]
	[[ -n ${BENCH_TSV:-} ]] || return 0
	local i
	for ((i = 0; i < ${WARMUP:-2} + ${RUNS:-7}; i++)); do
		printf 'SET SESSION AUTHORIZATION %s;\nEXPLAIN (ANALYZE, FORMAT JSON) %s;\nRESET SESSION AUTHORIZATION;\n' "$2" "$3"
	done | sql -A -t -f - | grep -o '"Execution Time": [0-9.]*' |
		awk -v w="${WARMUP:-2}" -v f="$1" -v t="${4:-}" \
		'++n > w { printf "%s\t-\t%s\t-\t%s\n", f, $3, t }' >>"$BENCH_TSV"
}
