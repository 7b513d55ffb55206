/*
 * pairing.c
 *   The statements of the pairing area (pairing.h): reads of eduaid.pair
 *   and the rows of a pair under the caller's row-level security, and the
 *   INSERTs the pair page makes. Every value is a parameter.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "db/pairing.h"

static const char counts_sql[] =
    "SELECT count(*) AS pairs,"
    " count(*) FILTER (WHERE current_date >= p.cycle_start"
    " AND current_date < coalesce(p.ended_on, p.cycle_end)) AS running,"
    " count(*) FILTER (WHERE EXISTS (SELECT FROM eduaid.pair_agreement a"
    " WHERE a.township_id = p.township_id AND a.pair_id = p.id"
    " AND a.status = 'approved')) AS approved"
    " FROM eduaid.pair p";

#define PAIR_COLUMNS                                                           \
    "SELECT p.township_id, p.id, p.title, t.name AS township,"                 \
    " hs.name AS helping, ht.name AS helping_township,"                        \
    " (SELECT count(*) FROM eduaid.pair_member m"                              \
    " WHERE m.pair_township_id = p.township_id AND m.pair_id = p.id)"          \
    " AS helped_count,"                                                        \
    " (SELECT string_agg(s.name, '、' ORDER BY s.name)"                       \
    " FROM eduaid.pair_member m JOIN eduaid.school s"                          \
    " ON s.township_id = m.township_id AND s.id = m.school_id"                 \
    " WHERE m.pair_township_id = p.township_id AND m.pair_id = p.id)"          \
    " AS helped,"                                                              \
    " p.form, p.help_kind, p.cycle_start, p.cycle_end, p.ended_on,"            \
    " p.end_reason, p.helping_lead, p.helped_lead, a.status AS agreement,"     \
    " p.end_requested_on, p.end_request_reason, p.end_requested_by,"           \
    " p.end_refused_by, p.end_refusal, p.end_approved_by"                      \
    " FROM eduaid.pair p"                                                      \
    " JOIN eduaid.township t ON t.id = p.township_id"                          \
    " JOIN eduaid.school hs ON hs.township_id = p.helping_township_id"         \
    " AND hs.id = p.helping_school_id"                                         \
    " JOIN eduaid.township ht ON ht.id = p.helping_township_id"                \
    " LEFT JOIN eduaid.pair_agreement a ON a.township_id = p.township_id"      \
    " AND a.pair_id = p.id"

static const char list_sql[] =
    PAIR_COLUMNS " WHERE ($1::int = 0 OR p.township_id = $1::int"
                 " OR p.helping_township_id = $1::int"
                 " OR EXISTS (SELECT FROM eduaid.pair_member m"
                 " WHERE m.pair_township_id = p.township_id"
                 " AND m.pair_id = p.id AND m.township_id = $1::int))"
                 " AND ($2 = '' OR strpos(p.title, $2) > 0"
                 " OR strpos(hs.name, $2) > 0"
                 " OR EXISTS (SELECT FROM eduaid.pair_member m"
                 " JOIN eduaid.school s ON s.township_id = m.township_id"
                 " AND s.id = m.school_id WHERE m.pair_township_id ="
                 " p.township_id AND m.pair_id = p.id"
                 " AND strpos(s.name, $2) > 0))"
                 " ORDER BY p.title, p.id";

static const char get_sql[] =
    PAIR_COLUMNS " WHERE p.township_id = $1::int AND p.id = $2::bigint";

struct dbres *
pairs_list(struct db *db, const char *township, const char *search,
           struct db_error *err)
{
    const char *params[2] = {township, search != NULL ? search : ""};

    return db_exec(db, list_sql, 2, params, err);
}

struct dbres *
pair_get(struct db *db, const char *township, const char *pair,
         struct db_error *err)
{
    const char *params[2] = {township, pair};

    return db_exec(db, get_sql, 2, params, err);
}

struct dbres *
pairing_counts(struct db *db, struct db_error *err)
{
    return db_exec(db, counts_sql, 0, NULL, err);
}

/* ---- pick lists --------------------------------------------------------- */

static const char townships_sql[] =
    "SELECT t.id::text AS value, t.name AS label, '' AS detail"
    " FROM eduaid.township t WHERE t.id = ANY (eduaid.my_townships())"
    " AND t.name LIKE '%' || $1 || '%' ORDER BY t.id LIMIT 50";

