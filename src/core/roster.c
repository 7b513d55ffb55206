/*
 * roster.c
 *   The household roster's columns, header matching, record checks and
 *   place resolution (see roster.h). Pure logic: no curses, no libpq.
 */
#include "config.h"

#include "core/roster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ascii.h"
#include "core/i18n.h"
#include "core/idnumber.h"
#include "core/text.h"

static const struct {
    const char *name, *zh;
    bool required;
} columns[RC_N] = {
    [RC_HOUSEHOLD_NO] = {"household_no", "户编号", true},
    [RC_TOWNSHIP] = {"township", "乡镇", true},
    [RC_VILLAGE] = {"village", "村", true},
    [RC_HEAD_NAME] = {"head_name", "户主姓名", true},
    [RC_HEAD_ID_NUMBER] = {"head_id_number", "户主身份证号", true},
    [RC_FAMILY_SIZE] = {"family_size", "家庭人口", false},
    [RC_MEMBER_NAME] = {"member_name", "学生姓名", false},
    [RC_MEMBER_ID_NUMBER] = {"member_id_number", "学生身份证号", false},
    [RC_RELATION] = {"relation", "与户主关系", false},
    [RC_STAGE] = {"stage", "学段", false},
};

/* Codes and the Chinese names the form uses (forms/household.conf), plus
 * the words rosters commonly write, and the English words. */
static const char *const stages[][2] = {
    {"preschool", "学前"},
    {"primary", "小学"},
    {"junior", "初中"},
    {"senior_high", "普通高中"},
    {"senior_high", "高中"},
    {"secondary_vocational", "中职"},
    {"college", "高校"},
    {"college", "大学"},
    {"none", "未入学或已离校"},
    {"none", "未入学"},
    {"none", "已离校"},
    /* the English words of eduaid.choice_stage, as `eduaid export` writes
     * them in English (issue 12 item 11) */
    {"preschool", "Preschool"},
    {"primary", "Primary"},
    {"junior", "Junior high"},
    {"senior_high", "Senior high"},
    {"secondary_vocational", "Vocational"},
    {"college", "College"},
    {"none", "Not in school"},
};
static const char *const relations[][2] = {
    {"child", "子女"},      {"child", "子"},        {"child", "女"},
    {"child", "儿子"},      {"child", "女儿"},      {"grandchild", "孙子女"},
    {"grandchild", "孙子"}, {"grandchild", "孙女"}, {"sibling", "兄弟姐妹"},
    {"self", "本人"},       {"other", "其他"},
};

const char *
roster_col_name(enum roster_col c)
{
    return (unsigned)c < RC_N ? columns[c].name : NULL;
}

const char *
roster_col_zh(enum roster_col c)
{
    return (unsigned)c < RC_N ? columns[c].zh : NULL;
}

bool
roster_col_required(enum roster_col c)
{
    return (unsigned)c < RC_N && columns[c].required;
}

enum roster_col
roster_col_by_name(const char *name)
{
    for (int c = 0; c < RC_N; c++)
        if (strcmp(columns[c].name, name) == 0)
            return (enum roster_col)c;
    return RC_N;
}

/* Where s is without blanks (text_is_space: the server's) at either end:
 * *start and *len. */
static void
trim_span(const char *s, const char **start, size_t *len)
{
    const char *end;
    wchar_t c;
    int n;

    while ((n = text_utf8_next(s, &c)) > 0 && text_is_space(c))
        s += n;
    *start = end = s;
    while ((n = text_utf8_next(s, &c)) > 0) {
        s += n;
        if (!text_is_space(c))
            end = s;
    }
    *len = (size_t)(end - *start);
}

/* A copy of s without blanks at either end, in out (size outsz), cut at a
 * character's end when it does not fit. */
