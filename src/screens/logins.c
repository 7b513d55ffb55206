/*
 * logins.c
 *   The auditor's log of logins (issue 14): eduaid.login_event newest
 *   first, a keyset page at a time (db/logins.c), with when, the login
 *   name as typed (a failure for a role that does not exist shows the
 *   name tried), the outcome, the reason in words and the client's
 *   address. F4 filters by outcome (failures only, for a first look) and
 *   time (today, the last 7 or 30 days, six months); / by user (a login,
 *   or the start of one or of a name). The rows are what the superuser's
 *   `eduaid-admin logins collect` took from the server's log.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/logins.h"
#include "screens/listbase.h"
#include "screens/screens.h"
#include "ui/draw.h"

#define PAGE_ROWS 100
#define NCOLS 5

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

/* The outcomes F4 offers: the value of the filter, how it reads. */
static const struct {
    const char *outcome, *label;
} outcomes[] = {
    {"", N_("all")},
    {"failed", N_("failed logins")},
    {"ok", N_("successful logins")},
};
#define NOUTCOMES (sizeof(outcomes) / sizeof(outcomes[0]))

/* The reason classes of 29_logins.sql, in words. */
static const struct {
    const char *reason, *label;
} reasons[] = {
    {"authorized", N_("logged in")},
    {"password", N_("wrong password")},
    {"expired", N_("password expired")},
    {"no_role", N_("no such user")},
    {"not_permitted", N_("account disabled")},
    {"rejected", N_("refused: host or no TLS")},
    {"peer", N_("system account does not match")},
    {"no_database", N_("no such database")},
    {"too_many", N_("too many connections")},
    {"other", N_("refused, other reason")},
};
#define NREASONS (sizeof(reasons) / sizeof(reasons[0]))

struct logins {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    size_t outcome; /* index into outcomes */
    size_t period;  /* index into periods */
    char *user;     /* '/' */
    char at[32];    /* the cell of the row being drawn */
};

static const char *
reason_title(const char *reason)
{
    for (size_t i = 0; i < NREASONS; i++)
        if (strcmp(reason, reasons[i].reason) == 0)
            return _(reasons[i].label);
    return reason;
}

static bool
fetch_page(struct screen *s)
{
    struct logins *d = s->data;
    struct db_error err;
    struct dbres *r;
    const struct logins_filter f = {d->user, outcomes[d->outcome].outcome,
                                    periods[d->period].interval, NULL, NULL};
    int lastrow = 0;
    const struct dbres *last = listbase_last(&d->lb, &lastrow);

    if ((r = logins_page(s->app->db, &f, last, lastrow, PAGE_ROWS, &err)) ==
        NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&d->lb, r);
}

static const char *const logins_shows[NCOLS] = {NULL, "login", NULL, NULL,
                                                "client"};

static bool
logins_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct logins *d = s->data;
    const char *at = cell(d, index, "at");

    (void)row;
    /* "12-07 04:30:15": the year is rarely in doubt in a log of logins */
    snprintf(d->at, sizeof(d->at), "%.14s", strlen(at) > 5 ? at + 5 : at);
    cells[0] = d->at;
    cells[2] =
        strcmp(cell(d, index, "outcome"), "ok") == 0 ? _("ok") : _("failed");
    cells[3] = reason_title(cell(d, index, "reason"));
    return true;
}

static void
logins_draw(struct screen *s)
{
    struct logins *d = s->data;
    char line[512];

    snprintf(line, sizeof(line), _("Outcome: %s  Time: %s  User: %s"),
             _(outcomes[d->outcome].label), _(periods[d->period].label),
             d->user ? d->user : "-");
    listbase_line(&d->lb, 0, line, UA_LABEL, DRAW_PAD);
    listview_draw(&d->lb.lv);
}

static void
filter_choices(struct screen *s, struct listbase_filter *f)
{
    char v[16];

    (void)s;
    for (size_t i = 0; i < NOUTCOMES; i++) {
        snprintf(v, sizeof(v), "%zu", i);
        listbase_filter_add(f, 'o', v, _("Outcome"), _(outcomes[i].label));
    }
    for (size_t i = 0; i < NPERIODS; i++) {
        snprintf(v, sizeof(v), "%zu", i);
        listbase_filter_add(f, 'p', v, _("Time"), _(periods[i].label));
    }
}

static void
filter_chosen(struct screen *s, const struct listbase_filter *f, const char *v)
{
    struct logins *d = s->data;
    size_t i = (size_t)atoi(v + 2);

    (void)f;
    if (v[0] == 'o')
        d->outcome = i < NOUTCOMES ? i : 0;
    else if (v[0] == 'p')
        d->period = i < NPERIODS ? i : 0;
}

static enum key_result
logins_key(struct screen *s, const struct key *k)
{
    struct logins *d = s->data;

    return listbase_key(&d->lb, k);
}

static const enum action logins_actions_list[] = {
    ACT_SEARCH, ACT_FILTER, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};

static const enum action *
logins_actions(struct screen *s)
{
    (void)s;
    return logins_actions_list;
}

static const char *
logins_action_label(struct screen *s, enum action a)
{
    (void)s;
    return a == ACT_SEARCH ? _("User") : NULL;
}

static const char *
logins_title(struct screen *s)
{
    (void)s;
    return _("Login log");
}

static const struct screen_ops logins_ops = {
    .name = "logins",
    .layout = listbase_layout,
    .draw = logins_draw,
    .key = logins_key,
    .resumed = listbase_resumed,
    .actions = logins_actions,
    .available = listbase_available,
    .title = logins_title,
    .action_label = logins_action_label,
    .close = listbase_close,
};

static const struct listbase_ops logins_list = {.fetch = fetch_page,
                                                .row = logins_row,
                                                .filter_choices =
                                                    filter_choices,
                                                .filter_chosen = filter_chosen,
                                                .shows = logins_shows};

struct screen *
logins_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &logins_ops, sizeof(struct logins));
    struct logins *d;

    if (s == NULL)
        return NULL;
    d = s->data;
    d->columns[0] = (struct lv_column){_("Time"), 14, false};
    d->columns[1] = (struct lv_column){_("Login"), 16, false};
    d->columns[2] = (struct lv_column){_("Outcome"), 7, false};
    d->columns[3] = (struct lv_column){_("Cause"), 0, false};
    d->columns[4] = (struct lv_column){_("Client"), 15, false};
    d->outcome = 1; /* failures first: what an auditor looks for */
    listbase_init(&d->lb, s, &logins_list, d->columns, NCOLS);
    listbase_paged(&d->lb, PAGE_ROWS);
    listbase_search_text(
        &d->lb, &d->user,
        _("A login, or the start of a login or a name (empty: everyone)"));
    d->lb.lv.empty_text = _("No logins match (collected by eduaid-admin "
                            "logins collect).");
    fetch_page(s);
    return s;
}