#define SCHOOL_PICK                                                            \
    "SELECT s.township_id || ':' || s.id AS value, s.name AS label,"           \
    " t.name AS detail FROM eduaid.school s"                                   \
    " JOIN eduaid.township t ON t.id = s.township_id"                          \
    " WHERE s.active AND (s.name LIKE '%' || $1 || '%'"                        \
    " OR t.name LIKE '%' || $1 || '%')"

static const char any_school_sql[] =
    SCHOOL_PICK " ORDER BY s.township_id, s.name LIMIT 50";

static const char my_school_sql[] =
    SCHOOL_PICK " AND s.township_id = ANY (eduaid.my_townships())"
                " ORDER BY s.township_id, s.name LIMIT 50";

static struct dbres *
pick(struct db *db, const char *sql, const char *filter, struct db_error *err)
{
    const char *params[1] = {filter != NULL ? filter : ""};

    return db_exec(db, sql, 1, params, err);
}

struct dbres *
pairing_my_townships(struct db *db, const char *filter, struct db_error *err)
{
    return pick(db, townships_sql, filter, err);
}

struct dbres *
pairing_any_school(struct db *db, const char *filter, struct db_error *err)
{
    return pick(db, any_school_sql, filter, err);
}

struct dbres *
pairing_my_school(struct db *db, const char *filter, struct db_error *err)
{
    return pick(db, my_school_sql, filter, err);
}

/* ---- a new pair -----------------------------------------------------------
 */

/* A school is named "township:id": split_part picks either half. */
static const char create_sql[] =
    "INSERT INTO eduaid.pair (township_id, helping_township_id,"
    " helping_school_id, title, form, help_kind, cycle_start, helping_lead,"
    " helped_lead) VALUES ($1::int, split_part($2, ':', 1)::int,"
    " split_part($2, ':', 2)::int, $3, $4, $5, $6::date, $7, $8)";

/* The pair just made (an INSERT's RETURNING would need the pair visible
 * to my_pairs() before the statement began). */
static const char created_sql[] =
    "SELECT max(id) AS id FROM eduaid.pair WHERE township_id = $1::int"
    " AND title = $2 AND created_by = session_user";

static const char member_sql[] =
    "INSERT INTO eduaid.pair_member (township_id, pair_id, school_id)"
    " VALUES (split_part($2, ':', 1)::int, $1::bigint,"
    " split_part($2, ':', 2)::int)";

int
pair_add_member(struct db *db, const char *pair, const char *member,
                struct db_error *err)
{
    const char *params[2] = {pair, member};

    return db_command(db, member_sql, 2, params, err);
}

long long
pair_create(struct db *db, const struct pair_new *v, struct db_error *err)
{
    const char *params[8] = {v->township,     v->helping,    v->title,
                             v->form,         v->help_kind,  v->cycle_start,
                             v->helping_lead, v->helped_lead};
    const char *find[2] = {v->township, v->title};
    struct dbres *r = NULL;
    const char *id;
    long long pair = -1;

    if (db_begin(db, err) != 0)
        return -1;
    if (db_command(db, create_sql, 8, params, err) != 0 ||
        (r = db_exec(db, created_sql, 2, find, err)) == NULL)
        goto fail;
    id = r->nrows == 1 ? dbres_field(r, 0, "id") : NULL;
    if (id == NULL || pair_add_member(db, id, v->member, err) != 0)
        goto fail;
    pair = atoll(id);
    dbres_free(r);
    r = NULL;
    if (db_commit(db, err) != 0)
        return -1;
    return pair;
fail:
    dbres_free(r);
    db_rollback(db);
    return -1;
}

/* ---- a pair's page ----------------------------------------------------------
 */

