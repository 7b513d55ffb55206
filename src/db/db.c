/*
 * db.c
 *   The one door to PostgreSQL (see db.h): connecting with keyword arrays,
 *   parameterized execution with every result classified, server errors
 *   kept field by field in a struct db_error, notices handed to a callback,
 *   transactions and reconnecting. The only file of eduaid that includes
 *   libpq-fe.h: results leave it as struct dbres, copies owned by the
 *   caller, so no libpq type escapes.
 */
#include "config.h"

#include "db/db.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <sys/time.h>

#include <libpq-fe.h>

/* The oldest server eduaid's SQL runs on (PQserverVersion's numbering). */
#define DB_MIN_SERVER_VERSION 150000

struct db {
    PGconn *conn;
    char *user; /* session_user */
    char *role; /* eduaid.my_role(), "" when none */
    bool in_tx; /* the caller began a transaction (db_begin) */
    /* The connection broke inside the caller's transaction and was
     * restored: the caller's statements fail until it ends the
     * transaction (db_rollback, db_commit, db_begin). */
    bool tx_lost;
    bool restoring; /* inside restore(): no nested reconnecting */
    bool refused;   /* the server refused the login on reconnecting: no more */
    /* the server said, with no statement running, that it ends this
     * session by an administrator's command (57P01: pg_terminate_backend,
     * or a fast shutdown) */
    bool ended_by_admin;
    long long restore_failed; /* when restore() last gave up (ms), or 0 */
    db_notice_fn notice_fn;
    void *notice_arg;
    db_event_fn event_fn;
    void *event_arg;
    /* application_name as set on this session ("eduaid/queue"), "" when
     * the one given at connect (db_default_application_name) */
    char appname[64];
    bool async_pending; /* a statement sent without waiting: its answer */
    /* db_prefetch: collecting statements, and what the pipeline brought */
    bool collecting;
    struct prefetched *pre;
    size_t npre, cappre;
    long long pre_at; /* when the pipeline ran (ms) */
    /* run again after every reconnect (db_set_session_sql), "" none */
    char session_sql[128];
};

/* application_name of the next connections ("eduaid/export"); "" for the
 * fallback "eduaid". */
static char default_appname[64];

/* ---- small helpers ------------------------------------------------------ */

/* Bytes of the UTF-8 sequence that starts with c (1 for stray bytes). */
static size_t
utf8_seq_len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0)
        return 2;
    if ((c & 0xF0) == 0xE0)
        return 3;
    if ((c & 0xF8) == 0xF0)
        return 4;
    return 1;
}

/*
 * Copy src into dst (size bytes, NUL included), cut after the last whole
 * UTF-8 character that fits, with trailing newlines and spaces removed
 * (libpq ends its messages with "\n"). NULL src gives "".
 */
static void
copy_text(char *dst, size_t size, const char *src)
{
    size_t n = 0;

    if (size == 0)
        return;
    if (src != NULL) {
        while (src[n] != '\0') {
            size_t len = utf8_seq_len((unsigned char)src[n]);
            size_t k;

            for (k = 1; k < len; k++)
                if (src[n + k] == '\0')
                    break;
            if (k < len || n + len >= size)
                break;
            n += len;
        }
        memcpy(dst, src, n);
    }
    while (n > 0 && (dst[n - 1] == '\n' || dst[n - 1] == ' '))
        n--;
    dst[n] = '\0';
}

static char *
xstrdup_or_null(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);

    if (p != NULL)
        memcpy(p, s, n);
    return p;
}

static void
set_error(struct db_error *err, enum db_status status, const char *message)
{
    if (err == NULL)
        return;
    db_error_clear(err);
    err->status = status;
    copy_text(err->message, sizeof err->message, message);
}

static void
set_no_memory(struct db_error *err)
{
    set_error(err, DB_NO_MEMORY, "out of memory");
}

void
db_error_clear(struct db_error *err)
{
    if (err == NULL)
        return;
    memset(err, 0, sizeof *err);
    err->status = DB_OK;
}

/*
 * From a COPY's error context, "COPY t, line 17, column c: ..." (the
 * words translated with lc_messages; the numbers and the name stay), the
 * data row and the column, into err->copy_row and copy_column.
 */
static void
parse_copy_context(const char *ctx, struct db_error *err)
{
    const char *p, *q, *colon, *name;
    char *end;
    long row;
    size_t len;

    if (ctx == NULL || (p = strstr(ctx, "COPY ")) == NULL ||
        (q = strchr(p, ',')) == NULL)
        return;
    while (*q != '\0' && *q != '\n' && (*q < '0' || *q > '9'))
        q++;
    row = strtol(q, &end, 10);
    if (end == q)
        return;
    err->copy_row = row;
    if (*end != ',' || (colon = strchr(end, ':')) == NULL ||
        memchr(end, '\n', (size_t)(colon - end)) != NULL)
        return;
    for (name = colon; name > end + 1 && name[-1] != ' '; name--)
        ;
    len = (size_t)(colon - name);
    if (len >= sizeof err->copy_column)
        return;
    memcpy(err->copy_column, name, len);
    err->copy_column[len] = '\0';
}

/* Fill err from a failed result res (may be NULL) of db's connection. */
static void
set_result_error(struct db *db, const PGresult *res, struct db_error *err)
{
    const char *primary = NULL;

    if (PQstatus(db->conn) == CONNECTION_BAD)
        db->in_tx = false;
    if (err == NULL)
        return;
    db_error_clear(err);
    err->status = DB_ERROR;
    if (res != NULL) {
        copy_text(err->sqlstate, sizeof err->sqlstate,
                  PQresultErrorField(res, PG_DIAG_SQLSTATE));
        primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
        copy_text(err->detail, sizeof err->detail,
                  PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL));
        copy_text(err->hint, sizeof err->hint,
                  PQresultErrorField(res, PG_DIAG_MESSAGE_HINT));
        copy_text(err->constraint, sizeof err->constraint,
                  PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME));
        copy_text(err->table, sizeof err->table,
                  PQresultErrorField(res, PG_DIAG_TABLE_NAME));
        copy_text(err->column, sizeof err->column,
                  PQresultErrorField(res, PG_DIAG_COLUMN_NAME));
        parse_copy_context(PQresultErrorField(res, PG_DIAG_CONTEXT), err);
        if (primary == NULL)
            primary = PQresultErrorMessage(res);
    }
    if (primary == NULL || *primary == '\0')
        primary = PQerrorMessage(db->conn);
    copy_text(err->message, sizeof err->message, primary);
    if (PQstatus(db->conn) == CONNECTION_BAD) {
        err->status = DB_CONNECTION_LOST;
        if (err->message[0] == '\0')
            copy_text(err->message, sizeof err->message,
                      "the connection to the server was lost");
    }
}

/* ---- notices ------------------------------------------------------------ */

/*
 * libpq's notice receiver: hand the primary message, on one line, to the
 * callback. Without a callback the notice is dropped: curses owns the
 * terminal, nothing goes to stderr.
 */
