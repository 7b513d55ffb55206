#!/bin/bash
# tests/unit/cli_language.sh: the command line speaks the user's language
# without tools/demo's environment (issue 12 item 11): `eduaid --help`, a
# subcommand's --help and an error under LANG=zh_CN.UTF-8 alone (no LC_ALL,
# no LANGUAGE) are Chinese, under LANG=C English. The catalogue is the
# build's po/zh_CN.gmo, laid out as an installed one would be (the binary's
# LOCALEDIR is the install prefix's, not yet installed here). A TAP stream.
# Cost: a few milliseconds.
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${top_builddir:-$top}
bin=$build/eduaid
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '1..8\n'
gmo=
for g in "$build/po/zh_CN.gmo" "$top/po/zh_CN.gmo"; do
	[ -f "$g" ] && gmo=$g && break
done
if [ ! -x "$bin" ] || [ -z "$gmo" ] || ! locale -a | grep -qi '^zh_CN.utf-\?8$'; then
	printf 'not ok 1 - eduaid, po/zh_CN.gmo and the zh_CN.UTF-8 locale are there\n'
	exit 1
fi
printf 'ok 1 - eduaid, po/zh_CN.gmo and the zh_CN.UTF-8 locale are there\n'
mkdir -p "$work/locale/zh_CN/LC_MESSAGES"
cp "$gmo" "$work/locale/zh_CN/LC_MESSAGES/eduaid.mo"

as() { # LANG ARGS...
	local lang=$1
	shift
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG="$lang" \
		EDUAID_LOCALEDIR="$work/locale" HOME="$work" EDUAID_CONF= "$bin" "$@" 2>&1
}
check() { # N DESC PATTERN TEXT
	if printf '%s\n' "$4" | grep -qE "$3"; then
		printf 'ok %s - %s\n' "$1" "$2"
	else
		printf 'not ok %s - %s\n' "$1" "$2"
		printf '%s\n' "$4" | head -5 | sed 's/^/#   /'
	fi
}
check 2 "eduaid --help under LANG=zh_CN.UTF-8 is Chinese (用法, 命令, 公示)" \
	'^用法：eduaid .*命令' "$(as zh_CN.UTF-8 --help | paste -sd' ')"
check 3 "... its commands' summaries too" '公示：列出、打印、开启、结束、核验' "$(as zh_CN.UTF-8 --help)"
check 4 "eduaid --help under LANG=C is English" '^Usage: eduaid .*Commands:' "$(as C --help | paste -sd' ')"
check 5 "an unknown command is said in Chinese under LANG=zh_CN.UTF-8" '未知命令“frob”' "$(as zh_CN.UTF-8 frob)"
check 6 "eduaid notice --help under LANG=zh_CN.UTF-8 is Chinese" '^用法' "$(as zh_CN.UTF-8 notice --help)"
check 7 "eduaid check-id --help under LANG=zh_CN.UTF-8 is Chinese" '校验居民身份证号' "$(as zh_CN.UTF-8 check-id --help)"
check 8 "... and its unknown option" '未知选项“--frob”' "$(as zh_CN.UTF-8 check-id --frob)"
