/*
 * pdfdoc.c
 *   Printed documents as A4 PDF (pdfdoc.h): the page frame (heading, QR
 *   code, page number), the flow of blocks down the page with page
 *   breaks, and the blocks themselves -- title, paragraph, table with a
 *   repeated header, bar chart, signature and seal blocks -- drawn with
 *   cairo, their text laid out by pango in Noto CJK.
 */
#include "config.h"

#include "core/pdfdoc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

/* A4 in points, and the margins. */
#define PAGE_W 595.276
#define PAGE_H 841.890
#define MARGIN 56.0
#define TOP (MARGIN + 64.0)             /* below the heading and the QR code */
#define BOTTOM (PAGE_H - MARGIN - 18.0) /* above the page number */
#define QR_SIZE 64.0
#define FONT "Noto Sans CJK SC"
#define SERIF "Noto Serif CJK SC"
#define BODY_PT 10.0
#define PAD 3.0

struct pdfdoc {
    cairo_t *cr;
    const struct pdfdoc_page *page;
    QRcode *qr;
    int pageno; /* the page being drawn, 0 before the first */
    int pages;  /* of the whole document: 0 in the first pass */
    double y;   /* where the next block starts */
    /* the header of the table being drawn, for its repetition */
    const struct pdfdoc_col *cols;
    int ncols;
};

/* ----------------------------------------------------------------------
 * text
 * ---------------------------------------------------------------------- */

/* A layout of text in font at pt, wrapped to width (points; <= 0: no
 * wrapping), aligned. The caller unrefs it. */
static PangoLayout *
layout(struct pdfdoc *d, const char *text, const char *font, double pt,
       bool bold, double width, PangoAlignment align)
{
    PangoLayout *l = pango_cairo_create_layout(d->cr);
    PangoFontDescription *fd = pango_font_description_from_string(font);

    pango_context_set_language(pango_layout_get_context(l),
                               pango_language_from_string("zh-cn"));
    pango_font_description_set_absolute_size(fd, pt * PANGO_SCALE);
    if (bold)
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(l, align);
    pango_layout_set_text(l, text != NULL ? text : "", -1);
    return l;
}

static double
layout_height(PangoLayout *l)
{
    int w, h;

    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

static void
show(struct pdfdoc *d, PangoLayout *l, double x, double y)
{
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, l);
}

/* text at (x, y), one line, no wrapping. */
static void
show_text(struct pdfdoc *d, const char *text, double pt, double x, double y,
          PangoAlignment align, double width)
{
    PangoLayout *l = layout(d, text, FONT, pt, false, width, align);

    show(d, l, x, y);
    g_object_unref(l);
}

/* ----------------------------------------------------------------------
 * the page frame
 * ---------------------------------------------------------------------- */

/* The QR code as black squares (vectors), top right. */
static void
draw_qr(struct pdfdoc *d)
{
    double m = QR_SIZE / (d->qr->width + 8); /* a quiet zone of 4 */
    double x0 = PAGE_W - MARGIN - QR_SIZE + 4 * m, y0 = MARGIN - 24 + 4 * m;

    cairo_set_source_rgb(d->cr, 0, 0, 0);
    for (int r = 0; r < d->qr->width; r++)
        for (int c = 0; c < d->qr->width; c++)
            if (d->qr->data[r * d->qr->width + c] & 1)
                cairo_rectangle(d->cr, x0 + c * m, y0 + r * m, m, m);
    cairo_fill(d->cr);
}

static void
begin_page(struct pdfdoc *d)
{
    d->pageno++;
    d->y = TOP;
    if (d->page->heading != NULL && d->page->heading[0] != '\0') {
        show_text(d, d->page->heading, 9.0, MARGIN, MARGIN - 20,
                  PANGO_ALIGN_LEFT, PAGE_W - 2 * MARGIN - QR_SIZE - 8);
        cairo_set_line_width(d->cr, 0.6);
        cairo_move_to(d->cr, MARGIN, MARGIN - 4);
        cairo_line_to(d->cr, PAGE_W - MARGIN - QR_SIZE - 8, MARGIN - 4);
        cairo_stroke(d->cr);
    }
    if (d->qr != NULL)
        draw_qr(d);
}

/* fmt with its first "%d" replaced by a and its second by b (a format
 * of the caller's translation, so not given to printf) into out. */
static void
page_text(const char *fmt, int a, int b, char *out, size_t outsz)
{
    size_t n = 0;
    int k = 0;

    for (; *fmt != '\0' && n + 12 < outsz; fmt++) {
        if (fmt[0] == '%' && fmt[1] == 'd' && k < 2) {
            n += (size_t)snprintf(out + n, outsz - n, "%d", k++ == 0 ? a : b);
            fmt++;
        } else {
            out[n++] = *fmt;
        }
    }
    out[n] = '\0';
}

