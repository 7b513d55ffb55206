/*
 * formview.c
 *   The record form as a screen: a column of lines (section titles,
 *   "label: field" lines -- each followed, in a record reopened after
 *   approval, by the approved value when it differs -- then each grid's
 *   title, heading and rows -- in a record with an approved version each
 *   row added since marked '+', each changed '~' (the focused one followed
 *   by the approved values of its changed cells), each removed shown
 *   dimmed as '-' with its approved values, formdiff.c's diff), scrolled
 *   so the focused item and the lines that belong to it show; the keys
 *   that move, type, pick, save, submit and take the review steps the role
 *   has (only those are offered); and form_screen_new.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/journal.h"
#include "core/mask.h"
#include "screens/form.h"
#include "screens/review.h"
#include "screens/screens.h"
#include "screens/status.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/editkeys.h"
#include "ui/keys.h"

#define LABEL_CELLS 18

enum line_kind {
    L_SECTION,
    L_FIELD,
    L_APPROVED, /* the value at the last approval of the field above */
    L_GRID_TITLE,
    L_GRID_HEAD,
    L_GRID_ROW,
    L_ROW_APPROVED, /* under the focused changed row: its approved values */
    L_GRID_GONE,    /* a row removed since the approval (read-only) */
    L_GRID_EMPTY
};

struct line {
    enum line_kind kind;
    int index;  /* section, field, grid */
    size_t row; /* grid row (L_GRID_GONE: which removed row) */
    int item;   /* focusable item, or -1 */
};

int
form_items(const struct form *f)
{
    int n = (int)f->fs.n;

    for (size_t g = 0; g < f->def->ngrids; g++)
        for (size_t r = 0; r < f->rec->grids[g].count; r++)
            n += !f->rec->grids[g].rows[r].deleted;
    return n;
}

bool
form_item_row(const struct form *f, int item, size_t *grid, size_t *row)
{
    int k = item - (int)f->fs.n;

    for (size_t g = 0; k >= 0 && g < f->def->ngrids; g++)
        for (size_t r = 0; r < f->rec->grids[g].count; r++) {
            if (f->rec->grids[g].rows[r].deleted)
                continue;
            if (k-- == 0) {
                *grid = g;
                *row = r;
                return true;
            }
        }
    return false;
}

/* The lines of the form into out (cap of them); how many. diffs: each
 * grid's marks (formdiff.c), or NULL. */
static int
build_lines(const struct form *f, const struct rowdiff *diffs, struct line *out,
            int cap)
{
    int n = 0, item = (int)f->fs.n;

#define ADD(...)                                                               \
    do {                                                                       \
        if (n < cap)                                                           \
            out[n] = (struct line){__VA_ARGS__};                               \
        n++;                                                                   \
    } while (0)
    for (size_t s = 0; s < f->def->nsections; s++) {
        ADD(L_SECTION, (int)s, 0, -1);
        for (size_t i = 0; i < f->def->sections[s].count; i++) {
            int fi = (int)(f->def->sections[s].first + i);
            ADD(L_FIELD, fi, 0, fi);
            if (form_field_changed(f, (size_t)fi))
                ADD(L_APPROVED, fi, 0, -1);
        }
    }
    for (size_t g = 0; g < f->def->ngrids; g++) {
        size_t shown = 0;

        ADD(L_GRID_TITLE, (int)g, 0, -1);
        ADD(L_GRID_HEAD, (int)g, 0, -1);
        for (size_t r = 0; r < f->rec->grids[g].count; r++)
            if (!f->rec->grids[g].rows[r].deleted) {
                if (diffs != NULL && r < diffs[g].nrows &&
                    diffs[g].rows[r].mark == ROW_CHANGED && item == f->focus) {
                    ADD(L_GRID_ROW, (int)g, r, item++);
                    ADD(L_ROW_APPROVED, (int)g, r, -1);
                } else
                    ADD(L_GRID_ROW, (int)g, r, item++);
                shown++;
            }
        for (size_t r = 0; diffs != NULL && r < diffs[g].nremoved; r++, shown++)
            ADD(L_GRID_GONE, (int)g, r, -1);
        if (shown == 0)
            ADD(L_GRID_EMPTY, (int)g, 0, -1);
    }
#undef ADD
    return n;
}

/* What grid column c of row shows: labels for choices, lookups, yes/no,
 * masks for *_masked columns. */
static const char *
grid_cell(struct form *f, const struct griddef *g, const struct grid_row *row,
          size_t c, char *buf, size_t bufsz)
{
    const char *name = g->columns[c].field;
    size_t len = strlen(name);
    const struct fielddef *d;

    for (size_t i = 0; i < g->nfields; i++) {
        d = &g->fields[i];
        if (strcmp(d->name, name) == 0) {
            const char *v = row->values[i] ? row->values[i] : "";

            if (d->type == FT_CHOICE)
                return fielddef_choice_label(d, v, f->app->zh);
            if (d->type == FT_LOOKUP)
                return form_lookup_label(f, d, v);
            if (d->type == FT_BOOL)
                return v[0] == 't' ? _("Yes") : v[0] ? _("No") : "";
            return v;
        }
        if (len > 7 && strcmp(name + len - 7, "_masked") == 0 &&
            strncmp(d->name, name, len - 7) == 0 && d->name[len - 7] == '\0') {
            mask_id_number(row->values[i] ? row->values[i] : "", buf, bufsz);
            return buf;
        }
    }
    return "";
}

