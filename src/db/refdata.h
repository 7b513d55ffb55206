/*
 * refdata.h
 *   The admin's reference data (screens/refdata*.c, issue 14): the rows
 *   of one kind -- schools (of one township or all), training courses,
 *   teacher fund programs, standard amounts (of one school year or all)
 *   -- and the changes the admin's grants allow: add and change a school,
 *   course or program (never its keys), retire it or bring it back (never
 *   delete it: records name it). The standard amounts are set and
 *   deleted through db/rates.h; the server keeps a rate that approved
 *   records were granted under as it is (EA185, rate_guard,
 *   sql/repeatable/29_refdata.sql). Every change is audited by the
 *   server (kind 'reference').
 */
#ifndef EDUAID_DB_REFDATA_H
#define EDUAID_DB_REFDATA_H

#include <stdbool.h>

#include "db/db.h"

enum refkind { RK_SCHOOL, RK_COURSE, RK_PROGRAM, RK_RATE, RK_COUNT };

/* The filters of a list: township (schools; 0 all), school_year (rates;
 * 0 all), search (the start of a name, or a code; NULL or "" all). */
struct refdata_filter {
    int township;
    int school_year;
    const char *search;
};

/*
 * refdata_rows
 *
 * The rows of kind k that f lets through, at most 2000, active ones
 * first. Columns by kind:
 *   RK_SCHOOL   id, township_id, township, name, kind, nutrition_pilot,
 *               canteen, active ('t'/'f')
 *   RK_COURSE   id, name, category, hours, active
 *   RK_PROGRAM  id, code, name, max_amount ("" none), active
 *   RK_RATE     school_year, program, program_zh, program_en, stage,
 *               stage_zh, stage_en, boarding, amount, in_effect ('t' when
 *               approved records were granted under it), active (always
 *               't')
 */
struct dbres *refdata_rows(struct db *db, enum refkind k,
                           const struct refdata_filter *f,
                           struct db_error *err);

/* The values of a school, course or program as text (NULL for SQL NULL;
 * booleans "t"/"f"): for RK_SCHOOL township_id, name, kind,
 * nutrition_pilot, canteen (issue 17 H3: its canteen serves the meal);
 * RK_COURSE name, category, hours; RK_PROGRAM code, name, max_amount.
 * v[3] and v[4] are unused but for RK_SCHOOL. */
struct refdata_values {
    const char *v[5];
};

/* Add a row of kind k (not RK_RATE): its new id, or -1 with err. */
long long refdata_add(struct db *db, enum refkind k,
                      const struct refdata_values *vals, struct db_error *err);

/* Change row id of kind k (not RK_RATE; the key values of vals -- a
 * school's township, a program's code -- are not written): 0, 1 when no
 * such row, or -1 with err. */
int refdata_change(struct db *db, enum refkind k, long long id,
                   const struct refdata_values *vals, struct db_error *err);

/* Retire (active false) or bring back row id of kind k (not RK_RATE): 0,
 * 1 when no such row, -1 with err. */
int refdata_set_active(struct db *db, enum refkind k, long long id, bool active,
                       struct db_error *err);

/* Add the standard amount of program in school_year for stage (boarding
 * or not): 0, or -1 with err (subsidy_rate_pkey when it exists: it is
 * changed through rates_set, db/rates.h). */
int refdata_rate_add(struct db *db, const char *program, const char *year,
                     const char *stage, bool boarding, const char *amount,
                     struct db_error *err);

/* The townships of the county (id, name, and the same as key, label for
 * the F4 pick list of listbase.h) in code order. */
struct dbres *refdata_townships(struct db *db, struct db_error *err);

/* The programs and stages of the standard amounts (value, zh, en) in
 * their lists' order: choice_program without the applied-for ones, and
 * choice_stage. */
struct dbres *refdata_rate_programs(struct db *db, struct db_error *err);
struct dbres *refdata_rate_stages(struct db *db, struct db_error *err);

#endif /* EDUAID_DB_REFDATA_H */
