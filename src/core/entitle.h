/*
 * entitle.h
 *   The entitlement rule of 全程资助, the C twin of
 *   eduaid.stage_programs(stage, boarding) and
 *   eduaid.entitled_programs(stage, boarding, schooling_status,
 *   left_school) in sql/repeatable/01_shared_rules.sql: which subsidy
 *   programs a member's stage (and boarding) gives, and which of them a
 *   child's year row is entitled to (those of its stage while in school
 *   that year: enrolled and not left school).  Both are held to
 *   tests/data/entitlement_vectors.csv (tests/unit/check_rules.c,
 *   tests/db/26_rule_vectors.sql).  Pure functions.
 */
#ifndef EDUAID_CORE_ENTITLE_H
#define EDUAID_CORE_ENTITLE_H

#include <stdbool.h>

/* The programs an entitlement can name, in report order (the order of
 * eduaid.subsidy_programs(), 34_reports.sql). */
enum entitle_program {
    ENTITLE_PRESCHOOL_AID,
    ENTITLE_COMPULSORY_WAIVER,
    ENTITLE_BOARDING_SUBSIDY,
    ENTITLE_HIGH_SCHOOL_GRANT,
    ENTITLE_HIGH_SCHOOL_WAIVER,
    ENTITLE_VOCATIONAL_WAIVER,
    ENTITLE_VOCATIONAL_GRANT,
    ENTITLE_COLLEGE_FRESHMAN_AID,
    ENTITLE_STUDENT_LOAN,
    ENTITLE_NPROGRAMS
};

/* The code of program p ("preschool_aid" ...), or NULL when p is not one. */
const char *entitle_program_code(int p);

/* The program whose code is code, or -1. */
int entitle_program_find(const char *code);

/*
 * entitle_mask
 *
 * The programs stage (a value of eduaid.choice_stage: "preschool",
 * "primary", ...) entitles a member to, bit (1u << p) for program p.
 * boarding counts in primary and junior school only.  0 for "none", an
 * unknown stage or NULL.
 */
unsigned entitle_mask(const char *stage, bool boarding);

/*
 * entitle_programs
 *
 * The same as program codes in report order: at most max of them into
 * out; returns how many there are (which may be more than max).
 */
int entitle_programs(const char *stage, bool boarding, const char **out,
                     int max);

/*
 * entitle_year_mask
 *
 * The programs a child's year row is entitled to: entitle_mask(stage,
 * boarding) while schooling_status is "enrolled" and left_school is false,
 * 0 otherwise (dropped out, suspended, not enrolled, left school that
 * year, or a NULL or unknown status).
 */
unsigned entitle_year_mask(const char *stage, bool boarding,
                           const char *schooling_status, bool left_school);

/*
 * entitle_year_programs
 *
 * The same as program codes in report order, as entitle_programs.
 */
int entitle_year_programs(const char *stage, bool boarding,
                          const char *schooling_status, bool left_school,
                          const char **out, int max);

#endif
