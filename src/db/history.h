/*
 * history.h
 *   The past of one record (sql/007_audit.sql, 021_record_facts.sql):
 *   every audit entry of it and of its grid rows, with the fields each
 *   changed (eduaid.record_history), the values it had when it was last
 *   approved (eduaid.last_approved), and its grid rows added, removed or
 *   changed since (eduaid.last_approved_members). The server masks what
 *   the caller may not read.
 *
 *   Each function returns a new struct dbres (the caller owns it and
 *   frees it with dbres_free) whose columns are read by the names listed
 *   here, values as text (NULL for SQL NULL; booleans "t"/"f" as the
 *   record layer reads them); or NULL with err filled in.
 */
#ifndef EDUAID_DB_HISTORY_H
#define EDUAID_DB_HISTORY_H

#include "core/formdef.h"
#include "db/db.h"

/*
 * history_of
 *
 * The entries of record id of form f, oldest first, one row per field an
 * entry changed (or one row with field NULL for an entry that changed
 * none), the fields of an entry in f's order (its own fields, then its
 * grids'): n (the entry's number, the same on all its rows), at
 * (YYYY-MM-DD HH:MM), actor (login), actor_name, action (insert, update,
 * delete, or a workflow step), reason, table_name, row_id, field (a
 * column name), old, new.
 */
struct dbres *history_of(struct db *db, const struct formdef *f, long long id,
                         struct db_error *err);

/* The record of kind, id as it was when last approved: one row per
 * column, key (the column), value. No rows when it never was. */
struct dbres *history_last_approved(struct db *db, const char *kind,
                                    long long id, struct db_error *err);

/*
 * history_member_changes
 *
 * The grid rows of record kind, id added, removed or changed since its
 * last approval (none when it never was, or I cannot see it): for a row
 * changed or removed one row per column of the row as approved --
 * table_name, row_id, change ("changed", "removed"), field (the column),
 * approved (its value then; booleans t/f), differs ("t" when the column
 * is not what it was); for a row added one row with change "added" and
 * field, approved NULL. Ordered by table_name, row_id, field.
 */
struct dbres *history_member_changes(struct db *db, const char *kind,
                                     long long id, struct db_error *err);

#endif /* EDUAID_DB_HISTORY_H */
