/*
 * app.c
 *   The application loop (see app.h and ui/appui.h): the screen stack,
 *   a sleep in ppoll() on the terminal and the connection's socket with
 *   no timer (a deadline only when something is due: a tick asked for,
 *   the idle timeout), keys to the top screen and then to the
 *   global keys (help, quit, error details, ':' commands), the title bar,
 *   key bar and status line, the one resize path (KEY_RESIZE -> layout of
 *   every screen -> full redraw, or the "window too small" notice below
 *   80x24), and leaving cleanly on SIGHUP/SIGTERM or a terminal that
 *   returns EIO.
 */
#include "config.h"

#include "ui/app.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/text.h"
#include "ui/appui.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/headless.h"
#include "ui/help.h"
#include "ui/keys.h"
#include "ui/prompt.h"
#include "ui/term.h"

/* Keys without pause (a long paste) still let a tick through this often. */
#define TICK_MS 250
/* Keys handled one after another before the screen is drawn again (a
 * paste, a fast typist over a slow line). */
#define BURST_MAX 64
/* get_wch failing with EIO this many times in a row: the terminal is gone. */
#define EIO_MAX 3
/* ...or failing at once (no wait, no errno) this many times in a row. */
#define FAST_ERR_MAX 1000
/* The wait hook's descriptor readable this many times in a row, each
 * within a millisecond of the last (the hook reads nothing: a spin): it is
 * not waited on again until the next key. */
#define FD_SPIN_MAX 1000

struct app_stack {
    struct screen **v;
    int n, cap;
    bool running;
    bool dirty; /* paint before the next wait */
    bool quit;  /* leave the loop */
    int eio, fast_err;
    long long last_tick; /* when the top screen was last polled (us) */
    long long tick_due;  /* when a tick is due (us; app_tick_in), 0: none */
    int fd_spin;         /* the wait hook's descriptor woke us, in a row */
    long long fd_woke;   /* when it last did (us) */
    long long last_key;  /* when a key was last pressed (us) */
    bool idle_ended;     /* the idle timeout ended the session */
    char status[512];
    bool status_error;
};

static app_command_fn command_hook;
static app_tick_fn tick_hook;
static app_wait_fd_fn wait_fd_hook;

static struct app_stack *
stack_of(struct app *a)
{
    if (a->stack == NULL)
        a->stack = calloc(1, sizeof(*a->stack));
    return a->stack;
}

static struct screen *
top_screen(const struct app *a)
{
    if (a->stack == NULL || a->stack->n == 0)
        return NULL;
    return a->stack->v[a->stack->n - 1];
}

bool
app_big_enough(void)
{
    return COLS >= APP_MIN_COLS && LINES >= APP_MIN_LINES;
}

/* The screens' area: below the title bar, above the key bar and the
 * status line. */
static void
layout_screen(struct screen *s)
{
    if (s->ops->layout != NULL)
        s->ops->layout(s, 1, LINES - 3, COLS);
}

static void
layout_all(struct app *a)
{
    struct app_stack *st = a->stack;

    if (st == NULL || !app_big_enough())
        return;
    for (int i = 0; i < st->n; i++)
        layout_screen(st->v[i]);
}

/* ------------------------------------------------------------------
 * The stack
 * ------------------------------------------------------------------ */

void
app_push(struct app *a, struct screen *s)
{
    struct app_stack *st = stack_of(a);

    if (s == NULL)
        return;
    if (st == NULL) {
        s->ops->close(s);
        return;
    }
    if (st->n == st->cap) {
        int cap = st->cap > 0 ? st->cap * 2 : 8;
        struct screen **v = realloc(st->v, (size_t)cap * sizeof(*v));

        if (v == NULL) {
            s->ops->close(s);
            app_status(a, "%s", _("Out of memory."));
            return;
        }
        st->v = v;
        st->cap = cap;
    }
    s->app = a;
    st->v[st->n++] = s;
    if (st->running && app_big_enough())
        layout_screen(s);
    st->dirty = true;
}

/* Take s off the stack (wherever it is: a screen may push its successor
 * and then close itself) and close it; the screen that comes back on top
 * hears the result. */
