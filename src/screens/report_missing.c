/*
 * report_missing.c
 *   应享尽享 follow-up: the students entitled to a subsidy who were not
 *   granted it in a school year (eduaid.report_subsidy_missing), of one
 *   township or of all the person may see, one line per program missing.
 *   ID numbers are masked for everyone. Opened by Enter on the subsidy
 *   report (report.c). The list arrives in keyset pages of PAGE_ROWS
 *   lines (listbase.h), the next one when the cursor nears the end of those
 *   loaded; the heading's count is the Missing figure of the subsidy
 *   report (its tally), which is what the whole list holds. Enter (for
 *   clerks and officers) opens 应享未享资助 (aid_missing.c) for the same
 *   year and township, where the aid is granted.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/report.h"
#include "screens/listbase.h"
#include "screens/screens.h"
#include "screens/session.h"
#include "ui/draw.h"

#define NCOLS 7
#define PAGE_ROWS 200

struct missing {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    const struct fielddef *stage; /* the members' stage and its labels */
    int year, township;
    char total[24]; /* lines of the whole list, as text; "" if unknown */
    struct lv_column columns[NCOLS];
};

/* Clerks and officers grant aid (eduaid.grant_standard). */
static bool
may_grant(const struct screen *s)
{
    const char *role = db_role(s->app->db);

    return strcmp(role, "clerk") == 0 || strcmp(role, "officer") == 0;
}

static const char *const missing_shows[NCOLS] = {
    "township", "household_no", "name",  "id_number_masked",
    NULL,       NULL,           "school"};

/* The program and the stage in words. */
static bool
missing_row(struct screen *s, int i, const char **cells, struct lv_row *row)
{
    struct missing *m = s->data;

    (void)row;
    cells[4] = report_item_label(report_find("subsidy"), cell(m, i, "program"));
    cells[5] =
        m->stage != NULL
            ? fielddef_choice_label(m->stage, cell(m, i, "stage"), s->app->zh)
            : cell(m, i, "stage");
    return true;
}

/* Fetch the page after the last line loaded; false after reporting a
 * failure. */
static bool
fetch_page(struct screen *s)
{
    struct missing *m = s->data;
    struct db_error err;
    int lastrow = 0;
    const struct dbres *last = listbase_last(&m->lb, &lastrow);
    struct dbres *r = report_missing_page(s->app->db, m->year, m->township,
                                          last, lastrow, PAGE_ROWS, &err);

    if (r == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&m->lb, r);
}

/* The Missing figure of the subsidy report's total row (the township's
 * when there is one), into m->total; "" when it cannot be had. */
static void
fetch_total(struct screen *s)
{
    struct missing *m = s->data;
    const struct report_def *d = report_find("subsidy");
    struct db_error err;
    struct dbres *r = NULL;
    bool has_missing = false;

    m->total[0] = '\0';
    for (int i = 0; d != NULL && i < d->ncols; i++)
        if (strcmp(d->cols[i].name, "missing") == 0)
            has_missing = true;
    if (!has_missing)
        return;
    if ((r = report_fetch(s->app->db, d, m->year, m->township, &err)) == NULL) {
        app_error(s->app, &err);
        return;
    }
    for (int i = 0; i < r->nrows; i++) {
        const char *v = dbres_field(r, i, "missing");

        if (dbres_field(r, i, "township_id") == NULL &&
            dbres_field(r, i, "item") == NULL && v != NULL)
            snprintf(m->total, sizeof m->total, "%s", v);
    }
    dbres_free(r);
}

/* The total with the first page, then the next page. */
static bool
fetch_rows(struct screen *s)
{
    struct missing *m = s->data;

    if (listbase_nrows(&m->lb) == 0)
        fetch_total(s);
    return fetch_page(s);
}

static void
missing_draw(struct screen *s)
{
    struct missing *m = s->data;
    char line[256];

    snprintf(line, sizeof line,
             _("Entitled but not granted, school year %d-%02d: %s"), m->year,
             (m->year + 1) % 100, m->total[0] ? m->total : "?");
    listbase_line(&m->lb, 0, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&m->lb.lv);
}

static enum key_result
missing_key(struct screen *s, const struct key *k)
{
    struct missing *m = s->data;
    struct screen *next;

    if (k->action == ACT_OPEN && may_grant(s)) { /* issue 11 */
        if ((next = aid_missing_screen_new(s->app, m->year, m->township,
                                           NULL)) != NULL)
            app_push(s->app, next);
        return KR_REDRAW;
    }
    return listbase_key(&m->lb, k);
}

static const enum action missing_actions_list[] = {ACT_REFRESH, ACT_HELP,
                                                   ACT_BACK, ACT_NONE};
static const enum action missing_grant_actions[] = {
    ACT_OPEN, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};

static const enum action *
missing_actions(struct screen *s)
{
    return may_grant(s) ? missing_grant_actions : missing_actions_list;
}

static const char *
missing_title(struct screen *s)
{
    (void)s;
    return _("Students not granted");
}

static const struct screen_ops missing_ops = {
    .name = "report-missing",
    .layout = listbase_layout,
    .draw = missing_draw,
    .key = missing_key,
    .actions = missing_actions,
    .available = listbase_available,
    .title = missing_title,
    .close = listbase_close,
};

static const struct listbase_ops missing_list = {
    .fetch = fetch_rows, .row = missing_row, .shows = missing_shows};


struct screen *
report_missing_screen_new(struct app *a, int year, int township)
{
    struct screen *s =
        listbase_screen_new(a, &missing_ops, sizeof(struct missing));
    struct missing *m;

    if (s == NULL)
        return NULL;
    m = s->data;
    m->year = year;
    m->township = township;
    m->stage = year_stage_field(a);
    /* 80 columns leave the school about 10 cells */
    m->columns[0] = (struct lv_column){_("Township"), 8, false};
    m->columns[1] = (struct lv_column){_("Household no."), 12, false};
    m->columns[2] = (struct lv_column){_("Name"), 8, false};
    m->columns[3] = (struct lv_column){_("ID number"), 18, false};
    m->columns[4] = (struct lv_column){_("Program"), 10, false};
    m->columns[5] = (struct lv_column){_("Stage"), 8, false};
    m->columns[6] = (struct lv_column){_("School"), 0, false};
    listbase_init(&m->lb, s, &missing_list, m->columns, NCOLS);
    listbase_paged(&m->lb, PAGE_ROWS);
    m->lb.reload = LB_FROM_TOP;
    m->lb.lv.empty_text = _("Every entitled student was granted.");
    reload(s);
    return s;
}
