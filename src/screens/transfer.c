/*
 * transfer.c
 *   迁入迁出: households moving between townships (issue 11). The list
 *   shows the transfer requests from and to the person's townships
 *   (eduaid.transfers(): pending first), the selected one's reason and
 *   decision below it. On an incoming pending request an officer of the
 *   receiving township accepts it (Y: picks a village of his township)
 *   or refuses it (N: a reason); the sending side withdraws its pending
 *   request (W). From a household's form, transfer_request_dialog asks
 *   for the receiving township (the other townships of the county) and a
 *   reason. The server decides who may take each step; its refusals are
 *   shown in the words of eduaid.message. A member moving alone
 *   (033_member_transfers.sql) shows as "household number/member's name";
 *   Y on it picks a household of the receiving township instead.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/transfer.h"
#include "screens/ledger.h"
#include "screens/listbase.h"
#include "screens/screens.h"
#include "screens/session.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define NCOLS 6
#define DETAIL_LINES 3

struct transfer {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    char way[64];
    char who[160];
    enum action acts[8];
};

/* A request's state in the user's words. */
static const char *
state_word(const char *state)
{
    if (strcmp(state, "pending") == 0)
        return _("Pending");
    if (strcmp(state, "accepted") == 0)
        return _("Accepted");
    if (strcmp(state, "refused") == 0)
        return _("Refused");
    if (strcmp(state, "withdrawn") == 0)
        return _("Withdrawn");
    return state;
}

/* Which way it goes, seen from here. */
static const char *
direction_word(const char *direction)
{
    if (strcmp(direction, "out") == 0)
        return _("Out");
    if (strcmp(direction, "in") == 0)
        return _("In");
    return _("County");
}

static bool
fetch_rows(struct screen *s)
{
    struct transfer *t = s->data;
    struct db_error err;
    struct dbres *res = transfer_list(s->app->db, &err);

    if (res == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&t->lb, res);
}

static const char *const transfer_shows[NCOLS] = {
    NULL,          "household_no", "head_name", "from_township",
    "to_township", "requested_at"};

/* The state as the row's marker, coloured as the records' states are. */
static enum ui_attr
state_attr(const char *state)
{
    if (strcmp(state, "pending") == 0)
        return UA_ST_SUBMITTED;
    if (strcmp(state, "accepted") == 0)
        return UA_ST_APPROVED;
    if (strcmp(state, "refused") == 0)
        return UA_ST_REJECTED;
    return UA_ST_DRAFT;
}

/* Is request i a member's move (not the whole household's)? */
static bool
is_member(struct transfer *t, int i)
{
    return cell(t, i, "student_id")[0] != '\0';
}

static bool
transfer_row(struct screen *s, int i, const char **cells, struct lv_row *row)
{
    struct transfer *t = s->data;

    snprintf(t->way, sizeof(t->way), "%s",
             direction_word(cell(t, i, "direction")));
    cells[0] = t->way;
    if (is_member(t, i)) {
        snprintf(t->who, sizeof(t->who), _("%s (member)"),
                 cell(t, i, "member_name"));
        cells[2] = t->who;
    }
    row->status = state_word(cell(t, i, "state"));
    row->status_attr = state_attr(cell(t, i, "state"));
    return true;
}

