/*
 * form.h
 *   The state of a record's form, shared by its parts: form.c (lookups,
 *   picking, saving, submitting, the review steps, the values at the last
 *   approval), formview.c (the screen: layout, drawing, keys) and
 *   rowedit.c (a grid row in a form of its own).
 */
#ifndef EDUAID_SCREENS_FORM_H
#define EDUAID_SCREENS_FORM_H

#include <stdbool.h>

#include "core/rowdiff.h"
#include "db/record.h"
#include "screens/fields.h"
#include "screens/session.h"
#include "ui/app.h"
#include "ui/screen.h"

#define FORM_CACHE 64

/* Labels of lookup keys already asked for. */
struct form_cache {
    const struct lookupdef *lookup;
    char *key, *label;
};

struct form {
    struct app *app;
    const struct formdef *def;
    struct record *rec;
    struct fieldset fs; /* the record's own fields */
    bool editable;      /* the role may edit a record in this state */
    bool review;        /* opened from the queue: close once passed/returned */
    char **approved;    /* values at the last approval, parallel to fs (NULL
                           entries: empty), or NULL: never approved, or not
                           reopened */
    /* the grid rows added, removed or changed since the last approval
     * (formdiff.c): the server's answer and its lines as entries; NULL and
     * 0 when approved is NULL */
    struct dbres *member_changes;
    struct rowdiff_entry *changes;
    size_t nchanges;
    int focus;  /* < fs.n: a field; else a grid row (form_item) */
    int scroll; /* first line shown */
    int top, rows, cols;
    char grid_error[640]; /* a server error about a grid row */
    struct form_cache cache[FORM_CACHE];
    int ncache;
    enum action acts[16]; /* the key bar: what can be done here now */
    /* issue 12 item 3: the record's own values as last read from or saved
     * to the database, parallel to def->fields (NULL entries: empty;
     * NULL: a new record): "what you started from" in a conflict */
    char **base;
    bool conflict; /* a save was refused as someone else changed the
                      record, and the person has not chosen yet */
};

/* The hint of field i of fs, a field of table (the form's or a grid's):
 * its rules' words on the status line when the status line is empty and
 * the form is being edited (formhint.c). */
void form_draw_hint(struct form *f, const char *table,
                    const struct fieldset *fs, int i);

/* The label of lookup key of field d (cached), or key itself. */
const char *form_lookup_label(struct form *f, const struct fielddef *d,
                              const char *key);
/* Give the lookup fields of fs their labels. */
void form_show_lookups(struct form *f, struct fieldset *fs);
/* The township chosen in the form, or 0. */
int form_township(const struct form *f);
/* The pick list (or toggle) of field i of fs; true when it changed. */
bool form_pick(struct form *f, struct fieldset *fs, size_t i);
/* A character typed on a choice or lookup field of fs: its pick list,
 * the character in the filter box (true: the key was taken; false: not a
 * character for it, or nothing picked -- the key is then the screen's). */
bool form_pick_typed(struct form *f, struct fieldset *fs, size_t i,
                     const struct key *k);
/* Check every field; the first with an error, or -1. */
int form_check(struct form *f);
/* Save; true on success (messages on the status line and the fields). */
bool form_save(struct form *f);
/* Save if needed, confirm, submit. */
void form_submit(struct form *f);

/*
 * The review steps (with the version shown): pass (verify or approve, as
 * the role does), return with a reason, reopen an approved record with a
 * reason. Each saves unsaved changes first, asks, and takes the step; a
 * refusal goes to the status line, and when someone else changed the
 * record meanwhile it is loaded again and the person told so. True when
 * the step was taken.
 */
bool form_pass(struct form *f);
bool form_reject(struct form *f);
bool form_reopen(struct form *f);
/* Load the record again from the database (nothing unsaved may be lost:
 * call it only when not dirty). false after reporting a failure. */
bool form_reload(struct form *f);
/* Fetch the values of the last approval (eduaid.last_approved) when the
 * record was reopened after one and is on its way again (draft,
 * submitted, verified); else drop them. */
void form_load_approved(struct form *f);
/* Does field i differ from its value at the last approval? */
bool form_field_changed(const struct form *f, size_t i);
/* Free the values of the last approval. */
void form_free_approved(struct form *f);

/*
 * Aid in a household_year record (formaid.c, issue 11). form_fills_aid:
 * F7 means "fill in standard aid" here (kind household_year, saved, the
 * person may edit it and has no review step on it). form_fill_aid saves
 * unsaved changes, grants every program offered and not granted at the
 * standard amounts and loads the record again; true when it asked the
 * server. form_action_label: the form's key bar word for F7 then.
 * form_prefill_amount: a grant row (student_subsidy) of fs with a child
 * and a program and no amount gets the standard amount.
 */
bool form_fills_aid(const struct form *f);
bool form_fill_aid(struct form *f);
const char *form_action_label(struct screen *s, enum action a);
void form_prefill_amount(struct form *f, const struct griddef *g,
                         struct fieldset *fs);

