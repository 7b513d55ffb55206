/*
 * rowedit.c
 *   One grid row (a household member) in a form of its own, over the
 *   record's form: the same fields, keys and checks. F2 (or Enter on the
 *   last field) keeps the row in the record -- it is saved with the record
 *   -- and Esc drops the changes (a new row that was never kept goes).
 *   A grant row whose program is picked gets the standard amount when its
 *   amount is empty (form_prefill_amount, formaid.c). In a record with an
 *   approved version, a row changed since shows under each changed field
 *   its approved value, as the form does for its fields, and a row added
 *   since says so (formdiff.c).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/rowdiff.h"
#include "screens/form.h"
#include "ui/dialog.h"
#include "ui/draw.h"

struct rowedit {
    struct form *form;
    const struct griddef *grid;
    struct grid_row *row;
    struct fieldset fs;
    bool is_new;
    bool done;           /* kept or dropped on purpose */
    struct rowdiff diff; /* the grid's marks against the last approval */
    const struct rowdiff_row *mark; /* this row's, or NULL */
    int focus, scroll, top, rows, cols;
};

static void
row_layout(struct screen *s, int top, int rows, int cols)
{
    struct rowedit *e = s->data;

    e->top = top;
    e->rows = rows;
    e->cols = cols;
}

/* Is field i of a row changed since the approval? */
static bool
changed_since(const struct rowedit *e, size_t i)
{
    return e->mark != NULL && e->mark->mark == ROW_CHANGED &&
           e->mark->changed != NULL && e->mark->changed[i];
}

/* Under a field changed since the approval: what was approved (as the
 * form shows it under its own fields). */
static void
draw_row_approved(struct rowedit *e, int y, size_t i)
{
    char line[512];

    snprintf(
        line, sizeof(line), _("approved value: %s"),
        form_value_words(e->form, &e->grid->fields[i], e->mark->approved[i]));
    draw_str(stdscr, y, 20, e->cols - 20, line, UA_ST_APPROVED,
             DRAW_PAD | DRAW_MARK_CUT);
}

static void
row_draw(struct screen *s)
{
    struct rowedit *e = s->data;
    int shown = e->rows - 1, lines[128], n = 0, focus_line = 0;

    /* the lines: each field, and under a changed one its approved value
     * (-1 - the field) */
    for (int i = 0; i < (int)e->fs.n && n < 127; i++) {
        if (i == e->focus)
            focus_line = n;
        lines[n++] = i;
        if (changed_since(e, (size_t)i))
            lines[n++] = -1 - i;
    }
    if (focus_line < e->scroll)
        e->scroll = focus_line;
    if (focus_line + 1 < n && lines[focus_line + 1] < 0)
        focus_line++; /* its approved value shows too */
    if (focus_line >= e->scroll + shown)
        e->scroll = focus_line - shown + 1;
    draw_str(stdscr, e->top, 0, e->cols,
             e->mark != NULL && e->mark->mark == ROW_ADDED
                 ? _("A row added since the approval. F2 keeps it in the "
                     "record; Esc drops the changes.")
                 : _("F2 keeps this row in the record; Esc drops the changes."),
             UA_LABEL, DRAW_PAD | DRAW_MARK_CUT);
    for (int i = e->scroll, y = e->top + 1; i < n && y < e->top + e->rows;
         i++, y++)
        if (lines[i] >= 0)
            form_draw_field(e->form, &e->fs, y, lines[i], lines[i] == e->focus);
        else
            draw_row_approved(e, y, (size_t)(-1 - lines[i]));
    form_draw_hint(e->form, e->grid->table, &e->fs, e->focus);
}

/* Copy the row's values into the record's row; false when out of memory. */
static bool
copy_into_row(struct rowedit *e)
{
    char **vals = calloc(e->fs.n ? e->fs.n : 1, sizeof(*vals));

    if (vals == NULL)
        return false;
    for (size_t i = 0; i < e->fs.n; i++)
        if ((vals[i] = fieldset_value(&e->fs, i)) == NULL) {
            for (size_t j = 0; j < i; j++)
                free(vals[j]);
            free(vals);
            return false;
        }
    for (size_t i = 0; i < e->fs.n; i++) {
        free(e->row->values[i]);
        e->row->values[i] = vals[i];
    }
    free(vals);
    e->row->changed = true;
    e->form->fs.dirty = true;
    return true;
}

/* Keep the row: check, then copy the values into the record's row. */
static enum key_result
keep(struct screen *s)
{
    struct rowedit *e = s->data;
    int bad = fieldset_check_all(&e->fs);

    if (bad >= 0) {
        e->focus = bad;
        app_status(s->app, "%s", _("Please correct the marked fields."));
        return KR_REDRAW;
    }
    if (!copy_into_row(e))
        return KR_REDRAW;
    e->done = true;
    form_journal_write(e->form);
    app_status(s->app, "%s", _("Row kept; F2 in the record saves it."));
    return KR_CLOSE;
}

