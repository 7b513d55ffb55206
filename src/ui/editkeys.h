/*
 * editkeys.h
 *   The one key map of text fields: which key does what to a line being
 *   edited (core/text.h's struct lineedit) -- in the form view, the row
 *   editor, the login screen and the pick list's filter alike.
 */
#ifndef EDUAID_UI_EDITKEYS_H
#define EDUAID_UI_EDITKEYS_H

#include <stdbool.h>

#include "core/text.h"
#include "ui/screen.h"

/*
 * editkeys_apply
 *
 * Apply key k to e when the map gives it a meaning. Returns true when the
 * key was an editing key (it is used up), false when it is not one (the
 * caller's actions get it); *changed (may be NULL) says whether the text
 * changed (a move does not change it).
 */
bool editkeys_apply(struct lineedit *e, const struct key *k, bool *changed);

#endif /* EDUAID_UI_EDITKEYS_H */
