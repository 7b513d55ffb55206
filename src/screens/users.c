/*
 * users.c
 *   The admin's users screen (issue 14): the accounts of the county with
 *   role, state, townships and any request waiting for a supervisor. On
 *   the SQL functions of 27_users.sql through db/users.c: F3 asks for a
 *   new account (login, name, role, townships, an optional password),
 *   F5 for other townships, F6 for a new password (typed twice, never
 *   shown; only its SCRAM verifier reaches the server), F7 to enable a
 *   disabled account -- each a request a county supervisor approves
 *   (four-eyes) --; F8 disables at once and ends the account's sessions.
 *   / finds by the start of a login or a name. The key bar offers F7 only
 *   on a disabled account and F8 only on an active one.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/userlist.h"
#include "db/users.h"
#include "screens/listbase.h"
#include "screens/screens.h"
#include "ui/appui.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define NCOLS 5
#define PASSWORD_MIN 8
#define PASSWORD_MAX 128
#define MAX_TOWNSHIPS 32

static const struct {
    const char *role, *label;
} roles[] = {
    {"clerk", N_("clerk")},
    {"officer", N_("township officer")},
    {"supervisor", N_("county supervisor")},
    {"auditor", N_("auditor")},
    {"inspector", N_("inspector")}, /* issue 15: 纪检督导 */
    {"admin", N_("administrator")},
};
#define NROLES (sizeof(roles) / sizeof(roles[0]))

struct users {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    char *search;
    char state[64];
    struct pick_item items[NROLES];
};

static const char *
role_label(const char *role)
{
    for (size_t i = 0; i < NROLES; i++)
        if (strcmp(role, roles[i].role) == 0)
            return _(roles[i].label);
    return role;
}

static bool
fetch(struct screen *s)
{
    struct users *u = s->data;
    struct db_error err;
    struct dbres *r = userlist_rows(s->app->db, u->search, &err);

    if (r == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&u->lb, r);
}

static const char *const users_shows[NCOLS] = {"login", "full_name", NULL, NULL,
                                               "townships"};

static bool
users_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct users *u = s->data;
    bool active = strcmp(cell(u, index, "active"), "t") == 0;
    const char *pending = cell(u, index, "pending");

    cells[2] = role_label(cell(u, index, "role"));
    snprintf(u->state, sizeof(u->state), "%s%s",
             active ? _("active") : _("disabled"),
             pending[0] ? _(", request waiting") : "");
    cells[3] = u->state;
    if (!active)
        row->attr = UA_GONE;
    return true;
}

static void
users_draw(struct screen *s)
{
    struct users *u = s->data;
    char line[256];

    snprintf(line, sizeof(line),
             _("Accounts of your county   Search: %s   (new accounts, "
               "townships, passwords: a supervisor approves)"),
             u->search ? u->search : "-");
    listbase_line(&u->lb, 0, line, UA_LABEL, DRAW_PAD);
    listview_draw(&u->lb.lv);
}

/* ---- asking ---------------------------------------------------------- */

/* A password typed twice, never shown; malloc'd, or NULL. */
static char *
ask_secret(struct app *a, const char *title, const char *label)
{
    char buf[PASSWORD_MAX];
    size_t n = 0;

    for (;;) {
        struct key k;
        enum modal_event ev;

        if (app_paint(a)) {
            int cols = 60, y = LINES / 2 - 3, x = (COLS - cols) / 2;
            char stars[PASSWORD_MAX + 1];

            memset(stars, '*', n);
            stars[n] = '\0';
            draw_box(stdscr, y, x, 5, cols, title, UA_DIALOG, UA_DIALOG_TITLE);
            draw_str(stdscr, y + 1, x + 2, cols - 4, label, UA_DIALOG,
                     DRAW_PAD);
            draw_str(stdscr, y + 2, x + 2, cols - 4, stars, UA_FIELD_ACTIVE,
                     DRAW_PAD);
            draw_str(stdscr, y + 3, x + 2, cols - 4,
                     _("Enter: done   Esc: cancel"), UA_DIALOG, DRAW_PAD);
        }
        app_refresh(a);
        ev = app_modal_key(a, &k, -1);
        if (ev == ME_HANGUP || ev == ME_INTERRUPT)
            break;
        if (ev != ME_KEY)
            continue;
        if (!k.is_function && k.code == 27)
            break;
        if (k.code == '\r' || k.code == '\n' ||
            (k.is_function && k.code == KEY_ENTER)) {
            char *r;

            buf[n] = '\0';
            r = strdup(buf);
            memset(buf, 0, sizeof(buf));
            return r;
        }
        if ((k.is_function && k.code == KEY_BACKSPACE) || k.code == 127 ||
            k.code == 8) {
            if (n > 0)
                n--;
        } else if (!k.is_function && k.code > ' ' && k.code < 127 &&
                   n + 1 < sizeof(buf)) {
            buf[n++] = (char)k.code;
        }
    }
    memset(buf, 0, sizeof(buf));
    return NULL;
}

