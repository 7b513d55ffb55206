/*
 * refdata_edit.c
 *   The admin's add/edit screen of one school, training course, teacher
 *   fund program or standard amount (issue 14), over the list of
 *   refdata.c -- as rowedit.c is a grid row's form over its record: the
 *   fields one a line, Up/Down (Tab) move, Enter changes the field in
 *   focus (a text box, a pick list, or yes/no turned over), F2 saves and
 *   closes, Esc drops the changes (asking when there are some). The keys
 *   that other rows name -- a school's township, a program's code, a
 *   rate's year, program, stage and boarding -- are given when adding and
 *   shown, not changed, when editing. The server decides (the admin's
 *   grants, the constraints, rate_guard: EA185 for a rate approved
 *   records were granted under) and audits; a refusal is said in the
 *   words of eduaid.message. Also the words of schools' kinds and
 *   courses' categories (refdata.h).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/match.h"
#include "db/rates.h"
#include "screens/fieldlist.h"
#include "screens/refdata.h"
#include "screens/session.h"
#include "ui/appui.h"
#include "ui/draw.h"

#define MAXF 5
#define LABEL_CELLS 18

/* ---- the words of the codes ------------------------------------------ */

struct code_word {
    const char *code, *word;
};

static const struct code_word school_kinds[] = {
    {"kindergarten", N_("Kindergarten")},
    {"primary", N_("Primary school")},
    {"junior", N_("Junior school")},
    {"nine_year", N_("Nine-year school")},
    {"senior_high", N_("Senior high")},
    {"vocational", N_("Vocational school")},
    {"special", N_("Special school")},
    {"college", N_("College")},
};
#define NKINDS (sizeof(school_kinds) / sizeof(school_kinds[0]))

static const struct code_word categories[] = {
    {"industry", N_("Industry")},
    {"agriculture", N_("Agriculture")},
    {"service", N_("Services")},
    {"commerce", N_("Commerce")},
};
#define NCATEGORIES (sizeof(categories) / sizeof(categories[0]))

static const char *
word_of(const struct code_word *w, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(w[i].code, code) == 0)
            return _(w[i].word);
    return code;
}

const char *
refdata_school_kind(const char *code)
{
    return word_of(school_kinds, NKINDS, code);
}

const char *
refdata_category(const char *code)
{
    return word_of(categories, NCATEGORIES, code);
}

const char *
refdata_kind_name(enum refkind k)
{
    static const char *const names[RK_COUNT] = {
        N_("Schools"), N_("Training courses"), N_("Teacher fund programs"),
        N_("Standard amounts")};

    return _(names[k < RK_COUNT ? k : RK_SCHOOL]);
}

/* ---- the fields of each kind ----------------------------------------- */

enum ftype {
    F_TEXT,
    F_BOOL,
    F_TOWNSHIP,
    F_SCHOOL_KIND,
    F_CATEGORY,
    F_PROGRAM,
    F_STAGE
};

struct fdef {
    const char *label;
    enum ftype type;
    bool key;        /* given when adding, never changed */
    const char *col; /* the list's column holding it */
};

static const struct fdef fields[RK_COUNT][MAXF] = {
    [RK_SCHOOL] = {{N_("Township"), F_TOWNSHIP, true, "township_id"},
                   {N_("School name"), F_TEXT, false, "name"},
                   {N_("Kind"), F_SCHOOL_KIND, false, "kind"},
                   {N_("Nutrition pilot"), F_BOOL, false, "nutrition_pilot"},
                   /* issue 17 H3 */
                   {N_("Canteen serves the meal"), F_BOOL, false, "canteen"}},
    [RK_COURSE] = {{N_("Course name"), F_TEXT, false, "name"},
                   {N_("Category"), F_CATEGORY, false, "category"},
                   {N_("Hours"), F_TEXT, false, "hours"}},
    [RK_PROGRAM] = {{N_("Code (a-z0-9_)"), F_TEXT, true, "code"},
                    {N_("Program name"), F_TEXT, false, "name"},
                    {N_("Maximum amount"), F_TEXT, false, "max_amount"}},
    [RK_RATE] = {{N_("School year"), F_TEXT, true, "school_year"},
                 {N_("Program"), F_PROGRAM, true, "program"},
                 {N_("Stage"), F_STAGE, true, "stage"},
                 {N_("Boarding"), F_BOOL, true, "boarding"},
                 {N_("Standard amount"), F_TEXT, false, "amount"}},
};

