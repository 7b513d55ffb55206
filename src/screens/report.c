/*
 * report.c
 *   The report screen: one report of src/db/report.h at a time, for a
 *   school year (the pairing reports: a calendar year; going from one kind
 *   to the other starts at today's), as a table with a bar column -- a row
 *   per township (or, with g, per program, course, pair or unpaired school
 *   over all townships), the total last.
 *   Keys: 1-9 (the first nine) or n/N pick the report, y/Y the year
 * before/after, s cycles the sort column, r reverses it, g switches between
 * townships and items, Enter on the subsidy report lists the students entitled
 * but not granted (report_missing.c), p prints the report of the year as a PDF
 * into the exports folder, as `eduaid report NAME --pdf` does (printpdf.h; from
 * the central server, like the command). The bar draws the report's bar column
 * against its target ('|' marks the target), in eighth blocks under UTF-8 and
 * '#' otherwise (core/bar.c). Cells line up by display width (listview,
 * draw.c), Chinese names included. With reports.conninfo set the tables come
 * from that standby (the title says so), and from the central server when it
 * cannot be reached. The missing-students list opened from here is a work list
 * (its Enter grants aid) and reads the central server: a standby's lag would
 * keep a granted student on it.
 * issue 17 H6, reports as submitted (报送版本): f freezes the report as
 * shown (a supervisor: the county; an officer: his township) on the central
 * server, after a note and a yes, and shows its hash; v lists the report's
 * snapshots and opens one read-only -- its rows as stored, the header line
 * saying its date, who froze it and its hash, p printing it; Esc goes back
 * to today's figures. A snapshot whose hash no longer matches is refused.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bar.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "db/report.h"
#include "db/snapshot.h" /* issue 17 H6 */
#include "screens/printpdf.h"
#include "screens/screens.h"
#include "ui/dialog.h" /* issue 17 H6 */
#include "ui/draw.h"
#include "ui/listview.h"

#define MAX_COLS 12 /* name, the bar, the report's columns */
#define BAR_MAX_CELLS 48

struct report_screen {
    const struct report_def *def;
    size_t index; /* of def in the report table */
    int year;
    bool by_item; /* rows per item over all townships */
    int sort;     /* -1: natural order, else a column of def */
    bool reverse;
    struct db *rdb; /* reports.conninfo's standby, or NULL: the app's */
    struct dbres *res;
    int *view; /* rows of res shown, in order; the total last */
    int nview;
    double scale; /* of the bars */
    int bar_cells;
    int item_cells; /* the item column's width when by_item */
    bool utf8;
    struct listview lv;
    struct lv_column columns[MAX_COLS];
    const char *cells[MAX_COLS];
    char bar[BAR_MAX_CELLS * 3 + 8];
    int top, rows, cols;
    /* issue 17 H6: the snapshot shown instead of today's figures, or NULL */
    struct snapshot_info *frozen;
};

/* The value of column c of def in row, NULL for SQL NULL. */
static const char *
col_value(const struct report_screen *r, int row, int c)
{
    return dbres_field(r->res, row, r->def->cols[c].name);
}

/* The number in column c of def (NULL and text sort lowest). */
static double
value(const struct report_screen *r, int row, int c)
{
    const char *v = col_value(r, row, c);

    return v != NULL ? strtod(v, NULL) : -1;
}

static bool
is_total(const struct report_screen *r, int row)
{
    return dbres_field(r->res, row, "township_id") == NULL &&
           (!r->by_item || dbres_field(r->res, row, "item") == NULL);
}

/* Does row belong to the current view (total excluded)? */
static bool
in_view(const struct report_screen *r, int row)
{
    bool township = dbres_field(r->res, row, "township_id") != NULL;
    bool item = dbres_field(r->res, row, "item") != NULL;

    return r->by_item ? !township && item : township && !item;
}

static const struct report_screen *sorting; /* for qsort's comparison */

static int
compare_rows(const void *pa, const void *pb)
{
    int a = *(const int *)pa, b = *(const int *)pb, c;
    double va, vb;

    if (sorting->sort < 0)
        c = (a > b) - (a < b);
    else {
        va = value(sorting, a, sorting->sort);
        vb = value(sorting, b, sorting->sort);
        c = (va > vb) - (va < vb);
        if (c == 0)
            c = (a > b) - (a < b);
    }
    return sorting->reverse ? -c : c;
}