static void
remove_screen(struct app *a, struct screen *s)
{
    struct app_stack *st = a->stack;
    int i, result = s->result;
    bool was_top;

    for (i = st->n - 1; i >= 0; i--)
        if (st->v[i] == s)
            break;
    if (i < 0)
        return;
    was_top = i == st->n - 1;
    memmove(st->v + i, st->v + i + 1, (size_t)(st->n - i - 1) * sizeof(*st->v));
    st->n--;
    s->ops->close(s);
    if (was_top && st->n > 0) {
        struct screen *below = st->v[st->n - 1];

        if (below->ops->resumed != NULL)
            below->ops->resumed(below, result);
    }
    st->dirty = true;
}

const struct formdef *
app_form(const struct app *a, const char *kind)
{
    if (kind == NULL)
        return NULL;
    for (size_t i = 0; i < a->nforms; i++)
        if (a->forms[i] != NULL && a->forms[i]->kind != NULL &&
            strcmp(a->forms[i]->kind, kind) == 0)
            return a->forms[i];
    return NULL;
}

const char *
app_kind_title(const struct app *a, const char *kind)
{
    const struct formdef *f = app_form(a, kind);

    return f != NULL ? label_text(&f->title, a->zh) : kind;
}

/* ------------------------------------------------------------------
 * Status line and errors
 * ------------------------------------------------------------------ */

