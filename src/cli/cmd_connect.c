/*
 * cmd_connect.c
 *   How a subcommand that needs the database connects: the same
 *   configuration as the client (-c FILE, $EDUAID_CONF, ...), -d CONNINFO
 *   over database.conninfo, -U USER, libpq's environment and ~/.pgpass.
 *   When the server still asks for a password and the command runs at a
 *   terminal, the password is read from /dev/tty without echo (three
 *   tries); a script without a terminal is told to use PGPASSWORD or
 *   ~/.pgpass instead. A server whose schema is not the level this eduaid
 *   was built for is refused, in words (db/schema.h). And how every
 *   subcommand says what the server refused: cli_refused.
 */
#include "config.h"

#include "cli/cmd_connect.h"
#include "cli/cliout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/errlog.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/tlswords.h"
#include "cli/cli.h"
#include "db/messages.h"
#include "db/schema.h"

/*
 * Ask for the password of user on the terminal, without echo. 0 with the
 * password in buf, -1 when there is no terminal or nothing was read.
 */
static int
read_password(const char *user, char *buf, size_t bufsz)
{
    FILE *tty = fopen("/dev/tty", "r+");
    struct termios saved, quiet;
    int rc = -1;

    if (tty == NULL)
        return -1;
    if (tcgetattr(fileno(tty), &saved) == 0) {
        quiet = saved;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        if (user != NULL)
            fprintf(tty, _("Password for %s: "), user);
        else
            fputs(_("Password: "), tty);
        fflush(tty);
        if (tcsetattr(fileno(tty), TCSAFLUSH, &quiet) == 0) {
            if (fgets(buf, (int)bufsz, tty) != NULL) {
                buf[strcspn(buf, "\r\n")] = '\0';
                rc = 0;
            }
            tcsetattr(fileno(tty), TCSAFLUSH, &saved);
        }
        fputc('\n', tty);
    }
    fclose(tty);
    return rc;
}

/* Connect, asking for the password at the terminal when the server wants
 * one; NULL with err filled in. */
static struct db *
connect_asking(const char *conninfo, const char *user, int timeout,
               struct db_error *err)
{
    char password[256];
    struct db *db = db_connect(conninfo, user, NULL, timeout, err);

    for (int tries = 0; db == NULL && tries < 3 &&
                        (err->status == DB_NEEDS_PASSWORD ||
                         (tries > 0 && err->status == DB_AUTH_FAILED));
         tries++) {
        if (read_password(user, password, sizeof(password)) != 0)
            break;
        db = db_connect(conninfo, user, password, timeout, err);
        memset(password, 0, sizeof(password));
    }
    return db;
}

static struct options global_opts;
static char command[32]; /* cli_set_command */

void
cli_set_command(const char *name)
{
    snprintf(command, sizeof(command), "%s", name != NULL ? name : "");
}

void
cli_set_options(const struct options *opts)
{
    global_opts = *opts;
}

const struct options *
cli_options(void)
{
    return &global_opts;
}

/* The configuration as the client reads it; NULL after a message on
 * stderr naming cmd. */
static struct settings *
load_settings(const char *cmd)
{
    const struct options *opts = cli_options();
    struct settings *settings = NULL;
    struct settings_error serr;

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
    return settings;
}

/* Connect to conninfo as the client would, then check the schema level;
 * NULL with a message on stderr (quiet: none) and err filled in. */
static struct db *
connect_checked(const char *cmd, const char *conninfo, int timeout, bool quiet,
                struct db_error *err)
{
    const struct options *opts = cli_options();
    struct db *db;
    char msg[300];

    char appname[64];

    snprintf(appname, sizeof(appname), "eduaid/%s",
             command[0] != '\0' ? command : "cli");
    db_default_application_name(appname);
    db = connect_asking(conninfo, opts->user, timeout, err);
    if (db == NULL) {
        if (quiet)
            return NULL;
        if (err->status == DB_NEEDS_PASSWORD)
            fprintf(stderr, "%s: %s\n", cmd,
                    _("the server asks for a password: set PGPASSWORD or "
                      "use ~/.pgpass"));
        else if (err->status == DB_LOGIN_REFUSED)
            cli_line(stderr, "%s: %s (%s)", cmd,
                     _("your account is disabled or its login was refused"),
                     err->message);
        else if (err->status == DB_UNREACHABLE &&
                 tls_failure_words(err->message) != NULL)
            cli_line(stderr, "%s: %s (%s)", cmd,
                     tls_failure_words(err->message), err->message);
        else
            cli_line(stderr, "%s: %s", cmd, err->message);
        return NULL;
    }
    if (schema_check(db, msg, sizeof(msg), err) != 0) {
        if (!quiet)
            cli_line(stderr, "%s: %s", cmd, msg);
        db_close(db);
        return NULL;
    }
    return db;
}

/* The central server: database.conninfo with -d, -h and -p over it. */
static struct db *
connect_main(const char *cmd, const struct settings *settings)
{
    struct db_error err;
    char *conninfo = options_conninfo(cli_options(), settings->conninfo);
    struct db *db;

    if (conninfo == NULL) {
        fprintf(stderr, _("%s: out of memory\n"), cmd);
        return NULL;
    }
    db = connect_checked(cmd, conninfo, settings->connect_timeout, false, &err);
    free(conninfo);
    return db;
}

struct db *
cmd_connect(const char *cmd)
{
    struct settings *settings = load_settings(cmd);
    struct db *db;

    if (settings == NULL)
        return NULL;
    db = connect_main(cmd, settings);
    settings_free(settings);
    return db;
}

struct db *
cmd_connect_reports(const char *cmd)
{
    struct settings *settings = load_settings(cmd);
    struct db_error err;
    struct db *db = NULL;

    if (settings == NULL)
        return NULL;
    if (settings->reports_conninfo[0] != '\0') {
        db = connect_checked(cmd, settings->reports_conninfo,
                             settings->connect_timeout, true, &err);
        if (db == NULL)
            cli_line(stderr, "%s: %s (%s)", cmd,
                     _("the reports server (reports.conninfo) cannot be "
                       "reached; the report runs on the central server"),
                     err.message);
    }
    if (db == NULL)
        db = connect_main(cmd, settings);
    settings_free(settings);
    return db;
}

int
cli_refused(struct db *db, const char *what, const struct db_error *err)
{
    struct db_error merr;
    struct messages *m = NULL;
    const char *text;

    if (db != NULL && err->status == DB_ERROR && err->sqlstate[0] != '\0')
        m = messages_load(db, &merr);
    /* the administrator's log: eduaid.message's words, never the
     * server's text (core/errlog.h) */
    errlog_write(db != NULL ? db_user(db) : NULL, what, err->sqlstate,
                 err->constraint,
                 messages_find(m, err) != NULL ? messages_find(m, err)->en
                 : err->status == DB_ERROR     ? "(no words in eduaid.message)"
                                               : "no connection");
    text = messages_text(m, err, speak_chinese("auto"));
    if (text == NULL)
        text =
            err->message[0] != '\0' ? err->message : _("the server refused it");
    cli_line(stderr, "%s: %s: %s", PACKAGE_NAME, what, text);
    if (err->message[0] != '\0' && strcmp(text, err->message) != 0)
        cli_line(stderr, _("%s: (the server said: %s)"), PACKAGE_NAME,
                 err->message);
    if (err->hint[0] != '\0')
        cli_line(stderr, "%s: %s", PACKAGE_NAME, err->hint);
    messages_free(m);
    return err->status == DB_ERROR ? EXIT_INVALID : EXIT_USAGE;
}
