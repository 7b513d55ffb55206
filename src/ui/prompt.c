/*
 * prompt.c
 *   The readline bridge: keys from get_wch fed to readline's callback
 *   interface as bytes, readline's redisplay drawn with curses, and the
 *   per-kind history files (see prompt.h).
 */
#include "config.h"

#include "ui/prompt.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <wchar.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "core/i18n.h"
#include "core/text.h"
#include "ui/app.h"
#include "ui/appui.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/term.h"

#define HISTORY_MAX 500

static const char *const kind_suffix[PROMPT_NKINDS] = {
    [PROMPT_COMMAND] = "command",
    [PROMPT_SEARCH] = "search",
    [PROMPT_REASON] = "reason",
    [PROMPT_TEXT] = "text",
};

/* History files: base as set (NULL: default), and the paths made of it. */
static char *hist_base;
static bool hist_base_set;
static char *history_paths[PROMPT_NKINDS];
static bool history_paths_done;
static int current_kind = -1;
static bool history_error_shown;

static bool rl_ready;
static FILE *devnull;

/* Bytes waiting for readline's getc. */
static unsigned char queue[64];
static int qhead, qlen;

/* What the line handler got. */
static bool line_done;
static char *line_result;

/* ------------------------------------------------------------------
 * Encoding: readline works in the locale's multibyte encoding.
 * ------------------------------------------------------------------ */

/* New wide string of the first n bytes of the locale string s; invalid
 * bytes become U+FFFD. *count receives its length. */
static wchar_t *
wide_of_locale(const char *s, size_t n, int *count)
{
    wchar_t *w = malloc((n + 1) * sizeof(*w));
    mbstate_t st;
    size_t i = 0;
    int k = 0;

    if (w == NULL) {
        *count = 0;
        return NULL;
    }
    memset(&st, 0, sizeof(st));
    while (i < n && s[i] != '\0') {
        wchar_t c;
        size_t r = mbrtowc(&c, s + i, n - i, &st);

        if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
            c = 0xFFFD;
            r = 1;
            memset(&st, 0, sizeof(st));
        }
        if (c != 1 && c != 2) /* readline's invisible-prompt markers */
            w[k++] = c;
        i += r;
    }
    w[k] = L'\0';
    *count = k;
    return w;
}

/* New locale string of UTF-8 s; characters the locale cannot encode
 * become '?'. */
static char *
locale_of_utf8(const char *s)
{
    wchar_t *w = text_from_utf8(s != NULL ? s : "");
    size_t n, cap, len = 0;
    char *out;
    mbstate_t st;

    if (w == NULL)
        return NULL;
    n = wcslen(w);
    cap = n * MB_LEN_MAX + 1;
    out = malloc(cap);
    if (out == NULL) {
        free(w);
        return NULL;
    }
    memset(&st, 0, sizeof(st));
    for (size_t i = 0; i < n; i++) {
        size_t r = wcrtomb(out + len, w[i], &st);

        if (r == (size_t)-1) {
            memset(&st, 0, sizeof(st));
            out[len++] = '?';
        } else {
            len += r;
        }
    }
    out[len] = '\0';
    free(w);
    return out;
}

/* New UTF-8 string of the locale string s. */
static char *
utf8_of_locale(const char *s)
{
    int n;
    wchar_t *w = wide_of_locale(s, strlen(s), &n);
    char *u;

    if (w == NULL)
        return NULL;
    u = text_to_utf8(w);
    free(w);
    return u;
}

/* ------------------------------------------------------------------
 * History files
 * ------------------------------------------------------------------ */

static void
forget_paths(void)
{
    for (int i = 0; i < PROMPT_NKINDS; i++) {
        free(history_paths[i]);
        history_paths[i] = NULL;
    }
    history_paths_done = false;
}

void
prompt_set_history(const char *base)
{
    free(hist_base);
    hist_base = base != NULL ? strdup(base) : NULL;
    hist_base_set = base != NULL;
    forget_paths();
    current_kind = -1; /* read the files again */
}

/* The default base: $XDG_STATE_HOME/eduaid/history or
 * ~/.local/state/eduaid/history; NULL without a home. */
static char *
default_base(void)
{
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    char *p = NULL;

    if (xdg != NULL && xdg[0] == '/') {
        if (asprintf(&p, "%s/eduaid/history", xdg) < 0)
            p = NULL;
    } else if (home != NULL && home[0] != '\0') {
        if (asprintf(&p, "%s/.local/state/eduaid/history", home) < 0)
            p = NULL;
    }
    return p;
}

