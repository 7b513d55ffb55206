/*
 * check_text.c
 *   Unit tests of src/core/text.c (UTF-8, cell widths, text_fit, the line
 *   editor) and src/core/validate.c (the field validators), with their own
 *   Check runner.  Runs under the C.UTF-8 locale so that widths are those
 *   of a UTF-8 terminal.  Check's environment variables apply
 *   (CK_RUN_SUITE, CK_RUN_CASE, CK_FORK=no for valgrind or gdb).
 */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/date.h"
#include "core/idnumber.h"
#include "core/text.h"
#include "core/textbuf.h"
#include "core/validate.h"

/* The characters the tests turn on, as code points and as UTF-8. */
#define ZHANG 0x5F20 /* 张: CJK, 3 bytes, 2 cells */
#define JI 0x20BB7   /* 𠮷: outside the BMP, 4 bytes, 2 cells */
#define YAN 0x4DAE   /* 䶮: CJK extension A, 3 bytes, 2 cells */
#define IDEO_SPACE 0x3000
#define ZHANG_U8 "\xE5\xBC\xA0"
#define JI_U8 "\xF0\xA0\xAE\xB7"
#define YAN_U8 "\xE4\xB6\xAE"
#define FFFD_U8 "\xEF\xBF\xBD"

/* Assert that UTF-8 s decodes to the len code points of want. */
static void
assert_decodes(const char *s, const wchar_t *want, size_t len)
{
    wchar_t *w = text_from_utf8(s);

    ck_assert_ptr_nonnull(w);
    ck_assert_uint_eq(wcslen(w), len);
    ck_assert_uint_eq(text_utf8_chars(s), len);
    for (size_t i = 0; i < len; i++)
        ck_assert_msg(w[i] == want[i], "char %zu: U+%04lX, want U+%04lX", i,
                      (unsigned long)w[i], (unsigned long)want[i]);
    free(w);
}

/* Assert that s survives UTF-8 -> wide -> UTF-8 unchanged. */
static void
assert_round_trip(const char *s)
{
    wchar_t *w = text_from_utf8(s);
    char *back;

    ck_assert_ptr_nonnull(w);
    back = text_to_utf8(w);
    ck_assert_ptr_nonnull(back);
    ck_assert_str_eq(back, s);
    free(back);
    free(w);
}

/* Assert that wide s encodes to the UTF-8 want. */
static void
assert_encodes(const wchar_t *s, const char *want)
{
    char *u = text_to_utf8(s);

    ck_assert_ptr_nonnull(u);
    ck_assert_str_eq(u, want);
    free(u);
}

/* ---------------------------------------------------------------------
 * UTF-8
 * --------------------------------------------------------------------- */

START_TEST(test_utf8_ascii)
{
    assert_decodes("abc 123", L"abc 123", 7);
    assert_round_trip("abc 123");
    assert_round_trip("");
    assert_decodes("", L"", 0);
}
END_TEST

START_TEST(test_utf8_cjk)
{
    const wchar_t want[] = {0x4E2D, 0x6587, 0};

    ck_assert_str_eq("中文", "\xE4\xB8\xAD\xE6\x96\x87");
    assert_decodes("中文", want, 2);
    assert_round_trip("中文");
    assert_encodes(want, "中文");
}
END_TEST

START_TEST(test_utf8_outside_bmp)
{
    const wchar_t ji[] = {JI, 0};
    const wchar_t yan[] = {YAN, 0};
    const wchar_t mixed[] = {ZHANG, JI, YAN, L'a', 0};

    ck_assert_str_eq("𠮷", JI_U8);
    ck_assert_str_eq("䶮", YAN_U8);
    assert_decodes(JI_U8, ji, 1);
    assert_decodes(YAN_U8, yan, 1);
    assert_encodes(ji, JI_U8);
    assert_encodes(yan, YAN_U8);
    assert_decodes("张𠮷䶮a", mixed, 4);
    assert_round_trip("张𠮷䶮a");
}
END_TEST

START_TEST(test_utf8_boundaries)
{
    const wchar_t want[] = {0x7F,   0x80,    0x7FF,    0x800,
                            0xFFFF, 0x10000, 0x10FFFF, 0};
    const char *u8 = "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF"
                     "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF";

    assert_decodes(u8, want, 7);
    assert_encodes(want, u8);
}
END_TEST

/* Each invalid byte is one U+FFFD; what follows it is read afresh. */
START_TEST(test_utf8_invalid)
{
    const wchar_t r = 0xFFFD;
    const wchar_t r1[] = {r, 0};
    const wchar_t r2[] = {r, r, 0};
    const wchar_t r3[] = {r, r, r, 0};
    const wchar_t r4[] = {r, r, r, r, 0};
    const wchar_t cut[] = {r, r, L'A', 0};
    const wchar_t stray[] = {L'a', r, L'b', 0};
    const wchar_t bad[] = {0xD800, (wchar_t)0x110000, (wchar_t)-1, 0};

    assert_decodes("\xFF", r1, 1);
    assert_decodes("\xFE", r1, 1);
    assert_decodes("a\x80"
                   "b",
                   stray, 3);                  /* lone continuation */
    assert_decodes("\xC0\xAF", r2, 2);         /* overlong '/' */
    assert_decodes("\xC1\xBF", r2, 2);         /* overlong */
    assert_decodes("\xE0\x80\xAF", r3, 3);     /* overlong, 3 bytes */
    assert_decodes("\xF0\x8F\xBF\xBF", r4, 4); /* overlong, 4 bytes */
    assert_decodes("\xED\xA0\x80", r3, 3);     /* surrogate U+D800 */
    assert_decodes("\xED\xBF\xBF", r3, 3);     /* surrogate U+DFFF */
    assert_decodes("\xF4\x90\x80\x80", r4, 4); /* U+110000 */
    assert_decodes("\xF5\x80\x80\x80", r4, 4);
    assert_decodes("\xE4\xB8"
                   "A",
                   cut, 3); /* cut short */
    assert_decodes("\xF0\xA0\xAE", r3, 3);

    /* And the other way: what is no scalar value becomes U+FFFD. */
    assert_encodes(bad, FFFD_U8 FFFD_U8 FFFD_U8);
}
END_TEST

START_TEST(test_utf8_next)
{
    const char *s = "a" JI_U8;
    wchar_t c = 1;

    ck_assert_int_eq(text_utf8_next(s, &c), 1);
    ck_assert_int_eq(c, L'a');
    ck_assert_int_eq(text_utf8_next(s + 1, &c), 4);
    ck_assert_int_eq(c, JI);
    ck_assert_int_eq(text_utf8_next(s + 5, &c), 0);
    ck_assert_int_eq(c, 0);
    /* A truncated sequence stops at the NUL, never past it. */
    ck_assert_int_eq(text_utf8_next("\xF0\xA0", &c), 1);
    ck_assert_int_eq(c, 0xFFFD);
}
END_TEST

START_TEST(test_utf8_null)
{
    wchar_t *w = text_from_utf8(NULL);
    char *u = text_to_utf8(NULL);

    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(w[0], 0);
    ck_assert_ptr_nonnull(u);
    ck_assert_str_eq(u, "");
    ck_assert_uint_eq(text_utf8_chars(NULL), 0);
    ck_assert_int_eq(text_utf8_cells(NULL), 0);
    free(w);
    free(u);
}
END_TEST

/* ---------------------------------------------------------------------
 * Cells
 * --------------------------------------------------------------------- */

START_TEST(test_cells_chars)
{
    ck_assert_int_eq(text_char_cells(L'a'), 1);
    ck_assert_int_eq(text_char_cells(0x4E2D), 2); /* 中 */
    ck_assert_int_eq(text_char_cells(ZHANG), 2);
    ck_assert_int_eq(text_char_cells(JI), 2);
    ck_assert_int_eq(text_char_cells(YAN), 2);
    ck_assert_int_eq(text_char_cells(IDEO_SPACE), 2);
    ck_assert_int_eq(text_char_cells(0x0301), 0); /* combining acute */
    ck_assert_int_eq(text_char_cells(L'\t'), 1);  /* unprintable */
    ck_assert_int_eq(text_char_cells(0x1B), 1);
    ck_assert_int_eq(text_char_cells(0xFFFD), 1);
}
END_TEST

