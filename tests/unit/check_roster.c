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

/* ---- issue 13 item 6: what Excel writes ------------------------------ */

#define IDEO_SP "\xE3\x80\x80" /* U+3000, an input method's space */
#define NBSP "\xC2\xA0"        /* U+00A0 */

START_TEST(header_trims_unicode_blanks)
{
    /* 户编号 followed by U+3000 was an unknown column and a missing one */
    const char *const f[] = {"户编号" IDEO_SP, NBSP "乡镇", "村" NBSP IDEO_SP,
                             "户主姓名", IDEO_SP "户主身份证号\t"};
    struct roster_header h;
    char err[256];

    ck_assert_int_eq(roster_header_map(f, N(f), &h, NULL, err, sizeof(err)), 0);
    ck_assert_int_eq(h.pos[RC_HOUSEHOLD_NO], 0);
    ck_assert_int_eq(h.pos[RC_TOWNSHIP], 1);
    ck_assert_int_eq(h.pos[RC_VILLAGE], 2);
    ck_assert_int_eq(h.pos[RC_HEAD_ID_NUMBER], 4);
    ck_assert_str_eq(roster_header_name(&h, 1), "户编号");
    ck_assert_str_eq(roster_header_name(&h, 5), "户主身份证号");
    ck_assert_ptr_null(roster_header_name(&h, 0));
    ck_assert_ptr_null(roster_header_name(&h, 6));
    roster_header_free(&h);
}
END_TEST

START_TEST(header_unknown_told_with_missing)
{
    /* 户主身份证号码 is not 户主身份证号: unknown, and the column missing;
     * a doubled column before it does not stop the matching */
    const char *const f[] = {"户编号",   "乡镇",           "户编号", "村",
                             "户主姓名", "户主身份证号码", ""};
    struct roster_header h;
    char err[256];
    long col = -1;

    ck_assert_int_eq(roster_header_map(f, N(f), &h, &col, err, sizeof(err)),
                     -1);
    ck_assert_str_eq(err, "column household_no is given twice");
    ck_assert_int_eq(col, 3);
    ck_assert(h.unknown[5]);
    ck_assert_str_eq(roster_header_name(&h, 6), "户主身份证号码");
    /* an unnamed field is not an unknown column, and has no name */
    ck_assert(!h.unknown[6]);
    ck_assert_ptr_null(roster_header_name(&h, 7));
    roster_header_free(&h);

    ck_assert_int_eq(
        roster_header_map(f + 3, N(f) - 3, &h, &col, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "required column household_no (户编号) is missing");
    ck_assert(h.unknown[2]);
    roster_header_free(&h);
}
END_TEST

START_TEST(values_trim_unicode_blanks)
{
    const char *const f[] = {"FX1000001" IDEO_SP,
                             NBSP "城关镇",
                             "北关社区居民委员会",
                             "李四" IDEO_SP,
                             "420325198709070013" NBSP,
                             IDEO_SP,
                             NBSP "彭磊珍" NBSP,
                             "420325201511053001",
                             "子女" IDEO_SP,
                             "小学"};
    struct roster_record rec;
    struct roster_problem p;

    ck_assert_int_eq(check_record(f, &rec, &p), 0);
    ck_assert_str_eq(rec.values[RC_HOUSEHOLD_NO], "FX1000001");
    ck_assert_str_eq(rec.values[RC_TOWNSHIP], "城关镇");
    ck_assert_str_eq(rec.values[RC_HEAD_NAME], "李四");
    ck_assert_str_eq(rec.values[RC_HEAD_ID_NUMBER], "420325198709070013");
    ck_assert_ptr_null(rec.values[RC_FAMILY_SIZE]);
    ck_assert_str_eq(rec.values[RC_MEMBER_NAME], "彭磊珍");
    ck_assert_str_eq(rec.values[RC_RELATION], "child");
    roster_record_free(&rec);
}
END_TEST

START_TEST(blank_records)
{
    const char *const commas[] = {"", "", "", ""};
    const char *const spaces[] = {" ", "\t", IDEO_SP, NBSP " "};
    const char *const one[] = {"", "", "x", ""};

    ck_assert(roster_record_blank(commas, N(commas)));
    ck_assert(roster_record_blank(spaces, N(spaces)));
    ck_assert(roster_record_blank(one, 0));
    ck_assert(!roster_record_blank(one, N(one)));
}
END_TEST

START_TEST(extra_fields_refused)
{
    const char *const head[] = {"household_no", "", "township", "备注"};
    const char *const beyond[] = {"FX1", "", "城关镇", "x", "  ", "多余"};
    const char *const trailing_blank[] = {"FX1", IDEO_SP, "城关镇",
                                          "x",   " ",     ""};
    const char *const unnamed[] = {"FX1", "值", "城关镇"};
    struct roster_header h;
    struct roster_problem p;
    char err[256];

    /* the header misses required columns: its mapping is still made */
    ck_assert_int_eq(
        roster_header_map(head, N(head), &h, NULL, err, sizeof(err)), -1);
    ck_assert_int_eq(roster_record_extra(&h, beyond, N(beyond), &p), -1);
    ck_assert_int_eq(p.column, 6);
    ck_assert_str_eq(p.message, "a value beyond the header's 4 columns (name "
                                "its column in the header, or delete the "
                                "value)");
    /* blanks beyond the header and under "备注" are no loss */
    ck_assert_int_eq(
        roster_record_extra(&h, trailing_blank, N(trailing_blank), &p), 0);
    ck_assert_int_eq(roster_record_extra(&h, unnamed, N(unnamed), &p), -1);
    ck_assert_int_eq(p.column, 2);
    ck_assert_str_eq(p.message, "a value in a column the header leaves "
                                "unnamed (name it in the header, or delete "
                                "the value)");
    roster_header_free(&h);
}
END_TEST

START_TEST(question_mark_in_names_warned)
{
    const char *const f[] = {"FX1000001",
                             "城关镇",
                             "北关村",
                             "张?",
                             "420325198709070013",
                             "",
                             "彭?珍",
                             "420325201511053001",
                             "",
                             ""};
    const char *const ok[] = {
        "FX1000001", "城关镇", "北关村", "张三", "420325198709070013",
        "",          "",       "",       "",     ""};
    struct roster_record rec;
    struct roster_problem p, w[2];
    struct roster_header h;
    char err[256];

    ck_assert_int_eq(check_record(f, &rec, &p), 0);
    ck_assert_int_eq(
        roster_header_map(english, N(english), &h, NULL, err, sizeof(err)), 0);
    ck_assert_uint_eq(roster_record_warnings(&h, &rec, w, 2), 2);
    ck_assert_int_eq(w[0].column, 4);
    ck_assert_int_eq(w[1].column, 7);
    ck_assert_msg(strncmp(w[1].message, "\"彭?珍\" holds a '?'", 20) == 0,
                  "got '%s'", w[1].message);
    ck_assert_uint_eq(roster_record_warnings(&h, &rec, w, 1), 1);
    ck_assert_int_eq(w[0].column, 4);
    roster_record_free(&rec);

    ck_assert_int_eq(check_record(ok, &rec, &p), 0);
    ck_assert_uint_eq(roster_record_warnings(&h, &rec, w, 2), 0);
    roster_record_free(&rec);
    roster_header_free(&h);
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
    tcase_add_test(t, header_trims_unicode_blanks);
    tcase_add_test(t, header_unknown_told_with_missing);
    tcase_add_test(t, values_trim_unicode_blanks);
    tcase_add_test(t, blank_records);
    tcase_add_test(t, extra_fields_refused);
    tcase_add_test(t, question_mark_in_names_warned);
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
