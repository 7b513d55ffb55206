/*
 * main.h
 *   What eduaid's entry point shares with its subcommands and the
 *   interactive client: exit statuses, the global options, the commands.
 */
#ifndef EDUAID_MAIN_H
#define EDUAID_MAIN_H

/* Exit statuses shared by all subcommands. */
enum {
    EXIT_OK = 0,      /* done, and everything checked was fine */
    EXIT_INVALID = 1, /* done, and something checked was not */
    EXIT_USAGE = 2    /* bad command line, or an I/O error */
};

/* Options that come before the command (or start the client). */
struct options {
    const char *config_file; /* -c FILE */
    const char *conninfo;    /* -d CONNINFO, overrides the configuration */
    const char *user;        /* -U USER */
};

#include <stdbool.h>

/* "-h" or "--help"; anything that looks like an option ("-x", "--xyz"). */
bool is_help_option(const char *arg);
bool is_option(const char *arg);

/* Subcommands: argv[0] is the command's name; return the exit status. */
int cmd_check_id(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_notice(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_reconcile(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_user(int argc, char **argv);

/* The global options given before the command (for subcommands that
 * connect: cmd_connect.c). */
const struct options *main_options(void);

/* Whether the UI speaks Chinese: ui.language "zh_CN", "en", or "auto"
 * (LC_MESSAGES); sets LANGUAGE for gettext accordingly (client.c). */
bool speak_chinese(const char *language);

/* The interactive terminal client. */
int client_main(const struct options *opts);

#endif /* EDUAID_MAIN_H */
