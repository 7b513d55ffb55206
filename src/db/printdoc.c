/*
 * printdoc.c
 *   The printed documents (printdoc.h), for the command line and the
 *   screens alike. The notice: the office's heading, title, number,
 *   period, publisher, the lines as a table (header on every page),
 *   totals, where to object, signature and seal blocks, and on every page
 *   a QR code of the sheet's content hash (db/sheet.h, core/sheetcode.h)
 *   that `eduaid notice verify` reads back. Its words are Chinese
 *   whatever the locale, as on the text sheet (it is posted in the
 *   township). The report: heading, title, year, its table and a bar
 *   chart of its bar column, in the user's language. Files through
 *   core/safefile.c, 0600.
 */
#include "config.h"

#include "db/printdoc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/pdfdoc.h"
#include "core/safefile.h"
#include "core/sheetcode.h"
#include "db/notice.h"
#include "db/sheet.h"

/* ----------------------------------------------------------------------
 * common
 * ---------------------------------------------------------------------- */

/* Render draw(arg) with page into file through safefile (printdoc.h:
 * the pairing documents use it too, issue 15 H4). */
enum printdoc_failure
printdoc_write(const char *file, const struct pdfdoc_page *page,
               pdfdoc_draw_fn *draw, void *arg, struct printdoc_done *done,
               char *msg, size_t msgsz)
{
    struct safefile f;

    if (safefile_open(&f, file, SAFEFILE_PRIVATE, msg, msgsz) != 0)
        return PRINTDOC_FILE;
    if (pdfdoc_render(f.fp, page, draw, arg, &done->pages, msg, msgsz) != 0) {
        safefile_abort(&f);
        return PRINTDOC_FILE;
    }
    if (safefile_commit(&f, msg, msgsz) != 0)
        return PRINTDOC_FILE;
    snprintf(done->path, sizeof done->path, "%s", f.path);
    done->to_stdout = f.how == SAFEFILE_STDOUT;
    return PRINTDOC_OK;
}

/* Value name of row i of r, "" for NULL. */
static const char *
val(const struct dbres *r, int i, const char *name)
{
    const char *v = dbres_field(r, i, name);

    return v != NULL ? v : "";
}

/* ----------------------------------------------------------------------
 * the notice
 * ---------------------------------------------------------------------- */

struct notice_doc {
    const struct dbres *head, *items;
};

static const char *const notice_cols[] = {"line_no",    "township", "name",
                                          "program",    "amount",   "masked_id",
                                          "record_hash"};

static const char *
notice_cell(void *arg, int row, int col)
{
    const struct notice_doc *n = arg;

    return val(n->items, row, notice_cols[col]);
}

static int
draw_notice(struct pdfdoc *d, void *arg)
{
    static const struct pdfdoc_col cols[] = {
        {"序号", 0.6, 1},  {"乡镇", 1.2, 0},       {"姓名", 1.0, 0},
        {"项目", 1.6, 0},  {"金额（元）", 1.0, 1}, {"身份证号", 1.8, 0},
        {"校验码", 1.7, 0}};
    static const char *const signers[] = {"经办人", "审核人"};
    const struct notice_doc *n = arg;
    const struct dbres *h = n->head;
    char buf[1024];

    pdfdoc_title(d, val(h, 0, "title"));
    snprintf(buf, sizeof buf, "公示编号：%s　　公示期：%s 至 %s（共 %s 天）",
             val(h, 0, "id"), val(h, 0, "starts_on"), val(h, 0, "ends_on"),
             val(h, 0, "days"));
    pdfdoc_para(d, buf, 0);
    snprintf(buf, sizeof buf, "发布人：%s　　发布日期：%s%s%s",
             val(h, 0, "opened_by"), val(h, 0, "opened_on"),
             dbres_field(h, 0, "closed_on") != NULL ? "　　结束日期：" : "",
             val(h, 0, "closed_on"));
    pdfdoc_para(d, buf, 0);
    pdfdoc_space(d, 6);
    pdfdoc_table(d, cols, 7, n->items->nrows, notice_cell, (void *)n);
    snprintf(buf, sizeof buf, "合计：%s 条，金额 %s 元", val(h, 0, "lines"),
             val(h, 0, "total"));
    pdfdoc_para(d, buf, 1);
    snprintf(
        buf, sizeof buf,
        "异议：公示期内如有异议，可书面或当面向%s反映，请注明该条的校验码。",
        val(h, 0, "contact"));
    pdfdoc_para(d, buf, 0);
    snprintf(buf, sizeof buf,
             "校验：校验码为该条 SHA-256 摘要的前16位，可用“%s notice verify "
             "校验码”核对；右上角二维码为本公示全文的摘要，可用“%s notice "
             "verify 二维码内容”核对本页是否与数据库一致。",
             PACKAGE_NAME, PACKAGE_NAME);
    pdfdoc_para(d, buf, 0);
    pdfdoc_signatures(d, signers, 2, "单位盖章", "日期");
    return 0;
}

