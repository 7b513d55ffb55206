/*
 * csv.c
 *   The CSV reader (see csv.h). Bytes are read from the file in chunks
 *   into raw, decoded to UTF-8 into dec (checked when the file is UTF-8,
 *   through iconv(3) when it is GB18030), and the parser walks dec one
 *   byte at a time, keeping the line and the field being read. A
 *   decoding failure is held back until the parser has used up the text
 *   decoded before it, so that it is reported where it happens: on its
 *   physical line, in the field being read.
 */
#include "config.h"

#include "core/csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/ascii.h"
#include "core/i18n.h"

#define RAW_CAP 65536 /* one read, and the sample csv_open() detects from */

#define C_EOF (-1) /* peek(): the end of the file */
#define C_BAD (-2) /* peek(): a decoding or read failure, in r->bad */

struct csv_reader {
    FILE *fp;
    enum csv_encoding enc;
    iconv_t cd; /* (iconv_t)-1 unless GB18030 */
    bool eof;   /* fp has no more bytes */

    unsigned char raw[RAW_CAP];
    size_t raw_pos, raw_len;

    char *dec; /* decoded UTF-8, dec_pos..dec_len not yet parsed */
    size_t dec_pos, dec_len, dec_cap;
    const char *bad;  /* the failure met after dec, or NULL */
    bool bad_nowhere; /* it is out of memory or a read error */
    bool bom_checked;

    long line;     /* line of the next byte of dec */
    long rec_line; /* line the last record started on */

    char *text; /* the record's fields, each NUL-terminated */
    size_t text_len, text_cap;
    size_t *offs; /* where each field starts in text */
    char **ptrs;  /* what csv_next() hands out */
    size_t nfields, fields_cap;

    bool failed;
    struct csv_error error; /* the failure, once failed */
};

static void set_error(struct csv_error *err, long line, long column,
                      const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
set_error(struct csv_error *err, long line, long column, const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return;
    err->line = line;
    err->column = column;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    va_end(ap);
}

/* ---- encodings ------------------------------------------------------- */

/*
 * Length of the UTF-8 sequence at s (n bytes available): 1-4 when valid,
 * 0 when cut short by n, -1 when invalid.
 */
static int
utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char b = s[0], lo = 0x80, hi = 0xBF;
    int len;

    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        len = 2;
    else if (b >= 0xE0 && b <= 0xEF)
        len = 3;
    else if (b >= 0xF0 && b <= 0xF4)
        len = 4;
    else
        return -1;
    if (b == 0xE0)
        lo = 0xA0; /* overlong */
    else if (b == 0xED)
        hi = 0x9F; /* surrogates */
    else if (b == 0xF0)
        lo = 0x90; /* overlong */
    else if (b == 0xF4)
        hi = 0x8F; /* above U+10FFFF */
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n)
            return 0;
        if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xBF))
            return -1;
    }
    return len;
}

/* As utf8_seq(), for the byte structure of GB18030. */
static int
gb18030_seq(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    if (s[0] == 0x80 || s[0] == 0xFF)
        return -1;
    if (n < 2)
        return 0;
    if ((s[1] >= 0x40 && s[1] <= 0x7E) || (s[1] >= 0x80 && s[1] <= 0xFE))
        return 2;
    if (s[1] < 0x30 || s[1] > 0x39)
        return -1;
    if (n < 3)
        return 0;
    if (s[2] < 0x81 || s[2] > 0xFE)
        return -1;
    if (n < 4)
        return 0;
    return s[3] >= 0x30 && s[3] <= 0x39 ? 4 : -1;
}

/* True when buf holds only sequences seq() accepts (the last may be cut). */
static bool
all_valid(const unsigned char *buf, size_t len,
          int (*seq)(const unsigned char *, size_t))
{
    size_t i = 0;

    while (i < len) {
        int n = seq(buf + i, len - i);

        if (n < 0)
            return false;
        if (n == 0)
            return true;
        i += (size_t)n;
    }
    return true;
}

enum csv_encoding
csv_detect(const unsigned char *buf, size_t len)
{
    if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
        return CSV_ENC_UTF8_BOM;
    if (all_valid(buf, len, utf8_seq))
        return CSV_ENC_UTF8;
    if (all_valid(buf, len, gb18030_seq))
        return CSV_ENC_GB18030;
    return CSV_ENC_UNKNOWN;
}

