/*
 * check_csvout.c
 *   Unit tests of src/core/csvout.c (the CSV writer), with their own Check
 *   runner: exact bytes for the byte order mark, quoting and CRLF; GB18030
 *   bytes compared with iconv(3)'s own conversion; refusals of text that is
 *   not UTF-8; and round trips through the reader of csv.c in each encoding.
 */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/csvout.h"

#define JI_U8 "\xF0\xA0\xAE\xB7" /* 𠮷 U+20BB7 */
#define BOM "\xEF\xBB\xBF"

/* An in-memory file and what was written to it. */
struct sink {
    char *buf;
    size_t len;
    FILE *fp;
};

static void
sink_open(struct sink *s)
{
    s->buf = NULL;
    s->len = 0;
    s->fp = open_memstream(&s->buf, &s->len);
    ck_assert_ptr_nonnull(s->fp);
}

static void
sink_close(struct sink *s)
{
    fclose(s->fp);
    free(s->buf);
}

/* Write the rows (each n fields) with enc; the bytes stay in s. */
static void
write_rows(struct sink *s, enum csvout_encoding enc, size_t nrows, size_t n,
           const char *const *cells)
{
    char err[256] = "";
    struct csvout *w;

    sink_open(s);
    w = csvout_open(s->fp, enc, err, sizeof(err));
    ck_assert_msg(w != NULL, "open: %s", err);
    for (size_t r = 0; r < nrows; r++)
        ck_assert_msg(csvout_row(w, n, cells + r * n, err, sizeof(err)) == 0,
                      "row %zu: %s", r, err);
    ck_assert_int_eq(csvout_rows(w), (long)nrows);
    ck_assert_int_eq(csvout_close(w, err, sizeof(err)), 0);
    fflush(s->fp);
}

START_TEST(writes_bom_and_crlf)
{
    const char *cells[] = {"户编号", "name", "1"};
    struct sink s;

    write_rows(&s, CSVOUT_UTF8_BOM, 1, 3, cells);
    ck_assert_str_eq(s.buf, BOM "户编号,name,1\r\n");
    sink_close(&s);
}
END_TEST

START_TEST(writes_no_bom)
{
    const char *cells[] = {"a", NULL, ""};
    struct sink s;

    write_rows(&s, CSVOUT_UTF8, 1, 3, cells);
    ck_assert_str_eq(s.buf, "a,,\r\n");
    sink_close(&s);
}
END_TEST

START_TEST(quotes_what_needs_it)
{
    const char *cells[] = {"a,b",   "say \"hi\"", "two\nlines", " pad",
                           "pad\t", "cr\r",       "plain 中文"};
    struct sink s;

    write_rows(&s, CSVOUT_UTF8, 1, 7, cells);
    ck_assert_str_eq(s.buf, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\","
                            "\" pad\",\"pad\t\",\"cr\r\",plain 中文\r\n");
    sink_close(&s);
}
END_TEST

START_TEST(writes_gb18030)
{
    const char *cells[] = {"中", JI_U8};
    struct sink s;

    write_rows(&s, CSVOUT_GB18030, 1, 2, cells);
    /* 中 is D6 D0; 𠮷 is the four-byte sequence 95 34 B2 35. */
    ck_assert_uint_eq(s.len, 2 + 1 + 4 + 2);
    ck_assert_int_eq(memcmp(s.buf, "\xD6\xD0,\x95\x34\xB2\x35\r\n", 9), 0);
    sink_close(&s);
}
END_TEST

START_TEST(refuses_invalid_utf8)
{
    const char *bad[] = {"ok", "\xC3("}, *good[] = {"fine"};
    char err[256] = "";
    struct sink s;
    struct csvout *w;

    sink_open(&s);
    w = csvout_open(s.fp, CSVOUT_UTF8, err, sizeof(err));
    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(csvout_row(w, 2, bad, err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, "UTF-8") != NULL, "%s", err);
    err[0] = '\0';
    ck_assert_int_eq(csvout_row(w, 1, good, err, sizeof(err)), -1);
    ck_assert_msg(err[0] != '\0', "a failed writer stays failed");
    ck_assert_int_eq(csvout_close(w, err, sizeof(err)), -1);
    fflush(s.fp);
    ck_assert_uint_eq(s.len, 0); /* nothing of the bad row was written */
    sink_close(&s);
}
END_TEST

/* Write rows with enc, read them back with csv.c, compare every field. */
static void
round_trip(enum csvout_encoding enc, enum csv_encoding expect)
{
    const char *cells[] = {
        "户主姓名",     "身份证号", "备注", JI_U8 "䶮", "42032519800101001X",
        "a,\"b\"\r\nc", "",         " x ",  "末"};
    struct sink s;
    struct csv_error cerr;
    struct csv_reader *r;
    char **fields;
    size_t nfields;

    write_rows(&s, enc, 3, 3, cells);
    FILE *in = fmemopen(s.buf, s.len, "r");
    r = csv_open(in, CSV_ENC_UNKNOWN, &cerr);
    ck_assert_msg(r != NULL, "%s", cerr.message);
    ck_assert_int_eq(csv_encoding(r), expect);
    for (int row = 0; row < 3; row++) {
        ck_assert_int_eq(csv_next(r, &fields, &nfields, &cerr), 1);
        ck_assert_uint_eq(nfields, 3);
        for (int c = 0; c < 3; c++) {
            const char *want = cells[row * 3 + c];
            /* the reader gives a quoted line break as "\n" */
            if (strcmp(want, "a,\"b\"\r\nc") == 0)
                want = "a,\"b\"\nc";
            ck_assert_str_eq(fields[c], want);
        }
    }
    ck_assert_int_eq(csv_next(r, &fields, &nfields, &cerr), 0);
    csv_close(r);
    fclose(in);
    sink_close(&s);
}

START_TEST(round_trip_utf8_bom)
{
    round_trip(CSVOUT_UTF8_BOM, CSV_ENC_UTF8_BOM);
}
END_TEST

START_TEST(round_trip_gb18030)
{
    round_trip(CSVOUT_GB18030, CSV_ENC_GB18030);
}
END_TEST

START_TEST(encoding_names)
{
    enum csvout_encoding e = CSVOUT_UTF8;

    ck_assert_int_eq(csvout_encoding_parse("UTF-8", &e), 0);
    ck_assert_int_eq(e, CSVOUT_UTF8_BOM);
    ck_assert_int_eq(csvout_encoding_parse("gbk", &e), 0);
    ck_assert_int_eq(e, CSVOUT_GB18030);
    ck_assert_int_eq(csvout_encoding_parse("utf-8-nobom", &e), 0);
    ck_assert_int_eq(e, CSVOUT_UTF8);
    ck_assert_int_eq(csvout_encoding_parse("latin1", &e), -1);
    ck_assert_int_eq(csvout_encoding_parse(NULL, &e), -1);
    ck_assert_int_eq(e, CSVOUT_UTF8);
}
END_TEST

static Suite *
csvout_suite(void)
{
    Suite *s = suite_create("csvout");
    TCase *t = tcase_create("write");

    tcase_add_test(t, writes_bom_and_crlf);
    tcase_add_test(t, writes_no_bom);
    tcase_add_test(t, quotes_what_needs_it);
    tcase_add_test(t, writes_gb18030);
    tcase_add_test(t, refuses_invalid_utf8);
    tcase_add_test(t, round_trip_utf8_bom);
    tcase_add_test(t, round_trip_gb18030);
    tcase_add_test(t, encoding_names);
    suite_add_tcase(s, t);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(csvout_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
