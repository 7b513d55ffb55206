/*
 * fieldcheck.c
 *   A form's choices, ranges and lengths against the server's rules (see
 *   fieldcheck.h): the values to ask about are gathered from the form and
 *   its grids, sent in one call of eduaid.field_refusals, and the text
 *   fields' max_chars compared with eduaid.field_lengths.
 */
#include "config.h"

#include "db/fieldcheck.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* One value to ask about: table.column = value, from line of the form. */
struct probe {
    const char *table, *column;
    char *value;
    const char *what; /* "choice", or the setting: "min", "max" */
    int line;
};

struct probes {
    struct probe *v;
    size_t n, cap;
    bool failed; /* out of memory */
};

static void
probes_free(struct probes *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i].value);
    free(p->v);
}

static void
probe_add(struct probes *p, const char *table, const char *column,
          const char *value, const char *what, int line)
{
    struct probe *pr;

    if (p->failed)
        return;
    if (p->n == p->cap) {
        size_t cap = p->cap > 0 ? p->cap * 2 : 32;
        struct probe *v = realloc(p->v, cap * sizeof(*v));

        if (v == NULL) {
            p->failed = true;
            return;
        }
        p->v = v;
        p->cap = cap;
    }
    pr = &p->v[p->n];
    if ((pr->value = strdup(value)) == NULL) {
        p->failed = true;
        return;
    }
    pr->table = table;
    pr->column = column;
    pr->what = what;
    pr->line = line;
    p->n++;
}

/* The values of the fields of one table (the form's or a grid's). */
static void
probe_fields(struct probes *p, const char *table, const struct fielddef *fields,
             size_t n)
{
    char num[32];

    for (size_t i = 0; i < n; i++) {
        const struct fielddef *d = &fields[i];

        if (d->read_only)
            continue;
        if (d->type == FT_CHOICE)
            for (size_t c = 0; c < d->nchoices; c++)
                probe_add(p, table, d->name, d->choices[c].value, "choice",
                          d->choices[c].line > 0 ? d->choices[c].line
                                                 : d->line);
        if (d->type == FT_INT) {
            snprintf(num, sizeof(num), "%ld", d->min);
            probe_add(p, table, d->name, num, "min", d->line);
            snprintf(num, sizeof(num), "%ld", d->max);
            probe_add(p, table, d->name, num, "max", d->line);
        }
    }
}

enum part { P_TABLE, P_COLUMN, P_VALUE };

static const char *
part_of(const struct probe *pr, enum part which)
{
    return which == P_TABLE    ? pr->table
           : which == P_COLUMN ? pr->column
                               : pr->value;
}

/* A PostgreSQL text[] literal of one part of every probe, or NULL when
 * out of memory. */
static char *
array_of(const struct probes *p, enum part which)
{
    size_t len = 3;
    char *s, *o;

    for (size_t i = 0; i < p->n; i++)
        len += 2 * strlen(part_of(&p->v[i], which)) + 3;
    if ((s = malloc(len)) == NULL)
        return NULL;
    o = s;
    *o++ = '{';
    for (size_t i = 0; i < p->n; i++) {
        if (i > 0)
            *o++ = ',';
        *o++ = '"';
        for (const char *v = part_of(&p->v[i], which); *v != '\0'; v++) {
            if (*v == '"' || *v == '\\')
                *o++ = '\\';
            *o++ = *v;
        }
        *o++ = '"';
    }
    *o++ = '}';
    *o = '\0';
    return s;
}

static void
set_no_memory(struct db_error *err)
{
    db_error_clear(err);
    err->status = DB_NO_MEMORY;
    snprintf(err->message, sizeof(err->message), "%s", "out of memory");
}

/* Say in ferr which probe the server refused (row 0 of r: n, refused_by). */
static void
report_refusal(const struct dbres *r, const struct formdef *f,
               const struct probes *p, struct formdef_error *ferr)
{
    const char *n = dbres_field(r, 0, "n"),
               *by = dbres_field(r, 0, "refused_by");
    long i = n != NULL ? strtol(n, NULL, 10) - 1 : -1;
    const struct probe *pr;

    if (by == NULL)
        by = "?";
    if (i < 0 || (size_t)i >= p->n) {
        formdef_error_set(ferr, f->path, 0,
                          _("the server refuses a limit (%s)"), by);
        return;
    }
    pr = &p->v[i];
    if (strcmp(pr->what, "choice") == 0)
        formdef_error_set(
            ferr, f->path, pr->line,
            _("field \"%s\": the server refuses the choice \"%s\" "
              "(eduaid.%s.%s: %s)"),
            pr->column, pr->value, pr->table, pr->column, by);
    else
        formdef_error_set(ferr, f->path, pr->line,
                          _("field \"%s\": the server refuses its %s %s "
                            "(eduaid.%s.%s: %s)"),
                          pr->column, pr->what, pr->value, pr->table,
                          pr->column, by);
}

