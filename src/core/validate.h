/*
 * validate.h
 *   The checks a form makes while a person types, for instant feedback:
 *   the same rules the server enforces (sql/002_rules.sql and the CHECK
 *   constraints), so a value the client accepts is one the server will.
 *   Each returns VALID_OK or a reason; valid_message() turns the reason
 *   into a sentence (English, marked for gettext with N_()).
 */
#ifndef EDUAID_CORE_VALIDATE_H
#define EDUAID_CORE_VALIDATE_H

#include <stdbool.h>

enum valid_result {
    VALID_OK = 0,
    VALID_REQUIRED,      /* empty, or only white space (U+3000 too) */
    VALID_TOO_LONG,      /* more characters than allowed */
    VALID_TOO_WIDE,      /* more display cells than allowed */
    VALID_ID_LENGTH,     /* the reasons of core/idnumber.h, one each */
    VALID_ID_CHARS,
    VALID_ID_LOWER_X,
    VALID_ID_AREA,
    VALID_ID_DATE,
    VALID_ID_FUTURE,
    VALID_ID_CHECK,
    VALID_DATE_FORMAT,   /* not YYYY-MM-DD */
    VALID_DATE_INVALID,  /* no such day (31 April, 29 Feb 2023) */
    VALID_DATE_RANGE,    /* before 1900-01-01 or after the given latest */
    VALID_PHONE,         /* not a mobile (1[3-9] + 9 digits) or landline (0AA(A)-NNNNNNN(N)) */
    VALID_MONEY_FORMAT,  /* not digits with at most two decimals */
    VALID_MONEY_RANGE,   /* negative, or 1e10 and more */
    VALID_INT_FORMAT,
    VALID_INT_RANGE,
    VALID_BIRTH_MISMATCH, /* birth date disagrees with the ID number */
    VALID_SEX_MISMATCH    /* sex disagrees with the ID number's 17th digit */
};

const char *valid_message(enum valid_result r);

/* True when s is NULL, empty or only white space (ASCII, U+00A0, U+3000 ...). */
bool valid_is_blank(const char *s);

enum valid_result valid_text(const char *s, bool required, int max_chars, int max_cells);
/* today_yyyymmdd: 0 to skip the future check. */
enum valid_result valid_id_number(const char *s, int today_yyyymmdd);
/* Parses YYYY-MM-DD; *ymd gets YYYYMMDD when valid (may be NULL). latest
 * 0 = no upper bound. */
enum valid_result valid_date(const char *s, int latest_yyyymmdd, int *ymd);
enum valid_result valid_phone(const char *s);
/* Amount in fen (1/100 yuan) to *fen when valid (may be NULL). */
enum valid_result valid_money(const char *s, long long *fen);
enum valid_result valid_int(const char *s, long min, long max, long *value);
/* ID number against the birth date (YYYY-MM-DD) and sex ("M"/"F") entered;
 * VALID_OK when either is empty or the ID itself is invalid (that is the
 * ID field's own error). */
enum valid_result valid_id_birth(const char *id, const char *birth_date);
enum valid_result valid_id_sex(const char *id, const char *sex);

/* Today as YYYYMMDD in local time. */
int valid_today(void);

#endif /* EDUAID_CORE_VALIDATE_H */
