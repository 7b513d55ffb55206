/*
 * safefile.c
 *   Writing a file a person asked for, safely (safefile.h): a symlink is
 *   resolved first (realpath); over nothing or a regular file a temporary
 *   file made with mkstemp (O_CREAT|O_EXCL: never through a symlink) and
 *   fchmod'ed to the mode asked for is put in place by link() where no
 *   file is (which replaces nothing) or rename() over the regular file; a
 *   named pipe or a character device is opened as it is (no O_CREAT, no
 *   O_TRUNC) and checked again once open; standard output is written as
 *   it is. The exports directory is made 0700: paths.files_dir, else
 *   ~/eduaid when it exists (an SSH login's folder, where sftp starts),
 *   else $XDG_DATA_HOME/eduaid/exports; relative names of imported files
 *   are looked up in the first two, else in the working directory.
 */
#include "config.h"

#include "core/safefile.h"

#include "core/i18n.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
fail(char *err, size_t errsz, const char *what, int e)
{
    snprintf(err, errsz, "%s: %s", what, strerror(e));
    return -1;
}

/* mkdir -p path, each directory made 0700; 0 or -1 with errno. */
static int
make_dirs(char *path)
{
    struct stat st;

    for (char *p = path + 1;; p++) {
        char c = *p;

        if (c != '/' && c != '\0')
            continue;
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST) {
            *p = c;
            return -1;
        }
        *p = c;
        if (c == '\0')
            break;
    }
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

/* paths.files_dir as set by safefile_set_files_dir ("" = automatic). */
static char files_dir[PATH_MAX];

void
safefile_set_files_dir(const char *dir)
{
    snprintf(files_dir, sizeof(files_dir), "%s", dir != NULL ? dir : "");
}

/* The folder of a person's files into out: paths.files_dir when set, else
 * ~/eduaid when it is a directory; 1 when there is one, 0 when not (out
 * ""), -1 when it does not fit. */
static int
files_folder(char *out, size_t outsz)
{
    const char *home = getenv("HOME");
    struct stat st;
    int n;

    out[0] = '\0';
    if (files_dir[0] != '\0') {
        n = snprintf(out, outsz, "%s", files_dir);
        return n < 0 || (size_t)n >= outsz ? -1 : 1;
    }
    if (home == NULL || home[0] != '/')
        return 0;
    n = snprintf(out, outsz, "%s/eduaid", home);
    if (n < 0 || (size_t)n >= outsz)
        return -1;
    if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
        return 1;
    out[0] = '\0';
    return 0;
}

int
safefile_exports_path(char *out, size_t outsz, char *err, size_t errsz)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n = files_folder(out, outsz);

    if (n > 0)
        return 0;
    if (n < 0)
        return fail(err, errsz, out, ENAMETOOLONG);
    if (xdg != NULL && xdg[0] == '/')
        n = snprintf(out, outsz, "%s/eduaid/exports", xdg);
    else if (home != NULL && home[0] == '/')
        n = snprintf(out, outsz, "%s/.local/share/eduaid/exports", home);
    else {
        snprintf(err, errsz, "%s", _("HOME is not set"));
        return -1;
    }
    if (n < 0 || (size_t)n >= outsz)
        return fail(err, errsz, out, ENAMETOOLONG);
    return 0;
}

int
safefile_exports_dir(char *out, size_t outsz, char *err, size_t errsz)
{
    if (safefile_exports_path(out, outsz, err, errsz) != 0)
        return -1;
    if (make_dirs(out) != 0)
        return fail(err, errsz, out, errno);
    return 0;
}

int
safefile_import_dir(char *out, size_t outsz, char *err, size_t errsz)
{
    int n = files_folder(out, outsz);

    if (n < 0)
        return fail(err, errsz, out, ENAMETOOLONG);
    return 0;
}

