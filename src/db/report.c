/*
 * report.c
 *   The table of reports (report.h) and the SQL that fetches them: one
 *   call of the report's function in schema eduaid, the function's name
 *   quoted, year and township as parameters; for the missing-subsidy
 *   list also a keyset page (the key of the last line held and a limit,
 *   as parameters) or a cursor over the whole list for an export.
 */
#include "config.h"

#include "db/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"

static const struct report_col subsidy_cols[] = {
    {"entitled", N_("Entitled"), RC_COUNT},
    {"granted", N_("Granted"), RC_COUNT},
    {"missing", N_("Missing"), RC_COUNT},
    {"coverage", N_("Coverage %"), RC_PERCENT},
};
static const struct report_col nutrition_cols[] = {
    {"pilot_students", N_("Pilot students"), RC_COUNT},
    {"covered", N_("Covered"), RC_COUNT},
    {"missing", N_("Missing"), RC_COUNT},
    {"coverage", N_("Coverage %"), RC_PERCENT},
};
static const struct report_col schooling_cols[] = {
    {"members", N_("Members"), RC_COUNT},
    {"enrolled", N_("Enrolled"), RC_COUNT},
    {"dropped_out", N_("Dropped out"), RC_COUNT},
    {"suspended", N_("Suspended"), RC_COUNT},
    {"not_enrolled", N_("Not enrolled"), RC_COUNT},
    {"enrolled_pct", N_("Enrolled %"), RC_PERCENT},
    {"school_age", N_("School age"), RC_COUNT},
    {"suspected", N_("Suspected"), RC_COUNT},
    {"confirmed", N_("Confirmed"), RC_COUNT},
    {"returned", N_("Returned to school"), RC_COUNT},
};
static const struct report_col special_ed_cols[] = {
    {"children", N_("Children 6-15"), RC_COUNT},
    {"planned", N_("With plan"), RC_COUNT},
    {"unplanned", N_("Without plan"), RC_COUNT},
    {"coverage", N_("Coverage %"), RC_PERCENT},
    {"special_school", N_("Special school"), RC_COUNT},
    {"regular_class", N_("Regular class"), RC_COUNT},
    {"special_class", N_("Special class"), RC_COUNT},
    {"home_delivery", N_("Home delivery"), RC_COUNT},
};
static const struct report_col training_cols[] = {
    {"person_times", N_("Person-times"), RC_COUNT},
    {"completed", N_("Completed"), RC_COUNT},
    {"certified", N_("Certified"), RC_COUNT},
    {"employed", N_("Employed"), RC_COUNT},
    {"self_employed", N_("Self-employed"), RC_COUNT},
    {"entrepreneur", N_("Entrepreneur"), RC_COUNT},
    {"further_study", N_("Further study"), RC_COUNT},
    {"unemployed", N_("Unemployed"), RC_COUNT},
    {"pending", N_("Outcome pending"), RC_COUNT},
};
static const struct report_col teacher_fund_cols[] = {
    {"applications", N_("Applications"), RC_COUNT},
    {"requested", N_("Requested"), RC_AMOUNT},
    {"approved", N_("Approved count"), RC_COUNT},
    {"approved_amount", N_("Approved amount"), RC_AMOUNT},
};

/* issue 15 H4: the pairing reports (sql/repeatable/36_pairing_reports.sql) */
static const struct report_col pair_coverage_cols[] = {
    {"needing", N_("Schools needing help"), RC_COUNT},
    {"paired", N_("Paired"), RC_COUNT},
    {"unpaired", N_("Unpaired"), RC_COUNT},
    {"coverage", N_("Coverage %"), RC_PERCENT},
};
static const struct report_col pair_activity_cols[] = {
    {"pairs", N_("Number of pairs"), RC_COUNT},
    {"spring", N_("Spring"), RC_COUNT},
    {"autumn", N_("Autumn"), RC_COUNT},
    {"activities", N_("Number of activities"), RC_COUNT},
    {"spring_none", N_("Idle in spring"), RC_COUNT},
    {"autumn_none", N_("Idle in autumn"), RC_COUNT},
};
static const struct report_col pair_monthly_cols[] = {
    {"due", N_("Months due"), RC_COUNT},
    {"reported", N_("Reported"), RC_COUNT},
    {"on_time", N_("On time"), RC_COUNT},
    {"late", N_("Late"), RC_COUNT},
    {"missing", N_("Not reported"), RC_COUNT},
    {"on_time_pct", N_("On time %"), RC_PERCENT},
};
static const struct report_col pair_rectification_cols[] = {
    {"issued", N_("Notices issued"), RC_COUNT},
    {"answered", N_("Answered"), RC_COUNT},
    {"open", N_("Not answered"), RC_COUNT},
    {"overdue", N_("Overdue"), RC_COUNT},
    {"answered_pct", N_("Answered %"), RC_PERCENT},
};
static const struct report_col pair_score_cols[] = {
    {"pairs", N_("Number of pairs"), RC_COUNT},
    {"scored", N_("Scored"), RC_COUNT},
    {"score", N_("Score (average)"), RC_AMOUNT},
    {"max_total", N_("Full marks"), RC_AMOUNT},
    {"rank", N_("Rank"), RC_COUNT},
};
/* end issue 15 H4 */
/* issue 17 H4: 定向招生专项计划 (sql/repeatable/36_m_admission.sql) */
static const struct report_col admission_cols[] = {
    {"applicants", N_("Applicants"), RC_COUNT},
    {"qualified", N_("Qualified"), RC_COUNT},
    {"admitted", N_("Admitted"), RC_COUNT},
    {"admitted_pct", N_("Admitted %"), RC_PERCENT},
};

