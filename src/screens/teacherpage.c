/*
 * teacherpage.c
 *   One teacher's page (乡村教师, issue 17 H5): the header (name, school,
 *   post, subject) and the teacher's records, newest first: trainings
 *   (first day, programme, level, hours) and exchanges (school year,
 *   from and to school, term). For clerks and officers F3 adds a training
 *   record, F6 an exchange from the teacher's school, F5 changes the post
 *   and subject -- each in the editor of teacheredit.c; the server
 *   decides who may and says why in the words of eduaid.message.
 *   Supervisors and auditors read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/teachers.h"
#include "screens/listbase.h"
#include "screens/session.h"
#include "screens/teachers.h"
#include "ui/draw.h"

#define NCOLS 5

struct teacherpage {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    struct teacher_ref t;
    char hours[16];
    bool writer;
};

static bool
fetch_rows(struct screen *s)
{
    struct teacherpage *p = s->data;
    struct db_error err;
    struct dbres *res;

    if ((res = teachers_records(s->app->db, p->t.township, p->t.id, &err)) ==
        NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&p->lb, res);
}

static const char *const page_shows[NCOLS] = {NULL, "at", "what", NULL, NULL};

static bool
page_row(struct screen *s, int i, const char **cells, struct lv_row *row)
{
    struct teacherpage *p = s->data;
    bool training = strcmp(cell(p, i, "kind"), "training") == 0;
    const char *hours = cell(p, i, "hours");

    (void)row;
    cells[0] = training ? _("Training") : _("Exchange");
    cells[3] = teacher_word(training ? TW_LEVEL : TW_TERM, cell(p, i, "code"));
    p->hours[0] = '\0';
    if (hours[0] != '\0')
        snprintf(p->hours, sizeof(p->hours), "%g", strtod(hours, NULL));
    cells[4] = p->hours;
    return true;
}

static void
page_draw(struct screen *s)
{
    struct teacherpage *p = s->data;
    char line[512];
    int sel = listbase_selected(&p->lb);

    snprintf(line, sizeof(line), "%s \xc2\xb7 %s", p->t.name, p->t.school);
    listbase_line(&p->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    snprintf(line, sizeof(line), _("Post: %s \xc2\xb7 subject: %s"),
             teacher_word(TW_POST, p->t.post),
             p->t.subject[0] ? teacher_word(TW_SUBJECT, p->t.subject)
                             : _("not recorded"));
    listbase_line(&p->lb, 1, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&p->lb.lv);
    if (sel >= 0 && strcmp(cell(p, sel, "kind"), "training") == 0) {
        snprintf(line, sizeof(line), _("From %s to %s"), cell(p, sel, "at"),
                 cell(p, sel, "until"));
        listbase_line(&p->lb, -1, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
    } else {
        listbase_line(&p->lb, -1, "", UA_NORMAL, DRAW_PAD);
    }
}

static enum key_result
page_key(struct screen *s, const struct key *k)
{
    struct teacherpage *p = s->data;
    enum teacher_edit e;
    struct screen *next;

    switch (k->action) {
    case ACT_NEW:
        e = TE_TRAINING;
        break;
    case ACT_ADD_ROW:
        e = TE_EXCHANGE;
        break;
    case ACT_LOOKUP:
        e = TE_POST;
        break;
    default:
        return listbase_key(&p->lb, k);
    }
    if (!p->writer)
        return KR_HANDLED;
    if ((next = teacher_edit_screen(s->app, e, &p->t)) == NULL)
        app_status(s->app, "%s", _("out of memory"));
    else
        app_push(s->app, next);
    return KR_REDRAW;
}

static const enum action writer_actions[] = {
    ACT_NEW,  ACT_ADD_ROW, ACT_LOOKUP, ACT_REFRESH,
    ACT_HELP, ACT_BACK,    ACT_NONE};
static const enum action reader_actions[] = {ACT_REFRESH, ACT_HELP, ACT_BACK,
                                             ACT_NONE};

static const enum action *
page_actions(struct screen *s)
{
    struct teacherpage *p = s->data;

    return p->writer ? writer_actions : reader_actions;
}

static const char *
page_action_label(struct screen *s, enum action a)
{
    (void)s;
    switch (a) {
    case ACT_NEW:
        return _("Training");
    case ACT_ADD_ROW:
        return _("Exchange");
    case ACT_LOOKUP:
        return _("Post/subject");
    default:
        return NULL;
    }
}

static bool
page_available(struct screen *s, enum action a, const char **why)
{
    (void)s;
    (void)a;
    (void)why;
    return true;
}

static const char *
page_title(struct screen *s)
{
    (void)s;
    return _("Teacher");
}

static const struct screen_ops page_ops = {
    .name = "teacher-page",
    .layout = listbase_layout,
    .draw = page_draw,
    .key = page_key,
    .resumed = listbase_resumed,
    .actions = page_actions,
    .action_label = page_action_label,
    .available = page_available,
    .title = page_title,
    .close = listbase_close,
};

static const struct listbase_ops page_list_ops = {
    .fetch = fetch_rows,
    .shows = page_shows,
    .row = page_row,
};

struct screen *
teacherpage_screen_new(struct app *a, const struct teacher_ref *t, bool writer)
{
    struct screen *s =
        listbase_screen_new(a, &page_ops, sizeof(struct teacherpage));
    struct teacherpage *p;

    if (s == NULL)
        return NULL;
    p = s->data;
    p->t = *t;
    p->writer = writer;
    p->columns[0] = (struct lv_column){_("Kind"), 6, false};
    p->columns[1] = (struct lv_column){_("Date/year"), 10, false};
    p->columns[2] = (struct lv_column){_("Programme or schools"), 0, false};
    p->columns[3] = (struct lv_column){_("Level/term"), 10, false};
    p->columns[4] = (struct lv_column){_("Hours"), 5, true};
    listbase_init(&p->lb, s, &page_list_ops, p->columns, NCOLS);
    p->lb.above = 2;
    p->lb.below = 1;
    p->lb.lv.empty_text = _("No training or exchange recorded.");
    reload(s);
    return s;
}
