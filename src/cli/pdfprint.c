/*
 * pdfprint.c
 *   `eduaid notice print N --pdf FILE` and `eduaid report NAME --pdf
 *   FILE`: the command line's face of db/printdoc.c (the one path the
 *   screens take too) -- the office's heading from the configuration the
 *   command read, what happened said on stderr, an exit status.
 */
#include "config.h"

#include "cli/pdfprint.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_connect.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "db/printdoc.h"
#include "db/snapshot.h"

/* print.office of the configuration the client reads (malloc'd; "" when
 * unset or unreadable: a heading is not worth refusing to print; NULL out
 * of memory). pdfprint.h: cmd_pairing.c's documents too (issue 15 H4). */
char *
pdfprint_office(void)
{
    const struct options *opts = cli_options();
    struct settings *s = NULL;
    struct settings_error serr;
    char *office;

    if (settings_load(opts != NULL ? opts->config_file : NULL,
                      EDUAID_SYSCONFDIR "/eduaid/eduaid.conf",
                      EDUAID_PKGDATADIR "/forms", &s, &serr) != 0)
        return strdup("");
    office = strdup(s->office != NULL ? s->office : "");
    settings_free(s);
    return office;
}

/* What printdoc_* did, said on stderr; an exit status. */
static int
said(struct db *db, const char *what, const char *id, enum printdoc_failure rc,
     const struct printdoc_done *done, const struct db_error *err,
     const char *msg)
{
    switch (rc) {
    case PRINTDOC_OK:
        if (!done->to_stdout)
            fprintf(stderr, _("%s: %s: %d pages written to %s\n"), PACKAGE_NAME,
                    what, done->pages, done->path);
        return EXIT_OK;
    case PRINTDOC_SERVER:
        return cli_refused(db, what, err);
    case PRINTDOC_NONE:
        fprintf(stderr,
                _("%s: notice print: no notice %s (or not yours to see)\n"),
                PACKAGE_NAME, id);
        return EXIT_INVALID;
    case PRINTDOC_NOCODE:
        fprintf(stderr, "%s: notice print: no content hash for notice %s\n",
                PACKAGE_NAME, id);
        return EXIT_INVALID;
    case PRINTDOC_FILE:
    default:
        fprintf(stderr, "%s: %s: %s\n", PACKAGE_NAME, what, msg);
        return EXIT_USAGE;
    }
}

int
pdfprint_notice(struct db *db, const char *id, const char *file)
{
    struct printdoc_done done;
    struct db_error err;
    char msg[PATH_MAX + 128] = "";
    char *office = pdfprint_office();
    enum printdoc_failure rc;

    if (office == NULL) {
        perror(PACKAGE_NAME);
        return EXIT_USAGE;
    }
    rc = printdoc_notice(db, id, office, file, &done, &err, msg, sizeof msg);
    free(office);
    return said(db, "notice print", id, rc, &done, &err, msg);
}

int
pdfprint_report(struct db *db, const struct report_def *d, int year,
                int township, const char *file)
{
    struct printdoc_done done;
    struct db_error err;
    char msg[PATH_MAX + 128] = "";
    char *office = pdfprint_office();
    enum printdoc_failure rc;

    if (office == NULL) {
        perror(PACKAGE_NAME);
        return EXIT_USAGE;
    }
    rc = printdoc_report(db, d, year, township, office, file, &done, &err, msg,
                         sizeof msg);
    free(office);
    return said(db, "report", NULL, rc, &done, &err, msg);
}

/* issue 17 H6 */
int
pdfprint_snapshot(const struct report_def *d, const struct dbres *rows,
                  const struct snapshot_info *info, const char *file)
{
    struct printdoc_done done;
    char msg[PATH_MAX + 128] = "";
    char *office = pdfprint_office();
    char *stamp = NULL;
    enum printdoc_failure rc;

    if (office == NULL || (stamp = snapshot_stamp(info)) == NULL) {
        free(office);
        perror(PACKAGE_NAME);
        return EXIT_USAGE;
    }
    rc = printdoc_report_rows(d, rows, info->year, stamp, office, file, &done,
                              msg, sizeof msg);
    free(stamp);
    free(office);
    return said(NULL, "report --reprint", NULL, rc, &done, NULL, msg);
}
