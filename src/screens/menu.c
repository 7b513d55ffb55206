/*
 * menu.c
 *   The main menu: the record kinds the person's role works with, each
 *   with how many of its records they can see in each state; Enter opens
 *   the list of that kind (not the kinds whose form says menu = false:
 *   the pair agreement, opened from 结对帮扶). Below them, for everyone who
 * works with records, the ledgers (ledgers.c), the reports (report.c) and the
 *   public notices (公示, with how many are open); for officers and
 *   supervisors, the review queue with how many records wait for them
 *   (eduaid.queue_counts); the roster import; for clerks and officers
 *   应享未享资助 (aid_missing.c: a school year's aid not yet granted); for
 *   everyone who works with records the households moving between
 *   townships (迁入迁出, transfer.c, with how many requests are pending);
 *   for clerks and officers the new school year (rollover.c) and the
 *   records returned to them (the last row); for everyone who reads
 *   records the export screen (export.c); for auditors the audit log
 *   and the log of exports (audit.c), the log of logins (logins.c).
 *   结对帮扶 (pairing.c, issue 15), just before the transfers, for those
 *   who work with records and the inspector, whose only row it is.
 *   Admins work with users (users.c), not records, and are told so. On its
 * first moment on screen it puts officers and supervisors in the review queue,
 * then offers to restore unsaved changes an earlier session left in the draft
 * journal (restored forms open above the queue).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/journal.h"
#include "core/text.h"
#include "db/menucounts.h"
#include "db/notify.h"
#include "db/review.h"
#include "screens/form.h"
#include "screens/review.h"
#include "screens/screens.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/listview.h"

#define MAX_FORMS 8

/* What a row of the menu opens. */
enum item {
    ITEM_FORM,
    ITEM_LEDGERS,
    ITEM_REPORTS,
    ITEM_NOTICE,
    ITEM_QUEUE,
    ITEM_IMPORT,
    ITEM_AID,      /* 应享未享资助, clerks and officers */
    ITEM_PAIRING,  /* 结对帮扶 (issue 15) */
    ITEM_MEASURES, /* 计划措施 (issue 17) */
    ITEM_TRANSFERS,
    ITEM_ROLLOVER,
    ITEM_RETURNED,
    ITEM_EXPORT,        /* the export screen (issue 14) */
    ITEM_USERS,         /* the users screen, admins (issue 14) */
    ITEM_REFDATA,       /* reference data, admins (issue 14) */
    ITEM_AUDIT,         /* the audit log, auditors (issue 14) */
    ITEM_AUDIT_EXPORTS, /* the log of exports, auditors (issue 14) */
    ITEM_AUDIT_LOGINS   /* the log of logins, auditors (issue 14) */
};

struct menu {
    struct listview lv;
    struct lv_column columns[2];
    char counts[MAX_FORMS][96]; /* per form: "草稿 12 · 已提交 3 ..." */
    size_t nforms;
    enum item items[MAX_FORMS + 14]; /* the forms and every other item */
    size_t nitems;
    char queue_label[96], queue_counts[256];
    char returned_label[96];
    char notice_counts[160];
    char transfer_counts[160];
    const char *cells[2];
    const char *heading; /* the line above the rows; NULL: none */
    bool started;        /* the first tick has put the queue up and asked */
    unsigned long seen;  /* the change generation counted (db/notify.h) */
    int top, rows, cols;
};

static bool
works_with_records(const char *role)
{
    return strcmp(role, "clerk") == 0 || strcmp(role, "officer") == 0 ||
           strcmp(role, "supervisor") == 0 || strcmp(role, "auditor") == 0;
}

/* How many records of form i the user sees per state, as one line, from
 * the menu's counts r (NULL: not read). */
static void
count_line(const struct dbres *r, size_t i, char *out, size_t outsz)
{
    size_t used = 0;
    char n[24];

    out[0] = '\0';
    if (r == NULL)
        return;
    for (size_t s = 0; status_at(s) != NULL; s++) {
        long long k = menucounts_n(r, "form", (long)i, status_at(s));

        snprintf(n, sizeof n, "%lld", k);
        if (k > 0 && used < outsz)
            used += (size_t)snprintf(out + used, outsz - used, "%s%s %s",
                                     used ? " · " : "",
                                     status_marker(status_at(s)), n);
    }
}

