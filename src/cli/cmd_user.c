/*
 * cmd_user.c
 *   eduaid user: accounts under four-eyes (sql/018_accounts.sql). An
 *   admin requests a new account, a new password, other townships or
 *   re-enabling; a county supervisor lists the pending requests and
 *   approves or refuses each (with a reason); an admin disables an account
 *   at once. A new password is read twice from the terminal without echo
 *   (or one line from standard input when it is not a terminal) and only
 *   its SCRAM-SHA-256 verifier, computed here, is sent (src/db/users.c).
 *   The rules are the server's: this says what it refused.
 */
#include "config.h"

#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cliout.h"
#include "cli/cmd_connect.h"
#include "core/i18n.h"
#include "db/users.h"

#define PASSWORD_MAX 256
#define PASSWORD_MIN 8

static void
user_usage(FILE *fp)
{
    fprintf(fp, _("Usage: %s user ACTION [ARG]...\n"), PACKAGE_NAME);
    fputs(_("Accounts, four-eyes: an admin requests, a county supervisor\n"
            "approves or refuses; nothing but disabling takes effect alone.\n\n"
            "  request-create LOGIN --name N --role R [--township T]... "
            "[--password]\n"
            "                          ask for a new account (R: clerk, "
            "officer,\n"
            "                          supervisor, admin, auditor, "
            "inspector;\n"
            "                          T a code or name;\n"
            "                          --password: read an initial password)\n"
            "  request-password LOGIN  ask for a new password (read twice at "
            "the\n"
            "                          terminal without echo, or one line "
            "from\n"
            "                          standard input); only its SCRAM "
            "verifier\n"
            "                          is sent\n"
            "  request-townships LOGIN T...\n"
            "                          ask for other townships for LOGIN\n"
            "  request-enable LOGIN    ask for a disabled account back\n"
            "  pending                 the requests waiting for a decision,\n"
            "                          tab-separated: id, action, login, "
            "role,\n"
            "                          townships, password, name, requested "
            "by,\n"
            "                          requested at\n"
            "  approve ID              approve a request (supervisors)\n"
            "  refuse ID --reason R    refuse it, saying why (supervisors)\n"
            "  disable LOGIN           disable an account at once (admins)\n\n"
            "A request prints its id. The global options -c, -d and -U "
            "choose\n"
            "the configuration, the database and the user, as for the "
            "client.\n"
            "Exit status: 0 done, 1 refused, 2 usage or I/O error.\n"),
          fp);
}

static int user_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static int
user_usage_error(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", PACKAGE_NAME);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fprintf(stderr, _("Try '%s user --help'.\n"), PACKAGE_NAME);
    return EXIT_USAGE;
}

/* The connection, made when an action has checked its arguments (usage
 * errors need no server, user_db); NULL after a message. Closed by
 * cmd_user. */
static struct db *the_db;

/* Say what the server refused; returns the exit status to use. */
static int
user_refused(const char *action, const struct db_error *err)
{
    char what[64];

    snprintf(what, sizeof what, "user %s", action);
    return cli_refused(the_db, what, err);
}

static struct db *
user_db(void)
{
    if (the_db == NULL)
        the_db = cmd_connect("user");
    return the_db;
}

/* ----------------------------------------------------------------------
 * reading a new password
 * ---------------------------------------------------------------------- */

/* One line from fp into buf, without its line end; -1 at EOF or when the
 * line does not fit. */
static int
read_line(FILE *fp, char *buf, size_t size)
{
    size_t n;

    if (fgets(buf, (int)size, fp) == NULL)
        return -1;
    n = strcspn(buf, "\r\n");
    if (buf[n] == '\0' && n == size - 1)
        return -1; /* too long */
    buf[n] = '\0';
    return 0;
}

/* Prompt on tty and read one line without echo. */
static int
read_quiet(FILE *tty, const char *prompt, char *buf, size_t size)
{
    struct termios saved, quiet;
    int rc = -1;

    if (tcgetattr(fileno(tty), &saved) != 0)
        return -1;
    quiet = saved;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    fputs(prompt, tty);
    fflush(tty);
    if (tcsetattr(fileno(tty), TCSAFLUSH, &quiet) == 0) {
        rc = read_line(tty, buf, size);
        tcsetattr(fileno(tty), TCSAFLUSH, &saved);
    }
    fputc('\n', tty);
    fflush(tty);
    return rc;
}

/*
 * The new password of login into buf: at a terminal, asked twice without
 * echo; otherwise the first line of standard input. 0, or -1 after a
 * message (nothing read, the two differ, too short).
 */
