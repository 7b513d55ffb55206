/*
 * check_roundtrips.c
 *   Check tests of the round trips of the db layer (issue 16;
 *   docs/design/roundtrips.md) against a live eduaid database with the
 *   demo data, named by the libpq environment: db_roundtrips() counts one
 *   per statement and the trace file of EDUAID_TRACE_ROUNDTRIPS gets one
 *   line each; a pipeline of prefetched statements (db_prefetch_begin,
 *   db_prefetch_send) is one round trip, its answers serve the same
 *   statements after it without one, a statement it was refused is sent
 *   again and refused in its own words, and the first other statement
 *   drops them; db_set_application_name waits for nothing and takes
 *   effect; the main menu's numbers come in one statement
 *   (db/menucounts.c) and are, for a clerk, an officer and a supervisor,
 *   what the separate statements the menu used to send say; a pipeline
 *   of a transaction (db_pipeline) is one round trip, leaves its
 *   transaction to the caller and stops at a refusal, and without BEGIN
 *   commits all or nothing; N marked records pass in one (pass_many).
 *
 *   Run by tests/db/68_roundtrips.t with CK_TAP_LOG_FILE_NAME=- for TAP.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "db/menucounts.h"
#include "db/passmany.h"

#define CONNECT_TIMEOUT 10

static struct db *
connect_as(const char *user)
{
    struct db_error e;
    struct db *d = db_connect(NULL, user, NULL, CONNECT_TIMEOUT, &e);

    ck_assert_msg(d != NULL, "connect as %s: %s", user, e.message);
    return d;
}

/* The one value of sql's one row, as a number. */
static long long
value(struct db *d, const char *sql)
{
    struct db_error e;
    struct dbres *r = db_exec(d, sql, 0, NULL, &e);
    long long n;

    ck_assert_msg(r != NULL, "%s: %s", sql, e.message);
    ck_assert_int_eq(r->nrows, 1);
    n = atoll(dbres_get(r, 0, 0) ? dbres_get(r, 0, 0) : "-1");
    dbres_free(r);
    return n;
}

START_TEST(test_counter_and_trace)
{
    char path[] = "/tmp/eduaid-rt-XXXXXX";
    int fd = mkstemp(path);
    struct db *d;
    unsigned long before;
    struct db_error e;
    FILE *f;
    char line[256];
    int lines = 0;

    ck_assert_int_ge(fd, 0);
    close(fd);
    /* read at the first round trip of the process (each test is forked) */
    setenv("EDUAID_TRACE_ROUNDTRIPS", path, 1);
    d = connect_as("demo_clerk");
    before = db_roundtrips();
    ck_assert_int_eq(before, 1); /* session_user and my_role() */
    ck_assert_int_eq(value(d, "SELECT 1"), 1);
    ck_assert_int_eq(db_begin(d, &e), 0);
    ck_assert_int_eq(value(d, "SELECT 2"), 2);
    ck_assert_int_eq(db_commit(d, &e), 0);
    ck_assert_int_eq(db_roundtrips() - before, 4);
    db_close(d);
    ck_assert((f = fopen(path, "r")) != NULL);
    while (fgets(line, sizeof line, f) != NULL)
        if (strncmp(line, "rt ", 3) == 0)
            lines++;
    fclose(f);
    unlink(path);
    ck_assert_int_eq(lines, 5);
}
END_TEST