/* The queue's row: "审核队列 (N)" and N per kind. */
static void
queue_line(struct screen *s, const struct dbres *r)
{
    struct menu *m = s->data;
    struct app *a = s->app;
    long long total = 0;
    size_t used = 0;

    m->queue_counts[0] = '\0';
    if (r == NULL) {
        snprintf(m->queue_label, sizeof(m->queue_label), "%s (?)",
                 _("Review queue"));
        return;
    }
    for (int i = 0; i < r->nrows; i++) {
        const char *kind = dbres_get(r, i, 2);
        const char *waiting = dbres_get(r, i, 3);
        const struct formdef *f;
        long long n;

        if (strcmp(dbres_get(r, i, 0), "queue") != 0 || kind == NULL)
            continue;
        f = app_form(a, kind);
        n = atoll(waiting ? waiting : "0");
        total += n;
        if (n > 0 && used < sizeof(m->queue_counts))
            used += (size_t)snprintf(
                m->queue_counts + used, sizeof(m->queue_counts) - used,
                "%s%s %lld", used ? " \xc2\xb7 " : "",
                f ? label_text(&f->title, a->zh) : kind, n);
    }
    snprintf(m->queue_label, sizeof(m->queue_label), "%s (%lld)",
             _("Review queue"), total);
    if (total == 0)
        snprintf(m->queue_counts, sizeof(m->queue_counts), "%s",
                 _("nothing is waiting for you"));
}

/* The returned list's row: "退回给我的记录 (N)". */
static void
returned_line(struct screen *s, const struct dbres *r)
{
    struct menu *m = s->data;
    char n[24] = "?";

    if (r != NULL)
        snprintf(n, sizeof n, "%lld", menucounts_n(r, "returned", 0, ""));
    snprintf(m->returned_label, sizeof(m->returned_label), "%s (%s)",
             _("Returned to me"), n);
}

/* The notices' row: open notices and undecided objections. */
static void
notice_line(struct screen *s, const struct dbres *r)
{
    struct menu *m = s->data;
    char open[24], pending[24];

    if (r == NULL) {
        snprintf(m->notice_counts, sizeof(m->notice_counts), "?");
        return;
    }
    snprintf(open, sizeof open, "%lld", menucounts_n(r, "notice", 0, "open"));
    snprintf(pending, sizeof pending, "%lld",
             menucounts_n(r, "notice", 0, "pending"));
    snprintf(m->notice_counts, sizeof(m->notice_counts),
             _("%s open \xc2\xb7 %s undecided objections"), open, pending);
}

/* The transfers' row: requests waiting, coming in and going out. */
static void
transfer_line(struct screen *s, const struct dbres *r)
{
    struct menu *m = s->data;

    if (r == NULL) {
        snprintf(m->transfer_counts, sizeof(m->transfer_counts), "?");
        return;
    }
    snprintf(m->transfer_counts, sizeof(m->transfer_counts),
             _("%d coming in \xc2\xb7 %d going out, pending"),
             (int)menucounts_n(r, "transfer", 0, "in"),
             (int)menucounts_n(r, "transfer", 0, "out"));
}