/* A new password for login, typed twice and at least PASSWORD_MIN
 * characters; NULL (after saying why) when not. */
static char *
new_password(struct screen *s, const char *login)
{
    char label[160];
    char *p, *again;

    snprintf(label, sizeof(label), _("New password for %s:"), login);
    if ((p = ask_secret(s->app, _("Password"), label)) == NULL)
        return NULL;
    if (strlen(p) < PASSWORD_MIN) {
        app_status_error(s->app, _("A password needs at least %d characters."),
                         PASSWORD_MIN);
    } else if ((again = ask_secret(s->app, _("Password"), _("Again:"))) !=
               NULL) {
        bool same = strcmp(p, again) == 0;

        memset(again, 0, strlen(again));
        free(again);
        if (same)
            return p;
        app_status_error(s->app, "%s", _("The two passwords differ."));
    }
    memset(p, 0, strlen(p));
    free(p);
    return NULL;
}

/* Split text at blanks, commas and 、 into at most max townships. */
static int
split_townships(char *text, const char **out, int max)
{
    int n = 0;

    for (char *t = strtok(text, " ,\t"); t != NULL && n < max;
         t = strtok(NULL, " ,\t"))
        out[n++] = t;
    return n;
}

static void
requested(struct screen *s, long long id, const struct db_error *err,
          const char *what)
{
    if (id < 0) {
        app_error(s->app, err);
        return;
    }
    reload(s);
    app_status(s->app, _("%s: request %lld waits for a county supervisor."),
               what, id);
}

static int
role_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct users *u = arg;

    (void)filter;
    for (size_t i = 0; i < NROLES; i++)
        u->items[i] =
            (struct pick_item){roles[i].role, _(roles[i].label), NULL};
    *items = u->items;
    return (int)NROLES;
}

/* ---- the steps --------------------------------------------------------- */

static void
add_user(struct screen *s)
{
    struct users *u = s->data;
    struct db_error err;
    const char *ts[MAX_TOWNSHIPS];
    char *login = NULL, *name = NULL, *role = NULL, *towns = NULL, *pw = NULL;
    long long id;

    if ((login = dialog_prompt(s->app, PROMPT_TEXT, _("New account"),
                               _("Login (a-z, 0-9, _):"), "")) == NULL ||
        login[0] == '\0' ||
        (name = dialog_prompt(s->app, PROMPT_TEXT, _("New account"),
                              _("Full name:"), "")) == NULL ||
        name[0] == '\0' ||
        (role = dialog_pick(s->app, _("Role"), NULL, role_search, u)) == NULL ||
        (towns = dialog_prompt(s->app, PROMPT_TEXT, _("New account"),
                               _("Townships (codes or names, separated by "
                                 "spaces; none for the county's roles):"),
                               "")) == NULL)
        goto done;
    if (dialog_confirm(s->app, _("New account"), _("Set a first password now?"),
                       true) &&
        (pw = new_password(s, login)) == NULL)
        goto done;
    id = users_request_create(s->app->db, login, name, role, ts,
                              split_townships(towns, ts, MAX_TOWNSHIPS), pw,
                              &err);
    requested(s, id, &err, login);
done:
    if (pw != NULL)
        memset(pw, 0, strlen(pw));
    free(pw);
    free(login);
    free(name);
    free(role);
    free(towns);
}

static void
set_townships(struct screen *s, int i)
{
    struct users *u = s->data;
    struct db_error err;
    const char *ts[MAX_TOWNSHIPS];
    const char *login = cell(u, i, "login");
    char *towns =
        dialog_prompt(s->app, PROMPT_TEXT, _("Townships"),
                      _("Townships (codes or names, separated by spaces):"),
                      cell(u, i, "township_codes"));
    long long id;

    if (towns == NULL)
        return;
    id = users_request_townships(
        s->app->db, login, ts, split_townships(towns, ts, MAX_TOWNSHIPS), &err);
    free(towns);
    requested(s, id, &err, login);
}

static void
reset_password(struct screen *s, int i)
{
    struct users *u = s->data;
    struct db_error err;
    char login[96];
    char *pw;
    long long id;

    snprintf(login, sizeof(login), "%s", cell(u, i, "login"));
    if ((pw = new_password(s, login)) == NULL)
        return;
    id = users_request_password(s->app->db, login, pw, &err);
    memset(pw, 0, strlen(pw));
    free(pw);
    requested(s, id, &err, login);
}

static void
enable(struct screen *s, int i)
{
    struct users *u = s->data;
    struct db_error err;
    char login[96];
    long long id;

    snprintf(login, sizeof(login), "%s", cell(u, i, "login"));
    id = users_request_enable(s->app->db, login, &err);
    requested(s, id, &err, login);
}

