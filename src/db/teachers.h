/*
 * teachers.h
 *   Rural teachers (乡村教师, issue 17 H5; sql/062_teachers.sql,
 *   sql/repeatable/36_m_teachers.sql): the register of the caller's
 *   townships with the year's training hours, one teacher's trainings
 *   and exchanges, and the three things the screens write -- a training
 *   record, an exchange, a teacher's post and subject. Every value a
 *   parameter; the server decides who may and checks every value.
 *   Results are the caller's to dbres_free.
 */
#ifndef EDUAID_DB_TEACHERS_H
#define EDUAID_DB_TEACHERS_H

#include "db/db.h"

/* The teachers of township (NULL or "0": every one the caller sees) with
 * calendar year's training hours: township_id, id, name, school_id,
 * school, urban_rural, teaching_point (t/f), post, subject, active,
 * hours, trainings, version, township (its name). */
struct dbres *teachers_list(struct db *db, const char *year,
                            const char *township, struct db_error *err);

/* One teacher's records, newest first: kind ("training" or "exchange"),
 * at (a date, or the school year), what (the programme, or "from ->
 * to"), code (the level, or the term), hours (trainings only). */
struct dbres *teachers_records(struct db *db, const char *township,
                               const char *teacher, struct db_error *err);

/* A training record of the teacher; 0, or -1 with err. */
int teachers_add_training(struct db *db, const char *township,
                          const char *teacher, const char *programme,
                          const char *level, const char *hours,
                          const char *started_on, const char *ended_on,
                          struct db_error *err);

/* An exchange of the teacher from school from_school (the register's) to
 * school to ("township:id", a pairing_any_school value); 0, or -1. */
int teachers_add_exchange(struct db *db, const char *township,
                          const char *teacher, const char *from_school,
                          const char *to, const char *school_year,
                          const char *term, const char *notes,
                          struct db_error *err);

/* The teacher's post and subject (subject "" for none), if its version
 * is still version (else EA007 in err); 0, or -1. */
int teachers_set_post(struct db *db, const char *township, const char *teacher,
                      const char *version, const char *post,
                      const char *subject, struct db_error *err);

/* issue 17 H5: one line of a training list (the CSV import): a training
 * of the active teacher with ID number idno, if he is one of the caller's
 * townships'; level a code or its Chinese word (国培 省培 县培 校本);
 * source "import:<file>" (who and when: the row's created_by and _at).
 * 1 stored, 0 no such teacher of the caller's, -1 refused (err). */
int teachers_import_training(struct db *db, const char *idno,
                             const char *programme, const char *level,
                             const char *hours, const char *started_on,
                             const char *ended_on, const char *source,
                             struct db_error *err);

#endif