static bool
menu_row(void *arg, int index, struct lv_row *row)
{
    struct screen *s = arg;
    struct menu *m = s->data;

    if (index < 0 || (size_t)index >= m->nitems)
        return false;
    switch (m->items[index]) {
    case ITEM_FORM:
        m->cells[0] = label_text(&s->app->forms[index]->title, s->app->zh);
        m->cells[1] = m->counts[index];
        break;
    case ITEM_QUEUE:
        m->cells[0] = m->queue_label;
        m->cells[1] = m->queue_counts;
        break;
    case ITEM_RETURNED:
        m->cells[0] = m->returned_label;
        m->cells[1] = _("returned records, with the reasons");
        break;
    case ITEM_NOTICE:
        m->cells[0] = _("Public notice");
        m->cells[1] = m->notice_counts;
        break;
    case ITEM_IMPORT:
        m->cells[0] = _("Roster import");
        m->cells[1] =
            _("import a roster CSV file and reconcile it with eduaid");
        break;
    case ITEM_ROLLOVER:
        m->cells[0] = _("New school year");
        m->cells[1] = _("propose next year's records, confirm, submit");
        break;
    case ITEM_LEDGERS:
        m->cells[0] = _("Ledgers");
        m->cells[1] = _("dropout control, home delivery, training");
        break;
    case ITEM_TRANSFERS:
        m->cells[0] = _("Transfers");
        m->cells[1] = m->transfer_counts;
        break;
    case ITEM_PAIRING: /* issue 15 */
        m->cells[0] = _("School pairing");
        m->cells[1] = _("pairs, their plans and work, inspections, scores");
        break;
    case ITEM_MEASURES: /* issue 17 */
        m->cells[0] = _("Plan measures");
        m->cells[1] = _("preschool, left-behind children, admissions, "
                        "teachers, canteens");
        break;
    case ITEM_REPORTS:
        m->cells[0] = _("Reports");
        m->cells[1] = _("the plan's indicators per township, with bar charts");
        break;
    case ITEM_AID: /* issue 11 */
        m->cells[0] = _("Aid not yet granted");
        m->cells[1] = _("this school year's aid to grant, in one step");
        break;
    case ITEM_USERS: /* issue 14 */
        m->cells[0] = _("Users");
        m->cells[1] = _("accounts: add, disable, enable, townships, "
                        "passwords");
        break;
    case ITEM_REFDATA: /* issue 14 */
        m->cells[0] = _("Reference data");
        m->cells[1] = _("schools, courses, fund programs, standard amounts: "
                        "add, change, retire");
        break;
    case ITEM_EXPORT: /* issue 14 */
        m->cells[0] = _("Export");
        m->cells[1] = _("records to a CSV file, as `eduaid export` writes");
        break;
    case ITEM_AUDIT: /* issue 14 */
        m->cells[0] = _("Audit log");
        m->cells[1] = _("every change and step, by user, township, kind, "
                        "action and time");
        break;
    case ITEM_AUDIT_EXPORTS:
        m->cells[0] = _("Export log");
        m->cells[1] = _("who exported what, when, masked or not");
        break;
    case ITEM_AUDIT_LOGINS:
        m->cells[0] = _("Login log");
        m->cells[1] = _("logins and failed logins, by user, outcome and time");
        break;
    }
    row->cells = m->cells;
    return true;
}

/* The label column as wide as its widest label (and heading), at most
 * 24 cells: the counts beside it get the rest, so that at 80 columns they
 * wrap as little as they can and every row of the menu stays on the
 * screen (an officer's has sixteen since 结对帮扶: at 80x24 in Chinese
 * the last, 退回给我的记录, scrolls into view). */
static void
fit_label_column(struct screen *s)
{
    struct menu *m = s->data;
    struct lv_row row;
    int widest = text_utf8_cells(m->columns[0].title);

    for (size_t i = 0; i < m->nitems; i++) {
        memset(&row, 0, sizeof(row));
        if (menu_row(s, (int)i, &row) && row.cells[0] != NULL &&
            text_utf8_cells(row.cells[0]) > widest)
            widest = text_utf8_cells(row.cells[0]);
    }
    m->columns[0].width = widest + 2 < 24 ? widest + 2 : 24;
}

/* What the menu counts: the parts its rows show. */
static void
menu_wants(struct screen *s, struct menucounts_want *w)
{
    struct menu *m = s->data;

    memset(w, 0, sizeof *w);
    w->forms = (const struct formdef *const *)s->app->forms;
    w->nforms = m->nforms;
    for (size_t i = 0; i < m->nitems; i++) {
        w->queue |= m->items[i] == ITEM_QUEUE;
        w->returned |= m->items[i] == ITEM_RETURNED;
        w->notice |= m->items[i] == ITEM_NOTICE;
        w->transfers |= m->items[i] == ITEM_TRANSFERS;
    }
}

