#!/usr/bin/env bash
# tests/tui/80_field_bytes.t: issue 16, the bytes the client writes to the
# terminal for a key typed in a text field, in Chinese at 80x24 (a slow
# link over ssh pays for each). tmux's pipe-pane copies what the client
# writes; each key is sent alone and its bytes counted once the output
# settles. In 户主姓名 (16 cells) of a new household: a value that fits
# costs 1 byte per ASCII key and 3 per Chinese character (the character
# itself: the cursor is already there); a value wider than the field
# scrolls by jumps of two thirds of the field, not a cell a key, so
# typing on at its end costs at most 8 bytes a key on average (a repaint
# of the field every key before: 22 and 29). The field after each step
# is compared with the slice it should show ('<' and '>' where text is hidden, '_'
# for free cells and for a cell a wide character does not fit in), the
# cursor column with where it should be: typing, Backspace, Left, Right,
# Home, End. Runs on a copy of the demo cluster of its own
# (tests/tui/run.sh). About 110 s on a loaded machine: some 150 keys,
# each sent alone and waited for.
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export LC_ALL=C.UTF-8 # ${s:0:1} a character, not a byte

OUT=$TUI_TMP/pane.out
: >"$OUT"
LABEL='户主姓名'
FIELD_X=20 # LABEL_CELLS + 2 (src/screens/formview.c)

out_size() { wc -c <"$OUT"; }

# cost KEY...: send the keys (tmux key names, or -l TEXT for a literal)
# and print the bytes the client wrote for them: the first byte waited for
# up to 10 s, then until nothing came for 0.2 s.
cost() {
	local before last now same=0 i
	before=$(out_size)
	tui_keys "$@"
	last=$before
	for i in $(seq 1 500); do
		last=$(out_size)
		[ "$last" -gt "$before" ] && break
		sleep 0.02
	done
	while [ "$same" -lt 10 ]; do
		sleep 0.02
		now=$(out_size)
		if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0 last=$now; fi
	done
	echo $((last - before))
}

# typed TEXT: type TEXT a character at a time; print the bytes of each,
# blank-separated
typed() {
	local s=$1 c
	while [ -n "$s" ]; do
		c=${s:0:1}
		s=${s:1}
		printf '%s ' "$(cost -l "$c")"
	done
}

sum() { local t=0 n; for n in "$@"; do t=$((t + n)); done; echo $t; }
max() { local m=0 n; for n in "$@"; do [ "$n" -gt "$m" ] && m=$n; done; echo $m; }

# field: what the field line shows after the label (trailing blanks off)
field() { tui_screen | sed -n "s/^ *\\*$LABEL  //p" | sed 's/ *$//'; }
cursor_col() { tmux_ display -p -t e2e '#{cursor_x}'; }

# shows WANT COL DESC: the field shows WANT with the cursor at column
# FIELD_X + COL
shows() {
	local got col i
	for i in $(seq 1 20); do
		got=$(field)
		col=$(cursor_col)
		[ "$got" = "$1" ] && [ "$col" = $((FIELD_X + $2)) ] && break
		sleep 0.1
	done
	[ "$got" = "$1" ] && [ "$col" = $((FIELD_X + $2)) ]
	tui_ok $? "$3: '$1', cursor at cell $2"
	[ "$got" = "$1" ] || echo "#   shows '$got'"
	[ "$col" = $((FIELD_X + $2)) ] || echo "#   cursor at cell $((col - FIELD_X))"
}

[ -x "$TUI_BIN" ]
tui_ok $? "the client is built ($TUI_BIN)"

tui_start demo_clerk 80 24 zh_CN.UTF-8
tui_wait "记录类型" && tui_menu "建档立卡户核查" "记录类型" && tui_wait "户主" &&
	tui_keys C-n && tui_wait "状态：新记录"
tui_ok $? "a new household form is open"
tui_keys Tab Tab Tab Tab Tab
tui_wait "*$LABEL  ________________" && [ "$(cursor_col)" = "$FIELD_X" ]
tui_ok $? "Tab five times: the cursor in the empty $LABEL"
tmux_ pipe-pane -O -t e2e "cat >>'$OUT'"
[ "$(tmux_ display -p -t e2e '#{pane_pipe}')" = 1 ]
tui_ok $? "what the client writes is copied (pipe-pane)"

# report KIND COSTS...: one line of figures; the keys in $KEYS, their
# bytes in $BYTES
report() {
	local kind=$1 avg
	shift
	KEYS=$#
	BYTES=$(sum "$@")
	avg=$((BYTES * 10 / KEYS))
	echo "# $kind: $KEYS keys, $BYTES bytes, $((avg / 10)).$((avg % 10)) a key, at most $(max "$@") ($*)"
}

