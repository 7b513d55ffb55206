/*
 * fields.c
 *   The field states behind forms: typed text in line editors, picked
 *   values with what they show, and the client's early checks (the same
 *   rules the server enforces, core/validate.c) turned into messages in
 *   the user's language.
 */
#include "config.h"

#include "screens/fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/idnumber.h"
#include "core/validate.h"

bool
field_is_typed(const struct fielddef *d)
{
    return d->type != FT_CHOICE && d->type != FT_LOOKUP && d->type != FT_BOOL;
}

static const char *
bool_shown(const char *v)
{
    if (v == NULL || v[0] == '\0')
        return "";
    return (v[0] == 't' || v[0] == 'T') ? _("Yes") : _("No");
}

bool
fieldset_pick(struct fieldset *fs, size_t i, const char *value,
              const char *shown)
{
    struct fieldstate *s = &fs->f[i];
    const char *show = shown;
    char *v = NULL, *sh;

    if (value != NULL && value[0] != '\0' && (v = strdup(value)) == NULL)
        return false;
    if (show == NULL)
        show = s->def->type == FT_BOOL ? bool_shown(v)
               : s->def->type == FT_CHOICE
                   ? fielddef_choice_label(s->def, v ? v : "", fs->zh)
                   : (v ? v : "");
    if ((sh = strdup(show)) == NULL) {
        free(v);
        return false;
    }
    free(s->value);
    free(s->shown);
    s->value = v;
    s->shown = sh;
    s->error[0] = '\0';
    return true;
}

bool
fieldset_init(struct fieldset *fs, const struct fielddef *defs, size_t n,
              char *const *values, bool zh)
{
    memset(fs, 0, sizeof(*fs));
    fs->zh = zh;
    fs->f = calloc(n ? n : 1, sizeof(*fs->f));
    if (fs->f == NULL)
        return false;
    fs->n = n;
    for (size_t i = 0; i < n; i++) {
        const char *v = values != NULL ? values[i] : NULL;

        fs->f[i].def = &defs[i];
        /* Personal data the person may not read comes as its mask
         * (420325********123X, 2015-**-**); the server never lets them
         * change it either. Nor do they change what the server fills
         * (read-only fields). */
        fs->f[i].locked =
            defs[i].read_only ||
            (v != NULL && field_is_typed(&defs[i]) && strchr(v, '*') != NULL);
        if (!lineedit_init(&fs->f[i].edit, defs[i].max_chars))
            goto fail;
        if (field_is_typed(&defs[i])
                ? !lineedit_set_utf8(&fs->f[i].edit, v ? v : "")
                : !fieldset_pick(fs, i, v, NULL))
            goto fail;
    }
    return true;
fail:
    fieldset_free(fs);
    return false;
}

void
fieldset_free(struct fieldset *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        lineedit_free(&fs->f[i].edit);
        free(fs->f[i].value);
        free(fs->f[i].shown);
    }
    free(fs->f);
    memset(fs, 0, sizeof(*fs));
}

char *
fieldset_value(const struct fieldset *fs, size_t i)
{
    const struct fieldstate *s = &fs->f[i];

    if (field_is_typed(s->def)) {
        char *v = lineedit_utf8(&s->edit), *iso;
        int ymd;

        if (v == NULL)
            return NULL;
        valid_trim(v); /* as the server's tidy(): U+3000, U+00A0 ... */
        if (s->def->type == FT_ID_NUMBER)
            id_number_fold(v); /* ０-９ and Ｘ as the server stores them */
        /* a date as typed (2012/5/21) is stored as YYYY-MM-DD */
        if (s->def->type != FT_DATE || date_parse(v, &ymd) != DATE_PARSE_OK)
            return v;
        if ((iso = realloc(v, 11)) == NULL) {
            free(v);
            return NULL;
        }
        return date_format_iso(ymd, iso);
    }
    return strdup(s->value ? s->value : "");
}

int
fieldset_find(const struct fieldset *fs, const char *name)
{
    if (name == NULL)
        return -1;
    for (size_t i = 0; i < fs->n; i++)
        if (strcmp(fs->f[i].def->name, name) == 0)
            return (int)i;
    return -1;
}

void
fieldset_set_error(struct fieldset *fs, size_t i, const char *message)
{
    snprintf(fs->f[i].error, sizeof(fs->f[i].error), "%s", message);
}

/* The check of one non-empty value by type. */
static enum valid_result
check_type(const struct fieldset *fs, const struct fielddef *d, const char *v)
{
    long l;
    char *other;
    enum valid_result r = VALID_OK;
    int j;

    switch (d->type) {
    case FT_ID_NUMBER:
        if ((r = valid_id_number(v, valid_today())) != VALID_OK)
            return r;
        if ((j = fieldset_find(fs, d->birth_field)) >= 0 &&
            (other = fieldset_value(fs, j))) {
            r = valid_id_birth(v, other);
            free(other);
            if (r != VALID_OK)
                return r;
        }
        if ((j = fieldset_find(fs, d->sex_field)) >= 0 &&
            fs->f[j].value != NULL)
            r = valid_id_sex(v, fs->f[j].value);
        return r;
    case FT_DATE:
        return valid_date(v, 0, NULL);
    case FT_INT:
        return valid_int(v, d->min, d->max, &l);
    case FT_MONEY:
        return valid_money(v, NULL);
    case FT_PHONE:
        return valid_phone(v);
    case FT_TEXT:
        return valid_text(v, d->required, d->max_chars, 0);
    default:
        return VALID_OK;
    }
}

