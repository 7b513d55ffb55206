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

/* Width of column i given the room; fixed columns as asked, the flexible
 * one what is left after the others and the gaps. */
static int
column_width(const struct listview *lv, int i, int room)
{
    int fixed = 0, flex;

    if (lv->columns[i].width > 0)
        return lv->columns[i].width;
    for (int j = 0; j < lv->ncolumns; j++)
        if (lv->columns[j].width > 0)
            fixed += lv->columns[j].width;
    fixed += lv->ncolumns - 1; /* gaps */
    flex = room - fixed;
    return flex > 0 ? flex : 0;
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

/* The columns of a row (cells may be NULL: headings or a blank row). */
static void
draw_columns(const struct listview *lv, int y, int x, const char *const *cells,
             bool headings, enum ui_attr attr)
{
    int end = lv->x + lv->width;
    int room = end - x;

    for (int i = 0; i < lv->ncolumns && x < end; i++) {
        int w = column_width(lv, i, room);
        const char *s;

        if (x + w > end)
            w = end - x;
        if (headings)
            s = lv->columns[i].title;
        else
            s = cells != NULL ? cells[i] : NULL;
        if (w > 0)
            draw_str(stdscr, y, x, w, s, attr,
                     DRAW_PAD | DRAW_MARK_CUT |
                         (lv->columns[i].right ? DRAW_RIGHT : 0));
        x += w;
        if (x < end && i < lv->ncolumns - 1) {
            draw_fill(stdscr, y, x, 1, attr);
            x++;
        }
    }
    if (x < end)
        draw_fill(stdscr, y, x, end - x, attr);
}

/* listview_set_offline's text, or NULL. */
static const char *offline_text;

void
listview_set_offline(const char *text)
{
    offline_text = text;
}

void
listview_draw(struct listview *lv)
{
    int y = lv->y, body = body_rows(lv);

    if (lv->width <= 0 || lv->height <= 0)
        return;
    if (lv->header) {
        int x = draw_lead(lv, y, false, lv->status_title, UA_HEADER, UA_HEADER);

        draw_columns(lv, y, x, NULL, true, UA_HEADER);
        y++;
    }
    for (int r = 0; r < body; r++, y++) {
        int idx = lv->top + r;
        struct lv_row row;
        enum ui_attr base;
        int x;

        if (idx >= lv->nrows) {
            draw_fill(stdscr, y, lv->x, lv->width, UA_NORMAL);
            if (lv->nrows == 0 && r == 0 && offline_text != NULL)
                draw_str(stdscr, y, lv->x + 1, lv->width - 1, offline_text,
                         UA_ERROR, DRAW_MARK_CUT);
            else if (lv->nrows == 0 && r == 0)
                draw_str(stdscr, y, lv->x + 1, lv->width - 1,
                         lv->empty_text != NULL ? lv->empty_text
                                                : _("No records."),
                         UA_NORMAL, DRAW_MARK_CUT);
            continue;
        }
        memset(&row, 0, sizeof(row));
        row.status_attr = UA_NORMAL;
        if (lv->row == NULL || !lv->row(lv->arg, idx, &row))
            memset(&row, 0, sizeof(row));
        base = idx == lv->sel ? UA_SELECTED : row.attr;
        x = draw_lead(lv, y, listview_marked(lv, idx), row.status,
                      row.status_attr, base);
        if (row.span)
            draw_text(stdscr, y, x, lv->x + lv->width - x,
                      row.cells != NULL ? row.cells[0] : NULL, base);
        else
            draw_columns(lv, y, x, row.cells, false, base);
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
