/*
 * history.c
 *   The history of one record (eduaid.record_history): every audit entry,
 *   oldest first, as a heading line -- when, who, what (created, changed,
 *   submitted, verified, approved, returned, reopened) and the reason --
 *   followed by one line per changed field, "label: old -> new", labels
 *   from the form definition (a member row's entries name its grid).
 *   Values show as in the form: choice labels, lookup names, Yes/No.
 *   A list view scrolls it; Enter shows a line in full.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/history.h"
#include "db/record.h"
#include "screens/review.h"
#include "screens/screens.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/listview.h"

#define LABEL_CACHE 64

struct hline {
    char *text;
    bool heading;
};

struct label_cache {
    const struct lookupdef *lookup;
    char *key, *label;
};

struct history {
    const struct formdef *form;
    long long id;
    struct listview lv;
    struct lv_column column;
    struct hline *lines;
    int n, cap;
    const char *cells[1];
    struct label_cache cache[LABEL_CACHE];
    int ncache;
    char title[256];
    int top, rows, cols;
};

/* Append a line (text copied); false when out of memory. */
static bool
add_line(struct history *h, const char *text, bool heading)
{
    char *copy;

    if (h->n == h->cap) {
        int cap = h->cap ? h->cap * 2 : 64;
        struct hline *v = realloc(h->lines, (size_t)cap * sizeof(*v));

        if (v == NULL)
            return false;
        h->lines = v;
        h->cap = cap;
    }
    if ((copy = strdup(text)) == NULL)
        return false;
    h->lines[h->n++] = (struct hline){copy, heading};
    return true;
}

static void
drop_lines(struct history *h)
{
    for (int i = 0; i < h->n; i++)
        free(h->lines[i].text);
    free(h->lines);
    h->lines = NULL;
    h->n = h->cap = 0;
}

/* The name of lookup key of d (cached), or key itself. */
static const char *
lookup_label(struct screen *s, const struct fielddef *d, const char *key)
{
    struct history *h = s->data;
    const struct lookupdef *l = lookupset_find(s->app->lookups, d->lookup);
    struct db_error err;
    char *label, *k;

    if (l == NULL)
        return key;
    for (int i = 0; i < h->ncache; i++)
        if (h->cache[i].lookup == l && strcmp(h->cache[i].key, key) == 0)
            return h->cache[i].label;
    if (h->ncache == LABEL_CACHE)
        return key;
    if ((label = record_lookup_label(s->app->db, l, key, &err)) == NULL)
        return key;
    if ((k = strdup(key)) == NULL) {
        free(label);
        return key;
    }
    h->cache[h->ncache++] = (struct label_cache){l, k, label};
    return label;
}

/* A value of field d (NULL: a column the form does not know) as shown. */
static const char *
shown_value(struct screen *s, const struct fielddef *d, const char *column,
            const char *v)
{
    if (v == NULL || v[0] == '\0')
        return _("(empty)");
    if (d == NULL)
        return strcmp(column, "status") == 0 ? status_marker(v) : v;
    switch (d->type) {
    case FT_CHOICE:
        return fielddef_choice_label(d, v, s->app->zh);
    case FT_BOOL:
        return v[0] == 't' ? _("Yes") : _("No");
    case FT_LOOKUP:
        return lookup_label(s, d, v);
    default:
        return v;
    }
}

/* The grid of f whose table is table, or NULL. */
static const struct griddef *
grid_of(const struct formdef *f, const char *table)
{
    for (size_t g = 0; g < f->ngrids; g++)
        if (strcmp(f->grids[g].table, table) == 0)
            return &f->grids[g];
    return NULL;
}

