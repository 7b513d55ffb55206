/*
 * aid_missing.c
 *   应享未享资助, the working list of a school year (eduaid.aid_missing,
 *   db/aid.h): each program a child's year row is offered and has not
 *   been granted, in every household_year record the person may see,
 *   whatever its state, with the standard amount. It opens at the
 *   server's current school year (or the year and township the subsidy
 *   report's missing list was showing); F4 changes the year, the
 *   township and the state of the records shown (草稿: what can be granted
 *   in now). Space marks a line, * marks all; F7 grants the marked lines
 *   (or the selected one) at their standard amounts in one step
 *   (eduaid.grant_standard) and says how many were granted and, per
 *   refusal, why; Enter opens the line's year record in its form, to check
 *   it and submit it (F10). Keyset pages of PAGE_ROWS lines.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/textbuf.h"
#include "db/aid.h"
#include "db/messages.h"
#include "db/report.h"
#include "screens/listbase.h"
#include "screens/screens.h"
#include "screens/session.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define NCOLS 7
#define PAGE_ROWS 200
/* Mark all loads at most this many lines first. */
#define MARK_ALL_MAX 2000

struct aid {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    const struct fielddef *stage; /* the year rows' stage and its labels */
    int year, township, current;
    char township_name[64];
    char status[16];   /* "": every state */
    char years[5][16]; /* F4's year labels (the pick list keeps pointers) */
    struct lv_column columns[NCOLS];
};

static const char *const aid_shows[NCOLS] = {
    "township", "household_no", "head_name", "student_name",
    NULL,       NULL,           "amount"};

/* The stage and the program in words, the record's state as marker. */
static bool
aid_row(struct screen *s, int i, const char **cells, struct lv_row *row)
{
    struct aid *m = s->data;

    cells[4] =
        m->stage != NULL
            ? fielddef_choice_label(m->stage, cell(m, i, "stage"), s->app->zh)
            : cell(m, i, "stage");
    cells[5] = report_item_label(report_find("subsidy"), cell(m, i, "program"));
    if (cell(m, i, "amount")[0] == '\0')
        cells[6] = "-";
    row->status = status_marker(cell(m, i, "status"));
    row->status_attr = status_attr(cell(m, i, "status"));
    return true;
}

/* Fetch the page after the last line loaded; false after reporting a
 * failure. */
static bool
fetch_page(struct screen *s)
{
    struct aid *m = s->data;
    struct db_error err;
    int lastrow = 0;
    const struct dbres *last = listbase_last(&m->lb, &lastrow);
    struct dbres *r =
        aid_missing_page(s->app->db, m->year, m->township, m->status, last,
                         lastrow, PAGE_ROWS, &err);

    if (r == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&m->lb, r);
}

static void
aid_draw(struct screen *s)
{
    struct aid *m = s->data;
    char line[256], marked[64] = "";

    if (m->township && m->township_name[0] == '\0' &&
        listbase_nrows(&m->lb) > 0) /* opened with the id alone */
        snprintf(m->township_name, sizeof m->township_name, "%s",
                 cell(m, 0, "township"));
    if (m->lb.lv.nmarked > 0)
        snprintf(marked, sizeof marked, _("   Marked: %d"), m->lb.lv.nmarked);
    snprintf(line, sizeof line,
             _("School year %d-%02d   Township: %s   State: %s%s"), m->year,
             (m->year + 1) % 100, m->township ? m->township_name : _("all"),
             m->status[0] ? status_marker(m->status) : _("all"), marked);
    listbase_line(&m->lb, 0, line, UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&m->lb.lv);
}

/* ---- F4: the school year and the township ------------------------------ */

static void
filter_choices(struct screen *s, struct listbase_filter *f)
{
    struct aid *m = s->data;

    for (int i = 0; i < 5; i++) {
        int y = m->current + 1 - i;
        char value[16];

        snprintf(value, sizeof value, "%d", y);
        snprintf(m->years[i], sizeof m->years[i], "%d-%02d", y, (y + 1) % 100);
        listbase_filter_add(f, 'y', value, _("School year"), m->years[i]);
    }
    listbase_filter_add(f, 's', "", _("State"), _("all"));
    for (size_t i = 0; status_at(i) != NULL; i++)
        if (status_of_kind(status_at(i), "household_year"))
            listbase_filter_add(f, 's', status_at(i), _("State"),
                                status_marker(status_at(i)));
    listbase_filter_add_townships(f);
}

static void
filter_chosen(struct screen *s, const struct listbase_filter *f, const char *v)
{
    struct aid *m = s->data;

    if (v[0] == 'y')
        m->year = atoi(v + 2);
    else if (v[0] == 's')
        snprintf(m->status, sizeof m->status, "%s", v + 2);
    else
        listbase_filter_township(f, v, &m->township, m->township_name,
                                 sizeof m->township_name);
    listview_clear_marks(&m->lb.lv);
}

