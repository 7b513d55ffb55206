/*
 * cmd_notice.c
 *   eduaid notice: the public notice (公示) from the command line -- list
 *   the notices, print one as a UTF-8 sheet (title, period, one line per
 *   record with its masked ID number and record hash, totals, where to
 *   send objections; columns lined up by display width, not bytes; always
 *   in Chinese, whatever the locale: it is posted in the township), open
 *   and close notices, and check a printed record hash against the audit
 *   log. The rules are the server's (sql/013_notice.sql): this only calls
 *   its functions as the user logged in, and says what it refused. What
 *   the database holds reaches a terminal as the screens show it
 *   (cli/cliout.h); the sheet goes through core/safefile.c.
 */
#include "config.h"

#include "cli/cli.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cliout.h"
#include "cli/cmd_connect.h"
#include "cli/pdfprint.h"
#include "core/i18n.h"
#include "core/safefile.h"
#include "core/sheetcode.h"
#include "core/text.h"
#include "db/db.h"
#include "db/notice.h"
#include "db/sheet.h"

/* Columns of the sheet; cells wider than this are cut with '~'. */
#define SHEET_MAX_CELLS 40
#define SHEET_COLS 7

static void
notice_usage(FILE *fp)
{
    fprintf(fp, _("Usage: %s notice ACTION [ARG]...\n"), PACKAGE_NAME);
    fputs(
        _("Public notices (公示) of teacher-fund awards and subsidy lists.\n\n"
          "  list                      the notices I can see, one per line,\n"
          "                            tab-separated: id, kind, state, first\n"
          "                            day, last day, days left, lines,\n"
          "                            undecided objections, title\n"
          "  print NOTICE [FILE]       the printable sheet, UTF-8 text, to\n"
          "                            FILE or standard output\n"
          "  print NOTICE --pdf FILE   the sheet as an A4 PDF: the office's\n"
          "                            heading (print.office), signature and\n"
          "                            seal blocks, page numbers, and a QR\n"
          "                            code of the sheet's content hash\n"
          "  open household_year TOWNSHIP YEAR [--ends DATE] [--title T]\n"
          "                            [--contact C]\n"
          "  open teacher_fund PROGRAM YEAR [--ends DATE] [--title T] "
          "[--contact C]\n"
          "                            put the approved records on notice\n"
          "                            (supervisors); TOWNSHIP is a code or\n"
          "                            name, PROGRAM a code (ligeng, runyu)\n"
          "                            or id; prints the new notice's id\n"
          "  close NOTICE              end the notice after its period\n"
          "                            (supervisors): its records become "
          "final\n"
          "  verify HASH               the line and audit entry a printed\n"
          "                            record hash names\n"
          "  verify CODE               whether a printed sheet is unaltered:\n"
          "                            CODE is its QR code's text,\n"
          "                            eduaid-notice/1:ID:LINES:SHA256\n\n"
          "The global options -c, -d and -U choose the configuration, the\n"
          "database and the user, as for the client.\n"
          "Exit status: 0 done, 1 refused or not found, 2 usage or I/O "
          "error.\n"),
        fp);
}

/* ----------------------------------------------------------------------
 * errors
 * ---------------------------------------------------------------------- */

/* The connection the notice's statements use, for the words of a refusal
 * (cli_refused). */
static struct db *words_db;

/* Say what the server refused; returns the exit status to use. */
static int
notice_refused(const char *action, const struct db_error *err)
{
    char what[64];

    snprintf(what, sizeof what, "notice %s", action);
    return cli_refused(words_db, what, err);
}

/* r, or after a message (status in *rc) NULL when it is NULL. */
static struct dbres *
notice_result(const char *action, struct dbres *r, const struct db_error *err,
              int *rc)
{
    if (r == NULL)
        *rc = notice_refused(action, err);
    return r;
}

/* ----------------------------------------------------------------------
 * the sheet
 * ---------------------------------------------------------------------- */

/* Display widths of UTF-8 text: CJK are two cells even under LC_ALL=C,
 * where wcwidth() knows no characters beyond ASCII. */
