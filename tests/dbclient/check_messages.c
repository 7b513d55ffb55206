/*
 * check_messages.c
 *   Check tests of src/db/messages.c (the server's error table, read at
 *   login) and src/db/fieldcheck.c (the start-up check of the forms'
 *   choices, ranges and lengths) against a live eduaid database with the
 *   demo data loaded, named by the libpq environment; the tests log in as
 *   demo_clerk and demo_auditor. Real refusals of the server are looked up
 *   in the table it serves; the fallbacks (no row: the server's own words,
 *   never a constraint's name) with made-up errors. The forms are the real
 *   files of forms/ and tests/data/forms/server_refuses_choice.conf, found
 *   under $top_srcdir (else the current directory).
 *
 *   Run by tests/db/24_messages.t with CK_TAP_LOG_FILE_NAME=- for TAP.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/formdef.h"
#include "db/db.h"
#include "db/fieldcheck.h"
#include "db/messages.h"

#define CONNECT_TIMEOUT 10

static struct db *db;
static struct messages *msgs;
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
setup(void)
{
    db = connect_as("demo_clerk");
    msgs = messages_load(db, &err);
    ck_assert_msg(msgs != NULL, "messages_load: %s %s", err.sqlstate,
                  err.message);
}

static void
teardown(void)
{
    messages_free(msgs);
    db_close(db);
}

/* The path of a file of the source tree. */
static const char *
src_path(const char *rel)
{
    static char path[1024];
    const char *top = getenv("top_srcdir");

    snprintf(path, sizeof path, "%s/%s", top != NULL && *top ? top : ".", rel);
    return path;
}

/* Run sql as the test's login inside a transaction that is rolled back;
 * it must fail: err holds the refusal. */
static void
refused(const char *sql)
{
    struct dbres *r;

    ck_assert_int_eq(db_begin(db, &err), 0);
    r = db_exec(db, sql, 0, NULL, &err);
    db_rollback(db);
    ck_assert_msg(r == NULL, "not refused: %s", sql);
    dbres_free(r);
    ck_assert_int_eq(err.status, DB_ERROR);
}

START_TEST(test_load)
{
    const struct message *m;
    struct db_error e = {.status = DB_ERROR};

    ck_assert_uint_gt(messages_count(msgs), 250);
    strcpy(e.sqlstate, "EA002");
    m = messages_find(msgs, &e);
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(m->key, "EA002");
    ck_assert_ptr_nonnull(strstr(m->zh, "四眼原则"));
    /* the record as a whole (sql/036): no one field to put it on */
    ck_assert_str_eq(m->field, MESSAGES_WHOLE_RECORD);
    ck_assert_ptr_null(messages_field(msgs, &e));
}
END_TEST

/* A field's hint: the rules of its table that name it (issue 12). */
START_TEST(test_hints)
{
    char hint[512];

    ck_assert_uint_gt(messages_hint(msgs, "student_year", "school_id", true,
                                    hint, sizeof hint),
                      0);
    ck_assert_ptr_nonnull(strstr(hint, "在校学生须填写就读学校。"));
    ck_assert_uint_gt(messages_hint(msgs, "training_enrollment", "batch", false,
                                    hint, sizeof hint),
                      0);
    /* its CHECK; not its unique key, whose words ("enrolled already")
     * are true only of a taken value */
    ck_assert_str_eq(hint, "A batch is year-number, such as 2026-1.");
    /* an ID number's hint is a rule, not "not valid" before anything is
     * typed (040), and not the registry's "registered already" */
    ck_assert_uint_gt(
        messages_hint(msgs, "student", "id_number", true, hint, sizeof hint),
        0);
    ck_assert_ptr_nonnull(strstr(hint, "身份证号须为18位"));
    ck_assert_ptr_null(strstr(hint, "无效"));
    ck_assert_ptr_null(strstr(hint, "已"));
    ck_assert_uint_gt(messages_hint(msgs, "special_ed_plan", "placed_on", true,
                                    hint, sizeof hint),
                      0);
    ck_assert_ptr_nonnull(strstr(hint, "安置时儿童须年满6岁且未满16岁。"));
    /* the clean rule of a name (041) is words for a refusal, not a hint:
     * a form cannot type a control character */
    ck_assert_uint_gt(
        messages_hint(msgs, "household", "head_name", true, hint, sizeof hint),
        0);
    ck_assert_ptr_null(strstr(hint, "控制字符"));
    /* another table's rule on a column of the same name is not this one's */
    ck_assert_uint_eq(
        messages_hint(msgs, "nowhere", "school_id", true, hint, sizeof hint),
        0);
    ck_assert_str_eq(hint, "");
    /* too small a buffer: no sentence is cut */
    ck_assert_uint_eq(
        messages_hint(msgs, "training_enrollment", "batch", false, hint, 8), 0);
    ck_assert_str_eq(hint, "");
}
END_TEST

