/*
 * trainbatch.c
 *   One course batch of the training ledger (培训台账), opened from
 *   trainledger.c: every trainee of the batch the person may see, with the
 *   workflow status of the enrollment, the sessions and hours attended so
 *   far (eduaid.training_attendance), the last session, completion and
 *   employment outcome. Clerks and officers record attendance here: `a`
 *   for the selected trainee on one day (0 hours: absent), `A` for the
 *   whole class on one day (trainees already recorded that day keep their
 *   entry). The server checks everything -- the day lies in the course and
 *   not in the future, hours 0-12 in tenths, the trainee's township is the
 *   person's -- and a refusal is shown in the person's words.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/formdef.h"
#include "core/i18n.h"
#include "db/training.h"
#include "screens/ledger.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/listview.h"

/* Columns of training_batch; the first two are not shown. */
enum {
    B_TOWNSHIP_ID,
    B_ID,
    B_NAME,
    B_TOWNSHIP,
    B_STATUS,
    B_SESSIONS,
    B_HOURS,
    B_LAST,
    B_COMPLETED,
    B_OUTCOME,
    B_NCOLS
};
#define NSHOWN (B_NCOLS - B_NAME)

/* Their names. */
static const char *const col_names[B_NCOLS] = {
    "township_id", "id",    "trainee_name", "township",  "status",
    "sessions",    "hours", "last_session", "completed", "employment_outcome"};

struct trainbatch {
    struct listview lv;
    struct lv_column columns[NSHOWN];
    const char *cells[NSHOWN];
    struct dbres *rows;
    const struct fielddef *outcome; /* its choice labels, or NULL */
    char course_id[16], batch[32], title[256];
    bool writer; /* clerk or officer: may record attendance */
    int top, height, cols;
};

static const char *
cell(const struct trainbatch *b, int i, int c)
{
    const char *v = dbres_field(b->rows, i, col_names[c]);

    return v != NULL ? v : "";
}

static void
reload(struct screen *s)
{
    struct trainbatch *b = s->data;
    struct db_error err;
    struct dbres *res =
        training_batch(s->app->db, b->course_id, b->batch, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return;
    }
    dbres_free(b->rows);
    b->rows = res;
    listview_set_rows(&b->lv, res->nrows, true);
}

static bool
batch_row(void *arg, int index, struct lv_row *row)
{
    struct trainbatch *b = ((struct screen *)arg)->data;

    if (b->rows == NULL || index >= b->rows->nrows)
        return false;
    for (int c = 0; c < NSHOWN; c++)
        b->cells[c] = cell(b, index, B_NAME + c);
    b->cells[B_STATUS - B_NAME] = status_marker(cell(b, index, B_STATUS));
    if (strcmp(cell(b, index, B_COMPLETED), "yes") == 0)
        b->cells[B_COMPLETED - B_NAME] = _("yes");
    if (b->outcome != NULL)
        b->cells[B_OUTCOME - B_NAME] =
            fielddef_choice_label(b->outcome, cell(b, index, B_OUTCOME),
                                  ((struct screen *)arg)->app->zh);
    row->cells = b->cells;
    return true;
}

static void
batch_layout(struct screen *s, int top, int rows, int cols)
{
    struct trainbatch *b = s->data;

    b->top = top;
    b->height = rows;
    b->cols = cols;
    listview_layout(&b->lv, top + 1, 0, rows - 1, cols);
}

static void
batch_draw(struct screen *s)
{
    struct trainbatch *b = s->data;

    draw_str(stdscr, b->top, 0, b->cols, b->title, UA_HEADER,
             DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&b->lv);
}

/* Ask for a day and hours and record attendance with (course, batch) or
 * (township, enrollment) first; true when the server took it. */
static bool
record(struct screen *s, const char *title,
       long long (*attend)(struct db *, const char *, const char *,
                           const char *, const char *, struct db_error *),
       const char *first, const char *second, bool whole_class)
{
    struct app *a = s->app;
    char today[16];
    char *date = NULL, *hours = NULL;
    struct db_error err;
    bool ok = false;

    date = dialog_prompt(a, PROMPT_TEXT, title, _("Session date (YYYY-MM-DD)"),
                         ledger_today(today, sizeof(today)));
    if (date != NULL)
        hours = dialog_prompt(a, PROMPT_TEXT, title,
                              _("Hours attended (0: absent)"), "4");
    if (date != NULL && hours != NULL) {
        long long n = attend(a->db, first, second, date, hours, &err);

        if (n < 0)
            ledger_refusal(a, &err);
        else if (whole_class) {
            app_status(a, _("Attendance recorded for %lld trainees."), n);
            ok = true;
        } else {
            app_status(a, "%s", _("Attendance recorded."));
            ok = true;
        }
    }
    free(date);
    free(hours);
    return ok;
}

