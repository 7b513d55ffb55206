/*
 * pdfdoc.h
 *   Printed documents: A4 PDF drawn with cairo and laid out with pango in
 *   the Noto CJK fonts (Chinese typography: line breaks between any two
 *   Han characters, the Simplified Chinese forms of the glyphs). A
 *   document is drawn by a function of the caller, twice: once to count
 *   its pages, once to the file, so that every page can say "第 N 页 共
 *   M 页". On every page: the office's heading at the top, an optional QR
 *   code in the top right corner, the page number at the foot. Between
 *   them the caller puts a title, paragraphs, a table (its cells wrapped,
 *   its header repeated on every page), bar charts (cairo rectangles:
 *   vectors, never bitmaps) and signature and seal blocks. Pure drawing:
 *   no database, no curses; the bytes go to a FILE the caller opened
 *   through core/safefile.c.
 */
#ifndef EDUAID_CORE_PDFDOC_H
#define EDUAID_CORE_PDFDOC_H

#include <stddef.h>
#include <stdio.h>

struct pdfdoc;

/* What is on every page. */
struct pdfdoc_page {
    const char *heading;  /* the office, top left; NULL or "": none */
    const char *pagefmt;  /* two %d: page, pages ("第 %d 页 共 %d 页") */
    const char *qr;       /* text of a QR code top right; NULL: none */
    const char *qr_label; /* small print at the foot (the QR code's text,
                             for eyes and pdftotext); NULL: none */
};

/* The caller's drawing; returns 0, or -1 to give up. Called twice. */
typedef int pdfdoc_draw_fn(struct pdfdoc *d, void *arg);

/* Draw a document with draw(d, arg) into fp as a PDF (A4 portrait); its
 * page count into *pages when not NULL. 0, or -1 with a sentence in err
 * (a cairo error, a QR code that could not be made, draw's -1). */
int pdfdoc_render(FILE *fp, const struct pdfdoc_page *page,
                  pdfdoc_draw_fn *draw, void *arg, int *pages, char *err,
                  size_t errsz);

/* The title, large and centred. */
void pdfdoc_title(struct pdfdoc *d, const char *text);

/* A paragraph of wrapped text at the normal size (bold when bold). */
void pdfdoc_para(struct pdfdoc *d, const char *text, int bold);

/* Vertical space, in points. */
void pdfdoc_space(struct pdfdoc *d, double pt);

/* A table column: its heading, its share of the width (the shares of a
 * table are summed and scaled to the page), right-aligned or not. */
struct pdfdoc_col {
    const char *head;
    double share;
    int right;
};

/* The text of cell (row, col); NULL: empty. */
typedef const char *pdfdoc_cell_fn(void *arg, int row, int col);

/* A table of nrows rows: each cell wrapped in its column, a row never
 * split across pages, the header row repeated at the top of each page. */
void pdfdoc_table(struct pdfdoc *d, const struct pdfdoc_col *cols, int ncols,
                  int nrows, pdfdoc_cell_fn *get, void *arg);

/* A horizontal bar chart: its caption, then one bar per value with its
 * label on the left and its text (the value as printed) on the right;
 * bars scaled to the largest value (negative values drawn as none). */
void pdfdoc_bars(struct pdfdoc *d, const char *caption, int n,
                 const char *const *labels, const double *values,
                 const char *const *texts);

/* Signature and seal blocks: a row of n "label：________" fields, then a
 * seal box labelled seal (NULL: none) and a date line labelled date
 * (NULL: none), kept together on one page. */
void pdfdoc_signatures(struct pdfdoc *d, const char *const *labels, int n,
                       const char *seal, const char *date);

#endif /* EDUAID_CORE_PDFDOC_H */