/* Build the view from res: filter, sort, the total last; the bar scale. */
static void
build_view(struct report_screen *r)
{
    int total = -1;
    double *vals;

    r->nview = 0;
    if (r->res == NULL || r->view == NULL)
        return;
    for (int i = 0; i < r->res->nrows; i++)
        if (in_view(r, i))
            r->view[r->nview++] = i;
        else if (dbres_field(r->res, i, "township_id") == NULL &&
                 dbres_field(r->res, i, "item") == NULL)
            total = i;
    sorting = r;
    qsort(r->view, (size_t)r->nview, sizeof(int), compare_rows);
    vals = calloc((size_t)r->nview + 1, sizeof(double));
    for (int i = 0; vals != NULL && i < r->nview; i++)
        vals[i] = value(r, r->view[i], r->def->bar);
    r->scale = bar_scale(vals, vals ? (size_t)r->nview : 0, r->def->target);
    free(vals);
    if (total >= 0)
        r->view[r->nview++] = total;
    listview_set_rows(&r->lv, r->nview, false);
}

/* The reports server is gone: from now on the central server. */
static void
standby_gone(struct screen *s)
{
    struct report_screen *r = s->data;

    db_close(r->rdb);
    r->rdb = NULL;
    app_status(s->app, "%s",
               _("The reports server cannot be reached; the reports come "
                 "from the central server."));
}

/* reports.conninfo, when set: the reports come from that standby, as
 * the same user (db_connect_like); else, or when it cannot be reached,
 * from the app's connection. */
static void
open_standby(struct screen *s)
{
    struct report_screen *r = s->data;
    const char *ci = s->app->settings->reports_conninfo;
    struct db_error err;

    if (ci == NULL || *ci == '\0')
        return;
    r->rdb = db_connect_like(s->app->db, ci, s->app->settings->connect_timeout,
                             &err);
    if (r->rdb == NULL)
        standby_gone(s);
}

static void
reload(struct screen *s)
{
    struct report_screen *r = s->data;
    struct db_error err;
    struct dbres *res = report_fetch(r->rdb != NULL ? r->rdb : s->app->db,
                                     r->def, r->year, 0, &err);

    if (res == NULL && r->rdb != NULL &&
        (err.status == DB_CONNECTION_LOST || err.status == DB_UNREACHABLE)) {
        standby_gone(s);
        res = report_fetch(s->app->db, r->def, r->year, 0, &err);
    }
    if (res == NULL) {
        app_error(s->app, &err);
        return;
    }
    dbres_free(r->res);
    free(r->view);
    r->res = res;
    r->view = calloc((size_t)res->nrows + 1, sizeof(int));
    if (r->view == NULL)
        app_status(s->app, "%s", _("out of memory"));
    listview_reset(&r->lv);
    build_view(r);
}

/* The bar of row against the scale with the target marked ('|'), then
 * the value itself, right-aligned in the last 8 cells of the column. */
static const char *
bar_cell(struct report_screen *r, int row)
{
    int width = r->bar_cells - 8;
    int n = bar_render(value(r, row, r->def->bar), r->scale, width, r->utf8,
                       r->bar, sizeof r->bar - 16);
    int t = bar_target_cell(r->def->target, r->scale, width);
    const char *v = col_value(r, row, r->def->bar);
    size_t len;

    if (n < 0) {
        r->bar[0] = '\0';
        n = 0;
    }
    len = strlen(r->bar);
    for (; n < width && len + 12 < sizeof r->bar; n++)
        r->bar[len++] = n == t ? '|' : ' ';
    /* the value whole, however long (a number is never cut) */
    snprintf(r->bar + len, sizeof r->bar - len, " %7s", v != NULL ? v : "-");
    return r->bar;
}

