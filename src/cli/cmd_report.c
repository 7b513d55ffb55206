/*
 * cmd_report.c
 *   eduaid report: a report of src/db/report.h as CSV (UTF-8 with a byte
 *   order mark, or GB18030), to standard output or a file -- for the
 *   monthly figures sent to the county leadership. Written through
 *   core/safefile.c (a regular file replaced whole or not at all, a pipe
 *   or a device in place, a failure never removing what was there), its
 *   counts and amounts numbers, its names guarded against formulas
 *   (core/csvout.c).
 */
#include "config.h"

#include "cli/cli.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cliout.h"
#include "cli/cmd_connect.h"
#include "cli/pdfprint.h"
#include "core/csvout.h"
#include "core/i18n.h"
#include "core/safefile.h"
#include "db/report.h"
#include "db/snapshot.h"

#define MISSING_NAME "subsidy_missing"

struct report_args {
    const char *name;
    int year;
    int township; /* 0: all I may see */
    enum csvout_encoding enc;
    const char *out; /* NULL: stdout */
    const char *pdf; /* --pdf FILE: an A4 PDF instead of CSV */
    /* issue 17 H6: reports as submitted */
    bool freeze;              /* --freeze: store the report as submitted */
    const char *note;         /* --note TEXT */
    bool frozen;              /* --frozen [NAME]: list the snapshots */
    long long reprint;        /* --reprint ID (0: none) */
    const struct dbres *rows; /* the rows to write (a snapshot's), or NULL */
};

static void
report_usage(FILE *fp)
{
    fprintf(fp,
            _("Usage: %s report NAME [--year Y] [--township CODE] "
              "[--encoding E] [-o FILE]\n"
              "       %s report NAME [--year Y] [--township CODE] --pdf FILE\n"
              "       %s report --list\n"),
            PACKAGE_NAME, PACKAGE_NAME, PACKAGE_NAME);
    /* issue 17 H6 */
    fprintf(fp,
            _("       %s report NAME --freeze [--year Y] [--township CODE] "
              "[--note TEXT]\n"
              "       %s report --frozen [NAME]\n"
              "       %s report --reprint ID [-o FILE | --pdf FILE]\n"),
            PACKAGE_NAME, PACKAGE_NAME, PACKAGE_NAME);
    fprintf(fp, "%s",
            _("Print a report as CSV: one row per township you may see, "
              "then the total.\n"
              "  --year Y         the school year (Y means Sep 1 Y to Aug 31 "
              "Y+1;\n"
              "                   the pairing reports: the calendar year;\n"
              "                   default: the current one)\n"
              "  --township CODE  only this township (9-digit code)\n"
              "  --encoding E     utf-8 (with BOM, the default), "
              "utf-8-nobom, gb18030\n"
              "  -o FILE          write to FILE instead of standard output\n"
              "  --pdf FILE       an A4 PDF instead: the office's heading,\n"
              "                   the table, a bar chart, page numbers\n"
              "  --list           list the reports\n"));
    fprintf(fp, "%s",
            _("  --freeze         store the report as submitted today (the "
              "server\n"
              "                   computes it as you and keeps its SHA-256)\n"
              "  --note TEXT      with --freeze: to whom it was submitted\n"
              "  --frozen [NAME]  list the reports as submitted\n"
              "  --reprint ID     print a report as submitted, exactly as "
              "it was\n"));
}

