/*
 * formhint.c
 *   The hint of the field being edited (see form.h, form_draw_hint): the
 *   server's rules for that field, in the words of its error table
 *   (eduaid.message, src/db/messages.h), on the status line while it has
 *   nothing else to say -- a clerk reads the rule before the server
 *   refuses. Rules that hold only under a condition (a school unless the
 *   stage is "not in school") say so in their words.
 */
#include "config.h"

#include "screens/form.h"

#include <curses.h>

#include "db/messages.h"
#include "ui/draw.h"

void
form_draw_hint(struct form *f, const char *table, const struct fieldset *fs,
               int i)
{
    const struct fieldstate *s;
    char hint[512];

    if (!f->editable || table == NULL || i < 0 || (size_t)i >= fs->n ||
        !app_status_empty(f->app))
        return;
    s = &fs->f[i];
    if (s->locked || s->def->read_only || s->error[0] != '\0')
        return; /* nothing to fill in, or its own error says more */
    if (messages_hint(f->app->messages, table, s->def->name, f->app->zh, hint,
                      sizeof(hint)) == 0)
        return;
    /* COLS - 1: the last cell of the last line would scroll */
    draw_str(stdscr, LINES - 1, 0, COLS - 1, hint, UA_STATUS, DRAW_MARK_CUT);
}
