/*
 * check_date.c
 *   Unit tests of src/core/date.c: leap years, month lengths, date
 *   validity, today's date, dates as people type them (date_parse).
 */
#include "config.h"

#include "check_eduaid.h"

#include "core/date.h"

#include <stdlib.h>

/* date_parse: the shapes people type (issue 12), each with its answer. */
static const struct {
    const char *in;
    enum date_parse_result want;
    int ymd;
} parse_vectors[] = {
    {"2012-05-21", DATE_PARSE_OK, 20120521},
    {"2012/5/21", DATE_PARSE_OK, 20120521},
    {"2012.5.21", DATE_PARSE_OK, 20120521},
    {"20120521", DATE_PARSE_OK, 20120521},
    {"2012/05/21", DATE_PARSE_OK, 20120521},
    {"2012-5-1", DATE_PARSE_OK, 20120501},
    {"2012.12.31", DATE_PARSE_OK, 20121231},
    {"2024/2/29", DATE_PARSE_OK, 20240229},
    {"20000229", DATE_PARSE_OK, 20000229},
    {"0000-01-01", DATE_PARSE_OK, 101}, /* the year's range is the caller's */
    /* no such day */
    {"2012/2/30", DATE_PARSE_INVALID, 0},
    {"2023.2.29", DATE_PARSE_INVALID, 0},
    {"21000229", DATE_PARSE_INVALID, 0},
    {"2012-13-01", DATE_PARSE_INVALID, 0},
    {"2012/0/1", DATE_PARSE_INVALID, 0},
    {"2012/4/31", DATE_PARSE_INVALID, 0},
    {"20120532", DATE_PARSE_INVALID, 0},
    {"2012-05-00", DATE_PARSE_INVALID, 0},
    /* other shapes */
    {"2012/5-21", DATE_PARSE_FORMAT, 0}, /* two separators */
    {"2012/512/1", DATE_PARSE_FORMAT, 0},
    {"2012/5/", DATE_PARSE_FORMAT, 0},
    {"12/5/21", DATE_PARSE_FORMAT, 0},   /* a two-digit year */
    {"21/5/2012", DATE_PARSE_FORMAT, 0}, /* day first */
    {"2012 5 21", DATE_PARSE_FORMAT, 0},
    {"2012年5月21日", DATE_PARSE_FORMAT, 0},
    {"2012052", DATE_PARSE_FORMAT, 0},
    {"201205211", DATE_PARSE_FORMAT, 0},
    {" 2012-05-21", DATE_PARSE_FORMAT, 0}, /* the caller trims */
    {"2012-05-21 ", DATE_PARSE_FORMAT, 0},
    {"２０１２-05-21", DATE_PARSE_FORMAT, 0}, /* full-width digits */
    {"2012-05-21x", DATE_PARSE_FORMAT, 0},
    {"-2012-05-21", DATE_PARSE_FORMAT, 0},
    {"", DATE_PARSE_FORMAT, 0},
};

START_TEST(test_date_parse)
{
    int ymd;

    for (size_t i = 0; i < sizeof parse_vectors / sizeof parse_vectors[0];
         i++) {
        ymd = -1;
        ck_assert_msg(date_parse(parse_vectors[i].in, &ymd) ==
                          parse_vectors[i].want,
                      "date_parse(\"%s\")", parse_vectors[i].in);
        ck_assert_int_eq(ymd, parse_vectors[i].ymd);
    }
    ck_assert_int_eq(date_parse(NULL, &ymd), DATE_PARSE_FORMAT);
    ck_assert_int_eq(ymd, 0);
    ck_assert_int_eq(date_parse("2012/5/21", NULL), DATE_PARSE_OK);
}
END_TEST

START_TEST(test_date_format_iso)
{
    char buf[11];

    ck_assert_str_eq(date_format_iso(20120521, buf), "2012-05-21");
    ck_assert_str_eq(date_format_iso(19000101, buf), "1900-01-01");
    ck_assert_str_eq(date_format_iso(99991231, buf), "9999-12-31");
    ck_assert_str_eq(date_format_iso(101, buf), "0000-01-01");
}
END_TEST

