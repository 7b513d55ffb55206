/*
 * refdata.c
 *   The admin's reference-data screen (issue 14): one list of a kind at a
 *   time -- schools (of one township or all), training courses, teacher
 *   fund programs, standard amounts 资助标准 (of one school year or all)
 *   -- through db/refdata.h. l turns to the next kind; F4 picks the kind,
 *   the township (schools) or the school year (rates); / finds by the
 *   start of a name. F3 adds one and Enter changes the one selected
 *   (refdata_edit.c); F8 retires a school, course or program, or brings a
 *   retired one back (nothing that records name is deleted), and deletes
 *   a standard amount that no approved record was granted under. The
 *   server enforces and audits every change (39_privileges.sql,
 *   29_refdata.sql); a standard amount in effect for approved records is
 *   shown as such and the server refuses to change it (EA185).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/rates.h"
#include "screens/refdata.h"
#include "screens/screens.h"
#include "screens/session.h"
#include "ui/appui.h"
#include "ui/draw.h"

#define NCOLS 6

struct refdata {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[RK_COUNT][NCOLS];
    int ncolumns[RK_COUNT];
    enum refkind kind;
    struct refdata_filter filter;
    char *search;
    char township_name[96];
    char cells[NCOLS][96];
};

static bool
fetch(struct screen *s)
{
    struct refdata *r = s->data;
    struct db_error err;
    struct dbres *res;

    r->filter.search = r->search;
    if ((res = refdata_rows(s->app->db, r->kind, &r->filter, &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&r->lb, res);
}

static bool
zh(const struct refdata *r)
{
    return r->lb.screen->app->zh;
}

static bool
active_row(struct refdata *r, int i)
{
    return strcmp(cell(r, i, "active"), "t") == 0;
}

static const char *
state_word(struct refdata *r, int i)
{
    if (r->kind == RK_RATE)
        return strcmp(cell(r, i, "in_effect"), "t") == 0 ? _("in effect (kept)")
                                                         : _("can change");
    return active_row(r, i) ? _("in use") : _("retired");
}

/* The cells of row i of a school, course or program. */
static void
fill_row(struct refdata *r, int i, const char **c)
{
    switch (r->kind) {
    case RK_SCHOOL:
        c[0] = cell(r, i, "township");
        c[1] = cell(r, i, "name");
        c[2] = refdata_school_kind(cell(r, i, "kind"));
        c[3] = strcmp(cell(r, i, "nutrition_pilot"), "t") == 0 ? _("yes") : "";
        /* issue 17 H3: its canteen serves the meal */
        c[4] = strcmp(cell(r, i, "canteen"), "t") == 0 ? _("yes") : "";
        c[5] = state_word(r, i);
        break;
    case RK_COURSE:
        c[0] = cell(r, i, "name");
        c[1] = refdata_category(cell(r, i, "category"));
        c[2] = cell(r, i, "hours");
        c[3] = state_word(r, i);
        break;
    case RK_PROGRAM:
        c[0] = cell(r, i, "code");
        c[1] = cell(r, i, "name");
        c[2] = cell(r, i, "max_amount");
        c[3] = state_word(r, i);
        break;
    case RK_RATE:
    default:
        snprintf(r->cells[0], sizeof(r->cells[0]), "%s-%d",
                 cell(r, i, "school_year"),
                 atoi(cell(r, i, "school_year")) + 1);
        c[0] = r->cells[0];
        c[1] = cell(r, i, zh(r) ? "program_zh" : "program_en");
        c[2] = cell(r, i, zh(r) ? "stage_zh" : "stage_en");
        c[3] =
            strcmp(cell(r, i, "boarding"), "t") == 0 ? _("boarder") : _("day");
        c[4] = cell(r, i, "amount");
        c[5] = state_word(r, i);
        break;
    }
}

static bool
refdata_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct refdata *r = s->data;

    fill_row(r, index, cells);
    if (!active_row(r, index))
        row->attr = UA_GONE;
    return true;
}

