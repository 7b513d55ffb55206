/*
 * term.c
 *   Taking over the terminal and giving it back, the colour and
 *   monochrome attribute tables, and the signal flags (see term.h).
 */
#include "config.h"

#include "ui/term.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ui/headless.h"

/* -1: the terminal's own foreground or background (use_default_colors). */
#define DEF (-1)

struct attr_spec {
    short fg, bg;     /* colours; DEF and DEF: no colour pair */
    int colour_extra; /* bold etc. added in colour */
    int mono;         /* the whole attribute in monochrome */
};

static const struct attr_spec specs[UA_COUNT] = {
    [UA_NORMAL] = {DEF, DEF, A_NORMAL, A_NORMAL},
    [UA_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
    [UA_KEYBAR] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [UA_KEYNAME] = {DEF, DEF, A_BOLD, A_BOLD},
    [UA_STATUS] = {DEF, DEF, A_NORMAL, A_NORMAL},
    [UA_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_UNDERLINE},
    [UA_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [UA_FIELD] = {COLOR_CYAN, DEF, A_UNDERLINE, A_UNDERLINE},
    [UA_FIELD_ACTIVE] = {DEF, DEF, A_NORMAL, A_NORMAL},
    [UA_LABEL] = {DEF, DEF, A_NORMAL, A_NORMAL},
    [UA_HEADER] = {COLOR_YELLOW, DEF, A_BOLD, A_BOLD},
    [UA_MARK] = {COLOR_MAGENTA, DEF, A_BOLD, A_BOLD},
    [UA_DIALOG] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_NORMAL},
    [UA_DIALOG_TITLE] = {COLOR_BLUE, COLOR_WHITE, A_BOLD, A_BOLD},
    [UA_NOTICE] = {DEF, DEF, A_BOLD, A_BOLD},
    [UA_ST_DRAFT] = {DEF, DEF, A_NORMAL, A_NORMAL},
    [UA_ST_SUBMITTED] = {COLOR_YELLOW, DEF, A_NORMAL, A_BOLD},
    [UA_ST_VERIFIED] = {COLOR_CYAN, DEF, A_NORMAL, A_BOLD},
    [UA_ST_APPROVED] = {COLOR_GREEN, DEF, A_NORMAL, A_NORMAL},
    [UA_ST_REJECTED] = {COLOR_RED, DEF, A_BOLD, A_BOLD | A_UNDERLINE},
    [UA_ADDED] = {COLOR_GREEN, DEF, A_BOLD, A_BOLD},
    [UA_GONE] = {DEF, DEF, A_DIM, A_DIM},
};

static SCREEN *screen;
static bool active;
static bool colour;
static int attrs[UA_COUNT];
static int cursor_state = -1; /* unknown */
static bool atexit_done;

static volatile sig_atomic_t got_hangup;
static volatile sig_atomic_t got_interrupt;

static void
on_hangup(int sig)
{
    (void)sig;
    got_hangup = 1;
}

static void
on_interrupt(int sig)
{
    (void)sig;
    got_interrupt = 1;
}

/* Install h for sig, without SA_RESTART so that a blocked read returns. */
static void
set_handler(int sig, void (*h)(int))
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = h;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static bool
want_colour(enum term_colour mode)
{
    const char *no_colour;

    if (mode == TERM_COLOUR_NEVER || !has_colors())
        return false;
    if (mode == TERM_COLOUR_ALWAYS)
        return true;
    no_colour = getenv("NO_COLOR");
    if (no_colour != NULL && no_colour[0] != '\0')
        return false;
    return true;
}

/* Fill attrs[] for colour (when start_color works) or monochrome. */
static void
setup_attrs(enum term_colour mode)
{
    bool defaults;

    colour = false;
    if (want_colour(mode) && start_color() == OK && COLORS >= 8 &&
        COLOR_PAIRS > UA_COUNT)
        colour = true;
    if (!colour) {
        for (int i = 0; i < UA_COUNT; i++)
            attrs[i] = specs[i].mono;
        return;
    }
    defaults = use_default_colors() == OK;
    for (int i = 0; i < UA_COUNT; i++) {
        short fg = specs[i].fg, bg = specs[i].bg;

        if (fg == DEF && bg == DEF) {
            attrs[i] = specs[i].colour_extra;
            continue;
        }
        if (!defaults) {
            if (fg == DEF)
                fg = COLOR_WHITE;
            if (bg == DEF)
                bg = COLOR_BLACK;
        }
        init_pair((short)(i + 1), fg, bg);
        attrs[i] = (int)COLOR_PAIR(i + 1) | specs[i].colour_extra;
    }
}

/* Ctrl-S and Ctrl-Q are keys here, not flow control. Then tell ncurses
 * that this is its program mode, so that it comes back after Ctrl-Z. */
static void
no_flow_control(void)
{
    struct termios t;

    if (tcgetattr(STDIN_FILENO, &t) == 0) {
        t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
        tcsetattr(STDIN_FILENO, TCSANOW, &t);
    }
    def_prog_mode();
}

int
term_init(enum term_colour mode, char *err, size_t errsz)
{
    const char *term = getenv("TERM");

    if (active)
        return 0;
    if (headless_active()) {
        screen = headless_newterm(err, errsz);
        if (screen == NULL)
            return -1;
    } else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        snprintf(err, errsz, "standard input and output must be a terminal");
        return -1;
    } else {
        screen = newterm(NULL, stdout, stdin);
    }
    if (screen == NULL) {
        snprintf(err, errsz, "cannot use the terminal (TERM=%s)",
                 term != NULL ? term : "(unset)");
        return -1;
    }
    set_term(screen);
    active = true;
    if (!atexit_done) {
        atexit(term_restore);
        atexit_done = true;
    }

    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    set_escdelay(25);
    no_flow_control();
    setup_attrs(mode);
    cursor_state = -1;
    term_cursor(false);

    /* After newterm: ncurses installed its own SIGINT and SIGTERM
     * handlers (clean up and exit); ours replace them. SIGTSTP and
     * SIGWINCH stay ncurses'. */
    set_handler(SIGHUP, on_hangup);
    set_handler(SIGTERM, on_hangup);
    set_handler(SIGINT, on_interrupt);
    set_handler(SIGQUIT, on_interrupt);
    return 0;
}

void
term_restore(void)
{
    if (!active)
        return;
    active = false;
    if (cursor_state != 1)
        curs_set(1);
    cursor_state = -1;
    endwin();
    delscreen(screen);
    screen = NULL;
    headless_term_closed();
    for (int i = 0; i < UA_COUNT; i++)
        attrs[i] = A_NORMAL;
    colour = false;
}

bool
term_active(void)
{
    return active;
}

bool
term_has_colour(void)
{
    return colour;
}

int
term_attr(enum ui_attr a)
{
    if ((int)a < 0 || a >= UA_COUNT)
        return A_NORMAL;
    return attrs[a];
}

void
term_cursor(bool visible)
{
    int want = visible ? 1 : 0;

    if (!active || cursor_state == want)
        return;
    curs_set(want);
    cursor_state = want;
}

bool
term_hangup(void)
{
    return got_hangup != 0;
}

void
term_set_hangup(void)
{
    got_hangup = 1;
}

bool
term_take_interrupt(void)
{
    bool got = got_interrupt != 0;

    got_interrupt = 0;
    return got;
}

void
term_leave(int status, const char *fmt, ...)
{
    va_list ap;
    int saved = errno;

    term_restore();
    fputs(PACKAGE_NAME ": ", stderr);
    va_start(ap, fmt);
    errno = saved;
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(status);
}
