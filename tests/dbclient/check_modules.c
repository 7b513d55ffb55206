/*
 * check_modules.c
 *   Check tests of the domain modules of src/db (review, notice, ledger,
 *   homevisit, transfer, training, roster, history, record's status counts,
 *   report's cursor, export's kind check) against a live eduaid database
 *   with the demo data loaded, named by the libpq environment. They log in
 *   as the demo users themselves, so what each sees is the server's
 *   answer under its row-level security.
 *
 *   Screens and commands read results by column name: every column a
 *   module's header promises must be there, by that name, whether or not
 *   rows come back -- a misspelt name would otherwise show as an empty
 *   cell. Beyond the names: the notice list's two orders and its limit,
 *   the review queue's keyset pages, the outcome filter, lookups by code
 *   and name, and that the report cursor leaves no transaction open. The
 *   tests change nothing in the database (the member diff's changes are
 *   made in a transaction rolled back).
 *
 *   Run by tests/db/27_db_modules.t (TAP: CK_TAP_LOG_FILE_NAME=-).
 */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/formdef.h"
#include "db/db.h"
#include "db/export.h"
#include "db/history.h"
#include "db/homevisit.h"
#include "db/ledger.h"
#include "db/notice.h"
#include "db/record.h"
#include "db/report.h"
#include "db/review.h"
#include "db/roster.h"
#include "db/training.h"
#include "db/transfer.h"

#define S(x) ((char *)(x))
#define CONNECT_TIMEOUT 10

static struct db *db;
static struct db_error err;

static struct db *
connect_as(const char *user)
{
    struct db_error e;
    struct db *d = db_connect(NULL, user, NULL, CONNECT_TIMEOUT, &e);

    ck_assert_msg(d != NULL, "connect as %s: %s", user, e.message);
    return d;
}

static void
as(const char *user)
{
    db_close(db);
    db = connect_as(user);
    db_error_clear(&err);
}

static void
teardown(void)
{
    db_close(db);
    db = NULL;
}

/* r is a result (else fail with err) whose columns include every name of
 * the comma-separated list cols. */
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

/* ---- notice ----------------------------------------------------------------
 */

#define NOTICE_COLS                                                            \
    "id,kind,title,starts_on,ends_on,closed,days_left,lines,pending"

START_TEST(test_notice_list)
{
    struct dbres *newest, *oldest, *one;

    as("demo_supervisor");
    newest = notices_list(db, true, 500, &err);
    has_columns(newest, "notices_list", NOTICE_COLS);
    oldest = notices_list(db, false, 0, &err);
    has_columns(oldest, "notices_list", NOTICE_COLS);
    ck_assert_int_ge(oldest->nrows, 1); /* the demo notice */
    ck_assert_int_eq(newest->nrows, oldest->nrows);
    ck_assert_str_eq(dbres_field(newest, 0, "id"),
                     dbres_field(oldest, oldest->nrows - 1, "id"));
    for (int i = 1; i < oldest->nrows; i++)
        ck_assert_int_lt(atoll(dbres_field(oldest, i - 1, "id")),
                         atoll(dbres_field(oldest, i, "id")));
    one = notices_list(db, true, 1, &err);
    has_columns(one, "notices_list", NOTICE_COLS);
    ck_assert_int_eq(one->nrows, 1);
    dbres_free(one);
    dbres_free(oldest);
    dbres_free(newest);
    has_columns(one = notices_counts(db, &err), "notices_counts",
                "open,pending");
    ck_assert_int_eq(one->nrows, 1);
    dbres_free(one);
}
END_TEST

