/*
 * cmd_export.c
 *   eduaid export KIND [--status S] [--township T] [--encoding E]
 *   [--unmasked] [--excel-text] [--codes] FILE: the records of one kind that
 * the user may read, as CSV for a spreadsheet (the columns and the transaction:
 * db/export.c; one export into one file: db/exportfile.c, shared with
 * the export screen; the encoding and the guard against formulas:
 * core/csvout.c, numbers told from text by the form field's type, --codes raw).
 *   FILE is written through core/safefile.c, mode 0600: a regular file
 *   (or the one a symlink names) whole or not at all -- a temporary file
 *   beside it is put in place only after the export is recorded in the
 *   audit log and committed --, a pipe or a device in place; "-" writes
 *   to stdout. The file's absolute name is said on stderr.
 */
#include "config.h"

#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cliout.h"
#include "cli/cmd_connect.h"
#include "core/csvout.h"
#include "core/formdef.h"
#include "core/i18n.h"
#include "core/safefile.h"
#include "core/settings.h"
#include "db/db.h"
#include "db/export.h"
#include "db/exportfile.h"
#include "db/record.h"

/* Exit status of a refusal or failure after the command line was fine. */
#define EXIT_FAILED EXIT_INVALID

struct export_args {
    const char *kind, *file, *status, *township;
    enum csvout_encoding encoding;
    bool unmasked;
    bool excel_text; /* long digit strings as ="..." (for Excel only) */
    bool codes;      /* stored codes, not words */
};

/* The file being written; its temporary file removed by the signal
 * handler on the way out. */
static struct safefile out;
static volatile sig_atomic_t tmp_live;

static void
export_usage(FILE *fp)
{
    fprintf(fp,
            _("Usage: %s [-c FILE] [-d CONNINFO] [-U USER] export KIND "
              "[OPTION]... FILE\n"),
            PACKAGE_NAME);
    fputs(
        _("Write the records of KIND (household, training, special_ed,\n"
          "teacher_fund) that you may read to FILE as CSV (\"-\": standard\n"
          "output). Households give one row per member, led by the roster\n"
          "import's columns. Headers and values (choices, yes/no, stage,\n"
          "status) are in your language.\n\n"
          "Options:\n"
          "  --status S       only records in status S (draft, submitted,\n"
          "                   verified, approved, rejected, ...)\n"
          "  --township T     only township T: its 9-digit code or its name\n"
          "  --encoding E     utf-8 (default, with a byte order mark, for\n"
          "                   Excel), utf-8-nobom, or gb18030\n"
          "  --unmasked       full ID numbers, birth dates, bank accounts and\n"
          "                   certificate numbers, if your role may read them\n"
          "                   (personal data is masked otherwise)\n"
          "  --excel-text     write numbers of 12 or more digits as =\"...\"\n"
          "                   so that Excel shows every digit (such a file\n"
          "                   is for reading in Excel, not for re-import)\n"
          "  --codes          values as stored codes (child, primary, true,\n"
          "                   approved), for re-import and scripts; text\n"
          "                   is written as it is (see below)\n"
          "  -?, --help       show this help\n\n"
          "In the encodings for Excel (utf-8, gb18030) a text cell that\n"
          "begins with = + - @, a tab or a carriage return gets an\n"
          "apostrophe before it, so that a spreadsheet shows it and never\n"
          "runs it as a formula; numbers stay numbers. utf-8-nobom and\n"
          "--codes write every cell as it is, for re-import.\n\n"
          "Every export is recorded in the audit log. Exit status: 0 done,\n"
          "1 refused or failed (no file is left), 2 bad command line.\n"),
        fp);
}