static void
make_paths(void)
{
    char *base;

    if (history_paths_done)
        return;
    history_paths_done = true;
    if (hist_base_set)
        base = hist_base != NULL ? strdup(hist_base) : NULL;
    else
        base = default_base();
    if (base == NULL || base[0] == '\0') {
        free(base);
        return;
    }
    for (int i = 0; i < PROMPT_NKINDS; i++)
        if (asprintf(&history_paths[i], "%s-%s", base, kind_suffix[i]) < 0)
            history_paths[i] = NULL;
    free(base);
}

const char *
prompt_history_path(enum prompt_kind kind)
{
    if ((int)kind < 0 || kind >= PROMPT_NKINDS)
        return NULL;
    make_paths();
    return history_paths[kind];
}

/* mkdir -p of the directory part of path, new directories 0700. */
static int
make_parent_dirs(const char *path)
{
    char *dir = strdup(path);
    char *slash;

    if (dir == NULL)
        return -1;
    slash = strrchr(dir, '/');
    if (slash == NULL || slash == dir) {
        free(dir);
        return 0;
    }
    *slash = '\0';
    for (char *p = dir + 1; *p != '\0'; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            free(dir);
            return -1;
        }
        *p = '/';
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        free(dir);
        return -1;
    }
    free(dir);
    return 0;
}

static void
save_history(struct app *a, enum prompt_kind kind)
{
    const char *path = prompt_history_path(kind);
    int rc;

    if (path == NULL)
        return;
    rc = make_parent_dirs(path);
    if (rc == 0)
        rc = write_history(path);
    else
        rc = errno;
    if (rc == 0) {
        chmod(path, 0600);
    } else if (!history_error_shown) {
        history_error_shown = true;
        app_status(a, _("Cannot save the history in %s: %s"), path,
                   strerror(rc));
    }
}

/* Make readline's one history list the kind's. */
static void
use_kind(enum prompt_kind kind)
{
    const char *path;

    if ((int)kind == current_kind)
        return;
    rl_clear_history();
    path = prompt_history_path(kind);
    if (path != NULL)
        read_history(path); /* a missing file is an empty history */
    current_kind = (int)kind;
}

/* ------------------------------------------------------------------
 * readline's hooks
 * ------------------------------------------------------------------ */

static int
getc_hook(FILE *f)
{
    int c;

    (void)f;
    if (qlen == 0)
        return EOF;
    c = queue[qhead];
    qhead = (qhead + 1) % (int)sizeof(queue);
    qlen--;
    return c;
}

static int
input_available_hook(void)
{
    return qlen > 0;
}

static void
redisplay_hook(void)
{
    /* We draw after each key anyway (draw_prompt). */
}

static void
prep_term_hook(int meta)
{
    (void)meta;
}

static void
deprep_term_hook(void)
{
}

static void
line_handler(char *line)
{
    line_done = true;
    line_result = line; /* NULL: EOF (Ctrl-D on an empty line) */
    rl_callback_handler_remove();
}

static void
push_bytes(const char *s, size_t n)
{
    for (size_t i = 0; i < n && qlen < (int)sizeof(queue); i++) {
        queue[(qhead + qlen) % (int)sizeof(queue)] = (unsigned char)s[i];
        qlen++;
    }
}

static void
init_readline(void)
{
    if (rl_ready)
        return;
    rl_ready = true;
    rl_readline_name = "eduaid";
    /* Ours, not readline's: signals, SIGWINCH, the terminal, LINES and
     * COLUMNS in the environment. */
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_change_environment = 0;
    rl_prep_term_function = prep_term_hook;
    rl_deprep_term_function = deprep_term_hook;
    rl_getc_function = getc_hook;
    rl_input_available_hook = input_available_hook;
    /* A redisplay function of our own also keeps readline from calling
     * tgetent, which would replace curses' terminal. */
    rl_redisplay_function = redisplay_hook;
    rl_inhibit_completion = 1;
    rl_instream = stdin;
    devnull = fopen("/dev/null", "w");
    if (devnull != NULL)
        rl_outstream = devnull;
    rl_initialize();
    /* Its bell is a BEL on stderr. */
    rl_variable_bind("bell-style", "none");
    rl_variable_bind("enable-bracketed-paste", "off");
    /* Edits to recalled lines do not change the history. */
    rl_variable_bind("revert-all-at-newline", "on");
    /* The sequences we make of KEY_* codes, unless ~/.inputrc bound them. */
    rl_bind_keyseq_if_unbound("\033[A", rl_get_previous_history);
    rl_bind_keyseq_if_unbound("\033[B", rl_get_next_history);
    rl_bind_keyseq_if_unbound("\033[C", rl_forward_char);
    rl_bind_keyseq_if_unbound("\033[D", rl_backward_char);
    rl_bind_keyseq_if_unbound("\033[H", rl_beg_of_line);
    rl_bind_keyseq_if_unbound("\033[F", rl_end_of_line);
    rl_bind_keyseq_if_unbound("\033[3~", rl_delete);
    stifle_history(HISTORY_MAX);
    using_history();
}