/* Every number of the menu, from one statement (db/menucounts.h). */
static void
menu_refresh(struct screen *s)
{
    struct menu *m = s->data;
    struct menucounts_want w;
    struct db_error err;
    struct dbres *r;

    m->seen = notify_generation();
    menu_wants(s, &w);
    r = menucounts_fetch(s->app->db, &w, &err);
    for (size_t i = 0; i < m->nitems; i++)
        switch (m->items[i]) {
        case ITEM_FORM:
            count_line(r, i, m->counts[i], sizeof(m->counts[i]));
            break;
        case ITEM_QUEUE:
            queue_line(s, r);
            break;
        case ITEM_RETURNED:
            returned_line(s, r);
            break;
        case ITEM_NOTICE:
            notice_line(s, r);
            break;
        case ITEM_TRANSFERS:
            transfer_line(s, r);
            break;
        case ITEM_IMPORT:
        case ITEM_ROLLOVER:
        case ITEM_LEDGERS:
        case ITEM_REPORTS:
        case ITEM_AID:
        case ITEM_PAIRING:
        case ITEM_MEASURES:
        case ITEM_EXPORT:
        case ITEM_USERS:
        case ITEM_REFDATA:
        case ITEM_AUDIT:
        case ITEM_AUDIT_EXPORTS:
        case ITEM_AUDIT_LOGINS:
            break;
        }
    dbres_free(r);
    fit_label_column(s);
    listview_set_rows(&m->lv, (int)m->nitems, false);
}

static void
menu_layout(struct screen *s, int top, int rows, int cols)
{
    struct menu *m = s->data;

    m->top = top;
    m->rows = rows;
    m->cols = cols;
    /* no heading over the record kinds: the column headers say it, and an
     * officer's menu needs every row of 80x24 (issue 15) */
    if (m->heading == NULL)
        listview_layout(&m->lv, top, 2, rows - 1, cols - 4);
    else
        listview_layout(&m->lv, top + 1, 2, rows - 2, cols - 4);
}

static void
menu_draw(struct screen *s)
{
    struct menu *m = s->data;

    if (m->heading != NULL)
        draw_str(stdscr, m->top, 2, m->cols - 4, m->heading, UA_LABEL,
                 DRAW_PAD);
    listview_draw(&m->lv);
}

/* Open a form for each journal of the person's, after asking. */
static void
offer_journals(struct screen *s)
{
    struct app *a = s->app;
    struct journal j;
    char dir[1024], question[256], err[512];
    char **paths;
    size_t n;

    form_journal_dir(a, dir, sizeof(dir));
    if (journal_list(dir, &paths, &n) != 0 || n == 0)
        return;
    snprintf(question, sizeof(question),
             _("%zu record(s) have unsaved changes from an earlier session. "
               "Open them now?"),
             n);
    if (dialog_confirm(a, _("Unsaved changes"), question, true)) {
        for (size_t i = 0; i < n; i++) {
            const struct formdef *f;
            struct screen *form;

            if (journal_read(paths[i], &j, err, sizeof(err)) != 0) {
                app_status(a, "%s", err);
                continue;
            }
            if ((f = app_form(a, j.kind)) != NULL &&
                (form = form_screen_restore(a, f, &j)) != NULL)
                app_push(a, form);
            journal_clear(&j);
        }
    }
    journal_list_free(paths, n);
}

/* The first moment on screen: reviewers go to their queue, then everyone is
 * offered their unsaved changes (whose forms open above the queue). True
 * when the queue was put up. */
static bool
start(struct screen *s)
{
    struct screen *queue = NULL;

    if (review_has_queue(db_role(s->app->db)) &&
        (queue = queue_screen_new(s->app)) != NULL)
        app_push(s->app, queue);
    offer_journals(s);
    return queue != NULL;
}

