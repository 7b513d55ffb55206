/*
 * users.h
 *   Accounts under four-eyes (sql/018_accounts.sql): an admin requests a
 *   new account, a password, townships or re-enabling; a county supervisor
 *   approves or refuses the request with a reason; disabling is
 *   immediate. A password travels to the server only as the SCRAM-SHA-256
 *   verifier this module computes in the client (db_encrypt_password).
 *   `eduaid user` uses it.
 *
 *   Townships are given as 9-digit codes or names of the caller's county.
 *   Every function returns 0 (or a request id > 0) on success and -1 with
 *   err filled in on failure; err->sqlstate says what the server refused
 *   (EA060..EA066, EA004, EA005, EA011, 42501).
 */
#ifndef EDUAID_DB_USERS_H
#define EDUAID_DB_USERS_H

#include <stdbool.h>

#include "db/db.h"

/* A pending account request, as eduaid.account_request holds it. */
struct user_request {
    long long id;
    char *action;       /* create, password, townships, enable */
    char *login;        /* the account it is about */
    char *full_name;    /* create: the name; else "" */
    char *role;         /* the account's role */
    char *townships;    /* "420325100,420325101" or "" */
    bool with_password; /* a verifier waits with it */
    char *requested_by;
    char *requested_at; /* YYYY-MM-DD HH:MM */
};

struct user_request_list {
    struct user_request *items;
    int n;
    void *res_; /* owns the strings */
};

/* The requests the caller may see that wait for a decision, oldest first.
 * Free with users_requests_free. */
int users_pending(struct db *db, struct user_request_list *out,
                  struct db_error *err);
void users_requests_free(struct user_request_list *l);

/* Requests (admins): each returns the new request's id, or -1. townships
 * are codes or names (ntownships of them); password NULL for none. The
 * plaintext password is only used here, to compute the verifier. */
long long users_request_create(struct db *db, const char *login,
                               const char *full_name, const char *role,
                               const char *const *townships, int ntownships,
                               const char *password, struct db_error *err);
long long users_request_password(struct db *db, const char *login,
                                 const char *password, struct db_error *err);
long long users_request_townships(struct db *db, const char *login,
                                  const char *const *townships, int ntownships,
                                  struct db_error *err);
long long users_request_enable(struct db *db, const char *login,
                               struct db_error *err);

/* Decisions (supervisors of the request's county, never its requester or
 * subject); refusing needs a reason. */
int users_approve(struct db *db, long long id, struct db_error *err);
int users_refuse(struct db *db, long long id, const char *reason,
                 struct db_error *err);

/* Disabling (admins): at once, no second person needed; then the
 * account's open sessions are ended (eduaid.end_sessions), *ended says
 * how many. -1 with err when either is refused. */
int users_disable(struct db *db, const char *login, int *ended,
                  struct db_error *err);

#endif /* EDUAID_DB_USERS_H */
