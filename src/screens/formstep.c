/*
 * formstep.c
 *   Four-eyes foresight (issue 12 item 4). An officer who corrects a
 *   submitted record becomes one of its editors, and the four-eyes rule
 *   then keeps him from verifying it (or returning it). Before such a save
 *   the server is asked (eduaid.save_blocks_own_step, in the save's own
 *   round trip: record_save_foresee; the rule lives there only) and, when
 *   the save would take the person's own next step away, nothing is
 *   saved and the form says so and offers: return the
 *   record to its author instead (a reason naming the corrections, which
 *   he may edit; his edits are not saved), save anyway (another person
 *   will take the step), or go back to editing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "screens/form.h"
#include "screens/review.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/prompt.h"

/* Append "label: old -> new" of every field changed since the form's
 * base, and a count of the grid rows changed, to out (the reason offered
 * for a return). */
static void
corrections(struct form *f, char *out, size_t outsz)
{
    size_t len;
    int rows = 0;

    snprintf(out, outsz, "%s", _("Please correct: "));
    for (size_t i = 0; i < f->fs.n && f->base != NULL; i++) {
        char *v = fieldset_value(&f->fs, i);
        const char *b = f->base[i] ? f->base[i] : "";
        char was[256];

        if (v == NULL || strcmp(v, b) == 0 || f->fs.f[i].locked) {
            free(v);
            continue;
        }
        snprintf(was, sizeof(was), "%s",
                 form_value_words(f, f->fs.f[i].def, b));
        len = strlen(out);
        snprintf(out + len, outsz - len, "%s%s %s -> %s",
                 len > strlen(_("Please correct: ")) ? _("; ") : "",
                 label_text(&f->fs.f[i].def->label, f->app->zh), was,
                 form_value_words(f, f->fs.f[i].def, v));
        free(v);
    }
    for (size_t g = 0; g < f->def->ngrids; g++)
        for (size_t r = 0; r < f->rec->grids[g].count; r++)
            rows += f->rec->grids[g].rows[r].changed ||
                    f->rec->grids[g].rows[r].deleted;
    if (rows > 0) {
        len = strlen(out);
        snprintf(out + len, outsz - len, _("%s%d row(s) of the tables"),
                 len > strlen(_("Please correct: ")) ? _("; ") : "", rows);
    }
}

/* Return the record (as it is in the database, with the version shown)
 * with a reason naming the corrections; the edits are dropped and the
 * form shows the returned record. */
static enum foresight
return_instead(struct form *f)
{
    char text[1024];
    char *reason;
    struct db_error err;
    int version;

    corrections(f, text, sizeof(text));
    if ((reason = review_prompt_reason(
             f->app, _("Return"), _("Reason (required; the author sees it):"),
             text)) == NULL)
        return FORESIGHT_EDIT;
    if (review_step(f->app, f->def->kind, f->rec->id, f->rec->version, "reject",
                    reason, &version, &err) != 0) {
        free(reason);
        app_error(f->app, &err);
        return FORESIGHT_EDIT; /* nothing lost: the edits stay in the form */
    }
    free(reason);
    form_journal_remove(f);
    f->fs.dirty = false;
    form_reload(f);
    app_status(f->app, "%s",
               _("Returned to its author with your corrections as the "
                 "reason; your edits were not saved."));
    return FORESIGHT_RETURNED;
}

/* The warning for losing step (an action of the workflow). */
static void
warning(const struct form *f, const char *step, char *out, size_t outsz)
{
    (void)f;
    if (strcmp(step, "verify") == 0)
        snprintf(out, outsz, "%s",
                 _("If you save, you can no longer verify this record: "
                   "four-eyes, another person must verify it, and you can "
                   "no longer return it either.\nReturn it to its author "
                   "instead, naming what to correct?"));
    else if (strcmp(step, "approve") == 0)
        snprintf(out, outsz, "%s",
                 _("If you save, you can no longer approve this record: "
                   "four-eyes, another person must approve it.\nReturn it "
                   "to its author instead, naming what to correct?"));
    else
        snprintf(out, outsz,
                 _("If you save, you can no longer take your next step on "
                   "this record (%s): four-eyes, another person must.\n"
                   "Return it to its author instead, naming what to "
                   "correct?"),
                 step);
}

enum foresight
form_foresee_step(struct form *f, const char *step)
{
    char text[768];
    const char *labels[3];

    warning(f, step, text, sizeof(text));
    labels[0] = _("Return (r)");
    labels[1] = _("Save anyway (s)");
    labels[2] = _("Keep editing (Esc)");
    switch (dialog_choose(f->app, _("Four-eyes"), text, labels, "rs\0", 3, 0)) {
    case 0:
        return return_instead(f);
    case 1:
        return FORESIGHT_ANYWAY;
    default:
        app_status(f->app, "%s",
                   _("Not saved: your changes are still in the form."));
        return FORESIGHT_EDIT;
    }
}
