/*
 * pairing.h
 *   School pairing (结对帮扶, issue 15), the statements of the client's
 *   pairing area: the pairs the person sees (eduaid.my_pairs(), the
 *   policies of sql/repeatable/38_policies.sql), a new pair and its
 *   helped schools, and the rows of a pair's page (targets, activities,
 *   monthly reports, quarterly records, inspections, rectification
 *   notices and responses). The server decides who may write what; a
 *   refused write comes back in err.
 *
 *   Functions returning struct dbres give a new one (the caller owns it
 *   and frees it with dbres_free) whose columns are read by the names
 *   listed here, values as text (NULL for SQL NULL); or NULL with err
 *   filled in. Ids and dates are the text a person typed or a row held;
 *   the server casts them.
 */
#ifndef EDUAID_DB_PAIRING_H
#define EDUAID_DB_PAIRING_H

#include "db/db.h"

/* One row over the pairs the caller sees: pairs (how many), running (in
 * their cycle today, not ended early), approved (with an approved
 * agreement). */
struct dbres *pairing_counts(struct db *db, struct db_error *err);

/* The pairs the caller sees, by title; township: 0 for all, else the
 * pairs one of whose sides (home, helping or a helped school) lies in it:
 * township_id (home), id, title, township (home's name), helping
 * (the helping school's name), helping_township, helped_count, helped
 * (the helped schools' names, 、-separated), form (one_to_one, district),
 * help_kind (city_county, town_village), cycle_start, cycle_end,
 * ended_on, end_reason, helping_lead, helped_lead, agreement (its
 * status, NULL without one). */
struct dbres *pairs_list(struct db *db, const char *township,
                         struct db_error *err);

/* The same columns for one pair (none when the caller does not see it). */
struct dbres *pair_get(struct db *db, const char *township, const char *pair,
                       struct db_error *err);

#endif