static bool
report_row(void *arg, int index, struct lv_row *row)
{
    struct screen *s = arg;
    struct report_screen *r = s->data;
    int i, n = 0;

    if (index < 0 || index >= r->nview)
        return false;
    i = r->view[index];
    if (is_total(r, i))
        r->cells[n++] = _("Total");
    else if (r->by_item)
        r->cells[n++] =
            report_item_label(r->def, dbres_field(r->res, i, "item"));
    else
        r->cells[n++] = dbres_field(r->res, i, "township");
    r->cells[n++] = bar_cell(r, i);
    for (int c = 0; c < r->def->ncols && n < MAX_COLS; c++) {
        const char *v = col_value(r, i, c);

        r->cells[n++] = v != NULL ? v : "-";
    }
    row->cells = r->cells;
    row->attr = is_total(r, i) ? UA_HEADER : UA_NORMAL;
    return true;
}

/* Columns for def: the name, the bar, then each column as wide as its
 * label (at least 7 cells). */
static int
set_columns(struct report_screen *r)
{
    int n = 0;

    r->columns[n++] =
        (struct lv_column){r->by_item ? _(r->def->item_label) : _("Township"),
                           r->by_item ? r->item_cells : 10, false};
    /* the bar ends in its value: sized like a number column, never
     * narrowed (listview.h) */
    r->columns[n++] = (struct lv_column){_(r->def->cols[r->def->bar].label),
                                         r->bar_cells, true};
    for (int c = 0; c < r->def->ncols && n < MAX_COLS; c++) {
        const char *label = _(r->def->cols[c].label);
        int w = text_utf8_cells(label);

        r->columns[n++] = (struct lv_column){label, w < 7 ? 7 : w, true};
    }
    return n;
}

static void
report_layout(struct screen *s, int top, int rows, int cols)
{
    struct report_screen *r = s->data;
    int n;

    r->top = top;
    r->rows = rows;
    r->cols = cols;
    r->item_cells = 22;
    /* the bar takes what the name and the numbers leave (a third of the
     * width at most, 16 cells at least) */
    n = set_columns(r);
    r->bar_cells = cols - (n - 1);
    for (int c = 0; c < n; c++)
        if (c != 1)
            r->bar_cells -= r->columns[c].width;
    if (r->bar_cells > cols / 3)
        r->bar_cells = cols / 3;
    if (r->bar_cells > BAR_MAX_CELLS)
        r->bar_cells = BAR_MAX_CELLS;
    if (r->bar_cells < 16)
        r->bar_cells = 16;
    /* items (a school with its township, a program) are long names: at
     * 80 columns they take the bar's cells down to 8 rather than lose
     * their last characters (issue 15: the unpaired schools) */
    if (r->by_item && r->bar_cells > 8) {
        r->item_cells += r->bar_cells - 8;
        if (r->item_cells > 40) {
            r->bar_cells = 8 + (r->item_cells - 40);
            r->item_cells = 40;
        } else
            r->bar_cells = 8;
    }
    n = set_columns(r);
    r->lv.ncolumns = n; /* same column array, selection kept */
    /* issue 17 H6: a third line for the reports as submitted */
    listview_layout(&r->lv, top + 3, 0, rows - 3, cols);
    build_view(r);
}

/* How many reports there are. */
static size_t
report_total(void)
{
    size_t n = 0;

    while (report_at(n) != NULL)
        n++;
    return n;
}

/* issue 17 H6: the third line -- a snapshot's date submitted and note, or
 * the keys of the reports as submitted (f only for those who freeze). */
static void
snapshot_line(struct screen *s, char *line, size_t size)
{
    const struct report_screen *r = s->data;
    const char *role = db_role(s->app->db);

    if (r->frozen != NULL)
        snprintf(line, size, _("SHA-256 %.16s...  submitted on %s  %s"),
                 r->frozen->sha256, r->frozen->submitted_on, r->frozen->note);
    else if (strcmp(role, "officer") == 0 || strcmp(role, "supervisor") == 0)
        snprintf(line, size, "%s",
                 _("f freeze as submitted  v reports as submitted"));
    else
        snprintf(line, size, "%s", _("v reports as submitted"));
}

