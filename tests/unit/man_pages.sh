#!/bin/bash
# tests/unit/man_pages.sh: the man pages. man/eduaid.conf.5 is what
# man/settings-man.awk makes of the built eduaid's settings table (eduaid
# --describe-settings): a setting added, removed or documented anew fails
# here until `make eduaid.conf.5-update`. Each page formats without a
# warning (groff -ww, as man does: preconv for UTF-8) and has the NAME line
# lexgrog and apropos read; eduaid(1) names every command and option of
# eduaid --help. A TAP stream; cost: well under a second.
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${top_builddir:-$top}
bin=$build/eduaid
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(LC_ALL=C "$bin" --version | awk '{ print $2 }')
pages="$top/man/eduaid.1 $top/man/eduaid.conf.5"
# eduaid-admin(8) is admin's page: checked too when it is there
[ -f "$top/admin/eduaid-admin.8" ] && pages="$pages $top/admin/eduaid-admin.8"

n=0
result() { # STATUS DESCRIPTION [DETAIL-FILE]
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		printf 'ok %d - %s\n' "$n" "$2"
	else
		printf 'not ok %d - %s\n' "$n" "$2"
		[ -n "${3:-}" ] && head -n 20 "$3" | sed 's/^/#   /'
	fi
}

set -- $pages
printf '1..%d\n' $((2 + 2 * $#))

LC_ALL=C "$bin" --describe-settings |
	awk -v version="$version" -f "$top/man/settings-man.awk" >"$work/conf.5"
diff -u "$top/man/eduaid.conf.5" "$work/conf.5" >"$work/diff"
result $? "man/eduaid.conf.5 is the settings table's (make eduaid.conf.5-update)" "$work/diff"

for page in $pages; do
	LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -z "$page" >"$work/warn" 2>&1
	[ ! -s "$work/warn" ]
	result $? "${page##*/} formats without warnings (groff -k -man -ww)" "$work/warn"
	lexgrog "$page" >"$work/lex" 2>&1
	result $? "${page##*/} has a NAME line lexgrog reads" "$work/lex"
done

# every command and option of eduaid --help is in eduaid(1)
LC_ALL=C.UTF-8 groff -k -man -Tutf8 -P-cbou "$top/man/eduaid.1" 2>/dev/null >"$work/eduaid.txt"
: >"$work/missing"
for w in $(LC_ALL=C "$bin" --help | awk '/^Commands:/ { on = 1; next }
	on && /^  [a-z]/ { print $1 }
	!on && /^  -/ { sub(/,$/, "", $1); print $1; if ($2 ~ /^--/) print $2 }'); do
	grep -qF -- "$w" "$work/eduaid.txt" || echo "$w" >>"$work/missing"
done
[ ! -s "$work/missing" ]
result $? "eduaid(1) names every command and option of eduaid --help" "$work/missing"