START_TEST(test_leap_years)
{
    ck_assert(is_leap_year(2000)); /* divisible by 400 */
    ck_assert(is_leap_year(2400));
    ck_assert(is_leap_year(2004)); /* divisible by 4 */
    ck_assert(is_leap_year(2012));
    ck_assert(is_leap_year(2024));
    ck_assert(!is_leap_year(1900)); /* century */
    ck_assert(!is_leap_year(2100));
    ck_assert(!is_leap_year(2001));
    ck_assert(!is_leap_year(2023));
}
END_TEST

START_TEST(test_days_in_month)
{
    static const int common[12] = {31, 28, 31, 30, 31, 30,
                                   31, 31, 30, 31, 30, 31};

    for (int m = 1; m <= 12; m++) {
        ck_assert_int_eq(days_in_month(2023, m), common[m - 1]);
        ck_assert_int_eq(days_in_month(2024, m), m == 2 ? 29 : common[m - 1]);
    }
    ck_assert_int_eq(days_in_month(1900, 2), 28);
    ck_assert_int_eq(days_in_month(2000, 2), 29);
    ck_assert_int_eq(days_in_month(2023, 0), 0);
    ck_assert_int_eq(days_in_month(2023, 13), 0);
    ck_assert_int_eq(days_in_month(2023, -1), 0);
}
END_TEST

START_TEST(test_date_valid)
{
    ck_assert(date_valid(2000, 2, 29));
    ck_assert(date_valid(2004, 2, 29));
    ck_assert(date_valid(2012, 2, 29));
    ck_assert(!date_valid(1900, 2, 29));
    ck_assert(!date_valid(2001, 2, 29));
    ck_assert(!date_valid(2023, 2, 29));
    ck_assert(date_valid(2023, 4, 30));
    ck_assert(!date_valid(2023, 4, 31));
    ck_assert(date_valid(2023, 12, 31));
    ck_assert(!date_valid(2023, 12, 32));
    ck_assert(!date_valid(2023, 13, 1));
    ck_assert(!date_valid(2023, 0, 1));
    ck_assert(!date_valid(2023, 1, 0));
    ck_assert(!date_valid(2023, 1, -1));
    ck_assert(date_valid(DATE_MIN_YEAR, 1, 1));
    ck_assert(date_valid(DATE_MAX_YEAR, 12, 31));
    ck_assert(!date_valid(DATE_MIN_YEAR - 1, 1, 1));
    ck_assert(!date_valid(DATE_MAX_YEAR + 1, 1, 1));
}
END_TEST

START_TEST(test_today)
{
    int t = date_today_yyyymmdd();

    ck_assert_int_gt(t, 20240101); /* written in 2026; clocks do not go back */
    ck_assert_msg(date_valid(t / 10000, t / 100 % 100, t % 100),
                  "today %d is not a valid date", t);
}
END_TEST

/* EDUAID_TODAY pins today (screen tests); a malformed or impossible date
 * there is ignored. */
START_TEST(test_today_pinned)
{
    static const char *const ignored[] = {
        "",           "2026-11-1",   "2026-11-160", "2026/11/16",  "20261116",
        "2026-13-01", "2026-02-29",  "2026-11-16 ", " 2026-11-16", "0000-01-01",
        "2026-1a-16", "2026-11-16x",
    };
    int real;

    unsetenv("EDUAID_TODAY");
    real = date_today_yyyymmdd();
    ck_assert_int_eq(setenv("EDUAID_TODAY", "2026-11-16", 1), 0);
    ck_assert_int_eq(date_today_yyyymmdd(), 20261116);
    ck_assert_int_eq(setenv("EDUAID_TODAY", "2028-02-29", 1), 0);
    ck_assert_int_eq(date_today_yyyymmdd(), 20280229);
    for (size_t i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++) {
        ck_assert_int_eq(setenv("EDUAID_TODAY", ignored[i], 1), 0);
        ck_assert_msg(date_today_yyyymmdd() == real,
                      "EDUAID_TODAY=\"%s\" was not ignored", ignored[i]);
    }
    unsetenv("EDUAID_TODAY");
}
END_TEST

Suite *
date_suite(void)
{
    Suite *s = suite_create("date");
    TCase *tc = tcase_create("calendar");

    tcase_add_test(tc, test_leap_years);
    tcase_add_test(tc, test_days_in_month);
    tcase_add_test(tc, test_date_valid);
    tcase_add_test(tc, test_date_parse);
    tcase_add_test(tc, test_date_format_iso);
    tcase_add_test(tc, test_today);
    tcase_add_test(tc, test_today_pinned);
    suite_add_tcase(s, tc);
    return s;
}
