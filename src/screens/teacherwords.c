/*
 * teacherwords.c
 *   The words of the codes the rural teachers' tables hold (issue 17 H5;
 *   the choice lists of sql/062_teachers.sql): post, subject, training
 *   level, the term of an exchange -- for the register, the page and
 *   the editor's pick lists (teachers.h).
 */
#include "config.h"

#include <string.h>

#include "core/i18n.h"
#include "screens/teachers.h"

struct code_word {
    const char *code, *word;
};

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
    if (g >= TW_COUNT || code == NULL || code[0] == '\0')
        return "";
    for (const struct code_word *w = groups[g]; w->code != NULL; w++)
        if (strcmp(w->code, code) == 0)
            return _(w->word);
    return code;
}

const char *
teacher_word_code(enum teacher_words g, size_t i)
{
    const struct code_word *w;

    if (g >= TW_COUNT)
        return NULL;
    w = groups[g];
    for (size_t k = 0; k < i; k++)
        if (w[k].code == NULL)
            return NULL;
    return w[i].code;
}