/* The cells field d gets on a screen cols wide: its width, and on a
 * terminal wider than 80 columns a text longer than that (an address, a
 * name of a school) grows into the extra columns -- wider terminals use
 * their width (issue 12) -- up to what its longest value needs. */
static int
field_cells(const struct fielddef *d, int cols)
{
    int want = d->max_chars > 0 ? 2 * d->max_chars : d->width;

    if (d->type != FT_TEXT || cols <= 80 || want <= d->width)
        return d->width;
    return d->width +
           (want - d->width < cols - 80 ? want - d->width : cols - 80);
}

void
form_draw_field(struct form *f, struct fieldset *fs, int y, int fi,
                bool focused)
{
    struct fieldstate *s = &fs->f[fi];
    int width = field_cells(s->def, f->cols), x = LABEL_CELLS + 2;
    char label[128];

    if (x + width > f->cols - 1)
        width = f->cols - 1 - x;
    snprintf(label, sizeof(label), "%s%s", s->def->required ? "*" : "",
             label_text(&s->def->label, f->app->zh));
    draw_str(stdscr, y, 0, LABEL_CELLS, label, UA_LABEL, DRAW_RIGHT);
    if (s->locked && f->editable) {
        /* in a form one edits, what the server fills (or masks) is shown
         * as text, not as an input: the eye skips it */
        char *text = field_is_typed(s->def) ? lineedit_utf8(&s->edit) : NULL;
        const char *shown = field_is_typed(s->def) ? text : s->shown;

        draw_str(stdscr, y, x, width, shown != NULL ? shown : "",
                 focused ? UA_SELECTED : UA_NORMAL, DRAW_PAD | DRAW_MARK_CUT);
        free(text);
    } else if (field_is_typed(s->def))
        draw_field(stdscr, y, x, width, &s->edit,
                   focused && f->editable && !s->def->read_only);
    else {
        draw_str(stdscr, y, x, width, s->shown,
                 focused ? UA_SELECTED : UA_FIELD, DRAW_PAD | DRAW_MARK_CUT);
    }
    if (s->error[0] && f->cols - (x + width + 1) >= 8)
        draw_str(stdscr, y, x + width + 1, f->cols - (x + width + 1), s->error,
                 UA_ERROR, DRAW_MARK_CUT);
}

/* Under a field changed since the last approval: what was approved. */
static void
draw_approved(struct form *f, int y, int fi)
{
    const struct fielddef *d = &f->def->fields[fi];
    const char *v = f->approved[fi] ? f->approved[fi] : "";
    char line[512];

    if (v[0] == '\0')
        v = _("(empty)");
    else if (d->type == FT_CHOICE)
        v = fielddef_choice_label(d, v, f->app->zh);
    else if (d->type == FT_BOOL)
        v = v[0] == 't' ? _("Yes") : _("No");
    else if (d->type == FT_LOOKUP)
        v = form_lookup_label(f, d, v);
    snprintf(line, sizeof(line), _("approved value: %s"), v);
    draw_str(stdscr, y, LABEL_CELLS + 2, f->cols - LABEL_CELLS - 2, line,
             UA_ST_APPROVED, DRAW_MARK_CUT);
}

/* The field grid column c shows (a *_masked column: the field masked),
 * or -1. */
static int
column_field(const struct griddef *g, size_t c)
{
    const char *name = g->columns[c].field;
    size_t len = strlen(name);

    for (size_t i = 0; i < g->nfields; i++)
        if (strcmp(g->fields[i].name, name) == 0 ||
            (len > 7 && strcmp(name + len - 7, "_masked") == 0 &&
             strncmp(g->fields[i].name, name, len - 7) == 0 &&
             g->fields[i].name[len - 7] == '\0'))
            return (int)i;
    return -1;
}

/* The marks of row r of grid g, or NULL when there are none. */
static const struct rowdiff_row *
mark_of(const struct rowdiff *diffs, size_t g, size_t r)
{
    return diffs != NULL && r < diffs[g].nrows ? &diffs[g].rows[r] : NULL;
}

/* Does grid g carry a mark on a row shown? */
static bool
grid_marked(const struct form *f, const struct rowdiff *diffs, size_t g)
{
    const struct rowdiff_row *m;

    if (diffs == NULL)
        return false;
    if (diffs[g].nremoved > 0)
        return true;
    for (size_t r = 0; r < f->rec->grids[g].count; r++)
        if (!f->rec->grids[g].rows[r].deleted &&
            (m = mark_of(diffs, g, r)) != NULL && m->mark != ROW_SAME)
            return true;
    return false;
}