static const char *const section_sql[PS_COUNT] = {
    [PS_TARGETS] =
        "SELECT id, version, kind, year, what, due_on, who, quantity"
        " FROM eduaid.pair_target WHERE township_id = $1::int"
        " AND pair_id = $2::bigint ORDER BY year DESC, kind, due_on, id",
    [PS_ACTIVITIES] =
        "SELECT id, version, kind, held_on, place, people, content"
        " FROM eduaid.pair_activity WHERE township_id = $1::int"
        " AND pair_id = $2::bigint ORDER BY held_on DESC, id DESC",
    [PS_MONTHLY] =
        "SELECT id, version, to_char(month, 'YYYY-MM') AS month, content,"
        " to_char(created_at, 'YYYY-MM-DD') AS entered"
        " FROM eduaid.pair_monthly_report WHERE township_id = $1::int"
        " AND pair_id = $2::bigint ORDER BY month DESC",
    [PS_QUARTERLY] = "SELECT id, version, year, quarter, kind, held_on, content"
                     " FROM eduaid.pair_quarterly WHERE township_id = $1::int"
                     " AND pair_id = $2::bigint"
                     " ORDER BY year DESC, quarter DESC, held_on DESC, id DESC",
    [PS_CHECKS] =
        "SELECT i.id AS inspection_id, i.inspected_on, i.inspectors,"
        " i.verdict, i.findings, i.bulletin,"
        " row_number() OVER (PARTITION BY i.id ORDER BY r.issued_on, r.id) = 1"
        " AS first, r.id AS rectification_id, r.issued_on, r.deadline,"
        " r.demands, x.responded_on, x.response, x.id AS response_id,"
        " x.version AS response_version"
        " FROM eduaid.pair_inspection i"
        " LEFT JOIN eduaid.pair_rectification r"
        " ON r.township_id = i.township_id AND r.pair_id = i.pair_id"
        " AND r.inspection_id = i.id"
        " LEFT JOIN eduaid.pair_rectification_response x"
        " ON x.township_id = r.township_id AND x.pair_id = r.pair_id"
        " AND x.rectification_id = r.id"
        " WHERE i.township_id = $1::int AND i.pair_id = $2::bigint"
        " ORDER BY i.inspected_on DESC, i.id DESC, r.issued_on, r.id",
};

struct dbres *
pair_rows(struct db *db, enum pair_section sec, const char *township,
          const char *pair, struct db_error *err)
{
    const char *params[2] = {township, pair};

    return db_exec(db, section_sql[sec < PS_COUNT ? sec : PS_TARGETS], 2,
                   params, err);
}

static const struct {
    const char *sql;
    int n;
} add_sql[PR_COUNT] = {
    [PR_TARGET] = {"INSERT INTO eduaid.pair_target (township_id, pair_id,"
                   " kind, year, what, due_on, who, quantity) VALUES"
                   " ($1::int, $2::bigint, $3, $4::int, $5, $6::date, $7, $8)",
                   6},
    [PR_ACTIVITY] = {"INSERT INTO eduaid.pair_activity (township_id, pair_id,"
                     " kind, held_on, place, people, content) VALUES"
                     " ($1::int, $2::bigint, $3, $4::date, $5, $6, $7)",
                     5},
    [PR_MONTHLY] = {"INSERT INTO eduaid.pair_monthly_report (township_id,"
                    " pair_id, month, content) VALUES ($1::int, $2::bigint,"
                    " ($3 || '-01')::date, $4)",
                    2},
    [PR_QUARTERLY] = {"INSERT INTO eduaid.pair_quarterly (township_id,"
                      " pair_id, year, quarter, kind, held_on, content)"
                      " VALUES ($1::int, $2::bigint, $3::int, $4::int, $5,"
                      " $6::date, $7)",
                      5},
    [PR_INSPECTION] = {"INSERT INTO eduaid.pair_inspection (township_id,"
                       " pair_id, inspected_on, inspectors, findings,"
                       " verdict, bulletin) VALUES ($1::int, $2::bigint,"
                       " $3::date, $4, $5, $6, $7)",
                       5},
    [PR_RECTIFICATION] = {"INSERT INTO eduaid.pair_rectification"
                          " (township_id, pair_id, inspection_id, issued_on,"
                          " deadline, demands) VALUES ($1::int, $2::bigint,"
                          " $3::bigint, $4::date, $5::date, $6)",
                          4},
    [PR_RESPONSE] = {"INSERT INTO eduaid.pair_rectification_response"
                     " (township_id, pair_id, rectification_id, responded_on,"
                     " response) VALUES ($1::int, $2::bigint, $3::bigint,"
                     " $4::date, $5)",
                     3},
};

int
pair_row_nvalues(enum pair_row k)
{
    return k < PR_COUNT ? add_sql[k].n : 0;
}

