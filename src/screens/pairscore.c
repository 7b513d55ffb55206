/*
 * pairscore.c
 *   年度考核打分: the annual scoring sheet of school pairing (issue 15).
 *   The sheet of a year (eduaid.pair_annual_sheet(): the total and rank of
 *   each pair's approved annual evaluation are the server's), F4 another
 *   year. Supervisors add a criterion of the year (c: a name and its
 *   maximum), open a pair's evaluation with Enter (made first, with its
 *   report and advice, when there is none) and enter a score per
 *   criterion there, and approve with F7 an evaluation another supervisor
 *   entered (eduaid.pair_evaluation_approve: four eyes). Auditors,
 *   inspectors, officers and clerks read the sheet and the scores. Every
 *   refusal (a score above the maximum, EA205, EA206) is shown in the words
 *   of eduaid.message.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "db/pairscore.h"
#include "screens/listbase.h"
#include "screens/screens.h"
#include "screens/session.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define SHEET_COLS 4
#define SCORE_COLS 3

/* The sheet of a year. */
struct pairscore {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[SHEET_COLS];
    int year;
    char total[32];
    enum action acts[10];
};

/* One pair's evaluation: its scores per criterion. */
struct pairscores {
    struct listbase lb; /* first */
    struct lv_column columns[SCORE_COLS];
    int year;
    char township[16], pair[24], evaluation[24];
    char title[128];
    bool approved, may_approve, mine;
    char report[160];
    enum action acts[8];
};

static bool
is_supervisor(struct app *a)
{
    return strcmp(db_role(a->db), "supervisor") == 0;
}

/* ---- one pair's scores --------------------------------------------- */

static bool
scores_fetch(struct screen *s)
{
    struct pairscores *e = s->data;
    struct db_error err;
    struct dbres *res = pairscore_scores(s->app->db, e->township, e->pair,
                                         e->evaluation, e->year, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&e->lb, res);
}

static const char *const scores_shows[SCORE_COLS] = {"name", "score",
                                                     "max_score"};