/* The screen behind row sel, or NULL when out of memory. */
static struct screen *
open_item(struct screen *s, int sel)
{
    struct menu *m = s->data;

    switch (m->items[sel]) {
    case ITEM_QUEUE:
        return queue_screen_new(s->app);
    case ITEM_RETURNED:
        return returned_screen_new(s->app);
    case ITEM_NOTICE:
        return notice_screen_new(s->app);
    case ITEM_IMPORT:
        return import_screen_new(s->app);
    case ITEM_ROLLOVER:
        return rollover_screen_new(s->app);
    case ITEM_LEDGERS:
        return ledgers_screen_new(s->app);
    case ITEM_REPORTS:
        return report_screen_new(s->app);
    case ITEM_TRANSFERS:
        return transfer_screen_new(s->app);
    case ITEM_PAIRING: /* issue 15 */
        return pairing_screen_new(s->app);
    case ITEM_MEASURES: /* issue 17 */
        return measures_screen_new(s->app);
    case ITEM_AID: /* issue 11 */
        return aid_missing_screen_new(s->app, 0, 0, NULL);
    case ITEM_EXPORT: /* issue 14 */
        return export_screen_new(s->app);
    case ITEM_USERS: /* issue 14 */
        return users_screen_new(s->app);
    case ITEM_REFDATA: /* issue 14 */
        return refdata_screen_new(s->app);
    case ITEM_AUDIT: /* issue 14 */
        return audit_screen_new(s->app, false);
    case ITEM_AUDIT_EXPORTS:
        return audit_screen_new(s->app, true);
    case ITEM_AUDIT_LOGINS:
        return logins_screen_new(s->app);
    case ITEM_FORM:
    default:
        return list_screen_new(s->app, s->app->forms[sel]);
    }
}

static enum key_result
menu_key(struct screen *s, const struct key *k)
{
    struct menu *m = s->data;
    enum key_result r;
    int sel;
    struct screen *next;

    if (!m->started) {
        m->started = true;
        if (start(s) || (k->code == 0 && !k->is_function))
            return KR_REDRAW; /* the first tick, or the key was not for me */
    }
    if (k->code == 0 && !k->is_function && notify_news(&m->seen)) {
        menu_refresh(s); /* a tick after a change in my townships */
        return KR_REDRAW;
    }
    switch (k->action) {
    case ACT_OPEN:
        if ((sel = listview_selected(&m->lv)) < 0)
            return KR_HANDLED;
        if ((next = open_item(s, sel)) == NULL) {
            app_status(s->app, "%s", _("out of memory"));
            return KR_REDRAW;
        }
        app_push(s->app, next);
        return KR_HANDLED;
    case ACT_REFRESH:
        menu_refresh(s);
        return KR_REDRAW;
    case ACT_BACK: /* the same question as ^Q (issue 12 item 8) */
        return app_confirm_quit(s->app) ? KR_QUIT : KR_REDRAW;
    default:
        r = listview_key(&m->lv, k);
        return r;
    }
}

static void
menu_resumed(struct screen *s, int result)
{
    (void)result;
    menu_refresh(s);
}

static const enum action menu_actions_list[] = {ACT_OPEN, ACT_REFRESH, ACT_HELP,
                                                ACT_BACK, ACT_NONE};

static const enum action *
menu_actions(struct screen *s)
{
    (void)s;
    return menu_actions_list;
}

/* Esc and q leave eduaid from here: say so. */
static const char *
menu_action_label(struct screen *s, enum action a)
{
    (void)s;
    return a == ACT_BACK ? _("Quit") : NULL;
}

static const char *
menu_title(struct screen *s)
{
    (void)s;
    return _("Main menu");
}

static void
menu_close(struct screen *s)
{
    struct menu *m = s->data;

    listview_free(&m->lv);
    free(m);
    free(s);
}

static const struct screen_ops menu_ops = {
    .name = "menu",
    .layout = menu_layout,
    .draw = menu_draw,
    .key = menu_key,
    .resumed = menu_resumed,
    .actions = menu_actions,
    .action_label = menu_action_label,
    .title = menu_title,
    .close = menu_close,
};