static void
disable(struct screen *s, int i)
{
    struct users *u = s->data;
    struct db_error err;
    char login[96], question[256];
    int ended = 0;

    snprintf(login, sizeof(login), "%s", cell(u, i, "login"));
    snprintf(question, sizeof(question),
             _("Disable %s now? Their open sessions end at once."), login);
    if (!dialog_confirm(s->app, _("Disable"), question, false))
        return;
    if (users_disable(s->app->db, login, &ended, &err) != 0) {
        app_error(s->app, &err);
        return;
    }
    reload(s);
    app_status(s->app, _("%s is disabled; %d session(s) ended."), login, ended);
}

static bool users_available(struct screen *s, enum action a, const char **why);

static enum key_result
users_key(struct screen *s, const struct key *k)
{
    struct users *u = s->data;
    int sel = listview_selected(&u->lb.lv);
    const char *why = NULL;

    if (!users_available(s, k->action, &why)) {
        app_status(s->app, "%s", why ? why : "");
        return KR_REDRAW;
    }
    switch (k->action) {
    case ACT_NEW:
        add_user(s);
        return KR_REDRAW;
    case ACT_LOOKUP:
        if (sel >= 0)
            set_townships(s, sel);
        return KR_REDRAW;
    case ACT_ADD_ROW:
        if (sel >= 0)
            reset_password(s, sel);
        return KR_REDRAW;
    case ACT_PASS:
        if (sel >= 0 && strcmp(cell(u, sel, "active"), "t") != 0)
            enable(s, sel);
        return KR_REDRAW;
    case ACT_DELETE_ROW:
        if (sel >= 0 && strcmp(cell(u, sel, "active"), "t") == 0)
            disable(s, sel);
        return KR_REDRAW;
    default:
        return listbase_key(&u->lb, k);
    }
}

static const enum action users_actions_list[] = {
    ACT_NEW,    ACT_LOOKUP,  ACT_ADD_ROW, ACT_PASS, ACT_DELETE_ROW,
    ACT_SEARCH, ACT_REFRESH, ACT_HELP,    ACT_BACK, ACT_NONE};

static const enum action *
users_actions(struct screen *s)
{
    (void)s;
    return users_actions_list;
}

/* On a row only; enabling a disabled account, disabling an active one. */
static bool
users_available(struct screen *s, enum action a, const char **why)
{
    struct users *u = s->data;
    int sel = listview_selected(&u->lb.lv);
    bool active = sel >= 0 && strcmp(cell(u, sel, "active"), "t") == 0;

    if (a != ACT_LOOKUP && a != ACT_ADD_ROW && a != ACT_PASS &&
        a != ACT_DELETE_ROW)
        return true;
    if (sel < 0) {
        *why = _("the list has no rows");
        return false;
    }
    if (a == ACT_PASS && active) {
        *why = _("the account is active");
        return false;
    }
    if (a == ACT_DELETE_ROW && !active) {
        *why = _("the account is disabled already");
        return false;
    }
    return true;
}

static const char *
users_action_label(struct screen *s, enum action a)
{
    (void)s;
    switch (a) {
    case ACT_NEW:
        return _("New account");
    case ACT_LOOKUP:
        return _("Townships");
    case ACT_ADD_ROW:
        return _("Password");
    case ACT_PASS:
        return _("Enable");
    case ACT_DELETE_ROW:
        return _("Disable");
    default:
        return NULL;
    }
}

static const char *
users_title(struct screen *s)
{
    (void)s;
    return _("Users");
}

static const struct screen_ops users_ops = {
    .name = "users",
    .layout = listbase_layout,
    .draw = users_draw,
    .key = users_key,
    .resumed = listbase_resumed,
    .actions = users_actions,
    .available = users_available,
    .action_label = users_action_label,
    .title = users_title,
    .close = listbase_close,
};

static const struct listbase_ops users_list = {
    .fetch = fetch, .row = users_row, .shows = users_shows};

struct screen *
users_screen_new(struct app *a)
{
    struct screen *s = listbase_screen_new(a, &users_ops, sizeof(struct users));
    struct users *u;

    if (s == NULL)
        return NULL;
    u = s->data;
    u->columns[0] = (struct lv_column){_("Login"), 14, false};
    u->columns[1] = (struct lv_column){_("Name"), 10, false};
    u->columns[2] = (struct lv_column){_("Role"), 10, false};
    u->columns[3] = (struct lv_column){_("State"), 8, false};
    u->columns[4] = (struct lv_column){_("Townships"), 0, false};
    listbase_init(&u->lb, s, &users_list, u->columns, NCOLS);
    listbase_search_text(&u->lb, &u->search,
                         _("Start of a login or a name (empty: all)"));
    u->lb.lv.empty_text = _("No accounts match.");
    fetch(s);
    return s;
}