START_TEST(test_notice_sheet)
{
    struct dbres *list, *r;
    const char *id;

    as("demo_supervisor");
    list = notices_list(db, false, 0, &err);
    ck_assert_ptr_nonnull(list);
    ck_assert_int_ge(list->nrows, 1);
    id = dbres_field(list, 0, "id");
    r = notices_sheet(db, id, &err);
    has_columns(r, "notices_sheet",
                "id,title,kind,starts_on,ends_on,days,opened_by,opened_on,"
                "closed_on,contact,lines,total");
    ck_assert_int_eq(r->nrows, 1);
    dbres_free(r);
    r = notices_sheet_lines(db, id, &err);
    has_columns(r, "notices_sheet_lines",
                "line_no,township,name,program,amount,masked_id,record_hash");
    dbres_free(r);
    r = notices_items(db, id, &err);
    has_columns(r, "notices_items",
                "id,line_no,township,name,program,amount,masked_id,"
                "record_hash,kind,record_id,status,pending,upheld,dismissed,"
                "latest");
    if (r->nrows > 0) {
        struct dbres *o =
            notices_pending_objections(db, dbres_field(r, 0, "id"), &err);

        has_columns(o, "notices_pending_objections", "id,content,objector");
        dbres_free(o);
    }
    dbres_free(r);
    r = notices_verify(db, "0123456789abcdef", &err);
    has_columns(r, "notices_verify",
                "notice_id,line_no,township,name,program,amount,masked_id,"
                "record_hash,hash_check,audit_id,audit_action,audit_actor,"
                "audit_at,changed");
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);
    dbres_free(list);
}
END_TEST

START_TEST(test_notice_scope)
{
    struct dbres *r;

    as("demo_supervisor");
    r = notices_scope_id(db, "household_year", "城关镇", &err);
    has_columns(r, "notices_scope_id", "id");
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_str_eq(dbres_field(r, 0, "id"), "420325100");
    dbres_free(r);
    r = notices_scope_id(db, "household_year", "420325101", &err);
    ck_assert_str_eq(dbres_field(r, 0, "id"), "420325101");
    dbres_free(r);
    r = notices_scope_id(db, "household_year", "no such township", &err);
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_ptr_null(dbres_field(r, 0, "id"));
    dbres_free(r);
    r = notices_scope_id(db, "no such kind", "城关镇", &err);
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);
    /* a subsidy list is of household_year records (issue 11), no longer of
     * register entries */
    r = notices_scope_id(db, "household", "城关镇", &err);
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);
    r = notices_scope_choices(db, "household_year", "城关", &err);
    has_columns(r, "notices_scope_choices", "id,name");
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_str_eq(dbres_field(r, 0, "name"), "城关镇");
    dbres_free(r);
    r = notices_scope_choices(db, "teacher_fund", "", &err);
    has_columns(r, "notices_scope_choices", "id,name");
    ck_assert_int_ge(r->nrows, 1);
    dbres_free(r);
}
END_TEST

/* Opening a notice says how many lines it has: as many as notice_preview
 * announced before (issue 12 item 10: it said 0, counting in the snapshot
 * taken before open_notice inserted them). In a transaction rolled back. */
START_TEST(test_notice_open_count)
{
    struct dbres *pre, *r;

    as("demo_supervisor");
    ck_assert_int_eq(db_begin(db, &err), 0);
    pre = notices_preview(db, "household_year", "420325100", "2026", &err);
    has_columns(pre, "notices_preview", "scope,lines");
    ck_assert_str_eq(dbres_field(pre, 0, "scope"), "城关镇");
    ck_assert_int_gt(atoi(dbres_field(pre, 0, "lines")), 0);
    r = notices_open(db, "household_year", "420325100", "2026", NULL, NULL,
                     NULL, &err);
    has_columns(r, "notices_open", "id,lines");
    ck_assert_str_eq(dbres_field(r, 0, "lines"), dbres_field(pre, 0, "lines"));
    dbres_free(r);
    dbres_free(pre);
    db_rollback(db);
}
END_TEST

/* ---- review ----------------------------------------------------------------
 */

#define QUEUE_COLS                                                             \
    "kind,id,version,status,township_id,township,summary,submitted_by,"        \
    "submitted_by_name,waiting_since,waited"

