/*
 * cli.h
 *   The subcommands of eduaid (one file each in src/cli), as main.c's
 *   table calls them, and the global options they connect with.
 */
#ifndef EDUAID_CLI_CLI_H
#define EDUAID_CLI_CLI_H

#include "core/cmdline.h"

/* Subcommands: argv[0] is the command's name; return the exit status. */
int cmd_check_id(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_notice(int argc, char **argv);
int cmd_pairing(int argc, char **argv);   /* issue 15 H4 */
int cmd_admission(int argc, char **argv); /* issue 17 H4 */
int cmd_import(int argc, char **argv);
int cmd_import_preschool(int argc, char **argv); /* issue 17 H1 */
int cmd_rates(int argc, char **argv);
int cmd_reconcile(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_teachers(int argc, char **argv); /* issue 17 H5 */

/* The global options given before the command: main.c sets them before
 * it runs one; subcommands that connect read them (cmd_connect.c). The
 * struct is copied. */
void cli_set_options(const struct options *opts);
/* The subcommand being run ("export"): its connections' application_name
 * is "eduaid/export" (pg_stat_activity). */
void cli_set_command(const char *name);
const struct options *cli_options(void);

#endif /* EDUAID_CLI_CLI_H */