START_TEST(test_cells_strings)
{
    const wchar_t s[] = {L'a', ZHANG, JI, YAN, L'b', 0};

    ck_assert_int_eq(text_cells(s, -1), 8);
    ck_assert_int_eq(text_cells(s, 0), 0);
    ck_assert_int_eq(text_cells(s, 2), 3);
    ck_assert_int_eq(text_cells(s, 99), 8); /* stops at the NUL */
    ck_assert_int_eq(text_cells(NULL, -1), 0);

    ck_assert_int_eq(text_utf8_cells("abc"), 3);
    ck_assert_int_eq(text_utf8_cells("中文"), 4);
    ck_assert_int_eq(text_utf8_cells(JI_U8), 2);
    ck_assert_int_eq(text_utf8_cells(YAN_U8), 2);
    ck_assert_int_eq(text_utf8_cells("张𠮷䶮abc"), 9);
    ck_assert_int_eq(text_utf8_cells("e\xCC\x81"), 1); /* e + U+0301 */
    ck_assert_int_eq(text_utf8_cells("\xFF\xFE"), 2);  /* invalid bytes */
    ck_assert_int_eq(text_utf8_cells("\xE4\xB8"), 2);

    ck_assert_uint_eq(text_utf8_chars("张𠮷䶮abc"), 6);
    ck_assert_uint_eq(text_utf8_chars("\xFF\xFE"), 2);
}
END_TEST

START_TEST(test_is_space)
{
    const wchar_t spaces[] = {L' ',   L'\t',  L'\n',  L'\v',  L'\f',  L'\r',
                              0xA0,   0x1680, 0x2000, 0x2005, 0x200A, 0x200B,
                              0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF};
    const wchar_t others[] = {L'a', L'_',   0x1F,   0x7F,   ZHANG,
                              JI,   0x200C, 0x1FFF, 0x3001, 0xFFFD};

    for (size_t i = 0; i < sizeof(spaces) / sizeof(spaces[0]); i++)
        ck_assert_msg(text_is_space(spaces[i]), "U+%04lX",
                      (unsigned long)spaces[i]);
    for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++)
        ck_assert_msg(!text_is_space(others[i]), "U+%04lX",
                      (unsigned long)others[i]);
}
END_TEST

/* ---------------------------------------------------------------------
 * text_fit
 * --------------------------------------------------------------------- */

/* "张𠮷䶮abc" (9 cells) cut to 0..10 cells, no mark. */
static const char *const fit_cut[11] = {
    "",
    " ",
    ZHANG_U8,
    ZHANG_U8 " ",
    ZHANG_U8 JI_U8,
    ZHANG_U8 JI_U8 " ",
    ZHANG_U8 JI_U8 YAN_U8,
    ZHANG_U8 JI_U8 YAN_U8 "a",
    ZHANG_U8 JI_U8 YAN_U8 "ab",
    ZHANG_U8 JI_U8 YAN_U8 "abc",
    ZHANG_U8 JI_U8 YAN_U8 "abc",
};

/* The same with the cut marked. */
static const char *const fit_marked[11] = {
    "",
    "~",
    " ~",
    ZHANG_U8 "~",
    ZHANG_U8 " ~",
    ZHANG_U8 JI_U8 "~",
    ZHANG_U8 JI_U8 " ~",
    ZHANG_U8 JI_U8 YAN_U8 "~",
    ZHANG_U8 JI_U8 YAN_U8 "a~",
    ZHANG_U8 JI_U8 YAN_U8 "abc",
    ZHANG_U8 JI_U8 YAN_U8 "abc",
};

START_TEST(test_fit_every_width)
{
    const char *s = "张𠮷䶮abc";
    int cells = _i;
    char out[64], want[64];
    int n;

    /* Without padding: cut texts fill every cell, whole ones their own. */
    n = text_fit(s, cells, false, false, out, sizeof(out));
    ck_assert_str_eq(out, fit_cut[cells]);
    ck_assert_int_eq(n, cells < 9 ? cells : 9);
    ck_assert_int_eq(text_utf8_cells(out), n);

    /* With padding: always exactly `cells` cells. */
    snprintf(want, sizeof(want), "%s%s", fit_cut[cells],
             cells == 10 ? " " : "");
    n = text_fit(s, cells, true, false, out, sizeof(out));
    ck_assert_str_eq(out, want);
    ck_assert_int_eq(n, cells);
    ck_assert_int_eq(text_utf8_cells(out), cells);

    /* Marked. */
    n = text_fit(s, cells, false, true, out, sizeof(out));
    ck_assert_str_eq(out, fit_marked[cells]);
    ck_assert_int_eq(n, cells < 9 ? cells : 9);
    ck_assert_int_eq(text_utf8_cells(out), n);
    n = text_fit(s, cells, true, true, out, sizeof(out));
    ck_assert_int_eq(n, cells);
    ck_assert_int_eq(text_utf8_cells(out), cells);
}
END_TEST

/* text_shown: what the CLI writes to a terminal is what the screens draw
 * (issue 13 item 4): ESC, BEL, backspace, CR, LF, TAB, DEL, the C1 CSI
 * U+009B, the bidi override U+202E and an invalid byte each become one
 * U+FFFD; CJK, 𠮷 and combining marks stay; and text_fit agrees. */
START_TEST(test_shown)
{
    char *s, out[64];

    s = text_shown("\x1b]0;pwned\x07\b\r\n\t\x7f\xc2\x9b"
                   "2J\xe2\x80\xae\xe2\x81\xa6\xff"
                   "张" JI_U8 "e\xcc\x81");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(
        s, FFFD_U8
        "]0;pwned" FFFD_U8 FFFD_U8 FFFD_U8 FFFD_U8 FFFD_U8 FFFD_U8 FFFD_U8
        "2J" FFFD_U8 FFFD_U8 FFFD_U8 "张" JI_U8 "e\xcc\x81");
    ck_assert_int_eq(text_utf8_cells("\xe2\x80\xae"), 1);
    text_fit("\xe2\x80\xae"
             "ab",
             5, false, false, out, sizeof(out));
    ck_assert_str_eq(out, FFFD_U8 "ab");
    free(s);
    s = text_shown(NULL);
    ck_assert_str_eq(s, "");
    free(s);
}
END_TEST

START_TEST(test_fit_edges)
{
    char out[32];

    /* Unprintable characters are shown as one cell of U+FFFD. */
    ck_assert_int_eq(text_fit("a\tb", 5, false, false, out, sizeof(out)), 3);
    ck_assert_str_eq(out, "a" FFFD_U8 "b");
    /* Invalid bytes likewise. */
    ck_assert_int_eq(text_fit("a\xFF", 5, true, false, out, sizeof(out)), 5);
    ck_assert_str_eq(out, "a" FFFD_U8 "   ");
    /* A combining mark stays with its base at the edge. */
    ck_assert_int_eq(text_fit("e\xCC\x81", 1, false, true, out, sizeof(out)),
                     1);
    ck_assert_str_eq(out, "e\xCC\x81");
    /* NULL text, negative width. */
    ck_assert_int_eq(text_fit(NULL, 3, true, false, out, sizeof(out)), 3);
    ck_assert_str_eq(out, "   ");
    ck_assert_int_eq(text_fit("abc", -1, true, true, out, sizeof(out)), 0);
    ck_assert_str_eq(out, "");
}
END_TEST

/* The cut knows numbers from names: a count, a date, a code or an ID
 * number is never shown in part (issue 12 item 6: `已批准 1~`, `202~`). */
