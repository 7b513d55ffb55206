/*
 * cmdline.c
 *   Recognising options on the command line (see cmdline.h).
 */
#include "config.h"

#include "core/cmdline.h"

#include <string.h>

/* True for "-h" and "--help". */
bool
is_help_option(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

/* True for an argument that looks like an option: "-x", "--xyz". */
bool
is_option(const char *arg)
{
    return arg[0] == '-' && arg[1] != '\0';
}
