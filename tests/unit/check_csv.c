/*
 * check_csv.c
 *   Unit tests of src/core/csv.c (encoding detection and the CSV reader),
 *   with their own Check runner. Input is held in memory (fmemopen); the
 *   GB18030 bytes are made from UTF-8 literals with iconv(3), never
 *   written by hand, and so was the fixture tests/data/csv/roster-gb18030.csv
 *   (read from $top_srcdir, default "."). Check's environment variables apply
 * (CK_RUN_SUITE, CK_RUN_CASE, CK_FORK=no for valgrind or gdb).
 */
#include "config.h"

#include <check.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

#define JI_U8 "\xF0\xA0\xAE\xB7" /* 𠮷 U+20BB7: 4 bytes in GB18030 too */
#define YAN_U8 "\xE4\xB6\xAE"    /* 䶮 U+4DAE */
#define BOM "\xEF\xBB\xBF"

/* A test's input and reader; freed by close_input(). */
struct input {
    char *bytes;
    size_t len;
    FILE *fp;
    struct csv_reader *r;
};

/* New malloc'd GB18030 of UTF-8 s; its length in *len. */
static char *
to_gb18030(const char *s, size_t *len)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    size_t inleft = strlen(s), outleft = 4 * inleft + 4;
    char *out = malloc(outleft), *in = (char *)s, *o = out;

    ck_assert_msg(cd != (iconv_t)-1, "iconv cannot write GB18030");
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_ne(iconv(cd, &in, &inleft, &o, &outleft), (size_t)-1);
    iconv_close(cd);
    *len = (size_t)(o - out);
    return out;
}

/* Open a reader of the len bytes at bytes (copied) in encoding enc. */
static void
open_input(struct input *in, const char *bytes, size_t len,
           enum csv_encoding enc)
{
    struct csv_error err = {0, 0, ""};

    in->bytes = malloc(len + 1);
    ck_assert_ptr_nonnull(in->bytes);
    memcpy(in->bytes, bytes, len);
    in->len = len;
    /* fmemopen() of 0 bytes fails on old glibc: give it one, read none. */
    in->fp = fmemopen(in->bytes, len ? len : 1, "r");
    ck_assert_ptr_nonnull(in->fp);
    if (len == 0)
        fgetc(in->fp);
    in->r = csv_open(in->fp, enc, &err);
    ck_assert_msg(in->r != NULL, "csv_open: %s", err.message);
}

static void
open_str(struct input *in, const char *s, enum csv_encoding enc)
{
    open_input(in, s, strlen(s), enc);
}

/* Open the GB18030 of UTF-8 s. */
static void
open_gb(struct input *in, const char *s, enum csv_encoding enc)
{
    size_t len;
    char *gb = to_gb18030(s, &len);

    open_input(in, gb, len, enc);
    free(gb);
}

static void
close_input(struct input *in)
{
    csv_close(in->r);
    fclose(in->fp);
    free(in->bytes);
}

/*
 * Assert that the next record started on line `line` and is the fields
 * in want, a string of fields each ended by '|' ("a|b|" is {"a", "b"}).
 */
static void
assert_record(struct input *in, long line, const char *want)
{
    struct csv_error err = {0, 0, ""};
    char **f;
    size_t n, i = 0;
    int rc = csv_next(in->r, &f, &n, &err);

    ck_assert_msg(rc == 1, "csv_next: %d, %ld:%ld %s", rc, err.line, err.column,
                  err.message);
    ck_assert_int_eq(csv_line(in->r), line);
    for (const char *p = want; *p != '\0'; i++) {
        const char *bar = strchr(p, '|');

        ck_assert_ptr_nonnull(bar);
        ck_assert_msg(i < n, "only %zu fields, want more", n);
        ck_assert_msg(strlen(f[i]) == (size_t)(bar - p) &&
                          memcmp(f[i], p, (size_t)(bar - p)) == 0,
                      "field %zu is \"%s\", want \"%.*s\"", i, f[i],
                      (int)(bar - p), p);
        p = bar + 1;
    }
    ck_assert_uint_eq(n, i);
}

static void
assert_end(struct input *in)
{
    struct csv_error err = {0, 0, ""};
    char **f;
    size_t n;

    ck_assert_int_eq(csv_next(in->r, &f, &n, &err), 0);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(csv_next(in->r, &f, &n, &err), 0);
}

