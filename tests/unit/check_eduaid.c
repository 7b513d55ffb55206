/*
 * check_eduaid.c
 *   The unit-test runner: runs every core suite and exits non-zero if any
 *   test failed.  Check's environment variables apply (CK_VERBOSITY,
 *   CK_RUN_SUITE, CK_RUN_CASE, CK_FORK=no for valgrind or gdb).
 */
#include "config.h"

#include "check_eduaid.h"

#include <stdlib.h>

int
main(void)
{
    SRunner *sr = srunner_create(idnumber_suite());
    int failed;

    srunner_add_suite(sr, cmdline_suite());
    srunner_add_suite(sr, date_suite());
    srunner_add_suite(sr, mask_suite());
    srunner_add_suite(sr, journal_suite());
    srunner_add_suite(sr, rules_suite());
    srunner_add_suite(sr, rowdiff_suite());

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
