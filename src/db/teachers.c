/*
 * teachers.c
 *   The SQL of the rural teachers' screens (teachers.h, issue 17 H5).
 */
#include "config.h"

#include "db/teachers.h"

#include <stdio.h>
#include <string.h>

static const char list_sql[] =
    "SELECT r.township_id, r.id, r.name, r.school_id, r.school, r.urban_rural,"
    " r.teaching_point, r.post, r.subject, r.active, r.hours, r.trainings,"
    " r.version, t.name AS township"
    " FROM eduaid.teacher_register($1::int) r"
    " JOIN eduaid.township t ON t.id = r.township_id"
    " WHERE coalesce($2::int, 0) = 0 OR r.township_id = $2::int";

struct dbres *
teachers_list(struct db *db, const char *year, const char *township,
              struct db_error *err)
{
    const char *params[2] = {year, township};

    return db_exec(db, list_sql, 2, params, err);
}

static const char records_sql[] =
    "SELECT 'training' AS kind, tt.started_on::text AS at,"
    " tt.programme AS what, tt.level AS code, tt.hours::text AS hours,"
    " tt.ended_on::text AS until"
    " FROM eduaid.teacher_training tt"
    " WHERE tt.township_id = $1::int AND tt.teacher_id = $2::bigint"
    " UNION ALL"
    " SELECT 'exchange', x.school_year::text, x.from_school || ' \xe2\x86\x92 '"
    " || x.to_school || '\xef\xbc\x88' || x.to_township || '\xef\xbc\x89',"
    " x.term, NULL, NULL"
    " FROM eduaid.teacher_exchanges_of($1::int, $2::bigint) x"
    " ORDER BY 2 DESC, 1";

struct dbres *
teachers_records(struct db *db, const char *township, const char *teacher,
                 struct db_error *err)
{
    const char *params[2] = {township, teacher};

    return db_exec(db, records_sql, 2, params, err);
}

static const char training_sql[] =
    "INSERT INTO eduaid.teacher_training (township_id, teacher_id, programme,"
    " level, hours, started_on, ended_on) VALUES ($1::int, $2::bigint, $3, $4,"
    " $5::numeric, $6::date, $7::date)";

int
teachers_add_training(struct db *db, const char *township, const char *teacher,
                      const char *programme, const char *level,
                      const char *hours, const char *started_on,
                      const char *ended_on, struct db_error *err)
{
    const char *params[7] = {township, teacher,    programme, level,
                             hours,    started_on, ended_on};

    return db_command(db, training_sql, 7, params, err);
}

/* The receiving school is "township:id" (split_part picks either half). */
static const char exchange_sql[] =
    "INSERT INTO eduaid.teacher_exchange (township_id, teacher_id,"
    " from_school_id, to_township_id, to_school_id, school_year, term, notes)"
    " VALUES ($1::int, $2::bigint, $3::int, split_part($4, ':', 1)::int,"
    " split_part($4, ':', 2)::int, $5::int, $6, nullif($7, ''))";

int
teachers_add_exchange(struct db *db, const char *township, const char *teacher,
                      const char *from_school, const char *to,
                      const char *school_year, const char *term,
                      const char *notes, struct db_error *err)
{
    const char *params[7] = {township,    teacher, from_school,       to,
                             school_year, term,    notes ? notes : ""};

    return db_command(db, exchange_sql, 7, params, err);
}

static const char post_sql[] =
    "UPDATE eduaid.teacher SET post = $4, subject = nullif($5, '')"
    " WHERE township_id = $1::int AND id = $2::bigint AND version = $3::int"
    " RETURNING id";

int
teachers_set_post(struct db *db, const char *township, const char *teacher,
                  const char *version, const char *post, const char *subject,
                  struct db_error *err)
{
    const char *params[5] = {township, teacher, version, post,
                             subject ? subject : ""};
    struct dbres *r = db_exec(db, post_sql, 5, params, err);
    bool moved;

    if (r == NULL)
        return -1;
    moved = r->nrows == 0;
    dbres_free(r);
    if (moved) {
        /* changed by someone else since it was read: EA007's words */
        db_error_clear(err);
        err->status = DB_ERROR;
        snprintf(err->sqlstate, sizeof(err->sqlstate), "EA007");
        snprintf(err->message, sizeof(err->message),
                 "teacher %s was changed by someone else (you have version "
                 "%s); load it again",
                 teacher, version);
        return -1;
    }
    return 0;
}

/* The teacher by ID number, under row-level security: only the caller's
 * townships' teachers are found. */
static const char import_sql[] =
    "INSERT INTO eduaid.teacher_training (township_id, teacher_id, programme,"
    " level, hours, started_on, ended_on, source)"
    " SELECT t.township_id, t.id, $2, coalesce((SELECT c.value FROM"
    " eduaid.choice_training_level c WHERE c.zh = $3), $3), $4::numeric,"
    " $5::date, $6::date, $7 FROM eduaid.teacher t"
    " WHERE t.id_number = upper($1) AND t.active";

int
teachers_import_training(struct db *db, const char *idno, const char *programme,
                         const char *level, const char *hours,
                         const char *started_on, const char *ended_on,
                         const char *source, struct db_error *err)
{
    const char *params[7] = {idno,       programme, level, hours,
                             started_on, ended_on,  source};
    struct dbres *r = db_exec(db, import_sql, 7, params, err);
    long long n;

    if (r == NULL)
        return -1;
    n = r->affected;
    dbres_free(r);
    return n > 0 ? 1 : 0;
}
