/*
 * fieldcheck.h
 *   The start-up check of a form's limits against the server's rules, so
 *   that a form never offers what the server refuses: every choice of a
 *   choice field, the min and max of an int field and the max_chars of a
 *   text or phone field of forms/<kind>.conf (its grids' too) must be what
 *   the column takes by its own rules -- its CHECK constraints and its
 *   choice list (eduaid.field_refusals and eduaid.field_lengths,
 *   sql/repeatable/51_fields.sql). Read-only fields are the server's and
 *   are not checked. An int field's range is taken to be whole: its min
 *   and max are asked, the values between are not.
 */
#ifndef EDUAID_DB_FIELDCHECK_H
#define EDUAID_DB_FIELDCHECK_H

#include "core/formdef.h"
#include "db/db.h"

/*
 * fieldcheck_form
 *
 * 0 when every limit of f is one the server takes. Otherwise -1 with ferr
 * naming f's file and the line of the first choice or field the server
 * would refuse, and why; or, when the server could not be asked, -1 with
 * err filled in (err->status is DB_OK for a refusal of f).
 */
int fieldcheck_form(struct db *db, const struct formdef *f,
                    struct formdef_error *ferr, struct db_error *err);

#endif /* EDUAID_DB_FIELDCHECK_H */
