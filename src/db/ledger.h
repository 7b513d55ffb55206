/*
 * ledger.h
 *   控辍保学: the dropout ledgers of a school year (sql/012_ledgers.sql) --
 *   school-age children, suspected and confirmed dropouts, children back
 *   in school -- their counts, one child's persuasion visits, and the
 *   steps of a case: record a visit, confirm the dropout, close it as
 *   back in school. The server checks every rule (ages, dates, states,
 *   townships) and names the constraint a refusal breaks.
 *
 *   Functions returning struct dbres give a new one (the caller owns it
 *   and frees it with dbres_free) whose columns are read by the names
 *   listed here, values as text (NULL for SQL NULL); or NULL with err
 *   filled in. The steps return 0, or -1 with err. Ids and dates are the
 *   text a person typed or a row held; the server casts them.
 */
#ifndef EDUAID_DB_LEDGER_H
#define EDUAID_DB_LEDGER_H

#include "db/db.h"

/* The visit outcomes the server knows, in the order they are offered. */
#define DROPOUT_OUTCOMES 5

/*
 * dropout_ledger_rows
 *
 * At most limit children of ledger ("school_age", "suspected",
 * "confirmed" or "returned") of school year `year` in the caller's
 * townships (eduaid.dropout_ledger): student_id, household_no, name,
 * id_number_masked, age, schooling_status, state (of the case, NULL when
 * none), opened_on, confirmed_on, returned_on, returned_school, visits,
 * last_visit, township (its name).
 */
struct dbres *dropout_ledger_rows(struct db *db, int year, const char *ledger,
                                  int limit, struct db_error *err);

/* One row of the caller's totals of school year `year`: school_age,
 * suspected, confirmed, returned. */
struct dbres *dropout_counts(struct db *db, int year, struct db_error *err);

/* The persuasion visits to one child across all its cases, newest first
 * (eduaid.dropout_visits): case_id, state, visit_date, visitor, outcome,
 * notes, recorded_by_name. */
struct dbres *dropout_visits(struct db *db, const char *student,
                             struct db_error *err);

/* The visit outcomes whose label (labels[i] is outcome i's, in the
 * person's language) holds filter, ignoring case, in order: value (the
 * server's word: will_return, returned, refused, not_met, other), label,
 * detail (NULL). */
struct dbres *dropout_outcomes(struct db *db, const char *filter,
                               const char *const labels[DROPOUT_OUTCOMES],
                               struct db_error *err);

/* At most 50 active schools a child may go back to whose name or
 * township's name holds filter, the caller's townships first: value (the
 * school's id), label (its name), detail (its township). */
struct dbres *dropout_schools(struct db *db, const char *filter,
                              struct db_error *err);

/* The steps (eduaid.dropout_visit, dropout_confirm, dropout_return);
 * notes may be NULL. */
int dropout_record_visit(struct db *db, const char *student, const char *date,
                         const char *visitor, const char *outcome,
                         const char *notes, struct db_error *err);
int dropout_confirm(struct db *db, const char *student, const char *date,
                    struct db_error *err);
int dropout_return(struct db *db, const char *student, const char *date,
                   const char *school, struct db_error *err);

#endif /* EDUAID_DB_LEDGER_H */
