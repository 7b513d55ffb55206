/*
 * safefile.h
 *   The one way eduaid writes a file a person asked for (exports,
 *   reconciliations, reports, printed notices): under a temporary name
 *   beside it, created exclusively (never through a symlink) with the mode
 *   asked for whatever the umask says (0600 for anything with personal
 *   data), and put in place only when complete -- linked where no file is,
 *   renamed over a regular file, refused over a symlink or anything else.
 *   Its name is always absolute, so that the screen and the command line
 *   can say where it went. A bare name typed on a screen goes to the
 *   exports directory ($XDG_DATA_HOME/eduaid/exports, else
 *   ~/.local/share/eduaid/exports, made 0700), not wherever the client was
 *   started.
 */
#ifndef EDUAID_CORE_SAFEFILE_H
#define EDUAID_CORE_SAFEFILE_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#define SAFEFILE_PRIVATE 0600 /* personal data: the user alone */
#define SAFEFILE_PUBLIC 0644  /* a public notice, blank forms */

struct safefile {
    FILE *fp;            /* write here between open and commit */
    char path[PATH_MAX]; /* the absolute name it gets at commit */
    char tmp[PATH_MAX];  /* the temporary name while it is written */
};

/* The exports directory, made (0700, with its parents) if missing, into
 * out; 0, or -1 with a sentence in err. */
int safefile_exports_dir(char *out, size_t outsz, char *err, size_t errsz);

/* name as an absolute path: as it is when absolute; else under dir, or
 * under the working directory when dir is NULL. 0, or -1 with err. */
int safefile_path(const char *name, const char *dir, char *out, size_t outsz,
                  char *err, size_t errsz);

/* Start writing the file name (made absolute as by safefile_path(name,
 * NULL)) with mode (SAFEFILE_PRIVATE, ...): refused when name is a
 * directory or a symlink. 0 with f->fp open, or -1 with err. */
int safefile_open(struct safefile *f, const char *name, mode_t mode, char *err,
                  size_t errsz);

/* Flush, sync and put the file in place under f->path; 0, or -1 with err
 * (the temporary file removed). Either way f->fp is closed. */
int safefile_commit(struct safefile *f, char *err, size_t errsz);

/* Give up: close and remove the temporary file. Safe to call twice and
 * from a signal handler (unlink only). */
void safefile_abort(struct safefile *f);

#endif /* EDUAID_CORE_SAFEFILE_H */
