/*
 * check_eduaid.h
 *   The suites of the Check unit-test runner check_eduaid, one per core
 *   module, and the few helpers they share.
 */
#ifndef EDUAID_CHECK_EDUAID_H
#define EDUAID_CHECK_EDUAID_H

#include <check.h>

Suite *cmdline_suite(void);
Suite *date_suite(void);
Suite *idnumber_suite(void);
Suite *journal_suite(void);
Suite *mask_suite(void);
Suite *rules_suite(void);
Suite *rowdiff_suite(void);

#endif /* EDUAID_CHECK_EDUAID_H */
