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

#endif /* EDUAID_CORE_DATE_H */