/* ---- F7: grant ---------------------------------------------------------- */

/* Why a line was refused, in the person's language: the words of
 * eduaid.message for its SQLSTATE or constraint, else ours. */
const char *
aid_refusal_text(const struct app *a, const char *state, const char *constraint)
{
    struct db_error e;
    const char *text;

    db_error_clear(&e);
    e.status = DB_ERROR;
    snprintf(e.sqlstate, sizeof e.sqlstate, "%s", state ? state : "");
    snprintf(e.constraint, sizeof e.constraint, "%s",
             constraint ? constraint : "");
    if ((text = messages_text(a->messages, &e, a->zh)) != NULL)
        return text;
    if (state != NULL && strcmp(state, "EA140") == 0)
        return _("There is no standard amount for this program in this "
                 "school year.");
    if (state != NULL && strcmp(state, "EA141") == 0)
        return _("The child is not entitled to this program this school "
                 "year.");
    return session_error_text(a, &e);
}

/* The lines to grant: the marked ones, else the selected one. Returns
 * how many, with their row indexes in *rows (malloc'd). */
static int
lines_to_grant(struct aid *m, int **rows)
{
    int n = listbase_nrows(&m->lb), k = 0, sel = listbase_selected(&m->lb);

    *rows = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    if (*rows == NULL)
        return -1;
    for (int i = 0; i < n; i++)
        if (listview_marked(&m->lb.lv, i))
            (*rows)[k++] = i;
    if (k == 0 && sel >= 0)
        (*rows)[k++] = sel;
    return k;
}

/* The result of granting the lines rows: counts, then each refusal. */
static void
say_result(struct screen *s, const int *rows, const struct dbres *r)
{
    struct aid *m = s->data;
    struct textbuf t = {0}, bad = {0};
    int granted = 0, already = 0, refused = 0;

    for (int i = 0; i < r->nrows; i++) {
        const char *outcome = dbres_field(r, i, "outcome");
        int line = rows[i];

        if (outcome != NULL && strcmp(outcome, "granted") == 0)
            granted++;
        else if (outcome != NULL && strcmp(outcome, "already") == 0)
            already++;
        else {
            refused++;
            textbuf_add(&bad, "  %s %s %s: %s\n", cell(m, line, "household_no"),
                        cell(m, line, "student_name"),
                        report_item_label(report_find("subsidy"),
                                          cell(m, line, "program")),
                        aid_refusal_text(s->app, dbres_field(r, i, "sql_state"),
                                         dbres_field(r, i, "constraint_name")));
        }
    }
    textbuf_add(&t, _("%d granted, %d granted already, %d refused."), granted,
                already, refused);
    textbuf_add(&t, "\n");
    if (refused > 0)
        textbuf_add(&t, "\n%s\n%s", _("Refused:"), bad.s ? bad.s : "");
    if (granted > 0)
        textbuf_add(&t, "\n%s",
                    _("Each record granted in goes through its review: open it "
                      "(Enter) to check it and submit it."));
    dialog_message(s->app, _("Grant"),
                   t.failed || t.s == NULL ? _("Out of memory.") : t.s);
    free(t.s);
    free(bad.s);
}

static void
grant_lines(struct screen *s)
{
    struct aid *m = s->data;
    struct db_error err;
    struct dbres *r = NULL;
    long long *ys = NULL, *ss = NULL;
    const char **ps = NULL;
    int *rows = NULL, n = lines_to_grant(m, &rows);
    char question[160];

    if (n <= 0) {
        free(rows);
        return;
    }
    snprintf(question, sizeof question,
             _("Grant %d line(s) at the standard amounts?"), n);
    if (!dialog_confirm(s->app, _("Grant"), question, true)) {
        free(rows);
        return;
    }
    ys = calloc((size_t)n, sizeof *ys);
    ss = calloc((size_t)n, sizeof *ss);
    ps = calloc((size_t)n, sizeof *ps);
    if (ys == NULL || ss == NULL || ps == NULL) {
        app_status(s->app, "%s", _("out of memory"));
    } else {
        for (int i = 0; i < n; i++) {
            ys[i] = atoll(cell(m, rows[i], "household_year_id"));
            ss[i] = atoll(cell(m, rows[i], "student_id"));
            ps[i] = cell(m, rows[i], "program");
        }
        if ((r = aid_grant(s->app->db, n, ys, ss, ps, &err)) == NULL)
            app_error(s->app, &err);
        else if (r->nrows == n)
            say_result(s, rows, r);
    }
    dbres_free(r);
    free(ys);
    free(ss);
    free(ps);
    free(rows);
    if (r != NULL) {
        listview_clear_marks(&m->lb.lv);
        reload(s);
    }
}

/* Mark every line (loading the rest first), or clear the marks when all
 * are marked already. */