START_TEST(test_prefetch)
{
    struct db *d = connect_as("demo_clerk");
    struct db_error e;
    unsigned long before;
    struct dbres *r;
    const char *p[1] = {"41"};

    db_prefetch_begin(d);
    /* collected: each answered with an empty result, nothing sent */
    before = db_roundtrips();
    r = db_exec(d, "SELECT $1::int + 1", 1, p, &e);
    ck_assert(r != NULL && r->nrows == 0);
    dbres_free(r);
    dbres_free(db_exec(d, "SELECT 1 / 0", 0, NULL, &e));
    dbres_free(
        db_exec(d, "SELECT count(*) FROM eduaid.household", 0, NULL, &e));
    ck_assert_int_eq(db_roundtrips(), before);
    /* one pipeline */
    ck_assert_int_eq(db_prefetch_send(d, &e), 0);
    ck_assert_int_eq(db_roundtrips() - before, 1);
    /* served, as often as asked, without a round trip */
    before = db_roundtrips();
    r = db_exec(d, "SELECT $1::int + 1", 1, p, &e);
    ck_assert(r != NULL && r->nrows == 1);
    ck_assert_str_eq(dbres_get(r, 0, 0), "42");
    dbres_free(r);
    ck_assert_int_gt(value(d, "SELECT count(*) FROM eduaid.household"), 0);
    ck_assert_int_gt(value(d, "SELECT count(*) FROM eduaid.household"), 0);
    ck_assert_int_eq(db_roundtrips(), before);
    /* the refused one goes again and is refused in its own words */
    ck_assert(db_exec(d, "SELECT 1 / 0", 0, NULL, &e) == NULL);
    ck_assert_str_eq(e.sqlstate, "22012");
    ck_assert_int_eq(db_roundtrips() - before, 1);
    /* ... and dropped the rest: the same statement goes to the server */
    before = db_roundtrips();
    ck_assert_int_gt(value(d, "SELECT count(*) FROM eduaid.household"), 0);
    ck_assert_int_eq(db_roundtrips() - before, 1);
    db_close(d);
}
END_TEST

START_TEST(test_application_name)
{
    struct db *d = connect_as("demo_clerk");
    unsigned long before = db_roundtrips();
    struct db_error e;
    struct dbres *r;

    ck_assert_int_eq(db_set_application_name(d, "eduaid/rt-test"), 0);
    ck_assert_int_eq(db_roundtrips(), before);
    r = db_exec(d, "SELECT current_setting('application_name')", 0, NULL, &e);
    ck_assert_msg(r != NULL, "%s", e.message);
    ck_assert_str_eq(dbres_get(r, 0, 0), "eduaid/rt-test");
    dbres_free(r);
    ck_assert_int_eq(db_roundtrips() - before, 1);
    db_close(d);
}
END_TEST

/* Run stmts (sql only) as one pipeline; its count, out[] kept. */
static long
pipe_sql(struct db *d, const char *const *sql, size_t n, struct dbres **out,
         struct db_error *e)
{
    struct db_stmt st[8];

    for (size_t i = 0; i < n; i++)
        st[i] = (struct db_stmt){sql[i], 0, NULL};
    return db_pipeline(d, st, n, false, out, e);
}

static void
out_free(struct dbres **out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dbres_free(out[i]);
}

START_TEST(test_pipeline_transaction)
{
    struct db *d = connect_as("demo_clerk");
    static const char *const ok[] = {"BEGIN", "SELECT 1", "SELECT 2"};
    static const char *const bad[] = {"BEGIN", "SELECT 1", "SELECT 1 / 0",
                                      "SELECT 3"};
    struct dbres *out[4];
    struct db_error e;
    unsigned long before = db_roundtrips();

    /* BEGIN and the statements in one round trip; the transaction stays
     * open until the caller's COMMIT (one more) */
    ck_assert_int_eq(pipe_sql(d, ok, 3, out, &e), 3);
    ck_assert_int_eq(db_roundtrips() - before, 1);
    ck_assert_str_eq(dbres_get(out[2], 0, 0), "2");
    out_free(out, 3);
    /* still in the pipeline's transaction: it began before this */
    ck_assert_int_eq(value(d, "SELECT (now() < statement_timestamp())::int"),
                     1);
    ck_assert_int_eq(db_commit(d, &e), 0);
    ck_assert_int_eq(db_roundtrips() - before, 3);
    /* a refusal: the statements before it answered, err is its own words,
     * the rest did not run; the caller rolls back */
    before = db_roundtrips();
    ck_assert_int_eq(pipe_sql(d, bad, 4, out, &e), 2);
    ck_assert_str_eq(e.sqlstate, "22012");
    ck_assert(out[1] != NULL && out[2] == NULL && out[3] == NULL);
    ck_assert_str_eq(dbres_get(out[1], 0, 0), "1");
    out_free(out, 4);
    db_rollback(d);
    ck_assert_int_eq(db_roundtrips() - before, 2);
    ck_assert_int_eq(value(d, "SELECT 7"), 7);
    db_close(d);
}
END_TEST

