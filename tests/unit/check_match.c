/*
 * check_match.c
 *   Unit tests of src/core/match.c: how the filter box of a pick list
 *   matches its rows (substring, ASCII case ignored, every word
 *   somewhere), with their own Check runner.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "core/match.h"

#define FANGXIAN_VOC "房县职业技术学校"

START_TEST(contains_anywhere)
{
    ck_assert(match_contains(FANGXIAN_VOC, "职"));
    ck_assert(match_contains(FANGXIAN_VOC, "技术"));
    ck_assert(match_contains(FANGXIAN_VOC, "学校"));
    ck_assert(match_contains(FANGXIAN_VOC, "房县"));
    ck_assert(!match_contains(FANGXIAN_VOC, "幼儿园"));
    ck_assert(!match_contains(FANGXIAN_VOC, "职技"));
    ck_assert(match_contains(FANGXIAN_VOC, ""));
    ck_assert(!match_contains(NULL, "x"));
}
END_TEST

START_TEST(contains_ascii_case)
{
    ck_assert(match_contains("Township", "town"));
    ck_assert(match_contains("all", "ALL"));
    ck_assert(match_contains("status: Submitted", "SUBMIT"));
    ck_assert(!match_contains("Town", "towns"));
    /* a partial UTF-8 sequence never matches a whole character */
    ck_assert(!match_contains("职", "\xE8\x81\x8C\xE8"));
}
END_TEST

START_TEST(words_each_somewhere)
{
    const char *row[] = {"乡镇", "城关镇"};
    const char *other[] = {"状态", "已提交"};

    ck_assert(match_words(NULL, row, 2));
    ck_assert(match_words("   ", row, 2));
    ck_assert(match_words("城关", row, 2));
    ck_assert(match_words("乡镇 城关", row, 2));
    ck_assert(match_words(" 城关  乡镇 ", row, 2));
    ck_assert(!match_words("乡镇 提交", row, 2));
    ck_assert(match_words("提交", other, 2));
    ck_assert(!match_words("城关", other, 2));
}
END_TEST

START_TEST(words_skip_null_texts)
{
    const char *row[] = {NULL, "junior", NULL};

    ck_assert(match_words("JUN", row, 3));
    ck_assert(!match_words("x", row, 3));
    ck_assert(!match_words("x", row, 0));
    ck_assert(match_words("", row, 0));
}
END_TEST

static Suite *
match_suite(void)
{
    Suite *s = suite_create("match");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, contains_anywhere);
    tcase_add_test(tc, contains_ascii_case);
    tcase_add_test(tc, words_each_somewhere);
    tcase_add_test(tc, words_skip_null_texts);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(match_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