struct screen *
menu_screen_new(struct app *a)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct menu *m = calloc(1, sizeof(*m));

    if (s == NULL || m == NULL) {
        free(s);
        free(m);
        return NULL;
    }
    s->ops = &menu_ops;
    s->app = a;
    s->data = m;
    /* the forms with a row here: the leading ones (a form that says
     * menu = false, and those after it, come last: client.c) */
    m->nforms = 0;
    while (works_with_records(db_role(a->db)) && m->nforms < a->nforms &&
           m->nforms < MAX_FORMS && a->forms[m->nforms]->menu)
        m->nforms++;
    for (m->nitems = 0; m->nitems < m->nforms; m->nitems++)
        m->items[m->nitems] = ITEM_FORM;
    if (works_with_records(db_role(a->db))) {
        m->items[m->nitems++] = ITEM_LEDGERS;
        m->items[m->nitems++] = ITEM_REPORTS;
        m->items[m->nitems++] = ITEM_NOTICE;
    }
    if (review_has_queue(db_role(a->db)))
        m->items[m->nitems++] = ITEM_QUEUE;
    if (strcmp(db_role(a->db), "clerk") == 0 ||
        strcmp(db_role(a->db), "officer") == 0 ||
        strcmp(db_role(a->db), "supervisor") == 0)
        m->items[m->nitems++] = ITEM_IMPORT;
    /* 计划措施 (issue 17): after the rows key scripts count down to,
     * before those they count up to from the end */
    if (measures_area_for(db_role(a->db)))
        m->items[m->nitems++] = ITEM_MEASURES;
    /* the export screen (issue 14): after the rows key scripts count
     * down to, before those they count up to from the end */
    if (works_with_records(db_role(a->db)))
        m->items[m->nitems++] = ITEM_EXPORT;
    /* 应享未享资助 (issue 11): after the rows key scripts count down to,
     * before those they count up to from the end */
    if (strcmp(db_role(a->db), "clerk") == 0 ||
        strcmp(db_role(a->db), "officer") == 0)
        m->items[m->nitems++] = ITEM_AID;
    /* 结对帮扶 (issue 15): just before the transfers; the inspector's
     * only row */
    if (pairing_area_for(db_role(a->db)))
        m->items[m->nitems++] = ITEM_PAIRING;
    /* 迁入迁出 (issue 11): after the rows key scripts count down to,
     * before those they count up to from the end */
    if (works_with_records(db_role(a->db)))
        m->items[m->nitems++] = ITEM_TRANSFERS;
    /* the September rollover (issue 11): clerks and officers */
    if (strcmp(db_role(a->db), "clerk") == 0 ||
        strcmp(db_role(a->db), "officer") == 0)
        m->items[m->nitems++] = ITEM_ROLLOVER;
    if (review_has_returned(db_role(a->db)))
        m->items[m->nitems++] = ITEM_RETURNED;
    /* the admin's users (issue 14) */
    if (strcmp(db_role(a->db), "admin") == 0) {
        m->items[m->nitems++] = ITEM_USERS;
        m->items[m->nitems++] = ITEM_REFDATA;
    }
    /* the auditor's logs (issue 14), last */
    if (strcmp(db_role(a->db), "auditor") == 0) {
        m->items[m->nitems++] = ITEM_AUDIT;
        m->items[m->nitems++] = ITEM_AUDIT_EXPORTS;
        m->items[m->nitems++] = ITEM_AUDIT_LOGINS;
    }
    m->heading = m->nforms ? NULL
                           : _("Your role has no record lists; choose what to "
                               "administer:");
    m->columns[0] = (struct lv_column){
        m->nforms ? _("Record kind") : _("Administration"), 24, false};
    m->columns[1] = (struct lv_column){
        m->nforms ? _("Records you can see") : _("What you can do"), 0, false};
    /* the inspector (issue 15) works in the pairing area alone: no
     * records, nothing to administer */
    if (strcmp(db_role(a->db), "inspector") == 0) {
        m->heading = NULL;
        m->columns[0] = (struct lv_column){_("Area"), 24, false};
    }
    listview_init(&m->lv, m->columns, 2, menu_row, s);
    m->lv.empty_text = "";
    /* the counts wrap onto a second line rather than lose a number
     * (issue 12 item 6) */
    m->lv.wrap_column = 1;
    menu_refresh(s);
    return s;
}
