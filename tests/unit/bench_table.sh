#!/usr/bin/env bash
# tests/unit/bench_table.sh: the table `make bench` prints
# (tests/bench/format.sh) from canned runs, no PostgreSQL: one row a
# figure in the order of first appearance, medians with min..max, the
# ratio the median of the pairs' ratios (not the ratio of the medians),
# targets met and missed (exit 1), on the ratio too, counts, a figure
# without a reference, comments
# skipped, a malformed line refused (exit 2). A TAP stream. Cost: a few
# milliseconds.
set -u
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
fmt=$top/tests/bench/format.sh
n=0 fails=0
is() { # GOT WANT DESCRIPTION
	n=$((n + 1))
	if [[ $1 == "$2" ]]; then
		echo "ok $n - $3"
	else
		echo "not ok $n - $3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
		fails=$((fails + 1))
	fi
}
row() { # TABLE FIGURE: that figure's row
	printf '%s\n' "$1" | grep -F "| $2 |"
}

T=$'\t'
# start-up: three pairs (ratios 2, 4, 1.1); drift: pairs whose ratio of
# medians (3 / 1) is not the median of their ratios (1, 3, 1, 6, 2: 2)
input="# a comment
start-up${T}minimal.c${T}10${T}5${T}250
start-up${T}minimal.c${T}12${T}3${T}250

start-up${T}minimal.c${T}6.6${T}6${T}250
drift${T}ideal${T}1${T}1${T}0.5
drift${T}ideal${T}3${T}1${T}0.5
drift${T}ideal${T}5${T}5${T}0.5
drift${T}ideal${T}3${T}0.5${T}0.5
drift${T}ideal${T}4${T}2${T}0.5
report${T}-${T}120${T}-${T}
report${T}-${T}80${T}-${T}
trips (count)${T}minimal${T}31${T}1${T}3
import${T}copy${T}900${T}400${T}x2"
out=$(printf '%s\n' "$input" | "$fmt")
rc=$?
is "$rc" 1 "a missed target makes the exit status 1"
is "$(printf '%s\n' "$out" | sed -n 1p)" \
	"| figure | eduaid ms | reference | reference ms | ratio | runs | target |" "the header"
is "$(printf '%s\n' "$out" | sed -n '3p;4p;5p' | cut -d'|' -f2 | tr -d ' ' | tr '\n' ,)" \
	"start-up,drift,report," "one row a figure, in the order they first appear"
is "$(row "$out" start-up)" \
	"| start-up | 10.0 (6.60..12.0) | minimal.c | 5.00 (3.00..6.00) | 2.00x (1.10..4.00) | 3 | < 250 ms: met |" \
	"medians with min..max; the ratio is the median of the pairs' ratios; a target met"
is "$(row "$out" drift | cut -d'|' -f6)" " 2.00x (1.00..6.00) " \
	"the ratio is the median of the pairs' ratios, not the ratio of the medians (3.00x)"
is "$(row "$out" drift | cut -d'|' -f8)" " < 0.5 ms: MISSED " "a target missed says so"
is "$(row "$out" report)" "| report | 100 (80.0..120) | - | - | - | 2 | - |" \
	"a figure without a reference or target: dashes, the median of an even count averaged"
is "$(row "$out" "trips (count)")" "| trips (count) | 31 (31..31) | minimal | 1 (1..1) | 31.00x (31.00..31.00) | 1 | <= 3: MISSED |" \
	"a count: whole numbers, its target without ms"
is "$(row "$out" import | cut -d'|' -f8)" " ratio <= 2: MISSED " "a target on the ratio (xR)"
out=$(printf 'a%sb%s1%s2%sx2\n' "$T" "$T" "$T" "$T" | "$fmt")
is "$?" 0 "a ratio target met: exit status 0"
printf 'only%stwo\n' "$T" | "$fmt" >/dev/null 2>&1
is "$?" 2 "a line of fewer than 4 fields: exit status 2"
echo "1..$n"
((fails == 0))
