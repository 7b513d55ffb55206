/*
 * csvout.h
 *   Writing CSV that a spreadsheet opens as it is: exports, report tables,
 *   reconciliation lists. Either UTF-8 with a byte order mark (so Excel
 *   does not take it for the ANSI code page) or GB18030 (what Excel on
 *   Chinese Windows reads without asking), converted from the UTF-8 the
 *   program speaks with iconv(3). Records end in CRLF (RFC 4180); a field
 *   is quoted when it holds a comma, a quote, a line break or blanks at
 *   either end, and quotes inside are written twice. No curses, no libpq.
 */
#ifndef EDUAID_CORE_CSVOUT_H
#define EDUAID_CORE_CSVOUT_H

#include <stddef.h>
#include <stdio.h>

enum csvout_encoding {
    CSVOUT_UTF8_BOM, /* the default */
    CSVOUT_UTF8,     /* no byte order mark: for programs, not people */
    CSVOUT_GB18030
};

/*
 * csvout_encoding_parse
 *
 * The encoding a user named (--encoding), ASCII case ignored: "utf-8",
 * "utf8" and "utf-8-bom" give CSVOUT_UTF8_BOM; "utf-8-nobom" CSVOUT_UTF8;
 * "gb18030" and "gbk" CSVOUT_GB18030. 0, or -1 (*e untouched) otherwise.
 */
int csvout_encoding_parse(const char *name, enum csvout_encoding *e);

struct csvout;

/*
 * csvout_open
 *
 * A writer of records to fp in encoding enc; writes the byte order mark
 * at once for CSVOUT_UTF8_BOM. The writer does not close fp. NULL with a
 * sentence in err when iconv cannot convert to enc, writing fails or
 * memory runs out.
 */
struct csvout *csvout_open(FILE *fp, enum csvout_encoding enc, char *err,
                           size_t errsz);

/*
 * csvout_row
 *
 * Write one record of n UTF-8 fields (NULL writes an empty field). 0, or
 * -1 with a sentence in err: a field that is not valid UTF-8, a character
 * GB18030 cannot hold (never happens: it holds all of Unicode), a write
 * error. After a failure every further call fails the same way.
 */
int csvout_row(struct csvout *w, size_t n, const char *const *fields, char *err,
               size_t errsz);

/* Rows written so far (the header counts). */
long csvout_rows(const struct csvout *w);

/* Flush and free the writer (not fp); 0, or -1 with a sentence in err when
 * a write failed at any time. NULL is fine (returns 0). */
int csvout_close(struct csvout *w, char *err, size_t errsz);

#endif /* EDUAID_CORE_CSVOUT_H */
