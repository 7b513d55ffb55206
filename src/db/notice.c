/*
 * notice.c
 *   The statements of the public notices (notice.h): the one notice list
 *   the screen and `eduaid notice list` share, a notice's sheet and
 *   lines, and one call of a function of sql/013_notice.sql per change.
 *   Every value is a parameter.
 */
#include "config.h"

#include "db/notice.h"

#include <stdio.h>
#include <string.h>

/* The notices, newest first or oldest first; $2 NULL: no limit. */
static const char list_sql[] =
    "SELECT n.id, n.kind, n.title, n.starts_on, n.ends_on,"
    "       n.closed_at IS NOT NULL AS closed,"
    "       n.ends_on - current_date + 1 AS days_left,"
    "       (SELECT count(*) FROM eduaid.notice_item i"
    "         WHERE i.notice_id = n.id) AS lines,"
    "       (SELECT count(*) FROM eduaid.notice_objection o"
    "         WHERE o.notice_id = n.id AND o.decision = 'pending') AS pending"
    "  FROM eduaid.notice n"
    " ORDER BY CASE WHEN $1::boolean THEN n.id END DESC, n.id"
    " LIMIT $2::int";

static const char counts_sql[] =
    "SELECT count(*) FILTER (WHERE n.closed_at IS NULL) AS open,"
    "       (SELECT count(*) FROM eduaid.notice_objection o"
    "         WHERE o.decision = 'pending') AS pending"
    "  FROM eduaid.notice n";

static const char sheet_sql[] =
    "SELECT n.id, n.title, n.kind, n.starts_on, n.ends_on,"
    "       n.ends_on - n.starts_on + 1 AS days,"
    "       coalesce(d.full_name, n.opened_by) AS opened_by,"
    "       to_char(n.opened_at, 'YYYY-MM-DD') AS opened_on,"
    "       to_char(n.closed_at, 'YYYY-MM-DD') AS closed_on, n.contact,"
    "       (SELECT count(*) FROM eduaid.notice_item i"
    "         WHERE i.notice_id = n.id) AS lines,"
    "       (SELECT to_char(coalesce(sum(i.amount), 0),"
    "                       'FM999,999,999,990.00')"
    "          FROM eduaid.notice_item i WHERE i.notice_id = n.id) AS total"
    "  FROM eduaid.notice n"
    "  LEFT JOIN eduaid.user_directory d ON d.login = n.opened_by"
    " WHERE n.id = $1::bigint";

static const char sheet_lines_sql[] =
    "SELECT i.line_no, t.name AS township, i.name, i.program,"
    "       to_char(i.amount, 'FM999,999,999,990.00') AS amount, i.masked_id,"
    "       left(i.record_hash, 16) AS record_hash"
    "  FROM eduaid.notice_item i JOIN eduaid.township t ON t.id = i.township_id"
    " WHERE i.notice_id = $1::bigint ORDER BY i.line_no";

static const char scope_id_sql[] =
    "SELECT CASE $1"
    "    WHEN 'household_year' THEN (SELECT t.id FROM eduaid.township t"
    "                            WHERE t.id::text = $2 OR t.name = $2"
    "                            ORDER BY t.id LIMIT 1)"
    "    ELSE (SELECT p.id FROM eduaid.fund_program p"
    "           WHERE p.code = $2 OR p.id::text = $2) END AS id"
    "  WHERE $1 IN ('household_year', 'teacher_fund')";

static const char townships_sql[] =
    "SELECT t.id, t.name FROM eduaid.township t"
    " WHERE t.id = ANY (eduaid.my_townships())"
    "   AND (t.name LIKE '%' || $1 || '%' OR t.id::text LIKE $1 || '%')"
    " ORDER BY t.id LIMIT 64";

static const char programs_sql[] =
    "SELECT p.id, p.name FROM eduaid.fund_program p"
    " WHERE p.active AND (p.name LIKE '%' || $1 || '%' OR p.code LIKE $1 || "
    "'%') ORDER BY p.id LIMIT 64";

/* The new notice's id. Its lines are counted by a statement of their own
 * (lines_sql): a subquery of this one would read the snapshot taken before
 * open_notice inserted them, and count 0 (issue 12 item 10). */
static const char open_sql[] =
    "SELECT eduaid.open_notice($1, $2::int, $3::int, $4::date, $5, $6) AS id";

static const char lines_sql[] =
    "SELECT $1::bigint AS id, count(*) AS lines FROM eduaid.notice_item i"
    " WHERE i.notice_id = $1::bigint";

static const char preview_sql[] =
    "SELECT p.scope, p.lines"
    "  FROM eduaid.notice_preview($1, $2::int, $3::int) AS p";

static const char close_sql[] =
    "SELECT eduaid.close_notice($1::bigint) AS final";

