/*
 * pairing.c
 *   "结对帮扶" (school pairing, issue 15) of the main menu: the screens of
 *   the pairing area, each with a line of its numbers; Enter opens one.
 *   One table (entries[]) says, one line per screen, its label, the line
 *   of numbers under it, which roles see it and what it opens: a screen
 *   of the area adds its line there. The inspector (纪检督导组) logs in to
 *   this area alone (menu.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/pairboard.h"
#include "db/pairing.h"
#include "screens/chooser.h"
#include "screens/screens.h"

/* Who sees an entry. */
enum {
    R_CLERK = CR_CLERK,
    R_OFFICER = CR_OFFICER,
    R_SUPERVISOR = CR_SUPERVISOR,
    R_AUDITOR = CR_AUDITOR,
    R_INSPECTOR = CR_INSPECTOR,
    R_ALL = R_CLERK | R_OFFICER | R_SUPERVISOR | R_AUDITOR | R_INSPECTOR
};

/* 结对名单: the pairs, running, with an approved agreement. */
static void
pairs_line(struct app *a, char *out, size_t outsz)
{
    struct db_error err;
    struct dbres *r = pairing_counts(a->db, &err);

    if (r == NULL || r->nrows < 1) {
        snprintf(out, outsz, "?");
        dbres_free(r);
        return;
    }
    snprintf(out, outsz,
             _("%s pairs \xc2\xb7 %s in their cycle \xc2\xb7 %s agreements "
               "approved"),
             dbres_field(r, 0, "pairs"), dbres_field(r, 0, "running"),
             dbres_field(r, 0, "approved"));
    dbres_free(r);
}

/* H3 (the board and the sheet): 帮扶达标看板's line, the pairs active
 * today and how many are behind. */
static void
board_line(struct app *a, char *out, size_t outsz)
{
    struct db_error err;
    struct dbres *r = pairboard_list(a->db, 0, PB_SORT_TITLE, &err);
    int behind = 0;

    if (r == NULL) {
        snprintf(out, outsz, "?");
        return;
    }
    for (int i = 0; i < r->nrows; i++)
        behind += strcmp(dbres_field(r, i, "behind"), "t") == 0;
    snprintf(out, outsz, _("%d pairs active today \xc2\xb7 %d behind"),
             r->nrows, behind);
    dbres_free(r);
}

/* The area's screens, in the order shown: one line each. */
static const struct chooser_entry entries[] = {
    {N_("Pairs"), N_("the pairs, their schools and cycles"), pairs_line, R_ALL,
     pairs_screen_new},
    /* issue 15 H1: 帮扶协议书, the record kind "pairing" (pairagree.c) */
    {N_("Agreements"), N_("signed agreements and goals, through the review"),
     NULL, R_CLERK | R_OFFICER | R_SUPERVISOR | R_AUDITOR,
     pairing_agreements_screen_new},
    /* H3: the compliance board and the annual scoring sheet */
    {N_("Compliance board"),
     N_("which pairs are behind this month and quarter, and why"), board_line,
     R_ALL, pairboard_screen_new},
    {N_("Annual scoring"), N_("the year's scores, totals and ranks"), NULL,
     R_SUPERVISOR | R_AUDITOR | R_INSPECTOR | R_OFFICER, pairscore_screen_new},
};

static const struct chooser_def area = {
    .name = "pairing",
    .title = N_("School pairing"),
    .heading = N_("School pairing: the pairs, their work and its checks:"),
    .column = N_("Screen"),
    .empty = N_("Your role has no pairing screens."),
    .entries = entries,
    .nentries = sizeof(entries) / sizeof(entries[0]),
};

struct screen *
pairing_screen_new(struct app *a)
{
    return chooser_screen_new(a, &area, chooser_role_bit(db_role(a->db)));
}

/* Whether the role sees the pairing area at all (menu.c). */
bool
pairing_area_for(const char *role)
{
    return chooser_role_bit(role) != 0;
}
