/*
 * pairpage.c
 *   One pair's page (issue 15): the header (title, agreement, the helping
 *   school and its helped schools, the cycle and an early end, the
 *   responsible people) and five sections, Tab and Shift-Tab moving
 *   between them: the plan (定向定时定人定量 targets, annual plans and
 *   summaries), activities, monthly reports, quarterly records (summary,
 *   liaison meeting, forum), and the checks (inspections with their
 *   rectification notices and the responses). Under the list the selected
 *   row in full. F3 adds a row to the section in the editor of
 *   pairedit.c: clerks and officers the pair's work and a response to the
 *   selected notice, the inspector an inspection; F6 the inspector's
 *   rectification notice on the selected inspection. The server decides
 *   who may (the home township writes, the inspector inspects): a refused
 *   write says why in the words of eduaid.message.
 *   Issue 15 H6: Enter opens the selected row in the editor, filled in
 *   (saved with its version: a row changed by someone else since is
 *   refused in words); F6 adds a helped school to a 大学区; the early end,
 *   four eyes: the header's fifth line says where it stands (asked: day,
 *   reason, who; turned down: why, by whom; ended: day, reason, approved
 *   by), F10 lets the home township ask (day, reason), F7 and F11 let a
 *   supervisor other than the asker approve or turn it down (a reason).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/pairing.h"
#include "screens/listbase.h"
#include "screens/pairs.h"
#include "screens/screens.h"
#include "screens/session.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/listview.h"

#define HEAD_LINES 4 /* title, sides, cycle and leads, the sections; */
/* and a fifth above the sections while an early end is asked, turned
 * down or approved (head_lines) */
#define DETAIL_LINES 2
#define MAXC 6

struct section {
    const char *name; /* N_() */
    struct lv_column columns[MAXC];
    int ncolumns;
};

static struct section sections[PS_COUNT] = {
    [PS_TARGETS] = {N_("Plan"),
                    {{N_("Year"), 4, false},
                     {N_("Kind"), 8, false},
                     {N_("What"), 0, false},
                     {N_("By"), 10, false},
                     {N_("Who"), 8, false},
                     {N_("How much"), 10, false}},
                    6},
    [PS_ACTIVITIES] = {N_("Activities"),
                       {{N_("Date"), 10, false},
                        {N_("Kind"), 12, false},
                        {N_("Place"), 10, false},
                        {N_("What was done"), 0, false}},
                       4},
    [PS_MONTHLY] = {N_("Monthly"),
                    {{N_("Month"), 7, false},
                     {N_("Report"), 0, false},
                     {N_("Entered"), 10, false}},
                    3},
    [PS_QUARTERLY] = {N_("Quarterly"),
                      {{N_("Quarter"), 7, false},
                       {N_("Kind"), 10, false},
                       {N_("Date"), 10, false},
                       {N_("Content"), 0, false}},
                      4},
    [PS_CHECKS] = {N_("Inspections"),
                   {{N_("Date"), 10, false},
                    {N_("Verdict"), 8, false},
                    {N_("Findings"), 0, false},
                    {N_("Deadline"), 10, false},
                    {N_("Response"), 10, false}},
                   5},
};

struct pairpage {
    struct listview lv;
    struct lv_column columns[MAXC]; /* the section's, translated */
    const char *cells[MAXC];
    char buf[MAXC][PAIRPAGE_CELL];
    char township[16], pair[24];
    struct dbres *head;           /* pair_get's row */
    struct dbres *rows[PS_COUNT]; /* each section's, read when shown */
    enum pair_section sec;
    bool writer, inspector, supervisor;
    bool home;   /* a writer of the pair's home township */
    char me[64]; /* the login */
    int top, rows_n, cols;
};

static const char *
h(const struct pairpage *p, const char *col)
{
    return listbase_text(p->head, 0, col);
}

static const char *
c(const struct pairpage *p, int i, const char *col)
{
    return listbase_text(p->rows[p->sec], i, col);
}

/* ---- reading ------------------------------------------------------------ */