/* The selected request's reason, and its outcome. */
static void
draw_detail(struct transfer *t, int sel)
{
    char line[1024];
    const char *state = cell(t, sel, "state");

    snprintf(line, sizeof(line), _("Reason: %s (requested by %s)"),
             cell(t, sel, "reason"), cell(t, sel, "requested_by_name"));
    listbase_line(&t->lb, -3, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
    if (strcmp(state, "accepted") == 0 && is_member(t, sel) &&
        cell(t, sel, "to_household_no")[0] != '\0')
        snprintf(line, sizeof(line), _("Accepted by %s on %s, into %s"),
                 cell(t, sel, "decided_by_name"), cell(t, sel, "decided_at"),
                 cell(t, sel, "to_household_no"));
    else if (strcmp(state, "accepted") == 0)
        snprintf(line, sizeof(line), _("Accepted by %s on %s, into %s"),
                 cell(t, sel, "decided_by_name"), cell(t, sel, "decided_at"),
                 cell(t, sel, "to_village"));
    else if (strcmp(state, "refused") == 0)
        snprintf(line, sizeof(line), _("Refused by %s on %s: %s"),
                 cell(t, sel, "decided_by_name"), cell(t, sel, "decided_at"),
                 cell(t, sel, "refusal_reason"));
    else if (strcmp(state, "withdrawn") == 0)
        snprintf(line, sizeof(line), _("Withdrawn by %s on %s"),
                 cell(t, sel, "decided_by_name"), cell(t, sel, "decided_at"));
    else if (strcmp(cell(t, sel, "may_decide"), "t") == 0 && is_member(t, sel))
        snprintf(line, sizeof(line), "%s",
                 _("Y accepts the member into a household of your township, "
                   "N refuses it."));
    else if (strcmp(cell(t, sel, "may_decide"), "t") == 0)
        snprintf(line, sizeof(line), "%s",
                 _("Y accepts it into a village of your township, N refuses "
                   "it."));
    else if (strcmp(cell(t, sel, "may_withdraw"), "t") == 0)
        snprintf(line, sizeof(line), "%s",
                 _("Waiting for the receiving township; W withdraws it."));
    else
        snprintf(line, sizeof(line), "%s",
                 _("Waiting for an officer of the receiving township."));
    listbase_line(&t->lb, -2, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
}

static void
transfer_draw(struct screen *s)
{
    struct transfer *t = s->data;
    int sel = listbase_selected(&t->lb);

    listbase_line(&t->lb, 0, _("Households moving from and to your townships:"),
                  UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&t->lb.lv);
    listbase_line(&t->lb, -DETAIL_LINES - 1, "", UA_NORMAL, DRAW_PAD);
    if (sel >= 0)
        draw_detail(t, sel);
}

/* The villages of the receiving township (arg): a ledger_search_fn. */
static struct dbres *
village_search(struct db *db, const char *filter, void *arg,
               struct db_error *err)
{
    return transfer_villages(db, filter, arg, err);
}

/* The other townships of the county (arg: the household's township). */
static struct dbres *
township_search(struct db *db, const char *filter, void *arg,
                struct db_error *err)
{
    return transfer_townships(db, filter, arg, err);
}

/* The households of the receiving township (arg). */
static struct dbres *
household_search(struct db *db, const char *filter, void *arg,
                 struct db_error *err)
{
    return transfer_households(db, filter, arg, err);
}

/* Y on a member's request: a household of the receiving township. */
static bool
accept_member(struct screen *s, int sel)
{
    struct transfer *t = s->data;
    struct app *a = s->app;
    struct db_error err;
    char title[256];
    char *household;
    bool ok;

    snprintf(title, sizeof(title), _("Take in %s (of %s): household"),
             cell(t, sel, "member_name"), cell(t, sel, "household_no"));
    household = ledger_pick(a, title, household_search,
                            (void *)cell(t, sel, "to_township_id"));
    if (household == NULL)
        return false;
    ok =
        transfer_accept_member(a->db, cell(t, sel, "id"), household, &err) == 0;
    free(household);
    if (!ok) {
        app_error(a, &err);
        return false;
    }
    app_status(a, _("%s is now a member of a household of %s."),
               cell(t, sel, "member_name"), cell(t, sel, "to_township"));
    return true;
}

static bool
accept_selected(struct screen *s, int sel)
{
    struct transfer *t = s->data;
    struct app *a = s->app;
    struct db_error err;
    char title[256];
    char *village;
    bool ok;

    if (is_member(t, sel))
        return accept_member(s, sel);
    snprintf(title, sizeof(title), _("Take in %s (%s): village"),
             cell(t, sel, "household_no"), cell(t, sel, "head_name"));
    village = ledger_pick(a, title, village_search,
                          (void *)cell(t, sel, "to_township_id"));
    if (village == NULL)
        return false;
    ok = transfer_accept(a->db, cell(t, sel, "id"), village, &err) == 0;
    free(village);
    if (!ok) {
        app_error(a, &err);
        return false;
    }
    app_status(a, _("%s is now a household of %s."),
               cell(t, sel, "household_no"), cell(t, sel, "to_township"));
    return true;
}

static bool
refuse_selected(struct screen *s, int sel)
{
    struct transfer *t = s->data;
    struct app *a = s->app;
    struct db_error err;
    char title[256];
    char *reason;
    bool ok;

    snprintf(title, sizeof(title), _("Refuse %s (%s)"),
             cell(t, sel, "household_no"), cell(t, sel, "head_name"));
    reason = dialog_prompt(a, PROMPT_TEXT, title, _("Reason"), NULL);
    if (reason == NULL)
        return false;
    ok = transfer_refuse(a->db, cell(t, sel, "id"), reason, &err) == 0;
    free(reason);
    if (!ok) {
        app_error(a, &err);
        return false;
    }
    app_status(a, "%s", _("The transfer is refused."));
    return true;
}

static bool
withdraw_selected(struct screen *s, int sel)
{
    struct transfer *t = s->data;
    struct app *a = s->app;
    struct db_error err;
    char question[256];

    snprintf(question, sizeof(question),
             _("Withdraw the request to move %s (%s) to %s?"),
             cell(t, sel, "household_no"), cell(t, sel, "head_name"),
             cell(t, sel, "to_township"));
    if (!dialog_confirm(a, _("Withdraw"), question, false))
        return false;
    if (transfer_withdraw(a->db, cell(t, sel, "id"), &err) != 0) {
        app_error(a, &err);
        return false;
    }
    app_status(a, "%s", _("The request is withdrawn."));
    return true;
}

static enum key_result
transfer_key(struct screen *s, const struct key *k)
{
    struct transfer *t = s->data;
    int sel = listbase_selected(&t->lb);
    bool done;

    switch (k->action) {
    case ACT_ACCEPT:
    case ACT_REFUSE:
    case ACT_WITHDRAW:
        if (sel < 0)
            return KR_HANDLED;
        if (k->action == ACT_WITHDRAW)
            done = withdraw_selected(s, sel);
        else if (strcmp(cell(t, sel, "may_decide"), "t") != 0) {
            app_status(s->app, "%s",
                       _("Only an officer of the receiving township decides "
                         "a pending request."));
            return KR_REDRAW;
        } else
            done = k->action == ACT_ACCEPT ? accept_selected(s, sel)
                                           : refuse_selected(s, sel);
        if (done)
            reload(s);
        return KR_REDRAW;
    default:
        return listbase_key(&t->lb, k);
    }
}

/* What the selected request lets me do. */
static const enum action *
transfer_actions(struct screen *s)
{
    struct transfer *t = s->data;
    int sel = listbase_selected(&t->lb), n = 0;

    if (sel >= 0 && strcmp(cell(t, sel, "may_decide"), "t") == 0) {
        t->acts[n++] = ACT_ACCEPT;
        t->acts[n++] = ACT_REFUSE;
    }
    if (sel >= 0 && strcmp(cell(t, sel, "may_withdraw"), "t") == 0)
        t->acts[n++] = ACT_WITHDRAW;
    t->acts[n++] = ACT_REFRESH;
    t->acts[n++] = ACT_HELP;
    t->acts[n++] = ACT_BACK;
    t->acts[n] = ACT_NONE;
    return t->acts;
}

static const char *
transfer_title(struct screen *s)
{
    (void)s;
    return _("Transfers between townships");
}

static const struct screen_ops transfer_ops = {
    .name = "transfer",
    .layout = listbase_layout,
    .draw = transfer_draw,
    .key = transfer_key,
    .resumed = listbase_resumed,
    .actions = transfer_actions,
    .available = listbase_available,
    .title = transfer_title,
    .close = listbase_close,
};

static const struct listbase_ops transfer_list_ops = {
    .fetch = fetch_rows, .shows = transfer_shows, .row = transfer_row};

struct screen *
transfer_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &transfer_ops, sizeof(struct transfer));
    struct transfer *t;

    if (s == NULL)
        return NULL;
    t = s->data;
    t->columns[0] = (struct lv_column){_("Direction"), 4, false};
    t->columns[1] = (struct lv_column){_("Household no."), 12, false};
    t->columns[2] = (struct lv_column){_("Head of household"), 0, false};
    t->columns[3] = (struct lv_column){_("From"), 10, false};
    t->columns[4] = (struct lv_column){_("To"), 10, false};
    t->columns[5] = (struct lv_column){_("Requested on"), 10, false};
    listbase_init(&t->lb, s, &transfer_list_ops, t->columns, NCOLS);
    t->lb.lv.status_width = 8;
    t->lb.below = DETAIL_LINES + 1;
    t->lb.lv.empty_text = _("No household is moving from or to your "
                            "townships.");
    reload(s);
    return s;
}

