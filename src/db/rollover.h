/*
 * rollover.h
 *   The September rollover (sql/repeatable/42_rollover.sql): the server's
 *   school year, a township's rollover into a school year in numbers, the
 *   rollover itself (next year's records proposed as drafts) and the list
 *   of a township's records of a school year with what changed. The
 *   submitting of the drafts is record_transition (record.h), one record
 *   per call. The server decides who may do what (a clerk or officer of
 *   the township) and what each sees.
 *
 *   Each function returns a new struct dbres (the caller frees it with
 *   dbres_free) whose columns are read by the names listed here, values
 *   as text (NULL for SQL NULL); or NULL with err filled in.
 */
#ifndef EDUAID_DB_ROLLOVER_H
#define EDUAID_DB_ROLLOVER_H

#include "db/db.h"

/* One row, year: the school year the server's today is in
 * (eduaid.school_year_of(current_date)). */
struct dbres *rollover_current_year(struct db *db, struct db_error *err);

/*
 * rollover_status
 *
 * Rolling township into school year year (eduaid.rollover_status), one
 * row: school_year, counted_before (households counted in the year
 * before), to_propose (of those, without a record of year yet), records
 * (year's records), drafts, submitted, verified, approved (approved, on
 * notice or final), rejected. Zeros for a township not the caller's.
 */
struct dbres *rollover_status(struct db *db, int township, int year,
                              struct db_error *err);

/*
 * rollover_run
 *
 * Roll township over from school year from_year into the next
 * (eduaid.rollover), in one transaction: one row, households (drafts
 * proposed), pupils (children in school in them), leavers (graduates and
 * leavers marked), already (counted households that had a record of the
 * new year already).
 */
struct dbres *rollover_run(struct db *db, int township, int from_year,
                           struct db_error *err);

/*
 * rollover_list
 *
 * The records of school year year of township (eduaid.rollover_list), by
 * household number: id, version, status, household_id, household_no,
 * head_name, poverty_status, pupils (children in school), changed
 * (children whose stage differs from their row of the year before), leavers
 * (marked as graduated or left), to_check (rows to look at: stage changed
 * or a school that does not teach the stage).
 */
struct dbres *rollover_list(struct db *db, int township, int year,
                            struct db_error *err);

#endif /* EDUAID_DB_ROLLOVER_H */
