/*
 * rowdiff.h
 *   The approved-value diff of one grid (issue 11): the server's list of
 *   member rows added, removed or changed since a record's last approval
 *   (eduaid.last_approved_members, one entry per row and column) laid over
 *   the rows a form holds, matched by row id. Each row the form holds gets
 *   a mark (same, added, changed) and, when changed, which of its cells
 *   differ and what each was at the approval; rows removed since come back
 *   as rows of their own with their approved values, to be shown and never
 *   saved. Pure: no database, no curses.
 */
#ifndef EDUAID_CORE_ROWDIFF_H
#define EDUAID_CORE_ROWDIFF_H

#include <stdbool.h>
#include <stddef.h>

enum row_mark { ROW_SAME, ROW_ADDED, ROW_CHANGED, ROW_REMOVED };

/* One line of the server's diff: for a changed or removed row one line
 * per column of its approved row (field, approved: its value then, NULL
 * for SQL NULL; differs: the column is not what it was), for an added row
 * one line with field NULL. */
struct rowdiff_entry {
    const char *table;
    long long row_id;
    const char *change; /* "added", "removed", "changed" */
    const char *field;
    const char *approved;
    bool differs;
};

/* The marks of one row: approved and changed are parallel to the grid's
 * fields (NULL when the row is the same or added). */
struct rowdiff_row {
    enum row_mark mark;
    long long id;
    char **approved; /* a field's value at the approval (NULL: empty) */
    bool *changed;   /* the field differs from it */
};

struct rowdiff {
    size_t nfields;
    size_t nrows; /* parallel to the ids given to rowdiff_build */
    struct rowdiff_row *rows;
    size_t nremoved; /* rows removed since, in the order of the entries */
    struct rowdiff_row *removed;
};

/*
 * rowdiff_build
 *
 * Lay the entries of table over the nids rows of a grid (ids: the rows'
 * ids, 0 for a row not saved yet) whose fields are fields[nfields]: a row
 * of id 0 or of an "added" entry is ROW_ADDED; a row of a "changed" entry
 * ROW_CHANGED with the approved value of each field and whether it
 * differs (a changed entry none of whose columns is a field of the grid
 * leaves the row ROW_SAME); every other row ROW_SAME. Each "removed" entry
 * whose id is not among ids becomes a ROW_REMOVED row of d->removed with
 * its approved values. Entries of other tables and columns the grid does
 * not have are ignored. d is zeroed first; false when out of memory (d
 * is then empty). rowdiff_free frees it.
 */
bool rowdiff_build(struct rowdiff *d, const char *table,
                   const char *const *fields, size_t nfields,
                   const long long *ids, size_t nids,
                   const struct rowdiff_entry *e, size_t ne);
void rowdiff_free(struct rowdiff *d);

/* How many rows carry mark m (ROW_REMOVED: the removed rows). */
size_t rowdiff_count(const struct rowdiff *d, enum row_mark m);

/* The marker character of m: ' ', '+', '~', '-'. */
char rowdiff_marker(enum row_mark m);

#endif /* EDUAID_CORE_ROWDIFF_H */
