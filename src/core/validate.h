/*
 * validate.h
 *   The checks a form makes while a person types, for instant feedback:
 *   the same rules the server enforces (sql/repeatable/01_shared_rules.sql and
 *   the CHECK constraints), so a value the client accepts is one the
 *   server will; the vector files of tests/data hold the two to the same
 *   answers (tests/unit/check_rules.c, tests/db/26_rule_vectors.sql).
 *   Each returns VALID_OK or a reason; valid_message() turns the reason
 *   into a sentence (English, marked for gettext with N_()).
 */
#ifndef EDUAID_CORE_VALIDATE_H
#define EDUAID_CORE_VALIDATE_H

#include <stdbool.h>
#include <wchar.h>

enum valid_result {
    VALID_OK = 0,
    VALID_REQUIRED,  /* empty, or only white space (U+3000 too) */
    VALID_TOO_LONG,  /* more characters than allowed */
    VALID_TOO_WIDE,  /* more display cells than allowed */
    VALID_ID_LENGTH, /* the reasons of core/idnumber.h, one each */
    VALID_ID_CHARS,
    VALID_ID_LOWER_X,
    VALID_ID_AREA,
    VALID_ID_DATE,
    VALID_ID_FUTURE,
    VALID_ID_CHECK,
    VALID_DATE_FORMAT,  /* not YYYY-MM-DD */
    VALID_DATE_INVALID, /* no such day (31 April, 29 Feb 2023) */
    VALID_DATE_RANGE,   /* before 1900-01-01 or after the given latest */
    VALID_PHONE,        /* not a mobile (1[3-9] + 9 digits) or landline
                           (0AA(A)-NNNNNNN(N)) */
    VALID_MONEY_FORMAT, /* not digits with at most two decimals */
    VALID_MONEY_RANGE,  /* negative, or 1e10 and more */
    VALID_INT_FORMAT,
    VALID_INT_RANGE,
    VALID_BIRTH_MISMATCH, /* birth date disagrees with the ID number */
    VALID_SEX_MISMATCH,   /* sex disagrees with the ID number's 17th digit */
    VALID_CONTROL         /* a control or direction character (valid_clean) */
};

/*
 * Input is taken as is: the form trims it first (the server's tidy()), and
 * a blank optional field is stored as NULL without calling these.  Unless
 * said otherwise, NULL is treated like "" and nothing is allocated.
 */

/* A sentence for r, in English, marked with N_(): the caller translates
 * it with _().  Never NULL; static storage. */
const char *valid_message(enum valid_result r);

/* True when s is NULL, empty or only the white space of text_is_space()
 * (ASCII, U+00A0, U+3000 ...), as the server's eduaid.is_blank(). */
bool valid_is_blank(const char *s);

/*
 * valid_trim
 *
 * s without the white space of text_is_space() at either end, in place
 * (the server's eduaid.tidy(): U+3000, U+00A0 ... as well as ASCII, one
 * definition of the blank set for the whole client).  Returns s; NULL
 * gives NULL.
 */
char *valid_trim(char *s);

/*
 * valid_clean
 *
 * True when s holds no control character the server's eduaid.is_clean()
 * refuses: no C0 control (a line feed only when multiline), no DEL, no C1
 * control (U+0080-U+009F), no bidirectional control (U+061C, U+200E,
 * U+200F, U+202A-U+202E, U+2066-U+2069).  NULL is clean.  An invalid
 * UTF-8 byte is not a control (the server never stores one).
 * tests/data/clean_vectors.csv holds the two to the same answers.
 */
bool valid_clean(const char *s, bool multiline);

/* True for a character valid_clean() refuses, the line feed included:
 * what a display of stored text (old audit rows may hold them) should
 * show as a placeholder, bidirectional controls included. */
bool valid_control_char(wchar_t c);

/*
 * valid_text
 *
 * VALID_REQUIRED when required and s is blank; VALID_CONTROL when s is
 * not valid_clean() on one line; VALID_TOO_LONG when s has
 * more than max_chars characters (code points, as char_length() counts);
 * VALID_TOO_WIDE when it takes more than max_cells cells in the running
 * locale.  A limit of 0 is no limit.
 */
enum valid_result valid_text(const char *s, bool required, int max_chars,
                             int max_cells);

/* The ID number rules of core/idnumber.h, as the server's
 * id_number_valid(), on s folded by id_number_fold() (full-width digits
 * and Ｘ as ASCII, as the server stores them); today_yyyymmdd: 0 to skip
 * the future check. */
enum valid_result valid_id_number(const char *s, int today_yyyymmdd);

/*
 * valid_date
 *
 * A date as date_parse() (core/date.h) takes it -- 2012-05-21,
 * 2012/5/21, 2012.5.21 or 20120521 -- naming a real day of the Gregorian
 * calendar, from 1900-01-01 to latest_yyyymmdd (0 = no upper bound); the
 * form stores it as YYYY-MM-DD (date_format_iso()).  *ymd (may be NULL) gets
 * YYYYMMDD when valid, 0 otherwise.
 */
enum valid_result valid_date(const char *s, int latest_yyyymmdd, int *ymd);

/* The server's eduaid.phone_valid(), ^(1[3-9][0-9]{9}|0[0-9]{2,3}-?
 * [0-9]{7,8})$: a mobile number, or a landline with its area code and an
 * optional '-'. */
enum valid_result valid_phone(const char *s);

/*
 * valid_money
 *
 * An amount in yuan as the server's money_valid() takes it: digits with
 * an optional '.' and one or two decimals (more only when the extra ones
 * are zeros: "12.500"), at least 0 and below 1e10.  No exponent, no
 * separators, no white space; "" is VALID_MONEY_FORMAT.  A '-' before an
 * amount other than zero is VALID_MONEY_RANGE.  *fen (may be NULL) gets
 * the amount in fen (1/100 yuan) when valid, 0 otherwise.
 */
enum valid_result valid_money(const char *s, long long *fen);

/* An optional sign and ASCII digits, min <= value <= max; a number too
 * large for a long is VALID_INT_RANGE.  *value (may be NULL) gets it when
 * valid, 0 otherwise. */
enum valid_result valid_int(const char *s, long min, long max, long *value);

/*
 * ID number against the birth date (YYYY-MM-DD) and sex ("M"/"F") entered,
 * as the *_birth_date_check and *_sex_check constraints: birth date equal
 * to the ID's YYYYMMDD, sex equal to the parity of its 17th digit (odd =
 * "M").  VALID_OK when either is blank or itself invalid (the ID or the
 * date field reports its own error).
 */
enum valid_result valid_id_birth(const char *id, const char *birth_date);
enum valid_result valid_id_sex(const char *id, const char *sex);

/* Today as YYYYMMDD in local time (0 if the clock cannot be read). */
int valid_today(void);

#endif /* EDUAID_CORE_VALIDATE_H */