START_TEST(test_pipeline_implicit)
{
    struct db *d = connect_as("demo_clerk");
    static const char *const sql[] = {
        "SELECT set_config('eduaid_rt.x', 'set', false)", "SELECT 1 / 0"};
    struct dbres *out[2];
    struct db_error e;
    unsigned long before = db_roundtrips();
    struct dbres *r;

    /* without BEGIN the sync commits all or none: refused, nothing stays
     * (not even a session setting) and no transaction is left open */
    ck_assert_int_eq(pipe_sql(d, sql, 2, out, &e), 1);
    ck_assert_str_eq(e.sqlstate, "22012");
    out_free(out, 2);
    ck_assert_int_eq(db_roundtrips() - before, 1);
    r = db_exec(d, "SELECT coalesce(current_setting('eduaid_rt.x', true), '')",
                0, NULL, &e);
    ck_assert_msg(r != NULL, "%s", e.message);
    ck_assert_str_eq(dbres_get(r, 0, 0), "");
    dbres_free(r);
    ck_assert_int_eq(db_roundtrips() - before, 2);
    db_close(d);
}
END_TEST

/* Issue 16: N marked records passed in one round trip (eduaid.pass_many),
 * each with its own outcome; rolled back (the test changes nothing). */
START_TEST(test_pass_many)
{
    struct db *d = connect_as("demo_supervisor");
    struct db_error e;
    struct dbres *r;
    struct pass_item items[4];
    unsigned long before;

    r = db_exec(d,
                "SELECT id, version FROM eduaid.household"
                " WHERE status = 'verified' AND created_by <> session_user"
                " AND NOT coalesce(session_user = ANY (editors), false)"
                " ORDER BY id LIMIT 3",
                0, NULL, &e);
    ck_assert_msg(r != NULL && r->nrows == 3, "%s", e.message);
    for (int i = 0; i < 3; i++)
        items[i] = (struct pass_item){.action = "approve",
                                      .kind = "household",
                                      .id = atoll(dbres_get(r, i, 0)),
                                      .version = atoi(dbres_get(r, i, 1))};
    items[1].version--; /* seen before someone changed it */
    items[3] =
        (struct pass_item){.action = "approve", .kind = "household", .id = -1};
    ck_assert_int_eq(db_begin(d, &e), 0);
    before = db_roundtrips();
    ck_assert_int_eq(pass_many(d, items, 4, &e), 0);
    ck_assert_int_eq(db_roundtrips() - before, 1);
    ck_assert(items[0].ok && items[2].ok);
    ck_assert_int_eq(items[0].new_version, atoi(dbres_get(r, 0, 1)) + 1);
    ck_assert(!items[1].ok);
    ck_assert_str_eq(items[1].err.sqlstate, "EA007");
    ck_assert_int_eq(items[1].err.status, DB_ERROR);
    ck_assert(!items[3].ok);
    ck_assert_str_eq(items[3].err.sqlstate, "EA005");
    ck_assert(strstr(items[3].err.message, "not found") != NULL);
    db_rollback(d);
    dbres_free(r);
    db_close(d);
}
END_TEST

/* The queue's rows of kind in the menu's numbers r, summed. */
static long long
queue_waiting(const struct dbres *r, const char *kind)
{
    long long n = 0;

    for (int i = 0; i < r->nrows; i++)
        if (strcmp(dbres_get(r, i, 0), "queue") == 0 &&
            strcmp(dbres_get(r, i, 2), kind) == 0)
            n += atoll(dbres_get(r, i, 3));
    return n;
}

