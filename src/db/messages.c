/*
 * messages.c
 *   The server's error table, read at login and looked up by constraint
 *   name and SQLSTATE (see messages.h): the rows sorted by key, found by
 *   binary search; the rules of one field (its hint) found by a walk.
 */
#include "config.h"

#include "db/messages.h"

#include <stdlib.h>
#include <string.h>

struct messages {
    struct message *rows; /* sorted by key (strcmp) */
    size_t n;
};

static int
cmp_rows(const void *a, const void *b)
{
    return strcmp(((const struct message *)a)->key,
                  ((const struct message *)b)->key);
}

static int
cmp_key(const void *key, const void *row)
{
    return strcmp(key, ((const struct message *)row)->key);
}

/* A copy of s, or NULL (and *failed) when out of memory; NULL stays NULL. */
static char *
copy(const char *s, bool *failed)
{
    char *c;

    if (s == NULL)
        return NULL;
    if ((c = strdup(s)) == NULL)
        *failed = true;
    return c;
}

void
messages_free(struct messages *m)
{
    if (m == NULL)
        return;
    for (size_t i = 0; i < m->n; i++) {
        free(m->rows[i].key);
        free(m->rows[i].zh);
        free(m->rows[i].en);
        free(m->rows[i].field);
        free(m->rows[i].table);
    }
    free(m->rows);
    free(m);
}

/* The column of r called name, or -1. */
static int
column(const struct dbres *r, const char *name)
{
    for (int c = 0; c < r->ncols; c++)
        if (strcmp(r->names[c], name) == 0)
            return c;
    return -1;
}

struct messages *
messages_from_rows(const struct dbres *r)
{
    struct messages *m;
    int ck = column(r, "key"), cz = column(r, "zh"), ce = column(r, "en"),
        cf = column(r, "field"), ct = column(r, "tbl"), /* optional */
        cr = column(r, "rule");                         /* optional */
    bool failed = false;

    if (ck < 0 || cz < 0 || ce < 0 || cf < 0)
        return NULL;
    if ((m = calloc(1, sizeof(*m))) == NULL)
        return NULL;
    if (r->nrows > 0 &&
        (m->rows = calloc((size_t)r->nrows, sizeof(*m->rows))) == NULL) {
        free(m);
        return NULL;
    }
    for (int i = 0; i < r->nrows; i++) {
        const char *key = dbres_get(r, i, ck), *zh = dbres_get(r, i, cz),
                   *en = dbres_get(r, i, ce);
        struct message *row = &m->rows[m->n];

        if (key == NULL || zh == NULL || en == NULL)
            continue; /* the table's NOT NULLs make this impossible */
        m->n++;
        row->key = copy(key, &failed);
        row->zh = copy(zh, &failed);
        row->en = copy(en, &failed);
        row->field = copy(dbres_get(r, i, cf), &failed);
        row->table = ct >= 0 ? copy(dbres_get(r, i, ct), &failed) : NULL;
        row->rule = cr >= 0 && dbres_get(r, i, cr) != NULL &&
                    strcmp(dbres_get(r, i, cr), "t") == 0;
    }
    if (failed) {
        messages_free(m);
        return NULL;
    }
    qsort(m->rows, m->n, sizeof(*m->rows), cmp_rows);
    return m;
}