static void
notice_receiver(void *arg, const PGresult *res)
{
    struct db *db = arg;
    const char *msg;
    char line[512];

    if (db == NULL)
        return;
    /* an error while idle comes here too: the FATAL before the server
     * closes the connection */
    msg = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    if (msg != NULL && strcmp(msg, "57P01") == 0)
        db->ended_by_admin = true;
    if (db->notice_fn == NULL)
        return;
    msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    if (msg == NULL)
        msg = PQresultErrorMessage(res);
    copy_text(line, sizeof line, msg);
    for (char *p = line; *p != '\0'; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    db->notice_fn(db->notice_arg, line);
}

void
db_set_notice(struct db *db, db_notice_fn fn, void *arg)
{
    if (db == NULL)
        return;
    db->notice_fn = fn;
    db->notice_arg = arg;
}

/* ---- results ------------------------------------------------------------ */

void
dbres_free(struct dbres *r)
{
    if (r == NULL)
        return;
    /* names[0] starts the one block that holds every string */
    if (r->names != NULL)
        free(r->ncols > 0 ? r->names[0] : NULL);
    free(r->names);
    free(r->values);
    free(r);
}

/*
 * Copy res into a new dbres: the column names and every value go into one
 * block of memory (names first), the arrays point into it.
 */
static struct dbres *
dbres_from(const PGresult *res)
{
    struct dbres *r = calloc(1, sizeof *r);
    size_t total = 0, ncells;
    char *block = NULL, *p;
    int nrows = PQntuples(res), ncols = PQnfields(res);
    const char *affected = PQcmdTuples((PGresult *)res);

    if (r == NULL)
        return NULL;
    r->nrows = nrows;
    r->ncols = ncols;
    r->affected = (affected != NULL && *affected != '\0')
                      ? strtoll(affected, NULL, 10)
                      : 0;
    if (ncols == 0)
        return r;

    ncells = (size_t)nrows * (size_t)ncols;
    for (int c = 0; c < ncols; c++)
        total += strlen(PQfname(res, c)) + 1;
    for (int i = 0; i < nrows; i++)
        for (int c = 0; c < ncols; c++)
            if (!PQgetisnull(res, i, c))
                total += (size_t)PQgetlength(res, i, c) + 1;

    r->names = calloc((size_t)ncols, sizeof *r->names);
    r->values = ncells > 0 ? calloc(ncells, sizeof *r->values) : NULL;
    block = malloc(total);
    if (r->names == NULL || (ncells > 0 && r->values == NULL) ||
        block == NULL) {
        free(block);
        free(r->names);
        r->names = NULL;
        dbres_free(r);
        return NULL;
    }

    p = block;
    for (int c = 0; c < ncols; c++) {
        size_t n = strlen(PQfname(res, c)) + 1;

        memcpy(p, PQfname(res, c), n);
        r->names[c] = p;
        p += n;
    }
    for (int i = 0; i < nrows; i++)
        for (int c = 0; c < ncols; c++) {
            size_t n;

            if (PQgetisnull(res, i, c))
                continue;
            n = (size_t)PQgetlength(res, i, c);
            memcpy(p, PQgetvalue(res, i, c), n);
            p[n] = '\0';
            r->values[(size_t)i * (size_t)ncols + (size_t)c] = p;
            p += n + 1;
        }
    return r;
}

const char *
dbres_get(const struct dbres *r, int row, int col)
{
    if (r == NULL || r->values == NULL || row < 0 || row >= r->nrows ||
        col < 0 || col >= r->ncols)
        return NULL;
    return r->values[(size_t)row * (size_t)r->ncols + (size_t)col];
}

const char *
dbres_field(const struct dbres *r, int row, const char *name)
{
    if (r == NULL || name == NULL)
        return NULL;
    for (int c = 0; c < r->ncols; c++)
        if (strcmp(r->names[c], name) == 0)
            return dbres_get(r, row, c);
    return NULL;
}

/* ---- counting round trips ------------------------------------------------ */

/* Round trips waited for since the process started (db_roundtrips). */
static unsigned long roundtrips;
/* EDUAID_TRACE_ROUNDTRIPS's file, opened at the first line; NULL: none. */
static FILE *rt_trace;
static bool rt_trace_looked;

/* One line to the trace file: what ("rt" or "async") and sql's first
 * words, blanks folded, at most 72 bytes. */
static void
rt_trace_line(const char *what, const char *sql)
{
    const char *path;
    char words[80];
    size_t n = 0;

    if (!rt_trace_looked) {
        rt_trace_looked = true;
        if ((path = getenv("EDUAID_TRACE_ROUNDTRIPS")) != NULL && *path)
            rt_trace = fopen(path, "ae");
    }
    if (rt_trace == NULL)
        return;
    for (; sql != NULL && *sql != '\0' && n < 72; sql++) {
        bool blank = *sql == ' ' || *sql == '\t' || *sql == '\n';

        if (blank && (n == 0 || words[n - 1] == ' '))
            continue;
        words[n++] = blank ? ' ' : *sql;
    }
    while (n > 0 && words[n - 1] == ' ')
        n--;
    words[n] = '\0';
    fprintf(rt_trace, "%s %s\n", what, words);
    fflush(rt_trace);
}

/* The client is about to wait for the server's answer to sql (a
 * statement, a pipeline: its first statement, a COPY's end). */
static void
rt_count(const char *sql)
{
    roundtrips++;
    rt_trace_line("rt", sql);
}

unsigned long
db_roundtrips(void)
{
    return roundtrips;
}

/* ---- execution ---------------------------------------------------------- */

static void settle(struct db *db);
static PGresult *prefetch_take(struct db *db, const char *sql, int nparams,
                               const char *const *params);
static void prefetch_clear(struct db *db);

/*
 * Send sql once and classify the result: the PGresult on success (the
 * caller PQclear()s it), else NULL with err filled in. Outside a caller's
 * transaction a failure never leaves one open.
 */
static PGresult *
exec_once(struct db *db, const char *sql, int nparams,
          const char *const *params, struct db_error *err)
{
    PGresult *res;

    db_error_clear(err);
    rt_count(sql);
    res = PQexecParams(db->conn, sql, nparams, NULL, params, NULL, NULL, 0);
    if (res == NULL) {
        /* out of memory, or the connection is gone */
        if (PQstatus(db->conn) == CONNECTION_BAD)
            set_result_error(db, NULL, err);
        else
            set_no_memory(err);
        return NULL;
    }
    switch (PQresultStatus(res)) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
        return res;
    case PGRES_BAD_RESPONSE:
    case PGRES_NONFATAL_ERROR:
    case PGRES_FATAL_ERROR:
        set_result_error(db, res, err);
        break;
    case PGRES_COPY_OUT:
    case PGRES_COPY_IN:
    case PGRES_COPY_BOTH:
    default:
        set_result_error(db, res, err);
        if (err != NULL && err->status == DB_ERROR)
            copy_text(err->message, sizeof err->message,
                      "unexpected result from the server (COPY or pipeline)");
        break;
    }
    PQclear(res);
    if (!db->in_tx && PQstatus(db->conn) == CONNECTION_OK &&
        PQtransactionStatus(db->conn) != PQTRANS_IDLE) {
        rt_count("ROLLBACK");
        PQclear(PQexec(db->conn, "ROLLBACK"));
    }
    return NULL;
}

/* ---- surviving a lost connection ---------------------------------------- */

/* The waits before each try to reconnect (ms), and the time after which
 * no further try starts: the screen waits at most a few seconds. */
static const int backoff_ms[] = {0, 250, 750, 1500};
#define RESTORE_BUDGET_MS 3000
/* Within this time after restore() gave up, one try without waiting: a
 * screen that reads several things does not wait the backoff for each. */
