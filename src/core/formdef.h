/* clang-format off */
/*
 * formdef.h
 *   Form definitions: what forms/<kind>.conf declare about each record
 *   kind -- its table, list columns, search fields, sections of fields,
 *   child grids (household -> members) -- and the lookups (pick lists)
 *   fields refer to (forms/lookups.conf). Loaded with libconfig; every error
 *   names the file and line. No curses, no libpq: checking a definition
 *   against the live catalog is db/record.c's job.
 *
 *   The file format (libconfig), in short:
 *
 *     form: {
 *       kind  = "household";                 # eduaid.submit()'s kind
 *       table = "household";                 # in schema eduaid
 *       title = { zh = "建档立卡户核查"; en = "Household verification"; };
 *       summary = [ "household_no", "head_name" ];   # one-line description
 *       list = ( { field = "household_no"; width = 12; }, ... );
 *       search = [ "head_name", "household_no", "head_id_number",
 *                  "student.name", "student.id_number" ];
 *                 # "<grid table>.<field>" (text or id_number): the record
 *                 # is found by any of its grid rows too
 *       sections = (
 *         { title = { zh = "户主"; en = "Head"; };
 *           fields = (
 *             { name = "head_name"; type = "text"; zh = "户主姓名"; en = "Head's name";
 *               required = true; width = 16; max_chars = 50; },
 *             { name = "head_id_number"; type = "id_number"; zh = ...; en = ...;
 *               required = true; birth_field = "birth_date"; sex_field = "sex"; },
 *               # birth_field / sex_field: the fields of the same record or
 *               # row that must agree with the ID number; the form fills
 *               # them from a valid ID number when it is left (replacing a
 *               # disagreeing value typed, and saying so)
 *             { name = "poverty_status"; type = "choice"; zh = ...; en = ...;
 *               choices = ( ( "poor", "未脱贫", "not lifted" ), ... ); },
 *             { name = "village_id"; type = "lookup"; lookup = "village"; ... } ) } );
 *       grids = (
 *         { table = "student"; parent_key = "household_id";
 *           title = { zh = "家庭成员"; en = "Members"; };
 *           columns = ( { field = "name"; width = 8; }, ... );
 *           fields = ( ...as in sections... ) } );
 *     };
 *
 *   A list column's label defaults to its field's; a column may name a
 *   column that is no field (e.g. head_id_number_masked) if it gives a
 *   label (zh and en, as a field's). Types: text, id_number, date, int
 *   (min, max), money, bool, choice, lookup, phone. width is in display
 *   cells, 1..80 (default 20; a column's defaults to its field's).
 *   summary, search and grids may be left out; sections, list, a grid's
 *   columns and every fields list must not be empty. A field may carry
 *   only the settings of its type (max_chars: text and phone; min, max:
 *   int, default a PostgreSQL integer's range; choices: choice; lookup:
 *   lookup; birth_field, a date field, and sex_field, a choice field:
 *   id_number); any other setting, anywhere, is an error, so a typo
 *   ("requried") is never silently ignored. Any field may say
 *   read_only = true: a column the server fills (a copy of the register
 *   taken at submission, say teacher_fund_application.teacher_title),
 *   shown but never edited, checked or written by INSERT or UPDATE; it
 *   cannot also be required. A text field may say no_spaces = true:
 *   white space typed into it is left out as it is typed (a bank account
 *   number copied from a card printed in groups of four digits).
 *
 *   A form may say menu = false; (default true): it is no row of the
 *   main menu (nor a kind the export screen offers); another screen opens
 *   its list (forms/pairing.conf: the pairing area's submenu).
 *
 *   A lookup field may say which rows its pick list offers:
 *     lookup_only = { column = "kind"; values = [ "vocational", "college" ]; };
 *   (only rows of the lookup's table whose column is one of the values;
 *   values not empty; the column is checked against the server at start).
 *
 *   forms/lookups.conf:
 *
 *     lookups = (
 *       { name = "village"; table = "village"; key = "id"; label = "name";
 *         scope = "township"; },
 *       { name = "teacher"; table = "teacher"; key = "id"; label = "name";
 *         detail = "id_number_masked"; scope = "township"; }, ... );
 *
 *   A lookup may give its detail's codes in words, as a choice field's
 *   choices: detail_words = ( ( "junior", "初中", "Junior school" ), ... );
 *   a code not listed is shown as it is.
 */
/* clang-format on */
#ifndef EDUAID_CORE_FORMDEF_H
#define EDUAID_CORE_FORMDEF_H

#include <stdbool.h>
#include <stddef.h>

enum field_type {
    FT_TEXT,
    FT_ID_NUMBER,
    FT_DATE,
    FT_INT,
    FT_MONEY,
    FT_BOOL,
    FT_CHOICE,
    FT_LOOKUP,
    FT_PHONE
};

struct label {
    char *zh, *en; /* both required */
};

struct choice {
    char *value; /* stored in the database */
    struct label label;
    int line; /* where it is defined */
};

