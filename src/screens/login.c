/*
 * login.c
 *   Asking who someone is: user name and password (never echoed), the
 *   server's answer in the person's language, and another try -- a wrong
 *   password or a server that does not answer is a message, never an exit.
 *   Once connected, the forms are checked against the catalog (a broken
 *   form ends the program with file:line on stderr) and the menu replaces
 *   this screen.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/tlswords.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/editkeys.h"
#include "ui/keys.h"

struct login {
    char *conninfo;
    struct lineedit user, password;
    int focus; /* 0 user, 1 password */
    char message[600];
    int top, cols;
};

static const char *
why_text(const struct db_error *e)
{
    switch (e->status) {
    case DB_NEEDS_PASSWORD:
        return _("The server asks for a password.");
    case DB_AUTH_FAILED:
        return _("Wrong user name or password.");
    case DB_LOGIN_REFUSED:
        return _("Your account is disabled or its login was refused.");
    case DB_UNREACHABLE:
        return _("The server could not be reached, or refused the login:");
    default:
        return _("Could not connect:");
    }
}

static void
explain(struct login *l, const struct db_error *e)
{
    /* a certificate that does not verify, a server that wants TLS: words
     * first (issue 14), libpq's text after them */
    const char *tls =
        e->status == DB_UNREACHABLE ? tls_failure_words(e->message) : NULL;

    if (tls != NULL) {
        snprintf(l->message, sizeof(l->message), "%s (%s)", tls, e->message);
        return;
    }
    snprintf(l->message, sizeof(l->message), "%s %s", why_text(e),
             e->status == DB_UNREACHABLE || e->status == DB_ERROR ? e->message
                                                                  : "");
}

static void
login_layout(struct screen *s, int top, int rows, int cols)
{
    struct login *l = s->data;

    (void)rows;
    l->top = top;
    l->cols = cols;
}

static void
login_draw(struct screen *s)
{
    struct login *l = s->data;
    int y = l->top + 2, x = 20;
    char stars[128];
    int n = l->password.len < 127 ? l->password.len : 127;

    draw_str(stdscr, y, 2, l->cols - 4, _("Log in to eduaid"), UA_HEADER,
             DRAW_PAD);
    draw_str(stdscr, y + 2, 2, 16, _("User"), UA_LABEL, DRAW_RIGHT);
    draw_field(stdscr, y + 2, x, 24, &l->user, l->focus == 0);
    draw_str(stdscr, y + 3, 2, 16, _("Password"), UA_LABEL, DRAW_RIGHT);
    memset(stars, '*', (size_t)n);
    stars[n] = '\0';
    draw_str(stdscr, y + 3, x, 24, stars,
             l->focus == 1 ? UA_FIELD_ACTIVE : UA_FIELD, DRAW_PAD);
    if (l->focus == 1)
        draw_cursor(y + 3, x + (n < 23 ? n : 23));
    draw_str(stdscr, y + 5, 2, l->cols - 4, l->message, UA_ERROR,
             DRAW_PAD | DRAW_MARK_CUT);
    draw_str(stdscr, y + 7, 2, l->cols - 4,
             _("Enter logs in; Tab moves between the fields."), UA_LABEL,
             DRAW_PAD);
}

/* Connected: check the forms, then the menu takes this screen's place. */
static enum key_result
logged_in(struct screen *s)
{
    struct screen *menu;

    if (session_check_forms(s->app, s->app->exit_message,
                            sizeof(s->app->exit_message)) != 0) {
        s->app->exit_status = 2;
        return KR_QUIT;
    }
    if ((menu = menu_screen_new(s->app)) == NULL)
        return KR_QUIT;
    app_push(s->app, menu);
    return KR_CLOSE;
}

static enum key_result
try_login(struct screen *s)
{
    struct login *l = s->data;
    struct db_error err;
    int rc;
    char *user = lineedit_utf8(&l->user),
         *password = lineedit_utf8(&l->password);

    if (user == NULL || password == NULL) {
        free(user);
        free(password);
        return KR_REDRAW;
    }
    app_status(s->app, "%s", _("Connecting..."));
    rc = session_connect(s->app, l->conninfo, user[0] ? user : NULL,
                         password[0] ? password : NULL, &err);
    memset(password, 0, strlen(password));
    free(password);
    free(user);
    lineedit_set_utf8(&l->password, "");
    if (rc != 0) {
        explain(l, &err);
        l->focus = err.status == DB_UNREACHABLE ? 0 : 1;
        return KR_REDRAW;
    }
    return logged_in(s);
}

static enum key_result
login_key(struct screen *s, const struct key *k)
{
    struct login *l = s->data;

    if (editkeys_apply(l->focus ? &l->password : &l->user, k, EDIT_ON_SCREEN,
                       NULL))
        return KR_REDRAW;
    switch (k->action) {
    case ACT_NEXT_FIELD:
    case ACT_PREV_FIELD:
        l->focus = !l->focus;
        return KR_REDRAW;
    case ACT_OPEN:
        if (l->focus == 0) {
            l->focus = 1;
            return KR_REDRAW;
        }
        return try_login(s);
    case ACT_BACK:
        return KR_QUIT;
    default:
        return KR_UNHANDLED;
    }
}

static void
login_resumed(struct screen *s, int result)
{
    (void)s;
    (void)result;
}

static const enum action login_actions_list[] = {ACT_OPEN, ACT_NEXT_FIELD,
                                                 ACT_HELP, ACT_BACK, ACT_NONE};

static const enum action *
login_actions(struct screen *s)
{
    (void)s;
    return login_actions_list;
}

static const char *
login_title(struct screen *s)
{
    (void)s;
    return _("Log in");
}

static void
login_close(struct screen *s)
{
    struct login *l = s->data;

    lineedit_free(&l->user);
    lineedit_free(&l->password);
    free(l->conninfo);
    free(l);
    free(s);
}

static const struct screen_ops login_ops = {
    .name = "login",
    .layout = login_layout,
    .draw = login_draw,
    .key = login_key,
    .resumed = login_resumed,
    .actions = login_actions,
    .title = login_title,
    .close = login_close,
};

struct screen *
login_screen_new(struct app *a, const char *conninfo, const char *user,
                 const struct db_error *why)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct login *l = calloc(1, sizeof(*l));
    const char *who = user != NULL ? user : getenv("PGUSER");

    if (s == NULL || l == NULL || !lineedit_init(&l->user, 63) ||
        !lineedit_init(&l->password, 0) ||
        !lineedit_set_utf8(&l->user, who ? who : "") ||
        (l->conninfo = strdup(conninfo ? conninfo : "")) == NULL) {
        if (l != NULL) {
            lineedit_free(&l->user);
            lineedit_free(&l->password);
        }
        free(l);
        free(s);
        return NULL;
    }
    *s = (struct screen){.ops = &login_ops, .app = a, .data = l};
    l->focus = who != NULL && who[0] ? 1 : 0;
    if (why != NULL)
        explain(l, why);
    return s;
}
