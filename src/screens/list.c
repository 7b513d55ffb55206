/*
 * list.c
 *   The records of one kind the person may see, newest change first, a
 *   keyset page at a time (record_list_page; never OFFSET), with the
 *   status as a coloured marker that also reads in monochrome, filters by
 *   status and township (F4), search (/), a new record (F3), Enter to
 *   open one and F12 for its history. Columns come from the form
 *   definition; personal data shows in its masked columns.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/record.h"
#include "screens/pages.h"
#include "screens/screens.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/listview.h"

#define PAGE_ROWS 100
#define MAX_COLS 16

struct list {
    const struct formdef *form;
    struct listview lv;
    struct lv_column columns[MAX_COLS];
    int ncolumns;
    struct pages pages; /* PAGE_ROWS rows a page */
    const char *cells[MAX_COLS];
    char status_filter[16];
    int township_filter;
    char township_name[64];
    char *search;
    int top, cols;
};

static int
loaded_rows(const struct list *l)
{
    return pages_rows(&l->pages);
}

/* Fetch the next page; false after reporting a failure. */
static bool
fetch_page(struct screen *s)
{
    struct list *l = s->data;
    struct list_query q = {0};
    struct db_error err;
    struct dbres *r;
    const struct dbres *last = NULL;
    int lastrow = 0;

    q.status = l->status_filter[0] ? l->status_filter : NULL;
    q.township_id = l->township_filter;
    q.search = l->search;
    q.limit = PAGE_ROWS;
    if ((last = pages_last(&l->pages, &lastrow)) != NULL) {
        q.after_updated_at = dbres_field(last, lastrow, "updated_at");
        q.after_id = atoll(dbres_field(last, lastrow, "id"));
    }
    if ((r = record_list_page(s->app->db, l->form, s->app->lookups, &q,
                              &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    if (!pages_take(&l->pages, &l->lv, r)) {
        app_status(s->app, "%s", _("out of memory"));
        return false;
    }
    return true;
}

static void
reload(struct screen *s)
{
    struct list *l = s->data;
    int sel = pages_restart(&l->pages, &l->lv);

    fetch_page(s);
    if (sel > 0)
        listview_select(&l->lv, sel);
}

static void
list_more(void *arg, struct listview *lv)
{
    (void)lv;
    fetch_page(arg);
}

static bool
list_row(void *arg, int index, struct lv_row *row)
{
    struct screen *s = arg;
    struct list *l = s->data;
    const struct dbres *r;
    int i;

    if (index >= loaded_rows(l))
        return false;
    r = pages_at(&l->pages, index, &i);
    l->cells[0] = dbres_field(r, i, "township");
    for (int c = 1; c < l->ncolumns; c++) {
        const char *name = l->form->columns[c - 1].field;
        const char *v = dbres_field(r, i, name);
        const struct fielddef *fd = formdef_field(l->form, name);

        l->cells[c] = fd != NULL && fd->type == FT_CHOICE
                          ? fielddef_choice_label(fd, v ? v : "", s->app->zh)
                          : v;
    }
    row->cells = l->cells;
    row->status = status_marker(dbres_field(r, i, "status"));
    row->status_attr = status_attr(dbres_field(r, i, "status"));
    return true;
}

static void
list_layout(struct screen *s, int top, int rows, int cols)
{
    struct list *l = s->data;

    l->top = top;
    l->cols = cols;
    listview_layout(&l->lv, top + 1, 0, rows - 1, cols);
}

static void
list_draw(struct screen *s)
{
    struct list *l = s->data;
    char line[512];

    snprintf(line, sizeof(line), _("Status: %s   Township: %s   Search: %s"),
             l->status_filter[0] ? status_marker(l->status_filter) : _("all"),
             l->township_filter ? l->township_name : _("all"),
             l->search ? l->search : "-");
    draw_str(stdscr, l->top, 0, l->cols, line, UA_LABEL, DRAW_PAD);
    listview_draw(&l->lv);
}

/* F4: one pick list of statuses (all, then each state the kind has, from
 * the session's workflow: at most 32) and townships; the choice sets that
 * filter. */
#define N_FILTER_STATES (1 + 32)

struct filter_pick {
    struct screen *s;
    struct pick_item items[N_FILTER_STATES + 1 + 64];
    char values[N_FILTER_STATES + 1 + 64][24];
    struct dbres *townships;
};

static int
filter_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct filter_pick *p = arg;
    struct db_error err;
    int n = 0;

    (void)filter;
    snprintf(p->values[n], sizeof(p->values[n]), "s:");
    p->items[n] = (struct pick_item){p->values[n], _("Status"), _("all")};
    n++;
    for (size_t i = 0; status_at(i) != NULL && n < N_FILTER_STATES; i++) {
        const struct list *l = p->s->data;

        if (!status_of_kind(status_at(i), l->form->kind))
            continue;
        snprintf(p->values[n], sizeof(p->values[n]), "s:%s", status_at(i));
        p->items[n] = (struct pick_item){p->values[n], _("Status"),
                                         status_marker(status_at(i))};
        n++;
    }
    if (p->townships == NULL) {
        const struct lookupdef *d =
            lookupset_find(p->s->app->lookups, "township");

        p->townships =
            d ? record_lookup(p->s->app->db, d, 0, NULL, 64, &err) : NULL;
    }
    snprintf(p->values[n], sizeof(p->values[n]), "t:0");
    p->items[n] = (struct pick_item){p->values[n], _("Township"), _("all")};
    n++;
    for (int i = 0; p->townships != NULL && i < p->townships->nrows &&
                    n < (int)N_FILTER_STATES + 1 + 64;
         i++, n++) {
        snprintf(p->values[n], sizeof(p->values[n]), "t:%s",
                 dbres_field(p->townships, i, "key"));
        p->items[n] = (struct pick_item){p->values[n], _("Township"),
                                         dbres_field(p->townships, i, "label")};
    }
    *items = p->items;
    return n;
}

static void
choose_filter(struct screen *s)
{
    struct list *l = s->data;
    struct filter_pick p = {.s = s};
    char *v = dialog_pick(s->app, _("Filter"), NULL, filter_search, &p);

    if (v != NULL && v[0] == 's') {
        snprintf(l->status_filter, sizeof(l->status_filter), "%s", v + 2);
    } else if (v != NULL && v[0] == 't') {
        l->township_filter = atoi(v + 2);
        l->township_name[0] = '\0';
        for (int i = 0; p.townships != NULL && i < p.townships->nrows; i++)
            if (strcmp(dbres_field(p.townships, i, "key"), v + 2) == 0)
                snprintf(l->township_name, sizeof(l->township_name), "%s",
                         dbres_field(p.townships, i, "label"));
    }
    if (v != NULL)
        reload(s);
    free(v);
    dbres_free(p.townships);
}

static void
ask_search(struct screen *s)
{
    struct list *l = s->data;
    char *q = dialog_prompt(
        s->app, PROMPT_SEARCH, _("Search"),
        _("Name, ID number, household number or village (empty: all)"),
        l->search);

    if (q == NULL)
        return;
    free(l->search);
    l->search = q[0] ? q : NULL;
    if (q[0] == '\0')
        free(q);
    reload(s);
}

static void
open_record(struct screen *s, long long id)
{
    struct list *l = s->data;
    struct screen *f = form_screen_new(s->app, l->form, id);

    if (f == NULL)
        return;
    app_push(s->app, f);
}

static enum key_result
list_key(struct screen *s, const struct key *k)
{
    struct list *l = s->data;
    const struct dbres *r;
    struct screen *next;
    int sel, i;

    switch (k->action) {
    case ACT_OPEN:
        if ((sel = listview_selected(&l->lv)) < 0)
            return KR_HANDLED;
        r = pages_at(&l->pages, sel, &i);
        open_record(s, atoll(dbres_field(r, i, "id")));
        return KR_HANDLED;
    case ACT_NEW:
        open_record(s, 0);
        return KR_HANDLED;
    case ACT_HISTORY:
        if ((sel = listview_selected(&l->lv)) < 0)
            return KR_HANDLED;
        r = pages_at(&l->pages, sel, &i);
        if ((next = history_screen_new(s->app, l->form,
                                       atoll(dbres_field(r, i, "id")))) == NULL)
            app_status(s->app, "%s", _("out of memory"));
        app_push(s->app, next);
        return KR_REDRAW;
    case ACT_SEARCH:
        ask_search(s);
        return KR_REDRAW;
    case ACT_FILTER:
        choose_filter(s);
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
list_resumed(struct screen *s, int result)
{
    (void)result;
    reload(s);
}

static const enum action list_actions_list[] = {
    ACT_OPEN,    ACT_NEW,  ACT_SEARCH, ACT_FILTER, ACT_HISTORY,
    ACT_REFRESH, ACT_HELP, ACT_BACK,   ACT_NONE};

static const enum action *
list_actions(struct screen *s)
{
    (void)s;
    return list_actions_list;
}

static const char *
list_title(struct screen *s)
{
    struct list *l = s->data;

    return label_text(&l->form->title, s->app->zh);
}

static void
list_close(struct screen *s)
{
    struct list *l = s->data;

    pages_clear(&l->pages);
    listview_free(&l->lv);
    free(l->search);
    free(l);
    free(s);
}

static const struct screen_ops list_ops = {
    .name = "list",
    .layout = list_layout,
    .draw = list_draw,
    .key = list_key,
    .resumed = list_resumed,
    .actions = list_actions,
    .title = list_title,
    .close = list_close,
};

struct screen *
list_screen_new(struct app *a, const struct formdef *f)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct list *l = calloc(1, sizeof(*l));

    if (s == NULL || l == NULL) {
        free(s);
        free(l);
        return NULL;
    }
    *s = (struct screen){.ops = &list_ops, .app = a, .data = l};
    l->form = f;
    l->pages.per_page = PAGE_ROWS;
    l->columns[0] = (struct lv_column){_("Township"), 10, false};
    l->ncolumns = 1;
    for (size_t c = 0; c < f->ncolumns && l->ncolumns < MAX_COLS; c++)
        l->columns[l->ncolumns++] = (struct lv_column){
            label_text(&f->columns[c].label, a->zh),
            c + 1 == f->ncolumns ? 0 : f->columns[c].width, false};
    listview_init(&l->lv, l->columns, l->ncolumns, list_row, s);
    l->lv.more = list_more;
    l->lv.status_width = 10;
    l->lv.empty_text = _("No records. F3 (Ctrl-N) makes a new one.");
    fetch_page(s);
    return s;
}
