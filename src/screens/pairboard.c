/*
 * pairboard.c
 *   帮扶达标看板: the compliance board of school pairing (issue 15). One
 *   row per pair active today that the person sees (row-level security:
 *   supervisors, auditors and inspectors the county's, officers and
 *   clerks the pairs one of whose sides is theirs), from
 *   eduaid.pair_compliance() (src/db/pairboard.h), with a short mark per
 *   thing it is behind on -- no activity this semester, the last due
 *   monthly report missing, no summary of the last quarter, rectification
 *   notices past their deadline -- the counts above the list, the
 *   selected pair's reasons below it, and all of them in words on Enter.
 *   F4 filters by township, s cycles the order (title, most behind,
 *   township). The server decides every flag; the screen only counts the
 *   rows it was given.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/pairboard.h"
#include "screens/listbase.h"
#include "screens/screens.h"
#include "screens/session.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define NCOLS 6
#define REASON_LINES 2

struct pairboard {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    int township; /* 0: every one */
    char township_name[64];
    enum pairboard_sort sort;
    char marks[4][24]; /* of the row being drawn */
    enum action acts[8];
};

static bool
is_true(const char *v)
{
    return strcmp(v, "t") == 0;
}

static bool
fetch_rows(struct screen *s)
{
    struct pairboard *b = s->data;
    struct db_error err;
    struct dbres *res = pairboard_list(s->app->db, b->township, b->sort, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&b->lb, res);
}

static const char *const pairboard_shows[NCOLS] = {"title", "township", NULL,
                                                   NULL,    NULL,       NULL};

/* The marks of row i: empty where the pair is in order. */
static bool
pairboard_row(struct screen *s, int i, const char **cells, struct lv_row *row)
{
    struct pairboard *b = s->data;

    b->marks[0][0] = b->marks[1][0] = b->marks[2][0] = b->marks[3][0] = '\0';
    if (is_true(cell(b, i, "no_activity")))
        snprintf(b->marks[0], sizeof(b->marks[0]), "%s", _("absent"));
    if (is_true(cell(b, i, "report_missing")))
        snprintf(b->marks[1], sizeof(b->marks[1]), _("-%s"),
                 cell(b, i, "reports_missing"));
    if (is_true(cell(b, i, "summary_missing")))
        snprintf(b->marks[2], sizeof(b->marks[2]), "%s", _("absent"));
    if (atoi(cell(b, i, "rect_overdue")) > 0)
        snprintf(b->marks[3], sizeof(b->marks[3]), _("%s late"),
                 cell(b, i, "rect_overdue"));
    for (int m = 0; m < 4; m++)
        cells[2 + m] = b->marks[m];
    if (is_true(cell(b, i, "behind"))) {
        row->status = _("Behind");
        row->status_attr = UA_ST_REJECTED;
    } else {
        row->status = _("Good");
        row->status_attr = UA_ST_APPROVED;
    }
    return true;
}

/* "2026-11-05" -> "2026年11月" style month words ("" stays ""). */
static void
month_words(const char *day, char *out, size_t outsz)
{
    if (strlen(day) < 7) {
        snprintf(out, outsz, "%s", day);
        return;
    }
    snprintf(out, outsz, _("%.4s-%.2s"), day, day + 5);
}

/* The semester that begins on day (YYYY-MM-DD), in words. */
static void
semester_words(const char *day, char *out, size_t outsz)
{
    if (strlen(day) >= 7 && strncmp(day + 5, "09", 2) == 0)
        snprintf(out, outsz, _("autumn semester %.4s"), day);
    else
        snprintf(out, outsz, _("spring semester %.4s"), day);
}

/* Append a reason (separated by sep) to out. */
static void
add(char *out, size_t outsz, const char *sep, const char *text)
{
    size_t n = strlen(out);

    if (n > 0 && n < outsz)
        n += (size_t)snprintf(out + n, outsz - n, "%s", sep);
    if (n < outsz)
        snprintf(out + n, outsz - n, "%s", text);
}

/* Why pair sel is behind, in one line ("in order" when it is not). */
static void
reasons_short(struct pairboard *b, int sel, char *out, size_t outsz)
{
    char one[256], w[64];
    const char *sep = _("; ");

    out[0] = '\0';
    if (is_true(cell(b, sel, "no_activity")))
        add(out, outsz, sep, _("no activity"));
    if (is_true(cell(b, sel, "report_missing"))) {
        month_words(cell(b, sel, "report_month"), w, sizeof(w));
        snprintf(one, sizeof(one), _("report of %s missing"), w);
        add(out, outsz, sep, one);
    }
    if (is_true(cell(b, sel, "summary_missing"))) {
        snprintf(one, sizeof(one), _("no summary for Q%s %s"),
                 cell(b, sel, "summary_quarter"), cell(b, sel, "summary_year"));
        add(out, outsz, sep, one);
    }
    if (atoi(cell(b, sel, "rect_overdue")) > 0) {
        snprintf(one, sizeof(one), _("%s notice(s) overdue"),
                 cell(b, sel, "rect_overdue"));
        add(out, outsz, sep, one);
    }
    if (out[0] == '\0')
        snprintf(out, outsz, "%s", _("In order this month and quarter."));
}

