/*
 * refdata.c
 *   The admin's reference data (refdata.h): one SELECT per kind, the
 *   INSERT and UPDATE of a school, course or fund program through the
 *   admin's grants (sql/repeatable/39_privileges.sql: never a key, never
 *   a DELETE), and the pick lists of townships, programs and stages.
 *   Every value a parameter; the audit is the server's trigger.
 */
#include "config.h"

#include "db/refdata.h"

#include <stdio.h>
#include <stdlib.h>

static const char school_sql[] =
    "SELECT s.id, s.township_id, t.name AS township, s.name, s.kind,"
    " s.nutrition_pilot, s.canteen, s.active"
    " FROM eduaid.school s JOIN eduaid.township t ON t.id = s.township_id"
    " WHERE ($1::int IS NULL OR s.township_id = $1::int)"
    "   AND ($2::text IS NULL OR s.name LIKE $2::text || '%')"
    " ORDER BY NOT s.active, s.township_id, s.name LIMIT 2000";

static const char course_sql[] =
    "SELECT c.id, c.name, c.category, c.hours, c.active"
    " FROM eduaid.training_course c"
    " WHERE ($1::text IS NULL OR c.name LIKE $1::text || '%')"
    " ORDER BY NOT c.active, c.category, c.name LIMIT 2000";

static const char program_sql[] =
    "SELECT p.id, p.code, p.name,"
    " coalesce(to_char(p.max_amount, 'FM9999999990.00'), '') AS max_amount,"
    " p.active"
    " FROM eduaid.fund_program p"
    " WHERE ($1::text IS NULL OR p.name LIKE $1::text || '%'"
    "        OR p.code LIKE $1::text || '%')"
    " ORDER BY NOT p.active, p.id LIMIT 2000";

static const char rate_sql[] =
    "SELECT r.school_year, r.program, p.zh AS program_zh, p.en AS program_en,"
    " r.stage, s.zh AS stage_zh, s.en AS stage_en, r.boarding,"
    " to_char(r.amount, 'FM9999999990.00') AS amount,"
    " eduaid.rate_in_effect(r.program, r.school_year, r.stage, r.boarding)"
    "   AS in_effect, true AS active"
    " FROM eduaid.subsidy_rate r"
    " JOIN eduaid.choice_program p ON p.value = r.program"
    " JOIN eduaid.choice_stage s ON s.value = r.stage"
    " WHERE ($1::int IS NULL OR r.school_year = $1::int)"
    "   AND ($2::text IS NULL OR p.zh LIKE $2::text || '%'"
    "        OR r.program LIKE $2::text || '%')"
    " ORDER BY r.school_year DESC, p.position, s.position, r.boarding"
    " LIMIT 2000";

struct dbres *
refdata_rows(struct db *db, enum refkind k, const struct refdata_filter *f,
             struct db_error *err)
{
    char town[16], year[16];
    const char *search =
        f->search != NULL && f->search[0] != '\0' ? f->search : NULL;
    const char *p[2] = {NULL, search};

    snprintf(town, sizeof(town), "%d", f->township);
    snprintf(year, sizeof(year), "%d", f->school_year);
    switch (k) {
    case RK_COURSE:
        return db_exec(db, course_sql, 1, &search, err);
    case RK_PROGRAM:
        return db_exec(db, program_sql, 1, &search, err);
    case RK_RATE:
        p[0] = f->school_year > 0 ? year : NULL;
        return db_exec(db, rate_sql, 2, p, err);
    case RK_SCHOOL:
    default:
        p[0] = f->township > 0 ? town : NULL;
        return db_exec(db, school_sql, 2, p, err);
    }
}

/* Run sql (returning id) with n params: the id, 0 when no row, -1. */
static long long
returning_id(struct db *db, const char *sql, int n, const char *const *p,
             struct db_error *err)
{
    struct dbres *r = db_exec(db, sql, n, p, err);
    long long id;

    if (r == NULL)
        return -1;
    id = r->nrows > 0 ? atoll(dbres_field(r, 0, "id")) : 0;
    dbres_free(r);
    return id;
}

