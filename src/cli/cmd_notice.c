/*
 * cmd_notice.c
 *   eduaid notice: the public notice (公示) from the command line -- list
 *   the notices, print one as a UTF-8 sheet (title, period, one line per
 *   record with its masked ID number and record hash, totals, where to
 *   send objections; columns lined up by display width, not bytes), open
 *   and close notices, and check a printed record hash against the audit
 *   log. The rules are the server's (sql/013_notice.sql): this only calls
 *   its functions as the user logged in, and says what it refused.
 */
#include "config.h"

#include "cli/cli.h"

#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_connect.h"
#include "core/i18n.h"
#include "core/text.h"
#include "db/db.h"

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
          "  open household TOWNSHIP YEAR [--ends DATE] [--title T] [--contact "
          "C]\n"
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
          "                            record hash names\n\n"
          "The global options -c, -d and -U choose the configuration, the\n"
          "database and the user, as for the client.\n"
          "Exit status: 0 done, 1 refused or not found, 2 usage or I/O "
          "error.\n"),
        fp);
}

/* ----------------------------------------------------------------------
 * errors
 * ---------------------------------------------------------------------- */

/* Say what the server refused; returns the exit status to use. */
static int
notice_refused(const char *action, const struct db_error *err)
{
    fprintf(stderr, "%s: notice %s: %s\n", PACKAGE_NAME, action, err->message);
    if (err->hint[0] != '\0')
        fprintf(stderr, "%s: %s\n", PACKAGE_NAME, err->hint);
    return err->status == DB_ERROR ? EXIT_INVALID : EXIT_USAGE;
}

