/*
 * pairing.c
 *   "结对帮扶" (school pairing, issue 15) of the main menu: the screens of
 *   the pairing area, each with a line of its numbers; Enter opens one.
 *   One table (entries[]) says, one line per screen, its label, the line
 *   of numbers under it, which roles see it and what it opens: a screen
 *   of the area adds its line there. The inspector (纪检督导组) logs in to
 *   this area alone (menu.c).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/pairboard.h"
#include "db/pairing.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/listview.h"

/* Who sees an entry. */
enum {
    R_CLERK = 1 << 0,
    R_OFFICER = 1 << 1,
    R_SUPERVISOR = 1 << 2,
    R_AUDITOR = 1 << 3,
    R_INSPECTOR = 1 << 4,
    R_ALL = R_CLERK | R_OFFICER | R_SUPERVISOR | R_AUDITOR | R_INSPECTOR
};

#define LINE_SIZE 256

/* One screen of the area. line writes its numbers (NULL: hint alone). */
struct pairing_entry {
    const char *label; /* N_() */
    const char *hint;  /* N_(): shown when line is NULL or fails */
    void (*line)(struct app *a, char *out, size_t outsz);
    unsigned roles;
    struct screen *(*open)(struct app *a);
};

/* 结对名单: the pairs, running, with an approved agreement. */
static void
pairs_line(struct app *a, char *out, size_t outsz)
{
    struct db_error err;
    struct dbres *r = pairing_counts(a->db, &err);

    if (r == NULL || r->nrows < 1) {
        snprintf(out, outsz, "?");
        dbres_free(r);
        return;
    }
    snprintf(out, outsz,
             _("%s pairs \xc2\xb7 %s in their cycle \xc2\xb7 %s agreements "
               "approved"),
             dbres_field(r, 0, "pairs"), dbres_field(r, 0, "running"),
             dbres_field(r, 0, "approved"));
    dbres_free(r);
}

/* H3 (the board and the sheet): 帮扶达标看板's line, the pairs active
 * today and how many are behind. */
static void
board_line(struct app *a, char *out, size_t outsz)
{
    struct db_error err;
    struct dbres *r = pairboard_list(a->db, 0, PB_SORT_TITLE, &err);
    int behind = 0;

    if (r == NULL) {
        snprintf(out, outsz, "?");
        return;
    }
    for (int i = 0; i < r->nrows; i++)
        behind += strcmp(dbres_field(r, i, "behind"), "t") == 0;
    snprintf(out, outsz, _("%d pairs active today \xc2\xb7 %d behind"),
             r->nrows, behind);
    dbres_free(r);
}

/* The area's screens, in the order shown: one line each. */
static const struct pairing_entry entries[] = {
    {N_("Pairs"), N_("the pairs, their schools and cycles"), pairs_line, R_ALL,
     pairs_screen_new},
    /* issue 15 H1: 帮扶协议书, the record kind "pairing" (pairagree.c) */
    {N_("Agreements"), N_("signed agreements and goals, through the review"),
     NULL, R_CLERK | R_OFFICER | R_SUPERVISOR | R_AUDITOR,
     pairing_agreements_screen_new},
    /* H3: the compliance board and the annual scoring sheet */
    {N_("Compliance board"),
     N_("which pairs are behind this month and quarter, and why"), board_line,
     R_ALL, pairboard_screen_new},
    {N_("Annual scoring"), N_("the year's scores, totals and ranks"), NULL,
     R_SUPERVISOR | R_AUDITOR | R_INSPECTOR | R_OFFICER, pairscore_screen_new},
};

#define NENTRIES (sizeof(entries) / sizeof(entries[0]))

struct pairing {
    struct listview lv;
    struct lv_column columns[2];
    const char *cells[2];
    const struct pairing_entry *shown[NENTRIES];
    char lines[NENTRIES][LINE_SIZE];
    size_t nshown;
    int top, cols;
};

static unsigned
role_bit(const char *role)
{
    static const struct {
        const char *name;
        unsigned bit;
    } roles[] = {{"clerk", R_CLERK},
                 {"officer", R_OFFICER},
                 {"supervisor", R_SUPERVISOR},
                 {"auditor", R_AUDITOR},
                 {"inspector", R_INSPECTOR}};

    for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
        if (strcmp(role, roles[i].name) == 0)
            return roles[i].bit;
    return 0;
}

