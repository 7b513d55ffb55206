/*
 * status.h
 *   How a record's workflow status shows: a short marker in the user's
 *   language (so monochrome terminals read it) and its colour attribute.
 */
#ifndef EDUAID_SCREENS_STATUS_H
#define EDUAID_SCREENS_STATUS_H

#include <stdbool.h>

#include "ui/term.h"

/* "草稿", "已提交" ... for "draft", "submitted" ...; the input for others. */
const char *status_marker(const char *status);
enum ui_attr status_attr(const char *status);
/* May the person logged in as role edit a record in this state? ("" = new)
 * Mirrors the server's may_edit(); it decides. Supervisors never edit:
 * their forms open read-only and offer no saving. */
bool status_editable(const char *role, const char *status);

#endif /* EDUAID_SCREENS_STATUS_H */
