/*
 * editkeys.h
 *   The one key map of text fields: which key does what to a line being
 *   edited (core/text.h's struct lineedit) -- in the form view, the row
 *   editor, the login screen and the pick list's filter alike. (The ':'
 *   command line and the prompts are readline's, with its own keys.)
 *
 *   Typing inserts; Backspace, ^H and DEL delete before the cursor, Delete
 *   under it; ^K and ^U delete to the end and to the start; Left/Right
 *   and ^B/^F move by a character; Home/^A and End/^E go to the start and
 *   the end (Find and Select too: some terminals send them for Home/End).
 *
 *   On a screen the key map (keys.h) comes first for control and
 *   function keys: a key bound to an action there is that action's, so
 *   ^A adds a row, ^E shows the error details and ^F filters, as they
 *   always have. In a modal line no action applies (the pick list) and
 *   every key of the map edits.
 */
#ifndef EDUAID_UI_EDITKEYS_H
#define EDUAID_UI_EDITKEYS_H

#include <stdbool.h>

#include "core/text.h"
#include "ui/screen.h"

enum edit_op {
    EDIT_NONE = 0, /* not an editing key */
    EDIT_INSERT,   /* the key's character */
    EDIT_BACKSPACE,
    EDIT_DELETE,
    EDIT_KILL_TO_END,
    EDIT_KILL_TO_START,
    EDIT_LEFT,
    EDIT_RIGHT,
    EDIT_HOME,
    EDIT_END
};

/* Where the line is edited: on a screen (actions come first) or in a
 * modal line (no actions). */
enum edit_where { EDIT_ON_SCREEN, EDIT_MODAL };

/* What key k does to a line edited where. */
enum edit_op editkeys_op(const struct key *k, enum edit_where where);

/* Whether op changes the text (a move does not). */
bool editkeys_op_changes(enum edit_op op);

/*
 * editkeys_apply
 *
 * Apply key k to e when the map gives it a meaning where. Returns true
 * when the key was an editing key (it is used up), false when it is not
 * one (the caller's actions get it); *changed (may be NULL) says whether
 * the text changed.
 */
bool editkeys_apply(struct lineedit *e, const struct key *k,
                    enum edit_where where, bool *changed);

#endif /* EDUAID_UI_EDITKEYS_H */
