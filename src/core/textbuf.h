/*
 * textbuf.h
 *   A growing piece of text built with printf formats: the message a
 *   screen shows after a bulk action (what went through, what did not and
 *   why). Once an allocation fails the buffer stays failed and every later
 *   add is a no-op, so a caller checks `failed` once at the end. Start
 *   from {0}; free(s) when done.
 */
#ifndef EDUAID_CORE_TEXTBUF_H
#define EDUAID_CORE_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>

struct textbuf {
    char *s;         /* NUL-terminated, NULL until the first add */
    size_t len, cap; /* bytes used (without the NUL), bytes allocated */
    bool failed;     /* out of memory (or a bad format) at some add */
};

/* Append fmt's output to t. */
void textbuf_add(struct textbuf *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
