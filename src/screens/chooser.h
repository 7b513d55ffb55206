/*
 * chooser.h
 *   A screen that lists the screens of one area of the main menu, each
 *   with a line of its numbers under "Now", and opens the one chosen with
 *   Enter (the ledgers, the pairing area). The area gives a table of its
 *   entries and the words around them; F5 and coming back refresh the
 *   numbers.
 */
#ifndef EDUAID_SCREENS_CHOOSER_H
#define EDUAID_SCREENS_CHOOSER_H

#include <stddef.h>

struct app;
struct screen;

/* One screen of an area. line writes its numbers into out (NULL, or
 * nothing written: the hint is shown instead). */
struct chooser_entry {
    const char *label; /* N_() */
    const char *hint;  /* N_(), or NULL */
    void (*line)(struct app *a, char *out, size_t outsz);
    unsigned roles; /* shown when roles & the caller's mask */
    struct screen *(*open)(struct app *a);
};

struct chooser_def {
    const char *name;    /* the screen's name (help, tests) */
    const char *title;   /* N_(): the title bar's */
    const char *heading; /* N_(): the line over the list */
    const char *column;  /* N_(): the first column's heading */
    const char *empty;   /* N_(): when no entry is shown */
    const struct chooser_entry *entries;
    size_t nentries;
};

/* The roles an entry names (chooser_entry.roles). */
enum chooser_role {
    CR_CLERK = 1 << 0,
    CR_OFFICER = 1 << 1,
    CR_SUPERVISOR = 1 << 2,
    CR_AUDITOR = 1 << 3,
    CR_INSPECTOR = 1 << 4
};

/* The chooser_role of a role's name (db_role), 0 for any other. */
unsigned chooser_role_bit(const char *role);

/* The area's screen with the entries whose roles meet mask, in order. */
struct screen *chooser_screen_new(struct app *a, const struct chooser_def *def,
                                  unsigned mask);

#endif
