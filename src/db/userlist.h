/*
 * userlist.h
 *   The admin's list of the accounts of their county (screens/users.c):
 *   one row per account with its role, whether it is active, its
 *   townships and whether a request about it waits for a supervisor. The
 *   changes go through db/users.h (requests under four-eyes; disabling
 *   at once).
 */
#ifndef EDUAID_DB_USERLIST_H
#define EDUAID_DB_USERLIST_H

#include "db/db.h"

/* The accounts whose login or name starts with search (NULL: all), by
 * login. Columns: login, full_name, role, active ('t'/'f'), townships
 * (names joined by 、), township_codes ("420325100 420325101"), pending
 * (the action of a request that waits, or ""). */
struct dbres *userlist_rows(struct db *db, const char *search,
                            struct db_error *err);

#endif /* EDUAID_DB_USERLIST_H */
