/*
 * carepage.c
 *   One left-behind child's care page (issue 17 H2): the guardian (监护人,
 *   relation, phone), the school's contact teacher, the 爱心妈妈 volunteer,
 *   the term's activities against twice weekly, then the counselling
 *   sessions, newest first. Clerks and officers edit: Enter on a line
 *   edits it (the guardian, the volunteer: dialogs; the teacher: a pick
 *   list of the township's teachers; the activities: the attendance pick
 *   list), F3 adds a counselling session, a records attendance. Enter on
 *   a session reads its notes in full. A supervisor sees the same page
 *   read-only with the phones and the notes masked (the server gives him
 *   nothing else: db/care.h); the auditor reads everything.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/care.h"
#include "screens/care.h"
#include "screens/ledger.h"
#include "screens/listbase.h"
#include "screens/session.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define NCOLS 3
#define ACT_MAX 60

struct page {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    int year;
    char *township, *household, *student, *name;
    char care[24];
    bool writer, masked;
    char value[160], detail[160];
};

/* ---- words -------------------------------------------------------------- */

static const char *const relation_codes[] = {"grandparent", "parent",
                                             "relative", "other"};
static const char *const relation_labels[] = {
    N_("grandparent"), N_("one parent"), N_("other relative"), N_("other")};
#define NRELATIONS 4

static const char *
relation_word(const char *code)
{
    for (int i = 0; i < NRELATIONS; i++)
        if (strcmp(code, relation_codes[i]) == 0)
            return _(relation_labels[i]);
    return code;
}

static const char *const kind_labels[CARE_KINDS] = {
    N_("music"), N_("dance"),   N_("calligraphy"),
    N_("chess"), N_("science"), N_("intangible heritage")};

static const char *
kind_word(const char *code)
{
    for (int i = 0; i < CARE_KINDS; i++)
        if (strcmp(code, care_kind_codes[i]) == 0)
            return _(kind_labels[i]);
    return code;
}

/* ---- the rows ------------------------------------------------------------ */

static bool
fetch_rows(struct screen *s)
{
    struct page *p = s->data;
    struct db_error err;
    struct dbres *res =
        care_page_rows(s->app->db, p->year, p->student, p->masked, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&p->lb, res);
}

static const char *const page_shows[NCOLS] = {NULL, NULL, NULL};

static void
fill_line(struct page *p, int i, const char **cells)
{
    const char *kind = cell(p, i, "kind");
    const char *value = cell(p, i, "value");
    const char *none = _("(none)");

    if (strcmp(kind, "guardian") == 0) {
        cells[0] = _("Guardian");
        snprintf(p->value, sizeof p->value, "%s", value[0] ? value : none);
        if (value[0])
            snprintf(p->value, sizeof p->value, "%s (%s)", value,
                     relation_word(cell(p, i, "relation")));
        snprintf(p->detail, sizeof p->detail, "%s", cell(p, i, "phone"));
    } else if (strcmp(kind, "teacher") == 0) {
        cells[0] = _("Contact teacher");
        snprintf(p->value, sizeof p->value, "%s", value[0] ? value : none);
        snprintf(p->detail, sizeof p->detail, "%s", cell(p, i, "detail"));
    } else if (strcmp(kind, "volunteer") == 0) {
        cells[0] = _("Volunteer");
        snprintf(p->value, sizeof p->value, "%s", value[0] ? value : none);
        snprintf(p->detail, sizeof p->detail, "%s", cell(p, i, "phone"));
    } else if (strcmp(kind, "activities") == 0) {
        cells[0] = _("Activities");
        snprintf(p->value, sizeof p->value, _("%s this term"), value);
        snprintf(p->detail, sizeof p->detail, _("twice weekly: %s by today"),
                 cell(p, i, "detail"));
    } else {
        cells[0] = _("Counselling");
        snprintf(p->value, sizeof p->value, "%s %s", value,
                 cell(p, i, "detail"));
        snprintf(p->detail, sizeof p->detail, "%s", cell(p, i, "notes"));
    }
    cells[1] = p->value;
    cells[2] = p->detail;
}

static bool
page_row(struct screen *s, int index, const char **cells, struct lv_row *row)
{
    (void)row;
    fill_line(s->data, index, cells);
    return true;
}

static void
page_draw(struct screen *s)
{
    struct page *p = s->data;
    char line[256];

    snprintf(line, sizeof(line), _("Care of: %s (school year %d-%d)%s"),
             p->name, p->year, p->year + 1,
             p->writer ? "" : _(" -- read only"));
    listbase_line(&p->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&p->lb.lv);
}

/* ---- the edits ------------------------------------------------------------
 */

/* The child's care record, made on the first edit; false after saying
 * why. */
static bool
ensure_record(struct screen *s)
{
    struct page *p = s->data;
    struct db_error err;

    if (p->care[0] != '\0')
        return true;
    if (care_record_ensure(s->app->db, p->township, p->household, p->student,
                           p->care, sizeof p->care, &err) != 0) {
        ledger_refusal(s->app, &err);
        return false;
    }
    return true;
}