/* Assert that the next record fails at line:column with msg. */
static void
assert_fails(struct input *in, long line, long column, const char *msg)
{
    struct csv_error err = {0, 0, ""};
    char **f;
    size_t n;

    ck_assert_int_eq(csv_next(in->r, &f, &n, &err), -1);
    ck_assert_str_eq(err.message, msg);
    ck_assert_int_eq(err.line, line);
    ck_assert_int_eq(err.column, column);
    /* and stays failed */
    memset(&err, 0, sizeof(err));
    ck_assert_int_eq(csv_next(in->r, &f, &n, &err), -1);
    ck_assert_str_eq(err.message, msg);
    ck_assert_int_eq(err.line, line);
}

static enum csv_encoding
detect_str(const char *s)
{
    return csv_detect((const unsigned char *)s, strlen(s));
}

/* ---- detection --------------------------------------------------------- */

START_TEST(detect_utf8)
{
    ck_assert_int_eq(detect_str("姓名,身份证号\r\n张三," JI_U8 YAN_U8 "\r\n"),
                     CSV_ENC_UTF8);
}
END_TEST

START_TEST(detect_bom)
{
    ck_assert_int_eq(detect_str(BOM "姓名,身份证号\n"), CSV_ENC_UTF8_BOM);
    ck_assert_int_eq(detect_str(BOM), CSV_ENC_UTF8_BOM);
}
END_TEST

START_TEST(detect_gb18030)
{
    size_t len;
    char *gb = to_gb18030(
        "姓名,身份证号\r\n张三,42\r\n" JI_U8 "," YAN_U8 "\r\n", &len);

    ck_assert_int_eq(csv_detect((unsigned char *)gb, len), CSV_ENC_GB18030);
    free(gb);
}
END_TEST

START_TEST(detect_ascii)
{
    ck_assert_int_eq(detect_str("name,id\r\nZhang San,42\r\n"), CSV_ENC_UTF8);
    ck_assert_int_eq(csv_detect((const unsigned char *)"", 0), CSV_ENC_UTF8);
}
END_TEST

START_TEST(detect_garbage)
{
    /* 0xFF and a lone 0x80 are neither UTF-8 nor GB18030 */
    ck_assert_int_eq(detect_str("ab\xFF\xFE"
                                "cd"),
                     CSV_ENC_UNKNOWN);
    ck_assert_int_eq(detect_str("a\x80"), CSV_ENC_UNKNOWN);
    /* a GB18030 lead byte followed by a control character */
    ck_assert_int_eq(detect_str("\xB0\x0A"), CSV_ENC_UNKNOWN);
}
END_TEST

START_TEST(detect_cut_sample)
{
    /* a sequence cut by the end of the sample does not count */
    ck_assert_int_eq(detect_str("abc\xF0\xA0\xAE"), CSV_ENC_UTF8);
    /* overlong and surrogate forms are not UTF-8 */
    ck_assert_int_ne(detect_str("\xC0\xAF"), CSV_ENC_UTF8);
    ck_assert_int_ne(detect_str("\xED\xA0\x80"), CSV_ENC_UTF8);
}
END_TEST

START_TEST(encoding_names)
{
    enum csv_encoding e = CSV_ENC_UTF8;

    ck_assert_str_eq(csv_encoding_name(CSV_ENC_UTF8), "UTF-8");
    ck_assert_str_eq(csv_encoding_name(CSV_ENC_UTF8_BOM), "UTF-8 with BOM");
    ck_assert_str_eq(csv_encoding_name(CSV_ENC_GB18030), "GB18030");
    ck_assert_int_eq(csv_encoding_parse("GBK", &e), 0);
    ck_assert_int_eq(e, CSV_ENC_GB18030);
    ck_assert_int_eq(csv_encoding_parse("utf8", &e), 0);
    ck_assert_int_eq(e, CSV_ENC_UTF8);
    ck_assert_int_eq(csv_encoding_parse("gb18030", &e), 0);
    ck_assert_int_eq(e, CSV_ENC_GB18030);
    ck_assert_int_eq(csv_encoding_parse("UTF-8", &e), 0);
    ck_assert_int_eq(e, CSV_ENC_UTF8);
    ck_assert_int_eq(csv_encoding_parse("latin1", &e), -1);
    ck_assert_int_eq(e, CSV_ENC_UTF8);
}
END_TEST

START_TEST(open_garbage)
{
    struct csv_error err = {0, 0, ""};
    char bytes[] = "ab\xFF\xFE\n";
    FILE *fp = fmemopen(bytes, sizeof(bytes) - 1, "r");

    ck_assert_ptr_nonnull(fp);
    ck_assert_ptr_null(csv_open(fp, CSV_ENC_UNKNOWN, &err));
    ck_assert_int_eq(err.line, 0);
    ck_assert_str_ne(err.message, "");
    fclose(fp);
}
END_TEST

/* ---- reading ----------------------------------------------------------- */

