/*
 * bar.c
 *   Horizontal bar charts as text (bar.h): eighth blocks in UTF-8, '#'
 *   in other locales.
 */
#include "config.h"

#include "core/bar.h"

#include <langinfo.h>
#include <string.h>

#include "core/ascii.h"

/* [0] U+2588 FULL BLOCK; [k] the block of k eighths (U+258F one .. U+2589
 * seven). */
static const char *const eighths[8] = {
    "\xE2\x96\x88", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D",
    "\xE2\x96\x8C", "\xE2\x96\x8B", "\xE2\x96\x8A", "\xE2\x96\x89"};

/* How much of the bar, in units (cells * per_cell), value fills. */
static long
bar_units(double value, double scale, int width, int per_cell)
{
    double u;

    if (!(value > 0) || !(scale > 0) || width <= 0)
        return 0;
    u = value / scale * width * per_cell;
    if (u >= (double)width * per_cell)
        return (long)width * per_cell;
    return (long)(u + 0.5);
}

int
bar_render(double value, double scale, int width, bool utf8, char *out,
           size_t outsz)
{
    long units;
    size_t len = 0;
    int full, part, cells;

    if (width < 0 || out == NULL || outsz == 0)
        return -1;
    units = bar_units(value, scale, width, utf8 ? 8 : 1);
    full = (int)(units / (utf8 ? 8 : 1));
    part = utf8 ? (int)(units % 8) : 0;
    cells = full + (part > 0);
    if ((size_t)full * (utf8 ? 3 : 1) + (part > 0 ? 3 : 0) + 1 > outsz)
        return -1;
    for (int i = 0; i < full; i++) {
        const char *b = utf8 ? eighths[0] : "#";

        memcpy(out + len, b, strlen(b));
        len += strlen(b);
    }
    if (part > 0) {
        memcpy(out + len, eighths[part], 3);
        len += 3;
    }
    out[len] = '\0';
    return cells;
}

double
bar_scale(const double *values, size_t n, double target)
{
    double m = target > 0 ? target : 0;

    for (size_t i = 0; i < n; i++)
        if (values[i] > m)
            m = values[i];
    return m > 0 ? m : 1;
}

int
bar_target_cell(double target, double scale, int width)
{
    double c;

    if (!(target > 0) || !(scale > 0) || width <= 0)
        return -1;
    c = target / scale * width;
    if (c > width)
        return -1;
    /* the cell the target's edge ends in: a full bar's last cell */
    if (c < 1)
        return 0;
    return (int)c == c ? (int)c - 1 : (int)c;
}

bool
bar_locale_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);

    return cs != NULL && (ascii_same(cs, "UTF-8") || ascii_same(cs, "utf8"));
}
