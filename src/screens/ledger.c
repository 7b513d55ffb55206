/*
 * ledger.c
 *   控辍保学: the three dropout ledgers of this school year -- school-age
 *   children of registered households, suspected dropouts, confirmed
 *   dropouts -- and the children back in school this year, one at a time
 *   (l switches), with the counts of eduaid.ledger_counts above the list
 *   and the selected child's case below it. Enter shows the child's
 *   visits; v records a visit, C confirms a dropout, B closes the case as
 *   back in school (clerks and officers; the server decides); / finds a
 *   household number or name in the list.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "db/ledger.h"
#include "screens/ledger.h"
#include "screens/review.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/listview.h"

#define MAX_ROWS 1000
#define NCOLS 7

struct ledger {
    struct listview lv;
    struct lv_column columns[NCOLS];
    const char *cells[NCOLS];
    struct dbres *rows;
    enum ledger_kind kind;
    int year;
    bool writer;      /* clerk or officer: the write keys are shown */
    char counts[256]; /* the counts line */
    int top, height, cols;
};

static const char *
cell(const struct ledger *l, int i, const char *c)
{
    const char *v = dbres_field(l->rows, i, c);

    return v != NULL ? v : "";
}

/* A schooling status or case state in the user's language. */
static const char *
word(const char *v)
{
    static const struct {
        const char *value, *text;
    } words[] = {
        {"enrolled", N_("enrolled")},
        {"dropped_out", N_("dropped out")},
        {"suspended", N_("suspended")},
        {"not_enrolled", N_("not enrolled")},
        {"suspected", N_("suspected")},
        {"confirmed", N_("confirmed")},
        {"returned", N_("back in school")},
    };

    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (strcmp(v, words[i].value) == 0)
            return _(words[i].text);
    return v;
}

static void
load_counts(struct screen *s)
{
    struct ledger *l = s->data;
    struct db_error err;
    struct dbres *r;

    if ((r = dropout_counts(s->app->db, l->year, &err)) == NULL) {
        app_error(s->app, &err);
        l->counts[0] = '\0';
        return;
    }
    snprintf(l->counts, sizeof(l->counts),
             _("school age %s · suspected %s · confirmed %s · back in "
               "school %s"),
             dbres_field(r, 0, "school_age"), dbres_field(r, 0, "suspected"),
             dbres_field(r, 0, "confirmed"), dbres_field(r, 0, "returned"));
    dbres_free(r);
}

static void
reload(struct screen *s)
{
    struct ledger *l = s->data;
    struct db_error err;
    struct dbres *res;
    int sel = listview_selected(&l->lv);

    load_counts(s);
    if ((res = dropout_ledger_rows(s->app->db, l->year, ledger_key(l->kind),
                                   MAX_ROWS, &err)) == NULL) {
        app_error(s->app, &err);
        return;
    }
    dbres_free(l->rows);
    l->rows = res;
    listview_reset(&l->lv);
    listview_set_rows(&l->lv, res->nrows, false);
    if (sel > 0)
        listview_select(&l->lv, sel);
}

static bool
ledger_row(void *arg, int index, struct lv_row *row)
{
    struct screen *s = arg;
    struct ledger *l = s->data;

    if (l->rows == NULL || index >= l->rows->nrows)
        return false;
    l->cells[0] = cell(l, index, "township");
    l->cells[1] = cell(l, index, "household_no");
    l->cells[2] = cell(l, index, "name");
    l->cells[3] = cell(l, index, "age");
    l->cells[4] = word(cell(l, index, "schooling_status"));
    l->cells[5] = word(cell(l, index, "state"));
    l->cells[6] = cell(l, index, "last_visit");
    row->cells = l->cells;
    return true;
}

static void
ledger_layout(struct screen *s, int top, int rows, int cols)
{
    struct ledger *l = s->data;

    l->top = top;
    l->height = rows;
    l->cols = cols;
    listview_layout(&l->lv, top + 2, 0, rows - 4, cols);
}

/* The selected child's case, on the two lines under the list. */
static void
draw_case(struct ledger *l, int sel)
{
    char line[1024];

    if (sel < 0)
        return;
    snprintf(line, sizeof(line), "%s %s · %s %s · %s %s", _("ID number"),
             cell(l, sel, "id_number_masked"), _("visits"),
             cell(l, sel, "visits"), _("opened"), cell(l, sel, "opened_on"));
    draw_str(stdscr, l->top + l->height - 2, 0, l->cols, line, UA_LABEL,
             DRAW_PAD | DRAW_MARK_CUT);
    if (cell(l, sel, "returned_on")[0])
        /* TRANSLATORS: the date, then the school */
        snprintf(line, sizeof(line), _("back in school on %s, %s"),
                 cell(l, sel, "returned_on"), cell(l, sel, "returned_school"));
    else if (cell(l, sel, "confirmed_on")[0])
        snprintf(line, sizeof(line), _("dropout confirmed on %s"),
                 cell(l, sel, "confirmed_on"));
    else
        line[0] = '\0';
    draw_str(stdscr, l->top + l->height - 1, 0, l->cols, line, UA_LABEL,
             DRAW_PAD | DRAW_MARK_CUT);
}

