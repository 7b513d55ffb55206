/*
 * preschool.c
 *   学前教育 (issue 17 H1): the import batches of the preschool files (the
 *   children aged 3-5, the kindergartens' rolls; `eduaid import
 *   preschool-population|preschool-enrollment`) the person sees -- those
 *   awaiting review first -- with their township, kind, school year,
 *   source, as-of date, rows and state; the line below the list says who
 *   imported the selected one from which file, or why it was rejected. A
 *   supervisor who did not import a batch accepts it (F7, Pass) or rejects
 *   it with a reason (F11, Return); only accepted batches count in the
 *   reports. Also the line of numbers of the measures area.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "db/preschool.h"
#include "screens/listbase.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/keys.h"

#define MAX_ROWS 500
#define NCOLS 7

struct preschool {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    enum action acts[8];
};

static bool
fetch_rows(struct screen *s)
{
    struct preschool *p = s->data;
    struct db_error err;
    struct dbres *res;

    if ((res = preschool_batches(s->app->db, MAX_ROWS, &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&p->lb, res);
}

static const char *
kind_label(const char *kind)
{
    return strcmp(kind, "population") == 0 ? _("Children 3-5")
                                           : _("Kindergarten rolls");
}

static const char *
state_label(const char *state)
{
    if (strcmp(state, "accepted") == 0)
        return _("Accepted");
    if (strcmp(state, "rejected") == 0)
        return _("Rejected");
    return _("Awaiting review");
}

static const char *const preschool_shows[NCOLS] = {
    "township", NULL, "school_year", "source", "as_of", "row_count", NULL};

static bool
preschool_row(struct screen *s, int index, const char **cells,
              struct lv_row *row)
{
    struct preschool *p = s->data;

    cells[1] = kind_label(cell(p, index, "kind"));
    cells[6] = state_label(cell(p, index, "state"));
    if (strcmp(cell(p, index, "state"), "imported") == 0)
        row->attr = UA_LABEL;
    return true;
}

/* Whether the person may review the selected batch. */
static bool
may_review(struct screen *s, int sel)
{
    struct preschool *p = s->data;

    return sel >= 0 && strcmp(db_role(s->app->db), "supervisor") == 0 &&
           strcmp(cell(p, sel, "state"), "imported") == 0 &&
           strcmp(cell(p, sel, "mine"), "t") != 0;
}

static void
preschool_draw(struct screen *s)
{
    struct preschool *p = s->data;
    int sel = listbase_selected(&p->lb);
    char line[1024], pass[32], ret[32];

    keys_names(ACT_PASS, KEYS_PRIMARY, pass, sizeof(pass));
    keys_names(ACT_REJECT, KEYS_PRIMARY, ret, sizeof(ret));
    if (strcmp(db_role(s->app->db), "supervisor") == 0)
        snprintf(line, sizeof(line),
                 _("Batches: %s accepts, %s rejects (with a reason); only "
                   "accepted ones count."),
                 pass, ret);
    else
        snprintf(line, sizeof(line), "%s",
                 _("Imported batches: they count once a supervisor accepts "
                   "them."));
    listbase_line(&p->lb, 0, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&p->lb.lv);
    if (sel < 0)
        return;
    if (strcmp(cell(p, sel, "state"), "rejected") == 0)
        snprintf(line, sizeof(line), _("Reason: %s"),
                 cell(p, sel, "reject_reason"));
    else
        snprintf(line, sizeof(line), _("Imported by %s from %s"),
                 cell(p, sel, "created_by"), cell(p, sel, "file_name"));
    listbase_line(&p->lb, -1, line,
                  strcmp(cell(p, sel, "state"), "rejected") == 0 ? UA_ERROR
                                                                 : UA_NORMAL,
                  DRAW_PAD | DRAW_MARK_CUT);
}

