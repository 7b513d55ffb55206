/*
 * care.h
 *   关爱留守儿童 (issue 17 H2): the statements of the left-behind
 *   children's care ledger (sql/059_care.sql, sql/repeatable/36_m_care.sql)
 *   -- the list of the children of a school year with their care state,
 *   one child's care page (guardian, contact teacher, volunteer, the
 *   term's activities, the counselling sessions), and the writes: the
 *   care record's fields, a counselling session, an attendance.
 *
 *   A supervisor's reads name only the masked columns (phones, notes):
 *   he holds no privilege on the others, so the statement chosen by
 *   `masked` is the one his role may run. The server checks every rule
 *   and names the constraint a refusal breaks. Results as in ledger.h:
 *   a new struct dbres (the caller frees it) or NULL with err; the writes
 *   return 0, or -1 with err. Every value is a parameter.
 */
#ifndef EDUAID_DB_CARE_H
#define EDUAID_DB_CARE_H

#include <stdbool.h>

#include "db/db.h"

/* The activity kinds of the 少年宫, in the order offered. */
#define CARE_KINDS 6
extern const char *const care_kind_codes[CARE_KINDS];

/* The left-behind children of school year `year` in the caller's
 * townships (eduaid.care_children): township_id, township, household_id,
 * student_id, name, care_id, guardian_name, teacher_name, volunteer_name,
 * last_session, counselled (t/f), attended, needed. */
struct dbres *care_children_rows(struct db *db, int year, struct db_error *err);

/* The county's (or the caller's townships') totals of school year year
 * (eduaid.report_care's total row): children, cared. */
struct dbres *care_totals(struct db *db, int year, struct db_error *err);

/* The lines of one child's care page: kind ("guardian", "teacher",
 * "volunteer", "activities", "session"), ref (a session's id), value,
 * detail, notes (a session's notes, or their mask when masked). */
struct dbres *care_page_rows(struct db *db, int year, const char *student,
                             bool masked, struct db_error *err);

/* The care record of the child, made when missing (by a clerk or
 * officer); its id into out. */
int care_record_ensure(struct db *db, const char *township,
                       const char *household, const char *student, char *out,
                       size_t outsz, struct db_error *err);

/* Set the guardian (name, relation code, phone; NULL or "" clears), the
 * volunteer (name, phone) or the contact teacher (a teacher id; NULL
 * clears) of care record care. */
int care_set_guardian(struct db *db, const char *care, const char *name,
                      const char *relation, const char *phone,
                      struct db_error *err);
int care_set_volunteer(struct db *db, const char *care, const char *name,
                       const char *phone, struct db_error *err);
int care_set_teacher(struct db *db, const char *care, const char *teacher,
                     struct db_error *err);

/* A counselling session of care record care. */
int care_add_session(struct db *db, const char *care, const char *date,
                     const char *counsellor, const char *notes,
                     struct db_error *err);

/* Pick lists: the township's active teachers whose name holds filter
 * (value, label, detail: id, name, school); the activities of the term at
 * the township's schools, newest first, each with whether the child came
 * (value: the activity id; label: date and kind code in detail). */
struct dbres *care_teachers(struct db *db, const char *care, const char *filter,
                            struct db_error *err);
struct dbres *care_activities(struct db *db, int year, const char *care,
                              struct db_error *err);

/* Mark the child present at activity (or absent again: toggles); a new
 * activity of kind today at the child's school when activity is NULL. */
int care_toggle_attendance(struct db *db, const char *care,
                           const char *activity, struct db_error *err);
int care_new_activity(struct db *db, const char *care, const char *kind,
                      struct db_error *err);

#endif