static void export_warn(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* "eduaid: export: " and the message, on stderr. */
static void
export_warn(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: export: ", PACKAGE_NAME);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* ---- the command line ---------------------------------------------------- */

/* The value of option name at argv[*i] ("--name V" or "--name=V"), or
 * NULL when argv[*i] is not that option; *bad when its value is missing. */
static const char *
option_value(int argc, char **argv, int *i, const char *name, bool *bad)
{
    size_t n = strlen(name);

    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *bad = true;
        return NULL;
    }
    return argv[++*i];
}

/* One option at argv[*i]; 0, 1 for --help, or -1 after a message. */
static int
parse_option(int argc, char **argv, int *i, struct export_args *a)
{
    const char *v;
    bool bad = false;

    if (is_help_option(argv[*i]))
        return 1;
    if (strcmp(argv[*i], "--unmasked") == 0) {
        a->unmasked = true;
        return 0;
    }
    if (strcmp(argv[*i], "--codes") == 0) {
        a->codes = true;
        return 0;
    }
    if (strcmp(argv[*i], "--excel-text") == 0) {
        a->excel_text = true;
        return 0;
    }
    if ((v = option_value(argc, argv, i, "--status", &bad)) != NULL)
        a->status = v;
    else if ((v = option_value(argc, argv, i, "--township", &bad)) != NULL) {
        if ((a->township = cli_text(v)) == NULL) /* a code or a name */
            return -1;
    } else if ((v = option_value(argc, argv, i, "--encoding", &bad)) != NULL) {
        if (csvout_encoding_parse(v, &a->encoding) != 0) {
            export_warn(_("unknown encoding '%s' (utf-8, utf-8-nobom or "
                          "gb18030)"),
                        v);
            return -1;
        }
    } else {
        export_warn(bad ? _("option '%s' needs a value")
                        : _("unknown option '%s'"),
                    argv[*i]);
        return -1;
    }
    return 0;
}

/* 0, 1 for --help, or -1 after a message. */
static int
parse_args(int argc, char **argv, struct export_args *a)
{
    const char *pos[2];
    int npos = 0, rc;
    bool options = true;

    for (int i = 1; i < argc; i++) {
        if (options && strcmp(argv[i], "--") == 0) {
            options = false;
        } else if (options && is_option(argv[i])) {
            if ((rc = parse_option(argc, argv, &i, a)) != 0)
                return rc;
        } else if (npos < 2) {
            pos[npos++] = argv[i];
        } else {
            export_warn(_("unexpected argument '%s'"), argv[i]);
            return -1;
        }
    }
    if (npos < 2) {
        export_warn("%s", _("KIND and FILE are required"));
        return -1;
    }
    a->kind = pos[0];
    a->file = pos[1];
    if (strspn(a->kind, "abcdefghijklmnopqrstuvwxyz_") != strlen(a->kind) ||
        *a->kind == '\0') {
        export_warn(_("unknown record kind '%s'"), a->kind);
        return -1;
    }
    return 0;
}

/* ---- forms --------------------------------------------------------------- */

/* Load the lookups and kind's form from dir and check them against the
 * catalog; 0, or -1 after a message. */
static int
load_form(struct db *db, const char *dir, const char *kind,
          struct lookupset **l, struct formdef **f)
{
    struct formdef_error ferr;
    struct db_error err;
    char path[4096];

    snprintf(path, sizeof path, "%s/lookups.conf", dir);
    if (lookupset_load(path, l, &ferr) == 0) {
        snprintf(path, sizeof path, "%s/%s.conf", dir, kind);
        if (formdef_load(path, f, &ferr) == 0 &&
            formdef_check_lookups(*f, *l, &ferr) == 0 &&
            record_check_catalog(db, *f, *l, &ferr, &err) == 0)
            return 0;
    }
    if (ferr.line > 0)
        fprintf(stderr, "%s:%d: %s\n", ferr.file, ferr.line, ferr.message);
    else
        fprintf(stderr, "%s: %s\n", ferr.file, ferr.message);
    return -1;
}

/* Whether the server knows record kind kind; -1 after a message. */
static int
kind_known(struct db *db, const char *kind)
{
    struct db_error err;
    int known = export_kind_known(db, kind, &err);

    if (known < 0) {
        cli_refused(db, "export", &err);
        return -1;
    }
    if (!known)
        export_warn(_("unknown record kind '%s' (household, training, "
                      "special_ed or teacher_fund)"),
                    kind);
    return known ? 0 : -1;
}

/* A kind whose form is no row of the main menu (menu = false: the pair
 * agreement, forms/pairing.conf) has no export: the server has no
 * eduaid.export_<kind> for it and the export screen does not offer it.
 * Refused in words before anything is read; -1 after the message. */
static int
kind_exported(const struct formdef *f)
{
    if (f->menu)
        return 0;
    export_warn(_("records of kind '%s' are not exported (for pairing, use "
                  "eduaid report)"),
                f->kind);
    return -1;
}

/* ---- the output file ----------------------------------------------------- */

static void
on_signal(int sig)
{
    if (tmp_live && out.tmp[0] != '\0')
        unlink(out.tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Start writing path (core/safefile.h: 0600 -- every export names
 * children of poor households --; "-": standard output), catching the
 * signals that would leave its temporary file behind; NULL after a
 * message. */
static FILE *
open_output(const char *path)
{
    char msg[PATH_MAX + 128];

    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    if (safefile_open(&out, path, SAFEFILE_PRIVATE, msg, sizeof msg) != 0) {
        fprintf(stderr, "%s: export: %s\n", PACKAGE_NAME, msg);
        return NULL;
    }
    tmp_live = 1;
    return out.fp;
}

/* After the export: the temporary file is gone or in place. */
static void
output_done(void)
{
    tmp_live = 0;
}

/* ---- the export ---------------------------------------------------------- */

/* Say why the server refused, in the user's words where we know them. */
static void
report_db_error(const struct db_error *err, const struct export_args *a)
{
    bool refused = strcmp(err->sqlstate, "42501") == 0 ||
                   strcmp(err->sqlstate, "EA004") == 0;

    if (refused && a->unmasked)
        export_warn("%s", _("your role may not export unmasked personal data"));
    else if (refused)
        export_warn(_("your role may not export these records (%s)"),
                    err->message);
    else if (strcmp(err->sqlstate, "22023") == 0 && a->status != NULL &&
             err->detail[0] != '\0')
        export_warn(_("unknown status '%s' (known: %s)"), a->status,
                    err->detail);
    else
        export_warn("%s", err->message);
}

/* The export proper, once connected and the form loaded: through
 * db/exportfile.c, the path the export screen takes too. */
static int
run_export(struct db *db, const struct export_query *q,
           const struct export_args *a)
{
    struct db_error err;
    const struct exportfile_options o = {a->encoding, a->excel_text, a->codes};
    char msg[PATH_MAX + 128];
    long long nrows = 0;
    enum exportfile_failure rc;

    if (open_output(a->file) == NULL)
        return EXIT_USAGE;
    rc = exportfile_write(db, q, &o, &out, &nrows, &err, msg, sizeof msg);
    output_done();
    if (rc == EXPORTFILE_SERVER) {
        report_db_error(&err, a);
        return EXIT_FAILED;
    }
    if (rc == EXPORTFILE_FILE) {
        export_warn("%s", msg);
        return EXIT_FAILED;
    }
    fprintf(stderr, _("%s: export: %lld rows written to %s\n"), PACKAGE_NAME,
            nrows,
            out.how == SAFEFILE_STDOUT ? _("standard output") : out.path);
    return EXIT_OK;
}

/* Settle the township filter; 0 or an exit status after a message. */
static int
township_filter(struct db *db, const char *text, int *id)
{
    struct db_error err;
    char name[128];
    int rc;

    *id = 0;
    if (text == NULL)
        return 0;
    rc = export_township(db, text, id, name, sizeof name, &err);
    if (rc == 0)
        return 0;
    if (rc == 1)
        export_warn(_("no township has the code or name '%s'"), text);
    else if (rc == 2)
        export_warn(_("township '%s' is not one of yours"), text);
    else
        cli_refused(db, "export", &err);
    return EXIT_FAILED;
}

int
cmd_export(int argc, char **argv)
{
    struct export_args a = {.encoding = CSVOUT_UTF8_BOM};
    struct export_query q = {0};
    struct settings_error serr;
    struct settings *s = NULL;
    struct lookupset *l = NULL;
    struct formdef *f = NULL;
    struct db *db = NULL;
    const char *forms_dir = getenv("EDUAID_FORMS_DIR");
    int rc = parse_args(argc, argv, &a);

    if (rc > 0) {
        export_usage(stdout);
        return EXIT_OK;
    }
    if (rc < 0) {
        fprintf(stderr, _("Try '%s export --help'.\n"), PACKAGE_NAME);
        return EXIT_USAGE;
    }
    if (settings_load(
            cli_options()->config_file, EDUAID_SYSCONFDIR "/eduaid/eduaid.conf",
            forms_dir != NULL ? forms_dir : EDUAID_PKGDATADIR "/forms", &s,
            &serr) != 0) {
        fprintf(stderr, "%s:%d: %s\n", serr.file[0] ? serr.file : PACKAGE_NAME,
                serr.line, serr.message);
        return EXIT_USAGE;
    }
    rc = EXIT_FAILED;
    cli_output_locale();
    q.zh = speak_chinese(s->language);
    if ((db = cmd_connect(PACKAGE_NAME ": export")) == NULL ||
        kind_known(db, a.kind) != 0 ||
        load_form(db, s->forms_dir, a.kind, &l, &f) != 0 ||
        kind_exported(f) != 0 ||
        (rc = township_filter(db, a.township, &q.township_id)) != 0)
        goto cleanup;
    q.form = f;
    q.lookups = l;
    q.status = a.status;
    q.unmasked = a.unmasked;
    q.codes = a.codes;
    rc = run_export(db, &q, &a);
cleanup:
    if (db != NULL)
        db_close(db);
    if (f != NULL)
        formdef_free(f);
    if (l != NULL)
        lookupset_free(l);
    settings_free(s);
    return rc;
}
