/*
 * pairs.h
 *   What the pairing screens (pairs.c, pairnew.c, pairpage.c,
 *   pairedit.c, pairwords.c; issue 15) share: the words of the pairing
 *   codes, the row editor, adding helped schools.
 */
#ifndef EDUAID_SCREENS_PAIRS_H
#define EDUAID_SCREENS_PAIRS_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/app.h"

#include "db/pairing.h"
#include "ui/screen.h"

/* The groups of codes the pairing tables hold. */
enum pair_words {
    PW_FORM,      /* one_to_one, district */
    PW_KIND,      /* city_county, town_village */
    PW_TARGET,    /* target, annual_plan, annual_summary */
    PW_ACTIVITY,  /* teaching_visit ... other */
    PW_QUARTERLY, /* summary, liaison, forum */
    PW_VERDICT,   /* commend, ok, lagging */
    PW_COUNT
};
/* The words of code in group g (the code itself when unknown); the i-th
 * code of group g, NULL past the last (the first is a new row's). */
const char *pair_word(enum pair_words g, const char *code);
const char *pair_word_code(enum pair_words g, size_t i);

/* The agreement's status marker, or "none" ("" status). */
const char *pair_agreement_label(const char *status);

/* The row editor (pairedit.c). A new pair: its fields, then F2 makes it
 * and its lead helped school; *made (may be NULL) gets its id. A row of
 * kind k of the pair (township, pair); fixed: the id of the inspection
 * (PR_RECTIFICATION) or notice (PR_RESPONSE) it belongs to, fixed_text
 * how it is shown. NULL when out of memory. */
struct screen *pair_new_screen(struct app *a, long long *made);
struct screen *pair_row_screen(struct app *a, enum pair_row k,
                               const char *township, const char *pair,
                               const char *fixed, const char *fixed_text);

/* Issue 15 H6: the editor on an existing row (values in pair_row_add's
 * order; F2 saves with the version read, pair_row_update). */
struct screen *pair_row_edit_screen(struct app *a, enum pair_row k,
                                    const char *township, const char *pair,
                                    const char *id, const char *version,
                                    const char *const *values,
                                    const char *fixed_text);

/* A pair's page's rows (pairrows.c): the cells of row i of section
 * sec's rows r (pair_rows), in buf's strings where made up (each
 * PAIRPAGE_CELL bytes); the selected row (sel, or -1) in full, as two
 * lines text and more. */
#define PAIRPAGE_CELL 128
void pairpage_cells(enum pair_section sec, const struct dbres *r, int i,
                    const char **cells, char (*buf)[PAIRPAGE_CELL],
                    size_t bufsz);
void pairpage_detail(enum pair_section sec, const struct dbres *r, int sel,
                     char *text, size_t textsz, char *more, size_t moresz);

/* Add helped schools to the pair, one pick list after another, until
 * cancelled; true when one was added. */
bool pair_add_members(struct app *a, const char *pair);

#endif /* EDUAID_SCREENS_PAIRS_H */
