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
#include "screens/listbase.h"
#include "screens/session.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"

/* The columns shown (of training_batch's: township_id and id are not). */
#define NSHOWN 8

struct trainbatch {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NSHOWN];
    const struct fielddef *outcome; /* its choice labels, or NULL */
    char course_id[16], batch[32], title[256];
    bool writer; /* clerk or officer: may record attendance */
};

static bool
fetch_rows(struct screen *s)
{
    struct trainbatch *b = s->data;
    struct db_error err;
    struct dbres *res =
        training_batch(s->app->db, b->course_id, b->batch, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&b->lb, res);
}

static const char *const batch_shows[NSHOWN] = {
    "trainee_name", "township",     "status",    "sessions",
    "hours",        "last_session", "completed", "employment_outcome"};

/* The status, completion and outcome in words. */
static bool
batch_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct trainbatch *b = s->data;

    (void)row;
    cells[2] = status_marker(cell(b, index, "status"));
    if (strcmp(cell(b, index, "completed"), "yes") == 0)
        cells[6] = _("yes");
    if (b->outcome != NULL)
        cells[7] = fielddef_choice_label(
            b->outcome, cell(b, index, "employment_outcome"), s->app->zh);
    return true;
}

static void
batch_draw(struct screen *s)
{
    struct trainbatch *b = s->data;

    listbase_line(&b->lb, 0, b->title, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&b->lb.lv);
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
             cell(b, sel, "trainee_name"));
    return record(s, title, training_attend_one, cell(b, sel, "township_id"),
                  cell(b, sel, "id"), false);
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
    int sel = listbase_selected(&b->lb);

    switch (k->action) {
    case ACT_ATTEND:
        if (b->writer && sel >= 0 && attend_one(s, sel))
            reload(s);
        return KR_REDRAW;
    case ACT_ATTEND_ALL:
        if (b->writer && listbase_nrows(&b->lb) > 0 && attend_all(s))
            reload(s);
        return KR_REDRAW;
    default:
        return listbase_key(&b->lb, k);
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

static const struct screen_ops batch_ops = {
    .name = "trainbatch",
    .layout = listbase_layout,
    .draw = batch_draw,
    .key = batch_key,
    .actions = batch_actions,
    .available = listbase_available,
    .title = batch_title,
    .close = listbase_close,
};

static const struct listbase_ops batch_list = {
    .fetch = fetch_rows, .row = batch_row, .shows = batch_shows};

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
    struct screen *s =
        listbase_screen_new(a, &batch_ops, sizeof(struct trainbatch));
    struct trainbatch *b;

    if (s == NULL)
        return NULL;
    b = s->data;
    snprintf(b->course_id, sizeof(b->course_id), "%s", course_id);
    snprintf(b->batch, sizeof(b->batch), "%s", batch);
    snprintf(b->title, sizeof(b->title), "%s · %s", course, batch);
    if (app_form(a, "training") != NULL)
        b->outcome =
            formdef_field(app_form(a, "training"), "employment_outcome");
    b->writer = strcmp(db_role(a->db), "clerk") == 0 ||
                strcmp(db_role(a->db), "officer") == 0;
    batch_columns(b);
    listbase_init(&b->lb, s, &batch_list, b->columns, NSHOWN);
    b->lb.reload = LB_KEEP_VIEW;
    b->lb.lv.empty_text = _("No trainee in this batch.");
    reload(s);
    return s;
}
