/*
 * screens.h
 *   The screens of the client, one file each, and how to make one. Each
 *   returns a new screen (the app frees it through its close op) or NULL
 *   when out of memory.
 */
#ifndef EDUAID_SCREENS_H
#define EDUAID_SCREENS_H

#include "core/formdef.h"
#include "db/db.h"
#include "screens/session.h"
#include "ui/app.h"
#include "ui/screen.h"

/* Asks for user and password until a connection is made, checks the forms
 * against the catalog, then replaces itself with the menu. why is the
 * failure of the first attempt (shown at once), or NULL. */
struct screen *login_screen_new(struct app *a, const char *conninfo,
                                const char *user, const struct db_error *why);

/* The record kinds the role may use; Enter opens a list. */
struct screen *menu_screen_new(struct app *a);

/* Records of one kind, newest change first, paged by keyset. */
struct screen *list_screen_new(struct app *a, const struct formdef *f);

/* issue 15 H1: the pair agreements (帮扶协议书, kind "pairing"), the
 * standard record list of forms/pairing.conf, which has no row of the
 * main menu: the pairing area's submenu opens it (pairagree.c). NULL
 * when the form is not loaded or out of memory. */
struct screen *pairing_agreements_screen_new(struct app *a);

/* One record (id 0: a new one) in a form, with its grids. Read-only when
 * the role may not edit it in its state; a record reopened after approval
 * shows the approved value under each field changed since. */
struct screen *form_screen_new(struct app *a, const struct formdef *f,
                               long long id);
/* The same for a reviewer coming from the queue: once the record is passed
 * or returned the form closes, back to the queue. */
struct screen *form_screen_review(struct app *a, const struct formdef *f,
                                  long long id);
/* A record with the unsaved changes of an earlier session laid over it. */
struct journal;
struct screen *form_screen_restore(struct app *a, const struct formdef *f,
                                   const struct journal *j);

/* Records of every kind waiting for the person's review step, oldest
 * first; the first screen of officers and supervisors. */
struct screen *queue_screen_new(struct app *a);
/* The audit-log browser (audit.c, issue 14); exports: the log of exports
 * (the action filter preset to 'export'). */
struct screen *audit_screen_new(struct app *a, bool exports);
/* The auditor's log of logins (logins.c, issue 14). */
struct screen *logins_screen_new(struct app *a);
/* The export screen (export.c, issue 14). */
struct screen *export_screen_new(struct app *a);
/* The admin's users screen (users.c, issue 14). */
struct screen *users_screen_new(struct app *a);
/* The admin's reference-data screen (refdata.c, issue 14): schools,
 * courses, fund programs, standard amounts. */
struct screen *refdata_screen_new(struct app *a);

/* The person's records that were returned to them, with the reasons. */
struct screen *returned_screen_new(struct app *a);

/* Roster import and reconciliation: asks for a CSV file, imports it, shows
 * the differences per township, exports them, creates drafts. */
struct screen *import_screen_new(struct app *a);
/* Public notices (公示): the list, opening and closing them. */
struct screen *notice_screen_new(struct app *a);
/* The lines of notice notice_id (titled title), with their objections. */
struct screen *notice_items_screen_new(struct app *a, long long notice_id,
                                       const char *title);

/* The ledgers the plan names (控辍保学, 送教上门, 培训台账): a chooser. */
struct screen *ledgers_screen_new(struct app *a);

/* 结对帮扶 (issue 15): the pairing area's submenu (pairing.c), its pairs
 * list (pairs.c) and a pair's page (pairpage.c). pairing_area_for: whether
 * a role sees the area at all. */
struct screen *pairing_screen_new(struct app *a);
bool pairing_area_for(const char *role);

/* 计划措施 (issue 17): the area of the plan's other measures (measures.c);
 * measures_area_for: whether a role sees it at all. */
struct screen *measures_screen_new(struct app *a);
bool measures_area_for(const char *role);
/* issue 17 H1: 学前教育, the preschool import batches (preschool.c), and
 * its line of numbers in the measures area. */
struct screen *preschool_screen_new(struct app *a);
void preschool_line(struct app *a, char *out, size_t outsz);
/* end issue 17 H1 */
struct screen *pairs_screen_new(struct app *a);
/* issue 17 H5: 乡村教师, the teacher register (teachers.c) */
struct screen *teachers_screen_new(struct app *a);
struct screen *pairpage_screen_new(struct app *a, const char *township,
                                   const char *pair);

/* Every audit entry of record id of form f, with its changes. */
struct screen *history_screen_new(struct app *a, const struct formdef *f,
                                  long long id);

/* The plan's indicators (src/db/report.h), one report at a time, with bar
 * charts; starts with the first report and the current school year. */
struct screen *report_screen_new(struct app *a);
/* issue 17 H3: the same, opened on the report named name (db/report.h). */
struct screen *report_screen_new_for(struct app *a, const char *name);

/* The students entitled to a subsidy and not granted it in year, of
 * township (0: all the person may see). */
struct screen *report_missing_screen_new(struct app *a, int year, int township);

/* 新学年: a township's records of a school year proposed from the year
 * before (the September rollover), confirmed and submitted in bulk. */
struct screen *rollover_screen_new(struct app *a);
/* Households moving between townships (迁入迁出): the requests from and
 * to the person's townships; officers of the receiving township accept
 * or refuse, the sending side withdraws (transfer.c). */
struct screen *transfer_screen_new(struct app *a);
/* Ask to move household (of township; label names it in the dialog's
 * title) to another township of the county: the township, a reason.
 * True when the server took the request (said on the status line). */
bool transfer_request_dialog(struct app *a, long long household, int township,
                             const char *label);
/* Ask to move member (label: their name) of a household of township to a
 * household of another township of the county: the township, a reason.
 * As transfer_request_dialog. */
bool transfer_member_dialog(struct app *a, long long member, int township,
                            const char *label);
/* 应享未享资助 (aid_missing.c): the aid offered and not granted in year
 * (0: the server's current school year) in township (0: every township the
 * person may see; township_name its name), to grant in one step. */
struct screen *aid_missing_screen_new(struct app *a, int year, int township,
                                      const char *township_name);
/* The stage field of the school-year form's grid of pupils (a stage is a
 * fact of the school year; aid_missing.c), for the words of a stage; NULL
 * without that form. */
const struct fielddef *year_stage_field(const struct app *a);
/* Why a grant was refused (eduaid.grant_standard's sql_state and
 * constraint_name), in the person's language. */
const char *aid_refusal_text(const struct app *a, const char *state,
                             const char *constraint);

/* Issue 15, the pairing board and the scoring sheet (pairboard.c,
 * pairscore.c). 帮扶达标看板: the pairs active today that the person sees,
 * with what each is behind on, counts, a township filter and three
 * orders; Enter says why in full. */
struct screen *pairboard_screen_new(struct app *a);
/* 年度考核打分: the annual scoring sheet of a year (total and rank by the
 * server); supervisors add criteria, enter a pair's scores and approve
 * another supervisor's evaluation; the other roles read it. */
struct screen *pairscore_screen_new(struct app *a);

/* issue 17 H4: 定向招生专项计划 (admission.c): the list of applications,
 * kind "admission" (forms/admission.conf, no row of the main menu), and
 * the Plan measures area's line of this year's numbers. */
struct screen *admission_screen_new(struct app *a);
void admission_line(struct app *a, char *out, size_t outsz);

#endif /* EDUAID_SCREENS_H */