/* Ask the server about every probe in one call; 0 when it takes them all. */
static int
check_probes(struct db *db, const struct formdef *f, const struct probes *p,
             struct formdef_error *ferr, struct db_error *err)
{
    char *arr[3] = {array_of(p, P_TABLE), array_of(p, P_COLUMN),
                    array_of(p, P_VALUE)};
    const char *params[3] = {arr[0], arr[1], arr[2]};
    struct dbres *r = NULL;
    int rc = -1;

    if (arr[0] == NULL || arr[1] == NULL || arr[2] == NULL)
        set_no_memory(err);
    else
        r = db_exec(db,
                    "SELECT n, refused_by FROM eduaid.field_refusals("
                    "$1::text[], $2::text[], $3::text[]) ORDER BY n",
                    3, params, err);
    if (r != NULL && r->nrows > 0)
        report_refusal(r, f, p, ferr);
    else if (r != NULL)
        rc = 0;
    dbres_free(r);
    for (int i = 0; i < 3; i++)
        free(arr[i]);
    return rc;
}

/* The server's limit of table.column in the rows of field_lengths, or 0. */
static long
length_of(const struct dbres *r, const char *table, const char *column)
{
    for (int i = 0; i < r->nrows; i++) {
        const char *t = dbres_field(r, i, "table_name"),
                   *c = dbres_field(r, i, "column_name"),
                   *m = dbres_field(r, i, "max_chars");

        if (t != NULL && c != NULL && m != NULL && strcmp(t, table) == 0 &&
            strcmp(c, column) == 0)
            return strtol(m, NULL, 10);
    }
    return 0;
}

/* Every text and phone field of one table within the server's lengths. */
static bool
lengths_fit(const struct dbres *r, const struct formdef *f, const char *table,
            const struct fielddef *fields, size_t n, struct formdef_error *ferr)
{
    for (size_t i = 0; i < n; i++) {
        const struct fielddef *d = &fields[i];
        long limit;

        if (d->read_only || (d->type != FT_TEXT && d->type != FT_PHONE))
            continue;
        limit = length_of(r, table, d->name);
        if (limit > 0 && (d->max_chars <= 0 || d->max_chars > limit)) {
            formdef_error_set(ferr, f->path, d->line,
                              _("field \"%s\": eduaid.%s.%s takes at most %ld "
                                "characters, so max_chars must be %ld or less"),
                              d->name, table, d->name, limit, limit);
            return false;
        }
    }
    return true;
}

static int
check_lengths(struct db *db, const struct formdef *f,
              struct formdef_error *ferr, struct db_error *err)
{
    struct dbres *r = db_exec(
        db,
        "SELECT table_name, column_name, max_chars FROM eduaid.field_lengths()",
        0, NULL, err);
    bool ok;

    if (r == NULL)
        return -1;
    ok = lengths_fit(r, f, f->table, f->fields, f->nfields, ferr);
    for (size_t g = 0; ok && g < f->ngrids; g++)
        ok = lengths_fit(r, f, f->grids[g].table, f->grids[g].fields,
                         f->grids[g].nfields, ferr);
    dbres_free(r);
    return ok ? 0 : -1;
}

int
fieldcheck_form(struct db *db, const struct formdef *f,
                struct formdef_error *ferr, struct db_error *err)
{
    struct probes p = {0};
    int rc;

    db_error_clear(err);
    if (ferr != NULL)
        memset(ferr, 0, sizeof(*ferr));
    probe_fields(&p, f->table, f->fields, f->nfields);
    for (size_t g = 0; g < f->ngrids; g++)
        probe_fields(&p, f->grids[g].table, f->grids[g].fields,
                     f->grids[g].nfields);
    if (p.failed) {
        probes_free(&p);
        set_no_memory(err);
        return -1;
    }
    rc = p.n > 0 ? check_probes(db, f, &p, ferr, err) : 0;
    probes_free(&p);
    if (rc == 0)
        rc = check_lengths(db, f, ferr, err);
    return rc;
}
