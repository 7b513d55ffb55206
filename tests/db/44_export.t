#!/usr/bin/env bash
# tests/db/44_export.t: `eduaid export` -- the real binary, logged in as the
# demo users over libpq, against the database suite's cluster.
#
# demo_clerk exports the drafts of 城关镇 (--township by code and by name,
# --status): exactly the rows psql counts for him (one per member, one for
# a household without members); the roster columns lead in English, and
# in Chinese under ui.language = "zh_CN"; UTF-8 with a byte order mark;
# GB18030 that iconv turns back into the same text; personal data masked
# unless --unmasked, which gives demo_clerk the real numbers and
# demo_supervisor a refusal, with no file (nor temporary file) left and an
# earlier file of that name untouched; an officer's export holds 城关镇
# only; a field with a comma, quotes and line breaks reads back the same
# through python3's csv module; an officer's unmasked export of 城关镇 is
# taken by `eduaid import roster` as it is and reconciles with no
# difference; an unknown status is refused with the
# words the server knows; every export is in the audit log with its count
# of records, written by the server (eduaid.export_<kind>, 020_locks.sql).
#
# Run by tests/db/run-db-tests.sh through prove (PGHOST, PGPORT,
# PGDATABASE, EDUAID_SUPERUSER, top_srcdir exported; top_builddir by make
# check). Fixture households carry numbers made from this process's id;
# the EXIT trap deletes them as the superuser (their audit rows stay).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
bin=${top_builddir:-$top_srcdir}/eduaid

# shellcheck source=lib.sh
if ! . "$top_srcdir/tests/db/lib.sh"; then
	printf '1..1\nnot ok 1 - tests/db/lib.sh loads\n'
	exit 1
fi

T=$(printf %06d $(($$ % 1000000)))
HA="EXA$T" HB="EXB$T" HC="EXC$T"
tmp=$(mktemp -d)
cleanup() {
	db_psql_super -c "DELETE FROM eduaid.household WHERE household_no IN ('$HA', '$HB', '$HC')" \
		>/dev/null 2>&1 || true
	rm -rf -- "$tmp"
}
trap cleanup EXIT

if [[ ! -x $bin ]]; then
	printf '1..1\nnot ok 1 - eduaid is built (%s)\n' "$bin"
	exit 1
fi
if ! command -v python3 >/dev/null || ! command -v iconv >/dev/null; then
	printf '1..1\nnot ok 1 - python3 and iconv are installed\n'
	exit 1
fi

printf 'ui: { language = "en"; };\n' >"$tmp/en.conf"
printf 'ui: { language = "zh_CN"; };\n' >"$tmp/zh.conf"

# export USER CONF ARGS...: run eduaid export; stderr into $tmp/stderr.
export_as() {
	local user=$1 conf=$2
	shift 2
	EDUAID_FORMS_DIR=$top_srcdir/forms LC_ALL=C.UTF-8 \
		"$bin" -c "$tmp/$conf.conf" -U "$user" export "$@" 2>"$tmp/stderr"
}

# csv FILE PYTHON-EXPR: evaluate EXPR over rows = the records of FILE
# (UTF-8, BOM dropped) read by python3's csv module (os.environ at hand);
# print the result.
csv() {
	python3 - "$1" "$2" <<-'PY'
		import csv, os, sys
		with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
		    rows = list(csv.reader(f))
		print(eval(sys.argv[2]))
	PY
}

# leftovers NAME: how many files $tmp holds named NAME or .NAME.* (the
# temporary file of an export to NAME).
leftovers() {
	{
		compgen -G "$tmp/$1"
		compgen -G "$tmp/.$1.*"
	} | wc -l
}