/* The attribute of cell c of a row marked m. */
static enum ui_attr
cell_attr(const struct griddef *g, const struct rowdiff_row *m, size_t c,
          bool focused)
{
    int fi;

    if (focused)
        return UA_SELECTED;
    if (m == NULL)
        return UA_NORMAL;
    if (m->mark == ROW_REMOVED)
        return UA_GONE;
    if (m->mark == ROW_ADDED)
        return UA_ADDED;
    if (m->mark == ROW_CHANGED && m->changed != NULL &&
        (fi = column_field(g, c)) >= 0 && m->changed[fi])
        return UA_MARK;
    return UA_NORMAL;
}

/* A grid row (or a removed row, from its approved values): its mark in the
 * two cells before it, then its cells. */
static void
draw_grid_row(struct form *f, int y, const struct line *l,
              const struct rowdiff *diffs, bool focused)
{
    const struct griddef *g = &f->def->grids[l->index];
    const struct rowdiff_row *m;
    const struct grid_row *row;
    struct grid_row gone;
    char buf[64];
    int x = 2;

    if (l->kind == L_GRID_GONE) {
        m = &diffs[l->index].removed[l->row];
        if (m->approved == NULL)
            return;
        gone = (struct grid_row){.id = m->id, .values = m->approved};
        row = &gone;
    } else {
        m = mark_of(diffs, (size_t)l->index, l->row);
        row = &f->rec->grids[l->index].rows[l->row];
    }
    if (m != NULL && m->mark != ROW_SAME) {
        char mark[2] = {rowdiff_marker(m->mark), '\0'};

        draw_str(stdscr, y, 0, 2, mark, UA_MARK, DRAW_PAD);
    }
    for (size_t c = 0; c < g->ncolumns && x < f->cols; c++) {
        int w = g->columns[c].width;

        if (x + w > f->cols)
            w = f->cols - x;
        draw_str(stdscr, y, x, w, grid_cell(f, g, row, c, buf, sizeof(buf)),
                 cell_attr(g, m, c, focused), DRAW_PAD | DRAW_MARK_CUT);
        x += w + 1;
    }
}

static void
draw_grid_line(struct form *f, int y, const struct line *l,
               const struct rowdiff *diffs, bool focused)
{
    const struct griddef *g = &f->def->grids[l->index];
    int x = 2;
    char buf[256];

    if (l->kind == L_GRID_TITLE) {
        snprintf(buf, sizeof(buf), "%s%s", label_text(&g->title, f->app->zh),
                 grid_marked(f, diffs, (size_t)l->index)
                     ? _("  since the approval: +added ~changed -removed")
                     : "");
        draw_str(stdscr, y, 0, f->cols, buf, UA_HEADER,
                 DRAW_PAD | DRAW_MARK_CUT);
        return;
    }
    if (l->kind == L_GRID_EMPTY) {
        draw_str(stdscr, y, 2, f->cols - 2,
                 _("(none yet: F6 or Ctrl-A adds one)"), UA_LABEL, 0);
        return;
    }
    if (l->kind == L_ROW_APPROVED) {
        form_row_approved_text(f, g, mark_of(diffs, (size_t)l->index, l->row),
                               buf, sizeof(buf));
        draw_str(stdscr, y, 4, f->cols - 4, buf, UA_ST_APPROVED,
                 DRAW_PAD | DRAW_MARK_CUT);
        return;
    }
    if (l->kind != L_GRID_HEAD) {
        draw_grid_row(f, y, l, diffs, focused);
        return;
    }
    for (size_t c = 0; c < g->ncolumns && x < f->cols; c++) {
        int w = g->columns[c].width;

        if (x + w > f->cols)
            w = f->cols - x;
        draw_str(stdscr, y, x, w, label_text(&g->columns[c].label, f->app->zh),
                 UA_HEADER, DRAW_PAD | DRAW_MARK_CUT);
        x += w + 1;
    }
}

/* Each grid's marks against the last approval, or NULL (none, or out of
 * memory). */
static struct rowdiff *
grid_diffs(const struct form *f)
{
    struct rowdiff *d;

    if (f->member_changes == NULL || f->def->ngrids == 0 ||
        (d = calloc(f->def->ngrids, sizeof(*d))) == NULL)
        return NULL;
    for (size_t g = 0; g < f->def->ngrids; g++)
        if (!form_grid_diff(f, g, &d[g])) {
            for (size_t k = 0; k < g; k++)
                rowdiff_free(&d[k]);
            free(d);
            return NULL;
        }
    return d;
}

static void
free_diffs(const struct form *f, struct rowdiff *d)
{
    for (size_t g = 0; d != NULL && g < f->def->ngrids; g++)
        rowdiff_free(&d[g]);
    free(d);
}

/* Scroll so the focused line shows, and the lines that belong to it (an
 * approved value, removed rows after a grid's last row) when they fit. */