/* What the server really answers, in words from its table. */
START_TEST(test_real_refusals)
{
    refused(
        "INSERT INTO eduaid.message (key, zh, en) VALUES ('EA099', 'x', 'x')");
    ck_assert_str_eq(err.sqlstate, "42501");
    ck_assert_str_eq(messages_text(msgs, &err, false), "Permission denied.");
    ck_assert_str_eq(messages_text(msgs, &err, true), "权限不足。");
    ck_assert_ptr_null(messages_field(msgs, &err));

    refused("UPDATE eduaid.household SET family_size = 0 WHERE id ="
            " (SELECT min(id) FROM eduaid.household WHERE status = 'draft'"
            " AND township_id = 420325100)");
    ck_assert_str_eq(err.sqlstate, "23514");
    ck_assert_str_eq(err.constraint, "household_family_size_check");
    ck_assert_str_eq(messages_text(msgs, &err, true),
                     "家庭人口须在1到30之间。");
    ck_assert_str_eq(messages_text(msgs, &err, false),
                     "Family size is 1 to 30.");
    ck_assert_str_eq(messages_field(msgs, &err), "family_size");

    refused(
        "UPDATE eduaid.household_year SET poverty_status = 'rich' WHERE id ="
        " (SELECT min(id) FROM eduaid.household_year WHERE status = 'draft'"
        " AND township_id = 420325100)");
    ck_assert_str_eq(err.sqlstate, "23503");
    ck_assert_str_eq(err.constraint, "household_year_poverty_status_fk");
    ck_assert_str_eq(messages_text(msgs, &err, false),
                     "Choose a poverty status from the list.");
    ck_assert_str_eq(messages_field(msgs, &err), "poverty_status");

    /* a name holding ESC (issue 13): the words of its clean rule, on
     * the field, in the user's language */
    refused("UPDATE eduaid.household SET head_name = E'\\u001b]0;x\\u0007'"
            " WHERE id = (SELECT min(id) FROM eduaid.household"
            " WHERE status = 'draft' AND township_id = 420325100)");
    ck_assert_str_eq(err.sqlstate, "23514");
    ck_assert_str_eq(err.constraint, "household_head_name_clean");
    ck_assert_str_eq(messages_text(msgs, &err, true),
                     "户主姓名不能含控制字符、换行或方向控制符。");
    ck_assert_str_eq(messages_text(msgs, &err, false),
                     "A name cannot hold control characters, line breaks or "
                     "direction marks.");
    ck_assert_str_eq(messages_field(msgs, &err), "head_name");

    refused("SELECT eduaid.submit('pony', 1)");
    ck_assert_str_eq(err.sqlstate, "EA010");
    ck_assert_str_eq(messages_text(msgs, &err, true), "未知的记录类型。");
    ck_assert_str_eq(messages_text(msgs, &err, false), "Unknown record kind.");
}
END_TEST

