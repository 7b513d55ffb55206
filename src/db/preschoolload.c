/*
 * preschoolload.c
 *   The preschool files (population 3-5, kindergarten rolls; issue 17 H1)
 *   into eduaid.preschool_batch and its rows: read and checked whole,
 *   then one batch per township inserted, filled and closed in one
 *   transaction, every problem as FILE:LINE:COLUMN: NAME: reason (see
 *   preschoolload.h).
 */
#include "config.h"

#include "db/preschoolload.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "db/messages.h"

/* The columns of the two files: header names (Chinese, English). */
enum pcol {
    PC_TOWNSHIP,
    PC_VILLAGE,
    PC_AGE3,
    PC_AGE4,
    PC_AGE5,
    PC_KINDERGARTEN,
    PC_NAME,
    PC_ID,
    PC_BIRTH,
    PC_N
};
static const struct {
    const char *zh, *en;
} pcol_names[PC_N] = {
    {"乡镇", "township"}, {"村", "village"},         {"3岁", "age3"},
    {"4岁", "age4"},      {"5岁", "age5"},           {"幼儿园", "kindergarten"},
    {"姓名", "name"},     {"身份证号", "id_number"}, {"出生日期", "birth_date"},
};

struct prow {
    long line;
    int township;      /* id, 0 until resolved */
    long long village; /* 0: the township as a whole */
    long age[3];       /* population */
    int kindergarten;  /* enrollment: the school id */
    char *name, *id, *birth;
};

struct ploader {
    struct db *db;
    const char *path;
    const struct preschool_meta *meta;
    struct preschool_load *out;
    int pos[PC_N]; /* field index of each column, -1 when absent */
    const char *header[64];
    size_t nheader;
    char *hcopy[64]; /* the header's fields, copied */
    size_t nhcopy;
    struct prow *rows;
    size_t nrows, caprows;
    struct dbres *towns, *villages, *kgs;
    struct messages *msgs; /* read before the transaction: the words of a
                              refusal, which aborts it */
};

