/*
 * cmdline.c
 *   Recognising options on the command line, and the connection string
 *   the -d, -h and -p options make of the configuration's (see cmdline.h).
 */
#include "config.h"

#include "core/cmdline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* True for "-?" and "--help". */
bool
is_help_option(const char *arg)
{
    return strcmp(arg, "-?") == 0 || strcmp(arg, "--help") == 0;
}

/* True for an argument that looks like an option: "-x", "--xyz". */
bool
is_option(const char *arg)
{
    return arg[0] == '-' && arg[1] != '\0';
}

/* A URI, as libpq recognises one. */
static bool
is_uri(const char *s)
{
    return strncmp(s, "postgresql://", 13) == 0 ||
           strncmp(s, "postgres://", 11) == 0;
}

/* Room for v appended as a keyword value or a URI parameter (worst case:
 * every byte escaped, three bytes each), plus the key and quotes. */
static size_t
room(const char *v)
{
    return v != NULL ? 3 * strlen(v) + 16 : 0;
}

/* Append " key='v'" (quotes and backslashes escaped) to out at *len. */
static void
append_keyword(char *out, size_t *len, const char *key, const char *v)
{
    *len += (size_t)sprintf(out + *len, "%s%s='", *len > 0 ? " " : "", key);
    for (; *v != '\0'; v++) {
        if (*v == '\'' || *v == '\\')
            out[(*len)++] = '\\';
        out[(*len)++] = *v;
    }
    out[(*len)++] = '\'';
    out[*len] = '\0';
}

/* Append "?key=v" or "&key=v" (percent-encoded) to the URI in out. */
static void
append_param(char *out, size_t *len, const char *key, const char *v)
{
    static const char hex[] = "0123456789ABCDEF";

    *len += (size_t)sprintf(out + *len,
                            "%c%s=", strchr(out, '?') != NULL ? '&' : '?', key);
    for (; *v != '\0'; v++) {
        unsigned char c = (unsigned char)*v;

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || strchr("-._~/", c) != NULL) {
            out[(*len)++] = (char)c;
        } else {
            out[(*len)++] = '%';
            out[(*len)++] = hex[c >> 4];
            out[(*len)++] = hex[c & 15];
        }
    }
    out[*len] = '\0';
}

/* Append keyword key with value v (if any) in the form base has. */
static void
append_setting(char *out, size_t *len, bool uri, const char *key, const char *v)
{
    if (v == NULL)
        return;
    if (uri)
        append_param(out, len, key, v);
    else
        append_keyword(out, len, key, v);
}

char *
options_conninfo(const struct options *opts, const char *base)
{
    const char *dbname = NULL;
    size_t len, size;
    char *out;
    bool uri;

    if (base == NULL)
        base = "";
    if (opts->conninfo != NULL) {
        if (strchr(opts->conninfo, '=') != NULL || is_uri(opts->conninfo))
            base = opts->conninfo;
        else
            dbname = opts->conninfo;
    }
    uri = is_uri(base);
    size =
        strlen(base) + room(dbname) + room(opts->host) + room(opts->port) + 1;
    if ((out = malloc(size)) == NULL)
        return NULL;
    len = (size_t)sprintf(out, "%s", base);
    append_setting(out, &len, uri, "dbname", dbname);
    append_setting(out, &len, uri, "host", opts->host);
    append_setting(out, &len, uri, "port", opts->port);
    return out;
}