int
safefile_path(const char *name, const char *dir, char *out, size_t outsz,
              char *err, size_t errsz)
{
    char cwd[PATH_MAX];
    int n;

    if (name == NULL || name[0] == '\0')
        return fail(err, errsz, "\"\"", ENOENT);
    if (name[0] == '/') {
        n = snprintf(out, outsz, "%s", name);
    } else {
        if (dir == NULL && (dir = getcwd(cwd, sizeof(cwd))) == NULL)
            return fail(err, errsz, name, errno);
        while (name[0] == '.' && name[1] == '/')
            name += 2;
        n = snprintf(out, outsz, "%s%s%s", dir,
                     dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    }
    if (n < 0 || (size_t)n >= outsz)
        return fail(err, errsz, name, ENAMETOOLONG);
    return 0;
}

/* What is at a name. */
enum found { FOUND_NOTHING, FOUND_FILE, FOUND_IN_PLACE, FOUND_REFUSED };

/* What st is, err filled for what is refused. */
static enum found
classify(const struct stat *st, const char *path, char *err, size_t errsz)
{
    if (S_ISREG(st->st_mode))
        return FOUND_FILE;
    if (S_ISFIFO(st->st_mode) || S_ISCHR(st->st_mode))
        return FOUND_IN_PLACE;
    if (S_ISDIR(st->st_mode))
        snprintf(err, errsz, _("%s is a directory"), path);
    else if (S_ISLNK(st->st_mode))
        snprintf(err, errsz,
                 _("%s is a symbolic link: not written through "
                   "it"),
                 path);
    else
        snprintf(err, errsz,
                 _("%s is not a file, a pipe or a character device"), path);
    return FOUND_REFUSED;
}

/* What is at path now, not following a symlink (one at commit time was
 * put there meanwhile: refused). */
static enum found
existing(const char *path, char *err, size_t errsz)
{
    struct stat st;

    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return FOUND_NOTHING;
        fail(err, errsz, path, errno);
        return FOUND_REFUSED;
    }
    return classify(&st, path, err, errsz);
}

/* Whether the symlink path (lstat'ed into link) may have been planted:
 * in a sticky directory anyone may write (/tmp), owned neither by us nor
 * by the directory's owner -- the kernel's protected_symlinks rule,
 * which realpath() and rename() would otherwise step around (root
 * exporting to /tmp/x.csv must not replace what another user's link
 * names). */
static bool
planted(const char *path, const struct stat *link)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    struct stat st;

    if (link->st_uid == geteuid())
        return false;
    snprintf(dir, sizeof(dir), "%.*s", slash == path ? 1 : (int)(slash - path),
             path);
    if (stat(dir, &st) != 0)
        return true;
    return (st.st_mode & S_ISVTX) && (st.st_mode & S_IWOTH) &&
           link->st_uid != st.st_uid;
}

/* Settle f->target, what path names: path itself, or the file its
 * symlink names in the end; what is there. */
static enum found
resolve(struct safefile *f, char *err, size_t errsz)
{
    struct stat st;

    snprintf(f->target, sizeof(f->target), "%s", f->path);
    if (lstat(f->path, &st) != 0) {
        if (errno == ENOENT)
            return FOUND_NOTHING;
        fail(err, errsz, f->path, errno);
        return FOUND_REFUSED;
    }
    if (!S_ISLNK(st.st_mode))
        return classify(&st, f->path, err, errsz);
    if (planted(f->path, &st)) {
        snprintf(err, errsz,
                 _("%s is a symbolic link of another user in a shared "
                   "directory: not followed"),
                 f->path);
        return FOUND_REFUSED;
    }
    if (realpath(f->path, f->target) == NULL) {
        if (errno == ENOENT)
            snprintf(err, errsz,
                     _("%s is a symbolic link to nothing: not written"),
                     f->path);
        else
            fail(err, errsz, f->path, errno);
        return FOUND_REFUSED;
    }
    if (stat(f->target, &st) != 0) {
        fail(err, errsz, f->target, errno);
        return FOUND_REFUSED;
    }
    return classify(&st, f->target, err, errsz);
}

/* Open the pipe or device f->target as it is (nothing created, nothing
 * truncated), and make sure it still is one once open. */
static int
open_in_place(struct safefile *f, char *err, size_t errsz)
{
    struct stat st;
    int fd = open(f->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);

    if (fd < 0)
        return fail(err, errsz, f->target, errno);
    if (fstat(fd, &st) != 0) {
        fail(err, errsz, f->target, errno);
        close(fd);
        return -1;
    }
    if (!S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) {
        snprintf(err, errsz, _("%s changed while it was opened"), f->target);
        close(fd);
        return -1;
    }
    if ((f->fp = fdopen(fd, "wb")) == NULL) {
        fail(err, errsz, f->target, errno);
        close(fd);
        return -1;
    }
    f->how = SAFEFILE_IN_PLACE;
    return 0;
}

