/*
 * check_keys.c
 *   Unit tests of src/ui/keys.c, the key map: key names of eduaid.conf
 *   (keys_parse_name, every kind and UTF-8 characters), the defaults of
 *   ACTION_LIST, replacing an action's keys (keys_bind) and the keys group
 *   of a configuration file (keys_apply, errors with file:line), what
 *   keys_names shows after that, and that the commented defaults of
 *   conf/eduaid.conf are the defaults. And the one key map of text fields
 *   (ui/editkeys.c): the same keys in every editor, the key map's actions
 *   first on a screen. And the key bar and the help screen of a screen's
 *   table of actions (keybar_plan, help_lines: issue 12): they agree, the
 *   bar shows only what is available now and keeps the control-key twins
 *   at 80 columns, and a control key has one meaning on a help page. And
 *   the terminals' key sequences (issue 13): PuTTY's, the Linux
 *   console's, SS3 and CSI keys decoded, PuTTY's scroll keys as arrows,
 *   every F-key with a twin. No curses function that needs
 *   initscr() is called. Files are found under $top_srcdir (default ".");
 *   Check's variables apply (CK_FORK=no for valgrind).
 */
#include "config.h"

#include <check.h>
#include <curses.h>
#include <ftw.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/settings.h"
#include "core/text.h"
#include "ui/editkeys.h"
#include "ui/help.h"
#include "ui/keys.h"

/* ---------------------------------------------------------------------- */
/* Helpers */

static char tmp_dir[256];

/* Every test starts from the defaults, in a fresh temporary directory. */
static void
setup(void)
{
    const char *tmp = getenv("TMPDIR");

    keys_reset();
    snprintf(tmp_dir, sizeof(tmp_dir), "%s/check_keys.XXXXXX",
             tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(tmp_dir));
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void
teardown(void)
{
    nftw(tmp_dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    keys_reset();
}

/* $tmp_dir/name in buf, written with text. */
static const char *
write_tmp(char *buf, size_t size, const char *name, const char *text)
{
    FILE *fp;

    snprintf(buf, size, "%s/%s", tmp_dir, name);
    fp = fopen(buf, "w");
    ck_assert_msg(fp != NULL, "cannot create %s", buf);
    ck_assert_int_ge(fputs(text, fp), 0);
    ck_assert_int_eq(fclose(fp), 0);
    return buf;
}

/* The names keys_names gives for a in mode, in a static buffer. */
static const char *
names_of(enum action a, enum keys_names_mode mode)
{
    static char buf[256];

    return keys_names(a, mode, buf, sizeof(buf));
}

/* The action of a key as get_wch() would report it. */
static enum action
action_of_char(wint_t c)
{
    struct key k = keys_make(OK, c);

    return k.action;
}

static enum action
action_of_fkey(int code)
{
    struct key k = keys_make(KEY_CODE_YES, (wint_t)code);

    return k.action;
}

/* keys_bind of up to 3 names given inline; the error is kept in
 * last_err. */
static char last_err[256];

static int
bind3(enum action a, size_t n, const char *k0, const char *k1, const char *k2)
{
    const char *names[3] = {k0, k1, k2};

    return keys_bind(a, names, n, last_err, sizeof(last_err));
}

/* ---------------------------------------------------------------------- */
/* keys_parse_name */

static const struct {
    const char *name;
    int code;
    bool is_function;
} good_names[] = {
    {"F1", KEY_F(1), true},
    {"F2", KEY_F(2), true},
    {"F9", KEY_F(9), true},
    {"F10", KEY_F(10), true},
    {"F12", KEY_F(12), true},
    {"f5", KEY_F(5), true},
    {"^A", 1, false},
    {"^S", 19, false},
    {"^Z", 26, false},
    {"^g", 7, false},
    {"C-a", 1, false},
    {"C-X", 24, false},
    {"c-q", 17, false},
    {"^I", '\t', false}, /* Tab by another name */
    {"^M", '\r', false}, /* Enter by another name */
    {"Esc", 27, false},
    {"ESC", 27, false},
    {"Enter", '\r', false},
    {"enter", '\r', false},
    {"Tab", '\t', false},
    {"S-Tab", KEY_BTAB, true},
    {"Space", ' ', false},
    {"Up", KEY_UP, true},
    {"Down", KEY_DOWN, true},
    {"Left", KEY_LEFT, true},
    {"Right", KEY_RIGHT, true},
    {"Home", KEY_HOME, true},
    {"End", KEY_END, true},
    {"PgUp", KEY_PPAGE, true},
    {"pgdn", KEY_NPAGE, true},
    {"Ins", KEY_IC, true},
    {"Del", KEY_DC, true},
    {"q", 'q', false},
    {"Q", 'Q', false},
    {"?", '?', false},
    {"/", '/', false},
    {":", ':', false},
    {"*", '*', false},
    {"^", '^', false}, /* one character, not a control key */
    {"F", 'F', false},
    {"C", 'C', false},
    {"~", '~', false},
    {" ", ' ', false},
    {"\xc3\xa9", 0xE9, false},             /* é, two bytes */
    {"\xc2\xa0", 0xA0, false},             /* no-break space, first past C1 */
    {"\xe6\x94\xb9", 0x6539, false},       /* 改 */
    {"\xe4\xb6\xae", 0x4DAE, false},       /* 䶮 */
    {"\xef\xbc\x9f", 0xFF1F, false},       /* ？ fullwidth */
    {"\xf0\xa0\xae\xb7", 0x20BB7, false},  /* 𠮷, outside the BMP */
    {"\xf4\x8f\xbf\xbd", 0x10FFFD, false}, /* the last plane */
};
#define NGOOD_NAMES (sizeof(good_names) / sizeof(good_names[0]))

START_TEST(test_parse_good)
{
    wint_t code = 0;
    bool fn = !good_names[_i].is_function;

    ck_assert_msg(keys_parse_name(good_names[_i].name, &code, &fn) == 0,
                  "\"%s\" refused", good_names[_i].name);
    ck_assert_msg(code == (wint_t)good_names[_i].code, "\"%s\": %ld",
                  good_names[_i].name, (long)code);
    ck_assert_msg(fn == good_names[_i].is_function, "\"%s\": is_function",
                  good_names[_i].name);
}
END_TEST

static const char *const bad_names[] = {
    "",
    "F0",
    "F13",
    "F01",
    "F1x",
    "F100",
    "F-1",
    "^1",
    "^@",
    "^[",
    "^AB",
    "C-",
    "C-1",
    "C-ab",
    "M-x",
    "Ctrl-A",
    "Escape",
    "Return",
    "PageUp",
    "qq",
    " q",
    "q ",
    "\x01",
    "\x1b",
    "\x7f",
    "\t",
    "\xc2\x80",         /* C1 control */
    "\xc2\x9f",         /* C1 control */
    "\xc3",             /* cut short */
    "\xe6\x94",         /* cut short */
    "\xa9",             /* a continuation byte alone */
    "\xc0\xaf",         /* overlong '/' */
    "\xe0\x80\xaf",     /* overlong '/' */
    "\xed\xa0\x80",     /* a surrogate */
    "\xf4\x90\x80\x80", /* past U+10FFFF */
    "\xff",
    "\xe6\x94\xb9\xe5\x8f\x98", /* two characters, 改变 */
};
#define NBAD_NAMES (sizeof(bad_names) / sizeof(bad_names[0]))

START_TEST(test_parse_bad)
{
    wint_t code = 4242;
    bool fn = true;

    ck_assert_msg(keys_parse_name(bad_names[_i], &code, &fn) == -1,
                  "bad name %d taken", _i);
    /* Nothing written on failure. */
    ck_assert_uint_eq(code, 4242);
    ck_assert(fn);
}
END_TEST

START_TEST(test_parse_null)
{
    wint_t code = 7;
    bool fn = false;

    ck_assert_int_eq(keys_parse_name(NULL, &code, &fn), -1);
    ck_assert_uint_eq(code, 7);
}
END_TEST

/* What keys_code_name shows is a name keys_parse_name takes back. */
START_TEST(test_parse_round_trip)
{
    static const char *const shown[] = {
        "F1",
        "F12",
        "^A",
        "^Z",
        "Esc",
        "Enter",
        "Tab",
        "S-Tab",
        "Up",
        "Down",
        "Left",
        "Right",
        "Home",
        "End",
        "PgUp",
        "PgDn",
        "Ins",
        "Del",
        "q",
        "?",
        "\xe6\x94\xb9",
        "\xf0\xa0\xae\xb7",
        "Space",
    };

    for (size_t i = 0; i < sizeof(shown) / sizeof(shown[0]); i++) {
        wint_t code;
        bool fn;
        char back[32];

        ck_assert_int_eq(keys_parse_name(shown[i], &code, &fn), 0);
        keys_code_name(code, fn, back, sizeof(back));
        ck_assert_str_eq(back, shown[i]);
    }
}
END_TEST

/* ---------------------------------------------------------------------- */
/* The defaults of ACTION_LIST */

START_TEST(test_defaults)
{
    ck_assert_str_eq(names_of(ACT_HELP, KEYS_ALL), "F1/?");
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_ALL), "F2/^S");
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_PRIMARY), "F2");
    ck_assert_str_eq(names_of(ACT_SUBMIT, KEYS_ALL), "F10/^X");
    ck_assert_str_eq(names_of(ACT_OPEN, KEYS_ALL), "Enter");
    ck_assert_str_eq(names_of(ACT_BACK, KEYS_ALL), "Esc/q");
    ck_assert_str_eq(names_of(ACT_BACK, KEYS_PRIMARY), "Esc");
    ck_assert_str_eq(names_of(ACT_NEXT_FIELD, KEYS_ALL), "Tab");
    ck_assert_str_eq(names_of(ACT_PREV_FIELD, KEYS_ALL), "S-Tab");
    ck_assert_str_eq(names_of(ACT_QUIT, KEYS_ALL), "^Q");
    ck_assert_str_eq(names_of(ACT_NONE, KEYS_ALL), "");
    ck_assert_str_eq(names_of(ACT_COUNT, KEYS_ALL), "");

    ck_assert_int_eq(action_of_fkey(KEY_F(2)), ACT_SAVE);
    ck_assert_int_eq(action_of_char('S' - 64), ACT_SAVE);
    ck_assert_int_eq(action_of_char('?'), ACT_HELP);
    ck_assert_int_eq(action_of_char('q'), ACT_BACK);
    ck_assert_int_eq(action_of_char(27), ACT_BACK);
    ck_assert_int_eq(action_of_char('\t'), ACT_NEXT_FIELD);
    ck_assert_int_eq(action_of_fkey(KEY_BTAB), ACT_PREV_FIELD);
    /* Enter however it arrives. */
    ck_assert_int_eq(action_of_char('\r'), ACT_OPEN);
    ck_assert_int_eq(action_of_char('\n'), ACT_OPEN);
    ck_assert_int_eq(action_of_fkey(KEY_ENTER), ACT_OPEN);
    /* Nothing bound. */
    ck_assert_int_eq(action_of_char('z'), ACT_NONE);
    ck_assert_int_eq(action_of_char(0), ACT_NONE);
    ck_assert_int_eq(action_of_fkey(KEY_F(13)), ACT_NONE);
    ck_assert_int_eq(action_of_char(KEY_F(2)), ACT_NONE); /* not as a char */
    ck_assert_int_eq(action_of_fkey('S' - 64), ACT_NONE);
}
END_TEST

