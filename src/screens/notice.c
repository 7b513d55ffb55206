/*
 * notice.c
 *   "Public notice" (公示): the notices the person can see, newest first,
 *   with their period, days left and undecided objections. Enter shows a
 *   notice's lines (noticeitems.c). Supervisors open a notice (F3: a
 *   township's subsidy list or a fund program, and the school year) and
 *   close one after its period (F7); the server decides whether they may,
 *   and a refusal -- closing before the end date, undecided objections --
 *   is said on the status line in the user's words (sql/013_notice.sql).
 *   p prints the selected notice's sheet as a PDF into the exports
 *   folder, as `eduaid notice print N --pdf` does (printpdf.h).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "db/notice.h"
#include "screens/listbase.h"
#include "screens/printpdf.h"
#include "screens/screens.h"
#include "screens/session.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/keys.h"

#define NCOLS 6

struct notices {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    char period[64], state[64]; /* cells of the row being drawn */
};

static bool
is_supervisor(struct app *a)
{
    return strcmp(db_role(a->db), "supervisor") == 0;
}

static bool
fetch_rows(struct screen *s)
{
    struct notices *n = s->data;
    struct db_error err;
    struct dbres *res;

    if ((res = notices_list(s->app->db, true, 500, &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&n->lb, res);
}

/* "open, 3 days left", "period over", "closed". */
static const char *
state_text(struct notices *n, int i)
{
    int left = atoi(cell(n, i, "days_left"));

    if (strcmp(cell(n, i, "closed"), "t") == 0)
        return _("closed");
    if (left <= 0)
        return _("period over");
    snprintf(n->state, sizeof(n->state), _("open, %d days left"), left);
    return n->state;
}

static const char *const notice_shows[NCOLS] = {"id", "title", NULL,
                                                NULL, "lines", "pending"};

static bool
notice_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct notices *n = s->data;

    snprintf(n->period, sizeof(n->period), "%s ~ %s",
             cell(n, index, "starts_on"), cell(n, index, "ends_on"));
    cells[2] = n->period;
    cells[3] = state_text(n, index);
    if (strcmp(cell(n, index, "pending"), "0") != 0)
        row->attr = UA_ERROR;
    return true;
}

static void
notice_draw(struct screen *s)
{
    struct notices *n = s->data;
    char line[512], fnew[32], fpass[32];

    keys_names(ACT_NEW, KEYS_PRIMARY, fnew, sizeof(fnew));
    keys_names(ACT_PASS, KEYS_PRIMARY, fpass, sizeof(fpass));
    if (is_supervisor(s->app))
        snprintf(line, sizeof(line),
                 _("Enter shows the lines; %s opens a notice, %s closes the "
                   "selected one after its period."),
                 fnew, fpass);
    else
        snprintf(line, sizeof(line), "%s",
                 _("Enter shows the lines and their objections."));
    listbase_line(&n->lb, 0, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&n->lb.lv);
}

/* ----------------------------------------------------------------------
 * opening a notice
 * ---------------------------------------------------------------------- */

struct scope_pick {
    struct app *a;
    const char *kind;
    struct dbres *rows;
    struct pick_item items[64];
};

static int
kind_search(void *arg, const char *filter, const struct pick_item **items)
{
    static struct pick_item kinds[2];

    (void)arg;
    (void)filter;
    kinds[0] = (struct pick_item){"household_year", _("Subsidy list"),
                                  _("approved year records")};
    kinds[1] = (struct pick_item){"teacher_fund", _("Teacher fund"),
                                  _("the approved awards of a fund program")};
    *items = kinds;
    return 2;
}

static int
scope_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct scope_pick *p = arg;
    struct db_error err;

    dbres_free(p->rows);
    if ((p->rows = notices_scope_choices(p->a->db, p->kind, filter, &err)) ==
        NULL) {
        app_error(p->a, &err);
        return -1;
    }
    for (int i = 0; i < p->rows->nrows; i++)
        p->items[i] = (struct pick_item){dbres_field(p->rows, i, "id"),
                                         dbres_field(p->rows, i, "name"), NULL};
    *items = p->items;
    return p->rows->nrows;
}

