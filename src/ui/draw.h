/*
 * draw.h
 *   Drawing helpers on top of text_fit: UTF-8 text fitted to a number of
 *   cells, rules, boxes, the input field of a struct lineedit, and where
 *   the cursor should be once the frame is drawn. Text goes through wide
 *   characters (never the locale's bytes), so the same UTF-8 draws under
 *   zh_CN.UTF-8, C.UTF-8 and zh_CN.GB18030; widths come from wcwidth in
 *   the running locale and a character it cannot print shows as '?'.
 *
 *   attr arguments are enum ui_attr values (term.h).
 */
#ifndef EDUAID_UI_DRAW_H
#define EDUAID_UI_DRAW_H

#include <curses.h>
#include <stdbool.h>

#include "core/text.h"
#include "ui/term.h"

enum draw_flags {
    DRAW_PAD = 1,      /* fill the rest of the cells with spaces */
    DRAW_MARK_CUT = 2, /* '~' in the last cell when the text was cut: always
                          done now (text_fit's cut, numbers never in part);
                          the flag stays for the callers that say so */
    DRAW_RIGHT = 4,    /* align right (implies DRAW_PAD on the left) */
    DRAW_CENTRE = 8    /* centre (pads both sides) */
};

/*
 * draw_str
 *
 * Put UTF-8 s (NULL = "") at (y, x) of w in at most `cells` cells with
 * attribute attr, as flags say. Text that does not fit is cut by
 * text_fit with its mark: a name with '~' in the last cell, a number
 * never in part. Returns the cells written, padding included. Nothing is
 * drawn for cells <= 0.
 */
int draw_str(WINDOW *w, int y, int x, int cells, const char *s,
             enum ui_attr attr, unsigned flags);

/* draw_str with DRAW_PAD | DRAW_MARK_CUT: a table cell. */
int draw_text(WINDOW *w, int y, int x, int cells, const char *s,
              enum ui_attr attr);

/* Blank `cells` cells at (y, x) in attr. */
void draw_fill(WINDOW *w, int y, int x, int cells, enum ui_attr attr);

/* A horizontal rule of `cells` cells (line drawing characters, with the
 * terminal's ASCII fallback). */
void draw_hline(WINDOW *w, int y, int x, int cells, enum ui_attr attr);

/* A rule across a box drawn by draw_box at (y, x), cols wide: the line
 * joins the frame with tees. */
void draw_box_rule(WINDOW *w, int y, int x, int cols, enum ui_attr attr);

/* A framed box, its inside blanked in attr, the title (UTF-8, may be
 * NULL) centred in the top edge. */
void draw_box(WINDOW *w, int y, int x, int rows, int cols, const char *title,
              enum ui_attr attr, enum ui_attr title_attr);

/*
 * draw_field
 *
 * An input field `cells` wide at (y, x) showing e. Active: the field
 * being edited -- plain attributes (UA_FIELD_ACTIVE), free cells shown as
 * '_', drawn by draw_lineedit (the whole value when it fits, else scrolled
 * with the hidden parts marked), and the cursor placed (draw_cursor). Not
 * active: the text from its start in UA_FIELD, cut with '~'. Returns the screen
 * column of the cursor (active) or x.
 */
int draw_field(WINDOW *w, int y, int x, int cells, struct lineedit *e,
               bool active);

/*
 * draw_lineedit
 *
 * The text of e in a field `cells` wide at (y, x) in attr, as
 * lineedit_view() places it: a value that fits shown whole from its first
 * character (the cursor after its last in the cell after the field), a
 * longer one scrolled with '<' and '>' where text is hidden; free cells
 * shown as fill. Places the cursor (draw_cursor) and returns its column.
 */
int draw_lineedit(WINDOW *w, int y, int x, int cells, struct lineedit *e,
                  enum ui_attr attr, char fill);

/*
 * The cursor of the frame being drawn. The app hides it before each frame
 * (draw_cursor_reset); whoever draws the focused input calls draw_cursor;
 * after the frame the app shows it there, or keeps it hidden.
 */
void draw_cursor(int y, int x);
void draw_cursor_reset(void);
bool draw_cursor_get(int *y, int *x);

/* Put an array of n wide characters at (y, x) in attr, with characters
 * wcwidth cannot print shown as '?'. Returns the cells used. For the few
 * callers that already have wide text (the prompt). */
int draw_wide(WINDOW *w, int y, int x, const wchar_t *s, int n,
              enum ui_attr attr);

#endif /* EDUAID_UI_DRAW_H */
