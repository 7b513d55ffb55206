/*
 * training.h
 *   培训台账: the training ledger per course and batch
 *   (eduaid.training_ledger, sql/012_ledgers.sql), one batch's trainees
 *   with their attendance, and recording attendance for one trainee or a
 *   whole class. The server checks every rule (the day lies in the course
 *   and not in the future, hours 0-12 in tenths, the trainee's township is
 *   the caller's).
 *
 *   Functions returning struct dbres give a new one (the caller owns it
 *   and frees it with dbres_free) whose columns are read by the names
 *   listed here, values as text (NULL for SQL NULL); or NULL with err
 *   filled in. Ids, dates and hours are the text a person typed or a row
 *   held; the server casts them.
 */
#ifndef EDUAID_DB_TRAINING_H
#define EDUAID_DB_TRAINING_H

#include "db/db.h"

/* Every course batch the caller sees, newest first: course_name, batch,
 * enrolled, approved, sessions, hours_present, completed, certified,
 * employed, course_id. */
struct dbres *training_ledger_rows(struct db *db, struct db_error *err);

/* One row over the batches starting this calendar year: enrolled,
 * completed, employed. */
struct dbres *training_ledger_totals(struct db *db, struct db_error *err);

/* The trainees of batch `batch` of course course_id the caller may see,
 * by name: township_id, id (the enrollment's), trainee_name, township
 * (its name), status, sessions (present), hours, last_session, completed
 * ("yes" or ""), employment_outcome. */
struct dbres *training_batch(struct db *db, const char *course_id,
                             const char *batch, struct db_error *err);

/* Attendance of one trainee (enrollment of township) on date: hours (0:
 * absent). 1, or -1 with err. */
long long training_attend_one(struct db *db, const char *township,
                              const char *enrollment, const char *date,
                              const char *hours, struct db_error *err);

/* The whole class of batch `batch` of course course_id present on date
 * for hours: every trainee the caller may write but those already
 * recorded that day. How many were recorded, or -1 with err. */
long long training_attend_all(struct db *db, const char *course_id,
                              const char *batch, const char *date,
                              const char *hours, struct db_error *err);

#endif /* EDUAID_DB_TRAINING_H */
