/*
 * tests/bench/minimal.c
 *   The reference the benchmarks hold eduaid's start-up against: the least
 *   a libpq + ncursesw program can do to show a first screen -- connect
 *   (the libpq environment: PGHOST, PGPORT, PGUSER, PGSSLMODE, ...), run
 *   one query (by default the counts by state of the four kinds of
 *   records, in one statement), draw its rows in a box, and leave.
 *
 *   minimal [--headless] [-c SQL] [-n N] [-C SQL2]
 *
 *   --headless  draw on /dev/null (newterm, xterm-256color, 80x24) and exit
 *               at once, as eduaid --headless does with an empty key
 *               script; without it, draw on the terminal and wait for a key
 *   -c SQL      the first screen's query
 *   -n N -C SQL2  then N times: run SQL2 and draw its rows (a page-down, a
 *               save: the one statement the ideal client sends), default
 *               SQL2 = SQL
 *
 *   Exit status 0, or 1 with libpq's message on stderr.
 */
#ifndef _XOPEN_SOURCE /* ncursesw's flags may set it */
#define _XOPEN_SOURCE 700
#endif

#include <curses.h>
#include <libpq-fe.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *default_sql =
    "SELECT k, status, count(*) FROM ("
    " SELECT 'household' AS k, status FROM eduaid.household"
    " UNION ALL SELECT 'training', status FROM eduaid.training_enrollment"
    " UNION ALL SELECT 'special_ed', status FROM eduaid.special_ed_plan"
    " UNION ALL SELECT 'teacher_fund', status"
    " FROM eduaid.teacher_fund_application) AS r"
    " GROUP BY k, status ORDER BY k, status";

/* Run sql; NULL (message on stderr) unless it returned tuples or was a
 * command. */
static PGresult *
run(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, sql);
    ExecStatusType st = PQresultStatus(res);

    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        fprintf(stderr, "minimal: %s", PQerrorMessage(conn));
        PQclear(res);
        return NULL;
    }
    return res;
}

/* The result's rows in a box, the fields separated by blanks. */
static void
draw(const PGresult *res, int pass)
{
    int rows = PQntuples(res), cols = PQnfields(res);

    erase();
    box(stdscr, 0, 0);
    mvprintw(0, 2, " minimal: %d rows (%d) ", rows, pass);
    for (int r = 0; r < rows && r + 1 < LINES - 1; r++) {
        move(r + 1, 2);
        for (int c = 0; c < cols; c++)
            printw("%s ", PQgetvalue(res, r, c));
    }
    refresh();
}

/* The screen: the terminal, or /dev/null at 80x24. */
static int
screen_open(int headless)
{
    FILE *out, *in;

    if (!headless)
        return initscr() == NULL ? -1 : 0;
    out = fopen("/dev/null", "w");
    in = fopen("/dev/null", "r");
    if (out == NULL || in == NULL)
        return -1;
    setenv("LINES", "24", 1);
    setenv("COLUMNS", "80", 1);
    return newterm("xterm-256color", out, in) == NULL ? -1 : 0;
}

int
main(int argc, char **argv)
{
    const char *sql = default_sql, *sql2 = NULL;
    int headless = 0, n = 0, status = 0;
    PGconn *conn;
    PGresult *res;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--headless") == 0)
            headless = 1;
        else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
            sql = argv[++i];
        else if (strcmp(argv[i], "-C") == 0 && i + 1 < argc)
            sql2 = argv[++i];
        else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            n = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: minimal [--headless] [-c SQL] [-n N] "
                            "[-C SQL2]\n");
            return 2;
        }
    }
    setlocale(LC_ALL, "");
    conn = PQconnectdb("fallback_application_name=minimal");
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "minimal: %s", PQerrorMessage(conn));
        PQfinish(conn);
        return 1;
    }
    res = run(conn, sql);
    if (res == NULL || screen_open(headless) != 0) {
        PQclear(res);
        PQfinish(conn);
        return 1;
    }
    draw(res, 0);
    PQclear(res);
    for (int i = 1; i <= n && status == 0; i++) {
        res = run(conn, sql2 != NULL ? sql2 : sql);
        if (res == NULL)
            status = 1;
        else
            draw(res, i);
        PQclear(res);
    }
    if (!headless)
        getch();
    endwin();
    PQfinish(conn);
    return status;
}