/* Every action has a name, a label and a key; names go both ways. */
START_TEST(test_every_action)
{
    for (int a = 1; a < ACT_COUNT; a++) {
        const char *id = keys_id((enum action)a);

        ck_assert_str_ne(id, "");
        ck_assert_int_eq(keys_by_id(id), a);
        ck_assert_str_ne(keys_label((enum action)a), "");
        ck_assert_msg(names_of((enum action)a, KEYS_ALL)[0] != '\0',
                      "%s has no key", id);
    }
    ck_assert_int_eq(keys_by_id("frobnicate"), ACT_NONE);
    ck_assert_int_eq(keys_by_id("none"), ACT_NONE);
    ck_assert_int_eq(keys_by_id(""), ACT_NONE);
    ck_assert_int_eq(keys_by_id(NULL), ACT_NONE);
}
END_TEST

/* Every key a name can give (F-keys, control keys, named keys, ASCII),
 * each taken by its action in turn: the defaults bind no key twice. */
START_TEST(test_defaults_unique)
{
    char name[8];

    for (int c = 0; c < 12 + 26 + 15 + 94; c++) {
        static const char *const named[] = {
            "Esc",   "Enter", "Tab", "S-Tab", "Space", "Up",  "Down", "Left",
            "Right", "Home",  "End", "PgUp",  "PgDn",  "Ins", "Del",
        };
        wint_t code;
        bool fn;
        struct key k;
        enum action a;

        if (c < 12)
            snprintf(name, sizeof(name), "F%d", c + 1);
        else if (c < 12 + 26)
            snprintf(name, sizeof(name), "^%c", 'A' + (c - 12));
        else if (c < 12 + 26 + 15)
            snprintf(name, sizeof(name), "%s", named[c - 12 - 26]);
        else
            snprintf(name, sizeof(name), "%c", '!' + (c - 12 - 26 - 15));
        ck_assert_int_eq(keys_parse_name(name, &code, &fn), 0);
        k = keys_make(fn ? KEY_CODE_YES : OK, code);
        a = k.action;
        if (a == ACT_NONE)
            continue;
        /* Take a's keys away: no other action may still have the key. */
        ck_assert_int_eq(keys_bind(a, NULL, 0, last_err, sizeof(last_err)), 0);
        k = keys_make(fn ? KEY_CODE_YES : OK, code);
        ck_assert_msg(k.action == ACT_NONE, "%s is bound to %s and %s", name,
                      keys_id(a), keys_id(k.action));
        keys_reset();
    }
}
END_TEST

