/*
 * fuzz.h
 *   What the libFuzzer targets of tests/fuzz share: the entry point's
 *   prototype, a check that aborts (so libFuzzer keeps the input as a
 *   crash), copying the input into a NUL-terminated string, and one scratch
 *   file per process for the loaders that read a path (tmpfs when there
 *   is one: the journal fsyncs). Header-only: each target is one program.
 */
#ifndef EDUAID_FUZZ_H
#define EDUAID_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant of the code under test: a failure is a finding. */
#define FUZZ_ASSERT(cond)                                                      \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__,         \
                    __LINE__, #cond);                                          \
            abort();                                                           \
        }                                                                      \
    } while (0)

/* A malloc'd NUL-terminated copy of data (NUL bytes inside kept: the
 * string ends at the first). Aborts when out of memory. */
static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);

    FUZZ_ASSERT(s != NULL);
    if (size > 0)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* A private directory for this process, made once in $EDUAID_FUZZ_TMP
 * (tests/fuzz/smoke.sh makes one and removes it after), else /dev/shm
 * when writable, else /tmp. */
static inline const char *
fuzz_dir(void)
{
    static char dir[256];
    const char *base = getenv("EDUAID_FUZZ_TMP");

    if (dir[0] != '\0')
        return dir;
    if (base == NULL || *base == '\0')
        base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof(dir), "%s/eduaid-fuzz-XXXXXX", base);
    FUZZ_ASSERT(mkdtemp(dir) != NULL);
    return dir;
}

/* Write data to this process's scratch file NAME in fuzz_dir() and return
 * its path (a static buffer). */
static inline const char *
fuzz_file(const char *name, const uint8_t *data, size_t size)
{
    static char path[512];
    FILE *fp;

    snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
    fp = fopen(path, "wb");
    FUZZ_ASSERT(fp != NULL);
    FUZZ_ASSERT(size == 0 || fwrite(data, 1, size, fp) == size);
    FUZZ_ASSERT(fclose(fp) == 0);
    return path;
}

#endif /* EDUAID_FUZZ_H */
