/*
 * exportfile.c
 *   One export into one file (exportfile.h): header and rows through
 *   csvout (numbers told from text by the form field's type), the file
 *   flushed before the export's transaction commits its audit row, the
 *   file put in place after. Shared by `eduaid export` and the export
 *   screen.
 */
#include "config.h"

#include "db/exportfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How w writes the cells of ex; 0, or -1 with msg. */
static int
set_cells(struct csvout *w, const struct export *ex,
          const struct exportfile_options *o, char *msg, size_t msgsz)
{
    size_t ncols;
    enum csvout_kind *kinds;
    int rc;

    (void)export_header(ex, &ncols);
    if ((kinds = calloc(ncols + 1, sizeof *kinds)) == NULL) {
        snprintf(msg, msgsz, "out of memory");
        return -1;
    }
    for (size_t c = 0; c < ncols; c++) {
        const struct fielddef *fd = export_column_field(ex, c);

        kinds[c] = fd != NULL && (fd->type == FT_INT || fd->type == FT_MONEY)
                       ? CSVOUT_NUMBER
                       : CSVOUT_TEXT;
    }
    rc = csvout_set_kinds(w, ncols, kinds, msg, msgsz);
    free(kinds);
    if (o->codes)
        csvout_set_raw(w);
    if (o->excel_text)
        csvout_set_excel_text(w);
    return rc;
}

/* Write the header and every row of ex to w, counting the rows. */
static enum exportfile_failure
write_rows(struct export *ex, struct csvout *w, long long *nrows,
           struct db_error *err, char *msg, size_t msgsz)
{
    size_t ncols;
    const char *const *header = export_header(ex, &ncols);
    struct dbres *page = NULL;
    enum exportfile_failure rc = EXPORTFILE_FILE;

    *nrows = 0;
    if (csvout_row(w, ncols, header, msg, msgsz) != 0)
        return EXPORTFILE_FILE;
    while ((page = export_fetch(ex, err)) != NULL && page->nrows > 0) {
        for (int i = 0; i < page->nrows; i++)
            if (csvout_row(w, ncols,
                           (const char *const *)page->values +
                               (size_t)i * ncols,
                           msg, msgsz) != 0)
                goto done;
        *nrows += page->nrows;
        dbres_free(page);
    }
    rc = page == NULL ? EXPORTFILE_SERVER : EXPORTFILE_OK;
done:
    dbres_free(page);
    return rc;
}

enum exportfile_failure
exportfile_write(struct db *db, const struct export_query *q,
                 const struct exportfile_options *o, struct safefile *out,
                 long long *nrows, struct db_error *err, char *msg,
                 size_t msgsz)
{
    struct export *ex;
    struct csvout *w = NULL;
    enum exportfile_failure rc = EXPORTFILE_FILE;
    char ignored[64];

    *nrows = 0;
    msg[0] = '\0';
    db_error_clear(err);
    if ((ex = export_begin(db, q, err)) == NULL) {
        rc = EXPORTFILE_SERVER;
        goto failed;
    }
    if ((w = csvout_open(out->fp, o->encoding, msg, msgsz)) == NULL ||
        set_cells(w, ex, o, msg, msgsz) != 0)
        goto failed;
    if ((rc = write_rows(ex, w, nrows, err, msg, msgsz)) != EXPORTFILE_OK)
        goto failed;
    rc = EXPORTFILE_FILE;
    if (csvout_close(w, msg, msgsz) != 0) {
        w = NULL;
        goto failed;
    }
    w = NULL;
    /* on disk (or in the pipe) before the audit log says it was written */
    if (safefile_flush(out, msg, msgsz) != 0)
        goto failed;
    if (export_finish(ex, *nrows, err) != 0) {
        ex = NULL;
        rc = EXPORTFILE_SERVER;
        goto failed;
    }
    if (safefile_commit(out, msg, msgsz) != 0)
        return EXPORTFILE_FILE; /* recorded, but not in place: said */
    return EXPORTFILE_OK;
failed:
    if (w != NULL)
        csvout_close(w, ignored, sizeof ignored);
    export_abort(ex);
    safefile_abort(out);
    return rc;
}