/* ---------------------------------------------------------------------- */
/* keys_bind */

START_TEST(test_bind_replaces)
{
    /* save = [ "F2", "^Z" ]: ^S no longer saves, ^Z does. */
    ck_assert_int_eq(bind3(ACT_SAVE, 2, "F2", "^Z", NULL), 0);
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_ALL), "F2/^Z");
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_PRIMARY), "F2");
    ck_assert_int_eq(action_of_char('Z' - 64), ACT_SAVE);
    ck_assert_int_eq(action_of_fkey(KEY_F(2)), ACT_SAVE);
    ck_assert_int_eq(action_of_char('S' - 64), ACT_NONE);
    /* Others keep their defaults. */
    ck_assert_str_eq(names_of(ACT_SUBMIT, KEYS_ALL), "F10/^X");
    ck_assert_str_eq(names_of(ACT_BACK, KEYS_ALL), "Esc/q");

    /* The first key listed is the primary one. */
    ck_assert_int_eq(bind3(ACT_SAVE, 2, "C-z", "F2", NULL), 0);
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_PRIMARY), "^Z");
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_ALL), "^Z/F2");

    /* An action's own keys may be given again, in any spelling. */
    ck_assert_int_eq(bind3(ACT_BACK, 2, "ESC", "q", NULL), 0);
    ck_assert_str_eq(names_of(ACT_BACK, KEYS_ALL), "Esc/q");

    /* None at all. */
    ck_assert_int_eq(keys_bind(ACT_QUIT, NULL, 0, last_err, sizeof(last_err)),
                     0);
    ck_assert_str_eq(names_of(ACT_QUIT, KEYS_ALL), "");
    ck_assert_str_eq(names_of(ACT_QUIT, KEYS_PRIMARY), "");
    ck_assert_int_eq(action_of_char('Q' - 64), ACT_NONE);

    /* A freed key may go to another action. */
    ck_assert_int_eq(bind3(ACT_REFRESH, 2, "^Q", "F2", NULL), -1);
    ck_assert_str_eq(last_err, "\"F2\" is already bound to save");
    ck_assert_int_eq(bind3(ACT_REFRESH, 2, "^Q", "^S", NULL), 0);
    ck_assert_int_eq(action_of_char('Q' - 64), ACT_REFRESH);
    ck_assert_int_eq(action_of_char('S' - 64), ACT_REFRESH);
    ck_assert_int_eq(action_of_char('R' - 64), ACT_NONE);

    keys_reset();
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_ALL), "F2/^S");
    ck_assert_str_eq(names_of(ACT_QUIT, KEYS_ALL), "^Q");
    ck_assert_int_eq(action_of_char('R' - 64), ACT_REFRESH);
}
END_TEST

/* Enter, Tab and Esc can be bound away from open, next-field and back. */
START_TEST(test_bind_enter_tab_esc)
{
    ck_assert_int_eq(bind3(ACT_SUBMIT, 1, "Enter", NULL, NULL), -1);
    ck_assert_str_eq(last_err, "\"Enter\" is already bound to open");
    ck_assert_int_eq(bind3(ACT_OPEN, 1, "o", NULL, NULL), 0);
    ck_assert_int_eq(action_of_char('\r'), ACT_NONE);
    ck_assert_int_eq(bind3(ACT_SUBMIT, 2, "Enter", "F10", NULL), 0);
    ck_assert_int_eq(action_of_char('\r'), ACT_SUBMIT);
    ck_assert_int_eq(action_of_char('\n'), ACT_SUBMIT);
    ck_assert_int_eq(action_of_fkey(KEY_ENTER), ACT_SUBMIT);
    ck_assert_int_eq(action_of_char('o'), ACT_OPEN);
    ck_assert_str_eq(names_of(ACT_SUBMIT, KEYS_ALL), "Enter/F10");

    /* ^I is Tab; Esc may move to another action. */
    ck_assert_int_eq(bind3(ACT_NEXT_FIELD, 1, "^N", NULL, NULL), -1);
    ck_assert_str_eq(last_err, "\"^N\" is already bound to new");
    ck_assert_int_eq(bind3(ACT_NEXT_FIELD, 1, "Down", NULL, NULL), 0);
    ck_assert_int_eq(action_of_char('\t'), ACT_NONE);
    ck_assert_int_eq(action_of_fkey(KEY_DOWN), ACT_NEXT_FIELD);
    ck_assert_int_eq(bind3(ACT_PREV_FIELD, 2, "^I", "Up", NULL), 0);
    ck_assert_int_eq(action_of_char('\t'), ACT_PREV_FIELD);
    ck_assert_str_eq(names_of(ACT_PREV_FIELD, KEYS_ALL), "Tab/Up");
    ck_assert_int_eq(bind3(ACT_BACK, 1, "q", NULL, NULL), 0);
    ck_assert_int_eq(bind3(ACT_QUIT, 2, "Esc", "^Q", NULL), 0);
    ck_assert_int_eq(action_of_char(27), ACT_QUIT);
}
END_TEST

START_TEST(test_bind_utf8)
{
    ck_assert_int_eq(bind3(ACT_HELP, 3, "F1", "\xef\xbc\x9f", "?"), 0);
    ck_assert_str_eq(names_of(ACT_HELP, KEYS_ALL), "F1/\xef\xbc\x9f/?");
    ck_assert_int_eq(action_of_char(0xFF1F), ACT_HELP);
    ck_assert_int_eq(
        bind3(ACT_SAVE, 2, "\xe5\xad\x98", "\xf0\xa0\xae\xb7", NULL), 0);
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_ALL),
                     "\xe5\xad\x98/\xf0\xa0\xae\xb7");
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_PRIMARY), "\xe5\xad\x98");
    ck_assert_int_eq(action_of_char(0x5B58), ACT_SAVE);
    ck_assert_int_eq(action_of_char(0x20BB7), ACT_SAVE);
    ck_assert_int_eq(action_of_fkey(KEY_F(2)), ACT_NONE);
}
END_TEST

