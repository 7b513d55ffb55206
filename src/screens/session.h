/*
 * session.h
 *   The session as the screens share it: connecting (the connection goes
 *   into struct app, the title bar learns who is logged in), checking
 *   the form definitions against the catalog of the server connected to,
 *   and server errors turned into words on the status line, kept in full
 *   for the details view (ACT_DETAILS). The ui below knows the
 *   connection only as an opaque pointer; this is where a screen's
 *   struct db_error meets the app loop.
 */
#ifndef EDUAID_SCREENS_SESSION_H
#define EDUAID_SCREENS_SESSION_H

#include <stddef.h>

#include "db/db.h"
#include "ui/app.h"

/*
 * session_connect
 *
 * Connect as user (NULL: libpq's default) with password (NULL: none
 * given) to conninfo within the configured timeout. 0 with a->db set and
 * the title bar told who is logged in, or -1 with err filled in (a->db
 * stays NULL).
 */
int session_connect(struct app *a, const char *conninfo, const char *user,
                    const char *password, struct db_error *err);

/*
 * session_check_forms
 *
 * Check the schema level and every form of a against the live catalog.
 * 0, or -1 with a "file:line: message" sentence in msg. Start-up runs it
 * before taking the terminal when it can connect at once; the login
 * screen after logging in.
 */
int session_check_forms(struct app *a, char *msg, size_t msgsz);

/* A server error as one sentence in the user's language: the words of
 * the server's error table for its constraint or SQLSTATE (db/messages.h,
 * a->messages, read at login), else the server's own message (never a
 * constraint's name), else a general one. The string lives as long as
 * a->messages or e. */
const char *session_error_text(const struct app *a, const struct db_error *e);

/* Show a server error on the status line (in the user's language) and keep
 * it for the details view (SQLSTATE, message, detail, hint...). */
void app_error(struct app *a, const struct db_error *e);

/* Keep e for the details view without a word on the status line (the
 * caller says what happened in its own words). */
void app_keep_error(struct app *a, const struct db_error *e);

#endif /* EDUAID_SCREENS_SESSION_H */
