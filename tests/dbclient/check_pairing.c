/*
 * check_pairing.c
 *   Check tests of src/db/pairing (issue 15, the client's pairing area)
 *   against a live eduaid database with the demo data loaded, named by
 *   the libpq environment. They log in as the demo users themselves (and
 *   an inspector the superuser makes), so what each sees is the server's
 *   answer under its row-level security: every column pairing.h promises
 *   is there by that name; demo_clerk's pick lists hold his townships and
 *   their schools, the helping school's any school; a pair he makes (a
 *   2014 cycle: it meets no other test's pair) with its lead helped
 *   school is listed, found by its title and township filters, and takes
 *   the rows of its page; a third township (officer_104) sees none of it
 *   and cannot write to it; the helping side (demo_officer) reads it and
 *   cannot write its work; the inspector records an inspection and a
 *   notice, 军店镇's officer the response; a month's second report is
 *   refused (23505). Issue 15 H6: the home township changes its rows with
 *   the version read (a stale version: EA007; the helping side: refused);
 *   the early end, four eyes -- asked before the agreement is approved
 *   (EA209), the agreement taken through submit/verify/approve, asked
 *   (twice: EA235), turned down (a reason, read back), asked again,
 *   approved by a supervisor (an officer may not), the pair ended. It
 *   leaves that pair in the database, ended.
 *
 *   Run by tests/db/65_pairing_client.t (TAP: CK_TAP_LOG_FILE_NAME=-).
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/formdef.h"
#include "db/db.h"
#include "db/pairing.h"
#include "db/record.h"

#define CONNECT_TIMEOUT 10
#define TITLE "2014城关幼—军店幼"

static struct db *db;
static struct db_error err;

static void
as(const char *user)
{
    struct db_error e;

    db_close(db);
    db = db_connect(NULL, user, NULL, CONNECT_TIMEOUT, &e);
    ck_assert_msg(db != NULL, "connect as %s: %s", user, e.message);
    db_error_clear(&err);
}

static void
teardown(void)
{
    db_close(db);
    db = NULL;
}

static void
has_columns(const struct dbres *r, const char *what, const char *cols)
{
    char buf[512], *save = NULL;

    ck_assert_msg(r != NULL, "%s: %s", what, err.message);
    snprintf(buf, sizeof buf, "%s", cols);
    for (char *c = strtok_r(buf, ",", &save); c != NULL;
         c = strtok_r(NULL, ",", &save)) {
        bool found = false;

        for (int i = 0; i < r->ncols; i++)
            if (strcmp(r->names[i], c) == 0)
                found = true;
        ck_assert_msg(found, "%s: no column %s", what, c);
    }
}

#define PAIR_COLS                                                              \
    "township_id,id,title,township,helping,helping_township,helped_count,"     \
    "helped,form,help_kind,cycle_start,cycle_end,ended_on,end_reason,"         \
    "helping_lead,helped_lead,agreement,end_requested_on,end_request_reason,"  \
    "end_requested_by,end_refused_by,end_refusal,end_approved_by"

static const char *const section_cols[PS_COUNT] = {
    [PS_TARGETS] = "id,version,kind,year,what,due_on,who,quantity",
    [PS_ACTIVITIES] = "id,version,kind,held_on,place,people,content",
    [PS_MONTHLY] = "id,version,month,content,entered",
    [PS_QUARTERLY] = "id,version,year,quarter,kind,held_on,content",
    [PS_CHECKS] = "inspection_id,inspected_on,inspectors,verdict,findings,"
                  "bulletin,first,rectification_id,issued_on,deadline,demands,"
                  "responded_on,response,response_id,response_version",
};

/* The value ("township:id") of the one school named name, or fail. */
static char *
school(const char *name)
{
    struct dbres *r = pairing_any_school(db, name, &err);
    char *v;

    has_columns(r, "pairing_any_school", "value,label,detail");
    ck_assert_int_eq(r->nrows, 1);
    v = strdup(dbres_field(r, 0, "value"));
    dbres_free(r);
    return v;
}

