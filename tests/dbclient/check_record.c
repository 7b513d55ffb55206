/*
 * check_record.c
 *   Check tests of src/db/db.c and src/db/record.c against a live eduaid
 *   database with the demo data loaded (sql/data/demo.sql), named by the
 *   libpq environment (PGHOST, PGPORT, PGDATABASE). The tests log in as the
 *   demo users themselves (demo_clerk, demo_clerk2, demo_officer), so row
 *   security, the workflow and the data rules are the server's own.
 *
 *   The household form is built here by hand (static arrays), so the tests
 *   do not depend on the forms/ files or formdef.c. Every household they make
 *   has a household_no "TREC-<tag>-<n>" and ID numbers from the sequence
 *   range 900-999 (the demo data uses none of it) with birth dates drawn
 *   from the run's tag, so runs do not collide. Drafts are deleted by
 *   demo_clerk at the end; tests/db/20_record_layer.t removes the rest.
 *
 *   Run with CK_TAP_LOG_FILE_NAME=- CK_VERBOSITY=silent for TAP, and with
 *   CK_FORK=no under valgrind.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/date.h"
#include "core/formdef.h"
#include "core/idnumber.h"
#include "db/db.h"
#include "db/record.h"
#include "db/workflow.h"

#define S(x) ((char *)(x))
#define CONNECT_TIMEOUT 10

/* 城关镇 and 军店镇 (demo_clerk), 土城镇 (demo_clerk2) */
#define T_CHENGGUAN 420325100
#define T_JUNDIAN 420325101
#define T_TUCHENG 420325103

/* Written in UTF-8 bytes so that no editor or locale can change them. */
#define JI "\xF0\xA0\xAE\xB7" /* 𠮷 U+20BB7, outside the BMP */
#define YAN "\xE4\xB6\xAE"    /* 䶮 U+4DAE, CJK extension A */

/* ---- the household form, by hand ----------------------------------------- */

static struct lookupdef lookup_items[] = {
    {S("township"), S("township"), S("id"), S("name"), NULL, S("mine"), 3, NULL,
     0},
    {S("village"), S("village"), S("id"), S("name"), NULL, S("township"), 4,
     NULL, 0},
    {S("school"), S("school"), S("id"), S("name"), S("kind"), S("township"), 5,
     NULL, 0},
};
static struct lookupset lookups = {S("forms/lookups.conf"), lookup_items, 3};

#define FIELD(n, t, req, ln)                                                   \
    {                                                                          \
        .name = S(n), .label = {S(n), S(n)}, .type = (t), .width = 10,         \
        .required = (req), .line = (ln)                                        \
    }
#define LOOKUP(n, lk, ln)                                                      \
    {                                                                          \
        .name = S(n), .label = {S(n), S(n)}, .type = FT_LOOKUP, .width = 10,   \
        .required = true, .lookup = S(lk), .line = (ln)                        \
    }

enum {
    F_TOWNSHIP,
    F_HNO,
    F_VILLAGE,
    F_HEAD,
    F_HEAD_ID,
    F_PHONE,
    F_YEAR,
    F_FAMILY,
    F_NOTES,
    NFIELDS
};
static struct fielddef hh_fields[NFIELDS] = {
    LOOKUP("township_id", "township", 10),
    FIELD("household_no", FT_TEXT, true, 11),
    LOOKUP("village_id", "village", 12),
    FIELD("head_name", FT_TEXT, true, 13),
    FIELD("head_id_number", FT_ID_NUMBER, true, 14),
    FIELD("phone", FT_PHONE, false, 15),
    FIELD("registered_year", FT_INT, true, 17),
    FIELD("family_size", FT_INT, true, 18),
    FIELD("notes", FT_TEXT, false, 19),
};

enum {
    G_NAME,
    G_ID,
    G_SEX,
    G_BIRTH,
    G_RELATION,
    G_DISABILITY,
    G_DISABILITY_GRADE,
    G_LEFT_BEHIND,
    NGFIELDS
};
static struct fielddef st_fields[NGFIELDS] = {
    FIELD("name", FT_TEXT, true, 40),
    FIELD("id_number", FT_ID_NUMBER, true, 41),
    FIELD("sex", FT_CHOICE, true, 42),
    FIELD("birth_date", FT_DATE, true, 43),
    FIELD("relation", FT_CHOICE, true, 44),
    FIELD("disability_type", FT_CHOICE, false, 45),
    FIELD("disability_grade", FT_INT, false, 46),
    FIELD("left_behind", FT_BOOL, false, 47),
};
static struct columndef st_columns[] = {
    {S("name"), {S("姓名"), S("Name")}, 8, 50},
    {S("id_number_masked"), {S("身份证号"), S("ID number")}, 18, 51},
};
static struct griddef hh_grids[] = {{
    .table = S("student"),
    .parent_key = S("household_id"),
    .title = {S("家庭成员"), S("Members")},
    .columns = st_columns,
    .ncolumns = 2,
    .fields = st_fields,
    .nfields = NGFIELDS,
    .line = 39,
}};

static struct columndef hh_columns[] = {
    {S("household_no"), {S("户编号"), S("No.")}, 12, 30},
    {S("head_name"), {S("户主"), S("Head")}, 8, 31},
    {S("village_id"), {S("村"), S("Village")}, 10, 32},
    {S("head_id_number_masked"), {S("身份证号"), S("ID number")}, 18, 33},
    {S("family_size"), {S("人口"), S("Size")}, 4, 34},
};
static char *hh_search[] = {S("household_no"), S("head_name"),
                            S("head_id_number"), S("village_id")};
static struct sectiondef hh_sections[] = {{{S("户主"), S("Head")}, 0, NFIELDS}};
/* forms/household.conf's search since issue 12: the members' names and ID
 * numbers too (the form of test_list_member_search) */
static char *hh_member_search[] = {S("household_no"),   S("head_name"),
                                   S("head_id_number"), S("village_id"),
                                   S("student.name"),   S("student.id_number")};

static struct formdef household_form = {
    .path = S("forms/household.conf"),
    .kind = S("household"),
    .table = S("household"),
    .title = {S("建档立卡户核查"), S("Household verification")},
    .columns = hh_columns,
    .ncolumns = 5,
    .search = hh_search,
    .nsearch = 4,
    .fields = hh_fields,
    .nfields = NFIELDS,
    .sections = hh_sections,
    .nsections = 1,
    .grids = hh_grids,
    .ngrids = 1,
};

/* ---- fixtures and helpers ------------------------------------------------ */

static struct db *db; /* demo_clerk, per test */
static struct db_error err;
static int tag; /* this run: household numbers and birth dates */

static struct db *
connect_as(const char *user)
{
    struct db_error e;
    struct db *d = db_connect(NULL, user, NULL, CONNECT_TIMEOUT, &e);

    ck_assert_msg(d != NULL, "connect as %s: status %d: %s", user, e.status,
                  e.message);
    ck_assert_int_eq(e.status, DB_OK);
    return d;
}

static void
setup(void)
{
    db = connect_as("demo_clerk");
    db_error_clear(&err);
}

static void
teardown(void)
{
    db_close(db);
    db = NULL;
}

/* One value of a query run by d (which must succeed), malloc'd or NULL. */
static char *
query1(struct db *d, const char *sql, int n, const char *const *params)
{
    struct db_error e;
    struct dbres *r = db_exec(d, sql, n, params, &e);
    char *v;

    ck_assert_msg(r != NULL, "%s: %s %s", sql, e.sqlstate, e.message);
    v = dbres_get(r, 0, 0) ? strdup(dbres_get(r, 0, 0)) : NULL;
    dbres_free(r);
    return v;
}

/*
 * An ID number of person k of this run (k distinct within a test), and its
 * birth date (ISO) and sex: heads are born 1975-1999, children 2012-2018.
 */
static void
person(int k, bool child, bool male, char id[19], char birth[11], char *sex)
{
    char days[16];
    const char *params[2] = {days, child ? "2012-01-01" : "1975-01-01"};
    char *ymd;

    snprintf(days, sizeof days, "%d", child ? tag % 2500 : tag % 9000);
    ymd =
        query1(db, "SELECT to_char($2::date + $1::int, 'YYYYMMDD')", 2, params);
    snprintf(id, 19, "420325%s%03d", ymd, 900 + (k % 50) * 2 + (male ? 1 : 0));
    id[17] = id_check_digit(id);
    id[18] = '\0';
    snprintf(birth, 11, "%.4s-%.2s-%.2s", ymd, ymd + 4, ymd + 6);
    *sex = male ? 'M' : 'F';
    free(ymd);
}

/* The first key of lookup name in township t (a village, a school). */
static char *
first_key(const char *name, int t)
{
    struct db_error e;
    const struct lookupdef *d = NULL;
    struct dbres *r;
    char *key;

    for (size_t i = 0; i < lookups.count; i++)
        if (strcmp(lookup_items[i].name, name) == 0)
            d = &lookup_items[i];
    ck_assert_ptr_nonnull(d);
    r = record_lookup(db, d, t, NULL, 1, &e);
    ck_assert_msg(r != NULL, "lookup %s: %s", name, e.message);
    ck_assert_int_eq(r->nrows, 1);
    key = strdup(dbres_get(r, 0, 0));
    dbres_free(r);
    return key;
}

/* A new household of township t (number n of this run) with head k. */
static struct record *
new_household(int n, int t, int k, const char *head)
{
    struct record *r = record_new(&household_form);
    char no[32], tid[16], id[19], birth[11], sex;
    char *village = first_key("village", t);

    ck_assert_ptr_nonnull(r);
    snprintf(no, sizeof no, "TREC-%06d-%02d", tag, n);
    snprintf(tid, sizeof tid, "%d", t);
    person(k, false, true, id, birth, &sex);
    ck_assert(record_set(r, F_TOWNSHIP, tid));
    ck_assert(record_set(r, F_HNO, no));
    ck_assert(record_set(r, F_VILLAGE, village));
    ck_assert(record_set(r, F_HEAD, head));
    ck_assert(record_set(r, F_HEAD_ID, id));
    ck_assert(record_set(r, F_PHONE, "13912345678"));
    ck_assert(record_set(r, F_YEAR, "2016"));
    ck_assert(record_set(r, F_FAMILY, "4"));
    free(village);
    return r;
}

