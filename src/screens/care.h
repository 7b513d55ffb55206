/*
 * care.h
 *   关爱留守儿童 (issue 17 H2): the screens of the left-behind children's
 *   care ledger -- the list of the children with their care state
 *   (care.c) and one child's care page (carepage.c) -- and the line of
 *   numbers the plan measures area shows for it.
 */
#ifndef EDUAID_SCREENS_CARE_H
#define EDUAID_SCREENS_CARE_H

#include <stddef.h>

struct app;
struct screen;

struct screen *care_screen_new(struct app *a);
void care_menu_line(struct app *a, char *out, size_t outsz);

/* The care page of one child: its township, household, student, care
 * record (NULL or "": none yet) and name; year the school year. */
struct screen *carepage_screen_new(struct app *a, int year,
                                   const char *township, const char *household,
                                   const char *student, const char *care,
                                   const char *name);

#endif
