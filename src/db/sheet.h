/*
 * sheet.h
 *   The content hash of a printed notice (公示) sheet, for the QR code
 *   the PDF carries and for `eduaid notice verify` reading it back
 *   (core/sheetcode.h is the payload). Computed by the server from what
 *   it holds, as the user logged in (row-level security decides which
 *   lines count: verify as someone who sees the lines the sheet was
 *   printed with).
 */
#ifndef EDUAID_DB_SHEET_H
#define EDUAID_DB_SHEET_H

#include "db/db.h"

/*
 * sheet_digest
 *
 * No row when there is no notice id or the caller may not see it; else
 * one row: id, lines (how many lines the caller sees), digest (64 hex
 * digits: SHA-256 of the UTF-8 text
 *   eduaid-notice-sheet/1|id|title|starts_on|ends_on|h1,h2,...
 * where h1... are the lines' record hashes in line order), lines_ok ("t"
 * when every line still hashes to its record hash, else "f").
 */
struct dbres *sheet_digest(struct db *db, const char *id, struct db_error *err);

#endif /* EDUAID_DB_SHEET_H */