/* One row of one statement, or NULL after a message (status in *rc). */
static struct dbres *
notice_query(struct db *db, const char *action, const char *sql, int n,
             const char *const *params, int *rc)
{
    struct db_error err;
    struct dbres *r = db_exec(db, sql, n, params, &err);

    if (r == NULL)
        *rc = notice_refused(action, &err);
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
    const char *heads[SHEET_COLS] = {
        _("No."),    _("Township"),  _("Name"),       _("Program"),
        _("Amount"), _("ID number"), _("Record hash")};
    int w[SHEET_COLS], total = 0;

    for (int c = 0; c < SHEET_COLS; c++) {
        w[c] = cells_of(heads[c]);
        for (int r = 0; r < items->nrows; r++) {
            int n = cells_of(dbres_get(items, r, c));

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
            put_cell(fp, dbres_get(items, r, c), w[c], c == 0 || c == 4, c);
        fputc('\n', fp);
    }
    put_rule(fp, '-', total);
}

/* notice: id, title, kind, starts, ends, days, opener, opened on, closed
 * on, contact, lines, total amount. */
static void
put_sheet(FILE *fp, const struct dbres *n, const struct dbres *items)
{
    const char *title = dbres_get(n, 0, 1);

    fprintf(fp, "%s\n", title);
    put_rule(fp, '=', text_utf8_cells(title));
    fprintf(fp, _("Notice no. %s\n"), dbres_get(n, 0, 0));
    fprintf(fp, _("Period: %s to %s (%s days)\n"), dbres_get(n, 0, 3),
            dbres_get(n, 0, 4), dbres_get(n, 0, 5));
    fprintf(fp, _("Opened by %s on %s\n"), dbres_get(n, 0, 6),
            dbres_get(n, 0, 7));
    if (dbres_get(n, 0, 8) != NULL)
        fprintf(fp, _("Closed on %s\n"), dbres_get(n, 0, 8));
    fputc('\n', fp);
    put_table(fp, items);
    fprintf(fp, _("Total: %s records, amount %s yuan\n\n"), dbres_get(n, 0, 10),
            dbres_get(n, 0, 11));
    fprintf(fp,
            _("Objections: anyone may object to a line during the period, "
              "in writing or in person, to %s, quoting the line's record "
              "hash.\n"),
            dbres_get(n, 0, 9));
    fprintf(fp,
            _("Record hash: the first 16 hex digits of the SHA-256 that ties "
              "the line to the audit log; check it with \"%s notice verify "
              "HASH\".\n"),
            PACKAGE_NAME);
}

static const char sql_notice[] =
    "SELECT n.id, n.title, n.kind, n.starts_on, n.ends_on,"
    "       n.ends_on - n.starts_on + 1,"
    "       coalesce(d.full_name, n.opened_by),"
    "       to_char(n.opened_at, 'YYYY-MM-DD'),"
    "       to_char(n.closed_at, 'YYYY-MM-DD'), n.contact,"
    "       (SELECT count(*) FROM eduaid.notice_item i WHERE i.notice_id = "
    "n.id),"
    "       (SELECT to_char(coalesce(sum(i.amount), 0), 'FM999,999,999,990.00')"
    "          FROM eduaid.notice_item i WHERE i.notice_id = n.id)"
    "  FROM eduaid.notice n"
    "  LEFT JOIN eduaid.user_directory d ON d.login = n.opened_by"
    " WHERE n.id = $1::bigint";

static const char sql_items[] =
    "SELECT i.line_no, t.name, i.name, i.program,"
    "       to_char(i.amount, 'FM999,999,999,990.00'), i.masked_id,"
    "       left(i.record_hash, 16)"
    "  FROM eduaid.notice_item i JOIN eduaid.township t ON t.id = i.township_id"
    " WHERE i.notice_id = $1::bigint ORDER BY i.line_no";

static int
write_sheet(const char *file, const struct dbres *n, const struct dbres *items)
{
    FILE *fp = file != NULL ? fopen(file, "w") : stdout;

    if (fp == NULL) {
        fprintf(stderr, "%s: notice print: %s: ", PACKAGE_NAME, file);
        perror(NULL);
        return EXIT_USAGE;
    }
    put_sheet(fp, n, items);
    if (fflush(fp) != 0 || ferror(fp) || (file != NULL && fclose(fp) != 0)) {
        fprintf(stderr, "%s: notice print: %s: ", PACKAGE_NAME,
                file != NULL ? file : _("standard output"));
        perror(NULL);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int
notice_print(struct db *db, int argc, char **argv)
{
    struct dbres *n, *items = NULL;
    int rc = EXIT_OK;

    if (argc < 2 || argc > 3) {
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    n = notice_query(db, "print", sql_notice, 1, (const char *const *)&argv[1],
                     &rc);
    if (n == NULL)
        return rc;
    if (n->nrows == 0) {
        fprintf(stderr,
                _("%s: notice print: no notice %s (or not yours to see)\n"),
                PACKAGE_NAME, argv[1]);
        dbres_free(n);
        return EXIT_INVALID;
    }
    items = notice_query(db, "print", sql_items, 1,
                         (const char *const *)&argv[1], &rc);
    if (items != NULL)
        rc = write_sheet(argc == 3 ? argv[2] : NULL, n, items);
    dbres_free(items);
    dbres_free(n);
    return rc;
}

/* ----------------------------------------------------------------------
 * list, open, close, verify
 * ---------------------------------------------------------------------- */

static const char sql_list[] =
    "SELECT n.id, n.kind, CASE WHEN n.closed_at IS NULL THEN 'open' ELSE "
    "'closed' END, n.starts_on, n.ends_on,"
    "       CASE WHEN n.closed_at IS NULL THEN greatest(n.ends_on - "
    "current_date + 1, 0) "
    "            ELSE 0 END,"
    "       (SELECT count(*) FROM eduaid.notice_item i WHERE i.notice_id = "
    "n.id),"
    "       (SELECT count(*) FROM eduaid.notice_objection o"
    "         WHERE o.notice_id = n.id AND o.decision = 'pending'),"
    "       n.title"
    "  FROM eduaid.notice n ORDER BY n.id";

/* Every row of r, fields joined by tabs. */
static int
print_rows(const struct dbres *r)
{
    for (int i = 0; i < r->nrows; i++)
        for (int c = 0; c < r->ncols; c++) {
            const char *v = dbres_get(r, i, c);

            printf("%s%c", v != NULL ? v : "", c + 1 < r->ncols ? '\t' : '\n');
        }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror(PACKAGE_NAME ": notice: writing standard output");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int
notice_list(struct db *db, int argc)
{
    struct dbres *r;
    int rc = EXIT_OK;

    if (argc != 1) {
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    r = notice_query(db, "list", sql_list, 0, NULL, &rc);
    if (r == NULL)
        return rc;
    rc = print_rows(r);
    dbres_free(r);
    return rc;
}

/* The township (code or name) or fund program (code or id) a notice is
 * of; no row when there is none. */
static const char sql_scope[] =
    "SELECT CASE $1"
    "    WHEN 'household' THEN (SELECT t.id FROM eduaid.township t"
    "                            WHERE t.id::text = $2 OR t.name = $2"
    "                            ORDER BY t.id LIMIT 1)"
    "    ELSE (SELECT p.id FROM eduaid.fund_program p"
    "           WHERE p.code = $2 OR p.id::text = $2) END AS id"
    "  WHERE $1 IN ('household', 'teacher_fund')";

static const char sql_open[] =
    "SELECT eduaid.open_notice($1, $2::int, $3::int, $4::date, $5, $6)";

/* Replace params[1] (a name or code) by the id it names: 0, or -1 after a
 * message (status in *rc). The id is written into idbuf. */
static int
open_scope(struct db *db, const char **params, char *idbuf, size_t idsz,
           int *rc)
{
    struct dbres *r = notice_query(db, "open", sql_scope, 2, params, rc);
    const char *id;

    if (r == NULL)
        return -1;
    id = r->nrows > 0 ? dbres_get(r, 0, 0) : NULL;
    if (id == NULL) {
        fprintf(stderr,
                r->nrows == 0
                    ? _("%s: notice open: no notices of kind '%s' (household "
                        "or teacher_fund)\n")
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
        params[slot] = argv[i + 1];
    }
    return 0;
}

static int
notice_open(struct db *db, int argc, char **argv)
{
    const char *params[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    char scope[32];
    struct dbres *r;
    int rc = EXIT_OK;

    if (argc < 4 || open_options(argc, argv, params) != 0) {
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    params[0] = argv[1];
    params[1] = argv[2];
    params[2] = argv[3];
    if (open_scope(db, params, scope, sizeof(scope), &rc) != 0)
        return rc;
    r = notice_query(db, "open", sql_open, 6, params, &rc);
    if (r == NULL)
        return rc;
    rc = print_rows(r);
    dbres_free(r);
    return rc;
}

static int
notice_close(struct db *db, int argc, char **argv)
{
    struct dbres *r;
    int rc = EXIT_OK;

    if (argc != 2) {
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    r = notice_query(db, "close", "SELECT eduaid.close_notice($1::bigint)", 1,
                     (const char *const *)&argv[1], &rc);
    if (r == NULL)
        return rc;
    printf(_("notice %s closed: %s records final\n"), argv[1],
           dbres_get(r, 0, 0));
    dbres_free(r);
    return EXIT_OK;
}

static const char sql_verify[] =
    "SELECT notice_id, line_no, township, name, program, amount, masked_id,"
    "       record_hash, CASE WHEN hash_ok THEN 'hash-ok' ELSE 'HASH-MISMATCH' "
    "END,"
    "       audit_id, audit_action, audit_actor,"
    "       to_char(audit_at, 'YYYY-MM-DD HH24:MI:SS'),"
    "       CASE WHEN changed_since THEN 'changed-since' ELSE 'unchanged' END"
    "  FROM eduaid.notice_verify($1)";

static int
notice_verify(struct db *db, int argc, char **argv)
{
    struct dbres *r;
    int rc = EXIT_OK;
    bool ok = true;

    if (argc != 2) {
        notice_usage(stderr);
        return EXIT_USAGE;
    }
    r = notice_query(db, "verify", sql_verify, 1, (const char *const *)&argv[1],
                     &rc);
    if (r == NULL)
        return rc;
    if (r->nrows == 0) {
        fprintf(stderr, _("%s: notice verify: no line has the hash %s\n"),
                PACKAGE_NAME, argv[1]);
        ok = false;
    }
    for (int i = 0; i < r->nrows; i++)
        if (strcmp(dbres_get(r, i, 8), "hash-ok") != 0)
            ok = false;
    rc = print_rows(r);
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
    sheet_locale();
    db = cmd_connect("notice");
    if (db == NULL)
        return EXIT_USAGE;
    argc--;
    argv++;
    rc = strcmp(action, "list") == 0    ? notice_list(db, argc)
         : strcmp(action, "print") == 0 ? notice_print(db, argc, argv)
         : strcmp(action, "open") == 0  ? notice_open(db, argc, argv)
         : strcmp(action, "close") == 0 ? notice_close(db, argc, argv)
                                        : notice_verify(db, argc, argv);
    db_close(db);
    return rc;
}
