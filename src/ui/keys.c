/*
 * keys.c
 *   The key map built from ACTION_LIST, and key names (see keys.h).
 */
#include "config.h"

#include "ui/keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

struct binding {
    const char *id;
    int fkey;  /* KEY_* code or 0 */
    int ctrl;  /* control character (or Esc) or 0 */
    int other; /* printable character or 0 */
    const char *label;
};

static const struct binding bindings[ACT_COUNT] = {
    [ACT_NONE] = {"none", 0, 0, 0, NULL},
#define ACTION_BINDING(id, name, fkey, ctrl, other, label)                     \
    [ACT_##id] = {name, fkey, ctrl, other, label},
    ACTION_LIST(ACTION_BINDING)
#undef ACTION_BINDING
};

struct key
keys_make(int rc, wint_t ch)
{
    struct key k;

    k.code = ch;
    k.is_function = rc == KEY_CODE_YES;
    k.action = keys_action(&k);
    return k;
}

enum action
keys_action(const struct key *k)
{
    wint_t c = k->code;

    if (k->is_function) {
        for (int a = 1; a < ACT_COUNT; a++)
            if (bindings[a].fkey != 0 && (wint_t)bindings[a].fkey == c)
                return (enum action)a;
        return ACT_NONE;
    }
    if (c == 0)
        return ACT_NONE;
    if (c == '\n')
        c = '\r';
    if (c < 32 || c == 127) {
        for (int a = 1; a < ACT_COUNT; a++)
            if (bindings[a].ctrl != 0 && (wint_t)bindings[a].ctrl == c)
                return (enum action)a;
        return ACT_NONE;
    }
    for (int a = 1; a < ACT_COUNT; a++)
        if (bindings[a].other != 0 && (wint_t)bindings[a].other == c)
            return (enum action)a;
    return ACT_NONE;
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
    const struct binding *b;
    char names[3][32];
    int n = 0;
    size_t used = 0;

    if (bufsz == 0)
        return buf;
    buf[0] = '\0';
    if ((int)a <= ACT_NONE || a >= ACT_COUNT)
        return buf;
    b = &bindings[a];
    if (b->fkey != 0)
        keys_code_name((wint_t)b->fkey, true, names[n++], sizeof(names[0]));
    if (b->ctrl != 0)
        keys_code_name((wint_t)b->ctrl, false, names[n++], sizeof(names[0]));
    if (b->other != 0)
        keys_code_name((wint_t)b->other, false, names[n++], sizeof(names[0]));
    for (int i = 0; i < n; i++) {
        bool dup = false;

        for (int j = 0; j < i; j++)
            if (strcmp(names[i], names[j]) == 0)
                dup = true;
        if (dup)
            continue;
        if (used > 0) {
            if (mode == KEYS_PRIMARY)
                break;
            used += (size_t)snprintf(buf + used, bufsz - used, "/");
            if (used >= bufsz)
                break;
        }
        used += (size_t)snprintf(buf + used, bufsz - used, "%s", names[i]);
        if (used >= bufsz)
            break;
    }
    return buf;
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
    return _(bindings[a].label);
}

const char *
keys_id(enum action a)
{
    if ((int)a < 0 || a >= ACT_COUNT)
        return "";
    return bindings[a].id;
}

enum action
keys_by_id(const char *name)
{
    if (name == NULL)
        return ACT_NONE;
    for (int a = 1; a < ACT_COUNT; a++)
        if (strcmp(bindings[a].id, name) == 0)
            return (enum action)a;
    return ACT_NONE;
}