START_TEST(test_bind_errors)
{
    const char *nine[9] = {"F2", "^S", "a", "b", "c", "d", "e", "f", "g"};
    const char *eight[8] = {"F2", "^S", "g", "h", "i", "j", "k", "m"};

    ck_assert_int_eq(bind3(ACT_SAVE, 2, "F2", "F13", NULL), -1);
    ck_assert_str_eq(last_err, "unknown key name \"F13\"");
    ck_assert_int_eq(bind3(ACT_SAVE, 1, "", NULL, NULL), -1);
    ck_assert_str_eq(last_err, "unknown key name \"\"");
    ck_assert_int_eq(bind3(ACT_SAVE, 1, NULL, NULL, NULL), -1);
    ck_assert_str_eq(last_err, "unknown key name \"\"");
    ck_assert_int_eq(bind3(ACT_SAVE, 2, "F2", "f2", NULL), -1);
    ck_assert_str_eq(last_err, "\"F2\" is listed twice");
    ck_assert_int_eq(bind3(ACT_SAVE, 2, "^Z", "C-z", NULL), -1);
    ck_assert_str_eq(last_err, "\"^Z\" is listed twice");
    ck_assert_int_eq(bind3(ACT_SAVE, 2, "F2", "F10", NULL), -1);
    ck_assert_str_eq(last_err, "\"F10\" is already bound to submit");
    ck_assert_int_eq(bind3(ACT_SAVE, 1, "^X", NULL, NULL), -1);
    ck_assert_str_eq(last_err, "\"^X\" is already bound to submit");
    ck_assert_int_eq(bind3(ACT_SAVE, 1, "q", NULL, NULL), -1);
    ck_assert_str_eq(last_err, "\"q\" is already bound to back");
    ck_assert_int_eq(keys_bind(ACT_SAVE, nine, 9, last_err, sizeof(last_err)),
                     -1);
    ck_assert_str_eq(last_err, "at most 8 keys");
    ck_assert_int_eq(bind3(ACT_NONE, 1, "F2", NULL, NULL), -1);
    ck_assert_str_eq(last_err, "no such action");
    ck_assert_int_eq(bind3(ACT_COUNT, 1, "F2", NULL, NULL), -1);
    ck_assert_str_eq(last_err, "no such action");
    /* A failed binding changes nothing. */
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_ALL), "F2/^S");
    ck_assert_int_eq(action_of_char('S' - 64), ACT_SAVE);
    /* Eight is the most; an error is cut to its buffer. */
    ck_assert_int_eq(keys_bind(ACT_SAVE, eight, 8, last_err, sizeof(last_err)),
                     0);
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_ALL), "F2/^S/g/h/i/j/k/m");
    ck_assert_int_eq(bind3(ACT_NEW, 1, "g", NULL, NULL), -1);
    ck_assert_int_eq(keys_bind(ACT_NEW, eight + 2, 1, last_err, 6), -1);
    ck_assert_str_eq(last_err, "\"g\" i");
}
END_TEST

/* keys_names cuts at a whole name, never inside a character. */
START_TEST(test_names_cut)
{
    char buf[16];

    ck_assert_str_eq(keys_names(ACT_SAVE, KEYS_ALL, buf, 6), "F2/^S");
    ck_assert_str_eq(keys_names(ACT_SAVE, KEYS_ALL, buf, 5), "F2");
    ck_assert_str_eq(keys_names(ACT_SAVE, KEYS_ALL, buf, 3), "F2");
    ck_assert_str_eq(keys_names(ACT_SAVE, KEYS_ALL, buf, 2), "");
    buf[0] = 'x';
    ck_assert_ptr_eq(keys_names(ACT_SAVE, KEYS_ALL, buf, 0), buf);
    ck_assert_int_eq(buf[0], 'x');
    ck_assert_int_eq(bind3(ACT_SAVE, 2, "\xe5\xad\x98", "F2", NULL), 0);
    ck_assert_str_eq(keys_names(ACT_SAVE, KEYS_ALL, buf, 4), "\xe5\xad\x98");
    ck_assert_str_eq(keys_names(ACT_SAVE, KEYS_ALL, buf, 3), "");
}
END_TEST

/* ---------------------------------------------------------------------- */
/* keys_apply: the keys group of a file */

/* Load text as a configuration; the settings (free them). */
static struct settings *
load(const char *text, char *path, size_t size)
{
    struct settings_error err;
    struct settings *s = NULL;

    write_tmp(path, size, "eduaid.conf", text);
    ck_assert_msg(settings_load(path, NULL, "/f", &s, &err) == 0, "%s:%d: %s",
                  err.file, err.line, err.message);
    return s;
}

START_TEST(test_apply_good)
{
    char path[512];
    struct settings_error err;
    struct settings *s = load("keys:\n"
                              "{\n"
                              "  save = [ \"F2\", \"^Z\" ];\n"
                              "  submit = [ \"F10\", \"^X\" ];\n"
                              "  back = [ \"Esc\", \"q\" ];\n"
                              "  quit = \"C-q\";\n"
                              "  help = [];\n"
                              "};\n",
                              path, sizeof(path));

    ck_assert_msg(keys_apply(s->bindings, s->nbindings, &err) == 0, "%s:%d: %s",
                  err.file, err.line, err.message);
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_ALL), "F2/^Z");
    ck_assert_str_eq(names_of(ACT_SUBMIT, KEYS_ALL), "F10/^X");
    ck_assert_str_eq(names_of(ACT_BACK, KEYS_ALL), "Esc/q");
    ck_assert_str_eq(names_of(ACT_QUIT, KEYS_ALL), "^Q");
    ck_assert_str_eq(names_of(ACT_HELP, KEYS_ALL), "");
    ck_assert_str_eq(names_of(ACT_NEW, KEYS_ALL), "F3/^N"); /* not named */
    ck_assert_int_eq(action_of_char('S' - 64), ACT_NONE);
    ck_assert_int_eq(action_of_char('Z' - 64), ACT_SAVE);
    ck_assert_int_eq(action_of_fkey(KEY_F(1)), ACT_NONE);
    settings_free(s);

    /* Applying starts from the defaults: nothing of the last file stays. */
    ck_assert_int_eq(keys_apply(NULL, 0, &err), 0);
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_ALL), "F2/^S");
    ck_assert_str_eq(names_of(ACT_HELP, KEYS_ALL), "F1/?");

    /* Keys move between actions in either order of the file. */
    s = load("keys:\n"
             "{\n"
             "  save = [ \"F3\", \"^S\" ];\n" /* F3 was new's */
             "  new = [ \"F2\", \"^N\" ];\n"  /* F2 was save's */
             "};\n",
             path, sizeof(path));
    ck_assert_msg(keys_apply(s->bindings, s->nbindings, &err) == 0, "%s:%d: %s",
                  err.file, err.line, err.message);
    ck_assert_int_eq(action_of_fkey(KEY_F(3)), ACT_SAVE);
    ck_assert_int_eq(action_of_fkey(KEY_F(2)), ACT_NEW);
    ck_assert_str_eq(names_of(ACT_NEW, KEYS_PRIMARY), "F2");
    settings_free(s);
}
END_TEST