bool
fieldset_check(struct fieldset *fs, size_t i)
{
    struct fieldstate *s = &fs->f[i];
    char *v = fieldset_value(fs, i);
    enum valid_result r;

    if (v == NULL)
        return false;
    if (s->locked)
        r = VALID_OK;
    else if (v[0] == '\0')
        r = s->def->required ? VALID_REQUIRED : VALID_OK;
    else
        r = check_type(fs, s->def, v);
    free(v);
    if (r == VALID_OK)
        s->error[0] = '\0';
    else
        fieldset_set_error(fs, i, _(valid_message(r)));
    return r == VALID_OK;
}

int
fieldset_check_all(struct fieldset *fs)
{
    int first = -1;

    for (size_t i = 0; i < fs->n; i++)
        if (!fieldset_check(fs, i) && first < 0)
            first = (int)i;
    return first;
}

/* Set typed field j to text; FILL_REPLACED when it held another non-empty
 * value, else FILL_FILLED; FILL_NONE when locked or out of memory. */
static enum field_fill
fill_typed(struct fieldset *fs, int j, const char *text)
{
    struct fieldstate *t = &fs->f[j];
    char *old;
    enum field_fill r;

    if (t->locked || (old = fieldset_value(fs, (size_t)j)) == NULL)
        return FILL_NONE;
    r = old[0] != '\0' && strcmp(old, text) != 0 ? FILL_REPLACED : FILL_FILLED;
    if (strcmp(old, text) != 0 && !lineedit_set_utf8(&t->edit, text))
        r = FILL_NONE;
    else if (strcmp(old, text) != 0)
        fs->dirty = true;
    free(old);
    t->error[0] = '\0';
    return r;
}

/* Set picked field j to value, as fill_typed. */
static enum field_fill
fill_picked(struct fieldset *fs, int j, const char *value)
{
    struct fieldstate *t = &fs->f[j];
    const char *old = t->value ? t->value : "";
    enum field_fill r;

    if (t->locked)
        return FILL_NONE;
    if (strcmp(old, value) == 0) {
        t->error[0] = '\0';
        return FILL_FILLED;
    }
    r = old[0] != '\0' ? FILL_REPLACED : FILL_FILLED;
    if (!fieldset_pick(fs, (size_t)j, value, NULL))
        return FILL_NONE;
    fs->dirty = true;
    return r;
}

static enum field_fill
worse(enum field_fill a, enum field_fill b)
{
    return a > b ? a : b;
}

enum field_fill
fieldset_fill_from_id(struct fieldset *fs, size_t i)
{
    const struct fielddef *d = fs->f[i].def;
    struct id_info info;
    enum field_fill r = FILL_NONE;
    char *v, date[11], sex[2];
    int j;

    if (d->type != FT_ID_NUMBER || fs->f[i].locked ||
        (v = fieldset_value(fs, i)) == NULL)
        return FILL_NONE;
    if (id_number_check(v, &info, valid_today()) != ID_OK) {
        free(v);
        return FILL_NONE;
    }
    free(v);
    date_format_iso(info.year * 10000 + info.month * 100 + info.day, date);
    sex[0] = info.sex;
    sex[1] = '\0';
    if ((j = fieldset_find(fs, d->birth_field)) >= 0)
        r = worse(r, field_is_typed(fs->f[j].def) ? fill_typed(fs, j, date)
                                                  : fill_picked(fs, j, date));
    if ((j = fieldset_find(fs, d->sex_field)) >= 0)
        r = worse(r, field_is_typed(fs->f[j].def) ? fill_typed(fs, j, sex)
                                                  : fill_picked(fs, j, sex));
    return r;
}

/* Rewrite a valid date of typed field i as YYYY-MM-DD in its editor. */
static void
normalise_date(struct fieldset *fs, size_t i)
{
    struct fieldstate *s = &fs->f[i];
    char *v;

    if (s->def->type != FT_DATE || s->locked ||
        (v = fieldset_value(fs, i)) == NULL)
        return;
    if (valid_date(v, 0, NULL) == VALID_OK) {
        char *typed = lineedit_utf8(&s->edit);

        if (typed != NULL && strcmp(typed, v) != 0)
            lineedit_set_utf8(&s->edit, v);
        free(typed);
    }
    free(v);
}

enum field_fill
fieldset_leave(struct fieldset *fs, size_t i)
{
    struct fieldstate *s = &fs->f[i];
    enum field_fill r;
    char *v;

    normalise_date(fs, i);
    r = fieldset_fill_from_id(fs, i);
    if (!s->touched && s->def->required &&
        (v = fieldset_value(fs, i)) != NULL) {
        bool empty = v[0] == '\0';

        free(v);
        if (empty) { /* passed by, not emptied: say nothing yet */
            s->error[0] = '\0';
            return r;
        }
    }
    fieldset_check(fs, i);
    return r;
}
