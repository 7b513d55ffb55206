/*
 * check_cmdline.c
 *   Unit tests of core/cmdline.c: psql's option letters -- "-?" is help
 *   and "-h" is not -- and the connection string options_conninfo()
 *   makes of the configuration's with -d, -h and -p over it (key=value
 *   strings and URIs, values quoted or percent-encoded).
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "check_eduaid.h"
#include "core/cmdline.h"

START_TEST(test_help_letters)
{
    ck_assert(is_help_option("-?"));
    ck_assert(is_help_option("--help"));
    ck_assert(!is_help_option("-h"));
}
END_TEST

/* options_conninfo(-d, -h, -p over base) is want */
static void
expect(const char *d, const char *h, const char *p, const char *base,
       const char *want)
{
    struct options o = {0};
    char *got;

    o.conninfo = d;
    o.host = h;
    o.port = p;
    got = options_conninfo(&o, base);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, want);
    free(got);
}

START_TEST(test_conninfo_keywords)
{
    expect(NULL, NULL, NULL, "host=db1 dbname=eduaid",
           "host=db1 dbname=eduaid");
    expect(NULL, NULL, NULL, NULL, "");
    expect(NULL, "db2", "5433", "host=db1 dbname=eduaid",
           "host=db1 dbname=eduaid host='db2' port='5433'");
    expect("other", NULL, NULL, "host=db1", "host=db1 dbname='other'");
    expect("other", "/run/pg", NULL, "", "dbname='other' host='/run/pg'");
    /* a connection string given with -d replaces the configured one */
    expect("host=x dbname=y", NULL, "6000", "host=db1",
           "host=x dbname=y port='6000'");
    /* quotes and backslashes escaped */
    expect("o'b\\r", NULL, NULL, "", "dbname='o\\'b\\\\r'");
}
END_TEST

START_TEST(test_conninfo_uri)
{
    expect(NULL, "/run/pg", NULL, "postgresql://db1/eduaid",
           "postgresql://db1/eduaid?host=/run/pg");
    expect(NULL, "db2", "5433", "postgres:///eduaid?sslmode=require",
           "postgres:///eduaid?sslmode=require&host=db2&port=5433");
    expect("postgresql://u@x/y", NULL, NULL, "host=db1", "postgresql://u@x/y");
    expect("库 a&b", NULL, NULL, "postgresql://db1",
           "postgresql://db1?dbname=%E5%BA%93%20a%26b");
}
END_TEST

Suite *
cmdline_suite(void)
{
    Suite *s = suite_create("cmdline");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_help_letters);
    tcase_add_test(tc, test_conninfo_keywords);
    tcase_add_test(tc, test_conninfo_uri);
    suite_add_tcase(s, tc);
    return s;
}
