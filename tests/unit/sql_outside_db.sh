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

# The files outside src/db that might hold SQL, wherever they live now
# (src/cmd_*.c or src/cli/).
set --
for p in src/screens src/cli src/ui src/app.c src/client.c src/main.c \
	src/cmd_*.c; do
	if [ -e "$p" ]; then
		set -- "$@" "$p"
	fi
done

printf '1..2\n'
if [ -d src/screens ] && [ -d src/db ]; then
	printf 'ok 1 - the source tree is found (%s)\n' "$top"
else
	printf 'not ok 1 - the source tree is found (%s)\n' "$top"
	exit 1
fi
hits=$(grep -rnE "$pattern" "$@")
if [ -z "$hits" ]; then
	printf 'ok 2 - no SQL text outside src/db (%s)\n' "$*"
	exit 0
fi
printf 'not ok 2 - no SQL text outside src/db: move it into a module of src/db\n'
printf '%s\n' "$hits" | sed 's/^/#   /'
exit 1