static void set_status(struct app *a, bool error, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

static void
set_status(struct app *a, bool error, const char *fmt, va_list ap)
{
    struct app_stack *st = stack_of(a);

    if (st == NULL)
        return;
    vsnprintf(st->status, sizeof(st->status), fmt, ap);
    st->status_error = error;
    st->dirty = true;
}

void
app_status(struct app *a, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    set_status(a, false, fmt, ap);
    va_end(ap);
}

void
app_status_error(struct app *a, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    set_status(a, true, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------
 * Painting
 * ------------------------------------------------------------------ */

static void
paint_title(struct app *a, struct screen *top)
{
    const char *title =
        top != NULL && top->ops->title != NULL ? top->ops->title(top) : "";
    char right[256] = "", fitted[1024], line[1600];
    int room;

    if (title == NULL)
        title = "";
    if (a->db != NULL)
        snprintf(right, sizeof(right), " \xc2\xb7 %s", a->who);
    /* "eduaid · <title> · user@role"; the title gives way first. */
    room = COLS - 2 - text_utf8_cells(PACKAGE_NAME " \xc2\xb7 ") -
           text_utf8_cells(right);
    if (room < 0)
        room = 0;
    text_fit(title, room, false, true, fitted, sizeof(fitted));
    snprintf(line, sizeof(line), PACKAGE_NAME " \xc2\xb7 %s%s", fitted, right);
    draw_fill(stdscr, 0, 0, 1, UA_TITLE);
    draw_str(stdscr, 0, 1, COLS - 1, line, UA_TITLE, DRAW_PAD | DRAW_MARK_CUT);
}

/* The key bar (keybar_plan in keys.h: the available actions of the top
 * screen, or of the dialog over it, with all their keys). */
static void
paint_keybar(struct app *a, struct screen *top)
{
    struct keybar_item items[ACT_COUNT];
    struct screen *s = a->modal_bar != NULL ? a->modal_bar : top;
    int n = keybar_plan(s, COLS, items, ACT_COUNT), y = LINES - 2, x = 0;

    for (int i = 0; i < n && x < COLS; i++) {
        char label[256];

        x += draw_str(stdscr, y, x, COLS - x, items[i].names, UA_KEYNAME, 0);
        if (x >= COLS)
            break;
        snprintf(label, sizeof(label), "%s%s", items[i].gap ? " " : "",
                 items[i].label);
        x += draw_str(stdscr, y, x, COLS - x, label, UA_KEYBAR, DRAW_MARK_CUT);
        if (x < COLS) /* the blank between items */
            draw_fill(stdscr, y, x++, 1, UA_KEYBAR);
    }
    if (x < COLS)
        draw_fill(stdscr, y, x, COLS - x, UA_KEYBAR);
}

static void
paint_status(struct app *a)
{
    struct app_stack *st = a->stack;

    draw_fill(stdscr, LINES - 1, 0, COLS, UA_NORMAL);
    if (st != NULL && st->status[0] != '\0')
        /* COLS - 1: the last cell of the last line would scroll */
        draw_str(stdscr, LINES - 1, 0, COLS - 1, st->status,
                 st->status_error ? UA_ERROR : UA_STATUS, DRAW_MARK_CUT);
}

bool
app_status_empty(const struct app *a)
{
    return a->stack == NULL || a->stack->status[0] == '\0';
}

void
app_status_now(struct app *a)
{
    struct app_stack *st = a->stack;

    if (st == NULL || !st->running || !app_big_enough())
        return;
    paint_status(a);
    wnoutrefresh(stdscr);
    doupdate();
}

static void
paint_too_small(void)
{
    char line[256];
    int y = LINES / 2 - 1;

    if (y < 0)
        y = 0;
    snprintf(line, sizeof(line), "%s", _("Window too small"));
    draw_str(stdscr, y, 0, COLS, line, UA_NOTICE, DRAW_CENTRE | DRAW_MARK_CUT);
    if (y + 1 < LINES) {
        snprintf(line, sizeof(line), _("need %dx%d, have %dx%d"), APP_MIN_COLS,
                 APP_MIN_LINES, COLS, LINES);
        draw_str(stdscr, y + 1, 0, COLS, line, UA_NOTICE,
                 DRAW_CENTRE | DRAW_MARK_CUT);
    }
}

bool
app_paint(struct app *a)
{
    struct screen *top = top_screen(a);

    draw_cursor_reset();
    wattrset(stdscr, A_NORMAL);
    werase(stdscr);
    if (!app_big_enough()) {
        paint_too_small();
        return false;
    }
    paint_title(a, top);
    paint_keybar(a, top);
    paint_status(a);
    if (top != NULL && top->ops->draw != NULL)
        top->ops->draw(top);
    return true;
}

void
app_refresh(struct app *a)
{
    int y, x;

    (void)a;
    if (draw_cursor_get(&y, &x) && app_big_enough()) {
        leaveok(stdscr, FALSE);
        wmove(stdscr, y, x);
        term_cursor(true);
    } else {
        /* A hidden cursor need not be moved back after each change. */
        leaveok(stdscr, TRUE);
        term_cursor(false);
    }
    wrefresh(stdscr);
}

/* ------------------------------------------------------------------
 * Keys
 * ------------------------------------------------------------------ */

static long long
now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/*
 * After an Esc from get_wch: what follows at once, if anything. An escape
 * sequence curses did not recognise (TERM not matching the terminal) is
 * decoded when keys.c knows it and swallowed otherwise, so that it never
 * reads as Esc (Back!) followed by letters. Returns 1 with *k set, 0 to
 * ignore, -1 for a plain Esc (a key that followed is put back: Alt+key in
 * the prompt).
 */
static int
escape_sequence(struct key *k)
{
    char seq[16];
    int n = 0, rc, code;
    wint_t c;

    wtimeout(stdscr, 0);
    rc = wget_wch(stdscr, &c);
    if (rc == ERR)
        return -1;
    if (rc == KEY_CODE_YES) {
        ungetch((int)c);
        return -1;
    }
    if (c != '[' && c != 'O') {
        unget_wch((wchar_t)c);
        return -1;
    }
    seq[n++] = (char)c;
    while (n < (int)sizeof(seq) - 1) {
        rc = wget_wch(stdscr, &c);
        if (rc != OK || c < 0x20 || c > 0x7e) {
            if (rc == KEY_CODE_YES)
                ungetch((int)c);
            else if (rc == OK)
                unget_wch((wchar_t)c);
            break;
        }
        seq[n++] = (char)c;
        if (seq[0] == 'O')
            break;
        if (n == 2 && c == '[')
            continue; /* "[[A": the Linux console */
        if (c >= 0x40)
            break; /* the final byte */
    }
    seq[n] = '\0';
    code = keys_decode_sequence(seq);
    if (code == 0)
        return 0;
    *k = keys_make(KEY_CODE_YES, (wint_t)code);
    return 1;
}

/* The key script's next event in place of the keyboard's (headless.h). */
static enum modal_event
headless_event(struct key *k, int timeout_ms)
{
    switch (headless_read(k, timeout_ms)) {
    case HL_KEY:
        return ME_KEY;
    case HL_TIMEOUT:
        return ME_TIMEOUT;
    default:
        term_set_hangup();
        return ME_HANGUP;
    }
}

/*
 * The idle timeout (ui.idle_timeout; 网络安全等级保护 2.0, level 3: a
 * session left alone ends): true once no key was pressed for that long,
 * and then the session is ending -- app_end with a message, the loop
 * leaves, every screen closes and a form with unsaved changes journals
 * them in its close (screens/formjournal.c), to be offered back by the
 * menu at the next login. Dialogs waiting for a key see a hang-up. Not
 * in a headless run (a key script).
 */
static bool
idle_expired(struct app *a)
{
    struct app_stack *st = a->stack;
    int idle = a->settings != NULL ? a->settings->idle_timeout : 0;
    char msg[400];

    if (st->last_key == 0)
        st->last_key = now_us();
    if (idle <= 0 || now_us() - st->last_key < idle * 1000000LL)
        return false;
    st->idle_ended = true;
    if (idle % 60 == 0)
        snprintf(msg, sizeof(msg),
                 _("No key was pressed for %d minutes: the session has "
                   "ended. Unsaved changes are kept and offered back at the "
                   "next login."),
                 idle / 60);
    else
        snprintf(msg, sizeof(msg),
                 _("No key was pressed for %d seconds: the session has "
                   "ended. Unsaved changes are kept and offered back at the "
                   "next login."),
                 idle);
    app_end(a, 1, msg);
    return true;
}

/* What a key from get_wch means: true with *ev set (*k for ME_KEY), or
 * false when it was nothing to report (no key, a mouse event, an escape
 * sequence swallowed). The one place get_wch is called outside the
 * look-ahead after Esc; never waits (ncurses' own ESCDELAY still joins an
 * escape sequence that has begun). */
static bool
take_key(struct app *a, struct key *k, enum modal_event *ev)
{
    struct app_stack *st = a->stack;
    wint_t ch = 0;
    int rc, err;

    wtimeout(stdscr, 0);
    errno = 0;
    rc = wget_wch(stdscr, &ch);
    err = errno;
    if (rc == ERR) {
        /* The pty is gone (SIGHUP ignored or lost): every read fails. */
        if (err == EIO && ++st->eio >= EIO_MAX) {
            term_set_hangup();
            *ev = ME_HANGUP;
            return true;
        }
        return false;
    }
    st->eio = st->fast_err = st->fd_spin = 0;
    if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
        /* The one resize path: lay out every screen, then a full redraw. */
        layout_all(a);
        clearok(curscr, TRUE);
        st->dirty = true;
        *ev = ME_RESIZE;
        return true;
    }
    if (rc == KEY_CODE_YES && ch == KEY_MOUSE)
        return false;
    st->last_key = now_us();
    *ev = ME_KEY;
    if (rc == OK && ch == 27) {
        int e = escape_sequence(k);

        if (e == 0)
            return false;
        if (e == 1)
            return true;
    }
    *k = keys_make(rc, ch);
    return true;
}

/* The idle timeout's deadline (us), 0 when there is none. */
static long long
idle_deadline(const struct app *a)
{
    int idle = a->settings != NULL ? a->settings->idle_timeout : 0;

    if (idle <= 0 || a->stack->last_key == 0)
        return 0;
    return a->stack->last_key + idle * 1000000LL;
}

/* The earlier of two deadlines (0: none). */
static long long
earlier(long long x, long long y)
{
    if (x == 0)
        return y;
    return y != 0 && y < x ? y : x;
}

enum wake { WK_TERM, WK_FD, WK_TIME, WK_SIGNAL };

/*
 * Sleep until the terminal or the wait hook's descriptor has input, a
 * signal comes, or deadline (us, 0: none). unblocked is the signal mask
 * to sleep with: the caller blocks the signals the loop acts on from its
 * checks until here, so that one coming in between ends this sleep
 * instead of waiting for the next key.
 */
static enum wake
wait_input(struct app *a, long long deadline, const sigset_t *unblocked)
{
    struct app_stack *st = a->stack;
    struct pollfd p[2] = {{.fd = STDIN_FILENO, .events = POLLIN},
                          {.fd = -1, .events = POLLIN}};
    struct timespec ts, *tsp = NULL;
    nfds_t n = 1;
    long long now;
    int rc;

    if (wait_fd_hook != NULL && st->fd_spin < FD_SPIN_MAX &&
        (p[1].fd = wait_fd_hook(a)) >= 0)
        n = 2;
    else if (p[1].fd == APP_FD_READY)
        return WK_FD; /* it came while a statement ran: no sleep */
    if (deadline != 0) {
        long long left = deadline - now_us();

        if (left < 0)
            left = 0;
        ts.tv_sec = (time_t)(left / 1000000);
        ts.tv_nsec = (long)(left % 1000000) * 1000;
        tsp = &ts;
    }
    rc = ppoll(p, n, tsp, unblocked);
    if (rc < 0)
        return errno == EINTR ? WK_SIGNAL : WK_TERM;
    if (rc == 0)
        return WK_TIME;
    if (p[0].revents != 0)
        return WK_TERM;
    now = now_us();
    st->fd_spin = now - st->fd_woke < 1000 ? st->fd_spin + 1 : 1;
    st->fd_woke = now;
    return WK_FD;
}

/* Block the signals the loop acts on (hang-up, interrupt, resize); the
 * mask before goes to *old. */
static void
block_signals(sigset_t *old)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGQUIT);
    sigaddset(&set, SIGWINCH);
    sigprocmask(SIG_BLOCK, &set, old);
}

