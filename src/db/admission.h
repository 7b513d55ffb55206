/*
 * admission.h
 *   定向招生专项计划 (issue 17 H4, record kind "admission",
 *   sql/061_admission.sql): the numbers of the Plan measures area's line
 *   and the list of qualified students posted as the 公示
 *   (eduaid.admission_counts, eduaid.admission_notice,
 *   sql/repeatable/36_m_admission.sql), and the outcome an officer
 *   records, under the caller's row-level security.
 */
#ifndef EDUAID_DB_ADMISSION_H
#define EDUAID_DB_ADMISSION_H

#include <stdbool.h>

#include "db/db.h"

/* One row for 高考 year `year`: applications (past the draft), qualified
 * (approved), admitted. NULL with err filled in on failure. */
struct dbres *admission_counts(struct db *db, int year, struct db_error *err);

/* The qualified students of `year` (township 0: all the caller's), in
 * line order: line_no, township_id, township, name, masked_id, school,
 * plan. NULL with err filled in on failure. */
struct dbres *admission_notice(struct db *db, int year, int township,
                               struct db_error *err);

/* Record (or correct) the outcome of application id: admitted or not,
 * and the college (NULL when not admitted). One row (admission_id) when
 * recorded; none when the caller sees no such application; NULL with err
 * filled in when the server refuses (EA243: not approved; the college's
 * rule; a clerk or supervisor: no privilege). */
struct dbres *admission_record_outcome(struct db *db, const char *id,
                                       bool admitted, const char *college,
                                       struct db_error *err);

#endif /* EDUAID_DB_ADMISSION_H */
