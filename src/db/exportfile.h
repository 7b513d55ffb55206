/*
 * exportfile.h
 *   One export into one file, the one path `eduaid export` (cli/
 *   cmd_export.c) and the export screen (screens/export.c) share: the
 *   export's transaction (db/export.h) written through core/csvout.c
 *   into a file opened with core/safefile.c, flushed before the commit
 *   that records the export in the audit log, and put in place only
 *   after it -- whole or not at all.
 */
#ifndef EDUAID_DB_EXPORTFILE_H
#define EDUAID_DB_EXPORTFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/csvout.h"
#include "core/safefile.h"
#include "db/db.h"
#include "db/export.h"

/* How the cells are written. */
struct exportfile_options {
    enum csvout_encoding encoding;
    bool excel_text; /* long digit strings as ="..." (for Excel only) */
    bool codes;      /* stored codes, written raw */
};

/* Why an export failed. */
enum exportfile_failure {
    EXPORTFILE_OK = 0,
    EXPORTFILE_SERVER, /* the server refused or failed: see err */
    EXPORTFILE_FILE    /* writing the file failed: see msg */
};

/*
 * exportfile_write
 *
 * Export q into out (opened by the caller with safefile_open; committed
 * or aborted here, either way) with options o. EXPORTFILE_OK with the
 * rows written in *nrows; else what failed, with err or msg (the
 * transaction rolled back, its audit row with it, and no file left).
 */
enum exportfile_failure exportfile_write(struct db *db,
                                         const struct export_query *q,
                                         const struct exportfile_options *o,
                                         struct safefile *out, long long *nrows,
                                         struct db_error *err, char *msg,
                                         size_t msgsz);

#endif /* EDUAID_DB_EXPORTFILE_H */
