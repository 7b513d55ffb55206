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
 *   refused (23505). It leaves that pair in the database.
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
    "helping_lead,helped_lead,agreement"

static const char *const section_cols[PS_COUNT] = {
    [PS_TARGETS] = "id,kind,year,what,due_on,who,quantity",
    [PS_ACTIVITIES] = "id,kind,held_on,place,people,content",
    [PS_MONTHLY] = "id,month,content,entered",
    [PS_QUARTERLY] = "id,year,quarter,kind,held_on,content",
    [PS_CHECKS] = "inspection_id,inspected_on,inspectors,verdict,findings,"
                  "bulletin,first,rectification_id,issued_on,deadline,demands,"
                  "responded_on,response",
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
