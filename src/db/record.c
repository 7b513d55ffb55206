/*
 * record.c
 *   SQL built from form definitions (see record.h): list pages by keyset,
 *   loading a record with its grid rows, saving it in one transaction
 *   (idempotent insert by the client's UUID, update with a version check),
 *   workflow actions, lookups, the start-up catalog check, and mapping a
 *   server error back to the field it concerns.
 *
 *   Every identifier comes from a form definition and is quoted with
 *   db_quote_ident; every value travels as a parameter. Statements are
 *   built once per call in a growing buffer (struct sbuf) with their
 *   parameters (struct params); a failure to allocate either is remembered
 *   and reported once, as DB_NO_MEMORY, before anything is sent.
 *
 *   Columns a role may not read (supervisors and personal data) are read
 *   from their *_masked twins, and columns a role may not update are left
 *   out of UPDATEs: both learnt from has_column_privilege, so the client
 *   asks for nothing the server would refuse. Read-only fields (filled by
 *   the server, formdef.h) are read and never written.
 */
#include "config.h"

#include "db/record.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Rows per list page when the caller gives none, and the most we fetch. */
#define LIST_DEFAULT_LIMIT 50
#define LIST_MAX_LIMIT 1000

/* The column that scopes every record and grid row. */
#define TOWNSHIP_COLUMN "township_id"

/* ---- strings ------------------------------------------------------------ */

static char *
xstrdup(const char *s)
{
    size_t n;
    char *p;

    if (s == NULL)
        s = "";
    n = strlen(s) + 1;
    p = malloc(n);
    if (p != NULL)
        memcpy(p, s, n);
    return p;
}

static bool
ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);

    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* NULL or "": no value (not the blank-text rule, valid_is_blank). */
static bool
is_empty(const char *s)
{
    return s == NULL || *s == '\0';
}

/* A growing SQL text; failed is set once anything could not be added. */
struct sbuf {
    char *s;
    size_t len, cap;
    bool failed;
};

