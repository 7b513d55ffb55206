/*
 * import.c
 *   "Roster import and reconciliation" (名册导入与比对). On its first moment
 *   it asks for the path of a roster CSV file (readline prompt; a relative
 *   name in the folder of the person's files, ~/eduaid), imports it
 *   (db/rosterload.c: one transaction, nothing kept on a refusal) and
 *   shows every problem as FILE:LINE:COLUMN. Then the reconciliation the
 *   server computes under the person's row-level security: counts per
 *   township; Enter lists the differences of a township; there Space marks
 *   missing households (* all of them) and F3 creates drafts for the
 *   marked ones after a confirmation naming the count, each household in
 *   its own statement (eduaid.roster_create_drafts), then says what was
 *   created and what refused. F2 exports the differences as CSV, F5 imports
 *   another file, Esc goes back from a township to the counts.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/safefile.h"
#include "core/text.h"
#include "db/roster.h"
#include "db/rosterload.h"
#include "screens/screens.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/listview.h"

#define NCOUNT 9
#define NDIFF 7
#define MAX_REPORT 4000

/* The columns of roster_counts the counts list shows, in order. */
static const char *const count_names[NCOUNT] = {
    "township_name",      "roster_households", "roster_members",
    "missing_households", "extra_households",  "differing_households",
    "missing_members",    "extra_members",     "differing_members"};

struct import {
    struct listview counts_lv, diffs_lv;
    struct lv_column count_cols[NCOUNT], diff_cols[NDIFF];
    const char *cells[NCOUNT];
    char import_id[24];
    char summary[256];
    char outside[256]; /* the roster's rows not compared: not my townships */
    struct dbres *counts, *diffs;
    int *shown; /* rows of diffs in the township shown */
    int nshown;
    int township; /* row of counts whose differences are shown, or -1 */
    bool started;
    int top, rows, cols;
};

static const char *
val(const struct dbres *r, int i, const char *c)
{
    const char *v = r != NULL ? dbres_field(r, i, c) : NULL;

    return v != NULL ? v : "";
}

static const char *
kind_label(const char *kind)
{
    static const char *const kinds[][2] = {
        {"missing_household", N_("missing household")},
        {"extra_household", N_("extra household")},
        {"household_differs", N_("household differs")},
        {"missing_member", N_("missing member")},
        {"extra_member", N_("extra member")},
        {"member_differs", N_("member differs")},
    };

    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (strcmp(kind, kinds[i][0]) == 0)
            return _(kinds[i][1]);
    return kind;
}

/* A differing field's name as the clerk reads it. */
static const char *
field_label(const char *field)
{
    static const char *const fields[][2] = {
        {"head_name", N_("Head's name")},
        {"head_id_number", N_("Head's ID number")},
        {"township", N_("Township")},
        {"village", N_("Village")},
        {"family_size", N_("Family size")},
        {"name", N_("Name")},
        {"household_no", N_("Household")},
    };

    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        if (strcmp(field, fields[i][0]) == 0)
            return _(fields[i][1]);
    return field;
}

/* ---- loading --------------------------------------------------------------
 */

/* The differences of counts row t, as indexes into diffs. */
static void
select_township(struct import *im, int t)
{
    const char *tid = val(im->counts, t, "township_id");

    im->nshown = 0;
    for (int i = 0; im->diffs != NULL && i < im->diffs->nrows; i++)
        if (strcmp(val(im->diffs, i, "township_id"), tid) == 0)
            im->shown[im->nshown++] = i;
    im->township = t;
    listview_reset(&im->diffs_lv);
    listview_set_rows(&im->diffs_lv, im->nshown, false);
}

/* Note in im->outside the roster's rows in townships not the user's:
 * the reconciliation leaves them out, and says so (issue 13 item 6). */
static void
note_outside(struct screen *s)
{
    struct import *im = s->data;
    struct db_error err;
    struct dbres *r = roster_outside_scope(s->app->db, im->import_id, &err);
    long rows = 0;

    im->outside[0] = '\0';
    if (r == NULL) {
        app_error(s->app, &err);
        return;
    }
    for (int i = 0; i < r->nrows; i++)
        rows += atol(val(r, i, "rows"));
    if (r->nrows == 1)
        snprintf(im->outside, sizeof(im->outside),
                 _("Not compared: %s (not yours), rows: %ld"),
                 val(r, 0, "township_name"), rows);
    else if (r->nrows > 1)
        snprintf(im->outside, sizeof(im->outside),
                 _("Not compared: %s and %d more (not yours), rows: %ld"),
                 val(r, 0, "township_name"), r->nrows - 1, rows);
    dbres_free(r);
}

