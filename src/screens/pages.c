/*
 * pages.c
 *   The page store of keyset-paged lists (see pages.h).
 */
#include "config.h"

#include "screens/pages.h"

#include <stdlib.h>

int
pages_rows(const struct pages *p)
{
    return p->n ? (p->n - 1) * p->per_page + p->v[p->n - 1]->nrows : 0;
}

const struct dbres *
pages_at(const struct pages *p, int i, int *row)
{
    *row = i % p->per_page;
    return p->v[i / p->per_page];
}

const struct dbres *
pages_last(const struct pages *p, int *row)
{
    int n = pages_rows(p);

    return n > 0 ? pages_at(p, n - 1, row) : NULL;
}

bool
pages_add(struct pages *p, struct dbres *r)
{
    struct dbres **grown = realloc(p->v, (size_t)(p->n + 1) * sizeof(*grown));

    if (grown == NULL) {
        dbres_free(r);
        return false;
    }
    p->v = grown;
    p->v[p->n++] = r;
    return true;
}

bool
pages_more(const struct pages *p)
{
    return p->n > 0 && p->v[p->n - 1]->nrows == p->per_page;
}

bool
pages_take(struct pages *p, struct listview *lv, struct dbres *r)
{
    if (!pages_add(p, r))
        return false;
    listview_set_rows(lv, pages_rows(p), pages_more(p));
    return true;
}

int
pages_restart(struct pages *p, struct listview *lv)
{
    int sel = listview_selected(lv);

    pages_clear(p);
    listview_reset(lv);
    return sel;
}

void
pages_clear(struct pages *p)
{
    for (int i = 0; i < p->n; i++)
        dbres_free(p->v[i]);
    free(p->v);
    p->v = NULL;
    p->n = 0;
}