START_TEST(test_fit_numbers_whole)
{
    char out[128];

    /* The menu's counts: the number goes whole, its word with it not. */
    ck_assert_int_eq(text_fit("approved 1187 · returned 4", 14, false, true,
                              out, sizeof(out)),
                     14);
    ck_assert_str_eq(out, "approved 1187~");
    ck_assert_int_eq(text_fit("approved 1187 · returned 4", 12, false, true,
                              out, sizeof(out)),
                     12);
    ck_assert_str_eq(out, "approved   ~");
    /* In Chinese: 已批准 1187 cut inside the number drops it. */
    ck_assert_int_eq(
        text_fit("已批准 1187 · 已退回 4", 12, true, true, out, sizeof(out)),
        12);
    ck_assert_str_eq(out, "已批准 1187~");
    ck_assert_int_eq(
        text_fit("已批准 1187 · 已退回 4", 10, true, true, out, sizeof(out)),
        10);
    ck_assert_str_eq(out, "已批准   ~");
    ck_assert_int_eq(text_utf8_cells(out), 10);
    /* A name and a school year: the year goes whole or not at all. */
    ck_assert_int_eq(
        text_fit("FX1000108 明志福 2026-27", 20, false, true, out, sizeof(out)),
        20);
    ck_assert_str_eq(out, "FX1000108 明志福   ~");
    /* A date alone that does not fit: '#' in every cell, no part. */
    ck_assert_int_eq(text_fit("2026-11-16", 4, false, true, out, sizeof(out)),
                     4);
    ck_assert_str_eq(out, "####");
    ck_assert_int_eq(
        text_fit("420325********0015", 10, true, true, out, sizeof(out)), 10);
    ck_assert_str_eq(out, "##########");
    /* Digits inside CJK text end at the CJK character: 2026年第1期. */
    ck_assert_int_eq(
        text_fit("2026年第1期培训", 9, false, true, out, sizeof(out)), 9);
    ck_assert_str_eq(out, "2026年第~");
    ck_assert_int_eq(
        text_fit("2026年第12期", 10, false, true, out, sizeof(out)), 10);
    ck_assert_str_eq(out, "2026年第 ~");
    /* A word without digits is a name: cut at a character. */
    ck_assert_int_eq(text_fit("education", 5, false, true, out, sizeof(out)),
                     5);
    ck_assert_str_eq(out, "educ~");
    /* A path is a name even with digits in it. */
    ck_assert_int_eq(text_fit("/tmp/export2/households.csv", 10, false, true,
                              out, sizeof(out)),
                     10);
    ck_assert_str_eq(out, "/tmp/expo~");
    ck_assert(text_is_number("2026-11-16"));
    ck_assert(text_is_number("420325********001X"));
    ck_assert(text_is_number("FX1000108"));
    ck_assert(!text_is_number("/tmp/export2"));
    ck_assert(!text_is_number("26小时"));
    ck_assert(!text_is_number("approved"));
    ck_assert(!text_is_number(""));
    /* Numbers that fit are untouched; unmarked cuts stay plain. */
    ck_assert_int_eq(text_fit("84.8%", 5, true, true, out, sizeof(out)), 5);
    ck_assert_str_eq(out, "84.8%");
    ck_assert_int_eq(text_fit("1187", 2, false, false, out, sizeof(out)), 2);
    ck_assert_str_eq(out, "11");
}
END_TEST

/* Names in CJK: the marker goes in the last cell, never after half a wide
 * character, at every width. */
START_TEST(test_fit_cjk_marker_cell)
{
    const char *s = "郭家庄村民委员会";
    char out[64];

    for (int cells = 1; cells < 16; cells++) {
        int n = text_fit(s, cells, false, true, out, sizeof(out));
        size_t len = strlen(out);

        ck_assert_int_eq(n, cells);
        ck_assert_int_eq(text_utf8_cells(out), cells);
        ck_assert_msg(len > 0 && out[len - 1] == '~', "width %d: %s", cells,
                      out);
        /* Whole characters before the marker: an odd width pads with a
         * space where the next character would straddle. */
        if (cells % 2 == 0 && cells > 1)
            ck_assert_msg(out[len - 2] == ' ', "width %d: %s", cells, out);
    }
}
END_TEST

/* The menu's counts wrap after a " · ", a count never parted from its
 * word, and never split. */
START_TEST(test_wrap_lines)
{
    const char *s = "draft 410 · submitted 296 · verified 277 · approved "
                    "1590 · rejected 265";
    const char *next, *end;

    end = text_wrap_line(s, 51, &next);
    ck_assert_int_eq((int)(end - s),
                     (int)strlen("draft 410 · submitted 296 · verified 277 ·"));
    ck_assert_str_eq(next, "approved 1590 · rejected 265");
    end = text_wrap_line(next, 51, &next);
    ck_assert_str_eq(end, "");
    ck_assert_str_eq(next, "");
    /* Chinese, 13 cells: 已批准 1187 · | 已退回 52 */
    s = "已批准 1187 · 已退回 52";
    end = text_wrap_line(s, 13, &next);
    ck_assert_int_eq((int)(end - s), (int)strlen("已批准 1187 ·"));
    ck_assert_str_eq(next, "已退回 52");
    /* No separator: at the last space; a word wider than the line at a
     * character. */
    s = "import a roster CSV file";
    end = text_wrap_line(s, 12, &next);
    ck_assert_int_eq((int)(end - s), 8);
    ck_assert_str_eq(next, "roster CSV file");
    s = "郭家庄村民委员会";
    end = text_wrap_line(s, 5, &next);
    ck_assert_int_eq((int)(end - s), 6); /* two characters, 4 cells */
    end = text_wrap_line(s, 0, &next);
    ck_assert_int_eq((int)(end - s), 3); /* at least one */
}
END_TEST

/* A small buffer is cut at a character boundary, never mid-sequence. */
START_TEST(test_fit_small_buffer)
{
    char out[6];

    memset(out, 'x', sizeof(out));
    ck_assert_int_eq(text_fit("张𠮷", 4, true, false, out, sizeof(out)), 2);
    ck_assert_str_eq(out, ZHANG_U8);
    ck_assert_int_eq(text_fit("abcdefgh", 8, false, false, out, 4), 3);
    ck_assert_str_eq(out, "abc");
    ck_assert_int_eq(text_fit("abc", 3, false, false, out, 1), 0);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(text_fit("abc", 3, false, false, out, 0), 0);
}
END_TEST

/* ---------------------------------------------------------------------
 * The line editor
 * --------------------------------------------------------------------- */

/* Assert that the editor holds the UTF-8 want, consistently. */
static void
assert_holds(const struct lineedit *e, const char *want)
{
    char *u = lineedit_utf8(e);

    ck_assert_ptr_nonnull(u);
    ck_assert_str_eq(u, want);
    free(u);
    ck_assert_int_eq(e->len, (int)wcslen(e->buf));
    ck_assert_int_eq(e->len, (int)text_utf8_chars(want));
    ck_assert_int_ge(e->cur, 0);
    ck_assert_int_le(e->cur, e->len);
    ck_assert_int_lt(e->len, e->cap);
}

START_TEST(test_edit_insert_wide)
{
    struct lineedit e;

    ck_assert(lineedit_init(&e, 0));
    assert_holds(&e, "");
    ck_assert(lineedit_insert(&e, L'a'));
    ck_assert(lineedit_insert(&e, JI));
    ck_assert(lineedit_insert(&e, L'b'));
    ck_assert(lineedit_insert(&e, YAN));
    ck_assert(lineedit_insert(&e, L'c'));
    assert_holds(&e, "a𠮷b䶮c");
    ck_assert_int_eq(e.len, 5);
    ck_assert_int_eq(e.cur, 5);

    /* Insert in the middle: before 𠮷. */
    ck_assert(lineedit_home(&e));
    ck_assert(lineedit_right(&e));
    ck_assert_int_eq(e.cur, 1);
    ck_assert(lineedit_insert(&e, ZHANG));
    assert_holds(&e, "a张𠮷b䶮c");
    ck_assert_int_eq(e.cur, 2);
    lineedit_free(&e);
    ck_assert_ptr_null(e.buf);
}
END_TEST

