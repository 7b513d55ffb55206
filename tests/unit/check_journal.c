/*
 * check_journal.c
 *   The draft journal: a round trip of every kind of value (Chinese, a
 *   character outside the BMP, newlines, tabs, backslashes, empty), grid
 *   rows, the atomic write (mode 0600, no temporary left), listing,
 *   removing, and refusing files that are not journals.
 */
#include "config.h"

#include "check_eduaid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/journal.h"

static char dir[256];

static void
setup(void)
{
    snprintf(dir, sizeof(dir), "/tmp/check_journal.%d/a/b", (int)getpid());
}

static void
teardown(void)
{
    char cmd[300];

    snprintf(cmd, sizeof(cmd), "rm -rf /tmp/check_journal.%d", (int)getpid());
    ck_assert_int_eq(system(cmd), 0);
}

static void
sample(struct journal *j)
{
    memset(j, 0, sizeof(*j));
    j->kind = strdup("household");
    strcpy(j->uuid, "0b6f1c2a-1111-4222-8333-444455556666");
    ck_assert(journal_add_field(j, "head_name", "张𠮷䶮"));
    ck_assert(journal_add_field(j, "notes", "line one\nline\ttwo \\ end"));
    ck_assert(journal_add_field(j, "phone", ""));
    ck_assert(journal_add_row(j, 0, 0, false));
    ck_assert(journal_add_cell(j, "name", "𠮷"));
    ck_assert(journal_add_row(j, 0, 42, true));
    ck_assert(journal_add_cell(j, "name", "䶮"));
}

START_TEST(test_round_trip)
{
    struct journal j, back;
    char err[256], path[512];
    struct stat st;

    sample(&j);
    ck_assert_int_eq(journal_write(dir, &j, err, sizeof(err)), 0);
    journal_path(dir, "household", 0, j.uuid, path, sizeof(path));
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    ck_assert_int_eq(journal_read(path, &back, err, sizeof(err)), 0);
    ck_assert_str_eq(back.kind, "household");
    ck_assert_str_eq(back.uuid, j.uuid);
    ck_assert_int_eq(back.id, 0);
    ck_assert_uint_eq(back.nfields, 3);
    ck_assert_str_eq(back.fields[0].value, "张𠮷䶮");
    ck_assert_str_eq(back.fields[1].value, "line one\nline\ttwo \\ end");
    ck_assert_str_eq(back.fields[2].value, "");
    ck_assert_uint_eq(back.nrows, 2);
    ck_assert_str_eq(back.rows[0].cells[0].value, "𠮷");
    ck_assert(!back.rows[0].deleted);
    ck_assert_int_eq(back.rows[1].id, 42);
    ck_assert(back.rows[1].deleted);
    ck_assert_str_eq(back.rows[1].cells[0].value, "䶮");
    journal_clear(&j);
    journal_clear(&back);
}
END_TEST

START_TEST(test_atomic_and_list)
{
    struct journal j;
    char err[256], tmp[600], path[512];
    char **paths;
    size_t n;

    sample(&j);
    ck_assert_int_eq(journal_list(dir, &paths, &n), 0); /* missing dir: none */
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(journal_write(dir, &j, err, sizeof(err)), 0);
    j.id = 7;
    ck_assert_int_eq(journal_write(dir, &j, err, sizeof(err)), 0);
    ck_assert_int_eq(journal_write(dir, &j, err, sizeof(err)), 0); /* rewrite */
    journal_path(dir, "household", 7, "", path, sizeof(path));
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    ck_assert_int_ne(access(tmp, F_OK), 0);
    ck_assert_int_eq(journal_list(dir, &paths, &n), 0);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(paths[0], path); /* sorted: household-7 < household-new- */
    journal_list_free(paths, n);
    journal_remove(dir, "household", 7, "");
    journal_remove(dir, "household", 0, j.uuid);
    ck_assert_int_eq(journal_list(dir, &paths, &n), 0);
    ck_assert_uint_eq(n, 0);
    journal_list_free(paths, n);
    journal_clear(&j);
}
END_TEST

START_TEST(test_not_a_journal)
{
    struct journal j;
    char err[256], path[512];
    FILE *fp;
    struct journal ok;

    sample(&ok);
    ck_assert_int_eq(journal_write(dir, &ok, err, sizeof(err)),
                     0); /* makes dir */
    journal_clear(&ok);
    snprintf(path, sizeof(path), "%s/bad.journal", dir);
    ck_assert_ptr_nonnull(fp = fopen(path, "w"));
    fputs("eduaid-journal 1\nkind household\nbogus line\n", fp);
    fclose(fp);
    ck_assert_int_eq(journal_read(path, &j, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, ":3:"));
    ck_assert_ptr_nonnull(fp = fopen(path, "w"));
    fputs("something else\n", fp);
    fclose(fp);
    ck_assert_int_eq(journal_read(path, &j, err, sizeof(err)), -1);
    ck_assert_int_eq(
        journal_read("/nonexistent/x.journal", &j, err, sizeof(err)), -1);
}
END_TEST

Suite *
journal_suite(void)
{
    Suite *s = suite_create("journal");
    TCase *tc = tcase_create("journal");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_atomic_and_list);
    tcase_add_test(tc, test_not_a_journal);
    suite_add_tcase(s, tc);
    return s;
}
