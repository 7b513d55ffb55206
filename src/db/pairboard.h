/*
 * pairboard.h
 *   The compliance board of school pairing (帮扶达标看板, issue 15;
 *   sql/repeatable/36_pairing_board.sql): eduaid.pair_compliance() of the
 *   server's today, filtered by township and sorted. Row-level security
 *   decides which pairs the person logged in sees.
 *
 *   The result is a new struct dbres (the caller frees it with
 *   dbres_free), values as text, or NULL with err filled in.
 */
#ifndef EDUAID_DB_PAIRBOARD_H
#define EDUAID_DB_PAIRBOARD_H

#include "db/db.h"

/* How the board is sorted. */
enum pairboard_sort {
    PB_SORT_TITLE,   /* by title */
    PB_SORT_BEHIND,  /* most behind first: flags, then months and notices */
    PB_SORT_TOWNSHIP /* by the helped township, then title */
};

/*
 * pairboard_list
 *
 * The pairs active today, of township (0: every one the person sees; else
 * the pairs one of whose sides is in it), sorted. Columns: pair_id, title,
 * township (the home township), townships (every helped township,
 * '、'-separated), helping_school, semester (YYYY-MM-DD, its first day),
 * activities, no_activity, report_month (YYYY-MM-DD or ""), report_due
 * (the day it was due, or ""), reports_due, reports_missing,
 * report_missing, summary_year and summary_quarter ("" when no quarter is
 * asked for), summary_missing, summary_current, rect_overdue,
 * rect_earliest (or ""), behind; booleans "t" or "f".
 */
struct dbres *pairboard_list(struct db *db, int township,
                             enum pairboard_sort sort, struct db_error *err);

#endif /* EDUAID_DB_PAIRBOARD_H */