static void
ledger_draw(struct screen *s)
{
    struct ledger *l = s->data;
    char line[512];

    snprintf(line, sizeof(line), _("%s, school year %d-%d"),
             ledger_title(l->kind), l->year, l->year + 1);
    draw_str(stdscr, l->top, 0, l->cols, line, UA_HEADER,
             DRAW_PAD | DRAW_MARK_CUT);
    if (l->rows != NULL && l->rows->nrows >= MAX_ROWS)
        snprintf(line, sizeof(line), _("%s (the first %d rows are listed)"),
                 l->counts, MAX_ROWS);
    else
        snprintf(line, sizeof(line), "%s", l->counts);
    draw_str(stdscr, l->top + 1, 0, l->cols, line, UA_LABEL,
             DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&l->lv);
    draw_case(l, listview_selected(&l->lv));
}

/* Select the next row (after the selected one, wrapping) whose household
 * number or name holds text. */
static void
find(struct screen *s, const char *text)
{
    struct ledger *l = s->data;
    int n = l->rows != NULL ? l->rows->nrows : 0;
    int from = listview_selected(&l->lv);

    for (int k = 1; k <= n; k++) {
        int i = (from + k) % n;

        if (strstr(cell(l, i, "household_no"), text) != NULL ||
            strstr(cell(l, i, "name"), text) != NULL) {
            listview_select(&l->lv, i);
            return;
        }
    }
    app_status(s->app, "%s", _("Not found in this ledger."));
}

static enum key_result
ledger_screen_key(struct screen *s, const struct key *k)
{
    struct ledger *l = s->data;
    int sel = listview_selected(&l->lv);
    const char *student = sel >= 0 ? cell(l, sel, "student_id") : NULL;
    const char *name = sel >= 0 ? cell(l, sel, "name") : "";
    struct screen *next;
    char *text;
    bool done = false;

    switch (k->action) {
    case ACT_LEDGER:
        l->kind = (enum ledger_kind)((l->kind + 1) % LEDGER_COUNT);
        listview_reset(&l->lv);
        reload(s);
        return KR_REDRAW;
    case ACT_OPEN:
        if (student == NULL)
            return KR_HANDLED;
        if ((next = ledger_visits_screen_new(s->app, student, name)) != NULL)
            app_push(s->app, next);
        return KR_REDRAW;
    case ACT_VISIT:
    case ACT_CONFIRM:
    case ACT_RETURN_SCHOOL:
        if (student == NULL)
            return KR_HANDLED;
        if (k->action == ACT_VISIT)
            done = ledger_record_visit(s->app, student, name);
        else if (k->action == ACT_CONFIRM)
            done = ledger_confirm(s->app, student, name);
        else
            done = ledger_back_in_school(s->app, student, name);
        if (done)
            reload(s);
        return KR_REDRAW;
    case ACT_SEARCH:
        if ((text = dialog_prompt(s->app, PROMPT_SEARCH, _("Search"),
                                  _("Household number or name"), NULL)) !=
            NULL) {
            if (text[0] != '\0')
                find(s, text);
            free(text);
        }
        return KR_REDRAW;
    case ACT_REFRESH:
        reload(s);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&l->lv, k);
    }
}

static void
ledger_resumed(struct screen *s, int result)
{
    (void)result;
    reload(s);
}

static const enum action writer_actions[] = {
    ACT_LEDGER, ACT_OPEN,    ACT_VISIT, ACT_CONFIRM, ACT_RETURN_SCHOOL,
    ACT_SEARCH, ACT_REFRESH, ACT_HELP,  ACT_BACK,    ACT_NONE};
static const enum action reader_actions[] = {ACT_LEDGER,  ACT_OPEN, ACT_SEARCH,
                                             ACT_REFRESH, ACT_HELP, ACT_BACK,
                                             ACT_NONE};

static const enum action *
ledger_actions(struct screen *s)
{
    struct ledger *l = s->data;

    return l->writer ? writer_actions : reader_actions;
}

static const char *
ledger_screen_title(struct screen *s)
{
    (void)s;
    return _("Dropout control ledgers");
}

static void
ledger_close(struct screen *s)
{
    struct ledger *l = s->data;

    dbres_free(l->rows);
    listview_free(&l->lv);
    free(l);
    free(s);
}

static const struct screen_ops ledger_ops = {
    .name = "ledger",
    .layout = ledger_layout,
    .draw = ledger_draw,
    .key = ledger_screen_key,
    .resumed = ledger_resumed,
    .actions = ledger_actions,
    .title = ledger_screen_title,
    .close = ledger_close,
};

struct screen *
ledger_screen_new(struct app *a)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct ledger *l = calloc(1, sizeof(*l));

    if (s == NULL || l == NULL) {
        free(s);
        free(l);
        return NULL;
    }
    *s = (struct screen){.ops = &ledger_ops, .app = a, .data = l};
    l->kind = LEDGER_SUSPECTED;
    l->year = date_school_year_today();
    l->writer = review_has_returned(db_role(a->db));
    l->columns[0] = (struct lv_column){_("Township"), 8, false};
    l->columns[1] = (struct lv_column){_("Household"), 12, false};
    l->columns[2] = (struct lv_column){_("Name"), 0, false};
    l->columns[3] = (struct lv_column){_("Age"), 4, true};
    l->columns[4] = (struct lv_column){_("Schooling"), 12, false};
    l->columns[5] = (struct lv_column){_("Case"), 14, false};
    l->columns[6] = (struct lv_column){_("Last visit"), 10, false};
    listview_init(&l->lv, l->columns, NCOLS, ledger_row, s);
    l->lv.empty_text = _("No child on this ledger.");
    reload(s);
    return s;
}