/*
 * The approved-value diff of the grid rows (formdiff.c, issue 11).
 * form_load_member_diff: with the values of a last approval, fetch the
 * grid rows added, removed or changed since (else drop them) and say on
 * the status line how many. form_grid_diff: grid g's rows marked (core/
 * rowdiff.h), parallel to f->rec->grids[g].rows, with the rows removed
 * since; false (d empty) when there is nothing to mark or out of memory;
 * rowdiff_free it. form_value_words: a field's value in words (choice
 * labels, yes/no, lookup labels, "(empty)"). form_row_approved_text: "approved
 * value: label value; ..." of the changed cells of r.
 */
void form_load_member_diff(struct form *f);
void form_free_member_diff(struct form *f);
/* How many grid rows were added, removed or changed since, as saved. */
int form_rows_changed(const struct form *f);
bool form_grid_diff(const struct form *f, size_t g, struct rowdiff *d);
const char *form_value_words(struct form *f, const struct fielddef *d,
                             const char *v);
void form_row_approved_text(struct form *f, const struct griddef *g,
                            const struct rowdiff_row *r, char *out,
                            size_t outsz);

/* Items a person can focus: the fields, then every grid row not deleted.
 * For an item past the fields, *grid and *row say which row. */
int form_items(const struct form *f);
bool form_item_row(const struct form *f, int item, size_t *grid, size_t *row);

/* Draw field fi of fs as "label: field [error]" on line y (formview.c). */
void form_draw_field(struct form *f, struct fieldset *fs, int y, int fi,
                     bool focused);
/* The person leaves field i of fs (fieldset_leave: dates made
 * YYYY-MM-DD, an ID number's sex and birth date filled, the check without
 * the nag on an untouched empty field); a replaced value is said on the
 * status line (formview.c). */
void form_leave_field(struct app *app, struct fieldset *fs, size_t i);
/* The editing keys of ui/editkeys.h for typed field st of fs, marking it
 * changed (and touched) and clearing its error. */
bool form_edit_key(struct fieldset *fs, struct fieldstate *st,
                   const struct key *k);

/*
 * Edit conflicts (formconflict.c, issue 12 item 3). form_set_base: keep
 * values (parallel to def->fields; NULL: none) as what the form started
 * from; false when out of memory. form_free_base frees it.
 * form_conflict_open: a save of f was refused with EA007 (someone else
 * changed the record): read the record again and push the screen that
 * shows, per field changed on both sides, what was typed, what the
 * database holds and what the form started from, and lets the person
 * keep either; fields changed on one side only take that side, grid rows
 * the person did not touch take the database's. The form stays as typed
 * (and journaled) until the person chooses; then the form holds the
 * merge over the new version and is saved again (form_conflict_resumed,
 * from the form's resumed op). false when it could not (err reported).
 */
#define FORM_CONFLICT_MERGED 12003 /* the conflict screen's result: merged */
bool form_set_base(struct form *f, char *const *values);
void form_free_base(struct form *f);
bool form_conflict_open(struct form *f);
void form_conflict_resumed(struct form *f, int result);

/* Read what opening the record reads after it (the lookups' labels, the
 * values last approved, the member rows since) in one round trip, for
 * form_show_lookups and form_load_approved to take (issue 16). */
void form_prefetch_open(struct form *f);

/*
 * Four-eyes foresight (formstep.c, issue 12 item 4): an existing record
 * is saved with the server's foresight (record_save_foresee), which
 * saves nothing when the save would take away the person's own next step
 * (eduaid.save_blocks_own_step) and names it; form_foresee_step then says
 * so and offers to return the record instead (with a reason naming what
 * was to be corrected), to save anyway, or to go back to editing.
 */
enum foresight {
    FORESIGHT_SAVE,    /* nothing lost: save */
    FORESIGHT_ANYWAY,  /* the step is lost, and the person saves anyway */
    FORESIGHT_EDIT,    /* not saved: back to editing, nothing changed */
    FORESIGHT_RETURNED /* returned instead; the form shows it as returned */
};
enum foresight form_foresee_step(struct form *f, const char *step);

/* The draft journal of the form (formjournal.c): the directory of the
 * person's journals; write what is unsaved (when dirty); remove it (saved
 * or discarded); lay a journal over a record before the form opens. */
struct journal;
void form_journal_dir(struct app *a, char *buf, size_t bufsz);
void form_journal_write(struct form *f);
void form_journal_remove(struct form *f);
bool form_journal_apply(struct record *rec, const struct journal *j);

/* The grid row editor (rowedit.c): edits row of grid in place; new says
 * the row was just added (cancelling removes it). */
struct screen *rowedit_screen_new(struct form *f, size_t grid, size_t row,
                                  bool is_new);

#endif /* EDUAID_SCREENS_FORM_H */