static const char *const notes[RK_COUNT] = {
    N_("A school is never deleted: F8 in the list retires it; records "
       "keep it."),
    N_("A course is never deleted: F8 in the list retires it; "
       "enrollments keep it."),
    N_("A program is never deleted: F8 in the list retires it. No "
       "maximum: no cap."),
    N_("A rate approved records were granted under is kept: set a new "
       "year's rate."),
};

struct refedit {
    struct app *app;
    enum refkind kind;
    bool is_new;
    long long id;
    struct fieldlist fl;   /* the fields' focus and keys */
    char *val[MAXF];       /* codes, "t"/"f", text; never NULL */
    struct dbres *choices; /* townships, or the rate's programs */
    struct dbres *stages;  /* the rate's stages */
    struct pick_item items[64];
    char title[160];
    int top, rows, cols;
};

static int
count_fields(enum refkind k)
{
    int n = 0;

    while (n < MAXF && fields[k][n].label != NULL)
        n++;
    return n;
}

/* The words of value v of field f ("" for none). */
static const char *
shown(const struct refedit *e, const struct fdef *f, const char *v)
{
    const struct dbres *r = f->type == F_STAGE ? e->stages : e->choices;
    const char *col = f->type == F_TOWNSHIP ? "id" : "value";

    switch (f->type) {
    case F_BOOL:
        return v[0] == 't' ? _("yes") : _("no");
    case F_SCHOOL_KIND:
        return refdata_school_kind(v);
    case F_CATEGORY:
        return refdata_category(v);
    case F_TOWNSHIP:
    case F_PROGRAM:
    case F_STAGE:
        for (int i = 0; r != NULL && i < r->nrows; i++)
            if (strcmp(listbase_text(r, i, col), v) == 0)
                return listbase_text(r, i,
                                     f->type == F_TOWNSHIP ? "name"
                                     : e->app->zh          ? "zh"
                                                           : "en");
        return v;
    case F_TEXT:
    default:
        return v;
    }
}

/* ---- drawing ----------------------------------------------------------- */

static void
edit_layout(struct screen *s, int top, int rows, int cols)
{
    struct refedit *e = s->data;

    e->top = top;
    e->rows = rows;
    e->cols = cols;
}

static void
edit_draw(struct screen *s)
{
    struct refedit *e = s->data;
    int y = e->top + 2;

    draw_str(stdscr, e->top, 0, e->cols, e->title, UA_HEADER, DRAW_PAD);
    for (int i = 0; i < e->fl.nf && y < e->top + e->rows - 3; i++, y++) {
        const struct fdef *f = &fields[e->kind][i];
        bool fixed = f->key && !e->is_new;
        int w = e->cols - LABEL_CELLS - 4;
        char text[256];

        snprintf(text, sizeof(text), "%s%s", shown(e, f, e->val[i]),
                 fixed ? _("  (kept: other rows name it)") : "");
        draw_str(stdscr, y, 2, LABEL_CELLS, _(f->label), UA_LABEL, DRAW_PAD);
        draw_text(stdscr, y, LABEL_CELLS + 2, w, text,
                  i == e->fl.focus ? UA_SELECTED
                  : fixed          ? UA_GONE
                                   : UA_FIELD);
    }
    draw_str(stdscr, e->top + e->rows - 2, 0, e->cols, _(notes[e->kind]),
             UA_LABEL, DRAW_PAD);
    fieldlist_draw_keys(e->top + e->rows - 1, e->cols);
}

/* ---- changing a field ------------------------------------------------ */

static int
code_search(struct refedit *e, const struct code_word *w, size_t n,
            const char *filter, const struct pick_item **items)
{
    int k = 0;

    for (size_t i = 0; i < n && k < 64; i++)
        if (filter == NULL || filter[0] == '\0' ||
            match_contains(_(w[i].word), filter) ||
            match_contains(w[i].code, filter))
            e->items[k++] = (struct pick_item){w[i].code, _(w[i].word), NULL};
    *items = e->items;
    return k;
}

static int
kind_search(void *arg, const char *filter, const struct pick_item **items)
{
    return code_search(arg, school_kinds, NKINDS, filter, items);
}

static int
category_search(void *arg, const char *filter, const struct pick_item **items)
{
    return code_search(arg, categories, NCATEGORIES, filter, items);
}

