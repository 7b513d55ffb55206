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
#include "db/homevisit.h"
#include "screens/ledger.h"
#include "screens/listbase.h"
#include "screens/review.h"
#include "screens/session.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define NCOLS 7
#define LOG_LINES 5

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
    struct dbres *res = home_delivery_due(s->app->db, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    if (!listbase_take(&h->lb, res))
        return false;
    h->total_due = 0;
    for (int i = 0; i < listbase_nrows(&h->lb); i++)
        h->total_due += atoll(cell(h, i, "due"));
    h->log_for = -1;
    return true;
}

/* The selected plan's latest visits (fetched when the selection moved). */
static void
load_log(struct screen *s, int sel)
{
    struct homevisit *h = s->data;
    struct db_error err;

    if (sel == h->log_for)
        return;
    dbres_free(h->log);
    h->log = NULL;
    h->log_for = sel;
    if (sel < 0)
        return;
    if ((h->log = home_delivery_visits(s->app->db, cell(h, sel, "township_id"),
                                       cell(h, sel, "plan_id"), &err)) == NULL)
        app_error(s->app, &err);
}

static const char *const homevisit_shows[NCOLS] = {
    "township",      "child_name", "teacher_name", "visits_per_month",
    "visits_logged", "due",        "last_visit"};

static void
draw_log(struct homevisit *h, int sel)
{
    int y = -LOG_LINES - 1;
    char line[1024];

    if (sel < 0)
        return;
    snprintf(line, sizeof(line), _("Latest visits to %s:"),
             cell(h, sel, "child_name"));
    listbase_line(&h->lb, y++, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    for (int i = 0; i < LOG_LINES; i++, y++) {
        if (h->log != NULL && i < h->log->nrows)
            /* TRANSLATORS: date, teacher, hours, content */
            snprintf(line, sizeof(line), _("%s  %s  %sh  %s"),
                     listbase_text(h->log, i, "visit_date"),
                     listbase_text(h->log, i, "teacher"),
                     listbase_text(h->log, i, "hours"),
                     listbase_text(h->log, i, "content"));
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

/* The teachers of the plan's township (extra[0]), the plan's own
 * (extra[1]) first: a ledger_search_fn. */
static struct dbres *
teacher_search(struct db *db, const char *filter, void *arg,
               struct db_error *err)
{
    const char *const *extra = arg;

    return home_delivery_teachers(db, filter, extra[0], extra[1], err);
}

static char *
pick_teacher(struct app *a, const char *township, const char *teacher)
{
    const char *extra[2] = {township, teacher[0] ? teacher : "0"};

    return ledger_pick(a, _("Teacher who visited"), teacher_search, extra);
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
             cell(h, sel, "child_name"));
    if ((date =
             dialog_prompt(a, PROMPT_TEXT, title, _("Visit date (YYYY-MM-DD)"),
                           ledger_today(today, sizeof(today)))) == NULL ||
        (teacher = pick_teacher(a, cell(h, sel, "township_id"),
                                cell(h, sel, "teacher_id"))) == NULL ||
        (hours = dialog_prompt(a, PROMPT_TEXT, title, _("Hours"), "2")) ==
            NULL ||
        (content = dialog_prompt(a, PROMPT_TEXT, title, _("What was taught"),
                                 NULL)) == NULL)
        goto cleanup;
    {
        if (home_delivery_log(a->db, cell(h, sel, "township_id"),
                              cell(h, sel, "plan_id"), date, teacher, hours,
                              content, &err) != 0)
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
    .available = listbase_available,
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
