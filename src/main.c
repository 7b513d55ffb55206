/*
 * main.c
 *   eduaid's entry point: the global options (--help, --version) and the
 *   subcommands, dispatched through one table.  The interactive client
 *   will start here when no subcommand is given; for now the only real
 *   subcommand is check-id, a batch front end to the ID number validator.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/idnumber.h"

/* Exit statuses shared by all subcommands. */
enum {
    EXIT_OK = 0,      /* done, and everything checked was fine */
    EXIT_INVALID = 1, /* done, and something checked was not */
    EXIT_USAGE = 2    /* bad command line, or an I/O error */
};

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

static int cmd_check_id(int argc, char **argv);
static int cmd_help(int argc, char **argv);

static const struct subcommand subcommands[] = {
    {"check-id", cmd_check_id, "[NUMBER...]",
     "validate ID numbers (from stdin if none given)"},
    {"help", cmd_help, "", "show this help"},
};

#define N_SUBCOMMANDS (sizeof(subcommands) / sizeof(subcommands[0]))

static void
usage(FILE *fp)
{
    fprintf(fp, "Usage: %s [OPTION]... COMMAND [ARG]...\n", PACKAGE_NAME);
    fprintf(fp, "Records of the county education bureau's "
                "poverty-alleviation plan.\n\n");
    fprintf(fp, "Options:\n");
    fprintf(fp, "  -h, --help     show this help and exit\n");
    fprintf(fp, "  -V, --version  show the version and exit\n\n");
    fprintf(fp, "Commands:\n");
    for (size_t i = 0; i < N_SUBCOMMANDS; i++) {
        const struct subcommand *c = &subcommands[i];
        char left[64];

        snprintf(left, sizeof(left), "%s %s", c->name, c->synopsis);
        fprintf(fp, "  %-22s %s\n", left, c->summary);
    }
    fprintf(fp, "\nRun '%s COMMAND --help' for more about a command.\n",
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

/* True for "-h" and "--help". */
static bool
is_help_option(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

/* True for an argument that looks like an option: "-x", "--xyz". */
static bool
is_option(const char *arg)
{
    return arg[0] == '-' && arg[1] != '\0';
}

/* ----------------------------------------------------------------------
 * help
 * ---------------------------------------------------------------------- */

static int
cmd_help(int argc, char **argv)
{
    if (argc > 1 && !is_help_option(argv[1])) {
        fprintf(stderr, "%s: help takes no arguments\n", PACKAGE_NAME);
        usage(stderr);
        return EXIT_USAGE;
    }
    usage(stdout);
    return EXIT_OK;
}

/* ----------------------------------------------------------------------
 * check-id
 * ---------------------------------------------------------------------- */

static void
check_id_usage(FILE *fp)
{
    fprintf(fp, "Usage: %s check-id [NUMBER...]\n", PACKAGE_NAME);
    fprintf(fp,
            "Validate resident ID numbers (GB 11643-1999): length, digits,\n"
            "area code, birth date (not in the future) and check digit.\n"
            "With no NUMBER, read numbers from standard input, one per "
            "line;\n"
            "blanks around them and empty lines are ignored.\n\n"
            "Prints one line per number, fields separated by a tab:\n"
            "  NUMBER  ok       YYYY-MM-DD  M|F\n"
            "  NUMBER  invalid  REASON\n\n"
            "Exit status: 0 if all numbers are valid, 1 if any is not,\n"
            "2 on a usage or I/O error.\n");
}

/*
 * Check one number, print its line; returns true if it is valid.  len is
 * the length of s as read, so a NUL byte inside it is caught.
 */
static bool
check_id_one(const char *s, size_t len, int today)
{
    struct id_info info;
    enum id_error e;

    if (strlen(s) != len)
        e = len == ID_NUMBER_LEN ? ID_ERR_CHARS : ID_ERR_LENGTH;
    else
        e = id_number_check(s, &info, today);

    if (e == ID_OK) {
        printf("%s\tok\t%04d-%02d-%02d\t%c\n", s, info.year, info.month,
               info.day, info.sex);
        return true;
    }
    printf("%s\tinvalid\t%s\n", s, id_error_message(e));
    return false;
}

/* Strip blanks (and the newline) from both ends of line[0..*len). */
static char *
trim_line(char *line, size_t *len)
{
    size_t n = *len;

    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
                     line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
    line[n] = '\0';
    while (n > 0 && (line[0] == ' ' || line[0] == '\t')) {
        line++;
        n--;
    }
    *len = n;
    return line;
}

static int
cmd_check_id(int argc, char **argv)
{
    int today = date_today_yyyymmdd();
    int first = 1;
    bool all_valid = true;

    for (; first < argc && is_option(argv[first]); first++) {
        if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        }
        if (is_help_option(argv[first])) {
            check_id_usage(stdout);
            return EXIT_OK;
        }
        fprintf(stderr, "%s: check-id: unknown option '%s'\n", PACKAGE_NAME,
                argv[first]);
        check_id_usage(stderr);
        return EXIT_USAGE;
    }

    if (first < argc) {
        for (int i = first; i < argc; i++)
            if (!check_id_one(argv[i], strlen(argv[i]), today))
                all_valid = false;
    } else {
        char *line = NULL;
        size_t cap = 0;
        ssize_t got;

        while ((got = getline(&line, &cap, stdin)) != -1) {
            size_t len = (size_t)got;
            char *s = trim_line(line, &len);

            if (len == 0)
                continue;
            if (!check_id_one(s, len, today))
                all_valid = false;
        }
        free(line);
        if (ferror(stdin)) {
            perror(PACKAGE_NAME ": check-id: reading standard input");
            return EXIT_USAGE;
        }
    }

    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror(PACKAGE_NAME ": check-id: writing standard output");
        return EXIT_USAGE;
    }
    return all_valid ? EXIT_OK : EXIT_INVALID;
}

/* ----------------------------------------------------------------------
 * main
 * ---------------------------------------------------------------------- */

int
main(int argc, char **argv)
{
    const struct subcommand *cmd;
    int i;

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
        fprintf(stderr, "%s: unknown option '%s'\n", PACKAGE_NAME, argv[i]);
        usage(stderr);
        return EXIT_USAGE;
    }

    if (i >= argc) {
        fprintf(stderr,
                "%s: no command given (the interactive client is not "
                "built yet)\n",
                PACKAGE_NAME);
        usage(stderr);
        return EXIT_USAGE;
    }

    cmd = find_subcommand(argv[i]);
    if (cmd == NULL) {
        fprintf(stderr, "%s: unknown command '%s'\n", PACKAGE_NAME, argv[i]);
        usage(stderr);
        return EXIT_USAGE;
    }
    return cmd->run(argc - i, argv + i);
}