/* Add member k named name: a left-behind grandchild with a visual
 * disability of grade 2 when disabled, else a child with no disability. */
static int
add_member(struct record *r, int k, const char *name, bool disabled)
{
    char id[19], birth[11], sex[2] = {0};
    int i = record_add_row(r, 0);
    char **v;

    ck_assert_int_ge(i, 0);
    person(k, true, k % 2 == 1, id, birth, &sex[0]);
    v = r->grids[0].rows[i].values;
    free(v[G_NAME]);
    v[G_NAME] = strdup(name);
    free(v[G_ID]);
    v[G_ID] = strdup(id);
    free(v[G_SEX]);
    v[G_SEX] = strdup(sex);
    free(v[G_BIRTH]);
    v[G_BIRTH] = strdup(birth);
    free(v[G_RELATION]);
    v[G_RELATION] = strdup(disabled ? "grandchild" : "child");
    free(v[G_DISABILITY]);
    v[G_DISABILITY] = strdup(disabled ? "visual" : "");
    free(v[G_DISABILITY_GRADE]);
    v[G_DISABILITY_GRADE] = strdup(disabled ? "2" : "");
    free(v[G_LEFT_BEHIND]);
    v[G_LEFT_BEHIND] = strdup(disabled ? "t" : "f");
    return i;
}

static void
set_grid_value(struct record *r, int row, int field, const char *value)
{
    char **v = r->grids[0].rows[row].values;

    free(v[field]);
    v[field] = strdup(value);
    r->grids[0].rows[row].changed = true;
}

static void
save_ok(struct record *r)
{
    int rc = record_save(db, r, &err);

    ck_assert_msg(rc == 0, "record_save: status %d %s %s (%s)", err.status,
                  err.sqlstate, err.message, err.constraint);
    ck_assert_int_eq(err.status, DB_OK);
    ck_assert(r->id > 0);
}

/* Delete draft household id as demo_clerk (the test's own clean-up). */
static void
delete_draft(long long id)
{
    char buf[32];
    const char *params[1] = {buf};

    snprintf(buf, sizeof buf, "%lld", id);
    ck_assert_int_eq(
        db_command(db,
                   "SELECT eduaid.delete_draft('household', $1::bigint,"
                   " (SELECT version FROM eduaid.household WHERE id = $1))",
                   1, params, &err),
        0);
}

static long long
count_households(const char *no_like)
{
    const char *params[1] = {no_like};
    char *v = query1(
        db, "SELECT count(*) FROM eduaid.household WHERE household_no LIKE $1",
        1, params);
    long long n = atoll(v);

    free(v);
    return n;
}

static char *
township_name(int t)
{
    char buf[16];
    const char *params[1] = {buf};

    snprintf(buf, sizeof buf, "%d", t);
    return query1(db, "SELECT name FROM eduaid.township WHERE id = $1", 1,
                  params);
}

/* Whether (ts1, id1) comes after (ts2, id2) in list order, by the server. */
static bool
newer(const char *ts1, const char *id1, const char *ts2, const char *id2)
{
    const char *params[4] = {ts1, id1, ts2, id2};
    char *v = query1(db,
                     "SELECT ($1::timestamptz, $2::bigint)"
                     " > ($3::timestamptz, $4::bigint)",
                     4, params);
    bool b = strcmp(v, "t") == 0;

    free(v);
    return b;
}

/* ---- db.c ---------------------------------------------------------------- */

