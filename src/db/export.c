/*
 * export.c
 *   eduaid export's database side (see export.h): which columns a kind
 *   exports and under which headers (the form definition; the roster
 *   columns for households), the SELECT built from them with quoted
 *   identifiers and the filters as parameters, read through a cursor a
 *   page at a time in one transaction. The record rows come from the
 *   server's eduaid.export_<kind>(status, township, unmasked), which
 *   checks the filters, counts the rows and writes the export's audit row
 *   itself before the first row arrives (sql/020_locks.sql): no export
 *   can be read without its log row, and the client writes none.
 *
 *   The statement is written into an open_memstream(3) buffer; a failed
 *   write or quoting is remembered and reported once, before anything is
 *   sent.
 */
#include "config.h"

#include "db/export.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/roster.h"

#define CURSOR_NAME "eduaid_export"

/* The roster import's columns (core/roster.h), in its order, and the
 * form fields they come from: the contract with the import. A member's
 * stage is a fact of the school year (026_school_years.sql), no longer a
 * field of the household form: it comes from the member's row of the
 * server's current school year (YEAR_STAGE, joined as gy). */
struct roster_src {
    enum roster_col col;
    bool grid;         /* a member's field, else the household's */
    const char *field; /* the form field it comes from */
};

static const struct roster_src roster_cols[] = {
    {RC_HOUSEHOLD_NO, false, "household_no"},
    {RC_TOWNSHIP, false, "township_id"},
    {RC_VILLAGE, false, "village_id"},
    {RC_HEAD_NAME, false, "head_name"},
    {RC_HEAD_ID_NUMBER, false, "head_id_number"},
    {RC_FAMILY_SIZE, false, "family_size"},
    {RC_MEMBER_NAME, true, "name"},
    {RC_MEMBER_ID_NUMBER, true, "id_number"},
    {RC_RELATION, true, "relation"},
    {RC_STAGE, true, "stage"},
};
#define N_ROSTER (sizeof roster_cols / sizeof roster_cols[0])
#define ROSTER_KIND "household"
#define YEAR_STAGE "gy.stage"
/* the stage and the status in words (issue 12 item 11), from the tables
 * the screens read them from */
#define YEAR_STAGE_ZH                                                          \
    "coalesce((SELECT c.zh FROM eduaid.choice_stage c"                         \
    " WHERE c.value = gy.stage), gy.stage)"
#define YEAR_STAGE_EN                                                          \
    "coalesce((SELECT c.en FROM eduaid.choice_stage c"                         \
    " WHERE c.value = gy.stage), gy.stage)"
#define STATUS_ZH                                                              \
    "coalesce((SELECT s.word_zh FROM eduaid.record_status s"                   \
    " WHERE s.code = r.status), r.status)"
#define STATUS_EN                                                              \
    "coalesce((SELECT s.word_en FROM eduaid.record_status s"                   \
    " WHERE s.code = r.status), r.status)"

/* The record's own columns every export ends with. */
static const struct {
    const char *column, *en, *zh, *expr;
} record_cols[] = {
    {"status", "Status", "状态", "r.status"},
    {"id", "Record no.", "记录编号", "r.id::text"},
    {"updated_at", "Last changed", "最后修改时间",
     "to_char(r.updated_at, 'YYYY-MM-DD HH24:MI:SS')"},
};
#define N_RECORD_COLS (sizeof record_cols / sizeof record_cols[0])

/* One exported column: a field of the record (alias r) or of its grid
 * (alias g), or one of record_cols (fd NULL). */
struct excol {
    const char *label;
    const struct fielddef *fd;
    bool grid;
    const char *expr; /* fd NULL: a constant SQL expression */
};

struct export
{
    struct db *db;
    char *kind;
    char *status; /* NULL: any */
    int township_id;
    bool unmasked;
    bool words, zh; /* choices and yes/no in words, which */
    const char **labels;
    const struct fielddef **fields; /* each column's field, or NULL */
    size_t ncols;
};

/* ---- errors ------------------------------------------------------------- */

static void set_err(struct db_error *err, const char *sqlstate, const char *fmt,
                    ...) __attribute__((format(printf, 3, 4)));

