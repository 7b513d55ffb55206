/*
 * check_rowdiff.c
 *   Unit tests of src/core/rowdiff.c: the approved-value diff of a grid
 *   laid over its rows -- rows matched by id, added, changed per cell,
 *   removed rows kept with their approved values.
 */
#include "config.h"

#include "check_eduaid.h"

#include <stdlib.h>
#include <string.h>

#include "core/rowdiff.h"

static const char *const grant_fields[] = {"student_id", "program", "amount",
                                           "granted_on"};

/* A year record's grants: 11 kept, 12 amount changed, 13 removed (not
 * held any more), 14 added; a year row changed (another table). */
static const struct rowdiff_entry entries[] = {
    {"student_year", 21, "changed", "grade", "7", true},
    {"student_year", 21, "changed", "student_id", "5", false},
    {"student_subsidy", 12, "changed", "amount", "0", true},
    {"student_subsidy", 12, "changed", "id", "12", false},
    {"student_subsidy", 12, "changed", "program", "compulsory_waiver", false},
    {"student_subsidy", 12, "changed", "student_id", "5", false},
    {"student_subsidy", 12, "changed", "granted_on", NULL, false},
    {"student_subsidy", 13, "removed", "amount", "1250", false},
    {"student_subsidy", 13, "removed", "program", "boarding_subsidy", false},
    {"student_subsidy", 13, "removed", "student_id", "5", false},
    {"student_subsidy", 13, "removed", "township_id", "420325100", false},
    {"student_subsidy", 14, "added", NULL, NULL, false},
};
#define NENTRIES (sizeof(entries) / sizeof(entries[0]))

START_TEST(test_rows_matched_by_id)
{
    /* the form's order is not the server's; a row not saved yet (0) */
    static const long long ids[] = {14, 11, 12, 0};
    struct rowdiff d;

    ck_assert(rowdiff_build(&d, "student_subsidy", grant_fields, 4, ids, 4,
                            entries, NENTRIES));
    ck_assert_uint_eq(d.nrows, 4);
    ck_assert_int_eq(d.rows[0].mark, ROW_ADDED);
    ck_assert_int_eq(d.rows[1].mark, ROW_SAME);
    ck_assert_int_eq(d.rows[2].mark, ROW_CHANGED);
    ck_assert_int_eq(d.rows[3].mark, ROW_ADDED); /* new in the form */
    ck_assert_ptr_null(d.rows[0].approved);
    ck_assert_ptr_null(d.rows[1].changed);
    ck_assert_uint_eq(rowdiff_count(&d, ROW_ADDED), 2);
    ck_assert_uint_eq(rowdiff_count(&d, ROW_CHANGED), 1);
    ck_assert_uint_eq(rowdiff_count(&d, ROW_SAME), 1);
    rowdiff_free(&d);
    ck_assert_uint_eq(d.nrows, 0);
}
END_TEST

START_TEST(test_changed_per_cell)
{
    static const long long ids[] = {12};
    struct rowdiff d;
    const struct rowdiff_row *r;

    ck_assert(rowdiff_build(&d, "student_subsidy", grant_fields, 4, ids, 1,
                            entries, NENTRIES));
    r = &d.rows[0];
    ck_assert_int_eq(r->mark, ROW_CHANGED);
    ck_assert(!r->changed[0]);
    ck_assert(!r->changed[1]);
    ck_assert(r->changed[2]); /* the amount, and only it */
    ck_assert(!r->changed[3]);
    ck_assert_str_eq(r->approved[2], "0");
    ck_assert_str_eq(r->approved[1], "compulsory_waiver");
    ck_assert_ptr_null(r->approved[3]); /* NULL then: empty */
    rowdiff_free(&d);
}
END_TEST

START_TEST(test_removed_rows_kept)
{
    static const long long ids[] = {11, 12, 14};
    struct rowdiff d;

    ck_assert(rowdiff_build(&d, "student_subsidy", grant_fields, 4, ids, 3,
                            entries, NENTRIES));
    ck_assert_uint_eq(d.nremoved, 1);
    ck_assert_uint_eq(rowdiff_count(&d, ROW_REMOVED), 1);
    ck_assert_int_eq(d.removed[0].mark, ROW_REMOVED);
    ck_assert(d.removed[0].id == 13);
    ck_assert_str_eq(d.removed[0].approved[0], "5");
    ck_assert_str_eq(d.removed[0].approved[1], "boarding_subsidy");
    ck_assert_str_eq(d.removed[0].approved[2], "1250");
    ck_assert_ptr_null(d.removed[0].approved[3]);
    ck_assert(!d.removed[0].changed[2]);
    rowdiff_free(&d);
}
END_TEST

START_TEST(test_other_tables_and_stale_entries)
{
    /* the year rows' grid: only its own table's entries count; a removed
     * entry for a row the form still holds (an older diff) and a changed
     * entry for a row the form no longer holds mark nothing */
    static const char *const year_fields[] = {"student_id", "grade"};
    static const struct rowdiff_entry stale[] = {
        {"student_year", 30, "removed", "grade", "3", false},
        {"student_year", 31, "changed", "grade", "4", true},
        {"student_year", 32, "changed", "notes", "x", true},
    };
    static const long long ids[] = {21, 30, 32};
    struct rowdiff d;

    ck_assert(rowdiff_build(&d, "student_year", year_fields, 2, ids, 3, entries,
                            NENTRIES));
    ck_assert_int_eq(d.rows[0].mark, ROW_CHANGED);
    ck_assert(d.rows[0].changed[1]);
    ck_assert(!d.rows[0].changed[0]);
    ck_assert_str_eq(d.rows[0].approved[1], "7");
    ck_assert_int_eq(d.rows[1].mark, ROW_SAME);
    ck_assert_uint_eq(d.nremoved, 0);
    rowdiff_free(&d);
    ck_assert(
        rowdiff_build(&d, "student_year", year_fields, 2, ids, 3, stale, 3));
    ck_assert_int_eq(d.rows[1].mark, ROW_SAME); /* "removed", yet held */
    ck_assert_int_eq(d.rows[2].mark, ROW_SAME); /* a column not shown */
    ck_assert_ptr_null(d.rows[2].approved);
    ck_assert_uint_eq(d.nremoved, 0);
    rowdiff_free(&d);
}
END_TEST

START_TEST(test_no_entries_and_markers)
{
    static const long long ids[] = {1, 2};
    struct rowdiff d;

    ck_assert(rowdiff_build(&d, "student", grant_fields, 4, ids, 2, NULL, 0));
    ck_assert_uint_eq(rowdiff_count(&d, ROW_SAME), 2);
    rowdiff_free(&d);
    ck_assert(rowdiff_build(&d, "student", grant_fields, 4, NULL, 0, NULL, 0));
    ck_assert_uint_eq(d.nrows, 0);
    rowdiff_free(&d);
    ck_assert_int_eq(rowdiff_marker(ROW_SAME), ' ');
    ck_assert_int_eq(rowdiff_marker(ROW_ADDED), '+');
    ck_assert_int_eq(rowdiff_marker(ROW_CHANGED), '~');
    ck_assert_int_eq(rowdiff_marker(ROW_REMOVED), '-');
}
END_TEST

Suite *
rowdiff_suite(void)
{
    Suite *s = suite_create("rowdiff");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_rows_matched_by_id);
    tcase_add_test(tc, test_changed_per_cell);
    tcase_add_test(tc, test_removed_rows_kept);
    tcase_add_test(tc, test_other_tables_and_stale_entries);
    tcase_add_test(tc, test_no_entries_and_markers);
    suite_add_tcase(s, tc);
    return s;
}
