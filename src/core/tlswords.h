/*
 * tlswords.h
 *   What a connection that failed before any login means, in words (issue
 *   14, TCP only over TLS), for the command line (cli/cmd_connect.c) and
 *   the login screen (screens/login.c): libpq's text of the failure in,
 *   a translated sentence out. libpq's own text is shown after it.
 */
#ifndef EDUAID_CORE_TLSWORDS_H
#define EDUAID_CORE_TLSWORDS_H

/* A server certificate that is not for the host name asked for or not
 * signed by the CA given (sslmode=verify-full), or the server refusing a
 * connection without TLS (pg_hba.conf): the words; NULL when the failure
 * m (libpq's message) is neither. */
const char *tls_failure_words(const char *m);

#endif /* EDUAID_CORE_TLSWORDS_H */
