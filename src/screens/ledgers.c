/*
 * ledgers.c
 *   "Ledgers" of the main menu: the ledgers the plan names, each with a
 *   line of its numbers -- 控辍保学 (the dropout ledgers' counts for this
 *   school year), 送教上门 (home-delivery visits still due this month),
 *   培训台账 (training person-times) -- Enter opens one.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "db/homevisit.h"
#include "db/ledger.h"
#include "db/training.h"
#include "screens/ledger.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/listview.h"

enum { ITEM_DROPOUT, ITEM_HOME, ITEM_TRAINING, NITEMS };

struct ledgers {
    struct listview lv;
    struct lv_column columns[2];
    const char *cells[2];
    char lines[NITEMS][256];
    int top, cols;
};

/* r when it holds a row, else NULL (r freed). */
static struct dbres *
numbers(struct dbres *r)
{
    if (r != NULL && r->nrows < 1) {
        dbres_free(r);
        return NULL;
    }
    return r;
}

/* Value `name` of the row, or "?". */
static const char *
num(const struct dbres *r, const char *name)
{
    const char *v = r != NULL ? dbres_field(r, 0, name) : NULL;

    return v != NULL ? v : "?";
}

static void
refresh_lines(struct screen *s)
{
    struct ledgers *l = s->data;
    int year = date_school_year_today();
    struct db_error err;
    struct dbres *r;

    r = numbers(dropout_counts(s->app->db, year, &err));
    snprintf(l->lines[ITEM_DROPOUT], sizeof(l->lines[ITEM_DROPOUT]),
             _("school age %s · suspected %s · confirmed %s · back in school "
               "%s"),
             num(r, "school_age"), num(r, "suspected"), num(r, "confirmed"),
             num(r, "returned"));
    dbres_free(r);
    r = numbers(home_delivery_totals(s->app->db, &err));
    snprintf(l->lines[ITEM_HOME], sizeof(l->lines[ITEM_HOME]),
             _("%s plans · %s visits still due this month"), num(r, "plans"),
             num(r, "due"));
    dbres_free(r);
    r = numbers(training_ledger_totals(s->app->db, &err));
    snprintf(l->lines[ITEM_TRAINING], sizeof(l->lines[ITEM_TRAINING]),
             _("this year: %s person-times · %s completed · %s employed"),
             num(r, "enrolled"), num(r, "completed"), num(r, "employed"));
    dbres_free(r);
    listview_set_rows(&l->lv, NITEMS, false);
}

static bool
ledgers_row(void *arg, int index, struct lv_row *row)
{
    struct ledgers *l = ((struct screen *)arg)->data;

    switch (index) {
    case ITEM_DROPOUT:
        l->cells[0] = _("Dropout control");
        break;
    case ITEM_HOME:
        l->cells[0] = _("Home delivery");
        break;
    case ITEM_TRAINING:
        l->cells[0] = _("Training ledger");
        break;
    default:
        return false;
    }
    l->cells[1] = l->lines[index];
    row->cells = l->cells;
    return true;
}

static void
ledgers_layout(struct screen *s, int top, int rows, int cols)
{
    struct ledgers *l = s->data;

    l->top = top;
    l->cols = cols;
    listview_layout(&l->lv, top + 1, 2, rows - 2, cols - 4);
}

static void
ledgers_draw(struct screen *s)
{
    struct ledgers *l = s->data;

    draw_str(stdscr, l->top, 2, l->cols - 4, _("The ledgers the plan names:"),
             UA_LABEL, DRAW_PAD);
    listview_draw(&l->lv);
}

static enum key_result
ledgers_key(struct screen *s, const struct key *k)
{
    struct ledgers *l = s->data;
    struct screen *next = NULL;

    switch (k->action) {
    case ACT_OPEN:
        switch (listview_selected(&l->lv)) {
        case ITEM_DROPOUT:
            next = ledger_screen_new(s->app);
            break;
        case ITEM_HOME:
            next = homevisit_screen_new(s->app);
            break;
        case ITEM_TRAINING:
            next = trainledger_screen_new(s->app);
            break;
        default:
            return KR_HANDLED;
        }
        if (next == NULL)
            app_status(s->app, "%s", _("out of memory"));
        else
            app_push(s->app, next);
        return KR_REDRAW;
    case ACT_REFRESH:
        refresh_lines(s);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&l->lv, k);
    }
}

static void
ledgers_resumed(struct screen *s, int result)
{
    (void)result;
    refresh_lines(s);
}

static const enum action ledgers_actions_list[] = {
    ACT_OPEN, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};

static const enum action *
ledgers_actions(struct screen *s)
{
    (void)s;
    return ledgers_actions_list;
}

static const char *
ledgers_title(struct screen *s)
{
    (void)s;
    return _("Ledgers");
}

static void
ledgers_close(struct screen *s)
{
    struct ledgers *l = s->data;

    listview_free(&l->lv);
    free(l);
    free(s);
}

static const struct screen_ops ledgers_ops = {
    .name = "ledgers",
    .layout = ledgers_layout,
    .draw = ledgers_draw,
    .key = ledgers_key,
    .resumed = ledgers_resumed,
    .actions = ledgers_actions,
    .title = ledgers_title,
    .close = ledgers_close,
};

struct screen *
ledgers_screen_new(struct app *a)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct ledgers *l = calloc(1, sizeof(*l));

    if (s == NULL || l == NULL) {
        free(s);
        free(l);
        return NULL;
    }
    *s = (struct screen){.ops = &ledgers_ops, .app = a, .data = l};
    l->columns[0] = (struct lv_column){_("Ledger"), 16, false};
    l->columns[1] = (struct lv_column){_("Now"), 0, false};
    listview_init(&l->lv, l->columns, 2, ledgers_row, s);
    refresh_lines(s);
    return s;
}