static void
refdata_draw(struct screen *s)
{
    struct refdata *r = s->data;
    char line[320], where[128] = "";

    if (r->kind == RK_SCHOOL)
        snprintf(where, sizeof(where), _("   Township: %s"),
                 r->filter.township ? r->township_name : _("all"));
    else if (r->kind == RK_RATE && r->filter.school_year)
        snprintf(where, sizeof(where), _("   School year: %d-%d"),
                 r->filter.school_year, r->filter.school_year + 1);
    else if (r->kind == RK_RATE)
        snprintf(where, sizeof(where), _("   School year: %s"), _("all"));
    snprintf(line, sizeof(line), _("%s (%d of 4; l: next kind)%s   Search: %s"),
             refdata_kind_name(r->kind), (int)r->kind + 1, where,
             r->search ? r->search : "-");
    listbase_line(&r->lb, 0, line, UA_LABEL, DRAW_PAD);
    listview_draw(&r->lb.lv);
}

/* ---- the kind ---------------------------------------------------------- */

static const struct listbase_ops refdata_list;

/* Show kind k: its columns, its rows (the filters of the others kept). */
static void
set_kind(struct screen *s, enum refkind k)
{
    struct refdata *r = s->data;
    int top = r->lb.top, height = r->lb.height, cols = r->lb.cols;
    char **search = r->lb.search;
    const char *label = r->lb.search_label;

    r->kind = k;
    pages_clear(&r->lb.pages);
    listview_free(&r->lb.lv);
    listbase_init(&r->lb, s, &refdata_list, r->columns[k], r->ncolumns[k]);
    r->lb.search = search;
    r->lb.search_label = label;
    r->lb.lv.empty_text = _("Nothing here: F3 adds one.");
    if (cols > 0)
        listbase_layout(s, top, height, cols);
    fetch(s);
}

static void
filter_choices(struct screen *s, struct listbase_filter *f)
{
    struct refdata *r = s->data;
    char value[8];

    if (r->kind == RK_SCHOOL && f->townships == NULL) {
        struct db_error err; /* none: the pick list has no townships */

        f->townships = refdata_townships(s->app->db, &err);
    }
    for (int k = 0; k < RK_COUNT; k++) {
        snprintf(value, sizeof(value), "%d", k);
        listbase_filter_add(f, 'k', value, _("Show"),
                            refdata_kind_name((enum refkind)k));
    }
    if (r->kind == RK_SCHOOL)
        listbase_filter_add_townships(f);
    if (r->kind == RK_RATE) {
        listbase_filter_add(f, 'y', "0", _("School year"), _("all"));
        for (int y = 2035; y >= 2014; y--) {
            char label[16];

            snprintf(value, sizeof(value), "%d", y);
            snprintf(label, sizeof(label), "%d-%d", y, y + 1);
            listbase_filter_add(f, 'y', value, _("School year"), label);
        }
    }
}

static void
filter_chosen(struct screen *s, const struct listbase_filter *f,
              const char *value)
{
    struct refdata *r = s->data;
    int id;

    if (value[0] == 'k') {
        int k = atoi(value + 2);

        if (k >= 0 && k < RK_COUNT && k != (int)r->kind)
            set_kind(s, (enum refkind)k);
    } else if (value[0] == 'y') {
        r->filter.school_year = atoi(value + 2);
    } else if (listbase_filter_township(f, value, &id, r->township_name,
                                        sizeof(r->township_name))) {
        r->filter.township = id;
    }
}

/* ---- the steps --------------------------------------------------------- */

static void
edit(struct screen *s, int row)
{
    struct refdata *r = s->data;
    struct screen *e =
        refdata_edit_new(s->app, r->kind, &r->lb, row, r->filter.township,
                         r->filter.school_year);

    if (e != NULL)
        app_push(s->app, e);
}

