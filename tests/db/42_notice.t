#!/usr/bin/env bash
# tests/db/42_notice.t: `eduaid notice` against the test database, as the
# real logins: a supervisor opens a subsidy-list notice (kind
# household_year: fixture households of 大木厂镇 420325104 with approved
# records of school year 2033, which nothing else uses, and their grants)
# and prints it; the sheet has its title, period, one line per
# record in line order with the masked ID number (no full ID number
# anywhere), columns that line up in display cells (CJK and 𠮷 are two
# cells) under en_US.UTF-8 and LC_ALL=C alike, totals and where to send
# objections; every printed hash prefix is the start of its line's
# record_hash and verifies through eduaid.notice_verify and `notice
# verify`; the server's refusals (closing before the end date, an officer
# opening a notice, an unknown hash) come out as exit status 1 with the
# server's words; an officer of another township sees only his line of the
# demo notice.
#
# Run by tests/db/run-db-tests.sh through prove, which exports PGHOST,
# PGPORT, PGDATABASE, EDUAID_SUPERUSER and top_srcdir. The fixtures stay
# behind on notice (notices and their lines cannot be deleted but by a
# superuser, and their audit rows stay anyway); their household numbers
# carry the PID, so runs never collide.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
bin=${top_builddir:-$top_srcdir}/eduaid

# shellcheck source=lib.sh
if ! . "$top_srcdir/tests/db/lib.sh"; then
	printf '1..1\nnot ok 1 - tests/db/lib.sh loads\n'
	exit 1
fi
if [[ ! -x $bin ]]; then
	printf '1..1\nnot ok 1 - the eduaid binary is built (%s)\n' "$bin"
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work EDUAID_CONF=
unset LANGUAGE

# eduaid as a login: eduaid -U USER notice ...
run() { # USER ARGS...
	local user=$1
	shift
	LC_ALL=${RUN_LC:-en_US.UTF-8} "$bin" -U "$user" notice "$@"
}

tag=$(printf '%05d' $(($$ % 100000)))
sup=demo_supervisor

# ---- fixtures: three households with approved records of 2033 and grants ---
# Names of 1, 2 and 3 characters, one of them outside the BMP.
make_household() { # N NAME
	local n=$1 name=$2 first17 head17 hid sid yid
	first17="65900120170901${tag:3:2}$n"
	head17="65900119710101${tag:3:2}$n"
	hid=$(db_psql_as clerk_104 -c "INSERT INTO eduaid.household (township_id, household_no,
	        village_id, head_name, head_id_number, registered_year, family_size)
	    VALUES (420325104, 'TNOTICE-$tag-$n',
	            (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325104),
	            '$name', '$head17' || eduaid.id_check_digit('$head17'),
	            2016, 3) RETURNING id") || return 1
	sid=$(db_psql_as clerk_104 -c "INSERT INTO eduaid.student (township_id, household_id, name,
	        id_number, sex, birth_date)
	    SELECT 420325104, $hid, '学生$n', '$first17' || eduaid.id_check_digit('$first17'),
	           eduaid.id_sex('$first17' || eduaid.id_check_digit('$first17')),
	           eduaid.id_birth_date('$first17' || eduaid.id_check_digit('$first17'))
	    RETURNING id") || return 1
	yid=$(db_psql_as clerk_104 -c "INSERT INTO eduaid.household_year (township_id, household_id,
	        school_year) VALUES (420325104, $hid, 2033) RETURNING id") || return 1
	db_psql_as clerk_104 -c "INSERT INTO eduaid.student_year (township_id, household_year_id,
	        student_id, stage, school_id, grade, boarding)
	    SELECT 420325104, $yid, $sid, 'primary',
	           (SELECT min(s.id) FROM eduaid.school s WHERE s.township_id = 420325104
	               AND s.kind = 'primary'), 3, true" >/dev/null || return 1
	db_psql_as clerk_104 -c "INSERT INTO eduaid.student_subsidy (township_id, household_year_id,
	        student_id, program, amount)
	    VALUES (420325104, $yid, $sid, 'boarding_subsidy', $((n * 250 + 1000)))" >/dev/null &&
		db_psql_as clerk_104 -c "SELECT eduaid.submit('household_year', $yid)" >/dev/null &&
		db_psql_as officer_104 -c "SELECT eduaid.verify('household_year', $yid)" >/dev/null &&
		db_psql_as demo_supervisor2 -c "SELECT eduaid.approve('household_year', $yid)" >/dev/null &&
		echo "$yid"
}