/* The header's lines: a fifth while an early end stands (end_state). */
static int
head_lines(const struct pairpage *p)
{
    return HEAD_LINES +
           (p->head != NULL && p->head->nrows == 1 &&
                    (h(p, "ended_on")[0] || h(p, "end_requested_on")[0] ||
                     h(p, "end_refusal")[0])
                ? 1
                : 0);
}

/* The list under the header (once laid out). */
static void
relayout(struct pairpage *p)
{
    int hl = head_lines(p);

    if (p->cols > 0)
        listview_layout(&p->lv, p->top + hl, 1, p->rows_n - hl - DETAIL_LINES,
                        p->cols - 2);
}

static void
load_head(struct screen *s)
{
    struct pairpage *p = s->data;
    struct db_error err;
    struct dbres *r;

    if ((r = pair_get(s->app->db, p->township, p->pair, &err)) == NULL) {
        app_error(s->app, &err);
        return;
    }
    dbres_free(p->head);
    p->head = r;
    relayout(p);
}

/* The section's rows (and the header when head). */
static void
load(struct screen *s, bool head)
{
    struct pairpage *p = s->data;
    struct db_error err;
    struct dbres *r;

    if (head)
        load_head(s);
    if ((r = pair_rows(s->app->db, p->sec, p->township, p->pair, &err)) ==
        NULL) {
        app_error(s->app, &err);
        return;
    }
    dbres_free(p->rows[p->sec]);
    p->rows[p->sec] = r;
    listview_set_rows(&p->lv, r->nrows, false);
}

static void
show_section(struct screen *s, enum pair_section sec)
{
    struct pairpage *p = s->data;
    const struct section *d = &sections[sec];

    p->sec = sec;
    for (int i = 0; i < d->ncolumns; i++) {
        p->columns[i] = d->columns[i];
        p->columns[i].title = _(d->columns[i].title);
    }
    p->lv.ncolumns = d->ncolumns;
    listview_reset(&p->lv);
    load(s, false);
}

/* ---- the rows -------------------------------------------------------------
 */

static bool
page_row(void *arg, int index, struct lv_row *row)
{
    struct pairpage *p = ((struct screen *)arg)->data;

    if (p->rows[p->sec] == NULL || index < 0 || index >= p->rows[p->sec]->nrows)
        return false;
    memset(p->cells, 0, sizeof(p->cells));
    pairpage_cells(p->sec, p->rows[p->sec], index, p->cells, p->buf,
                   sizeof(p->buf[0]));
    row->cells = p->cells;
    return true;
}

/* ---- drawing ----------------------------------------------------------------
 */

static void
line(struct pairpage *p, int y, const char *text, enum ui_attr attr)
{
    draw_str(stdscr, y, 1, p->cols - 2, text, attr, DRAW_PAD | DRAW_MARK_CUT);
}

/* Where the early end stands, into text ("" when never asked). */
static void
end_state(const struct pairpage *p, char *text, size_t size)
{
    text[0] = '\0';
    if (h(p, "ended_on")[0])
        snprintf(text, size, _("Ended early %s, approved by %s: %s"),
                 h(p, "ended_on"), h(p, "end_approved_by"), h(p, "end_reason"));
    else if (h(p, "end_requested_on")[0])
        snprintf(text, size,
                 _("Early end %s asked by %s, awaiting approval: %s"),
                 h(p, "end_requested_on"), h(p, "end_requested_by"),
                 h(p, "end_request_reason"));
    else if (h(p, "end_refusal")[0])
        snprintf(text, size, _("Early end turned down by %s: %s"),
                 h(p, "end_refused_by"), h(p, "end_refusal"));
}