static void
scroll_to(struct form *f, const struct line *lines, int n, int focus_line)
{
    int end = focus_line;

    while (end + 1 < n && lines[end + 1].item < 0 &&
           lines[end + 1].kind != L_SECTION &&
           lines[end + 1].kind != L_GRID_TITLE &&
           lines[end + 1].kind != L_GRID_HEAD)
        end++;
    if (focus_line < f->scroll)
        f->scroll = focus_line > 0 && lines[focus_line - 1].item < 0
                        ? focus_line - 1
                        : focus_line;
    if (end >= f->scroll + f->rows - 1)
        f->scroll =
            end - f->rows + 2 < focus_line ? end - f->rows + 2 : focus_line;
    if (f->scroll < 0)
        f->scroll = 0;
}

/* Whether role may edit a record of some state (else it only reads). */
static bool
role_ever_edits(const char *role)
{
    const char *st;

    for (size_t i = 0; (st = status_at(i)) != NULL; i++)
        if (status_editable(role, st))
            return true;
    return status_editable(role, "");
}

/* Why the record cannot be edited (issue 12): the state, and how to change
 * it, when the role edits in other states; the role when it never does. */
static const char *
form_read_only_why(struct form *f)
{
    static char why[256];
    const char *role = db_role(f->app->db);
    const char *st = f->rec->id ? f->rec->status : "";
    char keys[32];

    if (!role_ever_edits(role))
        return _("read-only for your role");
    if (review_may_reopen(role, f->def->kind, st)) {
        keys_names(ACT_REOPEN, KEYS_PRIMARY, keys, sizeof(keys));
        snprintf(why, sizeof(why), _("%s: reopen it with %s to change it"),
                 status_marker(st), keys);
    } else
        snprintf(why, sizeof(why), _("%s: not changed in this state"),
                 status_marker(st));
    return why;
}

static void
form_draw(struct screen *s)
{
    struct form *f = s->data;
    struct line lines[256];
    struct rowdiff *diffs = grid_diffs(f);
    int n = build_lines(f, diffs, lines, 256), focus_line = 0, changed = 0;
    char head[512], note[128] = "", ro[300] = "";

    if (n > 256)
        n = 256;
    for (int i = 0; i < n; i++)
        if (lines[i].item == f->focus)
            focus_line = i;
    scroll_to(f, lines, n, focus_line);
    for (size_t i = 0; f->approved != NULL && i < f->def->nfields; i++)
        changed += form_field_changed(f, i);
    if (f->approved != NULL && form_rows_changed(f) > 0)
        snprintf(note, sizeof(note),
                 _("  (reopened after approval: %d field(s), %d row(s) "
                   "changed)"),
                 changed, form_rows_changed(f));
    else if (f->approved != NULL)
        snprintf(note, sizeof(note),
                 _("  (reopened after approval: %d field(s) changed)"),
                 changed);
    if (!f->editable)
        snprintf(ro, sizeof(ro), _("  (%s)"), form_read_only_why(f));
    snprintf(head, sizeof(head), _("Status: %s%s%s"),
             f->rec->id ? status_marker(f->rec->status) : _("new"),
             f->editable ? "" : ro, note);
    draw_str(stdscr, f->top, 0, f->cols, head, UA_LABEL,
             DRAW_PAD | DRAW_MARK_CUT);
    if (f->rec->reason && f->rec->reason[0] &&
        status_returned(f->rec->status)) {
        snprintf(head, sizeof(head), _("Returned because: %s"), f->rec->reason);
        draw_str(stdscr, f->top, f->cols / 2, f->cols - f->cols / 2, head,
                 UA_ERROR, DRAW_PAD);
    }
    for (int i = f->scroll, y = f->top + 1; i < n && y < f->top + f->rows;
         i++, y++) {
        const struct line *l = &lines[i];
        bool focused = l->item >= 0 && l->item == f->focus;

        if (l->kind == L_SECTION)
            draw_str(stdscr, y, 0, f->cols,
                     label_text(&f->def->sections[l->index].title, f->app->zh),
                     UA_HEADER, DRAW_PAD);
        else if (l->kind == L_FIELD)
            form_draw_field(f, &f->fs, y, l->index, focused);
        else if (l->kind == L_APPROVED)
            draw_approved(f, y, l->index);
        else
            draw_grid_line(f, y, l, diffs, focused);
    }
    if (f->grid_error[0])
        draw_str(stdscr, f->top + f->rows - 1, 0, f->cols, f->grid_error,
                 UA_ERROR, DRAW_PAD);
    form_draw_hint(f, f->def->table, &f->fs, f->focus);
    free_diffs(f, diffs);
}

static void
form_layout(struct screen *s, int top, int rows, int cols)
{
    struct form *f = s->data;

    f->top = top;
    f->rows = rows;
    f->cols = cols;
}

