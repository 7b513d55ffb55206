/*
 * idnumber.h
 *   The resident identity number (居民身份证号码) of GB 11643-1999:
 *   validation, its check digit, and the facts it encodes (birth date and
 *   sex).  Shared by the client's forms, the command line and the tests.
 *
 * The number has 18 characters:
 *
 *   AAAAAA YYYYMMDD SSS C
 *   area   birth    seq check
 *
 * The sequence number's last digit (the 17th character) is odd for men and
 * even for women.  The check character is ISO 7064 MOD 11-2 over the first
 * 17 digits: '0'-'9' or 'X' for ten.
 *
 * The server enforces the same rules in SQL.  tests/data/id_vectors.csv
 * (columns id_number,valid,reason; reason is id_error_name() of the
 * expected result) keeps the two in agreement: the unit tests run every
 * line through id_number_check() with today = 20261128, the database tests
 * through the SQL check, which uses current_date.  Its "future" vectors
 * therefore use birth dates in 2099, future under either.
 */
#ifndef EDUAID_CORE_IDNUMBER_H
#define EDUAID_CORE_IDNUMBER_H

/* Length of an ID number, without the terminating NUL. */
#define ID_NUMBER_LEN 18

/* Earliest birth year accepted. */
#define ID_MIN_YEAR 1900

/*
 * Why a number is invalid.  When several rules are broken, the first in
 * this order is reported (the SQL check follows the same order):
 *
 *   ID_ERR_LENGTH   not exactly 18 characters (bytes)
 *   ID_ERR_CHARS    one of the first 17 is not a digit, or the last is not
 *                   a digit, 'X' or 'x'
 *   ID_ERR_LOWER_X  the last character is a lower-case 'x' (a form may
 *                   offer to upper-case it; the result may still fail a
 *                   later rule)
 *   ID_ERR_AREA     the area code does not start with 1-8
 *   ID_ERR_DATE     characters 7-14 are not a real YYYYMMDD date in or
 *                   after ID_MIN_YEAR
 *   ID_ERR_FUTURE   the birth date is after today (only when today is
 *                   given)
 *   ID_ERR_CHECK    the check character does not match the first 17 digits
 */
enum id_error {
    ID_OK = 0,
    ID_ERR_LENGTH,
    ID_ERR_CHARS,
    ID_ERR_LOWER_X,
    ID_ERR_AREA,
    ID_ERR_DATE,
    ID_ERR_FUTURE,
    ID_ERR_CHECK
};

/* What a valid number says about its holder. */
struct id_info {
    int year, month, day;
    char sex; /* 'M' or 'F' from digit 17 (odd = male) */
};

/*
 * id_number_check
 *
 * Validate the NUL-terminated string s as an ID number.  s is taken as is:
 * the caller trims white space.  A NULL s is ID_ERR_LENGTH.
 *
 * today_yyyymmdd is today's date as y * 10000 + m * 100 + d (see
 * date_today_yyyymmdd()); a birth date after it is ID_ERR_FUTURE.  Pass 0
 * (or any value <= 0) not to check for birth dates in the future.
 *
 * If info is not NULL, it receives the birth date and sex when the result
 * is ID_OK, and is set to all zeros otherwise.
 *
 * Returns ID_OK or the first rule broken, in the order of enum id_error.
 */
enum id_error id_number_check(const char *s, struct id_info *info,
                              int today_yyyymmdd);

/*
 * id_number_fold
 *
 * Fold s in place as the server's eduaid.id_number_fold() does before its
 * check: the full-width digits ０-９ (U+FF10-U+FF19) and letters Ｘ
 * (U+FF38) and ｘ (U+FF58) an input method types become '0'-'9', 'X' and
 * 'x' (an ASCII x stays the ID_ERR_LOWER_X it is typed in ASCII); nothing
 * else changes (the caller trims, valid_trim).  The result is never
 * longer than s.  Returns s; NULL gives NULL.
 */
char *id_number_fold(char *s);

/*
 * id_check_digit
 *
 * The check character for the first 17 characters of first17, which must
 * all be digits (anything after them is ignored, so a whole 18-character
 * number may be passed).  Returns '0'-'9' or 'X', or 0 (NUL) if first17 is
 * NULL, shorter than 17 characters or not all digits.
 */
char id_check_digit(const char *first17);

/*
 * id_error_message
 *
 * Short English text for e, for people ("check digit does not match").
 * Never NULL; static storage.  The client translates it later.
 */
const char *id_error_message(enum id_error e);

/*
 * id_error_name
 *
 * Stable token for e, for files and scripts: "ok", "length", "chars",
 * "lower_x", "area", "date", "future", "check" (the reason column of
 * tests/data/id_vectors.csv).  Never NULL; "unknown" for a value outside
 * the enum.
 */
const char *id_error_name(enum id_error e);

#endif /* EDUAID_CORE_IDNUMBER_H */
