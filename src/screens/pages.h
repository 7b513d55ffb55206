/*
 * pages.h
 *   The rows of a keyset-paged list, kept as the pages they arrived in
 *   (each a dbres of per_page rows but the last), so that the list base
 *   (listbase.h) can show row i without copying anything.
 */
#ifndef EDUAID_SCREENS_PAGES_H
#define EDUAID_SCREENS_PAGES_H

#include <stdbool.h>

#include "db/db.h"
#include "ui/listview.h"

struct pages {
    struct dbres **v;
    int n;
    int per_page;
};

/* Rows loaded so far. */
int pages_rows(const struct pages *p);
/* The page holding row i (< pages_rows) and the row within it. */
const struct dbres *pages_at(const struct pages *p, int i, int *row);
/* The last row loaded (for the next keyset page), or NULL when none. */
const struct dbres *pages_last(const struct pages *p, int *row);
/* Keep page r (the pages own it now); false when out of memory, and then
 * r is freed. */
bool pages_add(struct pages *p, struct dbres *r);
/* True when the last page was full: more rows may follow. */
bool pages_more(const struct pages *p);
/* Free every page (per_page stays). */
void pages_clear(struct pages *p);

/* Keep page r and tell lv how many rows there are now and whether more
 * may follow; false (r freed) when out of memory. */
bool pages_take(struct pages *p, struct listview *lv, struct dbres *r);
/* Start over before loading the first page again: no pages, lv empty.
 * Returns the row that was selected, to select again once loaded. */
int pages_restart(struct pages *p, struct listview *lv);

#endif /* EDUAID_SCREENS_PAGES_H */