START_TEST(test_connect)
{
    const char *params[1] = {"户主" JI YAN};
    struct dbres *r;

    ck_assert_str_eq(db_user(db), "demo_clerk");
    ck_assert_str_eq(db_role(db), "clerk");
    r = db_exec(db,
                "SELECT $1::text AS v, NULL::int AS n, "
                "current_setting('client_encoding') AS enc",
                1, params, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_int_eq(r->ncols, 3);
    ck_assert_str_eq(r->names[0], "v");
    ck_assert_str_eq(dbres_field(r, 0, "v"), "户主" JI YAN);
    ck_assert_ptr_null(dbres_field(r, 0, "n"));
    ck_assert_str_eq(dbres_field(r, 0, "enc"), "UTF8");
    ck_assert_ptr_null(dbres_get(r, 1, 0));
    ck_assert_ptr_null(dbres_get(r, 0, 3));
    ck_assert_ptr_null(dbres_field(r, 0, "nope"));
    dbres_free(r);
}
END_TEST

/* zone_today TZ: today's date in time zone TZ, as YYYYMMDD. */
static int
zone_today(const char *tz)
{
    setenv("TZ", tz, 1);
    tzset();
    return date_today_yyyymmdd();
}

/* The county's day is the server's: right after connecting, the client's
 * today (date defaults, "not in the future" checks) is the server's
 * current_date, whatever the client machine's time zone says. The demo
 * cluster runs in Asia/Shanghai; the client is put in a zone whose date
 * differs from Shanghai's at this hour (UTC-12 or UTC+14: at every hour
 * one of them does). */
START_TEST(test_today_is_the_servers)
{
    const char *zone = "Etc/GMT+12";
    struct db_error e;
    struct db *d;
    struct dbres *r;

    if (zone_today(zone) == zone_today("Asia/Shanghai"))
        zone = "Etc/GMT-14";
    ck_assert_int_ne(zone_today(zone), zone_today("Asia/Shanghai"));
    zone_today(zone);
    d = db_connect(NULL, "demo_clerk", NULL, CONNECT_TIMEOUT, &e);
    ck_assert_ptr_nonnull(d);
    r = db_exec(d, "SELECT to_char(current_date, 'YYYYMMDD') AS d", 0, NULL,
                &e);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(atoi(dbres_field(r, 0, "d")), date_today_yyyymmdd());
    dbres_free(r);
    db_close(d);
}
END_TEST

START_TEST(test_connect_no_such_role)
{
    struct db_error e;
    struct db *d =
        db_connect(NULL, "eduaid_no_such_user", NULL, CONNECT_TIMEOUT, &e);

    ck_assert_ptr_null(d);
    ck_assert_int_eq(e.status, DB_LOGIN_REFUSED);
    ck_assert_msg(strstr(e.message, "eduaid_no_such_user") != NULL,
                  "the message names the role: %s", e.message);
    /* and a conninfo that names no server */
    d = db_connect("host=/nonexistent/socket/dir", "demo_clerk", NULL,
                   CONNECT_TIMEOUT, &e);
    ck_assert_ptr_null(d);
    ck_assert_int_eq(e.status, DB_UNREACHABLE);
    ck_assert(e.message[0] != '\0');
}
END_TEST

START_TEST(test_conninfo_overrides)
{
    struct db_error e;
    struct db *d = db_connect("application_name=eduaid_check", "demo_clerk2",
                              NULL, CONNECT_TIMEOUT, &e);
    char *v;

    ck_assert_msg(d != NULL, "%s", e.message);
    ck_assert_str_eq(db_user(d), "demo_clerk2");
    ck_assert_str_eq(db_role(d), "clerk");
    v = query1(d, "SELECT current_setting('application_name')", 0, NULL);
    ck_assert_str_eq(v, "eduaid_check");
    free(v);
    db_close(d);
}
END_TEST

START_TEST(test_error_fields)
{
    const char *params[1] = {"x"};
    struct dbres *r;

    r = db_exec(db, "SELECT $1::int", 1, params, &err);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(err.status, DB_ERROR);
    ck_assert_str_eq(err.sqlstate, "22P02");
    ck_assert(err.message[0] != '\0');

    /* the four-eyes function refuses a clerk: eduaid's own SQLSTATE */
    ck_assert_int_eq(
        db_command(db, "SELECT eduaid.approve('household', 1)", 0, NULL, &err),
        -1);
    ck_assert_str_eq(err.sqlstate, "EA004");

    /* nothing is left open: the next statement runs */
    r = db_exec(db, "SELECT 1", 0, NULL, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(err.status, DB_OK);
    dbres_free(r);

    /* a transaction the caller began stays until the caller ends it */
    ck_assert_int_eq(db_begin(db, &err), 0);
    ck_assert_int_eq(db_command(db, "SELECT 1/0", 0, NULL, &err), -1);
    ck_assert_str_eq(err.sqlstate, "22012");
    ck_assert_int_eq(db_commit(db, &err), -1);
    ck_assert_int_eq(err.status, DB_ERROR);
    db_rollback(db);
    ck_assert_int_eq(db_command(db, "SELECT 1", 0, NULL, &err), 0);
}
END_TEST

static char notice_seen[512];
static int notices;

static void
on_notice(void *arg, const char *message)
{
    (void)arg;
    notices++;
    snprintf(notice_seen, sizeof notice_seen, "%s", message);
}

START_TEST(test_notice_callback)
{
    notices = 0;
    db_set_notice(db, on_notice, NULL);
    ck_assert_int_eq(db_command(db,
                                "DO $$BEGIN RAISE NOTICE 'hello " JI
                                "'; RAISE WARNING 'second'; END$$",
                                0, NULL, &err),
                     0);
    ck_assert_int_eq(notices, 2);
    ck_assert_str_eq(notice_seen, "second");
    db_set_notice(db, NULL, NULL);
    ck_assert_int_eq(db_command(db, "DO $$BEGIN RAISE NOTICE 'unseen'; END$$",
                                0, NULL, &err),
                     0);
    ck_assert_int_eq(notices, 2);
}
END_TEST

START_TEST(test_connection_lost)
{
    struct dbres *r;
    char *v;

    r = db_exec(db, "SELECT pg_terminate_backend(pg_backend_pid())", 0, NULL,
                &err);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(err.status, DB_CONNECTION_LOST);
    /* the next statement finds the connection gone and restores it
     * first (issue 12: tests/dbclient/check_reconnect.c) */
    ck_assert_int_eq(db_command(db, "SELECT 1", 0, NULL, &err), 0);

    ck_assert_int_eq(db_reconnect(db, &err), 0);
    ck_assert_str_eq(db_user(db), "demo_clerk");
    v = query1(db, "SELECT current_setting('client_encoding')", 0, NULL);
    ck_assert_str_eq(v, "UTF8");
    free(v);
}
END_TEST

START_TEST(test_quote_ident)
{
    char *q = db_quote_ident(db, "we\"ird 名");

    ck_assert_str_eq(q, "\"we\"\"ird 名\"");
    free(q);
    q = db_quote_ident(db, "household");
    ck_assert_str_eq(q, "\"household\"");
    free(q);
}
END_TEST

/* ---- records in memory --------------------------------------------------- */

START_TEST(test_record_new)
{
    struct record *a = record_new(&household_form);
    struct record *b = record_new(&household_form);

    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(strlen(a->uuid), 36);
    ck_assert_int_eq(a->uuid[14], '4');
    ck_assert_ptr_nonnull(strchr("89ab", a->uuid[19]));
    ck_assert_str_ne(a->uuid, b->uuid);
    ck_assert(a->id == 0);
    ck_assert_str_eq(a->status, "");
    ck_assert_str_eq(a->values[F_HEAD], "");
    ck_assert(record_set(a, F_HEAD, JI));
    ck_assert_str_eq(a->values[F_HEAD], JI);
    ck_assert(!record_set(a, NFIELDS, "x"));
    ck_assert_int_eq(record_add_row(a, 0), 0);
    ck_assert_int_eq(record_add_row(a, 0), 1);
    ck_assert_int_eq(record_add_row(a, 1), -1);
    ck_assert_int_eq(a->grids[0].count, 2);
    ck_assert_str_eq(a->grids[0].rows[1].values[G_NAME], "");
    record_free(a);
    record_free(b);
}
END_TEST

/* ---- list pages ---------------------------------------------------------- */

START_TEST(test_list_pages)
{
    struct list_query q = {.limit = 20};
    struct dbres *p1, *p2;

    p1 = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_msg(p1 != NULL, "%s", err.message);
    ck_assert_int_eq(p1->nrows, 20);
    ck_assert_int_eq(p1->ncols, 5 + 5);
    ck_assert_str_eq(p1->names[3], "township");
    ck_assert_str_eq(p1->names[5], "household_no");
    ck_assert_str_eq(p1->names[7], "village_id");
    /* lookups show their label, not the key */
    ck_assert(strspn(dbres_field(p1, 0, "village_id"), "0123456789") == 0);
    ck_assert(strchr(dbres_field(p1, 0, "head_id_number_masked"), '*'));

    q.after_updated_at = dbres_field(p1, 19, "updated_at");
    q.after_id = atoll(dbres_field(p1, 19, "id"));
    p2 = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_msg(p2 != NULL, "%s", err.message);
    ck_assert_int_eq(p2->nrows, 20);

    for (int i = 0; i < 20; i++)
        for (int j = 0; j < 20; j++)
            ck_assert_str_ne(dbres_get(p1, i, 0), dbres_get(p2, j, 0));
    for (int i = 1; i < 20; i++) {
        ck_assert(newer(
            dbres_field(p1, i - 1, "updated_at"), dbres_field(p1, i - 1, "id"),
            dbres_field(p1, i, "updated_at"), dbres_field(p1, i, "id")));
        ck_assert(newer(
            dbres_field(p2, i - 1, "updated_at"), dbres_field(p2, i - 1, "id"),
            dbres_field(p2, i, "updated_at"), dbres_field(p2, i, "id")));
    }
    ck_assert(newer(dbres_field(p1, 19, "updated_at"),
                    dbres_field(p1, 19, "id"), dbres_field(p2, 0, "updated_at"),
                    dbres_field(p2, 0, "id")));
    dbres_free(p1);
    dbres_free(p2);
}
END_TEST

START_TEST(test_list_filters)
{
    struct list_query q = {.status = "approved", .limit = 100};
    struct dbres *r;
    char *jundian = township_name(T_JUNDIAN);

    r = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    ck_assert_int_gt(r->nrows, 0);
    for (int i = 0; i < r->nrows; i++)
        ck_assert_str_eq(dbres_field(r, i, "status"), "approved");
    dbres_free(r);

    q = (struct list_query){
        .status = "draft", .township_id = T_JUNDIAN, .limit = 100};
    r = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    ck_assert_int_gt(r->nrows, 0);
    for (int i = 0; i < r->nrows; i++) {
        ck_assert_str_eq(dbres_field(r, i, "status"), "draft");
        ck_assert_str_eq(dbres_field(r, i, "township"), jundian);
    }
    dbres_free(r);
    free(jundian);
}
END_TEST

START_TEST(test_list_search)
{
    struct list_query q = {.limit = 100};
    struct dbres *page, *r;
    char *no, *name, *id_number, *lower;
    char idbuf[32];
    const char *params[1];
    long long want;
    bool found = false;

    page = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_ptr_nonnull(page);
    no = strdup(dbres_field(page, 7, "household_no"));
    name = strdup(dbres_field(page, 7, "head_name"));
    want = atoll(dbres_field(page, 7, "id"));
    dbres_free(page);

    /* household_no: exact, upper-cased, white space trimmed */
    lower = malloc(strlen(no) + 3);
    lower[0] = ' ';
    for (size_t i = 0; no[i] != '\0'; i++)
        lower[i + 1] =
            (char)(no[i] >= 'A' && no[i] <= 'Z' ? no[i] + 32 : no[i]);
    strcpy(lower + strlen(no) + 1, " ");
    q.search = lower;
    r = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_str_eq(dbres_field(r, 0, "household_no"), no);
    dbres_free(r);

    /* a prefix of a household_no is no match (it is exact) */
    no[strlen(no) - 1] = '\0';
    q.search = no;
    r = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);

    /* head_name: a prefix */
    q.search = name;
    r = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_gt(r->nrows, 0);
    for (int i = 0; i < r->nrows; i++) {
        const char *h = dbres_field(r, i, "head_name");
        const char *v = dbres_field(r, i, "village_id");

        ck_assert(strncmp(h, name, strlen(name)) == 0 ||
                  strncmp(v, name, strlen(name)) == 0);
        if (atoll(dbres_field(r, i, "id")) == want)
            found = true;
    }
    ck_assert(found);
    dbres_free(r);

    /* the ID number: exact */
    snprintf(idbuf, sizeof idbuf, "%lld", want);
    params[0] = idbuf;
    id_number =
        query1(db, "SELECT head_id_number FROM eduaid.household WHERE id = $1",
               1, params);
    q.search = id_number;
    r = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_int_eq(atoll(dbres_field(r, 0, "id")), want);
    dbres_free(r);

    /* LIKE's wildcards are plain characters */
    q.search = "%";
    r = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);
    q.search = "_";
    r = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);

    free(no);
    free(name);
    free(lower);
    free(id_number);
}
END_TEST

/* The households d finds with the members' search for text: whether the
 * one with id want is among them, and how many there are (*n). */
static bool
member_search_finds(struct db *d, const char *text, long long want, int *n)
{
    struct formdef f = household_form;
    struct list_query q = {.limit = 100, .search = text};
    struct dbres *r;
    bool found = false;

    f.search = hh_member_search;
    f.nsearch = 6;
    r = record_list_page(d, &f, &lookups, &q, &err);
    ck_assert_msg(r != NULL, "%s %s", err.sqlstate, err.message);
    for (int i = 0; i < r->nrows; i++)
        if (atoll(dbres_field(r, i, "id")) == want)
            found = true;
    *n = r->nrows;
    dbres_free(r);
    return found;
}

/* issue 12: / in the household list finds a household by a member's name
 * (a prefix) or full ID number, as the caller under RLS; the ID number
 * only for those who may read it (not the supervisor, who sees it
 * masked), and another township's members never. */
START_TEST(test_list_member_search)
{
    char *name, *id_number, *hid, *head_id;
    const char *params[1];
    struct db *other;
    long long want;
    int n;

    name = query1(db,
                  "SELECT s.name FROM eduaid.student s JOIN eduaid.household h"
                  " ON h.id = s.household_id WHERE s.id_number <>"
                  " h.head_id_number ORDER BY s.id LIMIT 1",
                  0, NULL);
    ck_assert_ptr_nonnull(name);
    params[0] = name;
    id_number = query1(db,
                       "SELECT id_number FROM eduaid.student WHERE name = $1"
                       " ORDER BY id LIMIT 1",
                       1, params);
    hid = query1(db,
                 "SELECT household_id::text FROM eduaid.student WHERE name = $1"
                 " ORDER BY id LIMIT 1",
                 1, params);
    want = atoll(hid);
    params[0] = hid;
    head_id =
        query1(db, "SELECT head_id_number FROM eduaid.household WHERE id = $1",
               1, params);
    ck_assert_str_ne(id_number, head_id);

    /* the clerk: by the member's name and full ID number */
    ck_assert(member_search_finds(db, name, want, &n));
    ck_assert(member_search_finds(db, id_number, want, &n));
    ck_assert_int_eq(n, 1);
    /* a member's ID number is exact: a prefix finds nothing */
    id_number[17] = '\0';
    ck_assert(!member_search_finds(db, id_number, want, &n));
    ck_assert_int_eq(n, 0);
    free(id_number);
    params[0] = name;
    id_number = query1(db,
                       "SELECT id_number FROM eduaid.student WHERE name = $1"
                       " ORDER BY id LIMIT 1",
                       1, params);
    /* without the members in the search (before issue 12): not found */
    {
        struct list_query q = {.limit = 100, .search = id_number};
        struct dbres *r =
            record_list_page(db, &household_form, &lookups, &q, &err);

        ck_assert_ptr_nonnull(r);
        ck_assert_int_eq(r->nrows, 0);
        dbres_free(r);
    }

    /* another township's clerk: RLS hides the member and the household */
    other = connect_as("demo_clerk2");
    ck_assert(!member_search_finds(other, id_number, want, &n));
    ck_assert_int_eq(n, 0);
    ck_assert(!member_search_finds(other, name, want, &n));
    db_close(other);

    /* the supervisor reads names but not ID numbers: found by the name,
     * never by the ID number (no oracle of who holds it) */
    other = connect_as("demo_supervisor");
    ck_assert(member_search_finds(other, name, want, &n));
    ck_assert(!member_search_finds(other, id_number, want, &n));
    ck_assert_int_eq(n, 0);
    /* issue 16: but by what the mask shows (the first six and the last
     * four digits, as shown or with one star between) */
    {
        char shown[32], short_form[16];

        snprintf(shown, sizeof shown, "%.6s********%s", id_number,
                 id_number + 14);
        snprintf(short_form, sizeof short_form, "%.6s*%s", id_number,
                 id_number + 14);
        ck_assert(member_search_finds(other, shown, want, &n));
        ck_assert(member_search_finds(other, short_form, want, &n));
    }
    db_close(other);

    free(name);
    free(id_number);
    free(hid);
    free(head_id);
}
END_TEST

