/*
 * pdfprint.h
 *   The printed documents of the command line: a notice (公示) sheet with
 *   its QR code and a report with its bar chart, as A4 PDF files (0600),
 *   through db/printdoc.h, the path the screens take too.
 */
#ifndef EDUAID_CLI_PDFPRINT_H
#define EDUAID_CLI_PDFPRINT_H

#include "db/db.h"
#include "db/report.h"

/* Notice id as a PDF into file; an exit status (EXIT_OK, EXIT_INVALID
 * when there is no such notice, EXIT_USAGE on a file or PDF error),
 * after a message on stderr. */
int pdfprint_notice(struct db *db, const char *id, const char *file);

/* Report d (not the missing list) for year and township as a PDF into
 * file; an exit status, after a message on stderr. */
int pdfprint_report(struct db *db, const struct report_def *d, int year,
                    int township, const char *file);

/* issue 17 H6: snapshot info's rows (report d) as a PDF into file, with
 * the line saying which version it is (报送版本：date 由 who 冻结，
 * SHA-256 ...); an exit status, after a message on stderr. */
struct snapshot_info;
int pdfprint_snapshot(const struct report_def *d, const struct dbres *rows,
                      const struct snapshot_info *info, const char *file);

/* issue 15 H4: the office's heading (print.office) of the configuration
 * the command reads, malloc'd ("" when unset), NULL out of memory. */
char *pdfprint_office(void);

#endif /* EDUAID_CLI_PDFPRINT_H */
