/*
 * review.h
 *   What waits for a person's decision (sql/010_review.sql): the review
 *   queue -- every record of every kind waiting for the caller's step,
 *   oldest first, a keyset page at a time -- and the records returned to
 *   their author. The steps themselves are record_transition (record.h);
 *   the server decides what each role sees.
 *
 *   Each function returns a new struct dbres (the caller owns it and
 *   frees it with dbres_free) whose columns are read by the names listed
 *   here, values as text (NULL for SQL NULL); or NULL with err filled in.
 */
#ifndef EDUAID_DB_REVIEW_H
#define EDUAID_DB_REVIEW_H

#include "db/db.h"

/* What the queue shows: NULL or 0 members are no filter. */
struct review_filter {
    const char *kind;    /* a record kind, or NULL for every kind */
    int township;        /* a township id, or 0 for all the caller sees */
    const char *min_age; /* an interval ("3 days"): waiting at least that */
    const char *search;  /* words of the summary, or NULL */
};

/*
 * review_queue_page
 *
 * At most limit records waiting for the caller (eduaid.review_queue),
 * oldest first (waiting_since, then kind, then id): kind, id, version,
 * status, township_id, township, summary, submitted_by,
 * submitted_by_name, waiting_since (a timestamp, as the server writes
 * it), waited (seconds, whole). after is the last row of the previous
 * page (a row of a page this function returned, at after_row), or NULL
 * for the first page.
 */
struct dbres *review_queue_page(struct db *db, const struct review_filter *f,
                                const struct dbres *after, int after_row,
                                int limit, struct db_error *err);

/* Per record kind, how many records wait for the caller: kind, waiting. */
struct dbres *review_queue_counts(struct db *db, struct db_error *err);

/*
 * review_returned
 *
 * The records returned to the caller, their author (eduaid.returned_to_me),
 * most recently returned first, at most limit: kind, id, version,
 * township, summary, reason, rejected_by, rejected_by_name, ago (seconds
 * since, whole).
 */
struct dbres *review_returned(struct db *db, int limit, struct db_error *err);

/* One row, n: how many of the first `limit` returned records there are. */
struct dbres *review_returned_count(struct db *db, int limit,
                                    struct db_error *err);

#endif /* EDUAID_DB_REVIEW_H */
