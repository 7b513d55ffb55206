/*
 * cmd_rates.c
 *   eduaid rates: the standard amounts of 全程资助 (src/db/rates.h) --
 *   everyone lists them, the admin sets or deletes one, without SQL. The
 *   rules are the server's (sql/027_subsidy_rates.sql): a refusal is said
 *   in the words of eduaid.message.
 */
#include "config.h"

#include "cli/cli.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_connect.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "db/rates.h"

static void
rates_usage(FILE *fp)
{
    fprintf(fp, _("Usage: %s rates ACTION [ARG]...\n"), PACKAGE_NAME);
    fputs(_("The standard amounts of the subsidy programs, per school year,\n"
            "stage and boarding; everyone lists them, the admin keeps them.\n\n"
            "  list [--year Y]         the rates (of school year Y only)\n"
            "  set PROGRAM YEAR STAGE BOARDING AMOUNT\n"
            "                          set a rate (admins): PROGRAM as\n"
            "                          preschool_aid, STAGE as junior,\n"
            "                          BOARDING yes or no, AMOUNT in yuan\n"
            "  delete PROGRAM YEAR STAGE BOARDING\n"
            "                          delete a rate (admins)\n\n"
            "The global options -c, -d and -U choose the configuration, the\n"
            "database and the user, as for the client.\n"
            "Exit status: 0 done, 1 refused or no such rate, 2 usage or I/O "
            "error.\n"),
          fp);
}

static int
rates_usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "%s rates: %s '%s'\n", PACKAGE_NAME, what, arg);
    fprintf(stderr, _("Try '%s rates --help'.\n"), PACKAGE_NAME);
    return EXIT_USAGE;
}

/* Say what the server (or rates.c) refused; returns the exit status. */
static int
rates_refused(struct db *db, const char *action, const struct db_error *err)
{
    char what[64];

    snprintf(what, sizeof what, "rates %s", action);
    return cli_refused(db, what, err);
}

/* A school year 2014..2035, or -1. */
static int
parse_year(const char *s)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < 2014 || v > 2035)
        return -1;
    return (int)v;
}

/* yes/no (true/false, 1/0) into *b; -1 when it is neither. */
static int
parse_boarding(const char *s, bool *b)
{
    if (strcmp(s, "yes") == 0 || strcmp(s, "true") == 0 ||
        strcmp(s, "1") == 0) {
        *b = true;
        return 0;
    }
    if (strcmp(s, "no") == 0 || strcmp(s, "false") == 0 ||
        strcmp(s, "0") == 0) {
        *b = false;
        return 0;
    }
    return -1;
}

/* The rates as a table: year, program, stage, boarding, amount, and the
 * program's and stage's words last (their width varies). */
static void
print_rates(const struct rate_list *l, bool zh)
{
    printf("%-4s  %-20s  %-20s  %-3s  %10s  %s\n", "year", "program", "stage",
           "brd", "amount", _("program / stage"));
    for (int i = 0; i < l->n; i++) {
        const struct rate *r = &l->items[i];

        printf("%-4d  %-20s  %-20s  %-3s  %10s  %s / %s\n", r->school_year,
               r->program, r->stage, r->boarding ? "yes" : "no", r->amount,
               zh ? r->program_zh : r->program_en,
               zh ? r->stage_zh : r->stage_en);
    }
}

/* What the command line asks for. */
struct rates_args {
    const char *action; /* list, set, delete */
    int year;           /* list: 0 for every year */
    const char *program, *stage, *amount;
    bool boarding;
};

/* Parse argv into a; 0, or EXIT_USAGE after a message (no server asked). */
static int
rates_parse(int argc, char **argv, struct rates_args *a)
{
    bool set = strcmp(argv[1], "set") == 0;

    a->action = argv[1];
    if (strcmp(a->action, "list") == 0) {
        for (int i = 2; i < argc; i++) {
            if (strcmp(argv[i], "--year") == 0 && i + 1 < argc &&
                (a->year = parse_year(argv[i + 1])) > 0)
                i++;
            else
                return rates_usage_error(_("bad argument"), argv[i]);
        }
        return 0;
    }
    if (!set && strcmp(a->action, "delete") != 0)
        return rates_usage_error(_("no such action"), a->action);
    if (argc != (set ? 7 : 6))
        return rates_usage_error(_("wrong number of arguments for"), a->action);
    a->program = argv[2];
    a->stage = argv[4];
    if ((a->year = parse_year(argv[3])) < 0)
        return rates_usage_error(_("not a school year (2014 to 2035):"),
                                 argv[3]);
    if (parse_boarding(argv[5], &a->boarding) != 0)
        return rates_usage_error(_("boarding is yes or no, not"), argv[5]);
    if (set && valid_money(argv[6], NULL) != VALID_OK)
        return rates_usage_error(
            _("not an amount in yuan (at most two decimals):"), argv[6]);
    a->amount = set ? argv[6] : NULL;
    return 0;
}

static int
rates_list_cmd(struct db *db, const struct rates_args *a)
{
    struct rate_list l;
    struct db_error err;

    if (rates_list(db, a->year, &l, &err) != 0)
        return rates_refused(db, "list", &err);
    print_rates(&l, speak_chinese("auto"));
    rates_list_free(&l);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_USAGE;
}

/* set (a->amount given) and delete. */
static int
rates_change_cmd(struct db *db, const struct rates_args *a)
{
    struct db_error err;
    int rc;

    if (a->amount != NULL)
        rc = rates_set(db, a->program, a->year, a->stage, a->boarding,
                       a->amount, &err);
    else
        rc = rates_delete(db, a->program, a->year, a->stage, a->boarding, &err);
    if (rc < 0)
        return rates_refused(db, a->action, &err);
    if (a->amount == NULL && rc == 0) {
        fprintf(stderr, _("%s rates: no such rate\n"), PACKAGE_NAME);
        return EXIT_INVALID;
    }
    return EXIT_OK;
}

int
cmd_rates(int argc, char **argv)
{
    struct rates_args a = {0};
    struct db *db;
    int rc;

    if (argc < 2 || is_help_option(argv[1])) {
        rates_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    if ((rc = rates_parse(argc, argv, &a)) != 0)
        return rc;
    if ((db = cmd_connect("eduaid rates")) == NULL)
        return EXIT_USAGE;
    if (strcmp(a.action, "list") == 0)
        rc = rates_list_cmd(db, &a);
    else
        rc = rates_change_cmd(db, &a);
    db_close(db);
    return rc;
}
