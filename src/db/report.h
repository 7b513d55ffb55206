/*
 * report.h
 *   The plan's indicators as reports, each described once: its name, the
 *   SQL function of sql/014_reports.sql that computes it under the
 *   caller's row-level security, its columns with their labels, and which
 *   column the bar chart draws against what target. `eduaid report` and
 *   the report screen both read this table and fetch through it.
 *
 *   Every report's rows begin with township_id, township and item (see
 *   014_reports.sql): a NULL township_id is the total row, a NULL item a
 *   row over all items. Values arrive as text (struct dbres).
 */
#ifndef EDUAID_DB_REPORT_H
#define EDUAID_DB_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"

enum report_col_kind {
    RC_COUNT,   /* a whole number */
    RC_AMOUNT,  /* money, yuan */
    RC_PERCENT, /* 0..100 with one decimal, NULL when nothing to cover */
    RC_TEXT
};

struct report_col {
    const char *name;  /* the SQL column */
    const char *label; /* English msgid: translate with _() */
    enum report_col_kind kind;
};

struct report_def {
    const char *name;       /* on the command line: "subsidy" */
    const char *function;   /* in schema eduaid: "report_subsidy" */
    const char *title;      /* msgid */
    const char *item_label; /* msgid of the breakdown column; NULL: none */
    bool item_codes;        /* items are program codes (translate them) */
    const struct report_col *cols; /* after township_id, township, item */
    int ncols;
    int bar;       /* index in cols of the column the bars draw */
    double target; /* what the bar column should reach; 0: none */
    bool calendar; /* issue 15 H4: its year is a calendar year (the
                      pairing's), not a school year */
};

/* The reports, in menu order; NULL past the end. */
const struct report_def *report_at(size_t i);
/* A report by name, or NULL. */
const struct report_def *report_find(const char *name);

/* issue 15 H4: the year d counts by today (the school year, or the
 * calendar year of a calendar report), and how it names year y
 * ("School year 2026-2027", "Year 2026"; into buf). */
int report_year_today(const struct report_def *d);
const char *report_year_label(const struct report_def *d, int y, char *buf,
                              size_t bufsz);

/* The label of an item of d as shown (program codes translated); "" for
 * NULL. The result is static or item itself. */
const char *report_item_label(const struct report_def *d, const char *item);

/*
 * report_fetch
 *
 * Run report d for school year `year`, of township `township` (0: every
 * township the caller may see). Columns: township_id, township, item,
 * then d->cols in order. NULL with err filled in on failure.
 */
struct dbres *report_fetch(struct db *db, const struct report_def *d, int year,
                           int township, struct db_error *err);

/* The columns of report_missing_page, after township_id and township. */
extern const struct report_col report_missing_cols[];
extern const int report_missing_ncols;

/*
 * report_missing_page
 *
 * A page of the students entitled to a subsidy and not granted it in
 * `year` (eduaid.report_subsidy_missing, ID numbers masked), of township
 * `township` (0: all the caller may see): township_id, township, then
 * report_missing_cols, in the order (township_id, household_no,
 * student_id, program). The lines after row after_row of `after` (a page
 * this function returned; NULL: from the start), at most `limit` of them
 * (0: all). NULL with err filled in on failure.
 */
struct dbres *report_missing_page(struct db *db, int year, int township,
                                  const struct dbres *after, int after_row,
                                  int limit, struct db_error *err);

/* Lines a report_cursor_fetch returns at most. */
#define REPORT_CURSOR_PAGE 5000

/*
 * report_missing_open
 *
 * For an export of the whole missing list of `year` and `township` (0:
 * all the caller may see), never all of it in memory: begin a read-only
 * transaction planned for reading every line and open a cursor over the
 * list, in the order and columns of report_missing_page. A new cursor
 * (close it with report_cursor_close), or NULL with err (rolled back).
 */
struct report_cursor;
struct report_cursor *report_missing_open(struct db *db, int year, int township,
                                          struct db_error *err);
/* The next REPORT_CURSOR_PAGE lines (fewer at the end: the last page),
 * a new dbres (dbres_free), or NULL with err. */
struct dbres *report_cursor_fetch(struct report_cursor *c,
                                  struct db_error *err);
/* Roll the transaction back (it only read) and free c (NULL is fine). */
void report_cursor_close(struct report_cursor *c);

#endif /* EDUAID_DB_REPORT_H */
