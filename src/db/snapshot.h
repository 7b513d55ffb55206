/*
 * snapshot.h
 *   Reports as submitted (报送版本, issue 17 H6): freezing a report of
 *   src/db/report.h on the server (eduaid.report_freeze runs it as the
 *   caller and stores its rows with their SHA-256), listing the snapshots
 *   the caller may read, and reading one back -- its facts, whether its
 *   hash still matches its content (the server recomputes it), and its
 *   rows as a struct dbres with the report's column names, so that the CSV,
 *   the PDF and the report screen print them as they print a report.
 */
#ifndef EDUAID_DB_SNAPSHOT_H
#define EDUAID_DB_SNAPSHOT_H

#include <stdbool.h>

#include "db/db.h"

struct snapshot_info {
    long long id;
    char report[48];
    int year;
    int township;            /* 0: the county */
    char scope[96];          /* the township's name, or "" for the county */
    char submitted_on[16];   /* YYYY-MM-DD */
    char frozen_at[24];      /* YYYY-MM-DD HH:MM, the server's time zone */
    char frozen_by[64];      /* the login */
    char frozen_by_name[96]; /* the full name ("" when unknown) */
    char note[832];
    char sha256[65];
    bool verified; /* the stored hash is that of the content */
};

/* Freeze report `report` of `year` for `township` (0: the county) with
 * `note` (NULL: none); *out gets the new snapshot's facts. 0, or -1 with
 * err (the server's refusal: EA248 no such report, EA249 not yours). */
int snapshot_freeze(struct db *db, const char *report, int year, int township,
                    const char *note, struct snapshot_info *out,
                    struct db_error *err);

/* The snapshots the caller may read, newest first, of report `report`
 * (NULL: every report): id, report, year, township_id, scope,
 * submitted_on, frozen_at, frozen_by, frozen_by_name, note, sha256. */
struct dbres *snapshot_list(struct db *db, const char *report,
                            struct db_error *err);

/* The facts of snapshot id into *out: 0; 1 when there is no such
 * snapshot the caller may read; -1 with err. */
int snapshot_get(struct db *db, long long id, struct snapshot_info *out,
                 struct db_error *err);

/* Snapshot id's rows as stored, in order, under their stored column
 * names (township_id, township, item, then the report's): the values as
 * the report returned them. NULL with err. */
struct dbres *snapshot_rows(struct db *db, long long id, struct db_error *err);

/* Fill *out from row `row` of a snapshot_list result. */
void snapshot_info_from(const struct dbres *r, int row,
                        struct snapshot_info *out);

/* The line a printed snapshot carries ("Submitted version: DATE frozen by
 * WHO, SHA-256 HASH", translated), new malloc'd; NULL out of memory. */
char *snapshot_stamp(const struct snapshot_info *i);

#endif /* EDUAID_DB_SNAPSHOT_H */
