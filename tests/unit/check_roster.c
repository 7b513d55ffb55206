/*
 * check_roster.c
 *   Unit tests of src/core/roster.c, with their own Check runner: header
 *   names in Chinese and English, case and blanks, any order, unknown and
 *   doubled columns, a missing required column named; record checks with
 *   the exact column of the first problem; stage and relation names;
 *   township and village resolution by name and code.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/roster.h"

#define TODAY 20261128
#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const english[] = {
    "household_no",   "township",    "village",     "head_name",
    "head_id_number", "family_size", "member_name", "member_id_number",
    "relation",       "stage"};

START_TEST(maps_english_in_order)
{
    struct roster_header h;
    char err[256];

    ck_assert_int_eq(
        roster_header_map(english, N(english), &h, NULL, err, sizeof(err)), 0);
    for (int c = 0; c < RC_N; c++) {
        ck_assert_int_eq(h.pos[c], c);
        ck_assert(!h.unknown[c]);
        ck_assert_str_eq(roster_col_name((enum roster_col)c), english[c]);
        ck_assert_int_eq(roster_col_by_name(english[c]), c);
    }
    roster_header_free(&h);
}
END_TEST

START_TEST(maps_chinese_shuffled_with_case_and_blanks)
{
    const char *const f[] = {" 学段",  "户主身份证号 ", "HEAD_NAME", "备注",
                             "\t村\t", " Township ",    "户编号"};
    struct roster_header h;
    char err[256];

    ck_assert_int_eq(roster_header_map(f, N(f), &h, NULL, err, sizeof(err)), 0);
    ck_assert_int_eq(h.pos[RC_STAGE], 0);
    ck_assert_int_eq(h.pos[RC_HEAD_ID_NUMBER], 1);
    ck_assert_int_eq(h.pos[RC_HEAD_NAME], 2);
    ck_assert_int_eq(h.pos[RC_VILLAGE], 4);
    ck_assert_int_eq(h.pos[RC_TOWNSHIP], 5);
    ck_assert_int_eq(h.pos[RC_HOUSEHOLD_NO], 6);
    ck_assert_int_eq(h.pos[RC_MEMBER_NAME], -1);
    ck_assert_int_eq(h.pos[RC_FAMILY_SIZE], -1);
    ck_assert(h.unknown[3]);
    ck_assert(!h.unknown[0] && !h.unknown[6]);
    roster_header_free(&h);
}
END_TEST

START_TEST(names_missing_required_column)
{
    const char *const f[] = {"户编号", "乡镇", "村", "户主姓名"};
    struct roster_header h;
    char err[256];
    long col = -1;

    ck_assert_int_eq(roster_header_map(f, N(f), &h, &col, err, sizeof(err)),
                     -1);
    ck_assert_str_eq(
        err, "required column head_id_number (户主身份证号) is missing");
    ck_assert_int_eq(col, 0);
    roster_header_free(&h);
}
END_TEST

START_TEST(refuses_doubled_column)
{
    const char *const f[] = {"household_no", "户编号", "乡镇"};
    struct roster_header h;
    char err[256];
    long col = -1;

    ck_assert_int_eq(roster_header_map(f, N(f), &h, &col, err, sizeof(err)),
                     -1);
    ck_assert_str_eq(err, "column household_no is given twice");
    ck_assert_int_eq(col, 2);
    roster_header_free(&h);
}
END_TEST

START_TEST(english_is_ascii_case_only)
{
    /* a Chinese name is matched exactly; full-width letters are no match */
    const char *const f[] = {"ｈousehold_no"};
    struct roster_header h;
    char err[256];

    ck_assert_int_eq(roster_header_map(f, N(f), &h, NULL, err, sizeof(err)),
                     -1);
    ck_assert(h.unknown[0]);
    roster_header_free(&h);
}
END_TEST

/* Check one record under the English header in canonical order. */
static int
check_record(const char *const *f, struct roster_record *rec,
             struct roster_problem *p)
{
    struct roster_header h;
    char err[256];
    int rc;

    ck_assert_int_eq(
        roster_header_map(english, N(english), &h, NULL, err, sizeof(err)), 0);
    rc = roster_record_check(&h, f, RC_N, rec, TODAY, p);
    roster_header_free(&h);
    return rc;
}

START_TEST(good_record_normalized)
{
    const char *const f[] = {" FX1000001 ",
                             "城关镇",
                             "北关社区居民委员会",
                             "彭福博",
                             "420325198709070013",
                             "4",
                             "彭磊珍",
                             "420325201511053001",
                             "子女",
                             "小学"};
    struct roster_record rec;
    struct roster_problem p;

    ck_assert_int_eq(check_record(f, &rec, &p), 0);
    ck_assert_str_eq(rec.values[RC_HOUSEHOLD_NO], "FX1000001");
    ck_assert_str_eq(rec.values[RC_RELATION], "child");
    ck_assert_str_eq(rec.values[RC_STAGE], "primary");
    roster_record_free(&rec);
}
END_TEST

START_TEST(household_without_member)
{
    const char *const f[] = {"FX1000003",
                             "420325100",
                             "420325100001",
                             "詹轩",
                             "420325198110060011",
                             "",
                             "",
                             "",
                             "",
                             ""};
    struct roster_record rec;
    struct roster_problem p;

    ck_assert_int_eq(check_record(f, &rec, &p), 0);
    ck_assert_ptr_null(rec.values[RC_MEMBER_NAME]);
    ck_assert_ptr_null(rec.values[RC_FAMILY_SIZE]);
    roster_record_free(&rec);
}
END_TEST

