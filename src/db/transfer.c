/*
 * transfer.c
 *   The statements of transfers between townships (transfer.h): reads of
 *   eduaid.transfers(), the county's townships and a township's
 *   villages, and the calls of the four transfer functions. Every value is
 *   a parameter.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db/transfer.h"

static const char list_sql[] =
    "SELECT t.id, t.direction, t.household_id, t.household_no, t.head_name,"
    " t.from_township, t.to_township, coalesce(t.to_village, '') AS to_village,"
    " t.to_township_id, t.reason, t.state, t.requested_by_name,"
    " to_char(t.requested_at, 'YYYY-MM-DD') AS requested_at, t.decided_by_name,"
    " coalesce(to_char(t.decided_at, 'YYYY-MM-DD'), '') AS decided_at,"
    " coalesce(t.refusal_reason, '') AS refusal_reason, t.may_decide,"
    " t.may_withdraw, coalesce(t.student_id::text, '') AS student_id,"
    " coalesce(t.member_name, '') AS member_name,"
    " coalesce(t.to_household_no, '') AS to_household_no"
    " FROM eduaid.transfers() t";

static const char townships_sql[] =
    "SELECT t.id::text AS value, t.name AS label, '' AS detail"
    " FROM eduaid.township t JOIN eduaid.township f ON f.county_id = "
    "t.county_id"
    " WHERE f.id = $2::int AND t.id <> f.id"
    " AND t.name LIKE '%' || $1 || '%' ORDER BY t.id";

static const char villages_sql[] =
    "SELECT v.id::text AS value, v.name AS label, '' AS detail"
    " FROM eduaid.village v WHERE v.township_id = $2::int"
    " AND v.name LIKE '%' || $1 || '%' ORDER BY v.id LIMIT 200";

static const char households_sql[] =
    "SELECT h.id::text AS value, h.household_no || ' ' || h.head_name AS label,"
    " coalesce(v.name, '') AS detail FROM eduaid.household h"
    " LEFT JOIN eduaid.village v ON v.id = h.village_id"
    " WHERE h.township_id = $2::int AND (h.household_no LIKE '%' || $1 || '%'"
    " OR h.head_name LIKE '%' || $1 || '%') ORDER BY h.household_no LIMIT 200";

static const char request_member_sql[] =
    "SELECT eduaid.transfer_request_member($1::bigint, $2::int, $3) AS id";

static const char accept_member_sql[] =
    "SELECT eduaid.transfer_accept_member($1::bigint, $2::bigint)";

static const char request_sql[] =
    "SELECT eduaid.transfer_request($1::bigint, $2::int, $3) AS id";

static const char accept_sql[] =
    "SELECT eduaid.transfer_accept($1::bigint, $2::bigint)";

static const char refuse_sql[] =
    "SELECT eduaid.transfer_refuse($1::bigint, $2)";

static const char withdraw_sql[] =
    "SELECT eduaid.transfer_withdraw($1::bigint)";

struct dbres *
transfer_list(struct db *db, struct db_error *err)
{
    return db_exec(db, list_sql, 0, NULL, err);
}

struct dbres *
transfer_townships(struct db *db, const char *filter, const char *from,
                   struct db_error *err)
{
    const char *params[2] = {filter != NULL ? filter : "", from};

    return db_exec(db, townships_sql, 2, params, err);
}

struct dbres *
transfer_villages(struct db *db, const char *filter, const char *township,
                  struct db_error *err)
{
    const char *params[2] = {filter != NULL ? filter : "", township};

    return db_exec(db, villages_sql, 2, params, err);
}

struct dbres *
transfer_households(struct db *db, const char *filter, const char *township,
                    struct db_error *err)
{
    const char *params[2] = {filter != NULL ? filter : "", township};

    return db_exec(db, households_sql, 2, params, err);
}

/* One request function: the id it returns, malloc'd, or NULL with err. */
static char *
request_id(struct db *db, const char *sql, const char *what,
           const char *to_township, const char *reason, struct db_error *err)
{
    const char *params[3] = {what, to_township, reason};
    struct dbres *r = db_exec(db, sql, 3, params, err);
    char *id = NULL;

    if (r == NULL)
        return NULL;
    if (r->nrows == 1 && r->ncols == 1 && r->values[0] != NULL)
        id = strdup(r->values[0]);
    dbres_free(r);
    if (id == NULL) {
        memset(err, 0, sizeof *err);
        err->status = DB_NO_MEMORY;
    }
    return id;
}

char *
transfer_request(struct db *db, const char *household, const char *to_township,
                 const char *reason, struct db_error *err)
{
    return request_id(db, request_sql, household, to_township, reason, err);
}

char *
transfer_request_member(struct db *db, const char *student,
                        const char *to_township, const char *reason,
                        struct db_error *err)
{
    return request_id(db, request_member_sql, student, to_township, reason,
                      err);
}

int
transfer_accept_member(struct db *db, const char *request,
                       const char *household, struct db_error *err)
{
    const char *params[2] = {request, household};

    return db_command(db, accept_member_sql, 2, params, err);
}

int
transfer_accept(struct db *db, const char *request, const char *village,
                struct db_error *err)
{
    const char *params[2] = {request, village};

    return db_command(db, accept_sql, 2, params, err);
}

int
transfer_refuse(struct db *db, const char *request, const char *reason,
                struct db_error *err)
{
    const char *params[2] = {request, reason};

    return db_command(db, refuse_sql, 2, params, err);
}

int
transfer_withdraw(struct db *db, const char *request, struct db_error *err)
{
    const char *params[1] = {request};

    return db_command(db, withdraw_sql, 1, params, err);
}
