/*
 * teacheredit.c
 *   The rural teachers' editor (issue 17 H5), as pairedit.c is the
 *   pairing area's: one field a line over the teacher's page, Up/Down
 *   (Tab) move, Enter changes the field in focus (a text box, a pick list
 *   of words or of the county's schools), F2 saves and closes, Esc drops
 *   the changes (asking when there are some). Three kinds: a training
 *   record (programme, level, hours, first and last day), an exchange
 *   from the teacher's school (the receiving school, school year, term,
 *   notes), the teacher's post and subject (saved with the version read:
 *   a teacher changed by someone else since is refused in words). The
 *   server checks every value; a refusal is shown in the words of
 *   eduaid.message and the editor stays open.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/match.h"
#include "db/pairing.h"
#include "db/teachers.h"
#include "screens/fieldlist.h"
#include "screens/listbase.h"
#include "screens/session.h"
#include "screens/teachers.h"
#include "ui/dialog.h"
#include "ui/draw.h"

#define MAXF 5
#define LABEL_CELLS 16
#define NPICK 64

enum ftype { F_TEXT, F_DATE, F_YEAR, F_WORD, F_SCHOOL };

struct fdef {
    const char *label;
    enum ftype type;
    enum teacher_words words; /* F_WORD's */
};

static const struct fdef fields[3][MAXF] = {
    [TE_TRAINING] = {{N_("Programme"), F_TEXT, 0},
                     {N_("Level"), F_WORD, TW_LEVEL},
                     {N_("Hours"), F_TEXT, 0},
                     {N_("First day"), F_DATE, 0},
                     {N_("Last day"), F_DATE, 0}},
    [TE_EXCHANGE] = {{N_("To school"), F_SCHOOL, 0},
                     {N_("School year"), F_YEAR, 0},
                     {N_("Term"), F_WORD, TW_TERM},
                     {N_("Notes"), F_TEXT, 0}},
    [TE_POST] = {{N_("Post"), F_WORD, TW_POST},
                 {N_("Subject"), F_WORD, TW_SUBJECT}},
};

static const char *const titles[3] = {
    [TE_TRAINING] = N_("New training record"),
    [TE_EXCHANGE] = N_("New exchange"),
    [TE_POST] = N_("Post and subject"),
};

struct teacheredit {
    struct app *app;
    enum teacher_edit kind;
    struct teacher_ref *t;
    struct fieldlist fl;
    char *val[MAXF];  /* codes, ids, text; never NULL */
    char *word[MAXF]; /* a picked school's name ("" for the rest) */
    struct dbres *picked;
    struct pick_item items[NPICK];
    char title[512];
    int top, rows, cols;
};

static const struct fdef *
field(const struct teacheredit *e, int i)
{
    return &fields[e->kind][i];
}

static const char *
shown(const struct teacheredit *e, int i)
{
    if (field(e, i)->type == F_WORD)
        return teacher_word(field(e, i)->words, e->val[i]);
    return e->word[i][0] != '\0' ? e->word[i] : e->val[i];
}

static void
edit_layout(struct screen *s, int top, int rows, int cols)
{
    struct teacheredit *e = s->data;

    e->top = top;
    e->rows = rows;
    e->cols = cols;
}

static void
edit_draw(struct screen *s)
{
    struct teacheredit *e = s->data;
    int y = e->top + 2;

    draw_str(stdscr, e->top, 0, e->cols, e->title, UA_HEADER,
             DRAW_PAD | DRAW_MARK_CUT);
    for (int i = 0; i < e->fl.nf && y < e->top + e->rows - 2; i++, y++) {
        draw_str(stdscr, y, 2, LABEL_CELLS, _(field(e, i)->label), UA_LABEL,
                 DRAW_PAD);
        draw_text(stdscr, y, LABEL_CELLS + 3, e->cols - LABEL_CELLS - 5,
                  shown(e, i), i == e->fl.focus ? UA_SELECTED : UA_FIELD);
    }
    fieldlist_draw_keys(e->top + e->rows - 1, e->cols);
}

/* ---- changing a field ---------------------------------------------------- */

struct word_pick {
    struct teacheredit *e;
    enum teacher_words g;
};

static int
word_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct word_pick *w = arg;
    const char *code;
    int k = 0;

    for (size_t i = 0; (code = teacher_word_code(w->g, i)) != NULL && k < NPICK;
         i++)
        if (filter == NULL || filter[0] == '\0' ||
            match_contains(teacher_word(w->g, code), filter) ||
            match_contains(code, filter))
            w->e->items[k++] =
                (struct pick_item){code, teacher_word(w->g, code), NULL};
    *items = w->e->items;
    return k;
}

static int
school_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct teacheredit *e = arg;
    struct db_error err;
    int k = 0;

    dbres_free(e->picked);
    if ((e->picked = pairing_any_school(e->app->db, filter, &err)) == NULL) {
        app_error(e->app, &err);
        return -1;
    }
    for (int i = 0; i < e->picked->nrows && k < NPICK; i++, k++)
        e->items[k] = (struct pick_item){listbase_text(e->picked, i, "value"),
                                         listbase_text(e->picked, i, "label"),
                                         listbase_text(e->picked, i, "detail")};
    *items = e->items;
    return k;
}

/* The name of school v among those picked last ("" when not there). */
static const char *
picked_label(const struct teacheredit *e, const char *v)
{
    for (int i = 0; e->picked != NULL && i < e->picked->nrows; i++)
        if (strcmp(listbase_text(e->picked, i, "value"), v) == 0)
            return listbase_text(e->picked, i, "label");
    return "";
}

