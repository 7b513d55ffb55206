/*
 * listview.c
 *   The scrolling list widget (see listview.h).
 */
#include "config.h"

#include "ui/listview.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "ui/draw.h"

/* Cells of the multi-select mark column ("* ") */
#define MARK_CELLS 2
/* Columns the width computation handles (more are not drawn). */
#define LV_MAX_COLUMNS 24
/* A name column gives way down to this many cells before the columns
 * scroll sideways. */
#define NAME_MIN 6
/* Rows whose values size the columns, at most (from the first shown). */
#define SIZE_ROWS 1000

void
listview_init(struct listview *lv, const struct lv_column *columns,
              int ncolumns, lv_row_fn row, void *arg)
{
    memset(lv, 0, sizeof(*lv));
    lv->columns = columns;
    lv->ncolumns = ncolumns;
    lv->row = row;
    lv->arg = arg;
    lv->header = true;
    lv->empty_text = NULL;
    lv->wrap_column = -1;
    lv->hfirst = 1;
}

void
listview_free(struct listview *lv)
{
    free(lv->marks);
    lv->marks = NULL;
    lv->marks_cap = 0;
    lv->nmarked = 0;
}

/* Rows of the body (below the header). */
static int
body_rows(const struct listview *lv)
{
    int n = lv->height - (lv->header ? 1 : 0);

    return n > 0 ? n : 0;
}

/* Lines row idx takes: 1, or what its wrap column's value wraps to. */
static int
row_lines(const struct listview *lv, int idx)
{
    struct lv_row row;
    const char *v, *next;
    int n = 0;

    if (lv->wrap_column < 0 || lv->wrap_column >= lv->ncolumns ||
        lv->wrap_cells <= 0 || lv->row == NULL || idx < 0 || idx >= lv->nrows)
        return 1;
    memset(&row, 0, sizeof(row));
    if (!lv->row(lv->arg, idx, &row) || row.span || row.cells == NULL)
        return 1;
    v = row.cells[lv->wrap_column];
    if (v == NULL || text_utf8_cells(v) <= lv->wrap_cells)
        return 1;
    while (*v != '\0' && n < LV_WRAP_MAX) {
        text_wrap_line(v, lv->wrap_cells, &next);
        v = next;
        n++;
    }
    return n > 0 ? n : 1;
}

/* Lines rows top..last (inclusive) take. */
static int
lines_between(const struct listview *lv, int top, int last)
{
    int n = 0;

    for (int i = top; i <= last; i++)
        n += row_lines(lv, i);
    return n;
}

static void
scroll_to_selection(struct listview *lv)
{
    int body = body_rows(lv);

    if (lv->sel >= lv->nrows)
        lv->sel = lv->nrows - 1;
    if (lv->sel < 0)
        lv->sel = 0;
    if (body <= 0) {
        lv->top = lv->sel;
        return;
    }
    if (lv->top > lv->nrows - body)
        lv->top = lv->nrows - body;
    if (lv->top < 0)
        lv->top = 0;
    if (lv->sel < lv->top)
        lv->top = lv->sel;
    if (lv->sel >= lv->top + body)
        lv->top = lv->sel - body + 1;
    /* Wrapped rows take more lines: the selected one shown whole. */
    while (lv->top < lv->sel && lines_between(lv, lv->top, lv->sel) > body)
        lv->top++;
}

/* Ask for more rows when the selection is within a page of the end. */
static void
maybe_more(struct listview *lv)
{
    int page = body_rows(lv);

    if (page < 1)
        page = 1;
    if (lv->has_more && !lv->asked && lv->more != NULL &&
        lv->sel >= lv->nrows - page) {
        lv->asked = true;
        lv->more(lv->arg, lv);
    }
}

