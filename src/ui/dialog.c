/*
 * dialog.c
 *   Message box, yes/no question, one-line prompt and pick list, each a
 *   small modal loop drawing over the app's frame (see dialog.h).
 */
#include "config.h"

#include "ui/dialog.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/i18n.h"
#include "core/text.h"
#include "ui/app.h"
#include "ui/appui.h"
#include "ui/draw.h"
#include "ui/editkeys.h"
#include "ui/keys.h"
#include "ui/listview.h"
#include "ui/term.h"

/* Widest a dialog gets, in cells. */
#define DIALOG_MAX_COLS 76

struct box {
    int y, x, rows, cols;
};

/* Centre a box of rows x cols (clamped to the window, 2 cells margin). */
static struct box
centre_box(int rows, int cols)
{
    struct box b;

    if (cols > COLS - 4)
        cols = COLS - 4;
    if (rows > LINES - 2)
        rows = LINES - 2;
    b.rows = rows;
    b.cols = cols;
    b.y = (LINES - rows) / 2;
    b.x = (COLS - cols) / 2;
    return b;
}

/* ------------------------------------------------------------------
 * Wrapping text into lines of at most `width` cells.
 * ------------------------------------------------------------------ */

struct lines {
    char **v;
    int n, cap;
};

static void
lines_free(struct lines *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof(*l));
}

static bool
lines_add(struct lines *l, const wchar_t *s, int n)
{
    wchar_t *tmp;
    char *u;

    if (l->n == l->cap) {
        int cap = l->cap > 0 ? l->cap * 2 : 8;
        char **v = realloc(l->v, (size_t)cap * sizeof(*v));

        if (v == NULL)
            return false;
        l->v = v;
        l->cap = cap;
    }
    tmp = malloc(((size_t)n + 1) * sizeof(*tmp));
    if (tmp == NULL)
        return false;
    wmemcpy(tmp, s, (size_t)n);
    tmp[n] = L'\0';
    u = text_to_utf8(tmp);
    free(tmp);
    if (u == NULL)
        return false;
    l->v[l->n++] = u;
    return true;
}

/* Break text at '\n' and wrap each paragraph: at the last space that
 * fits, else anywhere (Chinese has no spaces). */
static bool
wrap_text(const char *text, int width, struct lines *out)
{
    wchar_t *w = text_from_utf8(text != NULL ? text : "");
    int i = 0, len;

    memset(out, 0, sizeof(*out));
    if (w == NULL)
        return false;
    if (width < 1)
        width = 1;
    len = (int)wcslen(w);
    while (i <= len) {
        int start = i, cells = 0, last_space = -1;

        while (i < len && w[i] != L'\n') {
            int cw = text_char_cells(w[i]);

            if (cells + cw > width)
                break;
            if (w[i] == L' ')
                last_space = i;
            cells += cw;
            i++;
        }
        if (i < len && w[i] != L'\n' && last_space > start) {
            if (!lines_add(out, w + start, last_space - start))
                goto fail;
            i = last_space + 1;
            continue;
        }
        if (!lines_add(out, w + start, i - start))
            goto fail;
        if (i < len && w[i] == L'\n')
            i++;
        else if (i >= len)
            break;
    }
    free(w);
    return true;
fail:
    free(w);
    lines_free(out);
    return false;
}

static int
widest(const struct lines *l)
{
    int m = 0;

    for (int i = 0; i < l->n; i++) {
        int c = text_utf8_cells(l->v[i]);

        if (c > m)
            m = c;
    }
    return m;
}

/* The width a dialog with this content and title wants. */
static int
want_cols(int content, const char *title)
{
    int cols = content + 4;
    int t = text_utf8_cells(title != NULL ? title : "") + 8;

    if (cols < t)
        cols = t;
    if (cols < 40)
        cols = 40;
    if (cols > DIALOG_MAX_COLS)
        cols = DIALOG_MAX_COLS;
    return cols;
}