/* Open the notice and say how many lines the new notice has. */
static void
open_call(struct screen *s, const char *kind, const char *scope,
          const char *year)
{
    struct db_error err;
    struct dbres *r =
        notices_open(s->app->db, kind, scope, year, NULL, NULL, NULL, &err);

    if (r == NULL) {
        app_error(s->app, &err);
        return;
    }
    app_status(s->app, _("Notice %s is open with %s lines."),
               dbres_field(r, 0, "id"), dbres_field(r, 0, "lines"));
    dbres_free(r);
    reload(s);
}

/* Ask, in the words of what the server would put on the notice (its
 * township or program and how many records, eduaid.notice_preview),
 * whether to open it. */
static bool
open_confirmed(struct screen *s, const char *kind, const char *scope,
               const char *year)
{
    struct db_error err;
    struct dbres *r = notices_preview(s->app->db, kind, scope, year, &err);
    char text[512];
    const char *name, *lines;
    bool teachers = strcmp(kind, "teacher_fund") == 0;

    if (r == NULL) {
        app_error(s->app, &err);
        return false;
    }
    name = dbres_field(r, 0, "scope");
    lines = dbres_field(r, 0, "lines");
    if (name == NULL || lines == NULL || strcmp(lines, "0") == 0) {
        app_status(s->app,
                   _("%s has no approved records of %s to put on "
                     "notice."),
                   name != NULL ? name : scope, year);
        dbres_free(r);
        return false;
    }
    snprintf(text, sizeof(text),
             teachers ? _("Open the %s notice of %s with %s teachers? They "
                          "become final after 7 days without an upheld "
                          "objection.")
                      : _("Open the %s notice of %s with %s households? They "
                          "become final after 7 days without an upheld "
                          "objection."),
             year, name, lines);
    dbres_free(r);
    return dialog_confirm(s->app, _("Open a notice"), text, false);
}

static void
open_notice(struct screen *s)
{
    struct scope_pick p = {.a = s->app};
    char *kind, *scope = NULL, *year = NULL, initial[16];

    if ((kind = dialog_pick(s->app, _("Open a notice of"), NULL, kind_search,
                            NULL)) == NULL)
        return;
    p.kind = kind;
    scope = dialog_pick(s->app,
                        strcmp(kind, "household_year") == 0 ? _("Township")
                                                            : _("Fund program"),
                        NULL, scope_search, &p);
    dbres_free(p.rows);
    snprintf(initial, sizeof(initial), "%d", date_school_year_today());
    if (scope != NULL)
        year = dialog_prompt(s->app, PROMPT_TEXT, _("Open a notice"),
                             _("School year (2026 is 2026-2027):"), initial);
    if (year != NULL && open_confirmed(s, kind, scope, year))
        open_call(s, kind, scope, year);
    free(year);
    free(scope);
    free(kind);
}

/* ----------------------------------------------------------------------
 * closing
 * ---------------------------------------------------------------------- */

static void
close_notice(struct screen *s, int sel)
{
    struct notices *n = s->data;
    struct db_error err;
    struct dbres *r;

    if (!dialog_confirm(s->app, _("Close the notice"),
                        _("Close this notice? Its records without an upheld "
                          "objection become final."),
                        false))
        return;
    r = notices_close(s->app->db, cell(n, sel, "id"), &err);
    if (r == NULL) {
        app_error(s->app, &err);
        if (strcmp(err.sqlstate, "EA012") == 0)
            app_status(s->app,
                       _("The notice period runs until %s: it can be closed "
                         "from the day after."),
                       cell(n, sel, "ends_on"));
        else if (strcmp(err.sqlstate, "EA013") == 0)
            app_status(s->app, "%s",
                       _("Objections are still undecided: decide them first."));
        return;
    }
    app_status(s->app, _("Notice closed: %s records are final."),
               dbres_field(r, 0, "final"));
    dbres_free(r);
    reload(s);
}