START_TEST(test_edit_moves)
{
    struct lineedit e;

    ck_assert(lineedit_init(&e, 0));
    ck_assert(lineedit_set_utf8(&e, "a𠮷b䶮"));
    ck_assert_int_eq(e.cur, 4);
    ck_assert(!lineedit_right(&e));
    ck_assert(!lineedit_end(&e));
    ck_assert(lineedit_left(&e));
    ck_assert_int_eq(e.cur, 3);
    ck_assert_int_eq(e.buf[e.cur], YAN);
    ck_assert(lineedit_left(&e));
    ck_assert(lineedit_left(&e));
    ck_assert_int_eq(e.buf[e.cur], JI);
    ck_assert(lineedit_home(&e));
    ck_assert_int_eq(e.cur, 0);
    ck_assert(!lineedit_left(&e));
    ck_assert(!lineedit_home(&e));
    ck_assert(lineedit_end(&e));
    ck_assert_int_eq(e.cur, 4);
    lineedit_free(&e);
}
END_TEST

START_TEST(test_edit_delete_whole_chars)
{
    struct lineedit e;

    ck_assert(lineedit_init(&e, 0));
    ck_assert(lineedit_set_utf8(&e, "a𠮷b䶮c"));
    ck_assert(lineedit_left(&e));      /* before c */
    ck_assert(lineedit_backspace(&e)); /* 䶮 */
    assert_holds(&e, "a𠮷bc");
    ck_assert_int_eq(e.cur, 3);
    ck_assert(lineedit_left(&e));
    ck_assert(lineedit_left(&e)); /* before 𠮷 */
    ck_assert(lineedit_delete(&e));
    assert_holds(&e, "abc");
    ck_assert_int_eq(e.cur, 1);
    ck_assert(lineedit_insert(&e, JI));
    ck_assert(lineedit_backspace(&e));
    assert_holds(&e, "abc");
    ck_assert(lineedit_end(&e));
    ck_assert(!lineedit_delete(&e));
    ck_assert(lineedit_home(&e));
    ck_assert(!lineedit_backspace(&e));
    assert_holds(&e, "abc");
    lineedit_free(&e);
}
END_TEST

START_TEST(test_edit_kill)
{
    struct lineedit e;

    ck_assert(lineedit_init(&e, 0));
    ck_assert(lineedit_set_utf8(&e, "张𠮷 䶮abc"));
    ck_assert(lineedit_home(&e));
    ck_assert(lineedit_right(&e));
    ck_assert(lineedit_right(&e));
    ck_assert(lineedit_kill_to_end(&e));
    assert_holds(&e, "张𠮷");
    ck_assert_int_eq(e.cur, 2);
    ck_assert(!lineedit_kill_to_end(&e));

    ck_assert(lineedit_set_utf8(&e, "张𠮷 䶮abc"));
    ck_assert(lineedit_left(&e));
    ck_assert(lineedit_left(&e));
    ck_assert(lineedit_kill_to_start(&e));
    assert_holds(&e, "bc");
    ck_assert_int_eq(e.cur, 0);
    ck_assert_int_eq(e.scroll, 0);
    ck_assert(!lineedit_kill_to_start(&e));
    lineedit_free(&e);
}
END_TEST

START_TEST(test_edit_max_chars)
{
    struct lineedit e;

    ck_assert(lineedit_init(&e, 3));
    ck_assert(lineedit_insert(&e, JI));
    ck_assert(lineedit_insert(&e, L'a'));
    ck_assert(lineedit_insert(&e, YAN));
    ck_assert(!lineedit_insert(&e, L'b'));
    assert_holds(&e, "𠮷a䶮");
    ck_assert(lineedit_home(&e));
    ck_assert(!lineedit_insert(&e, L'b'));
    assert_holds(&e, "𠮷a䶮");

    /* set_utf8 cuts to max_chars, by characters. */
    ck_assert(lineedit_set_utf8(&e, "张𠮷䶮abc"));
    assert_holds(&e, "张𠮷䶮");
    ck_assert_int_eq(e.cur, 3);
    lineedit_free(&e);
}
END_TEST

START_TEST(test_edit_controls_refused)
{
    const wchar_t refused[] = {0,
                               L'\t',
                               L'\n',
                               L'\r',
                               0x1B,
                               0x7F,
                               0x85,
                               0x9F,
                               0xD800,
                               0xDFFF,
                               (wchar_t)0x110000};
    struct lineedit e;

    ck_assert(lineedit_init(&e, 0));
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
        ck_assert_msg(!lineedit_insert(&e, refused[i]), "U+%04lX accepted",
                      (unsigned long)refused[i]);
    assert_holds(&e, "");
    ck_assert(lineedit_insert(&e, L' '));
    ck_assert(lineedit_insert(&e, IDEO_SPACE));
    ck_assert(lineedit_insert(&e, 0xA0));
    assert_holds(&e, " \u3000\u00a0");
    lineedit_free(&e);
}
END_TEST

START_TEST(test_edit_grows)
{
    struct lineedit e;
    int i;

    ck_assert(lineedit_init(&e, 0));
    for (i = 0; i < 1000; i++)
        ck_assert(lineedit_insert(&e, (i % 2) ? JI : L'a'));
    ck_assert_int_eq(e.len, 1000);
    ck_assert_int_gt(e.cap, 1000);
    ck_assert_int_eq(text_cells(e.buf, -1), 1500);
    ck_assert(lineedit_home(&e));
    for (i = 0; i < 999; i++)
        ck_assert(lineedit_delete(&e));
    ck_assert_int_eq(e.len, 1);
    ck_assert_int_eq(e.buf[0], JI);
    lineedit_free(&e);
}
END_TEST

START_TEST(test_edit_set_get)
{
    struct lineedit e;
    char *u;

    ck_assert(lineedit_init(&e, 0));
    ck_assert(lineedit_set_utf8(&e, "中文 𠮷䶮"));
    assert_holds(&e, "中文 𠮷䶮");
    ck_assert_int_eq(e.cur, 5);
    ck_assert(lineedit_set_utf8(&e, NULL));
    assert_holds(&e, "");
    ck_assert(lineedit_set_utf8(&e, "a\xFF"));
    assert_holds(&e, "a" FFFD_U8);
    u = lineedit_utf8(&e);
    ck_assert_ptr_nonnull(u);
    free(u);
    lineedit_free(&e);
}
END_TEST

START_TEST(test_edit_words)
{
    struct lineedit e;

    /* "ab 张𠮷\u3000\u3000cd": words are runs of non-space; CJK counts. */
    ck_assert(lineedit_init(&e, 0));
    ck_assert(lineedit_set_utf8(&e, "ab 张𠮷\u3000\u3000cd"));
    ck_assert_int_eq(e.len, 9);
    ck_assert(lineedit_word_left(&e));
    ck_assert_int_eq(e.cur, 7);
    ck_assert(lineedit_word_left(&e));
    ck_assert_int_eq(e.cur, 3);
    ck_assert(lineedit_word_left(&e));
    ck_assert_int_eq(e.cur, 0);
    ck_assert(!lineedit_word_left(&e));
    ck_assert(lineedit_word_right(&e));
    ck_assert_int_eq(e.cur, 2);
    ck_assert(lineedit_word_right(&e));
    ck_assert_int_eq(e.cur, 5);
    ck_assert(lineedit_word_right(&e));
    ck_assert_int_eq(e.cur, 9);
    ck_assert(!lineedit_word_right(&e));
    /* From inside a word: to its start, to its end. */
    e.cur = 4;
    ck_assert(lineedit_word_left(&e));
    ck_assert_int_eq(e.cur, 3);
    e.cur = 4;
    ck_assert(lineedit_word_right(&e));
    ck_assert_int_eq(e.cur, 5);
    lineedit_free(&e);
}
END_TEST