/* Start the temporary file beside f->target. */
static int
open_temp(struct safefile *f, mode_t mode, char *err, size_t errsz)
{
    const char *slash = strrchr(f->target, '/');
    int fd, n;

    n = snprintf(f->tmp, sizeof(f->tmp), "%.*s.%s.XXXXXX",
                 (int)(slash - f->target + 1), f->target, slash + 1);
    if (n < 0 || (size_t)n >= sizeof(f->tmp)) {
        f->tmp[0] = '\0';
        return fail(err, errsz, f->path, ENAMETOOLONG);
    }
    if ((fd = mkstemp(f->tmp)) < 0) {
        fail(err, errsz, f->tmp, errno);
        f->tmp[0] = '\0';
        return -1;
    }
    if (fchmod(fd, mode) != 0 || (f->fp = fdopen(fd, "wb")) == NULL) {
        fail(err, errsz, f->tmp, errno);
        close(fd);
        safefile_abort(f);
        return -1;
    }
    f->how = SAFEFILE_REPLACE;
    return 0;
}

int
safefile_open(struct safefile *f, const char *name, mode_t mode, char *err,
              size_t errsz)
{
    memset(f, 0, sizeof(*f));
    if (err != NULL && errsz > 0)
        err[0] = '\0';
    if (name == NULL || strcmp(name, "-") == 0) {
        snprintf(f->path, sizeof(f->path), "-");
        snprintf(f->target, sizeof(f->target), "-");
        f->fp = stdout;
        f->how = SAFEFILE_STDOUT;
        return 0;
    }
    if (safefile_path(name, NULL, f->path, sizeof(f->path), err, errsz) != 0)
        return -1;
    switch (resolve(f, err, errsz)) {
    case FOUND_NOTHING:
    case FOUND_FILE:
        return open_temp(f, mode, err, errsz);
    case FOUND_IN_PLACE:
        return open_in_place(f, err, errsz);
    case FOUND_REFUSED:
        break;
    }
    return -1;
}

/* Put the complete temporary file in place; 0 or -1 with err. */
static int
put_in_place(struct safefile *f, char *err, size_t errsz)
{
    switch (existing(f->target, err, errsz)) {
    case FOUND_NOTHING:
        if (link(f->tmp, f->target) == 0)
            return unlink(f->tmp), 0;
        return fail(err, errsz, f->target, errno);
    case FOUND_FILE:
        if (rename(f->tmp, f->target) == 0)
            return 0;
        return fail(err, errsz, f->target, errno);
    case FOUND_IN_PLACE:
        /* a pipe put there since the open: not replaced */
        fail(err, errsz, f->target, EEXIST);
        return -1;
    case FOUND_REFUSED:
        break;
    }
    return -1;
}

/* The name a write error is told under. */
static const char *
shown_name(const struct safefile *f)
{
    return f->how == SAFEFILE_STDOUT ? _("standard output") : f->target;
}

/* errno after a failed flush, or EIO when stdio lost it. */
static int
write_errno(void)
{
    return errno != 0 ? errno : EIO;
}

int
safefile_flush(struct safefile *f, char *err, size_t errsz)
{
    if (f->fp == NULL)
        return fail(err, errsz, shown_name(f), EBADF);
    errno = 0;
    if (fflush(f->fp) != 0 || ferror(f->fp))
        return fail(err, errsz, shown_name(f), write_errno());
    if (f->how == SAFEFILE_REPLACE && fsync(fileno(f->fp)) != 0)
        return fail(err, errsz, f->tmp, errno);
    return 0;
}

int
safefile_commit(struct safefile *f, char *err, size_t errsz)
{
    int rc = safefile_flush(f, err, errsz);
    FILE *fp = f->fp;

    f->fp = NULL;
    if (fp == NULL || f->how == SAFEFILE_STDOUT)
        return rc;
    errno = 0;
    if (fclose(fp) != 0 && rc == 0)
        rc = fail(err, errsz, shown_name(f), write_errno());
    if (f->how == SAFEFILE_IN_PLACE)
        return rc;
    if (rc == 0 && put_in_place(f, err, errsz) == 0) {
        f->tmp[0] = '\0';
        return 0;
    }
    safefile_abort(f);
    return -1;
}

void
safefile_abort(struct safefile *f)
{
    if (f->fp != NULL && f->how != SAFEFILE_STDOUT)
        fclose(f->fp);
    f->fp = NULL;
    if (f->tmp[0] != '\0') {
        unlink(f->tmp);
        f->tmp[0] = '\0';
    }
}