static bool
done(struct screen *s, int rc, struct db_error *err)
{
    if (rc != 0) {
        ledger_refusal(s->app, err);
        return false;
    }
    app_status(s->app, "%s", _("Saved."));
    reload(s);
    return true;
}

struct fixed_pick {
    struct pick_item items[ACT_MAX + CARE_KINDS];
    int n;
};

static int
fixed_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct fixed_pick *f = arg;
    static struct pick_item shown[ACT_MAX + CARE_KINDS];
    int n = 0;

    for (int i = 0; i < f->n; i++)
        if (filter == NULL || filter[0] == '\0' ||
            strstr(f->items[i].label, filter) != NULL ||
            (f->items[i].detail != NULL &&
             strstr(f->items[i].detail, filter) != NULL))
            shown[n++] = f->items[i];
    *items = shown;
    return n;
}

static void
edit_guardian(struct screen *s, int i)
{
    struct page *p = s->data;
    struct fixed_pick f = {.n = NRELATIONS};
    char *name, *rel = NULL, *phone = NULL;
    struct db_error err;

    name = dialog_prompt(s->app, PROMPT_TEXT, _("Guardian"),
                         _("Name (empty: none)"), cell(p, i, "value"));
    if (name == NULL)
        return;
    if (name[0] != '\0') {
        for (int k = 0; k < NRELATIONS; k++)
            f.items[k] = (struct pick_item){relation_codes[k],
                                            _(relation_labels[k]), NULL};
        rel = dialog_pick(s->app, _("Relation to the child"), NULL,
                          fixed_search, &f);
        if (rel != NULL)
            phone = dialog_prompt(s->app, PROMPT_TEXT, _("Guardian"),
                                  _("Phone"), cell(p, i, "phone"));
    }
    if ((name[0] == '\0' || (rel != NULL && phone != NULL)) && ensure_record(s))
        done(s,
             care_set_guardian(s->app->db, p->care, name, rel ? rel : "",
                               phone ? phone : "", &err),
             &err);
    free(name);
    free(rel);
    free(phone);
}

static void
edit_volunteer(struct screen *s, int i)
{
    struct page *p = s->data;
    char *name, *phone = NULL;
    struct db_error err;

    name = dialog_prompt(s->app, PROMPT_TEXT, _("Volunteer"),
                         _("Name (empty: none)"), cell(p, i, "value"));
    if (name == NULL)
        return;
    if (name[0] != '\0')
        phone = dialog_prompt(s->app, PROMPT_TEXT, _("Volunteer"), _("Phone"),
                              cell(p, i, "phone"));
    if ((name[0] == '\0' || phone != NULL) && ensure_record(s))
        done(s,
             care_set_volunteer(s->app->db, p->care, name, phone ? phone : "",
                                &err),
             &err);
    free(name);
    free(phone);
}

static struct dbres *
teacher_search(struct db *db, const char *filter, void *arg,
               struct db_error *err)
{
    return care_teachers(db, arg, filter, err);
}

static void
edit_teacher(struct screen *s)
{
    struct page *p = s->data;
    struct db_error err;
    char *id;

    if (!ensure_record(s))
        return;
    id = ledger_pick(s->app, _("Contact teacher"), teacher_search, p->care);
    if (id != NULL)
        done(s, care_set_teacher(s->app->db, p->care, id, &err), &err);
    free(id);
}

static void
add_session(struct screen *s)
{
    struct page *p = s->data;
    char today[16];
    char *date, *who = NULL, *notes = NULL;
    struct db_error err;

    date = dialog_prompt(s->app, PROMPT_TEXT, _("Counselling session"),
                         _("Date"), ledger_today(today, sizeof today));
    if (date != NULL)
        who = dialog_prompt(s->app, PROMPT_TEXT, _("Counselling session"),
                            _("Counsellor"), NULL);
    if (who != NULL)
        notes = dialog_prompt(s->app, PROMPT_TEXT, _("Counselling session"),
                              _("Notes (private to the township)"), NULL);
    if (notes != NULL && ensure_record(s))
        done(s, care_add_session(s->app->db, p->care, date, who, notes, &err),
             &err);
    free(date);
    free(who);
    free(notes);
}

/* The attendance pick list: a new activity of each kind today at the
 * child's school, then the term's activities with whether the child came;
 * the one chosen is marked (or unmarked). */
