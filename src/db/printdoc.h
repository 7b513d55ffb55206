/*
 * printdoc.h
 *   The printed documents (core/pdfdoc.h), the one path the command line
 *   (`eduaid notice print N --pdf FILE`, `eduaid report NAME --pdf FILE`,
 *   cli/pdfprint.c) and the screens (the notice screens' and the report
 *   screen's p key) share: what the server holds, read with the same
 *   statements (db/notice.h, db/sheet.h, db/report.h), laid out as A4 PDF
 *   and written through core/safefile.c, 0600, whole or not at all.
 *   Nothing here prints a message: the caller says what happened, in its
 *   own way (stderr and an exit status, or the status line).
 */
#ifndef EDUAID_DB_PRINTDOC_H
#define EDUAID_DB_PRINTDOC_H

#include <limits.h>
#include <stddef.h>

#include "db/db.h"
#include "db/report.h"

/* Why a document was not written. */
enum printdoc_failure {
    PRINTDOC_OK = 0,
    PRINTDOC_SERVER, /* the server refused or failed: see err */
    PRINTDOC_NONE,   /* no such notice, or not the caller's to see */
    PRINTDOC_NOCODE, /* the notice has no content hash (no QR code) */
    PRINTDOC_FILE    /* the file or the PDF failed: see msg */
};

/* What was written. */
struct printdoc_done {
    int pages;
    char path[PATH_MAX]; /* absolute ("-": standard output) */
    int to_stdout;       /* the file was standard output */
};

/*
 * printdoc_notice
 *
 * Notice id as the 公示 sheet (its words Chinese whatever the locale: it
 * is posted in the township), with office as the heading of every page
 * ("" or NULL: none) and the QR code of its content hash, into file.
 * PRINTDOC_OK with *done filled in; else what failed, with err (SERVER)
 * or msg (FILE); no file is left behind.
 */
enum printdoc_failure printdoc_notice(struct db *db, const char *id,
                                      const char *office, const char *file,
                                      struct printdoc_done *done,
                                      struct db_error *err, char *msg,
                                      size_t msgsz);

/*
 * printdoc_report
 *
 * Report d (not the missing list) for year and township (0: all the
 * caller's) in the user's language, with its table and the bar chart of
 * its bar column, into file; as printdoc_notice.
 */
enum printdoc_failure printdoc_report(struct db *db, const struct report_def *d,
                                      int year, int township,
                                      const char *office, const char *file,
                                      struct printdoc_done *done,
                                      struct db_error *err, char *msg,
                                      size_t msgsz);

/* issue 17 H6: report d's rows r as printdoc_report prints them, with
 * stamp (a snapshot's "submitted version" line; NULL: none) under the
 * year; as printdoc_notice, without the server. */
enum printdoc_failure printdoc_report_rows(const struct report_def *d,
                                           const struct dbres *r, int year,
                                           const char *stamp,
                                           const char *office, const char *file,
                                           struct printdoc_done *done,
                                           char *msg, size_t msgsz);

/* issue 15 H4: render draw(arg), with page on every page, into file
 * (0600, whole or not at all); PRINTDOC_OK with *done filled in, or
 * PRINTDOC_FILE with msg. For the other documents (db/pairreport.h). */
struct pdfdoc_page;
struct pdfdoc;
enum printdoc_failure printdoc_write(const char *file,
                                     const struct pdfdoc_page *page,
                                     int (*draw)(struct pdfdoc *, void *),
                                     void *arg, struct printdoc_done *done,
                                     char *msg, size_t msgsz);

#endif /* EDUAID_DB_PRINTDOC_H */
