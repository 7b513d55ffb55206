#!/bin/sh
# tests/unit/dist_lists.sh: every file the suites and the server need is
# listed in Makefile.am. Automake cannot glob, so a new migration, a
# repeatable file, demo data, a form, a pgTAP file or a tmux walk that is
# not named there is left out of the tarball: `make distcheck` and the
# Debian package then build and test without it, and pass (as
# tests/db/30_transfer.sql did, run in the tree and missing from the
# release). And every source file with words to translate is in
# po/POTFILES.in. A TAP stream; exit 1 when a file is missing.
#
# Run by `make check` (top_srcdir set) or by hand from anywhere. Cost: a
# few milliseconds.
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
if ! cd "$top" || [ ! -f Makefile.am ]; then
	printf '1..1\nnot ok 1 - top_srcdir %s holds Makefile.am\n' "$top"
	exit 1
fi

printf '1..3\nok 1 - Makefile.am is found (%s)\n' "$top"
missing=
n=0
for f in sql/*.sql sql/repeatable/*.sql sql/data/*.sql sql/data/*.sh forms/*.conf \
	tests/db/*.sql tests/db/*.t tests/db/*.sh tests/tui/*.t; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	# a whole word of Makefile.am: the path, then a blank, a backslash or the end
	grep -qE "(^|[[:space:]])$f([[:space:]]|\\\\|\$)" Makefile.am || missing="$missing $f"
done
status=0
if [ -z "$missing" ]; then
	printf 'ok 2 - every one of %d files is listed in Makefile.am\n' "$n"
else
	printf 'not ok 2 - listed in Makefile.am (add them to dist_sql_DATA, DB_TESTS_FILES, ...)\n'
	printf '#   %s\n' $missing
	status=1
fi

# A source file with words to translate is in po/POTFILES.in: otherwise
# the build's msgmerge drops its words from zh_CN.po as obsolete, and the
# screens show them in English (the chooser's "Now" did).
missing=
n=0
for f in $(grep -rlE '(^|[^A-Za-z0-9_])N?_\("' src --include='*.c' --include='*.h' | sort); do
	n=$((n + 1))
	grep -qxF "$f" po/POTFILES.in || missing="$missing $f"
done
if [ -z "$missing" ]; then
	printf 'ok 3 - every one of %d source files with words to translate is in po/POTFILES.in\n' "$n"
else
	printf 'not ok 3 - listed in po/POTFILES.in\n'
	printf '#   %s\n' $missing
	status=1
fi
exit $status
