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
#include "screens/review.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/listview.h"

#define NCOLS 7
#define LOG_LINES 5

struct homevisit {
    struct listview lv;
    struct lv_column columns[NCOLS];
    const char *cells[NCOLS];
    struct dbres *rows, *log;
    int log_for; /* the row whose visits log holds, or -1 */
    long long total_due;
    bool writer;
    int top, height, cols;
};

static const char *
cell(const struct dbres *r, int i, const char *c)
{
    const char *v = dbres_field(r, i, c);

    return v != NULL ? v : "";
}

static void
reload(struct screen *s)
{
    struct homevisit *h = s->data;
    struct db_error err;
    struct dbres *res = home_delivery_due(s->app->db, &err);
    int sel = listview_selected(&h->lv);

    if (res == NULL) {
        app_error(s->app, &err);
        return;
    }
    dbres_free(h->rows);
    h->rows = res;
    h->total_due = 0;
    for (int i = 0; i < res->nrows; i++)
        h->total_due += atoll(cell(res, i, "due"));
    h->log_for = -1;
    listview_reset(&h->lv);
    listview_set_rows(&h->lv, res->nrows, false);
    if (sel > 0)
        listview_select(&h->lv, sel);
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
    if ((h->log =
             home_delivery_visits(s->app->db, cell(h->rows, sel, "township_id"),
                                  cell(h->rows, sel, "plan_id"), &err)) == NULL)
        app_error(s->app, &err);
}

static bool
homevisit_row(void *arg, int index, struct lv_row *row)
{
    struct homevisit *h = ((struct screen *)arg)->data;

    if (h->rows == NULL || index >= h->rows->nrows)
        return false;
    h->cells[0] = cell(h->rows, index, "township");
    h->cells[1] = cell(h->rows, index, "child_name");
    h->cells[2] = cell(h->rows, index, "teacher_name");
    h->cells[3] = cell(h->rows, index, "visits_per_month");
    h->cells[4] = cell(h->rows, index, "visits_logged");
    h->cells[5] = cell(h->rows, index, "due");
    h->cells[6] = cell(h->rows, index, "last_visit");
    row->cells = h->cells;
    return true;
}

static void
homevisit_layout(struct screen *s, int top, int rows, int cols)
{
    struct homevisit *h = s->data;

    h->top = top;
    h->height = rows;
    h->cols = cols;
    listview_layout(&h->lv, top + 1, 0, rows - LOG_LINES - 2, cols);
}

static void
draw_log(struct homevisit *h, int sel)
{
    int y = h->top + h->height - LOG_LINES - 1;
    char line[1024];

    if (sel < 0)
        return;
    snprintf(line, sizeof(line), _("Latest visits to %s:"),
             cell(h->rows, sel, "child_name"));
    draw_str(stdscr, y++, 0, h->cols, line, UA_HEADER,
             DRAW_PAD | DRAW_MARK_CUT);
    for (int i = 0; i < LOG_LINES; i++, y++) {
        if (h->log != NULL && i < h->log->nrows)
            /* TRANSLATORS: date, teacher, hours, content */
            snprintf(line, sizeof(line), _("%s  %s  %sh  %s"),
                     cell(h->log, i, "visit_date"), cell(h->log, i, "teacher"),
                     cell(h->log, i, "hours"), cell(h->log, i, "content"));
        else if (i == 0)
            snprintf(line, sizeof(line), "%s", _("No visit logged yet."));
        else
            line[0] = '\0';
        draw_str(stdscr, y, 0, h->cols, line, UA_NORMAL,
                 DRAW_PAD | DRAW_MARK_CUT);
    }
}

static void
homevisit_draw(struct screen *s)
{
    struct homevisit *h = s->data;
    int sel = listview_selected(&h->lv);
    char line[512];

    snprintf(line, sizeof(line),
             _("%d plans · visits still due this month: %lld"),
             h->rows != NULL ? h->rows->nrows : 0, h->total_due);
    draw_str(stdscr, h->top, 0, h->cols, line, UA_HEADER,
             DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&h->lv);
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
             cell(h->rows, sel, "child_name"));
    if ((date =
             dialog_prompt(a, PROMPT_TEXT, title, _("Visit date (YYYY-MM-DD)"),
                           ledger_today(today, sizeof(today)))) == NULL ||
        (teacher = pick_teacher(a, cell(h->rows, sel, "township_id"),
                                cell(h->rows, sel, "teacher_id"))) == NULL ||
        (hours = dialog_prompt(a, PROMPT_TEXT, title, _("Hours"), "2")) ==
            NULL ||
        (content = dialog_prompt(a, PROMPT_TEXT, title, _("What was taught"),
                                 NULL)) == NULL)
        goto cleanup;
    {
        if (home_delivery_log(a->db, cell(h->rows, sel, "township_id"),
                              cell(h->rows, sel, "plan_id"), date, teacher,
                              hours, content, &err) != 0)
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
    int sel = listview_selected(&h->lv);

    switch (k->action) {
    case ACT_VISIT:
        if (sel < 0)
            return KR_HANDLED;
        if (log_visit(s, sel))
            reload(s);
        return KR_REDRAW;
    case ACT_REFRESH:
        reload(s);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&h->lv, k);
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

    dbres_free(h->rows);
    dbres_free(h->log);
    listview_free(&h->lv);
    free(h);
    free(s);
}

static const struct screen_ops homevisit_ops = {
    .name = "homevisit",
    .layout = homevisit_layout,
    .draw = homevisit_draw,
    .key = homevisit_key,
    .actions = homevisit_actions,
    .title = homevisit_title,
    .close = homevisit_close,
};

struct screen *
homevisit_screen_new(struct app *a)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct homevisit *h = calloc(1, sizeof(*h));

    if (s == NULL || h == NULL) {
        free(s);
        free(h);
        return NULL;
    }
    *s = (struct screen){.ops = &homevisit_ops, .app = a, .data = h};
    h->writer = review_has_returned(db_role(a->db));
    h->log_for = -1;
    h->columns[0] = (struct lv_column){_("Township"), 8, false};
    h->columns[1] = (struct lv_column){_("Child"), 0, false};
    h->columns[2] = (struct lv_column){_("Teacher"), 8, false};
    h->columns[3] = (struct lv_column){_("Per month"), 9, true};
    h->columns[4] = (struct lv_column){_("Logged"), 6, true};
    h->columns[5] = (struct lv_column){_("Due"), 4, true};
    h->columns[6] = (struct lv_column){_("Last visit"), 10, false};
    listview_init(&h->lv, h->columns, NCOLS, homevisit_row, s);
    h->lv.empty_text = _("No approved home-delivery plan.");
    reload(s);
    return s;
}
