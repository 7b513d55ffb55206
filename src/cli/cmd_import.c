/*
 * cmd_import.c
 *   eduaid import roster [--encoding auto|utf-8|gb18030] [--no-client-checks]
 *   FILE.csv: load a household roster into the staging tables in one
 *   transaction (db/rosterload.c), print each problem as FILE:LINE:COLUMN
 *   (COLUMN the field's number), then a summary and the import id for
 *   `eduaid reconcile`. On a terminal, stderr shows how far it is (rows,
 *   MB, rows a second) on one line rewritten in place; the last stays.
 */
#include "config.h"

#include "cli/cli.h"
#include "cli/cliout.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cmd_connect.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "db/rosterload.h"

static void
import_usage(FILE *fp)
{
    fprintf(fp, _("Usage: %s import roster [--encoding E] FILE.csv\n"),
            PACKAGE_NAME);
    fprintf(
        fp, "%s",
        _("Load a household roster (CSV) into eduaid's staging tables, in\n"
          "one transaction: a bad row is reported as FILE:LINE:COLUMN (the\n"
          "line the row starts on, the number of the field: 1 is column A)\n"
          "and nothing is imported. Rows of only commas and blanks are\n"
          "skipped. The columns are described in the README.\n\n"
          "  --encoding E        auto (the default: detected), utf-8 or "
          "gb18030\n"
          "  --no-client-checks  leave every check to the server (tests)\n\n"
          "Prints the rows, households and members read, the encoding and\n"
          "the import id (for 'eduaid reconcile'). Exit status: 0 "
          "imported,\n1 refused, 2 usage or connection error.\n"));
}

/* Parse the arguments; 0, or EXIT_OK/EXIT_USAGE + 1 to return at once. */
static int
import_args(int argc, char **argv, enum csv_encoding *enc, bool *checks,
            const char **file)
{
    if (argc >= 2 && is_help_option(argv[1])) {
        import_usage(stdout);
        return EXIT_OK + 1;
    }
    if (argc < 2 || strcmp(argv[1], "roster") != 0) {
        import_usage(stderr);
        return EXIT_USAGE + 1;
    }
    for (int i = 2; i < argc; i++) {
        if (is_help_option(argv[i])) {
            import_usage(stdout);
            return EXIT_OK + 1;
        } else if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc) {
            if (csv_encoding_parse(argv[++i], enc) != 0) {
                fprintf(stderr, _("%s: unknown encoding '%s'\n"), PACKAGE_NAME,
                        argv[i]);
                return EXIT_USAGE + 1;
            }
        } else if (strcmp(argv[i], "--no-client-checks") == 0) {
            *checks = false;
        } else if (!is_option(argv[i]) && *file == NULL) {
            *file = argv[i];
        } else {
            import_usage(stderr);
            return EXIT_USAGE + 1;
        }
    }
    if (*file == NULL) {
        import_usage(stderr);
        return EXIT_USAGE + 1;
    }
    return 0;
}

/* A file that cannot be read at all is a usage error (exit 2), told
 * before connecting; what is wrong inside it is found by the import. */
static bool
readable_file(const char *file)
{
    struct stat st;
    FILE *fp;

    if (stat(file, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "%s: %s\n", file, strerror(EISDIR));
        return false;
    }
    if ((fp = fopen(file, "rb")) == NULL) {
        fprintf(stderr, "%s: %s\n", file, strerror(errno));
        return false;
    }
    fclose(fp);
    return true;
}

/* The progress line on stderr: rewritten with \r, erased to its end. */
struct progress_line {
    bool shown; /* a line is up and not yet ended */
};

static void
show_progress(const struct roster_progress *p, void *ctx)
{
    struct progress_line *pl = ctx;
    char text[200];

    roster_progress_text(p, text, sizeof(text));
    fprintf(stderr, "\r%s\033[K%s", text, p->phase == ROSTER_DONE ? "\n" : "");
    fflush(stderr);
    pl->shown = p->phase != ROSTER_DONE;
}

int
cmd_import(int argc, char **argv)
{
    enum csv_encoding enc = CSV_ENC_UNKNOWN;
    bool checks = true;
    const char *file = NULL;
    struct roster_load out;
    struct progress_line pl = {false};
    struct db *db;
    int rc;

    /* issue 17 H1: the preschool files (cmd_import_preschool.c) */
    if (argc >= 2 && (strcmp(argv[1], "preschool-population") == 0 ||
                      strcmp(argv[1], "preschool-enrollment") == 0))
        return cmd_import_preschool(argc, argv);
    /* end issue 17 H1 */
    rc = import_args(argc, argv, &enc, &checks, &file);
    if (rc != 0)
        return rc - 1;
    if (!readable_file(file))
        return EXIT_USAGE;
    if ((db = cmd_connect(PACKAGE_NAME)) == NULL)
        return EXIT_USAGE;
    rc = roster_load_file_progress(db, file, enc, checks,
                                   isatty(STDERR_FILENO) ? show_progress : NULL,
                                   &pl, &out);
    if (pl.shown)
        fputc('\n', stderr);
    for (size_t i = 0; i < out.nmessages; i++)
        cli_line(stderr, "%s", out.messages[i]);
    if (rc == 0) {
        printf(_("%s: %ld rows, %ld households, %ld members, encoding %s\n"),
               file, out.rows, out.households, out.members,
               csv_encoding_name(out.encoding));
        printf(_("import %lld\n"), out.import_id);
    } else {
        fprintf(stderr, _("%s: nothing imported\n"), file);
    }
    roster_load_free(&out);
    db_close(db);
    return rc == 0 ? EXIT_OK : EXIT_INVALID;
}