/* The menu's numbers for user, one statement, against the statements the
 * menu sent one by one before issue 16. */
static void
menu_numbers(const char *user, bool queue, bool returned)
{
    static struct formdef forms[] = {
        {.kind = (char *)"household", .table = (char *)"household"},
        {.kind = (char *)"training", .table = (char *)"training_enrollment"},
        {.kind = (char *)"special_ed", .table = (char *)"special_ed_plan"},
        {.kind = (char *)"teacher_fund",
         .table = (char *)"teacher_fund_application"},
        {.kind = (char *)"household_year", .table = (char *)"household_year"},
    };
    static const char *const statuses[] = {"draft", "submitted", "verified",
                                           "approved", "rejected"};
    const struct formdef *fp[5] = {&forms[0], &forms[1], &forms[2], &forms[3],
                                   &forms[4]};
    struct menucounts_want w = {fp, 5, queue, returned, true, true};
    struct db *d = connect_as(user);
    struct db_error e;
    unsigned long before = db_roundtrips();
    struct dbres *r = menucounts_fetch(d, &w, &e);
    char sql[256];

    ck_assert_msg(r != NULL, "%s: %s %s", user, e.sqlstate, e.message);
    ck_assert_int_eq(db_roundtrips() - before, 1);
    for (size_t i = 0; i < 5; i++)
        for (size_t s = 0; s < 5; s++) {
            snprintf(sql, sizeof sql,
                     "SELECT count(*) FROM eduaid.%s WHERE status = '%s'",
                     forms[i].table, statuses[s]);
            ck_assert_int_eq(menucounts_n(r, "form", (long)i, statuses[s]),
                             value(d, sql));
        }
    ck_assert_int_eq(menucounts_n(r, "notice", 0, "open"),
                     value(d, "SELECT count(*) FROM eduaid.notice"
                              " WHERE closed_at IS NULL"));
    ck_assert_int_eq(menucounts_n(r, "notice", 0, "pending"),
                     value(d, "SELECT count(*) FROM eduaid.notice_objection"
                              " WHERE decision = 'pending'"));
    ck_assert_int_eq(menucounts_n(r, "transfer", 0, "in"),
                     value(d,
                           "SELECT count(*) FROM eduaid.transfers()"
                           " WHERE state = 'pending' AND direction <> 'out'"));
    ck_assert_int_eq(menucounts_n(r, "transfer", 0, "out"),
                     value(d,
                           "SELECT count(*) FROM eduaid.transfers()"
                           " WHERE state = 'pending' AND direction <> 'in'"));
    if (queue)
        ck_assert_int_eq(queue_waiting(r, "household"),
                         value(d, "SELECT coalesce(sum(waiting), 0) FROM"
                                  " eduaid.queue_counts()"
                                  " WHERE kind = 'household'"));
    if (returned)
        ck_assert_int_eq(menucounts_n(r, "returned", 0, ""),
                         value(d, "SELECT count(*) FROM"
                                  " eduaid.returned_to_me(500)"));
    dbres_free(r);
    db_close(d);
}

START_TEST(test_menu_clerk)
{
    menu_numbers("demo_clerk", false, true);
}
END_TEST

START_TEST(test_menu_officer)
{
    menu_numbers("demo_officer", true, true);
}
END_TEST

START_TEST(test_menu_supervisor)
{
    menu_numbers("demo_supervisor", true, false);
}
END_TEST

static Suite *
roundtrips_suite(void)
{
    Suite *s = suite_create("roundtrips");
    TCase *tc = tcase_create("db");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_counter_and_trace);
    tcase_add_test(tc, test_prefetch);
    tcase_add_test(tc, test_application_name);
    tcase_add_test(tc, test_pipeline_transaction);
    tcase_add_test(tc, test_pipeline_implicit);
    tcase_add_test(tc, test_pass_many);
    tcase_add_test(tc, test_menu_clerk);
    tcase_add_test(tc, test_menu_officer);
    tcase_add_test(tc, test_menu_supervisor);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(roundtrips_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
