/*
 * audit.c
 *   The auditor's view of eduaid.audit_log (audit.h): one statement for a
 *   page (keyset on (at, id), newest first; every filter a parameter, NULL for
 *   any; a user given is that login when it is one, else the start of
 *   logins and names) and one for an entry in full. The entry reads the whole
 * old and new rows when the role may (has_column_privilege on new_row), else
 *   the masked ones: a role without the grant could not even name the
 *   column, so the two are two statements and the server's answer picks.
 */
#include "config.h"

#include "db/audit.h"

#include <stdio.h>
#include <string.h>

#define AUDIT_COLUMNS                                                          \
    "a.id, a.at AS at_key, to_char(a.at, 'YYYY-MM-DD HH24:MI:SS') AS at,"      \
    " a.actor,"                                                                \
    " coalesce(u.full_name, '') AS actor_name, a.kind, a.table_name,"          \
    " a.record_id, a.record_key, a.township_id,"                               \
    " coalesce(t.name, '') AS township, a.action, a.reason"

#define AUDIT_JOINS                                                            \
    " FROM eduaid.audit_log a"                                                 \
    " LEFT JOIN eduaid.township t ON t.id = a.township_id"                     \
    " LEFT JOIN eduaid.user_directory u ON u.login = a.actor"

static const char page_sql[] =
    "SELECT " AUDIT_COLUMNS AUDIT_JOINS
    " WHERE ($1::text IS NULL OR a.actor = $1"
    "        OR (NOT EXISTS (SELECT FROM eduaid.user_directory x"
    "                         WHERE x.login = $1)"
    "            AND (a.actor LIKE $11 OR u.full_name LIKE $11)))"
    "   AND ($2::int IS NULL OR a.township_id = $2)"
    "   AND ($3::text IS NULL OR a.kind = $3)"
    "   AND ($4::text IS NULL OR a.action = ANY (string_to_array($4, ',')))"
    "   AND ($5::interval IS NULL OR a.at >= now() - $5::interval)"
    "   AND ($6::date IS NULL OR a.at >= $6::date)"
    "   AND ($7::date IS NULL OR a.at < $7::date + 1)"
    "   AND ($8::timestamptz IS NULL OR (a.at, a.id) < ($8::timestamptz,"
    "        $9::bigint))"
    " ORDER BY a.at DESC, a.id DESC LIMIT $10::int";

static const char full_sql[] =
    "SELECT has_column_privilege('eduaid.audit_log', 'new_row', 'SELECT')"
    " AS full";

static const char entry_whole_sql[] =
    "SELECT " AUDIT_COLUMNS ", a.row_id,"
    " jsonb_pretty(a.old_row) AS old_values,"
    " jsonb_pretty(a.new_row) AS new_values, 'f' AS masked" AUDIT_JOINS
    " WHERE a.id = $1::bigint";

static const char entry_masked_sql[] =
    "SELECT " AUDIT_COLUMNS ", a.row_id,"
    " jsonb_pretty(a.old_masked) AS old_values,"
    " jsonb_pretty(a.new_masked) AS new_values, 't' AS masked" AUDIT_JOINS
    " WHERE a.id = $1::bigint";

/* NULL for "", else s. */
static const char *
any(const char *s)
{
    return s != NULL && s[0] != '\0' ? s : NULL;
}

struct dbres *
audit_page(struct db *db, const struct audit_filter *f,
           const struct dbres *after, int after_row, int limit,
           struct db_error *err)
{
    static const struct audit_filter none = {0};
    char township[16], lim[16], prefix[256];
    const char *params[11] = {NULL};

    if (f == NULL)
        f = &none;
    snprintf(township, sizeof township, "%d", f->township);
    snprintf(lim, sizeof lim, "%d", limit);
    params[0] = any(f->user);
    params[1] = f->township != 0 ? township : NULL;
    params[2] = any(f->kind);
    params[3] = any(f->actions);
    params[4] = any(f->since);
    params[5] = any(f->from);
    params[6] = any(f->to);
    if (after != NULL) {
        params[7] = dbres_field(after, after_row, "at_key");
        params[8] = dbres_field(after, after_row, "id");
    }
    params[9] = lim;
    params[10] = db_like_prefix(f->user, prefix, sizeof prefix);
    if (params[0] != NULL && params[10] == NULL)
        params[10] = params[0]; /* too long to be a prefix: as it is */
    return db_exec(db, page_sql, 11, params, err);
}

struct dbres *
audit_entry(struct db *db, long long id, struct db_error *err)
{
    char ids[32];
    const char *params[1] = {ids};
    struct dbres *r = db_exec(db, full_sql, 0, NULL, err);
    const char *full;
    bool whole;

    if (r == NULL)
        return NULL;
    full = dbres_field(r, 0, "full");
    whole = full != NULL && strcmp(full, "t") == 0;
    dbres_free(r);
    snprintf(ids, sizeof ids, "%lld", id);
    return db_exec(db, whole ? entry_whole_sql : entry_masked_sql, 1, params,
                   err);
}
