/*
 * printpdf.c
 *   The p key's printing (printpdf.h): where the file goes (the exports
 *   directory, core/safefile.c), db/printdoc.c to write it, and the
 *   status line: the pages and the file's path in the cells there are
 *   ("~" for the home directory, "…" for directories in the middle), or
 *   what went wrong in the person's words.
 */
#include "config.h"

#include "screens/printpdf.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "core/safefile.h"
#include "core/shownpath.h"
#include "core/text.h"
#include "db/printdoc.h"
#include "screens/session.h"

/* name under the exports directory into path; false after saying why. */
static bool
exports_path(struct app *a, const char *name, char *path, size_t pathsz)
{
    char dir[PATH_MAX], msg[PATH_MAX + 128];

    if (safefile_exports_dir(dir, sizeof dir, msg, sizeof msg) != 0 ||
        safefile_path(name, dir, path, pathsz, msg, sizeof msg) != 0) {
        app_status_error(a, "%s", msg);
        return false;
    }
    return true;
}

/* "N pages printed to PATH" in the width of the screen. */
static void
say_done(struct app *a, const struct printdoc_done *done)
{
    char words[256], shown[PATH_MAX];
    int room;

    /* the words alone first, to know what is left for the path */
    snprintf(words, sizeof words, _("PDF of %d page(s) written to %s"),
             done->pages, "");
    room = COLS - 1 - text_utf8_cells(words);
    if (room < 12)
        room = 12;
    shownpath(done->path, getenv("HOME"), room, shown, sizeof shown);
    app_status(a, _("PDF of %d page(s) written to %s"), done->pages, shown);
}

/* What printdoc_* did, on the status line; true when it was written. */
static bool
said(struct app *a, const char *id, enum printdoc_failure rc,
     const struct printdoc_done *done, const struct db_error *err,
     const char *msg)
{
    switch (rc) {
    case PRINTDOC_OK:
        say_done(a, done);
        return true;
    case PRINTDOC_SERVER:
        app_error(a, err);
        return false;
    case PRINTDOC_NONE:
        app_status_error(a, _("No notice %s is yours to see."), id);
        return false;
    case PRINTDOC_NOCODE:
        app_status_error(a, _("Notice %s has no content hash to print."), id);
        return false;
    case PRINTDOC_FILE:
    default:
        app_status_error(a, "%s", msg);
        return false;
    }
}

bool
printpdf_notice(struct app *a, const char *id)
{
    char name[64], path[PATH_MAX], msg[PATH_MAX + 128] = "";
    struct printdoc_done done;
    struct db_error err;
    enum printdoc_failure rc;

    snprintf(name, sizeof name, "notice-%s.pdf", id);
    if (!exports_path(a, name, path, sizeof path))
        return false;
    app_status(a, "%s", _("Writing the PDF..."));
    app_status_now(a);
    rc = printdoc_notice(a->db, id, a->settings->office, path, &done, &err, msg,
                         sizeof msg);
    return said(a, id, rc, &done, &err, msg);
}

bool
printpdf_report(struct app *a, const struct report_def *d, int year)
{
    char name[128], path[PATH_MAX], msg[PATH_MAX + 128] = "";
    struct printdoc_done done;
    struct db_error err;
    enum printdoc_failure rc;

    snprintf(name, sizeof name, "report-%s-%d.pdf", d->name, year);
    if (!exports_path(a, name, path, sizeof path))
        return false;
    app_status(a, "%s", _("Writing the PDF..."));
    app_status_now(a);
    rc = printdoc_report(a->db, d, year, 0, a->settings->office, path, &done,
                         &err, msg, sizeof msg);
    return said(a, NULL, rc, &done, &err, msg);
}

/* issue 17 H6 */
bool
printpdf_snapshot(struct app *a, const struct report_def *d,
                  const struct dbres *rows, int year, long long id,
                  const char *stamp)
{
    char name[128], path[PATH_MAX], msg[PATH_MAX + 128] = "";
    struct printdoc_done done;
    enum printdoc_failure rc;

    snprintf(name, sizeof name, "report-%s-%d-v%lld.pdf", d->name, year, id);
    if (!exports_path(a, name, path, sizeof path))
        return false;
    app_status(a, "%s", _("Writing the PDF..."));
    app_status_now(a);
    rc = printdoc_report_rows(d, rows, year, stamp, a->settings->office, path,
                              &done, msg, sizeof msg);
    return said(a, NULL, rc, &done, NULL, msg);
}