void
form_leave_field(struct app *app, struct fieldset *fs, size_t i)
{
    if (fieldset_leave(fs, i) == FILL_REPLACED)
        app_status(app, "%s",
                   _("Sex and birth date set from the ID number (what was "
                     "typed disagreed)."));
}

/* Whether k types white space (U+3000 too). */
static bool
types_space(const struct key *k)
{
    return keys_is_text(k) &&
           (k->code == ' ' || k->code == '\t' || k->code == 0x3000);
}

bool
form_edit_key(struct fieldset *fs, struct fieldstate *st, const struct key *k)
{
    enum edit_op op = editkeys_op(k, EDIT_ON_SCREEN);
    bool changed = false;

    if (st->locked) /* a masked value: typing changes nothing */
        return editkeys_op_changes(op);
    if (op == EDIT_INSERT && st->def->no_spaces && types_space(k))
        return true; /* "6228 4800 ...": the digits alone */
    if (!editkeys_apply(&st->edit, k, EDIT_ON_SCREEN, &changed))
        return false;
    if (op == EDIT_INSERT && !changed && st->edit.max_chars > 0 &&
        st->edit.len >= st->edit.max_chars) {
        /* typed but not taken: say so, never drop it silently */
        snprintf(st->error, sizeof(st->error),
                 _("At most %d characters: what is typed beyond is not "
                   "taken."),
                 st->edit.max_chars);
        return true;
    }
    if (changed) {
        fs->dirty = true;
        st->touched = true;
        st->error[0] = '\0';
    }
    return true;
}

/* Move the focus by delta items, checking the field left behind. */
static void
move_focus(struct form *f, int delta)
{
    int n = form_items(f), next = f->focus + delta;

    if (f->focus < (int)f->fs.n && f->editable)
        form_leave_field(f->app, &f->fs, (size_t)f->focus);
    form_journal_write(f);
    if (next >= 0 && next < n)
        f->focus = next;
}

static enum key_result
open_row(struct screen *s, size_t g, size_t r, bool is_new)
{
    struct form *f = s->data;
    struct screen *e = rowedit_screen_new(f, g, r, is_new);

    if (e == NULL) {
        app_status(s->app, "%s", _("out of memory"));
        return KR_REDRAW;
    }
    app_push(s->app, e);
    return KR_HANDLED;
}

static enum key_result
add_row(struct screen *s)
{
    struct form *f = s->data;
    size_t g = 0, at;
    int r;

    if (f->def->ngrids == 0 || !f->editable)
        return KR_HANDLED;
    /* into the grid of the focused row (a year record's grants), else the
     * first */
    if (!form_item_row(f, f->focus, &g, &at))
        g = 0;
    if ((r = record_add_row(f->rec, g)) < 0) {
        app_status(s->app, "%s", _("out of memory"));
        return KR_REDRAW;
    }
    f->fs.dirty = true;
    return open_row(s, g, (size_t)r, true);
}

static enum key_result
delete_row(struct screen *s)
{
    struct form *f = s->data;
    size_t g, r;

    if (!f->editable || !form_item_row(f, f->focus, &g, &r))
        return KR_HANDLED;
    if (!dialog_confirm(s->app, _("Delete row"),
                        _("Remove this row from the record?"), false))
        return KR_REDRAW;
    f->rec->grids[g].rows[r].deleted = true;
    f->fs.dirty = true;
    if (f->focus >= form_items(f))
        f->focus = form_items(f) - 1;
    return KR_REDRAW;
}

static enum key_result
on_open(struct screen *s)
{
    struct form *f = s->data;
    size_t g, r;

    if (f->focus >= (int)f->fs.n)
        return form_item_row(f, f->focus, &g, &r) ? open_row(s, g, r, false)
                                                  : KR_HANDLED;
    if (field_is_typed(f->fs.f[f->focus].def) || !f->editable) {
        move_focus(f, 1);
        return KR_REDRAW;
    }
    form_pick(f, &f->fs, (size_t)f->focus);
    return KR_REDRAW;
}

static enum key_result
leave(struct screen *s)
{
    struct form *f = s->data;

    /* issue 12 item 3: edits a conflict stopped are kept, never dropped */
    if (f->conflict && f->fs.dirty) {
        if (!dialog_confirm(s->app, _("Unsaved changes"),
                            _("Someone else changed this record and your "
                              "changes are not saved. They are kept: the next "
                              "start of eduaid offers them again. Leave now?"),
                            false))
            return KR_REDRAW;
        form_journal_write(f);
        f->fs.dirty = false;
        return KR_CLOSE;
    }
    if (f->fs.dirty && !dialog_confirm(s->app, _("Unsaved changes"),
                                       _("This record has changes that are not "
                                         "saved. Leave and lose them?"),
                                       false))
        return KR_REDRAW;
    if (f->fs.dirty)
        form_journal_remove(f);
    f->fs.dirty = false;
    return KR_CLOSE;
}

