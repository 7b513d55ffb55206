/*
 * rosterload.c
 *   A roster CSV file into eduaid's staging tables with COPY, in one
 *   transaction, every problem as FILE:LINE:COLUMN: NAME: reason (see
 *   rosterload.h): blank records skipped and told, values outside the
 *   header's columns refused, '?' in names and rows of townships outside
 *   the importer's told.
 */
#include "config.h"

#include "db/rosterload.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/csvout.h"
#include "core/safefile.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/roster.h"

/* The staging columns COPY fills, in this order. */
static const char *const copy_columns[] = {
    "import_id",      "file_line",   "household_no", "township",
    "village",        "township_id", "village_id",   "head_name",
    "head_id_number", "family_size", "member_name",  "member_id_number",
    "relation",       "stage"};
#define N_COPY (sizeof(copy_columns) / sizeof(copy_columns[0]))

struct loader {
    struct db *db;
    const char *path;
    struct roster_load *out;
    struct roster_header h;
    long header_line; /* 0 until the header is read */
    struct dbres *tres, *vres;
    struct roster_place *townships, *villages;
    size_t nt, nv;
    bool *mine;      /* townships[i] is one of the importer's */
    long *oos_rows;  /* rows of townships[i] when it is not */
    long *oos_first; /* and the first line of them */
    long blank_first, blank_last, blank_count; /* a run of blank records */
    char *q_household; /* household whose head's '?' was last told */
    long *lines;       /* file line of each copied row */
    size_t nlines, caplines;
    struct db_copy *copy;
    char import_id[24];
    int today;
    bool client_checks;
    bool dead; /* the COPY failed: stop reading */
    FILE *fp;
    roster_progress_fn progress; /* or NULL */
    void *progress_ctx;
    double t0, told; /* when the file was opened, progress last told */
};

static void vadd_message(struct roster_load *out, bool error, const char *path,
                         long line, long col, const char *name, const char *fmt,
                         va_list ap) __attribute__((format(printf, 7, 0)));
