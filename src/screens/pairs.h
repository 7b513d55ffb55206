/*
 * pairs.h
 *   What the pairing screens (pairs.c, pairnew.c, pairpage*.c, issue 15)
 *   share: the words for a pair's form, kind of help and agreement, and
 *   the new-pair dialog.
 */
#ifndef EDUAID_SCREENS_PAIRS_H
#define EDUAID_SCREENS_PAIRS_H

#include <stdbool.h>

#include "ui/app.h"

/* 一对一 / 大学区 for "one_to_one" / "district". */
const char *pair_form_label(const char *form);
/* The kind of help: city_county, town_village. */
const char *pair_kind_label(const char *kind);
/* The agreement's status marker, or "none" ("" status). */
const char *pair_agreement_label(const char *status);

/* Ask for a new pair and its helped schools and make it (clerks and
 * officers); true when the server made it. */
bool pair_new_dialog(struct app *a);

#endif /* EDUAID_SCREENS_PAIRS_H */
