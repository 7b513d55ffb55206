/*
 * pairscore.h
 *   The annual scoring sheet of school pairing (年度考核打分, issue 15):
 *   eduaid.pair_annual_sheet() (total and rank by the server) with each
 *   pair's annual evaluation, the year's annual criteria, an evaluation's
 *   scores, and the supervisors' writes: a criterion, an evaluation, a
 *   score, an approval (eduaid.pair_evaluation_approve, four-eyes). The
 *   server refuses a score above its criterion's maximum, an approval by
 *   the one who entered it (EA206), a change after approval (EA205).
 *
 *   Functions returning struct dbres give a new one (the caller frees it
 *   with dbres_free), values as text ("" for NULL unless said), or NULL
 *   with err filled in. Ids are the text a row held.
 */
#ifndef EDUAID_DB_PAIRSCORE_H
#define EDUAID_DB_PAIRSCORE_H

#include "db/db.h"

/* The sheet of year, in the server's order (ranked first): pair_id,
 * township_id, title, total and rank (of an approved evaluation, else
 * ""), max_total ("" without criteria), evaluation_id ("" when none),
 * entered_by (its author's name), entered_total (the sum of its scores so
 * far), approved ("t"/"f"), may_approve ("t" when the person is a
 * supervisor and it is not approved: whether he is not its author the
 * server decides, EA206), mine ("t" when the person entered it). */
struct dbres *pairscore_sheet(struct db *db, int year, struct db_error *err);

/* The scores of evaluation (of pair of township), one row per annual
 * criterion of year: criterion_id, name, max_score, score ("" when not
 * entered). */
struct dbres *pairscore_scores(struct db *db, const char *township,
                               const char *pair, const char *evaluation,
                               int year, struct db_error *err);

/* The report and advice of evaluation: report, advice, approved_by_name
 * ("" when not approved). */
struct dbres *pairscore_evaluation(struct db *db, const char *township,
                                   const char *evaluation,
                                   struct db_error *err);

/* Add an annual criterion of year. 0, or -1 with err. */
int pairscore_add_criterion(struct db *db, int year, const char *name,
                            const char *max_score, struct db_error *err);

/* Make pair's annual evaluation of year (today's date) with report and
 * advice (NULL or "": none). Its id in a malloc'd string (the caller
 * frees it), or NULL with err. */
char *pairscore_create(struct db *db, const char *township, const char *pair,
                       int year, const char *report, const char *advice,
                       struct db_error *err);

/* Enter (or change) evaluation's score of criterion. 0, or -1 with err. */
int pairscore_set_score(struct db *db, const char *township, const char *pair,
                        const char *evaluation, const char *criterion,
                        const char *score, struct db_error *err);

/* Approve evaluation (another supervisor's). 0, or -1 with err. */
int pairscore_approve(struct db *db, const char *evaluation,
                      struct db_error *err);

#endif /* EDUAID_DB_PAIRSCORE_H */
