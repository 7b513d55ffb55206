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
#include "db/workflow.h"
#include "screens/review.h"
#include "screens/screens.h"
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
    int fd = a->db != NULL ? notify_fd(a->db) : -1;

    return fd == NOTIFY_READY ? APP_FD_READY : fd;
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

/*
 * Statements of the start-up pipeline beyond the checks and the first
 * screen's reads: each a SELECT (only those go ahead of their caller),
 * sent here to be learnt, its outcome thrown away; its real call later in
 * the start-up is then answered from the pipeline (db_prefetch_begin).
 * The LISTEN of the user's townships' change channels is one (issue 16).
 */
static void
start_extra(struct app *a)
{
    struct db_error err;

    /* the LISTEN of the change channels (notify.c) rides along */
    (void)notify_listen(a->db, &err);
}

/* The first screen as it is made at start-up, thrown away, to learn its
 * reads (the menu's counts; a reviewer's queue, which the menu opens at
 * its first moment), which then go in one pipeline. Their shape depends
 * on the workflow (who reviews), so this comes after the checks. */
static void
start_screens(struct app *a)
{
    struct screen *s;
    struct db_error err;

    db_prefetch_begin(a->db);
    if ((s = menu_screen_new(a)) != NULL)
        s->ops->close(s);
    if (review_has_queue(db_role(a->db)) && (s = queue_screen_new(a)) != NULL)
        s->ops->close(s);
    (void)db_prefetch_send(a->db, &err);
}

/*
 * The reads of the start-up in two round trips after logging in (issue
 * 16; docs/design/roundtrips.md): the checks of session_check_forms and
 * start_extra()'s are run once against empty answers to learn their
 * statements, which then go to the server in one pipeline, and the real
 * checks that follow are answered from it; then the same for the first
 * screen (start_screens). When anything differs, that statement and the
 * rest go one by one, as before: slower, never wrong.
 */
static void
start_pipeline(struct app *a)
{
    struct workflow *wf = NULL;
    struct formdef_error ferr;
    struct db_error err;
    char msg[8];

    db_prefetch_begin(a->db);
    (void)schema_check(a->db, msg, sizeof(msg), &err);
    if (workflow_load(a->db, &wf, &err) == 0)
        workflow_free(wf);
    if (a->messages == NULL)
        messages_free(messages_load(a->db, &err));
    if (strcmp(db_role(a->db), "inspector") != 0)
        for (size_t i = 0; i < a->nforms; i++) {
            (void)record_check_catalog(a->db, a->forms[i], a->lookups, &ferr,
                                       &err);
            (void)fieldcheck_form(a->db, a->forms[i], &ferr, &err);
        }
    start_extra(a);
    (void)db_prefetch_send(a->db, &err);
}

int
session_check_forms(struct app *a, char *msg, size_t msgsz)
{
    struct formdef_error ferr;
    struct db_error err;

    start_pipeline(a);
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
    if (strcmp(db_role(a->db), "inspector") == 0) {
        start_screens(a);
        return 0;
    }
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
    start_screens(a);
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
