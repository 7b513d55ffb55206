/*
 * care.c
 *   The statements of the left-behind children's care ledger (care.h):
 *   reads of eduaid.care_children and of one child's care page, the pick
 *   lists of teachers and of the term's activities, and one INSERT or
 *   UPDATE per write under the caller's row-level security. A
 *   supervisor's page names the masked columns only.
 */
#include "config.h"

#include "db/care.h"

#include <stdio.h>

const char *const care_kind_codes[CARE_KINDS] = {
    "music", "dance", "calligraphy", "chess", "science", "heritage"};

static const char children_sql[] =
    "SELECT township_id, township, household_id, student_id, name, care_id,"
    " guardian_name, teacher_name, volunteer_name, last_session, counselled,"
    " attended, needed FROM eduaid.care_children($1::int)";

static const char totals_sql[] =
    "SELECT children, cared FROM eduaid.report_care($1::int)"
    " WHERE township_id IS NULL";

/* The page: its columns named as the caller may read them (PHONE_G,
 * PHONE_V, NOTES: the full or the masked column). */
#define PAGE_SQL(PHONE_G, PHONE_V, NOTES)                                      \
    "WITH k AS (SELECT * FROM eduaid.care_children($1::int)"                   \
    " WHERE student_id = $2::bigint),"                                         \
    " c AS (SELECT r.guardian_name, r.guardian_relation, r." PHONE_G           \
    " AS gphone, r.contact_teacher_id, r.volunteer_name, r." PHONE_V           \
    " AS vphone, r.township_id, r.id FROM eduaid.care_record r JOIN k"         \
    " ON r.township_id = k.township_id AND r.id = k.care_id)"                  \
    " SELECT 1 AS ord, 'guardian' AS kind, NULL::text AS ref,"                 \
    " c.guardian_name AS value, c.guardian_relation AS relation,"              \
    " c.gphone AS phone, NULL::text AS detail, NULL::text AS notes,"           \
    " NULL::date AS day FROM k LEFT JOIN c ON true"                            \
    " UNION ALL SELECT 2, 'teacher', NULL, t.name, NULL, NULL, s.name, NULL,"  \
    " NULL FROM k LEFT JOIN c ON true LEFT JOIN eduaid.teacher t"              \
    " ON t.township_id = c.township_id AND t.id = c.contact_teacher_id"        \
    " LEFT JOIN eduaid.school s ON s.township_id = t.township_id"              \
    " AND s.id = t.school_id"                                                  \
    " UNION ALL SELECT 3, 'volunteer', NULL, c.volunteer_name, NULL, "         \
    "c.vphone,"                                                                \
    " NULL, NULL, NULL FROM k LEFT JOIN c ON true"                             \
    " UNION ALL SELECT 4, 'activities', NULL, k.attended::text, NULL, NULL,"   \
    " trim_scale(k.needed)::text, NULL, NULL FROM k"                           \
    " UNION ALL SELECT 5, 'session', x.id::text, x.session_date::text, NULL,"  \
    " NULL, x.counsellor, x." NOTES ", x.session_date"                         \
    " FROM k JOIN eduaid.care_counselling x ON x.township_id = k.township_id"  \
    " AND x.care_id = k.care_id"                                               \
    " ORDER BY ord, day DESC, ref DESC"

static const char page_sql[] =
    PAGE_SQL("guardian_phone", "volunteer_phone", "counsel_notes");
static const char page_masked_sql[] = PAGE_SQL(
    "guardian_phone_masked", "volunteer_phone_masked", "counsel_notes_masked");

static const char ensure_sql[] =
    "WITH n AS (INSERT INTO eduaid.care_record (township_id, household_id,"
    " student_id) VALUES ($1::int, $2::bigint, $3::bigint)"
    " ON CONFLICT (township_id, student_id) DO NOTHING RETURNING id)"
    " SELECT id FROM n UNION ALL SELECT id FROM eduaid.care_record"
    " WHERE township_id = $1::int AND student_id = $3::bigint";

static const char guardian_sql[] =
    "UPDATE eduaid.care_record SET guardian_name = NULLIF($2, ''),"
    " guardian_relation = NULLIF($3, ''), guardian_phone = NULLIF($4, '')"
    " WHERE id = $1::bigint";
static const char volunteer_sql[] =
    "UPDATE eduaid.care_record SET volunteer_name = NULLIF($2, ''),"
    " volunteer_phone = NULLIF($3, '') WHERE id = $1::bigint";
static const char teacher_sql[] =
    "UPDATE eduaid.care_record SET contact_teacher_id = $2::bigint"
    " WHERE id = $1::bigint";

static const char session_sql[] =
    "INSERT INTO eduaid.care_counselling (township_id, care_id, session_date,"
    " counsellor, counsel_notes) SELECT r.township_id, r.id, $2::date, $3, $4"
    " FROM eduaid.care_record r WHERE r.id = $1::bigint";

static const char teachers_sql[] =
    "SELECT t.id::text AS value, t.name AS label, s.name AS detail"
    " FROM eduaid.care_record r"
    " JOIN eduaid.teacher t ON t.township_id = r.township_id AND t.active"
    " JOIN eduaid.school s ON s.township_id = t.township_id AND s.id = "
    "t.school_id"
    " WHERE r.id = $1::bigint AND t.name LIKE '%' || $2 || '%'"
    " ORDER BY s.name, t.name LIMIT 50";