#define RESTORE_QUIET_MS 5000

static long long
now_ms(void)
{
    struct timeval tv;

    gettimeofday(&tv, NULL);
    return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static void
sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};

    while (nanosleep(&ts, &ts) != 0)
        ;
}

static void
tell(struct db *db, enum db_event ev)
{
    if (db->event_fn != NULL)
        db->event_fn(db->event_arg, ev);
}

static int load_identity(struct db *db, struct db_error *err);
static void follow_server_clock(PGconn *conn);
static void set_connect_error(PGconn *conn, struct db_error *err);

/*
 * One try: PQreset opens a new connection with the same parameters (the
 * notice receiver stays with the PGconn), then what db_connect does after
 * PQconnectdbParams is done again -- the server's TimeZone, session_user
 * and eduaid.my_role(). eduaid sets nothing else per session (no
 * prepared statements): client_encoding and the connect-time
 * application_name are connection parameters PQreset sends again; a
 * screen's application_name (db_set_application_name) is set again here.
 */
static int send_appname(struct db *db, const char *name);
static int send_session_sql(struct db *db);

static int
reset_once(struct db *db, struct db_error *err)
{
    db->async_pending = false;
    prefetch_clear(db);
    PQreset(db->conn);
    if (PQstatus(db->conn) != CONNECTION_OK) {
        set_connect_error(db->conn, err);
        return -1;
    }
    follow_server_clock(db->conn);
    if (load_identity(db, err) != 0)
        return -1;
    /* PQreset sent the connect-time name: the screen's again */
    if (db->appname[0] != '\0')
        (void)send_appname(db, db->appname);
    if (db->session_sql[0] != '\0')
        (void)send_session_sql(db);
    return 0;
}

/*
 * restore
 *
 * The connection is gone: reconnect, with a short backoff, a few tries,
 * at most about RESTORE_BUDGET_MS (plus one connect_timeout); soon after
 * a restore that gave up, one try only (RESTORE_QUIET_MS). The event
 * callback hears DB_EV_RECONNECTING first, then DB_EV_RECONNECTED or
 * DB_EV_LOST. On failure err says DB_CONNECTION_LOST (with libpq's words).
 */
static int
restore(struct db *db, struct db_error *err)
{
    long long start = now_ms();
    int rc = -1;
    size_t tries = sizeof backoff_ms / sizeof backoff_ms[0];

    if (db->restore_failed != 0 &&
        start - db->restore_failed < RESTORE_QUIET_MS)
        tries = 1;
    db->in_tx = false;
    db->restoring = true;
    tell(db, DB_EV_RECONNECTING);
    for (size_t i = 0; i < tries; i++) {
        if (i > 0 && now_ms() - start + backoff_ms[i] > RESTORE_BUDGET_MS)
            break;
        if (backoff_ms[i] > 0)
            sleep_ms(backoff_ms[i]);
        if ((rc = reset_once(db, err)) == 0)
            break;
        if (err->status == DB_LOGIN_REFUSED || err->status == DB_AUTH_FAILED) {
            /* the server answered: trying again changes nothing */
            db->restoring = false;
            db->refused = true;
            tell(db, DB_EV_REFUSED);
            return -1;
        }
    }
    db->restoring = false;
    db->restore_failed = rc == 0 ? 0 : now_ms();
    if (rc == 0) {
        db_error_clear(err);
        db->ended_by_admin = false;
        db->refused = false; /* (db_reconnect: enabled again) */
        tell(db, DB_EV_RECONNECTED);
        return 0;
    }
    err->status = DB_CONNECTION_LOST;
    tell(db, DB_EV_LOST);
    return -1;
}

/* The statement was not repeated after the connection came back. */
static PGresult *
not_repeated(struct db_error *err)
{
    set_error(err, DB_CONNECTION_LOST,
              "the connection to the server was lost and restored; the "
              "statement was not repeated");
    err->reconnected = true;
    return NULL;
}

/* sql starts a transaction: nothing is done yet, repeating it is safe. */
static bool
starts_transaction(const char *sql)
{
    while (*sql == ' ' || *sql == '\t' || *sql == '\n')
        sql++;
    return strncmp(sql, "BEGIN", 5) == 0;
}

/*
 * Repeat a statement after a reconnect, inside BEGIN READ ONLY: the
 * server itself tells a read from a write. A read is answered; a write
 * is refused (25006, nothing done) and reported as not repeated.
 */
static PGresult *
repeat_read(struct db *db, const char *sql, int nparams,
            const char *const *params, struct db_error *err)
{
    PGresult *res, *done;
    bool ok;

    if ((res = exec_once(db, "BEGIN READ ONLY", 0, NULL, err)) == NULL)
        return NULL;
    PQclear(res);
    if ((res = exec_once(db, sql, nparams, params, err)) == NULL) {
        /* exec_once rolled the read-only transaction back */
        if (strcmp(err->sqlstate, "25006") == 0)
            return not_repeated(err);
        return NULL;
    }
    done = exec_once(db, "COMMIT", 0, NULL, err);
    ok = done != NULL;
    PQclear(done);
    if (!ok) {
        PQclear(res);
        return NULL;
    }
    return res;
}

/*
 * Run sql and classify the result. On success return the PGresult (the
 * caller PQclear()s it); on failure NULL with err filled in. Outside a
 * caller's transaction a failure never leaves one open.
 *
 * Every statement of eduaid passes here, so here a lost connection is
 * survived: one found broken before the statement is restored first (the
 * statement was never sent); one that breaks under the statement is
 * restored, and then a statement outside the caller's transaction is
 * repeated if it only reads (repeat_read) or starts a transaction. Inside
 * the caller's transaction nothing is repeated -- the transaction died
 * with the connection -- and err says so (DB_CONNECTION_LOST with
 * err->reconnected): the caller reports it and the user saves again.
 */
static PGresult *
run(struct db *db, const char *sql, int nparams, const char *const *params,
    struct db_error *err)
{
    struct db_error local;
    PGresult *res;
    bool in_tx;

    if (err == NULL)
        err = &local;
    db_error_clear(err);
    if (db == NULL || db->conn == NULL) {
        set_error(err, DB_CONNECTION_LOST, "not connected");
        return NULL;
    }
    settle(db);
    if (db->collecting || db->npre > 0) {
        if ((res = prefetch_take(db, sql, nparams, params)) != NULL)
            return res;
        prefetch_clear(db);
    }
    if (db->restoring)
        return exec_once(db, sql, nparams, params, err);
    if (db->refused) {
        set_error(err, DB_LOGIN_REFUSED, "the server refused the login");
        return NULL;
    }
    if (db->tx_lost)
        return not_repeated(err);
    if (PQstatus(db->conn) == CONNECTION_BAD && restore(db, err) != 0)
        return NULL;
    in_tx = db->in_tx;
    res = exec_once(db, sql, nparams, params, err);
    if (res != NULL || PQstatus(db->conn) != CONNECTION_BAD)
        return res;
    /* the caller's transaction died with the connection, whether or not
     * it comes back: its later statements must not run in autocommit */
    db->tx_lost = in_tx;
    if (restore(db, err) != 0)
        return NULL;
    if (in_tx)
        return not_repeated(err);
    if (starts_transaction(sql))
        return exec_once(db, sql, nparams, params, err);
    return repeat_read(db, sql, nparams, params, err);
}

