/*
 * client.h
 *   The interactive terminal client: what main.c runs when no subcommand
 *   is given (see client.c).
 */
#ifndef EDUAID_APP_CLIENT_H
#define EDUAID_APP_CLIENT_H

#include "core/cmdline.h"

/* Settle the configuration, forms and connection, then run the screens
 * (on the terminal, or headless when opts->headless or opts->keys says:
 * ui/headless.h); returns the exit status. */
int client_main(const struct options *opts);

#endif /* EDUAID_APP_CLIENT_H */
