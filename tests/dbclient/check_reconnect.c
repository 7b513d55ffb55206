/*
 * check_reconnect.c
 *   Check tests of src/db/db.c surviving a lost connection (issue 12)
 *   against a live eduaid database with the demo data loaded, named by
 *   the libpq environment. A restart of the server is stood in for by
 *   pg_terminate_backend from a second session of the same login (a
 *   login may end its own backends): the next statement finds the
 *   connection gone. A read outside a transaction is answered after one
 *   reconnect, on a new backend, with the session set up again (who we
 *   are, our role); the event callback hears the attempt once. A write
 *   (outside a transaction) and any statement inside the caller's
 *   transaction are reported (DB_CONNECTION_LOST, reconnected) and not
 *   repeated; the caller's later statements fail alike until it rolls
 *   back, then the connection serves again; BEGIN after the loss is
 *   repeated (nothing was done yet). The tests change nothing in the
 *   database: the write is an UPDATE of no row (WHERE false), which the
 *   server still counts as a write (refused in a READ ONLY transaction).
 *
 *   Issue 13: a login the server refuses -- a NOLOGIN role (a disabled
 *   account), a role that does not exist -- is DB_LOGIN_REFUSED, at
 *   db_connect and on reconnecting (then DB_EV_REFUSED, no more tries,
 *   every later statement refused at once); db_poll finds an idle
 *   session ended and refused by itself. The refused login is a
 *   throwaway role the superuser ($EDUAID_SUPERUSER) creates and drops.
 *
 *   Change channels (issue 17's lead, db/notify.c): a notification that
 *   came while a statement ran is read off the socket with the answer
 *   and waits in libpq; notify_fd says so (NOTIFY_READY) rather than
 *   give a socket that will never wake the idle client for it (the live
 *   queue kept an old count after a server restart: 79_live_queue.t).
 *
 *   Run by tests/db/46_reconnect.t (TAP: CK_TAP_LOG_FILE_NAME=-).
 */
#include "config.h"

#include <check.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"
#include "db/notify.h"

#define CONNECT_TIMEOUT 10
#define WRITE "UPDATE eduaid.household SET notes = notes WHERE false"

static struct db *db, *killer;
static struct db_error err;
static int events[4]; /* per enum db_event */

static void
count_event(void *arg, enum db_event ev)
{
    (void)arg;
    events[ev]++;
}

static struct db *
connect_as(const char *user)
{
    struct db_error e;
    struct db *d = db_connect(NULL, user, NULL, CONNECT_TIMEOUT, &e);

    ck_assert_msg(d != NULL, "connect as %s: %s", user, e.message);
    return d;
}

static void
setup(void)
{
    db = connect_as("demo_clerk");
    killer = connect_as("demo_clerk");
    memset(events, 0, sizeof events);
    db_set_event(db, count_event, NULL);
}

static void
teardown(void)
{
    db_close(db);
    db_close(killer);
}

/* db's backend process id, read through db (one statement). */
static long
backend_pid(struct db_error *e)
{
    struct dbres *r = db_exec(db, "SELECT pg_backend_pid() AS pid", 0, NULL, e);
    long pid;

    if (r == NULL)
        return -1;
    pid = atol(dbres_field(r, 0, "pid"));
    dbres_free(r);
    return pid;
}

/* End db's backend from the second session, as a restart would, and wait
 * until the server has let it go. */
static long
kill_backend(void)
{
    char pidtext[32];
    const char *params[1] = {pidtext};
    long pid = backend_pid(&err);
    struct dbres *r;

    ck_assert_msg(pid > 0, "pg_backend_pid: %s", err.message);
    snprintf(pidtext, sizeof pidtext, "%ld", pid);
    r = db_exec(killer, "SELECT pg_terminate_backend($1::int, 5000) AS ended",
                1, params, &err);
    ck_assert_msg(r != NULL, "pg_terminate_backend: %s", err.message);
    ck_assert_str_eq(dbres_field(r, 0, "ended"), "t");
    dbres_free(r);
    return pid;
}

START_TEST(read_repeated_after_reconnect)
{
    long old = kill_backend();
    long now = backend_pid(&err);

    ck_assert_msg(now > 0, "read after the restart: %d %s", err.status,
                  err.message);
    ck_assert_int_ne(now, old);
    ck_assert_int_eq(events[DB_EV_RECONNECTING], 1);
    ck_assert_int_eq(events[DB_EV_RECONNECTED], 1);
    ck_assert_int_eq(events[DB_EV_LOST], 0);
    /* the session is set up again as db_connect set it up */
    ck_assert_str_eq(db_user(db), "demo_clerk");
    ck_assert_str_eq(db_role(db), "clerk");
    ck_assert(db_connected(db));
    /* and the next read needs no reconnect */
    ck_assert_int_eq(backend_pid(&err), now);
    ck_assert_int_eq(events[DB_EV_RECONNECTING], 1);
}
END_TEST

