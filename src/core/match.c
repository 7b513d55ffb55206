/*
 * match.c
 *   The filter box's matching of a pick list's rows: substring, ASCII case
 *   ignored, every word somewhere. See match.h.
 */
#include "core/match.h"

#include <string.h>

static int
lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether the n bytes of w occur in hay. */
static bool
contains_n(const char *hay, const char *w, size_t n)
{
    if (n == 0)
        return true;
    for (; *hay != '\0'; hay++) {
        size_t i = 0;

        while (i < n && hay[i] != '\0' &&
               lower((unsigned char)hay[i]) == lower((unsigned char)w[i]))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

bool
match_contains(const char *hay, const char *needle)
{
    if (needle == NULL)
        return true;
    return hay != NULL && contains_n(hay, needle, strlen(needle));
}

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

bool
match_words(const char *filter, const char *const *texts, size_t n)
{
    if (filter == NULL)
        return true;
    for (const char *p = filter; *p != '\0';) {
        size_t len = 0;
        bool found = false;

        while (is_space(*p))
            p++;
        while (p[len] != '\0' && !is_space(p[len]))
            len++;
        if (len == 0)
            break;
        for (size_t i = 0; i < n && !found; i++)
            found = texts[i] != NULL && contains_n(texts[i], p, len);
        if (!found)
            return false;
        p += len;
    }
    return true;
}
