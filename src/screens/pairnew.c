/*
 * pairnew.c
 *   Helped schools of a pair (issue 15): pick lists of the schools of the
 *   person's own townships (the member rule: a helped school is added by
 *   someone whose townships include its township), one after another
 *   until Esc. The server fills the school's kind of help and cycle from
 *   the pair and refuses a school helped twice in overlapping cycles.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "db/pairing.h"
#include "screens/listbase.h"
#include "screens/pairs.h"
#include "screens/session.h"
#include "ui/dialog.h"

struct member_pick {
    struct app *app;
    struct dbres *rows;
    struct pick_item items[50];
};

static int
school_search(void *arg, const char *filter, const struct pick_item **items)
{
    struct member_pick *m = arg;
    struct db_error err;
    int k = 0;

    dbres_free(m->rows);
    if ((m->rows = pairing_my_school(m->app->db, filter, &err)) == NULL) {
        app_error(m->app, &err);
        return -1;
    }
    for (int i = 0; i < m->rows->nrows && k < 50; i++, k++)
        m->items[k] = (struct pick_item){listbase_text(m->rows, i, "value"),
                                         listbase_text(m->rows, i, "label"),
                                         listbase_text(m->rows, i, "detail")};
    *items = m->items;
    return k;
}

bool
pair_add_members(struct app *a, const char *pair)
{
    struct member_pick m = {.app = a};
    struct db_error err;
    bool added = false;
    char *school;

    while ((school = dialog_pick(a, _("Add a helped school (Esc: done)"), NULL,
                                 school_search, &m)) != NULL) {
        if (pair_add_member(a->db, pair, school, &err) != 0) {
            app_error(a, &err);
            free(school);
            break;
        }
        added = true;
        app_status(a, "%s", _("Helped school added."));
        free(school);
    }
    dbres_free(m.rows);
    return added;
}
