/*
 * pairboard.c
 *   The statement of the compliance board (pairboard.h): a read of
 *   eduaid.pair_compliance() with its township and order as parameters.
 */
#include "config.h"

#include <stdio.h>

#include "db/pairboard.h"

static const char list_sql[] =
    "SELECT c.pair_id, c.title,"
    " split_part(c.townships, '、', 1) AS township, c.townships,"
    " coalesce(c.helping_school, '') AS helping_school,"
    " c.semester::text AS semester, c.activities, c.no_activity,"
    " coalesce(c.report_month::text, '') AS report_month,"
    " coalesce(eduaid.pair_report_due(c.report_month)::text, '') AS report_due,"
    " c.reports_due, c.reports_missing, c.report_missing,"
    " coalesce(c.summary_year::text, '') AS summary_year,"
    " coalesce(c.summary_quarter::text, '') AS summary_quarter,"
    " c.summary_missing, c.summary_current, c.rect_overdue,"
    " coalesce(c.rect_earliest::text, '') AS rect_earliest, c.behind"
    " FROM eduaid.pair_compliance() c"
    " WHERE $1::int = 0 OR $1::int = ANY (c.township_ids)"
    " ORDER BY CASE $2::int WHEN 1 THEN -cardinality(c.reasons) ELSE 0 END,"
    " CASE $2::int WHEN 1 THEN -c.reports_missing - c.rect_overdue ELSE 0 END,"
    " CASE $2::int WHEN 2 THEN c.townships ELSE '' END,"
    " c.title, c.pair_id";

struct dbres *
pairboard_list(struct db *db, int township, enum pairboard_sort sort,
               struct db_error *err)
{
    char t[16], s[4];
    const char *params[2] = {t, s};

    snprintf(t, sizeof(t), "%d", township);
    snprintf(s, sizeof(s), "%d", (int)sort);
    return db_exec(db, list_sql, 2, params, err);
}
