/*
 * session.c
 *   Connecting, the forms check and the words of server errors for the
 *   screens (see session.h).
 */
#include "config.h"

#include "screens/session.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "db/record.h"
#include "db/schema.h"
#include "ui/keys.h"

int
session_connect(struct app *a, const char *conninfo, const char *user,
                const char *password, struct db_error *err)
{
    const char *role;

    a->db =
        db_connect(conninfo, user, password, a->settings->connect_timeout, err);
    if (a->db == NULL)
        return -1;
    role = db_role(a->db);
    if (role[0] != '\0')
        snprintf(a->who, sizeof(a->who), "%s@%s", db_user(a->db), role);
    else
        snprintf(a->who, sizeof(a->who), "%s", db_user(a->db));
    return 0;
}

int
session_check_forms(struct app *a, char *msg, size_t msgsz)
{
    struct formdef_error ferr;
    struct db_error err;

    if (schema_check(a->db, msg, msgsz, &err) != 0)
        return -1;
    for (size_t i = 0; i < a->nforms; i++) {
        if (record_check_catalog(a->db, a->forms[i], a->lookups, &ferr, &err) ==
            0)
            continue;
        if (err.status != DB_OK)
            snprintf(msg, msgsz, "%s: %s", a->forms[i]->path, err.message);
        else
            snprintf(msg, msgsz, "%s:%d: %s", ferr.file, ferr.line,
                     ferr.message);
        return -1;
    }
    return 0;
}

/* What eduaid's own SQLSTATEs and the common ones mean, in words. */
static const struct {
    const char *sqlstate;
    const char *text;
} sqlstate_texts[] = {
    {"EA001", N_("The record's state does not allow this.")},
    {"EA002",
     N_("Four-eyes rule: you created, edited or verified this record.")},
    {"EA003", N_("A reason is required.")},
    {"EA004", N_("Your role may not do this.")},
    {"EA005", N_("No such record, or it is not visible to you.")},
    {"EA006", N_("This change would bypass the workflow.")},
    {"EA007", N_("Someone else changed the record; load it again.")},
    {"EA008", N_("This ID number is already registered elsewhere.")},
    {"EA010", N_("Unknown record kind.")},
    {"EA011", N_("Bad user data (role, townships or login name).")},
    {"23505", N_("Duplicate: such a record already exists.")},
    {"23514", N_("A value breaks a data rule.")},
    {"23503", N_("It refers to something that does not exist.")},
    {"23502", N_("A required value is missing.")},
    {"22001", N_("A value is too long.")},
    {"42501", N_("Permission denied.")},
    {"40001", N_("Conflict with another user; try again.")},
    {"40P01", N_("Conflict with another user; try again.")},
    {"57014", N_("The request took too long and was cancelled.")},
};

const char *
session_error_text(const struct db_error *e)
{
    switch (e->status) {
    case DB_CONNECTION_LOST:
        return _("The connection to the server was lost.");
    case DB_UNREACHABLE:
        return _("The server cannot be reached.");
    case DB_AUTH_FAILED:
        return _("Wrong user name or password.");
    case DB_NEEDS_PASSWORD:
        return _("A password is required.");
    case DB_NO_MEMORY:
        return _("Out of memory.");
    default:
        break;
    }
    for (size_t i = 0; i < sizeof(sqlstate_texts) / sizeof(sqlstate_texts[0]);
         i++)
        if (strcmp(e->sqlstate, sqlstate_texts[i].sqlstate) == 0)
            return _(sqlstate_texts[i].text);
    if (e->message[0] != '\0')
        return e->message;
    return _("The server refused the request.");
}

void
app_keep_error(struct app *a, const struct db_error *e)
{
    char *text = a->details;
    size_t n = 0, size = sizeof(a->details);

    if (e == NULL || e->status == DB_OK)
        return;
#define DETAIL(label, value)                                                   \
    do {                                                                       \
        if ((value)[0] != '\0' && n < size)                                    \
            n += (size_t)snprintf(text + n, size - n, _("%s: %s\n"), (label),  \
                                  (value));                                    \
    } while (0)
    DETAIL(_("SQLSTATE"), e->sqlstate);
    DETAIL(_("Message"), e->message);
    DETAIL(_("Detail"), e->detail);
    DETAIL(_("Hint"), e->hint);
    DETAIL(_("Constraint"), e->constraint);
    DETAIL(_("Table"), e->table);
    DETAIL(_("Column"), e->column);
#undef DETAIL
    if (n == 0)
        snprintf(text, size, "%s", session_error_text(e));
    else if (n <= size && text[n - 1] == '\n')
        text[n - 1] = '\0';
}

void
app_error(struct app *a, const struct db_error *e)
{
    char key[32];

    if (e == NULL || e->status == DB_OK)
        return;
    app_keep_error(a, e);
    keys_names(ACT_DETAILS, KEYS_PRIMARY, key, sizeof(key));
    app_status_error(a, _("%s (%s: details)"), session_error_text(e), key);
}
