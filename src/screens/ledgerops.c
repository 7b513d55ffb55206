/*
 * ledgerops.c
 *   The steps the ledger screens share (ledger.h): record a persuasion
 *   visit, confirm a dropout, close a case as back in school -- each asks
 *   in dialogs and calls one server function of sql/012_ledgers.sql with
 *   the answers as parameters -- the pick list over a query, and the
 *   refusals of the ledger rules in the user's words.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "db/ledger.h"
#include "db/messages.h"
#include "screens/ledger.h"
#include "screens/session.h"
#include "ui/dialog.h"

#define PICK_MAX 50

const char *
ledger_key(enum ledger_kind k)
{
    static const char *const keys[LEDGER_COUNT] = {"school_age", "suspected",
                                                   "confirmed", "returned"};

    return k < LEDGER_COUNT ? keys[k] : "school_age";
}

const char *
ledger_title(enum ledger_kind k)
{
    switch (k) {
    case LEDGER_SUSPECTED:
        return _("Suspected dropouts");
    case LEDGER_CONFIRMED:
        return _("Confirmed dropouts");
    case LEDGER_RETURNED:
        return _("Back in school this year");
    case LEDGER_SCHOOL_AGE:
    default:
        return _("School-age children");
    }
}

char *
ledger_today(char *buf, size_t bufsz)
{
    int today = date_today_yyyymmdd();

    if (today == 0)
        snprintf(buf, bufsz, "%s", "");
    else
        snprintf(buf, bufsz, "%04d-%02d-%02d", today / 10000, today / 100 % 100,
                 today % 100);
    return buf;
}

/* A ledger's rule refused the entry: the refusal names a constraint or
 * is bad data (a date, a number) or the case's state (EA021). Those are
 * told as the server's words for them, plainly; anything else is an
 * error. */
static bool
is_rule(const struct db_error *err)
{
    return err->constraint[0] != '\0' || strncmp(err->sqlstate, "22", 2) == 0 ||
           strcmp(err->sqlstate, "EA021") == 0;
}

void
ledger_refusal(struct app *a, const struct db_error *err)
{
    const struct message *row;

    if (err == NULL || err->status != DB_ERROR || !is_rule(err) ||
        (row = messages_find(a->messages, err)) == NULL) {
        app_error(a, err);
        return;
    }
    app_keep_error(a, err);
    app_status(a, "%s", a->zh ? row->zh : row->en);
}

/* ---- the pick list over a query ---------------------------------------- */

struct pick {
    struct app *app;
    ledger_search_fn search;
    void *arg;
    struct dbres *rows;
    struct pick_item items[PICK_MAX];
};

static int
pick_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct pick *p = arg;
    struct db_error err;
    struct dbres *r;
    int n;

    r = p->search(p->app->db, filter != NULL ? filter : "", p->arg, &err);
    if (r == NULL) {
        app_error(p->app, &err);
        return -1;
    }
    dbres_free(p->rows);
    p->rows = r;
    n = r->nrows < PICK_MAX ? r->nrows : PICK_MAX;
    for (int i = 0; i < n; i++)
        p->items[i] = (struct pick_item){dbres_field(r, i, "value"),
                                         dbres_field(r, i, "label"),
                                         dbres_field(r, i, "detail")};
    *items = p->items;
    return n;
}

char *
ledger_pick(struct app *a, const char *title, ledger_search_fn search,
            void *arg)
{
    struct pick p = {.app = a, .search = search, .arg = arg};
    char *v = dialog_pick(a, title, NULL, pick_search, &p);

    dbres_free(p.rows);
    return v;
}

/* ---- the steps ---------------------------------------------------------- */

/* rc of one ledger step; true when the server took it (0), else after
 * saying why. */
static bool
run(struct app *a, int rc, const struct db_error *err)
{
    if (rc != 0) {
        ledger_refusal(a, err);
        return false;
    }
    return true;
}

/* A date, starting from today; NULL when cancelled. */
static char *
ask_date(struct app *a, const char *title, const char *label)
{
    char today[16];

    return dialog_prompt(a, PROMPT_TEXT, title, label,
                         ledger_today(today, sizeof(today)));
}

