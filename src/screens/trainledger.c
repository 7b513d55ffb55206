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
#include "screens/listbase.h"
#include "screens/session.h"
#include "ui/draw.h"

#define NCOLS 9

/* The columns shown, in order: the list's ops->shows (course_id, not shown, is
 * what Enter opens the batch by). */
static const char *const shown[NCOLS] = {
    "course_name",   "batch",     "enrolled",  "approved", "sessions",
    "hours_present", "completed", "certified", "employed"};

struct trainledger {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    long long total[NCOLS]; /* column sums (the numeric columns) */
};

/* The rows, and the sums of their numeric columns. */
static bool
fetch_rows(struct screen *s)
{
    struct trainledger *t = s->data;
    struct db_error err;
    struct dbres *res = training_ledger_rows(s->app->db, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    if (!listbase_take(&t->lb, res))
        return false;
    memset(t->total, 0, sizeof(t->total));
    for (int i = 0; i < listbase_nrows(&t->lb); i++)
        for (int c = 2; c < NCOLS; c++)
            t->total[c] += atoll(cell(t, i, shown[c]));
    return true;
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
    listbase_line(&t->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&t->lb.lv);
}

static enum key_result
train_key(struct screen *s, const struct key *k)
{
    struct trainledger *t = s->data;

    switch (k->action) {
    case ACT_OPEN: {
        int sel = listbase_selected(&t->lb);

        if (sel >= 0)
            app_push(s->app,
                     trainbatch_screen_new(s->app, cell(t, sel, "course_id"),
                                           cell(t, sel, "course_name"),
                                           cell(t, sel, "batch")));
        return KR_REDRAW;
    }
    default:
        return listbase_key(&t->lb, k);
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

static const struct screen_ops train_ops = {
    .name = "trainledger",
    .layout = listbase_layout,
    .draw = train_draw,
    .key = train_key,
    .actions = train_actions,
    .available = listbase_available,
    .title = train_title,
    .close = listbase_close,
};

static const struct listbase_ops train_list = {.fetch = fetch_rows,
                                               .shows = shown};

struct screen *
trainledger_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &train_ops, sizeof(struct trainledger));
    struct trainledger *t;

    if (s == NULL)
        return NULL;
    t = s->data;
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
    listbase_init(&t->lb, s, &train_list, t->columns, NCOLS);
    t->lb.reload = LB_FROM_TOP;
    t->lb.lv.empty_text = _("No training enrollment.");
    reload(s);
    return s;
}