START_TEST(read_lf)
{
    struct input in;

    open_str(&in, "姓名,身份证号\n张三,420325\n", CSV_ENC_UNKNOWN);
    ck_assert_int_eq(csv_encoding(in.r), CSV_ENC_UTF8);
    assert_record(&in, 1, "姓名|身份证号|");
    assert_record(&in, 2, "张三|420325|");
    assert_end(&in);
    close_input(&in);
}
END_TEST

START_TEST(read_crlf)
{
    struct input in;

    open_str(&in, "a,b\r\nc,d\r\ne,f\r\n", CSV_ENC_UTF8);
    assert_record(&in, 1, "a|b|");
    assert_record(&in, 2, "c|d|");
    assert_record(&in, 3, "e|f|");
    assert_end(&in);
    close_input(&in);
}
END_TEST

START_TEST(read_bom)
{
    struct input in;

    open_str(&in, BOM "姓名,x\r\n" BOM "z,y\r\n", CSV_ENC_UNKNOWN);
    ck_assert_int_eq(csv_encoding(in.r), CSV_ENC_UTF8_BOM);
    assert_record(&in, 1, "姓名|x|");
    /* only the first is a byte order mark */
    assert_record(&in, 2, BOM "z|y|");
    assert_end(&in);
    close_input(&in);
}
END_TEST

START_TEST(read_quoted)
{
    struct input in;

    open_str(&in,
             "\"a,b\",\"say \"\"hi\"\"\",\"\"\r\n"
             "\"two\r\nlines\",\"three\nlines\nhere\",x\r\n"
             "next,\"\"\"\"\r\n"
             "last,\"\",z\n",
             CSV_ENC_UTF8);
    assert_record(&in, 1, "a,b|say \"hi\"||");
    assert_record(&in, 2, "two\nlines|three\nlines\nhere|x|");
    assert_record(&in, 6, "next|\"|");
    assert_record(&in, 7, "last||z|");
    assert_end(&in);
    close_input(&in);
}
END_TEST

START_TEST(read_empty_fields)
{
    struct input in;

    open_str(&in, ",a,,b,\n,\n,,\n", CSV_ENC_UTF8);
    assert_record(&in, 1, "|a||b||");
    assert_record(&in, 2, "||");
    assert_record(&in, 3, "|||");
    assert_end(&in);
    close_input(&in);
}
END_TEST

START_TEST(read_no_final_newline)
{
    struct input in;

    open_str(&in, "a,b\r\nc,\"d\"", CSV_ENC_UTF8);
    assert_record(&in, 1, "a|b|");
    assert_record(&in, 2, "c|d|");
    assert_end(&in);
    close_input(&in);

    open_str(&in, "a,b\nc,", CSV_ENC_UTF8);
    assert_record(&in, 1, "a|b|");
    assert_record(&in, 2, "c||");
    assert_end(&in);
    close_input(&in);
}
END_TEST

START_TEST(read_blank_lines)
{
    struct input in;

    /* blank lines are skipped, a line of one space is a record */
    open_str(&in, "\r\n\na,b\r\n\r\n\nc\n \n\n", CSV_ENC_UTF8);
    assert_record(&in, 3, "a|b|");
    assert_record(&in, 6, "c|");
    assert_record(&in, 7, " |");
    assert_end(&in);
    close_input(&in);
}
END_TEST

START_TEST(read_empty_file)
{
    struct input in;

    open_str(&in, "", CSV_ENC_UNKNOWN);
    assert_end(&in);
    close_input(&in);
    open_str(&in, BOM, CSV_ENC_UNKNOWN);
    assert_end(&in);
    close_input(&in);
}
END_TEST

START_TEST(read_rare_utf8)
{
    struct input in;

    open_str(&in, "姓名\r\n" JI_U8 "大," YAN_U8 "\r\n", CSV_ENC_UNKNOWN);
    assert_record(&in, 1, "姓名|");
    assert_record(&in, 2, JI_U8 "大|" YAN_U8 "|");
    assert_end(&in);
    close_input(&in);
}
END_TEST

START_TEST(read_rare_gb18030)
{
    struct input in;
    size_t len;
    char *ji = to_gb18030(JI_U8, &len);

    ck_assert_uint_eq(len, 4); /* outside the BMP: a 4-byte sequence */
    free(ji);
    for (int detect = 0; detect < 2; detect++) {
        open_gb(&in,
                "姓名,身份证号\r\n" JI_U8 "大,\"" YAN_U8 "\r\n刘\"\r\n"
                "张三,420325\r\n",
                detect ? CSV_ENC_UNKNOWN : CSV_ENC_GB18030);
        ck_assert_int_eq(csv_encoding(in.r), CSV_ENC_GB18030);
        assert_record(&in, 1, "姓名|身份证号|");
        assert_record(&in, 2, JI_U8 "大|" YAN_U8 "\n刘|");
        assert_record(&in, 4, "张三|420325|");
        assert_end(&in);
        close_input(&in);
    }
}
END_TEST