static void
refresh_lines(struct screen *s)
{
    struct pairing *p = s->data;

    for (size_t i = 0; i < p->nshown; i++) {
        p->lines[i][0] = '\0';
        if (p->shown[i]->line != NULL)
            p->shown[i]->line(s->app, p->lines[i], LINE_SIZE);
        if (p->lines[i][0] == '\0')
            snprintf(p->lines[i], LINE_SIZE, "%s", _(p->shown[i]->hint));
    }
    listview_set_rows(&p->lv, (int)p->nshown, false);
}

static bool
pairing_row(void *arg, int index, struct lv_row *row)
{
    struct pairing *p = ((struct screen *)arg)->data;

    if (index < 0 || (size_t)index >= p->nshown)
        return false;
    p->cells[0] = _(p->shown[index]->label);
    p->cells[1] = p->lines[index];
    row->cells = p->cells;
    return true;
}

static void
pairing_layout(struct screen *s, int top, int rows, int cols)
{
    struct pairing *p = s->data;

    p->top = top;
    p->cols = cols;
    listview_layout(&p->lv, top + 1, 2, rows - 2, cols - 4);
}

static void
pairing_draw(struct screen *s)
{
    struct pairing *p = s->data;

    draw_str(stdscr, p->top, 2, p->cols - 4,
             _("School pairing: the pairs, their work and its checks:"),
             UA_LABEL, DRAW_PAD);
    listview_draw(&p->lv);
}

static enum key_result
pairing_key(struct screen *s, const struct key *k)
{
    struct pairing *p = s->data;
    struct screen *next;
    int sel;

    switch (k->action) {
    case ACT_OPEN:
        if ((sel = listview_selected(&p->lv)) < 0 || (size_t)sel >= p->nshown)
            return KR_HANDLED;
        if ((next = p->shown[sel]->open(s->app)) == NULL)
            app_status(s->app, "%s", _("out of memory"));
        else
            app_push(s->app, next);
        return KR_REDRAW;
    case ACT_REFRESH:
        refresh_lines(s);
        return KR_REDRAW;
    case ACT_BACK:
        return KR_CLOSE;
    default:
        return listview_key(&p->lv, k);
    }
}

static void
pairing_resumed(struct screen *s, int result)
{
    (void)result;
    refresh_lines(s);
}

static const enum action pairing_actions_list[] = {
    ACT_OPEN, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};

static const enum action *
pairing_actions(struct screen *s)
{
    (void)s;
    return pairing_actions_list;
}

static const char *
pairing_title(struct screen *s)
{
    (void)s;
    return _("School pairing");
}

static void
pairing_close(struct screen *s)
{
    struct pairing *p = s->data;

    listview_free(&p->lv);
    free(p);
    free(s);
}

static const struct screen_ops pairing_ops = {
    .name = "pairing",
    .layout = pairing_layout,
    .draw = pairing_draw,
    .key = pairing_key,
    .resumed = pairing_resumed,
    .actions = pairing_actions,
    .title = pairing_title,
    .close = pairing_close,
};

struct screen *
pairing_screen_new(struct app *a)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct pairing *p = calloc(1, sizeof(*p));
    unsigned mine = role_bit(db_role(a->db));

    if (s == NULL || p == NULL) {
        free(s);
        free(p);
        return NULL;
    }
    *s = (struct screen){.ops = &pairing_ops, .app = a, .data = p};
    for (size_t i = 0; i < NENTRIES; i++)
        if (entries[i].roles & mine)
            p->shown[p->nshown++] = &entries[i];
    p->columns[0] = (struct lv_column){_("Screen"), 16, false};
    p->columns[1] = (struct lv_column){_("Now"), 0, false};
    listview_init(&p->lv, p->columns, 2, pairing_row, s);
    p->lv.empty_text = _("Your role has no pairing screens.");
    refresh_lines(s);
    return s;
}

/* Whether the role sees the pairing area at all (menu.c). */
bool
pairing_area_for(const char *role)
{
    return role_bit(role) != 0;
}
