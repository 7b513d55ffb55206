/*
 * i18n.c
 *   Choosing the language the UI speaks, and writing the command line's
 *   text in the locale's encoding (see i18n.h).
 */
#include "config.h"

#include "core/i18n.h"

#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "core/text.h"

bool
speak_chinese(const char *language)
{
    const char *lc;

    if (strcmp(language, "zh_CN") == 0) {
        setenv("LANGUAGE", "zh_CN", 1);
        return true;
    }
    if (strcmp(language, "en") == 0) {
        setenv("LANGUAGE", "en", 1);
        return false;
    }
    lc = setlocale(LC_MESSAGES, NULL);
    return lc != NULL && strncmp(lc, "zh", 2) == 0;
}

/* ---------------------------------------------------------------------
 * Output in the locale's encoding
 * --------------------------------------------------------------------- */

/* A stream whose UTF-8 is written to fd in the locale's encoding; pend
 * holds the start of a character split between two writes. */
struct lstream {
    int fd;
    unsigned char pend[4];
    size_t npend;
};

static struct lstream out_stream = {STDOUT_FILENO, {0}, 0};
static struct lstream err_stream = {STDERR_FILENO, {0}, 0};
static FILE *raw_stdout;
/* The locale the streams convert to, kept: a command that changes
 * LC_CTYPE for its own widths (cmd_notice.c's sheet) still writes to
 * the terminal in its encoding. */
static locale_t out_locale;

static bool
write_all(int fd, const char *b, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, b, n);

        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        b += w;
        n -= (size_t)w;
    }
    return true;
}

/* Bytes of the UTF-8 character whose first byte is c (1 for a byte that
 * starts none). */
static size_t
utf8_len(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Convert the character at s (n bytes left) into out; the bytes of s it
 * took, 0 when s holds only the start of a character. A byte that starts
 * no UTF-8 goes through as it is; a character the locale cannot encode
 * becomes '?'. */
static size_t
convert_one(const unsigned char *s, size_t n, char *out, size_t *outn)
{
    char tmp[8];
    size_t len = utf8_len(s[0]), r;
    wchar_t c;
    mbstate_t st;
    int used;

    if (s[0] >= 0x80 && len > n) {
        size_t i = 1;

        while (i < n && (s[i] & 0xC0) == 0x80)
            i++;
        if (i == n)
            return 0;
    }
    memcpy(tmp, s, len <= n ? len : n);
    tmp[len <= n ? len : n] = '\0';
    used = text_utf8_next(tmp, &c);
    if (s[0] >= 0x80 && used == 1) { /* no UTF-8: as it is */
        out[(*outn)++] = (char)s[0];
        return 1;
    }
    memset(&st, 0, sizeof(st));
    r = wcrtomb(out + *outn, c, &st);
    if (r == (size_t)-1)
        out[(*outn)++] = '?';
    else
        *outn += r;
    return (size_t)used;
}

static ssize_t
lstream_write(void *cookie, const char *buf, size_t size)
{
    struct lstream *ls = cookie;
    unsigned char in[64 + 4];
    char out[(64 + 4) * MB_LEN_MAX];
    size_t done = 0;
    locale_t was = uselocale(out_locale);

    while (done < size || ls->npend > 0) {
        size_t n = ls->npend, take = size - done, i = 0, outn = 0, k;

        if (take > 64)
            take = 64;
        memcpy(in, ls->pend, n);
        memcpy(in + n, buf + done, take);
        n += take;
        done += take;
        ls->npend = 0;
        while (i < n && (k = convert_one(in + i, n - i, out, &outn)) > 0)
            i += k;
        memcpy(ls->pend, in + i, n - i); /* a split character: < 4 bytes */
        ls->npend = n - i;
        if (!write_all(ls->fd, out, outn)) {
            uselocale(was);
            return -1;
        }
        if (take == 0)
            break;
    }
    uselocale(was);
    return (ssize_t)size;
}

/* A stream for ls, line-buffered or unbuffered; NULL on failure. */
static FILE *
lstream_open(struct lstream *ls, int mode)
{
    cookie_io_functions_t io = {NULL, lstream_write, NULL, NULL};
    FILE *fp = fopencookie(ls, "w", io);

    if (fp != NULL)
        setvbuf(fp, NULL, mode, mode == _IONBF ? 0 : BUFSIZ);
    return fp;
}

void
i18n_output_to_locale(void)
{
    const char *cs = nl_langinfo(CODESET);
    FILE *fp;

    if (MB_CUR_MAX <= 1 || cs == NULL || strcmp(cs, "UTF-8") == 0)
        return;
    if ((out_locale = duplocale(LC_GLOBAL_LOCALE)) == (locale_t)0)
        return;
    fflush(stdout);
    fflush(stderr);
    if ((fp = lstream_open(&err_stream, _IONBF)) != NULL)
        stderr = fp;
    if (isatty(STDOUT_FILENO) && (fp = lstream_open(&out_stream, _IOLBF))) {
        raw_stdout = stdout;
        stdout = fp;
    }
}

int
i18n_stream_fd(FILE *fp)
{
    if (fp == NULL)
        return -1;
    if (raw_stdout != NULL && fp == stdout)
        return STDOUT_FILENO;
    if (out_locale != (locale_t)0 && fp == stderr && fileno(fp) < 0)
        return STDERR_FILENO;
    return fileno(fp);
}

void
i18n_output_raw(void)
{
    if (raw_stdout == NULL)
        return;
    fflush(stdout);
    stdout = raw_stdout;
    raw_stdout = NULL;
}
