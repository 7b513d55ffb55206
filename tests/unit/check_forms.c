/*
 * check_forms.c
 *   Unit tests of src/core/formdef.c (forms/<kind>.conf, forms/lookups.conf)
 *   and src/core/settings.c (eduaid.conf), with their own Check runner.
 *   The real forms are loaded and compared with the schema they describe
 *   (sql/004_records.sql: columns, types, CHECK lists and ranges); each
 *   fixture of tests/data/forms and tests/data/conf that must fail marks
 *   the line the error must name with "# <- error". Files are found under
 *   $top_srcdir (default "."). Check's variables apply (CK_FORK=no for
 *   valgrind).
 */
#include "config.h"

#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/date.h"
#include "core/formdef.h"
#include "core/idnumber.h"
#include "core/errlog.h"
#include "core/settings.h"
#include "screens/fields.h"

#define MARKER "# <- error"

/* ---------------------------------------------------------------------- */
/*
 * Allocation failures. The runner is linked with -Wl,--wrap=malloc,
 * --wrap=calloc and --wrap=strdup (Makefile.am), so the allocations of the
 * core library (and of this file) come through here, libconfig's and the C
 * library's own do not. fail_alloc(n) makes the n-th allocation from now
 * fail (once).
 */
void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
char *__wrap_strdup(const char *s);

static long alloc_countdown = -1; /* -1: no failure armed */
static long alloc_failed;         /* failures made so far */

static bool
alloc_fails(void)
{
    if (alloc_countdown < 0)
        return false;
    if (alloc_countdown-- > 0)
        return false;
    alloc_failed++;
    return true;
}

void *
__wrap_malloc(size_t size)
{
    return alloc_fails() ? NULL : __real_malloc(size);
}

void *
__wrap_calloc(size_t n, size_t size)
{
    return alloc_fails() ? NULL : __real_calloc(n, size);
}

char *
__wrap_strdup(const char *s)
{
    return alloc_fails() ? NULL : __real_strdup(s);
}

static void
fail_alloc(long n)
{
    alloc_failed = 0;
    alloc_countdown = n;
}

/* Disarm; true when the armed failure happened. */
static bool
alloc_disarm(void)
{
    alloc_countdown = -1;
    return alloc_failed > 0;
}

/* ---------------------------------------------------------------------- */
/* Helpers */

/* $top_srcdir/rel in buf. */
static const char *
src_path(char *buf, size_t size, const char *rel)
{
    const char *top = getenv("top_srcdir");

    snprintf(buf, size, "%s/%s", top != NULL && top[0] != '\0' ? top : ".",
             rel);
    return buf;
}

/* The whole of a file, malloc'd and NUL-terminated; fails the test when it
 * cannot be read. */
static char *
read_text(const char *path)
{
    FILE *fp = fopen(path, "r");
    char *buf;
    long n;

    ck_assert_msg(fp != NULL, "cannot open %s", path);
    ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
    n = ftell(fp);
    ck_assert_int_ge(n, 0);
    rewind(fp);
    buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

/* The line of path marked MARKER (1-based), or 0. */
static int
marker_line(const char *path)
{
    char *text = read_text(path);
    const char *m = strstr(text, MARKER);
    int line = 0;

    if (m != NULL) {
        line = 1;
        for (const char *p = text; p < m; p++)
            if (*p == '\n')
                line++;
    }
    free(text);
    return line;
}

static void
write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");

    ck_assert_msg(fp != NULL, "cannot create %s", path);
    ck_assert_int_ge(fputs(text, fp), 0);
    ck_assert_int_eq(fclose(fp), 0);
}

/* True when s ends with tail. */
static bool
ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);

    return a >= b && strcmp(s + a - b, tail) == 0;
}

static struct formdef *
load_form(const char *rel)
{
    char path[1024];
    struct formdef_error err;
    struct formdef *f = NULL;
    int rc = formdef_load(src_path(path, sizeof(path), rel), &f, &err);

    ck_assert_msg(rc == 0, "%s:%d: %s", err.file, err.line, err.message);
    ck_assert_ptr_nonnull(f);
    return f;
}

static struct lookupset *
load_lookups(const char *rel)
{
    char path[1024];
    struct formdef_error err;
    struct lookupset *l = NULL;
    int rc = lookupset_load(src_path(path, sizeof(path), rel), &l, &err);

    ck_assert_msg(rc == 0, "%s:%d: %s", err.file, err.line, err.message);
    ck_assert_ptr_nonnull(l);
    return l;
}

static const struct columndef *
find_column(const struct columndef *cols, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(cols[i].field, name) == 0)
            return &cols[i];
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* The real forms */

static const char *const kinds[] = {
    "household",      "training", "special_ed", "teacher_fund",
    "household_year", "pairing",  "admission" /* issue 17 H4 */};
static const char *const tables[] = {
    "household",       "training_enrollment",
    "special_ed_plan", "teacher_fund_application",
    "household_year",  "pair_agreement",
    "admission"};
static const size_t nfields_of[] = {10, 18, 22, 16, 5, 6, 10};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

/* Widths of columns plus one cell between each fit in 80 columns. */
static void
assert_columns_fit(const struct columndef *cols, size_t n, const char *what)
{
    int total = 0;

    ck_assert_uint_gt(n, 0);
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_ge(cols[i].width, 1);
        total += cols[i].width + (i > 0 ? 1 : 0);
        ck_assert_ptr_nonnull(cols[i].label.zh);
        ck_assert_ptr_nonnull(cols[i].label.en);
    }
    ck_assert_msg(total <= 72, "%s: columns take %d cells", what, total);
}

START_TEST(test_real_forms_load)
{
    char rel[64];
    struct formdef_error err;
    struct lookupset *l = load_lookups("forms/lookups.conf");
    struct formdef *f;
    size_t covered = 0;

    snprintf(rel, sizeof(rel), "forms/%s.conf", kinds[_i]);
    f = load_form(rel);
    ck_assert_str_eq(f->kind, kinds[_i]);
    ck_assert_str_eq(f->table, tables[_i]);
    ck_assert(ends_with(f->path, rel));
    ck_assert_uint_eq(f->nfields, nfields_of[_i]);
    /* every kind has a row of the main menu but the pair agreement, which
     * the pairing area opens (issue 15 H1) */
    ck_assert(f->menu == (strcmp(kinds[_i], "pairing") != 0 &&
                          strcmp(kinds[_i], "admission") != 0));
    ck_assert_msg(formdef_check_lookups(f, l, &err) == 0, "%s:%d: %s", err.file,
                  err.line, err.message);
    assert_columns_fit(f->columns, f->ncolumns, kinds[_i]);
    ck_assert_uint_gt(f->nsummary, 0);
    ck_assert_uint_gt(f->nsearch, 0);
    for (size_t s = 0; s < f->nsections; s++) {
        ck_assert_uint_eq(f->sections[s].first, covered);
        covered += f->sections[s].count;
    }
    ck_assert_uint_eq(covered, f->nfields);
    for (size_t g = 0; g < f->ngrids; g++)
        assert_columns_fit(f->grids[g].columns, f->grids[g].ncolumns,
                           f->grids[g].table);
    /* Every record form lets the clerk pick the township first. */
    ck_assert_str_eq(f->fields[0].name, "township_id");
    ck_assert_int_eq(f->fields[0].type, FT_LOOKUP);
    ck_assert_str_eq(f->fields[0].lookup, "township");
    ck_assert(f->fields[0].required);
    formdef_free(f);
    lookupset_free(l);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Entry (issue 12): what leaving a field does (src/screens/fields.c) */

/* A member row of the real household form, all empty. */
static struct formdef *
member_row(struct fieldset *fs)
{
    struct formdef *f = load_form("forms/household.conf");

    ck_assert(
        fieldset_init(fs, f->grids[0].fields, f->grids[0].nfields, NULL, true));
    return f;
}

/* Type text into field name of fs as a person would (touched). */
static size_t
type_into(struct fieldset *fs, const char *name, const char *text)
{
    int i = fieldset_find(fs, name);

    ck_assert_int_ge(i, 0);
    ck_assert(lineedit_set_utf8(&fs->f[i].edit, text));
    fs->f[i].touched = true;
    return (size_t)i;
}

static void
assert_value(const struct fieldset *fs, const char *name, const char *want)
{
    int i = fieldset_find(fs, name);
    char *v;

    ck_assert_int_ge(i, 0);
    v = fieldset_value(fs, (size_t)i);
    ck_assert_ptr_nonnull(v);
    ck_assert_str_eq(v, want);
    free(v);
}

START_TEST(test_entry_id_fills)
{
    struct fieldset fs;
    struct formdef *f = member_row(&fs);
    size_t id;

    /* a valid ID fills the empty sex and birth date of its row */
    id = type_into(&fs, "id_number", "420325201205210021");
    ck_assert_int_eq(fieldset_leave(&fs, id), FILL_FILLED);
    assert_value(&fs, "birth_date", "2012-05-21");
    assert_value(&fs, "sex", "F"); /* 17th digit 2: even */
    ck_assert_str_eq(fs.f[fieldset_find(&fs, "sex")].shown, "女");
    ck_assert_str_eq(fs.f[id].error, "");
    ck_assert(fs.dirty);

    /* a different value typed before is replaced, and that is said */
    type_into(&fs, "birth_date", "2011-01-01");
    ck_assert(fieldset_pick(&fs, (size_t)fieldset_find(&fs, "sex"), "M", NULL));
    ck_assert_int_eq(fieldset_leave(&fs, id), FILL_REPLACED);
    assert_value(&fs, "birth_date", "2012-05-21");
    assert_value(&fs, "sex", "F");
    /* the same values again: filled, nothing replaced */
    ck_assert_int_eq(fieldset_leave(&fs, id), FILL_FILLED);

    /* an invalid ID (check digit) fills nothing and is marked */
    type_into(&fs, "birth_date", "");
    id = type_into(&fs, "id_number", "42032520120521002X");
    ck_assert_int_eq(fieldset_leave(&fs, id), FILL_NONE);
    assert_value(&fs, "birth_date", "");
    ck_assert_str_ne(fs.f[id].error, "");
    fieldset_free(&fs);
    formdef_free(f);
}
END_TEST

/* Every valid vector of tests/data/id_vectors.csv fills what the server's
 * eduaid.id_birth_date and eduaid.id_sex return: characters 7-14 as the
 * date, the parity of the 17th as the sex (tests/db/05_rules.sql holds the
 * SQL to the same). */
START_TEST(test_entry_id_vectors)
{
    char path[1024], line[256];
    FILE *fp =
        fopen(src_path(path, sizeof path, "tests/data/id_vectors.csv"), "r");
    int n = 0;

    ck_assert_ptr_nonnull(fp);
    while (fgets(line, sizeof line, fp) != NULL) {
        struct fieldset fs;
        struct formdef *f;
        char want_date[11], want_sex[2], *comma = strchr(line, ',');
        size_t id;

        if (comma == NULL || strncmp(comma, ",true,", 6) != 0)
            continue;
        *comma = '\0';
        f = member_row(&fs);
        id = type_into(&fs, "id_number", line);
        snprintf(want_date, sizeof want_date, "%.4s-%.2s-%.2s", line + 6,
                 line + 10, line + 12);
        want_sex[0] = (line[16] - '0') % 2 ? 'M' : 'F';
        want_sex[1] = '\0';
        ck_assert_int_eq(fieldset_fill_from_id(&fs, id), FILL_FILLED);
        assert_value(&fs, "birth_date", want_date);
        assert_value(&fs, "sex", want_sex);
        fieldset_free(&fs);
        formdef_free(f);
        n++;
    }
    fclose(fp);
    ck_assert_int_ge(n, 5);
}
END_TEST

/* Each form's ID numbers pair with fields of their own record or row. */
START_TEST(test_entry_pairs)
{
    static const char *const forms[] = {
        "forms/household.conf", "forms/training.conf", "forms/special_ed.conf"};

    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        struct formdef *f = load_form(forms[k]);
        struct fieldset fs;
        const struct fielddef *defs = f->fields;
        size_t n = f->nfields;
        int paired = 0;

        for (size_t g = 0; g <= f->ngrids; g++) {
            if (g > 0) {
                defs = f->grids[g - 1].fields;
                n = f->grids[g - 1].nfields;
            }
            ck_assert(fieldset_init(&fs, defs, n, NULL, true));
            for (size_t i = 0; i < n; i++) {
                if (defs[i].type != FT_ID_NUMBER || defs[i].sex_field == NULL)
                    continue;
                ck_assert_int_ge(fieldset_find(&fs, defs[i].sex_field), 0);
                ck_assert_int_ge(fieldset_find(&fs, defs[i].birth_field), 0);
                type_into(&fs, defs[i].name, "11010519491231002X");
                ck_assert_int_eq(fieldset_leave(&fs, i), FILL_FILLED);
                assert_value(&fs, defs[i].birth_field, "1949-12-31");
                assert_value(&fs, defs[i].sex_field, "F");
                paired++;
            }
            fieldset_free(&fs);
        }
        ck_assert_int_ge(paired, 1);
        formdef_free(f);
    }
}
END_TEST