/* The invariants of lineedit_view in a field `width` cells wide. */
static void
assert_view(struct lineedit *e, int width)
{
    int off = lineedit_view(e, width), scroll = e->scroll;

    /* Drawing again without a key changes nothing. */
    ck_assert_int_eq(lineedit_view(e, width), off);
    ck_assert_int_eq(e->scroll, scroll);
    ck_assert_int_ge(e->scroll, 0);
    ck_assert_int_le(e->scroll, e->cur);
    ck_assert_int_ge(off, 0);
    if (text_cells(e->buf, -1) <= width) {
        /* A value that fits is shown whole: nothing scrolled off, the
         * cursor at the end possibly in the cell after the field. */
        ck_assert_int_eq(e->scroll, 0);
        ck_assert_int_eq(off, text_cells(e->buf, e->cur));
        return;
    }
    ck_assert_msg(off < width, "cursor %d at cell %d of %d", e->cur, off,
                  width);
    if (width < 4) /* no room for a wide character between the marks */
        return;
    /* The offset counts the '<' cell and the cells before the cursor: on
     * a character boundary, so never inside a wide character. */
    ck_assert_int_eq(off,
                     (e->scroll > 0 ? 1 : 0) +
                         text_cells(e->buf + e->scroll, e->cur - e->scroll));
    /* The character under the cursor is whole, before the last cell
     * (kept for the '>'). */
    if (e->cur < e->len)
        ck_assert_int_le(off + text_char_cells(e->buf[e->cur]), width - 1);
}

START_TEST(test_view_every_position)
{
    const char *texts[] = {"a张𠮷b䶮cd𠮷", "张𠮷䶮", "𠮷𠮷𠮷𠮷𠮷𠮷",
                           "a𠮷a𠮷a𠮷a",   "abc",    ""};
    struct lineedit e;

    ck_assert(lineedit_init(&e, 0));
    for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
        for (int width = 1; width <= 6; width++) {
            ck_assert(lineedit_set_utf8(&e, texts[t]));
            lineedit_home(&e);
            assert_view(&e, width);
            ck_assert_int_eq(e.scroll, 0);
            /* Right through every position, then back left. */
            while (lineedit_right(&e))
                assert_view(&e, width);
            assert_view(&e, width);
            while (lineedit_left(&e))
                assert_view(&e, width);
            ck_assert_int_eq(e.scroll, 0);
        }
    }
    lineedit_free(&e);
}
END_TEST

START_TEST(test_view_scrolling)
{
    struct lineedit e;

    ck_assert(lineedit_init(&e, 0));
    /* 6 cells in 5: '<' then 䶮 and the cursor cell (张𠮷 hidden whole):
     * a third of the 3 cells of room is 1, but a character at least. */
    ck_assert(lineedit_set_utf8(&e, "张𠮷䶮"));
    ck_assert_int_eq(lineedit_view(&e, 5), 3);
    ck_assert_int_eq(e.scroll, 2);
    ck_assert(lineedit_left(&e)); /* on 䶮: still shown */
    ck_assert_int_eq(lineedit_view(&e, 5), 1);
    ck_assert_int_eq(e.scroll, 2);
    ck_assert(lineedit_home(&e));
    ck_assert_int_eq(lineedit_view(&e, 5), 0);
    ck_assert_int_eq(e.scroll, 0);

    /* A narrow field keeps what fits before the cursor in sight (a jump
     * would show a character of it); moving inside it does not scroll. */
    ck_assert(lineedit_set_utf8(&e, "abcdefgh"));
    ck_assert_int_eq(lineedit_view(&e, 5), 4);
    ck_assert_int_eq(e.scroll, 5);
    ck_assert(lineedit_left(&e));
    ck_assert_int_eq(lineedit_view(&e, 5), 3);
    ck_assert_int_eq(e.scroll, 5);
    /* Deleting the last character shown at the end jumps back, two
     * thirds before the cursor; the next deletion does not scroll. */
    ck_assert(lineedit_end(&e));
    ck_assert(lineedit_backspace(&e));
    ck_assert_int_eq(lineedit_view(&e, 5), 3);
    ck_assert_int_eq(e.scroll, 5);
    ck_assert(lineedit_backspace(&e));
    ck_assert_int_eq(lineedit_view(&e, 5), 2);
    ck_assert_int_eq(e.scroll, 5);
    /* Once it fits again it is whole from its first character. */
    ck_assert(lineedit_backspace(&e));
    ck_assert_int_eq(lineedit_view(&e, 5), 5);
    ck_assert_int_eq(e.scroll, 0);
    /* A wide character at the edge goes whole to the hidden side, never
     * half: 6 cells of room hold defgh, 𠮷defgh would be 7. */
    ck_assert(lineedit_set_utf8(&e, "abc𠮷defgh"));
    ck_assert_int_eq(lineedit_view(&e, 8), 6);
    ck_assert_int_eq(e.scroll, 4);
    /* A field one cell wide still shows the cursor. */
    ck_assert(lineedit_set_utf8(&e, "𠮷𠮷"));
    ck_assert_int_eq(lineedit_view(&e, 1), 0);
    ck_assert_int_eq(e.scroll, 2);
    ck_assert(lineedit_left(&e));
    ck_assert_int_eq(lineedit_view(&e, 1), 0);
    ck_assert_int_eq(e.scroll, 1);
    ck_assert_int_eq(lineedit_view(&e, 0), 0);
    lineedit_free(&e);
}
END_TEST

/* Issue 16: a field scrolls by jumps, not a cell a key, so that typing on
 * at its end costs the terminal the character, not a repaint of the
 * field. 46 ASCII characters typed in 16 cells (14 of room between '<'
 * and the cursor's cell): the view moves at the 17th (the value no longer
 * fits), leaving 4 cells before the cursor, then at every 11th; 32
 * Chinese ones at the 9th, then every 6th. */
START_TEST(test_view_scrolls_by_jumps)
{
    struct lineedit e;
    const wchar_t *zh =
        L"甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬东南西北金木";
    int jumps = 0, last;

    ck_assert(lineedit_init(&e, 0));
    last = e.scroll;
    for (int i = 0; i < 46; i++) {
        ck_assert(lineedit_insert(&e, (wchar_t)(L'a' + i % 26)));
        lineedit_view(&e, 16);
        if (e.scroll != last)
            jumps++;
        last = e.scroll;
    }
    ck_assert_int_eq(jumps, 3);
    ck_assert_int_eq(e.scroll, 46 - 11);
    ck_assert(lineedit_set_utf8(&e, ""));
    jumps = 0;
    last = e.scroll;
    for (int i = 0; zh[i] != L'\0'; i++) {
        ck_assert(lineedit_insert(&e, zh[i]));
        lineedit_view(&e, 16);
        if (e.scroll != last)
            jumps++;
        last = e.scroll;
    }
    ck_assert_int_eq(jumps, 4);
    lineedit_free(&e);
}
END_TEST

/* Issue 12 item 6: the last digit of an 18-digit ID number typed in an
 * 18-cell field (or of a date in a 10-cell one) hid the first, as if a
 * digit were lost. A value that fits is shown whole, the cursor after it
 * in the cell after the field. */
START_TEST(test_view_value_that_fits_is_whole)
{
    struct lineedit e;
    const char *id = "420325201509010029";

    ck_assert(lineedit_init(&e, 0));
    for (const char *p = id; *p != '\0'; p++)
        ck_assert(lineedit_insert(&e, (wchar_t)*p));
    ck_assert_int_eq(lineedit_view(&e, 18), 18);
    ck_assert_int_eq(e.scroll, 0);
    ck_assert(lineedit_set_utf8(&e, "2018-01-01"));
    ck_assert_int_eq(lineedit_view(&e, 10), 10);
    ck_assert_int_eq(e.scroll, 0);
    /* A Chinese name filling its field exactly. */
    ck_assert(lineedit_set_utf8(&e, "房县职业技术学校"));
    ck_assert_int_eq(lineedit_view(&e, 16), 16);
    ck_assert_int_eq(e.scroll, 0);
    /* One character more does not fit: now it scrolls, at most a third
     * of the room (校a, 3 of 14 cells) before the cursor, the '<' cell
     * counted. */
    ck_assert(lineedit_insert(&e, L'a'));
    ck_assert_int_eq(lineedit_view(&e, 16), 4);
    ck_assert_int_gt(e.scroll, 0);
    lineedit_free(&e);
}
END_TEST

/* ---------------------------------------------------------------------
 * Validators
 * --------------------------------------------------------------------- */

