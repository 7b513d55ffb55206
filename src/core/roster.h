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
 * header field that names no column. */
struct roster_header {
    int pos[RC_N];
    size_t nfields;
    bool *unknown; /* owned; roster_header_free() */
};

/*
 * roster_header_map
 *
 * Match the n header fields to the columns. A field matches a column when,
 * with ASCII blanks (space, tab) trimmed at both ends, it equals the
 * Chinese name or, ASCII case ignored, the English name. Returns 0; or -1
 * with a sentence in err (and *col_out, when not NULL, set to the 1-based
 * field concerned, 0 for a missing column): a required column missing
 * (naming it), a column given twice, out of memory. h must be freed with
 * roster_header_free() either way.
 */
int roster_header_map(const char *const *fields, size_t n,
                      struct roster_header *h, long *col_out, char *err,
                      size_t errsz);
void roster_header_free(struct roster_header *h);

/* One record, checked and normalized: values[c] points into the caller's
 * fields (trimmed copies kept in buf), NULL for empty or absent. */
struct roster_record {
    const char *values[RC_N];
    char *buf; /* owned; roster_record_free() */
};

/* What is wrong with a record: the 1-based CSV column and a sentence. */
struct roster_problem {
    long column;
    char message[256];
};

/*
 * roster_record_check
 *
 * Take the n fields of a data record through h: trim ASCII blanks, empty
 * to NULL; check required fields, the household number pattern
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
