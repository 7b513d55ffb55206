/*
 * pairedit.c
 *   The pairing area's row editor (issue 15), as refdata_edit.c is the
 *   admin's: one row's fields one a line over the page it was opened
 *   from, Up/Down (Tab) move, Enter changes the field in focus (a text
 *   box, a pick list of words or of the database's rows), F2 saves and
 *   closes, Esc drops the changes (asking when there are some). One table
 *   (kinds[]) says what each row asks: a new pair, a plan target, an
 *   activity, a monthly report, a quarterly record, an inspection, a
 *   rectification notice, a response. The server decides who may (a
 *   refusal is shown in the words of eduaid.message, the editor stays
 *   open) and checks every value. Opened on a row the page shows
 *   (pair_row_edit_screen, issue 15 H6) it is filled in with the row,
 *   the fields its UPDATE does not set shown fixed, and F2 saves with the
 *   row's version: a row someone else changed since is refused in words
 *   (EA007) and what was typed stays.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/match.h"
#include "db/pairing.h"
#include "screens/fieldlist.h"
#include "screens/listbase.h"
#include "screens/pairs.h"
#include "screens/session.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define MAXF 9
#define LABEL_CELLS 20

/* ---- the fields of each row --------------------------------------------- */

enum ftype {
    F_TEXT,     /* typed */
    F_DATE,     /* typed, today to start */
    F_YEAR,     /* typed, this year to start */
    F_QUARTER,  /* typed, this quarter to start */
    F_MONTH,    /* typed YYYY-MM, last month to start */
    F_WORD,     /* one of a group of words */
    F_TOWNSHIP, /* one of the caller's townships */
    F_ANY_SCHOOL,
    F_MY_SCHOOL,
    F_FIXED /* given by the page (an inspection, a notice) */
};

struct fdef {
    const char *label;
    enum ftype type;
    enum pair_words words; /* F_WORD's */
    bool optional;
};

/* PE_PAIR's fields, in pair_new's order. */
static const struct fdef pair_fields[] = {
    {N_("Home township"), F_TOWNSHIP, 0, false},
    {N_("Title"), F_TEXT, 0, false},
    {N_("Helping school"), F_ANY_SCHOOL, 0, false},
    {N_("Form"), F_WORD, PW_FORM, false},
    {N_("Kind of help"), F_WORD, PW_KIND, false},
    {N_("Cycle starts"), F_DATE, 0, false},
    {N_("Helping lead"), F_TEXT, 0, false},
    {N_("Helped lead"), F_TEXT, 0, false},
    {N_("Lead helped school"), F_MY_SCHOOL, 0, false},
};

/* The rows of pair_row_add, in its order. */
static const struct fdef row_fields[PR_COUNT][MAXF] = {
    [PR_TARGET] = {{N_("Kind"), F_WORD, PW_TARGET, false},
                   {N_("Year"), F_YEAR, 0, false},
                   {N_("What (direction)"), F_TEXT, 0, false},
                   {N_("By (date)"), F_DATE, 0, false},
                   {N_("Who"), F_TEXT, 0, false},
                   {N_("How much"), F_TEXT, 0, false}},
    [PR_ACTIVITY] = {{N_("Kind"), F_WORD, PW_ACTIVITY, false},
                     {N_("Held on"), F_DATE, 0, false},
                     {N_("Place"), F_TEXT, 0, false},
                     {N_("People"), F_TEXT, 0, false},
                     {N_("What was done"), F_TEXT, 0, false}},
    [PR_MONTHLY] = {{N_("Month (YYYY-MM)"), F_MONTH, 0, false},
                    {N_("Report"), F_TEXT, 0, false}},
    [PR_QUARTERLY] = {{N_("Year"), F_YEAR, 0, false},
                      {N_("Quarter (1-4)"), F_QUARTER, 0, false},
                      {N_("Kind"), F_WORD, PW_QUARTERLY, false},
                      {N_("Held on"), F_DATE, 0, false},
                      {N_("Content"), F_TEXT, 0, false}},
    [PR_INSPECTION] = {{N_("Inspected on"), F_DATE, 0, false},
                       {N_("Inspectors"), F_TEXT, 0, false},
                       {N_("Findings"), F_TEXT, 0, false},
                       {N_("Verdict"), F_WORD, PW_VERDICT, false},
                       {N_("Bulletin"), F_TEXT, 0, true}},
    [PR_RECTIFICATION] = {{N_("Inspection"), F_FIXED, 0, false},
                          {N_("Issued on"), F_DATE, 0, false},
                          {N_("Deadline"), F_TEXT, 0, false},
                          {N_("Demands"), F_TEXT, 0, false}},
    [PR_RESPONSE] = {{N_("Rectification notice"), F_FIXED, 0, false},
                     {N_("Responded on"), F_DATE, 0, false},
                     {N_("Response"), F_TEXT, 0, false}},
};

