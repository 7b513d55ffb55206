/*
 * teachers.h
 *   What the rural teachers' screens (issue 17 H5: teachers.c,
 *   teacherpage.c, teacheredit.c, teacherwords.c) share: the words of
 *   the codes, the teacher's page and the editor.
 */
#ifndef EDUAID_SCREENS_TEACHERS_H
#define EDUAID_SCREENS_TEACHERS_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/app.h"
#include "ui/screen.h"

/* The groups of codes (the choice lists of sql/062_teachers.sql and the
 * exchange's term). */
enum teacher_words { TW_POST, TW_SUBJECT, TW_LEVEL, TW_TERM, TW_COUNT };

/* The words of code in group g ("" for NULL or "", the code itself when
 * unknown); the i-th code of group g, NULL past the last. */
const char *teacher_word(enum teacher_words g, const char *code);
const char *teacher_word_code(enum teacher_words g, size_t i);

/* A teacher as the register lists it (teachers.c hands it on). */
struct teacher_ref {
    char township[16], id[24], version[16], school_id[16];
    char name[128], school[160], post[32], subject[32];
};

/* The teacher's page: trainings and exchanges; writer: F3, F6 and F5. */
struct screen *teacherpage_screen_new(struct app *a,
                                      const struct teacher_ref *t, bool writer);

/* The editor (teacheredit.c): a training record, an exchange, or the
 * post and subject of teacher t (t must outlive the editor: a post and
 * subject saved are written back to it, its version with them). NULL
 * when out of memory. */
enum teacher_edit { TE_TRAINING, TE_EXCHANGE, TE_POST };
struct screen *teacher_edit_screen(struct app *a, enum teacher_edit k,
                                   struct teacher_ref *t);

#endif
