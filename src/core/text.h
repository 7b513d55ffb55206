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
 * anything wcwidth() calls unprintable (-1). */
int text_char_cells(wchar_t c);

/* Cells of the first n characters of s (n < 0: up to the NUL). */
int text_cells(const wchar_t *s, int n);

/* Cells of a UTF-8 string; invalid bytes count one cell each. */
int text_utf8_cells(const char *s);

/* Characters (code points) in a UTF-8 string; invalid bytes count one each. */
size_t text_utf8_chars(const char *s);

/*
 * New malloc'd wide string from UTF-8 (invalid bytes become U+FFFD), and
 * new malloc'd UTF-8 from a wide string. Independent of the locale. Both
 * return NULL only when out of memory; NULL input is taken as "".
 */
wchar_t *text_from_utf8(const char *s);
char *text_to_utf8(const wchar_t *s);

/*
 * text_fit
 *
 * Write into out (outsz bytes, NUL-terminated) the UTF-8 of s cut to at
 * most `cells` cells and padded with spaces to exactly `cells` cells when
 * pad is true. A wide character that would straddle the edge is replaced
 * by a space, so columns line up. If cut, the last cell shows '~' when
 * mark_cut is true. Returns the number of cells written.
 */
int text_fit(const char *s, int cells, bool pad, bool mark_cut, char *out, size_t outsz);

/*
 * The line editor. len characters in buf (NUL-terminated, capacity cap),
 * cursor at character index cur (0..len), scroll = index of the first
 * character shown. max_chars limits the length (0 = none).
 */
struct lineedit {
    wchar_t *buf;
    int len, cap, cur, scroll;
    int max_chars;
};

/* Set up empty; false when out of memory. */
bool lineedit_init(struct lineedit *e, int max_chars);
void lineedit_free(struct lineedit *e);
/* Replace the contents with UTF-8 text (cut to max_chars); cursor at end. */
bool lineedit_set_utf8(struct lineedit *e, const char *s);
/* The contents as new malloc'd UTF-8 (NULL when out of memory). */
char *lineedit_utf8(const struct lineedit *e);

/* Editing; each returns false when nothing changed (or out of memory). */
bool lineedit_insert(struct lineedit *e, wchar_t c);  /* refuses control characters */
bool lineedit_backspace(struct lineedit *e);           /* the character before the cursor */
bool lineedit_delete(struct lineedit *e);              /* the character at the cursor */
bool lineedit_kill_to_end(struct lineedit *e);         /* Ctrl-K */
bool lineedit_kill_to_start(struct lineedit *e);       /* Ctrl-U */
bool lineedit_left(struct lineedit *e);
bool lineedit_right(struct lineedit *e);
bool lineedit_home(struct lineedit *e);
bool lineedit_end(struct lineedit *e);
bool lineedit_word_left(struct lineedit *e);
bool lineedit_word_right(struct lineedit *e);

/*
 * lineedit_view
 *
 * Adjust scroll so that the cursor is visible in a field `cells` wide
 * (a wide character is never split), and return the cell offset of the
 * cursor inside the field. Drawing shows buf from scroll on.
 */
int lineedit_view(struct lineedit *e, int cells);

#endif /* EDUAID_CORE_TEXT_H */