static void
report_draw(struct screen *s)
{
    struct report_screen *r = s->data;
    char line[512], sortby[128];

    listview_draw(&r->lv); /* first: it finds whether columns are hidden */
    if (r->sort < 0)
        snprintf(sortby, sizeof sortby, "%s", _("natural order"));
    else
        snprintf(sortby, sizeof sortby, "%s %s", _(r->def->cols[r->sort].label),
                 r->reverse ? "v" : "^");
    if (r->frozen != NULL) /* issue 17 H6 */
        snprintf(line, sizeof line, _("%s, %s: frozen %.10s by %s"),
                 _(r->def->title),
                 report_year_label(r->def, r->year, sortby, sizeof sortby),
                 r->frozen->frozen_at,
                 r->frozen->frozen_by_name[0] != '\0'
                     ? r->frozen->frozen_by_name
                     : r->frozen->frozen_by);
    else if (r->def->calendar) /* issue 15 H4: the pairing reports */
        snprintf(line, sizeof line, _("%zu/%zu %s - year %d - sorted by %s"),
                 r->index + 1, report_total(), _(r->def->title), r->year,
                 sortby);
    else
        snprintf(line, sizeof line,
                 _("%zu/%zu %s - school year %d-%02d - sorted by %s"),
                 r->index + 1, report_total(), _(r->def->title), r->year,
                 (r->year + 1) % 100, sortby);
    draw_str(stdscr, r->top, 0, r->cols, line, UA_LABEL,
             DRAW_PAD | DRAW_MARK_CUT);
    snprintf(line, sizeof line, "%s%s",
             r->frozen != NULL
                 ? _("Esc today's figures  p PDF  s sort  r reverse")
                 : _("1-9/n/N report  y/Y year  s sort  r reverse"),
             r->def->item_label != NULL ? _("  g townships/items") : "");
    if (r->lv.hmore || r->lv.hfirst > 1)
        snprintf(line + strlen(line), sizeof line - strlen(line), "%s",
                 _("  Left/Right columns"));
    if (strcmp(r->def->name, "subsidy") == 0 && r->frozen == NULL)
        snprintf(line + strlen(line), sizeof line - strlen(line), "%s",
                 _("  Enter students not granted"));
    draw_str(stdscr, r->top + 1, 0, r->cols, line, UA_NORMAL,
             DRAW_PAD | DRAW_MARK_CUT);
    snapshot_line(s, line, sizeof line); /* issue 17 H6 */
    draw_str(stdscr, r->top + 2, 0, r->cols, line, UA_NORMAL,
             DRAW_PAD | DRAW_MARK_CUT);
}

/* Show report i of the table (same year, natural order). */
static void
pick(struct screen *s, size_t i)
{
    struct report_screen *r = s->data;
    const struct report_def *d = report_at(i);

    if (d == NULL)
        return;
    if (d->calendar != r->def->calendar) /* issue 15 H4 */
        r->year = report_year_today(d);
    r->def = d;
    r->index = i;
    r->sort = -1;
    r->reverse = false;
    r->by_item = false;
    report_layout(s, r->top, r->rows, r->cols);
    reload(s);
}

/* Enter: the students not granted, of the selected township or all. */
static enum key_result
open_missing(struct screen *s)
{
    struct report_screen *r = s->data;
    int sel = listview_selected(&r->lv);
    const char *tw = sel >= 0 && !r->by_item
                         ? dbres_field(r->res, r->view[sel], "township_id")
                         : NULL;
    struct screen *next;

    if (strcmp(r->def->name, "subsidy") != 0)
        return KR_HANDLED;
    next = report_missing_screen_new(s->app, r->year, tw ? atoi(tw) : 0);
    if (next == NULL)
        app_status(s->app, "%s", _("out of memory"));
    else
        app_push(s->app, next);
    return KR_REDRAW;
}

/* issue 17 H6: reports as submitted ------------------------------------ */

/* The township a freeze of what is shown covers: the county (0) for a
 * supervisor; for an officer the one township shown, else the selected
 * row's; -1 when there is none to take. */
