/*
 * mask.c
 *   Masking of personal numbers for display (see mask.h).
 */
#include "config.h"

#include "mask.h"

#include <string.h>

#include "idnumber.h"

/* Characters kept at the start of an 18-character ID number (area code). */
#define MASK_KEEP_HEAD 6
/* Characters kept at the end of any number. */
#define MASK_KEEP_TAIL 4

/* True for a byte that starts a UTF-8 character (or is invalid on its own). */
static int
is_char_start(unsigned char c)
{
    return (c & 0xC0) != 0x80;
}

/* Number of bytes of the character starting at s (at least 1). */
static size_t
char_len(const char *s)
{
    size_t n = 1;

    while (s[n] != '\0' && !is_char_start((unsigned char)s[n]))
        n++;
    return n;
}

void
mask_id_number(const char *id, char *out, size_t outsz)
{
    size_t nchars = 0, head, tail, pos = 0, i = 0;

    if (out == NULL || outsz == 0)
        return;
    if (id == NULL)
        id = "";

    for (const char *p = id; *p != '\0'; p += char_len(p))
        nchars++;

    if (nchars == ID_NUMBER_LEN)
        head = MASK_KEEP_HEAD;
    else
        head = 0;
    tail = nchars > MASK_KEEP_TAIL ? nchars - MASK_KEEP_TAIL : 0;

    for (const char *p = id; *p != '\0'; i++) {
        size_t len = char_len(p);
        int keep = i < head || i >= tail;
        size_t need = keep ? len : 1;

        if (pos + need >= outsz)
            break; /* no room for it and the NUL: cut here */
        if (keep)
            memcpy(out + pos, p, len);
        else
            out[pos] = '*';
        pos += need;
        p += len;
    }
    out[pos] = '\0';
}