/* issue 17 H2: 关爱留守儿童 (sql/repeatable/36_m_care.sql) */
static const struct report_col care_cols[] = {
    {"children", N_("Left-behind children"), RC_COUNT},
    {"guardian", N_("With a guardian"), RC_COUNT},
    {"teacher", N_("With a contact teacher"), RC_COUNT},
    {"volunteer", N_("With a volunteer"), RC_COUNT},
    {"counselled", N_("Counselled this term"), RC_COUNT},
    {"active", N_("Activities twice weekly"), RC_COUNT},
    {"cared", N_("Fully cared for"), RC_COUNT},
    {"cared_pct", N_("Fully cared for %"), RC_PERCENT},
};
/* end issue 17 H2 */

/* issue 17 H3: 随迁子女 and the canteens (sql/repeatable/36_m_canteen.sql) */
static const struct report_col subsidy_migrant_cols[] = {
    {"entitled", N_("Entitled"), RC_COUNT},
    {"granted", N_("Granted"), RC_COUNT},
    {"missing", N_("Missing"), RC_COUNT},
    {"coverage", N_("Coverage %"), RC_PERCENT},
    {"migrants", N_("Migrant children"), RC_COUNT},
    {"in_town", N_("At county-town schools"), RC_COUNT},
};
static const struct report_col canteen_cols[] = {
    {"pilot_schools", N_("Pilot schools"), RC_COUNT},
    {"with_canteen", N_("With canteen"), RC_COUNT},
    {"without_canteen", N_("Without canteen"), RC_COUNT},
    {"supply_rate", N_("Canteen supply %"), RC_PERCENT},
    {"meal_coverage", N_("Meal coverage %"), RC_PERCENT},
};
/* end issue 17 H3 */

/* issue 17 H5: rural teachers (sql/repeatable/36_m_teachers.sql) */
static const struct report_col teacher_training_cols[] = {
    {"teachers", N_("Rural teachers"), RC_COUNT},
    {"trained", N_("Trained"), RC_COUNT},
    {"untrained", N_("Not trained"), RC_COUNT},
    {"trained_pct", N_("Trained %"), RC_PERCENT},
    {"headmasters", N_("Rural headmasters"), RC_COUNT},
    {"headmasters_trained", N_("Headmasters trained"), RC_COUNT},
    {"headmasters_pct", N_("Headmasters trained %"), RC_PERCENT},
};
static const struct report_col teacher_guopei_cols[] = {
    {"places", N_("Guopei places"), RC_COUNT},
    {"village", N_("Village teachers"), RC_COUNT},
    {"teaching_point", N_("Teaching-point teachers"), RC_COUNT},
    {"town", N_("Town teachers"), RC_COUNT},
    {"priority_pct", N_("Village share %"), RC_PERCENT},
};
static const struct report_col teacher_scarce_cols[] = {
    {"teachers", N_("Teachers"), RC_COUNT},
    {"trained", N_("Trained"), RC_COUNT},
    {"untrained", N_("Not trained"), RC_COUNT},
    {"trained_pct", N_("Trained %"), RC_PERCENT},
};
static const struct report_col teacher_exchange_cols[] = {
    {"exchanges", N_("Exchanges sent"), RC_COUNT},
    {"town_to_village", N_("Town to village"), RC_COUNT},
    {"village_to_town", N_("Village to town"), RC_COUNT},
    {"other", N_("Other exchanges"), RC_COUNT},
    {"received", N_("Received from other townships"), RC_COUNT},
    {"town_to_village_pct", N_("Town to village %"), RC_PERCENT},
};
/* end issue 17 H5 */

