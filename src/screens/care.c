/*
 * care.c
 *   关爱留守儿童 (issue 17 H2): the left-behind children of this school
 *   year in the person's townships (eduaid.care_children), one line each
 *   with the care state -- guardian, contact teacher, 爱心妈妈 volunteer,
 *   the last counselling session, the term's activities against twice
 *   weekly -- and Enter to open the child's care page (carepage.c). Also
 *   the line of numbers of the plan measures area (measures.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "db/care.h"
#include "screens/care.h"
#include "screens/listbase.h"
#include "screens/session.h"
#include "ui/draw.h"

#define NCOLS 7

struct care {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    int year;
    char activity[NCOLS][32];
};

static bool
fetch_rows(struct screen *s)
{
    struct care *c = s->data;
    struct db_error err;
    struct dbres *res = care_children_rows(s->app->db, c->year, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&c->lb, res);
}

static const char *const care_shows[NCOLS] = {
    "township",     "name", "guardian_name", "teacher_name", "volunteer_name",
    "last_session", NULL};

/* The term's activities as "attended/needed"; the row marked when the
 * child is not fully cared for (what the report counts). */
static bool
care_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct care *c = s->data;
    const char *attended = cell(c, index, "attended");
    const char *needed = cell(c, index, "needed");

    snprintf(c->activity[0], sizeof(c->activity[0]), "%s/%g", attended,
             atof(needed));
    cells[6] = c->activity[0];
    if (atof(attended) < atof(needed) ||
        cell(c, index, "guardian_name")[0] == '\0' ||
        cell(c, index, "teacher_name")[0] == '\0' ||
        cell(c, index, "volunteer_name")[0] == '\0' ||
        strcmp(cell(c, index, "counselled"), "t") != 0) {
        row->status = _("gap");
        row->status_attr = UA_ST_REJECTED;
    }
    return true;
}

static void
care_draw(struct screen *s)
{
    struct care *c = s->data;
    char line[256];

    snprintf(line, sizeof(line),
             _("School year %d-%d: %d left-behind children (activities: "
               "this term/twice weekly)"),
             c->year, c->year + 1, listbase_nrows(&c->lb));
    listbase_line(&c->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&c->lb.lv);
}

static enum key_result
care_key(struct screen *s, const struct key *k)
{
    struct care *c = s->data;
    int sel = listbase_selected(&c->lb);
    struct screen *next;

    if (k->action != ACT_OPEN)
        return listbase_key(&c->lb, k);
    if (sel < 0)
        return KR_HANDLED;
    next = carepage_screen_new(s->app, c->year, cell(c, sel, "township_id"),
                               cell(c, sel, "household_id"),
                               cell(c, sel, "student_id"),
                               cell(c, sel, "care_id"), cell(c, sel, "name"));
    if (next != NULL)
        app_push(s->app, next);
    return KR_REDRAW;
}

static const enum action care_actions_list[] = {ACT_OPEN, ACT_REFRESH, ACT_HELP,
                                                ACT_BACK, ACT_NONE};

static const enum action *
care_actions(struct screen *s)
{
    (void)s;
    return care_actions_list;
}

static const char *
care_title(struct screen *s)
{
    (void)s;
    return _("Left-behind children's care");
}

static const struct screen_ops care_ops = {
    .name = "care",
    .layout = listbase_layout,
    .draw = care_draw,
    .key = care_key,
    .actions = care_actions,
    .available = listbase_available,
    .resumed = listbase_resumed,
    .title = care_title,
    .close = listbase_close,
};

static const struct listbase_ops care_list = {
    .fetch = fetch_rows, .row = care_row, .shows = care_shows};

struct screen *
care_screen_new(struct app *a)
{
    struct screen *s = listbase_screen_new(a, &care_ops, sizeof(struct care));
    struct care *c = s != NULL ? s->data : NULL;

    if (s == NULL)
        return NULL;
    c->year = date_school_year_today();
    c->columns[0] = (struct lv_column){_("Township"), 8, false};
    c->columns[1] = (struct lv_column){_("Name"), 8, false};
    c->columns[2] = (struct lv_column){_("Guardian"), 8, false};
    c->columns[3] = (struct lv_column){_("Contact teacher"), 10, false};
    c->columns[4] = (struct lv_column){_("Volunteer"), 8, false};
    c->columns[5] = (struct lv_column){_("Last counselling"), 10, false};
    c->columns[6] = (struct lv_column){_("Activities"), 0, false};
    listbase_init(&c->lb, s, &care_list, c->columns, NCOLS);
    c->lb.lv.empty_text = _("No left-behind child in your townships.");
    c->lb.lv.status_width = 4;
    reload(s);
    return s;
}

/* "N left-behind children, M fully cared for" for the measures area. */
void
care_menu_line(struct app *a, char *out, size_t outsz)
{
    struct db_error err;
    struct dbres *r = care_totals(a->db, date_school_year_today(), &err);

    if (r == NULL) {
        app_error(a, &err);
        return;
    }
    if (r->nrows > 0)
        snprintf(out, outsz, _("%s left-behind children, %s fully cared for"),
                 dbres_get(r, 0, 0), dbres_get(r, 0, 1));
    dbres_free(r);
}