const char *
csv_encoding_name(enum csv_encoding e)
{
    switch (e) {
    case CSV_ENC_UTF8:
        return "UTF-8";
    case CSV_ENC_UTF8_BOM:
        return "UTF-8 with BOM";
    case CSV_ENC_GB18030:
        return "GB18030";
    case CSV_ENC_UNKNOWN:
        break;
    }
    return "unknown";
}

int
csv_encoding_parse(const char *name, enum csv_encoding *e)
{
    static const struct {
        const char *name;
        enum csv_encoding enc;
    } names[] = {
        {"utf-8", CSV_ENC_UTF8},      {"utf8", CSV_ENC_UTF8},
        {"gb18030", CSV_ENC_GB18030}, {"gbk", CSV_ENC_GB18030},
        {"gb2312", CSV_ENC_GB18030},  {"auto", CSV_ENC_UNKNOWN},
    };

    for (size_t i = 0; name != NULL && i < sizeof(names) / sizeof(names[0]);
         i++)
        if (ascii_same(name, names[i].name)) {
            *e = names[i].enc;
            return 0;
        }
    return -1;
}

/* ---- bytes in, UTF-8 out --------------------------------------------- */

/* Keep the unconverted bytes and read more after them. -1 on a read error
 * (r->bad set). */
static int
read_more(struct csv_reader *r)
{
    size_t want, got;

    memmove(r->raw, r->raw + r->raw_pos, r->raw_len - r->raw_pos);
    r->raw_len -= r->raw_pos;
    r->raw_pos = 0;
    want = RAW_CAP - r->raw_len;
    got = fread(r->raw + r->raw_len, 1, want, r->fp);
    r->raw_len += got;
    if (got < want) { /* fread() stops short only at the end or an error */
        if (ferror(r->fp)) {
            r->bad = _("the file could not be read");
            r->bad_nowhere = true;
            return -1;
        }
        r->eof = true;
    }
    return 0;
}

/* Room for n more bytes in dec; false when out of memory. */
static bool
dec_reserve(struct csv_reader *r, size_t n)
{
    size_t cap = r->dec_cap ? r->dec_cap : 1024;
    char *grown;

    if (r->dec_len + n <= r->dec_cap)
        return true;
    while (cap < r->dec_len + n)
        cap *= 2;
    grown = realloc(r->dec, cap);
    if (grown == NULL)
        return false;
    r->dec = grown;
    r->dec_cap = cap;
    return true;
}

/* Copy the valid UTF-8 of raw into dec. 0 when all of it (but a cut
 * sequence at the end) went, -1 with r->bad set. */
static int
convert_utf8(struct csv_reader *r)
{
    const unsigned char *s = r->raw + r->raw_pos;
    size_t n = r->raw_len - r->raw_pos, i = 0;
    int len = 1;

    while (i < n && (len = utf8_seq(s + i, n - i)) > 0)
        i += (size_t)len;
    if (!dec_reserve(r, i)) {
        r->bad = _("out of memory");
        r->bad_nowhere = true;
        return -1;
    }
    if (i > 0) /* dec may still be NULL: no pointer arithmetic on it */
        memcpy(r->dec + r->dec_len, s, i);
    r->dec_len += i;
    r->raw_pos += i;
    if (i < n && len < 0) {
        r->bad = _("byte sequence not valid in UTF-8");
        return -1;
    }
    return 0;
}

/* As convert_utf8(), from GB18030 through iconv(3). */
static int
convert_iconv(struct csv_reader *r)
{
    for (;;) {
        size_t inleft = r->raw_len - r->raw_pos, outleft;
        char *in = (char *)(r->raw + r->raw_pos), *out;

        if (!dec_reserve(r, 2 * inleft + 16)) {
            r->bad = _("out of memory");
            r->bad_nowhere = true;
            return -1;
        }
        out = r->dec + r->dec_len;
        outleft = r->dec_cap - r->dec_len;
        if (iconv(r->cd, &in, &inleft, &out, &outleft) != (size_t)-1 ||
            errno == EINVAL) {
            r->dec_len = r->dec_cap - outleft;
            r->raw_pos = r->raw_len - inleft;
            return 0;
        }
        r->dec_len = r->dec_cap - outleft;
        r->raw_pos = r->raw_len - inleft;
        if (errno != E2BIG) {
            r->bad = _("byte sequence not valid in GB18030");
            return -1;
        }
    }
}

/* Decode more text into an empty dec: 1, 0 at the end, -1 (r->bad set) when
 * nothing could be decoded. */