static const char activities_sql[] =
    "SELECT a.id::text AS value, a.held_on::text AS label, a.kind,"
    " s.name AS school, coalesce(x.present, false) AS present"
    " FROM eduaid.care_record r"
    " JOIN eduaid.care_activity a ON a.township_id = r.township_id"
    " AND a.held_on <@ eduaid.care_term($1::int)"
    " JOIN eduaid.school s ON s.township_id = a.township_id AND s.id = "
    "a.school_id"
    " LEFT JOIN eduaid.care_attendance x ON x.township_id = a.township_id"
    " AND x.activity_id = a.id AND x.care_id = r.id"
    " WHERE r.id = $2::bigint ORDER BY a.held_on DESC, a.id DESC LIMIT 50";

static const char toggle_sql[] =
    "INSERT INTO eduaid.care_attendance (township_id, activity_id, care_id)"
    " SELECT r.township_id, $2::bigint, r.id FROM eduaid.care_record r"
    " WHERE r.id = $1::bigint"
    " ON CONFLICT (township_id, activity_id, care_id)"
    " DO UPDATE SET present = NOT eduaid.care_attendance.present";

/* Today's activity of kind at the child's school of this year when it is
 * of the township, else the township's first primary school; then the
 * child present at it. */
static const char new_activity_sql[] =
    "WITH r AS (SELECT township_id, id, student_id FROM eduaid.care_record"
    " WHERE id = $1::bigint),"
    " s AS (SELECT coalesce((SELECT sy.school_id FROM eduaid.student_year sy"
    " JOIN eduaid.school sc ON sc.township_id = sy.township_id"
    " AND sc.id = sy.school_id"
    " WHERE sy.township_id = r.township_id AND sy.student_id = r.student_id"
    " AND sy.school_year = eduaid.school_year_of(current_date) LIMIT 1),"
    " (SELECT min(sc.id) FROM eduaid.school sc WHERE sc.township_id ="
    " r.township_id AND sc.kind = 'primary')) AS school_id, r.township_id"
    " FROM r),"
    " a AS (INSERT INTO eduaid.care_activity (township_id, school_id, held_on,"
    " kind) SELECT s.township_id, s.school_id, current_date, $2 FROM s"
    " ON CONFLICT (township_id, school_id, held_on, kind)"
    " DO UPDATE SET title = eduaid.care_activity.title RETURNING township_id, "
    "id)"
    " INSERT INTO eduaid.care_attendance (township_id, activity_id, care_id)"
    " SELECT a.township_id, a.id, $1::bigint FROM a"
    " ON CONFLICT (township_id, activity_id, care_id)"
    " DO UPDATE SET present = true";

struct dbres *
care_children_rows(struct db *db, int year, struct db_error *err)
{
    char y[16];
    const char *params[1] = {y};

    snprintf(y, sizeof y, "%d", year);
    return db_exec(db, children_sql, 1, params, err);
}

struct dbres *
care_totals(struct db *db, int year, struct db_error *err)
{
    char y[16];
    const char *params[1] = {y};

    snprintf(y, sizeof y, "%d", year);
    return db_exec(db, totals_sql, 1, params, err);
}

struct dbres *
care_page_rows(struct db *db, int year, const char *student, bool masked,
               struct db_error *err)
{
    char y[16];
    const char *params[2] = {y, student};

    snprintf(y, sizeof y, "%d", year);
    return db_exec(db, masked ? page_masked_sql : page_sql, 2, params, err);
}

int
care_record_ensure(struct db *db, const char *township, const char *household,
                   const char *student, char *out, size_t outsz,
                   struct db_error *err)
{
    const char *params[3] = {township, household, student};
    struct dbres *r = db_exec(db, ensure_sql, 3, params, err);
    const char *id;

    if (r == NULL)
        return -1;
    id = r->nrows > 0 ? dbres_get(r, 0, 0) : NULL;
    snprintf(out, outsz, "%s", id != NULL ? id : "");
    dbres_free(r);
    return out[0] != '\0' ? 0 : -1;
}

int
care_set_guardian(struct db *db, const char *care, const char *name,
                  const char *relation, const char *phone, struct db_error *err)
{
    const char *params[4] = {care, name, relation, phone};

    return db_command(db, guardian_sql, 4, params, err);
}

int
care_set_volunteer(struct db *db, const char *care, const char *name,
                   const char *phone, struct db_error *err)
{
    const char *params[3] = {care, name, phone};

    return db_command(db, volunteer_sql, 3, params, err);
}

int
care_set_teacher(struct db *db, const char *care, const char *teacher,
                 struct db_error *err)
{
    const char *params[2] = {care, teacher};

    return db_command(db, teacher_sql, 2, params, err);
}

int
care_add_session(struct db *db, const char *care, const char *date,
                 const char *counsellor, const char *notes,
                 struct db_error *err)
{
    const char *params[4] = {care, date, counsellor, notes};

    return db_command(db, session_sql, 4, params, err);
}

struct dbres *
care_teachers(struct db *db, const char *care, const char *filter,
              struct db_error *err)
{
    const char *params[2] = {care, filter != NULL ? filter : ""};

    return db_exec(db, teachers_sql, 2, params, err);
}

struct dbres *
care_activities(struct db *db, int year, const char *care, struct db_error *err)
{
    char y[16];
    const char *params[2] = {y, care};

    snprintf(y, sizeof y, "%d", year);
    return db_exec(db, activities_sql, 2, params, err);
}

int
care_toggle_attendance(struct db *db, const char *care, const char *activity,
                       struct db_error *err)
{
    const char *params[2] = {care, activity};

    return db_command(db, toggle_sql, 2, params, err);
}

int
care_new_activity(struct db *db, const char *care, const char *kind,
                  struct db_error *err)
{
    const char *params[2] = {care, kind};

    return db_command(db, new_activity_sql, 2, params, err);
}
