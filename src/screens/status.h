/*
 * status.h
 *   How a record's workflow status shows: a short marker in the user's
 *   language (so monochrome terminals read it) and its colour attribute,
 *   who may edit a record in it -- all from the session's workflow
 *   (src/db/workflow.h, the server's eduaid.record_status and
 *   eduaid.workflow_step), which status_load reads once after login.
 */
#ifndef EDUAID_SCREENS_STATUS_H
#define EDUAID_SCREENS_STATUS_H

#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"
#include "db/workflow.h"
#include "ui/term.h"

/* Read the workflow of this session (once, after login); zh chooses the
 * words. 0, or -1 with one sentence for the person in msg. */
int status_load(struct db *db, bool zh, char *msg, size_t msgsz);
void status_unload(void);
/* The session's workflow, or NULL before status_load. */
const struct workflow *status_workflow(void);

/* "草稿", "已提交" ... for "draft", "submitted" ...; the input for others. */
const char *status_marker(const char *status);
enum ui_attr status_attr(const char *status);
/* May the person logged in as role edit a record in this state? ("" = new)
 * Mirrors the server's may_edit(); it decides. Supervisors never edit:
 * their forms open read-only and offer no saving. */
bool status_editable(const char *role, const char *status);

/* The states in their order: the code of the i-th, NULL past the last. */
const char *status_at(size_t i);
/* Does a record of kind have this state? */
bool status_of_kind(const char *status, const char *kind);
/* The state new records start in ("draft"), "" when unknown. */
const char *status_initial(void);
/* Returned to its author (its state names who rejected it)? */
bool status_returned(const char *status);
/* Is a record in this state shown against its last approval (after a
 * reopening: neither locked nor returned)? */
bool status_shows_changes(const char *status);

#endif /* EDUAID_SCREENS_STATUS_H */