/* The outcomes, labelled in the user's language. */
static const char *const outcome_labels[DROPOUT_OUTCOMES] = {
    N_("promised to return"), N_("back in school"), N_("refused"),
    N_("not met"), N_("other")};

struct outcome_pick {
    struct app *app;
    struct dbres *rows;
    struct pick_item items[5];
};

static int
outcome_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct outcome_pick *p = arg;
    const char *labels[DROPOUT_OUTCOMES];
    struct db_error err;
    struct dbres *r;
    int n;

    for (int i = 0; i < DROPOUT_OUTCOMES; i++)
        labels[i] = _(outcome_labels[i]);
    if ((r = dropout_outcomes(p->app->db, filter, labels, &err)) == NULL) {
        app_error(p->app, &err);
        return -1;
    }
    dbres_free(p->rows);
    p->rows = r;
    n = r->nrows < 5 ? r->nrows : 5;
    for (int i = 0; i < n; i++)
        p->items[i] = (struct pick_item){dbres_field(r, i, "value"),
                                         dbres_field(r, i, "label"), NULL};
    *items = p->items;
    return n;
}

bool
ledger_record_visit(struct app *a, const char *student, const char *name)
{
    char title[256];
    char *date = NULL, *who = NULL, *outcome = NULL, *notes = NULL;
    struct outcome_pick op = {.app = a};
    bool ok = false;

    snprintf(title, sizeof(title), _("Record visit: %s"), name);
    if ((date = ask_date(a, title, _("Visit date (YYYY-MM-DD)"))) == NULL)
        goto cleanup;
    if ((who = dialog_prompt(a, PROMPT_TEXT, title, _("Who visited"), NULL)) ==
        NULL)
        goto cleanup;
    if ((outcome = dialog_pick(a, _("Outcome of the visit"), NULL,
                               outcome_search, &op)) == NULL)
        goto cleanup;
    if ((notes = dialog_prompt(a, PROMPT_TEXT, title, _("Notes (may be empty)"),
                               NULL)) == NULL)
        goto cleanup;
    {
        struct db_error err;

        ok = run(a,
                 dropout_record_visit(a->db, student, date, who, outcome,
                                      notes[0] ? notes : NULL, &err),
                 &err);
    }
    if (ok)
        app_status(a, "%s", _("Visit recorded."));
cleanup:
    dbres_free(op.rows);
    free(date);
    free(who);
    free(outcome);
    free(notes);
    return ok;
}

bool
ledger_confirm(struct app *a, const char *student, const char *name)
{
    char title[256];
    char *date;
    bool ok;

    snprintf(title, sizeof(title), _("Confirm dropout: %s"), name);
    if ((date = ask_date(a, title, _("Confirmed on (YYYY-MM-DD)"))) == NULL)
        return false;
    {
        struct db_error err;

        ok = run(a, dropout_confirm(a->db, student, date, &err), &err);
    }
    free(date);
    if (ok)
        app_status(a, "%s", _("Dropout confirmed."));
    return ok;
}

/* The schools a child may be back in (a ledger_search_fn). */
static struct dbres *
school_search(struct db *db, const char *filter, void *arg,
              struct db_error *err)
{
    (void)arg;
    return dropout_schools(db, filter, err);
}

bool
ledger_back_in_school(struct app *a, const char *student, const char *name)
{
    char title[256];
    char *date = NULL, *school = NULL;
    bool ok = false;

    snprintf(title, sizeof(title), _("Back in school: %s"), name);
    if ((date = ask_date(a, title, _("Back in school on (YYYY-MM-DD)"))) ==
        NULL)
        goto cleanup;
    if ((school = ledger_pick(a, _("The school the child is back in"),
                              school_search, NULL)) == NULL)
        goto cleanup;
    {
        struct db_error err;

        ok = run(a, dropout_return(a->db, student, date, school, &err), &err);
    }
    if (ok)
        app_status(a, "%s", _("Case closed: back in school."));
cleanup:
    free(date);
    free(school);
    return ok;
}
