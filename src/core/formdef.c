/*
 * formdef.c
 *   Loading and checking form definitions (forms/<kind>.conf) and the lookups
 *   they refer to (forms/lookups.conf) with libconfig; see formdef.h for
 *   the file format and the contract.
 *
 *   Every parse function fills a zeroed structure that already hangs off
 *   the result, so that on any error the one cleanup path (formdef_free,
 *   lookupset_free) frees whatever was built so far. Every error names
 *   the file and line of the setting it concerns.
 */
#include "config.h"

#include "formdef.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libconfig.h>

/* Width limits of fields and columns, in cells: an 80-column terminal. */
#define WIDTH_MIN 1
#define WIDTH_MAX 80
#define WIDTH_DEFAULT 20
/* PostgreSQL's limit on identifiers (NAMEDATALEN - 1). */
#define NAME_MAX_LEN 63
/* Range of an int field without min/max: a PostgreSQL integer. */
#define INT_FIELD_MIN INT32_MIN
#define INT_FIELD_MAX INT32_MAX

/* What a parse is working on: where errors go. */
struct loader {
    const char *path;
    struct formdef_error *err;
};

/* Kinds of setting a member may be required to be. */
enum kind { K_STRING, K_INT, K_BOOL, K_GROUP, K_LIST, K_STRINGS };

static const char *const kind_names[] = {
    [K_STRING] = "a string",     [K_INT] = "an integer",
    [K_BOOL] = "true or false",  [K_GROUP] = "a group { ... }",
    [K_LIST] = "a list ( ... )", [K_STRINGS] = "a list of strings [ ... ]",
};

static const struct {
    const char *name;
    enum field_type type;
} field_types[] = {
    {"text", FT_TEXT},     {"id_number", FT_ID_NUMBER}, {"date", FT_DATE},
    {"int", FT_INT},       {"money", FT_MONEY},         {"bool", FT_BOOL},
    {"choice", FT_CHOICE}, {"lookup", FT_LOOKUP},       {"phone", FT_PHONE},
};
#define NFIELD_TYPES (sizeof(field_types) / sizeof(field_types[0]))

#define TYPE_BIT(t) (1u << (t))
#define ALL_TYPES (~0u)

/* The settings a field may have, and the types they apply to. */
static const struct {
    const char *key;
    unsigned types;
} field_keys[] = {
    {"name", ALL_TYPES},
    {"type", ALL_TYPES},
    {"zh", ALL_TYPES},
    {"en", ALL_TYPES},
    {"required", ALL_TYPES},
    {"read_only", ALL_TYPES},
    {"width", ALL_TYPES},
    {"max_chars", TYPE_BIT(FT_TEXT) | TYPE_BIT(FT_PHONE)},
    {"no_spaces", TYPE_BIT(FT_TEXT)},
    {"min", TYPE_BIT(FT_INT)},
    {"max", TYPE_BIT(FT_INT)},
    {"choices", TYPE_BIT(FT_CHOICE)},
    {"lookup", TYPE_BIT(FT_LOOKUP)},
    {"lookup_only", TYPE_BIT(FT_LOOKUP)},
    {"birth_field", TYPE_BIT(FT_ID_NUMBER)},
    {"sex_field", TYPE_BIT(FT_ID_NUMBER)},
};
#define NFIELD_KEYS (sizeof(field_keys) / sizeof(field_keys[0]))

static const char *const form_keys[] = {"kind", "table",  "title",    "summary",
                                        "list", "search", "sections", "grids",
                                        "menu", NULL};
static const char *const section_keys[] = {"title", "fields", NULL};
static const char *const grid_keys[] = {"table",   "parent_key", "title",
                                        "columns", "fields",     NULL};
static const char *const column_keys[] = {"field", "width", "zh", "en", NULL};
static const char *const label_keys[] = {"zh", "en", NULL};
static const char *const lookup_keys[] = {
    "name", "table", "key", "label", "detail", "scope", "detail_words", NULL};
static const char *const lookup_scopes[] = {"township", "mine", "all", NULL};

/* ---------------------------------------------------------------------- */
/* Errors */

