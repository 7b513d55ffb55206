/*
 * cmd_pairing.c
 *   eduaid pairing: the printed documents of school pairing (结对帮扶,
 *   issue 15 H4) from the command line, as A4 PDF files (0600) through
 *   db/pairreport.h -- the quarterly bulletin (帮扶通报), a rectification
 *   notice (整改通知书), the annual scoring table (考核评分表) -- with the
 *   office's heading of the configuration (print.office), as `eduaid
 *   notice print N --pdf` does (cli/pdfprint.c), from the central
 *   server (a notice just issued is there first). The figures are the
 *   reports' (`eduaid report pair_...`).
 */
#include "config.h"

#include "cli/cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cliout.h"
#include "cli/cmd_connect.h"
#include "cli/pdfprint.h"
#include "core/date.h"
#include "core/i18n.h"
#include "db/pairreport.h"

#define WHAT "pairing print"

struct pairing_args {
    const char *doc;    /* bulletin, notice, scores */
    const char *notice; /* the notice's id (digits) */
    int year, quarter;
    const char *pdf;
};

static void
pairing_usage(FILE *fp)
{
    fprintf(fp,
            _("Usage: %s pairing print bulletin [--year Y] [--quarter Q] "
              "--pdf FILE\n"
              "       %s pairing print notice ID --pdf FILE\n"
              "       %s pairing print scores [--year Y] --pdf FILE\n"),
            PACKAGE_NAME, PACKAGE_NAME, PACKAGE_NAME);
    fputs(_("School pairing documents as A4 PDF (the office's heading from "
            "print.office):\n"
            "  bulletin  the quarter's inspections (帮扶通报): the pairs\n"
            "            inspected, the verdicts, those commended, those\n"
            "            lagging with what they must rectify\n"
            "  notice    one rectification notice (整改通知书)\n"
            "  scores    the year's annual scoring table with the ranks\n"
            "  --year Y     the calendar year (default: this year)\n"
            "  --quarter Q  1 to 4 (default: this quarter)\n"),
          fp);
}

/* A whole number in [lo, hi], or -1. */
static long
parse_int(const char *s, long lo, long hi)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
        return -1;
    return v;
}

/* An option with its value into a; 0, or -1 after a message. */
static int
pairing_option(struct pairing_args *a, const char *opt, const char *val)
{
    long v = -1;

    if (val == NULL || val[0] == '\0') {
        fprintf(stderr, _("%s %s: option '%s' needs an argument\n"),
                PACKAGE_NAME, WHAT, opt);
        return -1;
    }
    if (strcmp(opt, "--pdf") == 0) {
        a->pdf = val;
        return 0;
    }
    if (strcmp(opt, "--year") == 0 && (v = parse_int(val, 2014, 2038)) > 0)
        a->year = (int)v;
    else if (strcmp(opt, "--quarter") == 0 && (v = parse_int(val, 1, 4)) > 0)
        a->quarter = (int)v;
    if (v < 0) {
        fprintf(stderr, _("%s %s: bad value '%s' for %s\n"), PACKAGE_NAME, WHAT,
                val, opt);
        return -1;
    }
    return 0;
}

/* Is s a notice id (1 to 18 digits)? */
static int
is_id(const char *s)
{
    size_t n = strspn(s, "0123456789");

    return n > 0 && n <= 18 && s[n] == '\0';
}

/* argv (after "print") into a; 0, or -1 after a message. */
static int
pairing_parse(int argc, char **argv, struct pairing_args *a)
{
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];

        if (strcmp(arg, "--year") == 0 || strcmp(arg, "--quarter") == 0 ||
            strcmp(arg, "--pdf") == 0) {
            if (pairing_option(a, arg, i + 1 < argc ? argv[i + 1] : NULL) != 0)
                return -1;
            i++;
        } else if (a->doc == NULL &&
                   (strcmp(arg, "bulletin") == 0 ||
                    strcmp(arg, "notice") == 0 || strcmp(arg, "scores") == 0)) {
            a->doc = arg;
        } else if (a->doc != NULL && strcmp(a->doc, "notice") == 0 &&
                   a->notice == NULL && is_id(arg)) {
            a->notice = arg;
        } else {
            fprintf(stderr, _("%s %s: unexpected argument '%s'\n"),
                    PACKAGE_NAME, WHAT, arg);
            return -1;
        }
    }
    if (a->doc == NULL || a->pdf == NULL ||
        (strcmp(a->doc, "notice") == 0) != (a->notice != NULL)) {
        fprintf(stderr, _("%s %s: which document, and --pdf FILE (--help)\n"),
                PACKAGE_NAME, WHAT);
        return -1;
    }
    return 0;
}

/* Print the document a asks for; an exit status after a message. */
static int
pairing_print(struct db *db, const struct pairing_args *a)
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
    if (strcmp(a->doc, "bulletin") == 0)
        rc = pairdoc_bulletin(db, a->year, a->quarter, office, a->pdf, &done,
                              &err, msg, sizeof msg);
    else if (strcmp(a->doc, "notice") == 0)
        rc = pairdoc_notice(db, a->notice, office, a->pdf, &done, &err, msg,
                            sizeof msg);
    else
        rc = pairdoc_scores(db, a->year, office, a->pdf, &done, &err, msg,
                            sizeof msg);
    free(office);
    switch (rc) {
    case PRINTDOC_OK:
        if (!done.to_stdout)
            fprintf(stderr, _("%s: %s: %d pages written to %s\n"), PACKAGE_NAME,
                    WHAT, done.pages, done.path);
        return EXIT_OK;
    case PRINTDOC_SERVER:
        return cli_refused(db, WHAT, &err);
    case PRINTDOC_NONE:
        fprintf(stderr,
                _("%s: %s: no rectification notice %s (or not yours to see)\n"),
                PACKAGE_NAME, WHAT, a->notice);
        return EXIT_INVALID;
    default:
        fprintf(stderr, "%s: %s: %s\n", PACKAGE_NAME, WHAT, msg);
        return EXIT_USAGE;
    }
}

int
cmd_pairing(int argc, char **argv)
{
    int today = date_today_yyyymmdd();
    struct pairing_args a = {NULL, NULL, today / 10000,
                             (today / 100 % 100 + 2) / 3, NULL};
    struct db *db;
    int rc;

    if (argc >= 2 && is_help_option(argv[1])) {
        pairing_usage(stdout);
        return EXIT_OK;
    }
    if (argc < 2 || strcmp(argv[1], "print") != 0) {
        pairing_usage(stderr);
        return EXIT_USAGE;
    }
    for (int i = 2; i < argc; i++)
        if (is_help_option(argv[i])) {
            pairing_usage(stdout);
            return EXIT_OK;
        }
    if (pairing_parse(argc - 2, argv + 2, &a) != 0)
        return EXIT_USAGE;
    cli_output_locale();
    if ((db = cmd_connect("eduaid pairing")) == NULL)
        return EXIT_USAGE;
    rc = pairing_print(db, &a);
    db_close(db);
    return rc;
}
