/*
 * cmd_reconcile.c
 *   eduaid reconcile IMPORT_ID [--township CODE] [--csv FILE [--encoding E]]:
 *   the reconciliation of a roster import with eduaid, computed by the
 *   server under the caller's row-level security (sql/011_roster.sql):
 *   counts per township, then every difference; --csv writes the
 *   differences as CSV (UTF-8 with BOM, or GB18030) for a spreadsheet.
 *   The roster's rows in townships outside the caller's, which are not
 *   compared, are counted and named on stderr.
 *   Exit status 0 when nothing differs, 1 when something does (as diff).
 */
#include "config.h"

#include "cli/cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_connect.h"
#include "core/csvout.h"
#include "core/i18n.h"
#include "db/db.h"
#include "db/roster.h"
#include "db/rosterload.h"

static void
reconcile_usage(FILE *fp)
{
    fprintf(fp,
            _("Usage: %s reconcile IMPORT_ID [--township CODE] [--csv FILE "
              "[--encoding E]]\n"),
            PACKAGE_NAME);
    fprintf(fp, "%s",
            _("Compare a roster import with the households and members in\n"
              "eduaid, in the townships you may see: counts per township, "
              "then\neach difference. --csv FILE writes the differences as CSV "
              "(E:\nutf-8, the default, with a byte order mark; or gb18030).\n"
              "Exit status: 0 nothing differs, 1 something does, 2 error.\n"));
}

struct reconcile_args {
    const char *import_id, *township, *csv;
    enum csvout_encoding enc;
};

static int
reconcile_parse(int argc, char **argv, struct reconcile_args *a)
{
    for (int i = 1; i < argc; i++) {
        const char **slot = NULL;

        if (is_help_option(argv[i])) {
            reconcile_usage(stdout);
            return EXIT_OK + 1;
        }
        if (strcmp(argv[i], "--township") == 0)
            slot = &a->township;
        else if (strcmp(argv[i], "--csv") == 0)
            slot = &a->csv;
        else if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc) {
            if (csvout_encoding_parse(argv[++i], &a->enc) != 0) {
                fprintf(stderr, _("%s: unknown encoding '%s'\n"), PACKAGE_NAME,
                        argv[i]);
                return EXIT_USAGE + 1;
            }
            continue;
        } else if (!is_option(argv[i]) && a->import_id == NULL) {
            a->import_id = argv[i];
            continue;
        }
        if (slot == NULL || i + 1 >= argc) {
            reconcile_usage(stderr);
            return EXIT_USAGE + 1;
        }
        *slot = argv[++i];
    }
    if (a->import_id == NULL ||
        strspn(a->import_id, "0123456789") != strlen(a->import_id)) {
        reconcile_usage(stderr);
        return EXIT_USAGE + 1;
    }
    return 0;
}

static void
print_counts(const struct dbres *r)
{
    static const char *const numbers[] = {
        "roster_households", "roster_members",       "missing_households",
        "extra_households",  "differing_households", "missing_members",
        "extra_members",     "differing_members"};

    printf("%-10s %-12s %9s %8s | %8s %6s %9s | %8s %6s %9s\n", _("township"),
           "", _("households"), _("members"), _("missing"), _("extra"),
           _("differing"), _("missing"), _("extra"), _("differing"));
    for (int i = 0; i < r->nrows; i++) {
        printf("%-10s %-12s", dbres_field(r, i, "township_id"),
               dbres_field(r, i, "township_name"));
        for (int c = 0; c < (int)(sizeof(numbers) / sizeof(numbers[0])); c++)
            printf(c == 2 || c == 5 ? " | %8s" : " %8s",
                   dbres_field(r, i, numbers[c]));
        printf("\n");
    }
}

static void
print_differences(const struct dbres *r)
{
    for (int i = 0; i < r->nrows; i++) {
        const char *field = dbres_field(r, i, "field");
        const char *was = dbres_field(r, i, "roster_value");
        const char *is = dbres_field(r, i, "eduaid_value");

        printf(
            "%s\t%s\t%s\t%s\t%s", dbres_field(r, i, "township_name"),
            dbres_field(r, i, "diff_kind"), dbres_field(r, i, "household_no"),
            dbres_field(r, i, "person_name"), dbres_field(r, i, "id_number"));
        if (field != NULL)
            printf("\t%s: %s -> %s", field, was ? was : "", is ? is : "");
        printf("\n");
    }
}

/* Tell the roster's rows the reconciliation leaves out: their townships
 * are not the caller's (issue 13 item 6: they vanished without a word). */
static void
tell_outside(const struct dbres *r)
{
    for (int i = 0; i < r->nrows; i++)
        fprintf(stderr,
                _("%s: warning: %s (%s) is not one of your townships: the "
                  "roster's %s rows there (%s households, the first on line "
                  "%s) are not compared\n"),
                PACKAGE_NAME, dbres_field(r, i, "township_name"),
                dbres_field(r, i, "township_id"), dbres_field(r, i, "rows"),
                dbres_field(r, i, "households"),
                dbres_field(r, i, "first_line"));
}

int
cmd_reconcile(int argc, char **argv)
{
    struct reconcile_args a = {NULL, NULL, NULL, CSVOUT_UTF8_BOM};
    struct dbres *counts = NULL, *diffs = NULL, *outside = NULL;
    struct db_error err;
    struct db *db;
    char msg[600], written[PATH_MAX];
    int rc = reconcile_parse(argc, argv, &a), known;

    if (rc != 0)
        return rc - 1;
    if ((db = cmd_connect(PACKAGE_NAME)) == NULL)
        return EXIT_USAGE;
    rc = EXIT_USAGE;
    if ((known = roster_import_known(db, a.import_id, &err)) < 0) {
        cli_refused(db, "reconcile", &err);
        goto done;
    }
    if (known == 0) {
        fprintf(stderr, _("%s: no roster import %s of yours\n"), PACKAGE_NAME,
                a.import_id);
        goto done;
    }
    if ((counts = roster_counts(db, a.import_id, a.township, &err)) == NULL ||
        (diffs = roster_differences(db, a.import_id, a.township, &err)) ==
            NULL ||
        (outside = roster_outside_scope(db, a.import_id, &err)) == NULL) {
        cli_refused(db, "reconcile", &err);
        goto done;
    }
    print_counts(counts);
    print_differences(diffs);
    tell_outside(outside);
    if (a.csv != NULL &&
        roster_write_csv(diffs, a.csv, a.enc, written, sizeof(written), msg,
                         sizeof(msg)) != 0) {
        fprintf(stderr, "%s: %s\n", PACKAGE_NAME, msg);
        goto done;
    }
    if (a.csv != NULL)
        fprintf(stderr, _("%s: %d differences written to %s\n"), PACKAGE_NAME,
                diffs->nrows, written);
    rc = diffs->nrows > 0 ? EXIT_INVALID : EXIT_OK;
done:
    dbres_free(counts);
    dbres_free(diffs);
    dbres_free(outside);
    db_close(db);
    return rc;
}