static void
draw_head(struct pairpage *p)
{
    char text[1024];
    const char *ended = h(p, "ended_on");
    int x = 1, y;

    snprintf(text, sizeof(text), "%s \xc2\xb7 %s \xc2\xb7 %s \xc2\xb7 %s %s",
             h(p, "title"), pair_word(PW_FORM, h(p, "form")),
             pair_word(PW_KIND, h(p, "help_kind")), _("agreement:"),
             pair_agreement_label(h(p, "agreement")));
    line(p, p->top, text, UA_HEADER);
    snprintf(text, sizeof(text), _("%s (%s) helps %s"), h(p, "helping"),
             h(p, "helping_township"), h(p, "helped"));
    line(p, p->top + 1, text, UA_NORMAL);
    if (ended[0])
        snprintf(text, sizeof(text),
                 _("Cycle %s to %s, ended early %s \xc2\xb7 leads %s / %s"),
                 h(p, "cycle_start"), h(p, "cycle_end"), ended,
                 h(p, "helping_lead"), h(p, "helped_lead"));
    else
        snprintf(text, sizeof(text), _("Cycle %s to %s \xc2\xb7 leads %s / %s"),
                 h(p, "cycle_start"), h(p, "cycle_end"), h(p, "helping_lead"),
                 h(p, "helped_lead"));
    line(p, p->top + 2, text, UA_NORMAL);
    end_state(p, text, sizeof(text));
    if (text[0])
        line(p, p->top + 3, text,
             ended[0] || h(p, "end_refusal")[0] == '\0' ? UA_NORMAL : UA_ERROR);
    y = p->top + head_lines(p) - 1;
    move(y, 0);
    clrtoeol();
    for (int i = 0; i < PS_COUNT && x < p->cols - 2; i++) {
        snprintf(text, sizeof(text), " %s ", _(sections[i].name));
        x += draw_str(stdscr, y, x, p->cols - 1 - x, text,
                      i == (int)p->sec ? UA_SELECTED : UA_LABEL, 0);
        x++;
    }
}

/* The selected row in full under the list. */
static void
draw_detail(struct pairpage *p)
{
    int y = p->top + p->rows_n - DETAIL_LINES;
    char text[2048] = "", more[1024] = "";

    pairpage_detail(p->sec, p->rows[p->sec], listview_selected(&p->lv), text,
                    sizeof(text), more, sizeof(more));
    line(p, y, text, UA_NORMAL);
    line(p, y + 1, more, UA_NORMAL);
}

static void
page_layout(struct screen *s, int top, int rows, int cols)
{
    struct pairpage *p = s->data;

    p->top = top;
    p->rows_n = rows;
    p->cols = cols;
    relayout(p);
}

static void
page_draw(struct screen *s)
{
    struct pairpage *p = s->data;

    draw_head(p);
    listview_draw(&p->lv);
    draw_detail(p);
}

/* ---- adding ----------------------------------------------------------------
 */

/* What F3 adds here for this person, or PR_COUNT for nothing. */
static enum pair_row
new_kind(const struct pairpage *p)
{
    static const enum pair_row writes[PS_COUNT] = {
        [PS_TARGETS] = PR_TARGET,
        [PS_ACTIVITIES] = PR_ACTIVITY,
        [PS_MONTHLY] = PR_MONTHLY,
        [PS_QUARTERLY] = PR_QUARTERLY,
        [PS_CHECKS] = PR_RESPONSE};

    if (p->inspector)
        return p->sec == PS_CHECKS ? PR_INSPECTION : PR_COUNT;
    return p->writer && p->home ? writes[p->sec] : PR_COUNT; /* H6: home only */
}

static void
add_row(struct screen *s, enum pair_row k)
{
    struct pairpage *p = s->data;
    int sel = listview_selected(&p->lv);
    char shown[256] = "";
    const char *fixed = NULL;
    struct screen *next;

    if (k == PR_RESPONSE || k == PR_RECTIFICATION) {
        fixed = sel < 0            ? ""
                : k == PR_RESPONSE ? c(p, sel, "rectification_id")
                                   : c(p, sel, "inspection_id");
        if (fixed[0] == '\0') {
            app_status(s->app, "%s",
                       k == PR_RESPONSE
                           ? _("Select a rectification notice first.")
                           : _("Select an inspection first."));
            return;
        }
        snprintf(shown, sizeof(shown), "%s %s",
                 k == PR_RESPONSE ? c(p, sel, "issued_on")
                                  : c(p, sel, "inspected_on"),
                 k == PR_RESPONSE ? c(p, sel, "demands")
                                  : c(p, sel, "findings"));
    }
    if ((next = pair_row_screen(s->app, k, p->township, p->pair, fixed,
                                shown)) == NULL)
        app_status(s->app, "%s", _("out of memory"));
    else
        app_push(s->app, next);
}

