/*
 * ledgervisits.c
 *   One child's persuasion-to-return visits (劝返), newest first, across
 *   all of the child's dropout cases (eduaid.dropout_visits): date, who
 *   visited, outcome, notes and who recorded it. v records a visit, C
 *   confirms the dropout, B closes the case as back in school.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/ledger.h"
#include "screens/ledger.h"
#include "screens/listbase.h"
#include "screens/review.h"
#include "screens/session.h"
#include "ui/draw.h"

#define NCOLS 5

struct visits {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    char *student, *name;
    bool writer;
};

static const char *
outcome_word(const char *o)
{
    if (strcmp(o, "will_return") == 0)
        return _("promised to return");
    if (strcmp(o, "returned") == 0)
        return _("back in school");
    if (strcmp(o, "refused") == 0)
        return _("refused");
    if (strcmp(o, "not_met") == 0)
        return _("not met");
    if (strcmp(o, "other") == 0)
        return _("other");
    return o;
}

static bool
fetch_rows(struct screen *s)
{
    struct visits *v = s->data;
    struct db_error err;
    struct dbres *res = dropout_visits(s->app->db, v->student, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&v->lb, res);
}

static const char *const visits_shows[NCOLS] = {"visit_date", "visitor", NULL,
                                                "notes", "recorded_by_name"};

/* The outcome in words. */
static bool
visits_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct visits *v = s->data;

    (void)row;
    cells[2] = outcome_word(cell(v, index, "outcome"));
    return true;
}

static void
visits_draw(struct screen *s)
{
    struct visits *v = s->data;
    int sel = listbase_selected(&v->lb);
    char line[512];

    snprintf(line, sizeof(line), _("Visits to: %s"), v->name);
    listbase_line(&v->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&v->lb.lv);
    if (sel >= 0) {
        snprintf(line, sizeof(line), _("Notes: %s"), cell(v, sel, "notes"));
        listbase_line(&v->lb, -1, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    }
}

static enum key_result
visits_key(struct screen *s, const struct key *k)
{
    struct visits *v = s->data;
    bool done;

    switch (k->action) {
    case ACT_VISIT:
    case ACT_CONFIRM:
    case ACT_RETURN_SCHOOL:
        if (k->action == ACT_VISIT)
            done = ledger_record_visit(s->app, v->student, v->name);
        else if (k->action == ACT_CONFIRM)
            done = ledger_confirm(s->app, v->student, v->name);
        else
            done = ledger_back_in_school(s->app, v->student, v->name);
        if (done)
            reload(s);
        return KR_REDRAW;
    default:
        return listbase_key(&v->lb, k);
    }
}

static const enum action writer_actions[] = {
    ACT_VISIT, ACT_CONFIRM, ACT_RETURN_SCHOOL, ACT_REFRESH,
    ACT_HELP,  ACT_BACK,    ACT_NONE};
static const enum action reader_actions[] = {ACT_REFRESH, ACT_HELP, ACT_BACK,
                                             ACT_NONE};

static const enum action *
visits_actions(struct screen *s)
{
    struct visits *v = s->data;

    return v->writer ? writer_actions : reader_actions;
}

static const char *
visits_title(struct screen *s)
{
    (void)s;
    return _("Persuasion visits");
}

static void
visits_close(struct screen *s)
{
    struct visits *v = s->data;

    free(v->student);
    free(v->name);
    listbase_close(s);
}

static const struct screen_ops visits_ops = {
    .name = "ledger-visits",
    .layout = listbase_layout,
    .draw = visits_draw,
    .key = visits_key,
    .actions = visits_actions,
    .available = listbase_available,
    .title = visits_title,
    .close = visits_close,
};

static const struct listbase_ops visits_list = {
    .fetch = fetch_rows, .row = visits_row, .shows = visits_shows};

struct screen *
ledger_visits_screen_new(struct app *a, const char *student, const char *name)
{
    struct screen *s =
        listbase_screen_new(a, &visits_ops, sizeof(struct visits));
    struct visits *v = s != NULL ? s->data : NULL;

    if (s == NULL || (v->student = strdup(student)) == NULL ||
        (v->name = strdup(name)) == NULL) {
        if (v != NULL) {
            free(v->student);
            free(v);
        }
        free(s);
        return NULL;
    }
    v->writer = review_has_returned(db_role(a->db));
    v->columns[0] = (struct lv_column){_("Date"), 10, false};
    v->columns[1] = (struct lv_column){_("Who visited"), 14, false};
    v->columns[2] = (struct lv_column){_("Outcome"), 18, false};
    v->columns[3] = (struct lv_column){_("Notes"), 0, false};
    v->columns[4] = (struct lv_column){_("Recorded by"), 12, false};
    listbase_init(&v->lb, s, &visits_list, v->columns, NCOLS);
    v->lb.below = 1;
    v->lb.reload = LB_FROM_TOP;
    v->lb.lv.empty_text = _("No visit recorded yet.");
    reload(s);
    return s;
}
