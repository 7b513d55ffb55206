/*
 * journal.c
 *   The draft journal's files (see journal.h): building a journal in
 *   memory, writing it atomically, reading it back, listing and removing.
 */
#include "config.h"

#include "core/journal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "eduaid-journal 1"

static bool
add_pair(struct journal_pair **pairs, size_t *n, const char *name,
         const char *value)
{
    struct journal_pair *grown = realloc(*pairs, (*n + 1) * sizeof(**pairs));
    char *nm, *v;

    if (grown == NULL)
        return false;
    *pairs = grown;
    nm = strdup(name);
    v = strdup(value ? value : "");
    if (nm == NULL || v == NULL) {
        free(nm);
        free(v);
        return false;
    }
    grown[*n] = (struct journal_pair){nm, v};
    ++*n;
    return true;
}

bool
journal_add_field(struct journal *j, const char *name, const char *value)
{
    return add_pair(&j->fields, &j->nfields, name, value);
}

bool
journal_add_row(struct journal *j, size_t grid, long long id, bool deleted)
{
    struct journal_row *grown =
        realloc(j->rows, (j->nrows + 1) * sizeof(*grown));

    if (grown == NULL)
        return false;
    j->rows = grown;
    grown[j->nrows++] = (struct journal_row){grid, id, deleted, NULL, 0};
    return true;
}

bool
journal_add_cell(struct journal *j, const char *name, const char *value)
{
    struct journal_row *r = j->nrows ? &j->rows[j->nrows - 1] : NULL;

    return r != NULL && add_pair(&r->cells, &r->ncells, name, value);
}

static void
free_pairs(struct journal_pair *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(p[i].name);
        free(p[i].value);
    }
    free(p);
}

void
journal_clear(struct journal *j)
{
    free(j->kind);
    free_pairs(j->fields, j->nfields);
    for (size_t i = 0; i < j->nrows; i++)
        free_pairs(j->rows[i].cells, j->rows[i].ncells);
    free(j->rows);
    memset(j, 0, sizeof(*j));
}

void
journal_path(const char *dir, const char *kind, long long id, const char *uuid,
             char *buf, size_t bufsz)
{
    if (id != 0)
        snprintf(buf, bufsz, "%s/%s-%lld.journal", dir, kind, id);
    else
        snprintf(buf, bufsz, "%s/%s-new-%s.journal", dir, kind, uuid);
}