static void add_message(struct roster_load *out, bool error, const char *path,
                        long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void say(struct loader *l, bool error, long line, long col,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Append "PATH:LINE:COL: [warning: ][NAME: ]text" -- "PATH:LINE: ..."
 * for column 0, "PATH: ..." for line 0. */
static void
vadd_message(struct roster_load *out, bool error, const char *path, long line,
             long col, const char *name, const char *fmt, va_list ap)
{
    char where[300], named[300], text[800], msg[1500];
    char **grown;

    vsnprintf(text, sizeof(text), fmt, ap);
    if (line > 0 && col > 0)
        snprintf(where, sizeof(where), "%s:%ld:%ld: ", path, line, col);
    else if (line > 0)
        snprintf(where, sizeof(where), "%s:%ld: ", path, line);
    else
        snprintf(where, sizeof(where), "%s: ", path);
    named[0] = '\0';
    if (name != NULL)
        /* TRANSLATORS: the header's name of the column a message is about,
         * before the message */
        snprintf(named, sizeof(named), _("%s: "), name);
    snprintf(msg, sizeof(msg), "%s%s%s%s", where, error ? "" : _("warning: "),
             named, text);
    grown = realloc(out->messages, (out->nmessages + 1) * sizeof(*grown));
    if (grown == NULL)
        return; /* the count of errors still says it failed */
    out->messages = grown;
    if ((out->messages[out->nmessages] = strdup(msg)) != NULL)
        out->nmessages++;
    if (error)
        out->nerrors++;
}

static void
add_message(struct roster_load *out, bool error, const char *path, long line,
            long col, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vadd_message(out, error, path, line, col, NULL, fmt, ap);
    va_end(ap);
}

/* add_message() about the loader's file, naming the header's column col
 * when the line is a data record's and the header names col. */
static void
say(struct loader *l, bool error, long line, long col, const char *fmt, ...)
{
    const char *name = NULL;
    va_list ap;

    if (l->header_line > 0 && line > l->header_line)
        name = roster_header_name(&l->h, col);
    va_start(ap, fmt);
    vadd_message(l->out, error, l->path, line, col, name, fmt, ap);
    va_end(ap);
}

void
roster_load_free(struct roster_load *out)
{
    for (size_t i = 0; i < out->nmessages; i++)
        free(out->messages[i]);
    free(out->messages);
    out->messages = NULL;
    out->nmessages = 0;
}

/* ---- places ------------------------------------------------------------- */

static struct roster_place *
places_from(const struct dbres *r, bool villages)
{
    struct roster_place *p =
        calloc(r->nrows > 0 ? (size_t)r->nrows : 1, sizeof(*p));

    if (p == NULL)
        return NULL;
    for (int i = 0; i < r->nrows; i++) {
        p[i].id = strtoll(dbres_get(r, i, 0), NULL, 10);
        p[i].township_id = villages ? strtoll(dbres_get(r, i, 1), NULL, 10) : 0;
        p[i].name = dbres_get(r, i, 2);
    }
    return p;
}

static int
load_places(struct loader *l)
{
    struct db_error err;

    l->tres = db_exec(l->db,
                      "SELECT id, 0, name, coalesce(id = ANY "
                      "(eduaid.my_townships()), false) AS mine "
                      "FROM eduaid.township",
                      0, NULL, &err);
    if (l->tres != NULL)
        l->vres =
            db_exec(l->db, "SELECT id, township_id, name FROM eduaid.village",
                    0, NULL, &err);
    if (l->tres == NULL || l->vres == NULL) {
        add_message(l->out, true, l->path, 0, 0, "%s", err.message);
        return -1;
    }
    l->nt = (size_t)l->tres->nrows;
    l->nv = (size_t)l->vres->nrows;
    l->townships = places_from(l->tres, false);
    l->villages = places_from(l->vres, true);
    l->mine = calloc(l->nt + 1, sizeof(*l->mine));
    l->oos_rows = calloc(l->nt + 1, sizeof(*l->oos_rows));
    l->oos_first = calloc(l->nt + 1, sizeof(*l->oos_first));
    if (l->townships == NULL || l->villages == NULL || l->mine == NULL ||
        l->oos_rows == NULL || l->oos_first == NULL) {
        add_message(l->out, true, l->path, 0, 0, "%s", _("out of memory"));
        return -1;
    }
    for (size_t i = 0; i < l->nt; i++)
        l->mine[i] = strcmp(dbres_field(l->tres, (int)i, "mine"), "t") == 0;
    return 0;
}

/* Count a row of township t when it is not one of the importer's. */
static void
tally_scope(struct loader *l, long long t, long line)
{
    for (size_t i = 0; i < l->nt; i++)
        if (l->townships[i].id == t) {
            if (!l->mine[i] && l->oos_rows[i]++ == 0)
                l->oos_first[i] = line;
            return;
        }
}

/* Tell the rows imported of townships outside the importer's: the
 * reconciliation leaves them out (issue 13 item 6). */
static void
tell_scope(struct loader *l)
{
    for (size_t i = 0; i < l->nt; i++)
        if (l->oos_rows[i] > 0)
            add_message(l->out, false, l->path, 0, 0,
                        _("%s (%lld) is not one of your townships: its rows "
                          "(%ld, the first on line %ld) are imported, but "
                          "your reconciliation leaves them out"),
                        l->townships[i].name, l->townships[i].id,
                        l->oos_rows[i], l->oos_first[i]);
}

/* ---- mapping the server's refusals back to the file --------------------- */

/* The CSV column (1-based) of staging column name, or 0. */
static long
csv_column_of(const struct loader *l, const char *name)
{
    enum roster_col c;

    if (strcmp(name, "township_id") == 0)
        name = "township";
    else if (strcmp(name, "village_id") == 0)
        name = "village";
    c = roster_col_by_name(name);
    return c != RC_N && l->h.pos[c] >= 0 ? l->h.pos[c] + 1 : 0;
}

/* The staging column a constraint roster_row_<column>_<kind> is about. */
static long
csv_column_of_constraint(const struct loader *l, const char *constraint)
{
    static const char prefix[] = "roster_row_";
    const char *rest;

    if (strncmp(constraint, prefix, sizeof(prefix) - 1) != 0)
        return 0;
    rest = constraint + sizeof(prefix) - 1;
    for (int c = 0; c < RC_N; c++) {
        const char *name = roster_col_name((enum roster_col)c);
        size_t len = strlen(name);

        if (strncmp(rest, name, len) == 0 && rest[len] == '_')
            return csv_column_of(l, name);
    }
    return 0;
}

/* Report a refusal of COPY: its row back to the file line. */
static void
copy_refused(struct loader *l, const struct db_error *err)
{
    long line = 0, col = 0;

    if (err->copy_row >= 1 && (size_t)err->copy_row <= l->nlines)
        line = l->lines[err->copy_row - 1];
    if (err->constraint[0] != '\0')
        col = csv_column_of_constraint(l, err->constraint);
    if (col == 0 && err->column[0] != '\0')
        col = csv_column_of(l, err->column);
    if (col == 0 && err->copy_column[0] != '\0')
        col = csv_column_of(l, err->copy_column);
    say(l, true, line, col, "%s", err->message);
}

/* Report a refusal of roster_finish (EA020: DETAIL the line, COLUMN the
 * roster column) or of another statement. */
static void
statement_refused(struct loader *l, const struct db_error *err)
{
    long line = 0, col = 0;

    if (strcmp(err->sqlstate, "EA020") == 0) {
        line = strtol(err->detail, NULL, 10);
        col = csv_column_of(l, err->column);
    }
    say(l, true, line, col, "%s", err->message);
}

/* ---- progress ----------------------------------------------------------- */

static double
now_seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Tell the progress callback where the import is; while reading, at most
 * five times a second. */
static void
tell_progress(struct loader *l, enum roster_phase phase)
{
    struct roster_progress p;
    double t;
    long pos;

    if (l->progress == NULL)
        return;
    t = now_seconds();
    if (phase == ROSTER_READING && t - l->told < 0.2)
        return;
    l->told = t;
    pos = ftell(l->fp);
    p.phase = phase;
    p.rows = l->out->rows;
    p.bytes = pos > 0 ? pos : 0;
    p.seconds = t - l->t0;
    l->progress(&p, l->progress_ctx);
}

void
roster_progress_text(const struct roster_progress *p, char *buf, size_t size)
{
    double rate = p->seconds > 0 ? (double)p->rows / p->seconds : 0;
    double mb = (double)p->bytes / 1e6;

    if (p->phase == ROSTER_CHECKING)
        /* TRANSLATORS: an import's progress while the server checks the
         * rows: rows read, megabytes read, rows a second */
        snprintf(buf, size, _("%ld rows, %.1f MB, %.0f rows/s, checking"),
                 p->rows, mb, rate);
    else
        /* TRANSLATORS: an import's progress: rows read, megabytes read,
         * rows a second */
        snprintf(buf, size, _("%ld rows, %.1f MB, %.0f rows/s"), p->rows, mb,
                 rate);
}

/* ---- records ------------------------------------------------------------ */

static int
remember_line(struct loader *l, long line)
{
    if (l->nlines == l->caplines) {
        size_t cap = l->caplines ? l->caplines * 2 : 4096;
        long *grown = realloc(l->lines, cap * sizeof(*grown));

        if (grown == NULL)
            return -1;
        l->lines = grown;
        l->caplines = cap;
    }
    l->lines[l->nlines++] = line;
    return 0;
}

/* Resolve the record's township and village into tid/vid (decimal text);
 * with client checks, a failure is reported and -1 returned; without, the
 * ids stay empty for the server to refuse. */
static int
resolve_places(struct loader *l, const struct roster_record *rec, long line,
               char *tid, char *vid)
{
    long long t, v = 0;

    tid[0] = vid[0] = '\0';
    t = roster_resolve_township(l->townships, l->nt, rec->values[RC_TOWNSHIP]);
    if (t > 0)
        v = roster_resolve_village(l->villages, l->nv, t,
                                   rec->values[RC_VILLAGE]);
    if (t > 0)
        snprintf(tid, 24, "%lld", t);
    if (v > 0)
        snprintf(vid, 24, "%lld", v);
    if (t > 0)
        tally_scope(l, t, line);
    if (!l->client_checks || (t > 0 && v > 0))
        return 0;
    if (t <= 0)
        say(l, true, line, l->h.pos[RC_TOWNSHIP] + 1,
            _("unknown township \"%s\" (a name or a 9-digit code)"),
            rec->values[RC_TOWNSHIP]);
    else if (v < 0)
        say(l, true, line, l->h.pos[RC_VILLAGE] + 1,
            _("several villages of this township are called \"%s\": "
              "give its 12-digit code"),
            rec->values[RC_VILLAGE]);
    else
        say(l, true, line, l->h.pos[RC_VILLAGE] + 1,
            _("no village \"%s\" in this township (a name or a "
              "12-digit code)"),
            rec->values[RC_VILLAGE]);
    return -1;
}

/* Tell what roster_record_warnings() finds in rec: a head's name once per
 * household (it repeats on each of its rows). */
static void
warn_record(struct loader *l, const struct roster_record *rec, long line)
{
    struct roster_problem w[2];
    size_t n = roster_record_warnings(&l->h, rec, w, 2);
    const char *hno = rec->values[RC_HOUSEHOLD_NO];

    for (size_t i = 0; i < n; i++) {
        if (w[i].column == l->h.pos[RC_HEAD_NAME] + 1 && hno != NULL) {
            if (l->q_household != NULL && strcmp(l->q_household, hno) == 0)
                continue;
            free(l->q_household);
            l->q_household = strdup(hno); /* NULL: told again, no harm */
        }
        say(l, false, line, w[i].column, "%s", w[i].message);
    }
}

/* Check, resolve and copy one record; -1 on a problem (reported). */
static int
take_record(struct loader *l, char **fields, size_t n, long line)
{
    struct roster_record rec;
    struct roster_problem p;
    struct db_error err;
    char lbuf[24], tid[24], vid[24];
    const char *v[N_COPY];
    int rc = -1;

    /* a value the header does not name would be dropped: refused with
     * or without the client's checks (the server never sees it) */
    if (roster_record_extra(&l->h, (const char *const *)fields, n, &p) != 0) {
        say(l, true, line, p.column, "%s", p.message);
        return -1;
    }
    if (roster_record_check(&l->h, (const char *const *)fields, n, &rec,
                            l->today, &p) != 0 &&
        (l->client_checks || rec.buf == NULL)) {
        say(l, true, line, p.column, "%s", p.message);
        goto done;
    }
    warn_record(l, &rec, line);
    /* after an error, only check the rest: nothing more is copied */
    if (resolve_places(l, &rec, line, tid, vid) != 0 || l->out->nerrors > 0)
        goto done;
    snprintf(lbuf, sizeof(lbuf), "%ld", line);
    v[0] = l->import_id;
    v[1] = lbuf;
    v[2] = rec.values[RC_HOUSEHOLD_NO];
    v[3] = rec.values[RC_TOWNSHIP];
    v[4] = rec.values[RC_VILLAGE];
    v[5] = tid[0] ? tid : NULL;
    v[6] = vid[0] ? vid : NULL;
    v[7] = rec.values[RC_HEAD_NAME];
    v[8] = rec.values[RC_HEAD_ID_NUMBER];
    v[9] = rec.values[RC_FAMILY_SIZE];
    v[10] = rec.values[RC_MEMBER_NAME];
    v[11] = rec.values[RC_MEMBER_ID_NUMBER];
    v[12] = rec.values[RC_RELATION];
    v[13] = rec.values[RC_STAGE];
    if (remember_line(l, line) != 0) {
        say(l, true, 0, 0, "%s", _("out of memory"));
        goto done;
    }
    if (db_copy_row(l->copy, v, &err) != 0) {
        copy_refused(l, &err);
        l->dead = true;
        goto done;
    }
    rc = 0;
done:
    roster_record_free(&rec);
    return rc;
}

/* ---- the file ----------------------------------------------------------- */

/* A blank record (only commas and blanks, as Excel writes below a table)
 * on line: skipped, and told with the others of its run by blank_tell().
 * A blank record between rows is skipped the same way. */
static void
blank_note(struct loader *l, long line)
{
    if (l->blank_count++ == 0)
        l->blank_first = line;
    l->blank_last = line;
}

static void
blank_tell(struct loader *l)
{
    if (l->blank_count == 1)
        say(l, false, l->blank_first, 0, "%s",
            _("a blank row (only commas and blanks) skipped"));
    else if (l->blank_count > 1)
        say(l, false, l->blank_first, 0,
            _("%ld blank rows (only commas and blanks, lines %ld-%ld) "
              "skipped"),
            l->blank_count, l->blank_first, l->blank_last);
    l->blank_count = 0;
}

/* The next record that is not blank: 1, 0 at the end, -1 (reported). */
static int
next_record(struct loader *l, struct csv_reader *r, char ***fields, size_t *n)
{
    struct csv_error cerr;
    int got;

    while ((got = csv_next(r, fields, n, &cerr)) > 0 &&
           roster_record_blank((const char *const *)*fields, *n))
        blank_note(l, csv_line(r));
    blank_tell(l);
    if (got < 0)
        say(l, true, cerr.line, cerr.column, "%s", cerr.message);
    return got;
}

/* The header: its unknown columns told first, always -- they explain a
 * missing one ("户主身份证号码" is not 户主身份证号). */
static int
read_header(struct loader *l, struct csv_reader *r)
{
    char **fields;
    size_t n;
    char err[300];
    long col = 0, line;
    int got = next_record(l, r, &fields, &n), rc;

    if (got < 0)
        return -1;
    if (got == 0) {
        add_message(l->out, true, l->path, 0, 0, "%s",
                    _("the file is empty: a header row is required"));
        return -1;
    }
    line = csv_line(r);
    rc = roster_header_map((const char *const *)fields, n, &l->h, &col, err,
                           sizeof(err));
    for (size_t i = 0; l->h.unknown != NULL && l->h.names != NULL && i < n; i++)
        if (l->h.unknown[i])
            say(l, false, line, (long)i + 1, _("unknown column \"%s\" ignored"),
                l->h.names[i]);
    if (rc != 0) {
        say(l, true, line, col, "%s", err);
        return -1;
    }
    l->header_line = line;
    return 0;
}

static int
read_records(struct loader *l, struct csv_reader *r)
{
    char **fields;
    size_t n;
    int got;

    while ((got = next_record(l, r, &fields, &n)) > 0) {
        l->out->rows++;
        if (take_record(l, fields, n, csv_line(r)) != 0 &&
            (l->out->nerrors >= ROSTER_LOAD_MAX_ERRORS || l->dead))
            return -1;
        if ((l->out->rows & 4095) == 0)
            tell_progress(l, ROSTER_READING);
    }
    if (got < 0)
        return -1;
    if (l->out->rows == 0 && l->out->nerrors == 0) {
        add_message(l->out, true, l->path, 0, 0, "%s",
                    _("the roster has no rows"));
        return -1;
    }
    return l->out->nerrors > 0 ? -1 : 0;
}

/* INSERT the import row and start the COPY. */
static int
begin_import(struct loader *l)
{
    struct db_error err;
    const char *p[2] = {l->path, csv_encoding_name(l->out->encoding)};
    struct dbres *res;

    if (db_begin(l->db, &err) != 0) {
        add_message(l->out, true, l->path, 0, 0, "%s", err.message);
        return -1;
    }
    res = db_exec(l->db,
                  "INSERT INTO eduaid.roster_import (file_name, encoding) "
                  "VALUES ($1, $2) RETURNING id",
                  2, p, &err);
    if (res == NULL) {
        statement_refused(l, &err);
        return -1;
    }
    snprintf(l->import_id, sizeof(l->import_id), "%s", dbres_get(res, 0, 0));
    dbres_free(res);
    l->copy = db_copy_begin(l->db, "eduaid", "roster_row", copy_columns,
                            (int)N_COPY, &err);
    if (l->copy == NULL) {
        add_message(l->out, true, l->path, 0, 0, "%s", err.message);
        return -1;
    }
    return 0;
}

/* End the COPY, finish the import (the server's checks over all its
 * rows at once, which count them too), commit. */
static int
finish_import(struct loader *l)
{
    struct db_error err;
    const char *p[1] = {l->import_id};
    struct dbres *res;
    long long copied;

    tell_progress(l, ROSTER_CHECKING);
    copied = db_copy_end(l->copy, &err);
    l->copy = NULL;
    if (copied < 0) {
        copy_refused(l, &err);
        return -1;
    }
    res = db_exec(l->db,
                  "SELECT n_households, n_members "
                  "FROM eduaid.roster_finish_counted($1)",
                  1, p, &err);
    if (res == NULL) {
        statement_refused(l, &err);
        return -1;
    }
    l->out->households = strtol(dbres_get(res, 0, 0), NULL, 10);
    l->out->members = strtol(dbres_get(res, 0, 1), NULL, 10);
    dbres_free(res);
    if (db_commit(l->db, &err) != 0) {
        statement_refused(l, &err);
        return -1;
    }
    l->out->import_id = strtoll(l->import_id, NULL, 10);
    return 0;
}

static void
loader_free(struct loader *l)
{
    if (l->copy != NULL)
        db_copy_abort(l->copy, "the import was abandoned");
    roster_header_free(&l->h);
    free(l->townships);
    free(l->villages);
    free(l->mine);
    free(l->oos_rows);
    free(l->oos_first);
    free(l->q_household);
    dbres_free(l->tres);
    dbres_free(l->vres);
    free(l->lines);
}

int
roster_load_file(struct db *db, const char *path, enum csv_encoding enc,
                 bool client_checks, struct roster_load *out)
{
    return roster_load_file_progress(db, path, enc, client_checks, NULL, NULL,
                                     out);
}

int
roster_load_file_progress(struct db *db, const char *path,
                          enum csv_encoding enc, bool client_checks,
                          roster_progress_fn fn, void *ctx,
                          struct roster_load *out)
{
    struct loader l = {0};
    struct csv_error cerr;
    struct csv_reader *r = NULL;
    FILE *fp;
    int rc = -1;

    memset(out, 0, sizeof(*out));
    l.db = db;
    l.path = path;
    l.out = out;
    l.today = date_today_yyyymmdd();
    l.client_checks = client_checks;
    if ((fp = fopen(path, "rb")) == NULL) {
        add_message(out, true, path, 0, 0, "%s", strerror(errno));
        return -1;
    }
    l.fp = fp;
    l.progress = fn;
    l.progress_ctx = ctx;
    l.t0 = l.told = now_seconds();
    if ((r = csv_open(fp, enc, &cerr)) == NULL) {
        add_message(out, true, path, 0, 0, "%s", cerr.message);
        goto done;
    }
    out->encoding = csv_encoding(r);
    if (read_header(&l, r) != 0 || load_places(&l) != 0 ||
        begin_import(&l) != 0 || read_records(&l, r) != 0 ||
        finish_import(&l) != 0)
        goto done;
    tell_scope(&l);
    tell_progress(&l, ROSTER_DONE);
    rc = 0;
done:
    loader_free(&l);
    if (rc != 0) {
        db_rollback(db);
        out->import_id = 0;
    }
    csv_close(r);
    fclose(fp);
    return rc;
}

/* ---- CSV of a result --------------------------------------------------- */

/* Write the differences to path as CSV, 0600; 0 or -1 with a sentence in
 * err. */
int
roster_write_csv(const struct dbres *r, const char *path,
                 enum csvout_encoding enc, char *written, size_t wsz, char *err,
                 size_t errsz)
{
    struct safefile f;
    struct csvout *w;
    int rc;

    if (safefile_open(&f, path, SAFEFILE_PRIVATE, err, errsz) != 0)
        return -1;
    if ((w = csvout_open(f.fp, enc, err, errsz)) == NULL) {
        safefile_abort(&f);
        return -1;
    }
    rc = csvout_row(w, (size_t)r->ncols, (const char *const *)r->names, err,
                    errsz);
    for (int i = 0; rc == 0 && i < r->nrows; i++)
        rc = csvout_row(w, (size_t)r->ncols,
                        (const char *const *)&r->values[i * r->ncols], err,
                        errsz);
    if (rc != 0) {
        char ignored[200];

        (void)csvout_close(w, ignored, sizeof(ignored));
        safefile_abort(&f);
        return -1;
    }
    if (csvout_close(w, err, errsz) != 0) {
        safefile_abort(&f);
        return -1;
    }
    snprintf(written, wsz, "%s", f.path);
    return safefile_commit(&f, err, errsz);
}
