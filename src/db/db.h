/*
 * db.h
 *   The one door to PostgreSQL. Only db.c includes libpq-fe.h; everything
 *   else sees a struct db, results as struct dbres (rows of UTF-8 strings,
 *   owned by the caller, freed with dbres_free) and failures as a struct
 *   db_error that keeps what the server said: SQLSTATE, message, detail,
 *   hint, constraint, table, column.
 *
 *   Connecting uses keyword arrays: the conninfo string (or libpq's
 *   environment), fallback_application_name=eduaid, client_encoding=UTF8
 *   (the client speaks UTF-8 inside whatever the terminal is),
 *   connect_timeout. Values travel only as parameters (PQexecParams, text
 *   format); identifiers are quoted by db_quote_ident. Server notices go
 *   to a callback, never to stderr (curses owns the terminal). Connecting
 *   sets the process's TZ to the server's TimeZone: the county's day is
 *   the server's (date_today_yyyymmdd() then agrees with current_date).
 */
#ifndef EDUAID_DB_DB_H
#define EDUAID_DB_DB_H

#include <stdbool.h>
#include <stddef.h>

struct db;

enum db_status {
    DB_OK = 0,
    DB_NEEDS_PASSWORD,  /* the server asked for a password and none was given */
    DB_AUTH_FAILED,     /* a password was given and refused */
    DB_UNREACHABLE,     /* no server answered */
    DB_ERROR,           /* the server refused the statement (see db_error) */
    DB_CONNECTION_LOST, /* the connection broke; maybe reconnect */
    DB_NO_MEMORY,
    /* the server refused this login: the role may not log in (disabled),
     * does not exist, or its authentication failed */
    DB_LOGIN_REFUSED
};

struct db_error {
    enum db_status status;
    char sqlstate[6];
    char message[512];
    char detail[512];
    char hint[256];
    char constraint[64];
    char table[64];
    char column[64];
    /* A refused COPY: the data row (1-based, as the server counts them)
     * and the column named in the error's context, else 0 and "". */
    long copy_row;
    char copy_column[64];
    /* DB_CONNECTION_LOST only: the connection came back, but the
     * statement was not repeated (it wrote, or the caller's transaction
     * died with the connection): say so, and let the user save again. */
    bool reconnected;
};

/* Rows of a result: values[row * ncols + col], NULL for SQL NULL. */
struct dbres {
    int nrows, ncols;
    char **names; /* column names */
    char **values;
    long long affected; /* rows changed by INSERT/UPDATE/DELETE */
};

/* Called with each NOTICE/WARNING the server sends (UTF-8, one line). */
typedef void (*db_notice_fn)(void *arg, const char *message);

/*
 * db_connect
 *
 * Connect with conninfo (NULL or "": libpq's environment and defaults),
 * user (NULL: libpq's default) and password (NULL: .pgpass/PGPASSWORD/none).
 * On success return a new struct db (free with db_close) and set err->status
 * to DB_OK; on failure return NULL with err filled in (status says whether
 * to ask for a password, report a wrong one, or report the server down).
 */
struct db *db_connect(const char *conninfo, const char *user,
                      const char *password, int connect_timeout,
                      struct db_error *err);
/* A second connection, to conninfo (a standby for reports), as the user
 * of like with the password like logged in with (if any); as db_connect. */
struct db *db_connect_like(const struct db *like, const char *conninfo,
                           int connect_timeout, struct db_error *err);
void db_close(struct db *db);

/*
 * application_name, so that pg_stat_activity (and the server's log with
 * %a) tells which screen or command a session is in: "eduaid/export".
 * db_default_application_name sets it for the connections made after it
 * (a connection parameter: no round trip; a conninfo's own
 * application_name wins). db_set_application_name changes it on a live
 * session by set_config, only when name differs from the last one set --
 * the client calls it when the screen changes, never inside the caller's
 * transaction -- and again after a reconnect. It sends set_config
 * without waiting for the answer (db_poll or the next statement reads
 * it): no round trip anyone waits for. Returns 0, or -1 when it could not
 * be sent.
 */
void db_default_application_name(const char *name);
int db_set_application_name(struct db *db, const char *name);
void db_set_notice(struct db *db, db_notice_fn fn, void *arg);

/* Who we are: session_user, and eduaid.my_role() ("" when none). */
const char *db_user(const struct db *db);
const char *db_role(const struct db *db);

/*
 * db_exec
 *
 * Run sql with nparams text parameters (NULL entries are SQL NULL). On
 * success return a new dbres (possibly 0 rows) and leave err->status
 * DB_OK; on failure return NULL with err filled in. Never leaves a
 * transaction open on failure unless the caller began one.
 */
struct dbres *db_exec(struct db *db, const char *sql, int nparams,
                      const char *const *params, struct db_error *err);
