/*
 * fieldlist.h
 *   What every "one field a line, Enter changes it, F2 saves" editor
 *   shares (the admin's reference-data editor, the pairing area's row
 *   editor): the focus and how the keys move it, Enter and F2 handed to
 *   the owner, Esc that asks before dropping changes, the key bar's
 *   actions and labels, and the line that says so at the bottom.
 */
#ifndef EDUAID_SCREENS_FIELDLIST_H
#define EDUAID_SCREENS_FIELDLIST_H

#include <stdbool.h>

#include "ui/actions.h"
#include "ui/screen.h"

struct app;

struct fieldlist {
    struct app *app;
    const char *title; /* the drop question's title */
    int nf, focus;
    bool dirty; /* something changed since it was opened */
    void *owner;
    void (*change)(void *owner); /* Enter: change the field in focus */
    bool (*save)(void *owner);   /* F2: true when stored (then closed) */
};

/* Up/Down (within the ends), Tab/Shift-Tab (round), Enter, F2, Esc. */
enum key_result fieldlist_key(struct fieldlist *fl, const struct key *k);

/* The key bar: its actions (ACT_NONE-terminated) and their words. */
const enum action *fieldlist_actions(void);
const char *fieldlist_action_label(enum action a);

/* The line of key words at row y, cols wide. */
void fieldlist_draw_keys(int y, int cols);

#endif