/* issue 17 H1: preschool coverage (sql/repeatable/36_m_preschool.sql) */
static const struct report_col preschool_cols[] = {
    {"population", N_("Children 3-5"), RC_COUNT},
    {"enrolled", N_("In kindergarten"), RC_COUNT},
    {"short", N_("Short of 92%"), RC_COUNT},
    {"rate", N_("Gross enrollment %"), RC_PERCENT},
};
static const struct report_col preschool_central_cols[] = {
    {"townships", N_("Number of townships"), RC_COUNT},
    {"with_central", N_("With a central kindergarten"), RC_COUNT},
    {"central", N_("Central kindergartens"), RC_COUNT},
    {"kindergartens", N_("Kindergartens"), RC_COUNT},
    {"coverage", N_("Coverage %"), RC_PERCENT},
};
/* end issue 17 H1 */

#define COLS(a) a, (int)(sizeof(a) / sizeof(a[0]))

static const struct report_def reports[] = {
    {"subsidy", "report_subsidy", N_("Subsidy coverage"), N_("Program"), true,
     COLS(subsidy_cols), 3, 100, false},
    {"nutrition", "report_nutrition", N_("Nutrition meal coverage"), NULL,
     false, COLS(nutrition_cols), 3, 100, false},
    {"schooling", "report_schooling", N_("Schooling and dropout ledgers"), NULL,
     false, COLS(schooling_cols), 5, 100, false},
    {"special_ed", "report_special_ed", N_("Special education placement"), NULL,
     false, COLS(special_ed_cols), 3, 100, false},
    {"training", "report_training", N_("Vocational training"), N_("Course"),
     false, COLS(training_cols), 0, 1000, false},
    {"teacher_fund", "report_teacher_fund", N_("Teacher support funds"),
     N_("Program"), false, COLS(teacher_fund_cols), 3, 0, false},
    /* issue 15 H4: the pairing reports, by calendar year */
    {"pair_coverage", "report_pair_coverage", N_("Pairing coverage"),
     N_("Unpaired school"), false, COLS(pair_coverage_cols), 3, 100, true},
    {"pair_activity", "report_pair_activity", N_("Pair activities by semester"),
     N_("Pair"), false, COLS(pair_activity_cols), 3, 0, true},
    {"pair_monthly", "report_pair_monthly", N_("Pair monthly reports"),
     N_("Pair"), false, COLS(pair_monthly_cols), 5, 100, true},
    {"pair_rectifications", "report_pair_rectifications",
     N_("Rectification notices"), NULL, false, COLS(pair_rectification_cols), 4,
     100, true},
    {"pair_scores", "report_pair_scores", N_("Pair annual scores"), N_("Pair"),
     false, COLS(pair_score_cols), 2, 0, true},
    /* issue 17: the plan's other measures */
    /* H1: preschool coverage */
    {"preschool", "report_preschool", N_("Preschool gross enrollment"), NULL,
     false, COLS(preschool_cols), 3, 92, false},
    {"preschool_central", "report_preschool_central",
     N_("Central kindergarten in every township"), N_("Township without one"),
     false, COLS(preschool_central_cols), 4, 100, false},
    /* H2: the care of left-behind children, bar: fully cared for */
    {"care", "report_care", N_("Left-behind children's care"), NULL, false,
     COLS(care_cols), 7, 100, false},
    /* H3: items 'migrant' and 'local' (translated below) */
    {"subsidy_migrant", "report_subsidy_migrant",
     N_("Subsidy coverage of migrant children"), N_("Children"), true,
     COLS(subsidy_migrant_cols), 3, 100, false},
    /* H4: by 高考 (calendar) year, item = the plan; no target */
    {"admission", "report_admission", N_("Targeted college admission"),
     N_("Admission plan"), false, COLS(admission_cols), 3, 0, true},
    /* H5: rural teachers; training and 国培 by calendar year, exchanges by
       school year */
    {"teacher_training", "report_teacher_training",
     N_("Rural teacher training coverage"), NULL, false,
     COLS(teacher_training_cols), 3, 100, true},
    {"teacher_guopei", "report_teacher_guopei", N_("Guopei places"), NULL,
     false, COLS(teacher_guopei_cols), 4, 0, true},
    {"teacher_scarce", "report_teacher_scarce",
     N_("Scarce-subject teachers trained"), N_("Subject"), false,
     COLS(teacher_scarce_cols), 3, 100, true},
    {"teacher_exchange", "report_teacher_exchange", N_("Teacher exchanges"),
     NULL, false, COLS(teacher_exchange_cols), 1, 0, false},
    /* H3: the canteens */
    {"canteen", "report_canteen", N_("School canteens of the meal plan"),
     N_("Pilot school without canteen"), false, COLS(canteen_cols), 3, 100,
     false},
};

