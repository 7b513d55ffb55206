/*
 * csv.h
 *   Reading rosters saved from a spreadsheet as CSV: UTF-8 with or without
 *   a byte order mark, or GB18030/GBK (what Excel writes on Chinese
 *   Windows), converted to UTF-8 with iconv(3). Records end in CRLF, LF or
 *   a lone CR; fields are separated by commas and may be quoted, a quoted
 *   field holding commas, line breaks and quotes written twice ("").
 *
 *   The reader is strict, as RFC 4180 is: a quote is only allowed at the
 *   start of a field, and a closing quote must be followed by a comma, a
 *   line break or the end of the file. Blank lines (nothing at all on the
 *   line) are skipped; a line of commas is a record of empty fields.
 *   There is no limit on the length of a field or a line. No curses, no
 *   libpq.
 */
#ifndef EDUAID_CORE_CSV_H
#define EDUAID_CORE_CSV_H

#include <stddef.h>
#include <stdio.h>

enum csv_encoding {
    CSV_ENC_UNKNOWN, /* to csv_open: detect it */
    CSV_ENC_UTF8,
    CSV_ENC_UTF8_BOM,
    CSV_ENC_GB18030 /* also GBK and GB2312, which it contains */
};

/*
 * Where and why reading failed. line and column are 1-based: line is the
 * physical line of the failure, column the number of the field of the
 * record it is in (the first field is 1, as a spreadsheet's column A) --
 * the one meaning of "column" in eduaid's messages about a CSV file, the
 * one the roster checks use too. line and column are 0 for a failure not
 * tied to a place in the file (opening, out of memory, a read error).
 */
struct csv_error {
    long line;
    long column;
    char message[256];
};

/*
 * csv_detect
 *
 * Guess the encoding of the first len bytes of a file: a UTF-8 byte order
 * mark gives CSV_ENC_UTF8_BOM; a sample that is valid UTF-8 throughout
 * (strict: no overlong forms, surrogates or values above U+10FFFF; plain
 * ASCII and an empty sample included) gives CSV_ENC_UTF8; otherwise a
 * sample made only of GB18030 sequences (ASCII; 0x81-0xFE followed by
 * 0x40-0x7E or 0x80-0xFE; 0x81-0xFE 0x30-0x39 0x81-0xFE 0x30-0x39) gives
 * CSV_ENC_GB18030; anything else CSV_ENC_UNKNOWN. A multi-byte sequence
 * cut short by the end of the sample does not count against it.
 */
enum csv_encoding csv_detect(const unsigned char *buf, size_t len);

/* "UTF-8", "UTF-8 with BOM", "GB18030", or "unknown". */
const char *csv_encoding_name(enum csv_encoding e);

/*
 * csv_encoding_parse
 *
 * The encoding a user named (--encoding), ASCII case ignored: "utf-8" and
 * "utf8" give CSV_ENC_UTF8; "gb18030", "gbk" and "gb2312" CSV_ENC_GB18030;
 * "auto" CSV_ENC_UNKNOWN (detect). 0, or -1 (*e untouched) for any other
 * name.
 */
int csv_encoding_parse(const char *name, enum csv_encoding *e);

struct csv_reader;

/*
 * csv_open
 *
 * A reader of the records of fp in encoding enc; CSV_ENC_UNKNOWN reads the
 * first 64 KiB and detects it with csv_detect(). A byte order mark at the
 * start is dropped whatever the encoding. The reader does not close fp.
 * NULL with err set (line 0) when the encoding cannot be told, iconv(3)
 * cannot convert from it, reading fails or memory runs out.
 */
struct csv_reader *csv_open(FILE *fp, enum csv_encoding enc,
                            struct csv_error *err);

/* The encoding being read (the detected one when asked to detect). */
enum csv_encoding csv_encoding(const struct csv_reader *r);

/*
 * csv_next
 *
 * Read the next record: *fields points to *nfields UTF-8, NUL-terminated
 * strings owned by the reader and valid until the next call or
 * csv_close(). A line break inside a quoted field is returned as "\n"
 * whether the file wrote CRLF, LF or CR. Returns 1, 0 at the end of the
 * file, or -1 with err set: an unterminated quoted field (on the line of
 * its opening quote), a quote inside an unquoted field or text after a
 * closing quote (on the line of that character), a NUL byte, a byte
 * sequence not valid in the encoding (on the line of the first character
 * it would have made), each in the field it is in; a read error or out of
 * memory (line and column 0). After an error every further call fails
 * the same way. Lines are physical lines: a quoted field with line breaks
 * spans several.
 */
int csv_next(struct csv_reader *r, char ***fields, size_t *nfields,
             struct csv_error *err);

/* The line the record last returned by csv_next() started on (0 before
 * the first). */
long csv_line(const struct csv_reader *r);

/* Free the reader (not fp); NULL is fine. */
void csv_close(struct csv_reader *r);

#endif /* EDUAID_CORE_CSV_H */