/* The QR payload of notice id into code. */
static enum printdoc_failure
notice_code(struct db *db, const char *id, char *code, size_t codesz,
            struct db_error *err)
{
    struct dbres *r = sheet_digest(db, id, err);
    enum printdoc_failure rc = PRINTDOC_OK;

    if (r == NULL)
        return PRINTDOC_SERVER;
    if (r->nrows != 1 ||
        sheetcode_build(code, codesz, val(r, 0, "id"), atol(val(r, 0, "lines")),
                        val(r, 0, "digest")) != 0)
        rc = PRINTDOC_NOCODE;
    dbres_free(r);
    return rc;
}

/* The head and lines of notice id, with its code. */
static enum printdoc_failure
notice_fetch(struct db *db, const char *id, struct dbres **head,
             struct dbres **items, char *code, size_t codesz,
             struct db_error *err)
{
    if ((*head = notices_sheet(db, id, err)) == NULL)
        return PRINTDOC_SERVER;
    if ((*head)->nrows == 0)
        return PRINTDOC_NONE;
    if ((*items = notices_sheet_lines(db, id, err)) == NULL)
        return PRINTDOC_SERVER;
    return notice_code(db, id, code, codesz, err);
}

enum printdoc_failure
printdoc_notice(struct db *db, const char *id, const char *office,
                const char *file, struct printdoc_done *done,
                struct db_error *err, char *msg, size_t msgsz)
{
    struct dbres *head = NULL, *items = NULL;
    char code[SHEETCODE_MAX];
    struct pdfdoc_page page = {office, "第 %d 页 共 %d 页", code, code};
    enum printdoc_failure rc;

    memset(done, 0, sizeof *done);
    rc = notice_fetch(db, id, &head, &items, code, sizeof code, err);
    if (rc == PRINTDOC_OK) {
        struct notice_doc n = {head, items};

        rc = printdoc_write(file, &page, draw_notice, &n, done, msg, msgsz);
    }
    dbres_free(items);
    dbres_free(head);
    return rc;
}

/* ----------------------------------------------------------------------
 * a report
 * ---------------------------------------------------------------------- */

struct report_doc {
    const struct report_def *def;
    const struct dbres *r;
    int year;
    bool item;         /* the item column is shown */
    const char *stamp; /* issue 17 H6: a snapshot's line, or NULL */
};

static const char *
report_cell(void *arg, int row, int col)
{
    const struct report_doc *p = arg;
    const char *code = dbres_field(p->r, row, "township_id");

    if (col == 0)
        return code == NULL ? _("Total") : val(p->r, row, "township");
    if (p->item && col == 1) {
        const char *item = dbres_field(p->r, row, "item");

        return item == NULL ? _("(all)") : report_item_label(p->def, item);
    }
    return val(p->r, row, p->def->cols[col - 1 - p->item].name);
}

/* A number from a report's text ("1,234.50"); 0 for none. */
static double
number(const char *s)
{
    char buf[64];
    size_t n = 0;

    for (; *s != '\0' && n + 1 < sizeof buf; s++)
        if (*s != ',')
            buf[n++] = *s;
    buf[n] = '\0';
    return strtod(buf, NULL);
}

