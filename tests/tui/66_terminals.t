#!/usr/bin/env bash
# tests/tui/66_terminals.t: the terminals a county office connects with
# (issue 13, Terminals). The client runs in Chinese at 80x24 under TERM=
# xterm-256color, xterm, vt100, linux, screen and putty (tmux is the
# terminal; TERM is the client's, so curses uses that description: vt100
# has no colours and only F1-F4, linux and putty describe other function
# key sequences than tmux sends).
#   1. Every TERM draws the household list and a household form exactly as
#      xterm-256color does, cell for cell (Chinese included): the title on
#      the first line (nothing scrolled), the rows, the key bar above the
#      status line, a cut cell '~' in the 80th column; the selected row
#      stands out (reverse video where there is no colour). Down and PgDn
#      move in the list (Enter opens the row they reach); on vt100, which
#      has no PgDn, ^V as the help says.
#   2. Every TERM saves (F2) and submits (F10) a draft as the key bar says,
#      with the keys as tmux sends them, and with the sequences real
#      terminals send that the TERM's description does not know: PuTTY's
#      default ESC [ 1 2 ~ / ESC [ 2 1 ~ / ESC [ 6 ~ (TERM=xterm is PuTTY's
#      default), the Linux console's ESC [ [ B; vt100, which has no F10,
#      with the ^S and ^X the key bar names beside F2 and F10 (no flow
#      control takes ^S).
#   3. PuTTY's arrows with application cursor keys off (a PuTTY setting):
#      ESC [ B, which TERM=putty calls kind (scroll forward), moves down
#      as under TERM=xterm (before: nothing moved under TERM=putty), and
#      ESC [ 6 ~ pages down.
# Runs on a copy of the demo cluster of its own (tests/tui/run.sh).
# About 85 s (fourteen starts of the client). TUI_TERMS="vt100 putty" runs
# some of the terminals only.
set -u
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/db/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }

TERMS=${TUI_TERMS:-"xterm-256color xterm vt100 linux screen putty"}
KIND="建档立卡户核查"
# an approved household whose form every TERM draws (nothing changes it)
SHOWN=$(su "select household_no from eduaid.household h join eduaid.township t
	on t.id = h.township_id where t.name = '城关镇' and status = 'approved'
	order by household_no limit 1")
# a draft of demo_clerk's for each TERM to save and submit
mapfile -t DRAFTS < <(su "select household_no from eduaid.household
	where status = 'draft' and created_by = 'demo_clerk'
	order by household_no limit 6")

# the key bar: the line above the status line
keybar() { tui_screen | sed -n 23p; }
# key K: a tmux key name, or raw:BYTES sent as they are (tui_raw)
key() {
	case $1 in
	raw:*) tui_raw "${1#raw:}" ;;
	*) tui_keys "$1" ;;
	esac
}
# the household numbers (FX...) on the screen, one a line
numbers() { tui_screen | grep -oE 'FX[0-9]+' | sort -u; }
# the household number in the form's 建档立卡户编号 field
form_no() { tui_screen | grep -F '建档立卡户编号' | grep -oE 'FX[0-9]+'; }

# moved PAGE1: wait until the numbers on the screen are others than PAGE1
moved() {
	local i
	for i in $(seq 1 100); do
		[ "$(numbers)" != "$1" ] && return 0
		sleep 0.1
	done
	return 1
}
# open TERM: the client as demo_clerk under TERM, on the household list.
open_list() {
	TUI_TERM=$1 tui_start demo_clerk 80 24 zh_CN.UTF-8
	tui_menu "$KIND" "记录类型" && tui_wait "户主姓名" && tui_wait "F1/?"
}

[ -x "$TUI_BIN" ] && [ -n "$SHOWN" ] && [ "${#DRAFTS[@]}" -eq 6 ]
tui_ok $? "the client is built; an approved household ($SHOWN) and six drafts of demo_clerk's"

