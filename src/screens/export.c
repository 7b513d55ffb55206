/*
 * export.c
 *   The export screen (issue 14), for every role that reads records: what
 *   `eduaid export` does, chosen on one screen -- the record kind, the
 *   status and the township (the filters), the encoding (UTF-8 with a
 *   byte order mark for Excel, GB18030, UTF-8 without one for programs),
 *   personal data masked or not (offered unmasked to the roles that may
 *   read it; the server decides) and the file name (a bare name goes to
 *   the exports directory, core/safefile.c). Enter changes the selected
 *   setting; F2 exports through db/exportfile.c, the path the command
 *   takes: the file is 0600, whole or not at all, and the export is in
 *   the audit log before the file is in place. The status line says how
 *   many rows went where.
 */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/match.h"
#include "core/safefile.h"
#include "db/exportfile.h"
#include "db/record.h"
#include "screens/screens.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/listview.h"

/* The settings, one row each. */
enum setting {
    SET_KIND,
    SET_STATUS,
    SET_TOWNSHIP,
    SET_ENCODING,
    SET_MASK,
    SET_FILE,
    NSETTINGS
};

static const struct {
    enum csvout_encoding encoding;
    const char *label;
} encodings[] = {
    {CSVOUT_UTF8_BOM, N_("UTF-8 with BOM (Excel)")},
    {CSVOUT_GB18030, N_("GB18030 (older Excel, WPS)")},
    {CSVOUT_UTF8, N_("UTF-8 without BOM (programs)")},
};
#define NENCODINGS (sizeof(encodings) / sizeof(encodings[0]))

#define PICK_MAX 80

struct export_screen {
    struct listview lv;
    struct lv_column columns[2];
    const char *cells[2];
    size_t kind;     /* index into app->forms */
    char status[32]; /* "" = any */
    int township;    /* 0 = every township */
    char township_name[64];
    size_t encoding;
    bool unmasked;
    char file[PATH_MAX];
    bool file_typed;           /* else the name follows the kind */
    char value[PATH_MAX + 16]; /* the value cell being drawn */
    struct pick_item items[PICK_MAX];
    char keys[PICK_MAX][24];
    int nitems;
    struct dbres *townships;
    int top, rows, cols;
};

/* May this role ask for unmasked personal data? Mirrors the column
 * privileges (supervisors have none on them); the server decides. */
static bool
may_unmask(struct app *a)
{
    return strcmp(db_role(a->db), "supervisor") != 0;
}

static void
default_file(struct screen *s)
{
    struct export_screen *e = s->data;

    if (!e->file_typed && s->app->nforms > 0)
        snprintf(e->file, sizeof(e->file), "%s-%d.csv",
                 s->app->forms[e->kind]->kind, date_today_yyyymmdd());
}

static const char *
setting_label(enum setting i)
{
    switch (i) {
    case SET_KIND:
        return _("Record kind");
    case SET_STATUS:
        return _("Status");
    case SET_TOWNSHIP:
        return _("Township");
    case SET_ENCODING:
        return _("Encoding");
    case SET_MASK:
        return _("Personal data");
    case SET_FILE:
    default:
        return _("File");
    }
}

static const char *
setting_value(struct screen *s, enum setting i)
{
    struct export_screen *e = s->data;
    struct app *a = s->app;

    switch (i) {
    case SET_KIND:
        return a->nforms ? label_text(&a->forms[e->kind]->title, a->zh) : "";
    case SET_STATUS:
        return e->status[0] ? status_marker(e->status) : _("all");
    case SET_TOWNSHIP:
        return e->township ? e->township_name : _("all");
    case SET_ENCODING:
        return _(encodings[e->encoding].label);
    case SET_MASK:
        return e->unmasked ? _("unmasked (full ID numbers)") : _("masked");
    case SET_FILE:
    default:
        return e->file;
    }
}

static bool
export_row(void *arg, int index, struct lv_row *row)
{
    struct screen *s = arg;
    struct export_screen *e = s->data;

    if (index < 0 || index >= NSETTINGS)
        return false;
    e->cells[0] = setting_label((enum setting)index);
    e->cells[1] = setting_value(s, (enum setting)index);
    row->cells = e->cells;
    return true;
}

/* ---- the pick lists ------------------------------------------------------ */

static void
add_item(struct export_screen *e, const char *key, const char *label)
{
    if (e->nitems >= PICK_MAX)
        return;
    snprintf(e->keys[e->nitems], sizeof(e->keys[0]), "%s", key);
    e->items[e->nitems] = (struct pick_item){e->keys[e->nitems], label, NULL};
    e->nitems++;
}

