/*
 * notice.h
 *   Public notices (公示, sql/013_notice.sql) as the notice screens and
 *   `eduaid notice` read and change them: the list of notices, one
 *   notice's sheet, its lines with their objections, opening and closing
 *   a notice, recording and deciding objections, checking a printed
 *   record hash. Every rule is the server's; these only call it as the
 *   user logged in, every value a parameter.
 *
 *   Unless said otherwise a function returns a new struct dbres (the
 *   caller owns it and frees it with dbres_free) whose columns are read by
 *   the names listed here, values as text (NULL for SQL NULL); or NULL
 *   with err filled in (err->sqlstate says what the server refused:
 *   EA012 period not over, EA013 undecided objections, ...). Ids are
 *   passed as the text a person typed or a row held; the server casts
 *   them.
 */
#ifndef EDUAID_DB_NOTICE_H
#define EDUAID_DB_NOTICE_H

#include <stdbool.h>

#include "db/db.h"

/*
 * notices_list
 *
 * Every notice the caller may see, one row each: id, kind
 * ("household_year": a subsidy list; "household": one of before issue 11;
 * "teacher_fund"), title, starts_on, ends_on (YYYY-MM-DD), closed ("t"
 * once closed, else "f"), days_left (ends_on - today + 1: 0 or less once
 * the period is over, whether closed or not), lines (lines on it),
 * pending (undecided objections). Ordered by id, highest first when
 * newest_first; at most limit rows (0: all).
 */
struct dbres *notices_list(struct db *db, bool newest_first, int limit,
                           struct db_error *err);

/* One row: open (notices not closed), pending (undecided objections of
 * every notice the caller may see). */
struct dbres *notices_counts(struct db *db, struct db_error *err);

/*
 * notices_sheet
 *
 * The head of the printable sheet of notice id: no row when there is no
 * such notice or the caller may not see it, else one row with id, title,
 * kind, starts_on, ends_on, days (of the period), opened_by (the
 * opener's full name, else login), opened_on, closed_on (NULL while
 * open), contact, lines, total (the amounts' sum as 1,234.50).
 */
struct dbres *notices_sheet(struct db *db, const char *id,
                            struct db_error *err);

/* The sheet's lines in order: line_no, township (its name), name,
 * program, amount (1,234.50), masked_id, record_hash (its first 16 hex
 * digits). */
struct dbres *notices_sheet_lines(struct db *db, const char *id,
                                  struct db_error *err);

/*
 * notices_scope_id
 *
 * What a notice of kind is about, from what a person typed: for
 * "household_year" a township (9-digit code or name), for "teacher_fund" a
 * fund program (code or id). No row when kind is neither; else one row
 * whose column id is the township's or program's id, NULL when none
 * matches.
 */
struct dbres *notices_scope_id(struct db *db, const char *kind,
                               const char *scope, struct db_error *err);

/* The choices for that scope, at most 64 rows of id, name: the caller's
 * townships whose name holds filter or whose code starts with it
 * ("household_year"), or the active fund programs whose name holds it or
 * whose code starts with it (any other kind). */
struct dbres *notices_scope_choices(struct db *db, const char *kind,
                                    const char *filter, struct db_error *err);

/*
 * notices_preview
 *
 * What notices_open would put on a notice, before opening it
 * (eduaid.notice_preview; supervisors, with its refusals): one row, scope
 * (the township's or fund program's name) and lines (how many records).
 */
struct dbres *notices_preview(struct db *db, const char *kind,
                              const char *scope, const char *year,
                              struct db_error *err);

/*
 * notices_open
 *
 * Put every approved record of kind and scope (an id) for school year
 * `year` on a new notice (eduaid.open_notice; supervisors). ends_on,
 * title and contact may be NULL for the server's defaults. One row: id
 * (the new notice's), lines (counted after it was opened). When the
 * notice opened but its lines could not be counted (the connection lost
 * in between) NULL with err, like a refusal: the notice list shows it.
 */
struct dbres *notices_open(struct db *db, const char *kind, const char *scope,
                           const char *year, const char *ends_on,
                           const char *title, const char *contact,
                           struct db_error *err);

/* Close notice id after its period (supervisors). One row: final (how
 * many of its records became final). */
struct dbres *notices_close(struct db *db, const char *id,
                            struct db_error *err);

/*
 * notices_items
 *
 * The lines of notice id as published, in order, with their records and
 * objections: id (the line's), line_no, township, name, program, amount
 * (1,234.50), masked_id, record_hash (first 16 hex digits), kind,
 * record_id, status (the record's state now), pending, upheld, dismissed
 * (objections so decided), latest (the newest objection's content).
 */
struct dbres *notices_items(struct db *db, const char *notice_id,
                            struct db_error *err);

/* Record an objection to line item (officers of its township,
 * supervisors); objector may be NULL. 0, or -1 with err. */
int notices_object(struct db *db, const char *item, const char *content,
                   const char *objector, struct db_error *err);

/* The undecided objections of line item, oldest first: id, content,
 * objector ("" when not given). */
struct dbres *notices_pending_objections(struct db *db, const char *item,
                                         struct db_error *err);

/* Decide objection id: "upheld" or "dismissed", with a note
 * (supervisors, not the one who recorded it). 0, or -1 with err. */
int notices_decide(struct db *db, const char *objection, const char *decision,
                   const char *note, struct db_error *err);

/*
 * notices_verify
 *
 * The lines a printed record hash (or its first digits) names
 * (eduaid.notice_verify): notice_id, line_no, township, name, program,
 * amount, masked_id, record_hash, hash_check ("hash-ok" or
 * "HASH-MISMATCH"), audit_id, audit_action, audit_actor, audit_at
 * (YYYY-MM-DD HH:MM:SS), changed ("changed-since" or "unchanged").
 */
struct dbres *notices_verify(struct db *db, const char *hash,
                             struct db_error *err);

#endif /* EDUAID_DB_NOTICE_H */