static void
end_page(struct pdfdoc *d)
{
    char buf[128];

    page_text(d->page->pagefmt, d->pageno, d->pages, buf, sizeof buf);
    show_text(d, buf, 9.0, MARGIN, PAGE_H - MARGIN, PANGO_ALIGN_CENTER,
              PAGE_W - 2 * MARGIN);
    if (d->page->qr_label != NULL)
        show_text(d, d->page->qr_label, 6.0, MARGIN, PAGE_H - MARGIN + 14,
                  PANGO_ALIGN_CENTER, PAGE_W - 2 * MARGIN);
    cairo_show_page(d->cr);
}

/* Room for h points below d->y, on a new page if need be; true when a
 * new page was begun. */
static bool
need(struct pdfdoc *d, double h)
{
    if (d->y + h <= BOTTOM || d->y <= TOP)
        return false;
    end_page(d);
    begin_page(d);
    return true;
}

/* ----------------------------------------------------------------------
 * blocks
 * ---------------------------------------------------------------------- */

void
pdfdoc_title(struct pdfdoc *d, const char *text)
{
    PangoLayout *l = layout(d, text, SERIF, 18.0, true, PAGE_W - 2 * MARGIN,
                            PANGO_ALIGN_CENTER);
    double h = layout_height(l);

    need(d, h);
    show(d, l, MARGIN, d->y);
    d->y += h + 10;
    g_object_unref(l);
}

void
pdfdoc_para(struct pdfdoc *d, const char *text, int bold)
{
    PangoLayout *l = layout(d, text, FONT, BODY_PT, bold, PAGE_W - 2 * MARGIN,
                            PANGO_ALIGN_LEFT);
    double h = layout_height(l);

    need(d, h);
    show(d, l, MARGIN, d->y);
    d->y += h + 4;
    g_object_unref(l);
}

void
pdfdoc_space(struct pdfdoc *d, double pt)
{
    d->y += pt;
}

/* The x of each column's left edge into x (ncols + 1 edges). */
static void
col_edges(const struct pdfdoc_col *cols, int ncols, double *x)
{
    double sum = 0, w = PAGE_W - 2 * MARGIN;

    for (int c = 0; c < ncols; c++)
        sum += cols[c].share;
    x[0] = MARGIN;
    for (int c = 0; c < ncols; c++)
        x[c + 1] = x[c] + (sum > 0 ? w * cols[c].share / sum : w / ncols);
}

/* One row of cells (texts), bold or not, with its borders, on this page
 * or the next (where the header is repeated first when header is false). */
static void
table_row(struct pdfdoc *d, const char *const *texts, bool header)
{
    double x[33], h = 0;
    PangoLayout *l[32];
    int n = d->ncols;

    col_edges(d->cols, n, x);
    for (int c = 0; c < n; c++) {
        l[c] = layout(d, texts[c], FONT, header ? 9.5 : 9.0, header,
                      x[c + 1] - x[c] - 2 * PAD,
                      d->cols[c].right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
        if (layout_height(l[c]) > h)
            h = layout_height(l[c]);
    }
    h += 2 * PAD;
    if (need(d, h) && !header) {
        const char *heads[32];

        for (int c = 0; c < n; c++)
            heads[c] = d->cols[c].head;
        table_row(d, heads, true);
    }
    if (header) {
        cairo_set_source_rgb(d->cr, 0.88, 0.88, 0.88);
        cairo_rectangle(d->cr, x[0], d->y, x[n] - x[0], h);
        cairo_fill(d->cr);
        cairo_set_source_rgb(d->cr, 0, 0, 0);
    }
    cairo_set_line_width(d->cr, 0.5);
    for (int c = 0; c < n; c++) {
        show(d, l[c], x[c] + PAD, d->y + PAD);
        cairo_rectangle(d->cr, x[c], d->y, x[c + 1] - x[c], h);
        g_object_unref(l[c]);
    }
    cairo_stroke(d->cr);
    d->y += h;
}

void
pdfdoc_table(struct pdfdoc *d, const struct pdfdoc_col *cols, int ncols,
             int nrows, pdfdoc_cell_fn *get, void *arg)
{
    const char *texts[32];

    if (ncols > 32)
        ncols = 32;
    d->cols = cols;
    d->ncols = ncols;
    for (int c = 0; c < ncols; c++)
        texts[c] = cols[c].head;
    need(d, 60); /* never a header alone at the foot of a page */
    table_row(d, texts, true);
    for (int r = 0; r < nrows; r++) {
        for (int c = 0; c < ncols; c++)
            texts[c] = get(arg, r, c);
        table_row(d, texts, false);
    }
    d->y += 8;
}

void
pdfdoc_bars(struct pdfdoc *d, const char *caption, int n,
            const char *const *labels, const double *values,
            const char *const *texts)
{
    const double row = 16.0, lw = 120.0, tw = 80.0;
    double max = 0, x0 = MARGIN + lw, bw = PAGE_W - 2 * MARGIN - lw - tw;

    for (int i = 0; i < n; i++)
        if (values[i] > max)
            max = values[i];
    need(d, 24 + row * (n < 4 ? n : 4));
    pdfdoc_para(d, caption, 1);
    for (int i = 0; i < n; i++) {
        double w = max > 0 && values[i] > 0 ? bw * values[i] / max : 0;

        need(d, row);
        show_text(d, labels[i], 8.5, MARGIN, d->y + 2, PANGO_ALIGN_RIGHT,
                  lw - 6);
        cairo_set_source_rgb(d->cr, 0.30, 0.45, 0.70);
        cairo_rectangle(d->cr, x0, d->y + 3, w, row - 6);
        cairo_fill(d->cr);
        cairo_set_source_rgb(d->cr, 0, 0, 0);
        show_text(d, texts[i], 8.5, x0 + w + 4, d->y + 2, PANGO_ALIGN_LEFT, -1);
        d->y += row;
    }
    cairo_set_line_width(d->cr, 0.6);
    cairo_move_to(d->cr, x0, d->y - row * (n > 0 ? 1 : 0));
    cairo_line_to(d->cr, x0, d->y);
    cairo_stroke(d->cr);
    d->y += 10;
}

void
pdfdoc_signatures(struct pdfdoc *d, const char *const *labels, int n,
                  const char *seal, const char *date)
{
    const double seal_sz = 90.0;
    double w = (PAGE_W - 2 * MARGIN) / (n > 0 ? n : 1), x;
    char buf[256];

    need(d, 40 + seal_sz + 30);
    d->y += 16;
    for (int i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "%s：____________", labels[i]);
        show_text(d, buf, BODY_PT, MARGIN + i * w, d->y, PANGO_ALIGN_LEFT, -1);
    }
    d->y += 30;
    x = PAGE_W - MARGIN - seal_sz - 20;
    if (seal != NULL) {
        cairo_set_line_width(d->cr, 0.6);
        cairo_set_dash(d->cr, (const double[]){3.0, 2.0}, 2, 0);
        cairo_rectangle(d->cr, x, d->y, seal_sz, seal_sz);
        cairo_stroke(d->cr);
        cairo_set_dash(d->cr, NULL, 0, 0);
        show_text(d, seal, BODY_PT, x, d->y + seal_sz / 2 - 7,
                  PANGO_ALIGN_CENTER, seal_sz);
    }
    if (date != NULL) {
        snprintf(buf, sizeof buf, "%s：______年____月____日", date);
        show_text(d, buf, BODY_PT, MARGIN, d->y + seal_sz - 14,
                  PANGO_ALIGN_LEFT, -1);
    }
    d->y += seal_sz + 10;
}

