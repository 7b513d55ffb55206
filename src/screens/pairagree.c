/*
 * pairagree.c
 *   帮扶协议书 (issue 15 H1): the list of pair agreements, record kind
 *   "pairing" (forms/pairing.conf). The form says menu = false, so the
 *   main menu has no row for it: the pairing area's submenu (pairing.c)
 *   opens this list, and the review queue opens an agreement as any
 *   record.
 */
#include "config.h"

#include "screens/screens.h"

struct screen *
pairing_agreements_screen_new(struct app *a)
{
    const struct formdef *f = app_form(a, "pairing");

    return f != NULL ? list_screen_new(a, f) : NULL;
}
