/*
 * match.h
 *   Whether a pick list's row matches what the user typed in its filter
 *   box: every word of the filter (split at ASCII white space) found
 *   somewhere in one of the row's texts, ASCII letters ignoring case,
 *   anything else byte for byte (UTF-8: a Chinese word matches itself
 *   only). Pure; the lookups that search the server do the same there
 *   (ILIKE '%word%', src/db/record.c).
 */
#ifndef EDUAID_CORE_MATCH_H
#define EDUAID_CORE_MATCH_H

#include <stdbool.h>
#include <stddef.h>

/* Whether needle occurs in hay, ASCII case ignored ("" occurs in all;
 * NULL hay: nowhere). */
bool match_contains(const char *hay, const char *needle);

/* Whether every word of filter (NULL or blank: matches all) occurs in one
 * of texts[0..n-1] (NULL texts are skipped). */
bool match_words(const char *filter, const char *const *texts, size_t n);

#endif /* EDUAID_CORE_MATCH_H */
