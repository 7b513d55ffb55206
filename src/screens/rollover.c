/*
 * rollover.c
 *   新学年, the September rollover (sql/repeatable/42_rollover.sql) for a
 *   clerk or officer: one township, one school year to roll into (at
 *   first the server's school year, or the next one when the server's is
 *   done and the next has something to propose or records already). Above the
 * list, both years' numbers -- households counted the year before, still to
 *   propose, already there -- and the chosen year's records by state.
 *   F3 proposes the chosen year's records of the township as drafts
 *   (eduaid.rollover, after a confirmation; when nothing is left to
 *   propose it says so); the list shows the year's
 *   records (household number, head, state, children in school, stages
 *   changed, leavers, a note on rows to look at). Enter opens one in the
 *   form of kind household_year, to confirm or correct it; Space marks
 *   (* marks every record the person may submit); F10 submits the marked
 *   ones (or the selected one), each in its own transaction, and then
 *   says which were submitted and why the others were not. F4 picks the
 *   township and year, y/Y steps the year, F12 shows a record's history.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/textbuf.h"
#include "db/record.h"
#include "db/rollover.h"
#include "screens/listbase.h"
#include "screens/review.h"
#include "screens/screens.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/keys.h"

#define KIND "household_year"
#define NCOLS 6

struct rollover {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    int township;
    char township_name[64];
    int current;                       /* the server's school year */
    int year;                          /* the year rolled into */
    struct dbres *now, *next, *chosen; /* rollover_status of current,
                                           current + 1, year */
    char note[64];                     /* the note cell of the row drawn */
    char empty[160];                   /* the empty list's text */
    char years[3][24]; /* the F4 pick list's years (it keeps pointers) */
};

/* ---- numbers ------------------------------------------------------------ */

static int
num(const struct dbres *r, const char *c)
{
    const char *v = r != NULL && r->nrows > 0 ? dbres_field(r, 0, c) : NULL;

    return v != NULL ? atoi(v) : 0;
}

/* The status of rolling into year, or NULL (said on the status line). */
static struct dbres *
status_of(struct screen *s, int year)
{
    struct rollover *r = s->data;
    struct db_error err;
    struct dbres *res = rollover_status(s->app->db, r->township, year, &err);

    if (res == NULL)
        app_error(s->app, &err);
    return res;
}

static void
load_status(struct screen *s)
{
    struct rollover *r = s->data;

    dbres_free(r->now);
    dbres_free(r->next);
    dbres_free(r->chosen);
    r->now = status_of(s, r->current);
    r->next = status_of(s, r->current + 1);
    r->chosen = status_of(s, r->year);
}

