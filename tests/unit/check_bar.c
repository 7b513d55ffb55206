/*
 * check_bar.c
 *   Unit tests of src/core/bar.c (text bar charts), with their own Check
 *   runner: exact UTF-8 bytes for full and partial blocks, '#' bars,
 *   rounding, clamping, empty bars, the buffer limit, scales and target
 *   cells.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/bar.h"

#define FULL "\xE2\x96\x88"   /* █ */
#define HALF "\xE2\x96\x8C"   /* ▌ */
#define ONE8 "\xE2\x96\x8F"   /* ▏ */
#define SEVEN8 "\xE2\x96\x89" /* ▉ */
#define THREE8 "\xE2\x96\x8D" /* ▍ */

START_TEST(utf8_full_and_partial)
{
    char out[64];

    ck_assert_int_eq(bar_render(50, 100, 10, true, out, sizeof out), 5);
    ck_assert_str_eq(out, FULL FULL FULL FULL FULL);
    ck_assert_int_eq(bar_render(45, 100, 10, true, out, sizeof out), 5);
    ck_assert_str_eq(out, FULL FULL FULL FULL HALF);
    /* 1/80 of the width: one eighth of a cell */
    ck_assert_int_eq(bar_render(1, 80, 10, true, out, sizeof out), 1);
    ck_assert_str_eq(out, ONE8);
    /* 7/80: seven eighths */
    ck_assert_int_eq(bar_render(7, 80, 10, true, out, sizeof out), 1);
    ck_assert_str_eq(out, SEVEN8);
    /* 11/80: one cell and three eighths */
    ck_assert_int_eq(bar_render(11, 80, 10, true, out, sizeof out), 2);
    ck_assert_str_eq(out, FULL THREE8);
}
END_TEST

START_TEST(ascii_cells)
{
    char out[64];

    ck_assert_int_eq(bar_render(45, 100, 10, false, out, sizeof out), 5);
    ck_assert_str_eq(out, "#####");
    ck_assert_int_eq(bar_render(44, 100, 10, false, out, sizeof out), 4);
    ck_assert_str_eq(out, "####");
    ck_assert_int_eq(bar_render(100, 100, 20, false, out, sizeof out), 20);
    ck_assert_str_eq(out, "####################");
}
END_TEST

START_TEST(clamps_and_empties)
{
    char out[64];

    ck_assert_int_eq(bar_render(250, 100, 4, true, out, sizeof out), 4);
    ck_assert_str_eq(out, FULL FULL FULL FULL);
    ck_assert_int_eq(bar_render(0, 100, 10, true, out, sizeof out), 0);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(bar_render(-5, 100, 10, false, out, sizeof out), 0);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(bar_render(NAN, 100, 10, true, out, sizeof out), 0);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(bar_render(5, 0, 10, true, out, sizeof out), 0);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(bar_render(5, 10, 0, true, out, sizeof out), 0);
    ck_assert_str_eq(out, "");
    /* less than half an eighth rounds to nothing */
    ck_assert_int_eq(bar_render(0.04, 80, 10, true, out, sizeof out), 0);
}
END_TEST

START_TEST(buffer_limits)
{
    char out[8];

    ck_assert_int_eq(bar_render(100, 100, 3, true, out, sizeof out), -1);
    ck_assert_int_eq(bar_render(100, 100, 2, true, out, 7), 2);
    ck_assert_str_eq(out, FULL FULL);
    ck_assert_int_eq(bar_render(100, 100, 7, false, out, sizeof out), 7);
    ck_assert_int_eq(bar_render(100, 100, 8, false, out, sizeof out), -1);
    ck_assert_int_eq(bar_render(1, 1, -1, false, out, sizeof out), -1);
}
END_TEST

START_TEST(scales_and_targets)
{
    const double v[] = {20, 75.5, 3};
    const double zero[] = {0, -1};

    ck_assert(bar_scale(v, 3, 100) == 100);
    ck_assert(bar_scale(v, 3, 0) == 75.5);
    ck_assert(bar_scale(v, 3, 50) == 75.5);
    ck_assert(bar_scale(zero, 2, 0) == 1);
    ck_assert(bar_scale(NULL, 0, 1000) == 1000);

    ck_assert_int_eq(bar_target_cell(100, 100, 20), 19);
    ck_assert_int_eq(bar_target_cell(50, 100, 20), 9);
    ck_assert_int_eq(bar_target_cell(52, 100, 20), 10);
    ck_assert_int_eq(bar_target_cell(1, 100, 20), 0);
    ck_assert_int_eq(bar_target_cell(0, 100, 20), -1);
    ck_assert_int_eq(bar_target_cell(150, 100, 20), -1);
}
END_TEST

static Suite *
bar_suite(void)
{
    Suite *s = suite_create("bar");
    TCase *t = tcase_create("render");

    tcase_add_test(t, utf8_full_and_partial);
    tcase_add_test(t, ascii_cells);
    tcase_add_test(t, clamps_and_empties);
    tcase_add_test(t, buffer_limits);
    tcase_add_test(t, scales_and_targets);
    suite_add_tcase(s, t);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(bar_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
