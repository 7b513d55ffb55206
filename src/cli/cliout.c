/*
 * cliout.c
 *   The subcommands' text for a person (cliout.h): text_shown() of
 *   core/text.c -- the one neutraliser, the screens' -- when the stream
 *   is a terminal, the bytes as they are when it is not; padding by
 *   text_utf8_cells(); text arguments of a non-UTF-8 locale in UTF-8.
 */
#include "config.h"

#include "cli/cliout.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "core/i18n.h"
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
    int fd = i18n_stream_fd(fp);

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
cli_line(FILE *fp, const char *fmt, ...)
{
    va_list ap;
    char *text;
    int n;

    va_start(ap, fmt);
    n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    n = cli_put(fp, text);
    free(text);
    if (n == 0)
        fputc('\n', fp);
    return n;
}

/* The converted arguments of cli_text, freed at exit. */
static char **texts;
static size_t ntexts;

static void
texts_free(void)
{
    for (size_t i = 0; i < ntexts; i++)
        free(texts[i]);
    free(texts);
    texts = NULL;
    ntexts = 0;
}

/* Keep u among the texts freed at exit; false when out of memory. */
static bool
texts_keep(char *u)
{
    char **more = realloc(texts, (ntexts + 1) * sizeof *texts);

    if (more == NULL)
        return false;
    if (texts == NULL)
        atexit(texts_free);
    texts = more;
    texts[ntexts++] = u;
    return true;
}

/* Whether text in the locale's encoding needs converting to UTF-8. */
static bool
locale_not_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);

    return MB_CUR_MAX > 1 && cs != NULL && strcmp(cs, "UTF-8") != 0;
}

char *
cli_text_dup(const char *s)
{
    size_t n;
    wchar_t *w;
    char *u = NULL;

    if (!locale_not_utf8()) {
        u = strdup(s);
    } else if ((n = mbstowcs(NULL, s, 0)) == (size_t)-1) {
        fprintf(stderr, _("%s: not text of this locale (%s): %s\n"),
                PACKAGE_NAME, nl_langinfo(CODESET), s);
        return NULL;
    } else if ((w = calloc(n + 1, sizeof *w)) != NULL) {
        mbstowcs(w, s, n + 1);
        u = text_to_utf8(w);
        free(w);
    }
    if (u == NULL)
        fprintf(stderr, "%s: %s\n", PACKAGE_NAME, strerror(ENOMEM));
    return u;
}

const char *
cli_text(const char *arg)
{
    char *u;

    if (arg == NULL || !locale_not_utf8())
        return arg;
    if ((u = cli_text_dup(arg)) == NULL)
        return NULL;
    if (!texts_keep(u)) {
        free(u);
        fprintf(stderr, "%s: %s\n", PACKAGE_NAME, strerror(ENOMEM));
        return NULL;
    }
    return u;
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