static int
read_new_password(const char *login, char *buf, size_t size)
{
    char again[PASSWORD_MAX];
    char prompt[160];
    int rc = -1;

    if (isatty(STDIN_FILENO)) {
        FILE *tty = fopen("/dev/tty", "r+");

        if (tty == NULL) {
            fprintf(stderr, "%s: /dev/tty: %s\n", PACKAGE_NAME,
                    strerror(errno));
            return -1;
        }
        snprintf(prompt, sizeof prompt, _("New password for %s: "), login);
        if (read_quiet(tty, prompt, buf, size) == 0 &&
            read_quiet(tty, _("Again: "), again, sizeof again) == 0) {
            if (strcmp(buf, again) == 0)
                rc = 0;
            else
                fprintf(stderr, "%s: %s\n", PACKAGE_NAME,
                        _("the two passwords differ"));
        } else {
            fprintf(stderr, "%s: %s\n", PACKAGE_NAME,
                    _("no password was read"));
        }
        fclose(tty);
        memset(again, 0, sizeof again);
    } else if (read_line(stdin, buf, size) == 0) {
        rc = 0;
    } else {
        fprintf(stderr, "%s: %s\n", PACKAGE_NAME,
                _("no password on standard input (one line)"));
    }
    if (rc == 0 && strlen(buf) < PASSWORD_MIN) {
        fprintf(stderr, _("%s: a password needs at least %d characters\n"),
                PACKAGE_NAME, PASSWORD_MIN);
        rc = -1;
    }
    if (rc != 0)
        memset(buf, 0, size);
    return rc;
}

/* ----------------------------------------------------------------------
 * the actions
 * ---------------------------------------------------------------------- */

/* Print a new request's id (stdout) and what happens next (stderr). */
static int
requested(const char *action, long long id, const struct db_error *err)
{
    if (id < 0)
        return user_refused(action, err);
    printf("%lld\n", id);
    fprintf(stderr,
            _("%s: request %lld waits for a county supervisor's "
              "approval\n"),
            PACKAGE_NAME, id);
    return EXIT_OK;
}

/* A request id from text, or -1. */
static long long
parse_id(const char *s)
{
    char *end;
    long long v;

    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v <= 0)
        return -1;
    return v;
}

