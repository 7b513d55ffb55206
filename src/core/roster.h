/*
 * roster.h
 *   The household roster (名册) as a CSV file: its columns, matching a
 *   header row to them (Chinese or English names, ASCII case and blanks
 *   around them ignored, any order, unknown columns noted), and checking
 *   one record the way the server will (required fields, household number
 *   pattern, ID numbers, family size, relation and stage codes or their
 *   Chinese names), and resolving township and village names or codes.
 *   One row per school-age member; the household's columns repeat on each
 *   of its rows. Pure logic: no curses, no libpq.
 *
 *   Blanks are the server's (eduaid.is_blank: ASCII white space, U+00A0,
 *   U+3000 and the other Unicode spaces, text_is_space()): trimmed from
 *   header names and values alike. A "column" is always a field's 1-based
 *   number in its record, as in csv.h (the spreadsheet's column A is 1).
 */
#ifndef EDUAID_CORE_ROSTER_H
#define EDUAID_CORE_ROSTER_H

#include <stdbool.h>
#include <stddef.h>

/* The roster's columns, in the order of the export (and of COPY). */
enum roster_col {
    RC_HOUSEHOLD_NO,
    RC_TOWNSHIP,
    RC_VILLAGE,
    RC_HEAD_NAME,
    RC_HEAD_ID_NUMBER,
    RC_FAMILY_SIZE,
    RC_MEMBER_NAME,
    RC_MEMBER_ID_NUMBER,
    RC_RELATION,
    RC_STAGE,
    RC_N
};

/* Canonical (English) and Chinese header names of c; NULL outside the enum. */
const char *roster_col_name(enum roster_col c);
const char *roster_col_zh(enum roster_col c);
/* Is c required in the header? */
bool roster_col_required(enum roster_col c);
/* The column whose canonical name is name, or RC_N. */
enum roster_col roster_col_by_name(const char *name);

/* Where each column is in the file: pos[c] is the 0-based field index, or
 * -1 when the header lacks it. unknown[i] (i < nfields) is true for a
 * header field whose name names no column; names[i] is the header's name
 * of field i, trimmed ("" for a field the header leaves unnamed). */
struct roster_header {
    int pos[RC_N];
    size_t nfields;
    bool *unknown; /* owned; roster_header_free() */
    char **names;  /* owned, nfields of them; roster_header_free() */
};

/*
 * roster_header_map
 *
 * Match the n header fields to the columns. A field matches a column when,
 * with blanks (ASCII and Unicode: U+3000 too) trimmed at both ends, it
 * equals the Chinese name or, ASCII case ignored, the English name.
 * Returns 0; or -1 with a sentence in err (and *col_out, when not NULL,
 * set to the 1-based field concerned, 0 for a missing column): a column
 * given twice, a required column missing (naming it), out of memory. All
 * the fields are matched either way, so that h->unknown and h->names
 * tell the unknown columns that may explain a missing one (unless out of
 * memory: then h->unknown or h->names may be NULL). h must be freed with
 * roster_header_free() either way.
 */
int roster_header_map(const char *const *fields, size_t n,
                      struct roster_header *h, long *col_out, char *err,
                      size_t errsz);
void roster_header_free(struct roster_header *h);

/* The header's name of 1-based column col (trimmed), or NULL when the
 * header has no such field or leaves it unnamed. */
const char *roster_header_name(const struct roster_header *h, long col);

/* Is every one of the n fields blank (a row Excel writes as ",,,,," or
 * spaces)? True for n == 0. */
bool roster_record_blank(const char *const *fields, size_t n);

/* One record, checked and normalized: values[c] points into the caller's
 * fields (trimmed copies kept in buf), NULL for empty or absent. */
struct roster_record {
    const char *values[RC_N];
    char *buf; /* owned; roster_record_free() */
};

/* What is wrong with a record: the 1-based CSV column and a sentence. */
struct roster_problem {
    long column;
    char message[512];
};

/*
 * roster_record_extra
 *
 * Is a value of the n fields of a data record outside the header's named
 * columns -- beyond its last field, or under a field it leaves unnamed --
 * where it would be dropped unseen? Returns 0, or -1 with p filled in for
 * the first such value (blank fields do not count). Fields under an
 * unknown but named column are ignored: the header's warning told them.
 */
int roster_record_extra(const struct roster_header *h,
                        const char *const *fields, size_t n,
                        struct roster_problem *p);

/*
 * roster_record_check
 *
 * Take the n fields of a data record through h: trim blanks (ASCII and
 * Unicode), blank to NULL; check required fields, the household number pattern
 * ^[0-9A-Z-]{6,30}$, ID numbers (id_number_check with today_yyyymmdd),
 * member ID number given exactly with a member name, relation and stage
 * without a member name, family size 1-30; map relation and stage to their
 * codes (Chinese names accepted). Returns 0 or -1 with p filled in (the
 * first problem, in column order of the file). rec must be freed with
 * roster_record_free() either way.
 */
int roster_record_check(const struct roster_header *h,
                        const char *const *fields, size_t n,
                        struct roster_record *rec, int today_yyyymmdd,
                        struct roster_problem *p);
void roster_record_free(struct roster_record *rec);

/*
 * roster_record_warnings
 *
 * What in a record taken by roster_record_check is probably wrong but not
 * refused: a '?' in the head's or the member's name, which is what Excel
 * writes for a character its "CSV" (GBK on Chinese Windows) cannot hold,
 * such as 𠮷. Fills at most nw of w, in column order, and returns how
 * many it filled.
 */
size_t roster_record_warnings(const struct roster_header *h,
                              const struct roster_record *rec,
                              struct roster_problem *w, size_t nw);

/* The code of a stage or relation given as a code or a Chinese name
 * (ASCII case ignored for codes), or NULL. */
const char *roster_stage_code(const char *s);
const char *roster_relation_code(const char *s);

/* The county's townships and villages, to resolve names and codes. */
struct roster_place {
    long long id;
    long long township_id; /* villages: their township; townships: 0 */
    const char *name;
};

/*
 * roster_resolve_township / roster_resolve_village
 *
 * Resolve text (a 9- or 12-digit code, or a name) among the n places.
 * Villages are looked for within township_id only. Returns the id, 0 when
 * none matches, or -1 when a name matches more than one (give the code).
 */
long long roster_resolve_township(const struct roster_place *t, size_t n,
                                  const char *text);
long long roster_resolve_village(const struct roster_place *v, size_t n,
                                 long long township_id, const char *text);

#endif /* EDUAID_CORE_ROSTER_H */
