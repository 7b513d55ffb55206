/*
 * errlog.c
 *   The client's error log (see errlog.h): finding it under the XDG state
 *   directory, making its directory private, appending one neutralised
 *   line, and moving a full log aside.
 */
#include "config.h"

#include "errlog.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/settings.h"

char *
errlog_path(void)
{
    char *p = settings_expand("$XDG_STATE_HOME/eduaid/eduaid.log");

    if (p != NULL && p[0] != '/') { /* no home: nowhere to log */
        free(p);
        return NULL;
    }
    return p;
}

/* mkdir -p of the directory of path, new directories 0700; 0 or -1. */
static int
make_parents(const char *path)
{
    char *dir = strdup(path), *slash;
    int rc = 0;

    if (dir == NULL)
        return -1;
    if ((slash = strrchr(dir, '/')) != NULL)
        *slash = '\0';
    for (char *p = dir + 1; rc == 0; p++) {
        char c = *p;

        if (c != '/' && c != '\0')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST)
            rc = -1;
        *p = c;
        if (c == '\0')
            break;
    }
    free(dir);
    return rc;
}

/* Move a full log to path.1 (replacing the older one). */
static void
rotate(const char *path)
{
    struct stat st;
    char old[4096];

    if (stat(path, &st) != 0 || st.st_size < ERRLOG_MAX_BYTES)
        return;
    if (snprintf(old, sizeof(old), "%s.1", path) >= (int)sizeof(old))
        return;
    (void)rename(path, old);
}

/* s into out (size bytes) with every control character a blank and '"'
 * a '\''; at most size - 1 bytes. */
static void
neutral(char *out, size_t size, const char *s)
{
    size_t n = 0;

    for (; s != NULL && *s != '\0' && n + 1 < size; s++) {
        unsigned char c = (unsigned char)*s;

        out[n++] = c < 0x20 || c == 0x7f ? ' ' : c == '"' ? '\'' : (char)c;
    }
    out[n] = '\0';
}

void
errlog_write(const char *user, const char *where, const char *sqlstate,
             const char *constraint, const char *words)
{
    char *path = errlog_path();
    char line[1400], u[96], w[96], st[16], con[96], text[900], when[32];
    time_t now = time(NULL);
    struct tm tm;
    int fd, n;

    if (path == NULL)
        return;
    neutral(u, sizeof(u), user);
    neutral(w, sizeof(w), where);
    neutral(st, sizeof(st), sqlstate);
    neutral(con, sizeof(con), constraint);
    neutral(text, sizeof(text), words);
    if (gmtime_r(&now, &tm) == NULL ||
        strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(when, sizeof(when), "-");
    n = snprintf(line, sizeof(line),
                 "%s pid=%ld user=%s where=%s sqlstate=%s constraint=%s "
                 "words=\"%s\"\n",
                 when, (long)getpid(), u[0] ? u : "-", w[0] ? w : "-",
                 st[0] ? st : "-", con[0] ? con : "-", text);
    if (n < 0 || make_parents(path) != 0) {
        free(path);
        return;
    }
    if (n >= (int)sizeof(line)) {
        n = (int)sizeof(line) - 1;
        line[n - 1] = '\n';
    }
    rotate(path);
    fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW,
              0600);
    if (fd >= 0) {
        (void)fchmod(fd, 0600); /* one made by an older umask */
        if (write(fd, line, (size_t)n) != n) {
            /* nothing to do: the log is best effort */
        }
        close(fd);
    }
    free(path);
}
