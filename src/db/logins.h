/*
 * logins.h
 *   The auditor's log of logins (eduaid.login_event, issue 14): a page of
 *   logins and failed logins, newest first, filtered by user, outcome and
 *   time. The rows are what the superuser's `eduaid-admin logins collect`
 *   took from the server's log; only the auditor may read them.
 */
#ifndef EDUAID_DB_LOGINS_H
#define EDUAID_DB_LOGINS_H

#include "db/db.h"

/* What a page is filtered by; NULL or "" for any. */
struct logins_filter {
    const char *user;    /* a login as typed, or its start, or a name's */
    const char *outcome; /* "ok" or "failed" */
    const char *since;   /* an interval back from now ("7 days") */
    const char *from;    /* a date (YYYY-MM-DD), inclusive */
    const char *to;      /* a date (YYYY-MM-DD), inclusive */
};

/*
 * logins_page
 *
 * Up to limit login events matching f, newest first, after the one in
 * row after_row of after (keyset on at, id; after NULL: the newest).
 * Columns: id, at_key, at (text, the session's time zone), login,
 * full_name ('' when the name is no user of the county), database,
 * client, outcome ('ok', 'failed'), reason (a class: 29_logins.sql).
 */
struct dbres *logins_page(struct db *db, const struct logins_filter *f,
                          const struct dbres *after, int after_row, int limit,
                          struct db_error *err);

#endif /* EDUAID_DB_LOGINS_H */
