/*
 * help.h
 *   The help screen: the actions of the screen below it with their keys
 *   and labels (from ACTION_LIST, like the key bar, so they cannot
 *   drift), the keys that work everywhere, and the keys of lists and of
 *   the command line. Closed with Esc, q or F1.
 */
#ifndef EDUAID_UI_HELP_H
#define EDUAID_UI_HELP_H

#include <stdbool.h>

#include "ui/screen.h"

struct app;

/* One line of the help screen. */
struct help_line {
    char keys[48];
    char label[256]; /* translated */
    bool heading;
    bool unavailable; /* an action of the screen not available now: dimmed */
};

#define HELP_MAX_LINES 96

/*
 * help_lines
 *
 * The help page about below (may be NULL) into out (at most max): the
 * screen's whole table of actions (screen_actions_now, as the key bar:
 * the ones not available now dimmed, with why), its notes, the global
 * actions not already listed, and the keys of lists and of the command
 * line -- leaving out any key name bound to an action, so a key has one
 * meaning on the page. Returns how many lines.
 */
int help_lines(struct screen *below, struct help_line *out, int max);

/*
 * help_screen_new
 *
 * A new help screen about below (may be NULL: only the general keys), to
 * be pushed with app_push. Its close() frees it. NULL when out of memory.
 * below must stay on the stack while help is above it (it is).
 */
struct screen *help_screen_new(struct app *a, struct screen *below);

#endif /* EDUAID_UI_HELP_H */
