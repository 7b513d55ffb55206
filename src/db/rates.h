/*
 * rates.h
 *   The standard amounts of 全程资助 (eduaid.subsidy_rate,
 *   sql/027_subsidy_rates.sql and sql/repeatable/40_rates.sql): every
 *   login lists them; the admin sets one (inserts it or changes its
 *   amount) or deletes one. `eduaid rates` uses it.
 *
 *   Every function returns 0 (rates_delete: 1 or 0) on success and -1
 *   with err filled in on failure; err->sqlstate says what the server
 *   refused (42501 for anyone but the admin, 23514 and a constraint of
 *   subsidy_rate for a rate that cannot be, EA004).
 */
#ifndef EDUAID_DB_RATES_H
#define EDUAID_DB_RATES_H

#include <stdbool.h>

#include "db/db.h"

/* One rate; the strings live as long as the list. */
struct rate {
    int school_year;
    const char *program;    /* preschool_aid ... */
    const char *program_zh; /* its words (eduaid.choice_program) */
    const char *program_en;
    const char *stage; /* preschool ... */
    const char *stage_zh;
    const char *stage_en;
    bool boarding;
    const char *amount; /* yuan, as the server writes it: "1250.00" */
};

struct rate_list {
    struct rate *items;
    int n;
    void *res_; /* owns the strings */
};

/* The rates of school year year (0: every year), by year, program and
 * stage in the choice lists' order, day pupils first. Free with
 * rates_list_free. */
int rates_list(struct db *db, int year, struct rate_list *out,
               struct db_error *err);
void rates_list_free(struct rate_list *l);

/* The rate of (program, year, stage, boarding) becomes amount (yuan, as
 * valid_money takes it): inserted, or its amount changed. A program or
 * stage that is not in its choice list is refused here, by name. */
int rates_set(struct db *db, const char *program, int year, const char *stage,
              bool boarding, const char *amount, struct db_error *err);

/* Delete that rate: 1 when it was there, 0 when not, -1 on failure. */
int rates_delete(struct db *db, const char *program, int year,
                 const char *stage, bool boarding, struct db_error *err);

#endif /* EDUAID_DB_RATES_H */
