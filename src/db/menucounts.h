/*
 * menucounts.h
 *   The main menu's numbers in one statement (issue 16: one round trip
 *   where there were six to nine): how many records of each form's kind
 *   the user sees in each state, how many wait in the review queue per
 *   kind, how many were returned to the user, the open notices and the
 *   undecided objections, the transfer requests pending in and out. Each
 *   part is the statement the menu used to send on its own, under the
 *   same row-level security (the user's own role).
 */
#ifndef EDUAID_DB_MENUCOUNTS_H
#define EDUAID_DB_MENUCOUNTS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/formdef.h"
#include "db/db.h"

/* Which parts the menu shows. */
struct menucounts_want {
    const struct formdef *const *forms; /* per form: counts by status */
    size_t nforms;
    bool queue;     /* eduaid.queue_counts() */
    bool returned;  /* count of eduaid.returned_to_me(500) */
    bool notice;    /* open notices, undecided objections */
    bool transfers; /* pending transfer requests, in and out */
};

/*
 * menucounts_fetch
 *
 * One statement, rows (item, i, key, n) ordered by item and i:
 *   ("form", form index, status, records), per status that has records;
 *   ("queue", position, kind, waiting), in eduaid.queue_counts()'s order;
 *   ("returned", 0, "", records);
 *   ("notice", 0, "open" | "pending", count);
 *   ("transfer", 0, "in" | "out", pending requests).
 * A new dbres (dbres_free), or NULL with err filled in (err->status DB_OK
 * when w asks for nothing).
 */
struct dbres *menucounts_fetch(struct db *db, const struct menucounts_want *w,
                               struct db_error *err);

/* The n of (item, key) in r summed over i; -1 when r is NULL. */
long long menucounts_n(const struct dbres *r, const char *item, long i,
                       const char *key);

#endif /* EDUAID_DB_MENUCOUNTS_H */
