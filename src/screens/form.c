/*
 * form.c
 *   One record in a form: its sections of fields, then its grids (the
 *   household's members) as tables whose rows open in a row editor
 *   (rowedit.c). Typing goes into the focused field's line editor; choice,
 *   lookup and yes/no fields are picked (Enter or F5, Space for yes/no).
 *   F2 saves (the client's checks first, then the server's; a server error
 *   lands on the field it concerns and everything typed stays), F10
 *   submits, Esc goes back (asking before unsaved changes are dropped).
 *   The review steps (pass, return, reopen) with the version shown, and
 *   the values of the last approval for a reopened record, are here too.
 *   The drawing of fields and grids is in formview.c.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/match.h"
#include "core/text.h"
#include "db/history.h"
#include "db/messages.h"
#include "db/record.h"
#include "screens/form.h"
#include "screens/review.h"
#include "screens/screens.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/keys.h"

/* The lookup behind field d, or NULL. */
static const struct lookupdef *
lookup_of(struct app *a, const struct fielddef *d)
{
    return d->type == FT_LOOKUP ? lookupset_find(a->lookups, d->lookup) : NULL;
}

const char *
form_lookup_label(struct form *f, const struct fielddef *d, const char *key)
{
    const struct lookupdef *l = lookup_of(f->app, d);
    struct db_error err;
    char *label;

    if (l == NULL || key == NULL || key[0] == '\0')
        return key ? key : "";
    for (int i = 0; i < f->ncache; i++)
        if (f->cache[i].lookup == l && strcmp(f->cache[i].key, key) == 0)
            return f->cache[i].label;
    if ((label = record_lookup_label(f->app->db, l, key, &err)) == NULL)
        return key;
    if (f->ncache == FORM_CACHE) {
        free(f->cache[0].key);
        free(f->cache[0].label);
        memmove(f->cache, f->cache + 1, (FORM_CACHE - 1) * sizeof(f->cache[0]));
        f->ncache--;
    }
    f->cache[f->ncache].lookup = l;
    f->cache[f->ncache].key = strdup(key);
    f->cache[f->ncache].label = label;
    if (f->cache[f->ncache].key == NULL) {
        free(label);
        return key;
    }
    return f->cache[f->ncache++].label;
}

/*
 * Issue 16: what opening a record reads after the record -- the label of
 * each lookup shown, the values last approved and the member rows since
 * -- in one round trip: the statements are learnt against empty answers
 * (db_prefetch_begin: nothing here keeps what they say), sent in one
 * pipeline, and form_show_lookups and form_load_approved then read them
 * from its answers. The member rows are asked for whenever the approved
 * values are (whether there are any is learnt only from the answer).
 */
void
form_prefetch_open(struct form *f)
{
    struct db *db = f->app->db;
    struct db_error err;
    struct dbres *r;

    if (f->rec->id == 0)
        return;
    db_prefetch_begin(db);
    for (size_t i = 0; i < f->fs.n; i++) {
        const struct lookupdef *l = lookup_of(f->app, f->fs.f[i].def);
        const char *key = f->fs.f[i].value;

        if (l != NULL && key != NULL && key[0] != '\0')
            free(record_lookup_label(db, l, key, &err));
    }
    if (status_shows_changes(f->rec->status)) {
        dbres_free(history_last_approved(db, f->def->kind, f->rec->id, &err));
        if (f->def->ngrids > 0 &&
            (r = history_member_changes(db, f->def->kind, f->rec->id, &err)))
            dbres_free(r);
    }
    (void)db_prefetch_send(db, &err); /* failing: one by one, as before */
}

/* Show lookup values by their labels. */
void
form_show_lookups(struct form *f, struct fieldset *fs)
{
    for (size_t i = 0; i < fs->n; i++)
        if (fs->f[i].def->type == FT_LOOKUP && fs->f[i].value != NULL)
            fieldset_pick(fs, i, fs->f[i].value,
                          form_lookup_label(f, fs->f[i].def, fs->f[i].value));
}

