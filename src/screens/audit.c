/*
 * audit.c
 *   The auditor's audit-log browser: eduaid.audit_log newest first, a
 *   keyset page at a time (db/audit.c), with when, who, township, record
 *   kind, action and record. F4 filters by kind, township, action (one
 *   choice is the log of exports, action 'export') and time (today, the
 *   last 7 or 30 days, six months, or dates typed in); / filters by user
 *   (a login, or the start of a login or a name). Enter shows one entry
 *   in full: who, when, the reason, and the old and new
 *   values as the server lets the role read them (the masked values when
 *   it may read only those -- the server decides, the screen shows).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/audit.h"
#include "screens/listbase.h"
#include "screens/review.h"
#include "screens/screens.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define PAGE_ROWS 100
#define NCOLS 6

/* The time ranges F4 offers: an interval back from now, how it reads. */
static const struct {
    const char *interval, *label;
} periods[] = {
    {"", N_("any time")},
    {"1 day", N_("last 24 hours")},
    {"7 days", N_("last 7 days")},
    {"30 days", N_("last 30 days")},
    {"6 months", N_("last 6 months")},
};
#define NPERIODS (sizeof(periods) / sizeof(periods[0]))
#define PERIOD_DATES NPERIODS /* dates typed in: from .. to */

/* The actions F4 offers: the value of the filter, how it reads. */
static const struct {
    const char *actions, *label;
} action_choices[] = {
    {"", N_("all")},
    {"export", N_("exports")},
    {"insert,update,delete", N_("created, changed, deleted")},
    {"submit,verify,approve,reject,reopen", N_("workflow steps")},
    {"notice,finalize", N_("public notice")},
};
#define NACTIONS (sizeof(action_choices) / sizeof(action_choices[0]))

struct audit {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    char kind[32];
    int township; /* 0 = every township */
    char township_name[64];
    size_t action; /* index into action_choices */
    size_t period; /* index into periods, or PERIOD_DATES */
    char from[16], to[16];
    char *user;              /* '/' */
    char at[32], record[96]; /* cells of the row being drawn */
};

/* The kinds of entry that are not record forms (37_triggers.sql). */
static const struct {
    const char *kind, *label;
} other_kinds[] = {
    {"user", N_("User account")},
    {"reference", N_("Reference data")},
    {"notice", N_("Public notice")},
    {"objection", N_("Objection")},
    {"dropout", N_("Dropout control")},
    {"home_visit", N_("Home delivery")},
    {"roster", N_("Roster")},
    {"teacher", N_("Teacher")},
    {"training_attendance", N_("Attendance")},
};
#define NOTHER (sizeof(other_kinds) / sizeof(other_kinds[0]))

static const char *
kind_title(struct app *a, const char *kind)
{
    for (size_t i = 0; i < NOTHER; i++)
        if (strcmp(kind, other_kinds[i].kind) == 0)
            return _(other_kinds[i].label);
    return app_kind_title(a, kind);
}

static const char *
action_title(const char *action)
{
    if (strcmp(action, "export") == 0)
        return _("exported");
    return review_action_label(action);
}

static bool
fetch_page(struct screen *s)
{
    struct audit *d = s->data;
    struct db_error err;
    struct dbres *r;
    bool dates = d->period == PERIOD_DATES;
    const struct audit_filter f = {d->user,
                                   d->township,
                                   d->kind,
                                   action_choices[d->action].actions,
                                   dates ? NULL : periods[d->period].interval,
                                   dates ? d->from : NULL,
                                   dates ? d->to : NULL};
    int lastrow = 0;
    const struct dbres *last = listbase_last(&d->lb, &lastrow);

    if ((r = audit_page(s->app->db, &f, last, lastrow, PAGE_ROWS, &err)) ==
        NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&d->lb, r);
}

static const char *const audit_shows[NCOLS] = {NULL, NULL, "township",
                                               NULL, NULL, NULL};

static bool
audit_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct audit *d = s->data;
    const char *at = cell(d, index, "at");
    const char *key = cell(d, index, "record_key");

    (void)row;
    /* "12-07 04:30": the year is in the entry */
    snprintf(d->at, sizeof(d->at), "%.11s", strlen(at) > 5 ? at + 5 : at);
    cells[0] = d->at;
    cells[1] = cell(d, index, "actor_name")[0] ? cell(d, index, "actor_name")
                                               : cell(d, index, "actor");
    cells[3] = kind_title(s->app, cell(d, index, "kind"));
    cells[4] = action_title(cell(d, index, "action"));
    snprintf(d->record, sizeof(d->record), "%s%s%s",
             cell(d, index, "record_id"), key[0] ? " " : "", key);
    cells[5] = d->record;
    return true;
}