/* The heading of one audit entry (row i of r). */
static bool
add_heading(struct screen *s, const struct dbres *r, int i)
{
    struct history *h = s->data;
    const char *table = dbres_field(r, i, "table_name");
    const char *reason = dbres_field(r, i, "reason");
    const struct griddef *g = grid_of(h->form, table ? table : "");
    char who[192], line[1024], part[256] = "";

    review_person(dbres_field(r, i, "actor"), dbres_field(r, i, "actor_name"),
                  who, sizeof(who));
    if (g != NULL)
        snprintf(part, sizeof(part), " \xc2\xb7 %s %s",
                 label_text(&g->title, s->app->zh),
                 dbres_field(r, i, "row_id"));
    else if (table != NULL && strcmp(table, h->form->table) != 0)
        snprintf(part, sizeof(part), " \xc2\xb7 %s %s",
                 strcmp(table, "student_subsidy") == 0 ? _("Subsidy")
                 : strcmp(table, "transfer_request") == 0
                     ? _("Transfer request")
                     : table,
                 dbres_field(r, i, "row_id"));
    snprintf(line, sizeof(line), "%s  %s  %s%s", dbres_field(r, i, "at"),
             review_action_label(dbres_field(r, i, "action")), who, part);
    if (!add_line(h, line, true))
        return false;
    if (reason != NULL && reason[0] != '\0') {
        snprintf(line, sizeof(line), _("    Reason: %s"), reason);
        return add_line(h, line, false);
    }
    return true;
}

/* Columns an entry's heading already tells (who, when, which row; of a
 * transfer request, who asked and decided when, and which household). */
static bool
is_bookkeeping(const char *col)
{
    static const char *const cols[] = {
        "id",          "created_by",   "created_at",
        "client_uuid", "requested_by", "requested_at",
        "decided_by",  "decided_at",   "household_id"};

    for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
        if (strcmp(col, cols[i]) == 0)
            return true;
    return false;
}

/* One changed field (field, old, new of row i of r) of the entry. */
static bool
add_change(struct screen *s, const struct dbres *r, int i)
{
    struct history *h = s->data;
    const char *table = dbres_field(r, i, "table_name");
    const char *col = dbres_field(r, i, "field");
    const char *action = dbres_field(r, i, "action");
    const char *old = dbres_field(r, i, "old"), *new = dbres_field(r, i, "new");
    const struct griddef *g = grid_of(h->form, table ? table : "");
    const struct fielddef *d = g ? griddef_field(g, col) : NULL;
    const char *label;
    char line[1200];

    if (is_bookkeeping(col) || (g != NULL && strcmp(col, g->parent_key) == 0))
        return true; /* the heading says it, or the record itself does */
    if (table != NULL && strcmp(table, h->form->table) != 0 &&
        strcmp(col, "township_id") == 0)
        return true; /* a member's township is its household's */
    if (d == NULL)   /* a field of the record itself */
        d = formdef_field(h->form, col);
    label = d != NULL                    ? label_text(&d->label, s->app->zh)
            : strcmp(col, "status") == 0 ? _("Status")
            : strcmp(col, "reason") == 0 ? _("Reason")
            : strcmp(col, "state") == 0  ? _("State")
            : strcmp(col, "to_township_id") == 0 ? _("To")
            : strcmp(col, "refusal_reason") == 0 ? _("Reason for refusal")
                                                 : col;
    if (strcmp(action, "insert") == 0) {
        if (new == NULL || new[0] == '\0')
            return true; /* a new record's empty fields are no news */
        /* TRANSLATORS: a field and its value in a record's history */
        snprintf(line, sizeof(line), _("    %s: %s"), label,
                 shown_value(s, d, col, new));
    } else if (strcmp(action, "delete") == 0) {
        snprintf(line, sizeof(line), _("    %s: %s -> %s"), label,
                 shown_value(s, d, col, old), _("(deleted)"));
    } else {
        /* TRANSLATORS: a field, its old value and its new one */
        snprintf(line, sizeof(line), _("    %s: %s -> %s"), label,
                 shown_value(s, d, col, old), shown_value(s, d, col, new));
    }
    return add_line(h, line, false);
}

