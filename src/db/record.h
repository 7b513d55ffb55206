/*
 * record.h
 *   SQL built from form definitions: list pages (keyset, newest change
 *   first), one record with its grid rows, saving it (insert or update
 *   with a version check, grid rows in the same transaction), workflow
 *   actions, lookups, and the start-up check of every form against the
 *   live catalog. Identifiers come from the form definition and are quoted
 *   with db_quote_ident; every value is a parameter.
 *
 *   Values are UTF-8 strings as a person typed them; "" means NULL for
 *   every type but required text. The server casts them to column types.
 */
#ifndef EDUAID_DB_RECORD_H
#define EDUAID_DB_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/formdef.h"
#include "db/db.h"

/* One grid row (e.g. a household member) being edited. */
struct grid_row {
    long long id;       /* 0: new */
    char **values;      /* parallel to griddef.fields */
    bool changed, deleted;
};

struct grid_rows {
    struct grid_row *rows;
    size_t count, cap;
};

/* One record being edited. values[] is parallel to formdef.fields. */
struct record {
    const struct formdef *form;
    long long id;       /* 0: new */
    int version;
    char status[16];    /* "draft" ... "" when new */
    char uuid[37];      /* the client's UUID for a new record (idempotent insert) */
    char **values;
    struct grid_rows *grids;   /* one per formdef.grids */
    char *reason;       /* last rejection/reopen reason, or NULL */
};

/* A new, empty record of form f (a fresh UUID); NULL when out of memory. */
struct record *record_new(const struct formdef *f);
void record_free(struct record *r);
/* Set value i (copied); false when out of memory. */
bool record_set(struct record *r, size_t field, const char *value);
/* Add an empty grid row to grid g; its index, or -1. */
int record_add_row(struct record *r, size_t g);

/* A page of the list screen. */
struct list_query {
    const char *status;       /* NULL: all */
    int township_id;          /* 0: all I may see */
    const char *search;       /* NULL: none. Matches search fields: = for ID and
                                 numbers, prefix for names. */
    /* keyset: the last row of the previous page, or both 0/NULL for the first */
    const char *after_updated_at;
    long long after_id;
    int limit;                /* rows per page */
};

/*
 * record_list_page
 *
 * Rows of f's table visible to the user, newest change first, filtered by
 * q; columns, read by name: id, version, status, township (its name),
 * updated_at, then f's list columns, each under its field's name (lookups
 * as their labels). Returns a new dbres (dbres_free) or NULL with err set.
 */
struct dbres *record_list_page(struct db *db, const struct formdef *f,
                               const struct lookupset *l, const struct list_query *q,
                               struct db_error *err);

/* How many records of f the caller sees in each state: rows of status,
 * n (states without records have no row). A new dbres (dbres_free), or
 * NULL with err. */
struct dbres *record_status_counts(struct db *db, const struct formdef *f,
                                   struct db_error *err);

/* Load record id of f with its grid rows into a new struct record. */
struct record *record_load(struct db *db, const struct formdef *f, long long id,
                           struct db_error *err);

/*
 * record_save
 *
 * Insert (id 0: INSERT ... ON CONFLICT (township_id, client_uuid) DO
 * NOTHING, then read it back, so a replay after a lost COMMIT is harmless)
 * or update (WHERE id = $ AND version = $: zero rows means someone else
 * changed it, reported as EA007), then insert/update/delete changed grid
 * rows, all in one transaction. On success r->id and r->version are
 * current and grid rows are clean. 0 or -1 with err.
 *
 * Round trips (issue 16): an existing record is saved in two -- one
 * pipeline (BEGIN, the UPDATE, the grid rows' statements, the version
 * read back) whose answers are judged before COMMIT, then the COMMIT (or
 * ROLLBACK) -- with the column privileges kept from opening it. A new
 * record goes statement by statement.
 */
int record_save(struct db *db, struct record *r, struct db_error *err);
/*
 * record_save_foresee
 *
 * record_save, and with foresee (an existing record) first, in the same
 * transaction and round trip, eduaid.save_blocks_own_step (four-eyes
 * foresight, workflow.h): when it names a step the person would lose,
 * nothing is saved and 1 is returned with the step (an action) in
 * step[stepsz]. 0 saved, -1 with err.
 */
int record_save_foresee(struct db *db, struct record *r, bool foresee,
                        char *step, size_t stepsz, struct db_error *err);

/* eduaid.<action>(kind, id, [reason,] version): action is submit, verify,
 * approve, reject or reopen. Sets *new_version. 0 or -1. */
int record_transition(struct db *db, const struct formdef *f, long long id, int version,
                      const char *action, const char *reason, int *new_version,
                      struct db_error *err);

/*
 * record_lookup
 *
 * Up to limit rows of lookup d whose label or detail contains each word of
 * text (anywhere, ASCII case ignored; NULL or blank: any; a word of ASCII
 * letters may also be found in the label's pinyin initials, fxzy for
 * 房县职业技术学校: eduaid.pinyin_initials), in the scope of
 * township_id (for scope "township"), in key order: columns key, label,
 * detail (NULL when the lookup has none), total (how many rows match
 * in all, however many limit returned) and township (the row's township
 * for a lookup of scope "township", else NULL). A new dbres (dbres_free), or NULL
 * with err on failure. record_lookup_only keeps only the rows whose
 * only->column is one of only->values (a field's lookup_only; NULL: all).
 */
struct lookup_only {
    const char *column;
    char *const *values;
    size_t nvalues;
};
struct dbres *record_lookup(struct db *db, const struct lookupdef *d, int township_id,
                            const char *text, int limit, struct db_error *err);
struct dbres *record_lookup_only(struct db *db, const struct lookupdef *d,
                                 const struct lookup_only *only, int township_id,
                                 const char *text, int limit, struct db_error *err);
/* The label of one key of lookup d (malloc'd), or NULL. */
char *record_lookup_label(struct db *db, const struct lookupdef *d, const char *key,
                          struct db_error *err);

/*
 * record_check_catalog
 *
 * Every table, field, list column and grid of f exists in the live
 * catalog (schema eduaid) and every lookup of l names real columns.
 * 0, or -1 with ferr naming the file, line and the missing name.
 */
int record_check_catalog(struct db *db, const struct formdef *f, const struct lookupset *l,
                         struct formdef_error *ferr, struct db_error *err);

/*
 * record_error_field
 *
 * The field a server error concerns: from the constraint name
 * (<table>_<field>_check/_fk/_key), the column of a not-null violation, or
 * NULL when none. Searches f's fields and its grids; *grid is set to the
 * grid index or -1 for the form itself.
 */
const char *record_error_field(const struct formdef *f, const struct db_error *err, int *grid);

#endif /* EDUAID_DB_RECORD_H */