START_TEST(test_list_other_clerk)
{
    struct db *mine = db;
    struct list_query q = {.limit = 100};
    char *chengguan = township_name(T_CHENGGUAN);
    char *tucheng = township_name(T_TUCHENG);
    char last_ts[64] = "", last_id[32] = "";
    int total = 0, pages = 0;
    struct dbres *r;

    db = connect_as("demo_clerk2");
    for (;;) {
        r = record_list_page(db, &household_form, &lookups, &q, &err);
        ck_assert_msg(r != NULL, "%s", err.message);
        for (int i = 0; i < r->nrows; i++) {
            ck_assert_str_ne(dbres_field(r, i, "township"), chengguan);
            ck_assert_str_eq(dbres_field(r, i, "township"), tucheng);
        }
        total += r->nrows;
        pages++;
        if (r->nrows < q.limit) {
            dbres_free(r);
            break;
        }
        snprintf(last_ts, sizeof last_ts, "%s",
                 dbres_field(r, r->nrows - 1, "updated_at"));
        snprintf(last_id, sizeof last_id, "%s",
                 dbres_field(r, r->nrows - 1, "id"));
        q.after_updated_at = last_ts;
        q.after_id = atoll(last_id);
        dbres_free(r);
    }
    ck_assert_int_gt(total, 0);
    ck_assert_int_gt(pages, 1);

    /* asking for 城关镇 gives nothing at all */
    q = (struct list_query){.township_id = T_CHENGGUAN, .limit = 100};
    r = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);

    db_close(db);
    db = mine;
    free(chengguan);
    free(tucheng);
}
END_TEST

/* ---- saving and loading -------------------------------------------------- */

START_TEST(test_insert_roundtrip)
{
    struct record *r = new_household(1, T_CHENGGUAN, 1, JI YAN "测试户");
    struct record *back;
    char no_like[32];

    add_member(r, 2, JI, true);
    add_member(r, 3, YAN, false);
    ck_assert(record_set(r, F_NOTES, "备注：" JI "与" YAN));
    save_ok(r);
    ck_assert_str_eq(r->status, "draft");
    ck_assert_int_ge(r->version, 1);
    ck_assert_int_eq(r->grids[0].count, 2);
    ck_assert(r->grids[0].rows[0].id > 0);
    ck_assert(r->grids[0].rows[1].id > r->grids[0].rows[0].id);
    ck_assert(!r->grids[0].rows[0].changed);

    back = record_load(db, &household_form, r->id, &err);
    ck_assert_msg(back != NULL, "%s", err.message);
    ck_assert(back->id == r->id);
    ck_assert_int_eq(back->version, r->version);
    ck_assert_str_eq(back->status, "draft");
    ck_assert_str_eq(back->uuid, r->uuid);
    ck_assert_ptr_null(back->reason);
    for (int i = 0; i < NFIELDS; i++)
        ck_assert_msg(strcmp(back->values[i], r->values[i]) == 0,
                      "field %s: '%s' != '%s'", hh_fields[i].name,
                      back->values[i], r->values[i]);
    ck_assert_int_eq(
        memcmp(back->values[F_HEAD], JI YAN "测试户", sizeof(JI YAN "测试户")),
        0);
    ck_assert_int_eq(back->grids[0].count, 2);
    ck_assert_str_eq(back->grids[0].rows[0].values[G_NAME], JI);
    ck_assert_int_eq(strlen(back->grids[0].rows[0].values[G_NAME]), 4);
    ck_assert_str_eq(back->grids[0].rows[1].values[G_NAME], YAN);
    ck_assert_int_eq(strlen(back->grids[0].rows[1].values[G_NAME]), 3);
    for (int row = 0; row < 2; row++) {
        ck_assert(back->grids[0].rows[row].id == r->grids[0].rows[row].id);
        for (int i = 0; i < NGFIELDS; i++)
            ck_assert_msg(strcmp(back->grids[0].rows[row].values[i],
                                 r->grids[0].rows[row].values[i]) == 0,
                          "member %d field %s: '%s' != '%s'", row,
                          st_fields[i].name, back->grids[0].rows[row].values[i],
                          r->grids[0].rows[row].values[i]);
    }
    ck_assert_str_eq(back->grids[0].rows[0].values[G_LEFT_BEHIND], "t");
    ck_assert_str_eq(back->grids[0].rows[1].values[G_LEFT_BEHIND], "f");
    ck_assert_str_eq(back->grids[0].rows[0].values[G_DISABILITY_GRADE], "2");
    ck_assert_str_eq(back->grids[0].rows[1].values[G_DISABILITY], "");

    /* the list shows it first, with the names intact */
    {
        struct list_query q = {.search = r->values[F_HNO], .limit = 5};
        struct dbres *l =
            record_list_page(db, &household_form, &lookups, &q, &err);

        ck_assert_ptr_nonnull(l);
        ck_assert_int_eq(l->nrows, 1);
        ck_assert_str_eq(dbres_field(l, 0, "head_name"), JI YAN "测试户");
        dbres_free(l);
    }

    snprintf(no_like, sizeof no_like, "%s", r->values[F_HNO]);
    delete_draft(r->id);
    ck_assert_int_eq(count_households(no_like), 0);
    record_free(back);
    record_free(r);
}
END_TEST

/* ascii (digits and X) in full width, as an input method types it. */
static void
widen(const char *ascii, char *out)
{
    for (; *ascii != '\0'; ascii++) {
        *out++ = (char)0xEF;
        *out++ = (char)0xBC;
        *out++ = (char)(*ascii == 'X' ? 0xB8 : 0x90 + (*ascii - '0'));
    }
    *out = '\0';
}

/* Issue 13: what the record layer saves is stored clean -- 李四 + U+3000
 * and 王五 + U+00A0 as 李四 and 王五, a head's ID number typed in full
 * width in ASCII, a two-line note as it is -- and a name holding ESC is
 * refused by its clean rule, on its field. */
START_TEST(test_clean_text_saves)
{
    struct record *r = new_household(10, T_CHENGGUAN, 30, "李四\u3000");
    struct record *back, *bad;
    char wide[3 * 18 + 1], ascii[19];

    snprintf(ascii, sizeof ascii, "%s", r->values[F_HEAD_ID]);
    widen(ascii, wide);
    ck_assert(record_set(r, F_HEAD_ID, wide));
    ck_assert(record_set(r, F_NOTES, "第一行\n第二行"));
    add_member(r, 31, "王五\u00a0", false);
    save_ok(r);
    back = record_load(db, &household_form, r->id, &err);
    ck_assert_msg(back != NULL, "%s", err.message);
    ck_assert_str_eq(back->values[F_HEAD], "李四");
    ck_assert_str_eq(back->values[F_HEAD_ID], ascii);
    ck_assert_str_eq(back->values[F_NOTES], "第一行\n第二行");
    ck_assert_int_eq(back->grids[0].count, 1);
    ck_assert_str_eq(back->grids[0].rows[0].values[G_NAME], "王五");
    delete_draft(r->id);
    record_free(back);
    record_free(r);

    bad = new_household(11, T_CHENGGUAN, 32, "李\x1b]0;pwned\a四");
    ck_assert_int_eq(record_save(db, bad, &err), -1);
    ck_assert_str_eq(err.sqlstate, "23514");
    ck_assert_str_eq(err.constraint, "household_head_name_clean");
    record_free(bad);
}
END_TEST

START_TEST(test_update_and_grid_changes)
{
    struct record *r = new_household(2, T_JUNDIAN, 4, "更新测试");
    struct record *back;
    int v0, i;

    add_member(r, 5, "甲", false);
    add_member(r, 6, "乙", false);
    save_ok(r);
    v0 = r->version;

    ck_assert(record_set(r, F_HEAD, "更新测试" JI));
    ck_assert(record_set(r, F_PHONE, "")); /* cleared: NULL */
    save_ok(r);
    ck_assert_int_gt(r->version, v0);
    v0 = r->version;

    /* members: delete the first, rename the second, add a third */
    r->grids[0].rows[0].deleted = true;
    set_grid_value(r, 1, G_NAME, "乙" YAN);
    i = add_member(r, 7, "丙", false);
    ck_assert_int_eq(i, 2);
    save_ok(r);
    ck_assert_int_gt(r->version, v0);
    ck_assert_int_eq(r->grids[0].count, 2);
    ck_assert(r->grids[0].rows[1].id > 0);

    back = record_load(db, &household_form, r->id, &err);
    ck_assert_ptr_nonnull(back);
    ck_assert_int_eq(back->version, r->version);
    ck_assert_str_eq(back->values[F_HEAD], "更新测试" JI);
    ck_assert_str_eq(back->values[F_PHONE], "");
    ck_assert_int_eq(back->grids[0].count, 2);
    ck_assert_str_eq(back->grids[0].rows[0].values[G_NAME], "乙" YAN);
    ck_assert_str_eq(back->grids[0].rows[1].values[G_NAME], "丙");
    ck_assert(back->grids[0].rows[1].id == r->grids[0].rows[1].id);

    delete_draft(r->id);
    record_free(back);
    record_free(r);
}
END_TEST