/* The pair's row as the caller lists it: its township and id into t, id
 * (empty when the caller does not see it). */
static int
find_pair(const char *township, char *t, size_t tsz, char *id, size_t idsz)
{
    struct dbres *r = pairs_list(db, township, TITLE, &err);
    int n;

    has_columns(r, "pairs_list", PAIR_COLS);
    n = r->nrows;
    if (n == 1) {
        snprintf(t, tsz, "%s", dbres_field(r, 0, "township_id"));
        snprintf(id, idsz, "%s", dbres_field(r, 0, "id"));
        ck_assert_str_eq(dbres_field(r, 0, "helped_count"), "1");
        ck_assert_str_eq(dbres_field(r, 0, "helping"), "城关镇中心幼儿园");
        ck_assert_ptr_null(dbres_get(r, 0, 16)); /* no agreement */
    }
    dbres_free(r);
    return n;
}

static int
nrows(enum pair_section sec, const char *t, const char *id)
{
    struct dbres *r = pair_rows(db, sec, t, id, &err);
    int n;

    has_columns(r, "pair_rows", section_cols[sec]);
    n = r->nrows;
    dbres_free(r);
    return n;
}

/* How often the agreement form's pick list of pairs (forms/lookups.conf,
 * lookup "pair", no township chosen yet) offers the pair TITLE, and the
 * township it tells the form (issue 15 H7: only the pair's home township
 * writes its agreement, so only it is offered the pair). */
static int
pair_offered(char *township, size_t tsz)
{
    const char *top = getenv("top_srcdir");
    char path[1024];
    struct formdef_error ferr;
    struct lookupset *l = NULL;
    const struct lookupdef *d = NULL;
    struct dbres *r;
    int n = 0;

    snprintf(path, sizeof path, "%s/forms/lookups.conf",
             top != NULL && *top != '\0' ? top : ".");
    ck_assert_msg(lookupset_load(path, &l, &ferr) == 0, "%s:%d: %s", ferr.file,
                  ferr.line, ferr.message);
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(l->items[i].name, "pair") == 0)
            d = &l->items[i];
    ck_assert_ptr_nonnull(d);
    r = record_lookup(db, d, 0, TITLE, 50, &err);
    ck_assert_msg(r != NULL, "record_lookup pair: %s", err.message);
    for (int i = 0; i < r->nrows; i++)
        if (strcmp(dbres_field(r, i, "label"), TITLE) == 0) {
            n++;
            snprintf(township, tsz, "%s", dbres_field(r, i, "township"));
        }
    dbres_free(r);
    lookupset_free(l);
    return n;
}

START_TEST(test_picks_and_counts)
{
    struct dbres *r;

    as("demo_clerk");
    r = pairing_counts(db, &err);
    has_columns(r, "pairing_counts", "pairs,running,approved");
    ck_assert_int_eq(r->nrows, 1);
    dbres_free(r);
    r = pairing_my_townships(db, "", &err);
    has_columns(r, "pairing_my_townships", "value,label,detail");
    ck_assert_int_eq(r->nrows, 2);
    ck_assert_str_eq(dbres_field(r, 0, "value"), "420325100");
    ck_assert_str_eq(dbres_field(r, 1, "value"), "420325101");
    dbres_free(r);
    r = pairing_my_school(db, "", &err);
    has_columns(r, "pairing_my_school", "value,label,detail");
    ck_assert_int_gt(r->nrows, 0);
    for (int i = 0; i < r->nrows; i++)
        ck_assert_msg(strcmp(dbres_field(r, i, "detail"), "城关镇") == 0 ||
                          strcmp(dbres_field(r, i, "detail"), "军店镇") == 0,
                      "a school of %s is offered as a member",
                      dbres_field(r, i, "detail"));
    dbres_free(r);
    r = pairing_my_school(db, "大木厂镇", &err);
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);
    r = pairing_any_school(db, "大木厂镇中心小学", &err);
    ck_assert_int_eq(r->nrows, 1); /* any school may help */
    dbres_free(r);
}
END_TEST