static void set_error_v(struct formdef_error *err, const char *file, int line,
                        const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

static void
set_error_v(struct formdef_error *err, const char *file, int line,
            const char *fmt, va_list ap)
{
    if (err == NULL)
        return;
    snprintf(err->file, sizeof(err->file), "%s", file != NULL ? file : "");
    err->line = line;
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
}

void
formdef_error_set(struct formdef_error *err, const char *file, int line,
                  const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    set_error_v(err, file, line, fmt, ap);
    va_end(ap);
}

static int fail(struct loader *ld, const config_setting_t *s, const char *fmt,
                ...) __attribute__((format(printf, 3, 4)));

/* Record an error at setting s (NULL: no line) and return -1. */
static int
fail(struct loader *ld, const config_setting_t *s, const char *fmt, ...)
{
    const char *file = NULL;
    int line = 0;
    va_list ap;

    if (s != NULL) {
        file = config_setting_source_file(s);
        line = (int)config_setting_source_line(s);
    }
    va_start(ap, fmt);
    set_error_v(ld->err, file != NULL ? file : ld->path, line, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---------------------------------------------------------------------- */
/* Settings of a group */

/* Number of elements of aggregate s: never negative (0 for a scalar). */
static int
length(const config_setting_t *s)
{
    int n = config_setting_length(s);

    return n > 0 ? n : 0;
}

static bool
is_kind(const config_setting_t *s, enum kind k)
{
    int t = config_setting_type(s);

    switch (k) {
    case K_STRING:
        return t == CONFIG_TYPE_STRING;
    case K_INT:
        return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64;
    case K_BOOL:
        return t == CONFIG_TYPE_BOOL;
    case K_GROUP:
        return t == CONFIG_TYPE_GROUP;
    case K_LIST:
        return t == CONFIG_TYPE_LIST;
    case K_STRINGS:
        if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
            return false;
        for (int i = 0; i < length(s); i++) {
            const config_setting_t *e = config_setting_get_elem(s, i);
            if (config_setting_type(e) != CONFIG_TYPE_STRING)
                return false;
        }
        return true;
    }
    return false;
}

/*
 * Find member key of group g (described as what in messages), which must
 * be of kind k. Returns 0 with *out set (NULL when absent and not
 * required), or -1.
 */
static int
member(struct loader *ld, const config_setting_t *g, const char *what,
       const char *key, enum kind k, bool required, config_setting_t **out)
{
    config_setting_t *s = config_setting_get_member(g, key);

    *out = NULL;
    if (s == NULL) {
        if (required)
            return fail(ld, g, "%s: missing setting '%s'", what, key);
        return 0;
    }
    if (!is_kind(s, k))
        return fail(ld, s, "%s: '%s' must be %s", what, key, kind_names[k]);
    *out = s;
    return 0;
}

static int
dup_string(struct loader *ld, const config_setting_t *s, const char *value,
           char **out)
{
    *out = strdup(value);
    if (*out == NULL)
        return fail(ld, s, "out of memory");
    return 0;
}

/* True for a string of nothing but ASCII white space (a setting of a
 * file; the blank-text rule of values is valid_is_blank). */
static bool
is_ascii_blank(const char *s)
{
    for (; *s != '\0'; s++)
        if (strchr(" \t\r\n\f\v", *s) == NULL)
            return false;
    return true;
}

/* A string member, copied to *out (left NULL when absent and optional). */
static int
get_string(struct loader *ld, const config_setting_t *g, const char *what,
           const char *key, bool required, char **out)
{
    config_setting_t *s;
    const char *v;

    if (member(ld, g, what, key, K_STRING, required, &s) < 0)
        return -1;
    if (s == NULL)
        return 0;
    v = config_setting_get_string(s);
    if (is_ascii_blank(v))
        return fail(ld, s, "%s: '%s' must not be empty", what, key);
    return dup_string(ld, s, v, out);
}

/* True for a name of a table, column, kind or lookup: [a-z_][a-z0-9_]*. */
static bool
valid_name(const char *s)
{
    size_t n;

    if (s == NULL || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
        return false;
    for (n = 0; s[n] != '\0'; n++)
        if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
              s[n] == '_'))
            return false;
    return n <= NAME_MAX_LEN;
}

static int
bad_name(struct loader *ld, const config_setting_t *s, const char *what,
         const char *key, const char *v)
{
    return fail(ld, s,
                "%s: bad %s '%s' (a-z, 0-9 and _, not starting with a "
                "digit, at most %d characters)",
                what, key, v, NAME_MAX_LEN);
}

/* A name member: a string that valid_name() accepts. */
static int
get_name(struct loader *ld, const config_setting_t *g, const char *what,
         const char *key, bool required, char **out)
{
    config_setting_t *s;
    const char *v;

    if (member(ld, g, what, key, K_STRING, required, &s) < 0)
        return -1;
    if (s == NULL)
        return 0;
    v = config_setting_get_string(s);
    if (!valid_name(v))
        return bad_name(ld, s, what, key, v);
    return dup_string(ld, s, v, out);
}

static long
int_value(const config_setting_t *s)
{
    if (config_setting_type(s) == CONFIG_TYPE_INT64)
        return (long)config_setting_get_int64(s);
    return config_setting_get_int(s);
}

/* An integer member within lo..hi, or def when absent. */
static int
get_int(struct loader *ld, const config_setting_t *g, const char *what,
        const char *key, long lo, long hi, long def, long *out)
{
    config_setting_t *s;
    long v;

    if (member(ld, g, what, key, K_INT, false, &s) < 0)
        return -1;
    if (s == NULL) {
        *out = def;
        return 0;
    }
    v = int_value(s);
    if (v < lo || v > hi)
        return fail(ld, s, "%s: %s %ld is outside %ld..%ld", what, key, v, lo,
                    hi);
    *out = v;
    return 0;
}

static int
get_bool(struct loader *ld, const config_setting_t *g, const char *what,
         const char *key, bool def, bool *out)
{
    config_setting_t *s;

    if (member(ld, g, what, key, K_BOOL, false, &s) < 0)
        return -1;
    *out = s != NULL ? config_setting_get_bool(s) != 0 : def;
    return 0;
}

/* Every member of group g is one of keys (NULL-terminated). */
static int
check_keys(struct loader *ld, const config_setting_t *g, const char *what,
           const char *const *keys)
{
    for (int i = 0; i < length(g); i++) {
        const config_setting_t *s = config_setting_get_elem(g, i);
        const char *name = config_setting_name(s);
        size_t k;

        for (k = 0; keys[k] != NULL; k++)
            if (strcmp(keys[k], name) == 0)
                break;
        if (keys[k] == NULL)
            return fail(ld, s, "%s: unknown setting '%s'", what, name);
    }
    return 0;
}

/* zh and en of group g (both or, when !required, neither). */
static int
get_label_pair(struct loader *ld, const config_setting_t *g, const char *what,
               bool required, struct label *out)
{
    bool either = config_setting_get_member(g, "zh") != NULL ||
                  config_setting_get_member(g, "en") != NULL;

    if (get_string(ld, g, what, "zh", required || either, &out->zh) < 0 ||
        get_string(ld, g, what, "en", required || either, &out->en) < 0)
        return -1;
    return 0;
}

/* A title = { zh = ...; en = ...; } member. */
static int
get_title(struct loader *ld, const config_setting_t *g, const char *what,
          struct label *out)
{
    config_setting_t *t;
    char twhat[160];

    if (member(ld, g, what, "title", K_GROUP, true, &t) < 0)
        return -1;
    snprintf(twhat, sizeof(twhat), "%s: title", what);
    if (check_keys(ld, t, twhat, label_keys) < 0)
        return -1;
    return get_label_pair(ld, t, twhat, true, out);
}

/* ---------------------------------------------------------------------- */
/* Freeing (also of partly built structures) */

static void
label_free(struct label *l)
{
    free(l->zh);
    free(l->en);
}

static void strings_free(char **v, size_t n);

static void
choices_free(struct choice *c, size_t n)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        free(c[i].value);
        label_free(&c[i].label);
    }
    free(c);
}

