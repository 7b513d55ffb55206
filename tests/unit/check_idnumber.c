/*
 * check_idnumber.c
 *   Unit tests of src/core/idnumber.c: the GB 11643-1999 ID number
 *   validator, its check digit, and the shared vectors in
 *   tests/data/id_vectors.csv that the SQL check must agree with.
 */
#include "config.h"

#include "check_eduaid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/idnumber.h"
#include "core/validate.h"

/* "Today" for the tests and for the future column of id_vectors.csv. */
#define TEST_TODAY 20261128

/* Build a valid number from its first 17 digits into out. */
static void
make_id(const char *first17, char out[ID_NUMBER_LEN + 1])
{
    char c = id_check_digit(first17);

    ck_assert_msg(c != 0, "bad test input %s", first17);
    memcpy(out, first17, 17);
    out[17] = c;
    out[18] = '\0';
}

/* Value of a check character: '0'-'9' or 'X' (ten). */
static int
check_value(char c)
{
    return c == 'X' ? 10 : c - '0';
}

/* ---------------------------------------------------------------------
 * Valid numbers
 * --------------------------------------------------------------------- */

START_TEST(test_known_valid)
{
    struct id_info info;

    ck_assert_int_eq(id_number_check("11010519491231002X", &info, TEST_TODAY),
                     ID_OK);
    ck_assert_int_eq(info.year, 1949);
    ck_assert_int_eq(info.month, 12);
    ck_assert_int_eq(info.day, 31);
    ck_assert_int_eq(info.sex, 'F');
    ck_assert_int_eq(id_number_check("11010519491231002X", NULL, 0), ID_OK);
}
END_TEST

static const char *const valid_first17[] = {
    "42032519850315123", /* check digit X */
    "42032519921010221", /* check digit X */
    "42032519970705104", /* check digit 0 */
    "42032519850101001", "11010519491231002", "42032520000229002",
    "81000019991231005", "42032520240101006", "65010119000101001",
    "37020220261128002", /* born "today" */
};

START_TEST(test_generated_valid)
{
    const char *first17 = valid_first17[_i];
    char id[ID_NUMBER_LEN + 1];
    struct id_info info;

    make_id(first17, id);
    ck_assert_msg(id_number_check(id, &info, TEST_TODAY) == ID_OK,
                  "%s should be valid", id);
    ck_assert_int_eq(info.year,
                     (first17[6] - '0') * 1000 + (first17[7] - '0') * 100 +
                         (first17[8] - '0') * 10 + (first17[9] - '0'));
    ck_assert_int_eq(info.month, (first17[10] - '0') * 10 + first17[11] - '0');
    ck_assert_int_eq(info.day, (first17[12] - '0') * 10 + first17[13] - '0');
}
END_TEST

START_TEST(test_check_digit_values)
{
    ck_assert_int_eq(id_check_digit("11010519491231002"), 'X');
    ck_assert_int_eq(id_check_digit("42032519850315123"), 'X');
    ck_assert_int_eq(id_check_digit("42032519970705104"), '0');
    ck_assert_int_eq(id_check_digit("42032519850101001"), '1');
    ck_assert_int_eq(id_check_digit("42032519850315124"), '8');
    /* Only the first 17 count: a whole number gives its own check digit. */
    ck_assert_int_eq(id_check_digit("11010519491231002X"), 'X');
    ck_assert_int_eq(id_check_digit("420325198501010011234"), '1');
}
END_TEST

START_TEST(test_check_digit_invalid_input)
{
    ck_assert_int_eq(id_check_digit(NULL), 0);
    ck_assert_int_eq(id_check_digit(""), 0);
    ck_assert_int_eq(id_check_digit("4203251985010100"), 0); /* 16 */
    ck_assert_int_eq(id_check_digit("4203251985010100X"), 0);
    ck_assert_int_eq(id_check_digit("42032519850101 01"), 0);
    ck_assert_int_eq(id_check_digit("A2032519850101001"), 0);
}
END_TEST

/*
 * The defining property of ISO 7064 MOD 11-2: the digits weighted by
 * 2^(18-i) (i = 1..18, check character = 10 for X) sum to 1 mod 11.
 * Tried over many numbers, so that every residue 0..10 occurs.
 */
