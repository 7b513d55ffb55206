/*
 * pairing.h
 *   School pairing (结对帮扶, issue 15), the statements of the client's
 *   pairing area: the pairs the person sees (eduaid.my_pairs(), the
 *   policies of sql/repeatable/38_policies.sql), a new pair and its
 *   helped schools, and the rows of a pair's page (targets, activities,
 *   monthly reports, quarterly records, inspections, rectification
 *   notices and responses). The server decides who may write what; a
 *   refused write comes back in err.
 *
 *   Functions returning struct dbres give a new one (the caller owns it
 *   and frees it with dbres_free) whose columns are read by the names
 *   listed here, values as text (NULL for SQL NULL); or NULL with err
 *   filled in. Ids and dates are the text a person typed or a row held;
 *   the server casts them.
 */
#ifndef EDUAID_DB_PAIRING_H
#define EDUAID_DB_PAIRING_H

#include "db/db.h"

/* One row over the pairs the caller sees: pairs (how many), running (in
 * their cycle today, not ended early), approved (with an approved
 * agreement). */
struct dbres *pairing_counts(struct db *db, struct db_error *err);

/* The pairs the caller sees, by title; township: 0 for all, else the
 * pairs one of whose sides (home, helping or a helped school) lies in it;
 * search (NULL or "": all): text in the title or a school's name:
 * township_id (home), id, title, township (home's name), helping
 * (the helping school's name), helping_township, helped_count, helped
 * (the helped schools' names, 、-separated), form (one_to_one, district),
 * help_kind (city_county, town_village), cycle_start, cycle_end,
 * ended_on, end_reason, helping_lead, helped_lead, agreement (its
 * status, NULL without one), and the early end's request (pair_end_request
 * below). */
struct dbres *pairs_list(struct db *db, const char *township,
                         const char *search, struct db_error *err);

/* The same columns for one pair (none when the caller does not see it). */
struct dbres *pair_get(struct db *db, const char *township, const char *pair,
                       struct db_error *err);

/* A pick list's rows (value, label, detail), at most 50, whose name holds
 * filter: my_townships -- the caller's own townships (value: id);
 * any_school -- every active school the caller can read, the county's
 * and a city's (value "township:id", detail: its township); my_school --
 * the active schools of the caller's own townships (same columns). */
struct dbres *pairing_my_townships(struct db *db, const char *filter,
                                   struct db_error *err);
struct dbres *pairing_any_school(struct db *db, const char *filter,
                                 struct db_error *err);
struct dbres *pairing_my_school(struct db *db, const char *filter,
                                struct db_error *err);

/*
 * pair_create
 *
 * A new pair at home in township (one of the caller's) and its lead
 * helped school (member "township:id"), in one transaction: values of
 * title, helping ("township:id"), form, help_kind, cycle_start,
 * helping_lead, helped_lead. Returns the new pair's id (> 0) or -1 with
 * err.
 */
struct pair_new {
    const char *township, *title, *helping, *form, *help_kind, *cycle_start,
        *helping_lead, *helped_lead, *member;
};
long long pair_create(struct db *db, const struct pair_new *v,
                      struct db_error *err);

/* Add helped school member ("township:id") to the pair (its kind and
 * cycle are the pair's: the server fills them); 0 or -1. */
int pair_add_member(struct db *db, const char *pair, const char *member,
                    struct db_error *err);

/*
 * The sections of a pair's page and their rows. Each list's rows carry
 * the section's columns:
 *   PS_TARGETS    id, kind (target, annual_plan, annual_summary), year,
 *                 what, due_on, who, quantity
 *   PS_ACTIVITIES id, kind, held_on, place, people, content
 *   PS_MONTHLY    id, month (YYYY-MM), content, entered (YYYY-MM-DD)
 *   PS_QUARTERLY  id, year, quarter, kind (summary, liaison, forum),
 *                 held_on, content
 *   PS_CHECKS     one row per inspection and notice: inspection_id,
 *                 inspected_on, inspectors, verdict (commend, ok,
 *                 lagging), findings, bulletin, first (t on an
 *                 inspection's first row), rectification_id, issued_on,
 *                 deadline, demands, responded_on, response
 */
enum pair_section {
    PS_TARGETS,
    PS_ACTIVITIES,
    PS_MONTHLY,
    PS_QUARTERLY,
    PS_CHECKS,
    PS_COUNT
};
struct dbres *pair_rows(struct db *db, enum pair_section sec,
                        const char *township, const char *pair,
                        struct db_error *err);

/* The rows one adds on a pair's page, and the values each takes (after
 * the pair's township and id), in this order:
 *   PR_TARGET         kind, year, what, due_on, who, quantity
 *   PR_ACTIVITY       kind, held_on, place, people, content
 *   PR_MONTHLY        month (YYYY-MM), content
 *   PR_QUARTERLY      year, quarter, kind, held_on, content
 *   PR_INSPECTION     inspected_on, inspectors, findings, verdict,
 *                     bulletin (NULL: none)
 *   PR_RECTIFICATION  inspection_id, issued_on, deadline, demands
 *   PR_RESPONSE       rectification_id, responded_on, response */
enum pair_row {
    PR_TARGET,
    PR_ACTIVITY,
    PR_MONTHLY,
    PR_QUARTERLY,
    PR_INSPECTION,
    PR_RECTIFICATION,
    PR_RESPONSE,
    PR_COUNT
};
/* How many values a row of kind k takes (after township and pair). */
int pair_row_nvalues(enum pair_row k);
/* Insert it; 0 or -1 with err (a refusal: the caller's role or township
 * may not, or a rule). */
int pair_row_add(struct db *db, enum pair_row k, const char *township,
                 const char *pair, const char *const *values,
                 struct db_error *err);

/* Issue 15 H6: change a row the page shows (PR_TARGET, PR_ACTIVITY,
 * PR_MONTHLY, PR_QUARTERLY, PR_RESPONSE) -- id and version as read (the
 * section's id and version; a response's response_id and
 * response_version), values in pair_row_add's order, of which only those
 * pair_row_editable says are set (the others are the row's identity,
 * fixed: the column grants). 0, or -1 with err; EA007 when the row's
 * version moved since it was read (someone else changed it). */
bool pair_row_editable(enum pair_row k, int i);
int pair_row_update(struct db *db, enum pair_row k, const char *township,
                    const char *pair, const char *id, const char *version,
                    const char *const *values, struct db_error *err);

/* The early end, four eyes (052; sql/repeatable/36_pairing.sql): the
 * home township's clerk or officer asks (day YYYY-MM-DD, reason), a
 * supervisor other than the asker approves, or turns it down with a
 * reason. pair_get's end_requested_on, end_request_reason,
 * end_requested_by, end_refused_by, end_refusal, end_approved_by tell
 * where it stands. 0, or -1 with err (EA200, EA203, EA204, EA209,
 * EA235-EA237, a constraint). */
int pair_end_request(struct db *db, const char *pair, const char *day,
                     const char *reason, struct db_error *err);
int pair_end_approve(struct db *db, const char *pair, struct db_error *err);
int pair_end_refuse(struct db *db, const char *pair, const char *reason,
                    struct db_error *err);

#endif