/*
 * db_prefetch_begin, db_prefetch_send
 *
 * What a start-up (or a screen) reads, in one round trip, by the code that
 * reads it. After db_prefetch_begin, statements are not sent but kept
 * (SELECTs only; duplicates once) and each is answered with an empty
 * result (no rows, no columns): call there only functions that read
 * (eduaid's workflow steps are SELECTs too) and whose outcome is thrown
 * away, to learn their statements.
 * db_prefetch_send sends them all in one pipeline (libpq pipeline mode,
 * each statement followed by its own sync, so a refused one refuses no
 * other: one round trip) and keeps the answers. Then db_exec and
 * db_command of a statement that was kept (the same SQL and parameters)
 * are answered from them, as often as they are asked, without a round
 * trip; the first statement that was not kept drops them all, and they
 * serve at most 10 s after the pipeline, so nothing read from them is
 * older than the steps of one start-up. A statement the server refused in
 * the pipeline is sent again by its caller (and refused again, in the
 * caller's own words). db_prefetch_send returns 0, or -1 with err filled in
 * when the pipeline failed: then every statement goes on its own as
 * usual. Not inside the caller's transaction (then it sends nothing).
 */
void db_prefetch_begin(struct db *db);
int db_prefetch_send(struct db *db, struct db_error *err);

/*
 * db_pipeline
 *
 * A write, or reads, in one round trip: the n statements of stmts sent in
 * one libpq pipeline with one sync after the last. The server runs them
 * one after another and, at the first it refuses, skips the rest. Begun
 * with BEGIN (or inside the caller's transaction) they are the caller's
 * transaction, open after the pipeline whatever happened in it: the
 * caller ends it (db_commit, or db_rollback after a refusal or when the
 * rows say no) -- so the caller sees every answer before anything is
 * committed. Without BEGIN the sync commits them all, or none when one is
 * refused. out[i] gets statement i's rows (new, dbres_free), NULL for the
 * statements that did not run. Returns how many succeeded, in order: n
 * when all did, k < n with err the refusal of statement k; or -1 with err
 * (no memory, the connection). A connection lost under the pipeline is
 * restored (db_exec's rules): a pipeline of reads (read_only, outside the
 * caller's transaction) is sent again, any other is not
 * (DB_CONNECTION_LOST with err->reconnected).
 */
struct db_stmt {
    const char *sql;
    int nparams;
    const char *const *params; /* NULL entries are SQL NULL */
};
long db_pipeline(struct db *db, const struct db_stmt *stmts, size_t n,
                 bool read_only, struct dbres **out, struct db_error *err);

/* Like db_exec, discarding the rows; returns 0 or -1. */
int db_command(struct db *db, const char *sql, int nparams,
               const char *const *params, struct db_error *err);

/* BEGIN / COMMIT / ROLLBACK; 0 or -1. Rollback never fails loudly. */
int db_begin(struct db *db, struct db_error *err);
int db_commit(struct db *db, struct db_error *err);
/* BEGIN ISOLATION LEVEL REPEATABLE READ: one snapshot for several reads,
 * in one round trip (not BEGIN, then SET TRANSACTION); 0 or -1. */
int db_begin_snapshot(struct db *db, struct db_error *err);
void db_rollback(struct db *db);

/*
 * Surviving a restart of the server. Every statement (db_exec,
 * db_command, db_begin, db_commit) that finds the connection gone
 * reconnects by itself: a few tries with a short backoff, bounded to a
 * few seconds, then the session's state is set up again as db_connect set
 * it. A statement outside the caller's transaction that only reads is
 * then repeated (the server tells: it is repeated in a READ ONLY
 * transaction), and so is BEGIN; a write, and any statement inside the
 * caller's transaction, is not: err is DB_CONNECTION_LOST with
 * err->reconnected, and the caller's later statements fail alike until
 * it ends the transaction (db_rollback). When the server cannot be
 * reached err is DB_CONNECTION_LOST and the next statement tries again.
 *
 * The event callback hears each attempt: DB_EV_RECONNECTING before the
 * first try (the screen may say so at once), then DB_EV_RECONNECTED or
 * DB_EV_LOST.
 */
enum db_event {
    DB_EV_RECONNECTING,
    DB_EV_RECONNECTED,
    DB_EV_LOST,
    /* the server answered but refused the login (DB_LOGIN_REFUSED or
     * DB_AUTH_FAILED: the account was disabled, dropped or its password
     * changed): no further try, every later statement fails at once */
    DB_EV_REFUSED
};
typedef void (*db_event_fn)(void *arg, enum db_event ev);
void db_set_event(struct db *db, db_event_fn fn, void *arg);