static void
attendance(struct screen *s)
{
    struct page *p = s->data;
    static char labels[ACT_MAX + CARE_KINDS][96];
    struct fixed_pick f = {.n = 0};
    struct db_error err;
    struct dbres *r;
    char *v;

    if (!ensure_record(s))
        return;
    if ((r = care_activities(s->app->db, p->year, p->care, &err)) == NULL) {
        app_error(s->app, &err);
        return;
    }
    for (int k = 0; k < CARE_KINDS; k++) {
        snprintf(labels[f.n], sizeof labels[0], _("New today: %s"),
                 _(kind_labels[k]));
        f.items[f.n] =
            (struct pick_item){care_kind_codes[k], labels[f.n], NULL};
        f.n++;
    }
    for (int i = 0; i < r->nrows && i < ACT_MAX; i++) {
        snprintf(labels[f.n], sizeof labels[0], "%s %s %s",
                 dbres_field(r, i, "label"),
                 kind_word(dbres_field(r, i, "kind")),
                 strcmp(dbres_field(r, i, "present"), "t") == 0 ? _("came")
                                                                : _("absent"));
        f.items[f.n] =
            (struct pick_item){dbres_field(r, i, "value"), labels[f.n],
                               dbres_field(r, i, "school")};
        f.n++;
    }
    v = dialog_pick(s->app, _("Attendance (Enter: came / absent)"), NULL,
                    fixed_search, &f);
    if (v != NULL)
        done(s,
             v[0] >= '0' && v[0] <= '9'
                 ? care_toggle_attendance(s->app->db, p->care, v, &err)
                 : care_new_activity(s->app->db, p->care, v, &err),
             &err);
    free(v);
    dbres_free(r);
}

static void
read_notes(struct screen *s, int i)
{
    struct page *p = s->data;
    char text[4400];

    snprintf(text, sizeof text, "%s %s\n\n%s", cell(p, i, "value"),
             cell(p, i, "detail"), cell(p, i, "notes"));
    dialog_message(s->app, _("Counselling session"), text);
}

static void
open_line(struct screen *s, int i)
{
    struct page *p = s->data;
    const char *kind = cell(p, i, "kind");

    if (strcmp(kind, "session") == 0) {
        read_notes(s, i);
        return;
    }
    if (!p->writer) {
        app_status(s->app, "%s",
                   _("Read only: the township's clerks and officers edit."));
        return;
    }
    if (strcmp(kind, "guardian") == 0)
        edit_guardian(s, i);
    else if (strcmp(kind, "teacher") == 0)
        edit_teacher(s);
    else if (strcmp(kind, "volunteer") == 0)
        edit_volunteer(s, i);
    else
        attendance(s);
}

static enum key_result
page_key(struct screen *s, const struct key *k)
{
    struct page *p = s->data;
    int sel = listbase_selected(&p->lb);

    switch (k->action) {
    case ACT_OPEN:
        if (sel >= 0)
            open_line(s, sel);
        return KR_REDRAW;
    case ACT_NEW:
        if (p->writer)
            add_session(s);
        return KR_REDRAW;
    case ACT_ATTEND:
        if (p->writer)
            attendance(s);
        return KR_REDRAW;
    default:
        return listbase_key(&p->lb, k);
    }
}

static const enum action writer_actions[] = {
    ACT_OPEN, ACT_NEW, ACT_ATTEND, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};
static const enum action reader_actions[] = {ACT_OPEN, ACT_REFRESH, ACT_HELP,
                                             ACT_BACK, ACT_NONE};

static const enum action *
page_actions(struct screen *s)
{
    struct page *p = s->data;

    return p->writer ? writer_actions : reader_actions;
}

static const char *
page_title(struct screen *s)
{
    (void)s;
    return _("Child's care");
}

static void
page_close(struct screen *s)
{
    struct page *p = s->data;

    free(p->township);
    free(p->household);
    free(p->student);
    free(p->name);
    listbase_close(s);
}

static const struct screen_ops page_ops = {
    .name = "care-page",
    .layout = listbase_layout,
    .draw = page_draw,
    .key = page_key,
    .actions = page_actions,
    .available = listbase_available,
    .title = page_title,
    .close = page_close,
};

static const struct listbase_ops page_list = {
    .fetch = fetch_rows, .row = page_row, .shows = page_shows};

struct screen *
carepage_screen_new(struct app *a, int year, const char *township,
                    const char *household, const char *student,
                    const char *care, const char *name)
{
    struct screen *s = listbase_screen_new(a, &page_ops, sizeof(struct page));
    struct page *p = s != NULL ? s->data : NULL;
    const char *role = db_role(a->db);

    if (s == NULL)
        return NULL;
    if ((p->township = strdup(township)) == NULL ||
        (p->household = strdup(household)) == NULL ||
        (p->student = strdup(student)) == NULL ||
        (p->name = strdup(name)) == NULL) {
        free(p->township);
        free(p->household);
        free(p->student);
        free(p);
        free(s);
        return NULL;
    }
    snprintf(p->care, sizeof p->care, "%s", care != NULL ? care : "");
    p->year = year;
    p->writer = strcmp(role, "clerk") == 0 || strcmp(role, "officer") == 0;
    p->masked = strcmp(role, "supervisor") == 0;
    p->columns[0] = (struct lv_column){_("Item"), 16, false};
    p->columns[1] = (struct lv_column){_("Entry"), 26, false};
    p->columns[2] = (struct lv_column){_("Details"), 0, false};
    listbase_init(&p->lb, s, &page_list, p->columns, NCOLS);
    p->lb.reload = LB_KEEP_SELECTION;
    reload(s);
    return s;
}