ids=()
for spec in "1 李" "2 𠮷祥" "3 欧阳明"; do
	# shellcheck disable=SC2086
	if id=$(make_household $spec 2>"$work/err"); then
		ids+=("$id")
	else
		tap_fail "fixture household $spec is made and approved"
		tap_diag "$(cat "$work/err")"
	fi
done
tap_is "${#ids[@]}" 3 "three approved fixture records of 2033 of 大木厂镇, with grants"

# ---- open --------------------------------------------------------------------
run officer_104 open household_year 420325104 2033 >"$work/out" 2>"$work/err"
tap_is "$?" 1 "an officer cannot open a notice (exit 1)"
grep -q "permission denied for function open_notice" "$work/err"
tap_run "... and is told the server's refusal" test $? -eq 0

notice=$(run $sup open household_year 大木厂镇 2033 --contact '大木厂镇政府 0719-3333333' 2>"$work/err")
if [[ $notice =~ ^[0-9]+$ ]]; then
	tap_pass "the supervisor opens the notice by the township's name: notice $notice"
else
	tap_fail "the supervisor opens the notice by the township's name"
	tap_diag "$notice" "$(cat "$work/err")"
	notice=0
fi
tap_is "$(db_psql_super -c "SELECT string_agg(y.status, ',' ORDER BY y.id)
                             FROM eduaid.household_year y JOIN eduaid.household h ON h.id = y.household_id
                             WHERE h.household_no LIKE 'TNOTICE-$tag-%'")" \
	"in_notice,in_notice,in_notice" "the households' records of 2033 are in_notice"

# ---- print -----------------------------------------------------------------
run $sup print "$notice" "$work/sheet.txt" 2>"$work/err"
tap_is "$?" 0 "notice print writes the sheet to a file"
sheet=$work/sheet.txt
tap_is "$(head -n 1 "$sheet")" "大木厂镇 2033-2034学年学生资助名单公示" "the first line is the title"
# (the server's today: its time zone, Asia/Shanghai, is a day ahead of UTC
# from 16:00 UTC on)
today=$(db_psql_super -c "SELECT to_char(current_date, 'YYYY-MM-DD')")
grep -qE "^公示期：$today 至 $(date -d "$today +6 days" +%F)（共 7 天）$" "$sheet"
tap_run "the period: today to 6 days later, 7 days" test $? -eq 0
grep -qF "向大木厂镇政府 0719-3333333反映，请注明该条的校验码。" "$sheet"
tap_run "the sheet says where to send objections" test $? -eq 0
grep -qF "合计：3 条，金额 4,500.00 元" "$sheet"
tap_run "totals: 3 records, 1,250 + 1,500 + 1,750" test $? -eq 0

# The lines: "  N  大木厂镇  NAME  PROGRAM  AMOUNT  MASKED  HASH16".
mapfile -t lines < <(grep -E '^ +[0-9]+  ' "$sheet")
tap_is "${#lines[@]}" 3 "three record lines"
names=$(printf '%s\n' "${lines[@]}" | awk '{print $3}' | paste -sd,)
tap_is "$names" "李,𠮷祥,欧阳明" "one line per household, in line order"
grep -qE '[0-9]{17}[0-9X]' "$sheet"
tap_run "no full ID number anywhere on the sheet" test $? -ne 0
masked_ok=$(printf '%s\n' "${lines[@]}" | grep -cE ' 659001\*{8}[0-9]{3}[0-9X]  [0-9a-f]{16}$')
tap_is "$masked_ok" 3 "each line ends with the masked ID number and a 16-digit hash"

