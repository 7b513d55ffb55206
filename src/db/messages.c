/*
 * messages.c
 *   The server's error table, read at login and looked up by constraint
 *   name and SQLSTATE (see messages.h): the rows sorted by key, found by
 *   binary search.
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
        cf = column(r, "field");
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
    struct dbres *r = db_exec(
        db, "SELECT key, zh, en, field FROM eduaid.message", 0, NULL, err);
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

    return row != NULL ? row->field : NULL;
}