struct dbres *
db_exec(struct db *db, const char *sql, int nparams, const char *const *params,
        struct db_error *err)
{
    PGresult *res = run(db, sql, nparams, params, err);
    struct dbres *r;

    if (res == NULL)
        return NULL;
    r = dbres_from(res);
    PQclear(res);
    if (r == NULL)
        set_no_memory(err);
    return r;
}

int
db_command(struct db *db, const char *sql, int nparams,
           const char *const *params, struct db_error *err)
{
    PGresult *res = run(db, sql, nparams, params, err);

    if (res == NULL)
        return -1;
    PQclear(res);
    return 0;
}

int
db_begin(struct db *db, struct db_error *err)
{
    if (db != NULL)
        db->tx_lost = false;
    if (db_command(db, "BEGIN", 0, NULL, err) != 0)
        return -1;
    db->in_tx = true;
    return 0;
}

int
db_begin_snapshot(struct db *db, struct db_error *err)
{
    if (db != NULL)
        db->tx_lost = false;
    if (db_command(db, "BEGIN ISOLATION LEVEL REPEATABLE READ", 0, NULL, err) !=
        0)
        return -1;
    db->in_tx = true;
    return 0;
}

int
db_commit(struct db *db, struct db_error *err)
{
    PGresult *res;
    bool rolled_back;

    res = run(db, "COMMIT", 0, NULL, err);
    if (db != NULL) {
        db->in_tx = false;
        db->tx_lost = false;
    }
    if (res == NULL)
        return -1;
    /* COMMIT of a failed transaction "succeeds" as ROLLBACK */
    rolled_back = strcmp(PQcmdStatus(res), "ROLLBACK") == 0;
    PQclear(res);
    if (rolled_back) {
        set_error(err, DB_ERROR,
                  "the transaction was rolled back after an earlier error");
        if (err != NULL)
            copy_text(err->sqlstate, sizeof err->sqlstate, "25P02");
        return -1;
    }
    return 0;
}

void
db_rollback(struct db *db)
{
    if (db == NULL)
        return;
    db->in_tx = false;
    db->tx_lost = false;
    settle(db);
    if (db->conn != NULL && PQstatus(db->conn) == CONNECTION_OK &&
        PQtransactionStatus(db->conn) != PQTRANS_IDLE) {
        rt_count("ROLLBACK");
        PQclear(PQexec(db->conn, "ROLLBACK"));
    }
}

/* ---- connecting --------------------------------------------------------- */

/*
 * The server refused the login itself (not the network, not a standby):
 * libpq keeps no SQLSTATE of a failed connection, so the server's words
 * are matched, in English and in the zh_CN of PostgreSQL 15's catalogue
 * (the server speaks its lc_messages until the login is done): 28000
 * "role ... is not permitted to log in" (a disabled account, NOLOGIN),
 * "role ... does not exist", 28P01 "... authentication failed ...".
 */
static bool
login_refused_text(const char *m)
{
    static const char *const words[] = {
        "is not permitted to log in",
        "不允许角色",
        "authentication failed",
        "认证失败",
    };
    const char *p;

    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(m, words[i]) != NULL)
            return true;
    /* role "x" does not exist / 角色 "x" 不存在 */
    if ((p = strstr(m, "role \"")) != NULL && strstr(p, "\" does not exist"))
        return true;
    return (p = strstr(m, "角色 \"")) != NULL && strstr(p, "\" 不存在");
}

/* Fill err from a connection attempt that did not end in CONNECTION_OK. */
static void
set_connect_error(PGconn *conn, struct db_error *err)
{
    enum db_status status;

    if (conn == NULL) {
        set_no_memory(err);
        return;
    }
    if (PQconnectionNeedsPassword(conn))
        status = DB_NEEDS_PASSWORD;
    else if (PQconnectionUsedPassword(conn))
        status = DB_AUTH_FAILED;
    else if (login_refused_text(PQerrorMessage(conn)))
        status = DB_LOGIN_REFUSED;
    else
        status = DB_UNREACHABLE;
    set_error(err, status, PQerrorMessage(conn));
}

/*
 * After (re)connecting: check the server version, learn who we are
 * (session_user, eduaid.my_role()) and keep it in db. A login that may not
 * call eduaid.my_role() (no eduaid role, or no eduaid schema) gets role "".
 */
static int
load_identity(struct db *db, struct db_error *err)
{
    struct dbres *r;
    char *user, *role;
    struct db_error ignored;

    if (PQserverVersion(db->conn) < DB_MIN_SERVER_VERSION) {
        char msg[128];

        snprintf(msg, sizeof msg,
                 "the server is PostgreSQL %d; eduaid needs 15 or later",
                 PQserverVersion(db->conn) / 10000);
        set_error(err, DB_ERROR, msg);
        return -1;
    }
    r = db_exec(db, "SELECT session_user, coalesce(eduaid.my_role(), '')", 0,
                NULL, &ignored);
    if (r == NULL && ignored.status == DB_ERROR)
        r = db_exec(db, "SELECT session_user, ''", 0, NULL, err);
    else if (r == NULL && err != NULL)
        *err = ignored;
    if (r == NULL)
        return -1;
    user = xstrdup_or_null(dbres_get(r, 0, 0) ? dbres_get(r, 0, 0) : "");
    role = xstrdup_or_null(dbres_get(r, 0, 1) ? dbres_get(r, 0, 1) : "");
    dbres_free(r);
    if (user == NULL || role == NULL) {
        free(user);
        free(role);
        set_no_memory(err);
        return -1;
    }
    free(db->user);
    free(db->role);
    db->user = user;
    db->role = role;
    return 0;
}

/*
 * follow_server_clock
 *
 * The county's day is the server's: take the TimeZone the server reports
 * for this session (a GUC_REPORT parameter, no round trip) as the process's
 * TZ, so that the client's "today" -- date defaults, "not in the future"
 * checks -- is the current_date the server's own rules use, also on a
 * client machine kept in UTC (from 16:00 UTC the two days differ).
 */
static void
follow_server_clock(PGconn *conn)
{
    const char *tz = PQparameterStatus(conn, "TimeZone");

    if (tz != NULL && *tz != '\0' && setenv("TZ", tz, 1) == 0)
        tzset();
}

struct db *
db_connect(const char *conninfo, const char *user, const char *password,
           int connect_timeout, struct db_error *err)
{
    /* Later keywords override the ones the expanded conninfo sets; the
     * conninfo overrides the ones before it. */
    const char *keys[9], *vals[9];
    char timeout[16];
    int n = 0;
    struct db *db;

    db_error_clear(err);
    db = calloc(1, sizeof *db);
    if (db == NULL) {
        set_no_memory(err);
        return NULL;
    }
    keys[n] = "fallback_application_name";
    vals[n++] = "eduaid";
    if (default_appname[0] != '\0') { /* the conninfo's, if any, wins */
        keys[n] = "application_name";
        vals[n++] = default_appname;
    }
    if (connect_timeout > 0) {
        snprintf(timeout, sizeof timeout, "%d", connect_timeout);
        keys[n] = "connect_timeout";
        vals[n++] = timeout;
    }
    if (conninfo != NULL && *conninfo != '\0') {
        keys[n] = "dbname";
        vals[n++] = conninfo;
    }
    if (user != NULL && *user != '\0') {
        keys[n] = "user";
        vals[n++] = user;
    }
    if (password != NULL) {
        keys[n] = "password";
        vals[n++] = password;
    }
    keys[n] = "client_encoding";
    vals[n++] = "UTF8";
    keys[n] = NULL;
    vals[n] = NULL;

    db->conn = PQconnectdbParams(keys, vals, 1);
    if (db->conn == NULL || PQstatus(db->conn) != CONNECTION_OK) {
        set_connect_error(db->conn, err);
        db_close(db);
        return NULL;
    }
    PQsetNoticeReceiver(db->conn, notice_receiver, db);
    follow_server_clock(db->conn);
    if (load_identity(db, err) != 0) {
        db_close(db);
        return NULL;
    }
    return db;
}

