/*
 * session.c
 *   Connecting, the forms check and the words of server errors for the
 *   screens (see session.h).
 */
#include "config.h"

#include "screens/session.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/errlog.h"
#include "core/i18n.h"
#include "db/fieldcheck.h"
#include "db/messages.h"
#include "db/notify.h"
#include "db/record.h"
#include "db/schema.h"
#include "screens/status.h"
#include "ui/appui.h"
#include "ui/keys.h"
#include "ui/listview.h"

/*
 * What the db layer says while it reconnects (db_set_event): on the
 * status line at once, and every empty list says the connection is lost
 * (not "no records") until it is back.
 */
static void
on_db_event(void *arg, enum db_event ev)
{
    struct app *a = arg;

    switch (ev) {
    case DB_EV_RECONNECTING:
        app_status(a, "%s", _("Reconnecting to the server..."));
        app_status_now(a);
        break;
    case DB_EV_RECONNECTED:
        listview_set_offline(NULL);
        app_status(a, "%s", _("The connection to the server was restored."));
        break;
    case DB_EV_LOST:
        listview_set_offline(
            _("The connection to the server is lost; ^R tries again."));
        app_status_error(
            a, "%s",
            _("The connection to the server is lost; ^R tries again."));
        break;
    case DB_EV_REFUSED:
        /* disabled (an admin ended the session), dropped, or its password
         * changed: say so and end; what is unsaved stays in the journal */
        listview_set_offline(_("Your account is disabled or its login was "
                               "refused."));
        app_status_error(a, "%s",
                         _("Your account is disabled or its login was "
                           "refused."));
        app_end(a, 1,
                _("eduaid: your account is disabled or its login was "
                  "refused by the server; eduaid ends. Unsaved edits are "
                  "kept in the journal. Ask your administrator."));
        break;
    }
}

/* Every tick: notice at once a connection the server closed, read the
 * change channels (db/notify.h: a tick again when a burst is over or a
 * reconnect is due); name the session after the screen on top
 * ("eduaid/queue"), a round trip only when the screen has changed
 * (db_set_application_name). */