# ==== 1. the list and the form, drawn alike ===================================
REF_LIST='' REF_FORM=''
for T in $TERMS; do
	open_list "$T"
	tui_ok $? "$T: the household list opens"
	list=$(tui_screen)
	if [ -z "$REF_LIST" ]; then
		REF_LIST=$list
		first=$(printf '%s\n' "$list" | sed -n 1p)
		last=$(printf '%s\n' "$list" | sed -n 23p)
		rows=$(printf '%s\n' "$list" | grep -cE '^(草稿|已提交|已审核|已批准|已退回|公示中) ')
		cut=$(printf '%s\n' "$list" | grep -E '~$' | head -1)
		[[ $first == " eduaid · $KIND · demo_clerk@clerk"* ]] &&
			[[ $last == Enter* && $last == *"F1/?"* ]] && [ "$rows" -eq 19 ] &&
			[ "$(printf '%s' "$cut" | LC_ALL=C.UTF-8 wc -L)" -eq 80 ]
		tui_ok $? "$T: title on line 1, key bar on line 23, 19 rows, a cut '~' in column 80"
	else
		[ "$list" = "$REF_LIST" ]
		tui_ok $? "$T: the list is drawn cell for cell as under xterm-256color"
		[ "$list" = "$REF_LIST" ] ||
			diff <(printf '%s\n' "$REF_LIST") <(printf '%s\n' "$list") | sed 's/^/# /'
	fi
	# the attributes the first two rows start with (capture-pane -e)
	sel=$(tmux_ capture-pane -e -p -t e2e | sed -n 4p | grep -oE $'^(\e\\[[0-9;]*m)+')
	next=$(tmux_ capture-pane -e -p -t e2e | sed -n 5p | grep -oE $'^(\e\\[[0-9;]*m)+')
	[ -n "$sel" ] && [ "$sel" != "$next" ] &&
		{ [ "$T" != vt100 ] || [[ $sel == *\;7m* || $sel == *\[7m* ]]; }
	tui_ok $? "$T: the selected row stands out$([ "$T" = vt100 ] && echo ' (reverse video)')"
	page1=$(numbers)
	row2=$(printf '%s\n' "$list" | grep -oE 'FX[0-9]+' | sed -n 2p)
	tui_keys Down Enter && tui_wait "*户主姓名" && [ "$(form_no)" = "$row2" ]
	tui_ok $? "$T: Down, Enter opens the second row ($row2)"
	# a vt100 has no PgDn: ^V, which the help names beside it
	pgdn=NPage
	[ "$T" = vt100 ] && pgdn=C-v
	tui_keys Escape && tui_wait_gone "*户主姓名" && tui_keys $pgdn && moved "$page1" &&
		page2=$(numbers) && tui_keys Enter && tui_wait "*户主姓名"
	got=$(form_no)
	[ -n "$got" ] && printf '%s\n' "$page2" | grep -qx "$got" &&
		! printf '%s\n' "$page1" | grep -qx "$got"
	tui_ok $? "$T: $pgdn goes to the next page; Enter opens a row of it ($got)"
	tui_keys Escape && tui_wait_gone "*户主姓名" && tui_open_household "$SHOWN"
	tui_ok $? "$T: the form of $SHOWN opens"
	form=$(tui_screen)
	if [ -z "$REF_FORM" ]; then
		REF_FORM=$form
		printf '%s\n' "$form" | sed -n 23p | grep -qF "F1/? 帮助" &&
			[[ $(printf '%s\n' "$form" | sed -n 1p) == " eduaid · $KIND"* ]]
		tui_ok $? "$T: the form's title on line 1, its key bar on line 23"
	else
		[ "$form" = "$REF_FORM" ]
		tui_ok $? "$T: the form is drawn cell for cell as under xterm-256color"
		[ "$form" = "$REF_FORM" ] ||
			diff <(printf '%s\n' "$REF_FORM") <(printf '%s\n' "$form") | sed 's/^/# /'
	fi
	tui_leave
	tui_ok $? "$T: q, y leaves the client (exit 0)"
done

# ==== 2. save and submit with each terminal's keys ===========================
# keys TERM: the save key, the submit key, as that terminal sends them
keys_of() {
	case $1 in
	xterm-256color | screen) echo "F2 F10" ;;
	xterm) echo "raw:\\e[12~ raw:\\e[21~" ;; # PuTTY's defaults, TERM=xterm
	putty) echo "raw:\\e[12~ raw:\\e[21~" ;;
	linux) echo "raw:\\e[[B F10" ;; # the Linux console's F2
	vt100) echo "C-s C-x" ;;        # no F10 on a vt100
	esac
}
i=0
for T in $TERMS; do
	NO=${DRAFTS[$i]}
	i=$((i + 1))
	read -r SAVE SUBMIT <<<"$(keys_of "$T")"
	open_list "$T" && tui_open_household "$NO" && [[ $(keybar) == *"F2/^S"*"F10/^X"* ]]
	tui_ok $? "$T: the draft $NO opens; the key bar names F2/^S and F10/^X"
	# 0 乡镇 ... 8 家庭住址, 9 备注
	tui_keys Tab Tab Tab Tab Tab Tab Tab Tab Tab End && tui_type "终端 $T" &&
		tui_wait "终端 $T" && key "$SAVE" && tui_wait "已保存" &&
		tui_db_wait "select notes like '%终端 $T' from eduaid.household
			where household_no = '$NO'" t
	tui_ok $? "$T: ${SAVE#raw:} saves the notes typed"
	key "$SUBMIT" && tui_wait "提交此记录待审核吗" && tui_keys y &&
		tui_db_wait "select status from eduaid.household where household_no = '$NO'" submitted
	tui_ok $? "$T: ${SUBMIT#raw:}, y submits it"
	tui_leave
	tui_ok $? "$T: q, y leaves the client"
done

# PgDn and the arrows as PuTTY sends them under TERM=putty and TERM=xterm
for T in putty xterm; do
	open_list "$T"
	page1=$(numbers)
	row2=$(tui_screen | grep -oE 'FX[0-9]+' | sed -n 2p)
	tui_raw '\e[B' && tui_keys Enter && tui_wait "*户主姓名" && [ "$(form_no)" = "$row2" ] &&
		tui_keys Escape && tui_wait_gone "*户主姓名" && tui_raw '\e[A' &&
		tui_raw '\e[6~' && moved "$page1" && tui_keys Enter && tui_wait "*户主姓名" &&
		got=$(form_no) && ! printf '%s\n' "$page1" | grep -qx "$got"
	tui_ok $? "$T: PuTTY's ESC [ B moves down, ESC [ 6 ~ a page down"
	tui_leave
	tui_ok $? "$T: q, y leaves the client"
done

tui_done