/*
 * Wait for a key (timeout_ms, -1 for ever). The main loop (in_main) also
 * returns ME_TIMEOUT when a tick is due or the wait hook's descriptor is
 * readable (a tick reads it); a dialog's wait runs the tick hook for the
 * descriptor and goes on waiting. Nothing wakes the process otherwise.
 */
static enum modal_event
read_event(struct app *a, struct key *k, int timeout_ms, bool in_main)
{
    struct app_stack *st = a->stack;
    long long deadline = timeout_ms < 0 ? 0 : now_us() + timeout_ms * 1000LL;
    bool term_ready = false;

    if (term_hangup() || st->idle_ended)
        return ME_HANGUP;
    if (term_take_interrupt())
        return ME_INTERRUPT;
    if (headless_active())
        return headless_event(k, timeout_ms);
    for (;;) {
        enum modal_event ev = ME_TIMEOUT;
        enum wake w = WK_TIME;
        sigset_t old;
        bool got;

        if (idle_expired(a))
            return ME_HANGUP;
        block_signals(&old);
        if (term_hangup())
            ev = ME_HANGUP;
        else if (term_take_interrupt())
            ev = ME_INTERRUPT;
        got = ev != ME_TIMEOUT || take_key(a, k, &ev);
        if (!got && timeout_ms != 0)
            w = wait_input(a,
                           earlier(earlier(deadline, idle_deadline(a)),
                                   in_main ? st->tick_due : 0),
                           &old);
        sigprocmask(SIG_SETMASK, &old, NULL);
        if (got)
            return ev;
        if (term_ready && ++st->fast_err >= FAST_ERR_MAX) {
            /* readable, yet nothing to read: the terminal is gone */
            term_set_hangup();
            return ME_HANGUP;
        }
        term_ready = w == WK_TERM;
        if (timeout_ms == 0)
            return ME_TIMEOUT;
        if (w == WK_FD) {
            if (in_main)
                return ME_TIMEOUT;
            if (tick_hook != NULL)
                tick_hook(a);
        } else if (w == WK_TIME) {
            long long now = now_us();

            if ((deadline != 0 && now >= deadline) ||
                (in_main && st->tick_due != 0 && now >= st->tick_due))
                return ME_TIMEOUT;
        }
    }
}

