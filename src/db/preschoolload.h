/*
 * preschoolload.h
 *   Importing the preschool files (学前教育, issue 17 H1;
 * sql/058_preschool.sql) read with csv.h (UTF-8 or GB18030): the children aged
 * 3-5 per township (and village) from the public-security or health register,
 * and every child on a kindergarten's roll. The whole file is read and checked
 *   first; then, in one transaction, one batch per township of the file
 *   (eduaid.preschool_batch, with the source, as-of date, file name and
 *   school year given; the importer and time are the server's), its rows,
 *   and its close (eduaid.preschool_batch_close). Any problem -- of the
 *   client's checks or the server's refusal of a row -- is reported as
 *   "FILE:LINE:COLUMN: NAME: reason" (as rosterload.h) and nothing is
 *   kept. Townships and villages by name or code, kindergartens by name or
 *   school id, of the importer's own townships only.
 *
 *   population:  乡镇,村,3岁,4岁,5岁       (村 may be left out, or blank
 *                                             for the township as a whole)
 *   enrollment:  乡镇,幼儿园,姓名,身份证号,出生日期   (出生日期 may be left
 *                                             out: the ID number's)
 *   (also in English: township, village, age3, age4, age5; township,
 *   kindergarten, name, id_number, birth_date)
 */
#ifndef EDUAID_DB_PRESCHOOLLOAD_H
#define EDUAID_DB_PRESCHOOLLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/csv.h"
#include "db/db.h"

enum preschool_kind { PRESCHOOL_POPULATION, PRESCHOOL_ENROLLMENT };

struct preschool_batch_info {
    long long id;
    int township_id;
    char township[64];
    long rows;
};

struct preschool_load {
    enum csv_encoding encoding;
    long rows;                            /* data rows read */
    struct preschool_batch_info *batches; /* one per township, when kept */
    size_t nbatches;
    char **messages; /* "FILE:LINE:COLUMN: NAME: reason", in file order */
    size_t nmessages;
    size_t nerrors;
};

/* What is imported besides the file: all required. */
struct preschool_meta {
    enum preschool_kind kind;
    int school_year;
    const char *source;
    const char *as_of;     /* YYYY-MM-DD */
    const char *file_name; /* as recorded (the path's last part) */
};

/* At most this many errors are listed before giving up. */
#define PRESCHOOL_MAX_ERRORS 50

/*
 * preschool_load_file
 *
 * Import the file at path (encoding enc, CSV_ENC_UNKNOWN: detect) as
 * meta says. 0 with out->batches set, or -1 with out->messages saying why
 * (nothing imported). out must be freed with preschool_load_free() either
 * way. The connection must not be inside a transaction.
 */
int preschool_load_file(struct db *db, const char *path, enum csv_encoding enc,
                        const struct preschool_meta *meta,
                        struct preschool_load *out);
void preschool_load_free(struct preschool_load *out);

#endif /* EDUAID_DB_PRESCHOOLLOAD_H */
