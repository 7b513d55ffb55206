/*
 * validate.c
 *   The field checks of the forms (see validate.h), written to give the
 *   same answers as the server: ID numbers through core/idnumber.c; white
 *   space as eduaid.is_blank(), money as eduaid.money_valid(), phones as
 *   eduaid.phone_valid() -- the C homes of those rules, whose SQL homes
 *   are in sql/repeatable/01_shared_rules.sql (tests/data/blank_vectors.csv,
 *   money_vectors.csv and phone_vectors.csv hold both to the same
 *   answers); clean text as eduaid.is_clean() (tests/data/clean_vectors.csv)
 *   and trimming as eduaid.tidy() (valid_trim, what the form stores).
 *   Input is taken as is (the form trims it); nothing here allocates.
 */
#include "config.h"

#include "validate.h"

#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "ascii.h"
#include "date.h"
#include "i18n.h"
#include "idnumber.h"
#include "text.h"

/* Earliest date a date field takes, as YYYYMMDD. */
#define VALID_MIN_DATE 19000101

/* Largest amount in fen: 1e10 yuan is out of range. */
#define MONEY_MAX_FEN 999999999999LL

/* Number of ASCII digits at the start of s. */
static size_t
count_digits(const char *s)
{
    size_t n = 0;

    while (ascii_is_digit(s[n]))
        n++;
    return n;
}

const char *
valid_message(enum valid_result r)
{
    switch (r) {
    case VALID_OK:
        return N_("Valid.");
    case VALID_REQUIRED:
        return N_("This field is required.");
    case VALID_TOO_LONG:
        return N_("Too many characters.");
    case VALID_TOO_WIDE:
        return N_("Too wide for this field.");
    case VALID_ID_LENGTH:
        return N_("An ID number has 18 characters.");
    case VALID_ID_CHARS:
        return N_("An ID number is 17 digits followed by a digit or X.");
    case VALID_ID_LOWER_X:
        return N_("The last character of an ID number must be an "
                  "upper-case X.");
    case VALID_ID_AREA:
        return N_("The area code of an ID number starts with 1 to 8.");
    case VALID_ID_DATE:
        return N_("The birth date in the ID number is not a real date "
                  "since 1900.");
    case VALID_ID_FUTURE:
        return N_("The birth date in the ID number is in the future.");
    case VALID_ID_CHECK:
        return N_("The check digit of the ID number does not match; "
                  "please check for a typing error.");
    case VALID_DATE_FORMAT:
        return N_("Enter the date as 2012-05-21, 2012/5/21, 2012.5.21 "
                  "or 20120521.");
    case VALID_DATE_INVALID:
        return N_("There is no such day (check the month and the day).");
    case VALID_DATE_RANGE:
        return N_("The date is out of range.");
    case VALID_PHONE:
        return N_("Enter an 11-digit mobile number or a landline number "
                  "with its area code.");
    case VALID_MONEY_FORMAT:
        return N_("Enter an amount in yuan with at most two decimals.");
    case VALID_MONEY_RANGE:
        return N_("The amount must be at least 0 and less than "
                  "10,000,000,000.");
    case VALID_INT_FORMAT:
        return N_("Enter a whole number.");
    case VALID_INT_RANGE:
        return N_("The number is out of range.");
    case VALID_BIRTH_MISMATCH:
        return N_("The birth date does not match the ID number.");
    case VALID_SEX_MISMATCH:
        return N_("The sex does not match the ID number.");
    case VALID_CONTROL:
        return N_("Control characters and direction marks are not "
                  "allowed.");
    }
    return N_("Invalid value.");
}

bool
valid_is_blank(const char *s)
{
    wchar_t c;
    int len;

    if (s == NULL)
        return true;
    while ((len = text_utf8_next(s, &c)) > 0) {
        if (!text_is_space(c))
            return false;
        s += len;
    }
    return true;
}

char *
valid_trim(char *s)
{
    const char *p, *start = NULL, *end = NULL;
    wchar_t c;
    int len;

    if (s == NULL)
        return NULL;
    for (p = s; (len = text_utf8_next(p, &c)) > 0; p += len) {
        if (text_is_space(c))
            continue;
        if (start == NULL)
            start = p;
        end = p + len;
    }
    if (start == NULL) {
        s[0] = '\0';
        return s;
    }
    memmove(s, start, (size_t)(end - start));
    s[end - start] = '\0';
    return s;
}