# Display cells of each line, and before the hash column (the header's
# "Record hash" included): equal on every line when the columns line up.
cells() { # reads lines, prints the cell count of each (East Asian wide = 2)
	perl -CSD -ne 'chomp; my $w = 0; for my $c (split //) {
		$w += ($c =~ /\p{EA=W}|\p{EA=F}/) ? 2 : 1 } print "$w\n"'
}
widths=$(printf '%s\n' "${lines[@]}" | cells | sort -u | paste -sd,)
tap_is "$(wc -l <<<"${widths//,/$'\n'}")" 1 "every line has the same width in cells ($widths)"
starts=$( (grep -E '^序号' "$sheet" | sed 's/校验码$//'
	printf '%s\n' "${lines[@]}" | sed -E 's/[0-9a-f]{16}$//') | cells | sort -u | wc -l)
tap_is "$starts" 1 "the hash column starts at the same cell on every line and in the header"
RUN_LC=C run $sup print "$notice" >"$work/sheet-c.txt" 2>"$work/err"
cmp -s "$sheet" "$work/sheet-c.txt"
tap_run "under LC_ALL=C the sheet is the same, byte for byte (UTF-8, CJK two cells, in Chinese)" test $? -eq 0
# A public notice is Chinese whatever the printer's language, with or
# without a message catalogue (issue 12 item 11): it was English under
# en_US and C.
grep -qE '^公示编号：[0-9]+$' "$work/sheet-c.txt"
tap_run "under LC_ALL=C the sheet is in Chinese (公示编号, 合计, 异议)" test $? -eq 0
grep -qE 'Period|Total|Objections' "$work/sheet-c.txt"
tap_run "... with no English word of the old sheet" test $? -ne 0
# The file: written whole, 0644 (it is public), its absolute name said.
tap_is "$(stat -c %a "$sheet")" 644 "the printed sheet is 0644 (a public notice)"
(cd "$work" && umask 0 && LC_ALL=C "$bin" -U $sup notice print "$notice" rel-sheet.txt) 2>"$work/err"
grep -qF "written to $work/rel-sheet.txt" "$work/err"
tap_run "a relative file name is said in full ($work/rel-sheet.txt)" test $? -eq 0
# A symlink is followed (issue 13 item 3: a file is written where the
# link points, the link stays; it used to be refused here and turned into
# a regular file by export).
echo old >"$work/target.txt"
ln -s "$work/target.txt" "$work/link.txt"
run $sup print "$notice" "$work/link.txt" 2>"$work/err"
tap_is "$?:$(cmp -s "$sheet" "$work/target.txt" && echo same):$(test -L "$work/link.txt" && echo link)" \
	"0:same:link" "printing to a symlink writes the file it names, and the link stays a link"

# ---- hashes ------------------------------------------------------------------
verified=0
for l in "${lines[@]}"; do
	h=${l##* }
	got=$(db_psql_as $sup -c "SELECT v.hash_ok AND v.audit_action = 'approve'
	                                   AND v.notice_id = $notice AND NOT v.changed_since
	                             FROM eduaid.notice_verify('$h') v")
	[[ $got == t ]] && verified=$((verified + 1))
done
tap_is "$verified" 3 "every printed hash verifies with eduaid.notice_verify: its line, its approval"
stored=$(db_psql_super -c "SELECT string_agg(left(record_hash, 16), ',' ORDER BY line_no)
                             FROM eduaid.notice_item WHERE notice_id = $notice")
tap_is "$(printf '%s\n' "${lines[@]}" | awk '{print $NF}' | paste -sd,)" "$stored" \
	"the printed prefixes are those of the stored hashes, in line order"
h1=${lines[0]:-x}
h1=${h1##* }
run $sup verify "$h1" >"$work/out" 2>"$work/err"
tap_is "$?" 0 "notice verify HASH exits 0"
grep -qP "^$notice\t1\t大木厂镇\t李\t.*\thash-ok\t[0-9]+\tapprove\tdemo_supervisor2\t.*\tunchanged$" "$work/out"
tap_run "... naming the line, the approval by demo_supervisor2, unchanged" test $? -eq 0
run $sup verify 0123456789abcdef >"$work/out" 2>"$work/err"
tap_is "$?" 1 "an unknown hash exits 1"

# ---- close, list, RLS --------------------------------------------------------
run $sup close "$notice" >"$work/out" 2>"$work/err"
tap_is "$?" 1 "closing before the end date is refused (exit 1)"
grep -qF "it can be closed from $(date -d "$today +7 days" +%F) on" "$work/err"
tap_run "... in the server's words" test $? -eq 0
tap_is "$(run $sup list | awk -F'\t' -v n="$notice" '$1 == n {print $2, $3, $6, $7, $8}')" \
	"household_year open 7 3 0" "notice list: kind, state, days left, lines, undecided objections"
n_lines=$(run officer_103 print 1 | grep -cE '^ +[0-9]+  ')
tap_is "$n_lines" 1 "officer_103 prints only the line of his township from the demo notice"
run officer_103 print "$notice" >/dev/null 2>"$work/err"
tap_is "$?" 1 "and cannot see the 大木厂镇 notice at all"

tap_done
