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
#include "screens/review.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/listview.h"

#define MAX_ROWS 500
#define NCOLS 5

struct returned {
    struct listview lv;
    struct lv_column columns[NCOLS];
    const char *cells[NCOLS];
    struct dbres *rows;
    char ago[32]; /* the age cell of the row being drawn */
    int top, rows_shown, cols;
};

/* Value of column c of row i ("" for NULL). */
static const char *
cell(const struct returned *r, int i, const char *c)
{
    const char *v = dbres_field(r->rows, i, c);

    return v != NULL ? v : "";
}

static const char *
kind_title(struct app *a, const char *kind)
{
    const struct formdef *f = app_form(a, kind);

    return f != NULL ? label_text(&f->title, a->zh) : kind;
}

static void
reload(struct screen *s)
{
    struct returned *r = s->data;
    struct db_error err;
    struct dbres *res;
    int sel = listview_selected(&r->lv);

    if ((res = review_returned(s->app->db, MAX_ROWS, &err)) == NULL) {
        app_error(s->app, &err);
        return;
    }
    dbres_free(r->rows);
    r->rows = res;
    listview_reset(&r->lv);
    listview_set_rows(&r->lv, res->nrows, false);
    if (sel > 0)
        listview_select(&r->lv, sel);
}

static bool
returned_row(void *arg, int index, struct lv_row *row)
{
    struct screen *s = arg;
    struct returned *r = s->data;

    if (r->rows == NULL || index >= r->rows->nrows)
        return false;
    r->cells[0] = kind_title(s->app, cell(r, index, "kind"));
    r->cells[1] = cell(r, index, "summary");
    r->cells[2] = cell(r, index, "reason");
    r->cells[3] = cell(r, index, "rejected_by_name")[0]
                      ? cell(r, index, "rejected_by_name")
                      : cell(r, index, "rejected_by");
    r->cells[4] =
        review_age(atoll(cell(r, index, "ago")), r->ago, sizeof(r->ago));
    row->cells = r->cells;
    return true;
}

static void
returned_layout(struct screen *s, int top, int rows, int cols)
{
    struct returned *r = s->data;

    r->top = top;
    r->rows_shown = rows;
    r->cols = cols;
    listview_layout(&r->lv, top + 1, 0, rows - 2, cols);
}

static void
returned_draw(struct screen *s)
{
    struct returned *r = s->data;
    int sel = listview_selected(&r->lv);
    char line[1024], save[32], submit[32];

    keys_names(ACT_SAVE, KEYS_PRIMARY, save, sizeof(save));
    keys_names(ACT_SUBMIT, KEYS_PRIMARY, submit, sizeof(submit));
    snprintf(line, sizeof(line),
             _("Returned to you: Enter opens one -- fix it, %s saves, %s "
               "submits it again."),
             save, submit);
    draw_str(stdscr, r->top, 0, r->cols, line, UA_LABEL,
             DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&r->lv);
    if (sel >= 0) {
        snprintf(line, sizeof(line), _("Reason: %s"), cell(r, sel, "reason"));
        draw_str(stdscr, r->top + r->rows_shown - 1, 0, r->cols, line, UA_ERROR,
                 DRAW_PAD | DRAW_MARK_CUT);
    }
}

static enum key_result
returned_key(struct screen *s, const struct key *k)
{
    struct returned *r = s->data;
    int sel = listview_selected(&r->lv);
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
    case ACT_REFRESH:
        reload(s);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&r->lv, k);
    }
}

static void
returned_resumed(struct screen *s, int result)
{
    (void)result;
    reload(s);
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

static void
returned_close(struct screen *s)
{
    struct returned *r = s->data;

    dbres_free(r->rows);
    listview_free(&r->lv);
    free(r);
    free(s);
}

static const struct screen_ops returned_ops = {
    .name = "returned",
    .layout = returned_layout,
    .draw = returned_draw,
    .key = returned_key,
    .resumed = returned_resumed,
    .actions = returned_actions,
    .title = returned_title,
    .close = returned_close,
};

struct screen *
returned_screen_new(struct app *a)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct returned *r = calloc(1, sizeof(*r));

    if (s == NULL || r == NULL) {
        free(s);
        free(r);
        return NULL;
    }
    *s = (struct screen){.ops = &returned_ops, .app = a, .data = r};
    r->columns[0] = (struct lv_column){_("Kind"), 14, false};
    r->columns[1] = (struct lv_column){_("Record"), 20, false};
    r->columns[2] = (struct lv_column){_("Reason"), 0, false};
    r->columns[3] = (struct lv_column){_("Returned by"), 10, false};
    r->columns[4] = (struct lv_column){_("Ago"), 7, true};
    listview_init(&r->lv, r->columns, NCOLS, returned_row, s);
    r->lv.empty_text = _("Nothing was returned to you.");
    reload(s);
    return s;
}
