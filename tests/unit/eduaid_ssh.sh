#!/bin/bash
# tests/unit/eduaid_ssh.sh: the SSH ForceCommand's dispatcher (the built
# admin/eduaid-ssh) run as sshd runs it, with SSH_ORIGINAL_COMMAND set and
# a stub in place of the client (EDUAID_SSH_EDUAID) that prints its working
# directory and its arguments, one a line: the words it passes, the folder
# it runs in (~/eduaid, made 0700), and what it refuses (exit 126, with a
# message). No server, no sshd (tests/package/ssh.sh runs a real one, as
# root). A TAP stream; cost: about 1 s.
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${top_builddir:-$top}
disp=$build/admin/eduaid-ssh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home"
cat >"$tmp/stub" <<'EOF'
#!/bin/sh
pwd
for a in "$@"; do printf '[%s]\n' "$a"; done
EOF
chmod +x "$tmp/stub"

n=0 failed=0
ok() { # STATUS DESCRIPTION
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		printf 'ok %d - %s\n' "$n" "$2"
	else
		printf 'not ok %d - %s\n' "$n" "$2"
		failed=$((failed + 1))
		sed 's/^/#   /' "$tmp/out" "$tmp/err"
	fi
}
# run COMMAND: the dispatcher with SSH_ORIGINAL_COMMAND=COMMAND, no terminal
run() {
	env -i HOME="$tmp/home" PATH=/usr/bin:/bin EDUAID_SSH_EDUAID="$tmp/stub" \
		SSH_ORIGINAL_COMMAND="$1" "$disp" </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

[ -x "$disp" ] || { echo "Bail out! $disp is not built"; exit 1; }

run "eduaid export household --township \"城关 镇\" 'a b.csv'"
printf '%s\n' "$tmp/home/eduaid" '[export]' '[household]' '[--township]' '[城关 镇]' '[a b.csv]' |
	cmp -s - "$tmp/out"
ok $? "eduaid export ...: the words as they are ('...' and \"...\" quote), run in ~/eduaid"
[ "$(stat -c %a "$tmp/home/eduaid")" = 700 ]
ok $? "  ~/eduaid made, 0700"
run "  eduaid   report   subsidy   --pdf x.pdf  "
[ "$rc" = 0 ] && [ "$(sed -n 2,5p "$tmp/out" | paste -sd' ')" = "[report] [subsidy] [--pdf] [x.pdf]" ]
ok $? "eduaid report: blanks around and between words do not make words"
run "eduaid notice print 3 --pdf n.pdf"
[ "$rc" = 0 ] && grep -qxF '[notice]' "$tmp/out"
ok $? "eduaid notice is offered"
# shellcheck disable=SC2016 # the words are the dispatcher's, not ours
for c in 'eduaid export household $(id).csv' 'eduaid export household `id`' \
	'eduaid report subsidy; id' 'eduaid report subsidy | id' 'eduaid report subsidy >x' \
	'eduaid export household *.csv' 'eduaid export household ~/x.csv' 'eduaid report a\b'; do
	run "$c"
	[ "$rc" = 126 ] && grep -q 'is not allowed in a command (no shell runs here)' "$tmp/err" && [ ! -s "$tmp/out" ]
	ok $? "refused, nothing run: $c"
done
run "eduaid import roster r.csv"
[ "$rc" = 126 ] && grep -q 'eduaid import is not offered over SSH' "$tmp/err" && [ ! -s "$tmp/out" ]
ok $? "eduaid import: refused (in the interactive login)"
run "eduaid"
[ "$rc" = 126 ] && grep -q 'needs a command' "$tmp/err"
ok $? "eduaid alone: refused"
run "sh -c id"
[ "$rc" = 126 ] && grep -q "'sh' is not offered over SSH" "$tmp/err" && [ ! -s "$tmp/out" ]
ok $? "a shell: refused, saying what is offered"
run "/tmp/eduaid export household x.csv"
[ "$rc" = 126 ] && [ ! -s "$tmp/out" ]
ok $? "a path to another eduaid: refused"
run "scp -t ."
[ "$rc" = 126 ] && grep -q 'use scp without -O' "$tmp/err"
ok $? "legacy scp -t: refused, saying use scp without -O"
run "eduaid report 'subsidy"
[ "$rc" = 126 ] && grep -q 'unterminated quote' "$tmp/err"
ok $? "an unterminated quote: refused"
run ""
[ "$rc" = 126 ] && grep -q 'no terminal' "$tmp/err" && [ ! -s "$tmp/out" ]
ok $? "no command and no terminal: refused (ssh -t, or a command)"
rmdir "$tmp/home/eduaid" && : >"$tmp/home/eduaid"
run "eduaid report --list"
[ "$rc" = 126 ] && grep -q 'cannot make' "$tmp/err" && [ ! -s "$tmp/out" ]
ok $? "the folder (~/eduaid) is no directory and cannot be made: refused"

echo "1..$n"
[ "$failed" = 0 ]
