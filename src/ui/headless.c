/*
 * headless.c
 *   The client without a terminal (see headless.h): the key script, read
 *   and checked at start-up, fed to the key loop one key per pause, and
 *   the screen printed as text (and attributes) from stdscr.
 */
#include "config.h"

#include "ui/headless.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"
#include "ui/keys.h"
#include "ui/term.h"

/* The terminal type drawn for: fixed, so that the screens do not depend
 * on the caller's TERM. */
#define HEADLESS_TERM "xterm-256color"
/* Largest key script read. */
#define SCRIPT_MAX (1024 * 1024)

enum item_kind { IT_KEY, IT_DUMP, IT_ATTRS };

/* Longest name of a dump. */
#define LABEL_MAX 48

/* One thing the script does: a key (as get_wch would give it) or a dump. */
struct item {
    enum item_kind kind;
    int rc; /* OK or KEY_CODE_YES */
    wint_t code;
    char label[LABEL_MAX + 1]; /* of a dump; "" for its number */
};

static struct {
    bool active;
    int cols, rows;
    struct item *items;
    size_t n, cap, pos;
    bool tick_due;    /* a key was given: the next wait times out */
    bool dumped_last; /* nothing happened since the last dump */
    bool finished;
    int dumps;
    FILE *in, *out; /* /dev/null, for newterm */
} hl;

bool
headless_active(void)
{
    return hl.active;
}

bool
headless_finished(void)
{
    return hl.finished;
}

void
headless_free(void)
{
    free(hl.items);
    hl.items = NULL;
    hl.n = hl.cap = hl.pos = 0;
    hl.active = false;
}

/* ------------------------------------------------------------------
 * The script
 * ------------------------------------------------------------------ */

static int
add_item(enum item_kind kind, int rc, wint_t code, const char *label)
{
    if (hl.n == hl.cap) {
        size_t cap = hl.cap > 0 ? hl.cap * 2 : 256;
        struct item *v = realloc(hl.items, cap * sizeof(*v));

        if (v == NULL)
            return -1;
        hl.items = v;
        hl.cap = cap;
    }
    hl.items[hl.n].kind = kind;
    hl.items[hl.n].rc = rc;
    hl.items[hl.n].code = code;
    snprintf(hl.items[hl.n].label, sizeof(hl.items[hl.n].label), "%s",
             label != NULL ? label : "");
    hl.n++;
    return 0;
}