static bool
fetch_rows(struct screen *s)
{
    struct rollover *r = s->data;
    struct db_error err;
    struct dbres *res;

    load_status(s);
    if ((res = rollover_list(s->app->db, r->township, r->year, &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&r->lb, res);
}

static const char *const rollover_shows[NCOLS] = {
    "household_no", "head_name", "pupils", "changed", "leavers", NULL};

static bool
rollover_row(struct screen *s, int index, const char **cells,
             struct lv_row *row)
{
    struct rollover *r = s->data;
    int check = atoi(cell(r, index, "to_check"));

    row->status = status_marker(cell(r, index, "status"));
    row->status_attr = status_attr(cell(r, index, "status"));
    r->note[0] = '\0';
    if (check > 0)
        snprintf(r->note, sizeof(r->note), _("check %d"), check);
    cells[5] = r->note;
    return true;
}

/* ---- drawing ------------------------------------------------------------ */

/* "> 2026→2027: 296 counted, 296 to propose, 0 there": rolling into year
 * with its numbers st; the chosen year marked. */
static void
year_line(struct screen *s, int line, int year, const struct dbres *st)
{
    struct rollover *r = s->data;
    char text[256];

    snprintf(text, sizeof(text),
             _("%s%d->%d: %d counted in %d, %d to propose, %d "
               "records of %d"),
             year == r->year ? "> " : "  ", year - 1, year,
             num(st, "counted_before"), year - 1, num(st, "to_propose"),
             num(st, "records"), year);
    listbase_line(&r->lb, line, text, year == r->year ? UA_LABEL : UA_NORMAL,
                  DRAW_PAD | DRAW_MARK_CUT);
}

static void
rollover_draw(struct screen *s)
{
    struct rollover *r = s->data;
    char line[512], marked[64] = "";

    if (r->lb.lv.nmarked > 0)
        snprintf(marked, sizeof(marked), _("   Marked: %d"), r->lb.lv.nmarked);
    snprintf(line, sizeof(line), _("Township: %s   Into school year: %d%s"),
             r->township_name, r->year, marked);
    listbase_line(&r->lb, 0, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    year_line(s, 1, r->current, r->now);
    year_line(s, 2, r->current + 1, r->next);
    snprintf(line, sizeof(line),
             _("%d: %s %d \xc2\xb7 %s %d \xc2\xb7 %s %d \xc2\xb7 %s %d "
               "\xc2\xb7 %s %d"),
             r->year, status_marker("draft"), num(r->chosen, "drafts"),
             status_marker("submitted"), num(r->chosen, "submitted"),
             status_marker("verified"), num(r->chosen, "verified"),
             status_marker("approved"), num(r->chosen, "approved"),
             status_marker("rejected"), num(r->chosen, "rejected"));
    listbase_line(&r->lb, 3, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&r->lb.lv);
    listbase_line(&r->lb, -1,
                  _("Space marks, * marks all drafts, y/Y year before/after"),
                  UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
}

/* ---- the rollover ------------------------------------------------------- */

static void
run(struct screen *s)
{
    struct rollover *r = s->data;
    struct db_error err;
    struct dbres *res;
    char question[512];

    if (num(r->chosen, "to_propose") == 0) {
        snprintf(question, sizeof(question),
                 _("Nothing to propose: every household counted in %d has "
                   "a record of %d."),
                 r->year - 1, r->year);
        dialog_message(s->app, _("New school year"), question);
        return;
    }
    snprintf(question, sizeof(question),
             _("Propose the records of school year %d for %s as drafts: %d "
               "households counted in %d have none yet. Go ahead?"),
             r->year, r->township_name, num(r->chosen, "to_propose"),
             r->year - 1);
    if (!dialog_confirm(s->app, _("New school year"), question, true))
        return;
    if ((res = rollover_run(s->app->db, r->township, r->year - 1, &err)) ==
        NULL) {
        app_error(s->app, &err);
        return;
    }
    app_status(s->app,
               _("Proposed %d drafts (%d pupils, %d left school); %d there "
                 "already."),
               num(res, "households"), num(res, "pupils"), num(res, "leavers"),
               num(res, "already"));
    dbres_free(res);
    r->lb.reload = LB_FROM_TOP;
    reload(s);
    r->lb.reload = LB_KEEP_SELECTION;
}

/* ---- submitting --------------------------------------------------------- */

/* "FX1000053 于平": row i as people name it. */
static void
describe(struct rollover *r, int i, char *buf, size_t bufsz)
{
    snprintf(buf, bufsz, "%s %s", cell(r, i, "household_no"),
             cell(r, i, "head_name"));
}

/* Submit row i in its own transaction with the version shown; the result
 * into ok or bad. True when submitted. */
static bool
submit_row(struct screen *s, int i, struct textbuf *ok, struct textbuf *bad)
{
    struct rollover *r = s->data;
    struct db_error err;
    char what[256];

    describe(r, i, what, sizeof(what));
    if (review_step(s->app, KIND, atoll(cell(r, i, "id")),
                    atoi(cell(r, i, "version")), "submit", NULL, NULL,
                    &err) != 0) {
        app_keep_error(s->app, &err);
        textbuf_add(bad, "  %s: %s\n", what, review_error_text(s->app, &err));
        return false;
    }
    textbuf_add(ok, "  %s\n", what);
    return true;
}

/* Submit the marked records (or the selected one) after one confirmation,
 * then say which were submitted and which not, and why. */
static void
submit_marked(struct screen *s)
{
    struct rollover *r = s->data;
    int n = listbase_nrows(&r->lb), sel = listbase_selected(&r->lb);
    int count = r->lb.lv.nmarked > 0 ? r->lb.lv.nmarked : 1, done = 0;
    struct textbuf ok = {0}, bad = {0}, all = {0};
    char question[256];

    if (sel < 0)
        return;
    snprintf(question, sizeof(question), _("Submit %d records?"), count);
    if (!dialog_confirm(s->app, _("Submit"), question, true))
        return;
    for (int i = 0; i < n; i++)
        if (r->lb.lv.nmarked > 0 ? listview_marked(&r->lb.lv, i) : i == sel)
            done += submit_row(s, i, &ok, &bad) ? 1 : 0;
    textbuf_add(&all, _("%d submitted, %d not."), done, count - done);
    textbuf_add(&all, "\n");
    if (count > done)
        textbuf_add(&all, "\n%s\n%s", _("Not submitted:"), bad.s ? bad.s : "");
    if (done > 0)
        textbuf_add(&all, "\n%s\n%s", _("Submitted:"), ok.s ? ok.s : "");
    listview_clear_marks(&r->lb.lv);
    reload(s);
    if (all.failed || ok.failed || bad.failed)
        app_status(s->app, _("%d submitted, %d not."), done, count - done);
    else
        dialog_message(s->app, _("Result"), all.s);
    free(ok.s);
    free(bad.s);
    free(all.s);
}

/* Mark every record the person may submit; clear the marks when those
 * are all marked already. */
static void
mark_all(struct screen *s)
{
    struct rollover *r = s->data;
    const char *role = db_role(s->app->db);
    int n = listbase_nrows(&r->lb), may = 0;

    for (int i = 0; i < n; i++)
        may += review_may_submit(role, KIND, cell(r, i, "status")) ? 1 : 0;
    if (may > 0 && r->lb.lv.nmarked == may) {
        listview_clear_marks(&r->lb.lv);
        return;
    }
    listview_clear_marks(&r->lb.lv);
    for (int i = 0; i < n; i++)
        if (review_may_submit(role, KIND, cell(r, i, "status")))
            listview_set_mark(&r->lb.lv, i, true);
    if (may == 0)
        app_status(s->app, "%s", _("No record here can be submitted."));
}

/* ---- township and year -------------------------------------------------- */

static void
set_year(struct screen *s, int year)
{
    struct rollover *r = s->data;

    if (year < 2015 || year > 2035)
        return;
    r->year = year;
    listview_clear_marks(&r->lb.lv);
    r->lb.reload = LB_FROM_TOP;
    reload(s);
    r->lb.reload = LB_KEEP_SELECTION;
}

/* The person's townships, in the pick list's form ("t:<id>"). */
static void
filter_choices(struct screen *s, struct listbase_filter *f)
{
    struct rollover *r = s->data;
    struct db_error err;

    if (f->townships == NULL) {
        const struct lookupdef *d = lookupset_find(s->app->lookups, "township");

        f->townships =
            d ? record_lookup(s->app->db, d, 0, NULL, 64, &err) : NULL;
    }
    for (int i = 0; f->townships != NULL && i < f->townships->nrows; i++)
        listbase_filter_add(f, 't', dbres_field(f->townships, i, "key"),
                            _("Township"),
                            dbres_field(f->townships, i, "label"));
    for (int i = 0; i < 3; i++) {
        int y = r->current - 1 + i;
        char value[16];

        snprintf(value, sizeof(value), "%d", y);
        snprintf(r->years[i], sizeof(r->years[i]), "%d->%d", y - 1, y);
        listbase_filter_add(f, 'y', value, _("School year"), r->years[i]);
    }
}

static void
filter_chosen(struct screen *s, const struct listbase_filter *f, const char *v)
{
    struct rollover *r = s->data;

    if (v[0] == 'y') {
        r->year = atoi(v + 2);
    } else {
        listbase_filter_township(f, v, &r->township, r->township_name,
                                 sizeof(r->township_name));
    }
    listview_clear_marks(&r->lb.lv);
    r->lb.reload = LB_FROM_TOP;
}

/* ---- keys --------------------------------------------------------------- */

static void
open_row(struct screen *s, int sel, bool history)
{
    struct rollover *r = s->data;
    const struct formdef *f = app_form(s->app, KIND);
    long long id = atoll(cell(r, sel, "id"));
    struct screen *next = NULL;

    if (f != NULL)
        next = history ? history_screen_new(s->app, f, id)
                       : form_screen_new(s->app, f, id);
    if (next != NULL)
        app_push(s->app, next);
}

static enum key_result
rollover_key(struct screen *s, const struct key *k)
{
    struct rollover *r = s->data;
    int sel = listbase_selected(&r->lb);

    switch (k->action) {
    case ACT_NEW:
        run(s);
        return KR_REDRAW;
    case ACT_OPEN:
    case ACT_HISTORY:
        if (sel >= 0)
            open_row(s, sel, k->action == ACT_HISTORY);
        return KR_REDRAW;
    case ACT_SUBMIT:
        submit_marked(s);
        return KR_REDRAW;
    case ACT_MARK_ALL:
        mark_all(s);
        return KR_REDRAW;
    case ACT_FILTER:
    case ACT_REFRESH: {
        enum key_result kr = listbase_key(&r->lb, k);

        r->lb.reload = LB_KEEP_SELECTION;
        return kr;
    }
    default:
        break;
    }
    if (!k->is_function && (k->code == 'y' || k->code == 'Y')) {
        set_year(s, r->year + (k->code == 'y' ? -1 : 1));
        return KR_REDRAW;
    }
    return listbase_key(&r->lb, k);
}

static const enum action rollover_actions_list[] = {
    ACT_NEW,     ACT_SUBMIT, ACT_OPEN, ACT_FILTER, ACT_HISTORY,
    ACT_REFRESH, ACT_HELP,   ACT_BACK, ACT_NONE};

static const enum action *
rollover_actions(struct screen *s)
{
    (void)s;
    return rollover_actions_list;
}

static const char *
rollover_action_label(struct screen *s, enum action a)
{
    (void)s;
    switch (a) {
    case ACT_NEW:
        return _("Propose");
    case ACT_FILTER:
        return _("Township/year");
    default:
        return NULL;
    }
}

static const char *
rollover_title(struct screen *s)
{
    (void)s;
    return _("New school year");
}

static void
rollover_close(struct screen *s)
{
    struct rollover *r = s->data;

    dbres_free(r->now);
    dbres_free(r->next);
    dbres_free(r->chosen);
    listbase_close(s);
}

static const struct screen_ops rollover_ops = {
    .name = "rollover",
    .layout = listbase_layout,
    .draw = rollover_draw,
    .key = rollover_key,
    .resumed = listbase_resumed,
    .actions = rollover_actions,
    .available = listbase_available,
    .action_label = rollover_action_label,
    .title = rollover_title,
    .close = rollover_close,
};

static const struct listbase_ops rollover_list_ops = {
    .fetch = fetch_rows,
    .row = rollover_row,
    .filter_choices = filter_choices,
    .filter_chosen = filter_chosen,
    .shows = rollover_shows};

/* The first of the person's townships, and the server's school year; the
 * year rolled into: the server's, unless it has nothing left to propose
 * and the next one has (or has records already: the drafts to confirm).
 * False when the person has no township. */
static bool
start(struct screen *s)
{
    struct rollover *r = s->data;
    const struct lookupdef *d = lookupset_find(s->app->lookups, "township");
    struct db_error err;
    struct dbres *t = d ? record_lookup(s->app->db, d, 0, NULL, 1, &err) : NULL;
    struct dbres *y = rollover_current_year(s->app->db, &err);
    bool ok = t != NULL && t->nrows > 0 && y != NULL && y->nrows > 0;

    if (ok) {
        r->township = atoi(dbres_field(t, 0, "key"));
        snprintf(r->township_name, sizeof(r->township_name), "%s",
                 dbres_field(t, 0, "label"));
        r->current = r->year = atoi(dbres_field(y, 0, "year"));
        load_status(s);
        if (num(r->now, "to_propose") == 0 &&
            (num(r->next, "to_propose") > 0 || num(r->next, "records") > 0))
            r->year = r->current + 1;
    }
    dbres_free(t);
    dbres_free(y);
    return ok;
}

struct screen *
rollover_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &rollover_ops, sizeof(struct rollover));
    struct rollover *r;

    if (s == NULL)
        return NULL;
    r = s->data;
    r->columns[0] = (struct lv_column){_("Household"), 10, false};
    r->columns[1] = (struct lv_column){_("Head"), 10, false};
    r->columns[2] = (struct lv_column){_("Pupils"), 7, true};
    r->columns[3] = (struct lv_column){_("Changed"), 8, true};
    r->columns[4] = (struct lv_column){_("Left"), 6, true};
    r->columns[5] = (struct lv_column){_("Note"), 0, false};
    listbase_init(&r->lb, s, &rollover_list_ops, r->columns, NCOLS);
    r->lb.above = 4;
    r->lb.below = 1;
    r->lb.lv.multi = true;
    r->lb.lv.status_width = 10;
    {
        char key[32];

        keys_names(ACT_NEW, KEYS_PRIMARY, key, sizeof(key));
        snprintf(r->empty, sizeof(r->empty),
                 _("No records of this school year yet: %s proposes them."),
                 key);
        r->lb.lv.empty_text = r->empty;
    }
    if (!start(s)) {
        app_status(s->app, "%s", _("You work in no township."));
        r->lb.lv.empty_text = _("You work in no township.");
        return s;
    }
    listbase_reload(&r->lb);
    return s;
}