static void
set_err(struct db_error *err, const char *sqlstate, const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return;
    db_error_clear(err);
    err->status = DB_ERROR;
    snprintf(err->sqlstate, sizeof err->sqlstate, "%s",
             sqlstate != NULL ? sqlstate : "");
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

static void
set_no_memory(struct db_error *err)
{
    set_err(err, NULL, "out of memory");
    if (err != NULL)
        err->status = DB_NO_MEMORY;
}

/* ---- townships ---------------------------------------------------------- */

int
export_township(struct db *db, const char *text, int *id, char *name,
                size_t namesz, struct db_error *err)
{
    const char *params[1] = {text};
    struct dbres *r;
    int rc;

    /* mine first; a code matches before a name */
    r = db_exec(db,
                "SELECT t.id::text, t.name,"
                " t.id = ANY (coalesce(eduaid.my_townships(), '{}'))"
                " FROM eduaid.township t"
                " WHERE t.id::text = $1 OR t.name = $1"
                " ORDER BY 3 DESC, (t.id::text = $1) DESC, t.id LIMIT 1",
                1, params, err);
    if (r == NULL)
        return -1;
    if (r->nrows == 0) {
        set_err(err, NULL, "no township has the code or name '%s'", text);
        rc = 1;
    } else {
        *id = atoi(dbres_get(r, 0, 0));
        snprintf(name, namesz, "%s", dbres_get(r, 0, 1));
        rc = strcmp(dbres_get(r, 0, 2), "t") == 0 ? 0 : 2;
        if (rc == 2)
            set_err(err, NULL, "township %s (%s) is not one of yours", name,
                    dbres_get(r, 0, 0));
    }
    dbres_free(r);
    return rc;
}

/* ---- record kinds ------------------------------------------------------- */

int
export_kind_known(struct db *db, const char *kind, struct db_error *err)
{
    const char *params[1] = {kind};
    struct dbres *r =
        db_exec(db, "SELECT eduaid.record_table($1) IS NOT NULL AS known", 1,
                params, err);
    int known;

    if (r == NULL)
        return -1;
    known = r->nrows == 1 && strcmp(dbres_field(r, 0, "known"), "t") == 0;
    dbres_free(r);
    return known;
}

/* ---- columns ------------------------------------------------------------ */

static const struct fielddef *
roster_field(const struct formdef *f, const struct roster_src *c)
{
    if (!c->grid)
        return formdef_field(f, c->field);
    return f->ngrids > 0 ? griddef_field(&f->grids[0], c->field) : NULL;
}

/*
 * The columns of q->form's export in order, into a new array (*n of
 * them); NULL with err when out of memory or when the household form
 * lacks a roster field.
 */
static struct excol *
plan_columns(const struct export_query *q, size_t *n, struct db_error *err)
{
    const struct formdef *f = q->form;
    const struct griddef *g = f->ngrids > 0 ? &f->grids[0] : NULL;
    size_t cap = N_ROSTER + f->nfields + (g ? g->nfields : 0) + N_RECORD_COLS;
    struct excol *cols = calloc(cap, sizeof *cols);
    bool roster = strcmp(f->kind, ROSTER_KIND) == 0;
    size_t k = 0;

    if (cols == NULL) {
        set_no_memory(err);
        return NULL;
    }
    for (size_t i = 0; roster && i < N_ROSTER; i++) {
        const struct fielddef *fd = roster_field(f, &roster_cols[i]);

        if (fd == NULL && roster_cols[i].col == RC_STAGE && g != NULL) {
            cols[k++] = (struct excol){q->zh ? roster_col_zh(RC_STAGE)
                                             : roster_col_name(RC_STAGE),
                                       NULL, true,
                                       q->codes ? YEAR_STAGE
                                       : q->zh  ? YEAR_STAGE_ZH
                                                : YEAR_STAGE_EN};
            continue;
        }
        if (fd == NULL) {
            set_err(err, NULL, "%s: no field '%s', which the roster needs",
                    f->path, roster_cols[i].field);
            free(cols);
            return NULL;
        }
        cols[k++] = (struct excol){q->zh ? roster_col_zh(roster_cols[i].col)
                                         : roster_col_name(roster_cols[i].col),
                                   fd, roster_cols[i].grid, NULL};
    }
    for (size_t i = 0; i < f->nfields + (g ? g->nfields : 0); i++) {
        bool grid = i >= f->nfields;
        const struct fielddef *fd =
            grid ? &g->fields[i - f->nfields] : &f->fields[i];
        bool taken = false;

        for (size_t j = 0; roster && j < N_ROSTER; j++)
            taken = taken || (roster_cols[j].grid == grid &&
                              strcmp(roster_cols[j].field, fd->name) == 0);
        /* (current members only: their day of moving out is always empty) */
        taken =
            taken || (roster && grid && strcmp(fd->name, "moved_out_on") == 0);
        if (!taken)
            cols[k++] =
                (struct excol){label_text(&fd->label, q->zh), fd, grid, NULL};
    }
    for (size_t i = 0; i < N_RECORD_COLS; i++)
        cols[k++] = (struct excol){
            q->zh ? record_cols[i].zh : record_cols[i].en, NULL, false,
            i > 0 || q->codes ? record_cols[i].expr
            : q->zh           ? STATUS_ZH
                              : STATUS_EN};
    *n = k;
    return cols;
}

/* ---- building the statement --------------------------------------------- */

/* A statement being written; failed once anything could not be. */
struct sql {
    FILE *fp;
    char *text;
    size_t len;
    struct db *db;
    bool failed;
};

static void
put(struct sql *s, const char *text)
{
    if (!s->failed && fputs(text, s->fp) == EOF)
        s->failed = true;
}

static void
put_ident(struct sql *s, const char *ident)
{
    char *q = s->failed ? NULL : db_quote_ident(s->db, ident);

    if (q == NULL) {
        s->failed = true;
        return;
    }
    put(s, q);
    free(q);
}

/* alias.ident, alias being ours ("r", "g", "l3"). */
static void
put_col(struct sql *s, const char *alias, const char *ident)
{
    put(s, alias);
    put(s, ".");
    put_ident(s, ident);
}

/* The names of the *_masked columns of the tables in play. */
static struct dbres *
masked_columns(struct db *db, const struct formdef *f, struct db_error *err)
{
    const char *params[2] = {f->table,
                             f->ngrids > 0 ? f->grids[0].table : f->table};

    return db_exec(db,
                   "SELECT c.relname::text, a.attname::text"
                   " FROM pg_catalog.pg_class c"
                   " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                   " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
                   " WHERE n.nspname = 'eduaid' AND c.relname IN ($1, $2)"
                   " AND a.attnum > 0 AND NOT a.attisdropped"
                   " AND a.attname LIKE '%\\_masked'",
                   2, params, err);
}

/* Whether table has a column named <field>_masked. */
static bool
has_twin(const struct dbres *masked, const char *table, const char *field)
{
    size_t n = strlen(field);

    for (int i = 0; i < masked->nrows; i++) {
        const char *t = dbres_get(masked, i, 0), *c = dbres_get(masked, i, 1);

        if (strcmp(t, table) == 0 && strncmp(c, field, n) == 0 &&
            strcmp(c + n, "_masked") == 0)
            return true;
    }
    return false;
}

/* The lookup of field fd, or NULL. */
static const struct lookupdef *
lookup_of(const struct export_query *q, const struct fielddef *fd)
{
    return fd->type == FT_LOOKUP && q->lookups != NULL
               ? lookupset_find(q->lookups, fd->lookup)
               : NULL;
}

/* The select-list expression of column i (lookups join as l<i>). */
static void
put_value(struct sql *s, const struct export_query *q, const struct excol *c,
          size_t i, const struct dbres *masked)
{
    const char *alias = c->grid ? "g" : "r";
    const char *table = c->grid ? q->form->grids[0].table : q->form->table;
    const struct lookupdef *d;

    if (c->fd == NULL) {
        put(s, c->expr);
    } else if ((d = lookup_of(q, c->fd)) != NULL) {
        char a[24];

        snprintf(a, sizeof a, "l%zu", i);
        put_col(s, a, d->label);
        put(s, "::text");
    } else if (!q->unmasked && has_twin(masked, table, c->fd->name)) {
        size_t n = strlen(c->fd->name) + sizeof "_masked";
        char *twin = malloc(n);

        if (twin == NULL) {
            s->failed = true;
            return;
        }
        snprintf(twin, n, "%s_masked", c->fd->name);
        put_col(s, alias, twin);
        put(s, "::text");
        free(twin);
    } else if (c->fd->type == FT_DATE) {
        put(s, "to_char(");
        put_col(s, alias, c->fd->name);
        put(s, ", 'YYYY-MM-DD')");
    } else {
        put_col(s, alias, c->fd->name);
        put(s, "::text");
    }
}

/* FROM the kind's export function (parameters $1 status, $2 township,
 * $3 unmasked), the grid and lookup joins, ORDER BY. */
static void
put_from(struct sql *s, const struct export_query *q, const struct excol *cols,
         size_t ncols)
{
    const struct formdef *f = q->form;
    size_t n = strlen(f->kind) + sizeof "export_";
    char *fn = malloc(n);

    if (fn == NULL) {
        s->failed = true;
        return;
    }
    snprintf(fn, n, "export_%s", f->kind);
    put(s, " FROM eduaid.");
    put_ident(s, fn);
    put(s, "($1::text, $2::int, $3::boolean) r");
    free(fn);
    if (f->ngrids > 0) {
        put(s, " LEFT JOIN eduaid.");
        put_ident(s, f->grids[0].table);
        put(s, " g ON g.township_id = r.township_id AND ");
        put_col(s, "g", f->grids[0].parent_key);
        put(s, " = r.id");
        /* the register's members: one who moved to a household of another
         * township (issue 11, 033_member_transfers.sql) is history here */
        if (strcmp(f->kind, ROSTER_KIND) == 0)
            put(s, " AND g.moved_out_on IS NULL"
                   " LEFT JOIN eduaid.student_year gy"
                   " ON gy.township_id = g.township_id AND gy.student_id = g.id"
                   " AND gy.school_year = eduaid.school_year_of(current_date)");
    }
    for (size_t i = 0; i < ncols; i++) {
        const struct lookupdef *d =
            cols[i].fd != NULL ? lookup_of(q, cols[i].fd) : NULL;
        char a[24];

        if (d == NULL)
            continue;
        snprintf(a, sizeof a, "l%zu", i);
        put(s, " LEFT JOIN eduaid.");
        put_ident(s, d->table);
        put(s, " ");
        put(s, a);
        put(s, " ON ");
        put_col(s, a, d->key);
        put(s, " = ");
        put_col(s, cols[i].grid ? "g" : "r", cols[i].fd->name);
    }
    put(s, " ORDER BY r.township_id, r.id");
    if (f->ngrids > 0)
        put(s, ", g.id");
}

/* DECLARE ... CURSOR FOR the export's SELECT, into a new string (free
 * it), or NULL with err. */
static char *
build_declare(struct db *db, const struct export_query *q,
              const struct excol *cols, size_t ncols, struct db_error *err)
{
    struct sql s = {.db = db};
    struct dbres *masked = masked_columns(db, q->form, err);

    if (masked == NULL)
        return NULL;
    s.fp = open_memstream(&s.text, &s.len);
    if (s.fp == NULL) {
        dbres_free(masked);
        set_no_memory(err);
        return NULL;
    }
    put(&s, "DECLARE " CURSOR_NAME " NO SCROLL CURSOR FOR SELECT ");
    for (size_t i = 0; i < ncols; i++) {
        if (i > 0)
            put(&s, ", ");
        put_value(&s, q, &cols[i], i, masked);
    }
    put_from(&s, q, cols, ncols);
    if (fclose(s.fp) != 0)
        s.failed = true;
    dbres_free(masked);
    if (s.failed) {
        free(s.text);
        set_no_memory(err);
        return NULL;
    }
    return s.text;
}

/* ---- the transaction ---------------------------------------------------- */

/* Whether status is a word the kind's table accepts; -1 with err. */
static int
status_known(struct db *db, const char *kind, const char *status,
             struct db_error *err)
{
    const char *params[2] = {kind, status};
    struct dbres *r = db_exec(db,
                              "SELECT $2 = ANY (s), array_to_string(s, ', ')"
                              " FROM eduaid.record_statuses($1) AS s",
                              2, params, err);
    int rc;

    if (r == NULL)
        return -1;
    rc = r->nrows == 1 && dbres_get(r, 0, 0) != NULL &&
         strcmp(dbres_get(r, 0, 0), "t") == 0;
    if (!rc) {
        set_err(err, "22023", "unknown status '%s'", status);
        if (err != NULL)
            snprintf(err->detail, sizeof err->detail, "%s",
                     r->nrows == 1 && dbres_get(r, 0, 1) != NULL
                         ? dbres_get(r, 0, 1)
                         : "");
    }
    dbres_free(r);
    return rc ? 0 : -1;
}

static void
export_free(struct export *ex)
{
    if (ex == NULL)
        return;
    free(ex->kind);
    free(ex->status);
    free(ex->labels);
    free(ex->fields);
    free(ex);
}

/* A new struct export for q with the labels of cols; NULL when out of
 * memory. */
static struct export *
export_new(struct db *db, const struct export_query *q,
           const struct excol *cols, size_t ncols)
{
    struct export *ex = calloc(1, sizeof *ex);

    if (ex == NULL)
        return NULL;
    ex->db = db;
    ex->township_id = q->township_id;
    ex->unmasked = q->unmasked;
    ex->ncols = ncols;
    ex->kind = strdup(q->form->kind);
    ex->status = q->status != NULL ? strdup(q->status) : NULL;
    ex->labels = calloc(ncols, sizeof *ex->labels);
    ex->fields = calloc(ncols, sizeof *ex->fields);
    ex->words = !q->codes;
    ex->zh = q->zh;
    if (ex->kind == NULL || (q->status != NULL && ex->status == NULL) ||
        ex->labels == NULL || ex->fields == NULL) {
        export_free(ex);
        return NULL;
    }
    for (size_t i = 0; i < ncols; i++) {
        ex->labels[i] = cols[i].label;
        ex->fields[i] = cols[i].fd;
    }
    return ex;
}

/* DECLARE the cursor with q's filters as parameters (NULL: any); 0 or
 * -1. */
static int
declare_cursor(struct db *db, const struct export_query *q, const char *sql,
               struct db_error *err)
{
    const char *params[3];
    char township[16];

    snprintf(township, sizeof township, "%d", q->township_id);
    params[0] = q->status;
    params[1] = q->township_id != 0 ? township : NULL;
    params[2] = q->unmasked ? "true" : "false";
    return db_command(db, sql, 3, params, err);
}

struct export *
export_begin(struct db *db, const struct export_query *q, struct db_error *err)
{
    struct excol *cols = NULL;
    struct export *ex = NULL;
    char *sql = NULL;
    size_t ncols = 0;

    db_error_clear(err);
    if ((cols = plan_columns(q, &ncols, err)) == NULL)
        return NULL;
    if (db_begin(db, err) != 0)
        goto fail;
    /* every row will be read: plan for all of them, not the first few */
    if (db_command(db, "SET LOCAL cursor_tuple_fraction = 1", 0, NULL, err) !=
            0 ||
        (q->status != NULL &&
         status_known(db, q->form->kind, q->status, err) != 0))
        goto fail;
    if ((sql = build_declare(db, q, cols, ncols, err)) == NULL ||
        declare_cursor(db, q, sql, err) != 0)
        goto fail;
    if ((ex = export_new(db, q, cols, ncols)) == NULL) {
        set_no_memory(err);
        goto fail;
    }
    free(sql);
    free(cols);
    return ex;
fail:
    db_rollback(db);
    free(sql);
    free(cols);
    return NULL;
}

const char *const *
export_header(const struct export *ex, size_t *ncols)
{
    *ncols = ex->ncols;
    return ex->labels;
}

const struct fielddef *
export_column_field(const struct export *ex, size_t col)
{
    return col < ex->ncols ? ex->fields[col] : NULL;
}

/* The word for stored value v of field fd (a choice's label, yes or no),
 * or v itself. */
static const char *
word_of(const struct export *ex, const struct fielddef *fd, const char *v)
{
    if (v == NULL || fd == NULL)
        return v;
    if (fd->type == FT_BOOL)
        return strcmp(v, "true") == 0    ? (ex->zh ? "是" : "yes")
               : strcmp(v, "false") == 0 ? (ex->zh ? "否" : "no")
                                         : v;
    if (fd->type == FT_CHOICE)
        for (size_t c = 0; c < fd->nchoices; c++)
            if (strcmp(fd->choices[c].value, v) == 0)
                return label_text(&fd->choices[c].label, ex->zh);
    return v;
}

struct dbres *
export_fetch(struct export *ex, struct db_error *err)
{
    char sql[64];
    struct dbres *page;

    snprintf(sql, sizeof sql, "FETCH %d FROM " CURSOR_NAME, EXPORT_PAGE_ROWS);
    page = db_exec(ex->db, sql, 0, NULL, err);
    if (page == NULL || !ex->words || (size_t)page->ncols != ex->ncols)
        return page;
    /* the words are the form's, which outlives the page: dbres_free frees
     * the block of the page's own strings, not what values[] points at */
    for (int i = 0; i < page->nrows; i++)
        for (size_t c = 0; c < ex->ncols; c++) {
            char **v = &page->values[(size_t)i * ex->ncols + c];

            *v = (char *)word_of(ex, ex->fields[c], *v);
        }
    return page;
}

int
export_finish(struct export *ex, long long nrows, struct db_error *err)
{
    int rc = -1;

    (void)nrows; /* the server counted and logged its rows already */
    if (db_command(ex->db, "CLOSE " CURSOR_NAME, 0, NULL, err) == 0 &&
        db_commit(ex->db, err) == 0)
        rc = 0;
    else
        db_rollback(ex->db);
    export_free(ex);
    return rc;
}

void
export_abort(struct export *ex)
{
    if (ex == NULL)
        return;
    db_rollback(ex->db);
    export_free(ex);
}