static void
delete_rate(struct screen *s, int i)
{
    struct refdata *r = s->data;
    struct db_error err;
    char question[256];
    int rc;

    snprintf(question, sizeof(question),
             _("Delete the standard amount of %s, %s-%d?"),
             cell(r, i, zh(r) ? "program_zh" : "program_en"),
             cell(r, i, "school_year"), atoi(cell(r, i, "school_year")) + 1);
    if (!dialog_confirm(s->app, refdata_kind_name(r->kind), question, false))
        return;
    rc = rates_delete(s->app->db, cell(r, i, "program"),
                      atoi(cell(r, i, "school_year")), cell(r, i, "stage"),
                      strcmp(cell(r, i, "boarding"), "t") == 0, &err);
    if (rc < 0) {
        app_error(s->app, &err);
        return;
    }
    reload(s);
    app_status(s->app, "%s",
               rc ? _("Deleted (the audit log keeps it).")
                  : _("It was not there any more."));
}

/* Retire row i, or bring it back. */
static void
toggle_active(struct screen *s, int i)
{
    struct refdata *r = s->data;
    struct db_error err;
    bool active = active_row(r, i);
    char question[320];
    const char *name = cell(r, i, "name");

    snprintf(question, sizeof(question),
             active ? _("Retire %s? It is offered for new records no more; "
                        "the records that name it keep it.")
                    : _("Bring %s back into use?"),
             name);
    if (!dialog_confirm(s->app, refdata_kind_name(r->kind), question, !active))
        return;
    if (refdata_set_active(s->app->db, r->kind, atoll(cell(r, i, "id")),
                           !active, &err) < 0) {
        app_error(s->app, &err);
        return;
    }
    reload(s);
    app_status(s->app, active ? _("%s is retired.") : _("%s is in use again."),
               name);
}

static bool refdata_available(struct screen *s, enum action a,
                              const char **why);

static enum key_result
refdata_key(struct screen *s, const struct key *k)
{
    struct refdata *r = s->data;
    int sel = listview_selected(&r->lb.lv);
    const char *why = NULL;

    if (!refdata_available(s, k->action, &why)) {
        app_status(s->app, "%s", why ? why : "");
        return KR_REDRAW;
    }
    switch (k->action) {
    case ACT_NEW:
        edit(s, -1);
        return KR_REDRAW;
    case ACT_OPEN:
        edit(s, sel);
        return KR_REDRAW;
    case ACT_LEDGER:
        set_kind(s, (enum refkind)((r->kind + 1) % RK_COUNT));
        return KR_REDRAW;
    case ACT_DELETE_ROW:
        if (r->kind == RK_RATE)
            delete_rate(s, sel);
        else
            toggle_active(s, sel);
        return KR_REDRAW;
    default:
        return listbase_key(&r->lb, k);
    }
}

static const enum action refdata_actions_list[] = {
    ACT_NEW,    ACT_OPEN,    ACT_DELETE_ROW, ACT_LEDGER, ACT_FILTER,
    ACT_SEARCH, ACT_REFRESH, ACT_HELP,       ACT_BACK,   ACT_NONE};

static const enum action *
refdata_actions(struct screen *s)
{
    (void)s;
    return refdata_actions_list;
}

/* Enter and F8 on a row only; F8 deletes only a rate not in effect. */
static bool
refdata_available(struct screen *s, enum action a, const char **why)
{
    struct refdata *r = s->data;
    int sel = listview_selected(&r->lb.lv);

    if (a != ACT_OPEN && a != ACT_DELETE_ROW)
        return true;
    if (sel < 0 || sel >= listbase_nrows(&r->lb)) {
        *why = _("the list has no rows");
        return false;
    }
    if (a == ACT_DELETE_ROW && r->kind == RK_RATE &&
        strcmp(cell(r, sel, "in_effect"), "t") == 0) {
        *why = _("approved records were granted under this amount: it is "
                 "kept");
        return false;
    }
    return true;
}

