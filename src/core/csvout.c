/*
 * csvout.c
 *   The CSV writer of csvout.h: a record is built as UTF-8 in one buffer
 *   (quoting as needed), passed through iconv(3) into the output encoding
 *   -- which also refuses bytes that are not UTF-8 -- and written out.
 *   Each cell is first made what the file's reader should see: shown as
 *   the screens show it on a terminal, a long digit string as a ="..."
 *   formula with --excel-text, an apostrophe before a text cell a
 *   spreadsheet would take for a formula.
 */
#include "config.h"

#include "core/csvout.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/ascii.h"
#include "core/i18n.h"
#include "core/text.h"

/* What starts a formula in a spreadsheet (OWASP's CSV injection). */
#define FORMULA_STARTS "=+-@\t\r"
/* Longest digit string --excel-text writes as a formula. */
#define EXCEL_TEXT_MIN 12
#define EXCEL_TEXT_MAX 40

struct csvout {
    FILE *fp;
    iconv_t cd;
    char *rec; /* the record being built, UTF-8 */
    size_t len, cap;
    char *conv; /* its conversion */
    size_t convcap;
    long rows;
    bool guard;      /* an encoding for Excel, not set raw */
    bool excel_text; /* long digit strings as ="..." */
    bool shown;      /* fp is a terminal */
    bool *numeric;   /* per column, nnumeric of them */
    size_t nnumeric;
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

/* Whether s is a plain number as the server writes one: an optional
 * minus, digits, and a fraction (-12, 3.50). */
static bool
plain_number(const char *s)
{
    size_t n;

    if (*s == '-')
        s++;
    if ((n = strspn(s, "0123456789")) == 0)
        return false;
    s += n;
    if (*s == '.' && (n = strspn(s + 1, "0123456789")) > 0)
        s += n + 1;
    return *s == '\0';
}

/* Whether cell s of column col needs an apostrophe before it. */
static bool
needs_guard(const struct csvout *w, size_t col, const char *s)
{
    if (!w->guard || s[0] == '\0' || strchr(FORMULA_STARTS, s[0]) == NULL)
        return false;
    return !(col < w->nnumeric && w->numeric[col] && plain_number(s));
}

/* Whether --excel-text writes s as ="s". */
static bool
excel_text_cell(const struct csvout *w, const char *s)
{
    size_t n = strspn(s, "0123456789");

    return w->excel_text && n >= EXCEL_TEXT_MIN && n <= EXCEL_TEXT_MAX &&
           s[n] == '\0';
}

/* Append the characters of s, quotes doubled (room reserved). */
static void
append_text(struct csvout *w, const char *s)
{
    for (; *s; s++) {
        if (*s == '"')
            w->rec[w->len++] = '"';
        w->rec[w->len++] = *s;
    }
}

/* Append the cell s of column col (with its separator) to the record
 * being built: an --excel-text formula, or s quoted as needed with an
 * apostrophe before it when a spreadsheet would run it. */
static int
append_cell(struct csvout *w, size_t col, const char *s)
{
    bool formula = excel_text_cell(w, s), guard = needs_guard(w, col, s);
    bool quote = formula || needs_quotes(s);

    if (reserve(w, 2 * strlen(s) + 8) != 0)
        return -1;
    if (col > 0)
        w->rec[w->len++] = ',';
    if (formula) {
        memcpy(w->rec + w->len, "\"=\"\"", 4);
        w->len += 4;
    } else if (quote) {
        w->rec[w->len++] = '"';
    }
    if (guard)
        w->rec[w->len++] = '\'';
    append_text(w, s);
    if (formula) {
        memcpy(w->rec + w->len, "\"\"", 2);
        w->len += 2;
    }
    if (quote)
        w->rec[w->len++] = '"';
    return 0;
}

/* Append field col (NULL: empty), shown as the screens show it when the
 * file is a terminal. */
static int
append_field(struct csvout *w, size_t col, const char *s)
{
    char *shown = NULL;
    int rc;

    if (s == NULL)
        s = "";
    if (w->shown && (s = shown = text_shown(s)) == NULL) {
        fail(w, "out of memory");
        return -1;
    }
    rc = append_cell(w, col, s);
    free(shown);
    return rc;
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
        if (append_field(w, i, fields[i]) != 0)
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

int
csvout_set_kinds(struct csvout *w, size_t n, const enum csvout_kind *kinds,
                 char *err, size_t errsz)
{
    bool *numeric = n > 0 ? calloc(n, sizeof *numeric) : NULL;

    if (n > 0 && numeric == NULL) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        numeric[i] = kinds[i] == CSVOUT_NUMBER;
    free(w->numeric);
    w->numeric = numeric;
    w->nnumeric = n;
    return 0;
}

void
csvout_set_raw(struct csvout *w)
{
    w->guard = false;
}

void
csvout_set_excel_text(struct csvout *w)
{
    w->excel_text = true;
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
    w->guard = enc != CSVOUT_UTF8;
    w->shown = i18n_stream_fd(fp) >= 0 && isatty(i18n_stream_fd(fp)) == 1;
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
    free(w->numeric);
    free(w);
    return rc;
}
