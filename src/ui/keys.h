/*
 * keys.h
 *   The key map: which action (ACTION_LIST in actions.h) a key means,
 *   the names of an action's keys for the key bar and the help screen
 *   ("F2", "^S", "Esc", "?"), and the action's translated label. The map
 *   starts as the X-macro's defaults; the keys group of eduaid.conf
 *   replaces the keys of the actions it names (keys_apply, at start-up),
 *   and the key bar and the help screen show whatever the map holds.
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

#include "core/settings.h"
#include "ui/actions.h"
#include "ui/screen.h"

/* Most keys one action may have. */
#define KEYS_MAX 8

/* Which names keys_names() gives. */
enum keys_names_mode {
    KEYS_PRIMARY, /* one: the first key (of the defaults: the F-key, else
                     the control key, else the other) */
    KEYS_ALL      /* every key, joined by '/': "F2/^S", "Esc/q" */
};

/* A struct key from what get_wch() returned (rc OK or KEY_CODE_YES, and
 * the character or KEY_* code), with its action filled in. Enter arrives
 * as '\r', '\n' or KEY_ENTER and means whatever "Enter" is bound to
 * (ACT_OPEN unless the configuration says otherwise). */
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

/*
 * keys_parse_name
 *
 * The key a name of eduaid.conf's keys group means: "F1".."F12";
 * "^A".."^Z" or "C-a".."C-z" (either case); "Esc", "Enter", "Tab",
 * "S-Tab", "Space", "Up", "Down", "Left", "Right", "Home", "End", "PgUp",
 * "PgDn", "Ins", "Del" (any case); or one printable character in UTF-8
 * ("q", "?", "/", "改"). Returns 0 with *code and *is_function
 * set as keys_make() would see the key ("Enter" is '\r', "^I" is Tab,
 * "S-Tab" is the function key KEY_BTAB), or -1 leaving them untouched.
 * Calls nothing of curses that needs initscr().
 */
int keys_parse_name(const char *name, wint_t *code, bool *is_function);

/*
 * keys_bind
 *
 * Replace the keys of action a with the n keys named in names (n may be
 * 0: the action then has no keys; names may be NULL when n is 0). The
 * first key is the one KEYS_PRIMARY names. Returns 0, or -1 with the map
 * unchanged and a sentence in err (cut to errsz): "no such action",
 * "at most 8 keys", "unknown key name \"F13\"", "\"F2\" is listed
 * twice", or "\"^X\" is already bound to submit" -- a key means one
 * action only.
 */
int keys_bind(enum action a, const char *const *names, size_t n, char *err,
              size_t errsz);

/*
 * keys_apply
 *
 * Start from the default keys and apply the keys group of the
 * configuration (b, n: settings->bindings). Every action named is freed
 * of its default keys before any is bound, so a key can move from one
 * action to another in whatever order the file names them. Returns 0, or
 * -1 with err (unless NULL) set to the file and line of the first binding
 * that names no action or no key ("keys.frobnicate: no such action",
 * "keys.save: unknown key name \"F13\""), else of the first that keys_bind
 * refuses ("keys.save: \"F10\" is already bound to submit"); the map is
 * then the defaults again.
 */
int keys_apply(const struct settings_key *b, size_t n,
               struct settings_error *err);

/* Back to the keys of ACTION_LIST. */
void keys_reset(void);

/* The action's label in the running language (gettext), e.g. "保存". */
const char *keys_label(enum action a);

/* The action's configuration name ("save"), and the action of a name
 * (ACT_NONE if unknown). */
const char *keys_id(enum action a);
enum action keys_by_id(const char *name);

/* One action of a screen's table as it stands now: what the key bar and
 * the help screen both show (issue 12: one truthful bar per screen, role
 * and state). */
struct action_now {
    enum action a;
    bool available;    /* the bar shows it; the help shows it plainly */
    const char *why;   /* not available: why (UTF-8), or NULL */
    const char *label; /* the screen's word for it, else keys_label() */
};

/*
 * screen_actions_now
 *
 * Screen s's table of actions (ops->actions) with what ops->available
 * says of each now, into out (at most max); returns how many. The one
 * road from a screen to its key bar and its help screen.
 */
int screen_actions_now(struct screen *s, struct action_now *out, int max);

/* One item of the key bar: the names of the action's keys and its label,
 * with a blank between them unless the bar is compact. */
struct keybar_item {
    enum action a;
    char names[64];
    const char *label;
    bool gap;
};

/*
 * keybar_plan
 *
 * The key bar of screen s in cols cells, into out (at most max); returns
 * how many items. Only available actions, in the table's order, each with
 * ALL its keys ("F2/^S": terminals without F-keys, PuTTY's often, need
 * the control-key twin). When they do not fit, the bar turns compact (no
 * blank between keys and a Chinese label: "F2/^S保存"), then leaves out
 * the items that do not fit whole, keeping Help and Back (the help lists
 * every one). Items are separated by one blank.
 */
int keybar_plan(struct screen *s, int cols, struct keybar_item *out, int max);

#endif /* EDUAID_UI_KEYS_H */
