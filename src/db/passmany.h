/*
 * passmany.h
 *   Many review steps in one round trip (issue 16): the records marked in
 *   the review queue verified or approved by one statement,
 *   eduaid.pass_many (sql/repeatable/23_pass_many.sql), each in its own
 *   subtransaction on the server -- the same step, the same rules and
 *   refusals as one record_transition each, one row of outcome per record.
 */
#ifndef EDUAID_DB_PASSMANY_H
#define EDUAID_DB_PASSMANY_H

#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"

/* One record's step, and what became of it. */
struct pass_item {
    /* in */
    const char *action; /* "verify" or "approve" */
    const char *kind;
    long long id;
    int version; /* the version the person saw; 0: no check */
    /* out */
    bool ok;
    int new_version;
    struct db_error err; /* !ok: the refusal, as the step alone gives it */
};

/*
 * pass_many
 *
 * Take the step of each of items[0..n) in one statement (one round trip;
 * what passed commits together). 0 with each item's outcome set; -1 with
 * err when the statement itself failed (then nothing passed, and each
 * item's err is that failure too).
 */
int pass_many(struct db *db, struct pass_item *items, size_t n,
              struct db_error *err);

#endif /* EDUAID_DB_PASSMANY_H */