/* The record's township as chosen in the form (0 when none yet). */
int
form_township(const struct form *f)
{
    int i = fieldset_find(&f->fs, "township_id");

    return i >= 0 && f->fs.f[i].value ? atoi(f->fs.f[i].value) : 0;
}

/* The most rows a lookup's pick list fetches: all there are in practice
 * (66 schools); beyond it the count says how many more match. */
#define LOOKUP_PICK_MAX 2000

struct lookup_pick {
    struct form *f;
    const struct fielddef *d;
    const struct lookupdef *l;
    struct dbres *rows;
    struct pick_item *items;
};

static int
lookup_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct lookup_pick *p = arg;
    struct lookup_only only = {p->d->only_column, p->d->only_values,
                               p->d->nonly};
    struct db_error err;
    const char *total;

    dbres_free(p->rows);
    free(p->items);
    p->items = NULL;
    p->rows =
        record_lookup_only(p->f->app->db, p->l, &only, form_township(p->f),
                           filter, LOOKUP_PICK_MAX, &err);
    if (p->rows == NULL) {
        app_error(p->f->app, &err);
        return -1;
    }
    if ((p->items = calloc((size_t)p->rows->nrows + 1, sizeof(*p->items))) ==
        NULL) {
        app_status(p->f->app, "%s", _("out of memory"));
        return -1;
    }
    for (int i = 0; i < p->rows->nrows; i++)
        p->items[i] = (struct pick_item){
            dbres_field(p->rows, i, "key"), dbres_field(p->rows, i, "label"),
            lookupdef_detail_text(p->l, dbres_field(p->rows, i, "detail"),
                                  p->f->app->zh)};
    if (p->rows->nrows > 0 &&
        (total = dbres_field(p->rows, 0, "total")) != NULL)
        dialog_pick_total(atoi(total));
    *items = p->items;
    return p->rows->nrows;
}

struct choice_pick {
    const struct fielddef *d;
    bool zh;
    struct pick_item items[32];
};

static int
choice_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct choice_pick *p = arg;
    int n = 0;

    for (size_t i = 0; i < p->d->nchoices && n < 32; i++) {
        const char *label = label_text(&p->d->choices[i].label, p->zh);
        const char *texts[] = {label, p->d->choices[i].value};

        if (!match_words(filter, texts, 2))
            continue;
        p->items[n++] = (struct pick_item){p->d->choices[i].value, label, NULL};
    }
    *items = p->items;
    return n;
}

/* A village (any lookup of scope "township") picked while the record's
 * township is empty: the township is the village's -- a clerk of two
 * townships need not pick both. */
static void
township_from_pick(struct form *f, const struct lookup_pick *p, const char *key)
{
    int t = fieldset_find(&f->fs, "township_id");
    const char *town = NULL;

    if (t < 0 || form_township(f) != 0 || f->fs.f[t].locked || p->rows == NULL)
        return;
    for (int r = 0; r < p->rows->nrows && town == NULL; r++)
        if (strcmp(dbres_field(p->rows, r, "key"), key) == 0)
            town = dbres_field(p->rows, r, "township");
    if (town != NULL)
        fieldset_pick(&f->fs, (size_t)t, town,
                      form_lookup_label(f, f->fs.f[t].def, town));
}

static bool pick_from(struct form *f, struct fieldset *fs, size_t i,
                      const char *filter);

/* Enter/F5 on a choice or lookup field of fs: the pick list. */
bool
form_pick(struct form *f, struct fieldset *fs, size_t i)
{
    return pick_from(f, fs, i, NULL);
}

