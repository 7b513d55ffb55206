/*
 * date.c
 *   Calendar arithmetic on the proleptic Gregorian calendar (see date.h).
 */
#include "config.h"

#include "date.h"

#include <time.h>

bool
is_leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};

    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && is_leap_year(y))
        return 29;
    return days[m - 1];
}

bool
date_valid(int y, int m, int d)
{
    if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
        return false;
    if (m < 1 || m > 12)
        return false;
    return d >= 1 && d <= days_in_month(y, m);
}

int
date_today_yyyymmdd(void)
{
    time_t now = time(NULL);
    struct tm tm;

    if (now == (time_t)-1 || localtime_r(&now, &tm) == NULL)
        return 0;
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}