START_TEST(write_in_transaction_not_repeated)
{
    long old, now;

    ck_assert_int_eq(db_begin(db, &err), 0);
    ck_assert_int_eq(db_command(db, WRITE, 0, NULL, &err), 0);
    old = kill_backend(); /* a read inside the transaction: not the test */
    ck_assert_int_eq(db_command(db, WRITE, 0, NULL, &err), -1);
    ck_assert_int_eq(err.status, DB_CONNECTION_LOST);
    ck_assert(err.reconnected);
    ck_assert_int_eq(events[DB_EV_RECONNECTED], 1);
    /* the transaction is gone: its later statements are refused, not run
     * in autocommit on the new connection */
    ck_assert_int_eq(db_command(db, "SELECT 1", 0, NULL, &err), -1);
    ck_assert(err.reconnected);
    ck_assert_int_eq(db_commit(db, &err), -1);
    /* after the caller ends it, the new connection serves */
    now = backend_pid(&err);
    ck_assert_msg(now > 0, "read after the lost transaction: %s", err.message);
    ck_assert_int_ne(now, old);
    ck_assert_int_eq(events[DB_EV_RECONNECTING], 1);
}
END_TEST

START_TEST(write_outside_transaction_not_repeated)
{
    char pidtext[32];
    const char *params[1] = {pidtext};
    struct dbres *r;
    long pid;

    kill_backend();
    ck_assert_int_eq(db_command(db, WRITE, 0, NULL, &err), -1);
    ck_assert_int_eq(err.status, DB_CONNECTION_LOST);
    ck_assert(err.reconnected);
    /* the read-only attempt left no transaction open */
    pid = backend_pid(&err);
    ck_assert_msg(pid > 0, "read: %s", err.message);
    snprintf(pidtext, sizeof pidtext, "%ld", pid);
    r = db_exec(killer,
                "SELECT state FROM pg_stat_activity WHERE pid = $1::int", 1,
                params, &err);
    ck_assert_msg(r != NULL && r->nrows == 1, "pg_stat_activity: %s",
                  err.message);
    ck_assert_str_eq(dbres_field(r, 0, "state"), "idle");
    dbres_free(r);
    ck_assert_int_eq(db_command(db, WRITE, 0, NULL, &err), 0);
    ck_assert_int_eq(events[DB_EV_RECONNECTING], 1);
}
END_TEST

START_TEST(begin_repeated_after_reconnect)
{
    kill_backend();
    ck_assert_msg(db_begin(db, &err) == 0, "BEGIN after the restart: %s",
                  err.message);
    ck_assert_int_eq(db_command(db, WRITE, 0, NULL, &err), 0);
    ck_assert_int_eq(db_commit(db, &err), 0);
    ck_assert_int_eq(events[DB_EV_RECONNECTED], 1);
}
END_TEST

/* ---- issue 13: refused logins ------------------------------------------ */

static struct db *su;
static char victim[64];

static void
su_command(const char *sql)
{
    ck_assert_msg(db_command(su, sql, 0, NULL, &err) == 0, "%s: %s", sql,
                  err.message);
}

/* A throwaway LOGIN role, db connected as it, events counted: a member of
 * eduaid_clerk, since only the groups of eduaid logins may connect. */
static void
setup_victim(void)
{
    const char *name = getenv("EDUAID_SUPERUSER");
    char sql[160];

    su = connect_as(name != NULL && *name ? name : "postgres");
    snprintf(victim, sizeof victim, "ck_refused_%ld", (long)getpid());
    snprintf(sql, sizeof sql, "CREATE ROLE %s LOGIN IN ROLE eduaid_clerk",
             victim);
    su_command(sql);
    db = connect_as(victim);
    memset(events, 0, sizeof events);
    db_set_event(db, count_event, NULL);
}

static void
teardown_victim(void)
{
    char sql[160];

    db_close(db);
    snprintf(sql, sizeof sql, "DROP ROLE IF EXISTS %s", victim);
    su_command(sql);
    db_close(su);
}