static bool
review_selected(struct screen *s, int sel, bool accept)
{
    struct preschool *p = s->data;
    struct app *a = s->app;
    struct db_error err;
    char title[256], question[512];
    char *reason = NULL;
    int rc;

    snprintf(title, sizeof(title), "%s %s %s", cell(p, sel, "township"),
             kind_label(cell(p, sel, "kind")), cell(p, sel, "as_of"));
    if (accept) {
        snprintf(question, sizeof(question),
                 _("Accept this batch of %s rows? It then counts in the "
                   "reports."),
                 cell(p, sel, "row_count"));
        if (!dialog_confirm(a, title, question, false))
            return false;
    } else if ((reason = dialog_prompt(a, PROMPT_TEXT, title, _("Reason"),
                                       NULL)) == NULL) {
        return false;
    }
    rc = preschool_review(a->db, cell(p, sel, "township_id"),
                          cell(p, sel, "id"), accept, reason, &err);
    free(reason);
    if (rc != 0) {
        app_error(a, &err);
        return false;
    }
    app_status(a, "%s",
               accept ? _("The batch is accepted.")
                      : _("The batch is rejected."));
    return true;
}

static enum key_result
preschool_key(struct screen *s, const struct key *k)
{
    struct preschool *p = s->data;
    int sel = listbase_selected(&p->lb);

    switch (k->action) {
    case ACT_PASS:
    case ACT_REJECT:
        if (sel < 0)
            return KR_HANDLED;
        if (!may_review(s, sel)) {
            app_status(s->app, "%s",
                       _("Only a supervisor who did not import it reviews a "
                         "batch awaiting review."));
            return KR_REDRAW;
        }
        if (review_selected(s, sel, k->action == ACT_PASS))
            reload(s);
        return KR_REDRAW;
    default:
        return listbase_key(&p->lb, k);
    }
}

static const enum action *
preschool_actions(struct screen *s)
{
    struct preschool *p = s->data;
    int n = 0;

    if (may_review(s, listbase_selected(&p->lb))) {
        p->acts[n++] = ACT_PASS;
        p->acts[n++] = ACT_REJECT;
    }
    p->acts[n++] = ACT_REFRESH;
    p->acts[n++] = ACT_HELP;
    p->acts[n++] = ACT_BACK;
    p->acts[n] = ACT_NONE;
    return p->acts;
}

static const char *
preschool_title(struct screen *s)
{
    (void)s;
    return _("Preschool import batches");
}

static const struct screen_ops preschool_ops = {
    .name = "preschool",
    .layout = listbase_layout,
    .draw = preschool_draw,
    .key = preschool_key,
    .resumed = listbase_resumed,
    .actions = preschool_actions,
    .available = listbase_available,
    .title = preschool_title,
    .close = listbase_close,
};

static const struct listbase_ops preschool_list = {
    .fetch = fetch_rows, .row = preschool_row, .shows = preschool_shows};

struct screen *
preschool_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &preschool_ops, sizeof(struct preschool));
    struct preschool *p;

    if (s == NULL)
        return NULL;
    p = s->data;
    p->columns[0] = (struct lv_column){_("Township"), 8, false};
    p->columns[1] = (struct lv_column){_("Kind"), 8, false};
    p->columns[2] = (struct lv_column){_("Year"), 4, true};
    p->columns[3] = (struct lv_column){_("Source"), 0, false};
    p->columns[4] = (struct lv_column){_("As of"), 10, false};
    p->columns[5] = (struct lv_column){_("Rows"), 5, true};
    p->columns[6] = (struct lv_column){_("State"), 6, false};
    listbase_init(&p->lb, s, &preschool_list, p->columns, NCOLS);
    p->lb.below = 1;
    p->lb.lv.empty_text = _("No preschool file has been imported.");
    listbase_reload(&p->lb);
    return s;
}

/* The measures area's line: this school year's gross enrollment rate of
 * the person's townships, and the batches awaiting review. */
void
preschool_line(struct app *a, char *out, size_t outsz)
{
    struct db_error err;
    struct dbres *r = preschool_numbers(a->db, date_school_year_today(), &err);

    if (r != NULL && r->nrows == 1)
        snprintf(out, outsz,
                 _("%s%% enrolled (%s of %s aged 3-5) · %s to review"),
                 dbres_get(r, 0, 2) != NULL ? dbres_get(r, 0, 2) : "-",
                 dbres_get(r, 0, 1), dbres_get(r, 0, 0), dbres_get(r, 0, 3));
    dbres_free(r);
}