# ---- fixtures: three drafts of demo_clerk in 城关镇 ------------------------
# HA: two members; HB: none, and notes with a comma, quotes and line
# breaks (a note is the one kind of text that may span lines, LF only: 041
# refuses CR); HC: one member. ID numbers from a region code no demo record uses.
birth=$(db_psql_super -c "select to_char(date '1931-01-01' + ($T % 20000), 'YYYYMMDD')")
kid=$(db_psql_super -c "select to_char(current_date - 3000 - ($T % 900), 'YYYYMMDD')")
tricky=$'村口,左手"第二家"\n门前有树\n二组'
export TRICKY=$tricky
if ! db_psql_super -v tricky="$tricky" >"$tmp/fixture.log" 2>&1 <<-SQL; then
	BEGIN;
	SET SESSION AUTHORIZATION demo_clerk;
	INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
	                              head_id_number, registered_year, family_size, notes)
	SELECT 420325100, n, (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325100),
	       '导出' || i, p || eduaid.id_check_digit(p), 2016, 4,
	       CASE WHEN i = 2 THEN :'tricky' END
	  FROM (VALUES (1, '$HA'), (2, '$HB'), (3, '$HC')) AS x(i, n),
	       LATERAL (SELECT '659002$birth' || lpad((600 + i)::text, 3, '0') AS p) AS y;
	INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date,
	                            relation)
	SELECT h.township_id, h.id, '学生' || j, p || eduaid.id_check_digit(p),
	       eduaid.id_sex(p || eduaid.id_check_digit(p)), eduaid.id_birth_date(p || eduaid.id_check_digit(p)),
	       'child'
	  FROM eduaid.household h CROSS JOIN generate_series(1, 2) AS j,
	       LATERAL (SELECT '659002$kid' || lpad((700 + j + 10 * (h.household_no = '$HC')::int)::text,
	                                            3, '0') AS p) AS y
	 WHERE h.household_no IN ('$HA', '$HC') AND NOT (h.household_no = '$HC' AND j = 2);
	-- a member's stage is a fact of the school year: this year's records
	INSERT INTO eduaid.household_year (township_id, household_id, school_year)
	SELECT h.township_id, h.id, eduaid.school_year_of(current_date)
	  FROM eduaid.household h WHERE h.household_no IN ('$HA', '$HC');
	INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage, school_id)
	SELECT s.township_id, y.id, s.id, 'primary',
	       (SELECT min(c.id) FROM eduaid.school c WHERE c.township_id = 420325100)
	  FROM eduaid.student s JOIN eduaid.household_year y
	    ON y.township_id = s.township_id AND y.household_id = s.household_id
	 WHERE s.household_id IN (SELECT id FROM eduaid.household WHERE household_no IN ('$HA', '$HC'));
	COMMIT;
SQL
	tap_fail "fixture households are created"
	sed 's/^/# /' "$tmp/fixture.log"
fi
head_a=$(db_psql_super -c "select head_id_number from eduaid.household where household_no = '$HA'")