START_TEST(read_fixture)
{
    const char *top = getenv("top_srcdir");
    char path[4096];
    struct input in = {NULL, 0, NULL, NULL};
    struct csv_error err = {0, 0, ""};

    snprintf(path, sizeof(path), "%s/tests/data/csv/roster-gb18030.csv",
             top != NULL && top[0] != '\0' ? top : ".");
    in.fp = fopen(path, "rb");
    ck_assert_msg(in.fp != NULL, "cannot open %s", path);
    in.r = csv_open(in.fp, CSV_ENC_UNKNOWN, &err);
    ck_assert_msg(in.r != NULL, "csv_open: %s", err.message);
    ck_assert_int_eq(csv_encoding(in.r), CSV_ENC_GB18030);
    assert_record(&in, 1, "姓名|身份证号|住址|");
    assert_record(&in, 2, "张三|420325201001011234|湖北省,房县|");
    assert_record(&in, 3, JI_U8 "大|420325201102022345|城关镇\n一组|");
    assert_record(&in, 5, "刘" YAN_U8 "|420325201203033456||");
    assert_end(&in);
    close_input(&in);
}
END_TEST

/* Build n copies of unit after head, then tail; the caller frees it. */
static char *
repeat(const char *head, const char *unit, size_t n, const char *tail)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + n * ul + tl + 1), *p = s;

    ck_assert_ptr_nonnull(s);
    memcpy(p, head, hl);
    p += hl;
    for (size_t i = 0; i < n; i++, p += ul)
        memcpy(p, unit, ul);
    memcpy(p, tail, tl + 1);
    return s;
}

/* Read a record whose second field is n copies of unit, then "end". */
static void
assert_big_field(const char *unit, size_t n, bool gb)
{
    char *s = repeat("a,\"x", unit, n, "\",b\r\nend\r\n");
    char *want = repeat("x", unit, n, "");
    struct input in;
    struct csv_error err = {0, 0, ""};
    char **f;
    size_t nf;

    if (gb)
        open_gb(&in, s, CSV_ENC_UNKNOWN);
    else
        open_str(&in, s, CSV_ENC_UNKNOWN);
    ck_assert_int_eq(csv_next(in.r, &f, &nf, &err), 1);
    ck_assert_uint_eq(nf, 3);
    ck_assert_str_eq(f[0], "a");
    ck_assert_uint_eq(strlen(f[1]), strlen(want));
    ck_assert_msg(strcmp(f[1], want) == 0, "big field differs");
    ck_assert_str_eq(f[2], "b");
    assert_record(&in, 2, "end|");
    assert_end(&in);
    close_input(&in);
    free(s);
    free(want);
}

START_TEST(read_big_field)
{
    /* 1 MB of ASCII, 1.2 MB of 𠮷 and 张 crossing every 64 KiB read */
    assert_big_field("0123456789", 100000, false);
    assert_big_field(JI_U8 "张", 150000, false);
    assert_big_field(JI_U8 "张", 150000, true);
}
END_TEST

/* ---- errors ------------------------------------------------------------ */

START_TEST(error_unterminated)
{
    struct input in;

    open_str(&in, "a,b\r\n张三,\"abc\r\ndef,\r\n", CSV_ENC_UTF8);
    assert_record(&in, 1, "a|b|");
    assert_fails(&in, 2, 2, "quoted field not closed");
    close_input(&in);
}
END_TEST

START_TEST(error_quote_in_field)
{
    struct input in;

    open_str(&in, "x\nab\"c,d\n", CSV_ENC_UTF8);
    assert_record(&in, 1, "x|");
    assert_fails(&in, 2, 1, "quote inside an unquoted field");
    close_input(&in);

    open_str(&in, "张三," JI_U8 "\"\n", CSV_ENC_UTF8);
    assert_fails(&in, 1, 2, "quote inside an unquoted field");
    close_input(&in);
}
END_TEST

START_TEST(error_after_quote)
{
    struct input in;

    open_str(&in, "\"a\nb\"c,d\n", CSV_ENC_UTF8);
    assert_fails(&in, 2, 1, "text after the closing quote");
    close_input(&in);
}
END_TEST

