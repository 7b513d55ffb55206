/*
 * rosterload.h
 *   Loading a roster CSV file into eduaid.roster_import / roster_row
 *   (sql/011_roster.sql) in one transaction with COPY: read with csv.h,
 *   header and records checked with roster.h, townships and villages
 *   resolved against the database, rows copied, the import finished by
 *   eduaid.roster_finish() and committed -- or, at the first refusal by
 *   the client or the server, nothing kept. Every problem is reported as
 *   "FILE:LINE:COLUMN: NAME: reason" -- LINE the physical line the record
 *   starts on (a failure to read the file: the line it is on), COLUMN the
 *   number of the field in the record (1 for the first, the spreadsheet's
 *   column A; for every kind of problem), NAME the header's name of that
 *   column on a data row; "FILE:LINE: reason" when no column is concerned,
 *   "FILE: reason" when no line is. Warnings say "warning: " before NAME.
 *   Records of only commas and blanks are skipped with a warning (Excel
 *   writes them below a table; one between rows too); a value outside the
 *   header's named columns is refused; a '?' in a name and rows of
 *   townships outside the importer's (imported, left out of their
 *   reconciliation) are warnings. Used by `eduaid import roster` and the
 *   import screen.
 */
#ifndef EDUAID_DB_ROSTERLOAD_H
#define EDUAID_DB_ROSTERLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/csv.h"
#include "core/csvout.h"
#include "db/db.h"

struct roster_load {
    long long import_id; /* 0 when nothing was imported */
    long rows, households, members;
    enum csv_encoding encoding;
    /* "FILE:LINE:COLUMN: NAME: reason" lines, errors and warnings in file
     * order, then the townships outside the importer's */
    char **messages;
    size_t nmessages;
    size_t nerrors; /* how many of them are errors (the rest warnings) */
};

/* At most this many client-side errors are listed before giving up. */
#define ROSTER_LOAD_MAX_ERRORS 50

/*
 * roster_load_file
 *
 * Import the roster at path, read in encoding enc (CSV_ENC_UNKNOWN:
 * detect). client_checks false skips the client's record checks (the
 * server's constraints still apply; for tests of the server's rules).
 * Returns 0 with out->import_id set, or -1 with out->messages saying why
 * (nothing imported). out must be freed with roster_load_free() either
 * way. The connection must not be inside a transaction.
 */
int roster_load_file(struct db *db, const char *path, enum csv_encoding enc,
                     bool client_checks, struct roster_load *out);

/* How far an import is: told to a roster_progress_fn while the rows are
 * read and copied (at most five times a second), once when the server
 * checks them (roster_finish) and once when it is committed. */
enum roster_phase { ROSTER_READING, ROSTER_CHECKING, ROSTER_DONE };
struct roster_progress {
    enum roster_phase phase;
    long rows;       /* records read */
    long long bytes; /* bytes of the file read */
    double seconds;  /* since the file was opened */
};
typedef void (*roster_progress_fn)(const struct roster_progress *p, void *ctx);

/* roster_load_file, telling fn (with ctx) how far it is; fn may be NULL. */
int roster_load_file_progress(struct db *db, const char *path,
                              enum csv_encoding enc, bool client_checks,
                              roster_progress_fn fn, void *ctx,
                              struct roster_load *out);

/* "1234 rows, 5.6 MB, 78901 rows/s" (", checking" while the server
 * checks them) into buf. */
void roster_progress_text(const struct roster_progress *p, char *buf,
                          size_t size);
void roster_load_free(struct roster_load *out);

/*
 * roster_write_csv
 *
 * Write result r (its column names as the header row, then its rows) to
 * the file path with csvout.h in encoding enc, mode 0600 (full ID
 * numbers), through core/safefile.h: complete or not at all, never through
 * a symlink. The absolute name it got goes to written[wsz]. 0, or -1 with a
 * sentence in err.
 */
int roster_write_csv(const struct dbres *r, const char *path,
                     enum csvout_encoding enc, char *written, size_t wsz,
                     char *err, size_t errsz);

#endif /* EDUAID_DB_ROSTERLOAD_H */
