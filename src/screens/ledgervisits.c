/*
 * ledgervisits.c
 *   One child's persuasion-to-return visits (劝返), newest first, across
 *   all of the child's dropout cases (eduaid.dropout_visits): date, who
 *   visited, outcome, notes and who recorded it. v records a visit, C
 *   confirms the dropout, B closes the case as back in school.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/ledger.h"
#include "screens/ledger.h"
#include "screens/review.h"
#include "ui/draw.h"
#include "ui/listview.h"

#define NCOLS 5

struct visits {
    struct listview lv;
    struct lv_column columns[NCOLS];
    const char *cells[NCOLS];
    struct dbres *rows;
    char *student, *name;
    bool writer;
    int top, height, cols;
};

static const char *
cell(const struct visits *v, int i, const char *c)
{
    const char *x = dbres_field(v->rows, i, c);

    return x != NULL ? x : "";
}

static const char *
outcome_word(const char *o)
{
    if (strcmp(o, "will_return") == 0)
        return _("promised to return");
    if (strcmp(o, "returned") == 0)
        return _("back in school");
    if (strcmp(o, "refused") == 0)
        return _("refused");
    if (strcmp(o, "not_met") == 0)
        return _("not met");
    if (strcmp(o, "other") == 0)
        return _("other");
    return o;
}

static void
reload(struct screen *s)
{
    struct visits *v = s->data;
    struct db_error err;
    struct dbres *res = dropout_visits(s->app->db, v->student, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return;
    }
    dbres_free(v->rows);
    v->rows = res;
    listview_reset(&v->lv);
    listview_set_rows(&v->lv, res->nrows, false);
}

static bool
visits_row(void *arg, int index, struct lv_row *row)
{
    struct visits *v = ((struct screen *)arg)->data;

    if (v->rows == NULL || index >= v->rows->nrows)
        return false;
    v->cells[0] = cell(v, index, "visit_date");
    v->cells[1] = cell(v, index, "visitor");
    v->cells[2] = outcome_word(cell(v, index, "outcome"));
    v->cells[3] = cell(v, index, "notes");
    v->cells[4] = cell(v, index, "recorded_by_name");
    row->cells = v->cells;
    return true;
}

static void
visits_layout(struct screen *s, int top, int rows, int cols)
{
    struct visits *v = s->data;

    v->top = top;
    v->height = rows;
    v->cols = cols;
    listview_layout(&v->lv, top + 1, 0, rows - 2, cols);
}

static void
visits_draw(struct screen *s)
{
    struct visits *v = s->data;
    int sel = listview_selected(&v->lv);
    char line[512];

    snprintf(line, sizeof(line), _("Visits to: %s"), v->name);
    draw_str(stdscr, v->top, 0, v->cols, line, UA_HEADER,
             DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&v->lv);
    if (sel >= 0) {
        snprintf(line, sizeof(line), _("Notes: %s"), cell(v, sel, "notes"));
        draw_str(stdscr, v->top + v->height - 1, 0, v->cols, line, UA_LABEL,
                 DRAW_PAD | DRAW_MARK_CUT);
    }
}

static enum key_result
visits_key(struct screen *s, const struct key *k)
{
    struct visits *v = s->data;
    bool done;

    switch (k->action) {
    case ACT_VISIT:
    case ACT_CONFIRM:
    case ACT_RETURN_SCHOOL:
        if (k->action == ACT_VISIT)
            done = ledger_record_visit(s->app, v->student, v->name);
        else if (k->action == ACT_CONFIRM)
            done = ledger_confirm(s->app, v->student, v->name);
        else
            done = ledger_back_in_school(s->app, v->student, v->name);
        if (done)
            reload(s);
        return KR_REDRAW;
    case ACT_REFRESH:
        reload(s);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&v->lv, k);
    }
}

static const enum action writer_actions[] = {
    ACT_VISIT, ACT_CONFIRM, ACT_RETURN_SCHOOL, ACT_REFRESH,
    ACT_HELP,  ACT_BACK,    ACT_NONE};
static const enum action reader_actions[] = {ACT_REFRESH, ACT_HELP, ACT_BACK,
                                             ACT_NONE};

static const enum action *
visits_actions(struct screen *s)
{
    struct visits *v = s->data;

    return v->writer ? writer_actions : reader_actions;
}

static const char *
visits_title(struct screen *s)
{
    (void)s;
    return _("Persuasion visits");
}

static void
visits_close(struct screen *s)
{
    struct visits *v = s->data;

    dbres_free(v->rows);
    listview_free(&v->lv);
    free(v->student);
    free(v->name);
    free(v);
    free(s);
}

static const struct screen_ops visits_ops = {
    .name = "ledger-visits",
    .layout = visits_layout,
    .draw = visits_draw,
    .key = visits_key,
    .actions = visits_actions,
    .title = visits_title,
    .close = visits_close,
};

struct screen *
ledger_visits_screen_new(struct app *a, const char *student, const char *name)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct visits *v = calloc(1, sizeof(*v));

    if (s == NULL || v == NULL || (v->student = strdup(student)) == NULL ||
        (v->name = strdup(name)) == NULL) {
        if (v != NULL) {
            free(v->student);
            free(v);
        }
        free(s);
        return NULL;
    }
    *s = (struct screen){.ops = &visits_ops, .app = a, .data = v};
    v->writer = review_has_returned(db_role(a->db));
    v->columns[0] = (struct lv_column){_("Date"), 10, false};
    v->columns[1] = (struct lv_column){_("Who visited"), 14, false};
    v->columns[2] = (struct lv_column){_("Outcome"), 18, false};
    v->columns[3] = (struct lv_column){_("Notes"), 0, false};
    v->columns[4] = (struct lv_column){_("Recorded by"), 12, false};
    listview_init(&v->lv, v->columns, NCOLS, visits_row, s);
    v->lv.empty_text = _("No visit recorded yet.");
    reload(s);
    return s;
}
