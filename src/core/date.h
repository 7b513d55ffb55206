/*
 * date.h
 *   Calendar arithmetic on the proleptic Gregorian calendar: leap years,
 *   month lengths, validity of a year/month/day triple, today's date as
 *   a YYYYMMDD integer.  Pure functions except date_today_yyyymmdd().
 */
#ifndef EDUAID_CORE_DATE_H
#define EDUAID_CORE_DATE_H

#include <stdbool.h>

/* Range of years the validators accept at all. */
#define DATE_MIN_YEAR 1
#define DATE_MAX_YEAR 9999

/*
 * is_leap_year
 *
 * True if y is a Gregorian leap year: divisible by 4, except centuries,
 * except every fourth century (1900 is not a leap year, 2000 is).
 */
bool is_leap_year(int y);

/*
 * days_in_month
 *
 * Number of days of month m (1-12) in year y, 28-31.  Returns 0 when m is
 * not 1-12.  y is not range-checked.
 */
int days_in_month(int y, int m);

/*
 * date_valid
 *
 * True if y-m-d names a real calendar day with DATE_MIN_YEAR <= y <=
 * DATE_MAX_YEAR, 1 <= m <= 12 and 1 <= d <= days_in_month(y, m).
 */
bool date_valid(int y, int m, int d);

/*
 * date_today_yyyymmdd
 *
 * Today's local date as y * 10000 + m * 100 + d (e.g. 20261128), or 0 if
 * the clock or the time zone cannot be read. The environment variable
 * EDUAID_TODAY="YYYY-MM-DD" (a valid date) pins it, for tests that need
 * the same screens every day; anything else there is ignored.
 */
int date_today_yyyymmdd(void);

/*
 * date_school_year
 *
 * The school year the day y-m-d falls in: September 1 of Y to August 31
 * of Y+1 is school year Y (2026 is 2026-2027). The one C home of the
 * rule the server keeps in eduaid.school_year_of() (sql/repeatable/
 * 01_shared_rules.sql); tests/data/school_year_vectors.csv holds both to the
 * same answers. The rule turns on the month only: d is not checked.
 */
int date_school_year(int y, int m, int d);

/*
 * date_utc_ymd
 *
 * The UTC calendar day of t seconds since 1970-01-01 00:00 UTC, by
 * arithmetic alone (it cannot fail as gmtime_r can).
 */
void date_utc_ymd(long long t, int *y, int *m, int *d);

/*
 * date_school_year_today
 *
 * The school year of today's date (date_today_yyyymmdd(): EDUAID_TODAY
 * when pinned, else local time, which db_connect sets to the server's
 * zone), or of UTC's date when the local time cannot be read. Never a
 * fixed year.
 */
int date_school_year_today(void);

/* What date_parse() found. */
enum date_parse_result {
    DATE_PARSE_OK = 0,
    DATE_PARSE_FORMAT, /* none of the shapes below */
    DATE_PARSE_INVALID /* the shape of a date, but no such month or day */
};

/*
 * date_parse
 *
 * A date as people type it: YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD with
 * one- or two-digit month and day and the same separator twice
 * (2012-05-21, 2012/5/21, 2012.5.21), or the eight digits YYYYMMDD
 * (20120521). ASCII digits only, nothing before or after (the caller
 * trims white space). The year is any four digits (range checks are the
 * caller's); month and day must name a real day of that year (2012/2/30
 * is DATE_PARSE_INVALID). *ymd (may be NULL) gets y * 10000 + m * 100 + d
 * when DATE_PARSE_OK, 0 otherwise.
 */
enum date_parse_result date_parse(const char *s, int *ymd);

/*
 * date_format_iso
 *
 * ymd (y * 10000 + m * 100 + d) as "YYYY-MM-DD" into buf (at least 11
 * bytes), the one form dates are stored and shown in. Returns buf.
 */
char *date_format_iso(int ymd, char *buf);

#endif /* EDUAID_CORE_DATE_H */
