#!/usr/bin/env bash
# tests/fuzz/sanitize.sh: the sanitizer pass of tools/test (issue 13).
# Builds eduaid once more with clang -fsanitize=address,undefined in a
# separate tree and runs there the unit suites, the command-line matrix,
# the CLI tests of the database suite (tests/db/4*.t, each on a copy of
# the demo cluster through tests/tui/run.sh, not one fresh cluster
# migrated twice: minutes saved) and one tmux suite; any sanitizer
# report, from any process (the client inside tmux, whose stderr is the
# terminal, included: tmux passes the environment on), fails the pass.
#
# Usage: tests/fuzz/sanitize.sh [DIR]   (default: _asan in the source tree)
#
# DIR/src is the release's files (make distdir: a configured source tree
# cannot host a VPATH build, and this also checks that the tarball has
# what the suites need; an unconfigured tree is used as it is), DIR/build
# the build. Reports go to files, never to a terminal: ASAN_OPTIONS and
# UBSAN_OPTIONS get log_path=DIR/reports/...; every file there after the
# run is a failure and is shown. -fno-sanitize-recover=all: undefined
# behaviour stops the program. LeakSanitizer is on, with the suppressions
# of tests/fuzz/lsan.supp (each says why; leaks of ours are fixed).
#
# Environment: SANITIZE_CC (clang), SANITIZE_DB (the tests/db/*.t files
# that run the eduaid program), SANITIZE_TUI (the tmux suite,
# tests/tui/30_tui.t: a household created, its members added, saved,
# submitted and found in the list, in Chinese at 80x24), SANITIZE_SCREENS=1
# (the screen dumps too: every screen of the client, headless).
#
# The last line is `sanitizers: P passed, F failed`: the assertions of the
# suites (automake's count for make check, the TAP of the others) plus one failure per sanitizer report and per step that
# could not run. Exit status 0 only when F is 0.
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
dir=${1:-$top/_asan}
CC=${SANITIZE_CC:-clang}
CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all'
DB_TESTS=${SANITIZE_DB:-tests/db/40_import.t tests/db/42_notice.t tests/db/43_report.t tests/db/44_export.t tests/db/45_rates.t}
TUI_TEST=${SANITIZE_TUI:-tests/tui/30_tui.t}
# the suites of make check that need no server
UNIT_TESTS='tests/unit/check_eduaid tests/unit/check_text tests/unit/check_csv
	tests/unit/check_csvout tests/unit/check_roster tests/unit/check_bar
	tests/unit/check_match tests/unit/check_safefile tests/unit/check_forms
	tests/unit/check_keys tests/unit/cli_language.sh tests/unit/cli_matrix.sh'

passed=0
failed=0
finish() {
	printf 'sanitizers: %d passed, %d failed\n' "$passed" "$failed"
	((failed == 0))
	exit
}
# fail WHAT: a step that could not run; one failure, the end.
fail() {
	printf 'sanitize: %s\n' "$1"
	failed=$((failed + 1))
	finish
}

if ! { rm -rf "$dir" && mkdir -p "$dir/build" "$dir/reports"; }; then
	fail "cannot make $dir"
fi
dir=$(cd "$dir" && pwd -P)
if [[ -f $top/config.status ]]; then
	printf '==> the release files (make distdir) into %s/src\n' "$dir"
	# relative to the top: po/'s distdir rule puts ../ before it
	make -C "$top" -s distdir distdir="$(realpath --relative-to="$top" "$dir/src")" \
		>"$dir/distdir.log" 2>&1 ||
		{ tail -n 20 "$dir/distdir.log"; fail "make distdir failed"; }
	src=$dir/src
else
	src=$top
fi

cd "$dir/build" || fail "no $dir/build"
printf '==> configure CC=%s and build\n' "$CC"
"$src/configure" -q CC="$CC" CFLAGS="$CFLAGS" >"$dir/configure.log" 2>&1 ||
	{ tail -n 20 "$dir/configure.log"; fail "configure failed"; }
