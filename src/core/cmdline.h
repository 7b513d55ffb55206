/*
 * cmdline.h
 *   What the entry point (main.c), the subcommands (src/cli) and the
 *   interactive client (src/app) share about the command line: the exit
 *   statuses, the global options given before the command, and how an
 *   argument is recognised as an option.
 */
#ifndef EDUAID_CORE_CMDLINE_H
#define EDUAID_CORE_CMDLINE_H

#include <stdbool.h>

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
    const char *headless;    /* --headless=COLSxROWS: the client drawn into
                                nothing (ui/headless.h) */
    const char *keys;        /* --keys=FILE: the keys it replays */
};

/* "-h" or "--help"; anything that looks like an option ("-x", "--xyz"). */
bool is_help_option(const char *arg);
bool is_option(const char *arg);

#endif /* EDUAID_CORE_CMDLINE_H */
