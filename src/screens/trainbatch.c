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
#include "screens/ledger.h"
#include "screens/listbase.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"

/* Columns of batch_sql; the first two are not shown. */
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

static const char batch_sql[] =
    "SELECT e.township_id, e.id, e.trainee_name, t.name, e.status,"
    " count(a.id) FILTER (WHERE a.present), coalesce(sum(a.hours), 0),"
    " max(a.session_date) FILTER (WHERE a.present),"
    " CASE WHEN e.completed THEN 'yes' ELSE '' END, e.employment_outcome"
    " FROM eduaid.training_enrollment e"
    " JOIN eduaid.township t ON t.id = e.township_id"
    " LEFT JOIN eduaid.training_attendance a"
    "   ON a.township_id = e.township_id AND a.enrollment_id = e.id"
    " WHERE e.course_id = $1::int AND e.batch = $2"
    " GROUP BY e.township_id, e.id, t.name"
    " ORDER BY e.trainee_name, e.township_id, e.id";

static const char attend_one_sql[] =
    "INSERT INTO eduaid.training_attendance"
    " (township_id, enrollment_id, session_date, hours, present)"
    " VALUES ($1::int, $2::bigint, $3::date, $4::numeric, $4::numeric > 0)";

/* The whole class: every enrollment of the batch the person may write
 * (RLS), but for those already recorded that day. */
static const char attend_all_sql[] =
    "INSERT INTO eduaid.training_attendance"
    " (township_id, enrollment_id, session_date, hours, present)"
    " SELECT e.township_id, e.id, $3::date, $4::numeric, true"
    " FROM eduaid.training_enrollment e"
    " WHERE e.course_id = $1::int AND e.batch = $2"
    " AND e.township_id = ANY ((SELECT eduaid.my_townships())::int[])"
    " ON CONFLICT (township_id, enrollment_id, session_date) DO NOTHING";

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
    const char *params[2] = {b->course_id, b->batch};
    struct db_error err;
    struct dbres *res = db_exec(s->app->db, batch_sql, 2, params, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&b->lb, res);
}

static const int batch_shows[NSHOWN] = {B_NAME,      B_TOWNSHIP, B_STATUS,
                                        B_SESSIONS,  B_HOURS,    B_LAST,
                                        B_COMPLETED, B_OUTCOME};

/* The status, completion and outcome in words. */
static bool
batch_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct trainbatch *b = s->data;

    (void)row;
    cells[B_STATUS - B_NAME] = status_marker(cell(b, index, B_STATUS));
    if (strcmp(cell(b, index, B_COMPLETED), "yes") == 0)
        cells[B_COMPLETED - B_NAME] = _("yes");
    if (b->outcome != NULL)
        cells[B_OUTCOME - B_NAME] = fielddef_choice_label(
            b->outcome, cell(b, index, B_OUTCOME), s->app->zh);
    return true;
}

static void
batch_draw(struct screen *s)
{
    struct trainbatch *b = s->data;

    listbase_line(&b->lb, 0, b->title, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&b->lb.lv);
}

/* Ask for a day and hours and run sql with (course, batch) or (township,
 * enrollment) first; true when the server took it. */
static bool
record(struct screen *s, const char *title, const char *sql, const char *first,
       const char *second, bool whole_class)
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
        const char *params[4] = {first, second, date, hours};
        struct dbres *res = db_exec(a->db, sql, 4, params, &err);

        if (res == NULL)
            ledger_refusal(a, &err);
        else if (whole_class) {
            app_status(a, _("Attendance recorded for %lld trainees."),
                       res->affected);
            ok = true;
        } else {
            app_status(a, "%s", _("Attendance recorded."));
            ok = true;
        }
        dbres_free(res);
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
    return record(s, title, attend_one_sql, cell(b, sel, B_TOWNSHIP_ID),
                  cell(b, sel, B_ID), false);
}

static bool
attend_all(struct screen *s)
{
    struct trainbatch *b = s->data;
    char title[320];

    snprintf(title, sizeof(title), _("Whole class attended: %s"), b->title);
    return record(s, title, attend_all_sql, b->course_id, b->batch, true);
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
