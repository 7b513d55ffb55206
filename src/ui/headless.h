/*
 * headless.h
 *   The client without a terminal, for screen tests
 *   (eduaid --headless=COLSxROWS --keys=FILE): curses draws a screen of a
 *   pinned size whose output goes to /dev/null, the keys come from a
 *   script instead of the keyboard, and the screen is printed on standard
 *   output as text lines whenever the script says so and when it ends.
 *
 *   The key script (UTF-8). Characters are typed as they are. <Name> is a
 *   key by its name in eduaid.conf's keys group (keys_parse_name: <F2>,
 *   <Enter>, <Esc>, <Tab>, <S-Tab>, <Space>, <Up>, <Down>, <PgDn>, <Home>,
 *   <Del>, <^S> or <C-s>), or <Backspace>; <lt> types '<'. <dump> prints
 *   the screen, <attrs> its attribute layer (below); <dump NAME> and
 *   <attrs NAME> name what they print (letters, digits, '_', '-', '.').
 *   Line ends are not keys (type <Enter>), and a line whose first
 *   character is '#' is a comment.
 *
 *   A dump is a line "=== NAME ===" (or "=== N ===", N counting the dumps
 *   from 1) and then one line per screen row: what the row shows, a wide
 *   character once, trailing blanks cut. An attribute layer is a line
 *   "=== NAME attrs ===" and one line per row with one letter per cell
 *   (two for a wide character): the first of term.h's named attributes
 *   that the cell's attribute is (' ' plain, T title, K key bar, k key
 *   name or other bold, E error, S selected, F field, H header, M mark,
 *   D dialog, d dialog title, and s, v, a, r for the submitted, verified,
 *   approved and rejected markers; '?' anything else), trailing blanks
 *   cut. The screen is dumped once more when the script ends, unless the
 *   last thing it did was a dump.
 *
 *   Timing: every key comes after a pause -- the top screen has its 250 ms
 *   tick between two keys, and nothing is ever typed "at once" -- and
 *   nothing waits on the clock, so a script shows the same screens every
 *   time. When the script runs out, the client leaves as on a hang-up
 *   (each screen closes and journals what it holds) and exits 0.
 */
#ifndef EDUAID_UI_HEADLESS_H
#define EDUAID_UI_HEADLESS_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/screen.h"

/*
 * headless_setup
 *
 * Switch headless mode on: size is "COLSxROWS" (e.g. "80x24"), path the
 * key script, read and checked at once. Returns 0, or -1 with a sentence
 * in err ("keys.txt:3: unknown key <F13>").
 */
int headless_setup(const char *size, const char *path, char *err, size_t errsz);

/* True after a successful headless_setup. */
bool headless_active(void);

/* The curses screen to draw on: newterm for a pinned xterm-256color of the
 * pinned size, on /dev/null. NULL with a sentence in err. */
SCREEN *headless_newterm(char *err, size_t errsz);

/* Curses is done with the screen (after delscreen): close /dev/null. */
void headless_term_closed(void);

/* What the script has for the key loop next. */
enum headless_event {
    HL_KEY,     /* *k holds a key */
    HL_TIMEOUT, /* no key now: the wait times out */
    HL_END      /* the script has run out: hang up */
};

/*
 * headless_read
 *
 * The next event for the key loop in place of the keyboard (app.c's
 * read_event): HL_TIMEOUT when timeout_ms is 0 or a tick is due, else the
 * script's next key (after carrying out the dumps before it), or, at its
 * end, HL_END after the last dump.
 */
enum headless_event headless_read(struct key *k, int timeout_ms);

/* True once the script has run to its end. */
bool headless_finished(void);

/* Free the script. */
void headless_free(void);

#endif /* EDUAID_UI_HEADLESS_H */
