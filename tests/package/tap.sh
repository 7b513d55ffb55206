# shellcheck shell=bash
# tests/package/tap.sh: the TAP helpers of the package tests (deb.sh,
# ssh.sh), sourced after TAP_NAME is set:
#   ok STATUS DESCRIPTION [LOG]  a numbered ok / not ok; on failure the
#                                last lines of LOG as comments
#   summary                      with TAP_PLAN_LAST=1 the plan (1..N) first,
#                                then the seconds taken and the line
#                                tools/test counts: `TAP_NAME: N passed, N failed`
#   bail MESSAGE [LOG]           Bail out!, the summary, exit 1
npass=0 nfail=0
ok() {
	if [ "$1" = 0 ]; then
		npass=$((npass + 1))
		printf 'ok %d - %s\n' $((npass + nfail)) "$2"
	else
		nfail=$((nfail + 1))
		printf 'not ok %d - %s\n' $((npass + nfail)) "$2"
		[ -n "${3:-}" ] && [ -f "$3" ] && tail -n 25 "$3" | sed 's/^/#   /'
	fi
	return 0
}
summary() {
	[ "${TAP_PLAN_LAST:-0}" = 1 ] && printf '1..%d\n' $((npass + nfail))
	printf '# %d s\n' "$SECONDS"
	printf '%s: %d passed, %d failed\n' "$TAP_NAME" "$npass" "$nfail"
}
bail() {
	printf 'Bail out! %s\n' "$1"
	[ -n "${2:-}" ] && [ -f "$2" ] && tail -n 30 "$2" | sed 's/^/#   /'
	nfail=$((nfail + 1))
	summary
	exit 1
}