static const char items_sql[] =
    "SELECT i.id, i.line_no, t.name AS township, i.name, i.program,"
    "       to_char(i.amount, 'FM999,999,999,990.00') AS amount, i.masked_id,"
    "       left(i.record_hash, 16) AS record_hash, i.kind, i.record_id,"
    "       coalesce(h.status, y.status, f.status) AS status,"
    "       count(o.id) FILTER (WHERE o.decision = 'pending') AS pending,"
    "       count(o.id) FILTER (WHERE o.decision = 'upheld') AS upheld,"
    "       count(o.id) FILTER (WHERE o.decision = 'dismissed') AS dismissed,"
    "       (array_agg(o.content ORDER BY o.id DESC))[1] AS latest"
    "  FROM eduaid.notice_item i"
    "  JOIN eduaid.township t ON t.id = i.township_id"
    "  LEFT JOIN eduaid.household h ON i.kind = 'household'"
    "       AND h.township_id = i.township_id AND h.id = i.record_id"
    "  LEFT JOIN eduaid.household_year y ON i.kind = 'household_year'"
    "       AND y.township_id = i.township_id AND y.id = i.record_id"
    "  LEFT JOIN eduaid.teacher_fund_application f ON i.kind = 'teacher_fund'"
    "       AND f.township_id = i.township_id AND f.id = i.record_id"
    "  LEFT JOIN eduaid.notice_objection o"
    "       ON o.township_id = i.township_id AND o.item_id = i.id"
    " WHERE i.notice_id = $1::bigint"
    " GROUP BY i.township_id, i.id, t.name, h.status, y.status, f.status"
    " ORDER BY i.line_no";

static const char object_sql[] =
    "SELECT eduaid.record_objection($1::bigint, $2, $3)";

static const char pending_sql[] =
    "SELECT o.id, o.content, coalesce(o.objector, '') AS objector"
    "  FROM eduaid.notice_objection o"
    " WHERE o.item_id = $1::bigint AND o.decision = 'pending'"
    " ORDER BY o.id LIMIT 32";

static const char decide_sql[] =
    "SELECT eduaid.decide_objection($1::bigint, $2, $3)";

static const char verify_sql[] =
    "SELECT notice_id, line_no, township, name, program, amount, masked_id,"
    "       record_hash,"
    "       CASE WHEN hash_ok THEN 'hash-ok' ELSE 'HASH-MISMATCH' END"
    "           AS hash_check,"
    "       audit_id, audit_action, audit_actor,"
    "       to_char(audit_at, 'YYYY-MM-DD HH24:MI:SS') AS audit_at,"
    "       CASE WHEN changed_since THEN 'changed-since' ELSE 'unchanged' END"
    "           AS changed"
    "  FROM eduaid.notice_verify($1)";

struct dbres *
notices_list(struct db *db, bool newest_first, int limit, struct db_error *err)
{
    char lim[16];
    const char *params[2] = {newest_first ? "true" : "false",
                             limit > 0 ? lim : NULL};

    snprintf(lim, sizeof lim, "%d", limit);
    return db_exec(db, list_sql, 2, params, err);
}

struct dbres *
notices_counts(struct db *db, struct db_error *err)
{
    return db_exec(db, counts_sql, 0, NULL, err);
}

struct dbres *
notices_sheet(struct db *db, const char *id, struct db_error *err)
{
    const char *params[1] = {id};

    return db_exec(db, sheet_sql, 1, params, err);
}

struct dbres *
notices_sheet_lines(struct db *db, const char *id, struct db_error *err)
{
    const char *params[1] = {id};

    return db_exec(db, sheet_lines_sql, 1, params, err);
}

struct dbres *
notices_scope_id(struct db *db, const char *kind, const char *scope,
                 struct db_error *err)
{
    const char *params[2] = {kind, scope};

    return db_exec(db, scope_id_sql, 2, params, err);
}

struct dbres *
notices_scope_choices(struct db *db, const char *kind, const char *filter,
                      struct db_error *err)
{
    const char *params[1] = {filter != NULL ? filter : ""};
    bool household = kind != NULL && strcmp(kind, "household_year") == 0;

    return db_exec(db, household ? townships_sql : programs_sql, 1, params,
                   err);
}

struct dbres *
notices_preview(struct db *db, const char *kind, const char *scope,
                const char *year, struct db_error *err)
{
    const char *params[3] = {kind, scope, year};

    return db_exec(db, preview_sql, 3, params, err);
}

struct dbres *
notices_open(struct db *db, const char *kind, const char *scope,
             const char *year, const char *ends_on, const char *title,
             const char *contact, struct db_error *err)
{
    const char *params[6] = {kind, scope, year, ends_on, title, contact};
    struct dbres *r = db_exec(db, open_sql, 6, params, err), *lines;
    const char *id[1];

    if (r == NULL)
        return NULL;
    id[0] = dbres_field(r, 0, "id");
    lines = db_exec(db, lines_sql, 1, id, err);
    dbres_free(r);
    return lines;
}

struct dbres *
notices_close(struct db *db, const char *id, struct db_error *err)
{
    const char *params[1] = {id};

    return db_exec(db, close_sql, 1, params, err);
}

struct dbres *
notices_items(struct db *db, const char *notice_id, struct db_error *err)
{
    const char *params[1] = {notice_id};

    return db_exec(db, items_sql, 1, params, err);
}

int
notices_object(struct db *db, const char *item, const char *content,
               const char *objector, struct db_error *err)
{
    const char *params[3] = {item, content, objector};

    return db_command(db, object_sql, 3, params, err);
}

struct dbres *
notices_pending_objections(struct db *db, const char *item,
                           struct db_error *err)
{
    const char *params[1] = {item};

    return db_exec(db, pending_sql, 1, params, err);
}

int
notices_decide(struct db *db, const char *objection, const char *decision,
               const char *note, struct db_error *err)
{
    const char *params[3] = {objection, decision, note};

    return db_command(db, decide_sql, 3, params, err);
}

struct dbres *
notices_verify(struct db *db, const char *hash, struct db_error *err)
{
    const char *params[1] = {hash};

    return db_exec(db, verify_sql, 1, params, err);
}
