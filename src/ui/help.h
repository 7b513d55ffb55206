/*
 * help.h
 *   The help screen: the actions of the screen below it with their keys
 *   and labels (from ACTION_LIST, like the key bar, so they cannot
 *   drift), the keys that work everywhere, and the keys of lists and of
 *   the command line. Closed with Esc, q or F1.
 */
#ifndef EDUAID_UI_HELP_H
#define EDUAID_UI_HELP_H

#include "ui/screen.h"

struct app;

/*
 * help_screen_new
 *
 * A new help screen about below (may be NULL: only the general keys), to
 * be pushed with app_push. Its close() frees it. NULL when out of memory.
 * below must stay on the stack while help is above it (it is).
 */
struct screen *help_screen_new(struct app *a, struct screen *below);

#endif /* EDUAID_UI_HELP_H */
