/*
 * admnotice.c
 *   The 公示 list of the qualified students of the targeted admission
 *   plans (admnotice.h, issue 17 H4): the rows of db/admission.h's
 *   admission_notice laid out on A4 -- the office's heading and the page
 *   numbers on every page (core/pdfdoc.c), a title, what the list is and
 *   where objections go, the table (its header repeated), the seal and
 *   date -- written through printdoc_write (core/safefile.c, 0600).
 */
#include "config.h"

#include "db/admnotice.h"

#include <stdio.h>
#include <string.h>

#include "core/pdfdoc.h"
#include "db/admission.h"

struct adm_doc {
    const struct dbres *r;
    int year;
};

static const char *
adm_cell(void *arg, int row, int col)
{
    static const char *const names[] = {"line_no",   "township", "name",
                                        "masked_id", "school",   "plan"};
    const struct adm_doc *a = arg;
    const char *v = dbres_field(a->r, row, names[col]);

    return v != NULL ? v : "";
}

static int
draw_adm(struct pdfdoc *d, void *arg)
{
    static const struct pdfdoc_col cols[] = {
        {"序号", 0.6, 1},     {"乡镇", 1.1, 0},     {"姓名", 1.0, 0},
        {"身份证号", 2.0, 0}, {"就读高中", 1.8, 0}, {"专项计划", 1.8, 0}};
    const struct adm_doc *a = arg;
    char buf[512];

    snprintf(buf, sizeof buf, "%d年定向招生专项计划资格审查合格考生公示",
             a->year);
    pdfdoc_title(d, buf);
    snprintf(
        buf, sizeof buf,
        "经考生申请、乡镇初审、县教育局资格审查，下列 %d "
        "名建档立卡贫困家庭考生符合国家专项计划、省精准扶贫专项计划或"
        "高校专项计划的报考条件（本县户籍满3年、在本县高中连续就读满3年），"
        "现予公示。公示期5个工作日。对公示内容如有异议，请在公示期内"
        "向县教育局或县招生办公室实名反映。",
        a->r->nrows);
    pdfdoc_para(d, buf, 0);
    pdfdoc_space(d, 6);
    if (a->r->nrows > 0)
        pdfdoc_table(d, cols, 6, a->r->nrows, adm_cell, (void *)a);
    else
        pdfdoc_para(d, "本年度暂无资格审查合格的考生。", 1);
    pdfdoc_signatures(d, NULL, 0, "单位盖章", "公示日期");
    return 0;
}

enum printdoc_failure
admdoc_notice(struct db *db, int year, int township, const char *office,
              const char *file, struct printdoc_done *done,
              struct db_error *err, char *msg, size_t msgsz)
{
    struct pdfdoc_page page = {office, "第 %d 页 共 %d 页", NULL, NULL};
    struct dbres *r;
    enum printdoc_failure rc;

    memset(done, 0, sizeof *done);
    if ((r = admission_notice(db, year, township, err)) == NULL)
        return PRINTDOC_SERVER;
    {
        struct adm_doc a = {r, year};

        rc = printdoc_write(file, &page, draw_adm, &a, done, msg, msgsz);
    }
    dbres_free(r);
    return rc;
}
