/*
 * cmd_connect.h
 *   The database connection of a subcommand (see cmd_connect.c).
 */
#ifndef EDUAID_CMD_CONNECT_H
#define EDUAID_CMD_CONNECT_H

#include "db/db.h"

/* Connect as the client would; NULL after a message on stderr naming cmd.
 * Free with db_close(). */
struct db *cmd_connect(const char *cmd);

/* For reports only (never for anything that writes, exports included):
 * reports.conninfo's standby when set and reachable, else as cmd_connect,
 * after a note on stderr that the reports server cannot be reached. */
struct db *cmd_connect_reports(const char *cmd);

/*
 * cli_refused
 *
 * Say on stderr what the server (or a db module) refused, for the
 * subcommand what ("export", "user approve"): in the user's language from
 * eduaid.message when it has words for it (read from db, which may be
 * NULL), then the server's own message for the record, then its hint.
 * Returns the exit status to use: EXIT_INVALID for a refusal, EXIT_USAGE
 * for no connection or no memory.
 */
int cli_refused(struct db *db, const char *what, const struct db_error *err);

#endif /* EDUAID_CMD_CONNECT_H */