long long
refdata_add(struct db *db, enum refkind k, const struct refdata_values *vals,
            struct db_error *err)
{
    static const char *const sql[RK_RATE] = {
        "INSERT INTO eduaid.school (township_id, name, kind, nutrition_pilot,"
        " canteen) VALUES ($1::int, $2, $3, $4::boolean, $5::boolean)"
        " RETURNING id",
        "INSERT INTO eduaid.training_course (name, category, hours)"
        " VALUES ($1, $2, $3::int) RETURNING id",
        "INSERT INTO eduaid.fund_program (code, name, max_amount)"
        " VALUES ($1, $2, $3::numeric) RETURNING id"};

    if (k >= RK_RATE)
        return -1;
    return returning_id(db, sql[k], k == RK_SCHOOL ? 5 : 3, vals->v, err);
}

int
refdata_change(struct db *db, enum refkind k, long long id,
               const struct refdata_values *vals, struct db_error *err)
{
    static const char *const sql[RK_RATE] = {
        "UPDATE eduaid.school SET name = $2, kind = $3,"
        " nutrition_pilot = $4::boolean, canteen = $5::boolean,"
        " canteen_since = CASE WHEN $5::boolean THEN canteen_since END"
        " WHERE id = $1::int RETURNING id",
        "UPDATE eduaid.training_course SET name = $2, category = $3,"
        " hours = $4::int WHERE id = $1::int RETURNING id",
        "UPDATE eduaid.fund_program SET name = $3, max_amount = $4::numeric"
        " WHERE id = $1::int RETURNING id"};
    char idbuf[24];
    const char *p[5];
    long long r;

    if (k >= RK_RATE)
        return -1;
    snprintf(idbuf, sizeof(idbuf), "%lld", id);
    p[0] = idbuf;
    if (k == RK_SCHOOL) { /* v[0] is the township: a key, not written */
        p[1] = vals->v[1];
        p[2] = vals->v[2];
        p[3] = vals->v[3];
        p[4] = vals->v[4]; /* issue 17 H3: the canteen */
    } else { /* a course's name, category, hours; a program's code (a key,
                not written), name, maximum */
        p[1] = vals->v[0];
        p[2] = vals->v[1];
        p[3] = vals->v[2];
    }
    r = returning_id(db, sql[k], k == RK_SCHOOL ? 5 : 4, p, err);
    return r < 0 ? -1 : r == 0 ? 1 : 0;
}

int
refdata_set_active(struct db *db, enum refkind k, long long id, bool active,
                   struct db_error *err)
{
    static const char *const sql[RK_RATE] = {
        "UPDATE eduaid.school SET active = $2::boolean"
        " WHERE id = $1::int RETURNING id",
        "UPDATE eduaid.training_course SET active = $2::boolean"
        " WHERE id = $1::int RETURNING id",
        "UPDATE eduaid.fund_program SET active = $2::boolean"
        " WHERE id = $1::int RETURNING id"};
    char idbuf[24];
    const char *p[2] = {idbuf, active ? "true" : "false"};
    long long r;

    if (k >= RK_RATE)
        return -1;
    snprintf(idbuf, sizeof(idbuf), "%lld", id);
    r = returning_id(db, sql[k], 2, p, err);
    return r < 0 ? -1 : r == 0 ? 1 : 0;
}

int
refdata_rate_add(struct db *db, const char *program, const char *year,
                 const char *stage, bool boarding, const char *amount,
                 struct db_error *err)
{
    static const char sql[] =
        "INSERT INTO eduaid.subsidy_rate"
        " (program, school_year, stage, boarding, amount)"
        " VALUES ($1, $2::int, $3, $4::boolean, $5::numeric)";
    const char *p[5] = {program, year, stage, boarding ? "true" : "false",
                        amount};

    return db_command(db, sql, 5, p, err);
}

struct dbres *
refdata_townships(struct db *db, struct db_error *err)
{
    return db_exec(db,
                   "SELECT id, name, id AS key, name AS label"
                   " FROM eduaid.township ORDER BY id"
                   " LIMIT 1000",
                   0, NULL, err);
}

struct dbres *
refdata_rate_programs(struct db *db, struct db_error *err)
{
    return db_exec(db,
                   "SELECT value, zh, en FROM eduaid.choice_program"
                   " WHERE value NOT IN ('student_loan', 'zihui')"
                   " ORDER BY position",
                   0, NULL, err);
}

struct dbres *
refdata_rate_stages(struct db *db, struct db_error *err)
{
    return db_exec(db,
                   "SELECT value, zh, en FROM eduaid.choice_stage"
                   " WHERE value <> 'none' ORDER BY position",
                   0, NULL, err);
}
