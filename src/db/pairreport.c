/*
 * pairreport.c
 *   The pairing documents (pairreport.h): the statements that read them
 *   (the functions of sql/repeatable/36_pairing_reports.sql and
 *   eduaid.pair_annual_sheet, year, quarter and notice as parameters) and
 *   their layout on A4 -- the office's heading and page numbers on every
 *   page (core/pdfdoc.c), a title, paragraphs, a table whose header
 *   repeats, signature and seal blocks -- written through
 *   printdoc_write (core/safefile.c, 0600). Chinese words throughout:
 *   the documents are issued to schools and posted.
 */
#include "config.h"

#include "db/pairreport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pdfdoc.h"

/* The words of every page. */
#define PAGE_FMT "第 %d 页 共 %d 页"

/* Value name of row i of r, "" for NULL. */
static const char *
val(const struct dbres *r, int i, const char *name)
{
    const char *v = dbres_field(r, i, name);

    return v != NULL ? v : "";
}

/* An inspection's verdict as printed. */
static const char *
verdict_word(const char *v)
{
    if (strcmp(v, "commend") == 0)
        return "表扬";
    if (strcmp(v, "ok") == 0)
        return "合格";
    if (strcmp(v, "lagging") == 0)
        return "滞后";
    return v;
}

/* ----------------------------------------------------------------------
 * the quarterly bulletin (帮扶通报)
 * ---------------------------------------------------------------------- */

struct bulletin_doc {
    const struct dbres *r;
    int year, quarter;
};

static const char *
bulletin_cell(void *arg, int row, int col)
{
    const struct bulletin_doc *b = arg;
    static char no[16];

    switch (col) {
    case 0:
        snprintf(no, sizeof no, "%d", row + 1);
        return no;
    case 1:
        return val(b->r, row, "inspected_on");
    case 2:
        return val(b->r, row, "title");
    case 3:
        return val(b->r, row, "helping_school");
    case 4:
        return val(b->r, row, "helped_schools");
    default:
        return verdict_word(val(b->r, row, "verdict"));
    }
}

/* How many of the quarter's inspections gave verdict v. */
static int
count_verdict(const struct dbres *r, const char *v)
{
    int n = 0;

    for (int i = 0; i < r->nrows; i++)
        n += strcmp(val(r, i, "verdict"), v) == 0;
    return n;
}

/* One paragraph per inspection of verdict v: the pair, what was found
 * (or the bulletin's words), and for a lagging pair what it must do. */
static void
bulletin_section(struct pdfdoc *d, const struct dbres *r, const char *v,
                 const char *heading)
{
    char buf[12288];
    int k = 0;

    pdfdoc_para(d, heading, 1);
    for (int i = 0; i < r->nrows; i++) {
        const char *text = dbres_field(r, i, "bulletin");

        if (strcmp(val(r, i, "verdict"), v) != 0)
            continue;
        snprintf(buf, sizeof buf, "%d. %s（%s）：%s", ++k, val(r, i, "title"),
                 val(r, i, "township"),
                 text != NULL ? text : val(r, i, "findings"));
        pdfdoc_para(d, buf, 0);
        if (dbres_field(r, i, "demands") != NULL) {
            snprintf(buf, sizeof buf, "整改要求：%s", val(r, i, "demands"));
            pdfdoc_para(d, buf, 0);
        }
    }
    if (k == 0)
        pdfdoc_para(d, "无。", 0);
}