enum modal_event
app_modal_key(struct app *a, struct key *k, int timeout_ms)
{
    enum modal_event ev;

    if (stack_of(a) == NULL)
        return ME_HANGUP;
    ev = read_event(a, k, timeout_ms, false);
    if (ev == ME_KEY && !app_big_enough())
        return ME_TIMEOUT;
    return ev;
}

void
app_set_command_hook(app_command_fn fn)
{
    command_hook = fn;
}

void
app_set_tick_hook(app_tick_fn fn)
{
    tick_hook = fn;
}

void
app_set_wait_fd_hook(app_wait_fd_fn fn)
{
    wait_fd_hook = fn;
}

void
app_tick_in(struct app *a, long ms)
{
    struct app_stack *st = stack_of(a);
    long long due;

    if (st == NULL)
        return;
    due = now_us() + (ms > 0 ? ms : 0) * 1000LL;
    st->tick_due = earlier(st->tick_due, due);
}

void
app_end(struct app *a, int status, const char *message)
{
    struct app_stack *st = stack_of(a);

    a->exit_status = status;
    if (message != NULL)
        snprintf(a->exit_message, sizeof(a->exit_message), "%s", message);
    if (st != NULL) {
        st->quit = true;
        st->dirty = true;
    }
}

bool
app_confirm_quit(struct app *a)
{
    return dialog_confirm(a, _("Quit"), _("Quit eduaid?"), false);
}