/* Draw buttons centred on row y of box b; focus = index in focus. */
static void
draw_buttons(const struct box *b, int y, const char *const *labels, int n,
             int focus)
{
    char buf[3][128];
    int total = 0, x;

    for (int i = 0; i < n && i < 3; i++) {
        snprintf(buf[i], sizeof(buf[i]), "[ %s ]", labels[i]);
        total += text_utf8_cells(buf[i]) + (i > 0 ? 3 : 0);
    }
    x = b->x + (b->cols - total) / 2;
    if (x < b->x + 1)
        x = b->x + 1;
    for (int i = 0; i < n && i < 3; i++) {
        int w = text_utf8_cells(buf[i]);

        if (i > 0)
            x += 3;
        draw_str(stdscr, y, x, w, buf[i], i == focus ? UA_SELECTED : UA_DIALOG,
                 0);
        if (i == focus)
            draw_cursor(y, x + 2);
        x += w;
    }
}

/* ------------------------------------------------------------------
 * The key bar of a dialog: its own keys, not the screen's under it
 * ------------------------------------------------------------------ */

struct dialog_bar {
    struct screen s;
    enum action acts[3];
    const char *keys[2], *labels[2];
    struct screen *prev;
};

static const enum action *
bar_actions(struct screen *s)
{
    return ((struct dialog_bar *)s->data)->acts;
}

static const char *
bar_label(struct screen *s, enum action a)
{
    struct dialog_bar *b = s->data;

    return a == b->acts[0] ? b->labels[0] : b->labels[1];
}

static const char *
bar_keys(struct screen *s, enum action a)
{
    struct dialog_bar *b = s->data;

    return a == b->acts[0] ? b->keys[0] : b->keys[1];
}

static const struct screen_ops dialog_bar_ops = {
    .name = "dialog",
    .actions = bar_actions,
    .action_label = bar_label,
    .action_keys = bar_keys,
};

/* Show a dialog's two keys (k1 does l1: accept; k2 does l2: cancel) on
 * the key bar until dialog_bar_end. */
static void
dialog_bar_begin(struct app *a, struct dialog_bar *b, const char *k1,
                 const char *l1, const char *k2, const char *l2)
{
    memset(b, 0, sizeof(*b));
    b->s.ops = &dialog_bar_ops;
    b->s.app = a;
    b->s.data = b;
    b->acts[0] = ACT_OPEN;
    b->acts[1] = ACT_BACK;
    b->acts[2] = ACT_NONE;
    b->keys[0] = k1;
    b->labels[0] = l1;
    b->keys[1] = k2;
    b->labels[1] = l2;
    b->prev = a->modal_bar;
    a->modal_bar = &b->s;
}

static void
dialog_bar_end(struct app *a, struct dialog_bar *b)
{
    a->modal_bar = b->prev;
}

/* ------------------------------------------------------------------
 * Message
 * ------------------------------------------------------------------ */

static void
message_loop(struct app *a, const char *title, const char *text)
{
    int first = 0;
    const char *ok[1];

    ok[0] = _("OK");
    for (;;) {
        struct lines l;
        struct box b;
        int inner, visible;
        struct key k;
        enum modal_event ev;

        if (app_paint(a)) {
            b = centre_box(4, DIALOG_MAX_COLS);
            inner = b.cols - 4;
            if (wrap_text(text, inner, &l)) {
                b = centre_box(l.n + 4, want_cols(widest(&l), title));
                lines_free(&l);
                inner = b.cols - 4;
                if (wrap_text(text, inner, &l)) {
                    visible = b.rows - 4;
                    if (first > l.n - visible)
                        first = l.n - visible;
                    if (first < 0)
                        first = 0;
                    draw_box(stdscr, b.y, b.x, b.rows, b.cols, title, UA_DIALOG,
                             UA_DIALOG_TITLE);
                    for (int i = 0; i < visible && first + i < l.n; i++)
                        draw_str(stdscr, b.y + 1 + i, b.x + 2, inner,
                                 l.v[first + i], UA_DIALOG,
                                 DRAW_PAD | DRAW_MARK_CUT);
                    if (l.n > visible)
                        draw_str(stdscr, b.y + b.rows - 1, b.x + b.cols - 8, 6,
                                 first + visible < l.n ? "v" : "^",
                                 UA_DIALOG_TITLE, DRAW_RIGHT);
                    draw_buttons(&b, b.y + b.rows - 2, ok, 1, 0);
                    lines_free(&l);
                }
            }
        }
        app_refresh(a);

        ev = app_modal_key(a, &k, -1);
        if (ev == ME_HANGUP || ev == ME_INTERRUPT)
            return;
        if (ev != ME_KEY)
            continue;
        if (k.is_function) {
            switch (k.code) {
            case KEY_UP:
                first--;
                break;
            case KEY_DOWN:
                first++;
                break;
            case KEY_PPAGE:
                first -= LINES / 2;
                break;
            case KEY_NPAGE:
                first += LINES / 2;
                break;
            case KEY_HOME:
                first = 0;
                break;
            case KEY_END:
                first = 1 << 20;
                break;
            case KEY_ENTER:
                return;
            default:
                break;
            }
            continue;
        }
        if (k.code == 27 || k.code == '\r' || k.code == '\n' || k.code == ' ' ||
            k.code == 'q')
            return;
    }
}