# Two runs of make, not one: `make all` recurses (SUBDIRS) into "." by a
# sub-make, which would build the libraries while this make builds them
# for the unit tests named beside it -- two ar(1) on one archive, and a
# link that now and then finds a half-written libeduaidui.a.
# shellcheck disable=SC2086 # the lists are words
{ make -j2 -s all && make -j2 -s $UNIT_TESTS; } >"$dir/make.log" 2>&1 ||
	{ grep -E 'error|warning' "$dir/make.log" | head -n 30; fail "the build failed"; }

reports=$dir/reports
export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1"
export UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$top/tests/fuzz/lsan.supp:print_suppressions=0"

# tap_count LOG: add the ok / not ok lines of a TAP log.
tap_count() {
	local p f
	p=$(grep -c '^ok ' "$1")
	f=$(grep -c '^not ok ' "$1")
	passed=$((passed + p))
	failed=$((failed + f))
	if ((f > 0)); then
		grep -A 6 '^not ok ' "$1" | head -n 80
	fi
}

printf '==> unit suites and the command-line matrix\n'
make -j2 check TESTS="$(tr -s ' \t\n' '   ' <<<"$UNIT_TESTS")" >"$dir/check.log" 2>&1
check_rc=$?
read -r p f < <(awk '/^# (PASS|XFAIL|SKIP):/ { p += $3 } /^# (FAIL|XPASS|ERROR):/ { f += $3 }
	END { print p + 0, f + 0 }' "$dir/check.log")
passed=$((passed + p))
failed=$((failed + f))
if ((check_rc != 0)); then
	((f > 0)) || failed=$((failed + 1))
	grep -E '^(FAIL|ERROR|XPASS):' "$dir/check.log"
	for t in $UNIT_TESTS; do
		if grep -qE '^:test-result: (FAIL|ERROR|XPASS)' "$t.trs" 2>/dev/null; then
			printf -- '---- %s.log ----\n' "$t"
			grep -E '^not ok|^#|[0-9]+%: Checks|:[EF]:' "$t.log" | head -n 60
		fi
	done
fi
printf '%s\n' "$(grep -E '^# (TOTAL|PASS|FAIL|ERROR):' "$dir/check.log" | paste -sd' ')"

# The database and tmux suites, each on its own copy of the demo template
# (tests/tui/run.sh; tests/db/democluster.sh). The templates of the main
# build are used when there are some (same sql/, same key): making one
# costs minutes, copying it a second.
if [[ -d $top/tests/clusters && ! -e tests/clusters ]]; then
	mkdir -p tests && ln -s "$top/tests/clusters" tests/clusters
fi
for t in $DB_TESTS $TUI_TEST; do
	log=$dir/${t##*/}.log
	printf '==> %s\n' "$t"
	top_srcdir=$src top_builddir=$dir/build "$src/tests/tui/run.sh" "$src/$t" \
		>"$log" 2>&1
	rc=$?
	tap_count "$log"
	printf '%s: %s ok, %s not ok, exit %d\n' "${t##*/}" "$(grep -c '^ok ' "$log")" \
		"$(grep -c '^not ok ' "$log")" "$rc"
	if ((rc != 0)) && ! grep -q '^not ok ' "$log"; then
		failed=$((failed + 1))
		tail -n 30 "$log"
	fi
done

# Optional: every screen, headless, in both languages (tests/screens/run.sh;
# 408 assertions, about a minute more under ASan once its template exists).
if [[ ${SANITIZE_SCREENS:-0} == 1 ]]; then
	printf '==> tests/screens/run.sh\n'
	top_srcdir=$src top_builddir=$dir/build "$src/tests/screens/run.sh" \
		>"$dir/screens.log" 2>&1
	rc=$?
	tap_count "$dir/screens.log"
	tail -n 1 "$dir/screens.log"
	if ((rc != 0)) && ! grep -q '^not ok ' "$dir/screens.log"; then
		failed=$((failed + 1))
	fi
fi

# Every report of every process, whoever captured (or lost) its stderr.
n=0
for r in "$reports"/*; do
	[[ -f $r ]] || continue
	n=$((n + 1))
	printf -- '---- sanitizer report %s ----\n' "${r##*/}"
	head -n 40 "$r"
done
if ((n > 0)); then
	printf 'sanitize: %d sanitizer report(s) in %s\n' "$n" "$reports"
	failed=$((failed + n))
fi
finish
