/*
 * menucounts.c
 *   The main menu's numbers in one statement (menucounts.h): the parts
 *   joined by UNION ALL, every form's table quoted by db_quote_ident, the
 *   one value (returned_to_me's limit) a parameter.
 */
#include "config.h"

#include "db/menucounts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growing string; failed after the first allocation that failed. */
struct sql {
    char *s;
    size_t len, cap;
    bool failed;
};

static void
add(struct sql *q, const char *text)
{
    size_t n = strlen(text);

    if (q->failed)
        return;
    if (q->len + n + 1 > q->cap) {
        size_t cap = (q->len + n + 1) * 2;
        char *s = realloc(q->s, cap);

        if (s == NULL) {
            q->failed = true;
            return;
        }
        q->s = s;
        q->cap = cap;
    }
    memcpy(q->s + q->len, text, n + 1);
    q->len += n;
}

/* " UNION ALL " before every part but the first. */
static void
part(struct sql *q, const char *text)
{
    if (q->len > 0)
        add(q, " UNION ALL ");
    add(q, text);
}

static void
form_part(struct sql *q, struct db *db, size_t i, const char *table)
{
    char head[128];
    char *t = db_quote_ident(db, table);

    if (t == NULL) {
        q->failed = true;
        return;
    }
    snprintf(head, sizeof head,
             "SELECT 'form' AS item, %zu AS i, status::text AS key,"
             " count(*) AS n FROM eduaid.",
             i);
    part(q, head);
    add(q, t);
    add(q, " GROUP BY status");
    free(t);
}

struct dbres *
menucounts_fetch(struct db *db, const struct menucounts_want *w,
                 struct db_error *err)
{
    struct sql q = {0};
    const char *params[1] = {"500"};
    struct dbres *r = NULL;

    db_error_clear(err);
    for (size_t i = 0; i < w->nforms; i++)
        form_part(&q, db, i, w->forms[i]->table);
    if (w->queue)
        part(&q, "SELECT 'queue', o::int, kind, waiting::bigint"
                 " FROM eduaid.queue_counts() WITH ORDINALITY AS c(kind,"
                 " waiting, o)");
    if (w->returned)
        part(&q, "SELECT 'returned', 0, '', count(*)"
                 " FROM eduaid.returned_to_me($1::int)");
    if (w->notice)
        part(&q, "SELECT 'notice', 0, 'open', count(*) FROM eduaid.notice"
                 " WHERE closed_at IS NULL"
                 " UNION ALL SELECT 'notice', 0, 'pending', count(*)"
                 " FROM eduaid.notice_objection WHERE decision = 'pending'");
    if (w->transfers)
        part(&q, "SELECT 'transfer', 0, d.key, count(t.state)"
                 " FROM (VALUES ('in', 'out'), ('out', 'in')) AS d(key, other)"
                 " LEFT JOIN (SELECT state, direction FROM eduaid.transfers())"
                 " AS t ON t.state = 'pending' AND t.direction <> d.other"
                 " GROUP BY d.key");
    if (q.len > 0)
        add(&q, " ORDER BY 1, 2");
    if (q.failed)
        err->status = DB_NO_MEMORY;
    else if (q.len > 0)
        r = db_exec(db, q.s, w->returned ? 1 : 0, params, err);
    free(q.s);
    return r;
}

long long
menucounts_n(const struct dbres *r, const char *item, long i, const char *key)
{
    long long n = 0;

    if (r == NULL)
        return -1;
    for (int row = 0; row < r->nrows; row++) {
        const char *it = dbres_get(r, row, 0), *ix = dbres_get(r, row, 1),
                   *k = dbres_get(r, row, 2), *v = dbres_get(r, row, 3);

        if (it != NULL && ix != NULL && k != NULL && v != NULL &&
            strcmp(it, item) == 0 && strtol(ix, NULL, 10) == i &&
            strcmp(k, key) == 0)
            n += strtoll(v, NULL, 10);
    }
    return n;
}
