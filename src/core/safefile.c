/*
 * safefile.c
 *   Writing a file a person asked for, safely (safefile.h): a temporary
 *   file made with mkstemp (O_CREAT|O_EXCL: never through a symlink) and
 *   fchmod'ed to the mode asked for, put in place by link() where no file
 *   is (which replaces nothing) or rename() over a regular file; a
 *   symlink or anything else at the name is refused. The exports
 *   directory is made 0700.
 */
#include "config.h"

#include "core/safefile.h"

#include "core/i18n.h"

#include <errno.h>
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

int
safefile_exports_dir(char *out, size_t outsz, char *err, size_t errsz)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;

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
    if (make_dirs(out) != 0)
        return fail(err, errsz, out, errno);
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

/* What is at path now: 0 nothing, 1 a regular file, -1 (err filled) a
 * symlink, a directory or anything else, or an error. */
static int
existing(const char *path, char *err, size_t errsz)
{
    struct stat st;

    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : fail(err, errsz, path, errno);
    if (S_ISREG(st.st_mode))
        return 1;
    if (S_ISLNK(st.st_mode))
        snprintf(err, errsz,
                 _("%s is a symbolic link: not written through "
                   "it"),
                 path);
    else if (S_ISDIR(st.st_mode))
        snprintf(err, errsz, _("%s is a directory"), path);
    else
        fail(err, errsz, path, EEXIST);
    return -1;
}

int
safefile_open(struct safefile *f, const char *name, mode_t mode, char *err,
              size_t errsz)
{
    const char *slash;
    int fd, n;

    memset(f, 0, sizeof(*f));
    if (safefile_path(name, NULL, f->path, sizeof(f->path), err, errsz) != 0 ||
        existing(f->path, err, errsz) < 0)
        return -1;
    slash = strrchr(f->path, '/');
    n = snprintf(f->tmp, sizeof(f->tmp), "%.*s.%s.XXXXXX",
                 (int)(slash - f->path + 1), f->path, slash + 1);
    if (n < 0 || (size_t)n >= sizeof(f->tmp))
        return fail(err, errsz, f->path, ENAMETOOLONG);
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
    return 0;
}

/* Put the complete temporary file in place; 0 or -1 with err. */
static int
put_in_place(struct safefile *f, char *err, size_t errsz)
{
    switch (existing(f->path, err, errsz)) {
    case 0:
        if (link(f->tmp, f->path) == 0)
            return unlink(f->tmp), 0;
        return fail(err, errsz, f->path, errno);
    case 1:
        if (rename(f->tmp, f->path) == 0)
            return 0;
        return fail(err, errsz, f->path, errno);
    default:
        return -1;
    }
}

int
safefile_commit(struct safefile *f, char *err, size_t errsz)
{
    FILE *fp = f->fp;
    int rc = 0;

    f->fp = NULL;
    if (fp == NULL) {
        safefile_abort(f);
        return fail(err, errsz, f->path, EBADF);
    }
    if (fflush(fp) != 0 || fsync(fileno(fp)) != 0)
        rc = fail(err, errsz, f->tmp, errno);
    if (fclose(fp) != 0 && rc == 0)
        rc = fail(err, errsz, f->tmp, errno);
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
    if (f->fp != NULL) {
        fclose(f->fp);
        f->fp = NULL;
    }
    if (f->tmp[0] != '\0') {
        unlink(f->tmp);
        f->tmp[0] = '\0';
    }
}
