/*
 * sheet.c
 *   The content hash of a printed notice sheet (sheet.h): one query.
 */
#include "config.h"

#include "db/sheet.h"

static const char digest_sql[] =
    "SELECT n.id, count(i.line_no) AS lines,"
    "       encode(sha256(convert_to(concat_ws('|', 'eduaid-notice-sheet/1',"
    "           n.id, n.title, n.starts_on, n.ends_on,"
    "           coalesce(string_agg(i.record_hash, ',' ORDER BY i.line_no),"
    "                    '')), 'UTF8')), 'hex') AS digest,"
    "       coalesce(bool_and(eduaid.notice_hash(i.canonical)"
    "                         = i.record_hash), true) AS lines_ok"
    "  FROM eduaid.notice n"
    "  LEFT JOIN eduaid.notice_item i ON i.notice_id = n.id"
    " WHERE n.id = $1::bigint"
    " GROUP BY n.id, n.title, n.starts_on, n.ends_on";

struct dbres *
sheet_digest(struct db *db, const char *id, struct db_error *err)
{
    const char *params[1] = {id};

    return db_exec(db, digest_sql, 1, params, err);
}
