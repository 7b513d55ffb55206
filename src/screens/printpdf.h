/*
 * printpdf.h
 *   The p key of the notice screens and the report screen (issue 14): the
 *   document the command line prints (db/printdoc.h, the same code), as a
 *   PDF in the exports folder the export screen uses, 0600; the status
 *   line says where it went, the path shortened to fit (~ for the home
 *   directory). The screen underneath is left as it was.
 */
#ifndef EDUAID_SCREENS_PRINTPDF_H
#define EDUAID_SCREENS_PRINTPDF_H

#include "db/report.h"
#include "ui/app.h"

/* Notice id (digits) as notice-ID.pdf; true when it was written. */
bool printpdf_notice(struct app *a, const char *id);

/* Report d of year (all the person's townships) as report-NAME-YEAR.pdf;
 * true when it was written. */
bool printpdf_report(struct app *a, const struct report_def *d, int year);

/* issue 17 H6: a report as submitted -- rows of report d, year, with its
 * line stamp -- as report-NAME-YEAR-vID.pdf; true when it was written. */
bool printpdf_snapshot(struct app *a, const struct report_def *d,
                       const struct dbres *rows, int year, long long id,
                       const char *stamp);

#endif /* EDUAID_SCREENS_PRINTPDF_H */