static const char *
period_text(struct audit *d, char *buf, size_t bufsz)
{
    if (d->period != PERIOD_DATES)
        return _(periods[d->period].label);
    snprintf(buf, bufsz, "%s..%s", d->from[0] ? d->from : "",
             d->to[0] ? d->to : "");
    return buf;
}

static void
audit_draw(struct screen *s)
{
    struct audit *d = s->data;
    char line[512], dates[40];

    snprintf(line, sizeof(line),
             _("Kind: %s  Township: %s  Operation: %s  Time: %s  User: %s"),
             d->kind[0] ? kind_title(s->app, d->kind) : _("all"),
             d->township ? d->township_name : _("all"),
             _(action_choices[d->action].label),
             period_text(d, dates, sizeof(dates)), d->user ? d->user : "-");
    listbase_line(&d->lb, 0, line, UA_LABEL, DRAW_PAD);
    listview_draw(&d->lb.lv);
}

/* ---- F4 ------------------------------------------------------------------ */

static void
filter_choices(struct screen *s, struct listbase_filter *f)
{
    struct app *a = s->app;
    char v[16];

    for (size_t i = 0; i < NACTIONS; i++) {
        snprintf(v, sizeof(v), "%zu", i);
        listbase_filter_add(f, 'a', v, _("Operation"),
                            _(action_choices[i].label));
    }
    for (size_t i = 0; i <= NPERIODS; i++) {
        snprintf(v, sizeof(v), "%zu", i);
        listbase_filter_add(f, 'p', v, _("Time"),
                            i < NPERIODS ? _(periods[i].label)
                                         : _("dates typed in..."));
    }
    listbase_filter_add(f, 'k', "", _("Kind"), _("all"));
    for (size_t i = 0; i < a->nforms && i < 8; i++)
        listbase_filter_add(f, 'k', a->forms[i]->kind, _("Kind"),
                            label_text(&a->forms[i]->title, a->zh));
    for (size_t i = 0; i < NOTHER; i++)
        listbase_filter_add(f, 'k', other_kinds[i].kind, _("Kind"),
                            _(other_kinds[i].label));
    listbase_filter_add_townships(f);
}

/* Ask for a date (YYYY-MM-DD, empty for open); false when cancelled or
 * not a date. */
static bool
ask_date(struct screen *s, const char *label, char *out, size_t outsz)
{
    char *t = dialog_prompt(s->app, PROMPT_TEXT, _("Time"), label, out);
    int y, m, dd;
    char rest;

    if (t == NULL)
        return false;
    if (t[0] != '\0' && (sscanf(t, "%4d-%2d-%2d%c", &y, &m, &dd, &rest) != 3 ||
                         m < 1 || m > 12 || dd < 1 || dd > 31)) {
        app_status_error(s->app, _("Not a date (YYYY-MM-DD): %s"), t);
        free(t);
        return false;
    }
    snprintf(out, outsz, "%s", t);
    free(t);
    return true;
}

static void
filter_chosen(struct screen *s, const struct listbase_filter *f, const char *v)
{
    struct audit *d = s->data;
    size_t i = (size_t)atoi(v + 2);

    switch (v[0]) {
    case 'k':
        snprintf(d->kind, sizeof(d->kind), "%s", v + 2);
        break;
    case 'a':
        d->action = i < NACTIONS ? i : 0;
        break;
    case 'p':
        if (i < NPERIODS) {
            d->period = i;
        } else if (ask_date(s, _("From (YYYY-MM-DD, empty: no limit)"), d->from,
                            sizeof(d->from)) &&
                   ask_date(s, _("To (YYYY-MM-DD, empty: no limit)"), d->to,
                            sizeof(d->to))) {
            d->period = PERIOD_DATES;
        }
        break;
    default:
        listbase_filter_township(f, v, &d->township, d->township_name,
                                 sizeof(d->township_name));
    }
}

/* ---- Enter: one entry in full ------------------------------------------- */