START_TEST(test_entry_required_nag)
{
    struct fieldset fs;
    struct formdef *f = member_row(&fs);
    int name = fieldset_find(&fs, "name"), sex = fieldset_find(&fs, "sex");

    /* Tab past untouched empty required fields: no nag */
    ck_assert(fs.f[name].def->required);
    fieldset_leave(&fs, (size_t)name);
    ck_assert_str_eq(fs.f[name].error, "");
    fieldset_leave(&fs, (size_t)sex);
    ck_assert_str_eq(fs.f[sex].error, "");
    /* emptied by the person: the nag */
    type_into(&fs, "name", "");
    fieldset_leave(&fs, (size_t)name);
    ck_assert_str_ne(fs.f[name].error, "");
    /* at save every empty required field is marked */
    ck_assert_int_ge(fieldset_check_all(&fs), 0);
    ck_assert_str_ne(fs.f[sex].error, "");
    fieldset_free(&fs);
    formdef_free(f);
}
END_TEST

START_TEST(test_entry_dates)
{
    struct fieldset fs;
    struct formdef *f = member_row(&fs);
    static const char *const same[] = {"2012-05-21", "2012/5/21", "2012.5.21",
                                       "20120521", " 2012/05/21 "};
    size_t bd;

    for (size_t k = 0; k < sizeof same / sizeof same[0]; k++) {
        bd = type_into(&fs, "birth_date", same[k]);
        fieldset_leave(&fs, bd);
        ck_assert_str_eq(fs.f[bd].error, "");
        assert_value(&fs, "birth_date", "2012-05-21");
        {
            char *typed = lineedit_utf8(&fs.f[bd].edit);

            ck_assert_str_eq(typed, "2012-05-21"); /* shown as stored */
            free(typed);
        }
    }
    bd = type_into(&fs, "birth_date", "2012/2/30");
    fieldset_leave(&fs, bd);
    ck_assert_str_ne(fs.f[bd].error, "");
    assert_value(&fs, "birth_date", "2012/2/30"); /* left as typed */
    fieldset_free(&fs);
    formdef_free(f);
}
END_TEST

START_TEST(test_household)
{
    struct formdef *f = load_form("forms/household.conf");
    const struct fielddef *fd;
    const struct columndef *c;
    const struct griddef *g;

    ck_assert_str_eq(f->title.zh, "建档立卡户核查");
    ck_assert_uint_eq(f->nsections, 3);
    ck_assert_uint_eq(f->ncolumns, 4);
    ck_assert_str_eq(f->columns[0].field, "household_no");
    ck_assert_str_eq(f->columns[1].label.zh, "户主姓名"); /* the field's */
    c = find_column(f->columns, f->ncolumns, "head_id_number_masked");
    ck_assert_ptr_nonnull(c);
    ck_assert_str_eq(c->label.zh, "户主身份证号");
    ck_assert_int_eq(c->width, 18);
    ck_assert_uint_eq(f->nsummary, 2);
    ck_assert_str_eq(f->summary[0], "household_no");
    ck_assert_str_eq(f->summary[1], "head_name");
    ck_assert_uint_eq(f->nsearch, 6);
    ck_assert_str_eq(f->search[2], "head_id_number");
    ck_assert_str_eq(f->search[3], "village_id");
    /* issue 12: a household is found by its members' names and IDs */
    ck_assert_str_eq(f->search[4], "student.name");
    ck_assert_str_eq(f->search[5], "student.id_number");
    {
        size_t gi = 99;

        fd = formdef_grid_search_field(f, "student.id_number", &gi);
        ck_assert_ptr_nonnull(fd);
        ck_assert_int_eq(fd->type, FT_ID_NUMBER);
        ck_assert_uint_eq(gi, 0);
        ck_assert_ptr_nonnull(
            formdef_grid_search_field(f, "student.name", NULL));
        /* only text and ID number fields of a grid; never a plain name */
        ck_assert_ptr_null(formdef_grid_search_field(f, "student.sex", NULL));
        ck_assert_ptr_null(
            formdef_grid_search_field(f, "student.nosuch", NULL));
        ck_assert_ptr_null(formdef_grid_search_field(f, "pupil.name", NULL));
        ck_assert_ptr_null(formdef_grid_search_field(f, "studen.name", NULL));
        ck_assert_ptr_null(formdef_grid_search_field(f, "head_name", NULL));
    }

    /* A school year's facts are the year's record (household_year.conf). */
    ck_assert_ptr_null(formdef_field(f, "poverty_status"));
    fd = formdef_field(f, "registered_year");
    ck_assert_int_eq(fd->type, FT_INT);
    ck_assert_int_eq(fd->min, 2014);
    ck_assert_int_eq(fd->max, 2035);
    fd = formdef_field(f, "family_size");
    ck_assert_int_eq(fd->min, 1);
    ck_assert_int_eq(fd->max, 30);
    fd = formdef_field(f, "village_id");
    ck_assert_int_eq(fd->type, FT_LOOKUP);
    ck_assert_str_eq(fd->lookup, "village");
    fd = formdef_field(f, "head_id_number");
    ck_assert_int_eq(fd->type, FT_ID_NUMBER);
    ck_assert_str_eq(fd->label.en, "Head's ID number");
    ck_assert_int_eq(formdef_field(f, "phone")->type, FT_PHONE);
    ck_assert_int_eq(formdef_field(f, "notes")->max_chars, 2000);
    ck_assert_ptr_null(formdef_field(f, "head_id_number_masked"));

    ck_assert_uint_eq(f->ngrids, 1);
    g = &f->grids[0];
    ck_assert_str_eq(g->table, "student");
    ck_assert_str_eq(g->parent_key, "household_id");
    ck_assert_str_eq(g->title.zh, "家庭成员");
    ck_assert_str_eq(g->title.en, "Members");
    /* moved_out_on (issue 11), arrival_year (issue 17 H3) */
    ck_assert_uint_eq(g->nfields, 11);
    ck_assert_uint_eq(g->ncolumns, 5);
    ck_assert_str_eq(g->columns[1].field, "id_number_masked");
    ck_assert_str_eq(g->columns[1].label.zh, "身份证号");
    ck_assert_str_eq(g->columns[3].field, "disability_type");
    fd = griddef_field(g, "id_number");
    ck_assert_str_eq(fd->birth_field, "birth_date");
    ck_assert_str_eq(fd->sex_field, "sex");
    ck_assert_ptr_null(griddef_field(g, "stage"));
    fd = griddef_field(g, "disability_type");
    ck_assert_uint_eq(fd->nchoices, 7);
    ck_assert_str_eq(fielddef_choice_label(fd, "multiple", true), "多重");
    fd = griddef_field(g, "disability_grade");
    ck_assert_int_eq(fd->min, 1);
    ck_assert_int_eq(fd->max, 4);
    fd = griddef_field(g, "left_behind");
    ck_assert_int_eq(fd->type, FT_BOOL);
    ck_assert_str_eq(fd->label.zh, "留守儿童");
    ck_assert_str_eq(griddef_field(g, "migrant")->label.zh, "随迁子女");
    ck_assert_int_eq(griddef_field(g, "arrival_year")->min, 1990);
    ck_assert_ptr_null(griddef_field(g, "nutrition_meal"));
    ck_assert_ptr_null(griddef_field(g, "school_id"));
    ck_assert_ptr_null(griddef_field(g, "household_id"));
    formdef_free(f);
}
END_TEST

START_TEST(test_training)
{
    struct formdef *f = load_form("forms/training.conf");
    const struct fielddef *fd = formdef_field(f, "trainee_type");

    ck_assert_uint_eq(fd->nchoices, 3);
    ck_assert_str_eq(fielddef_choice_label(fd, "two_after", true), "两后生");
    ck_assert_str_eq(fielddef_choice_label(fd, "rich_leader", true),
                     "致富能人");
    ck_assert_str_eq(fielddef_choice_label(fd, "poor_labor", true),
                     "贫困劳动力");
    ck_assert_str_eq(formdef_field(f, "course_id")->lookup, "course");
    ck_assert_str_eq(formdef_field(f, "provider_school_id")->lookup, "school");
    /* issue 12: the provider picker offers only schools that train */
    fd = formdef_field(f, "provider_school_id");
    ck_assert_str_eq(fd->only_column, "kind");
    ck_assert_uint_eq(fd->nonly, 2);
    ck_assert_str_eq(fd->only_values[0], "vocational");
    ck_assert_str_eq(fd->only_values[1], "college");
    ck_assert_ptr_null(formdef_field(f, "course_id")->only_column);
    ck_assert_uint_eq(formdef_field(f, "course_id")->nonly, 0);
    ck_assert_str_eq(formdef_field(f, "household_id")->lookup, "household");
    fd = formdef_field(f, "trainee_id_number");
    ck_assert_str_eq(fd->birth_field, "trainee_birth_date");
    ck_assert_str_eq(fd->sex_field, "trainee_sex");
    ck_assert_uint_eq(formdef_field(f, "employment_outcome")->nchoices, 6);
    ck_assert_uint_eq(f->ngrids, 0);
    ck_assert_ptr_nonnull(
        find_column(f->columns, f->ncolumns, "trainee_id_number_masked"));
    formdef_free(f);
}
END_TEST