static void
fields_free(struct fielddef *fields, size_t n)
{
    if (fields == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        struct fielddef *f = &fields[i];

        free(f->name);
        label_free(&f->label);
        choices_free(f->choices, f->nchoices);
        free(f->lookup);
        free(f->only_column);
        strings_free(f->only_values, f->nonly);
        free(f->birth_field);
        free(f->sex_field);
    }
    free(fields);
}

static void
columns_free(struct columndef *cols, size_t n)
{
    if (cols == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        free(cols[i].field);
        label_free(&cols[i].label);
    }
    free(cols);
}

static void
strings_free(char **v, size_t n)
{
    if (v == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void
formdef_free(struct formdef *f)
{
    if (f == NULL)
        return;
    free(f->path);
    free(f->kind);
    free(f->table);
    label_free(&f->title);
    strings_free(f->summary, f->nsummary);
    columns_free(f->columns, f->ncolumns);
    strings_free(f->search, f->nsearch);
    fields_free(f->fields, f->nfields);
    if (f->sections != NULL) {
        for (size_t i = 0; i < f->nsections; i++)
            label_free(&f->sections[i].title);
        free(f->sections);
    }
    if (f->grids != NULL) {
        for (size_t i = 0; i < f->ngrids; i++) {
            struct griddef *g = &f->grids[i];

            free(g->table);
            free(g->parent_key);
            label_free(&g->title);
            columns_free(g->columns, g->ncolumns);
            fields_free(g->fields, g->nfields);
        }
        free(f->grids);
    }
    free(f);
}

void
lookupset_free(struct lookupset *l)
{
    if (l == NULL)
        return;
    free(l->path);
    if (l->items != NULL) {
        for (size_t i = 0; i < l->count; i++) {
            struct lookupdef *d = &l->items[i];

            free(d->name);
            free(d->table);
            free(d->key);
            free(d->label);
            free(d->detail);
            free(d->scope);
            choices_free(d->words, d->nwords);
        }
        free(l->items);
    }
    free(l);
}

/* ---------------------------------------------------------------------- */
/* Fields */

/*
 * calloc(n, size) that never returns NULL for n == 0 by accident of the
 * libc: callers treat NULL as out of memory.
 */
static void *
xcalloc(size_t n, size_t size)
{
    return calloc(n > 0 ? n : 1, size);
}

/*
 * The list key of g: ( ( "value", "中文", "English" ), ... ), values
 * unique, into *out and *n. what names g in messages; a missing list is
 * an error when required (a choice field's choices), else 0 with *out NULL.
 */
static int
parse_choice_list(struct loader *ld, const config_setting_t *g,
                  const char *what, const char *key, bool required,
                  struct choice **out, size_t *nout)
{
    config_setting_t *list = config_setting_get_member(g, key);
    struct choice *c;
    int n;

    if (list == NULL)
        return required ? fail(ld, g, "%s is a choice but has no choices", what)
                        : 0;
    if (config_setting_type(list) != CONFIG_TYPE_LIST &&
        config_setting_type(list) != CONFIG_TYPE_ARRAY)
        return fail(ld, list, "%s: '%s' must be a list ( ... )", what, key);
    n = length(list);
    if (n <= 0)
        return fail(ld, list, "%s: '%s' is empty", what, key);
    if ((c = *out = xcalloc((size_t)n, sizeof(*c))) == NULL)
        return fail(ld, list, "out of memory");
    *nout = (size_t)n;
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(list, i);
        const char *v[3];

        if (!is_kind(e, K_STRINGS) || length(e) != 3)
            return fail(ld, e,
                        "%s: choice %d must be ( \"value\", \"中文\", "
                        "\"English\" )",
                        what, i + 1);
        for (int k = 0; k < 3; k++) {
            v[k] = config_setting_get_string_elem(e, k);
            if (is_ascii_blank(v[k]))
                return fail(ld, e, "%s: choice %d has an empty string", what,
                            i + 1);
        }
        for (int j = 0; j < i; j++)
            if (strcmp(c[j].value, v[0]) == 0)
                return fail(ld, e, "%s: duplicate choice '%s'", what, v[0]);
        c[i].line = (int)config_setting_source_line(e);
        if (dup_string(ld, e, v[0], &c[i].value) < 0 ||
            dup_string(ld, e, v[1], &c[i].label.zh) < 0 ||
            dup_string(ld, e, v[2], &c[i].label.en) < 0)
            return -1;
    }
    return 0;
}

/* lookup_only = { column = "..."; values = [ "...", ... ]; } of a lookup
 * field (absent: every row). */
static int
parse_lookup_only(struct loader *ld, const config_setting_t *g,
                  const char *what, struct fielddef *f)
{
    config_setting_t *o, *vals;
    int n;

    if (member(ld, g, what, "lookup_only", K_GROUP, false, &o) < 0)
        return -1;
    if (o == NULL)
        return 0;
    if (check_keys(ld, o, what,
                   (const char *const[]){"column", "values", NULL}) < 0 ||
        get_name(ld, o, what, "column", true, &f->only_column) < 0 ||
        member(ld, o, what, "values", K_STRINGS, true, &vals) < 0)
        return -1;
    if ((n = length(vals)) <= 0)
        return fail(ld, vals, "%s: lookup_only has no values", what);
    if ((f->only_values = xcalloc((size_t)n, sizeof(char *))) == NULL)
        return fail(ld, vals, "out of memory");
    f->nonly = (size_t)n;
    for (int i = 0; i < n; i++) {
        const char *v = config_setting_get_string_elem(vals, i);

        if (is_ascii_blank(v))
            return fail(ld, vals, "%s: lookup_only value %d is empty", what,
                        i + 1);
        if (dup_string(ld, vals, v, &f->only_values[i]) < 0)
            return -1;
    }
    return 0;
}

/*
 * Parse field setting s into f, the n-th field of scope (fields[0..n-1]
 * are done). where says where it is when it has no name yet.
 */
static int
parse_field(struct loader *ld, const config_setting_t *s, const char *where,
            struct fielddef *fields, size_t n)
{
    struct fielddef *f = &fields[n];
    config_setting_t *ts;
    char what[128];
    const char *tname;
    size_t t;
    long v = 0;

    if (!is_kind(s, K_GROUP))
        return fail(ld, s, "%s must be a group { ... }", where);
    f->line = (int)config_setting_source_line(s);
    if (get_name(ld, s, where, "name", true, &f->name) < 0)
        return -1;
    snprintf(what, sizeof(what), "field '%s'", f->name);
    for (size_t i = 0; i < n; i++)
        if (strcmp(fields[i].name, f->name) == 0)
            return fail(ld, s, "duplicate field name '%s' (first on line %d)",
                        f->name, fields[i].line);

    if (member(ld, s, what, "type", K_STRING, true, &ts) < 0)
        return -1;
    tname = config_setting_get_string(ts);
    for (t = 0; t < NFIELD_TYPES; t++)
        if (strcmp(field_types[t].name, tname) == 0)
            break;
    if (t == NFIELD_TYPES)
        return fail(ld, ts,
                    "%s: unknown type '%s' (text, id_number, date, int, "
                    "money, bool, choice, lookup or phone)",
                    what, tname);
    f->type = field_types[t].type;

    for (int i = 0; i < length(s); i++) {
        const config_setting_t *m = config_setting_get_elem(s, i);
        const char *key = config_setting_name(m);
        size_t k;

        for (k = 0; k < NFIELD_KEYS; k++)
            if (strcmp(field_keys[k].key, key) == 0)
                break;
        if (k == NFIELD_KEYS)
            return fail(ld, m, "%s: unknown setting '%s'", what, key);
        if ((field_keys[k].types & TYPE_BIT(f->type)) == 0)
            return fail(ld, m, "%s: '%s' does not apply to a %s field", what,
                        key, tname);
    }

    if (get_label_pair(ld, s, what, true, &f->label) < 0 ||
        get_bool(ld, s, what, "required", false, &f->required) < 0 ||
        get_bool(ld, s, what, "read_only", false, &f->read_only) < 0 ||
        get_bool(ld, s, what, "no_spaces", false, &f->no_spaces) < 0)
        return -1;
    if (f->read_only && f->required)
        return fail(ld, s,
                    "%s: a read-only field is filled by the server and "
                    "cannot be required",
                    what);
    if (get_int(ld, s, what, "width", WIDTH_MIN, WIDTH_MAX, WIDTH_DEFAULT, &v) <
        0)
        return -1;
    f->width = (int)v;
    if (get_int(ld, s, what, "max_chars", 0, INT32_MAX, 0, &v) < 0)
        return -1;
    f->max_chars = (int)v;
    f->min = INT_FIELD_MIN;
    f->max = INT_FIELD_MAX;
    if (f->type == FT_INT) {
        if (get_int(ld, s, what, "min", LONG_MIN, LONG_MAX, INT_FIELD_MIN,
                    &f->min) < 0 ||
            get_int(ld, s, what, "max", LONG_MIN, LONG_MAX, INT_FIELD_MAX,
                    &f->max) < 0)
            return -1;
        if (f->min > f->max)
            return fail(ld, s, "%s: min %ld is greater than max %ld", what,
                        f->min, f->max);
    }
    if (f->type == FT_CHOICE &&
        parse_choice_list(ld, s, what, "choices", true, &f->choices,
                          &f->nchoices) < 0)
        return -1;
    if (f->type == FT_LOOKUP) {
        if (config_setting_get_member(s, "lookup") == NULL)
            return fail(ld, s, "%s is a lookup but names no lookup", what);
        if (get_name(ld, s, what, "lookup", true, &f->lookup) < 0 ||
            parse_lookup_only(ld, s, what, f) < 0)
            return -1;
    }
    if (get_name(ld, s, what, "birth_field", false, &f->birth_field) < 0 ||
        get_name(ld, s, what, "sex_field", false, &f->sex_field) < 0)
        return -1;
    return 0;
}

static const struct fielddef *
find_field(const struct fielddef *fields, size_t n, const char *name)
{
    if (fields == NULL || name == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (fields[i].name != NULL && strcmp(fields[i].name, name) == 0)
            return &fields[i];
    return NULL;
}

/* An error at a line of the file being parsed, found after parsing. */
static int fail_at_line(struct loader *ld, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail_at_line(struct loader *ld, int line, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    set_error_v(ld->err, ld->path, line, fmt, ap);
    va_end(ap);
    return -1;
}

/* birth_field / sex_field of every field name a date / choice of scope. */
static int
check_agreeing_fields(struct loader *ld, const struct fielddef *fields,
                      size_t n, const char *scope)
{
    for (size_t i = 0; i < n; i++) {
        const struct fielddef *f = &fields[i];
        const struct fielddef *o;

        if (f->birth_field != NULL) {
            o = find_field(fields, n, f->birth_field);
            if (o == NULL)
                return fail_at_line(
                    ld, f->line,
                    "field '%s': birth_field '%s' names no field %s", f->name,
                    f->birth_field, scope);
            if (o->type != FT_DATE)
                return fail_at_line(ld, f->line,
                                    "field '%s': birth_field '%s' is not a "
                                    "date field",
                                    f->name, f->birth_field);
        }
        if (f->sex_field != NULL) {
            o = find_field(fields, n, f->sex_field);
            if (o == NULL)
                return fail_at_line(
                    ld, f->line, "field '%s': sex_field '%s' names no field %s",
                    f->name, f->sex_field, scope);
            if (o->type != FT_CHOICE)
                return fail_at_line(ld, f->line,
                                    "field '%s': sex_field '%s' is not a "
                                    "choice field",
                                    f->name, f->sex_field);
        }
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Columns, summary, search */

/*
 * The list setting (a list of { field; width; zh; en; } groups) into
 * *cols / *ncols; each names a field of fields[0..nfields-1] or carries
 * its own label. what names the list in messages ("list", "grid
 * 'student': columns").
 */
static int
parse_columns(struct loader *ld, const config_setting_t *list, const char *what,
              const struct fielddef *fields, size_t nfields,
              struct columndef **cols, size_t *ncols)
{
    int n = length(list);

    if (n <= 0)
        return fail(ld, list, "%s: no columns", what);
    *cols = xcalloc((size_t)n, sizeof(**cols));
    if (*cols == NULL)
        return fail(ld, list, "out of memory");
    *ncols = (size_t)n;
    for (int i = 0; i < n; i++) {
        const config_setting_t *s = config_setting_get_elem(list, i);
        struct columndef *c = &(*cols)[i];
        const struct fielddef *f;
        char where[160], cwhat[160];
        long w = 0;

        snprintf(where, sizeof(where), "%s: column %d", what, i + 1);
        if (!is_kind(s, K_GROUP))
            return fail(ld, s, "%s must be a group { ... }", where);
        c->line = (int)config_setting_source_line(s);
        if (get_name(ld, s, where, "field", true, &c->field) < 0)
            return -1;
        snprintf(cwhat, sizeof(cwhat), "%s: column '%s'", what, c->field);
        if (check_keys(ld, s, cwhat, column_keys) < 0)
            return -1;
        for (int j = 0; j < i; j++)
            if (strcmp((*cols)[j].field, c->field) == 0)
                return fail(ld, s, "%s: duplicate column '%s'", what, c->field);
        if (get_label_pair(ld, s, cwhat, false, &c->label) < 0)
            return -1;
        f = find_field(fields, nfields, c->field);
        if (c->label.zh == NULL) {
            if (f == NULL)
                return fail(ld, s,
                            "%s: column '%s' names no field (a column that is "
                            "no field needs zh and en labels)",
                            what, c->field);
            if (dup_string(ld, s, f->label.zh, &c->label.zh) < 0 ||
                dup_string(ld, s, f->label.en, &c->label.en) < 0)
                return -1;
        }
        if (get_int(ld, s, cwhat, "width", WIDTH_MIN, WIDTH_MAX,
                    f != NULL ? f->width : WIDTH_DEFAULT, &w) < 0)
            return -1;
        c->width = (int)w;
    }
    return 0;
}

const struct fielddef *
formdef_grid_search_field(const struct formdef *f, const char *name,
                          size_t *grid)
{
    const char *dot = name != NULL ? strchr(name, '.') : NULL;

    if (f == NULL || dot == NULL)
        return NULL;
    for (size_t g = 0; g < f->ngrids; g++) {
        const struct griddef *gd = &f->grids[g];
        const struct fielddef *fd;

        if (strlen(gd->table) != (size_t)(dot - name) ||
            strncmp(gd->table, name, (size_t)(dot - name)) != 0)
            continue;
        fd = griddef_field(gd, dot + 1);
        if (fd == NULL || (fd->type != FT_TEXT && fd->type != FT_ID_NUMBER))
            return NULL;
        if (grid != NULL)
            *grid = g;
        return fd;
    }
    return NULL;
}

/* An optional array of strings, each naming a field (grids_of not NULL:
 * or "<grid table>.<field>", a text or ID number field of a grid). */
static int
parse_field_names(struct loader *ld, const config_setting_t *form,
                  const char *key, const struct fielddef *fields,
                  size_t nfields, const struct formdef *grids_of, char ***out,
                  size_t *nout)
{
    config_setting_t *arr;
    int n;

    if (member(ld, form, "form", key, K_STRINGS, false, &arr) < 0)
        return -1;
    if (arr == NULL || (n = length(arr)) <= 0)
        return 0;
    *out = xcalloc((size_t)n, sizeof(**out));
    if (*out == NULL)
        return fail(ld, arr, "out of memory");
    *nout = (size_t)n;
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(arr, i);
        const char *v = config_setting_get_string(e);

        if (find_field(fields, nfields, v) == NULL &&
            formdef_grid_search_field(grids_of, v, NULL) == NULL)
            return fail(ld, e, "%s names no field '%s'", key, v);
        for (int j = 0; j < i; j++)
            if (strcmp((*out)[j], v) == 0)
                return fail(ld, e, "%s names '%s' twice", key, v);
        if (dup_string(ld, e, v, &(*out)[i]) < 0)
            return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Sections and grids */

/* The fields list of section or grid g: a non-empty list. */
static int
fields_list(struct loader *ld, const config_setting_t *g, const char *what,
            config_setting_t **out)
{
    if (member(ld, g, what, "fields", K_LIST, true, out) < 0)
        return -1;
    if (length(*out) <= 0)
        return fail(ld, *out, "%s: no fields", what);
    return 0;
}

static int
parse_sections(struct loader *ld, const config_setting_t *form,
               struct formdef *f)
{
    config_setting_t *list, *fl;
    size_t total = 0, next = 0;
    int n;

    if (member(ld, form, "form", "sections", K_LIST, true, &list) < 0)
        return -1;
    n = length(list);
    if (n <= 0)
        return fail(ld, list, "form: no sections");

    /* First pass: the shape, and how many fields there are. */
    for (int i = 0; i < n; i++) {
        const config_setting_t *s = config_setting_get_elem(list, i);
        char what[64];

        snprintf(what, sizeof(what), "section %d", i + 1);
        if (!is_kind(s, K_GROUP))
            return fail(ld, s, "%s must be a group { ... }", what);
        if (check_keys(ld, s, what, section_keys) < 0 ||
            fields_list(ld, s, what, &fl) < 0)
            return -1;
        total += (size_t)length(fl);
    }
    f->sections = xcalloc((size_t)n, sizeof(*f->sections));
    f->fields = xcalloc(total, sizeof(*f->fields));
    if (f->sections == NULL || f->fields == NULL)
        return fail(ld, list, "out of memory");
    f->nsections = (size_t)n;
    f->nfields = total;

    for (int i = 0; i < n; i++) {
        const config_setting_t *s = config_setting_get_elem(list, i);
        struct sectiondef *sec = &f->sections[i];
        char what[64], where[96];

        snprintf(what, sizeof(what), "section %d", i + 1);
        if (get_title(ld, s, what, &sec->title) < 0)
            return -1;
        fl = config_setting_get_member(s, "fields");
        sec->first = next;
        sec->count = (size_t)length(fl);
        for (size_t j = 0; j < sec->count; j++, next++) {
            snprintf(where, sizeof(where), "section %d, field %zu", i + 1,
                     j + 1);
            if (parse_field(ld, config_setting_get_elem(fl, (unsigned)j), where,
                            f->fields, next) < 0)
                return -1;
        }
    }
    return check_agreeing_fields(ld, f->fields, f->nfields, "of this form");
}

static int
parse_grid(struct loader *ld, const config_setting_t *s, int index,
           struct formdef *f)
{
    struct griddef *g = &f->grids[index];
    config_setting_t *fl, *cl;
    char where[64], what[128], scope[128];
    int n;

    snprintf(where, sizeof(where), "grid %d", index + 1);
    if (!is_kind(s, K_GROUP))
        return fail(ld, s, "%s must be a group { ... }", where);
    g->line = (int)config_setting_source_line(s);
    if (get_name(ld, s, where, "table", true, &g->table) < 0)
        return -1;
    snprintf(what, sizeof(what), "grid '%s'", g->table);
    for (int i = 0; i < index; i++)
        if (strcmp(f->grids[i].table, g->table) == 0)
            return fail(ld, s, "duplicate grid '%s'", g->table);
    if (check_keys(ld, s, what, grid_keys) < 0 ||
        get_name(ld, s, what, "parent_key", true, &g->parent_key) < 0 ||
        get_title(ld, s, what, &g->title) < 0 ||
        fields_list(ld, s, what, &fl) < 0)
        return -1;

    n = length(fl);
    g->fields = xcalloc((size_t)n, sizeof(*g->fields));
    if (g->fields == NULL)
        return fail(ld, fl, "out of memory");
    g->nfields = (size_t)n;
    for (int i = 0; i < n; i++) {
        char fwhere[160];

        snprintf(fwhere, sizeof(fwhere), "%s, field %d", what, i + 1);
        if (parse_field(ld, config_setting_get_elem(fl, i), fwhere, g->fields,
                        (size_t)i) < 0)
            return -1;
    }
    if (find_field(g->fields, g->nfields, g->parent_key) != NULL)
        return fail(ld, s,
                    "%s: parent_key '%s' is set by the record, not a field",
                    what, g->parent_key);
    snprintf(scope, sizeof(scope), "of grid '%s'", g->table);
    if (check_agreeing_fields(ld, g->fields, g->nfields, scope) < 0)
        return -1;

    if (member(ld, s, what, "columns", K_LIST, true, &cl) < 0)
        return -1;
    snprintf(scope, sizeof(scope), "grid '%s' columns", g->table);
    return parse_columns(ld, cl, scope, g->fields, g->nfields, &g->columns,
                         &g->ncolumns);
}

static int
parse_grids(struct loader *ld, const config_setting_t *form, struct formdef *f)
{
    config_setting_t *list;
    int n;

    if (member(ld, form, "form", "grids", K_LIST, false, &list) < 0)
        return -1;
    if (list == NULL || (n = length(list)) <= 0)
        return 0;
    f->grids = xcalloc((size_t)n, sizeof(*f->grids));
    if (f->grids == NULL)
        return fail(ld, list, "out of memory");
    f->ngrids = (size_t)n;
    for (int i = 0; i < n; i++)
        if (parse_grid(ld, config_setting_get_elem(list, i), i, f) < 0)
            return -1;
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Files */

/*
 * Read path into cfg; on failure fill err (libconfig's own line and text
 * for a syntax error, the system's reason for a file that cannot be read)
 * and return -1.
 */
static int
read_config(config_t *cfg, const char *path, struct formdef_error *err)
{
    FILE *fp = fopen(path, "r");

    if (fp == NULL) {
        formdef_error_set(err, path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    fclose(fp);
    if (config_read_file(cfg, path) == CONFIG_TRUE)
        return 0;
    if (config_error_type(cfg) == CONFIG_ERR_FILE_IO)
        formdef_error_set(err, path, 0, "cannot read: %s", strerror(errno));
    else
        formdef_error_set(
            err, config_error_file(cfg) != NULL ? config_error_file(cfg) : path,
            config_error_line(cfg), "%s", config_error_text(cfg));
    return -1;
}

static int
parse_form(struct loader *ld, const config_t *cfg, struct formdef *f)
{
    const config_setting_t *root = config_root_setting(cfg);
    config_setting_t *form, *list;

    if (check_keys(ld, root, "top level", (const char *const[]){"form", NULL}) <
        0)
        return -1;
    if (member(ld, root, "top level", "form", K_GROUP, true, &form) < 0 ||
        check_keys(ld, form, "form", form_keys) < 0 ||
        get_name(ld, form, "form", "kind", true, &f->kind) < 0 ||
        get_name(ld, form, "form", "table", true, &f->table) < 0 ||
        get_title(ld, form, "form", &f->title) < 0 ||
        get_bool(ld, form, "form", "menu", true, &f->menu) < 0 ||
        parse_sections(ld, form, f) < 0 || parse_grids(ld, form, f) < 0)
        return -1;
    if (member(ld, form, "form", "list", K_LIST, true, &list) < 0 ||
        parse_columns(ld, list, "list", f->fields, f->nfields, &f->columns,
                      &f->ncolumns) < 0)
        return -1;
    if (parse_field_names(ld, form, "summary", f->fields, f->nfields, NULL,
                          &f->summary, &f->nsummary) < 0 ||
        parse_field_names(ld, form, "search", f->fields, f->nfields, f,
                          &f->search, &f->nsearch) < 0)
        return -1;
    return 0;
}

int
formdef_load(const char *path, struct formdef **out, struct formdef_error *err)
{
    struct loader ld = {path, err};
    struct formdef *f;
    config_t cfg;
    int rc = -1;

    *out = NULL;
    f = calloc(1, sizeof(*f));
    if (f == NULL) {
        formdef_error_set(err, path, 0, "out of memory");
        return -1;
    }
    config_init(&cfg);
    if (read_config(&cfg, path, err) < 0)
        goto cleanup;
    if ((f->path = strdup(path)) == NULL) {
        formdef_error_set(err, path, 0, "out of memory");
        goto cleanup;
    }
    if (parse_form(&ld, &cfg, f) < 0)
        goto cleanup;
    *out = f;
    f = NULL;
    rc = 0;
cleanup:
    config_destroy(&cfg);
    formdef_free(f);
    return rc;
}

static int
parse_lookup(struct loader *ld, const config_setting_t *s, int index,
             struct lookupset *l)
{
    struct lookupdef *d = &l->items[index];
    char where[64], what[128];
    bool known = false;

    snprintf(where, sizeof(where), "lookup %d", index + 1);
    if (!is_kind(s, K_GROUP))
        return fail(ld, s, "%s must be a group { ... }", where);
    d->line = (int)config_setting_source_line(s);
    if (get_name(ld, s, where, "name", true, &d->name) < 0)
        return -1;
    snprintf(what, sizeof(what), "lookup '%s'", d->name);
    for (int i = 0; i < index; i++)
        if (l->items[i].name != NULL && strcmp(l->items[i].name, d->name) == 0)
            return fail(ld, s, "duplicate lookup '%s' (first on line %d)",
                        d->name, l->items[i].line);
    if (check_keys(ld, s, what, lookup_keys) < 0 ||
        get_name(ld, s, what, "table", true, &d->table) < 0 ||
        get_name(ld, s, what, "key", true, &d->key) < 0 ||
        get_name(ld, s, what, "label", true, &d->label) < 0 ||
        get_name(ld, s, what, "detail", false, &d->detail) < 0 ||
        get_name(ld, s, what, "scope", true, &d->scope) < 0 ||
        parse_choice_list(ld, s, what, "detail_words", false, &d->words,
                          &d->nwords) < 0)
        return -1;
    for (size_t i = 0; lookup_scopes[i] != NULL && d->scope != NULL; i++)
        if (strcmp(lookup_scopes[i], d->scope) == 0)
            known = true;
    if (!known)
        return fail(ld, config_setting_get_member(s, "scope"),
                    "%s: unknown scope '%s' (township, mine or all)", what,
                    d->scope);
    return 0;
}

int
lookupset_load(const char *path, struct lookupset **out,
               struct formdef_error *err)
{
    struct loader ld = {path, err};
    struct lookupset *l;
    config_setting_t *root, *list;
    config_t cfg;
    int rc = -1, n;

    *out = NULL;
    l = calloc(1, sizeof(*l));
    if (l == NULL) {
        formdef_error_set(err, path, 0, "out of memory");
        return -1;
    }
    config_init(&cfg);
    if (read_config(&cfg, path, err) < 0)
        goto cleanup;
    if ((l->path = strdup(path)) == NULL) {
        formdef_error_set(err, path, 0, "out of memory");
        goto cleanup;
    }
    root = config_root_setting(&cfg);
    if (check_keys(&ld, root, "top level",
                   (const char *const[]){"lookups", NULL}) < 0 ||
        member(&ld, root, "top level", "lookups", K_LIST, true, &list) < 0)
        goto cleanup;
    n = length(list);
    if (n <= 0) {
        fail(&ld, list, "lookups: no lookups");
        goto cleanup;
    }
    l->items = calloc((size_t)n, sizeof(*l->items));
    if (l->items == NULL) {
        fail(&ld, list, "out of memory");
        goto cleanup;
    }
    l->count = (size_t)n;
    for (int i = 0; i < n; i++)
        if (parse_lookup(&ld, config_setting_get_elem(list, i), i, l) < 0)
            goto cleanup;
    *out = l;
    l = NULL;
    rc = 0;
cleanup:
    config_destroy(&cfg);
    lookupset_free(l);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Queries */

static int
check_field_lookups(const struct formdef *f, const struct fielddef *fields,
                    size_t n, const struct lookupset *l,
                    struct formdef_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (fields[i].type != FT_LOOKUP)
            continue;
        if (lookupset_find(l, fields[i].lookup) == NULL) {
            formdef_error_set(
                err, f->path, fields[i].line,
                "field '%s' names unknown lookup '%s' (not in %s)",
                fields[i].name, fields[i].lookup,
                l != NULL && l->path != NULL ? l->path : "the lookups");
            return -1;
        }
    }
    return 0;
}

int
formdef_check_lookups(const struct formdef *f, const struct lookupset *l,
                      struct formdef_error *err)
{
    if (check_field_lookups(f, f->fields, f->nfields, l, err) < 0)
        return -1;
    for (size_t g = 0; g < f->ngrids; g++)
        if (check_field_lookups(f, f->grids[g].fields, f->grids[g].nfields, l,
                                err) < 0)
            return -1;
    return 0;
}

const struct fielddef *
formdef_field(const struct formdef *f, const char *name)
{
    return f != NULL ? find_field(f->fields, f->nfields, name) : NULL;
}

bool
formdef_has_read_only(const struct formdef *f)
{
    for (size_t i = 0; f != NULL && i < f->nfields; i++)
        if (f->fields[i].read_only)
            return true;
    return false;
}

const struct fielddef *
griddef_field(const struct griddef *g, const char *name)
{
    return g != NULL ? find_field(g->fields, g->nfields, name) : NULL;
}

const char *
lookupdef_detail_text(const struct lookupdef *d, const char *v, bool zh)
{
    if (d == NULL || v == NULL)
        return v;
    for (size_t i = 0; i < d->nwords; i++)
        if (strcmp(d->words[i].value, v) == 0)
            return zh ? d->words[i].label.zh : d->words[i].label.en;
    return v;
}

const struct lookupdef *
lookupset_find(const struct lookupset *l, const char *name)
{
    if (l == NULL || name == NULL)
        return NULL;
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(l->items[i].name, name) == 0)
            return &l->items[i];
    return NULL;
}

const char *
label_text(const struct label *l, bool zh)
{
    const char *first, *second;

    if (l == NULL)
        return "";
    first = zh ? l->zh : l->en;
    second = zh ? l->en : l->zh;
    if (first != NULL)
        return first;
    return second != NULL ? second : "";
}

const char *
fielddef_choice_label(const struct fielddef *f, const char *v, bool zh)
{
    if (f == NULL || v == NULL)
        return v;
    for (size_t i = 0; i < f->nchoices; i++)
        if (strcmp(f->choices[i].value, v) == 0)
            return label_text(&f->choices[i].label, zh);
    return v;
}
