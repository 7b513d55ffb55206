/*
 * main.c
 *   eduaid's entry point: the locale and message catalogue, the global
 *   options (-c, psql's -d, -h, -p, -U and -?, --help, --version,
 *   --headless, --keys), and
 *   either a subcommand from one table (src/cli) or, with none, the
 *   interactive client (src/app/client.c), on the terminal or headless.
 */
#include "config.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/client.h"
#include "cli/cli.h"
#include "core/cmdline.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/text.h"

/*
 * A subcommand.  run() gets the arguments from the subcommand's name on
 * (argv[0] is the name) and returns the exit status.
 */
struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *synopsis; /* arguments, for the usage line */
    const char *summary;  /* one line, for the command list */
};

static int cmd_help(int argc, char **argv);

static const struct subcommand subcommands[] = {
    {"check-id", cmd_check_id, N_("[NUMBER...]"),
     N_("validate ID numbers (from stdin if none given)")},
    {"export", cmd_export, N_("KIND FILE"),
     N_("export records to CSV (UTF-8 with BOM or GB18030)")},
    {"import", cmd_import, N_("KIND FILE"),
     N_("import a roster or a preschool roll (CSV)")},
    {"rates", cmd_rates, N_("ACTION [ARG]..."),
     N_("standard subsidy amounts: list, set, delete")},
    {"reconcile", cmd_reconcile, N_("IMPORT_ID"),
     N_("compare a roster import with eduaid")},
    {"notice", cmd_notice, N_("ACTION [ARG]..."),
     N_("public notices: list, print, open, close, verify")},
    /* issue 15 H4 */
    {"pairing", cmd_pairing, N_("print DOCUMENT [ARG]..."),
     N_("school pairing documents as PDF: bulletin, notice, scores")},
    /* issue 17 H4 */
    {"admission", cmd_admission, N_("notice|outcome [ARG]..."),
     N_("targeted admission: the qualified's notice (PDF), an outcome")},
    {"report", cmd_report, N_("NAME [--year Y] [-o FILE]"),
     N_("print a report as CSV (--list: the reports)")},
    /* issue 17 H5 */
    {"teachers", cmd_teachers, N_("import FILE"),
     N_("import a training list of rural teachers (CSV)")},
    {"user", cmd_user, N_("ACTION [ARG]..."),
     N_("accounts: request, approve, refuse, disable")},
    {"help", cmd_help, "", N_("show this help")},
};

#define N_SUBCOMMANDS (sizeof(subcommands) / sizeof(subcommands[0]))

