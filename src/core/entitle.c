/*
 * entitle.c
 *   The entitlement rule (entitle.h): the C twin of
 *   eduaid.stage_programs and eduaid.entitled_programs in
 *   sql/repeatable/01_shared_rules.sql.  A change of the rule changes both
 *   and tests/data/entitlement_vectors.csv.
 */
#include "config.h"

#include "core/entitle.h"

#include <stddef.h>
#include <string.h>

static const char *const codes[ENTITLE_NPROGRAMS] = {
    [ENTITLE_PRESCHOOL_AID] = "preschool_aid",
    [ENTITLE_COMPULSORY_WAIVER] = "compulsory_waiver",
    [ENTITLE_BOARDING_SUBSIDY] = "boarding_subsidy",
    [ENTITLE_HIGH_SCHOOL_GRANT] = "high_school_grant",
    [ENTITLE_HIGH_SCHOOL_WAIVER] = "high_school_waiver",
    [ENTITLE_VOCATIONAL_WAIVER] = "vocational_waiver",
    [ENTITLE_VOCATIONAL_GRANT] = "vocational_grant",
    [ENTITLE_COLLEGE_FRESHMAN_AID] = "college_freshman_aid",
    [ENTITLE_STUDENT_LOAN] = "student_loan",
};

#define BIT(p) (1u << (p))

/* Each stage and what it gives, boarding aside. */
static const struct {
    const char *stage;
    unsigned programs;
    bool boarding_counts;
} stages[] = {
    {"preschool", BIT(ENTITLE_PRESCHOOL_AID), false},
    {"primary", BIT(ENTITLE_COMPULSORY_WAIVER), true},
    {"junior", BIT(ENTITLE_COMPULSORY_WAIVER), true},
    {"senior_high",
     BIT(ENTITLE_HIGH_SCHOOL_GRANT) | BIT(ENTITLE_HIGH_SCHOOL_WAIVER), false},
    {"secondary_vocational",
     BIT(ENTITLE_VOCATIONAL_WAIVER) | BIT(ENTITLE_VOCATIONAL_GRANT), false},
    {"college", BIT(ENTITLE_COLLEGE_FRESHMAN_AID) | BIT(ENTITLE_STUDENT_LOAN),
     false},
};

const char *
entitle_program_code(int p)
{
    return p >= 0 && p < ENTITLE_NPROGRAMS ? codes[p] : NULL;
}

int
entitle_program_find(const char *code)
{
    if (code == NULL)
        return -1;
    for (int p = 0; p < ENTITLE_NPROGRAMS; p++)
        if (strcmp(codes[p], code) == 0)
            return p;
    return -1;
}

unsigned
entitle_mask(const char *stage, bool boarding)
{
    if (stage == NULL)
        return 0;
    for (size_t i = 0; i < sizeof(stages) / sizeof(stages[0]); i++)
        if (strcmp(stages[i].stage, stage) == 0)
            return stages[i].programs | (stages[i].boarding_counts && boarding
                                             ? BIT(ENTITLE_BOARDING_SUBSIDY)
                                             : 0u);
    return 0;
}

/* The codes of the programs of mask m, in report order, as
 * entitle_programs says. */
static int
mask_programs(unsigned m, const char **out, int max)
{
    int n = 0;

    for (int p = 0; p < ENTITLE_NPROGRAMS; p++) {
        if ((m & BIT(p)) == 0)
            continue;
        if (out != NULL && n < max)
            out[n] = codes[p];
        n++;
    }
    return n;
}

int
entitle_programs(const char *stage, bool boarding, const char **out, int max)
{
    return mask_programs(entitle_mask(stage, boarding), out, max);
}

unsigned
entitle_year_mask(const char *stage, bool boarding,
                  const char *schooling_status, bool left_school)
{
    if (left_school || schooling_status == NULL ||
        strcmp(schooling_status, "enrolled") != 0)
        return 0;
    return entitle_mask(stage, boarding);
}

int
entitle_year_programs(const char *stage, bool boarding,
                      const char *schooling_status, bool left_school,
                      const char **out, int max)
{
    return mask_programs(
        entitle_year_mask(stage, boarding, schooling_status, left_school), out,
        max);
}
