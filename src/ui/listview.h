/*
 * listview.h
 *   A scrolling list of rows in columns: the rows come from a callback
 *   (row index -> UTF-8 cells), so the list holds no data of its own and
 *   the list screen can page through keyset pages of any length. It keeps
 *   the selection, multi-select marks (Space), a status marker column and
 *   a header, moves with the arrows, PgUp/PgDn, Home/End, and asks for
 *   more rows when the selection comes near the end of what is loaded.
 *
 *   Column widths follow the content (listview_draw): a column of numbers
 *   (right-aligned, or every value a number, date or code by text_fit's
 *   rule) is never narrower than its widest value; room left over goes to
 *   the flexible column up to its widest value, then to the other columns
 *   up to theirs (headings included), then again to the flexible one --
 *   so a wider terminal shows more. When the numbers do not fit, names
 *   give way (down to NAME_MIN cells) and then the columns after the
 *   first scroll sideways: Left/Right move them a column at a time, the
 *   first (key) column stays, and '<' / '>' in the heading (or the row,
 *   without one) say that more lie left / right. Names are cut by
 *   text_fit with '~'. One column (wrap_column) may wrap onto more lines
 *   at its spaces instead of being cut (the menu's counts).
 *
 *   Keys: Up/Down; PgUp/PgDn (and ^Y/^V, nano's, for terminals without
 *   them); Home/End (and KEY_FIND/KEY_SELECT, which PuTTY's Home and End
 *   arrive as under TERM=xterm); Left/Right when columns are hidden; Space
 *   marks and moves down when multi is on. Everything else is
 *   KR_UNHANDLED.
 *
 *   The widget draws on stdscr.
 */
#ifndef EDUAID_UI_LISTVIEW_H
#define EDUAID_UI_LISTVIEW_H

#include <stdbool.h>

#include "ui/screen.h"
#include "ui/term.h"

struct listview;

struct lv_column {
    const char *title; /* UTF-8 heading (already translated), or NULL */
    int width;         /* cells; 0 = what is left (at most one column) */
    bool right;        /* align right (numbers, money) */
};

/* One row as the callback gives it: cells[i] is the UTF-8 of column i
 * (NULL = empty); status the marker text (e.g. "草稿") or NULL, drawn in
 * status_attr (UA_ST_*); attr the row's attribute when not selected
 * (UA_NORMAL by default); span: cells[0] alone across all columns (a
 * group heading). The strings must stay valid until the next call of the
 * callback. The row comes zeroed (attr UA_NORMAL). */
struct lv_row {
    const char *const *cells;
    const char *status;
    enum ui_attr status_attr;
    enum ui_attr attr;
    bool span;
};

/* Fill row for index (0..nrows-1); false when it is not available (drawn
 * blank). */
typedef bool (*lv_row_fn)(void *arg, int index, struct lv_row *row);

/* The selection came within a page of the last loaded row and the list
 * said there are more: load them and call listview_set_rows. Called once
 * until the next listview_set_rows. */
typedef void (*lv_more_fn)(void *arg, struct listview *lv);

struct listview {
    /* Set by listview_init; the caller may change the callbacks,
     * status_width, multi and empty_text afterwards. */
    const struct lv_column *columns; /* not copied: must outlive the list */
    int ncolumns;
    lv_row_fn row;
    lv_more_fn more;
    void *arg;
    int status_width;         /* cells of the marker column, 0 = none */
    const char *status_title; /* its heading (UTF-8), or NULL */
    bool multi;               /* Space marks rows */
    bool header;              /* draw the column headings (default true) */
    const char *empty_text;   /* shown when there are no rows (UTF-8) */
    int wrap_column;          /* wraps at its spaces (up to LV_WRAP_MAX
                                 lines a row) instead of being cut; -1 none */

    /* State: read it, change it only through the functions. */
    int nrows;     /* rows loaded */
    bool has_more; /* more exist beyond nrows */
    bool asked;    /* more() called since the last set_rows */
    int sel, top;  /* selected row, first row shown */
    int y, x, height, width;
    unsigned char *marks; /* nrows flags, or NULL */
    int marks_cap;
    int nmarked;
    int hfirst;     /* first column shown after column 0 (sideways scroll) */
    bool hmore;     /* the last draw left columns hidden on the right */
    int wrap_cells; /* the wrap column's width at the last draw */
};

/* Lines a wrapping row may take at most. */
#define LV_WRAP_MAX 3

/* Set up with columns (ncolumns of them) and the row callback; no marker
 * column, no marks, with a header. */
void listview_init(struct listview *lv, const struct lv_column *columns,
                   int ncolumns, lv_row_fn row, void *arg);
/* Free what the list allocated (the marks); lv itself is the caller's. */
void listview_free(struct listview *lv);

/* How many rows are loaded now and whether more exist. The selection is
 * kept (clamped); marks of rows beyond nrows are dropped. Returns false
 * when out of memory for the marks (they are then dropped). */
bool listview_set_rows(struct listview *lv, int nrows, bool has_more);

/* Start over: no rows, selection 0, no marks. */
void listview_reset(struct listview *lv);

/* The area: height rows (the header included) from (y, x), width cells. */
void listview_layout(struct listview *lv, int y, int x, int height, int width);

void listview_draw(struct listview *lv);

/* While text is set (not NULL), every empty list shows it instead of its
 * empty_text: no rows because the server cannot be reached is not "no
 * records". One setting for the process (there is one connection). */
void listview_set_offline(const char *text);

/* Navigation and marks. KR_REDRAW when something changed, KR_HANDLED
 * for a navigation key that changed nothing, else KR_UNHANDLED. */
enum key_result listview_key(struct listview *lv, const struct key *k);

/* The selected row, or -1 when empty. */
int listview_selected(const struct listview *lv);
/* Select row i (clamped) and scroll it into view. */
void listview_select(struct listview *lv, int i);

bool listview_marked(const struct listview *lv, int i);
void listview_set_mark(struct listview *lv, int i, bool on);
void listview_clear_marks(struct listview *lv);

#endif /* EDUAID_UI_LISTVIEW_H */
