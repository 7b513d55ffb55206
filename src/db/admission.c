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