static void
mark_all(struct screen *s)
{
    struct aid *m = s->data;
    int n;

    if (m->lb.lv.nmarked > 0 && m->lb.lv.nmarked == listbase_nrows(&m->lb) &&
        !m->lb.lv.has_more) {
        listview_clear_marks(&m->lb.lv);
        return;
    }
    while (m->lb.lv.has_more && listbase_nrows(&m->lb) < MARK_ALL_MAX)
        if (!listbase_fetch_more(&m->lb))
            break;
    n = listbase_nrows(&m->lb);
    for (int i = 0; i < n; i++)
        listview_set_mark(&m->lb.lv, i, true);
    if (m->lb.lv.has_more)
        app_status(s->app, _("Marked the first %d lines."), m->lb.lv.nmarked);
}

/* Enter: the line's year record in its form. */
static void
open_record(struct screen *s, int i)
{
    struct aid *m = s->data;
    const struct formdef *f = app_form(s->app, "household_year");
    struct screen *form =
        f != NULL
            ? form_screen_new(s->app, f, atoll(cell(m, i, "household_year_id")))
            : NULL;

    if (form != NULL)
        app_push(s->app, form);
}

static enum key_result
aid_key(struct screen *s, const struct key *k)
{
    struct aid *m = s->data;
    int sel = listbase_selected(&m->lb);

    switch (k->action) {
    case ACT_OPEN:
        if (sel >= 0)
            open_record(s, sel);
        return KR_REDRAW;
    case ACT_PASS:
        grant_lines(s);
        return KR_REDRAW;
    case ACT_MARK_ALL:
        mark_all(s);
        return KR_REDRAW;
    default:
        return listbase_key(&m->lb, k);
    }
}

static const enum action aid_actions_list[] = {
    ACT_PASS,    ACT_OPEN, ACT_MARK_ALL, ACT_FILTER,
    ACT_REFRESH, ACT_HELP, ACT_BACK,     ACT_NONE};

static const enum action *
aid_actions(struct screen *s)
{
    (void)s;
    return aid_actions_list;
}

static const char *
aid_action_label(struct screen *s, enum action a)
{
    (void)s;
    return a == ACT_PASS ? _("Grant") : NULL;
}

static const char *
aid_title(struct screen *s)
{
    (void)s;
    return _("Aid not yet granted");
}

static const struct screen_ops aid_ops = {
    .name = "aid-missing",
    .layout = listbase_layout,
    .draw = aid_draw,
    .key = aid_key,
    .resumed = listbase_resumed,
    .actions = aid_actions,
    .available = listbase_available,
    .action_label = aid_action_label,
    .title = aid_title,
    .close = listbase_close,
};

static const struct listbase_ops aid_list = {.fetch = fetch_page,
                                             .row = aid_row,
                                             .filter_choices = filter_choices,
                                             .filter_chosen = filter_chosen,
                                             .shows = aid_shows};

/* The stage field of the year record's pupils grid, for its labels
 * (screens.h). */
const struct fielddef *
year_stage_field(const struct app *a)
{
    const struct formdef *f = app_form(a, "household_year");

    for (size_t i = 0; f != NULL && i < f->ngrids; i++)
        if (griddef_field(&f->grids[i], "stage") != NULL)
            return griddef_field(&f->grids[i], "stage");
    return NULL;
}

struct screen *
aid_missing_screen_new(struct app *a, int year, int township,
                       const char *township_name)
{
    struct screen *s = listbase_screen_new(a, &aid_ops, sizeof(struct aid));
    struct aid *m;
    struct db_error err;

    if (s == NULL)
        return NULL;
    m = s->data;
    if (aid_current_year(a->db, &m->current, &err) != 0) {
        app_error(a, &err);
        m->current = year;
    }
    m->year = year > 0 ? year : m->current;
    m->township = township;
    snprintf(m->township_name, sizeof m->township_name, "%s",
             township_name ? township_name : "");
    m->stage = year_stage_field(a);
    m->columns[0] = (struct lv_column){_("Township"), 8, false};
    m->columns[1] = (struct lv_column){_("Household no."), 12, false};
    m->columns[2] = (struct lv_column){_("Head"), 8, false};
    m->columns[3] = (struct lv_column){_("Child"), 8, false};
    m->columns[4] = (struct lv_column){_("Stage"), 8, false};
    m->columns[5] = (struct lv_column){_("Program"), 0, false};
    m->columns[6] = (struct lv_column){_("Yuan"), 6, true};
    listbase_init(&m->lb, s, &aid_list, m->columns, NCOLS);
    listbase_paged(&m->lb, PAGE_ROWS);
    m->lb.lv.multi = true;
    m->lb.lv.status_width = a->zh ? 6 : 9; /* 已批准, submitted */
    m->lb.lv.empty_text = _("Every child was granted what the year offers.");
    reload(s);
    return s;
}
