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
#include "screens/listbase.h"
#include "screens/screens.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define PAGE_ROWS 100
#define MAX_COLS 16

struct list {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    const struct formdef *form;
    struct lv_column columns[MAX_COLS];
    int ncolumns;
    char status_filter[16];
    int township_filter;
    char township_name[64];
    char *search;
};

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
    if ((last = listbase_last(&l->lb, &lastrow)) != NULL) {
        q.after_updated_at = dbres_field(last, lastrow, "updated_at");
        q.after_id = atoll(listbase_text(last, lastrow, "id"));
    }
    if ((r = record_list_page(s->app->db, l->form, s->app->lookups, &q,
                              &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&l->lb, r);
}

/* The township, the form's list columns (choices as their labels), the
 * status as the marker. */
static bool
list_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct list *l = s->data;

    cells[0] = cell(l, index, "township");
    for (int c = 1; c < l->ncolumns; c++) {
        const char *name = l->form->columns[c - 1].field;
        const char *v = cell(l, index, name);
        const struct fielddef *fd = formdef_field(l->form, name);

        cells[c] = fd != NULL && fd->type == FT_CHOICE
                       ? fielddef_choice_label(fd, v, s->app->zh)
                       : v;
    }
    row->status = status_marker(cell(l, index, "status"));
    row->status_attr = status_attr(cell(l, index, "status"));
    return true;
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
    listbase_line(&l->lb, 0, line, UA_LABEL, DRAW_PAD);
    listview_draw(&l->lb.lv);
}

/* F4: one pick list of statuses (all, then each state the kind has, from
 * the session's workflow: at most 32) and townships; the choice sets that
 * filter. */
#define N_FILTER_STATES (1 + 32)

static void
filter_choices(struct screen *s, struct listbase_filter *f)
{
    struct list *l = s->data;
    int n = 0;

    listbase_filter_add(f, 's', "", _("Status"), _("all"));
    n++;
    for (size_t i = 0; status_at(i) != NULL && n < N_FILTER_STATES; i++) {
        if (!status_of_kind(status_at(i), l->form->kind))
            continue;
        listbase_filter_add(f, 's', status_at(i), _("Status"),
                            status_marker(status_at(i)));
        n++;
    }
    listbase_filter_add_townships(f);
}

static void
filter_chosen(struct screen *s, const struct listbase_filter *f, const char *v)
{
    struct list *l = s->data;

    if (v[0] == 's')
        snprintf(l->status_filter, sizeof(l->status_filter), "%s", v + 2);
    else
        listbase_filter_township(f, v, &l->township_filter, l->township_name,
                                 sizeof(l->township_name));
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
    struct screen *next;
    int sel;

    switch (k->action) {
    case ACT_OPEN:
        if ((sel = listbase_selected(&l->lb)) < 0)
            return KR_HANDLED;
        open_record(s, atoll(cell(l, sel, "id")));
        return KR_HANDLED;
    case ACT_NEW:
        if (!status_editable(db_role(s->app->db), "")) {
            app_status(s->app, "%s", _("your role does not create records"));
            return KR_REDRAW;
        }
        open_record(s, 0);
        return KR_HANDLED;
    case ACT_HISTORY:
        if ((sel = listbase_selected(&l->lb)) < 0)
            return KR_HANDLED;
        if ((next = history_screen_new(s->app, l->form,
                                       atoll(cell(l, sel, "id")))) == NULL)
            app_status(s->app, "%s", _("out of memory"));
        app_push(s->app, next);
        return KR_REDRAW;
    default:
        return listbase_key(&l->lb, k);
    }
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

/* F3 only for a role that creates records (issue 12: an auditor's list
 * offered it, and the new form could not be saved). */
static bool
list_available(struct screen *s, enum action a, const char **why)
{
    if (!listbase_available(s, a, why))
        return false;
    if (a == ACT_NEW && !status_editable(db_role(s->app->db), "")) {
        *why = _("your role does not create records");
        return false;
    }
    return true;
}

static const char *
list_title(struct screen *s)
{
    struct list *l = s->data;

    return label_text(&l->form->title, s->app->zh);
}

static const struct screen_ops list_ops = {
    .name = "list",
    .layout = listbase_layout,
    .draw = list_draw,
    .key = list_key,
    .resumed = listbase_resumed,
    .actions = list_actions,
    .available = list_available,
    .title = list_title,
    .close = listbase_close,
};

static const struct listbase_ops list_list = {
    .fetch = fetch_page,
    .row = list_row,
    .filter_choices = filter_choices,
    .filter_chosen = filter_chosen,
};

struct screen *
list_screen_new(struct app *a, const struct formdef *f)
{
    struct screen *s = listbase_screen_new(a, &list_ops, sizeof(struct list));
    struct list *l;

    if (s == NULL)
        return NULL;
    l = s->data;
    l->form = f;
    l->columns[0] = (struct lv_column){_("Township"), 10, false};
    l->ncolumns = 1;
    for (size_t c = 0; c < f->ncolumns && l->ncolumns < MAX_COLS; c++)
        l->columns[l->ncolumns++] = (struct lv_column){
            label_text(&f->columns[c].label, a->zh),
            c + 1 == f->ncolumns ? 0 : f->columns[c].width, false};
    listbase_init(&l->lb, s, &list_list, l->columns, l->ncolumns);
    listbase_paged(&l->lb, PAGE_ROWS);
    listbase_search_text(
        &l->lb, &l->search,
        _("Name, ID number, household number or village (empty: all)"));
    l->lb.lv.status_width = 10;
    l->lb.lv.empty_text = _("No records. F3 (Ctrl-N) makes a new one.");
    fetch_page(s);
    return s;
}
