/*
 * status.c
 *   Workflow status as people see it (see status.h).
 */
#include "config.h"

#include "screens/status.h"

#include <string.h>

#include "core/i18n.h"

static const struct {
    const char *status, *marker;
    enum ui_attr attr;
} statuses[] = {
    {"draft", N_("draft"), UA_ST_DRAFT},
    {"submitted", N_("submitted"), UA_ST_SUBMITTED},
    {"verified", N_("verified"), UA_ST_VERIFIED},
    {"approved", N_("approved"), UA_ST_APPROVED},
    {"rejected", N_("rejected"), UA_ST_REJECTED},
    {"in_notice", N_("on notice"), UA_ST_SUBMITTED},
    {"final", N_("final"), UA_ST_APPROVED},
};

#define N_STATUSES (sizeof(statuses) / sizeof(statuses[0]))

const char *
status_marker(const char *status)
{
    for (size_t i = 0; status != NULL && i < N_STATUSES; i++)
        if (strcmp(statuses[i].status, status) == 0)
            return _(statuses[i].marker);
    return status ? status : "";
}

enum ui_attr
status_attr(const char *status)
{
    for (size_t i = 0; status != NULL && i < N_STATUSES; i++)
        if (strcmp(statuses[i].status, status) == 0)
            return statuses[i].attr;
    return UA_NORMAL;
}

bool
status_editable(const char *role, const char *status)
{
    if (status == NULL || status[0] == '\0')
        return strcmp(role, "clerk") == 0 || strcmp(role, "officer") == 0;
    if (strcmp(role, "clerk") == 0)
        return strcmp(status, "draft") == 0 || strcmp(status, "rejected") == 0;
    if (strcmp(role, "officer") == 0)
        return strcmp(status, "draft") == 0 ||
               strcmp(status, "rejected") == 0 ||
               strcmp(status, "submitted") == 0;
    /* supervisors approve or return, never edit (019_reviewers.sql) */
    return false;
}