static int
draw_bulletin(struct pdfdoc *d, void *arg)
{
    static const struct pdfdoc_col cols[] = {
        {"序号", 0.5, 1},     {"督查日期", 1.1, 0}, {"结对", 2.0, 0},
        {"帮扶学校", 1.5, 0}, {"受援学校", 2.0, 0}, {"结论", 0.6, 0}};
    static const char *const signers[] = {"督查组"};
    const struct bulletin_doc *b = arg;
    char buf[512];

    snprintf(buf, sizeof buf, "%d年第%d季度结对帮扶工作通报", b->year,
             b->quarter);
    pdfdoc_title(d, buf);
    snprintf(buf, sizeof buf,
             "本季度督查结对 %d 次：表扬 %d 次，合格 %d 次，滞后 %d 次。",
             b->r->nrows, count_verdict(b->r, "commend"),
             count_verdict(b->r, "ok"), count_verdict(b->r, "lagging"));
    pdfdoc_para(d, buf, 0);
    pdfdoc_space(d, 6);
    if (b->r->nrows > 0)
        pdfdoc_table(d, cols, 6, b->r->nrows, bulletin_cell, (void *)b);
    pdfdoc_space(d, 6);
    bulletin_section(d, b->r, "commend", "一、予以表扬的结对");
    bulletin_section(d, b->r, "lagging", "二、进度滞后、限期整改的结对");
    pdfdoc_signatures(d, signers, 1, "单位盖章", "日期");
    return 0;
}

enum printdoc_failure
pairdoc_bulletin(struct db *db, int year, int quarter, const char *office,
                 const char *file, struct printdoc_done *done,
                 struct db_error *err, char *msg, size_t msgsz)
{
    char ybuf[16], qbuf[16];
    const char *params[2] = {ybuf, qbuf};
    struct pdfdoc_page page = {office, PAGE_FMT, NULL, NULL};
    struct dbres *r;
    enum printdoc_failure rc;

    memset(done, 0, sizeof *done);
    snprintf(ybuf, sizeof ybuf, "%d", year);
    snprintf(qbuf, sizeof qbuf, "%d", quarter);
    r = db_exec(db,
                "SELECT inspected_on, township, title, helping_school, "
                "helped_schools, findings, verdict, bulletin, demands "
                "FROM eduaid.pair_bulletin($1::int, $2::int)",
                2, params, err);
    if (r == NULL)
        return PRINTDOC_SERVER;
    {
        struct bulletin_doc b = {r, year, quarter};

        rc = printdoc_write(file, &page, draw_bulletin, &b, done, msg, msgsz);
    }
    dbres_free(r);
    return rc;
}

/* ----------------------------------------------------------------------
 * a rectification notice (整改通知书)
 * ---------------------------------------------------------------------- */

static int
draw_notice(struct pdfdoc *d, void *arg)
{
    static const char *const signers[] = {"督查组负责人"};
    const struct dbres *r = arg;
    char buf[12288];

    pdfdoc_title(d, "整改通知书");
    snprintf(buf, sizeof buf, "编号：第 %s 号　　签发日期：%s", val(r, 0, "id"),
             val(r, 0, "issued_on"));
    pdfdoc_para(d, buf, 0);
    pdfdoc_space(d, 6);
    snprintf(buf, sizeof buf, "%s（负责人：%s）、%s（负责人：%s）：",
             val(r, 0, "helped_schools"), val(r, 0, "helped_lead"),
             val(r, 0, "helping_school"), val(r, 0, "helping_lead"));
    pdfdoc_para(d, buf, 1);
    snprintf(buf, sizeof buf,
             "%s，县教育局督查组（%s）对你们的结对“%s”（%s）进行了督查，"
             "结论为“%s”。督查发现：%s",
             val(r, 0, "inspected_on"), val(r, 0, "inspectors"),
             val(r, 0, "title"), val(r, 0, "township"),
             verdict_word(val(r, 0, "verdict")), val(r, 0, "findings"));
    pdfdoc_para(d, buf, 0);
    pdfdoc_space(d, 4);
    pdfdoc_para(d, "整改要求：", 1);
    pdfdoc_para(d, val(r, 0, "demands"), 0);
    pdfdoc_space(d, 4);
    snprintf(buf, sizeof buf,
             "整改期限：请于 %s 前完成整改，并将整改情况书面回复县教育局"
             "教育扶贫办。",
             val(r, 0, "deadline"));
    pdfdoc_para(d, buf, 1);
    pdfdoc_signatures(d, signers, 1, "单位盖章", "日期");
    return 0;
}

