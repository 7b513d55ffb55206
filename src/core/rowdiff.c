/*
 * rowdiff.c
 *   The approved-value diff of one grid laid over its rows (rowdiff.h):
 *   rows matched by id, marks per row, approved values and changed flags
 *   per cell, and the rows removed since the approval.
 */
#include "config.h"

#include "core/rowdiff.h"

#include <stdlib.h>
#include <string.h>

static void
row_free(struct rowdiff_row *r, size_t nfields)
{
    if (r->approved != NULL)
        for (size_t i = 0; i < nfields; i++)
            free(r->approved[i]);
    free(r->approved);
    free(r->changed);
    r->approved = NULL;
    r->changed = NULL;
}

void
rowdiff_free(struct rowdiff *d)
{
    for (size_t i = 0; i < d->nrows; i++)
        row_free(&d->rows[i], d->nfields);
    for (size_t i = 0; i < d->nremoved; i++)
        row_free(&d->removed[i], d->nfields);
    free(d->rows);
    free(d->removed);
    memset(d, 0, sizeof(*d));
}

/* Give r its per-field arrays (once); false when out of memory. */
static bool
row_cells(struct rowdiff_row *r, size_t nfields)
{
    size_t n = nfields ? nfields : 1;

    if (r->approved == NULL &&
        (r->approved = calloc(n, sizeof(char *))) == NULL)
        return false;
    if (r->changed == NULL && (r->changed = calloc(n, sizeof(bool))) == NULL)
        return false;
    return true;
}

/* The index of field name among fields, or -1. */
static int
field_index(const char *const *fields, size_t nfields, const char *name)
{
    for (size_t i = 0; name != NULL && i < nfields; i++)
        if (strcmp(fields[i], name) == 0)
            return (int)i;
    return -1;
}

/* Put entry e's column into row r; false when out of memory. */
static bool
row_take(struct rowdiff_row *r, const char *const *fields, size_t nfields,
         const struct rowdiff_entry *e)
{
    int fi = field_index(fields, nfields, e->field);

    if (fi < 0)
        return true;
    if (!row_cells(r, nfields))
        return false;
    if (r->approved[fi] == NULL && e->approved != NULL &&
        (r->approved[fi] = strdup(e->approved)) == NULL)
        return false;
    r->changed[fi] = r->changed[fi] || e->differs;
    return true;
}

/* The removed row of id in d, added when new; NULL when out of memory. */
static struct rowdiff_row *
removed_row(struct rowdiff *d, long long id)
{
    struct rowdiff_row *grown;

    for (size_t i = 0; i < d->nremoved; i++)
        if (d->removed[i].id == id)
            return &d->removed[i];
    grown = realloc(d->removed, (d->nremoved + 1) * sizeof(*grown));
    if (grown == NULL)
        return NULL;
    d->removed = grown;
    d->removed[d->nremoved] =
        (struct rowdiff_row){.mark = ROW_REMOVED, .id = id};
    return &d->removed[d->nremoved++];
}

/* Lay entry e over d; false when out of memory. */
static bool
take(struct rowdiff *d, const char *const *fields, const long long *ids,
     const struct rowdiff_entry *e)
{
    struct rowdiff_row *r = NULL;

    for (size_t i = 0; r == NULL && i < d->nrows; i++)
        if (ids[i] != 0 && ids[i] == e->row_id)
            r = &d->rows[i];
    if (strcmp(e->change, "removed") == 0) {
        if (r != NULL) /* still held: the diff is older than the form */
            return true;
        return (r = removed_row(d, e->row_id)) != NULL &&
               row_take(r, fields, d->nfields, e);
    }
    if (r == NULL) /* not held (deleted in the form): nothing to mark */
        return true;
    if (strcmp(e->change, "added") == 0) {
        r->mark = ROW_ADDED;
        return true;
    }
    if (!row_take(r, fields, d->nfields, e))
        return false;
    if (field_index(fields, d->nfields, e->field) >= 0 && e->differs)
        r->mark = ROW_CHANGED;
    return true;
}

bool
rowdiff_build(struct rowdiff *d, const char *table, const char *const *fields,
              size_t nfields, const long long *ids, size_t nids,
              const struct rowdiff_entry *e, size_t ne)
{
    memset(d, 0, sizeof(*d));
    d->nfields = nfields;
    if ((d->rows = calloc(nids ? nids : 1, sizeof(*d->rows))) == NULL)
        return false;
    d->nrows = nids;
    for (size_t i = 0; i < nids; i++) {
        d->rows[i].id = ids[i];
        d->rows[i].mark = ids[i] == 0 ? ROW_ADDED : ROW_SAME;
    }
    for (size_t i = 0; i < ne; i++) {
        if (e[i].table == NULL || e[i].change == NULL ||
            strcmp(e[i].table, table) != 0)
            continue;
        if (!take(d, fields, ids, &e[i])) {
            rowdiff_free(d);
            return false;
        }
    }
    /* a row of a "changed" entry whose differing columns the grid does not
     * show stays the same: drop what was gathered for it */
    for (size_t i = 0; i < d->nrows; i++)
        if (d->rows[i].mark != ROW_CHANGED)
            row_free(&d->rows[i], nfields);
    return true;
}

size_t
rowdiff_count(const struct rowdiff *d, enum row_mark m)
{
    size_t n = 0;

    if (m == ROW_REMOVED)
        return d->nremoved;
    for (size_t i = 0; i < d->nrows; i++)
        n += d->rows[i].mark == m;
    return n;
}

char
rowdiff_marker(enum row_mark m)
{
    switch (m) {
    case ROW_ADDED:
        return '+';
    case ROW_CHANGED:
        return '~';
    case ROW_REMOVED:
        return '-';
    default:
        return ' ';
    }
}
