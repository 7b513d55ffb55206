/*
 * teachers.c
 *   乡村教师 (issue 17 H5): the teacher register of the person's townships
 *   (the county for supervisors and auditors), by township and school:
 *   name, school, post, subject, whether the school is a village school
 *   or a teaching point (the school's, sql/046_pairing.sql), and the
 *   hours of the trainings counted this calendar year. Below the list the
 *   selected teacher's township and trainings. F4 filters by township;
 *   Enter opens the teacher's
 *   page (teacherpage.c) with the trainings and exchanges.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "db/teachers.h"
#include "screens/listbase.h"
#include "screens/session.h"
#include "screens/screens.h"
#include "screens/teachers.h"
#include "ui/draw.h"

#define NCOLS 6
#define DETAIL_LINES 1

struct teachers {
    struct listbase lb; /* first: the screen ops of listbase.h use it */
    struct lv_column columns[NCOLS];
    char where[32], hours[16];
    int township, year;
    char township_name[64];
    bool writer;
};

static bool
fetch_rows(struct screen *s)
{
    struct teachers *p = s->data;
    struct db_error err;
    char y[16], t[16];
    struct dbres *res;

    snprintf(y, sizeof(y), "%d", p->year);
    snprintf(t, sizeof(t), "%d", p->township);
    if ((res = teachers_list(s->app->db, y, t, &err)) == NULL) {
        app_error(s->app, &err);
        return false;
    }
    return listbase_take(&p->lb, res);
}

static const char *const teachers_shows[NCOLS] = {"name", "school", NULL,
                                                  NULL,   NULL,     NULL};

/* 教学点, 乡村 or 镇区 (the school's). */
static const char *
school_where(const char *urban_rural, const char *teaching_point)
{
    if (strcmp(teaching_point, "t") == 0)
        return _("Teaching point");
    return strcmp(urban_rural, "rural") == 0 ? _("Village school") : _("Town");
}

static bool
teachers_row(struct screen *s, int i, const char **cells, struct lv_row *row)
{
    struct teachers *p = s->data;
    const char *hours = cell(p, i, "hours");

    snprintf(
        p->where, sizeof(p->where), "%s",
        school_where(cell(p, i, "urban_rural"), cell(p, i, "teaching_point")));
    /* "24.0" shown as 24 */
    snprintf(p->hours, sizeof(p->hours), "%g", strtod(hours, NULL));
    cells[2] = teacher_word(TW_POST, cell(p, i, "post"));
    cells[3] = teacher_word(TW_SUBJECT, cell(p, i, "subject"));
    cells[4] = p->where;
    cells[5] = p->hours;
    if (strcmp(cell(p, i, "active"), "t") != 0)
        row->attr = UA_GONE;
    return true;
}

static void
teachers_draw(struct screen *s)
{
    struct teachers *p = s->data;
    char line[256];
    int sel = listbase_selected(&p->lb);

    snprintf(line, sizeof(line),
             _("%d teachers \xc2\xb7 township: %s \xc2\xb7 hours of %d"),
             listbase_nrows(&p->lb),
             p->township_name[0] ? p->township_name : _("all"), p->year);
    listbase_line(&p->lb, 0, line, UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
    listview_draw(&p->lb.lv);
    if (sel >= 0) {
        snprintf(line, sizeof(line), _("%s \xc2\xb7 %s trainings this year"),
                 cell(p, sel, "township"), cell(p, sel, "trainings"));
        listbase_line(&p->lb, -1, line, UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
    }
}

static void
filter_choices(struct screen *s, struct listbase_filter *f)
{
    (void)s;
    listbase_filter_add_townships(f);
}

static void
filter_chosen(struct screen *s, const struct listbase_filter *f, const char *v)
{
    struct teachers *p = s->data;

    listbase_filter_township(f, v, &p->township, p->township_name,
                             sizeof(p->township_name));
}

/* The selected teacher as the page and the editor take him. */
static void
teacher_of(struct teachers *p, int i, struct teacher_ref *t)
{
    snprintf(t->township, sizeof(t->township), "%s", cell(p, i, "township_id"));
    snprintf(t->id, sizeof(t->id), "%s", cell(p, i, "id"));
    snprintf(t->version, sizeof(t->version), "%s", cell(p, i, "version"));
    snprintf(t->school_id, sizeof(t->school_id), "%s", cell(p, i, "school_id"));
    snprintf(t->name, sizeof(t->name), "%s", cell(p, i, "name"));
    snprintf(t->school, sizeof(t->school), "%s", cell(p, i, "school"));
    snprintf(t->post, sizeof(t->post), "%s", cell(p, i, "post"));
    snprintf(t->subject, sizeof(t->subject), "%s", cell(p, i, "subject"));
}

static enum key_result
teachers_key(struct screen *s, const struct key *k)
{
    struct teachers *p = s->data;
    int sel = listbase_selected(&p->lb);
    struct teacher_ref t;
    struct screen *next;

    if (k->action != ACT_OPEN)
        return listbase_key(&p->lb, k);
    if (sel < 0)
        return KR_HANDLED;
    teacher_of(p, sel, &t);
    if ((next = teacherpage_screen_new(s->app, &t, p->writer)) == NULL)
        app_status(s->app, "%s", _("out of memory"));
    else
        app_push(s->app, next);
    return KR_REDRAW;
}

static const enum action teachers_actions_list[] = {
    ACT_OPEN, ACT_FILTER, ACT_REFRESH, ACT_HELP, ACT_BACK, ACT_NONE};

static const enum action *
teachers_actions(struct screen *s)
{
    (void)s;
    return teachers_actions_list;
}

static const char *
teachers_title(struct screen *s)
{
    (void)s;
    return _("Rural teachers");
}

static const struct screen_ops teachers_ops = {
    .name = "teachers",
    .layout = listbase_layout,
    .draw = teachers_draw,
    .key = teachers_key,
    .resumed = listbase_resumed,
    .actions = teachers_actions,
    .available = listbase_available,
    .title = teachers_title,
    .close = listbase_close,
};

static const struct listbase_ops teachers_list_ops = {
    .fetch = fetch_rows,
    .shows = teachers_shows,
    .row = teachers_row,
    .filter_choices = filter_choices,
    .filter_chosen = filter_chosen,
};

struct screen *
teachers_screen_new(struct app *a)
{
    struct screen *s =
        listbase_screen_new(a, &teachers_ops, sizeof(struct teachers));
    struct teachers *p;
    int today = date_today_yyyymmdd();

    if (s == NULL)
        return NULL;
    p = s->data;
    p->writer = strcmp(db_role(a->db), "clerk") == 0 ||
                strcmp(db_role(a->db), "officer") == 0;
    p->year = today > 0 ? today / 10000 : 2026;
    p->columns[0] = (struct lv_column){_("Name"), 8, false};
    p->columns[1] = (struct lv_column){_("School"), 0, false};
    p->columns[2] = (struct lv_column){_("Post"), 8, false};
    p->columns[3] = (struct lv_column){_("Subject"), 8, false};
    p->columns[4] = (struct lv_column){_("Where"), 6, false};
    p->columns[5] = (struct lv_column){_("Hours"), 5, true};
    listbase_init(&p->lb, s, &teachers_list_ops, p->columns, NCOLS);
    p->lb.below = DETAIL_LINES;
    p->lb.lv.empty_text = _("No teacher you can see.");
    reload(s);
    return s;
}
