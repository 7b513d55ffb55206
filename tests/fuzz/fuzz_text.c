/*
 * fuzz_text.c
 *   libFuzzer target: text fitting and wrapping (core/text.c), what draws
 *   every cell of the client. The first two bytes of the input give the
 *   width (0-99 cells) and the flags (pad, mark the cut); the rest is the
 *   text, any bytes. Checked: text_fit never writes past out, always ends
 *   it with a NUL and never writes more cells than asked (exactly that
 *   many when padding into an out big enough); the result measures what
 *   text_fit says; wrapping
 *   always makes progress and ends; UTF-8 converted to wide characters and
 *   back is unchanged when it was valid (each invalid byte is one U+FFFD).
 */
#include "config.h"

#include <locale.h>
#include <wchar.h>

#include "fuzz.h"

#include "core/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setlocale(LC_ALL, "C.UTF-8"); /* as the client runs: wcwidth */
    return 0;
}

/* Fit s into out of outsz bytes and check what text_fit promises: out
 * terminated, no more cells than asked, the cells it says it wrote, and
 * exactly `cells` when padding into an out big enough for everything. */
static void
fit_into(const char *s, int cells, bool pad, bool mark, size_t outsz, bool big)
{
    char *out = malloc(outsz + 1);
    int got;

    FUZZ_ASSERT(out != NULL);
    out[outsz] = '\x7f'; /* a canary past the end it is given */
    got = text_fit(s, cells, pad, mark, out, outsz);
    FUZZ_ASSERT(out[outsz] == '\x7f');
    if (outsz > 0) {
        FUZZ_ASSERT(memchr(out, '\0', outsz) != NULL);
        FUZZ_ASSERT(text_utf8_cells(out) == got);
    }
    FUZZ_ASSERT(got >= 0 && got <= cells);
    if (pad && big)
        FUZZ_ASSERT(got == cells);
    free(out);
}

static void
check_fit(const char *s, int cells, bool pad, bool mark)
{
    /* 4 * cells + 1 is enough but for zero-width characters (text.h) */
    fit_into(s, cells, pad, mark, 4 * (size_t)cells + 4 * strlen(s) + 1, true);
    fit_into(s, cells, pad, mark, 4 * (size_t)cells + 1, false);
    fit_into(s, cells, pad, mark, 7, false);
    fit_into(s, cells, pad, mark, 0, false);
}

static void
check_wrap(const char *s, int cells)
{
    const char *p = s, *next, *end;
    int lines = 0;

    while (*p != '\0') {
        end = text_wrap_line(p, cells, &next);
        FUZZ_ASSERT(end >= p && next >= end && next > p);
        FUZZ_ASSERT(next <= s + strlen(s));
        p = next;
        FUZZ_ASSERT(++lines <= (int)strlen(s));
    }
}

static void
check_convert(const char *s)
{
    wchar_t *w = text_from_utf8(s);
    char *back;
    size_t chars = text_utf8_chars(s);

    FUZZ_ASSERT(w != NULL);
    back = text_to_utf8(w);
    FUZZ_ASSERT(back != NULL);
    FUZZ_ASSERT(wcslen(w) == chars);
    /* no U+FFFD: every byte was valid UTF-8, so it comes back as it was */
    if (wcschr(w, 0xFFFD) == NULL)
        FUZZ_ASSERT(strcmp(back, s) == 0);
    text_cells(w, -1);
    text_cells(w, (int)wcslen(w) / 2);
    free(back);
    free(w);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int cells = size > 0 ? data[0] % 100 : 0;
    int flags = size > 1 ? data[1] : 0;
    char *s = fuzz_string(size > 2 ? data + 2 : data, size > 2 ? size - 2 : 0);
    wchar_t c;

    check_fit(s, cells, flags & 1, flags & 2);
    if (cells > 0)
        check_wrap(s, cells);
    check_convert(s);
    text_is_number(s);
    text_utf8_cells(s);
    if (*s != '\0')
        FUZZ_ASSERT(text_utf8_next(s, &c) >= 1);
    free(s);
    return 0;
}