static void
report_list(void)
{
    const struct report_def *d;

    for (size_t i = 0; (d = report_at(i)) != NULL; i++)
        printf("%-20s %s\n", d->name, _(d->title));
    printf("%-20s %s\n", MISSING_NAME,
           _("Students entitled to a subsidy but not granted it"));
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

/* An option's value into a; 0, or EXIT_USAGE after a message. */
static int
report_option(struct report_args *a, const char *opt, const char *val)
{
    long v;

    if (val == NULL) {
        fprintf(stderr, _("%s report: option '%s' needs an argument\n"),
                PACKAGE_NAME, opt);
        return EXIT_USAGE;
    }
    if (strcmp(opt, "--year") == 0) {
        if ((v = parse_int(val, 2014, 2035)) < 0)
            goto bad;
        a->year = (int)v;
    } else if (strcmp(opt, "--township") == 0) {
        if ((v = parse_int(val, 100000000, 999999999)) < 0)
            goto bad;
        a->township = (int)v;
    } else if (strcmp(opt, "--encoding") == 0) {
        if (csvout_encoding_parse(val, &a->enc) != 0)
            goto bad;
    } else if (strcmp(opt, "--pdf") == 0) {
        if (val[0] == '\0')
            goto bad;
        a->pdf = val;
    } else if (strcmp(opt, "--note") == 0) { /* issue 17 H6 */
        a->note = val;
    } else if (strcmp(opt, "--reprint") == 0) {
        char *end;

        errno = 0;
        a->reprint = strtoll(val, &end, 10);
        if (errno != 0 || end == val || *end != '\0' || a->reprint <= 0)
            goto bad;
    } else {
        a->out = val;
    }
    return 0;
bad:
    fprintf(stderr, _("%s report: bad value '%s' for %s\n"), PACKAGE_NAME, val,
            opt);
    return EXIT_USAGE;
}

/* issue 17 H6: --freeze, --frozen and --reprint with what they may go
 * with; true after a message when they do not. */
static bool
snapshot_args_bad(const struct report_args *a)
{
    const char *why = NULL;

    if (a->freeze + a->frozen + (a->reprint > 0) > 1)
        why = _("--freeze, --frozen and --reprint go one at a time");
    else if (a->note != NULL && !a->freeze)
        why = _("--note goes with --freeze");
    else if (a->freeze && (a->out != NULL || a->pdf != NULL))
        why = _("--freeze prints the snapshot's id and hash, not a file");
    else if ((a->frozen || a->reprint > 0) &&
             (a->year != 0 || a->township != 0))
        why = _("a snapshot has its own year and township");
    else if (a->frozen && (a->out != NULL || a->pdf != NULL))
        why = _("--frozen lists on standard output");
    else if (a->reprint > 0 && a->name != NULL)
        why = _("--reprint takes the snapshot's id, not a report name");
    else if (a->reprint > 0 && a->pdf != NULL && a->out != NULL)
        why = _("--pdf is for the township reports, without -o");
    if (why != NULL)
        fprintf(stderr, "%s report: %s\n", PACKAGE_NAME, why);
    return why != NULL;
}

/* What the command line asks for. */
enum report_parsed { PARSED_RUN, PARSED_HELP, PARSED_LIST, PARSED_BAD };

/* Parse argv into a; PARSED_BAD after a message on stderr. */
static enum report_parsed
report_parse(int argc, char **argv, struct report_args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];

        if (is_help_option(arg))
            return PARSED_HELP;
        if (strcmp(arg, "--list") == 0) {
            if (argc == 2)
                return PARSED_LIST;
            /* --list stands alone: any other argument is a mistake */
            fprintf(stderr, _("%s report: unexpected argument '%s'\n"),
                    PACKAGE_NAME, argv[i == 1 ? 2 : 1]);
            return PARSED_BAD;
        }
        if (strcmp(arg, "--freeze") == 0 || strcmp(arg, "--frozen") == 0) {
            /* issue 17 H6 */
            *(arg[7] == 'e' ? &a->freeze : &a->frozen) = true;
            continue;
        }
        if (strcmp(arg, "--year") == 0 || strcmp(arg, "--township") == 0 ||
            strcmp(arg, "--encoding") == 0 || strcmp(arg, "-o") == 0 ||
            strcmp(arg, "--pdf") == 0 || strcmp(arg, "--note") == 0 ||
            strcmp(arg, "--reprint") == 0) {
            if (report_option(a, arg, i + 1 < argc ? argv[i + 1] : NULL) != 0)
                return PARSED_BAD;
            i++;
        } else if (is_option(arg) || a->name != NULL) {
            fprintf(stderr, _("%s report: unexpected argument '%s'\n"),
                    PACKAGE_NAME, arg);
            return PARSED_BAD;
        } else {
            a->name = arg;
        }
    }
    if (snapshot_args_bad(a)) /* issue 17 H6 */
        return PARSED_BAD;
    if (a->frozen || a->reprint > 0)
        return PARSED_RUN;
    if (a->name == NULL) {
        fprintf(stderr, _("%s report: which report? (--list)\n"), PACKAGE_NAME);
        return PARSED_BAD;
    }
    if (a->pdf != NULL &&
        (a->out != NULL || strcmp(a->name, MISSING_NAME) == 0)) {
        fprintf(stderr,
                _("%s report: --pdf is for the township reports, without -o\n"),
                PACKAGE_NAME);
        return PARSED_BAD;
    }
    return 0;
}