static void
sheet_locale(void)
{
    const char *cs = nl_langinfo(CODESET);

    if (cs == NULL || strcmp(cs, "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
}

static int
cells_of(const char *s)
{
    int n = text_utf8_cells(s != NULL ? s : "");

    return n > SHEET_MAX_CELLS ? SHEET_MAX_CELLS : n;
}

/* Write s in a column `cells` wide: left-aligned, or right-aligned when
 * right is true; a separator of two spaces before all but the first; the
 * last column is not padded (no blanks at the end of a line). */
static void
put_cell(FILE *fp, const char *s, int cells, bool right, int col)
{
    char buf[4 * SHEET_MAX_CELLS + 8];
    int w;

    if (col > 0)
        fputs("  ", fp);
    w = text_fit(s != NULL ? s : "", cells, false, true, buf, sizeof(buf));
    if (right)
        fprintf(fp, "%*s%s", cells - w, "", buf);
    else
        fprintf(fp, "%s%*s", buf, col + 1 < SHEET_COLS ? cells - w : 0, "");
}

static void
put_rule(FILE *fp, char c, int cells)
{
    for (int i = 0; i < cells; i++)
        fputc(c, fp);
    fputc('\n', fp);
}

/* The header, the lines, and the totals. */
static void
put_table(FILE *fp, const struct dbres *items)
{
    static const char *const cols[SHEET_COLS] = {
        "line_no", "township",  "name",       "program",
        "amount",  "masked_id", "record_hash"};
    static const char *const heads[SHEET_COLS] = {
        "序号", "乡镇", "姓名", "项目", "金额", "身份证号", "校验码"};
    int w[SHEET_COLS], total = 0;

    for (int c = 0; c < SHEET_COLS; c++) {
        w[c] = cells_of(heads[c]);
        for (int r = 0; r < items->nrows; r++) {
            int n = cells_of(dbres_field(items, r, cols[c]));

            if (n > w[c])
                w[c] = n;
        }
        total += w[c] + (c > 0 ? 2 : 0);
    }
    for (int c = 0; c < SHEET_COLS; c++)
        put_cell(fp, heads[c], w[c], c == 0 || c == 4, c);
    fputc('\n', fp);
    put_rule(fp, '-', total);
    for (int r = 0; r < items->nrows; r++) {
        for (int c = 0; c < SHEET_COLS; c++)
            put_cell(fp, dbres_field(items, r, cols[c]), w[c], c == 0 || c == 4,
                     c);
        fputc('\n', fp);
    }
    put_rule(fp, '-', total);
}

/* n: the notice's head (notices_sheet), items its lines. The sheet's
 * words are Chinese, not the printer's language: a public notice is
 * posted in the township (issue 12 item 11), and must not depend on a
 * message catalogue being installed. */
static void
put_sheet(FILE *fp, const struct dbres *n, const struct dbres *items)
{
    const char *title = dbres_field(n, 0, "title");

    cli_put(fp, title);
    fputc('\n', fp);
    put_rule(fp, '=', cli_cells(title));
    fputs("公示编号：", fp);
    cli_put(fp, dbres_field(n, 0, "id"));
    fputs("\n公示期：", fp);
    cli_put(fp, dbres_field(n, 0, "starts_on"));
    fputs(" 至 ", fp);
    cli_put(fp, dbres_field(n, 0, "ends_on"));
    fputs("（共 ", fp);
    cli_put(fp, dbres_field(n, 0, "days"));
    fputs(" 天）\n发布人：", fp);
    cli_put(fp, dbres_field(n, 0, "opened_by"));
    fputs("，发布日期：", fp);
    cli_put(fp, dbres_field(n, 0, "opened_on"));
    fputc('\n', fp);
    if (dbres_field(n, 0, "closed_on") != NULL) {
        fputs("结束日期：", fp);
        cli_put(fp, dbres_field(n, 0, "closed_on"));
        fputc('\n', fp);
    }
    fputc('\n', fp);
    put_table(fp, items);
    fputs("合计：", fp);
    cli_put(fp, dbres_field(n, 0, "lines"));
    fputs(" 条，金额 ", fp);
    cli_put(fp, dbres_field(n, 0, "total"));
    fputs(" 元\n\n异议：公示期内如有异议，可书面或当面向", fp);
    cli_put(fp, dbres_field(n, 0, "contact"));
    fputs("反映，请注明该条的校验码。\n", fp);
    fprintf(fp,
            "校验码：该条 SHA-256 摘要的前16位，与审计日志对应；可用“%s notice "
            "verify 校验码”核对。\n",
            PACKAGE_NAME);
}

/* The sheet to file (a public notice: 0644, through core/safefile.c; its
 * absolute name said on stderr) or standard output. */
static int
write_sheet(const char *file, const struct dbres *n, const struct dbres *items)
{
    struct safefile f;
    char err[PATH_MAX + 128];

    if (safefile_open(&f, file, SAFEFILE_PUBLIC, err, sizeof(err)) != 0) {
        fprintf(stderr, "%s: notice print: %s\n", PACKAGE_NAME, err);
        return EXIT_USAGE;
    }
    put_sheet(f.fp, n, items);
    if (safefile_commit(&f, err, sizeof(err)) != 0) {
        fprintf(stderr, "%s: notice print: %s\n", PACKAGE_NAME, err);
        return EXIT_USAGE;
    }
    if (f.how != SAFEFILE_STDOUT)
        fprintf(stderr, _("%s: notice print: written to %s\n"), PACKAGE_NAME,
                f.path);
    return EXIT_OK;
}

static int
notice_print(struct db *db, int argc, char **argv)
{
    struct dbres *n, *items = NULL;
    struct db_error err;
    int rc = EXIT_OK;

    if (argc < 2 || argc > 4) {
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    if (argc == 4) /* print NOTICE --pdf FILE (notice_args_ok) */
        return pdfprint_notice(db, argv[1], argv[3]);
    n = notice_result("print", notices_sheet(db, argv[1], &err), &err, &rc);
    if (n == NULL)
        return rc;
    if (n->nrows == 0) {
        fprintf(stderr,
                _("%s: notice print: no notice %s (or not yours to see)\n"),
                PACKAGE_NAME, argv[1]);
        dbres_free(n);
        return EXIT_INVALID;
    }
    items = notice_result("print", notices_sheet_lines(db, argv[1], &err), &err,
                          &rc);
    if (items != NULL)
        rc = write_sheet(argc == 3 ? argv[2] : NULL, n, items);
    dbres_free(items);
    dbres_free(n);
    return rc;
}

/* ----------------------------------------------------------------------
 * list, open, close, verify
 * ---------------------------------------------------------------------- */

/* Standard output flushed; the exit status. */
static int
flushed(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror(PACKAGE_NAME ": notice: writing standard output");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* Value `name` of row i of r, "" for NULL. */
static const char *
val(const struct dbres *r, int i, const char *name)
{
    const char *v = dbres_field(r, i, name);

    return v != NULL ? v : "";
}

/* Every row of r, the values of cols[ncols] joined by tabs. */
static int
print_rows(const struct dbres *r, const char *const *cols, int ncols)
{
    for (int i = 0; i < r->nrows; i++)
        for (int c = 0; c < ncols; c++) {
            cli_put(stdout, val(r, i, cols[c]));
            putchar(c + 1 < ncols ? '\t' : '\n');
        }
    return flushed();
}

/* id, kind, state, first day, last day, days left, lines, undecided
 * objections, title: one line per notice, oldest first. */
static int
print_list(const struct dbres *r)
{
    for (int i = 0; i < r->nrows; i++) {
        bool closed = strcmp(val(r, i, "closed"), "t") == 0;
        int left = atoi(val(r, i, "days_left"));

        printf("%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t", val(r, i, "id"),
               val(r, i, "kind"), closed ? "closed" : "open",
               val(r, i, "starts_on"), val(r, i, "ends_on"),
               closed || left < 0 ? 0 : left, val(r, i, "lines"),
               val(r, i, "pending"));
        cli_put(stdout, val(r, i, "title"));
        putchar('\n');
    }
    return flushed();
}

static int
notice_list(struct db *db, int argc)
{
    struct dbres *r;
    struct db_error err;
    int rc = EXIT_OK;

    if (argc != 1) {
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    r = notice_result("list", notices_list(db, false, 0, &err), &err, &rc);
    if (r == NULL)
        return rc;
    rc = print_list(r);
    dbres_free(r);
    return rc;
}

/* Replace params[1] (a name or code) by the id it names: 0, or -1 after a
 * message (status in *rc). The id is written into idbuf. */
static int
open_scope(struct db *db, const char **params, char *idbuf, size_t idsz,
           int *rc)
{
    struct db_error err;
    struct dbres *r = notice_result(
        "open", notices_scope_id(db, params[0], params[1], &err), &err, rc);
    const char *id;

    if (r == NULL)
        return -1;
    id = r->nrows > 0 ? dbres_field(r, 0, "id") : NULL;
    if (id == NULL) {
        fprintf(stderr,
                r->nrows == 0
                    ? _("%s: notice open: no notices of kind '%s' "
                        "(household_year or teacher_fund)\n")
                    : _("%s: notice open: no township or fund program '%s'\n"),
                PACKAGE_NAME, r->nrows == 0 ? params[0] : params[1]);
        dbres_free(r);
        *rc = EXIT_INVALID;
        return -1;
    }
    snprintf(idbuf, idsz, "%s", id);
    params[1] = idbuf;
    dbres_free(r);
    return 0;
}

/* Options of open after KIND SCOPE YEAR: --ends, --title, --contact. */
static int
open_options(int argc, char **argv, const char **params)
{
    for (int i = 4; i < argc; i += 2) {
        int slot = strcmp(argv[i], "--ends") == 0      ? 3
                   : strcmp(argv[i], "--title") == 0   ? 4
                   : strcmp(argv[i], "--contact") == 0 ? 5
                                                       : -1;

        if (slot < 0 || i + 1 >= argc) {
            fprintf(stderr, _("%s: notice open: bad option '%s'\n"),
                    PACKAGE_NAME, argv[i]);
            return -1;
        }
        if ((params[slot] = cli_text(argv[i + 1])) == NULL)
            return -1;
    }
    return 0;
}

/* Whether ACTION's arguments (argv[0] is the action) have the right count
 * and options: checked before connecting, so that a usage error is said
 * as one, never as a failed connection or a password prompt (issue 13). */
static bool
notice_args_ok(const char *action, int argc, char **argv)
{
    const char *scratch[6];

    if (strcmp(action, "list") == 0)
        return argc == 1;
    if (strcmp(action, "print") == 0)
        return (argc >= 2 && argc <= 3 && !is_option(argv[argc - 1])) ||
               (argc == 4 && strcmp(argv[2], "--pdf") == 0 &&
                argv[3][0] != '\0');
    if (strcmp(action, "open") == 0)
        return argc >= 4 && open_options(argc, argv, scratch) == 0;
    return argc == 2; /* close, verify */
}

static int
notice_open(struct db *db, int argc, char **argv)
{
    const char *params[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    static const char *const cols[1] = {"id"};
    char scope[32];
    struct dbres *r;
    struct db_error err;
    int rc = EXIT_OK;

    if (argc < 4 || open_options(argc, argv, params) != 0) {
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    params[0] = argv[1];
    params[2] = argv[3];
    if ((params[1] = cli_text(argv[2])) == NULL) /* a township's name */
        return EXIT_USAGE;
    if (open_scope(db, params, scope, sizeof(scope), &rc) != 0)
        return rc;
    r = notice_result("open",
                      notices_open(db, params[0], params[1], params[2],
                                   params[3], params[4], params[5], &err),
                      &err, &rc);
    if (r == NULL)
        return rc;
    rc = print_rows(r, cols, 1);
    dbres_free(r);
    return rc;
}

static int
notice_close(struct db *db, int argc, char **argv)
{
    struct dbres *r;
    struct db_error err;
    int rc = EXIT_OK;

    if (argc != 2) {
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    r = notice_result("close", notices_close(db, argv[1], &err), &err, &rc);
    if (r == NULL)
        return rc;
    printf(_("notice %s closed: %s records final\n"), argv[1],
           dbres_field(r, 0, "final"));
    dbres_free(r);
    return EXIT_OK;
}

/* The columns verify prints, in order. */
static const char *const verify_cols[] = {
    "notice_id",    "line_no",     "township",    "name",       "program",
    "amount",       "masked_id",   "record_hash", "hash_check", "audit_id",
    "audit_action", "audit_actor", "audit_at",    "changed"};

/* verify CODE: the sheet's content hash now against the one printed in
 * its QR code. Prints one line, "sheet-ok" or "SHEET-ALTERED" (or
 * "LINES-CHANGED" when a line no longer hashes to its record hash), the
 * notice id, the lines printed and the lines seen now; EXIT_OK only for
 * sheet-ok. */
static int
verify_sheet(struct db *db, const char *text)
{
    char id[32], digest[SHEETCODE_DIGEST + 1];
    long lines;
    struct dbres *r;
    struct db_error err;
    int rc = EXIT_OK;
    const char *verdict;

    if (sheetcode_parse(text, id, sizeof id, &lines, digest) != 0) {
        fprintf(stderr,
                _("%s: notice verify: not a sheet's code (%s<id>:<lines>:"
                  "<64 hex digits>)\n"),
                PACKAGE_NAME, SHEETCODE_PREFIX);
        return EXIT_USAGE;
    }
    r = notice_result("verify", sheet_digest(db, id, &err), &err, &rc);
    if (r == NULL)
        return rc;
    if (r->nrows == 0) {
        fprintf(stderr,
                _("%s: notice verify: no notice %s (or not yours to see)\n"),
                PACKAGE_NAME, id);
        dbres_free(r);
        return EXIT_INVALID;
    }
    verdict = strcmp(val(r, 0, "lines_ok"), "t") != 0 ? "LINES-CHANGED"
              : strcmp(val(r, 0, "digest"), digest) != 0 ||
                      atol(val(r, 0, "lines")) != lines
                  ? "SHEET-ALTERED"
                  : "sheet-ok";
    printf("%s\t%s\t%ld\t%s\n", verdict, id, lines, val(r, 0, "lines"));
    dbres_free(r);
    rc = flushed();
    return rc != EXIT_OK                      ? rc
           : strcmp(verdict, "sheet-ok") == 0 ? EXIT_OK
                                              : EXIT_INVALID;
}

static int
notice_verify(struct db *db, int argc, char **argv)
{
    struct dbres *r;
    struct db_error err;
    int rc = EXIT_OK;
    bool ok = true;

    if (argc != 2) {
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    if (sheetcode_is(argv[1]))
        return verify_sheet(db, argv[1]);
    r = notice_result("verify", notices_verify(db, argv[1], &err), &err, &rc);
    if (r == NULL)
        return rc;
    if (r->nrows == 0) {
        fprintf(stderr, _("%s: notice verify: no line has the hash %s\n"),
                PACKAGE_NAME, argv[1]);
        ok = false;
    }
    for (int i = 0; i < r->nrows; i++)
        if (strcmp(val(r, i, "hash_check"), "hash-ok") != 0)
            ok = false;
    rc = print_rows(r, verify_cols,
                    (int)(sizeof(verify_cols) / sizeof(verify_cols[0])));
    dbres_free(r);
    return rc != EXIT_OK ? rc : ok ? EXIT_OK : EXIT_INVALID;
}

int
cmd_notice(int argc, char **argv)
{
    struct db *db;
    const char *action = argc > 1 ? argv[1] : "";
    int rc;

    if (argc < 2 || is_help_option(action)) {
        notice_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    if (strcmp(action, "list") != 0 && strcmp(action, "print") != 0 &&
        strcmp(action, "open") != 0 && strcmp(action, "close") != 0 &&
        strcmp(action, "verify") != 0) {
        fprintf(stderr, _("%s: notice: unknown action '%s'\n"), PACKAGE_NAME,
                action);
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    if (!notice_args_ok(action, argc - 1, argv + 1)) {
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    sheet_locale();
    db = cmd_connect("notice");
    if (db == NULL)
        return EXIT_USAGE;
    words_db = db;
    argc--;
    argv++;
    rc = strcmp(action, "list") == 0    ? notice_list(db, argc)
         : strcmp(action, "print") == 0 ? notice_print(db, argc, argv)
         : strcmp(action, "open") == 0  ? notice_open(db, argc, argv)
         : strcmp(action, "close") == 0 ? notice_close(db, argc, argv)
                                        : notice_verify(db, argc, argv);
    words_db = NULL;
    db_close(db);
    return rc;
}
