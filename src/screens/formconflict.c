/*
 * formconflict.c
 *   Edit conflicts (issue 12 item 3). A save is refused with EA007 when
 *   the record's version moved since the form read it (db/record.c,
 *   update_record: UPDATE ... WHERE version = the one read). Then the
 *   record is read again and merged three ways, field by field, against
 *   what the form started from (form->base): a field only the person
 *   changed keeps what was typed, a field only the other side changed
 *   takes the database's value, and a field both changed differently is
 *   shown -- what was typed, what the database holds now, what the form
 *   started from -- for the person to keep one or the other (1 / 2).
 *   Grid rows: the database's rows, with the rows the person added,
 *   changed or removed laid over them as the person left them (a changed
 *   row removed meanwhile comes back as a new row). F2 puts the merge in
 *   the form over the new version and saves again; Esc goes back to the
 *   form as typed (kept in the draft journal, never dropped).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "screens/form.h"
#include "ui/draw.h"
#include "ui/keys.h"

/* A field changed on both sides: the values (never NULL). */
struct clash {
    size_t field;
    char *mine, *theirs, *base;
    int keep; /* 0: not chosen yet, 1: mine, 2: theirs */
};

struct conflict {
    struct form *f;
    struct record *now; /* the record as the database holds it now */
    char **mine;        /* the form's values as typed, parallel to fields */
    bool *changed;      /* which of them the person changed */
    struct clash *c;
    size_t n;
    int taken, kept; /* fields that took the database's / kept mine */
    int rows_mine;   /* grid rows the person touched, laid over theirs */
    int sel, top, rows, cols;
    enum action acts[8];
};

static const char *
nz(const char *v)
{
    return v != NULL ? v : "";
}

bool
form_set_base(struct form *f, char *const *values)
{
    char **b = NULL;

    if (values != NULL) {
        if ((b = calloc(f->def->nfields + 1, sizeof(*b))) == NULL)
            return false;
        for (size_t i = 0; i < f->def->nfields; i++)
            if (values[i] != NULL && (b[i] = strdup(values[i])) == NULL) {
                for (size_t j = 0; j < i; j++)
                    free(b[j]);
                free(b);
                return false;
            }
    }
    form_free_base(f);
    f->base = b;
    return true;
}

void
form_free_base(struct form *f)
{
    for (size_t i = 0; f->base != NULL && i < f->def->nfields; i++)
        free(f->base[i]);
    free(f->base);
    f->base = NULL;
}

static void
conflict_free(struct conflict *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->c[i].mine);
        free(c->c[i].theirs);
        free(c->c[i].base);
    }
    free(c->c);
    for (size_t i = 0; c->mine != NULL && i < c->f->def->nfields; i++)
        free(c->mine[i]);
    free(c->mine);
    free(c->changed);
    record_free(c->now);
    free(c);
}

/* Sort the fields three ways: c->mine, c->taken, c->kept and the clashes.
 * false when out of memory. */
static bool
classify(struct conflict *c)
{
    struct form *f = c->f;
    size_t n = f->def->nfields;

    if ((c->mine = calloc(n + 1, sizeof(*c->mine))) == NULL ||
        (c->changed = calloc(n + 1, sizeof(*c->changed))) == NULL ||
        (c->c = calloc(n + 1, sizeof(*c->c))) == NULL)
        return false;
    for (size_t i = 0; i < n; i++) {
        const char *b = f->base ? nz(f->base[i]) : "",
                   *t = nz(c->now->values[i]);
        char *m;

        if ((m = c->mine[i] = fieldset_value(&f->fs, i)) == NULL)
            return false;
        if (f->fs.f[i].locked || f->def->fields[i].read_only)
            continue; /* the server's */
        c->changed[i] = strcmp(m, b) != 0;
        if (strcmp(m, t) == 0)
            continue; /* the same on both sides */
        if (strcmp(m, b) == 0) {
            c->taken++; /* only they changed it */
            continue;
        }
        if (strcmp(t, b) == 0) {
            c->kept++; /* only I changed it */
            continue;
        }
        c->c[c->n] = (struct clash){i, strdup(m), strdup(t), strdup(b), 0};
        if (c->c[c->n].mine == NULL || c->c[c->n].theirs == NULL ||
            c->c[c->n].base == NULL) {
            c->n++;
            return false;
        }
        c->n++;
    }
    return true;
}

