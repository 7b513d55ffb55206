#!/bin/bash
# tests/unit/check_id_cli.sh: `eduaid check-id` folds an ID number typed in
# full width (０-９, Ｘ) and trims Unicode blanks (U+3000, U+00A0) before
# the check, as the server does (issue 13 item 5: such a number got "must
# be 18 characters long"): given as an argument and read from standard
# input, it is valid and printed in ASCII; a full-width ｘ is an x, refused
# as the ASCII one is. A TAP stream. Cost: a few milliseconds.
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${top_builddir:-$top}
bin=$build/eduaid

printf '1..5\n'
if [ ! -x "$bin" ]; then
	printf 'not ok 1 - eduaid is built\n'
	exit 1
fi
printf 'ok 1 - eduaid is built\n'
run() {
	env -u LC_ALL -u LANGUAGE LANG=C.UTF-8 HOME=/nonexistent EDUAID_CONF= "$bin" check-id "$@" 2>&1
}
is() { # N DESC GOT WANT
	if [ "$3" = "$4" ]; then
		printf 'ok %s - %s\n' "$1" "$2"
	else
		printf 'not ok %s - %s\n#   got:  %s\n#   want: %s\n' "$1" "$2" "$3" "$4"
	fi
}
ok=$(printf '11010519491231002X\tok\t1949-12-31\tF')
is 2 "a full-width number as an argument is valid, printed in ASCII" \
	"$(run '１１０１０５１９４９１２３１００２Ｘ'; echo "exit $?")" "$ok
exit 0"
is 3 "... with U+3000 and U+00A0 around it" \
	"$(run $'\u3000''110105１９４９１２３１００２X'$'\u00a0'; echo "exit $?")" "$ok
exit 0"
is 4 "... read from standard input" \
	"$(printf '１１０１０５１９４９１２３１００２Ｘ\u3000\r\n' | run; echo "exit $?")" "$ok
exit 0"
is 5 "a full-width ｘ is a lower-case x: refused (exit 1)" \
	"$(run '１１０１０５１９４９１２３１００２ｘ' >/dev/null; echo "exit $?")" "exit 1"
