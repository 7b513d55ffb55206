#!/usr/bin/env bash
# tests/bench/format.sh: the table `make bench` prints, from the runs the
# benchmarks wrote (tests/bench/lib.sh, bench_emit): one line a run,
#   FIGURE <TAB> REFERENCE <TAB> EDUAID_MS <TAB> REFERENCE_MS [<TAB> TARGET_MS]
# on standard input (or in FILE...). Prints a Markdown table, one row a
# figure in the order they first appear:
#   figure | eduaid ms | reference | reference ms | ratio | runs | target
# where each time is "median (min..max)" over the figure's runs, and the
# ratio is the median (min..max) of the ratios of each run's pair
# (eduaid / reference, the two measured one after the other), not the ratio
# of the medians: on a shared machine sub-millisecond medians drift between
# minutes, a pair's two halves do not. A reference of "-" has no ratio.
# A target is met when eduaid's median is at most TARGET_MS; then the
# column says "< T ms: met", else "< T ms: MISSED"; a target "xR" is on
# the ratio instead (its median at most R: "ratio <= R"). A figure whose
# name says "(count)" counts, not milliseconds: whole numbers, and its
# target is "<= T". Lines that are blank
# or start with '#' are skipped. Exit status 1 when a target is missed.
# No database needed: tests/unit/bench_table.sh runs it on canned input.
set -euo pipefail

awk -F '\t' '
function sortn(a, n,    i, j, t) { # insertion sort, numeric, a[1..n]
	for (i = 2; i <= n; i++) {
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--)
			a[j + 1] = a[j]
		a[j + 1] = t
	}
}
function med(a, n) {
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
# a time in ms: 3 significant digits, at least 0.01
function ms(x) {
	if (x >= 100) return sprintf("%.0f", x)
	if (x >= 10) return sprintf("%.1f", x)
	return sprintf("%.2f", x)
}
# "median (min..max)" of the list key k of array-of-lists v (n[k] values)
function summary(v, cnt, k, fmt,    a, i, m) {
	if (cnt[k] == 0) return "-"
	for (i = 1; i <= cnt[k]; i++) a[i] = v[k, i]
	sortn(a, cnt[k])
	m = med(a, cnt[k])
	if (fmt == "x")
		return sprintf("%.2fx (%.2f..%.2f)", m, a[1], a[cnt[k]])
	if (fmt == "n")
		return sprintf("%g (%g..%g)", m, a[1], a[cnt[k]])
	return ms(m) " (" ms(a[1]) ".." ms(a[cnt[k]]) ")"
}
# the median of the list key k
function median_of(v, cnt, k,    a, i) {
	for (i = 1; i <= cnt[k]; i++) a[i] = v[k, i]
	sortn(a, cnt[k])
	return med(a, cnt[k])
}
/^[[:space:]]*$/ || /^#/ { next }
NF < 4 { printf "format.sh: line %d has %d fields, wants 4 or 5\n", NR, NF > "/dev/stderr"; bad = 1; next }
{
	f = $1
	if (!(f in seen)) { seen[f] = 1; order[++nf] = f; ref[f] = $2 }
	e[f, ++ne[f]] = $3
	if ($4 != "-" && $4 != "") {
		r[f, ++nr[f]] = $4
		if ($4 + 0 > 0) x[f, ++nx[f]] = $3 / $4
	}
	if (NF >= 5 && $5 != "") target[f] = $5
}
END {
	print "| figure | eduaid ms | reference | reference ms | ratio | runs | target |"
	print "|---|---|---|---|---|---|---|"
	for (i = 1; i <= nf; i++) {
		f = order[i]
		t = "-"
		unit = index(f, "(count)") ? "n" : ""
		if (f in target && target[f] ~ /^x/) {
			lim = substr(target[f], 2)
			ok = nx[f] > 0 && median_of(x, nx, f) <= lim + 0
			t = "ratio <= " lim ": " (ok ? "met" : "MISSED")
		} else if (f in target) {
			ok = median_of(e, ne, f) <= target[f] + 0
			t = (unit == "n" ? "<= " target[f] : "< " target[f] " ms") ": " (ok ? "met" : "MISSED")
		}
		if (f in target && !ok) missed = 1
		printf "| %s | %s | %s | %s | %s | %d | %s |\n", f, summary(e, ne, f, unit),
		       (ref[f] == "" ? "-" : ref[f]), summary(r, nr, f, unit),
		       summary(x, nx, f, "x"), ne[f], t
	}
	exit (bad ? 2 : missed ? 1 : 0)
}' "$@"
