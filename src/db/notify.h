/*
 * notify.h
 *   Live updates without polling (issue 16): the session listens on the
 *   change channels of its townships (eduaid.listen_my_channels(),
 *   sql/repeatable/37_change_channels.sql); a change of a record there,
 *   committed by someone else, raises the change generation, once per
 *   burst, and the screens that show counts or queues load again when
 *   they see a generation they have not seen. Also after a reconnect (the
 *   server restarted: what changed meanwhile is unknown), which is tried
 *   by itself, with a growing pause, while the client sits idle.
 *
 *   Every call is without a round trip but notify_listen and the
 *   reconnect of notify_poll; none blocks but those.
 */
#ifndef EDUAID_DB_NOTIFY_H
#define EDUAID_DB_NOTIFY_H

#include <stdbool.h>

#include "db/db.h"

/* Notifications within this long of the first of a burst make one
 * change of generation (ms). */
#define NOTIFY_COALESCE_MS 300

/*
 * notify_listen
 *
 * LISTEN on the change channels of the session's role (clerks,
 * officers, supervisors and auditors; anyone else has none: 0 at once),
 * now and after every reconnect (db_set_session_sql). 0, or -1 with err
 * filled in: the client then works as before, without live updates.
 */
int notify_listen(struct db *db, struct db_error *err);

/* The descriptor to wait on for notifications, or -1 (not listening,
 * or the connection is down), or NOTIFY_READY when notifications have
 * already arrived (read with the answer of a statement run since the
 * last notify_poll): poll at once rather than wait. */
#define NOTIFY_READY (-2)
int notify_fd(struct db *db);

/*
 * notify_poll
 *
 * Read what the server sent; at now_ms (CLOCK_MONOTONIC, ms) raise the
 * generation when a burst's pause is over, and reconnect when the
 * connection was lost and the pause before the next try is over. Returns
 * the milliseconds until it wants to be called again, or -1 for no time
 * (only when the descriptor is readable).
 */
long notify_poll(struct db *db, long long now_ms);

/* The change generation, and whether *seen is behind it (then *seen
 * catches up: true once per change for each observer). */
unsigned long notify_generation(void);
bool notify_news(unsigned long *seen);

#endif /* EDUAID_DB_NOTIFY_H */