START_TEST(test_stale_version)
{
    struct record *r = new_household(3, T_CHENGGUAN, 8, "并发测试");
    struct record *a, *b;
    int vb;

    save_ok(r);
    a = record_load(db, &household_form, r->id, &err);
    b = record_load(db, &household_form, r->id, &err);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert(record_set(a, F_FAMILY, "5"));
    save_ok(a);
    vb = b->version;
    ck_assert(record_set(b, F_FAMILY, "6"));
    ck_assert_int_eq(record_save(db, b, &err), -1);
    ck_assert_int_eq(err.status, DB_ERROR);
    ck_assert_str_eq(err.sqlstate, "EA007");
    ck_assert(strstr(err.message, "changed by someone else") != NULL);
    ck_assert_int_eq(b->version, vb);
    record_free(b);

    /* the first writer's change stands, and a grid edit on a stale copy
     * fails the same way */
    b = record_load(db, &household_form, r->id, &err);
    ck_assert_str_eq(b->values[F_FAMILY], "5");
    add_member(r, 9, "丁", false);
    ck_assert_int_eq(record_save(db, r, &err), -1);
    ck_assert_str_eq(err.sqlstate, "EA007");
    ck_assert(r->grids[0].rows[0].id == 0);

    delete_draft(r->id);
    record_free(a);
    record_free(b);
    record_free(r);
}
END_TEST

START_TEST(test_replay_same_uuid)
{
    struct record *r = new_household(4, T_CHENGGUAN, 10, "重放测试");
    struct record *again = record_new(&household_form);
    struct record *back;
    char no[32];

    add_member(r, 11, "戊", false);
    add_member(r, 12, "己", false);
    save_ok(r);

    /* the same edit, saved again as new: a replay after a lost COMMIT */
    snprintf(again->uuid, sizeof again->uuid, "%s", r->uuid);
    for (int i = 0; i < NFIELDS; i++)
        ck_assert(record_set(again, (size_t)i, r->values[i]));
    add_member(again, 11, "戊", false);
    add_member(again, 12, "己", false);
    save_ok(again);
    ck_assert(again->id == r->id);
    ck_assert(again->grids[0].rows[0].id == r->grids[0].rows[0].id);
    ck_assert(again->grids[0].rows[1].id == r->grids[0].rows[1].id);

    snprintf(no, sizeof no, "%s", r->values[F_HNO]);
    ck_assert_int_eq(count_households(no), 1);
    back = record_load(db, &household_form, r->id, &err);
    ck_assert_ptr_nonnull(back);
    ck_assert_int_eq(back->grids[0].count, 2);
    ck_assert_int_eq(back->version, again->version);

    delete_draft(r->id);
    record_free(back);
    record_free(again);
    record_free(r);
}
END_TEST

START_TEST(test_save_after_connection_lost)
{
    struct record *r = new_household(5, T_JUNDIAN, 13, "断线测试");
    struct db *other = connect_as("demo_clerk");
    char *pid = query1(db, "SELECT pg_backend_pid()", 0, NULL);
    const char *params[1] = {pid};
    char *killed;
    char no[32];

    add_member(r, 14, "庚", false);
    killed = query1(other, "SELECT pg_terminate_backend($1::int)", 1, params);
    ck_assert_str_eq(killed, "t");
    /* the save's first statement finds the connection gone: the db layer
     * reconnects before anything of the save is sent (its reads and its
     * BEGIN are repeated), so the save goes through once (issue 12) */
    save_ok(r);
    ck_assert(r->id != 0);
    snprintf(no, sizeof no, "%s", r->values[F_HNO]);
    ck_assert_int_eq(count_households(no), 1);
    delete_draft(r->id);
    db_close(other);
    free(pid);
    free(killed);
    record_free(r);
}
END_TEST

START_TEST(test_errors_name_fields)
{
    struct record *r = new_household(6, T_CHENGGUAN, 15, "错误测试");
    const char *field;
    char no[32];
    int grid;
    char *idn = strdup(r->values[F_HEAD_ID]);

    /* a wrong check character on the head's ID number */
    r->values[F_HEAD_ID][17] = r->values[F_HEAD_ID][17] == '1' ? '2' : '1';
    ck_assert_int_eq(record_save(db, r, &err), -1);
    ck_assert_str_eq(err.sqlstate, "23514");
    ck_assert_str_eq(err.constraint, "household_head_id_number_check");
    field = record_error_field(&household_form, &err, &grid);
    ck_assert_ptr_nonnull(field);
    ck_assert_str_eq(field, "head_id_number");
    ck_assert_int_eq(grid, -1);
    ck_assert(r->id == 0);
    ck_assert(record_set(r, F_HEAD_ID, idn));

    /* a member's: the grid's field */
    add_member(r, 16, "辛", false);
    r->grids[0].rows[0].values[G_ID][17] =
        r->grids[0].rows[0].values[G_ID][17] == '1' ? '2' : '1';
    ck_assert_int_eq(record_save(db, r, &err), -1);
    ck_assert_str_eq(err.constraint, "student_id_number_check");
    field = record_error_field(&household_form, &err, &grid);
    ck_assert_ptr_nonnull(field);
    ck_assert_str_eq(field, "id_number");
    ck_assert_int_eq(grid, 0);

    /* a missing value: not-null names the column */
    r->grids[0].rows[0].deleted = true;
    add_member(r, 17, "壬", false);
    set_grid_value(r, 1, G_SEX, "");
    ck_assert_int_eq(record_save(db, r, &err), -1);
    ck_assert_str_eq(err.sqlstate, "23502");
    field = record_error_field(&household_form, &err, &grid);
    ck_assert_ptr_nonnull(field);
    ck_assert_str_eq(field, "sex");
    ck_assert_int_eq(grid, 0);
    set_grid_value(r, 1, G_SEX, "M"); /* person 17 is a boy */

    /* a village of another township: the _fk names village_id */
    {
        char *other = first_key("village", T_JUNDIAN);

        ck_assert(record_set(r, F_VILLAGE, other));
        free(other);
    }
    ck_assert_int_eq(record_save(db, r, &err), -1);
    ck_assert_str_eq(err.sqlstate, "23503");
    field = record_error_field(&household_form, &err, &grid);
    ck_assert_ptr_nonnull(field);
    ck_assert_str_eq(field, "village_id");
    ck_assert_int_eq(grid, -1);

    /* required text left empty stays "" and fails its own check */
    {
        char *v = first_key("village", T_CHENGGUAN);

        ck_assert(record_set(r, F_VILLAGE, v));
        free(v);
    }
    ck_assert(record_set(r, F_HEAD, ""));
    ck_assert_int_eq(record_save(db, r, &err), -1);
    ck_assert_str_eq(err.constraint, "household_head_name_check");
    field = record_error_field(&household_form, &err, &grid);
    ck_assert_str_eq(field, "head_name");
    ck_assert(record_set(r, F_HEAD, "错误测试"));

    /* an ID number held in a township I cannot see (EA008 or the unique
     * key, both name the field) */
    {
        struct db *d2 = connect_as("demo_clerk2");
        char *held = query1(d2,
                            "SELECT head_id_number FROM eduaid.household"
                            " ORDER BY id LIMIT 1",
                            0, NULL);

        ck_assert(record_set(r, F_HEAD_ID, held));
        ck_assert_int_eq(record_save(db, r, &err), -1);
        ck_assert_msg(strcmp(err.sqlstate, "EA008") == 0 ||
                          strcmp(err.sqlstate, "23505") == 0,
                      "sqlstate %s", err.sqlstate);
        field = record_error_field(&household_form, &err, &grid);
        ck_assert_ptr_nonnull(field);
        ck_assert_str_eq(field, "head_id_number");
        ck_assert_int_eq(grid, -1);
        free(held);
        db_close(d2);
    }

    /* nothing of it was kept, and fixed, it saves */
    snprintf(no, sizeof no, "%s", r->values[F_HNO]);
    ck_assert_int_eq(count_households(no), 0);
    ck_assert(record_set(r, F_HEAD_ID, idn));
    save_ok(r);
    ck_assert_int_eq(r->grids[0].count, 1);
    ck_assert_int_eq(count_households(no), 1);
    delete_draft(r->id);
    free(idn);
    record_free(r);
}
END_TEST

