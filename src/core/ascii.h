/*
 * ascii.h
 *   Digits as the validators read them: ASCII only, whatever the locale
 *   says isdigit() means.
 */
#ifndef EDUAID_CORE_ASCII_H
#define EDUAID_CORE_ASCII_H

#include <stdbool.h>

static inline bool
ascii_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Value of the n ASCII digits at s; the caller has checked they are. */
static inline int
ascii_digits_value(const char *s, int n)
{
    int v = 0;

    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

#endif /* EDUAID_CORE_ASCII_H */
