/*
 * measures.c
 *   "计划措施" (the plan's other measures, issue 17) of the main menu: the
 *   screens of the measures the four record kinds and the pairing do not
 *   cover -- preschool coverage, the left-behind children's care ledger,
 *   targeted college admissions, rural teachers, school canteens, and the
 *   reports as submitted -- each with a line of its numbers; Enter opens
 *   one (chooser.c). One table (entries[]) says, one line per screen, its
 *   label, its line of numbers, which roles see it and what it opens: a
 *   screen of the area adds its line there.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "screens/chooser.h"
#include "screens/screens.h"

/* Who sees an entry. */
enum {
    R_CLERK = 1 << 0,
    R_OFFICER = 1 << 1,
    R_SUPERVISOR = 1 << 2,
    R_AUDITOR = 1 << 3,
    R_RECORDS = R_CLERK | R_OFFICER | R_SUPERVISOR | R_AUDITOR
};

/* The area's screens, in the order shown: one line each, before the
 * empty line that ends the table. */
static const struct chooser_entry entries[] = {
    /* issue 17: each measure's screen adds its line here */
    /* issue 17 H4: 定向招生专项计划, the record kind "admission" */
    {N_("Targeted admission"),
     N_("applications to the targeted college plans, through the review"),
     admission_line, R_RECORDS, admission_screen_new},
    {NULL, NULL, NULL, 0, NULL},
};

static const struct chooser_def area = {
    .name = "measures",
    .title = N_("Plan measures"),
    .heading = N_("The plan's other measures:"),
    .column = N_("Measure"),
    .empty = N_("Your role has no screens here."),
    .entries = entries,
    .nentries = sizeof(entries) / sizeof(entries[0]) - 1,
};

static unsigned
role_bit(const char *role)
{
    static const struct {
        const char *name;
        unsigned bit;
    } roles[] = {{"clerk", R_CLERK},
                 {"officer", R_OFFICER},
                 {"supervisor", R_SUPERVISOR},
                 {"auditor", R_AUDITOR}};

    for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
        if (strcmp(role, roles[i].name) == 0)
            return roles[i].bit;
    return 0;
}

struct screen *
measures_screen_new(struct app *a)
{
    return chooser_screen_new(a, &area, role_bit(db_role(a->db)));
}

/* Whether the role sees the measures area at all (menu.c). */
bool
measures_area_for(const char *role)
{
    return role_bit(role) != 0;
}
