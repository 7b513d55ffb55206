/*
 * homevisit.c
 *   送教上门: the approved, active home-delivery plans with the visits
 *   logged this month and how many are still due (eduaid.home_delivery_due,
 *   most due first), the total due above the list, and the selected
 *   plan's latest visits below it. v logs a visit: date, teacher (the
 *   plan's own first), hours, what was taught -- a plain INSERT into
 *   eduaid.home_visit that the server checks.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "screens/ledger.h"
#include "screens/listbase.h"
#include "screens/review.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define NCOLS 7
#define LOG_LINES 5

enum {
    H_TOWNSHIP_ID,
    H_PLAN,
    H_CHILD,
    H_TEACHER_ID,
    H_TEACHER,
    H_PER_MONTH,
    H_LOGGED,
    H_DUE,
    H_LAST,
    H_TOWNSHIP
};

static const char due_sql[] =
    "SELECT d.township_id, d.plan_id, d.child_name, d.teacher_id,"
    " d.teacher_name, d.visits_per_month, d.visits_logged, d.due, d.last_visit,"
    " t.name FROM eduaid.home_delivery_due() d"
    " JOIN eduaid.township t ON t.id = d.township_id";

static const char log_sql[] =
    "SELECT v.visit_date, coalesce(t.name, ''), v.hours, v.content"
    " FROM eduaid.home_visit v LEFT JOIN eduaid.teacher t"
    " ON t.township_id = v.township_id AND t.id = v.teacher_id"
    " WHERE v.township_id = $1::int AND v.plan_id = $2::bigint"
    " ORDER BY v.visit_date DESC LIMIT 5";

struct homevisit {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    struct dbres *log;
    int log_for; /* the row whose visits log holds, or -1 */
    long long total_due;
    bool writer;
};

