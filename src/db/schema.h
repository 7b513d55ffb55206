/* src/db/schema.h: the level of the eduaid schema this client was built
 * for, and the check that the server's schema is at exactly that level.
 *
 * The level is the number of the newest migration in sql/
 * (tests/db/22_schema_level.t keeps the two equal); the server says its
 * own through eduaid.schema_level() (sql/022_schema_level.sql).
 */
#ifndef EDUAID_DB_SCHEMA_H
#define EDUAID_DB_SCHEMA_H

#include <stddef.h>

#include "db/db.h"

#define EDUAID_SCHEMA_LEVEL 63

/* 0 when the server's schema is at EDUAID_SCHEMA_LEVEL. Otherwise -1 and
 * msg holds one line for the person, in their language: the server's
 * level, this client's, and who can bring the two together; err says
 * what the server answered when it could not be asked. */
int schema_check(struct db *db, char *msg, size_t msgsz, struct db_error *err);

#endif
