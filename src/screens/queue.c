/*
 * queue.c
 *   The review queue: every record of every kind waiting for the
 *   person's step (eduaid.review_queue -- an officer's submitted records,
 *   a supervisor's verified ones), oldest first, a keyset page at a time,
 *   with kind, township, a one-line summary, who submitted it and how long
 *   it has waited. F4 filters by kind, township and age; / searches;
 *   Enter opens the record read-only (form_screen_review). F7 passes the
 *   selected record -- or, after Space (or * for all) marked several,
 *   all of them in one statement after one confirmation, then
 *   lists what passed and what did not and why. F11 returns the selected
 *   record with a reason; F12 shows its history.
 */
#include "config.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/notify.h"
#include "db/passmany.h"
#include "db/record.h"
#include "db/review.h"
#include "screens/listbase.h"
#include "screens/review.h"
#include "screens/screens.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define PAGE_ROWS 100
/* Mark all loads at most this many rows first. */
#define MARK_ALL_MAX 5000
#define NCOLS 5

/* The ages F4 offers: an interval and how it reads. */
static const struct {
    const char *interval, *label;
} ages[] = {
    {"", N_("any")},
    {"1 day", N_("1 day or more")},
    {"3 days", N_("3 days or more")},
    {"7 days", N_("7 days or more")},
    {"30 days", N_("30 days or more")},
};
#define NAGES (sizeof(ages) / sizeof(ages[0]))

struct queue {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    char kind[32]; /* "" = every kind */
    int township;  /* 0 = every township */
    char township_name[64];
    size_t age; /* index into ages */
    char *search;
    char waited[32];    /* the age cell of the row being drawn */
    unsigned long seen; /* the change generation shown (db/notify.h) */
};

static int
loaded_rows(const struct queue *q)
{
    return listbase_nrows(&q->lb);
}