struct db *
db_connect_like(const struct db *like, const char *conninfo,
                int connect_timeout, struct db_error *err)
{
    const char *pw;

    if (like == NULL || like->conn == NULL) {
        set_error(err, DB_UNREACHABLE, "not connected");
        return NULL;
    }
    pw = PQpass(like->conn);
    return db_connect(conninfo, like->user, pw != NULL && *pw ? pw : NULL,
                      connect_timeout, err);
}

void
db_default_application_name(const char *name)
{
    snprintf(default_appname, sizeof(default_appname), "%s",
             name != NULL ? name : "");
}

static const char appname_sql[] =
    "SELECT pg_catalog.set_config('application_name', $1, false)";

/* SET application_name by set_config (a parameter, no quoting); 0 or -1.
 * Straight through libpq: also called inside a reconnect. */
static int
send_appname(struct db *db, const char *name)
{
    const char *params[1] = {name};
    PGresult *res;
    int rc;

    rt_count(appname_sql);
    res = PQexecParams(db->conn, appname_sql, 1, NULL, params, NULL, NULL, 0);
    rc = res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK ? 0 : -1;

    PQclear(res);
    return rc;
}

int
db_set_application_name(struct db *db, const char *name)
{
    if (db == NULL || db->conn == NULL || name == NULL ||
        strcmp(db->appname, name) == 0)
        return 0; /* unchanged: no round trip */
    if (db->in_tx || db->async_pending ||
        PQtransactionStatus(db->conn) != PQTRANS_IDLE)
        return 0; /* not inside the caller's transaction: next time */
    /* sent without waiting: the answer is read by db_poll or before the
     * next statement (settle), no round trip anyone waits for */
    rt_trace_line("async", appname_sql);
    if (PQsendQueryParams(db->conn, appname_sql, 1, NULL,
                          (const char *const[]){name}, NULL, NULL, 0) != 1)
        return -1;
    db->async_pending = true;
    snprintf(db->appname, sizeof(db->appname), "%s", name);
    return 0;
}

void
db_close(struct db *db)
{
    if (db == NULL)
        return;
    prefetch_clear(db);
    free(db->pre);
    if (db->conn != NULL)
        PQfinish(db->conn);
    free(db->user);
    free(db->role);
    free(db);
}

int
db_reconnect(struct db *db, struct db_error *err)
{
    struct db_error local;

    if (err == NULL)
        err = &local;
    db_error_clear(err);
    if (db == NULL || db->conn == NULL) {
        set_error(err, DB_UNREACHABLE, "not connected");
        return -1;
    }
    db->in_tx = false;
    db->tx_lost = false;
    return restore(db, err);
}

int
db_reconnect_once(struct db *db)
{
    struct db_error err;
    int rc;

    if (db == NULL || db->conn == NULL || db->restoring || db->refused)
        return -1;
    db->restoring = true;
    rc = reset_once(db, &err);
    db->restoring = false;
    if (rc != 0) {
        if (err.status == DB_LOGIN_REFUSED || err.status == DB_AUTH_FAILED) {
            db->refused = true;
            tell(db, DB_EV_REFUSED);
        }
        return -1;
    }
    db->in_tx = false;
    db->tx_lost = false;
    db->ended_by_admin = false;
    db->restore_failed = 0;
    tell(db, DB_EV_RECONNECTED);
    return 0;
}

/*
 * A fresh connection with the parameters of db's (PQconninfo: the same
 * hosts, user and password), closed at once: true when the server refuses
 * the login (DB_LOGIN_REFUSED or DB_AUTH_FAILED). db's own connection is
 * left as it is, for the next statement to restore as usual.
 */
static bool
login_refused_now(struct db *db)
{
    PQconninfoOption *opts = PQconninfo(db->conn), *o;
    const char **keys, **vals;
    size_t n = 0;
    PGconn *probe;
    struct db_error err;
    bool refused = false;

    if (opts == NULL)
        return false;
    for (o = opts; o->keyword != NULL; o++)
        n++;
    keys = calloc(n + 1, sizeof *keys);
    vals = calloc(n + 1, sizeof *vals);
    if (keys != NULL && vals != NULL) {
        n = 0;
        for (o = opts; o->keyword != NULL; o++)
            if (o->val != NULL) {
                keys[n] = o->keyword;
                vals[n++] = o->val;
            }
        probe = PQconnectdbParams(keys, vals, 0);
        if (probe != NULL && PQstatus(probe) != CONNECTION_OK) {
            set_connect_error(probe, &err);
            refused =
                err.status == DB_LOGIN_REFUSED || err.status == DB_AUTH_FAILED;
        }
        PQfinish(probe);
    }
    free(keys);
    free(vals);
    PQconninfoFree(opts);
    return refused;
}

void
db_poll(struct db *db)
{
    if (db == NULL || db->conn == NULL || db->restoring || db->refused ||
        PQstatus(db->conn) != CONNECTION_OK)
        return;
    (void)PQconsumeInput(db->conn);
    /* PQconsumeInput only reads; PQisBusy parses what came, so that an
     * idle FATAL reaches notice_receiver */
    (void)PQisBusy(db->conn);
    /* the answer to a statement sent without waiting, if it is all here */
    while (db->async_pending && !PQisBusy(db->conn)) {
        PGresult *res = PQgetResult(db->conn);

        if (res == NULL)
            db->async_pending = false;
        PQclear(res);
    }
    if (PQstatus(db->conn) != CONNECTION_BAD || !db->ended_by_admin)
        return;
    db->ended_by_admin = false;
    if (login_refused_now(db)) {
        db->refused = true;
        tell(db, DB_EV_REFUSED);
    }
}

/* The session's own statement (db_set_session_sql), straight through
 * libpq: also called inside a reconnect. 0 or -1. */
static int
send_session_sql(struct db *db)
{
    PGresult *res = PQexec(db->conn, db->session_sql);
    ExecStatusType st = res != NULL ? PQresultStatus(res) : PGRES_FATAL_ERROR;

    PQclear(res);
    return st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK ? 0 : -1;
}

int
db_set_session_sql(struct db *db, const char *sql, struct db_error *err)
{
    struct dbres *r;

    if (db == NULL || sql == NULL || strlen(sql) >= sizeof(db->session_sql)) {
        set_error(err, DB_ERROR, "no session statement");
        return -1;
    }
    if ((r = db_exec(db, sql, 0, NULL, err)) == NULL)
        return -1;
    dbres_free(r);
    snprintf(db->session_sql, sizeof(db->session_sql), "%s", sql);
    return 0;
}

int
db_socket(const struct db *db)
{
    if (db == NULL || db->conn == NULL || db->restoring ||
        PQstatus(db->conn) != CONNECTION_OK)
        return -1;
    return PQsocket(db->conn);
}

