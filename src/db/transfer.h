/*
 * transfer.h
 *   Households moving between townships (issue 11; sql/028_transfers.sql,
 *   sql/repeatable/41_transfer.sql): the requests that concern the person
 *   logged in, the townships a household may move to, the villages of the
 *   receiving township, and the four steps (request, accept, refuse,
 *   withdraw). The server decides who may take which step and refuses
 *   everything else (EA080, EA004, EA110-EA118).
 *
 *   Functions returning struct dbres give a new one (the caller owns it
 *   and frees it with dbres_free) whose columns are read by the names
 *   listed here, values as text (NULL for SQL NULL); or NULL with err
 *   filled in. Ids are the text a row held; the server casts them.
 */
#ifndef EDUAID_DB_TRANSFER_H
#define EDUAID_DB_TRANSFER_H

#include "db/db.h"

/* The requests from or to the caller's townships (pending first, newest
 * first): id, direction ("out", "in" or "both"), household_id,
 * household_no, head_name, from_township, to_township, to_village (""
 * until accepted), to_township_id, reason, state (pending, accepted,
 * refused, withdrawn), requested_by_name, requested_at (YYYY-MM-DD),
 * decided_by_name, decided_at (YYYY-MM-DD or ""), refusal_reason ("" when
 * none), may_decide and may_withdraw ("t" or "f"); a member's move
 * (033_member_transfers.sql) has student_id and member_name ("" for a
 * household's), and once accepted to_household_no (receiving side). */
struct dbres *transfer_list(struct db *db, struct db_error *err);

/* The other townships of the county of household township `from`, as a
 * pick list: value (the township's id), label (its name), detail (""). */
struct dbres *transfer_townships(struct db *db, const char *filter,
                                 const char *from, struct db_error *err);

/* The villages of township `township` whose name holds filter: value,
 * label, detail (""). */
struct dbres *transfer_villages(struct db *db, const char *filter,
                                const char *township, struct db_error *err);

/* The households of township `township` whose number or head's name holds
 * filter: value (id), label (number and head), detail (village). */
struct dbres *transfer_households(struct db *db, const char *filter,
                                  const char *township, struct db_error *err);

/* Ask to move member `student` to a household of to_township; accept a
 * member's request into household. As transfer_request and
 * transfer_accept. */
char *transfer_request_member(struct db *db, const char *student,
                              const char *to_township, const char *reason,
                              struct db_error *err);
int transfer_accept_member(struct db *db, const char *request,
                           const char *household, struct db_error *err);

/* Ask to move household to township to_township, for reason. The new
 * request's id in a malloc'd string (the caller frees it), or NULL with
 * err. */
char *transfer_request(struct db *db, const char *household,
                       const char *to_township, const char *reason,
                       struct db_error *err);

/* Accept request into village; refuse it for reason; withdraw it. 0, or
 * -1 with err. */
int transfer_accept(struct db *db, const char *request, const char *village,
                    struct db_error *err);
int transfer_refuse(struct db *db, const char *request, const char *reason,
                    struct db_error *err);
int transfer_withdraw(struct db *db, const char *request, struct db_error *err);

#endif /* EDUAID_DB_TRANSFER_H */
