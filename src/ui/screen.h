/*
 * screen.h
 *   Screens and the stack they live on. A screen is a struct of
 *   operations (tig's views, htop's panels): the app loop calls layout on
 *   every size change, draw when something changed, key for each key, and
 *   close when it is popped. Key handlers return what should happen next
 *   instead of drawing; screens never call each other's internals -- they
 *   push new screens and read results through the app.
 */
#ifndef EDUAID_UI_SCREEN_H
#define EDUAID_UI_SCREEN_H

#include <stdbool.h>
#include <wchar.h>

#include "ui/actions.h"

struct app;
struct screen;

enum key_result {
    KR_UNHANDLED = 0, /* not mine: the app tries the global keys */
    KR_HANDLED,       /* done, nothing to redraw */
    KR_REDRAW,        /* draw me again */
    KR_RELAYOUT,      /* layout and draw everything again */
    KR_CLOSE,         /* pop me */
    KR_QUIT           /* leave the program */
};

/* A key as get_wch() gave it: a character, or a KEY_* code. */
struct key {
    wint_t code;
    bool is_function;   /* get_wch() returned KEY_CODE_YES */
    enum action action; /* what the key map says it means here, or ACT_NONE */
};

struct screen_ops {
    const char *name;
    /* The area the screen may use: rows 1..lines-2 (title above, key bar
     * and status line below are the app's). */
    void (*layout)(struct screen *s, int top, int rows, int cols);
    void (*draw)(struct screen *s);
    enum key_result (*key)(struct screen *s, const struct key *k);
    /* Called when the screen above was popped; result is its outcome. */
    void (*resumed)(struct screen *s, int result);
    /* The screen's table of actions, ending ACT_NONE: everything it can do
     * in some role or state. The key bar shows the ones available now, the
     * help screen all of them (the others dimmed, with why); both ask
     * through screen_action_now() in keys.h, so they cannot drift. */
    const enum action *(*actions)(struct screen *s);
    /* Optional: whether action a of the table can be done now -- the role,
     * the record's state, rows present, the focused widget. When not, *why
     * (set only then, may be left NULL) says why in words (UTF-8,
     * translated) for the help screen. NULL: all are available. */
    bool (*available)(struct screen *s, enum action a, const char **why);
    /* Title for the title bar (UTF-8). */
    const char *(*title)(struct screen *s);
    /* Optional: what action a does on this screen, for the key bar and the
     * help screen (UTF-8), or NULL for its usual label. */
    const char *(*action_label)(struct screen *s, enum action a);
    /* Optional: the names of the keys that do a here (UTF-8), or NULL for
     * the key map's (a dialog's own loop reads its keys itself). */
    const char *(*action_keys)(struct screen *s, enum action a);
    /* Optional: what marks on this screen mean, for the help screen: the
     * i-th note's marks (*keys) and meaning (*text), UTF-8; false past the
     * last. */
    bool (*help_note)(struct screen *s, int i, const char **keys,
                      const char **text);
    void (*close)(struct screen *s);
    /* Optional: a key arrives every 250 ms even when none was typed (ACT_NONE,
     * code 0): poll the connection, blink, autosave. */
};

struct screen {
    const struct screen_ops *ops;
    struct app *app;
    void *data;
    int result; /* what resumed() of the screen below receives */
};

#endif /* EDUAID_UI_SCREEN_H */