/* The CSV header: code, township, the item column if any, the labels. */
static int
write_header(struct csvout *w, const struct report_def *d, char *err,
             size_t errsz)
{
    const char *h[32];
    size_t n = 0;
    const struct report_col *cols = d ? d->cols : report_missing_cols;
    int ncols = d ? d->ncols : report_missing_ncols;

    h[n++] = _("Township code");
    h[n++] = _("Township");
    if (d != NULL && d->item_label != NULL)
        h[n++] = _(d->item_label);
    for (int i = 0; i < ncols && n < 32; i++)
        h[n++] = _(cols[i].label);
    return csvout_row(w, n, h, err, errsz);
}

/* The rows of r (NULL d: the missing-subsidy list), totals labelled. */
static int
write_rows(struct csvout *w, const struct report_def *d, const struct dbres *r,
           char *err, size_t errsz)
{
    const char *f[32];
    const struct report_col *cols = d ? d->cols : report_missing_cols;
    int ncols = d ? d->ncols : report_missing_ncols;

    for (int row = 0; row < r->nrows; row++) {
        size_t n = 0;
        const char *code = dbres_field(r, row, "township_id");

        f[n++] = code;
        f[n++] = code == NULL ? _("Total") : dbres_field(r, row, "township");
        if (d != NULL && d->item_label != NULL) {
            const char *item = dbres_field(r, row, "item");

            f[n++] = item == NULL ? _("(all)") : report_item_label(d, item);
        }
        /* the missing list ends with the program: shown by name */
        for (int c = 0; c < ncols && n < 32; c++) {
            const char *v = dbres_field(r, row, cols[c].name);

            f[n++] = c == ncols - 1 && d == NULL
                         ? report_item_label(report_find("subsidy"), v)
                         : v;
        }
        if (csvout_row(w, n, f, err, errsz) != 0)
            return -1;
    }
    return 0;
}

/* Write the rows of the missing list from cursor c, a page at a time,
 * never all of it in memory; 0, or -1 with err (the database's or the
 * writer's) filled in. */
static int
write_pages(struct csvout *w, struct report_cursor *c, char *err, size_t errsz)
{
    struct db_error dberr;
    struct dbres *r;
    int rc = 0;
    bool more = true;

    while (rc == 0 && more) {
        r = report_cursor_fetch(c, &dberr);
        if (r == NULL) {
            snprintf(err, errsz, "%s", dberr.message);
            rc = -1;
        } else {
            more = r->nrows == REPORT_CURSOR_PAGE;
            rc = write_rows(w, NULL, r, err, errsz);
            dbres_free(r);
        }
    }
    return rc;
}

/* Write the rows of report d (NULL: the missing list, through a cursor in
 * a read-only transaction planned for the whole list); 0, or -1 with err
 * filled in. */
static int
write_body(struct csvout *w, struct db *db, const struct report_args *a,
           const struct report_def *d, char *err, size_t errsz)
{
    struct db_error dberr;
    struct dbres *r;
    struct report_cursor *c;
    int rc;

    if (d != NULL && a->rows != NULL) /* issue 17 H6: a snapshot's */
        return write_rows(w, d, a->rows, err, errsz);
    if (d != NULL) {
        if ((r = report_fetch(db, d, a->year, a->township, &dberr)) == NULL) {
            snprintf(err, errsz, "%s", dberr.message);
            return -1;
        }
        rc = write_rows(w, d, r, err, errsz);
        dbres_free(r);
        return rc;
    }
    if ((c = report_missing_open(db, a->year, a->township, &dberr)) == NULL) {
        snprintf(err, errsz, "%s", dberr.message);
        return -1;
    }
    rc = write_pages(w, c, err, errsz);
    report_cursor_close(c);
    return rc;
}