START_TEST(test_special_ed)
{
    struct formdef *f = load_form("forms/special_ed.conf");
    const struct fielddef *fd = formdef_field(f, "placement");

    ck_assert_uint_eq(fd->nchoices, 4);
    ck_assert_str_eq(fielddef_choice_label(fd, "regular_class", true),
                     "随班就读");
    ck_assert_str_eq(fielddef_choice_label(fd, "home_delivery", true),
                     "送教上门");
    ck_assert_str_eq(fielddef_choice_label(fd, "special_class", true),
                     "特教班");
    ck_assert_str_eq(fielddef_choice_label(fd, "special_school", true),
                     "特殊教育学校");
    ck_assert_str_eq(formdef_field(f, "home_teacher_id")->lookup, "teacher");
    ck_assert_str_eq(formdef_field(f, "school_id")->lookup, "school");
    fd = formdef_field(f, "visits_per_month");
    ck_assert_int_eq(fd->min, 1);
    ck_assert_int_eq(fd->max, 8);
    ck_assert_str_eq(formdef_field(f, "child_id_number")->birth_field,
                     "child_birth_date");
    /* the home teacher as submitted: filled by the server */
    ck_assert(formdef_field(f, "home_teacher_name")->read_only);
    ck_assert(formdef_field(f, "home_teacher_id_number")->read_only);
    ck_assert(!formdef_field(f, "home_teacher_id")->read_only);
    ck_assert(formdef_has_read_only(f));
    formdef_free(f);
}
END_TEST

START_TEST(test_teacher_fund)
{
    struct formdef *f = load_form("forms/teacher_fund.conf");
    const struct fielddef *fd = formdef_field(f, "program_id");
    const struct columndef *c;

    ck_assert_int_eq(fd->type, FT_LOOKUP);
    ck_assert_str_eq(fd->lookup, "fund_program");
    ck_assert_str_eq(formdef_field(f, "teacher_id")->lookup, "teacher");
    ck_assert_int_eq(formdef_field(f, "amount_requested")->type, FT_MONEY);
    ck_assert(formdef_field(f, "amount_requested")->required);
    ck_assert(!formdef_field(f, "amount_approved")->required);
    fd = formdef_field(f, "months");
    ck_assert_int_eq(fd->min, 1);
    ck_assert_int_eq(fd->max, 12);
    ck_assert_uint_eq(formdef_field(f, "reason_category")->nchoices, 5);
    c = find_column(f->columns, f->ncolumns, "bank_account_masked");
    ck_assert_ptr_nonnull(c);
    ck_assert_str_eq(c->label.en, "Bank account");
    ck_assert_ptr_null(find_column(f->columns, f->ncolumns, "bank_account"));
    /* an account copied from a card in groups of four: blanks left out */
    ck_assert(formdef_field(f, "bank_account")->no_spaces);
    ck_assert(!formdef_field(f, "bank_name")->no_spaces);
    /* the teacher as submitted: filled by the server, never required */
    ck_assert(formdef_field(f, "teacher_rural_years")->read_only);
    ck_assert(formdef_field(f, "teacher_title")->read_only);
    ck_assert(formdef_field(f, "teacher_school_id")->read_only);
    ck_assert(!formdef_field(f, "teacher_id")->read_only);
    formdef_free(f);
}
END_TEST

START_TEST(test_real_lookups)
{
    struct lookupset *l = load_lookups("forms/lookups.conf");
    const struct lookupdef *d;

    ck_assert_uint_eq(l->count, 9);
    /* issue 15 H1: a pair by its title; H7: those at home in the chosen
     * township (or mine), the only ones whose agreement I may write */
    d = lookupset_find(l, "pair");
    ck_assert_str_eq(d->table, "pair");
    ck_assert_str_eq(d->label, "title");
    ck_assert_str_eq(d->scope, "township");
    d = lookupset_find(l, "student");
    ck_assert_str_eq(d->table, "student");
    ck_assert_str_eq(d->detail, "id_number_masked");
    ck_assert_str_eq(d->scope, "township");
    d = lookupset_find(l, "township");
    ck_assert_str_eq(d->table, "township");
    ck_assert_str_eq(d->key, "id");
    ck_assert_str_eq(d->label, "name");
    ck_assert_str_eq(d->scope, "mine");
    ck_assert_ptr_null(d->detail);
    ck_assert_str_eq(lookupset_find(l, "village")->scope, "township");
    d = lookupset_find(l, "school");
    ck_assert_str_eq(d->detail, "kind");
    ck_assert_str_eq(d->scope, "all");
    /* issue 12: school kinds in words, every kind of school_kind_check */
    ck_assert_uint_eq(d->nwords, 8);
    ck_assert_str_eq(lookupdef_detail_text(d, "junior", true), "初中");
    ck_assert_str_eq(lookupdef_detail_text(d, "junior", false),
                     "Junior school");
    ck_assert_str_eq(lookupdef_detail_text(d, "kindergarten", true), "幼儿园");
    ck_assert_str_eq(lookupdef_detail_text(d, "vocational", true), "中职");
    ck_assert_str_eq(lookupdef_detail_text(d, "unknown", true), "unknown");
    ck_assert_ptr_null(lookupdef_detail_text(d, NULL, true));
    ck_assert_uint_eq(lookupset_find(l, "township")->nwords, 0);
    ck_assert_str_eq(
        lookupdef_detail_text(lookupset_find(l, "township"), "x", true), "x");
    ck_assert_str_eq(lookupset_find(l, "course")->table, "training_course");
    ck_assert_str_eq(lookupset_find(l, "fund_program")->scope, "all");
    d = lookupset_find(l, "teacher");
    ck_assert_str_eq(d->detail, "id_number_masked");
    ck_assert_str_eq(d->scope, "township");
    d = lookupset_find(l, "household");
    ck_assert_str_eq(d->label, "head_name");
    ck_assert_str_eq(d->detail, "household_no");
    ck_assert_str_eq(d->scope, "township");
    ck_assert_ptr_null(lookupset_find(l, "villages"));
    ck_assert_int_gt(d->line, 0);
    lookupset_free(l);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* The forms against sql/004_records.sql and 026_school_years.sql */

#define MAX_COLS 64

struct sqlcol {
    char name[64];
    char type[16];  /* text, int, bigint, date, boolean, numeric, uuid */
    bool generated; /* ..._masked: GENERATED ALWAYS AS (...) STORED */
};

struct sqltable {
    struct sqlcol cols[MAX_COLS];
    size_t n;
};

/* The columns a later migration adds: "ALTER TABLE eduaid.<table>" and on
 * the next lines "    ADD COLUMN <name> <type>" (026_school_years.sql). */
static void
sql_added_columns(const char *sql, const char *table, struct sqltable *t)
{
    char head[128];
    const char *p = sql;

    snprintf(head, sizeof(head), "ALTER TABLE eduaid.%s\n", table);
    while ((p = strstr(p, head)) != NULL) {
        p += strlen(head);
        while (strncmp(p, "    ADD COLUMN ", 15) == 0) {
            struct sqlcol *c = &t->cols[t->n];

            ck_assert_uint_lt(t->n, MAX_COLS);
            ck_assert_int_eq(
                sscanf(p + 15, "%63[a-z_] %15[a-z]", c->name, c->type), 2);
            c->generated = false;
            t->n++;
            p = strchr(p, '\n');
            if (p == NULL)
                return;
            p++;
        }
    }
}

/* The columns declared in CREATE TABLE eduaid.<table> (those of LIKE
 * templates not included), and those later migrations add. */
static void
sql_columns(const char *sql, const char *table, struct sqltable *t)
{
    char head[128];
    const char *p, *end;

    snprintf(head, sizeof(head), "CREATE TABLE eduaid.%s (\n", table);
    p = strstr(sql, head);
    ck_assert_msg(p != NULL, "no CREATE TABLE eduaid.%s", table);
    end = strstr(p, "\n);");
    ck_assert_ptr_nonnull(end);
    memset(t, 0, sizeof(*t));
    for (p = strchr(p, '\n') + 1; p < end; p = strchr(p, '\n') + 1) {
        const char *eol = strchr(p, '\n');
        struct sqlcol *c = &t->cols[t->n];
        char line[512];

        snprintf(line, sizeof(line), "%.*s", (int)(eol - p), p);
        /* A column: four spaces, a lower-case name, its type. */
        if (strncmp(line, "    ", 4) != 0 || line[4] < 'a' || line[4] > 'z')
            continue;
        ck_assert_uint_lt(t->n, MAX_COLS);
        ck_assert_int_eq(sscanf(line, "%63s %15[a-z]", c->name, c->type), 2);
        c->generated = strstr(line, "GENERATED") != NULL;
        t->n++;
    }
    sql_added_columns(sql, table, t);
}

static const struct sqlcol *
sql_column(const struct sqltable *t, const char *name)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->cols[i].name, name) == 0)
            return &t->cols[i];
    return NULL;
}

/*
 * The text of constraint <table>_<col>_check, from its CHECK to the next
 * constraint (or the end of the table), malloc'd; NULL when there is none.
 */
static char *
sql_check(const char *sql, const char *table, const char *col)
{
    char name[160];
    const char *p, *end, *next, *close;
    char *text;

    snprintf(name, sizeof(name), "CONSTRAINT %s_%s_check CHECK", table, col);
    p = strstr(sql, name);
    if (p == NULL)
        return NULL;
    p += strlen(name);
    next = strstr(p, "CONSTRAINT");
    close = strstr(p, "\n);");
    end = next != NULL && (close == NULL || next < close) ? next : close;
    ck_assert_ptr_nonnull(end);
    text = malloc((size_t)(end - p) + 1);
    ck_assert_ptr_nonnull(text);
    memcpy(text, p, (size_t)(end - p));
    text[end - p] = '\0';
    /* Comments out: "-- 已脱贫 (still entitled ...)" has parentheses. */
    for (char *c = strstr(text, "--"); c != NULL; c = strstr(c, "--"))
        while (*c != '\0' && *c != '\n')
            *c++ = ' ';
    return text;
}

/* Whether <table>_<col>_fk is a foreign key into a choice list
 * (eduaid.choice_*, 024_messages.sql), as the tables made after 024 write
 * their choices; tests/db/24_messages.sql holds the form's choices to the
 * list's values on a live server. */
static bool
choice_list_key(const char *sql, const char *table, const char *col)
{
    char name[160];
    const char *p, *eos;

    snprintf(name, sizeof(name), "CONSTRAINT %s_%s_fk FOREIGN KEY", table, col);
    p = strstr(sql, name);
    if (p == NULL)
        return false;
    eos = strstr(p, "REFERENCES eduaid.choice_");
    return eos != NULL && eos - p < 200;
}

/* The values of the "IN (...)" list of a CHECK text, or -1 without one. */
static int
check_in_list(const char *check, char vals[][32], int max)
{
    const char *p = strstr(check, " IN");
    int n = 0;

    if (p == NULL)
        return -1;
    p += 3;
    while (*p == ' ' || *p == '\n')
        p++;
    if (*p != '(')
        return -1;
    for (p++; *p != ')' && *p != '\0'; p++) {
        const char *q;

        if (*p != '\'')
            continue;
        q = strchr(p + 1, '\'');
        ck_assert_ptr_nonnull(q);
        ck_assert_int_lt(n, max);
        snprintf(vals[n++], 32, "%.*s", (int)(q - p - 1), p + 1);
        p = q;
    }
    return n;
}