/* One bad record per case: the column and message of the first problem. */
static const struct {
    const char *f[RC_N];
    long column;
    const char *message;
} bad[] = {
    {{"fx1", "城关镇", "村", "张三", "420325198709070013", "", "", "", "", ""},
     1,
     "household number must be 6-30 of 0-9, A-Z and -"},
    {{"FX1000001", "城关镇", "村", "", "420325198709070013", "", "", "", "",
      ""},
     4,
     "this field is required"},
    {{"FX1000001", "城关镇", "村", "张三", "420325198709070014", "", "", "", "",
      ""},
     5,
     "invalid ID number: check digit does not match"},
    {{"FX1000001", "城关镇", "村", "张三", "420325198709070013", "31", "", "",
      "", ""},
     6,
     "family size must be a number from 1 to 30"},
    {{"FX1000001", "城关镇", "村", "张三", "420325198709070013", "", "",
      "420325201511053001", "", ""},
     7,
     "a member ID number needs a member name"},
    {{"FX1000001", "城关镇", "村", "张三", "420325198709070013", "", "李四", "",
      "", ""},
     8,
     "a member needs an ID number"},
    {{"FX1000001", "城关镇", "村", "张三", "420325198709070013", "", "李四",
      "420325201511053001", "表亲", ""},
     9,
     "unknown relation to the head"},
    {{"FX1000001", "城关镇", "村", "张三", "420325198709070013", "", "李四",
      "420325201511053001", "", "幼儿"},
     10,
     "unknown school stage"},
    /* two problems: the first column wins */
    {{"FX1000001", "", "村", "张三", "bad", "", "", "", "", ""},
     2,
     "this field is required"},
};

START_TEST(bad_record_column)
{
    struct roster_record rec;
    struct roster_problem p;

    ck_assert_int_eq(check_record(bad[_i].f, &rec, &p), -1);
    ck_assert_int_eq(p.column, bad[_i].column);
    ck_assert_msg(strstr(p.message, bad[_i].message) == p.message,
                  "case %d: got '%s'", _i, p.message);
    roster_record_free(&rec);
}
END_TEST

START_TEST(codes_of_stage_and_relation)
{
    ck_assert_str_eq(roster_stage_code("Senior_High"), "senior_high");
    ck_assert_str_eq(roster_stage_code("普通高中"), "senior_high");
    ck_assert_str_eq(roster_stage_code("中职"), "secondary_vocational");
    ck_assert_str_eq(roster_stage_code("未入学或已离校"), "none");
    /* the English words `eduaid export` writes (issue 12 item 11) */
    ck_assert_str_eq(roster_stage_code("Senior high"), "senior_high");
    ck_assert_str_eq(roster_stage_code("Not in school"), "none");
    ck_assert_ptr_null(roster_stage_code("kindergarten"));
    ck_assert_ptr_null(roster_stage_code(NULL));
    ck_assert_str_eq(roster_relation_code("孙子女"), "grandchild");
    ck_assert_str_eq(roster_relation_code("SELF"), "self");
    ck_assert_ptr_null(roster_relation_code("父亲"));
}
END_TEST

START_TEST(resolves_places)
{
    const struct roster_place t[] = {{420325100, 0, "城关镇"},
                                     {420325101, 0, "军店镇"}};
    const struct roster_place v[] = {{420325100001, 420325100, "北关村"},
                                     {420325101001, 420325101, "北关村"},
                                     {420325101002, 420325101, "双名村"},
                                     {420325101003, 420325101, "双名村"}};

    ck_assert_int_eq(roster_resolve_township(t, 2, "军店镇"), 420325101);
    ck_assert_int_eq(roster_resolve_township(t, 2, "420325100"), 420325100);
    ck_assert_int_eq(roster_resolve_township(t, 2, "420325199"), 0);
    ck_assert_int_eq(roster_resolve_township(t, 2, "土城镇"), 0);
    ck_assert_int_eq(roster_resolve_village(v, 4, 420325101, "北关村"),
                     420325101001);
    ck_assert_int_eq(roster_resolve_village(v, 4, 420325100, "420325100001"),
                     420325100001);
    /* a code of another township is not this township's village */
    ck_assert_int_eq(roster_resolve_village(v, 4, 420325100, "420325101002"),
                     0);
    ck_assert_int_eq(roster_resolve_village(v, 4, 420325101, "双名村"), -1);
    ck_assert_int_eq(roster_resolve_village(v, 4, 420325101, "420325101003"),
                     420325101003);
}
END_TEST

static Suite *
roster_suite(void)
{
    Suite *s = suite_create("roster");
    TCase *t = tcase_create("roster");

    tcase_add_test(t, maps_english_in_order);
    tcase_add_test(t, maps_chinese_shuffled_with_case_and_blanks);
    tcase_add_test(t, names_missing_required_column);
    tcase_add_test(t, refuses_doubled_column);
    tcase_add_test(t, english_is_ascii_case_only);
    tcase_add_test(t, good_record_normalized);
    tcase_add_test(t, household_without_member);
    tcase_add_loop_test(t, bad_record_column, 0, (int)N(bad));
    tcase_add_test(t, codes_of_stage_and_relation);
    tcase_add_test(t, resolves_places);
    suite_add_tcase(s, t);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(roster_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