/* ------------------------------------------------------------------
 * Drawing
 * ------------------------------------------------------------------ */

static int scroll_pos; /* first character shown of prompt + line */

static void
draw_prompt(int y, int x, int cells)
{
    int np, nl, ncur;
    wchar_t *wp, *wl, *all;
    struct lineedit e;
    int point = rl_point;

    if (point < 0)
        point = 0;
    if (point > rl_end)
        point = rl_end;
    wp = wide_of_locale(
        rl_display_prompt != NULL ? rl_display_prompt : "",
        rl_display_prompt != NULL ? strlen(rl_display_prompt) : 0, &np);
    wl = wide_of_locale(rl_line_buffer != NULL ? rl_line_buffer : "",
                        rl_line_buffer != NULL ? (size_t)rl_end : 0, &nl);
    free(wide_of_locale(rl_line_buffer != NULL ? rl_line_buffer : "",
                        rl_line_buffer != NULL ? (size_t)point : 0, &ncur));
    all = malloc(((size_t)np + (size_t)nl + 1) * sizeof(*all));
    if (wp == NULL || wl == NULL || all == NULL) {
        free(wp);
        free(wl);
        free(all);
        return;
    }
    wmemcpy(all, wp, (size_t)np);
    wmemcpy(all + np, wl, (size_t)nl);
    all[np + nl] = L'\0';

    memset(&e, 0, sizeof(e));
    e.buf = all;
    e.len = np + nl;
    e.cap = np + nl + 1;
    e.cur = np + ncur;
    e.scroll = scroll_pos <= e.len ? scroll_pos : 0;
    draw_lineedit(stdscr, y, x, cells, &e, UA_FIELD_ACTIVE, ' ');
    scroll_pos = e.scroll;
    free(wp);
    free(wl);
    free(all);
}

static void
repaint(struct app *a, prompt_place_fn place, void *arg)
{
    int y = 0, x = 0, cells = 0;

    if (place(arg, &y, &x, &cells) && cells > 0)
        draw_prompt(y, x, cells);
    app_refresh(a);
}

/* ------------------------------------------------------------------
 * Keys to bytes
 * ------------------------------------------------------------------ */

enum feed { FEED_OK, FEED_CANCEL };

static bool
in_search(void)
{
    return RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH) != 0;
}

static void
push_wide(wint_t c)
{
    char mb[MB_LEN_MAX];
    mbstate_t st;
    size_t r;

    memset(&st, 0, sizeof(st));
    r = wcrtomb(mb, (wchar_t)c, &st);
    if (r != (size_t)-1)
        push_bytes(mb, r);
}

static enum feed
queue_function_key(wint_t code)
{
    const char *name;

    switch (code) {
    case KEY_LEFT:
        push_bytes("\033[D", 3);
        break;
    case KEY_RIGHT:
        push_bytes("\033[C", 3);
        break;
    case KEY_UP:
        push_bytes("\033[A", 3);
        break;
    case KEY_DOWN:
        push_bytes("\033[B", 3);
        break;
    case KEY_HOME:
    case KEY_FIND:
        push_bytes("\033[H", 3);
        break;
    case KEY_END:
    case KEY_SELECT:
        push_bytes("\033[F", 3);
        break;
    case KEY_DC:
        push_bytes("\033[3~", 4);
        break;
    case KEY_BACKSPACE:
        push_bytes("\177", 1);
        break;
    case KEY_ENTER:
        push_bytes("\r", 1);
        break;
    default:
        /* Ctrl-Left / Ctrl-Right (xterm's extended keys): by words. */
        name = keyname((int)code);
        if (name != NULL && strncmp(name, "kLFT", 4) == 0)
            push_bytes("\033b", 2);
        else if (name != NULL && strncmp(name, "kRIT", 4) == 0)
            push_bytes("\033f", 2);
        break;
    }
    return FEED_OK;
}