static void
show_entry(struct screen *s, int i)
{
    struct audit *d = s->data;
    struct db_error err;
    struct dbres *r = audit_entry(s->app->db, atoll(cell(d, i, "id")), &err);
    size_t size;
    char *text, who[160];
    const char *old, *new;
    bool masked;

    if (r == NULL) {
        app_error(s->app, &err);
        return;
    }
    if (r->nrows < 1) {
        dbres_free(r);
        app_status(s->app, "%s", _("The entry is no longer there."));
        return;
    }
    old = listbase_text(r, 0, "old_values");
    new = listbase_text(r, 0, "new_values");
    masked = strcmp(listbase_text(r, 0, "masked"), "t") == 0;
    size = strlen(old) + strlen(new) + 2048;
    if ((text = malloc(size)) == NULL) {
        dbres_free(r);
        app_status(s->app, "%s", _("out of memory"));
        return;
    }
    snprintf(text, size,
             "%s %s\n%s %s\n%s %s  %s %s\n%s %s %s\n%s %s\n%s %s\n\n"
             "%s%s\n%s\n\n%s%s\n%s\n",
             _("When:"), listbase_text(r, 0, "at"), _("Who:"),
             review_person(listbase_text(r, 0, "actor"),
                           listbase_text(r, 0, "actor_name"), who, sizeof(who)),
             _("Kind:"), kind_title(s->app, listbase_text(r, 0, "kind")),
             _("Operation:"), action_title(listbase_text(r, 0, "action")),
             _("Record:"), listbase_text(r, 0, "record_id"),
             listbase_text(r, 0, "record_key"), _("Township:"),
             listbase_text(r, 0, "township"), _("Reason:"),
             listbase_text(r, 0, "reason"), _("Old values"),
             masked ? _(" (masked)") : "", old[0] ? old : "-", _("New values"),
             masked ? _(" (masked)") : "", new[0] ? new : "-");
    dbres_free(r);
    dialog_message(s->app, _("Audit entry"), text);
    free(text);
}

static enum key_result
audit_key(struct screen *s, const struct key *k)
{
    struct audit *d = s->data;
    int sel = listview_selected(&d->lb.lv);

    if (k->action == ACT_OPEN) {
        if (sel >= 0)
            show_entry(s, sel);
        return KR_REDRAW;
    }
    return listbase_key(&d->lb, k);
}

static const enum action audit_actions_list[] = {
    ACT_OPEN, ACT_SEARCH, ACT_FILTER, ACT_REFRESH,
    ACT_HELP, ACT_BACK,   ACT_NONE};

static const enum action *
audit_actions(struct screen *s)
{
    (void)s;
    return audit_actions_list;
}

static const char *
audit_action_label(struct screen *s, enum action a)
{
    (void)s;
    return a == ACT_SEARCH ? _("User") : NULL;
}

static const char *
audit_title(struct screen *s)
{
    (void)s;
    return _("Audit log");
}

static const struct screen_ops audit_ops = {
    .name = "audit",
    .layout = listbase_layout,
    .draw = audit_draw,
    .key = audit_key,
    .resumed = listbase_resumed,
    .actions = audit_actions,
    .available = listbase_available,
    .title = audit_title,
    .action_label = audit_action_label,
    .close = listbase_close,
};

static const struct listbase_ops audit_list = {.fetch = fetch_page,
                                               .row = audit_row,
                                               .filter_choices = filter_choices,
                                               .filter_chosen = filter_chosen,
                                               .shows = audit_shows};

struct screen *
audit_screen_new(struct app *a, bool exports)
{
    struct screen *s = listbase_screen_new(a, &audit_ops, sizeof(struct audit));
    struct audit *d;

    if (s == NULL)
        return NULL;
    d = s->data;
    d->columns[0] = (struct lv_column){_("Time"), 11, false};
    d->columns[1] = (struct lv_column){_("User"), 12, false};
    d->columns[2] = (struct lv_column){_("Township"), 8, false};
    d->columns[3] = (struct lv_column){_("Kind"), 14, false};
    d->columns[4] = (struct lv_column){_("Operation"), 8, false};
    d->columns[5] = (struct lv_column){_("Record"), 0, false};
    if (exports)
        d->action = 1;
    listbase_init(&d->lb, s, &audit_list, d->columns, NCOLS);
    listbase_paged(&d->lb, PAGE_ROWS);
    listbase_search_text(
        &d->lb, &d->user,
        _("A login, or the start of a login or a name (empty: everyone)"));
    d->lb.lv.empty_text = _("No audit entries match.");
    fetch_page(s);
    return s;
}
