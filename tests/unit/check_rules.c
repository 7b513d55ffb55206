/*
 * check_rules.c
 *   The shared rules in their C homes against the vectors the server's
 *   SQL homes (sql/repeatable/01_shared_rules.sql) are held to by
 *   tests/db/26_rule_vectors.sql:
 *     tests/data/school_year_vectors.csv  date_school_year (core/date.c)
 *     tests/data/phone_vectors.csv        valid_phone (core/validate.c)
 *     tests/data/money_vectors.csv        valid_money
 *     tests/data/blank_vectors.csv        valid_is_blank, valid_trim
 *     tests/data/clean_vectors.csv        valid_clean, valid_text
 *     tests/data/entitlement_vectors.csv  entitle_programs, entitle_mask,
 *                                         entitle_year_programs,
 *                                         entitle_year_mask
 *                                         (core/entitle.c)
 *   Each file is read with core/csv.c (quoted fields, "" for an empty
 *   one); its header is checked, so a renamed column fails here first.
 *   Also date_utc_ymd against gmtime_r and date_school_year_today.
 */
#include "config.h"

#include "check_eduaid.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "core/csv.h"
#include "core/date.h"
#include "core/entitle.h"
#include "core/text.h"
#include "core/validate.h"

/* A vector file open for reading, its header checked. */
struct vectors {
    char path[4096];
    FILE *fp;
    struct csv_reader *r;
    int rows;
};

static void
vectors_open(struct vectors *v, const char *name, const char *header)
{
    const char *top = getenv("top_srcdir");
    struct csv_error err;
    char **f;
    size_t n;
    char got[256] = "";

    snprintf(v->path, sizeof(v->path), "%s/tests/data/%s",
             top != NULL && top[0] != '\0' ? top : ".", name);
    v->fp = fopen(v->path, "rb");
    ck_assert_msg(v->fp != NULL, "cannot open %s (set top_srcdir)", v->path);
    v->r = csv_open(v->fp, CSV_ENC_UTF8, &err);
    ck_assert_msg(v->r != NULL, "%s: %s", v->path, err.message);
    ck_assert_msg(csv_next(v->r, &f, &n, &err) == 1, "%s: no header", v->path);
    for (size_t i = 0; i < n; i++)
        snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s",
                 i > 0 ? "," : "", f[i]);
    ck_assert_str_eq(got, header);
    v->rows = 0;
}

/* The next vector: its nfields fields, or false at the end. */
static bool
vectors_next(struct vectors *v, char ***f, size_t nfields)
{
    struct csv_error err;
    size_t n;
    int rc = csv_next(v->r, f, &n, &err);

    ck_assert_msg(rc >= 0, "%s:%ld: %s", v->path, err.line, err.message);
    if (rc == 0)
        return false;
    ck_assert_msg(n == nfields, "%s:%ld: %zu fields, expected %zu", v->path,
                  csv_line(v->r), n, nfields);
    v->rows++;
    return true;
}

static void
vectors_close(struct vectors *v, int min_rows)
{
    ck_assert_msg(v->rows >= min_rows, "%s: %d vectors, expected %d or more",
                  v->path, v->rows, min_rows);
    csv_close(v->r);
    fclose(v->fp);
}

/* "true" or "false", else the test fails. */
static bool
truth(const struct vectors *v, const char *s)
{
    ck_assert_msg(strcmp(s, "true") == 0 || strcmp(s, "false") == 0,
                  "%s:%ld: '%s' is neither true nor false", v->path,
                  csv_line(v->r), s);
    return strcmp(s, "true") == 0;
}

START_TEST(test_school_year_vectors)
{
    struct vectors v;
    char **f;
    int before = 0, after = 0;

    vectors_open(&v, "school_year_vectors.csv", "date,school_year");
    while (vectors_next(&v, &f, 2)) {
        int y, m, d, want = atoi(f[1]);

        ck_assert_msg(sscanf(f[0], "%4d-%2d-%2d", &y, &m, &d) == 3 &&
                          date_valid(y, m, d),
                      "%s:%ld: not a date: %s", v.path, csv_line(v.r), f[0]);
        ck_assert_msg(date_school_year(y, m, d) == want,
                      "%s:%ld: %s: expected %d, got %d", v.path, csv_line(v.r),
                      f[0], want, date_school_year(y, m, d));
        if (want == y)
            after++;
        else
            before++;
    }
    vectors_close(&v, 15);
    /* both sides of September 1 */
    ck_assert_int_gt(before, 0);
    ck_assert_int_gt(after, 0);
}
END_TEST

