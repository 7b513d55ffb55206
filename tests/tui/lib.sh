# tests/tui/lib.sh: driving the terminal client in tmux for end-to-end
# tests -- a private tmux server per test file, the client started in a
# pane of a given size and locale, keys sent, and the screen read back
# with waits on what should appear (never fixed sleeps). Sourced by
# the suites tests/tui/NN_*.t, each run on a copy of the demo cluster of its
# own by tests/tui/run.sh.
#
# TAP helpers: ok/not ok lines numbered by tui_ok; tui_done prints the plan.

TUI_SOCK="eduaid-e2e-$$"
TUI_N=0
TUI_FAILED=0

tmux_() { tmux -L "$TUI_SOCK" "$@"; }

tui_ok() { # CONDITION-STATUS DESCRIPTION
	TUI_N=$((TUI_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $TUI_N - $2"
	else
		echo "not ok $TUI_N - $2"
		TUI_FAILED=$((TUI_FAILED + 1))
		echo "# screen:"
		tui_screen | sed 's/^/#   /'
	fi
}

tui_done() {
	echo "1..$TUI_N"
	tmux_ kill-server 2>/dev/null
	[ "$TUI_FAILED" -eq 0 ]
}

# The client's binary, forms and message catalogue, from the build tree.
tui_setup() {
	TUI_BIN=${top_builddir:-$top_srcdir}/eduaid
	TUI_TMP=$(mktemp -d)
	mkdir -p "$TUI_TMP/locale/zh_CN/LC_MESSAGES" "$TUI_TMP/home"
	# gettext builds the catalogue in the source tree's po/ (a VPATH build
	# such as distcheck's) or the build tree's; without it the Chinese
	# screens cannot be checked, so say so loudly.
	for po in "${top_builddir:-$top_srcdir}/po" "$top_srcdir/po"; do
		[ -f "$po/zh_CN.gmo" ] && cp "$po/zh_CN.gmo" "$TUI_TMP/locale/zh_CN/LC_MESSAGES/eduaid.mo" && break
	done
	[ -f "$TUI_TMP/locale/zh_CN/LC_MESSAGES/eduaid.mo" ] || echo "# no po/zh_CN.gmo in the build or source tree"
	trap 'tmux_ kill-server 2>/dev/null; rm -rf "$TUI_TMP"' EXIT
}

# Run the shell COMMAND in a fresh COLSxROWS tmux session. The previous
# server is killed and waited for; if the new session still fails ("server
# exited unexpectedly" under load), try again, up to 5 times.
tui_start_shell() { # COLS ROWS COMMAND
	local try i
	tmux_ kill-server 2>/dev/null
	for i in $(seq 1 50); do
		tmux_ list-sessions >/dev/null 2>&1 || break
		sleep 0.1
	done
	rm -f "$TUI_TMP/exit"
	for try in 1 2 3 4 5; do
		tmux_ new-session -d -s e2e -x "$1" -y "$2" "$3" &&
			tmux_ has-session -t e2e 2>/dev/null && return 0
		echo "# tmux: new session failed (try $try)"
		sleep 0.2
	done
	return 1
}

# Start the client as USER in a COLSxROWS pane with locale LANG_; its exit
# status lands in $TUI_TMP/exit, its stderr in $TUI_TMP/stderr. TUI_TERM
# (default xterm-256color) is the client's TERM; TUI_WRAP, when set, a
# command the client runs under (tests/tui/gbterm.py: a GB18030 terminal).
tui_start() { # USER COLS ROWS LANG_
	tui_start_shell "$2" "$3" \
		"env HOME='$TUI_TMP/home' LANG='$4' LC_ALL='$4' TERM='${TUI_TERM:-xterm-256color}' \
		 EDUAID_FORMS_DIR='$top_srcdir/forms' EDUAID_LOCALEDIR='$TUI_TMP/locale' \
		 PGHOST='$PGHOST' PGPORT='${PGPORT:-5432}' PGDATABASE='$PGDATABASE' \
		 ${TUI_WRAP:-} '$TUI_BIN' -U '$1' 2>'$TUI_TMP/stderr'; echo \$? > '$TUI_TMP/exit'; sleep 600"
}

tui_screen() { tmux_ capture-pane -p -t e2e 2>/dev/null; }

# Wait up to 10 s for TEXT (fixed string) on the screen.
tui_wait() { # TEXT
	local i
	for i in $(seq 1 100); do
		tui_screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	return 1
}

# Wait until TEXT is gone from the screen.
tui_wait_gone() { # TEXT
	local i
	for i in $(seq 1 100); do
		tui_screen | grep -qF -- "$1" || return 0
		sleep 0.1
	done
	return 1
}

tui_keys() { tmux_ send-keys -t e2e "$@"; }

# On the main menu, open the row whose first column reads LABEL: Home, then
# Down as many times as LABEL's row lies below the header line (HEADER,
# default "Record kind"; a wrapped row's further lines, blank in the first
# column, are not counted), then Enter. Tests never count rows themselves, so
# a new menu row breaks none of them.
tui_menu() { # LABEL [HEADER]
	local screen hl ll n
	tui_wait "$1" || return 1
	screen=$(tui_screen)
	hl=$(printf '%s\n' "$screen" | grep -nF -- "${2:-Record kind}" | head -1 | cut -d: -f1)
	# the row that begins with LABEL (blanks around it ignored), then a
	# blank, "(" or the end -- not a count that holds its word:
	# 教师帮扶资金's "公示中 7" is no 公示
	ll=$(printf '%s\n' "$screen" | awk -v l="$1" -v h="${hl:-0}" '
		BEGIN { sub(/^[[:space:]]+/, "", l); sub(/[[:space:]]+$/, "", l) }
		NR > h {
			t = $0; sub(/^[[:space:]]+/, "", t)
			if (index(t, l) == 1 && (length(t) == length(l) ||
			    substr(t, length(l) + 1, 1) ~ /[[:space:](]/)) { print NR; exit }
		}')
	[ -n "$hl" ] && [ -n "$ll" ] && [ "$ll" -gt "$hl" ] || return 1
	# rows, not lines: a row whose counts wrap (issue 12 item 6) goes on
	# in lines whose first column is blank
	n=0
	[ "$ll" -gt $((hl + 1)) ] &&
		n=$(printf '%s\n' "$screen" | sed -n "$((hl + 1)),$((ll - 1))p" |
			grep -cvE '^[[:space:]]{10}')
	tui_keys Home
	while [ "$n" -gt 0 ]; do tui_keys Down; n=$((n - 1)); done
	tui_keys Enter
}
tui_type() { tmux_ send-keys -t e2e -l -- "$1"; }

# On the main menu: q asks whether to quit, as Esc and ^Q do (issue 12
# item 8); answer yes. Fails when the question does not come.
tui_quit() {
	local i
	tui_keys q
	for i in $(seq 1 100); do
		tui_screen | grep -qE 'Quit eduaid\?|确定退出 eduaid 吗？' && { tui_keys y; return 0; }
		sleep 0.1
	done
	return 1
}

# tui_db_wait SQL WANT: wait up to 20 s for SQL (run as the suite's
# superuser) to answer WANT; says what it answered when it never does.
tui_db_wait() {
	local i got
	for i in $(seq 1 200); do
		got=$(psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1")
		[ "$got" = "$2" ] && return 0
		sleep 0.1
	done
	echo "# $1 -> $got (wanted $2)"
	return 1
}

# Wait for the client to exit; its status on stdout.
tui_exit_status() {
	local i
	for i in $(seq 1 100); do
		[ -s "$TUI_TMP/exit" ] && { cat "$TUI_TMP/exit"; return 0; }
		sleep 0.1
	done
	echo timeout
}

# A valid ID number from a 17-digit prefix (the server computes the check).
tui_idno() { # PREFIX17
	printf '%s%s' "$1" "$(psql -X -At -U "$EDUAID_SUPERUSER" -c "select eduaid.id_check_digit('$1')")"
}

# tui_raw BYTES: send BYTES (printf %b escapes: \e, \033) to the client as
# they are -- a key sequence as a given terminal sends it (PuTTY's
# \e[12~ for F2), not as tmux would translate a key name.
tui_raw() { tmux_ send-keys -t e2e -l -- "$(printf '%b' "$1")"; }

# tui_search TEXT: a list's or queue's / prompt (the test names its title in
# BOX, e.g. 搜索), cleared with ^U (it offers the last search), TEXT, Enter;
# true once the prompt is gone.
tui_search() {
	tui_keys /
	tui_wait "$BOX" && tui_keys C-u && tui_type "$1" && tui_keys Enter &&
		tui_wait_gone "$BOX"
}

# tui_open_household NO: on the household list (zh), / NO Enter, then Enter
# on the one row found; true when household NO's form is open.
tui_open_household() {
	tui_keys / && tui_wait "搜索" && tui_type "$1" && tui_keys Enter &&
		tui_wait_gone "Esc 取消" && tui_wait "$1" && tui_keys Enter &&
		tui_wait "*户主姓名" &&
		tui_screen | grep -F '建档立卡户编号' | grep -qwF -- "$1"
}

# tui_leave: Esc back to the main menu (zh, 记录类型), then quit; true when
# the client ended with status 0.
tui_leave() {
	local i j
	for i in 1 2 3; do
		tui_screen | grep -qF "记录类型" && break
		tui_keys Escape
		for j in $(seq 1 10); do # a second for the screen to change
			tui_screen | grep -qF "记录类型" && break 2
			sleep 0.1
		done
	done
	tui_quit && [ "$(tui_exit_status)" = 0 ]
}