/* Bad bindings: file, line and "keys.<action>: ..."; the map is the
 * defaults afterwards. The line of each case is the marked one. */
static const struct {
    const char *text;
    const char *message;
} bad_apply[] = {
    {"keys:\n{\n  save = [ \"F2\", \"F13\" ];  # <- error\n};\n",
     "keys.save: unknown key name \"F13\""},
    {"keys:\n{\n  save = [ \"F2\" ];\n  frobnicate = [ \"F7\" ];  # <- error\n"
     "};\n",
     "keys.frobnicate: no such action"},
    /* The first error of the file, whatever its kind. */
    {"keys:\n{\n  save = [ \"F13\" ];  # <- error\n  frobnicate = [ \"x\" ];\n"
     "  new = [ \"F10\" ];\n};\n",
     "keys.save: unknown key name \"F13\""},
    {"keys:\n{\n  none = [ \"F7\" ];  # <- error\n};\n",
     "keys.none: no such action"},
    {"keys:\n{\n  save = [ \"F2\", \"F10\" ];  # <- error\n};\n",
     "keys.save: \"F10\" is already bound to submit"},
    {"keys:\n{\n  submit = [ \"F10\", \"^X\" ];\n"
     "  save = [ \"F2\", \"C-x\" ];  # <- error\n};\n",
     "keys.save: \"^X\" is already bound to submit"},
    {"keys:\n{\n  save = [ \"F3\" ];\n  new = [ \"F3\" ];  # <- error\n};\n",
     "keys.new: \"F3\" is already bound to save"},
    {"keys:\n{\n  save = [ \"F2\", \"f2\" ];  # <- error\n};\n",
     "keys.save: \"F2\" is listed twice"},
    /* A list over several lines: the line of its name. */
    {"keys:\n{\n  save = [ \"F2\",  # <- error\n    \"Ctrl-S\" ];\n};\n",
     "keys.save: unknown key name \"Ctrl-S\""},
    {"keys:\n{\n  save = [ \"F2\", \"\" ];  # <- error\n};\n",
     "keys.save: unknown key name \"\""},
    {"keys:\n{\n  save = [ \"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", "
     "\"8\", \"9\" ];  # <- error\n};\n",
     "keys.save: at most 8 keys"},
};
#define NBAD_APPLY (sizeof(bad_apply) / sizeof(bad_apply[0]))