/* The report's first line and the state of the evaluation. */
static void
scores_draw(struct screen *s)
{
    struct pairscores *e = s->data;
    char line[512];
    double sum = 0;
    int n = listbase_nrows(&e->lb);

    for (int i = 0; i < n; i++)
        sum += atof(cell(e, i, "score"));
    snprintf(line, sizeof(line), _("%d  total %.1f  %s  %s"), e->year, sum,
             e->approved ? _("approved") : _("not approved"), e->title);
    listbase_line(&e->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&e->lb.lv);
    listbase_line(&e->lb, -2, "", UA_NORMAL, DRAW_PAD);
    snprintf(line, sizeof(line), _("Report: %s"), e->report);
    listbase_line(&e->lb, -1, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
}

/* Enter on a criterion: its score. */
static bool
enter_score(struct screen *s, int sel)
{
    struct pairscores *e = s->data;
    struct db_error err;
    char title[256], label[128];
    char *score;
    int rc;

    snprintf(title, sizeof(title), _("Score of %s"), cell(e, sel, "name"));
    snprintf(label, sizeof(label), _("Score (0 to %s)"),
             cell(e, sel, "max_score"));
    score =
        dialog_prompt(s->app, PROMPT_TEXT, title, label, cell(e, sel, "score"));
    if (score == NULL)
        return false;
    rc = pairscore_set_score(s->app->db, e->township, e->pair, e->evaluation,
                             cell(e, sel, "criterion_id"), score, &err);
    free(score);
    if (rc != 0) {
        app_error(s->app, &err);
        return false;
    }
    app_status(s->app, _("Score of %s saved."), cell(e, sel, "name"));
    return true;
}

static const char *
cannot_approve(void)
{
    return _("Only a supervisor approves, and only an evaluation not yet "
             "approved.");
}

static bool
approve(struct app *a, const char *evaluation, const char *title)
{
    struct db_error err;
    char question[256];

    snprintf(question, sizeof(question),
             _("Approve the annual evaluation of %s? Its scores are final "
               "then."),
             title);
    if (!dialog_confirm(a, _("Approve"), question, false))
        return false;
    if (pairscore_approve(a->db, evaluation, &err) != 0) {
        app_error(a, &err);
        return false;
    }
    app_status(a, _("The evaluation of %s is approved."), title);
    return true;
}

static enum key_result
scores_key(struct screen *s, const struct key *k)
{
    struct pairscores *e = s->data;
    int sel = listbase_selected(&e->lb);

    switch (k->action) {
    case ACT_OPEN:
        if (sel < 0)
            return KR_HANDLED;
        if (!is_supervisor(s->app) || e->approved) {
            app_status(s->app, "%s",
                       e->approved ? _("The evaluation is approved: its scores "
                                       "are final.")
                                   : _("Only a supervisor enters scores."));
            return KR_REDRAW;
        }
        if (enter_score(s, sel))
            reload(s);
        return KR_REDRAW;
    case ACT_PASS:
        if (!e->may_approve)
            app_status(s->app, "%s", cannot_approve());
        else if (approve(s->app, e->evaluation, e->title))
            return KR_CLOSE;
        return KR_REDRAW;
    default:
        return listbase_key(&e->lb, k);
    }
}

static const enum action *
scores_actions(struct screen *s)
{
    struct pairscores *e = s->data;
    int n = 0;

    if (is_supervisor(s->app) && !e->approved)
        e->acts[n++] = ACT_OPEN;
    if (e->may_approve)
        e->acts[n++] = ACT_PASS;
    e->acts[n++] = ACT_REFRESH;
    e->acts[n++] = ACT_HELP;
    e->acts[n++] = ACT_BACK;
    e->acts[n] = ACT_NONE;
    return e->acts;
}

static const char *
score_action_label(struct screen *s, enum action a)
{
    (void)s;
    if (a == ACT_OPEN)
        return _("Score");
    if (a == ACT_PASS)
        return _("Approve");
    if (a == ACT_FILTER)
        return _("Assessment year");
    return NULL;
}

static const char *
scores_title(struct screen *s)
{
    (void)s;
    return _("Annual evaluation");
}

static const struct screen_ops scores_ops = {
    .name = "pairscores",
    .layout = listbase_layout,
    .draw = scores_draw,
    .key = scores_key,
    .resumed = listbase_resumed,
    .actions = scores_actions,
    .available = listbase_available,
    .title = scores_title,
    .action_label = score_action_label,
    .close = listbase_close,
};

static const struct listbase_ops scores_list_ops = {.fetch = scores_fetch,
                                                    .shows = scores_shows};

/* The first line of evaluation's report, into e. */
static void
read_report(struct app *a, struct pairscores *e)
{
    struct db_error err;
    struct dbres *r =
        pairscore_evaluation(a->db, e->township, e->evaluation, &err);
    const char *text;

    e->report[0] = '\0';
    if (r == NULL) {
        app_error(a, &err);
        return;
    }
    text = dbres_field(r, 0, "report");
    if (text != NULL)
        snprintf(e->report, sizeof(e->report), "%.*s", (int)strcspn(text, "\n"),
                 text);
    dbres_free(r);
}

static struct screen *
scores_screen_new(struct app *a, struct pairscore *p, int sel)
{
    struct screen *s =
        listbase_screen_new(a, &scores_ops, sizeof(struct pairscores));
    struct pairscores *e;

    if (s == NULL)
        return NULL;
    e = s->data;
    e->year = p->year;
    snprintf(e->township, sizeof(e->township), "%s",
             cell(p, sel, "township_id"));
    snprintf(e->pair, sizeof(e->pair), "%s", cell(p, sel, "pair_id"));
    snprintf(e->evaluation, sizeof(e->evaluation), "%s",
             cell(p, sel, "evaluation_id"));
    snprintf(e->title, sizeof(e->title), "%s", cell(p, sel, "title"));
    e->approved = strcmp(cell(p, sel, "approved"), "t") == 0;
    e->may_approve = strcmp(cell(p, sel, "may_approve"), "t") == 0;
    e->mine = strcmp(cell(p, sel, "mine"), "t") == 0;
    read_report(a, e);
    e->columns[0] = (struct lv_column){_("Criterion"), 0, false};
    e->columns[1] = (struct lv_column){_("Score"), 8, true};
    e->columns[2] = (struct lv_column){_("Max score"), 8, true};
    listbase_init(&e->lb, s, &scores_list_ops, e->columns, SCORE_COLS);
    e->lb.below = 2;
    e->lb.lv.empty_text = _("No criterion for this year: add one on the "
                            "sheet (c).");
    reload(s);
    return s;
}

/* ---- the sheet ----------------------------------------------------- */

static bool
sheet_fetch(struct screen *s)
{
    struct pairscore *p = s->data;
    struct db_error err;
    struct dbres *res = pairscore_sheet(s->app->db, p->year, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&p->lb, res);
}

static const char *const sheet_shows[SHEET_COLS] = {"rank", "title", NULL,
                                                    "max_total"};

static bool
sheet_row(struct screen *s, int i, const char **cells, struct lv_row *row)
{
    struct pairscore *p = s->data;

    if (strcmp(cell(p, i, "approved"), "t") == 0) {
        snprintf(p->total, sizeof(p->total), "%s", cell(p, i, "total"));
        row->status = _("Approved");
        row->status_attr = UA_ST_APPROVED;
    } else if (cell(p, i, "evaluation_id")[0] != '\0') {
        /* not final: in brackets, never ranked (only supervisors and the
         * auditor read an unapproved evaluation: 38_policies.sql) */
        snprintf(p->total, sizeof(p->total), "(%s)",
                 cell(p, i, "entered_total")[0] != '\0'
                     ? cell(p, i, "entered_total")
                     : "0");
        row->status = _("Unapproved");
        row->status_attr = UA_ST_SUBMITTED;
    } else {
        p->total[0] = '\0';
        row->status = _("None");
        row->status_attr = UA_ST_DRAFT;
    }
    cells[2] = p->total;
    return true;
}

static void
sheet_draw(struct screen *s)
{
    struct pairscore *p = s->data;
    int sel = listbase_selected(&p->lb);
    char line[512];

    snprintf(line, sizeof(line),
             _("Annual assessment %d: ranked by approved totals (equal "
               "totals share a rank)"),
             p->year);
    listbase_line(&p->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&p->lb.lv);
    listbase_line(&p->lb, -2, "", UA_NORMAL, DRAW_PAD);
    listbase_line(&p->lb, -1, "", UA_NORMAL, DRAW_PAD);
    if (sel < 0)
        return;
    if (cell(p, sel, "evaluation_id")[0] == '\0')
        snprintf(line, sizeof(line), "%s",
                 is_supervisor(s->app)
                     ? _("No annual evaluation yet: Enter makes it.")
                     : _("No approved annual evaluation yet."));
    else if (strcmp(cell(p, sel, "approved"), "t") == 0)
        snprintf(line, sizeof(line), _("Entered by %s; approved."),
                 cell(p, sel, "entered_by"));
    else if (strcmp(cell(p, sel, "mine"), "t") == 0)
        snprintf(line, sizeof(line), "%s",
                 _("Entered by you; another supervisor approves it."));
    else if (strcmp(cell(p, sel, "may_approve"), "t") == 0)
        snprintf(line, sizeof(line), _("Entered by %s; you may approve it."),
                 cell(p, sel, "entered_by"));
    else
        snprintf(line, sizeof(line),
                 _("Entered by %s; another supervisor approves it."),
                 cell(p, sel, "entered_by"));
    listbase_line(&p->lb, -1, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
}

/* F4: another year. */
static bool
choose_year(struct screen *s)
{
    struct pairscore *p = s->data;
    char now[8], *text;
    int y;

    snprintf(now, sizeof(now), "%d", p->year);
    text = dialog_prompt(s->app, PROMPT_TEXT, _("Annual assessment"),
                         _("Assessment year"), now);
    if (text == NULL)
        return false;
    y = atoi(text);
    free(text);
    if (y < 2014 || y > 2038) {
        app_status_error(s->app, "%s", _("A year from 2014 to 2038."));
        return false;
    }
    p->year = y;
    return true;
}

/* c: a criterion of the year. */
static bool
add_criterion(struct screen *s)
{
    struct pairscore *p = s->data;
    struct db_error err;
    char title[128];
    char *name, *max = NULL;
    int rc = -1;

    snprintf(title, sizeof(title), _("A criterion of %d"), p->year);
    name = dialog_prompt(s->app, PROMPT_TEXT, title, _("Criterion name"), NULL);
    if (name == NULL)
        return false;
    max = dialog_prompt(s->app, PROMPT_TEXT, title, _("Maximum score"), NULL);
    if (max != NULL)
        rc = pairscore_add_criterion(s->app->db, p->year, name, max, &err);
    if (max != NULL && rc != 0)
        app_error(s->app, &err);
    else if (max != NULL)
        app_status(s->app, _("Criterion %s added."), name);
    free(name);
    free(max);
    return rc == 0;
}

/* Enter on a pair with no evaluation: make it (a supervisor). */
static bool
create_evaluation(struct screen *s, int sel)
{
    struct pairscore *p = s->data;
    struct db_error err;
    char title[256];
    char *report, *advice = NULL, *id = NULL;

    snprintf(title, sizeof(title), _("Annual evaluation of %s"),
             cell(p, sel, "title"));
    report =
        dialog_prompt(s->app, PROMPT_TEXT, title, _("Evaluation report"), NULL);
    if (report != NULL)
        advice = dialog_prompt(s->app, PROMPT_TEXT, title,
                               _("Advice (may be empty)"), NULL);
    if (report != NULL && advice != NULL)
        id = pairscore_create(s->app->db, cell(p, sel, "township_id"),
                              cell(p, sel, "pair_id"), p->year, report, advice,
                              &err);
    if (report != NULL && advice != NULL && id == NULL)
        app_error(s->app, &err);
    free(report);
    free(advice);
    free(id);
    return id != NULL;
}

static void
open_pair(struct screen *s, int sel)
{
    struct pairscore *p = s->data;
    struct screen *e;

    if (cell(p, sel, "evaluation_id")[0] == '\0') {
        if (!is_supervisor(s->app)) {
            app_status(s->app, "%s", _("No approved annual evaluation yet."));
            return;
        }
        if (!create_evaluation(s, sel))
            return;
        reload(s); /* the row now has its evaluation */
        sel = listbase_selected(&p->lb);
        if (sel < 0 || cell(p, sel, "evaluation_id")[0] == '\0')
            return;
    }
    e = scores_screen_new(s->app, p, sel);
    if (e == NULL) {
        app_status_error(s->app, "%s", _("Out of memory."));
        return;
    }
    app_push(s->app, e);
}

static enum key_result
sheet_key(struct screen *s, const struct key *k)
{
    struct pairscore *p = s->data;
    int sel = listbase_selected(&p->lb);

    switch (k->action) {
    case ACT_OPEN:
        if (sel >= 0)
            open_pair(s, sel);
        return KR_REDRAW;
    case ACT_FILTER:
        if (choose_year(s))
            reload(s);
        return KR_REDRAW;
    case ACT_CRITERION:
        if (is_supervisor(s->app) && add_criterion(s))
            reload(s);
        return KR_REDRAW;
    case ACT_PASS:
        if (sel >= 0 && strcmp(cell(p, sel, "may_approve"), "t") != 0)
            app_status(s->app, "%s", cannot_approve());
        else if (sel >= 0 && approve(s->app, cell(p, sel, "evaluation_id"),
                                     cell(p, sel, "title")))
            reload(s);
        return KR_REDRAW;
    default:
        return listbase_key(&p->lb, k);
    }
}

static const enum action *
sheet_actions(struct screen *s)
{
    struct pairscore *p = s->data;
    int n = 0;

    p->acts[n++] = ACT_OPEN;
    p->acts[n++] = ACT_FILTER;
    if (is_supervisor(s->app)) {
        p->acts[n++] = ACT_CRITERION;
        p->acts[n++] = ACT_PASS;
    }
    p->acts[n++] = ACT_REFRESH;
    p->acts[n++] = ACT_HELP;
    p->acts[n++] = ACT_BACK;
    p->acts[n] = ACT_NONE;
    return p->acts;
}

/* F7 only where the selected evaluation may be approved by me. */
static bool
sheet_available(struct screen *s, enum action a, const char **why)
{
    struct pairscore *p = s->data;
    int sel = listbase_selected(&p->lb);

    if (a == ACT_PASS &&
        (sel < 0 || strcmp(cell(p, sel, "may_approve"), "t") != 0)) {
        *why = _("an evaluation not yet approved");
        return false;
    }
    return listbase_available(s, a, why);
}

static const char *
sheet_action_label(struct screen *s, enum action a)
{
    struct pairscore *p = s->data;
    int sel = listbase_selected(&p->lb);

    if (a == ACT_OPEN)
        return sel >= 0 && cell(p, sel, "evaluation_id")[0] == '\0' &&
                       is_supervisor(s->app)
                   ? _("Evaluate")
                   : _("Scores");
    return score_action_label(s, a);
}

static const char *
sheet_title(struct screen *s)
{
    (void)s;
    return _("Annual scoring sheet");
}

static const struct screen_ops sheet_ops = {
    .name = "pairscore",
    .layout = listbase_layout,
    .draw = sheet_draw,
    .key = sheet_key,
    .resumed = listbase_resumed,
    .actions = sheet_actions,
    .available = sheet_available,
    .title = sheet_title,
    .action_label = sheet_action_label,
    .close = listbase_close,
};

static const struct listbase_ops sheet_list_ops = {
    .fetch = sheet_fetch, .shows = sheet_shows, .row = sheet_row};

struct screen *
pairscore_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &sheet_ops, sizeof(struct pairscore));
    struct pairscore *p;

    if (s == NULL)
        return NULL;
    p = s->data;
    p->year = date_today_yyyymmdd() / 10000;
    p->columns[0] = (struct lv_column){_("Ranking"), 4, true};
    p->columns[1] = (struct lv_column){_("Pair name"), 0, false};
    p->columns[2] = (struct lv_column){_("Total"), 8, true};
    p->columns[3] = (struct lv_column){_("Of"), 6, true};
    listbase_init(&p->lb, s, &sheet_list_ops, p->columns, SHEET_COLS);
    p->lb.lv.status_width = 10;
    p->lb.below = 2;
    p->lb.lv.empty_text = _("No pair is active in this year.");
    reload(s);
    return s;
}