bool
form_pick_typed(struct form *f, struct fieldset *fs, size_t i,
                const struct key *k)
{
    const struct fielddef *d = fs->f[i].def;
    wchar_t w[2] = {0, 0};
    char *typed;
    bool picked;

    if ((d->type != FT_CHOICE && d->type != FT_LOOKUP) || !keys_is_text(k) ||
        k->code == ' ' ||
        (k->action != ACT_NONE && k->action != ACT_KEEP_MINE &&
         k->action != ACT_KEEP_THEIRS && k->code < 0x80))
        return false; /* (1 and 2 only choose in an edit conflict) */
    w[0] = (wchar_t)k->code;
    if ((typed = text_to_utf8(w)) == NULL)
        return false;
    picked = pick_from(f, fs, i, typed);
    free(typed);
    return picked;
}

/* The pick list of field i of fs, its filter box holding filter (NULL:
 * empty). */
static bool
pick_from(struct form *f, struct fieldset *fs, size_t i, const char *filter)
{
    const struct fielddef *d = fs->f[i].def;
    const char *title = label_text(&d->label, f->app->zh);
    char *v = NULL;

    if (fs->f[i].locked) /* read-only: the server fills it */
        return false;
    if (d->type == FT_CHOICE) {
        struct choice_pick p = {.d = d, .zh = f->app->zh};

        v = dialog_pick(f->app, title, filter, choice_search, &p);
        if (v != NULL)
            fieldset_pick(fs, i, v, NULL);
    } else if (d->type == FT_LOOKUP) {
        struct lookup_pick p = {.f = f, .d = d, .l = lookup_of(f->app, d)};

        if (p.l == NULL)
            return false;
        v = dialog_pick(f->app, title, filter, lookup_search, &p);
        if (v != NULL) {
            fieldset_pick(fs, i, v, form_lookup_label(f, d, v));
            township_from_pick(f, &p, v);
        }
        dbres_free(p.rows);
        free(p.items);
    } else if (d->type == FT_BOOL) {
        v = strdup(fs->f[i].value && fs->f[i].value[0] == 't' ? "f" : "t");
        if (v != NULL)
            fieldset_pick(fs, i, v, NULL);
    }
    if (v == NULL)
        return false;
    free(v);
    fs->dirty = true;
    return true;
}

/* Copy the field states into the record; false when out of memory. */
static bool
collect(struct form *f)
{
    for (size_t i = 0; i < f->fs.n; i++) {
        char *v = fieldset_value(&f->fs, i);
        bool ok = v != NULL && record_set(f->rec, i, v);

        free(v);
        if (!ok)
            return false;
    }
    return true;
}

/* A server error as a sentence for the field it concerns: the server's
 * words for it (its error table), or for the two refusals that carry more
 * than a rule: the township that holds an ID number, a missing value. */
static void
field_error_text(const struct app *a, const struct db_error *err, char *out,
                 size_t outsz)
{
    const char *s = err->sqlstate;

    if (strcmp(s, "EA008") == 0 && err->detail[0])
        snprintf(out, outsz, _("registered in %s: call that township"),
                 err->detail);
    else if (strcmp(s, "EA008") == 0)
        snprintf(out, outsz, "%s", err->message);
    else if (strcmp(s, "23502") == 0)
        snprintf(out, outsz, "%s", _("required"));
    else
        snprintf(out, outsz, "%s", session_error_text(a, err));
}

/* The field a save error concerns: by the column or constraint the server
 * names (record_error_field), else the field of its error-table row when
 * the record's form has it. NULL: none. */
static const char *
error_field(struct form *f, const struct db_error *err, int *grid)
{
    const char *name = record_error_field(f->def, err, grid);
    const char *field = messages_field(f->app->messages, err);

    if (name != NULL || field == NULL)
        return name;
    if (fieldset_find(&f->fs, field) >= 0)
        return field;
    return NULL;
}

