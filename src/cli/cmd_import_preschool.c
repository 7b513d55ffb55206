/*
 * cmd_import_preschool.c
 *   eduaid import preschool-population|preschool-enrollment --source S
 *   --as-of DATE [--year Y] [--encoding E] FILE.csv (issue 17 H1): the
 *   children aged 3-5 per township, or every child on the kindergartens'
 *   rolls, into one batch per township awaiting a supervisor's review
 *   (db/preschoolload.c); each problem as FILE:LINE:COLUMN, then one line
 *   per batch kept.
 */
#include "config.h"

#include "cli/cli.h"
#include "cli/cliout.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_connect.h"
#include "core/date.h"
#include "core/i18n.h"
#include "db/preschoolload.h"

static void
preschool_usage(FILE *fp)
{
    fprintf(fp,
            _("Usage: %s import preschool-population|preschool-enrollment "
              "--source S --as-of DATE [--year Y] [--encoding E] FILE.csv\n"),
            PACKAGE_NAME);
    fprintf(fp, "%s",
            _("Import the children aged 3 to 5 of each township (columns "
              "乡镇,村,3岁,4岁,5岁)\nor every child on the kindergartens' "
              "rolls (乡镇,幼儿园,姓名,身份证号,出生日期):\none batch per "
              "township, awaiting a supervisor's review. A bad row is\n"
              "reported as FILE:LINE:COLUMN and nothing is imported.\n\n"
              "  --source S     where the figures come from (公安户籍, 卫健, "
              "...)\n"
              "  --as-of DATE   the date they stand at (YYYY-MM-DD)\n"
              "  --year Y       the school year (default: the current one)\n"
              "  --encoding E   auto (the default), utf-8 or gb18030\n\n"
              "Exit status: 0 imported, 1 refused, 2 usage or connection "
              "error.\n"));
}

struct pargs {
    struct preschool_meta meta;
    enum csv_encoding enc;
    const char *file;
};

/* One option with its value at argv[*i]; false on a usage error. */
static bool
preschool_option(int argc, char **argv, int *i, struct pargs *a)
{
    const char *o = argv[*i];

    if (*i + 1 >= argc)
        return false;
    if (strcmp(o, "--source") == 0)
        a->meta.source = argv[++*i];
    else if (strcmp(o, "--as-of") == 0)
        a->meta.as_of = argv[++*i];
    else if (strcmp(o, "--year") == 0) {
        char *end;
        long y = strtol(argv[++*i], &end, 10);

        if (*end != '\0' || y < 2014 || y > 2035)
            return false;
        a->meta.school_year = (int)y;
    } else if (strcmp(o, "--encoding") == 0) {
        if (csv_encoding_parse(argv[++*i], &a->enc) != 0)
            return false;
    } else
        return false;
    return true;
}

/* 0, or EXIT_OK/EXIT_USAGE + 1 to return at once. */
static int
preschool_args(int argc, char **argv, struct pargs *a)
{
    int ymd;

    a->meta.kind = strcmp(argv[1], "preschool-population") == 0
                       ? PRESCHOOL_POPULATION
                       : PRESCHOOL_ENROLLMENT;
    a->meta.school_year = date_school_year_today();
    for (int i = 2; i < argc; i++) {
        if (is_help_option(argv[i])) {
            preschool_usage(stdout);
            return EXIT_OK + 1;
        } else if (is_option(argv[i])) {
            if (!preschool_option(argc, argv, &i, a))
                goto usage;
        } else if (a->file == NULL)
            a->file = argv[i];
        else
            goto usage;
    }
    if (a->file == NULL || a->meta.source == NULL || a->meta.as_of == NULL ||
        date_parse(a->meta.as_of, &ymd) != DATE_PARSE_OK)
        goto usage;
    a->meta.file_name =
        strrchr(a->file, '/') != NULL ? strrchr(a->file, '/') + 1 : a->file;
    return 0;
usage:
    preschool_usage(stderr);
    return EXIT_USAGE + 1;
}

int
cmd_import_preschool(int argc, char **argv)
{
    struct pargs a;
    struct preschool_load out;
    struct db *db;
    FILE *fp;
    int rc;

    memset(&a, 0, sizeof(a));
    a.enc = CSV_ENC_UNKNOWN;
    if ((rc = preschool_args(argc, argv, &a)) != 0)
        return rc - 1;
    if ((fp = fopen(a.file, "rb")) == NULL) {
        perror(a.file);
        return EXIT_USAGE;
    }
    fclose(fp);
    if ((db = cmd_connect(PACKAGE_NAME)) == NULL)
        return EXIT_USAGE;
    rc = preschool_load_file(db, a.file, a.enc, &a.meta, &out);
    for (size_t i = 0; i < out.nmessages; i++)
        cli_line(stderr, "%s", out.messages[i]);
    if (rc == 0) {
        printf(_("%s: %ld rows, encoding %s\n"), a.file, out.rows,
               csv_encoding_name(out.encoding));
        for (size_t i = 0; i < out.nbatches; i++)
            printf(_("batch %lld: %s, %ld rows, awaiting review\n"),
                   out.batches[i].id, out.batches[i].township,
                   out.batches[i].rows);
    } else {
        fprintf(stderr, _("%s: nothing imported\n"), a.file);
    }
    preschool_load_free(&out);
    db_close(db);
    return rc == 0 ? EXIT_OK : EXIT_INVALID;
}
