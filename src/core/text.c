/*
 * text.c
 *   Text as a person sees it (see text.h): UTF-8 decoded and encoded by
 *   hand, independent of the locale; display cells from wcwidth() in the
 *   running locale; cutting and padding to a number of cells; and the line
 *   editor, a growable wchar_t buffer edited by whole characters.
 */
#include "config.h"

#include "text.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define REPLACEMENT_CHAR 0xFFFD
#define MAX_CODE_POINT 0x10FFFFUL

/* Initial capacity of a line editor's buffer, in wchar_t (NUL included). */
#define LINEEDIT_INITIAL_CAP 32

/* ---------------------------------------------------------------------
 * UTF-8
 * --------------------------------------------------------------------- */

int
text_utf8_next(const char *s, wchar_t *c)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned long cp, min;
    int n;

    if (u[0] == 0) {
        *c = 0;
        return 0;
    }
    if (u[0] < 0x80) {
        *c = (wchar_t)u[0];
        return 1;
    }
    if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        n = 2, cp = u[0] & 0x1F, min = 0x80;
    } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        n = 3, cp = u[0] & 0x0F, min = 0x800;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        n = 4, cp = u[0] & 0x07, min = 0x10000;
    } else {
        goto invalid;
    }
    /* A NUL is no continuation byte, so this stops at the end. */
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            goto invalid;
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    if (cp < min || cp > MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF))
        goto invalid;
    *c = (wchar_t)cp;
    return n;

invalid:
    *c = REPLACEMENT_CHAR;
    return 1;
}

/*
 * Encode c as UTF-8 into out (at least 4 bytes, not NUL-terminated) and
 * return the number of bytes.  A value that is no Unicode scalar value
 * (negative, a surrogate, above U+10FFFF) is encoded as U+FFFD.
 */
