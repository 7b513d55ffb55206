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
 *   history. Every rule is the server's (sql/013_notice.sql).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "screens/listbase.h"
#include "screens/screens.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/keys.h"

#define NCOLS 7

/* Columns of the result. */
enum {
    I_ID,
    I_LINE,
    I_TOWNSHIP,
    I_NAME,
    I_PROGRAM,
    I_AMOUNT,
    I_MASKED,
    I_HASH,
    I_KIND,
    I_RECORD,
    I_STATUS,
    I_PENDING,
    I_UPHELD,
    I_DISMISSED,
    I_LATEST
};

static const char items_sql[] =
    "SELECT i.id, i.line_no, t.name, i.name, i.program,"
    "       to_char(i.amount, 'FM999,999,999,990.00'), i.masked_id,"
    "       left(i.record_hash, 16), i.kind, i.record_id,"
    "       coalesce(h.status, f.status),"
    "       count(o.id) FILTER (WHERE o.decision = 'pending'),"
    "       count(o.id) FILTER (WHERE o.decision = 'upheld'),"
    "       count(o.id) FILTER (WHERE o.decision = 'dismissed'),"
    "       (array_agg(o.content ORDER BY o.id DESC))[1]"
    "  FROM eduaid.notice_item i"
    "  JOIN eduaid.township t ON t.id = i.township_id"
    "  LEFT JOIN eduaid.household h ON i.kind = 'household'"
    "       AND h.township_id = i.township_id AND h.id = i.record_id"
    "  LEFT JOIN eduaid.teacher_fund_application f ON i.kind = 'teacher_fund'"
    "       AND f.township_id = i.township_id AND f.id = i.record_id"
    "  LEFT JOIN eduaid.notice_objection o"
    "       ON o.township_id = i.township_id AND o.item_id = i.id"
    " WHERE i.notice_id = $1::bigint"
    " GROUP BY i.township_id, i.id, t.name, h.status, f.status"
    " ORDER BY i.line_no";

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
    const char *params[1] = {it->id};
    struct db_error err;
    struct dbres *res;

    if ((res = db_exec(s->app->db, items_sql, 1, params, &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&it->lb, res);
}

/* "1 undecided", "upheld", "dismissed", or "". */
static const char *
objection_text(struct items *it, int i)
{
    int pending = atoi(cell(it, i, I_PENDING));

    if (pending > 0) {
        snprintf(it->objections, sizeof(it->objections), _("%d undecided"),
                 pending);
        return it->objections;
    }
    if (atoi(cell(it, i, I_UPHELD)) > 0)
        return _("upheld");
    if (atoi(cell(it, i, I_DISMISSED)) > 0)
        return _("dismissed");
    return "";
}

static const int items_shows[NCOLS] = {I_LINE,   I_TOWNSHIP, I_NAME, I_PROGRAM,
                                       I_AMOUNT, I_MASKED,   -1};

static bool
items_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    struct items *it = s->data;

    cells[6] = objection_text(it, index);
    row->status = status_marker(cell(it, index, I_STATUS));
    row->status_attr = status_attr(cell(it, index, I_STATUS));
    if (atoi(cell(it, index, I_PENDING)) > 0)
        row->attr = UA_ERROR;
    return true;
}

static int
widest(int w, const char *s)
{
    int c = text_utf8_cells(s);

    return c > w ? c : w;
}

/* Widths from the translated words: the state marker, the township, the
 * objection cell; the name gets what is left, at least 8 cells when the
 * program column can give them (the line below shows the line in full). */
static void
items_fit(struct items *it, int cols)
{
    static const char *const states[] = {"in_notice", "final", "rejected",
                                         "approved"};
    int w = 0, name;

    for (size_t i = 0; i < sizeof(states) / sizeof(states[0]); i++)
        w = widest(w, status_marker(states[i]));
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
        if (cell(it, sel, I_LATEST)[0] != '\0')
            snprintf(line, sizeof(line), _("Hash %s · objection: %s"),
                     cell(it, sel, I_HASH), cell(it, sel, I_LATEST));
        else
            snprintf(line, sizeof(line), _("Hash %s · no objection"),
                     cell(it, sel, I_HASH));
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
        const char *params[3] = {cell(it, sel, I_ID), content, objector};

        if (db_command(s->app->db,
                       "SELECT eduaid.record_objection($1::bigint, $2, $3)", 3,
                       params, &err) != 0)
            app_error(s->app, &err);
        else {
            app_status(s->app, _("Objection recorded against line %s."),
                       cell(it, sel, I_LINE));
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
        p->items[i] = (struct pick_item){dbres_get(p->rows, i, 0),
                                         dbres_get(p->rows, i, 1),
                                         dbres_get(p->rows, i, 2)};
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
    const char *params[1] = {cell(it, sel, I_ID)};
    struct objection_pick p = {0};
    struct db_error err;
    char *id = NULL;

    p.rows = db_exec(s->app->db,
                     "SELECT o.id, o.content, coalesce(o.objector, '')"
                     "  FROM eduaid.notice_objection o"
                     " WHERE o.item_id = $1::bigint AND o.decision = 'pending'"
                     " ORDER BY o.id LIMIT 32",
                     1, params, &err);
    if (p.rows == NULL) {
        app_error(s->app, &err);
        return NULL;
    }
    if (p.rows->nrows == 0)
        app_status(s->app, "%s", _("No undecided objection on this line."));
    else if (p.rows->nrows == 1)
        id = strdup(dbres_get(p.rows, 0, 0));
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
        const char *params[3] = {id, decision, note};

        if (db_command(s->app->db,
                       "SELECT eduaid.decide_objection($1::bigint, $2, $3)", 3,
                       params, &err) != 0)
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
        sel >= 0 ? app_form(s->app, cell(it, sel, I_KIND)) : NULL;
    struct screen *next;

    switch (k->action) {
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
                ? form_screen_new(s->app, f, atoll(cell(it, sel, I_RECORD)))
                : history_screen_new(s->app, f, atoll(cell(it, sel, I_RECORD)));
        if (next != NULL)
            app_push(s->app, next);
        return KR_REDRAW;
    default:
        return listbase_key(&it->lb, k);
    }
}

static const enum action items_actions_list[] = {
    ACT_NEW,     ACT_PASS, ACT_OPEN, ACT_HISTORY,
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