/* The request dialog of both kinds: the township, a reason, then the
 * request (of member when member, else of household `what`). */
static bool
request_dialog(struct app *a, const char *what, bool member, int township,
               const char *title)
{
    char from[16];
    char *to = NULL, *reason = NULL, *id = NULL;
    struct db_error err;
    bool ok = false;

    snprintf(from, sizeof(from), "%d", township);
    if ((to = ledger_pick(a, title, township_search, from)) == NULL ||
        (reason = dialog_prompt(a, PROMPT_TEXT, title, _("Reason for the move"),
                                NULL)) == NULL)
        goto cleanup;
    id = member ? transfer_request_member(a->db, what, to, reason, &err)
                : transfer_request(a->db, what, to, reason, &err);
    if (id == NULL) {
        app_error(a, &err);
        goto cleanup;
    }
    ok = true;
    app_status(a, "%s",
               _("Transfer requested; an officer of the receiving township "
                 "decides it."));
cleanup:
    free(to);
    free(reason);
    free(id);
    return ok;
}

bool
transfer_request_dialog(struct app *a, long long household, int township,
                        const char *label)
{
    char title[256], hh[24];

    snprintf(hh, sizeof(hh), "%lld", household);
    snprintf(title, sizeof(title), _("Move %s to another township"), label);
    return request_dialog(a, hh, false, township, title);
}

bool
transfer_member_dialog(struct app *a, long long member, int township,
                       const char *label)
{
    char title[256], id[24];

    snprintf(id, sizeof(id), "%lld", member);
    snprintf(title, sizeof(title),
             _("Move member %s to a household of another township"), label);
    return request_dialog(a, id, true, township, title);
}