/* Put a save error on its field (or grid row) and focus it. */
static void
place_error(struct form *f, const struct db_error *err)
{
    int grid = -1, i;
    const char *name = error_field(f, err, &grid);
    char text[512];

    app_error(f->app, err);
    if (name == NULL)
        return;
    field_error_text(f->app, err, text, sizeof(text));
    if (grid < 0 && (i = fieldset_find(&f->fs, name)) >= 0) {
        fieldset_set_error(&f->fs, (size_t)i, text);
        f->focus = i;
    } else if (grid >= 0) {
        /* the grid and the field in words, never the column's name */
        const struct griddef *g = &f->def->grids[grid];
        const struct fielddef *d = griddef_field(g, name);

        snprintf(f->grid_error, sizeof(f->grid_error), "%.60s: %.60s: %.512s",
                 label_text(&g->title, f->app->zh),
                 d != NULL ? label_text(&d->label, f->app->zh) : "", text);
    }
}

bool
form_save(struct form *f)
{
    struct db_error err;
    int bad = form_check(f), rc;
    enum foresight fore = FORESIGHT_SAVE;
    char step[32];

    if (bad >= 0) {
        f->focus = bad;
        app_status(f->app, "%s", _("Please correct the marked fields."));
        return false;
    }
    if (!collect(f)) {
        app_status(f->app, "%s", _("out of memory"));
        return false;
    }
    f->grid_error[0] = '\0';
    /* A connection lost under the save is not saved again behind the
     * user's back (db.h): the status line says so, the values stay.
     * Issue 12 item 4: a save that would take the person's own next step
     * away is not made but announced (the server says whether, in the
     * save's own round trip); the person chooses. */
    rc = record_save_foresee(f->app->db, f->rec, f->fs.dirty && f->rec->id != 0,
                             step, sizeof(step), &err);
    if (rc == 1) {
        fore = form_foresee_step(f, step);
        if (fore != FORESIGHT_ANYWAY)
            return false;
        rc = record_save(f->app->db, f->rec, &err);
    }
    if (rc != 0) {
        /* issue 12 item 3: someone else changed the record meanwhile:
         * the person chooses per field, nothing typed is lost */
        if (strcmp(err.sqlstate, "EA007") == 0 && f->rec->id != 0 &&
            form_conflict_open(f))
            return false;
        place_error(f, &err);
        return false;
    }
    f->fs.dirty = false;
    f->conflict = false;
    form_journal_remove(f);
    if (!form_set_base(f, f->rec->values))
        app_status(f->app, "%s", _("out of memory"));
    /* the server fills the read-only fields: show what it put there */
    if (formdef_has_read_only(f->def))
        form_reload(f);
    else /* the rows' marks against the approval, as saved */
        form_load_member_diff(f);
    if (fore == FORESIGHT_ANYWAY) /* the queue no longer offers it him */
        app_status(f->app,
                   _("Saved (version %d). Another person takes the next step; "
                     "it left your queue."),
                   f->rec->version);
    else
        app_status(f->app, _("Saved (version %d)."), f->rec->version);
    return true;
}

/* The state action takes the record to, as the session's workflow says;
 * NULL when the role has no such step. */
static const char *
next_status(const struct form *f, const char *action)
{
    return review_next_status(db_role(f->app->db), f->def->kind, f->rec->status,
                              action);
}

void
form_submit(struct form *f)
{
    struct db_error err;
    const char *to;
    int version;

    if ((f->fs.dirty || f->rec->id == 0) && !form_save(f))
        return;
    if (!dialog_confirm(
            f->app, _("Submit"),
            _("Submit this record for verification? It can no longer be edited "
              "until it is returned."),
            true))
        return;
    to = next_status(f, "submit");
    if (record_transition(f->app->db, f->def, f->rec->id, f->rec->version,
                          "submit", NULL, &version, &err) != 0) {
        app_error(f->app, &err);
        return;
    }
    f->rec->version = version;
    if (to != NULL)
        snprintf(f->rec->status, sizeof(f->rec->status), "%s", to);
    f->editable = status_editable(db_role(f->app->db), f->rec->status);
    /* submitting took a copy of the facts the record depends on */
    if (formdef_has_read_only(f->def))
        form_reload(f);
    app_status(f->app, "%s", _("Submitted for verification."));
}

