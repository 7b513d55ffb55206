/*
 * check_shownpath.c
 *   Unit tests of src/core/shownpath.c, a path on a status line: the home
 *   directory as "~" (only a whole directory of it), a path that fits
 *   left alone, the middle directories given up first as "…" (as few as
 *   need be, the Chinese ones counted two cells each), then "…/NAME",
 *   then the name cut -- never wider than asked, and a short buffer
 *   never overrun.
 */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/shownpath.h"
#include "core/text.h"

#define HOME "/home/clerk"
#define EXP HOME "/.local/share/eduaid/exports/notice-12.pdf"

static char out[4096];

static const char *
shown(const char *path, const char *home, int cells)
{
    return shownpath(path, home, cells, out, sizeof out);
}

START_TEST(home_as_tilde)
{
    ck_assert_str_eq(shown(EXP, HOME, 80),
                     "~/.local/share/eduaid/exports/notice-12.pdf");
    ck_assert_str_eq(shown(EXP, HOME "/", 80),
                     "~/.local/share/eduaid/exports/notice-12.pdf");
    /* /home/clerk is no directory of /home/clerk2 */
    ck_assert_str_eq(shown("/home/clerk2/a.pdf", HOME, 80),
                     "/home/clerk2/a.pdf");
    ck_assert_str_eq(shown(EXP, NULL, 80), EXP);
    ck_assert_str_eq(shown(EXP, "/", 80), EXP);
}
END_TEST

START_TEST(middle_given_up_first)
{
    /* 43 cells whole; at 30: the fewest directories dropped */
    ck_assert_str_eq(shown(EXP, HOME, 43),
                     "~/.local/share/eduaid/exports/notice-12.pdf");
    ck_assert_str_eq(shown(EXP, HOME, 42),
                     "~/…/share/eduaid/exports/notice-12.pdf");
    ck_assert_str_eq(shown(EXP, HOME, 30), "~/…/exports/notice-12.pdf");
    ck_assert_str_eq(shown(EXP, HOME, 17), "~/…/notice-12.pdf");
    ck_assert_str_eq(shown(EXP, HOME, 16), "…/notice-12.pdf");
    ck_assert_str_eq(shown("/srv/a/b/c/report-x-2026.pdf", NULL, 27),
                     "/srv/…/c/report-x-2026.pdf");
    ck_assert_str_eq(shown("/srv/a/b/c/report-x-2026.pdf", NULL, 25),
                     "/srv/…/report-x-2026.pdf");
}
END_TEST

START_TEST(wide_directories_counted)
{
    const char *p = HOME "/资助工作文件夹/打印的公示/exports/notice-7.pdf";

    /* 资助工作文件夹 is 14 cells, 打印的公示 10 */
    ck_assert_int_eq(text_utf8_cells(shown(p, HOME, 80)), 48);
    ck_assert_str_eq(shown(p, HOME, 40), "~/…/打印的公示/exports/notice-7.pdf");
    ck_assert_str_eq(shown(p, HOME, 31), "~/…/exports/notice-7.pdf");
}
END_TEST

START_TEST(never_wider)
{
    const char *p = HOME "/很长的目录/" /* a long name */
                         "report-special_ed-2026-2027-county-wide.pdf";

    for (int cells = 1; cells <= 80; cells++)
        ck_assert_int_le(text_utf8_cells(shown(p, HOME, cells)), cells);
    ck_assert_str_eq(shown(p, HOME, 10), "report-sp~");
}
END_TEST

START_TEST(short_buffer)
{
    char small[8];

    memset(small, 'x', sizeof small);
    shownpath(EXP, HOME, 80, small, sizeof small);
    ck_assert_int_eq(small[7], '\0');
    ck_assert_str_eq(small, "~/.loca");
    ck_assert_ptr_eq(shownpath(EXP, HOME, 80, small, 0), small);
}
END_TEST

static Suite *
shownpath_suite(void)
{
    Suite *s = suite_create("shownpath");
    TCase *t = tcase_create("status line");

    tcase_add_test(t, home_as_tilde);
    tcase_add_test(t, middle_given_up_first);
    tcase_add_test(t, wide_directories_counted);
    tcase_add_test(t, never_wider);
    tcase_add_test(t, short_buffer);
    suite_add_tcase(s, t);
    return s;
}

int
main(void)
{
    SRunner *sr;
    int failed;

    /* Widths are those of a UTF-8 terminal. */
    if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
        fprintf(stderr, "check_shownpath: the C.UTF-8 locale is missing\n");
        return EXIT_FAILURE;
    }
    sr = srunner_create(shownpath_suite());
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
