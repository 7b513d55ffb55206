/*
 * report_missing.c
 *   应享尽享 follow-up: the students entitled to a subsidy who were not
 *   granted it in a school year (eduaid.report_subsidy_missing), of one
 *   township or of all the person may see, one line per program missing.
 *   ID numbers are masked for everyone. Opened by Enter on the subsidy
 *   report (report.c).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "db/report.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/listview.h"

#define NCOLS 7

/* Columns of the result: township_id, township, then report_missing_cols. */
enum {
    M_TOWNSHIP = 1,
    M_HOUSEHOLD,
    M_STUDENT,
    M_NAME,
    M_IDNO,
    M_STAGE,
    M_SCHOOL,
    M_PROGRAM
};

struct missing {
    int year, township;
    struct dbres *rows;
    struct listview lv;
    struct lv_column columns[NCOLS];
    const char *cells[NCOLS];
    int top, nrows, cols;
};

static const char *
cell(const struct missing *m, int i, int c)
{
    const char *v = dbres_get(m->rows, i, c);

    return v != NULL ? v : "";
}

static bool
missing_row(void *arg, int index, struct lv_row *row)
{
    struct missing *m = arg;

    if (m->rows == NULL || index >= m->rows->nrows)
        return false;
    m->cells[0] = cell(m, index, M_TOWNSHIP);
    m->cells[1] = cell(m, index, M_HOUSEHOLD);
    m->cells[2] = cell(m, index, M_NAME);
    m->cells[3] = cell(m, index, M_IDNO);
    m->cells[4] = report_item_label(report_find("subsidy"),
                                    dbres_get(m->rows, index, M_PROGRAM));
    m->cells[5] = cell(m, index, M_STAGE);
    m->cells[6] = cell(m, index, M_SCHOOL);
    row->cells = m->cells;
    return true;
}

static void
reload(struct screen *s)
{
    struct missing *m = s->data;
    struct db_error err;
    struct dbres *res =
        report_missing_fetch(s->app->db, m->year, m->township, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return;
    }
    dbres_free(m->rows);
    m->rows = res;
    listview_reset(&m->lv);
    listview_set_rows(&m->lv, res->nrows, false);
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
             _("Entitled but not granted, school year %d-%02d: %d"), m->year,
             (m->year + 1) % 100, m->rows ? m->rows->nrows : 0);
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

    dbres_free(m->rows);
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
    m->columns[0] = (struct lv_column){_("Township"), 10, false};
    m->columns[1] = (struct lv_column){_("Household no."), 12, false};
    m->columns[2] = (struct lv_column){_("Name"), 8, false};
    m->columns[3] = (struct lv_column){_("ID number"), 18, false};
    m->columns[4] = (struct lv_column){_("Program"), 14, false};
    m->columns[5] = (struct lv_column){_("Stage"), 8, false};
    m->columns[6] = (struct lv_column){_("School"), 0, false};
    listview_init(&m->lv, m->columns, NCOLS, missing_row, m);
    m->lv.empty_text = _("Every entitled student was granted.");
    reload(s);
    return s;
}
