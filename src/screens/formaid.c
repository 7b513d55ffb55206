/*
 * formaid.c
 *   Aid in the form of kind household_year (issue 11): F7 "fill in
 *   standard aid" grants, for the record on screen, every program its
 *   children's year rows are offered and have not been granted, at the
 *   standard amounts (eduaid.grant_record_standard, db/aid.h), then loads
 *   the record again so the 本学年资助 grid shows them; the clerk adjusts
 *   an amount or deletes a row with the grid's keys. F7 means this only
 *   where the person may edit the record and has no review step on it
 *   (a reviewer's F7 passes the record, formview.c). And the row editor's
 *   prefill: a grant row whose program is picked gets the standard amount
 *   when its amount is empty. (The approved-value diff of its grid rows,
 *   children's year rows and grants, is formdiff.c's, for every kind.)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/aid.h"
#include "screens/form.h"
#include "screens/review.h"
#include "screens/screens.h"
#include "ui/dialog.h"

bool
form_fills_aid(const struct form *f)
{
    const char *role = db_role(f->app->db);

    return strcmp(f->def->kind, "household_year") == 0 && f->rec->id != 0 &&
           f->editable &&
           review_pass_action(role, f->def->kind, f->rec->status) == NULL;
}

/* "3 granted" and, when some were refused, the first refusal's reason. */
static void
say_filled(struct form *f, const struct dbres *r)
{
    int granted = 0, refused = 0, first = -1;

    for (int i = 0; i < r->nrows; i++) {
        const char *o = dbres_field(r, i, "outcome");

        if (o != NULL && strcmp(o, "granted") == 0)
            granted++;
        else if (o != NULL && strcmp(o, "refused") == 0 && refused++ == 0)
            first = i;
    }
    if (r->nrows == 0)
        app_status(f->app, "%s",
                   _("Every program offered this year is granted already."));
    else if (refused == 0)
        app_status(f->app, _("Standard aid filled in: %d granted."), granted);
    else
        app_status(f->app, _("Standard aid: %d granted, %d refused (%s)."),
                   granted, refused,
                   aid_refusal_text(f->app, dbres_field(r, first, "sql_state"),
                                    dbres_field(r, first, "constraint_name")));
}

bool
form_fill_aid(struct form *f)
{
    struct db_error err;
    struct dbres *r;

    if (!form_fills_aid(f))
        return false;
    if (f->fs.dirty && !form_save(f))
        return false;
    if ((r = aid_fill_record(f->app->db, f->rec->id, &err)) == NULL) {
        app_error(f->app, &err);
        return false;
    }
    say_filled(f, r);
    /* a reopened record then says what changed since its approval */
    form_reload(f);
    dbres_free(r);
    return true;
}

const char *
form_action_label(struct screen *s, enum action a)
{
    struct form *f = s->data;

    return a == ACT_PASS && form_fills_aid(f) ? _("Standard aid") : NULL;
}

void
form_prefill_amount(struct form *f, const struct griddef *g,
                    struct fieldset *fs)
{
    int ai = fieldset_find(fs, "amount"), pi = fieldset_find(fs, "program");
    int si = fieldset_find(fs, "student_id");
    char amount[32] = "", *now;
    struct db_error err;

    if (strcmp(g->table, "student_subsidy") != 0 || f->rec->id == 0 || ai < 0 ||
        pi < 0 || si < 0 || fs->f[pi].value == NULL ||
        fs->f[si].value == NULL || fs->f[ai].locked)
        return;
    if ((now = fieldset_value(fs, (size_t)ai)) == NULL || now[0] != '\0') {
        free(now);
        return;
    }
    free(now);
    if (aid_standard_amount(f->app->db, f->rec->id, atoll(fs->f[si].value),
                            fs->f[pi].value, amount, sizeof amount, &err) < 0)
        app_error(f->app, &err);
    else if (amount[0] != '\0' &&
             lineedit_set_utf8(&fs->f[ai].edit, amount) == false)
        app_status(f->app, "%s", _("out of memory"));
}
