/*
 * roster.c
 *   The statements of the reconciliation (roster.h): reads of
 *   eduaid.roster_counts and roster_differences, optionally of one
 *   township, of the rows outside the caller's townships, and one call of
 * roster_create_drafts per household, each in its own statement. Every value is
 * a parameter.
 */
#include "config.h"

#include "db/roster.h"

static const char known_sql[] =
    "SELECT 1 FROM eduaid.roster_import WHERE id = $1 "
    "AND row_count IS NOT NULL";

static const char counts_sql[] =
    "SELECT township_id, township_name, roster_households, roster_members, "
    "missing_households, extra_households, differing_households, "
    "missing_members, extra_members, differing_members "
    "FROM eduaid.roster_counts($1) WHERE $2::int IS NULL OR township_id = "
    "$2::int";

static const char diff_sql[] =
    "SELECT township_id, township_name, diff_kind, household_no, person_name, "
    "id_number, field, roster_value, eduaid_value "
    "FROM eduaid.roster_differences($1) "
    "WHERE $2::int IS NULL OR township_id = $2::int";

/* Rows of the import whose township is not one of the caller's (those
 * roster_counts and roster_differences leave out), per township. */
static const char outside_sql[] =
    "SELECT x.township_id, t.name AS township_name, "
    "count(DISTINCT x.household_no) AS households, count(*) AS rows, "
    "min(x.file_line) AS first_line "
    "FROM eduaid.roster_rows x JOIN eduaid.township t ON t.id = x.township_id "
    "WHERE x.import_id = $1 AND NOT coalesce(x.township_id = ANY "
    "(eduaid.my_townships()), false) "
    "GROUP BY x.township_id, t.name ORDER BY x.township_id";

static const char draft_sql[] =
    "SELECT household_id, members FROM "
    "eduaid.roster_create_drafts($1, ARRAY[$2::text])";

int
roster_import_known(struct db *db, const char *import_id, struct db_error *err)
{
    const char *params[1] = {import_id};
    struct dbres *r = db_exec(db, known_sql, 1, params, err);
    int known;

    if (r == NULL)
        return -1;
    known = r->nrows > 0;
    dbres_free(r);
    return known;
}

struct dbres *
roster_counts(struct db *db, const char *import_id, const char *township,
              struct db_error *err)
{
    const char *params[2] = {import_id, township};

    return db_exec(db, counts_sql, 2, params, err);
}

struct dbres *
roster_differences(struct db *db, const char *import_id, const char *township,
                   struct db_error *err)
{
    const char *params[2] = {import_id, township};

    return db_exec(db, diff_sql, 2, params, err);
}

struct dbres *
roster_outside_scope(struct db *db, const char *import_id, struct db_error *err)
{
    const char *params[1] = {import_id};

    return db_exec(db, outside_sql, 1, params, err);
}

int
roster_create_draft(struct db *db, const char *import_id,
                    const char *household_no, struct db_error *err)
{
    const char *params[2] = {import_id, household_no};

    return db_command(db, draft_sql, 2, params, err);
}
