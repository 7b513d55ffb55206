/*
 * formjournal.c
 *   The form's side of the draft journal (core/journal.h): what a form
 *   holds that is not saved goes to a file whenever a field is left
 *   changed and when the form closes for any reason (a hang-up too), goes
 *   away once saved or knowingly discarded, and is laid back over the
 *   record when a later session restores it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/journal.h"
#include "screens/form.h"

void
form_journal_dir(struct app *a, char *buf, size_t bufsz)
{
    snprintf(buf, bufsz, "%s/%s", a->settings->journal_dir, db_user(a->db));
}

/* The journal of f as it stands; false when out of memory. */
static bool
build(struct form *f, struct journal *j)
{
    memset(j, 0, sizeof(*j));
    if ((j->kind = strdup(f->def->kind)) == NULL)
        return false;
    j->id = f->rec->id;
    snprintf(j->uuid, sizeof(j->uuid), "%s", f->rec->uuid);
    for (size_t i = 0; i < f->fs.n; i++) {
        char *v = fieldset_value(&f->fs, i);
        /* a saved record's fields the person did not change are left
         * out: restored over a newer version, they keep its values
         * (issue 12 item 3) */
        bool same = v != NULL && f->base != NULL &&
                    strcmp(v, f->base[i] ? f->base[i] : "") == 0;
        bool ok = v != NULL &&
                  (same || journal_add_field(j, f->fs.f[i].def->name, v));

        free(v);
        if (!ok)
            return false;
    }
    for (size_t g = 0; g < f->def->ngrids; g++)
        for (size_t r = 0; r < f->rec->grids[g].count; r++) {
            const struct grid_row *row = &f->rec->grids[g].rows[r];

            if ((!row->changed && !row->deleted) ||
                (row->deleted && row->id == 0))
                continue;
            if (!journal_add_row(j, g, row->id, row->deleted))
                return false;
            for (size_t c = 0; c < f->def->grids[g].nfields; c++)
                if (!journal_add_cell(j, f->def->grids[g].fields[c].name,
                                      row->values[c] ? row->values[c] : ""))
                    return false;
        }
    return true;
}

/* Whether a new record's form holds anything typed or picked: a field
 * other than the township it may have started in, a township other than
 * that one, a row kept. A new form merely opened, passed through with
 * Tab, or given a row and then none (F6, Esc) holds nothing worth keeping
 * (issue 12 item 8: such a form came back as unsaved changes on the next
 * start). A record that exists keeps its journal whenever it is dirty. */
static bool
holds_changes(struct form *f)
{
    if (f->rec->id != 0)
        return true;
    for (size_t i = 0; i < f->fs.n; i++) {
        char *v = fieldset_value(&f->fs, i);
        const char *start = f->rec->values[i] ? f->rec->values[i] : "";
        bool preset = strcmp(f->fs.f[i].def->name, "township_id") == 0;
        bool holds =
            v == NULL || (v[0] != '\0' && (!preset || strcmp(v, start) != 0));

        free(v);
        if (holds)
            return true;
    }
    for (size_t g = 0; g < f->def->ngrids; g++)
        for (size_t r = 0; r < f->rec->grids[g].count; r++)
            if (f->rec->grids[g].rows[r].changed &&
                !f->rec->grids[g].rows[r].deleted)
                return true;
    return false;
}

void
form_journal_write(struct form *f)
{
    struct journal j;
    char dir[1024], err[512];

    if (!f->fs.dirty)
        return;
    if (!holds_changes(f)) { /* nothing typed, or taken back: none kept */
        form_journal_remove(f);
        return;
    }
    form_journal_dir(f->app, dir, sizeof(dir));
    if (!build(f, &j) || journal_write(dir, &j, err, sizeof(err)) != 0)
        app_status(f->app,
                   _("Could not keep a copy of the unsaved changes: %s"), err);
    journal_clear(&j);
}

void
form_journal_remove(struct form *f)
{
    char dir[1024];

    form_journal_dir(f->app, dir, sizeof(dir));
    journal_remove(dir, f->def->kind, f->rec->id, f->rec->uuid);
    if (f->rec->id != 0 && f->rec->uuid[0] != '\0')
        journal_remove(dir, f->def->kind, 0,
                       f->rec->uuid); /* kept while it was new */
}

/* Index of name among n field definitions, or -1. */
static int
field_index(const struct fielddef *defs, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(defs[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* The row of grid g with id (0: a new one), or NULL. */
static struct grid_row *
row_for(struct record *rec, size_t g, long long id)
{
    int r;

    if (id == 0)
        return (r = record_add_row(rec, g)) < 0 ? NULL : &rec->grids[g].rows[r];
    for (size_t i = 0; i < rec->grids[g].count; i++)
        if (rec->grids[g].rows[i].id == id)
            return &rec->grids[g].rows[i];
    return NULL; /* deleted meanwhile by someone else: its changes go */
}

bool
form_journal_apply(struct record *rec, const struct journal *j)
{
    const struct formdef *def = rec->form;
    int i;

    if (rec->id == 0)
        snprintf(rec->uuid, sizeof(rec->uuid), "%s", j->uuid);
    for (size_t k = 0; k < j->nfields; k++)
        if ((i = field_index(def->fields, def->nfields, j->fields[k].name)) >=
                0 &&
            !record_set(rec, (size_t)i, j->fields[k].value))
            return false;
    for (size_t k = 0; k < j->nrows; k++) {
        const struct journal_row *jr = &j->rows[k];
        const struct griddef *g =
            jr->grid < def->ngrids ? &def->grids[jr->grid] : NULL;
        struct grid_row *row = g ? row_for(rec, jr->grid, jr->id) : NULL;

        if (row == NULL)
            continue;
        row->deleted = jr->deleted;
        row->changed = true;
        for (size_t c = 0; c < jr->ncells; c++) {
            if ((i = field_index(g->fields, g->nfields, jr->cells[c].name)) < 0)
                continue;
            free(row->values[i]);
            if ((row->values[i] = strdup(jr->cells[c].value)) == NULL)
                return false;
        }
    }
    return true;
}