/* Without a row: the server's words, never a constraint's name. */
START_TEST(test_fallbacks)
{
    struct db_error e = {.status = DB_ERROR};
    struct dbres bad = {0};

    strcpy(e.sqlstate, "EA099");
    strcpy(e.message, "a refusal of a newer server (新的拒绝)");
    ck_assert_ptr_null(messages_find(msgs, &e));
    ck_assert_str_eq(messages_text(msgs, &e, true),
                     "a refusal of a newer server (新的拒绝)");

    /* an unknown constraint: its SQLSTATE's words */
    strcpy(e.sqlstate, "23514");
    strcpy(e.constraint, "household_moon_phase_check");
    strcpy(e.message, "new row for relation \"household\" violates check "
                      "constraint \"household_moon_phase_check\"");
    ck_assert_str_eq(messages_text(msgs, &e, false),
                     "A value breaks a data rule.");

    /* ... and with no row for either, nothing rather than the name */
    strcpy(e.sqlstate, "XX123");
    ck_assert_ptr_null(messages_text(msgs, &e, false));
    ck_assert_ptr_null(messages_text(NULL, &e, true));

    /* not loaded yet: the server's words */
    e.constraint[0] = '\0';
    strcpy(e.message, "division by zero");
    ck_assert_str_eq(messages_text(NULL, &e, false), "division by zero");
    e.message[0] = '\0';
    ck_assert_ptr_null(messages_text(msgs, &e, false));
    ck_assert_ptr_null(messages_find(msgs, NULL));

    /* a result without the columns it needs */
    ck_assert_ptr_null(messages_from_rows(&bad));
}
END_TEST

/* The line of path holding text (1-based), or 0. */
static int
line_of(const char *path, const char *text)
{
    char buf[1024];
    int n = 0;
    FILE *fp = fopen(path, "r");

    ck_assert_msg(fp != NULL, "cannot open %s", path);
    while (fgets(buf, sizeof buf, fp) != NULL) {
        n++;
        if (strstr(buf, text) != NULL) {
            fclose(fp);
            return n;
        }
    }
    fclose(fp);
    return 0;
}

static struct fielddef *
field_named(struct fielddef *fields, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(fields[i].name, name) == 0)
            return &fields[i];
    ck_abort_msg("no field %s", name);
    return NULL;
}

/* Every shipped form passes, for a clerk and for an auditor alike. */
START_TEST(test_real_forms_pass)
{
    static const char *const kinds[] = {"household", "training", "special_ed",
                                        "teacher_fund"};
    struct db *auditor = connect_as("demo_auditor");
    struct formdef_error ferr;
    char rel[64];

    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        struct formdef *f = NULL;

        snprintf(rel, sizeof rel, "forms/%s.conf", kinds[k]);
        ck_assert_msg(formdef_load(src_path(rel), &f, &ferr) == 0, "%s:%d: %s",
                      ferr.file, ferr.line, ferr.message);
        ck_assert_msg(fieldcheck_form(db, f, &ferr, &err) == 0,
                      "%s:%d: %s (%s)", ferr.file, ferr.line, ferr.message,
                      err.message);
        ck_assert_msg(fieldcheck_form(auditor, f, &ferr, &err) == 0,
                      "auditor: %s:%d: %s (%s)", ferr.file, ferr.line,
                      ferr.message, err.message);
        formdef_free(f);
    }
    db_close(auditor);
}
END_TEST

/* A form file offering a choice the server refuses: file:line of it. */
START_TEST(test_refused_choice_file)
{
    const char *path = src_path("tests/data/forms/server_refuses_choice.conf");
    struct formdef *f = NULL;
    struct formdef_error ferr;
    int line = line_of(path, "( \"rich\",");

    ck_assert_int_gt(line, 0);
    ck_assert_msg(formdef_load(path, &f, &ferr) == 0, "%s:%d: %s", ferr.file,
                  ferr.line, ferr.message);
    ck_assert_int_eq(fieldcheck_form(db, f, &ferr, &err), -1);
    ck_assert_int_eq(err.status, DB_OK);
    ck_assert_str_eq(ferr.file, path);
    ck_assert_int_eq(ferr.line, line);
    ck_assert_msg(strstr(ferr.message, "\"rich\"") != NULL &&
                      strstr(ferr.message, "poverty_status") != NULL,
                  "%s", ferr.message);
    formdef_free(f);
}
END_TEST