static int
decode_more(struct csv_reader *r)
{
    r->dec_pos = r->dec_len = 0;
    for (;;) {
        int rc = r->cd != (iconv_t)-1 ? convert_iconv(r) : convert_utf8(r);

        if (r->dec_len > 0)
            return 1; /* a failure waits in r->bad */
        if (rc < 0)
            return -1;
        if (r->eof) {
            if (r->raw_pos == r->raw_len)
                return 0;
            r->bad = _("incomplete character at the end of the file");
            return -1;
        }
        if (read_more(r) < 0)
            return -1;
    }
}

/* The next byte of decoded text, C_EOF or C_BAD; not consumed. */
static int
peek(struct csv_reader *r)
{
    if (r->dec_pos == r->dec_len) {
        int rc = r->bad != NULL ? -1 : decode_more(r);

        if (rc <= 0)
            return rc == 0 ? C_EOF : C_BAD;
    }
    if (!r->bom_checked) {
        r->bom_checked = true;
        if (r->dec_len - r->dec_pos >= 3 &&
            memcmp(r->dec + r->dec_pos, "\xEF\xBB\xBF", 3) == 0)
            r->dec_pos += 3;
        return peek(r);
    }
    return (unsigned char)r->dec[r->dec_pos];
}

/* Consume the byte peek() returned (not a line break). */
static void
advance(struct csv_reader *r)
{
    r->dec_pos++;
}

/* Consume the line break peek() returned: CRLF, LF or CR. */
static void
eat_newline(struct csv_reader *r)
{
    if (r->dec[r->dec_pos++] == '\r' && peek(r) == '\n')
        r->dec_pos++;
    r->line++;
}

/* ---- parsing --------------------------------------------------------- */

/* Fail the reader at (line, column); always -1. Line 0: nowhere. */
static int
fail_at(struct csv_reader *r, long line, long column, const char *msg)
{
    r->failed = true;
    set_error(&r->error, line, column, "%s", msg);
    return -1;
}

/* The 1-based number of the field being read (the first before any). */
static long
field_no(const struct csv_reader *r)
{
    return r->nfields > 0 ? (long)r->nfields : 1;
}

/* Fail the reader on the line of the next character, in the field being
 * read, or nowhere when the failure is out of memory or a read error
 * (r->bad_nowhere). */
static int
fail(struct csv_reader *r, const char *msg)
{
    if (msg == r->bad && r->bad_nowhere)
        return fail_at(r, 0, 0, msg);
    return fail_at(r, r->line, field_no(r), msg);
}

static int
fail_nomem(struct csv_reader *r)
{
    return fail_at(r, 0, 0, _("out of memory"));
}

static bool
text_add(struct csv_reader *r, char c)
{
    if (r->text_len == r->text_cap) {
        size_t cap = r->text_cap ? 2 * r->text_cap : 256;
        char *grown = realloc(r->text, cap);

        if (grown == NULL)
            return false;
        r->text = grown;
        r->text_cap = cap;
    }
    r->text[r->text_len++] = c;
    return true;
}

/* Start a new field; false when out of memory. */
static bool
field_start(struct csv_reader *r)
{
    if (r->nfields == r->fields_cap) {
        size_t cap = r->fields_cap ? 2 * r->fields_cap : 16;
        size_t *offs = realloc(r->offs, cap * sizeof(*offs));
        char **ptrs;

        if (offs == NULL)
            return false;
        r->offs = offs;
        ptrs = realloc(r->ptrs, cap * sizeof(*ptrs));
        if (ptrs == NULL)
            return false;
        r->ptrs = ptrs;
        r->fields_cap = cap;
    }
    r->offs[r->nfields++] = r->text_len;
    return true;
}

/* What ends a field: a comma, or the end of the record (a line break,
 * consumed, or the end of the file). */
enum field_end { END_COMMA, END_RECORD, END_FAIL };

/* The end of a field at c (peeked), or END_FAIL with msg at c. */
static enum field_end
field_end(struct csv_reader *r, int c, const char *msg)
{
    if (c == ',') {
        advance(r);
        return END_COMMA;
    }
    if (c == '\n' || c == '\r') {
        eat_newline(r);
        return END_RECORD;
    }
    if (c == C_EOF)
        return END_RECORD;
    fail(r, c == C_BAD ? r->bad : c == '\0' ? _("NUL byte") : msg);
    return END_FAIL;
}