/* ---- changing a row (issue 15 H6) -------------------------------------
 */

/* What the selected row is changed as, or PR_COUNT when it is not (the
 * home township's writers change the pair's work and a response). */
static enum pair_row
edit_kind(const struct pairpage *p)
{
    static const enum pair_row kinds[PS_COUNT] = {[PS_TARGETS] = PR_TARGET,
                                                  [PS_ACTIVITIES] = PR_ACTIVITY,
                                                  [PS_MONTHLY] = PR_MONTHLY,
                                                  [PS_QUARTERLY] = PR_QUARTERLY,
                                                  [PS_CHECKS] = PR_RESPONSE};
    int sel = listview_selected(&p->lv);

    if (!p->writer || !p->home || sel < 0 ||
        (p->sec == PS_CHECKS && c(p, sel, "response_id")[0] == '\0'))
        return PR_COUNT;
    return kinds[p->sec];
}

static void
edit_row(struct screen *s)
{
    static const char *const cols[PS_COUNT][6] = {
        [PS_TARGETS] = {"kind", "year", "what", "due_on", "who", "quantity"},
        [PS_ACTIVITIES] = {"kind", "held_on", "place", "people", "content"},
        [PS_MONTHLY] = {"month", "content"},
        [PS_QUARTERLY] = {"year", "quarter", "kind", "held_on", "content"},
        [PS_CHECKS] = {"rectification_id", "responded_on", "response"}};
    struct pairpage *p = s->data;
    enum pair_row k = edit_kind(p);
    int sel = listview_selected(&p->lv);
    bool resp = p->sec == PS_CHECKS;
    const char *v[6] = {NULL};
    char shown[256] = "";
    struct screen *next;

    if (k == PR_COUNT)
        return;
    for (int i = 0; i < 6 && cols[p->sec][i] != NULL; i++)
        v[i] = c(p, sel, cols[p->sec][i]);
    if (resp)
        snprintf(shown, sizeof(shown), "%s %s", c(p, sel, "issued_on"),
                 c(p, sel, "demands"));
    if ((next = pair_row_edit_screen(
             s->app, k, p->township, p->pair,
             c(p, sel, resp ? "response_id" : "id"),
             c(p, sel, resp ? "response_version" : "version"), v, shown)) ==
        NULL)
        app_status(s->app, "%s", _("out of memory"));
    else
        app_push(s->app, next);
}

/* ---- the early end, four eyes (issue 15 H6) ---------------------------
 */

enum end_step { END_ASK, END_APPROVE, END_REFUSE };

/* Whether step works for this person on this pair now. */
static bool
end_may(const struct pairpage *p, enum end_step step)
{
    bool ended = h(p, "ended_on")[0] != '\0',
         asked = h(p, "end_requested_on")[0] != '\0';

    if (p->head == NULL || p->head->nrows != 1 || ended)
        return false;
    switch (step) {
    case END_ASK:
        return p->writer && p->home && !asked &&
               strcmp(h(p, "agreement"), "approved") == 0;
    case END_APPROVE:
        return p->supervisor && asked &&
               strcmp(h(p, "end_requested_by"), p->me) != 0;
    case END_REFUSE:
    default:
        return p->supervisor && asked;
    }
}

