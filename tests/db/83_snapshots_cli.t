#!/usr/bin/env bash
# tests/db/83_snapshots_cli.t: reports as submitted (报送版本, issue 17 H6)
# from the command line, as the demo logins on the database suite's
# cluster (PGHOST, PGDATABASE, EDUAID_SUPERUSER from run-db-tests.sh).
#
# The story: demo_officer lists 城关镇's snapshot of the demo and reprints
# it (its 城关镇 row worked out by hand from the demo's tallies: 285
# entitled, 269 granted, 16 missing, 94.4 %); writes today's subsidy report
# of 城关镇 as CSV and freezes it (id, dates and the server's SHA-256
# printed); the figures change (one more compulsory waiver granted: the
# superuser moves the tally, as an approval would); the report now shows
# the new figure, while `--reprint` writes the old CSV byte for byte, and
# its PDF says which version it is (报送版本：date 由 王德明 冻结，SHA-256
# ...). A snapshot changed behind the server's back (the superuser, as a
# migration could) is refused on reprint, in words, and no file is
# written. The officer cannot reprint the county's snapshot nor freeze the
# county; names that are not reports and options that do not go together
# are usage errors. Everything the test changed is put back on exit.
# Cost: about 3 s.
set -u
export PATH=/usr/lib/postgresql/15/bin:$PATH
export LC_ALL=C.UTF-8 LANGUAGE=
BIN=${top_builddir:-$top_srcdir}/eduaid
work=$(mktemp -d)
SU=${EDUAID_SUPERUSER:-postgres}
su() { psql -X -q -A -t -v ON_ERROR_STOP=1 -U "$SU" -c "$1"; }
moved=0
cleanup() {
	if ((moved)); then
		su "UPDATE eduaid.subsidy_tally SET granted = granted - 1
		     WHERE township_id = 420325100 AND school_year = 2026 AND program = 'compulsory_waiver'" >/dev/null 2>&1
	fi
	su "DELETE FROM eduaid.report_snapshot WHERE note = 'h6 test $$'" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT

n=0
failed=0
ok() {
	n=$((n + 1))
	printf 'ok %d - %s\n' "$n" "$1"
}
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	printf 'not ok %d - %s\n' "$n" "$1"
	shift
	if (($#)); then
		printf '%s\n' "$@" | sed 's/^/#   /'
	fi
}
is() { # is GOT WANT DESC
	if [[ $1 == "$2" ]]; then
		ok "$3"
	else
		not_ok "$3" "     got: '$1'" "expected: '$2'"
	fi
}
CR=$'\r'

# ---- the demo's snapshot of 城关镇 ----------------------------------------------
"$BIN" -U demo_officer report --frozen subsidy >"$work/list" 2>"$work/err"
is "$?" 0 'demo_officer: report --frozen subsidy succeeds'
demo_hash=$(su "SELECT sha256 FROM eduaid.report_snapshot WHERE id = 1")
is "$(grep -c . "$work/list")" 1 'he sees one subsidy snapshot: 城关镇''s (not the county''s)'
is "$(cut -f1-4,6,7 "$work/list")" "$(printf '1\tsubsidy\t2026\t城关镇\tdemo_officer\t%s' "${demo_hash:0:12}")" \
	'the list says id, report, year, scope, who and the hash''s first 12 digits'
"$BIN" -U demo_officer report --reprint 1 -o "$work/r1.csv" 2>"$work/err"
is "$?" 0 'report --reprint 1 -o FILE succeeds'
is "$(grep -a '^420325100,城关镇,(all),' "$work/r1.csv" | tr -d '\r')" '420325100,城关镇,(all),285,269,16,94.4' \
	'its 城关镇 row: 285 entitled, 269 granted, 16 missing, 94.4 % (by hand from the demo)'

# ---- freeze today's report -------------------------------------------------------
"$BIN" -U demo_officer report subsidy --year 2026 --township 420325100 -o "$work/a.csv" 2>"$work/err"
is "$?" 0 'demo_officer: report subsidy of 城关镇 -o FILE'
"$BIN" -U demo_officer report subsidy --freeze --year 2026 --township 420325100 --note "h6 test $$" \
	>"$work/freeze" 2>"$work/err"
is "$?" 0 'report subsidy --freeze succeeds'
id=$(sed -n 's/^Snapshot \([0-9]*\): .*/\1/p' "$work/freeze")
hash=$(su "SELECT sha256 FROM eduaid.report_snapshot WHERE id = ${id:-0}")
is "$(head -n 1 "$work/freeze")" "Snapshot $id: Subsidy coverage, 2026, 城关镇" 'it says the snapshot''s id, report, year and scope'
# the dates as the server has them (its day, not this machine's: in the
# evening UTC it is tomorrow in Asia/Shanghai)
sub_day=$(su "SELECT submitted_on FROM eduaid.report_snapshot WHERE id = ${id:-0}")
frozen_day=$(su "SELECT frozen_at::date FROM eduaid.report_snapshot WHERE id = ${id:-0}")
is "$(sed -n 2p "$work/freeze" | sed 's/[0-9][0-9]:[0-9][0-9]/HH:MM/')" \
	"Submitted on $sub_day, frozen $frozen_day HH:MM by demo_officer" '... the date submitted, when and by whom'
is "$(sed -n 3p "$work/freeze")" "SHA-256 $hash" '... and the hash the server stored'
is "$(su "SELECT eduaid.report_snapshot_verify(${id:-0})")" t '... which is that of what it stored'

# ---- the figures change ------------------------------------------------------------
su "UPDATE eduaid.subsidy_tally SET granted = granted + 1
     WHERE township_id = 420325100 AND school_year = 2026 AND program = 'compulsory_waiver'" && moved=1
"$BIN" -U demo_officer report subsidy --year 2026 --township 420325100 -o "$work/c.csv" 2>"$work/err"
old=$(grep -a '^420325100,城关镇,(all),' "$work/a.csv" | tr -d '\r' | cut -d, -f5)
new=$(grep -a '^420325100,城关镇,(all),' "$work/c.csv" | tr -d '\r' | cut -d, -f5)
is "$new" "$((old + 1))" 'after one more grant the report shows the new figure'
"$BIN" -U demo_officer report --reprint "$id" -o "$work/b.csv" 2>"$work/err"
is "$?" 0 'report --reprint ID -o FILE succeeds'
if cmp -s "$work/a.csv" "$work/b.csv"; then
	ok 'the reprint is the CSV the report wrote that day, byte for byte'
else
	not_ok 'the reprint is the CSV the report wrote that day, byte for byte' "$(diff "$work/a.csv" "$work/b.csv" | head)"
fi
"$BIN" -U demo_officer report --reprint "$id" >"$work/b2.csv" 2>"$work/err"
if cmp -s "$work/a.csv" "$work/b2.csv"; then ok '... on standard output too'; else not_ok '... on standard output too'; fi

# ---- the PDF says which version it is -------------------------------------------------
for gmo in "${top_builddir:-$top_srcdir}/po/zh_CN.gmo" "$top_srcdir/po/zh_CN.gmo"; do
	[[ -f $gmo ]] && break
done
mkdir -p "$work/locale/zh_CN/LC_MESSAGES" && cp "$gmo" "$work/locale/zh_CN/LC_MESSAGES/eduaid.mo"
LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN EDUAID_LOCALEDIR="$work/locale" \
	"$BIN" -U demo_officer report --reprint "$id" --pdf "$work/b.pdf" 2>"$work/err"
is "$?" 0 'report --reprint ID --pdf FILE succeeds'
pdftotext "$work/b.pdf" - 2>/dev/null | tr -d ' \n' >"$work/pdf.txt"
if grep -q "报送版本：${sub_day}由王德明冻结，SHA-256$hash" "$work/pdf.txt"; then
	ok 'the PDF says 报送版本：date 由 王德明 冻结，SHA-256 and the whole hash'
else
	not_ok 'the PDF says 报送版本：date 由 王德明 冻结，SHA-256 and the whole hash' "$(head -c 400 "$work/pdf.txt")"
fi
if grep -q "城关镇.*$old" "$work/pdf.txt"; then ok '... and the old figure'; else not_ok '... and the old figure'; fi

# ---- a snapshot changed behind the server's back ------------------------------------------
su "UPDATE eduaid.report_snapshot SET rows = jsonb_set(rows, '{0,4}', '\"$new\"') WHERE id = $id"
"$BIN" -U demo_officer report --reprint "$id" -o "$work/t.csv" 2>"$work/err"
is "$?" 1 'a snapshot whose figures were changed is refused (exit 1)'
is "$(cat "$work/err")" \
	"eduaid report: snapshot $id does not match its SHA-256 $hash: its figures were changed after it was frozen; not printed" \
	'... in words'
is "$([[ -e $work/t.csv ]] && echo written || echo none)" none '... and no file is written'
su "UPDATE eduaid.report_snapshot SET rows = jsonb_set(rows, '{0,4}', '\"$old\"') WHERE id = $id"

# ---- what the officer may not do ----------------------------------------------------------
"$BIN" -U demo_officer report --reprint 2 -o "$work/t.csv" 2>"$work/err"
is "$?:$(cat "$work/err")" '1:eduaid report: no snapshot 2 (or not yours to see)' \
	'demo_officer cannot reprint the county''s snapshot'
"$BIN" -U demo_officer report subsidy --freeze --year 2026 >/dev/null 2>"$work/err"
is "$?:$(head -n 1 "$work/err")" \
	"1:eduaid: report --freeze: Not yours to freeze: an officer freezes his township's report, a supervisor the county's or a township's." \
	'... nor freeze the county''s report (said in words)'
"$BIN" -U demo_officer report subsidy_missing --freeze --year 2026 >/dev/null 2>"$work/err"
is "$?" 2 'the list of students is not frozen (usage)'
"$BIN" -U demo_officer report nosuch --freeze >/dev/null 2>"$work/err"
is "$?:$(cat "$work/err")" "2:eduaid report: no report named 'nosuch' (--list)" 'an unknown report is a usage error'
"$BIN" -U demo_officer report --reprint 1 --year 2026 >/dev/null 2>"$work/err"
is "$?:$(cat "$work/err")" '2:eduaid report: a snapshot has its own year and township' \
	'--reprint with --year is a usage error'
"$BIN" -U demo_officer report subsidy --freeze -o x.csv >/dev/null 2>"$work/err"
is "$?" 2 '--freeze with -o is a usage error'
"$BIN" -U demo_officer report --reprint x >/dev/null 2>"$work/err"
is "$?" 2 '--reprint needs a number'

printf '1..%d\n' "$n"
((failed == 0))