START_TEST(test_error_field_mapping)
{
    struct db_error e;
    int grid;

    db_error_clear(&e);
    snprintf(e.constraint, sizeof e.constraint, "student_birth_date_check");
    snprintf(e.table, sizeof e.table, "student");
    ck_assert_str_eq(record_error_field(&household_form, &e, &grid),
                     "birth_date");
    ck_assert_int_eq(grid, 0);

    db_error_clear(&e);
    snprintf(e.constraint, sizeof e.constraint, "household_village_fk");
    ck_assert_str_eq(record_error_field(&household_form, &e, &grid),
                     "village_id");
    ck_assert_int_eq(grid, -1);

    db_error_clear(&e);
    snprintf(e.constraint, sizeof e.constraint, "household_township_fk");
    snprintf(e.table, sizeof e.table, "household");
    ck_assert_str_eq(record_error_field(&household_form, &e, &grid),
                     "township_id");

    db_error_clear(&e);
    snprintf(e.constraint, sizeof e.constraint, "household_head_id_number_key");
    ck_assert_str_eq(record_error_field(&household_form, &e, &grid),
                     "head_id_number");

    db_error_clear(&e);
    snprintf(e.constraint, sizeof e.constraint, "student_disability_type_fk");
    ck_assert_str_eq(record_error_field(&household_form, &e, &grid),
                     "disability_type");
    ck_assert_int_eq(grid, 0);

    db_error_clear(&e);
    snprintf(e.sqlstate, sizeof e.sqlstate, "EA008");
    snprintf(e.table, sizeof e.table, "student");
    snprintf(e.column, sizeof e.column, "id_number");
    ck_assert_str_eq(record_error_field(&household_form, &e, &grid),
                     "id_number");
    ck_assert_int_eq(grid, 0);

    /* nothing to point at */
    db_error_clear(&e);
    snprintf(e.constraint, sizeof e.constraint, "student_household_fk");
    ck_assert_ptr_null(record_error_field(&household_form, &e, &grid));
    ck_assert_int_eq(grid, -1);
    db_error_clear(&e);
    snprintf(e.constraint, sizeof e.constraint, "record_status_check");
    ck_assert_ptr_null(record_error_field(&household_form, &e, &grid));
    db_error_clear(&e);
    ck_assert_ptr_null(record_error_field(&household_form, &e, &grid));
}
END_TEST

/* ---- workflow ------------------------------------------------------------ */

START_TEST(test_submit_and_reject)
{
    struct record *r = new_household(7, T_CHENGGUAN, 18, "提交测试");
    struct record *back;
    struct db *officer;
    int v = 0, v2 = 0;

    save_ok(r);
    ck_assert_int_eq(record_transition(db, &household_form, r->id, r->version,
                                       "submit", NULL, &v, &err),
                     0);
    ck_assert_int_gt(v, r->version);
    back = record_load(db, &household_form, r->id, &err);
    ck_assert_ptr_nonnull(back);
    ck_assert_str_eq(back->status, "submitted");
    ck_assert_int_eq(back->version, v);
    record_free(back);

    /* a stale version is refused by the server */
    ck_assert_int_eq(record_transition(db, &household_form, r->id, r->version,
                                       "submit", NULL, &v2, &err),
                     -1);
    ck_assert_str_eq(err.sqlstate, "EA007");
    ck_assert_int_eq(record_transition(db, &household_form, r->id, v, "dance",
                                       NULL, &v2, &err),
                     -1);
    ck_assert_int_eq(err.status, DB_ERROR);

    /* the officer returns it with a reason the clerk then reads */
    officer = connect_as("demo_officer");
    ck_assert_int_eq(record_transition(officer, &household_form, r->id, v,
                                       "reject", NULL, &v2, &err),
                     -1);
    ck_assert_str_eq(err.sqlstate, "EA003");
    ck_assert_int_eq(record_transition(officer, &household_form, r->id, v,
                                       "reject", "缺少学籍证明" JI, &v2, &err),
                     0);
    db_close(officer);
    back = record_load(db, &household_form, r->id, &err);
    ck_assert_ptr_nonnull(back);
    ck_assert_str_eq(back->status, "rejected");
    ck_assert_str_eq(back->reason, "缺少学籍证明" JI);
    ck_assert_int_eq(back->version, v2);
    /* the author edits and submits again */
    ck_assert(record_set(back, F_NOTES, "已补"));
    save_ok(back);
    ck_assert_int_eq(record_transition(db, &household_form, back->id,
                                       back->version, "submit", NULL, &v, &err),
                     0);
    record_free(back);
    record_free(r);
}
END_TEST

/*
 * Four-eyes foresight (issue 12 item 4): workflow_save_blocks says what
 * the server's save_blocks_own_step says -- the officer about to correct
 * a submitted household would lose "verify", its clerk nothing, an
 * officer of another township nothing (the record is not his to see).
 */
START_TEST(test_save_blocks)
{
    struct record *r = new_household(9, T_CHENGGUAN, 21, "四眼测试");
    struct db *officer, *other;
    char step[32] = "x";
    int v = 0;

    save_ok(r);
    ck_assert_int_eq(
        workflow_save_blocks(db, "household", r->id, step, sizeof step, &err),
        0);
    ck_assert_str_eq(step, "");
    ck_assert_int_eq(record_transition(db, &household_form, r->id, r->version,
                                       "submit", NULL, &v, &err),
                     0);
    officer = connect_as("demo_officer");
    ck_assert_int_eq(workflow_save_blocks(officer, "household", r->id, step,
                                          sizeof step, &err),
                     1);
    ck_assert_str_eq(step, "verify");
    db_close(officer);
    other = connect_as("officer_103");
    ck_assert_int_eq(workflow_save_blocks(other, "household", r->id, step,
                                          sizeof step, &err),
                     0);
    ck_assert_int_eq(
        workflow_save_blocks(other, "nonsense", r->id, step, sizeof step, &err),
        -1);
    ck_assert_str_eq(err.sqlstate, "EA010");
    db_close(other);
    record_free(r);
}
END_TEST

/*
 * A supervisor reads personal data masked (the *_masked twins) and saves
 * nothing: supervisors approve or return, they do not edit.
 */
START_TEST(test_supervisor_masked)
{
    struct record *r = new_household(8, T_CHENGGUAN, 19, "审核测试");
    struct record *sv, *back;
    struct db *officer, *clerk = db;
    struct list_query q = {.limit = 5};
    struct dbres *l;
    int v = 0;
    char head_id[19];

    add_member(r, 20, JI, false);
    save_ok(r);
    snprintf(head_id, sizeof head_id, "%s", r->values[F_HEAD_ID]);
    ck_assert_int_eq(record_transition(db, &household_form, r->id, r->version,
                                       "submit", NULL, &v, &err),
                     0);
    officer = connect_as("demo_officer");
    ck_assert_int_eq(record_transition(officer, &household_form, r->id, v,
                                       "verify", NULL, &v, &err),
                     0);
    db_close(officer);

    db = connect_as("demo_supervisor");
    ck_assert_str_eq(db_role(db), "supervisor");
    sv = record_load(db, &household_form, r->id, &err);
    ck_assert_msg(sv != NULL, "%s %s", err.sqlstate, err.message);
    ck_assert_str_eq(sv->status, "verified");
    ck_assert_int_eq(strncmp(sv->values[F_HEAD_ID], "420325********", 14), 0);
    ck_assert_str_eq(sv->values[F_HEAD_ID] + 14, head_id + 14);
    ck_assert_str_eq(sv->values[F_HEAD], "审核测试");
    ck_assert_int_eq(sv->grids[0].count, 1);
    ck_assert_str_eq(sv->grids[0].rows[0].values[G_NAME], JI);
    ck_assert_ptr_nonnull(strstr(sv->grids[0].rows[0].values[G_ID], "****"));
    ck_assert_ptr_nonnull(
        strstr(sv->grids[0].rows[0].values[G_BIRTH], "-**-**"));

    /* an ID number is no search term for someone who may not read it */
    q.search = head_id;
    l = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_msg(l != NULL, "%s", err.message);
    ck_assert_int_eq(l->nrows, 0);
    dbres_free(l);
    q.search = r->values[F_HNO];
    l = record_list_page(db, &household_form, &lookups, &q, &err);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->nrows, 1);
    dbres_free(l);

    /* supervisors do not edit (019_reviewers.sql): a save is refused by
     * the server, member rows included, and nothing changes */
    ck_assert(record_set(sv, F_NOTES, "县级复核"));
    ck_assert_int_eq(record_save(db, sv, &err), -1);
    ck_assert_str_eq(err.sqlstate, "42501");
    set_grid_value(sv, 0, G_NAME, JI YAN);
    ck_assert_int_eq(record_save(db, sv, &err), -1);
    ck_assert_str_eq(err.sqlstate, "42501");
    db_close(db);
    db = clerk;

    /* the record is as the clerk saved it */
    back = record_load(db, &household_form, r->id, &err);
    ck_assert_ptr_nonnull(back);
    ck_assert_int_eq(back->version, v);
    ck_assert_str_eq(back->values[F_HEAD_ID], head_id);
    ck_assert_str_ne(back->values[F_NOTES] ? back->values[F_NOTES] : "",
                     "县级复核");
    ck_assert_str_eq(back->grids[0].rows[0].values[G_NAME], JI);
    ck_assert_str_eq(back->grids[0].rows[0].values[G_ID],
                     r->grids[0].rows[0].values[G_ID]);
    record_free(back);
    record_free(sv);
    record_free(r);
}
END_TEST

/* ---- lookups ------------------------------------------------------------- */