# ==== ASCII ==================================================================
# 16 characters fill the 16 cells: each costs its byte, the cursor goes on
# by itself (after the last, to the cell after the field)
FIT=$(typed abcdefghijklmnop)
report "fits, ASCII" $FIT
[ "$BYTES" = 16 ] && [ "$(max $FIT)" = 1 ]
tui_ok $? "typed where it fits, each ASCII key costs its 1 byte"
shows "abcdefghijklmnop" 16 "16 ASCII characters in 16 cells"
# 30 more: the field scrolls by two thirds of its room (14 cells between
# '<' and the cell kept for the cursor) when the cursor would leave it, a
# third staying before the cursor: at the 17th, 28th and 39th
SCR=$(typed ABCDEFGHIJKLMNOPQRSTUVWXYZ0123)
report "scrolls, ASCII" $SCR
[ "$BYTES" -le $((8 * KEYS)) ]
tui_ok $? "typed where it scrolls, an ASCII key costs at most 8 bytes on average"
shows "<TUVWXYZ0123____" 12 "46 characters: the tail since the last jump"

MOVES=$(cost BSpace)
shows "<TUVWXYZ012_____" 11 "Backspace at the end"
MOVES="$MOVES $(cost Home)"
shows "abcdefghijklmno>" 0 "Home: the start, '>' for the hidden rest"
MOVES="$MOVES $(cost Right) $(cost Right) $(cost Right)"
shows "abcdefghijklmno>" 3 "Right three times"
MOVES="$MOVES $(cost End)"
shows "<Z012___________" 5 "End: a third of the room before the cursor"
for i in 1 2 3 4; do MOVES="$MOVES $(cost Left)"; done
shows "<Z012___________" 1 "Left 4 times: on the first character shown"
MOVES="$MOVES $(cost Left)"
shows "<OPQRSTUVWXYZ01>" 11 "once more: the field jumps back, two thirds before the cursor"
MOVES="$MOVES $(cost BSpace)"
shows "<OPQRSTUVWYZ012_" 10 "Backspace inside the field"
report "moves, ASCII" $MOVES
# typed inside a scrolled field, the rest of what it shows moves on: a
# repaint of that rest (ncurses inserts a character only where the line's
# last non-blank moves, never before the field's '_' or '>')
INS=$(typed xyz)
report "inside, ASCII" $INS
shows "<OPQRSTUVWxyzYZ>" 13 "xyz typed there"

# ==== Chinese ================================================================
tui_keys End C-u
shows "________________" 0 "End, ^U: the field is empty"
CJK=甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬东南西北金木
FIT=$(typed "${CJK:0:8}")
report "fits, Chinese" $FIT
[ "$BYTES" = 24 ] && [ "$(max $FIT)" = 3 ]
tui_ok $? "typed where it fits, each Chinese character costs its 3 bytes"
shows "甲乙丙丁戊己庚辛" 16 "8 Chinese characters in 16 cells"
SCR=$(typed "${CJK:8}")
report "scrolls, Chinese" $SCR
[ "$BYTES" -le $((8 * KEYS)) ]
tui_ok $? "typed where it scrolls, a Chinese character costs at most 8 bytes on average"
shows "<冬东南西北金木_" 15 "32 characters: the tail since the last jump"

MOVES=$(cost Home)
shows "甲乙丙丁戊己庚_>" 0 "Home: a character half in the field is not shown, '_' then '>'"
MOVES="$MOVES $(cost End)"
shows "<金木___________" 5 "End: the last 2 characters"
MOVES="$MOVES $(cost Left) $(cost Left)"
shows "<金木___________" 1 "Left twice: on the first character shown"
MOVES="$MOVES $(cost Left)"
shows "<秋冬东南西北金>" 11 "once more: the field jumps back, whole characters at both edges"
MOVES="$MOVES $(cost Right)"
shows "<秋冬东南西北金>" 13 "Right"
MOVES="$MOVES $(cost BSpace)"
shows "<秋冬东南西金木_" 11 "Backspace inside the field"
MOVES="$MOVES $(cost End) $(cost BSpace)"
shows "<秋冬东南西金___" 13 "End, Backspace"
for i in 1 2 3 4 5; do MOVES="$MOVES $(cost BSpace)"; done
shows "<秋_____________" 3 "Backspace 5 times more: one character left shown"
MOVES="$MOVES $(cost BSpace)"
shows "<酉戌亥春夏_____" 11 "once more: the field jumps back, two thirds before the cursor"
report "moves, Chinese" $MOVES
MOVES="$(cost Left) $(cost Left)"
shows "<酉戌亥春夏_____" 7 "Left twice"
INS=$(typed 天地)
report "inside, Chinese" $INS
shows "<酉戌亥天地春夏_" 11 "天地 typed there"

tmux_ pipe-pane -t e2e
tui_keys Escape
tui_done
