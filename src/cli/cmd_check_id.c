/*
 * cmd_check_id.c
 *   eduaid check-id: a batch front end to the ID number validator, for
 *   checking a list of numbers before an import or after a phone call.
 */
#include "config.h"

#include "cli/cli.h"
#include "cli/cliout.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/idnumber.h"
#include "core/validate.h"

static void
check_id_usage(FILE *fp)
{
    fprintf(fp, _("Usage: %s check-id [NUMBER...]\n"), PACKAGE_NAME);
    fputs(_("Validate resident ID numbers (GB 11643-1999): length, digits,\n"
            "area code, birth date (not in the future) and check digit.\n"
            "With no NUMBER, read numbers from standard input, one per "
            "line;\n"
            "blanks around them and empty lines are ignored.\n\n"
            "Prints one line per number, fields separated by a tab:\n"
            "  NUMBER  ok       YYYY-MM-DD  M|F\n"
            "  NUMBER  invalid  REASON\n\n"
            "Exit status: 0 if all numbers are valid, 1 if any is not,\n"
            "2 on a usage or I/O error.\n"),
          fp);
}

/*
 * Check one number, print its line; returns true if it is valid.  len is
 * the length of s as read, so a NUL byte inside it is caught.  s is
 * trimmed and folded first, in place, as a form does before the server's
 * check (valid_trim: blanks such as U+3000 at either end; id_number_fold:
 * full-width digits and Ｘ), and printed so.
 */
static bool
check_id_one(char *s, size_t len, int today)
{
    struct id_info info;
    enum id_error e;

    if (strlen(s) == len) {
        id_number_fold(valid_trim(s));
        len = strlen(s);
    }
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

/*
 * One line of standard input, in the locale's encoding (a GB18030
 * terminal's full-width digits): converted to UTF-8 as an argument is,
 * then checked. A line holding a NUL byte is checked as read, so its
 * length tells it invalid; one that is no text of the locale is invalid
 * with the reason on stderr.
 */
static bool
check_id_line(char *s, size_t len, int today)
{
    char *u;
    bool valid;

    if (strlen(s) != len)
        return check_id_one(s, len, today);
    if ((u = cli_text_dup(s)) == NULL)
        return false;
    valid = check_id_one(u, strlen(u), today);
    free(u);
    return valid;
}

int
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
        fprintf(stderr, _("%s: check-id: unknown option '%s'\n"), PACKAGE_NAME,
                argv[first]);
        check_id_usage(stderr);
        return EXIT_USAGE;
    }

    if (first < argc) {
        for (int i = first; i < argc; i++) {
            const char *text = cli_text(argv[i]); /* full-width digits */
            char *id = text != NULL ? strdup(text) : NULL;

            if (id == NULL || !check_id_one(id, strlen(id), today))
                all_valid = false;
            free(id);
        }
    } else {
        char *line = NULL;
        size_t cap = 0;
        ssize_t got;

        while ((got = getline(&line, &cap, stdin)) != -1) {
            size_t len = (size_t)got;
            char *s = trim_line(line, &len);

            if (len == 0)
                continue;
            if (!check_id_line(s, len, today))
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
