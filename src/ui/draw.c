/*
 * draw.c
 *   Text, rules, boxes and input fields on curses windows (see draw.h).
 */
#include "config.h"

#include "ui/draw.h"

#include <stdlib.h>
#include <string.h>

/* Output of text_fit for up to this many cells lives on the stack. */
#define SMALL_CELLS 256

static bool cursor_set;
static int cursor_y, cursor_x;

void
draw_cursor(int y, int x)
{
    cursor_set = true;
    cursor_y = y;
    cursor_x = x;
}

void
draw_cursor_reset(void)
{
    cursor_set = false;
}

bool
draw_cursor_get(int *y, int *x)
{
    if (cursor_set) {
        *y = cursor_y;
        *x = cursor_x;
    }
    return cursor_set;
}

/* Cells of c as drawn here: '?' (1 cell) for what wcwidth cannot print. */
static int
cells_of(wchar_t c)
{
    int n = wcwidth(c);

    return n < 0 ? 1 : n;
}

int
draw_wide(WINDOW *w, int y, int x, const wchar_t *s, int n, enum ui_attr attr)
{
    wchar_t small[SMALL_CELLS + 1];
    wchar_t *buf = small;
    int cells = 0;

    if (n <= 0)
        return 0;
    if (n > SMALL_CELLS) {
        buf = malloc(((size_t)n + 1) * sizeof(*buf));
        if (buf == NULL)
            return 0;
    }
    for (int i = 0; i < n; i++) {
        wchar_t c = s[i];

        if (wcwidth(c) < 0)
            c = L'?';
        buf[i] = c;
        cells += cells_of(c);
    }
    buf[n] = L'\0';
    wattrset(w, term_attr(attr));
    mvwaddnwstr(w, y, x, buf, n);
    if (buf != small)
        free(buf);
    return cells;
}

void
draw_fill(WINDOW *w, int y, int x, int cells, enum ui_attr attr)
{
    if (cells <= 0)
        return;
    wattrset(w, term_attr(attr));
    mvwhline(w, y, x, ' ', cells);
}

int
draw_str(WINDOW *w, int y, int x, int cells, const char *s, enum ui_attr attr,
         unsigned flags)
{
    char small[SMALL_CELLS * 4 + 16];
    char *fit = small;
    size_t fitsz = sizeof(small);
    wchar_t *wide;
    int used, left = 0;

    if (cells <= 0)
        return 0;
    if (cells > SMALL_CELLS) {
        fitsz = (size_t)cells * 8 + 16;
        fit = malloc(fitsz);
        if (fit == NULL)
            return 0;
    }
    /* every cut is marked (issue 12 item 6): DRAW_MARK_CUT is implied */
    used = text_fit(s != NULL ? s : "", cells, false, true, fit, fitsz);
    if (used < 0)
        used = 0;
    if (used > cells)
        used = cells;
    if (flags & DRAW_RIGHT)
        left = cells - used;
    else if (flags & DRAW_CENTRE)
        left = (cells - used) / 2;
    draw_fill(w, y, x, left, attr);
    wide = text_from_utf8(fit);
    if (wide != NULL) {
        draw_wide(w, y, x + left, wide, (int)wcslen(wide), attr);
        free(wide);
    }
    if (flags & (DRAW_PAD | DRAW_RIGHT | DRAW_CENTRE))
        draw_fill(w, y, x + left + used, cells - left - used, attr);
    if (fit != small)
        free(fit);
    return (flags & (DRAW_PAD | DRAW_RIGHT | DRAW_CENTRE)) ? cells
                                                           : left + used;
}

int
draw_text(WINDOW *w, int y, int x, int cells, const char *s, enum ui_attr attr)
{
    return draw_str(w, y, x, cells, s, attr, DRAW_PAD | DRAW_MARK_CUT);
}

/* The line-drawing character proto (a WACS_* of ncursesw: Unicode in a
 * UTF-8 locale, the terminal's alternate character set elsewhere) in attr. */
static cchar_t
line_char(const cchar_t *proto, enum ui_attr attr)
{
    wchar_t wch[CCHARW_MAX + 1];
    attr_t at = 0;
    short pair = 0;
    cchar_t c;
    int t = term_attr(attr);

    memset(wch, 0, sizeof(wch));
    getcchar(proto, wch, &at, &pair, NULL);
    setcchar(&c, wch, (at & A_ALTCHARSET) | ((attr_t)t & ~A_COLOR),
             (short)PAIR_NUMBER(t), NULL);
    return c;
}