/* The row of grid g of r with id, or NULL. */
static struct grid_row *
row_with_id(struct record *r, size_t g, long long id)
{
    for (size_t i = 0; i < r->grids[g].count; i++)
        if (r->grids[g].rows[i].id == id)
            return &r->grids[g].rows[i];
    return NULL;
}

/* Lay the grid rows the person touched over the database's rows of now.
 * false when out of memory. */
static bool
merge_rows(struct conflict *c, struct record *now)
{
    const struct record *mine = c->f->rec;

    for (size_t g = 0; g < mine->form->ngrids; g++) {
        size_t nf = mine->form->grids[g].nfields;

        for (size_t r = 0; r < mine->grids[g].count; r++) {
            const struct grid_row *m = &mine->grids[g].rows[r];
            struct grid_row *t;
            int at;

            if ((!m->changed && !m->deleted) || (m->deleted && m->id == 0))
                continue;
            t = m->id != 0 ? row_with_id(now, g, m->id) : NULL;
            if (m->deleted) {
                if (t != NULL)
                    t->deleted = t->changed = true;
                continue;
            }
            if (t == NULL) { /* new, or removed meanwhile: a new row */
                if ((at = record_add_row(now, g)) < 0)
                    return false;
                t = &now->grids[g].rows[at];
            }
            for (size_t v = 0; v < nf; v++) {
                free(t->values[v]);
                t->values[v] = NULL;
                if (m->values[v] != NULL &&
                    (t->values[v] = strdup(m->values[v])) == NULL)
                    return false;
            }
            t->changed = true;
        }
    }
    return true;
}

static int
rows_touched(const struct record *r)
{
    int n = 0;

    for (size_t g = 0; g < r->form->ngrids; g++)
        for (size_t i = 0; i < r->grids[g].count; i++)
            n += (r->grids[g].rows[i].changed || r->grids[g].rows[i].deleted) &&
                 !(r->grids[g].rows[i].deleted && r->grids[g].rows[i].id == 0);
    return n;
}

/* ---- the screen ------------------------------------------------------- */

#define CLASH_LINES 4 /* a clash: its label and three values */

static int
head_lines(const struct conflict *c)
{
    return 3 + (c->f->def->ngrids > 0);
}

static void
conflict_layout(struct screen *s, int top, int rows, int cols)
{
    struct conflict *c = s->data;

    c->top = top;
    c->rows = rows;
    c->cols = cols;
}

/* One value line of a clash: "(*) 1 Mine        value" (the key of
 * keep-mine / keep-theirs as bound). */