static const char *
refdata_action_label(struct screen *s, enum action a)
{
    struct refdata *r = s->data;
    int sel = listview_selected(&r->lb.lv);

    switch (a) {
    case ACT_NEW:
        return _("Add");
    case ACT_OPEN:
        return _("Change");
    case ACT_LEDGER:
        return _("Next kind");
    case ACT_DELETE_ROW:
        if (r->kind == RK_RATE)
            return _("Delete");
        return sel >= 0 && sel < listbase_nrows(&r->lb) && !active_row(r, sel)
                   ? _("Bring back")
                   : _("Retire");
    default:
        return NULL;
    }
}

static const char *
refdata_title(struct screen *s)
{
    (void)s;
    return _("Reference data");
}

static const struct screen_ops refdata_ops = {
    .name = "refdata",
    .layout = listbase_layout,
    .draw = refdata_draw,
    .key = refdata_key,
    .resumed = listbase_resumed,
    .actions = refdata_actions,
    .available = refdata_available,
    .action_label = refdata_action_label,
    .title = refdata_title,
    .close = listbase_close,
};

static const struct listbase_ops refdata_list = {
    .fetch = fetch,
    .row = refdata_row,
    .filter_choices = filter_choices,
    .filter_chosen = filter_chosen};

/* The columns of each kind (80 columns: Chinese names whole). */
static void
set_columns(struct refdata *r)
{
    struct lv_column(*c)[NCOLS] = r->columns;

    c[RK_SCHOOL][0] = (struct lv_column){_("Township"), 10, false};
    c[RK_SCHOOL][1] = (struct lv_column){_("School"), 26, false};
    c[RK_SCHOOL][2] = (struct lv_column){_("Kind"), 12, false};
    c[RK_SCHOOL][3] = (struct lv_column){_("Nutrition"), 9, false};
    c[RK_SCHOOL][4] = (struct lv_column){_("Canteen"), 7, false}; /* 17 H3 */
    c[RK_SCHOOL][5] = (struct lv_column){_("State"), 0, false};
    r->ncolumns[RK_SCHOOL] = 6;
    c[RK_COURSE][0] = (struct lv_column){_("Course"), 30, false};
    c[RK_COURSE][1] = (struct lv_column){_("Category"), 14, false};
    c[RK_COURSE][2] = (struct lv_column){_("Hours"), 6, true};
    c[RK_COURSE][3] = (struct lv_column){_("State"), 0, false};
    r->ncolumns[RK_COURSE] = 4;
    c[RK_PROGRAM][0] = (struct lv_column){_("Code"), 18, false};
    c[RK_PROGRAM][1] = (struct lv_column){_("Program"), 32, false};
    c[RK_PROGRAM][2] = (struct lv_column){_("Maximum"), 10, true};
    c[RK_PROGRAM][3] = (struct lv_column){_("State"), 0, false};
    r->ncolumns[RK_PROGRAM] = 4;
    c[RK_RATE][0] = (struct lv_column){_("Year"), 9, false};
    c[RK_RATE][1] = (struct lv_column){_("Program"), 20, false};
    c[RK_RATE][2] = (struct lv_column){_("Stage"), 10, false};
    c[RK_RATE][3] = (struct lv_column){_("Boarding"), 8, false};
    c[RK_RATE][4] = (struct lv_column){_("Amount"), 9, true};
    c[RK_RATE][5] = (struct lv_column){_("State"), 0, false};
    r->ncolumns[RK_RATE] = 6;
}

struct screen *
refdata_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &refdata_ops, sizeof(struct refdata));
    struct refdata *r;

    if (s == NULL)
        return NULL;
    r = s->data;
    set_columns(r);
    listbase_init(&r->lb, s, &refdata_list, r->columns[RK_SCHOOL],
                  r->ncolumns[RK_SCHOOL]);
    listbase_search_text(&r->lb, &r->search,
                         _("Start of a name or a code (empty: all)"));
    set_kind(s, RK_SCHOOL);
    return s;
}