/* ----------------------------------------------------------------------
 * rendering
 * ---------------------------------------------------------------------- */

static cairo_status_t
to_file(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, closure) == length
               ? CAIRO_STATUS_SUCCESS
               : CAIRO_STATUS_WRITE_ERROR;
}

static cairo_status_t
to_nowhere(void *closure, const unsigned char *data, unsigned int length)
{
    (void)closure;
    (void)data;
    (void)length;
    return CAIRO_STATUS_SUCCESS;
}

/* One pass: draw into a PDF written by write to fp; the page count, or
 * -1 with err. */
static int
pass(struct pdfdoc *d, cairo_write_func_t write, FILE *fp, pdfdoc_draw_fn *draw,
     void *arg, char *err, size_t errsz)
{
    cairo_surface_t *s =
        cairo_pdf_surface_create_for_stream(write, fp, PAGE_W, PAGE_H);
    cairo_status_t st;
    int rc;

    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
                                   PACKAGE_STRING);
    d->cr = cairo_create(s);
    d->pageno = 0;
    cairo_set_source_rgb(d->cr, 0, 0, 0);
    begin_page(d);
    rc = draw(d, arg);
    end_page(d);
    cairo_destroy(d->cr);
    d->cr = NULL;
    cairo_surface_finish(s);
    st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (rc != 0 || st != CAIRO_STATUS_SUCCESS) {
        snprintf(err, errsz, "PDF: %s",
                 rc != 0 ? "the document could not be drawn"
                         : cairo_status_to_string(st));
        return -1;
    }
    return d->pageno;
}

int
pdfdoc_render(FILE *fp, const struct pdfdoc_page *page, pdfdoc_draw_fn *draw,
              void *arg, int *pages, char *err, size_t errsz)
{
    struct pdfdoc d;
    int n;

    memset(&d, 0, sizeof d);
    d.page = page;
    if (page->qr != NULL) {
        d.qr = QRcode_encodeString8bit(page->qr, 0, QR_ECLEVEL_M);
        if (d.qr == NULL) {
            snprintf(err, errsz, "PDF: the QR code could not be made");
            return -1;
        }
    }
    n = pass(&d, to_nowhere, NULL, draw, arg, err, errsz);
    if (n > 0) {
        d.pages = n;
        n = pass(&d, to_file, fp, draw, arg, err, errsz);
    }
    if (d.qr != NULL)
        QRcode_free(d.qr);
    if (n > 0 && pages != NULL)
        *pages = n;
    return n > 0 ? 0 : -1;
}
