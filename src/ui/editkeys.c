/*
 * editkeys.c
 *   The key map of text fields (see editkeys.h).
 */
#include "config.h"

#include "ui/editkeys.h"

#include <curses.h>

#include "ui/keys.h"

bool
editkeys_apply(struct lineedit *e, const struct key *k, bool *changed)
{
    bool c = false;

    if (keys_is_text(k))
        c = lineedit_insert(e, (wchar_t)k->code);
    else if (k->code == KEY_BACKSPACE || k->code == 127 || k->code == 8)
        c = lineedit_backspace(e);
    else if (k->is_function && k->code == KEY_DC)
        c = lineedit_delete(e);
    else if (!k->is_function && k->code == 11)
        c = lineedit_kill_to_end(e);
    else if (!k->is_function && k->code == 21)
        c = lineedit_kill_to_start(e);
    else if (k->is_function && k->code == KEY_LEFT)
        lineedit_left(e);
    else if (k->is_function && k->code == KEY_RIGHT)
        lineedit_right(e);
    else if (k->is_function && (k->code == KEY_HOME || k->code == KEY_FIND))
        lineedit_home(e);
    else if (k->is_function && (k->code == KEY_END || k->code == KEY_SELECT))
        lineedit_end(e);
    else
        return false;
    if (changed != NULL)
        *changed = c;
    return true;
}
