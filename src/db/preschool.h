/*
 * preschool.h
 *   The preschool import batches (学前教育, issue 17 H1; sql/058_preschool.sql)
 *   for the screens: the list of the batches the caller sees, a
 *   supervisor's review of one, and the line of numbers of the measures
 *   area (this school year's gross enrollment rate of the caller's
 *   townships, the batches awaiting review).
 */
#ifndef EDUAID_DB_PRESCHOOL_H
#define EDUAID_DB_PRESCHOOL_H

#include <stdbool.h>

#include "db/db.h"

/* The batches, those awaiting review first, then the newest: id,
 * township_id, township, kind, school_year, source, as_of, row_count,
 * state, reject_reason, created_by, file_name, mine ('t' when the caller
 * imported it). At most limit rows. */
struct dbres *preschool_batches(struct db *db, int limit, struct db_error *err);

/* Accept (reason NULL) or reject (with reason) batch id of township;
 * 0 or -1 with err. */
int preschool_review(struct db *db, const char *township, const char *id,
                     bool accept, const char *reason, struct db_error *err);

/* School year year's numbers: population, enrolled, rate (the report's
 * total row) and waiting (batches awaiting review); one row. */
struct dbres *preschool_numbers(struct db *db, int year, struct db_error *err);

#endif /* EDUAID_DB_PRESCHOOL_H */
