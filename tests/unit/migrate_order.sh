#!/bin/sh
# tests/unit/migrate_order.sh: sql/migrate.sh replays repeatable/ in byte
# order whatever the shell and the locale. A function with an SQL body is
# parsed when made, so 36_pairing.sql (pair_semester ...) must come before
# 36_pairing_reports.sql, which calls it; bash collating by zh_CN.UTF-8 or
# en_US.UTF-8 ignores the punctuation and would glob them the other way.
# The test takes migrate.sh's repeatable_files function out of the file
# and runs it under sh and bash in those locales (TAP).
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
migrate=$top_srcdir/sql/migrate.sh
here=$top_srcdir/sql
n=0
fail=0

ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		printf 'ok %d - %s\n' "$n" "$2"
	else
		printf 'not ok %d - %s\n' "$n" "$2"
		fail=1
	fi
}

func=$(sed -n '/^repeatable_files() {$/,/^}$/p' "$migrate")
[ -n "$func" ]
ok $? "sql/migrate.sh defines repeatable_files()"
want=$(cd "$here/repeatable" && LC_ALL=C ls [0-9][0-9]_*.sql)
for shell in sh bash; do
	for loc in C.UTF-8 zh_CN.UTF-8 en_US.UTF-8; do
		got=$(here=$here LC_ALL=$loc "$shell" -c "$func
repeatable_files 0 9" 2>/dev/null | sed 's|.*/||')
		[ "$got" = "$want" ]
		ok $? "$shell in $loc: every repeatable file, in byte order"
	done
done
got=$(here=$here LC_ALL=zh_CN.UTF-8 bash -c "$func
repeatable_files 3 3" | sed 's|.*/||' | grep '^36_pairing' | tr '\n' ' ')
[ "$got" = "36_pairing.sql 36_pairing_board.sql 36_pairing_reports.sql " ]
ok $? "bash in zh_CN.UTF-8: 36_pairing.sql before 36_pairing_board.sql and 36_pairing_reports.sql"
printf '1..%d\n' "$n"
exit $fail
