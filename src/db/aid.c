/*
 * aid.c
 *   The SQL of granting aid (db/aid.h): the 应享未享 working list, the bulk
 *   grant, the form's fill-in and the standard amount of one program, each
 *   a call of a function of sql/repeatable/43_aid.sql with its values as
 *   parameters (the arrays as array literals of numbers and program codes).
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/aid.h"

static void
no_memory(struct db_error *err)
{
    db_error_clear(err);
    err->status = DB_NO_MEMORY;
    snprintf(err->message, sizeof err->message, "out of memory");
}

int
aid_current_year(struct db *db, int *year, struct db_error *err)
{
    struct dbres *r =
        db_exec(db, "SELECT eduaid.school_year_of(current_date) AS school_year",
                0, NULL, err);
    const char *v;

    if (r == NULL)
        return -1;
    v = r->nrows == 1 ? dbres_field(r, 0, "school_year") : NULL;
    *year = v != NULL ? atoi(v) : 0;
    dbres_free(r);
    return 0;
}

struct dbres *
aid_missing_page(struct db *db, int year, int township, const char *status,
                 const struct dbres *after, int after_row, int limit,
                 struct db_error *err)
{
    static const char sql[] =
        "SELECT m.household_year_id, m.status, m.township_id, m.township, "
        "       m.household_no, m.head_name, m.student_id, m.student_name, "
        "       m.stage, m.school, m.program, "
        "       to_char(m.amount, 'FM9999999990') AS amount "
        "  FROM eduaid.aid_missing($1::int, $2::int, $3::int, $4::text, "
        "                          $5::bigint, $6::text, $7::int, $8::text) AS "
        "m";
    char ybuf[16], tbuf[16], lbuf[16];
    const char *params[8] = {ybuf, township > 0 ? tbuf : NULL};

    snprintf(ybuf, sizeof ybuf, "%d", year);
    snprintf(tbuf, sizeof tbuf, "%d", township);
    snprintf(lbuf, sizeof lbuf, "%d", limit);
    if (after != NULL) { /* the key of the last line */
        params[2] = dbres_field(after, after_row, "township_id");
        params[3] = dbres_field(after, after_row, "household_no");
        params[4] = dbres_field(after, after_row, "student_id");
        params[5] = dbres_field(after, after_row, "program");
    }
    params[6] = limit > 0 ? lbuf : NULL;
    params[7] = status != NULL && status[0] != '\0' ? status : NULL;
    return db_exec(db, sql, 8, params, err);
}

/* Append text to the array literal *buf (size *cap, length *len). */
static bool
append(char **buf, size_t *len, size_t *cap, const char *text)
{
    size_t n = strlen(text);

    if (*len + n + 1 > *cap) {
        size_t want = (*len + n + 1) * 2;
        char *grown = realloc(*buf, want);

        if (grown == NULL)
            return false;
        *buf = grown;
        *cap = want;
    }
    memcpy(*buf + *len, text, n + 1);
    *len += n;
    return true;
}

/* The three array literals of aid_grant; false when out of memory or a
 * program is not a code ([a-z_]). */
static bool
literals(int n, const long long *ys, const long long *ss, const char *const *ps,
         char *out[3])
{
    size_t len[3] = {0}, cap[3] = {0};
    bool ok = true;

    for (int k = 0; k < 3; k++)
        ok = ok && append(&out[k], &len[k], &cap[k], "{");
    for (int i = 0; ok && i < n; i++) {
        char y[32], s[32];
        const char *sep = i > 0 ? "," : "";

        if (strspn(ps[i], "abcdefghijklmnopqrstuvwxyz_") != strlen(ps[i]))
            return false;
        snprintf(y, sizeof y, "%s%lld", sep, ys[i]);
        snprintf(s, sizeof s, "%s%lld", sep, ss[i]);
        ok = append(&out[0], &len[0], &cap[0], y) &&
             append(&out[1], &len[1], &cap[1], s) &&
             append(&out[2], &len[2], &cap[2], sep) &&
             append(&out[2], &len[2], &cap[2], ps[i]);
    }
    for (int k = 0; k < 3; k++)
        ok = ok && append(&out[k], &len[k], &cap[k], "}");
    return ok;
}

static const char grant_cols[] =
    "g.household_year_id, g.student_id, g.program, g.outcome, g.sql_state, "
    "g.constraint_name, to_char(g.amount, 'FM9999999990') AS amount";

struct dbres *
aid_grant(struct db *db, int n, const long long *year_ids,
          const long long *student_ids, const char *const *programs,
          struct db_error *err)
{
    char *lit[3] = {NULL, NULL, NULL};
    char *sql = NULL;
    struct dbres *r = NULL;

    if (!literals(n, year_ids, student_ids, programs, lit) ||
        asprintf(&sql,
                 "SELECT %s FROM eduaid.grant_standard($1::bigint[], "
                 "$2::bigint[], $3::text[]) AS g",
                 grant_cols) < 0) {
        sql = NULL;
        no_memory(err);
    } else {
        r = db_exec(db, sql, 3, (const char *const *)lit, err);
    }
    free(sql);
    for (int k = 0; k < 3; k++)
        free(lit[k]);
    return r;
}

struct dbres *
aid_fill_record(struct db *db, long long year_id, struct db_error *err)
{
    char ybuf[32], *sql = NULL;
    const char *params[1] = {ybuf};
    struct dbres *r;

    snprintf(ybuf, sizeof ybuf, "%lld", year_id);
    if (asprintf(&sql,
                 "SELECT %s FROM eduaid.grant_record_standard($1::bigint) AS g",
                 grant_cols) < 0) {
        no_memory(err);
        return NULL;
    }
    r = db_exec(db, sql, 1, params, err);
    free(sql);
    return r;
}

int
aid_standard_amount(struct db *db, long long year_id, long long student_id,
                    const char *program, char *out, size_t outsz,
                    struct db_error *err)
{
    static const char sql[] =
        "SELECT to_char(p.amount, 'FM9999999990.00') AS amount "
        "  FROM eduaid.aid_proposal($1::bigint) AS p "
        " WHERE p.student_id = $2::bigint AND p.program = $3::text "
        "   AND p.amount IS NOT NULL";
    char ybuf[32], sbuf[32];
    const char *params[3] = {ybuf, sbuf, program};
    struct dbres *r;
    int found;

    snprintf(ybuf, sizeof ybuf, "%lld", year_id);
    snprintf(sbuf, sizeof sbuf, "%lld", student_id);
    if ((r = db_exec(db, sql, 3, params, err)) == NULL)
        return -1;
    found = r->nrows > 0 && dbres_field(r, 0, "amount") != NULL;
    if (found)
        snprintf(out, outsz, "%s", dbres_field(r, 0, "amount"));
    dbres_free(r);
    return found ? 1 : 0;
}