/* The rows of r (value column vcol, words wcol) matching filter. */
static int
rows_search(struct refedit *e, const struct dbres *r, const char *vcol,
            const char *wcol, const char *filter,
            const struct pick_item **items)
{
    int k = 0;

    for (int i = 0; r != NULL && i < r->nrows && k < 64; i++) {
        const char *v = listbase_text(r, i, vcol);
        const char *w = listbase_text(r, i, wcol);

        if (filter == NULL || filter[0] == '\0' || match_contains(w, filter) ||
            strncmp(v, filter, strlen(filter)) == 0)
            e->items[k++] = (struct pick_item){v, w, NULL};
    }
    *items = e->items;
    return k;
}

static int
township_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct refedit *e = arg;

    return rows_search(e, e->choices, "id", "name", filter, items);
}

static int
program_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct refedit *e = arg;

    return rows_search(e, e->choices, "value", e->app->zh ? "zh" : "en", filter,
                       items);
}

static int
stage_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct refedit *e = arg;

    return rows_search(e, e->stages, "value", e->app->zh ? "zh" : "en", filter,
                       items);
}

/* Ask for field i's new value: malloc'd, or NULL when cancelled. */
static char *
ask(struct refedit *e, int i)
{
    const struct fdef *f = &fields[e->kind][i];
    const char *label = _(f->label);

    switch (f->type) {
    case F_BOOL:
        return strdup(e->val[i][0] == 't' ? "f" : "t");
    case F_TOWNSHIP:
        return dialog_pick(e->app, label, NULL, township_search, e);
    case F_SCHOOL_KIND:
        return dialog_pick(e->app, label, NULL, kind_search, e);
    case F_CATEGORY:
        return dialog_pick(e->app, label, NULL, category_search, e);
    case F_PROGRAM:
        return dialog_pick(e->app, label, NULL, program_search, e);
    case F_STAGE:
        return dialog_pick(e->app, label, NULL, stage_search, e);
    case F_TEXT:
    default:
        return dialog_prompt(e->app, PROMPT_TEXT, e->title, label, e->val[i]);
    }
}

static void
change_field(struct refedit *e)
{
    const struct fdef *f = &fields[e->kind][e->fl.focus];
    char *v;

    if (f->key && !e->is_new) {
        app_status(e->app, "%s",
                   _("This value is kept: other rows name it. Add a new "
                     "one instead."));
        return;
    }
    if ((v = ask(e, e->fl.focus)) == NULL)
        return;
    if (strcmp(v, e->val[e->fl.focus]) != 0)
        e->fl.dirty = true;
    free(e->val[e->fl.focus]);
    e->val[e->fl.focus] = v;
}

/* ---- saving ------------------------------------------------------------ */

/* A value for the server: NULL for an empty one (a missing amount, no
 * cap). */
static const char *
param(const char *v)
{
    return v[0] != '\0' ? v : NULL;
}

static int
save_rate(struct refedit *e, struct db_error *err)
{
    bool boarding = e->val[3][0] == 't';

    if (e->is_new)
        return refdata_rate_add(e->app->db, param(e->val[1]), param(e->val[0]),
                                param(e->val[2]), boarding, param(e->val[4]),
                                err);
    return rates_set(e->app->db, e->val[1], atoi(e->val[0]), e->val[2],
                     boarding, param(e->val[4]), err);
}

static bool
save(struct refedit *e)
{
    struct db_error err;
    struct refdata_values vals = {{NULL, NULL, NULL, NULL, NULL}};
    long long rc;

    if (e->kind == RK_RATE) {
        rc = save_rate(e, &err);
    } else {
        for (int i = 0; i < e->fl.nf && i < 5; i++)
            vals.v[i] = param(e->val[i]);
        if (e->kind == RK_SCHOOL && vals.v[3] == NULL)
            vals.v[3] = "f";
        if (e->kind == RK_SCHOOL && vals.v[4] == NULL) /* issue 17 H3 */
            vals.v[4] = "f";
        rc = e->is_new
                 ? refdata_add(e->app->db, e->kind, &vals, &err)
                 : refdata_change(e->app->db, e->kind, e->id, &vals, &err);
        if (rc == 1 && !e->is_new) {
            app_status_error(e->app, "%s", _("The row is not there any more."));
            return false;
        }
    }
    if (rc < 0) {
        app_error(e->app, &err);
        return false;
    }
    app_status(e->app, "%s",
               e->is_new ? _("Added (the audit log keeps it).")
                         : _("Saved (the audit log keeps the old values)."));
    return true;
}

