/*
 * review.h
 *   The review steps as the screens take them (queue.c, formview.c,
 *   returned.c): which step a role may take on a record in a state, one
 *   workflow call per record with the version the person saw, the reason
 *   asked for when one is required, refusals in words, and how long
 *   something has waited. The server decides; these only choose what to
 *   offer and how to say what happened.
 */
#ifndef EDUAID_SCREENS_REVIEW_H
#define EDUAID_SCREENS_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"
#include "screens/session.h"
#include "ui/app.h"

/* The review steps of the session's workflow (src/db/workflow.h) that
 * role has on a record of kind in status ("" for a new record), which
 * mirror the server's transition step; the server decides. */
/* The workflow function behind ACT_PASS: "verify" (officer, submitted),
 * "approve" (supervisor, verified), or NULL when the role has no such
 * step there. */
const char *review_pass_action(const char *role, const char *kind,
                               const char *status);
/* May role submit / return (reject) / reopen the record? */
bool review_may_submit(const char *role, const char *kind, const char *status);
bool review_may_reject(const char *role, const char *kind, const char *status);
bool review_may_reopen(const char *role, const char *kind, const char *status);
/* The state action takes the record to, or NULL. */
const char *review_next_status(const char *role, const char *kind,
                               const char *status, const char *action);
/* True for the roles that have a review queue (officer, supervisor). */
bool review_has_queue(const char *role);
/* True for the roles that get records returned (clerk, officer). */
bool review_has_returned(const char *role);

/*
 * review_step
 *
 * One workflow call (record_transition) for record id of kind with the
 * version the person saw: action is "verify", "approve", "reject" or
 * "reopen" (reason required for the last two). One call, one
 * transaction. When the connection was lost the call is not repeated (it
 * may have committed; a refreshed view tells); the db layer has already
 * re-established the connection, or tried to (db.h). On success returns 0 and
 * sets *new_version (may be NULL); else -1 with err filled in.
 */
int review_step(struct app *a, const char *kind, long long id, int version,
                const char *action, const char *reason, int *new_version,
                struct db_error *err);

/*
 * review_ask_reason
 *
 * Ask for the reason of a return or a reopening (PROMPT_REASON, whose
 * history offers earlier reasons) until one is given. title names the
 * step, what (may be NULL) the record. Returns new malloc'd UTF-8, or
 * NULL when the person cancelled.
 */
char *review_ask_reason(struct app *a, const char *title, const char *what);
/* The same with the prompt's label and the text it starts with (initial,
 * may be NULL) given: review_ask_reason's loop. */
char *review_prompt_reason(struct app *a, const char *title, const char *label,
                           const char *initial);

/* A refusal as one sentence in the person's language: the same words
 * app_error puts on the status line (session_error_text: the server's
 * error table, else its own message). */
const char *review_error_text(const struct app *a, const struct db_error *e);

/* How long seconds is, in the largest unit that fits: "12 min", "5 h",
 * "3 d" ("12分钟", "5小时", "3天"). Into buf; returns buf. */
char *review_age(long long seconds, char *buf, size_t bufsz);

/* A workflow or audit action ("submit", "update" ...) as people say it,
 * translated; the input for unknown ones. */
const char *review_action_label(const char *action);

/* Who someone is: "full name (login)", or the login alone when the name is
 * empty. Into buf; returns buf. */
char *review_person(const char *login, const char *name, char *buf,
                    size_t bufsz);

#endif /* EDUAID_SCREENS_REVIEW_H */