START_TEST(test_phone_vectors)
{
    struct vectors v;
    char **f;
    int valid = 0, invalid = 0;

    vectors_open(&v, "phone_vectors.csv", "phone,valid");
    while (vectors_next(&v, &f, 2)) {
        bool want = truth(&v, f[1]);

        ck_assert_msg((valid_phone(f[0]) == VALID_OK) == want,
                      "%s:%ld: '%s': expected %s", v.path, csv_line(v.r), f[0],
                      f[1]);
        if (want)
            valid++;
        else
            invalid++;
    }
    vectors_close(&v, 20);
    ck_assert_int_gt(valid, 5);
    ck_assert_int_gt(invalid, 5);
}
END_TEST

START_TEST(test_money_vectors)
{
    struct vectors v;
    char **f;
    int seen[3] = {0};

    vectors_open(&v, "money_vectors.csv", "amount,reason");
    while (vectors_next(&v, &f, 2)) {
        enum valid_result got = valid_money(f[0], NULL);
        const char *name = got == VALID_OK             ? "ok"
                           : got == VALID_MONEY_RANGE  ? "range"
                           : got == VALID_MONEY_FORMAT ? "format"
                                                       : "?";

        ck_assert_msg(strcmp(name, f[1]) == 0,
                      "%s:%ld: '%s': expected %s, got %s", v.path,
                      csv_line(v.r), f[0], f[1], name);
        seen[got == VALID_OK ? 0 : got == VALID_MONEY_RANGE ? 1 : 2]++;
    }
    vectors_close(&v, 20);
    ck_assert_msg(seen[0] > 0 && seen[1] > 0 && seen[2] > 0,
                  "the money vectors cover ok, range and format");
}
END_TEST

/* The text of a vector's code points ("3000 20", hexadecimal), malloc'd. */
static char *
from_codepoints(const char *hex)
{
    wchar_t w[64];
    size_t n = 0;
    const char *p = hex;
    char *end;

    while (*p != '\0' && n + 1 < sizeof(w) / sizeof(w[0])) {
        unsigned long c = strtoul(p, &end, 16);

        ck_assert_msg(end != p && (*end == ' ' || *end == '\0'),
                      "bad code points '%s'", hex);
        w[n++] = (wchar_t)c;
        p = *end == ' ' ? end + 1 : end;
    }
    w[n] = L'\0';
    return text_to_utf8(w);
}

START_TEST(test_blank_vectors)
{
    struct vectors v;
    char **f;
    int blank = 0, text = 0;

    vectors_open(&v, "blank_vectors.csv", "codepoints,blank,what");
    while (vectors_next(&v, &f, 3)) {
        bool want = truth(&v, f[1]);
        char *s = from_codepoints(f[0]);

        ck_assert_ptr_nonnull(s);
        ck_assert_msg(valid_is_blank(s) == want, "%s:%ld: %s (%s): expected %s",
                      v.path, csv_line(v.r), f[0], f[2], f[1]);
        /* a required field refuses exactly the blank text */
        ck_assert_int_eq(valid_text(s, true, 0, 0) == VALID_REQUIRED, want);
        /* and the form's trim (tidy's twin) leaves nothing of exactly it */
        ck_assert_msg((valid_trim(s)[0] == '\0') == want,
                      "%s:%ld: %s (%s): valid_trim", v.path, csv_line(v.r),
                      f[0], f[2]);
        free(s);
        if (want)
            blank++;
        else
            text++;
    }
    vectors_close(&v, 20);
    ck_assert_int_gt(blank, 5);
    ck_assert_int_gt(text, 5);
}
END_TEST