void
dialog_message(struct app *a, const char *title, const char *text)
{
    struct dialog_bar bar;

    dialog_bar_begin(a, &bar, "Enter", _("OK"), "Esc/q", _("Close"));
    message_loop(a, title, text);
    dialog_bar_end(a, &bar);
}

/* ------------------------------------------------------------------
 * Yes / no
 * ------------------------------------------------------------------ */

/* The question in a box with n buttons (labels), focus on one: the index
 * chosen (Enter or Space on the focused one, or its key in keys, either
 * case), or -1 (Esc, q, a hangup). */
static int
choose_loop(struct app *a, const char *title, const char *question,
            const char *const *labels, const char *keys, int n, int focus)
{
    for (;;) {
        struct key k;
        enum modal_event ev;

        if (app_paint(a)) {
            struct lines l;
            struct box b = centre_box(4, DIALOG_MAX_COLS);

            if (wrap_text(question, b.cols - 4, &l)) {
                b = centre_box(l.n + 4, want_cols(widest(&l), title));
                lines_free(&l);
                if (wrap_text(question, b.cols - 4, &l)) {
                    draw_box(stdscr, b.y, b.x, b.rows, b.cols, title, UA_DIALOG,
                             UA_DIALOG_TITLE);
                    for (int i = 0; i < l.n && i < b.rows - 4; i++)
                        draw_str(stdscr, b.y + 1 + i, b.x + 2, b.cols - 4,
                                 l.v[i], UA_DIALOG, DRAW_PAD | DRAW_MARK_CUT);
                    draw_buttons(&b, b.y + b.rows - 2, labels, n, focus);
                    lines_free(&l);
                }
            }
        }
        app_refresh(a);

        ev = app_modal_key(a, &k, -1);
        if (ev == ME_HANGUP || ev == ME_INTERRUPT)
            return -1;
        if (ev != ME_KEY)
            continue;
        if (k.is_function) {
            if (k.code == KEY_RIGHT)
                focus = (focus + 1) % n;
            else if (k.code == KEY_LEFT || k.code == KEY_BTAB)
                focus = (focus + n - 1) % n;
            else if (k.code == KEY_ENTER)
                return focus;
            continue;
        }
        if (k.code == 27 || k.code == 'q')
            return -1;
        if (k.code == '\t')
            focus = (focus + 1) % n;
        else if (k.code == '\r' || k.code == '\n' || k.code == ' ')
            return focus;
        for (int i = 0; keys != NULL && i < n; i++)
            if (keys[i] != 0 && (wint_t)keys[i] == towlower((wint_t)k.code))
                return i;
    }
}

static bool
confirm_loop(struct app *a, const char *title, const char *question,
             bool default_yes)
{
    const char *labels[2];

    labels[0] = _("Yes (y)");
    labels[1] = _("No (n)");
    return choose_loop(a, title, question, labels, "yn", 2,
                       default_yes ? 0 : 1) == 0;
}

int
dialog_choose(struct app *a, const char *title, const char *question,
              const char *const *labels, const char *keys, int n, int focus)
{
    struct dialog_bar bar;
    int chosen;

    if (n < 1 || n > 3)
        return -1;
    dialog_bar_begin(a, &bar, "Enter", _("Pick"), "Esc", _("Cancel"));
    chosen = choose_loop(a, title, question, labels, keys, n, focus);
    dialog_bar_end(a, &bar);
    return chosen;
}