/* Ranges, lengths and a grid's choice the server refuses, in the real
 * household and school-year forms; a read-only field is the server's and
 * not asked. */
START_TEST(test_refused_limits)
{
    static char university[] = "university";
    struct formdef *f = NULL;
    struct formdef_error ferr;
    struct fielddef *d;
    struct choice *ch;
    char *saved;
    long saved_n;
    int saved_chars;

    ck_assert_int_eq(formdef_load(src_path("forms/household.conf"), &f, &ferr),
                     0);

    d = field_named(f->fields, f->nfields, "registered_year");
    saved_n = d->min;
    d->min = 2000;
    ck_assert_int_eq(fieldcheck_form(db, f, &ferr, &err), -1);
    ck_assert_int_eq(ferr.line, d->line);
    ck_assert_msg(strstr(ferr.message, "min 2000") != NULL, "%s", ferr.message);
    d->read_only = true;
    ck_assert_int_eq(fieldcheck_form(db, f, &ferr, &err), 0);
    d->read_only = false;
    d->min = saved_n;

    d = field_named(f->fields, f->nfields, "family_size");
    saved_n = d->max;
    d->max = 31;
    ck_assert_int_eq(fieldcheck_form(db, f, &ferr, &err), -1);
    ck_assert_msg(strstr(ferr.message, "max 31") != NULL, "%s", ferr.message);
    d->max = saved_n;

    d = field_named(f->fields, f->nfields, "head_name");
    saved_chars = d->max_chars;
    d->max_chars = 60;
    ck_assert_int_eq(fieldcheck_form(db, f, &ferr, &err), -1);
    ck_assert_int_eq(ferr.line, d->line);
    ck_assert_msg(strstr(ferr.message, "at most 50") != NULL, "%s",
                  ferr.message);
    d->max_chars = 0; /* no limit in the form: also more than the server's */
    ck_assert_int_eq(fieldcheck_form(db, f, &ferr, &err), -1);
    d->max_chars = saved_chars;

    ck_assert_int_eq(fieldcheck_form(db, f, &ferr, &err), 0);
    formdef_free(f);

    /* A child's stage is a fact of the school year (household_year.conf). */
    f = NULL;
    ck_assert_int_eq(
        formdef_load(src_path("forms/household_year.conf"), &f, &ferr), 0);
    ck_assert_int_eq(f->ngrids, 2);
    d = field_named(f->grids[0].fields, f->grids[0].nfields, "stage");
    ch = &d->choices[2];
    saved = ch->value;
    ch->value = university;
    ck_assert_int_eq(fieldcheck_form(db, f, &ferr, &err), -1);
    ck_assert_int_eq(ferr.line, ch->line);
    ck_assert_int_gt(ch->line, d->line);
    ck_assert_msg(strstr(ferr.message, "eduaid.student_year.stage") != NULL,
                  "%s", ferr.message);
    ch->value = saved;

    ck_assert_int_eq(fieldcheck_form(db, f, &ferr, &err), 0);
    formdef_free(f);
}
END_TEST

static Suite *
messages_suite(void)
{
    Suite *s = suite_create("messages");
    TCase *tc = tcase_create("db");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_load);
    tcase_add_test(tc, test_hints);
    tcase_add_test(tc, test_real_refusals);
    tcase_add_test(tc, test_fallbacks);
    tcase_add_test(tc, test_real_forms_pass);
    tcase_add_test(tc, test_refused_choice_file);
    tcase_add_test(tc, test_refused_limits);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(messages_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
