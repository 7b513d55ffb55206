/*
 * rollover.c
 *   The September rollover's statements (rollover.h): one each over the
 *   functions of sql/repeatable/42_rollover.sql, every value a parameter.
 */
#include "config.h"

#include "db/rollover.h"

#include <stdio.h>

static const char current_year_sql[] =
    "SELECT eduaid.school_year_of(current_date) AS year";

static const char status_sql[] =
    "SELECT s.school_year, s.counted_before, s.to_propose, s.records,"
    " s.drafts, s.submitted, s.verified, s.approved, s.rejected"
    " FROM eduaid.rollover_status($1::int, $2::int) AS s";

static const char run_sql[] =
    "SELECT r.households, r.pupils, r.leavers, r.already"
    " FROM eduaid.rollover($1::int, $2::int) AS r";

static const char list_sql[] =
    "SELECT l.id, l.version, l.status, l.household_id, l.household_no,"
    " l.head_name, l.poverty_status, l.pupils, l.changed, l.leavers,"
    " l.to_check"
    " FROM eduaid.rollover_list($1::int, $2::int) AS l"
    " ORDER BY l.household_no, l.id";

/* sql with the two int parameters a and b. */
static struct dbres *
exec_two(struct db *db, const char *sql, int a, int b, struct db_error *err)
{
    char pa[16], pb[16];
    const char *params[2] = {pa, pb};

    snprintf(pa, sizeof pa, "%d", a);
    snprintf(pb, sizeof pb, "%d", b);
    return db_exec(db, sql, 2, params, err);
}

struct dbres *
rollover_current_year(struct db *db, struct db_error *err)
{
    return db_exec(db, current_year_sql, 0, NULL, err);
}

struct dbres *
rollover_status(struct db *db, int township, int year, struct db_error *err)
{
    return exec_two(db, status_sql, township, year, err);
}

struct dbres *
rollover_run(struct db *db, int township, int from_year, struct db_error *err)
{
    return exec_two(db, run_sql, township, from_year, err);
}

struct dbres *
rollover_list(struct db *db, int township, int year, struct db_error *err)
{
    return exec_two(db, list_sql, township, year, err);
}
