#!/bin/sh
# tests/unit/pinyin_table.sh: sql/039_pinyin.sql is what tools/gen-pinyin
# makes from Unicode's Unihan readings (Debian's unicode-data, installed by
# tools/deps), and a few characters have the initials a reader expects.
# A TAP stream. Cost: about a second (perl reads the 1.2 MB bz2 file).
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
unihan=${EDUAID_UNIHAN:-/usr/share/unicode/Unihan_Readings.txt.bz2}
sql="$top/sql/039_pinyin.sql"
tmp=${TMPDIR:-/tmp}/pinyin_table.$$
trap 'rm -f "$tmp"' EXIT

printf '1..3\n'
if [ -r "$unihan" ] && "$top/tools/gen-pinyin" "$unihan" >"$tmp"; then
	printf 'ok 1 - tools/gen-pinyin reads %s\n' "$unihan"
else
	printf 'not ok 1 - tools/gen-pinyin reads %s (tools/deps installs unicode-data)\n' "$unihan"
fi
if cmp -s "$tmp" "$sql"; then
	printf 'ok 2 - %s is what tools/gen-pinyin makes\n' "${sql#"$top"/}"
else
	printf 'not ok 2 - %s is what tools/gen-pinyin makes\n' "${sql#"$top"/}"
fi
# 房 县 职 业 技 术 学 校 -> f x z y j s x x; 啊 (a reading starting with a
# tone-marked vowel) -> a
got=$(for c in 25151 21439 32844 19994 25216 26415 23398 26657 21834; do
	grep "^$c	" "$sql" | cut -f2
done | tr -d '\n')
if [ "$got" = fxzyjsxxa ]; then
	printf 'ok 3 - 房县职业技术学校啊 has the initials fxzyjsxxa\n'
else
	printf 'not ok 3 - 房县职业技术学校啊 has the initials fxzyjsxxa (got %s)\n' "$got"
fi