static int
freeze_township(struct screen *s)
{
    struct report_screen *r = s->data;
    const char *only = NULL, *tw;
    int n = 0, sel;

    if (strcmp(db_role(s->app->db), "supervisor") == 0)
        return 0;
    for (int i = 0; r->res != NULL && i < r->res->nrows; i++)
        if ((tw = dbres_field(r->res, i, "township_id")) != NULL &&
            (only == NULL || strcmp(only, tw) != 0)) {
            only = tw;
            n++;
        }
    if (n == 1)
        return atoi(only);
    sel = listview_selected(&r->lv);
    tw = sel >= 0 && sel < r->nview
             ? dbres_field(r->res, r->view[sel], "township_id")
             : NULL;
    return tw != NULL ? atoi(tw) : -1;
}

/* f: freeze the report as shown, after a note and a yes; its hash shown. */
static void
freeze_shown(struct screen *s)
{
    struct report_screen *r = s->data;
    const char *role = db_role(s->app->db);
    struct snapshot_info info;
    struct db_error err;
    char question[512], done[768], ylabel[64], *note;
    const char *scope = _("the county");
    int tw;

    if (strcmp(role, "officer") != 0 && strcmp(role, "supervisor") != 0) {
        app_status_error(s->app, "%s",
                         _("Only officers and supervisors freeze a report "
                           "as submitted."));
        return;
    }
    if ((tw = freeze_township(s)) < 0) {
        app_status_error(s->app, "%s", _("Select the township to freeze."));
        return;
    }
    note = dialog_prompt(s->app, PROMPT_TEXT, _("Freeze as submitted"),
                         _("Submitted to (may be left empty):"), "");
    if (note == NULL)
        return;
    for (int i = 0; tw > 0 && r->res != NULL && i < r->res->nrows; i++) {
        const char *id = dbres_field(r->res, i, "township_id");

        if (id != NULL && atoi(id) == tw)
            scope = dbres_field(r->res, i, "township");
    }
    snprintf(question, sizeof question,
             _("Freeze %s (%s, %s) as submitted today? It is never changed "
               "afterwards."),
             _(r->def->title),
             report_year_label(r->def, r->year, ylabel, sizeof ylabel),
             scope != NULL ? scope : "");
    if (dialog_confirm(s->app, _("Freeze as submitted"), question, false)) {
        if (snapshot_freeze(s->app->db, r->def->name, r->year, tw,
                            note[0] != '\0' ? note : NULL, &info, &err) != 0)
            app_error(s->app, &err);
        else {
            snprintf(done, sizeof done,
                     _("Snapshot %lld of %s, frozen %s.\nSHA-256 %s"), info.id,
                     tw == 0 ? _("the county") : info.scope, info.frozen_at,
                     info.sha256);
            dialog_message(s->app, _("Frozen as submitted"), done);
        }
    }
    free(note);
}

/* The pick list of the shown report's snapshots (dialog_pick). */
struct snap_pick {
    struct db *db;
    const char *report;
    struct dbres *res;
    struct pick_item *items;
    char (*labels)[160];
    char (*details)[160];
};

static int
snap_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct snap_pick *p = arg;
    struct db_error err;
    int n = 0;

    if (p->res == NULL) {
        if ((p->res = snapshot_list(p->db, p->report, &err)) == NULL)
            return -1;
        p->items = calloc((size_t)p->res->nrows + 1, sizeof *p->items);
        p->labels = calloc((size_t)p->res->nrows + 1, sizeof *p->labels);
        p->details = calloc((size_t)p->res->nrows + 1, sizeof *p->details);
        if (p->items == NULL || p->labels == NULL || p->details == NULL)
            return -1;
    }
    for (int i = 0; i < p->res->nrows; i++) {
        struct snapshot_info info;

        snapshot_info_from(p->res, i, &info);
        snprintf(p->labels[n], sizeof p->labels[n], "%lld  %s  %d  %s", info.id,
                 info.frozen_at, info.year,
                 info.township > 0 ? info.scope : _("the county"));
        snprintf(p->details[n], sizeof p->details[n], "%s  %.12s",
                 info.frozen_by_name[0] ? info.frozen_by_name : info.frozen_by,
                 info.sha256);
        if (filter != NULL && *filter != '\0' &&
            strstr(p->labels[n], filter) == NULL &&
            strstr(p->details[n], filter) == NULL)
            continue;
        p->items[n] = (struct pick_item){dbres_field(p->res, i, "id"),
                                         p->labels[n], p->details[n]};
        n++;
    }
    *items = p->items;
    return n;
}