bool
listview_set_rows(struct listview *lv, int nrows, bool has_more)
{
    bool ok = true;

    if (nrows < 0)
        nrows = 0;
    if (lv->multi && nrows > lv->marks_cap) {
        int cap = lv->marks_cap > 0 ? lv->marks_cap : 64;
        unsigned char *m;

        while (cap < nrows)
            cap *= 2;
        m = realloc(lv->marks, (size_t)cap);
        if (m == NULL) {
            listview_free(lv);
            ok = false;
        } else {
            memset(m + lv->marks_cap, 0, (size_t)(cap - lv->marks_cap));
            lv->marks = m;
            lv->marks_cap = cap;
        }
    }
    if (lv->marks != NULL && nrows < lv->nrows) {
        for (int i = nrows; i < lv->nrows && i < lv->marks_cap; i++) {
            if (lv->marks[i])
                lv->nmarked--;
            lv->marks[i] = 0;
        }
    }
    lv->nrows = nrows;
    lv->has_more = has_more;
    lv->asked = false;
    scroll_to_selection(lv);
    return ok;
}

void
listview_reset(struct listview *lv)
{
    listview_clear_marks(lv);
    lv->nrows = 0;
    lv->has_more = false;
    lv->asked = false;
    lv->sel = 0;
    lv->top = 0;
    lv->hfirst = 1;
}

void
listview_layout(struct listview *lv, int y, int x, int height, int width)
{
    lv->y = y;
    lv->x = x;
    lv->height = height > 0 ? height : 0;
    lv->width = width > 0 ? width : 0;
    scroll_to_selection(lv);
}

/* Left part of a row: the mark and status columns; returns the x after. */
static int
draw_lead(const struct listview *lv, int y, bool marked, const char *status,
          enum ui_attr status_attr, enum ui_attr base)
{
    int x = lv->x, end = lv->x + lv->width;

    if (lv->multi && x + MARK_CELLS <= end) {
        draw_str(stdscr, y, x, MARK_CELLS, marked ? "*" : "",
                 base == UA_SELECTED ? UA_SELECTED
                                     : (marked ? UA_MARK : UA_NORMAL),
                 DRAW_PAD);
        x += MARK_CELLS;
    }
    if (lv->status_width > 0 && x < end) {
        int w = lv->status_width;

        if (x + w > end)
            w = end - x;
        draw_text(stdscr, y, x, w, status,
                  base == UA_SELECTED ? UA_SELECTED : status_attr);
        x += w;
        if (x < end) {
            draw_fill(stdscr, y, x, 1,
                      base == UA_SELECTED ? UA_SELECTED : UA_NORMAL);
            x++;
        }
    }
    return x;
}

/* The widths of one frame: w[i] per column (0: not shown), the first
 * column shown after column 0, and whether columns are hidden. */
struct layout {
    int w[LV_MAX_COLUMNS];
    int n;      /* columns handled */
    int first;  /* first shown after column 0 */
    int last;   /* last shown */
    bool left;  /* columns hidden between 0 and first */
    bool right; /* columns hidden after last */
};

/* The widest value (and heading) per column, and which columns hold only
 * numbers: over the loaded rows from the first shown, SIZE_ROWS at most. */
static void
measure(const struct listview *lv, int n, int *val, int *head, bool *number)
{
    bool seen[LV_MAX_COLUMNS];

    for (int c = 0; c < n; c++) {
        val[c] = 0;
        head[c] = text_utf8_cells(lv->columns[c].title);
        number[c] = true;
        seen[c] = false;
    }
    for (int i = lv->top; i < lv->nrows && i < lv->top + SIZE_ROWS; i++) {
        struct lv_row row;

        memset(&row, 0, sizeof(row));
        if (lv->row == NULL || !lv->row(lv->arg, i, &row) || row.span ||
            row.cells == NULL)
            continue;
        for (int c = 0; c < n; c++) {
            const char *v = row.cells[c];
            int cells;

            if (v == NULL || v[0] == '\0')
                continue;
            cells = text_utf8_cells(v);
            if (cells > val[c])
                val[c] = cells;
            if (!text_is_number(v) && strcmp(v, "-") != 0)
                number[c] = false;
            seen[c] = true;
        }
    }
    for (int c = 0; c < n; c++)
        number[c] = lv->columns[c].right || (number[c] && seen[c]);
}

/* Index of the flexible column (width 0), or -1. */
static int
flex_column(const struct listview *lv, int n)
{
    for (int c = 0; c < n; c++)
        if (lv->columns[c].width <= 0)
            return c;
    return -1;
}