static enum key_result
drop(struct screen *s)
{
    struct rowedit *e = s->data;

    if (e->fs.dirty &&
        !dialog_confirm(s->app, _("Unsaved changes"),
                        _("Drop the changes to this row?"), false))
        return KR_REDRAW;
    if (e->is_new)
        e->row->deleted = true;
    e->done = true;
    return KR_CLOSE;
}

static void
row_move(struct rowedit *e, int delta)
{
    form_leave_field(e->form->app, &e->fs, (size_t)e->focus);
    if (e->focus + delta >= 0 && e->focus + delta < (int)e->fs.n)
        e->focus += delta;
}

static enum key_result
row_key(struct screen *s, const struct key *k)
{
    struct rowedit *e = s->data;
    struct fieldstate *st = &e->fs.f[e->focus];

    if (field_is_typed(st->def) && form_edit_key(&e->fs, st, k)) {
        st->error[0] = '\0';
        return KR_REDRAW;
    }
    if (st->def->type == FT_BOOL && k->code == ' ' && !k->is_function) {
        form_pick(e->form, &e->fs, (size_t)e->focus);
        return KR_REDRAW;
    }
    if (!st->locked && form_pick_typed(e->form, &e->fs, (size_t)e->focus, k)) {
        form_prefill_amount(e->form, e->grid, &e->fs);
        return KR_REDRAW;
    }
    if (k->is_function && (k->code == KEY_DOWN || k->code == KEY_UP)) {
        row_move(e, k->code == KEY_DOWN ? 1 : -1);
        return KR_REDRAW;
    }
    switch (k->action) {
    case ACT_NEXT_FIELD:
    case ACT_PREV_FIELD:
        row_move(e, k->action == ACT_NEXT_FIELD ? 1 : -1);
        return KR_REDRAW;
    case ACT_OPEN:
        if (!field_is_typed(st->def)) {
            if (form_pick(e->form, &e->fs, (size_t)e->focus))
                form_prefill_amount(e->form, e->grid, &e->fs);
        } else if (e->focus + 1 == (int)e->fs.n)
            return keep(s);
        else
            row_move(e, 1);
        return KR_REDRAW;
    case ACT_LOOKUP:
        if (!field_is_typed(st->def) &&
            form_pick(e->form, &e->fs, (size_t)e->focus))
            form_prefill_amount(e->form, e->grid, &e->fs);
        return KR_REDRAW;
    case ACT_SAVE:
        return keep(s);
    case ACT_BACK:
        return drop(s);
    default:
        return KR_UNHANDLED;
    }
}

static const enum action row_actions_list[] = {ACT_SAVE, ACT_LOOKUP, ACT_HELP,
                                               ACT_BACK, ACT_NONE};

static const enum action *
row_actions(struct screen *s)
{
    (void)s;
    return row_actions_list;
}

/* F5 only on a field with a list (issue 12: one truthful bar). */
static bool
row_available(struct screen *s, enum action a, const char **why)
{
    struct rowedit *e = s->data;

    if (a == ACT_LOOKUP && field_is_typed(e->fs.f[e->focus].def)) {
        *why = _("the field in focus has no list");
        return false;
    }
    return true;
}

static const char *
row_title(struct screen *s)
{
    struct rowedit *e = s->data;

    return label_text(&e->grid->title, s->app->zh);
}

static void
row_resumed(struct screen *s, int result)
{
    (void)s;
    (void)result;
}

static void
row_close(struct screen *s)
{
    struct rowedit *e = s->data;

    /* Closed without F2 or Esc (a hang-up): what was typed goes to the
     * record, whose form journals it as it closes. */
    if (!e->done && e->fs.dirty)
        copy_into_row(e);
    fieldset_free(&e->fs);
    rowdiff_free(&e->diff);
    free(e);
    free(s);
}

static const struct screen_ops row_ops = {
    .name = "row",
    .layout = row_layout,
    .draw = row_draw,
    .key = row_key,
    .resumed = row_resumed,
    .actions = row_actions,
    .available = row_available,
    .title = row_title,
    .close = row_close,
};

struct screen *
rowedit_screen_new(struct form *f, size_t grid, size_t row, bool is_new)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct rowedit *e = calloc(1, sizeof(*e));
    const struct griddef *g = &f->def->grids[grid];

    if (s == NULL || e == NULL ||
        !fieldset_init(&e->fs, g->fields, g->nfields,
                       f->rec->grids[grid].rows[row].values, f->app->zh)) {
        free(s);
        free(e);
        return NULL;
    }
    *s = (struct screen){.ops = &row_ops, .app = f->app, .data = e};
    e->form = f;
    e->grid = g;
    e->row = &f->rec->grids[grid].rows[row];
    e->is_new = is_new;
    form_show_lookups(f, &e->fs);
    e->fs.dirty = false;
    if (form_grid_diff(f, grid, &e->diff) && row < e->diff.nrows)
        e->mark = &e->diff.rows[row];
    return s;
}
