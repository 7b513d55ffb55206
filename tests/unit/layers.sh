#!/bin/sh
# tests/unit/layers.sh: the layers of src/ as data, and a check that no
# #include points upward or sideways (TAP, run by "make check").
#
# Each directory of src/ is a layer; a file may include headers of the
# layers its line names (its own among them), nothing else. Files at the
# top of src/ (main.c) are the layer "main". config.h (made by configure)
# may be included anywhere. The picture (docs/architecture.md):
#
#   main ─▶ cli ──────────────▶ db ─▶ core
#     └───▶ app ─▶ screens ─▶ ui ───▶ core
#                     └─────▶ db
#
# Usage: tests/unit/layers.sh [SRCDIR]   (default: $top_srcdir/src)
# With SRCDIR, only the include check runs on that tree (the self-test
# below uses it on a copy with a planted upward include).

LAYERS='
core     core
db       core db
ui       core ui
screens  core db ui screens
app      core db ui screens app
cli      core db cli
main     core cli app main
'

# System headers that belong to one place: header, then the layers or
# files (paths under src/) that may include it.
SYSTEM='
libpq-fe.h   db/db.c
curses.h     ui screens
ncurses.h    ui screens
readline/    ui/prompt.c
libconfig.h  core
'

set -u
here=$(cd "$(dirname "$0")" && pwd)
top=${top_srcdir:-$here/../..}

# check_tree SRCDIR: one line per offending include on stdout
# ("file:line: message"); exit status 0 when there is none. One awk pass:
# the layer table, the system-header table, the list of files, then
# every file's lines.
check_tree() {
    (cd "$1" && find . -name '*.[ch]' | sed 's|^\./||' | sort >"$tmp/files") &&
    (cd "$1" && printf '%s\n' "$LAYERS" >"$tmp/layers" &&
     printf '%s\n' "$SYSTEM" >"$tmp/system" &&
     awk '
        function layer(p) { return p ~ /\// ? substr(p, 1, index(p, "/") - 1) : "main" }
        function dir(p) { return p ~ /\// ? substr(p, 1, match(p, /\/[^\/]*$/) - 1) : "" }
        function complain(msg) { print FILENAME ":" FNR ": " msg; bad = 1 }
        FILENAME == ARGV[1] { if (NF) { may[$1] = " "; for (i = 2; i <= NF; i++) may[$1] = may[$1] $i " " } next }
        FILENAME == ARGV[2] { if (NF) { nsys++; syshdr[nsys] = $1; syswhere[nsys] = " "; for (i = 2; i <= NF; i++) syswhere[nsys] = syswhere[nsys] $i " " } next }
        FILENAME == ARGV[3] { exists[$0] = 1; next }
        FNR == 1 {
            from = layer(FILENAME)
            if (!(from in may)) complain("directory " from " is not a layer in tests/unit/layers.sh")
        }
        /^[ \t]*#[ \t]*include[ \t]*"/ {
            inc = $0; sub(/^[^"]*"/, "", inc); sub(/".*/, "", inc)
            if (inc == "config.h") next
            d = dir(FILENAME)
            if (d != "" && ((d "/" inc) in exists)) target = d "/" inc
            else if (inc in exists) target = inc
            else { complain("\"" inc "\" is no file under src/"); next }
            to = layer(target)
            if (index(may[from], " " to " ") == 0)
                complain(from " may not include " to " (" target ")")
            next
        }
        /^[ \t]*#[ \t]*include[ \t]*</ {
            inc = $0; sub(/^[^<]*</, "", inc); sub(/>.*/, "", inc)
            for (i = 1; i <= nsys; i++)
                if (substr(inc, 1, length(syshdr[i])) == syshdr[i] &&
                    index(syswhere[i], " " FILENAME " ") == 0 &&
                    index(syswhere[i], " " layer(FILENAME) " ") == 0)
                    complain("<" inc "> belongs to" syswhere[i] "only")
        }
        END { exit bad }
     ' "$tmp/layers" "$tmp/system" "$tmp/files" $(cat "$tmp/files"))
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/layers.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

if [ $# -gt 0 ]; then
    check_tree "$1"
    exit $?
fi

echo "1..3"

# 1. The tree as it is.
if out=$(check_tree "$top/src"); then
    echo "ok 1 - every #include in src/ points down the layers"
else
    echo "not ok 1 - includes that point upward or sideways"
    printf '%s\n' "$out" | sed 's/^/# /'
fi

# 2-3. The check can fail: a copy of src/ with a ui file that includes a
# screen's header, and a screen that includes libpq.
mkdir "$tmp/src"
(cd "$top/src" && find . -name '*.[ch]' -print | tar -cf - -T -) |
    (cd "$tmp/src" && tar -xf -)
printf '#include "screens/screens.h"\n' >>"$tmp/src/ui/draw.c"
if out=$(check_tree "$tmp/src"); then
    echo "not ok 2 - a ui file including screens/screens.h was not caught"
elif printf '%s\n' "$out" | grep -q '^ui/draw.c:[0-9]*: ui may not include screens'; then
    echo "ok 2 - an upward include is caught, with file and line"
else
    echo "not ok 2 - the upward include was reported wrongly"
    printf '%s\n' "$out" | sed 's/^/# /'
fi
cp "$top/src/ui/draw.c" "$tmp/src/ui/draw.c"
printf '#include <libpq-fe.h>\n' >>"$tmp/src/screens/menu.c"
if out=$(check_tree "$tmp/src"); then
    echo "not ok 3 - a screen including libpq-fe.h was not caught"
elif printf '%s\n' "$out" | grep -q '^screens/menu.c:[0-9]*: <libpq-fe.h>'; then
    echo "ok 3 - libpq outside src/db/db.c is caught"
else
    echo "not ok 3 - the libpq include was reported wrongly"
    printf '%s\n' "$out" | sed 's/^/# /'
fi