static char *
ask(struct teacheredit *e, int i)
{
    const struct fdef *f = field(e, i);
    struct word_pick w = {e, f->words};

    switch (f->type) {
    case F_WORD:
        return dialog_pick(e->app, _(f->label), NULL, word_search, &w);
    case F_SCHOOL:
        return dialog_pick(e->app, _(f->label), NULL, school_search, e);
    default:
        return dialog_prompt(e->app, PROMPT_TEXT, e->title, _(f->label),
                             e->val[i]);
    }
}

static void
change_field(struct teacheredit *e)
{
    int i = e->fl.focus;
    char *v, *word;

    if ((v = ask(e, i)) == NULL)
        return;
    if ((word = strdup(field(e, i)->type == F_SCHOOL ? picked_label(e, v)
                                                     : "")) == NULL) {
        free(v);
        app_status(e->app, "%s", _("out of memory"));
        return;
    }
    if (strcmp(v, e->val[i]) != 0)
        e->fl.dirty = true;
    free(e->val[i]);
    free(e->word[i]);
    e->val[i] = v;
    e->word[i] = word;
}

/* ---- saving -------------------------------------------------------------- */

static int
store(struct teacheredit *e, struct db_error *err)
{
    struct teacher_ref *t = e->t;
    char **v = e->val;

    switch (e->kind) {
    case TE_TRAINING:
        return teachers_add_training(e->app->db, t->township, t->id, v[0], v[1],
                                     v[2], v[3], v[4], err);
    case TE_EXCHANGE:
        return teachers_add_exchange(e->app->db, t->township, t->id,
                                     t->school_id, v[0], v[1], v[2], v[3], err);
    case TE_POST:
        if (teachers_set_post(e->app->db, t->township, t->id, t->version, v[0],
                              v[1], err) != 0)
            return -1;
        /* the page shows what was saved, and saves again with the new
         * version */
        snprintf(t->post, sizeof(t->post), "%s", v[0]);
        snprintf(t->subject, sizeof(t->subject), "%s", v[1]);
        snprintf(t->version, sizeof(t->version), "%d",
                 (int)strtol(t->version, NULL, 10) + 1);
        return 0;
    }
    return -1;
}

static bool
save(struct teacheredit *e)
{
    struct db_error err;

    if (store(e, &err) != 0) {
        app_error(e->app, &err);
        return false;
    }
    app_status(e->app, "%s", _("Saved (the audit log keeps it)."));
    return true;
}

/* ---- keys ---------------------------------------------------------------- */

static void
change_cb(void *owner)
{
    change_field(owner);
}

static bool
save_cb(void *owner)
{
    return save(owner);
}

static enum key_result
edit_key(struct screen *s, const struct key *k)
{
    struct teacheredit *e = s->data;

    return fieldlist_key(&e->fl, k);
}

static const enum action *
edit_actions(struct screen *s)
{
    (void)s;
    return fieldlist_actions();
}

static const char *
edit_action_label(struct screen *s, enum action a)
{
    (void)s;
    return fieldlist_action_label(a);
}

static const char *
edit_title(struct screen *s)
{
    struct teacheredit *e = s->data;

    return e->title;
}

static void
edit_close(struct screen *s)
{
    struct teacheredit *e = s->data;

    for (int i = 0; i < MAXF; i++) {
        free(e->val[i]);
        free(e->word[i]);
    }
    dbres_free(e->picked);
    free(e);
    free(s);
}

static const struct screen_ops edit_ops = {
    .name = "teacher-edit",
    .layout = edit_layout,
    .draw = edit_draw,
    .key = edit_key,
    .actions = edit_actions,
    .action_label = edit_action_label,
    .title = edit_title,
    .close = edit_close,
};

/* ---- making it ----------------------------------------------------------- */

/* What field i starts with, into buf. */
static const char *
start_value(const struct teacheredit *e, int i, char *buf, size_t bufsz)
{
    const struct fdef *f = field(e, i);
    int today = date_today_yyyymmdd();

    buf[0] = '\0';
    if (e->kind == TE_POST)
        return i == 0 ? e->t->post : e->t->subject;
    switch (f->type) {
    case F_DATE:
        if (today > 0)
            snprintf(buf, bufsz, "%04d-%02d-%02d", today / 10000,
                     today / 100 % 100, today % 100);
        break;
    case F_YEAR:
        snprintf(buf, bufsz, "%d", date_school_year_today());
        break;
    case F_WORD: /* the first word: a choice is never empty */
        return teacher_word_code(f->words, 0);
    default:
        break;
    }
    return buf;
}

struct screen *
teacher_edit_screen(struct app *a, enum teacher_edit k, struct teacher_ref *t)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct teacheredit *e = calloc(1, sizeof(*e));
    char buf[32];
    int nf = 0;

    if (s == NULL || e == NULL || k > TE_POST) {
        free(s);
        free(e);
        return NULL;
    }
    *s = (struct screen){.ops = &edit_ops, .app = a, .data = e};
    e->app = a;
    e->kind = k;
    e->t = t;
    while (nf < MAXF && fields[k][nf].label != NULL)
        nf++;
    e->fl = (struct fieldlist){.app = a,
                               .title = e->title,
                               .nf = nf,
                               .owner = e,
                               .change = change_cb,
                               .save = save_cb};
    snprintf(e->title, sizeof(e->title), "%s \xc2\xb7 %s \xc2\xb7 %s",
             _(titles[k]), t->name, t->school);
    for (int i = 0; i < nf; i++)
        if ((e->val[i] = strdup(start_value(e, i, buf, sizeof(buf)))) == NULL ||
            (e->word[i] = strdup("")) == NULL) {
            edit_close(s);
            return NULL;
        }
    return s;
}
