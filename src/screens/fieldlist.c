/*
 * fieldlist.c
 *   The keys and key bar a one-field-a-line editor shares (fieldlist.h):
 *   the editors keep their fields, their drawing and what Enter and F2
 *   do; the focus, the moves and the question before dropping changes
 *   live here once.
 */
#include "config.h"

#include <curses.h>

#include "core/i18n.h"
#include "screens/fieldlist.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/term.h"

static enum key_result
move_focus(struct fieldlist *fl, const struct key *k)
{
    if (k->is_function && k->code == KEY_UP && fl->focus > 0) {
        fl->focus--;
        return KR_REDRAW;
    }
    if (k->is_function && k->code == KEY_DOWN && fl->focus + 1 < fl->nf) {
        fl->focus++;
        return KR_REDRAW;
    }
    if (k->action == ACT_NEXT_FIELD) {
        fl->focus = (fl->focus + 1) % fl->nf;
        return KR_REDRAW;
    }
    if (k->action == ACT_PREV_FIELD) {
        fl->focus = (fl->focus + fl->nf - 1) % fl->nf;
        return KR_REDRAW;
    }
    return KR_UNHANDLED;
}

enum key_result
fieldlist_key(struct fieldlist *fl, const struct key *k)
{
    enum key_result moved = fl->nf > 0 ? move_focus(fl, k) : KR_UNHANDLED;

    if (moved != KR_UNHANDLED)
        return moved;
    switch (k->action) {
    case ACT_OPEN:
        fl->change(fl->owner);
        return KR_REDRAW;
    case ACT_SAVE:
        return fl->save(fl->owner) ? KR_CLOSE : KR_REDRAW;
    case ACT_BACK:
        if (fl->dirty &&
            !dialog_confirm(fl->app, fl->title, _("Drop the changes?"), false))
            return KR_REDRAW;
        return KR_CLOSE;
    default:
        return KR_UNHANDLED;
    }
}

static const enum action actions[] = {ACT_OPEN, ACT_SAVE, ACT_NEXT_FIELD,
                                      ACT_HELP, ACT_BACK, ACT_NONE};

const enum action *
fieldlist_actions(void)
{
    return actions;
}

const char *
fieldlist_action_label(enum action a)
{
    switch (a) {
    case ACT_OPEN:
        return _("Change");
    case ACT_BACK:
        return _("Drop");
    default:
        return NULL;
    }
}

void
fieldlist_draw_keys(int y, int cols)
{
    draw_str(stdscr, y, 0, cols,
             _("Up/Down: field   Enter: change it   F2: save   Esc: drop"),
             UA_LABEL, DRAW_PAD);
}