static void
reload(struct screen *s)
{
    struct import *im = s->data;
    struct db_error err;
    struct dbres *c, *d;
    int *shown;

    if (im->import_id[0] == '\0')
        return;
    c = roster_counts(s->app->db, im->import_id, NULL, &err);
    d = c == NULL ? NULL
                  : roster_differences(s->app->db, im->import_id, NULL, &err);
    if (c == NULL || d == NULL) {
        dbres_free(c);
        app_error(s->app, &err);
        return;
    }
    if ((shown = calloc((size_t)d->nrows + 1, sizeof(*shown))) == NULL) {
        dbres_free(c);
        dbres_free(d);
        app_status(s->app, "%s", _("out of memory"));
        return;
    }
    dbres_free(im->counts);
    dbres_free(im->diffs);
    free(im->shown);
    im->counts = c;
    im->diffs = d;
    im->shown = shown;
    listview_set_rows(&im->counts_lv, c->nrows, false);
    if (im->township >= 0 && im->township < c->nrows)
        select_township(im, im->township);
    else
        im->township = -1;
    note_outside(s);
}

/* Show the import's messages (FILE:LINE:COLUMN: reason) in a dialog. */
static void
show_messages(struct app *a, const struct roster_load *out, bool ok)
{
    char *text = malloc(MAX_REPORT + 64);
    size_t used = 0;

    if (text == NULL)
        return;
    text[0] = '\0';
    for (size_t i = 0; i < out->nmessages && used < MAX_REPORT; i++)
        used += (size_t)snprintf(text + used, MAX_REPORT + 64 - used, "%s\n",
                                 out->messages[i]);
    if (!ok)
        snprintf(text + used, MAX_REPORT + 64 - used, "%s",
                 _("Nothing was imported."));
    dialog_message(a, ok ? _("Roster imported") : _("Roster refused"), text);
    free(text);
}

/* A relative name typed at the prompt under the folder of the person's
 * files (paths.files_dir, ~/eduaid: core/safefile.c) when there is one,
 * else as typed (the working directory). */
static const char *
in_files_dir(char *typed)
{
    static char path[PATH_MAX];
    char dir[PATH_MAX], msg[PATH_MAX + 64];

    if (typed[0] == '/' ||
        safefile_import_dir(dir, sizeof(dir), msg, sizeof(msg)) != 0 ||
        dir[0] == '\0' ||
        safefile_path(typed, dir, path, sizeof(path), msg, sizeof(msg)) != 0)
        return typed;
    return path;
}

/* The import's progress on the status line, sent at once. */
static void
show_progress(const struct roster_progress *p, void *ctx)
{
    struct app *a = ctx;
    char text[200];

    roster_progress_text(p, text, sizeof(text));
    app_status(a, "%s", text);
    app_status_now(a);
}

/* Ask for a file and import it. */
static void
import_file(struct screen *s)
{
    struct import *im = s->data;
    struct roster_load out;
    char *path = dialog_prompt(s->app, PROMPT_TEXT, _("Import a roster"),
                               _("CSV file (UTF-8 or GB18030):"), NULL);
    int rc;

    if (path == NULL || path[0] == '\0') {
        free(path);
        return;
    }
    rc = roster_load_file_progress(s->app->db, in_files_dir(path),
                                   CSV_ENC_UNKNOWN, true, show_progress, s->app,
                                   &out);
    app_status(s->app, "%s", ""); /* the progress is over: the summary says */
    if (rc == 0) {
        snprintf(im->import_id, sizeof(im->import_id), "%lld", out.import_id);
        snprintf(im->summary, sizeof(im->summary),
                 _("Import %lld: %ld rows, %ld households, %ld members, %s"),
                 out.import_id, out.rows, out.households, out.members,
                 csv_encoding_name(out.encoding));
        im->township = -1;
        reload(s);
    }
    if (rc != 0 || out.nmessages > 0)
        show_messages(s->app, &out, rc == 0);
    roster_load_free(&out);
    free(path);
}

/* ---- actions --------------------------------------------------------------
 */

/* The differences to a CSV file (0600: full ID numbers): offered in the
 * exports directory, a bare name typed goes there too, and the status line
 * names the file by its absolute path. */