START_TEST(test_clean_vectors)
{
    struct vectors v;
    char **f;
    int refused = 0, lf_only = 0;

    vectors_open(&v, "clean_vectors.csv", "codepoints,line,lines,what");
    while (vectors_next(&v, &f, 4)) {
        bool line = truth(&v, f[1]), lines = truth(&v, f[2]);
        char *s = from_codepoints(f[0]);

        ck_assert_ptr_nonnull(s);
        ck_assert_msg(valid_clean(s, false) == line,
                      "%s:%ld: %s (%s): one line: expected %s", v.path,
                      csv_line(v.r), f[0], f[3], f[1]);
        ck_assert_msg(valid_clean(s, true) == lines,
                      "%s:%ld: %s (%s): multi-line: expected %s", v.path,
                      csv_line(v.r), f[0], f[3], f[2]);
        /* a text field of a form refuses the same */
        ck_assert_int_eq(valid_text(s, false, 0, 0) == VALID_CONTROL, !line);
        free(s);
        refused += !lines;
        lf_only += lines && !line;
    }
    vectors_close(&v, 30);
    ck_assert_int_gt(refused, 20);
    ck_assert_int_gt(lf_only, 1);
}
END_TEST

/* The form stores what the server's tidy() would: U+3000, U+00A0, U+FEFF
 * trimmed at either end, never inside; NULL stays NULL. */
START_TEST(test_trim)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"李四\u3000", "李四"},
        {"李四\u00a0", "李四"},
        {"\u3000 李四\t\n", "李四"},
        {"\ufeff王五\u2003", "王五"},
        {"李\u3000四", "李\u3000四"},
        {"\u3000\u00a0 ", ""},
        {"", ""},
        {"张三", "张三"},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *s = strdup(cases[i].in);

        ck_assert_ptr_nonnull(s);
        ck_assert_str_eq(valid_trim(s), cases[i].out);
        free(s);
    }
    ck_assert_ptr_null(valid_trim(NULL));
    ck_assert_int_eq(valid_text("李\u202e四", true, 50, 0), VALID_CONTROL);
    ck_assert_int_eq(valid_text("李\x1b]0;x\a", true, 50, 0), VALID_CONTROL);
    ck_assert_int_eq(valid_text("李\r\n四", true, 50, 0), VALID_CONTROL);
    ck_assert_int_eq(valid_text("李四", true, 50, 0), VALID_OK);
    ck_assert(valid_control_char(0x202E) && valid_control_char(0x9B));
    ck_assert(valid_control_char(L'\n') && valid_control_char(0x1B));
    ck_assert(!valid_control_char(0x3000) && !valid_control_char(0x674E));
    ck_assert_str_eq(valid_message(VALID_CONTROL),
                     "Control characters and direction marks are not "
                     "allowed.");
}
END_TEST

/* Every stage of eduaid.choice_stage, each with and without boarding. */
static const char *const choice_stages[] = {
    "preschool", "primary", "junior", "senior_high", "secondary_vocational",
    "college",   "none"};

