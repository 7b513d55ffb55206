/*
 * listbase.h
 *   The one base of the list screens (tig's generic view): a screen that
 *   shows the rows of a query in a list keeps a struct listbase as the
 *   first member of its data and gives it ops -- fetch the rows, which
 *   result column each list column shows, what else a row shows -- and,
 *   if it has them, its F4 filters. The base does
 *   what every list screen did alike: it keeps the rows (one result, or
 *   keyset pages as they arrived), reads a cell by row and column (""
 *   for NULL), reloads keeping the selection, fetches the next page when
 *   the selection nears the end of what is loaded, asks for the '/'
 *   search text, shows the F4 pick list (townships included), finds text
 *   in the rows, lays the list out between the screen's lines above and
 *   below it, and handles the keys every list has (Refresh, Back, moving
 *   and marking).
 *
 *   A screen's fetch op stays the screen's own (its query, its filters):
 *   it hands the result to listbase_take. Its row op reads cells with
 *   cell() for what is more than a column's text. The screen ops layout,
 * resumed and close can be the base's when the screen needs nothing more.
 */
#ifndef EDUAID_SCREENS_LISTBASE_H
#define EDUAID_SCREENS_LISTBASE_H

#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"
#include "screens/pages.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/listview.h"
#include "ui/screen.h"

/*
 * The F4 pick list of a list screen: its filters in one list, each
 * choice's value "<key>:<value>" (the key a letter naming the filter).
 * The townships the person may see are read once per pick list.
 */
#define LB_FILTER_MAX 96

struct listbase_filter {
    struct screen *screen;
    struct pick_item items[LB_FILTER_MAX];
    char values[LB_FILTER_MAX][48];
    int n;
    struct dbres *townships; /* (id, name), read at the first add */
};

struct listbase_ops {
    /* Fetch rows: the first ones when listbase_nrows is 0, else those
     * after listbase_last (keyset pages). Give the result to
     * listbase_take and return what it returns; after a failure say so
     * (app_error) and return false. */
    bool (*fetch)(struct screen *s);
    /* Per list column, the name of the result column whose text it
     * shows, or NULL for a cell the row op fills; NULL: the row op fills
     * every cell. */
    const char *const *shows;
    /* Optional: fill the rest of row index (< listbase_nrows) once the
     * cells of shows are in cells[]: the other cells (strings valid
     * until the next call), the marker, the attribute. */
    bool (*row)(struct screen *s, int index, const char **cells,
                struct lv_row *row);
    /* Optional: what '/' (ACT_SEARCH) does, when it is not the search
     * text of listbase_search_text. */
    void (*search)(struct screen *s);
    /* Optional, F4 (ACT_FILTER): add the choices of the pick list
     * (listbase_filter_add...); then apply the one chosen (its value
     * "<key>:<value>"), after which the base reloads. */
    void (*filter_choices)(struct screen *s, struct listbase_filter *f);
    void (*filter_chosen)(struct screen *s, const struct listbase_filter *f,
                          const char *value);
};

/* What a reload keeps. */
enum listbase_reload {
    LB_KEEP_SELECTION, /* start from the top, then select the row that was
                          selected (scrolled into view) */
    LB_KEEP_VIEW,      /* keep the selection and the first row shown */
    LB_FROM_TOP        /* start from the top */
};

#define LB_MAX_COLUMNS 16

struct listbase {
    struct listview lv; /* the widget: set empty_text, status_width, multi */
    struct pages pages; /* the rows */
    const struct listbase_ops *ops;
    struct screen *screen;
    enum listbase_reload reload; /* LB_KEEP_SELECTION unless set */
    int above, below;            /* the screen's lines around the list */
    char **search;               /* listbase_search_text, or NULL */
    const char *search_label;
    int top, height, cols;             /* the screen's area (listbase_layout) */
    const char *cells[LB_MAX_COLUMNS]; /* of the row being drawn */
};

/*
 * listbase_init
 *
 * Set lb up for screen s with ops and the list's columns (not copied:
 * they must outlive the list; at most LB_MAX_COLUMNS). The rows come as
 * one result; one line above the list, none below; reloads keep the
 * selection.
 */
