/*
 * listbase.c
 *   The base of the list screens (see listbase.h): rows, paging,
 *   reloading, cells, search and find, layout and the common keys.
 */
#include "config.h"

#include "screens/listbase.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/match.h"
#include "db/record.h"
#include "ui/dialog.h"
#include "ui/draw.h"

/* The listview's row callback: the cells of shows, then the row op; only
 * rows that are loaded get there. */
static bool
base_row(void *arg, int index, struct lv_row *row)
{
    struct listbase *lb = arg;

    if (index < 0 || index >= listbase_nrows(lb))
        return false;
    for (int c = 0; c < lb->lv.ncolumns; c++)
        lb->cells[c] = lb->ops->shows != NULL && lb->ops->shows[c] != NULL
                           ? listbase_cell(lb, index, lb->ops->shows[c])
                           : NULL;
    row->cells = lb->cells;
    return lb->ops->row == NULL ||
           lb->ops->row(lb->screen, index, lb->cells, row);
}

/* The listview's more callback: the next keyset page. */
static void
base_more(void *arg, struct listview *lv)
{
    (void)lv;
    listbase_fetch_more(arg);
}

void
listbase_init(struct listbase *lb, struct screen *s,
              const struct listbase_ops *ops, const struct lv_column *columns,
              int ncolumns)
{
    lb->ops = ops;
    lb->screen = s;
    lb->pages.per_page = INT_MAX; /* one result holds every row */
    lb->reload = LB_KEEP_SELECTION;
    lb->above = 1;
    lb->below = 0;
    if (ncolumns > LB_MAX_COLUMNS)
        ncolumns = LB_MAX_COLUMNS;
    listview_init(&lb->lv, columns, ncolumns, base_row, lb);
}

void
listbase_paged(struct listbase *lb, int per_page)
{
    lb->pages.per_page = per_page;
    lb->lv.more = base_more;
}

static bool
one_result(const struct listbase *lb)
{
    return lb->pages.per_page == INT_MAX;
}

bool
listbase_take(struct listbase *lb, struct dbres *r)
{
    if (one_result(lb)) {
        /* the new result replaces the old one */
        pages_clear(&lb->pages);
        if (lb->reload != LB_KEEP_VIEW)
            listview_reset(&lb->lv);
    }
    if (!pages_take(&lb->pages, &lb->lv, r)) {
        app_status(lb->screen->app, "%s", _("out of memory"));
        return false;
    }
    return true;
}

bool
listbase_fetch_more(struct listbase *lb)
{
    return lb->ops->fetch(lb->screen);
}

void
listbase_reload(struct listbase *lb)
{
    int sel = listview_selected(&lb->lv);
    bool ok;

    if (one_result(lb)) {
        /* fetch first: after a failure the rows shown stay */
        struct pages keep = lb->pages;

        lb->pages.v = NULL; /* the fetch asks for the first rows */
        lb->pages.n = 0;
        ok = lb->ops->fetch(lb->screen);
        if (ok) {
            pages_clear(&keep);
        } else {
            pages_clear(&lb->pages);
            lb->pages = keep;
            listview_set_rows(&lb->lv, listbase_nrows(lb), false);
        }
    } else {
        pages_restart(&lb->pages, &lb->lv);
        ok = lb->ops->fetch(lb->screen);
    }
    if (lb->reload == LB_KEEP_SELECTION && sel > 0 && (ok || !one_result(lb)))
        listview_select(&lb->lv, sel);
}

int
listbase_nrows(const struct listbase *lb)
{
    return pages_rows(&lb->pages);
}

const struct dbres *
listbase_last(const struct listbase *lb, int *row)
{
    return pages_last(&lb->pages, row);
}

const char *
listbase_text(const struct dbres *r, int i, const char *c)
{
    const char *v = r != NULL ? dbres_field(r, i, c) : NULL;

    return v != NULL ? v : "";
}

const char *
listbase_cell(const struct listbase *lb, int i, const char *c)
{
    const struct dbres *r;
    int row;

    if (i < 0 || i >= listbase_nrows(lb))
        return "";
    r = pages_at(&lb->pages, i, &row);
    return listbase_text(r, row, c);
}

int
listbase_selected(const struct listbase *lb)
{
    return listview_selected(&lb->lv);
}

bool
listbase_find(struct listbase *lb, const char *text, const char *const *cols,
              int ncols)
{
    int n = listbase_nrows(lb), from = listbase_selected(lb);

    for (int k = 1; k <= n; k++) {
        int i = (from + k) % n;

        for (int c = 0; c < ncols; c++)
            if (strstr(listbase_cell(lb, i, cols[c]), text) != NULL) {
                listview_select(&lb->lv, i);
                return true;
            }
    }
    return false;
}

void
listbase_search_text(struct listbase *lb, char **search, const char *label)
{
    lb->search = search;
    lb->search_label = label;
}

/* '/' with a search text: ask for it, keep it, reload. */
static void
ask_search(struct listbase *lb)
{
    char *text = dialog_prompt(lb->screen->app, PROMPT_SEARCH, _("Search"),
                               lb->search_label, *lb->search);

    if (text == NULL)
        return;
    free(*lb->search);
    *lb->search = text[0] ? text : NULL;
    if (text[0] == '\0')
        free(text);
    listbase_reload(lb);
}