/* Give up to `want` more cells to column c out of *extra. */
static void
grow(struct layout *L, int c, int want, int *extra)
{
    int g = want < *extra ? want : *extra;

    if (g > 0) {
        L->w[c] += g;
        *extra -= g;
    }
}

/* Widths for `room` cells: numbers whole, leftover room to names. Returns
 * the cells still missing (> 0: the columns must scroll). */
static int
size_columns(const struct listview *lv, struct layout *L, int room)
{
    int val[LV_MAX_COLUMNS], head[LV_MAX_COLUMNS];
    bool number[LV_MAX_COLUMNS];
    int n = L->n, flex = flex_column(lv, n), extra, asked_extra;
    int asked[LV_MAX_COLUMNS];

    measure(lv, n, val, head, number);
    extra = room - (n - 1);
    for (int c = 0; c < n; c++) {
        L->w[c] = lv->columns[c].width > 0 ? lv->columns[c].width : 0;
        if (number[c] && val[c] > L->w[c])
            L->w[c] = val[c];
        extra -= L->w[c];
    }
    if (extra >= 0) {
        /* the flexible column up to its widest value, then the others up
         * to theirs (headings included), then the flexible one again */
        if (flex >= 0)
            grow(L, flex, (val[flex] > head[flex] ? val[flex] : head[flex]),
                 &extra);
        for (int c = 0; c < n; c++) {
            int nat = val[c] > head[c] ? val[c] : head[c];

            if (c != flex && nat > L->w[c])
                grow(L, c, nat - L->w[c], &extra);
        }
        if (flex >= 0)
            grow(L, flex, extra, &extra);
        return 0;
    }
    /* names give way, the widest first, down to NAME_MIN cells -- when
     * that makes everything fit; else they keep their widths and the
     * columns scroll */
    memcpy(asked, L->w, sizeof(asked));
    asked_extra = extra;
    while (extra < 0) {
        int widest = -1;

        for (int c = 0; c < n; c++)
            if (!number[c] && L->w[c] > NAME_MIN &&
                (widest < 0 || L->w[c] > L->w[widest]))
                widest = c;
        if (widest < 0)
            break;
        L->w[widest]--;
        extra++;
    }
    if (extra < 0) {
        memcpy(L->w, asked, sizeof(asked));
        extra = asked_extra;
    }
    return -extra;
}

/* Which columns are shown in `room` cells: column 0 and whole columns from
 * lv->hfirst on, one cell kept for the '>' when some are hidden. */
static void
pick_columns(struct listview *lv, struct layout *L, int room, bool scroll)
{
    int used;

    L->first = 1;
    L->left = L->right = false;
    if (!scroll) {
        L->last = L->n - 1;
        lv->hfirst = 1;
        return;
    }
    if (lv->hfirst < 1)
        lv->hfirst = 1;
    if (lv->hfirst > L->n - 1)
        lv->hfirst = L->n - 1;
    L->first = lv->hfirst;
    L->left = L->first > 1;
    used = L->w[0] + 1;
    L->last = 0;
    for (int c = L->first; c < L->n; c++) {
        int need = used + L->w[c] + (c < L->n - 1 ? 1 : 0);

        /* keep a cell for the '>' unless this is the last column */
        if (need + (c < L->n - 1 ? 1 : 0) > room && c > L->first)
            break;
        used += L->w[c] + 1;
        L->last = c;
    }
    if (L->last < L->first)
        L->last = L->first;
    L->right = L->last < L->n - 1;
}

/* The layout of the columns in the room after the lead cells. */
static void
compute_layout(struct listview *lv, struct layout *L, int room)
{
    int missing;

    L->n = lv->ncolumns < LV_MAX_COLUMNS ? lv->ncolumns : LV_MAX_COLUMNS;
    if (L->n <= 0) {
        L->first = 1;
        L->last = -1;
        L->left = L->right = false;
        return;
    }
    missing = size_columns(lv, L, room);
    pick_columns(lv, L, room, missing > 0 && L->n > 1);
    lv->hmore = L->right;
    lv->wrap_cells = lv->wrap_column >= 0 && lv->wrap_column < L->n
                         ? L->w[lv->wrap_column]
                         : 0;
}

