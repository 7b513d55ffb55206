/*
 * pairreport.h
 *   The printed documents of school pairing (结对帮扶, issue 15 H4), as
 *   A4 PDF through the machinery of the 公示 sheet (core/pdfdoc.h,
 *   db/printdoc.h): the quarterly bulletin (帮扶通报), one rectification
 *   notice (整改通知书) and the annual scoring table (考核评分表). What
 *   the server holds under the caller's row-level security
 *   (sql/repeatable/36_pairing_reports.sql: eduaid.pair_bulletin,
 *   eduaid.pair_notice_doc, eduaid.pair_annual_sheet); their words are
 *   Chinese whatever the locale (they are issued and posted). Nothing here
 *   prints a message: the caller says what happened.
 */
#ifndef EDUAID_DB_PAIRREPORT_H
#define EDUAID_DB_PAIRREPORT_H

#include <stddef.h>

#include "db/db.h"
#include "db/printdoc.h"

/* The inspections of quarter (1-4) of year as the bulletin, into file;
 * as printdoc_notice (an empty quarter prints, saying so). */
enum printdoc_failure pairdoc_bulletin(struct db *db, int year, int quarter,
                                       const char *office, const char *file,
                                       struct printdoc_done *done,
                                       struct db_error *err, char *msg,
                                       size_t msgsz);

/* Rectification notice id (digits) as its 整改通知书, into file;
 * PRINTDOC_NONE when there is no such notice or it is not the caller's to
 * see; else as printdoc_notice. */
enum printdoc_failure pairdoc_notice(struct db *db, const char *id,
                                     const char *office, const char *file,
                                     struct printdoc_done *done,
                                     struct db_error *err, char *msg,
                                     size_t msgsz);

/* The annual scoring sheet of year with its ranks, into file; as
 * printdoc_notice. */
enum printdoc_failure pairdoc_scores(struct db *db, int year,
                                     const char *office, const char *file,
                                     struct printdoc_done *done,
                                     struct db_error *err, char *msg,
                                     size_t msgsz);

#endif /* EDUAID_DB_PAIRREPORT_H */
