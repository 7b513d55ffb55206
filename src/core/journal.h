/*
 * journal.h
 *   The draft journal: the unsaved state of a record's form, kept in a
 *   file so that nothing typed is lost to a dropped SSH session, a killed
 *   client or a lost connection. Each file is written whole to a temporary
 *   name, fsync'd and renamed (mode 0600, directories 0700); the next start
 *   offers to restore it; saving or discarding the record removes it.
 *
 *   The format is lines of text: "eduaid-journal 1", "kind K", "id N",
 *   "uuid U", then "f NAME VALUE" per field, "row GRID ID DELETED" per grid
 *   row followed by its "c NAME VALUE" cells. Values escape \ as \\, and
 *   newline, tab and carriage return as \n, \t, \r. No curses, no libpq.
 */
#ifndef EDUAID_CORE_JOURNAL_H
#define EDUAID_CORE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

struct journal_pair {
    char *name, *value;
};

struct journal_row {
    size_t grid;
    long long id; /* 0: a new row */
    bool deleted;
    struct journal_pair *cells;
    size_t ncells;
};

struct journal {
    char *kind;
    long long id;  /* 0: a new record */
    char uuid[37]; /* the new record's client UUID */
    struct journal_pair *fields;
    size_t nfields;
    struct journal_row *rows;
    size_t nrows;
};

/* Append a field / a row / a cell of the last row (copies); false when out
 * of memory. */
bool journal_add_field(struct journal *j, const char *name, const char *value);
bool journal_add_row(struct journal *j, size_t grid, long long id,
                     bool deleted);
bool journal_add_cell(struct journal *j, const char *name, const char *value);
/* Free what j holds (not j itself) and zero it. */
void journal_clear(struct journal *j);

/* The file name of j in dir: dir/<kind>-<id>.journal or
 * dir/<kind>-new-<uuid>.journal, into buf. */
void journal_path(const char *dir, const char *kind, long long id,
                  const char *uuid, char *buf, size_t bufsz);

/*
 * journal_write
 *
 * Write j into dir (made with mode 0700 when missing, parents too)
 * atomically. 0, or -1 with a sentence in err.
 */
int journal_write(const char *dir, const struct journal *j, char *err,
                  size_t errsz);

/* Read the journal at path into j (cleared first). 0, or -1 with err. */
int journal_read(const char *path, struct journal *j, char *err, size_t errsz);

/* Remove the journal of (kind, id, uuid) in dir; missing is fine. */
void journal_remove(const char *dir, const char *kind, long long id,
                    const char *uuid);

/* The paths of the journals in dir (sorted), as a malloc'd array of
 * malloc'd strings; *n of them. A missing dir is no journals. -1 when out
 * of memory or unreadable. */
int journal_list(const char *dir, char ***paths, size_t *n);
void journal_list_free(char **paths, size_t n);

#endif /* EDUAID_CORE_JOURNAL_H */