struct fielddef {
    char *name; /* column name */
    struct label label;
    enum field_type type;
    int width;     /* input width in cells */
    int max_chars; /* 0: no limit */
    bool required;
    bool read_only;         /* filled by the server: shown, never written */
    bool no_spaces;         /* FT_TEXT: white space typed is left out */
    long min, max;          /* FT_INT */
    struct choice *choices; /* FT_CHOICE */
    size_t nchoices;
    char *lookup;      /* FT_LOOKUP: name of a lookupdef */
    char *only_column; /* FT_LOOKUP: offer only rows whose only_column is */
    char **only_values; /* one of only_values (lookup_only), or NULL */
    size_t nonly;
    char *birth_field; /* FT_ID_NUMBER: fields that must agree, or NULL */
    char *sex_field;
    int line; /* where it is defined */
};

struct columndef {
    char *field;        /* a column of the table */
    struct label label; /* copied from the field when not given */
    int width;          /* cells */
    int line;
};

struct sectiondef {
    struct label title;
    size_t first, count; /* a slice of the owner's fields[] */
};

struct griddef {
    char *table;
    char *parent_key; /* the column that points at the record */
    struct label title;
    struct columndef *columns;
    size_t ncolumns;
    struct fielddef *fields;
    size_t nfields;
    int line;
};

struct formdef {
    char *path; /* the file it came from */
    char *kind;
    char *table;
    struct label title;
    char **summary;
    size_t nsummary;
    struct columndef *columns; /* the list screen's columns */
    size_t ncolumns;
    char **search;
    size_t nsearch;
    struct fielddef *fields; /* every field, section by section */
    size_t nfields;
    struct sectiondef *sections;
    size_t nsections;
    struct griddef *grids;
    size_t ngrids;
    bool menu; /* a row of the main menu (menu = false: opened elsewhere) */
};

/*
 * A lookup: the pick list behind FT_LOOKUP fields. Rows of eduaid.<table>
 * with <key> as the value and <label> (and <detail>, may be NULL) shown;
 * scope "township" keeps rows whose township_id is the record's township,
 * "mine" rows whose id is one of eduaid.my_townships(), "all" everything
 * RLS lets through.
 */
struct lookupdef {
    char *name, *table, *key, *label, *detail, *scope;
    int line;
    struct choice *words; /* detail_words: the detail's codes in words */
    size_t nwords;
};

struct lookupset {
    char *path;
    struct lookupdef *items;
    size_t count;
};

/* Where loading failed: file, line (0 when unknown) and a sentence. */
struct formdef_error {
    char file[256];
    int line;
    char message[256];
};

/* Fill err (NULL: nothing) with file, line and the printf-style message:
 * what the loaders here and the checks against the server (db/record.c,
 * db/fieldcheck.c) report. */
void formdef_error_set(struct formdef_error *err, const char *file, int line,
                       const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/*
 * Load one form / the lookups from path. On success return 0 and set *out
 * (free with formdef_free / lookupset_free); on failure return -1, fill
 * err and leave *out NULL. Checked here: libconfig syntax (its own line
 * and text), required settings, types and names ([a-z_][a-z0-9_]*, at
 * most 63 characters), no unknown settings (nor ones of another field
 * type), labels not empty, unique field names (per form, per grid),
 * known field types, choices for FT_CHOICE (each ( value, zh, en ),
 * values unique), lookup names present, min <= max, width 1..80,
 * list/summary/search entries naming fields (list columns may name others
 * when labelled), birth_field/sex_field naming a date/choice field of the
 * same form or grid, a grid's parent_key not a field; for lookups, unique
 * names and a known scope. A file that cannot be read: line 0 and the
 * system's reason. Out of memory: -1, "out of memory", nothing leaked.
 */
int formdef_load(const char *path, struct formdef **out,
                 struct formdef_error *err);
void formdef_free(struct formdef *f);
int lookupset_load(const char *path, struct lookupset **out,
                   struct formdef_error *err);
void lookupset_free(struct lookupset *l);

/* Every FT_LOOKUP field of f (and its grids) names a lookup of l; else -1
 * with err naming the form's file and the field's line. */
int formdef_check_lookups(const struct formdef *f, const struct lookupset *l,
                          struct formdef_error *err);

/* Find by name (NULL when absent). */
const struct fielddef *formdef_field(const struct formdef *f, const char *name);
const struct fielddef *griddef_field(const struct griddef *g, const char *name);
/* A search entry "<grid table>.<field>" (search = [ "student.name" ]: a
 * household found by a member's name): the grid field it names, a text or
 * ID number field, with the grid's index in *grid (may be NULL); NULL for
 * anything else (a plain field name too). */
const struct fielddef *formdef_grid_search_field(const struct formdef *f,
                                                 const char *name,
                                                 size_t *grid);
const struct lookupdef *lookupset_find(const struct lookupset *l,
                                       const char *name);
/* The words for detail code v of lookup d in the user's language (zh), or
 * v itself when d has none for it. */
const char *lookupdef_detail_text(const struct lookupdef *d, const char *v,
                                  bool zh);
/* Whether any field of the record (not its grids) is read_only. */
bool formdef_has_read_only(const struct formdef *f);
/* The label in the UI language: zh when zh is true. */
const char *label_text(const struct label *l, bool zh);
/* The label of choice value v of field f, or v itself. */
const char *fielddef_choice_label(const struct fielddef *f, const char *v,
                                  bool zh);

#endif /* EDUAID_CORE_FORMDEF_H */