void
listbase_line(const struct listbase *lb, int line, const char *text,
              enum ui_attr attr, unsigned flags)
{
    int y = line >= 0 ? lb->top + line : lb->top + lb->height + line;

    draw_str(stdscr, y, 0, lb->cols, text, attr, flags);
}

/* ---- the F4 pick list ---------------------------------------------------- */

void
listbase_filter_add(struct listbase_filter *f, char key, const char *value,
                    const char *heading, const char *label)
{
    if (f->n >= LB_FILTER_MAX)
        return;
    snprintf(f->values[f->n], sizeof(f->values[f->n]), "%c:%s", key, value);
    f->items[f->n] = (struct pick_item){f->values[f->n], heading, label};
    f->n++;
}

void
listbase_filter_add_townships(struct listbase_filter *f)
{
    struct app *a = f->screen->app;
    struct db_error err;

    if (f->townships == NULL) {
        const struct lookupdef *d = lookupset_find(a->lookups, "township");

        f->townships = d ? record_lookup(a->db, d, 0, NULL, 64, &err) : NULL;
    }
    listbase_filter_add(f, 't', "0", _("Township"), _("all"));
    for (int i = 0; f->townships != NULL && i < f->townships->nrows; i++)
        listbase_filter_add(f, 't', dbres_field(f->townships, i, "key"),
                            _("Township"),
                            dbres_field(f->townships, i, "label"));
}

bool
listbase_filter_township(const struct listbase_filter *f, const char *value,
                         int *id, char *name, size_t namesz)
{
    if (value == NULL || value[0] != 't')
        return false;
    *id = atoi(value + 2);
    name[0] = '\0';
    for (int i = 0; f->townships != NULL && i < f->townships->nrows; i++)
        if (strcmp(dbres_field(f->townships, i, "key"), value + 2) == 0)
            snprintf(name, namesz, "%s", dbres_field(f->townships, i, "label"));
    return true;
}

/* The pick list's search: the list's choices whose heading or label hold
 * every word typed in the filter box. */
static int
filter_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct listbase_filter *f = arg;
    struct listbase *lb = f->screen->data;
    int n = 0;

    f->n = 0;
    lb->ops->filter_choices(f->screen, f);
    for (int i = 0; i < f->n; i++) {
        const char *texts[] = {f->items[i].label, f->items[i].detail};

        if (match_words(filter, texts, 2))
            f->items[n++] = f->items[i];
    }
    *items = f->items;
    return n;
}

/* F4: the pick list; the choice applied, the list reloaded. */
static void
choose_filter(struct listbase *lb)
{
    struct listbase_filter f = {.screen = lb->screen};
    char *v =
        dialog_pick(lb->screen->app, _("Filter"), NULL, filter_search, &f);

    if (v != NULL) {
        lb->ops->filter_chosen(lb->screen, &f, v);
        listbase_reload(lb);
    }
    free(v);
    dbres_free(f.townships);
}

enum key_result
listbase_key(struct listbase *lb, const struct key *k)
{
    switch (k->action) {
    case ACT_REFRESH:
        listbase_reload(lb);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    case ACT_SEARCH:
        if (lb->ops->search != NULL)
            lb->ops->search(lb->screen);
        else if (lb->search != NULL)
            ask_search(lb);
        else
            break;
        return KR_REDRAW;
    case ACT_FILTER:
        if (lb->ops->filter_choices == NULL)
            break;
        choose_filter(lb);
        return KR_REDRAW;
    default:
        break;
    }
    return listview_key(&lb->lv, k);
}

void
listbase_free(struct listbase *lb)
{
    if (lb->search != NULL) {
        free(*lb->search);
        *lb->search = NULL;
    }
    pages_clear(&lb->pages);
    listview_free(&lb->lv);
}

void
listbase_layout(struct screen *s, int top, int rows, int cols)
{
    struct listbase *lb = s->data;

    lb->top = top;
    lb->height = rows;
    lb->cols = cols;
    listview_layout(&lb->lv, top + lb->above, 0, rows - lb->above - lb->below,
                    cols);
}

void
listbase_resumed(struct screen *s, int result)
{
    (void)result;
    listbase_reload(s->data);
}

void
listbase_close(struct screen *s)
{
    listbase_free(s->data);
    free(s->data);
    free(s);
}

bool
listbase_available(struct screen *s, enum action a, const char **why)
{
    static const enum action on_rows[] = {
        ACT_OPEN,     ACT_PASS,       ACT_REJECT, ACT_HISTORY,
        ACT_MARK_ALL, ACT_ACCEPT,     ACT_REFUSE, ACT_WITHDRAW,
        ACT_ATTEND,   ACT_ATTEND_ALL, ACT_SUBMIT};

    if (listbase_nrows(s->data) > 0)
        return true;
    for (size_t i = 0; i < sizeof(on_rows) / sizeof(on_rows[0]); i++)
        if (a == on_rows[i]) {
            *why = _("the list has no rows");
            return false;
        }
    return true;
}

struct screen *
listbase_screen_new(struct app *a, const struct screen_ops *ops, size_t size)
{
    struct screen *s = calloc(1, sizeof(*s));
    void *data = calloc(1, size);

    if (s == NULL || data == NULL) {
        free(s);
        free(data);
        return NULL;
    }
    *s = (struct screen){.ops = ops, .app = a, .data = data};
    return s;
}