/* The kinds of the columns of report d (NULL: the missing list) for
 * w's guard against formulas: counts, amounts and percentages are
 * numbers; the codes, names and labels text. 0, or -1 with err. */
static int
set_kinds(struct csvout *w, const struct report_def *d, char *err, size_t errsz)
{
    enum csvout_kind k[32] = {CSVOUT_TEXT, CSVOUT_TEXT, CSVOUT_TEXT};
    const struct report_col *cols = d ? d->cols : report_missing_cols;
    int ncols = d ? d->ncols : report_missing_ncols;
    size_t n = d != NULL && d->item_label != NULL ? 3 : 2;

    for (int i = 0; i < ncols && n < 32; i++)
        k[n++] = cols[i].kind == RC_TEXT ? CSVOUT_TEXT : CSVOUT_NUMBER;
    return csvout_set_kinds(w, n, k, err, errsz);
}

/* Write the CSV to a->out (0600, core/safefile.c: some reports list
 * children by name; its absolute name said on stderr) or stdout; 0 or
 * EXIT_USAGE. */
static int
report_write(struct db *db, const struct report_args *a,
             const struct report_def *d)
{
    struct safefile f;
    struct csvout *w;
    char err[PATH_MAX + 128], cerr[256];
    int bad;

    if (safefile_open(&f, a->out, SAFEFILE_PRIVATE, err, sizeof err) != 0) {
        fprintf(stderr, "%s report: %s\n", PACKAGE_NAME, err);
        return EXIT_USAGE;
    }
    w = csvout_open(f.fp, a->enc, err, sizeof err);
    bad = w == NULL || set_kinds(w, d, err, sizeof err) != 0 ||
          write_header(w, d, err, sizeof err) != 0 ||
          write_body(w, db, a, d, err, sizeof err) != 0;
    if (csvout_close(w, cerr, sizeof cerr) != 0 && !bad) {
        snprintf(err, sizeof err, "%s", cerr);
        bad = 1;
    }
    if (bad)
        safefile_abort(&f);
    else if (safefile_commit(&f, err, sizeof err) != 0)
        bad = 1;
    if (bad) {
        fprintf(stderr, "%s report: %s\n", PACKAGE_NAME, err);
        return EXIT_USAGE;
    }
    if (f.how != SAFEFILE_STDOUT)
        fprintf(stderr, _("%s report: written to %s\n"), PACKAGE_NAME, f.path);
    return EXIT_OK;
}

/* issue 17 H6: reports as submitted ------------------------------------ */

/* The scope of snapshot i: its township's name, or the county. */
static const char *
snapshot_scope(const struct snapshot_info *i)
{
    return i->township > 0 ? i->scope : _("the county");
}

/* --freeze: the report of a->year and a->township, stored by the server;
 * its id, dates, who and hash on stdout. */
static int
snapshot_freeze_cmd(const struct report_args *a, const struct report_def *d)
{
    struct snapshot_info info;
    struct db_error err;
    struct db *db;
    int rc = EXIT_OK;

    if (d == NULL) {
        fprintf(stderr, _("%s report: the list of students is not frozen\n"),
                PACKAGE_NAME);
        return EXIT_USAGE;
    }
    if ((db = cmd_connect("eduaid report")) == NULL)
        return EXIT_USAGE;
    if (snapshot_freeze(db, d->name, a->year, a->township, a->note, &info,
                        &err) != 0)
        rc = cli_refused(db, "report --freeze", &err);
    else
        printf(_("Snapshot %lld: %s, %d, %s\n"
                 "Submitted on %s, frozen %s by %s\n"
                 "SHA-256 %s\n"),
               info.id, _(d->title), info.year, snapshot_scope(&info),
               info.submitted_on, info.frozen_at, info.frozen_by, info.sha256);
    db_close(db);
    return rc;
}

