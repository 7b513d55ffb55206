/*
 * export.h
 *   Reading a record kind out for a spreadsheet (eduaid export): one
 *   SELECT built from the kind's form definition, read under row-level
 *   security through a cursor a page at a time, in one transaction. The
 *   record rows come from the server's eduaid.export_<kind>(), which
 *   writes the export's audit row itself (the client cannot skip it).
 *
 *   Columns: the form's fields in form order (lookups as their labels,
 *   dates as YYYY-MM-DD; choices, yes/no fields, the stage and the status
 *   in words of the language asked -- the form's choice labels, 是/否,
 *   eduaid.choice_stage, eduaid.record_status -- or, with q->codes, as
 *   their stored codes, for re-import), then those of
 *   its first grid, one row per grid row (a record without grid rows is
 *   one row with those columns empty), then the record's status, id and
 *   last change. Personal data (any field with a *_masked twin column) is
 *   read from the twin unless unmasked is asked for; then the server
 *   decides (supervisors are refused with 42501). Headers are the form's
 *   labels in the language asked for.
 *
 *   The household kind leads with the roster columns the roster import
 *   reads (household_no, township, village, head_name, head_id_number,
 *   family_size, member_name, member_id_number, relation, stage: English
 *   names, or 户编号 ... 学段 in Chinese), then the rest as above.
 */
#ifndef EDUAID_DB_EXPORT_H
#define EDUAID_DB_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/formdef.h"
#include "db/db.h"

/* What to export. */
struct export_query {
    const struct formdef *form;
    const struct lookupset *lookups;
    const char *status; /* NULL: any; else one of eduaid.record_statuses() */
    int township_id;    /* 0: every township I may see */
    bool unmasked;      /* read the real personal columns */
    bool zh;            /* Chinese headers and words */
    bool codes;         /* values as stored codes (for re-import), not words */
};

/* Rows fetched per round trip. */
#define EXPORT_PAGE_ROWS 1000

struct export;

/*
 * export_township
 *
 * The township a user named: its 9-digit code or its name (one of the
 * caller's townships first when names repeat). Sets *id and copies its
 * name into name[namesz]. 0; 1 when no township has that code or name,
 * 2 when it is not one of the caller's (err->message says which); -1
 * with err on a database error.
 */
int export_township(struct db *db, const char *text, int *id, char *name,
                    size_t namesz, struct db_error *err);

/* 1 when the server knows record kind kind (eduaid.record_table), 0 when
 * not, -1 with err. */
int export_kind_known(struct db *db, const char *kind, struct db_error *err);

/*
 * export_begin
 *
 * BEGIN, check q->status against eduaid.record_statuses() (an unknown
 * word: -1 with err->sqlstate "22023" and the known words in
 * err->detail), DECLARE the cursor. A new struct export, or NULL with err
 * (the transaction rolled back). A refused column (42501) may surface
 * here or at the first export_fetch.
 */
struct export *export_begin(struct db *db, const struct export_query *q,
                            struct db_error *err);

/* The header: ncols labels, owned by ex. */
const char *const *export_header(const struct export *ex, size_t *ncols);

/* The form field column col (< ncols) comes from, or NULL for one of the
 * record's own columns (status, id, last change): its type tells a
 * spreadsheet's numbers from its text (core/csvout.h). */
const struct fielddef *export_column_field(const struct export *ex, size_t col);

/*
 * export_fetch
 *
 * The next page of at most EXPORT_PAGE_ROWS rows (ncols values each, in
 * header order; NULL for empty); 0 rows at the end. The caller frees it
 * with dbres_free. NULL with err on failure.
 */
struct dbres *export_fetch(struct export *ex, struct db_error *err);

/*
 * export_finish
 *
 * Close the cursor and COMMIT, which commits the audit row the server
 * wrote when the cursor was opened (it counted its rows itself: nrows,
 * what the client wrote, is not sent). 0, or -1 with err (the transaction
 * rolled back, its audit row with it). Frees ex either way.
 */
int export_finish(struct export *ex, long long nrows, struct db_error *err);

/* Roll back and free (NULL is fine). */
void export_abort(struct export *ex);

#endif /* EDUAID_DB_EXPORT_H */