enum printdoc_failure
pairdoc_notice(struct db *db, const char *id, const char *office,
               const char *file, struct printdoc_done *done,
               struct db_error *err, char *msg, size_t msgsz)
{
    const char *params[1] = {id};
    struct pdfdoc_page page = {office, PAGE_FMT, NULL, NULL};
    struct dbres *r;
    enum printdoc_failure rc;

    memset(done, 0, sizeof *done);
    r = db_exec(db,
                "SELECT id, issued_on, deadline, demands, township, title, "
                "helping_school, helping_lead, helped_schools, helped_lead, "
                "inspected_on, inspectors, findings, verdict "
                "FROM eduaid.pair_notice_doc($1::bigint)",
                1, params, err);
    if (r == NULL)
        return PRINTDOC_SERVER;
    rc = r->nrows == 1
             ? printdoc_write(file, &page, draw_notice, r, done, msg, msgsz)
             : PRINTDOC_NONE;
    dbres_free(r);
    return rc;
}

/* ----------------------------------------------------------------------
 * the annual scoring table (考核评分表)
 * ---------------------------------------------------------------------- */

struct scores_doc {
    const struct dbres *r;
    int year;
};

static const char *
scores_cell(void *arg, int row, int col)
{
    const struct scores_doc *s = arg;
    static const char *const names[] = {"rank", "title", "township", "total",
                                        "max_total"};
    const char *v = dbres_field(s->r, row, names[col]);

    /* no rank: not scored, or the caller's ranks are not the county's */
    if (v == NULL && col == 0)
        return dbres_field(s->r, row, "total") == NULL ? "未评定" : "—";
    return v != NULL ? v : "—";
}

static int
draw_scores(struct pdfdoc *d, void *arg)
{
    static const struct pdfdoc_col cols[] = {{"名次", 0.7, 1},
                                             {"结对", 2.6, 0},
                                             {"乡镇", 1.2, 0},
                                             {"得分", 0.8, 1},
                                             {"满分", 0.8, 1}};
    static const char *const signers[] = {"评分人", "审核人"};
    const struct scores_doc *s = arg;
    int scored = 0;
    char buf[512];

    for (int i = 0; i < s->r->nrows; i++)
        scored += dbres_field(s->r, i, "total") != NULL;
    snprintf(buf, sizeof buf, "%d年度结对帮扶考核评分表", s->year);
    pdfdoc_title(d, buf);
    snprintf(buf, sizeof buf,
             "按公布的考核指标打分，满分 %s 分。结对 %d 个，已评定 %d 个；"
             "得分相同者名次并列。",
             s->r->nrows > 0 && dbres_field(s->r, 0, "max_total") != NULL
                 ? val(s->r, 0, "max_total")
                 : "—",
             s->r->nrows, scored);
    pdfdoc_para(d, buf, 0);
    pdfdoc_space(d, 6);
    if (s->r->nrows > 0)
        pdfdoc_table(d, cols, 5, s->r->nrows, scores_cell, (void *)s);
    pdfdoc_signatures(d, signers, 2, "单位盖章", "日期");
    return 0;
}

enum printdoc_failure
pairdoc_scores(struct db *db, int year, const char *office, const char *file,
               struct printdoc_done *done, struct db_error *err, char *msg,
               size_t msgsz)
{
    char ybuf[16];
    const char *params[1] = {ybuf};
    struct pdfdoc_page page = {office, PAGE_FMT, NULL, NULL};
    struct dbres *r;
    enum printdoc_failure rc;

    memset(done, 0, sizeof *done);
    snprintf(ybuf, sizeof ybuf, "%d", year);
    r = db_exec(db,
                "SELECT rank, title, township, total, max_total "
                "FROM eduaid.pair_scores_doc($1::int)",
                1, params, err);
    if (r == NULL)
        return PRINTDOC_SERVER;
    {
        struct scores_doc s = {r, year};

        rc = printdoc_write(file, &page, draw_scores, &s, done, msg, msgsz);
    }
    dbres_free(r);
    return rc;
}
