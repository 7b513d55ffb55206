/*
 * prompt.h
 *   readline inside curses, through its callback interface (pspg's
 *   readline.c, tig's prompt.c): every key comes from get_wch and is fed
 *   to rl_callback_read_char as bytes -- a wide character as its bytes in
 *   the running locale's encoding, KEY_LEFT and friends as the escape
 *   sequences readline binds -- and readline's redisplay draws through
 *   curses. readline's signal, SIGWINCH, terminal and environment
 *   handling is off; its bell is off; it never writes to the terminal.
 *   So Emacs-style editing (Ctrl-A/E/K/U/W, Alt-B/F, arrows, Home/End,
 *   Ctrl-R history search, Up/Down history) and ~/.inputrc work as in a
 *   shell.
 *
 *   Histories are kept per kind of prompt, each in its own file: <base>-
 *   command, -search, -reason, -text, where base is set by
 *   prompt_set_history (default $XDG_STATE_HOME/eduaid/history, else
 *   ~/.local/state/eduaid/history). Missing directories are created 0700,
 *   the files are written 0600 after every accepted line.
 *
 *   Keys that end a prompt: Enter accepts; Esc (alone), Ctrl-G (outside a
 *   history search), Ctrl-C, and Ctrl-D on an empty line cancel.
 */
#ifndef EDUAID_UI_PROMPT_H
#define EDUAID_UI_PROMPT_H

#include <stdbool.h>

struct app;

enum prompt_kind {
    PROMPT_COMMAND = 0, /* the ':' command line */
    PROMPT_SEARCH,      /* '/' searches */
    PROMPT_REASON,      /* reasons: reject, reopen */
    PROMPT_TEXT,        /* anything else */
    PROMPT_NKINDS
};

/*
 * Where the prompt goes. Called before every redraw (after a resize
 * too): paint what lies under the prompt (usually app_paint and a box)
 * and set the row, the column and the width in cells of the input line.
 * Return false when nothing can be shown (window too small).
 */
typedef bool (*prompt_place_fn)(void *arg, int *y, int *x, int *cells);

/*
 * prompt_set_history
 *
 * Where the histories live: files base + "-command" etc. NULL: back to
 * the default; "": no files (histories in memory only). The string is
 * copied. Takes effect at the next prompt.
 */
void prompt_set_history(const char *base);

/*
 * prompt_read
 *
 * Read one line. prompt (UTF-8, may be NULL) is shown before the input,
 * initial (UTF-8, may be NULL) is the text to start from. Returns the line
 * as new malloc'd UTF-8 (the caller frees it; "" when accepted empty), or
 * NULL when cancelled, on hang-up, or when out of memory. A non-empty
 * line different from the last one is added to the kind's history.
 */
char *prompt_read(struct app *a, enum prompt_kind kind, const char *prompt,
                  const char *initial, prompt_place_fn place, void *arg);

/* The path of a kind's history file (for tests and the help), or NULL
 * when there are no files. Valid until the next prompt_set_history. */
const char *prompt_history_path(enum prompt_kind kind);

/* Free readline's history (the files are already written). */
void prompt_shutdown(void);

#endif /* EDUAID_UI_PROMPT_H */