static bool
attend_one(struct screen *s, int sel)
{
    struct trainbatch *b = s->data;
    char title[256];

    snprintf(title, sizeof(title), _("Record attendance: %s"),
             cell(b, sel, B_NAME));
    return record(s, title, training_attend_one, cell(b, sel, B_TOWNSHIP_ID),
                  cell(b, sel, B_ID), false);
}

static bool
attend_all(struct screen *s)
{
    struct trainbatch *b = s->data;
    char title[320];

    snprintf(title, sizeof(title), _("Whole class attended: %s"), b->title);
    return record(s, title, training_attend_all, b->course_id, b->batch, true);
}

static enum key_result
batch_key(struct screen *s, const struct key *k)
{
    struct trainbatch *b = s->data;
    int sel = listview_selected(&b->lv);

    switch (k->action) {
    case ACT_ATTEND:
        if (b->writer && sel >= 0 && attend_one(s, sel))
            reload(s);
        return KR_REDRAW;
    case ACT_ATTEND_ALL:
        if (b->writer && b->rows != NULL && b->rows->nrows > 0 && attend_all(s))
            reload(s);
        return KR_REDRAW;
    case ACT_REFRESH:
        reload(s);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&b->lv, k);
    }
}

static const enum action *
batch_actions(struct screen *s)
{
    static const enum action writer[] = {
        ACT_ATTEND, ACT_ATTEND_ALL, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};
    static const enum action reader[] = {ACT_REFRESH, ACT_HELP, ACT_BACK,
                                         ACT_NONE};

    return ((struct trainbatch *)s->data)->writer ? writer : reader;
}

static const char *
batch_title(struct screen *s)
{
    (void)s;
    return _("Training batch");
}

static void
batch_close(struct screen *s)
{
    struct trainbatch *b = s->data;

    dbres_free(b->rows);
    listview_free(&b->lv);
    free(b);
    free(s);
}

static const struct screen_ops batch_ops = {
    .name = "trainbatch",
    .layout = batch_layout,
    .draw = batch_draw,
    .key = batch_key,
    .actions = batch_actions,
    .title = batch_title,
    .close = batch_close,
};

static void
batch_columns(struct trainbatch *b)
{
    b->columns[0] = (struct lv_column){_("Trainee"), 0, false};
    b->columns[1] = (struct lv_column){_("Township"), 8, false};
    b->columns[2] = (struct lv_column){_("Status"), 6, false};
    b->columns[3] = (struct lv_column){_("Sessions"), 8, true};
    b->columns[4] = (struct lv_column){_("Hours"), 6, true};
    b->columns[5] = (struct lv_column){_("Last session"), 12, false};
    b->columns[6] = (struct lv_column){_("Completed"), 9, false};
    b->columns[7] = (struct lv_column){_("Outcome"), 10, false};
}

struct screen *
trainbatch_screen_new(struct app *a, const char *course_id, const char *course,
                      const char *batch)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct trainbatch *b = calloc(1, sizeof(*b));

    if (s == NULL || b == NULL) {
        free(s);
        free(b);
        return NULL;
    }
    *s = (struct screen){.ops = &batch_ops, .app = a, .data = b};
    snprintf(b->course_id, sizeof(b->course_id), "%s", course_id);
    snprintf(b->batch, sizeof(b->batch), "%s", batch);
    snprintf(b->title, sizeof(b->title), "%s · %s", course, batch);
    if (app_form(a, "training") != NULL)
        b->outcome =
            formdef_field(app_form(a, "training"), "employment_outcome");
    b->writer = strcmp(db_role(a->db), "clerk") == 0 ||
                strcmp(db_role(a->db), "officer") == 0;
    batch_columns(b);
    listview_init(&b->lv, b->columns, NSHOWN, batch_row, s);
    b->lv.empty_text = _("No trainee in this batch.");
    reload(s);
    return s;
}
