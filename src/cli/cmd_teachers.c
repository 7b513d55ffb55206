/*
 * cmd_teachers.c
 *   `eduaid teachers import FILE [--encoding E]` (issue 17 H5): a county's
 *   training list (国培 and other lists come as spreadsheets) saved as
 *   CSV, read by the CSV reader (core/csv.h), each line a training record
 *   of a teacher of the caller's townships found by ID number. The first
 *   line is the heading; then 身份证号, 培训项目, 级别 (国培 省培 县培 校本,
 *   or national provincial county school), 学时, 开始日期, 结束日期. All or
 *   nothing, in one transaction: a line whose teacher is not one of the
 *   caller's, or that the server refuses, is named and nothing is kept.
 *   Each record says where it came from (source "import:<file>"); who
 *   imported it and when are its created_by and created_at, and the audit
 *   log has each line.
 */
#include "config.h"

#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cliout.h"
#include "cli/cmd_connect.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "db/teachers.h"

#define NFIELDS 6

static void
teachers_usage(FILE *fp)
{
    fprintf(fp, _("Usage: %s teachers import FILE [--encoding E]\n"),
            PACKAGE_NAME);
    fputs(_("Import a training list (CSV, a heading line first): ID number,\n"
            "programme, level (国培 省培 县培 校本), hours, first day, last "
            "day.\n"
            "Every line or none: a teacher not of your townships, or a line\n"
            "the server refuses, is named and nothing is kept.\n"
            "  --encoding E  utf-8, gb18030 or auto (the default)\n"),
          fp);
}

/* Parse argv; 0, or -1 after the help (exit 0), or the exit status after
 * a message. */
static int
teachers_args(int argc, char **argv, const char **file, enum csv_encoding *enc)
{
    if (argc == 2 &&
        (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-?") == 0)) {
        teachers_usage(stdout);
        return -1;
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc) {
            if (csv_encoding_parse(argv[++i], enc) != 0) {
                fprintf(stderr, _("%s teachers: unknown encoding '%s'\n"),
                        PACKAGE_NAME, argv[i]);
                return EXIT_USAGE;
            }
        } else if (*file == NULL && argv[i][0] != '-') {
            *file = argv[i];
        } else {
            teachers_usage(stderr);
            return EXIT_USAGE;
        }
    }
    if (argc < 2 || strcmp(argv[1], "import") != 0 || *file == NULL) {
        teachers_usage(stderr);
        return EXIT_USAGE;
    }
    return 0;
}

/* The records of r, each stored; the number stored, or -1 after a
 * message, or -2 with the server's refusal in err and its line in *line
 * (the caller rolls back first: the words are read outside the aborted
 * transaction). */
static long
import_lines(struct db *db, struct csv_reader *r, const char *file,
             const char *source, struct db_error *err, long *line)
{
    struct csv_error cerr;
    char **f;
    size_t n;
    long stored = 0;
    int rc;
    bool heading = true;

    while ((rc = csv_next(r, &f, &n, &cerr)) == 1) {
        if (heading) {
            heading = false;
            continue;
        }
        if (n < NFIELDS) {
            cli_line(stderr, _("%s:%ld: %d columns wanted, %zu found"), file,
                     csv_line(r), NFIELDS, n);
            return -1;
        }
        rc = teachers_import_training(db, f[0], f[1], f[2], f[3], f[4], f[5],
                                      source, err);
        if (rc < 0) {
            *line = csv_line(r);
            return -2;
        }
        if (rc == 0) {
            cli_line(stderr,
                     _("%s:%ld: no active teacher of your townships has ID "
                       "number %s"),
                     file, csv_line(r), f[0]);
            return -1;
        }
        stored++;
    }
    if (rc < 0) {
        cli_line(stderr, "%s:%ld: %s", file, cerr.line, cerr.message);
        return -1;
    }
    return stored;
}

int
cmd_teachers(int argc, char **argv)
{
    const char *file = NULL, *base;
    enum csv_encoding enc = CSV_ENC_UNKNOWN;
    struct csv_error cerr;
    struct csv_reader *r = NULL;
    struct db_error err;
    struct db *db = NULL;
    char source[200];
    FILE *fp;
    long stored = -1, line = 0;
    int rc = teachers_args(argc, argv, &file, &enc);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    if ((fp = fopen(file, "rb")) == NULL) {
        perror(file);
        return EXIT_USAGE;
    }
    if ((r = csv_open(fp, enc, &cerr)) == NULL) {
        cli_line(stderr, "%s: %s", file, cerr.message);
        fclose(fp);
        return EXIT_USAGE;
    }
    base = strrchr(file, '/') != NULL ? strrchr(file, '/') + 1 : file;
    snprintf(source, sizeof(source), "import:%.180s", base);
    if ((db = cmd_connect(PACKAGE_NAME)) == NULL) {
        rc = EXIT_USAGE;
        goto done;
    }
    if (db_begin(db, &err) != 0) {
        rc = cli_refused(db, "teachers import", &err);
        goto done;
    }
    stored = import_lines(db, r, file, source, &err, &line);
    if (stored < 0 || db_commit(db, &err) != 0) {
        struct db_error rerr;
        char what[600];

        db_command(db, "ROLLBACK", 0, NULL, &rerr);
        if (stored != -1) { /* refused by the server */
            snprintf(what, sizeof(what), "%s:%ld", file, line);
            cli_refused(db, stored == -2 ? what : "teachers import", &err);
        }
        fprintf(stderr, _("%s: nothing imported\n"), file);
        rc = EXIT_INVALID;
        goto done;
    }
    printf(_("%s: %ld training records imported\n"), file, stored);
    rc = EXIT_OK;
done:
    csv_close(r);
    fclose(fp);
    db_close(db);
    return rc;
}
