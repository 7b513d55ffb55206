/*
 * returned.c
 *   "Returned to me": the person's records an officer or supervisor sent
 *   back (eduaid.returned_to_me), newest return first, each with its
 *   reason -- cut in the list, in full on the line below it. Enter opens
 *   the record (editable again, since it was returned): fix it, F2 saves,
 *   F10 submits it again. F12 shows its history.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/review.h"
#include "screens/listbase.h"
#include "screens/review.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/keys.h"

#define MAX_ROWS 500
#define NCOLS 5

struct returned {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    char ago[32]; /* the age cell of the row being drawn */
};

static bool
fetch_rows(struct screen *s)
{
    struct returned *r = s->data;
    struct db_error err;
    struct dbres *res;

    if ((res = review_returned(s->app->db, MAX_ROWS, &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&r->lb, res);
}

static const char *const returned_shows[NCOLS] = {NULL, "summary", "reason",
                                                  NULL, NULL};

static bool
returned_row(struct screen *s, int index, const char **cells,
             struct lv_row *row)
{
    struct returned *r = s->data;

    (void)row;
    cells[0] = app_kind_title(s->app, cell(r, index, "kind"));
    cells[3] = cell(r, index, "rejected_by_name")[0]
                   ? cell(r, index, "rejected_by_name")
                   : cell(r, index, "rejected_by");
    cells[4] = review_age(atoll(cell(r, index, "ago")), r->ago, sizeof(r->ago));
    return true;
}

static void
returned_draw(struct screen *s)
{
    struct returned *r = s->data;
    int sel = listbase_selected(&r->lb);
    char line[1024], save[32], submit[32];

    keys_names(ACT_SAVE, KEYS_PRIMARY, save, sizeof(save));
    keys_names(ACT_SUBMIT, KEYS_PRIMARY, submit, sizeof(submit));
    snprintf(line, sizeof(line),
             _("Returned to you: Enter opens one -- fix it, %s saves, %s "
               "submits it again."),
             save, submit);
    listbase_line(&r->lb, 0, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&r->lb.lv);
    if (sel >= 0) {
        snprintf(line, sizeof(line), _("Reason: %s"), cell(r, sel, "reason"));
        listbase_line(&r->lb, -1, line, UA_ERROR, DRAW_PAD | DRAW_MARK_CUT);
    }
}

static enum key_result
returned_key(struct screen *s, const struct key *k)
{
    struct returned *r = s->data;
    int sel = listbase_selected(&r->lb);
    const struct formdef *f =
        sel >= 0 ? app_form(s->app, cell(r, sel, "kind")) : NULL;
    struct screen *next = NULL;

    switch (k->action) {
    case ACT_OPEN:
    case ACT_HISTORY:
        if (f == NULL)
            return KR_HANDLED;
        next = k->action == ACT_OPEN
                   ? form_screen_new(s->app, f, atoll(cell(r, sel, "id")))
                   : history_screen_new(s->app, f, atoll(cell(r, sel, "id")));
        if (next != NULL)
            app_push(s->app, next);
        return KR_REDRAW;
    default:
        return listbase_key(&r->lb, k);
    }
}

static const enum action returned_actions_list[] = {
    ACT_OPEN, ACT_HISTORY, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};

static const enum action *
returned_actions(struct screen *s)
{
    (void)s;
    return returned_actions_list;
}

static const char *
returned_title(struct screen *s)
{
    (void)s;
    return _("Returned to me");
}

static const struct screen_ops returned_ops = {
    .name = "returned",
    .layout = listbase_layout,
    .draw = returned_draw,
    .key = returned_key,
    .resumed = listbase_resumed,
    .actions = returned_actions,
    .available = listbase_available,
    .title = returned_title,
    .close = listbase_close,
};

static const struct listbase_ops returned_list = {
    .fetch = fetch_rows, .row = returned_row, .shows = returned_shows};

struct screen *
returned_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &returned_ops, sizeof(struct returned));
    struct returned *r;

    if (s == NULL)
        return NULL;
    r = s->data;
    r->columns[0] = (struct lv_column){_("Kind"), 14, false};
    r->columns[1] = (struct lv_column){_("Record"), 20, false};
    r->columns[2] = (struct lv_column){_("Reason"), 0, false};
    r->columns[3] = (struct lv_column){_("Returned by"), 10, false};
    r->columns[4] = (struct lv_column){_("Ago"), 7, true};
    listbase_init(&r->lb, s, &returned_list, r->columns, NCOLS);
    r->lb.below = 1;
    r->lb.lv.empty_text = _("Nothing was returned to you.");
    listbase_reload(&r->lb);
    return s;
}
