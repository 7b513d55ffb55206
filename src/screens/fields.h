/*
 * fields.h
 *   The editable state of a set of fields (a record's, or one grid row's):
 *   a line editor per field for what a person types, the stored value of
 *   choice, lookup and boolean fields with the text shown for it, and the
 *   error found by the client's checks or put there from a server error.
 *   No curses and no libpq: the form screen draws it and the record layer
 *   stores it.
 */
#ifndef EDUAID_SCREENS_FIELDS_H
#define EDUAID_SCREENS_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/formdef.h"
#include "core/text.h"

struct fieldstate {
    const struct fielddef *def;
    struct lineedit edit; /* typed text (text-like types) */
    char *value;     /* stored value (choice, lookup, bool); NULL = empty */
    char *shown;     /* what a choice/lookup/bool value shows as */
    char error[256]; /* "" when fine */
    bool locked;     /* arrived masked, or read-only: shown, never edited or
                        checked */
    bool touched;    /* the person changed it (typed) since it was loaded */
};

struct fieldset {
    struct fieldstate *f;
    size_t n;
    bool zh;
    bool dirty; /* changed since loaded or saved */
};

/* True for the types a person types into (the others are picked). */
bool field_is_typed(const struct fielddef *d);

/* Set up from definitions and values (values may be NULL: all empty; a
 * NULL value is empty). Lookup values show their key until fieldset_show
 * gives them a label. false when out of memory. */
bool fieldset_init(struct fieldset *fs, const struct fielddef *defs, size_t n,
                   char *const *values, bool zh);
void fieldset_free(struct fieldset *fs);

/* The value of field i as it would be stored: new malloc'd UTF-8 ("" for
 * empty), trimmed of white space for typed fields; NULL when out of memory. */
char *fieldset_value(const struct fieldset *fs, size_t i);

/* Set the stored value of a picked field (choice, lookup, bool) and what
 * it shows (shown NULL: the choice label, Yes/No, or the value). */
bool fieldset_pick(struct fieldset *fs, size_t i, const char *value,
                   const char *shown);

/* Index of the field named name, or -1. */
int fieldset_find(const struct fieldset *fs, const char *name);

/*
 * fieldset_check
 *
 * Check field i (required, type, limits, and an ID number's agreement with
 * its birth date and sex fields), setting or clearing its error. Returns
 * true when it is fine.
 */
bool fieldset_check(struct fieldset *fs, size_t i);

/* What fieldset_leave() filled from an ID number. */
enum field_fill {
    FILL_NONE = 0, /* nothing (not a valid ID number, or nothing to fill) */
    FILL_FILLED,   /* sex / birth date set where they were empty or equal */
    FILL_REPLACED  /* a different sex or birth date typed was replaced */
};

/*
 * fieldset_leave
 *
 * The person leaves field i (Tab, arrows, Enter). A valid date is
 * rewritten as YYYY-MM-DD (2012/5/21 -> 2012-05-21). A valid ID number
 * fills the fields its definition pairs with it (birth_field, sex_field
 * of core/formdef.h) in the same set, unless they are locked. Then the
 * field is checked as fieldset_check() does, except that an empty
 * required field the person has not touched is left unmarked: the
 * "required" nag comes at save (fieldset_check_all) or when the person
 * empties a field. Returns what the ID number filled.
 */
enum field_fill fieldset_leave(struct fieldset *fs, size_t i);

/*
 * fieldset_fill_from_id
 *
 * The fill of fieldset_leave() alone: when field i is an ID number valid
 * under today's date, set its birth_field (YYYY-MM-DD) and sex_field
 * ("M"/"F", the server's eduaid.id_birth_date and eduaid.id_sex) and
 * clear their errors.
 */
enum field_fill fieldset_fill_from_id(struct fieldset *fs, size_t i);

/* Check every field; the index of the first with an error, or -1. */
int fieldset_check_all(struct fieldset *fs);

/* Put an error on field i (a server's, already translated). */
void fieldset_set_error(struct fieldset *fs, size_t i, const char *message);

#endif /* EDUAID_SCREENS_FIELDS_H */