START_TEST(test_review_queue)
{
    struct dbres *three, *two, *next, *r;

    as("demo_officer");
    three = review_queue_page(db, NULL, NULL, 0, 3, &err);
    has_columns(three, "review_queue_page", QUEUE_COLS);
    ck_assert_int_eq(three->nrows, 3); /* the demo has submitted records */
    two = review_queue_page(db, NULL, NULL, 0, 2, &err);
    has_columns(two, "review_queue_page", QUEUE_COLS);
    next = review_queue_page(db, NULL, two, 1, 1, &err);
    has_columns(next, "review_queue_page", QUEUE_COLS);
    ck_assert_int_eq(next->nrows, 1);
    /* the page after two rows begins with the third */
    ck_assert_str_eq(dbres_field(next, 0, "kind"),
                     dbres_field(three, 2, "kind"));
    ck_assert_str_eq(dbres_field(next, 0, "id"), dbres_field(three, 2, "id"));
    dbres_free(next);
    dbres_free(two);
    {
        const struct review_filter f = {"household", 0, "", NULL};

        r = review_queue_page(db, &f, NULL, 0, 50, &err);
        has_columns(r, "review_queue_page", QUEUE_COLS);
        for (int i = 0; i < r->nrows; i++)
            ck_assert_str_eq(dbres_field(r, i, "kind"), "household");
        dbres_free(r);
    }
    dbres_free(three);
    r = review_queue_counts(db, &err);
    has_columns(r, "review_queue_counts", "kind,waiting");
    dbres_free(r);
}
END_TEST

START_TEST(test_review_returned)
{
    struct dbres *r, *n;

    as("demo_clerk");
    r = review_returned(db, 500, &err);
    has_columns(r, "review_returned",
                "kind,id,version,township,summary,reason,rejected_by,"
                "rejected_by_name,ago");
    n = review_returned_count(db, 500, &err);
    has_columns(n, "review_returned_count", "n");
    ck_assert_int_eq(atoi(dbres_field(n, 0, "n")), r->nrows);
    dbres_free(n);
    dbres_free(r);
}
END_TEST

/* ---- ledgers
 * ----------------------------------------------------------------- */

START_TEST(test_dropout)
{
    static const char *const labels[DROPOUT_OUTCOMES] = {
        "promised to return", "back in school", "refused", "not met", "other"};
    struct dbres *r;
    int year = date_school_year_today();

    as("demo_clerk");
    r = dropout_ledger_rows(db, year, "school_age", 10, &err);
    has_columns(r, "dropout_ledger_rows",
                "student_id,household_no,name,id_number_masked,age,"
                "schooling_status,state,opened_on,confirmed_on,returned_on,"
                "returned_school,visits,last_visit,township");
    ck_assert_int_ge(r->nrows, 1);
    ck_assert_int_le(r->nrows, 10);
    {
        struct dbres *v =
            dropout_visits(db, dbres_field(r, 0, "student_id"), &err);

        has_columns(v, "dropout_visits",
                    "case_id,state,visit_date,visitor,outcome,notes,"
                    "recorded_by_name");
        dbres_free(v);
    }
    dbres_free(r);
    r = dropout_counts(db, year, &err);
    has_columns(r, "dropout_counts", "school_age,suspected,confirmed,returned");
    ck_assert_int_eq(r->nrows, 1);
    dbres_free(r);
    r = dropout_outcomes(db, "", labels, &err);
    has_columns(r, "dropout_outcomes", "value,label,detail");
    ck_assert_int_eq(r->nrows, DROPOUT_OUTCOMES);
    ck_assert_str_eq(dbres_field(r, 0, "value"), "will_return");
    dbres_free(r);
    r = dropout_outcomes(db, "BACK", labels, &err);
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_str_eq(dbres_field(r, 0, "value"), "returned");
    ck_assert_str_eq(dbres_field(r, 0, "label"), "back in school");
    dbres_free(r);
    r = dropout_schools(db, "", &err);
    has_columns(r, "dropout_schools", "value,label,detail");
    ck_assert_int_ge(r->nrows, 1);
    ck_assert_int_le(r->nrows, 50);
    dbres_free(r);
}
END_TEST