START_TEST(test_check_digit_property)
{
    char first17[18];
    int seen[11] = {0};
    unsigned long x = 12345;

    for (int n = 0; n < 2000; n++) {
        long sum = 0, w = 1;
        char c;

        for (int i = 0; i < 17; i++) {
            x = x * 1103515245UL + 12345UL; /* any digits will do */
            first17[i] = (char)('0' + (x >> 16) % 10);
        }
        first17[17] = '\0';
        c = id_check_digit(first17);
        ck_assert_msg(c == 'X' || (c >= '0' && c <= '9'), "bad %d", c);

        sum = check_value(c); /* weight 2^0 */
        for (int i = 16; i >= 0; i--) {
            w = w * 2 % 11;
            sum += (first17[i] - '0') * w;
        }
        ck_assert_msg(sum % 11 == 1, "%s%c fails MOD 11-2", first17, c);
        seen[check_value(c)]++;
    }
    for (int v = 0; v <= 10; v++)
        ck_assert_msg(seen[v] > 0, "check value %d never produced", v);
}
END_TEST

/* ---------------------------------------------------------------------
 * Each rule
 * --------------------------------------------------------------------- */

START_TEST(test_wrong_check_digit)
{
    const char *checks = "0123456789X";
    char id[ID_NUMBER_LEN + 1];
    int wrong = 0;

    make_id("42032519850315124", id); /* check digit 8 */
    for (const char *c = checks; *c != '\0'; c++) {
        id[17] = *c;
        if (*c == '8') {
            ck_assert_int_eq(id_number_check(id, NULL, TEST_TODAY), ID_OK);
            continue;
        }
        ck_assert_msg(id_number_check(id, NULL, TEST_TODAY) == ID_ERR_CHECK,
                      "%s should fail the check digit", id);
        wrong++;
    }
    ck_assert_int_eq(wrong, 10);
    /* A single changed digit in the body is caught, too. */
    make_id("42032519850315124", id);
    id[3] = '4';
    ck_assert_int_eq(id_number_check(id, NULL, TEST_TODAY), ID_ERR_CHECK);
}
END_TEST

START_TEST(test_lower_x)
{
    struct id_info info;

    ck_assert_int_eq(id_number_check("11010519491231002x", &info, TEST_TODAY),
                     ID_ERR_LOWER_X);
    ck_assert_int_eq(info.year, 0);
    ck_assert_int_eq(info.sex, 0);
    /* Upper-casing it is the fix a form offers. */
    ck_assert_int_eq(id_number_check("11010519491231002X", NULL, TEST_TODAY),
                     ID_OK);
}
END_TEST

/* A number typed in full width (an input method's ０-９ and Ｘ) is folded
 * to ASCII before the check, as the server's id_number_fold(). */
START_TEST(test_fold)
{
    char wide[] = "１１０１０５１９４９１２３１００２Ｘ";
    char mixed[] = "\u3000110105１９４９1231002X\u00a0";
    char lower[] = "11010519491231002ｘ";
    char other[] = "１１Ａ";
    char ascii[] = "11010519491231002X";

    ck_assert_str_eq(id_number_fold(wide), "11010519491231002X");
    ck_assert_int_eq(id_number_check(wide, NULL, TEST_TODAY), ID_OK);
    /* folding is no trimming: blanks stay, as the server's */
    ck_assert_str_eq(id_number_fold(mixed), "\u3000110105194912310"
                                            "02X\u00a0");
    /* ｘ is an x: refused as the ASCII one is */
    ck_assert_str_eq(id_number_fold(lower), "11010519491231002x");
    ck_assert_int_eq(id_number_check(lower, NULL, TEST_TODAY), ID_ERR_LOWER_X);
    /* only digits and X fold: a full-width A stays and is refused */
    ck_assert_str_eq(id_number_fold(other), "11Ａ");
    ck_assert_str_eq(id_number_fold(ascii), "11010519491231002X");
    ck_assert_ptr_null(id_number_fold(NULL));
    /* the form's check folds a copy of what is typed */
    ck_assert_int_eq(
        valid_id_number("１１０１０５１９４９１２３１００２Ｘ", TEST_TODAY),
        VALID_OK);
    ck_assert_int_eq(
        valid_id_number("１１０１０５１９４９１２３１００２９", TEST_TODAY),
        VALID_ID_CHECK);
}
END_TEST

