/*
 * tests/bench/connstamp.c
 *   An LD_PRELOAD shim for the start-up benchmark: when a program (eduaid,
 *   tests/bench/minimal) calls PQconnectdbParams or PQconnectdb, append
 *   "START END" to the file named by $BENCH_STAMP -- CLOCK_REALTIME in
 *   microseconds when the call began and when it returned -- so that
 *   tests/bench/startup.sh can split the wall time into before the
 *   connection, the connection (TCP, TLS, SCRAM) and after it, whatever
 *   the program does, without changing it.
 */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long
now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void
stamp(long long start, long long end)
{
    const char *path = getenv("BENCH_STAMP");
    FILE *f;

    if (path == NULL || (f = fopen(path, "a")) == NULL)
        return;
    fprintf(f, "%lld %lld\n", start, end);
    fclose(f);
}

PGconn *
PQconnectdbParams(const char *const *keywords, const char *const *values,
                  int expand_dbname)
{
    PGconn *(*real)(const char *const *, const char *const *, int);
    long long t0 = now_us();
    PGconn *conn;

    *(void **)&real = dlsym(RTLD_NEXT, "PQconnectdbParams");
    if (real == NULL)
        return NULL;
    conn = real(keywords, values, expand_dbname);
    stamp(t0, now_us());
    return conn;
}

PGconn *
PQconnectdb(const char *conninfo)
{
    PGconn *(*real)(const char *);
    long long t0 = now_us();
    PGconn *conn;

    *(void **)&real = dlsym(RTLD_NEXT, "PQconnectdb");
    if (real == NULL)
        return NULL;
    conn = real(conninfo);
    stamp(t0, now_us());
    return conn;
}
