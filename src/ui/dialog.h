/*
 * dialog.h
 *   Modal helpers for screens: each runs its own small key loop and draws
 *   a box over the current screen (the app paints the screen under it on
 *   every frame, so a resize while a dialog is open re-lays out every
 *   screen and the dialog re-centres). On a hang-up or Ctrl-C they return
 *   at once as if cancelled; the app loop then leaves (hang-up).
 *
 *   Call them from a screen's key handler and return KR_REDRAW (or what
 *   follows from the answer) afterwards.
 *
 *   Strings are UTF-8 and already translated.
 */
#ifndef EDUAID_UI_DIALOG_H
#define EDUAID_UI_DIALOG_H

#include <stdbool.h>

#include "ui/prompt.h"

struct app;

/* A message (lines separated by '\n', long lines wrapped at the box's
 * width; arrows and PgUp/PgDn scroll when it is taller than the window)
 * until Enter, Esc, Space or q. */
void dialog_message(struct app *a, const char *title, const char *text);

/* A yes/no question. y / n choose; Left/Right/Tab move between the
 * buttons and Enter takes the one in focus (default_yes: Yes first);
 * Esc, q, Ctrl-C and hang-up answer no. */
bool dialog_confirm(struct app *a, const char *title, const char *question,
                    bool default_yes);

/*
 * dialog_choose
 *
 * A question with two or three answers (issue 12: return instead, save
 * anyway, go back). labels are the buttons (already translated, each
 * naming its key), keys[i] the character that picks answer i (0: none);
 * Left/Right/Tab move and Enter takes the one in focus (focus: the one
 * first in focus). The index chosen, or -1 for Esc, q, Ctrl-C, hang-up.
 */
int dialog_choose(struct app *a, const char *title, const char *question,
                  const char *const *labels, const char *keys, int n,
                  int focus);

/*
 * dialog_prompt
 *
 * One line of text in a box, read through the readline bridge (kind picks
 * the history). label (may be NULL) is shown above the input, initial is
 * the starting text. Returns new malloc'd UTF-8 (the caller frees it), or
 * NULL when cancelled.
 */
char *dialog_prompt(struct app *a, enum prompt_kind kind, const char *title,
                    const char *label, const char *initial);

/* One row of a pick list. value is what dialog_pick returns; label and
 * detail (may be NULL) are shown in two columns. */
struct pick_item {
    const char *value;
    const char *label;
    const char *detail;
};

/*
 * The caller's search: set *items to the rows matching filter (UTF-8,
 * possibly "") and return how many, or -1 on failure (report it with
 * app_error; the dialog shows "search failed" and keeps going). The array
 * and its strings are the caller's and must stay valid until the next
 * call or until dialog_pick returns. Keep the count modest (a LIMIT);
 * a search that returns fewer rows than match says how many match in all
 * with dialog_pick_total, so the count shown is true.
 */
typedef int (*pick_search_fn)(void *arg, const char *filter,
                              const struct pick_item **items);

/* Called by a search of the pick list on screen: total rows match the
 * filter, of which it returned the first ones. */
void dialog_pick_total(int total);

/*
 * dialog_pick
 *
 * A pick list with filter-as-you-type: typing edits the filter line (with
 * Left/Right/Home/End/Backspace/Del/Ctrl-U/Ctrl-K) and runs search again
 * once the keys stop coming; Up/Down/PgUp/PgDn move in the list; Enter
 * picks; Esc cancels. initial_filter may be NULL. Returns a new malloc'd
 * copy of the chosen item's value (the caller frees it), or NULL when
 * cancelled or nothing was there to pick.
 */
char *dialog_pick(struct app *a, const char *title, const char *initial_filter,
                  pick_search_fn search, void *arg);

#endif /* EDUAID_UI_DIALOG_H */
