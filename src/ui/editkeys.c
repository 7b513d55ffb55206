/*
 * editkeys.c
 *   The key map of text fields as one table, and applying it to a line
 *   editor (see editkeys.h).
 */
#include "config.h"

#include "ui/editkeys.h"

#include <curses.h>
#include <stddef.h>

#include "ui/keys.h"

#define CTRL(c) ((c) - '@')

static const struct {
    bool is_function;
    wint_t code;
    enum edit_op op;
} edit_map[] = {
    {true, KEY_BACKSPACE, EDIT_BACKSPACE},
    {false, 127, EDIT_BACKSPACE},
    {false, CTRL('H'), EDIT_BACKSPACE},
    {true, KEY_DC, EDIT_DELETE},
    {false, CTRL('K'), EDIT_KILL_TO_END},
    {false, CTRL('U'), EDIT_KILL_TO_START},
    {true, KEY_LEFT, EDIT_LEFT},
    {false, CTRL('B'), EDIT_LEFT},
    {true, KEY_RIGHT, EDIT_RIGHT},
    {false, CTRL('F'), EDIT_RIGHT},
    {true, KEY_HOME, EDIT_HOME},
    {true, KEY_FIND, EDIT_HOME},
    {false, CTRL('A'), EDIT_HOME},
    {true, KEY_END, EDIT_END},
    {true, KEY_SELECT, EDIT_END},
    {false, CTRL('E'), EDIT_END},
};

enum edit_op
editkeys_op(const struct key *k, enum edit_where where)
{
    if (keys_is_text(k))
        return EDIT_INSERT;
    if (where == EDIT_ON_SCREEN && k->action != ACT_NONE)
        return EDIT_NONE;
    for (size_t i = 0; i < sizeof(edit_map) / sizeof(edit_map[0]); i++)
        if (edit_map[i].is_function == k->is_function &&
            edit_map[i].code == k->code)
            return edit_map[i].op;
    return EDIT_NONE;
}

bool
editkeys_op_changes(enum edit_op op)
{
    return op == EDIT_INSERT || op == EDIT_BACKSPACE || op == EDIT_DELETE ||
           op == EDIT_KILL_TO_END || op == EDIT_KILL_TO_START;
}

bool
editkeys_apply(struct lineedit *e, const struct key *k, enum edit_where where,
               bool *changed)
{
    enum edit_op op = editkeys_op(k, where);
    bool c = false;

    switch (op) {
    case EDIT_NONE:
        return false;
    case EDIT_INSERT:
        c = lineedit_insert(e, (wchar_t)k->code);
        break;
    case EDIT_BACKSPACE:
        c = lineedit_backspace(e);
        break;
    case EDIT_DELETE:
        c = lineedit_delete(e);
        break;
    case EDIT_KILL_TO_END:
        c = lineedit_kill_to_end(e);
        break;
    case EDIT_KILL_TO_START:
        c = lineedit_kill_to_start(e);
        break;
    case EDIT_LEFT:
        lineedit_left(e);
        break;
    case EDIT_RIGHT:
        lineedit_right(e);
        break;
    case EDIT_HOME:
        lineedit_home(e);
        break;
    case EDIT_END:
        lineedit_end(e);
        break;
    }
    if (changed != NULL)
        *changed = c;
    return true;
}
