/*
 * review.c
 *   The review steps shared by the queue, the form and the returned list
 *   (see review.h): what a role may do in which state, one workflow call
 *   per record, the reason prompt, refusals and waiting times in words.
 */
#include "config.h"

#include "screens/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/record.h"
#include "db/workflow.h"
#include "screens/status.h"
#include "ui/dialog.h"

static bool
is(const char *s, const char *what)
{
    return s != NULL && strcmp(s, what) == 0;
}

/* The actions behind ACT_PASS, in the order it tries them. */
static const char *const pass_actions[] = {"verify", "approve"};

/* The step role takes with action on a record of kind in status ("" for
 * a new record: the initial state), from the session's workflow. */
static const struct wf_step *
step_of(const char *action, const char *role, const char *kind,
        const char *status)
{
    if (status == NULL)
        return NULL;
    return workflow_step(status_workflow(), action, role, kind,
                         status[0] != '\0' ? status : status_initial());
}

const char *
review_pass_action(const char *role, const char *kind, const char *status)
{
    for (size_t i = 0; i < sizeof(pass_actions) / sizeof(pass_actions[0]); i++)
        if (step_of(pass_actions[i], role, kind, status) != NULL)
            return pass_actions[i];
    return NULL;
}

bool
review_may_submit(const char *role, const char *kind, const char *status)
{
    return step_of("submit", role, kind, status) != NULL;
}

bool
review_may_reject(const char *role, const char *kind, const char *status)
{
    return step_of("reject", role, kind, status) != NULL;
}

bool
review_may_reopen(const char *role, const char *kind, const char *status)
{
    return step_of("reopen", role, kind, status) != NULL;
}

const char *
review_next_status(const char *role, const char *kind, const char *status,
                   const char *action)
{
    const struct wf_step *s = step_of(action, role, kind, status);

    return s != NULL ? s->to : NULL;
}

bool
review_has_queue(const char *role)
{
    return workflow_role_reviews(status_workflow(), role);
}

bool
review_has_returned(const char *role)
{
    return workflow_step(status_workflow(), "submit", role, NULL, NULL) != NULL;
}

int
review_step(struct app *a, const char *kind, long long id, int version,
            const char *action, const char *reason, int *new_version,
            struct db_error *err)
{
    const struct formdef *f = app_form(a, kind);
    int v = 0;

    db_error_clear(err);
    if (f == NULL) {
        err->status = DB_ERROR;
        snprintf(err->sqlstate, sizeof(err->sqlstate), "EA010");
        snprintf(err->message, sizeof(err->message), "unknown kind %s",
                 kind ? kind : "");
        return -1;
    }
    /* a lost connection: the db layer reconnected (or could not); the
     * transition is not repeated (review.h) */
    if (record_transition(a->db, f, id, version, action, reason, &v, err) != 0)
        return -1;
    if (new_version != NULL)
        *new_version = v;
    return 0;
}

char *
review_prompt_reason(struct app *a, const char *title, const char *label,
                     const char *initial)
{
    for (;;) {
        char *r = dialog_prompt(a, PROMPT_REASON, title, label, initial);
        const char *p = r;

        if (r == NULL)
            return NULL;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != '\0')
            return r;
        free(r);
        initial = NULL;
        label = _("A reason is required. Reason (Esc cancels):");
    }
}

char *
review_ask_reason(struct app *a, const char *title, const char *what)
{
    char label[512];

    if (what != NULL && what[0] != '\0')
        snprintf(label, sizeof(label), _("%s -- reason (required):"), what);
    else
        snprintf(label, sizeof(label), "%s", _("Reason (required):"));
    return review_prompt_reason(a, title, label, NULL);
}

const char *
review_error_text(const struct app *a, const struct db_error *e)
{
    return session_error_text(a, e);
}

char *
review_age(long long seconds, char *buf, size_t bufsz)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 3600)
        snprintf(buf, bufsz, _("%lld min"), seconds / 60);
    else if (seconds < 48 * 3600)
        snprintf(buf, bufsz, _("%lld h"), seconds / 3600);
    else
        snprintf(buf, bufsz, _("%lld d"), seconds / 86400);
    return buf;
}

static const struct {
    const char *action, *label;
} action_labels[] = {
    {"insert", N_("created")},       {"update", N_("changed")},
    {"delete", N_("deleted")},       {"submit", N_("submitted")},
    {"verify", N_("verified")},      {"approve", N_("approved")},
    {"reject", N_("returned")},      {"reopen", N_("reopened")},
    {"notice", N_("put on notice")}, {"finalize", N_("made final")},
};

const char *
review_action_label(const char *action)
{
    for (size_t i = 0; i < sizeof(action_labels) / sizeof(action_labels[0]);
         i++)
        if (is(action, action_labels[i].action))
            return _(action_labels[i].label);
    return action != NULL ? action : "";
}

char *
review_person(const char *login, const char *name, char *buf, size_t bufsz)
{
    if (name != NULL && name[0] != '\0')
        snprintf(buf, bufsz, "%s (%s)", name, login ? login : "");
    else
        snprintf(buf, bufsz, "%s", login ? login : "");
    return buf;
}
