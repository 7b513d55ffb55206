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

#endif /* EDUAID_CMD_CONNECT_H */