static void pmsg(struct ploader *l, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* "PATH:LINE:COL: NAME: text" (NAME the header's, on data lines). */
static void
pmsg(struct ploader *l, long line, long col, const char *fmt, ...)
{
    char where[300], text[800], msg[1200];
    const char *name = NULL;
    char **grown;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    if (col > 0 && (size_t)col <= l->nheader)
        name = l->header[col - 1];
    if (line > 0 && col > 0)
        snprintf(where, sizeof(where), "%s:%ld:%ld: ", l->path, line, col);
    else if (line > 0)
        snprintf(where, sizeof(where), "%s:%ld: ", l->path, line);
    else
        snprintf(where, sizeof(where), "%s: ", l->path);
    if (name != NULL && line > 1)
        snprintf(msg, sizeof(msg), "%s%s: %s", where, name, text);
    else
        snprintf(msg, sizeof(msg), "%s%s", where, text);
    l->out->nerrors++;
    grown = realloc(l->out->messages, (l->out->nmessages + 1) * sizeof(*grown));
    if (grown == NULL)
        return;
    l->out->messages = grown;
    if ((grown[l->out->nmessages] = strdup(msg)) != NULL)
        l->out->nmessages++;
}

static long
col_of(const struct ploader *l, enum pcol c)
{
    return l->pos[c] >= 0 ? l->pos[c] + 1 : 0;
}

/* Field pos of the record, trimmed in place ("" when absent: a buffer of
 * its own, since valid_trim writes). */
static char *
field(char **f, size_t n, int pos)
{
    static char empty[1];

    if (pos >= 0 && (size_t)pos < n && f[pos] != NULL)
        return valid_trim(f[pos]);
    empty[0] = '\0';
    return empty;
}

/* ---- the header ---------------------------------------------------------- */

static const enum pcol need_pop[] = {PC_TOWNSHIP, PC_AGE3, PC_AGE4, PC_AGE5};
static const enum pcol need_enr[] = {PC_TOWNSHIP, PC_KINDERGARTEN, PC_NAME,
                                     PC_ID};

static bool
kind_has(enum preschool_kind k, enum pcol c)
{
    if (c == PC_TOWNSHIP)
        return true;
    if (k == PRESCHOOL_POPULATION)
        return c == PC_VILLAGE || c == PC_AGE3 || c == PC_AGE4 || c == PC_AGE5;
    return c == PC_KINDERGARTEN || c == PC_NAME || c == PC_ID || c == PC_BIRTH;
}

static int
read_header(struct ploader *l, char **f, size_t n, long line)
{
    enum preschool_kind k = l->meta->kind;
    const enum pcol *need = k == PRESCHOOL_POPULATION ? need_pop : need_enr;
    int bad = 0;

    for (int c = 0; c < PC_N; c++)
        l->pos[c] = -1;
    l->nheader = 0;
    for (size_t i = 0; i < n && i < 64; i++) {
        char *h = valid_trim(f[i]);
        int found = -1;

        l->header[l->nheader++] = h;
        for (int c = 0; c < PC_N; c++)
            if (kind_has(k, (enum pcol)c) &&
                (strcmp(h, pcol_names[c].zh) == 0 ||
                 strcmp(h, pcol_names[c].en) == 0))
                found = c;
        if (found < 0) {
            pmsg(l, line, (long)i + 1, _("unknown column '%s'"), h);
            bad = 1;
        } else if (l->pos[found] >= 0) {
            pmsg(l, line, (long)i + 1, _("column '%s' appears twice"), h);
            bad = 1;
        } else {
            l->pos[found] = (int)i;
        }
    }
    for (int i = 0; i < 4; i++)
        if (l->pos[need[i]] < 0) {
            pmsg(l, line, 0, _("the header has no column '%s'"),
                 pcol_names[need[i]].zh);
            bad = 1;
        }
    return bad ? -1 : 0;
}

/* ---- the places: townships, villages, kindergartens ---------------------- */

static int
load_places(struct ploader *l)
{
    struct db_error err;

    l->towns = db_exec(l->db,
                       "SELECT t.id, t.name, t.id = ANY (coalesce("
                       "eduaid.my_townships(), '{}')) FROM eduaid.township t",
                       0, NULL, &err);
    if (l->towns != NULL)
        l->villages = db_exec(l->db,
                              "SELECT v.id, v.township_id, v.name "
                              "FROM eduaid.village v WHERE v.township_id = "
                              "ANY (eduaid.my_townships())",
                              0, NULL, &err);
    if (l->villages != NULL)
        l->kgs = db_exec(l->db,
                         "SELECT s.id, s.township_id, s.name "
                         "FROM eduaid.school s WHERE s.kind = 'kindergarten' "
                         "AND s.active AND s.township_id = "
                         "ANY (eduaid.my_townships())",
                         0, NULL, &err);
    if (l->kgs != NULL)
        l->msgs = messages_load(l->db, &err);
    if (l->msgs == NULL) {
        pmsg(l, 0, 0, "%s", err.message);
        return -1;
    }
    return 0;
}

/* The row of r whose column 0 (a code) or name column equals s, among
 * those whose column tcol is township (tcol < 0: any); -1 when none. */
static int
find_place(const struct dbres *r, const char *s, int tcol, int township)
{
    for (int i = 0; i < r->nrows; i++) {
        const char *id = dbres_get(r, i, 0);
        const char *name = dbres_get(r, i, tcol < 0 ? 1 : 2);

        if (tcol >= 0 && atoi(dbres_get(r, i, tcol)) != township)
            continue;
        if (strcmp(id, s) == 0 || strcmp(name, s) == 0)
            return i;
    }
    return -1;
}

/* ---- a data row ---------------------------------------------------------- */

static void
check_age(struct ploader *l, struct prow *p, char **f, size_t n, enum pcol c)
{
    enum valid_result v;

    v = valid_int(field(f, n, l->pos[c]), 0, 100000, &p->age[c - PC_AGE3]);
    if (v != VALID_OK)
        pmsg(l, p->line, col_of(l, c),
             _("%s (a whole number from 0 to "
               "100000)"),
             _(valid_message(v)));
}

static void
check_township(struct ploader *l, struct prow *p, char **f, size_t n)
{
    const char *s = field(f, n, l->pos[PC_TOWNSHIP]);
    int i = find_place(l->towns, s, -1, 0);

    if (i < 0)
        pmsg(l, p->line, col_of(l, PC_TOWNSHIP), _("no such township '%s'"), s);
    else if (strcmp(dbres_get(l->towns, i, 2), "t") != 0)
        pmsg(l, p->line, col_of(l, PC_TOWNSHIP),
             _("'%s' is not one of your townships"), s);
    else
        p->township = atoi(dbres_get(l->towns, i, 0));
}

static void
check_population(struct ploader *l, struct prow *p, char **f, size_t n)
{
    const char *v = field(f, n, l->pos[PC_VILLAGE]);

    if (p->township > 0 && !valid_is_blank(v)) {
        int i = find_place(l->villages, v, 1, p->township);

        if (i < 0)
            pmsg(l, p->line, col_of(l, PC_VILLAGE),
                 _("no village '%s' in this township"), v);
        else
            p->village = atoll(dbres_get(l->villages, i, 0));
    }
    for (int c = PC_AGE3; c <= PC_AGE5; c++)
        check_age(l, p, f, n, (enum pcol)c);
}

static char *
dup_field(struct ploader *l, char **f, size_t n, enum pcol c)
{
    char *s = strdup(field(f, n, l->pos[c]));

    if (s == NULL)
        pmsg(l, 0, 0, "%s", _("out of memory"));
    return s;
}

static void
check_enrollment(struct ploader *l, struct prow *p, char **f, size_t n)
{
    const char *k = field(f, n, l->pos[PC_KINDERGARTEN]);
    enum valid_result v;
    int ymd;

    if (p->township > 0) {
        int i = find_place(l->kgs, k, 1, p->township);

        if (i < 0)
            pmsg(l, p->line, col_of(l, PC_KINDERGARTEN),
                 _("no kindergarten '%s' in this township"), k);
        else
            p->kindergarten = atoi(dbres_get(l->kgs, i, 0));
    }
    p->name = dup_field(l, f, n, PC_NAME);
    p->id = dup_field(l, f, n, PC_ID);
    p->birth = dup_field(l, f, n, PC_BIRTH);
    if (p->name == NULL || p->id == NULL || p->birth == NULL)
        return;
    if ((v = valid_text(p->name, true, 50, 0)) != VALID_OK)
        pmsg(l, p->line, col_of(l, PC_NAME), "%s", _(valid_message(v)));
    if ((v = valid_id_number(p->id, valid_today())) != VALID_OK) {
        pmsg(l, p->line, col_of(l, PC_ID), "%s", _(valid_message(v)));
        return;
    }
    if (valid_is_blank(p->birth)) {
        /* the ID number's: YYYYMMDD of digits 7-14 (11 bytes fit) */
        free(p->birth);
        if ((p->birth = malloc(11)) != NULL)
            snprintf(p->birth, 11, "%.4s-%.2s-%.2s", p->id + 6, p->id + 10,
                     p->id + 12);
        else
            pmsg(l, 0, 0, "%s", _("out of memory"));
    } else if ((v = valid_date(p->birth, valid_today(), &ymd)) != VALID_OK) {
        pmsg(l, p->line, col_of(l, PC_BIRTH), "%s", _(valid_message(v)));
    } else {
        /* stored as YYYY-MM-DD whatever form the file wrote (2021/5/3) */
        char iso[16];

        free(p->birth);
        if ((p->birth = strdup(date_format_iso(ymd, iso))) == NULL)
            pmsg(l, 0, 0, "%s", _("out of memory"));
        else if ((v = valid_id_birth(p->id, p->birth)) != VALID_OK)
            pmsg(l, p->line, col_of(l, PC_BIRTH), "%s", _(valid_message(v)));
    }
}

static bool
blank_record(char **f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!valid_is_blank(f[i]))
            return false;
    return true;
}

static int
add_row(struct ploader *l, char **f, size_t n, long line)
{
    struct prow *p;

    if (l->nrows == l->caprows) {
        size_t cap = l->caprows ? l->caprows * 2 : 64;
        struct prow *g = realloc(l->rows, cap * sizeof(*g));

        if (g == NULL)
            return -1;
        l->rows = g;
        l->caprows = cap;
    }
    p = &l->rows[l->nrows++];
    memset(p, 0, sizeof(*p));
    p->line = line;
    if (n > l->nheader)
        pmsg(l, line, (long)l->nheader + 1,
             _("a value outside the header's columns"));
    check_township(l, p, f, n);
    if (l->meta->kind == PRESCHOOL_POPULATION)
        check_population(l, p, f, n);
    else
        check_enrollment(l, p, f, n);
    return 0;
}

/* Read the whole file; 0, or -1 (messages say why). */
static int
read_file(struct ploader *l)
{
    FILE *fp = fopen(l->path, "rb");
    struct csv_error cerr;
    struct csv_reader *r;
    char **f;
    size_t n;
    int rc;
    bool header = false;

    if (fp == NULL) {
        pmsg(l, 0, 0, "%s", strerror(errno));
        return -1;
    }
    if ((r = csv_open(fp, l->out->encoding, &cerr)) == NULL) {
        pmsg(l, 0, 0, "%s", cerr.message);
        fclose(fp);
        return -1;
    }
    l->out->encoding = csv_encoding(r);
    while ((rc = csv_next(r, &f, &n, &cerr)) == 1 &&
           l->out->nerrors < PRESCHOOL_MAX_ERRORS) {
        if (blank_record(f, n))
            continue;
        if (!header) {
            /* the header's strings must outlive the reader's buffer */
            for (size_t i = 0; i < n && i < 64; i++)
                if ((l->hcopy[l->nhcopy++] =
                         strdup(f[i] != NULL ? f[i] : "")) == NULL) {
                    pmsg(l, 0, 0, "%s", _("out of memory"));
                    break;
                }
            header = true;
            if (l->out->nerrors > 0 ||
                read_header(l, l->hcopy, l->nhcopy, csv_line(r)) != 0)
                break;
            continue;
        }
        l->out->rows++;
        if (add_row(l, f, n, csv_line(r)) != 0) {
            pmsg(l, 0, 0, "%s", _("out of memory"));
            break;
        }
    }
    if (rc < 0)
        pmsg(l, cerr.line, cerr.column, "%s", cerr.message);
    else if (!header || (l->out->rows == 0 && l->out->nerrors == 0))
        pmsg(l, 0, 0, "%s", _("the file has no rows"));
    csv_close(r);
    fclose(fp);
    /* the header's copies stay for the messages (freed with the loader) */
    return l->out->nerrors > 0 ? -1 : 0;
}

/* ---- the server ---------------------------------------------------------- */

/* The CSV column a refusal of the server is about, by its constraint. */
static long
refused_column(const struct ploader *l, const struct db_error *err)
{
    static const struct {
        const char *part;
        enum pcol col;
    } map[] = {
        {"village", PC_VILLAGE},
        {"age3", PC_AGE3},
        {"age4", PC_AGE4},
        {"age5", PC_AGE5},
        {"kindergarten", PC_KINDERGARTEN},
        {"child_name", PC_NAME},
        {"child_birth", PC_BIRTH},
        {"child_id", PC_ID},
        {"child_key", PC_ID},
    };

    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strstr(err->constraint, map[i].part) != NULL) {
            long c = col_of(l, map[i].col);

            return c > 0 ? c : col_of(l, PC_ID);
        }
    return 0;
}

