/*
 * logins.c
 *   The auditor's log of logins (logins.h): one statement for a page,
 *   keyset on (at, id), newest first, every filter a parameter (NULL for
 *   any). A user given is that login when the log has it (demo_clerk is
 *   not demo_clerk2), else the start of a login as typed or of a user's
 *   full name.
 */
#include "config.h"

#include "db/logins.h"

#include <stdio.h>

static const char page_sql[] =
    "SELECT l.id, l.at AS at_key,"
    " to_char(l.at, 'YYYY-MM-DD HH24:MI:SS') AS at, l.login,"
    " coalesce(u.full_name, '') AS full_name, l.database, l.client,"
    " l.outcome, l.reason"
    " FROM eduaid.login_event l"
    " LEFT JOIN eduaid.user_directory u ON u.login = l.login"
    " WHERE ($1::text IS NULL OR l.login = $1"
    "        OR (NOT EXISTS (SELECT FROM eduaid.login_event x"
    "                         WHERE x.login = $1)"
    "            AND (l.login LIKE $8 OR u.full_name LIKE $8)))"
    "   AND ($2::text IS NULL OR l.outcome = $2)"
    "   AND ($3::interval IS NULL OR l.at >= now() - $3::interval)"
    "   AND ($4::date IS NULL OR l.at >= $4::date)"
    "   AND ($5::date IS NULL OR l.at < $5::date + 1)"
    "   AND ($6::timestamptz IS NULL OR (l.at, l.id) < ($6::timestamptz,"
    "        $7::bigint))"
    " ORDER BY l.at DESC, l.id DESC LIMIT $9::int";

/* NULL for "", else s. */
static const char *
any(const char *s)
{
    return s != NULL && s[0] != '\0' ? s : NULL;
}

struct dbres *
logins_page(struct db *db, const struct logins_filter *f,
            const struct dbres *after, int after_row, int limit,
            struct db_error *err)
{
    static const struct logins_filter none = {0};
    char lim[16], prefix[256];
    const char *params[9] = {NULL};

    if (f == NULL)
        f = &none;
    snprintf(lim, sizeof lim, "%d", limit);
    params[0] = any(f->user);
    params[1] = any(f->outcome);
    params[2] = any(f->since);
    params[3] = any(f->from);
    params[4] = any(f->to);
    if (after != NULL) {
        params[5] = dbres_field(after, after_row, "at_key");
        params[6] = dbres_field(after, after_row, "id");
    }
    params[7] = db_like_prefix(f->user, prefix, sizeof prefix);
    if (params[0] != NULL && params[7] == NULL)
        params[7] = params[0]; /* too long to be a prefix: as it is */
    params[8] = lim;
    return db_exec(db, page_sql, 9, params, err);
}