START_TEST(test_length)
{
    ck_assert_int_eq(id_number_check("42032519850315123", NULL, 0),
                     ID_ERR_LENGTH);
    ck_assert_int_eq(id_number_check("42032519850315123X1", NULL, 0),
                     ID_ERR_LENGTH);
    ck_assert_int_eq(id_number_check("420325850315123", NULL, 0),
                     ID_ERR_LENGTH);
    ck_assert_int_eq(id_number_check("", NULL, 0), ID_ERR_LENGTH);
    ck_assert_int_eq(id_number_check(NULL, NULL, 0), ID_ERR_LENGTH);
    ck_assert_int_eq(id_number_check(" 42032519850315123X", NULL, 0),
                     ID_ERR_LENGTH);
}
END_TEST

START_TEST(test_chars)
{
    char id[ID_NUMBER_LEN + 1];

    /* A letter (or blank) in any of the first 17 places. */
    for (int i = 0; i < 17; i++) {
        make_id("42032519850315123", id);
        id[i] = (i % 2) ? 'A' : ' ';
        ck_assert_msg(id_number_check(id, NULL, TEST_TODAY) == ID_ERR_CHARS,
                      "'%s' should fail chars", id);
    }
    /* An X anywhere but last. */
    make_id("42032519850315123", id);
    id[16] = 'X';
    ck_assert_int_eq(id_number_check(id, NULL, TEST_TODAY), ID_ERR_CHARS);
    /* A last character that is neither digit nor X. */
    make_id("42032519850315123", id);
    id[17] = 'Y';
    ck_assert_int_eq(id_number_check(id, NULL, TEST_TODAY), ID_ERR_CHARS);
    /* Full-width digits are not digits (and not 18 bytes either). */
    ck_assert_int_eq(id_number_check("4203251985031512\xef\xbc\x93", NULL, 0),
                     ID_ERR_LENGTH);
}
END_TEST

START_TEST(test_area)
{
    char first17[18] = "42032519850315123";
    char id[ID_NUMBER_LEN + 1];

    for (char d = '0'; d <= '9'; d++) {
        enum id_error want = (d >= '1' && d <= '8') ? ID_OK : ID_ERR_AREA;

        first17[0] = d;
        make_id(first17, id);
        ck_assert_msg(id_number_check(id, NULL, TEST_TODAY) == want,
                      "%s: want %s", id, id_error_name(want));
    }
}
END_TEST

/* Birth dates (YYYYMMDD) and whether an ID with them is valid. */
static const struct {
    const char *date;
    enum id_error want;
} birth_dates[] = {
    {"20000229", ID_OK},       {"20040229", ID_OK},
    {"20120229", ID_OK},       {"19000229", ID_ERR_DATE},
    {"20010229", ID_ERR_DATE}, {"20230229", ID_ERR_DATE},
    {"20230228", ID_OK},       {"19850430", ID_OK},
    {"19850431", ID_ERR_DATE}, {"19851301", ID_ERR_DATE},
    {"19850001", ID_ERR_DATE}, {"19850100", ID_ERR_DATE},
    {"19850132", ID_ERR_DATE}, {"19851231", ID_OK},
    {"18991231", ID_ERR_DATE}, {"19000101", ID_OK},
    {"00000000", ID_ERR_DATE},
};

START_TEST(test_birth_dates)
{
    char first17[18];
    char id[ID_NUMBER_LEN + 1];
    struct id_info info;

    snprintf(first17, sizeof(first17), "420325%s123", birth_dates[_i].date);
    make_id(first17, id);
    ck_assert_msg(id_number_check(id, &info, TEST_TODAY) ==
                      birth_dates[_i].want,
                  "%s: want %s", id, id_error_name(birth_dates[_i].want));
    if (birth_dates[_i].want == ID_OK)
        ck_assert_int_eq(info.year * 10000 + info.month * 100 + info.day,
                         atoi(birth_dates[_i].date));
}
END_TEST

