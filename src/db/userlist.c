/*
 * userlist.c
 *   The admin's list of accounts (userlist.h): one statement over
 *   eduaid.app_user, app_user_township and account_request, limited to
 *   the caller's county (eduaid.my_account_county), every value a
 *   parameter.
 */
#include "config.h"

#include "db/userlist.h"

#include <stddef.h>

static const char list_sql[] =
    "SELECT u.login, u.full_name, u.role, u.active,"
    " coalesce((SELECT string_agg(t.name, '、' ORDER BY t.id)"
    "   FROM eduaid.app_user_township ut"
    "   JOIN eduaid.township t ON t.id = ut.township_id"
    "  WHERE ut.login = u.login), '') AS townships,"
    " coalesce((SELECT string_agg(ut.township_id::text, ' '"
    "          ORDER BY ut.township_id)"
    "   FROM eduaid.app_user_township ut WHERE ut.login = u.login), '')"
    "   AS township_codes,"
    " coalesce((SELECT string_agg(r.action, ',' ORDER BY r.id)"
    "   FROM eduaid.account_request r"
    "  WHERE r.login = u.login AND r.status = 'pending'), '') AS pending"
    " FROM eduaid.app_user u"
    " WHERE u.county_id = eduaid.my_account_county()"
    "   AND ($1::text IS NULL OR u.login LIKE $1::text || '%'"
    "        OR u.full_name LIKE $1::text || '%')"
    " ORDER BY u.login COLLATE \"C\" LIMIT 2000";

struct dbres *
userlist_rows(struct db *db, const char *search, struct db_error *err)
{
    const char *params[1] = {search != NULL && search[0] ? search : NULL};

    return db_exec(db, list_sql, 1, params, err);
}