/* --frozen [NAME]: the snapshots the caller may read, newest first. */
static int
snapshot_list_cmd(const struct report_args *a)
{
    struct db_error err;
    struct db *db;
    struct dbres *r;

    if ((db = cmd_connect("eduaid report")) == NULL)
        return EXIT_USAGE;
    if ((r = snapshot_list(db, a->name, &err)) == NULL) {
        int rc = cli_refused(db, "report --frozen", &err);

        db_close(db);
        return rc;
    }
    for (int i = 0; i < r->nrows; i++) {
        struct snapshot_info info;

        snapshot_info_from(r, i, &info);
        printf("%lld\t%s\t%d\t%s\t%s\t%s\t%.12s\n", info.id, info.report,
               info.year, snapshot_scope(&info), info.frozen_at, info.frozen_by,
               info.sha256);
    }
    if (r->nrows == 0)
        fprintf(stderr, _("%s report: no report as submitted\n"), PACKAGE_NAME);
    dbres_free(r);
    db_close(db);
    return EXIT_OK;
}

/* --reprint ID: the snapshot's rows exactly, as CSV or PDF, once the
 * server finds its hash still that of its content. */
static int
snapshot_reprint_cmd(struct report_args *a)
{
    struct snapshot_info info;
    struct db_error err;
    const struct report_def *d;
    struct dbres *rows;
    struct db *db;
    int rc;

    if ((db = cmd_connect("eduaid report")) == NULL)
        return EXIT_USAGE;
    rc = snapshot_get(db, a->reprint, &info, &err);
    if (rc < 0) {
        rc = cli_refused(db, "report --reprint", &err);
    } else if (rc == 1) {
        fprintf(stderr,
                _("%s report: no snapshot %lld (or not yours to see)\n"),
                PACKAGE_NAME, a->reprint);
        rc = EXIT_INVALID;
    } else if (!info.verified) {
        fprintf(stderr,
                _("%s report: snapshot %lld does not match its SHA-256 %s: "
                  "its figures were changed after it was frozen; not "
                  "printed\n"),
                PACKAGE_NAME, a->reprint, info.sha256);
        rc = EXIT_INVALID;
    } else if ((d = report_find(info.report)) == NULL) {
        fprintf(stderr, _("%s report: this client does not know report '%s'\n"),
                PACKAGE_NAME, info.report);
        rc = EXIT_INVALID;
    } else if ((rows = snapshot_rows(db, a->reprint, &err)) == NULL) {
        rc = cli_refused(db, "report --reprint", &err);
    } else {
        a->rows = rows;
        rc = a->pdf != NULL ? pdfprint_snapshot(d, rows, &info, a->pdf)
                            : report_write(db, a, d);
        dbres_free(rows);
    }
    db_close(db);
    return rc;
}
/* end issue 17 H6 */

int
cmd_report(int argc, char **argv)
{
    struct report_args a = {
        NULL, 0, 0, CSVOUT_UTF8_BOM, NULL, NULL, false, NULL, false, 0, NULL};
    const struct report_def *d = NULL;
    struct db *db;
    int rc;

    switch (report_parse(argc, argv, &a)) {
    case PARSED_HELP:
        report_usage(stdout);
        return EXIT_OK;
    case PARSED_LIST:
        report_list();
        return EXIT_OK;
    case PARSED_BAD:
        return EXIT_USAGE;
    case PARSED_RUN:
        break;
    }
    if (a.frozen || a.reprint > 0) { /* issue 17 H6 */
        cli_output_locale();
        return a.frozen ? snapshot_list_cmd(&a) : snapshot_reprint_cmd(&a);
    }
    if (strcmp(a.name, MISSING_NAME) != 0 &&
        (d = report_find(a.name)) == NULL) {
        fprintf(stderr, _("%s report: no report named '%s' (--list)\n"),
                PACKAGE_NAME, a.name);
        return EXIT_USAGE;
    }
    if (a.year == 0) /* issue 15 H4: a pairing report's is a calendar year */
        a.year = report_year_today(d);
    cli_output_locale();
    if (a.freeze) /* issue 17 H6 */
        return snapshot_freeze_cmd(&a, d);
    if ((db = cmd_connect_reports("eduaid report")) == NULL)
        return EXIT_USAGE;
    rc = a.pdf != NULL ? pdfprint_report(db, d, a.year, a.township, a.pdf)
                       : report_write(db, &a, d);
    db_close(db);
    return rc;
}
