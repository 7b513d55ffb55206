/*
 * homevisit.c
 *   The statements of the home-delivery ledger (homevisit.h): reads of
 *   eduaid.home_delivery_due and home_visit, the teachers of a township,
 *   and the one INSERT a visit is. Every value is a parameter.
 */
#include "config.h"

#include "db/homevisit.h"

static const char due_sql[] =
    "SELECT d.township_id, d.plan_id, d.child_name, d.teacher_id,"
    " d.teacher_name, d.visits_per_month, d.visits_logged, d.due, d.last_visit,"
    " t.name AS township FROM eduaid.home_delivery_due() d"
    " JOIN eduaid.township t ON t.id = d.township_id";

static const char totals_sql[] =
    "SELECT count(*) AS plans, coalesce(sum(due), 0) AS due"
    " FROM eduaid.home_delivery_due()";

static const char visits_sql[] =
    "SELECT v.visit_date, coalesce(t.name, '') AS teacher, v.hours, v.content"
    " FROM eduaid.home_visit v LEFT JOIN eduaid.teacher t"
    " ON t.township_id = v.township_id AND t.id = v.teacher_id"
    " WHERE v.township_id = $1::int AND v.plan_id = $2::bigint"
    " ORDER BY v.visit_date DESC LIMIT 5";

static const char teachers_sql[] =
    "SELECT t.id::text AS value, t.name AS label, s.name AS detail"
    " FROM eduaid.teacher t"
    " JOIN eduaid.school s ON s.id = t.school_id"
    " WHERE t.township_id = $2::int AND t.active"
    " AND t.name LIKE '%' || $1 || '%'"
    " ORDER BY t.id = $3::bigint DESC, t.name LIMIT 50";

static const char log_sql[] =
    "INSERT INTO eduaid.home_visit (township_id, plan_id,"
    " visit_date, teacher_id, hours, content) VALUES"
    " ($1::int, $2::bigint, $3::date, $4::bigint, $5::numeric, $6)";

struct dbres *
home_delivery_due(struct db *db, struct db_error *err)
{
    return db_exec(db, due_sql, 0, NULL, err);
}

struct dbres *
home_delivery_totals(struct db *db, struct db_error *err)
{
    return db_exec(db, totals_sql, 0, NULL, err);
}

struct dbres *
home_delivery_visits(struct db *db, const char *township, const char *plan,
                     struct db_error *err)
{
    const char *params[2] = {township, plan};

    return db_exec(db, visits_sql, 2, params, err);
}

struct dbres *
home_delivery_teachers(struct db *db, const char *filter, const char *township,
                       const char *teacher, struct db_error *err)
{
    const char *params[3] = {filter != NULL ? filter : "", township, teacher};

    return db_exec(db, teachers_sql, 3, params, err);
}

int
home_delivery_log(struct db *db, const char *township, const char *plan,
                  const char *date, const char *teacher, const char *hours,
                  const char *content, struct db_error *err)
{
    const char *params[6] = {township, plan, date, teacher, hours, content};

    return db_command(db, log_sql, 6, params, err);
}