START_TEST(test_pair_and_its_page)
{
    char *helper, *helped, t[16] = "", id[24] = "", rect[24] = "";
    struct pair_new v = {"420325101",  TITLE,          NULL,
                         "one_to_one", "town_village", "2014-09-01",
                         "周园长",     "吴园长",       NULL};
    const char *activity[5] = {"teaching_visit", "2015-03-10",
                               "军店镇中心幼儿园", "城关幼儿园教师 3 人",
                               "送教：科学活动"};
    const char *month[2] = {"2015-03", "三月：送教一次"};
    const char *target[6] = {"target",     "2015",   "开设科学活动课",
                             "2015-06-30", "周园长", "每周一节"};
    const char *quarter[5] = {"2015", "1", "summary", "2015-03-31",
                              "一季度总结"};
    struct dbres *r;
    long long made;

    as("demo_clerk");
    helper = school("城关镇中心幼儿园");
    helped = school("军店镇中心幼儿园");
    v.helping = helper;
    v.member = helped;
    made = pair_create(db, &v, &err);
    ck_assert_msg(made > 0, "pair_create: %s", err.message);
    ck_assert_int_eq(find_pair("0", t, sizeof t, id, sizeof id), 1);
    ck_assert_int_eq(atoll(id), made);
    ck_assert_str_eq(t, "420325101");
    ck_assert_int_eq(find_pair("420325100", t, sizeof t, id, sizeof id), 1);
    ck_assert_int_eq(find_pair("420325103", t, sizeof t, id, sizeof id), 0);
    r = pair_get(db, "420325101", id, &err);
    has_columns(r, "pair_get", PAIR_COLS);
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_str_eq(dbres_field(r, 0, "cycle_end"), "2017-09-01");
    dbres_free(r);
    ck_assert_int_eq(pair_row_add(db, PR_TARGET, t, id, target, &err), 0);
    ck_assert_int_eq(pair_row_add(db, PR_ACTIVITY, t, id, activity, &err), 0);
    ck_assert_int_eq(pair_row_add(db, PR_MONTHLY, t, id, month, &err), 0);
    ck_assert_int_eq(pair_row_add(db, PR_QUARTERLY, t, id, quarter, &err), 0);
    ck_assert_int_eq(pair_row_add(db, PR_MONTHLY, t, id, month, &err), -1);
    ck_assert_str_eq(err.sqlstate, "23505"); /* one report a month */
    for (int s = 0; s < PS_CHECKS; s++)
        ck_assert_int_eq(nrows(s, t, id), 1);
    ck_assert_int_eq(nrows(PS_CHECKS, t, id), 0);
    ck_assert_int_eq(pair_row_nvalues(PR_ACTIVITY), 5);

    /* a third township sees nothing and writes nothing */
    as("officer_104");
    ck_assert_int_eq(find_pair("0", rect, sizeof rect, rect, sizeof rect), 0);
    r = pair_get(db, t, id, &err);
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);
    ck_assert_int_eq(nrows(PS_ACTIVITIES, t, id), 0);
    ck_assert_int_eq(pair_row_add(db, PR_ACTIVITY, t, id, activity, &err), -1);
    ck_assert_int_eq(pair_add_member(db, id, "420325104:1", &err), -1);

    /* the agreement's pick list: the home township's clerk is offered the
     * pair (and told its township), the helping side, who reads it, not */
    as("demo_clerk");
    ck_assert_int_eq(pair_offered(rect, sizeof rect), 1);
    ck_assert_str_eq(rect, "420325101");
    as("demo_officer");
    ck_assert_int_eq(pair_offered(rect, sizeof rect), 0);

    /* the helping side reads, the home township writes */
    ck_assert_int_eq(find_pair("0", rect, sizeof rect, rect, sizeof rect), 1);
    ck_assert_int_eq(nrows(PS_ACTIVITIES, t, id), 1);
    ck_assert_int_eq(pair_row_add(db, PR_ACTIVITY, t, id, activity, &err), -1);
    ck_assert_str_eq(err.sqlstate, "42501");
    free(helper);
    free(helped);
}
END_TEST