static enum key_result
open_history(struct screen *s)
{
    struct form *f = s->data;
    struct screen *h;

    if (f->rec->id == 0) {
        app_status(s->app, "%s", _("A new record has no history yet."));
        return KR_REDRAW;
    }
    if ((h = history_screen_new(s->app, f->def, f->rec->id)) == NULL) {
        app_status(s->app, "%s", _("out of memory"));
        return KR_REDRAW;
    }
    app_push(s->app, h);
    return KR_HANDLED;
}

/* May the person ask to move this household to another township? A
 * saved household, clerks and officers (the server checks the rest). */
static bool
may_transfer(struct screen *s)
{
    struct form *f = s->data;
    const char *role = db_role(s->app->db);

    return strcmp(f->def->kind, "household") == 0 && f->rec->id != 0 &&
           (strcmp(role, "clerk") == 0 || strcmp(role, "officer") == 0);
}

/* Ask to move the household (issue 11): the township and a reason, in
 * transfer.c's dialog; unsaved changes are saved first. */
static enum key_result
request_transfer(struct screen *s)
{
    struct form *f = s->data;
    int i = fieldset_find(&f->fs, "household_no");
    char *no;

    if (!may_transfer(s))
        return KR_UNHANDLED;
    if (f->fs.dirty && !form_save(f))
        return KR_REDRAW;
    no = i >= 0 ? fieldset_value(&f->fs, (size_t)i) : NULL;
    transfer_request_dialog(s->app, f->rec->id, form_township(f),
                            no != NULL ? no : "");
    free(no);
    return KR_REDRAW;
}

/* The member on the focused row of the household form's member grid
 * (issue 11, a member moving alone), saved and not moved out: its grid
 * and row, or false. */
static bool
focused_member(struct screen *s, size_t *g, size_t *r)
{
    struct form *f = s->data;
    const struct griddef *gd;
    const struct grid_row *row;

    if (!may_transfer(s) || !form_item_row(f, f->focus, g, r))
        return false;
    gd = &f->def->grids[*g];
    row = &f->rec->grids[*g].rows[*r];
    if (strcmp(gd->table, "student") != 0 || row->id == 0)
        return false;
    for (size_t c = 0; c < gd->nfields; c++)
        if (strcmp(gd->fields[c].name, "moved_out_on") == 0 &&
            row->values[c] != NULL && row->values[c][0] != '\0')
            return false;
    return true;
}

/* Ask to move the focused member to a household of another township
 * (transfer.c's dialog); unsaved changes are saved first. */
static enum key_result
request_member_transfer(struct screen *s)
{
    struct form *f = s->data;
    const struct griddef *gd;
    const struct grid_row *row;
    const char *name = "";
    size_t g, r;

    if (!focused_member(s, &g, &r)) {
        app_status(s->app, "%s",
                   _("Select a member of the household (saved, not moved "
                     "out) to move."));
        return KR_REDRAW;
    }
    if (f->fs.dirty && !form_save(f))
        return KR_REDRAW;
    if (!form_item_row(f, f->focus, &g, &r))
        return KR_REDRAW;
    gd = &f->def->grids[g];
    row = &f->rec->grids[g].rows[r];
    for (size_t c = 0; c < gd->nfields; c++)
        if (strcmp(gd->fields[c].name, "name") == 0 && row->values[c] != NULL)
            name = row->values[c];
    transfer_member_dialog(s->app, row->id, form_township(f), name);
    return KR_REDRAW;
}

static enum key_result
form_key(struct screen *s, const struct key *k)
{
    struct form *f = s->data;
    bool on_field = f->focus < (int)f->fs.n;
    struct fieldstate *st = on_field ? &f->fs.f[f->focus] : NULL;

    if (on_field && f->editable && field_is_typed(st->def) &&
        form_edit_key(&f->fs, st, k))
        return KR_REDRAW;
    if (on_field && f->editable && st->def->type == FT_BOOL && k->code == ' ' &&
        !k->is_function) {
        form_pick(f, &f->fs, (size_t)f->focus);
        return KR_REDRAW;
    }
    if (on_field && f->editable && !st->locked &&
        form_pick_typed(f, &f->fs, (size_t)f->focus, k))
        return KR_REDRAW;
    if (k->is_function && (k->code == KEY_DOWN || k->code == KEY_UP)) {
        move_focus(f, k->code == KEY_DOWN ? 1 : -1);
        return KR_REDRAW;
    }
    if (!f->editable &&
        (k->action == ACT_SAVE || k->action == ACT_SUBMIT ||
         k->action == ACT_ADD_ROW || k->action == ACT_DELETE_ROW)) {
        app_status(s->app, "%s", form_read_only_why(f));
        return KR_REDRAW;
    }
    switch (k->action) {
    case ACT_NEXT_FIELD:
    case ACT_PREV_FIELD:
        move_focus(f, k->action == ACT_NEXT_FIELD ? 1 : -1);
        return KR_REDRAW;
    case ACT_OPEN:
        return on_open(s);
    case ACT_LOOKUP:
        if (on_field && f->editable && !field_is_typed(st->def))
            form_pick(f, &f->fs, (size_t)f->focus);
        return KR_REDRAW;
    case ACT_SAVE:
        form_save(f);
        return KR_REDRAW;
    case ACT_SUBMIT:
        form_submit(f);
        return KR_REDRAW;
    case ACT_ADD_ROW:
        return add_row(s);
    case ACT_DELETE_ROW:
        return delete_row(s);
    case ACT_PASS:
        if (form_fills_aid(f)) { /* issue 11: household_year's F7 */
            form_fill_aid(f);
            return KR_REDRAW;
        }
        return form_pass(f) && f->review ? KR_CLOSE : KR_REDRAW;
    case ACT_REJECT:
        return form_reject(f) && f->review ? KR_CLOSE : KR_REDRAW;
    case ACT_REOPEN:
        form_reopen(f);
        return KR_REDRAW;
    case ACT_HISTORY:
        return open_history(s);
    case ACT_TRANSFER:
        return request_transfer(s);
    case ACT_MOVE_MEMBER:
        return may_transfer(s) ? request_member_transfer(s) : KR_UNHANDLED;
    case ACT_BACK:
        return leave(s);
    default:
        return KR_UNHANDLED;
    }
}

