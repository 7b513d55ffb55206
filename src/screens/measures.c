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
#include "db/report.h"    /* issue 17 H3 */
#include "screens/care.h" /* issue 17 H2 */
#include "screens/chooser.h"
#include "screens/screens.h"

/* Who sees an entry. */
enum {
    R_CLERK = CR_CLERK,
    R_OFFICER = CR_OFFICER,
    R_SUPERVISOR = CR_SUPERVISOR,
    R_AUDITOR = CR_AUDITOR,
    R_RECORDS = R_CLERK | R_OFFICER | R_SUPERVISOR | R_AUDITOR
};

/* issue 17 H3: 学校食堂 and 随迁子女, lines from their reports' total
 * row (the county's for a supervisor, the caller's townships' otherwise);
 * Enter opens the report screen on the report. */
static const char *
total_cell(const struct dbres *r, const char *item, const char *col)
{
    for (int i = 0; r != NULL && i < r->nrows; i++) {
        const char *it = dbres_field(r, i, "item");

        if (dbres_field(r, i, "township_id") == NULL &&
            (item == NULL ? it == NULL : it != NULL && strcmp(it, item) == 0)) {
            const char *v = dbres_field(r, i, col);
            return v != NULL ? v : "-";
        }
    }
    return "?";
}

static struct dbres *
measure_report(struct app *a, const char *name)
{
    struct db_error err;
    const struct report_def *d = report_find(name);

    return d != NULL ? report_fetch(a->db, d, report_year_today(d), 0, &err)
                     : NULL;
}

static void
canteen_line(struct app *a, char *out, size_t outsz)
{
    struct dbres *r = measure_report(a, "canteen");

    if (r == NULL) {
        snprintf(out, outsz, "?");
        return;
    }
    snprintf(out, outsz,
             _("%s of %s pilot schools have a canteen: %s%% \xc2\xb7 meals "
               "%s%%"),
             total_cell(r, NULL, "with_canteen"),
             total_cell(r, NULL, "pilot_schools"),
             total_cell(r, NULL, "supply_rate"),
             total_cell(r, NULL, "meal_coverage"));
    dbres_free(r);
}

static void
migrant_line(struct app *a, char *out, size_t outsz)
{
    struct dbres *r = measure_report(a, "subsidy_migrant");

    if (r == NULL) {
        snprintf(out, outsz, "?");
        return;
    }
    snprintf(out, outsz,
             _("%s migrant children: subsidies %s%% \xc2\xb7 local %s%%"),
             total_cell(r, NULL, "migrants"),
             total_cell(r, "migrant", "coverage"),
             total_cell(r, "local", "coverage"));
    dbres_free(r);
}

static struct screen *
canteen_open(struct app *a)
{
    return report_screen_new_for(a, "canteen");
}

static struct screen *
migrant_open(struct app *a)
{
    return report_screen_new_for(a, "subsidy_migrant");
}
/* end issue 17 H3 */

/* The area's screens, in the order shown: one line each. */
static const struct chooser_entry entries[] = {
    /* issue 17 H1: 学前教育 */
    {N_("Preschool"), NULL, preschool_line, R_RECORDS, preschool_screen_new},
    /* issue 17 H2: 关爱留守儿童 */
    {N_("Left-behind children's care"),
     N_("Guardian, contact teacher, volunteer, counselling, activities"),
     care_menu_line, R_RECORDS, care_screen_new},
    /* issue 17 H3: 随迁子女 */
    {N_("Migrant children"), N_("their subsidies beside local children's"),
     migrant_line, R_RECORDS, migrant_open},
    /* issue 17 H4: 定向招生专项计划, the record kind "admission" */
    {N_("Targeted admission"),
     N_("applications to the targeted college plans, through the review"),
     admission_line, R_RECORDS, admission_screen_new},
    /* issue 17 H5: 乡村教师 */
    {N_("Rural teachers"), N_("Register, trainings and exchanges"), NULL,
     R_RECORDS, teachers_screen_new},
    /* issue 17 H3: 学校食堂 */
    {N_("School canteens"), N_("pilot schools whose canteen serves the meal"),
     canteen_line, R_RECORDS, canteen_open},
};

static const struct chooser_def area = {
    .name = "measures",
    .title = N_("Plan measures"),
    .heading = N_("The plan's other measures:"),
    .column = N_("Measure"),
    .empty = N_("Your role has no screens here."),
    .entries = entries,
    .nentries = sizeof(entries) / sizeof(entries[0]),
};

struct screen *
measures_screen_new(struct app *a)
{
    return chooser_screen_new(a, &area, chooser_role_bit(db_role(a->db)));
}

/* Whether the role sees the measures area at all (menu.c). */
bool
measures_area_for(const char *role)
{
    return (chooser_role_bit(role) & R_RECORDS) != 0;
}
