/*
 * date.c
 *   Calendar arithmetic on the proleptic Gregorian calendar, and the
 *   school year a day falls in (see date.h).
 */
#include "config.h"

#include "date.h"

#include <stdio.h>
#include <stdlib.h>
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

/* EDUAID_TODAY as YYYYMMDD when it holds a valid date "YYYY-MM-DD",
 * else 0. */
static int
pinned_today(void)
{
    const char *s = getenv("EDUAID_TODAY");
    int v[3] = {0, 0, 0}, digits[3] = {4, 2, 2};

    if (s == NULL)
        return 0;
    for (int part = 0; part < 3; part++) {
        for (int i = 0; i < digits[part]; i++, s++) {
            if (*s < '0' || *s > '9')
                return 0;
            v[part] = v[part] * 10 + (*s - '0');
        }
        if (*s != (part < 2 ? '-' : '\0'))
            return 0;
        s++;
    }
    if (!date_valid(v[0], v[1], v[2]))
        return 0;
    return v[0] * 10000 + v[1] * 100 + v[2];
}

int
date_today_yyyymmdd(void)
{
    time_t now = time(NULL);
    struct tm tm;
    int pinned = pinned_today();

    if (pinned != 0)
        return pinned;
    if (now == (time_t)-1 || localtime_r(&now, &tm) == NULL)
        return 0;
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

int
date_school_year(int y, int m, int d)
{
    (void)d;
    return m >= 9 ? y : y - 1;
}

void
date_utc_ymd(long long t, int *y, int *m, int *d)
{
    long long days = t / 86400 - (t % 86400 < 0);
    long long z = days + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;

    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int
date_school_year_today(void)
{
    int today = date_today_yyyymmdd();
    int y, m, d;

    if (today != 0)
        return date_school_year(today / 10000, today / 100 % 100, today % 100);
    date_utc_ymd((long long)time(NULL), &y, &m, &d);
    return date_school_year(y, m, d);
}

/* The value of 1 to max ASCII digits at *s (advanced past them), or -1
 * when there are fewer than min or more than max. */
static int
take_digits(const char **s, int min, int max)
{
    int v = 0, n = 0;

    while (**s >= '0' && **s <= '9') {
        if (++n > max)
            return -1;
        v = v * 10 + (**s - '0');
        (*s)++;
    }
    return n < min ? -1 : v;
}

/* YYYY<sep>M(M)<sep>D(D) into v[3]; false when s has another shape. */
static bool
split_separated(const char *s, int v[3])
{
    char sep;

    if ((v[0] = take_digits(&s, 4, 4)) < 0)
        return false;
    sep = *s;
    if (sep != '-' && sep != '/' && sep != '.')
        return false;
    s++;
    if ((v[1] = take_digits(&s, 1, 2)) < 0 || *s++ != sep)
        return false;
    return (v[2] = take_digits(&s, 1, 2)) >= 0 && *s == '\0';
}

/* YYYYMMDD into v[3]; false when s is not exactly eight digits. */
static bool
split_compact(const char *s, int v[3])
{
    const char *p = s;
    int all = take_digits(&p, 8, 8);

    if (all < 0 || *p != '\0')
        return false;
    v[0] = all / 10000;
    v[1] = all / 100 % 100;
    v[2] = all % 100;
    return true;
}

enum date_parse_result
date_parse(const char *s, int *ymd)
{
    int v[3];

    if (ymd != NULL)
        *ymd = 0;
    if (s == NULL || !(split_separated(s, v) || split_compact(s, v)))
        return DATE_PARSE_FORMAT;
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1]))
        return DATE_PARSE_INVALID;
    if (ymd != NULL)
        *ymd = v[0] * 10000 + v[1] * 100 + v[2];
    return DATE_PARSE_OK;
}

char *
date_format_iso(int ymd, char *buf)
{
    unsigned v = ymd < 0 ? 0u : (unsigned)ymd;

    snprintf(buf, 11, "%04u-%02u-%02u", v / 10000 % 10000, v / 100 % 100,
             v % 100);
    return buf;
}