int
pair_row_add(struct db *db, enum pair_row k, const char *township,
             const char *pair, const char *const *values, struct db_error *err)
{
    const char *params[8] = {township, pair};

    if (k >= PR_COUNT)
        return -1;
    for (int i = 0; i < add_sql[k].n; i++)
        params[2 + i] = values[i];
    return db_command(db, add_sql[k].sql, 2 + add_sql[k].n, params, err);
}

/* ---- changing a row (issue 15 H6) -------------------------------------------
 */

/* The columns an UPDATE of a row of kind k sets (the column grants of
 * 39_privileges.sql), each the index of its value in pair_row_add's
 * order; the statement's $5.. are those values, in this order. */
static const struct {
    const char *sql;
    int n, at[5];
} upd_sql[PR_COUNT] = {
    [PR_TARGET] = {"UPDATE eduaid.pair_target SET what = $5, due_on = $6::date,"
                   " who = $7, quantity = $8",
                   4,
                   {2, 3, 4, 5}},
    [PR_ACTIVITY] = {"UPDATE eduaid.pair_activity SET kind = $5,"
                     " held_on = $6::date, place = $7, people = $8,"
                     " content = $9",
                     5,
                     {0, 1, 2, 3, 4}},
    [PR_MONTHLY] = {"UPDATE eduaid.pair_monthly_report SET content = $5",
                    1,
                    {1}},
    [PR_QUARTERLY] = {"UPDATE eduaid.pair_quarterly SET held_on = $5::date,"
                      " content = $6",
                      2,
                      {3, 4}},
    [PR_RESPONSE] = {"UPDATE eduaid.pair_rectification_response SET"
                     " responded_on = $5::date, response = $6",
                     2,
                     {1, 2}},
};

static const char upd_where[] =
    " WHERE township_id = $1::int AND pair_id = $2::bigint"
    " AND id = $3::bigint AND version = $4::int RETURNING version";

bool
pair_row_editable(enum pair_row k, int i)
{
    if (k >= PR_COUNT)
        return false;
    for (int j = 0; j < upd_sql[k].n; j++)
        if (upd_sql[k].at[j] == i)
            return true;
    return false;
}

int
pair_row_update(struct db *db, enum pair_row k, const char *township,
                const char *pair, const char *id, const char *version,
                const char *const *values, struct db_error *err)
{
    const char *params[9] = {township, pair, id, version};
    char sql[512];
    struct dbres *r;
    bool moved;

    if (k >= PR_COUNT || upd_sql[k].sql == NULL)
        return -1;
    for (int j = 0; j < upd_sql[k].n; j++)
        params[4 + j] = values[upd_sql[k].at[j]];
    snprintf(sql, sizeof(sql), "%s%s", upd_sql[k].sql, upd_where);
    if ((r = db_exec(db, sql, 4 + upd_sql[k].n, params, err)) == NULL)
        return -1;
    moved = r->nrows == 0;
    dbres_free(r);
    if (moved && err != NULL) {
        /* the row's version is no longer the one read: changed (or
         * removed) by someone else since; EA007's words say so */
        db_error_clear(err);
        err->status = DB_ERROR;
        snprintf(err->sqlstate, sizeof(err->sqlstate), "EA007");
        snprintf(err->message, sizeof(err->message),
                 "pair %s: row %s was changed by someone else (you have "
                 "version %s); load it again",
                 pair, id, version);
    }
    return moved ? -1 : 0;
}

/* ---- the early end, four eyes (052) ------------------------------------ */

static int
call(struct db *db, const char *sql, int n, const char *const *params,
     struct db_error *err)
{
    struct dbres *r = db_exec(db, sql, n, params, err);

    if (r == NULL)
        return -1;
    dbres_free(r);
    return 0;
}

int
pair_end_request(struct db *db, const char *pair, const char *day,
                 const char *reason, struct db_error *err)
{
    const char *params[3] = {pair, day, reason};

    return call(db,
                "SELECT eduaid.pair_end_request($1::bigint, $2::date, $3)"
                " AS version",
                3, params, err);
}

int
pair_end_approve(struct db *db, const char *pair, struct db_error *err)
{
    const char *params[1] = {pair};

    return call(db, "SELECT eduaid.pair_end_approve($1::bigint) AS version", 1,
                params, err);
}

int
pair_end_refuse(struct db *db, const char *pair, const char *reason,
                struct db_error *err)
{
    const char *params[2] = {pair, reason};

    return call(db, "SELECT eduaid.pair_end_refuse($1::bigint, $2) AS version",
                2, params, err);
}
