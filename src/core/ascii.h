/*
 * ascii.h
 *   Digits as the validators read them and names compared without case:
 *   ASCII only, whatever the locale says isdigit() and strcasecmp() mean.
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

/* strcasecmp() for ASCII, whatever the locale: true when a and b are the
 * same string but for the case of ASCII letters. */
static inline bool
ascii_same(const char *a, const char *b)
{
    for (;; a++, b++) {
        char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a + 32) : *a;
        char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b + 32) : *b;

        if (x != y)
            return false;
        if (x == '\0')
            return true;
    }
}

#endif /* EDUAID_CORE_ASCII_H */