/* The plans, and the visits still due in all of them. */
static bool
fetch_rows(struct screen *s)
{
    struct homevisit *h = s->data;
    struct db_error err;
    struct dbres *res = db_exec(s->app->db, due_sql, 0, NULL, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    if (!listbase_take(&h->lb, res))
        return false;
    h->total_due = 0;
    for (int i = 0; i < listbase_nrows(&h->lb); i++)
        h->total_due += atoll(cell(h, i, H_DUE));
    h->log_for = -1;
    return true;
}

/* The selected plan's latest visits (fetched when the selection moved). */
static void
load_log(struct screen *s, int sel)
{
    struct homevisit *h = s->data;
    struct db_error err;
    const char *params[2];

    if (sel == h->log_for)
        return;
    dbres_free(h->log);
    h->log = NULL;
    h->log_for = sel;
    if (sel < 0)
        return;
    params[0] = cell(h, sel, H_TOWNSHIP_ID);
    params[1] = cell(h, sel, H_PLAN);
    if ((h->log = db_exec(s->app->db, log_sql, 2, params, &err)) == NULL)
        app_error(s->app, &err);
}

static const int homevisit_shows[NCOLS] = {
    H_TOWNSHIP, H_CHILD, H_TEACHER, H_PER_MONTH, H_LOGGED, H_DUE, H_LAST};

static void
draw_log(struct homevisit *h, int sel)
{
    int y = -LOG_LINES - 1;
    char line[1024];

    if (sel < 0)
        return;
    snprintf(line, sizeof(line), _("Latest visits to %s:"),
             cell(h, sel, H_CHILD));
    listbase_line(&h->lb, y++, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    for (int i = 0; i < LOG_LINES; i++, y++) {
        if (h->log != NULL && i < h->log->nrows)
            /* TRANSLATORS: date, teacher, hours, content */
            snprintf(line, sizeof(line), _("%s  %s  %sh  %s"),
                     listbase_text(h->log, i, 0), listbase_text(h->log, i, 1),
                     listbase_text(h->log, i, 2), listbase_text(h->log, i, 3));
        else if (i == 0)
            snprintf(line, sizeof(line), "%s", _("No visit logged yet."));
        else
            line[0] = '\0';
        listbase_line(&h->lb, y, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
    }
}

static void
homevisit_draw(struct screen *s)
{
    struct homevisit *h = s->data;
    int sel = listbase_selected(&h->lb);
    char line[512];

    snprintf(line, sizeof(line),
             _("%d plans · visits still due this month: %lld"),
             listbase_nrows(&h->lb), h->total_due);
    listbase_line(&h->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&h->lb.lv);
    load_log(s, sel);
    draw_log(h, sel);
}

/* The teachers of the plan's township, the plan's own first. */
static const char teacher_sql[] =
    "SELECT t.id::text, t.name, s.name FROM eduaid.teacher t"
    " JOIN eduaid.school s ON s.id = t.school_id"
    " WHERE t.township_id = $2::int AND t.active"
    " AND t.name LIKE '%' || $1 || '%'"
    " ORDER BY t.id = $3::bigint DESC, t.name LIMIT 50";

static char *
pick_teacher(struct app *a, const char *township, const char *teacher)
{
    const char *extra[2] = {township, teacher[0] ? teacher : "0"};

    return ledger_pick(a, _("Teacher who visited"), teacher_sql, 2, extra);
}

static bool
log_visit(struct screen *s, int sel)
{
    struct homevisit *h = s->data;
    struct app *a = s->app;
    char title[256], today[16];
    char *date = NULL, *teacher = NULL, *hours = NULL, *content = NULL;
    struct db_error err;
    bool ok = false;

    snprintf(title, sizeof(title), _("Log a home visit: %s"),
             cell(h, sel, H_CHILD));
    if ((date =
             dialog_prompt(a, PROMPT_TEXT, title, _("Visit date (YYYY-MM-DD)"),
                           ledger_today(today, sizeof(today)))) == NULL ||
        (teacher = pick_teacher(a, cell(h, sel, H_TOWNSHIP_ID),
                                cell(h, sel, H_TEACHER_ID))) == NULL ||
        (hours = dialog_prompt(a, PROMPT_TEXT, title, _("Hours"), "2")) ==
            NULL ||
        (content = dialog_prompt(a, PROMPT_TEXT, title, _("What was taught"),
                                 NULL)) == NULL)
        goto cleanup;
    {
        const char *params[6] = {cell(h, sel, H_TOWNSHIP_ID),
                                 cell(h, sel, H_PLAN),
                                 date,
                                 teacher,
                                 hours,
                                 content};

        if (db_command(a->db,
                       "INSERT INTO eduaid.home_visit (township_id, plan_id,"
                       " visit_date, teacher_id, hours, content) VALUES"
                       " ($1::int, $2::bigint, $3::date, $4::bigint,"
                       " $5::numeric, $6)",
                       6, params, &err) != 0)
            ledger_refusal(a, &err);
        else
            ok = true;
    }
    if (ok)
        app_status(a, "%s", _("Home visit logged."));
cleanup:
    free(date);
    free(teacher);
    free(hours);
    free(content);
    return ok;
}

static enum key_result
homevisit_key(struct screen *s, const struct key *k)
{
    struct homevisit *h = s->data;
    int sel = listbase_selected(&h->lb);

    switch (k->action) {
    case ACT_VISIT:
        if (sel < 0)
            return KR_HANDLED;
        if (log_visit(s, sel))
            reload(s);
        return KR_REDRAW;
    default:
        return listbase_key(&h->lb, k);
    }
}

static const enum action writer_actions[] = {ACT_VISIT, ACT_REFRESH, ACT_HELP,
                                             ACT_BACK, ACT_NONE};
static const enum action reader_actions[] = {ACT_REFRESH, ACT_HELP, ACT_BACK,
                                             ACT_NONE};

static const enum action *
homevisit_actions(struct screen *s)
{
    struct homevisit *h = s->data;

    return h->writer ? writer_actions : reader_actions;
}

static const char *
homevisit_title(struct screen *s)
{
    (void)s;
    return _("Home-delivery visits");
}

static void
homevisit_close(struct screen *s)
{
    struct homevisit *h = s->data;

    dbres_free(h->log);
    listbase_close(s);
}

static const struct screen_ops homevisit_ops = {
    .name = "homevisit",
    .layout = listbase_layout,
    .draw = homevisit_draw,
    .key = homevisit_key,
    .actions = homevisit_actions,
    .title = homevisit_title,
    .close = homevisit_close,
};

static const struct listbase_ops homevisit_list = {.fetch = fetch_rows,
                                                   .shows = homevisit_shows};

struct screen *
homevisit_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &homevisit_ops, sizeof(struct homevisit));
    struct homevisit *h;

    if (s == NULL)
        return NULL;
    h = s->data;
    h->writer = review_has_returned(db_role(a->db));
    h->log_for = -1;
    h->columns[0] = (struct lv_column){_("Township"), 8, false};
    h->columns[1] = (struct lv_column){_("Child"), 0, false};
    h->columns[2] = (struct lv_column){_("Teacher"), 8, false};
    h->columns[3] = (struct lv_column){_("Per month"), 9, true};
    h->columns[4] = (struct lv_column){_("Logged"), 6, true};
    h->columns[5] = (struct lv_column){_("Due"), 4, true};
    h->columns[6] = (struct lv_column){_("Last visit"), 10, false};
    listbase_init(&h->lb, s, &homevisit_list, h->columns, NCOLS);
    h->lb.below = LOG_LINES + 1;
    h->lb.lv.empty_text = _("No approved home-delivery plan.");
    reload(s);
    return s;
}