struct messages *
messages_load(struct db *db, struct db_error *err)
{
    /* tbl: the table of a constraint or unique index of that name, else
     * the longest table name the key starts with (a name a function
     * raises: eduaid names rules <table>_<column>_<what>); NULL for a
     * SQLSTATE. */
    struct dbres *r = db_exec(
        db,
        "SELECT m.key, m.zh, m.en, m.field,"
        " CASE WHEN m.key ~ '^[a-z]' THEN coalesce("
        "  (SELECT t.relname::text FROM pg_catalog.pg_constraint c"
        "    JOIN pg_catalog.pg_class t ON t.oid = c.conrelid"
        "   WHERE c.conname = m.key"
        "     AND c.connamespace = 'eduaid'::regnamespace LIMIT 1),"
        "  (SELECT t.relname::text FROM pg_catalog.pg_index x"
        "    JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
        "    JOIN pg_catalog.pg_class t ON t.oid = x.indrelid"
        "   WHERE i.relname = m.key"
        "     AND i.relnamespace = 'eduaid'::regnamespace LIMIT 1),"
        "  (SELECT t.relname::text FROM pg_catalog.pg_class t"
        "   WHERE t.relnamespace = 'eduaid'::regnamespace AND t.relkind = 'r'"
        "     AND starts_with(m.key, t.relname || '_')"
        "   ORDER BY length(t.relname) DESC LIMIT 1)) END AS tbl,"
        " m.key ~ '^[a-z]' AND m.key !~ '_(fk|clean)$' AND coalesce("
        "  (SELECT c.contype = 'c' FROM pg_catalog.pg_constraint c"
        "   WHERE c.conname = m.key"
        "     AND c.connamespace = 'eduaid'::regnamespace LIMIT 1),"
        "  NOT EXISTS (SELECT FROM pg_catalog.pg_class i"
        "   WHERE i.relname = m.key AND i.relkind = 'i'"
        "     AND i.relnamespace = 'eduaid'::regnamespace)) AS rule"
        " FROM eduaid.message m",
        0, NULL, err);
    struct messages *m;

    if (r == NULL)
        return NULL;
    m = messages_from_rows(r);
    dbres_free(r);
    if (m == NULL) {
        db_error_clear(err);
        err->status = DB_NO_MEMORY;
        strcpy(err->message, "out of memory");
    }
    return m;
}

size_t
messages_count(const struct messages *m)
{
    return m != NULL ? m->n : 0;
}

static const struct message *
find_key(const struct messages *m, const char *key)
{
    if (m == NULL || m->n == 0 || key == NULL || key[0] == '\0')
        return NULL;
    return bsearch(key, m->rows, m->n, sizeof(*m->rows), cmp_key);
}

const struct message *
messages_find(const struct messages *m, const struct db_error *err)
{
    const struct message *row;

    if (err == NULL)
        return NULL;
    if ((row = find_key(m, err->constraint)) != NULL)
        return row;
    return find_key(m, err->sqlstate);
}

const char *
messages_text(const struct messages *m, const struct db_error *err, bool zh)
{
    const struct message *row = messages_find(m, err);

    if (row != NULL)
        return zh ? row->zh : row->en;
    if (err == NULL || err->message[0] == '\0')
        return NULL;
    if (err->constraint[0] != '\0' && strstr(err->message, err->constraint))
        return NULL;
    return err->message;
}

const char *
messages_field(const struct messages *m, const struct db_error *err)
{
    const struct message *row = messages_find(m, err);

    if (row == NULL || row->field == NULL ||
        strcmp(row->field, MESSAGES_WHOLE_RECORD) == 0)
        return NULL;
    return row->field;
}

/* Append s to buf (size bytes, holding n), a blank between sentences of
 * English; false when it does not fit whole. */
static bool
append(char *buf, size_t size, size_t *n, const char *s, bool zh)
{
    const char *sep = *n > 0 && !zh ? " " : "";
    size_t need = strlen(sep) + strlen(s);

    if (*n + need + 1 > size)
        return false;
    memcpy(buf + *n, sep, strlen(sep));
    memcpy(buf + *n + strlen(sep), s, strlen(s) + 1);
    *n += need;
    return true;
}

size_t
messages_hint(const struct messages *m, const char *table, const char *field,
              bool zh, char *buf, size_t size)
{
    size_t n = 0;

    if (size > 0)
        buf[0] = '\0';
    if (m == NULL || table == NULL || field == NULL || size == 0)
        return 0;
    for (size_t i = 0; i < m->n; i++) {
        const struct message *row = &m->rows[i];
        const char *s = zh ? row->zh : row->en;

        if (row->table == NULL || row->field == NULL || !row->rule ||
            strcmp(row->table, table) != 0 || strcmp(row->field, field) != 0)
            continue;
        if (strstr(buf, s) != NULL) /* two rules, one sentence */
            continue;
        if (!append(buf, size, &n, s, zh))
            break;
    }
    return n;
}