static void
trim_into(const char *s, char *out, size_t outsz)
{
    const char *start;
    size_t len;

    trim_span(s, &start, &len);
    if (len >= outsz) {
        len = outsz - 1;
        while (len > 0 && ((unsigned char)start[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(out, start, len);
    out[len] = '\0';
}

static bool
is_blank(const char *s)
{
    const char *start;
    size_t len;

    trim_span(s, &start, &len);
    return len == 0;
}

bool
roster_record_blank(const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_blank(fields[i]))
            return false;
    return true;
}

static enum roster_col
match_header(const char *name)
{
    for (int c = 0; c < RC_N; c++)
        if (strcmp(name, columns[c].zh) == 0 ||
            ascii_same(name, columns[c].name))
            return (enum roster_col)c;
    return RC_N;
}

/* The trimmed names of the n header fields into h->names; false when out
 * of memory. */
static bool
take_names(const char *const *fields, size_t n, struct roster_header *h)
{
    h->names = calloc(n > 0 ? n : 1, sizeof(*h->names));
    if (h->names == NULL)
        return false;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(fields[i]) + 1;

        if ((h->names[i] = malloc(len)) == NULL)
            return false;
        trim_into(fields[i], h->names[i], len);
    }
    return true;
}

int
roster_header_map(const char *const *fields, size_t n, struct roster_header *h,
                  long *col_out, char *err, size_t errsz)
{
    long col = 0;
    bool failed = false;

    for (int c = 0; c < RC_N; c++)
        h->pos[c] = -1;
    h->nfields = n;
    h->names = NULL;
    h->unknown = calloc(n > 0 ? n : 1, sizeof(*h->unknown));
    if (h->unknown == NULL || !take_names(fields, n, h)) {
        snprintf(err, errsz, "%s", _("out of memory"));
        goto fail;
    }
    /* every field, past a doubled one too: the unknown ones are told */
    for (size_t i = 0; i < n; i++) {
        enum roster_col c = match_header(h->names[i]);

        if (c == RC_N) {
            h->unknown[i] = h->names[i][0] != '\0';
        } else if (h->pos[c] < 0) {
            h->pos[c] = (int)i;
        } else if (!failed) {
            failed = true;
            col = (long)i + 1;
            snprintf(err, errsz, _("column %s is given twice"),
                     columns[c].name);
        }
    }
    for (int c = 0; !failed && c < RC_N; c++)
        if (columns[c].required && h->pos[c] < 0) {
            failed = true;
            snprintf(err, errsz, _("required column %s (%s) is missing"),
                     columns[c].name, columns[c].zh);
        }
    if (!failed)
        return 0;
fail:
    if (col_out != NULL)
        *col_out = col;
    return -1;
}

void
roster_header_free(struct roster_header *h)
{
    for (size_t i = 0; h->names != NULL && i < h->nfields; i++)
        free(h->names[i]);
    free(h->names);
    h->names = NULL;
    free(h->unknown);
    h->unknown = NULL;
}

const char *
roster_header_name(const struct roster_header *h, long col)
{
    if (h->names == NULL || col < 1 || (size_t)col > h->nfields ||
        h->names[col - 1] == NULL || h->names[col - 1][0] == '\0')
        return NULL;
    return h->names[col - 1];
}

int
roster_record_extra(const struct roster_header *h, const char *const *fields,
                    size_t n, struct roster_problem *p)
{
    for (size_t i = 0; i < n; i++) {
        if (is_blank(fields[i]))
            continue;
        p->column = (long)i + 1;
        if (i >= h->nfields)
            snprintf(p->message, sizeof(p->message),
                     _("a value beyond the header's %zu columns (name its "
                       "column in the header, or delete the value)"),
                     h->nfields);
        else if (h->names == NULL || h->names[i][0] == '\0')
            snprintf(p->message, sizeof(p->message), "%s",
                     _("a value in a column the header leaves unnamed (name "
                       "it in the header, or delete the value)"));
        else
            continue;
        return -1;
    }
    return 0;
}

static const char *
lookup_code(const char *const (*table)[2], size_t n, const char *s)
{
    if (s == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (ascii_same(s, table[i][0]) || strcmp(s, table[i][1]) == 0)
            return table[i][0];
    return NULL;
}

const char *
roster_stage_code(const char *s)
{
    return lookup_code(stages, sizeof(stages) / sizeof(stages[0]), s);
}

const char *
roster_relation_code(const char *s)
{
    return lookup_code(relations, sizeof(relations) / sizeof(relations[0]), s);
}

/* Trimmed copies of the record's columns into one buffer. 0 or -1. */
static int
take_values(const struct roster_header *h, const char *const *fields, size_t n,
            struct roster_record *rec)
{
    size_t total = 0, off = 0;

    for (int c = 0; c < RC_N; c++)
        rec->values[c] = NULL;
    for (size_t i = 0; i < n; i++)
        total += strlen(fields[i]) + 1;
    rec->buf = malloc(total + 1);
    if (rec->buf == NULL)
        return -1;
    for (int c = 0; c < RC_N; c++) {
        int p = h->pos[c];
        size_t len;

        rec->values[c] = NULL;
        if (p < 0 || (size_t)p >= n)
            continue;
        len = strlen(fields[p]);
        trim_into(fields[p], rec->buf + off, len + 1);
        if (rec->buf[off] != '\0')
            rec->values[c] = rec->buf + off;
        off += strlen(rec->buf + off) + 1;
    }
    return 0;
}

static bool
household_no_ok(const char *s)
{
    size_t len = strlen(s);

    if (len < 6 || len > 30)
        return false;
    for (; *s; s++)
        if (!ascii_is_digit(*s) && !(*s >= 'A' && *s <= 'Z') && *s != '-')
            return false;
    return true;
}

/* Is s a whole number in [lo, hi]? */
static bool
int_in_range(const char *s, long lo, long hi)
{
    long v = 0;

    if (*s == '\0')
        return false;
    for (; *s; s++) {
        if (!ascii_is_digit(*s) || v > 100000)
            return false;
        v = v * 10 + (*s - '0');
    }
    return v >= lo && v <= hi;
}

/* The first problem of rec, in the file's column order, or 0 when none.
 * Each check sets a column and a message; the lowest column wins. */
struct finding {
    const struct roster_header *h;
    struct roster_problem *p;
    int found;
};

static void
note(struct finding *f, enum roster_col c, const char *message)
{
    long col = f->h->pos[c] >= 0 ? f->h->pos[c] + 1 : 0;

    if (f->found && col >= f->p->column)
        return;
    f->found = 1;
    f->p->column = col;
    snprintf(f->p->message, sizeof(f->p->message), "%s", message);
}

static void
check_id(struct finding *f, const struct roster_record *rec, enum roster_col c,
         int today)
{
    enum id_error e = id_number_check(rec->values[c], NULL, today);
    char msg[200];

    if (e == ID_OK)
        return;
    snprintf(msg, sizeof(msg), _("invalid ID number: %s"),
             _(id_error_message(e)));
    note(f, c, msg);
}

int
roster_record_check(const struct roster_header *h, const char *const *fields,
                    size_t n, struct roster_record *rec, int today_yyyymmdd,
                    struct roster_problem *p)
{
    struct finding f = {h, p, 0};
    const char *const *v = rec->values;
    const char *code;

    p->column = 0;
    p->message[0] = '\0';
    if (take_values(h, fields, n, rec) != 0) {
        snprintf(p->message, sizeof(p->message), "%s", _("out of memory"));
        return -1;
    }
    for (int c = 0; c < RC_N; c++)
        if (columns[c].required && v[c] == NULL)
            note(&f, c, _("this field is required"));
    if (v[RC_HOUSEHOLD_NO] != NULL && !household_no_ok(v[RC_HOUSEHOLD_NO]))
        note(&f, RC_HOUSEHOLD_NO,
             _("household number must be 6-30 of 0-9, A-Z and -"));
    if (v[RC_HEAD_ID_NUMBER] != NULL)
        check_id(&f, rec, RC_HEAD_ID_NUMBER, today_yyyymmdd);
    if (v[RC_FAMILY_SIZE] != NULL && !int_in_range(v[RC_FAMILY_SIZE], 1, 30))
        note(&f, RC_FAMILY_SIZE,
             _("family size must be a number from 1 to 30"));
    if (v[RC_MEMBER_NAME] == NULL) {
        if (v[RC_MEMBER_ID_NUMBER] != NULL)
            note(&f, RC_MEMBER_NAME,
                 _("a member ID number needs a member name"));
        if (v[RC_RELATION] != NULL || v[RC_STAGE] != NULL)
            note(&f, RC_MEMBER_NAME,
                 _("relation and stage need a member name"));
    } else if (v[RC_MEMBER_ID_NUMBER] == NULL) {
        note(&f, RC_MEMBER_ID_NUMBER, _("a member needs an ID number"));
    } else {
        check_id(&f, rec, RC_MEMBER_ID_NUMBER, today_yyyymmdd);
    }
    if (v[RC_RELATION] != NULL) {
        if ((code = roster_relation_code(v[RC_RELATION])) == NULL)
            note(&f, RC_RELATION, _("unknown relation to the head"));
        else
            rec->values[RC_RELATION] = code;
    }
    if (v[RC_STAGE] != NULL) {
        if ((code = roster_stage_code(v[RC_STAGE])) == NULL)
            note(&f, RC_STAGE, _("unknown school stage"));
        else
            rec->values[RC_STAGE] = code;
    }
    return f.found ? -1 : 0;
}

void
roster_record_free(struct roster_record *rec)
{
    free(rec->buf);
    rec->buf = NULL;
}

size_t
roster_record_warnings(const struct roster_header *h,
                       const struct roster_record *rec,
                       struct roster_problem *w, size_t nw)
{
    static const enum roster_col names[] = {RC_HEAD_NAME, RC_MEMBER_NAME};
    size_t found = 0;

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        const char *v = rec->values[names[i]];

        if (v == NULL || strchr(v, '?') == NULL || found == nw)
            continue;
        w[found].column = h->pos[names[i]] + 1;
        snprintf(w[found].message, sizeof(w[found].message),
                 _("\"%s\" holds a '?', most likely a character the file "
                   "could not hold: Excel's \"CSV\" is GBK on Chinese Windows "
                   "and writes ? for a name such as 𠮷; save the roster as "
                   "\"CSV UTF-8\" and import it again"),
                 v);
        found++;
    }
    /* the file's column order */
    if (found == 2 && w[1].column < w[0].column) {
        struct roster_problem t = w[0];

        w[0] = w[1];
        w[1] = t;
    }
    return found;
}

static bool
all_digits(const char *s, size_t len)
{
    if (strlen(s) != len)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!ascii_is_digit(s[i]))
            return false;
    return true;
}

static long long
resolve(const struct roster_place *p, size_t n, long long township_id,
        const char *text, size_t code_len)
{
    long long found = 0;

    if (text == NULL)
        return 0;
    if (all_digits(text, code_len)) {
        long long code = strtoll(text, NULL, 10);

        for (size_t i = 0; i < n; i++)
            if (p[i].id == code && p[i].township_id == township_id)
                return code;
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (p[i].township_id != township_id || strcmp(p[i].name, text) != 0)
            continue;
        if (found != 0)
            return -1;
        found = p[i].id;
    }
    return found;
}

long long
roster_resolve_township(const struct roster_place *t, size_t n,
                        const char *text)
{
    return resolve(t, n, 0, text, 9);
}

long long
roster_resolve_village(const struct roster_place *v, size_t n,
                       long long township_id, const char *text)
{
    return resolve(v, n, township_id, text, 12);
}
