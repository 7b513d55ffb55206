/*
 * csvout.h
 *   Writing CSV that a spreadsheet opens as it is: exports, report tables,
 *   reconciliation lists. Either UTF-8 with a byte order mark (so Excel
 *   does not take it for the ANSI code page) or GB18030 (what Excel on
 *   Chinese Windows reads without asking), converted from the UTF-8 the
 *   program speaks with iconv(3). Records end in CRLF (RFC 4180); a field
 *   is quoted when it holds a comma, a quote, a line break or blanks at
 *   either end, and quotes inside are written twice. No curses, no libpq.
 *
 *   Cells a spreadsheet would run (OWASP's CSV injection): in the two
 *   encodings for Excel (UTF-8 with BOM, GB18030) a text cell beginning
 *   with = + - @ TAB or CR is written with an apostrophe before it, which
 *   Excel and LibreOffice take as "this is text"; a cell of a column the
 *   caller declared numeric (csvout_set_kinds) that is a plain number
 *   (-12, 3.50) stays a number. UTF-8 without BOM, and a writer set raw
 *   (eduaid export --codes), write every cell as it is: those files go
 *   back into programs (the roster import), not into Excel.
 *
 *   Written to a terminal (isatty), every cell is shown as the screens
 *   show it (text_shown in core/text.h): no control character, escape
 *   sequence or bidirectional override reaches the terminal.
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

/* What a column holds, for the guard against formulas above. */
enum csvout_kind {
    CSVOUT_TEXT,  /* the default: guarded */
    CSVOUT_NUMBER /* a plain number is written as it is, negative or not */
};

/*
 * csvout_set_kinds
 *
 * The kinds of the first n columns of every later row (the header too:
 * a label is no number, so it is guarded as text); columns past n are
 * text. Decided by the column's type, never by the look of a value: a
 * name "-2+3" in a text column is guarded, "-5" in a numeric column is
 * not. 0, or -1 with a sentence in err when out of memory.
 */
int csvout_set_kinds(struct csvout *w, size_t n, const enum csvout_kind *kinds,
                     char *err, size_t errsz);

/* Write every cell as it is, in every encoding: for a file that goes back
 * into a program (eduaid export --codes), not into a spreadsheet. */
void csvout_set_raw(struct csvout *w);

/* Write a cell of 12 to 40 ASCII digits as the formula ="digits" (Excel
 * shows the text it holds, every digit, where it would round a number to
 * 15 digits): eduaid export --excel-text, a file for reading in Excel. */
void csvout_set_excel_text(struct csvout *w);

/* Rows written so far (the header counts). */
long csvout_rows(const struct csvout *w);

/* Flush and free the writer (not fp); 0, or -1 with a sentence in err when
 * a write failed at any time. NULL is fine (returns 0). */
int csvout_close(struct csvout *w, char *err, size_t errsz);

#endif /* EDUAID_CORE_CSVOUT_H */
