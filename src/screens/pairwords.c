/*
 * pairwords.c
 *   The words of the codes the pairing tables hold (issue 15; the CHECK
 *   constraints of sql/046_pairing.sql): a pair's form and kind of help,
 *   a target's kind, an activity's, a quarterly record's, an
 *   inspection's verdict -- for the lists, the page and the editor's
 *   pick lists (pairs.h).
 */
#include "config.h"

#include "core/codeword.h"
#include "core/i18n.h"
#include "screens/pairs.h"

static const struct code_word forms_w[] = {{"one_to_one", N_("one-to-one")},
                                           {"district", N_("district")},
                                           {NULL, NULL}};
static const struct code_word kinds_w[] = {{"city_county", N_("city-county")},
                                           {"town_village", N_("town-village")},
                                           {NULL, NULL}};
static const struct code_word targets_w[] = {
    {"target", N_("target")},
    {"annual_plan", N_("annual plan")},
    {"annual_summary", N_("annual summary")},
    {NULL, NULL}};
static const struct code_word activities_w[] = {
    {"teaching_visit", N_("teaching visit")},
    {"shadowing", N_("shadowing")},
    {"joint_research", N_("joint research")},
    {"demo_lesson", N_("demonstration lesson")},
    {"philosophy", N_("school philosophy")},
    {"campus_culture", N_("campus culture")},
    {"curriculum", N_("curriculum reform")},
    {"teaching_evaluation", N_("teaching evaluation")},
    {"other", N_("other")},
    {NULL, NULL}};
static const struct code_word quarterly_w[] = {
    {"summary", N_("quarterly summary")},
    {"liaison", N_("liaison meeting")},
    {"forum", N_("forum")},
    {NULL, NULL}};
static const struct code_word verdicts_w[] = {{"ok", N_("on track")},
                                              {"commend", N_("commended")},
                                              {"lagging", N_("lagging")},
                                              {NULL, NULL}};

static const struct code_word *const groups[PW_COUNT] = {
    [PW_FORM] = forms_w,          [PW_KIND] = kinds_w,
    [PW_TARGET] = targets_w,      [PW_ACTIVITY] = activities_w,
    [PW_QUARTERLY] = quarterly_w, [PW_VERDICT] = verdicts_w};

const char *
pair_word(enum pair_words g, const char *code)
{
    return g < PW_COUNT ? code_word(groups[g], code) : "";
}

const char *
pair_word_code(enum pair_words g, size_t i)
{
    return g < PW_COUNT ? code_word_at(groups[g], i) : NULL;
}
