/*
 * app.h
 *   The application: what every screen may reach (settings, the database,
 *   the form definitions, the language) and the loop that owns the
 *   terminal -- a stack of screens, the title bar, the key bar and the
 *   status line, one resize path, signals turned into flags, and the
 *   connection polled between keys.
 */
#ifndef EDUAID_APP_H
#define EDUAID_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/formdef.h"
#include "core/settings.h"
#include "db/db.h"
#include "db/messages.h"
#include "ui/screen.h"

struct app_stack;

struct app {
    struct settings *settings;
    struct db *db; /* NULL until logged in */
    struct lookupset *lookups;
    struct formdef **forms; /* one per record kind */
    size_t nforms;
    bool zh;     /* speak Chinese */
    bool colour; /* colours in use (else monochrome attributes) */
    /* the server's words for refusals (db/messages.h), read at login */
    struct messages *messages;
    struct db_error last_error; /* what ACT_DETAILS shows */
    char exit_message[600]; /* printed on stderr once the terminal is back */
    int exit_status; /* app_run's result when a screen quits with KR_QUIT */
    struct app_stack *stack; /* private to app.c */
};

/* Take over the terminal, run screens from first until the stack is empty
 * or a screen says KR_QUIT, give the terminal back. Returns the exit
 * status (0, or 1 after a hang-up). */
int app_run(struct app *a, struct screen *first);

/* Push s on top (it gets layout and draw before the next key). */
void app_push(struct app *a, struct screen *s);

/* A message on the status line until the next key (UTF-8, printf-style). */
void app_status(struct app *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Show a server error on the status line (in the user's language) and keep
 * it for the details view (ACT_DETAILS: SQLSTATE, message, detail, hint). */
void app_error(struct app *a, const struct db_error *e);

/* A server error as one sentence in the user's language: the words of the
 * server's error table for its constraint or SQLSTATE (db/messages.h),
 * else the server's own message (never a constraint's name), else a
 * general one. The string lives as long as a->messages or e. */
const char *app_error_text(const struct app *a, const struct db_error *e);

/* The form of a record kind, or NULL. */
const struct formdef *app_form(const struct app *a, const char *kind);

#endif /* EDUAID_APP_H */
