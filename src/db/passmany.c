/*
 * passmany.c
 *   The review steps of many records in one statement (passmany.h):
 *   eduaid.pass_many with the actions, kinds, ids and versions as four
 *   array parameters, and its rows of outcome back onto the items.
 */
#include "config.h"

#include "db/passmany.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char pass_many_sql[] =
    "SELECT p.ord, p.ok, p.version, p.sqlstate, p.message, p.detail, p.hint,"
    " p.constraint_name, p.table_name, p.column_name"
    " FROM eduaid.pass_many($1::text[], $2::text[], $3::bigint[], $4::int[])"
    " AS p ORDER BY p.ord";

/* A growing array literal. */
struct lit {
    char *s;
    size_t len, cap;
    bool failed;
};

static void
lit_addc(struct lit *l, char c)
{
    if (l->failed)
        return;
    if (l->len + 2 > l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        char *s = realloc(l->s, cap);

        if (s == NULL) {
            l->failed = true;
            return;
        }
        l->s = s;
        l->cap = cap;
    }
    l->s[l->len++] = c;
    l->s[l->len] = '\0';
}

/* Element v of an array literal, quoted ("..." with \ and " escaped),
 * after a comma unless first; NULL as NULL. */
static void
lit_add(struct lit *l, const char *v, bool first)
{
    if (!first)
        lit_addc(l, ',');
    if (v == NULL) {
        for (const char *p = "NULL"; *p; p++)
            lit_addc(l, *p);
        return;
    }
    lit_addc(l, '"');
    for (; *v; v++) {
        if (*v == '"' || *v == '\\')
            lit_addc(l, '\\');
        lit_addc(l, *v);
    }
    lit_addc(l, '"');
}

static void
copy_field(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src != NULL ? src : "");
}

/* Row r of res (pass_many_sql's) onto its item; false when it names
 * none. */
static bool
take_row(const struct dbres *res, int r, struct pass_item *items, size_t n)
{
    const char *ord = dbres_get(res, r, 0), *v;
    long k = ord != NULL ? strtol(ord, NULL, 10) - 1 : -1;
    struct pass_item *it;

    if (k < 0 || (size_t)k >= n)
        return false;
    it = &items[k];
    db_error_clear(&it->err);
    it->ok = (v = dbres_get(res, r, 1)) != NULL && strcmp(v, "t") == 0;
    it->new_version = (v = dbres_get(res, r, 2)) != NULL ? atoi(v) : 0;
    if (it->ok)
        return true;
    it->err.status = DB_ERROR;
    copy_field(it->err.sqlstate, sizeof it->err.sqlstate, dbres_get(res, r, 3));
    copy_field(it->err.message, sizeof it->err.message, dbres_get(res, r, 4));
    copy_field(it->err.detail, sizeof it->err.detail, dbres_get(res, r, 5));
    copy_field(it->err.hint, sizeof it->err.hint, dbres_get(res, r, 6));
    copy_field(it->err.constraint, sizeof it->err.constraint,
               dbres_get(res, r, 7));
    copy_field(it->err.table, sizeof it->err.table, dbres_get(res, r, 8));
    copy_field(it->err.column, sizeof it->err.column, dbres_get(res, r, 9));
    return true;
}

/* Every item refused with err (or "no answer" when err is NULL). */
static void
all_refused(struct pass_item *items, size_t n, const struct db_error *err)
{
    for (size_t i = 0; i < n; i++) {
        items[i].ok = false;
        if (err != NULL) {
            items[i].err = *err;
        } else {
            db_error_clear(&items[i].err);
            items[i].err.status = DB_ERROR;
            copy_field(items[i].err.message, sizeof items[i].err.message,
                       "the server gave no answer for this record");
        }
    }
}

int
pass_many(struct db *db, struct pass_item *items, size_t n,
          struct db_error *err)
{
    struct lit a[4] = {{0}};
    const char *params[4];
    struct dbres *res = NULL;
    int rc = -1;

    db_error_clear(err);
    for (int k = 0; k < 4; k++)
        lit_addc(&a[k], '{');
    for (size_t i = 0; i < n; i++) {
        char id[32], version[16];

        snprintf(id, sizeof id, "%lld", items[i].id);
        snprintf(version, sizeof version, "%d", items[i].version);
        lit_add(&a[0], items[i].action, i == 0);
        lit_add(&a[1], items[i].kind, i == 0);
        lit_add(&a[2], id, i == 0);
        lit_add(&a[3], items[i].version > 0 ? version : NULL, i == 0);
    }
    for (int k = 0; k < 4; k++) {
        lit_addc(&a[k], '}');
        if (a[k].failed) {
            if (err != NULL) {
                err->status = DB_NO_MEMORY;
                copy_field(err->message, sizeof err->message, "out of memory");
            }
            goto done;
        }
        params[k] = a[k].s;
    }
    if ((res = db_exec(db, pass_many_sql, 4, params, err)) == NULL)
        goto done;
    /* a row the server did not send says so, never "passed" */
    all_refused(items, n, NULL);
    for (int r = 0; r < res->nrows; r++)
        (void)take_row(res, r, items, n);
    rc = 0;
done:
    if (rc != 0)
        all_refused(items, n, err);
    dbres_free(res);
    for (int k = 0; k < 4; k++)
        free(a[k].s);
    return rc;
}