START_TEST(test_future)
{
    char id[ID_NUMBER_LEN + 1];

    make_id("42032520990101001", id);
    ck_assert_int_eq(id_number_check(id, NULL, TEST_TODAY), ID_ERR_FUTURE);
    ck_assert_int_eq(id_number_check(id, NULL, 0), ID_OK); /* not checked */
    ck_assert_int_eq(id_number_check(id, NULL, -1), ID_OK);

    make_id("42032520261128001", id); /* born today: fine */
    ck_assert_int_eq(id_number_check(id, NULL, TEST_TODAY), ID_OK);
    make_id("42032520261129001", id); /* tomorrow */
    ck_assert_int_eq(id_number_check(id, NULL, TEST_TODAY), ID_ERR_FUTURE);
    make_id("42032520270101001", id); /* next year */
    ck_assert_int_eq(id_number_check(id, NULL, TEST_TODAY), ID_ERR_FUTURE);
    ck_assert_int_eq(id_number_check(id, NULL, 20270101), ID_OK);
}
END_TEST

START_TEST(test_sex)
{
    char first17[18] = "42032519850315120";
    char id[ID_NUMBER_LEN + 1];
    struct id_info info;

    for (char d = '0'; d <= '9'; d++) {
        first17[16] = d;
        make_id(first17, id);
        ck_assert_int_eq(id_number_check(id, &info, TEST_TODAY), ID_OK);
        ck_assert_msg(info.sex == (((d - '0') % 2) ? 'M' : 'F'), "%s: sex %c",
                      id, info.sex);
    }
}
END_TEST

START_TEST(test_info_zeroed_on_error)
{
    struct id_info info = {1985, 3, 15, 'M'};

    ck_assert_int_eq(id_number_check("420325198503151230", &info, TEST_TODAY),
                     ID_ERR_CHECK);
    ck_assert_int_eq(info.year, 0);
    ck_assert_int_eq(info.month, 0);
    ck_assert_int_eq(info.day, 0);
    ck_assert_int_eq(info.sex, 0);
}
END_TEST

/* When several rules are broken, the first in enum order is reported. */
START_TEST(test_precedence)
{
    /* chars (letter) and check: chars */
    ck_assert_int_eq(id_number_check("4203251985031512AX", NULL, TEST_TODAY),
                     ID_ERR_CHARS);
    /* chars and lower x: chars */
    ck_assert_int_eq(id_number_check("4203251985031512Ax", NULL, TEST_TODAY),
                     ID_ERR_CHARS);
    /* lower x and area, date, check: lower_x */
    ck_assert_int_eq(id_number_check("02032518991301001x", NULL, TEST_TODAY),
                     ID_ERR_LOWER_X);
    /* area and date and check: area */
    ck_assert_int_eq(id_number_check("020325189913010010", NULL, TEST_TODAY),
                     ID_ERR_AREA);
    /* date and check: date */
    ck_assert_int_eq(id_number_check("420325200102290010", NULL, TEST_TODAY),
                     ID_ERR_DATE);
    /* future and check: future */
    ck_assert_int_eq(id_number_check("420325209906150020", NULL, TEST_TODAY),
                     ID_ERR_FUTURE);
}
END_TEST

START_TEST(test_messages)
{
    static const char *const names[] = {"ok",   "length", "chars",  "lower_x",
                                        "area", "date",   "future", "check"};

    for (int e = ID_OK; e <= ID_ERR_CHECK; e++) {
        const char *msg = id_error_message((enum id_error)e);

        ck_assert_str_eq(id_error_name((enum id_error)e), names[e]);
        ck_assert_ptr_nonnull(msg);
        ck_assert_uint_gt(strlen(msg), 3);
        for (int f = ID_OK; f < e; f++)
            ck_assert_str_ne(msg, id_error_message((enum id_error)f));
    }
    ck_assert_str_eq(id_error_message(ID_ERR_CHECK),
                     "check digit does not match");
    ck_assert_str_eq(id_error_name((enum id_error)99), "unknown");
    ck_assert_str_eq(id_error_message((enum id_error)99), "unknown error");
}
END_TEST