static void
poll_connection(struct app *a)
{
    const char *screen = app_screen_name(a);
    char name[64];
    struct timespec ts;
    long next;

    if (a->db == NULL)
        return;
    db_poll(a->db);
    clock_gettime(CLOCK_MONOTONIC, &ts);
    next =
        notify_poll(a->db, (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
    if (next >= 0)
        app_tick_in(a, next);
    if (screen != NULL && db_connected(a->db)) {
        snprintf(name, sizeof(name), "eduaid/%s", screen);
        (void)db_set_application_name(a->db, name);
    }
}

/* The loop sleeps on the connection's socket too (notify.h). */
static int
wait_fd(struct app *a)
{
    return a->db != NULL ? notify_fd(a->db) : -1;
}

int
session_connect(struct app *a, const char *conninfo, const char *user,
                const char *password, struct db_error *err)
{
    const char *role;

    a->db =
        db_connect(conninfo, user, password, a->settings->connect_timeout, err);
    if (a->db == NULL)
        return -1;
    db_set_event(a->db, on_db_event, a);
    app_set_tick_hook(poll_connection);
    app_set_wait_fd_hook(wait_fd);
    role = db_role(a->db);
    if (role[0] != '\0')
        snprintf(a->who, sizeof(a->who), "%s@%s", db_user(a->db), role);
    else
        snprintf(a->who, sizeof(a->who), "%s", db_user(a->db));
    return 0;
}

int
session_check_forms(struct app *a, char *msg, size_t msgsz)
{
    struct formdef_error ferr;
    struct db_error err;

    if (schema_check(a->db, msg, msgsz, &err) != 0 ||
        status_load(a->db, a->zh, msg, msgsz) != 0)
        return -1;
    if (a->messages == NULL &&
        (a->messages = messages_load(a->db, &err)) == NULL) {
        snprintf(msg, msgsz, _("cannot read the server's messages: %s"),
                 err.message);
        return -1;
    }
    /* the inspector (issue 15) works with pairs, never a record: no form
     * of its is checked (it may not read their tables) */
    if (strcmp(db_role(a->db), "inspector") == 0)
        return 0;
    /* live updates (issue 16); without them the client works as before */
    if (notify_listen(a->db, &err) != 0)
        app_keep_error(a, &err);
    for (size_t i = 0; i < a->nforms; i++) {
        if (record_check_catalog(a->db, a->forms[i], a->lookups, &ferr, &err) ==
                0 &&
            fieldcheck_form(a->db, a->forms[i], &ferr, &err) == 0)
            continue;
        if (err.status != DB_OK)
            snprintf(msg, msgsz, "%s: %s", a->forms[i]->path, err.message);
        else
            snprintf(msg, msgsz, "%s:%d: %s", ferr.file, ferr.line,
                     ferr.message);
        return -1;
    }
    return 0;
}

const char *
session_error_text(const struct app *a, const struct db_error *e)
{
    const char *text;

    switch (e->status) {
    case DB_CONNECTION_LOST:
        if (e->reconnected)
            return _("The connection to the server was lost and is back; "
                     "this was not saved: save again.");
        return _("The connection to the server is lost; ^R tries again.");
    case DB_UNREACHABLE:
        return _("The server cannot be reached.");
    case DB_AUTH_FAILED:
        return _("Wrong user name or password.");
    case DB_NEEDS_PASSWORD:
        return _("A password is required.");
    case DB_NO_MEMORY:
        return _("Out of memory.");
    case DB_LOGIN_REFUSED:
        return _("Your account is disabled or its login was refused.");
    default:
        break;
    }
    if ((text = messages_text(a->messages, e, a->zh)) != NULL)
        return text;
    return _("The server refused the request.");
}

/* The words of e for the administrator's log: eduaid.message's English,
 * or what kind of failure it was; never the server's own text, which may
 * quote a value (core/errlog.h). */
static const char *
log_words(const struct messages *m, const struct db_error *e)
{
    const struct message *row;

    switch (e->status) {
    case DB_CONNECTION_LOST:
        return "connection lost";
    case DB_UNREACHABLE:
        return "server unreachable";
    case DB_AUTH_FAILED:
        return "authentication failed";
    case DB_NEEDS_PASSWORD:
        return "password required";
    case DB_NO_MEMORY:
        return "out of memory";
    case DB_LOGIN_REFUSED:
        return "login refused";
    default:
        row = messages_find(m, e);
        return row != NULL ? row->en : "(no words in eduaid.message)";
    }
}

void
app_keep_error(struct app *a, const struct db_error *e)
{
    char *text = a->details;
    size_t n = 0, size = sizeof(a->details);

    if (e == NULL || e->status == DB_OK)
        return;
    errlog_write(a->db != NULL ? db_user(a->db) : NULL, app_screen_name(a),
                 e->sqlstate, e->constraint, log_words(a->messages, e));
    /* First what it means, in the person's language (the error table's
     * words); below it the server's own text, the technical part. */
    if (messages_find(a->messages, e) != NULL && n < size)
        n += (size_t)snprintf(text + n, size - n, _("%s: %s\n"),
                              _("What it means"), session_error_text(a, e));
    if (n > 0 && n < size)
        n += (size_t)snprintf(text + n, size - n, "%s\n",
                              _("Technical details:"));
#define DETAIL(label, value)                                                   \
    do {                                                                       \
        if ((value)[0] != '\0' && n < size)                                    \
            n += (size_t)snprintf(text + n, size - n, _("%s: %s\n"), (label),  \
                                  (value));                                    \
    } while (0)
    DETAIL(_("SQLSTATE"), e->sqlstate);
    DETAIL(_("Message"), e->message);
    DETAIL(_("Detail"), e->detail);
    DETAIL(_("Hint"), e->hint);
    DETAIL(_("Constraint"), e->constraint);
    DETAIL(_("Table"), e->table);
    DETAIL(_("Column"), e->column);
#undef DETAIL
    if (n == 0)
        snprintf(text, size, "%s", session_error_text(a, e));
    else if (n <= size && text[n - 1] == '\n')
        text[n - 1] = '\0';
}

void
app_error(struct app *a, const struct db_error *e)
{
    char key[32];

    if (e == NULL || e->status == DB_OK)
        return;
    app_keep_error(a, e);
    keys_names(ACT_DETAILS, KEYS_PRIMARY, key, sizeof(key));
    app_status_error(a, _("%s (%s: details)"), session_error_text(a, e), key);
}
