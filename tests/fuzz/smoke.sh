#!/bin/sh
# tests/fuzz/smoke.sh: build the libFuzzer targets of tests/fuzz with clang
# (whatever compiler configure chose) and run each for a bounded time on
# its seed corpus, then replay every input ever found to crash it.
# `make fuzz-smoke` runs it with the variables below; it is not part of
# `make` or `make check`, so neither needs clang.
#
#   top_srcdir, top_builddir  the trees (config.h is in the build tree)
#   FUZZ_CC        the compiler (clang; it must know -fsanitize=fuzzer)
#   FUZZ_CFLAGS    its flags (sanitizers: fuzzer, address, undefined)
#   FUZZ_TIME      seconds of fuzzing per target (10; 0: replay only)
#   FUZZ_TARGETS   the targets (names of tests/fuzz/fuzz_NAME.c)
#   FUZZ_SOURCES   the core library's sources, relative to top_srcdir (.c used)
#   LIBCONFIG_CFLAGS, LIBCONFIG_LIBS
#
# Layout: tests/fuzz/fuzz_NAME.c is a target; tests/fuzz/corpus/NAME/ its
# seeds (small, committed; what a run finds goes to a scratch directory,
# not there); tests/fuzz/regressions/NAME/ every input that ever crashed
# it, replayed on each run. A new crash is saved as
# tests/fuzz/build/crashes/NAME-crash-<sha1> in the build tree: fix the bug,
# then copy the file into regressions/NAME/.
#
# The last line is `fuzz-smoke: P passed, F failed`, one per target (its
# build, its run and its regressions); exit status 0 only when F is 0.
set -u

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${FUZZ_CC:=clang}" "${FUZZ_TIME:=10}"
: "${FUZZ_CFLAGS:=-Wall -Wextra -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all}"
: "${FUZZ_TARGETS:=csv formdef settings journal validate text lineedit}"
: "${LIBCONFIG_CFLAGS:=}" "${LIBCONFIG_LIBS:=-lconfig}"

src=$top_srcdir/tests/fuzz
out=$top_builddir/tests/fuzz/build
mkdir -p "$out/obj" "$out/bin" "$out/crashes" "$out/logs" || exit 1
passed=0
failed=0

if ! command -v "$FUZZ_CC" >/dev/null 2>&1; then
	echo "fuzz-smoke: $FUZZ_CC not found (on Debian: apt-get install clang libclang-rt-dev)"
	echo "fuzz-smoke: 0 passed, 1 failed"
	exit 1
fi

CPPFLAGS="-I$top_builddir -I$top_srcdir/src -I$src $LIBCONFIG_CFLAGS"
# Every core object again, instrumented (the library of the normal build
# is compiled by CC, without coverage). Rebuilt when a source or a header
# is newer than it.
objs=
for c in $FUZZ_SOURCES; do
	case $c in *.c) ;; *) continue ;; esac
	o=$out/obj/$(basename "$c" .c).o
	objs="$objs $o"
	if [ ! -f "$o" ] || [ -n "$(find "$top_srcdir/$c" "$top_srcdir/src/core" "$top_builddir/config.h" -newer "$o" -print 2>/dev/null | head -n 1)" ]; then
		echo "$FUZZ_CC -c $c"
		# shellcheck disable=SC2086
		$FUZZ_CC $CPPFLAGS $FUZZ_CFLAGS -fsanitize=fuzzer-no-link \
			-c "$top_srcdir/$c" -o "$o" || {
			echo "fuzz-smoke: cannot compile $c"
			echo "fuzz-smoke: 0 passed, 1 failed"
			exit 1
		}
	fi
done

# The scratch files of the loaders (fuzz.h) and the corpus a run grows.
# tmpfs when there is one: the journal target fsyncs every input.
tmp=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	tmp=/dev/shm
fi
scratch=$(mktemp -d "$tmp/eduaid-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT
EDUAID_FUZZ_TMP=$scratch
export EDUAID_FUZZ_TMP
# Leaks are findings (but those of lsan.supp, in libraries not ours); any
# report ends the run with a non-zero status.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/lsan.supp:print_suppressions=0}
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

# run NAME: build, fuzz, replay; 0 when all is well.
run() {
	name=$1
	bin=$out/bin/fuzz_$name
	log=$out/logs/$name.log
	: >"$log"
	# shellcheck disable=SC2086
	if ! $FUZZ_CC $CPPFLAGS $FUZZ_CFLAGS -fsanitize=fuzzer \
		"$src/fuzz_$name.c" $objs $LIBCONFIG_LIBS -o "$bin" >>"$log" 2>&1; then
		echo "fuzz $name: does not build"
		return 1
	fi
	if [ "$FUZZ_TIME" -gt 0 ]; then
		mkdir -p "$scratch/corpus-$name"
		if ! "$bin" -max_total_time="$FUZZ_TIME" -timeout=10 \
			-rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix="$out/crashes/$name-" \
			"$scratch/corpus-$name" "$src/corpus/$name" >>"$log" 2>&1; then
			echo "fuzz $name: FAILED (the input is in $out/crashes/)"
			return 1
		fi
	fi
	set -- "$src/regressions/$name"/*
	[ -f "$1" ] || shift $#
	if [ $# -gt 0 ] && ! "$bin" -timeout=10 "$@" >>"$log" 2>&1; then
		echo "fuzz $name: a regression input fails again"
		return 1
	fi
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	echo "fuzz $name: ok (${execs:-0} runs, $# regression inputs)"
	return 0
}

for t in $FUZZ_TARGETS; do
	if run "$t"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "---- tail of $out/logs/$t.log ----"
		tail -n 40 "$out/logs/$t.log"
		echo "---- end ----"
	fi
done
echo "fuzz-smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
