/*
 * trainledger.c
 *   培训台账: the training ledger per course and batch, newest batch first
 *   (eduaid.training_ledger): enrolled, approved, attendance recorded
 *   (sessions present, hours), completed, certified, employed, with the
 *   totals above. Enter opens the batch's trainees (trainbatch.c), where
 *   attendance is recorded; the outcomes are kept in the training form.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "db/training.h"
#include "screens/ledger.h"
#include "ui/draw.h"
#include "ui/listview.h"

#define NCOLS 9

/* The columns shown, in order (course_id, not shown, is what Enter opens
 * the batch by). */
static const char *const shown[NCOLS] = {
    "course_name",   "batch",     "enrolled",  "approved", "sessions",
    "hours_present", "completed", "certified", "employed"};

struct trainledger {
    struct listview lv;
    struct lv_column columns[NCOLS];
    const char *cells[NCOLS];
    struct dbres *rows;
    long long total[NCOLS]; /* column sums (the numeric columns) */
    int top, height, cols;
};

static const char *
cell(const struct trainledger *t, int i, const char *c)
{
    const char *v = dbres_field(t->rows, i, c);

    return v != NULL ? v : "";
}

static void
reload(struct screen *s)
{
    struct trainledger *t = s->data;
    struct db_error err;
    struct dbres *res = training_ledger_rows(s->app->db, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return;
    }
    dbres_free(t->rows);
    t->rows = res;
    memset(t->total, 0, sizeof(t->total));
    for (int i = 0; i < res->nrows; i++)
        for (int c = 2; c < NCOLS; c++)
            t->total[c] += atoll(cell(t, i, shown[c]));
    listview_reset(&t->lv);
    listview_set_rows(&t->lv, res->nrows, false);
}

static bool
train_row(void *arg, int index, struct lv_row *row)
{
    struct trainledger *t = ((struct screen *)arg)->data;

    if (t->rows == NULL || index >= t->rows->nrows)
        return false;
    for (int c = 0; c < NCOLS; c++)
        t->cells[c] = cell(t, index, shown[c]);
    row->cells = t->cells;
    return true;
}

static void
train_layout(struct screen *s, int top, int rows, int cols)
{
    struct trainledger *t = s->data;

    t->top = top;
    t->height = rows;
    t->cols = cols;
    listview_layout(&t->lv, top + 1, 0, rows - 1, cols);
}

static void
train_draw(struct screen *s)
{
    struct trainledger *t = s->data;
    char line[512];

    snprintf(line, sizeof(line),
             _("Person-times %lld · completed %lld · certified %lld · "
               "employed %lld"),
             t->total[2], t->total[6], t->total[7], t->total[8]);
    draw_str(stdscr, t->top, 0, t->cols, line, UA_HEADER,
             DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&t->lv);
}

static enum key_result
train_key(struct screen *s, const struct key *k)
{
    struct trainledger *t = s->data;

    switch (k->action) {
    case ACT_OPEN: {
        int sel = listview_selected(&t->lv);

        if (sel >= 0)
            app_push(s->app,
                     trainbatch_screen_new(s->app, cell(t, sel, "course_id"),
                                           cell(t, sel, "course_name"),
                                           cell(t, sel, "batch")));
        return KR_REDRAW;
    }
    case ACT_REFRESH:
        reload(s);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&t->lv, k);
    }
}

static const enum action train_actions_list[] = {ACT_OPEN, ACT_REFRESH,
                                                 ACT_HELP, ACT_BACK, ACT_NONE};

static const enum action *
train_actions(struct screen *s)
{
    (void)s;
    return train_actions_list;
}

static const char *
train_title(struct screen *s)
{
    (void)s;
    return _("Training ledger");
}

static void
train_close(struct screen *s)
{
    struct trainledger *t = s->data;

    dbres_free(t->rows);
    listview_free(&t->lv);
    free(t);
    free(s);
}

static const struct screen_ops train_ops = {
    .name = "trainledger",
    .layout = train_layout,
    .draw = train_draw,
    .key = train_key,
    .actions = train_actions,
    .title = train_title,
    .close = train_close,
};

struct screen *
trainledger_screen_new(struct app *a)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct trainledger *t = calloc(1, sizeof(*t));

    if (s == NULL || t == NULL) {
        free(s);
        free(t);
        return NULL;
    }
    *s = (struct screen){.ops = &train_ops, .app = a, .data = t};
    t->columns[0] = (struct lv_column){_("Course"), 0, false};
    t->columns[1] = (struct lv_column){_("Batch"), 7, false};
    t->columns[2] = (struct lv_column){_("Enrolled"), 8, true};
    t->columns[3] = (struct lv_column){_("Approved"), 8, true};
    t->columns[4] = (struct lv_column){_("Sessions"), 8, true};
    t->columns[5] = (struct lv_column){_("Hours"), 6, true};
    t->columns[6] = (struct lv_column){_("Completed"), 9, true};
    t->columns[7] = (struct lv_column){_("Certified"), 9, true};
    t->columns[8] = (struct lv_column){_("Employed"), 8, true};
    /* the counts as wide as their translated headings (5 cells at least):
     * the course name gets the rest */
    for (int c = 2; c < NCOLS; c++) {
        int w = text_utf8_cells(t->columns[c].title);

        t->columns[c].width = w < 5 ? 5 : w;
    }
    listview_init(&t->lv, t->columns, NCOLS, train_row, s);
    t->lv.empty_text = _("No training enrollment.");
    reload(s);
    return s;
}
