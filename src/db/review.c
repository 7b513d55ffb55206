/*
 * review.c
 *   The review queue and the returned records (review.h): one statement
 *   each over eduaid.review_queue and eduaid.returned_to_me, every value a
 *   parameter; a queue page continues after the last row of the one
 *   before (keyset), never by offset.
 */
#include "config.h"

#include "db/review.h"

#include <stdio.h>

static const char queue_sql[] =
    "SELECT q.kind, q.id, q.version, q.status, q.township_id, q.township,"
    " q.summary, q.submitted_by, q.submitted_by_name, q.waiting_since,"
    " floor(extract(epoch FROM now() - q.waiting_since))::bigint AS waited"
    " FROM eduaid.review_queue($1::text, $2::int, $3::interval, $4::text,"
    "  $5::timestamptz, $6::text, $7::bigint, $8::int) AS q"
    " ORDER BY q.waiting_since, q.kind COLLATE \"C\", q.id";

static const char queue_counts_sql[] =
    "SELECT kind, waiting FROM eduaid.queue_counts()";

static const char returned_sql[] =
    "SELECT r.kind, r.id, r.version, r.township, r.summary, r.reason,"
    " r.rejected_by, r.rejected_by_name,"
    " floor(extract(epoch FROM now() - r.rejected_at))::bigint AS ago"
    " FROM eduaid.returned_to_me($1::int) AS r"
    " ORDER BY r.rejected_at DESC, r.kind, r.id";

static const char returned_count_sql[] =
    "SELECT count(*) AS n FROM eduaid.returned_to_me($1::int)";

struct dbres *
review_queue_page(struct db *db, const struct review_filter *f,
                  const struct dbres *after, int after_row, int limit,
                  struct db_error *err)
{
    static const struct review_filter none = {0};
    char township[16], lim[16];
    const char *params[8] = {NULL};

    if (f == NULL)
        f = &none;
    snprintf(township, sizeof township, "%d", f->township);
    snprintf(lim, sizeof lim, "%d", limit);
    params[0] = f->kind != NULL && f->kind[0] != '\0' ? f->kind : NULL;
    params[1] = f->township != 0 ? township : NULL;
    params[2] = f->min_age != NULL && f->min_age[0] != '\0' ? f->min_age : NULL;
    params[3] = f->search;
    if (after != NULL) {
        params[4] = dbres_field(after, after_row, "waiting_since");
        params[5] = dbres_field(after, after_row, "kind");
        params[6] = dbres_field(after, after_row, "id");
    }
    params[7] = lim;
    return db_exec(db, queue_sql, 8, params, err);
}

struct dbres *
review_queue_counts(struct db *db, struct db_error *err)
{
    return db_exec(db, queue_counts_sql, 0, NULL, err);
}

struct dbres *
review_returned(struct db *db, int limit, struct db_error *err)
{
    char lim[16];
    const char *params[1] = {lim};

    snprintf(lim, sizeof lim, "%d", limit);
    return db_exec(db, returned_sql, 1, params, err);
}

struct dbres *
review_returned_count(struct db *db, int limit, struct db_error *err)
{
    char lim[16];
    const char *params[1] = {lim};

    snprintf(lim, sizeof lim, "%d", limit);
    return db_exec(db, returned_count_sql, 1, params, err);
}
