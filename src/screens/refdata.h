/*
 * refdata.h
 *   What the admin's reference-data screens share (issue 14): the list
 *   (refdata.c) and the add/edit screen (refdata_edit.c) of schools,
 *   training courses, teacher fund programs and standard amounts; the
 *   words of the codes of schools' kinds and courses' categories.
 */
#ifndef EDUAID_SCREENS_REFDATA_H
#define EDUAID_SCREENS_REFDATA_H

#include "db/refdata.h"
#include "screens/listbase.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/screen.h"

/* A school's kind (school_kind_check) and a course's category
 * (training_course_category_check) in words; the code itself when
 * unknown. */
const char *refdata_school_kind(const char *code);
const char *refdata_category(const char *code);

/* The words of a kind: "Schools", "Training courses" ... */
const char *refdata_kind_name(enum refkind k);

/*
 * refdata_edit_new
 *
 * The add/edit screen of kind k: row (of lb's rows, as refdata_rows
 * gives them) to change, or -1 to add one -- a school in township (0:
 * asked), a rate of school_year (0: asked). F2 saves and closes (the
 * list reloads), Esc drops the changes. NULL when out of memory.
 */
struct screen *refdata_edit_new(struct app *a, enum refkind k,
                                const struct listbase *lb, int row,
                                int township, int school_year);

#endif /* EDUAID_SCREENS_REFDATA_H */
