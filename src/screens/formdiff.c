/*
 * formdiff.c
 *   The approved-value diff of a record's grid rows (issue 11), for any
 *   kind with grids: when the form holds the values of a last approval
 *   (a record reopened after one and on its way again, as its author and
 *   its reviewers see it), the member rows added, removed or changed since
 *   (eduaid.last_approved_members via db/history.h) are fetched with it and
 *   laid over each grid's rows by row id (core/rowdiff.h): formview.c marks
 *   the rows ('+', '~', and the removed rows as dimmed '-' lines with their
 *   approved values), the focused changed row and the row editor show the
 *   approved value of each changed cell. The status line says how many
 *   rows changed (F12, the history, says by whom). The marks compare the
 *   saved record with its approval: they are fetched again on each load
 *   and save; a row added in the form and not saved yet is '+' at once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/history.h"
#include "screens/form.h"
#include "ui/draw.h"

void
form_free_member_diff(struct form *f)
{
    free(f->changes);
    f->changes = NULL;
    f->nchanges = 0;
    dbres_free(f->member_changes);
    f->member_changes = NULL;
}

/* How many rows of grid table tbl (NULL: of every grid) changed as change
 * says: entries come one a column, sorted by table and row. */
static int
count_rows(const struct form *f, const char *tbl, const char *change)
{
    int n = 0;

    for (size_t i = 0; i < f->nchanges; i++) {
        const struct rowdiff_entry *e = &f->changes[i];

        if (i > 0 && e->row_id == e[-1].row_id &&
            strcmp(e->table, e[-1].table) == 0)
            continue;
        if ((tbl == NULL || strcmp(e->table, tbl) == 0) &&
            strcmp(e->change, change) == 0)
            n++;
    }
    return n;
}

/* Say on the status line how many member rows changed since the approval:
 * a year record's pupils and grants apart, any other kind's rows. */
static void
note_counts(struct form *f)
{
    static const char *const ch[3] = {"added", "removed", "changed"};
    int n[2][3];

    if (f->nchanges == 0)
        return;
    for (int k = 0; k < 3; k++) {
        n[0][k] = count_rows(f, "student_year", ch[k]);
        n[1][k] = count_rows(f, "student_subsidy", ch[k]);
    }
    if (strcmp(f->def->kind, "household_year") == 0)
        app_status(f->app,
                   _("Since the approval: pupils +%d -%d ~%d, aid +%d -%d ~%d "
                     "(F12: which)."),
                   n[0][0], n[0][1], n[0][2], n[1][0], n[1][1], n[1][2]);
    else
        app_status(f->app,
                   _("Since the approval: rows +%d -%d ~%d (F12: which)."),
                   count_rows(f, NULL, "added"), count_rows(f, NULL, "removed"),
                   count_rows(f, NULL, "changed"));
}

int
form_rows_changed(const struct form *f)
{
    return count_rows(f, NULL, "added") + count_rows(f, NULL, "removed") +
           count_rows(f, NULL, "changed");
}

void
form_load_member_diff(struct form *f)
{
    struct db_error err;
    struct dbres *r;

    form_free_member_diff(f);
    if (f->approved == NULL || f->def->ngrids == 0 || f->rec->id == 0)
        return;
    if ((r = history_member_changes(f->app->db, f->def->kind, f->rec->id,
                                    &err)) == NULL) {
        app_error(f->app, &err);
        return;
    }
    if (r->nrows > 0 &&
        (f->changes = calloc((size_t)r->nrows, sizeof(*f->changes))) == NULL) {
        dbres_free(r);
        app_status(f->app, "%s", _("out of memory"));
        return;
    }
    for (int i = 0; i < r->nrows; i++) {
        const char *id = dbres_field(r, i, "row_id");
        const char *differs = dbres_field(r, i, "differs");

        f->changes[f->nchanges++] = (struct rowdiff_entry){
            .table = dbres_field(r, i, "table_name"),
            .row_id = id != NULL ? atoll(id) : 0,
            .change = dbres_field(r, i, "change"),
            .field = dbres_field(r, i, "field"),
            .approved = dbres_field(r, i, "approved"),
            .differs = differs != NULL && differs[0] == 't',
        };
        if (f->changes[f->nchanges - 1].table == NULL ||
            f->changes[f->nchanges - 1].change == NULL)
            f->nchanges--;
    }
    f->member_changes = r;
    note_counts(f);
}

bool
form_grid_diff(const struct form *f, size_t g, struct rowdiff *d)
{
    const struct griddef *gd = &f->def->grids[g];
    const struct grid_rows *rows = &f->rec->grids[g];
    const char *names[64];
    long long *ids;
    bool ok;

    memset(d, 0, sizeof(*d));
    if (f->approved == NULL || f->member_changes == NULL || gd->nfields > 64)
        return false;
    if ((ids = calloc(rows->count ? rows->count : 1, sizeof(*ids))) == NULL)
        return false;
    for (size_t i = 0; i < gd->nfields; i++)
        names[i] = gd->fields[i].name;
    for (size_t i = 0; i < rows->count; i++)
        ids[i] = rows->rows[i].id;
    ok = rowdiff_build(d, gd->table, names, gd->nfields, ids, rows->count,
                       f->changes, f->nchanges);
    free(ids);
    return ok;
}

const char *
form_value_words(struct form *f, const struct fielddef *d, const char *v)
{
    if (v == NULL || v[0] == '\0')
        return _("(empty)");
    if (d->type == FT_CHOICE)
        return fielddef_choice_label(d, v, f->app->zh);
    if (d->type == FT_BOOL)
        return v[0] == 't' ? _("Yes") : _("No");
    if (d->type == FT_LOOKUP)
        return form_lookup_label(f, d, v);
    return v;
}

void
form_row_approved_text(struct form *f, const struct griddef *g,
                       const struct rowdiff_row *r, char *out, size_t outsz)
{
    size_t len;
    bool first = true;

    snprintf(out, outsz, "%s", _("approved value: "));
    for (size_t i = 0; r->changed != NULL && i < g->nfields; i++) {
        if (!r->changed[i])
            continue;
        len = strlen(out);
        snprintf(out + len, outsz - len, "%s%s %s", first ? "" : _("; "),
                 label_text(&g->fields[i].label, f->app->zh),
                 form_value_words(f, &g->fields[i], r->approved[i]));
        first = false;
    }
}
