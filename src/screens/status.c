/*
 * status.c
 *   Workflow status as people see it (see status.h): the session's
 *   workflow tables, held here from login to exit.
 */
#include "config.h"

#include "screens/status.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

static struct workflow *session_wf; /* status_load .. status_unload */
static bool session_zh;

/* The looks a state may name (record_status.colour) */
static const struct {
    const char *colour;
    enum ui_attr attr;
} looks[] = {
    {"draft", UA_ST_DRAFT},       {"submitted", UA_ST_SUBMITTED},
    {"verified", UA_ST_VERIFIED}, {"approved", UA_ST_APPROVED},
    {"rejected", UA_ST_REJECTED},
};

int
status_load(struct db *db, bool zh, char *msg, size_t msgsz)
{
    struct workflow *wf;
    struct db_error err;

    if (workflow_load(db, &wf, &err) != 0) {
        snprintf(msg, msgsz, _("cannot read the workflow from the server: %s"),
                 err.status == DB_NO_MEMORY ? _("out of memory") : err.message);
        return -1;
    }
    status_unload();
    session_wf = wf;
    session_zh = zh;
    return 0;
}

void
status_unload(void)
{
    workflow_free(session_wf);
    session_wf = NULL;
}

const struct workflow *
status_workflow(void)
{
    return session_wf;
}

const char *
status_marker(const char *status)
{
    const struct wf_state *s = workflow_state(session_wf, status);

    if (s == NULL)
        return status ? status : "";
    return session_zh ? s->word_zh : s->word_en;
}

enum ui_attr
status_attr(const char *status)
{
    const struct wf_state *s = workflow_state(session_wf, status);

    for (size_t i = 0; s != NULL && i < sizeof(looks) / sizeof(looks[0]); i++)
        if (strcmp(looks[i].colour, s->colour) == 0)
            return looks[i].attr;
    return UA_NORMAL;
}

bool
status_editable(const char *role, const char *status)
{
    const struct wf_state *s = status == NULL || status[0] == '\0'
                                   ? workflow_initial(session_wf)
                                   : workflow_state(session_wf, status);

    return s != NULL && workflow_word_in(s->edit_roles, role);
}

const char *
status_at(size_t i)
{
    return session_wf != NULL && i < session_wf->nstates
               ? session_wf->states[i].code
               : NULL;
}

bool
status_of_kind(const char *status, const char *kind)
{
    const struct wf_state *s = workflow_state(session_wf, status);

    return s != NULL && workflow_kind_in(s->kinds, kind);
}

const char *
status_initial(void)
{
    const struct wf_state *s = workflow_initial(session_wf);

    return s != NULL ? s->code : "";
}

bool
status_returned(const char *status)
{
    const struct wf_state *s = workflow_state(session_wf, status);

    return s != NULL && strcmp(s->stamp, "rejected") == 0;
}

bool
status_shows_changes(const char *status)
{
    const struct wf_state *s = workflow_state(session_wf, status);

    return s != NULL && !s->locked && strcmp(s->stamp, "rejected") != 0;
}
