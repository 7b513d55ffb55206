/*
 * training.c
 *   The statements of the training ledger (training.h): reads of
 *   eduaid.training_ledger and of one batch's enrollments with their
 *   attendance, and the INSERTs of attendance. Every value is a
 *   parameter.
 */
#include "config.h"

#include "db/training.h"

static const char ledger_sql[] =
    "SELECT l.course_name, l.batch, l.enrolled, l.approved, l.sessions,"
    " l.hours_present, l.completed, l.certified, l.employed, l.course_id"
    " FROM eduaid.training_ledger(NULL) l";

static const char totals_sql[] =
    "SELECT coalesce(sum(enrolled), 0) AS enrolled,"
    " coalesce(sum(completed), 0) AS completed,"
    " coalesce(sum(employed), 0) AS employed"
    " FROM eduaid.training_ledger(extract(year FROM current_date)::int)";

static const char batch_sql[] =
    "SELECT e.township_id, e.id, e.trainee_name, t.name AS township, e.status,"
    " count(a.id) FILTER (WHERE a.present) AS sessions,"
    " coalesce(sum(a.hours), 0) AS hours,"
    " max(a.session_date) FILTER (WHERE a.present) AS last_session,"
    " CASE WHEN e.completed THEN 'yes' ELSE '' END AS completed,"
    " e.employment_outcome"
    " FROM eduaid.training_enrollment e"
    " JOIN eduaid.township t ON t.id = e.township_id"
    " LEFT JOIN eduaid.training_attendance a"
    "   ON a.township_id = e.township_id AND a.enrollment_id = e.id"
    " WHERE e.course_id = $1::int AND e.batch = $2"
    " GROUP BY e.township_id, e.id, t.name"
    " ORDER BY e.trainee_name, e.township_id, e.id";

static const char attend_one_sql[] =
    "INSERT INTO eduaid.training_attendance"
    " (township_id, enrollment_id, session_date, hours, present)"
    " VALUES ($1::int, $2::bigint, $3::date, $4::numeric, $4::numeric > 0)";

/* Every enrollment of the batch the caller may write (RLS), but for those
 * already recorded that day. */
static const char attend_all_sql[] =
    "INSERT INTO eduaid.training_attendance"
    " (township_id, enrollment_id, session_date, hours, present)"
    " SELECT e.township_id, e.id, $3::date, $4::numeric, true"
    " FROM eduaid.training_enrollment e"
    " WHERE e.course_id = $1::int AND e.batch = $2"
    " AND e.township_id = ANY ((SELECT eduaid.my_townships())::int[])"
    " ON CONFLICT (township_id, enrollment_id, session_date) DO NOTHING";

struct dbres *
training_ledger_rows(struct db *db, struct db_error *err)
{
    return db_exec(db, ledger_sql, 0, NULL, err);
}

struct dbres *
training_ledger_totals(struct db *db, struct db_error *err)
{
    return db_exec(db, totals_sql, 0, NULL, err);
}

struct dbres *
training_batch(struct db *db, const char *course_id, const char *batch,
               struct db_error *err)
{
    const char *params[2] = {course_id, batch};

    return db_exec(db, batch_sql, 2, params, err);
}

/* Run an INSERT; the rows it added, or -1. */
static long long
insert(struct db *db, const char *sql, const char *const *params,
       struct db_error *err)
{
    struct dbres *r = db_exec(db, sql, 4, params, err);
    long long n;

    if (r == NULL)
        return -1;
    n = r->affected;
    dbres_free(r);
    return n;
}

long long
training_attend_one(struct db *db, const char *township, const char *enrollment,
                    const char *date, const char *hours, struct db_error *err)
{
    const char *params[4] = {township, enrollment, date, hours};

    return insert(db, attend_one_sql, params, err);
}

long long
training_attend_all(struct db *db, const char *course_id, const char *batch,
                    const char *date, const char *hours, struct db_error *err)
{
    const char *params[4] = {course_id, batch, date, hours};

    return insert(db, attend_all_sql, params, err);
}