/* True for a name of a dump: letters, digits, '_', '-' and '.'. */
static bool
label_ok(const char *s)
{
    if (*s == '\0' || strlen(s) > LABEL_MAX)
        return false;
    for (; *s != '\0'; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
            return false;
    return true;
}

/* The item a <name> stands for. 0, or -1 for an unknown name. */
static int
add_named(const char *name)
{
    wint_t code;
    bool fn;

    if (strcmp(name, "dump") == 0)
        return add_item(IT_DUMP, OK, 0, NULL);
    if (strcmp(name, "attrs") == 0)
        return add_item(IT_ATTRS, OK, 0, NULL);
    if (strncmp(name, "dump ", 5) == 0 && label_ok(name + 5))
        return add_item(IT_DUMP, OK, 0, name + 5);
    if (strncmp(name, "attrs ", 6) == 0 && label_ok(name + 6))
        return add_item(IT_ATTRS, OK, 0, name + 6);
    if (strcmp(name, "lt") == 0)
        return add_item(IT_KEY, OK, '<', NULL);
    if (strcmp(name, "Backspace") == 0)
        return add_item(IT_KEY, KEY_CODE_YES, KEY_BACKSPACE, NULL);
    if (keys_parse_name(name, &code, &fn) != 0)
        return -1;
    return add_item(IT_KEY, fn ? KEY_CODE_YES : OK, code, NULL);
}

/* Parse one line of the script (no line end). 0, or -1 with err set. */
static int
parse_line(const char *path, int lineno, const char *s, char *err, size_t errsz)
{
    if (s[0] == '#')
        return 0;
    while (*s != '\0') {
        wchar_t c;
        int len;

        if (*s == '<') {
            const char *end = strchr(s, '>');
            char name[64];

            if (end == NULL || end - s - 1 <= 0 ||
                (size_t)(end - s - 1) >= sizeof(name)) {
                snprintf(err, errsz,
                         "%s:%d: a '<' without its key name and '>' "
                         "(type <lt> for '<')",
                         path, lineno);
                return -1;
            }
            memcpy(name, s + 1, (size_t)(end - s - 1));
            name[end - s - 1] = '\0';
            if (add_named(name) != 0) {
                snprintf(err, errsz, "%s:%d: unknown key <%s>", path, lineno,
                         name);
                return -1;
            }
            s = end + 1;
            continue;
        }
        len = text_utf8_next(s, &c);
        if (c == '\r' && s[1] == '\0')
            break; /* a CRLF line end */
        if (add_item(IT_KEY, OK, (wint_t)c, NULL) != 0) {
            snprintf(err, errsz, "out of memory");
            return -1;
        }
        s += len;
    }
    return 0;
}

/* The whole file at path, NUL-terminated, or NULL with err set. */
static char *
read_script(const char *path, char *err, size_t errsz)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    size_t n;

    if (fp == NULL) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        return NULL;
    }
    buf = malloc(SCRIPT_MAX + 1);
    if (buf == NULL) {
        fclose(fp);
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    n = fread(buf, 1, SCRIPT_MAX + 1, fp);
    if (ferror(fp) || n > SCRIPT_MAX) {
        snprintf(err, errsz, "%s: %s", path,
                 ferror(fp) ? strerror(errno) : "longer than 1 MiB");
        fclose(fp);
        free(buf);
        return NULL;
    }
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

/* "COLSxROWS" into hl.cols and hl.rows. 0 or -1. */
static int
parse_size(const char *size)
{
    char *end;
    long c, r;

    errno = 0;
    c = strtol(size, &end, 10);
    if (errno != 0 || end == size || *end != 'x' || c < 1 || c > 1000)
        return -1;
    size = end + 1;
    r = strtol(size, &end, 10);
    if (errno != 0 || end == size || *end != '\0' || r < 1 || r > 1000)
        return -1;
    hl.cols = (int)c;
    hl.rows = (int)r;
    return 0;
}

int
headless_setup(const char *size, const char *path, char *err, size_t errsz)
{
    char *text, *line;
    int lineno = 1, rc = 0;

    headless_free();
    if (size == NULL || parse_size(size) != 0) {
        snprintf(err, errsz, "--headless wants COLSxROWS, e.g. 80x24");
        return -1;
    }
    if (path == NULL) {
        snprintf(err, errsz, "--headless needs --keys=FILE");
        return -1;
    }
    text = read_script(path, err, errsz);
    if (text == NULL)
        return -1;
    for (line = text; line != NULL && rc == 0; lineno++) {
        char *nl = strchr(line, '\n');

        if (nl != NULL)
            *nl = '\0';
        rc = parse_line(path, lineno, line, err, errsz);
        line = nl != NULL ? nl + 1 : NULL;
    }
    free(text);
    if (rc != 0) {
        headless_free();
        return -1;
    }
    hl.active = true;
    hl.pos = 0;
    /* The first key, too, comes after a pause: the first screen has had
     * its first tick (a reviewer's menu puts up the queue then). */
    hl.tick_due = true;
    hl.dumped_last = hl.finished = false;
    hl.dumps = 0;
    return 0;
}

/* ------------------------------------------------------------------
 * The terminal
 * ------------------------------------------------------------------ */

SCREEN *
headless_newterm(char *err, size_t errsz)
{
    char n[16];
    SCREEN *sp;

    hl.in = fopen("/dev/null", "r");
    hl.out = fopen("/dev/null", "w");
    if (hl.in == NULL || hl.out == NULL) {
        snprintf(err, errsz, "/dev/null: %s", strerror(errno));
        headless_term_closed();
        return NULL;
    }
    /* The size: /dev/null has none, so curses takes LINES and COLUMNS. */
    snprintf(n, sizeof(n), "%d", hl.rows);
    setenv("LINES", n, 1);
    snprintf(n, sizeof(n), "%d", hl.cols);
    setenv("COLUMNS", n, 1);
    use_env(TRUE);
    sp = newterm(HEADLESS_TERM, hl.out, hl.in);
    if (sp == NULL) {
        snprintf(err, errsz, "no terminfo entry for %s", HEADLESS_TERM);
        headless_term_closed();
    }
    return sp;
}

void
headless_term_closed(void)
{
    if (hl.in != NULL)
        fclose(hl.in);
    if (hl.out != NULL)
        fclose(hl.out);
    hl.in = hl.out = NULL;
}

/* ------------------------------------------------------------------
 * Dumps
 * ------------------------------------------------------------------ */

/* The Unicode character of an alternate-character-set line drawing. */
static wchar_t
acs_char(wchar_t c)
{
    static const char from[] = "qxlkmjtuwvn";
    static const wchar_t to[] = {0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518,
                                 0x251C, 0x2524, 0x252C, 0x2534, 0x253C};
    const char *p = c > 0 && c < 128 ? strchr(from, (int)c) : NULL;

    return p != NULL ? to[p - from] : c;
}

/* The letter of a cell's attribute (see headless.h). */
static char
attr_letter(attr_t at, short pair)
{
    static const char letters[UA_COUNT] = {
        [UA_NORMAL] = ' ',       [UA_TITLE] = 'T',
        [UA_KEYBAR] = 'K',       [UA_KEYNAME] = 'k',
        [UA_STATUS] = ' ',       [UA_ERROR] = 'E',
        [UA_SELECTED] = 'S',     [UA_FIELD] = 'F',
        [UA_FIELD_ACTIVE] = ' ', [UA_LABEL] = ' ',
        [UA_HEADER] = 'H',       [UA_MARK] = 'M',
        [UA_DIALOG] = 'D',       [UA_DIALOG_TITLE] = 'd',
        [UA_NOTICE] = 'n',       [UA_ST_DRAFT] = ' ',
        [UA_ST_SUBMITTED] = 's', [UA_ST_VERIFIED] = 'v',
        [UA_ST_APPROVED] = 'a',  [UA_ST_REJECTED] = 'r',
        [UA_ADDED] = 'A',        [UA_GONE] = 'g',
    };
    int a = (int)((at & ~(A_COLOR | A_ALTCHARSET)) | COLOR_PAIR(pair));

    for (int i = 0; i < UA_COUNT; i++)
        if (term_attr((enum ui_attr)i) == a)
            return letters[i];
    return '?';
}

/* Print row y of stdscr: its characters (attrs false) or attribute
 * letters (attrs true, two for a wide character), trailing blanks cut.
 * (win_wchnstr gives a wide character once, not its second cell.) */
static void
dump_row(int y, bool attrs, cchar_t *cells, wchar_t *line)
{
    int cols = getmaxx(stdscr), n = 0, end = 0;
    char *utf8;

    if (mvwin_wchnstr(stdscr, y, 0, cells, cols) == ERR)
        cols = 0;
    for (int x = 0; x < cols; x++) {
        wchar_t wch[CCHARW_MAX + 1];
        attr_t at = 0;
        short pair = 0;

        memset(wch, 0, sizeof(wch));
        if (getcchar(&cells[x], wch, &at, &pair, NULL) == ERR || wch[0] == 0)
            break; /* the end of the row */
        if (at & A_ALTCHARSET)
            wch[0] = acs_char(wch[0]);
        if (attrs) {
            line[n++] = (wchar_t)attr_letter(at, pair);
            if (wcwidth(wch[0]) == 2) {
                line[n] = line[n - 1];
                n++;
            }
        } else {
            for (int i = 0; i < CCHARW_MAX && wch[i] != 0; i++)
                line[n++] = wch[i];
        }
        if (line[n - 1] != L' ')
            end = n;
    }
    line[end] = 0;
    utf8 = text_to_utf8(line);
    if (utf8 != NULL)
        puts(utf8);
    free(utf8);
}

/* Print the screen (or its attributes) under a header line naming it by
 * label, or by its number when label is "". */
static void
dump(bool attrs, const char *label)
{
    int y0, x0, rows = getmaxy(stdscr), cols = getmaxx(stdscr);
    cchar_t *cells = calloc((size_t)cols + 1, sizeof(*cells));
    wchar_t *line = calloc((size_t)cols * (CCHARW_MAX + 1) + 1, sizeof(*line));

    hl.dumps++;
    if (label[0] != '\0')
        printf("=== %s%s ===\n", label, attrs ? " attrs" : "");
    else
        printf("=== %d%s ===\n", hl.dumps, attrs ? " attrs" : "");
    if (cells != NULL && line != NULL) {
        getyx(stdscr, y0, x0);
        for (int y = 0; y < rows; y++)
            dump_row(y, attrs, cells, line);
        wmove(stdscr, y0, x0);
    } else {
        printf("(out of memory)\n");
    }
    free(cells);
    free(line);
    fflush(stdout);
    hl.dumped_last = true;
}

/* ------------------------------------------------------------------
 * Keys
 * ------------------------------------------------------------------ */

enum headless_event
headless_read(struct key *k, int timeout_ms)
{
    if (timeout_ms == 0 || hl.finished)
        return hl.finished ? HL_END : HL_TIMEOUT;
    if (hl.tick_due) {
        hl.tick_due = false;
        return HL_TIMEOUT;
    }
    while (hl.pos < hl.n) {
        const struct item *it = &hl.items[hl.pos++];

        if (it->kind != IT_KEY) {
            dump(it->kind == IT_ATTRS, it->label);
            continue;
        }
        *k = keys_make(it->rc, it->code);
        hl.tick_due = true;
        hl.dumped_last = false;
        return HL_KEY;
    }
    if (!hl.dumped_last)
        dump(false, "");
    hl.finished = true;
    return HL_END;
}