START_TEST(test_home_delivery)
{
    struct dbres *r;

    as("demo_clerk");
    r = home_delivery_due(db, &err);
    has_columns(r, "home_delivery_due",
                "township_id,plan_id,child_name,teacher_id,teacher_name,"
                "visits_per_month,visits_logged,due,last_visit,township");
    {
        struct dbres *v = home_delivery_visits(
            db, r->nrows > 0 ? dbres_field(r, 0, "township_id") : "420325100",
            r->nrows > 0 ? dbres_field(r, 0, "plan_id") : "0", &err);

        has_columns(v, "home_delivery_visits",
                    "visit_date,teacher,hours,content");
        ck_assert_int_le(v->nrows, 5);
        dbres_free(v);
    }
    dbres_free(r);
    r = home_delivery_totals(db, &err);
    has_columns(r, "home_delivery_totals", "plans,due");
    ck_assert_int_eq(r->nrows, 1);
    dbres_free(r);
    r = home_delivery_teachers(db, "", "420325100", "0", &err);
    has_columns(r, "home_delivery_teachers", "value,label,detail");
    dbres_free(r);
}
END_TEST

/* ---- transfer (issue 11) ----------------------------------------------------
 */

START_TEST(test_transfer)
{
    struct dbres *r;
    char *id;
    bool mine = false;

    as("demo_clerk");
    r = transfer_list(db, &err);
    has_columns(r, "transfer_list",
                "id,direction,household_id,household_no,head_name,"
                "from_township,to_township,to_village,to_township_id,reason,"
                "state,requested_by_name,requested_at,decided_by_name,"
                "decided_at,refusal_reason,may_decide,may_withdraw");
    dbres_free(r);
    r = transfer_townships(db, "", "420325100", &err);
    has_columns(r, "transfer_townships", "value,label,detail");
    ck_assert_int_eq(r->nrows, 19); /* the county's 20, less its own */
    for (int i = 0; i < r->nrows; i++)
        mine = mine || strcmp(dbres_field(r, i, "value"), "420325100") == 0;
    ck_assert_msg(!mine, "a household's own township is no destination");
    dbres_free(r);
    r = transfer_villages(db, "", "420325101", &err);
    has_columns(r, "transfer_villages", "value,label,detail");
    ck_assert_int_gt(r->nrows, 0);
    dbres_free(r);
    /* another township's household: as missing (and nothing written) */
    as("demo_clerk2");
    id = transfer_request(db, "1", "420325101", "x", &err);
    ck_assert_ptr_null(id);
    ck_assert_str_eq(err.sqlstate, "EA080");
    as("officer_101");
    ck_assert_int_eq(transfer_accept(db, "0", "0", &err), -1);
    ck_assert_str_eq(err.sqlstate, "EA110");
}
END_TEST

START_TEST(test_training)
{
    struct dbres *r;

    as("demo_clerk");
    r = training_ledger_rows(db, &err);
    has_columns(r, "training_ledger_rows",
                "course_name,batch,enrolled,approved,sessions,hours_present,"
                "completed,certified,employed,course_id");
    ck_assert_int_ge(r->nrows, 1);
    {
        struct dbres *b = training_batch(db, dbres_field(r, 0, "course_id"),
                                         dbres_field(r, 0, "batch"), &err);

        has_columns(b, "training_batch",
                    "township_id,id,trainee_name,township,status,sessions,"
                    "hours,last_session,completed,employment_outcome");
        dbres_free(b);
    }
    dbres_free(r);
    r = training_ledger_totals(db, &err);
    has_columns(r, "training_ledger_totals", "enrolled,completed,employed");
    ck_assert_int_eq(r->nrows, 1);
    dbres_free(r);
}
END_TEST

/* ---- roster, history, record, report, export -------------------------------
 */

START_TEST(test_roster)
{
    struct dbres *r;

    as("demo_clerk");
    ck_assert_int_eq(roster_import_known(db, "0", &err), 0);
    r = roster_counts(db, "0", NULL, &err);
    has_columns(r, "roster_counts",
                "township_id,township_name,roster_households,roster_members,"
                "missing_households,extra_households,differing_households,"
                "missing_members,extra_members,differing_members");
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);
    r = roster_differences(db, "0", "420325100", &err);
    has_columns(r, "roster_differences",
                "township_id,township_name,diff_kind,household_no,person_name,"
                "id_number,field,roster_value,eduaid_value");
    dbres_free(r);
}
END_TEST

