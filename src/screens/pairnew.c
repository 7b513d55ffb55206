/*
 * pairnew.c
 *   A new pair (issue 15): the dialogs that ask for it and its helped
 *   schools.
 */
#include "config.h"

#include "core/i18n.h"
#include "screens/pairs.h"

bool
pair_new_dialog(struct app *a)
{
    app_status(a, "%s", _("Not yet."));
    return false;
}
