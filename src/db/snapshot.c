/*
 * snapshot.c
 *   Reports as submitted (snapshot.h): the statements of eduaid's
 *   report_snapshot (sql/063_report_snapshots.sql, repeatable/
 *   36_m_snapshots.sql). Values only as parameters; the one statement
 *   built here (snapshot_rows) names the snapshot's own column names,
 *   each quoted.
 */
#include "config.h"

#include "db/snapshot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* The columns snapshot_list and snapshot_get select... */
#define SNAPSHOT_COLS                                                          \
    "s.id, s.report, s.year, s.township_id, coalesce(t.name, '') AS scope, "   \
    "s.submitted_on::text AS submitted_on, "                                   \
    "to_char(s.frozen_at, 'YYYY-MM-DD HH24:MI') AS frozen_at, s.frozen_by, "   \
    "coalesce(u.full_name, '') AS frozen_by_name, coalesce(s.note, '') AS "    \
    "note, s.sha256 "
/* ... and where they come from. */
#define SNAPSHOT_FROM                                                          \
    "FROM eduaid.report_snapshot s "                                           \
    "LEFT JOIN eduaid.township t ON t.id = s.township_id "                     \
    "LEFT JOIN eduaid.user_directory u ON u.login = s.frozen_by "

static void
copy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src != NULL ? src : "");
}

void
snapshot_info_from(const struct dbres *r, int row, struct snapshot_info *out)
{
    const char *v;

    memset(out, 0, sizeof *out);
    v = dbres_field(r, row, "id");
    out->id = v != NULL ? atoll(v) : 0;
    copy(out->report, sizeof out->report, dbres_field(r, row, "report"));
    v = dbres_field(r, row, "year");
    out->year = v != NULL ? atoi(v) : 0;
    v = dbres_field(r, row, "township_id");
    out->township = v != NULL ? atoi(v) : 0;
    copy(out->scope, sizeof out->scope, dbres_field(r, row, "scope"));
    copy(out->submitted_on, sizeof out->submitted_on,
         dbres_field(r, row, "submitted_on"));
    copy(out->frozen_at, sizeof out->frozen_at,
         dbres_field(r, row, "frozen_at"));
    copy(out->frozen_by, sizeof out->frozen_by,
         dbres_field(r, row, "frozen_by"));
    copy(out->frozen_by_name, sizeof out->frozen_by_name,
         dbres_field(r, row, "frozen_by_name"));
    copy(out->note, sizeof out->note, dbres_field(r, row, "note"));
    copy(out->sha256, sizeof out->sha256, dbres_field(r, row, "sha256"));
    v = dbres_field(r, row, "verified");
    out->verified = v != NULL && strcmp(v, "t") == 0;
}

int
snapshot_get(struct db *db, long long id, struct snapshot_info *out,
             struct db_error *err)
{
    char ibuf[32];
    const char *params[1] = {ibuf};
    struct dbres *r;
    int rc;

    snprintf(ibuf, sizeof ibuf, "%lld", id);
    r = db_exec(db,
                "SELECT " SNAPSHOT_COLS ", "
                "coalesce(eduaid.report_snapshot_verify(s.id), false) AS "
                "verified " SNAPSHOT_FROM "WHERE s.id = $1::bigint",
                1, params, err);
    if (r == NULL)
        return -1;
    rc = r->nrows == 1 ? 0 : 1;
    if (rc == 0)
        snapshot_info_from(r, 0, out);
    dbres_free(r);
    return rc;
}

int
snapshot_freeze(struct db *db, const char *report, int year, int township,
                const char *note, struct snapshot_info *out,
                struct db_error *err)
{
    char ybuf[16], tbuf[16];
    const char *params[4] = {report, ybuf, township > 0 ? tbuf : NULL, note};
    struct dbres *r;
    long long id;
    int rc;

    snprintf(ybuf, sizeof ybuf, "%d", year);
    snprintf(tbuf, sizeof tbuf, "%d", township);
    r = db_exec(db,
                "SELECT id FROM eduaid.report_freeze($1::text, $2::int, "
                "$3::int, $4::text)",
                4, params, err);
    if (r == NULL)
        return -1;
    id = r->nrows == 1 && dbres_get(r, 0, 0) != NULL ? atoll(dbres_get(r, 0, 0))
                                                     : 0;
    dbres_free(r);
    rc = snapshot_get(db, id, out, err);
    if (rc == 1) { /* frozen, and not readable: cannot happen (policies) */
        db_error_clear(err);
        err->status = DB_ERROR;
        snprintf(err->message, sizeof err->message, "%s",
                 _("the snapshot was stored but cannot be read back"));
        return -1;
    }
    return rc;
}

struct dbres *
snapshot_list(struct db *db, const char *report, struct db_error *err)
{
    const char *params[1] = {report};

    return db_exec(db,
                   "SELECT " SNAPSHOT_COLS SNAPSHOT_FROM
                   "WHERE $1::text IS NULL OR s.report = $1::text "
                   "ORDER BY s.frozen_at DESC, s.id DESC",
                   1, params, err);
}

/* The SQL of snapshot_rows for the column names of `names`. */
static char *
rows_sql(struct db *db, const struct dbres *names)
{
    char *sql = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&sql, &len);
    bool ok = fp != NULL;

    if (!ok)
        return NULL;
    fputs("SELECT ", fp);
    for (int i = 0; ok && i < names->nrows; i++) {
        char *q = db_quote_ident(db, dbres_get(names, i, 0));

        if (q == NULL)
            ok = false;
        else
            fprintf(fp, "%se.r ->> %d AS %s", i > 0 ? ", " : "", i, q);
        free(q);
    }
    fputs(" FROM eduaid.report_snapshot s, jsonb_array_elements(s.rows) "
          "WITH ORDINALITY AS e(r, n) WHERE s.id = $1::bigint ORDER BY e.n",
          fp);
    if (fclose(fp) != 0 || !ok) {
        free(sql);
        return NULL;
    }
    return sql;
}

struct dbres *
snapshot_rows(struct db *db, long long id, struct db_error *err)
{
    char ibuf[32];
    const char *params[1] = {ibuf};
    struct dbres *names, *r = NULL;
    char *sql;

    snprintf(ibuf, sizeof ibuf, "%lld", id);
    names = db_exec(db,
                    "SELECT u.c FROM eduaid.report_snapshot s, "
                    "unnest(s.columns) WITH ORDINALITY AS u(c, i) "
                    "WHERE s.id = $1::bigint ORDER BY u.i",
                    1, params, err);
    if (names == NULL)
        return NULL;
    if (names->nrows < 3 || (sql = rows_sql(db, names)) == NULL) {
        db_error_clear(err);
        err->status = names->nrows < 3 ? DB_ERROR : DB_NO_MEMORY;
        snprintf(err->message, sizeof err->message, "%s",
                 names->nrows < 3 ? _("no such snapshot") : _("out of memory"));
    } else {
        r = db_exec(db, sql, 1, params, err);
        free(sql);
    }
    dbres_free(names);
    return r;
}

char *
snapshot_stamp(const struct snapshot_info *i)
{
    char *stamp = NULL;

    if (asprintf(&stamp, _("Submitted version: %.10s frozen by %s, SHA-256 %s"),
                 i->frozen_at,
                 i->frozen_by_name[0] != '\0' ? i->frozen_by_name
                                              : i->frozen_by,
                 i->sha256) < 0)
        return NULL;
    return stamp;
}
