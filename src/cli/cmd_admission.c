/*
 * cmd_admission.c
 *   eduaid admission: the targeted college admission plans (定向招生专项
 *   计划, issue 17 H4) from the command line.
 *     notice   the 公示 of the students who passed the qualification
 *              review for a 高考 year, as an A4 PDF file (0600) through
 *              db/admnotice.h, with the office's heading of the
 *              configuration (print.office), as `eduaid pairing print`
 *              does; the figures are the report's (`eduaid report
 *              admission`).
 *     outcome  an officer records (or corrects) a qualified
 *              application's outcome: admitted at a college, or not
 *              (db/admission.h); the server refuses the rest in words.
 */
#include "config.h"

#include "cli/cli.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cliout.h"
#include "cli/cmd_connect.h"
#include "cli/pdfprint.h"
#include "core/date.h"
#include "core/i18n.h"
#include "db/admission.h"
#include "db/admnotice.h"

#define WHAT "admission notice"

struct adm_args {
    int year, township;
    const char *pdf;
};

static void
adm_usage(FILE *fp)
{
    fprintf(fp,
            _("Usage: %s admission notice [--year Y] [--township CODE] "
              "--pdf FILE\n"),
            PACKAGE_NAME);
    fprintf(fp,
            _("       %s admission outcome ID --admitted COLLEGE | "
              "--not-admitted\n"),
            PACKAGE_NAME);
    fputs(_("The targeted college admission plans' public notice (公示) of "
            "the\nstudents who passed the qualification review, as A4 PDF "
            "(the\noffice's heading from print.office):\n"
            "  --year Y          the 高考 year (default: this year)\n"
            "  --township CODE   one township (default: all of yours)\n"),
          fp);
    fputs(_("outcome: an officer records the outcome of a qualified "
            "(approved)\napplication of his township, or corrects it.\n"),
          fp);
}

/* Is s an application id (1 to 18 digits)? */
static bool
adm_is_id(const char *s)
{
    size_t n = strspn(s, "0123456789");

    return n > 0 && n <= 18 && s[n] == '\0';
}

/* eduaid admission outcome ID --admitted COLLEGE | --not-admitted. */
static int
adm_outcome(int argc, char **argv)
{
    const char *id = NULL, *college = NULL;
    int admitted = -1;
    struct db_error err;
    struct dbres *r;
    struct db *db;
    int rc;

    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--admitted") == 0 && i + 1 < argc &&
            admitted < 0) {
            admitted = 1;
            college = argv[++i];
        } else if (strcmp(argv[i], "--not-admitted") == 0 && admitted < 0)
            admitted = 0;
        else if (id == NULL && adm_is_id(argv[i]))
            id = argv[i];
        else {
            fprintf(stderr, _("%s %s: unexpected argument '%s'\n"),
                    PACKAGE_NAME, "admission outcome", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (id == NULL || admitted < 0) {
        adm_usage(stderr);
        return EXIT_USAGE;
    }
    cli_output_locale();
    if ((db = cmd_connect("eduaid admission")) == NULL)
        return EXIT_USAGE;
    r = admission_record_outcome(db, id, admitted == 1, college, &err);
    if (r == NULL)
        rc = cli_refused(db, "admission outcome", &err);
    else if (r->nrows == 0) {
        fprintf(stderr,
                _("%s: admission outcome: no application %s (or not yours "
                  "to see)\n"),
                PACKAGE_NAME, id);
        rc = EXIT_INVALID;
    } else {
        fprintf(stderr, _("%s: admission outcome: application %s recorded\n"),
                PACKAGE_NAME, id);
        rc = EXIT_OK;
    }
    dbres_free(r);
    db_close(db);
    return rc;
}

/* A whole number in [lo, hi], or -1. */
static long
adm_int(const char *s, long lo, long hi)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
        return -1;
    return v;
}

/* argv (after "notice") into a; 0, or -1 after a message. */
static int
adm_parse(int argc, char **argv, struct adm_args *a)
{
    for (int i = 0; i < argc; i++) {
        const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        long v = 0;

        if (strcmp(opt, "--year") != 0 && strcmp(opt, "--township") != 0 &&
            strcmp(opt, "--pdf") != 0) {
            fprintf(stderr, _("%s %s: unexpected argument '%s'\n"),
                    PACKAGE_NAME, WHAT, opt);
            return -1;
        }
        if (val == NULL || val[0] == '\0') {
            fprintf(stderr, _("%s %s: option '%s' needs an argument\n"),
                    PACKAGE_NAME, WHAT, opt);
            return -1;
        }
        i++;
        if (strcmp(opt, "--pdf") == 0)
            a->pdf = val;
        else if (strcmp(opt, "--year") == 0 &&
                 (v = adm_int(val, 2016, 2035)) > 0)
            a->year = (int)v;
        else if (strcmp(opt, "--township") == 0 &&
                 (v = adm_int(val, 1, 999999999)) > 0)
            a->township = (int)v;
        if (v < 0) {
            fprintf(stderr, _("%s %s: bad value '%s' for %s\n"), PACKAGE_NAME,
                    WHAT, val, opt);
            return -1;
        }
    }
    if (a->pdf == NULL) {
        fprintf(stderr, _("%s %s: which document, and --pdf FILE (--help)\n"),
                PACKAGE_NAME, WHAT);
        return -1;
    }
    return 0;
}

/* Print the notice a asks for; an exit status after a message. */
static int
adm_print(struct db *db, const struct adm_args *a)
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
    rc = admdoc_notice(db, a->year, a->township, office, a->pdf, &done, &err,
                       msg, sizeof msg);
    free(office);
    switch (rc) {
    case PRINTDOC_OK:
        if (!done.to_stdout)
            fprintf(stderr, _("%s: %s: %d pages written to %s\n"), PACKAGE_NAME,
                    WHAT, done.pages, done.path);
        return EXIT_OK;
    case PRINTDOC_SERVER:
        return cli_refused(db, WHAT, &err);
    default:
        fprintf(stderr, "%s: %s: %s\n", PACKAGE_NAME, WHAT, msg);
        return EXIT_USAGE;
    }
}

int
cmd_admission(int argc, char **argv)
{
    struct adm_args a = {date_today_yyyymmdd() / 10000, 0, NULL};
    struct db *db;
    int rc;

    for (int i = 1; i < argc; i++)
        if (is_help_option(argv[i])) {
            adm_usage(stdout);
            return EXIT_OK;
        }
    if (argc >= 2 && strcmp(argv[1], "outcome") == 0)
        return adm_outcome(argc - 2, argv + 2);
    if (argc < 2 || strcmp(argv[1], "notice") != 0) {
        adm_usage(stderr);
        return EXIT_USAGE;
    }
    if (adm_parse(argc - 2, argv + 2, &a) != 0)
        return EXIT_USAGE;
    cli_output_locale();
    if ((db = cmd_connect("eduaid admission")) == NULL)
        return EXIT_USAGE;
    rc = adm_print(db, &a);
    db_close(db);
    return rc;
}
