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
#include "screens/listbase.h"
#include "screens/review.h"
#include "screens/session.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define MAX_ROWS 1000
#define NCOLS 7

struct ledger {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    enum ledger_kind kind;
    int year;
    bool writer;      /* clerk or officer: the write keys are shown */
    char counts[256]; /* the counts line */
};

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

/* The counts, then the rows of the ledger shown. */
static bool
fetch_rows(struct screen *s)
{
    struct ledger *l = s->data;
    struct db_error err;
    struct dbres *res;

    load_counts(s);
    if ((res = dropout_ledger_rows(s->app->db, l->year, ledger_key(l->kind),
                                   MAX_ROWS, &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&l->lb, res);
}

static const char *const ledger_shows[NCOLS] = {
    "township", "household_no", "name", "age", NULL, NULL, "last_visit"};

/* The schooling status and the case's state in words. */
static bool
ledger_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct ledger *l = s->data;

    (void)row;
    cells[4] = word(cell(l, index, "schooling_status"));
    cells[5] = word(cell(l, index, "state"));
    return true;
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
    listbase_line(&l->lb, -2, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    if (cell(l, sel, "returned_on")[0])
        /* TRANSLATORS: the date, then the school */
        snprintf(line, sizeof(line), _("back in school on %s, %s"),
                 cell(l, sel, "returned_on"), cell(l, sel, "returned_school"));
    else if (cell(l, sel, "confirmed_on")[0])
        snprintf(line, sizeof(line), _("dropout confirmed on %s"),
                 cell(l, sel, "confirmed_on"));
    else
        line[0] = '\0';
    listbase_line(&l->lb, -1, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
}

static void
ledger_draw(struct screen *s)
{
    struct ledger *l = s->data;
    char line[512];

    snprintf(line, sizeof(line), _("%s, school year %d-%d"),
             ledger_title(l->kind), l->year, l->year + 1);
    listbase_line(&l->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    if (listbase_nrows(&l->lb) >= MAX_ROWS)
        snprintf(line, sizeof(line), _("%s (the first %d rows are listed)"),
                 l->counts, MAX_ROWS);
    else
        snprintf(line, sizeof(line), "%s", l->counts);
    listbase_line(&l->lb, 1, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&l->lb.lv);
    draw_case(l, listbase_selected(&l->lb));
}

/* '/': select the next row (after the selected one, wrapping) whose
 * household number or name holds the text asked for. */
static void
find(struct screen *s)
{
    static const char *const where[] = {"household_no", "name"};
    struct ledger *l = s->data;
    char *text = dialog_prompt(s->app, PROMPT_SEARCH, _("Search"),
                               _("Household number or name"), NULL);

    if (text != NULL && text[0] != '\0' &&
        !listbase_find(&l->lb, text, where, 2))
        app_status(s->app, "%s", _("Not found in this ledger."));
    free(text);
}

static enum key_result
ledger_screen_key(struct screen *s, const struct key *k)
{
    struct ledger *l = s->data;
    int sel = listbase_selected(&l->lb);
    const char *student = sel >= 0 ? cell(l, sel, "student_id") : NULL;
    const char *name = sel >= 0 ? cell(l, sel, "name") : "";
    struct screen *next;
    bool done = false;

    switch (k->action) {
    case ACT_LEDGER:
        l->kind = (enum ledger_kind)((l->kind + 1) % LEDGER_COUNT);
        listview_reset(&l->lb.lv);
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
    default:
        return listbase_key(&l->lb, k);
    }
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

static const struct screen_ops ledger_ops = {
    .name = "ledger",
    .layout = listbase_layout,
    .draw = ledger_draw,
    .key = ledger_screen_key,
    .resumed = listbase_resumed,
    .actions = ledger_actions,
    .available = listbase_available,
    .title = ledger_screen_title,
    .close = listbase_close,
};

static const struct listbase_ops ledger_list = {.fetch = fetch_rows,
                                                .row = ledger_row,
                                                .search = find,
                                                .shows = ledger_shows};

struct screen *
ledger_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &ledger_ops, sizeof(struct ledger));
    struct ledger *l;

    if (s == NULL)
        return NULL;
    l = s->data;
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
    listbase_init(&l->lb, s, &ledger_list, l->columns, NCOLS);
    l->lb.above = 2;
    l->lb.below = 2;
    l->lb.lv.empty_text = _("No child on this ledger.");
    reload(s);
    return s;
}
