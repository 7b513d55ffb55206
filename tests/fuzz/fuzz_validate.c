/*
 * fuzz_validate.c
 *   libFuzzer target: the ID-number, date and field validators
 *   (core/idnumber.c, core/date.c, core/validate.c). The input, up to its
 *   first NUL, is typed into every kind of field; after the NUL comes a
 *   second value (the birth date or sex an ID number must agree with).
 *   Its first bytes also give the numbers (lengths, a clock) the
 *   validators take. Checked, beside no crash and no undefined behaviour:
 *   a valid ID number has its check digit, a real birth date and a sex; a
 *   parsed date formats and parses back to itself; a valid integer or sum
 *   of money is within its range.
 */
#include "config.h"

#include <limits.h>
#include <locale.h>

#include "fuzz.h"

#include "core/date.h"
#include "core/idnumber.h"
#include "core/validate.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setlocale(LC_ALL, "C.UTF-8"); /* display cells of valid_text */
    return 0;
}

static long long
number(const uint8_t *data, size_t size)
{
    unsigned long long v = 0;

    for (size_t i = 0; i < size && i < 8; i++)
        v = v << 8 | data[i];
    return (long long)v;
}

static void
check_id(const char *s)
{
    struct id_info info;
    enum id_error e = id_number_check(s, &info, 20250901);

    FUZZ_ASSERT(id_error_name(e) != NULL && id_error_message(e) != NULL);
    if (e == ID_OK) {
        FUZZ_ASSERT(strlen(s) == ID_NUMBER_LEN);
        FUZZ_ASSERT(id_check_digit(s) == s[17]);
        FUZZ_ASSERT(date_valid(info.year, info.month, info.day));
        FUZZ_ASSERT(info.sex == 'M' || info.sex == 'F');
        FUZZ_ASSERT(valid_id_number(s, 20250901) == VALID_OK);
    }
    if (strlen(s) >= 17)
        id_check_digit(s);
    id_number_check(s, NULL, 0);
}

static void
check_date(const char *s)
{
    int ymd, again;
    char buf[16];

    if (date_parse(s, &ymd) == DATE_PARSE_OK) {
        /* any four digits of year (range checks are the caller's) */
        FUZZ_ASSERT(ymd / 100 % 100 >= 1 && ymd / 100 % 100 <= 12);
        FUZZ_ASSERT(ymd % 100 >= 1 &&
                    ymd % 100 <= days_in_month(ymd / 10000, ymd / 100 % 100));
        date_format_iso(ymd, buf);
        FUZZ_ASSERT(date_parse(buf, &again) == DATE_PARSE_OK && again == ymd);
    }
    if (valid_date(s, 20250901, &ymd) == VALID_OK)
        FUZZ_ASSERT(ymd >= 19000101 && ymd <= 20250901);
    valid_date(s, 0, NULL);
}

static void
check_numbers(const char *s, long long n)
{
    long long fen;
    long v, lo = (long)(n >> 32), hi = (long)(int)n;

    if (valid_money(s, &fen) == VALID_OK)
        FUZZ_ASSERT(fen >= 0 && fen < 1000000000000LL);
    if (valid_int(s, lo, hi, &v) == VALID_OK)
        FUZZ_ASSERT(lo <= v && v <= hi);
    valid_int(s, LONG_MIN, LONG_MAX, NULL);
    valid_phone(s);
}

static void
check_calendar(long long n)
{
    int y, m, d, yi = (int)(n >> 32), mi = (int)(n >> 16) & 0xffff;

    date_utc_ymd(n, &y, &m, &d);
    date_utc_ymd(n / 8, &y, &m, &d);
    FUZZ_ASSERT(m >= 1 && m <= 12 && d >= 1 && d <= 31);
    days_in_month(yi, mi);
    is_leap_year(yi);
    date_valid(yi, mi, (int)(n & 0xffff));
    if (date_valid(yi, mi, 1)) /* its callers give it a real date */
        date_school_year(yi, mi, 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_string(data, size);
    size_t len = strlen(s);
    const char *other = len < size ? s + len + 1 : "";
    long long n = number(data, size);
    int max_chars = size > 0 ? data[0] % 40 : 0;
    int max_cells = size > 1 ? data[1] % 40 : 0;
    enum valid_result r;

    check_id(s);
    check_date(s);
    check_numbers(s, n);
    check_calendar(n);
    r = valid_text(s, size > 2 && data[2] & 1, max_chars, max_cells);
    FUZZ_ASSERT(valid_message(r) != NULL);
    valid_is_blank(s);
    valid_id_birth(s, other);
    valid_id_sex(s, other);
    free(s);
    return 0;
}
