/*
 * textbuf.c
 *   A growing piece of text built with printf formats (textbuf.h).
 */
#include "config.h"

#include "core/textbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* Room for want bytes: doubling from 1024. False when out of memory. */
static bool
reserve(struct textbuf *t, size_t want)
{
    size_t cap = t->cap ? t->cap : 1024;
    char *grown;

    if (want <= t->cap)
        return true;
    while (cap < want)
        cap *= 2;
    if ((grown = realloc(t->s, cap)) == NULL)
        return false;
    t->s = grown;
    t->cap = cap;
    return true;
}

void
textbuf_add(struct textbuf *t, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (t->failed)
        return;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(t, t->len + (size_t)n + 1)) {
        t->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}