START_TEST(test_entitlement_vectors)
{
    struct vectors v;
    char **f;
    bool seen[sizeof(choice_stages) / sizeof(choice_stages[0])][2] = {{0}};
    unsigned named = 0;

    vectors_open(&v, "entitlement_vectors.csv",
                 "stage,boarding,schooling_status,left_school,programs");
    while (vectors_next(&v, &f, 5)) {
        bool boarding = truth(&v, f[1]);
        bool left = truth(&v, f[3]);
        bool in_school = strcmp(f[2], "enrolled") == 0 && !left;
        const char *got[ENTITLE_NPROGRAMS];
        char joined[512] = "";
        int n = entitle_year_programs(f[0], boarding, f[2], left, got,
                                      ENTITLE_NPROGRAMS);
        unsigned mask = 0;

        ck_assert_int_le(n, ENTITLE_NPROGRAMS);
        for (int i = 0; i < n; i++) {
            int p = entitle_program_find(got[i]);

            ck_assert_int_ge(p, 0);
            ck_assert_str_eq(entitle_program_code(p), got[i]);
            mask |= 1u << p;
            snprintf(joined + strlen(joined), sizeof(joined) - strlen(joined),
                     "%s%s", i > 0 ? " " : "", got[i]);
        }
        ck_assert_msg(strcmp(joined, f[4]) == 0,
                      "%s:%ld: %s, boarding %s, %s, left %s: expected '%s', "
                      "got '%s'",
                      v.path, csv_line(v.r), f[0], f[1], f[2], f[3], f[4],
                      joined);
        ck_assert_uint_eq(entitle_year_mask(f[0], boarding, f[2], left), mask);
        named |= mask;
        if (!in_school)
            continue;
        /* in school, the year's entitlement is the stage's */
        ck_assert_uint_eq(entitle_mask(f[0], boarding), mask);
        ck_assert_int_eq(entitle_programs(f[0], boarding, NULL, 0), n);
        for (size_t i = 0; i < sizeof(choice_stages) / sizeof(choice_stages[0]);
             i++)
            if (strcmp(choice_stages[i], f[0]) == 0)
                seen[i][boarding] = true;
    }
    vectors_close(&v, 28);
    /* every stage, boarding or not; every program named somewhere */
    for (size_t i = 0; i < sizeof(choice_stages) / sizeof(choice_stages[0]);
         i++)
        ck_assert_msg(seen[i][0] && seen[i][1],
                      "entitlement_vectors.csv lacks stage %s with boarding "
                      "true and false",
                      choice_stages[i]);
    ck_assert_uint_eq(named, (1u << ENTITLE_NPROGRAMS) - 1);
    ck_assert_uint_eq(entitle_mask(NULL, true), 0);
    ck_assert_uint_eq(entitle_year_mask("junior", true, NULL, false), 0);
    ck_assert_uint_eq(entitle_year_mask(NULL, true, "enrolled", false), 0);
    ck_assert_ptr_null(entitle_program_code(ENTITLE_NPROGRAMS));
    ck_assert_ptr_null(entitle_program_code(-1));
    ck_assert_int_eq(entitle_program_find("zihui"), -1);
    /* a short array gets the first ones, the count is the whole */
    {
        const char *one[1];

        ck_assert_int_eq(entitle_programs("junior", true, one, 1), 2);
        ck_assert_str_eq(one[0], "compulsory_waiver");
    }
}
END_TEST

/* date_utc_ymd, the fallback of date_school_year_today, as gmtime_r. */
START_TEST(test_utc_ymd)
{
    static const long long edges[] = {
        0, -1, 86399, 86400, 951782400, 951868800, 4102444800, -86400 * 366LL};

    for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]) + 4000; i++) {
        long long t = i < sizeof(edges) / sizeof(edges[0])
                          ? edges[i]
                          : (long long)(i - 8) * 86400 * 9 + 3600 * 7;
        time_t tt = (time_t)t;
        struct tm tm;
        int y, m, d;

        ck_assert_ptr_nonnull(gmtime_r(&tt, &tm));
        date_utc_ymd(t, &y, &m, &d);
        ck_assert_msg(y == tm.tm_year + 1900 && m == tm.tm_mon + 1 &&
                          d == tm.tm_mday,
                      "%lld: %d-%d-%d, gmtime_r says %d-%d-%d", t, y, m, d,
                      tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    }
}
END_TEST

START_TEST(test_school_year_today)
{
    int today = date_today_yyyymmdd();

    ck_assert_int_ne(today, 0);
    ck_assert_int_eq(
        date_school_year_today(),
        date_school_year(today / 10000, today / 100 % 100, today % 100));
}
END_TEST

Suite *
rules_suite(void)
{
    Suite *s = suite_create("rules");
    TCase *tc = tcase_create("vectors");

    tcase_add_test(tc, test_school_year_vectors);
    tcase_add_test(tc, test_phone_vectors);
    tcase_add_test(tc, test_money_vectors);
    tcase_add_test(tc, test_blank_vectors);
    tcase_add_test(tc, test_clean_vectors);
    tcase_add_test(tc, test_trim);
    tcase_add_test(tc, test_entitlement_vectors);
    suite_add_tcase(s, tc);
    tc = tcase_create("today");
    tcase_add_test(tc, test_utc_ymd);
    tcase_add_test(tc, test_school_year_today);
    suite_add_tcase(s, tc);
    return s;
}