static void
end_step(struct screen *s, enum end_step step)
{
    struct pairpage *p = s->data;
    struct db_error err;
    char *day = NULL, *reason = NULL;
    int rc = -1;

    if (!end_may(p, step))
        return;
    if (step == END_ASK &&
        ((day = dialog_prompt(s->app, PROMPT_TEXT, _("Ask to end early"),
                              _("End on (YYYY-MM-DD)"), "")) == NULL ||
         (reason = dialog_prompt(s->app, PROMPT_TEXT, _("Ask to end early"),
                                 _("Reason"), "")) == NULL))
        goto out;
    if (step == END_REFUSE &&
        (reason =
             dialog_prompt(s->app, PROMPT_TEXT, _("Turn the early end down"),
                           _("Reason"), "")) == NULL)
        goto out;
    if (step == END_APPROVE &&
        !dialog_confirm(s->app, _("Approve the early end"),
                        _("End this pair on the day asked?"), false))
        goto out;
    rc = step == END_ASK
             ? pair_end_request(s->app->db, p->pair, day, reason, &err)
         : step == END_APPROVE
             ? pair_end_approve(s->app->db, p->pair, &err)
             : pair_end_refuse(s->app->db, p->pair, reason, &err);
    if (rc != 0)
        app_error(s->app, &err);
    else
        app_status(s->app, "%s",
                   step == END_ASK       ? _("Asked; a supervisor decides.")
                   : step == END_APPROVE ? _("Approved: the pair has ended.")
                                         : _("Turned down."));
    load(s, true);
out:
    free(day);
    free(reason);
}

/* ---- keys -------------------------------------------------------------------
 */

/* F6 for a writer of the home township: another helped school of a
 * 大学区 still running. */
static bool
adds_school(const struct pairpage *p)
{
    return p->writer && p->home && p->head != NULL && p->head->nrows == 1 &&
           strcmp(h(p, "form"), "district") == 0 && h(p, "ended_on")[0] == '\0';
}

static enum key_result
page_key(struct screen *s, const struct key *k)
{
    struct pairpage *p = s->data;

    switch (k->action) {
    case ACT_NEXT_FIELD:
        show_section(s, (p->sec + 1) % PS_COUNT);
        return KR_REDRAW;
    case ACT_PREV_FIELD:
        show_section(s, (p->sec + PS_COUNT - 1) % PS_COUNT);
        return KR_REDRAW;
    case ACT_NEW:
        if (new_kind(p) != PR_COUNT)
            add_row(s, new_kind(p));
        return KR_REDRAW;
    case ACT_ADD_ROW:
        if (p->inspector && p->sec == PS_CHECKS)
            add_row(s, PR_RECTIFICATION);
        else if (adds_school(p) && pair_add_members(s->app, p->pair))
            load(s, true);
        return KR_REDRAW;
    case ACT_OPEN:
        edit_row(s);
        return KR_REDRAW;
    case ACT_SUBMIT:
        end_step(s, END_ASK);
        return KR_REDRAW;
    case ACT_PASS:
        end_step(s, END_APPROVE);
        return KR_REDRAW;
    case ACT_REJECT:
        end_step(s, END_REFUSE);
        return KR_REDRAW;
    case ACT_REFRESH:
        load(s, true);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&p->lv, k);
    }
}

static void
page_resumed(struct screen *s, int result)
{
    (void)result;
    load(s, true);
}

static const enum action page_actions_list[] = {
    ACT_OPEN,   ACT_NEXT_FIELD, ACT_NEW,  ACT_ADD_ROW, ACT_SUBMIT, ACT_PASS,
    ACT_REJECT, ACT_REFRESH,    ACT_HELP, ACT_BACK,    ACT_NONE};

static const enum action *
page_actions(struct screen *s)
{
    (void)s;
    return page_actions_list;
}

static bool
page_available(struct screen *s, enum action a, const char **why)
{
    struct pairpage *p = s->data;

    int sel = listview_selected(&p->lv);

    switch (a) {
    case ACT_NEW:
        *why = _("your role adds nothing here");
        if (new_kind(p) == PR_RESPONSE &&
            (sel < 0 || c(p, sel, "rectification_id")[0] == '\0' ||
             c(p, sel, "responded_on")[0] != '\0')) {
            *why = _("select a rectification notice not yet answered");
            return false;
        }
        return new_kind(p) != PR_COUNT;
    case ACT_ADD_ROW:
        *why = _("only the inspector issues rectification notices, on an "
                 "inspection");
        return (p->inspector && p->sec == PS_CHECKS && sel >= 0) ||
               adds_school(p);
    case ACT_OPEN:
        *why = _("the home township changes the pair's rows");
        return edit_kind(p) != PR_COUNT;
    case ACT_SUBMIT:
        *why = _("the home township asks, once the agreement is approved");
        return end_may(p, END_ASK);
    case ACT_PASS:
        *why = _("a supervisor other than the one who asked approves");
        return end_may(p, END_APPROVE);
    case ACT_REJECT:
        *why = _("a supervisor decides on an early end asked for");
        return end_may(p, END_REFUSE);
    default:
        return true;
    }
}

