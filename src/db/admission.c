/*
 * admission.c
 *   定向招生专项计划 (issue 17 H4): the statements behind db/admission.h,
 *   the year and township as parameters.
 */
#include "config.h"

#include "db/admission.h"

#include <stdio.h>

struct dbres *
admission_counts(struct db *db, int year, struct db_error *err)
{
    char y[16];
    const char *params[1] = {y};

    snprintf(y, sizeof y, "%d", year);
    return db_exec(db,
                   "SELECT applications, qualified, admitted"
                   " FROM eduaid.admission_counts($1::int)",
                   1, params, err);
}

struct dbres *
admission_notice(struct db *db, int year, int township, struct db_error *err)
{
    char y[16], t[16];
    const char *params[2] = {y, township > 0 ? t : NULL};

    snprintf(y, sizeof y, "%d", year);
    snprintf(t, sizeof t, "%d", township);
    return db_exec(
        db,
        "SELECT line_no, township_id, township, name, masked_id,"
        " school, plan FROM eduaid.admission_notice($1::int, $2::int)",
        2, params, err);
}

/* The township is the application's (found under RLS: nothing when the
 * caller does not see it); a second outcome corrects the first. */
struct dbres *
admission_record_outcome(struct db *db, const char *id, bool admitted,
                         const char *college, struct db_error *err)
{
    const char *params[3] = {id, admitted ? "t" : "f", college};

    return db_exec(db,
                   "INSERT INTO eduaid.admission_outcome"
                   " (township_id, admission_id, admitted, college)"
                   " SELECT a.township_id, a.id, $2::boolean, $3::text"
                   " FROM eduaid.admission a WHERE a.id = $1::bigint"
                   " ON CONFLICT ON CONSTRAINT admission_outcome_admission_key"
                   " DO UPDATE SET admitted = EXCLUDED.admitted,"
                   " college = EXCLUDED.college RETURNING admission_id",
                   3, params, err);
}