/* Load the history into lines; false after reporting a failure. */
static bool
load(struct screen *s)
{
    struct history *h = s->data;
    struct db_error err;
    struct dbres *r;
    const char *last = NULL;
    bool ok = true;

    drop_lines(h);
    listview_reset(&h->lv);
    r = history_of(s->app->db, h->form, h->id, &err);
    if (r == NULL && err.status == DB_NO_MEMORY) {
        app_status(s->app, "%s", _("out of memory"));
        return false;
    }
    if (r == NULL) {
        app_error(s->app, &err);
        return false;
    }
    for (int i = 0; ok && i < r->nrows; i++) {
        const char *n = dbres_field(r, i, "n");

        if (last == NULL || strcmp(last, n) != 0)
            ok = add_heading(s, r, i);
        last = n;
        if (ok && dbres_field(r, i, "field") != NULL)
            ok = add_change(s, r, i);
    }
    dbres_free(r);
    if (!ok)
        app_status(s->app, "%s", _("out of memory"));
    listview_set_rows(&h->lv, h->n, false);
    return ok;
}

static bool
history_row(void *arg, int index, struct lv_row *row)
{
    struct history *h = arg;

    if (index < 0 || index >= h->n)
        return false;
    h->cells[0] = h->lines[index].text;
    row->cells = h->cells;
    if (h->lines[index].heading)
        row->attr = UA_HEADER;
    return true;
}

static void
history_layout(struct screen *s, int top, int rows, int cols)
{
    struct history *h = s->data;

    h->top = top;
    h->rows = rows;
    h->cols = cols;
    listview_layout(&h->lv, top, 0, rows, cols);
}

static void
history_draw(struct screen *s)
{
    struct history *h = s->data;

    listview_draw(&h->lv);
}

static enum key_result
history_key(struct screen *s, const struct key *k)
{
    struct history *h = s->data;

    switch (k->action) {
    case ACT_REFRESH:
        load(s);
        return KR_REDRAW;
    case ACT_BACK:
    case ACT_HISTORY:
        return KR_CLOSE;
    default:
        return listview_key(&h->lv, k);
    }
}

/* No Enter: every change is on the screen already (issue 12: the bar
 * offered an Enter that showed the same line again). */
static const enum action history_actions_list[] = {ACT_REFRESH, ACT_HELP,
                                                   ACT_BACK, ACT_NONE};

static const enum action *
history_actions(struct screen *s)
{
    (void)s;
    return history_actions_list;
}

static const char *
history_title(struct screen *s)
{
    struct history *h = s->data;

    return h->title;
}

static void
history_close(struct screen *s)
{
    struct history *h = s->data;

    drop_lines(h);
    for (int i = 0; i < h->ncache; i++) {
        free(h->cache[i].key);
        free(h->cache[i].label);
    }
    listview_free(&h->lv);
    free(h);
    free(s);
}

static const struct screen_ops history_ops = {
    .name = "history",
    .layout = history_layout,
    .draw = history_draw,
    .key = history_key,
    .resumed = NULL,
    .actions = history_actions,
    .title = history_title,
    .close = history_close,
};

struct screen *
history_screen_new(struct app *a, const struct formdef *f, long long id)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct history *h = calloc(1, sizeof(*h));

    if (s == NULL || h == NULL) {
        free(s);
        free(h);
        return NULL;
    }
    *s = (struct screen){.ops = &history_ops, .app = a, .data = h};
    h->form = f;
    h->id = id;
    snprintf(h->title, sizeof(h->title), _("History: %s %lld"),
             label_text(&f->title, a->zh), id);
    h->column = (struct lv_column){NULL, 0, false};
    listview_init(&h->lv, &h->column, 1, history_row, h);
    h->lv.header = false;
    h->lv.empty_text =
        _("No history: the record is not visible to you, or has none.");
    load(s);
    return s;
}
