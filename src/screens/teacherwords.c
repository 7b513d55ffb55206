/*
 * teacherwords.c
 *   The words of the codes the rural teachers' tables hold (issue 17 H5;
 *   the choice lists of sql/062_teachers.sql): post, subject, training
 *   level, the term of an exchange -- for the register, the page and
 *   the editor's pick lists (teachers.h).
 */
#include "config.h"

#include "core/codeword.h"
#include "core/i18n.h"
#include "screens/teachers.h"

static const struct code_word posts_w[] = {
    {"teacher", N_("Full-time teacher")},
    {"principal", N_("Headmaster")},
    {"vice_principal", N_("Deputy head")},
    {"other", N_("Other post")},
    {NULL, NULL}};
static const struct code_word subjects_w[] = {
    {"chinese", N_("Chinese")},
    {"maths", N_("Mathematics")},
    {"english", N_("English")},
    {"pe", N_("Physical education")},
    {"music", N_("Music")},
    {"art", N_("Art")},
    {"science", N_("Science")},
    {"practice", N_("Practical activities")},
    {"it", N_("Information technology")},
    {"morality", N_("Morality and law")},
    {"preschool", N_("Preschool")},
    {"other", N_("Other subject")},
    {NULL, NULL}};
static const struct code_word levels_w[] = {
    {"national", N_("National (guopei)")},
    {"provincial", N_("Provincial")},
    {"county", N_("County training")},
    {"school", N_("School-based")},
    {NULL, NULL}};
static const struct code_word terms_w[] = {{"year", N_("Whole school year")},
                                           {"autumn", N_("Autumn term")},
                                           {"spring", N_("Spring term")},
                                           {NULL, NULL}};

static const struct code_word *const groups[TW_COUNT] = {[TW_POST] = posts_w,
                                                         [TW_SUBJECT] =
                                                             subjects_w,
                                                         [TW_LEVEL] = levels_w,
                                                         [TW_TERM] = terms_w};

const char *
teacher_word(enum teacher_words g, const char *code)
{
    return g < TW_COUNT ? code_word(groups[g], code) : "";
}

const char *
teacher_word_code(enum teacher_words g, size_t i)
{
    return g < TW_COUNT ? code_word_at(groups[g], i) : NULL;
}
