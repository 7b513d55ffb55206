/*
 * keys.c
 *   The key map, built from ACTION_LIST and changed by the configuration's
 *   key bindings, and key names (see keys.h).
 */
#include "config.h"

#include "ui/keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/text.h"

/* An action of ACTION_LIST: its configuration name, default keys and
 * label. */
struct action_def {
    const char *id;
    int fkey;  /* KEY_* code or 0 */
    int ctrl;  /* control character (or Esc) or 0 */
    int other; /* printable character or 0 */
    const char *label;
};

static const struct action_def action_defs[ACT_COUNT] = {
    [ACT_NONE] = {"none", 0, 0, 0, NULL},
#define ACTION_DEF(id, name, fkey, ctrl, other, label)                         \
    [ACT_##id] = {name, fkey, ctrl, other, label},
    ACTION_LIST(ACTION_DEF)
#undef ACTION_DEF
};

/* One key as keys_make() sees it, normalised: Enter is '\r' (never '\n'
 * or the function key KEY_ENTER). */
struct keycode {
    wint_t code;
    bool is_function;
};

/* The keys of one action, the first one primary. */
struct keyset {
    struct keycode k[KEYS_MAX];
    size_t n;
};

/* The map: keymap[a] are the keys of action a. Filled with the defaults
 * on first use (keys_reset). */
static struct keyset keymap[ACT_COUNT];
static bool keymap_ready;

/* A key in its one form: Enter is '\r' however it arrived. */
static struct keycode
normalise(wint_t code, bool is_function)
{
    struct keycode k;

    if ((is_function && code == (wint_t)KEY_ENTER) ||
        (!is_function && code == '\n')) {
        code = '\r';
        is_function = false;
    }
    k.code = code;
    k.is_function = is_function;
    return k;
}

static bool
same_key(struct keycode a, struct keycode b)
{
    return a.code == b.code && a.is_function == b.is_function;
}

/* Add k to set unless it is there already or the set is full. */
static void
keyset_add(struct keyset *set, struct keycode k)
{
    for (size_t i = 0; i < set->n; i++)
        if (same_key(set->k[i], k))
            return;
    if (set->n < KEYS_MAX)
        set->k[set->n++] = k;
}

void
keys_reset(void)
{
    memset(keymap, 0, sizeof(keymap));
    for (int a = 1; a < ACT_COUNT; a++) {
        const struct action_def *d = &action_defs[a];

        if (d->fkey != 0)
            keyset_add(&keymap[a], normalise((wint_t)d->fkey, true));
        if (d->ctrl != 0)
            keyset_add(&keymap[a], normalise((wint_t)d->ctrl, false));
        if (d->other != 0)
            keyset_add(&keymap[a], normalise((wint_t)d->other, false));
    }
    keymap_ready = true;
}

static void
ensure_map(void)
{
    if (!keymap_ready)
        keys_reset();
}

/* The action key k is bound to, ACT_NONE if none. */
static enum action
action_of(struct keycode k)
{
    ensure_map();
    for (int a = 1; a < ACT_COUNT; a++)
        for (size_t i = 0; i < keymap[a].n; i++)
            if (same_key(keymap[a].k[i], k))
                return (enum action)a;
    return ACT_NONE;
}

struct key
keys_make(int rc, wint_t ch)
{
    struct key k;

    k.code = ch;
    k.is_function = rc == KEY_CODE_YES;
    /* TERM=putty names ESC [ A / ESC [ B, PuTTY's arrows when application
     * cursor keys are off (a PuTTY setting), scroll back and forward
     * (kri, kind; Shift+arrow in xterm's description): they are Up and
     * Down here, so the arrows work whichever mode PuTTY is in. */
    if (k.is_function && ch == (wint_t)KEY_SR)
        k.code = (wint_t)KEY_UP;
    else if (k.is_function && ch == (wint_t)KEY_SF)
        k.code = (wint_t)KEY_DOWN;
    k.action = keys_action(&k);
    return k;
}

enum action
keys_action(const struct key *k)
{
    if (k->code == 0 && !k->is_function)
        return ACT_NONE;
    return action_of(normalise(k->code, k->is_function));
}

bool
keys_is_text(const struct key *k)
{
    if (k->is_function || k->code < 32 || k->code == 127)
        return false;
    /* C1 controls */
    if (k->code >= 0x80 && k->code < 0xA0)
        return false;
    return true;
}

/* UTF-8 of one code point into buf (at least 5 bytes). */
static void
utf8_of(wint_t c, char *buf)
{
    unsigned long u = (unsigned long)c;

    if (u < 0x80) {
        buf[0] = (char)u;
        buf[1] = '\0';
    } else if (u < 0x800) {
        buf[0] = (char)(0xC0 | (u >> 6));
        buf[1] = (char)(0x80 | (u & 0x3F));
        buf[2] = '\0';
    } else if (u < 0x10000) {
        buf[0] = (char)(0xE0 | (u >> 12));
        buf[1] = (char)(0x80 | ((u >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (u & 0x3F));
        buf[3] = '\0';
    } else {
        buf[0] = (char)(0xF0 | (u >> 18));
        buf[1] = (char)(0x80 | ((u >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((u >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (u & 0x3F));
        buf[4] = '\0';
    }
}

char *
keys_code_name(wint_t code, bool is_function, char *buf, size_t bufsz)
{
    char tmp[32];

    if (bufsz == 0)
        return buf;
    if (is_function) {
        if (code >= (wint_t)KEY_F(1) && code <= (wint_t)KEY_F(63))
            snprintf(tmp, sizeof(tmp), "F%d", (int)(code - KEY_F0));
        else if (code == KEY_ENTER)
            snprintf(tmp, sizeof(tmp), "Enter");
        else if (code == KEY_BTAB)
            snprintf(tmp, sizeof(tmp), "S-Tab");
        else if (code == KEY_BACKSPACE)
            snprintf(tmp, sizeof(tmp), "Backspace");
        else if (code == KEY_DC)
            snprintf(tmp, sizeof(tmp), "Del");
        else if (code == KEY_IC)
            snprintf(tmp, sizeof(tmp), "Ins");
        else if (code == KEY_NPAGE)
            snprintf(tmp, sizeof(tmp), "PgDn");
        else if (code == KEY_PPAGE)
            snprintf(tmp, sizeof(tmp), "PgUp");
        else if (code == KEY_HOME)
            snprintf(tmp, sizeof(tmp), "Home");
        else if (code == KEY_END)
            snprintf(tmp, sizeof(tmp), "End");
        else if (code == KEY_UP)
            snprintf(tmp, sizeof(tmp), "Up");
        else if (code == KEY_DOWN)
            snprintf(tmp, sizeof(tmp), "Down");
        else if (code == KEY_LEFT)
            snprintf(tmp, sizeof(tmp), "Left");
        else if (code == KEY_RIGHT)
            snprintf(tmp, sizeof(tmp), "Right");
        else {
            const char *n = keyname((int)code);

            snprintf(tmp, sizeof(tmp), "%s", n != NULL ? n : "?");
        }
    } else if (code == 27) {
        snprintf(tmp, sizeof(tmp), "Esc");
    } else if (code == '\t') {
        snprintf(tmp, sizeof(tmp), "Tab");
    } else if (code == '\r' || code == '\n') {
        snprintf(tmp, sizeof(tmp), "Enter");
    } else if (code == ' ') {
        snprintf(tmp, sizeof(tmp), "Space");
    } else if (code == 127) {
        snprintf(tmp, sizeof(tmp), "^?");
    } else if (code < 32) {
        snprintf(tmp, sizeof(tmp), "^%c", (char)(code + 64));
    } else {
        utf8_of(code, tmp);
    }
    snprintf(buf, bufsz, "%s", tmp);
    return buf;
}

char *
keys_names(enum action a, enum keys_names_mode mode, char *buf, size_t bufsz)
{
    char names[KEYS_MAX][32];
    size_t used = 0;
    const struct keyset *set;

    if (bufsz == 0)
        return buf;
    buf[0] = '\0';
    if ((int)a <= ACT_NONE || a >= ACT_COUNT)
        return buf;
    ensure_map();
    set = &keymap[a];
    for (size_t i = 0; i < set->n; i++) {
        bool dup = false;
        size_t len;

        keys_code_name(set->k[i].code, set->k[i].is_function, names[i],
                       sizeof(names[0]));
        for (size_t j = 0; j < i; j++)
            if (strcmp(names[i], names[j]) == 0)
                dup = true;
        if (dup)
            continue;
        if (used > 0 && mode == KEYS_PRIMARY)
            break;
        /* Whole names only: a cut one could end inside a character. */
        len = strlen(names[i]) + (used > 0 ? 1 : 0);
        if (used + len >= bufsz)
            break;
        used += (size_t)snprintf(buf + used, bufsz - used, "%s%s",
                                 used > 0 ? "/" : "", names[i]);
    }
    return buf;
}

/* The code point of s if s is exactly one well-formed UTF-8 character,
 * else -1 (overlong forms, surrogates and values past U+10FFFF too). */
static long
utf8_one(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned long u;
    int more;

    if (p[0] < 0x80) {
        u = p[0];
        more = 0;
    } else if (p[0] >= 0xC2 && p[0] <= 0xDF) {
        u = p[0] & 0x1Fu;
        more = 1;
    } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        u = p[0] & 0x0Fu;
        more = 2;
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        u = p[0] & 0x07u;
        more = 3;
    } else {
        return -1;
    }
    for (int i = 1; i <= more; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return -1;
        u = (u << 6) | (p[i] & 0x3Fu);
    }
    if (p[more + 1] != '\0')
        return -1;
    if ((more == 2 && u < 0x800) || (more == 3 && u < 0x10000) ||
        (u >= 0xD800 && u <= 0xDFFF) || u > 0x10FFFF)
        return -1;
    return (long)u;
}

/* The keys with a name of their own (any case). */
static const struct {
    const char *name;
    int code;
    bool is_function;
} named_keys[] = {
    {"Esc", 27, false},         {"Enter", '\r', false},
    {"Tab", '\t', false},       {"S-Tab", KEY_BTAB, true},
    {"Space", ' ', false},      {"Up", KEY_UP, true},
    {"Down", KEY_DOWN, true},   {"Left", KEY_LEFT, true},
    {"Right", KEY_RIGHT, true}, {"Home", KEY_HOME, true},
    {"End", KEY_END, true},     {"PgUp", KEY_PPAGE, true},
    {"PgDn", KEY_NPAGE, true},  {"Ins", KEY_IC, true},
    {"Del", KEY_DC, true},
};

int
keys_parse_name(const char *name, wint_t *code, bool *is_function)
{
    size_t len;
    long u;

    if (name == NULL || name[0] == '\0')
        return -1;
    len = strlen(name);
    for (size_t i = 0; i < sizeof(named_keys) / sizeof(named_keys[0]); i++)
        if (strcasecmp(name, named_keys[i].name) == 0) {
            *code = (wint_t)named_keys[i].code;
            *is_function = named_keys[i].is_function;
            return 0;
        }
    /* F1..F12: no sign, no leading zero */
    if ((name[0] == 'F' || name[0] == 'f') && len >= 2 && len <= 3 &&
        name[1] >= '1' && name[1] <= '9' &&
        (len == 2 || (name[2] >= '0' && name[2] <= '9'))) {
        int n = name[1] - '0';

        if (len == 3)
            n = n * 10 + (name[2] - '0');
        if (n > 12)
            return -1;
        *code = (wint_t)KEY_F(n);
        *is_function = true;
        return 0;
    }
    /* ^A..^Z, C-a..C-z */
    if ((len == 2 && name[0] == '^') ||
        (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-')) {
        unsigned char c = (unsigned char)name[len - 1];

        if (c >= 'a' && c <= 'z')
            c = (unsigned char)(c - 'a' + 'A');
        if (c < 'A' || c > 'Z')
            return -1;
        *code = (wint_t)(c - 64);
        *is_function = false;
        return 0;
    }
    /* One printable character: no C0 or C1 control, no DEL. */
    u = utf8_one(name);
    if (u < 32 || u == 127 || (u >= 0x80 && u < 0xA0))
        return -1;
    *code = (wint_t)u;
    *is_function = false;
    return 0;
}

int
keys_bind(enum action a, const char *const *names, size_t n, char *err,
          size_t errsz)
{
    struct keyset set = {0};
    char shown[32];

    if (errsz > 0)
        err[0] = '\0';
    if ((int)a <= ACT_NONE || a >= ACT_COUNT) {
        snprintf(err, errsz, "no such action");
        return -1;
    }
    if (n > KEYS_MAX) {
        snprintf(err, errsz, "at most %d keys", KEYS_MAX);
        return -1;
    }
    ensure_map();
    for (size_t i = 0; i < n; i++) {
        struct keycode k;
        wint_t code;
        bool fn;
        enum action other;

        if (keys_parse_name(names[i], &code, &fn) != 0) {
            snprintf(err, errsz, "unknown key name \"%s\"",
                     names[i] != NULL ? names[i] : "");
            return -1;
        }
        k = normalise(code, fn);
        keys_code_name(k.code, k.is_function, shown, sizeof(shown));
        for (size_t j = 0; j < set.n; j++)
            if (same_key(set.k[j], k)) {
                snprintf(err, errsz, "\"%s\" is listed twice", shown);
                return -1;
            }
        other = action_of(k);
        if (other != ACT_NONE && other != a) {
            snprintf(err, errsz, "\"%s\" is already bound to %s", shown,
                     action_defs[other].id);
            return -1;
        }
        set.k[set.n++] = k;
    }
    keymap[a] = set;
    return 0;
}

int
keys_apply(const struct settings_key *b, size_t n, struct settings_error *err)
{
    char why[200];
    size_t i;

    keys_reset();
    /* Check each binding alone, in the order of the file, and free the
     * keys of every action named: a key may then move from one action to
     * another whatever the order. Clashes are found when binding. */
    for (i = 0; i < n; i++) {
        enum action a = keys_by_id(b[i].action);
        wint_t code;
        bool fn;

        if (a == ACT_NONE) {
            snprintf(why, sizeof(why), "no such action");
            goto fail;
        }
        for (size_t k = 0; k < b[i].nkeys; k++)
            if (keys_parse_name(b[i].keys[k], &code, &fn) != 0) {
                snprintf(why, sizeof(why), "unknown key name \"%s\"",
                         b[i].keys[k] != NULL ? b[i].keys[k] : "");
                goto fail;
            }
        keys_bind(a, NULL, 0, why, sizeof(why));
    }
    for (i = 0; i < n; i++)
        if (keys_bind(keys_by_id(b[i].action), (const char *const *)b[i].keys,
                      b[i].nkeys, why, sizeof(why)) != 0)
            goto fail;
    return 0;
fail:
    if (err != NULL) {
        snprintf(err->file, sizeof(err->file), "%s",
                 b[i].file != NULL ? b[i].file : "");
        err->line = b[i].line;
        snprintf(err->message, sizeof(err->message), "keys.%s: %s", b[i].action,
                 why);
    }
    keys_reset();
    return -1;
}

int
keys_decode_sequence(const char *seq)
{
    size_t n = strlen(seq);
    char final;
    int num = 0;

    if (n < 2)
        return 0;
    final = seq[n - 1];
    if (seq[0] == 'O' && n == 2) {
        switch (final) {
        case 'A':
            return KEY_UP;
        case 'B':
            return KEY_DOWN;
        case 'C':
            return KEY_RIGHT;
        case 'D':
            return KEY_LEFT;
        case 'H':
            return KEY_HOME;
        case 'F':
            return KEY_END;
        case 'M':
            return KEY_ENTER;
        case 'P':
            return KEY_F(1);
        case 'Q':
            return KEY_F(2);
        case 'R':
            return KEY_F(3);
        case 'S':
            return KEY_F(4);
        default:
            return 0;
        }
    }
    if (seq[0] != '[')
        return 0;
    if (n == 3 && seq[1] == '[') { /* the Linux console's F1..F5 */
        if (final >= 'A' && final <= 'E')
            return KEY_F(1 + (final - 'A'));
        return 0;
    }
    for (size_t i = 1; i < n - 1 && seq[i] >= '0' && seq[i] <= '9'; i++)
        num = num * 10 + (seq[i] - '0');
    if (final == '~') {
        switch (num) {
        case 1:
        case 7:
            return KEY_HOME;
        case 2:
            return KEY_IC;
        case 3:
            return KEY_DC;
        case 4:
        case 8:
            return KEY_END;
        case 5:
            return KEY_PPAGE;
        case 6:
            return KEY_NPAGE;
        case 11:
        case 12:
        case 13:
        case 14:
        case 15:
            return KEY_F(num - 10);
        case 17:
        case 18:
        case 19:
        case 20:
        case 21:
            return KEY_F(num - 11);
        case 23:
        case 24:
            return KEY_F(num - 12);
        default:
            return 0;
        }
    }
    switch (final) { /* "[A", or "[1;5A" with a modifier */
    case 'A':
        return KEY_UP;
    case 'B':
        return KEY_DOWN;
    case 'C':
        return KEY_RIGHT;
    case 'D':
        return KEY_LEFT;
    case 'H':
        return KEY_HOME;
    case 'F':
        return KEY_END;
    case 'Z':
        return KEY_BTAB;
    case 'P':
        return num == 1 ? KEY_F(1) : 0;
    case 'Q':
        return num == 1 ? KEY_F(2) : 0;
    case 'R':
        return num == 1 ? KEY_F(3) : 0;
    case 'S':
        return num == 1 ? KEY_F(4) : 0;
    default:
        return 0;
    }
}

const char *
keys_label(enum action a)
{
    if ((int)a <= ACT_NONE || a >= ACT_COUNT)
        return "";
    return _(action_defs[a].label);
}

const char *
keys_id(enum action a)
{
    if ((int)a < 0 || a >= ACT_COUNT)
        return "";
    return action_defs[a].id;
}

enum action
keys_by_id(const char *name)
{
    if (name == NULL)
        return ACT_NONE;
    for (int a = 1; a < ACT_COUNT; a++)
        if (strcmp(action_defs[a].id, name) == 0)
            return (enum action)a;
    return ACT_NONE;
}

/* ------------------------------------------------------------------
 * A screen's actions now: the key bar's and the help's one source
 * ------------------------------------------------------------------ */

int
screen_actions_now(struct screen *s, struct action_now *out, int max)
{
    const enum action *acts;
    int n = 0;

    if (s == NULL || s->ops == NULL || s->ops->actions == NULL ||
        (acts = s->ops->actions(s)) == NULL)
        return 0;
    for (int i = 0; i < ACT_COUNT && acts[i] != ACT_NONE && n < max; i++) {
        const char *why = NULL, *l = NULL;

        out[n].a = acts[i];
        out[n].available =
            s->ops->available == NULL || s->ops->available(s, acts[i], &why);
        out[n].why = out[n].available ? NULL : why;
        if (s->ops->action_label != NULL)
            l = s->ops->action_label(s, acts[i]);
        out[n].label = l != NULL ? l : keys_label(acts[i]);
        n++;
    }
    return n;
}

/* Cells of a bar item with the blank after it. */
static int
item_cells(const struct keybar_item *it)
{
    return text_utf8_cells(it->names) + (it->gap ? 1 : 0) +
           text_utf8_cells(it->label) + 1;
}

static bool
always_shown(enum action a)
{
    return a == ACT_HELP || a == ACT_BACK;
}

int
keybar_plan(struct screen *s, int cols, struct keybar_item *out, int max)
{
    struct action_now now[ACT_COUNT];
    struct keybar_item all[ACT_COUNT];
    int n = screen_actions_now(s, now, ACT_COUNT), m = 0, total = 0,
        reserve = 0, x = 0, kept = 0;

    for (int i = 0; i < n; i++) {
        const char *own;

        if (!now[i].available)
            continue;
        all[m].a = now[i].a;
        own = s->ops->action_keys != NULL ? s->ops->action_keys(s, now[i].a)
                                          : NULL;
        if (own != NULL)
            snprintf(all[m].names, sizeof(all[m].names), "%s", own);
        else
            keys_names(now[i].a, KEYS_ALL, all[m].names, sizeof(all[m].names));
        all[m].label = now[i].label;
        all[m].gap = true;
        if (all[m].names[0] == '\0')
            continue; /* no key: nothing to press */
        total += item_cells(&all[m]);
        m++;
    }
    if (total - 1 > cols) { /* compact: no blank before a Chinese label */
        total = 0;
        for (int i = 0; i < m; i++) {
            all[i].gap = (unsigned char)all[i].label[0] < 0x80;
            total += item_cells(&all[i]);
        }
    }
    for (int i = 0; i < m; i++)
        if (always_shown(all[i].a))
            reserve += item_cells(&all[i]);
    for (int i = 0; i < m && kept < max; i++) {
        int w = item_cells(&all[i]);

        if (always_shown(all[i].a))
            reserve -= w;
        else if (total - 1 > cols && x + w + reserve - 1 > cols)
            continue;
        out[kept++] = all[i];
        x += w;
    }
    return kept;
}
