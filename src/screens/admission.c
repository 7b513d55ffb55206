/*
 * admission.c
 *   定向招生专项计划 (issue 17 H4): the Plan measures area's entry for the
 *   applications to the targeted admission plans, record kind "admission"
 *   (forms/admission.conf, menu = false) -- its line of this year's
 *   numbers (applications, qualified, admitted) and the standard record
 *   list it opens, with New, Edit and Submit through the form; the review
 *   queue opens an application as any record.
 */
#include "config.h"

#include <stdio.h>

#include "core/date.h"
#include "core/i18n.h"
#include "db/admission.h"
#include "screens/screens.h"

struct screen *
admission_screen_new(struct app *a)
{
    const struct formdef *f = app_form(a, "admission");

    return f != NULL ? list_screen_new(a, f) : NULL;
}

void
admission_line(struct app *a, char *out, size_t outsz)
{
    struct db_error err;
    int year = date_today_yyyymmdd() / 10000;
    struct dbres *r = admission_counts(a->db, year, &err);

    if (r == NULL || r->nrows < 1) {
        snprintf(out, outsz, "?");
        dbres_free(r);
        return;
    }
    snprintf(out, outsz,
             _("%d: %s applications \xc2\xb7 %s qualified \xc2\xb7 %s "
               "admitted"),
             year, dbres_field(r, 0, "applications"),
             dbres_field(r, 0, "qualified"), dbres_field(r, 0, "admitted"));
    dbres_free(r);
}