#define N_REPORTS (sizeof(reports) / sizeof(reports[0]))

const struct report_col report_missing_cols[] = {
    {"household_no", N_("Household no."), RC_TEXT},
    {"student_id", N_("Student"), RC_TEXT},
    {"name", N_("Name"), RC_TEXT},
    {"id_number_masked", N_("ID number"), RC_TEXT},
    {"stage", N_("Stage"), RC_TEXT},
    {"school", N_("School"), RC_TEXT},
    {"program", N_("Program"), RC_TEXT},
};
const int report_missing_ncols =
    (int)(sizeof(report_missing_cols) / sizeof(report_missing_cols[0]));

/* The subsidy programs of eduaid.stage_programs and their labels. */
static const struct {
    const char *code, *label;
} programs[] = {
    {"preschool_aid", N_("Preschool aid")},
    {"compulsory_waiver", N_("Compulsory waiver")},
    {"boarding_subsidy", N_("Boarding subsidy")},
    {"high_school_grant", N_("High school grant")},
    {"high_school_waiver", N_("High school fee waiver")},
    {"vocational_waiver", N_("Vocational fee waiver")},
    {"vocational_grant", N_("Vocational grant")},
    {"college_freshman_aid", N_("College freshman aid")},
    {"student_loan", N_("Student loan")},
    /* issue 17 H3: the items of subsidy_migrant */
    {"migrant", N_("Migrant children")},
    {"local", N_("Local children")},
};

const struct report_def *
report_at(size_t i)
{
    return i < N_REPORTS ? &reports[i] : NULL;
}

const struct report_def *
report_find(const char *name)
{
    for (size_t i = 0; i < N_REPORTS; i++)
        if (strcmp(reports[i].name, name) == 0)
            return &reports[i];
    return NULL;
}

/* issue 15 H4 */
int
report_year_today(const struct report_def *d)
{
    return d != NULL && d->calendar ? date_today_yyyymmdd() / 10000
                                    : date_school_year_today();
}

const char *
report_year_label(const struct report_def *d, int y, char *buf, size_t bufsz)
{
    if (d != NULL && d->calendar)
        snprintf(buf, bufsz, _("Year %d"), y);
    else
        snprintf(buf, bufsz, _("School year %d-%d"), y, y + 1);
    return buf;
}
/* end issue 15 H4 */

const char *
report_item_label(const struct report_def *d, const char *item)
{
    if (item == NULL)
        return "";
    if (d != NULL && !d->item_codes)
        return item;
    for (size_t i = 0; i < sizeof(programs) / sizeof(programs[0]); i++)
        if (strcmp(programs[i].code, item) == 0)
            return _(programs[i].label);
    return item;
}

/* <prefix>SELECT township_id, township, <cols> FROM eduaid.<function>(<args>)
 * and run it with params (args names them: "$1::int, $2::int"). */
static struct dbres *
report_call(struct db *db, const char *prefix, const char *function,
            const char *const *cols, int ncols, const char *args, int nparams,
            const char *const *params, struct db_error *err)
{
    char *fn = db_quote_ident(db, function);
    char *sql = NULL;
    size_t len = 0;
    FILE *fp = NULL;
    struct dbres *r = NULL;

    db_error_clear(err);
    if (fn == NULL || (fp = open_memstream(&sql, &len)) == NULL)
        goto nomem;
    fprintf(fp, "%sSELECT township_id, township", prefix);
    for (int i = 0; i < ncols; i++) {
        char *c = db_quote_ident(db, cols[i]);

        if (c == NULL)
            goto nomem;
        fprintf(fp, ", %s", c);
        free(c);
    }
    fprintf(fp, " FROM eduaid.%s(%s)", fn, args);
    if (fclose(fp) != 0) {
        fp = NULL;
        goto nomem;
    }
    fp = NULL;
    r = db_exec(db, sql, nparams, params, err);
    free(sql);
    free(fn);
    return r;
nomem:
    if (fp != NULL)
        fclose(fp);
    free(sql);
    free(fn);
    err->status = DB_NO_MEMORY;
    snprintf(err->message, sizeof err->message, "%s", _("out of memory"));
    return NULL;
}

struct dbres *
report_fetch(struct db *db, const struct report_def *d, int year, int township,
             struct db_error *err)
{
    const char *cols[1 + 16];
    int n = 0;
    char ybuf[16], tbuf[16];
    const char *params[2] = {ybuf, township > 0 ? tbuf : NULL};

