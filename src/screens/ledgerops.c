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
#include <time.h>

#include "core/i18n.h"
#include "screens/ledger.h"
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

int
ledger_school_year(void)
{
    time_t now = time(NULL);
    struct tm tm;

    if (localtime_r(&now, &tm) == NULL)
        return 2026;
    return tm.tm_year + 1900 - (tm.tm_mon < 8 ? 1 : 0);
}

char *
ledger_today(char *buf, size_t bufsz)
{
    time_t now = time(NULL);
    struct tm tm;

    if (localtime_r(&now, &tm) == NULL ||
        strftime(buf, bufsz, "%Y-%m-%d", &tm) == 0)
        snprintf(buf, bufsz, "%s", "");
    return buf;
}

/* The rules of the ledgers, by the constraint the server names. */
static const struct {
    const char *constraint;
    const char *text;
} rule_texts[] = {
    {"dropout_case_opened_on_check",
     N_("The date is in the future, or the child is not of school age (6-15) "
        "in that school year.")},
    {"dropout_case_confirmed_on_check",
     N_("The confirmation date cannot be in the future or before the case "
        "was opened.")},
    {"dropout_case_returned_on_check",
     N_("The date back in school cannot be in the future or before the case "
        "was opened or confirmed.")},
    {"dropout_case_returned_school_id_check",
     N_("Choose the school the child is back in.")},
    {"dropout_case_student_open_key",
     N_("This child already has an open case.")},
    {"dropout_visit_visit_date_check",
     N_("The visit date cannot be in the future or before the case was "
        "opened.")},
    {"dropout_visit_visitor_check", N_("Say who visited.")},
    {"dropout_visit_outcome_check", N_("Choose an outcome from the list.")},
    {"dropout_visit_notes_check", N_("The notes are too long.")},
    {"home_visit_visit_date_check",
     N_("The visit date cannot be in the future or before the placement.")},
    {"home_visit_visit_date_key",
     N_("A visit is already logged for that day.")},
    {"home_visit_hours_check",
     N_("Hours must be more than 0 and at most 8, in tenths.")},
    {"home_visit_content_check", N_("Say what was taught.")},
    {"home_visit_plan_id_check",
     N_("Not an approved, active home-delivery plan.")},
    {"home_visit_teacher_fk", N_("Choose a teacher of the township.")},
    {"training_attendance_session_date_check",
     N_("The session date must lie within the course and not in the "
        "future.")},
    {"training_attendance_session_date_key",
     N_("Attendance is already recorded for that day.")},
    {"training_attendance_hours_check",
     N_("Hours must be 0 to 12, in tenths.")},
};

void
ledger_refusal(struct app *a, const struct db_error *err)
{
    const char *text = NULL;

    if (err == NULL || err->status != DB_ERROR) {
        app_error(a, err);
        return;
    }
    for (size_t i = 0; i < sizeof(rule_texts) / sizeof(rule_texts[0]); i++)
        if (strcmp(err->constraint, rule_texts[i].constraint) == 0)
            text = _(rule_texts[i].text);
    if (text == NULL && strcmp(err->sqlstate, "EA021") == 0)
        text = _("The case's state does not allow this.");
    if (text == NULL && (strcmp(err->sqlstate, "22007") == 0 ||
                         strcmp(err->sqlstate, "22008") == 0))
        text = _("Not a date: write it as YYYY-MM-DD.");
    if (text == NULL && strcmp(err->sqlstate, "22P02") == 0)
        text = _("Not a number.");
    if (text == NULL) {
        app_error(a, err);
        return;
    }
    app_keep_error(a, err);
    app_status(a, "%s", text);
}

/* ---- the pick list over a query ---------------------------------------- */

struct pick {
    struct app *app;
    const char *sql;
    int nextra;
    const char *const *extra;
    struct dbres *rows;
    struct pick_item items[PICK_MAX];
};