static void
refused(struct ploader *l, long line, const struct db_error *err)
{
    const char *text = messages_text(l->msgs, err, speak_chinese("auto"));

    pmsg(l, line, refused_column(l, err), "%s",
         text != NULL ? text : err->message);
}

static int
insert_row(struct ploader *l, const struct prow *p, const char *batch)
{
    char t[16], ln[24], v[24], a[3][16], k[16];
    struct db_error err;
    int rc;

    snprintf(t, sizeof t, "%d", p->township);
    snprintf(ln, sizeof ln, "%ld", p->line);
    if (l->meta->kind == PRESCHOOL_POPULATION) {
        const char *params[7] = {t,    batch, ln,  p->village ? v : NULL,
                                 a[0], a[1],  a[2]};

        snprintf(v, sizeof v, "%lld", p->village);
        for (int i = 0; i < 3; i++)
            snprintf(a[i], sizeof a[i], "%ld", p->age[i]);
        rc = db_command(l->db,
                        "INSERT INTO eduaid.preschool_population (township_id,"
                        " batch_id, file_line, village_id, age3, age4, age5)"
                        " VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        7, params, &err);
    } else {
        const char *params[7] = {t, batch, ln, k, p->name, p->id, p->birth};

        snprintf(k, sizeof k, "%d", p->kindergarten);
        rc = db_command(l->db,
                        "INSERT INTO eduaid.preschool_enrollment (township_id,"
                        " batch_id, file_line, kindergarten_id, child_name,"
                        " child_id_number, child_birth_date)"
                        " VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        7, params, &err);
    }
    if (rc != 0)
        refused(l, p->line, &err);
    return rc;
}

/* Open township t's batch, add its rows, close it. */
static int
load_township(struct ploader *l, int t, struct preschool_batch_info *b)
{
    char tb[16], yb[16];
    const char *params[6] = {
        tb,
        l->meta->kind == PRESCHOOL_POPULATION ? "population" : "enrollment",
        yb,
        l->meta->source,
        l->meta->as_of,
        l->meta->file_name};
    struct db_error err;
    struct dbres *r;
    char id[24];
    const char *cp[2] = {tb, id};

    snprintf(tb, sizeof tb, "%d", t);
    snprintf(yb, sizeof yb, "%d", l->meta->school_year);
    r = db_exec(l->db,
                "INSERT INTO eduaid.preschool_batch (township_id, kind, "
                "school_year, source, as_of, file_name) VALUES ($1, $2, $3, "
                "$4, $5, $6) RETURNING id, (SELECT name FROM eduaid.township "
                "WHERE id = $1)",
                6, params, &err);
    if (r == NULL) {
        refused(l, 0, &err);
        return -1;
    }
    b->id = atoll(dbres_get(r, 0, 0));
    b->township_id = t;
    snprintf(b->township, sizeof b->township, "%s", dbres_get(r, 0, 1));
    snprintf(id, sizeof id, "%lld", b->id);
    dbres_free(r);
    for (size_t i = 0; i < l->nrows; i++)
        if (l->rows[i].township == t && insert_row(l, &l->rows[i], id) != 0)
            return -1;
    r = db_exec(l->db, "SELECT eduaid.preschool_batch_close($1, $2)", 2, cp,
                &err);
    if (r == NULL) {
        refused(l, 0, &err);
        return -1;
    }
    b->rows = atol(dbres_get(r, 0, 0));
    dbres_free(r);
    return 0;
}

static int
load_all(struct ploader *l)
{
    struct db_error err;

    if (db_begin(l->db, &err) != 0) {
        pmsg(l, 0, 0, "%s", err.message);
        return -1;
    }
    for (size_t i = 0; i < l->nrows; i++) {
        int t = l->rows[i].township;
        bool seen = false;
        struct preschool_batch_info *g;

        for (size_t j = 0; j < l->out->nbatches; j++)
            seen = seen || l->out->batches[j].township_id == t;
        if (seen)
            continue;
        g = realloc(l->out->batches, (l->out->nbatches + 1) * sizeof(*g));
        if (g == NULL) {
            pmsg(l, 0, 0, "%s", _("out of memory"));
            break;
        }
        l->out->batches = g;
        if (load_township(l, t, &g[l->out->nbatches]) != 0)
            break;
        l->out->nbatches++;
    }
    if (l->out->nerrors > 0 || db_commit(l->db, &err) != 0) {
        if (l->out->nerrors == 0)
            pmsg(l, 0, 0, "%s", err.message);
        db_rollback(l->db);
        free(l->out->batches);
        l->out->batches = NULL;
        l->out->nbatches = 0;
        return -1;
    }
    return 0;
}

int
preschool_load_file(struct db *db, const char *path, enum csv_encoding enc,
                    const struct preschool_meta *meta,
                    struct preschool_load *out)
{
    struct ploader l;
    int rc;

    memset(out, 0, sizeof(*out));
    memset(&l, 0, sizeof(l));
    out->encoding = enc;
    l.db = db;
    l.path = path;
    l.meta = meta;
    l.out = out;
    rc = load_places(&l);
    if (rc == 0)
        rc = read_file(&l);
    if (rc == 0)
        rc = load_all(&l);
    for (size_t i = 0; i < l.nrows; i++) {
        free(l.rows[i].name);
        free(l.rows[i].id);
        free(l.rows[i].birth);
    }
    free(l.rows);
    for (size_t i = 0; i < l.nhcopy; i++)
        free(l.hcopy[i]);
    dbres_free(l.towns);
    dbres_free(l.villages);
    dbres_free(l.kgs);
    messages_free(l.msgs);
    return rc;
}

void
preschool_load_free(struct preschool_load *out)
{
    for (size_t i = 0; i < out->nmessages; i++)
        free(out->messages[i]);
    free(out->messages);
    free(out->batches);
    memset(out, 0, sizeof(*out));
}