static void
form_resumed(struct screen *s, int result)
{
    /* the conflict screen's merge is saved (issue 12 item 3) */
    form_conflict_resumed(s->data, result);
}

/* The form's table of actions (issue 12): what its role and kind can
 * ever do with the record, the review steps the role has in the record's
 * state; form_available says which of them can be done now. The row keys
 * only on a form with rows; on a narrow bar the first come first. */
static const enum action *
form_actions(struct screen *s)
{
    struct form *f = s->data;
    const char *role = db_role(s->app->db);
    const char *st = f->rec->id ? f->rec->status : "";
    int n = 0;

    if (form_fills_aid(f)) {
        /* issue 11: fill in standard aid, before the row keys; History
         * (F12, in the help) gives way on a narrow bar */
        f->acts[n++] = ACT_PASS;
        f->acts[n++] = ACT_LOOKUP;
        f->acts[n++] = ACT_ADD_ROW;
        f->acts[n++] = ACT_DELETE_ROW;
        f->acts[n++] = ACT_HISTORY;
        f->acts[n++] = ACT_HELP;
        f->acts[n++] = ACT_BACK;
        f->acts[n] = ACT_NONE;
        return f->acts;
    }
    f->acts[n++] = ACT_SAVE;
    if (review_may_submit(role, f->def->kind, st))
        f->acts[n++] = ACT_SUBMIT;
    if (review_pass_action(role, f->def->kind, st) != NULL) {
        f->acts[n++] = ACT_PASS;
        f->acts[n++] = ACT_REJECT;
    }
    if (review_may_reopen(role, f->def->kind, st))
        f->acts[n++] = ACT_REOPEN;
    f->acts[n++] = ACT_LOOKUP;
    if (f->def->ngrids > 0) {
        f->acts[n++] = ACT_ADD_ROW;
        f->acts[n++] = ACT_DELETE_ROW;
    }
    /* after the editing keys: on a narrow key bar they come first (the
     * help lists what gives way) */
    f->acts[n++] = ACT_HISTORY;
    if (may_transfer(s)) {
        f->acts[n++] = ACT_TRANSFER;
        if (f->def->ngrids > 0)
            f->acts[n++] = ACT_MOVE_MEMBER;
    }
    f->acts[n++] = ACT_HELP;
    f->acts[n++] = ACT_BACK;
    f->acts[n] = ACT_NONE;
    return f->acts;
}

/* Which of the form's actions can be done now, and why not. */
static bool
form_available(struct screen *s, enum action a, const char **why)
{
    struct form *f = s->data;
    bool on_field = f->focus < (int)f->fs.n;
    size_t g, r;

    switch (a) {
    case ACT_SAVE:
    case ACT_SUBMIT:
    case ACT_ADD_ROW:
        if (!f->editable) {
            *why = form_read_only_why(f);
            return false;
        }
        return true;
    case ACT_LOOKUP:
        if (!f->editable) {
            *why = form_read_only_why(f);
            return false;
        }
        if (!on_field || field_is_typed(f->fs.f[f->focus].def)) {
            *why = _("the field in focus has no list");
            return false;
        }
        return true;
    case ACT_DELETE_ROW:
        if (!f->editable) {
            *why = form_read_only_why(f);
            return false;
        }
        if (!form_item_row(f, f->focus, &g, &r)) {
            *why = _("move to a row first");
            return false;
        }
        return true;
    case ACT_HISTORY:
        if (f->rec->id == 0) {
            *why = _("a new record has no history yet");
            return false;
        }
        return true;
    case ACT_MOVE_MEMBER:
        if (!focused_member(s, &g, &r)) {
            *why = _("move to a member's row first");
            return false;
        }
        return true;
    default:
        return true;
    }
}

