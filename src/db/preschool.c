/*
 * preschool.c
 *   The queries of the preschool screens (preschool.h): the batches under
 *   row-level security, the review through eduaid.preschool_batch_review,
 *   the numbers through eduaid.report_preschool's total row.
 */
#include "config.h"

#include "db/preschool.h"

#include <stdio.h>

struct dbres *
preschool_batches(struct db *db, int limit, struct db_error *err)
{
    char lb[16];
    const char *params[1] = {lb};

    snprintf(lb, sizeof lb, "%d", limit);
    return db_exec(db,
                   "SELECT b.id, b.township_id, t.name AS township, b.kind, "
                   "b.school_year, b.source, b.as_of, b.row_count, b.state, "
                   "b.reject_reason, b.created_by, b.file_name, "
                   "b.created_by = session_user AS mine "
                   "FROM eduaid.preschool_batch b "
                   "JOIN eduaid.township t ON t.id = b.township_id "
                   "WHERE b.row_count IS NOT NULL "
                   "ORDER BY b.state = 'imported' DESC, b.created_at DESC, "
                   "b.id DESC LIMIT $1::int",
                   1, params, err);
}

int
preschool_review(struct db *db, const char *township, const char *id,
                 bool accept, const char *reason, struct db_error *err)
{
    const char *params[4] = {township, id, accept ? "t" : "f", reason};

    return db_command(db,
                      "SELECT eduaid.preschool_batch_review($1::int, "
                      "$2::bigint, $3::boolean, $4::text)",
                      4, params, err);
}

struct dbres *
preschool_numbers(struct db *db, int year, struct db_error *err)
{
    char yb[16];
    const char *params[1] = {yb};

    snprintf(yb, sizeof yb, "%d", year);
    return db_exec(db,
                   "SELECT r.population, r.enrolled, r.rate, "
                   "(SELECT count(*) FROM eduaid.preschool_batch b "
                   "WHERE b.state = 'imported' AND b.row_count IS NOT NULL) "
                   "AS waiting "
                   "FROM eduaid.report_preschool($1::int) r "
                   "WHERE r.township_id IS NULL",
                   1, params, err);
}