/* The choices of setting i. */
static void
fill_choices(struct screen *s, enum setting i)
{
    struct export_screen *e = s->data;
    struct app *a = s->app;
    char key[24];

    e->nitems = 0;
    switch (i) {
    case SET_KIND:
        for (size_t k = 0; k < a->nforms; k++) {
            if (!a->forms[k]->menu) /* no export (the pair agreement) */
                continue;
            snprintf(key, sizeof(key), "%zu", k);
            add_item(e, key, label_text(&a->forms[k]->title, a->zh));
        }
        break;
    case SET_STATUS:
        add_item(e, "", _("all"));
        for (size_t k = 0; status_at(k) != NULL; k++)
            if (a->nforms == 0 ||
                status_of_kind(status_at(k), a->forms[e->kind]->kind))
                add_item(e, status_at(k), status_marker(status_at(k)));
        break;
    case SET_TOWNSHIP:
        add_item(e, "0", _("all"));
        for (int k = 0; e->townships != NULL && k < e->townships->nrows; k++)
            add_item(e, dbres_field(e->townships, k, "key"),
                     dbres_field(e->townships, k, "label"));
        break;
    case SET_ENCODING:
        for (size_t k = 0; k < NENCODINGS; k++) {
            snprintf(key, sizeof(key), "%zu", k);
            add_item(e, key, _(encodings[k].label));
        }
        break;
    case SET_MASK:
        add_item(e, "0", _("masked"));
        if (may_unmask(a))
            add_item(e, "1", _("unmasked (full ID numbers)"));
        break;
    default:
        break;
    }
}

static int
choice_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct export_screen *e = arg;
    static struct pick_item shown[PICK_MAX];
    int n = 0;

    for (int i = 0; i < e->nitems; i++) {
        const char *texts[] = {e->items[i].label};

        if (match_words(filter, texts, 1))
            shown[n++] = e->items[i];
    }
    *items = shown;
    return n;
}

/* Read the townships the person may see, once. */
static void
load_townships(struct screen *s)
{
    struct export_screen *e = s->data;
    const struct lookupdef *d = lookupset_find(s->app->lookups, "township");
    struct db_error err;

    if (e->townships == NULL && d != NULL &&
        (e->townships = record_lookup(s->app->db, d, 0, NULL, 64, &err)) ==
            NULL)
        app_error(s->app, &err);
}

static void
apply_choice(struct screen *s, enum setting i, const char *v)
{
    struct export_screen *e = s->data;
    size_t k = (size_t)atoi(v);

    switch (i) {
    case SET_KIND:
        if (k < s->app->nforms && k != e->kind) {
            e->kind = k;
            e->status[0] = '\0';
            default_file(s);
        }
        break;
    case SET_STATUS:
        snprintf(e->status, sizeof(e->status), "%s", v);
        break;
    case SET_TOWNSHIP:
        e->township = atoi(v);
        e->township_name[0] = '\0';
        for (int r = 0; e->townships != NULL && r < e->townships->nrows; r++)
            if (strcmp(dbres_field(e->townships, r, "key"), v) == 0)
                snprintf(e->township_name, sizeof(e->township_name), "%s",
                         dbres_field(e->townships, r, "label"));
        break;
    case SET_ENCODING:
        e->encoding = k < NENCODINGS ? k : 0;
        break;
    case SET_MASK:
        e->unmasked = k == 1 && may_unmask(s->app);
        break;
    default:
        break;
    }
}

/* Enter: change the selected setting. */
static void
change(struct screen *s, enum setting i)
{
    struct export_screen *e = s->data;
    char *v;

    if (i == SET_FILE) {
        v = dialog_prompt(s->app, PROMPT_TEXT, _("Export"),
                          _("File name (a bare name goes to the exports "
                            "folder):"),
                          e->file);
        if (v != NULL && v[0] != '\0') {
            snprintf(e->file, sizeof(e->file), "%s", v);
            e->file_typed = true;
        }
        free(v);
        return;
    }
    if (i == SET_TOWNSHIP)
        load_townships(s);
    fill_choices(s, i);
    if ((v = dialog_pick(s->app, setting_label(i), NULL, choice_search, e)) !=
        NULL)
        apply_choice(s, i, v);
    free(v);
}

/* ---- F2: the export ------------------------------------------------------ */

/* Say why the server refused, in the person's words. */
static void
say_refused(struct screen *s, const struct db_error *err)
{
    struct export_screen *e = s->data;

    if (e->unmasked && (strcmp(err->sqlstate, "42501") == 0 ||
                        strcmp(err->sqlstate, "EA004") == 0))
        app_status_error(s->app, "%s",
                         _("Your role may not export unmasked personal data."));
    else
        app_error(s->app, err);
}