/* Cells of the lead (mark and status columns). */
static int
lead_cells(const struct listview *lv)
{
    int n = lv->multi ? MARK_CELLS : 0;

    if (lv->status_width > 0)
        n += lv->status_width + 1;
    return n < lv->width ? n : lv->width;
}

/* The text of a cell on line `line` of its row: the value itself, or for
 * the wrap column the line-th line of it (the last one marked when more
 * is left). buf holds a copy when needed. */
static const char *
cell_line(const struct listview *lv, int c, const char *s, int line, int w,
          char *buf, size_t bufsz)
{
    const char *end, *next;

    if (c != lv->wrap_column || s == NULL)
        return line == 0 ? s : NULL;
    for (int i = 0; i < line && *s != '\0'; i++) {
        text_wrap_line(s, w, &next);
        s = next;
    }
    if (line == LV_WRAP_MAX - 1)
        return s; /* the rest, cut with '~' */
    end = text_wrap_line(s, w, &next);
    if ((size_t)(end - s) >= bufsz)
        return s;
    memcpy(buf, s, (size_t)(end - s));
    buf[end - s] = '\0';
    return buf;
}

/* One line of the columns of a row (cells may be NULL: headings or a
 * blank row); line > 0 are the wrap column's further lines. */
static void
draw_columns(const struct listview *lv, const struct layout *L, int y, int x,
             const char *const *cells, bool headings, enum ui_attr attr,
             int line)
{
    int end = lv->x + lv->width;
    char buf[512];

    for (int c = 0; c <= L->last && x < end; c++) {
        int w = L->w[c];
        const char *s;

        if (c > 0 && c < L->first)
            continue;
        if (x + w > end)
            w = end - x;
        if (headings)
            s = line == 0 ? lv->columns[c].title : NULL;
        else
            s = cell_line(lv, c, cells != NULL ? cells[c] : NULL, line, w, buf,
                          sizeof(buf));
        if (w > 0)
            draw_str(stdscr, y, x, w, s, attr,
                     DRAW_PAD | DRAW_MARK_CUT |
                         (lv->columns[c].right ? DRAW_RIGHT : 0));
        x += w;
        if (x < end && c < L->last) {
            /* the gap after column 0 shows '<' when columns are hidden */
            draw_str(stdscr, y, x, 1,
                     c == 0 && L->left && (headings || !lv->header) ? "<" : "",
                     attr, DRAW_PAD);
            x++;
        }
    }
    if (x < end)
        draw_fill(stdscr, y, x, end - x, attr);
    if (L->right && (headings || !lv->header))
        draw_str(stdscr, y, end - 1, 1, ">", attr, DRAW_PAD);
}

/* listview_set_offline's text, or NULL. */
static const char *offline_text;

void
listview_set_offline(const char *text)
{
    offline_text = text;
}

/* The empty list's line: offline, or its empty text. */
static void
draw_empty(const struct listview *lv, int y, int r)
{
    draw_fill(stdscr, y, lv->x, lv->width, UA_NORMAL);
    if (lv->nrows == 0 && r == 0 && offline_text != NULL)
        draw_str(stdscr, y, lv->x + 1, lv->width - 1, offline_text, UA_ERROR,
                 DRAW_MARK_CUT);
    else if (lv->nrows == 0 && r == 0)
        draw_str(stdscr, y, lv->x + 1, lv->width - 1,
                 lv->empty_text != NULL ? lv->empty_text : _("No records."),
                 UA_NORMAL, DRAW_MARK_CUT);
}

/* Row idx from line y on, at most `room` lines; returns the lines used. */
static int
draw_row(const struct listview *lv, const struct layout *L, int y, int idx,
         int room)
{
    struct lv_row row;
    enum ui_attr base;
    int x, lines = row_lines(lv, idx);

    memset(&row, 0, sizeof(row));
    row.status_attr = UA_NORMAL;
    if (lv->row == NULL || !lv->row(lv->arg, idx, &row))
        memset(&row, 0, sizeof(row));
    base = idx == lv->sel ? UA_SELECTED : row.attr;
    if (lines > room)
        lines = room;
    for (int line = 0; line < lines; line++) {
        x = draw_lead(lv, y + line, line == 0 && listview_marked(lv, idx),
                      line == 0 ? row.status : NULL, row.status_attr, base);
        if (row.span)
            draw_text(stdscr, y, x, lv->x + lv->width - x,
                      row.cells != NULL ? row.cells[0] : NULL, base);
        else
            draw_columns(lv, L, y + line, x, row.cells, false, base, line);
    }
    return lines;
}

