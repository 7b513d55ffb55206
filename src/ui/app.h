/*
 * app.h
 *   The application loop and what every screen may reach through it:
 *   the settings, the form definitions, the language, the session's
 *   connection (an opaque pointer here: the ui never calls the database,
 *   screens hand it to src/db) -- and the loop that owns the terminal: a
 *   stack of screens, the title bar, the key bar and the status line, one
 *   resize path, signals turned into flags, and the screens polled
 *   between keys. Server errors reach the status line through
 *   screens/session.h, which turns them into words.
 */
#ifndef EDUAID_UI_APP_H
#define EDUAID_UI_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/formdef.h"
#include "core/settings.h"
#include "ui/screen.h"

struct app_stack;

/* The session's connection (src/db/db.h) and the server's words for
 * refusals (src/db/messages.h, read at login); opaque to the ui. */
struct db;
struct messages;

struct app {
    struct settings *settings;
    struct db *db;             /* NULL until logged in */
    struct messages *messages; /* NULL until logged in */
    struct lookupset *lookups;
    struct formdef **forms; /* one per record kind */
    size_t nforms;
    bool zh;                /* speak Chinese */
    bool colour;            /* colours in use (else monochrome attributes) */
    char who[192];          /* "user@role" (or "user") for the title bar */
    char details[2048];     /* what ACT_DETAILS shows ("": no error so far) */
    char exit_message[600]; /* printed on stderr once the terminal is back */
    int exit_status; /* app_run's result when a screen quits with KR_QUIT */
    struct app_stack *stack; /* private to app.c */
    /* The key bar of a dialog open over the top screen (dialog.c), shown
     * instead of the screen's, or NULL. */
    struct screen *modal_bar;
};

/* Take over the terminal, run screens from first until the stack is empty
 * or a screen says KR_QUIT, give the terminal back. Returns the exit
 * status (0, or 1 after a hang-up). */
int app_run(struct app *a, struct screen *first);

/* The name of the screen on top ("queue"), or NULL. */
const char *app_screen_name(const struct app *a);

/* Push s on top (it gets layout and draw before the next key). */
void app_push(struct app *a, struct screen *s);

/* Ask whether to leave eduaid (Ctrl-Q anywhere, Esc and q on the main
 * menu: one question); true: yes. */
bool app_confirm_quit(struct app *a);

/* A message on the status line until the next key (UTF-8, printf-style). */
void app_status(struct app *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The same in the error colours (what went wrong, in words). */
void app_status_error(struct app *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* True when the status line has nothing to say (a screen may show a hint
 * there). */
bool app_status_empty(const struct app *a);

/* Send the status line to the terminal now, before the key being handled
 * is done (a wait the user should know about, such as reconnecting). */
void app_status_now(struct app *a);

/* The form of a record kind, or NULL. */
const struct formdef *app_form(const struct app *a, const char *kind);
/* The title of a record kind in the user's language, or the kind itself
 * when no form defines it. */
const char *app_kind_title(const struct app *a, const char *kind);

#endif /* EDUAID_UI_APP_H */