static const char *const row_titles[PR_COUNT] = {
    [PR_TARGET] = N_("New plan target"),
    [PR_ACTIVITY] = N_("New activity"),
    [PR_MONTHLY] = N_("New monthly report"),
    [PR_QUARTERLY] = N_("New quarterly record"),
    [PR_INSPECTION] = N_("New inspection"),
    [PR_RECTIFICATION] = N_("New rectification notice"),
    [PR_RESPONSE] = N_("Response to a rectification notice"),
};

struct pairedit {
    struct app *app;
    bool is_pair; /* a new pair, else a row of kind */
    enum pair_row kind;
    const struct fdef *fields;
    struct fieldlist fl; /* the fields' focus and keys */
    char township[16], pair[24];
    char *val[MAXF];  /* codes, ids, text; never NULL */
    char *word[MAXF]; /* what a picked row is called ("" for typed) */
    struct dbres *picked;
    struct pick_item items[64];
    char title[160], fixed_text[160];
    char id[24], version[16]; /* a row changed: its id and version read */
    long long *made;          /* PE: the new pair's id, or NULL */
    int top, rows, cols;
};

/* ---- drawing ----------------------------------------------------------------
 */

/* A field F2 does not set: the page's, or a changed row's identity. */
static bool
fixed(const struct pairedit *e, int i)
{
    return e->fields[i].type == F_FIXED ||
           (e->id[0] != '\0' && !pair_row_editable(e->kind, i));
}

static const char *
shown(const struct pairedit *e, int i)
{
    const struct fdef *f = &e->fields[i];

    if (f->type == F_WORD)
        return pair_word(f->words, e->val[i]);
    if (f->type == F_FIXED)
        return e->fixed_text;
    if (e->word[i][0] != '\0')
        return e->word[i];
    return e->val[i];
}

static void
edit_layout(struct screen *s, int top, int rows, int cols)
{
    struct pairedit *e = s->data;

    e->top = top;
    e->rows = rows;
    e->cols = cols;
}

static void
edit_draw(struct screen *s)
{
    struct pairedit *e = s->data;
    int y = e->top + 2;

    draw_str(stdscr, e->top, 0, e->cols, e->title, UA_HEADER, DRAW_PAD);
    for (int i = 0; i < e->fl.nf && y < e->top + e->rows - 2; i++, y++) {
        const struct fdef *f = &e->fields[i];

        draw_str(stdscr, y, 2, LABEL_CELLS, _(f->label), UA_LABEL, DRAW_PAD);
        draw_text(stdscr, y, LABEL_CELLS + 3, e->cols - LABEL_CELLS - 5,
                  shown(e, i),
                  i == e->fl.focus ? UA_SELECTED
                  : fixed(e, i)    ? UA_GONE
                                   : UA_FIELD);
    }
    fieldlist_draw_keys(e->top + e->rows - 1, e->cols);
}

/* ---- changing a field
 * -------------------------------------------------------- */

struct word_pick {
    struct pairedit *e;
    enum pair_words g;
};

static int
word_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct word_pick *w = arg;
    int k = 0;

    const char *code;

    for (size_t i = 0; (code = pair_word_code(w->g, i)) != NULL && k < 64; i++)
        if (filter == NULL || filter[0] == '\0' ||
            match_contains(pair_word(w->g, code), filter) ||
            match_contains(code, filter))
            w->e->items[k++] =
                (struct pick_item){code, pair_word(w->g, code), NULL};
    *items = w->e->items;
    return k;
}

struct row_pick {
    struct pairedit *e;
    struct dbres *(*search)(struct db *, const char *, struct db_error *);
};

static int
row_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct row_pick *p = arg;
    struct pairedit *e = p->e;
    struct db_error err;
    int k = 0;

    dbres_free(e->picked);
    if ((e->picked = p->search(e->app->db, filter, &err)) == NULL) {
        app_error(e->app, &err);
        return -1;
    }
    for (int i = 0; i < e->picked->nrows && k < 64; i++, k++)
        e->items[k] = (struct pick_item){listbase_text(e->picked, i, "value"),
                                         listbase_text(e->picked, i, "label"),
                                         listbase_text(e->picked, i, "detail")};
    *items = e->items;
    return k;
}

