/*
 * audit.h
 *   The auditor's view of eduaid.audit_log (screens/audit.c): a page of
 *   entries, newest first, filtered by user, township, record kind,
 *   action and time; one entry in full. Row-level security and the
 *   column grants decide what a role reads; where the role may read only
 *   the masked values (supervisors), the entry shows those.
 */
#ifndef EDUAID_DB_AUDIT_H
#define EDUAID_DB_AUDIT_H

#include "db/db.h"

/* What a page is filtered by; NULL or "" (0 for township) for any. A
 * user that is a login of the county is that login alone. */
struct audit_filter {
    const char *user;    /* login or the start of a login or full name */
    int township;        /* township id */
    const char *kind;    /* record kind ("household", "user", ...) */
    const char *actions; /* comma-separated actions ("export" or
                            "insert,update") */
    const char *since;   /* an interval back from now ("7 days") */
    const char *from;    /* a date (YYYY-MM-DD), inclusive */
    const char *to;      /* a date (YYYY-MM-DD), inclusive */
};

/*
 * audit_page
 *
 * Up to limit entries matching f, newest first, after the entry
 * in row after_row of after (keyset on at, id; after NULL: the newest).
 * Columns: id, at_key (for the keyset), at (text), actor, actor_name, kind,
 * table_name, record_id, record_key, township_id, township, action, reason.
 */
struct dbres *audit_page(struct db *db, const struct audit_filter *f,
                         const struct dbres *after, int after_row, int limit,
                         struct db_error *err);

/*
 * audit_entry
 *
 * Entry id in full: the columns of a page and old_values, new_values
 * (indented JSON text), masked ('t' when they are the masked values the
 * role may read instead of the whole rows). No row when the role does
 * not see it.
 */
struct dbres *audit_entry(struct db *db, long long id, struct db_error *err);

#endif /* EDUAID_DB_AUDIT_H */
