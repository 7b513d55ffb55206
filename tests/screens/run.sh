#!/usr/bin/env bash
# tests/screens/run.sh: screen-dump tests. Every screen of the terminal
# client, in Chinese (zh_CN.UTF-8) and in English (C.UTF-8), compared with
# the dump kept for it -- no tmux, no terminal, no waiting on the clock.
#
# Usage: tests/screens/run.sh [--update] [SCRIPT...]
#   SCRIPT: names of tests/screens/keys/*.keys to run (default: all).
#   --update: write the dumps into tests/screens/zh and tests/screens/en
#   instead of comparing (then review them with git diff: they are the
#   screens as people will see them), and delete the dumps no script makes
#   any more (only when every script ran).
#
# How: one throwaway cluster, a copy of the demo template whose clock is
# stopped at 2026-11-16 09:30 (tests/db/democluster.sh, libfaketime), and
# the client run headless (eduaid --headless, src/ui/headless.h) once per
# key script and language, with EDUAID_TODAY=2026-11-16, TZ=Asia/Shanghai,
# an empty environment otherwise, a fresh HOME, the example configuration
# conf/eduaid.conf and the forms of forms/. A key script is walked through
# the screens; each <dump NAME> in it is one screen, kept as
# tests/screens/LANG/NAME.txt (<attrs NAME>: NAME.attrs.txt), so a NAME
# is used by one script only. A script's first lines may say:
#   # user: demo_officer        who logs in (default demo_clerk)
#   # size: 100x30              the screen size (default 80x24)
#   # conninfo: host=/nowhere   the connection string (-d)
#   # writes                    it changes the data: run after the others,
#                               one at a time, in name order
# The others run in parallel (EDUAID_SCREENS_JOBS, default 3) and must not
# change anything another script shows.
#
# Output is TAP: per script and language, that the client exited 0 with
# nothing on stderr; per dump, that it is what was kept (a diff below when
# not). The last line is `screens: N passed, N failed`. Costs about 20 s.
set -uo pipefail

CLOCK="2026-11-16 09:30:00"
TODAY=2026-11-16
JOBS=${EDUAID_SCREENS_JOBS:-3}
LANGS=(zh en)
declare -A LOCALE=([zh]=zh_CN.UTF-8 [en]=C.UTF-8)

update=0
if [[ ${1:-} == --update ]]; then
	update=1
	shift
fi
if [[ -z ${top_srcdir:-} ]]; then
	top_srcdir=$(dirname "${BASH_SOURCE[0]}")/../..
fi
top_srcdir=$(cd "$top_srcdir" && pwd)
top_builddir=$(cd "${top_builddir:-$top_srcdir}" && pwd)
export top_srcdir top_builddir
here=$top_srcdir/tests/screens
bin=$top_builddir/eduaid

# shellcheck source-path=SCRIPTDIR source=../db/lib.sh
if ! . "$top_srcdir/tests/db/lib.sh"; then
	printf '1..1\nnot ok 1 - tests/db/lib.sh loads (PostgreSQL 15 installed?)\nscreens: 0 passed, 1 failed\n'
	exit 1
fi
# shellcheck source-path=SCRIPTDIR source=../db/democluster.sh
. "$top_srcdir/tests/db/democluster.sh"

summary() {
	printf '1..%d\n' "$TAP_N"
	printf 'screens: %d passed, %d failed\n' "$TAP_PASSED" "$TAP_FAILED"
}
bail() {
	tap_fail "$@"
	summary
	exit 1
}

