/*
 * check_sheetcode.c
 *   Unit tests of src/core/sheetcode.c, the QR payload of a printed notice
 *   sheet: the exact string built (lower-case digest), the refusals of
 *   malformed ids and digests and of a short buffer, and the reading back
 *   -- round trip, a scanner's blanks and upper case accepted, every
 *   altered or truncated form refused.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/sheetcode.h"

#define D "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define DU "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"

START_TEST(builds_the_documented_string)
{
    char out[SHEETCODE_MAX];

    ck_assert_int_eq(sheetcode_build(out, sizeof out, "42", 45, DU), 0);
    ck_assert_str_eq(out, "eduaid-notice/1:42:45:" D);
    ck_assert_int_eq(sheetcode_build(out, sizeof out, "7", 0, D), 0);
    ck_assert_str_eq(out, "eduaid-notice/1:7:0:" D);
}
END_TEST

START_TEST(build_refuses_bad_input)
{
    char out[SHEETCODE_MAX];

    ck_assert_int_eq(sheetcode_build(out, sizeof out, "", 1, D), -1);
    ck_assert_int_eq(sheetcode_build(out, sizeof out, "4a", 1, D), -1);
    ck_assert_int_eq(sheetcode_build(out, sizeof out, "042", 1, D), -1);
    ck_assert_int_eq(sheetcode_build(out, sizeof out, "42", -1, D), -1);
    ck_assert_int_eq(sheetcode_build(out, sizeof out, "42", 1, D "0"), -1);
    ck_assert_int_eq(sheetcode_build(out, sizeof out, "42", 1, "abc"), -1);
    ck_assert_int_eq(sheetcode_build(out, sizeof out, NULL, 1, D), -1);
    ck_assert_int_eq(sheetcode_build(out, 40, "42", 1, D), -1);
}
END_TEST

START_TEST(parses_back)
{
    char out[SHEETCODE_MAX], id[32], dg[SHEETCODE_DIGEST + 1];
    long lines = -1;

    ck_assert_int_eq(sheetcode_build(out, sizeof out, "123", 9, D), 0);
    ck_assert(sheetcode_is(out));
    ck_assert_int_eq(sheetcode_parse(out, id, sizeof id, &lines, dg), 0);
    ck_assert_str_eq(id, "123");
    ck_assert_int_eq(lines, 9);
    ck_assert_str_eq(dg, D);
    /* a scanner's line: blanks around it, upper-case hex */
    ck_assert_int_eq(sheetcode_parse("  eduaid-notice/1:5:3:" DU "\r\n", id,
                                     sizeof id, &lines, dg),
                     0);
    ck_assert_str_eq(id, "5");
    ck_assert_int_eq(lines, 3);
    ck_assert_str_eq(dg, D);
}
END_TEST

START_TEST(parse_refuses_altered_forms)
{
    static const char *const bad[] = {
        "",
        "0123456789abcdef",                     /* a record hash */
        "eduaid-notice/2:5:3:" D,               /* another version */
        "eduaid-notice/1:5:3:" D "0",           /* 65 digits */
        "eduaid-notice/1:5:3:0123456789abcdef", /* 16 digits */
        "eduaid-notice/1:5:3:g123456789abcdef0123456789abcdef0123456789abcd"
        "ef0123456789abcdef",                        /* not hex */
        "eduaid-notice/1:5:" D,                      /* no line count */
        "eduaid-notice/1::3:" D,                     /* no id */
        "eduaid-notice/1:5a:3:" D,                   /* id not a number */
        "eduaid-notice/1:5:-3:" D,                   /* negative count */
        "eduaid-notice/1:5:3:" D ":x",               /* something after */
        "eduaid-notice/1:5 :3:" D,                   /* a blank inside */
        "eduaid-notice/1:12345678901234567890:3:" D, /* id too long */
    };
    char id[32], dg[SHEETCODE_DIGEST + 1];
    long lines;

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(sheetcode_parse(bad[i], id, sizeof id, &lines, dg) == -1,
                      "accepted: %s", bad[i]);
    ck_assert_int_eq(sheetcode_parse(NULL, id, sizeof id, &lines, dg), -1);
    ck_assert(!sheetcode_is("0123456789abcdef"));
    /* an id longer than the caller's buffer */
    ck_assert_int_eq(
        sheetcode_parse("eduaid-notice/1:123456:3:" D, id, 4, &lines, dg), -1);
}
END_TEST

static Suite *
sheetcode_suite(void)
{
    Suite *s = suite_create("sheetcode");
    TCase *t = tcase_create("payload");

    tcase_add_test(t, builds_the_documented_string);
    tcase_add_test(t, build_refuses_bad_input);
    tcase_add_test(t, parses_back);
    tcase_add_test(t, parse_refuses_altered_forms);
    suite_add_tcase(s, t);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(sheetcode_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
