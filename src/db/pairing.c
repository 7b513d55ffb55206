/*
 * pairing.c
 *   The statements of the pairing area (pairing.h): reads of eduaid.pair
 *   and the rows of a pair under the caller's row-level security, and the
 *   INSERTs the pair page makes. Every value is a parameter.
 */
#include "config.h"

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
    " p.end_reason, p.helping_lead, p.helped_lead, a.status AS agreement"      \
    " FROM eduaid.pair p"                                                      \
    " JOIN eduaid.township t ON t.id = p.township_id"                          \
    " JOIN eduaid.school hs ON hs.township_id = p.helping_township_id"         \
    " AND hs.id = p.helping_school_id"                                         \
    " JOIN eduaid.township ht ON ht.id = p.helping_township_id"                \
    " LEFT JOIN eduaid.pair_agreement a ON a.township_id = p.township_id"      \
    " AND a.pair_id = p.id"

static const char list_sql[] =
    PAIR_COLUMNS " WHERE $1::int = 0 OR p.township_id = $1::int"
                 " OR p.helping_township_id = $1::int"
                 " OR EXISTS (SELECT FROM eduaid.pair_member m"
                 " WHERE m.pair_township_id = p.township_id"
                 " AND m.pair_id = p.id AND m.township_id = $1::int)"
                 " ORDER BY p.title, p.id";

static const char get_sql[] =
    PAIR_COLUMNS " WHERE p.township_id = $1::int AND p.id = $2::bigint";

struct dbres *
pairs_list(struct db *db, const char *township, struct db_error *err)
{
    const char *params[1] = {township};

    return db_exec(db, list_sql, 1, params, err);
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