void
draw_hline(WINDOW *w, int y, int x, int cells, enum ui_attr attr)
{
    cchar_t h;

    if (cells <= 0)
        return;
    h = line_char(WACS_HLINE, attr);
    mvwhline_set(w, y, x, &h, cells);
}

void
draw_box(WINDOW *w, int y, int x, int rows, int cols, const char *title,
         enum ui_attr attr, enum ui_attr title_attr)
{
    cchar_t c;

    if (rows < 2 || cols < 2)
        return;
    for (int r = 0; r < rows; r++)
        draw_fill(w, y + r, x, cols, attr);
    c = line_char(WACS_ULCORNER, attr);
    mvwadd_wch(w, y, x, &c);
    c = line_char(WACS_URCORNER, attr);
    mvwadd_wch(w, y, x + cols - 1, &c);
    c = line_char(WACS_LLCORNER, attr);
    mvwadd_wch(w, y + rows - 1, x, &c);
    c = line_char(WACS_LRCORNER, attr);
    mvwadd_wch(w, y + rows - 1, x + cols - 1, &c);
    c = line_char(WACS_HLINE, attr);
    mvwhline_set(w, y, x + 1, &c, cols - 2);
    mvwhline_set(w, y + rows - 1, x + 1, &c, cols - 2);
    c = line_char(WACS_VLINE, attr);
    mvwvline_set(w, y + 1, x, &c, rows - 2);
    mvwvline_set(w, y + 1, x + cols - 1, &c, rows - 2);
    if (title != NULL && title[0] != '\0' && cols > 6) {
        int room = cols - 6;
        int n = text_utf8_cells(title);

        if (n > room)
            n = room;
        draw_fill(w, y, x + (cols - n) / 2 - 1, 1, attr);
        draw_str(w, y, x + (cols - n) / 2, n, title, title_attr, DRAW_MARK_CUT);
        draw_fill(w, y, x + (cols - n) / 2 + n, 1, attr);
    }
}

void
draw_box_rule(WINDOW *w, int y, int x, int cols, enum ui_attr attr)
{
    cchar_t c;

    if (cols < 2)
        return;
    c = line_char(WACS_LTEE, attr);
    mvwadd_wch(w, y, x, &c);
    c = line_char(WACS_HLINE, attr);
    mvwhline_set(w, y, x + 1, &c, cols - 2);
    c = line_char(WACS_RTEE, attr);
    mvwadd_wch(w, y, x + cols - 1, &c);
}

int
draw_lineedit(WINDOW *w, int y, int x, int cells, struct lineedit *e,
              enum ui_attr attr, char fill)
{
    int off = lineedit_view(e, cells), used = 0, i;
    bool whole = text_cells(e->buf, -1) <= cells;
    int lead = !whole && e->scroll > 0 ? 1 : 0;
    int room = whole ? cells : cells - 1 - lead;

    if (cells <= 0)
        return x;
    wattrset(w, term_attr(attr));
    if (lead)
        mvwaddch(w, y, x, '<');
    for (i = e->scroll; i >= 0 && i < e->len; i++) {
        int cw = cells_of(e->buf[i]);

        if (used + cw > room)
            break;
        used += cw;
    }
    if (e->scroll >= 0 && e->scroll <= e->len)
        draw_wide(w, y, x + lead, e->buf + e->scroll, i - e->scroll, attr);
    if (lead + used < cells) {
        wattrset(w, term_attr(attr));
        mvwhline(w, y, x + lead + used, (chtype)(unsigned char)fill,
                 cells - lead - used);
    }
    if (!whole && i < e->len) {
        wattrset(w, term_attr(attr));
        mvwaddch(w, y, x + cells - 1, '>');
    }
    /* The cursor after a value that fills the field goes in the cell after
     * it, when the window has one. */
    if (off > cells - 1 && x + off >= getmaxx(w))
        off = cells - 1;
    if (off < 0)
        off = 0;
    draw_cursor(y, x + off);
    return x + off;
}

int
draw_field(WINDOW *w, int y, int x, int cells, struct lineedit *e, bool active)
{
    if (cells <= 0)
        return x;
    if (!active) {
        /* the one cut (text_fit): a name with '~', a number never in part */
        char *text = lineedit_utf8(e);

        draw_str(w, y, x, cells, text != NULL ? text : "", UA_FIELD, DRAW_PAD);
        free(text);
        return x;
    }
    return draw_lineedit(w, y, x, cells, e, UA_FIELD_ACTIVE, '_');
}
