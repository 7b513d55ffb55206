/*
 * ledger.c
 *   The statements of the dropout ledgers (ledger.h): reads of
 *   eduaid.dropout_ledger, ledger_counts and dropout_visits, the pick
 *   lists of a visit's outcome and of a school, and one call of a
 *   function of sql/012_ledgers.sql per step. Every value is a parameter.
 */
#include "config.h"

#include "db/ledger.h"

#include <stdio.h>

static const char rows_sql[] =
    "SELECT l.student_id, l.household_no, l.name, l.id_number_masked, l.age,"
    " l.schooling_status, l.state, l.opened_on, l.confirmed_on, l.returned_on,"
    " l.returned_school, l.visits, l.last_visit, t.name AS township"
    " FROM eduaid.dropout_ledger($1::int, $2, $3::int) l"
    " JOIN eduaid.township t ON t.id = l.township_id";

static const char counts_sql[] =
    "SELECT coalesce(sum(school_age), 0) AS school_age,"
    " coalesce(sum(suspected), 0) AS suspected,"
    " coalesce(sum(confirmed), 0) AS confirmed,"
    " coalesce(sum(returned), 0) AS returned"
    " FROM eduaid.ledger_counts($1::int)";

static const char visits_sql[] =
    "SELECT v.case_id, v.state, v.visit_date, v.visitor, v.outcome, v.notes,"
    " v.recorded_by_name FROM eduaid.dropout_visits($1::bigint) v";

/* Filtered in the server, whose ILIKE folds case beyond ASCII. */
static const char outcomes_sql[] =
    "SELECT o.v AS value, o.l AS label, NULL AS detail FROM (VALUES"
    " (1, 'will_return', $2), (2, 'returned', $3), (3, 'refused', $4),"
    " (4, 'not_met', $5), (5, 'other', $6)) AS o(n, v, l)"
    " WHERE o.l ILIKE '%' || $1 || '%' ORDER BY o.n";

static const char schools_sql[] =
    "SELECT s.id::text AS value, s.name AS label, t.name AS detail"
    " FROM eduaid.school s"
    " JOIN eduaid.township t ON t.id = s.township_id"
    " WHERE s.active AND s.kind IN ('primary', 'junior', 'nine_year',"
    " 'special', 'senior_high', 'vocational')"
    " AND (s.name LIKE '%' || $1 || '%' OR t.name LIKE '%' || $1 || '%')"
    " ORDER BY (s.township_id = ANY (eduaid.my_townships())) DESC, s.name"
    " LIMIT 50";

static const char visit_sql[] =
    "SELECT eduaid.dropout_visit($1::bigint, $2::date, $3, $4, $5)";
static const char confirm_sql[] =
    "SELECT eduaid.dropout_confirm($1::bigint, $2::date)";
static const char return_sql[] =
    "SELECT eduaid.dropout_return($1::bigint, $2::date, $3::int)";

struct dbres *
dropout_ledger_rows(struct db *db, int year, const char *ledger, int limit,
                    struct db_error *err)
{
    char y[16], lim[16];
    const char *params[3] = {y, ledger, lim};

    snprintf(y, sizeof y, "%d", year);
    snprintf(lim, sizeof lim, "%d", limit);
    return db_exec(db, rows_sql, 3, params, err);
}

struct dbres *
dropout_counts(struct db *db, int year, struct db_error *err)
{
    char y[16];
    const char *params[1] = {y};

    snprintf(y, sizeof y, "%d", year);
    return db_exec(db, counts_sql, 1, params, err);
}

struct dbres *
dropout_visits(struct db *db, const char *student, struct db_error *err)
{
    const char *params[1] = {student};

    return db_exec(db, visits_sql, 1, params, err);
}

struct dbres *
dropout_outcomes(struct db *db, const char *filter,
                 const char *const labels[DROPOUT_OUTCOMES],
                 struct db_error *err)
{
    const char *params[1 + DROPOUT_OUTCOMES] = {filter != NULL ? filter : ""};

    for (int i = 0; i < DROPOUT_OUTCOMES; i++)
        params[i + 1] = labels[i];
    return db_exec(db, outcomes_sql, 1 + DROPOUT_OUTCOMES, params, err);
}

struct dbres *
dropout_schools(struct db *db, const char *filter, struct db_error *err)
{
    const char *params[1] = {filter != NULL ? filter : ""};

    return db_exec(db, schools_sql, 1, params, err);
}

int
dropout_record_visit(struct db *db, const char *student, const char *date,
                     const char *visitor, const char *outcome,
                     const char *notes, struct db_error *err)
{
    const char *params[5] = {student, date, visitor, outcome, notes};

    return db_command(db, visit_sql, 5, params, err);
}

int
dropout_confirm(struct db *db, const char *student, const char *date,
                struct db_error *err)
{
    const char *params[2] = {student, date};

    return db_command(db, confirm_sql, 2, params, err);
}

int
dropout_return(struct db *db, const char *student, const char *date,
               const char *school, struct db_error *err)
{
    const char *params[3] = {student, date, school};

    return db_command(db, return_sql, 3, params, err);
}