# ---- demo_clerk: 城关镇's drafts ---------------------------------------------
want=$(db_psql_as demo_clerk -c "SELECT count(*) FROM eduaid.household h
    LEFT JOIN eduaid.student s ON s.township_id = h.township_id AND s.household_id = h.id
    WHERE h.township_id = 420325100 AND h.status = 'draft'")
# the audit row counts records, as the server read them (020_locks.sql)
want_records=$(db_psql_as demo_clerk -c "SELECT count(*) FROM eduaid.household h
    WHERE h.township_id = 420325100 AND h.status = 'draft'")
audit0=$(db_psql_super -c "select coalesce(max(id), 0) from eduaid.audit_log")

export_as demo_clerk en household --township 420325100 --status draft "$tmp/a.csv"
tap_is "$?" 0 "demo_clerk exports household --township 420325100 --status draft"
tap_is "$(csv "$tmp/a.csv" 'len(rows) - 1')" "$want" \
	"... exactly the rows psql counts for demo_clerk ($want: one per member, one per household without)"
tap_is "$(csv "$tmp/a.csv" '",".join(rows[0][:10])')" \
	"household_no,township,village,head_name,head_id_number,family_size,member_name,member_id_number,relation,stage" \
	"the roster import's columns lead, in its order, named in English"
tap_is "$(head -c 3 "$tmp/a.csv" | od -An -tx1 | tr -d ' ')" efbbbf "UTF-8 with a byte order mark"
tap_is "$(csv "$tmp/a.csv" "sorted(set((r[1], r[-3]) for r in rows[1:]))")" "[('城关镇', 'draft')]" \
	"every row is a draft of 城关镇"
tap_is "$(csv "$tmp/a.csv" "sorted((r[0], r[6], r[8], r[9]) for r in rows if r[0] in ('$HA', '$HB', '$HC'))")" \
	"[('$HA', '学生1', 'Child', 'Primary'), ('$HA', '学生2', 'Child', 'Primary'), ('$HB', '', '', ''), ('$HC', '学生1', 'Child', 'Primary')]" \
	"one row per member; a household without members is one row with the member columns empty"
# Values in the user's words, not codes (issue 12 item 11: the export mixed
# Chinese headers with child, primary, true); --codes writes the codes.
tap_is "$(csv "$tmp/a.csv" "set(r[rows[0].index('Left-behind child')] for r in rows[1:]) - {''} <= {'yes', 'no'}")" \
	True "English: yes/no fields in words (yes, no; not true, false)"
export_as demo_clerk en household --township 420325100 --status draft --codes "$tmp/codes.csv"
tap_is "$(csv "$tmp/codes.csv" "sorted(set((r[8], r[9], r[rows[0].index('Left-behind child')], r[-3]) for r in rows[1:] if r[0] == '$HA'))")" \
	"[('child', 'primary', 'false', 'draft')]" "--codes: relation, stage, yes/no and status as stored codes"
tap_is "$(stat -c %a "$tmp/codes.csv")" 600 "... 0600 like every export (members' names)"
grep -qF "rows written to $tmp/codes.csv" "$tmp/stderr"
tap_run "... its full path said on stderr" test $? -eq 0
if grep -aqE '(^|[^0-9])[0-9]{17}[0-9X]([^0-9]|$)' "$tmp/a.csv"; then
	tap_fail "masked by default: no full 18-character ID number in the file"
	grep -aoE '[0-9]{17}[0-9X]' "$tmp/a.csv" | head -n 3 | sed 's/^/# /'
else
	tap_pass "masked by default: no full 18-character ID number in the file"
fi
tap_is "$(csv "$tmp/a.csv" "[r[4] for r in rows if r[0] == '$HA'][0]")" \
	"$(db_psql_super -c "select head_id_number_masked from eduaid.household where household_no = '$HA'")" \
	"... the head's ID number is its masked twin"
tap_is "$(csv "$tmp/a.csv" "[r[rows[0].index('Notes')] for r in rows if r[0] == '$HB'][0] == os.environ['TRICKY']")" True \
	"notes holding a comma, quotes and line feeds read back the same (python3 csv)"

export_as demo_clerk en household --township 城关镇 --status draft "$tmp/name.csv"
tap_is "$(cmp -s "$tmp/a.csv" "$tmp/name.csv" && echo same)" same "--township by name gives the same file"

export_as demo_clerk en household --township 420325100 --status draft --encoding gb18030 "$tmp/gb.csv"
tap_is "$?" 0 "--encoding gb18030"
if iconv -f GB18030 -t UTF-8 "$tmp/gb.csv" >"$tmp/gb-utf8.csv" &&
	tail -c +4 "$tmp/a.csv" | cmp -s - "$tmp/gb-utf8.csv"; then
	tap_pass "the GB18030 file converts back with iconv to the UTF-8 one (without its BOM)"
else
	tap_fail "the GB18030 file converts back with iconv to the UTF-8 one (without its BOM)"
fi
tap_is "$(head -c 3 "$tmp/gb.csv" | od -An -tx1 | tr -d ' ')" 686f75 "... and has no byte order mark"

export_as demo_clerk zh household --township 420325100 --status draft "$tmp/zh.csv"
tap_is "$(csv "$tmp/zh.csv" '",".join(rows[0][:10])')" \
	"户编号,乡镇,村,户主姓名,户主身份证号,家庭人口,学生姓名,学生身份证号,与户主关系,学段" \
	"ui.language zh_CN: the roster columns in Chinese"
tap_is "$(csv "$tmp/zh.csv" 'rows[0][10]')" "建档年份" "... and the form's own labels in Chinese after them"
tap_is "$(csv "$tmp/zh.csv" "sorted(set((r[8], r[9], r[rows[0].index('留守儿童')], r[-3]) for r in rows[1:] if r[0] == '$HA'))")" \
	"[('子女', '小学', '否', '草稿')]" "... and the values in Chinese words: 子女, 小学, 否, 草稿 (not child, primary, false, draft)"
# Chinese words and --codes go back in through the roster import, every
# row (English words: the round trip below).
for f in zh codes; do
	opt=
	[[ $f == codes ]] && opt=--codes
	export_as demo_officer "${f/codes/en}" household --township 420325100 --unmasked $opt "$tmp/rt-$f.csv"
	(cd "$tmp" && EDUAID_CONF=/dev/null LC_ALL=C.UTF-8 LANGUAGE=en \
		"$bin" -U demo_officer import roster "rt-$f.csv" >"import-$f.out" 2>&1)
	rc=$?
	imp=$(sed -n 's/^import //p' "$tmp/import-$f.out")
	tap_is "$rc:$(db_psql_super -c "select row_count from eduaid.roster_import where id = ${imp:-0}")" \
		"0:$(csv "$tmp/rt-$f.csv" "len(rows) - 1")" \
		"the roster import takes the ${f/zh/Chinese-worded} export, every row"
done

# ---- --unmasked ----------------------------------------------------------------
export_as demo_clerk en household --township 420325100 --status draft --unmasked "$tmp/u.csv"
tap_is "$?" 0 "demo_clerk exports --unmasked"
tap_is "$(csv "$tmp/u.csv" "[r[4] for r in rows if r[0] == '$HA'][0]")" "$head_a" \
	"... and gets the real ID number"
tap_is "$(stat -c %a "$tmp/u.csv")" 600 "... in a file only its owner may read"

echo old >"$tmp/s.csv"
export_as demo_supervisor en household --unmasked "$tmp/s.csv"
rc=$?
tap_is "$([[ $rc -ne 0 ]] && echo refused)" refused "demo_supervisor --unmasked is refused (exit $rc)"
tap_is "$(cat "$tmp/stderr")" "eduaid: export: your role may not export unmasked personal data" \
	"... saying so in the user's words"
tap_is "$(cat "$tmp/s.csv")" old "... and the file of that name is left as it was"
export_as demo_supervisor en household --unmasked "$tmp/none.csv"
tap_is "$(leftovers none.csv)" 0 "... and leaves no file, temporary or not"

export_as demo_supervisor en teacher_fund "$tmp/tf.csv"
tap_is "$?" 0 "demo_supervisor exports teacher_fund masked"
tap_is "$(csv "$tmp/tf.csv" "len(rows) - 1")" \
	"$(db_psql_as demo_supervisor -c "select count(*) from eduaid.teacher_fund_application")" \
	"... every application of the county"
tap_is "$(csv "$tmp/tf.csv" "all(r[rows[0].index('Account number')].startswith('*') for r in rows[1:])")" True \
	"... with the bank accounts masked"

export_as demo_clerk en teacher_fund --unmasked --excel-text "$tmp/x.csv"
tap_is "$(csv "$tmp/x.csv" "' '.join(sorted(r[b][2:-1] for b in [rows[0].index('Account number')] for r in rows[1:] if r[b][:2] == '=\"' and r[b][-1] == '\"'))")" \
	"$(db_psql_as demo_clerk -c 'select string_agg(bank_account, $$ $$ order by bank_account collate "C") from eduaid.teacher_fund_application')" \
	"--excel-text: every unmasked bank account as a =\"digits\" formula, every digit kept"

# ---- an officer ------------------------------------------------------------------
export_as demo_officer en household "$tmp/o.csv"
tap_is "$?" 0 "demo_officer exports every household he may read"
tap_is "$(csv "$tmp/o.csv" "sorted(set(r[1] for r in rows[1:]))")" "['城关镇']" \
	"... and gets 城关镇 only"
tap_is "$(csv "$tmp/o.csv" "len(rows) - 1")" \
	"$(db_psql_as demo_officer -c "SELECT count(*) FROM eduaid.household h
	    LEFT JOIN eduaid.student s ON s.township_id = h.township_id AND s.household_id = h.id
	                              AND s.moved_out_on IS NULL")" \
	"... every row psql counts for him (the members who moved away are not members)"
# A school year's facts (issue 11): the household_year records, one row
# per member row of the year, each with that year's stage.
export_as demo_officer en household_year --status approved "$tmp/y.csv"
tap_is "$?" 0 "demo_officer exports the approved household_year records he may read"
tap_is "$(csv "$tmp/y.csv" "len(rows) - 1")" \
	"$(db_psql_as demo_officer -c "SELECT count(*) FROM eduaid.household_year y
	    LEFT JOIN eduaid.student_year s ON s.township_id = y.township_id AND s.household_year_id = y.id
	    WHERE y.status = 'approved'")" \
	"... every row psql counts for him"
tap_is "$(csv "$tmp/y.csv" "sorted(set((r[rows[0].index('School year')], r[rows[0].index('Township')]) for r in rows[1:]))")" \
	"[('2024', '城关镇'), ('2025', '城关镇'), ('2026', '城关镇')]" "... of 城关镇 and the demo's school years 2024 to 2026"
# The roster import reads an unmasked household export back: reconciled
# with eduaid, nothing differs.
export_as demo_officer en household --township 420325100 --unmasked "$tmp/rt.csv"
tap_is "$?" 0 "demo_officer exports 城关镇 unmasked"
(cd "$tmp" && EDUAID_CONF=/dev/null LC_ALL=C.UTF-8 LANGUAGE=en \
	"$bin" -U demo_officer import roster rt.csv >import.out 2>import.err)
rc=$?
imp=$(sed -n 's/^import //p' "$tmp/import.out")
tap_is "$rc:$(db_psql_super -c "select row_count from eduaid.roster_import where id = ${imp:-0}")" \
	"0:$(csv "$tmp/rt.csv" "len(rows) - 1")" \
	"the roster import takes the export as it is, every row"
(cd "$tmp" && EDUAID_CONF=/dev/null LC_ALL=C.UTF-8 LANGUAGE=en \
	"$bin" -U demo_officer reconcile "${imp:-0}" >reconcile.out 2>&1)
tap_is "$?" 0 "... and reconciling it with eduaid finds no difference"

export_as demo_officer en household --township 420325101 "$tmp/o2.csv"
rc=$?
tap_is "$rc:$(cat "$tmp/stderr")" "1:eduaid: export: township '420325101' is not one of yours" \
	"another township is refused, by name"

# ---- refusals and stdout ---------------------------------------------------------
export_as demo_clerk en household --status bogus "$tmp/b.csv"
rc=$?
tap_is "$rc:$(cat "$tmp/stderr")" \
	"1:eduaid: export: unknown status 'bogus' (known: approved, draft, final, in_notice, rejected, submitted, verified)" \
	"an unknown status is refused with the words the server knows"
tap_is "$(leftovers b.csv)" 0 "... and no file is left"
# issue 15 H7: the pair agreement (kind pairing, forms/pairing.conf menu =
# false) has no export on the server; refused in words, not a raw error
export_as demo_clerk en pairing "$tmp/p.csv"
rc=$?
tap_is "$rc:$(cat "$tmp/stderr"):$(leftovers p.csv)" \
	"1:eduaid: export: records of kind 'pairing' are not exported (for pairing, use eduaid report):0" \
	"export pairing is refused in words, and no file is left"
export_as demo_clerk en household --township 420325100 --status draft - >"$tmp/stdout.csv"
tap_is "$(cmp -s "$tmp/a.csv" "$tmp/stdout.csv" && echo same)" same "'-' writes the same to standard output"
export_as demo_clerk en household "$tmp/no/such/dir.csv"
tap_is "$(($? != 0))" 1 "a file in a missing directory fails"
export_as demo_clerk en household "$tmp"
tap_is "$?:$(cat "$tmp/stderr")" "2:eduaid: export: $tmp is a directory" \
	"a directory as FILE is refused before anything is read"

# ---- the audit log -----------------------------------------------------------------
tap_is "$(db_psql_super -c "select count(*) from eduaid.audit_log where action = 'export' and id > $audit0")" 14 \
	"the 14 exports that succeeded are in the audit log, the refused ones are not"
tap_is "$(db_psql_super -c "select actor || ' ' || kind || ' ' || township_id || ' ' || (new_row -> 'rows')
    || ' ' || (new_row -> 'unmasked') || ' ' || (new_row -> 'filters' ->> 'status')
    from eduaid.audit_log where action = 'export' and id > $audit0 and actor = 'demo_clerk' and (new_row ->> 'unmasked')::boolean")" \
	"demo_clerk household 420325100 $want_records true draft" \
	"the unmasked export's entry: actor, kind, township, record count (the server's), unmasked, status"

tap_done