static void
usage(FILE *fp)
{
    fprintf(fp, _("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), PACKAGE_NAME);
    fputs(_("Records of the county education bureau's "
            "poverty-alleviation plan.\n"
            "With no COMMAND, start the terminal client.\n\n"),
          fp);
    fputs(_("Options:\n"), fp);
    fputs(_("  -c FILE        read FILE instead of the user's eduaid.conf "
            "(the system\n"
            "                 file is still read first, FILE over it)\n"),
          fp);
    fputs(_("  -d DBNAME      database name, or a libpq connection string\n"
            "                 or URI replacing the configured one\n"),
          fp);
    fputs(_("  -h HOST        database server host or socket directory\n"), fp);
    fputs(_("  -p PORT        database server port\n"), fp);
    fputs(_("  -U USER        log in as USER\n"), fp);
    fputs(_("  --headless=COLSxROWS --keys=FILE\n"
            "                 no terminal: draw at this size, type the "
            "keys of FILE,\n"
            "                 print the screens on stdout (for tests)\n"),
          fp);
    fputs(_("  -?, --help     show this help and exit\n"), fp);
    fputs(_("  -V, --version  show the version and exit\n\n"), fp);
    fputs(_("Commands:\n"), fp);
    for (size_t i = 0; i < N_SUBCOMMANDS; i++) {
        const struct subcommand *c = &subcommands[i];
        char left[96];
        int pad;

        snprintf(left, sizeof(left), "%s %s", c->name,
                 c->synopsis[0] != '\0' ? _(c->synopsis) : "");
        /* lined up in display cells: a translated synopsis may be wide */
        pad = 22 - text_utf8_cells(left);
        fprintf(fp, "  %s%*s %s\n", left, pad > 0 ? pad : 0, "", _(c->summary));
    }
    fprintf(fp, _("\nRun '%s COMMAND --help' for more about a command.\n"),
            PACKAGE_NAME);
}

static const struct subcommand *
find_subcommand(const char *name)
{
    for (size_t i = 0; i < N_SUBCOMMANDS; i++)
        if (strcmp(subcommands[i].name, name) == 0)
            return &subcommands[i];
    return NULL;
}

/* ----------------------------------------------------------------------
 * help
 * ---------------------------------------------------------------------- */

static int
cmd_help(int argc, char **argv)
{
    if (argc > 1 && !is_help_option(argv[1])) {
        fprintf(stderr, _("%s: help takes no arguments\n"), PACKAGE_NAME);
        usage(stderr);
        return EXIT_USAGE;
    }
    usage(stdout);
    return EXIT_OK;
}

/* ----------------------------------------------------------------------
 * main
 * ---------------------------------------------------------------------- */

/* The argument of option argv[*i] (advancing *i), or NULL after a message. */
static const char *
option_argument(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, _("%s: option '%s' needs an argument\n"), PACKAGE_NAME,
                argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

int
main(int argc, char **argv)
{
    struct options opts = {0};
    const struct subcommand *cmd;
    const char **slot;
    int i;

    setlocale(LC_ALL, "");
    /* EDUAID_LOCALEDIR: the catalogue of an uninstalled build (tools/demo). */
    bindtextdomain(PACKAGE, getenv("EDUAID_LOCALEDIR")
                                ? getenv("EDUAID_LOCALEDIR")
                                : LOCALEDIR);
    bind_textdomain_codeset(PACKAGE, "UTF-8");
    textdomain(PACKAGE);
    /* the program's text is UTF-8; a GB18030 terminal gets GB18030 */
    i18n_output_to_locale();

    for (i = 1; i < argc && is_option(argv[i]); i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (is_help_option(argv[i])) {
            usage(stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "-V") == 0 || strcmp(argv[i], "--version") == 0) {
            printf("%s\n", PACKAGE_STRING);
            return EXIT_OK;
        }
        /* hidden: the settings table, which man/settings-man.awk turns
         * into eduaid.conf(5) (tests/unit/man_pages.sh compares) */
        if (strcmp(argv[i], "--describe-settings") == 0) {
            settings_describe(stdout);
            return EXIT_OK;
        }
        if (strncmp(argv[i], "--headless=", 11) == 0) {
            opts.headless = argv[i] + 11;
            continue;
        }
        if (strncmp(argv[i], "--keys=", 7) == 0) {
            opts.keys = argv[i] + 7;
            continue;
        }
        slot = strcmp(argv[i], "-c") == 0   ? &opts.config_file
               : strcmp(argv[i], "-d") == 0 ? &opts.conninfo
               : strcmp(argv[i], "-h") == 0 ? &opts.host
               : strcmp(argv[i], "-p") == 0 ? &opts.port
               : strcmp(argv[i], "-U") == 0 ? &opts.user
                                            : NULL;
        if (slot == NULL) {
            fprintf(stderr, _("%s: unknown option '%s'\n"), PACKAGE_NAME,
                    argv[i]);
            usage(stderr);
            return EXIT_USAGE;
        }
        if ((*slot = option_argument(argc, argv, &i)) == NULL)
            return EXIT_USAGE;
    }

    if ((opts.headless != NULL || opts.keys != NULL) && i < argc) {
        fprintf(stderr, _("%s: --headless and --keys are for the client\n"),
                PACKAGE_NAME);
        return EXIT_USAGE;
    }
    cli_set_options(&opts);
    if (i >= argc) {
        i18n_output_raw(); /* curses converts the screen itself */
        return client_main(&opts);
    }

    cmd = find_subcommand(argv[i]);
    if (cmd == NULL) {
        fprintf(stderr, _("%s: unknown command '%s'\n"), PACKAGE_NAME, argv[i]);
        usage(stderr);
        return EXIT_USAGE;
    }
    cli_set_command(cmd->name); /* application_name eduaid/export */
    return cmd->run(argc - i, argv + i);
}
