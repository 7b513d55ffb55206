/*
 * sheetcode.c
 *   The QR payload of a printed notice sheet: built and read back
 *   (sheetcode.h says its format).
 */
#include "config.h"

#include "core/sheetcode.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether s is 1..max decimal digits, not starting with 0 (but "0"). */
static bool
digits(const char *s, size_t len, size_t max)
{
    if (len == 0 || len > max || (s[0] == '0' && len > 1))
        return false;
    for (size_t i = 0; i < len; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* Whether s (len chars) is a digest, any case. */
static bool
hex64(const char *s, size_t len)
{
    if (len != SHEETCODE_DIGEST)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!isxdigit((unsigned char)s[i]))
            return false;
    return true;
}

int
sheetcode_build(char *out, size_t outsz, const char *id, long lines,
                const char *digest)
{
    int n;

    if (id == NULL || digest == NULL || !digits(id, strlen(id), 19) ||
        lines < 0 || !hex64(digest, strlen(digest)))
        return -1;
    n = snprintf(out, outsz, "%s%s:%ld:", SHEETCODE_PREFIX, id, lines);
    if (n < 0 || (size_t)n + SHEETCODE_DIGEST + 1 > outsz)
        return -1;
    for (size_t i = 0; i < SHEETCODE_DIGEST; i++)
        out[n + i] = (char)tolower((unsigned char)digest[i]);
    out[n + SHEETCODE_DIGEST] = '\0';
    return 0;
}

bool
sheetcode_is(const char *text)
{
    while (text != NULL && isspace((unsigned char)*text))
        text++;
    return text != NULL &&
           strncmp(text, SHEETCODE_PREFIX, strlen(SHEETCODE_PREFIX)) == 0;
}

int
sheetcode_parse(const char *text, char *id, size_t idsz, long *lines,
                char digest[SHEETCODE_DIGEST + 1])
{
    const char *p, *c1, *c2, *end;
    char *stop;

    if (text == NULL)
        return -1;
    while (isspace((unsigned char)*text))
        text++;
    end = text + strlen(text);
    while (end > text && isspace((unsigned char)end[-1]))
        end--;
    if (!sheetcode_is(text))
        return -1;
    p = text + strlen(SHEETCODE_PREFIX);
    if ((c1 = memchr(p, ':', (size_t)(end - p))) == NULL ||
        (c2 = memchr(c1 + 1, ':', (size_t)(end - c1 - 1))) == NULL)
        return -1;
    if (!digits(p, (size_t)(c1 - p), 19) || (size_t)(c1 - p) >= idsz ||
        !digits(c1 + 1, (size_t)(c2 - c1 - 1), 9) ||
        !hex64(c2 + 1, (size_t)(end - c2 - 1)))
        return -1;
    memcpy(id, p, (size_t)(c1 - p));
    id[c1 - p] = '\0';
    errno = 0;
    *lines = strtol(c1 + 1, &stop, 10);
    if (errno != 0 || stop != c2)
        return -1;
    for (size_t i = 0; i < SHEETCODE_DIGEST; i++)
        digest[i] = (char)tolower((unsigned char)c2[1 + i]);
    digest[SHEETCODE_DIGEST] = '\0';
    return 0;
}
