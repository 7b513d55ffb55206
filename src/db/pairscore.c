/*
 * pairscore.c
 *   The statements of the annual scoring sheet (pairscore.h): reads of
 *   eduaid.pair_annual_sheet(), the criteria and an evaluation's scores,
 *   and the supervisors' inserts and approval. Every value is a
 *   parameter. The inspector reads no user directory: its sheet names an
 *   evaluation's author by login.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/pairscore.h"

#define SHEET_SQL(author)                                                      \
    "SELECT s.pair_id, s.township_id, s.title,"                                \
    " coalesce(s.total::text, '') AS total,"                                   \
    " coalesce(s.max_total::text, '') AS max_total,"                           \
    " coalesce(s.rank::text, '') AS rank,"                                     \
    " coalesce(e.id::text, '') AS evaluation_id,"                              \
    " coalesce(" author ", '') AS entered_by,"                                 \
    " coalesce((SELECT sum(x.score) FROM eduaid.pair_evaluation_score x"       \
    " WHERE x.township_id = e.township_id AND x.pair_id = e.pair_id"           \
    " AND x.evaluation_id = e.id)::text, '') AS entered_total,"                \
    " CASE WHEN e.approved_at IS NOT NULL THEN 't' ELSE 'f' END AS approved,"  \
    " CASE WHEN e.id IS NOT NULL AND e.approved_at IS NULL"                    \
    " AND eduaid.my_role() = 'supervisor' THEN 't' ELSE 'f' END"               \
    " AS may_approve,"                                                         \
    " CASE WHEN e.created_by = session_user THEN 't' ELSE 'f' END AS mine"     \
    " FROM eduaid.pair_annual_sheet($1::int) WITH ORDINALITY AS s"             \
    " LEFT JOIN eduaid.pair_evaluation e ON e.township_id = s.township_id"     \
    " AND e.pair_id = s.pair_id AND e.kind = 'annual' AND e.year = $1::int"    \
    " ORDER BY s.ordinality"

static const char sheet_sql[] =
    SHEET_SQL("(SELECT d.full_name FROM eduaid.user_directory d"
              " WHERE d.login = e.created_by), e.created_by");

static const char sheet_inspector_sql[] = SHEET_SQL("e.created_by");

static const char scores_sql[] =
    "SELECT c.id AS criterion_id, c.name, c.max_score::text AS max_score,"
    " coalesce(x.score::text, '') AS score"
    " FROM eduaid.pair_criterion c"
    " LEFT JOIN eduaid.pair_evaluation_score x ON x.township_id = $1::int"
    " AND x.pair_id = $2::bigint AND x.evaluation_id = $3::bigint"
    " AND x.criterion_id = c.id"
    " WHERE c.year = $4::int AND c.use = 'annual' ORDER BY c.id";

static const char evaluation_sql[] =
    "SELECT e.report, coalesce(e.advice, '') AS advice,"
    " coalesce(e.approved_by, '') AS approved_by"
    " FROM eduaid.pair_evaluation e"
    " WHERE e.township_id = $1::int AND e.id = $2::bigint";

static const char criterion_sql[] =
    "INSERT INTO eduaid.pair_criterion (year, use, name, max_score)"
    " VALUES ($1::int, 'annual', $2, $3::numeric)";

static const char create_sql[] =
    "INSERT INTO eduaid.pair_evaluation (township_id, pair_id, kind, year,"
    " evaluated_on, report, advice)"
    " VALUES ($1::int, $2::bigint, 'annual', $3::int, current_date, $4,"
    " nullif($5, '')) RETURNING id";

static const char score_sql[] =
    "INSERT INTO eduaid.pair_evaluation_score (township_id, pair_id,"
    " evaluation_id, criterion_id, score)"
    " VALUES ($1::int, $2::bigint, $3::bigint, $4::int, $5::numeric)"
    " ON CONFLICT (township_id, pair_id, evaluation_id, criterion_id)"
    " DO UPDATE SET score = EXCLUDED.score";

static const char approve_sql[] =
    "SELECT eduaid.pair_evaluation_approve($1::bigint)";

struct dbres *
pairscore_sheet(struct db *db, int year, struct db_error *err)
{
    char y[16];
    const char *params[1] = {y};

    snprintf(y, sizeof(y), "%d", year);
    return db_exec(db,
                   strcmp(db_role(db), "inspector") == 0 ? sheet_inspector_sql
                                                         : sheet_sql,
                   1, params, err);
}

struct dbres *
pairscore_scores(struct db *db, const char *township, const char *pair,
                 const char *evaluation, int year, struct db_error *err)
{
    char y[16];
    const char *params[4] = {township, pair, evaluation, y};

    snprintf(y, sizeof(y), "%d", year);
    return db_exec(db, scores_sql, 4, params, err);
}

struct dbres *
pairscore_evaluation(struct db *db, const char *township,
                     const char *evaluation, struct db_error *err)
{
    const char *params[2] = {township, evaluation};

    return db_exec(db, evaluation_sql, 2, params, err);
}

int
pairscore_add_criterion(struct db *db, int year, const char *name,
                        const char *max_score, struct db_error *err)
{
    char y[16];
    const char *params[3] = {y, name, max_score};

    snprintf(y, sizeof(y), "%d", year);
    return db_command(db, criterion_sql, 3, params, err);
}

char *
pairscore_create(struct db *db, const char *township, const char *pair,
                 int year, const char *report, const char *advice,
                 struct db_error *err)
{
    char y[16];
    const char *params[5] = {township, pair, y, report,
                             advice != NULL ? advice : ""};
    struct dbres *r;
    char *id;

    snprintf(y, sizeof(y), "%d", year);
    r = db_exec(db, create_sql, 5, params, err);
    if (r == NULL)
        return NULL;
    id = strdup(dbres_field(r, 0, "id") != NULL ? dbres_field(r, 0, "id") : "");
    dbres_free(r);
    if (id == NULL) {
        db_error_clear(err);
        err->status = DB_NO_MEMORY;
        snprintf(err->message, sizeof(err->message), "out of memory");
    }
    return id;
}

int
pairscore_set_score(struct db *db, const char *township, const char *pair,
                    const char *evaluation, const char *criterion,
                    const char *score, struct db_error *err)
{
    const char *params[5] = {township, pair, evaluation, criterion, score};

    return db_command(db, score_sql, 5, params, err);
}

int
pairscore_approve(struct db *db, const char *evaluation, struct db_error *err)
{
    const char *params[1] = {evaluation};

    return db_command(db, approve_sql, 1, params, err);
}