START_TEST(test_history_and_counts)
{
    static struct formdef household = {.kind = S("household"),
                                       .table = S("household")};
    struct dbres *counts, *r;
    long long id = 0;

    as("demo_clerk");
    counts = record_status_counts(db, &household, &err);
    has_columns(counts, "record_status_counts", "status,n");
    ck_assert_int_ge(counts->nrows, 1);
    dbres_free(counts);
    r = db_exec(db, "SELECT min(id) AS id FROM eduaid.household", 0, NULL,
                &err);
    ck_assert_ptr_nonnull(r);
    id = atoll(dbres_field(r, 0, "id"));
    dbres_free(r);
    r = history_of(db, &household, id, &err);
    has_columns(r, "history_of",
                "n,at,actor,actor_name,action,reason,table_name,row_id,"
                "field,old,new");
    ck_assert_int_ge(r->nrows, 1); /* at least its creation */
    dbres_free(r);
    r = history_last_approved(db, "household", id, &err);
    has_columns(r, "history_last_approved", "key,value");
    dbres_free(r);
}
END_TEST

/* The row as the result has it for table t and id (NULL: any) and field
 * (NULL: the row's line without one); -1 when none. */
static int
find_line(const struct dbres *r, const char *t, const char *id,
          const char *field)
{
    for (int i = 0; i < r->nrows; i++) {
        const char *f = dbres_field(r, i, "field");

        if (strcmp(dbres_field(r, i, "table_name"), t) == 0 &&
            (id == NULL || strcmp(dbres_field(r, i, "row_id"), id) == 0) &&
            (field == NULL ? f == NULL : f != NULL && strcmp(f, field) == 0))
            return i;
    }
    return -1;
}

/* The approved-value diff of a year record's grants, one column a line,
 * in a transaction rolled back: a demo clerk reopens an approved 2026
 * record of hers, changes the first grant's amount, deletes the second and
 * adds one (issue 11). */
START_TEST(test_member_changes)
{
    struct dbres *r, *g;
    char yid[32], first[32], second[32];
    const char *p[1] = {yid};
    int i;

    as("demo_clerk");
    r = history_member_changes(db, "household_year", 0, &err);
    has_columns(r, "history_member_changes",
                "table_name,row_id,change,field,approved,differs");
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);
    ck_assert_int_eq(db_begin(db, &err), 0);
    r = db_exec(
        db,
        "SELECT min(y.id) AS id FROM eduaid.household_year y"
        " WHERE y.status = 'approved' AND y.school_year = 2026"
        "   AND y.township_id = 420325100"
        "   AND eduaid.last_approved('household_year', y.id) IS NOT NULL"
        "   AND (SELECT count(*) FROM eduaid.student_subsidy s"
        "         WHERE s.household_year_id = y.id) >= 2",
        0, NULL, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_ptr_nonnull(dbres_field(r, 0, "id"));
    snprintf(yid, sizeof yid, "%s", dbres_field(r, 0, "id"));
    dbres_free(r);
    g = db_exec(db,
                "SELECT id FROM eduaid.student_subsidy"
                " WHERE household_year_id = $1::bigint ORDER BY id LIMIT 2",
                1, p, &err);
    ck_assert_ptr_nonnull(g);
    snprintf(first, sizeof first, "%s", dbres_field(g, 0, "id"));
    snprintf(second, sizeof second, "%s", dbres_field(g, 1, "id"));
    dbres_free(g);
    ck_assert_int_eq(
        db_command(db,
                   "SELECT eduaid.reopen('household_year', $1::bigint, "
                   "'dbclient test')",
                   1, p, &err),
        0);
    ck_assert_int_eq(
        db_command(db,
                   "UPDATE eduaid.student_subsidy SET amount = amount + 7"
                   " WHERE id = (SELECT min(id) FROM eduaid.student_subsidy"
                   "              WHERE household_year_id = $1::bigint)",
                   1, p, &err),
        0);
    ck_assert_int_eq(
        db_command(db,
                   "SELECT eduaid.delete_member('student_subsidy', $1::bigint,"
                   " (SELECT id FROM eduaid.student_subsidy"
                   "   WHERE household_year_id = $1::bigint"
                   "   ORDER BY id OFFSET 1 LIMIT 1))",
                   1, p, &err),
        0);
    ck_assert_int_eq(
        db_command(db,
                   "INSERT INTO eduaid.student_subsidy (township_id,"
                   " household_year_id, student_id, program, amount)"
                   " SELECT township_id, household_year_id, student_id,"
                   "        'zihui', 1500 FROM eduaid.student_subsidy"
                   "  WHERE household_year_id = $1::bigint LIMIT 1",
                   1, p, &err),
        0);
    r = history_member_changes(db, "household_year", atoll(yid), &err);
    ck_assert_msg(r != NULL, "history_member_changes: %s", err.message);
    /* the changed grant: one line a column, only the amount differs */
    i = find_line(r, "student_subsidy", first, "amount");
    ck_assert_int_ge(i, 0);
    ck_assert_str_eq(dbres_field(r, i, "change"), "changed");
    ck_assert_str_eq(dbres_field(r, i, "differs"), "t");
    i = find_line(r, "student_subsidy", first, "program");
    ck_assert_int_ge(i, 0);
    ck_assert_str_eq(dbres_field(r, i, "differs"), "f");
    /* the removed one: its columns as approved */
    i = find_line(r, "student_subsidy", second, "program");
    ck_assert_int_ge(i, 0);
    ck_assert_str_eq(dbres_field(r, i, "change"), "removed");
    ck_assert_ptr_nonnull(dbres_field(r, i, "approved"));
    /* the added one: one line without a column */
    i = find_line(r, "student_subsidy", NULL, NULL);
    ck_assert_int_ge(i, 0);
    ck_assert_str_eq(dbres_field(r, i, "change"), "added");
    ck_assert_ptr_null(dbres_field(r, i, "approved"));
    dbres_free(r);
    db_rollback(db);
    /* another township's clerk: nothing, as for an id that does not exist */
    as("demo_clerk2");
    r = history_member_changes(db, "household_year", atoll(yid), &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);
}
END_TEST