/* The column types a field type may be stored in. */
static bool
type_fits(enum field_type ft, const char *sqltype)
{
    switch (ft) {
    case FT_TEXT:
    case FT_ID_NUMBER:
    case FT_CHOICE:
    case FT_PHONE:
        return strcmp(sqltype, "text") == 0;
    case FT_DATE:
        return strcmp(sqltype, "date") == 0;
    case FT_INT:
        return strcmp(sqltype, "int") == 0;
    case FT_MONEY:
        return strcmp(sqltype, "numeric") == 0;
    case FT_BOOL:
        return strcmp(sqltype, "boolean") == 0;
    case FT_LOOKUP:
        return strcmp(sqltype, "int") == 0 || strcmp(sqltype, "bigint") == 0;
    }
    return false;
}

/* The text of the file at path, then of the source file rel2 (malloc'd). */
static char *
read_texts(const char *path, const char *rel2)
{
    char path2[4096];
    char *a = read_text(path);
    char *b = read_text(src_path(path2, sizeof(path2), rel2));
    char *both = malloc(strlen(a) + strlen(b) + 1);

    ck_assert_ptr_nonnull(both);
    strcpy(both, a);
    strcat(both, b);
    free(a);
    free(b);
    return both;
}

/*
 * The migration that adds the server-filled copies (read-only fields) to
 * record tables, read by test_forms_match_schema: "ADD COLUMN name type".
 */
static char *facts_sql;

/* A read-only field: a column that migration adds, of a fitting type. */
static void
assert_read_only_column(const char *table, const struct fielddef *fd)
{
    char want[96], type[32] = "";
    const char *p;

    ck_assert_ptr_nonnull(facts_sql);
    snprintf(want, sizeof(want), "ADD COLUMN %s ", fd->name);
    p = strstr(facts_sql, want);
    ck_assert_msg(p != NULL, "%s: read-only field %s is no column", table,
                  fd->name);
    ck_assert_int_eq(sscanf(p + strlen(want), "%31[a-z]", type), 1);
    ck_assert_msg(type_fits(fd->type, type), "%s: field %s is stored as %s",
                  table, fd->name, type);
    ck_assert_msg(!fd->required, "%s: read-only field %s is required", table,
                  fd->name);
}

/* issue 17 H3: the migrations that ALTER a record table to add a typed-in
 * column (not read by sql_table): "ADD COLUMN name int" with its range
 * "CHECK (name BETWEEN min AND max)" as the form's. */
static bool
added_column(const struct fielddef *fd)
{
    char path[1024], want[96];
    char *sql =
        read_text(src_path(path, sizeof(path), "sql/060_migrant_canteen.sql"));
    bool found;
    long lo = 0, hi = 0;
    const char *p;

    snprintf(want, sizeof(want), "ADD COLUMN %s int", fd->name);
    found = strstr(sql, want) != NULL;
    snprintf(want, sizeof(want), "CHECK (%s BETWEEN ", fd->name);
    if (found && (p = strstr(sql, want)) != NULL) {
        ck_assert_int_eq(sscanf(p + strlen(want), "%ld AND %ld", &lo, &hi), 2);
        ck_assert_msg(fd->min == lo && fd->max == hi,
                      "%s: %ld..%ld in the form, %ld..%ld in 060", fd->name,
                      fd->min, fd->max, lo, hi);
    }
    free(sql);
    return found;
}

/* One field against its column and constraint. */
static void
assert_field_matches(const char *sql, const char *table,
                     const struct sqltable *t, const struct fielddef *fd)
{
    const struct sqlcol *c = sql_column(t, fd->name);
    char *check, vals[16][32];
    const char *p;
    int n;

    if (c == NULL && fd->read_only) {
        assert_read_only_column(table, fd);
        return;
    }
    /* issue 17 H3: a column a later migration adds to a record table */
    if (c == NULL && added_column(fd))
        return;
    ck_assert_msg(!fd->read_only, "%s: field %s is read-only but typed in",
                  table, fd->name);
    if (c == NULL) {
        /* From the LIKE template: the record's township. */
        ck_assert_msg(strcmp(fd->name, "township_id") == 0,
                      "%s: field %s is no column", table, fd->name);
        return;
    }
    ck_assert_msg(!c->generated, "%s: field %s is generated", table, fd->name);
    ck_assert_msg(type_fits(fd->type, c->type), "%s: field %s is stored as %s",
                  table, fd->name, c->type);
    check = sql_check(sql, table, fd->name);
    if (check == NULL) {
        ck_assert_msg(
            fd->type != FT_CHOICE || choice_list_key(sql, table, fd->name),
            "%s.%s: no CHECK or choice list for choices", table, fd->name);
        return;
    }
    n = check_in_list(check, vals, 16);
    if (fd->type == FT_CHOICE) {
        ck_assert_msg(n > 0, "%s.%s: no IN list", table, fd->name);
        ck_assert_msg((size_t)n == fd->nchoices,
                      "%s.%s: %d values, %zu choices", table, fd->name, n,
                      fd->nchoices);
        for (int i = 0; i < n; i++)
            ck_assert_msg(fielddef_choice_label(fd, vals[i], true) != vals[i],
                          "%s.%s: no choice %s", table, fd->name, vals[i]);
    } else {
        ck_assert_msg(n < 0, "%s.%s: an IN list but not a choice", table,
                      fd->name);
    }
    if (fd->type == FT_INT && (p = strstr(check, " BETWEEN ")) != NULL) {
        long lo, hi;

        ck_assert_int_eq(sscanf(p, " BETWEEN %ld AND %ld", &lo, &hi), 2);
        ck_assert_msg(fd->min == lo && fd->max == hi,
                      "%s.%s: %ld..%ld in the form, %ld..%ld in the table",
                      table, fd->name, fd->min, fd->max, lo, hi);
    }
    if ((p = strstr(check, "char_length(")) != NULL) {
        char want[96];

        snprintf(want, sizeof(want), "char_length(%s) <= ", fd->name);
        ck_assert_msg(strncmp(p, want, strlen(want)) == 0, "%s.%s: %.40s",
                      table, fd->name, p);
        ck_assert_msg(fd->max_chars == atoi(p + strlen(want)),
                      "%s.%s: max_chars %d, table %d", table, fd->name,
                      fd->max_chars, atoi(p + strlen(want)));
    }
    free(check);
}

/* A member of a school year's record takes its household and year from
 * the record (eduaid.year_guard, 026_school_years.sql): no field. */
static bool
filled_from_parent(const char *parent_key, const char *col)
{
    return parent_key != NULL && strcmp(parent_key, "household_year_id") == 0 &&
           (strcmp(col, "household_id") == 0 ||
            strcmp(col, "school_year") == 0);
}

/* The register's old columns of a school year's facts: kept (with
 * defaults, 030_register_without_years.sql) until a migration drops them,
 * read by nothing, in no form -- household_year.conf has them per year. */
static bool
legacy_column(const char *table, const char *col)
{
    static const char *const student[] = {
        "stage",    "school_id",        "grade",
        "boarding", "schooling_status", "nutrition_meal"};

    if (strcmp(table, "household") == 0)
        return strcmp(col, "poverty_status") == 0;
    if (strcmp(table, "student") != 0)
        return false;
    for (size_t i = 0; i < sizeof(student) / sizeof(student[0]); i++)
        if (strcmp(col, student[i]) == 0)
            return true;
    return false;
}

/* Fields and columns of one table agree both ways. */
static void
assert_table_matches(const char *sql, const char *table,
                     const struct fielddef *fields, size_t nfields,
                     const struct columndef *cols, size_t ncols,
                     const char *parent_key)
{
    struct sqltable t;

    sql_columns(sql, table, &t);
    for (size_t i = 0; i < nfields; i++)
        assert_field_matches(sql, table, &t, &fields[i]);
    for (size_t i = 0; i < t.n; i++) {
        const char *name = t.cols[i].name;
        bool is_field = false;

        if (t.cols[i].generated ||
            (parent_key != NULL && strcmp(name, parent_key) == 0) ||
            filled_from_parent(parent_key, name) || legacy_column(table, name))
            continue;
        for (size_t j = 0; j < nfields; j++)
            is_field = is_field || strcmp(fields[j].name, name) == 0;
        ck_assert_msg(is_field, "%s.%s has no field", table, name);
    }
    /* List columns: fields, or generated (masked) columns of the table. */
    for (size_t i = 0; i < ncols; i++) {
        const struct sqlcol *c = sql_column(&t, cols[i].field);
        bool is_field = false;

        for (size_t j = 0; j < nfields; j++)
            is_field = is_field || strcmp(fields[j].name, cols[i].field) == 0;
        if (is_field)
            continue;
        ck_assert_msg(c != NULL && c->generated &&
                          ends_with(cols[i].field, "_masked"),
                      "%s: list column %s", table, cols[i].field);
    }
    if (parent_key != NULL)
        ck_assert_ptr_nonnull(sql_column(&t, parent_key));
}

