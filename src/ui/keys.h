/*
 * keys.h
 *   The key map: which action (ACTION_LIST in actions.h) a key means,
 *   the names of an action's keys for the key bar and the help screen
 *   ("F2", "^S", "Esc", "?"), and the action's translated label. The
 *   table is built from the X-macro alone, so there is one source; later
 *   configurable bindings will change that table, nothing else.
 *
 *   A key's action is what it would mean as a command. A screen that is
 *   editing text looks at the key's code first: 'q', '?', '/' and ':' are
 *   letters there, not Back, Help, Search and Command.
 */
#ifndef EDUAID_UI_KEYS_H
#define EDUAID_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "ui/actions.h"
#include "ui/screen.h"

/* Which names keys_names() gives. */
enum keys_names_mode {
    KEYS_PRIMARY, /* one: the F-key, else the control key, else the other */
    KEYS_ALL      /* every key, joined by '/': "F2/^S", "Esc/q" */
};

/* A struct key from what get_wch() returned (rc OK or KEY_CODE_YES, and
 * the character or KEY_* code), with its action filled in. Enter arrives
 * as '\r', '\n' or KEY_ENTER and always means ACT_OPEN. */
struct key keys_make(int rc, wint_t ch);

/* The action a key means (ACT_NONE if none). */
enum action keys_action(const struct key *k);

/* True when the key is a character a text field should take (printable,
 * not a KEY_* code, not a control character). */
bool keys_is_text(const struct key *k);

/*
 * keys_names
 *
 * Write the name(s) of the keys bound to a into buf (UTF-8, NUL-terminated,
 * cut to bufsz). Returns buf; "" for an action without keys.
 */
char *keys_names(enum action a, enum keys_names_mode mode, char *buf,
                 size_t bufsz);

/* The name of one key code as shown to people: "F2", "^S", "Esc",
 * "Enter", "Tab", "S-Tab", "Space", "?". Into buf; returns buf. */
char *keys_code_name(wint_t code, bool is_function, char *buf, size_t bufsz);

/*
 * keys_decode_sequence
 *
 * The KEY_* code of an escape sequence curses did not recognise, given
 * without its ESC ("[4~", "OF", "[1;5D", "[[A"), or 0. This happens when
 * TERM does not match the terminal (PuTTY's Home/End and F-keys under
 * TERM=xterm, a thin client set to vt100): the keys still work instead of
 * reading as Esc followed by letters. Modifiers are dropped.
 */
int keys_decode_sequence(const char *seq);

/* The action's label in the running language (gettext), e.g. "保存". */
const char *keys_label(enum action a);

/* The action's configuration name ("save"), and the action of a name
 * (ACT_NONE if unknown). */
const char *keys_id(enum action a);
enum action keys_by_id(const char *name);

#endif /* EDUAID_UI_KEYS_H */