void listbase_init(struct listbase *lb, struct screen *s,
                   const struct listbase_ops *ops,
                   const struct lv_column *columns, int ncolumns);

/* The rows come in keyset pages of per_page rows: the next page is
 * fetched when the selection nears the end of those loaded. */
void listbase_paged(struct listbase *lb, int per_page);

/* Keep r (the base owns it now) as the rows (one result) or the next
 * page, and tell the list. False when out of memory (said on the status
 * line; r is freed). */
bool listbase_take(struct listbase *lb, struct dbres *r);

/* Fetch again from the first row, keeping what lb->reload says. */
void listbase_reload(struct listbase *lb);

/* reload(s): listbase_reload of list screen s (whose data begins with its
 * struct listbase). */
static inline void
reload(struct screen *s)
{
    listbase_reload(s->data);
}

/* Fetch the next page (keyset pages); false after a failure. */
bool listbase_fetch_more(struct listbase *lb);

/* Rows loaded; the last of them (for the next keyset page) or NULL. */
int listbase_nrows(const struct listbase *lb);
const struct dbres *listbase_last(const struct listbase *lb, int *row);

/* Column c (by name) of loaded row i as text: "" for NULL, out of range
 * or no such column. */
const char *listbase_cell(const struct listbase *lb, int i, const char *c);
/* The same for any result. */
const char *listbase_text(const struct dbres *r, int i, const char *c);
/* cell(x, i, c): listbase_cell of list screen data x (any struct whose
 * member lb is its struct listbase). */
#define cell(x, i, c) listbase_cell(&(x)->lb, (i), (c))

/* The selected row, or -1 when there is none. */
int listbase_selected(const struct listbase *lb);

/* Select the next row after the selected one (wrapping) where one of the
 * ncols columns cols holds text; false when none does. */
bool listbase_find(struct listbase *lb, const char *text,
                   const char *const *cols, int ncols);

/*
 * listbase_search_text
 *
 * The list's '/' asks for a search text that the fetch op reads from
 * *search (malloc'd; NULL for none: every row); label says what it
 * matches. The base asks (offering the last text), reloads, and frees
 * *search when the list is freed.
 */
void listbase_search_text(struct listbase *lb, char **search,
                          const char *label);

/* A choice of the F4 pick list: key:value, shown as heading and label. */
void listbase_filter_add(struct listbase_filter *f, char key, const char *value,
                         const char *heading, const char *label);
/* "t:0" (every township) and then "t:<id>" for each township. */
void listbase_filter_add_townships(struct listbase_filter *f);
/* When value chose a township ("t:<id>"): true, with *id and its name
 * ("" for every township). */
bool listbase_filter_township(const struct listbase_filter *f,
                              const char *value, int *id, char *name,
                              size_t namesz);

/* Draw text on the screen's line line (0 the first above the list; -1
 * the last below it) across its width, with draw_str's flags. */
void listbase_line(const struct listbase *lb, int line, const char *text,
                   enum ui_attr attr, unsigned flags);

/* The keys every list has: Refresh reloads, Back closes, Search and
 * Filter do what the list set up (when it did), the rest moves in the
 * list or marks (listview_key). */
enum key_result listbase_key(struct listbase *lb, const struct key *k);

/* Free the rows, the widget and the search text (lb itself is the
 * screen's). */
void listbase_free(struct listbase *lb);

/*
 * Screen ops for a screen whose data begins with its struct listbase:
 * layout stores the area and places the list between the lines above and
 * below it; resumed reloads; close frees the base, the data and the
 * screen. listbase_screen_new makes a screen of ops with size bytes of
 * zeroed data (NULL when out of memory).
 */
void listbase_layout(struct screen *s, int top, int rows, int cols);
void listbase_resumed(struct screen *s, int result);
/* The screen's available hook (ui/screen.h) as far as its rows go: the
 * actions that work on a row (open, pass, return, history, mark all,
 * accept, refuse, withdraw, attendance, submit) are not available while
 * the list has none -- the key bar does not offer what would do nothing. */
bool listbase_available(struct screen *s, enum action a, const char **why);
void listbase_close(struct screen *s);
struct screen *listbase_screen_new(struct app *a, const struct screen_ops *ops,
                                   size_t size);

#endif /* EDUAID_SCREENS_LISTBASE_H */