static int
act_request_create(int argc, char **argv)
{
    struct db *db;
    const char *login = NULL, *name = NULL, *role = NULL;
    const char **townships = calloc((size_t)argc + 1, sizeof *townships);
    int nt = 0, rc;
    bool with_password = false;
    char password[PASSWORD_MAX];
    struct db_error err;
    long long id;

    if (townships == NULL) {
        fprintf(stderr, _("%s: out of memory\n"), PACKAGE_NAME);
        return EXIT_USAGE;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];

        if ((strcmp(a, "--name") == 0 || strcmp(a, "--role") == 0 ||
             strcmp(a, "--township") == 0) &&
            i + 1 >= argc) {
            free(townships);
            return user_usage_error(_("option '%s' needs an argument"), a);
        }
        if (strcmp(a, "--name") == 0) {
            if ((name = cli_text(argv[++i])) == NULL) {
                free(townships);
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--role") == 0)
            role = argv[++i];
        else if (strcmp(a, "--township") == 0) {
            if ((townships[nt++] = cli_text(argv[++i])) == NULL) {
                free(townships);
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--password") == 0)
            with_password = true;
        else if (is_option(a) || login != NULL) {
            free(townships);
            return user_usage_error(_("unexpected argument '%s'"), a);
        } else
            login = a;
    }
    if (login == NULL || name == NULL || role == NULL) {
        free(townships);
        return user_usage_error("%s",
                                _("request-create needs LOGIN, --name and "
                                  "--role"));
    }
    if (with_password &&
        read_new_password(login, password, sizeof password) != 0) {
        free(townships);
        return EXIT_USAGE;
    }
    if ((db = user_db()) == NULL) {
        memset(password, 0, sizeof password);
        free(townships);
        return EXIT_USAGE;
    }
    id = users_request_create(db, login, name, role, townships, nt,
                              with_password ? password : NULL, &err);
    memset(password, 0, sizeof password);
    free(townships);
    rc = requested("request-create", id, &err);
    return rc;
}

static int
act_request_password(int argc, char **argv)
{
    struct db *db;
    char password[PASSWORD_MAX];
    struct db_error err;
    long long id;

    if (argc != 2 || is_option(argv[1]))
        return user_usage_error("%s", _("request-password needs LOGIN"));
    if (read_new_password(argv[1], password, sizeof password) != 0)
        return EXIT_USAGE;
    if ((db = user_db()) == NULL) {
        memset(password, 0, sizeof password);
        return EXIT_USAGE;
    }
    id = users_request_password(db, argv[1], password, &err);
    memset(password, 0, sizeof password);
    return requested("request-password", id, &err);
}

static int
act_request_townships(int argc, char **argv)
{
    struct db *db;
    struct db_error err;

    if (argc < 3 || is_option(argv[1]))
        return user_usage_error(
            "%s", _("request-townships needs LOGIN and one or more townships"));
    if ((db = user_db()) == NULL)
        return EXIT_USAGE;
    return requested("request-townships",
                     users_request_townships(db, argv[1],
                                             (const char *const *)argv + 2,
                                             argc - 2, &err),
                     &err);
}

static int
act_request_enable(int argc, char **argv)
{
    struct db *db;
    struct db_error err;

    if (argc != 2 || is_option(argv[1]))
        return user_usage_error("%s", _("request-enable needs LOGIN"));
    if ((db = user_db()) == NULL)
        return EXIT_USAGE;
    return requested("request-enable", users_request_enable(db, argv[1], &err),
                     &err);
}

static int
act_pending(int argc, char **argv)
{
    struct db *db;
    struct user_request_list l;
    struct db_error err;

    (void)argv;
    if (argc != 1)
        return user_usage_error("%s", _("pending takes no arguments"));
    if ((db = user_db()) == NULL)
        return EXIT_USAGE;
    if (users_pending(db, &l, &err) != 0)
        return user_refused("pending", &err);
    for (int i = 0; i < l.n; i++) {
        const struct user_request *q = &l.items[i];

        printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", q->id, q->action,
               q->login, q->role, q->townships,
               q->with_password ? _("password") : "-", q->full_name,
               q->requested_by, q->requested_at);
    }
    if (l.n == 0)
        fprintf(stderr, "%s: %s\n", PACKAGE_NAME,
                _("no account request is waiting"));
    users_requests_free(&l);
    return EXIT_OK;
}

static int
act_approve(int argc, char **argv)
{
    struct db *db;
    struct db_error err;
    long long id;

    if (argc != 2 || (id = parse_id(argv[1])) < 0)
        return user_usage_error("%s", _("approve needs a request ID"));
    if ((db = user_db()) == NULL)
        return EXIT_USAGE;
    if (users_approve(db, id, &err) != 0)
        return user_refused("approve", &err);
    fprintf(stderr, _("%s: request %lld approved; it has taken effect\n"),
            PACKAGE_NAME, id);
    return EXIT_OK;
}

static int
act_refuse(int argc, char **argv)
{
    struct db *db;
    struct db_error err;
    const char *reason = NULL;
    long long id = -1;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--reason") == 0 && i + 1 < argc) {
            if ((reason = cli_text(argv[++i])) == NULL)
                return EXIT_USAGE;
        } else if (id < 0 && !is_option(argv[i]))
            id = parse_id(argv[i]);
        else
            return user_usage_error(_("unexpected argument '%s'"), argv[i]);
    }
    if (id < 0 || reason == NULL)
        return user_usage_error("%s",
                                _("refuse needs a request ID and --reason"));
    if ((db = user_db()) == NULL)
        return EXIT_USAGE;
    if (users_refuse(db, id, reason, &err) != 0)
        return user_refused("refuse", &err);
    fprintf(stderr, _("%s: request %lld refused\n"), PACKAGE_NAME, id);
    return EXIT_OK;
}

static int
act_disable(int argc, char **argv)
{
    struct db *db;
    struct db_error err;
    int ended;

    if (argc != 2 || is_option(argv[1]))
        return user_usage_error("%s", _("disable needs LOGIN"));
    if ((db = user_db()) == NULL)
        return EXIT_USAGE;
    if (users_disable(db, argv[1], &ended, &err) != 0)
        return user_refused("disable", &err);
    fprintf(stderr, _("%s: %s is disabled\n"), PACKAGE_NAME, argv[1]);
    if (ended > 0)
        fprintf(stderr, _("%s: open sessions of %s ended: %d\n"), PACKAGE_NAME,
                argv[1], ended);
    return EXIT_OK;
}

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} user_actions[] = {
    {"request-create", act_request_create},
    {"request-password", act_request_password},
    {"request-townships", act_request_townships},
    {"request-enable", act_request_enable},
    {"pending", act_pending},
    {"approve", act_approve},
    {"refuse", act_refuse},
    {"disable", act_disable},
};

int
cmd_user(int argc, char **argv)
{
    int rc;

    if (argc < 2) {
        user_usage(stderr);
        return EXIT_USAGE;
    }
    if (is_help_option(argv[1])) {
        user_usage(stdout);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof user_actions / sizeof user_actions[0]; i++) {
        if (strcmp(argv[1], user_actions[i].name) != 0)
            continue;
        for (int j = 2; j < argc; j++)
            if (is_help_option(argv[j])) {
                user_usage(stdout);
                return EXIT_OK;
            }
        rc = user_actions[i].run(argc - 1, argv + 1);
        db_close(the_db);
        the_db = NULL;
        return rc;
    }
    return user_usage_error(_("unknown action '%s'"), argv[1]);
}
