/*
 * idnumber.c
 *   Validation of GB 11643-1999 resident identity numbers (see
 *   idnumber.h for the rules and the order they are checked in), and
 *   the folding of a number typed in full width (id_number_fold).
 */
#include "config.h"

#include "idnumber.h"

#include <stddef.h>
#include <string.h>

#include "ascii.h"
#include "date.h"

/* ISO 7064 MOD 11-2 weights of the first 17 digits: 2^(17-i) mod 11. */
static const int check_weights[17] = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                      3, 7, 9,  10, 5, 8, 4, 2};

/* Check character for each value of the weighted sum modulo 11. */
static const char check_chars[11] = {'1', '0', 'X', '9', '8', '7',
                                     '6', '5', '4', '3', '2'};

/* The ASCII character the full-width one at p (UTF-8) stands for, or 0:
 * U+FF10-U+FF19 are EF BC 90-99, U+FF38 is EF BC B8, U+FF58 is EF BD 98. */
static char
fullwidth_ascii(const unsigned char *p)
{
    if (p[0] != 0xEF)
        return 0;
    if (p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99)
        return (char)('0' + (p[2] - 0x90));
    if (p[1] == 0xBC && p[2] == 0xB8)
        return 'X';
    if (p[1] == 0xBD && p[2] == 0x98)
        return 'x';
    return 0;
}

char *
id_number_fold(char *s)
{
    char *out = s;
    const unsigned char *in = (const unsigned char *)s;

    if (s == NULL)
        return NULL;
    while (*in != 0) {
        char a = fullwidth_ascii(in);

        if (a != 0) {
            *out++ = a;
            in += 3;
        } else {
            *out++ = (char)*in++;
        }
    }
    *out = '\0';
    return s;
}

char
id_check_digit(const char *first17)
{
    int sum = 0;

    if (first17 == NULL)
        return 0;
    for (int i = 0; i < 17; i++) {
        /* A NUL is not a digit, so a short string stops here. */
        if (!ascii_is_digit(first17[i]))
            return 0;
        sum += (first17[i] - '0') * check_weights[i];
    }
    return check_chars[sum % 11];
}

enum id_error
id_number_check(const char *s, struct id_info *info, int today_yyyymmdd)
{
    int year, month, day;

    if (info != NULL)
        memset(info, 0, sizeof(*info));

    if (s == NULL || strlen(s) != ID_NUMBER_LEN)
        return ID_ERR_LENGTH;

    for (int i = 0; i < ID_NUMBER_LEN - 1; i++)
        if (!ascii_is_digit(s[i]))
            return ID_ERR_CHARS;
    if (!ascii_is_digit(s[17]) && s[17] != 'X' && s[17] != 'x')
        return ID_ERR_CHARS;
    if (s[17] == 'x')
        return ID_ERR_LOWER_X;

    if (s[0] < '1' || s[0] > '8')
        return ID_ERR_AREA;

    year = ascii_digits_value(s + 6, 4);
    month = ascii_digits_value(s + 10, 2);
    day = ascii_digits_value(s + 12, 2);
    if (year < ID_MIN_YEAR || !date_valid(year, month, day))
        return ID_ERR_DATE;
    if (today_yyyymmdd > 0 && ascii_digits_value(s + 6, 8) > today_yyyymmdd)
        return ID_ERR_FUTURE;

    if (id_check_digit(s) != s[17])
        return ID_ERR_CHECK;

    if (info != NULL) {
        info->year = year;
        info->month = month;
        info->day = day;
        info->sex = ((s[16] - '0') % 2 == 1) ? 'M' : 'F';
    }
    return ID_OK;
}

const char *
id_error_message(enum id_error e)
{
    switch (e) {
    case ID_OK:
        return "valid";
    case ID_ERR_LENGTH:
        return "must be 18 characters long";
    case ID_ERR_CHARS:
        return "must be 17 digits followed by a digit or X";
    case ID_ERR_LOWER_X:
        return "last character must be an upper-case X";
    case ID_ERR_AREA:
        return "area code must start with 1-8";
    case ID_ERR_DATE:
        return "birth date is not a valid date since 1900";
    case ID_ERR_FUTURE:
        return "birth date is in the future";
    case ID_ERR_CHECK:
        return "check digit does not match";
    }
    return "unknown error";
}

const char *
id_error_name(enum id_error e)
{
    switch (e) {
    case ID_OK:
        return "ok";
    case ID_ERR_LENGTH:
        return "length";
    case ID_ERR_CHARS:
        return "chars";
    case ID_ERR_LOWER_X:
        return "lower_x";
    case ID_ERR_AREA:
        return "area";
    case ID_ERR_DATE:
        return "date";
    case ID_ERR_FUTURE:
        return "future";
    case ID_ERR_CHECK:
        return "check";
    }
    return "unknown";
}
