/*
 * rates.c
 *   The standard amounts (rates.h): a SELECT of eduaid.subsidy_rate with
 *   the words of its choice lists, an INSERT ... ON CONFLICT DO UPDATE of
 *   the amount (the admin's grants: INSERT and UPDATE (amount)), and
 *   eduaid.delete_subsidy_rate. Every value a parameter.
 */
#include "config.h"

#include "db/rates.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* A refusal of our own making (not the server's). */
static void rates_error(struct db_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
rates_error(struct db_error *err, const char *fmt, ...)
{
    va_list ap;

    db_error_clear(err);
    err->status = DB_ERROR;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

int
rates_list(struct db *db, int year, struct rate_list *out, struct db_error *err)
{
    static const char sql[] =
        "SELECT r.school_year, r.program, p.zh AS program_zh, "
        "       p.en AS program_en, r.stage, s.zh AS stage_zh, "
        "       s.en AS stage_en, r.boarding, "
        "       to_char(r.amount, 'FM9999999990.00') AS amount "
        "  FROM eduaid.subsidy_rate r "
        "  JOIN eduaid.choice_program p ON p.value = r.program "
        "  JOIN eduaid.choice_stage s ON s.value = r.stage "
        " WHERE $1::int IS NULL OR r.school_year = $1::int "
        " ORDER BY r.school_year, p.position, s.position, r.boarding";
    char ybuf[16];
    const char *p[1] = {NULL};
    struct dbres *r;

    memset(out, 0, sizeof *out);
    if (year != 0) {
        snprintf(ybuf, sizeof ybuf, "%d", year);
        p[0] = ybuf;
    }
    if ((r = db_exec(db, sql, 1, p, err)) == NULL)
        return -1;
    if (r->nrows > 0 &&
        (out->items = calloc((size_t)r->nrows, sizeof *out->items)) == NULL) {
        dbres_free(r);
        rates_error(err, "out of memory");
        err->status = DB_NO_MEMORY;
        return -1;
    }
    for (int i = 0; i < r->nrows; i++) {
        struct rate *q = &out->items[i];
        const char *b = dbres_field(r, i, "boarding");

        q->school_year = atoi(dbres_field(r, i, "school_year"));
        q->program = dbres_field(r, i, "program");
        q->program_zh = dbres_field(r, i, "program_zh");
        q->program_en = dbres_field(r, i, "program_en");
        q->stage = dbres_field(r, i, "stage");
        q->stage_zh = dbres_field(r, i, "stage_zh");
        q->stage_en = dbres_field(r, i, "stage_en");
        q->boarding = b != NULL && b[0] == 't';
        q->amount = dbres_field(r, i, "amount");
    }
    out->n = r->nrows;
    out->res_ = r;
    return 0;
}

void
rates_list_free(struct rate_list *l)
{
    if (l == NULL)
        return;
    free(l->items);
    dbres_free(l->res_);
    memset(l, 0, sizeof *l);
}

/* 0 when program and stage are values of their choice lists; else -1
 * with err saying which is not. */
static int
known_values(struct db *db, const char *program, const char *stage,
             struct db_error *err)
{
    static const char sql[] =
        "SELECT EXISTS (SELECT FROM eduaid.choice_program WHERE value = $1) "
        "         AS program_known, "
        "       EXISTS (SELECT FROM eduaid.choice_stage WHERE value = $2) "
        "         AS stage_known";
    const char *p[2] = {program, stage};
    struct dbres *r = db_exec(db, sql, 2, p, err);
    const char *pk, *sk;
    int rc = 0;

    if (r == NULL)
        return -1;
    pk = dbres_field(r, 0, "program_known");
    sk = dbres_field(r, 0, "stage_known");
    if (pk == NULL || pk[0] != 't') {
        rates_error(err, _("no subsidy program '%s'"), program);
        rc = -1;
    } else if (sk == NULL || sk[0] != 't') {
        rates_error(err, _("no stage '%s'"), stage);
        rc = -1;
    }
    dbres_free(r);
    return rc;
}

int
rates_set(struct db *db, const char *program, int year, const char *stage,
          bool boarding, const char *amount, struct db_error *err)
{
    static const char sql[] =
        "INSERT INTO eduaid.subsidy_rate "
        "       (program, school_year, stage, boarding, amount) "
        "VALUES ($1, $2::int, $3, $4::boolean, $5::numeric) "
        "ON CONFLICT (program, school_year, stage, boarding) "
        "DO UPDATE SET amount = EXCLUDED.amount";
    char ybuf[16];
    const char *p[5] = {program, ybuf, stage, boarding ? "true" : "false",
                        amount};

    snprintf(ybuf, sizeof ybuf, "%d", year);
    if (known_values(db, program, stage, err) != 0)
        return -1;
    return db_command(db, sql, 5, p, err);
}

int
rates_delete(struct db *db, const char *program, int year, const char *stage,
             bool boarding, struct db_error *err)
{
    static const char sql[] =
        "SELECT eduaid.delete_subsidy_rate($1, $2::int, $3, $4::boolean) "
        "         AS deleted";
    char ybuf[16];
    const char *p[4] = {program, ybuf, stage, boarding ? "true" : "false"};
    struct dbres *r;
    const char *v;
    int rc;

    snprintf(ybuf, sizeof ybuf, "%d", year);
    if ((r = db_exec(db, sql, 4, p, err)) == NULL)
        return -1;
    v = dbres_field(r, 0, "deleted");
    rc = v != NULL && v[0] == 't' ? 1 : 0;
    dbres_free(r);
    return rc;
}
