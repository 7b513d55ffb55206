/*
 * cmd_reconcile.c
 *   eduaid reconcile IMPORT_ID [--township CODE] [--csv FILE [--encoding E]]:
 *   the reconciliation of a roster import with eduaid, computed by the
 *   server under the caller's row-level security (sql/011_roster.sql):
 *   counts per township, then every difference; --csv writes the
 *   differences as CSV (UTF-8 with BOM, or GB18030) for a spreadsheet.
 *   The roster's rows in townships outside the caller's, which are not
 *   compared, are counted and named on stderr.
 *   Names reach a terminal as the screens show them (cli/cliout.h).
 *   Exit status 0 when nothing differs, 1 when something does (as diff).
 */
#include "config.h"

#include "cli/cli.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cliout.h"
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
    bool encoding_given; /* --encoding: of the --csv file, so not alone */
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
            a->encoding_given = true;
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
        strspn(a->import_id, "0123456789") != strlen(a->import_id) ||
        (a->encoding_given && a->csv == NULL)) {
        reconcile_usage(stderr);
        return EXIT_USAGE + 1;
    }
    return 0;
}

/* The columns of the counts table: the result's column, its header
 * (msgid; NULL: none), its least width, right-aligned, a " |" before. */
static const struct {
    const char *column, *head;
    int min;
    bool right, bar;
} count_cols[] = {
    {"township_id", N_("township"), 10, false, false},
    {"township_name", NULL, 12, false, false},
    {"roster_households", N_("households"), 9, true, false},
    {"roster_members", N_("members"), 8, true, false},
    {"missing_households", N_("missing"), 8, true, true},
    {"extra_households", N_("extra"), 6, true, false},
    {"differing_households", N_("differing"), 9, true, false},
    {"missing_members", N_("missing"), 8, true, true},
    {"extra_members", N_("extra"), 6, true, false},
    {"differing_members", N_("differing"), 9, true, false},
};
#define N_COUNT_COLS (sizeof(count_cols) / sizeof(count_cols[0]))

/* One line of the counts table: cells[c] in a column width[c] wide. */
static void
print_count_line(const char *const *cells, const int *width)
{
    for (size_t c = 0; c < N_COUNT_COLS; c++) {
        fputs(c == 0 ? "" : count_cols[c].bar ? " | " : " ", stdout);
        cli_put_cell(stdout, cells[c], width[c], count_cols[c].right);
    }
    fputc('\n', stdout);
}

/* The counts per township, columns lined up by display cells (a Chinese
 * header or township name is two cells a character, not three bytes). */
static void
print_counts(const struct dbres *r)
{
    const char *cells[N_COUNT_COLS];
    int width[N_COUNT_COLS];

    for (size_t c = 0; c < N_COUNT_COLS; c++) {
        cells[c] = count_cols[c].head != NULL ? _(count_cols[c].head) : "";
        width[c] = cli_cells(cells[c]);
        if (width[c] < count_cols[c].min)
            width[c] = count_cols[c].min;
        for (int i = 0; i < r->nrows; i++) {
            int w = cli_cells(dbres_field(r, i, count_cols[c].column));

            if (w > width[c])
                width[c] = w;
        }
    }
    print_count_line(cells, width);
    for (int i = 0; i < r->nrows; i++) {
        for (size_t c = 0; c < N_COUNT_COLS; c++)
            cells[c] = dbres_field(r, i, count_cols[c].column);
        print_count_line(cells, width);
    }
}

/* Every difference, one a line, its fields tab-separated. */
static void
print_differences(const struct dbres *r)
{
    static const char *const cols[] = {"township_name", "diff_kind",
                                       "household_no", "person_name",
                                       "id_number"};

    for (int i = 0; i < r->nrows; i++) {
        const char *field = dbres_field(r, i, "field");

        for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
            if (c > 0)
                fputc('\t', stdout);
            cli_put(stdout, dbres_field(r, i, cols[c]));
        }
        if (field != NULL) {
            fputc('\t', stdout);
            cli_put(stdout, field);
            fputs(": ", stdout);
            cli_put(stdout, dbres_field(r, i, "roster_value"));
            fputs(" -> ", stdout);
            cli_put(stdout, dbres_field(r, i, "eduaid_value"));
        }
        fputc('\n', stdout);
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
    struct reconcile_args a = {NULL, NULL, NULL, CSVOUT_UTF8_BOM, false};
    struct dbres *counts = NULL, *diffs = NULL, *outside = NULL;
    struct db_error err;
    struct db *db;
    char msg[600], written[PATH_MAX];
    int rc = reconcile_parse(argc, argv, &a), known;

    if (rc != 0)
        return rc - 1;
    cli_output_locale();
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
