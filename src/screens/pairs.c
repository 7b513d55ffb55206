/*
 * pairs.c
 *   结对名单 (issue 15): every pair the person sees (one of its sides in
 *   their townships; the county for supervisors, auditors, inspectors),
 *   by title: helping school, how many schools it helps, 一对一 or 大学区,
 *   the kind of help, the cycle (an early end marked), the agreement's
 *   status. Below the list the selected pair in full: its helped schools,
 *   cycle, leads. F4 filters by township; Enter opens the pair's page
 *   (pairpage.c); F3 makes a new pair (pairnew.c), for clerks and
 *   officers.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/pairing.h"
#include "screens/listbase.h"
#include "screens/pairs.h"
#include "screens/screens.h"
#include "screens/status.h"
#include "ui/draw.h"

#define NCOLS 7
#define DETAIL_LINES 3

struct pairs {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    char count[16], cycle[48], agreement[32];
    int township;
    char township_name[64];
    bool writer;
};

static bool
fetch_rows(struct screen *s)
{
    struct pairs *p = s->data;
    struct db_error err;
    char t[16];
    struct dbres *res;

    snprintf(t, sizeof(t), "%d", p->township);
    if ((res = pairs_list(s->app->db, t, &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&p->lb, res);
}

const char *
pair_form_label(const char *form)
{
    return strcmp(form, "district") == 0 ? _("district") : _("one-to-one");
}

const char *
pair_kind_label(const char *kind)
{
    return strcmp(kind, "city_county") == 0 ? _("city-county")
                                            : _("town-village");
}

const char *
pair_agreement_label(const char *status)
{
    return status[0] != '\0' ? status_marker(status) : _("none");
}

/* "2025–2028", or "2025–2027*" for a pair ended early. */
static void
cycle_years(struct pairs *p, int i)
{
    const char *ended = cell(p, i, "ended_on");

    snprintf(p->cycle, sizeof(p->cycle), "%.4s\xe2\x80\x93%.4s%s",
             cell(p, i, "cycle_start"),
             ended[0] ? ended : cell(p, i, "cycle_end"), ended[0] ? "*" : "");
}

static const char *const pairs_shows[NCOLS] = {"title", "helping", NULL, NULL,
                                               NULL,    NULL,      NULL};

static bool
pairs_row(struct screen *s, int i, const char **cells, struct lv_row *row)
{
    struct pairs *p = s->data;

    (void)row;
    snprintf(p->count, sizeof(p->count), "%s", cell(p, i, "helped_count"));
    cycle_years(p, i);
    snprintf(p->agreement, sizeof(p->agreement), "%s",
             pair_agreement_label(cell(p, i, "agreement")));
    cells[2] = p->count;
    cells[3] = pair_form_label(cell(p, i, "form"));
    cells[4] = pair_kind_label(cell(p, i, "help_kind"));
    cells[5] = p->cycle;
    cells[6] = p->agreement;
    return true;
}