#define TEST_TODAY 20261128

/* A valid ID number from its first 17 digits (the check digit added). */
static void
make_id(const char *first17, char out[ID_NUMBER_LEN + 1])
{
    char c = id_check_digit(first17);

    ck_assert_msg(c != 0, "bad test input %s", first17);
    memcpy(out, first17, 17);
    out[17] = c;
    out[18] = '\0';
}

START_TEST(test_valid_id_number)
{
    char id[ID_NUMBER_LEN + 1];

    make_id("42032519850315123", id); /* check digit X, male */
    ck_assert_str_eq(id, "42032519850315123X");
    ck_assert_int_eq(valid_id_number(id, TEST_TODAY), VALID_OK);
    id[17] = 'x';
    ck_assert_int_eq(valid_id_number(id, TEST_TODAY), VALID_ID_LOWER_X);
    ck_assert_int_eq(valid_id_number("11010519491231002X", 0), VALID_OK);

    /* 29 February: 2000 and 2024 are leap years, 2023 and 1900 are not. */
    make_id("42032520000229002", id);
    ck_assert_int_eq(valid_id_number(id, TEST_TODAY), VALID_OK);
    make_id("42032520240229002", id);
    ck_assert_int_eq(valid_id_number(id, TEST_TODAY), VALID_OK);
    make_id("42032520230229002", id);
    ck_assert_int_eq(valid_id_number(id, TEST_TODAY), VALID_ID_DATE);
    make_id("42032519000229002", id);
    ck_assert_int_eq(valid_id_number(id, TEST_TODAY), VALID_ID_DATE);
    make_id("42032518991231002", id);
    ck_assert_int_eq(valid_id_number(id, TEST_TODAY), VALID_ID_DATE);

    /* Born in the future: only with today given. */
    make_id("42032520990101002", id);
    ck_assert_int_eq(valid_id_number(id, TEST_TODAY), VALID_ID_FUTURE);
    ck_assert_int_eq(valid_id_number(id, 0), VALID_OK);

    /* One wrong digit breaks the check. */
    make_id("42032519850101001", id);
    id[16] = id[16] == '9' ? '0' : (char)(id[16] + 1);
    ck_assert_int_eq(valid_id_number(id, TEST_TODAY), VALID_ID_CHECK);

    make_id("92032519850101001", id);
    ck_assert_int_eq(valid_id_number(id, TEST_TODAY), VALID_ID_AREA);
    make_id("02032519850101001", id);
    ck_assert_int_eq(valid_id_number(id, TEST_TODAY), VALID_ID_AREA);
    ck_assert_int_eq(valid_id_number("4203251985031512A3", TEST_TODAY),
                     VALID_ID_CHARS);
    ck_assert_int_eq(valid_id_number("42032519850315123Y", TEST_TODAY),
                     VALID_ID_CHARS);
    ck_assert_int_eq(valid_id_number("42032519850315123", TEST_TODAY),
                     VALID_ID_LENGTH);
    ck_assert_int_eq(valid_id_number("42032519850315123X ", TEST_TODAY),
                     VALID_ID_LENGTH);
    ck_assert_int_eq(valid_id_number("", TEST_TODAY), VALID_ID_LENGTH);
    ck_assert_int_eq(valid_id_number(NULL, TEST_TODAY), VALID_ID_LENGTH);
}
END_TEST

START_TEST(test_valid_date)
{
    int ymd = -1;

    ck_assert_int_eq(valid_date("2024-02-29", 0, &ymd), VALID_OK);
    ck_assert_int_eq(ymd, 20240229);
    ck_assert_int_eq(valid_date("2023-02-29", 0, &ymd), VALID_DATE_INVALID);
    ck_assert_int_eq(ymd, 0);
    ck_assert_int_eq(valid_date("2023-04-31", 0, NULL), VALID_DATE_INVALID);
    ck_assert_int_eq(valid_date("2023-04-30", 0, NULL), VALID_OK);
    ck_assert_int_eq(valid_date("2023-13-01", 0, NULL), VALID_DATE_INVALID);
    ck_assert_int_eq(valid_date("2023-00-01", 0, NULL), VALID_DATE_INVALID);
    ck_assert_int_eq(valid_date("2023-01-00", 0, NULL), VALID_DATE_INVALID);
    ck_assert_int_eq(valid_date("2000-02-29", 0, NULL), VALID_OK);
    ck_assert_int_eq(valid_date("2100-02-29", 0, NULL), VALID_DATE_INVALID);

    ck_assert_int_eq(valid_date("1899-12-31", 0, NULL), VALID_DATE_RANGE);
    ck_assert_int_eq(valid_date("0000-01-01", 0, NULL), VALID_DATE_RANGE);
    ck_assert_int_eq(valid_date("1900-01-01", 0, &ymd), VALID_OK);
    ck_assert_int_eq(ymd, 19000101);

    /* The future, with a latest date. */
    ck_assert_int_eq(valid_date("2026-11-28", TEST_TODAY, NULL), VALID_OK);
    ck_assert_int_eq(valid_date("2026-11-29", TEST_TODAY, NULL),
                     VALID_DATE_RANGE);
    ck_assert_int_eq(valid_date("2099-01-01", TEST_TODAY, NULL),
                     VALID_DATE_RANGE);
    ck_assert_int_eq(valid_date("2099-01-01", 0, NULL), VALID_OK);

    /* issue 12: dates as people type them (core/date.c date_parse) */
    ck_assert_int_eq(valid_date("2023-2-3", 0, &ymd), VALID_OK);
    ck_assert_int_eq(ymd, 20230203);
    ck_assert_int_eq(valid_date("2023/02/03", 0, NULL), VALID_OK);
    ck_assert_int_eq(valid_date("2023.2.3", 0, NULL), VALID_OK);
    ck_assert_int_eq(valid_date("20230203", 0, NULL), VALID_OK);
    ck_assert_int_eq(valid_date("2012/2/30", 0, NULL), VALID_DATE_INVALID);
    ck_assert_int_eq(valid_date("18991231", 0, NULL), VALID_DATE_RANGE);
    ck_assert_int_eq(valid_date("2023-02/03", 0, NULL), VALID_DATE_FORMAT);
    ck_assert_int_eq(valid_date("2023-02-03 ", 0, NULL), VALID_DATE_FORMAT);
    ck_assert_int_eq(valid_date(" 2023-02-03", 0, NULL), VALID_DATE_FORMAT);
    ck_assert_int_eq(valid_date("2023-02-0", 0, NULL), VALID_DATE_INVALID);
    ck_assert_int_eq(valid_date("2023-02-", 0, NULL), VALID_DATE_FORMAT);
    ck_assert_int_eq(valid_date("２０２３-02-03", 0, NULL), VALID_DATE_FORMAT);
    ck_assert_int_eq(valid_date("", 0, NULL), VALID_DATE_FORMAT);
    ck_assert_int_eq(valid_date(NULL, 0, &ymd), VALID_DATE_FORMAT);
    ck_assert_int_eq(ymd, 0);
}
END_TEST

START_TEST(test_valid_phone)
{
    const char *ok[] = {"13812345678",   "19912345678",  "0719-3221234",
                        "07193221234",   "010-12345678", "01012345678",
                        "0719-32212345", "027-1234567"};
    const char *bad[] = {"12812345678",
                         "10812345678",
                         "1381234567",
                         "138123456789",
                         "0719-322123",
                         "0719-322123456",
                         "07-1234567",
                         "07193-1234567",
                         "0719 3221234",
                         "+8613812345678",
                         "0719--3221234",
                         "071932212",
                         "0719-",
                         "1381234567a",
                         "",
                         "２３"};

    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
        ck_assert_msg(valid_phone(ok[i]) == VALID_OK, "%s refused", ok[i]);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        ck_assert_msg(valid_phone(bad[i]) == VALID_PHONE, "%s accepted",
                      bad[i]);
    ck_assert_int_eq(valid_phone(NULL), VALID_PHONE);
}
END_TEST