static enum key_result
notice_key(struct screen *s, const struct key *k)
{
    struct notices *n = s->data;
    int sel = listbase_selected(&n->lb);
    struct screen *next;

    switch (k->action) {
    case ACT_OPEN:
        if (sel < 0)
            return KR_HANDLED;
        if ((next = notice_items_screen_new(s->app, atoll(cell(n, sel, "id")),
                                            cell(n, sel, "title"))) != NULL)
            app_push(s->app, next);
        return KR_REDRAW;
    case ACT_NEW:
        if (!is_supervisor(s->app))
            app_status(s->app, "%s", _("Supervisors open notices."));
        else
            open_notice(s);
        return KR_REDRAW;
    case ACT_PASS:
        if (!is_supervisor(s->app))
            app_status(s->app, "%s",
                       _("only supervisors open and close notices"));
        else if (sel >= 0)
            close_notice(s, sel);
        return KR_REDRAW;
    case ACT_PRINT:
        if (sel >= 0)
            printpdf_notice(s->app, cell(n, sel, "id"));
        return KR_REDRAW;
    default:
        return listbase_key(&n->lb, k);
    }
}

static const enum action notice_actions_list[] = {
    ACT_OPEN,    ACT_PRINT, ACT_NEW,  ACT_PASS,
    ACT_REFRESH, ACT_HELP,  ACT_BACK, ACT_NONE};

static const enum action *
notice_actions(struct screen *s)
{
    (void)s;
    return notice_actions_list;
}

/* Opening and closing a notice are a supervisor's (issue 12: the bar
 * offered them to clerks). */
static bool
notice_available(struct screen *s, enum action a, const char **why)
{
    if (!listbase_available(s, a, why))
        return false;
    if (a == ACT_PRINT && listbase_nrows(s->data) == 0) {
        *why = _("the list has no rows");
        return false;
    }
    if ((a == ACT_NEW || a == ACT_PASS) && !is_supervisor(s->app)) {
        *why = _("only supervisors open and close notices");
        return false;
    }
    return true;
}

static const char *
notice_title(struct screen *s)
{
    (void)s;
    return _("Public notice");
}

/* What F3 and F7 do here. */
static const char *
notice_action_label(struct screen *s, enum action a)
{
    (void)s;
    if (a == ACT_NEW)
        return _("Open a notice");
    if (a == ACT_PASS)
        return _("Close the notice");
    return NULL;
}

static const struct screen_ops notice_ops = {
    .name = "notice",
    .layout = listbase_layout,
    .draw = notice_draw,
    .key = notice_key,
    .resumed = listbase_resumed,
    .actions = notice_actions,
    .available = notice_available,
    .title = notice_title,
    .action_label = notice_action_label,
    .close = listbase_close,
};

static const struct listbase_ops notice_list = {
    .fetch = fetch_rows, .row = notice_row, .shows = notice_shows};

struct screen *
notice_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &notice_ops, sizeof(struct notices));
    struct notices *n;

    if (s == NULL)
        return NULL;
    n = s->data;
    n->columns[0] = (struct lv_column){_("No."), 4, true};
    n->columns[1] = (struct lv_column){_("Notice"), 0, false};
    n->columns[2] = (struct lv_column){_("Period"), 23, false};
    n->columns[3] = (struct lv_column){_("State"), 18, false};
    n->columns[4] = (struct lv_column){_("Lines"), 5, true};
    n->columns[5] = (struct lv_column){_("Undecided"), 9, true};
    /* state and counts as wide as their translated words: the notice's
     * title gets the rest */
    n->columns[3].width = text_utf8_cells(_("open, %d days left"));
    if (n->columns[3].width < text_utf8_cells(_("period over")))
        n->columns[3].width = text_utf8_cells(_("period over"));
    for (int c = 4; c < 6; c++) {
        int w = text_utf8_cells(n->columns[c].title);

        n->columns[c].width = w < 5 ? 5 : w;
    }
    listbase_init(&n->lb, s, &notice_list, n->columns, NCOLS);
    n->lb.lv.empty_text = _("No public notice yet.");
    reload(s);
    return s;
}