static void
draw_value(struct conflict *c, int y, const struct clash *k, int which,
           const char *v)
{
    static const int tag_cells = 20;
    char tag[128], key[32] = "";
    const char *word = which == 1   ? _("Mine")
                       : which == 2 ? _("Database's")
                                    : _("Started from");

    keys_names(which == 2 ? ACT_KEEP_THEIRS : ACT_KEEP_MINE, KEYS_PRIMARY, key,
               sizeof(key));
    if (which == 0) /* no key: blanks as wide as the others' */
        memset(key, ' ', strlen(key));
    snprintf(tag, sizeof(tag), "%s %s %s",
             which == 0         ? "   "
             : k->keep == which ? "(*)"
                                : "( )",
             key, word);
    draw_str(stdscr, y, 2, tag_cells, tag,
             k->keep == which ? UA_MARK : UA_LABEL, DRAW_PAD);
    draw_str(stdscr, y, tag_cells + 2, c->cols - tag_cells - 3,
             form_value_words(c->f, &c->f->def->fields[k->field], v),
             which == 0 ? UA_LABEL : UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
}

static void
conflict_draw(struct screen *s)
{
    struct conflict *c = s->data;
    int y = c->top, shown = (c->rows - head_lines(c)) / CLASH_LINES, first = 0;
    char line[512];

    for (int i = 0; i < c->rows; i++)
        draw_fill(stdscr, c->top + i, 0, c->cols, UA_NORMAL);
    snprintf(line, sizeof(line),
             _("Someone else saved it meanwhile (version %d -> %d); %d "
               "field(s) changed by both."),
             c->f->rec->version, c->now->version, (int)c->n);
    draw_str(stdscr, y++, 0, c->cols, line, UA_HEADER, DRAW_MARK_CUT);
    snprintf(line, sizeof(line),
             _("Taken from the database: %d (you had not changed them); "
               "kept as typed: %d."),
             c->taken, c->kept);
    draw_str(stdscr, y++, 0, c->cols, line, UA_NORMAL, DRAW_MARK_CUT);
    if (c->f->def->ngrids > 0) {
        snprintf(line, sizeof(line),
                 _("Table rows: the %d you changed are kept as you left "
                   "them, the rest as saved."),
                 c->rows_mine);
        draw_str(stdscr, y++, 0, c->cols, line, UA_NORMAL, DRAW_MARK_CUT);
    }
    y++;
    if (shown < 1)
        shown = 1;
    if (c->sel >= shown)
        first = c->sel - shown + 1;
    if (c->n == 0)
        draw_str(stdscr, y, 0, c->cols,
                 _("Nothing to choose: F2 saves the merge."), UA_NORMAL,
                 DRAW_MARK_CUT);
    for (int i = first; i < (int)c->n && i < first + shown; i++) {
        const struct clash *k = &c->c[i];
        const char *label =
            label_text(&c->f->def->fields[k->field].label, c->f->app->zh);

        snprintf(line, sizeof(line), "%s %s", i == c->sel ? ">" : " ", label);
        draw_str(stdscr, y, 0, c->cols, line,
                 i == c->sel ? UA_SELECTED : UA_LABEL,
                 DRAW_PAD | DRAW_MARK_CUT);
        if (k->keep == 0)
            draw_str(stdscr, y, c->cols - 16, 16, _("(choose 1 or 2)"),
                     i == c->sel ? UA_SELECTED : UA_ERROR, DRAW_RIGHT);
        draw_value(c, y + 1, k, 1, k->mine);
        draw_value(c, y + 2, k, 2, k->theirs);
        draw_value(c, y + 3, k, 0, k->base);
        y += CLASH_LINES;
    }
}

/* Put the merge in the form: the database's record with every field as
 * chosen, the touched rows laid over; the form's base the database's
 * values. false when out of memory (the form is left as it was). */
static bool
apply(struct conflict *c)
{
    struct form *f = c->f;
    struct record *now = c->now;
    struct fieldset fs;

    /* what the form starts from now: the database's values */
    if (!form_set_base(f, now->values))
        return false;
    for (size_t i = 0; i < f->def->nfields; i++)
        if (c->changed[i] && !record_set(now, i, c->mine[i]))
            return false;
    for (size_t k = 0; k < c->n; k++)
        if (!record_set(now, c->c[k].field,
                        c->c[k].keep == 1 ? c->c[k].mine : c->c[k].theirs))
            return false;
    if (!merge_rows(c, now) ||
        !fieldset_init(&fs, f->def->fields, f->def->nfields, now->values,
                       f->app->zh))
        return false;
    fieldset_free(&f->fs);
    f->fs = fs;
    record_free(f->rec);
    f->rec = now;
    c->now = NULL;
    form_show_lookups(f, &f->fs);
    f->fs.dirty = true;
    f->conflict = false;
    if (f->focus >= form_items(f))
        f->focus = 0;
    return true;
}

static enum key_result
conflict_save(struct screen *s)
{
    struct conflict *c = s->data;

    for (size_t i = 0; i < c->n; i++)
        if (c->c[i].keep == 0) {
            c->sel = (int)i;
            app_status(s->app,
                       _("Choose for every field: 1 keeps yours, 2 the "
                         "database's (%s)."),
                       label_text(&c->f->def->fields[c->c[i].field].label,
                                  s->app->zh));
            return KR_REDRAW;
        }
    if (!apply(c)) {
        app_status(s->app, "%s", _("out of memory"));
        return KR_REDRAW;
    }
    s->result = FORM_CONFLICT_MERGED; /* the form saves it */
    return KR_CLOSE;
}

static enum key_result
conflict_key(struct screen *s, const struct key *k)
{
    struct conflict *c = s->data;
    int keep = k->action == ACT_KEEP_MINE          ? 1
               : k->action == ACT_KEEP_THEIRS      ? 2
               : !k->is_function && k->code == '1' ? 1
               : !k->is_function && k->code == '2' ? 2
                                                   : 0;

    if (keep != 0 && c->n > 0) {
        c->c[c->sel].keep = keep;
        if (c->sel + 1 < (int)c->n)
            c->sel++;
        return KR_REDRAW;
    }
    if (k->is_function && (k->code == KEY_DOWN || k->code == KEY_UP)) {
        c->sel += k->code == KEY_DOWN ? 1 : -1;
        if (c->sel >= (int)c->n)
            c->sel = (int)c->n - 1;
        if (c->sel < 0)
            c->sel = 0;
        return KR_REDRAW;
    }
    switch (k->action) {
    case ACT_NEXT_FIELD:
    case ACT_PREV_FIELD:
        if (c->n > 0)
            c->sel =
                (c->sel + (k->action == ACT_NEXT_FIELD ? 1 : -1) + (int)c->n) %
                (int)c->n;
        return KR_REDRAW;
    case ACT_SAVE:
        return conflict_save(s);
    case ACT_BACK:
        s->result = 0;
        app_status(s->app, "%s",
                   _("Not saved; the form keeps what you typed (journaled). F2 "
                     "compares again."));
        return KR_CLOSE;
    default:
        return KR_UNHANDLED;
    }
}

static const enum action *
conflict_actions(struct screen *s)
{
    struct conflict *c = s->data;
    int n = 0;

    if (c->n > 0) {
        c->acts[n++] = ACT_KEEP_MINE;
        c->acts[n++] = ACT_KEEP_THEIRS;
    }
    c->acts[n++] = ACT_SAVE;
    c->acts[n++] = ACT_HELP;
    c->acts[n++] = ACT_BACK;
    c->acts[n] = ACT_NONE;
    return c->acts;
}

static const char *
conflict_label(struct screen *s, enum action a)
{
    (void)s;
    if (a == ACT_SAVE)
        return _("Save merge");
    if (a == ACT_BACK)
        return _("Back to form");
    return NULL;
}

static const char *
conflict_title(struct screen *s)
{
    (void)s;
    return _("Edit conflict");
}

static void
conflict_close(struct screen *s)
{
    conflict_free(s->data);
    free(s);
}

static void
conflict_resumed(struct screen *s, int result)
{
    (void)s;
    (void)result;
}

static const struct screen_ops conflict_ops = {
    .name = "conflict",
    .layout = conflict_layout,
    .draw = conflict_draw,
    .key = conflict_key,
    .resumed = conflict_resumed,
    .actions = conflict_actions,
    .action_label = conflict_label,
    .title = conflict_title,
    .close = conflict_close,
};

bool
form_conflict_open(struct form *f)
{
    struct db_error err;
    struct conflict *c = calloc(1, sizeof(*c));
    struct screen *s = calloc(1, sizeof(*s));

    f->conflict = true;
    form_journal_write(f); /* nothing typed is lost, whatever comes next */
    if (c == NULL || s == NULL) {
        free(c);
        free(s);
        app_status(f->app, "%s", _("out of memory"));
        return false;
    }
    c->f = f;
    if ((c->now = record_load(f->app->db, f->def, f->rec->id, &err)) == NULL) {
        free(s);
        conflict_free(c);
        app_error(f->app, &err);
        return true; /* said; the form keeps what was typed */
    }
    if (!classify(c)) {
        free(s);
        conflict_free(c);
        app_status(f->app, "%s", _("out of memory"));
        return true;
    }
    c->rows_mine = rows_touched(f->rec);
    *s = (struct screen){.ops = &conflict_ops, .app = f->app, .data = c};
    app_push(f->app, s);
    app_status(f->app, "%s",
               _("Saved meanwhile by someone else. Nothing typed is lost: "
                 "choose per field, F2."));
    return true;
}

void
form_conflict_resumed(struct form *f, int result)
{
    if (result == FORM_CONFLICT_MERGED && form_save(f))
        app_status(f->app,
                   _("Saved with the other person's changes (version "
                     "%d)."),
                   f->rec->version);
}