/* Show snapshot id of the shown report in place of today's figures. */
static void
open_frozen(struct screen *s, long long id)
{
    struct report_screen *r = s->data;
    struct snapshot_info *info = calloc(1, sizeof *info);
    struct db_error err;
    struct dbres *rows = NULL;
    int rc;

    if (info == NULL) {
        app_status(s->app, "%s", _("out of memory"));
        return;
    }
    rc = snapshot_get(s->app->db, id, info, &err);
    if (rc == 0 && !info->verified)
        app_status_error(s->app,
                         _("Snapshot %lld does not match its SHA-256: its "
                           "figures were changed; not shown."),
                         id);
    else if (rc == 0 && (rows = snapshot_rows(s->app->db, id, &err)) == NULL)
        app_error(s->app, &err);
    else if (rc < 0)
        app_error(s->app, &err);
    if (rows == NULL) {
        free(info);
        return;
    }
    free(r->frozen);
    r->frozen = info;
    r->year = info->year;
    dbres_free(r->res);
    free(r->view);
    r->res = rows;
    r->view = calloc((size_t)rows->nrows + 1, sizeof(int));
    r->by_item = false;
    listview_reset(&r->lv);
    report_layout(s, r->top, r->rows, r->cols);
}

/* v: pick one of the shown report's snapshots and open it. */
static void
pick_frozen(struct screen *s)
{
    struct report_screen *r = s->data;
    struct snap_pick p = {s->app->db, r->def->name, NULL, NULL, NULL, NULL};
    char *id =
        dialog_pick(s->app, _("Reports as submitted"), NULL, snap_search, &p);

    dbres_free(p.res);
    free(p.items);
    free(p.labels);
    free(p.details);
    if (id != NULL)
        open_frozen(s, atoll(id));
    free(id);
}

/* Back from a snapshot to today's figures. */
static void
close_frozen(struct screen *s)
{
    struct report_screen *r = s->data;

    free(r->frozen);
    r->frozen = NULL;
    reload(s);
}

/* p on a snapshot: its PDF, with its version line. */
static void
print_frozen(struct screen *s)
{
    struct report_screen *r = s->data;
    char *stamp = snapshot_stamp(r->frozen);

    if (stamp == NULL)
        app_status(s->app, "%s", _("out of memory"));
    else
        printpdf_snapshot(s->app, r->def, r->res, r->year, r->frozen->id,
                          stamp);
    free(stamp);
}

/* The keys of a snapshot shown: s, r and g as ever, Esc back, p its PDF;
 * anything that would fetch today's figures is refused. */
static enum key_result
frozen_key(struct screen *s, const struct key *k)
{
    switch (k->action) {
    case ACT_BACK:
        close_frozen(s);
        return KR_RELAYOUT;
    case ACT_PRINT:
        print_frozen(s);
        return KR_REDRAW;
    case ACT_OPEN:
    case ACT_REFRESH:
        app_status(s->app, "%s",
                   _("A report as submitted does not change: Esc for "
                     "today's figures."));
        return KR_REDRAW;
    default:
        break;
    }
    if (!k->is_function && (k->code == 's' || k->code == 'r' || k->code == 'g'))
        return KR_UNHANDLED; /* report_char sorts and groups */
    if (!k->is_function && k->code >= '0' && k->code <= 'z') {
        app_status(s->app, "%s",
                   _("A report as submitted does not change: Esc for "
                     "today's figures."));
        return KR_REDRAW;
    }
    return KR_UNHANDLED;
}
/* end issue 17 H6 */

