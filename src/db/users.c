/*
 * users.c
 *   Account requests and decisions (users.h): one call of a function of
 *   sql/018_accounts.sql each, every value a parameter. Township names are
 *   resolved to codes of the caller's county first; a password is turned
 *   into its SCRAM-SHA-256 verifier here, in the client, and wiped after
 *   use, so the plaintext never leaves this process.
 */
#include "config.h"

#include "db/users.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* A refusal of our own making (not the server's). */
static void users_error(struct db_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
users_error(struct db_error *err, const char *fmt, ...)
{
    va_list ap;

    db_error_clear(err);
    err->status = DB_ERROR;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

/* The one bigint a statement returns, or -1. */
static long long
one_id(struct db *db, const char *sql, int n, const char *const *params,
       struct db_error *err)
{
    struct dbres *r = db_exec(db, sql, n, params, err);
    long long id = -1;
    const char *v;

    if (r == NULL)
        return -1;
    v = dbres_get(r, 0, 0);
    if (v != NULL)
        id = strtoll(v, NULL, 10);
    dbres_free(r);
    if (id <= 0 && err->status == DB_OK)
        users_error(err, "%s", _("the server returned no request"));
    return id;
}

/*
 * The townships (codes or names) as an int[] literal "{a,b}" in a new
 * malloc'd string, or NULL with err filled in (a township that is not one
 * of the caller's county is refused here, by name).
 */
static char *
township_array(struct db *db, const char *const *townships, int n,
               struct db_error *err)
{
    static const char sql[] =
        "SELECT t.id FROM eduaid.township t "
        " WHERE (t.id::text = $1 OR t.name = $1) "
        "   AND t.county_id = coalesce(eduaid.my_account_county(), "
        "t.county_id) "
        " ORDER BY t.id";
    size_t cap = 3 + (size_t)n * 21;
    char *out = malloc(cap);
    size_t len = 0;

    if (out == NULL) {
        db_error_clear(err);
        err->status = DB_NO_MEMORY;
        snprintf(err->message, sizeof err->message, "out of memory");
        return NULL;
    }
    out[len++] = '{';
    for (int i = 0; i < n; i++) {
        const char *p[1] = {townships[i]};
        struct dbres *r = db_exec(db, sql, 1, p, err);
        const char *id;

        if (r == NULL) {
            free(out);
            return NULL;
        }
        if (r->nrows != 1 || (id = dbres_get(r, 0, 0)) == NULL) {
            dbres_free(r);
            free(out);
            users_error(err, _("no township \"%s\" in your county"),
                        townships[i]);
            return NULL;
        }
        len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? "," : "", id);
        dbres_free(r);
    }
    out[len++] = '}';
    out[len] = '\0';
    return out;
}

static void
wipe_free(char *s)
{
    if (s != NULL) {
        memset(s, 0, strlen(s));
        free(s);
    }
}

long long
users_request_create(struct db *db, const char *login, const char *full_name,
                     const char *role, const char *const *townships,
                     int ntownships, const char *password, struct db_error *err)
{
    char *arr = township_array(db, townships, ntownships, err);
    char *verifier = NULL;
    long long id = -1;

    if (arr == NULL)
        return -1;
    if (password != NULL &&
        (verifier = db_encrypt_password(db, password, login, err)) == NULL)
        goto cleanup;
    {
        const char *p[5] = {login, full_name, role, arr, verifier};

        id = one_id(db,
                    "SELECT eduaid.request_create($1, $2, $3, $4::int[], $5)",
                    5, p, err);
    }
cleanup:
    wipe_free(verifier);
    free(arr);
    return id;
}

long long
users_request_password(struct db *db, const char *login, const char *password,
                       struct db_error *err)
{
    char *verifier = db_encrypt_password(db, password, login, err);
    long long id;

    if (verifier == NULL)
        return -1;
    {
        const char *p[2] = {login, verifier};

        id = one_id(db, "SELECT eduaid.request_password($1, $2)", 2, p, err);
    }
    wipe_free(verifier);
    return id;
}

long long
users_request_townships(struct db *db, const char *login,
                        const char *const *townships, int ntownships,
                        struct db_error *err)
{
    char *arr = township_array(db, townships, ntownships, err);
    long long id;

    if (arr == NULL)
        return -1;
    {
        const char *p[2] = {login, arr};

        id = one_id(db, "SELECT eduaid.request_townships($1, $2::int[])", 2, p,
                    err);
    }
    free(arr);
    return id;
}

long long
users_request_enable(struct db *db, const char *login, struct db_error *err)
{
    const char *p[1] = {login};

    return one_id(db, "SELECT eduaid.request_enable($1)", 1, p, err);
}

int
users_approve(struct db *db, long long id, struct db_error *err)
{
    char buf[24];
    const char *p[1] = {buf};

    snprintf(buf, sizeof buf, "%lld", id);
    return db_command(db, "SELECT eduaid.approve_request($1::bigint)", 1, p,
                      err);
}

int
users_refuse(struct db *db, long long id, const char *reason,
             struct db_error *err)
{
    char buf[24];
    const char *p[2] = {buf, reason};

    snprintf(buf, sizeof buf, "%lld", id);
    return db_command(db, "SELECT eduaid.refuse_request($1::bigint, $2)", 2, p,
                      err);
}

int
users_disable(struct db *db, const char *login, int *ended,
              struct db_error *err)
{
    const char *p[1] = {login};
    struct dbres *r;
    const char *n;

    *ended = 0;
    if (db_command(db, "SELECT eduaid.disable_user($1)", 1, p, err) != 0)
        return -1;
    /* a statement of its own: disable_user has committed, so a session
     * ended now is refused when its client logs in again */
    r = db_exec(db, "SELECT eduaid.end_sessions($1) AS ended", 1, p, err);
    if (r == NULL)
        return -1;
    n = dbres_field(r, 0, "ended");
    *ended = n != NULL ? atoi(n) : 0;
    dbres_free(r);
    return 0;
}

int
users_pending(struct db *db, struct user_request_list *out,
              struct db_error *err)
{
    static const char sql[] =
        "SELECT r.id, r.action, r.login, coalesce(r.full_name, '') AS "
        "full_name, "
        "       coalesce(r.role, '') AS role, "
        "       coalesce(array_to_string(r.townships, ','), '') AS townships, "
        "       r.with_password, r.requested_by, "
        "       to_char(r.requested_at, 'YYYY-MM-DD HH24:MI') AS requested_at "
        "  FROM eduaid.account_request r "
        " WHERE r.status = 'pending' ORDER BY r.id";
    struct dbres *r;

    memset(out, 0, sizeof *out);
    r = db_exec(db, sql, 0, NULL, err);
    if (r == NULL)
        return -1;
    if (r->nrows > 0) {
        out->items = calloc((size_t)r->nrows, sizeof *out->items);
        if (out->items == NULL) {
            dbres_free(r);
            db_error_clear(err);
            err->status = DB_NO_MEMORY;
            snprintf(err->message, sizeof err->message, "out of memory");
            return -1;
        }
    }
    for (int i = 0; i < r->nrows; i++) {
        struct user_request *q = &out->items[i];
        const char *wp = dbres_field(r, i, "with_password");

        q->id = strtoll(dbres_field(r, i, "id"), NULL, 10);
        q->action = (char *)dbres_field(r, i, "action");
        q->login = (char *)dbres_field(r, i, "login");
        q->full_name = (char *)dbres_field(r, i, "full_name");
        q->role = (char *)dbres_field(r, i, "role");
        q->townships = (char *)dbres_field(r, i, "townships");
        q->with_password = wp != NULL && wp[0] == 't';
        q->requested_by = (char *)dbres_field(r, i, "requested_by");
        q->requested_at = (char *)dbres_field(r, i, "requested_at");
    }
    out->n = r->nrows;
    out->res_ = r;
    return 0;
}

void
users_requests_free(struct user_request_list *l)
{
    if (l == NULL)
        return;
    free(l->items);
    dbres_free(l->res_);
    memset(l, 0, sizeof *l);
}
