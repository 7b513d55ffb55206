/*
 * notify.c
 *   The change channels of the session (see notify.h): LISTEN at login
 *   and after every reconnect, notifications read when the socket is
 *   readable and coalesced into one change of generation per burst, and
 *   a reconnect tried while idle when the connection is gone.
 */
#include "config.h"

#include "db/notify.h"

#include <string.h>

/* Reconnecting while idle, one quick try at a time (db_reconnect_once):
 * the first pause and the longest (ms). The first is long enough that a
 * user who presses a key at once meets the usual reconnect of the next
 * statement (with its words on the status line) first. */
#define RETRY_FIRST_MS 10000
#define RETRY_MAX_MS 30000

static struct {
    bool listening;      /* notify_listen succeeded on this session */
    unsigned long gen;   /* the change generation */
    long long burst_end; /* a burst is on: raise gen then (ms), or 0 */
    long long retry_at;  /* reconnect then (ms), or 0 */
    long retry_ms;       /* the pause before the next try */
    int taken;           /* notifications notify_fd took, not yet polled */
} nt;

static bool
has_channels(const char *role)
{
    static const char *const roles[] = {"clerk", "officer", "supervisor",
                                        "auditor"};

    for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
        if (strcmp(role, roles[i]) == 0)
            return true;
    return false;
}

int
notify_listen(struct db *db, struct db_error *err)
{
    db_error_clear(err);
    nt.listening = false;
    if (!has_channels(db_role(db)))
        return 0;
    if (db_set_session_sql(db, "SELECT eduaid.listen_my_channels()", err) != 0)
        return -1;
    nt.listening = true;
    nt.retry_ms = RETRY_FIRST_MS;
    return 0;
}

int
notify_fd(struct db *db)
{
    int n;

    if (!nt.listening)
        return -1;
    /* A notification that came while a statement ran (a screen loading
     * what the last one announced) was read off the socket with its
     * answer and waits in libpq: the socket will not wake us for it. */
    if ((n = db_notifications(db)) > 0) {
        nt.taken += n;
        return NOTIFY_READY;
    }
    return db_socket(db);
}

/* The time until t (ms, at least 0), or -1 when t is 0 (none). */
static long
until(long long t, long long now_ms)
{
    if (t == 0)
        return -1;
    return t > now_ms ? (long)(t - now_ms) : 0;
}

/* The connection is down: try again when the pause is over. */
static void
retry(struct db *db, long long now_ms)
{
    if (nt.retry_at == 0) {
        nt.retry_at = now_ms + nt.retry_ms;
        return;
    }
    if (now_ms < nt.retry_at)
        return;
    if (db_reconnect_once(db) == 0) {
        /* what changed while it was down is not known: load again */
        nt.gen++;
        nt.retry_at = 0;
        nt.retry_ms = RETRY_FIRST_MS;
        return;
    }
    nt.retry_ms =
        nt.retry_ms * 2 < RETRY_MAX_MS ? nt.retry_ms * 2 : RETRY_MAX_MS;
    nt.retry_at = now_ms + nt.retry_ms;
}

long
notify_poll(struct db *db, long long now_ms)
{
    long a, b;

    if (!nt.listening || db == NULL)
        return -1;
    if (db_notifications(db) + nt.taken > 0 && nt.burst_end == 0)
        nt.burst_end = now_ms + NOTIFY_COALESCE_MS;
    nt.taken = 0;
    if (nt.burst_end != 0 && now_ms >= nt.burst_end) {
        nt.gen++;
        nt.burst_end = 0;
    }
    if (db_connected(db))
        nt.retry_at = 0;
    else
        retry(db, now_ms);
    a = until(nt.burst_end, now_ms);
    b = until(nt.retry_at, now_ms);
    if (a < 0)
        return b;
    return b >= 0 && b < a ? b : a;
}

unsigned long
notify_generation(void)
{
    return nt.gen;
}

bool
notify_news(unsigned long *seen)
{
    if (*seen == nt.gen)
        return false;
    *seen = nt.gen;
    return true;
}
