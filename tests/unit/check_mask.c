/*
 * check_mask.c
 *   Unit tests of src/core/mask.c: masking ID numbers for display.
 */
#include "config.h"

#include "check_eduaid.h"

#include <string.h>

#include "core/mask.h"

START_TEST(test_mask_18)
{
    char out[64];

    mask_id_number("42032519850315123X", out, sizeof(out));
    ck_assert_str_eq(out, "420325********123X");
    mask_id_number("11010519491231002X", out, sizeof(out));
    ck_assert_str_eq(out, "110105********002X");
    /* Validity does not matter, only the length. */
    mask_id_number("abcdefghijklmnopqr", out, sizeof(out));
    ck_assert_str_eq(out, "abcdef********opqr");
}
END_TEST

START_TEST(test_mask_other_lengths)
{
    char out[64];

    mask_id_number("42032519850315123", out, sizeof(out)); /* 17 */
    ck_assert_str_eq(out, "*************5123");
    mask_id_number("42032519850315123X1", out, sizeof(out)); /* 19 */
    ck_assert_str_eq(out, "***************23X1");
    mask_id_number("420325850315123", out, sizeof(out)); /* 15, old style */
    ck_assert_str_eq(out, "***********5123");
    mask_id_number("12345", out, sizeof(out));
    ck_assert_str_eq(out, "*2345");
    mask_id_number("1234", out, sizeof(out));
    ck_assert_str_eq(out, "1234");
    mask_id_number("12", out, sizeof(out));
    ck_assert_str_eq(out, "12");
    mask_id_number("", out, sizeof(out));
    ck_assert_str_eq(out, "");
    mask_id_number(NULL, out, sizeof(out));
    ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(test_mask_utf8)
{
    char out[64];

    /* Each code point is one character, masked by one '*'. */
    mask_id_number("张三李四王五1234", out, sizeof(out));
    ck_assert_str_eq(out, "******1234");
    mask_id_number("1234张三李四", out, sizeof(out));
    ck_assert_str_eq(out, "****张三李四");
    /* 18 code points: the 18-character rule applies. */
    mask_id_number("张2032519850315123X", out, sizeof(out));
    ck_assert_str_eq(out, "张20325********123X");
}
END_TEST

START_TEST(test_mask_truncation)
{
    char out[64];

    memset(out, '#', sizeof(out));
    mask_id_number("42032519850315123X", out, 10);
    ck_assert_str_eq(out, "420325***");

    memset(out, '#', sizeof(out));
    mask_id_number("42032519850315123X", out, 19); /* exactly enough */
    ck_assert_str_eq(out, "420325********123X");

    memset(out, '#', sizeof(out));
    mask_id_number("42032519850315123X", out, 18); /* one short */
    ck_assert_str_eq(out, "420325********123");

    memset(out, '#', sizeof(out));
    mask_id_number("42032519850315123X", out, 1);
    ck_assert_str_eq(out, "");

    /* Never cut a multi-byte character in half. */
    memset(out, '#', sizeof(out));
    mask_id_number("1234张三李四", out, 9); /* "****张" is 7 bytes, + 3 no */
    ck_assert_str_eq(out, "****张");
    ck_assert_uint_eq(strlen(out), 7);

    /* outsz 0: nothing is written at all. */
    memset(out, '#', sizeof(out));
    mask_id_number("42032519850315123X", out, 0);
    ck_assert_int_eq(out[0], '#');
}
END_TEST

Suite *
mask_suite(void)
{
    Suite *s = suite_create("mask");
    TCase *tc = tcase_create("id_number");

    tcase_add_test(tc, test_mask_18);
    tcase_add_test(tc, test_mask_other_lengths);
    tcase_add_test(tc, test_mask_utf8);
    tcase_add_test(tc, test_mask_truncation);
    suite_add_tcase(s, tc);
    return s;
}