/* Check one grid row as its editor would; the first bad field, or -1 (and
 * -2 when out of memory). */
static int
check_row(struct form *f, const struct griddef *g, const struct grid_row *row,
          size_t ordinal)
{
    struct fieldset fs;
    int bad;

    if (!fieldset_init(&fs, g->fields, g->nfields, row->values, f->app->zh))
        return -2;
    form_show_lookups(f, &fs);
    if ((bad = fieldset_check_all(&fs)) >= 0)
        snprintf(f->grid_error, sizeof(f->grid_error),
                 "%.40s %zu: %.60s: %.200s", label_text(&g->title, f->app->zh),
                 ordinal, label_text(&fs.f[bad].def->label, f->app->zh),
                 fs.f[bad].error);
    fieldset_free(&fs);
    return bad;
}

int
form_check(struct form *f)
{
    int bad = fieldset_check_all(&f->fs), item = (int)f->fs.n;

    if (bad >= 0)
        return bad;
    for (size_t g = 0; g < f->def->ngrids; g++)
        for (size_t r = 0, ordinal = 1; r < f->rec->grids[g].count; r++) {
            const struct grid_row *row = &f->rec->grids[g].rows[r];

            if (row->deleted)
                continue;
            if (row->changed &&
                check_row(f, &f->def->grids[g], row, ordinal) != -1)
                return item;
            item++;
            ordinal++;
        }
    return -1;
}

/* ---- the review steps ------------------------------------------------- */

void
form_free_approved(struct form *f)
{
    form_free_member_diff(f);
    if (f->approved == NULL)
        return;
    for (size_t i = 0; i < f->def->nfields; i++)
        free(f->approved[i]);
    free(f->approved);
    f->approved = NULL;
}

void
form_load_approved(struct form *f)
{
    struct db_error err;
    struct dbres *r;

    form_free_approved(f);
    if (f->rec->id == 0 || !status_shows_changes(f->rec->status))
        return;
    if ((r = history_last_approved(f->app->db, f->def->kind, f->rec->id,
                                   &err)) == NULL) {
        app_error(f->app, &err);
        return;
    }
    if (r->nrows > 0 &&
        (f->approved = calloc(f->def->nfields ? f->def->nfields : 1,
                              sizeof(*f->approved))) == NULL)
        app_status(f->app, "%s", _("out of memory"));
    for (int i = 0; f->approved != NULL && i < r->nrows; i++) {
        int fi = fieldset_find(&f->fs, dbres_field(r, i, "key"));
        const char *v = dbres_field(r, i, "value");

        if (fi < 0 || v == NULL || f->approved[fi] != NULL)
            continue;
        if ((f->approved[fi] = strdup(v)) == NULL) {
            form_free_approved(f);
            app_status(f->app, "%s", _("out of memory"));
        }
    }
    dbres_free(r);
    form_load_member_diff(f); /* issue 11: the grid rows since */
}

bool
form_field_changed(const struct form *f, size_t i)
{
    const char *a, *b;

    if (f->approved == NULL || i >= f->def->nfields)
        return false;
    a = f->approved[i] ? f->approved[i] : "";
    b = f->rec->values[i] ? f->rec->values[i] : "";
    return strcmp(a, b) != 0;
}