START_TEST(error_nul)
{
    struct input in;

    open_input(&in, "a,b\nc,d\0e\n", 10, CSV_ENC_UTF8);
    assert_record(&in, 1, "a|b|");
    assert_fails(&in, 2, 2, "NUL byte");
    close_input(&in);

    open_input(&in, "\"张\0\"\n", 7, CSV_ENC_UTF8);
    assert_fails(&in, 1, 1, "NUL byte");
    close_input(&in);
}
END_TEST

START_TEST(error_invalid_utf8)
{
    struct input in;

    open_str(&in, "a\n张三,李\xFF四\n", CSV_ENC_UTF8);
    assert_record(&in, 1, "a|");
    assert_fails(&in, 2, 2, "byte sequence not valid in UTF-8");
    close_input(&in);

    /* a sequence cut by the end of the file */
    open_str(&in, "a,\xE5\xBC", CSV_ENC_UTF8);
    assert_fails(&in, 1, 2, "incomplete character at the end of the file");
    close_input(&in);
}
END_TEST

START_TEST(error_invalid_gb18030)
{
    struct input in;
    size_t len;
    char *gb = to_gb18030("张三,李", &len);
    char *bytes = malloc(len + 4);

    ck_assert_ptr_nonnull(bytes);
    memcpy(bytes, "x\r\n", 3);
    memcpy(bytes + 3, gb, len);
    bytes[len + 3] = '\xFF';
    open_input(&in, bytes, len + 4, CSV_ENC_GB18030);
    assert_record(&in, 1, "x|");
    assert_fails(&in, 2, 2, "byte sequence not valid in GB18030");
    close_input(&in);
    free(bytes);
    free(gb);
}
END_TEST

/*
 * The column of every failure is the number of its field (issue 13 item
 * 6: it counted characters, so a name of wide characters before it
 * moved it), on the physical line of the failure.
 */
START_TEST(error_column_is_field)
{
    struct input in;

    /* three wide characters before the quote: still field 2 */
    open_str(&in, "张三丰,李\"四\n", CSV_ENC_UTF8);
    assert_fails(&in, 1, 2, "quote inside an unquoted field");
    close_input(&in);

    /* field 3 of a record from line 1, failing on its line 2 */
    open_str(&in, "a,b,\"x\ny\"z\n", CSV_ENC_UTF8);
    assert_fails(&in, 2, 3, "text after the closing quote");
    close_input(&in);

    /* an empty field and a quoted one before it count as fields */
    open_str(&in, ",\"a,b\",c\xFF\n", CSV_ENC_UTF8);
    assert_fails(&in, 1, 3, "byte sequence not valid in UTF-8");
    close_input(&in);

    /* a bad byte starting a line is in the first field of its record */
    open_str(&in, "a,b\n\xFF,c\n", CSV_ENC_UTF8);
    assert_record(&in, 1, "a|b|");
    assert_fails(&in, 2, 1, "byte sequence not valid in UTF-8");
    close_input(&in);
}
END_TEST

static Suite *
csv_suite(void)
{
    Suite *s = suite_create("csv");
    TCase *detect = tcase_create("detect");
    TCase *read = tcase_create("read");
    TCase *errors = tcase_create("errors");

    tcase_add_test(detect, detect_utf8);
    tcase_add_test(detect, detect_bom);
    tcase_add_test(detect, detect_gb18030);
    tcase_add_test(detect, detect_ascii);
    tcase_add_test(detect, detect_garbage);
    tcase_add_test(detect, detect_cut_sample);
    tcase_add_test(detect, encoding_names);
    tcase_add_test(detect, open_garbage);
    suite_add_tcase(s, detect);

    tcase_add_test(read, read_lf);
    tcase_add_test(read, read_crlf);
    tcase_add_test(read, read_bom);
    tcase_add_test(read, read_quoted);
    tcase_add_test(read, read_empty_fields);
    tcase_add_test(read, read_no_final_newline);
    tcase_add_test(read, read_blank_lines);
    tcase_add_test(read, read_empty_file);
    tcase_add_test(read, read_rare_utf8);
    tcase_add_test(read, read_rare_gb18030);
    tcase_add_test(read, read_fixture);
    tcase_add_test(read, read_big_field);
    tcase_set_timeout(read, 60);
    suite_add_tcase(s, read);

    tcase_add_test(errors, error_unterminated);
    tcase_add_test(errors, error_quote_in_field);
    tcase_add_test(errors, error_after_quote);
    tcase_add_test(errors, error_nul);
    tcase_add_test(errors, error_invalid_utf8);
    tcase_add_test(errors, error_invalid_gb18030);
    tcase_add_test(errors, error_column_is_field);
    suite_add_tcase(s, errors);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(csv_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
