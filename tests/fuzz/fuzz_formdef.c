/*
 * fuzz_formdef.c
 *   libFuzzer target: the form-definition loader (core/formdef.c). The
 *   input is a form file (forms/NAME.conf), loaded both as a form and as
 *   a lookups file; a form that loads is walked the way the screens walk
 *   it (every field, choice label, list column, grid field and search) and
 *   checked against the lookups the same input gives, when it gives any.
 *   Checked: a refusal says why; a loaded form's fields are found by name.
 */
#include "config.h"

#include "fuzz.h"

#include "core/formdef.h"

static void
walk_fields(const struct formdef *f, const struct fielddef *fields, size_t n,
            const struct griddef *g)
{
    for (size_t i = 0; i < n; i++) {
        const struct fielddef *d = &fields[i];

        FUZZ_ASSERT(d->name != NULL);
        FUZZ_ASSERT(g ? griddef_field(g, d->name) != NULL
                      : formdef_field(f, d->name) != NULL);
        FUZZ_ASSERT(label_text(&d->label, i % 2 == 0) != NULL);
        for (size_t c = 0; c < d->nchoices; c++)
            FUZZ_ASSERT(fielddef_choice_label(d, d->choices[c].value, true) !=
                        NULL);
        fielddef_choice_label(d, "", false);
    }
}

static void
walk(const struct formdef *f)
{
    size_t grid;

    FUZZ_ASSERT(f->kind != NULL && f->table != NULL);
    walk_fields(f, f->fields, f->nfields, NULL);
    for (size_t i = 0; i < f->nsections; i++)
        FUZZ_ASSERT(f->sections[i].first + f->sections[i].count <= f->nfields);
    for (size_t i = 0; i < f->ngrids; i++)
        walk_fields(f, f->grids[i].fields, f->grids[i].nfields, &f->grids[i]);
    for (size_t i = 0; i < f->ncolumns; i++)
        FUZZ_ASSERT(f->columns[i].field != NULL &&
                    label_text(&f->columns[i].label, false) != NULL);
    for (size_t i = 0; i < f->nsearch; i++)
        if (formdef_grid_search_field(f, f->search[i], &grid) != NULL)
            FUZZ_ASSERT(grid < f->ngrids);
    formdef_has_read_only(f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file("form.conf", data, size);
    struct formdef *f = NULL;
    struct lookupset *l = NULL;
    struct formdef_error err;

    memset(&err, 0, sizeof(err));
    if (formdef_load(path, &f, &err) == 0) {
        FUZZ_ASSERT(f != NULL);
        walk(f);
    } else {
        FUZZ_ASSERT(f == NULL && err.message[0] != '\0');
    }
    memset(&err, 0, sizeof(err));
    if (lookupset_load(path, &l, &err) == 0) {
        FUZZ_ASSERT(l != NULL);
        for (size_t i = 0; i < l->count; i++) {
            FUZZ_ASSERT(lookupset_find(l, l->items[i].name) != NULL);
            lookupdef_detail_text(&l->items[i], "x", true);
        }
        if (f != NULL)
            formdef_check_lookups(f, l, &err);
    } else {
        FUZZ_ASSERT(l == NULL && err.message[0] != '\0');
    }
    formdef_free(f);
    lookupset_free(l);
    return 0;
}
