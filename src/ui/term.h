/*
 * term.h
 *   The terminal: taking it over (newterm, input modes, colours or their
 *   monochrome fallback), giving it back from any exit path, and the
 *   signals that concern it, turned into flags the loop reads.
 *
 *   Input modes: cbreak, noecho, nonl, keypad, ESCDELAY 25 ms, and IXON /
 *   IXOFF switched off in the termios settings so that Ctrl-S and Ctrl-Q
 *   reach the program instead of stopping the output. ISIG stays on:
 *   Ctrl-C (SIGINT) and Ctrl-\ (SIGQUIT) only set a flag that the loop
 *   reads as "the person wants out" (quit, with confirmation; cancel in a
 *   prompt or dialog), and Ctrl-Z suspends through ncurses' own SIGTSTP
 *   handling, which restores and re-enters the screen. SIGHUP and SIGTERM
 *   set the hang-up flag: the loop saves and leaves. SIGWINCH is left to
 *   ncurses (it becomes KEY_RESIZE). Handlers only set flags.
 *
 *   setlocale(LC_ALL, "") is the caller's job and must come first.
 */
#ifndef EDUAID_UI_TERM_H
#define EDUAID_UI_TERM_H

#include <stdbool.h>
#include <stddef.h>

/* Whether to use colours. AUTO: when the terminal has at least 8 and
 * NO_COLOR is not set in the environment. */
enum term_colour {
    TERM_COLOUR_AUTO = 0,
    TERM_COLOUR_NEVER,
    TERM_COLOUR_ALWAYS /* when the terminal has any */
};

/*
 * The named attributes every drawing uses. Each has a colour and a
 * monochrome form (bold, underline, reverse), so that everything stays
 * readable on a vt100. The field being edited (UA_FIELD_ACTIVE) is plain
 * in both: colour attributes around it would be re-sent with every key.
 */
enum ui_attr {
    UA_NORMAL = 0,
    UA_TITLE,        /* title bar */
    UA_KEYBAR,       /* key bar: labels */
    UA_KEYNAME,      /* key bar: key names ("F2") */
    UA_STATUS,       /* status line: messages */
    UA_ERROR,        /* status line: errors; error text in forms */
    UA_SELECTED,     /* selected row, focused button */
    UA_FIELD,        /* an input field not being edited */
    UA_FIELD_ACTIVE, /* the field being edited: plain */
    UA_LABEL,        /* field labels */
    UA_HEADER,       /* list column headings, section titles */
    UA_MARK,         /* multi-select marks */
    UA_DIALOG,       /* dialog box body */
    UA_DIALOG_TITLE, /* dialog box title and frame */
    UA_NOTICE,       /* the "window too small" notice */
    UA_ST_DRAFT,     /* record status markers */
    UA_ST_SUBMITTED,
    UA_ST_VERIFIED,
    UA_ST_APPROVED,
    UA_ST_REJECTED,
    UA_ADDED, /* a grid row added since the approval */
    UA_GONE,  /* a grid row removed since the approval: dimmed */
    UA_COUNT
};

/*
 * term_init
 *
 * Take over the terminal on stdin/stdout (newterm: an unknown TERM is an
 * error, not an exit), or draw on nothing in headless mode (headless.h) and
 * install the signal flags and an atexit term_restore. Returns 0, or -1 with a
 * sentence in err (errsz bytes) that the caller prints -- curses is not active
 * then. Calling it while active does nothing and returns 0.
 */
int term_init(enum term_colour mode, char *err, size_t errsz);

/*
 * term_restore
 *
 * Give the terminal back (endwin) and free the curses screen. Safe to
 * call more than once, from atexit, and when term_init never ran or
 * failed. Never call it from a signal handler.
 */
void term_restore(void);

/* True between a successful term_init and term_restore. */
bool term_active(void);

/* True when colours are in use (else monochrome attributes). */
bool term_has_colour(void);

/* The curses attribute (with colour pair) of a named attribute, for
 * wattrset(); A_NORMAL before term_init. */
int term_attr(enum ui_attr a);

/* Show or hide the cursor (sends the sequence only when it changes). */
void term_cursor(bool visible);

/* SIGHUP or SIGTERM arrived, or the loop declared a hang-up (input gone,
 * EIO): leave, saving what can be saved. Stays set. */
bool term_hangup(void);
void term_set_hangup(void);

/* SIGINT or SIGQUIT arrived since the last call (the flag is cleared). */
bool term_take_interrupt(void);

/*
 * term_leave
 *
 * The exit path of last resort (pspg's leave()): restore the terminal,
 * print "eduaid: <message>" on stderr, exit with status. For the xmalloc
 * family and impossible states; ordinary errors go to the status line.
 */
void term_leave(int status, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));

#endif /* EDUAID_UI_TERM_H */
