/*
 * text.h
 *   Text as a person sees it: UTF-8 <-> wide characters, display width in
 *   terminal cells (wcwidth in the running locale; a character it calls
 *   unprintable counts as one cell and is shown as U+FFFD or '?'), cutting
 *   and padding to a number of cells, and the line editor behind every
 *   input field -- a wchar_t buffer with pure operations, no curses.
 *
 *   wchar_t is 32 bits here: U+20BB7 (𠮷) is one character, two cells.
 */
#ifndef EDUAID_CORE_TEXT_H
#define EDUAID_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Cells one character takes: 0 for combining marks, 1 or 2, and 1 for
 * anything wcwidth() calls unprintable (-1) and for the bidirectional
 * controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), which
 * are shown as one cell (text_shown). */
int text_char_cells(wchar_t c);

/* Cells of the first n characters of s (n < 0: up to the NUL). */
int text_cells(const wchar_t *s, int n);

/* Cells of a UTF-8 string; invalid bytes count one cell each. */
int text_utf8_cells(const char *s);

/* Characters (code points) in a UTF-8 string; invalid bytes count one each. */
size_t text_utf8_chars(const char *s);

/*
 * text_utf8_next
 *
 * Decode the character at s into *c and return the bytes it takes (1-4),
 * or 0 at the terminating NUL (then *c is 0). Independent of the locale:
 * an overlong form, a surrogate, a code point above U+10FFFF or a stray
 * byte is invalid, and each invalid byte decodes to U+FFFD on its own
 * (returns 1). Never reads past the NUL.
 */
int text_utf8_next(const char *s, wchar_t *c);

/*
 * text_is_space
 *
 * True for the white space of the server's eduaid.is_blank(): ASCII white
 * space (space, \t \n \v \f \r), U+00A0, U+1680, U+2000-U+200B, U+2028,
 * U+2029, U+202F, U+205F, U+3000 and U+FEFF. Independent of the locale.
 */
bool text_is_space(wchar_t c);

/*
 * New malloc'd wide string from UTF-8 (each invalid byte becomes U+FFFD),
 * and new malloc'd UTF-8 from a wide string (a surrogate or a value above
 * U+10FFFF becomes U+FFFD). Independent of the locale. The caller frees
 * the result. Both return NULL only when out of memory; NULL input is
 * taken as "".
 */
wchar_t *text_from_utf8(const char *s);
char *text_to_utf8(const wchar_t *s);

/*
 * text_shown
 *
 * s as the screens show it (text_fit draws every character so): each
 * character wcwidth() calls unprintable -- the C0 controls (ESC, BEL,
 * backspace, CR, LF, TAB), DEL and the C1 controls (U+009B, the CSI of
 * eight-bit terminals) -- each bidirectional control (see
 * text_char_cells) and each invalid byte becomes one cell of U+FFFD, or
 * '?' where U+FFFD is not one cell in the running locale. What is left
 * cannot move the cursor, retitle, clear or reorder a terminal: an escape
 * sequence loses its ESC and is shown as plain text. New malloc'd UTF-8
 * (NULL taken as ""); NULL only when out of memory.
 */
char *text_shown(const char *s);

/*
 * text_fit
 *
 * Write into out (outsz bytes, NUL-terminated) the UTF-8 of s cut to at
 * most `cells` cells and padded with spaces to exactly `cells` cells when
 * pad is true. A wide character that would straddle the edge is replaced
 * by a space, so columns line up: a cut text always fills `cells` cells,
 * padded or not. If cut, the last cell shows '~' when mark_cut is true.
 *
 * This is the one cut of the client, and it knows numbers from names: a
 * marked cut never splits a number: a token of ASCII letters, digits and
 * the punctuation of numbers (.,:/%+-*_# and the yen sign) that holds a
 * digit and no more letters than digits -- a count, a date, money, an ID
 * number, a code (not a path) -- but drops it whole
 * before the '~' (`FX1000108 明志福 ~`, never `... 20~`); when the text
 * starts with such a token that does not fit, every cell shows '#' (as a
 * spreadsheet does) rather than a part that reads as another number.
 * Columns that hold numbers are sized to their widest value, so this is
 * the last resort. Names are cut at a character, a wide character never
 * in half: the '~' goes in the last cell, after a space where a wide
 * character would straddle it.
 * Unprintable characters and invalid bytes are shown as U+FFFD (or '?'
 * where that is not one cell). Returns the number of cells written.
 *
 * 4 * cells + 1 bytes is enough unless s holds zero-width characters; if
 * out is too small, it ends after the last whole character that fits (and
 * the cells written say so). Nothing is written when outsz is 0.
 */
int text_fit(const char *s, int cells, bool pad, bool mark_cut, char *out,
             size_t outsz);

