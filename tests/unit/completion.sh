#!/bin/bash
# tests/unit/completion.sh: the bash completion (completion/eduaid) driven
# as bash drives it: the file sourced, COMP_WORDS and COMP_CWORD set, the
# function called, COMPREPLY checked. The commands and report names must
# be what the built eduaid says (--help, report --list), the record kinds
# and actions what the commands take. No server. A TAP stream; cost:
# about 1 s (a few dozen runs of eduaid --help).
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${top_builddir:-$top}
bin=$build/eduaid
# shellcheck source=../../completion/eduaid
. "$top/completion/eduaid"

n=0
# complete WORDS...: the last word is the one being completed
complete_line() {
	COMP_WORDS=("$bin" "$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_eduaid
	printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd' '
}
check() { # WANT DESCRIPTION WORDS...
	local want=$1 what=$2 got
	shift 2
	got=$(complete_line "$@")
	n=$((n + 1))
	if [ "$got" = "$want" ]; then
		printf 'ok %d - %s\n' "$n" "$what"
	else
		printf 'not ok %d - %s\n#   want: %s\n#   got:  %s\n' "$n" "$what" "$want" "$got"
	fi
}

echo 1..20
commands=$(LC_ALL=C "$bin" --help | awk '/^Commands:/ { on = 1; next }
	on && /^  [a-z]/ { print $1 }' | LC_ALL=C sort | paste -sd' ')
reports=$(LC_ALL=C "$bin" report --list | awk '{ print $1 }' | LC_ALL=C sort | paste -sd' ')
check "$commands" "the commands of eduaid --help" ""
check "check-id" "a prefix of a command" "ch"
check "export" "after global options with arguments" -h db1 -p 5433 -U wang_li exp
check "--help --version -? -U -V -c -d -h -p" "the global options, psql's letters" -
check "$reports" "the report names of eduaid report --list" report ""
check "subsidy subsidy_migrant subsidy_missing" "a prefix of a report name" report sub
check "household special_ed teacher_fund training" "the record kinds of export" export ""
check "--township" "export's options" export household --tow
check "gb18030 utf-8 utf-8-nobom" "export --encoding" export household --encoding ""
check "approved" "export --status" export --status app
check "roster" "import's one kind" import ""
check "household_year teacher_fund" "the kinds of a notice" notice open ""
check "--help close list open print verify" "notice's actions" notice ""
check "admin auditor clerk inspector officer supervisor" "user --role" user request-create bob --name N --role ""
check "--help delete list set" "rates' actions" rates ""
check "bulletin notice scores" "pairing print's documents" pairing print ""
check "--help notice outcome" "admission's actions (issue 17 H4)" admission ""
check "--pdf --township --year" "the admission notice's options" admission notice --
check "--pdf --quarter --year" "the bulletin's options" pairing print bulletin --
# every report name the completion offers is one eduaid runs: report NAME --help
bad=
for r in $reports; do
	LC_ALL=C "$bin" report "$r" --help >/dev/null 2>&1 || bad="$bad $r"
done
n=$((n + 1))
if [ -n "$reports" ] && [ -z "$bad" ]; then
	printf 'ok %d - every report name is one eduaid report takes\n' "$n"
else
	printf 'not ok %d - every report name is one eduaid report takes:%s\n' "$n" "$bad"
fi
