/*
 * csvout.c
 *   The CSV writer of csvout.h: a record is built as UTF-8 in one buffer
 *   (quoting as needed), passed through iconv(3) into the output encoding
 *   -- which also refuses bytes that are not UTF-8 -- and written out.
 */
#include "config.h"

#include "core/csvout.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ascii.h"

struct csvout {
    FILE *fp;
    iconv_t cd;
    char *rec; /* the record being built, UTF-8 */
    size_t len, cap;
    char *conv; /* its conversion */
    size_t convcap;
    long rows;
    char failure[256]; /* "" until something fails */
};

int
csvout_encoding_parse(const char *name, enum csvout_encoding *e)
{
    static const struct {
        const char *name;
        enum csvout_encoding enc;
    } names[] = {
        {"utf-8", CSVOUT_UTF8_BOM},     {"utf8", CSVOUT_UTF8_BOM},
        {"utf-8-bom", CSVOUT_UTF8_BOM}, {"utf-8-nobom", CSVOUT_UTF8},
        {"gb18030", CSVOUT_GB18030},    {"gbk", CSVOUT_GB18030},
    };

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (name != NULL && ascii_same(name, names[i].name)) {
            *e = names[i].enc;
            return 0;
        }
    return -1;
}

static void
fail(struct csvout *w, const char *why)
{
    if (w->failure[0] == '\0')
        snprintf(w->failure, sizeof(w->failure), "%s", why);
}

static void
copy_failure(const struct csvout *w, char *err, size_t errsz)
{
    if (err && errsz)
        snprintf(err, errsz, "%s", w->failure);
}

static int
reserve(struct csvout *w, size_t more)
{
    if (w->len + more <= w->cap)
        return 0;
    size_t cap = w->cap ? w->cap : 256;
    while (cap < w->len + more)
        cap *= 2;
    char *p = realloc(w->rec, cap);
    if (!p) {
        fail(w, "out of memory");
        return -1;
    }
    w->rec = p;
    w->cap = cap;
    return 0;
}

static bool
needs_quotes(const char *s)
{
    size_t n = strlen(s);

    if (n > 0 &&
        (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
        return true;
    return strpbrk(s, ",\"\r\n") != NULL;
}

/* Append one field (with its separator) to the record being built. */
static int
append_field(struct csvout *w, const char *s, bool first)
{
    bool quote;

    if (!s)
        s = "";
    quote = needs_quotes(s);
    if (reserve(w, 2 * strlen(s) + 3) != 0)
        return -1;
    if (!first)
        w->rec[w->len++] = ',';
    if (quote)
        w->rec[w->len++] = '"';
    for (; *s; s++) {
        if (*s == '"')
            w->rec[w->len++] = '"';
        w->rec[w->len++] = *s;
    }
    if (quote)
        w->rec[w->len++] = '"';
    return 0;
}

/* Convert rec[0..len) and write it; -1 with the failure set. */
static int
convert_and_write(struct csvout *w)
{
    char *in = w->rec, *out;
    size_t inleft = w->len, outleft;

    if (w->convcap < 4 * w->len + 16) {
        char *p = realloc(w->conv, 4 * w->len + 16);
        if (!p) {
            fail(w, "out of memory");
            return -1;
        }
        w->conv = p;
        w->convcap = 4 * w->len + 16;
    }
    out = w->conv;
    outleft = w->convcap;
    iconv(w->cd, NULL, NULL, NULL, NULL);
    if (iconv(w->cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
        fail(w, errno == EILSEQ || errno == EINVAL
                    ? "a field is not valid UTF-8 text"
                    : "the text cannot be converted");
        return -1;
    }
    size_t n = w->convcap - outleft;
    if (fwrite(w->conv, 1, n, w->fp) != n) {
        fail(w, strerror(errno));
        return -1;
    }
    return 0;
}

int
csvout_row(struct csvout *w, size_t n, const char *const *fields, char *err,
           size_t errsz)
{
    if (w->failure[0] != '\0') {
        copy_failure(w, err, errsz);
        return -1;
    }
    w->len = 0;
    for (size_t i = 0; i < n; i++)
        if (append_field(w, fields[i], i == 0) != 0)
            goto failed;
    if (reserve(w, 2) != 0)
        goto failed;
    w->rec[w->len++] = '\r';
    w->rec[w->len++] = '\n';
    if (convert_and_write(w) != 0)
        goto failed;
    w->rows++;
    return 0;
failed:
    copy_failure(w, err, errsz);
    return -1;
}

long
csvout_rows(const struct csvout *w)
{
    return w->rows;
}

struct csvout *
csvout_open(FILE *fp, enum csvout_encoding enc, char *err, size_t errsz)
{
    struct csvout *w = calloc(1, sizeof(*w));

    if (!w) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    w->fp = fp;
    w->cd = iconv_open(enc == CSVOUT_GB18030 ? "GB18030" : "UTF-8", "UTF-8");
    if (w->cd == (iconv_t)-1) {
        snprintf(err, errsz, "cannot convert to %s: %s",
                 enc == CSVOUT_GB18030 ? "GB18030" : "UTF-8", strerror(errno));
        free(w);
        return NULL;
    }
    if (enc == CSVOUT_UTF8_BOM && fwrite("\xEF\xBB\xBF", 1, 3, fp) != 3) {
        snprintf(err, errsz, "%s", strerror(errno));
        iconv_close(w->cd);
        free(w);
        return NULL;
    }
    return w;
}

int
csvout_close(struct csvout *w, char *err, size_t errsz)
{
    int rc;

    if (!w)
        return 0;
    if (fflush(w->fp) != 0)
        fail(w, strerror(errno));
    rc = w->failure[0] != '\0' ? -1 : 0;
    if (rc != 0)
        copy_failure(w, err, errsz);
    iconv_close(w->cd);
    free(w->rec);
    free(w->conv);
    free(w);
    return rc;
}