static enum key_result
report_char(struct screen *s, wint_t c)
{
    struct report_screen *r = s->data;
    size_t n = report_total();

    if (c == 'f' && r->frozen == NULL) { /* issue 17 H6 */
        freeze_shown(s);
        return KR_REDRAW;
    }
    if (c == 'v' && r->frozen == NULL) {
        pick_frozen(s);
        return KR_RELAYOUT;
    }
    if (c >= '1' && c < (wint_t)('1' + (n < 9 ? n : 9)))
        pick(s, (size_t)(c - '1'));
    else if (c == 'n')
        pick(s, (r->index + 1) % n);
    else if (c == 'N')
        pick(s, (r->index + n - 1) % n);
    else if (c == 'y' || c == 'Y') {
        r->year += c == 'y' ? -1 : 1;
        reload(s);
    } else if (c == 's') {
        r->sort = r->sort + 1 >= r->def->ncols ? -1 : r->sort + 1;
        build_view(r);
    } else if (c == 'r') {
        r->reverse = !r->reverse;
        build_view(r);
    } else if (c == 'g' && r->def->item_label != NULL) {
        r->by_item = !r->by_item;
        report_layout(s, r->top, r->rows, r->cols);
        listview_reset(&r->lv);
        build_view(r);
    } else
        return KR_UNHANDLED;
    return KR_RELAYOUT;
}

static enum key_result
report_key(struct screen *s, const struct key *k)
{
    struct report_screen *r = s->data;
    enum key_result kr;

    if (r->frozen != NULL && (kr = frozen_key(s, k)) != KR_UNHANDLED)
        return kr; /* issue 17 H6 */
    switch (k->action) {
    case ACT_OPEN:
        return open_missing(s);
    case ACT_REFRESH:
        reload(s);
        return KR_REDRAW;
    case ACT_PRINT:
        printpdf_report(s->app, r->def, r->year);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        break;
    }
    if (!k->is_function && k->code != 0 &&
        (kr = report_char(s, k->code)) != KR_UNHANDLED)
        return kr;
    return listview_key(&r->lv, k);
}

static const enum action report_actions_list[] = {
    ACT_PRINT, ACT_OPEN, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};

/* issue 17 H6: a snapshot shown is printed and left, nothing more */
static const enum action frozen_actions_list[] = {ACT_PRINT, ACT_HELP, ACT_BACK,
                                                  ACT_NONE};

static const enum action *
report_actions(struct screen *s)
{
    const struct report_screen *r = s->data;

    return r->frozen != NULL ? frozen_actions_list : report_actions_list;
}

static const char *
report_title(struct screen *s)
{
    struct report_screen *r = s->data;

    if (r->frozen != NULL) /* issue 17 H6 */
        return _("Reports - as submitted (read-only)");
    return r->rdb != NULL ? _("Reports (from the standby)") : _("Reports");
}

static void
report_close(struct screen *s)
{
    struct report_screen *r = s->data;

    dbres_free(r->res);
    free(r->view);
    listview_free(&r->lv);
    db_close(r->rdb);
    free(r->frozen); /* issue 17 H6 */
    free(r);
    free(s);
}

static const struct screen_ops report_ops = {
    .name = "report",
    .layout = report_layout,
    .draw = report_draw,
    .key = report_key,
    .actions = report_actions,
    .title = report_title,
    .close = report_close,
};

struct screen *
report_screen_new(struct app *a)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct report_screen *r = calloc(1, sizeof(*r));

    if (s == NULL || r == NULL) {
        free(s);
        free(r);
        return NULL;
    }
    *s = (struct screen){.ops = &report_ops, .app = a, .data = r};
    r->def = report_at(0);
    r->sort = -1;
    r->utf8 = bar_locale_utf8();
    r->year = date_school_year_today();
    r->cols = 80;
    r->rows = 20;
    r->bar_cells = 20;
    listview_init(&r->lv, r->columns, set_columns(r), report_row, s);
    r->lv.empty_text = _("Nothing to report.");
    open_standby(s);
    reload(s);
    return s;
}

/* issue 17 H3: the report screen opened on report `name` (the measures
 * area's entries); on the first report when there is no such report. */
struct screen *
report_screen_new_for(struct app *a, const char *name)
{
    struct screen *s = report_screen_new(a);

    for (size_t i = 0; s != NULL && report_at(i) != NULL; i++)
        if (strcmp(report_at(i)->name, name) == 0) {
            pick(s, i);
            break;
        }
    return s;
}
/* end issue 17 H3 */
