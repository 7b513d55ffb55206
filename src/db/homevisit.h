/*
 * homevisit.h
 *   送教上门: the home-delivery plans of disabled children that still owe
 *   visits this month (eduaid.home_delivery_due, sql/012_ledgers.sql),
 *   their latest visits, the teachers who may have visited, and logging a
 *   visit. The server checks every rule (an approved, active plan; a
 *   teacher of the township; the date; hours in tenths up to 8).
 *
 *   Functions returning struct dbres give a new one (the caller owns it
 *   and frees it with dbres_free) whose columns are read by the names
 *   listed here, values as text (NULL for SQL NULL); or NULL with err
 *   filled in. Ids, dates and hours are the text a person typed or a row
 *   held; the server casts them.
 */
#ifndef EDUAID_DB_HOMEVISIT_H
#define EDUAID_DB_HOMEVISIT_H

#include "db/db.h"

/* Every plan of the caller's townships with visits due this month:
 * township_id, plan_id, child_name, teacher_id, teacher_name,
 * visits_per_month, visits_logged, due, last_visit, township (its
 * name). */
struct dbres *home_delivery_due(struct db *db, struct db_error *err);

/* One row over those plans: plans (how many), due (visits still due). */
struct dbres *home_delivery_totals(struct db *db, struct db_error *err);

/* The latest 5 visits of a plan, newest first: visit_date, teacher (the
 * teacher's name, "" when unknown), hours, content. */
struct dbres *home_delivery_visits(struct db *db, const char *township,
                                   const char *plan, struct db_error *err);

/* At most 50 active teachers of the township whose name holds filter, the
 * one with id `teacher` first: value (the teacher's id), label (name),
 * detail (their school). */
struct dbres *home_delivery_teachers(struct db *db, const char *filter,
                                     const char *township, const char *teacher,
                                     struct db_error *err);

/* Log a visit of plan (of township) on date by teacher: hours, what was
 * taught. 0, or -1 with err (the constraint names the rule broken). */
int home_delivery_log(struct db *db, const char *township, const char *plan,
                      const char *date, const char *teacher, const char *hours,
                      const char *content, struct db_error *err);

#endif /* EDUAID_DB_HOMEVISIT_H */