START_TEST(test_report_cursor)
{
    struct report_cursor *c;
    struct dbres *r;
    char cols[256] = "township_id,township";

    for (int i = 0; i < report_missing_ncols; i++)
        snprintf(cols + strlen(cols), sizeof cols - strlen(cols), ",%s",
                 report_missing_cols[i].name);
    as("demo_supervisor");
    c = report_missing_open(db, date_school_year_today(), 0, &err);
    ck_assert_msg(c != NULL, "report_missing_open: %s", err.message);
    r = report_cursor_fetch(c, &err);
    has_columns(r, "report_cursor_fetch", cols);
    ck_assert_int_le(r->nrows, REPORT_CURSOR_PAGE);
    dbres_free(r);
    report_cursor_close(c);
    /* no transaction is left open: a savepoint has none to go in */
    ck_assert_int_eq(db_command(db, "SAVEPOINT probe", 0, NULL, &err), -1);
    ck_assert_str_eq(err.sqlstate, "25P01");
    /* and the cursor's name is free again */
    c = report_missing_open(db, date_school_year_today(), 420325100, &err);
    ck_assert_msg(c != NULL, "report_missing_open again: %s", err.message);
    report_cursor_close(c);
    ck_assert_int_eq(export_kind_known(db, "household", &err), 1);
    ck_assert_int_eq(export_kind_known(db, "no_such_kind", &err), 0);
}
END_TEST

static Suite *
modules_suite(void)
{
    Suite *s = suite_create("db modules");
    TCase *tc = tcase_create("modules");

    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_notice_list);
    tcase_add_test(tc, test_notice_sheet);
    tcase_add_test(tc, test_notice_scope);
    tcase_add_test(tc, test_notice_open_count);
    tcase_add_test(tc, test_review_queue);
    tcase_add_test(tc, test_review_returned);
    tcase_add_test(tc, test_dropout);
    tcase_add_test(tc, test_home_delivery);
    tcase_add_test(tc, test_transfer);
    tcase_add_test(tc, test_training);
    tcase_add_test(tc, test_roster);
    tcase_add_test(tc, test_history_and_counts);
    tcase_add_test(tc, test_member_changes);
    tcase_add_test(tc, test_report_cursor);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(modules_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
