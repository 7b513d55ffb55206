/*
 * roster.h
 *   The reconciliation of a roster import with eduaid (sql/011_roster.sql),
 *   computed by the server under the caller's row-level security: counts
 *   per township, every difference, and drafts for the households the
 *   roster has and eduaid lacks. Loading the file is rosterload.h.
 *
 *   Functions returning struct dbres give a new one (the caller owns it
 *   and frees it with dbres_free) whose columns are read by the names
 *   listed here, values as text (NULL for SQL NULL); or NULL with err
 *   filled in. Import ids and township codes are text, as typed.
 */
#ifndef EDUAID_DB_ROSTER_H
#define EDUAID_DB_ROSTER_H

#include "db/db.h"

/* 1 when import_id names a finished roster import of the caller's, 0
 * when not, -1 with err. */
int roster_import_known(struct db *db, const char *import_id,
                        struct db_error *err);

/* Per township of the roster in the caller's scope (only township's
 * when it is not NULL): township_id, township_name, roster_households,
 * roster_members, missing_households, extra_households,
 * differing_households, missing_members, extra_members,
 * differing_members. */
struct dbres *roster_counts(struct db *db, const char *import_id,
                            const char *township, struct db_error *err);

/* Every difference (only township's when it is not NULL), in the columns
 * and order of eduaid.roster_difference -- township_id, township_name,
 * diff_kind, household_no, person_name, id_number (masked for
 * supervisors), field, roster_value, eduaid_value -- which are also the
 * header roster_write_csv writes. */
struct dbres *roster_differences(struct db *db, const char *import_id,
                                 const char *township, struct db_error *err);

/* The import's rows in townships that are not the caller's, which the
 * counts and differences leave out, one row per township: township_id,
 * township_name, households, rows, first_line (the file line of the
 * first). */
struct dbres *roster_outside_scope(struct db *db, const char *import_id,
                                   struct db_error *err);

/* A draft of household household_no of the import and its members
 * (eduaid.roster_create_drafts; clerks and officers). 0, or -1 with
 * err. */
int roster_create_draft(struct db *db, const char *import_id,
                        const char *household_no, struct db_error *err);

#endif /* EDUAID_DB_ROSTER_H */