static enum field_end
quoted_field(struct csv_reader *r)
{
    long qline = r->line, qcol = field_no(r);
    int c;

    advance(r); /* the opening quote */
    for (;;) {
        c = peek(r);
        if (c == C_EOF) {
            fail_at(r, qline, qcol, _("quoted field not closed"));
            return END_FAIL;
        }
        if (c == C_BAD || c == '\0') {
            fail(r, c == C_BAD ? r->bad : _("NUL byte"));
            return END_FAIL;
        }
        if (c == '\n' || c == '\r') {
            eat_newline(r);
            c = '\n';
        } else {
            advance(r);
            if (c == '"' && peek(r) != '"')
                break;
            if (c == '"')
                advance(r); /* "" is one quote */
        }
        if (!text_add(r, (char)c)) {
            fail_nomem(r);
            return END_FAIL;
        }
    }
    return field_end(r, peek(r), _("text after the closing quote"));
}

static enum field_end
plain_field(struct csv_reader *r)
{
    int c;

    while ((c = peek(r)) >= 0 && c != '\0' && c != '"' && c != ',' &&
           c != '\n' && c != '\r') {
        if (!text_add(r, (char)c)) {
            fail_nomem(r);
            return END_FAIL;
        }
        advance(r);
    }
    return field_end(r, c, _("quote inside an unquoted field"));
}

/* Skip blank lines; false at the end of the file or on a failure. */
static bool
skip_blank_lines(struct csv_reader *r)
{
    int c;

    while ((c = peek(r)) == '\n' || c == '\r')
        eat_newline(r);
    if (c == C_BAD)
        fail(r, r->bad);
    return c >= 0;
}

/* Read one record into text/offs; 1, 0 at the end of the file, -1. */
static int
read_record(struct csv_reader *r)
{
    enum field_end end;

    r->text_len = 0;
    r->nfields = 0;
    if (!skip_blank_lines(r))
        return r->failed ? -1 : 0;
    r->rec_line = r->line;
    do {
        if (!field_start(r))
            return fail_nomem(r);
        end = peek(r) == '"' ? quoted_field(r) : plain_field(r);
        if (end == END_FAIL || !text_add(r, '\0'))
            return r->failed ? -1 : fail_nomem(r);
    } while (end == END_COMMA);
    return 1;
}

int
csv_next(struct csv_reader *r, char ***fields, size_t *nfields,
         struct csv_error *err)
{
    int rc = r->failed ? -1 : read_record(r);

    *fields = NULL;
    *nfields = 0;
    if (rc < 0) {
        if (err != NULL)
            *err = r->error;
        return -1;
    }
    if (rc == 0)
        return 0;
    for (size_t i = 0; i < r->nfields; i++)
        r->ptrs[i] = r->text + r->offs[i];
    *fields = r->ptrs;
    *nfields = r->nfields;
    return 1;
}

/* ---- the reader ------------------------------------------------------ */

/* Read the first chunk and detect its encoding; -1 with err set. */
static int
detect(struct csv_reader *r, struct csv_error *err)
{
    if (read_more(r) < 0) {
        set_error(err, 0, 0, "%s: %s", r->bad, strerror(errno));
        return -1;
    }
    r->enc = csv_detect(r->raw, r->raw_len);
    if (r->enc == CSV_ENC_UNKNOWN) {
        set_error(err, 0, 0, "%s",
                  _("the file is neither UTF-8 nor GB18030; "
                    "save it again as CSV UTF-8"));
        return -1;
    }
    return 0;
}

struct csv_reader *
csv_open(FILE *fp, enum csv_encoding enc, struct csv_error *err)
{
    struct csv_reader *r = calloc(1, sizeof(*r));

    if (r == NULL) {
        set_error(err, 0, 0, "%s", _("out of memory"));
        return NULL;
    }
    r->fp = fp;
    r->enc = enc;
    r->cd = (iconv_t)-1;
    r->line = 1;
    if (enc == CSV_ENC_UNKNOWN && detect(r, err) < 0) {
        csv_close(r);
        return NULL;
    }
    if (r->enc == CSV_ENC_GB18030) {
        r->cd = iconv_open("UTF-8", "GB18030");
        if (r->cd == (iconv_t)-1) {
            set_error(err, 0, 0, _("cannot convert from GB18030: %s"),
                      strerror(errno));
            csv_close(r);
            return NULL;
        }
    }
    return r;
}

enum csv_encoding
csv_encoding(const struct csv_reader *r)
{
    return r->enc;
}

long
csv_line(const struct csv_reader *r)
{
    return r->rec_line;
}

void
csv_close(struct csv_reader *r)
{
    if (r == NULL)
        return;
    if (r->cd != (iconv_t)-1)
        iconv_close(r->cd);
    free(r->dec);
    free(r->text);
    free(r->offs);
    free(r->ptrs);
    free(r);
}