/* The last error in full (screens/session.c writes it). */
static void
show_details(struct app *a)
{
    dialog_message(a, _("Error details"),
                   a->details[0] != '\0' ? a->details : _("No error so far."));
}

static void run_command_line(struct app *a);

const char *
app_screen_name(const struct app *a)
{
    const struct screen *top = top_screen(a);

    return top != NULL ? top->ops->name : NULL;
}

/* The keys every screen has unless it takes them itself. True when the
 * key was one of them. */
static bool
global_key(struct app *a, const struct key *k)
{
    struct app_stack *st = a->stack;

    switch (k->action) {
    case ACT_HELP:
        app_push(a, help_screen_new(a, top_screen(a)));
        return true;
    case ACT_QUIT:
        if (app_confirm_quit(a))
            st->quit = true;
        st->dirty = true;
        return true;
    case ACT_DETAILS:
        show_details(a);
        st->dirty = true;
        return true;
    case ACT_COMMAND:
        run_command_line(a);
        st->dirty = true;
        return true;
    case ACT_REFRESH:
        /* Nobody reloads: repaint the terminal from scratch (a line
         * noise or a wall message spoilt it). */
        clearok(curscr, TRUE);
        st->dirty = true;
        return true;
    default:
        return false;
    }
}

/* Act on what a screen's key handler said. */
static void
handle_result(struct app *a, struct screen *s, const struct key *k,
              enum key_result r)
{
    struct app_stack *st = a->stack;

    switch (r) {
    case KR_UNHANDLED:
        if (k->action != ACT_NONE)
            global_key(a, k);
        break;
    case KR_HANDLED:
        break;
    case KR_REDRAW:
        st->dirty = true;
        break;
    case KR_RELAYOUT:
        layout_all(a);
        st->dirty = true;
        break;
    case KR_CLOSE:
        remove_screen(a, s);
        break;
    case KR_QUIT:
        st->quit = true;
        break;
    }
}

static void
dispatch(struct app *a, const struct key *k)
{
    struct screen *top = top_screen(a);
    enum key_result r = KR_UNHANDLED;

    if (top == NULL)
        return;
    if (top->ops->key != NULL)
        r = top->ops->key(top, k);
    handle_result(a, top, k, r);
}

/* ------------------------------------------------------------------
 * The ':' command line
 * ------------------------------------------------------------------ */

static bool
place_command_line(void *arg, int *y, int *x, int *cells)
{
    struct app *a = arg;

    if (!app_paint(a))
        return false;
    draw_fill(stdscr, LINES - 1, 0, COLS, UA_FIELD_ACTIVE);
    *y = LINES - 1;
    *x = 0;
    *cells = COLS - 1;
    return true;
}

static void
run_command_line(struct app *a)
{
    struct app_stack *st = a->stack;
    char *line, *cmd, *end;
    enum action act;

    st->status[0] = '\0';
    line = prompt_read(a, PROMPT_COMMAND, ":", NULL, place_command_line, a);
    if (line == NULL)
        return;
    cmd = line;
    while (*cmd == ' ' || *cmd == '\t')
        cmd++;
    end = cmd + strlen(cmd);
    while (end > cmd && (end[-1] == ' ' || end[-1] == '\t'))
        *--end = '\0';
    if (*cmd == '\0') {
        free(line);
        return;
    }
    if (strcmp(cmd, "q") == 0)
        act = ACT_QUIT;
    else if (strcmp(cmd, "h") == 0)
        act = ACT_HELP;
    else
        act = keys_by_id(cmd);
    if (act != ACT_NONE && act != ACT_COMMAND) {
        struct key k;
        struct screen *top = top_screen(a);
        enum key_result r = KR_UNHANDLED;

        k.code = 0;
        k.is_function = false;
        k.action = act;
        if (top != NULL && top->ops->key != NULL)
            r = top->ops->key(top, &k);
        if (r == KR_UNHANDLED) {
            if (!global_key(a, &k))
                app_status_error(a, _("Not available here: %s"), cmd);
        } else {
            handle_result(a, top, &k, r);
        }
    } else if (command_hook == NULL || !command_hook(a, cmd)) {
        app_status_error(a, _("Unknown command: %s"), cmd);
    }
    free(line);
}