START_TEST(test_forms_match_schema)
{
    char rel[64], path[1024];
    char *records =
        read_text(src_path(path, sizeof(path), "sql/004_records.sql"));
    char *years =
        read_text(src_path(path, sizeof(path), "sql/026_school_years.sql"));
    /* the pair agreement (issue 15 H1) */
    char *pairing =
        read_text(src_path(path, sizeof(path), "sql/046_pairing.sql"));
    /* the targeted admission (issue 17 H4) */
    char *admission =
        read_text(src_path(path, sizeof(path), "sql/061_admission.sql"));
    char *sql = malloc(strlen(records) + strlen(years) + strlen(pairing) +
                       strlen(admission) + 1);
    char *facts;
    struct formdef *f;

    ck_assert_ptr_nonnull(sql);
    strcpy(sql, records);
    strcat(sql, years);
    strcat(sql, pairing);
    strcat(sql, admission);
    free(records);
    free(years);
    free(pairing);
    free(admission);
    facts_sql =
        read_texts(src_path(path, sizeof(path), "sql/021_record_facts.sql"),
                   /* a member's day of moving out (issue 11) */
                   "sql/033_member_transfers.sql");
    /* issue 17 H4: the application's household and its status (061) */
    facts = facts_sql;
    facts_sql = malloc(strlen(facts) + strlen(sql) + 1);
    ck_assert_ptr_nonnull(facts_sql);
    strcpy(facts_sql, facts);
    strcat(facts_sql, sql);
    free(facts);
    snprintf(rel, sizeof(rel), "forms/%s.conf", kinds[_i]);
    f = load_form(rel);
    assert_table_matches(sql, f->table, f->fields, f->nfields, f->columns,
                         f->ncolumns, NULL);
    for (size_t g = 0; g < f->ngrids; g++)
        assert_table_matches(sql, f->grids[g].table, f->grids[g].fields,
                             f->grids[g].nfields, f->grids[g].columns,
                             f->grids[g].ncolumns, f->grids[g].parent_key);
    formdef_free(f);
    free(sql);
    free(facts_sql);
    facts_sql = NULL;
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Fixtures */

START_TEST(test_good_minimal)
{
    struct formdef *f = load_form("tests/data/forms/good_minimal.conf");
    struct lookupset *l = load_lookups("forms/lookups.conf");
    struct formdef_error err;
    const struct fielddef *fd;
    const struct griddef *g;

    ck_assert(f->menu); /* a row of the main menu unless it says not */
    ck_assert_uint_eq(f->nsections, 2);
    ck_assert_uint_eq(f->sections[1].first, 2);
    ck_assert_uint_eq(f->sections[1].count, 3);
    ck_assert_str_eq(f->sections[1].title.en, "Other");
    ck_assert_uint_eq(f->nsummary, 0);
    ck_assert_ptr_null(f->summary);
    ck_assert_uint_eq(f->nsearch, 0);
    fd = formdef_field(f, "name");
    ck_assert(fd->required);
    ck_assert_int_eq(fd->width, 12);
    ck_assert_int_eq(fd->max_chars, 50);
    ck_assert_int_gt(fd->line, 0);
    fd = formdef_field(f, "code");
    ck_assert(!fd->required);
    ck_assert_int_eq(fd->width, 20); /* the default */
    ck_assert_int_eq(fd->max_chars, 0);
    fd = formdef_field(f, "count");
    ck_assert_int_eq(fd->min, -2147483648L);
    ck_assert_int_eq(fd->max, 2147483647L);
    fd = formdef_field(f, "kind"); /* one choice, written as an array */
    ck_assert_uint_eq(fd->nchoices, 1);
    ck_assert_str_eq(fd->choices[0].value, "a");
    ck_assert_str_eq(fd->choices[0].label.en, "Alpha");

    /* Columns: width from the field, or given, or 20; labels copied. */
    ck_assert_uint_eq(f->ncolumns, 3);
    ck_assert_int_eq(f->columns[0].width, 12);
    ck_assert_str_eq(f->columns[0].label.zh, "姓名");
    ck_assert_str_eq(f->columns[0].label.en, "Name");
    ck_assert_int_eq(f->columns[1].width, 8);
    ck_assert_int_eq(f->columns[2].width, 20);
    ck_assert_str_eq(f->columns[2].label.zh, "姓名*");
    ck_assert_int_gt(f->columns[2].line, f->columns[1].line);

    g = &f->grids[0];
    ck_assert_int_gt(g->line, 0);
    ck_assert_int_eq(g->columns[0].width, 20);
    ck_assert_str_eq(g->columns[0].label.en, "ID number");
    ck_assert_int_eq(g->columns[1].width, 4);
    ck_assert_ptr_null(griddef_field(g, "name"));
    ck_assert_ptr_null(formdef_field(f, "sex"));
    ck_assert_int_eq(formdef_check_lookups(f, l, &err), 0);
    formdef_free(f);
    lookupset_free(l);
}
END_TEST

static const struct {
    const char *file;
    const char *mentions[2]; /* what the message must name */
} bad_forms[] = {
    {"bad_syntax.conf", {"syntax error", NULL}},
    {"bad_missing.conf", {"'type'", "'age'"}},
    {"bad_wrong_type.conf", {"'width'", "integer"}},
    {"bad_field_type.conf", {"'txt'", "'age'"}},
    {"bad_name.conf", {"'Head-Name'", NULL}},
    {"bad_duplicate.conf", {"duplicate", "'name'"}},
    {"bad_no_choices.conf", {"'sex'", "no choices"}},
    {"bad_choice_shape.conf", {"'sex'", "choice 2"}},
    {"bad_no_lookup.conf", {"'village_id'", "no lookup"}},
    {"bad_list.conf", {"'head_id_number_masked'", "label"}},
    {"bad_summary.conf", {"summary", "'head_name'"}},
    {"bad_search.conf", {"search", "'phone'"}},
    {"bad_birth_field.conf", {"birth_field", "'birth_date'"}},
    {"bad_sex_field.conf", {"sex_field 'sex'", "grid 'member'"}},
    {"bad_min_max.conf", {"'grade'", "min 12 is greater than max 1"}},
    {"bad_width.conf", {"'address'", "width 81"}},
    {"bad_column_width.conf", {"'name'", "width 0"}},
    {"bad_unknown_setting.conf", {"'requried'", "'phone'"}},
    {"bad_not_applicable.conf", {"'choices'", "phone"}},
    {"bad_read_only.conf", {"'code'", "read-only"}},
    {"bad_label.conf", {"'en'", "'phone'"}},
    {"bad_lookups_scope.conf", {"'county'", "'village'"}},
    {"bad_lookups_duplicate.conf", {"duplicate", "'school'"}},
    {"bad_lookups_missing.conf", {"'label'", "'course'"}},
    {"bad_lookup_only.conf", {"'school_id'", "no values"}},
    {"bad_lookup_only_type.conf", {"'lookup_only'", "text field"}},
    {"bad_no_spaces_type.conf", {"'no_spaces'", "int field"}},
    {"bad_lookups_words.conf", {"duplicate", "'junior'"}},
    {"bad_menu.conf", {"'menu'", "true or false"}}, /* issue 15 H1 */
};
#define NBAD_FORMS (sizeof(bad_forms) / sizeof(bad_forms[0]))

START_TEST(test_bad_form)
{
    char rel[128], path[1024];
    struct formdef_error err;
    struct formdef *f = (struct formdef *)&err; /* must be reset to NULL */
    struct lookupset *l = (struct lookupset *)&err;
    int line, rc;

    snprintf(rel, sizeof(rel), "tests/data/forms/%s", bad_forms[_i].file);
    src_path(path, sizeof(path), rel);
    line = marker_line(path);
    ck_assert_int_gt(line, 0);
    memset(&err, 0, sizeof(err));
    if (strncmp(bad_forms[_i].file, "bad_lookups", 11) == 0) {
        rc = lookupset_load(path, &l, &err);
        ck_assert_ptr_null(l);
    } else {
        rc = formdef_load(path, &f, &err);
        ck_assert_ptr_null(f);
    }
    ck_assert_int_eq(rc, -1);
    ck_assert_str_eq(err.file, path);
    ck_assert_msg(err.line == line, "%s: line %d, expected %d (%s)",
                  bad_forms[_i].file, err.line, line, err.message);
    for (int i = 0; i < 2; i++)
        if (bad_forms[_i].mentions[i] != NULL)
            ck_assert_msg(strstr(err.message, bad_forms[_i].mentions[i]) !=
                              NULL,
                          "%s: \"%s\" does not mention %s", bad_forms[_i].file,
                          err.message, bad_forms[_i].mentions[i]);
}
END_TEST

START_TEST(test_no_form)
{
    char path[1024];
    struct formdef_error err;
    struct formdef *f;
    struct lookupset *l;

    src_path(path, sizeof(path), "tests/data/forms/no_form.conf");
    ck_assert_int_eq(formdef_load(path, &f, &err), -1);
    ck_assert_ptr_null(f);
    ck_assert_str_eq(err.file, path);
    ck_assert_ptr_nonnull(strstr(err.message, "'form'"));
    /* A form is no lookup file and the other way round. */
    ck_assert_int_eq(lookupset_load(path, &l, &err), -1);
    ck_assert_ptr_null(l);
    src_path(path, sizeof(path), "forms/lookups.conf");
    ck_assert_int_eq(formdef_load(path, &f, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.message, "'lookups'"));
}
END_TEST

START_TEST(test_missing_file)
{
    struct formdef_error err;
    struct formdef *f;
    struct lookupset *l;

    ck_assert_int_eq(formdef_load("/nonexistent/x.conf", &f, &err), -1);
    ck_assert_ptr_null(f);
    ck_assert_str_eq(err.file, "/nonexistent/x.conf");
    ck_assert_int_eq(err.line, 0);
    ck_assert_ptr_nonnull(strstr(err.message, "No such file"));
    ck_assert_int_eq(lookupset_load("/nonexistent/l.conf", &l, &err), -1);
    ck_assert_ptr_null(l);
    ck_assert_str_eq(err.file, "/nonexistent/l.conf");
}
END_TEST

START_TEST(test_unknown_lookup)
{
    char path[1024];
    struct formdef *f = load_form("tests/data/forms/unknown_lookup.conf");
    struct lookupset *l = load_lookups("forms/lookups.conf");
    struct formdef_error err;

    src_path(path, sizeof(path), "tests/data/forms/unknown_lookup.conf");
    ck_assert_int_eq(formdef_check_lookups(f, l, &err), -1);
    ck_assert_str_eq(err.file, path);
    ck_assert_int_eq(err.line, marker_line(path));
    ck_assert_ptr_nonnull(strstr(err.message, "'school_id'"));
    ck_assert_ptr_nonnull(strstr(err.message, "'schools'"));
    formdef_free(f);
    lookupset_free(l);
}
END_TEST

/* The record of a school year: the household's status that year, each
 * child's facts of the year and the year's aid. */
START_TEST(test_household_year_form)
{
    struct formdef *f = load_form("forms/household_year.conf");
    const struct fielddef *fd = formdef_field(f, "poverty_status");
    const struct griddef *g;

    ck_assert_ptr_nonnull(fd);
    ck_assert_int_eq(fd->type, FT_CHOICE);
    ck_assert(fd->required);
    ck_assert_uint_eq(fd->nchoices, 3);
    ck_assert_str_eq(fielddef_choice_label(fd, "monitored", true), "监测户");
    ck_assert_str_eq(fielddef_choice_label(fd, "poor", true), "未脱贫");
    ck_assert_str_eq(fielddef_choice_label(fd, "lifted", true), "已脱贫");
    ck_assert_uint_eq(f->ngrids, 2);
    g = &f->grids[0];
    ck_assert_str_eq(g->table, "student_year");
    ck_assert_str_eq(g->parent_key, "household_year_id");
    fd = griddef_field(g, "stage");
    ck_assert_uint_eq(fd->nchoices, 7);
    ck_assert_str_eq(fielddef_choice_label(fd, "secondary_vocational", true),
                     "中职");
    ck_assert_str_eq(fielddef_choice_label(fd, "none", true), "未入学或已离校");
    fd = griddef_field(g, "schooling_status");
    ck_assert_str_eq(fielddef_choice_label(fd, "dropped_out", true), "辍学");
    ck_assert_str_eq(fielddef_choice_label(fd, "suspended", false),
                     "Suspended");
    g = &f->grids[1];
    ck_assert_str_eq(g->table, "student_subsidy");
    ck_assert_str_eq(g->parent_key, "household_year_id");
    fd = griddef_field(g, "program");
    ck_assert_uint_eq(fd->nchoices, 10);
    ck_assert_int_eq(griddef_field(g, "amount")->type, FT_MONEY);
    formdef_free(f);
}
END_TEST

START_TEST(test_queries)
{
    struct formdef *f = load_form("forms/household_year.conf");
    const struct fielddef *fd = formdef_field(f, "poverty_status");
    char english[] = "only English";
    struct label half = {NULL, english};

    ck_assert_str_eq(label_text(&fd->label, true), "脱贫状态");
    ck_assert_str_eq(label_text(&fd->label, false), "Poverty status");
    ck_assert_str_eq(label_text(&half, true), "only English");
    ck_assert_str_eq(label_text(NULL, true), "");
    ck_assert_str_eq(fielddef_choice_label(fd, "lifted", false), "Lifted out");
    ck_assert_str_eq(fielddef_choice_label(fd, "unheard", true), "unheard");
    ck_assert_ptr_null(fielddef_choice_label(fd, NULL, true));
    ck_assert_ptr_null(formdef_field(f, "nonesuch"));
    ck_assert_ptr_null(formdef_field(NULL, "notes"));
    ck_assert_ptr_null(griddef_field(NULL, "name"));
    ck_assert_ptr_null(lookupset_find(NULL, "village"));
    formdef_free(f);
    formdef_free(NULL);
    lookupset_free(NULL);
}
END_TEST

/*
 * Out of memory at each allocation in turn: every load fails cleanly
 * (-1, "out of memory", nothing returned, nothing leaked under valgrind)
 * until there are enough allocations for it to succeed.
 */
START_TEST(test_out_of_memory)
{
    char form[1024], lookups[1024], conf[1024];
    struct formdef_error err;
    struct settings_error serr;
    long n;
    int rc = -1;

    src_path(form, sizeof(form), "forms/household.conf");
    src_path(lookups, sizeof(lookups), "forms/lookups.conf");
    src_path(conf, sizeof(conf), "tests/data/conf/good.conf");
    for (n = 0; n < 100000; n++) {
        struct formdef *f = NULL;
        bool failed;

        fail_alloc(n);
        rc = formdef_load(form, &f, &err);
        failed = alloc_disarm();
        if (!failed) {
            ck_assert_int_eq(rc, 0);
            formdef_free(f);
            break;
        }
        ck_assert_int_eq(rc, -1);
        ck_assert_ptr_null(f);
        ck_assert_str_eq(err.message, "out of memory");
        ck_assert_str_eq(err.file, form);
    }
    ck_assert_int_gt(n, 150);

    for (n = 0; n < 100000; n++) {
        struct lookupset *l = NULL;
        bool failed;

        fail_alloc(n);
        rc = lookupset_load(lookups, &l, &err);
        failed = alloc_disarm();
        if (!failed) {
            ck_assert_int_eq(rc, 0);
            lookupset_free(l);
            break;
        }
        ck_assert_int_eq(rc, -1);
        ck_assert_ptr_null(l);
        ck_assert_str_eq(err.message, "out of memory");
    }
    ck_assert_int_gt(n, 30);

    for (n = 0; n < 100000; n++) {
        struct settings *s = NULL;
        bool failed;

        fail_alloc(n);
        rc = settings_load(conf, NULL, "/f", &s, &serr);
        failed = alloc_disarm();
        if (!failed) {
            ck_assert_int_eq(rc, 0);
            settings_free(s);
            break;
        }
        ck_assert_int_eq(rc, -1);
        ck_assert_ptr_null(s);
        ck_assert_str_eq(serr.message, "out of memory");
    }
    ck_assert_int_gt(n, 8);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Settings */

static char tmp_home[256];
static char *saved_home, *saved_conf, *saved_xdg[3];
static const char *const xdg_vars[3] = {"XDG_CONFIG_HOME", "XDG_STATE_HOME",
                                        "XDG_DATA_HOME"};

static char *
dup_env(const char *name)
{
    const char *v = getenv(name);

    return v != NULL ? strdup(v) : NULL;
}

static void
restore_env(const char *name, char *value)
{
    if (value != NULL)
        setenv(name, value, 1);
    else
        unsetenv(name);
    free(value);
}

static void
settings_setup(void)
{
    const char *tmp = getenv("TMPDIR");

    saved_home = dup_env("HOME");
    saved_conf = dup_env("EDUAID_CONF");
    snprintf(tmp_home, sizeof(tmp_home), "%s/check_forms.XXXXXX",
             tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(tmp_home));
    setenv("HOME", tmp_home, 1);
    unsetenv("EDUAID_CONF");
    for (int i = 0; i < 3; i++) {
        saved_xdg[i] = dup_env(xdg_vars[i]);
        unsetenv(xdg_vars[i]);
    }
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void
settings_teardown(void)
{
    nftw(tmp_home, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    restore_env("HOME", saved_home);
    restore_env("EDUAID_CONF", saved_conf);
    for (int i = 0; i < 3; i++)
        restore_env(xdg_vars[i], saved_xdg[i]);
}

/* $HOME/tail in buf. */
static const char *
home_path(char *buf, size_t size, const char *tail)
{
    snprintf(buf, size, "%s%s", tmp_home, tail);
    return buf;
}

START_TEST(test_settings_defaults)
{
    char sys[512], want[512];
    struct settings_error err;
    struct settings *s = NULL;

    home_path(sys, sizeof(sys), "/etc/eduaid/eduaid.conf"); /* absent */
    ck_assert_int_eq(
        settings_load(NULL, sys, "/usr/share/eduaid/forms", &s, &err), 0);
    ck_assert_ptr_null(s->source);
    ck_assert_str_eq(s->conninfo, "");
    ck_assert_int_eq(s->connect_timeout, 10);
    ck_assert_str_eq(s->language, "auto");
    ck_assert_str_eq(s->colour, "auto");
    ck_assert_str_eq(s->forms_dir, "/usr/share/eduaid/forms");
    ck_assert_str_eq(s->journal_dir,
                     home_path(want, sizeof(want), "/.local/state/eduaid"));
    ck_assert_str_eq(
        s->history_file,
        home_path(want, sizeof(want), "/.local/state/eduaid/history"));
    settings_free(s);

    /* No sysconf file at all, no default forms directory. */
    ck_assert_int_eq(settings_load(NULL, NULL, NULL, &s, &err), 0);
    ck_assert_ptr_null(s->source);
    ck_assert_str_eq(s->forms_dir, "forms");
    settings_free(s);
    settings_free(NULL);
}
END_TEST

START_TEST(test_settings_good)
{
    char path[1024], want[512];
    struct settings_error err;
    struct settings *s = NULL;

    src_path(path, sizeof(path), "tests/data/conf/good.conf");
    ck_assert_msg(
        settings_load(path, NULL, "/usr/share/eduaid/forms", &s, &err) == 0,
        "%s:%d: %s", err.file, err.line, err.message);
    ck_assert_str_eq(s->source, path);
    ck_assert_str_eq(s->conninfo, "host=db1,db2 port=5432,5432 dbname=eduaid "
                                  "target_session_attrs=read-write");
    ck_assert_int_eq(s->connect_timeout, 30);
    ck_assert_str_eq(s->language, "zh_CN");
    ck_assert_str_eq(s->colour, "never");
    ck_assert_str_eq(s->forms_dir, "/srv/eduaid/forms");
    ck_assert_str_eq(s->journal_dir, home_path(want, sizeof(want), "/journal"));
    ck_assert_str_eq(s->history_file, tmp_home); /* "~" alone */
    settings_free(s);

    src_path(path, sizeof(path), "tests/data/conf/partial.conf");
    ck_assert_int_eq(settings_load(path, NULL, "/f", &s, &err), 0);
    ck_assert_str_eq(s->colour, "always");
    ck_assert_int_eq(s->connect_timeout, 120);
    ck_assert_str_eq(s->language, "auto");
    ck_assert_str_eq(s->conninfo, "");
    ck_assert_str_eq(s->forms_dir, "/f");
    settings_free(s);
}
END_TEST

/* conf/eduaid.conf, installed as the system file, says the defaults. */
START_TEST(test_settings_example)
{
    char path[1024];
    struct settings_error err;
    struct settings *ex, *def;

    src_path(path, sizeof(path), "conf/eduaid.conf");
    ck_assert_msg(settings_load(path, NULL, "/f", &ex, &err) == 0, "%s:%d: %s",
                  err.file, err.line, err.message);
    ck_assert_int_eq(settings_load(NULL, NULL, "/f", &def, &err), 0);
    ck_assert_str_eq(ex->source, path);
    ck_assert_str_eq(ex->conninfo, def->conninfo);
    ck_assert_int_eq(ex->connect_timeout, def->connect_timeout);
    ck_assert_str_eq(ex->language, def->language);
    ck_assert_str_eq(ex->colour, def->colour);
    ck_assert_str_eq(ex->forms_dir, def->forms_dir);
    ck_assert_str_eq(ex->journal_dir, def->journal_dir);
    ck_assert_str_eq(ex->history_file, def->history_file);
    settings_free(ex);
    settings_free(def);
}
END_TEST

static const struct {
    const char *file;
    const char *mentions;
} bad_settings[] = {
    {"bad_syntax.conf", "syntax error"},
    {"bad_unknown.conf", "unknown setting ui.color"},
    {"bad_unknown_group.conf", "unknown setting databse"},
    {"bad_type.conf", "database.connect_timeout must be an integer"},
    {"bad_range.conf", "database.connect_timeout must be between 1 and 120"},
    {"bad_enum.conf", "ui.language must be \"auto\", \"zh_CN\" or \"en\""},
    {"bad_group.conf", "paths must be a group"},
    {"bad_empty_path.conf", "paths.journal_dir must not be empty"},
};
#define NBAD_SETTINGS (sizeof(bad_settings) / sizeof(bad_settings[0]))

START_TEST(test_settings_bad)
{
    char rel[128], path[1024];
    struct settings_error err;
    struct settings *s = (struct settings *)&err; /* must be reset to NULL */

    snprintf(rel, sizeof(rel), "tests/data/conf/%s", bad_settings[_i].file);
    src_path(path, sizeof(path), rel);
    ck_assert_int_eq(settings_load(path, NULL, "/f", &s, &err), -1);
    ck_assert_ptr_null(s);
    ck_assert_str_eq(err.file, path);
    ck_assert_msg(err.line == marker_line(path), "%s: line %d (%s)",
                  bad_settings[_i].file, err.line, err.message);
    ck_assert_msg(strstr(err.message, bad_settings[_i].mentions) != NULL,
                  "%s: \"%s\"", bad_settings[_i].file, err.message);

    /* The same file through $EDUAID_CONF fails the same way. */
    setenv("EDUAID_CONF", path, 1);
    ck_assert_int_eq(settings_load(NULL, NULL, "/f", &s, &err), -1);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(err.line, marker_line(path));
}
END_TEST

START_TEST(test_settings_missing)
{
    char path[512];
    struct settings_error err;
    struct settings *s;

    /* -c FILE must exist ... */
    home_path(path, sizeof(path), "/nonexistent.conf");
    ck_assert_int_eq(settings_load(path, NULL, "/f", &s, &err), -1);
    ck_assert_ptr_null(s);
    ck_assert_str_eq(err.file, path);
    ck_assert_int_eq(err.line, 0);
    ck_assert_ptr_nonnull(strstr(err.message, "cannot open"));
    ck_assert_ptr_nonnull(strstr(err.message, "No such file"));
    /* ... and be a file. */
    ck_assert_int_eq(settings_load(tmp_home, NULL, "/f", &s, &err), -1);
    ck_assert_str_eq(err.file, tmp_home);
    ck_assert_ptr_nonnull(strstr(err.message, "directory"));
    /* So must $EDUAID_CONF when set. */
    setenv("EDUAID_CONF", path, 1);
    ck_assert_int_eq(settings_load(NULL, NULL, "/f", &s, &err), -1);
    ck_assert_str_eq(err.file, path);
    ck_assert_ptr_nonnull(strstr(err.message, "No such file"));
    /* A file that exists but cannot be read is never skipped. */
    if (geteuid() != 0) {
        char user[512];

        unsetenv("EDUAID_CONF");
        ck_assert_int_eq(mkdir(home_path(user, sizeof(user), "/.config"), 0700),
                         0);
        ck_assert_int_eq(
            mkdir(home_path(user, sizeof(user), "/.config/eduaid"), 0700), 0);
        home_path(user, sizeof(user), "/.config/eduaid/eduaid.conf");
        write_file(user, "ui: { colour = \"never\"; };\n");
        ck_assert_int_eq(chmod(user, 0), 0);
        ck_assert_int_eq(settings_load(NULL, NULL, "/f", &s, &err), -1);
        ck_assert_str_eq(err.file, user);
        ck_assert_ptr_nonnull(strstr(err.message, "cannot open"));
    }
}
END_TEST

/* Load with the given -c path and sysconf path; the timeout tells which
 * file was read. */
static int
loaded_timeout(const char *explicit_path, const char *sys, char *source,
               size_t size)
{
    struct settings_error err;
    struct settings *s;
    int t;

    ck_assert_msg(settings_load(explicit_path, sys, "/f", &s, &err) == 0,
                  "%s:%d: %s", err.file, err.line, err.message);
    snprintf(source, size, "%s", s->source != NULL ? s->source : "(none)");
    t = s->connect_timeout;
    settings_free(s);
    return t;
}

START_TEST(test_settings_precedence)
{
    char explicit_path[512], env[512], user[512], sys[512], src[512];

    home_path(explicit_path, sizeof(explicit_path), "/explicit.conf");
    home_path(env, sizeof(env), "/env.conf");
    home_path(sys, sizeof(sys), "/sys.conf");
    write_file(explicit_path, "database: { connect_timeout = 31; };\n");
    write_file(env, "database: { connect_timeout = 32; };\n");
    write_file(sys, "database: { connect_timeout = 34; };\n");
    ck_assert_int_eq(mkdir(home_path(user, sizeof(user), "/.config"), 0700), 0);
    ck_assert_int_eq(
        mkdir(home_path(user, sizeof(user), "/.config/eduaid"), 0700), 0);
    home_path(user, sizeof(user), "/.config/eduaid/eduaid.conf");

    /* Nothing but the system file. */
    ck_assert_int_eq(loaded_timeout(NULL, sys, src, sizeof(src)), 34);
    ck_assert_str_eq(src, sys);
    /* ~/.config/eduaid/eduaid.conf over the system file. */
    write_file(user, "database: { connect_timeout = 33; };\n");
    ck_assert_int_eq(loaded_timeout(NULL, sys, src, sizeof(src)), 33);
    ck_assert_str_eq(src, user);
    /* An empty $EDUAID_CONF counts as unset. */
    setenv("EDUAID_CONF", "", 1);
    ck_assert_int_eq(loaded_timeout(NULL, sys, src, sizeof(src)), 33);
    /* $EDUAID_CONF over ~/.config. */
    setenv("EDUAID_CONF", env, 1);
    ck_assert_int_eq(loaded_timeout(NULL, sys, src, sizeof(src)), 32);
    ck_assert_str_eq(src, env);
    /* -c over $EDUAID_CONF. */
    ck_assert_int_eq(loaded_timeout(explicit_path, sys, src, sizeof(src)), 31);
    ck_assert_str_eq(src, explicit_path);
    /* The user's file over the system file, key by key: a setting the
     * user's file leaves out keeps the system file's value. */
    write_file(env, "ui: { colour = \"never\"; };\n");
    ck_assert_int_eq(loaded_timeout(NULL, sys, src, sizeof(src)), 34);
    ck_assert_str_eq(src, env);
}
END_TEST

/* The observed defect of issue 14: a user's file that sets only the
 * language lost the system file's conninfo. Key by key now, keys too. */
START_TEST(test_settings_key_by_key)
{
    char sys[512], user[512], xdg[512];
    struct settings_error err;
    struct settings *s;

    home_path(sys, sizeof(sys), "/sys.conf");
    write_file(sys, "database: { conninfo = \"host=db1 dbname=eduaid\";\n"
                    "            connect_timeout = 20; };\n"
                    "ui: { language = \"en\"; idle_timeout = 600; };\n"
                    "keys: { save = [ \"F2\" ]; back = [ \"Esc\" ]; };\n");
    /* $XDG_CONFIG_HOME/eduaid/eduaid.conf, not ~/.config. */
    home_path(xdg, sizeof(xdg), "/xdgconf");
    setenv("XDG_CONFIG_HOME", xdg, 1);
    ck_assert_int_eq(mkdir(xdg, 0700), 0);
    ck_assert_int_eq(
        mkdir(home_path(user, sizeof(user), "/xdgconf/eduaid"), 0700), 0);
    home_path(user, sizeof(user), "/xdgconf/eduaid/eduaid.conf");
    write_file(user, "ui: { language = \"zh_CN\"; };\n"
                     "keys: { save = [ \"^S\" ]; };\n");
    ck_assert_msg(settings_load(NULL, sys, "/f", &s, &err) == 0, "%s:%d: %s",
                  err.file, err.line, err.message);
    ck_assert_str_eq(s->source, user);
    ck_assert_str_eq(s->language, "zh_CN");
    ck_assert_str_eq(s->conninfo, "host=db1 dbname=eduaid");
    ck_assert_int_eq(s->connect_timeout, 20);
    ck_assert_int_eq(s->idle_timeout, 600);
    ck_assert_str_eq(s->colour, "auto");
    /* save: the user's keys replace the system's; back: the system's. */
    ck_assert_uint_eq(s->nbindings, 2);
    ck_assert_str_eq(s->bindings[0].action, "save");
    ck_assert_str_eq(s->bindings[0].keys[0], "^S");
    ck_assert_str_eq(s->bindings[0].file, user);
    ck_assert_str_eq(s->bindings[1].action, "back");
    ck_assert_str_eq(s->bindings[1].file, sys);
    settings_free(s);

    /* A relative XDG_CONFIG_HOME is ignored (the specification): then
     * ~/.config, absent here, so the system file alone. */
    setenv("XDG_CONFIG_HOME", "relative", 1);
    ck_assert_int_eq(settings_load(NULL, sys, "/f", &s, &err), 0);
    ck_assert_str_eq(s->source, sys);
    ck_assert_str_eq(s->language, "en");
    settings_free(s);

    /* -c FILE replaces the user's file, not the system's. */
    ck_assert_int_eq(settings_load(user, sys, "/f", &s, &err), 0);
    ck_assert_str_eq(s->language, "zh_CN");
    ck_assert_str_eq(s->conninfo, "host=db1 dbname=eduaid");
    settings_free(s);

    /* An error in the system file is reported with its name. */
    write_file(sys, "ui: { idle_timeout = 0; };\n");
    ck_assert_int_eq(settings_load(user, sys, "/f", &s, &err), -1);
    ck_assert_str_eq(err.file, sys);
    ck_assert_ptr_nonnull(strstr(err.message, "ui.idle_timeout must be"));
}
END_TEST

/* The error log: under $XDG_STATE_HOME/eduaid, 0600 in a 0700 directory,
 * one line per error with no control characters, moved aside when full. */
START_TEST(test_errlog)
{
    char state[512], path[600], old[620], line[2048];
    struct stat st;
    FILE *fp;
    char *p;

    home_path(state, sizeof(state), "/state");
    setenv("XDG_STATE_HOME", state, 1);
    p = errlog_path();
    snprintf(path, sizeof(path), "%s/eduaid/eduaid.log", state);
    ck_assert_str_eq(p, path);
    free(p);
    errlog_write("demo_clerk", "form", "23505", "household_head_id_number_key",
                 "This ID number is already\nregistered \"elsewhere\".");
    errlog_write(NULL, NULL, NULL, NULL, NULL);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    snprintf(old, sizeof(old), "%s/eduaid", state);
    ck_assert_int_eq(stat(old, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fp);
    ck_assert_ptr_nonnull(fgets(line, sizeof(line), fp));
    ck_assert_msg(strstr(line, " user=demo_clerk where=form sqlstate=23505 "
                               "constraint=household_head_id_number_key "
                               "words=\"This ID number is already registered "
                               "'elsewhere'.\"\n") != NULL,
                  "%s", line);
    ck_assert_ptr_nonnull(fgets(line, sizeof(line), fp));
    ck_assert_ptr_nonnull(
        strstr(line, " user=- where=- sqlstate=- constraint=- words=\"\"\n"));
    ck_assert_ptr_null(fgets(line, sizeof(line), fp));
    fclose(fp);

    /* Full: moved to eduaid.log.1, a new log begun. */
    ck_assert_int_eq(truncate(path, ERRLOG_MAX_BYTES), 0);
    errlog_write("u", "queue", "EA001", "", "x");
    snprintf(old, sizeof(old), "%s.1", path);
    ck_assert_int_eq(stat(old, &st), 0);
    ck_assert_int_eq(st.st_size, ERRLOG_MAX_BYTES);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_lt(st.st_size, 200);
}
END_TEST

/* The state paths follow $XDG_STATE_HOME when it is absolute. */
START_TEST(test_settings_xdg_state)
{
    char want[512];
    struct settings_error err;
    struct settings *s;
    char *e;

    setenv("XDG_STATE_HOME", "/srv/state", 1);
    ck_assert_int_eq(settings_load(NULL, NULL, "/f", &s, &err), 0);
    ck_assert_str_eq(s->journal_dir, "/srv/state/eduaid");
    ck_assert_str_eq(s->history_file, "/srv/state/eduaid/history");
    ck_assert_int_eq(s->idle_timeout, 900);
    settings_free(s);
    setenv("XDG_STATE_HOME", "", 1); /* empty: the default */
    ck_assert_int_eq(settings_load(NULL, NULL, "/f", &s, &err), 0);
    ck_assert_str_eq(s->journal_dir,
                     home_path(want, sizeof(want), "/.local/state/eduaid"));
    settings_free(s);
    setenv("XDG_DATA_HOME", "/srv/data", 1);
    e = settings_expand("$XDG_DATA_HOME/eduaid/exports");
    ck_assert_str_eq(e, "/srv/data/eduaid/exports");
    free(e);
    e = settings_expand("$XDG_STATE_HOMEX/a"); /* not the variable */
    ck_assert_str_eq(e, "$XDG_STATE_HOMEX/a");
    free(e);
}
END_TEST

START_TEST(test_settings_describe)
{
    char *text = NULL;
    size_t size = 0;
    FILE *fp = open_memstream(&text, &size);
    static const char *const want[] = {
        "database.conninfo",
        "database.connect_timeout = 10",
        "1..120",
        "ui.language = \"auto\"",
        "\"zh_CN\"",
        "ui.colour",
        "\"never\"",
        "paths.forms_dir",
        "paths.journal_dir",
        "\"$XDG_STATE_HOME/eduaid\"",
        "ui.idle_timeout = 900",
        "paths.history_file",
        "monochrome",
    };

    ck_assert_ptr_nonnull(fp);
    settings_describe(fp);
    ck_assert_int_eq(fclose(fp), 0);
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        ck_assert_msg(strstr(text, want[i]) != NULL, "no %s in:\n%s", want[i],
                      text);
    /* Wrapped for a terminal. */
    for (const char *p = text; *p != '\0';) {
        size_t n = strcspn(p, "\n");

        ck_assert_msg(n <= 80, "long line: %.*s", (int)n, p);
        p += n + (p[n] == '\n');
    }
    free(text);
}
END_TEST

/* The keys group: every way of writing a binding, kept as written with
 * its file and line (names and actions are checked by the ui layer). */
START_TEST(test_settings_keys_good)
{
    char path[512];
    struct settings_error err;
    struct settings *s = NULL;
    const struct settings_key *b;

    home_path(path, sizeof(path), "/keys.conf");
    write_file(path, "ui: { colour = \"never\"; };\n"
                     "keys:\n"
                     "{\n"
                     "  save = [ \"F2\", \"^G\" ];\n"            /* line 4 */
                     "  submit = ( \"F10\", \"C-x\" );\n"        /* 5: a list */
                     "  back = \"Esc\";\n"                       /* 6: one */
                     "  delete-row = [];\n"                      /* 7: none */
                     "  frobnicate = [ \"F13\", \"\" ];\n"       /* 8: for ui */
                     "  search = [ \"\xe6\x90\x9c\", \"/\" ];\n" /* 9 */
                     "};\n");
    ck_assert_msg(settings_load(path, NULL, "/f", &s, &err) == 0, "%s:%d: %s",
                  err.file, err.line, err.message);
    ck_assert_str_eq(s->colour, "never");
    ck_assert_uint_eq(s->nbindings, 6);
    b = s->bindings;
    ck_assert_str_eq(b[0].action, "save");
    ck_assert_uint_eq(b[0].nkeys, 2);
    ck_assert_str_eq(b[0].keys[0], "F2");
    ck_assert_str_eq(b[0].keys[1], "^G");
    ck_assert_str_eq(b[0].file, path);
    ck_assert_int_eq(b[0].line, 4);
    ck_assert_str_eq(b[1].action, "submit");
    ck_assert_uint_eq(b[1].nkeys, 2);
    ck_assert_str_eq(b[1].keys[0], "F10");
    ck_assert_str_eq(b[1].keys[1], "C-x");
    ck_assert_int_eq(b[1].line, 5);
    ck_assert_str_eq(b[2].action, "back");
    ck_assert_uint_eq(b[2].nkeys, 1);
    ck_assert_str_eq(b[2].keys[0], "Esc");
    ck_assert_int_eq(b[2].line, 6);
    ck_assert_str_eq(b[3].action, "delete-row");
    ck_assert_uint_eq(b[3].nkeys, 0);
    ck_assert_ptr_null(b[3].keys);
    ck_assert_int_eq(b[3].line, 7);
    ck_assert_str_eq(b[4].action, "frobnicate");
    ck_assert_uint_eq(b[4].nkeys, 2);
    ck_assert_str_eq(b[4].keys[0], "F13");
    ck_assert_str_eq(b[4].keys[1], "");
    ck_assert_int_eq(b[4].line, 8);
    ck_assert_str_eq(b[5].keys[0], "\xe6\x90\x9c");
    ck_assert_str_eq(b[5].keys[1], "/");
    ck_assert_int_eq(b[5].line, 9);
    settings_free(s);

    /* An empty group binds nothing, like no group at all. */
    write_file(path, "keys: { };\n");
    ck_assert_int_eq(settings_load(path, NULL, "/f", &s, &err), 0);
    ck_assert_uint_eq(s->nbindings, 0);
    ck_assert_ptr_null(s->bindings);
    settings_free(s);
    ck_assert_int_eq(settings_load(NULL, NULL, "/f", &s, &err), 0);
    ck_assert_uint_eq(s->nbindings, 0);
    ck_assert_ptr_null(s->bindings);
    settings_free(s);
}
END_TEST

/* Keys groups of the wrong shape, each with the line MARKER names. */
static const struct {
    const char *text;
    const char *mentions;
} bad_keys[] = {
    {"keys = 5;   # <- error\n", "keys must be a group"},
    {"keys = [ \"F2\" ];   # <- error\n", "keys must be a group"},
    {"keys:\n{\n  save = 5;   # <- error\n};\n",
     "keys.save must be a list of key names"},
    {"keys:\n{\n  save = [ \"F2\", \"^S\" ];\n  new = true;   # <- error\n};\n",
     "keys.new must be a list of key names"},
    {"keys:\n{\n  save = { key = \"F2\"; };   # <- error\n};\n",
     "keys.save must be a list of key names"},
    {"keys:\n{\n  save = (\n    \"F2\",\n    3   # <- error\n  );\n};\n",
     "keys.save must be a list of key names"},
    {"keys:\n{\n  save = ( \"F2\", ( \"^S\" ) );   # <- error\n};\n",
     "keys.save must be a list of key names"},
    {"keys:\n{\n  save = [ \"F2\" ];\n  save = [ \"F3\" ];   # <- error\n};\n",
     "duplicate setting"},
    {"keys:\n{\n  save = [ F2 ];   # <- error\n};\n", "syntax error"},
    {"key:   # <- error\n{\n  save = [ \"F2\" ];\n};\n", "unknown setting key"},
};
#define NBAD_KEYS (sizeof(bad_keys) / sizeof(bad_keys[0]))

START_TEST(test_settings_keys_bad)
{
    char path[512];
    struct settings_error err;
    struct settings *s = (struct settings *)&err; /* must be reset to NULL */

    home_path(path, sizeof(path), "/bad_keys.conf");
    write_file(path, bad_keys[_i].text);
    ck_assert_int_eq(settings_load(path, NULL, "/f", &s, &err), -1);
    ck_assert_ptr_null(s);
    ck_assert_str_eq(err.file, path);
    ck_assert_msg(err.line == marker_line(path), "case %d: line %d (%s)", _i,
                  err.line, err.message);
    ck_assert_msg(strstr(err.message, bad_keys[_i].mentions) != NULL,
                  "case %d: \"%s\"", _i, err.message);
}
END_TEST

/* A keys group when memory runs out at each allocation in turn: -1, "out
 * of memory", nothing returned, nothing leaked under valgrind. */
START_TEST(test_settings_keys_out_of_memory)
{
    char path[512];
    struct settings_error err;
    long n;
    int rc = -1;

    home_path(path, sizeof(path), "/keys.conf");
    write_file(path, "keys:\n"
                     "{\n"
                     "  save = [ \"F2\", \"^G\" ];\n"
                     "  back = \"Esc\";\n"
                     "  delete-row = [];\n"
                     "  submit = ( \"F10\", \"^X\", \"x\" );\n"
                     "};\n");
    for (n = 0; n < 100000; n++) {
        struct settings *s = NULL;
        bool failed;

        fail_alloc(n);
        rc = settings_load(path, NULL, "/f", &s, &err);
        failed = alloc_disarm();
        if (!failed) {
            ck_assert_int_eq(rc, 0);
            ck_assert_uint_eq(s->nbindings, 4);
            ck_assert_str_eq(s->bindings[3].keys[2], "x");
            settings_free(s);
            break;
        }
        ck_assert_int_eq(rc, -1);
        ck_assert_ptr_null(s);
        ck_assert_str_eq(err.message, "out of memory");
    }
    /* 7 defaults, 4 bindings of 3 + 3 + 2 + 4 allocations, the source */
    ck_assert_int_gt(n, 7 + 12);
}
END_TEST

/* --help tells of the keys group. */
START_TEST(test_settings_keys_describe)
{
    char *text = NULL;
    size_t size = 0;
    FILE *fp = open_memstream(&text, &size);
    static const char *const want[] = {
        "keys.ACTION = [ \"KEY\", ... ]",
        "A list of key names.",
        "F1..F12",
        "^A..^Z",
        "S-Tab,",
        "PgDn,",
    };

    ck_assert_ptr_nonnull(fp);
    settings_describe(fp);
    ck_assert_int_eq(fclose(fp), 0);
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        ck_assert_msg(strstr(text, want[i]) != NULL, "no %s in:\n%s", want[i],
                      text);
    /* In the table's order: after ui, before paths. */
    ck_assert(strstr(text, "ui.colour") < strstr(text, "keys.ACTION"));
    ck_assert(strstr(text, "keys.ACTION") < strstr(text, "paths."));
    free(text);
}
END_TEST

/* ---------------------------------------------------------------------- */

static Suite *
formdef_suite(void)
{
    Suite *s = suite_create("formdef");
    TCase *tc = tcase_create("real");

    tcase_add_loop_test(tc, test_real_forms_load, 0, NKINDS);
    tcase_add_test(tc, test_household);
    tcase_add_test(tc, test_entry_id_fills);
    tcase_add_test(tc, test_entry_id_vectors);
    tcase_add_test(tc, test_entry_pairs);
    tcase_add_test(tc, test_entry_required_nag);
    tcase_add_test(tc, test_entry_dates);
    tcase_add_test(tc, test_training);
    tcase_add_test(tc, test_special_ed);
    tcase_add_test(tc, test_teacher_fund);
    tcase_add_test(tc, test_real_lookups);
    tcase_add_loop_test(tc, test_forms_match_schema, 0, NKINDS);
    suite_add_tcase(s, tc);

    tc = tcase_create("fixtures");
    tcase_add_test(tc, test_good_minimal);
    tcase_add_loop_test(tc, test_bad_form, 0, NBAD_FORMS);
    tcase_add_test(tc, test_no_form);
    tcase_add_test(tc, test_missing_file);
    tcase_add_test(tc, test_unknown_lookup);
    tcase_add_test(tc, test_household_year_form);
    tcase_add_test(tc, test_queries);
    tcase_add_test(tc, test_out_of_memory);
    suite_add_tcase(s, tc);
    return s;
}

static Suite *
settings_suite(void)
{
    Suite *s = suite_create("settings");
    TCase *tc = tcase_create("load");

    tcase_add_checked_fixture(tc, settings_setup, settings_teardown);
    tcase_add_test(tc, test_settings_defaults);
    tcase_add_test(tc, test_settings_good);
    tcase_add_test(tc, test_settings_example);
    tcase_add_loop_test(tc, test_settings_bad, 0, NBAD_SETTINGS);
    tcase_add_test(tc, test_settings_missing);
    tcase_add_test(tc, test_settings_precedence);
    tcase_add_test(tc, test_settings_key_by_key);
    tcase_add_test(tc, test_settings_xdg_state);
    tcase_add_test(tc, test_errlog);
    tcase_add_test(tc, test_settings_describe);
    tcase_add_test(tc, test_settings_keys_good);
    tcase_add_loop_test(tc, test_settings_keys_bad, 0, NBAD_KEYS);
    tcase_add_test(tc, test_settings_keys_out_of_memory);
    tcase_add_test(tc, test_settings_keys_describe);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(formdef_suite());
    int failed;

    srunner_add_suite(sr, settings_suite());
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