bool
dialog_confirm(struct app *a, const char *title, const char *question,
               bool default_yes)
{
    struct dialog_bar bar;
    bool yes;

    dialog_bar_begin(a, &bar, "y", _("Yes"), "n/Esc", _("No"));
    yes = confirm_loop(a, title, question, default_yes);
    dialog_bar_end(a, &bar);
    return yes;
}

/* ------------------------------------------------------------------
 * One-line prompt
 * ------------------------------------------------------------------ */

struct prompt_box {
    struct app *a;
    const char *title, *label;
};

static bool
place_prompt_box(void *arg, int *y, int *x, int *cells)
{
    struct prompt_box *p = arg;
    struct box b;
    int want = p->label != NULL ? text_utf8_cells(p->label) + 4 : 0;

    if (!app_paint(p->a))
        return false;
    /* border, [label,] input line, border */
    b = centre_box(p->label != NULL ? 4 : 3,
                   want_cols(want > 60 ? want : 60, p->title));
    draw_box(stdscr, b.y, b.x, b.rows, b.cols, p->title, UA_DIALOG,
             UA_DIALOG_TITLE);
    if (p->label != NULL)
        draw_str(stdscr, b.y + 1, b.x + 2, b.cols - 4, p->label, UA_DIALOG,
                 DRAW_PAD | DRAW_MARK_CUT);
    *y = b.y + b.rows - 2;
    *x = b.x + 2;
    *cells = b.cols - 4;
    return true;
}

char *
dialog_prompt(struct app *a, enum prompt_kind kind, const char *title,
              const char *label, const char *initial)
{
    struct prompt_box p;

    struct dialog_bar bar;
    char *r;

    p.a = a;
    p.title = title;
    p.label = label;
    dialog_bar_begin(a, &bar, "Enter", _("OK"), "Esc", _("Cancel"));
    r = prompt_read(a, kind, NULL, initial, place_prompt_box, &p);
    dialog_bar_end(a, &bar);
    return r;
}

/* ------------------------------------------------------------------
 * Pick list
 * ------------------------------------------------------------------ */

struct pick {
    const struct pick_item *items;
    int n, total; /* rows shown; rows that match (>= n) */
    const char *cells[2];
};

/* The total the running search reported (dialog_pick_total), -1: none.
 * Only one pick list runs at a time (they are modal). */
static int pick_total = -1;

void
dialog_pick_total(int total)
{
    pick_total = total;
}

/* The count line: how many match, and how many of them are shown. */
static void
pick_count_text(const struct pick *p, bool failed, char *out, size_t outsz)
{
    if (failed)
        snprintf(out, outsz, "%s", _("Search failed."));
    else if (p->total > p->n)
        snprintf(out, outsz, _("%d found, first %d shown: type to narrow"),
                 p->total, p->n);
    else
        snprintf(out, outsz, _("%d found"), p->n);
}

static bool
pick_row(void *arg, int index, struct lv_row *row)
{
    struct pick *p = arg;

    if (index < 0 || index >= p->n)
        return false;
    p->cells[0] = p->items[index].label;
    p->cells[1] = p->items[index].detail;
    row->cells = p->cells;
    return true;
}

/* Run the caller's search for the filter's text; false when it failed. */
static bool
run_search(struct pick *p, struct listview *lv, const struct lineedit *filter,
           pick_search_fn search, void *arg)
{
    char *f = lineedit_utf8(filter);

    p->items = NULL;
    pick_total = -1;
    p->n = search(arg, f != NULL ? f : "", &p->items);
    p->total = pick_total > p->n ? pick_total : p->n;
    pick_total = -1;
    free(f);
    if (p->n < 0 || p->items == NULL) {
        bool failed = p->n < 0;

        p->n = p->total = 0;
        listview_set_rows(lv, 0, false);
        return !failed;
    }
    listview_set_rows(lv, p->n, false);
    listview_select(lv, 0);
    return true;
}