# ---- what to run -------------------------------------------------------------
scripts=()
if (($#)); then
	for s in "$@"; do
		s=${s##*/}
		s=${s%.keys}
		[[ -f $here/keys/$s.keys ]] || bail "key script $s exists" "no $here/keys/$s.keys"
		scripts+=("$s")
	done
else
	for f in "$here"/keys/*.keys; do
		[[ -f $f ]] && scripts+=("$(basename "$f" .keys)")
	done
fi
((${#scripts[@]})) || bail "key scripts exist" "none in $here/keys"
[[ -x $bin ]] || bail "the client is built ($bin)"

# header SCRIPT FIELD: the value of "# FIELD: value" among the script's
# first comment lines ("" when absent; "yes" for a bare "# FIELD").
header() {
	awk -v f="$2" '
		!/^#/ { exit }
		$0 == "# " f { print "yes"; exit }
		index($0, "# " f ": ") == 1 { print substr($0, length(f) + 5); exit }
	' "$here/keys/$1.keys"
}

# ---- the switches themselves, before any connection ---------------------------
# refused DESC WANT ARGS...: the client exits 2 and says WANT (a fixed string)
# on stderr, without a server.
refused() {
	local desc=$1 want=$2 out rc
	shift 2
	out=$(cd "${TMPDIR:-/tmp}" && env -i PATH="$PATH" HOME=/nonexistent \
		PGHOST=/nonexistent LC_ALL=C.UTF-8 "$bin" "$@" 2>&1 </dev/null)
	rc=$?
	if [[ $rc == 2 && $out == *"$want"* ]]; then
		tap_pass "$desc"
	else
		tap_fail "$desc" "exit $rc, said: $out" "wanted exit 2 and: $want"
	fi
}
bad=$(mktemp "${TMPDIR:-/tmp}/eduaid-keys.XXXXXX") || bail "mktemp"
printf '# a comment\nabc<Enter>\n<F2><F13>\n' >"$bad"
refused "--headless: an unknown key is FILE:LINE, exit 2" "$bad:3: unknown key <F13>" \
	--headless=80x24 --keys="$bad"
printf '<Enter\n' >"$bad"
refused "--headless: a '<' without its '>' is FILE:LINE, exit 2" "$bad:1: a '<' without" \
	--headless=80x24 --keys="$bad"
refused "--headless: a size must be COLSxROWS" "--headless wants COLSxROWS" \
	--headless=80 --keys="$bad"
refused "--headless: needs --keys" "--headless needs --keys=FILE" --headless=80x24
refused "--headless: a missing key script is named" "$bad.none: " \
	--headless=80x24 --keys="$bad.none"
refused "--headless: not for subcommands" "--headless and --keys are for the client" \
	--headless=80x24 --keys="$bad" check-id 1
rm -f -- "$bad"

# ---- the cluster ------------------------------------------------------------
democluster_scratch screens || bail "mktemp -d in ${TMPDIR:-/tmp}"
t0=$(date +%s%3N)
if ! democluster_up "$work" screens "$CLOCK" 2>"$work/up.log"; then
	bail "a throwaway cluster with the demo data, its clock at $CLOCK" "$(tail -n 30 "$work/up.log")"
fi
tap_diag "cluster $work/pg ready in $(($(date +%s%3N) - t0)) ms"

# The message catalogue from the build (or source) tree.
mkdir -p "$work/locale/zh_CN/LC_MESSAGES" "$work/out" "$work/cwd"
for po in "$top_builddir/po" "$top_srcdir/po"; do
	[[ -f $po/zh_CN.gmo ]] && cp "$po/zh_CN.gmo" "$work/locale/zh_CN/LC_MESSAGES/eduaid.mo" && break
done
[[ -f $work/locale/zh_CN/LC_MESSAGES/eduaid.mo ]] || bail "po/zh_CN.gmo is built"
# Files the scripts may type the names of (relative to the client's cwd).
cp "$here"/data/* "$work/cwd/" 2>/dev/null

# run_one SCRIPT LANG: run the client on one key script; its stdout, stderr
# and exit status in $work/out/LANG/SCRIPT.{out,err,rc}.
run_one() {
	local s=$1 lang=$2 user size conninfo o=$work/out/$2/$1 args=()
	user=$(header "$s" user)
	size=$(header "$s" size)
	conninfo=$(header "$s" conninfo)
	[[ -n $conninfo ]] && args+=(-d "$conninfo")
	rm -rf -- "$work/home/$lang.$s"
	mkdir -p -- "$work/home/$lang.$s" "$work/out/$lang"
	(cd "$work/cwd" && env -i PATH="$PATH" HOME="$work/home/$lang.$s" \
		LANG="${LOCALE[$lang]}" LC_ALL="${LOCALE[$lang]}" TZ=Asia/Shanghai \
		EDUAID_TODAY=$TODAY EDUAID_FORMS_DIR="$top_srcdir/forms" \
		EDUAID_LOCALEDIR="$work/locale" PGHOST="$PGHOST" PGPORT="$PGPORT" \
		PGDATABASE="$PGDATABASE" \
		timeout -k 5 60 "$bin" -c "$top_srcdir/conf/eduaid.conf" \
		-U "${user:-demo_clerk}" "${args[@]}" --headless="${size:-80x24}" \
		--keys="$here/keys/$s.keys") >"$o.out" 2>"$o.err" </dev/null
	echo $? >"$o.rc"
}

# ---- running ------------------------------------------------------------------
t0=$(date +%s%3N)
readers=()
writers=()
for s in "${scripts[@]}"; do
	if [[ -n $(header "$s" writes) ]]; then
		writers+=("$s")
	else
		readers+=("$s")
	fi
done
for s in "${readers[@]}"; do
	for lang in "${LANGS[@]}"; do
		while (($(jobs -rp | wc -l) >= JOBS)); do
			wait -n
		done
		run_one "$s" "$lang" &
	done
done
wait
for s in "${writers[@]}"; do
	for lang in "${LANGS[@]}"; do
		run_one "$s" "$lang"
	done
done
tap_diag "${#scripts[@]} scripts in ${#LANGS[@]} languages run in $(($(date +%s%3N) - t0)) ms"

# split OUT DIR SCRIPT: write each dump of OUT into DIR/NAME.txt; print the
# names written.
split() {
	awk -v dir="$2" -v script="$3" '
		/^=== [A-Za-z0-9_.-]+( attrs)? ===$/ {
			if (file != "") close(file)
			name = $2
			if (name ~ /^[0-9]+$/) name = script "." name
			if ($3 == "attrs") name = name ".attrs"
			file = dir "/" name ".txt"
			print name
			printf "" >file
			next
		}
		file != "" { print >>file }
	' "$1"
}

# ---- comparing ----------------------------------------------------------------
declare -A made=()
for s in "${scripts[@]}"; do
	for lang in "${LANGS[@]}"; do
		o=$work/out/$lang/$s
		rc=$(cat "$o.rc" 2>/dev/null || echo none)
		if [[ $rc == 0 && ! -s $o.err ]]; then
			tap_pass "$s ($lang): the client ran the script and exited 0, nothing on stderr"
		else
			tap_fail "$s ($lang): the client ran the script and exited 0, nothing on stderr" \
				"exit $rc" "$(head -n 20 "$o.err" 2>/dev/null)"
		fi
		mkdir -p "$work/dumps/$lang"
		while read -r name; do
			if [[ -n ${made[$lang/$name]:-} ]]; then
				tap_fail "$lang/$name: one dump of that name" "made by ${made[$lang/$name]} and $s"
			fi
			made[$lang/$name]=$s
		done < <(split "$o.out" "$work/dumps/$lang" "$s")
	done
done

for key in $(printf '%s\n' "${!made[@]}" | LC_ALL=C sort); do
	got=$work/dumps/$key.txt
	want=$here/$key.txt
	if ((update)); then
		cmp -s "$got" "$want" 2>/dev/null || cp "$got" "$want"
		tap_pass "$key: kept"
	elif [[ ! -f $want ]]; then
		tap_fail "$key: kept dump exists" "no $want: run tests/screens/run.sh --update and review it"
	elif diff -u "$want" "$got" >"$work/diff"; then
		tap_pass "$key: as kept"
	else
		tap_fail "$key: as kept (tests/screens/run.sh --update accepts the new one)" \
			"$(sed -n '3,80p' "$work/diff")"
	fi
done

# Kept dumps no script makes any more.
if (($# == 0)); then
	for lang in "${LANGS[@]}"; do
		for want in "$here/$lang"/*.txt; do
			[[ -f $want ]] || continue
			name=$(basename "$want" .txt)
			[[ -n ${made[$lang/$name]:-} ]] && continue
			if ((update)); then
				rm -f -- "$want"
				tap_diag "deleted $lang/$name.txt: no script makes it"
			else
				tap_fail "$lang/$name: some script makes it" "no key script dumps $name any more (--update deletes it)"
			fi
		done
	done
fi

summary
((TAP_FAILED == 0))