/* mkdir -p with mode 0700; 0 or -1 (errno set). */
static int
make_dirs(const char *dir)
{
    char path[4096];

    if (snprintf(path, sizeof(path), "%s", dir) >= (int)sizeof(path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return mkdir(path, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

static void
put_escaped(FILE *fp, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\\':
            fputs("\\\\", fp);
            break;
        case '\n':
            fputs("\\n", fp);
            break;
        case '\t':
            fputs("\\t", fp);
            break;
        case '\r':
            fputs("\\r", fp);
            break;
        default:
            fputc(*s, fp);
        }
    }
}

static void
put_pairs(FILE *fp, const char *tag, const struct journal_pair *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fprintf(fp, "%s %s ", tag, p[i].name);
        put_escaped(fp, p[i].value);
        fputc('\n', fp);
    }
}

int
journal_write(const char *dir, const struct journal *j, char *err, size_t errsz)
{
    char path[4096], tmp[4200];
    FILE *fp;
    int fd, ok;

    journal_path(dir, j->kind, j->id, j->uuid, path, sizeof(path));
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    if (make_dirs(dir) != 0 ||
        (fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 ||
        (fp = fdopen(fd, "w")) == NULL) {
        snprintf(err, errsz, "%s: %s", dir, strerror(errno));
        return -1;
    }
    fprintf(fp, "%s\nkind %s\nid %lld\nuuid %s\n", MAGIC, j->kind, j->id,
            j->uuid);
    put_pairs(fp, "f", j->fields, j->nfields);
    for (size_t i = 0; i < j->nrows; i++) {
        fprintf(fp, "row %zu %lld %d\n", j->rows[i].grid, j->rows[i].id,
                j->rows[i].deleted);
        put_pairs(fp, "c", j->rows[i].cells, j->rows[i].ncells);
    }
    ok = fflush(fp) == 0 && !ferror(fp) && fsync(fileno(fp)) == 0;
    ok = (fclose(fp) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

/* Undo put_escaped in place. */
static void
unescape(char *s)
{
    char *out = s;

    for (; *s; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            *out++ = *s == 'n'   ? '\n'
                     : *s == 't' ? '\t'
                     : *s == 'r' ? '\r'
                                 : *s;
        } else {
            *out++ = *s;
        }
    }
    *out = '\0';
}

/* Split "NAME VALUE" at the first space; false when there is none. */
static bool
split_pair(char *rest, char **name, char **value)
{
    char *sp = strchr(rest, ' ');

    if (sp == NULL)
        return false;
    *sp = '\0';
    *name = rest;
    *value = sp + 1;
    unescape(*value);
    return true;
}

/* One line of a journal into j; false when it makes no sense. */
static bool
read_line(struct journal *j, char *line)
{
    char *name, *value;
    size_t grid;
    long long id;
    int deleted;

    if (strncmp(line, "kind ", 5) == 0)
        return j->kind == NULL && (j->kind = strdup(line + 5)) != NULL;
    if (strncmp(line, "id ", 3) == 0)
        return sscanf(line + 3, "%lld", &j->id) == 1;
    if (strncmp(line, "uuid ", 5) == 0)
        return snprintf(j->uuid, sizeof(j->uuid), "%s", line + 5) <
               (int)sizeof(j->uuid);
    if (strncmp(line, "f ", 2) == 0)
        return split_pair(line + 2, &name, &value) &&
               journal_add_field(j, name, value);
    if (strncmp(line, "row ", 4) == 0)
        return sscanf(line + 4, "%zu %lld %d", &grid, &id, &deleted) == 3 &&
               journal_add_row(j, grid, id, deleted != 0);
    if (strncmp(line, "c ", 2) == 0)
        return split_pair(line + 2, &name, &value) &&
               journal_add_cell(j, name, value);
    return false;
}

int
journal_read(const char *path, struct journal *j, char *err, size_t errsz)
{
    FILE *fp = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, rc = 0;

    memset(j, 0, sizeof(*j));
    if (fp == NULL) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        return -1;
    }
    while (rc == 0 && (len = getline(&line, &cap, fp)) != -1) {
        lineno++;
        if (len > 0 && line[len - 1] == '\n')
            line[len - 1] = '\0';
        if (lineno == 1 ? strcmp(line, MAGIC) != 0 : !read_line(j, line)) {
            snprintf(err, errsz, "%s:%d: not a journal line", path, lineno);
            rc = -1;
        }
    }
    free(line);
    fclose(fp);
    if (rc == 0 && (j->kind == NULL || lineno == 0)) {
        snprintf(err, errsz, "%s: incomplete journal", path);
        rc = -1;
    }
    if (rc != 0)
        journal_clear(j);
    return rc;
}

void
journal_remove(const char *dir, const char *kind, long long id,
               const char *uuid)
{
    char path[4096];

    journal_path(dir, kind, id, uuid, path, sizeof(path));
    unlink(path);
}

static int
compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
is_journal_name(const char *name)
{
    size_t len = strlen(name);

    return name[0] != '.' && len > 8 && strcmp(name + len - 8, ".journal") == 0;
}

int
journal_list(const char *dir, char ***paths, size_t *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **list = NULL, **grown;
    size_t count = 0;

    *paths = NULL;
    *n = 0;
    if (d == NULL)
        return errno == ENOENT ? 0 : -1;
    while ((e = readdir(d)) != NULL) {
        char *p;

        if (!is_journal_name(e->d_name))
            continue;
        if ((grown = realloc(list, (count + 1) * sizeof(*list))) == NULL ||
            (p = malloc(strlen(dir) + strlen(e->d_name) + 2)) == NULL) {
            list = grown ? grown : list;
            journal_list_free(list, count);
            closedir(d);
            return -1;
        }
        list = grown;
        sprintf(p, "%s/%s", dir, e->d_name);
        list[count++] = p;
    }
    closedir(d);
    if (count > 1)
        qsort(list, count, sizeof(*list), compare_paths);
    *paths = list;
    *n = count;
    return 0;
}

void
journal_list_free(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}