/* The activity and the monthly report of pair sel, in full. */
static void
full_activity_report(struct pairboard *b, int sel, char *out, size_t outsz)
{
    char one[512], w[64];

    semester_words(cell(b, sel, "semester"), w, sizeof(w));
    if (is_true(cell(b, sel, "no_activity")))
        snprintf(one, sizeof(one),
                 _("Behind: no activity yet in the %s (since %s); at least "
                   "one each semester."),
                 w, cell(b, sel, "semester"));
    else
        snprintf(one, sizeof(one), _("Activities in the %s: %s."), w,
                 cell(b, sel, "activities"));
    add(out, outsz, "\n\n", one);
    month_words(cell(b, sel, "report_month"), w, sizeof(w));
    if (cell(b, sel, "report_month")[0] == '\0')
        snprintf(one, sizeof(one), "%s",
                 _("No monthly report of the cycle is due yet."));
    else if (is_true(cell(b, sel, "report_missing")))
        snprintf(one, sizeof(one),
                 _("Behind: the monthly report of %s is missing (due by %s); "
                   "%s of the %s months of the cycle so far have none."),
                 w, cell(b, sel, "report_due"), cell(b, sel, "reports_missing"),
                 cell(b, sel, "reports_due"));
    else
        snprintf(one, sizeof(one),
                 _("The monthly report of %s is in; %s of the %s months of "
                   "the cycle so far have none."),
                 w, cell(b, sel, "reports_missing"),
                 cell(b, sel, "reports_due"));
    add(out, outsz, "\n\n", one);
}

/* The quarterly summary and the notices of pair sel, in full. */
static void
full_summary_notices(struct pairboard *b, int sel, char *out, size_t outsz)
{
    char one[512];

    if (cell(b, sel, "summary_year")[0] == '\0')
        snprintf(one, sizeof(one), "%s",
                 _("No quarter of the cycle has ended yet."));
    else if (is_true(cell(b, sel, "summary_missing")))
        snprintf(one, sizeof(one),
                 _("Behind: no quarterly summary for Q%s %s."),
                 cell(b, sel, "summary_quarter"), cell(b, sel, "summary_year"));
    else
        snprintf(one, sizeof(one), _("The summary for Q%s %s is in."),
                 cell(b, sel, "summary_quarter"), cell(b, sel, "summary_year"));
    add(out, outsz, "\n\n", one);
    add(out, outsz, "\n",
        is_true(cell(b, sel, "summary_current"))
            ? _("This quarter's summary is in.")
            : _("This quarter's summary is not in yet."));
    if (atoi(cell(b, sel, "rect_overdue")) > 0)
        snprintf(one, sizeof(one),
                 _("Behind: %s rectification notice(s) past the deadline "
                   "without a response; the earliest deadline was %s."),
                 cell(b, sel, "rect_overdue"), cell(b, sel, "rect_earliest"));
    else
        snprintf(one, sizeof(one), "%s",
                 _("No rectification notice is past its deadline."));
    add(out, outsz, "\n\n", one);
}