static void
sb_add(struct sbuf *b, const char *s)
{
    size_t n = strlen(s);

    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;

        while (b->len + n + 1 > cap)
            cap *= 2;
        p = realloc(b->s, cap);
        if (p == NULL) {
            b->failed = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

static void sb_addf(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
sb_addf(struct sbuf *b, const char *fmt, ...)
{
    char small[128];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        sb_add(b, small);
        return;
    }
    {
        char *big = malloc((size_t)n + 1);

        if (big == NULL) {
            b->failed = true;
            return;
        }
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        sb_add(b, big);
        free(big);
    }
}

/* Append ident, quoted for the server. */
static void
sb_ident(struct sbuf *b, struct db *db, const char *ident)
{
    char *q;

    if (b->failed)
        return;
    q = db_quote_ident(db, ident);
    if (q == NULL) {
        b->failed = true;
        return;
    }
    sb_add(b, q);
    free(q);
}

/* Append alias.ident ("r"."x" style, the alias being ours and plain). */
static void
sb_col(struct sbuf *b, struct db *db, const char *alias, const char *ident)
{
    sb_add(b, alias);
    sb_add(b, ".");
    sb_ident(b, db, ident);
}

/* Append eduaid.<table>. */
static void
sb_table(struct sbuf *b, struct db *db, const char *table)
{
    sb_add(b, "eduaid.");
    sb_ident(b, db, table);
}

static void
sb_free(struct sbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* The parameters of one statement ($1 is v[0]); copies, NULL is SQL NULL. */
struct params {
    char **v;
    int n, cap;
    bool failed;
};

/* Add a copy of value; its number ($n), or 0 after a failure. */
static int
par_add(struct params *p, const char *value)
{
    char *copy = NULL;

    if (p->failed)
        return 0;
    if (p->n == p->cap) {
        int cap = p->cap ? p->cap * 2 : 16;
        char **v = realloc(p->v, (size_t)cap * sizeof *v);

        if (v == NULL) {
            p->failed = true;
            return 0;
        }
        p->v = v;
        p->cap = cap;
    }
    if (value != NULL && (copy = xstrdup(value)) == NULL) {
        p->failed = true;
        return 0;
    }
    p->v[p->n++] = copy;
    return p->n;
}

static int
par_addll(struct params *p, long long value)
{
    char buf[32];

    snprintf(buf, sizeof buf, "%lld", value);
    return par_add(p, buf);
}

static void
par_free(struct params *p)
{
    for (int i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    p->v = NULL;
    p->n = p->cap = 0;
}

static const char *const *
par_values(const struct params *p)
{
    return (const char *const *)p->v;
}

/* ---- errors ------------------------------------------------------------- */

static void set_err(struct db_error *err, enum db_status status,
                    const char *sqlstate, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
set_err(struct db_error *err, enum db_status status, const char *sqlstate,
        const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return;
    db_error_clear(err);
    err->status = status;
    if (sqlstate != NULL)
        snprintf(err->sqlstate, sizeof err->sqlstate, "%s", sqlstate);
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

static void
set_no_memory(struct db_error *err)
{
    set_err(err, DB_NO_MEMORY, NULL, "out of memory");
}

/* True, with err set, when building sql or params failed. */
static bool
build_failed(const struct sbuf *b, const struct params *p, struct db_error *err)
{
    if (b->failed || (p != NULL && p->failed)) {
        set_no_memory(err);
        return true;
    }
    return false;
}

/* ---- form definitions ---------------------------------------------------- */

static const struct fielddef *
find_field(const struct fielddef *fields, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (fields[i].name != NULL && strcmp(fields[i].name, name) == 0)
            return &fields[i];
    return NULL;
}

static long
field_index(const struct fielddef *fields, size_t n, const char *name)
{
    const struct fielddef *fd = find_field(fields, n, name);

    return fd != NULL ? (long)(fd - fields) : -1;
}

static const struct lookupdef *
find_lookup(const struct lookupset *l, const char *name)
{
    if (l == NULL || name == NULL)
        return NULL;
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i].name != NULL && strcmp(l->items[i].name, name) == 0)
            return &l->items[i];
    return NULL;
}

/*
 * The parameter value of field fd holding v: "" (or NULL) means NULL for
 * every type but required text, which the server then refuses by name.
 */
static const char *
field_param(const struct fielddef *fd, const char *v)
{
    if (v == NULL)
        return fd->type == FT_TEXT && fd->required ? "" : NULL;
    if (*v == '\0' && !(fd->type == FT_TEXT && fd->required))
        return NULL;
    return v;
}

/*
 * A PostgreSQL array literal of n strings: {"a","b"} with " and \
 * escaped. malloc'd, or NULL.
 */
static char *
array_literal(const char *const *items, size_t n)
{
    struct sbuf b = {0};

    sb_add(&b, "{");
    for (size_t i = 0; i < n; i++) {
        sb_add(&b, i > 0 ? ",\"" : "\"");
        for (const char *s = items[i]; *s != '\0'; s++) {
            char c[3] = {'\\', *s, '\0'};

            sb_add(&b, (*s == '"' || *s == '\\') ? c : c + 1);
        }
        sb_add(&b, "\"");
    }
    sb_add(&b, "}");
    if (b.failed) {
        sb_free(&b);
        return NULL;
    }
    return b.s;
}

/* The tables of f: its own, then its grids' (n = 1 + f->ngrids). */
static const char **
form_tables(const struct formdef *f, size_t *n)
{
    const char **t = malloc((1 + f->ngrids) * sizeof *t);

    if (t == NULL)
        return NULL;
    t[0] = f->table;
    for (size_t g = 0; g < f->ngrids; g++)
        t[1 + g] = f->grids[g].table;
    *n = 1 + f->ngrids;
    return t;
}

/* ---- column privileges --------------------------------------------------- */

/*
 * What the session may do with each column of tables (schema eduaid): a
 * dbres of (relname, attname, may_select, may_update), or NULL with err.
 */
static const char privileges_sql[] =
    "SELECT c.relname::text, a.attname::text,"
    " pg_catalog.has_column_privilege(c.oid, a.attnum, 'SELECT'),"
    " pg_catalog.has_column_privilege(c.oid, a.attnum, 'UPDATE')"
    " FROM pg_catalog.pg_class c"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
    " WHERE n.nspname = 'eduaid' AND c.relname = ANY ($1::text[])"
    " AND a.attnum > 0 AND NOT a.attisdropped"
    " ORDER BY 1, 2";

static struct dbres *
column_privileges(struct db *db, const char *const *tables, size_t n,
                  struct db_error *err)
{
    char *arr = array_literal(tables, n);
    const char *params[1];
    struct dbres *r;

    if (arr == NULL) {
        set_no_memory(err);
        return NULL;
    }
    params[0] = arr;
    r = db_exec(db, privileges_sql, 1, params, err);
    free(arr);
    return r;
}

/*
 * The column privileges of a form's tables, kept per connection and user
 * (issue 16: not one round trip more per record opened or saved). They
 * change only when an administrator grants or revokes (a migration), and
 * the server stays the judge: opening a record reads them again in the
 * same round trip as the record and, when they moved, keeps the new ones
 * and reads the record again; a statement refused for a privilege
 * (42501) forgets them, so the next one reads them afresh.
 */
struct privs_kept {
    const struct db *db;
    char *user;   /* db_user() when kept */
    char *tables; /* the tables, as an array literal */
    struct dbres *privs;
};
#define PRIVS_KEPT_MAX 16
static struct privs_kept privs_kept[PRIVS_KEPT_MAX];
static bool privs_kept_atexit;

static void
privs_drop(struct privs_kept *k)
{
    free(k->user);
    free(k->tables);
    dbres_free(k->privs);
    memset(k, 0, sizeof *k);
}

static void
privs_forget_all(void)
{
    for (size_t i = 0; i < PRIVS_KEPT_MAX; i++)
        privs_drop(&privs_kept[i]);
}

/* The entry of db (as its user) for tables (an array literal), or NULL. */
static struct privs_kept *
privs_find(const struct db *db, const char *tables)
{
    for (size_t i = 0; i < PRIVS_KEPT_MAX; i++) {
        struct privs_kept *k = &privs_kept[i];

        if (k->privs != NULL && k->db == db &&
            strcmp(k->user, db_user(db) ? db_user(db) : "") == 0 &&
            strcmp(k->tables, tables) == 0)
            return k;
    }
    return NULL;
}

/* Keep privs (taken over: freed here, also when it cannot be kept) as
 * db's for tables; the kept dbres, or NULL. */
static const struct dbres *
privs_keep(const struct db *db, const char *tables, struct dbres *privs)
{
    struct privs_kept *k = privs_find(db, tables);

    if (k == NULL)
        for (size_t i = 0; i < PRIVS_KEPT_MAX && k == NULL; i++)
            if (privs_kept[i].privs == NULL)
                k = &privs_kept[i];
    if (k == NULL)
        k = &privs_kept[0]; /* full: the first one goes */
    privs_drop(k);
    if (!privs_kept_atexit)
        privs_kept_atexit = atexit(privs_forget_all) == 0;
    k->db = db;
    k->user = xstrdup(db_user(db) ? db_user(db) : "");
    k->tables = xstrdup(tables);
    k->privs = privs;
    if (k->user == NULL || k->tables == NULL) {
        privs_drop(k);
        return NULL;
    }
    return privs;
}

/* Forget what was kept for db after a refusal for a privilege. */
static void
privs_refused(const struct db *db, const struct db_error *err)
{
    if (err == NULL || strcmp(err->sqlstate, "42501") != 0)
        return;
    for (size_t i = 0; i < PRIVS_KEPT_MAX; i++)
        if (privs_kept[i].db == db)
            privs_drop(&privs_kept[i]);
}

/* The same answer (the rows are read in one order). */
static bool
privs_same(const struct dbres *a, const struct dbres *b)
{
    if (a->nrows != b->nrows || a->ncols != b->ncols)
        return false;
    for (int i = 0; i < a->nrows * a->ncols; i++) {
        const char *x = a->values[i], *y = b->values[i];

        if ((x == NULL) != (y == NULL) || (x != NULL && strcmp(x, y) != 0))
            return false;
    }
    return true;
}

/* f's tables as an array literal (new), or NULL. */
static char *
form_tables_literal(const struct formdef *f)
{
    size_t n;
    const char **t = form_tables(f, &n);
    char *arr = t != NULL ? array_literal(t, n) : NULL;

    free(t);
    return arr;
}

/*
 * The column privileges of f's tables: kept, or read (one round trip)
 * and kept. Not the caller's to free; valid until the next call here or
 * a refusal. NULL with err.
 */
static const struct dbres *
form_privileges(struct db *db, const struct formdef *f, struct db_error *err)
{
    char *arr = form_tables_literal(f);
    const char *params[1] = {arr};
    struct privs_kept *k;
    const struct dbres *kept = NULL;
    struct dbres *r;

    if (arr == NULL) {
        set_no_memory(err);
        return NULL;
    }
    if ((k = privs_find(db, arr)) != NULL) {
        free(arr);
        return k->privs;
    }
    if ((r = db_exec(db, privileges_sql, 1, params, err)) != NULL &&
        (kept = privs_keep(db, arr, r)) == NULL)
        set_no_memory(err);
    free(arr);
    return kept;
}

/* Which privilege a question asks about. */
enum priv { PRIV_EXISTS = -1, PRIV_SELECT = 2, PRIV_UPDATE = 3 };

/*
 * Whether column table.col has privilege p in privs. A column privs does
 * not list is taken as allowed (the server names it if it is missing);
 * with PRIV_EXISTS, whether it is listed at all.
 */
static bool
col_may(const struct dbres *privs, const char *table, const char *col,
        enum priv p)
{
    if (privs == NULL)
        return p != PRIV_EXISTS;
    for (int i = 0; i < privs->nrows; i++) {
        const char *t = dbres_get(privs, i, 0), *c = dbres_get(privs, i, 1);

        if (t != NULL && c != NULL && strcmp(t, table) == 0 &&
            strcmp(c, col) == 0) {
            const char *v;

            if (p == PRIV_EXISTS)
                return true;
            v = dbres_get(privs, i, (int)p);
            return v != NULL && strcmp(v, "t") == 0;
        }
    }
    return p != PRIV_EXISTS;
}

/*
 * Append the select-list expression of field fd of table (alias a) as
 * plain text: dates as ISO, a column the session may not read as its
 * *_masked twin when there is one (else NULL), named after the field.
 */
static void
sb_field_value(struct sbuf *b, struct db *db, const struct dbres *privs,
               const char *table, const char *a, const struct fielddef *fd)
{
    if (privs != NULL && !col_may(privs, table, fd->name, PRIV_SELECT)) {
        size_t n = strlen(fd->name) + sizeof "_masked";
        char *masked = malloc(n);

        if (masked == NULL) {
            b->failed = true;
            return;
        }
        snprintf(masked, n, "%s_masked", fd->name);
        if (col_may(privs, table, masked, PRIV_EXISTS) &&
            col_may(privs, table, masked, PRIV_SELECT)) {
            sb_col(b, db, a, masked);
            sb_add(b, "::text");
        } else {
            sb_add(b, "NULL::text");
        }
        free(masked);
    } else if (fd->type == FT_DATE) {
        sb_add(b, "to_char(");
        sb_col(b, db, a, fd->name);
        sb_add(b, ", 'YYYY-MM-DD')");
    } else {
        sb_col(b, db, a, fd->name);
    }
    sb_add(b, " AS ");
    sb_ident(b, db, fd->name);
}

/* ---- records in memory --------------------------------------------------- */

/* 16 random bytes as a version 4 UUID (RFC 4122) in out[37]. */
static void
make_uuid(char out[37])
{
    unsigned char u[16];
    bool have = false;
    FILE *fp = fopen("/dev/urandom", "rb");

    if (fp != NULL) {
        have = fread(u, 1, sizeof u, fp) == sizeof u;
        fclose(fp);
    }
    if (!have) {
        /* splitmix64 over the time, the process and a counter */
        static uint64_t counter;
        struct timespec ts;
        uint64_t x;

        clock_gettime(CLOCK_REALTIME, &ts);
        x = (uint64_t)ts.tv_sec * 1000000007u ^ (uint64_t)ts.tv_nsec ^
            ((uint64_t)getpid() << 32) ^ (uint64_t)clock() ^ ++counter;
        for (int i = 0; i < 16; i++) {
            uint64_t z;

            if (i % 8 == 0) {
                x += 0x9E3779B97F4A7C15u;
            }
            z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
            z ^= z >> 31;
            u[i] = (unsigned char)(z >> (8 * (i % 8)));
        }
    }
    u[6] = (unsigned char)((u[6] & 0x0F) | 0x40);
    u[8] = (unsigned char)((u[8] & 0x3F) | 0x80);
    snprintf(out, 37,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
             "%02x%02x%02x%02x%02x%02x",
             u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10],
             u[11], u[12], u[13], u[14], u[15]);
}

static void
free_values(char **values, size_t n)
{
    if (values == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        free(values[i]);
    free(values);
}

/* n empty strings, or NULL. */
static char **
empty_values(size_t n)
{
    char **v = calloc(n > 0 ? n : 1, sizeof *v);

    if (v == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if ((v[i] = xstrdup("")) == NULL) {
            free_values(v, n);
            return NULL;
        }
    return v;
}

static void
free_grid_rows(struct grid_rows *gr, size_t nfields)
{
    for (size_t i = 0; i < gr->count; i++)
        free_values(gr->rows[i].values, nfields);
    free(gr->rows);
    gr->rows = NULL;
    gr->count = gr->cap = 0;
}

struct record *
record_new(const struct formdef *f)
{
    struct record *r;

    if (f == NULL)
        return NULL;
    r = calloc(1, sizeof *r);
    if (r == NULL)
        return NULL;
    r->form = f;
    r->values = empty_values(f->nfields);
    r->grids = calloc(f->ngrids > 0 ? f->ngrids : 1, sizeof *r->grids);
    if (r->values == NULL || r->grids == NULL) {
        record_free(r);
        return NULL;
    }
    make_uuid(r->uuid);
    return r;
}

void
record_free(struct record *r)
{
    if (r == NULL)
        return;
    free_values(r->values, r->form->nfields);
    if (r->grids != NULL)
        for (size_t g = 0; g < r->form->ngrids; g++)
            free_grid_rows(&r->grids[g], r->form->grids[g].nfields);
    free(r->grids);
    free(r->reason);
    free(r);
}

bool
record_set(struct record *r, size_t field, const char *value)
{
    char *copy;

    if (r == NULL || field >= r->form->nfields)
        return false;
    copy = xstrdup(value);
    if (copy == NULL)
        return false;
    free(r->values[field]);
    r->values[field] = copy;
    return true;
}

/* Append a row of empty values to gr; its index, or -1. */
static int
grid_append(struct grid_rows *gr, size_t nfields)
{
    char **values;

    if (gr->count == gr->cap) {
        size_t cap = gr->cap ? gr->cap * 2 : 4;
        struct grid_row *rows = realloc(gr->rows, cap * sizeof *rows);

        if (rows == NULL)
            return -1;
        gr->rows = rows;
        gr->cap = cap;
    }
    values = empty_values(nfields);
    if (values == NULL)
        return -1;
    gr->rows[gr->count] = (struct grid_row){.values = values};
    return (int)gr->count++;
}

int
record_add_row(struct record *r, size_t g)
{
    int i;

    if (r == NULL || g >= r->form->ngrids)
        return -1;
    i = grid_append(&r->grids[g], r->form->grids[g].nfields);
    if (i >= 0)
        r->grids[g].rows[i].changed = true;
    return i;
}

/* ---- list pages ---------------------------------------------------------- */

/* How a search field matches the search text. */
enum match {
    MATCH_NONE,
    MATCH_UPPER_EQ,
    MATCH_EQ,
    MATCH_TEXT_EQ,
    MATCH_PREFIX
};

static enum match
search_match(const struct fielddef *fd)
{
    switch (fd->type) {
    case FT_ID_NUMBER:
        return MATCH_UPPER_EQ;
    case FT_TEXT:
        /* registry numbers (household_no, certificate_no ...) are exact */
        if (ends_with(fd->name, "_no") || ends_with(fd->name, "_number") ||
            ends_with(fd->name, "_code"))
            return MATCH_UPPER_EQ;
        return MATCH_PREFIX;
    case FT_PHONE:
        return MATCH_EQ;
    case FT_LOOKUP:
        return MATCH_PREFIX; /* on the lookup's label */
    case FT_INT:
    case FT_MONEY:
    case FT_DATE:
    case FT_CHOICE:
        return MATCH_TEXT_EQ;
    case FT_BOOL:
    default:
        return MATCH_NONE;
    }
}

/* The search text without surrounding ASCII white space (malloc'd). */
static char *
trimmed(const char *s)
{
    const char *e;
    char *p;

    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    e = s + strlen(s);
    while (e > s &&
           (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
        e--;
    p = malloc((size_t)(e - s) + 1);
    if (p != NULL) {
        memcpy(p, s, (size_t)(e - s));
        p[e - s] = '\0';
    }
    return p;
}

/* Lookup joins of a list query: one per FT_LOOKUP field shown or searched. */
struct joins {
    const struct fielddef *field[64];
    const struct lookupdef *lookup[64];
    size_t n;
};

/* The alias number of fd's join, adding it; -1 when fd needs none. */
static int
join_for(struct joins *j, const struct fielddef *fd, const struct lookupset *l)
{
    const struct lookupdef *d;

    if (fd == NULL || fd->type != FT_LOOKUP)
        return -1;
    for (size_t i = 0; i < j->n; i++)
        if (j->field[i] == fd)
            return (int)i;
    d = find_lookup(l, fd->lookup);
    if (d == NULL || j->n == sizeof j->field / sizeof j->field[0])
        return -1;
    j->field[j->n] = fd;
    j->lookup[j->n] = d;
    return (int)j->n++;
}

/* Whether the search needs the privilege check: an ID number field, or
 * any grid's field ("student.name"). */
static bool
search_has_id(const struct formdef *f)
{
    for (size_t i = 0; i < f->nsearch; i++) {
        const struct fielddef *fd =
            find_field(f->fields, f->nfields, f->search[i]);

        if (fd == NULL && formdef_grid_search_field(f, f->search[i], NULL))
            return true; /* a grid's columns: checked one by one */
        if (fd != NULL && fd->type == FT_ID_NUMBER)
            return true;
    }
    return false;
}

/* The column privileges on the record's table and its grids' tables. */
static struct dbres *
search_privileges(struct db *db, const struct formdef *f, struct db_error *err)
{
    const char *t[16];
    size_t n = 0;

    t[n++] = f->table;
    for (size_t g = 0; g < f->ngrids && n < sizeof t / sizeof t[0]; g++)
        t[n++] = f->grids[g].table;
    return column_privileges(db, t, n, err);
}

/*
 * Search terms are leakproof comparisons only (sql/055_search_indexes.sql):
 * under row-level security the planner applies a non-leakproof one (LIKE,
 * a cast to text) after the policy, as a filter over every row the caller
 * may see, where a leakproof one joins the policy's township condition in
 * an index that leads with township_id. A prefix is a range in "C" order,
 * $n <= col < $n || U+10FFFF; a lookup's label or a grid's column is a
 * list of keys, `= ANY (ARRAY(SELECT ...))`, read from that table's own
 * index once per statement.
 */
static void
sb_prefix_range(struct sbuf *w, struct db *db, const char *alias,
                const char *col, int n)
{
    sb_add(w, "(");
    sb_col(w, db, alias, col);
    sb_addf(w, "::text COLLATE \"C\" >= $%d AND ", n);
    sb_col(w, db, alias, col);
    sb_addf(w, "::text COLLATE \"C\" < $%d || chr(1114111))", n);
}

/* col's *_masked twin when privs lets the session read it and not col:
 * its name (malloc'd); NULL otherwise (*failed on no memory). */
static char *
masked_twin(const struct dbres *privs, const char *table, const char *col,
            bool *failed)
{
    size_t n = strlen(col) + sizeof "_masked";
    char *masked;

    if (privs == NULL || col_may(privs, table, col, PRIV_SELECT))
        return NULL;
    masked = malloc(n);
    if (masked == NULL) {
        *failed = true;
        return NULL;
    }
    snprintf(masked, n, "%s_masked", col);
    if (col_may(privs, table, masked, PRIV_EXISTS) &&
        col_may(privs, table, masked, PRIV_SELECT))
        return masked;
    free(masked);
    return NULL;
}

/* Append "alias.col = <the search's ID number>": upper-cased when the
 * session reads col, else the masked twin with the visible digits only
 * (eduaid.search_masked_id: a full ID number matches nothing); false when
 * the session reads neither. */
static bool
sb_id_term(struct sbuf *w, struct db *db, const struct dbres *privs,
           const char *table, const char *alias, const char *col, int eq)
{
    char *masked;

    if (privs == NULL || col_may(privs, table, col, PRIV_SELECT)) {
        sb_col(w, db, alias, col);
        sb_addf(w, " = upper($%d)", eq);
        return true;
    }
    masked = masked_twin(privs, table, col, &w->failed);
    if (masked == NULL)
        return false;
    sb_col(w, db, alias, masked);
    sb_addf(w, " = eduaid.search_masked_id($%d)", eq);
    free(masked);
    return true;
}

/*
 * A search term over grid rows (search entry "student.name"): r.id is
 * one of the parent keys of the grid's rows whose field starts with the
 * search text (text) or equals it upper-cased (ID number; its masked twin
 * by the visible digits for a session that reads only that); only
 * columns the session may read. RLS applies to the rows as the caller.
 * false when the term is left out; *prefix / *eq: the parameter (the
 * search text), added once.
 */
static bool
grid_search_term(struct sbuf *where, struct params *p, struct db *db,
                 const struct formdef *f, const char *entry,
                 const struct dbres *privs, const char *search, int *prefix,
                 int *eq)
{
    size_t g;
    const struct fielddef *fd = formdef_grid_search_field(f, entry, &g);
    const struct griddef *gd;
    struct sbuf cond = {0};
    bool ok;

    if (fd == NULL || (fd->type != FT_TEXT && fd->type != FT_ID_NUMBER))
        return false;
    gd = &f->grids[g];
    if (privs == NULL ||
        !col_may(privs, gd->table, gd->parent_key, PRIV_SELECT))
        return false;
    if (fd->type == FT_TEXT) {
        if (!col_may(privs, gd->table, fd->name, PRIV_SELECT))
            return false;
        if (*prefix == 0)
            *prefix = par_add(p, search);
        sb_prefix_range(&cond, db, "g", fd->name, *prefix);
        ok = true;
    } else {
        if (*eq == 0)
            *eq = par_add(p, search);
        ok = sb_id_term(&cond, db, privs, gd->table, "g", fd->name, *eq);
    }
    if (ok && cond.s != NULL) {
        sb_add(where, "r.id = ANY (ARRAY(SELECT ");
        sb_col(where, db, "g", gd->parent_key);
        sb_add(where, " FROM ");
        sb_table(where, db, gd->table);
        sb_add(where, " g WHERE ");
        sb_add(where, cond.s);
        sb_add(where, "))");
    }
    if (cond.failed)
        where->failed = true;
    sb_free(&cond);
    return ok;
}

/* Append the term of a lookup field searched by its label's prefix:
 * r.<field> is one of the keys whose label starts with $n. */
static void
sb_lookup_term(struct sbuf *w, struct db *db, const struct fielddef *fd,
               const struct lookupdef *d, int n)
{
    sb_col(w, db, "r", fd->name);
    sb_add(w, " = ANY (ARRAY(SELECT ");
    sb_col(w, db, "lk", d->key);
    sb_add(w, " FROM ");
    sb_table(w, db, d->table);
    sb_add(w, " lk WHERE ");
    sb_prefix_range(w, db, "lk", d->label, n);
    sb_add(w, "))");
}

/* Whether s is a whole number a bigint holds (optional minus, 1-18
 * digits): only then is an integer field compared with it. */
static bool
is_integer(const char *s)
{
    size_t n = 0;

    if (*s == '-')
        s++;
    for (; s[n] != '\0'; n++)
        if (s[n] < '0' || s[n] > '9')
            return false;
    return n > 0 && n <= 18;
}

/* The search's terms (without the surrounding AND): each readable search
 * field of f, OR'd; false as the whole when none applies. */
static void
sb_search_terms(struct sbuf *where, struct params *p, struct db *db,
                const struct formdef *f, const struct lookupset *l,
                const struct dbres *privs, const char *search)
{
    int eq = 0, prefix = 0, num = 0, terms = 0;

    sb_add(where, " AND (");
    for (size_t i = 0; i < f->nsearch; i++) {
        const struct fielddef *fd =
            find_field(f->fields, f->nfields, f->search[i]);
        enum match m = fd != NULL ? search_match(fd) : MATCH_NONE;
        struct sbuf term = {0};
        bool ok = true;

        if (fd == NULL) {
            ok = grid_search_term(&term, p, db, f, f->search[i], privs, search,
                                  &prefix, &eq);
        } else if (m == MATCH_NONE) {
            ok = false;
        } else if (m == MATCH_PREFIX) {
            const struct lookupdef *d =
                fd->type == FT_LOOKUP ? find_lookup(l, fd->lookup) : NULL;

            if (prefix == 0)
                prefix = par_add(p, search);
            if (d != NULL)
                sb_lookup_term(&term, db, fd, d, prefix);
            else
                sb_prefix_range(&term, db, "r", fd->name, prefix);
        } else if (m == MATCH_UPPER_EQ) {
            if (eq == 0)
                eq = par_add(p, search);
            ok = sb_id_term(&term, db, privs, f->table, "r", fd->name, eq);
        } else if (m == MATCH_TEXT_EQ && fd->type == FT_INT) {
            /* int = bigint is leakproof; a cast of the column to text not */
            if (!is_integer(search)) {
                ok = false;
            } else {
                if (num == 0)
                    num = par_add(p, search);
                sb_col(&term, db, "r", fd->name);
                sb_addf(&term, " = $%d::bigint", num);
            }
        } else {
            if (eq == 0)
                eq = par_add(p, search);
            sb_col(&term, db, "r", fd->name);
            sb_addf(&term, m == MATCH_EQ ? " = $%d" : "::text = $%d", eq);
        }
        if (ok && term.s != NULL) {
            sb_add(where, terms++ > 0 ? " OR " : "");
            sb_add(where, term.s);
        }
        if (term.failed)
            where->failed = true;
        sb_free(&term);
    }
    sb_add(where, terms > 0 ? ")" : "false)");
}

struct dbres *
record_list_page(struct db *db, const struct formdef *f,
                 const struct lookupset *l, const struct list_query *q,
                 struct db_error *err)
{
    static const struct list_query none = {0};
    struct sbuf b = {0}, where = {0};
    struct params p = {0};
    struct joins j = {.n = 0};
    struct dbres *privs = NULL, *res = NULL;
    char *search = NULL;
    int limit;

    db_error_clear(err);
    if (db == NULL || f == NULL) {
        set_err(err, DB_ERROR, NULL, "no database or form");
        return NULL;
    }
    if (q == NULL)
        q = &none;
    limit = q->limit > 0 ? q->limit : LIST_DEFAULT_LIMIT;
    if (limit > LIST_MAX_LIMIT)
        limit = LIST_MAX_LIMIT;
    if (q->search != NULL && (search = trimmed(q->search)) == NULL) {
        set_no_memory(err);
        return NULL;
    }
    if (search != NULL && *search == '\0') {
        free(search);
        search = NULL;
    }
    /* ID numbers are searched only by those who may read them */
    if (search != NULL && search_has_id(f)) {
        privs = search_privileges(db, f, err);
        if (privs == NULL)
            goto cleanup;
    }

    /* WHERE first: it decides the joins and the parameter numbers */
    sb_add(&where, " WHERE true");
    if (!is_empty(q->status))
        sb_addf(&where, " AND r.status = $%d", par_add(&p, q->status));
    if (q->township_id != 0)
        sb_addf(&where, " AND r.township_id = $%d",
                par_addll(&p, q->township_id));
    if (search != NULL)
        sb_search_terms(&where, &p, db, f, l, privs, search);
    if (!is_empty(q->after_updated_at)) {
        int a = par_add(&p, q->after_updated_at);
        int id = par_addll(&p, q->after_id);

        sb_addf(&where,
                " AND (r.updated_at, r.id) < ($%d::timestamptz, $%d::bigint)",
                a, id);
    }

    sb_add(&b, "SELECT r.id, r.version, r.status, t.name AS township,"
               " to_char(r.updated_at, 'YYYY-MM-DD HH24:MI:SS.USOF')"
               " AS updated_at");
    for (size_t c = 0; c < f->ncolumns; c++) {
        const char *name = f->columns[c].field;
        const struct fielddef *fd = find_field(f->fields, f->nfields, name);
        int alias = join_for(&j, fd, l);

        sb_add(&b, ", ");
        if (alias >= 0) {
            char a[16];

            snprintf(a, sizeof a, "l%d", alias);
            sb_col(&b, db, a, j.lookup[alias]->label);
        } else if (fd != NULL && fd->type == FT_DATE) {
            sb_add(&b, "to_char(");
            sb_col(&b, db, "r", name);
            sb_add(&b, ", 'YYYY-MM-DD')");
        } else {
            sb_col(&b, db, "r", name);
        }
        sb_add(&b, " AS ");
        sb_ident(&b, db, name);
    }
    sb_add(&b, " FROM ");
    sb_table(&b, db, f->table);
    sb_add(&b, " r JOIN eduaid.township t ON t.id = r.township_id");
    for (size_t i = 0; i < j.n; i++) {
        char a[16];

        snprintf(a, sizeof a, "l%zu", i);
        sb_add(&b, " LEFT JOIN ");
        sb_table(&b, db, j.lookup[i]->table);
        sb_addf(&b, " %s ON ", a);
        sb_col(&b, db, a, j.lookup[i]->key);
        sb_add(&b, " = ");
        sb_col(&b, db, "r", j.field[i]->name);
    }
    if (where.s != NULL)
        sb_add(&b, where.s);
    sb_addf(&b, " ORDER BY r.updated_at DESC, r.id DESC LIMIT $%d",
            par_addll(&p, limit));
    if (where.failed)
        b.failed = true;
    if (build_failed(&b, &p, err))
        goto cleanup;
    res = db_exec(db, b.s, p.n, par_values(&p), err);

cleanup:
    dbres_free(privs);
    free(search);
    sb_free(&b);
    sb_free(&where);
    par_free(&p);
    return res;
}

/* ---- loading ------------------------------------------------------------- */

/*
 * The statement that reads grid g's rows of record id: its township read
 * from the record in the same statement (the index leads with it), so
 * that it goes in one pipeline with the record's.
 */
static void
grid_select_sql(struct sbuf *b, struct params *p, struct db *db,
                const struct formdef *f, size_t g, long long id,
                const struct dbres *privs)
{
    const struct griddef *gd = &f->grids[g];
    int n = par_addll(p, id);

    sb_add(b, "SELECT g.id");
    for (size_t i = 0; i < gd->nfields; i++) {
        sb_add(b, ", ");
        sb_field_value(b, db, privs, gd->table, "g", &gd->fields[i]);
    }
    sb_add(b, " FROM ");
    sb_table(b, db, gd->table);
    sb_add(b, " g WHERE g.township_id = (SELECT r.township_id FROM ");
    sb_table(b, db, f->table);
    sb_addf(b, " r WHERE r.id = $%d) AND ", n);
    sb_col(b, db, "g", gd->parent_key);
    sb_addf(b, " = $%d ORDER BY g.id", n);
}

/* Fill grid g of r from res (grid_select_sql's rows); 0 or -1 with err. */
static int
grid_fill(struct record *r, size_t g, const struct dbres *res,
          struct db_error *err)
{
    const struct griddef *gd = &r->form->grids[g];

    for (int row = 0; row < res->nrows; row++) {
        int i = grid_append(&r->grids[g], gd->nfields);
        struct grid_row *gr;

        if (i < 0) {
            set_no_memory(err);
            return -1;
        }
        gr = &r->grids[g].rows[i];
        gr->id = strtoll(dbres_get(res, row, 0), NULL, 10);
        for (size_t c = 0; c < gd->nfields; c++) {
            const char *v = dbres_get(res, row, (int)c + 1);
            char *copy;

            if (v == NULL || *v == '\0')
                continue;
            if ((copy = xstrdup(v)) == NULL) {
                set_no_memory(err);
                return -1;
            }
            free(gr->values[c]);
            gr->values[c] = copy;
        }
    }
    return 0;
}

/* The statement that reads record id of f, with what privs lets the
 * session read. */
static void
record_select_sql(struct sbuf *b, struct params *p, struct db *db,
                  const struct formdef *f, long long id,
                  const struct dbres *privs)
{
    sb_add(b, "SELECT r.id, r.version, r.status, r.reason,"
              " r.township_id::text, r.client_uuid::text");
    for (size_t i = 0; i < f->nfields; i++) {
        sb_add(b, ", ");
        sb_field_value(b, db, privs, f->table, "r", &f->fields[i]);
    }
    sb_add(b, " FROM ");
    sb_table(b, db, f->table);
    sb_addf(b, " r WHERE r.id = $%d", par_addll(p, id));
}

/* Fill r from res (record_select_sql's row); 0 or -1 with err (EA005
 * when there is none). */
static int
record_fill(struct record *r, long long id, const struct dbres *res,
            struct db_error *err)
{
    const struct formdef *f = r->form;

    if (res->nrows == 0) {
        set_err(err, DB_ERROR, "EA005",
                "%s record %lld not found (or not visible to you)", f->kind,
                id);
        return -1;
    }
    r->id = strtoll(dbres_get(res, 0, 0), NULL, 10);
    r->version = atoi(dbres_get(res, 0, 1));
    snprintf(r->status, sizeof r->status, "%s", dbres_get(res, 0, 2));
    if (dbres_get(res, 0, 3) != NULL &&
        (r->reason = xstrdup(dbres_get(res, 0, 3))) == NULL) {
        set_no_memory(err);
        return -1;
    }
    if (dbres_get(res, 0, 5) != NULL)
        snprintf(r->uuid, sizeof r->uuid, "%s", dbres_get(res, 0, 5));
    for (size_t i = 0; i < f->nfields; i++) {
        const char *v = dbres_get(res, 0, (int)i + 6);

        if (v != NULL && !record_set(r, i, v)) {
            set_no_memory(err);
            return -1;
        }
    }
    return 0;
}

/* Statements of one pipeline, each built in its own buffer. */
struct batch {
    size_t n, cap;
    struct sbuf *b;
    struct params *p;
    struct db_stmt *st;
};

static bool
batch_init(struct batch *bt, size_t cap)
{
    memset(bt, 0, sizeof *bt);
    bt->b = calloc(cap, sizeof *bt->b);
    bt->p = calloc(cap, sizeof *bt->p);
    bt->st = calloc(cap, sizeof *bt->st);
    bt->cap = cap;
    return bt->b != NULL && bt->p != NULL && bt->st != NULL;
}

/* The next statement's buffer and parameters (cap is never exceeded:
 * the caller counted). */
static size_t
batch_next(struct batch *bt)
{
    return bt->n++;
}

/* Add a statement without parameters. */
static void
batch_plain(struct batch *bt, const char *sql)
{
    sb_add(&bt->b[batch_next(bt)], sql);
}

/* Every statement's SQL and parameters in place; false (err set) when
 * one failed to build. */
static bool
batch_ready(struct batch *bt, struct db_error *err)
{
    for (size_t i = 0; i < bt->n; i++) {
        if (build_failed(&bt->b[i], &bt->p[i], err))
            return false;
        bt->st[i].sql = bt->b[i].s;
        bt->st[i].nparams = bt->p[i].n;
        bt->st[i].params = par_values(&bt->p[i]);
    }
    return true;
}

static void
batch_free(struct batch *bt)
{
    for (size_t i = 0; i < bt->cap && bt->b != NULL && bt->p != NULL; i++) {
        sb_free(&bt->b[i]);
        par_free(&bt->p[i]);
    }
    free(bt->b);
    free(bt->p);
    free(bt->st);
    memset(bt, 0, sizeof *bt);
}

/* The answers of a pipeline, freed. */
static void
answers_free(struct dbres **res, size_t n)
{
    for (size_t i = 0; res != NULL && i < n; i++)
        dbres_free(res[i]);
    free(res);
}

/*
 * Read record id of f into r in one round trip: one pipeline of the
 * snapshot (BEGIN ISOLATION LEVEL REPEATABLE READ), the column
 * privileges, the record, its grid rows and COMMIT -- the record and its
 * rows read with privs. 0 when done; 1 when the privileges read with it
 * are not privs (then they are kept, and r must be read again); -1 with
 * err.
 */
static int
load_once(struct db *db, struct record *r, long long id,
          const struct dbres *privs, struct db_error *err)
{
    const struct formdef *f = r->form;
    struct batch bt;
    struct dbres **res = NULL;
    char *arr = form_tables_literal(f);
    size_t n = 4 + f->ngrids;
    long good = -1;
    int rc = -1;

    if (!batch_init(&bt, n) || arr == NULL ||
        (res = calloc(n, sizeof *res)) == NULL) {
        set_no_memory(err);
        goto done;
    }
    batch_plain(&bt, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    sb_add(&bt.b[bt.n], privileges_sql);
    par_add(&bt.p[batch_next(&bt)], arr);
    record_select_sql(&bt.b[bt.n], &bt.p[bt.n], db, f, id, privs);
    bt.n++;
    for (size_t g = 0; g < f->ngrids; g++, bt.n++)
        grid_select_sql(&bt.b[bt.n], &bt.p[bt.n], db, f, g, id, privs);
    batch_plain(&bt, "COMMIT");
    if (!batch_ready(&bt, err))
        goto done;
    good = db_pipeline(db, bt.st, bt.n, true, res, err);
    if (good < (long)bt.n) {
        db_rollback(db); /* a refusal left the snapshot open */
        privs_refused(db, err);
        goto done;
    }
    if (!privs_same(privs, res[1])) {
        rc = privs_keep(db, arr, res[1]) != NULL ? 1 : -1;
        res[1] = NULL;
        if (rc < 0)
            set_no_memory(err);
        goto done;
    }
    if (record_fill(r, id, res[2], err) != 0)
        goto done;
    for (size_t g = 0; g < f->ngrids; g++)
        if (grid_fill(r, g, res[3 + g], err) != 0)
            goto done;
    rc = 0;
done:
    answers_free(res, n);
    batch_free(&bt);
    free(arr);
    return rc;
}

/* How many records of f's table the caller sees per state. */
struct dbres *
record_status_counts(struct db *db, const struct formdef *f,
                     struct db_error *err)
{
    struct sbuf b = {0};
    struct dbres *r = NULL;

    db_error_clear(err);
    if (db == NULL || f == NULL) {
        set_err(err, DB_ERROR, NULL, "no database or form");
        return NULL;
    }
    sb_add(&b, "SELECT status, count(*) AS n FROM ");
    sb_table(&b, db, f->table);
    sb_add(&b, " GROUP BY status");
    if (b.failed)
        set_no_memory(err);
    else
        r = db_exec(db, b.s, 0, NULL, err);
    sb_free(&b);
    return r;
}

struct record *
record_load(struct db *db, const struct formdef *f, long long id,
            struct db_error *err)
{
    struct record *r = NULL;
    struct db_error local;

    if (err == NULL)
        err = &local;
    db_error_clear(err);
    if (db == NULL || f == NULL) {
        set_err(err, DB_ERROR, NULL, "no database or form");
        return NULL;
    }
    /* a second time when the privileges kept had moved (or a refusal for
     * a privilege made them forgotten): read with the new ones */
    for (int attempt = 0; attempt < 3; attempt++) {
        const struct dbres *privs = form_privileges(db, f, err);
        int rc;

        if (privs == NULL)
            return NULL;
        if ((r = record_new(f)) == NULL) {
            set_no_memory(err);
            return NULL;
        }
        rc = load_once(db, r, id, privs, err);
        if (rc == 0)
            return r;
        record_free(r);
        r = NULL;
        if (rc < 0 && (attempt > 0 || strcmp(err->sqlstate, "42501") != 0))
            return NULL;
    }
    set_err(err, DB_ERROR, NULL,
            "the column privileges changed while %s record %lld was read; "
            "open it again",
            f->kind, id);
    return NULL;
}

/* ---- saving -------------------------------------------------------------- */

/* What saving will have done to grid rows once it commits. */
struct grid_outcome {
    long long *ids; /* per row: its id after the save (0: deleted/skipped) */
};

/* Run b with p expecting at most one row; the dbres or NULL with err. */
static struct dbres *
exec_built(struct db *db, struct sbuf *b, struct params *p,
           struct db_error *err)
{
    if (build_failed(b, p, err))
        return NULL;
    return db_exec(db, b->s, p->n, par_values(p), err);
}

/*
 * Find the row a replay of r made: the one with r's UUID in its township.
 * 1 with *id and *version set, 0 when none, -1 with err.
 */
static int
find_by_uuid(struct db *db, const struct record *r, const char *township,
             long long *id, int *version, struct db_error *err)
{
    struct sbuf b = {0};
    struct params p = {0};
    struct dbres *res;
    int rc = -1;

    sb_add(&b, "SELECT r.id, r.version FROM ");
    sb_table(&b, db, r->form->table);
    sb_addf(&b, " r WHERE r.township_id = $%d", par_add(&p, township));
    sb_addf(&b, " AND r.client_uuid = $%d::uuid", par_add(&p, r->uuid));
    res = exec_built(db, &b, &p, err);
    if (res != NULL) {
        rc = res->nrows > 0;
        if (rc) {
            *id = strtoll(dbres_get(res, 0, 0), NULL, 10);
            *version = atoi(dbres_get(res, 0, 1));
        }
        dbres_free(res);
    }
    sb_free(&b);
    par_free(&p);
    return rc;
}

/*
 * INSERT r (a new record) unless its UUID is already there; 1 when it was
 * inserted, 0 when the row existed (a replay), -1 with err. Sets *id and
 * *version either way.
 */
static int
insert_record(struct db *db, const struct record *r, const char *township,
              long long *id, int *version, struct db_error *err)
{
    const struct formdef *f = r->form;
    struct sbuf b = {0}, vals = {0};
    struct params p = {0};
    struct dbres *res;
    int rc;

    /*
     * Look first: the replay is answered without an INSERT (the person
     * registry's AFTER trigger does not fire for a row ON CONFLICT skips,
     * so a concurrent replay below is safe too).
     */
    rc = find_by_uuid(db, r, township, id, version, err);
    if (rc != 0)
        return rc < 0 ? -1 : 0;

    sb_add(&b, "INSERT INTO ");
    sb_table(&b, db, f->table);
    sb_add(&b, " (client_uuid");
    sb_addf(&vals, "$%d::uuid", par_add(&p, r->uuid));
    for (size_t i = 0; i < f->nfields; i++) {
        const char *v = field_param(&f->fields[i], r->values[i]);

        if (v == NULL || f->fields[i].read_only) /* default, or the server's */
            continue;
        sb_add(&b, ", ");
        sb_ident(&b, db, f->fields[i].name);
        sb_addf(&vals, ", $%d", par_add(&p, v));
    }
    sb_add(&b, ") VALUES (");
    if (vals.failed)
        b.failed = true;
    else
        sb_add(&b, vals.s);
    sb_add(&b, ") ON CONFLICT (township_id, client_uuid) DO NOTHING"
               " RETURNING id, version");
    res = exec_built(db, &b, &p, err);
    sb_free(&b);
    sb_free(&vals);
    par_free(&p);
    if (res == NULL)
        return -1;
    rc = res->nrows;
    if (rc > 0) {
        *id = strtoll(dbres_get(res, 0, 0), NULL, 10);
        *version = atoi(dbres_get(res, 0, 1));
    }
    dbres_free(res);
    if (rc > 0)
        return 1;
    /* a concurrent replay won the race */
    rc = find_by_uuid(db, r, township, id, version, err);
    if (rc == 0)
        set_err(err, DB_ERROR, "EA005",
                "%s record with client UUID %s vanished while saving", f->kind,
                r->uuid);
    return rc > 0 ? 0 : -1;
}

/*
 * The UPDATE of the fields of record id (r's form, values) the session
 * may update (privs), where the version still is version, returning the
 * new version, the township and the state; with nothing to update, the
 * same row read and locked.
 */
static void
update_sql(struct sbuf *b, struct params *p, struct db *db,
           const struct record *r, long long id, int version,
           const struct dbres *privs)
{
    const struct formdef *f = r->form;
    int set = 0;

    sb_add(b, "UPDATE ");
    sb_table(b, db, f->table);
    sb_add(b, " r SET ");
    for (size_t i = 0; i < f->nfields; i++) {
        if (f->fields[i].read_only ||
            !col_may(privs, f->table, f->fields[i].name, PRIV_UPDATE))
            continue;
        sb_add(b, set++ > 0 ? ", " : "");
        sb_ident(b, db, f->fields[i].name);
        sb_addf(b, " = $%d",
                par_add(p, field_param(&f->fields[i], r->values[i])));
    }
    if (set == 0) {
        /* nothing this role may change: still check and lock the version */
        sb_free(b);
        sb_add(b, "SELECT r.version, r.township_id::text, r.status FROM ");
        sb_table(b, db, f->table);
        sb_add(b, " r");
    }
    sb_addf(b, " WHERE r.id = $%d", par_addll(p, id));
    sb_addf(b, " AND r.version = $%d", par_addll(p, version));
    sb_add(b, set > 0 ? " RETURNING r.version, r.township_id::text, r.status"
                      : " FOR UPDATE");
}

/* update_sql's answer: sets *version and, if not NULL, *township and
 * status[16]. 0, or -1 with err (EA007 when the version moved). */
static int
update_answer(const struct dbres *res, const struct record *r, long long id,
              int *version, char **township, char *status, struct db_error *err)
{
    if (res->nrows == 0) {
        set_err(err, DB_ERROR, "EA007",
                "%s record %lld was changed by someone else (you have "
                "version %d); reload it",
                r->form->kind, id, *version);
        return -1;
    }
    *version = atoi(dbres_get(res, 0, 0));
    if (status != NULL)
        snprintf(status, 16, "%s", dbres_get(res, 0, 2));
    if (township != NULL &&
        (*township = xstrdup(dbres_get(res, 0, 1))) == NULL) {
        set_no_memory(err);
        return -1;
    }
    return 0;
}

/*
 * UPDATE the fields of record id the session may update, where version
 * still is *version; sets *version and, if not NULL, *township. 0, or -1
 * with err (EA007 when the version moved).
 */
static int
update_record(struct db *db, const struct record *r, long long id, int *version,
              char **township, const struct dbres *privs, struct db_error *err)
{
    struct sbuf b = {0};
    struct params p = {0};
    struct dbres *res;
    int rc;

    update_sql(&b, &p, db, r, id, *version, privs);
    res = exec_built(db, &b, &p, err);
    sb_free(&b);
    par_free(&p);
    if (res == NULL)
        return -1;
    rc = update_answer(res, r, id, version, township, NULL, err);
    dbres_free(res);
    return rc;
}

/*
 * A replay: the record was saved before, with the grid rows that were new
 * then. Give the new rows of grid g, in order, the ids of the rows already
 * there (in id order) so that they are updated, not inserted twice.
 */
static int
adopt_grid_rows(struct db *db, const struct record *r, size_t g,
                long long parent, const char *township,
                struct grid_outcome *out, struct db_error *err)
{
    const struct griddef *gd = &r->form->grids[g];
    const struct grid_rows *rows = &r->grids[g];
    struct sbuf b = {0};
    struct params p = {0};
    struct dbres *res;
    int k = 0;

    sb_add(&b, "SELECT g.id FROM ");
    sb_table(&b, db, gd->table);
    sb_addf(&b, " g WHERE g.township_id = $%d AND ", par_add(&p, township));
    sb_col(&b, db, "g", gd->parent_key);
    sb_addf(&b, " = $%d ORDER BY g.id", par_addll(&p, parent));
    res = exec_built(db, &b, &p, err);
    sb_free(&b);
    par_free(&p);
    if (res == NULL)
        return -1;
    for (size_t i = 0; i < rows->count && k < res->nrows; i++)
        if (rows->rows[i].id == 0 && !rows->rows[i].deleted)
            out->ids[i] = strtoll(dbres_get(res, k++, 0), NULL, 10);
    dbres_free(res);
    return 0;
}

/*
 * The statement that saves row i of grid g of r (record id parent): the
 * server's delete, an INSERT (its township: township, or NULL to read it
 * from the record in the statement), or an UPDATE of the columns the
 * session may update. false when the row needs none.
 */
static bool
grid_row_sql(struct sbuf *b, struct params *p, struct db *db,
             const struct record *r, size_t g, size_t i, long long parent,
             const char *township, const struct dbres *privs,
             struct grid_outcome *out, long long *row_id)
{
    const struct griddef *gd = &r->form->grids[g];
    const struct grid_row *row = &r->grids[g].rows[i];
    long long id = out->ids[i]; /* row->id, or adopted by a replay */
    struct sbuf vals = {0};
    int set = 0, n;

    *row_id = id;

    if (row->deleted) {
        out->ids[i] = 0;
        if (id == 0)
            return false;
        /* no login may DELETE: the server's function deletes as us
         * (an edit of the household) and says whether it found the
         * row; none is "changed by someone else" below */
        sb_addf(b, "SELECT 1 WHERE eduaid.delete_member($%d",
                par_add(p, gd->table));
        sb_addf(b, ", $%d::bigint", par_addll(p, parent));
        sb_addf(b, ", $%d::bigint)", par_addll(p, id));
        return true;
    }
    if (id == 0) {
        sb_add(b, "INSERT INTO ");
        sb_table(b, db, gd->table);
        sb_add(b, " (");
        sb_ident(b, db, gd->parent_key);
        sb_add(b, ", township_id");
        sb_addf(&vals, "$%d, ", n = par_addll(p, parent));
        if (township != NULL) {
            sb_addf(&vals, "$%d", par_add(p, township));
        } else {
            sb_add(&vals, "(SELECT x.township_id FROM ");
            sb_table(&vals, db, r->form->table);
            sb_addf(&vals, " x WHERE x.id = $%d)", n);
        }
        for (size_t c = 0; c < gd->nfields; c++) {
            const struct fielddef *fd = &gd->fields[c];
            const char *v = field_param(fd, row->values[c]);

            if (v == NULL || fd->read_only ||
                strcmp(fd->name, gd->parent_key) == 0 ||
                strcmp(fd->name, TOWNSHIP_COLUMN) == 0)
                continue;
            sb_add(b, ", ");
            sb_ident(b, db, fd->name);
            sb_addf(&vals, ", $%d", par_add(p, v));
        }
        sb_add(b, ") VALUES (");
        if (vals.failed)
            b->failed = true;
        else
            sb_add(b, vals.s);
        sb_free(&vals);
        sb_add(b, ") RETURNING id");
        return true;
    }
    if (!row->changed && id == row->id)
        return false;
    sb_add(b, "UPDATE ");
    sb_table(b, db, gd->table);
    sb_add(b, " g SET ");
    for (size_t c = 0; c < gd->nfields; c++) {
        const struct fielddef *fd = &gd->fields[c];

        if (fd->read_only || !col_may(privs, gd->table, fd->name, PRIV_UPDATE))
            continue;
        sb_add(b, set++ > 0 ? ", " : "");
        sb_ident(b, db, fd->name);
        sb_addf(b, " = $%d", par_add(p, field_param(fd, row->values[c])));
    }
    if (set == 0) {
        sb_free(b);
        par_free(p);
        return false;
    }
    sb_addf(b, " WHERE g.id = $%d AND ", par_addll(p, id));
    sb_col(b, db, "g", gd->parent_key);
    sb_addf(b, " = $%d RETURNING g.id", par_addll(p, parent));
    return true;
}

/* grid_row_sql's answer for row i of grid g; 0 or -1 with err (EA007
 * when the row was not there). */
static int
grid_row_answer(const struct dbres *res, const struct record *r, size_t g,
                size_t i, long long parent, long long row_id,
                struct grid_outcome *out, struct db_error *err)
{
    const struct griddef *gd = &r->form->grids[g];

    if (res->nrows == 0) {
        set_err(err, DB_ERROR, "EA007",
                "%s row %lld of %s record %lld was changed by someone "
                "else; reload it",
                gd->table, row_id, r->form->kind, parent);
        return -1;
    }
    if (!r->grids[g].rows[i].deleted)
        out->ids[i] = strtoll(dbres_get(res, 0, 0), NULL, 10);
    return 0;
}

/* Save the rows of grid g of r (record id parent); 0 or -1 with err. */
static int
save_grid(struct db *db, const struct record *r, size_t g, long long parent,
          const char *township, const struct dbres *privs,
          struct grid_outcome *out, struct db_error *err)
{
    for (size_t i = 0; i < r->grids[g].count; i++) {
        struct sbuf b = {0};
        struct params p = {0};
        struct dbres *res;
        long long row_id;
        int rc;

        if (!grid_row_sql(&b, &p, db, r, g, i, parent, township, privs, out,
                          &row_id))
            continue;
        res = exec_built(db, &b, &p, err);
        sb_free(&b);
        par_free(&p);
        if (res == NULL)
            return -1;
        rc = grid_row_answer(res, r, g, i, parent, row_id, out, err);
        dbres_free(res);
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* After a commit: r matches the database. */
static void
apply_outcome(struct record *r, long long id, int version, const char *status,
              struct grid_outcome *outs)
{
    r->id = id;
    r->version = version;
    snprintf(r->status, sizeof r->status, "%s", status);
    for (size_t g = 0; g < r->form->ngrids; g++) {
        struct grid_rows *rows = &r->grids[g];
        size_t keep = 0;

        for (size_t i = 0; i < rows->count; i++) {
            if (rows->rows[i].deleted) {
                free_values(rows->rows[i].values, r->form->grids[g].nfields);
                continue;
            }
            rows->rows[keep] = rows->rows[i];
            rows->rows[keep].id = outs[g].ids[i];
            rows->rows[keep].changed = false;
            keep++;
        }
        rows->count = keep;
    }
}

/* What each statement of a save's pipeline is. */
enum save_part { SP_BEGIN, SP_FORESEE, SP_RECORD, SP_ROW, SP_VERSION };

struct save_plan {
    struct batch bt;
    enum save_part *part;
    size_t *grid, *row; /* SP_ROW: which row of which grid */
    long long *row_id;  /* SP_ROW: its id (grid_row_sql) */
};

static void
save_plan_free(struct save_plan *sp)
{
    batch_free(&sp->bt);
    free(sp->part);
    free(sp->grid);
    free(sp->row);
    free(sp->row_id);
}

/* Add statement kind k (built by the caller in sp->bt's next buffer). */
static void
plan_add(struct save_plan *sp, enum save_part k, size_t g, size_t i,
         long long row_id)
{
    sp->part[sp->bt.n] = k;
    sp->grid[sp->bt.n] = g;
    sp->row[sp->bt.n] = i;
    sp->row_id[sp->bt.n] = row_id;
    sp->bt.n++;
}

/*
 * The statements of saving existing record r: BEGIN; the four-eyes
 * foresight when asked (before the UPDATE: the record as it is); the
 * record's UPDATE; each grid row's; its version and state read back when
 * rows changed it. 0 or -1 with err.
 */
static int
save_plan_build(struct save_plan *sp, struct db *db, const struct record *r,
                bool foresee, const struct dbres *privs,
                struct grid_outcome *outs, struct db_error *err)
{
    const struct formdef *f = r->form;
    size_t cap = 4;
    bool rows = false;

    for (size_t g = 0; g < f->ngrids; g++)
        cap += r->grids[g].count;
    memset(sp, 0, sizeof *sp);
    if (!batch_init(&sp->bt, cap) ||
        (sp->part = calloc(cap, sizeof *sp->part)) == NULL ||
        (sp->grid = calloc(cap, sizeof *sp->grid)) == NULL ||
        (sp->row = calloc(cap, sizeof *sp->row)) == NULL ||
        (sp->row_id = calloc(cap, sizeof *sp->row_id)) == NULL) {
        set_no_memory(err);
        return -1;
    }
    sb_add(&sp->bt.b[sp->bt.n], "BEGIN");
    plan_add(sp, SP_BEGIN, 0, 0, 0);
    if (foresee) {
        struct sbuf *b = &sp->bt.b[sp->bt.n];
        struct params *p = &sp->bt.p[sp->bt.n];

        sb_add(b, "SELECT eduaid.save_blocks_own_step($1::text, $2::bigint)"
                  " AS step");
        par_add(p, f->kind);
        par_addll(p, r->id);
        plan_add(sp, SP_FORESEE, 0, 0, 0);
    }
    update_sql(&sp->bt.b[sp->bt.n], &sp->bt.p[sp->bt.n], db, r, r->id,
               r->version, privs);
    plan_add(sp, SP_RECORD, 0, 0, 0);
    for (size_t g = 0; g < f->ngrids; g++)
        for (size_t i = 0; i < r->grids[g].count; i++) {
            long long row_id;

            if (!grid_row_sql(&sp->bt.b[sp->bt.n], &sp->bt.p[sp->bt.n], db, r,
                              g, i, r->id, NULL, privs, &outs[g], &row_id))
                continue;
            plan_add(sp, SP_ROW, g, i, row_id);
            rows = true;
        }
    if (rows) {
        struct sbuf *b = &sp->bt.b[sp->bt.n];

        sb_add(b, "SELECT r.version, r.township_id::text, r.status FROM ");
        sb_table(b, db, f->table);
        sb_addf(b, " r WHERE r.id = $%d",
                par_addll(&sp->bt.p[sp->bt.n], r->id));
        plan_add(sp, SP_VERSION, 0, 0, 0);
    }
    return batch_ready(&sp->bt, err) ? 0 : -1;
}

/*
 * The answers of a save's pipeline, in order, as the statements one by
 * one would have been judged: 0 when every one is as it must be (then
 * *version and status are the record's after it), 1 when the foresight
 * names a step (into step), -1 with err (the first refusal, EA007).
 */
static int
save_plan_answers(const struct save_plan *sp, struct dbres **res, long good,
                  const struct record *r, struct grid_outcome *outs,
                  int *version, char *status, char *step, size_t stepsz,
                  struct db_error *err)
{
    struct db_error mine;

    for (size_t k = 0; k < sp->bt.n; k++) {
        const char *v;

        if ((long)k >= good)
            return -1; /* err: the server's refusal of statement k */
        db_error_clear(&mine);
        switch (sp->part[k]) {
        case SP_BEGIN:
            break;
        case SP_FORESEE:
            v = res[k]->nrows > 0 ? dbres_get(res[k], 0, 0) : NULL;
            if (v != NULL && *v != '\0') {
                if (stepsz > 0)
                    snprintf(step, stepsz, "%s", v);
                return 1;
            }
            break;
        case SP_RECORD:
        case SP_VERSION:
            if (sp->part[k] == SP_VERSION && res[k]->nrows == 0) {
                set_err(err, DB_ERROR, "EA005",
                        "%s record %lld vanished while saving", r->form->kind,
                        r->id);
                return -1;
            }
            if (update_answer(res[k], r, r->id, version, NULL, status, &mine) !=
                0)
                goto refused;
            break;
        case SP_ROW:
            if (grid_row_answer(res[k], r, sp->grid[k], sp->row[k], r->id,
                                sp->row_id[k], &outs[sp->grid[k]], &mine) != 0)
                goto refused;
            break;
        }
    }
    return 0;
refused:
    if (err != NULL)
        *err = mine;
    return -1;
}

/*
 * Save existing record r in two round trips: one pipeline (save_plan_build)
 * whose transaction stays open until its answers are judged, then COMMIT
 * (or ROLLBACK). 0 saved, 1 not saved because the foresight named a step
 * (step), -1 with err.
 */
static int
save_existing(struct db *db, struct record *r, bool foresee,
              struct grid_outcome *outs, char *step, size_t stepsz,
              struct db_error *err)
{
    const struct dbres *privs = form_privileges(db, r->form, err);
    struct save_plan sp;
    struct dbres **res = NULL;
    int version = r->version, rc = -1;
    long good;
    char status[16] = "";

    if (privs == NULL)
        return -1;
    if (save_plan_build(&sp, db, r, foresee, privs, outs, err) != 0)
        goto done;
    if ((res = calloc(sp.bt.n, sizeof *res)) == NULL) {
        set_no_memory(err);
        goto done;
    }
    good = db_pipeline(db, sp.bt.st, sp.bt.n, false, res, err);
    rc = good < 0 ? -1
                  : save_plan_answers(&sp, res, good, r, outs, &version, status,
                                      step, stepsz, err);
    if (rc != 0) {
        db_rollback(db);
        privs_refused(db, err);
        goto done;
    }
    if (db_commit(db, err) != 0) {
        rc = -1;
        goto done;
    }
    apply_outcome(r, r->id, version, status, outs);
done:
    answers_free(res, sp.bt.n);
    save_plan_free(&sp);
    return rc;
}

/* Insert new record r (a replay: bring it up to date) in its own
 * transaction, statement by statement; 0 or -1 with err. */
static int
save_new(struct db *db, struct record *r, struct grid_outcome *outs,
         struct db_error *err)
{
    const struct formdef *f = r->form;
    const struct dbres *privs;
    struct dbres *res = NULL;
    char *township = NULL;
    long long id = 0;
    int version = 0, rc = -1, ins;
    long t = field_index(f->fields, f->nfields, TOWNSHIP_COLUMN);
    char status[16];

    if (t < 0 || is_empty(r->values[t])) {
        set_err(err, DB_ERROR, "23502", "a new %s record needs its township",
                f->kind);
        if (err != NULL) {
            snprintf(err->table, sizeof err->table, "%s", f->table);
            snprintf(err->column, sizeof err->column, "%s", TOWNSHIP_COLUMN);
        }
        return -1;
    }
    if ((township = xstrdup(r->values[t])) == NULL) {
        set_no_memory(err);
        return -1;
    }
    if ((privs = form_privileges(db, f, err)) == NULL ||
        db_begin(db, err) != 0) {
        free(township);
        return -1;
    }
    if ((ins = insert_record(db, r, township, &id, &version, err)) < 0)
        goto cleanup;
    if (ins == 0) {
        /* a replay after a lost COMMIT: bring the row up to date */
        for (size_t g = 0; g < f->ngrids; g++)
            if (adopt_grid_rows(db, r, g, id, township, &outs[g], err) != 0)
                goto cleanup;
        if (update_record(db, r, id, &version, NULL, privs, err) != 0)
            goto cleanup;
    }
    for (size_t g = 0; g < f->ngrids; g++)
        if (save_grid(db, r, g, id, township, privs, &outs[g], err) != 0)
            goto cleanup;
    /* member changes bumped the record's version: read it back */
    {
        struct sbuf b = {0};
        struct params p = {0};

        sb_add(&b, "SELECT r.version, r.status FROM ");
        sb_table(&b, db, f->table);
        sb_addf(&b, " r WHERE r.id = $%d", par_addll(&p, id));
        res = exec_built(db, &b, &p, err);
        sb_free(&b);
        par_free(&p);
    }
    if (res == NULL)
        goto cleanup;
    if (res->nrows == 0) {
        set_err(err, DB_ERROR, "EA005", "%s record %lld vanished while saving",
                f->kind, id);
        goto cleanup;
    }
    version = atoi(dbres_get(res, 0, 0));
    snprintf(status, sizeof status, "%s", dbres_get(res, 0, 1));
    if (db_commit(db, err) == 0) {
        apply_outcome(r, id, version, status, outs);
        rc = 0;
    }
cleanup:
    if (rc != 0) {
        db_rollback(db);
        privs_refused(db, err);
    }
    dbres_free(res);
    free(township);
    return rc;
}

int
record_save_foresee(struct db *db, struct record *r, bool foresee, char *step,
                    size_t stepsz, struct db_error *err)
{
    const struct formdef *f;
    struct grid_outcome *outs = NULL;
    int rc = -1;

    db_error_clear(err);
    if (stepsz > 0)
        step[0] = '\0';
    if (db == NULL || r == NULL) {
        set_err(err, DB_ERROR, NULL, "no database or record");
        return -1;
    }
    f = r->form;
    if ((outs = calloc(f->ngrids > 0 ? f->ngrids : 1, sizeof *outs)) == NULL) {
        set_no_memory(err);
        return -1;
    }
    for (size_t g = 0; g < f->ngrids; g++) {
        size_t n = r->grids[g].count;

        if ((outs[g].ids = calloc(n > 0 ? n : 1, sizeof *outs[g].ids)) ==
            NULL) {
            set_no_memory(err);
            goto cleanup;
        }
        for (size_t i = 0; i < n; i++)
            outs[g].ids[i] = r->grids[g].rows[i].id;
    }
    rc = r->id != 0 ? save_existing(db, r, foresee, outs, step, stepsz, err)
                    : save_new(db, r, outs, err);
cleanup:
    for (size_t g = 0; g < f->ngrids; g++)
        free(outs[g].ids);
    free(outs);
    return rc;
}

int
record_save(struct db *db, struct record *r, struct db_error *err)
{
    return record_save_foresee(db, r, false, NULL, 0, err);
}

/* ---- workflow ------------------------------------------------------------ */

int
record_transition(struct db *db, const struct formdef *f, long long id,
                  int version, const char *action, const char *reason,
                  int *new_version, struct db_error *err)
{
    /* the function names come from this table, never from the caller */
    static const struct {
        const char *action, *sql;
    } actions[] = {
        {"submit", "SELECT eduaid.submit($1::text, $2::bigint, $3::int)"},
        {"verify", "SELECT eduaid.verify($1::text, $2::bigint, $3::int)"},
        {"approve", "SELECT eduaid.approve($1::text, $2::bigint, $3::int)"},
        {"reject",
         "SELECT eduaid.reject($1::text, $2::bigint, $3::text, $4::int)"},
        {"reopen",
         "SELECT eduaid.reopen($1::text, $2::bigint, $3::text, $4::int)"},
    };
    const char *sql = NULL;
    bool with_reason;
    char idbuf[32], vbuf[16];
    const char *params[4];
    int n = 0;
    struct dbres *res;

    db_error_clear(err);
    if (db == NULL || f == NULL || action == NULL) {
        set_err(err, DB_ERROR, NULL, "no database, form or action");
        return -1;
    }
    for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
        if (strcmp(actions[i].action, action) == 0)
            sql = actions[i].sql;
    if (sql == NULL) {
        set_err(err, DB_ERROR, NULL, "unknown workflow action \"%s\"", action);
        return -1;
    }
    with_reason =
        strcmp(action, "reject") == 0 || strcmp(action, "reopen") == 0;
    snprintf(idbuf, sizeof idbuf, "%lld", id);
    snprintf(vbuf, sizeof vbuf, "%d", version);
    params[n++] = f->kind;
    params[n++] = idbuf;
    if (with_reason)
        params[n++] = reason;
    params[n++] = version > 0 ? vbuf : NULL;
    res = db_exec(db, sql, n, params, err);
    if (res == NULL)
        return -1;
    if (new_version != NULL && dbres_get(res, 0, 0) != NULL)
        *new_version = atoi(dbres_get(res, 0, 0));
    dbres_free(res);
    return 0;
}

/* ---- lookups ------------------------------------------------------------- */

/* s with LIKE's \\ % _ escaped and % appended: a prefix pattern (the
 * lookups' tables have no row-level security, so LIKE costs nothing). */
static char *
like_prefix(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(2 * n + 2), *o = p;

    if (p == NULL)
        return NULL;
    for (; *s != '\0'; s++) {
        if (*s == '\\' || *s == '%' || *s == '_')
            *o++ = '\\';
        *o++ = *s;
    }
    *o++ = '%';
    *o = '\0';
    return p;
}

/* s with LIKE's \\ % _ escaped between two %: a substring pattern. */
static char *
like_contains(const char *s)
{
    char *pre = like_prefix(s), *p;

    if (pre == NULL || (p = malloc(strlen(pre) + 2)) == NULL) {
        free(pre);
        return NULL;
    }
    p[0] = '%';
    strcpy(p + 1, pre);
    free(pre);
    return p;
}

/* " AND x.<col> = ANY ($n::text[])": only the rows o allows. */
static void
lookup_only_where(struct sbuf *b, struct params *p, struct db *db,
                  const struct lookup_only *o)
{
    char *arr;

    if (o == NULL || o->column == NULL || o->nvalues == 0)
        return;
    if ((arr = array_literal((const char *const *)o->values, o->nvalues)) ==
        NULL) {
        p->failed = true;
        return;
    }
    sb_add(b, " AND ");
    sb_col(b, db, "x", o->column);
    sb_addf(b, "::text = ANY ($%d::text[])", par_add(p, arr));
    free(arr);
}

/* Whether the len bytes at w are ASCII letters only: a word that may be
 * pinyin initials (fxzy for 房县职业技术学校). */
static bool
is_initials(const char *w, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z')))
            return false;
    return len > 0;
}

/* " AND (x.label ILIKE $n OR x.detail ILIKE $n)" for the word w (len
 * bytes): the word anywhere in them; a word of ASCII letters also
 * anywhere in the label's pinyin initials (ILIKE: the function gives them
 * lower-case). False when out of memory. */
static bool
lookup_word_where(struct sbuf *b, struct params *p, struct db *db,
                  const struct lookupdef *d, const char *w, size_t len)
{
    char *word = strndup(w, len), *pat = word ? like_contains(word) : NULL;
    int n;

    free(word);
    if (pat == NULL)
        return false;
    n = par_add(p, pat);
    free(pat);
    sb_add(b, " AND (");
    sb_col(b, db, "x", d->label);
    sb_addf(b, "::text ILIKE $%d", n);
    if (d->detail != NULL) {
        sb_add(b, " OR ");
        sb_col(b, db, "x", d->detail);
        sb_addf(b, "::text ILIKE $%d", n);
    }
    if (is_initials(w, len)) {
        sb_add(b, " OR eduaid.pinyin_initials(");
        sb_col(b, db, "x", d->label);
        sb_addf(b, "::text) ILIKE $%d", n);
    }
    sb_add(b, ")");
    return true;
}

/* Every word of text (split at ASCII white space) in the label or the
 * detail, as core/match.h's match_words. False when out of memory. */
static bool
lookup_text_where(struct sbuf *b, struct params *p, struct db *db,
                  const struct lookupdef *d, const char *text)
{
    static const char space[] = " \t\r\n\f\v";

    for (const char *t = text != NULL ? text : ""; *t != '\0';) {
        size_t len;

        t += strspn(t, space);
        if ((len = strcspn(t, space)) == 0)
            break;
        if (!lookup_word_where(b, p, db, d, t, len))
            return false;
        t += len;
    }
    return true;
}

struct dbres *
record_lookup(struct db *db, const struct lookupdef *d, int township_id,
              const char *prefix, int limit, struct db_error *err)
{
    return record_lookup_only(db, d, NULL, township_id, prefix, limit, err);
}

struct dbres *
record_lookup_only(struct db *db, const struct lookupdef *d,
                   const struct lookup_only *only, int township_id,
                   const char *text, int limit, struct db_error *err)
{
    struct sbuf b = {0};
    struct params p = {0};
    struct dbres *res = NULL;

    db_error_clear(err);
    if (db == NULL || d == NULL) {
        set_err(err, DB_ERROR, NULL, "no database or lookup");
        return NULL;
    }
    sb_add(&b, "SELECT ");
    sb_col(&b, db, "x", d->key);
    sb_add(&b, "::text AS key, ");
    sb_col(&b, db, "x", d->label);
    sb_add(&b, "::text AS label, ");
    if (d->detail != NULL) {
        sb_col(&b, db, "x", d->detail);
        sb_add(&b, "::text");
    } else {
        sb_add(&b, "NULL::text");
    }
    sb_add(&b, " AS detail, count(*) OVER () AS total, ");
    /* a township-scoped row's township: picked before the township, it
     * tells the form which (a village names its township) */
    if (d->scope != NULL && strcmp(d->scope, "township") == 0)
        sb_add(&b, "x.township_id::text");
    else
        sb_add(&b, "NULL::text");
    sb_add(&b, " AS township FROM ");
    sb_table(&b, db, d->table);
    sb_add(&b, " x WHERE true");
    if (d->scope == NULL || strcmp(d->scope, "all") == 0) {
        /* everything RLS lets through */
    } else if (strcmp(d->scope, "mine") == 0) {
        sb_add(&b, " AND ");
        sb_col(&b, db, "x", d->key);
        sb_add(&b, " = ANY ((SELECT eduaid.my_townships())::int[])");
    } else if (strcmp(d->scope, "township") == 0) {
        /* no township chosen yet: those of the townships I work in */
        if (township_id != 0)
            sb_addf(&b, " AND x.township_id = $%d", par_addll(&p, township_id));
        else
            sb_add(&b, " AND x.township_id = ANY ((SELECT "
                       "eduaid.my_townships())::int[])");
    } else {
        set_err(err, DB_ERROR, NULL, "lookup %s: unknown scope \"%s\"", d->name,
                d->scope);
        goto cleanup;
    }
    lookup_only_where(&b, &p, db, only);
    if (!lookup_text_where(&b, &p, db, d, text)) {
        set_no_memory(err);
        goto cleanup;
    }
    sb_add(&b, " ORDER BY ");
    sb_col(&b, db, "x", d->key);
    sb_addf(&b, " LIMIT $%d",
            par_addll(&p, limit > 0 ? limit : LIST_DEFAULT_LIMIT));
    res = exec_built(db, &b, &p, err);
cleanup:
    sb_free(&b);
    par_free(&p);
    return res;
}

char *
record_lookup_label(struct db *db, const struct lookupdef *d, const char *key,
                    struct db_error *err)
{
    struct sbuf b = {0};
    struct params p = {0};
    struct dbres *res;
    char *label = NULL;

    db_error_clear(err);
    if (db == NULL || d == NULL || is_empty(key))
        return NULL;
    sb_add(&b, "SELECT ");
    sb_col(&b, db, "x", d->label);
    sb_add(&b, "::text FROM ");
    sb_table(&b, db, d->table);
    sb_add(&b, " x WHERE ");
    sb_col(&b, db, "x", d->key);
    sb_addf(&b, "::text = $%d", par_add(&p, key));
    res = exec_built(db, &b, &p, err);
    sb_free(&b);
    par_free(&p);
    if (res == NULL)
        return NULL;
    if (dbres_get(res, 0, 0) != NULL &&
        (label = xstrdup(dbres_get(res, 0, 0))) == NULL)
        set_no_memory(err);
    dbres_free(res);
    return label;
}

/* ---- the catalog check --------------------------------------------------- */

/* Whether table (and, if col is not NULL, its column col) is in cols. */
static bool
cat_has(const struct dbres *cols, const char *table, const char *col)
{
    for (int i = 0; i < cols->nrows; i++) {
        const char *t = dbres_get(cols, i, 0), *c = dbres_get(cols, i, 1);

        if (t != NULL && strcmp(t, table) == 0 &&
            (col == NULL || (c != NULL && strcmp(c, col) == 0)))
            return true;
    }
    return false;
}

/*
 * Check that table exists and has col; false with ferr set otherwise
 * (what names the column: "field", "list column", ...).
 */
static bool
cat_check(const struct dbres *cols, const char *file, int line,
          const char *table, const char *col, const char *what,
          struct formdef_error *ferr)
{
    if (!cat_has(cols, table, NULL)) {
        formdef_error_set(ferr, file, line, "table eduaid.%s does not exist",
                          table);
        return false;
    }
    if (col != NULL && !cat_has(cols, table, col)) {
        formdef_error_set(ferr, file, line,
                          "%s \"%s\": column eduaid.%s.%s does not exist", what,
                          col, table, col);
        return false;
    }
    return true;
}

/* Each lookup_only column of fields[0..n-1] (file path) is a column of
 * its lookup's table. */
static bool
only_fields_ok(const struct dbres *cols, const char *path,
               const struct fielddef *fields, size_t n,
               const struct lookupset *l, struct formdef_error *ferr)
{
    for (size_t i = 0; i < n; i++) {
        const struct fielddef *fd = &fields[i];
        const struct lookupdef *d;

        if (fd->only_column == NULL ||
            (d = lookupset_find(l, fd->lookup)) == NULL)
            continue;
        if (!cat_check(cols, path, fd->line, d->table, fd->only_column,
                       "lookup_only column", ferr))
            return false;
    }
    return true;
}

/* The lookup_only columns of form f and its grids. */
static bool
only_columns_ok(const struct dbres *cols, const struct formdef *f,
                const struct lookupset *l, struct formdef_error *ferr)
{
    if (!only_fields_ok(cols, f->path, f->fields, f->nfields, l, ferr))
        return false;
    for (size_t g = 0; g < f->ngrids; g++)
        if (!only_fields_ok(cols, f->path, f->grids[g].fields,
                            f->grids[g].nfields, l, ferr))
            return false;
    return true;
}

int
record_check_catalog(struct db *db, const struct formdef *f,
                     const struct lookupset *l, struct formdef_error *ferr,
                     struct db_error *err)
{
    /* what every record table has, and every grid table */
    static const char *const record_cols[] = {
        "id",          "version",    "status",     "reason",
        "township_id", "updated_at", "client_uuid"};
    static const char *const grid_cols[] = {"id", "township_id"};
    const char **tables = NULL;
    size_t n = 0, cap;
    char *arr = NULL;
    const char *params[1];
    struct dbres *cols = NULL;
    int rc = -1;

    db_error_clear(err);
    if (ferr != NULL)
        memset(ferr, 0, sizeof *ferr);
    if (db == NULL || f == NULL) {
        set_err(err, DB_ERROR, NULL, "no database or form");
        return -1;
    }
    cap = 1 + f->ngrids + (l != NULL ? l->count : 0);
    tables = malloc(cap * sizeof *tables);
    if (tables == NULL)
        goto oom;
    tables[n++] = f->table;
    for (size_t g = 0; g < f->ngrids; g++)
        tables[n++] = f->grids[g].table;
    if (l != NULL)
        for (size_t i = 0; i < l->count; i++)
            tables[n++] = l->items[i].table;
    if ((arr = array_literal(tables, n)) == NULL)
        goto oom;
    params[0] = arr;
    cols = db_exec(db,
                   "SELECT c.relname::text, a.attname::text"
                   " FROM pg_catalog.pg_class c"
                   " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                   " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
                   " WHERE n.nspname = 'eduaid'"
                   " AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
                   " AND c.relname = ANY ($1::text[])"
                   " AND a.attnum > 0 AND NOT a.attisdropped",
                   1, params, err);
    if (cols == NULL) {
        formdef_error_set(ferr, f->path, 0,
                          "cannot read the database catalog: %s",
                          err != NULL ? err->message : "");
        goto cleanup;
    }

    if (!cat_check(cols, f->path, 0, f->table, NULL, NULL, ferr))
        goto cleanup;
    for (size_t i = 0; i < sizeof record_cols / sizeof record_cols[0]; i++)
        if (!cat_check(cols, f->path, 0, f->table, record_cols[i],
                       "record column", ferr))
            goto cleanup;
    for (size_t i = 0; i < f->nfields; i++)
        if (!cat_check(cols, f->path, f->fields[i].line, f->table,
                       f->fields[i].name, "field", ferr))
            goto cleanup;
    for (size_t i = 0; i < f->ncolumns; i++)
        if (!cat_check(cols, f->path, f->columns[i].line, f->table,
                       f->columns[i].field, "list column", ferr))
            goto cleanup;
    for (size_t g = 0; g < f->ngrids; g++) {
        const struct griddef *gd = &f->grids[g];

        if (!cat_check(cols, f->path, gd->line, gd->table, gd->parent_key,
                       "parent key", ferr))
            goto cleanup;
        for (size_t i = 0; i < sizeof grid_cols / sizeof grid_cols[0]; i++)
            if (!cat_check(cols, f->path, gd->line, gd->table, grid_cols[i],
                           "grid column", ferr))
                goto cleanup;
        for (size_t i = 0; i < gd->nfields; i++)
            if (!cat_check(cols, f->path, gd->fields[i].line, gd->table,
                           gd->fields[i].name, "field", ferr))
                goto cleanup;
        for (size_t i = 0; i < gd->ncolumns; i++)
            if (!cat_check(cols, f->path, gd->columns[i].line, gd->table,
                           gd->columns[i].field, "grid column", ferr))
                goto cleanup;
    }
    if (!only_columns_ok(cols, f, l, ferr))
        goto cleanup;
    if (l != NULL)
        for (size_t i = 0; i < l->count; i++) {
            const struct lookupdef *d = &l->items[i];

            if (!cat_check(cols, l->path, d->line, d->table, d->key,
                           "lookup key", ferr) ||
                !cat_check(cols, l->path, d->line, d->table, d->label,
                           "lookup label", ferr) ||
                (d->detail != NULL &&
                 !cat_check(cols, l->path, d->line, d->table, d->detail,
                            "lookup detail", ferr)) ||
                (d->scope != NULL && strcmp(d->scope, "township") == 0 &&
                 !cat_check(cols, l->path, d->line, d->table, TOWNSHIP_COLUMN,
                            "lookup scope column", ferr)))
                goto cleanup;
        }
    rc = 0;
    goto cleanup;

oom:
    set_no_memory(err);
    formdef_error_set(ferr, f->path, 0, "out of memory");
cleanup:
    dbres_free(cols);
    free(arr);
    free(tables);
    return rc;
}

/* ---- errors to fields ---------------------------------------------------- */

/* The field of fields named name, or name + "_id" when try_id. */
static const char *
match_field(const struct fielddef *fields, size_t n, const char *name,
            size_t len, bool try_id)
{
    for (size_t i = 0; i < n; i++) {
        const char *fname = fields[i].name;

        if (fname == NULL)
            continue;
        if (strlen(fname) == len && strncmp(fname, name, len) == 0)
            return fname;
        if (try_id && strlen(fname) == len + 3 &&
            strncmp(fname, name, len) == 0 && strcmp(fname + len, "_id") == 0)
            return fname;
    }
    return NULL;
}

/*
 * The field constraint names in table's fields, if it follows
 * <table>_<field>_check|_fk|_key; NULL otherwise.
 */
static const char *
field_of_constraint(const char *constraint, const char *table,
                    const struct fielddef *fields, size_t n)
{
    static const char *const suffixes[] = {"_check", "_fk", "_key"};
    size_t tlen = strlen(table), clen = strlen(constraint);

    if (clen <= tlen + 1 || strncmp(constraint, table, tlen) != 0 ||
        constraint[tlen] != '_')
        return NULL;
    for (size_t s = 0; s < sizeof suffixes / sizeof suffixes[0]; s++) {
        size_t slen = strlen(suffixes[s]);
        const char *name = constraint + tlen + 1;
        size_t len;

        if (!ends_with(constraint, suffixes[s]) || clen < tlen + 1 + slen + 1)
            continue;
        len = clen - tlen - 1 - slen;
        /* household_village_fk: the column is village_id (and a
         * unique key over a reference, program_key, means program_id) */
        return match_field(fields, n, name, len,
                           strcmp(suffixes[s], "_check") != 0);
    }
    return NULL;
}

const char *
record_error_field(const struct formdef *f, const struct db_error *err,
                   int *grid)
{
    const char *name = NULL;
    bool any_table;

    if (grid != NULL)
        *grid = -1;
    if (f == NULL || err == NULL)
        return NULL;
    any_table = err->table[0] == '\0';

    /* not-null violations, the ID-number guard (EA008): the column itself */
    if (err->column[0] != '\0') {
        if (any_table || strcmp(err->table, f->table) == 0)
            name = match_field(f->fields, f->nfields, err->column,
                               strlen(err->column), false);
        if (name != NULL)
            return name;
        for (size_t g = 0; g < f->ngrids; g++) {
            const struct griddef *gd = &f->grids[g];

            if (!any_table && strcmp(err->table, gd->table) != 0)
                continue;
            name = match_field(gd->fields, gd->nfields, err->column,
                               strlen(err->column), false);
            if (name != NULL) {
                if (grid != NULL)
                    *grid = (int)g;
                return name;
            }
        }
    }
    if (err->constraint[0] == '\0')
        return NULL;
    if (any_table || strcmp(err->table, f->table) == 0) {
        name = field_of_constraint(err->constraint, f->table, f->fields,
                                   f->nfields);
        if (name != NULL)
            return name;
    }
    for (size_t g = 0; g < f->ngrids; g++) {
        const struct griddef *gd = &f->grids[g];

        if (!any_table && strcmp(err->table, gd->table) != 0)
            continue;
        name = field_of_constraint(err->constraint, gd->table, gd->fields,
                                   gd->nfields);
        if (name != NULL) {
            if (grid != NULL)
                *grid = (int)g;
            return name;
        }
    }
    return NULL;
}
