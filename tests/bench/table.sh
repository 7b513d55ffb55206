#!/usr/bin/env bash
# tests/bench/table.sh: `make bench` -- run the benchmarks of tests/bench,
# each against its reference measured in the same run, and print one
# table (tests/bench/format.sh): figure, eduaid, reference, ratio (pair by
# pair), median (min..max), runs, target; above it the machine and the
# command, so that the README's Performance section can be this output.
#
# Usage: tests/bench/table.sh   (or `make bench`, which builds first)
# Environment:
#   BENCH_QUICK=1   few runs and small data (a few minutes): queue.sh and
#                   reports.sh, which need 1-2 million generated records,
#                   are left out unless BENCH_ONLY names them
#   BENCH_ONLY="startup import ..."   only these benchmarks
#   BENCH_OUT=DIR   keep each benchmark's output (NAME.log) and the runs
#                   (runs.tsv) there (default: a temporary directory, kept
#                   only when a benchmark could not run)
#   top_builddir    where eduaid and tests/bench's programs are built
#
# A benchmark is a function bench_NAME below that runs its script with the
# sizes for the mode; the scripts append their runs to $BENCH_TSV
# (tests/bench/lib.sh: bench_emit, bench_pairs, bench_runs). To add a row:
# emit it from a script (or a new script and a bench_NAME here, listed in
# ALL). Exit status: 0, 1 when a target is missed, 2 when a benchmark could
# not run.
# shellcheck disable=SC2317 # (the bench_NAME functions are called by name)
set -uo pipefail

top_srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export top_builddir=${top_builddir:-$top_srcdir}
quick=${BENCH_QUICK:-0}
[[ $quick == 0 ]] && quick=''
ALL="startup import export ledgers queue reports search"
bench=$top_srcdir/tests/bench

bench_startup() {
	if [[ -n $quick ]]; then
		RUNS=3 PAGES=5 "$bench/startup.sh"
	else
		RUNS=11 PAGES=10 "$bench/startup.sh"
	fi
}
bench_import() {
	if [[ -n $quick ]]; then
		ROWS=20000 RUNS=3 "$bench/import.sh"
	else
		ROWS=100000 RUNS=5 "$bench/import.sh"
	fi
}
bench_export() {
	if [[ -n $quick ]]; then
		RUNS=3 "$bench/export.sh" 20000
	else
		RUNS=5 "$bench/export.sh" 300000
	fi
}
bench_ledgers() {
	if [[ -n $quick ]]; then
		STUDENTS=100000 RUNS=3 WARMUP=1 "$bench/ledgers.sh"
	else
		"$bench/ledgers.sh"
	fi
}
bench_queue() { "$bench/queue.sh"; }
# the `/` search, the queue's search and the reports at a county's scale
# (1,000,000 households: about 16 minutes to generate; quick: 20,000)
bench_search() {
	if [[ -n $quick ]]; then
		SCALE=0.02 RUNS=3 WARMUP=1 CASE_TIMEOUT=60 "$bench/search.sh"
	else
		SCALE=1 RUNS=7 WARMUP=2 "$bench/search.sh"
	fi
}
bench_reports() { "$bench/reports.sh"; }
# the benchmarks too big for a quick run
big="queue reports"

out=${BENCH_OUT:-}
if [[ -z $out ]]; then
	out=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-bench-table.XXXXXX") || exit 2
	tmp_out=1
else
	mkdir -p "$out" || exit 2
	tmp_out=0
fi
export BENCH_TSV=$out/runs.tsv
: >"$BENCH_TSV"

ran=() skipped=() failed=() status=0
for b in ${BENCH_ONLY:-$ALL}; do
	if ! declare -F "bench_$b" >/dev/null; then
		echo "table.sh: no benchmark $b (there are: $ALL)" >&2
		exit 2
	fi
	if [[ -n $quick && -z ${BENCH_ONLY:-} && " $big " == *" $b "* ]]; then
		skipped+=("$b")
		continue
	fi
	printf 'table.sh: %s ...\n' "$b" >&2
	t0=$SECONDS
	"bench_$b" >"$out/$b.log" 2>&1
	rc=$?
	printf 'table.sh: %s: exit %d after %d s (%s)\n' "$b" "$rc" $((SECONDS - t0)) "$out/$b.log" >&2
	if ((rc >= 2)); then
		failed+=("$b")
		status=2
		tail -n 5 "$out/$b.log" | sed 's/^/    /' >&2
	else
		ran+=("$b")
	fi
done

model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
pgv=$(psql --version 2>/dev/null | awk '{ print $3 }')
printf 'Machine: %s CPUs (nproc), %s; PostgreSQL %s; %s\n' "$(nproc)" "${model:-unknown CPU}" \
	"${pgv:-?}" "$(date '+%Y-%m-%d')"
printf 'Command: %smake bench; eduaid %s\n' "$([[ -n $quick ]] && echo 'BENCH_QUICK=1 ')" \
	"$(git -C "$top_srcdir" describe --always --dirty 2>/dev/null || echo '?')"
printf 'Benchmarks: %s' "${ran[*]:-none}"
((${#skipped[@]})) && printf '; not run (BENCH_QUICK): %s' "${skipped[*]}"
((${#failed[@]})) && printf '; COULD NOT RUN: %s' "${failed[*]}"
printf '\n\n'
"$bench/format.sh" "$BENCH_TSV"
rc=$?
((rc == 1 && status == 0)) && status=1
((rc >= 2)) && status=2
if ((tmp_out && status < 2)); then
	rm -rf -- "$out"
else
	printf '\n(the runs and each benchmark'\''s output: %s)\n' "$out"
fi
exit "$status"
