/*
 * fuzz_journal.c
 *   libFuzzer target: the draft journal (core/journal.c), read and written.
 *   An input starting with "eduaid-journal" is a journal file: it is read
 *   (journal_read), and one that reads is written back (journal_write) and
 *   read again. Any other input builds a journal: its NUL-separated pieces
 *   are field values, a piece starting with byte 0x01 starts a grid row
 *   whose cells the next pieces are. Either way what was written must be
 *   read back exactly: same kind, id, uuid, fields, rows and cells, in
 *   order, values with any bytes (line breaks, tabs, backslashes) intact.
 */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"

#include "core/journal.h"

static bool
same_pairs(const struct journal_pair *a, size_t na,
           const struct journal_pair *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (strcmp(a[i].name, b[i].name) != 0 ||
            strcmp(a[i].value, b[i].value) != 0)
            return false;
    return true;
}

static bool
same(const struct journal *a, const struct journal *b)
{
    if (strcmp(a->kind, b->kind) != 0 || a->id != b->id ||
        strcmp(a->uuid, b->uuid) != 0 ||
        !same_pairs(a->fields, a->nfields, b->fields, b->nfields) ||
        a->nrows != b->nrows)
        return false;
    for (size_t i = 0; i < a->nrows; i++) {
        const struct journal_row *x = &a->rows[i], *y = &b->rows[i];

        if (x->grid != y->grid || x->id != y->id || x->deleted != y->deleted ||
            !same_pairs(x->cells, x->ncells, y->cells, y->ncells))
            return false;
    }
    return true;
}

/* What the client writes: a form's kind and field names are names
 * ([a-z_][a-z0-9_]*, formdef.c) and a new record's uuid is hex and
 * hyphens; the file name is made of kind and uuid. */
static bool
is_name(const char *s)
{
    if (!(islower((unsigned char)*s) || *s == '_'))
        return false;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) ||
              *s == '_'))
            return false;
    return true;
}

static bool
writable(const struct journal *j)
{
    /* a kind is a form's name (at most 63 bytes, core/formdef.c) and a
     * uuid 36: a longer one is no name the client makes, and its file
     * name may pass NAME_MAX (a crash the smoke run found, 2026-12-07) */
    if (!is_name(j->kind) || strlen(j->kind) > 63 || strlen(j->uuid) > 36)
        return false;
    if (j->id == 0)
        for (const char *u = j->uuid; *u; u++)
            if (!isxdigit((unsigned char)*u) && *u != '-')
                return false;
    for (size_t i = 0; i < j->nfields; i++)
        if (!is_name(j->fields[i].name))
            return false;
    for (size_t r = 0; r < j->nrows; r++)
        for (size_t i = 0; i < j->rows[r].ncells; i++)
            if (!is_name(j->rows[r].cells[i].name))
                return false;
    return true;
}

/* Write j, read it back, compare, remove the file. */
static void
round_trip(const struct journal *j)
{
    char dir[600], path[5000], err[600];
    struct journal back;

    snprintf(dir, sizeof(dir), "%s/journals", fuzz_dir());
    if (journal_write(dir, j, err, sizeof(err)) != 0) {
        fprintf(stderr, "journal_write: %s\n", err);
        FUZZ_ASSERT(!"journal_write failed");
    }
    journal_path(dir, j->kind, j->id, j->uuid, path, sizeof(path));
    if (journal_read(path, &back, err, sizeof(err)) != 0) {
        fprintf(stderr, "journal_read: %s\n", err);
        FUZZ_ASSERT(!"what journal_write wrote does not read back");
    }
    FUZZ_ASSERT(same(j, &back));
    journal_clear(&back);
    journal_remove(dir, j->kind, j->id, j->uuid);
}

/* The journal the pieces of data describe (see the top). */
static void
build(struct journal *j, const uint8_t *data, size_t size)
{
    char name[32];
    size_t i = 0, k = 0;

    memset(j, 0, sizeof(*j));
    j->kind = strdup("household");
    FUZZ_ASSERT(j->kind != NULL);
    j->id = size % 2 ? 0 : (long long)size * 1000003;
    snprintf(j->uuid, sizeof(j->uuid), "%08zx-0000-4000-8000-000000000000",
             size);
    while (i < size) {
        const uint8_t *end = memchr(data + i, '\0', size - i);
        size_t len = end ? (size_t)(end - (data + i)) : size - i;
        char *piece = fuzz_string(data + i, len);

        snprintf(name, sizeof(name), "f%zu", k++);
        if (len > 0 && piece[0] == '\x01')
            FUZZ_ASSERT(journal_add_row(j, len, (long long)k, len % 2));
        else if (j->nrows > 0)
            FUZZ_ASSERT(journal_add_cell(j, name, piece));
        else
            FUZZ_ASSERT(journal_add_field(j, name, piece));
        free(piece);
        i += len + 1;
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char magic[] = "eduaid-journal";
    struct journal j;
    char err[600];

    if (size >= sizeof(magic) - 1 &&
        memcmp(data, magic, sizeof(magic) - 1) == 0) {
        const char *path = fuzz_file("input.journal", data, size);

        if (journal_read(path, &j, err, sizeof(err)) != 0)
            return 0;
        FUZZ_ASSERT(j.kind != NULL);
        if (writable(&j))
            round_trip(&j);
        journal_clear(&j);
        return 0;
    }
    build(&j, data, size);
    round_trip(&j);
    journal_clear(&j);
    return 0;
}
