/*
 * messages.h
 *   The error table of the server (eduaid.message, sql/024_messages.sql),
 *   read once at login: what a refusal means in the person's language and
 *   the form field it concerns. A refusal is looked up by its constraint's
 *   name, then by its SQLSTATE; without a row the server's own message is
 *   shown, unless it names the constraint (a constraint's name is never
 *   shown to a person).
 *
 *   Ownership: messages_load returns a struct the caller frees with
 *   messages_free; the strings the lookups return live as long as it does
 *   (or as err, for the server's own message).
 */
#ifndef EDUAID_DB_MESSAGES_H
#define EDUAID_DB_MESSAGES_H

#include <stdbool.h>

#include "db/db.h"

struct messages;

/* One row: key (SQLSTATE or constraint name), its words, the field it
 * concerns (NULL: none; MESSAGES_WHOLE_RECORD: the record as a whole)
 * and the table of the constraint (NULL: a SQLSTATE, or unknown). */
struct message {
    char *key, *zh, *en, *field, *table;
    /* A rule about the field's value, fit for its hint: a CHECK or a name
     * a function raises -- not a unique key (its words mean "this value
     * is taken", true only once it is), not a foreign key (the field's
     * pick list says it) and not a <table>_<column>_clean CHECK (no
     * control characters, sql/041: a form cannot type them; its words
     * are the refusal of a pasted one). */
    bool rule;
};

/* The field of a rule that concerns the whole record (sql/036). */
#define MESSAGES_WHOLE_RECORD "_record"

/*
 * messages_load
 *
 * Read every row of eduaid.message (columns by name). Returns a new
 * struct messages, or NULL with err filled in (err->status DB_NO_MEMORY
 * when out of memory).
 */
struct messages *messages_load(struct db *db, struct db_error *err);

/* The same from a result with the columns key, zh, en, field and
 * optionally tbl (as messages_load reads them); NULL when out of memory or
 * a column is missing. r stays the caller's. */
struct messages *messages_from_rows(const struct dbres *r);

void messages_free(struct messages *m);

/* How many rows were read. */
size_t messages_count(const struct messages *m);

/* The row of err's constraint, else of its SQLSTATE; NULL when neither
 * has one (or m or err is NULL). */
const struct message *messages_find(const struct messages *m,
                                    const struct db_error *err);

/*
 * messages_text
 *
 * What err means, in Chinese when zh, else English: the words of its row
 * (messages_find), else the server's own message when there is one and
 * it does not contain the constraint's name; else NULL (the caller says
 * something general). m may be NULL (not loaded yet).
 */
const char *messages_text(const struct messages *m, const struct db_error *err,
                          bool zh);

/* The form field err's row names, or NULL (also for the whole record). */
const char *messages_field(const struct messages *m,
                           const struct db_error *err);

/*
 * messages_hint
 *
 * The rules of one field: the words (Chinese when zh) of every row whose
 * constraint belongs to table and concerns field, but its foreign keys
 * (the field's pick list shows what they take), in the order of their
 * keys, one sentence each, into buf (size bytes, always terminated;
 * sentences that do not fit whole are left out). Returns the bytes
 * written, 0 when the field has no rule of its own (m may be NULL).
 */
size_t messages_hint(const struct messages *m, const char *table,
                     const char *field, bool zh, char *buf, size_t size);

#endif /* EDUAID_DB_MESSAGES_H */
