/*
 * cmd_connect.c
 *   How a subcommand that needs the database connects: the same
 *   configuration as the client (-c FILE, $EDUAID_CONF, ...), -d CONNINFO
 *   over database.conninfo, -U USER, libpq's environment and ~/.pgpass.
 *   No password prompt: a command line tool takes PGPASSWORD or .pgpass.
 */
#include "config.h"

#include "cmd_connect.h"

#include <stdio.h>

#include "core/i18n.h"
#include "core/settings.h"
#include "main.h"

struct db *
cmd_connect(const char *cmd)
{
    const struct options *opts = main_options();
    struct settings *settings = NULL;
    struct settings_error serr;
    struct db_error err;
    struct db *db;

    if (settings_load(opts->config_file,
                      EDUAID_SYSCONFDIR "/eduaid/eduaid.conf",
                      EDUAID_PKGDATADIR "/forms", &settings, &serr) != 0) {
        if (serr.line > 0)
            fprintf(stderr, "%s:%d: %s\n", serr.file, serr.line, serr.message);
        else
            fprintf(stderr, "%s: %s\n", serr.file[0] ? serr.file : cmd,
                    serr.message);
        return NULL;
    }
    db =
        db_connect(opts->conninfo != NULL ? opts->conninfo : settings->conninfo,
                   opts->user, NULL, settings->connect_timeout, &err);
    settings_free(settings);
    if (db == NULL) {
        if (err.status == DB_NEEDS_PASSWORD)
            fprintf(stderr, "%s: %s\n", cmd,
                    _("the server asks for a password: set PGPASSWORD or "
                      "use ~/.pgpass"));
        else
            fprintf(stderr, "%s: %s\n", cmd, err.message);
    }
    return db;
}