static char *
pick_loop(struct app *a, const char *title, const char *initial_filter,
          pick_search_fn search, void *arg)
{
    struct lv_column cols[2];
    struct listview lv;
    struct lineedit filter;
    struct pick p;
    bool due = true, idle = true, failed = false, changed;
    char *result = NULL;

    if (!lineedit_init(&filter, 200))
        return NULL;
    if (initial_filter != NULL)
        lineedit_set_utf8(&filter, initial_filter);
    memset(&p, 0, sizeof(p));
    memset(cols, 0, sizeof(cols));
    cols[0].width = 0;
    cols[1].width = 24;
    listview_init(&lv, cols, 2, pick_row, &p);
    lv.header = false;
    lv.empty_text = _("Nothing matches.");

    for (;;) {
        struct key k;
        enum modal_event ev;

        /* Search at once the first time, then when the keys stop. */
        if (due && idle) {
            failed = !run_search(&p, &lv, &filter, search, arg);
            due = false;
        }
        if (app_paint(a)) {
            struct box b =
                centre_box(LINES - 4 < 22 ? LINES - 4 : 22, DIALOG_MAX_COLS);
            const char *flabel = _("Filter:");
            int lw = text_utf8_cells(flabel);
            char count[128];

            draw_box(stdscr, b.y, b.x, b.rows, b.cols, title, UA_DIALOG,
                     UA_DIALOG_TITLE);
            cols[1].width = (b.cols - 4) / 3;
            listview_layout(&lv, b.y + 3, b.x + 2, b.rows - 5, b.cols - 4);
            listview_draw(&lv);
            draw_box_rule(stdscr, b.y + 2, b.x, b.cols, UA_DIALOG);
            pick_count_text(&p, failed, count, sizeof(count));
            draw_str(stdscr, b.y + b.rows - 2, b.x + 2, b.cols - 4, count,
                     failed ? UA_ERROR : UA_DIALOG, DRAW_PAD | DRAW_MARK_CUT);
            draw_str(stdscr, b.y + 1, b.x + 2, lw, flabel, UA_DIALOG, 0);
            draw_fill(stdscr, b.y + 1, b.x + 2 + lw, 1, UA_DIALOG);
            draw_field(stdscr, b.y + 1, b.x + 3 + lw, b.cols - 5 - lw, &filter,
                       true);
        }
        app_refresh(a);

        ev = app_modal_key(a, &k, due ? 100 : -1);
        idle = ev == ME_TIMEOUT;
        if (ev == ME_HANGUP || ev == ME_INTERRUPT)
            break;
        if (ev != ME_KEY)
            continue;
        if (!k.is_function && (k.code == 27))
            break;
        if ((k.is_function && k.code == KEY_ENTER) ||
            (!k.is_function && (k.code == '\r' || k.code == '\n'))) {
            int sel;

            if (due) {
                failed = !run_search(&p, &lv, &filter, search, arg);
                due = false;
            }
            sel = listview_selected(&lv);

            if (sel >= 0 && sel < p.n) {
                const char *v = p.items[sel].value;

                result = strdup(v != NULL ? v : "");
                break;
            }
            continue;
        }
        if (k.is_function && (k.code == KEY_UP || k.code == KEY_DOWN ||
                              k.code == KEY_PPAGE || k.code == KEY_NPAGE)) {
            listview_key(&lv, &k);
            continue;
        }
        if (!k.is_function && (k.code == 'P' - 64 || k.code == 'N' - 64)) {
            struct key arrow = k;

            arrow.is_function = true;
            arrow.code = k.code == 'P' - 64 ? KEY_UP : KEY_DOWN;
            listview_key(&lv, &arrow);
            continue;
        }
        if (editkeys_apply(&filter, &k, EDIT_MODAL, &changed) && changed)
            due = true;
    }
    listview_free(&lv);
    lineedit_free(&filter);
    return result;
}

char *
dialog_pick(struct app *a, const char *title, const char *initial_filter,
            pick_search_fn search, void *arg)
{
    struct dialog_bar bar;
    char *r;

    /* typing narrows the list (the filter line says so) */
    dialog_bar_begin(a, &bar, "Enter", _("Pick"), "Esc", _("Cancel"));
    r = pick_loop(a, title, initial_filter, search, arg);
    dialog_bar_end(a, &bar);
    return r;
}