/* The help's words for the marks of grid rows (issue 11), where there can
 * be marks. */
static bool
form_help_note(struct screen *s, int i, const char **keys, const char **text)
{
    struct form *f = s->data;

    if (f->def->ngrids == 0 || f->approved == NULL || i > 0)
        return false; /* no version to compare with: no marks */
    *keys = "+ ~ -";
    *text = _("Row added / changed / removed (dimmed) since the approval");
    return true;
}

static const char *
form_title(struct screen *s)
{
    struct form *f = s->data;

    return label_text(&f->def->title, s->app->zh);
}

static void
form_close(struct screen *s)
{
    struct form *f = s->data;

    form_journal_write(f); /* closed with unsaved changes: by a hang-up */
    for (int i = 0; i < f->ncache; i++) {
        free(f->cache[i].key);
        free(f->cache[i].label);
    }
    form_free_approved(f);
    form_free_base(f);
    fieldset_free(&f->fs);
    record_free(f->rec);
    free(f);
    free(s);
}

static const struct screen_ops form_ops = {
    .name = "form",
    .layout = form_layout,
    .draw = form_draw,
    .key = form_key,
    .resumed = form_resumed,
    .actions = form_actions,
    .available = form_available,
    .action_label = form_action_label,
    .help_note = form_help_note,
    .title = form_title,
    .close = form_close,
};

/* A new record starts in the person's township when they have only one. */
static void
preset_township(struct form *f)
{
    const struct lookupdef *l = lookupset_find(f->app->lookups, "township");
    int i = fieldset_find(&f->fs, "township_id");
    struct db_error err;
    struct dbres *r;

    if (l == NULL || i < 0 ||
        (r = record_lookup(f->app->db, l, 0, NULL, 2, &err)) == NULL)
        return;
    /* where the new record starts: the journal keeps only what differs */
    if (r->nrows == 1 &&
        fieldset_pick(&f->fs, (size_t)i, dbres_field(r, 0, "key"),
                      dbres_field(r, 0, "label")))
        (void)record_set(f->rec, (size_t)i, dbres_field(r, 0, "key"));
    dbres_free(r);
}

/* A form screen over rec (which it then owns); NULL when out of memory. */
static struct screen *
open_form(struct app *a, const struct formdef *def, struct record *rec)
{
    struct screen *s = calloc(1, sizeof(*s));
    struct form *f = calloc(1, sizeof(*f));

    if (s == NULL || f == NULL ||
        !fieldset_init(&f->fs, def->fields, def->nfields, rec->values, a->zh)) {
        record_free(rec);
        free(f);
        free(s);
        return NULL;
    }
    *s = (struct screen){.ops = &form_ops, .app = a, .data = f};
    f->app = a;
    f->def = def;
    f->rec = rec;
    form_prefetch_open(f); /* the labels and the approved values: one trip */
    form_show_lookups(f, &f->fs);
    f->editable = status_editable(db_role(a->db), rec->id ? rec->status : "");
    if (rec->id != 0 && !form_set_base(f, rec->values))
        app_status(a, "%s", _("out of memory"));
    form_load_approved(f);
    return s;
}

struct screen *
form_screen_new(struct app *a, const struct formdef *def, long long id)
{
    struct db_error err;
    struct record *rec =
        id ? record_load(a->db, def, id, &err) : record_new(def);
    struct screen *s;

    if (rec == NULL) {
        if (id)
            app_error(a, &err);
        return NULL;
    }
    if ((s = open_form(a, def, rec)) != NULL && id == 0)
        preset_township(s->data);
    if (s != NULL)
        ((struct form *)s->data)->fs.dirty = false;
    return s;
}

struct screen *
form_screen_review(struct app *a, const struct formdef *def, long long id)
{
    struct screen *s = form_screen_new(a, def, id);

    if (s != NULL)
        ((struct form *)s->data)->review = true;
    return s;
}

struct screen *
form_screen_restore(struct app *a, const struct formdef *def,
                    const struct journal *j)
{
    struct db_error err;
    struct record *rec =
        j->id ? record_load(a->db, def, j->id, &err) : record_new(def);
    struct record *base = NULL;
    struct screen *s;

    if (rec == NULL) {
        if (j->id)
            app_error(a, &err);
        return NULL;
    }
    /* what the form started from is the database's record, not the
     * journal laid over it (issue 12 item 3) */
    if (j->id != 0 && (base = record_load(a->db, def, j->id, &err)) == NULL) {
        app_error(a, &err);
        record_free(rec);
        return NULL;
    }
    if (!form_journal_apply(rec, j)) {
        record_free(base);
        record_free(rec);
        return NULL;
    }
    if ((s = open_form(a, def, rec)) != NULL) {
        ((struct form *)s->data)->fs.dirty = true;
        if (base != NULL && !form_set_base(s->data, base->values))
            app_status(a, "%s", _("out of memory"));
    }
    record_free(base);
    return s;
}
