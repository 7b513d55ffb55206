/*
 * workflow.c
 *   The workflow tables, read once per session, and the look-ups the
 *   screens make in them, and the four-eyes foresight of a save
 *   (eduaid.save_blocks_own_step: see workflow.h).
 */
#include "config.h"

#include "db/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char states_sql[] =
    "SELECT code, word_zh, word_en, colour,"
    " coalesce(stamp, '') AS stamp,"
    " coalesce(array_to_string(kinds, ' '), '') AS kinds,"
    " array_to_string(edit_roles, ' ') AS edit_roles, locked, initial"
    " FROM eduaid.record_status ORDER BY sort_order";

static const char steps_sql[] =
    "SELECT action, role, from_status, to_status,"
    " coalesce(array_to_string(kinds, ' '), '') AS kinds,"
    " coalesce(four_eyes, '') AS four_eyes, reason_required, by_notice"
    " FROM eduaid.workflow_step ORDER BY action, role, from_status";

/* Column name of row i of r, never NULL (the queries coalesce). */
static const char *
text_at(const struct dbres *r, int i, const char *name)
{
    const char *v = dbres_field(r, i, name);

    return v != NULL ? v : "";
}

static bool
true_at(const struct dbres *r, int i, const char *name)
{
    return strcmp(text_at(r, i, name), "t") == 0;
}

static void
read_states(struct workflow *wf, const struct dbres *r)
{
    for (int i = 0; i < r->nrows; i++) {
        struct wf_state *s = &wf->states[i];

        s->code = text_at(r, i, "code");
        s->word_zh = text_at(r, i, "word_zh");
        s->word_en = text_at(r, i, "word_en");
        s->colour = text_at(r, i, "colour");
        s->stamp = text_at(r, i, "stamp");
        s->kinds = text_at(r, i, "kinds");
        s->edit_roles = text_at(r, i, "edit_roles");
        s->locked = true_at(r, i, "locked");
        s->initial = true_at(r, i, "initial");
    }
    wf->nstates = (size_t)r->nrows;
}

static void
read_steps(struct workflow *wf, const struct dbres *r)
{
    for (int i = 0; i < r->nrows; i++) {
        struct wf_step *s = &wf->steps[i];

        s->action = text_at(r, i, "action");
        s->role = text_at(r, i, "role");
        s->from = text_at(r, i, "from_status");
        s->to = text_at(r, i, "to_status");
        s->kinds = text_at(r, i, "kinds");
        s->four_eyes = text_at(r, i, "four_eyes");
        s->reason_required = true_at(r, i, "reason_required");
        s->by_notice = true_at(r, i, "by_notice");
    }
    wf->nsteps = (size_t)r->nrows;
}

int
workflow_load(struct db *db, struct workflow **out, struct db_error *err)
{
    struct workflow *wf = calloc(1, sizeof(*wf));

    *out = NULL;
    db_error_clear(err);
    if (wf == NULL) {
        err->status = DB_NO_MEMORY;
        return -1;
    }
    if ((wf->res_[0] = db_exec(db, states_sql, 0, NULL, err)) == NULL ||
        (wf->res_[1] = db_exec(db, steps_sql, 0, NULL, err)) == NULL) {
        workflow_free(wf);
        return -1;
    }
    wf->states = calloc((size_t)wf->res_[0]->nrows + 1, sizeof(*wf->states));
    wf->steps = calloc((size_t)wf->res_[1]->nrows + 1, sizeof(*wf->steps));
    if (wf->states == NULL || wf->steps == NULL) {
        workflow_free(wf);
        err->status = DB_NO_MEMORY;
        return -1;
    }
    read_states(wf, wf->res_[0]);
    read_steps(wf, wf->res_[1]);
    *out = wf;
    return 0;
}

void
workflow_free(struct workflow *wf)
{
    if (wf == NULL)
        return;
    free(wf->states);
    free(wf->steps);
    dbres_free(wf->res_[0]);
    dbres_free(wf->res_[1]);
    free(wf);
}

const struct wf_state *
workflow_state(const struct workflow *wf, const char *code)
{
    for (size_t i = 0; wf != NULL && code != NULL && i < wf->nstates; i++)
        if (strcmp(wf->states[i].code, code) == 0)
            return &wf->states[i];
    return NULL;
}

const struct wf_state *
workflow_initial(const struct workflow *wf)
{
    for (size_t i = 0; wf != NULL && i < wf->nstates; i++)
        if (wf->states[i].initial)
            return &wf->states[i];
    return NULL;
}

bool
workflow_word_in(const char *list, const char *word)
{
    size_t n = word != NULL ? strlen(word) : 0;

    if (list == NULL || n == 0)
        return false;
    for (const char *p = list; *p != '\0';) {
        size_t len = strcspn(p, " ");

        if (len == n && strncmp(p, word, n) == 0)
            return true;
        p += len;
        p += strspn(p, " ");
    }
    return false;
}

bool
workflow_kind_in(const char *kinds, const char *kind)
{
    return kind == NULL || kinds == NULL || kinds[0] == '\0' ||
           workflow_word_in(kinds, kind);
}

/* Does have match want? A NULL want matches anything. */
static bool
matches(const char *want, const char *have)
{
    return want == NULL || strcmp(want, have) == 0;
}

const struct wf_step *
workflow_step(const struct workflow *wf, const char *action, const char *role,
              const char *kind, const char *from)
{
    for (size_t i = 0; wf != NULL && role != NULL && i < wf->nsteps; i++) {
        const struct wf_step *s = &wf->steps[i];

        if (!s->by_notice && matches(action, s->action) &&
            strcmp(role, s->role) == 0 && matches(from, s->from) &&
            workflow_kind_in(s->kinds, kind))
            return s;
    }
    return NULL;
}

bool
workflow_role_reviews(const struct workflow *wf, const char *role)
{
    for (size_t i = 0; wf != NULL && role != NULL && i < wf->nsteps; i++)
        if (!wf->steps[i].by_notice && wf->steps[i].four_eyes[0] != '\0' &&
            strcmp(wf->steps[i].role, role) == 0)
            return true;
    return false;
}

int
workflow_save_blocks(struct db *db, const char *kind, long long id, char *step,
                     size_t stepsz, struct db_error *err)
{
    static const char sql[] =
        "SELECT eduaid.save_blocks_own_step($1::text, $2::bigint) AS step";
    char idbuf[32];
    const char *params[2] = {kind, idbuf};
    struct dbres *res;
    const char *v;
    int rc;

    if (stepsz > 0)
        step[0] = '\0';
    snprintf(idbuf, sizeof idbuf, "%lld", id);
    if ((res = db_exec(db, sql, 2, params, err)) == NULL)
        return -1;
    v = res->nrows > 0 ? dbres_field(res, 0, "step") : NULL;
    rc = v != NULL && v[0] != '\0';
    if (rc)
        snprintf(step, stepsz, "%s", v);
    dbres_free(res);
    return rc;
}