/* The counts over the rows shown. */
static void
draw_counts(struct pairboard *b)
{
    int n = listbase_nrows(&b->lb), behind = 0, month = 0, quarter = 0, act = 0,
        late = 0;
    char line[512], filter[128];

    for (int i = 0; i < n; i++) {
        behind += is_true(cell(b, i, "behind"));
        month += is_true(cell(b, i, "report_missing"));
        quarter += is_true(cell(b, i, "summary_missing"));
        act += is_true(cell(b, i, "no_activity"));
        late += atoi(cell(b, i, "rect_overdue"));
    }
    snprintf(line, sizeof(line),
             _("Pairs %d  behind %d: report %d, quarter %d, activity %d, "
               "overdue notices %d"),
             n, behind, month, quarter, act, late);
    listbase_line(&b->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    snprintf(filter, sizeof(filter), _("Township: %s   Order: %s"),
             b->township == 0 ? _("all") : b->township_name,
             b->sort == PB_SORT_TITLE    ? _("title")
             : b->sort == PB_SORT_BEHIND ? _("most behind")
                                         : _("township"));
    listbase_line(&b->lb, 1, filter, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
}

static void
pairboard_draw(struct screen *s)
{
    struct pairboard *b = s->data;
    int sel = listbase_selected(&b->lb);
    char line[1024];

    draw_counts(b);
    listview_draw(&b->lb.lv);
    listbase_line(&b->lb, -REASON_LINES - 1, "", UA_NORMAL, DRAW_PAD);
    listbase_line(&b->lb, -2, "", UA_NORMAL, DRAW_PAD);
    listbase_line(&b->lb, -1, "", UA_NORMAL, DRAW_PAD);
    if (sel < 0)
        return;
    snprintf(line, sizeof(line), _("%s helps %s"),
             cell(b, sel, "helping_school"), cell(b, sel, "townships"));
    listbase_line(&b->lb, -2, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
    reasons_short(b, sel, line, sizeof(line));
    listbase_line(&b->lb, -1, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
}

/* Enter: the selected pair's reasons in full. */
static void
show_reasons(struct screen *s, int sel)
{
    struct pairboard *b = s->data;
    char text[4096];

    snprintf(text, sizeof(text), _("%s helps %s."),
             cell(b, sel, "helping_school"), cell(b, sel, "townships"));
    full_activity_report(b, sel, text, sizeof(text));
    full_summary_notices(b, sel, text, sizeof(text));
    dialog_message(s->app, cell(b, sel, "title"), text);
}

static void
pairboard_filter_choices(struct screen *s, struct listbase_filter *f)
{
    (void)s;
    listbase_filter_add_townships(f);
}

static void
pairboard_filter_chosen(struct screen *s, const struct listbase_filter *f,
                        const char *value)
{
    struct pairboard *b = s->data;

    listbase_filter_township(f, value, &b->township, b->township_name,
                             sizeof(b->township_name));
}

static enum key_result
pairboard_key(struct screen *s, const struct key *k)
{
    struct pairboard *b = s->data;
    int sel = listbase_selected(&b->lb);

    switch (k->action) {
    case ACT_OPEN:
        if (sel >= 0)
            show_reasons(s, sel);
        return KR_REDRAW;
    case ACT_SORT:
        b->sort = (enum pairboard_sort)((b->sort + 1) % 3);
        b->lb.reload = LB_FROM_TOP;
        reload(s);
        b->lb.reload = LB_KEEP_SELECTION;
        return KR_REDRAW;
    default:
        return listbase_key(&b->lb, k);
    }
}

static const enum action *
pairboard_actions(struct screen *s)
{
    struct pairboard *b = s->data;
    int n = 0;

    b->acts[n++] = ACT_OPEN;
    b->acts[n++] = ACT_FILTER;
    b->acts[n++] = ACT_SORT;
    b->acts[n++] = ACT_REFRESH;
    b->acts[n++] = ACT_HELP;
    b->acts[n++] = ACT_BACK;
    b->acts[n] = ACT_NONE;
    return b->acts;
}

static const char *
pairboard_action_label(struct screen *s, enum action a)
{
    (void)s;
    if (a == ACT_OPEN)
        return _("Why");
    if (a == ACT_FILTER)
        return _("Township");
    return NULL;
}

/* What the marks mean (the help screen). */
static bool
pairboard_help_note(struct screen *s, int i, const char **keys,
                    const char **text)
{
    static const char *const marks[][2] = {
        {N_("Activity missing"), N_("no activity yet this semester (at least "
                                    "one each semester)")},
        {N_("Report -N"), N_("the last month due has no report; N months of "
                             "the cycle are missing")},
        {N_("Quarter missing"),
         N_("no summary for the last completed quarter")},
        {N_("Notices N late"), N_("N rectification notices past their "
                                  "deadline without a response")},
    };

    (void)s;
    if (i < 0 || i >= (int)(sizeof(marks) / sizeof(marks[0])))
        return false;
    *keys = _(marks[i][0]);
    *text = _(marks[i][1]);
    return true;
}

static const char *
pairboard_title(struct screen *s)
{
    (void)s;
    return _("Pairing compliance board");
}

static const struct screen_ops pairboard_ops = {
    .name = "pairboard",
    .layout = listbase_layout,
    .draw = pairboard_draw,
    .key = pairboard_key,
    .resumed = listbase_resumed,
    .actions = pairboard_actions,
    .available = listbase_available,
    .title = pairboard_title,
    .action_label = pairboard_action_label,
    .help_note = pairboard_help_note,
    .close = listbase_close,
};

static const struct listbase_ops pairboard_list_ops = {
    .fetch = fetch_rows,
    .shows = pairboard_shows,
    .row = pairboard_row,
    .filter_choices = pairboard_filter_choices,
    .filter_chosen = pairboard_filter_chosen,
};

struct screen *
pairboard_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &pairboard_ops, sizeof(struct pairboard));
    struct pairboard *b;

    if (s == NULL)
        return NULL;
    b = s->data;
    b->columns[0] = (struct lv_column){_("Pair name"), 0, false};
    b->columns[1] = (struct lv_column){_("Township"), 8, false};
    b->columns[2] = (struct lv_column){_("Activity"), 8, false};
    b->columns[3] = (struct lv_column){_("Monthly"), 7, false};
    b->columns[4] = (struct lv_column){_("Summary"), 7, false};
    b->columns[5] = (struct lv_column){_("Notices"), 7, false};
    listbase_init(&b->lb, s, &pairboard_list_ops, b->columns, NCOLS);
    b->lb.lv.status_width = 6;
    b->lb.above = 2;
    b->lb.below = REASON_LINES + 1;
    b->lb.lv.empty_text = _("No pair of yours is active today.");
    reload(s);
    return s;
}