bool
form_reload(struct form *f)
{
    struct db_error err;
    struct fieldset fs;
    struct record *rec = record_load(f->app->db, f->def, f->rec->id, &err);

    if (rec == NULL) {
        app_error(f->app, &err);
        return false;
    }
    if (!fieldset_init(&fs, f->def->fields, f->def->nfields, rec->values,
                       f->app->zh)) {
        record_free(rec);
        app_status(f->app, "%s", _("out of memory"));
        return false;
    }
    fieldset_free(&f->fs);
    record_free(f->rec);
    f->rec = rec;
    f->fs = fs;
    form_prefetch_open(f);
    form_show_lookups(f, &f->fs);
    f->fs.dirty = false;
    f->conflict = false;
    if (!form_set_base(f, rec->values))
        app_status(f->app, "%s", _("out of memory"));
    f->grid_error[0] = '\0';
    f->editable = status_editable(db_role(f->app->db), rec->status);
    if (f->focus >= form_items(f))
        f->focus = 0;
    form_load_approved(f);
    return true;
}

/* Take workflow step action (reason for return and reopen) with the
 * version shown; on success the record shows its new state (new_status,
 * from next_status: NULL keeps the one shown) and done is said. True when
 * taken. */
static bool
step(struct form *f, const char *action, const char *reason,
     const char *new_status, const char *done)
{
    struct db_error err;
    int version;
    char *copy = NULL;

    if (review_step(f->app, f->def->kind, f->rec->id, f->rec->version, action,
                    reason, &version, &err) != 0) {
        if (strcmp(err.sqlstate, "EA007") == 0 && form_reload(f)) {
            app_keep_error(f->app, &err);
            app_status(f->app, "%s",
                       _("Someone else changed the record; it has been "
                         "loaded again."));
        } else {
            app_error(f->app, &err);
        }
        return false;
    }
    if (reason != NULL && (copy = strdup(reason)) != NULL) {
        free(f->rec->reason);
        f->rec->reason = copy;
    }
    f->rec->version = version;
    if (new_status != NULL)
        snprintf(f->rec->status, sizeof(f->rec->status), "%s", new_status);
    f->editable = status_editable(db_role(f->app->db), f->rec->status);
    form_load_approved(f);
    app_status(f->app, "%s", done);
    return true;
}

/* Save unsaved changes before a step; false when that failed. */
static bool
saved(struct form *f)
{
    return !f->fs.dirty || form_save(f);
}

static void
no_step(struct form *f)
{
    app_status(f->app, "%s",
               _("Your role has no such step for this record in its present "
                 "state."));
}

bool
form_pass(struct form *f)
{
    const char *action = review_pass_action(db_role(f->app->db), f->def->kind,
                                            f->rec->id ? f->rec->status : "");
    bool verify;

    if (action == NULL) {
        no_step(f);
        return false;
    }
    verify = strcmp(action, "verify") == 0;
    if (!saved(f) ||
        !dialog_confirm(f->app, verify ? _("Verify") : _("Approve"),
                        verify ? _("Verify this record?")
                               : _("Approve this record?"),
                        true))
        return false;
    return step(f, action, NULL, next_status(f, action),
                verify ? _("Verified.") : _("Approved."));
}

bool
form_reject(struct form *f)
{
    char *reason;
    bool ok;

    if (f->rec->id == 0 ||
        !review_may_reject(db_role(f->app->db), f->def->kind, f->rec->status)) {
        no_step(f);
        return false;
    }
    if (!saved(f) ||
        (reason = review_ask_reason(f->app, _("Return"), NULL)) == NULL)
        return false;
    ok = step(f, "reject", reason, next_status(f, "reject"),
              _("Returned to its author."));
    free(reason);
    return ok;
}

bool
form_reopen(struct form *f)
{
    char *reason;
    bool ok;

    if (f->rec->id == 0 ||
        !review_may_reopen(db_role(f->app->db), f->def->kind, f->rec->status)) {
        no_step(f);
        return false;
    }
    if ((reason = review_ask_reason(f->app, _("Reopen"), NULL)) == NULL)
        return false;
    ok = step(f, "reopen", reason, next_status(f, "reopen"),
              _("Reopened as a draft; the approved values stay in the "
                "history."));
    free(reason);
    return ok;
}