/* ---- keys -------------------------------------------------------------- */

static void
change_cb(void *owner)
{
    change_field(owner);
}

static bool
save_cb(void *owner)
{
    return save(owner);
}

static enum key_result
edit_key(struct screen *s, const struct key *k)
{
    struct refedit *e = s->data;

    return fieldlist_key(&e->fl, k);
}

static const enum action *
edit_actions(struct screen *s)
{
    (void)s;
    return fieldlist_actions();
}

static const char *
edit_action_label(struct screen *s, enum action a)
{
    (void)s;
    return fieldlist_action_label(a);
}

static const char *
edit_title(struct screen *s)
{
    struct refedit *e = s->data;

    return refdata_kind_name(e->kind);
}

static void
edit_close(struct screen *s)
{
    struct refedit *e = s->data;

    for (int i = 0; i < MAXF; i++)
        free(e->val[i]);
    dbres_free(e->choices);
    dbres_free(e->stages);
    free(e);
    free(s);
}

static const struct screen_ops edit_ops = {
    .name = "refdata-edit",
    .layout = edit_layout,
    .draw = edit_draw,
    .key = edit_key,
    .actions = edit_actions,
    .action_label = edit_action_label,
    .title = edit_title,
    .close = edit_close,
};

/* ---- making it --------------------------------------------------------- */

/* The pick lists the kind needs; false after saying why. */
static bool
load_choices(struct refedit *e)
{
    struct db_error err;

    if (e->kind == RK_SCHOOL)
        e->choices = refdata_townships(e->app->db, &err);
    else if (e->kind == RK_RATE &&
             (e->choices = refdata_rate_programs(e->app->db, &err)) != NULL)
        e->stages = refdata_rate_stages(e->app->db, &err);
    else
        return true;
    if (e->choices == NULL || (e->kind == RK_RATE && e->stages == NULL)) {
        app_error(e->app, &err);
        return false;
    }
    return true;
}

/* The values to start from: row's, or a new row's defaults. */
static bool
start_values(struct refedit *e, const struct listbase *lb, int row,
             int township, int school_year)
{
    for (int i = 0; i < e->fl.nf; i++) {
        const char *v =
            row >= 0 ? listbase_cell(lb, row, fields[e->kind][i].col) : "";
        char def[16] = "";

        if (row < 0 && fields[e->kind][i].type == F_BOOL)
            v = "f";
        if (row < 0 && e->kind == RK_SCHOOL && i == 0 && township > 0) {
            snprintf(def, sizeof(def), "%d", township);
            v = def;
        }
        if (row < 0 && e->kind == RK_RATE && i == 0 && school_year > 0) {
            snprintf(def, sizeof(def), "%d", school_year);
            v = def;
        }
        if ((e->val[i] = strdup(v)) == NULL)
            return false;
    }
    if (row >= 0 && e->kind != RK_RATE)
        e->id = atoll(listbase_cell(lb, row, "id"));
    return true;
}

struct screen *
refdata_edit_new(struct app *a, enum refkind k, const struct listbase *lb,
                 int row, int township, int school_year)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct refedit *e = calloc(1, sizeof(*e));

    if (s == NULL || e == NULL) {
        free(s);
        free(e);
        return NULL;
    }
    *s = (struct screen){.ops = &edit_ops, .app = a, .data = e};
    e->app = a;
    e->kind = k < RK_COUNT ? k : RK_SCHOOL;
    e->is_new = row < 0;
    e->fl.nf = count_fields(e->kind);
    e->fl = (struct fieldlist){.app = a,
                               .title = e->title,
                               .nf = e->fl.nf,
                               .owner = e,
                               .change = change_cb,
                               .save = save_cb};
    snprintf(e->title, sizeof(e->title),
             e->is_new ? _("New: %s") : _("Change: %s"),
             refdata_kind_name(e->kind));
    if (!start_values(e, lb, row, township, school_year) || !load_choices(e)) {
        edit_close(s);
        return NULL;
    }
    /* a new row starts on its first field to give; an old one on the
     * first that can change */
    while (!e->is_new && e->fl.focus + 1 < e->fl.nf &&
           fields[e->kind][e->fl.focus].key)
        e->fl.focus++;
    return s;
}