static void
export_csv(struct screen *s)
{
    struct import *im = s->data;
    char dir[PATH_MAX], name[PATH_MAX + 64], path[PATH_MAX], msg[600],
        written[PATH_MAX];
    char *typed;

    if (im->diffs == NULL)
        return;
    if (safefile_exports_dir(dir, sizeof(dir), msg, sizeof(msg)) != 0) {
        app_status(s->app, "%s", msg);
        return;
    }
    snprintf(name, sizeof(name), "%s/reconcile-%s.csv", dir, im->import_id);
    typed = dialog_prompt(s->app, PROMPT_TEXT, _("Export the differences"),
                          _("CSV file to write:"), name);
    if (typed == NULL || typed[0] == '\0') {
        free(typed);
        return;
    }
    if (safefile_path(typed, dir, path, sizeof(path), msg, sizeof(msg)) != 0 ||
        roster_write_csv(im->diffs, path, CSVOUT_UTF8_BOM, written,
                         sizeof(written), msg, sizeof(msg)) != 0)
        app_status(s->app, "%s", msg);
    else
        app_status(s->app, _("%d differences written to %s"), im->diffs->nrows,
                   written);
    free(typed);
}

/* Mark every missing household of the township (or clear the marks). */
static void
mark_missing(struct import *im)
{
    bool any = im->diffs_lv.nmarked > 0;

    listview_clear_marks(&im->diffs_lv);
    if (any)
        return;
    for (int i = 0; i < im->nshown; i++)
        if (strcmp(val(im->diffs, im->shown[i], "diff_kind"),
                   "missing_household") == 0)
            listview_set_mark(&im->diffs_lv, i, true);
}

/* Create one household's draft; appends a line to report. */
static bool
create_one(struct screen *s, const char *hno, char *report, size_t *used)
{
    struct import *im = s->data;
    struct db_error err;
    bool ok = roster_create_draft(s->app->db, im->import_id, hno, &err) == 0;

    if (*used < MAX_REPORT)
        *used += (size_t)snprintf(report + *used, MAX_REPORT + 64 - *used,
                                  "%s: %s\n", hno,
                                  ok ? _("draft created") : err.message);
    return ok;
}

static void
create_drafts(struct screen *s)
{
    struct import *im = s->data;
    char question[256], *report;
    size_t used = 0;
    int n = 0, done = 0;

    for (int i = 0; i < im->nshown; i++)
        if (listview_marked(&im->diffs_lv, i) &&
            strcmp(val(im->diffs, im->shown[i], "diff_kind"),
                   "missing_household") == 0)
            n++;
    if (n == 0) {
        app_status(s->app, "%s",
                   _("Mark missing households with Space (or * for all) "
                     "first."));
        return;
    }
    snprintf(question, sizeof(question),
             _("Create drafts for %d missing household(s) and their "
               "members? They then go through the normal workflow."),
             n);
    if (!dialog_confirm(s->app, _("Create drafts"), question, false) ||
        (report = malloc(MAX_REPORT + 64)) == NULL)
        return;
    for (int i = 0; i < im->nshown; i++) {
        int row = im->shown[i];

        if (listview_marked(&im->diffs_lv, i) &&
            strcmp(val(im->diffs, row, "diff_kind"), "missing_household") == 0)
            done += create_one(s, val(im->diffs, row, "household_no"), report,
                               &used);
    }
    snprintf(question, sizeof(question), _("%d created, %d refused"), done,
             n - done);
    dialog_message(s->app, question, report);
    free(report);
    reload(s);
}

/* ---- the screen -----------------------------------------------------------
 */

static bool
count_row(void *arg, int index, struct lv_row *row)
{
    struct screen *s = arg;
    struct import *im = s->data;

    if (im->counts == NULL || index >= im->counts->nrows)
        return false;
    for (int c = 0; c < NCOUNT; c++)
        im->cells[c] = val(im->counts, index, count_names[c]);
    row->cells = im->cells;
    return true;
}

static bool
diff_row(void *arg, int index, struct lv_row *row)
{
    struct screen *s = arg;
    struct import *im = s->data;
    int i;

    if (im->diffs == NULL || index >= im->nshown)
        return false;
    i = im->shown[index];
    im->cells[0] = kind_label(val(im->diffs, i, "diff_kind"));
    im->cells[1] = val(im->diffs, i, "household_no");
    im->cells[2] = val(im->diffs, i, "person_name");
    im->cells[3] = val(im->diffs, i, "id_number");
    im->cells[4] = field_label(val(im->diffs, i, "field"));
    im->cells[5] = val(im->diffs, i, "roster_value");
    im->cells[6] = val(im->diffs, i, "eduaid_value");
    row->cells = im->cells;
    return true;
}

/* The counts' number columns as wide as their translated headings (at
 * least 5 cells); when the township would get fewer than 10 cells, the
 * widest headings give way (cut with a mark) down to 5 cells each. */
