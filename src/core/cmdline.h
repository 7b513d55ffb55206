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
    const char *conninfo;    /* -d DBNAME or CONNINFO (psql's -d): a
                                connection string or URI replaces the
                                configuration's, a plain name is its dbname */
    const char *host;        /* -h HOST, over the configuration's */
    const char *port;        /* -p PORT, over the configuration's */
    const char *user;        /* -U USER */
    const char *headless;    /* --headless=COLSxROWS: the client drawn into
                                nothing (ui/headless.h) */
    const char *keys;        /* --keys=FILE: the keys it replays */
};

/* "-?" or "--help" (psql's letters: -h is the host); anything that looks
 * like an option ("-x", "--xyz"). */
bool is_help_option(const char *arg);
bool is_option(const char *arg);

/*
 * options_conninfo
 *
 * The connection string the client and the subcommands use: base (the
 * configuration's database.conninfo) with the command line's -d, -h and
 * -p over it, as psql reads them. A -d that is a connection string or URI
 * (it holds '=' or starts with postgresql:// or postgres://) replaces
 * base; a plain -d is the database name. -h and -p then override the
 * host and port: appended as keywords to a key=value string, or as query
 * parameters to a URI (libpq keeps the last value of a keyword). Returns a
 * malloc'd string (free it), or NULL when out of memory.
 */
char *options_conninfo(const struct options *opts, const char *base);

#endif /* EDUAID_CORE_CMDLINE_H */