START_TEST(test_valid_money)
{
    long long fen = -1;

    ck_assert_int_eq(valid_money("0", &fen), VALID_OK);
    ck_assert_int_eq(fen, 0);
    ck_assert_int_eq(valid_money("12.5", &fen), VALID_OK);
    ck_assert_int_eq(fen, 1250);
    ck_assert_int_eq(valid_money("12.50", &fen), VALID_OK);
    ck_assert_int_eq(fen, 1250);
    ck_assert_int_eq(valid_money("12.05", &fen), VALID_OK);
    ck_assert_int_eq(fen, 1205);
    ck_assert_int_eq(valid_money("1500", &fen), VALID_OK);
    ck_assert_int_eq(fen, 150000);
    ck_assert_int_eq(valid_money("9999999999.99", &fen), VALID_OK);
    ck_assert_int_eq(fen, 999999999999LL);
    ck_assert_int_eq(valid_money("000012.34", &fen), VALID_OK);
    ck_assert_int_eq(fen, 1234);
    /* The server's round(x, 2) = x holds for extra zeros. */
    ck_assert_int_eq(valid_money("12.500", &fen), VALID_OK);
    ck_assert_int_eq(fen, 1250);
    ck_assert_int_eq(valid_money("-0", &fen), VALID_OK);
    ck_assert_int_eq(fen, 0);

    ck_assert_int_eq(valid_money("12.505", &fen), VALID_MONEY_FORMAT);
    ck_assert_int_eq(fen, 0);
    ck_assert_int_eq(valid_money("1e3", NULL), VALID_MONEY_FORMAT);
    ck_assert_int_eq(valid_money("12.", NULL), VALID_MONEY_FORMAT);
    ck_assert_int_eq(valid_money(".5", NULL), VALID_MONEY_FORMAT);
    ck_assert_int_eq(valid_money("1,000", NULL), VALID_MONEY_FORMAT);
    ck_assert_int_eq(valid_money(" 12", NULL), VALID_MONEY_FORMAT);
    ck_assert_int_eq(valid_money("12 ", NULL), VALID_MONEY_FORMAT);
    ck_assert_int_eq(valid_money("-", NULL), VALID_MONEY_FORMAT);
    ck_assert_int_eq(valid_money("", NULL), VALID_MONEY_FORMAT);
    ck_assert_int_eq(valid_money(NULL, NULL), VALID_MONEY_FORMAT);
    ck_assert_int_eq(valid_money("１２", NULL), VALID_MONEY_FORMAT);

    ck_assert_int_eq(valid_money("-1", NULL), VALID_MONEY_RANGE);
    ck_assert_int_eq(valid_money("-0.01", NULL), VALID_MONEY_RANGE);
    ck_assert_int_eq(valid_money("10000000000", &fen), VALID_MONEY_RANGE);
    ck_assert_int_eq(fen, 0);
    ck_assert_int_eq(valid_money("10000000000.00", NULL), VALID_MONEY_RANGE);
    ck_assert_int_eq(valid_money("99999999999999999999999999", NULL),
                     VALID_MONEY_RANGE);
}
END_TEST

START_TEST(test_valid_int)
{
    char buf[32];
    long v = -1;

    ck_assert_int_eq(valid_int("42", 0, 100, &v), VALID_OK);
    ck_assert_int_eq(v, 42);
    ck_assert_int_eq(valid_int("0", 0, 100, &v), VALID_OK);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(valid_int("100", 0, 100, NULL), VALID_OK);
    ck_assert_int_eq(valid_int("101", 0, 100, &v), VALID_INT_RANGE);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(valid_int("-1", 0, 100, NULL), VALID_INT_RANGE);
    ck_assert_int_eq(valid_int("-7", -10, 10, &v), VALID_OK);
    ck_assert_int_eq(v, -7);
    ck_assert_int_eq(valid_int("+7", -10, 10, &v), VALID_OK);
    ck_assert_int_eq(v, 7);
    ck_assert_int_eq(valid_int("2014", 2014, 2035, NULL), VALID_OK);
    ck_assert_int_eq(valid_int("2036", 2014, 2035, NULL), VALID_INT_RANGE);

    ck_assert_int_eq(valid_int("", 0, 100, NULL), VALID_INT_FORMAT);
    ck_assert_int_eq(valid_int("-", 0, 100, NULL), VALID_INT_FORMAT);
    ck_assert_int_eq(valid_int("12a", 0, 100, NULL), VALID_INT_FORMAT);
    ck_assert_int_eq(valid_int("1.0", 0, 100, NULL), VALID_INT_FORMAT);
    ck_assert_int_eq(valid_int(" 1", 0, 100, NULL), VALID_INT_FORMAT);
    ck_assert_int_eq(valid_int("abc", 0, 100, NULL), VALID_INT_FORMAT);
    ck_assert_int_eq(valid_int(NULL, 0, 100, NULL), VALID_INT_FORMAT);

    /* The ends of long, and past them. */
    snprintf(buf, sizeof(buf), "%ld", LONG_MAX);
    ck_assert_int_eq(valid_int(buf, LONG_MIN, LONG_MAX, &v), VALID_OK);
    ck_assert(v == LONG_MAX);
    snprintf(buf, sizeof(buf), "%ld", LONG_MIN);
    ck_assert_int_eq(valid_int(buf, LONG_MIN, LONG_MAX, &v), VALID_OK);
    ck_assert(v == LONG_MIN);
    ck_assert_int_eq(
        valid_int("99999999999999999999999", LONG_MIN, LONG_MAX, NULL),
        VALID_INT_RANGE);
    ck_assert_int_eq(
        valid_int("-99999999999999999999999", LONG_MIN, LONG_MAX, NULL),
        VALID_INT_RANGE);
}
END_TEST

START_TEST(test_valid_blank)
{
    const char *blank[] = {"",
                           " ",
                           "\t\n\r\v\f",
                           "\u3000",
                           " \u3000\u00a0 ",
                           "\u1680\u2000\u200a\u200b\u2028\u2029",
                           "\u202f\u205f\ufeff"};
    const char *not_blank[] = {"a",    " 张 ",   "\u3000x", "x\u3000",
                               "\xFF", "\u200c", "_",       "\u3001"};

    ck_assert(valid_is_blank(NULL));
    for (size_t i = 0; i < sizeof(blank) / sizeof(blank[0]); i++)
        ck_assert_msg(valid_is_blank(blank[i]), "blank[%zu]", i);
    for (size_t i = 0; i < sizeof(not_blank) / sizeof(not_blank[0]); i++)
        ck_assert_msg(!valid_is_blank(not_blank[i]), "not_blank[%zu]", i);
}
END_TEST

START_TEST(test_valid_text)
{
    ck_assert_int_eq(valid_text("", true, 0, 0), VALID_REQUIRED);
    ck_assert_int_eq(valid_text(NULL, true, 0, 0), VALID_REQUIRED);
    ck_assert_int_eq(valid_text("\u3000\u3000", true, 50, 0), VALID_REQUIRED);
    ck_assert_int_eq(valid_text("", false, 50, 0), VALID_OK);
    ck_assert_int_eq(valid_text(NULL, false, 50, 10), VALID_OK);
    ck_assert_int_eq(valid_text("张三", true, 50, 0), VALID_OK);

    /* "𠮷𠮷": 2 characters (as char_length() counts), 4 cells. */
    ck_assert_int_eq(valid_text("𠮷𠮷", true, 2, 0), VALID_OK);
    ck_assert_int_eq(valid_text("𠮷𠮷", true, 1, 0), VALID_TOO_LONG);
    ck_assert_int_eq(valid_text("𠮷𠮷", true, 0, 4), VALID_OK);
    ck_assert_int_eq(valid_text("𠮷𠮷", true, 0, 3), VALID_TOO_WIDE);
    ck_assert_int_eq(valid_text("𠮷𠮷", true, 2, 4), VALID_OK);
    ck_assert_int_eq(valid_text("𠮷𠮷", true, 1, 3), VALID_TOO_LONG);
    ck_assert_int_eq(valid_text("abcd", true, 4, 3), VALID_TOO_WIDE);
}
END_TEST