static void
fit_counts(struct import *im, int cols)
{
    int used = NCOUNT - 1; /* the gaps */

    for (int c = 1; c < NCOUNT; c++) {
        int w = text_utf8_cells(im->count_cols[c].title);

        im->count_cols[c].width = w < 5 ? 5 : w;
        used += im->count_cols[c].width;
    }
    while (cols - used < 10) {
        int widest = 1;

        for (int c = 2; c < NCOUNT; c++)
            if (im->count_cols[c].width > im->count_cols[widest].width)
                widest = c;
        if (im->count_cols[widest].width <= 5)
            break;
        im->count_cols[widest].width--;
        used--;
    }
}

/* The differences: the kind as wide as its widest translated label; the
 * roster's and eduaid's values share what is left (the line below the
 * list shows the selected one in full). */
static void
fit_diffs(struct import *im, int cols)
{
    static const char *const kinds[] = {"missing_household", "extra_household",
                                        "household_differs", "missing_member",
                                        "extra_member",      "member_differs"};
    int w = text_utf8_cells(im->diff_cols[0].title), rest;

    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (text_utf8_cells(kind_label(kinds[i])) > w)
            w = text_utf8_cells(kind_label(kinds[i]));
    im->diff_cols[0].width = w;
    /* mark column (2 cells) and the six gaps */
    rest = cols - 2 - (NDIFF - 1) - w - im->diff_cols[1].width -
           im->diff_cols[2].width - im->diff_cols[3].width -
           im->diff_cols[4].width;
    w = text_utf8_cells(im->diff_cols[6].title);
    im->diff_cols[6].width = rest / 2 > w ? rest / 2 : w;
}

static void
import_layout(struct screen *s, int top, int rows, int cols)
{
    struct import *im = s->data;

    fit_counts(im, cols);
    fit_diffs(im, cols);

    im->top = top;
    im->rows = rows;
    im->cols = cols;
    listview_layout(&im->counts_lv, top + 2, 0, rows - 2, cols);
    listview_layout(&im->diffs_lv, top + 2, 0, rows - 3, cols);
}

/* Below the differences: what "missing" and "extra" mean, or the selected
 * difference in full. */
static void
draw_detail(struct import *im)
{
    int sel = listview_selected(&im->diffs_lv);
    char line[1024];

    if (sel >= 0 && val(im->diffs, im->shown[sel], "field")[0] != '\0')
        /* TRANSLATORS: household, field, roster value, eduaid value */
        snprintf(line, sizeof(line), _("%s %s: %s -> %s"),
                 val(im->diffs, im->shown[sel], "household_no"),
                 field_label(val(im->diffs, im->shown[sel], "field")),
                 val(im->diffs, im->shown[sel], "roster_value"),
                 val(im->diffs, im->shown[sel], "eduaid_value"));
    else
        snprintf(line, sizeof(line), "%s",
                 _("missing: in the roster, not in eduaid; extra: in eduaid, "
                   "not in the roster"));
    draw_str(stdscr, im->top + im->rows - 1, 0, im->cols, line, UA_LABEL,
             DRAW_PAD | DRAW_MARK_CUT);
}

static void
import_draw(struct screen *s)
{
    struct import *im = s->data;
    char line[1024], k1[32], k2[32], k3[32];

    keys_names(ACT_SAVE, KEYS_PRIMARY, k1, sizeof(k1));
    keys_names(ACT_LOOKUP, KEYS_PRIMARY, k2, sizeof(k2));
    keys_names(ACT_NEW, KEYS_PRIMARY, k3, sizeof(k3));
    snprintf(line, sizeof(line), "%s%s%s",
             im->summary[0] ? im->summary : _("No roster imported yet."),
             im->outside[0] ? "   " : "", im->outside);
    draw_str(stdscr, im->top, 0, im->cols, line, UA_LABEL,
             DRAW_PAD | DRAW_MARK_CUT);
    if (im->township < 0)
        snprintf(line, sizeof(line),
                 _("Enter: differences of a township   %s: export CSV   %s: "
                   "import another file"),
                 k1, k2);
    else
        snprintf(line, sizeof(line),
                 _("%s -- Space marks, * marks all missing households, %s "
                   "creates drafts, %s exports   Marked: %d"),
                 val(im->counts, im->township, "township_name"), k3, k1,
                 im->diffs_lv.nmarked);
    draw_str(stdscr, im->top + 1, 0, im->cols, line, UA_NORMAL,
             DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(im->township < 0 ? &im->counts_lv : &im->diffs_lv);
    if (im->township >= 0)
        draw_detail(im);
}

static enum key_result
township_key(struct screen *s, const struct key *k)
{
    struct import *im = s->data;

    switch (k->action) {
    case ACT_BACK:
        im->township = -1;
        return KR_REDRAW;
    case ACT_MARK_ALL:
        mark_missing(im);
        return KR_REDRAW;
    case ACT_NEW:
        create_drafts(s);
        return KR_REDRAW;
    default:
        return listview_key(&im->diffs_lv, k);
    }
}

static enum key_result
import_key(struct screen *s, const struct key *k)
{
    struct import *im = s->data;
    int sel;

    if (!im->started) {
        im->started = true;
        import_file(s);
        return KR_REDRAW;
    }
    switch (k->action) {
    case ACT_LOOKUP:
        import_file(s);
        return KR_REDRAW;
    case ACT_SAVE:
        export_csv(s);
        return KR_REDRAW;
    case ACT_REFRESH:
        reload(s);
        return KR_REDRAW;
    default:
        break;
    }
    if (im->township >= 0)
        return township_key(s, k);
    switch (k->action) {
    case ACT_OPEN:
        if ((sel = listview_selected(&im->counts_lv)) >= 0)
            select_township(im, sel);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&im->counts_lv, k);
    }
}

