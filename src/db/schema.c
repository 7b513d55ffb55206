/* src/db/schema.c: is the server's eduaid schema the one this client was
 * built for? (see schema.h) */
#include "config.h"

#include "db/schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

int
schema_check(struct db *db, char *msg, size_t msgsz, struct db_error *err)
{
    struct dbres *r = db_exec(db, "SELECT eduaid.schema_level()", 0, NULL, err);
    const char *v;
    long level;

    if (r == NULL) {
        /* 42883: no such function -- a schema from before level 22 */
        if (strcmp(err->sqlstate, "42883") != 0) {
            snprintf(msg, msgsz, _("cannot ask the server for its schema: %s"),
                     err->message);
            return -1;
        }
        level = 0;
    } else {
        v = r->nrows == 1 ? dbres_get(r, 0, 0) : NULL;
        level = v != NULL ? strtol(v, NULL, 10) : 0;
        dbres_free(r);
    }
    db_error_clear(err);
    if (level == EDUAID_SCHEMA_LEVEL)
        return 0;
    if (level < EDUAID_SCHEMA_LEVEL)
        snprintf(msg, msgsz,
                 _("the server's eduaid schema (level %ld) is older than this "
                   "eduaid (level %d): ask the administrator to run "
                   "sql/migrate.sh"),
                 level, EDUAID_SCHEMA_LEVEL);
    else
        snprintf(msg, msgsz,
                 _("the server's eduaid schema (level %ld) is newer than this "
                   "eduaid (level %d): install the eduaid that migrated it"),
                 level, EDUAID_SCHEMA_LEVEL);
    return -1;
}