START_TEST(test_apply_bad)
{
    char path[512];
    struct settings_error err;
    struct settings *s = load(bad_apply[_i].text, path, sizeof(path));
    const char *m = strstr(bad_apply[_i].text, "# <- error");
    int line = 1;

    ck_assert_ptr_nonnull(m);
    for (const char *p = bad_apply[_i].text; p < m; p++)
        line += *p == '\n';
    memset(&err, 0, sizeof(err));
    ck_assert_int_eq(keys_apply(s->bindings, s->nbindings, &err), -1);
    ck_assert_str_eq(err.file, path);
    ck_assert_msg(err.line == line, "case %d: line %d, not %d (%s)", _i,
                  err.line, line, err.message);
    ck_assert_str_eq(err.message, bad_apply[_i].message);
    /* Back to the defaults. */
    ck_assert_str_eq(names_of(ACT_SAVE, KEYS_ALL), "F2/^S");
    ck_assert_str_eq(names_of(ACT_NEW, KEYS_ALL), "F3/^N");
    ck_assert_str_eq(names_of(ACT_SUBMIT, KEYS_ALL), "F10/^X");
    /* err may be NULL. */
    ck_assert_int_eq(keys_apply(s->bindings, s->nbindings, NULL), -1);
    settings_free(s);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* conf/eduaid.conf */

/* The whole of a file, malloc'd; fails the test when it cannot be read. */
static char *
read_text(const char *path)
{
    FILE *fp = fopen(path, "r");
    char *buf;
    long n;

    ck_assert_msg(fp != NULL, "cannot open %s", path);
    ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
    n = ftell(fp);
    ck_assert_int_ge(n, 0);
    rewind(fp);
    buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

/*
 * The example's keys group lists every action, commented out, with its
 * default keys: uncommented, it binds exactly the defaults. A new action
 * in ACTION_LIST, or a changed default, must be written there too.
 */
START_TEST(test_example_documents_defaults)
{
    char conf[1024], path[512], want[ACT_COUNT][128];
    const char *top = getenv("top_srcdir");
    char *text, *group, *end, *out, *o;
    struct settings *s;
    struct settings_error err;
    bool seen[ACT_COUNT] = {false};

    snprintf(conf, sizeof(conf), "%s/conf/eduaid.conf",
             top != NULL && top[0] != '\0' ? top : ".");
    text = read_text(conf);
    group = strstr(text, "\nkeys:\n{\n");
    ck_assert_msg(group != NULL, "no keys group in %s", conf);
    group += strlen("\nkeys:\n{\n");
    end = strstr(group, "\n};");
    ck_assert_ptr_nonnull(end);
    end[1] = '\0';

    /* "  # save = [ ... ];" -> "  save = [ ... ];" */
    out = malloc(strlen(group) + 32);
    ck_assert_ptr_nonnull(out);
    o = out + sprintf(out, "keys:\n{\n");
    for (char *line = group; *line != '\0';) {
        size_t n = strcspn(line, "\n");
        char *p = line + strspn(line, " ");

        if (*p == '#' && p[1] == ' ')
            p += 2;
        memcpy(o, p, n - (size_t)(p - line));
        o += n - (size_t)(p - line);
        *o++ = '\n';
        line += n + (line[n] == '\n');
    }
    strcpy(o, "};\n");
    s = load(out, path, sizeof(path));
    free(out);
    free(text);

    for (int a = 1; a < ACT_COUNT; a++)
        keys_names((enum action)a, KEYS_ALL, want[a], sizeof(want[a]));
    for (size_t i = 0; i < s->nbindings; i++) {
        enum action a = keys_by_id(s->bindings[i].action);

        ck_assert_msg(a != ACT_NONE, "%s:%d: no action %s", conf,
                      s->bindings[i].line, s->bindings[i].action);
        seen[a] = true;
    }
    ck_assert_msg(keys_apply(s->bindings, s->nbindings, &err) == 0, "%s: %s",
                  conf, err.message);
    for (int a = 1; a < ACT_COUNT; a++) {
        ck_assert_msg(seen[a], "%s does not list %s", conf,
                      keys_id((enum action)a));
        ck_assert_msg(strcmp(names_of((enum action)a, KEYS_ALL), want[a]) == 0,
                      "%s lists %s as %s, the default is %s", conf,
                      keys_id((enum action)a),
                      names_of((enum action)a, KEYS_ALL), want[a]);
    }
    settings_free(s);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* The key map of text fields */

static enum edit_op
edit_op_of(bool fn, wint_t code, enum edit_where where)
{
    struct key k = keys_make(fn ? KEY_CODE_YES : OK, code);

    return editkeys_op(&k, where);
}

/* Keys that edit the same in a form field and in the pick list's filter. */
START_TEST(test_edit_common)
{
    static const struct {
        bool fn;
        wint_t code;
        enum edit_op op;
    } common[] = {
        {false, 'x', EDIT_INSERT},
        {false, 0x4E2D, EDIT_INSERT},                /* 中 */
        {false, (wint_t)KEY_BACKSPACE, EDIT_INSERT}, /* U+0107 typed */
        {false, 'q', EDIT_INSERT},                   /* Back's key, but text */
        {true, KEY_BACKSPACE, EDIT_BACKSPACE},
        {false, 127, EDIT_BACKSPACE},
        {false, 8, EDIT_BACKSPACE},
        {true, KEY_DC, EDIT_DELETE},
        {false, 11, EDIT_KILL_TO_END},
        {false, 21, EDIT_KILL_TO_START},
        {true, KEY_LEFT, EDIT_LEFT},
        {false, 2, EDIT_LEFT}, /* ^B */
        {true, KEY_RIGHT, EDIT_RIGHT},
        {true, KEY_HOME, EDIT_HOME},
        {true, KEY_FIND, EDIT_HOME},
        {true, KEY_END, EDIT_END},
        {true, KEY_SELECT, EDIT_END},
        {false, '\t', EDIT_NONE},
        {false, '\r', EDIT_NONE},
        {false, 27, EDIT_NONE},
        {true, KEY_UP, EDIT_NONE},
        {false, 0, EDIT_NONE}, /* the app's tick */
    };

    for (size_t i = 0; i < sizeof(common) / sizeof(common[0]); i++) {
        ck_assert_int_eq(
            edit_op_of(common[i].fn, common[i].code, EDIT_ON_SCREEN),
            common[i].op);
        ck_assert_int_eq(edit_op_of(common[i].fn, common[i].code, EDIT_MODAL),
                         common[i].op);
    }
}
END_TEST

/* ^A, ^E and ^F are Add row, Error details and Filter on a screen, and
 * Home, End and Right in the pick list's filter; a key bound by the
 * configuration to an action is the action's on a screen. */
START_TEST(test_edit_actions_first)
{
    const char *ctrl_b[] = {"^B"};
    char err[256];

    ck_assert_int_eq(edit_op_of(false, 1, EDIT_ON_SCREEN), EDIT_NONE);
    ck_assert_int_eq(edit_op_of(false, 5, EDIT_ON_SCREEN), EDIT_NONE);
    ck_assert_int_eq(edit_op_of(false, 6, EDIT_ON_SCREEN), EDIT_NONE);
    ck_assert_int_eq(edit_op_of(false, 1, EDIT_MODAL), EDIT_HOME);
    ck_assert_int_eq(edit_op_of(false, 5, EDIT_MODAL), EDIT_END);
    ck_assert_int_eq(edit_op_of(false, 6, EDIT_MODAL), EDIT_RIGHT);
    ck_assert_int_eq(keys_bind(ACT_HISTORY, ctrl_b, 1, err, sizeof(err)), 0);
    ck_assert_int_eq(edit_op_of(false, 2, EDIT_ON_SCREEN), EDIT_NONE);
    ck_assert_int_eq(edit_op_of(false, 2, EDIT_MODAL), EDIT_LEFT);
}
END_TEST

/* Applying the map: the text and the cursor, and whether it changed. */
START_TEST(test_edit_apply)
{
    struct lineedit e;
    struct key k;
    bool changed;
    char *s;

    ck_assert(lineedit_init(&e, 20));
    ck_assert(lineedit_set_utf8(&e, "ab"));
    k = keys_make(OK, 1); /* ^A: Home in a modal line */
    ck_assert(editkeys_apply(&e, &k, EDIT_MODAL, &changed));
    ck_assert(!changed);
    k = keys_make(OK, 0x4E2D);
    ck_assert(editkeys_apply(&e, &k, EDIT_ON_SCREEN, &changed));
    ck_assert(changed);
    k = keys_make(OK, 11); /* ^K */
    ck_assert(editkeys_apply(&e, &k, EDIT_ON_SCREEN, &changed));
    ck_assert(changed);
    ck_assert_ptr_nonnull(s = lineedit_utf8(&e));
    ck_assert_str_eq(s, "\xe4\xb8\xad");
    free(s);
    k = keys_make(OK, 1); /* ^A: Add row on a screen, not for the editor */
    ck_assert(!editkeys_apply(&e, &k, EDIT_ON_SCREEN, &changed));
    ck_assert(!editkeys_op_changes(EDIT_LEFT));
    ck_assert(editkeys_op_changes(EDIT_KILL_TO_START));
    lineedit_free(&e);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* The key bar and the help: one table, one truth (issue 12) */

/* A screen's table as the tests make it: actions, which are available,
 * labels in Chinese or English. */
struct fake {
    enum action acts[ACT_COUNT + 1];
    bool avail[ACT_COUNT];
    bool zh;
};

static const enum action *
fake_actions(struct screen *s)
{
    return ((struct fake *)s->data)->acts;
}

static bool
fake_available(struct screen *s, enum action a, const char **why)
{
    struct fake *f = s->data;

    if (!f->avail[a])
        *why = "not in this state";
    return f->avail[a];
}

static const char *
fake_label(struct screen *s, enum action a)
{
    struct fake *f = s->data;

    if (!f->zh)
        return NULL;
    switch (a) { /* po/zh_CN.po's words */
    case ACT_SAVE:
        return "保存";
    case ACT_SUBMIT:
        return "提交";
    case ACT_HISTORY:
        return "历史记录";
    case ACT_LOOKUP:
        return "选择";
    case ACT_ADD_ROW:
        return "添加行";
    case ACT_DELETE_ROW:
        return "删除行";
    case ACT_TRANSFER:
        return "迁出";
    case ACT_HELP:
        return "帮助";
    case ACT_BACK:
        return "返回";
    default:
        return "其他操作";
    }
}

static const struct screen_ops fake_ops = {
    .name = "fake",
    .actions = fake_actions,
    .available = fake_available,
    .action_label = fake_label,
};

/* Table number i of the loop: every action of ACTION_LIST, in an order and
 * with an availability of its own. */
static void
fake_table(int i, struct fake *f, struct screen *s)
{
    unsigned x = 2166136261u ^ (unsigned)i;

    memset(f, 0, sizeof(*f));
    memset(s, 0, sizeof(*s));
    for (int a = 1; a < ACT_COUNT; a++) {
        x = x * 1103515245u + 12345u;
        f->acts[a - 1] = (enum action)(i % 2 ? a : ACT_COUNT - a);
        f->avail[f->acts[a - 1]] = (x >> 16) % 3 != 0;
    }
    f->acts[ACT_COUNT - 1] = ACT_NONE;
    f->zh = i % 4 >= 2;
    s->ops = &fake_ops;
    s->data = f;
}

/* The bar and the help of every table agree: each bar item is an action
 * the help lists plainly (available), with the same keys and label, in
 * the table's order; the help lists every action of the table once,
 * dimmed exactly when not available; Help and Back are on the bar when
 * available; the bar fits. */
START_TEST(test_bar_and_help_agree)
{
    static struct help_line lines[HELP_MAX_LINES];
    struct fake f;
    struct screen s;
    const int widths[] = {80, 100, 132, 1000};

    fake_table(_i, &f, &s);
    int nl = help_lines(&s, lines, HELP_MAX_LINES);

    for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
        struct keybar_item bar[ACT_COUNT];
        int nb = keybar_plan(&s, widths[w], bar, ACT_COUNT), cells = -1;
        int last = -1;
        bool help = false, back = false;

        for (int b = 0; b < nb; b++) {
            int at = -1;

            ck_assert_msg(f.avail[bar[b].a], "%s on the bar, not available",
                          keys_id(bar[b].a));
            for (int t = 0; f.acts[t] != ACT_NONE; t++)
                if (f.acts[t] == bar[b].a)
                    at = t;
            ck_assert_int_gt(at, last); /* the table's order */
            last = at;
            /* the help's "On this screen" lines come first, in order */
            ck_assert_str_eq(lines[1 + at].keys, bar[b].names);
            ck_assert_str_eq(lines[1 + at].label, bar[b].label);
            ck_assert(!lines[1 + at].unavailable);
            cells += text_utf8_cells(bar[b].names) + (bar[b].gap ? 1 : 0) +
                     text_utf8_cells(bar[b].label) + 1;
            help = help || bar[b].a == ACT_HELP;
            back = back || bar[b].a == ACT_BACK;
        }
        ck_assert_int_le(cells, widths[w]);
        ck_assert(help == f.avail[ACT_HELP]);
        ck_assert(back == f.avail[ACT_BACK]);
        if (widths[w] == 1000) { /* room for all: every available one */
            int avail = 0;

            for (int t = 0; f.acts[t] != ACT_NONE; t++)
                avail += f.avail[f.acts[t]] ? 1 : 0;
            ck_assert_int_eq(nb, avail);
        }
    }
    ck_assert(lines[0].heading);
    for (int t = 0; f.acts[t] != ACT_NONE; t++) {
        char names[64];

        keys_names(f.acts[t], KEYS_ALL, names, sizeof(names));
        ck_assert_int_lt(1 + t, nl);
        ck_assert(!lines[1 + t].heading);
        ck_assert_str_eq(lines[1 + t].keys, names);
        ck_assert(lines[1 + t].unavailable == !f.avail[f.acts[t]]);
        if (!f.avail[f.acts[t]]) /* dimmed, with why */
            ck_assert_ptr_nonnull(
                strstr(lines[1 + t].label, "not in this state"));
    }
}
END_TEST

/* One meaning per control key on a help page: no ^X names two lines
 * (^A and ^E were add-row and error details on a form, Home/End in the
 * help's editing keys; ^F, ^W, ^R, ^G, ^Y alike). */
START_TEST(test_help_one_meaning)
{
    static struct help_line lines[HELP_MAX_LINES];
    struct fake f;
    struct screen s;
    int nl;

    fake_table(_i, &f, &s);
    nl = help_lines(&s, lines, HELP_MAX_LINES);
    for (int i = 0; i < nl; i++)
        for (const char *p = strchr(lines[i].keys, '^'); p != NULL;
             p = strchr(p + 1, '^')) {
            char name[3] = {'^', p[1], '\0'};

            for (int j = i + 1; j < nl; j++) {
                const char *q = strstr(lines[j].keys, name);

                ck_assert_msg(q == NULL || (q[2] >= 'A' && q[2] <= 'Z'),
                              "%s means \"%s\" and \"%s\"", name,
                              lines[i].label, lines[j].label);
            }
        }
}
END_TEST

/* A household draft's bar at 80 columns in Chinese (its nine actions do
 * not fit with blanks): compact, every item shown with its control-key
 * twin (F2/^S ...: terminals without F-keys), the editing keys, Help and
 * Back all there; the history (F12/^O, in the help) gives way. */
START_TEST(test_bar_twins_at_80)
{
    const enum action form[] = {
        ACT_SAVE,    ACT_SUBMIT,   ACT_LOOKUP, ACT_ADD_ROW, ACT_DELETE_ROW,
        ACT_HISTORY, ACT_TRANSFER, ACT_HELP,   ACT_BACK,    ACT_NONE};
    const char *want[] = {"F2/^S", "F10/^X", "F5/^L", "F6/^A",
                          "F8/^D", "^G",     "F1/?",  "Esc/q"};
    struct keybar_item bar[ACT_COUNT];
    struct fake f;
    struct screen s;
    int nb;

    fake_table(0, &f, &s);
    memcpy(f.acts, form, sizeof(form));
    for (int i = 0; form[i] != ACT_NONE; i++)
        f.avail[form[i]] = true;
    f.zh = true;
    nb = keybar_plan(&s, 80, bar, ACT_COUNT);
    ck_assert_int_eq(nb, 8);
    for (int i = 0; i < nb; i++) {
        ck_assert_str_eq(bar[i].names, want[i]);
        ck_assert(!bar[i].gap); /* "F2/^S保存": compact */
    }
    /* wide enough: all nine, a blank between keys and label */
    nb = keybar_plan(&s, 132, bar, ACT_COUNT);
    ck_assert_int_eq(nb, 9);
    ck_assert(bar[0].gap);
}
END_TEST

/* ---------------------------------------------------------------------- */

/* ------------------------------------------------------------------
 * Terminals' key sequences (issue 13, Terminals): what follows an Esc
 * that the TERM's description did not know
 * ------------------------------------------------------------------ */

static const struct {
    const char *seq; /* after the Esc */
    int code;
} sequences[] = {
    /* PuTTY's default function keys (ESC [ 11~ .. ESC [ 24~) */
    {"[11~", KEY_F(1)},
    {"[12~", KEY_F(2)},
    {"[13~", KEY_F(3)},
    {"[14~", KEY_F(4)},
    {"[15~", KEY_F(5)},
    {"[17~", KEY_F(6)},
    {"[18~", KEY_F(7)},
    {"[19~", KEY_F(8)},
    {"[20~", KEY_F(9)},
    {"[21~", KEY_F(10)},
    {"[23~", KEY_F(11)},
    {"[24~", KEY_F(12)},
    /* xterm, vt100 (SS3), the Linux console */
    {"OP", KEY_F(1)},
    {"OQ", KEY_F(2)},
    {"OR", KEY_F(3)},
    {"OS", KEY_F(4)},
    {"[[A", KEY_F(1)},
    {"[[B", KEY_F(2)},
    {"[[E", KEY_F(5)},
    {"[1;2P", KEY_F(1)},
    /* arrows and paging, normal and application mode */
    {"[A", KEY_UP},
    {"[B", KEY_DOWN},
    {"OA", KEY_UP},
    {"OB", KEY_DOWN},
    {"[C", KEY_RIGHT},
    {"OD", KEY_LEFT},
    {"[5~", KEY_PPAGE},
    {"[6~", KEY_NPAGE},
    {"[1~", KEY_HOME},
    {"[4~", KEY_END},
    {"[H", KEY_HOME},
    {"OF", KEY_END},
    {"[Z", KEY_BTAB},
    /* what no key is */
    {"[16~", 0},
    {"[99~", 0},
    {"[[Z", 0},
    {"Ox", 0},
};
#define NSEQUENCES ((int)(sizeof(sequences) / sizeof(sequences[0])))

START_TEST(test_sequences)
{
    ck_assert_msg(keys_decode_sequence(sequences[_i].seq) == sequences[_i].code,
                  "ESC %s", sequences[_i].seq);
}
END_TEST

/* TERM=putty calls ESC [ A / ESC [ B (PuTTY's arrows with application
 * cursor keys off) kri and kind: curses gives KEY_SR and KEY_SF, which
 * move as Up and Down do. */
START_TEST(test_putty_scroll_keys_are_arrows)
{
    struct key up = keys_make(KEY_CODE_YES, (wint_t)KEY_SR);
    struct key down = keys_make(KEY_CODE_YES, (wint_t)KEY_SF);

    ck_assert(up.is_function && up.code == (wint_t)KEY_UP);
    ck_assert(down.is_function && down.code == (wint_t)KEY_DOWN);
}
END_TEST

/* Every F-key of the defaults has a control-key twin, for a terminal
 * without it (a vt100 has F1-F4): F1 has '?'. */
START_TEST(test_fkeys_have_twins)
{
    for (int a = 1; a < ACT_COUNT; a++) {
        char names[64];

        keys_names((enum action)a, KEYS_ALL, names, sizeof(names));
        if (strncmp(names, "F", 1) != 0 || names[1] < '1' || names[1] > '9')
            continue;
        ck_assert_msg(strchr(names, '/') != NULL, "%s: %s has no twin",
                      keys_id((enum action)a), names);
    }
}
END_TEST

static Suite *
keys_suite(void)
{
    Suite *s = suite_create("keys");
    TCase *tc = tcase_create("names");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_parse_good, 0, NGOOD_NAMES);
    tcase_add_loop_test(tc, test_parse_bad, 0, NBAD_NAMES);
    tcase_add_test(tc, test_parse_null);
    tcase_add_test(tc, test_parse_round_trip);
    suite_add_tcase(s, tc);

    tc = tcase_create("map");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_defaults);
    tcase_add_test(tc, test_every_action);
    tcase_add_test(tc, test_defaults_unique);
    tcase_add_test(tc, test_bind_replaces);
    tcase_add_test(tc, test_bind_enter_tab_esc);
    tcase_add_test(tc, test_bind_utf8);
    tcase_add_test(tc, test_bind_errors);
    tcase_add_test(tc, test_names_cut);
    suite_add_tcase(s, tc);

    tc = tcase_create("config");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_apply_good);
    tcase_add_loop_test(tc, test_apply_bad, 0, NBAD_APPLY);
    tcase_add_test(tc, test_example_documents_defaults);
    suite_add_tcase(s, tc);

    tc = tcase_create("editkeys");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_edit_common);
    tcase_add_test(tc, test_edit_actions_first);
    tcase_add_test(tc, test_edit_apply);
    suite_add_tcase(s, tc);

    tc = tcase_create("keybar");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_bar_and_help_agree, 0, 64);
    tcase_add_loop_test(tc, test_help_one_meaning, 0, 8);
    tcase_add_test(tc, test_bar_twins_at_80);
    suite_add_tcase(s, tc);

    tc = tcase_create("terminals");
    tcase_add_loop_test(tc, test_sequences, 0, NSEQUENCES);
    tcase_add_test(tc, test_putty_scroll_keys_are_arrows);
    tcase_add_test(tc, test_fkeys_have_twins);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr;
    int failed;

    /* wide characters take two cells (the key bar's Chinese labels) */
    if (setlocale(LC_ALL, "C.UTF-8") == NULL)
        (void)setlocale(LC_ALL, "en_US.UTF-8");
    sr = srunner_create(keys_suite());
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