START_TEST(test_inspection_and_response)
{
    char t[16] = "", id[24] = "", insp[24] = "", rect[24] = "";
    const char *inspection[5] = {"2015-04-20", "督导组", "月报不全", "lagging",
                                 NULL};
    const char *notice[4] = {insp, "2015-04-20", "2015-05-20", "补齐月报"};
    const char *response[3] = {rect, "2015-05-10", "已补齐"};
    const char *su = getenv("EDUAID_SUPERUSER");
    struct dbres *r;

    as(su != NULL && su[0] ? su : "postgres");
    r = db_exec(db,
                "SELECT eduaid.create_user('t_pair_inspector', '督查员',"
                " 'inspector', 420325)",
                0, NULL, &err);
    ck_assert_msg(r != NULL, "create_user: %s", err.message);
    dbres_free(r);
    as("t_pair_inspector");
    ck_assert_int_eq(find_pair("0", t, sizeof t, id, sizeof id), 1);
    ck_assert_int_eq(pair_row_add(db, PR_INSPECTION, t, id, inspection, &err),
                     0);
    r = pair_rows(db, PS_CHECKS, t, id, &err);
    has_columns(r, "pair_rows", section_cols[PS_CHECKS]);
    ck_assert_int_eq(r->nrows, 1);
    snprintf(insp, sizeof insp, "%s", dbres_field(r, 0, "inspection_id"));
    dbres_free(r);
    ck_assert_int_eq(pair_row_add(db, PR_RECTIFICATION, t, id, notice, &err),
                     0);
    ck_assert_int_eq(pair_row_add(db, PR_ACTIVITY, t, id, notice, &err), -1);
    r = pair_rows(db, PS_CHECKS, t, id, &err);
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_str_eq(dbres_field(r, 0, "first"), "t");
    snprintf(rect, sizeof rect, "%s", dbres_field(r, 0, "rectification_id"));
    ck_assert_ptr_null(dbres_get(r, 0, 11)); /* responded_on */
    dbres_free(r);

    as("demo_officer"); /* the helping side does not answer */
    ck_assert_int_eq(pair_row_add(db, PR_RESPONSE, t, id, response, &err), -1);
    ck_assert_int_eq(pair_row_add(db, PR_INSPECTION, t, id, inspection, &err),
                     -1);
    as("officer_101");
    ck_assert_int_eq(pair_row_add(db, PR_RESPONSE, t, id, response, &err), 0);
    r = pair_rows(db, PS_CHECKS, t, id, &err);
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_str_eq(dbres_field(r, 0, "responded_on"), "2015-05-10");
    dbres_free(r);
    ck_assert_int_eq(pair_row_add(db, PR_RESPONSE, t, id, response, &err), -1);
}
END_TEST

/* Row sec's column col of the caller's pair page (its first row). */
static char *
first(enum pair_section sec, const char *t, const char *id, const char *col)
{
    struct dbres *r = pair_rows(db, sec, t, id, &err);
    char *v;

    has_columns(r, "pair_rows", section_cols[sec]);
    ck_assert_int_ge(r->nrows, 1);
    v = strdup(dbres_field(r, 0, col) != NULL ? dbres_field(r, 0, col) : "");
    dbres_free(r);
    return v;
}