/* Disable the victim (NOLOGIN) and end its sessions, as an admin does. */
static void
disable_victim(void)
{
    char sql[200];

    snprintf(sql, sizeof sql, "ALTER ROLE %s NOLOGIN", victim);
    su_command(sql);
    snprintf(sql, sizeof sql,
             "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
             "WHERE usename = '%s'",
             victim);
    su_command(sql);
}

START_TEST(connect_refused)
{
    struct db_error e;

    /* eduaid_usermgr: a NOLOGIN role, like a disabled account */
    ck_assert_ptr_null(db_connect(NULL, "eduaid_usermgr", NULL, 10, &e));
    ck_assert_int_eq(e.status, DB_LOGIN_REFUSED);
    ck_assert_ptr_null(db_connect(NULL, "ck_no_such_role", NULL, 10, &e));
    ck_assert_int_eq(e.status, DB_LOGIN_REFUSED);
}
END_TEST

START_TEST(refused_on_reconnect)
{
    disable_victim();
    ck_assert_int_eq(db_command(db, "SELECT 1", 0, NULL, &err), -1);
    ck_assert_int_eq(err.status, DB_LOGIN_REFUSED);
    ck_assert_int_eq(events[DB_EV_REFUSED], 1);
    ck_assert_int_eq(events[DB_EV_LOST], 0);
    /* no further try: refused at once, no new event */
    ck_assert_int_eq(db_command(db, "SELECT 1", 0, NULL, &err), -1);
    ck_assert_int_eq(err.status, DB_LOGIN_REFUSED);
    ck_assert_int_eq(events[DB_EV_RECONNECTING], 1);
    ck_assert_int_eq(events[DB_EV_REFUSED], 1);
}
END_TEST

START_TEST(poll_finds_refused)
{
    disable_victim();
    for (int i = 0; i < 100 && events[DB_EV_REFUSED] == 0; i++) {
        struct timespec ts = {0, 20 * 1000000L};

        db_poll(db);
        nanosleep(&ts, NULL);
    }
    ck_assert_int_eq(events[DB_EV_REFUSED], 1);
    ck_assert_int_eq(db_command(db, "SELECT 1", 0, NULL, &err), -1);
    ck_assert_int_eq(err.status, DB_LOGIN_REFUSED);
}
END_TEST

START_TEST(poll_leaves_a_live_session)
{
    for (int i = 0; i < 5; i++)
        db_poll(db);
    ck_assert(db_connected(db));
    ck_assert_int_eq(db_command(db, "SELECT 1", 0, NULL, &err), 0);
    ck_assert_int_eq(events[DB_EV_RECONNECTING], 0);
    ck_assert_int_eq(events[DB_EV_REFUSED], 0);
}
END_TEST

START_TEST(notification_read_with_an_answer)
{
    unsigned long gen = notify_generation();
    struct pollfd p = {.events = POLLIN};

    ck_assert_msg(notify_listen(db, &err) == 0, "listen: %s", err.message);
    ck_assert_msg(
        db_command(killer,
                   "SELECT pg_notify(c, '') FROM eduaid.my_channels() c", 0,
                   NULL, &err) == 0,
        "notify: %s", err.message);
    usleep(300000); /* on db's socket by now */
    /* a statement of db's: its answer and the notification read together */
    ck_assert_int_eq(db_command(db, "SELECT 1", 0, NULL, &err), 0);
    p.fd = notify_fd(db);
    ck_assert_msg(p.fd == NOTIFY_READY || (p.fd >= 0 && poll(&p, 1, 0) == 1),
                  "a notification read with an answer wakes nobody");
    ck_assert_int_eq(notify_poll(db, 1000), NOTIFY_COALESCE_MS);
    notify_poll(db, 1000 + NOTIFY_COALESCE_MS);
    ck_assert_msg(notify_generation() > gen, "the change is not announced");
}
END_TEST

static Suite *
suite(void)
{
    Suite *s = suite_create("reconnect");
    TCase *tc = tcase_create("reconnect");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, read_repeated_after_reconnect);
    tcase_add_test(tc, write_in_transaction_not_repeated);
    tcase_add_test(tc, write_outside_transaction_not_repeated);
    tcase_add_test(tc, begin_repeated_after_reconnect);
    tcase_add_test(tc, notification_read_with_an_answer);
    suite_add_tcase(s, tc);
    tc = tcase_create("refused");
    tcase_add_checked_fixture(tc, setup_victim, teardown_victim);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, connect_refused);
    tcase_add_test(tc, refused_on_reconnect);
    tcase_add_test(tc, poll_finds_refused);
    tcase_add_test(tc, poll_leaves_a_live_session);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
