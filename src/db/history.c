/*
 * history.c
 *   The statements of a record's history (history.h): the audit entries
 *   of eduaid.record_history, each spread into its changed fields in the
 *   form's order, the row of eduaid.last_approved, one column a row, and
 *   the member rows of eduaid.last_approved_members, one column a row.
 *   Every value is a parameter.
 */
#include "config.h"

#include "db/history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Entries and their changes, one row per change (or one with a NULL field
 * for an entry without changes), in the form's field order ($3). */
static const char history_sql[] =
    "SELECT h.n, to_char(h.at, 'YYYY-MM-DD HH24:MI') AS at, h.actor,"
    " h.actor_name, h.action, h.reason, h.table_name, h.row_id::text AS row_id,"
    " c.key AS field,"
    " CASE jsonb_typeof(c.value -> 0) WHEN 'boolean'"
    "  THEN left((c.value -> 0)::text, 1) ELSE c.value ->> 0 END AS old,"
    " CASE jsonb_typeof(c.value -> 1) WHEN 'boolean'"
    "  THEN left((c.value -> 1)::text, 1) ELSE c.value ->> 1 END AS new"
    " FROM eduaid.record_history($1::text, $2::bigint) WITH ORDINALITY"
    "  AS h(at, actor, actor_name, action, reason, table_name, row_id,"
    "       changes, n)"
    " LEFT JOIN LATERAL jsonb_each(CASE jsonb_typeof(h.changes)"
    "  WHEN 'object' THEN h.changes END) AS c(key, value) ON true"
    " ORDER BY h.n, array_position($3::text[], c.key) NULLS LAST, c.key";

/* The record's row at its last approval, one field a row, booleans as t/f
 * like the record layer reads them. */
static const char approved_sql[] =
    "SELECT a.key, CASE jsonb_typeof(a.value)"
    " WHEN 'boolean' THEN left(a.value::text, 1)"
    " WHEN 'null' THEN NULL ELSE a.value #>> '{}' END AS value"
    " FROM jsonb_each(eduaid.last_approved($1::text, $2::bigint)) AS a";

/* The member rows changed since the last approval, each row as approved
 * spread into its columns (an added row has none: one line, field NULL). */
static const char members_sql[] =
    "SELECT m.table_name, m.row_id::text AS row_id, m.change,"
    " a.key AS field, CASE jsonb_typeof(a.value)"
    " WHEN 'boolean' THEN left(a.value::text, 1)"
    " WHEN 'null' THEN NULL ELSE a.value #>> '{}' END AS approved,"
    " CASE WHEN a.key IS NULL THEN NULL"
    " WHEN a.key = ANY (m.fields) THEN 't' ELSE 'f' END AS differs"
    " FROM eduaid.last_approved_members($1::text, $2::bigint) AS m"
    " LEFT JOIN LATERAL jsonb_each(m.approved) AS a(key, value) ON true"
    " ORDER BY m.table_name, m.row_id, a.key";

/* The field names of the form and its grids as an array literal, in the
 * form's order (names are [a-z_][a-z0-9_]*: no quoting needed). */
static char *
field_order(const struct formdef *f)
{
    size_t n = 3;
    char *out, *p;

    for (size_t i = 0; i < f->nfields; i++)
        n += strlen(f->fields[i].name) + 1;
    for (size_t g = 0; g < f->ngrids; g++)
        for (size_t i = 0; i < f->grids[g].nfields; i++)
            n += strlen(f->grids[g].fields[i].name) + 1;
    if ((out = malloc(n)) == NULL)
        return NULL;
    p = out;
    *p++ = '{';
    for (size_t i = 0; i < f->nfields; i++)
        p += sprintf(p, "%s%s", p > out + 1 ? "," : "", f->fields[i].name);
    for (size_t g = 0; g < f->ngrids; g++)
        for (size_t i = 0; i < f->grids[g].nfields; i++)
            p += sprintf(p, "%s%s", p > out + 1 ? "," : "",
                         f->grids[g].fields[i].name);
    *p++ = '}';
    *p = '\0';
    return out;
}

struct dbres *
history_of(struct db *db, const struct formdef *f, long long id,
           struct db_error *err)
{
    char idbuf[32], *order = field_order(f);
    const char *params[3] = {f->kind, idbuf, order};
    struct dbres *r;

    if (order == NULL) {
        db_error_clear(err);
        err->status = DB_NO_MEMORY;
        snprintf(err->message, sizeof err->message, "out of memory");
        return NULL;
    }
    snprintf(idbuf, sizeof idbuf, "%lld", id);
    r = db_exec(db, history_sql, 3, params, err);
    free(order);
    return r;
}

struct dbres *
history_last_approved(struct db *db, const char *kind, long long id,
                      struct db_error *err)
{
    char idbuf[32];
    const char *params[2] = {kind, idbuf};

    snprintf(idbuf, sizeof idbuf, "%lld", id);
    return db_exec(db, approved_sql, 2, params, err);
}

struct dbres *
history_member_changes(struct db *db, const char *kind, long long id,
                       struct db_error *err)
{
    char idbuf[32];
    const char *params[2] = {kind, idbuf};

    snprintf(idbuf, sizeof idbuf, "%lld", id);
    return db_exec(db, members_sql, 2, params, err);
}