bool
valid_control_char(wchar_t c)
{
    return (c >= 0x01 && c <= 0x1F) || (c >= 0x7F && c <= 0x9F) ||
           c == 0x061C || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool
valid_clean(const char *s, bool multiline)
{
    wchar_t c;
    int len;

    if (s == NULL)
        return true;
    for (; (len = text_utf8_next(s, &c)) > 0; s += len)
        if (valid_control_char(c) && !(multiline && c == L'\n'))
            return false;
    return true;
}

enum valid_result
valid_text(const char *s, bool required, int max_chars, int max_cells)
{
    if (required && valid_is_blank(s))
        return VALID_REQUIRED;
    if (s == NULL)
        return VALID_OK;
    if (!valid_clean(s, false))
        return VALID_CONTROL;
    if (max_chars > 0 && text_utf8_chars(s) > (size_t)max_chars)
        return VALID_TOO_LONG;
    if (max_cells > 0 && text_utf8_cells(s) > max_cells)
        return VALID_TOO_WIDE;
    return VALID_OK;
}

/* The validator's reason for an idnumber.h reason. */
static enum valid_result
from_id_error(enum id_error e)
{
    switch (e) {
    case ID_OK:
        return VALID_OK;
    case ID_ERR_LENGTH:
        return VALID_ID_LENGTH;
    case ID_ERR_CHARS:
        return VALID_ID_CHARS;
    case ID_ERR_LOWER_X:
        return VALID_ID_LOWER_X;
    case ID_ERR_AREA:
        return VALID_ID_AREA;
    case ID_ERR_DATE:
        return VALID_ID_DATE;
    case ID_ERR_FUTURE:
        return VALID_ID_FUTURE;
    case ID_ERR_CHECK:
        return VALID_ID_CHECK;
    }
    return VALID_ID_CHARS;
}

enum valid_result
valid_id_number(const char *s, int today_yyyymmdd)
{
    /* 18 full-width characters take 3 bytes each; longer is too long
     * folded or not */
    char folded[3 * ID_NUMBER_LEN + 1];

    if (s == NULL || strlen(s) >= sizeof(folded))
        return from_id_error(id_number_check(s, NULL, today_yyyymmdd));
    strcpy(folded, s);
    id_number_fold(folded);
    return from_id_error(id_number_check(folded, NULL, today_yyyymmdd));
}

enum valid_result
valid_date(const char *s, int latest_yyyymmdd, int *ymd)
{
    int v;

    if (ymd != NULL)
        *ymd = 0;
    switch (date_parse(s, &v)) {
    case DATE_PARSE_FORMAT:
        return VALID_DATE_FORMAT;
    case DATE_PARSE_INVALID:
        return VALID_DATE_INVALID;
    case DATE_PARSE_OK:
        break;
    }
    if (v < VALID_MIN_DATE || (latest_yyyymmdd > 0 && v > latest_yyyymmdd))
        return VALID_DATE_RANGE;
    if (ymd != NULL)
        *ymd = v;
    return VALID_OK;
}

/* ^1[3-9][0-9]{9}$ */
static bool
is_mobile(const char *s)
{
    return s[0] == '1' && s[1] >= '3' && s[1] <= '9' && count_digits(s) == 11 &&
           s[11] == '\0';
}

/* ^0[0-9]{2,3}-?[0-9]{7,8}$ */
static bool
is_landline(const char *s)
{
    size_t area, local;

    if (s[0] != '0')
        return false;
    area = count_digits(s + 1);
    if (s[1 + area] == '\0') /* no dash: 2-3 + 7-8 digits */
        return area >= 9 && area <= 11;
    if (s[1 + area] != '-' || area < 2 || area > 3)
        return false;
    local = count_digits(s + 2 + area);
    return local >= 7 && local <= 8 && s[2 + area + local] == '\0';
}

enum valid_result
valid_phone(const char *s)
{
    if (s != NULL && (is_mobile(s) || is_landline(s)))
        return VALID_OK;
    return VALID_PHONE;
}

/*
 * Money as the server's numeric and money_valid() take it: an optional
 * '-', digits, and an optional '.' with digits; more than two decimals
 * only when the extra ones are zeros (12.500 = round(12.500, 2)).  No
 * exponent, no thousands separators, no white space.  A negative amount
 * is out of range (but "-0" is zero, as for the server).
 */
enum valid_result
valid_money(const char *s, long long *fen)
{
    bool negative = false;
    size_t ints, decs;
    const char *p;
    long long v = 0;

    if (fen != NULL)
        *fen = 0;
    if (s == NULL)
        return VALID_MONEY_FORMAT;
    if (*s == '-') {
        negative = true;
        s++;
    }
    ints = count_digits(s);
    if (ints == 0)
        return VALID_MONEY_FORMAT;
    p = s + ints;
    decs = 0;
    if (*p == '.') {
        decs = count_digits(p + 1);
        if (decs == 0)
            return VALID_MONEY_FORMAT;
        if (p[1 + decs] != '\0')
            return VALID_MONEY_FORMAT;
        for (size_t i = 2; i < decs; i++)
            if (p[1 + i] != '0')
                return VALID_MONEY_FORMAT;
    } else if (*p != '\0') {
        return VALID_MONEY_FORMAT;
    }

    /* Yuan, skipping leading zeros; eleven digits or more is 1e10+. */
    while (ints > 1 && *s == '0')
        s++, ints--;
    if (ints > 10)
        return VALID_MONEY_RANGE;
    for (size_t i = 0; i < ints; i++)
        v = v * 10 + (s[i] - '0');
    v *= 100;
    if (decs >= 1)
        v += (p[1] - '0') * 10;
    if (decs >= 2)
        v += p[2] - '0';
    if (v > MONEY_MAX_FEN || (negative && v != 0))
        return VALID_MONEY_RANGE;
    if (fen != NULL)
        *fen = v;
    return VALID_OK;
}

/*
 * An optional sign and ASCII digits, as the server's integer input takes
 * them (without its white space).  Too many digits for a long is out of
 * range, not a format error.
 */
enum valid_result
valid_int(const char *s, long min, long max, long *value)
{
    bool negative = false, overflow = false;
    unsigned long mag = 0, limit;
    long v;
    size_t n;

    if (value != NULL)
        *value = 0;
    if (s == NULL)
        return VALID_INT_FORMAT;
    if (*s == '-' || *s == '+')
        negative = *s++ == '-';
    n = count_digits(s);
    if (n == 0 || s[n] != '\0')
        return VALID_INT_FORMAT;

    limit = negative ? (unsigned long)LONG_MAX + 1 : (unsigned long)LONG_MAX;
    for (size_t i = 0; i < n && !overflow; i++) {
        unsigned long d = (unsigned long)(s[i] - '0');

        if (mag > (limit - d) / 10)
            overflow = true;
        else
            mag = mag * 10 + d;
    }
    if (overflow)
        return VALID_INT_RANGE;

    if (!negative)
        v = (long)mag;
    else if (mag > (unsigned long)LONG_MAX)
        v = LONG_MIN;
    else
        v = -(long)mag;
    if (v < min || v > max)
        return VALID_INT_RANGE;
    if (value != NULL)
        *value = v;
    return VALID_OK;
}

enum valid_result
valid_id_birth(const char *id, const char *birth_date)
{
    struct id_info info;
    int ymd;

    if (valid_is_blank(id) || valid_is_blank(birth_date))
        return VALID_OK;
    if (id_number_check(id, &info, 0) != ID_OK)
        return VALID_OK;
    /* A malformed date is the birth date field's own error. */
    if (valid_date(birth_date, 0, &ymd) != VALID_OK)
        return VALID_OK;
    if (ymd != info.year * 10000 + info.month * 100 + info.day)
        return VALID_BIRTH_MISMATCH;
    return VALID_OK;
}

enum valid_result
valid_id_sex(const char *id, const char *sex)
{
    struct id_info info;

    if (valid_is_blank(id) || valid_is_blank(sex))
        return VALID_OK;
    if (id_number_check(id, &info, 0) != ID_OK)
        return VALID_OK;
    if (sex[0] != info.sex || sex[1] != '\0')
        return VALID_SEX_MISMATCH;
    return VALID_OK;
}

int
valid_today(void)
{
    return date_today_yyyymmdd();
}