int
db_notifications(struct db *db)
{
    PGnotify *n;
    int count = 0, self;

    if (db == NULL || db->conn == NULL)
        return 0;
    db_poll(db);
    self = PQbackendPID(db->conn);
    while ((n = PQnotifies(db->conn)) != NULL) {
        if (n->be_pid != self)
            count++;
        PQfreemem(n);
    }
    return count;
}

bool
db_connected(const struct db *db)
{
    return db != NULL && db->conn != NULL &&
           PQstatus(db->conn) == CONNECTION_OK;
}

void
db_set_event(struct db *db, db_event_fn fn, void *arg)
{
    if (db == NULL)
        return;
    db->event_fn = fn;
    db->event_arg = arg;
}

const char *
db_user(const struct db *db)
{
    return db != NULL && db->user != NULL ? db->user : "";
}

const char *
db_role(const struct db *db)
{
    return db != NULL && db->role != NULL ? db->role : "";
}

char *
db_encrypt_password(struct db *db, const char *password, const char *user,
                    struct db_error *err)
{
    char *v, *copy;

    db_error_clear(err);
    if (db == NULL || db->conn == NULL || password == NULL || user == NULL) {
        set_error(err, DB_ERROR, "no connection, password or user");
        return NULL;
    }
    v = PQencryptPasswordConn(db->conn, password, user, "scram-sha-256");
    if (v == NULL) {
        set_error(err, DB_ERROR, PQerrorMessage(db->conn));
        return NULL;
    }
    copy = xstrdup_or_null(v);
    memset(v, 0, strlen(v));
    PQfreemem(v);
    if (copy == NULL)
        set_no_memory(err);
    return copy;
}

const char *
db_like_prefix(const char *s, char *out, size_t outsz)
{
    size_t n = 0;

    if (s == NULL || s[0] == '\0')
        return NULL;
    for (; *s != '\0'; s++) {
        if (n + 3 >= outsz)
            return NULL;
        if (*s == '\\' || *s == '%' || *s == '_')
            out[n++] = '\\';
        out[n++] = *s;
    }
    out[n++] = '%';
    out[n] = '\0';
    return out;
}

char *
db_quote_ident(struct db *db, const char *ident)
{
    char *q, *copy;

    if (db == NULL || db->conn == NULL || ident == NULL)
        return NULL;
    q = PQescapeIdentifier(db->conn, ident, strlen(ident));
    if (q == NULL)
        return NULL;
    copy = xstrdup_or_null(q);
    PQfreemem(q);
    return copy;
}

/* ---- pipelines: what a screen reads, in one round trip ----------------- */

/* How long prefetched results may serve the statements that follow. */
#define PREFETCH_TTL_MS 10000

/* A statement collected by db_prefetch_begin, then its result. */
struct prefetched {
    char *sql;
    int nparams;
    char **params; /* NULL entries are SQL NULL */
    PGresult *res; /* NULL: not (yet) answered, or refused: not served */
};

/* Read the answer to a statement sent without waiting (the app name). */
static void
settle(struct db *db)
{
    PGresult *res;

    if (db == NULL || db->conn == NULL || !db->async_pending)
        return;
    while ((res = PQgetResult(db->conn)) != NULL)
        PQclear(res);
    db->async_pending = false;
}

static void
prefetch_clear(struct db *db)
{
    if (db == NULL)
        return;
    for (size_t i = 0; i < db->npre; i++) {
        struct prefetched *p = &db->pre[i];

        for (int k = 0; k < p->nparams; k++)
            free(p->params[k]);
        free(p->params);
        free(p->sql);
        PQclear(p->res);
    }
    db->npre = 0;
    db->collecting = false;
}

static bool
same_statement(const struct prefetched *p, const char *sql, int nparams,
               const char *const *params)
{
    if (p->nparams != nparams || strcmp(p->sql, sql) != 0)
        return false;
    for (int k = 0; k < nparams; k++)
        if ((p->params[k] == NULL) != (params[k] == NULL) ||
            (params[k] != NULL && strcmp(p->params[k], params[k]) != 0))
            return false;
    return true;
}

/* Keep sql and its parameters to be sent by db_prefetch_send; 0 or -1. */
static int
prefetch_add(struct db *db, const char *sql, int nparams,
             const char *const *params)
{
    struct prefetched *p;

    if (db->npre == db->cappre) {
        size_t cap = db->cappre ? db->cappre * 2 : 16;
        struct prefetched *v = realloc(db->pre, cap * sizeof *v);

        if (v == NULL)
            return -1;
        db->pre = v;
        db->cappre = cap;
    }
    p = &db->pre[db->npre];
    memset(p, 0, sizeof *p);
    if ((p->sql = xstrdup_or_null(sql)) == NULL ||
        (nparams > 0 &&
         (p->params = calloc((size_t)nparams, sizeof *p->params)) == NULL))
        goto fail;
    for (; p->nparams < nparams; p->nparams++)
        if (params[p->nparams] != NULL &&
            (p->params[p->nparams] = xstrdup_or_null(params[p->nparams])) ==
                NULL)
            goto fail;
    db->npre++;
    return 0;
fail:
    for (int k = 0; k < p->nparams; k++)
        free(p->params[k]);
    free(p->params);
    free(p->sql);
    return -1;
}

/*
 * The statement run() is about to send: while collecting, keep it (a
 * SELECT only: no BEGIN, SET or COMMIT goes ahead of its caller; the
 * caller calls only what reads there) and answer with an empty result; else the
 * prefetched result of the same statement, a copy, when the pipeline's answers
 * are still fresh. NULL: send it.
 */
static PGresult *
prefetch_take(struct db *db, const char *sql, int nparams,
              const char *const *params)
{
    for (size_t i = 0; i < db->npre; i++)
        if (same_statement(&db->pre[i], sql, nparams, params)) {
            if (db->collecting)
                return PQmakeEmptyPGresult(db->conn, PGRES_TUPLES_OK);
            if (db->pre[i].res == NULL ||
                now_ms() - db->pre_at > PREFETCH_TTL_MS)
                return NULL;
            return PQcopyResult(db->pre[i].res,
                                PG_COPYRES_ATTRS | PG_COPYRES_TUPLES);
        }
    if (!db->collecting)
        return NULL;
    while (*sql == ' ' || *sql == '\n')
        sql++;
    if (strncmp(sql, "SELECT", 6) == 0)
        (void)prefetch_add(db, sql, nparams, params);
    return PQmakeEmptyPGresult(db->conn, PGRES_TUPLES_OK);
}

void
db_prefetch_begin(struct db *db)
{
    if (db == NULL || db->conn == NULL)
        return;
    prefetch_clear(db);
    db->collecting = true;
}

/* Read the answers of a pipeline of n statements, each followed by a
 * sync, into db->pre[i].res; 0, or -1 when the connection failed. */
static int
pipeline_read(struct db *db, size_t n)
{
    PGresult *res;
    int nulls = 0;

    /* per statement: its result (or error, or PGRES_PIPELINE_ABORTED),
     * NULL, then the sync's PGRES_PIPELINE_SYNC; never two NULLs in a row
     * unless the connection failed */
    for (size_t i = 0; i < n;) {
        if ((res = PQgetResult(db->conn)) == NULL) {
            if (++nulls > 1 || PQstatus(db->conn) == CONNECTION_BAD)
                return -1;
            continue;
        }
        nulls = 0;
        if (PQresultStatus(res) == PGRES_PIPELINE_SYNC)
            i++;
        else if (PQresultStatus(res) == PGRES_TUPLES_OK &&
                 db->pre[i].res == NULL) {
            db->pre[i].res = res;
            continue;
        }
        PQclear(res);
    }
    return 0;
}