/* Fetch the next page; false after reporting a failure. */
static bool
fetch_page(struct screen *s)
{
    struct queue *q = s->data;
    struct db_error err;
    struct dbres *r;
    const struct review_filter f = {q->kind, q->township, ages[q->age].interval,
                                    q->search};
    int lastrow = 0;
    const struct dbres *last = listbase_last(&q->lb, &lastrow);

    if ((r = review_queue_page(s->app->db, &f, last, lastrow, PAGE_ROWS,
                               &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&q->lb, r);
}

static const char *const queue_shows[NCOLS] = {NULL, "township", "summary",
                                               NULL, NULL};

static bool
queue_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct queue *q = s->data;

    (void)row;
    cells[0] = app_kind_title(s->app, cell(q, index, "kind"));
    cells[3] = cell(q, index, "submitted_by_name")[0]
                   ? cell(q, index, "submitted_by_name")
                   : cell(q, index, "submitted_by");
    cells[4] = review_age(atoll(cell(q, index, "waited")), q->waited,
                          sizeof(q->waited));
    return true;
}

static void
queue_draw(struct screen *s)
{
    struct queue *q = s->data;
    char line[512], marked[64] = "";

    if (q->lb.lv.nmarked > 0)
        snprintf(marked, sizeof(marked), _("   Marked: %d"), q->lb.lv.nmarked);
    snprintf(line, sizeof(line),
             _("Kind: %s   Township: %s   Waiting: %s   Search: %s%s"),
             q->kind[0] ? app_kind_title(s->app, q->kind) : _("all"),
             q->township ? q->township_name : _("all"), _(ages[q->age].label),
             q->search ? q->search : "-", marked);
    listbase_line(&q->lb, 0, line, UA_LABEL, DRAW_PAD);
    listview_draw(&q->lb.lv);
}

/* ---- F4: kinds, townships and ages in one pick list --------------------- */

static void
filter_choices(struct screen *s, struct listbase_filter *f)
{
    struct app *a = s->app;

    listbase_filter_add(f, 'k', "", _("Kind"), _("all"));
    for (size_t i = 0; i < a->nforms && i < 8; i++)
        listbase_filter_add(f, 'k', a->forms[i]->kind, _("Kind"),
                            label_text(&a->forms[i]->title, a->zh));
    listbase_filter_add_townships(f);
    for (size_t i = 0; i < NAGES; i++) {
        char age[16];

        snprintf(age, sizeof(age), "%zu", i);
        listbase_filter_add(f, 'a', age, _("Waiting"), _(ages[i].label));
    }
}

static void
filter_chosen(struct screen *s, const struct listbase_filter *f, const char *v)
{
    struct queue *q = s->data;

    if (v[0] == 'k') {
        snprintf(q->kind, sizeof(q->kind), "%s", v + 2);
    } else if (v[0] == 'a') {
        size_t i = (size_t)atoi(v + 2);

        q->age = i < NAGES ? i : 0;
    } else {
        listbase_filter_township(f, v, &q->township, q->township_name,
                                 sizeof(q->township_name));
    }
}

/* ---- the steps ---------------------------------------------------------- */

/* "建档立卡户核查 FX1000053 于平": the kind and summary of row i. */
static void
describe(struct screen *s, int i, char *buf, size_t bufsz)
{
    struct queue *q = s->data;

    snprintf(buf, bufsz, "%s %s", app_kind_title(s->app, cell(q, i, "kind")),
             cell(q, i, "summary"));
}

/* Say that someone else changed the record and show the queue anew. */
static void
changed_meanwhile(struct screen *s, const struct db_error *err)
{
    app_keep_error(s->app, err);
    reload(s);
    app_status(s->app, "%s",
               _("Someone else changed the record; it has been loaded again."));
}

/* Pass (verify or approve) the selected record after asking. */
static void
pass_one(struct screen *s, int i)
{
    struct queue *q = s->data;
    const char *action = review_pass_action(
        db_role(s->app->db), cell(q, i, "kind"), cell(q, i, "status"));
    struct db_error err;
    char what[512], question[640];
    bool verify;

    if (action == NULL) {
        app_status(s->app, "%s", _("Your role has no step for this record."));
        return;
    }
    verify = strcmp(action, "verify") == 0;
    describe(s, i, what, sizeof(what));
    snprintf(question, sizeof(question),
             verify ? _("Verify %s?") : _("Approve %s?"), what);
    if (!dialog_confirm(s->app, verify ? _("Verify") : _("Approve"), question,
                        true))
        return;
    if (review_step(s->app, cell(q, i, "kind"), atoll(cell(q, i, "id")),
                    atoi(cell(q, i, "version")), action, NULL, NULL,
                    &err) != 0) {
        if (strcmp(err.sqlstate, "EA007") == 0)
            changed_meanwhile(s, &err);
        else
            app_error(s->app, &err);
        return;
    }
    reload(s);
    app_status(s->app, verify ? _("Verified: %s") : _("Approved: %s"), what);
}

/* A growing text for the result of a bulk step. */
struct text {
    char *s;
    size_t len, cap;
    bool failed;
};

static void text_add(struct text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
text_add(struct text *t, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (t->failed)
        return;
    for (;;) {
        size_t room = t->cap - t->len;

        va_start(ap, fmt);
        n = vsnprintf(t->s ? t->s + t->len : NULL, t->s ? room : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->failed = true;
            return;
        }
        if (t->s != NULL && (size_t)n < room) {
            t->len += (size_t)n;
            return;
        }
        {
            size_t cap = t->cap ? t->cap * 2 : 1024;
            char *grown;

            while (cap < t->len + (size_t)n + 1)
                cap *= 2;
            if ((grown = realloc(t->s, cap)) == NULL) {
                t->failed = true;
                return;
            }
            t->s = grown;
            t->cap = cap;
        }
    }
}

/* The step the first marked record takes ("verify", "approve"; "" when
 * none): the words of the bulk question follow the workflow's steps, not
 * the role's name. */
static const char *
first_marked_action(struct queue *q, const char *role, int n)
{
    for (int i = 0; i < n; i++)
        if (listview_marked(&q->lb.lv, i)) {
            const char *action = review_pass_action(role, cell(q, i, "kind"),
                                                    cell(q, i, "status"));

            return action != NULL ? action : "";
        }
    return "";
}

/* Pass every marked record with the version shown, after one
 * confirmation naming the count, in one statement (pass_many: each in
 * its own subtransaction, one round trip); then say which passed and
 * which did not, and why. */
static void
pass_marked(struct screen *s)
{
    struct queue *q = s->data;
    const char *role = db_role(s->app->db);
    int n = loaded_rows(q), count = q->lb.lv.nmarked, done = 0, failed = 0;
    bool verify = strcmp(first_marked_action(q, role, n), "verify") == 0;
    struct text ok = {0}, bad = {0}, all = {0};
    char question[256], what[512];
    struct pass_item *items = calloc((size_t)(n > 0 ? n : 1), sizeof *items);
    int *rows = calloc((size_t)(n > 0 ? n : 1), sizeof *rows);
    size_t m = 0;
    struct db_error err;

    snprintf(question, sizeof(question),
             verify ? _("Verify %d records?") : _("Approve %d records?"),
             count);
    if (items == NULL || rows == NULL ||
        !dialog_confirm(s->app, verify ? _("Verify") : _("Approve"), question,
                        true)) {
        free(items);
        free(rows);
        return;
    }
    for (int i = 0; i < n; i++) {
        const char *action =
            review_pass_action(role, cell(q, i, "kind"), cell(q, i, "status"));

        if (!listview_marked(&q->lb.lv, i))
            continue;
        if (action == NULL) {
            describe(s, i, what, sizeof(what));
            failed++;
            text_add(&bad, "  %s: %s\n", what,
                     _("Your role has no step for this record."));
            continue;
        }
        items[m] = (struct pass_item){.action = action,
                                      .kind = cell(q, i, "kind"),
                                      .id = atoll(cell(q, i, "id")),
                                      .version = atoi(cell(q, i, "version"))};
        rows[m++] = i;
    }
    if (m > 0)
        (void)pass_many(s->app->db, items, m, &err);
    for (size_t k = 0; k < m; k++) {
        describe(s, rows[k], what, sizeof(what));
        if (items[k].ok) {
            done++;
            text_add(&ok, "  %s\n", what);
            continue;
        }
        failed++;
        app_keep_error(s->app, &items[k].err);
        text_add(&bad, "  %s: %s\n", what,
                 review_error_text(s->app, &items[k].err));
    }
    free(items);
    free(rows);
    text_add(&all,
             verify ? _("%d verified, %d not.") : _("%d approved, %d not."),
             done, failed);
    text_add(&all, "\n");
    if (failed > 0)
        text_add(&all, "\n%s\n%s", _("Not passed:"), bad.s ? bad.s : "");
    if (done > 0)
        text_add(&all, "\n%s\n%s", _("Passed:"), ok.s ? ok.s : "");
    if (all.failed || ok.failed || bad.failed) {
        free(all.s);
        all = (struct text){0};
        text_add(&all,
                 verify ? _("%d verified, %d not.") : _("%d approved, %d not."),
                 done, failed);
    }
    listview_clear_marks(&q->lb.lv);
    reload(s);
    dialog_message(s->app, _("Result"), all.s ? all.s : _("Out of memory."));
    free(ok.s);
    free(bad.s);
    free(all.s);
}

/* Return the selected record to its author with a reason. */
static void
reject_one(struct screen *s, int i)
{
    struct queue *q = s->data;
    struct db_error err;
    char what[512], *reason;

    if (!review_may_reject(db_role(s->app->db), cell(q, i, "kind"),
                           cell(q, i, "status"))) {
        app_status(s->app, "%s", _("Your role has no step for this record."));
        return;
    }
    describe(s, i, what, sizeof(what));
    if ((reason = review_ask_reason(s->app, _("Return"), what)) == NULL)
        return;
    if (review_step(s->app, cell(q, i, "kind"), atoll(cell(q, i, "id")),
                    atoi(cell(q, i, "version")), "reject", reason, NULL,
                    &err) != 0) {
        if (strcmp(err.sqlstate, "EA007") == 0)
            changed_meanwhile(s, &err);
        else
            app_error(s->app, &err);
    } else {
        reload(s);
        app_status(s->app, _("Returned to its author: %s"), what);
    }
    free(reason);
}

static void
open_history(struct screen *s, int i)
{
    struct queue *q = s->data;
    const struct formdef *f = app_form(s->app, cell(q, i, "kind"));
    struct screen *h =
        f ? history_screen_new(s->app, f, atoll(cell(q, i, "id"))) : NULL;

    if (h == NULL) {
        app_status(s->app, "%s", _("out of memory"));
        return;
    }
    app_push(s->app, h);
}

static void
open_record(struct screen *s, int i)
{
    struct queue *q = s->data;
    const struct formdef *f = app_form(s->app, cell(q, i, "kind"));
    struct screen *form =
        f ? form_screen_review(s->app, f, atoll(cell(q, i, "id"))) : NULL;

    if (form != NULL)
        app_push(s->app, form);
}

/* Mark every row (loading the rest first), or clear the marks when all
 * are marked already. */
static void
mark_all(struct screen *s)
{
    struct queue *q = s->data;

    if (q->lb.lv.nmarked > 0 && q->lb.lv.nmarked == loaded_rows(q) &&
        !q->lb.lv.has_more) {
        listview_clear_marks(&q->lb.lv);
        return;
    }
    while (q->lb.lv.has_more && loaded_rows(q) < MARK_ALL_MAX)
        if (!fetch_page(s))
            break;
    for (int i = 0; i < loaded_rows(q); i++)
        listview_set_mark(&q->lb.lv, i, true);
    if (q->lb.lv.has_more)
        app_status(s->app, _("Marked the first %d records."), q->lb.lv.nmarked);
}

static enum key_result
queue_key(struct screen *s, const struct key *k)
{
    struct queue *q = s->data;
    int sel = listview_selected(&q->lb.lv);

    /* a tick after a change in my townships: load again, unless rows
     * are marked (the marks would go; later, once they are cleared) */
    if (k->code == 0 && !k->is_function && q->lb.lv.nmarked == 0 &&
        notify_news(&q->seen)) {
        reload(s);
        return KR_REDRAW;
    }
    switch (k->action) {
    case ACT_OPEN:
        if (sel >= 0)
            open_record(s, sel);
        return KR_REDRAW;
    case ACT_PASS:
        if (q->lb.lv.nmarked > 0)
            pass_marked(s);
        else if (sel >= 0)
            pass_one(s, sel);
        return KR_REDRAW;
    case ACT_REJECT:
        if (sel >= 0)
            reject_one(s, sel);
        return KR_REDRAW;
    case ACT_HISTORY:
        if (sel >= 0)
            open_history(s, sel);
        return KR_REDRAW;
    case ACT_MARK_ALL:
        mark_all(s);
        return KR_REDRAW;
    default:
        return listbase_key(&q->lb, k);
    }
}

static const enum action queue_actions_list[] = {
    ACT_PASS,     ACT_REJECT,  ACT_OPEN, ACT_HISTORY, ACT_SEARCH, ACT_FILTER,
    ACT_MARK_ALL, ACT_REFRESH, ACT_HELP, ACT_BACK,    ACT_NONE};

static const enum action *
queue_actions(struct screen *s)
{
    (void)s;
    return queue_actions_list;
}

static const char *
queue_title(struct screen *s)
{
    (void)s;
    return _("Review queue");
}

static const struct screen_ops queue_ops = {
    .name = "queue",
    .layout = listbase_layout,
    .draw = queue_draw,
    .key = queue_key,
    .resumed = listbase_resumed,
    .actions = queue_actions,
    .available = listbase_available,
    .title = queue_title,
    .close = listbase_close,
};

static const struct listbase_ops queue_list = {.fetch = fetch_page,
                                               .row = queue_row,
                                               .filter_choices = filter_choices,
                                               .filter_chosen = filter_chosen,
                                               .shows = queue_shows};

struct screen *
queue_screen_new(struct app *a)
{
    struct screen *s = listbase_screen_new(a, &queue_ops, sizeof(struct queue));
    struct queue *q;

    if (s == NULL)
        return NULL;
    q = s->data;
    q->columns[0] = (struct lv_column){_("Kind"), 16, false};
    q->columns[1] = (struct lv_column){_("Township"), 8, false};
    q->columns[2] = (struct lv_column){_("Record"), 0, false};
    q->columns[3] = (struct lv_column){_("Submitted by"), 14, false};
    q->columns[4] = (struct lv_column){_("Waited"), 7, true};
    listbase_init(&q->lb, s, &queue_list, q->columns, NCOLS);
    listbase_paged(&q->lb, PAGE_ROWS);
    listbase_search_text(
        &q->lb, &q->search,
        _("Start of the summary (e.g. household number), or a record number "
          "(empty: all)"));
    q->lb.lv.multi = true;
    q->lb.lv.empty_text = _("Nothing is waiting for you.");
    q->seen = notify_generation();
    fetch_page(s);
    return s;
}