    snprintf(ybuf, sizeof ybuf, "%d", year);
    snprintf(tbuf, sizeof tbuf, "%d", township);
    cols[n++] = "item";
    for (int i = 0; i < d->ncols && n < (int)(sizeof cols / sizeof cols[0]);
         i++)
        cols[n++] = d->cols[i].name;
    return report_call(db, "", d->function, cols, n, "$1::int, $2::int", 2,
                       params, err);
}

struct dbres *
report_missing_page(struct db *db, int year, int township,
                    const struct dbres *after, int after_row, int limit,
                    struct db_error *err)
{
    const char *cols[16];
    char ybuf[16], tbuf[16], lbuf[16];
    const char *params[7] = {ybuf, township > 0 ? tbuf : NULL};

    snprintf(ybuf, sizeof ybuf, "%d", year);
    snprintf(tbuf, sizeof tbuf, "%d", township);
    snprintf(lbuf, sizeof lbuf, "%d", limit);
    if (after != NULL) { /* the key: township_id, household_no, student_id,
                            program (the last column) */
        params[2] = dbres_get(after, after_row, 0);
        params[3] = dbres_get(after, after_row, 2);
        params[4] = dbres_get(after, after_row, 3);
        params[5] = dbres_get(after, after_row, after->ncols - 1);
    }
    params[6] = limit > 0 ? lbuf : NULL;
    for (int i = 0; i < report_missing_ncols; i++)
        cols[i] = report_missing_cols[i].name;
    return report_call(db, "", "report_subsidy_missing", cols,
                       report_missing_ncols,
                       "$1::int, $2::int, $3::int, $4::text, $5::bigint, "
                       "$6::text, $7::int",
                       7, params, err);
}

/* Open cursor `cursor` (in the caller's transaction) over the whole
 * missing list, in the order and columns of report_missing_page. */
static int
report_missing_declare(struct db *db, const char *cursor, int year,
                       int township, struct db_error *err)
{
    const char *cols[16];
    char *name = db_quote_ident(db, cursor);
    char *prefix = NULL;
    char ybuf[16], tbuf[16];
    const char *params[2] = {ybuf, township > 0 ? tbuf : NULL};
    struct dbres *r = NULL;
    int rc;

    snprintf(ybuf, sizeof ybuf, "%d", year);
    snprintf(tbuf, sizeof tbuf, "%d", township);
    for (int i = 0; i < report_missing_ncols; i++)
        cols[i] = report_missing_cols[i].name;
    if (name != NULL &&
        asprintf(&prefix, "DECLARE %s NO SCROLL CURSOR FOR ", name) >= 0)
        r = report_call(db, prefix, "report_subsidy_missing", cols,
                        report_missing_ncols, "$1::int, $2::int", 2, params,
                        err);
    else {
        prefix = NULL;
        db_error_clear(err);
        err->status = DB_NO_MEMORY;
        snprintf(err->message, sizeof err->message, "%s", _("out of memory"));
    }
    rc = r != NULL ? 0 : -1;
    free(prefix);
    free(name);
    dbres_free(r);
    return rc;
}

/* The cursor of report_missing_open. */
#define MISSING_CURSOR "eduaid_missing"

struct report_cursor {
    struct db *db;
};

struct report_cursor *
report_missing_open(struct db *db, int year, int township, struct db_error *err)
{
    struct report_cursor *c = malloc(sizeof(*c));

    if (c == NULL) {
        db_error_clear(err);
        err->status = DB_NO_MEMORY;
        snprintf(err->message, sizeof err->message, "%s", _("out of memory"));
        return NULL;
    }
    c->db = db;
    /* every line will be read: plan for all of them, not the first few */
    if (db_begin(db, err) != 0 ||
        db_command(db, "SET TRANSACTION READ ONLY", 0, NULL, err) != 0 ||
        db_command(db, "SET LOCAL cursor_tuple_fraction = 1", 0, NULL, err) !=
            0 ||
        report_missing_declare(db, MISSING_CURSOR, year, township, err) != 0) {
        db_rollback(db);
        free(c);
        return NULL;
    }
    return c;
}

struct dbres *
report_cursor_fetch(struct report_cursor *c, struct db_error *err)
{
    char sql[64];

    snprintf(sql, sizeof sql, "FETCH %d FROM " MISSING_CURSOR,
             REPORT_CURSOR_PAGE);
    return db_exec(c->db, sql, 0, NULL, err);
}

void
report_cursor_close(struct report_cursor *c)
{
    if (c == NULL)
        return;
    db_rollback(c->db); /* it only read */
    free(c);
}