/* Out of pipeline mode whatever is left in it (a broken pipeline); a
 * connection that broke is left to the next statement (PQreset ends the
 * pipeline mode with the connection). */
static void
pipeline_leave(struct db *db)
{
    PGresult *res;

    for (int guard = 0; guard < 10000 && PQstatus(db->conn) == CONNECTION_OK &&
                        PQpipelineStatus(db->conn) != PQ_PIPELINE_OFF;
         guard++)
        if ((res = PQgetResult(db->conn)) != NULL)
            PQclear(res);
        else
            (void)PQexitPipelineMode(db->conn);
}

int
db_prefetch_send(struct db *db, struct db_error *err)
{
    size_t sent = 0;
    int rc = -1;
    char head[96];

    db_error_clear(err);
    if (db == NULL || db->conn == NULL || !db->collecting)
        return 0;
    db->collecting = false;
    if (db->npre == 0)
        return 0;
    settle(db);
    if (db->in_tx || PQstatus(db->conn) != CONNECTION_OK ||
        PQenterPipelineMode(db->conn) != 1)
        goto done; /* the statements go one by one, as they come */
    snprintf(head, sizeof head, "pipeline of %zu: %s", db->npre,
             db->pre[0].sql);
    rt_count(head);
    for (; sent < db->npre; sent++) {
        struct prefetched *p = &db->pre[sent];

        if (PQsendQueryParams(db->conn, p->sql, p->nparams, NULL,
                              (const char *const *)p->params, NULL, NULL,
                              0) != 1 ||
            PQpipelineSync(db->conn) != 1)
            break;
    }
    /* every statement sent was followed by its sync: read them all */
    rc = pipeline_read(db, sent) == 0 && sent == db->npre ? 0 : -1;
    if (PQexitPipelineMode(db->conn) != 1)
        rc = -1;
    db->pre_at = now_ms();
done:
    if (rc != 0) {
        /* nothing is lost: the statements not answered go one by one */
        set_result_error(db, NULL, err);
        pipeline_leave(db);
    }
    return rc;
}

/* ---- pipelines of a transaction: several statements, one round trip ---- */

/* Send stmts in pipeline mode, one sync after the last; the number sent
 * (all of them, or -1 when pipeline mode could not be entered). */
static long
pipeline_send(struct db *db, const struct db_stmt *stmts, size_t n)
{
    size_t sent = 0;

    if (PQenterPipelineMode(db->conn) != 1)
        return -1;
    for (; sent < n; sent++)
        if (PQsendQueryParams(db->conn, stmts[sent].sql, stmts[sent].nparams,
                              NULL, stmts[sent].params, NULL, NULL, 0) != 1)
            break;
    if (sent == n && PQpipelineSync(db->conn) != 1)
        return -1;
    return sent == n ? (long)n : -1;
}

/* Read the answers up to the sync: out[i] for each statement that ran,
 * err for the first refused. The statements that succeeded (n when all
 * did), or -1 when the connection failed or memory ran out. */
static long
pipeline_answers(struct db *db, size_t n, struct dbres **out,
                 struct db_error *err)
{
    size_t i = 0, good = 0;
    bool refused = false, nomem = false;
    int nulls = 0;
    PGresult *res;

    for (;;) {
        if ((res = PQgetResult(db->conn)) == NULL) {
            if (++nulls > 1 || PQstatus(db->conn) == CONNECTION_BAD)
                return -1;
            continue;
        }
        nulls = 0;
        switch (PQresultStatus(res)) {
        case PGRES_PIPELINE_SYNC:
            PQclear(res);
            if (nomem) {
                set_no_memory(err);
                return -1;
            }
            return (long)good;
        case PGRES_TUPLES_OK:
        case PGRES_COMMAND_OK:
        case PGRES_EMPTY_QUERY:
            if (i < n && !refused && !nomem) {
                if ((out[i] = dbres_from(res)) == NULL)
                    nomem = true;
                else
                    good++;
            }
            i++;
            break;
        case PGRES_PIPELINE_ABORTED:
            i++;
            break;
        default:
            if (!refused)
                set_result_error(db, res, err);
            refused = true;
            i++;
            break;
        }
        PQclear(res);
    }
}

/* Send stmts and read their answers (see db_pipeline); after the sync,
 * out of pipeline mode. -1 when the connection failed. */
static long
pipeline_once(struct db *db, const struct db_stmt *stmts, size_t n,
              struct dbres **out, struct db_error *err)
{
    long good;
    char head[96];

    db_error_clear(err);
    snprintf(head, sizeof head, "pipeline of %zu: %s", n, stmts[0].sql);
    rt_count(head);
    if (pipeline_send(db, stmts, n) < 0) {
        set_result_error(db, NULL, err);
        pipeline_leave(db);
        return -1;
    }
    good = pipeline_answers(db, n, out, err);
    if (PQexitPipelineMode(db->conn) != 1) {
        pipeline_leave(db);
        if (good >= 0 && PQstatus(db->conn) == CONNECTION_BAD)
            good = -1;
    }
    if (good < 0 && err != NULL && err->status == DB_OK)
        set_result_error(db, NULL, err);
    return good;
}

static void
pipeline_free(struct dbres **out, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        dbres_free(out[i]);
        out[i] = NULL;
    }
}

long
db_pipeline(struct db *db, const struct db_stmt *stmts, size_t n,
            bool read_only, struct dbres **out, struct db_error *err)
{
    struct db_error local;
    bool in_tx;
    long good;

    if (err == NULL)
        err = &local;
    db_error_clear(err);
    for (size_t i = 0; i < n; i++)
        out[i] = NULL;
    if (db == NULL || db->conn == NULL || n == 0) {
        set_error(err, DB_CONNECTION_LOST, "not connected");
        return -1;
    }
    settle(db);
    prefetch_clear(db);
    if (db->refused) {
        set_error(err, DB_LOGIN_REFUSED, "the server refused the login");
        return -1;
    }
    if (db->tx_lost) {
        (void)not_repeated(err);
        return -1;
    }
    if (PQstatus(db->conn) == CONNECTION_BAD && restore(db, err) != 0)
        return -1;
    in_tx = db->in_tx;
    good = pipeline_once(db, stmts, n, out, err);
    if (good < 0 && PQstatus(db->conn) == CONNECTION_BAD) {
        pipeline_free(out, n);
        /* as run(): what died with the connection is not repeated, but
         * for reads outside the caller's transaction */
        db->tx_lost = in_tx;
        if (restore(db, err) != 0)
            return -1;
        if (!read_only || in_tx) {
            (void)not_repeated(err);
            return -1;
        }
        good = pipeline_once(db, stmts, n, out, err);
    }
    if (good < 0) {
        pipeline_free(out, n);
        if (PQstatus(db->conn) == CONNECTION_OK && !in_tx &&
            PQtransactionStatus(db->conn) != PQTRANS_IDLE) {
            rt_count("ROLLBACK");
            PQclear(PQexec(db->conn, "ROLLBACK"));
        }
        db->in_tx = in_tx && PQstatus(db->conn) == CONNECTION_OK;
        return -1;
    }
    /* a BEGIN in the pipeline opened the caller's transaction: it ends
     * it (db_commit, db_rollback), refused or not */
    db->in_tx = PQtransactionStatus(db->conn) == PQTRANS_INTRANS ||
                PQtransactionStatus(db->conn) == PQTRANS_INERROR;
    return good;
}

