/*
 * errlog.h
 *   The client's own error log, for the administrator: one line per error
 *   a screen or a command showed, in $XDG_STATE_HOME/eduaid/eduaid.log
 *   (default ~/.local/state/eduaid/eduaid.log; file 0600, directory 0700),
 *   kept to about ERRLOG_MAX_BYTES by moving it to eduaid.log.1 when full.
 *
 *   A line: the time (UTC, ISO 8601), the process, the login, where (the
 *   screen or the command), the SQLSTATE and constraint, and the words of
 *   eduaid.message (English) for them -- never personal data: no field
 *   value, no server message or DETAIL (they may quote a value, such as
 *   the ID number a unique key refused). Callers pass only those; the
 *   words are neutralised here (no control characters, no line breaks).
 *
 *     2026-12-07T04:40:08Z pid=4242 user=demo_clerk where=form
 *     sqlstate=23505 constraint=person_id_number_key words="..."
 *
 *   Logging never fails loudly: a log that cannot be written is skipped.
 */
#ifndef EDUAID_CORE_ERRLOG_H
#define EDUAID_CORE_ERRLOG_H

/* Rotate past this size (one older file kept). */
#define ERRLOG_MAX_BYTES (1024L * 1024L)

/* The log's path ($XDG_STATE_HOME/eduaid/eduaid.log), malloc'd, or NULL
 * without a home or memory. */
char *errlog_path(void);

/* Append one line to the log. user, where, sqlstate, constraint and
 * words may be NULL or "" (left out). */
void errlog_write(const char *user, const char *where, const char *sqlstate,
                  const char *constraint, const char *words);

#endif /* EDUAID_CORE_ERRLOG_H */