START_TEST(test_lookups)
{
    struct dbres *r;
    char prefix[8];
    char *label;
    int n;

    r = record_lookup(db, &lookup_items[1], T_CHENGGUAN, NULL, 500, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    ck_assert_int_gt(r->nrows, 0);
    ck_assert_str_eq(r->names[0], "key");
    ck_assert_str_eq(r->names[1], "label");
    ck_assert_str_eq(r->names[2], "detail");
    for (int i = 0; i < r->nrows; i++) {
        ck_assert(strncmp(dbres_get(r, i, 0), "420325100", 9) == 0);
        ck_assert_int_eq(strlen(dbres_get(r, i, 0)), 12);
        ck_assert_ptr_null(dbres_get(r, i, 2));
        /* a village names its township: a form picks it from the village */
        ck_assert_str_eq(dbres_field(r, i, "township"), "420325100");
    }
    n = r->nrows;
    label = record_lookup_label(db, &lookup_items[1], dbres_get(r, 0, 0), &err);
    ck_assert_str_eq(label, dbres_get(r, 0, 1));
    free(label);
    /* a prefix: the first character of a label (3 bytes in UTF-8) */
    snprintf(prefix, sizeof prefix, "%.3s", dbres_get(r, n - 1, 1));
    dbres_free(r);
    r = record_lookup(db, &lookup_items[1], T_CHENGGUAN, prefix, 500, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_gt(r->nrows, 0);
    ck_assert_int_le(r->nrows, n);
    for (int i = 0; i < r->nrows; i++)
        ck_assert(strncmp(dbres_get(r, i, 1), prefix, 3) == 0);
    dbres_free(r);
    r = record_lookup(db, &lookup_items[1], T_CHENGGUAN, NULL, 3, &err);
    ck_assert_int_eq(r->nrows, 3);
    dbres_free(r);

    /* scope "mine": demo_clerk's two townships */
    r = record_lookup(db, &lookup_items[0], 0, NULL, 50, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->nrows, 2);
    ck_assert_str_eq(dbres_get(r, 0, 0), "420325100");
    ck_assert_str_eq(dbres_get(r, 1, 0), "420325101");
    dbres_free(r);

    /* with a detail column */
    r = record_lookup(db, &lookup_items[2], T_JUNDIAN, NULL, 50, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_gt(r->nrows, 0);
    ck_assert_ptr_nonnull(dbres_get(r, 0, 2));
    dbres_free(r);

    /* no township chosen: villages of my townships only */
    r = record_lookup(db, &lookup_items[1], 0, NULL, 1000, &err);
    ck_assert_ptr_nonnull(r);
    for (int i = 0; i < r->nrows; i++)
        ck_assert(strncmp(dbres_get(r, i, 0), "420325100", 9) == 0 ||
                  strncmp(dbres_get(r, i, 0), "420325101", 9) == 0);
    ck_assert_int_gt(r->nrows, n);
    dbres_free(r);

    ck_assert_ptr_null(
        record_lookup_label(db, &lookup_items[1], "999999999999", &err));
    ck_assert_int_eq(err.status, DB_OK);
}
END_TEST

/* Issue 12: the pickers. Any word anywhere in the name, the true count
 * beyond the limit, a field's lookup_only, LIKE's metacharacters taken
 * as themselves. */
START_TEST(test_lookup_substring)
{
    struct lookupdef all = {S("school"), S("school"), S("id"),
                            S("name"),   S("kind"),   S("all"),
                            1,           NULL,        0};
    char *kinds[] = {S("vocational"), S("college")};
    struct lookup_only only = {"kind", kinds, 2};
    struct dbres *r;
    int n;

    r = record_lookup(db, &all, 0, NULL, 5000, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    n = r->nrows;
    ck_assert_int_gt(n, 10);
    ck_assert_str_eq(r->names[3], "total");
    ck_assert_int_eq(atoi(dbres_field(r, 0, "total")), n);
    dbres_free(r);
    /* a limit: the first rows, the total still all of them */
    r = record_lookup(db, &all, 0, "", 10, &err);
    ck_assert_int_eq(r->nrows, 10);
    ck_assert_int_eq(atoi(dbres_field(r, 9, "total")), n);
    dbres_free(r);
    /* 职 in the middle of the name */
    r = record_lookup(db, &all, 0, "职", 5000, &err);
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_str_eq(dbres_field(r, 0, "label"), "房县职业技术学校");
    ck_assert_str_eq(dbres_field(r, 0, "total"), "1");
    dbres_free(r);
    /* two words, each somewhere; the detail (kind) matches too */
    r = record_lookup(db, &all, 0, " 房县  学校 ", 5000, &err);
    ck_assert_int_ge(r->nrows, 2);
    for (int i = 0; i < r->nrows; i++)
        ck_assert(strstr(dbres_field(r, i, "label"), "房县") != NULL &&
                  strstr(dbres_field(r, i, "label"), "学校") != NULL);
    dbres_free(r);
    r = record_lookup(db, &all, 0, "VOCATIONAL", 5000, &err);
    ck_assert_int_eq(r->nrows, 1);
    dbres_free(r);
    /* the pinyin initials: fxzy (房县职业), either case, is in
     * 房县职业技术学校's fxzyjsxx only; initials and a word together */
    for (const char *w = "fxzy"; w != NULL; w = *w == 'f' ? "FxZy" : NULL) {
        r = record_lookup(db, &all, 0, w, 5000, &err);
        ck_assert_msg(r != NULL, "%s", err.message);
        ck_assert_int_eq(r->nrows, 1);
        ck_assert_str_eq(dbres_field(r, 0, "label"), "房县职业技术学校");
        dbres_free(r);
    }
    r = record_lookup(db, &all, 0, "jsxx 房县", 5000, &err);
    ck_assert_int_eq(r->nrows, 1);
    ck_assert_str_eq(dbres_field(r, 0, "label"), "房县职业技术学校");
    dbres_free(r);
    r = record_lookup(db, &all, 0, "qqqqq", 5000, &err);
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);
    /* % and _ are characters, not patterns: only the names holding one */
    for (const char *c = "%_"; *c != '\0'; c++) {
        char one[2] = {*c, '\0'};
        int holding = 0;

        r = record_lookup(db, &all, 0, NULL, 5000, &err);
        for (int i = 0; i < r->nrows; i++)
            holding += strchr(dbres_field(r, i, "label"), *c) != NULL ||
                       strchr(dbres_field(r, i, "detail"), *c) != NULL;
        dbres_free(r);
        r = record_lookup(db, &all, 0, one, 5000, &err);
        ck_assert_int_eq(r->nrows, holding);
        ck_assert_int_lt(r->nrows, n);
        dbres_free(r);
    }
    /* lookup_only: schools that train, no kindergarten among them */
    r = record_lookup_only(db, &all, &only, 0, NULL, 5000, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    ck_assert_int_ge(r->nrows, 1);
    ck_assert_int_lt(r->nrows, n);
    for (int i = 0; i < r->nrows; i++)
        ck_assert(strcmp(dbres_field(r, i, "detail"), "vocational") == 0 ||
                  strcmp(dbres_field(r, i, "detail"), "college") == 0);
    dbres_free(r);
    r = record_lookup_only(db, &all, &only, 0, "幼儿园", 5000, &err);
    ck_assert_int_eq(r->nrows, 0);
    dbres_free(r);
}
END_TEST

/* ---- the catalog check --------------------------------------------------- */

START_TEST(test_catalog)
{
    struct formdef_error ferr;
    struct formdef bad = household_form;
    struct fielddef fields[NFIELDS];
    struct griddef grid;
    struct lookupdef litems[3];
    struct lookupset lbad = lookups;

    ck_assert_int_eq(
        record_check_catalog(db, &household_form, &lookups, &ferr, &err), 0);

    /* a field that names no column */
    memcpy(fields, hh_fields, sizeof fields);
    fields[F_NOTES].name = S("bogus_col");
    fields[F_NOTES].line = 77;
    bad.fields = fields;
    ck_assert_int_eq(record_check_catalog(db, &bad, &lookups, &ferr, &err), -1);
    ck_assert_str_eq(ferr.file, "forms/household.conf");
    ck_assert_int_eq(ferr.line, 77);
    ck_assert_msg(strstr(ferr.message, "household.bogus_col") != NULL, "%s",
                  ferr.message);

    /* a list column */
    bad = household_form;
    {
        struct columndef cols[5];

        memcpy(cols, hh_columns, sizeof cols);
        cols[3].field = S("head_id_masked");
        bad.columns = cols;
        ck_assert_int_eq(record_check_catalog(db, &bad, &lookups, &ferr, &err),
                         -1);
        ck_assert_int_eq(ferr.line, 33);
        ck_assert(strstr(ferr.message, "household.head_id_masked") != NULL);
    }

    /* a grid table */
    bad = household_form;
    grid = hh_grids[0];
    grid.table = S("pupil");
    bad.grids = &grid;
    ck_assert_int_eq(record_check_catalog(db, &bad, &lookups, &ferr, &err), -1);
    ck_assert_int_eq(ferr.line, 39);
    ck_assert(strstr(ferr.message, "pupil") != NULL);

    /* a lookup's label: the lookups' file and line */
    memcpy(litems, lookup_items, sizeof litems);
    litems[1].label = S("title");
    lbad.items = litems;
    ck_assert_int_eq(
        record_check_catalog(db, &household_form, &lbad, &ferr, &err), -1);
    ck_assert_str_eq(ferr.file, "forms/lookups.conf");
    ck_assert_int_eq(ferr.line, 4);
    ck_assert(strstr(ferr.message, "village.title") != NULL);
}
END_TEST

/*
 * The real form definitions (the files in forms/, loaded by formdef.c): each
 * matches the live catalog, and its list page and first record load.
 * The files are found under $top_srcdir (make check and the db suite
 * export it), else the current directory.
 */
START_TEST(test_real_forms)
{
    static const char *const kinds[] = {"household", "training", "special_ed",
                                        "teacher_fund"};
    const char *top = getenv("top_srcdir");
    char path[1024];
    struct formdef_error ferr;
    struct lookupset *l = NULL;

    if (top == NULL || *top == '\0')
        top = ".";
    snprintf(path, sizeof path, "%s/forms/lookups.conf", top);
    ck_assert_msg(lookupset_load(path, &l, &ferr) == 0, "%s:%d: %s", ferr.file,
                  ferr.line, ferr.message);
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        struct formdef *f = NULL;
        struct list_query q = {.limit = 10};
        struct dbres *page;

        snprintf(path, sizeof path, "%s/forms/%s.conf", top, kinds[k]);
        ck_assert_msg(formdef_load(path, &f, &ferr) == 0, "%s:%d: %s",
                      ferr.file, ferr.line, ferr.message);
        ck_assert_str_eq(f->kind, kinds[k]);
        ck_assert_msg(formdef_check_lookups(f, l, &ferr) == 0, "%s:%d: %s",
                      ferr.file, ferr.line, ferr.message);
        ck_assert_msg(record_check_catalog(db, f, l, &ferr, &err) == 0,
                      "%s:%d: %s", ferr.file, ferr.line, ferr.message);

        page = record_list_page(db, f, l, &q, &err);
        ck_assert_msg(page != NULL, "%s list: %s %s", kinds[k], err.sqlstate,
                      err.message);
        ck_assert_int_eq(page->ncols, 5 + (int)f->ncolumns);
        if (page->nrows > 0) {
            long long id = atoll(dbres_field(page, 0, "id"));
            struct record *r = record_load(db, f, id, &err);

            ck_assert_msg(r != NULL, "%s load %lld: %s %s", kinds[k], id,
                          err.sqlstate, err.message);
            ck_assert(r->id == id);
            ck_assert_str_eq(r->status, dbres_field(page, 0, "status"));
            ck_assert_int_eq(r->version, atoi(dbres_field(page, 0, "version")));
            record_free(r);
        }
        if (strcmp(kinds[k], "household") == 0) {
            ck_assert_int_eq(page->nrows, 10);
            /* a search through every kind of search field */
            q.search = dbres_field(page, 3, "head_name");
            {
                struct dbres *hit = record_list_page(db, f, l, &q, &err);

                ck_assert_msg(hit != NULL, "%s", err.message);
                ck_assert_int_gt(hit->nrows, 0);
                dbres_free(hit);
            }
        }
        dbres_free(page);
        formdef_free(f);
    }
    lookupset_free(l);
}
END_TEST

/* The index of field name of f (which must have it). */
static size_t
field_at(const struct formdef *f, const char *name)
{
    for (size_t i = 0; i < f->nfields; i++)
        if (strcmp(f->fields[i].name, name) == 0)
            return i;
    ck_abort_msg("no field %s in %s", name, f->kind);
    return 0;
}

/*
 * Read-only fields (forms/teacher_fund.conf: the teacher as submitted,
 * copied by the server, sql/021_record_facts.sql) are read and never
 * written: a value a client puts in one is not sent, what loads back is
 * the server's copy of the register; a supervisor reads the copied ID
 * number masked.
 */
START_TEST(test_read_only_facts)
{
    const char *top = getenv("top_srcdir");
    char path[1024];
    struct formdef_error ferr;
    struct formdef *f = NULL;
    struct record *r, *back;
    struct dbres *t;
    struct db *sv;
    const char *params[1];
    char *prog, *any;

    if (top == NULL || *top == '\0')
        top = ".";
    snprintf(path, sizeof path, "%s/forms/teacher_fund.conf", top);
    ck_assert_msg(formdef_load(path, &f, &ferr) == 0, "%s:%d: %s", ferr.file,
                  ferr.line, ferr.message);
    ck_assert(f->fields[field_at(f, "teacher_rural_years")].read_only);

    /* a teacher of 城关镇 with no application for school year 2034 */
    t = db_exec(db,
                "SELECT t.id::text, t.rural_years::text,"
                " coalesce(t.title, ''), t.name FROM eduaid.teacher t"
                " WHERE t.township_id = 420325100 AND NOT EXISTS ("
                "SELECT FROM eduaid.teacher_fund_application a"
                " WHERE a.teacher_id = t.id AND a.school_year = 2034)"
                " ORDER BY t.id LIMIT 1",
                0, NULL, &err);
    ck_assert_msg(t != NULL && t->nrows == 1, "%s", err.message);
    prog = query1(db, "SELECT min(id)::text FROM eduaid.fund_program", 0, NULL);
    ck_assert_ptr_nonnull(prog);

    r = record_new(f);
    ck_assert_ptr_nonnull(r);
    ck_assert(record_set(r, field_at(f, "township_id"), "420325100"));
    ck_assert(record_set(r, field_at(f, "teacher_id"), dbres_get(t, 0, 0)));
    ck_assert(record_set(r, field_at(f, "program_id"), prog));
    ck_assert(record_set(r, field_at(f, "school_year"), "2034"));
    ck_assert(record_set(r, field_at(f, "reason_category"), "illness"));
    ck_assert(record_set(r, field_at(f, "reason_text"), "测试只读字段"));
    ck_assert(record_set(r, field_at(f, "amount_requested"), "100"));
    ck_assert(record_set(r, field_at(f, "months"), "12"));
    ck_assert(record_set(r, field_at(f, "bank_name"), "测试银行"));
    ck_assert(
        record_set(r, field_at(f, "bank_account"), "6228480012345678901"));
    /* what a client might try to slip in */
    ck_assert(record_set(r, field_at(f, "teacher_rural_years"), "59"));
    ck_assert(record_set(r, field_at(f, "teacher_title"), "伪造职称"));
    ck_assert(record_set(r, field_at(f, "teacher_name"), "伪造姓名"));
    ck_assert_msg(record_save(db, r, &err) == 0, "%s %s", err.sqlstate,
                  err.message);
    ck_assert(r->id > 0);

    back = record_load(db, f, r->id, &err);
    ck_assert_msg(back != NULL, "%s", err.message);
    ck_assert_str_eq(back->values[field_at(f, "teacher_rural_years")],
                     dbres_get(t, 0, 1));
    ck_assert_str_eq(back->values[field_at(f, "teacher_title")],
                     dbres_get(t, 0, 2));
    ck_assert_str_eq(back->values[field_at(f, "teacher_name")],
                     dbres_get(t, 0, 3));
    /* and an update sends none of them either */
    ck_assert(record_set(back, field_at(f, "teacher_rural_years"), "58"));
    ck_assert(record_set(back, field_at(f, "months"), "6"));
    ck_assert_msg(record_save(db, back, &err) == 0, "%s %s", err.sqlstate,
                  err.message);
    record_free(back);
    back = record_load(db, f, r->id, &err);
    ck_assert_ptr_nonnull(back);
    ck_assert_str_eq(back->values[field_at(f, "months")], "6");
    ck_assert_str_eq(back->values[field_at(f, "teacher_rural_years")],
                     dbres_get(t, 0, 1));
    record_free(back);

    /* a supervisor reads the copied ID number as its mask */
    sv = connect_as("demo_supervisor");
    any = query1(sv,
                 "SELECT min(id)::text FROM eduaid.teacher_fund_application"
                 " WHERE teacher_id_number_masked IS NOT NULL",
                 0, NULL);
    ck_assert_ptr_nonnull(any);
    back = record_load(sv, f, atoll(any), &err);
    ck_assert_msg(back != NULL, "%s %s", err.sqlstate, err.message);
    ck_assert_ptr_nonnull(
        strstr(back->values[field_at(f, "teacher_id_number")], "********"));
    record_free(back);
    db_close(sv);
    free(any);

    {
        char idbuf[32];
        struct dbres *d;

        snprintf(idbuf, sizeof idbuf, "%lld", r->id);
        params[0] = idbuf;
        d = db_exec(db,
                    "SELECT eduaid.delete_draft('teacher_fund', $1::bigint,"
                    " (SELECT a.version FROM eduaid.teacher_fund_application a"
                    " WHERE a.id = $1::bigint))",
                    1, params, &err);
        ck_assert_msg(d != NULL, "%s", err.message);
        dbres_free(d);
    }
    record_free(r);
    dbres_free(t);
    free(prog);
    formdef_free(f);
}
END_TEST

/* ---- the runner ---------------------------------------------------------- */

static Suite *
record_suite(void)
{
    Suite *s = suite_create("record");
    TCase *tc = tcase_create("db");
    TCase *pure = tcase_create("pure");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_connect);
    tcase_add_test(tc, test_today_is_the_servers);
    tcase_add_test(tc, test_connect_no_such_role);
    tcase_add_test(tc, test_conninfo_overrides);
    tcase_add_test(tc, test_read_only_facts);
    tcase_add_test(tc, test_error_fields);
    tcase_add_test(tc, test_notice_callback);
    tcase_add_test(tc, test_connection_lost);
    tcase_add_test(tc, test_quote_ident);
    tcase_add_test(tc, test_list_pages);
    tcase_add_test(tc, test_list_filters);
    tcase_add_test(tc, test_list_search);
    tcase_add_test(tc, test_list_member_search);
    tcase_add_test(tc, test_list_other_clerk);
    tcase_add_test(tc, test_insert_roundtrip);
    tcase_add_test(tc, test_clean_text_saves);
    tcase_add_test(tc, test_update_and_grid_changes);
    tcase_add_test(tc, test_stale_version);
    tcase_add_test(tc, test_replay_same_uuid);
    tcase_add_test(tc, test_save_after_connection_lost);
    tcase_add_test(tc, test_errors_name_fields);
    tcase_add_test(tc, test_submit_and_reject);
    tcase_add_test(tc, test_save_blocks);
    tcase_add_test(tc, test_supervisor_masked);
    tcase_add_test(tc, test_lookups);
    tcase_add_test(tc, test_lookup_substring);
    tcase_add_test(tc, test_catalog);
    tcase_add_test(tc, test_real_forms);
    suite_add_tcase(s, tc);

    tcase_add_test(pure, test_record_new);
    tcase_add_test(pure, test_error_field_mapping);
    suite_add_tcase(s, pure);
    return s;
}

/* Delete this run's drafts that a failed test left, as demo_clerk. */
static void
clean_up_drafts(void)
{
    struct db_error e;
    struct db *d = db_connect(NULL, "demo_clerk", NULL, CONNECT_TIMEOUT, &e);
    char like[32];
    const char *params[1] = {like};

    if (d == NULL)
        return;
    snprintf(like, sizeof like, "TREC-%06d-%%", tag);
    db_command(d,
               "DELETE FROM eduaid.household WHERE household_no LIKE $1"
               " AND status = 'draft'",
               1, params, &e);
    db_close(d);
}

int
main(void)
{
    SRunner *sr;
    int failed;

    tag = (int)(((unsigned)time(NULL) * 31u + (unsigned)getpid()) % 1000000u);
    sr = srunner_create(record_suite());
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    clean_up_drafts();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