/* True when s is one number by text_fit's rule: only ASCII letters,
 * digits and .,:/%+-*_# (and the yen sign), at least one digit and no
 * more letters than digits -- a count, money, a date, an ID number, a
 * code. */
bool text_is_number(const char *s);

/*
 * text_wrap_line
 *
 * The first line of s wrapped at `cells` cells: returns where it ends
 * (a pointer into s; the line is s up to there, trailing spaces dropped by
 * breaking before them), and sets *next to where the next line starts
 * (after the spaces; at the NUL when s fits). The line breaks after the
 * last " · " separator that leaves it within `cells` (so "approved 1590"
 * stays together), else at the last space, so a word or a number is never
 * split; a first word wider than `cells` is broken at a character (draw
 * it with text_fit to mark it). At least one character per line.
 */
const char *text_wrap_line(const char *s, int cells, const char **next);

/*
 * The line editor. len characters in buf (NUL-terminated; cap is the size
 * of buf in wchar_t, the NUL included), cursor at character index cur
 * (0..len), scroll = index of the first character shown. max_chars limits
 * the length (0 = none). The editor owns buf; callers read the fields and
 * change them only through the functions below.
 */
struct lineedit {
    wchar_t *buf;
    int len, cap, cur, scroll;
    int max_chars;
};

/* Set up empty; false when out of memory. */
bool lineedit_init(struct lineedit *e, int max_chars);
/* Free the buffer; e is left zeroed (init it again to reuse it). */
void lineedit_free(struct lineedit *e);
/* Replace the contents with UTF-8 text (cut to max_chars characters);
 * cursor at the end. False (contents unchanged) when out of memory. */
bool lineedit_set_utf8(struct lineedit *e, const char *s);
/* The contents as new malloc'd UTF-8 (NULL when out of memory). */
char *lineedit_utf8(const struct lineedit *e);

/*
 * Editing, by whole characters; each returns false when nothing changed
 * (or out of memory). lineedit_insert puts c before the cursor and refuses
 * control characters (C0, DEL, C1), values that are no Unicode scalar
 * value, and anything past max_chars. Backspace removes the character
 * before the cursor, delete the one at it; kill_to_end (Ctrl-K) and
 * kill_to_start (Ctrl-U) remove everything after and before it. Words are
 * runs of characters other than text_is_space(), CJK included: word_left
 * goes to the start of this or the previous word, word_right to the end of
 * this or the next.
 */
bool lineedit_insert(struct lineedit *e, wchar_t c);
bool lineedit_backspace(struct lineedit *e);
bool lineedit_delete(struct lineedit *e);
bool lineedit_kill_to_end(struct lineedit *e);
bool lineedit_kill_to_start(struct lineedit *e);
bool lineedit_left(struct lineedit *e);
bool lineedit_right(struct lineedit *e);
bool lineedit_home(struct lineedit *e);
bool lineedit_end(struct lineedit *e);
bool lineedit_word_left(struct lineedit *e);
bool lineedit_word_right(struct lineedit *e);

/*
 * lineedit_view
 *
 * Where the text of a field `cells` wide starts (e->scroll) and the cell
 * offset of the cursor inside the field. A value that fits in the field
 * is shown whole from its first character: scroll is 0 and the cursor
 * after the last character may be at offset `cells` -- the cell after
 * the field, which the drawing gives the edit box -- so typing the last
 * digit of an 18-digit ID number in an 18-cell field never hides the
 * first. Only a value wider than the field scrolls, and then the hidden
 * parts are marked: the first cell shows '<' when text is hidden on the
 * left (scroll > 0), and the last cell is kept for '>' when text is
 * hidden on the right or for the cursor at the end; the offset is then
 * below `cells`, counting the '<' cell. The character under the cursor is
 * shown whole, a wide character never split (one cut by an edge is
 * hidden whole: '<' covers the left one, the right one's cells show as
 * free). Scrolling goes by jumps, as readline's: moving or typing inside
 * the field leaves scroll alone; a cursor leaving it on the right brings
 * it back with a third of the room (cells between the '<' and the last)
 * before it, one leaving it on the left -- or deleting the last of the
 * text shown -- with two thirds. So keys mostly cost the terminal a
 * character or a cursor move, and a repaint of the field only at a jump
 * (issue 16: 22 bytes an ASCII key before, in 16 cells). A narrow field
 * (under 12 cells of room: a batch, a date) leaving on the right keeps
 * all that fits before the cursor instead: a third of its room would
 * show a character or two of what was typed. 0 when cells <= 0.
 * draw_field() (ui/draw.h) draws what this decides.
 */
int lineedit_view(struct lineedit *e, int cells);

#endif /* EDUAID_CORE_TEXT_H */