/* ------------------------------------------------------------------
 * The loop
 * ------------------------------------------------------------------ */

/* The tick hook, then a key that is none (ACT_NONE, code 0) for the top
 * screen (appui.h: when). */
static void
tick(struct app *a)
{
    struct key k;

    a->stack->last_tick = now_us();
    a->stack->tick_due = 0; /* (the hook may ask for the next) */
    if (tick_hook != NULL)
        tick_hook(a);
    if (a->stack->quit)
        return;
    k.code = 0;
    k.is_function = false;
    k.action = ACT_NONE;
    dispatch(a, &k);
}

static enum term_colour
colour_setting(const struct app *a)
{
    const char *c = a->settings != NULL ? a->settings->colour : NULL;

    if (c != NULL && strcmp(c, "never") == 0)
        return TERM_COLOUR_NEVER;
    if (c != NULL && strcmp(c, "always") == 0)
        return TERM_COLOUR_ALWAYS;
    return TERM_COLOUR_AUTO;
}

int
app_run(struct app *a, struct screen *first)
{
    struct app_stack *st = stack_of(a);
    char err[256];
    int status = 0, burst = 0, wait = -1;

    if (st == NULL) {
        fprintf(stderr, _("%s: out of memory\n"), PACKAGE_NAME);
        if (first != NULL)
            first->ops->close(first);
        return 1;
    }
    if (a->settings != NULL && a->settings->history_file != NULL)
        prompt_set_history(a->settings->history_file);
    if (term_init(colour_setting(a), err, sizeof(err)) != 0) {
        fprintf(stderr, "%s: %s\n", PACKAGE_NAME, err);
        if (first != NULL)
            first->ops->close(first);
        free(st->v);
        free(st);
        a->stack = NULL;
        return 1;
    }
    a->colour = term_has_colour();
    st->running = true;
    st->quit = false;
    st->eio = st->fast_err = 0;
    app_push(a, first);
    layout_all(a);
    st->dirty = true;
    st->tick_due = now_us(); /* the first tick at once */
    st->fd_spin = 0;

    for (;;) {
        struct key k;
        enum modal_event ev;

        if (term_hangup()) {
            /* (a key script that ran out is a normal end) */
            status = headless_finished() ? 0 : 1;
            break;
        }
        if (st->quit) {
            status = a->exit_status;
            break;
        }
        if (st->n == 0)
            break;
        if (wait != 0 && st->dirty) {
            st->dirty = false;
            app_paint(a);
            app_refresh(a);
        }
        ev = read_event(a, &k, wait, true);
        if (ev == ME_TIMEOUT && wait == 0) {
            /* The burst is over: draw, tick, then wait again. */
            wait = -1;
            burst = 0;
            app_tick_in(a, 0);
            continue;
        }
        wait = -1;
        switch (ev) {
        case ME_HANGUP:
            continue; /* term_hangup() is set */
        case ME_INTERRUPT:
            if (app_confirm_quit(a))
                st->quit = true;
            st->dirty = true;
            break;
        case ME_RESIZE:
            break;
        case ME_TIMEOUT:
            tick(a);
            burst = 0;
            break;
        case ME_KEY:
            if (!app_big_enough())
                break; /* nobody can see what it would do */
            if (st->status[0] != '\0') {
                st->status[0] = '\0'; /* until the next key */
                st->dirty = true;
            }
            dispatch(a, &k);
            if (++burst < BURST_MAX)
                wait = 0;
            else
                burst = 0;
            /* Keys without pause (a long paste) do not stop the polls. */
            if (now_us() - st->last_tick >= TICK_MS * 1000LL)
                tick(a);
            break;
        }
    }

    st->running = false;
    term_restore();
    prompt_shutdown();
    if (a->exit_message[0] != '\0')
        fprintf(stderr, "%s\n", a->exit_message);
    /* Screens free themselves (and journal what they hold) in close. */
    while (st->n > 0) {
        struct screen *s = st->v[--st->n];

        s->ops->close(s);
    }
    free(st->v);
    free(st);
    a->stack = NULL;
    return status;
}