/* ---------------------------------------------------------------------
 * tests/data/id_vectors.csv: shared with the SQL check
 * --------------------------------------------------------------------- */

START_TEST(test_vectors)
{
    const char *top = getenv("top_srcdir");
    char path[4096];
    char line[256];
    FILE *fp;
    int lineno = 0, rows = 0;
    int per_reason[ID_ERR_CHECK + 1] = {0};

    snprintf(path, sizeof(path), "%s/tests/data/id_vectors.csv",
             top != NULL && top[0] != '\0' ? top : ".");
    fp = fopen(path, "r");
    ck_assert_msg(fp != NULL, "cannot open %s (set top_srcdir)", path);

    while (fgets(line, sizeof(line), fp) != NULL) {
        char *id, *valid, *reason, *end;
        enum id_error got;

        lineno++;
        ck_assert_msg(strchr(line, '\n') != NULL || feof(fp),
                      "%s:%d: line too long", path, lineno);
        line[strcspn(line, "\r\n")] = '\0';
        if (lineno == 1) {
            ck_assert_str_eq(line, "id_number,valid,reason");
            continue;
        }
        id = line;
        valid = strchr(id, ',');
        ck_assert_msg(valid != NULL, "%s:%d: no valid column", path, lineno);
        *valid++ = '\0';
        reason = strchr(valid, ',');
        ck_assert_msg(reason != NULL, "%s:%d: no reason", path, lineno);
        *reason++ = '\0';
        end = strchr(reason, ',');
        ck_assert_msg(end == NULL, "%s:%d: extra column", path, lineno);

        ck_assert_msg(strcmp(valid, "true") == 0 || strcmp(valid, "false") == 0,
                      "%s:%d: valid must be true or false", path, lineno);
        ck_assert_msg((strcmp(valid, "true") == 0) ==
                          (strcmp(reason, "ok") == 0),
                      "%s:%d: valid and reason disagree", path, lineno);

        got = id_number_check(id, NULL, TEST_TODAY);
        ck_assert_msg(strcmp(id_error_name(got), reason) == 0,
                      "%s:%d: %s: expected %s, got %s", path, lineno, id,
                      reason, id_error_name(got));
        per_reason[got]++;
        rows++;
    }
    ck_assert_msg(!ferror(fp), "error reading %s", path);
    fclose(fp);

    ck_assert_int_ge(rows, 30);
    for (int e = ID_OK; e <= ID_ERR_CHECK; e++)
        ck_assert_msg(per_reason[e] > 0, "%s: no vector with reason %s", path,
                      id_error_name((enum id_error)e));
}
END_TEST

Suite *
idnumber_suite(void)
{
    Suite *s = suite_create("idnumber");
    TCase *tc;
    int n_valid = (int)(sizeof(valid_first17) / sizeof(valid_first17[0]));
    int n_dates = (int)(sizeof(birth_dates) / sizeof(birth_dates[0]));

    tc = tcase_create("valid");
    tcase_add_test(tc, test_known_valid);
    tcase_add_loop_test(tc, test_generated_valid, 0, n_valid);
    tcase_add_test(tc, test_check_digit_values);
    tcase_add_test(tc, test_check_digit_invalid_input);
    tcase_add_test(tc, test_check_digit_property);
    suite_add_tcase(s, tc);

    tc = tcase_create("rules");
    tcase_add_test(tc, test_wrong_check_digit);
    tcase_add_test(tc, test_lower_x);
    tcase_add_test(tc, test_fold);
    tcase_add_test(tc, test_length);
    tcase_add_test(tc, test_chars);
    tcase_add_test(tc, test_area);
    tcase_add_loop_test(tc, test_birth_dates, 0, n_dates);
    tcase_add_test(tc, test_future);
    tcase_add_test(tc, test_sex);
    tcase_add_test(tc, test_info_zeroed_on_error);
    tcase_add_test(tc, test_precedence);
    tcase_add_test(tc, test_messages);
    suite_add_tcase(s, tc);

    tc = tcase_create("vectors");
    tcase_add_test(tc, test_vectors);
    suite_add_tcase(s, tc);
    return s;
}