static void
draw_detail(struct pairs *p, int sel)
{
    char line[1024];
    const char *ended;

    if (sel < 0)
        return;
    snprintf(line, sizeof(line), _("Helps: %s"), cell(p, sel, "helped"));
    listbase_line(&p->lb, -3, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
    ended = cell(p, sel, "ended_on");
    if (ended[0])
        snprintf(line, sizeof(line), _("Cycle %s to %s, ended early %s: %s"),
                 cell(p, sel, "cycle_start"), cell(p, sel, "cycle_end"), ended,
                 cell(p, sel, "end_reason"));
    else
        snprintf(line, sizeof(line), _("Cycle %s to %s; home township %s"),
                 cell(p, sel, "cycle_start"), cell(p, sel, "cycle_end"),
                 cell(p, sel, "township"));
    listbase_line(&p->lb, -2, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
    snprintf(line, sizeof(line),
             _("Leads: %s (%s, helping) \xc2\xb7 %s (helped)"),
             cell(p, sel, "helping_lead"), cell(p, sel, "helping_township"),
             cell(p, sel, "helped_lead"));
    listbase_line(&p->lb, -1, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
}

static void
pairs_draw(struct screen *s)
{
    struct pairs *p = s->data;
    char line[256];

    snprintf(line, sizeof(line), _("%d pairs \xc2\xb7 township: %s"),
             listbase_nrows(&p->lb),
             p->township_name[0] ? p->township_name : _("all"));
    listbase_line(&p->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&p->lb.lv);
    draw_detail(p, listbase_selected(&p->lb));
}

static void
filter_choices(struct screen *s, struct listbase_filter *f)
{
    (void)s;
    listbase_filter_add_townships(f);
}

static void
filter_chosen(struct screen *s, const struct listbase_filter *f, const char *v)
{
    struct pairs *p = s->data;

    listbase_filter_township(f, v, &p->township, p->township_name,
                             sizeof(p->township_name));
}

static enum key_result
pairs_key(struct screen *s, const struct key *k)
{
    struct pairs *p = s->data;
    int sel = listbase_selected(&p->lb);
    struct screen *next;

    switch (k->action) {
    case ACT_OPEN:
        if (sel < 0)
            return KR_HANDLED;
        if ((next = pairpage_screen_new(s->app, cell(p, sel, "township_id"),
                                        cell(p, sel, "id"))) == NULL)
            app_status(s->app, "%s", _("out of memory"));
        else
            app_push(s->app, next);
        return KR_REDRAW;
    case ACT_NEW:
        if (!p->writer)
            return KR_HANDLED;
        if (pair_new_dialog(s->app))
            reload(s);
        return KR_REDRAW;
    default:
        return listbase_key(&p->lb, k);
    }
}

static const enum action writer_actions[] = {
    ACT_OPEN, ACT_NEW, ACT_FILTER, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};
static const enum action reader_actions[] = {ACT_OPEN, ACT_FILTER, ACT_REFRESH,
                                             ACT_HELP, ACT_BACK,   ACT_NONE};

static const enum action *
pairs_actions(struct screen *s)
{
    struct pairs *p = s->data;

    return p->writer ? writer_actions : reader_actions;
}

static const char *
pairs_title(struct screen *s)
{
    (void)s;
    return _("Pairs");
}

static const struct screen_ops pairs_ops = {
    .name = "pairs",
    .layout = listbase_layout,
    .draw = pairs_draw,
    .key = pairs_key,
    .resumed = listbase_resumed,
    .actions = pairs_actions,
    .available = listbase_available,
    .title = pairs_title,
    .close = listbase_close,
};

static const struct listbase_ops pairs_list_ops = {
    .fetch = fetch_rows,
    .shows = pairs_shows,
    .row = pairs_row,
    .filter_choices = filter_choices,
    .filter_chosen = filter_chosen,
};

struct screen *
pairs_screen_new(struct app *a)
{
    struct screen *s = listbase_screen_new(a, &pairs_ops, sizeof(struct pairs));
    struct pairs *p;

    if (s == NULL)
        return NULL;
    p = s->data;
    p->writer = strcmp(db_role(a->db), "clerk") == 0 ||
                strcmp(db_role(a->db), "officer") == 0;
    p->columns[0] = (struct lv_column){_("Pair"), 0, false};
    p->columns[1] = (struct lv_column){_("Helping school"), 14, false};
    p->columns[2] = (struct lv_column){_("Helps"), 4, true};
    p->columns[3] = (struct lv_column){_("Form"), 6, false};
    p->columns[4] = (struct lv_column){_("Kind"), 8, false};
    p->columns[5] = (struct lv_column){_("Cycle"), 10, false};
    p->columns[6] = (struct lv_column){_("Agreement"), 6, false};
    listbase_init(&p->lb, s, &pairs_list_ops, p->columns, NCOLS);
    p->lb.below = DETAIL_LINES;
    p->lb.lv.empty_text = _("No pair you can see.");
    reload(s);
    return s;
}