static void
run(struct screen *s)
{
    struct export_screen *e = s->data;
    struct app *a = s->app;
    struct export_query q = {0};
    const struct exportfile_options o = {encodings[e->encoding].encoding, false,
                                         false};
    struct safefile out;
    struct db_error err;
    char dir[PATH_MAX], path[PATH_MAX], msg[PATH_MAX + 128];
    long long nrows = 0;
    enum exportfile_failure rc;

    if (a->nforms == 0)
        return;
    if (safefile_exports_dir(dir, sizeof(dir), msg, sizeof(msg)) != 0 ||
        safefile_path(e->file, dir, path, sizeof(path), msg, sizeof(msg)) !=
            0 ||
        safefile_open(&out, path, SAFEFILE_PRIVATE, msg, sizeof(msg)) != 0) {
        app_status_error(a, "%s", msg);
        return;
    }
    q.form = a->forms[e->kind];
    q.lookups = a->lookups;
    q.status = e->status[0] ? e->status : NULL;
    q.township_id = e->township;
    q.unmasked = e->unmasked;
    q.zh = a->zh;
    app_status_now(a);
    rc = exportfile_write(a->db, &q, &o, &out, &nrows, &err, msg, sizeof(msg));
    if (rc == EXPORTFILE_SERVER)
        say_refused(s, &err);
    else if (rc == EXPORTFILE_FILE)
        app_status_error(a, "%s", msg);
    else
        app_status(a, _("%lld rows written to %s"), nrows, out.path);
}

/* ---- the screen ---------------------------------------------------------- */

static void
export_layout(struct screen *s, int top, int rows, int cols)
{
    struct export_screen *e = s->data;

    e->top = top;
    e->rows = rows;
    e->cols = cols;
    listview_layout(&e->lv, top + 1, 2, rows - 4, cols - 4);
}

/* The exports directory with the home directory as "~". */
static void
folder_text(char *out, size_t outsz)
{
    const char *home = getenv("HOME");
    char dir[PATH_MAX], msg[PATH_MAX + 64];
    size_t n = home != NULL ? strlen(home) : 0;

    if (safefile_exports_path(dir, sizeof(dir), msg, sizeof(msg)) != 0)
        snprintf(out, outsz, "%.200s", msg);
    else if (n > 1 && home[0] == '/' && strncmp(dir, home, n) == 0 &&
             dir[n] == '/')
        snprintf(out, outsz, "~%s", dir + n);
    else
        snprintf(out, outsz, "%s", dir);
}

static void
export_draw(struct screen *s)
{
    struct export_screen *e = s->data;
    char line[PATH_MAX + 128], folder[PATH_MAX];

    draw_str(stdscr, e->top, 2, e->cols - 4,
             _("Choose what to export; Enter changes a setting, F2 exports."),
             UA_LABEL, DRAW_PAD);
    listview_draw(&e->lv);
    folder_text(folder, sizeof(folder));
    snprintf(line, sizeof(line), _("Exports folder: %s"), folder);
    draw_str(stdscr, e->top + 2 + NSETTINGS, 2, e->cols - 4, line, UA_NORMAL,
             DRAW_PAD);
    draw_str(stdscr, e->top + 3 + NSETTINGS, 2, e->cols - 4,
             _("The file is readable by you alone (0600), and every export "
               "is recorded in the audit log."),
             UA_NORMAL, DRAW_PAD);
}

static enum key_result
export_key(struct screen *s, const struct key *k)
{
    struct export_screen *e = s->data;
    int sel = listview_selected(&e->lv);

    switch (k->action) {
    case ACT_OPEN:
        if (sel >= 0)
            change(s, (enum setting)sel);
        return KR_REDRAW;
    case ACT_SAVE:
        run(s);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&e->lv, k);
    }
}

static const enum action export_actions_list[] = {ACT_OPEN, ACT_SAVE, ACT_HELP,
                                                  ACT_BACK, ACT_NONE};

static const enum action *
export_actions(struct screen *s)
{
    (void)s;
    return export_actions_list;
}

static bool
export_available(struct screen *s, enum action a, const char **why)
{
    if ((a == ACT_SAVE || a == ACT_OPEN) && s->app->nforms == 0) {
        *why = _("your role reads no records");
        return false;
    }
    return true;
}

static const char *
export_action_label(struct screen *s, enum action a)
{
    (void)s;
    if (a == ACT_SAVE)
        return _("Export");
    if (a == ACT_OPEN)
        return _("Change");
    return NULL;
}

static const char *
export_title(struct screen *s)
{
    (void)s;
    return _("Export");
}

static void
export_close(struct screen *s)
{
    struct export_screen *e = s->data;

    listview_free(&e->lv);
    dbres_free(e->townships);
    free(e);
    free(s);
}

static const struct screen_ops export_ops = {
    .name = "export",
    .layout = export_layout,
    .draw = export_draw,
    .key = export_key,
    .actions = export_actions,
    .available = export_available,
    .action_label = export_action_label,
    .title = export_title,
    .close = export_close,
};

struct screen *
export_screen_new(struct app *a)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct export_screen *e = calloc(1, sizeof(*e));

    if (s == NULL || e == NULL) {
        free(s);
        free(e);
        return NULL;
    }
    *s = (struct screen){.ops = &export_ops, .app = a, .data = e};
    e->columns[0] = (struct lv_column){_("Setting"), 14, false};
    e->columns[1] = (struct lv_column){_("Value"), 0, false};
    listview_init(&e->lv, e->columns, 2, export_row, s);
    listview_set_rows(&e->lv, NSETTINGS, false);
    default_file(s);
    return s;
}