static int
utf8_encode(wchar_t c, char *out)
{
    unsigned long cp = (unsigned long)c;

    if (cp > MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = REPLACEMENT_CHAR;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t
text_utf8_chars(const char *s)
{
    size_t n = 0;
    wchar_t c;
    int len;

    if (s == NULL)
        return 0;
    while ((len = text_utf8_next(s, &c)) > 0) {
        s += len;
        n++;
    }
    return n;
}

wchar_t *
text_from_utf8(const char *s)
{
    size_t n = text_utf8_chars(s), i = 0;
    wchar_t *w, c;
    int len;

    if (n >= SIZE_MAX / sizeof(wchar_t))
        return NULL;
    w = malloc((n + 1) * sizeof(wchar_t));
    if (w == NULL)
        return NULL;
    if (s != NULL) {
        while ((len = text_utf8_next(s, &c)) > 0) {
            w[i++] = c;
            s += len;
        }
    }
    w[i] = L'\0';
    return w;
}

char *
text_to_utf8(const wchar_t *s)
{
    size_t bytes = 0, i = 0;
    char tmp[4], *out;

    if (s == NULL)
        s = L"";
    for (const wchar_t *p = s; *p != L'\0'; p++)
        bytes += (size_t)utf8_encode(*p, tmp);
    out = malloc(bytes + 1);
    if (out == NULL)
        return NULL;
    for (const wchar_t *p = s; *p != L'\0'; p++)
        i += (size_t)utf8_encode(*p, out + i);
    out[i] = '\0';
    return out;
}

bool
text_is_space(wchar_t c)
{
    switch (c) {
    case 0x09: /* \t \n \v \f \r */
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:   /* no-break space */
    case 0x1680: /* Ogham space mark */
    case 0x2028: /* line separator */
    case 0x2029: /* paragraph separator */
    case 0x202F: /* narrow no-break space */
    case 0x205F: /* medium mathematical space */
    case 0x3000: /* ideographic space */
    case 0xFEFF: /* zero-width no-break space (BOM) */
        return true;
    default:
        /* En quad ... zero-width space */
        return c >= 0x2000 && c <= 0x200B;
    }
}

/* ---------------------------------------------------------------------
 * Cells
 * --------------------------------------------------------------------- */

/* The bidirectional controls that reorder what follows them on screen
 * (the "Trojan Source" set): the embeddings and overrides U+202A-U+202E,
 * the isolates U+2066-U+2069, and the marks U+200E, U+200F and U+061C. */
static bool
is_bidi_control(wchar_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
           c == 0x200E || c == 0x200F || c == 0x061C;
}

int
text_char_cells(wchar_t c)
{
    int w = is_bidi_control(c) ? -1 : wcwidth(c);

    return w < 0 ? 1 : w;
}

int
text_cells(const wchar_t *s, int n)
{
    int cells = 0;

    if (s == NULL)
        return 0;
    for (int i = 0; (n < 0 || i < n) && s[i] != L'\0'; i++)
        cells += text_char_cells(s[i]);
    return cells;
}

int
text_utf8_cells(const char *s)
{
    int cells = 0;
    wchar_t c;
    int len;

    if (s == NULL)
        return 0;
    while ((len = text_utf8_next(s, &c)) > 0) {
        cells += text_char_cells(c);
        s += len;
    }
    return cells;
}

/* The character shown for c: c itself, or one cell standing for a
 * character wcwidth() calls unprintable or a bidirectional control. */
static wchar_t
shown_char(wchar_t c)
{
    if (!is_bidi_control(c) && wcwidth(c) >= 0)
        return c;
    return wcwidth(REPLACEMENT_CHAR) == 1 ? REPLACEMENT_CHAR : L'?';
}

char *
text_shown(const char *s)
{
    size_t n = strlen(s != NULL ? s : ""), used = 0;
    /* a character grows at most from 1 byte to 3 (U+FFFD) */
    char *out = malloc(3 * n + 1);
    wchar_t c;
    int len;

    if (out == NULL)
        return NULL;
    while (s != NULL && (len = text_utf8_next(s, &c)) > 0) {
        used += (size_t)utf8_encode(shown_char(c), out + used);
        s += len;
    }
    out[used] = '\0';
    return out;
}

/* ---------------------------------------------------------------------
 * text_fit
 * --------------------------------------------------------------------- */

/* Bytes written to a caller's buffer, which always stays NUL-terminated.
 * Once a character does not fit, nothing more is written. */
struct sink {
    char *buf;
    size_t size, used;
    bool full;
};

/* Append the UTF-8 of c; false (and nothing written) when it won't fit. */
static bool
sink_put(struct sink *o, wchar_t c)
{
    char tmp[4];
    int n = utf8_encode(c, tmp);

    if (o->full || o->used + (size_t)n + 1 > o->size) {
        o->full = true;
        return false;
    }
    memcpy(o->buf + o->used, tmp, (size_t)n);
    o->used += (size_t)n;
    o->buf[o->used] = '\0';
    return true;
}

/* Append the characters of s while they fit in limit cells; returns the
 * cells appended.  Stops at the first character that does not fit. */
static int
sink_put_cells(struct sink *o, const char *s, int limit)
{
    int used = 0, len, w;
    wchar_t c;

    while ((len = text_utf8_next(s, &c)) > 0) {
        w = text_char_cells(c);
        if (used + w > limit || !sink_put(o, shown_char(c)))
            break;
        used += w;
        s += len;
    }
    return used;
}

/* True for a character of a number-like token: ASCII letters and digits
 * and the punctuation of numbers, dates, money and codes (2026-27, 84.8%,
 * FX1000108, 420325********0015, 1,234.50). Anything else (a space, a
 * CJK character) ends the token. */
static bool
token_char(wchar_t c)
{
    if ((c >= L'0' && c <= L'9') || (c >= L'a' && c <= L'z') ||
        (c >= L'A' && c <= L'Z') || c == 0xA5 /* yen */)
        return true;
    return c != L'\0' && c < 0x80 && strchr(".,:/%+-*_#", (int)c) != NULL;
}

/* True when the token starting at s (a run of token_char) is a number:
 * it holds a digit, and no more letters than digits (2026-27, FX1000108,
 * 420325********001X -- not a path such as /tmp/x1/report.csv). */
static bool
token_has_digit(const char *s)
{
    int digits = 0, letters = 0;
    wchar_t c;
    int len;

    while ((len = text_utf8_next(s, &c)) > 0 && token_char(c)) {
        if (c >= L'0' && c <= L'9')
            digits++;
        else if ((c >= L'a' && c <= L'z') || (c >= L'A' && c <= L'Z'))
            letters++;
        s += len;
    }
    return digits > 0 && letters <= digits;
}

/*
 * Where a marked cut of s to limit cells ends (a pointer into s): after
 * the last character that fits, or -- when that would split a token that
 * holds a digit -- before that token, so that no number, date or code is
 * ever shown in part. *number says that nothing is left because s starts
 * with such a token.
 */
static const char *
cut_point(const char *s, int limit, bool *number)
{
    const char *p = s, *tok = NULL;
    int used = 0, len, w;
    wchar_t c;

    *number = false;
    while ((len = text_utf8_next(p, &c)) > 0) {
        w = text_char_cells(c);
        if (used + w > limit)
            break;
        if (!token_char(c))
            tok = NULL;
        else if (tok == NULL)
            tok = p;
        used += w;
        p += len;
    }
    if (len > 0 && tok != NULL && token_char(c) && token_has_digit(tok)) {
        p = tok;
        *number = p == s;
    }
    return p;
}

bool
text_is_number(const char *s)
{
    wchar_t c;
    int len;

    if (s == NULL || !token_has_digit(s))
        return false;
    while ((len = text_utf8_next(s, &c)) > 0) {
        if (!token_char(c))
            return false;
        s += len;
    }
    return true;
}

const char *
text_wrap_line(const char *s, int cells, const char **next)
{
    const char *p = s, *brk = NULL, *sep = NULL;
    int used = 0, len, w;
    wchar_t c, prev = 0;

    if (s == NULL)
        s = p = "";
    while ((len = text_utf8_next(p, &c)) > 0) {
        w = text_char_cells(c);
        if (text_is_space(c) && p > s) {
            brk = p;
            if (prev == 0xB7) /* after a " · " separator */
                sep = p;
        }
        if (used + w > cells)
            break;
        used += w;
        p += len;
        prev = c;
    }
    /* the line ends at the last separator, else at the last space */
    if (len > 0 && sep != NULL)
        p = sep;
    else if (len > 0 && brk != NULL && !text_is_space(c))
        p = brk;
    *next = p;
    while ((len = text_utf8_next(*next, &c)) > 0 && text_is_space(c))
        *next += len;
    if (*next == p && p == s && len > 0) /* nothing fits: one character */
        *next = p = s + len;
    return p;
}

/* Append the characters of s up to end (all of them fit). */
static int
sink_put_until(struct sink *o, const char *s, const char *end)
{
    int used = 0, len;
    wchar_t c;

    while (s < end && (len = text_utf8_next(s, &c)) > 0) {
        if (!sink_put(o, shown_char(c)))
            break;
        used += text_char_cells(c);
        s += len;
    }
    return used;
}

/* A marked cut of s (which is wider than cells, cells > 0): names cut at
 * a character with '~' in the last cell; a number that cannot be shown
 * whole is shown as '#' in every cell instead of a misleading part. */
static int
fit_marked(struct sink *o, const char *s, int cells)
{
    bool number;
    const char *end = cut_point(s, cells - 1, &number);
    int used;

    if (number) {
        for (used = 0; used < cells && sink_put(o, L'#'); used++)
            ;
        return used;
    }
    used = sink_put_until(o, s, end);
    while (used < cells - 1 && sink_put(o, L' '))
        used++;
    if (used == cells - 1 && sink_put(o, L'~'))
        used++;
    return used;
}

int
text_fit(const char *s, int cells, bool pad, bool mark_cut, char *out,
         size_t outsz)
{
    struct sink o = {out, outsz, 0, false};
    int used;
    bool cut;

    if (out == NULL || outsz == 0)
        return 0;
    out[0] = '\0';
    if (s == NULL)
        s = "";
    if (cells < 0)
        cells = 0;

    cut = text_utf8_cells(s) > cells;
    if (cut && mark_cut && cells > 0)
        return fit_marked(&o, s, cells);
    used = sink_put_cells(&o, s, cells);
    /* A cut text fills every cell (a straddling wide character becomes a
     * space); a whole one only when padded. */
    if (cut || pad)
        while (used < cells && sink_put(&o, L' '))
            used++;
    return used;
}

/* ---------------------------------------------------------------------
 * The line editor
 * --------------------------------------------------------------------- */

/* Make room for len characters and the NUL; false when out of memory. */
static bool
lineedit_reserve(struct lineedit *e, int len)
{
    int cap = e->cap > 0 ? e->cap : LINEEDIT_INITIAL_CAP;
    wchar_t *buf;

    if (len < 0 || len == INT_MAX)
        return false;
    if (len < e->cap)
        return true;
    while (cap <= len) {
        if (cap > INT_MAX / 2)
            cap = INT_MAX;
        else
            cap *= 2;
    }
    if ((size_t)cap > SIZE_MAX / sizeof(wchar_t))
        return false;
    buf = realloc(e->buf, (size_t)cap * sizeof(wchar_t));
    if (buf == NULL)
        return false;
    e->buf = buf;
    e->cap = cap;
    return true;
}

bool
lineedit_init(struct lineedit *e, int max_chars)
{
    memset(e, 0, sizeof(*e));
    e->max_chars = max_chars > 0 ? max_chars : 0;
    if (!lineedit_reserve(e, 0))
        return false;
    e->buf[0] = L'\0';
    return true;
}

void
lineedit_free(struct lineedit *e)
{
    free(e->buf);
    memset(e, 0, sizeof(*e));
}

bool
lineedit_set_utf8(struct lineedit *e, const char *s)
{
    wchar_t *w = text_from_utf8(s);
    size_t n;

    if (w == NULL)
        return false;
    n = wcslen(w);
    if (e->max_chars > 0 && n > (size_t)e->max_chars)
        n = (size_t)e->max_chars;
    if (n >= INT_MAX || !lineedit_reserve(e, (int)n)) {
        free(w);
        return false;
    }
    wmemcpy(e->buf, w, n);
    e->buf[n] = L'\0';
    e->len = e->cur = (int)n;
    e->scroll = 0;
    free(w);
    return true;
}

char *
lineedit_utf8(const struct lineedit *e)
{
    return text_to_utf8(e->buf);
}

/* True for what a field never takes: C0 and C1 controls, DEL, and values
 * that are no Unicode scalar value. */
static bool
is_control(wchar_t c)
{
    unsigned long cp = (unsigned long)c;

    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
           (cp >= 0xD800 && cp <= 0xDFFF) || cp > MAX_CODE_POINT;
}

bool
lineedit_insert(struct lineedit *e, wchar_t c)
{
    if (is_control(c))
        return false;
    if (e->max_chars > 0 && e->len >= e->max_chars)
        return false;
    if (!lineedit_reserve(e, e->len + 1))
        return false;
    /* Move the tail and its NUL one place right. */
    wmemmove(e->buf + e->cur + 1, e->buf + e->cur,
             (size_t)(e->len - e->cur + 1));
    e->buf[e->cur] = c;
    e->len++;
    e->cur++;
    return true;
}

/* Remove n characters from index at on (the caller has range-checked). */
static void
lineedit_remove(struct lineedit *e, int at, int n)
{
    wmemmove(e->buf + at, e->buf + at + n, (size_t)(e->len - at - n + 1));
    e->len -= n;
}

bool
lineedit_backspace(struct lineedit *e)
{
    if (e->cur == 0)
        return false;
    lineedit_remove(e, e->cur - 1, 1);
    e->cur--;
    return true;
}

bool
lineedit_delete(struct lineedit *e)
{
    if (e->cur >= e->len)
        return false;
    lineedit_remove(e, e->cur, 1);
    return true;
}

bool
lineedit_kill_to_end(struct lineedit *e)
{
    if (e->cur >= e->len)
        return false;
    lineedit_remove(e, e->cur, e->len - e->cur);
    return true;
}

bool
lineedit_kill_to_start(struct lineedit *e)
{
    if (e->cur == 0)
        return false;
    lineedit_remove(e, 0, e->cur);
    e->cur = 0;
    e->scroll = 0;
    return true;
}

/* Put the cursor at index to; false when it is there already. */
static bool
lineedit_move(struct lineedit *e, int to)
{
    if (to == e->cur)
        return false;
    e->cur = to;
    return true;
}

bool
lineedit_left(struct lineedit *e)
{
    return lineedit_move(e, e->cur > 0 ? e->cur - 1 : 0);
}

bool
lineedit_right(struct lineedit *e)
{
    return lineedit_move(e, e->cur < e->len ? e->cur + 1 : e->len);
}

bool
lineedit_home(struct lineedit *e)
{
    return lineedit_move(e, 0);
}

bool
lineedit_end(struct lineedit *e)
{
    return lineedit_move(e, e->len);
}

bool
lineedit_word_left(struct lineedit *e)
{
    int i = e->cur;

    while (i > 0 && text_is_space(e->buf[i - 1]))
        i--;
    while (i > 0 && !text_is_space(e->buf[i - 1]))
        i--;
    return lineedit_move(e, i);
}

bool
lineedit_word_right(struct lineedit *e)
{
    int i = e->cur;

    while (i < e->len && text_is_space(e->buf[i]))
        i++;
    while (i < e->len && !text_is_space(e->buf[i]))
        i++;
    return lineedit_move(e, i);
}

/* Room for text in a scrolled field `cells` wide whose first shown
 * character is at index scroll: a cell for the '<' when text is hidden on
 * the left, and the last cell always kept for the '>' (or the cursor at
 * the end). */
static int
scrolled_room(int cells, int scroll)
{
    int room = cells - 1 - (scroll > 0 ? 1 : 0);

    return room > 0 ? room : 0;
}

/* The first character to show so that at most `keep` cells of text come
 * before the cursor, but at least one character (a field at its end
 * never shows only the '<'): the smallest such index. */
static int
jump_scroll(const struct lineedit *e, int keep)
{
    int s = e->cur, used = 0;

    if (s > 0)
        used = text_char_cells(e->buf[--s]);
    while (s > 0 && used + text_char_cells(e->buf[s - 1]) <= keep)
        used += text_char_cells(e->buf[--s]);
    return s;
}

/* Whether the cursor and its character (none at the end: the kept last
 * cell takes the cursor) are inside the field with scroll where it is. */
static bool
cursor_shown(const struct lineedit *e, int cells)
{
    int room = scrolled_room(cells, e->scroll);
    int need = e->cur < e->len ? text_char_cells(e->buf[e->cur]) : 0;

    return e->scroll <= e->cur &&
           text_cells(e->buf + e->scroll, e->cur - e->scroll) + need <= room;
}

/* Scroll on, a character at a time, until the cursor's character fits
 * (a field too narrow for the jump to leave room for it). */
static void
scroll_to_cursor(struct lineedit *e, int cells)
{
    while (e->scroll < e->cur && !cursor_shown(e, cells))
        e->scroll++;
}

/* Fewer cells than this between the field's '<' and its last cell: the
 * field scrolls a cell at a time (lineedit_view). */
#define NARROW_ROOM 12

int
lineedit_view(struct lineedit *e, int cells)
{
    int off;
    bool left;

    if (cells <= 0)
        return 0;
    /* A value that fits is shown whole, from its first character; the
     * cursor after its last may sit in the cell after the field. */
    if (text_cells(e->buf, -1) <= cells) {
        e->scroll = 0;
        return text_cells(e->buf, e->cur);
    }
    if (e->scroll < 0)
        e->scroll = 0;
    if (e->scroll > e->len)
        e->scroll = e->len;
    /* A cursor leaving the field scrolls it by two thirds at once, as
     * readline does: leaving on the right, a third of the room stays
     * before the cursor; leaving on the left (or deleting the last of the
     * text shown), two thirds. The next keys then cost the terminal a
     * character or a cursor move each, not a repaint of the field every
     * key (issue 16). */
    left = e->cur < e->scroll || (e->scroll > 0 && e->scroll == e->len);
    if (left || !cursor_shown(e, cells)) {
        int room = scrolled_room(cells, 1), third = room / 3;

        /* a narrow field (a batch, a date) keeps its text before the
         * cursor in sight: a jump there would show a character or two of
         * what was typed, and its repaint is short anyway */
        if (room < NARROW_ROOM && !left)
            third = room;
        e->scroll = jump_scroll(e, left ? room - third : third);
    }
    scroll_to_cursor(e, cells);
    off = text_cells(e->buf + e->scroll, e->cur - e->scroll);
    if (e->scroll > 0)
        off++;
    return off < cells ? off : cells - 1;
}
