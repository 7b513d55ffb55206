/*
 * ledger.h
 *   The ledger screens (issue 5) and the steps they share. The steps ask
 *   what they need in dialogs and call the server's functions of
 *   sql/012_ledgers.sql; the server checks every rule, and a refusal is
 *   put on the status line in the user's words (ledger_refusal). Each step
 *   returns true when the server accepted it.
 */
#ifndef EDUAID_SCREENS_LEDGER_H
#define EDUAID_SCREENS_LEDGER_H

#include <stdbool.h>

#include "db/db.h"
#include "screens/session.h"
#include "ui/app.h"
#include "ui/screen.h"

/* The three dropout ledgers and this year's returns. */
enum ledger_kind {
    LEDGER_SCHOOL_AGE,
    LEDGER_SUSPECTED,
    LEDGER_CONFIRMED,
    LEDGER_RETURNED,
    LEDGER_COUNT
};

/* The name the server knows a ledger by ("school_age", ...). */
const char *ledger_key(enum ledger_kind k);
/* Its title in the user's language. */
const char *ledger_title(enum ledger_kind k);

/* Today as YYYY-MM-DD into buf (at least 11 bytes). */
char *ledger_today(char *buf, size_t bufsz);

/* A refusal of the ledger functions: the rule it breaks in the user's
 * words on the status line, the error kept for the details view. */
void ledger_refusal(struct app *a, const struct db_error *err);

/* Record a persuasion-to-return visit to the child (student id as text;
 * name for the dialogs): date, who visited, outcome, notes. */
bool ledger_record_visit(struct app *a, const char *student, const char *name);
/* Confirm the child's dropout, with the date. */
bool ledger_confirm(struct app *a, const char *student, const char *name);
/* Close the child's case as back in school: the date and the school. */
bool ledger_back_in_school(struct app *a, const char *student,
                           const char *name);

/* The rows of a pick list for the filter text a person typed: columns
 * value, label, detail (a new dbres), or NULL with err. arg is
 * ledger_pick's. */
typedef struct dbres *(*ledger_search_fn)(struct db *db, const char *filter,
                                          void *arg, struct db_error *err);

/*
 * ledger_pick
 *
 * A pick list over search (called with arg for each filter text); at
 * most 50 rows are shown. Returns the chosen value (malloc'd, the caller
 * frees it) or NULL when cancelled.
 */
char *ledger_pick(struct app *a, const char *title, ledger_search_fn search,
                  void *arg);

/* The screens. */
struct screen *ledger_screen_new(struct app *a);
struct screen *ledger_visits_screen_new(struct app *a, const char *student,
                                        const char *name);
struct screen *homevisit_screen_new(struct app *a);
struct screen *trainledger_screen_new(struct app *a);
/* The trainees of one batch of a course, with their attendance. */
struct screen *trainbatch_screen_new(struct app *a, const char *course_id,
                                     const char *course, const char *batch);

#endif /* EDUAID_SCREENS_LEDGER_H */
