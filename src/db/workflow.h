/*
 * workflow.h
 *   The workflow as the server defines it (eduaid.record_status and
 *   eduaid.workflow_step, sql/023_workflow_data.sql), read once per
 *   session: every state with its words, its look and who may edit a
 *   record in it; every step with its action, role, from and to state,
 *   the kinds it applies to, whether it needs a reason, its four-eyes
 *   rule. The server enforces them; the client reads them to say and
 *   offer what the server will do, so that a state or step added there
 *   needs no change here.
 *
 *   Lists of kinds and roles are space-separated words ("" for kinds:
 *   every kind). Every string is owned by the struct workflow.
 */
#ifndef EDUAID_DB_WORKFLOW_H
#define EDUAID_DB_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"

struct wf_state {
    const char *code;    /* "draft", "submitted", ... */
    const char *word_zh; /* "草稿" */
    const char *word_en; /* "draft" */
    /* the look: the status attribute of that name, one of "draft",
     * "submitted", "verified", "approved", "rejected" */
    const char *colour;
    const char *stamp;      /* the <stamp>_by/_at it fills, or "" */
    const char *kinds;      /* the kinds that have it; "" every kind */
    const char *edit_roles; /* who may edit a record's data in it */
    bool locked;            /* read-only until reopened */
    bool initial;           /* new records start here */
};

struct wf_step {
    const char *action; /* "submit", "verify", "approve", "reject", ... */
    const char *role;   /* "clerk", "officer", "supervisor" */
    const char *from, *to;
    const char *kinds;     /* "" every kind */
    const char *four_eyes; /* "" none; else "created", "submitted", ... */
    bool reason_required;
    bool by_notice; /* taken by the public notice, not eduaid.transition() */
};

struct workflow {
    struct wf_state *states; /* in their order (sort_order) */
    size_t nstates;
    struct wf_step *steps; /* by action, role, from */
    size_t nsteps;
    struct dbres *res_[2]; /* own the strings */
};

/* Read both tables. 0 and *out (free with workflow_free), or -1 with err
 * filled in (DB_NO_MEMORY when out of memory). */
int workflow_load(struct db *db, struct workflow **out, struct db_error *err);
void workflow_free(struct workflow *wf);

/* The state called code, or NULL. */
const struct wf_state *workflow_state(const struct workflow *wf,
                                      const char *code);
/* The state new records start in, or NULL. */
const struct wf_state *workflow_initial(const struct workflow *wf);

/* Is word one of the space-separated words of list? */
bool workflow_word_in(const char *list, const char *word);
/* Does a kinds list ("" = every kind) take kind? kind NULL: any. */
bool workflow_kind_in(const char *kinds, const char *kind);

/* The step eduaid.transition() takes for action (NULL: any action) by
 * role on a record of kind (NULL: any kind) in state from (NULL: any
 * state), or NULL: the first of them in the table's order. Steps of the
 * public notice are never returned. */
const struct wf_step *workflow_step(const struct workflow *wf,
                                    const char *action, const char *role,
                                    const char *kind, const char *from);

/* Has role a four-eyes step (a review: verify, approve, reject)? */
bool workflow_role_reviews(const struct workflow *wf, const char *role);

/*
 * workflow_save_blocks
 *
 * Four-eyes foresight (issue 12 item 4): the step (an action, e.g.
 * "verify") the person logged in could take on record id of kind now and
 * would lose by saving an edit of it, as eduaid.save_blocks_own_step()
 * says -- the server's rule, never the client's. 1 with the action in
 * step[stepsz], 0 when none (step ""), -1 with err.
 */
int workflow_save_blocks(struct db *db, const char *kind, long long id,
                         char *step, size_t stepsz, struct db_error *err);

#endif /* EDUAID_DB_WORKFLOW_H */