void
listview_draw(struct listview *lv)
{
    int y = lv->y, body = body_rows(lv), r = 0, idx;
    struct layout L;

    if (lv->width <= 0 || lv->height <= 0)
        return;
    compute_layout(lv, &L, lv->width - lead_cells(lv));
    scroll_to_selection(lv); /* the wrap width may have changed */
    if (lv->header) {
        int x = draw_lead(lv, y, false, lv->status_title, UA_HEADER, UA_HEADER);

        draw_columns(lv, &L, y, x, NULL, true, UA_HEADER, 0);
        y++;
    }
    for (idx = lv->top; r < body; idx++) {
        if (idx >= lv->nrows) {
            draw_empty(lv, y + r, r);
            r++;
            continue;
        }
        r += draw_row(lv, &L, y + r, idx, body - r);
    }
}

int
listview_selected(const struct listview *lv)
{
    return lv->nrows > 0 ? lv->sel : -1;
}

void
listview_select(struct listview *lv, int i)
{
    lv->sel = i;
    scroll_to_selection(lv);
    maybe_more(lv);
}

bool
listview_marked(const struct listview *lv, int i)
{
    return lv->marks != NULL && i >= 0 && i < lv->nrows && i < lv->marks_cap &&
           lv->marks[i] != 0;
}

void
listview_set_mark(struct listview *lv, int i, bool on)
{
    if (lv->marks == NULL || i < 0 || i >= lv->nrows || i >= lv->marks_cap)
        return;
    if (on && !lv->marks[i])
        lv->nmarked++;
    else if (!on && lv->marks[i])
        lv->nmarked--;
    lv->marks[i] = on ? 1 : 0;
}

void
listview_clear_marks(struct listview *lv)
{
    if (lv->marks != NULL)
        memset(lv->marks, 0, (size_t)lv->marks_cap);
    lv->nmarked = 0;
}

enum key_result
listview_key(struct listview *lv, const struct key *k)
{
    int old_sel = lv->sel, old_top = lv->top, page = body_rows(lv);
    bool old_mark = false;

    if (page < 1)
        page = 1;
    if (k->is_function) {
        switch (k->code) {
        case KEY_UP:
            lv->sel--;
            break;
        case KEY_DOWN:
            lv->sel++;
            break;
        case KEY_PPAGE:
            lv->sel -= page;
            lv->top -= page;
            break;
        case KEY_NPAGE:
            lv->sel += page;
            lv->top += page;
            break;
        case KEY_HOME:
        case KEY_FIND:
            lv->sel = 0;
            break;
        case KEY_END:
        case KEY_SELECT:
            lv->sel = lv->nrows - 1;
            break;
        case KEY_LEFT:
            if (lv->hfirst <= 1)
                return KR_UNHANDLED;
            lv->hfirst--;
            return KR_REDRAW;
        case KEY_RIGHT:
            if (!lv->hmore)
                return KR_UNHANDLED;
            lv->hfirst++;
            return KR_REDRAW;
        default:
            return KR_UNHANDLED;
        }
    } else {
        switch (k->code) {
        case 'Y' - 64:
            lv->sel -= page;
            lv->top -= page;
            break;
        case 'V' - 64:
            lv->sel += page;
            lv->top += page;
            break;
        case ' ':
            if (!lv->multi || lv->nrows == 0)
                return KR_UNHANDLED;
            old_mark = listview_marked(lv, lv->sel);
            listview_set_mark(lv, lv->sel, !old_mark);
            lv->sel++;
            break;
        default:
            return KR_UNHANDLED;
        }
    }
    scroll_to_selection(lv);
    maybe_more(lv);
    if (lv->sel != old_sel || lv->top != old_top ||
        (k->code == ' ' && !k->is_function))
        return KR_REDRAW;
    return KR_HANDLED;
}
