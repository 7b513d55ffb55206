/*
 * aid.h
 *   Granting a child's aid of a school year (sql/repeatable/43_aid.sql):
 *   the 应享未享 working list of a school year (eduaid.aid_missing, keyset
 *   pages), granting marked lines at their standard amounts in one step
 *   (eduaid.grant_standard), filling in one year record's standard aid
 *   (eduaid.grant_record_standard, the form's F7), a child's standard
 *   amount of a program in a year record (the row editor's prefill), and
 *   the server's current school year.
 *
 *   Results are read by column name. Every function returns NULL (or -1)
 *   with err filled in on failure.
 */
#ifndef EDUAID_DB_AID_H
#define EDUAID_DB_AID_H

#include <stddef.h>

#include "db/db.h"

/* The school year of the server's current_date (2026 means 2026-27);
 * 0 or -1. */
int aid_current_year(struct db *db, int *year, struct db_error *err);

/*
 * aid_missing_page
 *
 * The lines of year's list (township 0: every township the person may
 * see; status NULL or "": records in any state, else in that one) after
 * line after_row of after (NULL: from the first), at most limit (0: all).
 * Columns: household_year_id, status, township_id,
 * township, household_no, head_name, student_id, student_name, stage,
 * school, program, amount.
 */
struct dbres *aid_missing_page(struct db *db, int year, int township,
                               const char *status, const struct dbres *after,
                               int after_row, int limit, struct db_error *err);

/*
 * aid_grant
 *
 * Grant n (year record, child, program) triples at their standard
 * amounts, in one statement; each is granted, already granted or refused
 * on its own. One row per triple, in order: household_year_id,
 * student_id, program, outcome ("granted", "already", "refused"),
 * sql_state and constraint_name (of a refusal), amount.
 */
struct dbres *aid_grant(struct db *db, int n, const long long *year_ids,
                        const long long *student_ids,
                        const char *const *programs, struct db_error *err);

/* Grant every program of the year record's proposal that has a standard
 * amount and is not granted yet; rows as aid_grant's (none: nothing to
 * grant). */
struct dbres *aid_fill_record(struct db *db, long long year_id,
                              struct db_error *err);

/*
 * aid_standard_amount
 *
 * The standard amount (yuan, "1250.00") of program for child student_id
 * in year record year_id, into out: 1 when there is one, 0 when not (not
 * offered, no rate), -1 on failure.
 */
int aid_standard_amount(struct db *db, long long year_id, long long student_id,
                        const char *program, char *out, size_t outsz,
                        struct db_error *err);

#endif /* EDUAID_DB_AID_H */
