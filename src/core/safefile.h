/*
 * safefile.h
 *   The one way eduaid writes a file a person asked for (exports,
 *   reconciliations, reports, printed notices), by what is at its name:
 *   - nothing, or a regular file: written under a temporary name beside
 *     it, created exclusively (never through a symlink) with the mode
 *     asked for whatever the umask says (0600 for anything with personal
 *     data), and put in place only when complete -- linked where no file
 *     is, renamed over a regular file; a failure removes the temporary
 *     file and never the file that was there;
 *   - a symlink: followed; the regular file it names is replaced as above
 *     (the link stays a link), a pipe or device it names is written in
 *     place; a link to nothing is refused;
 *   - a named pipe or a character device (/dev/null, /dev/full, a
 *     terminal), or standard output ("-"): written in place, never
 *     replaced; a write error there (ENOSPC on /dev/full, a reader gone)
 *     fails the commit;
 *   - a directory, a socket or a block device: refused.
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

/* How the file is written. */
enum safefile_how {
    SAFEFILE_REPLACE,  /* a temporary file put in place at commit */
    SAFEFILE_IN_PLACE, /* a pipe or a device, written as it is */
    SAFEFILE_STDOUT    /* standard output */
};

struct safefile {
    FILE *fp;              /* write here between open and commit */
    enum safefile_how how; /* decided by safefile_open */
    char path[PATH_MAX];   /* the absolute name asked for ("-": stdout) */
    char target[PATH_MAX]; /* what is written: path, or what its link names */
    char tmp[PATH_MAX];    /* the temporary name while it is written, or "" */
};

/* paths.files_dir (a copy is kept; NULL or "" = automatic): the folder
 * of a person's files. */
void safefile_set_files_dir(const char *dir);

/* The exports directory into out: paths.files_dir when set, else ~/eduaid
 * when it is a directory, else $XDG_DATA_HOME/eduaid/exports (default
 * ~/.local/share/...); 0, or -1 with a sentence in err. Nothing is made. */
int safefile_exports_path(char *out, size_t outsz, char *err, size_t errsz);

/* The exports directory, made (0700, with its parents) if missing, into
 * out; 0, or -1 with a sentence in err. */
int safefile_exports_dir(char *out, size_t outsz, char *err, size_t errsz);

/* Where a relative name of a file to import is looked up, into out:
 * paths.files_dir when set, else ~/eduaid when it is a directory, else ""
 * (the working directory); 0, or -1 with a sentence in err. */
int safefile_import_dir(char *out, size_t outsz, char *err, size_t errsz);

/* name as an absolute path: as it is when absolute; else under dir, or
 * under the working directory when dir is NULL. 0, or -1 with err. */
int safefile_path(const char *name, const char *dir, char *out, size_t outsz,
                  char *err, size_t errsz);

/* Start writing the file name (made absolute as by safefile_path(name,
 * NULL); NULL or "-": standard output) with mode (SAFEFILE_PRIVATE, ...),
 * as the top of this file says. 0 with f->fp open, or -1 with err (a
 * named pipe blocks here until a reader opens it, as the shell's > does).
 */
int safefile_open(struct safefile *f, const char *name, mode_t mode, char *err,
                  size_t errsz);

/* Everything written so far on its way: flushed, and synced to disk when
 * it is a file; 0, or -1 with err (a write error: ENOSPC, EPIPE). */
int safefile_flush(struct safefile *f, char *err, size_t errsz);

/* Flush, sync and put the file in place (closed, standard output only
 * flushed); 0, or -1 with err (the temporary file removed, the file that
 * was there untouched). Either way f->fp is done with. */
int safefile_commit(struct safefile *f, char *err, size_t errsz);

/* Give up: close and remove the temporary file (nothing else). Safe to
 * call twice; the temporary name may be unlinked from a signal handler
 * (f->tmp, "" when there is none). */
void safefile_abort(struct safefile *f);

#endif /* EDUAID_CORE_SAFEFILE_H */
