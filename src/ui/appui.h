/*
 * appui.h
 *   What the ui layer needs from the app loop beyond app.h (all in
 *   ui/app.c): painting the whole screen for modal loops (dialogs,
 *   prompts) that draw on top of it, reading a key with the one resize
 *   path and the hang-up detection applied, and the hook for ':'
 *   commands the app does not know.
 */
#ifndef EDUAID_UI_APPUI_H
#define EDUAID_UI_APPUI_H

#include <stdbool.h>

#include "ui/app.h"
#include "ui/screen.h"
#include "ui/term.h"

/* Smallest usable size; below it only a notice is drawn. */
#define APP_MIN_COLS 80
#define APP_MIN_LINES 24

/*
 * app_paint
 *
 * Draw everything into stdscr without sending it: the title bar, the top
 * screen, the key bar and the status line -- or, when the window is
 * smaller than 80x24, only the "window too small" notice (then it
 * returns false and a modal draws nothing of its own). The cursor is
 * hidden unless someone calls draw_cursor after this.
 */
bool app_paint(struct app *a);

/* Send the frame (doupdate), with the cursor where draw_cursor put it. */
void app_refresh(struct app *a);

enum modal_event {
    ME_KEY,       /* *k holds a key */
    ME_TIMEOUT,   /* nothing within the timeout */
    ME_RESIZE,    /* the size changed; every screen has been laid out */
    ME_INTERRUPT, /* Ctrl-C / SIGINT: cancel */
    ME_HANGUP     /* the terminal is gone or SIGHUP/SIGTERM: give up at once */
};

/*
 * app_modal_key
 *
 * Wait up to timeout_ms (-1: for ever, what a dialog that only waits for
 * keys passes: no wake-up while nobody types) for a key, for a modal
 * loop. A
 * resize lays out every screen on the stack (the app's one resize path)
 * and is reported so the modal can place itself again and repaint. After
 * ME_HANGUP the modal returns "cancelled" and app_run leaves. While the
 * window is too small keys are swallowed (ME_TIMEOUT): nobody can see
 * what they would do.
 */
enum modal_event app_modal_key(struct app *a, struct key *k, int timeout_ms);

/* True when the window is at least 80x24. */
bool app_big_enough(void);

/*
 * ':' commands. The app knows "q"/"quit", "help", "details", and the
 * action names of actions.h ("save", "new", ...), which it delivers to
 * the top screen as that action. Anything else goes to the hook (set
 * with app_set_command_hook, may be NULL), which returns true when it
 * knew the command; the line is UTF-8 and trimmed.
 */
typedef bool (*app_command_fn)(struct app *a, const char *line);
void app_set_command_hook(app_command_fn fn);

/*
 * Ticks. The loop has no timer: it sleeps in poll() on the terminal and
 * on the descriptor the wait hook names (session.c: the connection's
 * socket; -1: none) until a key, a resize, that descriptor being
 * readable, or a deadline: a tick asked for with app_tick_in, or the
 * idle timeout. A tick runs the tick hook (may be NULL; session.c reads
 * what the server sent there), then gives the top screen a key that is
 * none (ACT_NONE, code 0). There is a tick at start, after each run of
 * keys, when the descriptor is readable and when one is due. Under a
 * dialog (app_modal_key) the descriptor wakes the tick hook only; the
 * top screen's tick waits until the dialog is gone.
 */
typedef void (*app_tick_fn)(struct app *a);
void app_set_tick_hook(app_tick_fn fn);
typedef int (*app_wait_fd_fn)(struct app *a);
void app_set_wait_fd_hook(app_wait_fd_fn fn);
/* What a wait hook answers when what it waits for has already arrived
 * (read by a statement run meanwhile): wake at once, as for a readable
 * descriptor, instead of sleeping on a socket with nothing left in it. */
#define APP_FD_READY (-2)
/* A tick in ms milliseconds at the latest (0: at once). */
void app_tick_in(struct app *a, long ms);

/* End the loop once the current key is handled, with status (the screens
 * close as on any exit: what they hold unsaved is journaled); message,
 * when not NULL, is printed on stderr once the terminal is back. */
void app_end(struct app *a, int status, const char *message);

#endif /* EDUAID_UI_APPUI_H */
