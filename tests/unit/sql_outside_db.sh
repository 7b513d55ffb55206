#!/bin/sh
# tests/unit/sql_outside_db.sh: SQL text lives in src/db only. The screens,
# the subcommands, the app loop, the ui layer and main.c call the db
# modules (src/db/*.h) and hold no statement, no eduaid.<table> and no
# call of an eduaid.<function>(...) -- not even in a comment, so that the
# check stays a plain grep. A TAP stream; exit 1 when something is found.
#
# Run by `make check` (top_srcdir set) or by hand from anywhere. Cost: a
# few milliseconds.
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
if ! cd "$top"; then
	printf '1..1\nnot ok 1 - top_srcdir %s is a directory\n' "$top"
	exit 1
fi

# The grep of issue 10, and the statements that are not queries.
pattern='"(SELECT|INSERT|UPDATE|DELETE|WITH) |FROM eduaid|eduaid\.[a-z_]+\('
pattern="$pattern"'|"(FETCH|DECLARE|SET|LOCK|COPY|BEGIN|COMMIT|ROLLBACK|CALL|TRUNCATE) '

# Every C file outside src/db (src/cli, src/app, src/screens, src/ui,
# src/core, main.c).
set -- $(find src -name '*.[ch]' ! -path 'src/db/*' | sort)

printf '1..2\n'
if [ -d src/screens ] && [ -d src/db ]; then
	printf 'ok 1 - the source tree is found (%s)\n' "$top"
else
	printf 'not ok 1 - the source tree is found (%s)\n' "$top"
	exit 1
fi
# (comment lines may name the server's functions: " * ...", "/* ...")
hits=$(grep -nE "$pattern" "$@" | grep -vE '^[^:]*:[0-9]+:[[:space:]]*(/?\*|//)')
if [ -z "$hits" ]; then
	printf 'ok 2 - no SQL text outside src/db (%d files)\n' "$#"
	exit 0
fi
printf 'not ok 2 - no SQL text outside src/db: move it into a module of src/db\n'
printf '%s\n' "$hits" | sed 's/^/#   /'
exit 1
