/*
 * fuzz_csv.c
 *   libFuzzer target: the roster import's reading, as db/rosterload.c does
 *   it without a server. The input is a CSV file (the encoding detected,
 *   or forced by its first byte when that is one of 0x01-0x03); its first
 *   record is the header (roster_header_map), every further record is
 *   checked (roster_record_check) and its township and village resolved
 *   among a few places. Checked: errors carry a place inside the file and
 *   a message; every field of a checked record is NULL or a string.
 */
#include "config.h"

#include "fuzz.h"

#include "core/csv.h"
#include "core/roster.h"

static const struct roster_place townships[] = {
    {1, 0, "城关镇"}, {2, 0, "城关镇"}, {3, 0, "岔口乡"}};
static const struct roster_place villages[] = {
    {10, 1, "东村"}, {11, 1, "西村"}, {12, 1, "东村"}, {13, 3, "东村"}};

static void
check_record(const struct roster_header *h, char **fields, size_t n)
{
    struct roster_record rec;
    struct roster_problem p;
    long long t;

    if (roster_record_check(h, (const char *const *)fields, n, &rec, 20250901,
                            &p) != 0) {
        FUZZ_ASSERT(p.column >= 0);
        FUZZ_ASSERT(memchr(p.message, '\0', sizeof(p.message)) != NULL);
    } else {
        for (int c = 0; c < RC_N; c++)
            FUZZ_ASSERT(rec.values[c] == NULL || strlen(rec.values[c]) > 0);
        t = roster_resolve_township(townships, 3, rec.values[RC_TOWNSHIP]);
        if (t > 0)
            roster_resolve_village(villages, 4, t, rec.values[RC_VILLAGE]);
        roster_stage_code(rec.values[RC_STAGE] ? rec.values[RC_STAGE] : "");
        roster_relation_code(rec.values[RC_RELATION] ? rec.values[RC_RELATION]
                                                     : "");
    }
    roster_record_free(&rec);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    enum csv_encoding enc = CSV_ENC_UNKNOWN;
    struct csv_reader *r;
    struct csv_error err;
    struct roster_header h;
    char **fields, msg[300];
    size_t n;
    long col;
    int got, records = 0;
    FILE *fp;

    csv_detect(data, size);
    if (size > 0 && data[0] >= 1 && data[0] <= 3) {
        enc = (enum csv_encoding)data[0];
        data++;
        size--;
    }
    if ((fp = fmemopen(size ? (void *)data : (void *)"", size ? size : 1,
                       "rb")) == NULL)
        return 0;
    if (size == 0)
        fgetc(fp); /* an empty file, not one NUL byte */
    if ((r = csv_open(fp, enc, &err)) == NULL) {
        FUZZ_ASSERT(err.line == 0);
        fclose(fp);
        return 0;
    }
    memset(&h, 0, sizeof(h));
    while ((got = csv_next(r, &fields, &n, &err)) == 1) {
        FUZZ_ASSERT(csv_line(r) >= 1);
        for (size_t i = 0; i < n; i++)
            FUZZ_ASSERT(fields[i] != NULL);
        if (records++ == 0) {
            col = 0;
            if (roster_header_map((const char *const *)fields, n, &h, &col, msg,
                                  sizeof(msg)) != 0) {
                FUZZ_ASSERT(col >= 0 && (size_t)col <= n);
                break;
            }
            FUZZ_ASSERT(h.nfields == n);
            continue;
        }
        check_record(&h, fields, n);
    }
    if (got < 0) {
        FUZZ_ASSERT(err.line >= 0 && err.column >= 0);
        /* after an error every further call fails the same way */
        FUZZ_ASSERT(csv_next(r, &fields, &n, &err) == -1);
    }
    roster_header_free(&h);
    csv_close(r);
    fclose(fp);
    return 0;
}