START_TEST(test_change_rows)
{
    char t[16] = "", id[24] = "";
    const char *activity[5] = {"joint_research", "2015-03-11",
                               "军店镇中心幼儿园", "两园教师 6 人",
                               "联合教研：科学活动"};
    const char *target[6] = {"target",     "2015",   "开设科学活动课，每班",
                             "2015-07-10", "周园长", "每周两节"};
    const char *month[2] = {"2015-03", "三月：送教一次，教研一次"};
    const char *quarter[5] = {"2015", "1", "summary", "2015-04-01",
                              "一季度总结（改）"};
    char *rowid, *ver, *v;

    as("demo_clerk");
    ck_assert_int_eq(find_pair("0", t, sizeof t, id, sizeof id), 1);
    rowid = first(PS_ACTIVITIES, t, id, "id");
    ver = first(PS_ACTIVITIES, t, id, "version");
    ck_assert_msg(pair_row_update(db, PR_ACTIVITY, t, id, rowid, ver, activity,
                                  &err) == 0,
                  "update: %s", err.message);
    v = first(PS_ACTIVITIES, t, id, "content");
    ck_assert_str_eq(v, "联合教研：科学活动");
    free(v);
    v = first(PS_ACTIVITIES, t, id, "kind");
    ck_assert_str_eq(v, "joint_research");
    free(v);
    /* the version read before is stale now */
    ck_assert_int_eq(
        pair_row_update(db, PR_ACTIVITY, t, id, rowid, ver, activity, &err),
        -1);
    ck_assert_str_eq(err.sqlstate, "EA007");
    free(ver);
    ver = first(PS_ACTIVITIES, t, id, "version");

    /* the helping side reads and does not change */
    as("demo_officer");
    ck_assert_int_eq(
        pair_row_update(db, PR_ACTIVITY, t, id, rowid, ver, activity, &err),
        -1);
    free(rowid);
    free(ver);

    as("officer_101");
    for (int k = 0; k < 3; k++) {
        static const enum pair_section secs[3] = {PS_TARGETS, PS_MONTHLY,
                                                  PS_QUARTERLY};
        static const enum pair_row kinds[3] = {PR_TARGET, PR_MONTHLY,
                                               PR_QUARTERLY};
        const char *const *vals[3] = {target, month, quarter};

        rowid = first(secs[k], t, id, "id");
        ver = first(secs[k], t, id, "version");
        ck_assert_msg(pair_row_update(db, kinds[k], t, id, rowid, ver, vals[k],
                                      &err) == 0,
                      "update %d: %s", k, err.message);
        free(rowid);
        free(ver);
    }
    v = first(PS_TARGETS, t, id, "quantity");
    ck_assert_str_eq(v, "每周两节");
    free(v);
    v = first(PS_QUARTERLY, t, id, "held_on");
    ck_assert_str_eq(v, "2015-04-01");
    free(v);
    /* a row's identity is not granted for UPDATE (39_privileges.sql) */
    {
        const char *params[1] = {id};
        struct dbres *r = db_exec(db,
                                  "UPDATE eduaid.pair_target SET year = 2016"
                                  " WHERE pair_id = $1::bigint",
                                  1, params, &err);

        ck_assert_ptr_null(r);
        ck_assert_str_eq(err.sqlstate, "42501");
        r = db_exec(db,
                    "UPDATE eduaid.pair_monthly_report SET month = '2015-02-01'"
                    " WHERE pair_id = $1::bigint",
                    1, params, &err);
        ck_assert_ptr_null(r);
        ck_assert_str_eq(err.sqlstate, "42501");
    }
    ck_assert(!pair_row_editable(PR_TARGET, 1)); /* a target's year */
    ck_assert(pair_row_editable(PR_TARGET, 2));
    ck_assert(!pair_row_editable(PR_MONTHLY, 0)); /* the month */

    /* the response to the notice */
    {
        const char *resp[3] = {NULL, "2015-05-12", "已补齐三、四月月报"};

        rowid = first(PS_CHECKS, t, id, "response_id");
        ver = first(PS_CHECKS, t, id, "response_version");
        resp[0] = first(PS_CHECKS, t, id, "rectification_id");
        ck_assert_msg(pair_row_update(db, PR_RESPONSE, t, id, rowid, ver, resp,
                                      &err) == 0,
                      "response: %s", err.message);
        free((char *)resp[0]);
        free(rowid);
        free(ver);
        v = first(PS_CHECKS, t, id, "response");
        ck_assert_str_eq(v, "已补齐三、四月月报");
        free(v);
    }
}
END_TEST