static int
pick_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct pick *p = arg;
    const char *params[4] = {filter != NULL ? filter : ""};
    struct db_error err;
    struct dbres *r;
    int n;

    for (int i = 0; i < p->nextra && i < 3; i++)
        params[i + 1] = p->extra[i];
    r = db_exec(p->app->db, p->sql, 1 + (p->nextra < 3 ? p->nextra : 3), params,
                &err);
    if (r == NULL) {
        app_error(p->app, &err);
        return -1;
    }
    dbres_free(p->rows);
    p->rows = r;
    n = r->nrows < PICK_MAX ? r->nrows : PICK_MAX;
    for (int i = 0; i < n; i++)
        p->items[i] = (struct pick_item){dbres_get(r, i, 0), dbres_get(r, i, 1),
                                         dbres_get(r, i, 2)};
    *items = p->items;
    return n;
}

char *
ledger_pick(struct app *a, const char *title, const char *sql, int nextra,
            const char *const *extra)
{
    struct pick p = {.app = a, .sql = sql, .nextra = nextra, .extra = extra};
    char *v = dialog_pick(a, title, NULL, pick_search, &p);

    dbres_free(p.rows);
    return v;
}

/* ---- the steps ---------------------------------------------------------- */

/* Run one ledger function; true when the server took it. */
static bool
run(struct app *a, const char *sql, int n, const char *const *params)
{
    struct db_error err;

    if (db_command(a->db, sql, n, params, &err) != 0) {
        ledger_refusal(a, &err);
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

static const char outcome_sql[] =
    "SELECT o.v, o.l, NULL FROM (VALUES"
    " (1, 'will_return', $2), (2, 'returned', $3), (3, 'refused', $4),"
    " (4, 'not_met', $5), (5, 'other', $6)) AS o(n, v, l)"
    " WHERE o.l ILIKE '%' || $1 || '%' ORDER BY o.n";

/* The outcomes, labelled in the user's language. */
static const char *const outcome_labels[] = {
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
    const char *params[6] = {filter != NULL ? filter : ""};
    struct db_error err;
    struct dbres *r;
    int n;

    for (int i = 0; i < 5; i++)
        params[i + 1] = _(outcome_labels[i]);
    if ((r = db_exec(p->app->db, outcome_sql, 6, params, &err)) == NULL) {
        app_error(p->app, &err);
        return -1;
    }
    dbres_free(p->rows);
    p->rows = r;
    n = r->nrows < 5 ? r->nrows : 5;
    for (int i = 0; i < n; i++)
        p->items[i] =
            (struct pick_item){dbres_get(r, i, 0), dbres_get(r, i, 1), NULL};
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
        const char *params[5] = {student, date, who, outcome,
                                 notes[0] ? notes : NULL};

        ok = run(
            a, "SELECT eduaid.dropout_visit($1::bigint, $2::date, $3, $4, $5)",
            5, params);
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
        const char *params[2] = {student, date};

        ok = run(a, "SELECT eduaid.dropout_confirm($1::bigint, $2::date)", 2,
                 params);
    }
    free(date);
    if (ok)
        app_status(a, "%s", _("Dropout confirmed."));
    return ok;
}

static const char school_sql[] =
    "SELECT s.id::text, s.name, t.name FROM eduaid.school s"
    " JOIN eduaid.township t ON t.id = s.township_id"
    " WHERE s.active AND s.kind IN ('primary', 'junior', 'nine_year',"
    " 'special', 'senior_high', 'vocational')"
    " AND (s.name LIKE '%' || $1 || '%' OR t.name LIKE '%' || $1 || '%')"
    " ORDER BY (s.township_id = ANY (eduaid.my_townships())) DESC, s.name"
    " LIMIT 50";

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
                              school_sql, 0, NULL)) == NULL)
        goto cleanup;
    {
        const char *params[3] = {student, date, school};

        ok = run(a,
                 "SELECT eduaid.dropout_return($1::bigint, $2::date, $3::int)",
                 3, params);
    }
    if (ok)
        app_status(a, "%s", _("Case closed: back in school."));
cleanup:
    free(date);
    free(school);
    return ok;
}
