/*
 * tlswords.c
 *   The words for a connection refused over TLS (tlswords.h): libpq's and
 *   the server's texts matched, in English and in the zh_CN of their
 *   catalogues (the server speaks its lc_messages before the login).
 */
#include "config.h"

#include "core/tlswords.h"

#include <string.h>

#include "core/i18n.h"

const char *
tls_failure_words(const char *m)
{
    if (m == NULL)
        return NULL;
    if (strstr(m, "certificate") != NULL || strstr(m, "SSL") != NULL ||
        strstr(m, "证书") != NULL)
        return _("the server's certificate could not be verified: it is not "
                 "for this host name, or not signed by the CA of "
                 "sslrootcert");
    if (strstr(m, "no encryption") != NULL || strstr(m, "pg_hba.conf") != NULL)
        return _("the server refuses this connection: connect over TLS "
                 "(sslmode=verify-full) as the administrator says");
    return NULL;
}