static void
run(const char *sql, const char *p1)
{
    const char *params[1] = {p1};
    struct dbres *r = db_exec(db, sql, 1, params, &err);

    ck_assert_msg(r != NULL, "%s: %s", sql, err.message);
    dbres_free(r);
}

/* pair_get's column col ("" for NULL). */
static char *
head(const char *t, const char *id, const char *col)
{
    struct dbres *r = pair_get(db, t, id, &err);
    char *v;

    has_columns(r, "pair_get", PAIR_COLS);
    ck_assert_int_eq(r->nrows, 1);
    v = strdup(dbres_field(r, 0, col) != NULL ? dbres_field(r, 0, col) : "");
    dbres_free(r);
    return v;
}

static void
head_is(const char *t, const char *id, const char *col, const char *want)
{
    char *v = head(t, id, col);

    ck_assert_msg(strcmp(v, want) == 0, "%s is '%s', not '%s'", col, v, want);
    free(v);
}

START_TEST(test_early_end)
{
    char t[16] = "", id[24] = "";

    as("officer_101");
    ck_assert_int_eq(find_pair("0", t, sizeof t, id, sizeof id), 1);
    ck_assert_int_eq(pair_end_request(db, id, "2016-06-30", "合并", &err), -1);
    ck_assert_str_eq(err.sqlstate, "EA209"); /* no approved agreement */

    as("demo_clerk");
    run("INSERT INTO eduaid.pair_agreement (township_id, pair_id, signed_on,"
        " helping_signatory, helped_signatory, goals) VALUES (420325101,"
        " $1::bigint, '2014-09-01', '周园长', '吴园长', "
        "'三年内开齐科学活动课。')",
        id);
    run("SELECT eduaid.submit('pairing', $1::bigint)", id);
    as("officer_101");
    run("SELECT eduaid.verify('pairing', $1::bigint)", id);
    as("demo_supervisor");
    run("SELECT eduaid.approve('pairing', $1::bigint)", id);
    ck_assert_int_eq(pair_end_approve(db, id, &err), -1);
    ck_assert_str_eq(err.sqlstate, "EA236"); /* nothing asked */

    as("demo_clerk");
    ck_assert_int_eq(pair_end_request(db, id, "2014-08-01", "并校", &err), -1);
    ck_assert_str_eq(err.sqlstate, "EA204"); /* before the cycle */
    ck_assert_msg(pair_end_request(db, id, "2016-06-30",
                                   "军店幼并入九年一贯制学校", &err) == 0,
                  "request: %s", err.message);
    head_is(t, id, "end_requested_on", "2016-06-30");
    head_is(t, id, "end_requested_by", "demo_clerk");
    ck_assert_int_eq(pair_end_request(db, id, "2016-06-30", "again", &err), -1);
    ck_assert_str_eq(err.sqlstate, "EA235");
    ck_assert_int_eq(pair_end_approve(db, id, &err), -1); /* not a supervisor */

    as("officer_101");
    ck_assert_int_eq(pair_end_refuse(db, id, "不行", &err), -1);
    as("demo_supervisor");
    ck_assert_int_eq(pair_end_refuse(db, id, " ", &err), -1); /* no reason */
    ck_assert_int_eq(pair_end_refuse(db, id, "请附县局并校文件", &err), 0);
    head_is(t, id, "end_requested_on", "");
    head_is(t, id, "end_refusal", "请附县局并校文件");
    head_is(t, id, "end_refused_by", "demo_supervisor");
    ck_assert_int_eq(pair_end_approve(db, id, &err), -1);
    ck_assert_str_eq(err.sqlstate, "EA236");

    as("demo_clerk"); /* asks again: the refusal is cleared */
    ck_assert_int_eq(pair_end_request(db, id, "2016-07-01",
                                      "附并校文件（房教〔2016〕8号）", &err),
                     0);
    head_is(t, id, "end_refusal", "");
    as("demo_supervisor");
    ck_assert_msg(pair_end_approve(db, id, &err) == 0, "approve: %s",
                  err.message);
    head_is(t, id, "ended_on", "2016-07-01");
    head_is(t, id, "end_approved_by", "demo_supervisor");
    head_is(t, id, "end_reason", "附并校文件（房教〔2016〕8号）");
    ck_assert_int_eq(pair_end_refuse(db, id, "晚了", &err), -1);
}
END_TEST