static enum feed
queue_key(const struct key *k)
{
    wint_t c = k->code;

    if (k->is_function)
        return queue_function_key(c);
    switch (c) {
    case 27: {
        /* Esc alone cancels; Esc and a key at once is Alt+key. */
        wint_t next;
        int rc;

        wtimeout(stdscr, 0);
        rc = wget_wch(stdscr, &next);
        if (rc == OK) {
            push_bytes("\033", 1);
            push_wide(next);
            return FEED_OK;
        }
        if (rc == KEY_CODE_YES)
            ungetch((int)next);
        if (in_search()) {
            push_bytes("\033", 1);
            return FEED_OK;
        }
        return FEED_CANCEL;
    }
    case 'G' - 64:
        if (in_search()) {
            push_bytes("\007", 1);
            return FEED_OK;
        }
        return FEED_CANCEL;
    case 'C' - 64: /* only when ISIG is off */
        return FEED_CANCEL;
    case '\t':
        return FEED_OK;
    case '\r':
    case '\n':
        push_bytes("\r", 1);
        return FEED_OK;
    default:
        if (c < 0x80) {
            char b = (char)c;

            push_bytes(&b, 1);
        } else {
            push_wide(c);
        }
        return FEED_OK;
    }
}

/* ------------------------------------------------------------------
 * The prompt
 * ------------------------------------------------------------------ */

/* Let readline work through the queued bytes. */
static void
drain_queue(void)
{
    while (qlen > 0 && !line_done)
        rl_callback_read_char();
    qhead = qlen = 0;
}

/* Give up the line the way readline finishes one: leave a history search,
 * empty the line and accept it, so that revert-all-at-newline undoes the
 * edits made to recalled history lines. The empty line is dropped. */
static void
cancel_line(void)
{
    if (line_done)
        return;
    qhead = qlen = 0;
    if (in_search()) {
        push_bytes("\007", 1);
        drain_queue();
    }
    rl_callback_sigcleanup();
    if (!line_done) {
        rl_replace_line("", 0);
        rl_point = 0;
        push_bytes("\r", 1);
        drain_queue();
    }
    if (!line_done)
        rl_callback_handler_remove();
}

char *
prompt_read(struct app *a, enum prompt_kind kind, const char *prompt,
            const char *initial, prompt_place_fn place, void *arg)
{
    char *lprompt, *result = NULL;
    bool cancelled = false;

    if ((int)kind < 0 || kind >= PROMPT_NKINDS)
        kind = PROMPT_TEXT;
    init_readline();
    use_kind(kind);
    using_history();
    lprompt = locale_of_utf8(prompt);
    if (lprompt == NULL)
        return NULL;

    qhead = qlen = 0;
    line_done = false;
    line_result = NULL;
    scroll_pos = 0;
    rl_callback_handler_install(lprompt, line_handler);
    if (initial != NULL && initial[0] != '\0') {
        char *li = locale_of_utf8(initial);

        if (li != NULL) {
            rl_insert_text(li);
            rl_point = rl_end;
            free(li);
        }
    }

    repaint(a, place, arg);
    while (!line_done) {
        struct key k;
        enum modal_event ev = app_modal_key(a, &k, -1);

        if (ev == ME_HANGUP || ev == ME_INTERRUPT) {
            cancelled = true;
            break;
        }
        if (ev == ME_TIMEOUT)
            continue;
        if (ev == ME_KEY) {
            if (queue_key(&k) == FEED_CANCEL) {
                cancelled = true;
                break;
            }
            drain_queue();
        }
        if (!line_done)
            repaint(a, place, arg);
    }
    wtimeout(stdscr, 250);
    term_cursor(false);

    if (cancelled) {
        cancel_line();
    } else if (line_result != NULL) {
        result = utf8_of_locale(line_result);
        if (line_result[0] != '\0') {
            HIST_ENTRY *last = history_get(history_base + history_length - 1);

            if (last == NULL || strcmp(last->line, line_result) != 0) {
                add_history(line_result);
                save_history(a, kind);
            }
        }
    }
    free(line_result);
    line_result = NULL;
    free(lprompt);
    return result;
}

void
prompt_shutdown(void)
{
    if (rl_ready) {
        rl_clear_history();
        rl_callback_handler_remove();
    }
    current_kind = -1;
    forget_paths();
    free(hist_base);
    hist_base = NULL;
    hist_base_set = false;
    if (devnull != NULL) {
        if (rl_outstream == devnull)
            rl_outstream = NULL;
        fclose(devnull);
        devnull = NULL;
    }
    rl_ready = false;
}