static const char *
page_action_label(struct screen *s, enum action a)
{
    struct pairpage *p = s->data;
    static const char *const adds[PR_COUNT] = {
        [PR_TARGET] = N_("New target"),
        [PR_ACTIVITY] = N_("New activity"),
        [PR_MONTHLY] = N_("New report"),
        [PR_QUARTERLY] = N_("New record"),
        [PR_INSPECTION] = N_("New inspection"),
        [PR_RECTIFICATION] = N_("Rectification notice"),
        [PR_RESPONSE] = N_("Respond")};

    switch (a) {
    case ACT_NEXT_FIELD:
        return _("Section");
    case ACT_NEW:
        return new_kind(p) != PR_COUNT ? _(adds[new_kind(p)]) : NULL;
    case ACT_ADD_ROW:
        return p->inspector ? _(adds[PR_RECTIFICATION]) : _("Add school");
    case ACT_OPEN:
        return _("Change");
    case ACT_SUBMIT:
        return _("End early");
    case ACT_PASS:
        return _("Approve end");
    case ACT_REJECT:
        return _("Turn down");
    default:
        return NULL;
    }
}

static const char *
page_title(struct screen *s)
{
    (void)s;
    return _("Pair");
}

static void
page_close(struct screen *s)
{
    struct pairpage *p = s->data;

    for (int i = 0; i < PS_COUNT; i++)
        dbres_free(p->rows[i]);
    dbres_free(p->head);
    listview_free(&p->lv);
    free(p);
    free(s);
}

static const struct screen_ops page_ops = {
    .name = "pairpage",
    .layout = page_layout,
    .draw = page_draw,
    .key = page_key,
    .resumed = page_resumed,
    .actions = page_actions,
    .available = page_available,
    .action_label = page_action_label,
    .title = page_title,
    .close = page_close,
};

/* Whether township (the pair's home) is one of the writer's. */
static bool
is_home(struct app *a, const char *township)
{
    struct db_error err;
    struct dbres *r = pairing_my_townships(a->db, "", &err);
    bool home = false;

    if (r == NULL) {
        app_error(a, &err);
        return false;
    }
    for (int i = 0; i < r->nrows && !home; i++)
        home = strcmp(listbase_text(r, i, "value"), township) == 0;
    dbres_free(r);
    return home;
}

struct screen *
pairpage_screen_new(struct app *a, const char *township, const char *pair)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct pairpage *p = calloc(1, sizeof(*p));
    const char *role = db_role(a->db);

    if (s == NULL || p == NULL) {
        free(s);
        free(p);
        return NULL;
    }
    *s = (struct screen){.ops = &page_ops, .app = a, .data = p};
    snprintf(p->township, sizeof(p->township), "%s", township);
    snprintf(p->pair, sizeof(p->pair), "%s", pair);
    p->writer = strcmp(role, "clerk") == 0 || strcmp(role, "officer") == 0;
    p->inspector = strcmp(role, "inspector") == 0;
    p->supervisor = strcmp(role, "supervisor") == 0;
    snprintf(p->me, sizeof(p->me), "%s", db_user(a->db));
    p->home = p->writer && is_home(a, township);
    listview_init(&p->lv, p->columns, sections[0].ncolumns, page_row, s);
    p->lv.empty_text = _("Nothing recorded yet.");
    load_head(s);
    show_section(s, PS_TARGETS);
    return s;
}