/* The bar chart of the bar column: one bar per row but the total. */
static void
report_chart(struct pdfdoc *d, const struct report_doc *p)
{
    int n = 0, rows = p->r->nrows;
    const char **labels = calloc((size_t)rows + 1, sizeof *labels);
    const char **texts = calloc((size_t)rows + 1, sizeof *texts);
    double *values = calloc((size_t)rows + 1, sizeof *values);
    char **owned = calloc((size_t)rows + 1, sizeof *owned);
    const struct report_col *bc = &p->def->cols[p->def->bar];
    char caption[256];

    if (labels != NULL && texts != NULL && values != NULL && owned != NULL) {
        for (int i = 0; i < rows; i++) {
            if (dbres_field(p->r, i, "township_id") == NULL)
                continue;
            if (p->item && dbres_field(p->r, i, "item") != NULL &&
                asprintf(&owned[n], "%s %s", val(p->r, i, "township"),
                         report_cell((void *)p, i, 1)) < 0)
                owned[n] = NULL;
            labels[n] = owned[n] != NULL ? owned[n] : val(p->r, i, "township");
            texts[n] = val(p->r, i, bc->name);
            values[n] = number(texts[n]);
            n++;
        }
        snprintf(caption, sizeof caption, _("Chart: %s"), _(bc->label));
        pdfdoc_bars(d, caption, n, labels, values, texts);
    }
    for (int i = 0; owned != NULL && i < n; i++)
        free(owned[i]);
    free(owned);
    free(labels);
    free(texts);
    free(values);
}

static int
draw_report(struct pdfdoc *d, void *arg)
{
    const struct report_doc *p = arg;
    struct pdfdoc_col cols[34];
    int n = 0;
    char buf[256];

    cols[n++] = (struct pdfdoc_col){_("Township"), 1.4, 0};
    if (p->item)
        cols[n++] = (struct pdfdoc_col){_(p->def->item_label), 1.4, 0};
    for (int c = 0; c < p->def->ncols && n < 32; c++)
        cols[n++] = (struct pdfdoc_col){_(p->def->cols[c].label), 1.0,
                                        p->def->cols[c].kind != RC_TEXT};
    pdfdoc_title(d, _(p->def->title));
    pdfdoc_para(d, report_year_label(p->def, p->year, buf, sizeof buf), 0);
    if (p->stamp != NULL) /* issue 17 H6 */
        pdfdoc_para(d, p->stamp, 0);
    pdfdoc_space(d, 6);
    pdfdoc_table(d, cols, n, p->r->nrows, report_cell, (void *)p);
    if (p->def->bar >= 0 && p->def->bar < p->def->ncols)
        report_chart(d, p);
    return 0;
}

enum printdoc_failure
printdoc_report(struct db *db, const struct report_def *d, int year,
                int township, const char *office, const char *file,
                struct printdoc_done *done, struct db_error *err, char *msg,
                size_t msgsz)
{
    struct dbres *r;
    enum printdoc_failure rc;

    memset(done, 0, sizeof *done);
    if ((r = report_fetch(db, d, year, township, err)) == NULL)
        return PRINTDOC_SERVER;
    rc = printdoc_report_rows(d, r, year, NULL, office, file, done, msg, msgsz);
    dbres_free(r);
    return rc;
}

/* issue 17 H6 */
enum printdoc_failure
printdoc_report_rows(const struct report_def *d, const struct dbres *r,
                     int year, const char *stamp, const char *office,
                     const char *file, struct printdoc_done *done, char *msg,
                     size_t msgsz)
{
    struct report_doc p = {d, r, year, d->item_label != NULL, stamp};
    struct pdfdoc_page page = {office, _("Page %d of %d"), NULL, NULL};

    memset(done, 0, sizeof *done);
    return printdoc_write(file, &page, draw_report, &p, done, msg, msgsz);
}