/* ---- COPY FROM STDIN ---------------------------------------------------- */

#define COPY_CHUNK 65536

struct db_copy {
    struct db *db;
    int ncols;
    long long rows;
    char *buf; /* rows not yet sent */
    size_t len, cap;
    bool failed;
};

/* Make room for n more bytes in c's buffer; 0 or -1. */
static int
copy_reserve(struct db_copy *c, size_t n)
{
    char *nb;
    size_t cap = c->cap;

    if (c->len + n <= c->cap)
        return 0;
    while (cap < c->len + n)
        cap = cap * 2;
    if ((nb = realloc(c->buf, cap)) == NULL)
        return -1;
    c->buf = nb;
    c->cap = cap;
    return 0;
}

/* Append v to c's buffer in COPY text format (\N for NULL). */
static void
copy_escape(struct db_copy *c, const char *v)
{
    char *o = c->buf + c->len;

    if (v == NULL) {
        *o++ = '\\';
        *o++ = 'N';
    } else {
        for (; *v; v++) {
            switch (*v) {
            case '\\':
                *o++ = '\\';
                *o++ = '\\';
                break;
            case '\n':
                *o++ = '\\';
                *o++ = 'n';
                break;
            case '\r':
                *o++ = '\\';
                *o++ = 'r';
                break;
            case '\t':
                *o++ = '\\';
                *o++ = 't';
                break;
            default:
                *o++ = *v;
                break;
            }
        }
    }
    c->len = (size_t)(o - c->buf);
}

/* Send the buffered rows; 0 or -1 with err filled in. */
static int
copy_flush(struct db_copy *c, struct db_error *err)
{
    if (c->len == 0)
        return 0;
    if (c->len > INT_MAX ||
        PQputCopyData(c->db->conn, c->buf, (int)c->len) != 1) {
        c->failed = true;
        set_result_error(c->db, NULL, err);
        return -1;
    }
    c->len = 0;
    return 0;
}

struct db_copy *
db_copy_begin(struct db *db, const char *schema, const char *table,
              const char *const *columns, int ncols, struct db_error *err)
{
    struct db_copy *c = NULL;
    char *sql = NULL, *s = NULL, *t = NULL, *col;
    size_t len, cap;
    PGresult *res;

    db_error_clear(err);
    if (db == NULL || db->conn == NULL) {
        set_error(err, DB_CONNECTION_LOST, "not connected");
        return NULL;
    }
    s = db_quote_ident(db, schema);
    t = db_quote_ident(db, table);
    cap = 64 + (s ? strlen(s) : 0) + (t ? strlen(t) : 0);
    for (int i = 0; i < ncols; i++)
        cap += strlen(columns[i]) * 2 + 4;
    if (s == NULL || t == NULL || (sql = malloc(cap)) == NULL)
        goto no_memory;
    len = (size_t)snprintf(sql, cap, "COPY %s.%s (", s, t);
    for (int i = 0; i < ncols; i++) {
        if ((col = db_quote_ident(db, columns[i])) == NULL)
            goto no_memory;
        len +=
            (size_t)snprintf(sql + len, cap - len, "%s%s", i ? ", " : "", col);
        free(col);
    }
    snprintf(sql + len, cap - len, ") FROM STDIN");
    if ((c = calloc(1, sizeof(*c))) == NULL ||
        (c->buf = malloc(COPY_CHUNK)) == NULL)
        goto no_memory;
    c->db = db;
    c->ncols = ncols;
    c->cap = COPY_CHUNK;
    settle(db);
    rt_count(sql);
    res = PQexec(db->conn, sql);
    if (res == NULL || PQresultStatus(res) != PGRES_COPY_IN) {
        if (res != NULL && PQresultStatus(res) == PGRES_COMMAND_OK)
            set_error(err, DB_ERROR, "COPY did not start");
        else
            set_result_error(db, res, err);
        PQclear(res);
        goto fail;
    }
    PQclear(res);
    free(sql);
    free(s);
    free(t);
    return c;
no_memory:
    set_no_memory(err);
fail:
    if (c != NULL)
        free(c->buf);
    free(c);
    free(sql);
    free(s);
    free(t);
    return NULL;
}

int
db_copy_row(struct db_copy *c, const char *const *values, struct db_error *err)
{
    size_t need = 1;

    db_error_clear(err);
    if (c == NULL || c->failed) {
        set_error(err, DB_ERROR, "the COPY has already failed");
        return -1;
    }
    for (int i = 0; i < c->ncols; i++)
        need += (values[i] != NULL ? strlen(values[i]) * 2 : 2) + 1;
    if (copy_reserve(c, need) != 0) {
        c->failed = true;
        set_no_memory(err);
        return -1;
    }
    for (int i = 0; i < c->ncols; i++) {
        if (i > 0)
            c->buf[c->len++] = '\t';
        copy_escape(c, values[i]);
    }
    c->buf[c->len++] = '\n';
    c->rows++;
    if (c->len >= COPY_CHUNK)
        return copy_flush(c, err);
    return 0;
}

/* Read results until NULL; the first failure goes to err. 0 or -1. */
static int
copy_results(struct db *db, struct db_error *err, long long *affected)
{
    PGresult *res;
    int rc = 0;

    while ((res = PQgetResult(db->conn)) != NULL) {
        if (PQresultStatus(res) == PGRES_COMMAND_OK) {
            if (affected != NULL)
                *affected = strtoll(PQcmdTuples(res), NULL, 10);
        } else if (rc == 0) {
            set_result_error(db, res, err);
            rc = -1;
        }
        PQclear(res);
    }
    if (rc == 0 && PQstatus(db->conn) == CONNECTION_BAD) {
        set_result_error(db, NULL, err);
        rc = -1;
    }
    return rc;
}

long long
db_copy_end(struct db_copy *c, struct db_error *err)
{
    long long affected = -1;
    int rc = -1;

    db_error_clear(err);
    if (c == NULL) {
        set_error(err, DB_ERROR, "no COPY in progress");
        return -1;
    }
    if (!c->failed && copy_flush(c, err) == 0) {
        rt_count("COPY end");
        if (PQputCopyEnd(c->db->conn, NULL) != 1)
            set_result_error(c->db, NULL, err);
        else
            rc = copy_results(c->db, err, &affected);
    } else {
        struct db_error ignored;

        rt_count("COPY end (failed)");
        if (PQputCopyEnd(c->db->conn, "client failed") == 1)
            (void)copy_results(c->db, &ignored, NULL);
    }
    free(c->buf);
    free(c);
    return rc == 0 ? affected : -1;
}

void
db_copy_abort(struct db_copy *c, const char *why)
{
    struct db_error ignored;

    if (c == NULL)
        return;
    rt_count("COPY end (aborted)");
    if (PQputCopyEnd(c->db->conn, why != NULL ? why : "aborted") == 1)
        (void)copy_results(c->db, &ignored, NULL);
    free(c->buf);
    free(c);
}
