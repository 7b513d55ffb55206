/*
 * chooser.c
 *   An area's chooser (chooser.h): the entries the caller's role sees, a
 *   line of numbers each, Enter opens one, F5 and coming back refresh.
 */
#include "config.h"

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "screens/chooser.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/listview.h"

#define LINE_SIZE 256
#define MAX_ENTRIES 16

struct chooser {
    struct screen_ops ops; /* the shared ops under the area's name */
    const struct chooser_def *def;
    struct listview lv;
    struct lv_column columns[2];
    const char *cells[2];
    const struct chooser_entry *shown[MAX_ENTRIES];
    char lines[MAX_ENTRIES][LINE_SIZE];
    size_t nshown;
    int top, cols;
};

static void
refresh_lines(struct screen *s)
{
    struct chooser *c = s->data;

    for (size_t i = 0; i < c->nshown; i++) {
        c->lines[i][0] = '\0';
        if (c->shown[i]->line != NULL)
            c->shown[i]->line(s->app, c->lines[i], LINE_SIZE);
        /* (never _(""): gettext answers it with the catalogue's header) */
        if (c->lines[i][0] == '\0' && c->shown[i]->hint != NULL)
            snprintf(c->lines[i], LINE_SIZE, "%s", _(c->shown[i]->hint));
    }
    listview_set_rows(&c->lv, (int)c->nshown, false);
}

static bool
chooser_row(void *arg, int index, struct lv_row *row)
{
    struct chooser *c = ((struct screen *)arg)->data;

    if (index < 0 || (size_t)index >= c->nshown)
        return false;
    c->cells[0] = _(c->shown[index]->label);
    c->cells[1] = c->lines[index];
    row->cells = c->cells;
    return true;
}

static void
chooser_layout(struct screen *s, int top, int rows, int cols)
{
    struct chooser *c = s->data;

    c->top = top;
    c->cols = cols;
    listview_layout(&c->lv, top + 1, 2, rows - 2, cols - 4);
}

static void
chooser_draw(struct screen *s)
{
    struct chooser *c = s->data;

    draw_str(stdscr, c->top, 2, c->cols - 4, _(c->def->heading), UA_LABEL,
             DRAW_PAD);
    listview_draw(&c->lv);
}

static enum key_result
open_selected(struct screen *s)
{
    struct chooser *c = s->data;
    struct screen *next;
    int sel = listview_selected(&c->lv);

    if (sel < 0 || (size_t)sel >= c->nshown)
        return KR_HANDLED;
    if ((next = c->shown[sel]->open(s->app)) == NULL)
        app_status(s->app, "%s", _("out of memory"));
    else
        app_push(s->app, next);
    return KR_REDRAW;
}

static enum key_result
chooser_key(struct screen *s, const struct key *k)
{
    struct chooser *c = s->data;

    switch (k->action) {
    case ACT_OPEN:
        return open_selected(s);
    case ACT_REFRESH:
        refresh_lines(s);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&c->lv, k);
    }
}

static void
chooser_resumed(struct screen *s, int result)
{
    (void)result;
    refresh_lines(s);
}

static const enum action chooser_actions_list[] = {
    ACT_OPEN, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};

static const enum action *
chooser_actions(struct screen *s)
{
    (void)s;
    return chooser_actions_list;
}

static const char *
chooser_title(struct screen *s)
{
    struct chooser *c = s->data;

    return _(c->def->title);
}

static void
chooser_close(struct screen *s)
{
    struct chooser *c = s->data;

    listview_free(&c->lv);
    free(c);
    free(s);
}

static const struct screen_ops chooser_ops = {
    .layout = chooser_layout,
    .draw = chooser_draw,
    .key = chooser_key,
    .resumed = chooser_resumed,
    .actions = chooser_actions,
    .title = chooser_title,
    .close = chooser_close,
};

struct screen *
chooser_screen_new(struct app *a, const struct chooser_def *def, unsigned mask)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct chooser *c = calloc(1, sizeof(*c));

    if (s == NULL || c == NULL) {
        free(s);
        free(c);
        return NULL;
    }
    c->ops = chooser_ops;
    c->ops.name = def->name;
    c->def = def;
    *s = (struct screen){.ops = &c->ops, .app = a, .data = c};
    for (size_t i = 0; i < def->nentries && c->nshown < MAX_ENTRIES; i++)
        if (def->entries[i].roles & mask)
            c->shown[c->nshown++] = &def->entries[i];
    c->columns[0] = (struct lv_column){_(def->column), 16, false};
    c->columns[1] = (struct lv_column){_("Now"), 0, false};
    listview_init(&c->lv, c->columns, 2, chooser_row, s);
    c->lv.empty_text = def->empty != NULL ? _(def->empty) : NULL;
    refresh_lines(s);
    return s;
}

unsigned
chooser_role_bit(const char *role)
{
    static const struct {
        const char *name;
        unsigned bit;
    } roles[] = {{"clerk", CR_CLERK},
                 {"officer", CR_OFFICER},
                 {"supervisor", CR_SUPERVISOR},
                 {"auditor", CR_AUDITOR},
                 {"inspector", CR_INSPECTOR}};

    for (size_t i = 0; role != NULL && i < sizeof(roles) / sizeof(roles[0]);
         i++)
        if (strcmp(role, roles[i].name) == 0)
            return roles[i].bit;
    return 0;
}