/* The label of value v among the rows picked last ("" when not there). */
static const char *
picked_label(const struct pairedit *e, const char *v)
{
    for (int i = 0; e->picked != NULL && i < e->picked->nrows; i++)
        if (strcmp(listbase_text(e->picked, i, "value"), v) == 0)
            return listbase_text(e->picked, i, "label");
    return "";
}

static char *
ask(struct pairedit *e, int i)
{
    const struct fdef *f = &e->fields[i];
    struct word_pick w = {e, f->words};
    struct row_pick r = {e, NULL};

    switch (f->type) {
    case F_WORD:
        return dialog_pick(e->app, _(f->label), NULL, word_search, &w);
    case F_TOWNSHIP:
        r.search = pairing_my_townships;
        break;
    case F_ANY_SCHOOL:
        r.search = pairing_any_school;
        break;
    case F_MY_SCHOOL:
        r.search = pairing_my_school;
        break;
    case F_FIXED:
        return NULL;
    default:
        return dialog_prompt(e->app, PROMPT_TEXT, e->title, _(f->label),
                             e->val[i]);
    }
    return dialog_pick(e->app, _(f->label), NULL, row_search, &r);
}

static void
change_field(struct pairedit *e)
{
    int i = e->fl.focus;
    char *v, *word;

    if (fixed(e, i)) {
        app_status(e->app, "%s", _("This field is not changed here."));
        return;
    }
    if ((v = ask(e, i)) == NULL)
        return;
    if ((word = strdup(e->fields[i].type >= F_TOWNSHIP &&
                               e->fields[i].type <= F_MY_SCHOOL
                           ? picked_label(e, v)
                           : "")) == NULL) {
        free(v);
        app_status(e->app, "%s", _("out of memory"));
        return;
    }
    if (strcmp(v, e->val[i]) != 0)
        e->fl.dirty = true;
    free(e->val[i]);
    free(e->word[i]);
    e->val[i] = v;
    e->word[i] = word;
}

/* ---- saving
 * ------------------------------------------------------------------ */

static bool
save(struct pairedit *e)
{
    struct db_error err;
    const char *v[MAXF];
    int rc;

    for (int i = 0; i < e->fl.nf; i++)
        v[i] =
            e->val[i][0] != '\0' || !e->fields[i].optional ? e->val[i] : NULL;
    if (e->is_pair) {
        struct pair_new n = {v[0], v[1], v[2], v[3], v[4],
                             v[5], v[6], v[7], v[8]};
        long long id = pair_create(e->app->db, &n, &err);

        if (id > 0 && e->made != NULL)
            *e->made = id;
        rc = id > 0 ? 0 : -1;
    } else if (e->id[0] != '\0') {
        rc = pair_row_update(e->app->db, e->kind, e->township, e->pair, e->id,
                             e->version, v, &err);
    } else {
        rc = pair_row_add(e->app->db, e->kind, e->township, e->pair, v, &err);
    }
    if (rc != 0) {
        app_error(e->app, &err);
        return false;
    }
    app_status(e->app, "%s", _("Saved (the audit log keeps it)."));
    return true;
}

/* ---- keys
 * -------------------------------------------------------------------- */

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
    struct pairedit *e = s->data;

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
    struct pairedit *e = s->data;

    return e->title;
}

static void
edit_close(struct screen *s)
{
    struct pairedit *e = s->data;

    for (int i = 0; i < MAXF; i++) {
        free(e->val[i]);
        free(e->word[i]);
    }
    dbres_free(e->picked);
    free(e);
    free(s);
}

static const struct screen_ops edit_ops = {
    .name = "pair-edit",
    .layout = edit_layout,
    .draw = edit_draw,
    .key = edit_key,
    .actions = edit_actions,
    .action_label = edit_action_label,
    .title = edit_title,
    .close = edit_close,
};

/* ---- making it
 * ----------------------------------------------------------------- */

