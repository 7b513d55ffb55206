/*
 * shownpath.c
 *   A file's path as a person reads it on one line (shownpath.h): the
 *   home directory as "~", directories in the middle as "…".
 */
#include "config.h"

#include "core/shownpath.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"

/* dir + "/…" + tail into out when it fits in cells; true if it did. */
static bool
elided(const char *dir, size_t dirlen, const char *tail, int cells, char *out,
       size_t outsz)
{
    char buf[PATH_MAX + 16];

    snprintf(buf, sizeof buf, "%.*s%s…%s", (int)dirlen, dir,
             dirlen > 0 ? "/" : "", tail);
    if (text_utf8_cells(buf) > cells)
        return false;
    snprintf(out, outsz, "%s", buf);
    return true;
}

char *
shownpath(const char *path, const char *home, int cells, char *out,
          size_t outsz)
{
    char p[PATH_MAX + 2];
    size_t hl = home != NULL ? strlen(home) : 0;
    const char *first, *name;

    if (outsz == 0)
        return out;
    while (hl > 1 && home[hl - 1] == '/')
        hl--;
    if (hl > 1 && strncmp(path, home, hl) == 0 && path[hl] == '/')
        snprintf(p, sizeof p, "~%s", path + hl);
    else
        snprintf(p, sizeof p, "%s", path);
    snprintf(out, outsz, "%s", p);
    if (text_utf8_cells(p) <= cells)
        return out;
    /* the first directory ("~" or "/home"), "…", then as many of the last
     * directories as fit, the file's name always */
    first = strchr(p + 1, '/');
    name = strrchr(p, '/');
    if (first != NULL && name != NULL && first < name) {
        for (const char *t = strchr(first + 1, '/'); t != NULL && t <= name;
             t = strchr(t + 1, '/'))
            if (elided(p, (size_t)(first - p), t, cells, out, outsz))
                return out;
        if (elided("", 0, name, cells, out, outsz))
            return out;
    }
    text_fit(name != NULL ? name + 1 : p, cells, false, true, out, outsz);
    return out;
}