/* Set the agreement's field name to v. */
static void
set_field(struct record *r, const char *name, const char *v)
{
    const struct fielddef *fd = formdef_field(r->form, name);

    ck_assert_msg(fd != NULL, "forms/pairing.conf: no field %s", name);
    ck_assert(record_set(r, (size_t)(fd - r->form->fields), v));
}

/* The agreement form (forms/pairing.conf) saves a draft from the client,
 * and saving it again with the same UUID (a retry) makes no second one:
 * record.c inserts ON CONFLICT (township_id, client_uuid), the key 052
 * gives the agreement (046 keyed it by pair too: no agreement could be
 * saved, the raw server text on the screen). */
START_TEST(test_agreement_saves)
{
    char path[1024], *helper, *helped, t[16] = "", id[24] = "";
    struct pair_new v = {"420325101",
                         "2018城关幼—军店幼",
                         NULL,
                         "one_to_one",
                         "town_village",
                         "2018-09-01",
                         "周园长",
                         "吴园长",
                         NULL};
    const char *top = getenv("top_srcdir");
    struct formdef_error ferr;
    struct formdef *f = NULL;
    struct record *r;
    struct dbres *l;
    long long made, first;

    snprintf(path, sizeof path, "%s/forms/pairing.conf", top ? top : ".");
    ck_assert_msg(formdef_load(path, &f, &ferr) == 0, "%s:%d: %s", ferr.file,
                  ferr.line, ferr.message);
    as("demo_clerk");
    helper = school("城关镇中心幼儿园");
    helped = school("军店镇中心幼儿园");
    v.helping = helper;
    v.member = helped;
    made = pair_create(db, &v, &err);
    ck_assert_msg(made > 0, "pair_create: %s", err.message);
    snprintf(t, sizeof t, "420325101");
    snprintf(id, sizeof id, "%lld", made);
    r = record_new(f);
    ck_assert_ptr_nonnull(r);
    set_field(r, "township_id", t);
    set_field(r, "pair_id", id);
    set_field(r, "signed_on", "2018-09-01");
    set_field(r, "helping_signatory", "周园长");
    set_field(r, "helped_signatory", "吴园长");
    set_field(r, "goals", "三年内科学活动课全覆盖。");
    ck_assert_msg(record_save(db, r, &err) == 0, "record_save: %s %s",
                  err.sqlstate, err.message);
    ck_assert_int_gt(r->id, 0);
    first = r->id;
    r->id = 0; /* the retry of a save whose answer was lost */
    r->version = 0;
    ck_assert_msg(record_save(db, r, &err) == 0, "retry: %s %s", err.sqlstate,
                  err.message);
    ck_assert_int_eq(r->id, first);
    l = pairs_list(db, "0", "2018城关幼—军店幼", &err);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->nrows, 1);
    ck_assert_str_eq(dbres_field(l, 0, "agreement"), "draft");
    dbres_free(l);
    record_free(r);
    formdef_free(f);
    free(helper);
    free(helped);
}
END_TEST

static Suite *
pairing_suite(void)
{
    Suite *s = suite_create("db pairing");
    TCase *tc = tcase_create("pairing");

    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_picks_and_counts);
    tcase_add_test(tc, test_pair_and_its_page);
    tcase_add_test(tc, test_inspection_and_response);
    tcase_add_test(tc, test_change_rows);
    tcase_add_test(tc, test_early_end);
    tcase_add_test(tc, test_agreement_saves);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(pairing_suite());
    int failed;

    /* the tests build on each other: one process, in order */
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