/* The value field f starts with (fixed: the page's), into buf. */
static const char *
start_value(const struct fdef *f, const char *fixed, char *buf, size_t bufsz)
{
    int today = date_today_yyyymmdd(), y = today / 10000, m = today / 100 % 100;

    buf[0] = '\0';
    switch (f->type) {
    case F_DATE:
        if (today > 0)
            snprintf(buf, bufsz, "%04d-%02d-%02d", y, m, today % 100);
        break;
    case F_YEAR:
        if (today > 0)
            snprintf(buf, bufsz, "%04d", y);
        break;
    case F_QUARTER:
        if (today > 0)
            snprintf(buf, bufsz, "%d", (m - 1) / 3 + 1);
        break;
    case F_MONTH: /* the month a report is due for: the last one */
        if (today > 0)
            snprintf(buf, bufsz, "%04d-%02d", m == 1 ? y - 1 : y,
                     m == 1 ? 12 : m - 1);
        break;
    case F_FIXED:
        return fixed != NULL ? fixed : "";
    case F_WORD: /* the first word: a choice is never empty */
        return pair_word_code(f->words, 0);
    default:
        break;
    }
    return buf;
}

static struct screen *
edit_new(struct app *a, const struct fdef *fields, int nf, const char *fixed,
         const char *fixed_text)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct pairedit *e = calloc(1, sizeof(*e));
    char buf[32];

    if (s == NULL || e == NULL) {
        free(s);
        free(e);
        return NULL;
    }
    *s = (struct screen){.ops = &edit_ops, .app = a, .data = e};
    e->app = a;
    e->fields = fields;
    e->fl.nf = nf;
    e->fl = (struct fieldlist){.app = a,
                               .title = e->title,
                               .nf = e->fl.nf,
                               .owner = e,
                               .change = change_cb,
                               .save = save_cb};
    snprintf(e->fixed_text, sizeof(e->fixed_text), "%s",
             fixed_text != NULL ? fixed_text : "");
    for (int i = 0; i < nf; i++)
        if ((e->val[i] = strdup(
                 start_value(&fields[i], fixed, buf, sizeof(buf)))) == NULL ||
            (e->word[i] = strdup("")) == NULL) {
            edit_close(s);
            return NULL;
        }
    return s;
}

struct screen *
pair_new_screen(struct app *a, long long *made)
{
    struct screen *s = edit_new(
        a, pair_fields, (int)(sizeof(pair_fields) / sizeof(pair_fields[0])),
        NULL, NULL);
    struct pairedit *e;

    if (s == NULL)
        return NULL;
    e = s->data;
    e->is_pair = true;
    e->made = made;
    snprintf(e->title, sizeof(e->title), "%s", _("New pair"));
    return s;
}

struct screen *
pair_row_screen(struct app *a, enum pair_row k, const char *township,
                const char *pair, const char *fixed, const char *fixed_text)
{
    struct screen *s;
    struct pairedit *e;
    int nf = 0;

    if (k >= PR_COUNT)
        return NULL;
    while (nf < MAXF && row_fields[k][nf].label != NULL)
        nf++;
    if ((s = edit_new(a, row_fields[k], nf, fixed, fixed_text)) == NULL)
        return NULL;
    e = s->data;
    e->kind = k;
    snprintf(e->township, sizeof(e->township), "%s", township);
    snprintf(e->pair, sizeof(e->pair), "%s", pair);
    snprintf(e->title, sizeof(e->title), "%s", _(row_titles[k]));
    return s;
}

/* Issue 15 H6: the editor filled in with a row of the page (values in
 * pair_row_add's order), F2 its UPDATE with the version read. */
struct screen *
pair_row_edit_screen(struct app *a, enum pair_row k, const char *township,
                     const char *pair, const char *id, const char *version,
                     const char *const *values, const char *fixed_text)
{
    static const char *const edit_titles[PR_COUNT] = {
        [PR_TARGET] = N_("Change a plan target"),
        [PR_ACTIVITY] = N_("Change an activity"),
        [PR_MONTHLY] = N_("Change a monthly report"),
        [PR_QUARTERLY] = N_("Change a quarterly record"),
        [PR_RESPONSE] = N_("Change a response"),
    };
    struct screen *s;
    struct pairedit *e;

    if (k >= PR_COUNT || edit_titles[k] == NULL ||
        (s = pair_row_screen(a, k, township, pair, NULL, fixed_text)) == NULL)
        return NULL;
    e = s->data;
    for (int i = 0; i < e->fl.nf; i++) {
        char *v = strdup(values[i] != NULL ? values[i] : "");

        if (v == NULL) {
            edit_close(s);
            return NULL;
        }
        free(e->val[i]);
        e->val[i] = v;
    }
    snprintf(e->id, sizeof(e->id), "%s", id);
    snprintf(e->version, sizeof(e->version), "%s", version);
    snprintf(e->title, sizeof(e->title), "%s", _(edit_titles[k]));
    return s;
}
