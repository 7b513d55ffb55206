/*
 * cliout.c
 *   The subcommands' text for a person (cliout.h): text_shown() of
 *   core/text.c -- the one neutraliser, the screens' -- when the stream
 *   is a terminal, the bytes as they are when it is not; padding by
 *   text_utf8_cells().
 */
#include "config.h"

#include "cli/cliout.h"

#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/text.h"

void
cli_output_locale(void)
{
    if (MB_CUR_MAX == 1)
        setlocale(LC_CTYPE, "C.UTF-8");
}

bool
cli_is_terminal(FILE *fp)
{
    int fd = fileno(fp);

    return fd >= 0 && isatty(fd) == 1;
}

int
cli_put(FILE *fp, const char *s)
{
    char *shown;

    if (s == NULL)
        s = "";
    if (!cli_is_terminal(fp)) {
        fputs(s, fp);
        return 0;
    }
    if ((shown = text_shown(s)) == NULL)
        return -1;
    fputs(shown, fp);
    free(shown);
    return 0;
}

int
cli_cells(const char *s)
{
    /* text_char_cells counts what text_shown replaces as its one cell */
    return text_utf8_cells(s != NULL ? s : "");
}

void
cli_put_cell(FILE *fp, const char *s, int cells, bool right)
{
    int pad = cells - cli_cells(s);

    if (right && pad > 0)
        fprintf(fp, "%*s", pad, "");
    cli_put(fp, s);
    if (!right && pad > 0)
        fprintf(fp, "%*s", pad, "");
}