/* Reconnect now (as above, also on a live connection); 0 or -1. */
int db_reconnect(struct db *db, struct db_error *err);
/* One try, no pause, for an idle client (db/notify.c): the event callback
 * hears DB_EV_RECONNECTED, or DB_EV_REFUSED, and nothing when the server
 * is still away; 0 or -1. */
int db_reconnect_once(struct db *db);
/* The connection is up as far as libpq knows (no round trip). */
bool db_connected(const struct db *db);

/*
 * db_poll
 *
 * For an idle client, a few times a second: read what the server sent
 * without a statement (no round trip, never blocks). When the server
 * ended the session by an administrator's command (57P01: an admin
 * ending a disabled account's sessions, or a shutdown), one fresh login
 * with the same parameters tells whether this login is now refused: then
 * the event callback hears DB_EV_REFUSED at once. Otherwise the lost
 * connection is left to the next statement, which restores it as usual.
 */
void db_poll(struct db *db);

/*
 * Waiting for the server without a statement (LISTEN/NOTIFY: db/notify.h).
 * db_socket: the connection's socket, for poll() (readable: the server
 * sent something), or -1 while it is down. db_notifications: what
 * db_poll does, then the notifications that came since the last call
 * (read now or with an earlier result), dropped: how many were sent by
 * other sessions (this session's own are not counted). Neither blocks
 * nor makes a round trip.
 *
 * db_set_session_sql runs sql now (one round trip) and again on every
 * reconnect, after the identity and the application_name (a new session
 * has lost what the old one set up: its LISTENs). At most 127 bytes, no
 * parameters; 0 or -1 with err filled in (then it is not kept).
 */
int db_socket(const struct db *db);
int db_notifications(struct db *db);
int db_set_session_sql(struct db *db, const char *sql, struct db_error *err);

/*
 * db_encrypt_password
 *
 * The SCRAM-SHA-256 verifier of password for role user, computed here in
 * the client with libpq's PQencryptPasswordConn (a fresh random salt, the
 * server's iteration count), so that only the verifier ever travels to the
 * server. Returns a new malloc'd string (the caller wipes and frees it), or
 * NULL with err filled in.
 */
char *db_encrypt_password(struct db *db, const char *password, const char *user,
                          struct db_error *err);

/* s with LIKE's \ % _ escaped and % appended (a prefix pattern for a
 * LIKE parameter, whose escape character is \ by default) into out; NULL
 * when s is NULL or empty or does not fit in outsz bytes. */
const char *db_like_prefix(const char *s, char *out, size_t outsz);

/* A new malloc'd quoted identifier ("eduaid"."x" quoting rules), or NULL. */
char *db_quote_ident(struct db *db, const char *ident);

/*
 * COPY ... FROM STDIN, inside the caller's transaction.
 *
 * db_copy_begin starts COPY schema.table (columns...) in text format and
 * returns a new struct db_copy, or NULL with err filled in. db_copy_row
 * sends one row of ncols values (UTF-8; NULL entries are SQL NULL), doing
 * the text format's escaping itself (backslash, tab, line breaks); rows are
 * buffered and sent in chunks. db_copy_end sends the end of the data and
 * reads the server's verdict, frees c and returns the number of rows
 * copied, or -1 with err filled in (err->copy_row and copy_column say
 * where the server refused). db_copy_abort ends the COPY as failed (the
 * server rolls back the statement) and frees c. Every libpq call is
 * checked; a failure of one makes every later call fail.
 */
struct db_copy;
struct db_copy *db_copy_begin(struct db *db, const char *schema,
                              const char *table, const char *const *columns,
                              int ncols, struct db_error *err);
int db_copy_row(struct db_copy *c, const char *const *values,
                struct db_error *err);
long long db_copy_end(struct db_copy *c, struct db_error *err);
void db_copy_abort(struct db_copy *c, const char *why);

/*
 * db_roundtrips
 *
 * How many times this process has waited for the server's answer: each
 * statement (db_exec, db_command, BEGIN, COMMIT, a ROLLBACK), each
 * pipeline (db_exec_many: every statement sent before the first answer
 * is read) and each COPY's start and end count one; connecting and
 * reconnecting (TLS, SCRAM) do not, nor a statement sent without waiting
 * (db_set_application_name). With EDUAID_TRACE_ROUNDTRIPS=FILE in the
 * environment each one also appends a line "rt FIRST WORDS" to FILE as it
 * happens (a statement sent without waiting: "async FIRST WORDS"), for
 * the tests and docs/design/roundtrips.md.
 */
unsigned long db_roundtrips(void);

void dbres_free(struct dbres *r);
/* Value at (row, col), or NULL; and by column name. */
const char *dbres_get(const struct dbres *r, int row, int col);
const char *dbres_field(const struct dbres *r, int row, const char *name);

/* Clear an error to DB_OK and empty strings. */
void db_error_clear(struct db_error *err);

#endif /* EDUAID_DB_DB_H */