/* On the counts: open a township, export, import; on a township's
 * differences also mark all and create drafts. */
static const enum action counts_actions[] = {
    ACT_OPEN, ACT_SAVE, ACT_LOOKUP, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};
static const enum action township_actions[] = {
    ACT_MARK_ALL, ACT_NEW,  ACT_SAVE, ACT_LOOKUP,
    ACT_REFRESH,  ACT_HELP, ACT_BACK, ACT_NONE};

static const enum action *
import_actions(struct screen *s)
{
    struct import *im = s->data;

    return im->township < 0 ? counts_actions : township_actions;
}

/* What the generic actions do here. */
static const char *
import_action_label(struct screen *s, enum action a)
{
    (void)s;
    switch (a) {
    case ACT_OPEN:
        return _("Differences");
    case ACT_NEW:
        return _("Create drafts");
    case ACT_SAVE:
        return _("Export CSV");
    case ACT_LOOKUP:
        return _("Import a file");
    case ACT_MARK_ALL:
        return _("Mark missing");
    default:
        return NULL;
    }
}

static const char *
import_title(struct screen *s)
{
    (void)s;
    return _("Roster import and reconciliation");
}

static void
import_close(struct screen *s)
{
    struct import *im = s->data;

    dbres_free(im->counts);
    dbres_free(im->diffs);
    free(im->shown);
    listview_free(&im->counts_lv);
    listview_free(&im->diffs_lv);
    free(im);
    free(s);
}

static const struct screen_ops import_ops = {
    .name = "import",
    .layout = import_layout,
    .draw = import_draw,
    .key = import_key,
    .actions = import_actions,
    .title = import_title,
    .action_label = import_action_label,
    .close = import_close,
};

struct screen *
import_screen_new(struct app *a)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct import *im = calloc(1, sizeof(*im));
    static const struct {
        const char *title;
        int width;
    } cc[NCOUNT] = {{N_("Township"), 0},      {N_("Households"), 10},
                    {N_("Members"), 8},       {N_("HH missing"), 10},
                    {N_("HH extra"), 8},      {N_("HH differ"), 9},
                    {N_("Mem. missing"), 12}, {N_("Mem. extra"), 10},
                    {N_("Mem. differ"), 11}},
      dc[NDIFF] = {{N_("Difference"), 17}, {N_("Household"), 11},
                   {N_("Name"), 8},        {N_("ID number"), 18},
                   {N_("Field"), 10},      {N_("Roster"), 0},
                   {N_("eduaid"), 10}};

    if (s == NULL || im == NULL) {
        free(s);
        free(im);
        return NULL;
    }
    *s = (struct screen){.ops = &import_ops, .app = a, .data = im};
    im->township = -1;
    for (int c = 0; c < NCOUNT; c++)
        im->count_cols[c] =
            (struct lv_column){_(cc[c].title), cc[c].width, c > 0};
    for (int c = 0; c < NDIFF; c++)
        im->diff_cols[c] =
            (struct lv_column){_(dc[c].title), dc[c].width, false};
    listview_init(&im->counts_lv, im->count_cols, NCOUNT, count_row, s);
    listview_init(&im->diffs_lv, im->diff_cols, NDIFF, diff_row, s);
    im->counts_lv.empty_text = _("No differences to show: import a roster.");
    im->diffs_lv.empty_text = _("This township has no differences.");
    im->diffs_lv.multi = true;
    return s;
}
