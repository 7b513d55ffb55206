/*
 * sheetcode.h
 *   The text of the QR code on a printed notice (公示) sheet, and its
 *   reading back by `eduaid notice verify`:
 *
 *     eduaid-notice/1:ID:LINES:DIGEST
 *
 *   ID the notice's id (decimal), LINES how many lines the sheet lists,
 *   DIGEST the sheet's content hash: 64 lowercase hexadecimal digits, the
 *   SHA-256 the server computes over the notice's id, title, period and
 *   the record hashes of its lines in order (src/db/sheet.h). No spaces,
 *   so that a scanner's text can be pasted as one argument. Pure logic.
 */
#ifndef EDUAID_CORE_SHEETCODE_H
#define EDUAID_CORE_SHEETCODE_H

#include <stdbool.h>
#include <stddef.h>

#define SHEETCODE_PREFIX "eduaid-notice/1:"
#define SHEETCODE_DIGEST 64
/* Enough for any payload: prefix, 19 + 10 digits, two colons, digest. */
#define SHEETCODE_MAX 128

/* The payload of notice id (digits) with lines lines and digest into
 * out; 0, or -1 when id or digest is malformed or out is too small. */
int sheetcode_build(char *out, size_t outsz, const char *id, long lines,
                    const char *digest);

/* Whether text looks like a sheet's payload (starts with the prefix). */
bool sheetcode_is(const char *text);

/* Read a payload: 0 with id (digits, NUL-terminated, at most 19), *lines
 * and digest (64 lowercase hex digits and a NUL; upper case accepted in
 * text) filled in, or -1 when text is not exactly a payload (surrounding
 * blanks of a scanner's line allowed). */
int sheetcode_parse(const char *text, char *id, size_t idsz, long *lines,
                    char digest[SHEETCODE_DIGEST + 1]);

#endif /* EDUAID_CORE_SHEETCODE_H */
