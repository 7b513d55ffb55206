/*
 * report_missing.c
 *   应享尽享 follow-up: the students entitled to a subsidy who were not
 *   granted it in a school year (eduaid.report_subsidy_missing), of one
 *   township or of all the person may see, one line per program missing.
 *   ID numbers are masked for everyone. Opened by Enter on the subsidy
 *   report (report.c). The list arrives in keyset pages of PAGE_ROWS
 *   lines (pages.h), the next one when the cursor nears the end of those
 *   loaded; the heading's count is the Missing figure of the subsidy
 *   report (its tally), which is what the whole list holds.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/report.h"
#include "screens/pages.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/listview.h"

#define NCOLS 7
#define PAGE_ROWS 200

struct missing {
    const struct fielddef *stage; /* the members' stage and its labels */
    int year, township;
    struct pages pages;
    char total[24]; /* lines of the whole list, as text; "" if unknown */
    struct listview lv;
    struct lv_column columns[NCOLS];
    const char *cells[NCOLS];
    int top, nrows, cols;
};

static const char *
cell(const struct dbres *r, int i, const char *c)
{
    const char *v = dbres_field(r, i, c);

    return v != NULL ? v : "";
}

static bool
missing_row(void *arg, int index, struct lv_row *row)
{
    struct screen *s = arg;
    struct missing *m = s->data;
    const struct dbres *r;
    int i;

    if (index >= pages_rows(&m->pages))
        return false;
    r = pages_at(&m->pages, index, &i);
    m->cells[0] = cell(r, i, "township");
    m->cells[1] = cell(r, i, "household_no");
    m->cells[2] = cell(r, i, "name");
    m->cells[3] = cell(r, i, "id_number_masked");
    m->cells[4] =
        report_item_label(report_find("subsidy"), dbres_field(r, i, "program"));
    m->cells[5] =
        m->stage != NULL
            ? fielddef_choice_label(m->stage, cell(r, i, "stage"), s->app->zh)
            : cell(r, i, "stage");
    m->cells[6] = cell(r, i, "school");
    row->cells = m->cells;
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
    const struct dbres *last = pages_last(&m->pages, &lastrow);
    struct dbres *r = report_missing_page(s->app->db, m->year, m->township,
                                          last, lastrow, PAGE_ROWS, &err);

    if (r == NULL) {
        app_error(s->app, &err);
        return false;
    }
    if (!pages_take(&m->pages, &m->lv, r)) {
        app_status(s->app, "%s", _("out of memory"));
        return false;
    }
    return true;
}

static void
missing_more(void *arg, struct listview *lv)
{
    (void)lv;
    fetch_page(arg);
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

static void
reload(struct screen *s)
{
    struct missing *m = s->data;

    pages_restart(&m->pages, &m->lv);
    fetch_total(s);
    fetch_page(s);
}

static void
missing_layout(struct screen *s, int top, int rows, int cols)
{
    struct missing *m = s->data;

    m->top = top;
    m->nrows = rows;
    m->cols = cols;
    listview_layout(&m->lv, top + 1, 0, rows - 1, cols);
}

static void
missing_draw(struct screen *s)
{
    struct missing *m = s->data;
    char line[256];

    snprintf(line, sizeof line,
             _("Entitled but not granted, school year %d-%02d: %s"), m->year,
             (m->year + 1) % 100, m->total[0] ? m->total : "?");
    draw_str(stdscr, m->top, 0, m->cols, line, UA_LABEL,
             DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&m->lv);
}

static enum key_result
missing_key(struct screen *s, const struct key *k)
{
    struct missing *m = s->data;

    switch (k->action) {
    case ACT_REFRESH:
        reload(s);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&m->lv, k);
    }
}

static const enum action missing_actions_list[] = {ACT_REFRESH, ACT_HELP,
                                                   ACT_BACK, ACT_NONE};

static const enum action *
missing_actions(struct screen *s)
{
    (void)s;
    return missing_actions_list;
}

static const char *
missing_title(struct screen *s)
{
    (void)s;
    return _("Students not granted");
}

static void
missing_close(struct screen *s)
{
    struct missing *m = s->data;

    pages_clear(&m->pages);
    listview_free(&m->lv);
    free(m);
    free(s);
}

static const struct screen_ops missing_ops = {
    .name = "report-missing",
    .layout = missing_layout,
    .draw = missing_draw,
    .key = missing_key,
    .actions = missing_actions,
    .title = missing_title,
    .close = missing_close,
};

/* The stage field of the household form's member grid, for its labels. */
static const struct fielddef *
member_stage_field(const struct app *a)
{
    const struct formdef *f = app_form(a, "household");

    for (size_t i = 0; f != NULL && i < f->ngrids; i++)
        if (griddef_field(&f->grids[i], "stage") != NULL)
            return griddef_field(&f->grids[i], "stage");
    return NULL;
}

struct screen *
report_missing_screen_new(struct app *a, int year, int township)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct missing *m = calloc(1, sizeof(*m));

    if (s == NULL || m == NULL) {
        free(s);
        free(m);
        return NULL;
    }
    *s = (struct screen){.ops = &missing_ops, .app = a, .data = m};
    m->year = year;
    m->township = township;
    m->pages.per_page = PAGE_ROWS;
    m->stage = member_stage_field(a);
    /* 80 columns leave the school about 10 cells */
    m->columns[0] = (struct lv_column){_("Township"), 8, false};
    m->columns[1] = (struct lv_column){_("Household no."), 12, false};
    m->columns[2] = (struct lv_column){_("Name"), 8, false};
    m->columns[3] = (struct lv_column){_("ID number"), 18, false};
    m->columns[4] = (struct lv_column){_("Program"), 10, false};
    m->columns[5] = (struct lv_column){_("Stage"), 8, false};
    m->columns[6] = (struct lv_column){_("School"), 0, false};
    listview_init(&m->lv, m->columns, NCOLS, missing_row, s);
    m->lv.more = missing_more;
    m->lv.empty_text = _("Every entitled student was granted.");
    reload(s);
    return s;
}
