/*
 * ledgers.c
 *   "Ledgers" of the main menu: the ledgers the plan names, each with a
 *   line of its numbers -- 控辍保学 (the dropout ledgers' counts for this
 *   school year), 送教上门 (home-delivery visits still due this month),
 *   培训台账 (training person-times) -- Enter opens one (chooser.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "db/homevisit.h"
#include "db/ledger.h"
#include "db/training.h"
#include "screens/chooser.h"
#include "screens/ledger.h"
#include "screens/screens.h"

/* r when it holds a row, else NULL (r freed). */
static struct dbres *
numbers(struct dbres *r)
{
    if (r != NULL && r->nrows < 1) {
        dbres_free(r);
        return NULL;
    }
    return r;
}

/* Value `name` of the row, or "?". */
static const char *
num(const struct dbres *r, const char *name)
{
    const char *v = r != NULL ? dbres_field(r, 0, name) : NULL;

    return v != NULL ? v : "?";
}

static void
dropout_line(struct app *a, char *out, size_t outsz)
{
    struct db_error err;
    struct dbres *r =
        numbers(dropout_counts(a->db, date_school_year_today(), &err));

    snprintf(out, outsz,
             _("school age %s · suspected %s · confirmed %s · back in school "
               "%s"),
             num(r, "school_age"), num(r, "suspected"), num(r, "confirmed"),
             num(r, "returned"));
    dbres_free(r);
}

static void
home_line(struct app *a, char *out, size_t outsz)
{
    struct db_error err;
    struct dbres *r = numbers(home_delivery_totals(a->db, &err));

    snprintf(out, outsz, _("%s plans · %s visits still due this month"),
             num(r, "plans"), num(r, "due"));
    dbres_free(r);
}

static void
training_line(struct app *a, char *out, size_t outsz)
{
    struct db_error err;
    struct dbres *r = numbers(training_ledger_totals(a->db, &err));

    snprintf(out, outsz,
             _("this year: %s person-times · %s completed · %s employed"),
             num(r, "enrolled"), num(r, "completed"), num(r, "employed"));
    dbres_free(r);
}

static const struct chooser_entry entries[] = {
    {N_("Dropout control"), NULL, dropout_line, 1, ledger_screen_new},
    {N_("Home delivery"), NULL, home_line, 1, homevisit_screen_new},
    {N_("Training ledger"), NULL, training_line, 1, trainledger_screen_new},
};

static const struct chooser_def area = {
    .name = "ledgers",
    .title = N_("Ledgers"),
    .heading = N_("The ledgers the plan names:"),
    .column = N_("Ledger"),
    .entries = entries,
    .nentries = sizeof(entries) / sizeof(entries[0]),
};

struct screen *
ledgers_screen_new(struct app *a)
{
    return chooser_screen_new(a, &area, 1);
}
