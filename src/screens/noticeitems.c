/*
 * noticeitems.c
 *   The lines of one public notice (公示) as published -- township, name,
 *   program, amount, masked ID number, record hash -- with the record's
 *   state now and its objections: "1 undecided", "upheld", "dismissed".
 *   The line below the list shows the selected line's hash and its latest
 *   objection. F3 records an objection received during the period
 *   (officers of the township, supervisors); F7 decides an undecided one
 *   (supervisors, not the one who recorded it): upheld returns the record
 *   to its author, dismissed lets it become final. F12 shows the record's
 *   history. p prints the notice's sheet as a PDF into the exports
 *   folder, as `eduaid notice print N --pdf` does (printpdf.h). Every
 *   rule is the server's (sql/013_notice.sql).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "db/notice.h"
#include "screens/listbase.h"
#include "screens/printpdf.h"
#include "screens/screens.h"
#include "screens/session.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/keys.h"

#define NCOLS 7

struct items {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    char id[24], title[256];
    char objections[64]; /* the cell of the row being drawn */
};

static bool
fetch_rows(struct screen *s)
{
    struct items *it = s->data;
    struct db_error err;
    struct dbres *res;

    if ((res = notices_items(s->app->db, it->id, &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&it->lb, res);
}

/* "1 undecided", "upheld", "dismissed", or "". */
static const char *
objection_text(struct items *it, int i)
{
    int pending = atoi(cell(it, i, "pending"));

    if (pending > 0) {
        snprintf(it->objections, sizeof(it->objections), _("%d undecided"),
                 pending);
        return it->objections;
    }
    if (atoi(cell(it, i, "upheld")) > 0)
        return _("upheld");
    if (atoi(cell(it, i, "dismissed")) > 0)
        return _("dismissed");
    return "";
}

static const char *const items_shows[NCOLS] = {
    "line_no", "township", "name", "program", "amount", "masked_id", NULL};

static bool
items_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct items *it = s->data;

    cells[6] = objection_text(it, index);
    row->status = status_marker(cell(it, index, "status"));
    row->status_attr = status_attr(cell(it, index, "status"));
    if (atoi(cell(it, index, "pending")) > 0)
        row->attr = UA_ERROR;
    return true;
}

static int
widest(int w, const char *s)
{
    int c = text_utf8_cells(s);

    return c > w ? c : w;
}

/* Widths from the translated words: the state marker (the widest word of
 * the workflow's states), the township, the objection cell; the name gets what
 * is left, at least 8 cells when the program column can give them (the line
 * below shows the line in full). */
static void
items_fit(struct items *it, int cols)
{
    int w = 0, name;

    for (size_t i = 0; status_at(i) != NULL; i++)
        w = widest(w, status_marker(status_at(i)));
    it->lb.lv.status_width = w;
    it->columns[1].width = widest(8, it->columns[1].title);
    w = widest(text_utf8_cells(it->columns[6].title), _("upheld"));
    w = widest(w, _("dismissed"));
    it->columns[6].width = widest(w, _("%d undecided"));
    it->columns[3].width = 16;
    name = cols - (it->lb.lv.status_width + 1) - (NCOLS - 1);
    for (int c = 0; c < NCOLS; c++)
        name -= it->columns[c].width;
    while (name < 8 && it->columns[3].width > 8) {
        it->columns[3].width--;
        name++;
    }
}

static void
items_layout(struct screen *s, int top, int rows, int cols)
{
    items_fit(s->data, cols);
    listbase_layout(s, top, rows, cols);
}

static void
items_draw(struct screen *s)
{
    struct items *it = s->data;
    int sel = listbase_selected(&it->lb);
    char line[1024], fnew[32], fpass[32];

    keys_names(ACT_NEW, KEYS_PRIMARY, fnew, sizeof(fnew));
    keys_names(ACT_PASS, KEYS_PRIMARY, fpass, sizeof(fpass));
    snprintf(line, sizeof(line),
             _("%s records an objection to the selected line, %s decides "
               "one."),
             fnew, fpass);
    listbase_line(&it->lb, 0, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&it->lb.lv);
    if (sel >= 0) {
        if (cell(it, sel, "latest")[0] != '\0')
            snprintf(line, sizeof(line), _("Hash %s · objection: %s"),
                     cell(it, sel, "record_hash"), cell(it, sel, "latest"));
        else
            snprintf(line, sizeof(line), _("Hash %s · no objection"),
                     cell(it, sel, "record_hash"));
        listbase_line(&it->lb, -1, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    }
}

/* ----------------------------------------------------------------------
 * objections
 * ---------------------------------------------------------------------- */

static void
record_objection(struct screen *s, int sel)
{
    struct items *it = s->data;
    char *content, *objector = NULL;
    struct db_error err;

    content = dialog_prompt(s->app, PROMPT_TEXT, _("Record an objection"),
                            _("What does the objection say?"), NULL);
    if (content != NULL)
        objector = dialog_prompt(s->app, PROMPT_TEXT, _("Record an objection"),
                                 _("Who raised it (empty: anonymous)?"), NULL);
    if (content != NULL && objector != NULL) {
        if (notices_object(s->app->db, cell(it, sel, "id"), content, objector,
                           &err) != 0)
            app_error(s->app, &err);
        else {
            app_status(s->app, _("Objection recorded against line %s."),
                       cell(it, sel, "line_no"));
            reload(s);
        }
    }
    free(objector);
    free(content);
}

struct objection_pick {
    struct dbres *rows;
    struct pick_item items[32];
};

static int
objection_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct objection_pick *p = arg;

    (void)filter;
    for (int i = 0; i < p->rows->nrows && i < 32; i++)
        p->items[i] = (struct pick_item){dbres_field(p->rows, i, "id"),
                                         dbres_field(p->rows, i, "content"),
                                         dbres_field(p->rows, i, "objector")};
    *items = p->items;
    return p->rows->nrows < 32 ? p->rows->nrows : 32;
}

static int
decision_search(void *arg, const char *filter, const struct pick_item **items)
{
    static struct pick_item decisions[2];

    (void)arg;
    (void)filter;
    decisions[0] = (struct pick_item){"dismissed", _("Dismissed"),
                                      _("the record may become final")};
    decisions[1] = (struct pick_item){"upheld", _("Upheld"),
                                      _("the record goes back to its author")};
    *items = decisions;
    return 2;
}

/* The undecided objection to decide: picked when there are several. */
static char *
choose_objection(struct screen *s, int sel)
{
    struct items *it = s->data;
    struct objection_pick p = {0};
    struct db_error err;
    char *id = NULL;

    p.rows = notices_pending_objections(s->app->db, cell(it, sel, "id"), &err);
    if (p.rows == NULL) {
        app_error(s->app, &err);
        return NULL;
    }
    if (p.rows->nrows == 0)
        app_status(s->app, "%s", _("No undecided objection on this line."));
    else if (p.rows->nrows == 1)
        id = strdup(dbres_field(p.rows, 0, "id"));
    else
        id = dialog_pick(s->app, _("Objection"), NULL, objection_search, &p);
    dbres_free(p.rows);
    return id;
}

static void
decide_objection(struct screen *s, int sel)
{
    char *id = choose_objection(s, sel), *decision = NULL, *note = NULL;
    struct db_error err;

    if (id != NULL)
        decision =
            dialog_pick(s->app, _("Decision"), NULL, decision_search, NULL);
    if (decision != NULL)
        note = dialog_prompt(s->app, PROMPT_REASON, _("Decision"),
                             _("Why (the note goes on record)?"), NULL);
    if (note != NULL) {
        if (notices_decide(s->app->db, id, decision, note, &err) != 0)
            app_error(s->app, &err);
        else {
            app_status(s->app, "%s",
                       strcmp(decision, "upheld") == 0
                           ? _("Objection upheld: the record went back to its "
                               "author.")
                           : _("Objection dismissed."));
            reload(s);
        }
    }
    free(note);
    free(decision);
    free(id);
}

static enum key_result
items_key(struct screen *s, const struct key *k)
{
    struct items *it = s->data;
    int sel = listbase_selected(&it->lb);
    const struct formdef *f =
        sel >= 0 ? app_form(s->app, cell(it, sel, "kind")) : NULL;
    struct screen *next;

    switch (k->action) {
    case ACT_PRINT:
        printpdf_notice(s->app, it->id);
        return KR_REDRAW;
    case ACT_NEW:
    case ACT_PASS:
        if (sel < 0)
            return KR_HANDLED;
        if (k->action == ACT_NEW)
            record_objection(s, sel);
        else
            decide_objection(s, sel);
        return KR_REDRAW;
    case ACT_OPEN:
    case ACT_HISTORY:
        if (f == NULL)
            return KR_HANDLED;
        next =
            k->action == ACT_OPEN
                ? form_screen_new(s->app, f, atoll(cell(it, sel, "record_id")))
                : history_screen_new(s->app, f,
                                     atoll(cell(it, sel, "record_id")));
        if (next != NULL)
            app_push(s->app, next);
        return KR_REDRAW;
    default:
        return listbase_key(&it->lb, k);
    }
}

static const enum action items_actions_list[] = {
    ACT_PRINT,   ACT_NEW,  ACT_PASS, ACT_OPEN, ACT_HISTORY,
    ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};

static const enum action *
items_actions(struct screen *s)
{
    (void)s;
    return items_actions_list;
}

static const char *
items_title(struct screen *s)
{
    struct items *it = s->data;

    return it->title;
}

/* What F3 and F7 do here. */
static const char *
items_action_label(struct screen *s, enum action a)
{
    (void)s;
    if (a == ACT_NEW)
        return _("Record an objection");
    if (a == ACT_PASS)
        return _("Decide an objection");
    return NULL;
}

static const struct screen_ops items_ops = {
    .name = "notice-items",
    .layout = items_layout,
    .draw = items_draw,
    .key = items_key,
    .resumed = listbase_resumed,
    .actions = items_actions,
    .title = items_title,
    .action_label = items_action_label,
    .close = listbase_close,
};

static const struct listbase_ops items_list = {
    .fetch = fetch_rows, .row = items_row, .shows = items_shows};

struct screen *
notice_items_screen_new(struct app *a, long long notice_id, const char *title)
{
    struct screen *s = listbase_screen_new(a, &items_ops, sizeof(struct items));
    struct items *it;

    if (s == NULL)
        return NULL;
    it = s->data;
    snprintf(it->id, sizeof(it->id), "%lld", notice_id);
    snprintf(it->title, sizeof(it->title), "%s", title);
    it->columns[0] = (struct lv_column){_("No."), 4, true};
    it->columns[1] = (struct lv_column){_("Township"), 10, false};
    it->columns[2] = (struct lv_column){_("Name"), 0, false};
    it->columns[3] = (struct lv_column){_("Program"), 16, false};
    it->columns[4] = (struct lv_column){_("Amount"), 10, true};
    it->columns[5] = (struct lv_column){_("ID number"), 18, false};
    it->columns[6] = (struct lv_column){_("Objections"), 11, false};
    listbase_init(&it->lb, s, &items_list, it->columns, NCOLS);
    it->lb.below = 1;
    it->lb.lv.status_width = 10;
    it->lb.lv.empty_text = _("No line of this notice is visible to you.");
    reload(s);
    return s;
}
