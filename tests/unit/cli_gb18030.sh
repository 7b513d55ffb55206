#!/bin/bash
# tests/unit/cli_gb18030.sh: the command line in a GB18030 locale (issue
# 13, Terminals). The program's text is UTF-8 inside (gettext's catalogue
# is bound to UTF-8, the database's text is UTF-8); under
# LANG=zh_CN.GB18030 standard error, and standard output on a terminal,
# carry GB18030 -- the bytes of the zh_CN.UTF-8 text converted, no more
# and no less -- while standard output into a pipe or a file stays UTF-8
# (data). Before, all of it was UTF-8, garbled on a GB18030 terminal.
# The terminal is script(1)'s pty. A TAP stream. Cost: a few
# milliseconds.
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${top_builddir:-$top}
bin=$build/eduaid
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '1..9\n'
gmo=
for g in "$build/po/zh_CN.gmo" "$top/po/zh_CN.gmo"; do
	[ -f "$g" ] && gmo=$g && break
done
if [ ! -x "$bin" ] || [ -z "$gmo" ] || ! command -v script >/dev/null ||
	! locale -a | grep -qix 'zh_CN.gb18030' || ! locale -a | grep -qix 'zh_CN.utf-\?8'; then
	printf 'not ok 1 - eduaid, po/zh_CN.gmo, script(1), zh_CN.UTF-8 and zh_CN.GB18030 are there\n'
	exit 1
fi
printf 'ok 1 - eduaid, po/zh_CN.gmo, script(1), zh_CN.UTF-8 and zh_CN.GB18030 are there\n'
mkdir -p "$work/locale/zh_CN/LC_MESSAGES"
cp "$gmo" "$work/locale/zh_CN/LC_MESSAGES/eduaid.mo"

run_in() { # LOCALE COMMAND...: run with the locale and the catalogue
	local l=$1
	shift
	env -u LANGUAGE LANG="$l" LC_ALL="$l" EDUAID_LOCALEDIR="$work/locale" \
		HOME="$work" EDUAID_CONF= "$@"
}
gb() { iconv -f UTF-8 -t GB18030; }
same() { # N DESC FILE-GOT FILE-WANT
	if [ -s "$4" ] && cmp -s "$3" "$4"; then
		printf 'ok %s - %s\n' "$1" "$2"
	else
		printf 'not ok %s - %s\n' "$1" "$2"
		od -c "$3" | head -3 | sed 's/^/#   got  /'
		od -c "$4" | head -3 | sed 's/^/#   want /'
	fi
}

run_in zh_CN.UTF-8 "$bin" --bogus 2>&1 >/dev/null | gb >"$work/want"
run_in zh_CN.GB18030 "$bin" --bogus 2>"$work/got" >/dev/null
same 2 "an unknown option: standard error in GB18030" "$work/got" "$work/want"

run_in zh_CN.UTF-8 "$bin" check-id --help | gb >"$work/want"
run_in zh_CN.GB18030 script -qec "'$bin' check-id --help" /dev/null | tr -d '\r' >"$work/got"
same 3 "check-id --help on a terminal: GB18030" "$work/got" "$work/want"

run_in zh_CN.UTF-8 "$bin" check-id --help >"$work/want"
run_in zh_CN.GB18030 "$bin" check-id --help >"$work/got"
same 4 "check-id --help into a file: UTF-8, as in zh_CN.UTF-8" "$work/got" "$work/want"

run_in zh_CN.UTF-8 script -qec "'$bin' check-id --help" /dev/null | tr -d '\r' >"$work/got"
run_in zh_CN.UTF-8 "$bin" check-id --help >"$work/want"
same 5 "in zh_CN.UTF-8 a terminal gets the same UTF-8" "$work/got" "$work/want"

# arguments come in the locale's encoding: full-width digits typed on a
# GB18030 terminal are folded as in UTF-8 (cli_text)
fw='４２０３２５２００８０１０１００１Ｘ'
run_in zh_CN.UTF-8 "$bin" check-id "$fw" >"$work/want"
run_in zh_CN.GB18030 "$bin" check-id "$(printf '%s' "$fw" | gb)" >"$work/got"
same 6 "check-id of full-width digits in GB18030: what UTF-8 gives" "$work/got" "$work/want"
bad=$(printf '\201')
run_in zh_CN.GB18030 "$bin" check-id "$bad" >/dev/null 2>"$work/got"
if [ $? -eq 1 ] && iconv -f GB18030 -t UTF-8 <"$work/got" | grep -q 'GB18030'; then
	printf 'ok 7 - an argument that is no GB18030 text is said to be so\n'
else
	printf 'not ok 7 - an argument that is no GB18030 text is said to be so\n'
	sed 's/^/#   /' "$work/got"
fi

# standard input too: the numbers of a GB18030 file (full-width digits),
# one per line, give what the same lines in UTF-8 give
printf '%s\n  %s\n' "$fw" "$fw" >"$work/ids.utf8"
run_in zh_CN.UTF-8 "$bin" check-id <"$work/ids.utf8" >"$work/want"
gb <"$work/ids.utf8" | run_in zh_CN.GB18030 "$bin" check-id >"$work/got"
same 8 "check-id reading full-width digits from GB18030 standard input: what UTF-8 gives" "$work/got" "$work/want"
{ printf '%s\n' "$fw" | gb; printf '\201\n'; } >"$work/ids.gb"
run_in zh_CN.GB18030 "$bin" check-id <"$work/ids.gb" >"$work/got" 2>"$work/err"
if [ $? -eq 1 ] && [ "$(wc -l <"$work/got")" = 1 ] && iconv -f GB18030 -t UTF-8 <"$work/err" | grep -q 'GB18030'; then
	printf 'ok 9 - a line of standard input that is no GB18030 text: exit 1, said so, the others checked\n'
else
	printf 'not ok 9 - a line of standard input that is no GB18030 text: exit 1, said so, the others checked\n'
	sed 's/^/#   /' "$work/got" "$work/err"
fi