START_TEST(test_valid_id_agreement)
{
    char male[ID_NUMBER_LEN + 1], female[ID_NUMBER_LEN + 1];

    make_id("42032519850315123", male);   /* 1985-03-15, 17th digit 3 */
    make_id("42032520000229004", female); /* 2000-02-29, 17th digit 4 */

    ck_assert_int_eq(valid_id_birth(male, "1985-03-15"), VALID_OK);
    ck_assert_int_eq(valid_id_birth(male, "1985-03-16"), VALID_BIRTH_MISMATCH);
    ck_assert_int_eq(valid_id_birth(male, "1986-03-15"), VALID_BIRTH_MISMATCH);
    ck_assert_int_eq(valid_id_birth(female, "2000-02-29"), VALID_OK);
    ck_assert_int_eq(valid_id_birth(female, "2000-03-01"),
                     VALID_BIRTH_MISMATCH);
    /* Empty or invalid parts are their own fields' errors. */
    ck_assert_int_eq(valid_id_birth(male, ""), VALID_OK);
    ck_assert_int_eq(valid_id_birth(male, NULL), VALID_OK);
    ck_assert_int_eq(valid_id_birth("", "1985-03-15"), VALID_OK);
    ck_assert_int_eq(valid_id_birth("123", "1985-03-16"), VALID_OK);
    ck_assert_int_eq(valid_id_birth(male, "1985-3"), VALID_OK);
    /* a date as typed is compared as the date it names (issue 12) */
    ck_assert_int_eq(valid_id_birth(male, "1985-3-16"), VALID_BIRTH_MISMATCH);
    ck_assert_int_eq(valid_id_birth(male, "1985/3/15"), VALID_OK);

    ck_assert_int_eq(valid_id_sex(male, "M"), VALID_OK);
    ck_assert_int_eq(valid_id_sex(male, "F"), VALID_SEX_MISMATCH);
    ck_assert_int_eq(valid_id_sex(female, "F"), VALID_OK);
    ck_assert_int_eq(valid_id_sex(female, "M"), VALID_SEX_MISMATCH);
    ck_assert_int_eq(valid_id_sex(female, "f"), VALID_SEX_MISMATCH);
    ck_assert_int_eq(valid_id_sex(female, "FF"), VALID_SEX_MISMATCH);
    ck_assert_int_eq(valid_id_sex(male, ""), VALID_OK);
    ck_assert_int_eq(valid_id_sex(male, NULL), VALID_OK);
    ck_assert_int_eq(valid_id_sex(NULL, "M"), VALID_OK);
    male[17] = 'x'; /* invalid now: the ID field says why */
    ck_assert_int_eq(valid_id_sex(male, "F"), VALID_OK);
    ck_assert_int_eq(valid_id_birth(male, "1999-01-01"), VALID_OK);
}
END_TEST

START_TEST(test_valid_messages)
{
    for (int r = VALID_OK; r <= VALID_SEX_MISMATCH; r++) {
        const char *m = valid_message((enum valid_result)r);
        size_t n;

        ck_assert_ptr_nonnull(m);
        n = strlen(m);
        ck_assert_msg(n > 1 && m[n - 1] == '.', "message %d: %s", r, m);
        for (int q = VALID_OK; q < r; q++)
            ck_assert_str_ne(m, valid_message((enum valid_result)q));
    }
}
END_TEST

START_TEST(test_valid_today)
{
    int today = valid_today();

    ck_assert_int_gt(today, 20240101);
    ck_assert_int_eq(valid_date("2024-01-01", today, NULL), VALID_OK);
}
END_TEST

/* ---------------------------------------------------------------------
 * Suites and the runner
 * --------------------------------------------------------------------- */

/* A growing text: appends, grows past its first 1024 bytes, stays whole. */
START_TEST(test_textbuf)
{
    struct textbuf t = {0};

    textbuf_add(&t, "%d granted, %s", 3, "已有 0 项");
    ck_assert(!t.failed);
    ck_assert_str_eq(t.s, "3 granted, 已有 0 项");
    ck_assert_uint_eq(t.len, strlen(t.s));
    for (int i = 0; i < 300; i++)
        textbuf_add(&t, "%04d\n", i);
    ck_assert(!t.failed);
    ck_assert_uint_eq(t.len, strlen("3 granted, 已有 0 项") + 300 * 5);
    ck_assert_uint_ge(t.cap, t.len + 1);
    ck_assert(strstr(t.s, "0299\n") == t.s + t.len - 5);
    free(t.s);
}
END_TEST

static Suite *
text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *utf8 = tcase_create("utf8");
    TCase *cells = tcase_create("cells");
    TCase *fit = tcase_create("fit");

    tcase_add_test(utf8, test_textbuf);
    tcase_add_test(utf8, test_utf8_ascii);
    tcase_add_test(utf8, test_utf8_cjk);
    tcase_add_test(utf8, test_utf8_outside_bmp);
    tcase_add_test(utf8, test_utf8_boundaries);
    tcase_add_test(utf8, test_utf8_invalid);
    tcase_add_test(utf8, test_utf8_next);
    tcase_add_test(utf8, test_utf8_null);
    suite_add_tcase(s, utf8);

    tcase_add_test(cells, test_cells_chars);
    tcase_add_test(cells, test_cells_strings);
    tcase_add_test(cells, test_is_space);
    suite_add_tcase(s, cells);

    tcase_add_loop_test(fit, test_fit_every_width, 0, 11);
    tcase_add_test(fit, test_fit_edges);
    tcase_add_test(fit, test_fit_numbers_whole);
    tcase_add_test(fit, test_fit_cjk_marker_cell);
    tcase_add_test(fit, test_wrap_lines);
    tcase_add_test(fit, test_fit_small_buffer);
    suite_add_tcase(s, fit);
    return s;
}

static Suite *
lineedit_suite(void)
{
    Suite *s = suite_create("lineedit");
    TCase *edit = tcase_create("edit");
    TCase *view = tcase_create("view");

    tcase_add_test(edit, test_edit_insert_wide);
    tcase_add_test(edit, test_edit_moves);
    tcase_add_test(edit, test_edit_delete_whole_chars);
    tcase_add_test(edit, test_edit_kill);
    tcase_add_test(edit, test_edit_max_chars);
    tcase_add_test(edit, test_edit_controls_refused);
    tcase_add_test(edit, test_edit_grows);
    tcase_add_test(edit, test_edit_set_get);
    tcase_add_test(edit, test_edit_words);
    suite_add_tcase(s, edit);

    tcase_add_test(view, test_view_every_position);
    tcase_add_test(view, test_view_scrolling);
    tcase_add_test(view, test_view_scrolls_by_jumps);
    tcase_add_test(view, test_view_value_that_fits_is_whole);
    suite_add_tcase(s, view);
    return s;
}

static Suite *
validate_suite(void)
{
    Suite *s = suite_create("validate");
    TCase *ids = tcase_create("ids");
    TCase *values = tcase_create("values");
    TCase *text = tcase_create("text");

    tcase_add_test(ids, test_valid_id_number);
    tcase_add_test(ids, test_valid_id_agreement);
    suite_add_tcase(s, ids);

    tcase_add_test(values, test_valid_date);
    tcase_add_test(values, test_valid_phone);
    tcase_add_test(values, test_valid_money);
    tcase_add_test(values, test_valid_int);
    tcase_add_test(values, test_valid_today);
    suite_add_tcase(s, values);

    tcase_add_test(text, test_valid_blank);
    tcase_add_test(text, test_valid_text);
    tcase_add_test(text, test_valid_messages);
    tcase_add_test(text, test_shown);
    suite_add_tcase(s, text);
    return s;
}

int
main(void)
{
    SRunner *sr;
    int failed;

    /* Widths are those of a UTF-8 terminal. */
    if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
        fprintf(stderr, "check_text: the C.UTF-8 locale is missing\n");
        return EXIT_FAILURE;
    }
    sr = srunner_create(text_suite());
    srunner_add_suite(sr, lineedit_suite());
    srunner_add_suite(sr, validate_suite());
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
